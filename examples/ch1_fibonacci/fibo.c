/* The yardstick for chapter 1: the same naive double recursion in C.
 * Built by the tour with `cc -O2`; gcc turns one of the two recursive calls into a loop by itself, which
 * makes this the practical floor for the algorithm in native code.
 * Usage: fibo_c [n] [repeat]  -> prints one JSON line: {"n": .., "value": .., "seconds": median}. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static unsigned long long fibo(unsigned long long n) {
    if (n == 1 || n == 2) return 1;
    return fibo(n - 2) + fibo(n - 1);
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 40;
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    if (n < 1 || n > 93 || repeat < 1 || repeat > 1000) {
        fprintf(stderr, "usage: fibo_c [n in 1..93] [repeat in 1..1000]\n");
        return 2;
    }
    double times[1000];
    volatile unsigned long long value = 0;
    for (int i = 0; i < repeat; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        value = fibo((unsigned long long)n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        times[i] = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    }
    qsort(times, (size_t)repeat, sizeof(double), cmp);
    printf("{\"n\": %ld, \"value\": %llu, \"seconds\": %.9f}\n", n, value, times[repeat / 2]);
    return 0;
}

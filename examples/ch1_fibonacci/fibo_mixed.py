"""Chapter 1, step 3: the same program, with the hot function imported from Rust.

First build the wheel into your environment:
    cd crates/fibo-py && maturin develop --release
Then run: python examples/ch1_fibonacci/fibo_mixed.py [n]
"""

import sys
import time

from fibo_rust import fibo


def main(n: int) -> None:
    before = time.perf_counter()
    result = fibo(n)
    after = time.perf_counter()
    print(f"Result in Rust called from Python after {after - before:.3f} seconds is: {result}.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)

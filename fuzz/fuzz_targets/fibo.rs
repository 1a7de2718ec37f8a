//! Any `n` at all: `checked_fibo`'s bounds never panic, and the interruptible recursion either returns the
//! right number or stops when told to, for every `n` the checks accept.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn iterative(n: u64) -> u64 {
    let (mut a, mut b) = (1u64, 1u64);
    for _ in 2..n {
        (a, b) = (b, a + b);
    }
    b
}

fuzz_target!(|input: (i128, u8)| {
    let (n, budget) = input;
    match fibo_core::check_n(n) {
        Err(_) => assert!(!(1..=i128::from(fibo_core::MAX_N)).contains(&n)),
        Ok(n) => {
            // A call-back that allows `budget % 8` checks, then asks the recursion to stop.
            let mut left = budget % 8;
            let result = fibo_core::fibo_interruptible(n, fibo_core::fibo, &mut || {
                if left == 0 {
                    return Err(());
                }
                left -= 1;
                Ok(())
            });
            if let Ok(value) = result {
                assert_eq!(value, iterative(n));
            } else {
                assert!(n > fibo_core::INTERRUPT_CHECK_ABOVE);
            }
        }
    }
});

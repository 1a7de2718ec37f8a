//! Any floats, any stride: the in-place view sum equals the plain in-order sum (NaN where it is NaN), and
//! the byte sum is exact.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ndarray::{Array1, s};

fuzz_target!(|input: (Vec<f64>, Vec<u8>, i8)| {
    let (values, bytes, step) = input;
    let step = isize::from(step % 5);
    let step = if step == 0 { 1 } else { step };
    let array = Array1::from(values);
    let view = array.slice(s![..;step]);
    // Python's `sum`: from 0, in order (so zeros sum to a positive zero).
    let expected = view.iter().fold(0.0, |sum, v| sum + v);
    let got = boundary_core::sum_view(&view);
    assert!(got.to_bits() == expected.to_bits() || (got.is_nan() && expected.is_nan()));
    let exact: u64 = bytes.iter().map(|&b| u64::from(b)).sum();
    assert_eq!(boundary_core::sum_bytes(&bytes), exact);
});

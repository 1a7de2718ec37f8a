//! Ctrl-C stops watched work: a test binary of its own (`harness = false`), because Python runs signal
//! handlers only in the thread that started the interpreter, and the default harness runs each test in a
//! thread of its own.

#![allow(clippy::print_stdout)] // a line per plan, as a test harness would print

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use py_glue::{Plan, keep_going, run_detached};
use pyo3::prelude::*;

/// Work that spins until stopped, or gives up after `limit` (so that a failing test cannot hang).
fn spin_until_stopped(stop: &AtomicBool, limit: Duration) -> Option<&'static str> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if keep_going(stop).is_err() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Some("never stopped")
}

fn main() {
    Python::attach(|py| {
        // An embedded interpreter leaves SIGINT alone; install the handler `python` itself installs.
        py.run(
            c"import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n",
            None,
            None,
        )
        .expect("SIGINT handler installed");
        for parallel in [false, true] {
            let plan = Plan {
                parallel,
                watched: true,
            };
            let start = Instant::now();
            let answer = run_detached(py, plan, |stop| {
                // Ctrl-C, sent from the work's own thread to the process.
                Python::attach(|py| {
                    py.run(
                        c"import os, signal\nos.kill(os.getpid(), signal.SIGINT)\n",
                        None,
                        None,
                    )
                })
                .expect("SIGINT sent");
                spin_until_stopped(stop, Duration::from_secs(30))
            });
            let err = answer.expect_err("Ctrl-C stops the work");
            assert!(
                err.is_instance_of::<pyo3::exceptions::PyKeyboardInterrupt>(py),
                "{plan:?}: {err}"
            );
            assert!(start.elapsed() < Duration::from_secs(10), "{plan:?}");
            println!(
                "ctrl_c: {plan:?} stopped by KeyboardInterrupt in {:?}",
                start.elapsed()
            );
        }
        // Unwatched work is not stopped; a pending signal raises at the next check instead.
        let answer = run_detached(py, Plan::default(), |stop| Some(keep_going(stop).is_ok()));
        assert!(answer.expect("unwatched work answers"));
    });
}

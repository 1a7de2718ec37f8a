//! Long work with the GIL released, that Ctrl-C can stop: the one mechanism every wrapper uses.
//!
//! Python runs its signal handlers only in the main thread, between bytecodes, so while Rust computes
//! with the GIL released, Ctrl-C is noticed only once the call returns. Calling back into Python from the
//! work (to run the handlers) cannot serve parallel work: on a pool thread `check_signals` does nothing.
//! So [`run_detached`] hands long work to another thread and keeps the calling thread free to watch:
//! every few milliseconds it takes the GIL just long enough to run the signal handlers, and when one
//! raises (`KeyboardInterrupt` for Ctrl-C) it sets the stop flag that the work polls, waits for the work
//! to notice, and returns that exception.
//!
//! The work gets the flag (`&AtomicBool`) and returns `None` once it has seen it set. Cores that take a
//! callback instead (`FnMut() -> Result<(), E>`) are given [`keep_going`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use pyo3::exceptions::PySystemError;
use pyo3::prelude::*;

use crate::pool::pool;

/// How often the calling thread looks for Ctrl-C while watched work runs.
const WATCH_EVERY: Duration = Duration::from_millis(20);

/// Where [`run_detached`] runs the work, decided by the caller from the size of the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Plan {
    /// Run on the process's own pool ([`crate::pool`]), so that rayon's parallel iterators inside the
    /// work spread over its threads (and survive a `fork()`).
    pub parallel: bool,
    /// Long enough to be watched for Ctrl-C: run on another thread while the caller watches. Short work
    /// runs unwatched, without that hand-over (tens of microseconds).
    pub watched: bool,
}

/// The error of [`keep_going`]: the stop flag was set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

/// For cores that poll a callback: `Err(Stopped)` once `stop` is set. Chapter 1 passes
/// `&mut || keep_going(stop)` to `fibo_core::fibo_interruptible` and turns its `Err` into `None` (`.ok()`).
pub fn keep_going(stop: &AtomicBool) -> Result<(), Stopped> {
    if stop.load(Ordering::Relaxed) {
        Err(Stopped)
    } else {
        Ok(())
    }
}

/// `work()` with the GIL released if `detach`, on this thread: for short work that needs no Ctrl-C, where
/// releasing the GIL for a few microseconds would cost more than it gives other threads.
pub fn detach_if<T: Send>(py: Python<'_>, detach: bool, work: impl FnOnce() -> T + Send) -> T {
    if detach { py.detach(work) } else { work() }
}

/// Runs `work` with the GIL released, as `plan` says (see the module notes), and returns its answer, or
/// the exception a signal handler raised while it ran (then the work was asked to stop and abandoned).
///
/// `work` returns `None` only when it saw the flag set; a `None` without that is a bug, reported as a
/// `SystemError`. Without threads to be had, the work runs on this thread, unwatched.
pub fn run_detached<T: Send>(
    py: Python<'_>,
    plan: Plan,
    work: impl FnOnce(&AtomicBool) -> Option<T> + Send,
) -> PyResult<T> {
    let stop = AtomicBool::new(false);
    let (answer, interrupted) = py.detach(|| {
        let pool = if plan.parallel { pool() } else { None };
        match (pool, plan.watched) {
            (Some(pool), true) => on_pool_watched(&pool, &stop, work),
            (Some(pool), false) => (pool.install(|| work(&stop)), None),
            (None, true) => on_thread_watched(&stop, work),
            (None, false) => (work(&stop), None),
        }
    });
    match (answer, interrupted) {
        (_, Some(err)) => Err(err),
        (Some(answer), None) => Ok(answer),
        (None, None) => Err(PySystemError::new_err(
            "long work stopped without being asked to",
        )),
    }
}

/// Marks watched work as over when dropped: when it returns, and also when it unwinds from a panic,
/// which the end of the scope then passes on (work that set nothing would be watched forever).
struct Finished<'a> {
    done: &'a AtomicBool,
    caller: std::thread::Thread,
}

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Release);
        self.caller.unpark();
    }
}

/// Checks for signals every [`WATCH_EVERY`] until `done`; the first exception a signal handler raises
/// sets `stop` and is returned.
fn watch_until_done(done: &AtomicBool, stop: &AtomicBool) -> Option<PyErr> {
    let mut interrupted = None;
    while !done.load(Ordering::Acquire) {
        std::thread::park_timeout(WATCH_EVERY);
        if interrupted.is_none() && !done.load(Ordering::Acquire) {
            // `Python::check_signals` as a path is not general over lifetimes, so the closure stays.
            #[allow(clippy::redundant_closure_for_method_calls)]
            if let Err(err) = Python::attach(|py| py.check_signals()) {
                interrupted = Some(err);
                stop.store(true, Ordering::Relaxed);
            }
        }
    }
    interrupted
}

/// `work` on `pool` while this thread watches.
fn on_pool_watched<T: Send>(
    pool: &rayon::ThreadPool,
    stop: &AtomicBool,
    work: impl FnOnce(&AtomicBool) -> Option<T> + Send,
) -> (Option<T>, Option<PyErr>) {
    let caller = std::thread::current();
    let done = AtomicBool::new(false);
    let mut answer = None;
    let mut interrupted = None;
    // `in_place_scope` keeps this thread out of the pool: it runs the closure below while the spawned
    // work runs on the pool's threads, and waits for the work at the end of the scope.
    pool.in_place_scope(|scope| {
        scope.spawn(|_| {
            let _finished = Finished {
                done: &done,
                caller,
            };
            answer = work(stop);
        });
        interrupted = watch_until_done(&done, stop);
    });
    (answer, interrupted)
}

/// `work` on a thread of its own while this thread watches (sequential work: a thread per call, so that
/// calls from many Python threads run side by side as they would on their own threads).
fn on_thread_watched<T: Send>(
    stop: &AtomicBool,
    work: impl FnOnce(&AtomicBool) -> Option<T> + Send,
) -> (Option<T>, Option<PyErr>) {
    let caller = std::thread::current();
    let done = AtomicBool::new(false);
    // Behind a lock so that, if no thread can be started, the work is still here to run unwatched.
    let work = std::sync::Mutex::new(Some(work));
    let take = || {
        work.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    };
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new().spawn_scoped(scope, || {
            let _finished = Finished {
                done: &done,
                caller,
            };
            take().and_then(|work| work(stop))
        });
        match spawned {
            Ok(thread) => {
                let interrupted = watch_until_done(&done, stop);
                match thread.join() {
                    Ok(answer) => (answer, interrupted),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            Err(_) => (take().and_then(|work| work(stop)), None),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::with_python;

    const PLANS: [Plan; 4] = [
        Plan {
            parallel: false,
            watched: false,
        },
        Plan {
            parallel: true,
            watched: false,
        },
        Plan {
            parallel: false,
            watched: true,
        },
        Plan {
            parallel: true,
            watched: true,
        },
    ];

    #[test]
    fn answers_on_every_plan() {
        with_python(|py| {
            for plan in PLANS {
                let answer = run_detached(py, plan, |stop| Some(keep_going(stop).map(|()| 42)));
                assert_eq!(answer.expect("no error"), Ok(42), "{plan:?}");
            }
        });
    }

    #[test]
    fn the_gil_is_released_while_the_work_runs() {
        with_python(|py| {
            for plan in PLANS {
                let answer = run_detached(py, plan, |_| {
                    // Attaching from another thread would wait forever if this thread still held the GIL.
                    let other = std::thread::spawn(|| Python::attach(|py| py.None().is_none(py)));
                    Some(other.join().is_ok())
                });
                assert!(answer.expect("no error"), "{plan:?}");
            }
        });
    }

    #[test]
    fn parallel_work_runs_on_the_pool() {
        with_python(|py| {
            for watched in [false, true] {
                let plan = Plan {
                    parallel: true,
                    watched,
                };
                let name = run_detached(py, plan, |_| {
                    Some(std::thread::current().name().map(str::to_owned))
                });
                let name = name.expect("no error").unwrap_or_default();
                assert!(name.starts_with("py_glue-"), "{plan:?}: {name}");
            }
        });
    }

    #[test]
    fn work_that_stops_unasked_is_a_system_error() {
        with_python(|py| {
            let err = run_detached(py, Plan::default(), |_| None::<()>).expect_err("None");
            assert!(err.is_instance_of::<PySystemError>(py));
        });
    }

    #[test]
    fn a_panic_in_watched_work_is_passed_on() {
        with_python(|py| {
            for parallel in [false, true] {
                let plan = Plan {
                    parallel,
                    watched: true,
                };
                let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run_detached(py, plan, |_| -> Option<()> { panic!("boom") })
                }));
                assert!(caught.is_err(), "{plan:?}");
            }
        });
    }

    #[test]
    fn detach_if_gives_the_answer_either_way() {
        with_python(|py| {
            assert_eq!(detach_if(py, true, || 1 + 1), 2);
            assert_eq!(detach_if(py, false, || 2 + 2), 4);
        });
    }
}

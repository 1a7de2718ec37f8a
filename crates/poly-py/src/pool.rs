//! The threads that answer many points at once: a rayon pool that survives `fork()`, and searches that
//! Ctrl-C can stop.
//!
//! A process that forks (Python's `multiprocessing` on Linux does) gets a copy of the pool's bookkeeping
//! but none of its threads, so work sent to rayon's global pool in the child would wait forever. This
//! module keeps its own pool and remembers which process built it; a forked child builds a fresh one.
//!
//! A search is at most points × polygons distance tests, which can be hours (a million polygons, a million
//! points, an infinite `max_dist`). Python runs its signal handlers only between bytecodes of the main
//! thread, so while a search runs, Ctrl-C would only be noticed once it ends. [`search`] therefore hands a
//! big search to the pool and keeps the calling thread free to watch: every few milliseconds it takes the
//! GIL just long enough to run the signal handlers, and on `KeyboardInterrupt` it tells the search to stop.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use poly_core::search::PARALLEL_MIN_POINTS;
use pyo3::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// Searches of more than this many distance tests (points × polygons, an upper bound) are watched for
/// Ctrl-C. Below it a search takes at most a few tens of milliseconds, and runs as before.
const WATCH_ABOVE: usize = 1 << 24;

/// How often the calling thread looks for Ctrl-C while a watched search runs.
const WATCH_EVERY: Duration = Duration::from_millis(20);

/// The pool and the id of the process that built it.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// This process's pool, built on first use; `None` if the system refuses to start threads.
fn pool() -> Option<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = slot.as_ref()
        && *owner == pid
    {
        return Some(Arc::clone(pool));
    }
    let pool = Arc::new(
        ThreadPoolBuilder::new()
            .thread_name(|i| format!("poly_match_rs-{i}"))
            .build()
            .ok()?,
    );
    // A pool inherited through fork() has no threads to join; dropping it could wait for them forever.
    if let Some(inherited) = slot.replace((pid, Arc::clone(&pool))) {
        std::mem::forget(inherited);
    }
    Some(pool)
}

/// Runs a search over `points` points and `polygons` polygons with the GIL released: on this process's
/// pool when there are many points, and watched for Ctrl-C when it is big (see the module notes).
///
/// `work` gets the flag that asks it to stop and returns `None` if it did; then this returns the exception
/// the signal handler raised (`KeyboardInterrupt` for Ctrl-C).
pub fn search<T: Send>(
    py: Python<'_>,
    points: usize,
    polygons: usize,
    work: impl FnOnce(&AtomicBool) -> Option<T> + Send,
) -> PyResult<T> {
    let stop = AtomicBool::new(false);
    let parallel = points >= PARALLEL_MIN_POINTS;
    let watched = points.saturating_mul(polygons) > WATCH_ABOVE;
    let pool = if parallel || watched { pool() } else { None };
    let (answer, interrupted) = py.detach(|| match pool {
        Some(pool) if watched => watch(&pool, &stop, work),
        Some(pool) => (pool.install(|| work(&stop)), None),
        // Small, or no thread to be had: on this thread, unwatched.
        None => (work(&stop), None),
    });
    match (answer, interrupted) {
        (_, Some(err)) => Err(err),
        (Some(answer), None) => Ok(answer),
        // Only this function sets `stop`, and only along with `interrupted`.
        (None, None) => Err(pyo3::exceptions::PySystemError::new_err(
            "poly_match_rs: a search stopped without being asked to",
        )),
    }
}

/// Marks a watched search as over when dropped: when it returns, and also when it unwinds from a panic,
/// which the end of the scope then passes on (a search that set nothing would be watched forever).
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

/// Runs `work` on `pool` while the calling thread checks for signals every [`WATCH_EVERY`]; the first
/// exception a signal handler raises sets `stop` and is returned beside the (then abandoned) answer.
fn watch<T: Send>(
    pool: &ThreadPool,
    stop: &AtomicBool,
    work: impl FnOnce(&AtomicBool) -> Option<T> + Send,
) -> (Option<T>, Option<PyErr>) {
    let caller = std::thread::current();
    let done = AtomicBool::new(false);
    let mut answer = None;
    let mut interrupted = None;
    // `in_place_scope` keeps this thread out of the pool: it runs the closure below while the spawned
    // search runs on the pool's threads, and waits for the search at the end of the scope.
    pool.in_place_scope(|scope| {
        scope.spawn(|_| {
            let _finished = Finished {
                done: &done,
                caller,
            };
            answer = work(stop);
        });
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
    });
    (answer, interrupted)
}

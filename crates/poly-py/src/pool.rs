//! The threads that answer many points at once: a rayon pool that survives `fork()`.
//!
//! A process that forks (Python's `multiprocessing` on Linux does) gets a copy of the pool's bookkeeping
//! but none of its threads, so work sent to rayon's global pool in the child would wait forever. This
//! module keeps its own pool and remembers which process built it; a forked child builds a fresh one.

use std::sync::{Arc, Mutex, PoisonError};

use rayon::{ThreadPool, ThreadPoolBuilder};

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

/// Runs `work` inside this process's pool when `parallel` (so its rayon iterators use those threads),
/// otherwise on the calling thread.
pub fn run<T: Send>(parallel: bool, work: impl FnOnce() -> T + Send) -> T {
    if parallel && let Some(pool) = pool() {
        return pool.install(work);
    }
    work()
}

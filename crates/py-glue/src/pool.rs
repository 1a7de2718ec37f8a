//! A rayon thread pool that survives `fork()`.
//!
//! A process that forks (Python's `multiprocessing` on Linux does) gets a copy of the pool's bookkeeping
//! but none of its threads, so work sent to rayon's global pool in the child would wait forever. This
//! module keeps its own pool and remembers which process built it; a forked child builds a fresh one.

use std::sync::{Arc, Mutex, PoisonError};

use rayon::{ThreadPool, ThreadPoolBuilder};

/// The pool and the id of the process that built it.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// This process's pool, built on first use; `None` if the system refuses to start threads.
pub fn pool() -> Option<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = slot.as_ref()
        && *owner == pid
    {
        return Some(Arc::clone(pool));
    }
    let pool = Arc::new(
        ThreadPoolBuilder::new()
            .thread_name(|i| format!("py_glue-{i}"))
            .build()
            .ok()?,
    );
    // A pool inherited through fork() has no threads to join; dropping it could wait for them forever.
    if let Some(inherited) = slot.replace((pid, Arc::clone(&pool))) {
        std::mem::forget(inherited);
    }
    Some(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pool_per_process_and_a_fresh_one_after_fork() {
        let first = pool().expect("a pool");
        let second = pool().expect("a pool");
        assert!(Arc::ptr_eq(&first, &second));
        assert!(first.current_num_threads() >= 1);
        let name = first.install(|| std::thread::current().name().map(str::to_owned));
        assert!(name.is_some_and(|n| n.starts_with("py_glue-")));

        // A pool of another process is replaced (one test, so no other test swaps the pool meanwhile).
        let mine = first;
        // What a forked child sees: the slot filled by its parent, whose id is not its own.
        let inherited = {
            let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
            let (_, pool) = slot.take().expect("built above");
            *slot = Some((std::process::id().wrapping_add(1), Arc::clone(&pool)));
            pool
        };
        let fresh = pool().expect("a pool");
        assert!(!Arc::ptr_eq(&fresh, &inherited));
        assert!(Arc::ptr_eq(&mine, &inherited));
        assert_eq!(fresh.install(|| 6 * 7), 42);
    }
}

//! The batch folder's lock: held by whatever adds case files (`import`, `new-case`, the work
//! pages' import), so that two of them at once do not both choose the same next number or
//! both take the same list's rows as new. The second waits for the first, then sees its files.
//!
//! The lock is the operating system's advisory lock on the batch folder itself (on systems
//! that cannot lock a folder, on `BATCH/.spotcheck-lock`, a file the readers of the batch never
//! read: its name starts with a dot); it is released when the guard is dropped, or when the
//! process ends however it ends. Nothing is left in the folder.

use std::fs::File;
use std::path::Path;

/// The lock file's name in the batch folder, where a folder cannot be locked.
#[cfg(not(unix))]
pub(crate) const LOCK_FILE: &str = ".spotcheck-lock";

/// The lock, held until dropped.
pub struct BatchLock {
    _file: File,
}

impl BatchLock {
    /// Takes the lock of the batch folder `root`, waiting while another holds it.
    pub fn take(root: &Path) -> std::io::Result<BatchLock> {
        #[cfg(unix)]
        let file = File::open(root)?;
        #[cfg(not(unix))]
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(LOCK_FILE))?;
        file.lock()?;
        Ok(BatchLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_second_taker_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = BatchLock::take(dir.path()).unwrap();
        let got = Arc::new(AtomicBool::new(false));
        let (root, g) = (dir.path().to_path_buf(), got.clone());
        let waiter = std::thread::spawn(move || {
            let _second = BatchLock::take(&root).unwrap();
            g.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(!got.load(Ordering::SeqCst), "the lock was taken twice");
        drop(first);
        waiter.join().unwrap();
        assert!(got.load(Ordering::SeqCst));
    }
}

//! The loaded batch, kept between requests and loaded again when a file of the batch changed:
//! a page of the dashboard on a batch of 10,000 cases does not read 10,000 files.
//!
//! Whether something changed is told by a stamp of the folder (every YAML file's path, size
//! and time of change), taken on each request: a walk of the folder, no reading.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use sha2::Digest as _;
use walkdir::WalkDir;

use crate::diag::Diagnostics;
use crate::input::load::{self, BATCH_FILE, CASES_DIR, LoadedBatch};

/// A loaded batch, or every error that stopped it.
pub type Loaded = Result<Arc<LoadedBatch>, Arc<Diagnostics>>;

/// The cache.
#[derive(Default)]
pub struct Store {
    current: Mutex<Option<([u8; 32], Loaded)>>,
}

impl Store {
    /// The batch as it is on disk now.
    pub fn get(&self, root: &Path) -> Loaded {
        let stamp = stamp(root);
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((s, loaded)) = &*current
            && *s == stamp
        {
            return loaded.clone();
        }
        let loaded = load::load(root).map(Arc::new).map_err(Arc::new);
        *current = Some((stamp, loaded.clone()));
        loaded
    }
}

/// The stamp of the folder: `batch.yaml` and every file under `cases/`, with size and time
/// of change.
fn stamp(root: &Path) -> [u8; 32] {
    let mut h = sha2::Sha256::new();
    let mut add = |p: &Path| {
        if let Ok(m) = std::fs::metadata(p) {
            h.update(p.as_os_str().as_encoded_bytes());
            h.update(m.len().to_le_bytes());
            let t = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            h.update(t.to_le_bytes());
        }
    };
    add(&root.join(BATCH_FILE));
    for e in WalkDir::new(root.join(CASES_DIR))
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        add(e.path());
    }
    h.finalize().into()
}

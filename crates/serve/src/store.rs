//! The loaded batch, kept between requests and brought up to date when files of the batch
//! change: a page of the dashboard on a batch of 10,000 cases does not read 10,000 files.
//!
//! Each request lists the folder (`batch.yaml` and the case files: path, size, time of
//! change; no reading). Nothing changed: the batch as loaded. Only case files changed in
//! place: those files are read again (as `load` reads them) and put in place of the old ones.
//! Anything else (`batch.yaml` changed, a file added or removed, a changed file that does not
//! read, an id no longer safe or unique, or the batch had errors): the whole folder is loaded
//! again by `load::load`, so the errors are the ones `load` gives.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use sha2::Digest as _;
use walkdir::WalkDir;

use spotcheck_core::diag::Diagnostics;
use spotcheck_input::load::{self, BATCH_FILE, CASES_DIR, LoadedBatch, LoadedCase};
use spotcheck_input::model::Case;

/// A loaded batch, or every error that stopped it.
pub(crate) type Loaded = Result<Arc<LoadedBatch>, Arc<Diagnostics>>;

/// What a file looked like: size and time of change.
type Seen = (u64, u128);

/// The cache.
#[derive(Default)]
pub struct Store {
    current: Mutex<Option<(Listing, Loaded)>>,
}

#[derive(Clone, PartialEq, Eq)]
struct Listing {
    batch: Option<Seen>,
    /// Case files, relative to the batch folder with `/`.
    cases: BTreeMap<String, Seen>,
}

impl Store {
    /// The batch as it is on disk now.
    pub fn get(&self, root: &Path) -> Loaded {
        let now = listing(root);
        let mut current = self.current.lock().unwrap_or_else(|p| p.into_inner());
        let loaded = match current.take() {
            Some((before, loaded)) if before == now => loaded,
            Some((before, Ok(lb))) => update(root, &before, &now, lb).unwrap_or_else(|| full(root)),
            _ => full(root),
        };
        *current = Some((now, loaded.clone()));
        loaded
    }
}

fn full(root: &Path) -> Loaded {
    load::load(root).map(Arc::new).map_err(Arc::new)
}

/// The batch with the case files changed in place read again, or `None` when only a full
/// load will do.
fn update(root: &Path, before: &Listing, now: &Listing, lb: Arc<LoadedBatch>) -> Option<Loaded> {
    if before.batch != now.batch || before.cases.len() != now.cases.len() {
        return None;
    }
    let mut changed = Vec::new();
    for ((f0, s0), (f1, s1)) in before.cases.iter().zip(&now.cases) {
        if f0 != f1 {
            return None;
        }
        if s0 != s1 {
            changed.push(f1.as_str());
        }
    }
    // No copy when no request still holds the batch.
    let mut next = Arc::unwrap_or_clone(lb);
    for file in changed {
        let bytes = std::fs::read(root.join(file)).ok()?;
        let (case, index) = load::parse_typed::<Case>(file, &bytes).ok()?;
        let slot = next.cases.iter_mut().find(|c| c.file == file)?;
        *slot = LoadedCase {
            case,
            file: file.to_string(),
            index,
            sha256: sha2::Sha256::digest(&bytes).into(),
        };
    }
    let mut ids = std::collections::HashSet::new();
    if !next
        .cases
        .iter()
        .all(|c| load::is_safe_id(&c.case.id) && ids.insert(c.case.id.as_str()))
    {
        return None;
    }
    Some(Ok(Arc::new(next)))
}

fn seen(p: &Path) -> Option<Seen> {
    let m = std::fs::metadata(p).ok()?;
    let t = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some((m.len(), t))
}

/// The files `load` reads: `batch.yaml` and the YAML files under `cases/` whose names do not
/// start with a dot.
fn listing(root: &Path) -> Listing {
    let mut cases = BTreeMap::new();
    for e in WalkDir::new(root.join(CASES_DIR))
        .follow_links(false)
        .into_iter()
        .flatten()
    {
        let name = e.file_name().to_string_lossy();
        let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if e.file_type().is_file() && yaml && !name.starts_with('.') {
            let rel: Vec<String> = e
                .path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if let Some(s) = seen(e.path()) {
                cases.insert(rel.join("/"), s);
            }
        }
    }
    Listing {
        batch: seen(&root.join(BATCH_FILE)),
        cases,
    }
}

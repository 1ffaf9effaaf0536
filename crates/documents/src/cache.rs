//! The build cache: a build into a folder that holds an earlier build makes again only the
//! documents whose inputs changed.
//!
//! Each document has a key, the SHA-256 of everything that shapes its bytes: the program (its
//! version and the executable's size and time), the Typst library and font module, the fonts
//! (each face's origin and metrics, a font folder's files by size and time), the PDF
//! standards, every template's text, and the document's own inputs (what its template is
//! given, its PDF metadata, attached files, OFD metadata, a PDF signature's certificate and
//! time). Under `OUT/.cache/` each document made is kept by its key as a hard link
//! of the file written (no second copy on the disk); `index.json` records each key's pages and
//! the file's size and modification time. A later build with the same key puts the kept file
//! at the document's path again (a link and a rename, atomic as every output) or, when the file
//! there is the kept one, leaves it, and skips the template, the layout and the export.
//!
//! A kept file whose size or modification time no longer matches the index (edited in place
//! through its other name) is not used, and made again. The cache is only ever an
//! optimisation: a missing, unreadable or damaged cache means the documents are made, never an
//! error. After a build of every document, keys not used are dropped with their files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The cache's folder in the output folder.
pub const CACHE_DIR: &str = ".cache";
const INDEX: &str = "index.json";
const OBJECTS: &str = "objects";
/// Bumped when what a key covers changes.
const FORMAT: u32 = 1;

/// What the index knows of one kept document.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Entry {
    pub pages: usize,
    pub bytes: usize,
    /// The kept PDF's modification time (seconds, nanoseconds) when it was kept.
    mtime: (u64, u32),
    /// The kept OFD's size and time, when the document has one.
    ofd: Option<(u64, (u64, u32))>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    format: u32,
    entries: BTreeMap<String, Entry>,
}

/// The cache of one output folder for one run.
pub(crate) struct Cache {
    dir: PathBuf,
    /// The digest of what every document of the run shares (program, library, fonts,
    /// templates).
    base: [u8; 32],
    known: BTreeMap<String, Entry>,
    /// The entries used or made in this run.
    now: Mutex<BTreeMap<String, Entry>>,
}

/// A key's inputs are fed length-prefixed, so that no two lists of parts give the same bytes.
pub(crate) struct KeyBuilder(Sha256);

impl KeyBuilder {
    pub(crate) fn new() -> KeyBuilder {
        KeyBuilder(Sha256::new())
    }

    pub(crate) fn part(&mut self, bytes: impl AsRef<[u8]>) -> &mut KeyBuilder {
        let bytes = bytes.as_ref();
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub(crate) fn finish(&mut self) -> [u8; 32] {
        std::mem::take(&mut self.0).finalize().into()
    }
}

/// The size and modification time of a file.
fn stamp(meta: &std::fs::Metadata) -> (u64, (u64, u32)) {
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()));
    (meta.len(), t)
}

/// Whether two paths name the same file (on Unix: the same inode), so that nothing needs
/// doing.
#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(b).is_ok_and(|m| m.ino() == a.ino() && m.dev() == a.dev())
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &Path) -> bool {
    false
}

impl Cache {
    /// The cache of `out`, for documents sharing `base`; empty when there is none or it cannot
    /// be read.
    pub(crate) fn open(out: &Path, base: [u8; 32]) -> Cache {
        let dir = out.join(CACHE_DIR);
        let known = std::fs::read(dir.join(INDEX))
            .ok()
            .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
            .filter(|i| i.format == FORMAT)
            .map(|i| i.entries)
            .unwrap_or_default();
        Cache {
            dir,
            base,
            known,
            now: Mutex::new(BTreeMap::new()),
        }
    }

    /// The key of a document from its own inputs.
    pub(crate) fn key(&self, parts: &mut KeyBuilder) -> String {
        let own = parts.finish();
        let key = KeyBuilder::new().part(self.base).part(own).finish();
        spotcheck_core::text::hex(&key)
    }

    fn object(&self, key: &str, ext: &str) -> PathBuf {
        self.dir.join(OBJECTS).join(format!("{key}.{ext}"))
    }

    /// The document of `key`, put at `pdf` (and its OFD at `ofd`), when it is kept intact:
    /// its pages and size.
    pub(crate) fn fetch(&self, key: &str, pdf: &Path, ofd: Option<&Path>) -> Option<Entry> {
        let entry = *self.known.get(key)?;
        if ofd.is_some() != entry.ofd.is_some() {
            return None;
        }
        let mut kept = vec![(
            self.object(key, "pdf"),
            pdf,
            (entry.bytes as u64, entry.mtime),
        )];
        if let (Some(path), Some(stamped)) = (ofd, entry.ofd) {
            kept.push((self.object(key, "ofd"), path, stamped));
        }
        let mut metas = Vec::with_capacity(kept.len());
        for (object, _, stamped) in &kept {
            let meta = std::fs::symlink_metadata(object).ok()?;
            if !meta.is_file() || stamp(&meta) != *stamped {
                return None;
            }
            metas.push(meta);
        }
        for ((object, to, _), meta) in kept.iter().zip(&metas) {
            if !same_file(meta, to) {
                spotcheck_core::output::link_atomic(object, to).ok()?;
            }
        }
        self.lock().insert(key.to_string(), entry);
        Some(entry)
    }

    /// Keeps the document just written at `pdf` (and `ofd`) under `key`. A document that
    /// cannot be kept is only made again next time.
    pub(crate) fn store(&self, key: &str, pdf: &Path, ofd: Option<&Path>, pages: usize) {
        let keep = |from: &Path, ext: &str| -> Option<(u64, (u64, u32))> {
            let object = self.object(key, ext);
            spotcheck_core::output::link_atomic(from, &object).ok()?;
            std::fs::symlink_metadata(&object).ok().map(|m| stamp(&m))
        };
        let Some((bytes, mtime)) = keep(pdf, "pdf") else {
            return;
        };
        let ofd = match ofd {
            Some(path) => match keep(path, "ofd") {
                Some(s) => Some(s),
                None => return,
            },
            None => None,
        };
        let entry = Entry {
            pages,
            bytes: bytes as usize,
            mtime,
            ofd,
        };
        self.lock().insert(key.to_string(), entry);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Entry>> {
        self.now
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes the index. After a run that made every document (`complete`), only what it used
    /// is kept, and the files of the rest are removed; after a selection, the earlier entries
    /// stay beside the new ones.
    pub(crate) fn finish(self, complete: bool) {
        let mut entries = self
            .now
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !complete {
            for (k, e) in self.known {
                entries.entry(k).or_insert(e);
            }
        }
        let index = Index {
            format: FORMAT,
            entries,
        };
        if let Ok(bytes) = serde_json::to_vec(&index) {
            let _ = spotcheck_core::output::write_atomic(&self.dir.join(INDEX), &bytes);
        }
        let Ok(objects) = std::fs::read_dir(self.dir.join(OBJECTS)) else {
            return;
        };
        for file in objects.filter_map(Result::ok) {
            let path = file.path();
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if !index.entries.contains_key(stem) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// What shapes every document alike, beyond the templates: the program, the Typst library,
/// the fonts and the PDF standards.
pub(crate) fn program_part(key: &mut KeyBuilder) {
    key.part(format!(
        "spotcheck-cache-{FORMAT} {}",
        env!("CARGO_PKG_VERSION")
    ));
    // A rebuilt program may lay out or export otherwise under the same version.
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        let (len, (s, ns)) = stamp(&meta);
        key.part(format!("{len} {s} {ns}"));
    }
}

/// A font file named by its path: its size and time stand for its bytes.
pub(crate) fn file_part(key: &mut KeyBuilder, path: &str) {
    key.part(path);
    if let Ok(meta) = std::fs::metadata(path) {
        let (len, (s, ns)) = stamp(&meta);
        key.part(format!("{len} {s} {ns}"));
    }
}

/// What Typst made of the volume's own pages (cover, contents and the empty slot pages), kept
/// by the key of their source under `OUT/.cache/volume/`: when the contents are
/// unchanged, only the documents are bound again.
pub(crate) struct Shells {
    dir: PathBuf,
    used: Mutex<Vec<String>>,
}

impl Shells {
    pub(crate) fn open(out: &Path) -> Shells {
        Shells {
            dir: out.join(CACHE_DIR).join("volume"),
            used: Mutex::new(Vec::new()),
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.pdf"))
    }

    pub(crate) fn get(&self, key: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        self.used
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(key.to_string());
        Some(bytes)
    }

    pub(crate) fn put(&self, key: &str, bytes: &[u8]) {
        if spotcheck_core::output::write_atomic(&self.path(key), bytes).is_ok() {
            self.used
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(key.to_string());
        }
    }

    /// Removes the kept pages no part of this volume used.
    pub(crate) fn finish(self) {
        let used = self
            .used
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Ok(files) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for file in files.filter_map(Result::ok) {
            let path = file.path();
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if !used.iter().any(|k| k == stem) {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

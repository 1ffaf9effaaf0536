//! Loading a batch folder: `batch.yaml` and `cases/**/*.yaml`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::Digest as _;
use walkdir::WalkDir;

use crate::model::{Batch, Case};
use crate::yaml::{self, PosIndex};
use spotcheck_core::diag::{Diagnostic, Diagnostics, Rule};
use spotcheck_core::msg;

/// A case as read from its file.
#[derive(Debug, Clone)]
pub struct LoadedCase {
    pub case: Case,
    /// Path relative to the batch folder, `/`-separated (`cases/jz-001.yaml`).
    pub file: String,
    pub index: PosIndex,
    /// SHA-256 of the file's bytes as read: what the final documents' QR codes name as the
    /// case file they were made from.
    pub sha256: [u8; 32],
}

/// A whole batch folder, typed and located.
#[derive(Debug, Clone)]
pub struct LoadedBatch {
    pub root: PathBuf,
    pub batch: Batch,
    pub batch_index: PosIndex,
    /// Sorted by file path.
    pub cases: Vec<LoadedCase>,
}

impl LoadedBatch {
    pub fn case(&self, id: &str) -> Option<&LoadedCase> {
        self.cases.iter().find(|c| c.case.id == id)
    }
}

pub const BATCH_FILE: &str = "batch.yaml";
pub const CASES_DIR: &str = "cases";

/// Reads and types every file of the batch folder. Every file is read even when an earlier
/// one fails, so that all errors come at once.
pub fn load(root: &Path) -> Result<LoadedBatch, Diagnostics> {
    let partial = load_partial(root)?;
    match partial.batch {
        Some((batch, batch_index)) if partial.errors.is_empty() => Ok(LoadedBatch {
            root: partial.root,
            batch,
            batch_index,
            cases: partial.cases,
        }),
        _ => Err(Diagnostics(partial.errors)),
    }
}

/// A batch folder as far as it could be read: what `check` needs to report the errors of the
/// files that cannot be read and check the others.
#[derive(Debug, Clone)]
pub struct PartialBatch {
    pub root: PathBuf,
    /// `batch.yaml` and where its fields stand, when it could be read.
    pub batch: Option<(Batch, PosIndex)>,
    /// The case files that could be read, sorted by file path (an unsafe or repeated id
    /// included: it is among `errors`).
    pub cases: Vec<LoadedCase>,
    /// Every error met while reading, in file order.
    pub errors: Vec<Diagnostic>,
}

/// Reads every file of the batch folder and keeps what could be read. The error is only for
/// a batch folder that does not exist; an unreadable `batch.yaml` or case file is among the
/// errors of the result.
pub fn load_partial(root: &Path) -> Result<PartialBatch, Diagnostics> {
    let mut errors = Vec::new();
    if !root.is_dir() {
        return Err(Diagnostics(vec![Diagnostic::new(
            Rule::BatchMissing,
            &root.display().to_string(),
            (0, 0),
            "",
            msg!(LoadNoFolder),
        )]));
    }

    let batch = match read_typed::<Batch>(root, BATCH_FILE) {
        Ok((b, idx)) => Some((b, idx)),
        Err(mut e) => {
            errors.append(&mut e);
            None
        }
    };
    if let Some((b, idx)) = &batch
        && !is_safe_id(&b.id)
    {
        errors.push(Diagnostic::new(
            Rule::BatchId,
            BATCH_FILE,
            idx.pos_of("id"),
            "id",
            msg!(LoadBatchId, id = &b.id),
        ));
    }

    let mut cases = Vec::new();
    let cases_dir = root.join(CASES_DIR);
    if cases_dir.is_dir() {
        let mut files = Vec::new();
        for entry in WalkDir::new(&cases_dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(Diagnostic::new(
                        Rule::BatchIo,
                        &rel(root, e.path().unwrap_or(&cases_dir)),
                        (0, 0),
                        "",
                        msg!(LoadUnreadable, error = e.to_string()),
                    ));
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy();
            let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            if entry.file_type().is_file() && is_yaml && !name.starts_with('.') {
                files.push(rel(root, entry.path()));
            }
        }
        // Each file on its own, in parallel; results in file order.
        let read: Vec<_> = files
            .into_par_iter()
            .map(|file| {
                let bytes = read_file(root, &file)?;
                let sha256 = sha2::Sha256::digest(&bytes).into();
                parse_typed::<Case>(&file, &bytes).map(|(case, index)| LoadedCase {
                    case,
                    file,
                    index,
                    sha256,
                })
            })
            .collect();
        for r in read {
            match r {
                Ok(lc) => cases.push(lc),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }

    // Case ids name output folders: they must be safe path components and unique.
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for c in &cases {
        if !is_safe_id(&c.case.id) {
            errors.push(Diagnostic::new(
                Rule::CaseId,
                &c.file,
                c.index.pos_of("id"),
                "id",
                msg!(LoadCaseId, id = &c.case.id),
            ));
        } else if let Some(first) = seen.insert(&c.case.id, &c.file) {
            errors.push(Diagnostic::new(
                Rule::CaseDuplicateId,
                &c.file,
                c.index.pos_of("id"),
                "id",
                msg!(LoadDuplicateId, id = &c.case.id, first = first),
            ));
        }
    }

    Ok(PartialBatch {
        root: root.to_path_buf(),
        batch,
        cases,
        errors,
    })
}

/// Reads one file of the batch folder into `T`.
pub fn read_typed<T: serde::de::DeserializeOwned>(
    root: &Path,
    file: &str,
) -> Result<(T, PosIndex), Vec<Diagnostic>> {
    parse_typed(file, &read_file(root, file)?)
}

/// The bytes of one file of the batch folder.
fn read_file(root: &Path, file: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    std::fs::read(root.join(file)).map_err(|e| {
        let m = if e.kind() == std::io::ErrorKind::NotFound {
            msg!(LoadNoFile)
        } else {
            msg!(LoadFileError, error = e.to_string())
        };
        vec![Diagnostic::new(Rule::BatchIo, file, (0, 0), "", m)]
    })
}

/// Types the bytes of one YAML file; `file` only labels the messages.
pub fn parse_typed<T: serde::de::DeserializeOwned>(
    file: &str,
    bytes: &[u8],
) -> Result<(T, PosIndex), Vec<Diagnostic>> {
    let text = yaml::decode(file, bytes).map_err(|d| vec![d])?;
    let doc = yaml::parse(file, &text)?;
    let mut errors = yaml::control_chars(file, &doc);
    errors.append(&mut yaml::full_width_values(file, &doc));
    match yaml::deserialize_all::<T>(file, &doc) {
        Ok(value) if errors.is_empty() => Ok((value, doc.index)),
        Ok(_) => Err(errors),
        Err(mut e) => {
            errors.append(&mut e);
            Err(errors)
        }
    }
}

/// Safe as a single path component on every platform.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn rel(root: &Path, p: &Path) -> String {
    let r = p.strip_prefix(root).unwrap_or(p);
    r.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The archive's date (归档日期): `archived_on` in batch.yaml, else the day the bag is made.
pub fn archive_date(lb: &LoadedBatch) -> chrono::NaiveDate {
    lb.batch
        .archived_on
        .unwrap_or_else(spotcheck_core::clock::bagging_date)
}

/// What a case file says of itself, read leniently: a file with errors elsewhere still counts
/// (for choosing a new case's id, and for matching a list's rows to the cases already there).
#[derive(Debug, Clone)]
pub struct CaseHead {
    /// `id`, trimmed; empty when the file has none.
    pub id: String,
    pub category: String,
    pub credit_code: String,
}

/// The head of every YAML file under `root/cases/` that parses as YAML, in file name order.
pub fn case_heads(root: &Path) -> Vec<CaseHead> {
    let text = |v: &serde_yaml::Value, k: &[&str]| -> String {
        let mut v = v;
        for key in k {
            v = &v[*key];
        }
        v.as_str().map(|s| s.trim().to_string()).unwrap_or_default()
    };
    let mut out = Vec::new();
    for e in WalkDir::new(root.join(CASES_DIR))
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let name = e.file_name().to_string_lossy();
        if !e.file_type().is_file() || !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        let Ok(t) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let Ok(v) = serde_yaml::from_str::<serde_yaml::Value>(&t) else {
            continue;
        };
        out.push(CaseHead {
            id: text(&v, &["id"]),
            category: text(&v, &["category"]),
            credit_code: text(&v, &["party", "credit_code"]),
        });
    }
    out
}

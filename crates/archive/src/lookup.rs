//! Finding a printed or sent document in an archive: `spotcheck verify ARCHIVE --document
//! FILE.pdf` (is this exact file in the archive, and whose is it) and `spotcheck verify
//! ARCHIVE --qr TEXT` (which record does a scanned page belong to, and is the case file it
//! was made from still the one archived).
//!
//! Both read the archive's bytes themselves, not its manifests: a document is in the archive
//! when an entry under `data/documents/` or `data/volume/` has its SHA-256; a case file is the
//! one archived when the file under `data/source/` whose `id:` is the case's has the SHA-256
//! the QR code names. Whether the archive as a whole is intact and signed is what `verify`
//! itself says, beside the answer.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::layout::{BAG_VOLUME_DIR, DOCUMENTS_DIR, SOURCE_DIR};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_core::text::hex;
use spotcheck_documents::qr::{MarkError, PageMark};
use spotcheck_documents::render::{BATCH_DIR, LABS_DIR};
use spotcheck_input::kinds::CATALOG;

/// A case file is read whole to find its id up to this size; a larger one is not a case file.
const CASE_FILE_CAP: u64 = 16 << 20;

/// A document of the archive, as its path names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchivedDoc {
    /// Its path in the bag (`data/documents/cases/JZ-2023-001/report.pdf`).
    pub path: String,
    /// The case, for a per-case document.
    pub case: Option<String>,
    /// The kind (`report`), or `volume` for the bound volume.
    pub kind: String,
    /// The lab, for a per-batch document of one lab's share.
    pub lab: Option<String>,
}

/// The answer to `--document`.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentLookup {
    pub file: String,
    pub sha256: String,
    /// The archived documents with exactly these bytes (none: not in the archive).
    pub found: Vec<ArchivedDoc>,
}

/// The answer to `--qr`.
#[derive(Debug, Clone, Serialize)]
pub struct QrLookup {
    pub batch: String,
    pub case: String,
    pub kind: String,
    pub copy: usize,
    pub page: usize,
    /// Whether the archive is the batch the code names.
    pub(crate) same_batch: bool,
    /// The archived document of that case and kind (its first copy), when there is one.
    pub document: Option<ArchivedDoc>,
    /// The archived case file of that case, and its SHA-256.
    pub(crate) case_file: Option<String>,
    pub(crate) case_file_sha256: Option<String>,
    /// The SHA-256 the code names (none on a draft).
    pub(crate) printed_sha256: Option<String>,
    /// Whether the case file the page was made from is the one archived (none when either
    /// hash is missing).
    pub(crate) case_file_unchanged: Option<bool>,
}

impl QrLookup {
    /// Whether the page belongs to a record of this archive made from its archived case file.
    pub fn matches(&self) -> bool {
        self.same_batch && self.document.is_some() && self.case_file_unchanged == Some(true)
    }
}

/// Why a lookup could not be made.
#[derive(Debug, Clone)]
pub struct LookupError(pub Message);

/// What a lookup needs of an archive: the bag's name, the SHA-256 of every document, and the
/// ids and SHA-256 of the case files.
#[derive(Debug, Default)]
struct Holdings {
    bag: String,
    /// Bag path (`data/...`) to SHA-256, for the documents and the volume.
    documents: BTreeMap<String, String>,
    /// Case id to (bag path, SHA-256) of its file under `data/source/`.
    cases: BTreeMap<String, (String, String)>,
}

impl Holdings {
    fn take(&mut self, rel: &str, reader: &mut dyn Read, size: u64) -> std::io::Result<()> {
        let is_doc = rel.ends_with(".pdf")
            && (rel.starts_with(&format!("{DOCUMENTS_DIR}/"))
                || rel.starts_with(&format!("{BAG_VOLUME_DIR}/")));
        let is_case = rel.starts_with(&format!("{SOURCE_DIR}/"))
            && (rel.ends_with(".yaml") || rel.ends_with(".yml"))
            && size <= CASE_FILE_CAP;
        if is_doc {
            let mut h = Sha256::new();
            std::io::copy(reader, &mut h)?;
            self.documents.insert(rel.to_string(), hex(&h.finalize()));
        } else if is_case {
            let mut bytes = Vec::new();
            reader.take(CASE_FILE_CAP).read_to_end(&mut bytes)?;
            if let Some(id) = case_id(&bytes) {
                let sha = hex(&Sha256::digest(&bytes));
                self.cases.entry(id).or_insert((rel.to_string(), sha));
            }
        }
        Ok(())
    }
}

/// The `id:` of a case file: the value of the first top-level `id` key.
fn case_id(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    text.lines().find_map(|l| {
        let v = l.strip_prefix("id:")?;
        let v = v
            .split(" #")
            .next()?
            .trim()
            .trim_matches(|c| c == '"' || c == '\'');
        (!v.is_empty()).then(|| v.to_string())
    })
}

/// Reads the documents and case files of a zip or an unzipped archive folder.
fn holdings(archive: &Path) -> Result<Holdings, LookupError> {
    let unreadable = |e: String| LookupError(msg!(LookupUnreadable, error = e));
    let mut h = Holdings::default();
    if archive.is_dir() {
        h.bag = archive
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for entry in walkdir::WalkDir::new(archive).follow_links(false) {
            let entry = entry.map_err(|e| unreadable(e.to_string()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(archive)
                .unwrap_or(entry.path())
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
            let mut f = File::open(entry.path()).map_err(|e| unreadable(e.to_string()))?;
            h.take(&rel, &mut f, size)
                .map_err(|e| unreadable(e.to_string()))?;
        }
    } else {
        let file = File::open(archive).map_err(|e| unreadable(e.to_string()))?;
        let mut zip =
            zip::ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(e.to_string()))?;
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).map_err(|e| unreadable(e.to_string()))?;
            if entry.is_dir() {
                continue;
            }
            let name = entry
                .name()
                .map_err(|e| unreadable(e.to_string()))?
                .into_owned();
            let Some((bag, rel)) = name.split_once('/') else {
                continue;
            };
            if h.bag.is_empty() {
                h.bag = bag.to_string();
            }
            if bag != h.bag {
                continue;
            }
            let size = entry.size();
            h.take(rel, &mut entry, size)
                .map_err(|e| unreadable(e.to_string()))?;
        }
    }
    Ok(h)
}

/// What a document's path in the bag says of it.
fn describe(path: &str) -> ArchivedDoc {
    let under_docs = path
        .strip_prefix(DOCUMENTS_DIR)
        .and_then(|p| p.strip_prefix('/'));
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".pdf");
    // The kind whose id the file name starts with (the longest: `notice` and `batch-notice`).
    let kind = CATALOG
        .iter()
        .filter(|k| stem == k.id || stem.starts_with(&format!("{}-", k.id)))
        .max_by_key(|k| k.id.len())
        .map(|k| k.id.to_string());
    let parts: Vec<&str> = under_docs
        .map(|p| p.split('/').collect())
        .unwrap_or_default();
    let (case, lab) = match parts.as_slice() {
        ["cases", id, _] => (Some(id.to_string()), None),
        [b, l, id, _] if *b == BATCH_DIR && *l == LABS_DIR => (None, Some(id.to_string())),
        _ => (None, None),
    };
    ArchivedDoc {
        path: path.to_string(),
        case,
        kind: if path.starts_with(BAG_VOLUME_DIR) {
            "volume".to_string()
        } else {
            kind.unwrap_or_else(|| stem.to_string())
        },
        lab,
    }
}

/// `--document`: whether `file`, byte for byte, is a document of the archive.
pub(crate) fn find_document(archive: &Path, file: &Path) -> Result<DocumentLookup, LookupError> {
    let mut f = File::open(file).map_err(|e| {
        LookupError(msg!(
            LookupDocumentUnreadable,
            path = file,
            error = e.to_string()
        ))
    })?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).map_err(|e| {
        LookupError(msg!(
            LookupDocumentUnreadable,
            path = file,
            error = e.to_string()
        ))
    })?;
    let sha256 = hex(&h.finalize());
    let held = holdings(archive)?;
    let found = held
        .documents
        .iter()
        .filter(|(_, s)| **s == sha256)
        .map(|(p, _)| describe(p))
        .collect();
    Ok(DocumentLookup {
        file: file.display().to_string(),
        sha256,
        found,
    })
}

/// `--qr`: the record a scanned page's text names, and whether its case file is the one
/// archived.
pub(crate) fn find_qr(archive: &Path, text: &str) -> Result<QrLookup, LookupError> {
    let mark = PageMark::parse(text).map_err(|e| {
        LookupError(match e {
            MarkError::NotOurs => msg!(LookupQrNotOurs),
            MarkError::Field(key) => msg!(LookupQrField, key = key),
        })
    })?;
    let held = holdings(archive)?;
    let same_batch = held.bag == mark.batch;
    let document = held
        .documents
        .keys()
        .map(|p| describe(p))
        .filter(|d| d.case.as_deref() == Some(mark.case.as_str()) && d.kind == mark.kind)
        .min_by_key(|d| d.path.len());
    let case = held.cases.get(&mark.case);
    let case_file_unchanged = case.and_then(|(_, archived)| mark.names_file(archived));
    Ok(QrLookup {
        same_batch,
        document: if same_batch { document } else { None },
        case_file: case.map(|(p, _)| p.clone()),
        case_file_sha256: case.map(|(_, s)| s.clone()),
        printed_sha256: mark.case_sha256.clone(),
        case_file_unchanged,
        batch: mark.batch,
        case: mark.case,
        kind: mark.kind,
        copy: mark.copy,
        page: mark.page,
    })
}

impl DocumentLookup {
    /// The answer, one line a match.
    pub fn message(&self) -> Vec<Message> {
        if self.found.is_empty() {
            return vec![msg!(
                LookupDocumentNotFound,
                path = &self.file,
                sha256 = &self.sha256
            )];
        }
        self.found
            .iter()
            .map(|d| {
                msg!(
                    LookupDocumentFound,
                    path = &self.file,
                    entry = &d.path,
                    case = d.case.as_deref().unwrap_or("—"),
                    kind = &d.kind
                )
            })
            .collect()
    }
}

impl QrLookup {
    /// The answer, a line each: the record, then the case file.
    pub fn message(&self) -> Vec<Message> {
        let mut lines = vec![msg!(
            LookupQrRecord,
            batch = &self.batch,
            case = &self.case,
            kind = &self.kind,
            copy = self.copy,
            page = self.page
        )];
        if !self.same_batch {
            lines.push(msg!(LookupQrOtherBatch, batch = &self.batch));
            return lines;
        }
        lines.push(match &self.document {
            Some(d) => msg!(LookupQrDocument, entry = &d.path),
            None => msg!(LookupQrNoDocument),
        });
        lines.push(match (&self.case_file, self.case_file_unchanged) {
            (None, _) => msg!(LookupQrNoCaseFile, case = &self.case),
            (Some(f), Some(true)) => msg!(LookupQrCaseSame, file = f),
            (Some(f), Some(false)) => msg!(LookupQrCaseChanged, file = f),
            (Some(f), None) => msg!(LookupQrDraft, file = f),
        });
        lines
    }
}

/// One answer of `verify --document` or `verify --qr`.
#[derive(Debug, Clone)]
pub enum Lookup {
    Document(DocumentLookup),
    Qr(QrLookup),
    /// The document, the archive or the QR text could not be used.
    Failed(LookupError),
}

/// The answers to `--document FILE` and `--qr TEXT`, those given, in that order.
pub fn lookup(archive: &Path, document: Option<&Path>, qr: Option<&str>) -> Vec<Lookup> {
    let answer = |r: Result<Lookup, LookupError>| r.unwrap_or_else(Lookup::Failed);
    let mut out = Vec::new();
    if let Some(file) = document {
        out.push(answer(find_document(archive, file).map(Lookup::Document)));
    }
    if let Some(text) = qr {
        out.push(answer(find_qr(archive, text).map(Lookup::Qr)));
    }
    out
}

impl Lookup {
    /// Whether the answer is yes: the document is in the archive; the page belongs to a record
    /// of it made from its archived case file. None when the question could not be answered.
    pub fn found(&self) -> Option<bool> {
        match self {
            Lookup::Document(d) => Some(!d.found.is_empty()),
            Lookup::Qr(q) => Some(q.matches()),
            Lookup::Failed(_) => None,
        }
    }

    fn messages(&self) -> Vec<Message> {
        match self {
            Lookup::Document(d) => d.message(),
            Lookup::Qr(q) => q.message(),
            Lookup::Failed(e) => vec![e.0.clone()],
        }
    }

    /// The answer for a clerk in `lang`, a line each.
    pub fn in_lang(&self, lang: spotcheck_core::messages::Lang) -> String {
        self.messages()
            .iter()
            .map(|m| m.in_lang(lang) + "\n")
            .collect()
    }

    /// The answer for programs, its messages in `lang`.
    pub fn to_json(&self, lang: spotcheck_core::messages::Lang) -> serde_json::Value {
        let mut v = match self {
            Lookup::Document(d) => serde_json::json!({ "document": d }),
            Lookup::Qr(q) => serde_json::json!({ "qr": q }),
            Lookup::Failed(_) => serde_json::json!({}),
        };
        v["found"] = serde_json::json!(self.found());
        v["messages"] = self
            .messages()
            .iter()
            .map(|m| serde_json::Value::from(m.in_lang(lang)))
            .collect();
        v
    }
}

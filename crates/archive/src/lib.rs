//! The archive: a BagIt bag (RFC 8493, version 1.0) serialized as one zip with one top-level
//! folder named after the batch, so that standard BagIt tools validate it once unzipped.
//!
//! ```text
//! <batch id>/bag-info.txt
//! <batch id>/bagit.txt
//! <batch id>/data/documents/batch/<kind>.pdf
//! <batch id>/data/catalogue/归档文件目录.pdf, .xlsx
//! <batch id>/data/documents/cases/<case id>/<kind>.pdf
//! <batch id>/data/evidence/<path as in the case, minus evidence/>
//! <batch id>/data/source/batch.yaml, data/source/cases/**.yaml, the attached annexes
//! <batch id>/data/tables/summary-table.xlsx
//! <batch id>/data/volume/<volume>.pdf
//! <batch id>/manifest-sha256.txt
//! <batch id>/tagmanifest-sha256.txt
//! <batch id>/tagmanifest-sha256.txt.minisig     (when signed)
//! <batch id>/说明.txt                            (the README, in the tag manifest)
//! ```
//!
//! The same inputs give the same bytes: entries are sorted by name, every entry has the same
//! timestamp (the archive date, [`spotcheck_input::load::archive_date`]) and permissions (0644, unix), nothing reads the clock, and
//! every name is UTF-8 in NFC. Each payload file is read once: it streams into the zip through
//! SHA-256. The zip is written to a temporary file beside the target and renamed over it only
//! when complete.

pub mod bagit;
pub mod catalogue;
pub mod layout;
pub mod lookup;
pub mod metadata;
pub mod records;
pub mod sign;
mod tagfiles;
pub mod verify;

use std::collections::BTreeMap;
use std::io::{BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};

use chrono::Datelike;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::sign::{SignError, SigningKey};
use spotcheck_core::messages::{Arg, Lang, Message};
use spotcheck_core::msg;
use spotcheck_documents::render::{BATCH_DIR, LABS_DIR, Rendered, SUMMARY_KIND};
use spotcheck_input::load::{BATCH_FILE, LoadedBatch};

pub use bagit::nfc;
pub(crate) use layout::*;
pub(crate) use metadata::METADATA_FILE;
use spotcheck_core::text::hex;
pub(crate) use tagfiles::*;

/// Unix permissions of every entry.
const FILE_MODE: u32 = 0o644;

/// One payload file: where it is read from, and its path in the bag (`data/...`, NFC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub bag_path: String,
    pub file: PathBuf,
}

/// Why the archive could not be made. Displayed in Chinese; [`ArchiveError::message`] for the
/// user's language.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// One line per wrong evidence path.
    #[error("{}", self.message())]
    Evidence(Vec<Message>),
    #[error("{}", self.message())]
    Collision {
        path: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("{}", self.message())]
    BadPath(Arg),
    /// The reason is a message of the catalog, or the system's error text.
    #[error("{}", self.message())]
    Read { path: PathBuf, reason: Arg },
    #[error("{}", self.message())]
    Changed(PathBuf),
    #[error("{}", self.message())]
    Write { path: PathBuf, reason: String },
    #[error(transparent)]
    Sign(#[from] SignError),
}

impl ArchiveError {
    /// The error as a message of the catalog.
    pub fn message(&self) -> Message {
        match self {
            ArchiveError::Evidence(lines) => msg!(ArchiveEvidence, errors = lines.clone()),
            ArchiveError::Collision {
                path,
                first,
                second,
            } => msg!(
                ArchiveCollision,
                path = path,
                first = first,
                second = second
            ),
            ArchiveError::BadPath(detail) => msg!(ArchiveBadPath, detail = detail.clone()),
            ArchiveError::Read { path, reason } => {
                msg!(ArchiveRead, path = path, reason = reason.clone())
            }
            ArchiveError::Changed(path) => msg!(ArchiveChanged, path = path),
            ArchiveError::Write { path, reason } => {
                msg!(ArchiveWrite, path = path, reason = reason)
            }
            ArchiveError::Sign(e) => e.message(),
        }
    }

    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.message().in_lang(lang)
    }
}

/// What was packed.
#[derive(Debug, Clone)]
pub struct WrittenBag {
    pub path: PathBuf,
    /// Payload files and their total size (the Payload-Oxum).
    pub files: usize,
    pub payload_bytes: u64,
    /// Size of the zip.
    pub archive_bytes: u64,
    pub signed: bool,
}

/// `OUT/<batch id>.zip`.
pub fn archive_path(lb: &LoadedBatch, out: &Path) -> PathBuf {
    out.join(format!("{}.zip", lb.batch.id))
}

/// A path as written in a manifest: RFC 8493 §2.1.3 percent-encodes CR, LF and `%`.
pub fn encode_manifest_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// The inverse of [`encode_manifest_path`] (hex digits in either case).
pub fn decode_manifest_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = rest.get(i + 1..i + 3).map(|h| h.to_ascii_uppercase());
        match code.as_deref() {
            Some("25") => out.push('%'),
            Some("0D") => out.push('\r'),
            Some("0A") => out.push('\n'),
            _ => {
                out.push('%');
                rest = &rest[i + 1..];
                continue;
            }
        }
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    out
}

/// The source files and evidence of a batch: `data/source/batch.yaml`, each case file and each
/// attached annex file under `data/source/` at its path in the batch, and every evidence file
/// referenced by a case under `data/evidence/`. A missing or unsafe path is an error naming
/// its case or annex; all of them are reported.
pub fn source_payload(lb: &LoadedBatch) -> Result<Vec<Payload>, ArchiveError> {
    let mut out = vec![Payload {
        bag_path: format!("{SOURCE_DIR}/{BATCH_FILE}"),
        file: lb.root.join(BATCH_FILE),
    }];
    for lc in &lb.cases {
        out.push(Payload {
            bag_path: format!("{SOURCE_DIR}/{}", nfc(&lc.file)),
            file: lb.root.join(&lc.file),
        });
    }
    let root = lb.root.canonicalize().map_err(|e| ArchiveError::Read {
        path: lb.root.clone(),
        reason: e.to_string().into(),
    })?;
    let mut errors = Vec::new();
    for lc in &lb.cases {
        for (i, raw) in lc.case.evidence.iter().enumerate() {
            match evidence_file(&root, raw) {
                Ok((file, bag_path)) => out.push(Payload { bag_path, file }),
                Err(why) => errors.push(msg!(
                    ArchiveEvidenceLine,
                    file = &lc.file,
                    index = i,
                    id = &lc.case.id,
                    path = raw,
                    why = why
                )),
            }
        }
    }
    // The notice's attached annexes, as given: the archive holds everything the batch was
    // made from.
    for (i, annex) in lb.batch.annexes().iter().enumerate() {
        let Some(raw) = &annex.file else { continue };
        match evidence_file(&root, raw) {
            Ok((file, _)) => out.push(Payload {
                bag_path: format!("{SOURCE_DIR}/{}", nfc(raw)),
                file,
            }),
            Err(why) => errors.push(msg!(AnnexFile, no = i + 1, path = raw, why = why)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ArchiveError::Evidence(errors))
    }
}

/// Checks one evidence path of a case: relative, `/`-separated, without `..`, naming a regular
/// file inside the batch folder (also after following links). Returns the file and its bag path.
fn evidence_file(root: &Path, raw: &str) -> Result<(PathBuf, String), Message> {
    if raw.is_empty() {
        return Err(msg!(EvidenceEmpty));
    }
    if raw.contains('\\') {
        return Err(msg!(ArchiveEvidenceBackslash));
    }
    if raw.starts_with('/') || Path::new(raw).is_absolute() || raw.chars().nth(1) == Some(':') {
        return Err(msg!(ArchiveEvidenceAbsolute));
    }
    for part in raw.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Err(msg!(ArchiveEvidenceSegment));
        }
    }
    let file = root.join(raw);
    let real = match file.canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(msg!(EvidenceMissing)),
        Err(e) => return Err(msg!(ArchiveEvidenceUnreadable, error = e.to_string())),
    };
    if !real.starts_with(root) {
        return Err(msg!(ArchiveEvidenceOutside));
    }
    if !real.is_file() {
        return Err(msg!(ArchiveNotRegular));
    }
    let rel = raw.strip_prefix("evidence/").unwrap_or(raw);
    Ok((file, format!("{EVIDENCE_DIR}/{}", nfc(rel))))
}

/// The outputs of a build: every rendered PDF under `data/documents/` (by its path under OUT),
/// the summary spreadsheet under `data/tables/` when the summary table was rendered, and the
/// bound volume (or its parts) under `data/volume/`.
pub fn output_payload(
    out: &Path,
    rendered: &[Rendered],
    volumes: &[PathBuf],
) -> Result<Vec<Payload>, ArchiveError> {
    let mut files = Vec::new();
    // Each PDF, and the OFD of the same pages beside it when one was written.
    for path in rendered
        .iter()
        .flat_map(|r| std::iter::once(&r.path).chain(r.ofd.as_ref()))
    {
        let rel = path
            .strip_prefix(out)
            .map_err(|_| ArchiveError::BadPath(msg!(ArchiveNotInOutput, path = path).into()))?;
        files.push(Payload {
            bag_path: format!("{DOCUMENTS_DIR}/{}", slash_path(rel)?),
            file: path.clone(),
        });
    }
    // The summary table's spreadsheets: the batch's, and each lab's when labs report apart.
    let mut labs: Vec<Option<&str>> = rendered
        .iter()
        .filter(|r| r.case == BATCH_DIR && r.kind == SUMMARY_KIND)
        .map(|r| r.lab.as_deref())
        .collect();
    labs.sort();
    labs.dedup();
    for lab in labs {
        let name = format!("{SUMMARY_KIND}.xlsx");
        let bag_path = match lab {
            Some(id) => format!("{TABLES_DIR}/{LABS_DIR}/{id}/{name}"),
            None => format!("{TABLES_DIR}/{name}"),
        };
        files.push(Payload {
            bag_path,
            file: spotcheck_documents::render::xlsx_path(out, lab),
        });
    }
    for volume in volumes {
        let name = volume
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| ArchiveError::BadPath(msg!(ArchiveVolumeName, path = volume).into()))?;
        files.push(Payload {
            bag_path: format!("{BAG_VOLUME_DIR}/{}", nfc(name)),
            file: volume.to_path_buf(),
        });
    }
    Ok(files)
}

/// A relative path as `/`-separated NFC text.
fn slash_path(rel: &Path) -> Result<String, ArchiveError> {
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str().map(nfc).ok_or_else(|| {
                ArchiveError::BadPath(msg!(ArchiveNameNotUtf8, path = rel).into())
            })?),
            _ => return Err(ArchiveError::BadPath(rel.display().to_string().into())),
        }
    }
    Ok(parts.join("/"))
}

/// SHA-256 of what passes through, and how many bytes did.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl Hashing<std::fs::File> {
    /// `file` opened, to be read through SHA-256.
    fn open(file: &Path) -> Result<Self, ArchiveError> {
        let f = std::fs::File::open(file).map_err(|e| ArchiveError::Read {
            path: file.to_path_buf(),
            reason: e.to_string().into(),
        })?;
        Ok(Hashing {
            inner: f,
            hasher: Sha256::new(),
            bytes: 0,
        })
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Packs the payload of a batch into the bag zip at `dest`, atomically.
pub fn write_bag(
    lb: &LoadedBatch,
    payload: Vec<Payload>,
    dest: &Path,
    signer: Option<&SigningKey>,
) -> Result<WrittenBag, ArchiveError> {
    write_bag_with(lb, payload, dest, signer.as_slice(), &[])
}

/// The payload's files sorted by bag path, each path once (the same file named twice is packed
/// once), and their sizes.
fn payload_files(
    payload: Vec<Payload>,
) -> Result<(BTreeMap<String, PathBuf>, Vec<u64>), ArchiveError> {
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for p in payload {
        let bag_path = nfc(&p.bag_path);
        check_bag_path(&bag_path)?;
        if let Some(first) = files.get(&bag_path) {
            if !same_file(first, &p.file) {
                return Err(ArchiveError::Collision {
                    path: bag_path,
                    first: first.clone(),
                    second: p.file,
                });
            }
            continue;
        }
        files.insert(bag_path, p.file);
    }

    // Sizes first: bag-info.txt (with the Payload-Oxum) sorts before data/.
    let mut sizes = Vec::with_capacity(files.len());
    for file in files.values() {
        let meta = std::fs::metadata(file).map_err(|e| ArchiveError::Read {
            path: file.clone(),
            reason: e.to_string().into(),
        })?;
        if !meta.is_file() {
            return Err(ArchiveError::Read {
                path: file.clone(),
                reason: msg!(ArchiveNotRegular).into(),
            });
        }
        sizes.push(meta.len());
    }
    Ok((files, sizes))
}

/// [`write_bag`], with the documents of the 归档文件目录 `catalogue`: their 件号 and 档号 in bag-info and
/// 说明.txt, and their metadata in [`METADATA_FILE`], a tag file the tag manifest covers.
pub fn write_bag_with(
    lb: &LoadedBatch,
    payload: Vec<Payload>,
    dest: &Path,
    signers: &[&SigningKey],
    catalogue: &[catalogue::Entry],
) -> Result<WrittenBag, ArchiveError> {
    let (files, sizes) = payload_files(payload)?;
    let payload_bytes: u64 = sizes.iter().sum();
    let bagit = BAGIT_DECLARATION.as_bytes().to_vec();
    let contents = Contents::of(files.keys().map(String::as_str));
    let items = catalogue.len();
    let info = bag_info(
        lb,
        (payload_bytes, files.len()),
        &contents,
        items,
        signers.len(),
    )
    .into_bytes();
    let readme = readme(lb, &contents, items, signers).into_bytes();

    let dir = dest.parent().unwrap_or(Path::new("."));
    let write_err = |e: &dyn std::fmt::Display| ArchiveError::Write {
        path: dest.to_path_buf(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| write_err(&e))?;
    let tmp = spotcheck_core::output::temp_beside(dest).map_err(|e| write_err(&e))?;
    let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 18, tmp));
    let stamp = zip_time();
    let root = &lb.batch.id;
    let options = |name: &str, size: u64| {
        SimpleFileOptions::default()
            .compression_method(compression_for(name))
            .last_modified_time(stamp)
            .unix_permissions(FILE_MODE)
            .system(System::Unix)
            .large_file(size >= 0xF000_0000)
    };
    let add_bytes = |zip: &mut ZipWriter<_>, name: &str, bytes: &[u8]| {
        zip.start_file(format!("{root}/{name}"), options(name, bytes.len() as u64))
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| write_err(&e))
    };

    // The payload hashed first, so that the tag files (the manifests, the signature) can
    // stand at the head of the zip: a zip cut short still says what it held.
    let hash_of = |file: &PathBuf| -> Result<(String, u64), ArchiveError> {
        let mut reader = Hashing::open(file)?;
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(|e| ArchiveError::Read {
            path: file.clone(),
            reason: e.to_string().into(),
        })?;
        Ok((hex(&reader.hasher.finalize()), reader.bytes))
    };
    // On every core: hashing is most of the packing's time.
    let hashed: Vec<Result<(String, u64), ArchiveError>> = {
        use rayon::prelude::*;
        let list: Vec<&PathBuf> = files.values().collect();
        list.par_iter().map(|f| hash_of(f)).collect()
    };
    let mut digests = Vec::with_capacity(files.len());
    let mut manifest = String::new();
    for (((bag_path, file), size), hashed) in files.iter().zip(&sizes).zip(hashed) {
        let (digest, bytes) = hashed?;
        if bytes != *size {
            return Err(ArchiveError::Changed(file.clone()));
        }
        manifest.push_str(&format!("{digest}  {}\n", encode_manifest_path(bag_path)));
        digests.push(digest);
    }
    let manifest = manifest.into_bytes();
    let metadata = if catalogue.is_empty() {
        None
    } else {
        let by_path: BTreeMap<&str, (&str, u64)> = files
            .keys()
            .zip(digests.iter().zip(&sizes))
            .map(|(p, (d, n))| (p.as_str(), (d.as_str(), *n)))
            .collect();
        if let Some(e) = catalogue
            .iter()
            .find(|e| !by_path.contains_key(e.file.as_str()))
        {
            return Err(ArchiveError::BadPath(Arg::from(e.file.clone())));
        }
        Some(metadata::xml(lb, catalogue, &by_path).into_bytes())
    };
    let mut tagmanifest = String::new();
    for (name, bytes) in [
        (BAG_INFO_FILE, Some(&info)),
        (BAGIT_FILE, Some(&bagit)),
        (MANIFEST_FILE, Some(&manifest)),
        (METADATA_FILE, metadata.as_ref()),
        (README_FILE, Some(&readme)),
    ] {
        if let Some(bytes) = bytes {
            tagmanifest.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(bytes))));
        }
    }
    let tagmanifest = tagmanifest.into_bytes();

    add_bytes(&mut zip, BAGIT_FILE, &bagit)?;
    add_bytes(&mut zip, BAG_INFO_FILE, &info)?;
    add_bytes(&mut zip, MANIFEST_FILE, &manifest)?;
    add_bytes(&mut zip, TAGMANIFEST_FILE, &tagmanifest)?;
    for (k, key) in signers.iter().enumerate() {
        let sig = key.sign(&tagmanifest, &trusted_comment(lb, key))?;
        add_bytes(&mut zip, &signature_file(k), sig.as_bytes())?;
    }
    add_bytes(&mut zip, README_FILE, &readme)?;
    if let Some(m) = &metadata {
        add_bytes(&mut zip, METADATA_FILE, m)?;
    }

    // Then the payload, in the order of its paths, each checked against its digest as it is
    // written (a file changed meanwhile is refused).
    for (((bag_path, file), size), digest) in files.iter().zip(&sizes).zip(&digests) {
        let mut reader = Hashing::open(file)?;
        zip.start_file(format!("{root}/{bag_path}"), options(bag_path, *size))
            .map_err(|e| write_err(&e))?;
        std::io::copy(&mut reader, &mut zip).map_err(|e| ArchiveError::Read {
            path: file.clone(),
            reason: e.to_string().into(),
        })?;
        if reader.bytes != *size || hex(&reader.hasher.finalize()) != *digest {
            return Err(ArchiveError::Changed(file.clone()));
        }
    }

    let buffered = zip.finish().map_err(|e| write_err(&e))?;
    let tmp = buffered.into_inner().map_err(|e| write_err(&e.error()))?;
    tmp.as_file().sync_all().map_err(|e| write_err(&e))?;
    let archive_bytes = tmp.as_file().metadata().map_err(|e| write_err(&e))?.len();
    tmp.persist(dest).map_err(|e| write_err(&e.error))?;
    Ok(WrittenBag {
        path: dest.to_path_buf(),
        files: files.len(),
        payload_bytes,
        archive_bytes,
        signed: !signers.is_empty(),
    })
}

/// Files that are compressed already (PDF streams, photos, videos, spreadsheets) are stored as
/// they are: deflating the PDFs again saved 15 % of their size for most of the time of packing
/// and of verifying (docs/PERFORMANCE.md), and a stored entry damaged on its medium loses only
/// the damaged bytes, not the rest of the entry. Text (YAML, manifests) is deflated.
fn compression_for(name: &str) -> CompressionMethod {
    const COMPRESSED: &[&str] = &[
        "pdf", "ofd", "jpg", "jpeg", "png", "heic", "mp4", "mov", "avi", "xlsx", "zip", "gz",
    ];
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if COMPRESSED.contains(&ext.as_str()) {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    }
}

/// Every entry's timestamp: the moment the bag is made ([`spotcheck_core::clock::bagging_time`]; 1980-01-01
/// when it cannot be written in a zip).
fn zip_time() -> DateTime {
    use chrono::Timelike;
    let t = spotcheck_core::clock::bagging_time();
    u16::try_from(t.year())
        .ok()
        .and_then(|y| {
            DateTime::from_date_and_time(
                y,
                t.month() as u8,
                t.day() as u8,
                t.hour() as u8,
                t.minute() as u8,
                t.second() as u8,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// A payload path: under `data/`, `/`-separated, without empty, `.` or `..` segments.
fn check_bag_path(path: &str) -> Result<(), ArchiveError> {
    let ok = path.starts_with("data/")
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..");
    if ok {
        Ok(())
    } else {
        Err(ArchiveError::BadPath(path.into()))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

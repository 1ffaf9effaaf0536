//! Verifying an archive, zipped or unzipped, without extracting it: every entry streams once
//! through every algorithm its manifests use, with a bounded buffer, and the bag is judged by
//! RFC 8493 ([`crate::archive::bagit`]); every missing, extra, renamed and altered file is reported by
//! name, not only the first. spotcheck's own archives (signed, or holding
//! `data/source/batch.yaml`) must also have what `spotcheck build` always writes: the tag
//! manifest, bag-info.txt with its Payload-Oxum, and no tag file outside the tag manifest.
//!
//! A zip is untrusted input. Names that are absolute, contain `..`, backslashes or NUL are
//! refused; duplicate names are reported; the local headers must agree with the central
//! directory; an entry is decompressed at most up to its declared size, a declared size that
//! no deflate stream of the entry's compressed size could reach is refused unread, and the
//! declared sizes together are capped, as is the number of entries. Read errors (a CRC that
//! does not match, a truncated stream) are damage to that entry, reported with the others.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::archive::bagit::{self, Algorithm, Digests, FileInfo, MultiHasher, name_problem};
pub use crate::archive::bagit::{Finding, FindingKind, Severity};
use crate::archive::sign::{self, SignatureInfo};
use crate::archive::{
    BAG_INFO_FILE, BAGIT_FILE, MANIFEST_FILE, SIGNATURE_FILE, TAGMANIFEST_FILE, nfc,
};
use crate::messages::{Lang, Message, Msg};
use crate::msg;

/// The tag files that the tag manifest of spotcheck's own archives must list.
const LISTED_TAG_FILES: [&str; 3] = [BAGIT_FILE, BAG_INFO_FILE, MANIFEST_FILE];
/// A payload file every archive spotcheck builds holds: it marks the archive as its own.
const OWN_MARKER: &str = "data/source/batch.yaml";
/// Each tag file verify reads is kept in memory up to this size; all of them up to the total.
const TAG_FILE_CAP: u64 = 64 << 20;
const TAG_TOTAL_CAP: u64 = 256 << 20;
/// Deflate cannot expand data by more than about 1032 to 1.
const MAX_DEFLATE_RATIO: u64 = 1032;
const BUF_SIZE: usize = 64 << 10;

/// What to check, and the limits that keep a hostile archive from exhausting the machine.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Public key file text; when given, the signature must be present and valid.
    pub public_key: Option<String>,
    /// At most this many zip entries.
    pub max_entries: usize,
    /// At most this many bytes decompressed in all (checked against the declared sizes).
    pub max_total_bytes: u64,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            public_key: None,
            max_entries: 1_000_000,
            max_total_bytes: 1 << 40,
        }
    }
}

/// The overall result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A valid bag (RFC 8493 §3): complete, every checksum verified; the signature verified
    /// when a key was given. There may be warnings.
    Intact,
    /// Readable, but something is missing, extra, altered, unsigned, or breaks a rule of BagIt.
    Damaged,
    /// Not an archive that can be read: not a zip or folder, no bag in it, or past the limits.
    Unreadable,
}

impl Verdict {
    /// 0 intact, 1 damaged, 2 unreadable.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Intact => 0,
            Verdict::Damaged => 1,
            Verdict::Unreadable => 2,
        }
    }

    /// The verdict in a word.
    pub fn label(self) -> Msg {
        match self {
            Verdict::Intact => Msg::VerifyIntact,
            Verdict::Damaged => Msg::VerifyDamaged,
            Verdict::Unreadable => Msg::VerifyUnreadableVerdict,
        }
    }
}

/// The signature, as far as it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureStatus {
    /// No public key given.
    NotChecked {
        present: bool,
    },
    Valid(SignatureInfo),
    Invalid {
        /// Serialized in Chinese; [`Report::to_json`] for another language.
        #[serde(serialize_with = "chinese")]
        reason: Message,
    },
    Missing,
}

fn chinese<S: serde::Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.render(Lang::Zh))
}

fn chinese_opt<S: serde::Serializer>(m: &Option<Message>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => chinese(m, s),
        None => s.serialize_none(),
    }
}

/// Everything verify found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The zip or folder verified.
    pub archive: String,
    /// The bag's folder name (the batch id).
    pub bag: Option<String>,
    pub verdict: Verdict,
    /// Why the archive could not be read at all (serialized in Chinese; [`Report::to_json`]
    /// for another language).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "chinese_opt"
    )]
    pub error: Option<Message>,
    /// The BagIt version bagit.txt declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bagit_version: Option<String>,
    /// The algorithms of the payload manifests.
    pub algorithms: Vec<Algorithm>,
    /// Payload files found, and their total size.
    pub payload_files: usize,
    pub payload_bytes: u64,
    pub signature: SignatureStatus,
    /// Errors first, then warnings (each with its `severity`).
    pub findings: Vec<Finding>,
}

impl Report {
    fn unreadable(archive: &Path, error: Message) -> Self {
        Report {
            archive: archive.display().to_string(),
            bag: None,
            verdict: Verdict::Unreadable,
            error: Some(error),
            bagit_version: None,
            algorithms: Vec::new(),
            payload_files: 0,
            payload_bytes: 0,
            signature: SignatureStatus::NotChecked { present: false },
            findings: Vec::new(),
        }
    }

    /// The findings concerning one path.
    pub fn about(&self, path: &str) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.path == path || f.to.as_deref() == Some(path))
            .collect()
    }

    /// The errors: what makes the bag invalid.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }

    /// The warnings: what departs from a SHOULD of RFC 8493 in a bag that may well be valid.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.is_error())
    }

    /// The warnings for a clerk, in Chinese, one a line (empty when there are none).
    pub fn warnings_text(&self) -> String {
        self.render_warnings(Lang::Zh)
    }

    /// The warnings in `lang`, one a line (empty when there are none); printed on standard
    /// error, apart from the report.
    pub fn render_warnings(&self, lang: Lang) -> String {
        self.warnings()
            .map(|f| msg!(VerifyWarningLine, message = f.render(lang)).render(lang) + "\n")
            .collect()
    }

    /// The report for a clerk, in Chinese (without the warnings: see [`Report::warnings_text`]).
    pub fn human(&self) -> String {
        self.render(Lang::Zh)
    }

    /// The report for a clerk, in `lang` (without the warnings: see
    /// [`Report::render_warnings`]).
    pub fn render(&self, lang: Lang) -> String {
        let archive = match &self.bag {
            Some(bag) => msg!(VerifyArchiveBag, archive = &self.archive, bag = bag),
            None => msg!(VerifyArchive, archive = &self.archive),
        };
        let detail = match self.verdict {
            Verdict::Unreadable => self
                .error
                .clone()
                .unwrap_or_else(|| msg!(VerifyUnknownReason)),
            Verdict::Intact => msg!(
                VerifyIntactDetail,
                files = self.payload_files,
                bytes = self.payload_bytes
            ),
            Verdict::Damaged => msg!(VerifyDamagedDetail, errors = self.errors().count()),
        };
        let verdict = msg!(
            VerifyVerdictLine,
            verdict = self.verdict.label(),
            detail = detail
        );
        let mut lines = vec![archive.render(lang), verdict.render(lang)];
        lines.extend(self.errors().map(|f| format!("  - {}", f.render(lang))));
        let warnings = self.warnings().count();
        if warnings > 0 {
            lines.push(msg!(VerifyMoreWarnings, warnings = warnings).render(lang));
        }
        let signature = match &self.signature {
            SignatureStatus::NotChecked { present: true } => Some(msg!(VerifySigNotChecked)),
            SignatureStatus::NotChecked { present: false } => None,
            SignatureStatus::Valid(info) => Some(msg!(
                VerifySigValid,
                key = &info.key_id,
                comment = &info.trusted_comment
            )),
            SignatureStatus::Invalid { reason } => {
                Some(msg!(VerifySigInvalid, reason = reason.clone()))
            }
            SignatureStatus::Missing => Some(msg!(VerifySigMissing)),
        };
        lines.extend(signature.map(|m| m.render(lang)));
        lines.into_iter().map(|l| l + "\n").collect()
    }

    /// For programs: as serialized, with every message in `lang`, and each finding's message
    /// id and arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(e) = &self.error {
            v["error"] = e.render(lang).into();
            v["error_id"] = e.id.id().into();
        }
        if let SignatureStatus::Invalid { reason } = &self.signature {
            v["signature"]["reason"] = reason.render(lang).into();
        }
        v["findings"] = self.findings.iter().map(|f| f.to_json(lang)).collect();
        v
    }
}

/// What reading a zip or a folder gives: the files by name relative to the bag, the content of
/// the tag files, and the problems met on the way.
#[derive(Debug, Default)]
struct Collected {
    bag: String,
    entries: BTreeMap<String, FileInfo>,
    tags: HashMap<String, Vec<u8>>,
    /// Bytes of tag files kept so far.
    kept_bytes: u64,
    findings: Vec<Finding>,
    /// The algorithms of the manifests in the base directory: computed for every file.
    algorithms: BTreeSet<Algorithm>,
    /// Whether the base directory has a directory `data`.
    has_payload_dir: bool,
}

impl Collected {
    /// Records a file read to its end: its size and digests, and its bytes if it is a tag file
    /// (unless the tag files kept so far are already too large: it is then reported as such).
    fn read(&mut self, rel: String, digests: Digests, count: u64, kept: Option<Vec<u8>>) {
        if let Some(k) = kept
            && self.kept_bytes + k.len() as u64 <= TAG_TOTAL_CAP
        {
            self.kept_bytes += k.len() as u64;
            self.tags.insert(rel.clone(), k);
        }
        self.entries.insert(
            rel,
            FileInfo {
                size: count,
                digests: Some(digests),
            },
        );
    }

    /// Records a file that could not be read whole: present, with no digests, and a finding.
    fn unreadable(&mut self, rel: String, size: u64, message: Message) {
        self.findings
            .push(Finding::new(FindingKind::Unreadable, &rel, message));
        self.entries.insert(
            rel,
            FileInfo {
                size,
                digests: None,
            },
        );
    }
}

/// Verifies a zip or an unzipped bag folder.
pub fn verify(path: &Path, opts: &VerifyOptions) -> Report {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if path.is_dir() {
            collect_folder(path)
        } else {
            collect_zip(path, opts)
        }
    }));
    let collected = match result {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Report::unreadable(path, e),
        Err(_) => return Report::unreadable(path, msg!(VerifyInternal)),
    };
    evaluate(path, collected, opts)
}

fn is_tag_name(rel: &str) -> bool {
    rel == SIGNATURE_FILE || bagit::is_read_tag_file(rel)
}

/// Streams `reader` through every needed algorithm at once, reading at most `limit` bytes plus
/// one (to notice more). Keeps the bytes when `keep` (a tag file). Returns the digests, the
/// count, and the kept bytes.
fn hash_stream(
    reader: &mut dyn Read,
    limit: u64,
    keep: bool,
    algorithms: &BTreeSet<Algorithm>,
) -> std::io::Result<(Digests, u64, Option<Vec<u8>>)> {
    let mut hasher = MultiHasher::new(algorithms);
    let mut buf = vec![0u8; BUF_SIZE];
    let mut count: u64 = 0;
    let mut kept = keep.then(Vec::new);
    let mut limited = reader.take(limit.saturating_add(1));
    loop {
        let n = match limited.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        count += n as u64;
        if let Some(k) = kept.as_mut() {
            if (k.len() as u64) + (n as u64) <= TAG_FILE_CAP {
                k.extend_from_slice(&buf[..n]);
            } else {
                kept = None;
            }
        }
    }
    Ok((hasher.finalize(), count, kept))
}

// ---------------------------------------------------------------------------------------------
// Zip
// ---------------------------------------------------------------------------------------------

fn collect_zip(path: &Path, opts: &VerifyOptions) -> Result<Collected, Message> {
    let file = File::open(path).map_err(|e| msg!(VerifyOpen, error = e.to_string()))?;
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| msg!(VerifyNotZip, error = e.to_string()))?;
    if zip.len() > opts.max_entries {
        return Err(msg!(
            VerifyTooManyEntries,
            count = zip.len(),
            max = opts.max_entries
        ));
    }
    let mut c = Collected::default();

    if zip.has_duplicate_names() {
        let names = duplicate_names(path).unwrap_or_default();
        if names.is_empty() {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                "",
                msg!(VerifyDuplicateNames),
            ));
        }
        for n in names {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &n,
                msg!(VerifyDuplicateName, name = &n),
            ));
        }
    } else if let Err(e) = zip.validate_header_consistency() {
        c.findings.push(Finding::new(
            FindingKind::ZipStructure,
            "",
            msg!(VerifyZipStructure, error = e.to_string()),
        ));
    }

    // Names first: the bag is the one top-level folder holding bagit.txt.
    let mut names: Vec<Option<String>> = Vec::with_capacity(zip.len());
    for raw in zip.file_names_raw() {
        names.push(match std::str::from_utf8(raw) {
            Ok(s) => Some(s.to_string()),
            Err(_) => None,
        });
    }
    let roots: BTreeSet<&str> = names
        .iter()
        .flatten()
        .filter_map(|n| n.strip_suffix(&format!("/{BAGIT_FILE}")))
        .filter(|r| !r.contains('/') && name_problem(r).is_none())
        .collect();
    let root_at_top = names.iter().flatten().any(|n| n == BAGIT_FILE);
    let prefix = match (roots.len(), root_at_top) {
        (1, false) => {
            let r = roots.iter().next().copied().unwrap_or_default();
            c.bag = r.to_string();
            format!("{r}/")
        }
        (0, true) => String::new(),
        (0, false) => {
            return Err(msg!(VerifyZipNoBagit));
        }
        _ => return Err(msg!(VerifyZipManyBagit)),
    };

    // Which algorithms to compute, from the manifests' names, before reading anything.
    let in_bag = |n: &String| n.strip_prefix(prefix.as_str()).map(str::to_string);
    let root_names: Vec<String> = names.iter().flatten().filter_map(in_bag).collect();
    c.algorithms = bagit::needed_algorithms(root_names.iter().map(String::as_str));
    c.has_payload_dir = root_names.iter().any(|n| n.starts_with("data/"));

    let mut declared_total: u64 = 0;
    let mut seen_nfc: HashMap<String, String> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let Some(name) = name else {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &format!("#{}", i + 1),
                msg!(VerifyEntryNotUtf8, n = i + 1),
            ));
            continue;
        };
        if let Some(why) = name_problem(name) {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                name,
                msg!(VerifyUnsafeEntry, name = name, why = why),
            ));
            continue;
        }
        let Some(rel) = name.strip_prefix(&prefix) else {
            c.findings.push(Finding::new(
                FindingKind::Extra,
                name,
                msg!(VerifyOutsideBag, name = name, bag = &c.bag),
            ));
            continue;
        };
        let mut f = match zip.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                c.findings.push(Finding::new(
                    FindingKind::Unreadable,
                    rel,
                    msg!(VerifyUnreadable, path = rel, error = e.to_string()),
                ));
                continue;
            }
        };
        if f.is_dir() {
            continue;
        }
        let rel = nfc(rel);
        if let Some(first) = seen_nfc.insert(rel.clone(), name.clone()) {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &rel,
                msg!(VerifyDuplicateNfc, first = first, name = name),
            ));
            continue;
        }
        if f.is_symlink() {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &rel,
                msg!(VerifySymlink, path = &rel),
            ));
            continue;
        }
        let declared = f.size();
        let compressed = f.compressed_size();
        let plausible = match f.compression() {
            zip::CompressionMethod::Stored => declared == compressed,
            _ => {
                declared
                    <= compressed
                        .saturating_mul(MAX_DEFLATE_RATIO)
                        .saturating_add(1024)
            }
        } && compressed <= file_len;
        if !plausible {
            c.findings.push(Finding::new(
                FindingKind::Unreadable,
                &rel,
                msg!(
                    VerifyImplausibleSize,
                    path = &rel,
                    declared = declared,
                    compressed = compressed,
                    zip = file_len
                ),
            ));
            c.entries.insert(
                rel,
                FileInfo {
                    size: declared,
                    digests: None,
                },
            );
            continue;
        }
        declared_total = declared_total.saturating_add(declared);
        if declared_total > opts.max_total_bytes {
            return Err(msg!(VerifyTooLarge, max = opts.max_total_bytes));
        }
        let keep = is_tag_name(&rel);
        match hash_stream(&mut f, declared, keep, &c.algorithms) {
            Ok((hash, count, kept)) => {
                if count != declared {
                    let message = if count > declared {
                        msg!(
                            VerifySizeLong,
                            path = &rel,
                            declared = declared,
                            count = count
                        )
                    } else {
                        msg!(
                            VerifySizeShort,
                            path = &rel,
                            declared = declared,
                            count = count
                        )
                    };
                    c.unreadable(rel, declared, message);
                    continue;
                }
                c.read(rel, hash, count, kept);
            }
            Err(e) => {
                let message = msg!(VerifyCorrupt, path = &rel, error = e.to_string());
                c.unreadable(rel, declared, message);
            }
        }
    }
    Ok(c)
}

/// The names that occur more than once in the central directory, read directly (the zip
/// reader keeps one entry per name). Only for archives without ZIP64 end records.
fn duplicate_names(path: &Path) -> Option<Vec<String>> {
    let mut f = File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    let tail_len = len.min(65_557);
    f.seek(SeekFrom::Start(len - tail_len)).ok()?;
    let mut tail = vec![0u8; tail_len as usize];
    f.read_exact(&mut tail).ok()?;
    let eocd = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let rec = tail.get(eocd..eocd + 22)?;
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let count = u16_at(rec, 10) as usize;
    let cd_size = u32_at(rec, 12) as u64;
    let cd_offset = u32_at(rec, 16) as u64;
    if cd_size > len || cd_offset > len - cd_size || cd_size > 256 << 20 {
        return None;
    }
    f.seek(SeekFrom::Start(cd_offset)).ok()?;
    let mut cd = vec![0u8; cd_size as usize];
    f.read_exact(&mut cd).ok()?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut at = 0usize;
    for _ in 0..count {
        let h = cd.get(at..at + 46)?;
        if &h[..4] != b"PK\x01\x02" {
            return None;
        }
        let (n, x, k) = (
            u16_at(h, 28) as usize,
            u16_at(h, 30) as usize,
            u16_at(h, 32) as usize,
        );
        let name = cd.get(at + 46..at + 46 + n)?;
        *counts
            .entry(String::from_utf8_lossy(name).into_owned())
            .or_default() += 1;
        at += 46 + n + x + k;
    }
    Some(
        counts
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(name, _)| name)
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------
// Folder
// ---------------------------------------------------------------------------------------------

fn collect_folder(path: &Path) -> Result<Collected, Message> {
    let root: PathBuf = if path.join(BAGIT_FILE).is_file() {
        path.to_path_buf()
    } else {
        // The folder a zip was extracted into: one bag folder inside.
        let mut bags = Vec::new();
        let entries = std::fs::read_dir(path)
            .map_err(|e| msg!(VerifyFolderUnreadable, error = e.to_string()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) && p.join(BAGIT_FILE).is_file() {
                bags.push(p);
            }
        }
        match bags.len() {
            1 => bags.remove(0),
            0 => return Err(msg!(VerifyFolderNoBagit)),
            _ => return Err(msg!(VerifyFolderManyBags)),
        }
    };
    let root_names: Vec<String> = std::fs::read_dir(&root)
        .map_err(|e| msg!(VerifyFolderUnreadable, error = e.to_string()))?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(nfc))
        .collect();
    let mut c = Collected {
        bag: root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        algorithms: bagit::needed_algorithms(root_names.iter().map(String::as_str)),
        has_payload_dir: std::fs::symlink_metadata(root.join("data")).is_ok_and(|m| m.is_dir()),
        ..Default::default()
    };
    for entry in walkdir::WalkDir::new(&root)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .and_then(|p| p.strip_prefix(&root).ok())
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                c.findings.push(Finding::new(
                    FindingKind::Unreadable,
                    &p,
                    msg!(VerifyUnreadable, path = &p, error = e.to_string()),
                ));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel_path = entry.path().strip_prefix(&root).unwrap_or(entry.path());
        let Some(rel) = rel_path
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<Vec<_>>>()
            .map(|parts| nfc(&parts.join("/")))
        else {
            let shown = rel_path.display().to_string();
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &shown,
                msg!(VerifyNameNotUtf8, path = &shown),
            ));
            continue;
        };
        if !entry.file_type().is_file() {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &rel,
                msg!(VerifySpecialFile, path = &rel),
            ));
            continue;
        }
        if c.entries.contains_key(&rel) {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &rel,
                msg!(VerifyDuplicateFile, path = &rel),
            ));
            continue;
        }
        let keep = is_tag_name(&rel);
        let read = File::open(entry.path())
            .and_then(|mut f| hash_stream(&mut f, u64::MAX - 1, keep, &c.algorithms));
        match read {
            Ok((hash, count, kept)) => c.read(rel, hash, count, kept),
            Err(e) => {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                let message = msg!(VerifyUnreadable, path = &rel, error = e.to_string());
                c.unreadable(rel, size, message);
            }
        }
    }
    Ok(c)
}

// ---------------------------------------------------------------------------------------------
// The bag
// ---------------------------------------------------------------------------------------------

fn evaluate(path: &Path, c: Collected, opts: &VerifyOptions) -> Report {
    let Collected {
        bag,
        entries,
        tags,
        mut findings,
        has_payload_dir,
        ..
    } = c;
    let present = |name: &str| entries.contains_key(name);
    for (name, e) in &entries {
        if is_tag_name(name) && e.digests.is_some() && !tags.contains_key(name) {
            findings.push(Finding::new(
                FindingKind::Unreadable,
                name,
                msg!(
                    VerifyTagTooLarge,
                    path = name,
                    file_mib = TAG_FILE_CAP >> 20,
                    total_mib = TAG_TOTAL_CAP >> 20
                ),
            ));
        }
    }

    // RFC 8493, for every bag.
    let judged = bagit::judge(&bagit::Bag {
        files: &entries,
        tags: &tags,
        has_payload_dir,
    });

    // What spotcheck's own archives promise besides.
    let own = present(SIGNATURE_FILE) || judged.payload_listed.contains(OWN_MARKER);
    for f in judged.findings {
        if own && f.kind == FindingKind::TagNotListed && !f.is_error() {
            // The signature cannot be listed: it signs the tag manifest. Anything else must be.
            if f.path == SIGNATURE_FILE {
                continue;
            }
            let p = f.path;
            findings.push(if LISTED_TAG_FILES.contains(&p.as_str()) {
                Finding::new(
                    FindingKind::TagNotListed,
                    &p,
                    msg!(VerifyOwnNotListed, path = &p),
                )
            } else {
                Finding::new(FindingKind::Extra, &p, msg!(VerifyOwnExtra, path = &p))
            });
            continue;
        }
        findings.push(f);
    }
    if own {
        let mut require = |name: &str, message: Message| {
            let known = findings
                .iter()
                .any(|f| f.kind == FindingKind::TagMissing && f.path == name);
            if !present(name) && !known {
                findings.push(Finding::new(FindingKind::TagMissing, name, message));
            }
        };
        require(MANIFEST_FILE, msg!(VerifyOwnNoManifest));
        require(TAGMANIFEST_FILE, msg!(VerifyOwnNoTagManifest));
        require(BAG_INFO_FILE, msg!(BagMissingFile, path = BAG_INFO_FILE));
        if tags.contains_key(BAG_INFO_FILE) && !judged.has_oxum {
            findings.push(Finding::new(
                FindingKind::BadBagInfo,
                BAG_INFO_FILE,
                msg!(VerifyOwnNoOxum),
            ));
        }
    }

    // The signature over the tag manifest.
    let sig_text = tags.get(SIGNATURE_FILE);
    let tagmanifest = tags.get(TAGMANIFEST_FILE);
    let signature = match &opts.public_key {
        None => SignatureStatus::NotChecked {
            present: present(SIGNATURE_FILE),
        },
        Some(pk) => match (sig_text, tagmanifest) {
            (None, _) => {
                findings.push(Finding::new(
                    FindingKind::SignatureMissing,
                    SIGNATURE_FILE,
                    msg!(VerifySignatureMissing, file = SIGNATURE_FILE),
                ));
                SignatureStatus::Missing
            }
            (Some(_), None) => {
                let reason = msg!(VerifyNoTagManifest);
                findings.push(Finding::new(
                    FindingKind::SignatureInvalid,
                    SIGNATURE_FILE,
                    msg!(
                        VerifySignatureInvalid,
                        file = SIGNATURE_FILE,
                        reason = reason.clone()
                    ),
                ));
                SignatureStatus::Invalid { reason }
            }
            (Some(sig), Some(data)) => {
                let checked = std::str::from_utf8(sig)
                    .map_err(|_| msg!(VerifySignatureNotUtf8))
                    .and_then(|s| sign::verify(pk, s, data));
                match checked {
                    Ok(info) => SignatureStatus::Valid(info),
                    Err(reason) => {
                        findings.push(Finding::new(
                            FindingKind::SignatureInvalid,
                            SIGNATURE_FILE,
                            msg!(
                                VerifySignatureInvalid,
                                file = SIGNATURE_FILE,
                                reason = reason.clone()
                            ),
                        ));
                        SignatureStatus::Invalid { reason }
                    }
                }
            }
        },
    };

    findings.sort_by(|a, b| (a.severity, a.kind, &a.path).cmp(&(b.severity, b.kind, &b.path)));
    Report {
        archive: path.display().to_string(),
        bag: Some(bag).filter(|b| !b.is_empty()),
        verdict: if findings.iter().any(Finding::is_error) {
            Verdict::Damaged
        } else {
            Verdict::Intact
        },
        error: None,
        bagit_version: judged.version,
        algorithms: judged.algorithms,
        payload_files: judged.payload_files,
        payload_bytes: judged.payload_bytes,
        signature,
        findings,
    }
}

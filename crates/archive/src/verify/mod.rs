//! Verifying an archive, zipped or unzipped, without extracting it: every entry streams once
//! through every algorithm its manifests use, with a bounded buffer, and the bag is judged by
//! RFC 8493 ([`crate::bagit`]); every missing, extra, renamed and altered file is reported by
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

mod folder;
mod zip;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::bagit::{self, Algorithm, Digests, FileInfo, MultiHasher};
pub use crate::bagit::{Finding, FindingKind, Severity};
use crate::layout::{
    BAG_INFO_FILE, BAGIT_FILE, MANIFEST_FILE, OWN_MARKER, SIGNATURE_FILE, TAGMANIFEST_FILE,
};
use crate::sign::{self, SignatureInfo};
use spotcheck_core::messages::{Lang, Message, Msg};
use spotcheck_core::msg;

/// The tag files that the tag manifest of spotcheck's own archives must list.
const LISTED_TAG_FILES: [&str; 3] = [BAGIT_FILE, BAG_INFO_FILE, MANIFEST_FILE];
/// A payload file every archive spotcheck builds holds: it marks the archive as its own.
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
    /// The bag must be complete: items of fetch.txt not yet fetched are errors.
    pub complete: bool,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            public_key: None,
            max_entries: 1_000_000,
            max_total_bytes: 1 << 40,
            complete: false,
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
    /// A valid bag that is signed, but no trusted key was given: the signature names a key,
    /// which anyone could have made, so nothing says who sealed the bag.
    SignatureUnchecked,
    /// Readable, but something is missing, extra, altered, unsigned, or breaks a rule of BagIt.
    Damaged,
    /// Not an archive that can be read: not a zip or folder, no bag in it, or past the limits.
    Unreadable,
}

impl Verdict {
    /// Whether the bag is valid (RFC 8493 §3), whoever signed it.
    pub fn is_valid(self) -> bool {
        matches!(self, Verdict::Intact | Verdict::SignatureUnchecked)
    }

    /// The verdict in a word.
    pub fn label(self) -> Msg {
        match self {
            Verdict::Intact => Msg::VerifyIntact,
            Verdict::SignatureUnchecked => Msg::VerifyIntactUnchecked,
            Verdict::Damaged => Msg::VerifyDamaged,
            Verdict::Unreadable => Msg::VerifyUnreadableVerdict,
        }
    }
}

/// The signature, as far as it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureStatus {
    /// No public key given. When a signature is present, the key id and trusted comment it
    /// claims (not verified: anyone can write a signature file naming any key).
    NotChecked {
        present: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        key_id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        trusted_comment: Option<String>,
    },
    Valid(SignatureInfo),
    Invalid {
        /// Serialized in Chinese; [`VerifyReport::to_json`] for another language.
        #[serde(serialize_with = "spotcheck_core::messages::as_chinese")]
        reason: Message,
    },
    Missing,
}

/// Everything verify found.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    /// The zip or folder verified.
    pub archive: String,
    /// The bag's folder name (the batch id).
    pub bag: Option<String>,
    pub verdict: Verdict,
    /// Why the archive could not be read at all (serialized in Chinese; [`VerifyReport::to_json`]
    /// for another language).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "spotcheck_core::messages::as_chinese_opt"
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
    /// The co-signatures besides the main one (`tagmanifest-sha256.txt.2.minisig` …: each lab
    /// of a batch by its own key), as they claim to be: the key id and trusted comment each
    /// names, unverified; `--pubkey` checks the one made by that key.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cosignatures: Vec<ClaimedSignature>,
    /// Items of fetch.txt not yet in the bag.
    pub to_fetch: usize,
    /// Tag files besides those the specification names (RFC 8493 §2.2.4): information.
    pub other_tag_files: Vec<OtherTagFile>,
    /// Every PDF of the bag and the PDF/A part and conformance it declares (`2u`), or none:
    /// information (a foreign bag's PDFs need not be archival).
    pub pdfs: Vec<PdfInfo>,
    /// Errors first, then warnings (each with its `severity`).
    pub findings: Vec<Finding>,
}

/// A signature file of the bag, as it claims to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimedSignature {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trusted_comment: Option<String>,
}

/// A PDF of the bag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PdfInfo {
    pub path: String,
    /// `2u`, `2b`, `1a` …; none when the PDF declares no PDF/A conformance.
    pub pdfa: Option<String>,
}

/// A tag file the specification does not name (an archivist's note, a README).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherTagFile {
    pub path: String,
    /// Listed in every tag manifest, hence protected by a checksum (and by the signature,
    /// which signs the tag manifest).
    pub listed: bool,
}

impl VerifyReport {
    fn unreadable(archive: &Path, error: Message) -> Self {
        VerifyReport {
            archive: archive.display().to_string(),
            bag: None,
            verdict: Verdict::Unreadable,
            error: Some(error),
            bagit_version: None,
            algorithms: Vec::new(),
            payload_files: 0,
            payload_bytes: 0,
            signature: SignatureStatus::NotChecked {
                present: false,
                key_id: None,
                trusted_comment: None,
            },
            cosignatures: Vec::new(),
            to_fetch: 0,
            other_tag_files: Vec::new(),
            pdfs: Vec::new(),
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
            .map(|f| msg!(VerifyWarningLine, message = f.in_lang(lang)).in_lang(lang) + "\n")
            .collect()
    }

    /// The report for a clerk, in `lang` (without the warnings: see
    /// [`VerifyReport::render_warnings`]).
    pub fn in_lang(&self, lang: Lang) -> String {
        let archive = match &self.bag {
            Some(bag) => msg!(VerifyArchiveBag, archive = &self.archive, bag = bag),
            None => msg!(VerifyArchive, archive = &self.archive),
        };
        let detail = match self.verdict {
            Verdict::Unreadable => self
                .error
                .clone()
                .unwrap_or_else(|| msg!(VerifyUnknownReason)),
            Verdict::Intact | Verdict::SignatureUnchecked => msg!(
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
        let mut lines = vec![archive.in_lang(lang), verdict.in_lang(lang)];
        lines.extend(self.errors().map(|f| format!("  - {}", f.in_lang(lang))));
        let warnings = self.warnings().count();
        if warnings > 0 {
            lines.push(msg!(VerifyMoreWarnings, warnings = warnings).in_lang(lang));
        }
        if self.to_fetch > 0 && self.verdict.is_valid() {
            lines.push(msg!(VerifyToFetch, count = self.to_fetch).in_lang(lang));
        }
        if !self.pdfs.is_empty() {
            let declared = self.pdfs.iter().filter(|p| p.pdfa.is_some()).count();
            lines.push(msg!(VerifyPdfa, pdfs = self.pdfs.len(), declared = declared).in_lang(lang));
            let not: Vec<&str> = self
                .pdfs
                .iter()
                .filter(|p| p.pdfa.is_none())
                .map(|p| p.path.as_str())
                .collect();
            for p in not.iter().take(10) {
                lines.push(msg!(VerifyNotPdfa, path = *p).in_lang(lang));
            }
            if not.len() > 10 {
                lines.push(msg!(VerifyNotPdfaMore, count = not.len() - 10).in_lang(lang));
            }
        }
        for t in &self.other_tag_files {
            let m = if t.listed {
                msg!(VerifyOtherTagListed, path = &t.path)
            } else {
                msg!(VerifyOtherTagUnlisted, path = &t.path)
            };
            lines.push(m.in_lang(lang));
        }
        let signature = match &self.signature {
            SignatureStatus::NotChecked {
                present: true,
                key_id,
                trusted_comment,
            } => Some(msg!(
                VerifySigNotChecked,
                key = key_id.clone().unwrap_or_else(|| "?".into()),
                comment = trusted_comment.clone().unwrap_or_default()
            )),
            SignatureStatus::NotChecked { present: false, .. } => None,
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
        lines.extend(signature.map(|m| m.in_lang(lang)));
        for c in &self.cosignatures {
            let m = msg!(
                VerifyCosignature,
                file = &c.file,
                key = c.key_id.clone().unwrap_or_else(|| "?".into()),
                comment = c.trusted_comment.clone().unwrap_or_default()
            );
            lines.push(m.in_lang(lang));
        }
        if matches!(
            self.signature,
            SignatureStatus::NotChecked { present: true, .. } | SignatureStatus::Valid(_)
        ) {
            lines.push(msg!(VerifySigCovers).in_lang(lang));
        }
        lines.into_iter().map(|l| l + "\n").collect()
    }

    /// For programs: as serialized, with every message in `lang`, and each finding's message
    /// id and arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(e) = &self.error {
            v["error"] = e.in_lang(lang).into();
            v["error_id"] = e.id.id().into();
        }
        if let SignatureStatus::Invalid { reason } = &self.signature {
            v["signature"]["reason"] = reason.in_lang(lang).into();
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
    /// Every PDF read, and the PDF/A it declares.
    pdfs: BTreeMap<String, Option<String>>,
}

impl Collected {
    /// Records a file streamed to its end.
    fn streamed(&mut self, rel: String, s: Streamed) {
        if let Some(pdfa) = s.pdfa {
            self.pdfs.insert(rel.clone(), pdfa);
        }
        self.read(rel, s.digests, s.count, s.kept);
    }

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
pub fn verify(path: &Path, opts: &VerifyOptions) -> VerifyReport {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if path.is_dir() {
            folder::collect_folder(path)
        } else {
            zip::collect_zip(path, opts)
        }
    }));
    let collected = match result {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return VerifyReport::unreadable(path, e),
        Err(_) => return VerifyReport::unreadable(path, msg!(VerifyInternal)),
    };
    evaluate(path, collected, opts)
}

fn is_tag_name(rel: &str) -> bool {
    crate::is_signature_file(rel) || bagit::is_read_tag_file(rel)
}

/// What streaming a file gave: its digests, its size, its bytes when kept (a tag file), and for
/// a PDF the PDF/A part and conformance its XMP declares (`2u`), if any.
struct Streamed {
    digests: Digests,
    count: u64,
    kept: Option<Vec<u8>>,
    pdfa: Option<Option<String>>,
}

/// Finds `pdfaid:part` and `pdfaid:conformance` in a PDF as it streams past (the XMP metadata
/// PDF/A requires is an uncompressed stream, so its text is in the file as it stands).
#[derive(Default)]
struct PdfaScan {
    window: Vec<u8>,
    part: Option<char>,
    conformance: Option<char>,
}

impl PdfaScan {
    const KEEP: usize = 96;

    fn update(&mut self, bytes: &[u8]) {
        if self.part.is_some() && self.conformance.is_some() {
            return;
        }
        self.window.extend_from_slice(bytes);
        let value = |w: &[u8], key: &[u8], ok: fn(u8) -> bool| -> Option<char> {
            let at = w.windows(key.len()).position(|x| x == key)?;
            // `pdfaid:part="2"` or `<pdfaid:part>2</pdfaid:part>`.
            let rest = &w[at + key.len()..];
            let rest = &rest[..rest.len().min(24)];
            let start = rest
                .iter()
                .position(|&b| b == b'"' || b == b'>' || b == b'\'')?;
            rest[start + 1..]
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .filter(|&&b| ok(b))
                .map(|&b| (b as char).to_ascii_lowercase())
        };
        if self.part.is_none() {
            self.part = value(&self.window, b"pdfaid:part", |b| b.is_ascii_digit());
        }
        if self.conformance.is_none() {
            self.conformance = value(&self.window, b"pdfaid:conformance", |b| {
                b.is_ascii_alphabetic()
            });
        }
        let cut = self.window.len().saturating_sub(Self::KEEP);
        self.window.drain(..cut);
    }

    fn result(&self) -> Option<String> {
        let part = self.part?;
        Some(format!("{part}{}", self.conformance.unwrap_or('?')))
    }
}

/// Whether verify looks for a PDF/A declaration in this file.
fn is_pdf(rel: &str) -> bool {
    rel.to_ascii_lowercase().ends_with(".pdf")
}

/// Streams `reader` through every needed algorithm at once, reading at most `limit` bytes plus
/// one (to notice more). Keeps the bytes when `keep` (a tag file); looks for a PDF/A
/// declaration when `pdf`.
fn hash_stream(
    reader: &mut dyn Read,
    limit: u64,
    keep: bool,
    pdf: bool,
    algorithms: &BTreeSet<Algorithm>,
) -> std::io::Result<Streamed> {
    let mut scan = pdf.then(PdfaScan::default);
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
        if let Some(s) = scan.as_mut() {
            s.update(&buf[..n]);
        }
        count += n as u64;
        if let Some(k) = kept.as_mut() {
            if (k.len() as u64) + (n as u64) <= TAG_FILE_CAP {
                k.extend_from_slice(&buf[..n]);
            } else {
                kept = None;
            }
        }
    }
    Ok(Streamed {
        digests: hasher.finalize(),
        count,
        kept,
        pdfa: scan.map(|s| s.result()),
    })
}

/// The signatures over the tag manifest: the main one and the co-signatures. A bag whose
/// bag-info.txt (itself in the tag manifest) records that it was signed and that lacks a
/// signature it names lost it: never judged better than a bag that kept its own.
fn signatures(
    tags: &HashMap<String, Vec<u8>>,
    opts: &VerifyOptions,
    findings: &mut Vec<Finding>,
) -> (SignatureStatus, Vec<ClaimedSignature>) {
    let mut sig_files: Vec<&String> = tags
        .keys()
        .filter(|p| crate::is_signature_file(p))
        .collect();
    sig_files.sort_by_key(|p| (p.as_str() != SIGNATURE_FILE, p.len(), p.as_str()));
    let named: Vec<String> = tags
        .get(BAG_INFO_FILE)
        .and_then(|b| std::str::from_utf8(b).ok())
        .map(|info| {
            info.lines()
                .filter_map(|l| l.strip_prefix(crate::SIGNED_LABEL))
                .filter_map(|v| v.trim_start().strip_prefix(':'))
                .map(|v| v.trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    for file in &named {
        let main_checked = file == SIGNATURE_FILE && opts.public_key.is_some();
        if !tags.contains_key(file) && !main_checked {
            let file = if crate::is_signature_file(file) {
                file.as_str()
            } else {
                SIGNATURE_FILE
            };
            findings.push(Finding::new(
                FindingKind::SignatureMissing,
                file,
                msg!(VerifySignatureStripped, file = file),
            ));
        }
    }
    let text_of = |p: &str| tags.get(p).and_then(|s| std::str::from_utf8(s).ok());
    let cosignatures: Vec<ClaimedSignature> = sig_files
        .iter()
        .filter(|p| p.as_str() != SIGNATURE_FILE)
        .map(|p| {
            let c = text_of(p).and_then(sign::claims);
            ClaimedSignature {
                file: p.to_string(),
                key_id: c.as_ref().map(|c| c.key_id.clone()),
                trusted_comment: c.map(|c| c.trusted_comment),
            }
        })
        .collect();
    let sig_text = tags.get(SIGNATURE_FILE);
    let tagmanifest = tags.get(TAGMANIFEST_FILE);
    let signature = match &opts.public_key {
        None => {
            let claims = sig_text
                .and_then(|s| std::str::from_utf8(s).ok())
                .and_then(sign::claims);
            SignatureStatus::NotChecked {
                present: !sig_files.is_empty(),
                key_id: claims.as_ref().map(|c| c.key_id.clone()),
                trusted_comment: claims.map(|c| c.trusted_comment),
            }
        }
        Some(pk) => match (sig_files.first(), tagmanifest) {
            (None, _) => {
                findings.push(Finding::new(
                    FindingKind::SignatureMissing,
                    SIGNATURE_FILE,
                    msg!(VerifySignatureMissing, file = SIGNATURE_FILE),
                ));
                SignatureStatus::Missing
            }
            (Some(_), None) => {
                invalid_signature(findings, SIGNATURE_FILE, msg!(VerifyNoTagManifest))
            }
            (Some(_), Some(data)) => {
                // The signature made by the key given, whichever file holds it; else why the
                // one that names that key fails, else why the main one does.
                let checked: Vec<(&String, Result<sign::SignatureInfo, Message>)> = sig_files
                    .iter()
                    .map(|p| {
                        let r = std::str::from_utf8(&tags[p.as_str()])
                            .map_err(|_| msg!(VerifySignatureNotUtf8))
                            .and_then(|s| sign::verify(pk, s, data));
                        (*p, r)
                    })
                    .collect();
                let wrong_key = |m: &Message| m.id == spotcheck_core::messages::Msg::SignWrongKey;
                if let Some((_, Ok(info))) = checked.iter().find(|(_, r)| r.is_ok()) {
                    SignatureStatus::Valid(info.clone())
                } else {
                    let (file, reason) = checked
                        .iter()
                        .find(|(_, r)| r.as_ref().is_err_and(|m| !wrong_key(m)))
                        .or_else(|| checked.first())
                        .map(|(p, r)| {
                            (
                                p.as_str(),
                                r.clone().err().unwrap_or(msg!(SignDoesNotVerify)),
                            )
                        })
                        .unwrap_or((SIGNATURE_FILE, msg!(SignDoesNotVerify)));
                    invalid_signature(findings, file, reason)
                }
            }
        },
    };
    (signature, cosignatures)
}

fn evaluate(path: &Path, c: Collected, opts: &VerifyOptions) -> VerifyReport {
    let Collected {
        bag,
        entries,
        tags,
        mut findings,
        has_payload_dir,
        pdfs,
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
        complete: opts.complete,
    });

    // What spotcheck's own archives promise besides.
    let own = present(SIGNATURE_FILE) || judged.payload_listed.contains(OWN_MARKER);
    for f in judged.findings {
        if own && f.kind == FindingKind::TagNotListed && !f.is_error() {
            // A signature cannot be listed: it signs the tag manifest. Anything else must be.
            if crate::is_signature_file(&f.path) {
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

    let (signature, cosignatures) = signatures(&tags, opts, &mut findings);

    findings.sort_by(|a, b| (a.severity, a.kind, &a.path).cmp(&(b.severity, b.kind, &b.path)));
    VerifyReport {
        archive: path.display().to_string(),
        bag: Some(bag).filter(|b| !b.is_empty()),
        verdict: if findings.iter().any(Finding::is_error) {
            Verdict::Damaged
        } else if matches!(signature, SignatureStatus::NotChecked { present: true, .. }) {
            Verdict::SignatureUnchecked
        } else {
            Verdict::Intact
        },
        error: None,
        bagit_version: judged.version,
        algorithms: judged.algorithms,
        payload_files: judged.payload_files,
        payload_bytes: judged.payload_bytes,
        signature,
        cosignatures,
        to_fetch: judged.to_fetch,
        other_tag_files: judged
            .other_tag_files
            .into_iter()
            .filter(|(p, _)| !crate::is_signature_file(p))
            .map(|(path, listed)| OtherTagFile { path, listed })
            .collect(),
        pdfs: pdfs
            .into_iter()
            .map(|(path, pdfa)| PdfInfo { path, pdfa })
            .collect(),
        findings,
    }
}

/// The signature `file` that does not hold, for `reason`: its finding, and the status it
/// gives.
fn invalid_signature(findings: &mut Vec<Finding>, file: &str, reason: Message) -> SignatureStatus {
    findings.push(Finding::new(
        FindingKind::SignatureInvalid,
        file,
        msg!(VerifySignatureInvalid, file = file, reason = reason.clone()),
    ));
    SignatureStatus::Invalid { reason }
}

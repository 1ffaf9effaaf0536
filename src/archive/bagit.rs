//! The rules of BagIt, RFC 8493 (version 1.0), and of the 0.97 draft still common in archives,
//! applied to a bag already read: its files with their sizes and digests, and the bytes of its
//! tag files. Nothing here opens a file or a zip; [`crate::archive::verify`] reads, streaming, and adds
//! what only spotcheck's own archives promise (the signature, the required tag manifest).
//!
//! Every finding names its file and the section of RFC 8493 it rests on. A finding is an error
//! when the bag breaks a MUST (it is then not complete, or not valid, §3) and a warning when it
//! only departs from a SHOULD; warnings never make a bag invalid.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use sha2::{Digest, Sha256, Sha512};
use unicode_normalization::UnicodeNormalization;

use crate::messages::{Arg, Lang, Message, Msg};
use crate::msg;

pub const BAGIT_TXT: &str = "bagit.txt";
pub const BAG_INFO_TXT: &str = "bag-info.txt";
pub const FETCH_TXT: &str = "fetch.txt";
const PAYLOAD_DIR: &str = "data/";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

/// Whether a finding makes the bag invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A MUST of the specification is broken (or the archive is damaged): the bag is invalid.
    Error,
    /// A SHOULD is not followed: the bag is still valid.
    Warning,
}

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Listed in a payload manifest, not in the bag.
    Missing,
    /// In the bag, listed in no manifest.
    Extra,
    /// A missing file whose content is present under another name.
    Renamed,
    /// Content differs from a payload manifest.
    Altered,
    /// A tag file listed in a tag manifest is absent, or a required tag file is absent.
    TagMissing,
    /// A tag file differs from a tag manifest.
    TagAltered,
    /// A tag file that a tag manifest does not list (an error for payload manifests, §2.2.1,
    /// a warning for other tag files).
    TagNotListed,
    /// bagit.txt is not a valid bag declaration.
    BadBagitTxt,
    /// bag-info.txt is malformed, or lacks what it must hold.
    BadBagInfo,
    /// Payload-Oxum disagrees with the payload.
    PayloadOxum,
    /// A manifest line or manifest name that breaks the rules.
    BadManifest,
    /// A fetch.txt line that breaks the rules.
    BadFetch,
    /// A file listed in fetch.txt and not yet in the bag: the bag is incomplete.
    FetchPending,
    /// A payload file listed in some payload manifests but not in every one.
    NotInEveryManifest,
    /// No payload directory `data/`.
    NoPayloadDirectory,
    /// No payload manifest at all.
    NoPayloadManifest,
    /// A manifest whose algorithm this program cannot compute: its checksums cannot be verified.
    UnsupportedAlgorithm,
    /// Only MD5 or SHA-1 protect the payload.
    WeakAlgorithm,
    /// The tag files are not in UTF-8.
    TagEncoding,
    /// A bag-info.txt element that should not repeat does.
    RepeatedElement,
    /// Payload files whose names differ only in case.
    CaseCollision,
    /// An entry name that is absolute, contains `..`, a backslash or NUL, or is not UTF-8.
    UnsafeName,
    /// Two entries with the same name.
    DuplicateName,
    /// An entry that cannot be read (CRC error, truncated, unsupported, implausible size).
    Unreadable,
    /// The zip's headers contradict each other.
    ZipStructure,
    /// A signature was required and is absent.
    SignatureMissing,
    /// The signature does not verify.
    SignatureInvalid,
}

/// One problem, naming the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// Path relative to the bag (`data/evidence/...`, `bag-info.txt`), or the zip entry name.
    pub path: String,
    /// The section of RFC 8493 the finding rests on (none for damage to the zip itself and for
    /// what only spotcheck's own archives promise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    /// The new name of a renamed file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// What is wrong: a message of the catalog, made text when shown (serialized in Chinese;
    /// [`Finding::to_json`] for another language).
    #[serde(serialize_with = "chinese")]
    pub message: Message,
}

fn chinese<S: serde::Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.render(Lang::Zh))
}

impl Finding {
    /// An error.
    pub fn new(kind: FindingKind, path: &str, message: Message) -> Self {
        Finding {
            kind,
            severity: Severity::Error,
            path: path.to_string(),
            rule: None,
            to: None,
            expected: None,
            actual: None,
            message,
        }
    }

    /// The same finding as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The section of RFC 8493 it rests on, e.g. `"RFC 8493 §2.1.3"`.
    pub fn rule(mut self, rule: &'static str) -> Self {
        self.rule = Some(rule);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message alone, in Chinese.
    pub fn text(&self) -> String {
        self.message.render(Lang::Zh)
    }

    /// The message and the rule it rests on, as one line in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self.rule {
            Some(rule) => msg!(
                VerifyFindingRule,
                message = self.message.clone(),
                rule = rule
            )
            .render(lang),
            None => self.message.render(lang),
        }
    }

    /// For programs: the fields as serialized, the message in `lang`, its id and arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["message"] = self.message.render(lang).into();
        v["message_id"] = self.message.id.id().into();
        v["args"] = self.message.args_json(lang);
        v
    }
}

// ---------------------------------------------------------------------------------------------
// Algorithms and digests
// ---------------------------------------------------------------------------------------------

/// A bag checksum algorithm this program computes (RFC 8493 §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

impl Algorithm {
    pub const ALL: [Algorithm; 4] = [
        Algorithm::Md5,
        Algorithm::Sha1,
        Algorithm::Sha256,
        Algorithm::Sha512,
    ];

    /// The normalized name used in manifest file names.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "md5",
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha512 => "sha512",
        }
    }

    /// Hex digits of a checksum.
    pub fn hex_len(self) -> usize {
        match self {
            Algorithm::Md5 => 32,
            Algorithm::Sha1 => 40,
            Algorithm::Sha256 => 64,
            Algorithm::Sha512 => 128,
        }
    }

    /// Known to be broken against deliberate collisions.
    pub fn weak(self) -> bool {
        matches!(self, Algorithm::Md5 | Algorithm::Sha1)
    }

    pub fn from_name(normalized: &str) -> Option<Self> {
        Algorithm::ALL.into_iter().find(|a| a.name() == normalized)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The lowercase hex digests of one file, for the algorithms computed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digests([Option<String>; 4]);

impl Digests {
    pub fn get(&self, alg: Algorithm) -> Option<&str> {
        self.0[alg.index()].as_deref()
    }
}

/// Computes every needed algorithm in one pass over the bytes.
#[derive(Default)]
pub struct MultiHasher {
    md5: Option<md5::Md5>,
    sha1: Option<sha1::Sha1>,
    sha256: Option<Sha256>,
    sha512: Option<Sha512>,
}

impl MultiHasher {
    pub fn new(algorithms: &BTreeSet<Algorithm>) -> Self {
        let has = |a| algorithms.contains(&a);
        MultiHasher {
            md5: has(Algorithm::Md5).then(md5::Md5::new),
            sha1: has(Algorithm::Sha1).then(sha1::Sha1::new),
            sha256: has(Algorithm::Sha256).then(Sha256::new),
            sha512: has(Algorithm::Sha512).then(Sha512::new),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        if let Some(h) = self.md5.as_mut() {
            h.update(bytes);
        }
        if let Some(h) = self.sha1.as_mut() {
            h.update(bytes);
        }
        if let Some(h) = self.sha256.as_mut() {
            h.update(bytes);
        }
        if let Some(h) = self.sha512.as_mut() {
            h.update(bytes);
        }
    }

    pub fn finalize(self) -> Digests {
        Digests([
            self.md5.map(|h| hex(&h.finalize())),
            self.sha1.map(|h| hex(&h.finalize())),
            self.sha256.map(|h| hex(&h.finalize())),
            self.sha512.map(|h| hex(&h.finalize())),
        ])
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Payload or tag manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestKind {
    Payload,
    Tag,
}

/// A manifest's name in the base directory, `manifest-ALG.txt` or `tagmanifest-ALG.txt` (in
/// any case): its kind and the algorithm part as written.
pub fn manifest_name(rel: &str) -> Option<(ManifestKind, &str)> {
    if rel.contains('/') {
        return None;
    }
    let lower = rel.to_ascii_lowercase();
    let (kind, start) = if lower.starts_with("tagmanifest-") {
        (ManifestKind::Tag, "tagmanifest-".len())
    } else if lower.starts_with("manifest-") {
        (ManifestKind::Payload, "manifest-".len())
    } else {
        return None;
    };
    if !lower.ends_with(".txt") || rel.len() < start + ".txt".len() {
        return None;
    }
    // The prefix and the suffix are ASCII, so these are character boundaries.
    rel.get(start..rel.len() - ".txt".len())
        .map(|alg| (kind, alg))
}

/// The algorithm name as §2.4 requires it in a file name: lowercase, alphanumeric only.
fn normalize_algorithm(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The algorithms to compute for a bag whose base directory holds these names: those of its
/// manifests that this program knows.
pub fn needed_algorithms<'a>(root_names: impl IntoIterator<Item = &'a str>) -> BTreeSet<Algorithm> {
    root_names
        .into_iter()
        .filter_map(manifest_name)
        .filter_map(|(_, raw)| Algorithm::from_name(&normalize_algorithm(raw)))
        .collect()
}

/// Whether verify keeps this file's bytes to read it: the tag files the rules read.
pub fn is_read_tag_file(rel: &str) -> bool {
    matches!(rel, BAGIT_TXT | BAG_INFO_TXT | FETCH_TXT) || manifest_name(rel).is_some()
}

/// NFC, the one normal form names are compared in (RFC 8493 §6.1.1.3).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Why a name (relative, `/`-separated) is unsafe: absolute, a drive letter, a `..`, `.` or
/// empty segment, a backslash or NUL (RFC 8493 §5.1). A trailing `/` (a directory entry) is
/// allowed.
pub fn name_problem(name: &str) -> Option<Msg> {
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if name.starts_with('/') || name.starts_with('~') || name.chars().nth(1) == Some(':') {
        Some(Msg::BagNameAbsolute)
    } else if name.contains('\\') {
        Some(Msg::BagNameBackslash)
    } else if name.contains('\0') {
        Some(Msg::BagNameNul)
    } else if trimmed.split('/').any(|p| p == "..") {
        Some(Msg::BagNameDotDot)
    } else if trimmed.split('/').any(|p| p.is_empty() || p == ".") {
        Some(Msg::BagNameEmptySegment)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Text tag files (§2.3)
// ---------------------------------------------------------------------------------------------

/// The version of the specification a bag declares, as far as the rules differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V0_97,
    V1_0,
}

/// Splits text into lines ended by LF, CR or CRLF; also tells whether the last line was ended.
fn split_lines(text: &str) -> (Vec<&str>, bool) {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        lines.push(&text[start..]);
        (lines, false)
    } else {
        (lines, true)
    }
}

/// Decodes a tag file other than bagit.txt in the declared encoding (§2.3). A UTF-8 file must
/// not begin with a BOM; bytes that do not decode are an error, and the file is then not read.
fn decode_tag(
    file: &str,
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    kind: FindingKind,
    findings: &mut Vec<Finding>,
) -> Option<String> {
    if encoding == encoding_rs::UTF_8 {
        let body = match bytes.strip_prefix(UTF8_BOM) {
            Some(rest) => {
                findings.push(
                    Finding::new(kind, file, msg!(BagTagBom, file = file)).rule("RFC 8493 §2.3"),
                );
                rest
            }
            None => bytes,
        };
        match std::str::from_utf8(body) {
            Ok(t) => Some(t.to_string()),
            Err(e) => {
                findings.push(
                    Finding::new(
                        kind,
                        file,
                        msg!(BagTagNotUtf8, file = file, byte = e.valid_up_to() + 1),
                    )
                    .rule("RFC 8493 §2.3"),
                );
                None
            }
        }
    } else {
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if had_errors {
            findings.push(
                Finding::new(
                    kind,
                    file,
                    msg!(BagTagBadEncoding, file = file, encoding = encoding.name()),
                )
                .rule("RFC 8493 §2.3"),
            );
            return None;
        }
        Some(text.into_owned())
    }
}

fn unterminated(file: &str, kind: FindingKind) -> Finding {
    Finding::new(kind, file, msg!(BagUnterminated, file = file)).rule("RFC 8493 §2.3")
}

/// `label: value` as BagIt 1.0 writes a metadata element (§2.2.2): a label that neither starts
/// nor ends with whitespace, a colon, one space or tab, the value. 0.97 allowed any whitespace,
/// or none, around the colon. Returns the label and the value, or why the line is not one.
fn element(line: &str, version: Version) -> Result<(&str, &str), Msg> {
    let Some((label, rest)) = line.split_once(':') else {
        return Err(Msg::BagElementNoColon);
    };
    match version {
        Version::V0_97 => {
            let label = label.trim_matches([' ', '\t']);
            if label.is_empty() {
                return Err(Msg::BagElementEmptyLabel);
            }
            Ok((label, rest.trim_matches([' ', '\t'])))
        }
        Version::V1_0 => {
            if label.is_empty() {
                Err(Msg::BagElementEmptyLabel)
            } else if label.starts_with([' ', '\t']) || label.ends_with([' ', '\t']) {
                Err(Msg::BagElementLabelSpace)
            } else if !rest.starts_with([' ', '\t']) {
                Err(Msg::BagElementNoSpace)
            } else {
                Ok((label, &rest[1..]))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// bagit.txt (§2.1.1)
// ---------------------------------------------------------------------------------------------

/// What the bag declaration says: the version and the encoding of the other tag files.
struct Declaration {
    version: Version,
    declared: Option<String>,
    encoding: &'static encoding_rs::Encoding,
}

fn check_declaration(bytes: &[u8], findings: &mut Vec<Finding>) -> Declaration {
    let mut decl = Declaration {
        version: Version::V1_0,
        declared: None,
        encoding: encoding_rs::UTF_8,
    };
    let mut why_bad: Vec<Message> = Vec::new();
    let mut bad = |why: Message| why_bad.push(why);
    let body = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => {
            bad(msg!(BagDeclBom));
            rest
        }
        None => bytes,
    };
    let Ok(text) = std::str::from_utf8(body) else {
        bad(msg!(BagDeclNotUtf8));
        findings.extend(why_bad.into_iter().map(bad_declaration));
        return decl;
    };
    let (lines, ended) = split_lines(text);

    // Read the version leniently first: which rules apply depends on it.
    let lenient = |want: &str| {
        lines.iter().enumerate().find_map(|(i, l)| {
            element(l, Version::V0_97)
                .ok()
                .filter(|(k, _)| *k == want)
                .map(|(_, v)| (i, v))
        })
    };
    match lenient("BagIt-Version") {
        Some((_, v)) => {
            decl.declared = Some(v.to_string());
            match v {
                "1.0" => decl.version = Version::V1_0,
                "0.97" => decl.version = Version::V0_97,
                _ => bad(msg!(BagDeclUnsupportedVersion, version = v)),
            }
        }
        None => bad(msg!(BagDeclNoVersion)),
    }
    let encoding = lenient("Tag-File-Character-Encoding");
    match encoding {
        Some((_, e)) => match encoding_rs::Encoding::for_label(e.as_bytes()) {
            Some(enc) => {
                decl.encoding = enc;
                if !e.eq_ignore_ascii_case("UTF-8") {
                    findings.push(
                        Finding::new(
                            FindingKind::TagEncoding,
                            BAGIT_TXT,
                            msg!(BagTagEncoding, encoding = e),
                        )
                        .rule("RFC 8493 §2.1.1")
                        .warning(),
                    );
                }
            }
            None => bad(msg!(BagDeclUnknownEncoding, encoding = e)),
        },
        None => bad(msg!(BagDeclNoEncoding)),
    }

    // Exactly two lines, in this order, each in the form of the version.
    if lines.len() != 2 {
        bad(msg!(BagDeclLineCount, lines = lines.len()));
    }
    for (i, want) in ["BagIt-Version", "Tag-File-Character-Encoding"]
        .into_iter()
        .enumerate()
    {
        let Some(line) = lines.get(i) else { continue };
        match element(line, decl.version) {
            Ok((label, value)) if label == want => {
                if value.trim_matches([' ', '\t']) != value || value.is_empty() {
                    bad(msg!(BagDeclValueSpace, line = i + 1, text = *line));
                }
            }
            Ok(_) => bad(msg!(
                BagDeclLineLabel,
                line = i + 1,
                label = want,
                text = *line
            )),
            Err(why) => bad(msg!(BagDeclLine, line = i + 1, why = why, text = *line)),
        }
    }
    if let Some(v) = decl.declared.as_deref() {
        let well_formed = v.split_once('.').is_some_and(|(m, n)| {
            !m.is_empty()
                && !n.is_empty()
                && m.bytes().all(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit())
        });
        if !well_formed {
            bad(msg!(BagDeclVersionForm, version = v));
        }
    }
    if !ended {
        findings.push(unterminated(BAGIT_TXT, FindingKind::BadBagitTxt));
    }
    findings.extend(why_bad.into_iter().map(bad_declaration));
    decl
}

fn bad_declaration(why: Message) -> Finding {
    Finding::new(
        FindingKind::BadBagitTxt,
        BAGIT_TXT,
        msg!(BagDeclInvalid, why = why),
    )
    .rule("RFC 8493 §2.1.1")
}

// ---------------------------------------------------------------------------------------------
// bag-info.txt (§2.2.2)
// ---------------------------------------------------------------------------------------------

/// Elements that must appear at most once, and those that should.
const ONCE_ONLY: &str = "Payload-Oxum";
const SHOULD_NOT_REPEAT: [&str; 4] = [
    "Bagging-Date",
    "Bag-Size",
    "Bag-Group-Identifier",
    "Bag-Count",
];

/// bag-info.txt's elements in order: label, value.
type Elements = Vec<(String, String)>;

/// Reads bag-info.txt: its elements in order (continuation lines joined), and the
/// Payload-Oxum when there is exactly one well-formed one.
fn check_bag_info(
    text: &str,
    version: Version,
    findings: &mut Vec<Finding>,
) -> (Elements, Option<(u64, u64)>) {
    let mut elements: Elements = Vec::new();
    let (lines, ended) = split_lines(text);
    let bad = |i: usize, why: Msg, line: &str| {
        Finding::new(
            FindingKind::BadBagInfo,
            BAG_INFO_TXT,
            msg!(BagInfoLine, line = i + 1, why = why, text = line),
        )
        .rule("RFC 8493 §2.2.2")
    };
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            findings.push(bad(i, Msg::BagInfoEmptyLine, line));
        } else if line.starts_with([' ', '\t']) {
            match elements.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(line.trim_start_matches([' ', '\t']));
                }
                None => findings.push(bad(i, Msg::BagInfoOrphanLine, line)),
            }
        } else {
            match element(line, version) {
                Ok((label, value)) => elements.push((label.to_string(), value.to_string())),
                Err(why) => findings.push(bad(i, why, line)),
            }
        }
    }
    if !ended {
        findings.push(unterminated(BAG_INFO_TXT, FindingKind::BadBagInfo));
    }

    let count = |label: &str| {
        elements
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(label))
            .count()
    };
    for label in SHOULD_NOT_REPEAT {
        let n = count(label);
        if n > 1 {
            findings.push(
                Finding::new(
                    FindingKind::RepeatedElement,
                    BAG_INFO_TXT,
                    msg!(BagInfoRepeated, label = label, count = n),
                )
                .rule("RFC 8493 §2.2.2")
                .warning(),
            );
        }
    }
    let oxums: Vec<&str> = elements
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case(ONCE_ONLY))
        .map(|(_, v)| v.as_str())
        .collect();
    if oxums.len() > 1 {
        findings.push(
            Finding::new(
                FindingKind::BadBagInfo,
                BAG_INFO_TXT,
                msg!(BagInfoOxumRepeated, count = oxums.len()),
            )
            .rule("RFC 8493 §2.2.2"),
        );
        return (elements, None);
    }
    let oxum = oxums.first().and_then(|value| {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let parsed = value
            .split_once('.')
            .filter(|(o, n)| digits(o) && digits(n))
            .and_then(|(o, n)| Some((o.parse().ok()?, n.parse().ok()?)));
        if parsed.is_none() {
            findings.push(
                Finding::new(
                    FindingKind::BadBagInfo,
                    BAG_INFO_TXT,
                    msg!(BagInfoOxumForm, value = *value),
                )
                .rule("RFC 8493 §2.2.2"),
            );
        }
        parsed
    });
    (elements, oxum)
}

// ---------------------------------------------------------------------------------------------
// Manifests (§2.1.3, §2.2.1) and fetch.txt (§2.2.3)
// ---------------------------------------------------------------------------------------------

/// A file path as written in a manifest or fetch.txt, decoded: in 1.0, CR, LF and `%` are
/// written `%0D`, `%0A`, `%25` (§2.1.3), so any other `%` is an error (kept literally); 0.97
/// encoded only CR and LF. Hex digits in either case.
fn decode_path(raw: &str, version: Version) -> (String, bool) {
    let mut out = String::with_capacity(raw.len());
    let mut ok = true;
    let mut rest = raw;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = rest.get(i + 1..i + 3).map(|h| h.to_ascii_uppercase());
        let decoded = match code.as_deref() {
            Some("0D") => Some('\r'),
            Some("0A") => Some('\n'),
            Some("25") if version == Version::V1_0 => Some('%'),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[i + 3..];
            }
            None => {
                ok &= version == Version::V0_97;
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    (out, ok)
}

/// Why a decoded path cannot be listed.
enum PathProblem {
    /// Unsafe (§5.1): it leads outside the bag, or nowhere certain.
    Unsafe(Msg),
    /// It names a directory.
    Directory,
    /// A payload path outside `data/`.
    NotPayload,
    /// A tag path inside `data/`.
    Payload,
}

impl PathProblem {
    fn message(&self) -> Message {
        match self {
            PathProblem::Unsafe(why) => msg!(BagPathUnsafe, why = *why),
            PathProblem::Directory => msg!(BagPathDirectory),
            PathProblem::NotPayload => msg!(BagPathPayloadOutside),
            PathProblem::Payload => msg!(BagPathTagInPayload),
        }
    }
}

/// Checks a decoded path: safe, and inside the payload directory or outside it as `payload`
/// says. Returns why not.
fn path_problem(path: &str, payload: bool) -> Option<PathProblem> {
    if let Some(why) = name_problem(path) {
        return Some(PathProblem::Unsafe(why));
    }
    if path.ends_with('/') {
        return Some(PathProblem::Directory);
    }
    match (payload, path.starts_with(PAYLOAD_DIR)) {
        (true, false) => Some(PathProblem::NotPayload),
        (false, true) => Some(PathProblem::Payload),
        _ => None,
    }
}

/// One manifest as read.
struct Manifest {
    name: String,
    algorithm: Algorithm,
    /// Path (decoded, NFC) → checksum (lowercase hex).
    entries: BTreeMap<String, String>,
}

fn parse_manifest(
    name: &str,
    text: &str,
    algorithm: Algorithm,
    kind: ManifestKind,
    version: Version,
    findings: &mut Vec<Finding>,
) -> Manifest {
    let rule = match kind {
        ManifestKind::Payload => "RFC 8493 §2.1.3",
        ManifestKind::Tag => "RFC 8493 §2.2.1",
    };
    let mut entries = BTreeMap::new();
    let (lines, ended) = split_lines(text);
    if !ended {
        findings.push(unterminated(name, FindingKind::BadManifest));
    }
    for (i, line) in lines.iter().enumerate() {
        let bad = |why: Message| {
            Finding::new(
                FindingKind::BadManifest,
                name,
                msg!(
                    BagManifestLine,
                    name = name,
                    line = i + 1,
                    why = why,
                    text = *line
                ),
            )
            .rule(rule)
        };
        let Some((checksum, rest)) = line.split_once([' ', '\t']) else {
            findings.push(bad(msg!(BagManifestForm)));
            continue;
        };
        let raw_path = rest.trim_start_matches([' ', '\t']);
        if checksum.is_empty() || raw_path.is_empty() {
            findings.push(bad(msg!(BagManifestForm)));
            continue;
        }
        if checksum.len() != algorithm.hex_len() || !checksum.bytes().all(|b| b.is_ascii_hexdigit())
        {
            findings.push(bad(msg!(
                BagManifestChecksum,
                digits = algorithm.hex_len(),
                algorithm = algorithm.name()
            )));
            continue;
        }
        let (decoded, encoded_right) = decode_path(raw_path, version);
        if !encoded_right {
            findings.push(bad(msg!(BagManifestPercent)).rule("RFC 8493 §2.1.3"));
        }
        if let Some(why) = path_problem(&decoded, kind == ManifestKind::Payload) {
            let section = match why {
                PathProblem::Unsafe(_) => "RFC 8493 §5.1",
                _ => rule,
            };
            findings.push(bad(why.message()).rule(section));
            continue;
        }
        let path = nfc(&decoded);
        let checksum = checksum.to_ascii_lowercase();
        match entries.get(&path) {
            None => {
                entries.insert(path, checksum);
            }
            Some(first) if *first == checksum && version == Version::V0_97 => findings.push(
                Finding::new(
                    FindingKind::BadManifest,
                    name,
                    msg!(BagManifestRepeated, name = name, path = &path),
                )
                .rule(rule)
                .warning(),
            ),
            Some(first) => {
                let same = if *first == checksum {
                    Msg::BagManifestSameChecksum
                } else {
                    Msg::BagManifestConflictingChecksums
                };
                findings.push(
                    Finding::new(
                        FindingKind::BadManifest,
                        &path,
                        msg!(
                            BagManifestListedTwice,
                            name = name,
                            line = i + 1,
                            path = &path,
                            same = same
                        ),
                    )
                    .rule("RFC 8493 §2.1.3"),
                );
            }
        }
    }
    Manifest {
        name: name.to_string(),
        algorithm,
        entries,
    }
}

/// One fetch.txt item: where the file would come from.
struct FetchItem {
    url: String,
}

/// `url length filepath` (§2.2.3): an absolute URI, a length in octets or `-`, and a payload
/// path encoded as in manifests.
fn parse_fetch(
    text: &str,
    version: Version,
    findings: &mut Vec<Finding>,
) -> BTreeMap<String, FetchItem> {
    let mut items = BTreeMap::new();
    let (lines, ended) = split_lines(text);
    if !ended {
        findings.push(unterminated(FETCH_TXT, FindingKind::BadFetch));
    }
    let is_ws = |c: char| c == ' ' || c == '\t';
    for (i, line) in lines.iter().enumerate() {
        let bad = |why: Message| {
            Finding::new(
                FindingKind::BadFetch,
                FETCH_TXT,
                msg!(BagFetchLine, line = i + 1, why = why, text = *line),
            )
            .rule("RFC 8493 §2.2.3")
        };
        let mut parts = line.splitn(2, is_ws);
        let url = parts.next().unwrap_or_default();
        let rest = parts.next().unwrap_or_default().trim_start_matches(is_ws);
        let mut parts = rest.splitn(2, is_ws);
        let length = parts.next().unwrap_or_default();
        let raw_path = parts.next().unwrap_or_default().trim_start_matches(is_ws);
        if url.is_empty() || length.is_empty() || raw_path.is_empty() {
            findings.push(bad(msg!(BagFetchForm)));
            continue;
        }
        if !is_absolute_uri(url) {
            findings.push(bad(msg!(BagFetchUrl)));
        }
        if length != "-" && !length.bytes().all(|b| b.is_ascii_digit()) {
            findings.push(bad(msg!(BagFetchLength)));
        }
        let (decoded, encoded_right) = decode_path(raw_path, version);
        if !encoded_right {
            findings.push(bad(msg!(BagFetchPercent)));
        }
        if let Some(why) = path_problem(&decoded, true) {
            let why = match why {
                PathProblem::NotPayload => msg!(BagFetchOnlyPayload),
                why => why.message(),
            };
            findings.push(bad(why));
            continue;
        }
        items.insert(
            nfc(&decoded),
            FetchItem {
                url: url.to_string(),
            },
        );
    }
    items
}

/// RFC 3986 absolute URI, as far as its shape goes: a scheme, a colon, something after.
fn is_absolute_uri(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !url.contains('#')
}

// ---------------------------------------------------------------------------------------------
// The bag
// ---------------------------------------------------------------------------------------------

/// One file of the bag as read: its size, and its digests (none when it could not be read).
#[derive(Debug, Clone)]
pub struct FileInfo {
    pub size: u64,
    pub digests: Option<Digests>,
}

/// A bag as read.
pub struct Bag<'a> {
    /// Every file, by path relative to the base directory (NFC).
    pub files: &'a BTreeMap<String, FileInfo>,
    /// The bytes of the tag files that [`is_read_tag_file`] names, when they could be read.
    pub tags: &'a HashMap<String, Vec<u8>>,
    /// Whether the base directory has a directory `data`.
    pub has_payload_dir: bool,
}

/// What the rules found, and what the caller may want to know besides.
#[derive(Debug, Default)]
pub struct Judgement {
    pub findings: Vec<Finding>,
    /// The version bagit.txt declares.
    pub version: Option<String>,
    /// The algorithms of the payload manifests that could be read.
    pub algorithms: Vec<Algorithm>,
    /// Every path listed in any payload manifest.
    pub payload_listed: BTreeSet<String>,
    /// The names of the tag manifests present.
    pub tag_manifests: Vec<String>,
    /// Whether bag-info.txt has a Payload-Oxum.
    pub has_oxum: bool,
    /// Payload files and their total size.
    pub payload_files: usize,
    pub payload_bytes: u64,
}

/// Judges a bag by RFC 8493 (or the 0.97 draft when it declares that version).
pub fn judge(bag: &Bag) -> Judgement {
    let mut j = Judgement::default();
    let f = &mut j.findings;
    let files = bag.files;

    // §2.1.1 The bag declaration.
    let decl = match bag.tags.get(BAGIT_TXT) {
        Some(b) => check_declaration(b, f),
        None => {
            if !files.contains_key(BAGIT_TXT) {
                f.push(
                    Finding::new(
                        FindingKind::TagMissing,
                        BAGIT_TXT,
                        msg!(BagMissingFile, path = BAGIT_TXT),
                    )
                    .rule("RFC 8493 §2.1.1"),
                );
            }
            Declaration {
                version: Version::V1_0,
                declared: None,
                encoding: encoding_rs::UTF_8,
            }
        }
    };
    j.version = decl.declared.clone();
    let version = decl.version;

    // §2.1.2 The payload directory.
    if !bag.has_payload_dir {
        f.push(
            Finding::new(
                FindingKind::NoPayloadDirectory,
                "data/",
                msg!(BagNoPayloadDirectory),
            )
            .rule("RFC 8493 §2.1.2"),
        );
    }

    // §2.1.3, §2.2.1, §2.4 The manifests.
    let mut payload_names = Vec::new();
    let mut payload_manifests: Vec<Manifest> = Vec::new();
    let mut tag_manifests: Vec<Manifest> = Vec::new();
    for name in files.keys() {
        let Some((kind, raw)) = manifest_name(name) else {
            continue;
        };
        match kind {
            ManifestKind::Payload => payload_names.push(name.clone()),
            ManifestKind::Tag => j.tag_manifests.push(name.clone()),
        }
        let normalized = normalize_algorithm(raw);
        let expected_name = match kind {
            ManifestKind::Payload => format!("manifest-{normalized}.txt"),
            ManifestKind::Tag => format!("tagmanifest-{normalized}.txt"),
        };
        if *name != expected_name {
            f.push(
                Finding::new(
                    FindingKind::BadManifest,
                    name,
                    msg!(BagManifestName, name = name, expected = &expected_name),
                )
                .rule("RFC 8493 §2.4"),
            );
        }
        let Some(algorithm) = Algorithm::from_name(&normalized) else {
            f.push(
                Finding::new(
                    FindingKind::UnsupportedAlgorithm,
                    name,
                    msg!(BagUnsupportedAlgorithm, name = name, algorithm = raw),
                )
                .rule("RFC 8493 §2.4"),
            );
            continue;
        };
        let Some(bytes) = bag.tags.get(name) else {
            continue; // unreadable: reported where it was read
        };
        let Some(text) = decode_tag(name, bytes, decl.encoding, FindingKind::BadManifest, f) else {
            continue;
        };
        let m = parse_manifest(name, &text, algorithm, kind, version, f);
        match kind {
            ManifestKind::Payload => payload_manifests.push(m),
            ManifestKind::Tag => tag_manifests.push(m),
        }
    }
    if payload_names.is_empty() {
        f.push(
            Finding::new(
                FindingKind::NoPayloadManifest,
                "manifest-sha512.txt",
                msg!(BagNoPayloadManifest),
            )
            .rule("RFC 8493 §2.1.3"),
        );
    }
    j.algorithms = payload_manifests.iter().map(|m| m.algorithm).collect();
    j.algorithms.sort();
    j.algorithms.dedup();
    for m in &payload_manifests {
        j.payload_listed.extend(m.entries.keys().cloned());
    }

    // §2.2.3 fetch.txt: read, never fetched.
    let fetch = bag
        .tags
        .get(FETCH_TXT)
        .and_then(|b| decode_tag(FETCH_TXT, b, decl.encoding, FindingKind::BadFetch, f))
        .map(|t| parse_fetch(&t, version, f))
        .unwrap_or_default();
    for p in fetch.keys() {
        for m in &payload_manifests {
            if !m.entries.contains_key(p) {
                f.push(
                    Finding::new(
                        FindingKind::BadFetch,
                        p,
                        msg!(BagFetchNotInManifest, path = p, manifest = &m.name),
                    )
                    .rule("RFC 8493 §2.2.3"),
                );
            }
        }
    }

    // §3 The payload against the payload manifests.
    let payload: BTreeMap<&String, &FileInfo> = files
        .iter()
        .filter(|(k, _)| k.starts_with(PAYLOAD_DIR))
        .collect();
    j.payload_files = payload.len();
    j.payload_bytes = payload.values().map(|e| e.size).sum();
    let mut missing: BTreeMap<&String, Vec<&Manifest>> = BTreeMap::new();
    let mut altered: BTreeMap<&String, Vec<(&Manifest, &String, String)>> = BTreeMap::new();
    for m in &payload_manifests {
        for (p, want) in &m.entries {
            match payload.get(p) {
                None => missing.entry(p).or_default().push(m),
                Some(FileInfo {
                    digests: Some(d), ..
                }) => {
                    if let Some(got) = d.get(m.algorithm)
                        && got != want
                    {
                        altered
                            .entry(p)
                            .or_default()
                            .push((m, want, got.to_string()));
                    }
                }
                Some(_) => {} // unreadable: reported where it was read
            }
        }
    }
    for (p, wrong) in altered {
        let names: Vec<String> = wrong.iter().map(|(m, _, _)| m.name.clone()).collect();
        let (m, want, got) = &wrong[0];
        let mut finding = Finding::new(
            FindingKind::Altered,
            p,
            msg!(BagAltered, path = p, manifests = names),
        )
        .rule("RFC 8493 §3");
        finding.expected = Some(format!("{}:{want}", m.algorithm.name()));
        finding.actual = Some(format!("{}:{got}", m.algorithm.name()));
        f.push(finding);
    }
    let mut extra: Vec<(&String, &FileInfo)> = Vec::new();
    if !payload_manifests.is_empty() {
        for (p, info) in &payload {
            let absent_from: Vec<String> = payload_manifests
                .iter()
                .filter(|m| !m.entries.contains_key(*p))
                .map(|m| m.name.clone())
                .collect();
            if absent_from.len() == payload_manifests.len() {
                extra.push((p, info));
            } else if !absent_from.is_empty() && version == Version::V1_0 {
                f.push(
                    Finding::new(
                        FindingKind::NotInEveryManifest,
                        p,
                        msg!(BagNotInEveryManifest, path = *p, manifests = absent_from),
                    )
                    .rule("RFC 8493 §3"),
                );
            }
        }
    }
    for (p, listed_by) in missing {
        if let Some(item) = fetch.get(p) {
            f.push(
                Finding::new(
                    FindingKind::FetchPending,
                    p,
                    msg!(BagFetchPending, path = p, url = &item.url),
                )
                .rule("RFC 8493 §3"),
            );
            continue;
        }
        let dir = format!("{p}/");
        if files
            .range(dir.clone()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&dir))
        {
            f.push(
                Finding::new(
                    FindingKind::BadManifest,
                    p,
                    msg!(BagManifestDirectory, path = p),
                )
                .rule("RFC 8493 §2.1.3"),
            );
            continue;
        }
        // The same content under a name no manifest lists: renamed.
        let same = |info: &FileInfo| {
            listed_by.iter().any(|m| {
                info.digests
                    .as_ref()
                    .and_then(|d| d.get(m.algorithm))
                    .is_some_and(|got| m.entries.get(p).is_some_and(|want| want == got))
            })
        };
        match extra.iter().position(|(_, info)| same(info)) {
            Some(i) => {
                let (to, _) = extra.remove(i);
                let mut finding =
                    Finding::new(FindingKind::Renamed, p, msg!(BagRenamed, path = p, to = to))
                        .rule("RFC 8493 §3");
                finding.to = Some(to.clone());
                f.push(finding);
            }
            None => f.push(
                Finding::new(FindingKind::Missing, p, msg!(BagMissing, path = p))
                    .rule("RFC 8493 §3"),
            ),
        }
    }
    for (p, _) in extra {
        f.push(Finding::new(FindingKind::Extra, p, msg!(BagExtra, path = p)).rule("RFC 8493 §3"));
    }

    // §2.2.2 bag-info.txt, and the Payload-Oxum when present.
    if let Some(text) = bag
        .tags
        .get(BAG_INFO_TXT)
        .and_then(|b| decode_tag(BAG_INFO_TXT, b, decl.encoding, FindingKind::BadBagInfo, f))
    {
        let (elements, oxum) = check_bag_info(&text, version, f);
        j.has_oxum = elements
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(ONCE_ONLY));
        if let Some((bytes, count)) = oxum {
            // The size of an unreadable entry is unknown: then only the count is compared.
            let sizes_known = payload.values().all(|e| e.digests.is_some());
            let (actual_bytes, actual_files) = (j.payload_bytes, j.payload_files as u64);
            if count != actual_files || (sizes_known && bytes != actual_bytes) {
                let mut finding = Finding::new(
                    FindingKind::PayloadOxum,
                    BAG_INFO_TXT,
                    msg!(
                        BagOxumMismatch,
                        count = count,
                        bytes = bytes,
                        actual_files = actual_files,
                        actual_bytes = actual_bytes
                    ),
                )
                .rule("RFC 8493 §2.2.2");
                finding.expected = Some(format!("{bytes}.{count}"));
                finding.actual = Some(format!("{actual_bytes}.{actual_files}"));
                f.push(finding);
            }
        }
    }

    // §2.2.1 The tag manifests against the tag files.
    for m in &tag_manifests {
        for (p, want) in &m.entries {
            if version == Version::V1_0
                && manifest_name(p).is_some_and(|(k, _)| k == ManifestKind::Tag)
            {
                f.push(
                    Finding::new(
                        FindingKind::BadManifest,
                        &m.name,
                        msg!(BagTagManifestListsTagManifest, name = &m.name, path = p),
                    )
                    .rule("RFC 8493 §2.2.1"),
                );
                continue;
            }
            match files.get(p) {
                None => f.push(
                    Finding::new(
                        FindingKind::TagMissing,
                        p,
                        msg!(BagTagMissing, path = p, name = &m.name),
                    )
                    .rule("RFC 8493 §3"),
                ),
                Some(FileInfo {
                    digests: Some(d), ..
                }) => {
                    if let Some(got) = d.get(m.algorithm)
                        && got != want
                    {
                        let mut finding = Finding::new(
                            FindingKind::TagAltered,
                            p,
                            msg!(BagAltered, path = p, manifests = &m.name),
                        )
                        .rule("RFC 8493 §3");
                        finding.expected = Some(format!("{}:{want}", m.algorithm.name()));
                        finding.actual = Some(format!("{}:{got}", m.algorithm.name()));
                        f.push(finding);
                    }
                }
                Some(_) => {}
            }
        }
        if version == Version::V1_0 {
            for pm in &payload_names {
                if !m.entries.contains_key(pm) {
                    f.push(
                        Finding::new(
                            FindingKind::TagNotListed,
                            pm,
                            msg!(BagTagManifestOmitsManifest, name = &m.name, path = pm),
                        )
                        .rule("RFC 8493 §2.2.1"),
                    );
                }
            }
        }
    }
    if !tag_manifests.is_empty() {
        // SHOULD list the remaining tag files; SHOULD use the payload manifests' algorithms.
        for p in files.keys() {
            let is_tag_manifest = manifest_name(p).is_some_and(|(k, _)| k == ManifestKind::Tag);
            let reported = version == Version::V1_0 && payload_names.contains(p);
            if p.starts_with(PAYLOAD_DIR) || is_tag_manifest || reported {
                continue;
            }
            let absent_from: Vec<String> = tag_manifests
                .iter()
                .filter(|m| !m.entries.contains_key(p))
                .map(|m| m.name.clone())
                .collect();
            if !absent_from.is_empty() {
                f.push(
                    Finding::new(
                        FindingKind::TagNotListed,
                        p,
                        msg!(BagTagNotListed, path = p, manifests = absent_from),
                    )
                    .rule("RFC 8493 §2.2.1")
                    .warning(),
                );
            }
        }
        let tag_algs: BTreeSet<Algorithm> = tag_manifests.iter().map(|m| m.algorithm).collect();
        let payload_algs: BTreeSet<Algorithm> = j.algorithms.iter().copied().collect();
        if !payload_algs.is_empty() && tag_algs != payload_algs {
            let names = |s: &BTreeSet<Algorithm>| {
                Arg::List(s.iter().map(|a| a.name().to_string()).collect())
            };
            f.push(
                Finding::new(
                    FindingKind::BadManifest,
                    &j.tag_manifests[0],
                    msg!(
                        BagTagAlgorithms,
                        tag = names(&tag_algs),
                        payload = names(&payload_algs)
                    ),
                )
                .rule("RFC 8493 §2.2.1")
                .warning(),
            );
        }
    }

    // §2.4 MD5 and SHA-1 are allowed for backwards compatibility only.
    if !j.algorithms.is_empty() && j.algorithms.iter().all(|a| a.weak()) {
        f.push(
            Finding::new(
                FindingKind::WeakAlgorithm,
                &payload_names[0],
                msg!(
                    BagWeakAlgorithm,
                    algorithms = j
                        .algorithms
                        .iter()
                        .map(|a| a.name().to_string())
                        .collect::<Vec<_>>()
                ),
            )
            .rule("RFC 8493 §2.4")
            .warning(),
        );
    }

    // §6.1.1.3 Names that differ only in case cannot coexist on many file systems.
    let mut by_case: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for p in payload.keys() {
        by_case.entry(p.to_lowercase()).or_default().push(p);
    }
    for names in by_case.values().filter(|n| n.len() > 1) {
        let shown: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        f.push(
            Finding::new(
                FindingKind::CaseCollision,
                names[0],
                msg!(BagCaseCollision, names = shown),
            )
            .rule("RFC 8493 §6.1.1.3")
            .warning(),
        );
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_in_lf_cr_or_crlf() {
        assert_eq!(
            split_lines("a\nb\r\nc\rd"),
            (vec!["a", "b", "c", "d"], false)
        );
        assert_eq!(split_lines("a\n\n"), (vec!["a", ""], true));
        assert_eq!(split_lines(""), (vec![], true));
    }

    #[test]
    fn paths_decode_by_version() {
        assert_eq!(
            decode_path("data/a%25b%0d%0A", Version::V1_0),
            ("data/a%b\r\n".into(), true)
        );
        assert_eq!(
            decode_path("data/a%20b", Version::V1_0),
            ("data/a%20b".into(), false)
        );
        assert_eq!(
            decode_path("data/a%25b", Version::V0_97),
            ("data/a%25b".into(), true)
        );
    }

    #[test]
    fn manifest_names_and_algorithms() {
        assert_eq!(
            manifest_name("manifest-sha256.txt"),
            Some((ManifestKind::Payload, "sha256"))
        );
        assert_eq!(
            manifest_name("TagManifest-SHA-1.TXT"),
            Some((ManifestKind::Tag, "SHA-1"))
        );
        assert_eq!(manifest_name("data/manifest-md5.txt"), None);
        assert_eq!(
            manifest_name("manifest-.txt"),
            Some((ManifestKind::Payload, ""))
        );
        let algs = needed_algorithms(["manifest-md5.txt", "tagmanifest-SHA-512.txt", "x.txt"]);
        assert_eq!(
            algs.into_iter().collect::<Vec<_>>(),
            vec![Algorithm::Md5, Algorithm::Sha512]
        );
    }

    #[test]
    fn one_pass_computes_every_algorithm() {
        let mut h = MultiHasher::new(&Algorithm::ALL.into_iter().collect());
        h.update(b"ab");
        h.update(b"c");
        let d = h.finalize();
        assert_eq!(
            d.get(Algorithm::Md5),
            Some("900150983cd24fb0d6963f7d28e17f72")
        );
        assert_eq!(
            d.get(Algorithm::Sha1),
            Some("a9993e364706816aba3e25717850c26c9cd0d89d")
        );
        assert_eq!(
            d.get(Algorithm::Sha256),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert!(
            d.get(Algorithm::Sha512)
                .unwrap()
                .starts_with("ddaf35a193617aba")
        );
    }
}

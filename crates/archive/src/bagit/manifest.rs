//! The manifests (§2.1.3, §2.2.1) and fetch.txt (§2.2.3): their lines, the paths they name,
//! read into what [`super::judge`] compares with the bag.

use std::collections::BTreeMap;

use spotcheck_core::messages::{Message, Msg};
use spotcheck_core::msg;

use super::digest::{Algorithm, ManifestKind, name_problem, nfc};
use super::finding::{Finding, FindingKind};
use super::tagfile::{Version, split_lines, unterminated};
use super::{FETCH_FILE, PAYLOAD_DIR};

// Manifests (§2.1.3, §2.2.1) and fetch.txt (§2.2.3)
// ---------------------------------------------------------------------------------------------

/// A file path as written in a manifest or fetch.txt, decoded: in 1.0, CR, LF and `%` are
/// written `%0D`, `%0A`, `%25` (§2.1.3), so any other `%` is an error (kept literally); 0.97
/// encoded only CR and LF. Hex digits in either case.
pub(super) fn decode_path(raw: &str, version: Version) -> (String, bool) {
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
pub(super) enum PathProblem {
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
pub(super) fn path_problem(path: &str, payload: bool) -> Option<PathProblem> {
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
pub(super) struct Manifest {
    pub(super) name: String,
    pub(super) algorithm: Algorithm,
    /// Path (decoded, NFC) → checksum (lowercase hex).
    pub(super) entries: BTreeMap<String, String>,
    /// Path (decoded, NFC) → the path as written (NFC), for the paths that percent-decoding
    /// changed: tools that do not encode `%` (bagit-python writes `%` as it is) mean the
    /// literal name, which [`super::judge`] takes when only that one exists.
    pub(super) literal: BTreeMap<String, String>,
}

/// Lines of one manifest that departed from the form in the same tolerable way: counted, and
/// reported once with the first of them.
#[derive(Default)]
struct Sloppy {
    count: usize,
    first: Option<(usize, String)>,
}

impl Sloppy {
    fn note(&mut self, line: usize, text: &str) {
        self.count += 1;
        self.first.get_or_insert_with(|| (line, text.to_string()));
    }
}

/// The path of a manifest line as the tools that write one mean it: `md5sum -b` and
/// `sha256sum -b` write `HASH *path` (the `*` marks binary mode and is not part of the name: no
/// payload path starts with `*`), and `./data/x` is `data/x`, as `find .` writes it. Each mark
/// is noted.
fn unmarked<'a>(
    rest: &'a str,
    (no, line): (usize, &str),
    binary: &mut Sloppy,
    dot_slash: &mut Sloppy,
) -> &'a str {
    let mut raw_path = rest.trim_start_matches([' ', '\t']);
    if let Some(p) = raw_path.strip_prefix('*') {
        binary.note(no, line);
        raw_path = p;
    }
    if raw_path.starts_with("./") {
        dot_slash.note(no, line);
        while let Some(p) = raw_path.strip_prefix("./") {
            raw_path = p.trim_start_matches('/');
        }
    }
    raw_path
}

/// One warning for each kind of sloppy line a manifest has, naming the first and the count.
fn sloppy_findings(name: &str, kinds: [(Sloppy, Msg); 3], findings: &mut Vec<Finding>) {
    for (sloppy, why) in kinds {
        if let Some((line, text)) = sloppy.first {
            findings.push(
                Finding::new(
                    FindingKind::BadManifest,
                    name,
                    msg!(
                        BagManifestSloppy,
                        name = name,
                        count = sloppy.count,
                        line = line,
                        text = text,
                        why = why
                    ),
                )
                .section("RFC 8493 §2.1.3")
                .warning(),
            );
        }
    }
}

pub(super) fn parse_manifest(
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
    let mut literal = BTreeMap::new();
    // Path (NFC) → the path as decoded before normalization, first seen.
    let mut spelled: BTreeMap<String, String> = BTreeMap::new();
    let (mut binary, mut dot_slash, mut bare_percent) =
        (Sloppy::default(), Sloppy::default(), Sloppy::default());
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
            .section(rule)
        };
        let Some((checksum, rest)) = line.split_once([' ', '\t']) else {
            findings.push(bad(msg!(BagManifestForm)));
            continue;
        };
        let raw_path = unmarked(rest, (i + 1, line), &mut binary, &mut dot_slash);
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
            // A `%` that encodes nothing: the name is read as written.
            bare_percent.note(i + 1, line);
        }
        if let Some(why) = path_problem(&decoded, kind == ManifestKind::Payload) {
            let section = match why {
                PathProblem::Unsafe(_) => "RFC 8493 §5.1",
                _ => rule,
            };
            findings.push(bad(why.message()).section(section));
            continue;
        }
        let path = nfc(&decoded);
        if decoded != raw_path && path_problem(raw_path, kind == ManifestKind::Payload).is_none() {
            literal.insert(path.clone(), nfc(raw_path));
        }
        let checksum = checksum.to_ascii_lowercase();
        match entries.get(&path) {
            None => {
                spelled.insert(path.clone(), decoded);
                entries.insert(path, checksum);
            }
            // One name in two Unicode normalization forms, as a copy between systems lists it:
            // the same file, and the same checksum, so nothing is in doubt (§6.1.1.3).
            Some(first) if *first == checksum && spelled.get(&path) != Some(&decoded) => findings
                .push(
                    Finding::new(
                        FindingKind::BadManifest,
                        &path,
                        msg!(BagManifestTwoForms, name = name, path = &path),
                    )
                    .section("RFC 8493 §6.1.1.3")
                    .warning(),
                ),
            Some(first) if *first == checksum && version == Version::V0_97 => findings.push(
                Finding::new(
                    FindingKind::BadManifest,
                    name,
                    msg!(BagManifestRepeated, name = name, path = &path),
                )
                .section(rule)
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
                    .section("RFC 8493 §2.1.3"),
                );
            }
        }
    }
    sloppy_findings(
        name,
        [
            (binary, Msg::BagManifestBinaryMode),
            (dot_slash, Msg::BagManifestDotSlash),
            (bare_percent, Msg::BagManifestPercent),
        ],
        findings,
    );
    Manifest {
        name: name.to_string(),
        algorithm,
        entries,
        literal,
    }
}

/// One fetch.txt item: where the file would come from.
pub(super) struct FetchItem {
    pub(super) url: String,
    /// The length in octets, when given (not `-`).
    pub(super) length: Option<u64>,
}

/// `url length filepath` (§2.2.3): an absolute URI, a length in octets or `-`, and a payload
/// path encoded as in manifests.
pub(super) fn parse_fetch(
    text: &str,
    version: Version,
    findings: &mut Vec<Finding>,
) -> BTreeMap<String, FetchItem> {
    let mut items = BTreeMap::new();
    let (lines, ended) = split_lines(text);
    if !ended {
        findings.push(unterminated(FETCH_FILE, FindingKind::BadFetch));
    }
    let is_ws = |c: char| c == ' ' || c == '\t';
    for (i, line) in lines.iter().enumerate() {
        let bad = |why: Message| {
            Finding::new(
                FindingKind::BadFetch,
                FETCH_FILE,
                msg!(BagFetchLine, line = i + 1, why = why, text = *line),
            )
            .section("RFC 8493 §2.2.3")
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
                length: length.parse().ok(),
            },
        );
    }
    items
}

/// RFC 3986 absolute URI, as far as its shape goes: a scheme, a colon, something after.
pub(super) fn is_absolute_uri(url: &str) -> bool {
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

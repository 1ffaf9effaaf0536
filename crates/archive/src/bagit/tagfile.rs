//! The text tag files (§2.3): lines and encodings, the bag declaration bagit.txt (§2.1.1) and
//! the bag metadata bag-info.txt (§2.2.2).

use spotcheck_core::messages::{Message, Msg};
use spotcheck_core::msg;

use super::finding::{Finding, FindingKind};
use super::{BAG_INFO_FILE, BAGIT_FILE, UTF8_BOM};

// Text tag files (§2.3)
// ---------------------------------------------------------------------------------------------

/// The version of the specification a bag declares, as far as the rules differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    V0_97,
    V1_0,
}

/// Splits text into lines ended by LF, CR or CRLF; also tells whether the last line was ended.
pub(super) fn split_lines(text: &str) -> (Vec<&str>, bool) {
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
pub(super) fn decode_tag(
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
                    Finding::new(kind, file, msg!(BagTagBom, file = file)).section("RFC 8493 §2.3"),
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
                    .section("RFC 8493 §2.3"),
                );
                None
            }
        }
    } else {
        // A byte-order mark chooses the byte order of UTF-16 (a file declared `UTF-16` may be
        // either), and is not part of the text.
        let (text, _, had_errors) = encoding.decode(bytes);
        if had_errors {
            findings.push(
                Finding::new(
                    kind,
                    file,
                    msg!(BagTagBadEncoding, file = file, encoding = encoding.name()),
                )
                .section("RFC 8493 §2.3"),
            );
            return None;
        }
        Some(text.into_owned())
    }
}

/// A last line without its line break: §2.3 says every line is terminated, but the line is
/// complete and tools (bagit-python, `echo -n`) write such files, so this is a warning.
pub(super) fn unterminated(file: &str, kind: FindingKind) -> Finding {
    Finding::new(kind, file, msg!(BagUnterminated, file = file))
        .section("RFC 8493 §2.3")
        .warning()
}

/// `label: value` as BagIt 1.0 writes a metadata element (§2.2.2): a label that neither starts
/// nor ends with whitespace, a colon, one space or tab, the value. 0.97 allowed any whitespace,
/// or none, around the colon. Returns the label and the value, or why the line is not one.
pub(super) fn element(line: &str, version: Version) -> Result<(&str, &str), Msg> {
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
pub(super) struct Declaration {
    pub(super) version: Version,
    pub(super) declared: Option<String>,
    pub(super) encoding: &'static encoding_rs::Encoding,
}

pub(super) fn check_declaration(bytes: &[u8], findings: &mut Vec<Finding>) -> Declaration {
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
                // The drafts before 0.97 differ from it in nothing a validator checks that
                // 0.97 does not (bagit-python judges them alike): judged by 0.97, warned.
                "0.93" | "0.94" | "0.95" | "0.96" => {
                    decl.version = Version::V0_97;
                    findings.push(
                        Finding::new(
                            FindingKind::BadBagitTxt,
                            BAGIT_FILE,
                            msg!(BagDeclOldVersion, version = v),
                        )
                        .section("BagIt 0.97 §2.1.1")
                        .warning(),
                    );
                }
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
                            BAGIT_FILE,
                            msg!(BagTagEncoding, encoding = e),
                        )
                        .section("RFC 8493 §2.1.1")
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
        findings.push(unterminated(BAGIT_FILE, FindingKind::BadBagitTxt));
    }
    findings.extend(why_bad.into_iter().map(bad_declaration));
    decl
}

pub(super) fn bad_declaration(why: Message) -> Finding {
    Finding::new(
        FindingKind::BadBagitTxt,
        BAGIT_FILE,
        msg!(BagDeclInvalid, why = why),
    )
    .section("RFC 8493 §2.1.1")
}

// ---------------------------------------------------------------------------------------------
// bag-info.txt (§2.2.2)
// ---------------------------------------------------------------------------------------------

/// Elements that must appear at most once, and those that should.
pub(super) const ONCE_ONLY: &str = "Payload-Oxum";
pub(super) const SHOULD_NOT_REPEAT: [&str; 4] = [
    "Bagging-Date",
    "Bag-Size",
    "Bag-Group-Identifier",
    "Bag-Count",
];

/// bag-info.txt's elements in order: label, value.
type Elements = Vec<(String, String)>;

/// Reads bag-info.txt: its elements in order (continuation lines joined), and the
/// Payload-Oxum when there is exactly one well-formed one.
pub(super) fn check_bag_info(
    text: &str,
    version: Version,
    findings: &mut Vec<Finding>,
) -> (Elements, Option<(u64, u64)>) {
    let mut elements: Elements = Vec::new();
    let (lines, ended) = split_lines(text);
    let bad = |i: usize, why: Msg, line: &str| {
        Finding::new(
            FindingKind::BadBagInfo,
            BAG_INFO_FILE,
            msg!(BagInfoLine, line = i + 1, why = why, text = line),
        )
        .section("RFC 8493 §2.2.2")
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
        findings.push(unterminated(BAG_INFO_FILE, FindingKind::BadBagInfo));
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
                    BAG_INFO_FILE,
                    msg!(BagInfoRepeated, label = label, count = n),
                )
                .section("RFC 8493 §2.2.2")
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
                BAG_INFO_FILE,
                msg!(BagInfoOxumRepeated, count = oxums.len()),
            )
            .section("RFC 8493 §2.2.2"),
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
                    BAG_INFO_FILE,
                    msg!(BagInfoOxumForm, value = *value),
                )
                .section("RFC 8493 §2.2.2"),
            );
        }
        parsed
    });
    (elements, oxum)
}

// ---------------------------------------------------------------------------------------------

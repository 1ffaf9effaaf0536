//! Text written into a case file by the program (`import`, `new-case`): any value as a YAML
//! scalar that reads back as exactly that value, and any text in a comment that cannot end
//! the comment.
//!
//! YAML (1.1, which the reader follows, as 1.2 does for these) ends a line not only at LF and
//! CR but also at NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029); a
//! value or a file name holding one, written as it is into a comment, would begin a new line
//! of fields, and inside quotes it would be folded into a space. So every character outside
//! YAML's printable set, every line break and the byte-order mark are written as escapes.

/// `s` as a YAML double-quoted scalar: `"…"`, with `\` and `"` escaped and every character
/// that is not printable in YAML, or that breaks a line, written as an escape (`\n`, `\r`,
/// `\t`, `\N`, `\L`, `\P`, `\uXXXX`). The result is one line.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a YAML scalar as a person would write it: plain when it is a word of letters,
/// digits, `.`, `_` and `-` that starts with a letter and no YAML reader takes for a
/// boolean or null (`XS-2024-005`), otherwise quoted as [`quote`] does.
pub fn scalar(s: &str) -> String {
    let word = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    let special = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(s));
    if word && !special {
        s.to_string()
    } else {
        quote(s)
    }
}

/// Whether `c` is outside YAML's printable set (c-printable) or is the byte-order mark: such
/// a character may not stand as it is in a file.
fn needs_escape(c: char) -> bool {
    let printable = matches!(c,
        '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    !printable || c == '\u{FEFF}'
}

/// `s` made safe to stand in a comment: one line, quoted as [`quote`] does when it holds
/// anything but printable characters (so `名单.xlsx` stays as it is, and a name holding a
/// line separator shows it as `\L`).
pub fn comment(s: &str) -> String {
    let plain = s
        .chars()
        .all(|c| !needs_escape(c) && !matches!(c, '\u{2028}' | '\u{2029}' | '"' | '\\'));
    if plain { s.to_string() } else { quote(s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line break YAML knows, quotes, a comment sign, a mapping indicator, a BOM and
    /// C0/C1 controls: each reads back as written, through both YAML readers in use.
    const HOSTILE: &[&str] = &[
        "a\nb",
        "a\rb",
        "a\r\nb",
        "a\u{85}b",
        "a\u{2028}outcome: refused",
        "a\u{2029}b",
        "\"quoted\" 'single'",
        "name # not a comment",
        "key: value",
        "- item",
        "\u{FEFF}bom",
        "tab\there",
        "nul\u{0}bel\u{7}esc\u{1B}del\u{7F}c1\u{9B}",
        "\\back\\slash\\",
        "{ flow: [1, 2] }",
        "&anchor *alias !tag %dir @at `tick`",
        "",
        "  edges  ",
        "null",
        "007",
        "𠮷野家 \u{FFFD}",
    ];

    /// `line` (`key: …`) gives `v` as the value of `key` in both YAML readers in use.
    fn reads_back(line: &str, v: &str) {
        let read: serde_yaml::Value = serde_yaml::from_str(line).unwrap();
        assert_eq!(read["key"].as_str(), Some(v), "serde_yaml read {line:?}");
        let docs = yaml_rust2::YamlLoader::load_from_str(line).unwrap();
        assert_eq!(docs[0]["key"].as_str(), Some(v), "yaml-rust2 read {line:?}");
    }

    #[test]
    fn every_value_reads_back_as_written_through_both_readers() {
        for v in HOSTILE {
            let line = format!("key: {}\nafter: 1\n", quote(v));
            assert_eq!(line.lines().count(), 2, "{v:?} broke the line: {line:?}");
            reads_back(&line, v);
            let read: serde_yaml::Value = serde_yaml::from_str(&line).unwrap();
            assert_eq!(read["after"].as_u64(), Some(1), "{line:?}");
        }
    }

    #[test]
    fn a_scalar_is_plain_only_where_it_reads_back_as_the_same_text() {
        assert_eq!(scalar("XS-2024-005"), "XS-2024-005");
        for v in HOSTILE.iter().chain(&[
            "true",
            "No",
            "NULL",
            "y",
            "123",
            "2024-01-01",
            "E1",
            "a.b_c-d",
            "1e3",
        ]) {
            reads_back(&format!("key: {}\n", scalar(v)), v);
        }
    }

    #[test]
    fn a_comment_stays_a_comment() {
        for v in HOSTILE {
            let text = format!("# from {}\nkey: 1\n", comment(v));
            let read: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
            let m = read.as_mapping().unwrap();
            assert_eq!(m.len(), 1, "{v:?} made fields of a comment: {text:?}");
            assert_eq!(read["key"].as_u64(), Some(1));
        }
        assert_eq!(comment("企业名单.xlsx"), "企业名单.xlsx");
    }
}

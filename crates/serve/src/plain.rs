//! The words of a clerk, not of a case file: the messages of `check` and the descriptions of
//! the schema name fields by their YAML paths (`outcome`, `visit.place`, `product 一节`,
//! `batch.yaml 的 labs`) for people who edit the files; the pages show each such name by its
//! title instead (抽样情况, 抽样地点, 样品信息, 批次设置的承检机构), and each value of a choice
//! by what it means (`refused` → 拒绝抽样（拒检）).
//!
//! The dictionary is made once from the two JSON Schemas (case file and `batch.yaml`): every
//! property's title by its path, every constant of a choice by its description. A name is
//! replaced only where it stands as a word of ASCII letters, digits, `_`, `.` and `[…]`, so
//! Chinese text and values such as `e-CQS`, `EMS` or a report number are left as they are.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde_json::Value;

use super::form::{self, Node};
use spotcheck_input::scaffold;

/// Names → words, made once.
static WORDS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut words = HashMap::new();
    // The batch's first, so that a case's own field wins where both have a name.
    for schema in [scaffold::batch_schema(), scaffold::case_schema()] {
        for (path, title) in form::titles(&schema) {
            // Said inside a sentence: the title without its note (`抽样情况（抽样前不填写…）`).
            let short = match title.find('（') {
                Some(at) if at > 0 && title.ends_with('）') => title[..at].to_string(),
                _ => title,
            };
            words.insert(normalized(&path), short);
        }
        collect_constants(&schema, &mut words);
    }
    for (file, word) in [
        ("batch.yaml", "批次设置"),
        ("batch.schema.json", "批次设置"),
        ("case.schema.json", "案例"),
    ] {
        words.insert(file.to_string(), word.to_string());
    }
    words
});

/// Every `oneOf` constant of the schema with its description (`sampled` → 已抽样).
fn collect_constants(v: &Value, out: &mut HashMap<String, String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(one)) = m.get("oneOf") {
                for c in one {
                    let (Some(k), Some(d)) = (
                        c.get("const").and_then(Value::as_str),
                        c.get("description").and_then(Value::as_str),
                    ) else {
                        continue;
                    };
                    out.entry(k.to_string())
                        .or_insert_with(|| d.trim_end_matches('。').to_string());
                }
            }
            m.values().for_each(|v| collect_constants(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_constants(v, out)),
        _ => {}
    }
}

/// A path as the dictionary keys it: list indexes and `*` left out
/// (`visit.samplers[1].name`, `visit.samplers.*.name` → `visit.samplers.name`).
fn normalized(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth > 0 => {}
            c => out.push(c),
        }
    }
    out.split('.')
        .filter(|p| !p.is_empty() && *p != "*" && !p.bytes().all(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(".")
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']')
}

/// Whether `c` is Chinese text or its punctuation, beside which a space only stood to set an
/// ASCII name apart.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’')
}

/// `text` with every field name, file name and constant the dictionary knows said in words.
pub fn plain(text: &str) -> String {
    plain_at(text, "")
}

/// [`plain`] for a finding about the field `at` (`visit.samplers.1`): a bare name in it
/// (`缺少必填字段 name`) is first taken as one of that field's own (`visit.samplers.name`,
/// 姓名).
pub(crate) fn plain_at(text: &str, at: &str) -> String {
    let words = &*WORDS;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_name_char(chars[i]) || chars[i] == '.' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_name_char(chars[i]) {
            i += 1;
        }
        // A trailing full stop or bracket belongs to the sentence, not the name.
        let mut end = i;
        while end > start && matches!(chars[end - 1], '.' | '[') {
            end -= 1;
        }
        let name: String = chars[start..end].iter().collect();
        let key = normalized(&name);
        // A word only where it stands alone: not inside a longer run of letters (`EMS1`).
        let alone = start == 0 || !chars[start - 1].is_ascii_alphanumeric();
        let own = (!at.is_empty()).then(|| normalized(&format!("{at}.{name}")));
        match own
            .and_then(|k| words.get(&k))
            .or_else(|| words.get(&key))
            .or_else(|| words.get(&name))
            .filter(|_| alone)
        {
            Some(word) => {
                if out.ends_with(' ') && out.trim_end().chars().next_back().is_some_and(is_cjk) {
                    out.pop();
                }
                out.push_str(word);
                let next = chars.get(end).copied();
                if next == Some(' ') && chars.get(end + 1).is_some_and(|c| is_cjk(*c)) {
                    end += 1;
                }
            }
            None => out.extend(&chars[start..end]),
        }
        i = end;
    }
    out
}

/// The names the dictionary knows (for the tests that look for one left on a page): the
/// field names and file names, not the constants (`party`, `lab` are also words of a
/// sentence in English).
pub fn known_names() -> Vec<String> {
    WORDS.keys().cloned().collect()
}

/// A node's path and title, and those of its children: every field of a schema.
pub(super) fn walk_titles(n: &Node, out: &mut Vec<(String, String)>) {
    match n {
        Node::Field(s) => out.push((s.path.clone(), s.title.clone())),
        Node::Group {
            path,
            title,
            children,
            ..
        } => {
            out.push((path.clone(), title.clone()));
            children.iter().for_each(|c| walk_titles(c, out));
        }
        Node::List {
            path, title, item, ..
        } => {
            out.push((path.clone(), title.clone()));
            walk_titles(item, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_their_titles_and_the_rest_stays() {
        assert_eq!(
            plain("请写上 outcome（抽样情况）"),
            "请写上抽样情况（抽样情况）"
        );
        assert_eq!(plain("visit.place 为空"), "抽样地点为空");
        assert_eq!(
            plain("缺少 product 一节"),
            format!("缺少{}一节", WORDS["product"])
        );
        assert_eq!(
            plain("不在 batch.yaml 的 labs 中"),
            format!("不在批次设置的{}中", WORDS["labs"])
        );
        assert!(plain("visit.samplers[1].name 为空").starts_with(&WORDS["visit.samplers.name"]));
        // What is no name stays: e-CQS, EMS, report numbers, English words.
        for s in [
            "e-CQS 录入",
            "EMS 寄送",
            "DH-2024-01",
            "2023-08-10",
            "the file",
        ] {
            assert_eq!(plain(s), s);
        }
        assert_eq!(
            plain("outcome 为 refused 时填写"),
            format!("抽样情况为{}时填写", WORDS["refused"])
        );
    }
}

//! Errors in case files are located: file, line, column and field path, all at once.

use spotcheck::input::load;

use crate::common::*;

#[test]
fn a_wrong_type_names_file_line_column_and_field() {
    let batch = copy_sample();
    let line = replace_in(
        &batch.path().join("cases/jz-001.yaml"),
        "unit_price: 185.00",
        "unit_price: 一百八十五",
    );
    let err = load::load(batch.path()).unwrap_err();
    assert_eq!(err.0.len(), 1, "{err}");
    let d = &err.0[0];
    assert_eq!(d.file, "cases/jz-001.yaml");
    assert_eq!(d.path, "product.unit_price");
    assert_eq!(d.line, line);
    assert_eq!(d.column, 15, "column of the value after `  unit_price: `");
    assert!(
        d.to_string()
            .starts_with(&format!("cases/jz-001.yaml:{line}:15 product.unit_price: ")),
        "{d}"
    );
}

#[test]
fn all_independent_errors_of_a_file_come_at_once() {
    let batch = copy_sample();
    let l1 = replace_in(
        &batch.path().join("cases/jz-001.yaml"),
        "test_quantity: 2",
        "test_quantity: two",
    );
    let l2 = replace_in(
        &batch.path().join("cases/jz-001.yaml"),
        "date: 2023-03-02",
        "date: 2023-02-30",
    );
    let l3 = replace_in(
        &batch.path().join("cases/jz-001.yaml"),
        "  trademark:",
        "  trademrak:",
    );
    let l4 = replace_in(
        &batch.path().join("cases/hf-001.yaml"),
        "domain:",
        "domain: 批发 #",
    );
    let err = load::load(batch.path()).unwrap_err();
    let found: Vec<(String, usize, String)> = err
        .0
        .iter()
        .map(|d| (d.file.clone(), d.line, d.path.clone()))
        .collect();
    assert!(
        found.contains(&(
            "cases/jz-001.yaml".into(),
            l1,
            "product.test_quantity".into()
        )),
        "{err}"
    );
    assert!(
        found.contains(&("cases/jz-001.yaml".into(), l2, "visit.date".into())),
        "{err}"
    );
    assert!(
        found.contains(&("cases/jz-001.yaml".into(), l3, "product.trademrak".into())),
        "{err}"
    );
    assert!(
        found.contains(&("cases/hf-001.yaml".into(), l4, "domain".into())),
        "{err}"
    );
    assert_eq!(err.0.len(), 4, "{err}");
    let unknown = err
        .0
        .iter()
        .find(|d| d.path == "product.trademrak")
        .unwrap();
    assert!(
        unknown.zh().contains("trademark"),
        "suggests the near miss: {unknown}"
    );
}

#[test]
fn a_syntax_error_is_located() {
    let batch = copy_sample();
    let line = replace_in(
        &batch.path().join("cases/jz-002.yaml"),
        "outcome: sampled",
        "outcome: [sampled",
    );
    let err = load::load(batch.path()).unwrap_err();
    let d = err
        .0
        .iter()
        .find(|d| d.file == "cases/jz-002.yaml")
        .expect("jz-002 reported");
    assert_eq!(d.rule, "yaml.syntax");
    assert!(d.line >= line, "{d}");
}

// -- full-width characters, serde's words, examples that fit the field -------------------------

use std::collections::BTreeSet;

use spotcheck::diag::Diagnostic;
use spotcheck::input::model::Case;
use spotcheck::messages::{Arg, Lang, Message, placeholders};

fn sample_case() -> String {
    std::fs::read_to_string(sample_dir().join("cases/jz-001.yaml")).unwrap()
}

/// The errors of a case file's text (none when it reads).
fn errors_of(text: &str) -> Vec<Diagnostic> {
    load::parse_typed::<Case>("cases/jz-001.yaml", text.as_bytes())
        .err()
        .unwrap_or_default()
}

/// `good` with `from` replaced by `to`, and the line (1-based) where `to` begins.
fn edit(good: &str, from: &str, to: &str) -> (String, usize) {
    let at = good
        .find(from)
        .unwrap_or_else(|| panic!("{from} not in the case"));
    let line = good[..at].matches('\n').count() + 1;
    (good.replacen(from, to, 1), line)
}

fn only(errors: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    &errors[0]
}

#[test]
fn full_width_characters_are_named_with_the_half_width_value_where_they_stand() {
    let good = sample_case();

    // A date typed with the input method on: the whole corrected date.
    let (text, line) = edit(&good, "date: 2023-03-02", "date: ２０２３-０４-０４");
    let d = only(&errors_of(&text)).clone();
    assert_eq!(
        (d.rule.as_str(), d.line, d.column, d.path.as_str()),
        ("yaml.full-width", line, 9, "visit.date"),
        "{d}"
    );
    let zh = d.zh();
    assert!(
        zh.contains("全角") && zh.contains("“２”") && zh.contains("应为 2023-04-04"),
        "{zh}"
    );
    let en = d.in_lang(Lang::En);
    assert!(
        en.contains("full-width") && en.contains("write 2023-04-04"),
        "{en}"
    );
    // One full-width digit: located at that digit.
    let (text, line) = edit(&good, "date: 2023-03-02", "date: 2023-0４-04");
    let d = only(&errors_of(&text)).clone();
    assert_eq!((d.line, d.column), (line, 15), "{d}");
    assert!(d.zh().contains("应为 2023-04-04"), "{d}");
    // Half-width, the date would still not exist: both are said.
    let (text, _) = edit(&good, "date: 2023-03-02", "date: ２０２３-０２-３０");
    let d = only(&errors_of(&text)).clone();
    assert!(
        d.zh().contains("全角") && d.zh().contains("2023-02-30") && d.zh().contains("没有这一天"),
        "{d}"
    );

    // A count, an outcome, a yes-or-no, an amount.
    for (from, to, fixed) in [
        ("test_quantity: 2", "test_quantity: ２", "应为 2"),
        (
            "outcome: sampled",
            "outcome: ｓａｍｐｌｅｄ",
            "应为 sampled",
        ),
        ("party_signed: true", "party_signed: ｔｒｕｅ", "应为 true"),
        (
            "unit_price: 185.00",
            "unit_price: １８５.００",
            "应为 185.00",
        ),
    ] {
        let (text, line) = edit(&good, from, to);
        let d = only(&errors_of(&text)).clone();
        assert_eq!((d.rule.as_str(), d.line), ("yaml.full-width", line), "{d}");
        assert!(d.zh().contains("全角") && d.zh().contains(fixed), "{d}");
    }

    // Phones and postcodes are text to YAML: refused by name, at the first full-width
    // character.
    let (text, line) = edit(&good, "postcode: \"048000\"", "postcode: \"０４８０００\"");
    let d = only(&errors_of(&text)).clone();
    assert_eq!(
        (d.rule.as_str(), d.line, d.column, d.path.as_str()),
        ("yaml.full-width", line, 14, "party.postcode"),
        "{d}"
    );
    assert!(d.zh().contains("应为 048000"), "{d}");
    let (text, line) = edit(&good, "phone: \"0356-6213478\"", "phone: \"0356－6213478\"");
    let d = only(&errors_of(&text)).clone();
    assert_eq!(
        (d.line, d.column, d.path.as_str()),
        (line, 15, "party.phone"),
        "{d}"
    );
    assert!(
        d.zh().contains("“－”") && d.zh().contains("应为 0356-6213478"),
        "{d}"
    );
    // Full-width text where Chinese text belongs is fine.
    let (text, _) = edit(
        &good,
        "place: 受检单位成品库",
        "place: 受检单位（一号）成品库：东侧",
    );
    assert!(errors_of(&text).is_empty());

    // A field name with a full-width colon: that line and the colon's column, not the next
    // line, with the line as it should read.
    let (text, line) = edit(&good, "  place: 受检单位成品库", "  place：受检单位成品库");
    let d = only(&errors_of(&text)).clone();
    assert_eq!(
        (d.rule.as_str(), d.line, d.column),
        ("yaml.full-width", line, 8),
        "{d}"
    );
    assert!(
        d.zh().contains("“：”")
            && d.zh().contains("全角")
            && d.zh().contains("place: 受检单位成品库"),
        "{d}"
    );
    assert!(
        !d.in_lang(Lang::En)
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"受检单位成品库".contains(c))
    );
    // … in a flow mapping too, and after a colon followed by an ideographic space.
    let (text, line) = edit(&good, "{ name: 张明,", "{ name：张明,");
    let d = only(&errors_of(&text)).clone();
    assert_eq!((d.line, d.column), (line, 13), "{d}");
    assert!(d.zh().contains("name: 张明"), "{d}");
    let (text, line) = edit(
        &good,
        "  place: 受检单位成品库",
        "  place:\u{3000}受检单位成品库",
    );
    let d = only(&errors_of(&text)).clone();
    assert_eq!((d.line, d.column), (line, 9), "{d}");
    // A field name typed full-width.
    let (text, line) = edit(
        &good,
        "  place: 受检单位成品库",
        "  ｐｌａｃｅ: 受检单位成品库",
    );
    let d = only(&errors_of(&text)).clone();
    assert_eq!((d.line, d.column), (line, 3), "{d}");
    assert!(d.zh().contains("应为 place"), "{d}");
    // Lines of a block of text are text, whatever they hold.
    let (text, _) = edit(
        &good,
        "  remark: 断裂伸长率",
        "  remark: |\n    note：断裂伸长率见下\n    断裂伸长率",
    );
    assert!(errors_of(&text).is_empty(), "{:#?}", errors_of(&text));

    // The credit code is read as text and checked by its rule: the same message.
    let dir = copy_sample();
    let case = dir.path().join("cases/jz-001.yaml");
    let (text, line) = edit(
        &good,
        "credit_code: \"91140502318450271X\"",
        "credit_code: \"９１１４０５０２３１８４５０２７１Ｘ\"",
    );
    std::fs::write(&case, text).unwrap();
    let lb = load::load(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let found = spotcheck::rules::check(&lb);
    let d = only(&found);
    assert_eq!(
        (d.rule.as_str(), d.line, d.path.as_str()),
        ("party.credit-code", line, "party.credit_code")
    );
    assert!(
        d.zh().contains("全角") && d.zh().contains("应为 91140502318450271X"),
        "{d}"
    );
    // Half-width with a wrong check character: the corrected check character too.
    let m = spotcheck::input::codes::credit_code_problem("９１１４０５０２３１８４５０２７１Ｙ")
        .unwrap();
    let zh = m.in_lang(Lang::Zh);
    assert!(zh.contains("全角") && zh.contains("校验位应为 X"), "{zh}");
}

/// Every field name and allowed value of the case file's schema.
fn schema_words() -> BTreeSet<String> {
    fn walk(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                    out.extend(props.keys().cloned());
                }
                for key in ["enum", "const"] {
                    match map.get(key) {
                        Some(serde_json::Value::Array(vs)) => {
                            out.extend(vs.iter().filter_map(|v| v.as_str().map(String::from)))
                        }
                        Some(serde_json::Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        _ => {}
                    }
                }
                map.values().for_each(|c| walk(c, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&spotcheck::input::scaffold::case_schema(), &mut out);
    out
}

/// The message with the text it was given taken out (values, field names, examples): what
/// the catalog itself says. Only the arguments its template shows count.
fn skeleton(m: &Message, lang: Lang, given: &mut Vec<String>) -> Message {
    let shown = placeholders(m.id.template(lang));
    let args = m
        .args
        .iter()
        .filter(|(n, _)| shown.iter().any(|s| s == n))
        .map(|(n, a)| {
            let a = match a {
                Arg::Text(t) => {
                    given.push(t.clone());
                    Arg::Text(String::new())
                }
                Arg::List(items) => {
                    given.extend(items.iter().cloned());
                    Arg::List(Vec::new())
                }
                Arg::Msg(inner) => Arg::Msg(Box::new(skeleton(inner, lang, given))),
                Arg::Lines(ms) => Arg::Lines(ms.iter().map(|m| skeleton(m, lang, given)).collect()),
                other => other.clone(),
            };
            (*n, a)
        })
        .collect::<Vec<_>>();
    Message {
        id: m.id,
        args: args.into_boxed_slice(),
    }
}

fn ascii_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || ('\u{20000}'..='\u{3ffff}').contains(&c)
}

/// The words the catalog's Chinese yaml messages use on purpose.
const CATALOG_TERMS: &[&str] = &[
    "YAML", "Tab", "true", "false", "docs", "case", "files", "md",
];

/// Serde, chrono and serde_yaml explain every error in English. The criterion: in the Chinese
/// message, (1) the catalog's own text has no ASCII word but the few terms it uses on purpose
/// (YAML, Tab, true, false, docs/case-files.md), and (2) every ASCII word of the text put into
/// it is a word of the file as written, a field name or allowed value of the schema, or part
/// of an example of how to write the field. In the English message, no character of the
/// catalog's own text is Chinese (or full-width), and every such character of the text put
/// into it stands in the file.
#[test]
fn serde_words_never_reach_a_chinese_message_nor_chinese_an_english_one() {
    let good = sample_case();
    let words = schema_words();
    let examples = [
        "123456",
        "0123",
        "4567890",
        "91000000123456789X",
        "1234567890123",
        "20250001",
    ];
    let edits: &[(&str, &str)] = &[
        // invalid type: every kind found, every kind expected
        ("date: 2023-03-02", "date: 20230302"),
        ("date: 2023-03-02", "date: 12.5"),
        ("date: 2023-03-02", "date: true"),
        ("date: 2023-03-02", "date: [2023]"),
        ("date: 2023-03-02", "date: { year: 2023 }"),
        ("date: 2023-03-02", "date:"),
        ("date: 2023-03-02", "date: !tagged 2023"),
        ("test_quantity: 2", "test_quantity: two"),
        ("test_quantity: 2", "test_quantity: 2.5"),
        ("test_quantity: 2", "test_quantity: [2]"),
        ("party_signed: true", "party_signed: yes"),
        ("party_signed: true", "party_signed: 1"),
        ("  name: 聚合物水泥防水涂料", "  name: 24.1"),
        ("  name: 聚合物水泥防水涂料", "  name: true"),
        ("  name: 聚合物水泥防水涂料", "  name: [a, b]"),
        ("  name: 聚合物水泥防水涂料", "  name: { a: b }"),
        ("  name: 聚合物水泥防水涂料", "  name:"),
        (
            "numbers: [JCFY-23-0007, JCFY-23-0008, JCFY-23-0009, JCFY-23-0010]",
            "numbers: JCFY-23-0007",
        ),
        (
            "numbers: [JCFY-23-0007, JCFY-23-0008, JCFY-23-0009, JCFY-23-0010]",
            "numbers: { a: 1 }",
        ),
        (
            "signing:\n  party_signed: true\n  signer: 李晓红",
            "signing: 李晓红",
        ),
        ("outcome: sampled", "outcome: 3"),
        ("outcome: sampled", "outcome: [sampled]"),
        ("unit_price: 185.00", "unit_price: [185]"),
        ("unit_price: 185.00", "unit_price: true"),
        (
            "tracking_no: \"1104531207736\"",
            "tracking_no: 1104531207736",
        ),
        ("postcode: \"048000\"", "postcode: 148000"),
        // invalid value
        ("test_quantity: 2", "test_quantity: -2"),
        ("test_quantity: 2", "test_quantity: 99999999999"),
        ("outcome: sampled", "outcome: sampld"),
        ("unit_price: 185.00", "unit_price: 185.005"),
        ("unit_price: 185.00", "unit_price: 一百八十五"),
        // chrono
        ("date: 2023-03-02", "date: 2023/03/02"),
        ("date: 2023-03-02", "date: 2023-03"),
        ("date: 2023-03-02", "date: 2023-02-30"),
        ("date: 2023-03-02", "date: 2023-03-02x"),
        // fields
        ("  trademark: 示例", "  trademrak: 示例"),
        ("  trademark: 示例", "  brand: 示例"),
        // A required field missing (the place is not one: a planned case has none, check
        // asks for it once visited).
        ("  notice_no: JCTZ-2023-003\n", ""),
        // syntax
        ("  place: 受检单位成品库", "\tplace: 受检单位成品库"),
        ("  place: 受检单位成品库", "  place: 甲\n  place: 乙"),
        ("  place: 受检单位成品库", "   place: 受检单位成品库"),
        ("  place: 受检单位成品库", "  place: '受检单位成品库"),
        ("  place: 受检单位成品库", "  place: @受检单位"),
        ("  place: 受检单位成品库", "  place: [受检单位"),
        ("  place: 受检单位成品库", "  place: {受检单位"),
        ("  place: 受检单位成品库", "  place: *受检单位"),
        ("  place: 受检单位成品库", "  place: !<x 受检单位"),
        ("  place: 受检单位成品库", "  place: 受检单位\n---\nid: x"),
        ("  place: 受检单位成品库", "  place: 仓库: 东侧"),
        ("  place: 受检单位成品库", "  place: \"受检\\q单位\""),
        ("  place: 受检单位成品库", "  place: |0\n    受检单位"),
        ("  place: 受检单位成品库", "  place: [a, - b]"),
        ("  place: 受检单位成品库", "  place: !!int 受检单位"),
        // full-width
        ("date: 2023-03-02", "date: ２０２３-０３-０２"),
        ("date: 2023-03-02", "date: ２０２３-０２-３０"),
        ("  place: 受检单位成品库", "  place：受检单位成品库"),
        ("  place: 受检单位成品库", "  ｐｌａｃｅ: 受检单位成品库"),
        (
            "phone: \"0356-6213478\"",
            "phone: \"０３５６－６２１３４７８\"",
        ),
    ];
    let mut failures = Vec::new();
    for (from, to) in edits {
        let (text, _) = edit(&good, from, to);
        let errors = errors_of(&text);
        if errors.is_empty() {
            failures.push(format!("{to:?}: no error"));
        }
        for d in &errors {
            let mut given = Vec::new();
            let own = skeleton(&d.message, Lang::Zh, &mut given).in_lang(Lang::Zh);
            for w in ascii_words(&own) {
                if !CATALOG_TERMS.contains(&w) {
                    failures.push(format!("{to:?}: “{w}” in the catalog's text: {}", d.zh()));
                }
            }
            for w in given.iter().flat_map(|g| ascii_words(g)) {
                let known =
                    text.contains(w) || words.contains(w) || examples.iter().any(|e| e.contains(w));
                if !known {
                    failures.push(format!("{to:?}: “{w}” put into: {}", d.zh()));
                }
            }
            let mut given = Vec::new();
            let own = skeleton(&d.message, Lang::En, &mut given).in_lang(Lang::En);
            if let Some(c) = own.chars().find(|&c| is_cjk(c)) {
                failures.push(format!("{to:?}: “{c}” in: {}", d.in_lang(Lang::En)));
            }
            for c in given.iter().flat_map(|g| g.chars()).filter(|&c| is_cjk(c)) {
                if !text.contains(c) {
                    failures.push(format!("{to:?}: “{c}” put into: {}", d.in_lang(Lang::En)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn type_hints_give_an_example_that_fits_the_field() {
    let good = sample_case();
    for (from, to, example) in [
        ("postcode: \"048000\"", "postcode: 148000", "\"123456\""),
        (
            "phone: \"0356-6213478\"",
            "phone: 13903561742",
            "\"0123-4567890\"",
        ),
        (
            "credit_code: \"911405254012738516\"",
            "credit_code: 911405254012738516",
            "\"91000000123456789X\"",
        ),
        (
            "tracking_no: \"1104531207736\"",
            "tracking_no: 1104531207736",
            "\"1234567890123\"",
        ),
        (
            "report_no: JCQI-2023-JZ-001",
            "report_no: 2023001",
            "\"20250001\"",
        ),
        (
            "received_on: 2023-03-03",
            "received_on: 20230303",
            "2025-03-02",
        ),
        ("test_quantity: 2", "test_quantity: 2.5", "如 2"),
        ("unit_price: 185.00", "unit_price: [185]", "185.00"),
        // No example of its own: the clerk's value, quoted.
        ("  name: 聚合物水泥防水涂料", "  name: 24.1", "\"24.1\""),
        (
            "batch: \"2023-02-15 / 20230215\"",
            "batch: 20230215",
            "\"20230215\"",
        ),
    ] {
        let (text, line) = edit(&good, from, to);
        let d = only(&errors_of(&text)).clone();
        assert_eq!((d.rule.as_str(), d.line), ("yaml.type", line), "{d}");
        assert!(d.zh().contains(example), "{example} not in {d}");
        assert!(!d.zh().contains("048000"), "{d}");
    }
}

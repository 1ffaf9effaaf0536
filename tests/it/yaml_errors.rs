//! Errors in case files are located: file, line, column and field path, all at once.

use spotcheck::load;

use crate::common::*;

fn replace_line(dir: &std::path::Path, file: &str, from: &str, to: &str) -> usize {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains(from))
        .unwrap_or_else(|| panic!("{from} not in {file}"))
        + 1;
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    line
}

#[test]
fn a_wrong_type_names_file_line_column_and_field() {
    let batch = copy_sample();
    let line = replace_line(
        batch.path(),
        "cases/jz-001.yaml",
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
    let l1 = replace_line(
        batch.path(),
        "cases/jz-001.yaml",
        "test_quantity: 2",
        "test_quantity: two",
    );
    let l2 = replace_line(
        batch.path(),
        "cases/jz-001.yaml",
        "date: 2023-03-02",
        "date: 2023-02-30",
    );
    let l3 = replace_line(
        batch.path(),
        "cases/jz-001.yaml",
        "  trademark:",
        "  trademrak:",
    );
    let l4 = replace_line(
        batch.path(),
        "cases/hf-001.yaml",
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
        unknown.text().contains("trademark"),
        "suggests the near miss: {unknown}"
    );
}

#[test]
fn a_syntax_error_is_located() {
    let batch = copy_sample();
    let line = replace_line(
        batch.path(),
        "cases/jz-002.yaml",
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

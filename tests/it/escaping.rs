//! Values are printed exactly: Typst markup and code in data stay text.

use spotcheck::documents::render::{self, RenderOptions};

use crate::common::*;

const HOSTILE: &str = r#"#read("/etc/passwd") *粗* _斜_ $x$ [a] <b> @c \ "q" // 注释"#;

fn set_party_name(dir: &std::path::Path, file: &str, name: &str) {
    edit_yaml(&dir.join(file), |v| {
        v["party"]["name"] = serde_yaml::Value::String(name.to_string())
    });
}

#[test]
fn a_party_named_like_typst_code_prints_literally() {
    let batch = copy_sample();
    set_party_name(batch.path(), "cases/jz-001.yaml", HOSTILE);
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: out.path().to_path_buf(),
        cases: vec!["JZ-2023-001".into()],
        emit_typst: true,
        ..Default::default()
    };
    let done = render::render(&lb, &engine(), &opts).unwrap();
    // notice, sampling sheet, payment slip, sealing notice, feedback sheet, report, result
    // notice, and the maker's confirmation notice
    assert_eq!(done.len(), 8);
    for d in &done {
        let text = pdf_text(&d.path);
        assert!(
            text.contains(&squash(HOSTILE)),
            "{}: hostile name not printed literally:\n{text}",
            d.kind
        );
        // Nothing of /etc/passwd was read into the document.
        assert!(!text.contains("root:"), "{}: file contents leaked", d.kind);
        // The generated source holds the name only in escaped form.
        let typ = std::fs::read_to_string(d.path.with_extension("typ")).unwrap();
        assert!(
            !typ.contains("#read("),
            "{}: unescaped code in the generated source",
            d.kind
        );
    }
}

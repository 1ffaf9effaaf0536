//! The forms against the official originals and the statute: one wording of the objection
//! right on every document that states it, conclusions that name each failed item against its
//! own clause, the nominal manufacturer as the sampling sheet records it, the sampling sheet's
//! task, confirmation and remarks, the report's client and sample number, room for a 40 mm
//! seal wherever a seal goes. Read from the PDFs written, on every sample.

use spotcheck::documents::render::{self, RenderOptions, Rendered};
use spotcheck::documents::view;
use spotcheck::input::load::{self, LoadedBatch};

use crate::common::*;

fn rendered(lb: &LoadedBatch, kinds: &[&str]) -> (tempfile::TempDir, Vec<Rendered>) {
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: out.path().to_path_buf(),
        kinds: kinds.iter().map(|k| k.to_string()).collect(),
        ..Default::default()
    };
    let done = render::render(lb, &engine(), &opts).unwrap();
    (out, done)
}

#[test]
fn every_document_states_the_objection_right_in_the_one_wording_of_its_batch() {
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let right = squash(&view::objection_right(&lb.batch));
        assert!(right.contains(&lb.batch.rules.objection_days.to_string()));
        assert!(right.contains(&squash(&lb.batch.authority.name)));
        let (_out, done) = rendered(&lb, &["report", "result-notice", "sealing-notice"]);
        let mut kinds = std::collections::BTreeSet::new();
        for d in &done {
            let text = squash(&pdf_text(&d.path));
            assert!(
                text.contains(&right),
                "{}: the objection right is not “{right}”",
                d.path.display()
            );
            // No other period is stated.
            assert!(!text.contains("日内提出书面异议"), "{}", d.path.display());
            kinds.insert(d.kind);
        }
        assert_eq!(kinds.len(), 3, "{kinds:?}");
    }
}

#[test]
fn a_conclusion_names_each_failed_item_against_its_own_clause() {
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let (_out, done) = rendered(&lb, &["report"]);
        let mut failed = 0;
        for d in &done {
            let c = &lb.case(&d.case).unwrap().case;
            let text = squash(&pdf_text(&d.path));
            for it in c.inspection.as_ref().unwrap().items.iter() {
                if it.verdict != spotcheck::input::model::Verdict::Fail {
                    continue;
                }
                failed += 1;
                let clause = it.clause.as_deref().expect("the samples' items have clauses");
                let want = squash(&format!(
                    "{}项目不符合{}的要求",
                    it.name,
                    view::clause_phrase(clause)
                ));
                let alone = squash(&format!("不符合{}的要求", view::clause_phrase(clause)));
                assert!(
                    text.contains(&want) || text.contains(&alone),
                    "{}: the conclusion does not name {} against {clause}",
                    d.path.display(),
                    it.name
                );
            }
        }
        assert!(failed >= 2, "{}: {failed} failed items", dir.display());
    }
}

#[test]
fn a_lot_without_a_maker_prints_it_as_the_sampling_sheet_records_it() {
    let dir = copy_sample();
    let file = dir.path().join("cases/jz-001.yaml");
    edit_yaml(&file, |v| {
        v.as_mapping_mut().unwrap().remove("manufacturer");
    });
    let lb = load::load(dir.path()).unwrap();
    let c = &lb.case("JZ-2023-001").unwrap().case;
    // Warned of: a seller is rarely the maker.
    let findings = spotcheck::rules::check(&lb);
    assert!(
        findings
            .iter()
            .any(|d| d.file == "cases/jz-001.yaml" && d.rule.id() == "manufacturer.missing"),
        "no warning"
    );
    let (_out, done) = rendered(&lb, &["report", "result-notice", "sampling-sheet"]);
    let seller = squash(&c.party.name);
    for d in done.iter().filter(|d| d.case == "JZ-2023-001") {
        let text = squash(&pdf_text(&d.path));
        assert!(
            text.contains("标称生产者：同受检单位")
                || text.contains("标称生产者同受检单位")
                || text.contains("标称生产者同受检"),
            "{}: {text}",
            d.path.display()
        );
        assert!(
            !text.contains(&format!("标称生产者：{seller}"))
                && !text.contains(&format!("标称生产者{seller}")),
            "{}: the seller printed as the maker",
            d.path.display()
        );
    }
}

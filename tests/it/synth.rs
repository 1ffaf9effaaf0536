//! The benchmark's synthetic batches: valid under `check`, and as varied as the issue asks
//! (every category, every outcome, long names, rare characters, reports of several pages).

use std::collections::BTreeSet;

use spotcheck::input::model::{Outcome, Verdict};
use spotcheck::{app::build, input::load, input::synth, rules};

use crate::common::{engine, sample_dir};

#[test]
fn a_synthetic_batch_checks_clean_and_varies_like_a_real_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("batch");
    let generated = synth::generate(&sample_dir(), 150, 7, &root).unwrap();
    assert_eq!(generated.cases, 150);

    let lb = load::load(&root).unwrap_or_else(|e| panic!("synthetic batch must load:\n{e}"));
    assert_eq!(lb.cases.len(), 150);
    let found = rules::check(&lb);
    assert!(
        found.is_empty(),
        "synthetic batch must check clean:\n{found:?}"
    );
    build::preflight(&lb, &engine()).unwrap_or_else(|e| panic!("preflight:\n{e}"));

    // Every category of the plan, in about its share (plan 35/15/15/30/5/10/9 of 119).
    let categories: BTreeSet<&str> = lb.cases.iter().map(|c| c.case.category.as_str()).collect();
    assert_eq!(categories.len(), lb.batch.plan.len());
    let jz = lb
        .cases
        .iter()
        .filter(|c| c.case.category == "建筑及装饰装修材料")
        .count();
    assert!(
        (40..=48).contains(&jz),
        "{jz} of 150 cases in the largest category"
    );

    // Every outcome: qualified, unqualified, refused, not sampled, sampled but not tested.
    let has =
        |f: &dyn Fn(&spotcheck::input::model::Case) -> bool| lb.cases.iter().any(|c| f(&c.case));
    assert!(has(&|c| c.conclusion() == Some(Verdict::Pass)));
    assert!(has(&|c| c.conclusion() == Some(Verdict::Fail)));
    assert!(has(&|c| c.outcome == Some(Outcome::Refused)));
    assert!(has(&|c| c.outcome == Some(Outcome::NotSampled)));
    assert!(has(
        &|c| c.outcome == Some(Outcome::Sampled) && !c.is_tested()
    ));

    // Long and short names, rare characters, long reports.
    let names: Vec<usize> = lb
        .cases
        .iter()
        .map(|c| c.case.party.name.chars().count())
        .collect();
    assert!(
        names.iter().any(|&n| n > 40) && names.iter().any(|&n| n < 16),
        "{names:?}"
    );
    assert!(lb.cases.iter().any(|c| c.case.party.name.contains('𠮷')));
    let items =
        |c: &spotcheck::input::model::Case| c.inspection.as_ref().map_or(0, |i| i.items.len());
    assert!(lb.cases.iter().any(|c| items(&c.case) >= 40));

    // Every file is its own: ids, report numbers and evidence do not repeat.
    let ids: BTreeSet<&str> = lb.cases.iter().map(|c| c.case.id.as_str()).collect();
    assert_eq!(ids.len(), 150);
    let evidence: BTreeSet<&String> = lb.cases.iter().flat_map(|c| &c.case.evidence).collect();
    assert_eq!(evidence.len(), 150);

    // The same seed gives the same folder; another folder must be empty to be written.
    let again = dir.path().join("again");
    synth::generate(&sample_dir(), 150, 7, &again).unwrap();
    for c in &lb.cases {
        let a = std::fs::read(root.join(&c.file)).unwrap();
        let b = std::fs::read(again.join(&c.file)).unwrap();
        assert_eq!(a, b, "{}", c.file);
    }
    assert!(synth::generate(&sample_dir(), 5, 7, &root).is_err());
}

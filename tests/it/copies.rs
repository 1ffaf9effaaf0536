//! Copies (联): each per-case form is made in the copies of its paper original, or as
//! `batch.yaml` lists them, each labelled at the foot of its pages with its number and holder;
//! `render` (and so `build`, the volume and the archive) makes the first copy only.

use spotcheck::documents::render::{self, RenderOptions};
use spotcheck::input::kinds::{self, Scope};
use spotcheck::input::load;

use crate::common::*;

/// `第二联随样品流转`, as extracted (white space removed).
fn label(number: usize, holder: &str) -> String {
    let n = ["", "一", "二", "三", "四", "五"][number];
    format!("第{n}联{holder}")
}

#[test]
fn every_copy_of_every_form_is_labelled_with_its_number_and_holder() {
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let (_out, done) = render_all(
            &lb,
            RenderOptions {
                all_copies: true,
                ..Default::default()
            },
        );
        let mut forms_with_copies = 0;
        for kind in kinds::CATALOG.iter().filter(|k| k.scope == Scope::Case) {
            let copies = kind.copies(&lb.batch);
            for lc in lb.cases.iter().filter(|c| (kind.applies)(&c.case)) {
                let made: Vec<_> = done
                    .iter()
                    .filter(|d| d.case == lc.case.id && d.kind == kind.id)
                    .collect();
                assert_eq!(made.len(), copies.len(), "{} {}", lc.case.id, kind.id);
                for d in made {
                    let text = pdf_text(&d.path);
                    let name = d.path.file_name().unwrap().to_str().unwrap().to_string();
                    if copies.len() == 1 {
                        assert!(!text.contains("第一联"), "{name}: {text}");
                        continue;
                    }
                    forms_with_copies += 1;
                    let expected = if d.copy == 1 {
                        format!("{}.pdf", kind.id)
                    } else {
                        format!("{}-copy{}.pdf", kind.id, d.copy)
                    };
                    assert_eq!(name, expected);
                    // The sampling sheet's footnote names every copy once more.
                    let in_note = usize::from(kind.id == "sampling-sheet");
                    for c in &copies {
                        let l = label(c.number, &c.holder);
                        let pages = text.matches(&l).count() - in_note;
                        if c.number == d.copy {
                            assert_eq!(pages, d.pages, "{}: {l} on every page", d.path.display());
                        } else {
                            assert_eq!(pages, 0, "{}: {l} is another copy's", d.path.display());
                        }
                    }
                }
            }
        }
        assert!(forms_with_copies > 10, "{}", dir.display());
    }
    // The sampling sheet as its footnote says: 一式三联.
    let kind = kinds::find("sampling-sheet").unwrap();
    let holders: Vec<String> = kind
        .copies(&sample().batch)
        .into_iter()
        .map(|c| c.holder)
        .collect();
    assert_eq!(holders, ["承检机构留存", "随样品流转", "受检单位留存"]);
}

#[test]
fn render_makes_the_first_copy_only() {
    let lb = sample();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: out.path().to_path_buf(),
        cases: vec!["JZ-2023-001".into()],
        kinds: vec!["sampling-sheet".into(), "payment-slip".into()],
        ..Default::default()
    };
    let done = render::render(&lb, &engine(), &opts).unwrap();
    assert_eq!(done.len(), 2);
    assert!(done.iter().all(|d| d.copy == 1));
    let sheet = pdf_text(&out.path().join("cases/JZ-2023-001/sampling-sheet.pdf"));
    assert!(sheet.contains("第一联承检机构留存"), "{sheet}");
    assert!(!sheet.contains("第二联随样品流转第"), "{sheet}");
    let files: Vec<_> = std::fs::read_dir(out.path().join("cases/JZ-2023-001"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(!files.iter().any(|f| f.contains("-copy")), "{files:?}");
}

#[test]
fn the_copies_of_batch_yaml_replace_the_paper_originals() {
    let batch = copy_sample();
    let file = batch.path().join("batch.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let copies = "copies:\n  payment-slip: [财务留存, 受检单位留存, 抽样人员留存]\n  sampling-sheet: [承检机构留存, 受检单位留存]\n\ncounties:";
    std::fs::write(
        &file,
        text.replacen("\ncounties:", &format!("\n{copies}"), 1),
    )
    .unwrap();
    let lb = load::load(batch.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: out.path().to_path_buf(),
        cases: vec!["JZ-2023-001".into()],
        kinds: vec!["sampling-sheet".into(), "payment-slip".into()],
        all_copies: true,
        ..Default::default()
    };
    let done = render::render(&lb, &engine(), &opts).unwrap();
    assert_eq!(done.len(), 5);
    let dir = out.path().join("cases/JZ-2023-001");
    let third = pdf_text(&dir.join("payment-slip-copy3.pdf"));
    assert!(third.contains("第三联抽样人员留存"), "{third}");
    // The sampling sheet's footnote follows its copies.
    let sheet = pdf_text(&dir.join("sampling-sheet-copy2.pdf"));
    assert!(sheet.contains("第二联受检单位留存"), "{sheet}");
    assert!(
        sheet.contains("本抽样单一式二联，第一联承检机构留存，第二联受检单位留存。"),
        "{sheet}"
    );
    assert!(!dir.join("sampling-sheet-copy3.pdf").exists());
}

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
                let clause = it
                    .clause
                    .as_deref()
                    .expect("the samples' items have clauses");
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

/// 42 mm: a round seal of 40 mm (公章, 检验检测专用章) with a millimetre to spare each side.
const SEAL: f64 = 42.0;

fn mm(a: typst::layout::Abs) -> f64 {
    a.to_mm()
}

/// Every seal label of a page (`（盖章）`, `（检验检测专用章）`) where a 42 mm square placed
/// over it, its bottom at the label's line or lower, covers nothing but the label's own line
/// and the date beneath it and crosses no rule: none, or what is wrong.
fn seal_rooms(page: &typst::layout::Frame, at: &str) -> (usize, Vec<String>) {
    let (runs, rules) = crate::layout::page_items(page);
    let mut bad = Vec::new();
    let labels: Vec<_> = runs
        .iter()
        .filter(|r| r.text.contains("盖章）") || r.text.contains("专用章）"))
        .collect();
    for l in &labels {
        let cx = (mm(l.x0) + mm(l.x1)) / 2.0;
        let line = |r: &crate::layout::Run| {
            (mm(r.top) - mm(l.top)).abs() < 1.5 || (mm(r.bottom) - mm(l.bottom)).abs() < 1.5
        };
        // What the seal covers besides: the date under the label, and the issuer's name
        // just above it, centred over it (GB/T 9704: 印章端正、居中下压署名和成文日期).
        let date = |r: &crate::layout::Run| {
            let centre = (mm(r.x0) + mm(r.x1)) / 2.0;
            let dated = r.text.contains('年') && r.text.contains('日');
            let below = mm(r.top) >= mm(l.top) && mm(r.top) - mm(l.bottom) < 15.0;
            let name_above = mm(r.bottom) <= mm(l.top) + 0.5
                && mm(l.top) - mm(r.bottom) < 8.0
                && (centre - cx).abs() < 10.0;
            (dated && below) || name_above
        };
        let fits = |x0: f64, top: f64| {
            let (x1, bottom) = (x0 + SEAL, top + SEAL);
            let covers = |a0: f64, a1: f64, b0: f64, b1: f64| a0 < b1 && b0 < a1;
            let text_free = runs.iter().all(|r| {
                line(r)
                    || date(r)
                    || !covers(mm(r.x0), mm(r.x1), x0, x1)
                    || !covers(mm(r.top), mm(r.bottom), top, bottom)
            });
            let rule_free = rules.iter().all(|g| {
                let (gx0, gx1, gy0, gy1) = (mm(g.x0), mm(g.x1), mm(g.y0), mm(g.y1));
                !(gx0 < x1 - 0.3 && gx1 > x0 + 0.3 && gy0 < bottom - 0.3 && gy1 > top + 0.3)
            });
            text_free && rule_free
        };
        // The square covers the label's middle: anywhere from 42 mm above its bottom down to
        // its top, from 42 mm left of its centre to its centre.
        let steps = |from: f64, to: f64| {
            (0..)
                .map(move |i| from + f64::from(i) * 0.5)
                .take_while(move |v| *v <= to)
        };
        let ok = steps(mm(l.bottom) - SEAL, mm(l.top))
            .any(|top| steps(cx - SEAL, cx).any(|x0| fits(x0, top)));
        if !ok {
            bad.push(format!(
                "{at}: no room for a 40 mm seal over “{}” at {:.0} mm from the top",
                l.text,
                mm(l.top)
            ));
        }
    }
    (labels.len(), bad)
}

#[test]
fn a_40_mm_seal_fits_wherever_a_seal_goes() {
    let mut bad = Vec::new();
    let mut seen = 0;
    for dir in samples() {
        for (at, laid) in crate::layout::laid_out(&dir, RenderOptions::default()) {
            for (i, page) in laid.pages().iter().enumerate() {
                let (n, b) = seal_rooms(&page.frame, &format!("{at} p{}", i + 1));
                seen += n;
                bad.extend(b);
            }
        }
    }
    assert!(seen > 50, "only {seen} seal labels found");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// docs/forms.md's tables: for each kind, every label the page prints ("printed as").
fn documented_labels() -> Vec<(String, Vec<String>)> {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/forms.md"),
    )
    .unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in doc.lines() {
        if let Some(head) = line.strip_prefix("## ") {
            if let Some(kind) = head.split('`').nth(1) {
                out.push((kind.to_string(), Vec::new()));
            }
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || cells[1].starts_with("---") || cells[1] == "official field" {
            continue;
        }
        if let Some((_, labels)) = out.last_mut() {
            labels.extend(
                cells[2]
                    .split(", ")
                    .map(|l| l.trim_end_matches(" …").trim().to_string())
                    .filter(|l| !l.is_empty()),
            );
        }
    }
    out
}

#[test]
fn every_form_prints_the_fields_of_its_original() {
    let tables = documented_labels();
    assert!(
        tables.len() >= 9,
        "{:?}",
        tables.iter().map(|t| &t.0).collect::<Vec<_>>()
    );
    let kinds: Vec<&str> = tables.iter().map(|t| t.0.as_str()).collect();
    // Each label must be printed by some document of its kind (a refusal to sign is printed
    // only where there was one).
    let mut texts: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut dirs = Vec::new();
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let (out, done) = rendered(&lb, &kinds);
        for d in &done {
            texts
                .entry(d.kind.to_string())
                .or_default()
                .push(squash(&pdf_text(&d.path)));
        }
        dirs.push(out);
    }
    let mut missing = Vec::new();
    for (kind, labels) in &tables {
        let of_kind = texts
            .get(kind)
            .unwrap_or_else(|| panic!("no {kind} rendered"));
        for l in labels {
            if !of_kind.iter().any(|t| t.contains(&squash(l))) {
                missing.push(format!("{kind}: “{l}”"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/forms.md names labels no page prints:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_lab_documents_are_dated_by_their_submission_and_signed_by_who_seals_them() {
    let mut dated = 0;
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let b = &lb.batch;
        let (_out, done) = rendered(&lb, &["summary-table", "analysis-report"]);
        assert!(done.len() >= 2);
        for d in &done {
            let share = d.lab.as_deref().map_or(
                spotcheck::input::stats::Share::All,
                spotcheck::input::stats::Share::Lab,
            );
            let lab = d.lab.as_deref().and_then(|id| b.lab(id));
            let submitted = lab
                .and_then(|l| l.analysis_submitted_on)
                .or(b.analysis_submitted_on);
            let text = squash(&pdf_text(&d.path));
            let issuer = view::issuer_of(&lb, share);
            // Dated by the submission, or left to be dated by hand; never by a later event.
            let day = submitted.map_or("年月日".to_string(), spotcheck::messages::date_cn);
            assert!(
                text.contains(&squash(&format!("{issuer}（盖章）{day}"))),
                "{}: not “{issuer}（盖章） {day}”",
                d.path.display()
            );
            dated += usize::from(submitted.is_some());
            // The file names the same author as the seal.
            let meta = spotcheck::documents::pdfmeta::of_batch(&lb, d.lab.as_deref(), d.kind);
            assert_eq!(meta.author, issuer, "{}", d.path.display());
            if let Some(s) = submitted {
                assert_eq!(meta.date, s);
            }
        }
    }
    assert!(
        dated >= 4,
        "the second sample dates its combined and its labs' documents"
    );
    // A build of an undated batch says so.
    let dir = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "build",
        dir.path().to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("未写质量分析报告和检验情况汇总表的报送日期"),
        "{said}"
    );
}

#[test]
fn the_catalogue_names_each_document_by_its_own_number_and_title() {
    let lb = sample();
    let (out, done) = rendered(&lb, &[]);
    let rows = spotcheck::archive::catalogue::entries(&lb, out.path(), &done, &[]);
    let lc = &lb.cases[0].case;
    let row = |kind: &str, case: &str| {
        rows.iter()
            .find(|r| r.file.contains(&format!("/{case}/{kind}.pdf")))
            .unwrap_or_else(|| panic!("no row of {case}/{kind}"))
    };
    assert_eq!(row("notice", &lc.id).doc_no, lc.visit.notice_no);
    assert_eq!(row("sampling-sheet", &lc.id).doc_no, lc.id);
    let notice = row("batch-notice", "batch");
    assert_eq!(notice.doc_no, lb.batch.document_no);
    assert_eq!(notice.title, lb.batch.notice_title);
    assert_eq!(row("analysis-report", "batch").doc_no, "");
    // Dated by their own acts: the notice by its issue; the summary table and the analysis
    // report, whose submission this sample does not record, not at all (never by the latest
    // event of the batch).
    assert_eq!(lb.batch.analysis_submitted_on, None);
    assert_eq!(notice.dated, Some(lb.batch.issued_on));
    assert_eq!(row("analysis-report", "batch").dated, None);
    assert_eq!(row("summary-table", "batch").dated, None);
    assert_eq!(row("notice", &lc.id).dated, Some(lc.visit.date));
}

/// Dates as the paper writes them: the summary table's 抽样日期 and 结果送达 in Chinese
/// (2023年3月2日), as every other form; the catalogue's 日期 and 归档日期 in the eight figures
/// DA/T 22-2015 prescribes for 归档文件目录 (20230110). Never the ISO form of the case files.
#[test]
fn the_summary_table_and_the_catalogue_write_their_dates_as_prescribed() {
    let lb = sample();
    let (out, done) = rendered(&lb, &[]);
    let summary = pdf_text(&out.path().join("batch/summary-table.pdf"));
    let lc = &lb.cases[0].case;
    let visit = lc.visit.date;
    assert!(
        summary.contains(&spotcheck::documents::format::date_cn(visit)),
        "{summary}"
    );
    assert!(
        !summary.contains(&visit.format("%Y-%m-%d").to_string()),
        "{summary}"
    );
    let sent = lb
        .cases
        .iter()
        .find_map(|c| c.case.delivery.as_ref().map(|d| d.sent_on))
        .expect("a delivered case");
    assert!(summary.contains(&spotcheck::documents::format::date_cn(sent)));
    assert!(!summary.contains(&sent.format("%Y-%m-%d").to_string()));

    let rows = spotcheck::archive::catalogue::entries(&lb, out.path(), &done, &[]);
    spotcheck::archive::catalogue::write(&lb, &engine(), &rows, out.path()).unwrap();
    let catalogue = pdf_text(&out.path().join("catalogue/归档文件目录.pdf"));
    let issued = lb.batch.issued_on;
    assert!(
        catalogue.contains(&issued.format("%Y%m%d").to_string()),
        "{catalogue}"
    );
    let iso = regex_lite_iso(&catalogue);
    assert!(iso.is_empty(), "ISO dates in the catalogue: {iso:?}");
}

/// The ISO dates (2023-01-10) in `text`.
fn regex_lite_iso(text: &str) -> Vec<String> {
    let c: Vec<char> = text.chars().collect();
    let digit =
        |i: usize, n: usize| (i..i + n).all(|k| c.get(k).is_some_and(|c| c.is_ascii_digit()));
    (0..c.len())
        .filter(|&i| {
            digit(i, 4)
                && c.get(i + 4) == Some(&'-')
                && digit(i + 5, 2)
                && c.get(i + 7) == Some(&'-')
                && digit(i + 8, 2)
        })
        .map(|i| c[i..i + 10].iter().collect())
        .collect()
}

/// The alternating-current sign of a rating (`220 V~` in the case file) prints as the wave
/// dash at mid height (〜), not the raised ASCII tilde, on every document that states it.
#[test]
fn a_rating_s_alternating_current_sign_prints_at_mid_height() {
    let donghu = samples()
        .into_iter()
        .find(|s| s.ends_with("donghu-2024-1"))
        .unwrap();
    let lb = spotcheck::input::load::load(&donghu).unwrap();
    let (_out, done) = rendered(&lb, &["sampling-sheet", "report"]);
    let mut seen = 0;
    for d in done.iter().filter(|d| d.case == "CD-2024-001") {
        let text = squash(&pdf_text(&d.path));
        assert!(!text.contains("V~"), "{}: {text}", d.kind);
        assert!(text.contains("220V\u{301C}50Hz"), "{}: {text}", d.kind);
        seen += 1;
    }
    assert_eq!(seen, 2);
}

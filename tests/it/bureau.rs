//! Right for any bureau's notice: nothing unfilled reaches paper, the notice's annexes, terms
//! and publication as data, each lab's own documents, `build --templates`, and `watch` keeping
//! the batch documents up to date.

use std::path::Path;

use calamine::{Reader, Xlsx};
use spotcheck::documents::render::RenderOptions;
use spotcheck::documents::watch::{self, Scope, WatchOptions};

use crate::common::*;

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A case made by `new-case` and left as it is: every field still holding 待填写 is an error
/// of its own rule, so `build` refuses the batch (exit 1, as `check`) and writes nothing, and
/// `render --allow-errors` prints drafts.
#[test]
fn placeholders_left_by_new_case_never_reach_paper() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("b");
    let run = |args: &[&str]| spotcheck().args(args).output().unwrap();
    assert!(run(&["init", p(&batch)]).status.success());
    let o = run(&[
        "new-case",
        p(&batch),
        "--category",
        "化肥",
        "--date",
        "2025-04-10",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let o = run(&["check", p(&batch), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "case.placeholder")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    for path in [
        "visit.place",
        "visit.samplers[0].name",
        "visit.samplers[1].name",
        "party.name",
        "party.address",
    ] {
        assert!(
            paths.contains(&path),
            "no placeholder finding at {path}: {paths:?}"
        );
    }

    let out = tmp.path().join("out");
    let o = run(&["build", p(&batch), "-o", p(&out), "--no-system-fonts"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("case.placeholder"));
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);

    let o = run(&[
        "render",
        p(&batch),
        "-o",
        p(&out),
        "--allow-errors",
        "--kind",
        "sampling-sheet",
        "--no-system-fonts",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let id = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "case.placeholder")
        .unwrap()["file"]
        .as_str()
        .unwrap()
        .to_string();
    let lb = spotcheck::input::load::load(&batch).unwrap();
    let case = lb.cases.iter().find(|c| c.file == id).unwrap();
    let sheet = out
        .join("cases")
        .join(&case.case.id)
        .join("sampling-sheet.pdf");
    assert!(pdf_text(&sheet).contains("草稿"), "a draft must say so");
}

/// `build --templates DIR` uses the templates of DIR, as `render` and `watch` do.
#[test]
fn build_takes_templates_as_render_does() {
    let batch = copy_sample();
    let templates = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/payment-slip.typ.tera"),
    )
    .unwrap();
    let marked = source.replace("#para[说明：", "#para[本单为本所格式。说明：");
    assert_ne!(marked, source);
    std::fs::write(templates.path().join("payment-slip.typ.tera"), marked).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args([
            "build",
            p(batch.path()),
            "-o",
            p(out.path()),
            "--templates",
            p(templates.path()),
            "--no-system-fonts",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let slip = out.path().join("cases/JZ-2023-001/payment-slip.pdf");
    assert!(pdf_text(&slip).contains("本单为本所格式"));
}

/// Annex 1 prints the lab of every plan row: the text written for it (`lab_note`), else the
/// lab's name; the summary table names no nominal manufacturer for a visit that sampled
/// nothing.
#[test]
fn the_plan_names_each_rows_lab_and_unsampled_visits_have_no_manufacturer() {
    let lb = sample();
    let (dir, _) = render_all(
        &lb,
        RenderOptions {
            kinds: vec!["batch-notice".into(), "summary-table".into()],
            ..RenderOptions::default()
        },
    );
    let notice = pdf_text(&dir.path().join("batch/batch-notice.pdf"));
    for (category, lots, lab) in [
        ("建筑及装饰装修材料", 35, "中标单位"),
        ("防护用品", 15, "晋城市示例产品质量检验所"),
        ("燃气具及配件", 9, "晋城市示例产品质量检验所"),
    ] {
        let row = format!("{category}{lots}{lab}");
        assert!(notice.contains(&row), "annex 1 lacks “{row}”");
    }

    let mut wb: Xlsx<_> =
        calamine::open_workbook(dir.path().join("batch/summary-table.xlsx")).unwrap();
    let rows = wb.worksheet_range("检验情况汇总").unwrap();
    let header: Vec<String> = rows
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = header.iter().position(|h| h == "标称生产者").unwrap();
    let mut seen = 0;
    for row in rows.rows().skip(1) {
        let id = row[1].to_string();
        let case = &lb.case(&id).unwrap().case;
        let manufacturer = row[col].to_string();
        if case.outcome == Some(spotcheck::input::model::Outcome::Sampled) {
            assert!(!manufacturer.is_empty(), "{id} has a nominal manufacturer");
        } else {
            assert_eq!(manufacturer, "", "{id} sampled nothing: no manufacturer");
            seen += 1;
        }
    }
    assert!(
        seen >= 2,
        "the sample has a refused and a not-sampled visit"
    );
}

/// After a case changes, `watch` makes the batch's documents again: the lists, the summary
/// table (PDF and spreadsheet) and the analysis report show the change.
#[test]
fn watch_makes_the_batch_documents_again_when_a_case_changes() {
    let batch = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let opts = WatchOptions {
        out: out.path().to_path_buf(),
        ..WatchOptions::default()
    };
    let mut problems = Vec::new();
    let mut report = |r: watch::Event| {
        if let watch::Event::Failed(e) = r {
            problems.push(e.to_string());
        }
    };
    watch::round(
        batch.path(),
        &engine(),
        &opts,
        &Scope::Everything,
        &mut report,
    );
    let unqualified = out.path().join("batch/unqualified-list.pdf");
    let before = pdf_text(&unqualified);
    // HF-2023-001 was qualified: one of its items now fails.
    let file = "cases/hf-001.yaml";
    let path = batch.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let party = lb
        .cases
        .iter()
        .find(|c| c.file == file)
        .unwrap()
        .case
        .party
        .name
        .clone();
    assert!(!before.contains(&squash(&party)));
    let changed = text.replacen("verdict: pass", "verdict: fail", 1);
    assert_ne!(changed, text);
    // An unqualified lot needs its follow-up assigned.
    let changed = format!(
        "{changed}\nfollowup:\n  county_bureau: 城区市场监督管理局\n  notified_on: 2023-06-01\n"
    );
    std::fs::write(&path, changed).unwrap();
    let scope = Scope::Files([file.to_string()].into_iter().collect());
    watch::round(batch.path(), &engine(), &opts, &scope, &mut report);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(pdf_text(&unqualified).contains(&squash(&party)));
    let analysis = pdf_text(&out.path().join("batch/analysis-report.pdf"));
    assert!(analysis.contains("不合格5批次"), "{analysis}");
    let mut wb: Xlsx<_> =
        calamine::open_workbook(out.path().join("batch/summary-table.xlsx")).unwrap();
    let rows = wb.worksheet_range("检验情况汇总").unwrap();
    let conclusion = rows
        .rows()
        .find(|r| r[1] == "HF-2023-001")
        .map(|r| r[13].to_string());
    assert_eq!(conclusion.as_deref(), Some("不合格"));
}

/// Every sample, as a clerk runs it: `build` succeeds and `verify` finds the archive whole;
/// the archive holds the notice's attached annexes and, where several labs share the batch,
/// each lab's own summary table (PDF and spreadsheet) and analysis report.
#[test]
fn every_sample_builds_and_its_archive_verifies() {
    for dir in samples() {
        let batch = crate::oracle::yaml(&dir.join("batch.yaml"));
        let id = crate::oracle::text(&batch["id"]);
        let out = tempfile::tempdir().unwrap();
        let o = spotcheck()
            .args(["build", p(&dir), "-o", p(out.path()), "--no-system-fonts"])
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        let zip_path = out.path().join(format!("{id}.zip"));
        let o = spotcheck().args(["verify", p(&zip_path)]).output().unwrap();
        assert!(
            o.status.success(),
            "{}: {}",
            dir.display(),
            String::from_utf8_lossy(&o.stdout)
        );

        let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
        let names: Vec<String> = (0..zip.len())
            .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
            .collect();
        let has = |path: &str| names.iter().any(|n| n == &format!("{id}/{path}"));
        for annex in batch["annexes"].as_sequence().into_iter().flatten() {
            if let Some(file) = annex["file"].as_str() {
                assert!(
                    has(&format!("data/source/{file}")),
                    "{id}: the annex {file} is archived"
                );
            }
        }
        let working = crate::oracle::Raw::read(&dir).working_labs();
        for lab in working.iter().filter(|_| working.len() > 1) {
            for path in [
                format!("data/documents/batch/labs/{lab}/summary-table.pdf"),
                format!("data/documents/batch/labs/{lab}/analysis-report.pdf"),
                format!("data/tables/labs/{lab}/summary-table.xlsx"),
            ] {
                assert!(has(&path), "{id}: {path} in the archive");
            }
        }
    }
}

/// The notice itself prints what batch.yaml says, for any bureau: the issuing authority's
/// mark, the number, the title, the recipients, every annex in the annex list and a page for
/// each one typeset or attached, the publication attribute and the 版记.
#[test]
fn the_notice_prints_what_batch_yaml_says() {
    use crate::oracle::text;
    for dir in samples() {
        let b = crate::oracle::yaml(&dir.join("batch.yaml"));
        let lb = spotcheck::input::load::load(&dir).unwrap();
        let (out, _) = render_all(
            &lb,
            RenderOptions {
                kinds: vec!["batch-notice".into()],
                ..RenderOptions::default()
            },
        );
        let notice = pdf_text(&out.path().join("batch/batch-notice.pdf"));
        let publication = b["publication"].as_str().unwrap_or("主动公开");
        let mut wanted = vec![
            format!("{}文件", text(&b["authority"]["name"])),
            text(&b["document_no"]),
            text(&b["notice_title"]),
            format!("{}：", text(&b["recipients"])),
            format!("（此件{publication}）"),
            text(&b["printed_by"]),
        ];
        let annexes = lb.batch.annexes();
        for (i, a) in annexes.iter().enumerate() {
            wanted.push(format!("{}.{}", i + 1, a.title));
            if a.content.is_some() || a.file.is_some() {
                wanted.push(format!("附件{}{}", i + 1, a.title));
            }
        }
        for want in wanted {
            assert!(
                notice.contains(&squash(&want)),
                "{}: the notice lacks “{want}”",
                dir.display()
            );
        }
        for other in ["主动公开", "依申请公开", "不予公开"]
            .iter()
            .filter(|o| **o != publication)
        {
            assert!(
                !notice.contains(&format!("（此件{other}）")),
                "{}: {other}",
                dir.display()
            );
        }
    }
}

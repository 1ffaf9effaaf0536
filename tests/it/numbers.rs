//! One set of numbers: every count, rate, shortfall and ranking that `check`, `status`, the
//! summary table (PDF and spreadsheet), the lists and the quality analysis report print, for
//! every sample batch and, where several labs share a batch, for each lab's own documents,
//! compared with the numbers computed independently from the YAML (`oracle`).

use calamine::{Data, Reader, Xlsx};
use spotcheck::documents::render::RenderOptions;

use crate::common::*;
use crate::oracle::{Numbers, Raw, Row, tested};

/// The per-batch documents of a sample, rendered into a temporary folder.
fn render_batch_documents(dir: &std::path::Path) -> tempfile::TempDir {
    let lb = spotcheck::input::load::load(dir).unwrap();
    let (out, _) = render_all(
        &lb,
        RenderOptions {
            kinds: [
                "summary-table",
                "analysis-report",
                "qualified-list",
                "unqualified-list",
            ]
            .map(String::from)
            .to_vec(),
            ..RenderOptions::default()
        },
    );
    out
}

/// The category table's row of `row`, as extracted text reads it.
fn table_line(row: &Row) -> String {
    format!("{}{}", squash(&row.label), row.table_cells().concat())
}

/// What the analysis report says of a share, sentence by sentence, from the oracle.
fn analysis_sentences(n: &Numbers) -> Vec<String> {
    let t = &n.total;
    let mut s = vec![
        format!(
            "共完成抽样工作{}次：抽取样品{}批次、拒检{}批次，共计{}批次",
            t.visits,
            t.sampled,
            t.refused,
            t.lots()
        ),
        format!(
            "已完成检验{}批次，其中合格{}批次、不合格{}批次",
            t.tested, t.qualified, t.unqualified
        ),
    ];
    if t.judged() > 0 {
        s.push(format!("为{}（{}÷{}）", t.rate(), t.qualified, t.judged()));
    }
    if t.not_sampled > 0 {
        s.push(format!("另有{}次因", t.not_sampled));
    }
    for d in n.domains.iter().filter(|d| d.visits > 0) {
        let rate = if d.judged() > 0 {
            format!("{}（{}÷{}）", d.rate(), d.qualified, d.judged())
        } else {
            "—（无已检验或拒检批次）".into()
        };
        s.push(format!(
            "{}领域抽取样品{}批次、拒检{}批次，已检验{}批次，其中合格{}批次，合格率{rate}",
            d.label, d.sampled, d.refused, d.tested, d.qualified
        ));
    }
    for c in n.categories.iter().filter(|c| c.shortfall() > 0) {
        s.push(format!("{}尚差{}批次", c.label, c.shortfall()));
    }
    if n.total_shortfall() > 0 {
        s.push(format!("共差{}批次", n.total_shortfall()));
    }
    if let Some((lows, highs)) = n.extremes() {
        let judged = n.categories.iter().filter(|c| c.judged() > 0).count();
        let rate_of = |name: &String| {
            n.categories
                .iter()
                .find(|c| &c.label == name)
                .unwrap()
                .rate()
        };
        if judged == 1 {
            s.push(format!("仅{}有检验结果", lows[0]));
        } else if lows.len() == judged {
            s.push(format!(
                "{}的合格率均为{}",
                lows.join("、"),
                rate_of(&lows[0])
            ));
        } else {
            let said = |names: &Vec<String>| {
                if names.len() > 1 {
                    format!("{}（均为{}）", names.join("、"), rate_of(&names[0]))
                } else {
                    format!("{}（{}）", names[0], rate_of(&names[0]))
                }
            };
            s.push(format!("合格率最低的是{}", said(&lows)));
            s.push(format!("最高的是{}", said(&highs)));
        }
    }
    for (item, count) in &n.failures {
        s.push(format!("{}（{}次", squash(item), count));
    }
    if let Some(r) = &n.rechecks {
        s.push(format!(
            "对以往抽查不合格企业复查{}批次（抽取样品{}批次、拒检{}批次），已检验{}批次，其中合格{}批次，复查合格率{}",
            r.lots(),
            r.sampled,
            r.refused,
            r.tested,
            r.qualified,
            if r.judged() > 0 {
                format!("{}（{}÷{}）", r.rate(), r.qualified, r.judged())
            } else {
                "—（无已检验或拒检批次）".into()
            }
        ));
    }
    s.into_iter().map(|x| squash(&x)).collect()
}

/// The `分类统计` sheet of a summary spreadsheet: label → the cells after it, as text.
fn sheet_rows(path: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let mut wb: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = wb.worksheet_range("分类统计").unwrap();
    range
        .rows()
        .skip(1)
        .map(|r| {
            let last = r.len() - 1;
            let cells = r[1..]
                .iter()
                .enumerate()
                .map(|(i, d)| match d {
                    // The rate, last, is a fraction formatted as a percentage.
                    Data::Float(f) if i + 1 == last => format!("{:.1}%", f * 100.0),
                    Data::Float(f) => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect();
            (r[0].to_string(), cells)
        })
        .collect()
}

/// Compares one share's documents (in `dir`) with the oracle.
fn compare_share(what: &str, n: &Numbers, dir: &std::path::Path, failures: &mut Vec<String>) {
    let analysis = pdf_text(&dir.join("analysis-report.pdf"));
    let summary = pdf_text(&dir.join("summary-table.pdf"));
    for row in n
        .categories
        .iter()
        .chain(std::iter::once(&n.total))
        .chain(n.rechecks.as_ref())
    {
        let line = table_line(row);
        if !analysis.contains(&line) {
            failures.push(format!("{what} analysis report lacks the row “{line}”"));
        }
        if !summary.contains(&line) {
            failures.push(format!("{what} summary table lacks the row “{line}”"));
        }
    }
    for sentence in analysis_sentences(n) {
        if !analysis.contains(&sentence) {
            failures.push(format!("{what} analysis report does not say “{sentence}”"));
        }
    }
    let sheet = sheet_rows(&dir.join("summary-table.xlsx"));
    let expected: Vec<(String, Vec<String>)> = n
        .categories
        .iter()
        .chain(std::iter::once(&n.total))
        .chain(n.rechecks.as_ref())
        .map(|r| (r.label.clone(), r.table_cells()))
        .collect();
    if sheet != expected {
        failures.push(format!(
            "{what} spreadsheet 分类统计:\n  got      {sheet:?}\n  expected {expected:?}"
        ));
    }
}

#[test]
fn every_output_prints_the_numbers_computed_from_the_yaml() {
    let mut failures = Vec::new();
    for sample in samples() {
        let name = sample.file_name().unwrap().to_string_lossy().to_string();
        // Each sample with planned cases added: they are counted apart, never as lots.
        let copy = crate::field::with_planned(&sample);
        let dir = copy.path().to_path_buf();
        let r = Raw::read(&dir);
        let all = Numbers::of(&r, None);
        assert!(all.total.visits > 0, "{name} has cases");
        assert!(all.total.scheduled > 0, "{name} has planned cases");
        let out = render_batch_documents(&dir);
        let b = out.path().join("batch");
        compare_share(&name, &all, &b, &mut failures);

        // Each lab's own documents, when several labs share the batch.
        let labs = r.working_labs();
        for lab in labs.iter().filter(|_| labs.len() > 1) {
            let n = Numbers::of(&r, Some(lab));
            let lab_dir = b.join("labs").join(lab);
            compare_share(&format!("{name} lab {lab}"), &n, &lab_dir, &mut failures);
            let analysis = pdf_text(&lab_dir.join("analysis-report.pdf"));
            if !analysis.contains(&squash(&format!("{}（盖章）", r.lab_name(lab)))) {
                failures.push(format!(
                    "{name} lab {lab}: the seal line names another body"
                ));
            }
        }

        // The lists: one row per qualified lot, and per unqualified or refused lot.
        let qualified = r
            .cases
            .iter()
            .filter(|c| tested(c) && crate::oracle::final_failed(c).is_empty())
            .count();
        let unqualified = r
            .cases
            .iter()
            .filter(|c| {
                crate::oracle::text(&c["outcome"]) == "refused"
                    || (tested(c) && !crate::oracle::final_failed(c).is_empty())
            })
            .count();
        for (kind, count) in [
            ("qualified-list", qualified),
            ("unqualified-list", unqualified),
        ] {
            let text = pdf_text(&b.join(format!("{kind}.pdf")));
            if !text.contains(&format!("共{count}批次")) {
                failures.push(format!("{name} {kind} does not count {count} lots"));
            }
        }

        // check: the shortfall per category.
        let o = spotcheck()
            .args(["check", dir.to_str().unwrap(), "--format", "json"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for row in &all.categories {
            let p = report["plan"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["category"] == row.label.as_str());
            let got = p.map(|p| {
                (
                    p["planned_lots"].clone(),
                    p["lots"].clone(),
                    p["shortfall"].clone(),
                )
            });
            let want = Some((
                serde_json::json!(row.planned.unwrap()),
                serde_json::json!(row.lots()),
                serde_json::json!(row.shortfall()),
            ));
            if got != want {
                failures.push(format!("{name} check {}: {got:?} ≠ {want:?}", row.label));
            }
        }
        // status: every count per category and the total.
        let o = spotcheck()
            .args([
                "status",
                dir.to_str().unwrap(),
                "--today",
                "2030-01-01",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let rows = status["categories"]
            .as_array()
            .unwrap()
            .iter()
            .chain(std::iter::once(&status["total"]))
            .chain(all.rechecks.as_ref().map(|_| &status["rechecks"]));
        let wants = all
            .categories
            .iter()
            .chain(std::iter::once(&all.total))
            .chain(all.rechecks.as_ref());
        assert_eq!(
            status["rechecks"].is_null(),
            all.rechecks.is_none(),
            "{name}: status's re-inspections"
        );
        for (got, want) in rows.zip(wants) {
            let want_json = serde_json::json!({
                "planned": want.planned.unwrap_or(0),
                "scheduled": want.scheduled,
                "visited": want.visits,
                "sampled": want.sampled,
                "tested": want.tested,
                "qualified": want.qualified,
                "unqualified": want.unqualified,
                "refused": want.refused,
                "not_sampled": want.not_sampled,
                "shortfall": if want.label == "合计" { all.total_shortfall() } else { want.shortfall() },
            });
            for (k, v) in want_json.as_object().unwrap() {
                if &got[k] != v {
                    failures.push(format!(
                        "{name} status {} {k}: {} ≠ {v}",
                        want.label, got[k]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

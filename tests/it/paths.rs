//! The statute's other paths, read back from the PDFs written: a lot bought online is printed
//! as what happened (no refusal to sign, no backup given free, the order on the payment slip,
//! the notice dated the day it was sent), a re-inspection says 复查 and is counted apart, a
//! re-test decides the final conclusion while the first report stays, the maker's confirmation
//! is asked and its answer printed, and `status` shows each step's deadline. Every sample
//! batch with such cases is read; at least one sample has each path.

use std::path::{Path, PathBuf};

use spotcheck::documents::render::{RenderOptions, Rendered};
use spotcheck::input::load::{self, LoadedBatch};
use spotcheck::input::model::{Answer, Case, Verdict};

use crate::common::*;

/// Every sample, loaded, with all its documents rendered.
fn rendered_samples() -> Vec<(PathBuf, LoadedBatch, tempfile::TempDir, Vec<Rendered>)> {
    samples()
        .into_iter()
        .map(|dir| {
            let lb = load::load(&dir).unwrap();
            let (out, done) = render_all(&lb, RenderOptions::default());
            (dir, lb, out, done)
        })
        .collect()
}

fn text_of(done: &[Rendered], case: &str, kind: &str) -> String {
    let d = done
        .iter()
        .find(|d| d.case == case && d.kind == kind && d.copy == 1)
        .unwrap_or_else(|| panic!("no {kind} of {case}"));
    pdf_text(&d.path)
}

fn cn(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn cases<'a>(lb: &'a LoadedBatch, f: impl Fn(&Case) -> bool + 'a) -> Vec<&'a Case> {
    lb.cases
        .iter()
        .map(|lc| &lc.case)
        .filter(|c| f(c))
        .collect()
}

#[test]
fn a_lot_bought_online_is_printed_as_what_happened() {
    let mut seen = 0;
    for (dir, lb, _out, done) in rendered_samples() {
        for c in cases(&lb, |c| c.is_online() && c.is_tested()) {
            seen += 1;
            let o = c.online.as_ref().unwrap();
            let id = c.id.as_str();
            let sheet = text_of(&done, id, "sampling-sheet");
            let notice = text_of(&done, id, "notice");
            let slip = text_of(&done, id, "payment-slip");
            let sealing = text_of(&done, id, "sealing-notice");
            let at = format!("{} {id}", dir.display());
            for (what, t) in [
                ("sampling sheet", &sheet),
                ("notice", &notice),
                ("payment slip", &slip),
                ("sealing notice", &sealing),
            ] {
                for false_word in ["拒签", "拒绝签字", "先行无偿提供", "受检单位经手人"]
                {
                    assert!(
                        !t.contains(false_word),
                        "{at}: the {what} says {false_word}"
                    );
                }
                assert!(
                    t.contains(&squash(&o.order_no)),
                    "{at}: the {what} lacks the order"
                );
            }
            // The sheet: the shop, the platform, the whole web address, the parcel.
            for want in [&o.platform, &o.shop, o.waybill.as_ref().unwrap()] {
                assert!(
                    sheet.contains(&squash(want)),
                    "{at}: the sheet lacks {want}"
                );
            }
            if let Some(url) = &o.url {
                assert!(
                    sheet.contains(&squash(url)),
                    "{at}: the sheet lacks the whole address"
                );
            }
            let received = o.received_on.unwrap();
            assert!(
                sheet.contains(&format!("收到并拆封日期{}", cn(received))),
                "{at}: the sheet lacks the unpacking day"
            );
            // The notice: served the day it was sent, not the order's day.
            let sent = o
                .notified_on
                .expect("the samples' online lots were notified");
            assert!(
                notice.contains(&format!("送达日期{}", cn(sent))),
                "{at}: the notice is not dated the day it was sent: {notice}"
            );
            assert!(
                notice.contains("同一订单购买"),
                "{at}: the notice on the backups"
            );
            // The payment slip: the order's amount, test and backup samples together.
            let paid = o.paid.unwrap().to_string();
            assert!(
                slip.contains(&format!("￥{paid}")) && slip.contains("订单实付金额（大写）"),
                "{at}: the slip lacks the order's amount {paid}: {slip}"
            );
            let p = c.product.as_ref().unwrap();
            let both = p.test_quantity.unwrap() + p.backup_quantity.unwrap();
            assert!(
                slip.contains(&format!("{both}{}", p.unit)),
                "{at}: the slip's quantity is not test and backup samples ({both})"
            );
            // The sealing notice: sealed at the lab on the day it was unpacked.
            assert!(
                sealing.contains(&cn(received)) && sealing.contains("拆封"),
                "{at}: the sealing notice lacks the unpacking"
            );
            assert!(
                sealing.contains("由检验机构保存"),
                "{at}: the backup's keeper"
            );
        }
    }
    assert!(seen >= 3, "only {seen} tested online lots in the samples");
}

#[test]
fn online_lots_are_a_domain_of_the_lists_the_summary_and_the_analysis() {
    for (dir, lb, out, _done) in rendered_samples() {
        let online = cases(&lb, |c| c.is_online() && !c.is_planned());
        if online.is_empty() {
            continue;
        }
        let batch = out.path().join("batch");
        let summary = pdf_text(&batch.join("summary-table.pdf"));
        assert!(
            summary.contains("网店（平台）"),
            "{}: no shop column",
            dir.display()
        );
        let analysis = pdf_text(&batch.join("analysis-report.pdf"));
        assert!(
            analysis.contains(&format!("电子商务{}", online.len())),
            "{}: the analysis's domain table lacks 电子商务 with {} visits",
            dir.display(),
            online.len()
        );
        for c in &online {
            let o = c.online.as_ref().unwrap();
            assert!(
                summary.contains(&squash(&format!("{} {}", o.platform, o.shop))),
                "{}: the summary lacks {}'s shop",
                dir.display(),
                c.id
            );
        }
        // A failed online shop's platform operator is told (下架).
        for c in cases(&lb, |c| {
            c.is_online() && c.final_conclusion() == Some(Verdict::Fail)
        }) {
            assert!(
                c.followup
                    .as_ref()
                    .and_then(|f| f.platform_notified_on)
                    .is_some(),
                "{}: the sample's failed online lot records no platform notice",
                c.id
            );
            assert!(
                analysis.contains("通报电子商务平台经营者"),
                "{}",
                dir.display()
            );
        }
    }
}

#[test]
fn a_re_inspection_says_so_and_is_counted_apart() {
    let mut seen = 0;
    for (dir, lb, out, done) in rendered_samples() {
        let rechecks = cases(&lb, |c| c.is_recheck() && c.is_tested());
        for c in &rechecks {
            seen += 1;
            let r = c.recheck.as_ref().unwrap();
            let sheet = text_of(&done, &c.id, "sampling-sheet");
            assert!(
                sheet.contains("□监督抽查■复查"),
                "{}: the sheet's box",
                c.id
            );
            assert!(
                sheet.contains(&squash(&r.report_no)),
                "{}: the earlier report",
                c.id
            );
            let report = text_of(&done, &c.id, "report");
            assert!(
                report.contains("检验类别：复查"),
                "{}: the report's 检验类别",
                c.id
            );
            let notice = text_of(&done, &c.id, "notice");
            assert!(notice.contains("实施复查"), "{}: the notice", c.id);
        }
        if rechecks.is_empty() {
            continue;
        }
        let analysis = pdf_text(&out.path().join("batch/analysis-report.pdf"));
        assert!(analysis.contains("四、复查情况"), "{}", dir.display());
        assert!(analysis.contains("复查（另计）"), "{}", dir.display());
        // Apart: no category of the plan counts them.
        let s = spotcheck::input::stats::compute(&lb);
        let lots_in_categories: u32 = s.by_category.iter().map(|c| c.lots).sum();
        let non_recheck_lots = cases(&lb, |c| {
            !c.is_recheck() && spotcheck::rules::counts_as_lot(c)
        })
        .len() as u32;
        assert_eq!(lots_in_categories, non_recheck_lots, "{}", dir.display());
        assert_eq!(
            s.rechecks.lots as usize,
            rechecks.len(),
            "{}",
            dir.display()
        );
    }
    assert!(
        seen >= 2,
        "only {seen} tested re-inspections in the samples"
    );
}

#[test]
fn a_re_test_decides_the_final_conclusion_and_the_first_report_stays() {
    let mut seen = 0;
    for (dir, lb, out, done) in rendered_samples() {
        for c in cases(&lb, |c| c.retest().is_some_and(|r| r.is_reported())) {
            seen += 1;
            let r = c.retest().unwrap();
            let id = c.id.as_str();
            let first = c.conclusion().unwrap();
            let last = c.final_conclusion().unwrap();
            // The first report keeps the first conclusion.
            let report = text_of(&done, id, "report");
            assert!(
                report.contains(&format!("检验结论{}", first.label()))
                    || report.contains(&format!("检验结论为{}", first.label())),
                "{id}: the first report changed"
            );
            // The re-test's report: its lab, its number, 复检, the first report named.
            let again = text_of(&done, id, "retest-report");
            let lab = lb.batch.lab(&r.lab).unwrap();
            let first_no = c.inspection.as_ref().unwrap().report_no.as_ref().unwrap();
            for want in [
                squash(&lab.name),
                squash(r.report_no.as_ref().unwrap()),
                "检验类别：复检".to_string(),
                squash(first_no),
            ] {
                assert!(
                    again.contains(&want),
                    "{id}: the re-test report lacks {want}"
                );
            }
            assert!(
                !again.contains(&squash(&lb.batch.lab(&c.lab).unwrap().name)),
                "{id}: the re-test report names the first lab"
            );
            // The decision and the final notice.
            let decision = text_of(&done, id, "objection-decision");
            assert!(decision.contains("决定予以受理"), "{id}: the decision");
            let notice = text_of(&done, id, "final-notice");
            assert!(
                notice.contains(&format!("最终结论{}", last.label())),
                "{id}: the final notice's conclusion"
            );
            // The lists and the summary use the final conclusion.
            let batch = out.path().join("batch");
            let (with, without) = match last {
                Verdict::Pass => ("qualified-list", "unqualified-list"),
                Verdict::Fail => ("unqualified-list", "qualified-list"),
            };
            let party = squash(&c.party.name);
            assert!(
                pdf_text(&batch.join(format!("{with}.pdf"))).contains(&party),
                "{id}: not in the {with}"
            );
            assert!(
                !pdf_text(&batch.join(format!("{without}.pdf"))).contains(&party),
                "{id}: still in the {without}"
            );
            let summary = pdf_text(&batch.join("summary-table.pdf"));
            let row_at = summary.find(&squash(id)).unwrap();
            let row = &summary[row_at..(row_at + 400).min(summary.len())];
            assert!(row.contains(last.label()), "{id}: the summary's conclusion");
            // The volume binds the re-test's report right after the first.
            let bound: Vec<(String, &str)> = spotcheck::documents::volume::contents(&lb)
                .into_iter()
                .flat_map(|(_, docs)| docs)
                .collect();
            let at = bound
                .iter()
                .position(|(case, kind)| case == id && *kind == "report")
                .unwrap_or_else(|| panic!("{}: {id} not bound", dir.display()));
            assert_eq!(bound.get(at + 1), Some(&(id.to_string(), "retest-report")));
        }
    }
    assert!(seen >= 1, "no sample has a reported re-test");
}

#[test]
fn the_maker_is_asked_to_confirm_the_sample_and_its_answer_is_printed() {
    let mut seen = 0;
    for (_dir, lb, _out, done) in rendered_samples() {
        for c in cases(&lb, |c| c.confirmation.is_some() && !c.is_planned()) {
            seen += 1;
            let k = c.confirmation.as_ref().unwrap();
            let m = c.manufacturer.as_ref().unwrap();
            let t = text_of(&done, &c.id, "confirmation-notice");
            let days = lb.batch.rules.confirmation_days;
            for want in [
                squash(&m.name),
                squash(&c.party.name),
                format!(
                    "自收到本通知书之日起{days}日内（本通知书于{}寄出）",
                    cn(k.sent_on)
                ),
                "视为对样品真实性无异议".to_string(),
            ] {
                assert!(t.contains(&want), "{}: the notice lacks {want}", c.id);
            }
            let ticked = match k.answer {
                Some(Answer::Confirmed) => t.contains("■经核对"),
                Some(Answer::Denied) => t.contains("■上述样品不是"),
                _ => t.contains("□经核对") && t.contains("□上述样品不是"),
            };
            assert!(ticked, "{}: the reply's boxes for {:?}", c.id, k.answer);
        }
    }
    assert!(seen >= 2, "only {seen} confirmations in the samples");
}

/// A copy of the sample that has every path.
fn paths_sample() -> (tempfile::TempDir, PathBuf) {
    let dir = samples()
        .into_iter()
        .find(|d| {
            let lb = load::load(d).unwrap();
            lb.cases.iter().any(|lc| lc.case.objection.is_some())
                && lb.cases.iter().any(|lc| lc.case.is_online())
        })
        .expect("a sample with online lots and an objection");
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&dir, tmp.path());
    let file = load::load(tmp.path())
        .unwrap()
        .cases
        .iter()
        .find(|lc| lc.case.objection.is_some())
        .map(|lc| tmp.path().join(&lc.file))
        .unwrap();
    (tmp, file)
}

/// The case of `file` in the batch loaded from `dir`.
fn case_in<'a>(lb: &'a LoadedBatch, dir: &Path, file: &Path) -> &'a Case {
    &lb.cases
        .iter()
        .find(|lc| dir.join(&lc.file) == file)
        .unwrap()
        .case
}

fn status_json(dir: &Path, today: &str) -> serde_json::Value {
    let o = spotcheck()
        .args([
            "status",
            dir.to_str().unwrap(),
            "--today",
            today,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn status_shows_the_deadline_of_each_open_step() {
    let (tmp, file) = paths_sample();
    let lb = load::load(tmp.path()).unwrap();
    let c = case_in(&lb, tmp.path(), &file);
    let o = c.objection.as_ref().unwrap();
    let received = o.received_on;
    // Undecided: the decision is due five working days after receipt.
    edit_yaml(&file, |v| {
        let ob = v["objection"].as_mapping_mut().unwrap();
        for k in ["accepted", "decided_on", "retest", "final_notified_on"] {
            ob.remove(k);
        }
    });
    let due =
        spotcheck::input::model::add_working_days(received, lb.batch.rules.objection_decision_days);
    let step = |s: &serde_json::Value| {
        s["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["case"] == c.id.as_str() && x["kind"] == "objection_decision")
            .cloned()
    };
    let on_day = status_json(tmp.path(), &received.to_string());
    let open = step(&on_day).expect("the decision is an open step");
    assert_eq!(open["state"], "open");
    assert_eq!(open["due"], due.to_string());
    assert!(open["done_on"].is_null());
    let later = status_json(tmp.path(), &(due + chrono::Days::new(1)).to_string());
    assert_eq!(step(&later).unwrap()["state"], "overdue");
    // The text names the step.
    let text = spotcheck_in(Some("zh_CN.UTF-8"))
        .args([
            "status",
            tmp.path().to_str().unwrap(),
            "--today",
            &received.to_string(),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("复检申请受理决定"), "{text}");
    // Decided in time, the step is gone.
    edit_yaml(&file, |v| {
        v["objection"]["accepted"] = serde_yaml::Value::Bool(false);
        v["objection"]["decided_on"] = serde_yaml::Value::String(received.to_string());
        v["objection"]["rejection_reason"] = "申请超过异议期限".into();
    });
    assert!(step(&status_json(tmp.path(), &due.to_string())).is_none());
}

#[test]
fn a_rejected_objection_leaves_the_first_result_and_prints_its_reason() {
    let (tmp, file) = paths_sample();
    edit_yaml(&file, |v| {
        let ob = v["objection"].as_mapping_mut().unwrap();
        ob.remove("retest");
        ob.remove("final_notified_on");
        ob.insert("accepted".into(), false.into());
        ob.insert("rejection_reason".into(), "申请超过异议期限".into());
    });
    let lb = load::load(tmp.path()).unwrap();
    let c = case_in(&lb, tmp.path(), &file);
    assert_eq!(c.final_conclusion(), c.conclusion());
    let (_out, done) = render_all(&lb, RenderOptions::default());
    let t = text_of(&done, &c.id, "objection-decision");
    assert!(t.contains("复检申请不予受理通知书"), "{t}");
    assert!(
        t.contains("申请超过异议期限") && t.contains("原检验结论维持不变"),
        "{t}"
    );
    assert!(
        !done
            .iter()
            .any(|d| d.case == c.id && d.kind == "retest-report")
    );
    assert!(
        !done
            .iter()
            .any(|d| d.case == c.id && d.kind == "final-notice")
    );
}

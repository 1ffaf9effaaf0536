//! What the documents of the statute's other paths receive: the maker's confirmation of a
//! sample (样品确认), the objection and its re-test (异议、复检), and the re-test's report, made
//! with the inspection report's template from the case as the re-test sees it.

use serde::Serialize;

use crate::format::{date_cn, opt_date_cn};
use spotcheck_input::model::{Answer, Batch, Case, Inspection, Verdict};

/// The maker's confirmation as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConfirmationFmt {
    /// The notice's number: as written, else `抽样单编号-QR`.
    pub(crate) no: String,
    pub(crate) sent_on: String,
    pub(crate) confirmed: bool,
    pub(crate) denied: bool,
    pub(crate) answered_on: String,
    /// The answer as the lab records it, empty until there is one.
    pub(crate) answer: &'static str,
}

impl ConfirmationFmt {
    pub(crate) fn of(c: &Case) -> Option<ConfirmationFmt> {
        let k = c.confirmation.as_ref()?;
        Some(ConfirmationFmt {
            no: k
                .no
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map_or_else(|| format!("{}-QR", c.id), str::to_string),
            sent_on: date_cn(k.sent_on),
            confirmed: k.answer == Some(Answer::Confirmed),
            denied: k.answer == Some(Answer::Denied),
            answered_on: opt_date_cn(k.answered_on),
            answer: k.answer.map_or("", Answer::label),
        })
    }
}

/// A re-tested item beside its first verdict.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ComparedItem {
    pub(crate) name: String,
    pub(crate) requirement: String,
    pub(crate) result: String,
    /// The first test's verdict of the item, `—` when the first test had no such item.
    pub(crate) first: &'static str,
    pub(crate) verdict: &'static str,
}

/// The objection and its re-test as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ObjectionFmt {
    /// The decision's number, `抽样单编号-FJ`.
    pub(crate) no: String,
    /// The final notice's number, `抽样单编号-FJJL`.
    pub(crate) final_no: String,
    pub(crate) received_on: String,
    pub(crate) decided_on: String,
    /// The items objected to, joined with `、`.
    pub(crate) items: String,
    pub(crate) first_conclusion: &'static str,
    pub(crate) retest_lab: String,
    pub(crate) handed_on: String,
    pub(crate) retest_report_no: String,
    pub(crate) retest_issued_on: String,
    pub(crate) items_compared: Vec<ComparedItem>,
    pub(crate) final_conclusion: &'static str,
    pub(crate) final_qualified: bool,
    pub(crate) final_failed: String,
    pub(crate) final_notified_on: String,
}

impl ObjectionFmt {
    pub(crate) fn of(batch: &Batch, c: &Case) -> Option<ObjectionFmt> {
        let o = c.objection.as_ref()?;
        let r = o.retest.as_ref();
        let first_items = c.inspection.as_ref().map_or(&[][..], |i| &i.items[..]);
        let final_v = c.final_conclusion();
        Some(ObjectionFmt {
            no: format!("{}-FJ", c.id),
            final_no: format!("{}-FJJL", c.id),
            received_on: date_cn(o.received_on),
            decided_on: opt_date_cn(o.decided_on),
            items: o.items.join("、"),
            first_conclusion: c.conclusion().map_or("", Verdict::label),
            retest_lab: r
                .map(|r| {
                    batch
                        .lab(&r.lab)
                        .map_or_else(|| r.lab.clone(), |l| l.name.clone())
                })
                .unwrap_or_default(),
            handed_on: r.map(|r| date_cn(r.backup_handed_on)).unwrap_or_default(),
            retest_report_no: r.and_then(|r| r.report_no.clone()).unwrap_or_default(),
            retest_issued_on: opt_date_cn(r.and_then(|r| r.issued_on)),
            items_compared: r
                .map(|r| {
                    r.items
                        .iter()
                        .map(|it| ComparedItem {
                            name: it.name.clone(),
                            requirement: it.requirement.clone().unwrap_or_default(),
                            result: super::with_unit(&it.result, it.unit.as_deref().unwrap_or("")),
                            first: first_items
                                .iter()
                                .find(|f| f.name.trim() == it.name.trim())
                                .map_or("—", |f| f.verdict.label()),
                            verdict: it.verdict.label(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            final_conclusion: final_v.map_or("", Verdict::label),
            final_qualified: final_v == Some(Verdict::Pass),
            final_failed: c.final_failed_items().join("、"),
            final_notified_on: opt_date_cn(o.final_notified_on),
        })
    }
}

/// The case as the re-test's report shows it: the re-test's lab, the backup sample received
/// on the day it was handed over, the re-tested items and their verdicts; the rest (party,
/// product, visit) is the case's. `None` without a re-test.
pub(crate) fn retest_case(c: &Case) -> Option<Case> {
    let r = c.retest()?;
    let mut d = c.clone();
    d.lab = r.lab.clone();
    let first = c.inspection.clone()?;
    let first_no = first.report_no.clone().unwrap_or_default();
    d.inspection = Some(Inspection {
        received_on: r.backup_handed_on,
        seal_intact: r.seal_intact,
        sample_state: Some(format!(
            "备用样品，封样{}",
            if r.seal_intact { "完好" } else { "破损" }
        )),
        sample_no: None,
        report_no: r.report_no.clone(),
        issued_on: r.issued_on,
        tested_from: None,
        tested_to: None,
        tester: r.tester.clone(),
        reviewer: r.reviewer.clone(),
        approver: r.approver.clone(),
        items: r.items.clone(),
        remark: Some(format!(
            "复检：依据受理的复检申请，使用封存的备用样品对异议项目进行检验；原检验报告编号{}。复检结论为最终结论。",
            first_no.trim()
        )),
        conclusion: None,
    });
    d.objection = None;
    Some(d)
}

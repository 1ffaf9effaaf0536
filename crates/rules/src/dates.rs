//! The dates of a case in order: visit ≤ received ≤ tested ≤ issued ≤ sent, and each entry,
//! refusal, no-sample report and follow-up not before what it records. One wrong date is
//! reported once, at itself.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::checker::Checker;
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::{Message, Msg};
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::Case;

/// One date of a chain: its field path, its label, and the date when it is written.
type Dated = (&'static str, Msg, Option<NaiveDate>);

impl Checker<'_> {
    pub(super) fn dates(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        // A visit date outside the window is the one root cause of every order finding
        // against it: visit.window reports it, and it is left out of the order.
        let s = &self.lb.batch.schedule;
        let visit_wrong = c.visit.date < s.sampling_start || c.visit.date > s.sampling_end;
        let mut reported: BTreeSet<&str> = BTreeSet::new();
        for chain in chains(c) {
            // A date already reported in one chain is left out of the next.
            let dated: Vec<(&str, Msg, NaiveDate)> = chain
                .into_iter()
                .filter(|(path, _, _)| !(visit_wrong && *path == "visit.date"))
                .filter(|(path, _, _)| !reported.contains(path))
                .filter_map(|(path, label, date)| date.map(|d| (path, label, d)))
                .collect();
            let keep = in_order(&dated.iter().map(|d| d.2).collect::<Vec<_>>());
            for (i, &(path, _, _)) in dated.iter().enumerate() {
                if keep[i] {
                    continue;
                }
                reported.insert(path);
                if let Some(m) = out_of_order(&dated, &keep, i) {
                    self.at(lc, Rule::DatesOrder, path, m);
                }
            }
        }
    }
}

/// The chains of dates that must not decrease, each in its order.
fn chains(c: &Case) -> Vec<Vec<Dated>> {
    let mut all = vec![lab_chain(c)];
    all.extend(record_chains(c));
    all
}

fn visit_date(c: &Case) -> Dated {
    ("visit.date", Msg::LabelVisitDate, Some(c.visit.date))
}

fn issued_on(c: &Case) -> Dated {
    let issued = c.inspection.as_ref().and_then(|i| i.issued_on);
    ("inspection.issued_on", Msg::LabelIssuedOn, issued)
}

/// The lot's way through the lab: visit, received, tested, issued, sent.
fn lab_chain(c: &Case) -> Vec<Dated> {
    let i = c.inspection.as_ref();
    vec![
        visit_date(c),
        (
            "inspection.received_on",
            Msg::LabelReceivedOn,
            i.map(|i| i.received_on),
        ),
        (
            "inspection.tested_from",
            Msg::LabelTestedFrom,
            i.and_then(|i| i.tested_from),
        ),
        (
            "inspection.tested_to",
            Msg::LabelTestedTo,
            i.and_then(|i| i.tested_to),
        ),
        issued_on(c),
        (
            "delivery.sent_on",
            Msg::LabelSentOn,
            c.delivery.as_ref().map(|d| d.sent_on),
        ),
    ]
}

/// What is recorded about the visit or the report: e-CQS entries, the follow-up, the refusal,
/// the no-sample report, each after what it records.
fn record_chains(c: &Case) -> Vec<Vec<Dated>> {
    let ecqs = c.ecqs.as_ref();
    let followup = c.followup.as_ref();
    let refusal = c.refusal.as_ref();
    vec![
        vec![
            visit_date(c),
            (
                "ecqs.sampling_entered_on",
                Msg::LabelEcqsSampling,
                ecqs.and_then(|e| e.sampling_entered_on),
            ),
        ],
        vec![
            issued_on(c),
            (
                "ecqs.result_entered_on",
                Msg::LabelEcqsResult,
                ecqs.and_then(|e| e.result_entered_on),
            ),
        ],
        vec![
            issued_on(c),
            (
                "followup.notified_on",
                Msg::LabelFollowupNotified,
                followup.and_then(|f| f.notified_on),
            ),
            (
                "followup.closed_on",
                Msg::LabelFollowupClosed,
                followup.and_then(|f| f.closed_on),
            ),
        ],
        vec![
            visit_date(c),
            (
                "refusal.determined_on",
                Msg::LabelRefusalDetermined,
                refusal.and_then(|r| r.determined_on),
            ),
            (
                "refusal.reported_on",
                Msg::LabelRefusalReported,
                refusal.and_then(|r| r.reported_on),
            ),
        ],
        vec![
            visit_date(c),
            (
                "not_sampled.reported_on",
                Msg::LabelNotSampledReported,
                c.not_sampled.as_ref().and_then(|n| n.reported_on),
            ),
        ],
    ]
}

/// What is wrong with the `i`th date of a chain, which is not kept: said against the nearest
/// date kept before it, or else after it; `None` when no date of the chain is kept around it.
fn out_of_order(dated: &[(&str, Msg, NaiveDate)], keep: &[bool], i: usize) -> Option<Message> {
    let (_, label, date) = dated[i];
    let before = (0..i)
        .rev()
        .find(|&j| keep[j])
        .filter(|&j| dated[j].2 > date);
    if let Some(j) = before {
        return Some(msg!(
            DatesOrder,
            label = label,
            date = date,
            prev_label = dated[j].1,
            prev = dated[j].2
        ));
    }
    let j = (i + 1..dated.len()).find(|&j| keep[j])?;
    Some(msg!(
        DatesOrderAfter,
        label = label,
        date = date,
        next_label = dated[j].1,
        next = dated[j].2
    ))
}

/// Which dates of a chain to keep as in order: the longest run (not necessarily contiguous)
/// of dates that do not decrease, preferring earlier dates where two runs are as long. The
/// others are the fewest dates whose removal leaves the chain in order: those are reported.
fn in_order(dates: &[NaiveDate]) -> Vec<bool> {
    let n = dates.len();
    // best[i]: the length of the longest non-decreasing run starting at i.
    let mut best = vec![1usize; n];
    for i in (0..n).rev() {
        for j in i + 1..n {
            if dates[j] >= dates[i] {
                best[i] = best[i].max(best[j] + 1);
            }
        }
    }
    let mut keep = vec![false; n];
    let Some(&len) = best.iter().max() else {
        return keep;
    };
    // Walk forward, taking the earliest date that still allows a run of the best length.
    let mut need = len;
    let mut last: Option<NaiveDate> = None;
    for i in 0..n {
        if need > 0 && best[i] == need && last.is_none_or(|l| dates[i] >= l) {
            keep[i] = true;
            last = Some(dates[i]);
            need -= 1;
        }
    }
    keep
}

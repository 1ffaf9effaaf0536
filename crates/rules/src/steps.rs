//! The deadlines of the statute's other paths in `status`, case by case: the online shop's
//! confirmation of the sample, the maker's answer (样品确认), the bureau's decision on an
//! objection, the re-test's report and the notice of the final conclusion. Each step is listed
//! while it is open, once overdue, or when it was done late; a step done in time is not.

use chrono::NaiveDate;
use serde::Serialize;

use super::status::DeadlineState;
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::{Answer, add_working_days};

/// A step of a path a case is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// The online shop confirms the sample's facts, `rules.shop_confirmation_days` after the
    /// forms were sent to it.
    ShopConfirmation,
    /// The nominal manufacturer answers, `rules.confirmation_days` after the notice was sent;
    /// silence by then counts as no objection.
    MakerConfirmation,
    /// The bureau decides on an objection, `rules.objection_decision_days` working days after
    /// receiving it.
    ObjectionDecision,
    /// The re-test lab reports, `rules.retest_days` working days after the backup was handed
    /// over.
    RetestReport,
    /// The bureau notifies the final conclusion once the re-test has reported, within the
    /// decision period (`rules.objection_decision_days` working days) of the report.
    FinalNotice,
}

/// One step, open, overdue or done late.
#[derive(Debug, Clone, Serialize)]
pub struct CaseStep {
    pub case: String,
    pub file: String,
    pub kind: StepKind,
    pub due: NaiveDate,
    /// When it was done, `None` while open.
    pub done_on: Option<NaiveDate>,
    /// `open` (not done, not yet due) or `overdue` (not done after its day, or done late).
    pub state: DeadlineState,
    /// Days from today to the due date; negative once passed.
    pub days_left: i64,
}

/// The steps of every case on `today`, by due date, then case and kind.
pub fn case_steps(lb: &LoadedBatch, today: NaiveDate) -> Vec<CaseStep> {
    let r = &lb.batch.rules;
    let mut out = Vec::new();
    for lc in &lb.cases {
        let c = &lc.case;
        let mut step = |kind: StepKind, due: NaiveDate, done_on: Option<NaiveDate>| {
            let state = match done_on {
                Some(d) if d <= due => return,
                Some(_) => DeadlineState::Overdue,
                None if today > due => DeadlineState::Overdue,
                None => DeadlineState::Open,
            };
            out.push(CaseStep {
                case: c.id.clone(),
                file: lc.file.clone(),
                kind,
                due,
                done_on,
                state,
                days_left: (due - today).num_days(),
            });
        };
        let plus = |d: NaiveDate, n: u32| {
            d.checked_add_days(chrono::Days::new(u64::from(n)))
                .unwrap_or(NaiveDate::MAX)
        };
        if let Some(o) = c.online.as_ref().filter(|_| c.is_online())
            && let Some(sent) = o.notified_on
        {
            step(
                StepKind::ShopConfirmation,
                plus(sent, r.shop_confirmation_days),
                o.confirmation.as_ref().map(|k| k.on),
            );
        }
        if let Some(k) = &c.confirmation {
            let due = plus(k.sent_on, r.confirmation_days);
            // Silence recorded as such is the period run out: done on its last day.
            let done = match k.answer {
                Some(Answer::NoAnswer) => Some(due),
                Some(_) => k.answered_on,
                None => None,
            };
            // Past the period with nothing recorded, the step stays overdue until the silence
            // is recorded (`answer: no_answer`).
            step(StepKind::MakerConfirmation, due, done);
        }
        if let Some(o) = &c.objection {
            step(
                StepKind::ObjectionDecision,
                add_working_days(o.received_on, r.objection_decision_days),
                o.decided_on,
            );
            if let Some(t) = o.retest.as_ref().filter(|_| o.accepted == Some(true)) {
                step(
                    StepKind::RetestReport,
                    add_working_days(t.backup_handed_on, r.retest_days),
                    t.issued_on.filter(|_| t.is_reported()),
                );
                if let Some(issued) = t.issued_on.filter(|_| t.is_reported()) {
                    step(
                        StepKind::FinalNotice,
                        add_working_days(issued, r.objection_decision_days),
                        o.final_notified_on,
                    );
                }
            }
        }
    }
    out.sort_by(|a, b| (a.due, &a.case, a.kind).cmp(&(b.due, &b.case, b.kind)));
    out
}

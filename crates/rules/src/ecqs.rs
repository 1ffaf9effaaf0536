//! The rules of e-CQS: the sampling entered within the allowed days of the visit, every entry
//! before the e-CQS deadline.

use chrono::NaiveDate;

use super::checker::{Checker, plus_days};
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::Msg;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::Case;
use spotcheck_input::stats::counts_as_lot;

impl Checker<'_> {
    pub(super) fn ecqs(&mut self, lc: &LoadedCase) {
        self.sampling_entry(lc);
        let s = &self.lb.batch.schedule;
        if let Some(e) = lc.case.ecqs.as_ref().and_then(|e| e.result_entered_on)
            && e > s.ecqs_deadline
        {
            self.at(
                lc,
                Rule::EcqsDeadline,
                "ecqs.result_entered_on",
                msg!(EcqsDeadlineResult, entered = e, deadline = s.ecqs_deadline),
            );
        }
    }

    /// The sampling entry: within the allowed days of the visit and before the deadline; when
    /// it is missing, late only if the case records a later day past the allowed days (the
    /// check reads no clock).
    fn sampling_entry(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let s = &self.lb.batch.schedule;
        let due = plus_days(c.visit.date, s.ecqs_entry_days);
        let within = match s.ecqs_entry_days {
            0 => msg!(EcqsSameDay),
            n => msg!(EcqsWithinDays, days = n),
        };
        match c.ecqs.as_ref().and_then(|e| e.sampling_entered_on) {
            Some(e) if e > due => self.at(
                lc,
                Rule::EcqsLate,
                "ecqs.sampling_entered_on",
                msg!(EcqsLate, entered = e, due = due, within = within),
            ),
            Some(e) if e > s.ecqs_deadline => self.at(
                lc,
                Rule::EcqsDeadline,
                "ecqs.sampling_entered_on",
                msg!(
                    EcqsDeadlineSampling,
                    entered = e,
                    deadline = s.ecqs_deadline
                ),
            ),
            Some(_) => {}
            None if counts_as_lot(c) => {
                // Without a clock, lateness is proven only by a later day the case records.
                if let Some((label, day)) = first_record_after(c, due) {
                    self.at_or(
                        lc,
                        Rule::EcqsLate,
                        "ecqs.sampling_entered_on",
                        "visit.date",
                        msg!(
                            EcqsMissing,
                            label = label,
                            day = day,
                            due = due,
                            within = within
                        ),
                    );
                }
            }
            None => {}
        }
    }
}

/// The first day after `day` that a case records, with what happened on it.
fn first_record_after(c: &Case, day: NaiveDate) -> Option<(Msg, NaiveDate)> {
    let i = c.inspection.as_ref();
    let days = [
        (Msg::LabelReceivedOn, i.map(|i| i.received_on)),
        (Msg::LabelTestedFrom, i.and_then(|i| i.tested_from)),
        (Msg::LabelTestedTo, i.and_then(|i| i.tested_to)),
        (Msg::LabelIssuedOn, i.and_then(|i| i.issued_on)),
        (Msg::LabelSentOn, c.delivery.as_ref().map(|d| d.sent_on)),
        (
            Msg::LabelEcqsResult,
            c.ecqs.as_ref().and_then(|e| e.result_entered_on),
        ),
        (
            Msg::LabelRefusalDetermined,
            c.refusal.as_ref().and_then(|r| r.determined_on),
        ),
        (
            Msg::LabelRefusalReported,
            c.refusal.as_ref().and_then(|r| r.reported_on),
        ),
        (
            Msg::LabelFollowupNotified,
            c.followup.as_ref().and_then(|f| f.notified_on),
        ),
    ];
    days.into_iter()
        .filter_map(|(label, d)| d.map(|d| (label, d)))
        .filter(|(_, d)| *d > day)
        .min_by_key(|(_, d)| *d)
}

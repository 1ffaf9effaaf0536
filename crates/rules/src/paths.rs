//! The rules of the statute's other paths: a lot bought online (the order present, received
//! after it was ordered, sealed when unpacked, the forms sent after), a re-inspection (复查)
//! naming what it re-inspects, the maker's confirmation of a sample taken at a seller
//! (样品确认), and an objection with its re-test (异议、复检): in time, decided in time, re-tested
//! by another lab on the items objected to.

use super::checker::{Checker, blank, plus_days};
use spotcheck_core::diag::Rule;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::{
    Answer, BackupKeeper, Objection, Online, Outcome, Verdict, add_working_days,
};

impl Checker<'_> {
    /// Every rule of the paths that applies to a visited case.
    pub(super) fn paths(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        match (&c.online, c.is_online()) {
            (None, true) => self.at(lc, Rule::OnlineMissing, "domain", msg!(OnlineMissing)),
            (Some(_), false) => self.at(
                lc,
                Rule::OnlineDomain,
                "online",
                msg!(OnlineDomain, domain = c.domain.label()),
            ),
            (Some(o), true) if c.outcome == Some(Outcome::Sampled) => self.online(lc, o),
            _ => {}
        }
        if let Some(r) = &c.recheck
            && (r.batch.trim().is_empty() || r.report_no.trim().is_empty())
        {
            self.at(lc, Rule::RecheckReport, "recheck", msg!(RecheckReport));
        }
        if c.outcome == Some(Outcome::Sampled) {
            self.maker_confirmation(lc);
        }
        if let Some(o) = &c.objection {
            self.objection(lc, o);
        }
    }

    /// A lot bought online: what the order paid, the parcel received after the order and
    /// before the lab's receipt, sealed on the day it was unpacked, the forms sent after it,
    /// nobody on site to sign, the backup at the lab, the platform told of a failure.
    fn online(&mut self, lc: &LoadedCase, o: &Online) {
        let c = &lc.case;
        if o.paid.is_none() {
            self.at(lc, Rule::OnlinePaid, "online.paid", msg!(OnlinePaid));
        }
        match o.received_on {
            Some(r) if r < c.visit.date => self.at(
                lc,
                Rule::OnlineReceipt,
                "online.received_on",
                msg!(
                    OnlineReceivedBeforeOrder,
                    received = r,
                    ordered = c.visit.date
                ),
            ),
            Some(r) => {
                if let Some(i) = c.inspection.as_ref().filter(|i| i.received_on < r) {
                    self.at(
                        lc,
                        Rule::OnlineReceipt,
                        "inspection.received_on",
                        msg!(OnlineLabBeforeParcel, lab = i.received_on, received = r),
                    );
                }
                if let Some(s) = o.sealed_on.filter(|s| *s != r) {
                    self.at(
                        lc,
                        Rule::OnlineSealing,
                        "online.sealed_on",
                        msg!(OnlineSealing, sealed = s, received = r),
                    );
                }
                if let Some(n) = o.notified_on.filter(|n| *n < r) {
                    self.at(
                        lc,
                        Rule::OnlineNotified,
                        "online.notified_on",
                        msg!(OnlineNotified, notified = n, received = r),
                    );
                }
            }
            None if c.inspection.is_some() => self.at(
                lc,
                Rule::OnlineReceipt,
                "online.received_on",
                msg!(OnlineReceiptMissing),
            ),
            None => {}
        }
        if c.signing.is_some() {
            self.at(lc, Rule::OnlineSigning, "signing", msg!(OnlineSigning));
        }
        if c.seals.as_ref().and_then(|s| s.backup_kept_at) == Some(BackupKeeper::Party) {
            self.at(
                lc,
                Rule::OnlineBackup,
                "seals.backup_kept_at",
                msg!(OnlineBackup),
            );
        }
        if c.final_conclusion() == Some(Verdict::Fail)
            && c.followup
                .as_ref()
                .is_some_and(|f| f.platform_notified_on.is_none())
        {
            self.at(
                lc,
                Rule::OnlinePlatform,
                "followup.platform_notified_on",
                msg!(OnlinePlatform, platform = o.platform.trim()),
            );
        }
    }

    /// A lot sampled at a seller that names another maker and failed: the maker asked to
    /// confirm it; the answer consistent and in time.
    fn maker_confirmation(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let Some(m) = &c.manufacturer else {
            return;
        };
        let Some(k) = &c.confirmation else {
            if c.domain.is_sale() && c.is_tested() && c.conclusion() == Some(Verdict::Fail) {
                self.at_or(
                    lc,
                    Rule::ConfirmationMissing,
                    "confirmation",
                    "manufacturer",
                    msg!(ConfirmationMissing, maker = m.name.trim()),
                );
            }
            return;
        };
        let days = self.lb.batch.rules.confirmation_days;
        let due = plus_days(k.sent_on, days);
        match (k.answer, k.answered_on) {
            (Some(Answer::Denied), _) if blank(k.reason.as_ref()) => self.at(
                lc,
                Rule::ConfirmationAnswer,
                "confirmation.reason",
                msg!(ConfirmationDeniedReason),
            ),
            (Some(Answer::NoAnswer), Some(_)) => self.at(
                lc,
                Rule::ConfirmationAnswer,
                "confirmation.answered_on",
                msg!(ConfirmationNoAnswerDated),
            ),
            (Some(Answer::Confirmed | Answer::Denied), None) => self.at(
                lc,
                Rule::ConfirmationAnswer,
                "confirmation.answered_on",
                msg!(ConfirmationUndated),
            ),
            (_, Some(a)) if a < k.sent_on => self.at(
                lc,
                Rule::ConfirmationAnswer,
                "confirmation.answered_on",
                msg!(ConfirmationBeforeSent, answered = a, sent = k.sent_on),
            ),
            (Some(Answer::Confirmed | Answer::Denied), Some(a)) if a > due => self.at(
                lc,
                Rule::ConfirmationLate,
                "confirmation.answered_on",
                msg!(ConfirmationLate, answered = a, due = due, days = days),
            ),
            _ => {}
        }
    }

    /// An objection: after the result was sent, its items the report's, decided on in time,
    /// a rejection with its reason; its re-test by another lab, on the items objected to, in
    /// time, and the dates of each step in order.
    fn objection(&mut self, lc: &LoadedCase, o: &Objection) {
        let c = &lc.case;
        let rules = &self.lb.batch.rules;
        match &c.delivery {
            None => self.at(
                lc,
                Rule::ObjectionDates,
                "objection.received_on",
                msg!(ObjectionBeforeResult),
            ),
            Some(d) if o.received_on < d.sent_on => self.at(
                lc,
                Rule::ObjectionDates,
                "objection.received_on",
                msg!(
                    ObjectionBeforeSent,
                    received = o.received_on,
                    sent = d.sent_on
                ),
            ),
            Some(d) if o.received_on > plus_days(d.sent_on, rules.objection_days) => {
                if o.accepted == Some(true) {
                    self.at(
                        lc,
                        Rule::ObjectionLate,
                        "objection.received_on",
                        msg!(
                            ObjectionLate,
                            received = o.received_on,
                            sent = d.sent_on,
                            days = rules.objection_days
                        ),
                    );
                }
            }
            Some(_) => {}
        }
        let tested: Vec<&str> = c
            .inspection
            .iter()
            .flat_map(|i| &i.items)
            .map(|i| i.name.trim())
            .collect();
        let strange: Vec<&str> = o
            .items
            .iter()
            .map(|s| s.trim())
            .filter(|s| !tested.contains(s))
            .collect();
        if o.items.is_empty() {
            self.at(
                lc,
                Rule::ObjectionDetails,
                "objection.items",
                msg!(ObjectionNoItems),
            );
        } else if !strange.is_empty() {
            self.at(
                lc,
                Rule::ObjectionDetails,
                "objection.items",
                msg!(ObjectionItemsUnknown, items = strange.join("、")),
            );
        }
        if o.accepted == Some(false) && blank(o.rejection_reason.as_ref()) {
            self.at(
                lc,
                Rule::ObjectionDetails,
                "objection.rejection_reason",
                msg!(ObjectionRejectedReason),
            );
        }
        if o.retest.is_some() && o.accepted != Some(true) {
            self.at(
                lc,
                Rule::ObjectionDetails,
                "objection.retest",
                msg!(ObjectionRetestUnaccepted),
            );
        }
        if let Some(d) = o.decided_on {
            let due = add_working_days(o.received_on, rules.objection_decision_days);
            if d < o.received_on {
                self.at(
                    lc,
                    Rule::ObjectionDates,
                    "objection.decided_on",
                    msg!(
                        ObjectionDecidedBefore,
                        decided = d,
                        received = o.received_on
                    ),
                );
            } else if d > due {
                self.at(
                    lc,
                    Rule::ObjectionDecision,
                    "objection.decided_on",
                    msg!(
                        ObjectionDecisionLate,
                        decided = d,
                        due = due,
                        days = rules.objection_decision_days
                    ),
                );
            }
        }
        self.retest(lc, o);
    }

    fn retest(&mut self, lc: &LoadedCase, o: &Objection) {
        let c = &lc.case;
        let Some(r) = &o.retest else {
            return;
        };
        let rules = &self.lb.batch.rules;
        if self.lb.batch.lab(&r.lab).is_none() {
            self.at(
                lc,
                Rule::RetestLab,
                "objection.retest.lab",
                msg!(
                    LabUnknown,
                    lab = &r.lab,
                    all = super::checker::lab_ids(self.lb)
                ),
            );
        } else if r.lab == c.lab {
            self.at(
                lc,
                Rule::RetestLab,
                "objection.retest.lab",
                msg!(RetestSameLab),
            );
        }
        let objected: Vec<&str> = o.items.iter().map(|s| s.trim()).collect();
        let extra: Vec<&str> = r
            .items
            .iter()
            .map(|i| i.name.trim())
            .filter(|n| !objected.contains(n))
            .collect();
        if !extra.is_empty() {
            self.at(
                lc,
                Rule::RetestItems,
                "objection.retest.items",
                msg!(RetestItemsExtra, items = extra.join("、")),
            );
        }
        if let Some(d) = o.decided_on.filter(|d| r.backup_handed_on < *d) {
            self.at(
                lc,
                Rule::ObjectionDates,
                "objection.retest.backup_handed_on",
                msg!(
                    RetestBeforeDecision,
                    handed = r.backup_handed_on,
                    decided = d
                ),
            );
        }
        if let Some(i) = r.issued_on {
            let due = add_working_days(r.backup_handed_on, rules.retest_days);
            if i < r.backup_handed_on {
                self.at(
                    lc,
                    Rule::ObjectionDates,
                    "objection.retest.issued_on",
                    msg!(RetestIssuedBefore, issued = i, handed = r.backup_handed_on),
                );
            } else if i > due {
                self.at(
                    lc,
                    Rule::RetestLate,
                    "objection.retest.issued_on",
                    msg!(RetestLate, issued = i, due = due, days = rules.retest_days),
                );
            }
            if let Some(n) = o.final_notified_on.filter(|n| *n < i) {
                self.at(
                    lc,
                    Rule::ObjectionDates,
                    "objection.final_notified_on",
                    msg!(FinalBeforeRetest, notified = n, issued = i),
                );
            }
        }
    }
}

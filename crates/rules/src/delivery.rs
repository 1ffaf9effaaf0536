//! The rules of what follows the report: the results delivered in time, by the required
//! method, with a tracking number; the samples kept until the objection and backup-keeping
//! periods have run out.

use super::checker::{Checker, blank, plus_days};
use spotcheck_core::diag::Rule;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::Delivery;

impl Checker<'_> {
    pub(super) fn delivery(&mut self, lc: &LoadedCase, d: &Delivery) {
        let s = &self.lb.batch.schedule;
        if d.sent_on > s.delivery_deadline {
            self.at(
                lc,
                Rule::DeliveryLate,
                "delivery.sent_on",
                msg!(
                    DeliveryLate,
                    sent = d.sent_on,
                    deadline = s.delivery_deadline
                ),
            );
        }
        if !d
            .method
            .trim()
            .eq_ignore_ascii_case(s.delivery_method.trim())
        {
            self.at(
                lc,
                Rule::DeliveryMethod,
                "delivery.method",
                msg!(
                    DeliveryMethod,
                    method = &d.method,
                    required = &s.delivery_method
                ),
            );
        }
        if blank(d.tracking_no.as_ref()) {
            self.at(
                lc,
                Rule::DeliveryTracking,
                "delivery.tracking_no",
                msg!(DeliveryTracking),
            );
        }
    }

    /// Samples disposed of no earlier than the objection and backup-keeping periods allow,
    /// counted from the delivery.
    pub(super) fn disposal(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let (Some(disposal), Some(delivery)) = (&c.disposal, &c.delivery) else {
            return;
        };
        let Some(date) = disposal.date else {
            return;
        };
        let r = &self.lb.batch.rules;
        let keep = r.objection_days.max(r.backup_keep_days);
        let earliest = plus_days(delivery.sent_on, keep);
        if date < earliest {
            self.at(
                lc,
                Rule::DisposalEarly,
                "disposal.date",
                msg!(
                    DisposalEarly,
                    date = date,
                    earliest = earliest,
                    sent = delivery.sent_on,
                    objection = r.objection_days,
                    keep = r.backup_keep_days
                ),
            );
        }
    }
}

//! The rules of a refused visit (拒检) and of a visit with nothing to sample.

use super::checker::{Checker, blank};
use spotcheck_core::diag::Rule;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;

impl Checker<'_> {
    /// The refusal: described, who refused, the county bureau that determined it jointly.
    pub(super) fn refused(&mut self, lc: &LoadedCase) {
        let Some(r) = &lc.case.refusal else {
            self.at_or(
                lc,
                Rule::CaseSection,
                "refusal",
                "outcome",
                msg!(RefusalSection),
            );
            return;
        };
        if r.description.trim().is_empty() {
            self.at(
                lc,
                Rule::RefusalDetails,
                "refusal.description",
                msg!(RefusalDescription),
            );
        }
        if blank(r.refused_by.as_ref()) {
            self.at(
                lc,
                Rule::RefusalDetails,
                "refusal.refused_by",
                msg!(RefusalBy),
            );
        }
        match &r.county_bureau {
            Some(county) if !county.trim().is_empty() => {
                self.county_known(lc, "refusal.county_bureau", county);
            }
            _ => self.at(
                lc,
                Rule::RefusalCounty,
                "refusal.county_bureau",
                msg!(RefusalCounty),
            ),
        }
    }

    /// Nothing sampled: an allowed reason, and the person in charge who signed the sheet.
    pub(super) fn not_sampled(&mut self, lc: &LoadedCase) {
        let Some(n) = &lc.case.not_sampled else {
            self.at_or(
                lc,
                Rule::CaseSection,
                "not_sampled",
                "outcome",
                msg!(NotSampledSection),
            );
            return;
        };
        let allowed = &self.lb.batch.rules.no_sample_reasons;
        if !allowed.iter().any(|a| a == n.reason.trim()) {
            self.at(
                lc,
                Rule::NotSampledReason,
                "not_sampled.reason",
                msg!(
                    NotSampledReason,
                    reason = &n.reason,
                    allowed = allowed.clone()
                ),
            );
        }
        if blank(n.person_in_charge.as_ref()) {
            self.at(
                lc,
                Rule::NotSampledPerson,
                "not_sampled.person_in_charge",
                msg!(NotSampledPerson),
            );
        }
    }
}

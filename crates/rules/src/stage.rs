//! The sections a case must and must not have: those its outcome calls for, none that belongs
//! to another outcome, and no later stage recorded before an earlier one.

use super::checker::{Checker, blank, has_report};
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::Msg;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::{Case, Outcome, Verdict};

impl Checker<'_> {
    /// The sections of a sampled lot (those of a refusal and of a visit with nothing to
    /// sample are checked with their contents).
    pub(super) fn sampled_sections(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        // Online, nobody from the shop is there to sign, and the order is the payment.
        let on_site = !c.is_online();
        for (key, label, present) in [
            ("product", Msg::LabelProduct, c.product.is_some()),
            ("seals", Msg::LabelSeals, c.seals.is_some()),
            (
                "signing",
                Msg::LabelSigning,
                c.signing.is_some() || !on_site,
            ),
            (
                "payment",
                Msg::LabelPayment,
                c.payment.is_some() || !on_site,
            ),
        ] {
            if !present {
                self.at_or(
                    lc,
                    Rule::CaseSection,
                    key,
                    "outcome",
                    msg!(CaseSectionSampled, key = key, label = label),
                );
            }
        }
    }

    /// A visited case says where it sampled (a planned case need not).
    pub(super) fn visit_place(&mut self, lc: &LoadedCase) {
        if blank(lc.case.visit.place.as_ref()) {
            self.at(
                lc,
                Rule::CaseSection,
                "visit.place",
                msg!(VisitPlaceMissing),
            );
        }
    }

    /// A planned case records nothing of its visit's results: each such section is a
    /// finding (write `outcome` first).
    pub(super) fn planned(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let present = recorded_sections(c);
        for (key, _) in present.into_iter().filter(|(_, here)| *here) {
            self.at(lc, Rule::CaseStage, key, msg!(StagePlanned, key = key));
        }
    }

    /// Sections that do not belong to the outcome, and later stages recorded before earlier
    /// ones.
    pub(super) fn stage(&mut self, lc: &LoadedCase) {
        self.foreign_sections(lc);
        if lc.case.outcome == Some(Outcome::Sampled) {
            self.stages_in_order(lc);
        }
    }

    fn foreign_sections(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let Some(outcome) = c.outcome else {
            return;
        };
        let present = recorded_sections(c);
        let foreign: &[&str] = match outcome {
            Outcome::Sampled => &["refusal", "not_sampled"],
            Outcome::Refused => &[
                "product",
                "seals",
                "payment",
                "inspection",
                "delivery",
                "disposal",
                "not_sampled",
            ],
            Outcome::NotSampled => &[
                "product",
                "seals",
                "payment",
                "inspection",
                "delivery",
                "disposal",
                "refusal",
                "followup",
            ],
        };
        for (key, here) in present {
            if here && foreign.contains(&key) {
                self.at(
                    lc,
                    Rule::CaseStage,
                    key,
                    msg!(StageForeign, outcome = outcome_label(outcome), key = key),
                );
            }
        }
    }

    /// A sampled lot: delivery, the e-CQS result entry and the follow-up only after a report
    /// (the follow-up only of an unqualified lot), disposal only after delivery.
    fn stages_in_order(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let reported = c.inspection.as_ref().is_some_and(has_report);
        if c.delivery.is_some() && !reported {
            self.at(lc, Rule::CaseStage, "delivery", msg!(StageDeliveryNoReport));
        }
        if c.ecqs
            .as_ref()
            .is_some_and(|e| e.result_entered_on.is_some())
            && !reported
        {
            self.at(
                lc,
                Rule::CaseStage,
                "ecqs.result_entered_on",
                msg!(StageResultNoReport),
            );
        }
        if c.followup.is_some() {
            if !reported {
                self.at(lc, Rule::CaseStage, "followup", msg!(StageFollowupNoReport));
            } else if c.final_conclusion() == Some(Verdict::Pass) {
                self.at(
                    lc,
                    Rule::CaseStage,
                    "followup",
                    msg!(StageFollowupQualified),
                );
            }
        }
        if c.disposal.is_some() && c.delivery.is_none() {
            self.at(
                lc,
                Rule::CaseStage,
                "disposal",
                msg!(StageDisposalNoDelivery),
            );
        }
    }
}

/// The name of an outcome, in the catalog.
pub(crate) fn outcome_label(o: Outcome) -> Msg {
    match o {
        Outcome::Sampled => Msg::LabelSampled,
        Outcome::Refused => Msg::LabelRefused,
        Outcome::NotSampled => Msg::LabelNotSampled,
    }
}

/// Each section of a case after its visit, by key, and whether the case records it.
fn recorded_sections(c: &Case) -> [(&'static str, bool); 12] {
    [
        ("product", c.product.is_some()),
        ("seals", c.seals.is_some()),
        ("signing", c.signing.is_some()),
        ("payment", c.payment.is_some()),
        ("refusal", c.refusal.is_some()),
        ("not_sampled", c.not_sampled.is_some()),
        ("evidence", !c.evidence.is_empty()),
        ("inspection", c.inspection.is_some()),
        ("delivery", c.delivery.is_some()),
        ("ecqs", c.ecqs.is_some()),
        ("followup", c.followup.is_some()),
        ("disposal", c.disposal.is_some()),
    ]
}

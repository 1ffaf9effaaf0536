//! The rules of every visit: category and lab against the plan, placeholders left by
//! `new-case`, samplers, the sampling window and the notice's validity.

use std::collections::BTreeSet;

use super::checker::{Checker, lab_ids};
use spotcheck_core::diag::Rule;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;

impl Checker<'_> {
    pub(super) fn visit(&mut self, lc: &LoadedCase) {
        self.category_and_lab(lc);
        self.placeholders(lc);
        self.samplers(lc);
        self.visit_date(lc);
    }

    /// The case's category in the plan, its lab one of the batch's, and the one the plan
    /// assigns.
    fn category_and_lab(&mut self, lc: &LoadedCase) {
        let b = &self.lb.batch;
        let c = &lc.case;
        // A re-inspection (复查) is of an earlier batch's category, in no row of this plan.
        if !c.is_recheck() && !b.plan.iter().any(|e| e.category == c.category) {
            let all: Vec<String> = b.plan.iter().map(|e| e.category.clone()).collect();
            self.at(
                lc,
                Rule::PlanCategory,
                "category",
                msg!(PlanCategory, category = &c.category, all = all),
            );
        }
        if !b.labs.iter().any(|l| l.id == c.lab) {
            self.at(
                lc,
                Rule::LabUnknown,
                "lab",
                msg!(LabUnknown, lab = &c.lab, all = lab_ids(self.lb)),
            );
        } else if let Some(plan_lab) = b
            .plan_row(&c.category)
            .filter(|_| !c.is_recheck())
            .and_then(|p| p.lab.as_deref())
            && plan_lab != c.lab
        {
            self.at(
                lc,
                Rule::LabPlan,
                "lab",
                msg!(
                    LabNotPlan,
                    category = &c.category,
                    plan_lab = plan_lab,
                    lab = &c.lab
                ),
            );
        }
    }

    /// Fields still holding the placeholder that `new-case` writes.
    fn placeholders(&mut self, lc: &LoadedCase) {
        let value = serde_json::to_value(&lc.case).unwrap_or_default();
        let mut found = Vec::new();
        spotcheck_core::text::walk_strings(&value, &mut String::new(), &mut |path, s| {
            if s.contains(spotcheck_input::scaffold::PLACEHOLDER) {
                found.push((path.to_string(), s.to_string()));
            }
        });
        let rule = if lc.case.is_planned() {
            Rule::PlannedBlank
        } else {
            Rule::CasePlaceholder
        };
        for (path, s) in found {
            self.at(lc, rule, &path, msg!(PlaceholderLeft, value = s));
        }
    }

    /// At least the minimum of distinct samplers.
    fn samplers(&mut self, lc: &LoadedCase) {
        let names: BTreeSet<&str> = lc
            .case
            .visit
            .samplers
            .iter()
            .map(|s| s.name.trim())
            .filter(|n| !n.is_empty())
            .collect();
        let min = self.lb.batch.rules.min_samplers as usize;
        if names.len() < min {
            let rule = if lc.case.is_planned() {
                Rule::PlannedBlank
            } else {
                Rule::SamplersMin
            };
            self.at(
                lc,
                rule,
                "visit.samplers",
                msg!(SamplersMin, count = names.len(), min = min),
            );
        }
    }

    /// The visit inside the sampling window, and before its notice expired.
    fn visit_date(&mut self, lc: &LoadedCase) {
        let v = &lc.case.visit;
        let s = &self.lb.batch.schedule;
        let outside = v.date < s.sampling_start || v.date > s.sampling_end;
        if outside {
            self.at(
                lc,
                Rule::VisitWindow,
                "visit.date",
                msg!(
                    VisitWindow,
                    date = v.date,
                    start = s.sampling_start,
                    end = s.sampling_end
                ),
            );
        }
        // A visit outside the window is one mistake, reported above, not again as an
        // expired notice.
        if let Some(valid) = v.notice_valid_until
            && valid < v.date
            && !outside
        {
            self.at(
                lc,
                Rule::VisitNoticeValidity,
                "visit.notice_valid_until",
                msg!(NoticeValidity, valid = valid, date = v.date),
            );
        }
    }
}

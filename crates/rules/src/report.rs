//! The rules of the inspection report: complete once started, items, a conclusion that agrees
//! with them, and the follow-up of an unqualified lot.

use super::checker::{Checker, blank, has_report};
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::Msg;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::model::{Inspection, Verdict};

impl Checker<'_> {
    /// A report once started: every field, items, a conclusion that agrees with them.
    pub(super) fn report(&mut self, lc: &LoadedCase, i: &Inspection) {
        if !has_report(i) {
            return;
        }
        let fields = [
            ("report_no", Msg::LabelReportNo, blank(i.report_no.as_ref())),
            ("issued_on", Msg::LabelIssuedOn, i.issued_on.is_none()),
            ("tester", Msg::LabelTester, blank(i.tester.as_ref())),
            ("reviewer", Msg::LabelReviewer, blank(i.reviewer.as_ref())),
            ("approver", Msg::LabelApprover, blank(i.approver.as_ref())),
        ];
        for (key, label, missing) in fields {
            if missing {
                self.at(
                    lc,
                    Rule::ReportIncomplete,
                    &format!("inspection.{key}"),
                    msg!(ReportIncomplete, label = label, key = key),
                );
            }
        }
        if i.items.is_empty() {
            self.at(lc, Rule::ReportItems, "inspection.items", msg!(ReportItems));
            return;
        }
        let failed = lc.case.failed_items();
        match (i.conclusion, failed.is_empty()) {
            (Some(Verdict::Pass), false) => self.at(
                lc,
                Rule::ConclusionContradicts,
                "inspection.conclusion",
                msg!(
                    ConclusionContradicts,
                    items = failed.iter().map(|s| s.to_string()).collect::<Vec<_>>()
                ),
            ),
            (Some(Verdict::Fail), true) => self.at(
                lc,
                Rule::ConclusionNoFailedItem,
                "inspection.conclusion",
                msg!(ConclusionNoFailed),
            ),
            _ => {}
        }
    }

    /// An unqualified lot: a county bureau assigned for its follow-up, one of the batch's.
    pub(super) fn followup(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        // The reason a follow-up is needed: the stated conclusion, or the first failed item.
        let anchor = c
            .inspection
            .as_ref()
            .and_then(|i| {
                if i.conclusion.is_some() {
                    return Some("inspection.conclusion".to_string());
                }
                let n = i.items.iter().position(|it| it.verdict == Verdict::Fail)?;
                Some(format!("inspection.items[{n}].verdict"))
            })
            .unwrap_or_else(|| "inspection".into());
        match &c.followup {
            None => self.at_or(
                lc,
                Rule::FollowupCounty,
                "followup",
                &anchor,
                msg!(FollowupNone),
            ),
            Some(f) if f.county_bureau.trim().is_empty() => self.at(
                lc,
                Rule::FollowupCounty,
                "followup.county_bureau",
                msg!(FollowupEmpty),
            ),
            Some(f) => self.county_known(lc, "followup.county_bureau", &f.county_bureau),
        }
    }

    /// A county bureau named in a case is one of the batch's `counties` (when it lists them).
    pub(super) fn county_known(&mut self, lc: &LoadedCase, path: &str, name: &str) {
        let counties = &self.lb.batch.counties;
        if counties.is_empty() || counties.iter().any(|c| c.name == name.trim()) {
            return;
        }
        let all: Vec<String> = counties.iter().map(|c| c.name.clone()).collect();
        self.at(
            lc,
            Rule::CountyUnknown,
            path,
            msg!(CountyUnknown, name = name, all = all),
        );
    }
}

//! The rules across the batch: lots beyond the plan, report and seal numbers used twice.

use std::collections::HashMap;

use super::checker::Checker;
use spotcheck_core::diag::Rule;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedCase;
use spotcheck_input::stats::counts_as_lot;

impl Checker<'_> {
    /// Each lot beyond a category's planned lots, in order of visit date.
    pub(super) fn plan_over(&mut self) {
        let lb = self.lb;
        for e in &lb.batch.plan {
            let mut lots: Vec<&LoadedCase> = lb
                .cases
                .iter()
                .filter(|c| {
                    c.case.category == e.category && counts_as_lot(&c.case) && !c.case.is_recheck()
                })
                .collect();
            lots.sort_by(|a, b| {
                (a.case.visit.date, &a.case.id).cmp(&(b.case.visit.date, &b.case.id))
            });
            for (n, lc) in lots.iter().enumerate().skip(e.lots as usize) {
                self.at(
                    lc,
                    Rule::PlanOver,
                    "category",
                    msg!(PlanOver, category = &e.category, lots = e.lots, n = n + 1),
                );
            }
        }
    }

    pub(super) fn duplicates(&mut self) {
        self.duplicate_reports();
        self.duplicate_seals();
    }

    /// A report number used by an earlier file, reported on the later one.
    fn duplicate_reports(&mut self) {
        let lb = self.lb;
        let mut reports: HashMap<&str, &LoadedCase> = HashMap::new();
        for lc in &lb.cases {
            let Some(no) = lc
                .case
                .inspection
                .as_ref()
                .and_then(|i| i.report_no.as_deref())
            else {
                continue;
            };
            let no = no.trim();
            if no.is_empty() {
                continue;
            }
            match reports.get(no) {
                Some(first) => self.at(
                    lc,
                    Rule::ReportDuplicate,
                    "inspection.report_no",
                    msg!(
                        ReportDuplicate,
                        no = no,
                        file = &first.file,
                        id = &first.case.id
                    ),
                ),
                None => {
                    reports.insert(no, lc);
                }
            }
        }
    }

    /// A seal number used before, in this file or an earlier one, reported on the later use.
    fn duplicate_seals(&mut self) {
        let lb = self.lb;
        let mut seals: HashMap<&str, &LoadedCase> = HashMap::new();
        for lc in &lb.cases {
            let Some(s) = &lc.case.seals else { continue };
            for (i, n) in s.numbers.iter().enumerate() {
                let n = n.trim();
                if n.is_empty() {
                    continue;
                }
                match seals.get(n) {
                    Some(first) => {
                        let m = if std::ptr::eq(*first, lc) {
                            msg!(SealsDuplicateHere, no = n)
                        } else {
                            msg!(
                                SealsDuplicate,
                                no = n,
                                file = &first.file,
                                id = &first.case.id
                            )
                        };
                        self.at(lc, Rule::SealsDuplicate, &format!("seals.numbers[{i}]"), m);
                    }
                    None => {
                        seals.insert(n, lc);
                    }
                }
            }
        }
    }
}

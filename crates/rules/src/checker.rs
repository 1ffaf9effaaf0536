//! The [`Checker`]: runs every family of rules over a loaded batch and locates each finding at
//! the field it concerns.

use chrono::{Days, NaiveDate};

use spotcheck_core::diag::{Diagnostic, Rule};
use spotcheck_core::messages::Message;
use spotcheck_input::load::{BATCH_FILE, LoadedBatch, LoadedCase};
use spotcheck_input::model::{Inspection, Outcome, Stage};

/// The batch under check and the findings so far. Each family of rules adds its methods in its
/// own file.
pub(super) struct Checker<'a> {
    pub(super) lb: &'a LoadedBatch,
    out: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    /// Every rule over the batch, the findings in the order they were made.
    pub(super) fn run(lb: &'a LoadedBatch) -> Vec<Diagnostic> {
        Self::run_for(lb, |_| true)
    }

    /// The rules of `batch.yaml`, of the cases `selected` picks, and the rules across cases
    /// (over every case): each case's own rules read only that case, so a selected case gets
    /// the findings it gets in [`Self::run`].
    pub(super) fn run_for(
        lb: &'a LoadedBatch,
        selected: impl Fn(&LoadedCase) -> bool,
    ) -> Vec<Diagnostic> {
        let mut ck = Checker {
            lb,
            out: Vec::new(),
        };
        ck.batch_file();
        for lc in lb.cases.iter().filter(|lc| selected(lc)) {
            ck.case(lc);
        }
        ck.plan_over();
        ck.duplicates();
        ck.prefixes();
        ck.out
    }

    /// The rules of one case: those of what is written before the visit (category and lab
    /// against the plan, samplers, the window, identifiers, dates); then, once visited,
    /// those of the visit, of its outcome and of the stage it has reached. A planned case
    /// gets only the first, and a finding for any result it records before its outcome.
    fn case(&mut self, lc: &LoadedCase) {
        self.visit(lc);
        self.identifiers(lc);
        let outcome = match lc.case.stage() {
            Stage::Planned => {
                self.planned(lc);
                self.dates(lc);
                return;
            }
            Stage::Visited(o) => o,
        };
        self.visit_place(lc);
        self.evidence(lc);
        match outcome {
            Outcome::Sampled => self.sampled(lc),
            Outcome::Refused => self.refused(lc),
            Outcome::NotSampled => self.not_sampled(lc),
        }
        self.stage(lc);
        self.paths(lc);
        self.dates(lc);
        self.ecqs(lc);
    }

    fn push(&mut self, rule: Rule, file: &str, pos: (usize, usize), path: &str, message: Message) {
        self.out
            .push(Diagnostic::new(rule, file, pos, path, message));
    }

    /// A finding at `path` of a batch.yaml field.
    pub(super) fn batch(&mut self, rule: Rule, path: &str, message: Message) {
        let pos = self.lb.batch_index.pos_of(path);
        self.push(rule, BATCH_FILE, pos, path, message);
    }

    /// A finding at `path` of a case file; a missing field is located at its nearest
    /// ancestor.
    pub(super) fn at(&mut self, lc: &LoadedCase, rule: Rule, path: &str, message: Message) {
        let pos = lc.index.pos_of(path);
        self.push(rule, &lc.file, pos, path, message);
    }

    /// Like [`Self::at`], but a field whose whole top-level section is missing is located at
    /// `anchor`, the field that makes it necessary.
    pub(super) fn at_or(
        &mut self,
        lc: &LoadedCase,
        rule: Rule,
        path: &str,
        anchor: &str,
        message: Message,
    ) {
        let section = path.split(['.', '[']).next().unwrap_or(path);
        let pos = if lc.index.has(section) {
            lc.index.pos_of(path)
        } else {
            lc.index.pos_of(anchor)
        };
        self.push(rule, &lc.file, pos, path, message);
    }
}

pub(super) fn blank(s: Option<&String>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

pub(super) fn plus_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether the lab has started the report: any of its fields is written.
pub(super) fn has_report(i: &Inspection) -> bool {
    i.report_no.is_some() || i.issued_on.is_some() || !i.items.is_empty() || i.conclusion.is_some()
}

/// The ids of the batch's labs, for the messages that list them.
pub(super) fn lab_ids(lb: &LoadedBatch) -> Vec<String> {
    lb.batch.labs.iter().map(|l| l.id.clone()).collect()
}

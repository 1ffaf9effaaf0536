//! The report of `check`: the findings, their counts and the progress against the plan, as
//! text in the user's language or as JSON.

use serde::Serialize;

use spotcheck_core::diag::Diagnostic;
use spotcheck_core::messages::{Lang, Message};
use spotcheck_core::msg;
use spotcheck_input::load::{BATCH_FILE, LoadedBatch, PartialBatch};

use super::check;

/// The outcome of `check` for a whole batch: findings, counts and progress against the plan.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The batch id; `None` when the batch could not be read.
    pub batch: Option<String>,
    /// Whether the batch folder could be read at all.
    pub readable: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Lots done and still to do per category of the plan (information, not findings).
    pub plan: Vec<PlanStanding>,
}

/// The counts of `check`. Cases and lots are named apart: `planned_cases` are case files
/// without an outcome, the plan's lots are [`PlanStanding::planned_lots`].
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Summary {
    pub cases: usize,
    /// Of the cases, those planned (no outcome yet): checked only for what is written.
    pub planned_cases: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Progress of one plan category: lots are sampled and refused cases.
#[derive(Debug, Clone, Serialize)]
pub struct PlanStanding {
    pub category: String,
    /// The lots the plan sets for the category.
    pub planned_lots: u32,
    /// The lots done: sampled and refused visits.
    pub lots: u32,
    /// The lots still to do.
    pub shortfall: u32,
}

impl CheckReport {
    /// The report of a batch that could not be read: the loader's findings.
    pub fn unreadable(diagnostics: Vec<Diagnostic>) -> CheckReport {
        let summary = Summary {
            cases: 0,
            planned_cases: 0,
            errors: diagnostics.iter().filter(|d| d.is_error()).count(),
            warnings: diagnostics.iter().filter(|d| !d.is_error()).count(),
        };
        CheckReport {
            batch: None,
            readable: false,
            diagnostics,
            summary,
            plan: Vec::new(),
        }
    }

    /// The findings, one a line, then the counts and the plan's shortfall, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.in_lang(lang));
            out.push('\n');
        }
        let mut line = |m: Message| {
            out.push_str(&m.in_lang(lang));
            out.push('\n');
        };
        if !self.readable {
            line(msg!(CheckUnreadable, errors = self.summary.errors));
            return out;
        }
        line(msg!(
            CheckDone,
            cases = self.summary.cases,
            errors = self.summary.errors,
            warnings = self.summary.warnings
        ));
        if self.summary.planned_cases > 0 {
            line(msg!(CheckPlanned, planned = self.summary.planned_cases));
        }
        let short: Vec<&PlanStanding> = self.plan.iter().filter(|p| p.shortfall > 0).collect();
        if !short.is_empty() {
            line(msg!(CheckPlanShort));
            for p in short {
                line(msg!(
                    CheckPlanRow,
                    category = &p.category,
                    planned = p.planned_lots,
                    lots = p.lots,
                    shortfall = p.shortfall
                ));
            }
        }
        out
    }

    /// For programs: as serialized, with each finding's message in `lang`, its id and
    /// arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["diagnostics"] = self.diagnostics.iter().map(|d| d.to_json(lang)).collect();
        v
    }
}

/// Runs every rule and adds the counts and the plan progress.
pub(crate) fn check_report(lb: &LoadedBatch) -> CheckReport {
    let diagnostics = check(lb);
    let summary = Summary {
        cases: lb.cases.len(),
        planned_cases: lb.cases.iter().filter(|c| c.case.is_planned()).count(),
        errors: diagnostics.iter().filter(|d| d.is_error()).count(),
        warnings: diagnostics.iter().filter(|d| !d.is_error()).count(),
    };
    let plan = spotcheck_input::stats::compute(lb)
        .by_category
        .into_iter()
        .filter_map(|c| {
            Some(PlanStanding {
                planned_lots: c.planned?,
                lots: c.lots,
                shortfall: c.shortfall,
                category: c.label,
            })
        })
        .collect();
    CheckReport {
        batch: Some(lb.batch.id.clone()),
        readable: true,
        diagnostics,
        summary,
        plan,
    }
}

/// The report of a batch folder read as far as it could be ([`load_partial`]): the errors of
/// every file that could not be read, and every rule applied to `batch.yaml` and the cases
/// that could. Without `batch.yaml` no rule can run: the report is unreadable, with the
/// errors of every file.
///
/// [`load_partial`]: spotcheck_input::load::load_partial
pub fn check_report_partial(partial: PartialBatch) -> CheckReport {
    let PartialBatch {
        root,
        batch,
        cases,
        errors,
    } = partial;
    let Some((batch, batch_index)) = batch else {
        let mut r = CheckReport::unreadable(errors);
        r.summary.cases = cases.len();
        return r;
    };
    let lb = LoadedBatch {
        root,
        batch,
        batch_index,
        cases,
    };
    let mut r = check_report(&lb);
    r.diagnostics.extend(errors);
    r.diagnostics.sort_by(|a, b| {
        (a.file != BATCH_FILE, &a.file, a.line, a.column).cmp(&(
            b.file != BATCH_FILE,
            &b.file,
            b.line,
            b.column,
        ))
    });
    r.summary.errors = r.diagnostics.iter().filter(|d| d.is_error()).count();
    r.summary.warnings = r.diagnostics.len() - r.summary.errors;
    r
}

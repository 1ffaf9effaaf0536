//! `spotcheck check`: the rules of the batch notice, applied to a loaded batch.
//!
//! Every number and date a rule needs (sampling window, deadlines, minimum samplers,
//! objection period, allowed reasons, delivery method, e-CQS lag) is read from `batch.yaml`;
//! none is written here. Which rules apply to a case depends on how far it has got: a lot that
//! is sampled but not yet tested is not missing its report, a lot not yet delivered is not late
//! for delivery. The check never reads the clock, so the same folder always gives the same
//! findings; what is late *today* is the business of [`crate::status`].
//!
//! Every finding carries its [`Rule`], severity, file, line, column and field path, and a
//! message of the catalog saying what is wrong and what to do, shown in the user's language.
//! [`registry`] lists every finding id, those of reading and rendering too, with its
//! documentation; `docs/rules.md`'s tables are generated from it.
//!
//! Each family of rules is a file: `batch` (`batch.yaml`), `visit`,
//! `identifiers`, `stage`, `sampled`, `refused`, `report`, `delivery`, `ecqs`, `dates`,
//! `paths` (online sampling, 复查, 样品确认, 异议 and 复检), `across` (the whole batch), `prefixes` (case id prefixes); `checker` runs them and locates the findings, `summary` makes
//! the report of `check`.

mod across;
mod batch;
mod checker;
mod dates;
mod delivery;
mod ecqs;
pub mod identifiers;
mod paths;
mod prefixes;
mod refused;
mod report;
mod sampled;
mod stage;
pub mod status;
pub mod steps;
mod summary;
mod visit;

use std::collections::BTreeSet;

use spotcheck_core::diag::Diagnostic;
use spotcheck_input::load::{BATCH_FILE, LoadedBatch};

pub use summary::{CheckReport, check_report_partial};

pub use spotcheck_input::stats::counts_as_lot;

/// Applies every rule to a loaded batch. Findings are sorted: `batch.yaml` first, then by
/// file, line, column and rule id.
pub fn check(lb: &LoadedBatch) -> Vec<Diagnostic> {
    sorted(checker::Checker::run(lb))
}

/// [`check`] for the cases named `ids` alone: the findings of `batch.yaml`, of the rules
/// across cases, and of those cases' own rules (what [`check`] finds in their files), without
/// the cost of every other case's rules (a form saved in a batch of thousands).
pub fn check_cases(lb: &LoadedBatch, ids: &[&str]) -> Vec<Diagnostic> {
    sorted(checker::Checker::run_for(lb, |lc| {
        ids.contains(&lc.case.id.as_str())
    }))
}

fn sorted(mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    out.sort_by(|a, b| {
        (a.file != BATCH_FILE, &a.file, a.line, a.column, a.rule.id()).cmp(&(
            b.file != BATCH_FILE,
            &b.file,
            b.line,
            b.column,
            b.rule.id(),
        ))
    });
    out
}

/// The errors among `diags` that stop rendering the given cases (every case when `cases` is
/// empty): those of `batch.yaml` and of the selected cases' files.
pub fn blocking<'a>(
    lb: &LoadedBatch,
    diags: &'a [Diagnostic],
    cases: &[String],
) -> Vec<&'a Diagnostic> {
    let files: BTreeSet<&str> = lb
        .cases
        .iter()
        .filter(|c| cases.is_empty() || cases.contains(&c.case.id))
        .map(|c| c.file.as_str())
        .collect();
    diags
        .iter()
        .filter(|d| d.is_error() && (d.file == BATCH_FILE || files.contains(d.file.as_str())))
        .collect()
}

//! `spotcheck import`: an enterprise list (or a ledger) into planned cases, all rows checked
//! before anything is written.

use std::collections::BTreeMap;

use spotcheck::app::ledger;

use super::args::ImportArgs;
use super::{Outcome, Ui};

pub fn run(args: ImportArgs, ui: Ui) -> Outcome {
    let mut overrides = BTreeMap::new();
    for c in &args.columns {
        match ledger::parse_override(c) {
            Ok((f, h)) => {
                overrides.insert(f, h);
            }
            Err(m) => return Outcome::unusable().error(m),
        }
    }
    let source = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match ledger::import(&args.batch, &args.file, &overrides, &source) {
        Ok(plan) => plan
            .messages()
            .into_iter()
            .fold(Outcome::done(), |o, m| o.line(m)),
        Err(refusal) => {
            let shown = refusal
                .shown()
                .iter()
                .fold(Outcome::failed(), |o, d| o.error(d.in_lang(ui.lang)));
            refusal.closing().into_iter().fold(shown, |o, m| o.error(m))
        }
    }
}

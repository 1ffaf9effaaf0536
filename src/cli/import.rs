//! `spotcheck import`: an enterprise list (or a ledger) into planned cases, all rows checked
//! before anything is written.

use std::collections::BTreeMap;

use spotcheck::input::ledger;
use spotcheck::msg;

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
    let plan = match ledger::plan_import(&args.batch, &args.file, &overrides) {
        Ok(p) => p,
        Err(diags) => {
            let n = diags.len();
            return diags
                .iter()
                .fold(Outcome::failed(), |o, d| o.error(d.in_lang(ui.lang)))
                .error(msg!(ImportRefused, errors = n));
        }
    };
    let source = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    match ledger::write_import(&args.batch, &plan, &source) {
        Ok(_) => plan
            .messages()
            .into_iter()
            .fold(Outcome::done(), |o, m| o.line(m)),
        Err(m) => Outcome::failed().error(m),
    }
}

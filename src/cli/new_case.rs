//! `spotcheck new-case`: the next case file of a category, filled from the batch.

use spotcheck::input::scaffold;
use spotcheck::msg;

use super::args::NewCaseArgs;
use super::{Outcome, Ui};

pub fn run(args: NewCaseArgs, _ui: Ui) -> Outcome {
    let opts = scaffold::NewCase {
        category: args.category,
        outcome: args.outcome.into(),
        domain: args.domain.into(),
        prefix: args.prefix,
        date: args.date,
        today: chrono::Local::now().date_naive(),
    };
    match scaffold::new_case(&args.batch, &opts) {
        Ok(w) => w
            .prefix_note
            .into_iter()
            .fold(Outcome::done(), Outcome::line)
            .line(msg!(NewCaseDone, id = &w.id, path = &w.path)),
        Err(ms) => ms.into_iter().fold(Outcome::unusable(), Outcome::error),
    }
}

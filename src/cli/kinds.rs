//! `spotcheck kinds`: every kind of document, per case or per batch.

use spotcheck::input::kinds::{CATALOG, Scope};
use spotcheck::msg;

use super::{Outcome, Ui};

pub fn run(_ui: Ui) -> Outcome {
    CATALOG.iter().fold(Outcome::done(), |o, k| {
        let scope = match k.scope {
            Scope::Case => msg!(KindsPerCase),
            Scope::Batch => msg!(KindsPerBatch),
        };
        let id = format!("{:<16}", k.id);
        o.line(msg!(KindsLine, id = id, title = k.title, scope = scope))
    })
}

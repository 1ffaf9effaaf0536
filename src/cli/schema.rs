//! `spotcheck schema`: the JSON Schemas of `batch.yaml` and of a case file, for editors.

use spotcheck::input::scaffold;

use super::args::{SchemaArgs, SchemaKind};
use super::{Outcome, Ui};

pub fn run(args: SchemaArgs, _ui: Ui) -> Outcome {
    let batch = scaffold::batch_schema();
    let case = scaffold::case_schema();
    let value = match args.which {
        Some(SchemaKind::Batch) => batch,
        Some(SchemaKind::Case) => case,
        None => serde_json::json!({ "batch": batch, "case": case }),
    };
    Outcome::done().json(&value)
}

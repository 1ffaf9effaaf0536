//! `spotcheck status`: where the batch stands on a day, as a table or as JSON.

use spotcheck::rules::status;

use super::args::{OutputFormat, StatusArgs};
use super::{Outcome, Ui};

pub fn run(args: StatusArgs, ui: Ui) -> Outcome {
    let lb = match super::load_batch(ui, &args.batch) {
        Ok(lb) => lb,
        Err(refused) => return refused,
    };
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let st = status::status(&lb, today);
    match args.format.format {
        OutputFormat::Json => Outcome::done().json(&st),
        OutputFormat::Text => Outcome::done().text(st.in_lang(ui.lang)),
    }
}

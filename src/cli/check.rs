//! `spotcheck check`: the rules of the notice over every file that can be read, as lines or as
//! JSON.

use spotcheck::input::load;
use spotcheck::rules::{self, CheckReport};

use super::args::{CheckArgs, OutputFormat};
use super::{Exit, Outcome, Ui};

pub fn run(args: CheckArgs, ui: Ui) -> Outcome {
    // Every file that can be read is checked, whatever the others.
    let report = match load::load_partial(&args.batch) {
        Ok(partial) => rules::check_report_partial(partial),
        Err(diags) => CheckReport::unreadable(diags.0),
    };
    let o = Outcome::new(Exit::of_check(&report));
    match args.format.format {
        OutputFormat::Json => o.json(&report.to_json(ui.lang)),
        OutputFormat::Text if report.readable => o.text(report.in_lang(ui.lang)),
        OutputFormat::Text => o.error_text(report.in_lang(ui.lang)),
    }
}

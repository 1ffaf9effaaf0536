//! `spotcheck pack`: the visit pack of a day (or of a case), for duplex printing.

use spotcheck::app::pack::{PackError, pack};
use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::documents::pack::PackOptions;
use spotcheck::msg;
use spotcheck::progress::Silent;

use super::args::PackArgs;
use super::{Outcome, Ui};

pub fn run(args: PackArgs, ui: Ui) -> Outcome {
    let lb = match super::load_batch(ui, &args.batch) {
        Ok(lb) => lb,
        Err(refused) => return refused,
    };
    let engine = Engine::new(&args.fonts.options(), PdfSettings::default());
    let opts = PackOptions {
        out: args.out,
        dates: args.dates,
        cases: args.cases,
    };
    match pack(&lb, &engine, &opts, &Silent) {
        Ok(written) => written
            .iter()
            .fold(Outcome::done(), |o, w| o.line(w.message())),
        Err(PackError::Selection(m)) => Outcome::unusable().error(m),
        Err(PackError::Refused(errors)) => {
            let n = errors.len();
            errors
                .iter()
                .fold(Outcome::failed(), |o, d| o.error(d.in_lang(ui.lang)))
                .error(msg!(PackRefused, errors = n))
        }
        Err(PackError::Failed(m)) => Outcome::failed().error(m),
    }
}

//! `spotcheck pack`: the visit pack of a day (or of a case), for duplex printing.

use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::documents::pack::{PackOptions, pack, refusals, selection};
use spotcheck::msg;

use super::args::PackArgs;
use super::{Outcome, Ui};

pub fn run(args: PackArgs, ui: Ui) -> Outcome {
    let lb = match super::load_batch(ui, &args.batch) {
        Ok(lb) => lb,
        Err(refused) => return refused,
    };
    let packed = match selection(&lb, &args.dates, &args.cases) {
        Ok(p) => p,
        Err(m) => return Outcome::unusable().error(m),
    };
    // What is still to be written prints as a blank; anything else wrong is corrected first.
    let engine = Engine::new(&args.fonts.options(), PdfSettings::default());
    let errors = refusals(&lb, &engine, &packed);
    if !errors.is_empty() {
        let n = errors.len();
        return errors
            .iter()
            .fold(Outcome::failed(), |o, d| o.error(d.in_lang(ui.lang)))
            .error(msg!(PackRefused, errors = n));
    }
    let opts = PackOptions {
        out: args.out,
        dates: args.dates,
        cases: args.cases,
    };
    match pack(&lb, &engine, &opts) {
        Ok(written) => written
            .iter()
            .fold(Outcome::done(), |o, w| o.line(w.message())),
        Err(m) => Outcome::failed().error(m),
    }
}

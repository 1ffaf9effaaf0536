//! `spotcheck pack`: the visit pack of a day (or of a case), for duplex printing.

use spotcheck::diag::Rule;
use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::documents::pack::{PackOptions, pack};
use spotcheck::documents::render::check_coverage;
use spotcheck::input::load::BATCH_FILE;
use spotcheck::msg;

use super::args::PackArgs;
use super::{Outcome, Ui};

pub fn run(args: PackArgs, ui: Ui) -> Outcome {
    let lb = match super::load_batch(ui, &args.batch) {
        Ok(lb) => lb,
        Err(refused) => return refused,
    };
    // What was asked for must exist (exit 2 otherwise).
    if let Some(id) = args.cases.iter().find(|id| lb.case(id).is_none()) {
        return Outcome::unusable().error(msg!(PackUnknownCase, id = id));
    }
    if let Some(d) = args
        .dates
        .iter()
        .find(|d| !lb.cases.iter().any(|lc| lc.case.visit.date == **d))
    {
        return Outcome::unusable().error(msg!(PackNoVisits, date = *d));
    }
    if args.dates.is_empty()
        && args.cases.is_empty()
        && !lb.cases.iter().any(|lc| lc.case.is_planned())
    {
        return Outcome::unusable().error(msg!(PackNothing));
    }
    // The cases that go on paper: those of the days asked for, the cases asked for, or
    // every planned case.
    let packed: Vec<String> = lb
        .cases
        .iter()
        .filter(|lc| {
            let c = &lc.case;
            args.cases.contains(&c.id)
                || args.dates.contains(&c.visit.date)
                || (args.dates.is_empty() && args.cases.is_empty() && c.is_planned())
        })
        .map(|lc| lc.case.id.clone())
        .collect();
    let files: Vec<&str> = lb
        .cases
        .iter()
        .filter(|lc| packed.contains(&lc.case.id))
        .map(|lc| lc.file.as_str())
        .collect();
    // What is still to be written prints as a blank; anything else wrong is corrected first.
    let findings = spotcheck::rules::check(&lb);
    let errors: Vec<_> = findings
        .iter()
        .filter(|d| d.is_error())
        .filter(|d| d.file == BATCH_FILE || files.contains(&d.file.as_str()))
        .filter(|d| d.rule != Rule::CasePlaceholder && d.rule != Rule::SamplersMin)
        .collect();
    let engine = Engine::new(&args.fonts.options(), PdfSettings::default());
    let fonts = if packed.is_empty() {
        Vec::new()
    } else {
        check_coverage(&lb, &engine, &packed)
    };
    if !errors.is_empty() || !fonts.is_empty() {
        let n = errors.len() + fonts.len();
        return errors
            .into_iter()
            .chain(fonts.iter())
            .fold(Outcome::failed(), |o, d| o.error(d.in_lang(ui.lang)))
            .error(msg!(PackRefused, errors = n));
    }
    let opts = PackOptions {
        out: args.out,
        dates: args.dates,
        cases: args.cases,
    };
    match pack(&lb, &engine, &opts) {
        Ok(written) => written.iter().fold(Outcome::done(), |o, w| {
            o.line(msg!(
                PackWritten,
                path = &w.path,
                cases = w.cases.len(),
                pages = w.pages
            ))
        }),
        Err(m) => Outcome::failed().error(m),
    }
}

//! `spotcheck render`: the documents of a batch, or of the cases and kinds asked for. The
//! batch's errors refuse it before anything is written (exit 1); `--allow-errors` makes drafts
//! despite them.

use spotcheck::build::BuildError;
use spotcheck::documents::engine::Engine;
use spotcheck::documents::render::{RenderOptions, render_with};
use spotcheck::{msg, rules};

use super::args::RenderArgs;
use super::{Outcome, Ui};

pub fn run(args: RenderArgs, ui: Ui) -> Outcome {
    let pdf = match args.pdf.settings() {
        Ok(pdf) => pdf,
        Err(m) => return Outcome::unusable().error(msg!(CliError, error = m)),
    };
    let lb = match super::load_batch(ui, &args.batch) {
        Ok(lb) => lb,
        Err(refused) => return refused,
    };
    let diags = rules::check(&lb);
    let blocking = rules::blocking(&lb, &diags, &args.cases);
    if !blocking.is_empty() {
        let n = blocking.len();
        let findings = blocking
            .iter()
            .fold(Outcome::failed(), |o, d| o.error(d.render(ui.lang)));
        if !args.allow_errors {
            return findings.error(msg!(RenderBlocked, errors = n));
        }
        // Shown before the long rendering, which goes on.
        ui.show(findings.error(msg!(RenderAllowed, errors = n)));
    }
    let engine = Engine::new(&args.fonts.options(), pdf);
    let opts = RenderOptions {
        out: args.out.clone(),
        cases: args.cases,
        kinds: args.kinds,
        emit_typst: args.emit_typst,
        draft: args.draft || args.allow_errors,
        templates: args.templates.templates,
        rows_per_part: 0,
    };
    let bars = super::progress::for_terminal(ui);
    match render_with(&lb, &engine, &opts, bars.as_ref()) {
        Ok(done) => {
            let pages: usize = done.iter().map(|d| d.pages).sum();
            Outcome::done().line(msg!(
                RenderDone,
                documents = done.len(),
                pages = pages,
                out = &args.out
            ))
        }
        // Told and judged as build's rendering is.
        Err(e) => super::build::stopped(ui, &BuildError::Render(e)),
    }
}

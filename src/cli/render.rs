//! `spotcheck render`: the documents of a batch, or of the cases and kinds asked for. The
//! batch's errors refuse it before anything is written (exit 1); `--allow-errors` makes drafts
//! despite the errors of the rules, never despite a character no font draws.

use spotcheck::app::build::{self, BuildError};
use spotcheck::documents::render::{RenderOptions, render_with};
use spotcheck::msg;

use super::args::RenderArgs;
use super::{Outcome, Ui};

pub fn run(args: RenderArgs, ui: Ui) -> Outcome {
    let (lb, engine) = match super::batch_and_engine(ui, &args.batch, &args.pdf, &args.fonts) {
        Ok(started) => started,
        Err(refused) => return refused,
    };
    let sign_pdf = match super::pdf_signer(&args.sign_pdf) {
        Ok(s) => s,
        Err(refused) => return refused,
    };
    let found = build::preflight_for(&lb, &engine, &args.cases);
    let errors = found.errors().0;
    if !errors.is_empty() {
        let findings = errors
            .iter()
            .fold(Outcome::failed(), |o, d| o.error(d.in_lang(ui.lang)));
        let n = errors.len();
        if !found.passes(args.allow_errors) {
            // --allow-errors helps only when every error is one of the rules.
            return findings.error(if found.fonts.is_empty() {
                msg!(RenderBlocked, errors = n)
            } else {
                msg!(RenderUndrawable, errors = n)
            });
        }
        // Shown before the long rendering, which goes on.
        ui.show(findings.error(msg!(RenderAllowed, errors = n)));
    }
    let opts = RenderOptions {
        out: args.out.clone(),
        cases: args.cases,
        kinds: args.kinds,
        emit_typst: args.emit_typst,
        draft: args.draft || args.allow_errors,
        templates: args.templates.templates,
        rows_per_part: 0,
        all_copies: false,
        ofd: args.ofd.ofd,
        sign_pdf,
        reuse: !args.no_cache,
    };
    let bars = super::progress::for_terminal(ui);
    match render_with(&lb, &engine, &opts, bars.as_ref()) {
        Ok(done) => {
            let pages: usize = done.iter().map(|d| d.pages).sum();
            let done_line = Outcome::done().line(msg!(
                RenderDone,
                documents = done.len(),
                pages = pages,
                out = &args.out
            ));
            match build::reused(&done) {
                Some(m) => done_line.line(m),
                None => done_line,
            }
        }
        // Told and judged as build's rendering is.
        Err(e) => super::build::stopped(ui, &BuildError::Render(e)),
    }
}

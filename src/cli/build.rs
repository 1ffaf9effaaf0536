//! `spotcheck build`: the whole job (check, render, bind, pack), its result as lines or as one
//! JSON object; and how a stopped build or render is told.

use serde_json::json;

use spotcheck::app::build::{self, BuildError, BuildOptions, BuildReport};

use super::args::{BuildArgs, OutputFormat};
use super::{Exit, Outcome, Ui};

pub fn run(args: BuildArgs, ui: Ui) -> Outcome {
    let (lb, engine) = match super::batch_and_engine(ui, &args.batch, &args.pdf, &args.fonts) {
        Ok(started) => started,
        Err(refused) => return refused,
    };
    let passphrase = match spotcheck::archive::sign::passphrase(args.passphrase_file.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            return Outcome::new(Exit::of_key(&e))
                .error(spotcheck::msg!(CliError, error = e.message()));
        }
    };
    let sign_pdf = match super::pdf_signer(&args.sign_pdf) {
        Ok(s) => s,
        Err(refused) => return refused,
    };
    let opts = BuildOptions {
        sign_pdf,
        out: args.out,
        sign: args.sign,
        passphrase,
        templates: args.templates.templates,
        ofd: args.ofd.ofd,
        final_archive: args.final_archive,
        reuse: !args.no_cache,
    };
    let bars = super::progress::for_terminal(ui);
    match build::build_with(&lb, &engine, &opts, bars.as_ref()) {
        Ok(r) => built(&r, args.format.format),
        Err(e) => stopped(ui, &e),
    }
}

fn built(r: &BuildReport, format: OutputFormat) -> Outcome {
    let pages: usize = r.rendered.iter().map(|d| d.pages).sum();
    let a = &r.archive;
    if format == OutputFormat::Json {
        return Outcome::done().json(&json!({
            "documents": r.rendered.len(),
            "reused": r.rendered.iter().filter(|d| d.reused).count(),
            "pages": pages,
            "volume": r.volume,
            "archive": {
                "path": a.path,
                "files": a.files,
                "payload_bytes": a.payload_bytes,
                "archive_bytes": a.archive_bytes,
                "signed": a.signed,
            },
        }));
    }
    r.messages()
        .into_iter()
        .fold(Outcome::done(), |o, m| o.line(m))
}

/// Why a build or a render stopped, and its exit: 1 for the batch's errors or a failed run,
/// 2 for what cannot be used.
pub fn stopped(ui: Ui, e: &BuildError) -> Outcome {
    e.lines(ui.lang)
        .into_iter()
        .fold(Outcome::new(Exit::of_build(e)), |o, l| o.error(l))
}

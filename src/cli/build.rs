//! `spotcheck build`: the whole job (check, render, bind, pack), its result as lines or as one
//! JSON object; and how a stopped build or render is told.

use serde_json::json;

use spotcheck::build::{self, BuildError, BuildOptions, BuildReport};
use spotcheck::documents::render::RenderError;
use spotcheck::msg;

use super::args::{BuildArgs, OutputFormat};
use super::{Exit, Outcome, Ui};

pub fn run(args: BuildArgs, ui: Ui) -> Outcome {
    let (lb, engine) = match super::batch_and_engine(ui, &args.batch, &args.pdf, &args.fonts) {
        Ok(started) => started,
        Err(refused) => return refused,
    };
    let opts = BuildOptions {
        out: args.out,
        sign: args.sign,
        templates: args.templates.templates,
        ofd: args.ofd.ofd,
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
    let archive = if a.signed {
        msg!(
            BuildArchiveSignedAt,
            path = &a.path,
            files = a.files,
            bytes = a.payload_bytes
        )
    } else {
        msg!(
            BuildArchiveAt,
            path = &a.path,
            files = a.files,
            bytes = a.payload_bytes
        )
    };
    let done = Outcome::done().line(msg!(BuildDone, documents = r.rendered.len(), pages = pages));
    r.volume
        .iter()
        .fold(done, |o, v| o.line(msg!(BuildVolumeAt, path = v)))
        .line(archive)
}

/// Why a build or a render stopped, and its exit: 1 for the batch's errors or a failed run,
/// 2 for what cannot be used.
pub fn stopped(ui: Ui, e: &BuildError) -> Outcome {
    let o = Outcome::new(Exit::of_build(e));
    match e {
        BuildError::Check(d) => o
            .error(msg!(BuildCheck, findings = d.in_lang(ui.lang)))
            .error(msg!(BuildCheckCount, errors = d.0.len())),
        BuildError::Key(k) => o.error(msg!(BuildKey, error = k.message())),
        BuildError::Volume(v) => o.error(msg!(BuildVolume, error = v.clone())),
        // An unknown kind or case: an error of the command line.
        BuildError::Render(RenderError::Selection(m)) => o.error(msg!(CliError, error = m.clone())),
        BuildError::Render(r) => o.error(r.in_lang(ui.lang)),
        BuildError::Archive(a) => o.error(a.in_lang(ui.lang)),
    }
}

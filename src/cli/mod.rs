//! The command line: the argument types ([`args`]), the option parser in the user's language
//! ([`text`]), one file per command, the one place that prints results and chooses the exit
//! code ([`outcome`]), and the progress bars of a run ([`progress`]).

pub mod args;
pub mod outcome;
pub mod progress;
pub mod text;

pub mod build;
pub mod check;
pub mod completions;
pub mod credit_code;
pub mod export;
pub mod fonts;
pub mod import;
pub mod init;
pub mod keygen;
pub mod kinds;
pub mod man;
pub mod new_case;
pub mod pack;
pub mod render;
pub mod schema;
pub mod serve;
pub mod status;
pub mod verify;
pub mod watch;

#[cfg(test)]
mod tests;

pub use outcome::{Exit, Outcome, Ui};

use std::path::Path;

use spotcheck::documents::engine::Engine;
use spotcheck::input::load::{self, LoadedBatch};
use spotcheck::msg;

use args::{FontArgs, PdfArgs};

/// The batch folder loaded, or every error with its place, and exit 2: render, build and
/// status need the whole batch.
pub fn load_batch(ui: Ui, batch: &Path) -> Result<LoadedBatch, Outcome> {
    load::load(batch).map_err(|diags| {
        Outcome::unusable()
            .error(diags.in_lang(ui.lang))
            .error(msg!(LoadFailed, errors = diags.0.len()))
    })
}

/// What render and build start from: the PDF settings asked for, the batch loaded, and the
/// engine; or why they cannot start (exit 2).
/// The PDF signer of `--sign-pdf DIR`: its certificate and key read, or what is wrong with
/// them (exit 2).
pub fn pdf_signer(
    args: &args::SignPdfArgs,
) -> Result<Option<std::sync::Arc<spotcheck::documents::pdfsign::PdfSigner>>, Outcome> {
    use spotcheck::documents::pdfsign::PdfSigner;
    let refuse = |m: spotcheck::messages::Message| {
        Outcome::unusable().error(spotcheck::msg!(CliError, error = m))
    };
    let Some(path) = &args.sign_pdf else {
        return Ok(None);
    };
    let password = match &args.pkcs12_password_file {
        Some(f) => match std::fs::read_to_string(f) {
            Ok(text) => Some(text.lines().next().unwrap_or("").to_string()),
            Err(e) => {
                return Err(refuse(spotcheck::msg!(
                    PdfSignRead,
                    path = f,
                    reason = e.to_string()
                )));
            }
        },
        None => None,
    };
    let mut signer = PdfSigner::load(path, password.as_deref()).map_err(|e| refuse(e.0))?;
    if let Some(url) = &args.tsa {
        signer = signer.with_tsa(url).map_err(|e| refuse(e.0))?;
    }
    Ok(Some(std::sync::Arc::new(signer)))
}

pub fn batch_and_engine(
    ui: Ui,
    batch: &Path,
    pdf: &PdfArgs,
    fonts: &FontArgs,
) -> Result<(LoadedBatch, std::sync::Arc<Engine>), Outcome> {
    let settings = pdf
        .settings()
        .map_err(|m| Outcome::unusable().error(msg!(CliError, error = m)))?;
    let lb = load_batch(ui, batch)?;
    Ok((lb, Engine::new(&fonts.options(), settings)))
}

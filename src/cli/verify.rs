//! `spotcheck verify`: an archive against its manifests, and its signature against a public
//! key; the verdict on standard output, the warnings (what RFC 8493 says SHOULD) on standard
//! error, apart from the errors and leaving the exit code.

use spotcheck::archive::sign;
use spotcheck::archive::verify::{VerifyOptions, verify};
use spotcheck::msg;

use super::args::{OutputFormat, VerifyArgs};
use super::{Exit, Outcome, Ui};

pub fn run(args: VerifyArgs, ui: Ui) -> Outcome {
    let public_key = match args
        .pubkey
        .as_deref()
        .map(sign::read_public_key)
        .transpose()
    {
        Ok(k) => k,
        Err(e) => return Outcome::new(Exit::of_key(&e)).error(msg!(CliError, error = e.message())),
    };
    let opts = VerifyOptions {
        public_key,
        complete: args.complete,
        ..VerifyOptions::default()
    };
    let report = verify(&args.archive, &opts);
    let o = Outcome::new(Exit::of_verdict(report.verdict));
    let o = match args.format.format {
        OutputFormat::Text => o.text(report.render(ui.lang)),
        OutputFormat::Json => o.json(&report.to_json(ui.lang)),
    };
    o.error_text(report.render_warnings(ui.lang))
}

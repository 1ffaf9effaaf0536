//! `spotcheck verify`: an archive against its manifests, and its signature against a public
//! key; the verdict on standard output, the warnings (what RFC 8493 says SHOULD) on standard
//! error, apart from the errors and leaving the exit code.

use spotcheck::archive::lookup::lookup;
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
    // --document and --qr: answered after the verdict; a "no" fails the command as damage
    // does, a question that cannot be answered (an unreadable file, a foreign QR text) as an
    // unreadable archive does.
    let answers = lookup(&args.archive, args.document.as_deref(), args.qr.as_deref());
    let exit = answers
        .iter()
        .map(|a| match a.found() {
            Some(true) => Exit::Done,
            Some(false) => Exit::Failed,
            None => Exit::Unusable,
        })
        .fold(Exit::of_verdict(report.verdict), Exit::max);
    let o = Outcome::new(exit);
    let o = match args.format.format {
        OutputFormat::Text => o.text(
            report.in_lang(ui.lang)
                + &answers
                    .iter()
                    .map(|a| a.in_lang(ui.lang))
                    .collect::<String>(),
        ),
        OutputFormat::Json => {
            let mut json = report.to_json(ui.lang);
            if !answers.is_empty() {
                json["lookup"] = answers.iter().map(|a| a.to_json(ui.lang)).collect();
            }
            o.json(&json)
        }
    };
    o.error_text(report.render_warnings(ui.lang))
}

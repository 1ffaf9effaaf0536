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
    // The document's own PDF signatures, beside the archive's word on it.
    let signatures = args
        .document
        .as_deref()
        .and_then(|d| std::fs::read(d).ok())
        .map(|bytes| spotcheck::documents::pdfsign::check(&bytes));
    let broken = signatures
        .iter()
        .flatten()
        .any(|s| !s.intact || !s.covers_whole_file);
    let exit = answers
        .iter()
        .map(|a| match a.found() {
            Some(true) => Exit::Done,
            Some(false) => Exit::Failed,
            None => Exit::Unusable,
        })
        .fold(Exit::of_verdict(report.verdict), Exit::max);
    let exit = if broken {
        Exit::max(exit, Exit::Failed)
    } else {
        exit
    };
    let said = |lang| signature_lines(signatures.as_deref(), lang);
    let o = Outcome::new(exit);
    let o = match args.format.format {
        OutputFormat::Text => o.text(
            report.in_lang(ui.lang)
                + &answers
                    .iter()
                    .map(|a| a.in_lang(ui.lang))
                    .collect::<String>()
                + &said(ui.lang),
        ),
        OutputFormat::Json => {
            let mut json = report.to_json(ui.lang);
            if !answers.is_empty() {
                json["lookup"] = answers.iter().map(|a| a.to_json(ui.lang)).collect();
            }
            if let Some(s) = &signatures {
                json["pdf_signatures"] = serde_json::to_value(s).unwrap_or_default();
            }
            o.json(&json)
        }
    };
    o.error_text(report.render_warnings(ui.lang))
}

/// What the PDF signatures of `--document` say, one line each; nothing without `--document`.
fn signature_lines(
    signatures: Option<&[spotcheck::documents::pdfsign::PdfSignature]>,
    lang: spotcheck::messages::Lang,
) -> String {
    let Some(signatures) = signatures else {
        return String::new();
    };
    if signatures.is_empty() {
        return msg!(VerifyPdfUnsigned).in_lang(lang) + "\n";
    }
    let mut out = String::new();
    for s in signatures {
        // The signature dictionary's /M, D:20240506000000Z.
        let time = chrono::NaiveDateTime::parse_from_str(
            s.time.trim_start_matches("D:").trim_end_matches('Z'),
            "%Y%m%d%H%M%S",
        )
        .map_or_else(
            |_| s.time.clone(),
            |t| format!("{} UTC", t.format("%Y-%m-%d %H:%M:%S")),
        );
        let m = match (s.intact, s.covers_whole_file, &s.problem) {
            (true, true, _) => msg!(VerifyPdfSigned, signer = &s.signer, time = &time),
            (true, false, _) => msg!(VerifyPdfAppended, signer = &s.signer, time = &time),
            (false, _, p) => msg!(
                VerifyPdfBroken,
                signer = &s.signer,
                reason = p.clone().unwrap_or_default()
            ),
        };
        out.push_str(&m.in_lang(lang));
        out.push('\n');
        if let Some(ts) = s.timestamp.as_ref().filter(|_| s.intact) {
            let m = msg!(VerifyPdfTimestamp, time = &ts.time, service = &ts.service);
            out.push_str(&m.in_lang(lang));
            out.push('\n');
        }
    }
    out
}

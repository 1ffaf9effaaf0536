//! How every command ends, in one place: what it shows, on which stream, in which format, and
//! the exit code. A command returns an [`Outcome`]; [`Outcome::finish`] alone prints it and
//! gives the process's exit code. What a command shows while it runs (watch's rounds, the
//! findings `render --allow-errors` renders despite) goes through [`Ui::show`], which prints
//! the same way. The exit code of each kind of failure is chosen here too ([`Exit`]'s
//! constructors), so that the same failure gives the same code in every command.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use spotcheck::app::build::BuildError;
use spotcheck::archive::sign::SignError;
use spotcheck::archive::verify::Verdict;
use spotcheck::messages::{Lang, Message};
use spotcheck::msg;
use spotcheck::rules;

/// How a command ended. The codes are the same for every command (README, "Exit codes");
/// ordered from the best end to the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: done; warnings allowed.
    Done,
    /// 1: the batch has errors (an archive does not verify, a credit code is invalid), or the
    /// run failed.
    Failed,
    /// 2: what was given cannot be used at all: an unreadable batch folder or `batch.yaml`, an
    /// unknown option, kind or case, a bad key, a folder that must not be written into.
    Unusable,
    /// 3 (`verify` only): the archive is intact and signed, but no trusted key was given, so
    /// who signed it is not known.
    Unchecked,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::Failed => 1,
            Exit::Unusable => 2,
            Exit::Unchecked => 3,
        }
    }

    /// `check`: 2 when the batch folder or `batch.yaml` cannot be read, 1 with errors (an
    /// unreadable case file included), else 0.
    pub fn of_check(report: &rules::CheckReport) -> Exit {
        if !report.readable {
            Exit::Unusable
        } else if report.summary.errors > 0 {
            Exit::Failed
        } else {
            Exit::Done
        }
    }

    /// `build` and `render` stopped: 2 for what cannot be used (a bad key, an unknown kind or
    /// case, templates that do not load), 1 for the batch's errors or a failed run.
    pub fn of_build(e: &BuildError) -> Exit {
        if e.is_input_error() {
            Exit::Unusable
        } else {
            Exit::Failed
        }
    }

    /// A key that cannot be read or used is what was given (2, in build and verify alike); key
    /// files that cannot be made, written or would be replaced are a failed run of keygen (1).
    pub fn of_key(e: &SignError) -> Exit {
        match e {
            SignError::Read { .. }
            | SignError::BadSecretKey { .. }
            | SignError::Encrypted(_)
            | SignError::BadPublicKey { .. } => Exit::Unusable,
            SignError::Exists(_)
            | SignError::Write { .. }
            | SignError::Generate(_)
            | SignError::SelfCheck(_) => Exit::Failed,
        }
    }

    /// `verify`: 0 intact, 1 damaged, 2 unreadable, 3 intact but signed by a key not checked.
    pub fn of_verdict(v: Verdict) -> Exit {
        match v {
            Verdict::Intact => Exit::Done,
            Verdict::SignatureUnchecked => Exit::Unchecked,
            Verdict::Damaged => Exit::Failed,
            Verdict::Unreadable => Exit::Unusable,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e.code())
    }
}

/// Text to show: a message of the catalog, made text in the user's language when it is
/// printed, or text made already (findings, reports, JSON).
#[derive(Debug, Clone)]
pub enum Text {
    Msg(Message),
    Made(String),
}

impl From<Message> for Text {
    fn from(m: Message) -> Text {
        Text::Msg(m)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Made(s)
    }
}

/// Where a piece goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    /// Standard output: the result.
    Out,
    /// Standard output, left out with `--quiet`: what a long command is doing.
    Info,
    /// Standard error: always shown.
    Err,
    /// Standard error, left out with `--quiet`.
    Note,
}

/// One thing to show: text with a line break after it, or bytes as they are.
#[derive(Debug, Clone)]
enum Body {
    Line(Text),
    Bytes(Vec<u8>),
}

/// What a command shows, in order, and how it ended.
#[must_use]
#[derive(Debug)]
pub struct Outcome {
    exit: Exit,
    pieces: Vec<(Stream, Body)>,
}

impl Outcome {
    pub fn new(exit: Exit) -> Outcome {
        Outcome {
            exit,
            pieces: Vec::new(),
        }
    }

    pub fn done() -> Outcome {
        Outcome::new(Exit::Done)
    }

    pub fn failed() -> Outcome {
        Outcome::new(Exit::Failed)
    }

    pub fn unusable() -> Outcome {
        Outcome::new(Exit::Unusable)
    }

    #[cfg(test)]
    pub fn exit(&self) -> Exit {
        self.exit
    }

    fn push(mut self, stream: Stream, body: Body) -> Outcome {
        self.pieces.push((stream, body));
        self
    }

    /// A line of the result, on standard output.
    pub fn line(self, t: impl Into<Text>) -> Outcome {
        self.push(Stream::Out, Body::Line(t.into()))
    }

    /// A line of information on standard output, left out with `--quiet`.
    pub fn info(self, t: impl Into<Text>) -> Outcome {
        self.push(Stream::Info, Body::Line(t.into()))
    }

    /// Text of the result as it is, its line breaks included, on standard output.
    pub fn text(self, s: String) -> Outcome {
        self.push(Stream::Out, Body::Bytes(s.into_bytes()))
    }

    /// Bytes of the result (a manual page, a completion script), on standard output.
    pub fn bytes(self, b: Vec<u8>) -> Outcome {
        self.push(Stream::Out, Body::Bytes(b))
    }

    /// The result for programs: `value` as pretty-printed JSON on standard output. A value that
    /// cannot be written as JSON is a failed run (unless what was given could not be used).
    pub fn json<T: Serialize + ?Sized>(self, value: &T) -> Outcome {
        match serde_json::to_string_pretty(value) {
            Ok(s) => self.push(Stream::Out, Body::Line(Text::Made(s))),
            Err(e) => {
                let exit = match self.exit {
                    Exit::Done => Exit::Failed,
                    other => other,
                };
                Outcome { exit, ..self }.error(msg!(CliError, error = e.to_string()))
            }
        }
    }

    /// A line about a problem, on standard error, always shown.
    pub fn error(self, t: impl Into<Text>) -> Outcome {
        self.push(Stream::Err, Body::Line(t.into()))
    }

    /// Text about problems as it is, its line breaks included, on standard error.
    pub fn error_text(self, s: String) -> Outcome {
        self.push(Stream::Err, Body::Bytes(s.into_bytes()))
    }

    /// A line of advice on standard error, left out with `--quiet`.
    pub fn note(self, t: impl Into<Text>) -> Outcome {
        self.push(Stream::Note, Body::Line(t.into()))
    }

    /// Prints what the command shows and gives its exit code.
    pub fn finish(self, ui: Ui) -> ExitCode {
        ui.print(&self.pieces);
        self.exit.into()
    }

    /// Every piece as text in `lang`, with the stream it goes to (`out`, `info`, `err`, `note`).
    #[cfg(test)]
    pub fn shown(&self, lang: Lang) -> Vec<(&'static str, String)> {
        self.pieces
            .iter()
            .map(|(stream, body)| {
                let to = match stream {
                    Stream::Out => "out",
                    Stream::Info => "info",
                    Stream::Err => "err",
                    Stream::Note => "note",
                };
                let text = match body {
                    Body::Line(t) => Ui::text(lang, t),
                    Body::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                };
                (to, text)
            })
            .collect()
    }
}

/// How to speak to the user: the language of every message, and whether notes, lines of
/// information and progress bars are left out (`--quiet`).
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    pub lang: Lang,
    pub quiet: bool,
}

impl Ui {
    /// A message in the user's language, for what the library makes text of itself.
    pub fn t(&self, m: &Message) -> String {
        m.in_lang(self.lang)
    }

    /// Shows `o` at once, while the command goes on; its exit is not the command's.
    pub fn show(&self, o: Outcome) {
        self.print(&o.pieces);
    }

    fn text(lang: Lang, t: &Text) -> String {
        match t {
            Text::Msg(m) => m.in_lang(lang),
            Text::Made(s) => s.clone(),
        }
    }

    /// The only writer of standard output and standard error, besides clap's help and the
    /// progress bars. A closed pipe (`| head`) is not an error of the command: what it found
    /// stands, and so does its exit code.
    fn print(&self, pieces: &[(Stream, Body)]) {
        for (stream, body) in pieces {
            if matches!(stream, Stream::Note | Stream::Info) && self.quiet {
                continue;
            }
            let bytes = match body {
                Body::Line(t) => {
                    let mut s = Ui::text(self.lang, t);
                    s.push('\n');
                    s.into_bytes()
                }
                Body::Bytes(b) => b.clone(),
            };
            let _ = match stream {
                Stream::Out | Stream::Info => std::io::stdout().lock().write_all(&bytes),
                Stream::Err | Stream::Note => std::io::stderr().lock().write_all(&bytes),
            };
        }
        let _ = std::io::stdout().flush();
    }
}

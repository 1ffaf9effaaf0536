//! `spotcheck completions`: a completion script for a shell, with the help in the user's
//! language.

use super::args::CompletionsArgs;
use super::{Outcome, Ui};

pub fn run(args: CompletionsArgs, ui: Ui) -> Outcome {
    let mut cmd = super::text::command(ui.lang);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "spotcheck", &mut script);
    Outcome::done().bytes(script)
}

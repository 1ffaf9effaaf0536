//! The command line: parses the arguments and hands each command to its own file of
//! `src/cli/`, which returns what to show and how it ended; `Outcome::finish` prints it and
//! gives the exit code.

// mimalloc, tuned in main (src/allocator.rs).
#[global_allocator]
static GLOBAL: spotcheck::allocator::Allocator = mimalloc::MiMalloc;

mod cli;

use std::process::ExitCode;

use cli::args::Command;
use cli::{Outcome, Ui};

fn main() -> ExitCode {
    spotcheck::allocator::tune();
    match cli::text::parse(std::env::args_os().collect()) {
        Ok((command, ui)) => run(command, ui).finish(ui),
        Err((refused, ui)) => refused.finish(ui),
    }
}

/// One line per command.
fn run(command: Command, ui: Ui) -> Outcome {
    match command {
        Command::Render(args) => cli::render::run(args, ui),
        Command::Watch(args) => cli::watch::run(args, ui),
        Command::Check(args) => cli::check::run(args, ui),
        Command::Status(args) => cli::status::run(args, ui),
        Command::Build(args) => cli::build::run(args, ui),
        Command::Verify(args) => cli::verify::run(args, ui),
        Command::Keygen(args) => cli::keygen::run(args, ui),
        Command::Schema(args) => cli::schema::run(args, ui),
        Command::Init(args) => cli::init::run(args, ui),
        Command::NewCase(args) => cli::new_case::run(args, ui),
        Command::Import(args) => cli::import::run(args, ui),
        Command::Export(args) => cli::export::run(args, ui),
        Command::Pack(args) => cli::pack::run(args, ui),
        Command::Completions(args) => cli::completions::run(args, ui),
        Command::Man(args) => cli::man::run(args, ui),
        Command::Kinds => cli::kinds::run(ui),
        Command::CreditCode(args) => cli::credit_code::run(args, ui),
        Command::Fonts(args) => cli::fonts::run(args, ui),
        Command::Serve(args) => cli::serve::run(args, ui),
    }
}

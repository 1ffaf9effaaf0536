//! `spotcheck init`: a new batch folder with one example case of each outcome.

use spotcheck::input::scaffold;
use spotcheck::msg;

use super::args::InitArgs;
use super::{Outcome, Ui};

pub fn run(args: InitArgs, _ui: Ui) -> Outcome {
    match scaffold::init(&args.dir) {
        Ok(done) => Outcome::done()
            .line(msg!(InitDone, dir = &done.dir, cases = done.cases))
            .note(msg!(InitNext, dir = &done.dir)),
        // A folder that is not empty, or cannot be made.
        Err(m) => Outcome::unusable().error(m),
    }
}

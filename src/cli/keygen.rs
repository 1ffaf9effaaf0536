//! `spotcheck keygen`: a signing key pair, never replacing one.

use spotcheck::archive::sign;
use spotcheck::msg;

use super::args::KeygenArgs;
use super::{Exit, Outcome, Ui};

pub fn run(args: KeygenArgs, _ui: Ui) -> Outcome {
    match sign::keygen_for(&args.out, args.owner.as_deref()) {
        Ok(k) => Outcome::done()
            .line(msg!(KeygenDone, id = &k.key_id))
            .line(msg!(KeygenSecret, path = &k.secret))
            .line(msg!(KeygenPublic, path = &k.public)),
        Err(e) => Outcome::new(Exit::of_key(&e)).error(msg!(CliError, error = e.message())),
    }
}

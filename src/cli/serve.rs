//! `spotcheck serve`: the batch in the browser. Starts the server of `spotcheck::serve`,
//! prints its address with the token, opens the browser unless told not to, and serves until
//! interrupted.

use std::net::SocketAddr;

use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::msg;
use spotcheck::serve::{self, Config};

use super::args::ServeArgs;
use super::{Outcome, Ui};

pub fn run(args: ServeArgs, ui: Ui) -> Outcome {
    if !args
        .batch
        .join(spotcheck::input::load::BATCH_FILE)
        .is_file()
    {
        // The whole folder's errors, located, as the other commands give them.
        if let Err(refused) = super::load_batch(ui, &args.batch) {
            return refused;
        }
    }
    let token = match args.token {
        Some(t) if serve::token_is_acceptable(&t) => t,
        Some(_) => return Outcome::unusable().error(msg!(ServeBadToken)),
        // The batch folder's own token, kept across restarts; a fresh one for this run when
        // it cannot be kept.
        None => match serve::state_dir().map(|d| serve::stable_token(&d, &args.batch)) {
            Some(Ok(t)) => t,
            _ => match serve::new_token() {
                Ok(t) => t,
                Err(e) => return Outcome::failed().error(msg!(CliError, error = e.to_string())),
            },
        },
    };
    let config = Config {
        batch: args.batch.clone(),
        out: args.out,
        lang: ui.lang,
        token,
        today: args.today,
        engine: Engine::new(&args.fonts.options(), PdfSettings::default()),
        access_log: args.log.clone(),
        header_timeout: serve::HEADER_TIMEOUT,
    };
    let addr = SocketAddr::new(args.listen, args.port);
    let server = match serve::start(addr, config) {
        Ok(s) => s,
        Err(e) => {
            return Outcome::unusable().error(msg!(
                ServeCannotStart,
                addr = addr.to_string(),
                error = e.to_string()
            ));
        }
    };
    ui.show(Outcome::done().info(msg!(
        ServeListening,
        dir = args.batch.display().to_string(),
        url = server.url.clone()
    )));
    if !args.no_open {
        // A browser that cannot be opened is no failure: the address is printed.
        let _ = webbrowser::open(&server.url);
    }
    match server.wait() {
        Ok(()) => Outcome::done(),
        Err(e) => Outcome::failed().error(msg!(ServeStopped, error = e.to_string())),
    }
}

//! `spotcheck watch`: the live preview. Each round's lines are shown as they come, stamped with
//! the time; the watch goes on past every error of the batch.

use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::documents::watch::{self, Event, WatchOptions};

use super::args::WatchArgs;
use super::{Outcome, Ui};

pub fn run(args: WatchArgs, ui: Ui) -> Outcome {
    let engine = Engine::new(&args.fonts.options(), PdfSettings::default());
    let opts = WatchOptions {
        out: args.out,
        templates: args.templates.templates,
        draft: args.draft,
        ofd: args.ofd.ofd,
        max_rounds: args.max_rounds,
    };
    let mut report = |r: Event| {
        let time = chrono::Local::now().format("%H:%M:%S");
        let line = Outcome::done();
        ui.show(match r {
            Event::Info(m) => line.info(format!("[{time}] {}", ui.t(&m))),
            Event::Problem(m) => line.error(format!("[{time}] {}", ui.t(&m))),
            Event::Finding(d) => line.error(d.in_lang(ui.lang)),
            Event::Failed(e) => line.error(format!("[{time}] {}", e.in_lang(ui.lang))),
        });
    };
    match watch::watch(&args.batch, &engine, &opts, &mut report) {
        Ok(()) => Outcome::done(),
        // The batch folder or the templates folder cannot be watched.
        Err(m) => Outcome::unusable().error(m),
    }
}

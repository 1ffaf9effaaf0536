//! `spotcheck man`: the manual page of the whole command, or one page per command written into
//! a folder.

use spotcheck::msg;

use super::args::ManArgs;
use super::{Outcome, Ui};

pub fn run(args: ManArgs, ui: Ui) -> Outcome {
    let cmd = super::text::command(ui.lang);
    let Some(dir) = args.out else {
        let mut page = Vec::new();
        return match clap_mangen::Man::new(cmd).render(&mut page) {
            Ok(()) => Outcome::done().bytes(page),
            Err(e) => Outcome::failed().error(msg!(CliError, error = e.to_string())),
        };
    };
    let mut pages = vec![("spotcheck".to_string(), cmd.clone())];
    for sub in cmd.get_subcommands() {
        let name = format!("spotcheck-{}", sub.get_name());
        pages.push((name.clone(), sub.clone().name(name)));
    }
    for (name, page) in pages {
        let mut buf = Vec::new();
        let path = dir.join(format!("{name}.1"));
        let written = clap_mangen::Man::new(page)
            .render(&mut buf)
            .and_then(|()| spotcheck::output::write_atomic(&path, &buf));
        if let Err(e) = written {
            return Outcome::failed().error(msg!(InitWrite, path = &path, error = e.to_string()));
        }
    }
    Outcome::done()
}

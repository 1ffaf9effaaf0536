//! `spotcheck fonts`: the family chain of each style and every font in use, with where it
//! comes from.

use spotcheck::documents::engine::{Engine, PdfSettings};

use super::args::FontsArgs;
use super::{Outcome, Ui};

pub fn run(args: FontsArgs, ui: Ui) -> Outcome {
    let engine = Engine::new(&args.fonts.options(), PdfSettings::default());
    let f = &engine.fonts;
    let mut o = Outcome::done();
    for (style, chain) in &f.chains {
        o = o.line(format!("{}: {}", ui.t(&style.label()), chain.join(" → ")));
    }
    o = o.line(String::new());
    let book = f.store.book();
    for &i in &f.in_use {
        if let Some(info) = book.info(i) {
            let origin = f.origins.get(i).map(String::as_str).unwrap_or("");
            o = o.line(format!("  {}  {:?}  {}", info.family, info.variant, origin));
        }
    }
    o
}

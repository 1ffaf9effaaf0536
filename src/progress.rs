//! Progress of the long stages (rendering, binding, packing), reported through a small trait
//! so that the library stays silent and the command line decides how to show it: bars on a
//! terminal (indicatif), nothing when piped or with `--quiet`.

use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::messages::{Lang, Msg};

/// A long stage of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Compiling the documents; one step per document.
    Render,
    /// Binding the volume.
    Volume,
    /// Packing the archive.
    Archive,
}

impl Stage {
    fn label(self) -> Msg {
        match self {
            Stage::Render => Msg::ProgressRender,
            Stage::Volume => Msg::ProgressVolume,
            Stage::Archive => Msg::ProgressArchive,
        }
    }
}

/// Told where a run stands. Every method has an empty default; calls come from several
/// threads at once.
pub trait Progress: Send + Sync {
    /// A stage begins with `total` steps (0 when it is one step of unknown length).
    fn start(&self, _stage: Stage, _total: u64) {}
    /// One step of the stage is done.
    fn tick(&self, _stage: Stage) {}
    /// The stage is over.
    fn finish(&self, _stage: Stage) {}
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {}

/// Bars on standard error, one per stage.
pub struct Bars {
    lang: Lang,
    multi: MultiProgress,
    bars: Mutex<Vec<(Stage, ProgressBar)>>,
}

impl Bars {
    pub fn new(lang: Lang) -> Bars {
        Bars {
            lang,
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            bars: Mutex::new(Vec::new()),
        }
    }

    fn bar(&self, stage: Stage) -> Option<ProgressBar> {
        let bars = self.bars.lock().ok()?;
        bars.iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, b)| b.clone())
    }
}

impl Progress for Bars {
    fn start(&self, stage: Stage, total: u64) {
        let label = stage.label().template(self.lang);
        let bar = if total > 0 {
            let style = ProgressStyle::with_template(
                "{prefix:>10} [{bar:30}] {pos}/{len} {elapsed_precise} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            self.multi.add(ProgressBar::new(total).with_style(style))
        } else {
            let style = ProgressStyle::with_template("{prefix:>10} {spinner} {elapsed_precise}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            let bar = self.multi.add(ProgressBar::new_spinner().with_style(style));
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        };
        bar.set_prefix(label);
        if let Ok(mut bars) = self.bars.lock() {
            bars.retain(|(s, _)| *s != stage);
            bars.push((stage, bar));
        }
    }

    fn tick(&self, stage: Stage) {
        if let Some(b) = self.bar(stage) {
            b.inc(1);
        }
    }

    fn finish(&self, stage: Stage) {
        if let Some(b) = self.bar(stage) {
            b.finish();
        }
    }
}

/// Bars when standard error is a terminal and the user did not ask for quiet; otherwise
/// nothing, so that piped output stays plain lines.
pub fn for_terminal(lang: Lang, quiet: bool) -> Box<dyn Progress> {
    use std::io::IsTerminal;
    if !quiet && std::io::stderr().is_terminal() {
        Box::new(Bars::new(lang))
    } else {
        Box::new(Silent)
    }
}

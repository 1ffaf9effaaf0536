//! The progress of a run as bars on the terminal (indicatif): what the library reports through
//! [`Progress`], drawn. Nothing is drawn when standard error is not a terminal or with
//! `--quiet`, so that piped output stays plain lines.

use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use spotcheck::messages::Lang;
use spotcheck::progress::{Phase, Progress, Silent};

use super::Ui;

/// Bars on standard error, one per stage.
pub struct Bars {
    lang: Lang,
    multi: MultiProgress,
    bars: Mutex<Vec<(Phase, ProgressBar)>>,
}

impl Bars {
    pub fn new(lang: Lang) -> Bars {
        Bars {
            lang,
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            bars: Mutex::new(Vec::new()),
        }
    }

    fn bar(&self, stage: Phase) -> Option<ProgressBar> {
        let bars = self.bars.lock().ok()?;
        bars.iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, b)| b.clone())
    }
}

impl Progress for Bars {
    fn start(&self, stage: Phase, total: u64) {
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

    fn tick(&self, stage: Phase) {
        if let Some(b) = self.bar(stage) {
            b.inc(1);
        }
    }

    fn finish(&self, stage: Phase) {
        if let Some(b) = self.bar(stage) {
            b.finish();
        }
    }
}

/// Bars when standard error is a terminal and the user did not ask for quiet; otherwise
/// nothing.
pub fn for_terminal(ui: Ui) -> Box<dyn Progress> {
    use std::io::IsTerminal;
    if !ui.quiet && std::io::stderr().is_terminal() {
        Box::new(Bars::new(ui.lang))
    } else {
        Box::new(Silent)
    }
}

//! The progress of a run through its long phases (rendering, binding, packing), reported
//! through a small trait so that the library stays silent and its caller decides how to show
//! it. The command line draws bars on a terminal and nothing when piped or with `--quiet`
//! (`src/cli/progress.rs`). Where a batch stands against its plan is another matter:
//! `rules::status`.

use crate::messages::Msg;

/// A long phase of a run (not a case's stage, `model::Stage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Compiling the documents; one step per document.
    Render,
    /// Binding the volume.
    Volume,
    /// Packing the archive.
    Archive,
}

impl Phase {
    /// The stage's name, as a progress bar shows it.
    pub fn label(self) -> Msg {
        match self {
            Phase::Render => Msg::ProgressRender,
            Phase::Volume => Msg::ProgressVolume,
            Phase::Archive => Msg::ProgressArchive,
        }
    }
}

/// Told where a run stands. Every method has an empty default; calls come from several
/// threads at once.
pub trait Progress: Send + Sync {
    /// A stage begins with `total` steps (0 when it is one step of unknown length).
    fn start(&self, _stage: Phase, _total: u64) {}
    /// One step of the stage is done.
    fn tick(&self, _stage: Phase) {}
    /// The stage is over.
    fn finish(&self, _stage: Phase) {}
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {}

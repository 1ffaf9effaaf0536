//! The bound volume (合订本): cover, contents, then the qualified reports, the unqualified
//! reports and the sampling sheets, every page numbered continuously.

use std::path::{Path, PathBuf};

use crate::engine::Engine;
use crate::load::LoadedBatch;
use crate::render::Rendered;

/// Binds the rendered documents of a batch into `OUT/volume/<batch id>-合订本.pdf`.
pub fn bind(_lb: &LoadedBatch, _engine: &Engine, _rendered: &[Rendered], _out: &Path) -> Result<PathBuf, String> {
    Err("合订本尚未实现".into())
}

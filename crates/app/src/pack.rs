//! `pack`, for the command line and the work page alike: the cases the selection names, refused
//! when any of them is wrong in a way a blank on paper would not mend, then the visit packs.

use spotcheck_core::diag::Diagnostic;
use spotcheck_core::messages::Message;
use spotcheck_core::progress::Progress;
use spotcheck_documents::engine::Engine;
use spotcheck_documents::pack::{PackOptions, PackWritten, pack_with, refusals, selection};
use spotcheck_input::load::LoadedBatch;

/// Why no pack was made.
#[derive(Debug)]
pub enum PackError {
    /// The selection names nothing that can be packed (an unknown case or a day without one).
    Selection(Message),
    /// The findings that refuse the selected cases: what is still to be written prints as a
    /// blank, anything else wrong is corrected first.
    Refused(Vec<Diagnostic>),
    /// Writing the packs failed.
    Failed(Message),
}

/// The visit packs `opts` selects, telling `progress` of each visit.
pub fn pack(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &PackOptions,
    progress: &dyn Progress,
) -> Result<Vec<PackWritten>, PackError> {
    let packed = selection(lb, &opts.dates, &opts.cases).map_err(PackError::Selection)?;
    let errors = refusals(lb, engine, &packed);
    if !errors.is_empty() {
        return Err(PackError::Refused(errors));
    }
    pack_with(lb, engine, opts, progress).map_err(PackError::Failed)
}

//! The batch folder as the program reads it: the typed model of `batch.yaml` and of a case
//! file, the YAML reader that locates every error, the loader of a whole folder, the batch's
//! numbers computed once from it, and the scaffold that starts a batch or a case.

pub mod codes;
pub mod evidence;
pub mod kinds;
pub mod load;
pub mod lock;
pub mod model;
pub mod money;
pub mod prefixes;
pub mod scaffold;
pub mod sheet;
pub mod stats;
pub mod synth;
pub mod width;
pub mod yaml;
pub mod yaml_text;

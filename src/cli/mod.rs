//! The command line: argument types, one file per command, and how results are shown.

pub mod progress;
pub mod text;

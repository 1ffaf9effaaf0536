//! Integration tests, in one binary so that typst and the embedded fonts link once.

mod archive;
mod check;
mod cli;
mod common;
mod documents;
mod escaping;
mod fonts;
mod hostile;
mod pipeline;
mod status;
mod ux;
mod volume;
mod yaml_errors;

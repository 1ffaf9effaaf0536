//! Integration tests, in one binary so that typst and the embedded fonts link once.

mod archive;
mod cli;
mod common;
mod documents;
mod escaping;
mod fonts;
mod pipeline;
mod yaml_errors;

//! Integration tests, in one binary so that typst and the embedded fonts link once.

mod archive;
mod bagit;
mod bureau;
mod check;
mod cli;
mod common;
mod documents;
mod escaping;
mod fonts;
mod hostile;
mod interrupt;
mod layout;
mod numbers;
mod ofd;
mod oracle;
mod pages;
mod pipeline;
mod status;
mod synth;
mod ux;
mod verify_lang;
mod volume;
mod yaml_errors;

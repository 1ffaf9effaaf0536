//! spotcheck: the paperwork of product quality supervision spot checks (产品质量监督抽查),
//! from a folder of YAML case files to printable PDFs.
//!
//! The pipeline flows one way: [`load`] reads and types the batch folder, [`render`] turns each
//! case into the documents of the [`catalog`] through Tera templates and Typst ([`engine`]),
//! [`volume`] binds them, and [`archive`] seals everything in a BagIt zip that [`verify`]
//! checks later, optionally signed ([`sign`]). [`build`] runs the whole job.
//! [`check`] applies the rules of the batch notice to a loaded batch, [`status`] reports its
//! progress against the plan and the deadlines on a given day.

pub mod allocator;
pub mod annex;
pub mod archive;
pub mod bagit;
pub mod build;
pub mod catalog;
pub mod check;
pub mod clitext;
pub mod diag;
pub mod engine;
pub mod fonts;
pub mod format;
pub mod load;
pub mod messages;
pub mod model;
pub mod output;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod sign;
pub mod stats;
pub mod status;
pub mod synth;
pub mod templates;
pub mod verify;
pub mod view;
pub mod volume;
pub mod watch;
pub mod width;
pub mod xlsx;
pub mod yaml;

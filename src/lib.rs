//! spotcheck: the paperwork of product quality supervision spot checks (产品质量监督抽查),
//! from a folder of YAML case files to printable PDFs and an archive.
//!
//! The folders follow the pipeline, and data flows one way through them:
//!
//! - [`input`]: the batch folder read and typed (`batch.yaml`, the case files), every field
//!   located; the batch's numbers ([`input::stats`]); starting a batch (`init`, `new-case`).
//! - [`rules`]: the rules of the notice over a loaded batch, as a typed registry; where the
//!   batch stands on a day ([`rules::status`]).
//! - [`documents`]: the kinds of document, their views, the Tera templates, Typst in process,
//!   the fonts, rendering, the spreadsheet, the bound volume, the live preview.
//! - [`archive`]: the BagIt bag in a zip, its signature, and `verify`.
//! - [`build`] runs the whole job; [`messages`] holds every sentence a user reads;
//!   [`diag`] is the located finding every stage reports.
//! - [`serve`]: the batch in the browser (`spotcheck serve`).

pub mod allocator;
pub mod app;
pub mod archive;
pub mod clock;
pub mod diag;
pub mod documents;
pub mod input;
pub mod messages;
pub mod output;
pub mod progress;
pub mod rules;
pub mod serve;
pub mod text;

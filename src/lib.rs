//! spotcheck: the paperwork of product quality supervision spot checks (产品质量监督抽查),
//! from a folder of YAML case files to printable PDFs and an archive.
//!
//! The crates of the workspace follow the pipeline, and each depends only on those before it
//! (docs/ARCHITECTURE.md); this crate is the command line, and names them for it, the
//! benchmarks and the tests:
//!
//! - [`messages`], [`diag`], [`output`], [`text`], [`clock`], [`progress`] (spotcheck-core):
//!   every sentence a user reads, the located finding every stage reports and the registry of
//!   rules, atomic writes, text helpers, the day of the run, progress reports.
//! - [`input`] (spotcheck-input): the batch folder read and typed, every field located; the
//!   batch's numbers; the kinds of document; starting a batch (`init`, `new-case`).
//! - [`rules`] (spotcheck-rules): the rules of the notice over a loaded batch; where the batch
//!   stands on a day.
//! - [`documents`] (spotcheck-documents): views, Tera templates, Typst in process, fonts,
//!   rendering, the spreadsheet, the bound volume, the live preview, PDF signatures.
//! - [`archive`] (spotcheck-archive): the BagIt bag in a zip, its signature, and `verify`.
//! - [`app`] (spotcheck-app): the use cases both front ends call (`build`, `import`,
//!   `export`).
//! - [`serve`] (spotcheck-serve): the batch in the browser (`spotcheck serve`).

pub mod allocator;

pub use spotcheck_app as app;
pub use spotcheck_archive as archive;
pub use spotcheck_core::{clock, diag, messages, msg, output, progress, text};
pub use spotcheck_documents as documents;
pub use spotcheck_input as input;
pub use spotcheck_rules as rules;
pub use spotcheck_serve as serve;

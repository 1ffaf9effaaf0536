//! The documents: which kinds exist ([`kinds`]), what each template receives ([`view`],
//! [`format`]), the Tera templates ([`templates`]), Typst in process ([`engine`], [`fonts`]),
//! rendering them all ([`render`]), the summary spreadsheet ([`xlsx`]), the attached annexes
//! ([`annex`]), the bound volume ([`volume`]) and the live preview ([`watch`]).

pub mod analysis;
pub mod annex;
pub mod bind;
pub mod cache;
pub mod engine;
pub mod fonts;
pub mod format;
pub mod notice;
pub mod ofd;
pub mod pack;
pub mod pdfmeta;
pub mod pdfsign;
pub mod qr;
pub mod render;
pub mod templates;
pub mod view;
pub mod volume;
pub mod watch;
pub mod xlsx;

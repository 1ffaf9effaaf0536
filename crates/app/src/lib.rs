//! The use cases both front ends (the command line and `serve`) call: the whole job
//! (`build`), the visit pack (`pack`), and the lab's lists (`import` of an enterprise list,
//! `export` of the ledger).

pub mod build;
pub mod ledger;
pub mod pack;

//! The document catalog: which documents exist for a batch. One row per kind; adding a form
//! means adding a row here and a template under templates/.

use crate::input::model::{Case, Outcome};

/// Whether a kind is made once per case or once per batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Case,
    Batch,
}

/// One kind of document.
pub struct Kind {
    /// Stable id, used by `--kind` and as the output file's stem.
    pub id: &'static str,
    /// The Chinese title printed on the document.
    pub title: &'static str,
    pub scope: Scope,
    /// For per-case kinds: whether the case needs this document.
    pub applies: fn(&Case) -> bool,
    /// Template file name under templates/.
    pub template: &'static str,
    /// The template's text, embedded so that the binary works alone.
    pub source: &'static str,
}

impl Kind {
    /// The output file name (`sampling-sheet.pdf`).
    pub fn file_name(&self, ext: &str) -> String {
        format!("{}.{ext}", self.id)
    }
}

/// Every visit made: a planned case has its forms only in the visit pack.
fn every_visit(c: &Case) -> bool {
    !c.is_planned()
}
fn sampled(c: &Case) -> bool {
    c.outcome == Some(Outcome::Sampled)
}
fn refused(c: &Case) -> bool {
    c.outcome == Some(Outcome::Refused)
}
fn not_sampled(c: &Case) -> bool {
    c.outcome == Some(Outcome::NotSampled)
}
fn tested(c: &Case) -> bool {
    c.is_tested()
}

macro_rules! template {
    ($name:literal) => {
        ($name, include_str!(concat!("../../templates/", $name)))
    };
}

const fn kind(
    id: &'static str,
    title: &'static str,
    scope: Scope,
    applies: fn(&Case) -> bool,
    template: (&'static str, &'static str),
) -> Kind {
    Kind {
        id,
        title,
        scope,
        applies,
        template: template.0,
        source: template.1,
    }
}

/// Every kind of document, in the order a case's paperwork is produced, then the batch's.
#[rustfmt::skip]
pub static CATALOG: &[Kind] = &[
    kind("notice",           "产品质量监督抽查通知书",                 Scope::Case,  every_visit, template!("notice.typ.tera")),
    kind("sampling-sheet",   "产品质量监督抽查/复查抽样单",            Scope::Case,  sampled,     template!("sampling-sheet.typ.tera")),
    kind("payment-slip",     "产品质量监督抽查样品付费单",             Scope::Case,  sampled,     template!("payment-slip.typ.tera")),
    kind("sealing-notice",   "产品质量监督抽查样品封存和处置告知单",   Scope::Case,  sampled,     template!("sealing-notice.typ.tera")),
    kind("refusal-form",     "产品质量监督抽查拒检认定表",             Scope::Case,  refused,     template!("refusal-form.typ.tera")),
    kind("no-sample-sheet",  "未抽样品工作单",                         Scope::Case,  not_sampled, template!("no-sample-sheet.typ.tera")),
    kind("feedback-sheet",   "产品质量监督抽查工作质量及工作纪律反馈单", Scope::Case, every_visit, template!("feedback-sheet.typ.tera")),
    kind("report",           "检验报告",                               Scope::Case,  tested,      template!("report.typ.tera")),
    kind("result-notice",    "检验结果通知书",                         Scope::Case,  tested,      template!("result-notice.typ.tera")),
    kind("batch-notice",     "抽查通知",                               Scope::Batch, every_visit, template!("batch-notice.typ.tera")),
    kind("qualified-list",   "合格产品企业名单",                       Scope::Batch, every_visit, template!("company-list.typ.tera")),
    kind("unqualified-list", "不合格产品企业名单",                     Scope::Batch, every_visit, template!("company-list.typ.tera") ),
    kind("summary-table",    "检验情况汇总表",                         Scope::Batch, every_visit, template!("summary-table.typ.tera")),
    kind("analysis-report",  "质量分析报告",                           Scope::Batch, every_visit, template!("analysis-report.typ.tera")),
];

/// The per-batch kinds each lab also makes of its own share when several labs share a batch:
/// each lab reports its own lots to the bureau.
pub const PER_LAB: &[&str] = &["summary-table", "analysis-report"];

pub fn find(id: &str) -> Option<&'static Kind> {
    CATALOG.iter().find(|k| k.id == id)
}

//! The document catalog: which documents exist for a batch. One row per kind; adding a form
//! means adding a row here and a template under templates/.

use crate::model::{Batch, Case, Outcome};

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
    /// Who holds each copy (联) of the paper original, first copy first, unless `batch.yaml`
    /// says otherwise (`copies`); one holder means one copy, printed without a copy label.
    pub copies: &'static [&'static str],
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
/// A lot sampled at a seller whose nominal manufacturer was asked to confirm it (样品确认).
fn maker_asked(c: &Case) -> bool {
    c.outcome == Some(Outcome::Sampled) && c.manufacturer.is_some() && c.confirmation.is_some()
}
/// An objection the bureau has decided on (受理 or 不予受理).
fn objection_decided(c: &Case) -> bool {
    c.is_tested()
        && c.objection
            .as_ref()
            .is_some_and(|o| o.accepted.is_some() && o.decided_on.is_some())
}
/// A re-test (复检) with its report issued.
fn retested(c: &Case) -> bool {
    c.is_tested() && c.retest().is_some_and(|r| r.is_reported())
}

const fn kind(
    id: &'static str,
    title: &'static str,
    scope: Scope,
    applies: fn(&Case) -> bool,
    template: &'static str,
    copies: &'static [&'static str],
) -> Kind {
    Kind {
        id,
        title,
        scope,
        applies,
        template,
        copies,
    }
}

/// One copy, for the kinds whose paper original has no copies.
const ONE: &[&str] = &[""];

// The copies of the paper originals, as their footnotes and the notice's rules say.
const NOTICE_COPIES: &[&str] = &["组织抽查部门留存", "受检单位留存", "抽样后寄回组织抽查部门"];
const SHEET_COPIES: &[&str] = &["承检机构留存", "随样品流转", "受检单位留存"];
const SLIP_COPIES: &[&str] = &["承检机构报销凭证", "受检单位留存"];
const SEALING_COPIES: &[&str] = &["承检机构留存", "受检单位留存"];
const REFUSAL_COPIES: &[&str] = &["承检机构留存", "报送组织抽查部门", "属地监管部门留存"];
const NO_SAMPLE_COPIES: &[&str] = &["承检机构留存", "报组织抽查部门备案"];

/// Every kind of document, in the order a case's paperwork is produced, then the batch's.
#[rustfmt::skip]
pub static CATALOG: &[Kind] = &[
    kind("notice",           "产品质量监督抽查通知书",                 Scope::Case,  every_visit, "notice.typ.tera", NOTICE_COPIES),
    kind("sampling-sheet",   "产品质量监督抽查/复查抽样单",            Scope::Case,  sampled,     "sampling-sheet.typ.tera", SHEET_COPIES),
    kind("payment-slip",     "产品质量监督抽查样品付费单",             Scope::Case,  sampled,     "payment-slip.typ.tera", SLIP_COPIES),
    kind("sealing-notice",   "产品质量监督抽查样品封存和处置告知单",   Scope::Case,  sampled,     "sealing-notice.typ.tera", SEALING_COPIES),
    kind("refusal-form",     "产品质量监督抽查拒检认定表",             Scope::Case,  refused,     "refusal-form.typ.tera", REFUSAL_COPIES),
    kind("no-sample-sheet",  "未抽样品工作单",                         Scope::Case,  not_sampled, "no-sample-sheet.typ.tera", NO_SAMPLE_COPIES),
    kind("feedback-sheet",   "产品质量监督抽查工作质量及工作纪律反馈单", Scope::Case, every_visit, "feedback-sheet.typ.tera", ONE),
    kind("report",           "检验报告",                               Scope::Case,  tested,      "report.typ.tera", ONE),
    kind("result-notice",    "检验结果通知书",                         Scope::Case,  tested,      "result-notice.typ.tera", ONE),
    kind("confirmation-notice", "产品质量监督抽查样品确认通知书",      Scope::Case,  maker_asked, "confirmation-notice.typ.tera", ONE),
    kind("objection-decision", "产品质量监督抽查复检申请处理决定书",   Scope::Case,  objection_decided, "objection-decision.typ.tera", ONE),
    kind("retest-report",    "复检报告",                               Scope::Case,  retested,    "report.typ.tera", ONE),
    kind("final-notice",     "产品质量监督抽查复检结论通知书",         Scope::Case,  retested,    "final-notice.typ.tera", ONE),
    kind("batch-notice",     "抽查通知",                               Scope::Batch, every_visit, "batch-notice.typ.tera", ONE),
    kind("qualified-list",   "合格产品企业名单",                       Scope::Batch, every_visit, "company-list.typ.tera", ONE),
    kind("unqualified-list", "不合格产品企业名单",                     Scope::Batch, every_visit, "company-list.typ.tera", ONE),
    kind("summary-table",    "检验情况汇总表",                         Scope::Batch, every_visit, "summary-table.typ.tera", ONE),
    kind("analysis-report",  "质量分析报告",                           Scope::Batch, every_visit, "analysis-report.typ.tera", ONE),
];

/// The per-batch kinds each lab also makes of its own share when several labs share a batch:
/// each lab reports its own lots to the bureau.
pub const PER_LAB: &[&str] = &["summary-table", "analysis-report"];

pub fn find(id: &str) -> Option<&'static Kind> {
    CATALOG.iter().find(|k| k.id == id)
}

/// The most copies a kind may have (第一联 to 第十联).
pub const MAX_COPIES: usize = 10;

/// One copy (联) of a document: its number, from 1, of how many, and who holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCopy {
    pub number: usize,
    pub count: usize,
    pub holder: String,
}

impl PrintCopy {
    /// The label printed at the foot of every page, `第二联　随样品流转`; none for a kind made
    /// in one copy.
    pub fn label(&self) -> Option<String> {
        (self.count > 1).then(|| {
            format!(
                "第{}联　{}",
                spotcheck_core::text::numeral_cn(self.number),
                self.holder
            )
        })
    }
}

impl Kind {
    /// The copies of this kind for `batch`: as `batch.yaml` lists them (`copies`), else the
    /// paper original's. A per-batch document is made once.
    pub fn copies(&self, batch: &Batch) -> Vec<PrintCopy> {
        let holders: Vec<&str> = match batch.copies.get(self.id) {
            _ if self.scope == Scope::Batch => ONE.to_vec(),
            Some(list) if !list.is_empty() => {
                list.iter().map(String::as_str).take(MAX_COPIES).collect()
            }
            _ => self.copies.to_vec(),
        };
        let count = holders.len();
        holders
            .into_iter()
            .enumerate()
            .map(|(i, h)| PrintCopy {
                number: i + 1,
                count,
                holder: h.to_string(),
            })
            .collect()
    }
}

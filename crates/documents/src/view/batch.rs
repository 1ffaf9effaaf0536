//! What the documents of the batch, or of one lab's share of it, receive: the plan, the
//! lists, the summary rows, the numbers, the titles.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::analysis_text;
use crate::format::{date_cn, join_cn};
use crate::notice::{Arrangement, Paragraph, notice_paragraphs, title_in_lines, title_lines};
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::{
    AnnexContent, Batch, Case, ListColumn, Outcome, Product, Stage, Verdict,
};
use spotcheck_input::stats::{self, BatchStats, Counts, ItemFailures, Share};

use super::*;

// ---------------------------------------------------------------------------------------------
// The batch, or one lab's share of it
// ---------------------------------------------------------------------------------------------

/// A row of the plan (附件 1) as printed.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    pub no: usize,
    pub category: String,
    pub lots: u32,
    /// What the 承检单位 column prints: `lab_note`, else the lab's name.
    pub lab: String,
    pub lab_name: String,
    pub scope: String,
    pub remark: String,
}

/// A row of the qualified or unqualified list.
#[derive(Debug, Clone, Serialize)]
pub struct ListRow {
    pub no: usize,
    pub id: String,
    pub category: String,
    pub product: String,
    pub trademark: String,
    pub model: String,
    pub batch: String,
    pub party: String,
    pub(crate) domain: &'static str,
    /// An online lot's platform and shop, `—` for a lot on site.
    pub(crate) shop: String,
    /// The nominal manufacturer by name (the party when it made the product), `—` when
    /// nothing was sampled.
    pub manufacturer: String,
    pub lab: String,
    pub remark: String,
    /// What the row prints, a cell for each of the lists' columns, in their order.
    pub cells: Vec<String>,
}

impl ListRow {
    /// The value of one column.
    pub fn cell(&self, col: ListColumn) -> String {
        match col {
            ListColumn::No => self.no.to_string(),
            ListColumn::Category => self.category.clone(),
            ListColumn::Product => self.product.clone(),
            ListColumn::Trademark => self.trademark.clone(),
            ListColumn::Model => self.model.clone(),
            ListColumn::Batch => self.batch.clone(),
            ListColumn::Party => self.party.clone(),
            ListColumn::Domain => self.domain.to_string(),
            ListColumn::Shop => self.shop.clone(),
            ListColumn::Manufacturer => self.manufacturer.clone(),
            ListColumn::Lab => self.lab.clone(),
            ListColumn::Remark => self.remark.clone(),
        }
    }
}

/// A column of the lists as the templates show it: its id (which the layout uses to keep
/// names whole) and its title.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListColumnView {
    pub id: ListColumn,
    pub header: &'static str,
}

/// One row of the summary table (检验情况汇总表), for the PDF and the spreadsheet alike.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryRow {
    pub no: usize,
    pub id: String,
    pub category: String,
    pub domain: &'static str,
    /// The lab that handled the case.
    pub lab: String,
    pub party: String,
    /// An online lot's platform and shop, `示例购物平台 示例旗舰店`; empty for a lot on site.
    pub shop: String,
    /// The nominal manufacturer, or the party itself when it made the product; empty when
    /// nothing was sampled.
    pub manufacturer: String,
    pub product: String,
    pub model: String,
    pub batch: String,
    pub standard: String,
    pub date: NaiveDate,
    /// The visit's date as the printed table writes it (2023年3月2日).
    pub date_cn: String,
    pub report_no: String,
    pub conclusion: &'static str,
    pub failed: String,
    /// `2023-03-25 EMS 1234567890123`, empty until delivered (the spreadsheet's cell).
    pub delivery: String,
    /// The same in its parts (the date written 2023年3月25日, the method, the tracking number),
    /// a line each on paper.
    pub(crate) delivery_parts: Vec<String>,
}

/// The column titles of the summary table, in the order of [`SummaryRow`]'s fields.
pub(crate) const SUMMARY_HEADERS: [&str; 16] = [
    "序号",
    "抽样单编号",
    "产品类别",
    "领域",
    "承检机构",
    "受检单位",
    "标称生产者",
    "样品名称",
    "规格型号",
    "生产日期（批号）",
    "执行标准",
    "抽样日期",
    "报告编号",
    "检验结论",
    "不合格项目",
    "结果送达",
];

/// An annex of the notice as the templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct AnnexView {
    pub no: usize,
    pub title: String,
    /// The title in lines broken by meaning, as its annex page heads it (2号 less one, 18 pt:
    /// 24 characters a line).
    pub(crate) title_lines: Vec<String>,
    /// The title in lines broken by meaning, as the notice's 附件说明 lists it (3号, 16 pt, in
    /// the 21 characters that the list leaves after 附件：and the number).
    pub(crate) list_lines: Vec<String>,
    pub content: Option<AnnexContent>,
    pub file: Option<String>,
    /// The virtual paths of an attached file's pages, filled in when the notice is made.
    pub pages: Vec<String>,
}

/// The titles of the per-batch documents.
#[derive(Debug, Clone, Serialize)]
pub struct Titles {
    pub plan: String,
    pub qualified: String,
    pub unqualified: String,
    pub summary: String,
    pub analysis: String,
}

/// The annex numbers of the two lists, when the notice lists them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AnnexNumbers {
    pub qualified: Option<usize>,
    pub unqualified: Option<usize>,
}

/// A row of numbers with what the tables and charts print of it.
#[derive(Debug, Clone, Serialize)]
pub struct CountsView {
    #[serde(flatten)]
    pub counts: Counts,
    /// `93.3%`, or `—`.
    pub rate_text: String,
    /// The rate as a fraction for charts (0 when nothing was judged).
    pub rate: f64,
    /// Whether anything was judged (a rate exists).
    pub judged: bool,
    /// The lots the rate is taken over.
    pub(crate) judged_lots: u32,
}

impl CountsView {
    fn of(c: &Counts) -> CountsView {
        CountsView {
            counts: c.clone(),
            rate_text: c.rate_text(),
            rate: c.pass_rate.unwrap_or(0.0) / 100.0,
            judged: c.pass_rate.is_some(),
            judged_lots: c.judged(),
        }
    }
}

/// A re-inspection (复查) as the analysis report lists it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RecheckRow {
    pub party: String,
    pub category: String,
    /// The earlier batch and its report number.
    pub earlier: String,
    /// The final conclusion, or the stage (待检验, 拒检 …).
    pub conclusion: &'static str,
}

impl RecheckRow {
    fn of(c: &Case) -> RecheckRow {
        let r = c.recheck.as_ref();
        RecheckRow {
            party: party_named(c),
            category: c.category.clone(),
            earlier: r.map_or_else(String::new, |r| {
                let no = r
                    .document_no
                    .as_deref()
                    .map(|d| format!("（{}）", d.trim()))
                    .unwrap_or_default();
                format!("{}{no}，报告编号{}", r.batch.trim(), r.report_no.trim())
            }),
            conclusion: status_label(c),
        }
    }
}

/// The numbers as the tables print them.
#[derive(Debug, Clone, Serialize)]
pub struct StatsView {
    pub by_category: Vec<CountsView>,
    pub by_domain: Vec<CountsView>,
    pub total: CountsView,
    /// The re-inspections (复查), apart from the rows above; `None` when the batch has none.
    pub rechecks: Option<CountsView>,
    pub failures: Vec<ItemFailures>,
}

/// Everything the per-batch documents of one share show, computed once: the whole batch's,
/// or one lab's when several labs share it.
#[derive(Debug, Serialize)]
pub struct BatchView<'a> {
    pub batch: &'a Batch,
    pub(crate) batch_f: BatchFmt,
    pub titles: Titles,
    pub(crate) annex_no: AnnexNumbers,
    pub annexes: Vec<AnnexView>,
    pub(crate) title_lines: Vec<String>,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub plan: Vec<PlanRow>,
    pub(crate) plan_total: u32,
    /// Whether the summary table has a lab column (the bureau's table of several labs).
    pub(crate) lab_column: bool,
    /// Whether the summary table has a column for the online shops (a lot was bought online).
    pub(crate) shop_column: bool,
    /// The columns of the qualified and unqualified lists (`lists.columns`).
    pub(crate) list_columns: Vec<ListColumnView>,
    pub stats: StatsView,
    /// The re-inspections (复查) as the analysis report lists them.
    pub(crate) recheck_rows: Vec<RecheckRow>,
    /// Whether an online shop's lot failed in the end (the platform is told, 下架).
    pub(crate) online_unqualified: bool,
    pub analysis: Vec<String>,
    /// The labs whose work this is, joined with `、`.
    pub labs: String,
    /// Who signs and seals: the lab, or the bureau for the combined documents of several
    /// labs.
    pub issuer: String,
    pub report_date: String,
    /// The share's lab (several labs), by id.
    #[serde(skip)]
    pub lab: Option<String>,
    /// The numbers, for the spreadsheet.
    #[serde(skip)]
    pub numbers: BatchStats,
    #[serde(skip)]
    pub qualified: Vec<ListRow>,
    #[serde(skip)]
    pub unqualified: Vec<ListRow>,
    #[serde(skip)]
    pub summary: Vec<SummaryRow>,
}

/// Which part of a long list a document is.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Part {
    pub number: usize,
    pub count: usize,
    /// The rows of the whole list.
    pub total: usize,
}

/// The context of one per-batch document: the share's view, the rows of its part of each
/// list, which part, and the document.
#[derive(Debug, Serialize)]
pub struct BatchDoc<'a> {
    #[serde(flatten)]
    pub view: &'a BatchView<'a>,
    pub qualified: &'a [ListRow],
    pub unqualified: &'a [ListRow],
    pub summary: &'a [SummaryRow],
    pub part: Part,
    pub doc: DocMeta,
}

impl<'a> BatchView<'a> {
    /// The view of a share of the batch, its numbers computed once.
    pub fn of(lb: &'a LoadedBatch, share: Share) -> BatchView<'a> {
        let b = &lb.batch;
        let numbers = stats::compute_share(lb, share);
        let cases = ordered_share(lb, share);
        let (labs, issuer, lab_column) = issuer(lb, share);
        let list_columns = b.lists.columns(lab_column);
        let date = submitted_on(lb, share);
        let title = &b.title;
        let annex_title =
            |content, fallback: String| b.annex_of(content).map_or(fallback, |(_, t)| t);
        let annex_no = |content| b.annex_of(content).map(|(n, _)| n);
        BatchView {
            batch: b,
            batch_f: BatchFmt::of(b),
            titles: Titles {
                plan: annex_title(AnnexContent::Plan, format!("{title}计划")),
                qualified: annex_title(
                    AnnexContent::QualifiedList,
                    format!("{title}合格产品企业名单"),
                ),
                unqualified: annex_title(
                    AnnexContent::UnqualifiedList,
                    format!("{title}不合格产品企业名单"),
                ),
                summary: format!("{title}检验情况汇总表"),
                analysis: format!("{title}质量分析报告"),
            },
            annex_no: AnnexNumbers {
                qualified: annex_no(AnnexContent::QualifiedList),
                unqualified: annex_no(AnnexContent::UnqualifiedList),
            },
            annexes: b
                .annexes()
                .into_iter()
                .enumerate()
                .map(|(i, a)| AnnexView {
                    no: i + 1,
                    title_lines: title_in_lines(&a.title, "", 24, Arrangement::Centred),
                    list_lines: title_in_lines(&a.title, "", 21, Arrangement::Left),
                    title: a.title,
                    content: a.content,
                    file: a.file,
                    pages: Vec::new(),
                })
                .collect(),
            title_lines: title_lines(&b.notice_title, &b.authority.name),
            paragraphs: notice_paragraphs(b.notice_body.as_deref().unwrap_or("")),
            plan: plan_rows(b),
            plan_total: b.plan.iter().map(|p| p.lots).sum(),
            lab_column,
            shop_column: cases.iter().any(|c| c.is_online()),
            list_columns: list_columns
                .iter()
                .map(|&id| ListColumnView {
                    id,
                    header: id.header(),
                })
                .collect(),
            stats: StatsView {
                by_category: numbers.by_category.iter().map(CountsView::of).collect(),
                by_domain: numbers.by_domain.iter().map(CountsView::of).collect(),
                total: CountsView::of(&numbers.total),
                rechecks: (numbers.rechecks.visits + numbers.rechecks.scheduled > 0
                    || numbers.rechecks.planned.is_some())
                .then(|| CountsView::of(&numbers.rechecks)),
                failures: numbers.failures.clone(),
            },
            recheck_rows: cases
                .iter()
                .filter(|c| c.is_recheck())
                .map(|c| RecheckRow::of(c))
                .collect(),
            online_unqualified: cases
                .iter()
                .any(|c| c.is_online() && c.final_conclusion() == Some(Verdict::Fail)),
            analysis: analysis_text(lb, share, &numbers, report_date(lb, share)),
            labs,
            issuer,
            // Undated: a line to write the day on when it is submitted.
            report_date: date.map_or_else(|| "年　　月　　日".to_string(), date_cn),
            lab: match share {
                Share::Lab(id) => Some(id.to_string()),
                Share::All => None,
            },
            numbers,
            qualified: qualified_rows(b, &cases, &list_columns),
            unqualified: unqualified_rows(b, &cases, &list_columns),
            summary: summary_rows_of(&cases, b),
        }
    }

    /// The context of one document of this view: the rows of `part` of `count` parts of
    /// `per` rows (each list cut alike; the rows keep their numbers from the whole list).
    pub fn doc(
        &'a self,
        kind_rows: Option<&str>,
        part: (usize, usize),
        per: usize,
        doc: DocMeta,
    ) -> BatchDoc<'a> {
        let (k, n) = part;
        let cut = |len: usize| ((k - 1) * per).min(len)..(k * per).min(len);
        let whole = |len: usize| 0..len;
        let range = |list: &str, len: usize| {
            if kind_rows == Some(list) && n > 1 {
                cut(len)
            } else {
                whole(len)
            }
        };
        let total = match kind_rows {
            Some("qualified") => self.qualified.len(),
            Some("unqualified") => self.unqualified.len(),
            Some("summary") => self.summary.len(),
            _ => 0,
        };
        BatchDoc {
            view: self,
            qualified: &self.qualified[range("qualified", self.qualified.len())],
            unqualified: &self.unqualified[range("unqualified", self.unqualified.len())],
            summary: &self.summary[range("summary", self.summary.len())],
            part: Part {
                number: k,
                count: n,
                total,
            },
            doc,
        }
    }

    /// The rows of the list `key` (`qualified`, `unqualified`, `summary`).
    pub fn rows(&self, key: &str) -> Option<usize> {
        match key {
            "qualified" => Some(self.qualified.len()),
            "unqualified" => Some(self.unqualified.len()),
            "summary" => Some(self.summary.len()),
            _ => None,
        }
    }
}

/// Who signs and seals the summary table and the analysis report of a share: its lab, or the
/// bureau for the combined documents of a batch of several labs.
pub fn issuer_of(lb: &LoadedBatch, share: Share) -> String {
    issuer(lb, share).1
}

/// Who the documents of a share are by: the labs named in the heading, who signs and seals,
/// and whether the summary table needs a lab column.
fn issuer(lb: &LoadedBatch, share: Share) -> (String, String, bool) {
    let b = &lb.batch;
    let all_labs = stats::labs_with_work(lb);
    match share {
        Share::Lab(id) => {
            let name = b.lab(id).map(|l| l.name.clone()).unwrap_or_default();
            (name.clone(), name, false)
        }
        Share::All if all_labs.len() > 1 => (
            join_cn(&all_labs.iter().map(|l| l.name.as_str()).collect::<Vec<_>>()),
            b.authority.name.clone(),
            true,
        ),
        Share::All => {
            let name = all_labs
                .first()
                .copied()
                .or(b.labs.first())
                .map(|l| l.name.clone())
                .unwrap_or_default();
            (name.clone(), name, false)
        }
    }
}

fn plan_rows(b: &Batch) -> Vec<PlanRow> {
    b.plan
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let lab_name = p
                .lab
                .as_deref()
                .and_then(|id| b.lab(id))
                .map(|l| l.name.clone())
                .unwrap_or_default();
            PlanRow {
                no: i + 1,
                category: p.category.clone(),
                lots: p.lots,
                lab: p.lab_note.clone().unwrap_or_else(|| lab_name.clone()),
                lab_name,
                scope: p.scope.clone().unwrap_or_default(),
                remark: p.remark.clone().unwrap_or_default(),
            }
        })
        .collect()
}

fn list_row(b: &Batch, c: &Case, no: usize, remark: String, cols: &[ListColumn]) -> ListRow {
    let p = c.product.as_ref();
    let get =
        |f: fn(&Product) -> Option<&String>| p.and_then(f).cloned().unwrap_or_else(|| "—".into());
    let mut row = ListRow {
        no,
        id: c.id.clone(),
        category: c.category.clone(),
        product: p.map_or_else(|| c.category.clone(), |p| p.name.clone()),
        trademark: get(|p| p.trademark.as_ref()),
        model: get(|p| p.model.as_ref()),
        batch: get(|p| p.batch.as_ref()),
        party: c.party.name.clone(),
        domain: c.domain.label(),
        shop: c.online.as_ref().filter(|_| c.is_online()).map_or_else(
            || "—".into(),
            |o| format!("{} {}", o.platform.trim(), o.shop.trim()),
        ),
        manufacturer: if c.outcome == Some(Outcome::Sampled) {
            c.manufacturer
                .as_ref()
                .map_or_else(|| c.party.name.clone(), |m| m.name.clone())
        } else {
            "—".into()
        },
        lab: b
            .lab(&c.lab)
            .map_or_else(|| c.lab.clone(), |l| l.name.clone()),
        remark,
        cells: Vec::new(),
    };
    row.cells = cols.iter().map(|&col| row.cell(col)).collect();
    row
}

fn qualified_rows(b: &Batch, cases: &[&Case], cols: &[ListColumn]) -> Vec<ListRow> {
    cases
        .iter()
        .filter(|c| c.is_tested() && c.final_conclusion() == Some(Verdict::Pass))
        .enumerate()
        .map(|(i, c)| list_row(b, c, i + 1, path_remark(c, cols, Vec::new()), cols))
        .collect()
}

/// The party with its online shop and platform, `某某贸易有限公司（示例购物平台 示例旗舰店）`.
pub(crate) fn party_named(c: &Case) -> String {
    match c.online.as_ref().filter(|_| c.is_online()) {
        Some(o) => format!(
            "{}（{} {}）",
            c.party.name,
            o.platform.trim(),
            o.shop.trim()
        ),
        None => c.party.name.clone(),
    }
}

/// A list row's remark: what it says already, then what the statute's other paths add: the
/// online shop a lot was bought from (its party is the shop's operator), a re-inspection (复查)
/// with its earlier report, a re-test (复检) that decided the result, and a maker who denied
/// that the sample is its product.
fn path_remark(c: &Case, cols: &[ListColumn], mut parts: Vec<String>) -> String {
    // The shop goes in the remark unless the lists have a column for it.
    if let Some(o) = c
        .online
        .as_ref()
        .filter(|_| c.is_online() && !cols.contains(&ListColumn::Shop))
    {
        parts.push(format!("网店：{} {}", o.platform.trim(), o.shop.trim()));
    }
    if let Some(r) = &c.recheck {
        parts.push(format!("复查（原报告编号{}）", r.report_no.trim()));
    }
    // The re-test's report number is on the final notice and in the summary table's record.
    if c.retest().is_some_and(|r| r.is_reported()) {
        let v = c.final_conclusion().map_or("", Verdict::label);
        parts.push(format!("经复检，最终结论为{v}"));
    }
    if c.confirmation
        .as_ref()
        .is_some_and(|m| m.answer == Some(spotcheck_input::model::Answer::Denied))
    {
        parts.push("标称生产者否认为其产品".to_string());
    }
    parts.join("；")
}

/// The unqualified lots and the refusals; a refusal is published as such, what happened stays
/// on the refusal form.
fn unqualified_rows(b: &Batch, cases: &[&Case], cols: &[ListColumn]) -> Vec<ListRow> {
    cases
        .iter()
        .filter(|c| {
            c.outcome == Some(Outcome::Refused)
                || (c.is_tested() && c.final_conclusion() == Some(Verdict::Fail))
        })
        .enumerate()
        .map(|(i, c)| {
            let remark = if c.outcome == Some(Outcome::Refused) {
                Outcome::Refused.label().to_string()
            } else {
                format!("不合格项目：{}", c.final_failed_items().join("、"))
            };
            list_row(b, c, i + 1, path_remark(c, cols, vec![remark]), cols)
        })
        .collect()
}

/// The conclusion column of the summary: 合格, 不合格, 拒检, 未抽到样品, 检验中 (the lab has
/// the sample) or 待检验 (not yet received); 待抽样 for a planned case (the ledger's stage).
pub fn status_label(c: &Case) -> &'static str {
    match (c.stage(), c.final_conclusion().filter(|_| c.is_tested())) {
        (Stage::Planned, _) => PLANNED_LABEL,
        (Stage::Visited(o @ (Outcome::Refused | Outcome::NotSampled)), _) => o.label(),
        (Stage::Visited(Outcome::Sampled), Some(v)) => v.label(),
        (Stage::Visited(Outcome::Sampled), None) if c.inspection.is_some() => "检验中",
        (Stage::Visited(Outcome::Sampled), None) => "待检验",
    }
}

/// The stage of a planned case, as the ledger and the route sheet print it.
pub(crate) const PLANNED_LABEL: &str = "待抽样";

/// The visited cases of a share, in plan order of their category, then by id. Planned cases
/// are not lots: the bureau's documents (lists, summary table, analysis, volume) leave them
/// out.
pub fn ordered_share<'a>(lb: &'a LoadedBatch, share: Share) -> Vec<&'a Case> {
    let rank = |c: &Case| {
        lb.batch
            .plan
            .iter()
            .position(|p| p.category == c.category)
            .unwrap_or(usize::MAX)
    };
    let mut cases: Vec<&Case> = lb
        .cases
        .iter()
        .map(|lc| &lc.case)
        .filter(|c| share.has_case(c) && !c.is_planned())
        .collect();
    cases.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
    cases
}

/// The date a per-batch report is signed on: the day the analysis was submitted, else the
/// latest date the share's cases record (the numbers are as of that day), else the notice's
/// date.
pub fn report_date(lb: &LoadedBatch, share: Share) -> NaiveDate {
    submitted_on(lb, share)
        .unwrap_or_else(|| latest_record(lb, share).unwrap_or(lb.batch.issued_on))
}

/// The day the summary table and the analysis report of a share were submitted, the act they
/// are dated by: a lab's own `analysis_submitted_on` for its share, else the batch's; `None`
/// when not recorded (the page leaves the date to be written by hand, `check` warns, and only
/// the files' own metadata fall back on the latest record, [`report_date`]).
pub fn submitted_on(lb: &LoadedBatch, share: Share) -> Option<NaiveDate> {
    let b = &lb.batch;
    let own = match share {
        Share::Lab(id) => b.lab(id).and_then(|l| l.analysis_submitted_on),
        Share::All => None,
    };
    own.or(b.analysis_submitted_on)
}

/// The latest date any visited case of the share records (a planned date is no record).
pub(crate) fn latest_record(lb: &LoadedBatch, share: Share) -> Option<NaiveDate> {
    lb.cases
        .iter()
        .filter(|lc| share.has_case(&lc.case) && !lc.case.is_planned())
        .flat_map(|lc| lc.case.recorded_dates())
        .max()
}

fn summary_rows_of(cases: &[&Case], b: &Batch) -> Vec<SummaryRow> {
    cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let p = c
                .product
                .as_ref()
                .filter(|_| c.outcome == Some(Outcome::Sampled));
            let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
            let parts = |date: String| -> Vec<String> {
                c.delivery
                    .as_ref()
                    .map(|d| {
                        [
                            date,
                            d.method.trim().to_string(),
                            d.tracking_no.as_deref().unwrap_or("").trim().to_string(),
                        ]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect()
                    })
                    .unwrap_or_default()
            };
            let sent_on = c.delivery.as_ref().map(|d| d.sent_on);
            let delivery =
                parts(sent_on.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string()));
            let delivery_parts = parts(sent_on.map_or_else(String::new, date_cn));
            SummaryRow {
                no: i + 1,
                id: c.id.clone(),
                category: if c.is_recheck() {
                    format!("{}（复查）", c.category)
                } else {
                    c.category.clone()
                },
                domain: c.domain.label(),
                lab: b
                    .lab(&c.lab)
                    .map_or_else(|| c.lab.clone(), |l| l.name.clone()),
                party: c.party.name.clone(),
                shop: c
                    .online
                    .as_ref()
                    .filter(|_| c.is_online())
                    .map(|o| format!("{} {}", o.platform.trim(), o.shop.trim()))
                    .unwrap_or_default(),
                manufacturer: if c.outcome == Some(Outcome::Sampled) {
                    maker_recorded(c)
                } else {
                    String::new()
                },
                product: opt(p.map(|p| &p.name)),
                model: opt(p.and_then(|p| p.model.as_ref())),
                batch: opt(p.and_then(|p| p.batch.as_ref())),
                standard: opt(p.and_then(|p| p.standard.as_ref())),
                date: c.visit.date,
                date_cn: date_cn(c.visit.date),
                report_no: opt(c.inspection.as_ref().and_then(|i| i.report_no.as_ref())),
                conclusion: status_label(c),
                failed: c.final_failed_items().join("、"),
                delivery: delivery.join(" "),
                delivery_parts,
            }
        })
        .collect()
}

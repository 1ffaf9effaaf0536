//! What a template receives, as typed structs: the raw values as written in the YAML
//! (`case`, `batch`, `lab`) and the values the program derives and formats once (`f`,
//! `batch_f`, the lists, the numbers): dates in the Chinese form, money in figures and
//! capitals, the conclusion from the items. Templates lay out; they never compute a verdict or
//! a total. A field the program fills is a field of a struct here, so a misspelt one is a
//! compile error; the templates read them by the same names.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::analysis_text;
use crate::format::{date_cn, join_cn, money_upper, opt_date_cn};
use crate::notice::{Arrangement, Paragraph, notice_paragraphs, title_in_lines, title_lines};
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::{
    AnnexContent, BackupKeeper, Batch, Case, Lab, ListColumn, Outcome, Product, Stage, Verdict,
};
use spotcheck_input::stats::{self, BatchStats, Counts, ItemFailures, Share};

/// What a template knows of the document it makes.
#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    pub kind: &'static str,
    /// The PDF's title: the kind's title and the subject.
    pub title: String,
    pub draft: bool,
    /// The copy (联) this print is, as labelled at the foot of its pages: `第二联　随样品流转`;
    /// none for a kind made in one copy.
    pub copy: Option<String>,
    /// The copies of the kind as its footnote states them: `一式三联，第一联承检机构留存，…`;
    /// empty for a kind made in one copy.
    pub(crate) copies_text: String,
    /// The QR code of each page, from the first, as SVG images (per-case documents only).
    pub qr: Vec<String>,
    /// The signer's name, for a document signed as a PDF signature (`--sign-pdf`): its
    /// printed signature line names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) esign: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

/// Formatted values of the batch.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BatchFmt {
    pub issued_on: String,
    pub printed_on: String,
    pub sampling_start: String,
    pub sampling_end: String,
    pub delivery_deadline: String,
    pub ecqs_deadline: String,
    pub analysis_deadline: String,
    /// The copied bodies, joined with `，`.
    pub cc: String,
    pub year: i32,
    /// `（此件主动公开）`.
    pub publication: &'static str,
}

impl BatchFmt {
    pub fn of(b: &Batch) -> BatchFmt {
        let s = &b.schedule;
        BatchFmt {
            issued_on: date_cn(b.issued_on),
            printed_on: date_cn(b.printed_on),
            sampling_start: date_cn(s.sampling_start),
            sampling_end: date_cn(s.sampling_end),
            delivery_deadline: date_cn(s.delivery_deadline),
            ecqs_deadline: date_cn(s.ecqs_deadline),
            analysis_deadline: date_cn(s.analysis_deadline),
            cc: b.cc.join("，"),
            year: chrono::Datelike::year(&b.issued_on),
            publication: b.publication.note(),
        }
    }
}

/// Formatted and derived values of one case. The groups are present when their section is.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CaseFmt {
    pub visit_date: String,
    pub notice_valid_until: String,
    /// The samplers' names, joined with `、`.
    pub samplers: String,
    /// The samplers' names with their credentials, `张三（JC-017）、李四（JC-021）`.
    pub(crate) samplers_credentials: String,
    pub domain: &'static str,
    pub outcome: &'static str,
    pub(crate) manufacturer_is_party: bool,
    /// The nominal manufacturer as the sampling sheet records it (see [`maker_recorded`]).
    pub maker: String,
    #[serde(flatten)]
    pub product: Option<ProductFmt>,
    #[serde(flatten)]
    pub seals: Option<SealsFmt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_fee: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) refusal_determined_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) refusal_reported_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) not_sampled_reported_on: Option<String>,
    #[serde(flatten)]
    pub inspection: Option<InspectionFmt>,
    #[serde(flatten)]
    pub conclusion: Option<ConclusionFmt>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) disposal_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_on: Option<String>,
    /// The objection right, one sentence for every document that states it.
    pub objection_right: String,
    /// 任务来源: the ordering bureau and its notice, `晋城市市场监督管理局《…》（晋市市监〔2023〕3号）`.
    pub(crate) task_source: String,
    /// 任务类别: 监督抽查 (a re-inspection's 复查 when the batch orders one).
    pub(crate) task_category: &'static str,
    pub backup_keep_days: u32,
    pub(crate) is_refused: bool,
    /// The names of the evidence files, without their folders.
    pub evidence: Vec<String>,
    /// Printed for the visit pack: blanks stand for what is written by hand on site.
    pub paper: bool,
    /// The mark of a ruled blank (see [`BLANK`]).
    pub blank: &'static str,
}

/// The product's figures as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProductFmt {
    pub unit_price: String,
    /// The total paid: the written total, else unit price × test quantity.
    pub total: String,
    /// The total in Chinese capitals (大写).
    pub(crate) total_upper: String,
    pub price_basis: &'static str,
    /// `检验样品2桶，备用样品2桶`.
    pub(crate) sample_quantity: String,
    pub(crate) test_qty: String,
    pub(crate) backup_qty: String,
    pub(crate) base_qty: String,
}

/// The seals as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SealsFmt {
    pub(crate) seal_numbers: String,
    pub backup_kept_at: &'static str,
}

/// The lab's part as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct InspectionFmt {
    pub received_on: String,
    pub issued_on: String,
    pub(crate) tested_period: String,
    pub(crate) seal_state: &'static str,
    pub items: Vec<ItemFmt>,
    pub failed_items: String,
}

/// A test item as printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ItemFmt {
    pub no: usize,
    pub verdict: &'static str,
    pub failed: bool,
    /// The measured value with its unit.
    pub result: String,
}

/// The conclusion, once the items give one.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConclusionFmt {
    pub conclusion: &'static str,
    pub qualified: bool,
    pub(crate) conclusion_text: String,
}

impl CaseFmt {
    pub fn of(batch: &Batch, c: &Case) -> CaseFmt {
        CaseFmt {
            visit_date: date_cn(c.visit.date),
            notice_valid_until: date_cn(
                c.visit
                    .notice_valid_until
                    .unwrap_or(batch.schedule.sampling_end),
            ),
            samplers: join_cn(&c.visit.samplers.iter().map(|s| &s.name).collect::<Vec<_>>()),
            samplers_credentials: c
                .visit
                .samplers
                .iter()
                .map(|s| match &s.credential {
                    Some(cr) if !cr.is_empty() => format!("{}（{cr}）", s.name),
                    _ => s.name.clone(),
                })
                .collect::<Vec<_>>()
                .join("、"),
            domain: c.domain.label(),
            outcome: c.outcome.map_or("", Outcome::label),
            manufacturer_is_party: c.manufacturer.is_none(),
            maker: maker_recorded(c),
            product: c.product.as_ref().map(|p| ProductFmt::of(c, p)),
            seals: c.seals.as_ref().map(|s| SealsFmt {
                seal_numbers: s.numbers.join("、"),
                backup_kept_at: match s.backup_kept_at {
                    Some(BackupKeeper::Party) => "封存于受检单位",
                    Some(BackupKeeper::Lab) => "由检验机构保存",
                    None => "",
                },
            }),
            party_fee: c.payment.as_ref().map(|pay| {
                pay.party_fee
                    .map_or_else(|| "0.00".into(), |m| m.to_string())
            }),
            refusal_determined_on: c.refusal.as_ref().map(|r| opt_date_cn(r.determined_on)),
            refusal_reported_on: c.refusal.as_ref().map(|r| opt_date_cn(r.reported_on)),
            not_sampled_reported_on: c.not_sampled.as_ref().map(|n| opt_date_cn(n.reported_on)),
            inspection: c.inspection.as_ref().map(|i| InspectionFmt {
                received_on: date_cn(i.received_on),
                issued_on: opt_date_cn(i.issued_on),
                tested_period: match (i.tested_from, i.tested_to) {
                    (Some(a), Some(b)) => format!("{}—{}", date_cn(a), date_cn(b)),
                    (Some(a), None) => date_cn(a),
                    _ => String::new(),
                },
                seal_state: if i.seal_intact {
                    "封样完好"
                } else {
                    "封样破损"
                },
                items: i
                    .items
                    .iter()
                    .enumerate()
                    .map(|(n, it)| ItemFmt {
                        no: n + 1,
                        verdict: it.verdict.label(),
                        failed: it.verdict == Verdict::Fail,
                        result: with_unit(&it.result, it.unit.as_deref().unwrap_or("")),
                    })
                    .collect(),
                failed_items: c.failed_items().join("、"),
            }),
            conclusion: c.conclusion().map(|v| ConclusionFmt::of(c, v)),
            disposal_date: c.disposal.as_ref().map(|d| opt_date_cn(d.date)),
            sent_on: c.delivery.as_ref().map(|d| date_cn(d.sent_on)),
            objection_right: objection_right(batch),
            task_source: format!(
                "{}《{}》（{}）",
                batch.authority.name, batch.notice_title, batch.document_no
            ),
            task_category: "监督抽查",
            backup_keep_days: batch.rules.backup_keep_days,
            is_refused: c.outcome == Some(Outcome::Refused),
            evidence: c
                .evidence
                .iter()
                .map(|e| e.rsplit('/').next().unwrap_or(e).to_string())
                .collect(),
            paper: false,
            blank: BLANK,
        }
    }

    /// The values of a planned case as the visit pack prints them: the dates of the visit
    /// and every figure of the product written by hand.
    pub(crate) fn blank_out(&mut self) {
        let date = DATE_BLANK.to_string();
        self.paper = true;
        self.visit_date = date.clone();
        self.outcome = "";
        self.product = Some(ProductFmt {
            unit_price: BLANK.into(),
            total: BLANK.into(),
            total_upper: BLANK.into(),
            price_basis: "□标价　□市场价",
            sample_quantity: format!("检验样品{SHORT_BLANK}，备用样品{SHORT_BLANK}"),
            test_qty: SHORT_BLANK.into(),
            backup_qty: SHORT_BLANK.into(),
            base_qty: BLANK.into(),
        });
        self.seals = Some(SealsFmt {
            seal_numbers: BLANK.into(),
            backup_kept_at: "□封存于受检单位　□由检验机构保存",
        });
        self.refusal_determined_on = Some(date.clone());
        self.refusal_reported_on = Some(date.clone());
        self.not_sampled_reported_on = Some(date);
    }
}

/// A ruled blank, written by hand: the visit pack's documents show it as a line to write on
/// (a show rule of the pack turns this private-use character into a box). Never printed as
/// text, and never the placeholder 待填写.
pub(crate) const BLANK: &str = "\u{E000}";
/// A short blank of fixed width, for a figure followed by text.
pub(crate) const SHORT_BLANK: &str = "\u{E003}";
/// A blank area of several ruled lines (what happened, remarks).
pub(crate) const AREA_BLANK: &str = "\u{E001}";
/// A date written by hand: `＿＿年＿＿月＿＿日`.
pub(crate) const DATE_BLANK: &str = "\u{E002}年\u{E002}月\u{E002}日";

/// The case as the visit pack prints it: every 待填写 left by `new-case` a blank, and for a
/// planned case every section of the visit present with blanks, so that each form prints its
/// rows to fill in by hand.
pub(crate) fn paper_case(c: &Case) -> Case {
    use spotcheck_input::model::{Manufacturer, NotSampled, Payment, Refusal, Sampler, Seals};
    let mut v = serde_json::to_value(c).unwrap_or_default();
    blank_placeholders(&mut v);
    let mut p: Case = serde_json::from_value(v).unwrap_or_else(|_| c.clone());
    if !c.is_planned() {
        return p;
    }
    let b = || Some(BLANK.to_string());
    p.visit.place = b();
    while p.visit.samplers.len() < 2 {
        p.visit.samplers.push(Sampler {
            name: BLANK.into(),
            credential: None,
        });
    }
    for s in [
        &mut p.party.postcode,
        &mut p.party.legal_rep,
        &mut p.party.contact,
        &mut p.party.phone,
    ] {
        if s.is_none() {
            *s = b();
        }
    }
    p.manufacturer = Some(Manufacturer {
        name: BLANK.into(),
        address: b(),
        credit_code: b(),
        phone: b(),
    });
    p.product = Some(Product {
        name: BLANK.into(),
        trademark: b(),
        model: b(),
        batch: b(),
        standard: b(),
        grade: b(),
        licence: b(),
        unit: BLANK.into(),
        base_quantity: None,
        test_quantity: None,
        backup_quantity: None,
        unit_price: None,
        price_basis: None,
        storage: b(),
    });
    p.seals = Some(Seals {
        numbers: Vec::new(),
        backup_kept_at: None,
        backup_place: b(),
    });
    p.payment = Some(Payment {
        total: None,
        method: Some("□现金　□转账　□其他".into()),
        payee_agent: None,
        party_fee: None,
    });
    p.refusal = Some(Refusal {
        description: AREA_BLANK.into(),
        refused_by: b(),
        county_bureau: None,
        determined_on: None,
        reported_on: None,
    });
    p.not_sampled = Some(NotSampled {
        reason: String::new(),
        description: Some(AREA_BLANK.into()),
        person_in_charge: None,
        reported_on: None,
    });
    p
}

/// Every string holding the placeholder becomes a blank.
fn blank_placeholders(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::String(s) if s.contains(spotcheck_input::scaffold::PLACEHOLDER) => {
            *s = BLANK.to_string();
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(blank_placeholders),
        serde_json::Value::Object(o) => o.values_mut().for_each(blank_placeholders),
        _ => {}
    }
}

impl ProductFmt {
    fn of(c: &Case, p: &Product) -> ProductFmt {
        let total = c.payment.as_ref().and_then(|pay| pay.total).or_else(|| {
            p.unit_price
                .and_then(|u| u.checked_mul(p.test_quantity.unwrap_or(0)))
        });
        let qty = |n: Option<u32>| {
            n.map(|n| with_unit(&n.to_string(), &p.unit))
                .unwrap_or_default()
        };
        let qty_or_dash =
            |n: Option<u32>| with_unit(&n.map_or_else(|| "—".into(), |n| n.to_string()), &p.unit);
        ProductFmt {
            unit_price: p.unit_price.map(|m| m.to_string()).unwrap_or_default(),
            total: total.map(|m| m.to_string()).unwrap_or_default(),
            total_upper: total.map(money_upper).unwrap_or_default(),
            price_basis: p.price_basis.map_or("", |b| b.label()),
            sample_quantity: format!(
                "检验样品{}，备用样品{}",
                qty_or_dash(p.test_quantity),
                qty_or_dash(p.backup_quantity)
            ),
            test_qty: qty(p.test_quantity),
            backup_qty: qty(p.backup_quantity),
            base_qty: qty(p.base_quantity),
        }
    }
}

/// The failed items of `c`, each against its own clause, items of one clause together, in
/// the order they were tested: `pH 值项目不符合GB 18401-2010第4.1条的要求`. An item without a
/// clause is judged against the product's declared standards.
fn failed_against(c: &Case, standard: &str) -> String {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    let items = c
        .inspection
        .as_ref()
        .map_or(&[][..], |i| i.items.as_slice());
    for it in items.iter().filter(|it| it.verdict == Verdict::Fail) {
        let against = it
            .clause
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map_or_else(|| standard.to_string(), clause_phrase);
        match groups.iter_mut().find(|(a, _)| *a == against) {
            Some((_, names)) => names.push(&it.name),
            None => groups.push((against, vec![&it.name])),
        }
    }
    groups
        .iter()
        .map(|(against, names)| format!("{}项目不符合{against}的要求", names.join("、")))
        .collect::<Vec<_>>()
        .join("，")
}

/// A clause as a conclusion names it: the standard, then the clause itself, a numbered clause
/// as 第…条 (`GB 18401-2010 4.1` → `GB 18401-2010第4.1条`, `GB 4706.1-2005 25.8 表 11` →
/// `GB 4706.1-2005第25.8条表 11`, `GB/T 3956-2008 表 1` → `GB/T 3956-2008表 1`).
pub fn clause_phrase(clause: &str) -> String {
    let words: Vec<&str> = clause.split_whitespace().collect();
    // The standard ends with its year: the first word holding `-` followed by digits.
    let end = words.iter().position(|w| {
        w.rsplit_once('-')
            .is_some_and(|(_, y)| y.len() >= 2 && y.bytes().all(|b| b.is_ascii_digit()))
    });
    let Some(end) = end else {
        return clause.to_string();
    };
    let standard = words[..=end].join(" ");
    let rest = &words[end + 1..];
    match rest.split_first() {
        None => standard,
        Some((first, more)) if first.starts_with(|c: char| c.is_ascii_digit()) => {
            let tail = more.join(" ");
            format!("{standard}第{first}条{tail}")
        }
        Some(_) => format!("{standard}{}", rest.join(" ")),
    }
}

/// What the sampling sheet records as the nominal manufacturer (标称生产者): its name, or
/// 同受检单位 when none is written (the sheet says so, and a report or table must not print the
/// seller's name as the maker's).
pub(crate) fn maker_recorded(c: &Case) -> String {
    c.manufacturer
        .as_ref()
        .map_or_else(|| "同受检单位".to_string(), |m| m.name.clone())
}

/// The objection right as every document states it, from the batch's own period and
/// authority (产品质量法 第十五条: within the period from receipt of the result, to the
/// authority that ordered the check or the one above it, in writing, for a re-test).
pub fn objection_right(batch: &Batch) -> String {
    format!(
        "对检验结果有异议的，可以自收到检验结果之日起{}日内，向{}或者其上级市场监督管理部门提出书面复检申请；逾期未提出的，视为承认检验结果。",
        batch.rules.objection_days, batch.authority.name
    )
}

impl ConclusionFmt {
    fn of(c: &Case, v: Verdict) -> ConclusionFmt {
        let standard = c
            .product
            .as_ref()
            .and_then(|p| p.standard.clone())
            .unwrap_or_default();
        let conclusion_text = match v {
            Verdict::Pass => {
                format!("经抽样检验，所检项目符合{standard}的要求，检验结论为合格。")
            }
            Verdict::Fail => format!(
                "经抽样检验，{}，检验结论为不合格。",
                failed_against(c, &standard)
            ),
        };
        ConclusionFmt {
            conclusion: v.label(),
            qualified: v == Verdict::Pass,
            conclusion_text,
        }
    }
}

/// A quantity with its unit as printed: `2桶`, `65%`, `2.1 MPa` (a space only before a unit
/// written in Latin letters).
pub(crate) fn with_unit(value: &str, unit: &str) -> String {
    let unit = unit.trim();
    if unit.is_empty() {
        value.to_string()
    } else if unit.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("{value} {unit}")
    } else {
        format!("{value}{unit}")
    }
}

/// The whole context of one per-case document.
#[derive(Debug, Serialize)]
pub(crate) struct CaseView<'a> {
    pub batch: &'a Batch,
    pub(crate) batch_f: BatchFmt,
    pub case: &'a Case,
    pub lab: Option<&'a Lab>,
    pub f: CaseFmt,
    pub doc: DocMeta,
}

impl<'a> CaseView<'a> {
    pub fn of(lb: &'a LoadedBatch, c: &'a Case, doc: DocMeta) -> CaseView<'a> {
        CaseView {
            batch: &lb.batch,
            batch_f: BatchFmt::of(&lb.batch),
            case: c,
            lab: lb.batch.lab(&c.lab),
            f: CaseFmt::of(&lb.batch, c),
            doc,
        }
    }
}

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

/// The numbers as the tables print them.
#[derive(Debug, Clone, Serialize)]
pub struct StatsView {
    pub by_category: Vec<CountsView>,
    pub by_domain: Vec<CountsView>,
    pub total: CountsView,
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
    /// The columns of the qualified and unqualified lists (`lists.columns`).
    pub(crate) list_columns: Vec<ListColumnView>,
    pub stats: StatsView,
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
                failures: numbers.failures.clone(),
            },
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
        .filter(|c| c.is_tested() && c.conclusion() == Some(Verdict::Pass))
        .enumerate()
        .map(|(i, c)| list_row(b, c, i + 1, String::new(), cols))
        .collect()
}

/// The unqualified lots and the refusals; a refusal is published as such, what happened stays
/// on the refusal form.
fn unqualified_rows(b: &Batch, cases: &[&Case], cols: &[ListColumn]) -> Vec<ListRow> {
    cases
        .iter()
        .filter(|c| {
            c.outcome == Some(Outcome::Refused)
                || (c.is_tested() && c.conclusion() == Some(Verdict::Fail))
        })
        .enumerate()
        .map(|(i, c)| {
            let remark = if c.outcome == Some(Outcome::Refused) {
                Outcome::Refused.label().to_string()
            } else {
                format!("不合格项目：{}", c.failed_items().join("、"))
            };
            list_row(b, c, i + 1, remark, cols)
        })
        .collect()
}

/// The conclusion column of the summary: 合格, 不合格, 拒检, 未抽到样品, 检验中 (the lab has
/// the sample) or 待检验 (not yet received); 待抽样 for a planned case (the ledger's stage).
pub fn status_label(c: &Case) -> &'static str {
    match (c.stage(), c.conclusion().filter(|_| c.is_tested())) {
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
                category: c.category.clone(),
                domain: c.domain.label(),
                lab: b
                    .lab(&c.lab)
                    .map_or_else(|| c.lab.clone(), |l| l.name.clone()),
                party: c.party.name.clone(),
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
                failed: c.failed_items().join("、"),
                delivery: delivery.join(" "),
                delivery_parts,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_is_named_with_its_standard() {
        assert_eq!(clause_phrase("GB 18401-2010 4.1"), "GB 18401-2010第4.1条");
        assert_eq!(
            clause_phrase("GB 4706.1-2005 25.8 表 11"),
            "GB 4706.1-2005第25.8条表 11"
        );
        assert_eq!(clause_phrase("GB/T 3956-2008 表 1"), "GB/T 3956-2008表 1");
        assert_eq!(clause_phrase("FZ/T 01053-2007"), "FZ/T 01053-2007");
        assert_eq!(clause_phrase("企业标准 第 5 条"), "企业标准 第 5 条");
    }

    #[test]
    fn units_follow_their_figures_as_printed() {
        assert_eq!(with_unit("2", "桶"), "2桶");
        assert_eq!(with_unit("65", "%"), "65%");
        assert_eq!(with_unit("2.1", "MPa"), "2.1 MPa");
        assert_eq!(with_unit("3", ""), "3");
    }
}

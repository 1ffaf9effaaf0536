//! What the documents of one case receive: the case as written and its derived values.

use serde::Serialize;

use crate::format::{date_cn, join_cn, money_upper, opt_date_cn};
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::{BackupKeeper, Batch, Case, Lab, Outcome, Product, Verdict};

use super::*;

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
    /// 任务类别: 监督抽查, or 复查 for a re-inspection of an earlier failure (复检 on the
    /// report of a re-test).
    pub(crate) task_category: &'static str,
    /// A re-inspection's earlier check, `2023年第一批…（东湖市监〔2023〕8号），原报告编号…，原不合格项目…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) recheck_note: Option<String>,
    /// The facts of a lot bought online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) online: Option<OnlineFmt>,
    /// The maker's confirmation (样品确认), when it was asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) confirmation: Option<ConfirmationFmt>,
    /// The objection and its re-test (异议、复检), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) objection: Option<ObjectionFmt>,
    /// The day the notice reached the party: the visit's, or for a lot bought online the day
    /// the notice and forms were sent to the shop (blank until then).
    pub(crate) served_on: String,
    pub backup_keep_days: u32,
    pub(crate) is_refused: bool,
    /// The names of the evidence files, without their folders.
    pub evidence: Vec<String>,
    /// Printed for the visit pack: blanks stand for what is written by hand on site.
    pub paper: bool,
    /// The mark of a ruled blank (see [`BLANK`]).
    pub blank: &'static str,
}

/// A lot bought online, as the forms print it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OnlineFmt {
    pub(crate) ordered_on: String,
    pub(crate) received_on: String,
    pub(crate) sealed_on: String,
    pub(crate) notified_on: String,
    /// What the order paid, `356.00`, and in capitals.
    pub(crate) paid: String,
    pub(crate) paid_upper: String,
    /// `快递公司 运单号`.
    pub(crate) parcel: String,
    /// The shop's confirmation as recorded, or what is awaited.
    pub(crate) confirmation: String,
    /// Test and backup samples together.
    pub(crate) quantity: u32,
    /// The day of the shop's confirmation, blank until it comes back.
    pub(crate) confirmed_on: String,
}

impl OnlineFmt {
    fn of(c: &Case, o: &spotcheck_input::model::Online) -> OnlineFmt {
        let p = c.product.as_ref();
        let sealed = o.sealed_on.or(o.received_on);
        OnlineFmt {
            ordered_on: date_cn(c.visit.date),
            received_on: opt_date_cn(o.received_on),
            sealed_on: opt_date_cn(sealed),
            notified_on: opt_date_cn(o.notified_on),
            paid: o.paid.map(|m| m.to_string()).unwrap_or_default(),
            paid_upper: o.paid.map(money_upper).unwrap_or_default(),
            parcel: [o.courier.as_deref(), o.waybill.as_deref()]
                .into_iter()
                .flatten()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            confirmation: match &o.confirmation {
                Some(k) if k.confirmed => format!("网店于{}回执确认样品信息属实", date_cn(k.on)),
                Some(k) => format!(
                    "网店于{}回执，对样品信息提出异议{}",
                    date_cn(k.on),
                    k.note
                        .as_deref()
                        .map(|n| format!("：{}", n.trim()))
                        .unwrap_or_default()
                ),
                None => "待网店回执确认".to_string(),
            },
            confirmed_on: o
                .confirmation
                .as_ref()
                .map(|k| date_cn(k.on))
                .unwrap_or_default(),
            quantity: p.map_or(0, |p| {
                p.test_quantity
                    .unwrap_or(0)
                    .saturating_add(p.backup_quantity.unwrap_or(0))
            }),
        }
    }
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
            task_category: if c.is_recheck() {
                "复查"
            } else {
                "监督抽查"
            },
            recheck_note: c.recheck.as_ref().map(|r| {
                let no = r
                    .document_no
                    .as_deref()
                    .map(|d| format!("（{}）", d.trim()))
                    .unwrap_or_default();
                let items = if r.failed_items.is_empty() {
                    String::new()
                } else {
                    format!("，原不合格项目：{}", r.failed_items.join("、"))
                };
                format!(
                    "{}{no}，原检验报告编号{}{items}",
                    r.batch.trim(),
                    r.report_no.trim()
                )
            }),
            online: c
                .online
                .as_ref()
                .filter(|_| c.is_online())
                .map(|o| OnlineFmt::of(c, o)),
            confirmation: ConfirmationFmt::of(c),
            objection: ObjectionFmt::of(batch, c),
            served_on: match (&c.online, c.is_online()) {
                (Some(o), true) => opt_date_cn(o.notified_on),
                (None, true) => String::new(),
                _ => date_cn(c.visit.date),
            },
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
        self.served_on = date.clone();
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
        let paid_online = c
            .online
            .as_ref()
            .filter(|_| c.is_online())
            .and_then(|o| o.paid);
        let total = c
            .payment
            .as_ref()
            .and_then(|pay| pay.total)
            .or(paid_online)
            .or_else(|| {
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

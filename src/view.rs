//! The prepared view a template receives: the raw values as written in the YAML (`case`,
//! `batch`, `lab`) and the values the program derives and formats once (`f`): dates in the
//! Chinese form, money in figures and capitals, the conclusion from the items. Templates lay
//! out; they never compute a verdict or a total.

use serde_json::{Map, Value, json};

use crate::format::{date_cn, money_upper, opt_date_cn};
use crate::load::LoadedBatch;
use crate::model::{BackupKeeper, Batch, Case, Outcome, Verdict};

/// Formatted values of the batch.
pub fn batch_fmt(b: &Batch) -> Value {
    let s = &b.schedule;
    json!({
        "issued_on": date_cn(b.issued_on),
        "printed_on": date_cn(b.printed_on),
        "sampling_start": date_cn(s.sampling_start),
        "sampling_end": date_cn(s.sampling_end),
        "delivery_deadline": date_cn(s.delivery_deadline),
        "ecqs_deadline": date_cn(s.ecqs_deadline),
        "analysis_deadline": date_cn(s.analysis_deadline),
        "cc": b.cc.join("，"),
        "year": chrono::Datelike::year(&b.issued_on),
    })
}

/// Formatted and derived values of one case.
pub fn case_fmt(batch: &Batch, c: &Case) -> Value {
    let mut f = Map::new();
    let mut put = |k: &str, v: Value| {
        f.insert(k.to_string(), v);
    };
    put("visit_date", json!(date_cn(c.visit.date)));
    put(
        "notice_valid_until",
        json!(date_cn(
            c.visit
                .notice_valid_until
                .unwrap_or(batch.schedule.sampling_end)
        )),
    );
    put(
        "samplers",
        json!(
            c.visit
                .samplers
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        ),
    );
    put("domain", json!(c.domain.label()));
    put("outcome", json!(c.outcome.label()));
    put("manufacturer_is_party", json!(c.manufacturer.is_none()));

    if let Some(p) = &c.product {
        let qty = p.test_quantity.unwrap_or(0);
        put(
            "unit_price",
            json!(p.unit_price.map(|m| m.to_string()).unwrap_or_default()),
        );
        let total = c
            .payment
            .as_ref()
            .and_then(|pay| pay.total)
            .or_else(|| p.unit_price.and_then(|u| u.checked_mul(qty)));
        put(
            "total",
            json!(total.map(|m| m.to_string()).unwrap_or_default()),
        );
        put(
            "total_upper",
            json!(total.map(money_upper).unwrap_or_default()),
        );
        put(
            "price_basis",
            json!(p.price_basis.map(|b| b.label()).unwrap_or("")),
        );
        put(
            "sample_quantity",
            json!(format!(
                "检验样品 {} {}，备用样品 {} {}",
                opt_num(p.test_quantity),
                p.unit,
                opt_num(p.backup_quantity),
                p.unit
            )),
        );
    }
    if let Some(s) = &c.seals {
        put("seal_numbers", json!(s.numbers.join("、")));
        put(
            "backup_kept_at",
            json!(match s.backup_kept_at {
                Some(BackupKeeper::Party) => "封存于受检单位",
                Some(BackupKeeper::Lab) => "由检验机构保存",
                None => "",
            }),
        );
    }
    if let Some(pay) = &c.payment {
        put(
            "party_fee",
            json!(
                pay.party_fee
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| "0.00".into())
            ),
        );
    }
    if let Some(r) = &c.refusal {
        put("refusal_determined_on", json!(opt_date_cn(r.determined_on)));
        put("refusal_reported_on", json!(opt_date_cn(r.reported_on)));
    }
    if let Some(n) = &c.not_sampled {
        put("not_sampled_reported_on", json!(opt_date_cn(n.reported_on)));
    }
    if let Some(i) = &c.inspection {
        put("received_on", json!(date_cn(i.received_on)));
        put("issued_on", json!(opt_date_cn(i.issued_on)));
        let period = match (i.tested_from, i.tested_to) {
            (Some(a), Some(b)) => format!("{}—{}", date_cn(a), date_cn(b)),
            (Some(a), None) => date_cn(a),
            _ => String::new(),
        };
        put("tested_period", json!(period));
        put(
            "seal_state",
            json!(if i.seal_intact {
                "封样完好"
            } else {
                "封样破损"
            }),
        );
        let items: Vec<Value> = i
            .items
            .iter()
            .enumerate()
            .map(|(n, it)| {
                json!({
                    "no": n + 1,
                    "verdict": it.verdict.label(),
                    "failed": it.verdict == Verdict::Fail,
                })
            })
            .collect();
        put("items", Value::Array(items));
        put("failed_items", json!(c.failed_items().join("、")));
    }
    if let Some(v) = c.conclusion() {
        put("conclusion", json!(v.label()));
        put("qualified", json!(v == Verdict::Pass));
        let standard = c
            .product
            .as_ref()
            .and_then(|p| p.standard.clone())
            .unwrap_or_default();
        let text = match v {
            Verdict::Pass => {
                format!("经抽样检验，所检项目符合 {standard} 的要求，检验结论为合格。")
            }
            Verdict::Fail => {
                let failed = c.failed_items();
                format!(
                    "经抽样检验，{} 项目不符合 {standard} 的要求，检验结论为不合格。",
                    failed.join("、")
                )
            }
        };
        put("conclusion_text", json!(text));
    }
    if let Some(d) = &c.disposal {
        put("disposal_date", json!(opt_date_cn(d.date)));
    }
    if let Some(d) = &c.delivery {
        put("sent_on", json!(date_cn(d.sent_on)));
    }
    put("objection_days", json!(batch.rules.objection_days));
    put("backup_keep_days", json!(batch.rules.backup_keep_days));
    put("is_refused", json!(c.outcome == Outcome::Refused));
    Value::Object(f)
}

fn opt_num(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_else(|| "—".into())
}

/// The whole context of one per-case document.
pub fn case_context(lb: &LoadedBatch, c: &Case) -> Value {
    let lab = lb.batch.labs.iter().find(|l| l.id == c.lab);
    json!({
        "batch": &lb.batch,
        "batch_f": batch_fmt(&lb.batch),
        "case": c,
        "lab": lab,
        "f": case_fmt(&lb.batch, c),
    })
}

/// One paragraph of the notice's body, with its level: `h1` for `一、…`, `h2` for `（一）…`,
/// `p` for body text.
fn notice_paragraphs(body: &str) -> Vec<Value> {
    const NUMERALS: &str = "一二三四五六七八九十";
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let head: String = line.chars().take_while(|c| NUMERALS.contains(*c)).collect();
            let after = &line[head.len()..];
            let level = if !head.is_empty() && after.starts_with('、') {
                "h1"
            } else if line.starts_with('（')
                && line['（'.len_utf8()..]
                    .chars()
                    .take_while(|c| NUMERALS.contains(*c))
                    .count()
                    > 0
            {
                "h2"
            } else {
                "p"
            };
            // A level-2 heading runs on into its paragraph: split it at the first full stop.
            let (heading, rest) = match (level, line.find('。')) {
                ("h2", Some(i)) => (&line[..i + '。'.len_utf8()], &line[i + '。'.len_utf8()..]),
                _ => (line, ""),
            };
            json!({ "level": level, "text": heading, "rest": rest })
        })
        .collect()
}

fn row_of(c: &Case, no: usize, remark: String) -> Value {
    let p = c.product.as_ref();
    let get = |f: fn(&crate::model::Product) -> Option<&String>| {
        p.and_then(f).cloned().unwrap_or_else(|| "—".into())
    };
    json!({
        "no": no,
        "id": c.id,
        "product": p.map(|p| p.name.clone()).unwrap_or_else(|| c.category.clone()),
        "trademark": get(|p| p.trademark.as_ref()),
        "model": get(|p| p.model.as_ref()),
        "batch": get(|p| p.batch.as_ref()),
        "party": c.party.name,
        "remark": remark,
    })
}

/// The conclusion column of the summary: 合格, 不合格, 拒检, 未抽到样品 or 检验中.
pub fn status_label(c: &Case) -> &'static str {
    match (c.outcome, c.conclusion().filter(|_| c.is_tested())) {
        (Outcome::Refused, _) => "拒检",
        (Outcome::NotSampled, _) => "未抽到样品",
        (Outcome::Sampled, Some(v)) => v.label(),
        (Outcome::Sampled, None) => "检验中",
    }
}

/// Cases in plan order of their category, then by id.
pub fn ordered_cases(lb: &LoadedBatch) -> Vec<&Case> {
    let rank = |c: &Case| {
        lb.batch
            .plan
            .iter()
            .position(|p| p.category == c.category)
            .unwrap_or(usize::MAX)
    };
    let mut cases: Vec<&Case> = lb.cases.iter().map(|lc| &lc.case).collect();
    cases.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
    cases
}

/// The written analysis of the batch, from its numbers: one paragraph per aspect.
fn analysis_text(lb: &LoadedBatch, s: &crate::stats::BatchStats) -> Vec<String> {
    let t = &s.total;
    let mut out = Vec::new();
    out.push(format!(
        "本批次计划抽查 {} 类产品 {} 批次。截至本报告，共完成抽样工作 {} 次，抽取样品 {} 批次，拒检 {} 批次，未抽到样品 {} 批次；已完成检验 {} 批次，其中合格 {} 批次、不合格 {} 批次，批次合格率为 {}（拒检按不合格计）。",
        lb.batch.plan.len(),
        t.planned.unwrap_or(0),
        t.visits,
        t.sampled,
        t.refused,
        t.not_sampled,
        t.tested,
        t.qualified,
        t.unqualified,
        t.rate_text()
    ));
    let doms: Vec<String> = s
        .by_domain
        .iter()
        .filter(|d| d.visits > 0)
        .map(|d| {
            format!(
                "{}领域抽样 {} 批次，合格 {} 批次，合格率 {}",
                d.label,
                d.sampled,
                d.qualified,
                d.rate_text()
            )
        })
        .collect();
    if !doms.is_empty() {
        out.push(format!("分领域看，{}。", doms.join("；")));
    }
    let mut judged: Vec<&crate::stats::Counts> = s
        .by_category
        .iter()
        .filter(|c| c.pass_rate.is_some())
        .collect();
    judged.sort_by(|a, b| {
        a.pass_rate
            .partial_cmp(&b.pass_rate)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if let (Some(low), Some(high)) = (judged.first(), judged.last()) {
        let perfect: Vec<&str> = judged
            .iter()
            .filter(|c| c.pass_rate == Some(100.0))
            .map(|c| c.label.as_str())
            .collect();
        let mut text = format!(
            "分类别看，合格率最低的是{}（{}），最高的是{}（{}）",
            low.label,
            low.rate_text(),
            high.label,
            high.rate_text()
        );
        if !perfect.is_empty() {
            text.push_str(&format!("；{}所检批次全部合格", perfect.join("、")));
        }
        text.push('。');
        out.push(text);
    }
    let unsampled: Vec<String> = s
        .by_category
        .iter()
        .filter_map(|c| {
            c.planned
                .filter(|p| *p > c.visits)
                .map(|p| format!("{}尚差 {} 批次", c.label, p - c.visits))
        })
        .collect();
    if !unsampled.is_empty() {
        out.push(format!("与抽查计划相比，{}。", unsampled.join("，")));
    }
    if s.failures.is_empty() {
        out.push("已检批次未发现不合格项目。".to_string());
    } else {
        let items: Vec<String> = s
            .failures
            .iter()
            .map(|f| {
                format!(
                    "{}（{} 次，涉及{}）",
                    f.item,
                    f.count,
                    f.categories.join("、")
                )
            })
            .collect();
        out.push(format!(
            "不合格项目共 {} 项次，主要为：{}。这些项目直接关系产品的安全性能和使用性能，建议对相关受检单位依法开展后处理，责令其查明原因、整改到位，并在后续抽查中予以重点关注。",
            s.failures.iter().map(|f| f.count).sum::<u32>(),
            items.join("；")
        ));
    }
    if t.refused > 0 {
        out.push(format!("抽样中有 {} 家单位拒绝监督抽查，已会同所在地县级市场监督管理部门共同认定，以拒检不合格向社会公布。", t.refused));
    }
    out
}

/// The whole context of a per-batch document.
pub fn batch_context(lb: &LoadedBatch) -> Value {
    let s = crate::stats::compute(lb);
    let cases = ordered_cases(lb);
    let lab_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| lb.batch.labs.iter().find(|l| &l.id == id))
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    let plan: Vec<Value> = lb
        .batch
        .plan
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "no": i + 1,
                "category": p.category,
                "lots": p.lots,
                "lab": p.lab_note.clone().unwrap_or_default(),
                "lab_name": lab_name(&p.lab),
                "scope": p.scope.clone().unwrap_or_default(),
                "remark": p.remark.clone().unwrap_or_default(),
            })
        })
        .collect();

    let qualified: Vec<Value> = cases
        .iter()
        .filter(|c| c.is_tested() && c.conclusion() == Some(Verdict::Pass))
        .enumerate()
        .map(|(i, c)| row_of(c, i + 1, String::new()))
        .collect();
    let unqualified: Vec<Value> = cases
        .iter()
        .filter(|c| {
            c.outcome == Outcome::Refused
                || (c.is_tested() && c.conclusion() == Some(Verdict::Fail))
        })
        .enumerate()
        .map(|(i, c)| {
            let remark = if c.outcome == Outcome::Refused {
                let why = c
                    .refusal
                    .as_ref()
                    .map(|r| r.description.as_str())
                    .unwrap_or("");
                format!("拒检。{why}")
            } else {
                format!("不合格项目：{}", c.failed_items().join("、"))
            };
            row_of(c, i + 1, remark)
        })
        .collect();

    let summary = summary_rows(lb);

    let title = &lb.batch.title;
    json!({
        "batch": &lb.batch,
        "batch_f": batch_fmt(&lb.batch),
        "titles": {
            "plan": format!("{title}计划"),
            "qualified": format!("{title}合格产品企业名单"),
            "unqualified": format!("{title}不合格产品企业名单"),
            "summary": format!("{title}检验情况汇总表"),
            "analysis": format!("{title}质量分析报告"),
        },
        "paragraphs": notice_paragraphs(lb.batch.notice_body.as_deref().unwrap_or("")),
        "plan": plan,
        "plan_total": lb.batch.plan.iter().map(|p| p.lots).sum::<u32>(),
        "qualified": qualified,
        "unqualified": unqualified,
        "summary": summary,
        "stats": {
            "by_category": s.by_category.iter().map(counts_view).collect::<Vec<_>>(),
            "by_domain": s.by_domain.iter().map(counts_view).collect::<Vec<_>>(),
            "total": counts_view(&s.total),
            "failures": s.failures,
        },
        "analysis": analysis_text(lb, &s),
        "labs": lb.batch.labs.iter().map(|l| l.name.clone()).collect::<Vec<_>>().join("、"),
    })
}

fn counts_view(c: &crate::stats::Counts) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    v["rate_text"] = json!(c.rate_text());
    // The rate as a fraction for charts (0 when nothing was judged).
    v["rate"] = json!(c.pass_rate.unwrap_or(0.0) / 100.0);
    v["judged"] = json!(c.pass_rate.is_some());
    v
}

/// One row of the summary table (检验情况汇总表), for the PDF and the spreadsheet alike.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SummaryRow {
    pub no: usize,
    pub id: String,
    pub category: String,
    pub domain: &'static str,
    pub party: String,
    /// The nominal manufacturer, or the party itself when it made the product.
    pub manufacturer: String,
    pub product: String,
    pub model: String,
    pub batch: String,
    pub standard: String,
    pub date: chrono::NaiveDate,
    pub report_no: String,
    pub conclusion: &'static str,
    pub failed: String,
    /// `2023-03-25 EMS 1234567890123`, empty until delivered.
    pub delivery: String,
}

/// The column titles of the summary table, in the order of [`SummaryRow`]'s fields.
pub const SUMMARY_HEADERS: [&str; 15] = [
    "序号",
    "抽样单编号",
    "产品类别",
    "领域",
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
    "EMS 送达",
];

pub fn summary_rows(lb: &LoadedBatch) -> Vec<SummaryRow> {
    ordered_cases(lb)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let p = c.product.as_ref();
            let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
            SummaryRow {
                no: i + 1,
                id: c.id.clone(),
                category: c.category.clone(),
                domain: c.domain.label(),
                party: c.party.name.clone(),
                manufacturer: c
                    .manufacturer
                    .as_ref()
                    .map_or_else(|| c.party.name.clone(), |m| m.name.clone()),
                product: opt(p.map(|p| &p.name)),
                model: opt(p.and_then(|p| p.model.as_ref())),
                batch: opt(p.and_then(|p| p.batch.as_ref())),
                standard: opt(p.and_then(|p| p.standard.as_ref())),
                date: c.visit.date,
                report_no: opt(c.inspection.as_ref().and_then(|i| i.report_no.as_ref())),
                conclusion: status_label(c),
                failed: c.failed_items().join("、"),
                delivery: c
                    .delivery
                    .as_ref()
                    .map(|d| {
                        let no = d.tracking_no.clone().unwrap_or_default();
                        format!("{} {} {no}", d.sent_on.format("%Y-%m-%d"), d.method)
                            .trim()
                            .to_string()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

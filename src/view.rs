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
        let failed: Vec<&str> = i
            .items
            .iter()
            .filter(|it| it.verdict == Verdict::Fail)
            .map(|it| it.name.as_str())
            .collect();
        put("failed_items", json!(failed.join("、")));
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
                let failed: Vec<&str> = c
                    .inspection
                    .iter()
                    .flat_map(|i| i.items.iter())
                    .filter(|it| it.verdict == Verdict::Fail)
                    .map(|it| it.name.as_str())
                    .collect();
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

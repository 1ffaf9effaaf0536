//! The prepared view a template receives: the raw values as written in the YAML (`case`,
//! `batch`, `lab`) and the values the program derives and formats once (`f`): dates in the
//! Chinese form, money in figures and capitals, the conclusion from the items. Templates lay
//! out; they never compute a verdict or a total.

use serde_json::{Map, Value, json};

use chrono::NaiveDate;

use crate::documents::format::{date_cn, money_upper, opt_date_cn};
use crate::input::load::LoadedBatch;
use crate::input::model::{AnnexContent, BackupKeeper, Batch, Case, Outcome, Verdict};
use crate::input::stats::{BatchStats, Counts, Share};

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
        "publication": b.publication.note(),
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
                "检验样品{}，备用样品{}",
                with_unit(&opt_num(p.test_quantity), &p.unit),
                with_unit(&opt_num(p.backup_quantity), &p.unit),
            )),
        );
        for (key, n) in [
            ("test_qty", p.test_quantity),
            ("backup_qty", p.backup_quantity),
            ("base_qty", p.base_quantity),
        ] {
            put(
                key,
                json!(
                    n.map(|n| with_unit(&n.to_string(), &p.unit))
                        .unwrap_or_default()
                ),
            );
        }
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
                    "result": with_unit(&it.result, it.unit.as_deref().unwrap_or("")),
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
                format!("经抽样检验，所检项目符合{standard}的要求，检验结论为合格。")
            }
            Verdict::Fail => {
                let failed = c.failed_items();
                format!(
                    "经抽样检验，{}项目不符合{standard}的要求，检验结论为不合格。",
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

/// A quantity with its unit as printed: `2桶`, `65%`, `2.1 MPa` (a space only before a unit
/// written in Latin letters).
pub fn with_unit(value: &str, unit: &str) -> String {
    let unit = unit.trim();
    if unit.is_empty() {
        value.to_string()
    } else if unit.starts_with(|c: char| c.is_ascii_alphabetic()) {
        format!("{value} {unit}")
    } else {
        format!("{value}{unit}")
    }
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
    let get = |f: fn(&crate::input::model::Product) -> Option<&String>| {
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

/// The conclusion column of the summary: 合格, 不合格, 拒检, 未抽到样品, 检验中 (the lab has
/// the sample) or 待检验 (not yet received).
pub fn status_label(c: &Case) -> &'static str {
    match (c.outcome, c.conclusion().filter(|_| c.is_tested())) {
        (Outcome::Refused | Outcome::NotSampled, _) => c.outcome.label(),
        (Outcome::Sampled, Some(v)) => v.label(),
        (Outcome::Sampled, None) if c.inspection.is_some() => "检验中",
        (Outcome::Sampled, None) => "待检验",
    }
}

/// Cases in plan order of their category, then by id.
pub fn ordered_cases(lb: &LoadedBatch) -> Vec<&Case> {
    ordered_share(lb, Share::All)
}

/// The cases of a share, in plan order of their category, then by id.
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
        .filter(|c| share.has_case(c))
        .collect();
    cases.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
    cases
}

/// The date a per-batch report is signed on: the day the analysis was submitted, else the
/// latest date the share's cases record (the numbers are as of that day), else the notice's
/// date.
pub fn report_date(lb: &LoadedBatch, share: Share) -> NaiveDate {
    lb.batch
        .analysis_submitted_on
        .unwrap_or_else(|| latest_record(lb, share).unwrap_or(lb.batch.issued_on))
}

/// The latest date any case of the share records.
pub fn latest_record(lb: &LoadedBatch, share: Share) -> Option<NaiveDate> {
    lb.cases
        .iter()
        .filter(|lc| share.has_case(&lc.case))
        .flat_map(|lc| lc.case.recorded_dates())
        .max()
}

/// `A、B`: names joined as in Chinese prose.
fn join_cn<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| s.as_ref())
        .collect::<Vec<_>>()
        .join("、")
}

/// The written analysis of a share of the batch, from its numbers: one paragraph per aspect.
/// Every figure is one of `s`; what a rate is taken over is said where it is given.
fn analysis_text(lb: &LoadedBatch, share: Share, s: &BatchStats, as_of: NaiveDate) -> Vec<String> {
    let t = &s.total;
    let planned_categories = s.by_category.iter().filter(|c| c.planned.is_some()).count();
    let mut out = Vec::new();
    let reasons: Vec<&str> = {
        let mut r: Vec<&str> = lb
            .cases
            .iter()
            .filter(|lc| share.has_case(&lc.case))
            .filter_map(|lc| lc.case.not_sampled.as_ref())
            .map(|n| n.reason.trim())
            .collect();
        r.sort();
        r.dedup();
        r
    };
    let not_sampled = if t.not_sampled > 0 {
        format!(
            "；另有{}次因{}未抽到样品，不计入批次",
            t.not_sampled,
            join_cn(&reasons)
        )
    } else {
        String::new()
    };
    out.push(format!(
        "本次计划抽查{}类产品{}批次。截至{}，共完成抽样工作{}次：抽取样品{}批次、拒检{}批次，共计{}批次{}。已完成检验{}批次，其中合格{}批次、不合格{}批次。批次合格率（合格批次 ÷（已检验批次 + 拒检批次），拒检按不合格计）为{}。",
        planned_categories,
        t.planned.unwrap_or(0),
        date_cn(as_of),
        t.visits,
        t.sampled,
        t.refused,
        t.lots,
        not_sampled,
        t.tested,
        t.qualified,
        t.unqualified,
        rate_with_fraction(t),
    ));
    let doms: Vec<String> = s
        .by_domain
        .iter()
        .filter(|d| d.visits > 0)
        .map(|d| {
            format!(
                "{}领域抽取样品{}批次、拒检{}批次，已检验{}批次，其中合格{}批次，合格率{}",
                d.label,
                d.sampled,
                d.refused,
                d.tested,
                d.qualified,
                rate_with_fraction(d)
            )
        })
        .collect();
    if !doms.is_empty() {
        out.push(format!("分领域看，{}。", doms.join("；")));
    }
    if let Some((lows, highs)) = s.extremes() {
        let judged = s
            .by_category
            .iter()
            .filter(|c| c.pass_rate.is_some())
            .count();
        let names =
            |cs: &[&Counts]| join_cn(&cs.iter().map(|c| c.label.as_str()).collect::<Vec<_>>());
        let rate = |cs: &[&Counts]| {
            let r = cs[0].rate_text();
            if cs.len() > 1 {
                format!("均为{r}")
            } else {
                r
            }
        };
        let mut text = if judged == 1 {
            format!(
                "分类别看，仅{}有检验结果，合格率为{}",
                names(&lows),
                lows[0].rate_text()
            )
        } else if lows.len() == judged {
            format!(
                "分类别看，{}的合格率均为{}",
                names(&lows),
                lows[0].rate_text()
            )
        } else {
            format!(
                "分类别看，合格率最低的是{}（{}），最高的是{}（{}）",
                names(&lows),
                rate(&lows),
                names(&highs),
                rate(&highs)
            )
        };
        let perfect: Vec<&str> = s
            .by_category
            .iter()
            .filter(|c| c.pass_rate.is_some() && c.qualified == c.judged())
            .map(|c| c.label.as_str())
            .collect();
        let highs_are_perfect =
            highs.iter().all(|c| c.qualified == c.judged()) && highs.len() == perfect.len();
        if !perfect.is_empty() && perfect.len() < judged && !highs_are_perfect {
            text.push_str(&format!("；{}所检批次全部合格", join_cn(&perfect)));
        }
        text.push('。');
        out.push(text);
    }
    let short: Vec<String> = s
        .by_category
        .iter()
        .filter(|c| c.shortfall > 0)
        .map(|c| format!("{}尚差{}批次", c.label, c.shortfall))
        .collect();
    if !short.is_empty() {
        out.push(format!(
            "与抽查计划相比，{}，共差{}批次。",
            short.join("，"),
            t.shortfall
        ));
    }
    if s.failures.is_empty() {
        out.push("已检批次未发现不合格项目。".to_string());
    } else {
        let items: Vec<String> = s
            .failures
            .iter()
            .map(|f| {
                format!(
                    "{}（{}次，涉及{}）",
                    f.item,
                    f.count,
                    join_cn(&f.categories)
                )
            })
            .collect();
        out.push(format!(
            "不合格项目共{}项次，主要为：{}。这些项目直接关系产品的安全性能和使用性能，建议对相关受检单位依法开展后处理，责令其查明原因、整改到位，并在后续抽查中予以重点关注。",
            s.failures.iter().map(|f| f.count).sum::<u32>(),
            items.join("；")
        ));
    }
    if t.refused > 0 {
        let mut bodies: Vec<&str> = lb
            .cases
            .iter()
            .filter(|lc| share.has_case(&lc.case))
            .filter_map(|lc| lc.case.refusal.as_ref())
            .filter_map(|r| r.county_bureau.as_deref())
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .collect();
        bodies.sort();
        bodies.dedup();
        let with = if bodies.is_empty() {
            format!("受检单位所在地{}", lb.batch.terms.local_body)
        } else {
            join_cn(&bodies)
        };
        out.push(format!(
            "抽样中有{}批次受检单位拒绝监督抽查，已会同{with}共同认定，以拒检不合格向社会公布。",
            t.refused
        ));
    }
    out
}

/// `60.0%（6 ÷ 10）`: the rate with what it is taken over; `—（无已检验或拒检批次）` when
/// nothing was judged.
fn rate_with_fraction(c: &Counts) -> String {
    match c.pass_rate {
        // No break between the figures: non-breaking spaces around ÷.
        Some(_) => format!(
            "{}（{}\u{a0}÷\u{a0}{}）",
            c.rate_text(),
            c.qualified,
            c.judged()
        ),
        None => "—（无已检验或拒检批次）".to_string(),
    }
}

/// The annexes of the notice as templates show them: number, title, what is typeset, and the
/// attached file's pages.
fn annexes_view(lb: &LoadedBatch) -> Vec<Value> {
    lb.batch
        .annexes()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            json!({
                "no": i + 1,
                "title": a.title,
                "content": a.content,
                "file": a.file,
            })
        })
        .collect()
}

/// The whole context of a per-batch document: of the whole batch, or of one lab's share.
pub fn batch_context(lb: &LoadedBatch) -> Value {
    share_context(lb, Share::All)
}

/// The context of a per-batch document of one share.
pub fn share_context(lb: &LoadedBatch, share: Share) -> Value {
    let b = &lb.batch;
    let s = crate::input::stats::compute_share(lb, share);
    let cases = ordered_share(lb, share);
    let plan: Vec<Value> = b
        .plan
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let lab_name = p
                .lab
                .as_deref()
                .and_then(|id| b.lab(id))
                .map(|l| l.name.clone())
                .unwrap_or_default();
            json!({
                "no": i + 1,
                "category": p.category,
                "lots": p.lots,
                "lab": p.lab_note.clone().unwrap_or_else(|| lab_name.clone()),
                "lab_name": lab_name,
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
            // A refusal is published as such; what happened stays on the refusal form.
            let remark = if c.outcome == Outcome::Refused {
                Outcome::Refused.label().to_string()
            } else {
                format!("不合格项目：{}", c.failed_items().join("、"))
            };
            row_of(c, i + 1, remark)
        })
        .collect();

    let all_labs = crate::input::stats::labs_with_work(lb);
    let (labs, issuer, lab_column) = match share {
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
    };
    let date = report_date(lb, share);
    let title = &b.title;
    let annex_title = |content, fallback: String| b.annex_of(content).map_or(fallback, |(_, t)| t);
    let annex_no = |content| b.annex_of(content).map(|(n, _)| n);
    json!({
        "batch": b,
        "batch_f": batch_fmt(b),
        "titles": {
            "plan": annex_title(AnnexContent::Plan, format!("{title}计划")),
            "qualified": annex_title(AnnexContent::QualifiedList, format!("{title}合格产品企业名单")),
            "unqualified": annex_title(AnnexContent::UnqualifiedList, format!("{title}不合格产品企业名单")),
            "summary": format!("{title}检验情况汇总表"),
            "analysis": format!("{title}质量分析报告"),
        },
        "annex_no": {
            "qualified": annex_no(AnnexContent::QualifiedList),
            "unqualified": annex_no(AnnexContent::UnqualifiedList),
        },
        "annexes": annexes_view(lb),
        "title_lines": title_lines(&b.notice_title, &b.authority.name),
        "paragraphs": notice_paragraphs(b.notice_body.as_deref().unwrap_or("")),
        "plan": plan,
        "plan_total": b.plan.iter().map(|p| p.lots).sum::<u32>(),
        "qualified": qualified,
        "unqualified": unqualified,
        "summary": summary_rows_of(&cases, b),
        "lab_column": lab_column,
        "stats": {
            "by_category": s.by_category.iter().map(counts_view).collect::<Vec<_>>(),
            "by_domain": s.by_domain.iter().map(counts_view).collect::<Vec<_>>(),
            "total": counts_view(&s.total),
            "failures": s.failures,
        },
        "analysis": analysis_text(lb, share, &s, date),
        "labs": labs,
        "issuer": issuer,
        "report_date": date_cn(date),
    })
}

/// The notice's title in lines broken by meaning (GB/T 9704 7.3.3: 回行时词意完整，排列对称，
/// 长短适宜): a title that fits one line of 2号 type stays whole; a longer one is broken, into
/// as few lines as fit, only where a phrase ends (after the issuing authority's name, around
/// 关于, before 开展, 组织, 产品质量, 监督抽查 or 的通知), choosing the most even lines. A title
/// written with line breaks keeps them; one no such break can fit is left to the typesetter.
pub fn title_lines(title: &str, authority: &str) -> Vec<String> {
    /// Characters of 22 pt type in the 156 mm type area.
    const LINE: usize = 20;
    /// Phrases a line may begin with.
    const STARTS: &[&str] = &[
        "关于",
        "开展",
        "组织",
        "产品质量",
        "监督抽查",
        "的通知",
        "的决定",
    ];
    // Half-width characters count half.
    let width = |s: &str| -> usize {
        let half = s.chars().filter(|c| c.is_ascii()).count();
        s.chars().count() - half / 2
    };
    if title.contains('\n') {
        return title
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
    }
    if width(title) <= LINE {
        return vec![title.to_string()];
    }
    let mut cuts: Vec<usize> = Vec::new();
    if title.starts_with(authority) && authority.len() < title.len() {
        cuts.push(authority.len());
    }
    for start in STARTS {
        cuts.extend(
            title
                .match_indices(start)
                .map(|(i, _)| i)
                .filter(|&i| i > 0),
        );
    }
    if let Some(i) = title.find("关于") {
        cuts.push(i + "关于".len());
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Every way of cutting into two or three lines that fit; the fewest lines, then the most
    // even (the smallest difference between the longest and the shortest line).
    let mut ways: Vec<Vec<usize>> = cuts.iter().map(|&c| vec![c]).collect();
    for (i, &a) in cuts.iter().enumerate() {
        for &b in &cuts[i + 1..] {
            ways.push(vec![a, b]);
        }
    }
    let lines_of = |way: &[usize]| -> Vec<&str> {
        let mut out = Vec::new();
        let mut from = 0;
        for &c in way {
            out.push(&title[from..c]);
            from = c;
        }
        out.push(&title[from..]);
        out
    };
    ways.into_iter()
        .map(|w| {
            lines_of(&w)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|lines| lines.iter().all(|l| !l.is_empty() && width(l) <= LINE))
        .min_by_key(|lines| {
            let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
            let spread = widths.iter().max().unwrap_or(&0) - widths.iter().min().unwrap_or(&0);
            (lines.len(), spread)
        })
        .unwrap_or_else(|| vec![title.to_string()])
}

fn counts_view(c: &Counts) -> Value {
    let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
    v["rate_text"] = json!(c.rate_text());
    // The rate as a fraction for charts (0 when nothing was judged).
    v["rate"] = json!(c.pass_rate.unwrap_or(0.0) / 100.0);
    v["judged"] = json!(c.pass_rate.is_some());
    v["judged_lots"] = json!(c.judged());
    v
}

/// One row of the summary table (检验情况汇总表), for the PDF and the spreadsheet alike.
#[derive(Debug, Clone, serde::Serialize)]
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
    pub date: chrono::NaiveDate,
    pub report_no: String,
    pub conclusion: &'static str,
    pub failed: String,
    /// `2023-03-25 EMS 1234567890123`, empty until delivered.
    pub delivery: String,
    /// The same in its parts (date, method, tracking number), a line each on paper.
    pub delivery_parts: Vec<String>,
}

/// The column titles of the summary table, in the order of [`SummaryRow`]'s fields.
pub const SUMMARY_HEADERS: [&str; 16] = [
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

/// The rows of the whole batch's summary table.
pub fn summary_rows(lb: &LoadedBatch) -> Vec<SummaryRow> {
    summary_rows_of(&ordered_cases(lb), &lb.batch)
}

/// The rows of the summary table of one share.
pub fn summary_share(lb: &LoadedBatch, share: Share) -> Vec<SummaryRow> {
    summary_rows_of(&ordered_share(lb, share), &lb.batch)
}

fn summary_rows_of(cases: &[&Case], b: &Batch) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let p = c.product.as_ref().filter(|_| c.outcome == Outcome::Sampled);
            let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
            SummaryRow {
                no: i + 1,
                id: c.id.clone(),
                category: c.category.clone(),
                domain: c.domain.label(),
                lab: b
                    .lab(&c.lab)
                    .map(|l| l.name.clone())
                    .unwrap_or_else(|| c.lab.clone()),
                party: c.party.name.clone(),
                manufacturer: if c.outcome == Outcome::Sampled {
                    c.manufacturer
                        .as_ref()
                        .map_or_else(|| c.party.name.clone(), |m| m.name.clone())
                } else {
                    String::new()
                },
                product: opt(p.map(|p| &p.name)),
                model: opt(p.and_then(|p| p.model.as_ref())),
                batch: opt(p.and_then(|p| p.batch.as_ref())),
                standard: opt(p.and_then(|p| p.standard.as_ref())),
                date: c.visit.date,
                report_no: opt(c.inspection.as_ref().and_then(|i| i.report_no.as_ref())),
                conclusion: status_label(c),
                failed: c.failed_items().join("、"),
                delivery_parts: c
                    .delivery
                    .as_ref()
                    .map(|d| {
                        [
                            d.sent_on.format("%Y-%m-%d").to_string(),
                            d.method.trim().to_string(),
                            d.tracking_no.as_deref().unwrap_or("").trim().to_string(),
                        ]
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .collect()
                    })
                    .unwrap_or_default(),
                delivery: String::new(),
            }
        })
        .collect();
    for r in &mut rows {
        r.delivery = r.delivery_parts.join(" ");
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_break_where_a_phrase_ends() {
        let auth = "晋城市市场监督管理局";
        assert_eq!(
            title_lines(
                "晋城市市场监督管理局关于组织2023年第一批产品质量监督抽查的通知",
                auth
            ),
            [
                "晋城市市场监督管理局关于",
                "组织2023年第一批产品质量监督抽查的通知"
            ]
        );
        let auth = "示例市东湖新技术开发区市场监督管理局";
        assert_eq!(
            title_lines(
                "示例市东湖新技术开发区市场监督管理局关于开展2024年第一批区级产品质量监督抽查的通知",
                auth
            ),
            [auth, "关于开展2024年第一批区级", "产品质量监督抽查的通知"]
        );
        assert_eq!(title_lines("关于抽查的通知", auth), ["关于抽查的通知"]);
        assert_eq!(title_lines("第一行\n第二行", auth), ["第一行", "第二行"]);
    }

    #[test]
    fn units_follow_their_figures_as_printed() {
        assert_eq!(with_unit("2", "桶"), "2桶");
        assert_eq!(with_unit("65", "%"), "65%");
        assert_eq!(with_unit("2.1", "MPa"), "2.1 MPa");
        assert_eq!(with_unit("3", ""), "3");
    }
}

//! The written analysis of the quality analysis report: one paragraph per aspect, every
//! figure one of the batch's numbers, what a rate is taken over said where it is given.

use chrono::NaiveDate;

use crate::format::{date_cn, join_cn};
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::Case;
use spotcheck_input::stats::{BatchStats, Counts, Share};

/// The written analysis of a share of the batch, from its numbers: one paragraph per aspect.
/// Every figure is one of `s`; what a rate is taken over is said where it is given.
pub(crate) fn analysis_text(
    lb: &LoadedBatch,
    share: Share,
    s: &BatchStats,
    as_of: NaiveDate,
) -> Vec<String> {
    [
        Some(overview(lb, share, s, as_of)),
        domains(s),
        categories(s),
        shortfall(s),
        Some(failures(s)),
        refusals(lb, share, s),
        retests(lb, share),
        rechecks(s),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What was planned, done and tested, and the batch's pass rate.
fn overview(lb: &LoadedBatch, share: Share, s: &BatchStats, as_of: NaiveDate) -> String {
    let t = &s.total;
    let planned_categories = s.by_category.iter().filter(|c| c.planned.is_some()).count();
    let reasons = distinct(lb, share, |c| {
        c.not_sampled.as_ref().map(|n| n.reason.as_str())
    });
    let not_sampled = if t.not_sampled > 0 {
        format!(
            "；另有{}次因{}未抽到样品，不计入批次",
            t.not_sampled,
            join_cn(&reasons)
        )
    } else {
        String::new()
    };
    format!(
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
    )
}

/// The numbers of each domain (生产, 流通) that saw a visit.
fn domains(s: &BatchStats) -> Option<String> {
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
    (!doms.is_empty()).then(|| format!("分领域看，{}。", doms.join("；")))
}

/// The lowest and highest pass rates by category, ties named together.
fn categories(s: &BatchStats) -> Option<String> {
    let (lows, highs) = s.extremes()?;
    let judged = s
        .by_category
        .iter()
        .filter(|c| c.pass_rate.is_some())
        .count();
    let names = |cs: &[&Counts]| join_cn(&cs.iter().map(|c| c.label.as_str()).collect::<Vec<_>>());
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
    Some(text)
}

/// The categories still short of their plan.
fn shortfall(s: &BatchStats) -> Option<String> {
    let t = &s.total;
    let short: Vec<String> = s
        .by_category
        .iter()
        .filter(|c| c.shortfall > 0)
        .map(|c| format!("{}尚差{}批次", c.label, c.shortfall))
        .collect();
    (!short.is_empty()).then(|| {
        format!(
            "与抽查计划相比，{}，共差{}批次。",
            short.join("，"),
            t.shortfall
        )
    })
}

/// The failed items, with how often and in which categories.
fn failures(s: &BatchStats) -> String {
    if s.failures.is_empty() {
        "已检批次未发现不合格项目。".to_string()
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
        format!(
            "不合格项目共{}项次，主要为：{}。这些项目直接关系产品的安全性能和使用性能，建议对相关受检单位依法开展后处理，责令其查明原因、整改到位，并在后续抽查中予以重点关注。",
            s.failures.iter().map(|f| f.count).sum::<u32>(),
            items.join("；")
        )
    }
}

/// The refusals, with the bodies that confirmed them.
fn refusals(lb: &LoadedBatch, share: Share, s: &BatchStats) -> Option<String> {
    let t = &s.total;
    if t.refused == 0 {
        return None;
    }
    let bodies = distinct(lb, share, |c| {
        c.refusal.as_ref().and_then(|r| r.county_bureau.as_deref())
    });
    let with = if bodies.is_empty() {
        format!("受检单位所在地{}", lb.batch.terms.local_body)
    } else {
        join_cn(&bodies)
    };
    Some(format!(
        "抽样中有{}批次受检单位拒绝监督抽查，已会同{with}共同认定，以拒检不合格向社会公布。",
        t.refused
    ))
}

/// The different non-blank values `field` gives for the cases of the share, sorted.
fn distinct<'a>(
    lb: &'a LoadedBatch,
    share: Share,
    field: impl Fn(&'a Case) -> Option<&'a str>,
) -> Vec<&'a str> {
    let mut values: Vec<&str> = lb
        .cases
        .iter()
        .filter(|lc| share.has_case(&lc.case))
        .filter_map(|lc| field(&lc.case))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    values.sort();
    values.dedup();
    values
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

/// The objections, and what the re-tests from the backup samples decided.
fn retests(lb: &LoadedBatch, share: Share) -> Option<String> {
    let cases: Vec<&Case> = lb
        .cases
        .iter()
        .map(|lc| &lc.case)
        .filter(|c| share.has_case(c) && c.objection.is_some())
        .collect();
    if cases.is_empty() {
        return None;
    }
    let accepted = cases
        .iter()
        .filter(|c| c.objection.as_ref().and_then(|o| o.accepted) == Some(true))
        .count();
    let reported: Vec<&&Case> = cases
        .iter()
        .filter(|c| c.retest().is_some_and(|r| r.is_reported()))
        .collect();
    let overturned = reported.iter().filter(|c| c.retest_overturned()).count();
    let mut text = format!(
        "检验结果送达后，有{}批次的受检单位或标称生产者提出异议并申请复检，受理{}批次",
        cases.len(),
        accepted
    );
    if !reported.is_empty() {
        text.push_str(&format!(
            "；已完成复检{}批次，其中{}批次复检结论与初检结论不一致，名单和上述数字按复检结论（最终结论）统计，初检结果保存在档案中",
            reported.len(),
            overturned
        ));
    }
    text.push('。');
    Some(text)
}

/// The re-inspections (复查), reported apart from the batch's categories and rates.
fn rechecks(s: &BatchStats) -> Option<String> {
    let r = &s.rechecks;
    if r.visits == 0 && r.planned.is_none() {
        return None;
    }
    let planned = r
        .planned
        .map(|n| format!("通知要求复查{n}批次，"))
        .unwrap_or_default();
    Some(format!(
        "此外，{planned}对以往抽查不合格企业复查{}批次（抽取样品{}批次、拒检{}批次），已检验{}批次，其中合格{}批次，复查合格率{}。复查批次单独统计，不计入本次抽查的类别、批次和合格率。",
        r.lots,
        r.sampled,
        r.refused,
        r.tested,
        r.qualified,
        rate_with_fraction(r)
    ))
}

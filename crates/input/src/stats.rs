//! The batch's numbers, computed once from the cases: counts per category and per domain, lots
//! against the plan, pass rates, and how often each test item failed. `check`, `status`, the
//! lists, the summary table (PDF and spreadsheet) and the quality analysis report all read them
//! from here, so that no two outputs can disagree.
//!
//! The words mean one thing each:
//! - a **visit** is a visited case: one sampling visit, whatever its outcome; a *planned* case
//!   (written before its visit, no outcome yet) is no visit and no lot, counted apart as
//!   `scheduled`;
//! - a **lot** (批次) is a visit that used up one lot of the plan: sampled or refused. A visit
//!   that found nothing to sample (停产, 停业 …) is not a lot;
//! - the **shortfall** of a category is its planned lots minus its lots, never below zero; the
//!   total shortfall is the sum over the categories (a category over its plan does not make up
//!   for another under it);
//! - the **pass rate** is qualified ÷ (tested + refused): a refusal is published as
//!   unqualified.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::LoadedBatch;
use crate::model::{Case, Domain, Outcome, Stage, Verdict};

/// Counts for one row (a category, a domain, or the whole batch).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    pub label: String,
    /// Planned lots (categories and the total only).
    pub planned: Option<u32>,
    /// Planned cases: written before their visit, no outcome yet (not visits, not lots).
    pub scheduled: u32,
    /// Visits made (every visited case).
    pub visits: u32,
    /// Lots: sampled and refused visits.
    pub lots: u32,
    /// Lots sampled.
    pub sampled: u32,
    /// Lots with a report and items.
    pub tested: u32,
    pub qualified: u32,
    pub unqualified: u32,
    pub refused: u32,
    pub not_sampled: u32,
    /// Planned lots still to do: planned minus lots, at least 0 (for the total, the sum over
    /// the categories).
    pub shortfall: u32,
    /// qualified / (tested + refused), in percent: a refusal is published as unqualified.
    pub pass_rate: Option<f64>,
}

impl Counts {
    fn new(label: &str, planned: Option<u32>) -> Counts {
        Counts {
            label: label.to_string(),
            planned,
            ..Default::default()
        }
    }

    fn add(&mut self, c: &Case) {
        let outcome = match c.stage() {
            Stage::Planned => {
                self.scheduled += 1;
                return;
            }
            Stage::Visited(o) => o,
        };
        self.visits += 1;
        if counts_as_lot(c) {
            self.lots += 1;
        }
        match outcome {
            Outcome::Sampled => self.sampled += 1,
            Outcome::Refused => self.refused += 1,
            Outcome::NotSampled => self.not_sampled += 1,
        }
        if c.is_tested() {
            self.tested += 1;
            match c.final_conclusion() {
                Some(Verdict::Pass) => self.qualified += 1,
                Some(Verdict::Fail) => self.unqualified += 1,
                None => {}
            }
        }
    }

    fn finish(&mut self) {
        let judged = self.judged();
        self.pass_rate =
            (judged > 0).then(|| f64::from(self.qualified) * 100.0 / f64::from(judged));
        self.shortfall = self.planned.unwrap_or(0).saturating_sub(self.lots);
    }

    /// The lots the pass rate is taken over: tested and refused.
    pub fn judged(&self) -> u32 {
        self.tested + self.refused
    }

    /// `93.3%`, or `—` when nothing was judged.
    pub fn rate_text(&self) -> String {
        self.pass_rate
            .map_or_else(|| "—".to_string(), |r| format!("{r:.1}%"))
    }

    /// Compares the exact pass rates (qualified ÷ judged) of two rows that both have one.
    fn cmp_rate(&self, other: &Counts) -> Ordering {
        let a = u64::from(self.qualified) * u64::from(other.judged());
        let b = u64::from(other.qualified) * u64::from(self.judged());
        a.cmp(&b)
    }
}

/// A sampled or refused case uses up one lot of the plan; a visit with nothing to sample
/// does not, nor does a planned case.
pub fn counts_as_lot(c: &Case) -> bool {
    matches!(c.outcome, Some(Outcome::Sampled | Outcome::Refused))
}

/// One failing test item and how often it failed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemFailures {
    pub item: String,
    pub count: u32,
    /// The categories in which it failed, in plan order.
    pub categories: Vec<String>,
}

/// Whose lots the numbers are of: the whole batch, or one lab's share of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share<'a> {
    All,
    /// The plan rows assigned to this lab (by id) and the cases it handled.
    Lab(&'a str),
}

impl Share<'_> {
    /// Whether a case belongs to this share.
    pub fn has_case(&self, c: &Case) -> bool {
        match self {
            Share::All => true,
            Share::Lab(id) => c.lab == *id,
        }
    }
}

/// All numbers of a batch, or of one lab's share of it.
#[derive(Debug, Clone, Serialize)]
pub struct BatchStats {
    /// In plan order; categories of cases that are not in the plan follow.
    pub by_category: Vec<Counts>,
    pub by_domain: Vec<Counts>,
    pub total: Counts,
    /// Re-inspections (复查) of enterprises that failed before: reported apart, in no
    /// category, domain or total above. `planned` is the batch's `rechecks`.
    pub rechecks: Counts,
    /// Most frequent first, then by name.
    pub failures: Vec<ItemFailures>,
}

impl BatchStats {
    /// The categories with the lowest and with the highest pass rate, each with every
    /// category that ties with it; `None` when no category has a rate. When all rates are
    /// equal, both lists hold every judged category.
    pub fn extremes(&self) -> Option<(Vec<&Counts>, Vec<&Counts>)> {
        let judged: Vec<&Counts> = self
            .by_category
            .iter()
            .filter(|c| c.pass_rate.is_some())
            .collect();
        let low = judged.iter().copied().min_by(|a, b| a.cmp_rate(b))?;
        let high = judged.iter().copied().max_by(|a, b| a.cmp_rate(b))?;
        let lows = judged
            .iter()
            .copied()
            .filter(|c| c.cmp_rate(low) == Ordering::Equal)
            .collect();
        let highs = judged
            .iter()
            .copied()
            .filter(|c| c.cmp_rate(high) == Ordering::Equal)
            .collect();
        Some((lows, highs))
    }
}

/// The numbers of the whole batch.
pub fn compute(lb: &LoadedBatch) -> BatchStats {
    compute_share(lb, Share::All)
}

/// The numbers of one share of the batch. For a lab: the plan rows assigned to it (with one
/// lab in the batch, every row) and the cases it handled.
pub fn compute_share(lb: &LoadedBatch, share: Share) -> BatchStats {
    let b = &lb.batch;
    let row_in_share = |lab: &Option<String>| match share {
        Share::All => true,
        Share::Lab(id) => lab.as_deref() == Some(id) || (lab.is_none() && b.labs.len() == 1),
    };
    // A category listed twice in the plan counts once, with the sum of its rows (check
    // reports the duplicate).
    let mut cats: Vec<Counts> = Vec::new();
    for p in b.plan.iter().filter(|p| row_in_share(&p.lab)) {
        match cats.iter_mut().find(|c| c.label == p.category) {
            Some(c) => c.planned = Some(c.planned.unwrap_or(0) + p.lots),
            None => cats.push(Counts::new(&p.category, Some(p.lots))),
        }
    }
    let mut doms: Vec<Counts> = Domain::ALL
        .iter()
        .map(|d| Counts::new(d.label(), None))
        .collect();
    let mut rechecks = Counts::new("复查", b.rechecks);
    let mut fails: BTreeMap<String, (u32, Vec<String>)> = BTreeMap::new();
    // The order in which the lots (in the order of the batch's cases) first found each item.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut category_order: Vec<String> = cats.iter().map(|c| c.label.clone()).collect();

    for lc in lb.cases.iter().filter(|lc| share.has_case(&lc.case)) {
        let c = &lc.case;
        if c.is_recheck() {
            rechecks.add(c);
            continue;
        }
        let ci = match cats.iter().position(|k| k.label == c.category) {
            Some(i) => i,
            None => {
                cats.push(Counts::new(&c.category, None));
                category_order.push(c.category.clone());
                cats.len() - 1
            }
        };
        cats[ci].add(c);
        doms[Domain::ALL.iter().position(|d| *d == c.domain).unwrap_or(0)].add(c);
        if c.is_tested() {
            for name in c.final_failed_items() {
                let next = seen.len();
                seen.entry(name.to_string()).or_insert(next);
                let e = fails.entry(name.to_string()).or_default();
                e.0 += 1;
                if !e.1.contains(&c.category) {
                    e.1.push(c.category.clone());
                }
            }
        }
    }
    for c in cats
        .iter_mut()
        .chain(doms.iter_mut())
        .chain(std::iter::once(&mut rechecks))
    {
        c.finish();
    }
    // 电子商务 is a row once a lot was bought online (生产 and 流通 always are).
    doms.retain(|d| d.label != Domain::Online.label() || d.visits + d.scheduled > 0);
    let mut total = Counts::new("合计", Some(cats.iter().filter_map(|c| c.planned).sum()));
    for c in &cats {
        total.scheduled += c.scheduled;
        total.visits += c.visits;
        total.lots += c.lots;
        total.sampled += c.sampled;
        total.tested += c.tested;
        total.qualified += c.qualified;
        total.unqualified += c.unqualified;
        total.refused += c.refused;
        total.not_sampled += c.not_sampled;
    }
    total.finish();
    total.shortfall = cats.iter().map(|c| c.shortfall).sum();

    let mut failures: Vec<ItemFailures> = fails
        .into_iter()
        .map(|(item, (count, mut categories))| {
            categories.sort_by_key(|c| category_order.iter().position(|o| o == c));
            ItemFailures {
                item,
                count,
                categories,
            }
        })
        .collect();
    // By the plan: an item under the first category (in plan order) it failed in, and within
    // a category the most frequent first; items failed as often keep the order in which the
    // lots found them (never the order of their code points).
    let rank = |f: &ItemFailures| {
        f.categories
            .first()
            .and_then(|c| category_order.iter().position(|o| o == c))
            .unwrap_or(usize::MAX)
    };
    failures.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then_with(|| b.count.cmp(&a.count))
            .then_with(|| seen[&a.item].cmp(&seen[&b.item]))
    });
    BatchStats {
        by_category: cats,
        by_domain: doms,
        total,
        rechecks,
        failures,
    }
}

/// The labs that handled cases or were assigned plan rows, in the order of `labs`.
pub fn labs_with_work(lb: &LoadedBatch) -> Vec<&crate::model::Lab> {
    lb.batch
        .labs
        .iter()
        .filter(|l| {
            lb.cases.iter().any(|c| c.case.lab == l.id)
                || lb
                    .batch
                    .plan
                    .iter()
                    .any(|p| p.lab.as_deref() == Some(&l.id))
        })
        .collect()
}

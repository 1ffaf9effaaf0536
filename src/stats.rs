//! The batch's numbers, computed once from the cases: counts per category and per domain, pass
//! rates, and how often each test item failed. The lists, the summary table and the quality
//! analysis report all read them from here.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::LoadedBatch;
use crate::model::{Case, Domain, Outcome, Verdict};

/// Counts for one row (a category, a domain, or the whole batch).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Counts {
    pub label: String,
    /// Planned lots (categories and the total only).
    pub planned: Option<u32>,
    /// Visits made (every case).
    pub visits: u32,
    /// Lots sampled.
    pub sampled: u32,
    /// Lots with a report and items.
    pub tested: u32,
    pub qualified: u32,
    pub unqualified: u32,
    pub refused: u32,
    pub not_sampled: u32,
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
        self.visits += 1;
        match c.outcome {
            Outcome::Sampled => self.sampled += 1,
            Outcome::Refused => self.refused += 1,
            Outcome::NotSampled => self.not_sampled += 1,
        }
        if c.is_tested() {
            self.tested += 1;
            match c.conclusion() {
                Some(Verdict::Pass) => self.qualified += 1,
                Some(Verdict::Fail) => self.unqualified += 1,
                None => {}
            }
        }
    }

    fn finish(&mut self) {
        let judged = self.tested + self.refused;
        self.pass_rate =
            (judged > 0).then(|| f64::from(self.qualified) * 100.0 / f64::from(judged));
    }

    /// `93.3%`, or `—` when nothing was judged.
    pub fn rate_text(&self) -> String {
        self.pass_rate
            .map_or_else(|| "—".to_string(), |r| format!("{r:.1}%"))
    }
}

/// One failing test item and how often it failed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemFailures {
    pub item: String,
    pub count: u32,
    /// The categories in which it failed, in plan order.
    pub categories: Vec<String>,
}

/// All numbers of a batch.
#[derive(Debug, Clone, Serialize)]
pub struct BatchStats {
    /// In plan order; categories of cases that are not in the plan follow.
    pub by_category: Vec<Counts>,
    pub by_domain: Vec<Counts>,
    pub total: Counts,
    /// Most frequent first, then by name.
    pub failures: Vec<ItemFailures>,
}

pub fn compute(lb: &LoadedBatch) -> BatchStats {
    // A category listed twice in the plan counts once, with the sum of its rows.
    let mut cats: Vec<Counts> = Vec::new();
    for p in &lb.batch.plan {
        match cats.iter_mut().find(|c| c.label == p.category) {
            Some(c) => c.planned = Some(c.planned.unwrap_or(0) + p.lots),
            None => cats.push(Counts::new(&p.category, Some(p.lots))),
        }
    }
    let mut doms = vec![
        Counts::new(Domain::Production.label(), None),
        Counts::new(Domain::Circulation.label(), None),
    ];
    let planned_total = lb.batch.plan.iter().map(|p| p.lots).sum();
    let mut total = Counts::new("合计", Some(planned_total));
    let mut fails: BTreeMap<String, (u32, Vec<String>)> = BTreeMap::new();

    for lc in &lb.cases {
        let c = &lc.case;
        let ci = match cats.iter().position(|k| k.label == c.category) {
            Some(i) => i,
            None => {
                cats.push(Counts::new(&c.category, None));
                cats.len() - 1
            }
        };
        cats[ci].add(c);
        doms[usize::from(c.domain == Domain::Circulation)].add(c);
        total.add(c);
        if c.is_tested() {
            for it in c
                .inspection
                .iter()
                .flat_map(|i| &i.items)
                .filter(|i| i.verdict == Verdict::Fail)
            {
                let e = fails.entry(it.name.clone()).or_default();
                e.0 += 1;
                if !e.1.contains(&c.category) {
                    e.1.push(c.category.clone());
                }
            }
        }
    }
    for c in cats.iter_mut().chain(doms.iter_mut()) {
        c.finish();
    }
    total.finish();
    let mut failures: Vec<ItemFailures> = fails
        .into_iter()
        .map(|(item, (count, categories))| ItemFailures {
            item,
            count,
            categories,
        })
        .collect();
    failures.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.item.cmp(&b.item)));
    BatchStats {
        by_category: cats,
        by_domain: doms,
        total,
        failures,
    }
}

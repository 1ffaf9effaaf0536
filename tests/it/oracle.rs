//! The batch's numbers computed here, independently of the library, from the YAML as written:
//! what every count, rate, shortfall and ranking printed anywhere must be.
//!
//! A *lot* is a sampled or refused visit; a not-sampled visit is no lot. The shortfall of a
//! category is planned minus lots (at least 0), the total the sum of the categories'. The pass
//! rate is qualified ÷ (tested + refused). A lot is tested when it has a report number and
//! test items; it is qualified when no item failed in the end: an item re-tested (复检) after
//! an accepted objection, by a re-test with a report number, a date and items, takes the
//! re-test's verdict. A re-inspection (复查, a case with `recheck`) is counted apart, in no
//! category, domain or total; 电子商务 is a domain once a lot was bought online.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

pub fn yaml(path: &Path) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => panic!("not a scalar: {other:?}"),
    }
}

/// A batch folder as plain YAML values.
pub struct Raw {
    pub batch: Value,
    pub cases: Vec<Value>,
}

impl Raw {
    pub fn read(dir: &Path) -> Raw {
        let mut cases = Vec::new();
        for e in walkdir::WalkDir::new(dir.join("cases")).sort_by_file_name() {
            let e = e.unwrap();
            if e.path().extension().is_some_and(|x| x == "yaml") {
                cases.push(yaml(e.path()));
            }
        }
        Raw {
            batch: yaml(&dir.join("batch.yaml")),
            cases,
        }
    }

    /// The labs' ids in the order of `labs`.
    pub fn lab_ids(&self) -> Vec<String> {
        self.batch["labs"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|l| text(&l["id"]))
            .collect()
    }

    /// The labs with a share of the batch: a plan row or a case's first test (a lab that only
    /// re-tests from a backup sample has none).
    pub fn working_labs(&self) -> Vec<String> {
        self.lab_ids()
            .into_iter()
            .filter(|l| {
                self.cases.iter().any(|c| text(&c["lab"]) == *l)
                    || self.batch["plan"]
                        .as_sequence()
                        .unwrap()
                        .iter()
                        .any(|r| text(&r["lab"]) == *l)
            })
            .collect()
    }

    pub fn lab_name(&self, id: &str) -> String {
        self.batch["labs"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|l| text(&l["id"]) == id)
            .map(|l| text(&l["name"]))
            .unwrap()
    }
}

pub fn failed(c: &Value) -> Vec<String> {
    c["inspection"]["items"]
        .as_sequence()
        .map(|items| {
            items
                .iter()
                .filter(|i| text(&i["verdict"]) == "fail")
                .map(|i| text(&i["name"]))
                .collect()
        })
        .unwrap_or_default()
}

/// The items failed in the end: each item's verdict, or a reported re-test's for the items it
/// tested again.
pub fn final_failed(c: &Value) -> Vec<String> {
    let o = &c["objection"];
    let r = &o["retest"];
    let reported = o["accepted"].as_bool() == Some(true)
        && !r["report_no"].is_null()
        && !r["issued_on"].is_null()
        && r["items"].as_sequence().is_some_and(|i| !i.is_empty());
    let again = |name: &str| -> Option<String> {
        r["items"]
            .as_sequence()?
            .iter()
            .find(|i| text(&i["name"]).trim() == name.trim())
            .map(|i| text(&i["verdict"]))
    };
    c["inspection"]["items"]
        .as_sequence()
        .map(|items| {
            items
                .iter()
                .filter(|i| {
                    let name = text(&i["name"]);
                    let v = reported
                        .then(|| again(&name))
                        .flatten()
                        .unwrap_or_else(|| text(&i["verdict"]));
                    v == "fail"
                })
                .map(|i| text(&i["name"]))
                .collect()
        })
        .unwrap_or_default()
}

pub fn is_recheck(c: &Value) -> bool {
    c["recheck"].is_mapping()
}

pub fn tested(c: &Value) -> bool {
    text(&c["outcome"]) == "sampled"
        && !c["inspection"]["report_no"].is_null()
        && c["inspection"]["items"]
            .as_sequence()
            .is_some_and(|i| !i.is_empty())
}

/// One row of numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub label: String,
    pub planned: Option<u32>,
    /// Planned cases: no outcome written yet (neither visits nor lots).
    pub scheduled: u32,
    pub visits: u32,
    pub sampled: u32,
    pub refused: u32,
    pub not_sampled: u32,
    pub tested: u32,
    pub qualified: u32,
    pub unqualified: u32,
    /// For the total: the sum of the categories' shortfalls (one category over its plan does
    /// not make up for another under it).
    pub sum_shortfall: Option<u32>,
}

impl Row {
    pub fn lots(&self) -> u32 {
        self.sampled + self.refused
    }
    pub fn shortfall(&self) -> u32 {
        self.sum_shortfall
            .unwrap_or_else(|| self.planned.unwrap_or(0).saturating_sub(self.lots()))
    }
    pub fn judged(&self) -> u32 {
        self.tested + self.refused
    }
    /// `66.7%`, or `—`.
    pub fn rate(&self) -> String {
        if self.judged() == 0 {
            "—".into()
        } else {
            format!(
                "{:.1}%",
                f64::from(self.qualified) * 100.0 / f64::from(self.judged())
            )
        }
    }
    /// The columns of the category table after the label, in its order, as printed.
    pub fn table_cells(&self) -> Vec<String> {
        let mut v = vec![
            self.planned
                .map_or_else(|| "—".to_string(), |p| p.to_string()),
        ];
        v.extend(
            [
                self.visits,
                self.sampled,
                self.refused,
                self.lots(),
                self.shortfall(),
                self.not_sampled,
                self.tested,
                self.qualified,
                self.unqualified,
                self.judged(),
            ]
            .iter()
            .map(u32::to_string),
        );
        v.push(self.rate());
        v
    }

    fn add(&mut self, c: &Value) {
        if c["outcome"].is_null() {
            self.scheduled += 1;
            return;
        }
        self.visits += 1;
        match text(&c["outcome"]).as_str() {
            "sampled" => self.sampled += 1,
            "refused" => self.refused += 1,
            _ => self.not_sampled += 1,
        }
        if tested(c) {
            self.tested += 1;
            if final_failed(c).is_empty() {
                self.qualified += 1;
            } else {
                self.unqualified += 1;
            }
        }
    }
}

/// The numbers of a batch, or of one lab's share.
#[derive(Debug, Clone)]
pub struct Numbers {
    /// In plan order.
    pub categories: Vec<Row>,
    pub domains: Vec<Row>,
    pub total: Row,
    /// The re-inspections, apart; `None` when the batch has none and orders none.
    pub rechecks: Option<Row>,
    /// Failed item → (count, categories).
    pub failures: BTreeMap<String, u32>,
}

impl Numbers {
    /// The whole batch (`lab` None) or one lab's share (the plan rows assigned to it, the
    /// cases it handled).
    pub fn of(r: &Raw, lab: Option<&str>) -> Numbers {
        let one_lab = r.lab_ids().len() == 1;
        let mut categories: Vec<Row> = Vec::new();
        for p in r.batch["plan"].as_sequence().unwrap() {
            let plan_lab = text(&p["lab"]);
            let mine = match lab {
                None => true,
                Some(id) => plan_lab == id || (plan_lab.is_empty() && one_lab),
            };
            if mine {
                categories.push(Row {
                    label: text(&p["category"]),
                    planned: Some(p["lots"].as_u64().unwrap() as u32),
                    ..Row::default()
                });
            }
        }
        let mut domains = vec![
            Row {
                label: "生产".into(),
                ..Row::default()
            },
            Row {
                label: "流通".into(),
                ..Row::default()
            },
            Row {
                label: "电子商务".into(),
                ..Row::default()
            },
        ];
        let mut rechecks = Row {
            label: "复查（另计）".into(),
            planned: r.batch["rechecks"].as_u64().map(|n| n as u32),
            ..Row::default()
        };
        let mut failures = BTreeMap::new();
        for c in r
            .cases
            .iter()
            .filter(|c| lab.is_none_or(|id| text(&c["lab"]) == id))
        {
            if is_recheck(c) {
                rechecks.add(c);
                continue;
            }
            let cat = text(&c["category"]);
            let row = match categories.iter().position(|k| k.label == cat) {
                Some(i) => &mut categories[i],
                None => {
                    categories.push(Row {
                        label: cat.clone(),
                        ..Row::default()
                    });
                    categories.last_mut().unwrap()
                }
            };
            row.add(c);
            let d = ["生产", "流通", "电子商务"]
                .iter()
                .position(|d| text(&c["domain"]) == *d)
                .unwrap();
            domains[d].add(c);
            if tested(c) {
                for f in final_failed(c) {
                    *failures.entry(f).or_default() += 1;
                }
            }
        }
        let mut total = Row {
            label: "合计".into(),
            planned: Some(categories.iter().filter_map(|c| c.planned).sum()),
            ..Row::default()
        };
        for c in &categories {
            total.scheduled += c.scheduled;
            total.visits += c.visits;
            total.sampled += c.sampled;
            total.refused += c.refused;
            total.not_sampled += c.not_sampled;
            total.tested += c.tested;
            total.qualified += c.qualified;
            total.unqualified += c.unqualified;
        }
        total.sum_shortfall = Some(categories.iter().map(Row::shortfall).sum());
        if domains[2].visits + domains[2].scheduled == 0 {
            domains.pop();
        }
        let has_rechecks = rechecks.visits + rechecks.scheduled > 0 || rechecks.planned.is_some();
        Numbers {
            categories,
            domains,
            total,
            rechecks: has_rechecks.then_some(rechecks),
            failures,
        }
    }

    pub fn total_shortfall(&self) -> u32 {
        self.categories.iter().map(Row::shortfall).sum()
    }

    /// The categories with the lowest and the highest exact pass rate, ties together.
    pub fn extremes(&self) -> Option<(Vec<String>, Vec<String>)> {
        let judged: Vec<&Row> = self.categories.iter().filter(|c| c.judged() > 0).collect();
        // Exact fractions as (numerator, denominator), compared by cross-multiplying.
        let key = |c: &Row| (u64::from(c.qualified), u64::from(c.judged()));
        let lt = |a: (u64, u64), b: (u64, u64)| a.0 * b.1 < b.0 * a.1;
        let eq = |a: (u64, u64), b: (u64, u64)| a.0 * b.1 == b.0 * a.1;
        let mut low = key(judged.first()?);
        let mut high = low;
        for c in &judged {
            if lt(key(c), low) {
                low = key(c);
            }
            if lt(high, key(c)) {
                high = key(c);
            }
        }
        let names = |k| {
            judged
                .iter()
                .filter(|c| eq(key(c), k))
                .map(|c| c.label.clone())
                .collect()
        };
        Some((names(low), names(high)))
    }
}

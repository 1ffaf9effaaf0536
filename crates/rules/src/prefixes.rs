//! The rules of case id prefixes: a prefix (the part of an id before its first `-`) belongs
//! to one category, so that no two categories number one series (`spotcheck_input::prefixes`).

use std::collections::{BTreeMap, BTreeSet};

use super::checker::Checker;
use spotcheck_core::diag::Rule;
use spotcheck_core::msg;
use spotcheck_input::prefixes::{self, Used, prefix_of, valid_prefix};

impl Checker<'_> {
    pub(super) fn prefixes(&mut self) {
        self.prefix_table();
        self.case_prefixes();
    }

    /// `prefixes` of `batch.yaml`: each a category of the plan, with a prefix of letters and
    /// digits that no category before it (in the file's order) has.
    fn prefix_table(&mut self) {
        let lb = self.lb;
        let b = &lb.batch;
        let mut entries: Vec<(&String, &String, String)> = b
            .prefixes
            .iter()
            .map(|(c, p)| (c, p, format!("prefixes.{c}")))
            .collect();
        entries.sort_by_key(|(_, _, path)| lb.batch_index.pos_of(path));
        let mut first: BTreeMap<String, &str> = BTreeMap::new();
        for (category, prefix, path) in entries {
            let prefix = prefix.trim();
            if b.plan_row(category).is_none() {
                let all: Vec<String> = b.plan.iter().map(|p| p.category.clone()).collect();
                let m = msg!(PrefixesCategory, category = category, all = all);
                self.batch(Rule::BatchPrefixes, &path, m);
            } else if !valid_prefix(prefix) {
                self.batch(
                    Rule::BatchPrefixes,
                    &path,
                    msg!(PrefixesBad, prefix = prefix),
                );
            } else if let Some(other) = first.get(&prefix.to_ascii_uppercase()) {
                let m = msg!(
                    PrefixesTwice,
                    prefix = prefix,
                    first = *other,
                    category = category
                );
                self.batch(Rule::BatchPrefixes, &path, m);
            } else {
                first.insert(prefix.to_ascii_uppercase(), category);
            }
        }
    }

    /// Each case whose id prefix belongs to another category: the one `prefixes` gives it to,
    /// or else the category of the first case (in file order) that uses it.
    fn case_prefixes(&mut self) {
        let lb = self.lb;
        let mut table: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        for (c, p) in &lb.batch.prefixes {
            table
                .entry(p.trim().to_ascii_uppercase())
                .or_default()
                .insert(c);
        }
        let used: Vec<Used> = lb
            .cases
            .iter()
            .map(|lc| Used {
                id: lc.case.id.clone(),
                category: lc.case.category.clone(),
            })
            .collect();
        let own = prefixes::assign(&lb.batch, &used);
        let mut first_use: BTreeMap<String, usize> = BTreeMap::new();
        for (i, lc) in lb.cases.iter().enumerate() {
            let c = &lc.case;
            let Some(p) = prefix_of(&c.id).filter(|p| valid_prefix(p)) else {
                continue;
            };
            let key = p.to_ascii_uppercase();
            let first = *first_use.entry(key.clone()).or_insert(i);
            let category = c.category.as_str();
            // A category not in the plan is `plan.category`'s finding.
            let Some(suggested) = own.of.get(category).map(|ch| ch.prefix.as_str()) else {
                continue;
            };
            let m = match table.get(&key) {
                Some(owners) if owners.contains(category) => continue,
                Some(owners) => msg!(
                    CasePrefixTable,
                    prefix = p,
                    owner = owners.iter().copied().collect::<Vec<_>>().join("、"),
                    category = category,
                    suggested = suggested
                ),
                None => {
                    let first = &lb.cases[first];
                    if first.case.category == category {
                        continue;
                    }
                    msg!(
                        CasePrefixCase,
                        prefix = p,
                        owner = &first.case.category,
                        first = &first.case.id,
                        file = &first.file,
                        category = category,
                        suggested = suggested
                    )
                }
            };
            self.at(lc, Rule::CasePrefix, "id", m);
        }
    }
}

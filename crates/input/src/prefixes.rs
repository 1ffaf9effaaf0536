//! Case id prefixes: the part of a case id before its first `-` (`HF` of `HF-2025-001`). A
//! prefix belongs to one category of a batch, so that each category numbers its own series
//! and two categories never share one (儿童玩具 and 儿童及婴幼儿服装 both read `ET` in pinyin
//! initials, 读写作业台灯 and 电线电缆 both `DX`).
//!
//! Which prefix a category's new cases take ([`assign`]), for `new-case` and `import`: the one
//! `batch.yaml`'s `prefixes` gives it; else the one its cases already use; else the pinyin
//! initials of its name ([`initials`]), or, when another category holds those, the first free
//! longer or numbered form of them. Categories are served in that order (the table, then the
//! categories with cases, then the plan's order), so the answer does not depend on which
//! category got its first case first. `check` refuses a prefix that two categories use
//! (`case.prefix`, `batch.prefixes`).

use std::collections::BTreeMap;

use pinyin::ToPinyin;

use crate::model::Batch;
use spotcheck_core::messages::Message;
use spotcheck_core::msg;

/// The prefix of a case id: what stands before its first `-`, when that is not empty.
pub fn prefix_of(id: &str) -> Option<&str> {
    id.split_once('-').map(|(p, _)| p).filter(|p| !p.is_empty())
}

/// Whether a prefix can name a series: letters and digits only, at least one.
pub fn valid_prefix(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The key prefixes are compared by: `hf` and `HF` name the same files (`hf-001.yaml`).
fn key(p: &str) -> String {
    p.to_ascii_uppercase()
}

/// The pinyin initials of the first `n` characters of a category that have one (ASCII
/// letters and digits count as themselves): 化肥 → HF, 儿童及婴幼儿服装 with 3 → ETJ.
pub(crate) fn initials(category: &str, n: usize) -> Option<String> {
    let mut out = String::new();
    for c in category.chars() {
        if out.len() == n {
            break;
        }
        if let Some(p) = c.to_pinyin() {
            out.push_str(&p.first_letter().to_ascii_uppercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_uppercase());
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The prefixes a category may take, best first: its initials of two characters, then of
/// more, then the two-letter form numbered (`ET2` …). A category with no initials at all
/// (no Chinese character, letter or digit) takes `CASE`.
fn candidates(category: &str) -> Vec<String> {
    let base = initials(category, 2).unwrap_or_else(|| "CASE".to_string());
    let mut out = vec![base.clone()];
    for n in 3..=category.chars().count() {
        match initials(category, n) {
            Some(p) if p.len() > out.last().map_or(0, String::len) => out.push(p),
            _ => break,
        }
    }
    out.extend((2..100).map(|i| format!("{base}{i}")));
    out
}

/// Why a category has its prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// `batch.yaml`'s `prefixes` gives it.
    Table,
    /// The category's cases use it (the case named is the first of them).
    Cases(String),
    /// The pinyin initials of the category's name.
    Derived,
    /// The initials were another category's (`owner`): a longer or numbered form of them.
    Free { wanted: String, owner: String },
    /// Asked for (`new-case --prefix`).
    Given,
}

/// A category's prefix and why it is that one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub prefix: String,
    pub why: Why,
}

impl Choice {
    /// What `new-case` and `import` say of a prefix that starts a series: which prefix the
    /// category's cases take and why. `None` when the category's cases have it already, or
    /// when it was asked for.
    pub fn note(&self, category: &str) -> Option<Message> {
        let why = match &self.why {
            Why::Cases(_) | Why::Given => return None,
            Why::Table => msg!(PrefixWhyTable),
            Why::Derived => msg!(PrefixWhyDerived),
            Why::Free { wanted, owner } => msg!(PrefixWhyFree, wanted = wanted, owner = owner),
        };
        Some(msg!(
            PrefixChosen,
            category = category,
            prefix = &self.prefix,
            why = why
        ))
    }
}

/// A case of the folder as the prefixes see it: its id and its category.
#[derive(Debug, Clone)]
pub struct Used {
    pub id: String,
    pub category: String,
}

/// Every category's prefix, and the category each prefix belongs to.
#[derive(Debug, Clone, Default)]
pub struct Assignment {
    /// By category: the plan's categories, and those of the table.
    pub of: BTreeMap<String, Choice>,
    /// By prefix (upper case): its category and why it is that category's.
    owner: BTreeMap<String, (String, Why)>,
}

impl Assignment {
    /// The category `prefix` belongs to, and why, if any does.
    pub fn owner(&self, prefix: &str) -> Option<(&str, &Why)> {
        self.owner
            .get(&key(prefix))
            .map(|(c, why)| (c.as_str(), why))
    }

    /// Why `prefix` may not be asked for `category`: it belongs to another category.
    pub fn refusal(&self, prefix: &str, category: &str) -> Option<Message> {
        let (owner, why) = self.owner(prefix).filter(|(c, _)| *c != category)?;
        let how = match why {
            Why::Table => msg!(PrefixOwnedTable),
            Why::Cases(id) => msg!(PrefixOwnedCases, id = id),
            _ => msg!(PrefixOwnedDerived),
        };
        Some(msg!(PrefixTaken, prefix = prefix, owner = owner, how = how))
    }

    fn take(&mut self, category: &str, prefix: &str, why: Why) {
        self.owner
            .entry(key(prefix))
            .or_insert_with(|| (category.to_string(), why.clone()));
        self.of.insert(
            category.to_string(),
            Choice {
                prefix: prefix.to_string(),
                why,
            },
        );
    }
}

/// The prefix of every category of the batch: the table's, then the one each category's
/// cases use most (if no other category has it), then for the rest, in plan order, the first
/// free of its initials' forms.
pub fn assign(batch: &Batch, used: &[Used]) -> Assignment {
    let mut a = Assignment::default();
    for (category, prefix) in &batch.prefixes {
        let prefix = prefix.trim();
        if valid_prefix(prefix) {
            a.take(category, prefix, Why::Table);
        }
    }
    // Each prefix belongs to the first category whose case uses it, unless the table gave it.
    // (count, first use, first case) per category and prefix.
    let mut counts: BTreeMap<&str, BTreeMap<String, (usize, usize, &str)>> = BTreeMap::new();
    for (i, u) in used.iter().enumerate() {
        let Some(p) = prefix_of(&u.id).filter(|p| valid_prefix(p)) else {
            continue;
        };
        a.owner
            .entry(key(p))
            .or_insert_with(|| (u.category.clone(), Why::Cases(u.id.clone())));
        let e = counts
            .entry(u.category.as_str())
            .or_default()
            .entry(p.to_string())
            .or_insert((0, i, u.id.as_str()));
        e.0 += 1;
    }
    for (category, prefixes) in &counts {
        if a.of.contains_key(*category) {
            continue;
        }
        // The most used, the first used among equals.
        let best = prefixes
            .iter()
            .max_by_key(|(_, (n, first, _))| (*n, std::cmp::Reverse(*first)));
        if let Some((p, (_, _, id))) = best
            && a.owner(p).is_some_and(|(c, _)| c == *category)
        {
            a.take(category, p, Why::Cases(id.to_string()));
        }
    }
    for row in &batch.plan {
        if a.of.contains_key(&row.category) {
            continue;
        }
        let all = candidates(&row.category);
        let wanted = &all[0];
        let Some(free) = all.iter().find(|p| a.owner(p).is_none()) else {
            continue;
        };
        let why = match a.owner(wanted) {
            None => Why::Derived,
            Some((owner, _)) => Why::Free {
                wanted: wanted.clone(),
                owner: owner.to_string(),
            },
        };
        let free = free.clone();
        a.take(&row.category, &free, why);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(plan: &[&str], table: &[(&str, &str)]) -> Batch {
        let mut b: Batch = serde_yaml::from_str(include_str!("../../../scaffold/batch.yaml"))
            .expect("the example batch reads");
        b.plan.truncate(1);
        let row = b.plan[0].clone();
        b.plan = plan
            .iter()
            .map(|c| crate::model::PlanEntry {
                category: c.to_string(),
                ..row.clone()
            })
            .collect();
        b.prefixes = table
            .iter()
            .map(|(c, p)| (c.to_string(), p.to_string()))
            .collect();
        b
    }

    fn used(cases: &[(&str, &str)]) -> Vec<Used> {
        cases
            .iter()
            .map(|(id, c)| Used {
                id: id.to_string(),
                category: c.to_string(),
            })
            .collect()
    }

    fn prefix(a: &Assignment, c: &str) -> String {
        a.of[c].prefix.clone()
    }

    #[test]
    fn two_categories_with_the_same_initials_get_two_prefixes_in_plan_order() {
        let b = batch(&["儿童玩具", "儿童及婴幼儿服装"], &[]);
        let a = assign(&b, &[]);
        assert_eq!(prefix(&a, "儿童玩具"), "ET");
        assert_eq!(a.of["儿童玩具"].why, Why::Derived);
        assert_eq!(prefix(&a, "儿童及婴幼儿服装"), "ETJ");
        assert_eq!(
            a.of["儿童及婴幼儿服装"].why,
            Why::Free {
                wanted: "ET".into(),
                owner: "儿童玩具".into()
            }
        );
        // The same when the second category got its case first.
        let a = assign(&b, &used(&[("ET-2024-001", "儿童及婴幼儿服装")]));
        assert_eq!(prefix(&a, "儿童及婴幼儿服装"), "ET");
        assert_eq!(prefix(&a, "儿童玩具"), "ETW");
    }

    #[test]
    fn a_category_keeps_the_prefix_its_cases_use_and_the_table_wins() {
        let b = batch(&["电线电缆", "读写作业台灯"], &[]);
        let a = assign(&b, &used(&[("DX-2023-001", "电线电缆")]));
        assert_eq!(prefix(&a, "电线电缆"), "DX");
        assert_eq!(a.of["电线电缆"].why, Why::Cases("DX-2023-001".into()));
        assert_eq!(prefix(&a, "读写作业台灯"), "DXZ");
        let b = batch(&["电线电缆", "读写作业台灯"], &[("读写作业台灯", "TD")]);
        let a = assign(&b, &used(&[("DX-2023-001", "电线电缆")]));
        assert_eq!(prefix(&a, "读写作业台灯"), "TD");
        assert_eq!(a.of["读写作业台灯"].why, Why::Table);
        // A category whose cases use another category's prefix starts its own series.
        let b = batch(&["电线电缆", "读写作业台灯"], &[("电线电缆", "DX")]);
        let a = assign(&b, &used(&[("DX-2023-001", "读写作业台灯")]));
        assert_eq!(prefix(&a, "读写作业台灯"), "DXZ");
    }

    #[test]
    fn asking_for_another_category_s_prefix_is_refused_with_its_owner() {
        let b = batch(&["电线电缆", "读写作业台灯"], &[]);
        let a = assign(&b, &used(&[("DX-2023-001", "电线电缆")]));
        let m = a.refusal("dx", "读写作业台灯").expect("DX is 电线电缆's");
        let zh = m.in_lang(spotcheck_core::messages::Lang::Zh);
        assert!(
            zh.contains("电线电缆") && zh.contains("DX-2023-001"),
            "{zh}"
        );
        assert!(a.refusal("DX", "电线电缆").is_none());
        assert!(a.refusal("QQ", "读写作业台灯").is_none());
    }

    #[test]
    fn initials_and_their_longer_and_numbered_forms() {
        assert_eq!(initials("化肥", 2).as_deref(), Some("HF"));
        assert_eq!(initials("建筑及装饰装修材料", 2).as_deref(), Some("JZ"));
        assert_eq!(initials("LED灯具", 2).as_deref(), Some("LE"));
        assert_eq!(initials("——", 2), None);
        let c = candidates("儿童玩具");
        assert_eq!(&c[..4], ["ET", "ETW", "ETWJ", "ET2"]);
        assert_eq!(candidates("——")[..2], ["CASE", "CASE2"]);
        assert_eq!(prefix_of("HF-2025-001"), Some("HF"));
        assert_eq!(prefix_of("-1"), None);
        assert_eq!(prefix_of("HF2025"), None);
    }
}

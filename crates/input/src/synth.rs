//! Synthetic batches for the benchmark: N cases made from the cases of a real batch folder
//! (the sample), valid under `check`, and varied as real batches are: every category of the
//! plan in its proportion, every outcome the source holds, reports of one to three pages, short
//! and very long enterprise names, rare characters.
//!
//! Each generated case is a source case with everything that must be unique in a batch
//! renumbered (case id, notice number, report number, seal numbers, credit code, tracking
//! number) and its own evidence photo. The same source, `n` and `seed` give the same folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use crate::codes::credit_code_problem;
use crate::load::{BATCH_FILE, CASES_DIR};
use spotcheck_core::output::write_atomic;

/// What was generated.
#[derive(Debug, Clone)]
pub struct Generated {
    pub root: PathBuf,
    pub cases: usize,
    /// Cases per category, in the plan's order.
    pub per_category: Vec<(String, usize)>,
}

/// Words put into enterprise names, some with characters outside the common set.
const WORDS: &[&str] = &[
    "鑫源", "恒达", "晋丰", "宏图", "堃泰", "喆睿", "燊荣", "𠮷祥", "瑞通", "华晟", "太行", "丹河",
    "泰和", "广源", "润泽", "凤鸣",
];

/// An enterprise name long enough to wrap over several lines of every form.
const LONG_WORD: &str = "华北地区新型建筑材料与节能环保科技研发生产销售及技术咨询服务一体化示范";

/// Deterministic pseudo-random numbers (SplitMix64): the same seed gives the same batch.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A source case: its YAML and the bytes of its first evidence file.
struct Source {
    value: Value,
    prefix: String,
    photo: Vec<u8>,
    photo_ext: String,
}

fn err(what: impl std::fmt::Display) -> String {
    what.to_string()
}

fn get<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, k| v.get(*k))
}

fn get_mut<'a>(v: &'a mut Value, path: &[&str]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, k| v.get_mut(*k))
}

fn set(v: &mut Value, path: &[&str], new: Value) {
    if let Some((last, parents)) = path.split_last()
        && let Some(Value::Mapping(m)) = get_mut(v, parents)
        && m.contains_key(*last)
    {
        m.insert(Value::from(*last), new);
    }
}

/// A valid 统一社会信用代码 made from a number: the check character is the one the rule
/// accepts.
fn credit_code(n: u64) -> String {
    const CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let mut body = String::from("9114050");
    let mut x = n.wrapping_mul(2_654_435_761).wrapping_add(n);
    for _ in 0..10 {
        body.push(CHARS[(x % 31) as usize] as char);
        x /= 31;
    }
    CHARS
        .iter()
        .map(|&c| format!("{body}{}", c as char))
        .find(|code| credit_code_problem(code).is_none())
        .unwrap_or_else(|| format!("{body}0"))
}

/// Reads the source batch folder: its batch.yaml and its cases grouped by category.
fn read_sources(source: &Path) -> Result<(Value, BTreeMap<String, Vec<Source>>), String> {
    let read_yaml = |path: &Path| -> Result<Value, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}：{e}", path.display()))?;
        serde_yaml::from_str(&text).map_err(|e| format!("{}：{e}", path.display()))
    };
    let batch = read_yaml(&source.join(BATCH_FILE))?;
    let mut by_category: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(source.join(CASES_DIR)).sort_by_file_name() {
        let entry = entry.map_err(err)?;
        if entry.path().extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let value = read_yaml(entry.path())?;
        let Some(category) = get(&value, &["category"]).and_then(Value::as_str) else {
            continue;
        };
        let id = get(&value, &["id"]).and_then(Value::as_str).unwrap_or("");
        let prefix = id.split('-').next().unwrap_or("SC").to_string();
        let photo_rel = get(&value, &["evidence"])
            .and_then(Value::as_sequence)
            .and_then(|s| s.first())
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{}：没有证据文件", entry.path().display()))?;
        let photo_path = source.join(photo_rel);
        let photo =
            std::fs::read(&photo_path).map_err(|e| format!("{}：{e}", photo_path.display()))?;
        let photo_ext = Path::new(photo_rel)
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_else(|| "jpg".into());
        by_category
            .entry(category.to_string())
            .or_default()
            .push(Source {
                value,
                prefix,
                photo,
                photo_ext,
            });
    }
    Ok((batch, by_category))
}

/// The category of each of `n` cases, spread in the plan's proportions.
fn categories(batch: &Value, n: usize) -> Vec<String> {
    let mut weighted: Vec<(String, u64)> = Vec::new();
    if let Some(plan) = get(batch, &["plan"]).and_then(Value::as_sequence) {
        for row in plan {
            if let (Some(c), Some(l)) = (
                row.get("category").and_then(Value::as_str),
                row.get("lots").and_then(Value::as_u64),
            ) {
                weighted.push((c.to_string(), l.max(1)));
            }
        }
    }
    let total: u64 = weighted.iter().map(|(_, l)| l).sum::<u64>().max(1);
    // Largest remainder: each category gets its share of n, interleaved by visit order.
    let mut out = Vec::with_capacity(n);
    let mut given = vec![0u64; weighted.len()];
    for i in 0..n as u64 {
        // The category furthest behind its share so far.
        let pick = weighted
            .iter()
            .enumerate()
            .max_by_key(|(k, (_, l))| {
                i128::from(l * (i + 1)) * 1000 / i128::from(total) - i128::from(given[*k]) * 1000
            })
            .map(|(k, _)| k)
            .unwrap_or(0);
        given[pick] += 1;
        out.push(weighted[pick].0.clone());
    }
    out
}

/// Writes a synthetic batch of `n` cases made from the batch folder `source` into `out`,
/// which must not exist yet or be empty.
pub fn generate(source: &Path, n: usize, seed: u64, out: &Path) -> Result<Generated, String> {
    if out.exists()
        && std::fs::read_dir(out)
            .map_err(|e| format!("{}：{e}", out.display()))?
            .next()
            .is_some()
    {
        return Err(format!("{} 不是空文件夹", out.display()));
    }
    let (mut batch, sources) = read_sources(source)?;
    let mut rng = Rng(seed);
    let cats = categories(&batch, n);
    let mut per_category: BTreeMap<String, usize> = BTreeMap::new();
    let mut counted: BTreeMap<String, u64> = BTreeMap::new();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();

    for (i, category) in cats.iter().enumerate() {
        let Some(pool) = sources.get(category) else {
            return Err(format!("样例中没有类别 “{category}” 的案例"));
        };
        let k = used.entry(category.clone()).or_default();
        let src = &pool[*k % pool.len()];
        *k += 1;
        let seq = {
            let c = per_category.entry(category.clone()).or_default();
            *c += 1;
            *c
        };
        let id = format!("{}-S{:05}", src.prefix, seq);
        let mut case = src.value.clone();
        vary_case(&mut case, &id, i, &mut rng);
        let photo = format!("evidence/{id}/现场照片.{}", src.photo_ext);
        set(
            &mut case,
            &["evidence"],
            Value::Sequence(vec![Value::from(photo.clone())]),
        );
        write_atomic(&out.join(&photo), &src.photo)
            .map_err(|e| format!("{}：{e}", out.join(&photo).display()))?;
        let outcome = get(&case, &["outcome"])
            .and_then(Value::as_str)
            .unwrap_or("");
        if outcome == "sampled" || outcome == "refused" {
            *counted.entry(category.clone()).or_default() += 1;
        }
        let text = format!(
            "# 合成案例 {id}（由 {} 生成，仅用于性能测试）\n{}",
            source.display(),
            serde_yaml::to_string(&case).map_err(err)?
        );
        let file = out
            .join(CASES_DIR)
            .join(src.prefix.to_lowercase())
            .join(format!("{}.yaml", id.to_lowercase()));
        write_atomic(&file, text.as_bytes()).map_err(|e| format!("{}：{e}", file.display()))?;
    }

    // The plan asks for exactly the lots generated, so that no category is over its plan.
    set(&mut batch, &["id"], Value::from(format!("SYN-{n}")));
    if let Some(Value::Sequence(plan)) = get_mut(&mut batch, &["plan"]) {
        for row in plan.iter_mut() {
            let c = row
                .get("category")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            if let Value::Mapping(m) = row {
                m.insert(
                    Value::from("lots"),
                    Value::from(counted.get(&c).copied().unwrap_or(0)),
                );
            }
        }
    }
    let text = format!(
        "# 合成批次：{n} 个案例（由 {} 生成，仅用于性能测试）\n{}",
        source.display(),
        serde_yaml::to_string(&batch).map_err(err)?
    );
    write_atomic(&out.join(BATCH_FILE), text.as_bytes())
        .map_err(|e| format!("{}：{e}", out.join(BATCH_FILE).display()))?;

    let order: Vec<String> = get(&batch, &["plan"])
        .and_then(Value::as_sequence)
        .map(|p| {
            p.iter()
                .filter_map(|r| r.get("category").and_then(Value::as_str).map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Ok(Generated {
        root: out.to_path_buf(),
        cases: n,
        per_category: order
            .into_iter()
            .map(|c| {
                let k = per_category.get(&c).copied().unwrap_or(0);
                (c, k)
            })
            .collect(),
    })
}

/// Renumbers what must be unique and varies names and report lengths.
fn vary_case(case: &mut Value, id: &str, i: usize, rng: &mut Rng) {
    let n = i as u64 + 1;
    set(case, &["id"], Value::from(id));
    set(
        case,
        &["visit", "notice_no"],
        Value::from(format!("JCTZ-S-{n:06}")),
    );

    let word = if i % 41 == 7 {
        LONG_WORD.to_string()
    } else {
        format!(
            "{}{}",
            WORDS[rng.below(WORDS.len())],
            WORDS[rng.below(WORDS.len())]
        )
    };
    if let Some(name) = get(case, &["party", "name"]).and_then(Value::as_str) {
        let name = if name.contains("示例") {
            name.replacen("示例", &word, 1)
        } else if name.contains("样例") {
            name.replacen("样例", &word, 1)
        } else {
            format!("{word}{name}")
        };
        set(case, &["party", "name"], Value::from(name));
    }
    set(case, &["party", "credit_code"], Value::from(credit_code(n)));
    set(
        case,
        &["manufacturer", "credit_code"],
        Value::from(credit_code(n + 1_000_000_007)),
    );
    if let Some(Value::Sequence(seals)) = get_mut(case, &["seals", "numbers"]) {
        for (k, s) in seals.iter_mut().enumerate() {
            *s = Value::from(format!("SYN-{n:06}-{}", k + 1));
        }
    }
    set(
        case,
        &["inspection", "report_no"],
        Value::from(format!("JCQI-S-{n:06}")),
    );
    set(
        case,
        &["delivery", "tracking_no"],
        Value::from(format!("11{:011}", n * 7919)),
    );

    // Reports of one to three pages: some lots had many more items tested.
    let extra = match i % 10 {
        3 | 8 => 14,
        6 => 34,
        _ => 0,
    };
    if extra > 0
        && let Some(Value::Sequence(items)) = get_mut(case, &["inspection", "items"])
        && let Some(template) = items
            .iter()
            .find(|it| it.get("verdict").and_then(Value::as_str) == Some("pass"))
            .cloned()
    {
        let base = template
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("检验项目")
            .to_string();
        for k in 1..=extra {
            let mut item = template.clone();
            if let Value::Mapping(m) = &mut item {
                m.insert(
                    Value::from("name"),
                    Value::from(format!("{base}（第 {k} 组试样）")),
                );
            }
            items.push(item);
        }
    }
    if i % 53 == 11
        && let Some(Value::Mapping(m)) = get_mut(case, &["inspection"])
        && m.contains_key("remark")
    {
        let remark = "样品经检验，所检项目均按相应标准方法进行，检验过程中环境条件符合要求，仪器设备均在检定有效期内。"
            .repeat(12);
        m.insert(Value::from("remark"), Value::from(remark));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_are_valid_and_distinct() {
        let codes: std::collections::HashSet<String> = (1..2000).map(credit_code).collect();
        assert_eq!(codes.len(), 1999);
        for c in &codes {
            assert_eq!(credit_code_problem(c), None, "{c}");
        }
    }

    #[test]
    fn categories_follow_the_plan() {
        let batch: Value = serde_yaml::from_str(
            "plan: [{category: a, lots: 30}, {category: b, lots: 10}, {category: c, lots: 0}]",
        )
        .unwrap();
        let cats = categories(&batch, 80);
        let count = |c: &str| cats.iter().filter(|x| *x == c).count() as f64;
        // Each within one of its exact share (a row of 0 lots still weighs 1).
        for (c, share) in [
            ("a", 80.0 * 30.0 / 41.0),
            ("b", 80.0 * 10.0 / 41.0),
            ("c", 80.0 / 41.0),
        ] {
            assert!(
                (count(c) - share).abs() <= 1.0,
                "{c}: {} vs {share}",
                count(c)
            );
        }
        assert_eq!(cats.len(), 80);
        // Interleaved, not in blocks.
        assert_ne!(cats[..10].iter().filter(|c| *c == "b").count(), 0);
    }
}

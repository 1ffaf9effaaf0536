//! Starting a batch: `spotcheck init` writes a small example batch that checks clean and
//! builds at once, and `spotcheck new-case` adds the next numbered case file of a category,
//! filled from the batch.
//!
//! The example batch is kept as plain files under `scaffold/` in the repository and embedded
//! in the binary: `batch.yaml` with every field commented, one case of each outcome, and one
//! placeholder photo that stands in for the evidence of every case.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::load::{BATCH_FILE, CASES_DIR};
use crate::model::{Batch, Domain, Outcome};
use crate::prefixes::{self, Choice, Used, Why};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_core::output::write_new;

/// The batch.yaml of the example batch.
const BATCH_YAML: &str = include_str!("../../../scaffold/batch.yaml");

/// The example cases: (file name, id, text).
const CASES: &[(&str, &str, &str)] = &[
    (
        "hf-001.yaml",
        "HF-2025-001",
        include_str!("../../../scaffold/cases/hf-001.yaml"),
    ),
    (
        "hf-002.yaml",
        "HF-2025-002",
        include_str!("../../../scaffold/cases/hf-002.yaml"),
    ),
    (
        "hf-003.yaml",
        "HF-2025-003",
        include_str!("../../../scaffold/cases/hf-003.yaml"),
    ),
    (
        "dx-001.yaml",
        "DX-2025-001",
        include_str!("../../../scaffold/cases/dx-001.yaml"),
    ),
    (
        "dx-002.yaml",
        "DX-2025-002",
        include_str!("../../../scaffold/cases/dx-002.yaml"),
    ),
];

/// The texts of the example cases, one of each outcome: what a form that lays out a case
/// follows for the order of its fields.
pub fn example_cases() -> impl Iterator<Item = &'static str> {
    CASES.iter().map(|(_, _, text)| *text)
}

/// The photo every example case lists as its evidence.
const PLACEHOLDER_PHOTO: &[u8] = include_bytes!("../../../scaffold/evidence/placeholder.jpg");
const PLACEHOLDER_NAME: &str = "现场照片.jpg";

/// What `new-case` writes in every field the clerk still has to fill in. A field still holding
/// it is not finished.
pub const PLACEHOLDER: &str = "待填写";

/// The JSON Schemas written beside batch.yaml, named in the files' modelines.
pub(crate) const BATCH_SCHEMA_FILE: &str = "batch.schema.json";
pub const CASE_SCHEMA_FILE: &str = "case.schema.json";

/// What `init` wrote.
#[derive(Debug, Clone)]
pub struct Scaffolded {
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
    pub cases: usize,
}

/// Writes the example batch into `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<Scaffolded, Message> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(msg!(InitNotDir, dir = dir));
        }
        let mut entries = std::fs::read_dir(dir)
            .map_err(|e| msg!(InitWrite, path = dir, error = e.to_string()))?;
        if entries.next().is_some() {
            return Err(msg!(InitNotEmpty, dir = dir));
        }
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![(dir.join(BATCH_FILE), BATCH_YAML.into())];
    for (name, id, text) in CASES {
        files.push((dir.join(CASES_DIR).join(name), text.as_bytes().to_vec()));
        files.push((
            dir.join("evidence").join(id).join(PLACEHOLDER_NAME),
            PLACEHOLDER_PHOTO.to_vec(),
        ));
    }
    files.push((dir.join(BATCH_SCHEMA_FILE), schema_bytes(&batch_schema())));
    files.push((dir.join(CASE_SCHEMA_FILE), schema_bytes(&case_schema())));
    let mut written = Vec::new();
    for (path, bytes) in files {
        write_new(&path, &bytes)
            .map_err(|e| msg!(InitWrite, path = &path, error = e.to_string()))?;
        written.push(path);
    }
    Ok(Scaffolded {
        dir: dir.to_path_buf(),
        files: written,
        cases: CASES.len(),
    })
}

/// The JSON Schema of batch.yaml.
pub fn batch_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Batch)).unwrap_or_default()
}

/// The JSON Schema of a case file.
pub fn case_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(crate::model::Case)).unwrap_or_default()
}

fn schema_bytes(v: &serde_json::Value) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s.into_bytes()
}

/// What to put in a new case.
#[derive(Debug, Clone)]
pub struct NewCase {
    pub category: String,
    pub outcome: Outcome,
    /// 生产 or 流通.
    pub domain: Domain,
    /// The id prefix (`HF`), refused when another category has it; when `None`, the
    /// category's own ([`crate::prefixes::assign`]).
    pub prefix: Option<String>,
    /// The visit date asked for: refused when it is outside the sampling window.
    pub date: Option<NaiveDate>,
    /// Today: the visit date when none is asked for, brought into the sampling window.
    pub today: NaiveDate,
}

/// What `new_case` wrote.
#[derive(Debug, Clone)]
pub struct NewCaseWritten {
    pub id: String,
    pub path: PathBuf,
    /// Which prefix the case's category takes and why, when this case starts its series.
    pub prefix_note: Option<Message>,
}

/// The id prefix of a category: the pinyin initials of its first two Chinese characters
/// (化肥 → HF, 建筑及装饰装修材料 → JZ), or its first two ASCII letters. The prefix a
/// category's new cases take is [`crate::prefixes::assign`]'s: this one unless another
/// category has it.
pub fn category_prefix(category: &str) -> Option<String> {
    prefixes::initials(category, 2)
}

/// The cases already in the batch folder (read leniently: a case with errors elsewhere still
/// counts), by id and category, in the order of their files.
pub(crate) fn existing_ids(root: &Path) -> Vec<Used> {
    crate::load::case_heads(root)
        .into_iter()
        .filter(|h| !h.id.is_empty())
        .map(|h| Used {
            id: h.id,
            category: h.category,
        })
        .collect()
}

/// The next free number for `PREFIX-YEAR-NNN` among `ids`.
pub fn next_number(ids: &[String], prefix: &str, year: i32) -> u32 {
    let head = format!("{prefix}-{year}-");
    ids.iter()
        .filter_map(|id| id.strip_prefix(&head))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .map_or(1, |n| n + 1)
}

/// Writes the next numbered case file of `opts.category` into the batch folder `root`.
pub fn new_case(root: &Path, opts: &NewCase) -> Result<NewCaseWritten, Vec<Message>> {
    let (batch, _) = crate::load::read_typed::<Batch>(root, BATCH_FILE)
        .map_err(|d| vec![msg!(NewCaseBatchErrors, findings = d)])?;
    let Some(row) = batch.plan.iter().find(|p| p.category == opts.category) else {
        let all: Vec<String> = batch.plan.iter().map(|p| p.category.clone()).collect();
        return Err(vec![msg!(
            NewCaseCategory,
            category = &opts.category,
            all = all
        )]);
    };
    // Two at once would both take the same next number.
    let _lock = crate::lock::BatchLock::take(root)
        .map_err(|e| vec![msg!(InitWrite, path = root, error = e.to_string())])?;
    let used = existing_ids(root);
    let ids: Vec<String> = used.iter().map(|u| u.id.clone()).collect();
    let assigned = prefixes::assign(&batch, &used);
    let choice = match &opts.prefix {
        Some(p) => {
            if !prefixes::valid_prefix(p) {
                return Err(vec![msg!(NewCaseBadPrefix, prefix = p)]);
            }
            if let Some(m) = assigned.refusal(p, &opts.category) {
                return Err(vec![m, msg!(NewCasePrefixAnother)]);
            }
            Choice {
                prefix: p.clone(),
                why: Why::Given,
            }
        }
        // The category is in the plan, so it has its prefix.
        None => assigned.of.get(&opts.category).cloned().unwrap_or(Choice {
            prefix: "CASE".into(),
            why: Why::Derived,
        }),
    };
    let prefix = choice.prefix.clone();
    let lab = row
        .lab
        .clone()
        .or_else(|| batch.labs.first().map(|l| l.id.clone()))
        .ok_or_else(|| vec![msg!(NewCaseNoLab)])?;
    let year = batch.issued_on.year();
    let n = next_number(&ids, &prefix, year);
    let id = format!("{prefix}-{year}-{n:03}");
    let path = root
        .join(CASES_DIR)
        .join(format!("{}-{n:03}.yaml", prefix.to_ascii_lowercase()));
    let s = &batch.schedule;
    let end = s.sampling_end.max(s.sampling_start);
    let date = match opts.date {
        Some(d) if d < s.sampling_start || d > end => {
            return Err(vec![msg!(
                NewCaseOutsideWindow,
                date = d,
                start = s.sampling_start,
                end = s.sampling_end
            )]);
        }
        Some(d) => d,
        None => opts.today.clamp(s.sampling_start, end),
    };
    let local = Local::of(&batch);
    let text = case_text(&id, &opts.category, &lab, opts, date, &local);
    write_new(&path, text.as_bytes()).map_err(|e| {
        vec![if e.kind() == std::io::ErrorKind::AlreadyExists {
            msg!(NewCaseExists, path = &path)
        } else {
            msg!(InitWrite, path = &path, error = e.to_string())
        }]
    })?;
    // The folder for the visit's photos, so the clerk knows where they go.
    let evidence = root.join("evidence").join(&id);
    std::fs::create_dir_all(&evidence)
        .map_err(|e| vec![msg!(InitWrite, path = &evidence, error = e.to_string())])?;
    Ok(NewCaseWritten {
        id,
        path,
        prefix_note: choice.note(&opts.category),
    })
}

/// What the batch tells of the place: examples for the comments of a new case.
struct Local {
    /// The postcode of the authority (or of the first lab).
    postcode: Option<String>,
    /// The area code of the authority's landline (or of a lab's or a county bureau's).
    area_code: Option<String>,
}

impl Local {
    fn of(batch: &Batch) -> Local {
        let postcode = batch
            .authority
            .postcode
            .iter()
            .chain(batch.labs.iter().map(|l| &l.postcode))
            .find(|p| crate::codes::valid_postcode(p))
            .cloned();
        let area_code = batch
            .authority
            .phone
            .iter()
            .chain(batch.labs.iter().map(|l| &l.phone))
            .chain(batch.counties.iter().filter_map(|c| c.phone.as_ref()))
            .filter(|p| crate::codes::valid_phone(p))
            .find_map(|p| p.split_once('-').map(|(area, _)| area.to_string()));
        Local {
            postcode,
            area_code,
        }
    }
}

use crate::yaml_text::{comment, quote as q};

/// The text of a new case file: what the batch knows filled in, the rest marked
/// [`PLACEHOLDER`]; the examples in its comments are the batch's own.
fn case_text(
    id: &str,
    category: &str,
    lab: &str,
    opts: &NewCase,
    date: NaiveDate,
    local: &Local,
) -> String {
    let outcome = opts.outcome;
    let label = outcome.label();
    let outcome_key = outcome.key();
    // The examples of the comments: the place's own postcode and area code, from batch.yaml.
    let postcode = local.postcode.as_deref().unwrap_or("");
    let phone = local
        .area_code
        .as_ref()
        .map_or(String::new(), |a| format!("{a}-"));
    let mut t = format!(
        "# yaml-language-server: $schema=../{CASE_SCHEMA_FILE}\n\
         # {id} {category_comment}（{label}）：由 spotcheck new-case 生成，请按现场情况填写标注“{P}”的字段。\n\
         # 每个字段的说明见 docs/case-files.md；尚未发生的环节（检验、送达……）不要写。\n\
         id: {id}\n\
         category: {category}\n\
         # 抽样领域：生产 或 流通\n\
         domain: {domain}\n\
         lab: {lab}\n\
         outcome: {outcome_key}\n\
         \n\
         visit:\n\
         \x20 date: {date}\n\
         \x20 place: {P}\n\
         \x20 notice_no: {P}\n\
         \x20 # 抽样人员：至少两名，各写姓名和抽样工作证号\n\
         \x20 samplers:\n\
         \x20   - {{ name: {P}, credential: {P} }}\n\
         \x20   - {{ name: {P}, credential: {P} }}\n\
         \n\
         party:\n\
         \x20 name: {P}\n\
         \x20 # 统一社会信用代码，18 位，加引号\n\
         \x20 credit_code: \"{P}\"\n\
         \x20 address: {P}\n\
         \x20 # 邮政编码：6 位数字，加引号\n\
         \x20 # postcode: \"{postcode}\"\n\
         \x20 # legal_rep: \n\
         \x20 # contact: \n\
         \x20 # 联系电话，加引号：固定电话写作 区号-号码，手机写 11 位数字\n\
         \x20 # phone: \"{phone}\"\n",
        P = PLACEHOLDER,
        id = id,
        category = q(category),
        domain = opts.domain.label(),
        lab = q(lab),
        category_comment = comment(category),
    );
    match outcome {
        Outcome::Sampled => t.push_str(&format!(
            "\n# 标称生产者：与受检单位不同时填写（流通领域通常需要）\n\
             # manufacturer:\n\
             #   name: \n\
             \n\
             product:\n\
             \x20 name: {P}\n\
             \x20 # trademark: \n\
             \x20 # model: \n\
             \x20 # batch: \n\
             \x20 # standard: \n\
             \x20 unit: {P}\n\
             \x20 # base_quantity: \n\
             \x20 test_quantity: 1\n\
             \x20 backup_quantity: 1\n\
             \x20 # 检验样品单价（元）\n\
             \x20 unit_price: 0.00\n\
             \x20 # 价格依据：marked 标价，market 同类产品市场价格\n\
             \x20 price_basis: marked\n\
             \n\
             seals:\n\
             \x20 numbers: [{P}]\n\
             \x20 # 备用样品保存方：party 受检单位，lab 检验机构\n\
             \x20 backup_kept_at: party\n\
             \x20 backup_place: {P}\n\
             \n\
             signing:\n\
             \x20 party_signed: true\n\
             \x20 signer: {P}\n\
             \n\
             payment:\n\
             \x20 method: 现金\n\
             \x20 party_fee: 0.00\n",
            P = PLACEHOLDER
        )),
        Outcome::Refused => t.push_str(&format!(
            "\nrefusal:\n\
             \x20 # 拒检经过：何人、何时、如何阻碍或拒绝抽样\n\
             \x20 description: {P}\n\
             \x20 refused_by: {P}\n\
             \x20 # 共同认定的县级市场监管部门：batch.yaml counties 中的名称\n\
             \x20 county_bureau: {P}\n",
            P = PLACEHOLDER
        )),
        Outcome::NotSampled => t.push_str(&format!(
            "\nnot_sampled:\n\
             \x20 # 原因：batch.yaml rules.no_sample_reasons 之一\n\
             \x20 reason: 停产\n\
             \x20 description: {P}\n\
             \x20 person_in_charge: {P}\n",
            P = PLACEHOLDER
        )),
    }
    t.push_str(&format!(
        "\n# 证据文件：照片或录像放在 evidence/{id}/ 中，路径相对于批次文件夹\nevidence: []\n"
    ));
    t
}

//! `import`: the rows of a list planned as cases, checked, and written only when all are right.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use spotcheck_core::diag::{Diagnostic, Rule};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_input::load::{BATCH_FILE, CASES_DIR, LoadedBatch, LoadedCase, is_safe_id};
use spotcheck_input::model::{Batch, Case, Domain, Party, Sampler, Visit};
use spotcheck_input::prefixes::{self, Assignment, Used};
use spotcheck_input::scaffold::{CASE_SCHEMA_FILE, PLACEHOLDER, next_number};
use spotcheck_input::yaml_text::{comment, quote as q, scalar};

use super::*;

/// A case already in the folder, read leniently (a file with errors elsewhere still counts).
#[derive(Debug, Clone)]
struct Existing {
    id: String,
    credit_code: String,
    category: String,
}

fn existing_cases(root: &Path) -> Vec<Existing> {
    spotcheck_input::load::case_heads(root)
        .into_iter()
        .map(|h| Existing {
            id: h.id,
            credit_code: h.credit_code.to_ascii_uppercase(),
            category: h.category,
        })
        .collect()
}

/// One row that becomes a planned case.
#[derive(Debug, Clone)]
pub struct NewRow {
    /// The row in the sheet, from 0.
    pub row: usize,
    pub case: Case,
    /// Where the case file goes.
    pub path: PathBuf,
}

/// What an import would do, or did.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    /// The rows that become planned cases, in sheet order.
    pub new: Vec<NewRow>,
    /// Rows matched to a case already in the folder (row from 0, case id).
    pub matched: Vec<(usize, String)>,
    /// Which prefix a category's new cases take and why, for each category whose series
    /// the import starts (in the order of the rows).
    pub(crate) prefix_notes: Vec<Message>,
}

impl ImportPlan {
    /// What `import` says once the plan is written: each case created, then the counts.
    pub fn messages(&self) -> Vec<Message> {
        self.prefix_notes
            .iter()
            .cloned()
            .chain(
                self.new
                    .iter()
                    .map(|n| msg!(ImportCreated, id = &n.case.id, path = &n.path)),
            )
            .chain(std::iter::once(msg!(
                ImportDone,
                created = self.new.len(),
                matched = self.matched.len()
            )))
            .collect()
    }
}

/// Reads the list and decides, row by row, what it makes: every finding, or the plan.
pub fn plan_import(
    root: &Path,
    file: &Path,
    overrides: &BTreeMap<Field, String>,
) -> Result<ImportPlan, Vec<Diagnostic>> {
    let (batch, batch_index) = spotcheck_input::load::read_typed::<Batch>(root, BATCH_FILE)?;
    let sheet = read_sheet(file).map_err(|m| {
        vec![Diagnostic::new(
            Rule::ImportHeader,
            &file.display().to_string(),
            (0, 0),
            "",
            m,
        )]
    })?;
    let cols = columns(&sheet, overrides)?;
    let mut reader = RowReader::new(root, &batch, &sheet, &cols);
    for (r, cells) in sheet.rows.iter().enumerate().skip(cols.header_row + 1) {
        if !cells.iter().all(|c| c.trim().is_empty()) {
            reader.read(Row {
                r,
                cells,
                cols: &cols,
            });
        }
    }
    let RowReader {
        plan, mut errors, ..
    } = reader;
    let lb = LoadedBatch {
        root: root.to_path_buf(),
        batch,
        batch_index,
        cases: plan
            .new
            .iter()
            .map(|n| LoadedCase {
                case: n.case.clone(),
                file: format!("#{}", n.row),
                index: Default::default(),
                // Not a file yet: no content to identify.
                sha256: [0; 32],
            })
            .collect(),
    };
    errors.extend(check_planned(&lb, &sheet, &cols));
    if errors.is_empty() {
        Ok(plan)
    } else {
        // In reading order: by row, then by column.
        errors.sort_by_key(|d| cell_order(&d.file));
        Err(errors)
    }
}

/// One row of the list, read through its columns.
#[derive(Clone, Copy)]
struct Row<'a> {
    /// The row in the sheet, from 0.
    r: usize,
    cells: &'a [String],
    cols: &'a Columns,
}

impl Row<'_> {
    /// The trimmed text of a field's cell, empty when the column or the cell is absent.
    fn get(&self, f: Field) -> String {
        self.cols
            .of
            .get(&f)
            .and_then(|&c| self.cells.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    fn opt(&self, f: Field) -> Option<String> {
        Some(self.get(f)).filter(|s| !s.is_empty())
    }

    fn blank(&self, f: Field) -> bool {
        self.get(f).is_empty()
    }
}

/// The rows read so far: what they make, what is wrong in them, and the ids, enterprises and
/// case files they have taken.
struct RowReader<'a> {
    root: &'a Path,
    batch: &'a Batch,
    sheet: &'a Sheet,
    cols: &'a Columns,
    existing: Vec<Existing>,
    /// The prefix of each category, and the category of each prefix.
    prefixes: Assignment,
    /// The categories whose prefix was said.
    noted: Vec<String>,
    /// Ids taken, by the folder and by the rows before.
    ids: Vec<String>,
    /// The first row of each (credit code, category) and of each id.
    seen: HashMap<(String, String), usize>,
    seen_ids: HashMap<String, usize>,
    plan: ImportPlan,
    errors: Vec<Diagnostic>,
}

impl<'a> RowReader<'a> {
    fn new(root: &'a Path, batch: &'a Batch, sheet: &'a Sheet, cols: &'a Columns) -> Self {
        let existing = existing_cases(root);
        RowReader {
            root,
            batch,
            sheet,
            cols,
            prefixes: prefixes::assign(batch, &used_of(&existing)),
            noted: Vec::new(),
            ids: existing.iter().map(|e| e.id.clone()).collect(),
            existing,
            seen: HashMap::new(),
            seen_ids: HashMap::new(),
            plan: ImportPlan::default(),
            errors: Vec::new(),
        }
    }

    /// A finding on the cell of `f` in row `r`.
    fn bad(&mut self, r: usize, f: Field, rule: Rule, m: Message) {
        let c = self.cols.of.get(&f).copied().unwrap_or(0);
        let at = self.sheet.cell(r, c);
        self.errors
            .push(Diagnostic::new(rule, &at, (0, 0), f.header(), m));
    }

    /// One row: matched to a case in the folder, or a new planned case, or findings.
    fn read(&mut self, row: Row<'_>) {
        if let Some(id) = self.matched(&row) {
            self.plan.matched.push((row.r, id));
            return;
        }
        // No cell may hold what the case file's reader refuses (a control character).
        let mut clean = true;
        for f in Field::ALL {
            if let Some(m) = spotcheck_input::yaml::refused_in_value(&row.get(f)) {
                self.bad(row.r, f, Rule::YamlControlChar, m);
                clean = false;
            }
        }
        let code = row.get(Field::CreditCode).to_ascii_uppercase();
        let category = row.get(Field::Category);
        // A new planned case: every required cell written, the credit code valid.
        if !code.is_empty()
            && let Some(m) = spotcheck_input::codes::credit_code_problem(&code)
        {
            self.bad(row.r, Field::CreditCode, Rule::PartyCreditCode, m);
        }
        let mut complete = true;
        for f in Field::ALL.into_iter().filter(|f| f.required()) {
            if row.blank(f) {
                let m = msg!(ImportEmptyCell, header = f.header());
                self.bad(row.r, f, Rule::ImportCell, m);
                complete = false;
            }
        }
        let date = self.date(&row);
        let domain = self.domain(&row);
        let lab = self.lab(&row, &category, complete);
        let id_cell = row.get(Field::Id);
        if !id_cell.is_empty() && !is_safe_id(&id_cell) {
            self.bad(
                row.r,
                Field::Id,
                Rule::ImportCell,
                msg!(LoadCaseId, id = &id_cell),
            );
        }
        if let Some(m) =
            prefixes::prefix_of(&id_cell).and_then(|p| self.prefixes.refusal(p, &category))
        {
            self.bad(row.r, Field::Id, Rule::CasePrefix, m);
        }
        self.duplicates(&row, &code, &category);
        let (names, credentials) = (sampler_names(&row).len(), credentials_of(&row).len());
        if credentials > 0 && credentials != names {
            let m = msg!(
                ImportCredentials,
                credentials = credentials,
                samplers = names
            );
            self.bad(row.r, Field::Credentials, Rule::ImportCell, m);
            complete = false;
        }
        let (Some(date), Some(domain), Some(lab), true) = (date, domain, lab, complete && clean)
        else {
            return;
        };
        let (id, path) = self.new_id(&id_cell, &category);
        self.ids.push(id.clone());
        let mut case = planned_case(&row, id, category, code);
        case.domain = domain;
        case.lab = lab;
        case.visit.date = date;
        self.plan.new.push(NewRow {
            row: row.r,
            case,
            path,
        });
    }

    /// The case already in the folder a row stands for: by the id when the sheet gives one,
    /// else by credit code and category.
    fn matched(&self, row: &Row<'_>) -> Option<String> {
        let id = row.get(Field::Id);
        if !id.is_empty() {
            return self.existing.iter().any(|e| e.id == id).then_some(id);
        }
        let code = row.get(Field::CreditCode).to_ascii_uppercase();
        let category = row.get(Field::Category);
        self.existing
            .iter()
            .find(|e| !code.is_empty() && e.credit_code == code && e.category == category)
            .map(|e| e.id.clone())
    }

    fn date(&mut self, row: &Row<'_>) -> Option<NaiveDate> {
        let d = row.opt(Field::Date)?;
        let parsed = parse_date(&d);
        if parsed.is_none() {
            self.bad(
                row.r,
                Field::Date,
                Rule::ImportCell,
                msg!(ImportBadDate, value = &d),
            );
        }
        parsed
    }

    fn domain(&mut self, row: &Row<'_>) -> Option<Domain> {
        match row.get(Field::Domain).trim_end_matches("领域") {
            "" | "流通" | "销售" | "经销" => Some(Domain::Circulation),
            "生产" => Some(Domain::Production),
            "电子商务" | "网络" | "网购" | "网店" => Some(Domain::Online),
            other => {
                let m = msg!(ImportBadDomain, value = other);
                self.bad(row.r, Field::Domain, Rule::ImportCell, m);
                None
            }
        }
    }

    /// The lab by its id or name; when the cell is empty, the category's lab in the plan or
    /// the batch's only lab.
    fn lab(&mut self, row: &Row<'_>, category: &str, complete: bool) -> Option<String> {
        let labs = &self.batch.labs;
        let l = row.get(Field::Lab);
        if l.is_empty() {
            let found = self
                .batch
                .plan_row(category)
                .and_then(|p| p.lab.clone())
                .or_else(|| (labs.len() == 1).then(|| labs[0].id.clone()));
            if found.is_none() && complete {
                self.bad(row.r, Field::Lab, Rule::ImportCell, msg!(ImportLabNeeded));
            }
            return found;
        }
        let found = labs
            .iter()
            .find(|x| x.id == l || x.name == l)
            .map(|x| x.id.clone());
        if found.is_none() {
            let all: Vec<String> = labs.iter().map(|x| x.name.clone()).collect();
            let m = msg!(ImportBadLab, value = &l, all = all);
            self.bad(row.r, Field::Lab, Rule::ImportCell, m);
        }
        found
    }

    /// The same enterprise and category, or the same id, twice in the list.
    fn duplicates(&mut self, row: &Row<'_>, code: &str, category: &str) {
        let r = row.r;
        if !code.is_empty() {
            let key = (code.to_string(), category.to_string());
            match self.seen.get(&key) {
                Some(&first) => {
                    let m = msg!(ImportDuplicateRow, row = first + 1);
                    self.bad(r, Field::CreditCode, Rule::ImportDuplicate, m);
                }
                None => {
                    self.seen.insert(key, r);
                }
            }
        }
        let id = row.get(Field::Id);
        if !id.is_empty() {
            match self.seen_ids.get(&id) {
                Some(&first) => {
                    let m = msg!(ImportDuplicateRow, row = first + 1);
                    self.bad(r, Field::Id, Rule::ImportDuplicate, m);
                }
                None => {
                    self.seen_ids.insert(id, r);
                }
            }
        }
    }

    /// The id and file of a new case: the sheet's id, or the next of the category's series
    /// ([`prefixes::assign`]), on a file not yet taken. The first generated id of a series
    /// the import starts has its prefix said.
    fn new_id(&mut self, id_cell: &str, category: &str) -> (String, PathBuf) {
        if !id_cell.is_empty() {
            let stem = id_cell.to_ascii_lowercase();
            let path = self.root.join(CASES_DIR).join(format!("{stem}.yaml"));
            return (id_cell.to_string(), path);
        }
        let year = self.batch.issued_on.year();
        // A row's category is one of the plan (check_planned says so otherwise).
        let choice = self.prefixes.of.get(category);
        let prefix = choice.map_or_else(|| "CASE".to_string(), |c| c.prefix.clone());
        if let Some(note) = choice.and_then(|c| c.note(category))
            && !self.noted.iter().any(|c| c == category)
        {
            self.noted.push(category.to_string());
            self.plan.prefix_notes.push(note);
        }
        let mut n = next_number(&self.ids, &prefix, year);
        let mut path = case_path(self.root, &prefix, n);
        while path.exists() {
            n += 1;
            path = case_path(self.root, &prefix, n);
        }
        (format!("{prefix}-{year}-{n:03}"), path)
    }
}

/// The samplers' names in a row's cell, as lists separate them (、 ， , ; / or spaces).
fn sampler_names(row: &Row<'_>) -> Vec<String> {
    row.get(Field::Samplers)
        .split(['、', ',', '，', ';', '；', '/', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The samplers' credentials (工作证号) in a row's cell, one per sampler in the same order,
/// separated as the names are but for spaces (a credential may hold one: 抽样工作证 JC-017).
fn credentials_of(row: &Row<'_>) -> Vec<String> {
    row.get(Field::Credentials)
        .split(['、', ',', '，', ';', '；', '/', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The planned case a complete row makes (its domain, lab and date set by the caller).
fn planned_case(row: &Row<'_>, id: String, category: String, credit_code: String) -> Case {
    let credentials = credentials_of(row);
    let samplers = sampler_names(row)
        .into_iter()
        .enumerate()
        .map(|(i, name)| Sampler {
            name,
            credential: credentials.get(i).cloned(),
        })
        .collect();
    Case {
        id,
        category,
        domain: Domain::Circulation,
        online: None,
        recheck: None,
        lab: String::new(),
        outcome: None,
        visit: Visit {
            date: NaiveDate::MIN,
            place: None,
            notice_no: row
                .opt(Field::NoticeNo)
                .unwrap_or_else(|| PLACEHOLDER.to_string()),
            notice_valid_until: None,
            remark: None,
            samplers,
        },
        party: Party {
            name: row.get(Field::PartyName),
            credit_code,
            address: row.get(Field::Address),
            postcode: row.opt(Field::Postcode),
            legal_rep: row.opt(Field::LegalRep),
            contact: row.opt(Field::Contact),
            phone: row.opt(Field::Phone),
        },
        manufacturer: None,
        confirmation: None,
        objection: None,
        product: None,
        seals: None,
        signing: None,
        payment: None,
        refusal: None,
        not_sampled: None,
        evidence: Vec::new(),
        inspection: None,
        delivery: None,
        ecqs: None,
        followup: None,
        disposal: None,
    }
}

/// The rules `check` applies to a planned case, run on the new cases (files named `#row`),
/// each finding put back on its cell. A notice number or samplers not in the list are written
/// later (check says so); the party's credit code was judged on its cell already.
fn check_planned(lb: &LoadedBatch, sheet: &Sheet, cols: &Columns) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for d in spotcheck_rules::check(lb) {
        let Some(r) = d
            .file
            .strip_prefix('#')
            .and_then(|r| r.parse::<usize>().ok())
        else {
            continue;
        };
        let row = Row {
            r,
            cells: &sheet.rows[r],
            cols,
        };
        if d.rule == Rule::PlannedBlank && !d.path.starts_with(Field::Samplers.path())
            || d.rule == Rule::PartyCreditCode && d.path == Field::CreditCode.path()
            || (d.rule == Rule::PlannedBlank && row.blank(Field::Samplers))
        {
            continue;
        }
        let (at, header) = match Field::of_path(&d.path).filter(|f| cols.of.contains_key(f)) {
            Some(f) => (sheet.cell(r, cols.of[&f]), f.header()),
            None => (sheet.cell(r, 0), ""),
        };
        errors.push(Diagnostic::new(d.rule, &at, (0, 0), header, d.message));
    }
    errors
}

/// (row, column) of a cell named `…!C12` or `…:C12`, for sorting findings.
fn cell_order(at: &str) -> (usize, usize) {
    let cell = at.rsplit(['!', ':']).next().unwrap_or("");
    let letters: String = cell.chars().take_while(char::is_ascii_uppercase).collect();
    let row = cell[letters.len()..].parse().unwrap_or(0);
    let col = letters
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A') + 1);
    (row, col)
}

fn case_path(root: &Path, prefix: &str, n: u32) -> PathBuf {
    root.join(CASES_DIR)
        .join(format!("{}-{n:03}.yaml", prefix.to_ascii_lowercase()))
}

/// The cases of the folder as the prefixes see them.
fn used_of(existing: &[Existing]) -> Vec<Used> {
    existing
        .iter()
        .map(|e| Used {
            id: e.id.clone(),
            category: e.category.clone(),
        })
        .collect()
}

/// The text of a planned case file: the modeline, a comment, and what the list gave.
pub(crate) fn planned_case_text(c: &Case, source: &str) -> String {
    let v = &c.visit;
    let p = &c.party;
    let mut t = format!(
        "# yaml-language-server: $schema=../{CASE_SCHEMA_FILE}\n\
         # {id} {party}（{category}）：计划中的案例，由 spotcheck import 从 {source} 导入。\n\
         # 抽样后写上 outcome（抽样情况）、visit.place（抽样地点）和现场记录的各节，即成为一般案例；已有内容无需重写。\n\
         id: {quoted_id}\n\
         category: {cat}\n\
         domain: {domain}\n\
         lab: {lab}\n\
         \n\
         visit:\n\
         \x20 # 计划抽样日期\n\
         \x20 date: {date}\n\
         \x20 notice_no: {notice}\n",
        id = comment(&c.id),
        quoted_id = scalar(&c.id),
        party = comment(&p.name),
        category = comment(&c.category),
        source = comment(source),
        cat = q(&c.category),
        domain = c.domain.label(),
        lab = q(&c.lab),
        date = v.date.format("%Y-%m-%d"),
        notice = q(&v.notice_no),
    );
    if v.samplers.is_empty() {
        t.push_str("  # 抽样人员：至少两名，各写姓名和抽样工作证号\n  samplers: []\n");
    } else {
        t.push_str("  samplers:\n");
        for s in &v.samplers {
            match &s.credential {
                Some(c) => t.push_str(&format!(
                    "    - {{ name: {}, credential: {} }}\n",
                    q(&s.name),
                    q(c)
                )),
                None => t.push_str(&format!("    - {{ name: {} }}\n", q(&s.name))),
            }
        }
    }
    t.push_str(&format!(
        "\nparty:\n  name: {}\n  credit_code: {}\n  address: {}\n",
        q(&p.name),
        q(&p.credit_code),
        q(&p.address)
    ));
    for (k, val) in [
        ("postcode", &p.postcode),
        ("legal_rep", &p.legal_rep),
        ("contact", &p.contact),
        ("phone", &p.phone),
    ] {
        if let Some(val) = val {
            t.push_str(&format!("  {k}: {}\n", q(val)));
        }
    }
    t
}

/// How many findings of a refused import are shown; the rest are counted.
pub(crate) const SHOWN_ERRORS: usize = 100;

/// Why an import wrote nothing.
#[derive(Debug)]
pub enum ImportRefusal {
    /// The list is wrong: every finding, in reading order.
    Findings(Vec<Diagnostic>),
    /// The batch or a case file could not be read or written.
    Failed(Message),
}

impl ImportRefusal {
    /// The findings to show: the first [`SHOWN_ERRORS`].
    pub fn shown(&self) -> &[Diagnostic] {
        match self {
            ImportRefusal::Findings(d) => &d[..d.len().min(SHOWN_ERRORS)],
            ImportRefusal::Failed(_) => &[],
        }
    }

    /// What is said after the findings shown: how many were not shown, and that nothing was
    /// written (or why the import failed).
    pub fn closing(&self) -> Vec<Message> {
        match self {
            ImportRefusal::Findings(d) => {
                let more = d.len().saturating_sub(SHOWN_ERRORS);
                let mut out = Vec::new();
                if more > 0 {
                    out.push(msg!(ImportMoreErrors, shown = SHOWN_ERRORS, more = more));
                }
                out.push(msg!(ImportRefused, errors = d.len()));
                out
            }
            ImportRefusal::Failed(m) => vec![m.clone()],
        }
    }
}

/// `import`: the list `file` read and checked, then its new rows written as planned cases of
/// the batch folder `root` (`source` is how their comment names the list), under the batch's
/// lock, so that two imports of one list at once make each case once.
pub fn import(
    root: &Path,
    file: &Path,
    overrides: &BTreeMap<Field, String>,
    source: &str,
) -> Result<ImportPlan, ImportRefusal> {
    // The batch is read first: a folder that is no batch says so, not that it cannot be locked.
    spotcheck_input::load::read_typed::<Batch>(root, BATCH_FILE)
        .map_err(ImportRefusal::Findings)?;
    let _lock = spotcheck_input::lock::BatchLock::take(root)
        .map_err(|e| ImportRefusal::Failed(msg!(ImportRead, path = root, error = e.to_string())))?;
    let plan = plan_import(root, file, overrides).map_err(ImportRefusal::Findings)?;
    write_import(root, &plan, source).map_err(ImportRefusal::Failed)?;
    Ok(plan)
}

/// Writes the planned cases of `plan`: each file new (an existing file is never replaced),
/// atomically, and the evidence folder of each. Returns the files written.
pub(crate) fn write_import(
    root: &Path,
    plan: &ImportPlan,
    source: &str,
) -> Result<Vec<PathBuf>, Message> {
    let mut written = Vec::new();
    for n in &plan.new {
        let text = planned_case_text(&n.case, source);
        spotcheck_core::output::write_new(&n.path, text.as_bytes()).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                msg!(NewCaseExists, path = &n.path)
            } else {
                msg!(InitWrite, path = &n.path, error = e.to_string())
            }
        })?;
        written.push(n.path.clone());
        let evidence = root.join("evidence").join(&n.case.id);
        std::fs::create_dir_all(&evidence)
            .map_err(|e| msg!(InitWrite, path = &evidence, error = e.to_string()))?;
    }
    Ok(written)
}

// ---------------------------------------------------------------------------------------------
// The ledger
// ---------------------------------------------------------------------------------------------

//! `spotcheck check`: the rules of the batch notice, applied to a loaded batch.
//!
//! Every number and date a rule needs (sampling window, deadlines, minimum samplers,
//! objection period, allowed reasons, delivery method, e-CQS lag) is read from `batch.yaml`;
//! none is written here. Which rules apply to a case depends on how far it has got: a lot that
//! is sampled but not yet tested is not missing its report, a lot not yet delivered is not late
//! for delivery. The check never reads the clock, so the same folder always gives the same
//! findings; what is late *today* is the business of [`crate::rules::status`].
//!
//! Every finding carries its rule id, severity, file, line, column and field path, and one
//! sentence in Chinese saying what is wrong and what to do. [`RULES`] lists every rule id; the
//! same table, for people, is `docs/rules.md`.

pub mod status;

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::input::load::{BATCH_FILE, LoadedBatch, LoadedCase, PartialBatch};
use crate::input::model::{Case, Inspection, Outcome, Verdict};
use crate::messages::{Lang, Message, Msg};
use crate::msg;

/// One rule of the check.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule finds.
    pub checks: &'static str,
    /// The `batch.yaml` parameters it reads ("" for none).
    pub params: &'static str,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    checks: &'static str,
    params: &'static str,
) -> Rule {
    Rule {
        id,
        severity,
        checks,
        params,
    }
}

use Severity::{Error as E, Warning as W};

/// Every rule id, its severity, what it finds and the parameters it reads.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // batch.yaml
    rule("batch.contact", E, "a phone number or postcode of the authority, a lab or a county bureau is malformed", ""),
    rule("schedule.order", E, "the sampling window ends before it starts, or a deadline falls before its end", "schedule.*"),
    rule("plan.duplicate", E, "a category is listed twice in the plan", "plan"),
    rule("lab.unknown", E, "a case's `lab` or a plan row's `lab` is not the id of a lab in `labs`", "labs"),
    rule("lab.id", E, "a lab id is not a safe folder name (letters, digits, `.`, `_`, `-`): each lab's own documents go into a folder named by it", "labs[].id"),
    rule("batch.document-no", E, "the document number (发文字号) does not put its year in 〔〕 or is not of the form 机关代字〔年份〕序号号", "document_no"),
    rule("schedule.issued", E, "the notice is dated after the sampling window opens", "issued_on, schedule.sampling_start"),
    rule("annex.source", E, "an annex is both typeset (content) and attached (file), or two annexes have the same content", "annexes"),
    rule("annex.file", E, "an attached annex file is not a PDF, JPG or PNG, does not exist, or lies outside the batch folder", "annexes[].file"),
    // the visit
    rule("plan.category", E, "the case's category is not in the plan", "plan[].category"),
    rule("lab.plan", E, "the case's lab is not the lab the plan assigns to its category", "plan[].lab"),
    rule("case.placeholder", E, "a field still holds the placeholder 待填写 that new-case writes: nothing unfilled reaches paper", ""),
    rule("plan.over", W, "more lots (sampled or refused) in a category than planned; reported on each lot beyond the plan, in order of visit date", "plan[].lots"),
    rule("samplers.min", E, "fewer distinct samplers on the visit than the minimum", "rules.min_samplers"),
    rule("visit.window", E, "the visit date is outside the sampling window", "schedule.sampling_start, schedule.sampling_end"),
    rule("visit.notice-validity", E, "the sampling notice had expired on the day of the visit", ""),
    rule("party.credit-code", E, "a 统一社会信用代码 (party, nominal manufacturer) fails GB 32100-2015: length, characters or check character", ""),
    rule("party.phone", E, "a phone number (party, nominal manufacturer, witness) is neither a landline such as 0356-6213478 nor an 11-digit mobile", ""),
    rule("party.postcode", E, "the party's postcode is not 6 digits", ""),
    rule("evidence.none", E, "the visit lists no photo or video (jpg, jpeg, png, heic, mp4, mov, avi, pdf)", ""),
    rule("evidence.path", E, "an evidence path is absolute, contains `..`, or leads (through a symbolic link) outside the batch folder", ""),
    rule("evidence.file", E, "an evidence file does not exist or is not a file", ""),
    rule("case.section", E, "a section the outcome calls for is missing: product, seals, signing, payment (sampled), refusal (refused), not_sampled (not sampled)", ""),
    rule("case.stage", E, "a section that does not belong to the outcome, or a later stage recorded before an earlier one (delivery without a report, follow-up of a qualified lot, disposal before delivery)", ""),
    // a sampled lot
    rule("sample.quantities", E, "a sampled lot without a test or a backup quantity (or with 0)", ""),
    rule("seals.numbers", E, "a sampled lot without seal numbers", ""),
    rule("seals.backup-place", E, "a sampled lot without the keeper or the place of the backup sample", ""),
    rule("price.missing", E, "a sampled lot without a unit price", ""),
    rule("price.basis", E, "a sampled lot without the price basis (marked price or market price of like products)", ""),
    rule("price.positive", E, "a unit price of 0 or less", ""),
    rule("price.total", E, "a written total that is not unit price × test quantity", ""),
    rule("fee.party", E, "any fee charged to the party", ""),
    rule("signing.missing", E, "the party did not sign and no refusal-to-sign note is written", ""),
    rule("signing.witness", W, "a refusal-to-sign note without a witness", ""),
    // refused, not sampled
    rule("refusal.details", E, "a refusal without its description or the person who refused", ""),
    rule("refusal.county", E, "a refusal without the county bureau that determined it jointly", ""),
    rule("county.unknown", E, "a county bureau (refusal, follow-up) that is not in `counties`", "counties"),
    rule("not-sampled.reason", E, "a not-sampled case whose reason is not one of the allowed reasons", "rules.no_sample_reasons"),
    rule("not-sampled.person", E, "a not-sampled case without the person in charge who signed the no-sample sheet (the samplers are checked by samplers.min)", ""),
    // the report
    rule("report.incomplete", E, "a report without its number, issue date, tester, reviewer or approver", ""),
    rule("report.items", E, "a report without test items", ""),
    rule("conclusion.contradicts", E, "the stated conclusion is 合格 but an item failed (one failed item makes the lot unqualified)", ""),
    rule("conclusion.no-failed-item", E, "the stated conclusion is 不合格 but no item failed", ""),
    rule("followup.county", E, "an unqualified lot without a county bureau assigned for follow-up", ""),
    // delivery, e-CQS, disposal
    rule("delivery.late", E, "results sent after the delivery deadline", "schedule.delivery_deadline"),
    rule("delivery.method", E, "results not sent by the required method", "schedule.delivery_method"),
    rule("delivery.tracking", E, "results sent without a tracking number", ""),
    rule("ecqs.late", E, "sampling entered into e-CQS later than the allowed days after the visit, or not entered although the case records a later day", "schedule.ecqs_entry_days"),
    rule("ecqs.deadline", E, "an e-CQS entry after the e-CQS deadline", "schedule.ecqs_deadline"),
    rule("disposal.early", E, "samples disposed of before the objection period and the backup-keeping period after delivery have run out", "rules.objection_days, rules.backup_keep_days"),
    // across the batch
    rule("case.duplicate-id", E, "two cases with the same id (reported while loading, since output folders are named by id)", ""),
    rule("report.duplicate", E, "two reports with the same number", ""),
    rule("seals.duplicate", E, "a seal number used twice in the batch", ""),
    rule("dates.order", E, "dates out of order: visit ≤ received ≤ tested ≤ issued ≤ sent; e-CQS entries, refusal, no-sample report and follow-up not before what they record. Each wrong date is reported once, at the date that breaks the order (the fewest dates that, removed, leave the rest in order); a visit date outside the window is reported by visit.window alone", ""),
];

/// The severity of a rule id (error for an id not in [`RULES`]).
pub fn severity(id: &str) -> Severity {
    RULES
        .iter()
        .find(|r| r.id == id)
        .map_or(Severity::Error, |r| r.severity)
}

/// The outcome of `check` for a whole batch: findings, counts and progress against the plan.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The batch id; `None` when the batch could not be read.
    pub batch: Option<String>,
    /// Whether the batch folder could be read at all.
    pub readable: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Lots done and still to do per category of the plan (information, not findings).
    pub plan: Vec<PlanProgress>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Summary {
    pub cases: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// Progress of one plan category: lots are sampled and refused cases.
#[derive(Debug, Clone, Serialize)]
pub struct PlanProgress {
    pub category: String,
    pub planned: u32,
    pub lots: u32,
    pub shortfall: u32,
}

impl Report {
    /// The report of a batch that could not be read: the loader's findings.
    pub fn unreadable(diagnostics: Vec<Diagnostic>) -> Report {
        let summary = Summary {
            cases: 0,
            errors: diagnostics.iter().filter(|d| d.is_error()).count(),
            warnings: diagnostics.iter().filter(|d| !d.is_error()).count(),
        };
        Report {
            batch: None,
            readable: false,
            diagnostics,
            summary,
            plan: Vec::new(),
        }
    }

    /// The findings, one a line, then the counts and the plan's shortfall, in Chinese.
    pub fn to_text(&self) -> String {
        self.render(Lang::Zh)
    }

    /// The findings, one a line, then the counts and the plan's shortfall, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render(lang));
            out.push('\n');
        }
        let mut line = |m: Message| {
            out.push_str(&m.render(lang));
            out.push('\n');
        };
        if !self.readable {
            line(msg!(CheckUnreadable, errors = self.summary.errors));
            return out;
        }
        line(msg!(
            CheckDone,
            cases = self.summary.cases,
            errors = self.summary.errors,
            warnings = self.summary.warnings
        ));
        let short: Vec<&PlanProgress> = self.plan.iter().filter(|p| p.shortfall > 0).collect();
        if !short.is_empty() {
            line(msg!(CheckPlanShort));
            for p in short {
                line(msg!(
                    CheckPlanRow,
                    category = &p.category,
                    planned = p.planned,
                    lots = p.lots,
                    shortfall = p.shortfall
                ));
            }
        }
        out
    }

    /// For programs: as serialized, with each finding's message in `lang`, its id and
    /// arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["diagnostics"] = self.diagnostics.iter().map(|d| d.to_json(lang)).collect();
        v
    }
}

/// Runs every rule and adds the counts and the plan progress.
pub fn report(lb: &LoadedBatch) -> Report {
    let diagnostics = check(lb);
    let summary = Summary {
        cases: lb.cases.len(),
        errors: diagnostics.iter().filter(|d| d.is_error()).count(),
        warnings: diagnostics.iter().filter(|d| !d.is_error()).count(),
    };
    let plan = crate::input::stats::compute(lb)
        .by_category
        .into_iter()
        .filter_map(|c| {
            Some(PlanProgress {
                planned: c.planned?,
                lots: c.lots,
                shortfall: c.shortfall,
                category: c.label,
            })
        })
        .collect();
    Report {
        batch: Some(lb.batch.id.clone()),
        readable: true,
        diagnostics,
        summary,
        plan,
    }
}

pub use crate::input::stats::counts_as_lot;

/// The report of a batch folder read as far as it could be ([`load_partial`]): the errors of
/// every file that could not be read, and every rule applied to `batch.yaml` and the cases
/// that could. Without `batch.yaml` no rule can run: the report is unreadable, with the
/// errors of every file.
///
/// [`load_partial`]: crate::input::load::load_partial
pub fn report_partial(partial: PartialBatch) -> Report {
    let PartialBatch {
        root,
        batch,
        cases,
        errors,
    } = partial;
    let Some((batch, batch_index)) = batch else {
        let mut r = Report::unreadable(errors);
        r.summary.cases = cases.len();
        return r;
    };
    let lb = LoadedBatch {
        root,
        batch,
        batch_index,
        cases,
    };
    let mut r = report(&lb);
    r.diagnostics.extend(errors);
    r.diagnostics.sort_by(|a, b| {
        (a.file != BATCH_FILE, &a.file, a.line, a.column).cmp(&(
            b.file != BATCH_FILE,
            &b.file,
            b.line,
            b.column,
        ))
    });
    r.summary.errors = r.diagnostics.iter().filter(|d| d.is_error()).count();
    r.summary.warnings = r.diagnostics.len() - r.summary.errors;
    r
}

/// The errors among `diags` that stop rendering the given cases (every case when `cases` is
/// empty): those of `batch.yaml` and of the selected cases' files.
pub fn blocking<'a>(
    lb: &LoadedBatch,
    diags: &'a [Diagnostic],
    cases: &[String],
) -> Vec<&'a Diagnostic> {
    let files: BTreeSet<&str> = lb
        .cases
        .iter()
        .filter(|c| cases.is_empty() || cases.contains(&c.case.id))
        .map(|c| c.file.as_str())
        .collect();
    diags
        .iter()
        .filter(|d| d.is_error() && (d.file == BATCH_FILE || files.contains(d.file.as_str())))
        .collect()
}

/// Applies every rule to a loaded batch. Findings are sorted: `batch.yaml` first, then by
/// file, line and column.
pub fn check(lb: &LoadedBatch) -> Vec<Diagnostic> {
    let mut ck = Checker {
        lb,
        out: Vec::new(),
    };
    ck.batch_file();
    for lc in &lb.cases {
        ck.case(lc);
    }
    ck.plan_over();
    ck.duplicates();
    let mut out = ck.out;
    out.sort_by(|a, b| {
        (a.file != BATCH_FILE, &a.file, a.line, a.column, &a.rule).cmp(&(
            b.file != BATCH_FILE,
            &b.file,
            b.line,
            b.column,
            &b.rule,
        ))
    });
    out
}

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/// What is wrong with a document number (发文字号): the year must stand in 〔〕 (U+3014,
/// U+3015), as in 晋市市监〔2023〕3号; `None` when it is right.
pub fn document_no_problem(no: &str) -> Option<Message> {
    let no = no.trim();
    // A year in other brackets: [2023], 【2023】, (2023), （2023）, ［2023］, 〖2023〗.
    const OPEN: &[char] = &['[', '【', '(', '（', '［', '〖', '{', '｛'];
    const CLOSE: &[char] = &[']', '】', ')', '）', '］', '〗', '}', '｝'];
    let chars: Vec<char> = no.chars().collect();
    for i in 0..chars.len() {
        if OPEN.contains(&chars[i])
            && chars.len() > i + 5
            && chars[i + 1..i + 5].iter().all(char::is_ascii_digit)
            && CLOSE.contains(&chars[i + 5])
        {
            let mut fixed = chars.clone();
            fixed[i] = '〔';
            fixed[i + 5] = '〕';
            let fixed: String = fixed.into_iter().collect();
            return Some(msg!(DocumentNoBrackets, value = no, fixed = fixed));
        }
    }
    let form = no.split_once('〔').and_then(|(code, rest)| {
        let (year, tail) = rest.split_once('〕')?;
        let number = tail.strip_suffix('号')?;
        (!code.is_empty()
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some(())
    });
    form.is_none().then(|| msg!(DocumentNoForm, value = no))
}

const CREDIT_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [usize; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The check character (GB 32100-2015) that follows the first 17 characters of a
/// 统一社会信用代码; `None` unless `head` is 17 characters of the code's alphabet.
pub fn credit_check_char(head: &str) -> Option<char> {
    let mut sum = 0;
    for (ch, weight) in head.chars().zip(CREDIT_WEIGHTS) {
        sum += CREDIT_CHARS.find(ch)? * weight;
    }
    (head.chars().count() == 17).then(|| CREDIT_CHARS.as_bytes()[(31 - sum % 31) % 31] as char)
}

/// What is wrong with a 统一社会信用代码 (GB 32100-2015); `None` when it is valid.
pub fn credit_code_problem(code: &str) -> Option<Message> {
    // Typed with a Chinese input method on: name the full-width characters and give the
    // half-width code, and what is still wrong with it.
    if crate::input::width::has_full_width(code) {
        let chars = crate::input::width::full_width_chars(code);
        let fixed = crate::input::width::to_half_width(code).trim().to_string();
        return Some(match credit_code_problem(&fixed) {
            None => msg!(CreditFullWidth, chars = chars, fixed = fixed),
            Some(p) => msg!(
                CreditFullWidthThen,
                chars = chars,
                fixed = fixed,
                problem = p
            ),
        });
    }
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Some(msg!(CreditLength, len = chars.len()));
    }
    let mut sum = 0;
    for (i, &ch) in chars.iter().enumerate() {
        let Some(value) = CREDIT_CHARS.find(ch) else {
            return Some(if ch.is_ascii_lowercase() {
                msg!(CreditLowercase, pos = i + 1, ch = ch)
            } else {
                msg!(CreditChar, pos = i + 1, ch = ch)
            });
        };
        if i < 17 {
            sum += value * CREDIT_WEIGHTS[i];
        }
    }
    let expected = (31 - sum % 31) % 31;
    let expected = CREDIT_CHARS.as_bytes()[expected] as char;
    if chars[17] != expected {
        return Some(msg!(CreditCheck, expected = expected, found = chars[17]));
    }
    None
}

fn all_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A landline `0356-6213478` (area code of 3–4 digits starting with 0, number of 7–8 digits,
/// optional `-extension`) or an 11-digit mobile number starting with 1.
pub fn valid_phone(s: &str) -> bool {
    if all_digits(s, 11, 11) && s.starts_with('1') {
        return true;
    }
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [area, number] | [area, number, _] => {
            let ext_ok = parts.get(2).is_none_or(|e| all_digits(e, 1, 6));
            area.starts_with('0') && all_digits(area, 3, 4) && all_digits(number, 7, 8) && ext_ok
        }
        _ => false,
    }
}

/// Six digits.
pub fn valid_postcode(s: &str) -> bool {
    all_digits(s, 6, 6)
}

/// Extensions that count as photo or video evidence.
pub const MEDIA_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "heic", "mp4", "mov", "avi", "pdf"];

/// Whether a path names a photo or video (by extension, any case).
pub fn is_media(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MEDIA_EXTENSIONS.iter().any(|m| e.eq_ignore_ascii_case(m)))
}

/// What is wrong with an evidence path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvidenceProblem {
    /// The path itself is not allowed (`evidence.path`).
    Path(Msg),
    /// Nothing usable at that path (`evidence.file`).
    File(Msg),
}

/// Checks one evidence path, relative to the batch folder `root`.
pub fn evidence_problem(root: &Path, rel: &str) -> Option<EvidenceProblem> {
    let bytes = rel.as_bytes();
    if rel.trim().is_empty() {
        return Some(EvidenceProblem::Path(Msg::EvidenceEmpty));
    }
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if rel.starts_with(['/', '\\']) || drive || Path::new(rel).is_absolute() {
        return Some(EvidenceProblem::Path(Msg::EvidenceAbsolute));
    }
    if rel.split(['/', '\\']).any(|part| part == "..") {
        return Some(EvidenceProblem::Path(Msg::EvidenceDotDot));
    }
    let full = root.join(rel);
    let Ok(meta) = std::fs::metadata(&full) else {
        return Some(EvidenceProblem::File(Msg::EvidenceMissing));
    };
    match (root.canonicalize(), full.canonicalize()) {
        (Ok(r), Ok(f)) if f.starts_with(&r) => {}
        (Ok(_), Ok(_)) => {
            return Some(EvidenceProblem::Path(Msg::EvidenceOutside));
        }
        _ => return Some(EvidenceProblem::File(Msg::EvidenceUnreadable)),
    }
    if !meta.is_file() {
        return Some(EvidenceProblem::File(Msg::EvidenceNotFile));
    }
    None
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

fn blank(s: Option<&String>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

fn plus_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether the lab has started the report: any of its fields is written.
fn has_report(i: &Inspection) -> bool {
    i.report_no.is_some() || i.issued_on.is_some() || !i.items.is_empty() || i.conclusion.is_some()
}

struct Checker<'a> {
    lb: &'a LoadedBatch,
    out: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn push(&mut self, rule: &str, file: &str, pos: (usize, usize), path: &str, message: Message) {
        let d = match severity(rule) {
            Severity::Error => Diagnostic::error(rule, file, pos, path, message),
            Severity::Warning => Diagnostic::warning(rule, file, pos, path, message),
        };
        self.out.push(d);
    }

    /// A finding at `path` of a batch.yaml field.
    fn batch(&mut self, rule: &str, path: &str, message: Message) {
        let pos = self.lb.batch_index.pos_of(path);
        self.push(rule, BATCH_FILE, pos, path, message);
    }

    /// A finding at `path` of a case file; a missing field is located at its nearest
    /// ancestor.
    fn at(&mut self, lc: &LoadedCase, rule: &str, path: &str, message: Message) {
        let pos = lc.index.pos_of(path);
        self.push(rule, &lc.file, pos, path, message);
    }

    /// Like [`Self::at`], but a field whose whole top-level section is missing is located at
    /// `anchor`, the field that makes it necessary.
    fn at_or(&mut self, lc: &LoadedCase, rule: &str, path: &str, anchor: &str, message: Message) {
        let section = path.split(['.', '[']).next().unwrap_or(path);
        let pos = if lc.index.has(section) {
            lc.index.pos_of(path)
        } else {
            lc.index.pos_of(anchor)
        };
        self.push(rule, &lc.file, pos, path, message);
    }

    // -- batch.yaml --------------------------------------------------------------------------

    fn batch_file(&mut self) {
        let b = &self.lb.batch;
        let mut phones: Vec<(String, &str)> = Vec::new();
        let mut postcodes: Vec<(String, &str)> = Vec::new();
        if let Some(p) = &b.authority.phone {
            phones.push(("authority.phone".into(), p));
        }
        if let Some(p) = &b.authority.postcode {
            postcodes.push(("authority.postcode".into(), p));
        }
        for (i, l) in b.labs.iter().enumerate() {
            phones.push((format!("labs[{i}].phone"), &l.phone));
            postcodes.push((format!("labs[{i}].postcode"), &l.postcode));
        }
        for (i, c) in b.counties.iter().enumerate() {
            if let Some(p) = &c.phone {
                phones.push((format!("counties[{i}].phone"), p));
            }
        }
        for (path, p) in phones {
            if !valid_phone(p) {
                self.batch("batch.contact", &path, msg!(ContactPhone, value = p));
            }
        }
        for (path, p) in postcodes {
            if !valid_postcode(p) {
                self.batch("batch.contact", &path, msg!(ContactPostcode, value = p));
            }
        }

        let s = &b.schedule;
        if s.sampling_end < s.sampling_start {
            self.batch(
                "schedule.order",
                "schedule.sampling_end",
                msg!(
                    ScheduleEndBeforeStart,
                    end = s.sampling_end,
                    start = s.sampling_start
                ),
            );
        }
        for (key, label, date) in [
            (
                "delivery_deadline",
                Msg::LabelDeliveryDeadline,
                s.delivery_deadline,
            ),
            ("ecqs_deadline", Msg::LabelEcqsDeadline, s.ecqs_deadline),
            (
                "analysis_deadline",
                Msg::LabelAnalysisDeadline,
                s.analysis_deadline,
            ),
        ] {
            if date < s.sampling_end {
                self.batch(
                    "schedule.order",
                    &format!("schedule.{key}"),
                    msg!(
                        ScheduleBeforeEnd,
                        label = label,
                        date = date,
                        end = s.sampling_end
                    ),
                );
            }
        }

        if b.issued_on > s.sampling_start {
            self.batch(
                "schedule.issued",
                "issued_on",
                msg!(
                    IssuedAfterStart,
                    issued = b.issued_on,
                    start = s.sampling_start
                ),
            );
        }
        if let Some(m) = document_no_problem(&b.document_no) {
            self.batch("batch.document-no", "document_no", m);
        }
        for (i, l) in b.labs.iter().enumerate() {
            if !crate::input::load::is_safe_id(&l.id) {
                self.batch(
                    "lab.id",
                    &format!("labs[{i}].id"),
                    msg!(LabIdUnsafe, id = &l.id),
                );
            }
        }
        self.annexes();

        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, e) in b.plan.iter().enumerate() {
            if let Some(&first) = seen.get(e.category.as_str()) {
                self.batch(
                    "plan.duplicate",
                    &format!("plan[{i}].category"),
                    msg!(PlanDuplicate, category = &e.category, first = first),
                );
            } else {
                seen.insert(e.category.as_str(), i);
            }
            if let Some(lab) = &e.lab
                && !b.labs.iter().any(|l| &l.id == lab)
            {
                self.batch(
                    "lab.unknown",
                    &format!("plan[{i}].lab"),
                    msg!(PlanLabUnknown, lab = lab, all = lab_ids(self.lb)),
                );
            }
        }
    }

    // -- one case ----------------------------------------------------------------------------

    fn case(&mut self, lc: &LoadedCase) {
        let b = &self.lb.batch;
        let c = &lc.case;

        if !b.plan.iter().any(|e| e.category == c.category) {
            let all: Vec<String> = b.plan.iter().map(|e| e.category.clone()).collect();
            self.at(
                lc,
                "plan.category",
                "category",
                msg!(PlanCategory, category = &c.category, all = all),
            );
        }
        if !b.labs.iter().any(|l| l.id == c.lab) {
            self.at(
                lc,
                "lab.unknown",
                "lab",
                msg!(LabUnknown, lab = &c.lab, all = lab_ids(self.lb)),
            );
        } else if let Some(plan_lab) = b.plan_row(&c.category).and_then(|p| p.lab.as_deref())
            && plan_lab != c.lab
        {
            self.at(
                lc,
                "lab.plan",
                "lab",
                msg!(
                    LabNotPlan,
                    category = &c.category,
                    plan_lab = plan_lab,
                    lab = &c.lab
                ),
            );
        }
        self.placeholders(lc);

        self.visit(lc);
        self.identifiers(lc);
        self.evidence(lc);
        match c.outcome {
            Outcome::Sampled => self.sampled(lc),
            Outcome::Refused => self.refused(lc),
            Outcome::NotSampled => self.not_sampled(lc),
        }
        self.stage(lc);
        self.dates(lc);
        self.ecqs(lc);
    }

    /// Fields still holding the placeholder that `new-case` writes.
    fn placeholders(&mut self, lc: &LoadedCase) {
        let value = serde_json::to_value(&lc.case).unwrap_or_default();
        let mut found = Vec::new();
        crate::documents::render::walk_strings(&value, &mut String::new(), &mut |path, s| {
            if s.contains(crate::input::scaffold::PLACEHOLDER) {
                found.push((path.to_string(), s.to_string()));
            }
        });
        for (path, s) in found {
            self.at(
                lc,
                "case.placeholder",
                &path,
                msg!(PlaceholderLeft, value = s),
            );
        }
    }

    /// The annexes of the notice: each typeset or attached, never both; each content once;
    /// attached files readable, of a supported type, inside the batch folder.
    fn annexes(&mut self) {
        let Some(annexes) = self.lb.batch.annexes.clone() else {
            return;
        };
        let mut contents: HashMap<crate::input::model::AnnexContent, usize> = HashMap::new();
        for (i, a) in annexes.iter().enumerate() {
            let no = i + 1;
            if a.content.is_some() && a.file.is_some() {
                self.batch(
                    "annex.source",
                    &format!("annexes[{i}].file"),
                    msg!(AnnexBoth, no = no),
                );
            }
            if let Some(c) = a.content {
                if let Some(first) = contents.get(&c) {
                    let name = serde_json::to_value(c)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    self.batch(
                        "annex.source",
                        &format!("annexes[{i}].content"),
                        msg!(AnnexDuplicate, no = no, content = name, first = *first),
                    );
                } else {
                    contents.insert(c, no);
                }
            }
            let Some(file) = &a.file else { continue };
            let path = format!("annexes[{i}].file");
            if !crate::documents::annex::ANNEX_EXTENSIONS
                .contains(&crate::documents::annex::extension(file).as_str())
            {
                self.batch(
                    "annex.file",
                    &path,
                    msg!(AnnexFileType, no = no, path = file),
                );
                continue;
            }
            match evidence_problem(&self.lb.root, file) {
                Some(EvidenceProblem::Path(why) | EvidenceProblem::File(why)) => {
                    self.batch(
                        "annex.file",
                        &path,
                        msg!(AnnexFile, no = no, path = file, why = why),
                    );
                }
                None => {}
            }
        }
    }

    fn visit(&mut self, lc: &LoadedCase) {
        let b = &self.lb.batch;
        let v = &lc.case.visit;
        let names: BTreeSet<&str> = v
            .samplers
            .iter()
            .map(|s| s.name.trim())
            .filter(|n| !n.is_empty())
            .collect();
        let min = b.rules.min_samplers as usize;
        if names.len() < min {
            self.at(
                lc,
                "samplers.min",
                "visit.samplers",
                msg!(SamplersMin, count = names.len(), min = min),
            );
        }
        let s = &b.schedule;
        let outside = v.date < s.sampling_start || v.date > s.sampling_end;
        if outside {
            self.at(
                lc,
                "visit.window",
                "visit.date",
                msg!(
                    VisitWindow,
                    date = v.date,
                    start = s.sampling_start,
                    end = s.sampling_end
                ),
            );
        }
        // A visit outside the window is one mistake, reported above, not again as an
        // expired notice.
        if let Some(valid) = v.notice_valid_until
            && valid < v.date
            && !outside
        {
            self.at(
                lc,
                "visit.notice-validity",
                "visit.notice_valid_until",
                msg!(NoticeValidity, valid = valid, date = v.date),
            );
        }
    }

    fn identifiers(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let mut codes = vec![("party.credit_code", &c.party.credit_code)];
        if let Some(cc) = c.manufacturer.as_ref().and_then(|m| m.credit_code.as_ref()) {
            codes.push(("manufacturer.credit_code", cc));
        }
        for (path, code) in codes {
            if let Some(problem) = credit_code_problem(code) {
                self.at(
                    lc,
                    "party.credit-code",
                    path,
                    msg!(CreditCodeInvalid, code = code, problem = problem),
                );
            }
        }
        let phones = [
            ("party.phone", c.party.phone.as_ref()),
            (
                "manufacturer.phone",
                c.manufacturer.as_ref().and_then(|m| m.phone.as_ref()),
            ),
            (
                "signing.witness.phone",
                c.signing
                    .as_ref()
                    .and_then(|s| s.witness.as_ref())
                    .and_then(|w| w.phone.as_ref()),
            ),
        ];
        for (path, phone) in phones {
            if let Some(p) = phone
                && !valid_phone(p)
            {
                self.at(lc, "party.phone", path, msg!(ContactPhone, value = p));
            }
        }
        if let Some(p) = &c.party.postcode
            && !valid_postcode(p)
        {
            self.at(
                lc,
                "party.postcode",
                "party.postcode",
                msg!(ContactPostcode, value = p),
            );
        }
    }

    fn evidence(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        if !c.evidence.iter().any(|e| is_media(e)) {
            self.at_or(
                lc,
                "evidence.none",
                "evidence",
                "visit",
                msg!(EvidenceNone, id = &c.id),
            );
        }
        for (i, e) in c.evidence.iter().enumerate() {
            let path = format!("evidence[{i}]");
            match evidence_problem(&self.lb.root, e) {
                Some(EvidenceProblem::Path(why)) => self.at(
                    lc,
                    "evidence.path",
                    &path,
                    msg!(EvidencePath, path = e, why = why, id = &c.id),
                ),
                Some(EvidenceProblem::File(why)) => self.at(
                    lc,
                    "evidence.file",
                    &path,
                    msg!(EvidenceFile, path = e, why = why),
                ),
                None => {}
            }
        }
    }

    fn sampled(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        for (key, label, present) in [
            ("product", Msg::LabelProduct, c.product.is_some()),
            ("seals", Msg::LabelSeals, c.seals.is_some()),
            ("signing", Msg::LabelSigning, c.signing.is_some()),
            ("payment", Msg::LabelPayment, c.payment.is_some()),
        ] {
            if !present {
                self.at_or(
                    lc,
                    "case.section",
                    key,
                    "outcome",
                    msg!(CaseSectionSampled, key = key, label = label),
                );
            }
        }

        if let Some(p) = &c.product {
            for (key, label, qty) in [
                ("test_quantity", Msg::LabelTestSample, p.test_quantity),
                ("backup_quantity", Msg::LabelBackupSample, p.backup_quantity),
            ] {
                let m = match qty {
                    None => msg!(SampleQuantityMissing, label = label, key = key),
                    Some(0) => msg!(SampleQuantityZero, label = label, key = key),
                    Some(_) => continue,
                };
                self.at(lc, "sample.quantities", &format!("product.{key}"), m);
            }
            match p.unit_price {
                None => self.at(
                    lc,
                    "price.missing",
                    "product.unit_price",
                    msg!(PriceMissing),
                ),
                Some(u) if u.fen() <= 0 => self.at(
                    lc,
                    "price.positive",
                    "product.unit_price",
                    msg!(PricePositive, price = u),
                ),
                Some(_) => {}
            }
            if p.price_basis.is_none() {
                self.at(lc, "price.basis", "product.price_basis", msg!(PriceBasis));
            }
        }

        if let Some(s) = &c.seals {
            if s.numbers.iter().all(|n| n.trim().is_empty()) {
                self.at(lc, "seals.numbers", "seals.numbers", msg!(SealsNumbers));
            }
            if s.backup_kept_at.is_none() {
                self.at(
                    lc,
                    "seals.backup-place",
                    "seals.backup_kept_at",
                    msg!(SealsKeeper),
                );
            }
            if blank(s.backup_place.as_ref()) {
                self.at(
                    lc,
                    "seals.backup-place",
                    "seals.backup_place",
                    msg!(SealsPlace),
                );
            }
        }

        if let Some(pay) = &c.payment {
            let p = c.product.as_ref();
            if let (Some(total), Some(unit), Some(qty)) = (
                pay.total,
                p.and_then(|p| p.unit_price),
                p.and_then(|p| p.test_quantity),
            ) && unit.checked_mul(qty) != Some(total)
            {
                let expected = unit
                    .checked_mul(qty)
                    .map_or_else(|| Msg::LabelOverflow.into(), crate::messages::Arg::from);
                self.at(
                    lc,
                    "price.total",
                    "payment.total",
                    msg!(
                        PriceTotal,
                        total = total,
                        unit = unit,
                        qty = qty,
                        expected = expected
                    ),
                );
            }
            if let Some(fee) = pay.party_fee
                && fee.fen() != 0
            {
                self.at(
                    lc,
                    "fee.party",
                    "payment.party_fee",
                    msg!(FeeParty, fee = fee),
                );
            }
        }

        if let Some(sg) = &c.signing
            && !sg.party_signed
        {
            if blank(sg.refusal_note.as_ref()) {
                self.at(
                    lc,
                    "signing.missing",
                    "signing.refusal_note",
                    msg!(SigningMissing),
                );
            } else if sg.witness.as_ref().is_none_or(|w| w.name.trim().is_empty()) {
                self.at(
                    lc,
                    "signing.witness",
                    "signing.witness",
                    msg!(SigningWitness),
                );
            }
        }

        if let Some(i) = &c.inspection {
            self.report(lc, i);
        }
        if c.conclusion() == Some(Verdict::Fail) {
            self.followup(lc);
        }

        if let Some(d) = &c.delivery {
            let s = &self.lb.batch.schedule;
            if d.sent_on > s.delivery_deadline {
                self.at(
                    lc,
                    "delivery.late",
                    "delivery.sent_on",
                    msg!(
                        DeliveryLate,
                        sent = d.sent_on,
                        deadline = s.delivery_deadline
                    ),
                );
            }
            if !d
                .method
                .trim()
                .eq_ignore_ascii_case(s.delivery_method.trim())
            {
                self.at(
                    lc,
                    "delivery.method",
                    "delivery.method",
                    msg!(
                        DeliveryMethod,
                        method = &d.method,
                        required = &s.delivery_method
                    ),
                );
            }
            if blank(d.tracking_no.as_ref()) {
                self.at(
                    lc,
                    "delivery.tracking",
                    "delivery.tracking_no",
                    msg!(DeliveryTracking),
                );
            }
        }

        if let (Some(disposal), Some(delivery)) = (&c.disposal, &c.delivery)
            && let Some(date) = disposal.date
        {
            let r = &self.lb.batch.rules;
            let keep = r.objection_days.max(r.backup_keep_days);
            let earliest = plus_days(delivery.sent_on, keep);
            if date < earliest {
                self.at(
                    lc,
                    "disposal.early",
                    "disposal.date",
                    msg!(
                        DisposalEarly,
                        date = date,
                        earliest = earliest,
                        sent = delivery.sent_on,
                        objection = r.objection_days,
                        keep = r.backup_keep_days
                    ),
                );
            }
        }
    }

    fn report(&mut self, lc: &LoadedCase, i: &Inspection) {
        if !has_report(i) {
            return;
        }
        let fields = [
            ("report_no", Msg::LabelReportNo, blank(i.report_no.as_ref())),
            ("issued_on", Msg::LabelIssuedOn, i.issued_on.is_none()),
            ("tester", Msg::LabelTester, blank(i.tester.as_ref())),
            ("reviewer", Msg::LabelReviewer, blank(i.reviewer.as_ref())),
            ("approver", Msg::LabelApprover, blank(i.approver.as_ref())),
        ];
        for (key, label, missing) in fields {
            if missing {
                self.at(
                    lc,
                    "report.incomplete",
                    &format!("inspection.{key}"),
                    msg!(ReportIncomplete, label = label, key = key),
                );
            }
        }
        if i.items.is_empty() {
            self.at(lc, "report.items", "inspection.items", msg!(ReportItems));
            return;
        }
        let failed = lc.case.failed_items();
        match (i.conclusion, failed.is_empty()) {
            (Some(Verdict::Pass), false) => self.at(
                lc,
                "conclusion.contradicts",
                "inspection.conclusion",
                msg!(
                    ConclusionContradicts,
                    items = failed.iter().map(|s| s.to_string()).collect::<Vec<_>>()
                ),
            ),
            (Some(Verdict::Fail), true) => self.at(
                lc,
                "conclusion.no-failed-item",
                "inspection.conclusion",
                msg!(ConclusionNoFailed),
            ),
            _ => {}
        }
    }

    fn followup(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        // The reason a follow-up is needed: the stated conclusion, or the first failed item.
        let anchor = c
            .inspection
            .as_ref()
            .and_then(|i| {
                if i.conclusion.is_some() {
                    return Some("inspection.conclusion".to_string());
                }
                let n = i.items.iter().position(|it| it.verdict == Verdict::Fail)?;
                Some(format!("inspection.items[{n}].verdict"))
            })
            .unwrap_or_else(|| "inspection".into());
        match &c.followup {
            None => self.at_or(
                lc,
                "followup.county",
                "followup",
                &anchor,
                msg!(FollowupNone),
            ),
            Some(f) if f.county_bureau.trim().is_empty() => self.at(
                lc,
                "followup.county",
                "followup.county_bureau",
                msg!(FollowupEmpty),
            ),
            Some(f) => self.county_known(lc, "followup.county_bureau", &f.county_bureau),
        }
    }

    fn county_known(&mut self, lc: &LoadedCase, path: &str, name: &str) {
        let counties = &self.lb.batch.counties;
        if counties.is_empty() || counties.iter().any(|c| c.name == name.trim()) {
            return;
        }
        let all: Vec<String> = counties.iter().map(|c| c.name.clone()).collect();
        self.at(
            lc,
            "county.unknown",
            path,
            msg!(CountyUnknown, name = name, all = all),
        );
    }

    fn refused(&mut self, lc: &LoadedCase) {
        let Some(r) = &lc.case.refusal else {
            self.at_or(
                lc,
                "case.section",
                "refusal",
                "outcome",
                msg!(RefusalSection),
            );
            return;
        };
        if r.description.trim().is_empty() {
            self.at(
                lc,
                "refusal.details",
                "refusal.description",
                msg!(RefusalDescription),
            );
        }
        if blank(r.refused_by.as_ref()) {
            self.at(lc, "refusal.details", "refusal.refused_by", msg!(RefusalBy));
        }
        match &r.county_bureau {
            Some(county) if !county.trim().is_empty() => {
                self.county_known(lc, "refusal.county_bureau", county);
            }
            _ => self.at(
                lc,
                "refusal.county",
                "refusal.county_bureau",
                msg!(RefusalCounty),
            ),
        }
    }

    fn not_sampled(&mut self, lc: &LoadedCase) {
        let Some(n) = &lc.case.not_sampled else {
            self.at_or(
                lc,
                "case.section",
                "not_sampled",
                "outcome",
                msg!(NotSampledSection),
            );
            return;
        };
        let allowed = &self.lb.batch.rules.no_sample_reasons;
        if !allowed.iter().any(|a| a == n.reason.trim()) {
            self.at(
                lc,
                "not-sampled.reason",
                "not_sampled.reason",
                msg!(
                    NotSampledReason,
                    reason = &n.reason,
                    allowed = allowed.clone()
                ),
            );
        }
        if blank(n.person_in_charge.as_ref()) {
            self.at(
                lc,
                "not-sampled.person",
                "not_sampled.person_in_charge",
                msg!(NotSampledPerson),
            );
        }
    }

    /// Sections that do not belong to the outcome, and later stages recorded before earlier
    /// ones.
    fn stage(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let present = [
            ("product", c.product.is_some()),
            ("seals", c.seals.is_some()),
            ("payment", c.payment.is_some()),
            ("inspection", c.inspection.is_some()),
            ("delivery", c.delivery.is_some()),
            ("disposal", c.disposal.is_some()),
            ("refusal", c.refusal.is_some()),
            ("not_sampled", c.not_sampled.is_some()),
            ("followup", c.followup.is_some()),
        ];
        let foreign: &[&str] = match c.outcome {
            Outcome::Sampled => &["refusal", "not_sampled"],
            Outcome::Refused => &[
                "product",
                "seals",
                "payment",
                "inspection",
                "delivery",
                "disposal",
                "not_sampled",
            ],
            Outcome::NotSampled => &[
                "product",
                "seals",
                "payment",
                "inspection",
                "delivery",
                "disposal",
                "refusal",
                "followup",
            ],
        };
        for (key, here) in present {
            if here && foreign.contains(&key) {
                self.at(
                    lc,
                    "case.stage",
                    key,
                    msg!(StageForeign, outcome = outcome_label(c.outcome), key = key),
                );
            }
        }
        if c.outcome != Outcome::Sampled {
            return;
        }
        let reported = c.inspection.as_ref().is_some_and(has_report);
        if c.delivery.is_some() && !reported {
            self.at(lc, "case.stage", "delivery", msg!(StageDeliveryNoReport));
        }
        if c.ecqs
            .as_ref()
            .is_some_and(|e| e.result_entered_on.is_some())
            && !reported
        {
            self.at(
                lc,
                "case.stage",
                "ecqs.result_entered_on",
                msg!(StageResultNoReport),
            );
        }
        if c.followup.is_some() {
            if !reported {
                self.at(lc, "case.stage", "followup", msg!(StageFollowupNoReport));
            } else if c.conclusion() == Some(Verdict::Pass) {
                self.at(lc, "case.stage", "followup", msg!(StageFollowupQualified));
            }
        }
        if c.disposal.is_some() && c.delivery.is_none() {
            self.at(lc, "case.stage", "disposal", msg!(StageDisposalNoDelivery));
        }
    }

    fn dates(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let i = c.inspection.as_ref();
        let visit = Some(c.visit.date);
        let chains: Vec<Vec<(&str, Msg, Option<NaiveDate>)>> = vec![
            vec![
                ("visit.date", Msg::LabelVisitDate, visit),
                (
                    "inspection.received_on",
                    Msg::LabelReceivedOn,
                    i.map(|i| i.received_on),
                ),
                (
                    "inspection.tested_from",
                    Msg::LabelTestedFrom,
                    i.and_then(|i| i.tested_from),
                ),
                (
                    "inspection.tested_to",
                    Msg::LabelTestedTo,
                    i.and_then(|i| i.tested_to),
                ),
                (
                    "inspection.issued_on",
                    Msg::LabelIssuedOn,
                    i.and_then(|i| i.issued_on),
                ),
                (
                    "delivery.sent_on",
                    Msg::LabelSentOn,
                    c.delivery.as_ref().map(|d| d.sent_on),
                ),
            ],
            vec![
                ("visit.date", Msg::LabelVisitDate, visit),
                (
                    "ecqs.sampling_entered_on",
                    Msg::LabelEcqsSampling,
                    c.ecqs.as_ref().and_then(|e| e.sampling_entered_on),
                ),
            ],
            vec![
                (
                    "inspection.issued_on",
                    Msg::LabelIssuedOn,
                    i.and_then(|i| i.issued_on),
                ),
                (
                    "ecqs.result_entered_on",
                    Msg::LabelEcqsResult,
                    c.ecqs.as_ref().and_then(|e| e.result_entered_on),
                ),
            ],
            vec![
                (
                    "inspection.issued_on",
                    Msg::LabelIssuedOn,
                    i.and_then(|i| i.issued_on),
                ),
                (
                    "followup.notified_on",
                    Msg::LabelFollowupNotified,
                    c.followup.as_ref().and_then(|f| f.notified_on),
                ),
                (
                    "followup.closed_on",
                    Msg::LabelFollowupClosed,
                    c.followup.as_ref().and_then(|f| f.closed_on),
                ),
            ],
            vec![
                ("visit.date", Msg::LabelVisitDate, visit),
                (
                    "refusal.determined_on",
                    Msg::LabelRefusalDetermined,
                    c.refusal.as_ref().and_then(|r| r.determined_on),
                ),
                (
                    "refusal.reported_on",
                    Msg::LabelRefusalReported,
                    c.refusal.as_ref().and_then(|r| r.reported_on),
                ),
            ],
            vec![
                ("visit.date", Msg::LabelVisitDate, visit),
                (
                    "not_sampled.reported_on",
                    Msg::LabelNotSampledReported,
                    c.not_sampled.as_ref().and_then(|n| n.reported_on),
                ),
            ],
        ];
        // A visit date outside the window is the one root cause of every order finding
        // against it: visit.window reports it, and it is left out of the order.
        let s = &self.lb.batch.schedule;
        let visit_wrong = c.visit.date < s.sampling_start || c.visit.date > s.sampling_end;
        let mut reported: BTreeSet<&str> = BTreeSet::new();
        for chain in chains {
            // A date already reported in one chain is left out of the next.
            let dated: Vec<(&str, Msg, NaiveDate)> = chain
                .into_iter()
                .filter(|(path, _, _)| !(visit_wrong && *path == "visit.date"))
                .filter(|(path, _, _)| !reported.contains(path))
                .filter_map(|(path, label, date)| date.map(|d| (path, label, d)))
                .collect();
            let keep = in_order(&dated.iter().map(|d| d.2).collect::<Vec<_>>());
            for (i, &(path, label, date)) in dated.iter().enumerate() {
                if keep[i] {
                    continue;
                }
                reported.insert(path);
                // Said against the nearest date kept before it, or else after it.
                let before = (0..i)
                    .rev()
                    .find(|&j| keep[j])
                    .filter(|&j| dated[j].2 > date);
                let m = match before {
                    Some(j) => msg!(
                        DatesOrder,
                        label = label,
                        date = date,
                        prev_label = dated[j].1,
                        prev = dated[j].2
                    ),
                    None => {
                        let Some(j) = (i + 1..dated.len()).find(|&j| keep[j]) else {
                            continue;
                        };
                        msg!(
                            DatesOrderAfter,
                            label = label,
                            date = date,
                            next_label = dated[j].1,
                            next = dated[j].2
                        )
                    }
                };
                self.at(lc, "dates.order", path, m);
            }
        }
    }

    fn ecqs(&mut self, lc: &LoadedCase) {
        let c = &lc.case;
        let s = &self.lb.batch.schedule;
        let due = plus_days(c.visit.date, s.ecqs_entry_days);
        let within = match s.ecqs_entry_days {
            0 => msg!(EcqsSameDay),
            n => msg!(EcqsWithinDays, days = n),
        };
        let entered = c.ecqs.as_ref().and_then(|e| e.sampling_entered_on);
        match entered {
            Some(e) if e > due => self.at(
                lc,
                "ecqs.late",
                "ecqs.sampling_entered_on",
                msg!(EcqsLate, entered = e, due = due, within = within.clone()),
            ),
            Some(e) if e > s.ecqs_deadline => self.at(
                lc,
                "ecqs.deadline",
                "ecqs.sampling_entered_on",
                msg!(
                    EcqsDeadlineSampling,
                    entered = e,
                    deadline = s.ecqs_deadline
                ),
            ),
            Some(_) => {}
            None if counts_as_lot(c) => {
                // Without a clock, lateness is proven only by a later day the case records.
                if let Some((label, day)) = first_record_after(c, due) {
                    self.at_or(
                        lc,
                        "ecqs.late",
                        "ecqs.sampling_entered_on",
                        "visit.date",
                        msg!(
                            EcqsMissing,
                            label = label,
                            day = day,
                            due = due,
                            within = within.clone()
                        ),
                    );
                }
            }
            None => {}
        }
        if let Some(e) = c.ecqs.as_ref().and_then(|e| e.result_entered_on)
            && e > s.ecqs_deadline
        {
            self.at(
                lc,
                "ecqs.deadline",
                "ecqs.result_entered_on",
                msg!(EcqsDeadlineResult, entered = e, deadline = s.ecqs_deadline),
            );
        }
    }

    // -- across the batch --------------------------------------------------------------------

    fn plan_over(&mut self) {
        let lb = self.lb;
        for e in &lb.batch.plan {
            let mut lots: Vec<&LoadedCase> = lb
                .cases
                .iter()
                .filter(|c| c.case.category == e.category && counts_as_lot(&c.case))
                .collect();
            lots.sort_by(|a, b| {
                (a.case.visit.date, &a.case.id).cmp(&(b.case.visit.date, &b.case.id))
            });
            for (n, lc) in lots.iter().enumerate().skip(e.lots as usize) {
                self.at(
                    lc,
                    "plan.over",
                    "category",
                    msg!(PlanOver, category = &e.category, lots = e.lots, n = n + 1),
                );
            }
        }
    }

    fn duplicates(&mut self) {
        let lb = self.lb;
        let mut reports: HashMap<&str, &LoadedCase> = HashMap::new();
        let mut seals: HashMap<&str, &LoadedCase> = HashMap::new();
        for lc in &lb.cases {
            if let Some(no) = lc
                .case
                .inspection
                .as_ref()
                .and_then(|i| i.report_no.as_deref())
            {
                let no = no.trim();
                if no.is_empty() {
                    continue;
                }
                match reports.get(no) {
                    Some(first) => self.at(
                        lc,
                        "report.duplicate",
                        "inspection.report_no",
                        msg!(
                            ReportDuplicate,
                            no = no,
                            file = &first.file,
                            id = &first.case.id
                        ),
                    ),
                    None => {
                        reports.insert(no, lc);
                    }
                }
            }
        }
        for lc in &lb.cases {
            let Some(s) = &lc.case.seals else { continue };
            for (i, n) in s.numbers.iter().enumerate() {
                let n = n.trim();
                if n.is_empty() {
                    continue;
                }
                match seals.get(n) {
                    Some(first) => {
                        let m = if std::ptr::eq(*first, lc) {
                            msg!(SealsDuplicateHere, no = n)
                        } else {
                            msg!(
                                SealsDuplicate,
                                no = n,
                                file = &first.file,
                                id = &first.case.id
                            )
                        };
                        self.at(lc, "seals.duplicate", &format!("seals.numbers[{i}]"), m);
                    }
                    None => {
                        seals.insert(n, lc);
                    }
                }
            }
        }
    }
}

fn lab_ids(lb: &LoadedBatch) -> Vec<String> {
    lb.batch.labs.iter().map(|l| l.id.clone()).collect()
}

/// Which dates of a chain to keep as in order: the longest run (not necessarily contiguous)
/// of dates that do not decrease, preferring earlier dates where two runs are as long. The
/// others are the fewest dates whose removal leaves the chain in order: those are reported.
fn in_order(dates: &[NaiveDate]) -> Vec<bool> {
    let n = dates.len();
    // best[i]: the length of the longest non-decreasing run starting at i.
    let mut best = vec![1usize; n];
    for i in (0..n).rev() {
        for j in i + 1..n {
            if dates[j] >= dates[i] {
                best[i] = best[i].max(best[j] + 1);
            }
        }
    }
    let mut keep = vec![false; n];
    let Some(&len) = best.iter().max() else {
        return keep;
    };
    // Walk forward, taking the earliest date that still allows a run of the best length.
    let mut need = len;
    let mut last: Option<NaiveDate> = None;
    for i in 0..n {
        if need > 0 && best[i] == need && last.is_none_or(|l| dates[i] >= l) {
            keep[i] = true;
            last = Some(dates[i]);
            need -= 1;
        }
    }
    keep
}

/// The name of an outcome, in the catalog.
pub fn outcome_label(o: Outcome) -> Msg {
    match o {
        Outcome::Sampled => Msg::LabelSampled,
        Outcome::Refused => Msg::LabelRefused,
        Outcome::NotSampled => Msg::LabelNotSampled,
    }
}

/// The first day after `day` that a case records, with what happened on it.
fn first_record_after(c: &Case, day: NaiveDate) -> Option<(Msg, NaiveDate)> {
    let i = c.inspection.as_ref();
    let days = [
        (Msg::LabelReceivedOn, i.map(|i| i.received_on)),
        (Msg::LabelTestedFrom, i.and_then(|i| i.tested_from)),
        (Msg::LabelTestedTo, i.and_then(|i| i.tested_to)),
        (Msg::LabelIssuedOn, i.and_then(|i| i.issued_on)),
        (Msg::LabelSentOn, c.delivery.as_ref().map(|d| d.sent_on)),
        (
            Msg::LabelEcqsResult,
            c.ecqs.as_ref().and_then(|e| e.result_entered_on),
        ),
        (
            Msg::LabelRefusalDetermined,
            c.refusal.as_ref().and_then(|r| r.determined_on),
        ),
        (
            Msg::LabelRefusalReported,
            c.refusal.as_ref().and_then(|r| r.reported_on),
        ),
        (
            Msg::LabelFollowupNotified,
            c.followup.as_ref().and_then(|f| f.notified_on),
        ),
    ];
    days.into_iter()
        .filter_map(|(label, d)| d.map(|d| (label, d)))
        .filter(|(_, d)| *d > day)
        .min_by_key(|(_, d)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_codes_follow_gb_32100() {
        assert_eq!(credit_code_problem("91140502318450271X"), None);
        assert_eq!(credit_code_problem("911405254012738516"), None);
        let problem = |code: &str| credit_code_problem(code).unwrap().to_string();
        assert!(problem("91140502318450271Y").contains("校验位应为 X"));
        assert!(problem("9114050231845027").contains("18 位"));
        assert!(problem("9114050231845027IX").contains("第 17 位"));
        assert!(problem("91140502318450271x").contains("大写"));
        // A check value of 31 is written 0.
        let mut zero = None;
        for c in CREDIT_CHARS.chars() {
            let code = format!("9114050231845027{c}");
            let head: usize = code
                .chars()
                .zip(CREDIT_WEIGHTS)
                .map(|(ch, w)| CREDIT_CHARS.find(ch).unwrap() * w)
                .sum();
            if head.is_multiple_of(31) {
                zero = Some(format!("{code}0"));
                break;
            }
        }
        assert_eq!(credit_code_problem(&zero.unwrap()), None);
    }

    #[test]
    fn phones_and_postcodes() {
        for ok in [
            "0356-6213478",
            "010-12345678",
            "0356-6213478-12",
            "13903561742",
        ] {
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in [
            "6213478",
            "0356 6213478",
            "356-6213478",
            "1390356174",
            "23903561742",
            "0356-621347",
            "0356-6213478-",
            "",
        ] {
            assert!(!valid_phone(bad), "{bad}");
        }
        assert!(valid_postcode("048000"));
        assert!(
            !valid_postcode("48000") && !valid_postcode("04800a") && !valid_postcode("0480001")
        );
    }

    #[test]
    fn media_types_by_extension() {
        for ok in [
            "a.jpg", "a.JPEG", "b/c.png", "x.HEIC", "v.mp4", "v.MOV", "v.avi", "s.pdf",
        ] {
            assert!(is_media(ok), "{ok}");
        }
        for bad in ["a.txt", "a.docx", "jpg", "a.jpg.zip", ""] {
            assert!(!is_media(bad), "{bad}");
        }
    }

    #[test]
    fn every_rule_id_is_unique() {
        let ids: BTreeSet<&str> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), RULES.len());
    }
}

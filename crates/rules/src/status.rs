//! `spotcheck status`: where the batch stands on a given day. Progress against the plan per
//! category, every deadline of the schedule with its state, the cases late for e-CQS entry or
//! delivery, and the unqualified lots whose follow-up is still open.
//!
//! Deadlines and counts come from `batch.yaml`; the day is given by the caller, so the same
//! folder and day always give the same status.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use spotcheck_core::messages::{Arg, Lang, Msg};
use spotcheck_core::msg;
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::{Case, Outcome, Verdict};
use spotcheck_input::stats::{Counts, counts_as_lot};

/// The status of a batch on one day.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub batch: String,
    pub title: String,
    pub today: NaiveDate,
    /// One row per plan category, in plan order, then any category of a case that is not in
    /// the plan (planned 0).
    pub categories: Vec<CategoryRow>,
    /// The sum of the rows.
    pub total: CategoryRow,
    /// The re-inspections (复查), apart from the rows and the total; `None` when the batch
    /// has none and orders none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rechecks: Option<CategoryRow>,
    pub deadlines: Vec<Deadline>,
    /// Cases late for e-CQS entry or for delivery, by kind, due date and case.
    pub late: Vec<LateCase>,
    /// Unqualified lots whose follow-up is not closed.
    pub open_followups: Vec<OpenFollowup>,
    /// The steps of the statute's other paths (confirmations, objections, re-tests) still
    /// open, overdue, or done late.
    pub steps: Vec<crate::steps::CaseStep>,
}

/// Progress of one category: the batch's numbers for it ([`Counts`], the same the summary
/// table and the analysis report count), which status writes in its own words: `category` (the
/// label), `planned` (0 when the plan gives none), `scheduled` (planned cases: written before
/// their visit, no outcome yet), `visited` (the visits made), `sampled`, `tested` (split into
/// `qualified` and `unqualified`), `refused`, `not_sampled` and `shortfall` (planned minus
/// sampled and refused lots).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CategoryRow(pub Counts);

impl CategoryRow {
    /// The planned lots, 0 when the plan gives none.
    pub fn planned(&self) -> u32 {
        self.0.planned.unwrap_or(0)
    }
}

impl Serialize for CategoryRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &self.0;
        let mut m = s.serialize_struct("CategoryRow", 11)?;
        m.serialize_field("category", &c.label)?;
        m.serialize_field("planned", &self.planned())?;
        m.serialize_field("scheduled", &c.scheduled)?;
        m.serialize_field("visited", &c.visits)?;
        m.serialize_field("sampled", &c.sampled)?;
        m.serialize_field("tested", &c.tested)?;
        m.serialize_field("qualified", &c.qualified)?;
        m.serialize_field("unqualified", &c.unqualified)?;
        m.serialize_field("refused", &c.refused)?;
        m.serialize_field("not_sampled", &c.not_sampled)?;
        m.serialize_field("shortfall", &c.shortfall)?;
        m.end()
    }
}

/// The state of a deadline on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineState {
    /// Nothing outstanding and nothing done late.
    Met,
    /// Something outstanding, the deadline not yet passed.
    Open,
    /// Something outstanding after the deadline, or something done late.
    Overdue,
}

/// One deadline of `schedule`.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// The key in `schedule`: `sampling_end`, `delivery_deadline`, `ecqs_deadline`,
    /// `analysis_deadline`.
    pub id: &'static str,
    pub label: &'static str,
    pub date: NaiveDate,
    pub state: DeadlineState,
    /// Days from today to the deadline; negative once it has passed.
    pub days_left: i64,
    /// When it was met: the day the last of its work was done (the last lot's visit, the
    /// last delivery, the last e-CQS entry, the submission). `None` unless the state is
    /// `met`, and when there was nothing to do.
    pub met_on: Option<NaiveDate>,
    /// What is still to do: lots to sample, lots to deliver, e-CQS entries to make, the
    /// analysis report to submit.
    pub outstanding: u32,
    /// What was done after the deadline.
    pub late: u32,
}

impl Deadline {
    /// What the deadline is for, in `lang`.
    pub fn label_in(&self, lang: Lang) -> String {
        let t = |m: Msg| m.template(lang).to_string();
        match self.id {
            "sampling_end" => t(Msg::StatusDeadlineSampling),
            "delivery_deadline" => t(Msg::StatusDeadlineDelivery),
            "ecqs_deadline" => t(Msg::StatusDeadlineEcqs),
            "analysis_deadline" => t(Msg::StatusDeadlineAnalysis),
            _ => self.label.to_string(),
        }
    }

    /// The state, in `lang`: a met deadline says when it was met.
    pub(crate) fn state_in(&self, lang: Lang) -> String {
        match (self.state, self.met_on) {
            (DeadlineState::Met, Some(d)) => msg!(StatusMetOn, date = d).in_lang(lang),
            (state, _) => state.message().template(lang).to_string(),
        }
    }

    /// How many days are left, or how many have passed, in `lang`; nothing for a met
    /// deadline, whose time no longer runs.
    pub fn left_in(&self, lang: Lang) -> String {
        if self.state == DeadlineState::Met {
            "—".to_string()
        } else if self.days_left >= 0 {
            msg!(StatusDaysLeft, days = self.days_left).in_lang(lang)
        } else {
            msg!(StatusDaysPast, days = -self.days_left).in_lang(lang)
        }
    }
}

impl DeadlineState {
    /// The state as the catalog says it.
    pub fn message(self) -> Msg {
        match self {
            DeadlineState::Met => Msg::StatusMet,
            DeadlineState::Open => Msg::StatusOpen,
            DeadlineState::Overdue => Msg::StatusOverdue,
        }
    }
}

/// What a case is late for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LateKind {
    /// Sampling information into e-CQS, due `schedule.ecqs_entry_days` after the visit.
    EcqsSampling,
    /// The result into e-CQS, due by `schedule.ecqs_deadline`.
    EcqsResult,
    /// Report and result notice, due by `schedule.delivery_deadline`.
    Delivery,
}

/// A case late for one thing.
#[derive(Debug, Clone, Serialize)]
pub struct LateCase {
    pub case: String,
    pub file: String,
    pub kind: LateKind,
    pub due: NaiveDate,
    /// When it was done, if it was (late); `None` while still outstanding.
    pub done_on: Option<NaiveDate>,
    /// Days past the due date, on the day it was done or today.
    pub days_late: i64,
}

/// An unqualified lot whose follow-up is not closed.
#[derive(Debug, Clone, Serialize)]
pub struct OpenFollowup {
    pub case: String,
    pub file: String,
    pub category: String,
    pub party: String,
    /// `None` when no county bureau is assigned yet.
    pub county_bureau: Option<String>,
    pub notified_on: Option<NaiveDate>,
    /// Days since the county bureau was notified; `None` when it was not, or is notified
    /// after today (the table says 未到): never negative.
    pub days_open: Option<i64>,
}

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The status of a batch on `today`.
pub fn status(lb: &LoadedBatch, today: NaiveDate) -> Status {
    let b = &lb.batch;
    let (categories, total, rechecks) = category_rows(lb);
    Status {
        batch: b.id.clone(),
        title: b.title.clone(),
        today,
        deadlines: deadlines(lb, today, total.0.shortfall),
        categories,
        total,
        rechecks,
        late: late_cases(lb, today),
        open_followups: open_followups(lb, today),
        steps: crate::steps::case_steps(lb, today),
    }
}

/// Per category, from the batch's numbers (plan order; a category listed twice counts once
/// with the sum of its rows, check reports the duplicate; then those only cases name), and
/// the total.
fn category_rows(lb: &LoadedBatch) -> (Vec<CategoryRow>, CategoryRow, Option<CategoryRow>) {
    let numbers = spotcheck_input::stats::compute(lb);
    let rows = numbers
        .by_category
        .iter()
        .cloned()
        .map(CategoryRow)
        .collect();
    let r = &numbers.rechecks;
    let rechecks = (r.visits + r.scheduled > 0 || r.planned.is_some()).then(|| {
        CategoryRow(Counts {
            label: "复查".to_string(),
            ..r.clone()
        })
    });
    (rows, CategoryRow(numbers.total), rechecks)
}

/// The cases late on `today` for e-CQS entry or delivery, or done late, by kind, due date and
/// case.
fn late_cases(lb: &LoadedBatch, today: NaiveDate) -> Vec<LateCase> {
    let s = &lb.batch.schedule;
    let mut late = Vec::new();
    for lc in &lb.cases {
        let c = &lc.case;
        let ecqs = c.ecqs.as_ref();
        let mut push = |kind: LateKind, due: NaiveDate, done_on: Option<NaiveDate>| {
            let at = done_on.unwrap_or(today);
            if at > due {
                late.push(LateCase {
                    case: c.id.clone(),
                    file: lc.file.clone(),
                    kind,
                    due,
                    done_on,
                    days_late: days(due, at),
                });
            }
        };
        if counts_as_lot(c) {
            let due = c
                .visit
                .date
                .checked_add_days(Days::new(u64::from(s.ecqs_entry_days)))
                .unwrap_or(NaiveDate::MAX);
            push(
                LateKind::EcqsSampling,
                due,
                ecqs.and_then(|e| e.sampling_entered_on),
            );
        }
        if c.outcome == Some(Outcome::Sampled) {
            push(
                LateKind::EcqsResult,
                s.ecqs_deadline,
                ecqs.and_then(|e| e.result_entered_on),
            );
            push(
                LateKind::Delivery,
                s.delivery_deadline,
                c.delivery.as_ref().map(|d| d.sent_on),
            );
        }
    }
    late.sort_by(|a, b| (a.kind, a.due, &a.case).cmp(&(b.kind, b.due, &b.case)));
    late
}

/// A deadline on `today`, with what is still to do, what was done late, and the day its
/// last work was done.
fn deadline(
    today: NaiveDate,
    (id, label, date): (&'static str, &'static str, NaiveDate),
    (outstanding, late): (u32, u32),
    last_done: Option<NaiveDate>,
) -> Deadline {
    let state = if outstanding == 0 && late == 0 {
        DeadlineState::Met
    } else if late > 0 || today > date {
        DeadlineState::Overdue
    } else {
        DeadlineState::Open
    };
    Deadline {
        id,
        label,
        date,
        state,
        days_left: days(today, date),
        met_on: last_done.filter(|_| state == DeadlineState::Met),
        outstanding,
        late,
    }
}

/// Every deadline of the schedule on `today`; `shortfall` is the lots still to sample.
fn deadlines(lb: &LoadedBatch, today: NaiveDate, shortfall: u32) -> Vec<Deadline> {
    let b = &lb.batch;
    let s = &b.schedule;
    let count = |f: &dyn Fn(&Case) -> bool| lb.cases.iter().filter(|c| f(&c.case)).count() as u32;
    let last = |f: &dyn Fn(&Case) -> Vec<NaiveDate>| lb.cases.iter().flat_map(|c| f(&c.case)).max();
    let sampled = |c: &Case| c.outcome == Some(Outcome::Sampled);
    let sampling_entry = |c: &Case| c.ecqs.as_ref().and_then(|e| e.sampling_entered_on);
    let result_entry = |c: &Case| c.ecqs.as_ref().and_then(|e| e.result_entered_on);
    let lot_dates = |c: &Case| {
        if counts_as_lot(c) {
            vec![c.visit.date]
        } else {
            vec![]
        }
    };
    let sent = |c: &Case| {
        c.delivery
            .as_ref()
            .filter(|_| sampled(c))
            .map(|d| d.sent_on)
            .into_iter()
            .collect()
    };
    let entries = |c: &Case| {
        let mut d: Vec<NaiveDate> = Vec::new();
        if counts_as_lot(c) {
            d.extend(sampling_entry(c));
        }
        if sampled(c) {
            d.extend(result_entry(c));
        }
        d
    };
    vec![
        deadline(
            today,
            ("sampling_end", "抽样", s.sampling_end),
            (
                shortfall,
                count(&|c| counts_as_lot(c) && c.visit.date > s.sampling_end),
            ),
            last(&lot_dates),
        ),
        deadline(
            today,
            (
                "delivery_deadline",
                "检验报告和结果通知送达",
                s.delivery_deadline,
            ),
            (
                count(&|c| sampled(c) && c.delivery.is_none()),
                count(&|c| {
                    sampled(c)
                        && c.delivery
                            .as_ref()
                            .is_some_and(|d| d.sent_on > s.delivery_deadline)
                }),
            ),
            last(&sent),
        ),
        deadline(
            today,
            ("ecqs_deadline", "e-CQS 系统录入", s.ecqs_deadline),
            (
                count(&|c| counts_as_lot(c) && sampling_entry(c).is_none())
                    + count(&|c| sampled(c) && result_entry(c).is_none()),
                count(&|c| {
                    [sampling_entry(c), result_entry(c)]
                        .into_iter()
                        .flatten()
                        .any(|d| d > s.ecqs_deadline)
                }),
            ),
            last(&entries),
        ),
        deadline(
            today,
            (
                "analysis_deadline",
                "质量分析报告和检验情况汇总表报送",
                s.analysis_deadline,
            ),
            (
                // Submitted on a day still to come is not yet submitted.
                u32::from(b.analysis_submitted_on.is_none_or(|d| d > today)),
                u32::from(
                    b.analysis_submitted_on
                        .is_some_and(|d| d > s.analysis_deadline),
                ),
            ),
            b.analysis_submitted_on.filter(|d| *d <= today),
        ),
    ]
}

/// The unqualified lots whose follow-up is not closed.
fn open_followups(lb: &LoadedBatch, today: NaiveDate) -> Vec<OpenFollowup> {
    lb.cases
        .iter()
        .filter(|lc| lc.case.is_tested() && lc.case.final_conclusion() == Some(Verdict::Fail))
        .filter(|lc| {
            lc.case
                .followup
                .as_ref()
                .is_none_or(|f| f.closed_on.is_none())
        })
        .map(|lc| {
            let f = lc.case.followup.as_ref();
            let notified_on = f.and_then(|f| f.notified_on);
            OpenFollowup {
                case: lc.case.id.clone(),
                file: lc.file.clone(),
                category: lc.case.category.clone(),
                party: lc.case.party.name.clone(),
                county_bureau: f
                    .map(|f| f.county_bureau.trim().to_string())
                    .filter(|n| !n.is_empty()),
                notified_on,
                days_open: notified_on.filter(|d| *d <= today).map(|d| days(d, today)),
            }
        })
        .collect()
}

/// Columns a character takes in a terminal: 2 for CJK and full-width forms.
fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD);
    if wide { 2 } else { 1 }
}

fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Lays out rows as a table; `right[i]` right-aligns column `i` (numbers), the others are
/// left-aligned.
fn table(rows: &[Vec<String>], right: &[bool]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
            line.push_str("  ");
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl Status {
    /// The status as tables for a terminal, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let t = |m: Msg| m.template(lang).to_string();
        let mut out = msg!(
            StatusHeading,
            title = &self.title,
            batch = &self.batch,
            today = self.today
        )
        .in_lang(lang);
        out.push_str("\n\n");
        out.push_str(&t(Msg::StatusStanding));
        out.push('\n');
        out.push_str(&self.progress_table(lang));
        out.push('\n');
        out.push_str(&t(Msg::StatusDeadlines));
        out.push('\n');
        out.push_str(&self.deadline_table(lang));
        for (heading, rows) in [
            (Msg::StatusLateCases, self.late_table(lang)),
            (Msg::StatusOpenFollowups, self.followup_table(lang)),
        ] {
            out.push('\n');
            out.push_str(&t(heading));
            match rows {
                None => {
                    out.push_str(&t(Msg::StatusNone));
                    out.push('\n');
                }
                Some(table) => {
                    out.push('\n');
                    out.push_str(&table);
                }
            }
        }
        // Only a batch on the statute's other paths has steps to show.
        if !self.steps.is_empty() {
            out.push('\n');
            out.push_str(&t(Msg::StatusSteps));
            out.push('\n');
            out.push_str(&self.steps_table(lang));
        }
        out
    }

    /// The steps of the paths, open, overdue or done late.
    fn steps_table(&self, lang: Lang) -> String {
        use crate::steps::StepKind;
        let t = |m: Msg| m.template(lang).to_string();
        let date = |d: NaiveDate| Arg::from(d).in_lang(lang);
        let mut rows = vec![
            [
                Msg::StatusColCase,
                Msg::StatusColWhat,
                Msg::StatusColDueOn,
                Msg::StatusColState,
                Msg::StatusColDoneOn,
                Msg::StatusColFile,
            ]
            .map(t)
            .to_vec(),
        ];
        for s in &self.steps {
            let kind = match s.kind {
                StepKind::ShopConfirmation => Msg::StatusStepShop,
                StepKind::MakerConfirmation => Msg::StatusStepMaker,
                StepKind::ObjectionDecision => Msg::StatusStepDecision,
                StepKind::RetestReport => Msg::StatusStepRetest,
                StepKind::FinalNotice => Msg::StatusStepFinal,
            };
            let state = if s.state == DeadlineState::Open {
                msg!(StatusDaysLeft, days = s.days_left).in_lang(lang)
            } else {
                t(s.state.message())
            };
            rows.push(vec![
                s.case.clone(),
                t(kind),
                date(s.due),
                state,
                s.done_on.map_or_else(|| t(Msg::StatusNotDone), date),
                s.file.clone(),
            ]);
        }
        table(&rows, &[false, false, true, false, true, false])
    }

    /// Progress per category, then the total.
    fn progress_table(&self, lang: Lang) -> String {
        let t = |m: Msg| m.template(lang).to_string();
        let mut rows = vec![
            [
                Msg::StatusColCategory,
                Msg::StatusColPlanned,
                Msg::StatusColScheduled,
                Msg::StatusColVisited,
                Msg::StatusColSampled,
                Msg::StatusColTested,
                Msg::StatusColQualified,
                Msg::StatusColUnqualified,
                Msg::StatusColRefused,
                Msg::StatusColNotSampled,
                Msg::StatusColShortfall,
            ]
            .map(t)
            .to_vec(),
        ];
        let relabel = |r: &CategoryRow, m: Msg| {
            CategoryRow(Counts {
                label: t(m),
                ..r.0.clone()
            })
        };
        let total = relabel(&self.total, Msg::StatusTotal);
        let rechecks = self
            .rechecks
            .as_ref()
            .map(|r| relabel(r, Msg::StatusRechecks));
        for r in self
            .categories
            .iter()
            .chain(std::iter::once(&total))
            .chain(rechecks.as_ref())
        {
            let c = &r.0;
            rows.push(vec![
                c.label.clone(),
                r.planned().to_string(),
                c.scheduled.to_string(),
                c.visits.to_string(),
                c.sampled.to_string(),
                c.tested.to_string(),
                c.qualified.to_string(),
                c.unqualified.to_string(),
                c.refused.to_string(),
                c.not_sampled.to_string(),
                c.shortfall.to_string(),
            ]);
        }
        table(
            &rows,
            &[
                false, true, true, true, true, true, true, true, true, true, true,
            ],
        )
    }

    fn deadline_table(&self, lang: Lang) -> String {
        let t = |m: Msg| m.template(lang).to_string();
        let mut rows = vec![
            [
                Msg::StatusColWhat,
                Msg::StatusColDue,
                Msg::StatusColState,
                Msg::StatusColLeft,
                Msg::StatusColOutstanding,
                Msg::StatusColDoneLate,
            ]
            .map(t)
            .to_vec(),
        ];
        for d in &self.deadlines {
            rows.push(vec![
                d.label_in(lang),
                Arg::from(d.date).in_lang(lang),
                d.state_in(lang),
                d.left_in(lang),
                d.outstanding.to_string(),
                d.late.to_string(),
            ]);
        }
        table(&rows, &[false, true, false, true, true, true])
    }

    /// The late cases; `None` when there is none.
    fn late_table(&self, lang: Lang) -> Option<String> {
        if self.late.is_empty() {
            return None;
        }
        let t = |m: Msg| m.template(lang).to_string();
        let date = |d: NaiveDate| Arg::from(d).in_lang(lang);
        let mut rows = vec![
            [
                Msg::StatusColCase,
                Msg::StatusColWhat,
                Msg::StatusColDueOn,
                Msg::StatusColDoneOn,
                Msg::StatusColDaysLate,
                Msg::StatusColFile,
            ]
            .map(t)
            .to_vec(),
        ];
        for l in &self.late {
            let kind = match l.kind {
                LateKind::EcqsSampling => Msg::StatusLateEcqsSampling,
                LateKind::EcqsResult => Msg::StatusLateEcqsResult,
                LateKind::Delivery => Msg::StatusLateDelivery,
            };
            rows.push(vec![
                l.case.clone(),
                t(kind),
                date(l.due),
                l.done_on.map_or_else(|| t(Msg::StatusNotDone), date),
                l.days_late.to_string(),
                l.file.clone(),
            ]);
        }
        Some(table(&rows, &[false, false, true, true, true, false]))
    }

    /// The open follow-ups; `None` when there is none.
    fn followup_table(&self, lang: Lang) -> Option<String> {
        if self.open_followups.is_empty() {
            return None;
        }
        let t = |m: Msg| m.template(lang).to_string();
        let date = |d: NaiveDate| Arg::from(d).in_lang(lang);
        let mut rows = vec![
            [
                Msg::StatusColCase,
                Msg::StatusColCategory,
                Msg::StatusColParty,
                Msg::StatusColCounty,
                Msg::StatusColNotified,
                Msg::StatusColDaysOpen,
            ]
            .map(t)
            .to_vec(),
        ];
        for f in &self.open_followups {
            rows.push(vec![
                f.case.clone(),
                f.category.clone(),
                f.party.clone(),
                f.county_bureau
                    .clone()
                    .unwrap_or_else(|| t(Msg::StatusUnassigned)),
                f.notified_on
                    .map_or_else(|| t(Msg::StatusNotNotified), date),
                match (f.notified_on, f.days_open) {
                    (_, Some(d)) => d.to_string(),
                    (Some(_), None) => t(Msg::StatusNotYet),
                    (None, None) => "—".to_string(),
                },
            ]);
        }
        Some(table(&rows, &[false, false, false, false, true, true]))
    }
}

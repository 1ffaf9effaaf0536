//! The dashboard (`/`): the numbers of `spotcheck status` for the day, from
//! `rules::status::status`, as the page lays them out; nothing is counted here.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use super::{AppState, PageLang};
use spotcheck_core::messages::{Arg, Lang, Msg};
use spotcheck_rules::status::{self, CategoryRow, DeadlineState};

/// The columns of the plan table: the `data-col` key and its heading.
const COLUMNS: &[(&str, Msg)] = &[
    ("planned", Msg::StatusColPlanned),
    ("scheduled", Msg::StatusColScheduled),
    ("visited", Msg::StatusColVisited),
    ("tested", Msg::StatusColTested),
    ("qualified", Msg::StatusColQualified),
    ("unqualified", Msg::StatusColUnqualified),
    ("refused", Msg::StatusColRefused),
    ("not_sampled", Msg::StatusColNotSampled),
    ("shortfall", Msg::StatusColShortfall),
];

#[derive(Serialize)]
struct Row {
    category: String,
    label: String,
    cells: Vec<(&'static str, u32)>,
}

fn row(r: &CategoryRow, category: String, label: String) -> Row {
    let c = &r.0;
    let value = |k: &str| match k {
        "planned" => r.planned(),
        "scheduled" => c.scheduled,
        "visited" => c.visits,
        "tested" => c.tested,
        "qualified" => c.qualified,
        "unqualified" => c.unqualified,
        "refused" => c.refused,
        "not_sampled" => c.not_sampled,
        _ => c.shortfall,
    };
    Row {
        category,
        label,
        cells: COLUMNS.iter().map(|(k, _)| (*k, value(k))).collect(),
    }
}

#[derive(Serialize)]
struct DeadlineItem {
    /// `met`, `open`, `due_this_week` (open, seven days or fewer left), `overdue`.
    state: &'static str,
    label: String,
    date: String,
    state_text: String,
    left: String,
    outstanding: u32,
    late: u32,
}

#[derive(Serialize)]
struct FollowupItem {
    case: String,
    party: String,
    category: String,
    county: String,
    notified: String,
    days_open: String,
}

#[derive(Serialize)]
struct LateItem {
    case: String,
    due: String,
    days_late: i64,
}

pub async fn page(State(state): State<Arc<AppState>>, PageLang(lang): PageLang) -> Response {
    let s = state.clone();
    let loaded = tokio::task::spawn_blocking(move || s.store.get(&s.batch))
        .await
        .map_err(|e| e.to_string());
    let lb = match loaded {
        Ok(Ok(lb)) => lb,
        Ok(Err(diags)) => return super::cases::load_failed(&state, lang, &diags),
        Err(e) => return state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e),
    };
    let st = status::status(&lb, state.today());
    let t = |m: Msg| m.template(lang).to_string();
    let mut rows: Vec<Row> = st
        .categories
        .iter()
        .map(|r| row(r, r.0.label.clone(), r.0.label.clone()))
        .collect();
    rows.push(row(&st.total, "合计".to_string(), t(Msg::StatusTotal)));
    let deadlines: Vec<DeadlineItem> = st
        .deadlines
        .iter()
        .map(|d| DeadlineItem {
            state: match d.state {
                DeadlineState::Met => "met",
                DeadlineState::Overdue => "overdue",
                DeadlineState::Open if d.days_left <= 7 => "due_this_week",
                DeadlineState::Open => "open",
            },
            label: d.label_in(lang),
            date: Arg::from(d.date).in_lang(lang),
            state_text: t(d.state.message()),
            left: d.left_in(lang),
            outstanding: d.outstanding,
            late: d.late,
        })
        .collect();
    let followups: Vec<FollowupItem> = st
        .open_followups
        .iter()
        .map(|f| FollowupItem {
            case: f.case.clone(),
            party: f.party.clone(),
            category: f.category.clone(),
            county: f
                .county_bureau
                .clone()
                .unwrap_or_else(|| t(Msg::StatusNotNotified)),
            notified: f
                .notified_on
                .map_or_else(|| t(Msg::StatusNotNotified), |d| Arg::from(d).in_lang(lang)),
            days_open: f.days_open.map_or(String::new(), |d| d.to_string()),
        })
        .collect();
    let late: Vec<LateItem> = st
        .late
        .iter()
        .map(|l| LateItem {
            case: l.case.clone(),
            due: Arg::from(l.due).in_lang(lang),
            days_late: l.days_late,
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("title", &st.title);
    ctx.insert("batch", &st.batch);
    ctx.insert("today", &Arg::from(st.today).in_lang(lang));
    ctx.insert(
        "columns",
        &COLUMNS.iter().map(|(k, m)| (*k, t(*m))).collect::<Vec<_>>(),
    );
    ctx.insert("category_heading", &t(Msg::StatusColCategory));
    ctx.insert("rows", &rows);
    ctx.insert("deadlines", &deadlines);
    ctx.insert("followups", &followups);
    ctx.insert("late", &late);
    ctx.insert("cases", &lb.cases.len());
    ctx.insert("en", &(lang == Lang::En));
    state.page(lang, "home", "dashboard.html", ctx)
}

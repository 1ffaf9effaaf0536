//! The cases: the list (`/cases`, filtered by the query), a case's page with its form
//! (`/cases/{id}`), the live check (`POST /cases/{id}/check`), saving
//! (`POST /cases/{id}/save`), the preview of its documents (`/cases/{id}/preview`,
//! `/cases/{id}/page/{n}`), and the 大写 of an amount (`/money?amount=`).
//!
//! A case is found by its id among the cases of the loaded batch, and its file is the one the
//! batch was loaded from: no text of a request becomes a path.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use serde::Serialize;
use serde_json::json;
use sha2::Digest as _;

use super::form::{self, Shown};
use super::security::query_pairs;
use super::{AppState, PageLang, text};
use spotcheck_core::diag::{Diagnostic, Diagnostics};
use spotcheck_core::messages::Lang;
use spotcheck_input::load::{self, LoadedBatch, LoadedCase};
use spotcheck_input::model::{Case, Stage};

/// A preview of a case's documents: the pages as PNG images.
#[derive(Default)]
pub struct Preview {
    pub version: u64,
    pub draft: bool,
    /// Each page: the document kind and the image.
    pub pages: Vec<(String, Vec<u8>)>,
    /// The SHA-256 of the case file the pages show: a preview of another version (the file
    /// was edited by hand since) is made again before it is shown.
    pub sha256: [u8; 32],
    /// Why the last rendering failed, when it did: the pages are then those of an earlier
    /// version, and the page says so.
    pub problem: Option<String>,
    /// The documents the pages are of: kind and PDF, for the page's links.
    pub documents: Vec<(String, PathBuf)>,
}

/// The resolution of preview pages: about a screen's.
pub(crate) const PREVIEW_DPI: f32 = 110.0;

/// The page of a batch that cannot be loaded: every error, located.
pub(crate) fn load_failed(state: &AppState, lang: Lang, diags: &Diagnostics) -> Response {
    let mut msg = text::get(lang, "load_failed").to_string();
    msg.push('\n');
    msg.push_str(&diags.in_lang(lang));
    state.error(lang, StatusCode::UNPROCESSABLE_ENTITY, &msg)
}

async fn batch(state: &Arc<AppState>, lang: Lang) -> Result<Arc<LoadedBatch>, Response> {
    let s = state.clone();
    match tokio::task::spawn_blocking(move || s.store.get(&s.batch)).await {
        Ok(Ok(lb)) => Ok(lb),
        Ok(Err(d)) => Err(load_failed(state, lang, &d)),
        Err(e) => Err(state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string())),
    }
}

fn stage_key(c: &Case) -> &'static str {
    match c.stage() {
        Stage::Planned => "planned",
        Stage::Visited(o) => o.key(),
    }
}

fn county_of(c: &Case) -> Option<&str> {
    c.followup
        .as_ref()
        .map(|f| f.county_bureau.as_str())
        .or_else(|| c.refusal.as_ref().and_then(|r| r.county_bureau.as_deref()))
}

#[derive(Serialize)]
struct ListRow {
    id: String,
    stage: &'static str,
    category: String,
    party: String,
    /// The lab's name.
    lab: String,
    county: String,
    date: String,
    errors: usize,
    warnings: usize,
}

/// How many cases a page of the list shows.
pub(crate) const PAGE_ROWS: usize = 50;

/// The errors and warnings `check` finds in each case file of `lb`: computed once for each
/// version of the batch the store gives, not on every page of the list.
async fn finding_counts(
    state: &Arc<AppState>,
    lb: &Arc<LoadedBatch>,
) -> Arc<std::collections::HashMap<String, (usize, usize)>> {
    if let Ok(c) = state.checked.lock()
        && let Some((seen, counts)) = c.as_ref()
        && Arc::ptr_eq(seen, lb)
    {
        return counts.clone();
    }
    let lb2 = lb.clone();
    let counts = tokio::task::spawn_blocking(move || {
        let mut counts = std::collections::HashMap::new();
        for d in spotcheck_rules::check(&lb2) {
            let e: &mut (usize, usize) = counts.entry(d.file.clone()).or_default();
            if d.is_error() {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
        Arc::new(counts)
    })
    .await
    .unwrap_or_default();
    if let Ok(mut c) = state.checked.lock() {
        *c = Some((lb.clone(), counts.clone()));
    }
    counts
}

/// `/cases`: the cases, filtered by `stage`, `category`, `lab`, `county` and `date` (the visit
/// date, exact).
pub async fn list(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    RawQuery(query): RawQuery,
) -> Response {
    let lb = match batch(&state, lang).await {
        Ok(lb) => lb,
        Err(r) => return r,
    };
    let params = query_pairs(query.as_deref().unwrap_or(""));
    let want = |k: &str| {
        params
            .iter()
            .find(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let (stage, category, lab, county, date, q) = (
        want("stage"),
        want("category"),
        want("lab"),
        want("county"),
        want("date"),
        want("q"),
    );
    let page_no: usize = want("page")
        .and_then(|p| p.parse().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let counts = finding_counts(&state, &lb).await;
    let needle = q.as_deref().map(str::to_lowercase);
    let mut categories = std::collections::BTreeSet::new();
    let mut labs = std::collections::BTreeSet::new();
    let mut counties = std::collections::BTreeSet::new();
    let mut rows = Vec::new();
    for lc in &lb.cases {
        let c = &lc.case;
        categories.insert(c.category.clone());
        labs.insert(c.lab.clone());
        if let Some(k) = county_of(c) {
            counties.insert(k.to_string());
        }
        let keep = stage.as_deref().is_none_or(|s| s == stage_key(c))
            && category.as_deref().is_none_or(|s| s == c.category)
            && lab.as_deref().is_none_or(|s| s == c.lab)
            && county.as_deref().is_none_or(|s| Some(s) == county_of(c))
            && date
                .as_deref()
                .is_none_or(|s| s == c.visit.date.to_string())
            && needle.as_deref().is_none_or(|n| {
                [&c.id, &c.party.name, &c.party.credit_code, &c.party.address]
                    .iter()
                    .any(|f| f.to_lowercase().contains(n))
            });
        if keep {
            let (errors, warnings) = counts.get(&lc.file).copied().unwrap_or((0, 0));
            rows.push(ListRow {
                id: c.id.clone(),
                stage: stage_key(c),
                category: c.category.clone(),
                party: c.party.name.clone(),
                lab: lb
                    .batch
                    .lab(&c.lab)
                    .map_or_else(|| c.lab.clone(), |l| l.name.clone()),
                county: county_of(c).unwrap_or("").to_string(),
                date: c.visit.date.to_string(),
                errors,
                warnings,
            });
        }
    }
    let matched = rows.len();
    let pages = matched.div_ceil(PAGE_ROWS).max(1);
    let page_no = page_no.min(pages);
    let rows: Vec<ListRow> = rows
        .into_iter()
        .skip((page_no - 1) * PAGE_ROWS)
        .take(PAGE_ROWS)
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("total", &lb.cases.len());
    ctx.insert("matched", &matched);
    ctx.insert("page", &page_no);
    ctx.insert("pages", &pages);
    ctx.insert("categories", &categories);
    let labs: Vec<(String, String)> = labs
        .into_iter()
        .map(|id| {
            let name = lb
                .batch
                .lab(&id)
                .map_or_else(|| id.clone(), |l| l.name.clone());
            (id, name)
        })
        .collect();
    ctx.insert("labs", &labs);
    ctx.insert(
        "plan_categories",
        &lb.batch
            .plan
            .iter()
            .map(|p| p.category.clone())
            .collect::<Vec<_>>(),
    );
    ctx.insert(
        "outcomes",
        &[
            spotcheck_input::model::Outcome::Sampled,
            spotcheck_input::model::Outcome::Refused,
            spotcheck_input::model::Outcome::NotSampled,
        ]
        .iter()
        .map(|o| (o.key(), text::get(lang, stage_word(o.key()))))
        .collect::<Vec<_>>(),
    );
    let (prev, next) = page_links(&params, page_no, pages);
    ctx.insert("deleted", &want("deleted"));
    ctx.insert("ledger_name", &super::manage::ledger_name(&lb.batch.id));
    ctx.insert("prev", &prev);
    ctx.insert("next", &next);
    ctx.insert("counties", &counties);
    ctx.insert(
        "stages",
        &["planned", "sampled", "refused", "not_sampled"]
            .iter()
            .map(|s| (*s, text::get(lang, stage_word(s))))
            .collect::<Vec<_>>(),
    );
    let f = |v: &Option<String>| v.clone().unwrap_or_default();
    ctx.insert(
        "f",
        &json!({"stage": f(&stage), "category": f(&category), "lab": f(&lab),
                "county": f(&county), "date": f(&date), "q": f(&q)}),
    );
    state.page(lang, "cases", "cases.html", ctx)
}

/// The list's own address with the page before and the page after, the filters kept.
fn page_links(
    params: &[(String, String)],
    page_no: usize,
    pages: usize,
) -> (Option<String>, Option<String>) {
    let keep: Vec<String> = params
        .iter()
        .filter(|(k, v)| !matches!(k.as_str(), "page" | "lang" | "deleted") && !v.is_empty())
        .map(|(k, v)| {
            format!(
                "{}={}",
                super::security::encode(k),
                super::security::encode(v)
            )
        })
        .collect();
    let at = |n: usize| {
        let mut q = keep.clone();
        q.push(format!("page={n}"));
        format!("/cases?{}", q.join("&"))
    };
    (
        (page_no > 1).then(|| at(page_no - 1)),
        (page_no < pages).then(|| at(page_no + 1)),
    )
}

/// The words key of a stage.
pub(crate) fn stage_word(s: &str) -> &'static str {
    match s {
        "planned" => "stage_planned",
        "sampled" => "stage_sampled",
        "refused" => "stage_refused",
        _ => "stage_not_sampled",
    }
}

/// The findings of `lb` that concern the case `lc`: those of its file, and those of rules
/// across cases, filed under another case, that name it.
fn findings_of(lb: &LoadedBatch, lc: &LoadedCase, lang: Lang) -> Vec<Shown> {
    let all = spotcheck_rules::check_cases(lb, &[lc.case.id.as_str()]);
    shown(&all, &lc.file, &lc.case.id, lang)
}

fn shown(all: &[Diagnostic], file: &str, id: &str, lang: Lang) -> Vec<Shown> {
    all.iter()
        .filter(|d| d.file == file || d.message.in_lang(Lang::Zh).contains(id))
        .map(|d| Shown {
            field: if d.file == file {
                form::field_of_path(&d.path)
            } else {
                String::new()
            },
            rule: d.rule.id().to_string(),
            severity: match d.severity {
                spotcheck_core::diag::Severity::Error => "error",
                spotcheck_core::diag::Severity::Warning => "warning",
            }
            .to_string(),
            text: match lang {
                Lang::Zh => {
                    super::plain::plain_at(&d.message.in_lang(lang), &form::field_of_path(&d.path))
                }
                Lang::En => d.message.in_lang(lang),
            },
        })
        .collect()
}

/// `/cases/{id}`: the case's form, its findings beside their fields, and the preview.
pub async fn page(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path(id): Path<String>,
) -> Response {
    let lb = match batch(&state, lang).await {
        Ok(lb) => lb,
        Err(r) => return r,
    };
    let Some(lc) = lb.case(&id) else {
        return state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "no_case"));
    };
    let bytes = match std::fs::read(state.batch.join(&lc.file)) {
        Ok(b) => b,
        Err(e) => return state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let sha = spotcheck_core::text::hex(&sha2::Sha256::digest(&bytes));
    let (lb2, lc2) = (lb.clone(), lc.clone());
    let findings = tokio::task::spawn_blocking(move || findings_of(&lb2, &lc2, lang))
        .await
        .unwrap_or_default();
    let value = serde_json::to_value(&lc.case).unwrap_or_default();
    let choices = form::choices_of(&lb.batch);
    let (form_html, other) = form::html(&value, &findings, lang, &choices);
    // A preview of another version of the file is not offered: the page asks for a new one.
    let preview = state.previews.lock().map_or((0, false, 0), |p| {
        p.get(&id)
            .filter(|p| p.sha256 == lc.sha256)
            .map_or((0, false, 0), |p| (p.version, p.draft, p.pages.len()))
    });
    let mut ctx = tera::Context::new();
    ctx.insert("id", &id);
    ctx.insert("file", &lc.file);
    ctx.insert("party", &lc.case.party.name);
    ctx.insert("category", &lc.case.category);
    ctx.insert("sha256", &sha);
    ctx.insert("form_html", &form_html);
    ctx.insert(
        "other",
        &other.iter().map(form::finding_html).collect::<Vec<_>>(),
    );
    ctx.insert(
        "errors",
        &findings.iter().filter(|f| f.severity == "error").count(),
    );
    ctx.insert("sections", &form::section_menu(lang));
    ctx.insert("preview_version", &preview.0);
    ctx.insert("preview_draft", &preview.1);
    ctx.insert("preview_pages", &preview.2);
    state.page(lang, "cases", "case.html", ctx)
}

/// What a posted form comes to.
struct Evaluated {
    /// The canonical text of the case file, when the form reads as a case.
    text: Option<String>,
    /// The batch with the case replaced, when it reads.
    batch: Option<LoadedBatch>,
    findings: Vec<Shown>,
}

fn bad_form(lang: Lang, what: &str) -> Response {
    refused_form(
        StatusCode::BAD_REQUEST,
        format!("{}{what}", text::get(lang, "bad_form")),
    )
}

/// A post refused before its form was read, as the page's script shows it: `status` and the
/// message in JSON.
fn refused_form(status: StatusCode, message: String) -> Response {
    (
        status,
        Json(json!({"status": "bad_request", "message": message})),
    )
        .into_response()
}

/// The answer to a body that could not be read: 413 with the clerk's words past
/// [`super::FORM_LIMIT`], otherwise as [`bad_form`] with the reason.
fn too_large_or_bad(lang: Lang, e: &BytesRejection) -> Response {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        refused_form(e.status(), text::get(lang, "too_large").to_string())
    } else {
        refused_form(
            e.status(),
            format!("{}{}", text::get(lang, "bad_form"), e.body_text()),
        )
    }
}

/// The form's pairs, or why the body is not a form.
fn pairs_of(body: &[u8]) -> Result<Vec<(String, String)>, String> {
    let s = std::str::from_utf8(body).map_err(|_| "UTF-8".to_string())?;
    Ok(query_pairs(s))
}

/// The case the form describes, checked by the rules of `check` in the batch with the case in
/// place of its file.
fn evaluate(
    lb: &LoadedBatch,
    lc: &LoadedCase,
    original: &str,
    pairs: &[(String, String)],
    lang: Lang,
) -> Result<Evaluated, form::BadForm> {
    let mut value = form::value_of_form(pairs)?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("id".into(), serde_json::Value::String(lc.case.id.clone()));
    }
    let raw = serde_yaml::to_string(&value).map_err(|e| form::BadForm(e.to_string()))?;
    let read = load::parse_typed::<Case>(&lc.file, raw.as_bytes()).and_then(|(case, _)| {
        let header = form::header_of(original, &lc.file);
        let text = form::canonical(&header, &case).map_err(|e| {
            vec![Diagnostic::new(
                spotcheck_core::diag::Rule::BatchIo,
                &lc.file,
                (0, 0),
                "",
                spotcheck_core::msg!(CliError, error = e),
            )]
        })?;
        let (case, index) = load::parse_typed::<Case>(&lc.file, text.as_bytes())?;
        Ok((text, case, index))
    });
    match read {
        Err(diags) => Ok(Evaluated {
            text: None,
            batch: None,
            findings: shown(&diags, &lc.file, &lc.case.id, lang),
        }),
        Ok((text, case, index)) => {
            let mut edited = lb.clone();
            if let Some(slot) = edited.cases.iter_mut().find(|c| c.file == lc.file) {
                *slot = LoadedCase {
                    case,
                    file: lc.file.clone(),
                    index,
                    sha256: sha2::Sha256::digest(text.as_bytes()).into(),
                };
            }
            // The case as edited, under the id its form gives.
            let id = edited
                .cases
                .iter()
                .find(|c| c.file == lc.file)
                .map_or(lc.case.id.as_str(), |c| c.case.id.as_str());
            let all = spotcheck_rules::check_cases(&edited, &[id]);
            let findings = shown(&all, &lc.file, &lc.case.id, lang);
            Ok(Evaluated {
                text: Some(text),
                batch: Some(edited),
                findings,
            })
        }
    }
}

/// What a post to a case's form starts from: the batch, the case, the form's pairs; or the
/// answer when the case is none of the batch's (404) or the body is no form (400).
async fn posted(
    state: &Arc<AppState>,
    lang: Lang,
    id: &str,
    body: Result<Bytes, BytesRejection>,
) -> Result<(Arc<LoadedBatch>, LoadedCase, Vec<(String, String)>), Response> {
    let body = body.map_err(|e| too_large_or_bad(lang, &e))?;
    let lb = batch(state, lang).await?;
    let Some(lc) = lb.case(id).cloned() else {
        return Err(state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "no_case")));
    };
    let pairs = pairs_of(&body).map_err(|w| bad_form(lang, &w))?;
    Ok((lb, lc, pairs))
}

/// `POST /cases/{id}/check`: the findings of the form as it is now, not saved.
pub async fn check(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (lb, lc, pairs) = match posted(&state, lang, &id, body).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let root = state.batch.clone();
    let done = tokio::task::spawn_blocking(move || {
        let original = std::fs::read_to_string(root.join(&lc.file)).unwrap_or_default();
        evaluate(&lb, &lc, &original, &pairs, lang)
    })
    .await;
    match done {
        Ok(Ok(e)) => Json(json!({
            "status": "checked",
            "readable": e.text.is_some(),
            "findings": e.findings,
        }))
        .into_response(),
        Ok(Err(form::BadForm(w))) => bad_form(lang, &w),
        Err(e) => state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// Where the previous versions of a case file are kept: `BATCH/.spotcheck-backup/<file>.<n>`.
pub(crate) const BACKUP_DIR: &str = ".spotcheck-backup";

pub(crate) fn backup(root: &std::path::Path, file: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let target = root.join(BACKUP_DIR).join(file);
    let dir = target.parent().map(PathBuf::from).unwrap_or_default();
    std::fs::create_dir_all(&dir)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 1;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let en = e.file_name().to_string_lossy().into_owned();
            if let Some(k) = en
                .strip_prefix(&format!("{name}."))
                .and_then(|k| k.parse::<u32>().ok())
            {
                n = n.max(k + 1);
            }
        }
    }
    let path = dir.join(format!("{name}.{n}"));
    spotcheck_core::output::write_new(&path, bytes)?;
    Ok(path)
}

/// `POST /cases/{id}/save`: the form written to the case file (the previous version kept as
/// a backup), unless the file changed since the form was opened (409) or the form does not
/// read as a case (422); then the preview rendered again.
pub async fn save(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (lb, lc, pairs) = match posted(&state, lang, &id, body).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let opened = pairs
        .iter()
        .find(|(k, _)| k == "_sha256")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let st = state.clone();
    let done = tokio::task::spawn_blocking(move || -> Result<Response, String> {
        let _one_at_a_time = st.saving.lock().unwrap_or_else(|p| p.into_inner());
        let path = st.batch.join(&lc.file);
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        if spotcheck_core::text::hex(&sha2::Sha256::digest(&bytes)) != opened {
            return Ok(conflict(&lc, &bytes, lang));
        }
        let original = String::from_utf8_lossy(&bytes).into_owned();
        let e = evaluate(&lb, &lc, &original, &pairs, lang)
            .map_err(|form::BadForm(w)| format!("\u{0}{w}"))?;
        let (Some(new_text), Some(edited)) = (e.text, e.batch) else {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({
                    "status": "unreadable",
                    "message": text::get(lang, "unreadable"),
                    "findings": e.findings,
                })),
            )
                .into_response());
        };
        if new_text.as_bytes() != bytes.as_slice() {
            backup(&st.batch, &lc.file, &bytes).map_err(|e| e.to_string())?;
            // Checked again just before the rename: a hand edit made while the form was being
            // checked is not overwritten either.
            let unchanged = || std::fs::read(&path).is_ok_and(|now| now == bytes);
            let replaced =
                spotcheck_core::output::replace_file(&path, new_text.as_bytes(), unchanged)
                    .map_err(|e| e.to_string())?;
            if !replaced {
                let now = std::fs::read(&path).map_err(|e| e.to_string())?;
                return Ok(conflict(&lc, &now, lang));
            }
        }
        let sha = spotcheck_core::text::hex(&sha2::Sha256::digest(new_text.as_bytes()));
        let errors = e.findings.iter().filter(|f| f.severity == "error").count();
        let preview = render_preview(&st, &edited, &lc.case.id, errors > 0, lang);
        // Saved, but the pages beside the form are not this version's: said, and why.
        let message = match preview["problem"].as_str() {
            Some(why) => format!("{}{why}", text::get(lang, "saved_preview_failed")),
            None => text::get(lang, "saved").to_string(),
        };
        Ok(Json(json!({
            "status": "saved",
            "message": message,
            "preview_failed": preview["problem"].is_string(),
            "sha256": sha,
            "findings": e.findings,
            "preview": preview,
        }))
        .into_response())
    })
    .await;
    match done {
        Ok(Ok(r)) => r,
        Ok(Err(w)) if w.starts_with('\u{0}') => bad_form(lang, &w[1..]),
        Ok(Err(w)) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({"status": "failed", "message": w})),
        )
            .into_response(),
        Err(e) => state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// The answer to a save of a form opened on another version of the case file (409): the
/// file's version as it is now, field by field, to show beside what was typed, and its
/// SHA-256, with which saving again replaces that version knowingly.
fn conflict(lc: &LoadedCase, now: &[u8], lang: Lang) -> Response {
    let theirs = load::parse_typed::<Case>(&lc.file, now)
        .ok()
        .and_then(|(case, _)| serde_json::to_value(&case).ok())
        .map(|v| form::fields_of(&v))
        .unwrap_or_default();
    (
        StatusCode::CONFLICT,
        Json(json!({
            "status": "conflict",
            "message": text::get(lang, "conflict"),
            "reload": format!("/cases/{}", lc.case.id),
            "sha256": spotcheck_core::text::hex(&sha2::Sha256::digest(now)),
            "readable": !theirs.is_empty(),
            "theirs": theirs,
        })),
    )
        .into_response()
}

/// Renders the documents of case `id` of `lb` into `OUT/preview/` and keeps their pages as
/// images; returns what the page shows of it.
fn render_preview(
    state: &AppState,
    lb: &LoadedBatch,
    id: &str,
    draft: bool,
    lang: Lang,
) -> serde_json::Value {
    let opts = spotcheck_documents::render::RenderOptions {
        out: state.out.join("preview"),
        cases: vec![id.to_string()],
        draft,
        reuse: true,
        ..Default::default()
    };
    let mut pages = Vec::new();
    let mut documents = Vec::new();
    let mut problem = None;
    match spotcheck_documents::render::render(lb, &state.engine, &opts) {
        Ok(done) => {
            documents = done
                .iter()
                .map(|r| (r.kind.to_string(), r.path.clone()))
                .collect();
            use rayon::prelude::*;
            // Each document's pages drawn on its own core.
            let drawn: Vec<Result<Vec<Vec<u8>>, String>> = done
                .par_iter()
                .map(|r| {
                    std::fs::read(&r.path)
                        .map_err(|e| e.to_string())
                        .and_then(|pdf| {
                            spotcheck_documents::annex::pdf_pages_at(&pdf, PREVIEW_DPI)
                                .map_err(|m| m.in_lang(lang))
                        })
                })
                .collect();
            for (r, d) in done.iter().zip(drawn) {
                match d {
                    Ok(ps) => pages.extend(ps.into_iter().map(|p| (r.kind.to_string(), p))),
                    Err(e) => problem = Some(e),
                }
            }
        }
        Err(e) => problem = Some(e.in_lang(lang)),
    }
    let mut previews = state.previews.lock().unwrap_or_else(|p| p.into_inner());
    let entry = previews.entry(id.to_string()).or_default();
    entry.version += 1;
    entry.draft = draft;
    entry.sha256 = lb.case(id).map_or([0; 32], |lc| lc.sha256);
    if problem.is_none() {
        entry.pages = pages;
        entry.documents = documents;
    }
    entry.problem = problem;
    preview_json(id, entry)
}

fn preview_json(id: &str, p: &Preview) -> serde_json::Value {
    json!({
        "version": p.version,
        "draft": p.draft,
        "problem": p.problem,
        "pages": p.pages.iter().enumerate().map(|(i, (kind, _))| json!({
            "kind": kind,
            "src": format!("/cases/{id}/page/{i}?v={}", p.version),
        })).collect::<Vec<_>>(),
        "documents": p.documents.iter().enumerate().map(|(i, (kind, _))| json!({
            "kind": kind,
            "title": spotcheck_input::kinds::find(kind).map_or(kind.as_str(), |k| k.title),
            "href": format!("/cases/{id}/pdf/{i}?v={}", p.version),
        })).collect::<Vec<_>>(),
    })
}

/// `GET /cases/{id}/preview`: the preview as it is, made first when there is none yet.
pub async fn preview(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path(id): Path<String>,
) -> Response {
    let lb = match batch(&state, lang).await {
        Ok(lb) => lb,
        Err(r) => return r,
    };
    let Some(lc) = lb.case(&id).cloned() else {
        return state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "no_case"));
    };
    let st = state.clone();
    let done = tokio::task::spawn_blocking(move || {
        if let Ok(p) = st.previews.lock()
            && let Some(p) = p.get(&id)
            && p.sha256 == lc.sha256
        {
            return preview_json(&id, p);
        }
        let _one_at_a_time = st.saving.lock().unwrap_or_else(|p| p.into_inner());
        let all = spotcheck_rules::check_cases(&lb, &[lc.case.id.as_str()]);
        let draft =
            !spotcheck_rules::blocking(&lb, &all, std::slice::from_ref(&lc.case.id)).is_empty();
        render_preview(&st, &lb, &id, draft, lang)
    })
    .await;
    match done {
        Ok(v) => Json(v).into_response(),
        Err(e) => state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `GET /cases/{id}/page/{n}`: one page of the preview as PNG.
pub(crate) async fn preview_page(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path((id, n)): Path<(String, usize)>,
) -> Response {
    let png = state
        .previews
        .lock()
        .ok()
        .and_then(|p| p.get(&id).and_then(|p| p.pages.get(n).map(|x| x.1.clone())));
    match png {
        Some(png) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            png,
        )
            .into_response(),
        None => state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "not_found")),
    }
}

/// `GET /money?amount=185.5`: the amount in 大写 (`壹佰捌拾伍元伍角`), empty when it is no
/// amount.
pub async fn money(RawQuery(query): RawQuery) -> Response {
    let amount = query_pairs(query.as_deref().unwrap_or(""))
        .into_iter()
        .find(|(k, _)| k == "amount")
        .map(|(_, v)| v)
        .unwrap_or_default();
    Json(json!({"amount": amount, "upper": form::upper_of(&amount)})).into_response()
}

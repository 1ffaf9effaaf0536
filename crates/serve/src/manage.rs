//! What a clerk does to the cases beside editing one: a new case (`POST /cases/new`, as
//! `spotcheck new-case`), a case deleted to the backup (`POST /cases/{id}/delete`), photos and
//! videos uploaded as a visit's evidence (`POST /cases/{id}/evidence`), the lab's ledger
//! downloaded (`GET /ledger.xlsx`, as `spotcheck export`), and a previewed document opened as
//! its PDF (`GET /cases/{id}/pdf/{n}`), ready to print.
//!
//! Every file is found from the loaded batch (a case by its id, its file as loaded); an
//! uploaded file's name is only kept as a name: its last part, without control characters,
//! path separators or a leading dot, under `evidence/<case id>/`.

use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Redirect, Response};
use chrono::NaiveDate;
use serde_json::json;
use sha2::Digest as _;

use super::security::query_pairs;
use super::{AppState, PageLang, text};
use spotcheck_input::model::{Domain, Outcome};
use spotcheck_input::scaffold::{self, NewCase};

/// The largest upload of evidence at once: 1 GiB (a visit's video), written to disk as it
/// arrives.
pub(crate) const EVIDENCE_LIMIT: usize = 1 << 30;

/// `POST /cases/new`: a new case of the category, outcome, domain and date chosen, as
/// `spotcheck new-case` makes it; then its page.
pub async fn new_case(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    body: Bytes,
) -> Response {
    let pairs = query_pairs(&String::from_utf8_lossy(&body));
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
    };
    let outcome = match get("outcome").as_deref() {
        Some("refused") => Outcome::Refused,
        Some("not_sampled") => Outcome::NotSampled,
        _ => Outcome::Sampled,
    };
    let domain = match get("domain").as_deref() {
        Some("生产") => Domain::Production,
        Some("电子商务") => Domain::Online,
        _ => Domain::Circulation,
    };
    let date = match get("date").map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d")) {
        Some(Ok(d)) => Some(d),
        Some(Err(_)) => {
            return state.error(
                lang,
                StatusCode::BAD_REQUEST,
                text::get(lang, "work_bad_date"),
            );
        }
        None => None,
    };
    let opts = NewCase {
        category: get("category").unwrap_or_default(),
        outcome,
        domain,
        prefix: None,
        date,
        today: state.today(),
    };
    let root = state.batch.clone();
    let made = tokio::task::spawn_blocking(move || scaffold::new_case(&root, &opts)).await;
    match made {
        Ok(Ok(w)) => Redirect::to(&format!("/cases/{}", w.id)).into_response(),
        Ok(Err(ms)) => {
            let said: Vec<String> = ms
                .iter()
                .map(|m| super::plain::plain(&m.in_lang(lang)))
                .collect();
            state.error(lang, StatusCode::UNPROCESSABLE_ENTITY, &said.join("\n"))
        }
        Err(e) => state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `POST /cases/{id}/delete`: the case file moved to the backup folder
/// (`BATCH/.spotcheck-backup/<file>.<n>`), unless it changed since the page was opened
/// (`_sha256`, 409); its evidence stays where it is. Then the list, saying so.
pub(crate) async fn delete(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let opened = query_pairs(&String::from_utf8_lossy(&body))
        .into_iter()
        .find(|(k, _)| k == "_sha256")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let st = state.clone();
    let done = tokio::task::spawn_blocking(move || -> Result<Option<String>, String> {
        let lb = st.store.get(&st.batch).map_err(|d| d.in_lang(lang))?;
        let Some(lc) = lb.case(&id) else {
            return Ok(None);
        };
        let _one_at_a_time = st.saving.lock().unwrap_or_else(|p| p.into_inner());
        let path = st.batch.join(&lc.file);
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        if spotcheck_core::text::hex(&sha2::Sha256::digest(&bytes)) != opened {
            return Err(text::get(lang, "conflict").to_string());
        }
        super::cases::backup(&st.batch, &lc.file, &bytes).map_err(|e| e.to_string())?;
        std::fs::remove_file(&path).map_err(|e| e.to_string())?;
        Ok(Some(lc.case.id.clone()))
    })
    .await;
    match done {
        Ok(Ok(Some(id))) => {
            Redirect::to(&format!("/cases?deleted={}", super::security::encode(&id)))
                .into_response()
        }
        Ok(Ok(None)) => state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "no_case")),
        Ok(Err(why)) => state.error(lang, StatusCode::CONFLICT, &why),
        Err(e) => state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// A name for an uploaded file inside `dir`: the last part of what the browser sent, without
/// control characters, separators or a leading dot; a number added when the name is taken.
fn evidence_name(dir: &FsPath, sent: &str) -> Option<String> {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '/' | '\\' | ':' | '\u{2028}' | '\u{2029}'))
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_string();
    if clean.is_empty() || !spotcheck_input::evidence::is_media(&clean) {
        return None;
    }
    let (stem, ext) = clean.rsplit_once('.').unwrap_or((&clean, ""));
    let mut name = clean.clone();
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("{stem}-{n}.{ext}");
        n += 1;
    }
    Some(name)
}

/// `POST /cases/{id}/evidence`: photos and videos (field `file`, any number) written under
/// `evidence/<id>/` as they arrive; answers their paths in the batch folder, which the page
/// adds to the case's evidence list (saved with the form).
pub async fn evidence(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path(id): Path<String>,
    mut form: Multipart,
) -> Response {
    use tokio::io::AsyncWriteExt as _;
    let refused = |status: StatusCode, message: String| {
        (
            status,
            Json(json!({"status": "refused", "message": message})),
        )
            .into_response()
    };
    let st = state.clone();
    let lb = match tokio::task::spawn_blocking(move || st.store.get(&st.batch)).await {
        Ok(Ok(lb)) => lb,
        _ => {
            return refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                text::get(lang, "load_failed").into(),
            );
        }
    };
    let Some(lc) = lb.case(&id) else {
        return refused(StatusCode::NOT_FOUND, text::get(lang, "no_case").into());
    };
    let rel_dir = format!("evidence/{}", lc.case.id);
    let dir = state.batch.join(&rel_dir);
    let mut saved = Vec::new();
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return refused(e.status(), text::get(lang, "evidence_too_large").into());
            }
            Err(e) => return refused(e.status(), text::get(lang, "work_bad_form").into()),
        };
        let mut field = field;
        let sent = field.file_name().unwrap_or_default().to_string();
        if field.name() != Some("file") || sent.is_empty() {
            continue;
        }
        if let Err(e) = tokio::fs::create_dir_all(&dir).await {
            return refused(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
        }
        let Some(name) = evidence_name(&dir, &sent) else {
            let m = format!("{}{sent}", text::get(lang, "evidence_not_media"));
            return refused(StatusCode::UNPROCESSABLE_ENTITY, m);
        };
        // Written beside under a temporary name, renamed once whole.
        let path = dir.join(&name);
        let part = dir.join(format!(".{name}.part"));
        let written = async {
            let mut file = tokio::fs::File::create(&part).await?;
            while let Some(chunk) = field
                .chunk()
                .await
                .map_err(|e| std::io::Error::other(e.to_string()))?
            {
                file.write_all(&chunk).await?;
            }
            file.sync_all().await?;
            tokio::fs::rename(&part, &path).await
        }
        .await;
        if let Err(e) = written {
            let _ = tokio::fs::remove_file(&part).await;
            return refused(StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
        }
        saved.push(format!("{rel_dir}/{name}"));
    }
    if saved.is_empty() {
        return refused(
            StatusCode::BAD_REQUEST,
            text::get(lang, "work_no_file").into(),
        );
    }
    Json(json!({"status": "uploaded", "paths": saved, "message": text::get(lang, "evidence_uploaded")}))
        .into_response()
}

/// The file name of the batch's ledger: `DH-2024-01-台账.xlsx`.
pub(crate) fn ledger_name(batch: &str) -> String {
    format!("{batch}-台账.xlsx")
}

/// `GET /ledger.xlsx`: the lab's ledger of the batch, as `spotcheck export` writes it.
pub async fn ledger(State(state): State<Arc<AppState>>, PageLang(lang): PageLang) -> Response {
    let st = state.clone();
    let made = tokio::task::spawn_blocking(move || {
        let lb = st.store.get(&st.batch).map_err(|d| d.in_lang(lang))?;
        spotcheck_app::ledger::ledger_workbook(&lb)
            .map(|b| (b, lb.batch.id.clone()))
            .map_err(|e| e.to_string())
    })
    .await;
    match made {
        Ok(Ok((bytes, batch))) => {
            let name = ledger_name(&batch);
            let mut r = bytes.into_response();
            let h = r.headers_mut();
            let (mime, disposition) = super::work::download_kind(&name);
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            let d = super::work::disposition(disposition, &name);
            if let Ok(v) = HeaderValue::from_str(&d) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
        Ok(Err(why)) => state.error(lang, StatusCode::UNPROCESSABLE_ENTITY, &why),
        Err(e) => state.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `GET /cases/{id}/pdf/{n}`: the `n`-th document of the case's preview as its PDF, shown in
/// the browser (to read and print). Only a file the preview made, inside the output folder.
pub async fn pdf(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    Path((id, n)): Path<(String, usize)>,
) -> Response {
    let path: Option<PathBuf> = state.previews.lock().ok().and_then(|p| {
        p.get(&id)
            .and_then(|p| p.documents.get(n).map(|d| d.1.clone()))
    });
    let out = state.out.clone();
    let inside = path.filter(
        |p| matches!((p.canonicalize(), out.canonicalize()), (Ok(p), Ok(o)) if p.starts_with(&o)),
    );
    let Some(path) = inside else {
        return state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "not_found"));
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let mut r = bytes.into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            h.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("inline"),
            );
            r
        }
        Err(_) => state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "not_found")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_uploaded_name_stays_a_name_inside_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(
            evidence_name(d, "现场照片.jpg").as_deref(),
            Some("现场照片.jpg")
        );
        assert_eq!(
            evidence_name(d, "../../batch.yaml.jpg").as_deref(),
            Some("batch.yaml.jpg")
        );
        assert_eq!(
            evidence_name(d, "C:\\x\\..\\.hidden.png").as_deref(),
            Some("hidden.png")
        );
        assert_eq!(
            evidence_name(d, "a\u{2028}b\n.jpg").as_deref(),
            Some("ab.jpg")
        );
        assert_eq!(evidence_name(d, "notes.txt"), None);
        assert_eq!(evidence_name(d, "...."), None);
        std::fs::write(d.join("p.jpg"), b"x").unwrap();
        assert_eq!(evidence_name(d, "p.jpg").as_deref(), Some("p-2.jpg"));
    }
}

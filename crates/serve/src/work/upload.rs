//! The files a work page uploads: written to the job's own folder under names chosen here,
//! within the upload limit.

use crate::jobs::Job;
use crate::{AppState, UPLOAD_LIMIT, text};
use axum::extract::Multipart;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use spotcheck_core::messages::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// An uploaded file, written to the job's upload folder as it arrived: the name the user's
/// browser gave it (only shown) and where it was saved.
pub(super) struct Upload {
    pub(super) name: String,
    pub(super) path: PathBuf,
}

/// Whether the request says it is larger than `limit`: refused before its body is read (a
/// client that asked `Expect: 100-continue` has sent nothing yet).
pub(super) fn declared_too_large(headers: &HeaderMap, limit: usize) -> bool {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > limit as u64)
}

/// The words of the page that refuses an upload past `limit`.
pub(super) fn too_large_word(limit: usize) -> &'static str {
    if limit > UPLOAD_LIMIT {
        "work_too_large_archive"
    } else {
        "work_too_large_limit"
    }
}

/// The files of a multipart form whose field names are `wanted` (others are read past and
/// dropped; empty file inputs left out), each written chunk by chunk as it arrives into `dir`
/// under its field name, never held whole in memory; or the page that says why the form
/// cannot be read (413 past `limit`).
pub(super) async fn uploads(
    state: &AppState,
    lang: Lang,
    mut form: Multipart,
    dir: &Path,
    wanted: &[&str],
    limit: usize,
) -> Result<BTreeMap<String, Upload>, Response> {
    use tokio::io::AsyncWriteExt as _;
    let refused = |e: axum::extract::multipart::MultipartError| {
        let status = e.status();
        let key = if status == StatusCode::PAYLOAD_TOO_LARGE {
            too_large_word(limit)
        } else {
            "work_bad_form"
        };
        state.error(lang, status, text::get(lang, key))
    };
    let cannot = |e: std::io::Error| {
        state.error(
            lang,
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("{}{e}", text::get(lang, "work_cannot_save")),
        )
    };
    let mut files = BTreeMap::new();
    while let Some(mut field) = form.next_field().await.map_err(refused)? {
        let key = field.name().unwrap_or_default().to_string();
        let name = field.file_name().unwrap_or_default().to_string();
        let Some(key) = wanted.iter().find(|w| **w == key) else {
            while field.chunk().await.map_err(refused)?.is_some() {}
            continue;
        };
        let path = dir.join(key);
        let mut file = tokio::fs::File::create(&path).await.map_err(cannot)?;
        let mut size = 0u64;
        while let Some(chunk) = field.chunk().await.map_err(refused)? {
            size += chunk.len() as u64;
            file.write_all(&chunk).await.map_err(cannot)?;
        }
        file.flush().await.map_err(cannot)?;
        if !name.is_empty() || size > 0 {
            files.insert(key.to_string(), Upload { name, path });
        }
    }
    Ok(files)
}

/// The uploads of a job's form: field `required` and the other `wanted` fields, saved under
/// `OUT/uploads/job-{id}/`; or the page that says why there are none: 413 past `limit`
/// (declared or met), 400 without the file. On a refusal the job is forgotten and its folder
/// removed.
pub(super) async fn uploaded(
    state: &AppState,
    lang: Lang,
    job: &Job,
    (headers, form): (&HeaderMap, Multipart),
    (required, wanted): (&str, &[&str]),
    limit: usize,
) -> Result<(Upload, BTreeMap<String, Upload>), Response> {
    let refuse = |r: Response| {
        state.jobs.forget(job.id);
        let _ = std::fs::remove_dir_all(upload_dir_of(&state.out, job.id));
        r
    };
    if declared_too_large(headers, limit) {
        return Err(refuse(state.error(
            lang,
            StatusCode::PAYLOAD_TOO_LARGE,
            text::get(lang, too_large_word(limit)),
        )));
    }
    let dir = match upload_dir(&state.out, job.id) {
        Ok(d) => d,
        Err(e) => return Err(refuse(cannot_save(state, lang, job.id, &e))),
    };
    let mut files = match uploads(state, lang, form, &dir, wanted, limit).await {
        Ok(f) => f,
        Err(r) => return Err(refuse(r)),
    };
    match files.remove(required) {
        Some(f) => Ok((f, files)),
        None => Err(refuse(state.error(
            lang,
            StatusCode::BAD_REQUEST,
            text::get(lang, "work_no_file"),
        ))),
    }
}

/// The last component of a name a browser sent, without control characters: only shown, and
/// named in a comment of the case files (escaped there as every value is).
pub(super) fn shown_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    last.chars().filter(|c| !c.is_control()).collect()
}

pub(super) fn upload_dir_of(out: &Path, id: u64) -> PathBuf {
    out.join("uploads").join(format!("job-{id}"))
}

/// `OUT/uploads/job-{id}/`, empty.
pub(super) fn upload_dir(out: &Path, id: u64) -> std::io::Result<PathBuf> {
    let dir = upload_dir_of(out, id);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The page that says an upload could not be saved; the job that was to use it forgotten.
pub(super) fn cannot_save(state: &AppState, lang: Lang, job: u64, e: &std::io::Error) -> Response {
    state.jobs.forget(job);
    state.error(
        lang,
        StatusCode::INTERNAL_SERVER_ERROR,
        &format!("{}{e}", text::get(lang, "work_cannot_save")),
    )
}

//! The work pages (`/work`): import a list, print the visit pack, build and download the
//! archive, verify an archive; long jobs report their progress ([`super::jobs`]).

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use super::{AppState, PageLang};

/// The work pages' templates (`templates/serve/work*.html`): name and text.
pub const TEMPLATES: &[(&str, &str)] =
    &[("work.html", include_str!("../../templates/serve/work.html"))];

/// The work pages' scripts and styles (`assets/serve/`): name, content type, text.
pub const ASSETS: &[(&str, &str, &str)] = &[];

/// The work pages' words: key, Chinese, English (merged into the table of [`super::text`]).
pub const WORDS: &[(&str, &str, &str)] = &[("work_title", "办理", "Work")];

/// The routes of the work pages.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/work", get(page))
}

async fn page(State(state): State<Arc<AppState>>, PageLang(lang): PageLang) -> Response {
    state.page(lang, "work", "work.html", tera::Context::new())
}

//! What every request passes before a handler sees it.
//!
//! - The `Host` header must name the address the server listens on (`127.0.0.1:PORT`,
//!   `localhost:PORT`, `[::1]:PORT`): a page of another site whose name was made to resolve to
//!   127.0.0.1 (DNS rebinding) sends its own name and is refused.
//! - The access token must come with the request: `?token=` (then a cookie is set and the
//!   browser sent on to the same address without the token), the cookie (HttpOnly,
//!   SameSite=Strict), or the header `X-Spotcheck-Token`. Otherwise 403.
//! - A request that changes something (any method but GET and HEAD) must come from a page of
//!   this server: its `Origin` names this server; or its `Origin` is absent or `null` (what a
//!   browser sends under some referrer policies and for some form posts) and `Sec-Fetch-Site`
//!   says `same-origin` (a header no page can set). Otherwise 403, whatever carries the
//!   token. The pages are served with `Referrer-Policy: same-origin`, under which a browser
//!   names the origin of its own posts.
//! - The address a token in the query is traded for is a path of this server: leading slashes
//!   and backslashes become one `/` (`//elsewhere.example/` is no way out).
//! - `?lang=en|zh` chooses the language and is remembered in the `lang` cookie.
//!
//! Every response forbids framing and loading anything from elsewhere
//! (`Content-Security-Policy`).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::{AppState, PageLang, text};
use spotcheck_core::messages::Lang;

/// The name of the cookie that carries the token: one per port, so that two servers on the
/// same machine do not take each other's.
pub(crate) fn token_cookie(addr: SocketAddr) -> String {
    format!("spotcheck_token_{}", addr.port())
}

/// The header a program may send the token in.
pub(crate) const TOKEN_HEADER: &str = "x-spotcheck-token";

/// The guard: host, language, token, origin; then the handler; then the headers every page
/// carries.
pub(crate) async fn guard(
    State(state): State<Arc<AppState>>,
    mut req: Request,
    next: Next,
) -> Response {
    let query = req.uri().query().unwrap_or("").to_string();
    let params = query_pairs(&query);
    let lang_asked = params
        .iter()
        .find_map(|(k, v)| match (k.as_str(), v.as_str()) {
            ("lang", "en") => Some(Lang::En),
            ("lang", "zh") => Some(Lang::Zh),
            _ => None,
        });
    let cookies = cookies(req.headers());
    let lang = lang_asked
        .or_else(|| {
            cookies
                .iter()
                .find_map(|(k, v)| match (k.as_str(), v.as_str()) {
                    ("lang", "en") => Some(Lang::En),
                    ("lang", "zh") => Some(Lang::Zh),
                    _ => None,
                })
        })
        .unwrap_or(state.lang);

    // A page's script asks for JSON: it is refused in JSON, so that it can say why (and keep
    // what was typed) rather than fail on a page of HTML.
    let wants_json = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    let refuse = |key: &'static str| {
        if wants_json {
            let body = serde_json::json!({
                "status": "refused",
                "signin": key == "no_token",
                "message": text::get(lang, if key == "no_token" { "signed_out" } else { key }),
            });
            (StatusCode::FORBIDDEN, axum::Json(body)).into_response()
        } else {
            state.error(lang, StatusCode::FORBIDDEN, text::get(lang, key))
        }
    };
    let mut response = 'checked: {
        if !host_allowed(req.headers(), state.addr) {
            break 'checked refuse("bad_host");
        }
        let by_query = params
            .iter()
            .any(|(k, v)| k == "token" && same(v, &state.token));
        let by_cookie = cookies
            .iter()
            .any(|(k, v)| *k == token_cookie(state.addr) && same(v, &state.token));
        let by_header = req
            .headers()
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| same(v, &state.token));
        if !(by_query || by_cookie || by_header) {
            break 'checked refuse("no_token");
        }
        let changes = !matches!(*req.method(), Method::GET | Method::HEAD);
        if changes && !same_origin(req.headers(), state.addr) {
            break 'checked refuse("cross_origin");
        }
        if by_query && !changes {
            // The token leaves the address bar (and the history) for a cookie.
            let rest: Vec<String> = params
                .iter()
                .filter(|(k, _)| k != "token")
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect();
            let path = local_path(req.uri().path());
            let to = if rest.is_empty() {
                path
            } else {
                format!("{path}?{}", rest.join("&"))
            };
            let mut r = Redirect::to(&to).into_response();
            let cookie = format!(
                "{}={}; HttpOnly; SameSite=Strict; Path=/",
                token_cookie(state.addr),
                state.token
            );
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            break 'checked r;
        }
        req.extensions_mut().insert(PageLang(lang));
        next.run(req).await
    };

    let h = response.headers_mut();
    if let Some(l) = lang_asked {
        let cookie = format!(
            "lang={}; SameSite=Strict; Path=/; Max-Age=31536000",
            super::lang_code(l)
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.append(header::SET_COOKIE, v);
        }
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// Whether the `Host` header names this server: its own address, or for a loopback address
/// `localhost` and the other loopback forms, always with the port. A server told to listen on
/// every interface (`0.0.0.0`) accepts any IP address with its port, never a name.
pub(crate) fn host_allowed(headers: &HeaderMap, addr: SocketAddr) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    allowed_hosts(addr)
        .iter()
        .any(|h| h.eq_ignore_ascii_case(host))
        || (addr.ip().is_unspecified() && ip_with_port(host, addr.port()))
}

fn allowed_hosts(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut hosts = vec![super::host_of(addr)];
    if addr.ip().is_loopback() {
        hosts.push(format!("localhost:{port}"));
        hosts.push(format!("127.0.0.1:{port}"));
        hosts.push(format!("[::1]:{port}"));
    }
    hosts
}

fn ip_with_port(host: &str, port: u16) -> bool {
    let Some((ip, p)) = host.rsplit_once(':') else {
        return false;
    };
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    p == port.to_string() && ip.parse::<IpAddr>().is_ok()
}

/// Whether a state-changing request comes from a page of this server: an `Origin` naming the
/// host it was sent to (itself one of this server's names), or, with no `Origin` or the opaque
/// `null`, the browser's own word `Sec-Fetch-Site: same-origin` (a page cannot set it).
pub(crate) fn same_origin(headers: &HeaderMap, addr: SocketAddr) -> bool {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let fetch_site_same = || {
        headers
            .get("sec-fetch-site")
            .and_then(|s| s.to_str().ok())
            .is_some_and(|s| s == "same-origin")
    };
    match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        None | Some("null") => fetch_site_same(),
        Some(origin) => match (origin.strip_prefix("http://"), host) {
            (Some(o), Some(h)) => o.eq_ignore_ascii_case(h) && host_allowed(headers, addr),
            _ => false,
        },
    }
}

/// A request's path made a path of this server: `//host/x` or `/\\host` (which a browser reads as
/// another host) becomes `/host/x`.
pub(crate) fn local_path(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

/// Compares in time that does not depend on where the strings differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn cookies(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            Some((k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// The pairs of a query string, decoded.
pub(crate) fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding (`+` a space), lossy on invalid UTF-8.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encoding of everything but unreserved characters.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

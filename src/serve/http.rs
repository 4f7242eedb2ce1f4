//! The preview HTTP server: pages from memory (never from the file system, so nothing outside
//! the built site can be served), live-reload events over SSE, and refusal of foreign `Host`
//! headers (DNS rebinding).

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use super::preview::Preview;
use crate::render::escape;

const LIVE_JS: &str = include_str!("live.js");

/// A message to open pages.
#[derive(Clone, Debug)]
pub enum LiveEvent {
    Reload(u64),
    Errors(String),
    /// The server is stopping: live-reload streams end, so shutdown does not wait on them.
    Shutdown,
}

#[derive(Clone)]
pub struct App {
    pub preview: Arc<RwLock<Preview>>,
    pub events: broadcast::Sender<LiveEvent>,
    /// Accepted `Host` header values; `None` accepts any (the user chose a public bind).
    pub hosts: Option<Arc<Vec<String>>>,
}

pub fn router(app: App) -> Router {
    Router::new()
        .route("/__stepdoc/events", get(events))
        .route("/__stepdoc/live.js", get(live_js))
        .fallback(get(page))
        .with_state(app)
}

fn host_allowed(app: &App, headers: &HeaderMap) -> bool {
    let Some(hosts) = &app.hosts else {
        return true;
    };
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|host| hosts.iter().any(|a| a.eq_ignore_ascii_case(host)))
}

fn refuse_host() -> Response {
    (
        StatusCode::FORBIDDEN,
        "stepdoc serve: unknown Host header\n",
    )
        .into_response()
}

async fn live_js(State(app): State<App>, headers: HeaderMap) -> Response {
    if !host_allowed(&app, &headers) {
        return refuse_host();
    }
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVE_JS,
    )
        .into_response()
}

async fn events(State(app): State<App>, headers: HeaderMap) -> Response {
    if !host_allowed(&app, &headers) {
        return refuse_host();
    }
    let initial = {
        let preview = app
            .preview
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &preview.errors {
            Some(text) => Event::default().event("errors").data(text.clone()),
            None => Event::default()
                .event("hello")
                .data(preview.version.to_string()),
        }
    };
    let updates = BroadcastStream::new(app.events.subscribe())
        .take_while(|event| !matches!(event, Ok(LiveEvent::Shutdown)))
        .filter_map(|event| match event.ok()? {
            LiveEvent::Reload(version) => {
                Some(Event::default().event("reload").data(version.to_string()))
            }
            LiveEvent::Errors(text) => Some(Event::default().event("errors").data(text)),
            LiveEvent::Shutdown => None,
        });
    let stream = tokio_stream::once(initial)
        .chain(updates)
        .map(Ok::<_, Infallible>);
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// Decode `%XX` escapes; `None` for a `%` not followed by two hex digits, or for bytes that are
/// not UTF-8. (The decoder passes a malformed escape through as text; a path holding one is
/// refused instead, as a request no page can answer.)
pub fn percent_decode(path: &str) -> Option<String> {
    let well_formed = path.split('%').skip(1).all(|after| {
        after
            .as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

/// The output key of a request path, or `None` if the path tries to leave the site.
pub fn output_key(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" => {}
            "." | ".." => return None,
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        _ => "application/octet-stream",
    }
}

/// Add the live-reload script (and the error overlay) to an HTML page.
fn inject(html: &[u8], errors: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut extra = String::from("<script src=\"/__stepdoc/live.js\"></script>\n");
    if let Some(errors) = errors {
        let (first, warnings) = split_warnings(errors);
        let folded = if warnings.is_empty() {
            String::new()
        } else {
            let count = warnings
                .lines()
                .filter(|line| line.starts_with("warning["))
                .count();
            format!(
                "<details><summary>{count} warning(s)</summary><pre>{}</pre></details>",
                escape(warnings)
            )
        };
        extra.push_str(&format!(
            "<div id=\"stepdoc-overlay\" role=\"alert\"><pre>{}</pre>{folded}</div>\n",
            escape(first)
        ));
    }
    extra.push_str(OVERLAY_STYLE);
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// The overlay's text split into the errors (shown) and the warnings (folded): the report lists
/// errors first, so the warnings start at the first line beginning with `warning[`.
fn split_warnings(text: &str) -> (&str, &str) {
    let at = if text.starts_with("warning[") {
        Some(0)
    } else {
        text.find("\nwarning[").map(|i| i + 1)
    };
    at.map_or((text, ""), |i| text.split_at(i))
}

const OVERLAY_STYLE: &str = "<style>#stepdoc-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;background:#2b0b0b;color:#ffe9e9;border-top:4px solid #ff5c5c;padding:1rem 1.25rem;z-index:99999;font:13px/1.45 ui-monospace,monospace}#stepdoc-overlay pre{margin:0;white-space:pre-wrap}#stepdoc-overlay summary{cursor:pointer;margin-top:.75rem}</style>\n";

fn respond(status: StatusCode, key: &str, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(key)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn page(State(app): State<App>, headers: HeaderMap, uri: Uri) -> Response {
    if !host_allowed(&app, &headers) {
        return refuse_host();
    }
    let Some(key) = output_key(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "stepdoc serve: bad path\n").into_response();
    };
    let (found, media, redirect, not_found, errors) = {
        let preview = app
            .preview
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let rendered = &preview.rendered;
        let found = rendered.file(&key).map(<[u8]>::to_vec);
        let media = preview.media.get(&key).cloned();
        let redirect = found.is_none()
            && media.is_none()
            && rendered.file(&format!("{key}/index.html")).is_some();
        let not_found = rendered.file("404.html").map(<[u8]>::to_vec);
        (found, media, redirect, not_found, preview.errors.clone())
    };
    if redirect {
        // Built from the normalized key, never from the raw path: `//en` must not become the
        // scheme-relative `//en/` (another host).
        let location = format!("/{key}/");
        return (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response();
    }
    if let Some(bytes) = found {
        let body = if key.ends_with(".html") {
            inject(&bytes, errors.as_deref())
        } else {
            bytes
        };
        return respond(StatusCode::OK, &key, body);
    }
    if let Some(bytes) = media {
        // Screenshots were read and checked when the site was built; nothing is read now.
        return respond(StatusCode::OK, &key, bytes.to_vec());
    }
    let body = not_found.map_or_else(
        || b"not found\n".to_vec(),
        |b| inject(&b, errors.as_deref()),
    );
    respond(StatusCode::NOT_FOUND, "404.html", body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_to_output_keys_and_traversal_is_refused() {
        assert_eq!(output_key("/").as_deref(), Some("index.html"));
        assert_eq!(
            output_key("/nl/guide/").as_deref(),
            Some("nl/guide/index.html")
        );
        assert_eq!(
            output_key("/assets/style.css").as_deref(),
            Some("assets/style.css")
        );
        assert_eq!(
            output_key("/fi/g/a%20b.png").as_deref(),
            Some("fi/g/a b.png")
        );
        assert_eq!(output_key("/../site.yaml"), None);
        assert_eq!(output_key("/%2e%2e/site.yaml"), None);
        assert_eq!(output_key("/%2E%2E%2Fsite.yaml"), None);
        assert_eq!(output_key("/a/..%5csite.yaml"), None);
        assert_eq!(output_key("/a%00"), None);
        assert_eq!(output_key("/%zz"), None);
        assert_eq!(output_key("/a%2"), None);
        assert_eq!(output_key("/a%+f"), None);
        assert_eq!(output_key("/%C3%A9.png").as_deref(), Some("é.png"));
        assert_eq!(output_key("/%C3"), None);
        assert_eq!(output_key("/%ff%fe"), None);
    }

    #[test]
    fn injection_escapes_errors() {
        let html = inject(
            b"<html><body><p>x</p></body></html>",
            Some("<script>bad</script>"),
        );
        let text = String::from_utf8(html).unwrap_or_default();
        assert!(text.contains("&lt;script&gt;bad"));
        assert!(text.contains("/__stepdoc/live.js"));
        assert!(text.ends_with("</body></html>"));
    }

    #[test]
    fn the_overlay_shows_errors_and_folds_warnings() {
        let report =
            "error[unknown-term]: a\n --> x\n\nwarning[missing]: b\n\nwarning[missing]: c\n";
        let text = String::from_utf8(inject(b"<body></body>", Some(report))).unwrap_or_default();
        let details = text.find("<details>").unwrap_or(0);
        assert!(text.find("error[unknown-term]").unwrap_or(usize::MAX) < details);
        assert!(text.contains("<summary>2 warning(s)</summary>"), "{text}");
        assert!(text.rfind("warning[missing]").unwrap_or(0) > details);
        let only_errors =
            String::from_utf8(inject(b"<body></body>", Some("error[x]: a\n"))).unwrap_or_default();
        assert!(!only_errors.contains("<details>"));
    }
}

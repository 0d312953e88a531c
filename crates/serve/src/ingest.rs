//! `POST /api/documents`: ingest one article over HTTP. Off unless the server was started with
//! `--allow-ingest`; then every request needs `Authorization: Bearer <token>` with the token
//! from the environment. The body is the article itself (`text/plain`, `text/markdown`,
//! `text/html`) or JSON `{"text", "title", "url", "outlet", "published"}`; the article goes
//! through the same pipeline as `dyad analyze` and is stored in one transaction, so posting the
//! same article twice stores it once.

use crate::error::ApiError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use dyad_ingest::RawInput;
use dyad_model::{DateBasis, DocumentMeta, InputFormat};
use dyad_store::Store;
use serde_json::{json, Value};
use std::sync::Arc;

/// The largest article body accepted, in bytes.
pub const MAX_BODY: usize = 2 * 1024 * 1024;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Posted {
    text: String,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    #[serde(default)]
    html: bool,
}

/// Whether two byte strings are equal, in time that depends only on their lengths.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.ingest_token else {
        return Err(ApiError {
            status: StatusCode::FORBIDDEN,
            message: "ingestion is off: start the server with --allow-ingest".into(),
        });
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match given {
        Some(g) if same_secret(g.trim().as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => {
            Err(ApiError { status: StatusCode::UNAUTHORIZED, message: "wrong bearer token".into() })
        }
        None => Err(ApiError {
            status: StatusCode::UNAUTHORIZED,
            message: "missing `Authorization: Bearer <token>` header".into(),
        }),
    }
}

fn raw_input(headers: &HeaderMap, body: &[u8]) -> Result<RawInput, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default();
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::bad_request(format!("the body is not UTF-8: {e}")))?;
    let (format, is_html) = match content_type.as_str() {
        "text/plain" => (InputFormat::Text, false),
        "text/markdown" => (InputFormat::Markdown, false),
        "text/html" => (InputFormat::Html, true),
        "application/json" => {
            let p: Posted = serde_json::from_str(text)
                .map_err(|e| ApiError::bad_request(format!("the JSON body is not an article: {e}")))?;
            let published = match &p.published {
                Some(d) => Some(dyad_model::Date::parse_iso(d).ok_or_else(|| {
                    ApiError::bad_request(format!("published: {d:?} is not a date (YYYY-MM-DD)"))
                })?),
                None => None,
            };
            let supplied = DocumentMeta {
                title: p.title,
                url: p.url,
                outlet: p.outlet,
                published,
                published_basis: published.map(|_| DateBasis::Meta),
                ..DocumentMeta::default()
            };
            let format = if p.html { InputFormat::Html } else { InputFormat::Text };
            return Ok(RawInput { source: "POST /api/documents".into(), format, content: p.text, is_html: p.html, supplied });
        }
        other => {
            return Err(ApiError {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                message: format!(
                    "content type {other:?} is not an article: use text/plain, text/markdown, text/html or application/json"
                ),
            })
        }
    };
    Ok(RawInput {
        source: "POST /api/documents".into(),
        format,
        content: text.to_string(),
        is_html,
        supplied: DocumentMeta::default(),
    })
}

pub async fn post_document(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    authorise(&state, &headers)?;
    if body.len() > MAX_BODY {
        return Err(ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: format!(
                "the article is {} bytes; at most {MAX_BODY} are accepted",
                body.len()
            ),
        });
    }
    let raw = raw_input(&headers, &body)?;
    let _writer = state.write_lock.lock().await;
    let st = Arc::clone(&state);
    let (id, inserted) = tokio::task::spawn_blocking(move || {
        let document =
            dyad_ingest::build_document(raw).map_err(|e| ApiError::bad_request(e.to_string()))?;
        let analysis = dyad_pipeline::Analyzer::new(&st.lexicon).analyze(document);
        let id = analysis.document.id.clone();
        let mut store = st.open_for_write()?;
        let outcome = store.write_batch(std::slice::from_ref(&analysis))?;
        Ok::<_, ApiError>((id, outcome.inserted == 1))
    })
    .await
    .map_err(|e| ApiError::internal(format!("ingest task failed: {e}")))??;
    if inserted {
        state.invalidate();
    }
    let status = if inserted { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(json!({"id": id, "inserted": inserted}))))
}

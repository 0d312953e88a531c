//! The web UI's files: embedded in the binary from `crates/serve/web/` at build time, or read
//! from a folder given with `--assets` (for front-end work without rebuilding).

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::borrow::Cow;
use std::sync::Arc;

#[derive(rust_embed::Embed)]
#[folder = "web/"]
#[exclude = "*.md"]
struct Embedded;

/// Where the UI's files come from.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// A folder that overrides the embedded files.
    pub dir: Option<std::path::PathBuf>,
}

impl Assets {
    fn get(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        if path.split('/').any(|part| part == ".." || part.is_empty()) {
            return None;
        }
        match &self.dir {
            Some(dir) => std::fs::read(dir.join(path)).ok().map(Cow::Owned),
            None => Embedded::get(path).map(|f| f.data),
        }
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn file(assets: &Assets, path: &str) -> Response {
    match assets.get(path) {
        Some(bytes) => (
            [(header::CONTENT_TYPE, content_type(path)), (header::CACHE_CONTROL, "no-cache")],
            bytes.into_owned(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

pub async fn index(State(assets): State<Arc<Assets>>) -> Response {
    file(&assets, "index.html")
}

pub async fn asset(State(assets): State<Arc<Assets>>, Path(path): Path<String>) -> Response {
    file(&assets, &path)
}

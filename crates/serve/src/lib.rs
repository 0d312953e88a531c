//! `dyad serve`: the store behind a JSON API (docs/API.md, described by `/api/openapi.json`) and
//! a web UI embedded in the binary.
//!
//! - [`api`]: read endpoints; [`ingest`]: `POST /api/documents` (off by default);
//! - [`state`]: the connection pool and the corpus-wide views computed once;
//! - [`params`]: checked query parameters; [`json`]: response shapes; [`error`]: JSON errors;
//! - [`assets`]: the UI's files.
//!
//! Every response carries a strict Content-Security-Policy (scripts only from the server itself,
//! no inline script), and the UI writes article text into the page as text, never as markup.

pub mod api;
pub mod assets;
pub mod error;
pub mod ingest;
pub mod json;
pub mod params;
pub mod state;

pub use error::{ApiError, ServeError};
pub use state::AppState;

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// How long a request may take before it gets a 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The environment variable holding the bearer token for `POST /api/documents`.
pub const TOKEN_VARIABLE: &str = "DYAD_TOKEN";

#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// `Some(token)`: `POST /api/documents` is on and needs this bearer token.
    pub ingest_token: Option<String>,
    /// Serve the UI from this folder instead of the embedded copy.
    pub assets: Option<PathBuf>,
}

/// The whole application: API, UI and the layers around them.
pub fn router(state: Arc<AppState>, assets: assets::Assets) -> Router {
    let api = Router::new()
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/stats", get(api::stats))
        .route("/api/documents", get(api::documents).post(ingest::post_document))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/actors", get(api::actors))
        .route("/api/actors/{id}", get(api::actor))
        .route("/api/organisations", get(api::organisations))
        .route("/api/organisations/{id}", get(api::organisation))
        .route("/api/events", get(api::events))
        .route("/api/dyads/{a}/{b}", get(api::dyad))
        .route("/api/claims", get(api::claims))
        .route("/api/conflicts", get(api::conflicts))
        .route("/api/sources", get(api::sources))
        .route("/api/network", get(api::network))
        .route("/api/search", get(api::search))
        .route("/api/{*rest}", axum::routing::any(no_such_endpoint))
        .with_state(state);
    let ui = Router::new()
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .with_state(Arc::new(assets));
    let csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
               connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    api.merge(ui)
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(RequestBodyLimitLayer::new(ingest::MAX_BODY + 1))
        .layer(middleware::from_fn(json_errors))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

async fn no_such_endpoint(req: Request<Body>) -> ApiError {
    ApiError::not_found(format!(
        "no endpoint {} {} (see /api/openapi.json)",
        req.method(),
        req.uri().path()
    ))
}

/// Turns the plain-text errors of the framework (a path that does not parse, a wrong method, a
/// body over the limit, a timeout) into the API's JSON errors.
async fn json_errors(req: Request<Body>, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_api || is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&body);
    let message = if text.trim().is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text.trim().to_string()
    };
    ApiError { status, message }.into_response()
}

/// Serves until Ctrl-C, on a runtime of its own.
pub fn run(config: Config, lexicon: dyad_lexicon::Lexicon) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(config, lexicon))
}

/// Serves until Ctrl-C.
pub async fn serve(config: Config, lexicon: dyad_lexicon::Lexicon) -> Result<(), ServeError> {
    if !config.db.exists() {
        return Err(ServeError::NoDatabase(config.db.display().to_string()));
    }
    // Open once now so that a broken or too-new database fails at start, not on first request.
    dyad_store::SqliteStore::open(&config.db)?;
    let state = Arc::new(AppState::new(config.db.clone(), lexicon, config.ingest_token.clone()));
    let app = router(state, assets::Assets { dir: config.assets.clone() });
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServeError::Bind { addr: config.addr.to_string(), source })?;
    eprintln!(
        "dyad: serving {} at http://{} (ingest {})",
        config.db.display(),
        listener.local_addr()?,
        if config.ingest_token.is_some() { "on" } else { "off" }
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

//! Errors: what can stop the server from starting ([`ServeError`]), and what a request gets back
//! when it fails ([`ApiError`], always a JSON body `{"error": {"status", "message"}}`).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}: no such database (run `dyad analyze` first, or pass --db)")]
    NoDatabase(String),
    #[error(transparent)]
    Store(#[from] dyad_store::StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("server stopped: {0}")]
    Io(#[from] std::io::Error),
    #[error("--allow-ingest needs a bearer token in the environment variable {0}")]
    NoToken(&'static str),
}

/// A failed request: its status and a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message: message.into() }
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: message.into() }
    }
}

impl From<dyad_store::StoreError> for ApiError {
    fn from(e: dyad_store::StoreError) -> ApiError {
        ApiError::internal(format!("store: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, Json(body)).into_response()
    }
}

//! Query-string parameters, checked: an unknown parameter or a malformed value is a 400 that
//! names it, so that a typo in a script fails loudly instead of silently returning everything.

use crate::error::ApiError;
use dyad_model::Date;

/// The default and the largest page size of a list.
pub const DEFAULT_LIMIT: usize = 50;
pub const MAX_LIMIT: usize = 1000;

#[derive(Debug)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Checks that every parameter is one of `allowed` and none is repeated.
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Params, ApiError> {
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&name.as_str()) {
                return Err(ApiError::bad_request(if allowed.is_empty() {
                    format!("unknown parameter {name:?}: this endpoint takes none")
                } else {
                    format!("unknown parameter {name:?} (allowed: {})", allowed.join(", "))
                }));
            }
            if pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(ApiError::bad_request(format!("parameter {name:?} is given twice")));
            }
        }
        Ok(Params(pairs))
    }

    /// A non-empty string value.
    pub fn text(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    pub fn date(&self, name: &str) -> Result<Option<Date>, ApiError> {
        self.text(name)
            .map(|v| {
                Date::parse_iso(&v).ok_or_else(|| {
                    ApiError::bad_request(format!("{name}: {v:?} is not a date (YYYY-MM-DD)"))
                })
            })
            .transpose()
    }

    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.text(name) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                Ok(_) => {
                    Err(ApiError::bad_request(format!("{name}: {v} is above the maximum {max}")))
                }
                Err(_) => Err(ApiError::bad_request(format!(
                    "{name}: {v:?} is not a non-negative whole number"
                ))),
            },
        }
    }

    /// `limit` and `offset`.
    pub fn page(&self) -> Result<(usize, usize), ApiError> {
        Ok((self.number("limit", DEFAULT_LIMIT, MAX_LIMIT)?, self.number("offset", 0, usize::MAX)?))
    }
}

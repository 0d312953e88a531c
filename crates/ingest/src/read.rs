//! Reading inputs: walks files and folders (sorted, so runs are deterministic), reads each file
//! once, splits JSON Lines files into rows, and checks that every input is text of a sane size.
//! This is the only module of dyad that reads files.

use crate::error::{IngestError, Problem};
use dyad_model::{Date, DocumentMeta, InputFormat};
use serde::Deserialize;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Limits applied while reading.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    /// The largest article accepted, in bytes (a file, a JSON Lines row, or standard input).
    pub max_document_bytes: u64,
}

impl Default for ReadConfig {
    fn default() -> Self {
        ReadConfig { max_document_bytes: 10_000_000 }
    }
}

/// One article as read, before extraction and normalisation.
#[derive(Debug, Clone)]
pub struct RawInput {
    /// File path, `path:LINE` for a JSON Lines row, or `-`.
    pub source: String,
    pub format: InputFormat,
    /// The article's content: text, Markdown or HTML.
    pub content: String,
    /// Whether `content` is HTML (true for `.html` files and JSON Lines rows with `html`).
    pub is_html: bool,
    /// Metadata supplied with the input (JSON Lines fields).
    pub supplied: DocumentMeta,
}

/// Iterates over the articles under `paths`, yielding each one or the error that stopped it.
/// Memory stays bounded: files are read one at a time and JSON Lines files row by row.
#[derive(Debug)]
pub struct Inputs {
    config: ReadConfig,
    roots: VecDeque<PathBuf>,
    walker: Option<walkdir::IntoIter>,
    jsonl: Option<JsonlFile>,
}

#[derive(Debug)]
struct JsonlFile {
    path: String,
    reader: BufReader<File>,
    line: usize,
}

/// Starts reading `paths` (files, folders, or `-` for standard input).
pub fn inputs(paths: &[PathBuf], config: ReadConfig) -> Inputs {
    Inputs { config, roots: paths.iter().cloned().collect(), walker: None, jsonl: None }
}

impl Iterator for Inputs {
    type Item = Result<RawInput, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(file) = &mut self.jsonl {
                match next_jsonl_row(file, self.config.max_document_bytes) {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_dir() {
                            continue;
                        }
                        let hidden = entry.file_name().to_str().is_some_and(|n| n.starts_with('.'));
                        if hidden && entry.depth() > 0 {
                            continue;
                        }
                        if let Some(item) = self.open_file(entry.path()) {
                            return Some(item);
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        let name = e.path().map_or_else(String::new, |p| p.display().to_string());
                        let io = e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("filesystem loop"));
                        return Some(Err(IngestError::new(name, Problem::Io(io))));
                    }
                    None => self.walker = None,
                }
            }
            let root = self.roots.pop_front()?;
            if root.as_os_str() == "-" {
                return Some(read_stdin(self.config.max_document_bytes));
            }
            if !root.exists() {
                return Some(Err(IngestError::new(root.display().to_string(), Problem::NotFound)));
            }
            self.walker = Some(
                walkdir::WalkDir::new(&root).follow_links(true).sort_by_file_name().into_iter(),
            );
        }
    }
}

/// The format a file name announces; anything else is sniffed as text.
fn format_of(path: &Path) -> InputFormat {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm" | "xhtml") => InputFormat::Html,
        Some("md" | "markdown") => InputFormat::Markdown,
        Some("jsonl" | "ndjson") => InputFormat::Jsonl,
        _ => InputFormat::Text,
    }
}

impl Inputs {
    fn open_file(&mut self, path: &Path) -> Option<Result<RawInput, IngestError>> {
        let name = path.display().to_string();
        let format = format_of(path);
        if format == InputFormat::Jsonl {
            return match File::open(path) {
                Ok(f) => {
                    self.jsonl = Some(JsonlFile {
                        path: name,
                        reader: BufReader::with_capacity(1 << 16, f),
                        line: 0,
                    });
                    None
                }
                Err(e) => Some(Err(IngestError::new(name, Problem::Io(e)))),
            };
        }
        Some(read_file(path, &name, format, self.config.max_document_bytes))
    }
}

fn read_file(
    path: &Path,
    name: &str,
    format: InputFormat,
    limit: u64,
) -> Result<RawInput, IngestError> {
    let err = |p| IngestError::new(name, p);
    let size = std::fs::metadata(path).map_err(|e| err(Problem::Io(e)))?.len();
    if size > limit {
        return Err(err(Problem::TooLarge { size, limit }));
    }
    let bytes = std::fs::read(path).map_err(|e| err(Problem::Io(e)))?;
    let content = into_text(bytes).map_err(err)?;
    Ok(RawInput {
        source: name.to_string(),
        format,
        is_html: format == InputFormat::Html,
        content,
        supplied: DocumentMeta::default(),
    })
}

fn read_stdin(limit: u64) -> Result<RawInput, IngestError> {
    let err = |p| IngestError::new("-", p);
    let mut bytes = Vec::new();
    std::io::stdin().take(limit + 1).read_to_end(&mut bytes).map_err(|e| err(Problem::Io(e)))?;
    if bytes.len() as u64 > limit {
        return Err(err(Problem::TooLarge { size: bytes.len() as u64, limit }));
    }
    let content = into_text(bytes).map_err(err)?;
    let trimmed = content.trim_start();
    let is_html = trimmed.starts_with('<');
    let format = if is_html { InputFormat::Html } else { InputFormat::Text };
    Ok(RawInput { source: "-".into(), format, is_html, content, supplied: DocumentMeta::default() })
}

/// Checks that bytes are a text article: no NUL bytes, valid UTF-8, not blank.
fn into_text(bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(Problem::Binary { offset });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        Problem::InvalidUtf8 { offset, line }
    })?;
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// A JSON Lines row as users write it. Unknown fields are ignored.
#[derive(Deserialize)]
struct JsonlRow {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
}

fn next_jsonl_row(file: &mut JsonlFile, limit: u64) -> Option<Result<RawInput, IngestError>> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        file.line += 1;
        let name = format!("{}:{}", file.path, file.line);
        // Read at most limit+1 bytes of the line, then skip the rest of an oversized line.
        let n = match (&mut file.reader).take(limit + 1).read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) => return Some(Err(IngestError::new(name, Problem::Io(e)))),
        };
        if n as u64 > limit && buf.last() != Some(&b'\n') {
            let mut skipped = n as u64;
            let mut sink = Vec::new();
            loop {
                sink.clear();
                match (&mut file.reader).take(1 << 20).read_until(b'\n', &mut sink) {
                    Ok(0) => break,
                    Ok(k) => {
                        skipped += k as u64;
                        if sink.last() == Some(&b'\n') {
                            break;
                        }
                    }
                    Err(_) => break,
                }
            }
            return Some(Err(IngestError::new(name, Problem::TooLarge { size: skipped, limit })));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        return Some(parse_jsonl_row(&buf, name));
    }
}

fn parse_jsonl_row(line: &[u8], name: String) -> Result<RawInput, IngestError> {
    let err = |p| IngestError::new(name.clone(), p);
    let row: JsonlRow =
        serde_json::from_slice(line).map_err(|e| err(Problem::Json(e.to_string())))?;
    let (content, is_html) = match (row.text, row.html) {
        (Some(t), _) if !t.trim().is_empty() => (t, false),
        (_, Some(h)) if !h.trim().is_empty() => (h, true),
        (Some(_), _) | (_, Some(_)) => return Err(err(Problem::Empty)),
        (None, None) => return Err(err(Problem::MissingText)),
    };
    if content.contains('\0') {
        return Err(err(Problem::Binary { offset: content.find('\0').unwrap_or(0) }));
    }
    let published = match row.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(p) => Some(Date::parse_iso(p).ok_or_else(|| err(Problem::BadDate(p.to_string())))?),
        None => None,
    };
    let external_id = row.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(RawInput {
        source: name.clone(),
        format: InputFormat::Jsonl,
        content,
        is_html,
        supplied: DocumentMeta {
            title: row.title,
            outlet: row.outlet,
            url: row.url,
            external_id,
            published_basis: published.map(|_| dyad_model::DateBasis::Meta),
            published,
            ..DocumentMeta::default()
        },
    })
}

//! PETRARCH's XML unit-test records: `<Environment>` names the dictionaries, `<Config>`
//! elements between sentences change options for the sentences after them, and each
//! `<Sentence>` has `<EventCoding>` expectations (or `noevents`, or an `error`), a `<Text>`
//! and a Penn Treebank `<Parse>`.

use std::path::Path;

use crate::coder::CoderConfig;
use crate::PetrarchError;

/// The dictionary files the records name.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `<Verbfile>`.
    pub verbs: Option<String>,
    /// `<Actorfile>`.
    pub actors: Option<String>,
    /// `<Agentfile>`.
    pub agents: Option<String>,
    /// `<Discardfile>`.
    pub discards: Option<String>,
}

/// An expected event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Triple {
    /// Source code.
    pub source: String,
    /// Target code.
    pub target: String,
    /// Event code.
    pub code: String,
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// What a record expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// These events (none for `noevents`).
    Events(Vec<Triple>),
    /// An error: `storydiscard`, `sentencediscard`, `dateline`, `bad_input_parse`.
    Error(String),
}

/// One unit-test record.
#[derive(Debug, Clone)]
pub struct Record {
    /// `id` (not unique in the file).
    pub id: String,
    /// `category`.
    pub category: String,
    /// `valid="true"`.
    pub valid: bool,
    /// `date` as (year, month, day).
    pub date: Option<(i32, u8, u8)>,
    /// The sentence, whitespace collapsed.
    pub text: String,
    /// The Penn Treebank parse.
    pub parse: Option<String>,
    /// Expectation.
    pub expected: Expected,
    /// Options in force for this record.
    pub config: CoderConfig,
}

/// Reads a records file.
pub fn read_records(path: &Path) -> Result<(Environment, Vec<Record>), PetrarchError> {
    let text = std::fs::read_to_string(path).map_err(|e| PetrarchError::io(path, e))?;
    parse_records(&text, path)
}

/// Parses records from text; `path` names the source in errors.
pub fn parse_records(text: &str, path: &Path) -> Result<(Environment, Vec<Record>), PetrarchError> {
    let err = |message: String| PetrarchError::Records { path: path.to_path_buf(), message };
    let doc = roxmltree::Document::parse(text).map_err(|e| err(e.to_string()))?;
    let mut env = Environment::default();
    let mut config = CoderConfig::default();
    let mut records = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let text_of = |n: roxmltree::Node<'_, '_>| n.text().map(|t| t.trim().to_string());
        match node.tag_name().name() {
            "Verbfile" => env.verbs = text_of(node),
            "Actorfile" => env.actors = text_of(node),
            "Agentfile" => env.agents = text_of(node),
            "Discardfile" => env.discards = text_of(node),
            "Config" if node.parent().is_some_and(|p| p.tag_name().name() != "Environment") => {
                let option = node.attribute("option").unwrap_or("").to_lowercase();
                let value = node.attribute("value").unwrap_or("").trim().to_lowercase();
                apply_option(&mut config, &option, &value)
                    .map_err(|m| err(format!("line {}: {m}", line_of(&doc, node))))?;
            }
            "Sentence" => records.push(read_sentence(&doc, node, &config).map_err(err)?),
            _ => {}
        }
    }
    Ok((env, records))
}

fn line_of(doc: &roxmltree::Document<'_>, node: roxmltree::Node<'_, '_>) -> u32 {
    doc.text_pos_at(node.range().start).row
}

fn apply_option(c: &mut CoderConfig, option: &str, value: &str) -> Result<(), String> {
    let num = || value.parse::<usize>().map_err(|_| format!("bad value {value:?} for {option}"));
    match option {
        "require_dyad" => c.require_dyad = value == "true",
        "new_actor_length" => c.new_actor_length = num()?,
        "comma_min" => c.comma_min = num()?,
        "comma_max" => c.comma_max = num()?,
        "comma_bmin" => c.comma_bmin = num()?,
        "comma_bmax" => c.comma_bmax = num()?,
        "comma_emin" => c.comma_emin = num()?,
        "comma_emax" => c.comma_emax = num()?,
        _ => {}
    }
    Ok(())
}

fn read_sentence(
    doc: &roxmltree::Document<'_>,
    node: roxmltree::Node<'_, '_>,
    config: &CoderConfig,
) -> Result<Record, String> {
    let id = node.attribute("id").unwrap_or("").trim().to_string();
    let at = || format!("line {} (record {id})", line_of(doc, node));
    let date = node.attribute("date").and_then(|d| {
        let d = d.trim();
        if d.len() != 8 {
            return None;
        }
        Some((d[..4].parse().ok()?, d[4..6].parse().ok()?, d[6..].parse().ok()?))
    });
    let mut text = None;
    let mut parse = None;
    let mut events = Vec::new();
    let mut error = None;
    for child in node.children().filter(|n| n.is_element()) {
        match child.tag_name().name() {
            "Text" => {
                let t = child.text().unwrap_or("");
                text = Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            "Parse" => parse = child.text().map(str::to_string),
            "EventCoding" => {
                if let Some(e) = child.attribute("error") {
                    error = Some(e.trim().to_string());
                } else if child.attribute("noevents").is_some() {
                } else {
                    let get = |a: &str| {
                        child
                            .attribute(a)
                            .map(|v| v.trim().to_string())
                            .ok_or_else(|| format!("{}: EventCoding without {a}", at()))
                    };
                    events.push(Triple {
                        source: get("sourcecode")?,
                        target: get("targetcode")?,
                        code: get("eventcode")?,
                    });
                }
            }
            _ => {}
        }
    }
    let text = text.ok_or_else(|| format!("{}: no <Text>", at()))?;
    Ok(Record {
        id,
        category: node.attribute("category").unwrap_or("").trim().to_string(),
        valid: node.attribute("valid").is_none_or(|v| v.trim().eq_ignore_ascii_case("true")),
        date,
        text,
        parse,
        expected: match error {
            Some(e) => Expected::Error(e),
            None => Expected::Events(events),
        },
        config: config.clone(),
    })
}

/// The words of a Penn Treebank parse as text ("'s" and "n't" rejoined as written), or
/// `None` when its brackets do not balance.
pub fn parse_text(parse: &str) -> Option<String> {
    let mut depth = 0i64;
    for c in parse.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        return None;
    }
    // Leaves are "(TAG word)".
    let mut words: Vec<String> = Vec::new();
    let bytes = parse.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let rest = &parse[i + 1..];
            if let Some(close) = rest.find(')') {
                let inner = &rest[..close];
                if !inner.contains('(') {
                    let mut parts = inner.split_whitespace();
                    if let (Some(tag), Some(word)) = (parts.next(), parts.next()) {
                        let w = match word {
                            "-LRB-" => "(",
                            "-RRB-" => ")",
                            w => w,
                        };
                        if tag == "POS" {
                            if let Some(last) = words.last_mut() {
                                last.push_str(w);
                                i += close + 2;
                                continue;
                            }
                        }
                        words.push(w.to_string());
                    }
                    i += close + 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<Environment><Verbfile>V.txt</Verbfile><Actorfile>A.txt</Actorfile></Environment>
<Sentences>
<Config option="require_dyad" value="False"></Config>
<Sentence date="19950101" id="X-1" category="DEMO" valid="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored   ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor) (POS 's)) (VP (VBD did) (RB n't))))</Parse>
</Sentence>
<Sentence date="19950101" id="X-2" category="ERROR" valid="false">
<EventCoding error="storydiscard"></EventCoding>
<Text>A typhoon.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn reads_records_and_config() {
        let (env, recs) = parse_records(SAMPLE, Path::new("r.xml")).unwrap();
        assert_eq!(env.verbs.as_deref(), Some("V.txt"));
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "Arnor restored ties with Gondor.");
        assert_eq!(recs[0].date, Some((1995, 1, 1)));
        assert!(!recs[0].config.require_dyad);
        assert_eq!(
            recs[0].expected,
            Expected::Events(vec![Triple {
                source: "ARN".into(),
                target: "GON".into(),
                code: "064".into()
            }])
        );
        assert_eq!(recs[1].expected, Expected::Error("storydiscard".into()));
        assert!(!recs[1].valid);
        assert_eq!(parse_text(recs[0].parse.as_deref().unwrap()).unwrap(), "Arnor's did n't");
        assert_eq!(parse_text("(S (NP x)"), None);
    }

    #[test]
    fn bad_xml_is_an_error() {
        assert!(parse_records("<a><b></a>", Path::new("r.xml")).is_err());
    }
}

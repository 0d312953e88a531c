//! The event codebook and verb lexicon: CAMEO codes with their Goldstein scores, quad classes
//! and PLOVER types (`data/events/cameo.toml`), and dyad's English verbs and phrases with the
//! codes they carry (`data/events/verbs.toml`).

use crate::error::LexiconError;
use serde::Deserialize;
use std::collections::HashMap;

/// One CAMEO code.
#[derive(Debug, Clone, Deserialize)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub quad: u8,
    pub plover: String,
    #[serde(default)]
    pub plover_mode: String,
}

/// A phrase that changes a verb's code: `*` marks the target's place, `$` the source's.
#[derive(Debug, Clone, Deserialize)]
pub struct VerbPattern {
    pub phrase: String,
    pub code: String,
}

/// One verb of the lexicon with its forms and code.
#[derive(Debug, Clone, Deserialize)]
pub struct Verb {
    pub lemma: String,
    pub forms: Vec<String>,
    pub code: String,
    #[serde(default)]
    pub patterns: Vec<VerbPattern>,
    #[serde(default)]
    pub negation_sensitive: bool,
    #[serde(default)]
    pub reported_speech: bool,
    /// The verb codes only when one of its patterns matches (too general alone: "give").
    #[serde(default)]
    pub requires_pattern: bool,
    /// The code CAMEO would give the negated verb ("not accept" -> reject). The coder keeps
    /// negation on the event's modality instead, as its output contract asks; this is kept for
    /// users who want CAMEO's reading.
    #[serde(default)]
    pub negated_code: Option<String>,
}

#[derive(Deserialize)]
struct CameoFile {
    code: Vec<CameoCode>,
}

#[derive(Deserialize)]
struct VerbFile {
    verb: Vec<Verb>,
}

/// The codebook and the verbs, indexed.
#[derive(Debug, Clone, Default)]
pub struct EventLexicon {
    pub codes: HashMap<String, CameoCode>,
    pub verbs: Vec<Verb>,
}

impl EventLexicon {
    /// The codebook and verbs compiled into dyad.
    pub fn builtin() -> Result<EventLexicon, LexiconError> {
        EventLexicon::from_toml(
            ("events/cameo.toml", include_str!("../data/events/cameo.toml")),
            ("events/verbs.toml", include_str!("../data/events/verbs.toml")),
        )
    }

    pub fn from_toml(
        cameo: (&str, &str),
        verbs: (&str, &str),
    ) -> Result<EventLexicon, LexiconError> {
        let parse_err = |file: &str, e: toml::de::Error| LexiconError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        };
        let codes: CameoFile = toml::from_str(cameo.1).map_err(|e| parse_err(cameo.0, e))?;
        let verbs_file: VerbFile = toml::from_str(verbs.1).map_err(|e| parse_err(verbs.0, e))?;
        let codes: HashMap<String, CameoCode> =
            codes.code.into_iter().map(|c| (c.code.clone(), c)).collect();
        for v in &verbs_file.verb {
            for code in std::iter::once(&v.code)
                .chain(v.patterns.iter().map(|p| &p.code))
                .chain(v.negated_code.iter())
            {
                if !codes.contains_key(code) {
                    return Err(LexiconError::Unknown {
                        file: verbs.0.to_string(),
                        id: v.lemma.clone(),
                        what: "CAMEO code",
                        value: code.clone(),
                    });
                }
            }
        }
        Ok(EventLexicon { codes, verbs: verbs_file.verb })
    }

    /// The code, or its nearest ancestor that the codebook lists ("0571" -> "057" -> "05").
    pub fn code(&self, code: &str) -> Option<&CameoCode> {
        let mut c = code;
        loop {
            if let Some(x) = self.codes.get(c) {
                return Some(x);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }
}

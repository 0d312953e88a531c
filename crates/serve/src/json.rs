//! The JSON shapes of the API (docs/API.md), built from store rows and the lexicon.

use dyad_lexicon::Lexicon;
use dyad_model::Date;
use dyad_store::{DocumentSummary, StoredClaim, StoredEvent};
use serde_json::{json, Value};

pub fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

pub fn span(s: (usize, usize)) -> Value {
    json!([s.0, s.1])
}

pub fn document_summary(d: &DocumentSummary) -> Value {
    json!({
        "id": d.id, "source": d.source, "title": d.title, "outlet": d.outlet,
        "published": date(d.published), "published_basis": d.published_basis, "mentions": d.mentions,
    })
}

fn names(lex: &Lexicon, ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| lex.display_name(id).to_string()).collect()
}

pub fn event(e: &StoredEvent, lex: &Lexicon) -> Value {
    json!({
        "doc": e.doc, "title": e.title, "outlet": e.outlet,
        "span": span(e.span), "sentence": span(e.sentence), "quote": e.quote, "sentence_text": e.sentence_text,
        "source": e.source, "source_names": names(lex, &e.source),
        "target": e.target, "target_names": names(lex, &e.target),
        "source_agent": e.source_agent, "target_agent": e.target_agent,
        "cameo": e.cameo, "root": e.root, "goldstein": e.goldstein, "quad": e.quad, "plover": e.plover,
        "date": e.date_value.as_ref().map(|v| json!({
            "value": v, "from": date(e.date_from), "to": date(e.date_to), "basis": e.date_basis,
        })),
        "modality": e.modality, "attributed_to": e.attributed_to,
    })
}

/// A claim as evidence for a membership or relation.
pub fn evidence(c: &StoredClaim) -> Value {
    json!({
        "doc": c.doc, "title": c.title, "outlet": c.outlet, "published": date(c.published),
        "span": span(c.span), "quote": c.quote, "modality": c.modality,
    })
}

pub fn claim(c: &StoredClaim, lex: &Lexicon) -> Value {
    json!({
        "doc": c.doc, "title": c.title, "outlet": c.outlet, "published": date(c.published),
        "subject": c.subject, "subject_name": lex.display_name(&c.subject),
        "predicate": c.predicate, "value": c.value,
        "object": c.object, "object_name": c.object.as_deref().map(|o| lex.display_name(o)),
        "from": date(c.from), "to": date(c.to), "span": span(c.span), "quote": c.quote,
        "modality": c.modality, "basis": c.basis,
    })
}

/// `{"items", "total", "limit", "offset"}`.
pub fn page(items: Vec<Value>, total: usize, limit: usize, offset: usize) -> Value {
    json!({"items": items, "total": total, "limit": limit, "offset": offset})
}

/// Maps byte offsets of `text` to UTF-16 code-unit offsets, for browsers.
#[derive(Debug)]
pub struct Utf16Offsets {
    /// (byte offset, UTF-16 offset) at every non-ASCII character boundary, and at the end.
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Utf16Offsets {
        let mut checkpoints = vec![(0, 0)];
        let mut units = 0;
        for (i, c) in text.char_indices() {
            if !c.is_ascii() {
                checkpoints.push((i, units));
                checkpoints.push((i + c.len_utf8(), units + c.len_utf16()));
            }
            units += c.len_utf16();
        }
        checkpoints.push((text.len(), units));
        Utf16Offsets { checkpoints }
    }

    /// The UTF-16 offset of a byte offset on a char boundary.
    pub fn at(&self, byte: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, u) = self.checkpoints[i];
        // Between checkpoints the text is ASCII: one byte, one unit.
        u + (byte - b)
    }

    pub fn span(&self, s: (usize, usize)) -> Value {
        json!([self.at(s.0), self.at(s.1)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_and_multibyte_chars() {
        let text = "a–b😀c";
        let map = Utf16Offsets::new(text);
        let c = text.find('c').unwrap();
        assert_eq!(map.at(0), 0);
        assert_eq!(map.at(1), 1); // before the en dash (3 bytes, 1 unit)
        assert_eq!(map.at(4), 2); // b
        assert_eq!(map.at(c), 5); // the emoji is 4 bytes, 2 units
        assert_eq!(map.at(text.len()), 6);
        let s: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&s[map.at(c)..map.at(c + 1)]).unwrap(), "c");
    }
}

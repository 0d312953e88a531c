//! The JSON Lines records of `CONTRACT.md`, as serialisable views over the model.

use crate::{Document, Mention};
use serde::Serialize;

/// `{"type":"document", ...}`
#[derive(Debug, Serialize)]
pub struct DocumentRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc: &'a str,
    pub source: &'a str,
    pub format: &'static str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub url: Option<&'a str>,
    pub external_id: Option<&'a str>,
    pub published: Option<String>,
    pub published_basis: Option<&'static str>,
    pub dateline: Option<&'a str>,
    pub text: &'a str,
}

impl<'a> DocumentRecord<'a> {
    pub fn new(doc: &'a Document) -> DocumentRecord<'a> {
        let m = &doc.meta;
        DocumentRecord {
            kind: "document",
            doc: &doc.id,
            source: &doc.source,
            format: doc.format.as_str(),
            title: m.title.as_deref(),
            outlet: m.outlet.as_deref(),
            author: m.author.as_deref(),
            url: m.url.as_deref(),
            external_id: m.external_id.as_deref(),
            published: m.published.map(|d| d.to_string()),
            published_basis: m.published_basis.map(|b| b.as_str()),
            dateline: m.dateline_place.as_deref(),
            text: &doc.text,
        }
    }
}

/// `{"type":"mention", ...}`
#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc: &'a str,
    pub span: crate::Span,
    pub text: &'a str,
    pub entity: Option<&'a str>,
    #[serde(rename = "kind")]
    pub actor_kind: &'static str,
    pub how: &'static str,
}

impl<'a> MentionRecord<'a> {
    pub fn new(doc_id: &'a str, text: &'a str, m: &'a Mention) -> MentionRecord<'a> {
        MentionRecord {
            kind: "mention",
            doc: doc_id,
            span: m.span,
            text: m.span.slice(text),
            entity: m.entity.as_deref(),
            actor_kind: m.kind.as_str(),
            how: m.how.as_str(),
        }
    }
}

/// `{"type":"time", ...}`
#[derive(Debug, Serialize)]
pub struct TimeRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc: &'a str,
    pub span: crate::Span,
    pub text: &'a str,
    pub value: &'a str,
    pub from: Option<String>,
    pub to: Option<String>,
    pub granularity: &'static str,
    #[serde(rename = "kind")]
    pub time_kind: &'static str,
    #[serde(rename = "mod")]
    pub modifier: Option<&'static str>,
    pub basis: crate::TimeBasis,
}

impl<'a> TimeRecord<'a> {
    pub fn new(doc_id: &'a str, text: &'a str, t: &'a crate::TimeExpr) -> TimeRecord<'a> {
        TimeRecord {
            kind: "time",
            doc: doc_id,
            span: t.span,
            text: t.span.slice(text),
            value: &t.value,
            from: t.from.map(|d| d.to_string()),
            to: t.to.map(|d| d.to_string()),
            granularity: t.granularity.as_str(),
            time_kind: t.kind.as_str(),
            modifier: t.modifier,
            basis: t.basis,
        }
    }
}

/// `{"type":"quantity", ...}`
#[derive(Debug, Serialize)]
pub struct QuantityRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc: &'a str,
    pub span: crate::Span,
    pub text: &'a str,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: &'a str,
    pub scale: Option<&'static str>,
    pub approx: Option<&'static str>,
    pub measure: Option<&'a str>,
    pub subjects: &'a [crate::EntityId],
    pub from: Option<String>,
    pub to: Option<String>,
    pub counted: Option<&'a str>,
}

impl<'a> QuantityRecord<'a> {
    pub fn new(doc_id: &'a str, text: &'a str, q: &'a crate::Quantity) -> QuantityRecord<'a> {
        QuantityRecord {
            kind: "quantity",
            doc: doc_id,
            span: q.span,
            text: q.span.slice(text),
            value: q.value,
            low: q.low,
            high: q.high,
            unit: &q.unit,
            scale: q.scale,
            approx: q.approx,
            measure: q.measure.as_deref(),
            subjects: &q.subjects,
            from: q.from.map(|d| d.to_string()),
            to: q.to.map(|d| d.to_string()),
            counted: q.counted.as_deref(),
        }
    }
}

/// The `date` of an `event` record.
#[derive(Debug, Serialize)]
pub struct EventDateRecord<'a> {
    pub value: &'a str,
    pub from: Option<String>,
    pub to: Option<String>,
    pub basis: crate::DateBasisKind,
}

/// `{"type":"event", ...}`
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub doc: &'a str,
    pub span: crate::Span,
    pub text: &'a str,
    pub sentence: crate::Span,
    pub source: &'a [crate::EntityId],
    pub target: &'a [crate::EntityId],
    pub source_agent: Option<&'a str>,
    pub target_agent: Option<&'a str>,
    pub cameo: &'a str,
    pub root: &'a str,
    pub goldstein: f64,
    pub quad: u8,
    pub plover: &'a str,
    pub date: Option<EventDateRecord<'a>>,
    pub modality: crate::Modality,
    pub attributed_to: Option<&'a str>,
    pub quote: &'a str,
}

impl<'a> EventRecord<'a> {
    pub fn new(doc_id: &'a str, text: &'a str, e: &'a crate::Event) -> EventRecord<'a> {
        EventRecord {
            kind: "event",
            doc: doc_id,
            span: e.span,
            text: e.span.slice(text),
            sentence: e.sentence,
            source: &e.source,
            target: &e.target,
            source_agent: e.source_agent.as_deref(),
            target_agent: e.target_agent.as_deref(),
            cameo: &e.cameo,
            root: &e.root,
            goldstein: e.goldstein,
            quad: e.quad,
            plover: &e.plover,
            date: e.date.as_ref().map(|d| EventDateRecord {
                value: &d.value,
                from: d.from.map(|x| x.to_string()),
                to: d.to.map(|x| x.to_string()),
                basis: d.basis,
            }),
            modality: e.modality,
            attributed_to: e.attributed_to.as_deref(),
            quote: e.sentence.slice(text),
        }
    }
}

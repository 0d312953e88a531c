//! A document's mentions as one compact blob, stored with the document instead of one row per
//! mention: mentions are by far the most numerous rows (35 per document on news), and a row
//! with its index entries costs far more to insert than a few bytes in a blob. Queries across
//! documents use `actor_postings` (per entity, the documents and their mention counts) instead.
//!
//! Layout (little endian): `u16` count of entity ids, each as `u16` length + UTF-8 bytes; `u32`
//! count of mentions, each as `u32` start, `u32` end, `u8` kind, `u8` how, `u16` entity index
//! (`u16::MAX` for an unresolved mention).

use dyad_model::{ActorKind, Mention, MentionHow, Span};

const KINDS: [ActorKind; 7] = [
    ActorKind::State,
    ActorKind::Person,
    ActorKind::Organization,
    ActorKind::Agreement,
    ActorKind::Company,
    ActorKind::Place,
    ActorKind::Other,
];
const HOWS: [MentionHow; 9] = [
    MentionHow::Name,
    MentionHow::Alias,
    MentionHow::Acronym,
    MentionHow::Demonym,
    MentionHow::Capital,
    MentionHow::Title,
    MentionHow::Surname,
    MentionHow::Coref,
    MentionHow::Unknown,
];
const NO_ENTITY: u16 = u16::MAX;

pub(crate) fn encode(mentions: &[Mention]) -> Vec<u8> {
    let mut entities: Vec<&str> = mentions.iter().filter_map(|m| m.entity.as_deref()).collect();
    entities.sort_unstable();
    entities.dedup();
    let mut out = Vec::with_capacity(16 * entities.len() + 12 * mentions.len() + 6);
    out.extend_from_slice(&(entities.len() as u16).to_le_bytes());
    for e in &entities {
        out.extend_from_slice(&(e.len() as u16).to_le_bytes());
        out.extend_from_slice(e.as_bytes());
    }
    out.extend_from_slice(&(mentions.len() as u32).to_le_bytes());
    for m in mentions {
        out.extend_from_slice(&(m.span.start as u32).to_le_bytes());
        out.extend_from_slice(&(m.span.end as u32).to_le_bytes());
        out.push(KINDS.iter().position(|k| *k == m.kind).unwrap_or(6) as u8);
        out.push(HOWS.iter().position(|h| *h == m.how).unwrap_or(0) as u8);
        let index = m
            .entity
            .as_deref()
            .and_then(|e| entities.binary_search(&e).ok())
            .map_or(NO_ENTITY, |i| i as u16);
        out.extend_from_slice(&index.to_le_bytes());
    }
    out
}

/// Reads a blob back; `None` when it is malformed.
pub(crate) fn decode(blob: &[u8]) -> Option<Vec<Mention>> {
    let mut at = 0usize;
    let mut take = |n: usize| -> Option<&[u8]> {
        let piece = blob.get(at..at + n)?;
        at += n;
        Some(piece)
    };
    let u16_at = |b: &[u8]| u16::from_le_bytes([b[0], b[1]]);
    let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let n_entities = u16_at(take(2)?) as usize;
    let mut entities: Vec<dyad_model::EntityId> = Vec::with_capacity(n_entities);
    for _ in 0..n_entities {
        let len = u16_at(take(2)?) as usize;
        entities.push(std::str::from_utf8(take(len)?).ok()?.into());
    }
    let n = u32_at(take(4)?) as usize;
    let mut out = Vec::with_capacity(n.min(blob.len() / 12));
    for _ in 0..n {
        let rec = take(12)?;
        let (start, end) = (u32_at(&rec[0..4]) as usize, u32_at(&rec[4..8]) as usize);
        let index = u16_at(&rec[10..12]);
        out.push(Mention {
            span: Span::new(start, end),
            entity: if index == NO_ENTITY {
                None
            } else {
                Some(entities.get(index as usize)?.clone())
            },
            kind: *KINDS.get(rec[8] as usize)?,
            how: *HOWS.get(rec[9] as usize)?,
        });
    }
    (at == blob.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_survive_the_round_trip() {
        let mentions = vec![
            Mention {
                span: Span::new(0, 10),
                entity: Some("KAZ".into()),
                kind: ActorKind::State,
                how: MentionHow::Name,
            },
            Mention {
                span: Span::new(12, 20),
                entity: None,
                kind: ActorKind::Other,
                how: MentionHow::Unknown,
            },
            Mention {
                span: Span::new(30, 37),
                entity: Some("donald_trump".into()),
                kind: ActorKind::Person,
                how: MentionHow::Surname,
            },
            Mention {
                span: Span::new(40, 46),
                entity: Some("KAZ".into()),
                kind: ActorKind::State,
                how: MentionHow::Demonym,
            },
        ];
        let blob = encode(&mentions);
        assert_eq!(decode(&blob).unwrap(), mentions);
        assert!(decode(&blob[..blob.len() - 1]).is_none(), "a cut blob is malformed");
        assert_eq!(decode(&encode(&[])).unwrap(), Vec::new());
    }
}

//! Loading the lexicon for a command: the built-in data plus the user's `--lexicon` files.

use anyhow::Context;
use dyad_lexicon::Lexicon;
use std::path::PathBuf;

pub(crate) fn load(extra: &[PathBuf]) -> anyhow::Result<Lexicon> {
    let mut lex = Lexicon::builtin().context("built-in lexicon")?;
    for file in extra {
        lex.extend_from_file(file)?;
    }
    Ok(lex)
}

/// A display name for an entity id, falling back to the id.
pub(crate) fn display_name<'a>(lex: &'a Lexicon, id: &'a str) -> &'a str {
    if let Some(s) = lex.state(id) {
        return &s.name;
    }
    if let Some(o) = lex.org(id) {
        return &o.name;
    }
    if let Some(p) = lex.person(id) {
        return &p.name;
    }
    lex.places.iter().find(|p| p.id == id).and_then(|p| p.names.first()).map_or(id, String::as_str)
}

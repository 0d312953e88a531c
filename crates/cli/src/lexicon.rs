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

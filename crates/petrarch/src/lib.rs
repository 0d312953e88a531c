//! PETRARCH/TABARI dictionary compatibility for dyad.
//!
//! Reads the PETRARCH dictionary formats (actors with date-restricted codes, agents, verb
//! patterns with synsets, discards) and codes sentences with them using a shallow coder (no
//! parser): actor and agent phrases by longest match, verbs by their forms, patterns around
//! the verb, subject-verb-object otherwise. [`eval::evaluate`] scores the coder against
//! PETRARCH's unit-test records.

pub mod coder;
pub mod dictionary;
mod error;
pub mod eval;
pub mod records;
mod tokens;

use std::path::{Path, PathBuf};

pub use coder::{CodedEvent, CodedSentence, Coder, CoderConfig, SentenceStatus};
use dictionary::actors::ActorDictionary;
use dictionary::agents::AgentDictionary;
use dictionary::discards::DiscardDictionary;
use dictionary::verbs::VerbDictionary;
pub use error::PetrarchError;
pub use eval::{evaluate, Report};

/// A full set of dictionaries.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    /// Actors (several files merged; an earlier entry for a phrase wins).
    pub actors: ActorDictionary,
    /// Agents.
    pub agents: AgentDictionary,
    /// Verbs, synsets and patterns.
    pub verbs: VerbDictionary,
    /// Discard phrases.
    pub discards: DiscardDictionary,
}

impl Dictionaries {
    /// Loads the dictionaries of a directory. The operational set is preferred:
    /// `Phoenix.*.actors.txt`, `Phoenix.agents.txt`, `CAMEO.verbpatterns*.txt`,
    /// `Phoenix.discards.txt`; without it, the files ending in `.actors.txt`, `.agents.txt`,
    /// `.verbs.txt` and `.discards.txt`.
    pub fn load_dir(dir: &Path) -> Result<Dictionaries, PetrarchError> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| PetrarchError::io(dir, e))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        names.sort();
        let phoenix = names.iter().any(|n| n.starts_with("CAMEO.verbpatterns"));
        let pick = |pred: &dyn Fn(&str) -> bool| -> Vec<PathBuf> {
            names.iter().filter(|n| pred(n)).map(|n| dir.join(n)).collect()
        };
        let (actors, agents, verbs, discards) = if phoenix {
            (
                pick(&|n| n.starts_with("Phoenix.") && n.ends_with(".actors.txt")),
                pick(&|n| n.starts_with("Phoenix.") && n.ends_with(".agents.txt")),
                pick(&|n| n.starts_with("CAMEO.verbpatterns")),
                pick(&|n| n.starts_with("Phoenix.") && n.ends_with(".discards.txt")),
            )
        } else {
            (
                pick(&|n| n.ends_with(".actors.txt")),
                pick(&|n| n.ends_with(".agents.txt")),
                pick(&|n| n.ends_with(".verbs.txt")),
                pick(&|n| n.ends_with(".discards.txt")),
            )
        };
        if actors.is_empty() {
            return Err(PetrarchError::Missing { dir: dir.to_path_buf(), what: "actor" });
        }
        if verbs.is_empty() {
            return Err(PetrarchError::Missing { dir: dir.to_path_buf(), what: "verb" });
        }
        Dictionaries::load_files(&actors, &agents, &verbs, &discards)
    }

    /// Loads the named files (actor files in order of precedence).
    pub fn load_files(
        actors: &[PathBuf],
        agents: &[PathBuf],
        verbs: &[PathBuf],
        discards: &[PathBuf],
    ) -> Result<Dictionaries, PetrarchError> {
        let mut d = Dictionaries::default();
        for p in actors {
            d.actors.add_file(p)?;
        }
        for p in agents {
            d.agents.add_file(p)?;
        }
        for p in verbs {
            d.verbs.add_text(&dictionary::read_text(p)?, p)?;
        }
        for p in discards {
            d.discards.add_text(&dictionary::read_text(p)?, p)?;
        }
        Ok(d)
    }
}

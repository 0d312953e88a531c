//! Reference data: states (with names, demonyms and capitals), organisations and agreements
//! (with members and dates), people (with offices and terms), titles and places.
//!
//! The data lives in readable TOML files under `data/` (see `data/SCHEMA.md`), written by the
//! dyad team and compiled into the binary; users extend or override entries with their own
//! files. Loading the built-in data takes a few milliseconds.
//!
//! ```
//! let lex = dyad_lexicon::Lexicon::builtin().unwrap();
//! let kaz = lex.state("KAZ").unwrap();
//! assert_eq!(kaz.name, "Kazakhstan");
//! ```

mod error;
mod events;
mod load;
mod types;

pub use error::LexiconError;
pub use events::{CameoCode, EventLexicon, Verb, VerbPattern};
pub use types::{
    Lexicon, Membership, OfficeTerm, Org, OrgKind, Person, Place, State, StateStatus, Title,
};

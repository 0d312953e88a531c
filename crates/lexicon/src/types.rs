//! The typed lexicon and its lookups (by id, office holders at a date).

use dyad_model::Date;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateStatus {
    Member,
    Observer,
    Partial,
    Historical,
}

#[derive(Debug, Clone)]
pub struct State {
    pub id: String,
    pub iso2: Option<String>,
    pub name: String,
    pub official: Option<String>,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capitals: Vec<String>,
    pub status: StateStatus,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub successor: Vec<String>,
    pub region: String,
    pub muslim_majority: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Organization,
    Agreement,
    Format,
    ArmedGroup,
    Agency,
    Company,
}

#[derive(Debug, Clone)]
pub struct Membership {
    pub id: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

#[derive(Debug, Clone)]
pub struct Org {
    pub id: String,
    pub kind: OrgKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub acronyms: Vec<String>,
    pub context: Vec<String>,
    pub country: Option<String>,
    pub founded: Option<Date>,
    pub dissolved: Option<Date>,
    pub members: Vec<Membership>,
}

#[derive(Debug, Clone)]
pub struct OfficeTerm {
    pub office: String,
    /// The state or organisation the office belongs to.
    pub of: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl OfficeTerm {
    /// Whether the term covers `date` (open ends count as covering).
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub surnames: Vec<String>,
    pub country: String,
    pub offices: Vec<OfficeTerm>,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub office: String,
    pub words: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub names: Vec<String>,
    pub state: Option<String>,
}

/// The whole lexicon with indexes by id.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub states: Vec<State>,
    pub orgs: Vec<Org>,
    pub people: Vec<Person>,
    pub titles: Vec<Title>,
    pub places: Vec<Place>,
    /// The event codebook and verb lexicon.
    pub events: crate::EventLexicon,
    pub(crate) state_index: FxHashMap<String, usize>,
    pub(crate) org_index: FxHashMap<String, usize>,
    pub(crate) person_index: FxHashMap<String, usize>,
    /// A state's name, alias or demonym, exactly as written -> the state.
    pub(crate) state_word_index: FxHashMap<String, usize>,
    /// A capital's name, exactly as written -> its state's id (shared, so that callers clone
    /// a reference count, not a string).
    pub(crate) capital_index: FxHashMap<String, dyad_model::EntityId>,
    /// A place's id -> the id of the state it belongs to, for places that belong to one.
    pub(crate) place_index: FxHashMap<String, dyad_model::EntityId>,
    /// A state's id -> the same id, shared (callers clone a reference count, not a string).
    pub(crate) state_entity_index: FxHashMap<String, dyad_model::EntityId>,
    /// The last word of a title's wording (`last_word`) -> (title, wording) indexes.
    pub(crate) title_index: FxHashMap<String, Vec<(usize, usize)>>,
}

/// Offices whose holders are famous enough that a surname alone names them.
const TOP_OFFICES: &[&str] = &[
    "president",
    "prime_minister",
    "king",
    "queen",
    "emir",
    "sultan",
    "crown_prince",
    "chancellor",
    "supreme_leader",
    "head_of_state",
    "head_of_government",
    "secretary_general",
];

impl Lexicon {
    pub fn state(&self, id: &str) -> Option<&State> {
        self.state_index.get(id).map(|&i| &self.states[i])
    }

    pub fn org(&self, id: &str) -> Option<&Org> {
        self.org_index.get(id).map(|&i| &self.orgs[i])
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index.get(id).map(|&i| &self.people[i])
    }

    /// A display name for an entity id, falling back to the id.
    pub fn display_name<'a>(&'a self, id: &'a str) -> &'a str {
        if let Some(s) = self.state(id) {
            return &s.name;
        }
        if let Some(o) = self.org(id) {
            return &o.name;
        }
        if let Some(p) = self.person(id) {
            return &p.name;
        }
        self.places
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.names.first())
            .map_or(id, String::as_str)
    }

    /// Whether `id` names any entry.
    pub fn contains(&self, id: &str) -> bool {
        self.state_index.contains_key(id)
            || self.org_index.contains_key(id)
            || self.person_index.contains_key(id)
    }

    /// The people who held `office` of `of` on `date`.
    pub fn holders_at<'a>(
        &'a self,
        office: &'a str,
        of: &'a str,
        date: Date,
    ) -> impl Iterator<Item = &'a Person> + 'a {
        self.people.iter().filter(move |p| {
            p.offices.iter().any(|t| t.office == office && t.of == of && t.covers(date))
        })
    }

    /// Whether the person held a top office (head of state or government) on `date`, or at any
    /// time when `date` is unknown.
    pub fn is_top_office_holder(&self, person: &Person, date: Option<Date>) -> bool {
        person
            .offices
            .iter()
            .any(|t| TOP_OFFICES.contains(&t.office.as_str()) && date.is_none_or(|d| t.covers(d)))
    }

    /// The state a name, alias or demonym written exactly so stands for ("Kazakh",
    /// "Kazakhstan").
    pub fn state_by_word(&self, word: &str) -> Option<&State> {
        self.state_word_index.get(word).map(|&i| &self.states[i])
    }

    /// A state's id as a shared entity id ("KAZ"), for code that turns people and agencies into
    /// their state for every mention.
    pub fn state_entity(&self, id: &str) -> Option<&dyad_model::EntityId> {
        self.state_entity_index.get(id)
    }

    /// The id of the state a place belongs to ("gaza" -> PSE).
    pub fn state_of_place(&self, place: &str) -> Option<&dyad_model::EntityId> {
        self.place_index.get(place)
    }

    /// The id of the state whose capital is named exactly so ("Astana" -> KAZ).
    pub fn state_of_capital(&self, name: &str) -> Option<&dyad_model::EntityId> {
        self.capital_index.get(name)
    }

    /// The titles one of whose wordings `text` may end with: those whose wording ends with the
    /// same word (`last_word`), as (office, wording). Callers still check the whole wording.
    pub fn titles_ending_like<'a>(
        &'a self,
        text: &str,
    ) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.title_index.get(last_word(text)).into_iter().flatten().map(|&(t, w)| {
            let title = &self.titles[t];
            (title.office.as_str(), title.words[w].as_str())
        })
    }

    pub(crate) fn reindex(&mut self) {
        let mut state_words = FxHashMap::default();
        for (i, s) in self.states.iter().enumerate() {
            for w in std::iter::once(&s.name).chain(&s.aliases).chain(&s.demonyms) {
                state_words.entry(w.clone()).or_insert(i);
            }
        }
        self.state_word_index = state_words;
        self.state_entity_index = self
            .states
            .iter()
            .map(|s| (s.id.clone(), dyad_model::EntityId::from(s.id.as_str())))
            .collect();
        let mut capitals = FxHashMap::default();
        for s in &self.states {
            let id = self.state_entity_index[&s.id].clone();
            for c in &s.capitals {
                capitals.entry(c.clone()).or_insert_with(|| id.clone());
            }
        }
        self.capital_index = capitals;
        self.place_index = self
            .places
            .iter()
            .filter_map(|p| Some((p.id.clone(), dyad_model::EntityId::from(p.state.as_deref()?))))
            .collect();
        let mut titles: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for (t, title) in self.titles.iter().enumerate() {
            for (w, wording) in title.words.iter().enumerate() {
                titles.entry(last_word(wording).to_string()).or_default().push((t, w));
            }
        }
        self.title_index = titles;
        self.state_index = self.states.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        self.org_index = self.orgs.iter().enumerate().map(|(i, o)| (o.id.clone(), i)).collect();
        self.person_index =
            self.people.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
    }
}

/// The last run of letters and digits in `s`, trailing punctuation ignored ("Sec." -> "Sec",
/// "Vice-President" -> "President").
pub(crate) fn last_word(s: &str) -> &str {
    let trimmed = s.trim_end_matches(|c: char| !c.is_alphanumeric());
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &trimmed[start..]
}

#[cfg(test)]
mod tests {
    use super::last_word;

    #[test]
    fn last_word_skips_trailing_punctuation_and_hyphenated_heads() {
        assert_eq!(last_word("Foreign Minister"), "Minister");
        assert_eq!(last_word("Vice-President"), "President");
        assert_eq!(last_word("Sec."), "Sec");
        assert_eq!(last_word("  "), "");
    }
}

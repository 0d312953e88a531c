//! Loading TOML lexicon files: the built-in ones compiled into the binary and users' extra
//! files, whose entries replace built-in entries with the same id.

use crate::error::LexiconError;
use crate::types::*;
use dyad_model::Date;
use serde::Deserialize;
use std::path::Path;

const BUILTIN: &[(&str, &str)] = &[
    ("states.toml", include_str!("../data/states.toml")),
    ("organizations.toml", include_str!("../data/organizations.toml")),
    ("people.toml", include_str!("../data/people.toml")),
    ("offices.toml", include_str!("../data/offices.toml")),
    ("places.toml", include_str!("../data/places.toml")),
];

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileData {
    #[serde(default)]
    state: Vec<RawState>,
    #[serde(default)]
    org: Vec<RawOrg>,
    #[serde(default)]
    person: Vec<RawPerson>,
    #[serde(default)]
    title: Vec<RawTitle>,
    #[serde(default)]
    place: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    id: String,
    iso2: Option<String>,
    name: String,
    official: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
    status: String,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    successor: Vec<String>,
    region: String,
    #[serde(default)]
    muslim_majority: bool,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMember {
    id: String,
    from: Option<String>,
    to: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    id: String,
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    country: Option<String>,
    founded: Option<String>,
    dissolved: Option<String>,
    #[serde(default)]
    members: Vec<RawMember>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    office: String,
    of: String,
    from: Option<String>,
    to: Option<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    surnames: Vec<String>,
    country: String,
    #[serde(default)]
    offices: Vec<RawOffice>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitle {
    office: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    id: String,
    names: Vec<String>,
    state: Option<String>,
}

struct Ctx<'a> {
    file: &'a str,
}

impl Ctx<'_> {
    fn date(&self, id: &str, value: Option<String>) -> Result<Option<Date>, LexiconError> {
        match value {
            None => Ok(None),
            Some(v) => Date::parse_iso(&v).map(Some).ok_or_else(|| LexiconError::Date {
                file: self.file.to_string(),
                id: id.to_string(),
                value: v,
            }),
        }
    }

    fn unknown(&self, id: &str, what: &'static str, value: &str) -> LexiconError {
        LexiconError::Unknown {
            file: self.file.to_string(),
            id: id.to_string(),
            what,
            value: value.to_string(),
        }
    }
}

impl Lexicon {
    /// The lexicon compiled into dyad.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon::default();
        for (file, text) in BUILTIN {
            lex.add_toml(file, text)?;
        }
        lex.events = crate::EventLexicon::builtin()?;
        lex.reindex();
        Ok(lex)
    }

    /// Adds the entries of a user's lexicon file; entries with an existing id replace it.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), LexiconError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|source| LexiconError::Io { file: file.clone(), source })?;
        self.add_toml(&file, &text)?;
        self.reindex();
        Ok(())
    }

    fn add_toml(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let data: FileData = toml::from_str(text)
            .map_err(|e| LexiconError::Parse { file: file.to_string(), message: e.to_string() })?;
        let cx = Ctx { file };
        for s in data.state {
            let status = match s.status.as_str() {
                "member" => StateStatus::Member,
                "observer" => StateStatus::Observer,
                "partial" => StateStatus::Partial,
                "historical" => StateStatus::Historical,
                other => return Err(cx.unknown(&s.id, "status", other)),
            };
            let state = State {
                from: cx.date(&s.id, s.from)?,
                to: cx.date(&s.id, s.to)?,
                id: s.id,
                iso2: s.iso2,
                name: s.name,
                official: s.official,
                aliases: s.aliases,
                demonyms: s.demonyms,
                capitals: s.capitals,
                status,
                successor: s.successor,
                region: s.region,
                muslim_majority: s.muslim_majority,
            };
            upsert(&mut self.states, state, |x| &x.id);
        }
        for o in data.org {
            let kind = match o.kind.as_str() {
                "organization" => OrgKind::Organization,
                "agreement" => OrgKind::Agreement,
                "format" => OrgKind::Format,
                "armed_group" => OrgKind::ArmedGroup,
                "agency" => OrgKind::Agency,
                "company" => OrgKind::Company,
                other => return Err(cx.unknown(&o.id, "kind", other)),
            };
            let mut members = Vec::with_capacity(o.members.len());
            for m in o.members {
                members.push(Membership {
                    from: cx.date(&o.id, m.from)?,
                    to: cx.date(&o.id, m.to)?,
                    id: m.id,
                });
            }
            let org = Org {
                founded: cx.date(&o.id, o.founded)?,
                dissolved: cx.date(&o.id, o.dissolved)?,
                id: o.id,
                kind,
                name: o.name,
                aliases: o.aliases,
                acronyms: o.acronyms,
                context: o.context.into_iter().map(|c| c.to_lowercase()).collect(),
                country: o.country,
                members,
            };
            upsert(&mut self.orgs, org, |x| &x.id);
        }
        for p in data.person {
            let mut offices = Vec::with_capacity(p.offices.len());
            for t in p.offices {
                offices.push(OfficeTerm {
                    from: cx.date(&p.id, t.from)?,
                    to: cx.date(&p.id, t.to)?,
                    office: t.office,
                    of: t.of,
                });
            }
            let person = Person {
                id: p.id,
                name: p.name,
                aliases: p.aliases,
                surnames: p.surnames,
                country: p.country,
                offices,
            };
            upsert(&mut self.people, person, |x| &x.id);
        }
        for t in data.title {
            self.titles.push(Title { office: t.office, words: t.words });
        }
        for p in data.place {
            let place = Place { id: p.id, names: p.names, state: p.state };
            upsert(&mut self.places, place, |x| &x.id);
        }
        Ok(())
    }
}

fn upsert<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &String) {
    match list.iter().position(|x| id(x) == id(&item)) {
        Some(i) => list[i] = item,
        None => list.push(item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_indexes() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.states.len() >= 195, "only {} states", lex.states.len());
        assert!(lex.state("KAZ").is_some());
        assert!(lex.org("ABRAHAM_ACCORDS").is_some());
        assert!(lex.person("kassym_jomart_tokayev").is_some());
    }

    #[test]
    fn office_holders_by_date() {
        let lex = Lexicon::builtin().unwrap();
        let d = Date::new(2025, 11, 7).unwrap();
        let holders: Vec<&str> =
            lex.holders_at("president", "USA", d).map(|p| p.id.as_str()).collect();
        assert_eq!(holders, ["donald_trump"]);
        let d = Date::new(2022, 6, 1).unwrap();
        let holders: Vec<&str> =
            lex.holders_at("president", "USA", d).map(|p| p.id.as_str()).collect();
        assert_eq!(holders, ["joe_biden"]);
    }

    #[test]
    fn user_file_overrides_and_reports_bad_dates() {
        let mut lex = Lexicon::builtin().unwrap();
        lex.add_toml("extra.toml", "[[state]]\nid = \"KAZ\"\nname = \"Qazaqstan\"\nstatus = \"member\"\nregion = \"Central Asia\"\n").unwrap();
        lex.reindex();
        assert_eq!(lex.state("KAZ").unwrap().name, "Qazaqstan");
        let err = lex.add_toml("bad.toml", "[[person]]\nid = \"x\"\nname = \"X\"\ncountry = \"KAZ\"\noffices = [{ office = \"president\", of = \"KAZ\", from = \"2019-13-01\" }]\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.toml: entry \"x\": invalid date \"2019-13-01\" (expected YYYY-MM-DD)"
        );
    }
}

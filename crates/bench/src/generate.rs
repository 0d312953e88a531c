//! A deterministic generator of news-like articles. Sentences come from templates written for
//! dyad and are filled with actors from the lexicon, dates, money, percentages and counts, so
//! the text exercises every stage. The same seed always writes the same bytes.

use anyhow::Context;
use dyad_lexicon::{Lexicon, StateStatus};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

/// splitmix64: small, fast, and stable across platforms and versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TOPICS: [&str; 12] = [
    "energy cooperation",
    "transit corridors",
    "grain exports",
    "water sharing",
    "critical minerals",
    "border security",
    "visa-free travel",
    "nuclear fuel supplies",
    "digital infrastructure",
    "military training",
    "debt relief",
    "climate finance",
];
const UNKNOWN_INSTITUTES: [&str; 6] = [
    "Steppe Institute for Policy Studies",
    "Meridian Strategic Forum",
    "Caravan Research Group",
    "Northbridge Centre for Security",
    "Lakeshore Policy Council",
    "Amber Road Foundation",
];
const ANALYSTS: [&str; 6] = [
    "Dana Kerimova",
    "Piotr Vasko",
    "Leila Haddad",
    "Tomas Brennan",
    "Aruzhan Sadykova",
    "Omar Nadeem",
];

/// Sentence templates. Slots: {S1} {S2} states, {D1} {D2} demonyms, {C1} {C2} capitals,
/// {P1} {P2} titled people, {O1} organisations, {T} topic, {DATE} {WD} {MY} {Y} times,
/// {MONEY} {MONEY2} {PCT} {NUM} quantities, {INST} {AN} names not in the lexicon.
const TEMPLATES: [&str; 22] = [
    "{P1} met {P2} in {C2} on {WD} to discuss {T}.",
    "{S1} and {S2} signed an agreement on {T} worth {MONEY}, officials said.",
    "The {D1} foreign ministry said in a statement that {S1} would join {O1} by {MY}.",
    "\"We are ready to deepen our cooperation with {S2},\" {P1} told reporters after the talks.",
    "{C1}'s decision was welcomed by {O1}, which said trade had grown by {PCT} since {Y}.",
    "Bilateral trade between {S1} and {S2} reached {MONEY} in {Y}, up from {MONEY2} a year earlier.",
    "According to {O1}, about {NUM} people attended the forum held in {C1} on {DATE}.",
    "{S1} did not sign the joint declaration, {D2} diplomats said on {WD}.",
    "Analysts at the {INST} said the move could be read as a signal to {C2}.",
    "{AN}, a researcher at the {INST}, said {S1} was balancing between {S2} and its neighbours.",
    "The two countries established diplomatic relations in {Y} and have expanded ties since.",
    "{P1} is expected to visit {S2} in {MY} to sign documents on {T}.",
    "{D1} officials said {PCT} of the country's exports now pass through {S2}.",
    "Earlier this year, {S1} pledged {MONEY} in aid, the largest such commitment since {Y}.",
    "{C1} has repeatedly warned that sanctions on {S2} could hurt regional trade.",
    "The deal, announced on {DATE}, covers {T} and {T2}.",
    "{P2} praised the agreement as a \"historic step\" for {S2}.",
    "Several months ago, {O1} proposed a plan on {T} that {S1} later endorsed.",
    "Talks between {D1} and {D2} delegations lasted until late on {WD}, an official in {C1} said.",
    "The project, launched in {MY}, is due to be completed by {Y2}.",
    "{S1} is the {ORD} country to join {O1}, after a vote held last week.",
    "Neither {S1} nor {S2} commented on reports that the talks had stalled.",
];

struct Actors<'l> {
    states: Vec<&'l dyad_lexicon::State>,
    people: Vec<(String, &'l dyad_lexicon::Person)>,
    orgs: Vec<&'l dyad_lexicon::Org>,
}

fn actors(lex: &Lexicon) -> Actors<'_> {
    let states: Vec<_> = lex
        .states
        .iter()
        .filter(|s| {
            s.status == StateStatus::Member && !s.demonyms.is_empty() && !s.capitals.is_empty()
        })
        .collect();
    let people = lex
        .people
        .iter()
        .filter_map(|p| {
            let office = p.offices.last()?;
            let title = match office.office.as_str() {
                "president" => "President",
                "prime_minister" => "Prime Minister",
                "foreign_minister" => "Foreign Minister",
                "king" => "King",
                "special_envoy" => "Special Envoy",
                _ => return None,
            };
            Some((title.to_string(), p))
        })
        .collect();
    let orgs = lex.orgs.iter().collect();
    Actors { states, people, orgs }
}

fn sentence(rng: &mut Rng, a: &Actors<'_>, year: i32) -> String {
    let template = *rng.pick(&TEMPLATES[..]);
    let s1 = *rng.pick(&a.states);
    let mut s2 = *rng.pick(&a.states);
    if s2.id == s1.id {
        s2 = a.states[(rng.below(a.states.len()) + 1) % a.states.len()];
    }
    let person = |rng: &mut Rng| -> String {
        if a.people.is_empty() {
            return "the minister".into();
        }
        let (title, p) = rng.pick(&a.people);
        format!("{title} {}", p.name)
    };
    let money = |rng: &mut Rng| -> String {
        match rng.below(3) {
            0 => format!("${}.{} million", 10 + rng.below(900), rng.below(10)),
            1 => format!("${} billion", 1 + rng.below(40)),
            _ => format!("about {} million euros", 5 + rng.below(500)),
        }
    };
    let mut out = String::with_capacity(160);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("closed slot");
        let slot = &rest[open + 1..close];
        let value = match slot {
            "S1" => s1.name.clone(),
            "S2" => s2.name.clone(),
            "D1" => s1.demonyms[0].clone(),
            "D2" => s2.demonyms[0].clone(),
            "C1" => s1.capitals[0].clone(),
            "C2" => s2.capitals[0].clone(),
            "P1" | "P2" => person(rng),
            "O1" => a.orgs.get(rng.below(a.orgs.len())).map_or("the United Nations".into(), |o| {
                if o.name.starts_with("the ") {
                    o.name.clone()
                } else {
                    format!("the {}", o.name)
                }
            }),
            "T" | "T2" => rng.pick(&TOPICS[..]).to_string(),
            "DATE" => format!(
                "{} {}, {}",
                rng.pick(&MONTHS[..]),
                1 + rng.below(28),
                year - rng.below(2) as i32
            ),
            "WD" => rng.pick(&WEEKDAYS[..]).to_string(),
            "MY" => format!("{} {}", rng.pick(&MONTHS[..]), year + rng.below(3) as i32 - 1),
            "Y" => (1991 + rng.below((year - 1991) as usize) as i32).to_string(),
            "Y2" => (year + 1 + rng.below(8) as i32).to_string(),
            "MONEY" | "MONEY2" => money(rng),
            "PCT" => format!("{}%", 2 + rng.below(60)),
            "NUM" => format!("{},{:03}", 1 + rng.below(30), rng.below(1000)),
            "ORD" => ["first", "second", "third", "seventh", "tenth"][rng.below(5)].to_string(),
            "INST" => rng.pick(&UNKNOWN_INSTITUTES[..]).to_string(),
            "AN" => rng.pick(&ANALYSTS[..]).to_string(),
            other => other.to_string(),
        };
        out.push_str(&value);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    // Capitalise the first letter ("the Kazakh foreign ministry" at a sentence start).
    let mut chars = out.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().collect::<String>() + chars.as_str(),
        _ => out,
    }
}

struct Article {
    title: String,
    date: String,
    place: String,
    paragraphs: Vec<String>,
}

fn article(rng: &mut Rng, a: &Actors<'_>) -> Article {
    let year = 2019 + rng.below(7) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let s1 = rng.pick(&a.states);
    let s2 = rng.pick(&a.states);
    let topic = TOPICS[rng.below(TOPICS.len())];
    let title = format!("{} and {} Agree to Expand {}", s1.name, s2.name, title_case(topic));
    let mut paragraphs = Vec::new();
    for _ in 0..3 + rng.below(8) {
        let n = 1 + rng.below(4);
        let sentences: Vec<String> = (0..n).map(|_| sentence(rng, a, year)).collect();
        paragraphs.push(sentences.join(" "));
    }
    Article {
        title,
        date: format!("{} {day}, {year}", MONTHS[month - 1]),
        place: s1.capitals[0].clone(),
        paragraphs,
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn as_text(a: &Article) -> String {
    let mut s = format!("{}\n\n{} | {}\n", a.title, a.place, a.date);
    for p in &a.paragraphs {
        s.push_str(p);
        s.push('\n');
    }
    s
}

fn as_markdown(a: &Article) -> String {
    let mut s = format!("# {}\n\nBy Staff Writer\n\n{} | {}\n\n", a.title, a.place, a.date);
    for p in &a.paragraphs {
        let _ = write!(s, "{p}\n\n");
    }
    s
}

fn as_html(a: &Article, iso_date: &str) -> String {
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        "<!DOCTYPE html><html><head><title>{t} | Bench Ledger</title><meta property=\"og:site_name\" content=\"Bench Ledger\"><meta property=\"article:published_time\" content=\"{iso_date}T08:00:00Z\"><style>.nav{{color:red}}</style><script>var x = 1;</script></head><body>\
         <nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/business\">Business</a></li><li><a href=\"/opinion\">Opinion</a></li></ul></nav>\
         <div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept all</button></div>\
         <main><article><h1>{t}</h1><p class=\"byline\">By Staff Writer</p>",
        t = escape_html(&a.title)
    );
    for p in &a.paragraphs {
        let _ = write!(s, "<p>{}</p>", escape_html(p));
    }
    s.push_str("</article><aside class=\"related\"><h3>Related articles</h3><ul><li><a href=\"/a\">Markets close higher</a></li><li><a href=\"/b\">Weather warning issued</a></li></ul></aside>\
        <section id=\"comments\"><h3>Comments</h3><div class=\"comment\">Great read, thanks!</div><div class=\"comment\">I disagree with the premise.</div></section></main>\
        <footer><p>&copy; Bench Ledger. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer></body></html>\n");
    s
}

fn iso(a: &Article) -> String {
    let mut parts = a.date.split([' ', ',']).filter(|p| !p.is_empty());
    let month = parts.next().and_then(|m| MONTHS.iter().position(|x| *x == m)).map_or(1, |i| i + 1);
    let day: u32 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1);
    let year: i32 = parts.next().and_then(|y| y.parse().ok()).unwrap_or(2025);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Writes about `size` bytes of articles under `out`; returns the bytes written.
pub(crate) fn corpus(out: &Path, size: u64, seed: u64) -> anyhow::Result<u64> {
    let lex = Lexicon::builtin()?;
    let a = actors(&lex);
    anyhow::ensure!(!a.states.is_empty(), "the lexicon has no states with demonyms and capitals");
    let mut rng = Rng(seed);
    std::fs::create_dir_all(out).with_context(|| out.display().to_string())?;
    let mut written = 0u64;
    let mut file_no = 0usize;
    let mut jsonl: Option<(std::io::BufWriter<std::fs::File>, u64)> = None;
    while written < size {
        let art = article(&mut rng, &a);
        let dir = out.join(format!("part-{:04}", file_no / 1000));
        std::fs::create_dir_all(&dir)?;
        let kind = rng.below(20);
        let bytes = match kind {
            0..=11 => {
                // JSON Lines rows, in files of about 8 MB.
                if jsonl.as_ref().is_none_or(|(_, n)| *n > 8_000_000) {
                    file_no += 1;
                    let f = std::fs::File::create(dir.join(format!("wire-{file_no:06}.jsonl")))?;
                    jsonl = Some((std::io::BufWriter::new(f), 0));
                }
                let row = serde_json::json!({
                    "id": format!("gen-{written}"), "title": art.title, "published": iso(&art),
                    "outlet": "Bench Wire", "text": art.paragraphs.join("\n\n"),
                });
                let line = format!("{row}\n");
                let (w, n) = jsonl.as_mut().expect("open jsonl");
                w.write_all(line.as_bytes())?;
                *n += line.len() as u64;
                line.len() as u64
            }
            12..=15 => write_file(&dir, &mut file_no, "txt", &as_text(&art))?,
            16..=18 => write_file(&dir, &mut file_no, "html", &as_html(&art, &iso(&art)))?,
            _ => write_file(&dir, &mut file_no, "md", &as_markdown(&art))?,
        };
        written += bytes;
    }
    if let Some((mut w, _)) = jsonl {
        w.flush()?;
    }
    Ok(written)
}

fn write_file(dir: &Path, file_no: &mut usize, ext: &str, content: &str) -> anyhow::Result<u64> {
    *file_no += 1;
    std::fs::write(dir.join(format!("article-{:06}.{ext}", *file_no)), content)?;
    Ok(content.len() as u64)
}

//! `dyad-bench reconcile`: reconciliation time and memory as the number of documents grows.
//! Each synthetic document contributes what an analysed news article typically does: a few
//! membership claims, a relation claim, two measured figures, a join event and now and then a
//! finding, drawn from the lexicon's states and organisations with a seeded generator, so that
//! some keys agree and a few disagree. For each size the command times the three
//! corpus-wide computations (conflicts, merged claims, source profiles) and prints how the time
//! grew against n log n.

use dyad_lexicon::Lexicon;
use dyad_model::Date;
use dyad_reconcile::collect::Collected;
use dyad_store::{DocumentSummary, StoredClaim, StoredEvent, StoredFinding, StoredQuantity};
use std::time::Instant;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn claim(
    doc: &str,
    subject: &str,
    predicate: &str,
    object: &str,
    modality: &str,
    at: usize,
) -> StoredClaim {
    StoredClaim {
        doc: doc.to_string(),
        title: None,
        outlet: Some(format!("Outlet {}", at % 40)),
        published: None,
        subject: subject.to_string(),
        predicate: predicate.to_string(),
        value: None,
        object: Some(object.to_string()),
        from: None,
        to: None,
        span: (at, at + 6),
        quote: subject.to_string(),
        modality: modality.to_string(),
        basis: "list".to_string(),
    }
}

/// `n` documents' worth of rows.
fn corpus(lex: &Lexicon, n: usize, seed: u64) -> (Vec<DocumentSummary>, Collected) {
    let mut rng = Rng(seed | 1);
    let states: Vec<&str> = lex.states.iter().map(|s| s.id.as_str()).collect();
    let orgs: Vec<&dyad_lexicon::Org> = lex.orgs.iter().filter(|o| !o.members.is_empty()).collect();
    let measures = ["trade volume", "exports", "imports", "share of imports", "investment"];
    let mut docs = Vec::with_capacity(n);
    let mut c = Collected::default();
    for i in 0..n {
        let doc = format!("{i:016x}");
        docs.push(DocumentSummary {
            id: doc.clone(),
            source: format!("doc-{i}.txt"),
            title: None,
            outlet: Some(format!("Outlet {}", i % 40)),
            published: None,
            published_basis: None,
            mentions: 0,
            url: None,
            author: None,
            dateline: None,
        });
        for k in 0..3 {
            let org = orgs[rng.below(orgs.len())];
            // Mostly real members, sometimes a state the reference data does not list.
            let subject = if rng.chance(90) {
                org.members[rng.below(org.members.len())].id.as_str()
            } else {
                states[rng.below(states.len())]
            };
            let modality = if rng.chance(90) { "asserted" } else { "planned" };
            c.claims.push(claim(&doc, subject, "member_of", &org.id, modality, 100 * k));
        }
        let (a, b) = (states[rng.below(40)], states[rng.below(40)]);
        c.claims.push(claim(&doc, a, "diplomatic_relations", b, "asserted", 400));
        for k in 0..2 {
            let (x, y) = (states[rng.below(30)], states[rng.below(30)]);
            let mut subjects = vec![x.to_string(), y.to_string()];
            subjects.sort();
            let measure = measures[rng.below(measures.len())];
            // Every key has one true value; most documents report it, some round it, a few
            // give another figure.
            let truth = 1e6 * (1 + (x.len() * 31 + y.len() * 7 + measure.len()) % 900) as f64;
            let (value, approx) = match rng.below(20) {
                0 => (truth * 1.6, None),
                1..=4 => (truth, Some("around".to_string())),
                _ => (truth, None),
            };
            c.quantities.push(StoredQuantity {
                doc: doc.clone(),
                outlet: None,
                span: (500 + 20 * k, 510 + 20 * k),
                quote: format!("${value}"),
                value: Some(value),
                low: None,
                high: None,
                unit: "USD".into(),
                scale: None,
                approx,
                measure: Some(measure.into()),
                subjects,
                from: Date::new(2024, 1, 1),
                to: Date::new(2024, 12, 31),
            });
        }
        let org = orgs[rng.below(orgs.len())];
        let member = &org.members[rng.below(org.members.len())];
        let day = member.from.unwrap_or(Date::new(2020, 1, 1).expect("date"));
        let day = if rng.chance(5) { day.add_days(1 + rng.below(30) as i64) } else { day };
        c.events.push(StoredEvent {
            doc: doc.clone(),
            url: None,
            outlet: None,
            title: None,
            span: (600, 606),
            quote: "joined".into(),
            sentence_text: String::new(),
            sentence: (580, 700),
            source: vec![member.id.clone()],
            target: vec![org.id.clone()],
            source_agent: None,
            target_agent: None,
            cameo: "057".into(),
            root: "05".into(),
            goldstein: 8.0,
            quad: 1,
            plover: "AGREE".into(),
            date_value: Some(day.to_string()),
            date_from: Some(day),
            date_to: Some(day),
            date_basis: Some("text".into()),
            modality: "asserted".into(),
            attributed_to: None,
        });
        if rng.chance(5) {
            c.findings.push(StoredFinding {
                doc: doc.clone(),
                kind: "anachronism".into(),
                explanation: "a former title while in office".into(),
                span: (800, 820),
                quote: "former President".into(),
                claim: "x".into(),
                other: None,
                reference: Some("office term".into()),
            });
        }
    }
    (docs, c)
}

fn rss_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with(field))?.split_whitespace().nth(1)?.parse().ok()
}

pub(crate) fn run(sizes: &[usize]) -> anyhow::Result<()> {
    let lex = Lexicon::builtin()?;
    println!(
        "{:>9} {:>9} {:>11} {:>10} {:>10} {:>10} {:>10} {:>10} {:>14}",
        "documents",
        "claims",
        "conflicts",
        "conflicts",
        "merge",
        "sources",
        "total",
        "rows RSS",
        "time / n log n"
    );
    let mut first: Option<(usize, f64)> = None;
    for &n in sizes {
        let before = rss_kb("VmRSS:").unwrap_or(0);
        let (docs, collected) = corpus(&lex, n, 7);
        let rows_mb = (rss_kb("VmRSS:").unwrap_or(0).saturating_sub(before)) as f64 / 1024.0;
        let t0 = Instant::now();
        let conflicts = collected.conflicts(&lex);
        let t_conflicts = t0.elapsed().as_secs_f64();
        let t1 = Instant::now();
        let merged = dyad_reconcile::claims::merge(&collected.claims);
        let t_merge = t1.elapsed().as_secs_f64();
        let t2 = Instant::now();
        let profiles = dyad_reconcile::sources::profiles(
            &docs,
            &collected.claims,
            &collected.quantities,
            &conflicts,
        );
        let t_sources = t2.elapsed().as_secs_f64();
        let total = t_conflicts + t_merge + t_sources;
        let nlogn = n as f64 * (n as f64).ln();
        let (n0, t0n) = *first.get_or_insert((n, total / nlogn));
        let _ = n0;
        println!(
            "{:>9} {:>9} {:>11} {:>9.3}s {:>9.3}s {:>9.3}s {:>9.3}s {:>7.0} MB {:>14.2}",
            n,
            collected.claims.len(),
            conflicts.len(),
            t_conflicts,
            t_merge,
            t_sources,
            total,
            rows_mb,
            (total / nlogn) / t0n
        );
        drop((merged, profiles));
    }
    println!(
        "peak RSS {:.0} MB; the last column is time/(n ln n) relative to the first size: at most about 1 means n log n growth",
        rss_kb("VmHWM:").unwrap_or(0) as f64 / 1024.0
    );
    Ok(())
}

//! `cargo run --release -p dyad-petrarch --example petrarch_speed -- DICTS RECORDS`: load time
//! of a dictionary directory and sentences/second coding the records' texts with it.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let t = Instant::now();
    let dicts = dyad_petrarch::Dictionaries::load_dir(args[1].as_ref()).expect("dictionaries");
    println!(
        "loaded in {:.0} ms: {} actor phrases, {} agent phrases, {} verb blocks; {} warnings",
        t.elapsed().as_secs_f64() * 1000.0,
        dicts.actors.len(),
        dicts.agents.len(),
        dicts.verbs.blocks.len(),
        dicts.actors.warnings.len() + dicts.agents.warnings.len() + dicts.verbs.warnings.len()
    );
    let (_, recs) = dyad_petrarch::records::read_records(args[2].as_ref()).expect("records");
    let coder = dyad_petrarch::Coder::default();
    let t = Instant::now();
    let mut events = 0;
    let rounds = 20;
    for _ in 0..rounds {
        for r in &recs {
            events += coder.code_sentence(&dicts, &r.text, r.date).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} sentences in {:.0} ms: {:.0} sentences/s ({} events)",
        recs.len() * rounds,
        secs * 1000.0,
        (recs.len() * rounds) as f64 / secs,
        events / rounds
    );
}

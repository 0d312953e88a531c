//! `cargo run -p dyad-petrarch --example petrarch_eval -- RECORDS DICTS [SHOW] [--parse]`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let records = args.get(1).map_or("../shared/eval/petrarch/PETR.UnitTest.records.xml", |s| s);
    let dicts = args.get(2).map_or("../shared/eval/petrarch", |s| s);
    let show = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(400);
    let parse = args.iter().any(|a| a == "--parse");
    match dyad_petrarch::evaluate(records.as_ref(), dicts.as_ref(), show, parse) {
        Ok(r) => print!("{}", r.render()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

//! `cargo run -p dyad-petrarch --example petrarch_code -- DICTS "sentence" [YYYYMMDD] [nodyad]`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::Path::new(&args[1]);
    let dicts =
        if dir.join("PETR.Validate.verbs.txt").exists() && args.iter().any(|a| a == "validate") {
            let f = |n: &str| vec![dir.join(n)];
            dyad_petrarch::Dictionaries::load_files(
                &f("PETR.Validate.actors.txt"),
                &f("PETR.Validate.agents.txt"),
                &f("PETR.Validate.verbs.txt"),
                &f("PETR.Validate.discards.txt"),
            )
        } else {
            dyad_petrarch::Dictionaries::load_dir(dir)
        }
        .expect("dictionaries");
    let date = args
        .get(3)
        .filter(|d| d.len() == 8)
        .and_then(|d| Some((d[..4].parse().ok()?, d[4..6].parse().ok()?, d[6..].parse().ok()?)));
    let mut config = dyad_petrarch::CoderConfig::default();
    if args.iter().any(|a| a == "nodyad") {
        config.require_dyad = false;
    }
    let coder = dyad_petrarch::Coder::new(config);
    let out = coder.code_sentence_full(&dicts, &args[2], date);
    println!("{:?}", out.status);
    for e in out.events {
        println!("{} {} {} {:?}", e.source, e.target, e.code, &args[2][e.span.0..e.span.1]);
    }
}

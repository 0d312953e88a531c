//! Runs PETRARCH's unit-test records when the shared evaluation data is present.

use std::path::Path;

#[test]
fn petrarch_unit_records() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/petrarch");
    let records = dir.join("PETR.UnitTest.records.xml");
    if !records.exists() {
        eprintln!("note: {} absent; skipping", records.display());
        return;
    }
    let report = dyad_petrarch::evaluate(&records, &dir, 400, false).expect("evaluate");
    println!("{}", report.render());
    assert!(report.passed() >= 260, "{} passed", report.passed());
}

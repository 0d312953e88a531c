//! End-to-end tests of the `dyad` binary: bad input, idempotent and crash-safe ingestion, span
//! integrity of extracted records, stdin, and exit codes.

use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn run(args: &[&str]) -> Output {
    dyad().args(args).output().expect("run dyad")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

#[test]
fn bad_inputs_are_named_and_good_ones_stored() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(
        p.join("good.txt"),
        "Astana | November 7, 2025\nKazakhstan joined the Abraham Accords on Thursday.",
    )
    .unwrap();
    std::fs::write(p.join("page.html"), "<html><head><title>Talks</title></head><body><article><h1>Talks in Baku</h1><p>Azerbaijan and Armenia resumed talks in Baku on Monday, officials from both countries said after the meeting ended.</p></article></body></html>").unwrap();
    std::fs::write(p.join("image.png"), [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13]).unwrap();
    std::fs::write(p.join("latin1.txt"), b"Caf\xe9 diplomacy in Almaty").unwrap();
    std::fs::write(p.join("empty.txt"), "  \n").unwrap();
    std::fs::write(p.join("huge.txt"), "x".repeat(50_000_000)).unwrap();
    std::fs::write(
        p.join("rows.jsonl"),
        "{\"id\":\"a\",\"text\":\"Israel and Morocco signed a water deal.\",\"published\":\"2025-01-02\"}\n{not json}\n{\"id\":\"c\",\"text\":\"Bahrain hosted the summit.\"}\n",
    )
    .unwrap();
    let db = p.join("out.db");
    let out = run(&["analyze", p.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    for (file, reason) in [
        ("image.png", "binary content"),
        ("latin1.txt", "invalid UTF-8 at byte 3"),
        ("empty.txt", "empty document"),
        ("huge.txt", "larger than the 10.0 MB limit"),
        ("rows.jsonl:2", "invalid JSON"),
    ] {
        assert!(
            stderr.lines().any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason} not in stderr:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    // A new store is built under a temporary name and renamed into place when the run ends.
    assert!(db.exists() && !p.join("out.db.loading").exists());
    let docs = jsonl(&run(&["docs", "--db", db.to_str().unwrap(), "--format", "jsonl"]).stdout);
    assert_eq!(docs.len(), 4, "good.txt, page.html and two JSON Lines rows: {docs:?}");
    let good = docs.iter().find(|d| d["source"].as_str().unwrap().ends_with("good.txt")).unwrap();
    assert_eq!(good["published"], "2025-11-07");
}

#[test]
fn reingesting_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db = db.to_str().unwrap();
    let corpus = examples();
    let first = run(&["analyze", corpus.to_str().unwrap(), "--db", db]);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let actors_before = run(&["actors", "--db", db, "--format", "jsonl"]).stdout;
    let docs_before = run(&["docs", "--db", db, "--format", "jsonl"]).stdout;
    let second = run(&["analyze", corpus.to_str().unwrap(), "--db", db]);
    assert_eq!(second.status.code(), Some(0));
    let briefing = String::from_utf8_lossy(&second.stdout);
    assert!(briefing.contains("0 new"), "{briefing}");
    assert_eq!(run(&["actors", "--db", db, "--format", "jsonl"]).stdout, actors_before);
    assert_eq!(run(&["docs", "--db", db, "--format", "jsonl"]).stdout, docs_before);
    assert!(!jsonl(&actors_before).is_empty());
}

#[test]
fn extracted_spans_slice_exactly_to_their_text() {
    let out = run(&["extract", examples().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let records = jsonl(&out.stdout);
    let mut texts: HashMap<String, String> = HashMap::new();
    let mut mentions = 0;
    let cross_document =
        records.iter().position(|r| matches!(r["type"].as_str(), Some("claim" | "conflict")));
    if let Some(first) = cross_document {
        assert!(
            records[first..]
                .iter()
                .all(|r| matches!(r["type"].as_str(), Some("claim" | "conflict"))),
            "claim and conflict records come last"
        );
        // Claims carry their evidence as spans of the documents above.
        for r in records[first..].iter().filter(|r| r["type"] == "claim") {
            assert!(!r["evidence"].as_array().unwrap().is_empty(), "{r}");
        }
    }
    for r in &records[..cross_document.unwrap_or(records.len())] {
        let doc = r["doc"].as_str().unwrap().to_string();
        match r["type"].as_str().unwrap() {
            "document" => {
                texts.insert(doc, r["text"].as_str().unwrap().to_string());
            }
            "mention" | "time" | "quantity" | "event" => {
                let text = texts.get(&doc).expect("mention after its document");
                let span = r["span"].as_array().unwrap();
                let (s, e) =
                    (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
                assert_eq!(text.as_bytes()[s..e], *r["text"].as_str().unwrap().as_bytes(), "{r}");
                mentions += 1;
            }
            other => panic!("unexpected record type {other}"),
        }
    }
    assert!(texts.len() >= 7, "documents: {}", texts.len());
    assert!(mentions > 50, "mentions: {mentions}");
}

#[test]
fn stdin_is_an_input() {
    let mut child = dyad()
        .args(["extract", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"TASHKENT | March 4, 2025\nUzbekistan and Kazakhstan signed a deal.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let records = jsonl(&out.stdout);
    assert_eq!(records[0]["source"], "-");
    assert_eq!(records[0]["published"], "2025-03-04");
    assert!(records.iter().any(|r| r["entity"] == "UZB"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["analyze"]).status.code(), Some(2));
    assert_eq!(run(&["extract", "x", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn missing_database_is_an_error_not_an_empty_answer() {
    let out = run(&["docs", "--db", "/nonexistent/dir/x.db"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such database"));
}

/// `kill -9` during `dyad analyze`: the database opens, holds only whole documents (each with
/// exactly the mentions a fresh extraction finds), and a second run completes the rest without
/// duplicates.
#[test]
fn kill_9_leaves_only_whole_documents() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let total = 3000;
    for i in 0..total {
        let text = format!(
            "ASTANA | March {}, 2025\nKazakhstan and Uzbekistan signed agreement number {i} on water, President Kassym-Jomart Tokayev said. Israel, Turkey and the European Union welcomed it.\n",
            1 + i % 28
        );
        std::fs::write(corpus.join(format!("a{i:05}.txt")), text.repeat(1 + i % 5)).unwrap();
    }
    let db = dir.path().join("k.db");
    let db_s = db.to_str().unwrap();
    let mut child = dyad()
        .args(["analyze", corpus.to_str().unwrap(), "--db", db_s])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Let it commit a few batches, then kill it hard.
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(20) {
        let wal = dir.path().join("k.db-wal");
        if std::fs::metadata(&wal).map(|m| m.len() > 200_000).unwrap_or(false) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();

    let stored = jsonl(&run(&["docs", "--db", db_s, "--format", "jsonl"]).stdout);
    let fresh = jsonl(&run(&["extract", corpus.to_str().unwrap(), "--format", "jsonl"]).stdout);
    let mut expected: HashMap<String, usize> = HashMap::new();
    for r in &fresh {
        if r["type"] == "mention" {
            *expected.entry(r["doc"].as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    for d in &stored {
        let id = d["doc"].as_str().unwrap();
        assert_eq!(
            d["mentions"].as_u64().unwrap() as usize,
            expected[id],
            "document {id} stored partially"
        );
    }
    let again = run(&["analyze", corpus.to_str().unwrap(), "--db", db_s]);
    assert_eq!(again.status.code(), Some(0));
    let after = jsonl(&run(&["docs", "--db", db_s, "--format", "jsonl"]).stdout);
    assert_eq!(after.len(), total, "every document once after the second run");
    let ids: std::collections::HashSet<&str> =
        after.iter().map(|d| d["doc"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), total);
}

#[test]
fn events_export_in_three_formats() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("a.txt");
    std::fs::write(&corpus, "ASTANA | November 7, 2025\nKazakhstan joined the Abraham Accords on Thursday. Israel welcomed Bahrain and Morocco to the talks.").unwrap();
    let db = dir.path().join("e.db");
    let db = db.to_str().unwrap();
    assert_eq!(run(&["analyze", corpus.to_str().unwrap(), "--db", db]).status.code(), Some(0));
    let events = jsonl(&run(&["events", "--db", db, "--format", "jsonl"]).stdout);
    let joined = events.iter().find(|e| e["cameo"] == "057").expect("a 057 join event");
    assert_eq!(joined["source"][0], "KAZ");
    assert_eq!(joined["target"][0], "ABRAHAM_ACCORDS");
    assert_eq!(joined["date"]["value"], "2025-11-06");
    let csv = String::from_utf8(run(&["events", "--db", db, "--format", "csv"]).stdout).unwrap();
    assert_eq!(csv.lines().count(), events.len() + 1);
    let phoenix =
        String::from_utf8(run(&["events", "--db", db, "--format", "phoenix"]).stdout).unwrap();
    assert!(phoenix.lines().all(|l| l.split('\t').count() == 26), "{phoenix}");
    assert!(phoenix
        .lines()
        .any(|l| l.starts_with(&format!("{}-", joined["doc"].as_str().unwrap()))
            && l.contains("\t20251106\t")));
}

#[test]
fn members_merge_reference_data_with_claims_and_mark_disputed_entries() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let a = corpus.join("a.txt");
    let b = corpus.join("b.txt");
    std::fs::write(&a, "ASTANA | November 7, 2025\nKazakhstan joined the Abraham Accords on Thursday, after the UAE, Bahrain, Morocco, Sudan, Oman and Saudi Arabia.").unwrap();
    std::fs::write(
        &b,
        "WASHINGTON | November 8, 2025\nKazakhstan signed up to the Abraham Accords on Thursday.",
    )
    .unwrap();
    let db = dir.path().join("m.db");
    let db = db.to_str().unwrap();
    let analyzed = run(&["analyze", corpus.to_str().unwrap(), "--db", db]);
    assert_eq!(analyzed.status.code(), Some(0), "{}", String::from_utf8_lossy(&analyzed.stderr));
    let rows = jsonl(
        &run(&[
            "members",
            "ABRAHAM_ACCORDS",
            "--as-of",
            "2025-12-31",
            "--db",
            db,
            "--format",
            "jsonl",
        ])
        .stdout,
    );
    let row = |id: &str| {
        rows.iter().find(|r| r["subject"] == id).unwrap_or_else(|| panic!("{id} missing: {rows:?}"))
    };
    assert_eq!(row("KAZ")["status"], "member");
    assert_eq!(row("KAZ")["sources"], 2);
    assert_eq!(row("KAZ")["from"], "2025-11-06");
    assert_eq!(row("USA")["status"], "member");
    for id in ["OMN", "SAU"] {
        assert_eq!(row(id)["status"], "disputed");
        assert_eq!(row(id)["sources"], 1);
    }
    // Before Kazakhstan joined, it is not a member.
    let before = jsonl(
        &run(&[
            "members",
            "ABRAHAM_ACCORDS",
            "--as-of",
            "2024-01-01",
            "--db",
            db,
            "--format",
            "jsonl",
        ])
        .stdout,
    );
    assert!(!before.iter().any(|r| r["subject"] == "KAZ" && r["status"] == "member"), "{before:?}");
    assert_eq!(run(&["members", "NO_SUCH_ORG", "--db", db]).status.code(), Some(1));
}

#[test]
fn conflicts_between_sources_with_near_misses() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let write = |name: &str, text: &str| std::fs::write(corpus.join(name), text).unwrap();
    write("a.txt", "ASTANA | November 7, 2025\nKazakhstan joined the Abraham Accords on Thursday. Bilateral trade between Kazakhstan and Israel remained low at around $200 million.");
    write("b.txt", "WASHINGTON | November 8, 2025\nTrump said Kazakhstan would join the Abraham Accords. Trade between Kazakhstan and Israel reached $236.2 million in 2024.");
    write("c.txt", "ALMATY | November 9, 2025\nTrade between Kazakhstan and Israel reached $236 million in 2024, officials said.");
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    let analyzed = run(&["analyze", corpus.to_str().unwrap(), "--db", db]);
    assert_eq!(analyzed.status.code(), Some(0), "{}", String::from_utf8_lossy(&analyzed.stderr));
    assert!(String::from_utf8_lossy(&analyzed.stdout).contains("Conflicts between sources"));
    let conflicts = jsonl(&run(&["conflicts", "--db", db, "--format", "jsonl"]).stdout);
    let kinds: Vec<&str> = conflicts.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"status"), "{conflicts:?}");
    // "around $200 million" conflicts with both 2024 figures; $236.2M and $236M are one figure rounded.
    let values: Vec<&Value> = conflicts.iter().filter(|c| c["kind"] == "value").collect();
    assert_eq!(values.len(), 2, "{values:?}");
    assert!(values.iter().all(|c| c["sides"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["claim"].as_str().unwrap().contains("around $200 million"))));
    for c in &conflicts {
        assert_eq!(c["sides"].as_array().unwrap().len(), 2, "{c}");
    }
}

#[test]
fn extract_with_petrarch_dictionaries_uses_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("Test.actors.txt", "NORTHLAND [NRT]\nSOUTHLAND [STH]\n");
    write("Test.agents.txt", "");
    write("Test.discards.txt", "");
    write("Test.verbs.txt", "--- DENOUNCE  [111]  ---\nDENOUNCE\n\n");
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "Northland denounced Southland on Monday.\n").unwrap();
    let out = run(&[
        "extract",
        article.to_str().unwrap(),
        "--petrarch-dicts",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let events: Vec<_> = jsonl(&out.stdout).into_iter().filter(|r| r["type"] == "event").collect();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["source"][0], "NRT");
    assert_eq!(events[0]["target"][0], "STH");
    assert_eq!(events[0]["cameo"], "111");
    assert_eq!(events[0]["text"], "denounced");
    let missing = run(&["extract", article.to_str().unwrap(), "--petrarch-dicts", "/nonexistent"]);
    assert_ne!(missing.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nonexistent"));
}

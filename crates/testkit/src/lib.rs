//! Golden-file tests: each input `test_data/NAME.EXT` has an expected rendering beside it,
//! `test_data/NAME.STAGE.txt`. A mismatch fails with a line diff; running the tests with
//! `UPDATE_EXPECT=1` rewrites the expected files, to be reviewed as a diff before committing.

use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The input files in `dir` with one of `extensions`, sorted.
pub fn inputs(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // Expected files are NAME.STAGE.txt: two dots.
            name.matches('.').count() == 1
                && p.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    files.sort();
    files
}

/// Compares `actual` with the expected file for `input` and `stage`; returns a failure message.
pub fn check(input: &Path, stage: &str, actual: &str) -> Option<String> {
    let stem = input.file_stem().and_then(|s| s.to_str()).expect("input file name");
    let expected_path = input.with_file_name(format!("{stem}.{stage}.txt"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, actual).expect("write expected file");
        return None;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let mut msg = format!(
        "{} differs from the actual output (UPDATE_EXPECT=1 to accept):\n",
        expected_path.display()
    );
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                let _ = writeln!(
                    msg,
                    "  line {}:\n    - {}\n    + {}",
                    i + 1,
                    x.unwrap_or(&"<none>"),
                    y.unwrap_or(&"<none>")
                );
            }
        }
    }
    Some(msg)
}

/// Runs `render` over every input and fails once with every mismatch.
pub fn run(dir: &Path, extensions: &[&str], stage: &str, render: impl Fn(&Path) -> String) {
    let files = inputs(dir, extensions);
    assert!(!files.is_empty(), "no golden inputs in {}", dir.display());
    let failures: Vec<String> = files.iter().filter_map(|f| check(f, stage, &render(f))).collect();
    assert!(
        failures.is_empty(),
        "{} of {} golden files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Splits an input that starts with a `# date: YYYY-MM-DD` line into the date string and the
/// text after it; inputs without the header are all text.
pub fn dated(raw: &str) -> (Option<&str>, &str) {
    match raw.strip_prefix("# date: ") {
        Some(rest) => {
            let (line, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (Some(line.trim()), body)
        }
        None => (None, raw),
    }
}

/// Quotes text for a one-line rendering.
pub fn quote(s: &str) -> String {
    format!("{s:?}")
}

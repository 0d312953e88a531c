//! `dyad-bench`: a deterministic news-like corpus generator and stage benchmarks.
//!
//! - `dyad-bench gen --size 100MB --out DIR [--seed N]` writes articles in every input format
//!   (plain text with datelines, HTML pages with chrome, Markdown, JSON Lines) built from
//!   templates and the lexicon; the same seed gives the same bytes.
//! - `dyad-bench run DIR [--threads N]` runs the per-document stages (no store) and prints
//!   MB/s, documents/s, mentions/s and peak RSS.
//! - `dyad-bench stages DIR [--max-mb N]` times each stage alone on one thread (MB/s, words/s).
//! - `dyad-bench reconcile [--docs 10000,30000,100000]` times conflicts, merged claims and
//!   source profiles over synthetic documents' worth of rows, against n log n.
//!
//! Benchmarks are programs, not timed tests; CI only checks that they build.

mod generate;
mod measure;
mod reconcile;
mod stages;

use anyhow::{bail, Context};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag =
        |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    match args.first().map(String::as_str) {
        Some("gen") => {
            let size = parse_size(&flag("--size").unwrap_or_else(|| "100MB".into()))?;
            let out = PathBuf::from(flag("--out").context("gen needs --out DIR")?);
            let seed: u64 = flag("--seed").map_or(Ok(1), |s| s.parse()).context("--seed")?;
            let written = generate::corpus(&out, size, seed)?;
            println!("wrote {:.1} MB of articles to {}", written as f64 / 1e6, out.display());
        }
        Some("run") => {
            let dir = PathBuf::from(args.get(1).context("run needs a corpus folder")?);
            let threads: Option<usize> =
                flag("--threads").map(|t| t.parse()).transpose().context("--threads")?;
            measure::run(&dir, threads)?;
        }
        Some("stages") => {
            let dir = PathBuf::from(args.get(1).context("stages needs a corpus folder")?);
            let max_mb: usize =
                flag("--max-mb").map_or(Ok(50), |s| s.parse()).context("--max-mb")?;
            stages::run(&dir, max_mb)?;
        }
        Some("reconcile") => {
            let sizes = flag("--docs").unwrap_or_else(|| "10000,30000,100000".into());
            let sizes: Vec<usize> = sizes
                .split(',')
                .map(|s| s.trim().parse())
                .collect::<Result<_, _>>()
                .context("--docs N,N,...")?;
            reconcile::run(&sizes)?;
        }
        _ => bail!("{USAGE}"),
    }
    Ok(())
}

const USAGE: &str = "usage: dyad-bench gen --size 100MB --out DIR [--seed N] | run DIR [--threads N] | stages DIR [--max-mb N] | reconcile [--docs 10000,30000,100000]";

fn parse_size(s: &str) -> anyhow::Result<u64> {
    let upper = s.trim().to_ascii_uppercase();
    let (num, mult) = if let Some(n) = upper.strip_suffix("GB") {
        (n, 1_000_000_000)
    } else if let Some(n) = upper.strip_suffix("MB") {
        (n, 1_000_000)
    } else if let Some(n) = upper.strip_suffix("KB") {
        (n, 1_000)
    } else {
        (upper.as_str(), 1)
    };
    let n: f64 = num.trim().parse().with_context(|| format!("size {s:?}"))?;
    Ok((n * mult as f64) as u64)
}

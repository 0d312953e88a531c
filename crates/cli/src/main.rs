//! `dyad`: the command-line tool. It parses flags and wires the library stages; all the work
//! happens in the library crates. Exit status: 0 all inputs processed, 1 some inputs failed
//! (each named on stderr), 2 usage error.

mod analyze;
mod briefing;
mod eval;
mod extract;
mod lexicon;
mod query;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "dyad",
    version,
    about = "Source-attributed, temporal models of international-relations news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest files and folders (`-` for stdin), extract, store, and print a briefing.
    Analyze {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        lexicon: LexiconArgs,
        /// Print per-stage timings, throughput and peak memory to stderr.
        #[arg(long)]
        stats: bool,
        /// The largest article accepted, in bytes.
        #[arg(long, default_value_t = 10_000_000)]
        max_document_bytes: u64,
    },
    /// Analyse without storing; write records to stdout.
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
        #[arg(long, default_value_t = 10_000_000)]
        max_document_bytes: u64,
        /// Code events with PETRARCH/TABARI dictionaries from this folder (actor codes as ids).
        #[arg(long)]
        petrarch_dicts: Option<PathBuf>,
    },
    /// Actors in the store, by number of mentions.
    Actors {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Normalise one time expression against a reference date; prints one `time` record.
    Time {
        text: String,
        /// The reference (document) date, YYYY-MM-DD.
        #[arg(long = "ref", value_parser = parse_date)]
        reference: Option<dyad_model::Date>,
    },
    /// Score against a gold suite; the last line is `N passed, M failed`.
    Eval {
        #[arg(value_enum)]
        kind: EvalKind,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How many failures to list.
        #[arg(long, default_value_t = 40)]
        show: usize,
        /// PETRARCH dictionaries folder (`eval petrarch`; default: the records' folder).
        #[arg(long)]
        dicts: Option<PathBuf>,
        /// `eval petrarch`: code the words of each record's parse instead of its raw text.
        #[arg(long)]
        parse: bool,
        /// `eval events`: the folder of articles the gold file annotates.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// `eval events`: an extra lexicon file, as for `extract`.
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Members of an organisation or agreement as of a date: reference data merged with the
    /// documents' claims, disputed entries marked.
    Members {
        /// Organisation or agreement id (ABRAHAM_ACCORDS, NATO, CSTO, ...).
        org: String,
        #[arg(long = "as-of", value_parser = parse_date)]
        as_of: Option<dyad_model::Date>,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Conflicts between sources: incompatible figures, accession status, members the reference
    /// data does not list; both sides quoted.
    Conflicts {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Events in the store, as JSON Lines, CSV or the 26-column Phoenix TSV layout.
    Events {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = EventFormat::Jsonl)]
        format: EventFormat,
    },
    /// Documents in the store.
    Docs {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Claims merged across documents, with evidence and the number of sources.
    Claims {
        #[arg(long)]
        subject: Option<String>,
        #[arg(long)]
        predicate: Option<String>,
        #[arg(long)]
        object: Option<String>,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// What the store says between two actors: relation claims, then events by date.
    Relations {
        a: String,
        b: String,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Per document and outlet: claims made, corroborated, contradicted and unique.
    Sources {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Serve the store as a JSON API (/api/, described at /api/openapi.json) and a web UI (/).
    Serve {
        #[command(flatten)]
        db: DbArg,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Accept `POST /api/documents` with the bearer token in the DYAD_TOKEN variable.
        #[arg(long)]
        allow_ingest: bool,
        /// Serve the web UI from this folder instead of the copy built into the binary.
        #[arg(long)]
        assets: Option<PathBuf>,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
}

#[derive(clap::Args, Debug)]
struct DbArg {
    /// The SQLite database file.
    #[arg(long = "db", default_value = "dyad.db")]
    path: PathBuf,
}

#[derive(clap::Args, Debug)]
struct LexiconArgs {
    /// An extra lexicon file (TOML, see crates/lexicon/data/SCHEMA.md); may be repeated.
    #[arg(long = "lexicon")]
    files: Vec<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum EvalKind {
    /// TempEval-3 TimeML files (TimeBank, AQUAINT): time expressions.
    Timeml,
    /// Recognizers-Text spec files (numbers, percentages, ranges, currency): quantities.
    Recognizers,
    /// PETRARCH's unit-test records (with `--dicts`): event coding with its dictionaries.
    Petrarch,
    /// A hand annotation of events (with `--corpus DIR`): what `dyad extract` codes, scored.
    Events,
}

fn parse_date(s: &str) -> Result<dyad_model::Date, String> {
    dyad_model::Date::parse_iso(s)
        .ok_or_else(|| format!("{s:?} is not a date (expected YYYY-MM-DD)"))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    Jsonl,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum EventFormat {
    Jsonl,
    Csv,
    Phoenix,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum QueryFormat {
    Text,
    Jsonl,
}

/// Whether every input went through.
enum Outcome {
    AllProcessed,
    SomeFailed,
}

fn serve(
    db: PathBuf,
    addr: std::net::SocketAddr,
    allow_ingest: bool,
    assets: Option<PathBuf>,
    lexicon_files: &[PathBuf],
) -> anyhow::Result<Outcome> {
    let ingest_token = if allow_ingest {
        match std::env::var(dyad_serve::TOKEN_VARIABLE) {
            Ok(t) if t.len() >= 16 => Some(t),
            Ok(_) => anyhow::bail!(
                "--allow-ingest: the token in {} must be at least 16 characters",
                dyad_serve::TOKEN_VARIABLE
            ),
            Err(_) => {
                return Err(dyad_serve::ServeError::NoToken(dyad_serve::TOKEN_VARIABLE).into())
            }
        }
    } else {
        None
    };
    let lex = lexicon::load(lexicon_files)?;
    dyad_serve::run(dyad_serve::Config { db, addr, ingest_token, assets }, lex)?;
    Ok(Outcome::AllProcessed)
}

fn main() -> ExitCode {
    // Like other command-line tools, end quietly when the reader of our output goes away
    // (`dyad events | head`) instead of reporting a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE at start-up, before any thread runs.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze { paths, db, lexicon, stats, max_document_bytes } => {
            analyze::run(&paths, &db.path, &lexicon.files, stats, max_document_bytes)
        }
        Command::Extract {
            paths,
            format: ExtractFormat::Jsonl,
            lexicon,
            max_document_bytes,
            petrarch_dicts,
        } => extract::run(&paths, &lexicon.files, max_document_bytes, petrarch_dicts.as_deref()),
        Command::Actors { db, format, lexicon } => query::actors(&db.path, format, &lexicon.files),
        Command::Docs { db, format } => query::docs(&db.path, format),
        Command::Events { db, format } => query::events(&db.path, format),
        Command::Conflicts { db, format, lexicon } => {
            query::conflicts(&db.path, format, &lexicon.files)
        }
        Command::Members { org, as_of, db, format, lexicon } => {
            query::members(&db.path, &org, as_of, format, &lexicon.files)
        }
        Command::Claims { subject, predicate, object, db, format, lexicon } => {
            let filter =
                dyad_store::ClaimQuery { subject, predicate, object, ..Default::default() };
            query::claims(&db.path, &filter, format, &lexicon.files)
        }
        Command::Relations { a, b, db, format, lexicon } => {
            query::relations(&db.path, &a, &b, format, &lexicon.files)
        }
        Command::Sources { db, format, lexicon } => {
            query::sources(&db.path, format, &lexicon.files)
        }
        Command::Serve { db, addr, allow_ingest, assets, lexicon } => {
            serve(db.path, addr, allow_ingest, assets, &lexicon.files)
        }
        Command::Time { text, reference } => eval::time(&text, reference),
        Command::Eval { kind: EvalKind::Timeml, paths, show, .. } => eval::timeml(&paths, show),
        Command::Eval { kind: EvalKind::Recognizers, paths, show, .. } => {
            eval::recognizers(&paths, show)
        }
        Command::Eval { kind: EvalKind::Petrarch, paths, show, dicts, parse, .. } => {
            eval::petrarch(&paths, dicts.as_deref(), parse, show)
        }
        Command::Eval { kind: EvalKind::Events, paths, show, corpus, lexicon, .. } => {
            eval::events(&paths, corpus.as_deref(), &lexicon.files, show)
        }
    };
    match result {
        Ok(Outcome::AllProcessed) => ExitCode::SUCCESS,
        Ok(Outcome::SomeFailed) => ExitCode::from(1),
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

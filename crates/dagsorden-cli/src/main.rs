//! `dagsorden`: parse Danish meeting agendas and minutes into the JSON contract.
#![forbid(unsafe_code)]

mod import;

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dagsorden_model::Agenda;
use rayon::prelude::*;
use sonic_rs::writer::{BufferedWriter, WriteExt};

// See Cargo.toml for why.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dagsorden",
    version,
    about = "Danish meeting agendas and minutes (dagsorden/referat) as data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse files and print the model as JSON (one object per file).
    Parse {
        /// Text exports (.txt, .md) or PDFs; the kind is told from the content.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Indent JSON output.
        #[arg(long)]
        pretty: bool,
    },
    /// Import files and folders (.txt, .md, .pdf) into an SQLite archive and/or JSON Lines.
    ///
    /// Exit code: 0 when every file was imported (or unchanged), 2 when some failed (they
    /// are listed and recorded), 1 when the run could not proceed.
    Import {
        /// Files and folders (walked recursively).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The SQLite archive to create or update.
        #[arg(long)]
        db: Option<PathBuf>,
        /// Write the JSON contract of each imported document, one per line.
        #[arg(long)]
        jsonl: Option<PathBuf>,
        /// Parser threads (default: one per CPU), beside one writer; with 1, reading,
        /// parsing and writing take turns on one thread.
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Full-text search in an archive: ranked hits with organisation, date, item and snippet.
    Search {
        /// The SQLite archive.
        db: PathBuf,
        /// Words that must all occur (FTS5 syntax: "phrase", OR, NOT, prefix*).
        query: String,
        /// Maximum number of hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Documents per organisation and year, items, diagnostics by code, failed files.
    Stats {
        /// The SQLite archive.
        db: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One object for one file; an array for several.
    Json,
    /// One object per line, in argument order.
    Jsonl,
    /// A readable outline with diagnostics.
    Text,
}

/// Why a file could not be parsed.
#[derive(Debug, thiserror::Error)]
enum FileError {
    #[error("{path}: cannot read: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}: {source}")]
    Parse {
        path: String,
        source: dagsorden_pdf::DocumentError,
    },
}

fn parse_file(path: &Path) -> Result<Agenda, FileError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| FileError::Read {
        path: shown.clone(),
        source,
    })?;
    dagsorden_pdf::parse_document(&bytes).map_err(|source| FileError::Parse {
        path: shown,
        source,
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse {
            files,
            format,
            pretty,
        } => parse_command(&files, format, pretty),
        Command::Import {
            inputs,
            db,
            jsonl,
            threads,
        } => {
            let code = import::run(import::ImportOptions {
                inputs,
                db,
                jsonl,
                threads,
            });
            ExitCode::from(u8::try_from(code).unwrap_or(1))
        }
        Command::Search { db, query, limit } => search_command(&db, &query, limit),
        Command::Stats { db } => stats_command(&db),
    }
}

fn open_existing(db: &Path) -> Result<dagsorden_store::Store, String> {
    if !db.exists() {
        return Err(format!("{}: no such archive", db.display()));
    }
    dagsorden_store::Store::open(db).map_err(|e| format!("{}: {e}", db.display()))
}

fn search_command(db: &Path, query: &str, limit: usize) -> ExitCode {
    let hits = open_existing(db).and_then(|s| s.search(query, limit).map_err(|e| e.to_string()));
    match hits {
        Ok(hits) => {
            let mut out = BufWriter::new(io::stdout().lock());
            for hit in &hits {
                let _ = writeln!(
                    out,
                    "{} | {} | {}. {} | {} | {}\n    {}",
                    hit.organisation.as_deref().unwrap_or("-"),
                    hit.date.as_deref().unwrap_or("-"),
                    hit.number,
                    hit.title,
                    hit.section.as_deref().unwrap_or("-"),
                    hit.snippet.replace('\n', " "),
                    hit.path
                );
            }
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dagsorden: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn stats_command(db: &Path) -> ExitCode {
    match open_existing(db).and_then(|s| s.stats().map_err(|e| e.to_string())) {
        Ok(stats) => {
            let mut out = BufWriter::new(io::stdout().lock());
            let _ = writeln!(
                out,
                "documents: {}\nitems: {}\nsections: {}",
                stats.documents, stats.items, stats.sections
            );
            let _ = writeln!(out, "\ndocuments per organisation and year:");
            for (org, year, n) in &stats.by_organisation_year {
                let _ = writeln!(out, "  {org} {year}: {n}");
            }
            let _ = writeln!(out, "\ndiagnostics by code:");
            for (code, n) in &stats.diagnostics {
                let _ = writeln!(out, "  {code}: {n}");
            }
            let _ = writeln!(out, "\nfailed files: {}", stats.failures.len());
            for (path, reason) in &stats.failures {
                let _ = writeln!(out, "  {path}: {reason}");
            }
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("dagsorden: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Files parsed per round: a round is parsed and rendered in parallel, then written in
/// argument order, so output starts early and memory holds one round, not the run.
const PARSE_ROUND: usize = 128;
/// Documents larger than this are written straight to the output from their model
/// rather than rendered in memory first (their JSON is several times their size).
const RENDER_IN_MEMORY_BYTES: usize = 1 << 20;

/// One parsed file, ready to be written.
enum Rendered<'p> {
    Bytes(Vec<u8>),
    Model(&'p Path, Box<Agenda>),
}

fn render(
    out: &mut impl WriteExt,
    path: &Path,
    agenda: &Agenda,
    format: Format,
    pretty: bool,
) -> io::Result<()> {
    match format {
        Format::Text => write_outline(out, path, agenda),
        Format::Json => write_json(out, agenda, pretty),
        Format::Jsonl => write_json(out, agenda, false),
    }
}

fn parse_command(files: &[PathBuf], format: Format, pretty: bool) -> ExitCode {
    if format == Format::Json && files.len() != 1 {
        // One JSON array: parsed in parallel, rendered as one value.
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let mut failed = 0usize;
        let results: Vec<Result<Agenda, FileError>> =
            files.par_iter().map(|p| parse_file(p)).collect();
        let ok: Vec<&Agenda> = results
            .iter()
            .filter_map(|r| match r {
                Ok(a) => Some(a),
                Err(e) => {
                    eprintln!("dagsorden: error: {e}");
                    failed += 1;
                    None
                }
            })
            .collect();
        let written = write_json(&mut BufferedWriter::new(&mut out), &ok, pretty);
        return finish_parse(written.and_then(|()| out.flush()), failed, files.len());
    }
    // Rounds are parsed in parallel and handed to a writer thread, which writes them in
    // argument order while the next round is parsed: the cores do not wait for output.
    let (rounds, written_rounds) =
        std::sync::mpsc::sync_channel::<Vec<Result<Rendered, String>>>(1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let mut failed = 0usize;
            let mut written = Ok(());
            for round in written_rounds {
                for result in round {
                    let step = match result {
                        Ok(Rendered::Bytes(bytes)) => out.write_all(&bytes),
                        Ok(Rendered::Model(path, agenda)) => render(
                            &mut BufferedWriter::new(&mut out),
                            path,
                            &agenda,
                            format,
                            pretty,
                        ),
                        Err(message) => {
                            eprintln!("dagsorden: error: {message}");
                            failed += 1;
                            Ok(())
                        }
                    };
                    if let Err(e) = step {
                        written = Err(e);
                        // Dropping the receiver stops the parsing rounds.
                        return (written, failed);
                    }
                }
            }
            (written.and_then(|()| out.flush()), failed)
        });
        for round in files.chunks(PARSE_ROUND) {
            let rendered: Vec<Result<Rendered, String>> = round
                .par_iter()
                .map(|path| {
                    let agenda = parse_file(path).map_err(|e| e.to_string())?;
                    if agenda.source.bytes > RENDER_IN_MEMORY_BYTES {
                        return Ok(Rendered::Model(path, Box::new(agenda)));
                    }
                    // Room for the usual JSON at once (about three times the input:
                    // spans, and the text both whole and in blocks), rather than
                    // copies at every doubling.
                    let mut buffer = Vec::with_capacity(match format {
                        Format::Text => agenda.source.bytes,
                        Format::Json | Format::Jsonl => agenda.source.bytes * 4 + 1024,
                    });
                    render(&mut buffer, path, &agenda, format, pretty)
                        .map_err(|e| format!("{}: cannot render: {e}", path.display()))?;
                    Ok(Rendered::Bytes(buffer))
                })
                .collect();
            if rounds.send(rendered).is_err() {
                break;
            }
        }
        drop(rounds);
        let (written, failed) = writer
            .join()
            .unwrap_or_else(|_| (Err(io::Error::other("the output thread failed")), 0));
        finish_parse(written, failed, files.len())
    })
}

/// The exit status of `parse`: an output error (a closed pipe is not one) or failed
/// files are a failure.
fn finish_parse(written: io::Result<()>, failed: usize, files: usize) -> ExitCode {
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("dagsorden: error: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed > 0 {
        eprintln!("dagsorden: {failed} of {files} file(s) failed");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Compact JSON is written by sonic-rs, which finds the bytes a string must escape many
/// at a time (serde_json looks at each byte, which was a sixth of the command's
/// instructions); it writes the same bytes (a test holds the two together). Pretty JSON
/// is serde_json's.
fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut impl WriteExt,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        sonic_rs::to_writer(&mut *out, value).map_err(io::Error::other)?;
    }
    out.write_all(b"\n")
}

fn write_outline(out: &mut impl Write, path: &Path, agenda: &Agenda) -> io::Result<()> {
    writeln!(out, "{}", path.display())?;
    writeln!(
        out,
        "  {} | {} | {}",
        agenda.title.as_deref().unwrap_or("(no title)"),
        agenda
            .organisation
            .as_deref()
            .unwrap_or("(no organisation)"),
        agenda
            .meeting
            .date
            .map_or("(no date)".to_owned(), |d| d.to_string())
    )?;
    for item in agenda.walk() {
        let indent = "  ".repeat(item.depth());
        let case = item
            .case
            .as_ref()
            .map_or(String::new(), |c| format!(" [{}]", c.id));
        writeln!(out, "{indent}{}. {}{case}", item.number, item.title)?;
        for section in &item.sections {
            writeln!(
                out,
                "{indent}  - {} ({} blocks)",
                section.heading,
                section.blocks.len()
            )?;
        }
    }
    for d in &agenda.diagnostics {
        writeln!(out, "  {d}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings with every character JSON escapes, and the ones it does not (DEL, the
    /// line and paragraph separators, characters outside the BMP), at every position.
    #[test]
    fn compact_json_is_serde_jsons_for_every_character_that_needs_care() {
        let mut strings: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(|c| format!("{c}a{c}{c}b {c}"))
            .collect();
        strings.extend(
            [
                "\u{2028}x\u{2029}",
                "æøå ÆØÅ – “”",
                "😀\"\\\u{1}",
                "",
                "\\\\\"\"",
                "\u{feff}",
            ]
            .map(String::from),
        );
        // Long runs, past any vector width, with the escape at each offset.
        for at in 0..70 {
            let mut long = "abcdefghij".repeat(7);
            long.insert(at, '"');
            long.insert(at / 2, '\n');
            strings.push(long);
        }
        let mut ours = Vec::new();
        write_json(&mut ours, &strings, false).expect("writes");
        let mut reference = serde_json::to_vec(&strings).expect("serialises");
        reference.push(b'\n');
        assert_eq!(String::from_utf8(ours), String::from_utf8(reference));
    }
}

//! `dagsorden`: parse Danish meeting agendas and minutes into the JSON contract.
#![forbid(unsafe_code)]

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use dagsorden_model::Agenda;
use rayon::prelude::*;

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
    }
}

fn parse_command(files: &[PathBuf], format: Format, pretty: bool) -> ExitCode {
    let results: Vec<Result<Agenda, FileError>> = files.par_iter().map(|p| parse_file(p)).collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
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
    let written = match format {
        Format::Json if files.len() == 1 => ok
            .first()
            .map_or(Ok(()), |a| write_json(&mut out, a, pretty)),
        Format::Json => write_json(&mut out, &ok, pretty),
        Format::Jsonl => ok.iter().try_for_each(|a| write_json(&mut out, a, false)),
        Format::Text => ok
            .iter()
            .zip(files)
            .try_for_each(|(a, f)| write_outline(&mut out, f, a)),
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("dagsorden: error: writing output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed > 0 {
        eprintln!("dagsorden: {failed} of {} file(s) failed", files.len());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write_json<T: serde::Serialize + ?Sized>(
    out: &mut impl Write,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
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

//! `dagsorden import`: a folder of agendas into SQLite and/or JSON Lines.
//!
//! Files are read, hashed and parsed in parallel (rayon) while one writer thread stores
//! them in batches (with `--threads 1` both happen in turn on one thread), each batch one transaction, so a killed import leaves a consistent database
//! and a re-run continues where it stopped. Unchanged files (same path, same SHA-256)
//! are skipped without parsing.

use std::collections::HashMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use dagsorden_model::Agenda;
use dagsorden_store::Store;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

/// What one file became.
enum Outcome {
    Parsed {
        path: String,
        sha256: String,
        agenda: Box<Agenda>,
        json: Option<String>,
        /// The archive has no rows for this path yet (no document, no failure).
        fresh: bool,
    },
    Unchanged,
    Failed {
        path: String,
        reason: String,
    },
}

/// Options of one import run.
pub struct ImportOptions {
    pub inputs: Vec<PathBuf>,
    pub db: Option<PathBuf>,
    pub jsonl: Option<PathBuf>,
    pub threads: Option<usize>,
}

/// Documents written per transaction, and the longest a batch stays open.
const BATCH_DOCUMENTS: usize = 200;
const BATCH_SECONDS: u64 = 2;
/// Parsed documents waiting for the writer: bounded, so memory stays flat, and deep
/// enough that the parsers keep working while the writer commits a batch.
const QUEUE: usize = 256;

/// Extensions taken from folders; files named on the command line are always read.
const EXTENSIONS: &[&str] = &["txt", "md", "pdf", "text"];

/// Run an import; the exit code is 0 when every file was imported, 2 when some failed,
/// 1 when the run itself could not proceed.
pub fn run(options: ImportOptions) -> i32 {
    match import(&options) {
        Ok(summary) => {
            eprintln!("{summary}");
            for (path, reason) in &summary.failures {
                eprintln!("  failed: {path}: {reason}");
            }
            if summary.failures.is_empty() { 0 } else { 2 }
        }
        Err(e) => {
            eprintln!("dagsorden: error: {e}");
            1
        }
    }
}

/// The outcome of a run.
pub struct Summary {
    pub files: usize,
    pub imported: usize,
    pub unchanged: usize,
    pub failures: Vec<(String, String)>,
    pub bytes: u64,
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        write!(
            f,
            "{} files: {} imported, {} unchanged, {} failed in {:.1} s ({:.0} files/s, {:.1} MB/s)",
            self.files,
            self.imported,
            self.unchanged,
            self.failures.len(),
            secs,
            self.files as f64 / secs,
            self.bytes as f64 / 1e6 / secs
        )
    }
}

fn collect_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| format!("{}: {e}", input.display()))?;
        if meta.is_dir() {
            for entry in walkdir::WalkDir::new(input)
                .follow_links(false)
                .sort_by_file_name()
            {
                let entry = entry.map_err(|e| format!("{}: {e}", input.display()))?;
                let wanted = entry.file_type().is_file()
                    && entry
                        .path()
                        .extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                if wanted {
                    files.push(entry.into_path());
                }
            }
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// The path as stored: absolute, so that runs from other folders find the same rows.
fn stored_path(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// What the archive already holds, read once before the run.
#[derive(Default)]
struct Known {
    /// Path → SHA-256 of every stored document.
    files: HashMap<String, String>,
    /// Paths recorded as failed.
    failures: std::collections::HashSet<String>,
}

fn process(path: &Path, known: &Known, want_json: bool) -> (Outcome, u64) {
    let shown = stored_path(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                Outcome::Failed {
                    path: shown,
                    reason: format!("cannot read: {e}"),
                },
                0,
            );
        }
    };
    let size = bytes.len() as u64;
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if known.files.get(&shown) == Some(&sha256) {
        return (Outcome::Unchanged, size);
    }
    match dagsorden_pdf::parse_document(&bytes) {
        Ok(mut agenda) => {
            agenda.source.path = Some(shown.clone());
            // Serialised here, on a worker thread, when JSON Lines are wanted (by
            // sonic-rs, as `parse` does).
            let json = match want_json.then(|| sonic_rs::to_string(&agenda)).transpose() {
                Ok(json) => json,
                Err(e) => {
                    return (
                        Outcome::Failed {
                            path: shown,
                            reason: format!("cannot encode the model: {e}"),
                        },
                        size,
                    );
                }
            };
            (
                Outcome::Parsed {
                    fresh: !known.files.contains_key(&shown) && !known.failures.contains(&shown),
                    path: shown,
                    sha256,
                    agenda: Box::new(agenda),
                    json,
                },
                size,
            )
        }
        Err(e) => (
            Outcome::Failed {
                path: shown,
                reason: e.to_string(),
            },
            size,
        ),
    }
}

fn import(options: &ImportOptions) -> Result<Summary, String> {
    if options.db.is_none() && options.jsonl.is_none() {
        return Err("import needs --db FILE and/or --jsonl FILE".into());
    }
    let start = Instant::now();
    let files = collect_files(&options.inputs)?;
    let mut store = match &options.db {
        Some(db) => Some(Store::open(db).map_err(|e| format!("{}: {e}", db.display()))?),
        None => None,
    };
    let known = match &store {
        Some(s) => Known {
            files: s.known_files().map_err(|e| e.to_string())?,
            failures: s.known_failures().map_err(|e| e.to_string())?,
        },
        None => Known::default(),
    };
    let mut jsonl = match &options.jsonl {
        Some(p) => Some(BufWriter::new(
            std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?,
        )),
        None => None,
    };
    // Parser threads; the writer has a thread of its own, lighter than a parser. With
    // one thread, reading, parsing and writing take turns on it.
    let threads = options
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let parsers = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;

    let progress = progress_bar(files.len() as u64);
    let want_json = jsonl.is_some();
    let mut summary = Summary {
        files: files.len(),
        imported: 0,
        unchanged: 0,
        failures: Vec::new(),
        bytes: 0,
        elapsed: Duration::ZERO,
    };
    let written = if threads == 1 {
        let outcomes = files.iter().map(|path| process(path, &known, want_json));
        write_all(
            outcomes,
            store.as_mut(),
            jsonl.as_mut(),
            &mut summary,
            &progress,
        )
    } else {
        let _checkpointer = match (&store, &options.db) {
            (Some(store), Some(db)) => Some(
                store
                    .checkpoint_in_background(db, Duration::from_millis(250))
                    .map_err(|e| format!("{}: {e}", db.display()))?,
            ),
            _ => None,
        };
        let (sender, receiver) = sync_channel::<(Outcome, u64)>(QUEUE);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                parsers.install(|| {
                    files.par_iter().for_each_with(sender, |sender, path| {
                        // A closed channel means the writer stopped on an error.
                        let _ = sender.send(process(path, &known, want_json));
                    });
                });
            });
            write_all(
                receiver.into_iter(),
                store.as_mut(),
                jsonl.as_mut(),
                &mut summary,
                &progress,
            )
        })
    };
    progress.finish_and_clear();
    written?;
    if let Some(out) = jsonl.as_mut() {
        out.flush()
            .map_err(|e| format!("writing JSON Lines: {e}"))?;
    }
    summary.elapsed = start.elapsed();
    Ok(summary)
}

fn write_all(
    outcomes: impl Iterator<Item = (Outcome, u64)>,
    mut store: Option<&mut Store>,
    mut jsonl: Option<&mut BufWriter<std::fs::File>>,
    summary: &mut Summary,
    progress: &ProgressBar,
) -> Result<(), String> {
    let now = || jiff::Timestamp::now().to_string();
    let mut pending: Vec<Outcome> = Vec::with_capacity(BATCH_DOCUMENTS);
    let mut last_commit = Instant::now();
    let mut stored_this_run: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut flush =
        |pending: &mut Vec<Outcome>, store: &mut Option<&mut Store>| -> Result<(), String> {
            if let Some(store) = store.as_deref_mut() {
                let mut batch = store.batch().map_err(|e| e.to_string())?;
                let at = now();
                for outcome in pending.iter() {
                    match outcome {
                        Outcome::Parsed {
                            path,
                            sha256,
                            agenda,
                            fresh,
                            ..
                        } => {
                            // A path named twice in one run is fresh only the first time.
                            let stored = if *fresh && stored_this_run.insert(path.clone()) {
                                batch.insert(path, sha256, agenda, &at)
                            } else {
                                batch.put(path, sha256, agenda, &at)
                            };
                            stored.map_err(|e| format!("{path}: {e}"))?;
                        }
                        Outcome::Failed { path, reason } => {
                            batch.fail(path, reason, &at).map_err(|e| e.to_string())?
                        }
                        Outcome::Unchanged => {}
                    }
                }
                batch.commit().map_err(|e| e.to_string())?;
            }
            pending.clear();
            Ok(())
        };
    for (outcome, size) in outcomes {
        summary.bytes += size;
        match &outcome {
            Outcome::Parsed { json, .. } => {
                summary.imported += 1;
                if let (Some(out), Some(json)) = (jsonl.as_deref_mut(), json) {
                    out.write_all(json.as_bytes())
                        .and_then(|()| out.write_all(b"\n"))
                        .map_err(|e| format!("writing JSON Lines: {e}"))?;
                }
            }
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Failed { path, reason } => {
                summary.failures.push((path.clone(), reason.clone()))
            }
        }
        progress.inc(1);
        pending.push(outcome);
        if pending.len() >= BATCH_DOCUMENTS
            || last_commit.elapsed() >= Duration::from_secs(BATCH_SECONDS)
        {
            flush(&mut pending, &mut store)?;
            last_commit = Instant::now();
        }
    }
    flush(&mut pending, &mut store)
}

/// A bar with rate and ETA on a terminal; elsewhere a log line now and then.
fn progress_bar(total: u64) -> ProgressBar {
    if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(total);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} ETA {eta} {msg}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        let bar = ProgressBar::hidden();
        bar.set_length(total);
        let logger = bar.clone();
        std::thread::spawn(move || {
            while !logger.is_finished() {
                std::thread::sleep(Duration::from_secs(5));
                if !logger.is_finished() {
                    eprintln!("dagsorden import: {}/{} files", logger.position(), total);
                }
            }
        });
        bar
    }
}

//! In-process timing for the comparison scripts: parse the given files N times and
//! print the seconds per round, so the script compares parsing, not process start-up.
//! With `--json`, each model is also rendered as the command renders it (compact JSON by
//! sonic-rs, into memory), timed apart from the parse.
//!
//! Usage: dagsorden-time [--json] ROUNDS FILE...
#![forbid(unsafe_code)]

use std::time::{Duration, Instant};

// The allocator the `dagsorden` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let json = args.next_if(|a| a == "--json").is_some();
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let files: Vec<(String, Vec<u8>)> = args
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let mut pages = 0u64;
    let (mut parsing, mut rendering) = (Duration::ZERO, Duration::ZERO);
    let mut json_bytes = 0usize;
    for _ in 0..rounds {
        for (path, bytes) in &files {
            let start = Instant::now();
            let result = if bytes.starts_with(b"%PDF") {
                dagsorden_pdf::parse_pdf(bytes).map_err(|e| e.to_string())
            } else {
                dagsorden::parse_bytes(bytes).map_err(|e| e.to_string())
            };
            parsing += start.elapsed();
            match &result {
                Ok(agenda) => {
                    pages += u64::from(agenda.source.pages.unwrap_or(1));
                    if json {
                        let start = Instant::now();
                        match sonic_rs::to_vec(&agenda) {
                            Ok(rendered) => json_bytes += rendered.len() + 1,
                            Err(e) => eprintln!("{path}: cannot render: {e}"),
                        }
                        rendering += start.elapsed();
                    }
                }
                Err(e) => eprintln!("{path}: {e}"),
            }
            // Freeing the model is part of a parse's cost, as it was before `--json`.
            let start = Instant::now();
            drop(result);
            parsing += start.elapsed();
        }
    }
    let per_round = |d: Duration| d.as_secs_f64() / f64::from(rounds);
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let json_figures = if json {
        format!(
            ", \"json_seconds_per_round\": {:.6}, \"json_bytes\": {}",
            per_round(rendering),
            json_bytes / rounds as usize
        )
    } else {
        String::new()
    };
    println!(
        "{{\"seconds_per_round\": {:.6}, \"files\": {}, \"pages_per_round\": {}, \"bytes\": {bytes}{json_figures}}}",
        per_round(parsing),
        files.len(),
        pages / u64::from(rounds)
    );
}

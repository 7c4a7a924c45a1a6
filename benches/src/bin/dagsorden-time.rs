//! In-process timing for the comparison scripts: parse the given files N times and
//! print the seconds per round, so the script compares parsing, not process start-up.
//!
//! Usage: dagsorden-time ROUNDS FILE...
#![forbid(unsafe_code)]

use std::time::Instant;

// The allocator the `dagsorden` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let files: Vec<(String, Vec<u8>)> = args
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let mut pages = 0u64;
    let start = Instant::now();
    for _ in 0..rounds {
        for (path, bytes) in &files {
            let result = if bytes.starts_with(b"%PDF") {
                dagsorden_pdf::parse_pdf(bytes)
                    .map(|a| a.source.pages.unwrap_or(1))
                    .map_err(|e| e.to_string())
            } else {
                dagsorden::parse_bytes(bytes)
                    .map(|_| 1)
                    .map_err(|e| e.to_string())
            };
            match result {
                Ok(n) => pages += u64::from(n),
                Err(e) => eprintln!("{path}: {e}"),
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64() / f64::from(rounds);
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!(
        "{{\"seconds_per_round\": {seconds:.6}, \"files\": {}, \"pages_per_round\": {}, \"bytes\": {bytes}}}",
        files.len(),
        pages / u64::from(rounds)
    );
}

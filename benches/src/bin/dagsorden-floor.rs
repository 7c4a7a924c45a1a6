//! The floor under `dagsorden parse --format jsonl`: what its run costs without parsing
//! or rendering JSON. The files are read in the command's rounds, in parallel on every
//! core, and for each file as many bytes as its JSON would take (its own bytes repeated,
//! `SCALE` times its size) are handed to one writer thread that writes them to stdout in
//! argument order, as the command does. The comparison script times this process as it
//! times the command, so that the difference is what parsing and JSON cost.
//!
//! Usage: dagsorden-floor SCALE FILE... > OUT
#![forbid(unsafe_code)]

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

// The allocator the `dagsorden` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command's round: files read per round before the round is written.
const ROUND: usize = 128;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(scale) = args.next().and_then(|s| s.parse::<f64>().ok()) else {
        eprintln!(
            "usage: dagsorden-floor SCALE FILE... > OUT (SCALE: output bytes per input byte)"
        );
        return ExitCode::FAILURE;
    };
    let files: Vec<String> = args.collect();
    let (rounds, to_write) = sync_channel::<Vec<io::Result<Vec<u8>>>>(1);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> io::Result<()> {
            let mut out = BufWriter::new(io::stdout().lock());
            for round in to_write {
                for bytes in round {
                    out.write_all(&bytes?)?;
                }
            }
            out.flush()
        });
        for round in files.chunks(ROUND) {
            let made: Vec<io::Result<Vec<u8>>> = round
                .par_iter()
                .map(|path| std::fs::read(path).map(|input| output_of_size(&input, scale)))
                .collect();
            if rounds.send(made).is_err() {
                break;
            }
        }
        drop(rounds);
        match writer.join() {
            Ok(Ok(())) => ExitCode::SUCCESS,
            Ok(Err(e)) => {
                eprintln!("dagsorden-floor: {e}");
                ExitCode::FAILURE
            }
            Err(_) => {
                eprintln!("dagsorden-floor: the writer thread failed");
                ExitCode::FAILURE
            }
        }
    })
}

/// `scale` times as many bytes as `input` (the input repeated), ending in a newline, as a
/// JSON line does.
fn output_of_size(input: &[u8], scale: f64) -> Vec<u8> {
    let size = ((input.len() as f64 * scale) as usize).max(1);
    let mut out = Vec::with_capacity(size);
    while out.len() + 1 < size && !input.is_empty() {
        let take = input.len().min(size - 1 - out.len());
        out.extend_from_slice(&input[..take]);
    }
    out.push(b'\n');
    out
}

//! Write one agenda of the seed's shape (`dagsorden_bench::seed_shaped`) of at least
//! BYTES bytes to OUT, and print how many groups and items it holds, as JSON.
//!
//! Usage: make-seed-agenda BYTES OUT
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(bytes), Some(out)) = (args.next().and_then(|b| b.parse().ok()), args.next()) else {
        eprintln!("usage: make-seed-agenda BYTES OUT");
        return ExitCode::from(2);
    };
    let agenda = dagsorden_bench::seed_shaped::seed_shaped_agenda(bytes);
    if let Err(e) = std::fs::write(&out, &agenda.text) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "{{\"bytes\": {}, \"groups\": {}, \"items\": {}}}",
        agenda.text.len(),
        agenda.groups,
        agenda.items
    );
    ExitCode::SUCCESS
}

//! The PDF front end on arbitrary bytes (seeded with every PDF fixture): never a panic,
//! never unbounded memory (limits lowered so a bomb is caught quickly).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = dagsorden_pdf::Limits {
        max_decompressed_bytes: 32 * 1024 * 1024,
        max_operations: 2_000_000,
        max_pages: 200,
        ..dagsorden_pdf::Limits::default()
    };
    let _ = dagsorden_pdf::parse_pdf_with(data, &limits);
});

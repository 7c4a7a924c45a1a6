//! The text parser on arbitrary bytes: never a panic, and well-formed spans.
#![no_main]

#[path = "../../crates/dagsorden/tests/common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(agenda) = dagsorden::parse_bytes(data) {
        common::check_invariants(&agenda, data.len());
        common::check_coverage(data, &agenda);
    }
});

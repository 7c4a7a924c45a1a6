//! Structure-aware: valid fixtures mutated line by line (swap, duplicate, delete,
//! truncate, renumber items), checked for the span invariants and for every non-blank
//! line being accounted for.
#![no_main]

#[path = "../../crates/dagsorden/tests/common/mod.rs"]
mod common;

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

static FIXTURES: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/text");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect())
        .unwrap_or_default();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
});

#[derive(Debug, Arbitrary)]
enum Mutation {
    Delete(u16),
    Duplicate(u16),
    Swap(u16, u16),
    Renumber(u16, u8),
    Insert(u16, String),
    Truncate(u32),
}

#[derive(Debug, Arbitrary)]
struct Input {
    fixture: u8,
    mutations: Vec<Mutation>,
}

fuzz_target!(|input: Input| {
    if FIXTURES.is_empty() {
        return;
    }
    let base = &FIXTURES[input.fixture as usize % FIXTURES.len()];
    let mut lines: Vec<Vec<u8>> = base.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let mut cut = None;
    for m in input.mutations.iter().take(16) {
        let n = lines.len().max(1);
        match m {
            Mutation::Delete(i) if lines.len() > 1 => {
                lines.remove(*i as usize % n);
            }
            Mutation::Duplicate(i) => {
                let line = lines[*i as usize % n].clone();
                lines.insert(*i as usize % n, line);
            }
            Mutation::Swap(a, b) => lines.swap(*a as usize % n, *b as usize % n),
            Mutation::Renumber(i, k) => {
                let line = &mut lines[*i as usize % n];
                if let Some(pos) = line.iter().position(u8::is_ascii_digit) {
                    line[pos] = b'0' + k % 10;
                }
            }
            Mutation::Insert(i, text) => lines.insert(*i as usize % n, text.as_bytes().to_vec()),
            Mutation::Truncate(at) => cut = Some(*at as usize),
            Mutation::Delete(_) => {}
        }
    }
    let mut bytes = lines.join(&b'\n');
    if let Some(at) = cut {
        bytes.truncate(at % (bytes.len() + 1));
    }
    if let Ok(agenda) = dagsorden::parse_bytes(&bytes) {
        common::check_invariants(&agenda, bytes.len());
        common::check_coverage(&bytes, &agenda);
    }
});

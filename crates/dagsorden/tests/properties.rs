//! No input makes the parser panic, and every tree it builds is well formed: arbitrary
//! bytes and text, and mutations of the fixtures (lines deleted, duplicated, swapped,
//! renumbered, the file cut off anywhere).

mod common;

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;

static FIXTURES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/text");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/text")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    texts.sort();
    texts
});

fn check(bytes: &[u8]) {
    if let Ok(agenda) = dagsorden::parse_bytes(bytes) {
        common::check_invariants(&agenda, bytes.len());
        common::check_coverage(bytes, &agenda);
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Renumber(usize, u8),
    InsertLine(usize, String),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let line_text = prop_oneof![
        Just("## 2.1. Ekstra punkt".to_owned()),
        Just("#### Indstilling".to_owned()),
        Just("- ./.".to_owned()),
        Just("SAG-2020-00001 abc".to_owned()),
        Just("Dato: 31-02-2021".to_owned()),
        Just("SIDE 3".to_owned()),
        Just("7".to_owned()),
        Just("Beslutning: Godkendt.".to_owned()),
        Just("\u{c}KKR SYDDANMARK | 12-03-2019".to_owned()),
        Just("Lukket punkt".to_owned()),
        Just("Indholdsfortegnelse1. Fraværende".to_owned()),
        Just("K K R  S Y D D A N M A R K".to_owned()),
        Just("27.12.00-P20-3-21".to_owned()),
        Just("1. At planen godkendes,".to_owned()),
        Just("Økonomiudvalget, 22. september 2021, pkt. 205:".to_owned()),
        Just("Til toppen".to_owned()),
        "[a-zæøåA-ZÆØÅ0-9 .:,#*<>/-]{0,40}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (any::<usize>(), 0u8..20).prop_map(|(a, n)| Mutation::Renumber(a, n)),
        (any::<usize>(), line_text).prop_map(|(a, t)| Mutation::InsertLine(a, t)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut bytes_cut = None;
    for m in mutations {
        let n = lines.len().max(1);
        match m {
            Mutation::Delete(i) if lines.len() > 1 => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i) => {
                let line = lines[i % n].clone();
                lines.insert(i % n, line);
            }
            Mutation::Swap(a, b) => lines.swap(a % n, b % n),
            Mutation::Renumber(i, number) => {
                let line = &mut lines[i % n];
                if let Some(pos) = line.find(|c: char| c.is_ascii_digit()) {
                    line.replace_range(pos..pos + 1, &number.to_string());
                }
            }
            Mutation::InsertLine(i, t) => lines.insert(i % n, t.clone()),
            Mutation::Truncate(at) => bytes_cut = Some(*at),
            Mutation::Delete(_) => {}
        }
    }
    let mut bytes = lines.join("\n").into_bytes();
    if let Some(at) = bytes_cut {
        // Cut anywhere, even inside a UTF-8 sequence: the decoder must cope.
        bytes.truncate(at % (bytes.len() + 1));
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_text(text in "(?s).{0,1024}") {
        let agenda = dagsorden::parse(&text);
        common::check_invariants(&agenda, text.len());
        common::check_coverage(text.as_bytes(), &agenda);
    }

    #[test]
    fn agenda_shaped_text(lines in proptest::collection::vec(
        "(#{0,4} )?(\\*\\*)?([0-9](\\.[0-9]){0,3}\\.? )?[A-ZÆØa-zæø ,.:/-]{0,30}(\\*\\*)?", 0..60)) {
        let text = lines.join("\n");
        let agenda = dagsorden::parse(&text);
        common::check_invariants(&agenda, text.len());
        common::check_coverage(text.as_bytes(), &agenda);
    }

    #[test]
    fn mutated_fixtures(index in any::<usize>(), mutations in proptest::collection::vec(mutation(), 1..8)) {
        let text = &FIXTURES[index % FIXTURES.len()];
        check(&apply(text, &mutations));
    }
}

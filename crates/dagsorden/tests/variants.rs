//! Markdown is only a hint: the seed with no marks, with other heading levels or with
//! extra blank lines gives the same model (spans aside).

mod common;

use std::path::Path;

fn seed() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/text/kkr-nordjylland-2021-01-15.txt"),
    )
    .expect("seed fixture")
}

fn strip_markdown(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = line.trim_start_matches('#').trim_start();
            line.replace("**", "")
                .replace("<b>", "")
                .replace("</b>", "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_same_model(variant: &str, what: &str) {
    let original = dagsorden::parse(&seed());
    let other = dagsorden::parse(variant);
    common::check_invariants(&other, variant.len());
    common::check_coverage(variant.as_bytes(), &other);
    assert_eq!(
        common::without_spans(&original),
        common::without_spans(&other),
        "{what}"
    );
}

#[test]
fn without_any_markdown() {
    let plain = strip_markdown(&seed());
    assert!(!plain.contains('#') && !plain.contains("**") && !plain.contains("<b>"));
    assert_same_model(&plain, "no markdown");
}

#[test]
fn other_heading_levels() {
    let relevelled: String = seed()
        .lines()
        .map(|l| match l.find(|c| c != '#') {
            Some(n) if n > 0 => format!("{} {}", "#".repeat(7 - n.min(6)), l[n..].trim_start()),
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(relevelled, seed());
    assert_same_model(&relevelled, "other heading levels");
}

#[test]
fn extra_blank_lines_and_crlf() {
    let spaced = seed().replace('\n', "\n\n\n");
    assert_same_model(&spaced, "extra blank lines");
    let crlf = seed().replace('\n', "\r\n");
    assert_same_model(&crlf, "CRLF");
}

#[test]
fn final_newline_makes_no_difference() {
    assert_same_model(&(seed() + "\n"), "final newline");
}

//! The pathological inputs of `dagsorden_bench::pathological` at full size: each parses
//! without overflowing the stack or losing text, into the structure it has. (That each
//! parses in linear time is shown by the `scaling` and `pathological` criterion groups,
//! not asserted here.)

use dagsorden::model::{Agenda, Block, DiagnosticCode, Severity};
use dagsorden_bench::pathological::*;

fn parse(text: &str) -> Agenda {
    dagsorden::parse_bytes(text.as_bytes()).expect("text")
}

fn count(agenda: &Agenda, code: DiagnosticCode) -> usize {
    agenda.diagnostics.iter().filter(|d| d.code == code).count()
}

fn paragraphs(blocks: &[Block]) -> String {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// Run on a thread with a small stack: recursion that grows with the input fails here.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn a_hundred_thousand_items() {
    let agenda = on_small_stack(|| parse(&many_items(100_000)));
    assert_eq!(agenda.walk().count(), 100_000);
    assert_eq!(agenda.items.len(), 5_000);
    assert!(
        agenda
            .walk()
            .all(|i| i.case.is_some() && i.sections.len() == 3)
    );
    // Serialising and dropping the model do not recurse per item either.
    let json = on_small_stack(move || serde_json::to_string(&agenda).map(|j| j.len()));
    assert!(json.expect("json") > 0);
}

#[test]
fn a_one_megabyte_line() {
    let text = long_line(1_000_000);
    let agenda = on_small_stack(move || parse(&text));
    let item = &agenda.items[0];
    assert_eq!(item.sections.len(), 2);
    assert!(
        item.sections[0].text().len() >= 1_000_000,
        "{}",
        item.sections[0].text().len()
    );
}

#[test]
fn an_item_number_ten_thousand_components_deep() {
    let agenda = on_small_stack(|| parse(&deep_number(10_000)));
    assert_eq!(agenda.walk().count(), 1);
    assert_eq!(count(&agenda, DiagnosticCode::NestingTooDeep), 1);
    // The refused heading is text of the item before it, not lost.
    let text = paragraphs(&agenda.items[0].body);
    assert!(text.contains("Et dybt nummereret punkt"), "{text:.200}");
}

#[test]
fn a_chain_of_headings_each_deeper_than_the_last() {
    let agenda = on_small_stack(|| parse(&nesting_chain(2_000)));
    assert_eq!(agenda.walk().map(|i| i.depth()).max(), Some(16));
    assert_eq!(count(&agenda, DiagnosticCode::NestingTooDeep), 2_000 - 16);
}

#[test]
fn a_hundred_thousand_toc_lines_and_no_body() {
    let agenda = on_small_stack(|| parse(&toc_only(100_000)));
    assert_eq!(agenda.toc.len(), 100_000);
    assert!(agenda.items.is_empty());
    assert_eq!(count(&agenda, DiagnosticCode::NoItems), 1);
}

#[test]
fn a_fifty_megabyte_agenda() {
    let text = agenda_of_size(50_000_000);
    let expected = text.matches("\nBaggrund\n").count();
    let agenda = on_small_stack(move || parse(&text));
    assert_eq!(agenda.walk().count(), expected);
    let doubts: Vec<_> = agenda
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .take(3)
        .collect();
    assert!(doubts.is_empty(), "{doubts:?}");
}

#[test]
fn a_recommendation_of_twenty_thousand_clauses() {
    let agenda = on_small_stack(|| parse(&many_clauses(20_000)));
    let indstilling = &agenda.items[0].sections[0];
    assert_eq!(indstilling.recommendations.len(), 20_000);
    assert_eq!(
        indstilling.recommendations[19_999],
        "KKR godkender delaftale 19999"
    );
}

#[test]
fn a_header_of_a_hundred_thousand_numbered_lines() {
    let agenda = on_small_stack(|| parse(&numbered_header_lines(100_000)));
    // Bare numbers with no styling and no listing given again: no items, every line
    // kept as text of the header.
    assert!(agenda.items.is_empty());
    assert!(agenda.toc.is_empty());
    let header: String = agenda.preamble.iter().map(|p| p.text.as_str()).collect();
    assert!(
        header.contains("1 Praksisplan for almen praksis"),
        "{}",
        &header[..200.min(header.len())]
    );
    assert!(header.contains("100000 "));
}

#[test]
fn a_toc_with_a_hundred_thousand_group_headings_between_two_entries() {
    // Each group heading asks whether an entry follows; looking past all the others
    // from each made this quadratic (over a minute at 60,000 lines).
    let agenda = on_small_stack(|| parse(&toc_group_headings(100_000)));
    // The run of group headings is header text; the entry after it is the TOC's again.
    let numbers: Vec<&str> = agenda.toc.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
    assert!(agenda.items.is_empty());
}

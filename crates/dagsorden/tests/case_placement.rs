//! Which item a case line belongs to when it stands between two items: producers write
//! it under the heading, before the heading, or at the item's end, and only the
//! document's edges tell which.

mod common;

use dagsorden_model::{Agenda, DiagnosticCode, Item};

fn parsed(text: &str) -> Agenda {
    let agenda = dagsorden::parse(text);
    common::check_invariants(&agenda, text.len());
    common::check_coverage(text.as_bytes(), &agenda);
    agenda
}

fn cases(agenda: &Agenda) -> Vec<(String, Option<String>)> {
    fn walk(items: &[Item], out: &mut Vec<(String, Option<String>)>) {
        for item in items {
            out.push((
                item.number.clone(),
                item.case.as_ref().map(|c| c.id.clone()),
            ));
            walk(&item.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&agenda.items, &mut out);
    out
}

fn expected(pairs: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    pairs
        .iter()
        .map(|(n, c)| (n.to_string(), c.map(str::to_owned)))
        .collect()
}

const HEADER: &str = "Region Midtjylland\n\nBeslutningsprotokol\n\nForretningsudvalget\n\nMødedato: 3. juni 2025\n\n";

#[test]
fn case_lines_at_the_items_ends_go_to_the_items_they_end() {
    // The last item's case line is the document's last line: it can only end that item,
    // so the others, which stand just as far from the next heading, end theirs too.
    let text = format!(
        "{HEADER}1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\nJournalnr.: 25000101\n\n\
         2. Regnskab for kvartalet\n\nIndstilling\nAdministrationen indstiller, at regnskabet godkendes.\n\n\
         Beslutning\nGodkendt.\n\nFraværende: Lise Holm\n\nJournalnr.: 25000177\n\n\
         3. Ny busrute til sygehuset\n\nBeslutning\nAnbefales.\n\nJournalnr.: 25000203\n"
    );
    let agenda = parsed(&text);
    assert_eq!(
        cases(&agenda),
        expected(&[
            ("1", Some("25000101")),
            ("2", Some("25000177")),
            ("3", Some("25000203")),
        ])
    );
    // Each item's span reaches its own case line and no further.
    for item in &agenda.items {
        let case = item.case.as_ref().map(|c| c.span);
        assert!(case.is_some_and(|c| item.span.start <= c.start && c.end <= item.span.end));
        assert_eq!(
            item.span.start, item.heading_span.start,
            "item {}",
            item.number
        );
    }
    assert!(
        agenda
            .diagnostics
            .iter()
            .all(|d| d.code != DiagnosticCode::MisplacedCase)
    );
}

#[test]
fn a_group_heading_after_a_case_line_ends_the_item() {
    // "Sager til orientering" follows item 2's case line: neither is an attachment, and
    // item 3, with no case line of its own, stays without a case.
    let text = format!(
        "{HEADER}Sager til beslutning\n\n1. Anlæg af ny parkering\n\nBeslutning\nGodkendt.\n\nJournalnr.: 25000310\n\n\
         2. Udbud af rengøring\n\nBeslutning\nGodkendt.\n\nBilag\nUdbudsstrategi\nKontraktudkast\n\nJournalnr.: 25000322\n\n\n\
         Sager til orientering\n\n3. Eventuelt\n\nBeslutning\nIntet.\n"
    );
    let agenda = parsed(&text);
    assert_eq!(
        cases(&agenda),
        expected(&[
            ("1", Some("25000310")),
            ("2", Some("25000322")),
            ("3", None),
        ])
    );
    assert_eq!(
        agenda.items[1].attachments,
        ["Udbudsstrategi", "Kontraktudkast"]
    );
}

#[test]
fn case_lines_under_the_headings_leave_a_case_line_at_an_end_as_a_diagnostic() {
    // This producer writes the case under the heading; a second case line at the end of
    // item 1 cannot be its case, and is kept as a diagnostic with its text.
    let text = format!(
        "{HEADER}1. Anlæg af ny parkering\nJournalnr.: 25000400\n\nBeslutning\nGodkendt.\n\nJournalnr.: 25000999\n\n\
         Sager til orientering\n\n2. Eventuelt\nJournalnr.: 25000401\n\nBeslutning\nIntet.\n"
    );
    let agenda = parsed(&text);
    assert_eq!(
        cases(&agenda),
        expected(&[("1", Some("25000400")), ("2", Some("25000401"))])
    );
    let misplaced: Vec<_> = agenda
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::MisplacedCase)
        .collect();
    assert_eq!(misplaced.len(), 1);
    assert_eq!(misplaced[0].text.as_deref(), Some("Journalnr.: 25000999"));
}

#[test]
fn case_lines_before_the_headings_stay_with_the_next_item() {
    // A case line before the first item shows this producer's side: the one before item
    // 2 is item 2's, even though item 2's case line is also the last before the end.
    let text = format!(
        "{HEADER}Sagsnr.: 25/100\n1. Anlæg af ny parkering\n\nBeslutning\nGodkendt.\n\n\
         Sagsnr.: 25/200\n2. Udbud af rengøring\n\nBeslutning\nGodkendt.\n"
    );
    let agenda = parsed(&text);
    assert_eq!(
        cases(&agenda),
        expected(&[("1", Some("25/100")), ("2", Some("25/200"))])
    );
}

#[test]
fn sub_items_take_the_case_line_that_ends_them() {
    // Item 2's own text ends with its case line before 2.1; 2.1's ends the document.
    let text = format!(
        "{HEADER}1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\nJournalnr.: 25000501\n\n\
         2. Sundhedsaftalen\n\nBeslutning\nDrøftet.\n\nJournalnr.: 25000502\n\n\
         2.1. Delaftale om genoptræning\n\nBeslutning\nGodkendt.\n\nJournalnr.: 25000503\n"
    );
    let agenda = parsed(&text);
    assert_eq!(
        cases(&agenda),
        expected(&[
            ("1", Some("25000501")),
            ("2", Some("25000502")),
            ("2.1", Some("25000503")),
        ])
    );
    let parent = &agenda.items[1];
    assert!(parent.span.end >= parent.children[0].span.end);
}

//! The shapes real archives have, each in a small document written here: pdftotext
//! output with page furniture, legacy encodings, letter-spacing, older KKR layouts,
//! municipal meeting systems, web-page exports, and damaged files.

mod common;

use dagsorden::model::{Agenda, DiagnosticCode, DocumentKind, SectionKind};

fn parse(text: &str) -> Agenda {
    let agenda = dagsorden::parse(text);
    common::check_invariants(&agenda, text.len());
    common::check_coverage(text.as_bytes(), &agenda);
    agenda
}

/// Web-page markup with attributes and spaces inside the brackets is markup, a line of
/// it alone is no content, and a `<` that opens no tag is text (found by the text
/// fuzzer: a line `<b      >`).
#[test]
fn tags_with_attributes_and_spaces_are_markup_and_a_lone_bracket_is_text() {
    let agenda = parse(
        "<span class=\"overskrift\">DAGSORDEN</span>\n\n<b      >\n\n\
         <p style=\"margin:0\">Dato: 15-01-2021</p>\n\n\
         1. <b >Godkendelse af dagsorden</b>\n\nBaggrund\n\nHvis a < b og c > d, godkendes den.\n",
    );
    assert_eq!(agenda.title.as_deref(), Some("DAGSORDEN"));
    assert_eq!(agenda.meeting.field("Dato"), Some("15-01-2021"));
    assert_eq!(agenda.items[0].title, "Godkendelse af dagsorden");
    let text = agenda.items[0].sections[0].text();
    assert_eq!(text, "Hvis a < b og c > d, godkendes den.");
}

/// An organisation line taken before a title sentence that names the organisation
/// becomes header text in its place in the preamble, before text that came after it
/// (found by the text fuzzer: it was put last, out of order).
#[test]
fn an_organisation_replaced_by_the_title_sentence_keeps_its_place() {
    let agenda = parse(
        "KKR HOVEDSTADEN\n\nNoget tekst i indledningen.\n\n\
         Referat til mødet i Teknik- og Miljøudvalget den 4. maj 2022 kl. 16:00 i Mødelokale 2\n\n\
         1. Godkendelse af dagsorden\n\nGodkendt.\n",
    );
    assert_eq!(
        agenda.organisation.as_deref(),
        Some("Teknik- og Miljøudvalget")
    );
    let texts: Vec<&str> = agenda.preamble.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["KKR HOVEDSTADEN", "Noget tekst i indledningen."]);
}

fn codes(agenda: &Agenda) -> Vec<DiagnosticCode> {
    agenda.diagnostics.iter().map(|d| d.code).collect()
}

const PDFTOTEXT: &str = "\
K K R  S Y D D A N M A R K

D AG SORDEN

Dato: 12-03-2019 09:00
Sted: Comwell Kolding

1. Godkendelse af dagsorden ........................................ 2
2. Erhvervsfremme og resultatkontrakter .......................... 2

KKR SYDDANMARK | 12-03-2019

1. Godkendelse af dagsorden

2. Erhvervsfremme og resultatkontrakter

SAG-2019-00412 mkj

Baggrund

Bestyrelserne for Erhvervshus Fyn og Erhvervshus Sydjylland har drøftet et
udkast til resultatkontrakter, og KKR-sekretariatet har sammen med Erhvervs-
huset samlet de regionale mål i ét fælles oplæg til

                                                                      Side 2 af 3
\u{c}KKR SYDDANMARK | 12-03-2019

drøftelse i KKR Syddanmark.

Indstilling

Det indstilles, at KKR Syddanmark godkender de regionale mål.
                                                                      Side 3 af 3
\u{c}KKR SYDDANMARK | 12-03-2019
";

#[test]
fn pdftotext_output_with_page_furniture() {
    let a = parse(PDFTOTEXT);
    assert_eq!(a.organisation.as_deref(), Some("KKR SYDDANMARK"));
    assert_eq!(a.title.as_deref(), Some("DAGSORDEN"));
    assert_eq!(a.kind, DocumentKind::Dagsorden);
    assert_eq!(a.toc.len(), 2);
    assert_eq!(a.toc[1].page, Some(2));
    let item = a.item("2").expect("item 2");
    assert_eq!(
        item.case.as_ref().map(|c| c.id.as_str()),
        Some("SAG-2019-00412")
    );
    let baggrund = item.section(SectionKind::Baggrund).expect("Baggrund");
    assert_eq!(
        baggrund.blocks.len(),
        1,
        "one paragraph across the page break: {:?}",
        baggrund.blocks
    );
    assert!(
        baggrund.text().contains("sammen med Erhvervshuset samlet"),
        "{}",
        baggrund.text()
    );
    assert!(
        baggrund.text().contains("KKR-sekretariatet"),
        "{}",
        baggrund.text()
    );
    assert!(
        baggrund.text().ends_with("til drøftelse i KKR Syddanmark."),
        "{}",
        baggrund.text()
    );
    assert!(!baggrund.text().contains("Side 2"));
    let furniture = codes(&a)
        .iter()
        .filter(|c| **c == DiagnosticCode::PageFurniture)
        .count();
    assert_eq!(
        furniture, 5,
        "three running headers and two page labels: {:?}",
        a.diagnostics
    );
    assert_eq!(
        item.recommendations,
        ["KKR Syddanmark godkender de regionale mål"]
    );
}

/// Files run together: a UTF-8 BOM at the start of a line in a file that is not UTF-8.
/// The line is Windows-1252 like its neighbours, every byte in some span (found by the
/// text fuzzer: the decoder took the BOM for a sign of UTF-8 and dropped it, and the
/// spans of the line slipped by its three bytes).
#[test]
fn a_bom_inside_a_legacy_file_keeps_its_line_whole() {
    let bytes = b"REFERAT\n\nDato: 28-01-2010\n\n\xef\xbb\xbf **1. \xd8konomi**\n\nGodkendt.\n";
    let agenda = dagsorden::parse_bytes(bytes).expect("text");
    common::check_invariants(&agenda, bytes.len());
    common::check_coverage(bytes, &agenda);
    assert_eq!(agenda.source.encoding, "windows-1252");
    let line_start = bytes
        .windows(3)
        .position(|w| w == b"\xef\xbb\xbf")
        .unwrap_or(0);
    let section = agenda.preamble.iter().find(|p| p.text.contains("Økonomi"));
    assert_eq!(
        section.map(|p| p.span.start as usize),
        Some(line_start),
        "{:?}",
        agenda.preamble
    );
}

#[test]
fn windows_1252_archive_file() {
    let text = "REFERAT\r\n\r\nKKR SJÆLLAND\r\n\r\nDato: 28. januar 2010\r\n\r\n1. Økonomi og udvikling i Næstved\r\n\r\nBeslutning\r\n\r\nGodkendt uden bemærkninger.\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let agenda = dagsorden::parse_bytes(&bytes).expect("text");
    common::check_invariants(&agenda, bytes.len());
    common::check_coverage(&bytes, &agenda);
    assert_eq!(agenda.organisation.as_deref(), Some("KKR SJÆLLAND"));
    assert_eq!(agenda.items[0].title, "Økonomi og udvikling i Næstved");
    assert_eq!(
        agenda.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2010-01-28")
    );
    assert_eq!(agenda.source.encoding, "windows-1252");
    assert!(codes(&agenda).contains(&DiagnosticCode::LegacyEncoding));
    // Spans point at the original single-byte text.
    let span = agenda.items[0].heading_span.range();
    assert_eq!(span.len(), 33);
    assert_eq!(bytes[span.start + 3], 0xD8, "Ø is one byte in windows-1252");
}

#[test]
fn utf8_bom_nbsp_tabs_and_soft_hyphens() {
    let text = "\u{feff}DAGSORDEN 2012\n\nKKR\u{a0}MIDTJYLLAND\n\nDato:\t3. maj 2012\n\n1. Erhvervs\u{ad}udvikling\n";
    let agenda = dagsorden::parse_bytes(text.as_bytes()).expect("text");
    assert_eq!(agenda.organisation.as_deref(), Some("KKR MIDTJYLLAND"));
    assert_eq!(agenda.items[0].title, "Erhvervsudvikling");
    assert_eq!(
        agenda.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2012-05-03")
    );
    assert_eq!(agenda.title_span.map(|s| s.start), Some(3));
}

#[test]
fn older_kkr_layout() {
    let a = parse(
        "REFERAT\n\nKKR NORDJYLLAND\n\nDato: 28. januar 2010\nTidspunkt: kl. 10.00-13.00\nSted: Aalborg Rådhus\n\n\
         1. Praksisplan for almen praksis\n\nSAG NR.: 2009-00234\n\nResume\n\nRegionen har sendt praksisplanen i høring.\n\n\
         Indstilling\n\nDet indstilles, at KKR afgiver høringssvar.\n\nBeslutning\n\nGodkendt.\n",
    );
    assert_eq!(
        a.meeting.time.map(|t| t.to_string()).as_deref(),
        Some("10:00")
    );
    assert_eq!(
        a.meeting.end_time.map(|t| t.to_string()).as_deref(),
        Some("13:00")
    );
    let item = &a.items[0];
    assert_eq!(
        item.case.as_ref().map(|c| c.id.as_str()),
        Some("2009-00234")
    );
    let kinds: Vec<SectionKind> = item.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Resume,
            SectionKind::Indstilling,
            SectionKind::Beslutning
        ]
    );
}

const MUNICIPAL: &str = "\
Referat til mødet i Teknik- og Miljøudvalget den 4. maj 2022 kl. 16:00 i Mødelokale 2

Fraværende med afbud: Anne Holm

47. Godkendelse af dagsorden

Beslutning

Godkendt.

27.12.00-P20-3-21
48. Budgetopfølgning pr. 31. marts (2022-0471123)

Sagsfremstilling

Forvaltningen har udarbejdet budgetopfølgningen.

Økonomiudvalget, 22. september 2021, pkt. 205:

Økonomiudvalget indstiller til Byrådet, at sagen udsættes.

Direktøren for Teknik og Miljø indstiller til Byrådet:
1. At budgetopfølgningen godkendes.
2. At der gives en tillægsbevilling på 2,5 mio. kr.

Bilag:
1. Budgetopfølgning marts (pdf)
2. Notat om anlæg (pdf)

Beslutning i Teknik- og Miljøudvalget den 4. maj 2022

Anbefales.

49. Lukket punkt: Køb af areal ved havnen

Sagnr.: 1-30-72-104-22

Sagsfremstilling

Kommunen kan købe arealet.
";

#[test]
fn municipal_meeting_system_export() {
    let a = parse(MUNICIPAL);
    assert_eq!(a.kind, DocumentKind::Referat);
    assert_eq!(a.organisation.as_deref(), Some("Teknik- og Miljøudvalget"));
    assert_eq!(
        a.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2022-05-04")
    );
    assert_eq!(
        a.meeting.time.map(|t| t.to_string()).as_deref(),
        Some("16:00")
    );
    assert_eq!(a.meeting.place.as_deref(), Some("Mødelokale 2"));
    let numbers: Vec<&str> = a.walk().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["47", "48", "49"]);
    let budget = a.item("48").expect("48");
    assert_eq!(budget.title, "Budgetopfølgning pr. 31. marts");
    // The KLE number before the title belongs to item 48; the parenthesised one is
    // a second reference, and the one before the title wins.
    assert_eq!(
        budget.case.as_ref().map(|c| c.id.as_str()),
        Some("27.12.00-P20-3-21")
    );
    assert_eq!(
        budget.recommendations,
        [
            "budgetopfølgningen godkendes",
            "der gives en tillægsbevilling på 2,5 mio. kr"
        ]
    );
    assert_eq!(
        budget.attachments,
        ["Budgetopfølgning marts (pdf)", "Notat om anlæg (pdf)"]
    );
    let kinds: Vec<SectionKind> = budget.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Sagsfremstilling,
            SectionKind::Bilag,
            SectionKind::Beslutning
        ]
    );
    let closed = a.item("49").expect("49");
    assert!(!closed.open);
    assert_eq!(closed.title, "Køb af areal ved havnen");
    assert_eq!(
        closed.case.as_ref().map(|c| c.id.as_str()),
        Some("1-30-72-104-22")
    );
    assert!(a.item("47").expect("47").open);
}

#[test]
fn web_page_export() {
    let a = parse(
        "Vi bruger cookies for at forbedre din oplevelse. Accepter alle cookies\nAccepter alle cookies\n\n\
         Dagsorden\n\nByrådet\n\nMødedato: 22.04.2021, kl. 17:30\n\nIndholdsfortegnelse1. Fraværende\n2. Godkendelse af dagsorden\n\n\
         1. Fraværende\nfold punktet ind\n\nIngen.\n\nTil toppen\n\n2. Godkendelse af dagsorden\nfold punktet ind\n\nBeslutning\n\nGodkendt.\n\nTil toppen\n",
    );
    assert_eq!(a.organisation.as_deref(), Some("Byrådet"));
    assert_eq!(
        a.meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2021-04-22")
    );
    assert_eq!(
        a.meeting.time.map(|t| t.to_string()).as_deref(),
        Some("17:30")
    );
    assert_eq!(a.toc.len(), 2);
    assert_eq!(a.items.len(), 2);
    assert_eq!(
        a.items[0].body.len(),
        1,
        "chrome is not content: {:?}",
        a.items[0].body
    );
    assert!(!codes(&a).contains(&DiagnosticCode::TocEntryWithoutItem));
}

#[test]
fn damaged_documents() {
    let cut = parse(
        "DAGSORDEN 2020\n\n1. Erhvervsfremme\n\nBaggrund\n\nKKR har drøftet erhvervsfremmesystemet, og sekretariatet har",
    );
    assert!(codes(&cut).contains(&DiagnosticCode::Truncated));
    assert_eq!(cut.items.len(), 1);

    let toc_only =
        parse("DAGSORDEN 2020\n\n1. Godkendelse af dagsorden ..... 2\n2. Eventuelt ..... 3\n");
    assert_eq!(toc_only.toc.len(), 2);
    assert!(toc_only.items.is_empty());
    assert_eq!(
        codes(&toc_only)
            .iter()
            .filter(|c| **c == DiagnosticCode::TocEntryWithoutItem)
            .count(),
        2
    );

    let body_only =
        parse("DAGSORDEN 2020\n\n1. Godkendelse af dagsorden\n\n2. Eventuelt\n\nIntet.\n");
    assert_eq!(body_only.items.len(), 2);
    assert!(!codes(&body_only).contains(&DiagnosticCode::Truncated));
}

#[test]
fn input_past_the_size_limit_is_a_typed_error() {
    let text = b"DAGSORDEN\n\n1. Godkendelse af dagsorden\n";
    let limits = dagsorden::Limits {
        max_input_bytes: text.len() - 1,
        ..Default::default()
    };
    let error = dagsorden::parse_bytes_with(text, &limits).err();
    assert_eq!(
        error,
        Some(dagsorden::InputError::TooLarge {
            size: text.len(),
            limit: text.len() - 1
        })
    );
    assert!(error.is_some_and(|e| e.to_string().contains("max_input_bytes")));
    // A PDF over the text limit is still told as a PDF, for the PDF front end to read
    // under its own limits.
    let pdf = b"%PDF-1.7\n% a PDF larger than the text limit\n";
    assert_eq!(
        dagsorden::parse_bytes_with(pdf, &limits).err(),
        Some(dagsorden::InputError::Pdf)
    );
    assert!(dagsorden::parse_bytes_with(text, &Default::default()).is_ok());
}

#[test]
fn item_nesting_past_the_limit_stays_text_with_a_diagnostic() {
    let mut text = String::from("DAGSORDEN\n\nKKR TEST\n\n");
    let mut number = String::from("1");
    for level in 1..=40 {
        text.push_str(&format!("{number}. Punkt på niveau {level}\n\nTekst.\n\n"));
        number.push_str(".1");
    }
    let limits = dagsorden::Limits {
        max_item_depth: 5,
        ..Default::default()
    };
    let agenda = dagsorden::parse_bytes_with(text.as_bytes(), &limits).expect("text");
    let depth = agenda.walk().map(|i| i.depth()).max();
    assert_eq!(depth, Some(5));
    let too_deep: Vec<_> = agenda
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::NestingTooDeep)
        .collect();
    assert_eq!(too_deep.len(), 35);
    // The deeper headings are kept as text of the deepest item.
    let deepest = agenda.walk().find(|i| i.depth() == 5).expect("depth 5");
    assert!(
        blocks_text_contains(&deepest.body, "Punkt på niveau 40"),
        "{:?}",
        deepest.body
    );
    // With the default limit (16) nothing is refused until level 17.
    let default = dagsorden::parse(&text);
    assert_eq!(default.walk().map(|i| i.depth()).max(), Some(16));
}

fn blocks_text_contains(blocks: &[dagsorden::model::Block], needle: &str) -> bool {
    blocks.iter().any(|b| match b {
        dagsorden::model::Block::Paragraph { text, .. } => text.contains(needle),
        _ => false,
    })
}

#[test]
fn a_line_taken_for_the_organisation_before_a_header_sentence_is_kept() {
    let text = "#### Indstilling\nReferat til mødet i Teknik- og Miljøudvalget den 4. maj 2022 kl. 16:00 i Mødelokale 2\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n";
    let agenda = dagsorden::parse(text);
    assert_eq!(
        agenda.organisation.as_deref(),
        Some("Teknik- og Miljøudvalget")
    );
    assert_eq!(agenda.preamble.len(), 1);
    assert_eq!(agenda.preamble[0].text, "Indstilling");
    assert_eq!(agenda.preamble[0].span.line, 1);
}

#[test]
fn dashed_page_numbers_read_as_bullets_are_furniture() {
    // "- 2 -" looks like a list item to the lexer; it is a page number all the same,
    // while a bulleted line of text beside it stays a bullet.
    let text = "DAGSORDEN\n\n1. Godkendelse af dagsorden\n\nBaggrund\n\nTeksten begynder her\n\n- 2 -\n\u{c}\nog fortsætter her.\n\n- et punkt på listen\n";
    let a = parse(text);
    let furniture: Vec<&str> = a
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::PageFurniture)
        .filter_map(|d| d.text.as_deref())
        .collect();
    assert_eq!(furniture, ["2 -"]);
    let section = &a.items[0].sections[0];
    assert!(section.text().contains("et punkt på listen"));
    assert!(!section.text().contains("2 -"));
}

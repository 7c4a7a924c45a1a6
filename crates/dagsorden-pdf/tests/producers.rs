//! Every PDF under `fixtures/pdf/` made by a real producer (LibreOffice, reportlab,
//! fpdf2, justified TJ text, Ghostscript Type1C, cairo, Chromium) gives the same items,
//! titles, case numbers, section kinds and meeting date as the expected JSON of its text
//! twin; the hand-written synthetic PDFs match their facts; every hostile file gives a
//! clear error or a model, never a crash.

use std::path::{Path, PathBuf};

use dagsorden_model::{Agenda, Item, Span};
use dagsorden_pdf::{Limit, Limits, PdfError, parse_pdf, parse_pdf_with};
use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// What a PDF must share with its text twin: header, TOC, items with their cases,
/// sections, recommendations and enclosure markers.
fn shared_view(agenda: &Agenda) -> Value {
    fn item(i: &Item) -> Value {
        let enclosures = i
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| matches!(b, dagsorden_model::Block::Enclosure { .. }))
            .count();
        json!({
            "number": i.number,
            "title": i.title,
            "case": i.case.as_ref().map(|c| &c.id),
            "sections": i.sections.iter().map(|s| s.kind.as_str()).collect::<Vec<_>>(),
            "recommendations": i.recommendations,
            "enclosures": enclosures,
            "children": i.children.iter().map(item).collect::<Vec<_>>(),
        })
    }
    json!({
        "kind": agenda.kind,
        "title": agenda.title,
        "organisation": agenda.organisation,
        "date": agenda.meeting.date,
        "time": agenda.meeting.time,
        "field_keys": agenda.meeting.fields.iter().map(|f| &f.key).collect::<Vec<_>>(),
        "preamble": agenda.preamble.iter().map(|p| &p.heading).collect::<Vec<_>>(),
        "toc": agenda.toc.iter().map(|e| json!([e.number, e.title, e.page])).collect::<Vec<_>>(),
        "items": agenda.items.iter().map(item).collect::<Vec<_>>(),
    })
}

fn element_spans(agenda: &Agenda) -> Vec<Span> {
    let mut spans: Vec<Span> = agenda.meeting.fields.iter().map(|f| f.span).collect();
    spans.extend(agenda.title_span);
    spans.extend(agenda.toc.iter().map(|e| e.span));
    for item in agenda.walk() {
        spans.push(item.span);
        spans.push(item.heading_span);
        for section in &item.sections {
            spans.push(section.span);
            spans.extend(section.blocks.iter().map(|b| b.span()));
        }
    }
    spans
}

#[test]
fn producers_match_their_text_twins() {
    let mut checked = 0;
    let mut producers = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for path in pdfs(&root().join("pdf")) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((stem, producer)) = name.trim_end_matches(".pdf").split_once('.') else {
            continue;
        };
        let twin = root().join("text").join(format!("{stem}.json"));
        let Ok(expected) = std::fs::read_to_string(&twin) else {
            continue;
        };
        let expected: Agenda = serde_json::from_str(&expected).expect("golden JSON");
        let bytes = std::fs::read(&path).expect("fixture readable");
        let agenda = match parse_pdf(&bytes) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if shared_view(&agenda) != shared_view(&expected) {
            failures.push(format!(
                "{name}:\n  expected {}\n  actual   {}",
                shared_view(&expected),
                shared_view(&agenda)
            ));
        }
        for span in element_spans(&agenda) {
            assert!(span.page.is_some(), "{name}: span without page {span:?}");
        }
        producers.insert(producer.to_owned());
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for required in [
        "libreoffice",
        "reportlab",
        "fpdf2-dejavu",
        "justified",
        "gs-type1c",
        "cairo",
        "chromium",
    ] {
        assert!(
            producers.contains(required),
            "no fixture from {required}: {producers:?}"
        );
    }
    assert!(checked >= 7);
}

#[test]
fn danish_letters_come_out_right_from_every_producer() {
    for path in pdfs(&root().join("pdf")) {
        let bytes = std::fs::read(&path).expect("fixture readable");
        let Ok(agenda) = parse_pdf(&bytes) else {
            continue;
        };
        let text = serde_json::to_string(&agenda).expect("serialises");
        assert!(
            text.contains('æ') || text.contains('ø') || text.contains('å'),
            "{}: no æøå at all",
            path.display()
        );
        assert!(
            !text.contains('\u{fffd}'),
            "{}: undecodable glyphs",
            path.display()
        );
    }
}

#[test]
fn synthetic_pdfs_match_their_facts() {
    let mut checked = 0;
    for path in pdfs(&root().join("pdf")) {
        let facts_path = path.with_extension("facts.json");
        let Ok(facts) = std::fs::read_to_string(&facts_path) else {
            continue;
        };
        let facts: Value = serde_json::from_str(&facts).expect("facts JSON");
        let agenda = parse_pdf(&std::fs::read(&path).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let actual = serde_json::to_value(&agenda).expect("serialises");
        if let Some(title) = facts.get("title") {
            assert_eq!(&actual["title"], title, "{}", path.display());
        }
        if let Some(items) = facts.get("items").and_then(Value::as_array) {
            let numbers: Vec<&Value> = items.iter().map(|i| &i["number"]).collect();
            let actual_numbers: Vec<Value> = agenda.items.iter().map(|i| json!(i.number)).collect();
            assert_eq!(
                numbers.into_iter().cloned().collect::<Vec<_>>(),
                actual_numbers,
                "{}",
                path.display()
            );
            for (want, got) in items.iter().zip(&agenda.items) {
                assert_eq!(want["title"], json!(got.title), "{}", path.display());
                if let Some(sections) = want.get("sections") {
                    let kinds: Vec<&str> = got.sections.iter().map(|s| s.kind.as_str()).collect();
                    assert_eq!(sections, &json!(kinds), "{}", path.display());
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 3, "synthetic fixtures with facts: {checked}");
}

/// Each fact of an export's facts file, keyed as "kind", "toc entries", "<number>
/// title", …, against what the parse gives.
fn export_facts(facts: &Value, agenda: &Agenda) -> Vec<(String, Value, Value)> {
    let mut out = vec![
        ("kind".into(), facts["kind"].clone(), json!(agenda.kind)),
        (
            "date".into(),
            facts["meeting_date"].clone(),
            json!(agenda.meeting.date),
        ),
        (
            "time".into(),
            facts["meeting_time"].clone(),
            json!(agenda.meeting.time),
        ),
        (
            "toc entries".into(),
            facts["toc_entries"].clone(),
            json!(agenda.toc.len()),
        ),
    ];
    let items: Vec<&Item> = agenda.walk().collect();
    let want = facts["items"].as_array().cloned().unwrap_or_default();
    out.push((
        "item numbers".into(),
        json!(want.iter().map(|i| &i["number"]).collect::<Vec<_>>()),
        json!(items.iter().map(|i| &i.number).collect::<Vec<_>>()),
    ));
    for (want, got) in want.iter().zip(&items) {
        let n = &got.number;
        let headings: Vec<&str> = got.sections.iter().map(|s| s.heading.as_str()).collect();
        let facts_of_item = [
            ("title", json!(got.title)),
            ("case", json!(got.case.as_ref().map(|c| &c.id))),
            ("open", json!(got.open)),
            ("sections", json!(headings)),
            ("recommendation_count", json!(got.recommendations.len())),
            ("attachments", json!(got.attachments)),
        ];
        for (key, actual) in facts_of_item {
            out.push((format!("{n} {key}"), want[key].clone(), actual));
        }
    }
    out
}

#[test]
fn exports_match_their_authors_facts() {
    let mut checked = 0;
    for path in pdfs(&root().join("pdf/exports")) {
        let facts: Value = std::fs::read_to_string(path.with_extension("facts.json"))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| panic!("{}: no readable facts file", path.display()));
        let agenda = parse_pdf(&std::fs::read(&path).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let known = facts["known_misreadings"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut wrong = Vec::new();
        let mut still_misread = 0;
        for (key, want, got) in export_facts(&facts, &agenda) {
            match (want == got, known.contains_key(&key)) {
                (false, false) => wrong.push(format!("{key}: got {got}, want {want}")),
                (true, true) => wrong.push(format!("{key}: listed as misread, now right")),
                (false, true) => still_misread += 1,
                (true, false) => {}
            }
        }
        assert!(
            wrong.is_empty(),
            "{}:\n{}",
            path.display(),
            wrong.join("\n")
        );
        assert_eq!(
            still_misread,
            known.len(),
            "{}: a known misreading names no fact",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 8, "exports with facts: {checked}");
}

fn hostile(name: &str) -> Vec<u8> {
    std::fs::read(root().join("pdf/hostile").join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn encrypted_with_owner_password_only_just_works() {
    for name in ["encrypted-owner-only.pdf", "encrypted-owner-only-rc4.pdf"] {
        let agenda = parse_pdf(&hostile(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!agenda.items.is_empty(), "{name}");
    }
}

#[test]
fn encrypted_with_a_user_password_is_a_clear_error() {
    assert_eq!(
        parse_pdf(&hostile("encrypted-user-password.pdf")).err(),
        Some(PdfError::Encrypted)
    );
}

#[test]
fn not_a_pdf_and_empty_files() {
    for name in ["not-a-pdf.pdf", "not-a-pdf-zip.pdf", "empty.pdf"] {
        assert_eq!(
            parse_pdf(&hostile(name)).err(),
            Some(PdfError::NotPdf),
            "{name}"
        );
    }
}

#[test]
fn a_scanned_pdf_is_no_empty_success() {
    assert!(matches!(
        parse_pdf(&hostile("no-text-scanned.pdf")),
        Err(PdfError::NoText { .. })
    ));
}

#[test]
fn decompression_bombs_stop_at_the_limit() {
    let limits = Limits {
        max_decompressed_bytes: 32 * 1024 * 1024,
        ..Limits::default()
    };
    for name in ["inflate-bomb.pdf", "inflate-bomb-single-flate.pdf"] {
        assert_eq!(
            parse_pdf_with(&hostile(name), &limits).err(),
            Some(PdfError::TooLarge {
                limit: Limit::DecompressedBytes,
                max: limits.max_decompressed_bytes
            }),
            "{name}"
        );
    }
}

#[test]
fn damaged_files_recover_or_fail_clearly() {
    for name in ["truncated.pdf", "broken-xref.pdf"] {
        match parse_pdf(&hostile(name)) {
            Ok(agenda) => assert!(
                agenda.title.is_some() || !agenda.items.is_empty(),
                "{name}: recovered nothing useful"
            ),
            Err(e) => assert!(
                matches!(e, PdfError::Damaged { .. } | PdfError::NoText { .. }),
                "{name}: {e:?}"
            ),
        }
    }
}

#[test]
fn cycles_and_deep_nesting_never_overflow() {
    for name in [
        "reference-cycle.pdf",
        "deep-nesting.pdf",
        "deep-nesting-object.pdf",
    ] {
        // Any result is fine; a stack overflow or a hang would fail the run.
        let _ = parse_pdf(&hostile(name));
    }
}

#[test]
fn an_outline_in_a_circle_ends_and_the_page_is_read() {
    // Its top nodes' /Next links run in a circle: lopdf's own walk never ends there.
    let bytes = hostile("outline-cycle.pdf");
    let extracted = dagsorden_pdf::extract(&bytes, &Limits::default()).expect("a good page");
    assert_eq!(
        extracted.outline,
        [
            "1. Godkendelse af dagsorden",
            "1.1. Dialogmøde",
            "2. Regionalpolitiske sager"
        ]
    );
    let agenda = parse_pdf(&bytes).expect("a good page");
    assert_eq!(agenda.title.as_deref(), Some("DAGSORDEN 2021"));
}

#[test]
fn every_hostile_file_is_handled() {
    for path in pdfs(&root().join("pdf/hostile")) {
        let limits = Limits {
            max_decompressed_bytes: 32 * 1024 * 1024,
            ..Limits::default()
        };
        let _ = parse_pdf_with(&std::fs::read(&path).expect("readable"), &limits);
    }
}

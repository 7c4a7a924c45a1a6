//! Every document under `fixtures/text/`: parsed, checked against its expected JSON
//! (`<name>.json`, the golden file shared with the CLI and Python tests), against the
//! hand-written facts of its author (`<name>.facts.json`), and for the span invariants
//! and the no-line-lost rule.
//!
//! `UPDATE_EXPECT=1 cargo test -p dagsorden --test fixtures` rewrites the golden files;
//! review the diff before committing it.

mod common;

use std::path::{Path, PathBuf};

use dagsorden::model::{Agenda, Block, Item};
use serde_json::{Value, json};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/text")
}

fn documents() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .expect("fixtures/text exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 9,
        "the seed and at least 8 more documents: {paths:?}"
    );
    paths
}

fn parse(path: &Path) -> (Vec<u8>, Agenda) {
    let bytes = std::fs::read(path).expect("fixture readable");
    let agenda =
        dagsorden::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (bytes, agenda)
}

#[test]
fn golden_json() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    for path in documents() {
        let (_, agenda) = parse(&path);
        let actual = serde_json::to_string_pretty(&agenda).expect("serialises") + "\n";
        let golden = path.with_extension("json");
        if update {
            std::fs::write(&golden, &actual).expect("golden file writable");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(_) => failures.push(format!(
                "{}: output differs from {}",
                path.display(),
                golden.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no golden file {}",
                path.display(),
                golden.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(rerun with UPDATE_EXPECT=1 and review the diff)",
        failures.join("\n")
    );
}

#[test]
fn spans_are_well_formed_and_no_line_is_lost() {
    for path in documents() {
        let (bytes, agenda) = parse(&path);
        common::check_invariants(&agenda, bytes.len());
        common::check_coverage(&bytes, &agenda);
    }
}

#[test]
fn golden_files_deserialise_into_the_model() {
    for path in documents() {
        let golden = path.with_extension("json");
        let Ok(text) = std::fs::read_to_string(&golden) else {
            continue;
        };
        let agenda: Agenda =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        assert_eq!(
            serde_json::to_string_pretty(&agenda).unwrap() + "\n",
            text,
            "{} round-trips",
            golden.display()
        );
    }
}

/// The projection of the model that the facts files state.
fn facts_of(agenda: &Agenda) -> Value {
    fn item(i: &Item) -> Value {
        let enclosures = i
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .chain(&i.body)
            .filter(|b| matches!(b, Block::Enclosure { .. }))
            .count();
        json!({
            "number": i.number,
            "title": i.title,
            "case": i.case.as_ref().map(|c| &c.id),
            "initials": i.case.as_ref().and_then(|c| c.initials.as_ref()),
            "sections": i.sections.iter().map(|s| s.kind.as_str()).collect::<Vec<_>>(),
            "recommendations": i.recommendations,
            "open": i.open,
            "attachments": i.attachments,
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
        "end_time": agenda.meeting.end_time,
        "truncated": agenda.diagnostics.iter().any(|d| d.code == dagsorden::model::DiagnosticCode::Truncated),
        "place": agenda.meeting.place,
        "field_keys": agenda.meeting.fields.iter().map(|f| &f.key).collect::<Vec<_>>(),
        "preamble_headings": agenda.preamble.iter().filter_map(|p| p.heading.as_ref()).collect::<Vec<_>>(),
        "toc": agenda.toc.iter().map(|e| json!([e.number, e.title, e.page])).collect::<Vec<_>>(),
        "items": agenda.items.iter().map(item).collect::<Vec<_>>(),
    })
}

/// Compare only what the facts state: every key of an expected object, recursively;
/// arrays element by element (their lengths must agree).
fn compare(name: &str, at: &str, expected: &Value, actual: &Value, failures: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(exp), Value::Object(act)) => {
            for (key, want) in exp {
                let got = act.get(key).unwrap_or(&Value::Null);
                compare(name, &format!("{at}.{key}"), want, got, failures);
            }
        }
        (Value::Array(exp), Value::Array(act))
            if exp.len() == act.len() && exp.iter().any(Value::is_object) =>
        {
            for (i, (want, got)) in exp.iter().zip(act).enumerate() {
                compare(name, &format!("{at}[{i}]"), want, got, failures);
            }
        }
        (want, got) if want != got => {
            failures.push(format!("{name}: {at}\n  expected {want}\n  actual   {got}"));
        }
        _ => {}
    }
}

/// `<name>.facts.json`; a layout variant (`<base>.plain.txt`, `<base>.relevel.txt`) of
/// the same document shares its base's facts.
fn facts_file(path: &Path) -> Option<PathBuf> {
    let own = path.with_extension("facts.json");
    if own.exists() {
        return Some(own);
    }
    let stem = path.file_stem()?.to_str()?;
    let (base, _variant) = stem.rsplit_once('.')?;
    let shared = path.with_file_name(format!("{base}.facts.json"));
    shared.exists().then_some(shared)
}

#[test]
fn facts_written_by_the_fixture_authors_hold() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in documents() {
        let Some(facts_path) = facts_file(&path) else {
            continue;
        };
        let text = std::fs::read_to_string(&facts_path).expect("facts file readable");
        let mut expected: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", facts_path.display()));
        // The author's notes on the document, and what is not stated and why.
        if let Some(facts) = expected.as_object_mut() {
            facts.remove("notes");
        }
        let (_, agenda) = parse(&path);
        let actual = facts_of(&agenda);
        checked += 1;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        compare(&name, "", &expected, &actual, &mut failures);
    }
    assert!(
        checked >= 9,
        "facts for the seed and at least 8 documents, found {checked}"
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_seed_in_detail() {
    let (_, agenda) = parse(&fixture_dir().join("kkr-nordjylland-2021-01-15.txt"));
    let item = agenda.item("2.1").expect("item 2.1");
    let sagsfremstilling = item
        .section(dagsorden::model::SectionKind::Sagsfremstilling)
        .expect("Sagsfremstilling");
    let kinds: Vec<&str> = sagsfremstilling
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Enclosure { .. } => "enclosure",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "paragraph",
            "enclosure",
            "paragraph",
            "paragraph",
            "paragraph",
            "paragraph",
            "list",
            "paragraph",
            "paragraph"
        ]
    );
    let Some(Block::List { items, .. }) = sagsfremstilling.blocks.get(7) else {
        panic!("list")
    };
    assert_eq!(items.len(), 4);
    // The file has no final newline; its last sentence is still read.
    assert!(
        sagsfremstilling
            .text()
            .ends_with("forbehold for evt. ændringer i de nationale mål.")
    );
    assert_eq!(
        agenda.meeting.time.map(|t| t.to_string()).as_deref(),
        Some("08:00")
    );
    assert!(agenda.diagnostics.is_empty(), "{:?}", agenda.diagnostics);
}

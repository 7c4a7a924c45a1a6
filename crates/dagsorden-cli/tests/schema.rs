//! The JSON Schema of the contract, generated from the model's types, is checked in at
//! `crates/dagsorden-model/schema/agenda.schema.json`; the CLI's output for every fixture
//! validates against it.
//!
//! `UPDATE_EXPECT=1 cargo test -p dagsorden-cli --test schema` rewrites the schema file.

use std::path::{Path, PathBuf};
use std::process::Command;

use dagsorden_model::Agenda;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn schema_path() -> PathBuf {
    root().join("crates/dagsorden-model/schema/agenda.schema.json")
}

fn generated_schema() -> String {
    let schema = schemars::schema_for!(Agenda);
    serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n"
}

#[test]
fn checked_in_schema_is_up_to_date() {
    let generated = generated_schema();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(schema_path(), &generated).expect("schema file writable");
    }
    let checked_in = std::fs::read_to_string(schema_path()).expect("schema file exists");
    assert!(
        checked_in == generated,
        "the checked-in schema is out of date: run UPDATE_EXPECT=1 cargo test -p dagsorden-cli --test schema"
    );
}

#[test]
fn cli_output_for_every_fixture_validates() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).expect("schema file"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema");
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/text"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    fixtures.sort();
    assert!(!fixtures.is_empty());
    let output = Command::new(env!("CARGO_BIN_EXE_dagsorden"))
        .arg("parse")
        .arg("--format")
        .arg("jsonl")
        .args(&fixtures)
        .output()
        .expect("dagsorden runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), fixtures.len());
    for (line, path) in lines.iter().zip(&fixtures) {
        let instance: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: {}",
            path.display(),
            errors.join("\n")
        );
    }
}

#[test]
fn schema_rejects_what_the_contract_forbids() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path()).expect("schema file"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let good = serde_json::to_value(Agenda::default()).expect("serialises");
    assert!(validator.is_valid(&good));
    let mut bad_kind = good.clone();
    bad_kind["kind"] = "nyhedsbrev".into();
    // An unknown kind deserialises as "unknown" but is not valid output.
    assert!(!validator.is_valid(&bad_kind));
    let mut bad_date = good.clone();
    bad_date["meeting"]["date"] = "15-01-2021".into();
    assert!(!validator.is_valid(&bad_date));
    let mut missing = good;
    missing.as_object_mut().expect("object").remove("items");
    assert!(!validator.is_valid(&missing));
}

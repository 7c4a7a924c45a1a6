//! `dagsorden parse` from outside: formats, argument order, and bad files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/text")
        .join(name)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dagsorden"))
        .args(args)
        .output()
        .expect("dagsorden runs")
}

const SEED: &str = "kkr-nordjylland-2021-01-15.txt";

#[test]
fn one_file_gives_one_object_matching_the_golden_file() {
    let out = run(&[
        "parse".as_ref(),
        "--pretty".as_ref(),
        fixture(SEED).as_os_str(),
    ]);
    assert!(out.status.success());
    let actual: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let golden: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture(SEED).with_extension("json")).expect("golden"),
    )
    .expect("JSON");
    assert_eq!(actual, golden);
}

#[test]
fn several_files_keep_argument_order() {
    let names = [
        "kkr-nordjylland-2021-01-15.txt",
        "kkr-syddanmark-2019-03-08.txt",
        "kkr-midtjylland-2017-09-22.txt",
    ];
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    let mut args: Vec<&std::ffi::OsStr> = vec!["parse".as_ref()];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let out = run(&args);
    assert!(out.status.success());
    let array: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let orgs: Vec<&str> = array
        .iter()
        .map(|a| a["organisation"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        orgs,
        ["KKR NORDJYLLAND", "KKR SYDDANMARK", "KKR MIDTJYLLAND"]
    );

    args.push("--format".as_ref());
    args.push("jsonl".as_ref());
    let out = run(&args);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines, array);
}

#[test]
fn a_missing_file_is_named_and_fails_after_the_others() {
    let missing = fixture("does-not-exist.txt");
    let out = run(&[
        "parse".as_ref(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        missing.as_os_str(),
        fixture(SEED).as_os_str(),
    ]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does-not-exist.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "the good file is still parsed");
}

#[test]
fn binary_input_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("dagsorden-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let pdf = dir.join("x.txt");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\n").expect("write");
    let bin = dir.join("y.txt");
    std::fs::write(&bin, b"\x00\x01\x02binary").expect("write");
    let out = run(&["parse".as_ref(), pdf.as_os_str(), bin.as_os_str()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("x.txt") && stderr.contains("PDF"),
        "{stderr}"
    );
    assert!(
        stderr.contains("y.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_outline() {
    let out = run(&[
        "parse".as_ref(),
        "--format".as_ref(),
        "text".as_ref(),
        fixture(SEED).as_os_str(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2.1. Dialogmøde om Resultatkontrakt 2021"),
        "{text}"
    );
    assert!(text.contains("[SAG-2021-00200]"), "{text}");
}

/// Every file in `dir` whose name ends in `extension`, sorted.
fn files_in(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    found.sort();
    found
}

/// The command writes compact JSON with sonic-rs, and the library's users write it with
/// serde_json: the two must give the same bytes, on every text fixture and the PDF
/// fixtures of the producers (the exports and hostile files, many pages or inflate bombs,
/// take the unoptimised test build half a minute and add no shape of output the others
/// lack).
#[test]
fn compact_output_is_byte_for_byte_serde_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files = files_in(&root.join("text"), "txt");
    files.extend(files_in(&root.join("pdf"), "pdf"));
    assert!(files.len() > 80, "{} fixtures", files.len());
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["parse".as_ref(), "--format".as_ref(), "jsonl".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let out = run(&args);
    let mut expected = Vec::new();
    let mut failed = 0;
    for file in &files {
        let bytes = std::fs::read(file).expect("fixture");
        match dagsorden_pdf::parse_document(&bytes) {
            Ok(agenda) => {
                serde_json::to_writer(&mut expected, &agenda).expect("serialises");
                expected.push(b'\n');
            }
            Err(_) => failed += 1,
        }
    }
    assert_eq!(out.status.success(), failed == 0);
    let (actual, expected) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&expected),
    );
    for (number, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "document {number}");
    }
    assert_eq!(actual.lines().count(), expected.lines().count());
}

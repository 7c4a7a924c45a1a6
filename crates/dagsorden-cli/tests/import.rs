//! `dagsorden import`, `search` and `stats` from outside: idempotence, replacement of a
//! changed file, failures and exit codes, JSON Lines, and a real crash: an import killed
//! with SIGKILL mid-run leaves a sound database that a re-run completes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use dagsorden_store::Store;

fn dagsorden() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dagsorden"))
}

fn run(args: &[&str]) -> Output {
    dagsorden().args(args).output().expect("dagsorden runs")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dagsorden-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn fixtures_copy(dir: &Path, count: usize) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(src)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .take(count)
        .map(|f| {
            let to = dir.join(f.file_name().expect("file name"));
            std::fs::copy(&f, &to).expect("copy");
            to
        })
        .collect()
}

fn count(db: &Path, table: &str) -> i64 {
    let store = Store::open(db).expect("open");
    store
        .connection()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn import_is_idempotent_and_replaces_changed_files() {
    let dir = tempdir("idem");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).expect("dir");
    let files = fixtures_copy(&docs, 6);
    let db = dir.join("archive.sqlite");

    let first = run(&["import", s(&docs), "--db", s(&db)]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stderr).contains("6 imported"));
    let (documents, items, sections) = (
        count(&db, "documents"),
        count(&db, "items"),
        count(&db, "sections"),
    );
    assert_eq!(documents, 6);

    let second = run(&["import", s(&docs), "--db", s(&db)]);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("0 imported, 6 unchanged"));
    assert_eq!(
        (
            count(&db, "documents"),
            count(&db, "items"),
            count(&db, "sections")
        ),
        (documents, items, sections)
    );

    // A changed file replaces its rows; nothing is added twice.
    let changed = &files[0];
    let text = std::fs::read_to_string(changed).expect("read");
    std::fs::write(
        changed,
        text.replace(
            "Godkendelse af dagsorden",
            "Godkendelse af den reviderede dagsorden",
        ),
    )
    .expect("write");
    let third = run(&["import", s(&docs), "--db", s(&db)]);
    assert!(String::from_utf8_lossy(&third.stderr).contains("1 imported, 5 unchanged"));
    assert_eq!(count(&db, "documents"), 6);
    assert_eq!(count(&db, "items"), items);
    let store = Store::open(&db).expect("open");
    let renamed: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM items WHERE title = 'Godkendelse af den reviderede dagsorden'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(renamed, 1);
    assert_eq!(store.integrity_check().expect("check"), "ok");
    // The replaced rows left the search index with them (an external-content index
    // that still held them would fail its check), and the new title is found.
    store.check_search_index().expect("search index consistent");
    let hits = store.search("reviderede", 100).expect("search");
    assert!(!hits.is_empty());
    assert!(
        hits.iter().all(|h| h.title.contains("reviderede")),
        "{hits:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failures_are_reported_recorded_and_give_exit_code_2() {
    let dir = tempdir("fail");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).expect("dir");
    fixtures_copy(&docs, 3);
    std::fs::write(docs.join("broken.pdf"), b"%PDF-1.7\n garbage").expect("write");
    std::fs::write(docs.join("binary.txt"), b"\x00\x01\x02").expect("write");
    let db = dir.join("archive.sqlite");
    let jsonl = dir.join("out.jsonl");
    let out = run(&["import", s(&docs), "--db", s(&db), "--jsonl", s(&jsonl)]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 imported") && stderr.contains("2 failed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.pdf") && stderr.contains("binary.txt"),
        "{stderr}"
    );
    assert_eq!(count(&db, "documents"), 3);
    assert_eq!(count(&db, "failures"), 2);
    // JSON Lines: the contract, with the source path.
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&jsonl)
        .expect("jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(
        lines
            .iter()
            .all(|l| l["schema_version"] == 1 && l["source"]["path"].is_string())
    );
    let stats = run(&["stats", s(&db)]);
    let text = String::from_utf8_lossy(&stats.stdout);
    assert!(
        text.contains("documents: 3") && text.contains("failed files: 2"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn search_ranks_hits_with_their_context() {
    let dir = tempdir("search");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).expect("dir");
    fixtures_copy(&docs, 40);
    let db = dir.join("archive.sqlite");
    assert!(run(&["import", s(&docs), "--db", s(&db)]).status.success());
    let out = run(&[
        "search",
        s(&db),
        "erhvervshus resultatkontrakt",
        "--limit",
        "5",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().count() >= 2, "{text}");
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.contains("KKR") && first.contains('[') && first.contains(']'),
        "{first}"
    );
    let none = run(&["search", s(&db), "xyzzyuforekommende"]);
    assert!(none.status.success() && none.stdout.is_empty());
    let missing = run(&["search", s(&dir.join("nope.sqlite")), "x"]);
    assert!(!missing.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_killed_import_leaves_a_sound_database_that_a_rerun_completes() {
    let dir = tempdir("kill");
    let archive = dir.join("archive");
    dagsorden_bench::generate_archive(&archive, 1500, 7).expect("archive");
    let db = dir.join("killed.sqlite");
    let mut child = dagsorden()
        .args(["import", s(&archive), "--db", s(&db), "--threads", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("import starts");
    // Wait for the first committed batch, reading while the import writes (WAL: the
    // reader is not blocked), then kill it mid-run.
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if db.exists()
            && let Ok(store) = Store::open(&db)
            && let Ok(n) = store
                .connection()
                .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
        {
            seen = n;
            if n > 0 {
                break;
            }
        }
    }
    let finished_early = child.try_wait().expect("status").is_some();
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    assert!(seen > 0, "no batch was committed before the kill");
    let killed_at = count(&db, "documents");
    assert!(
        finished_early || killed_at < 1500,
        "the import finished before it could be killed"
    );
    assert_eq!(
        Store::open(&db)
            .expect("open")
            .integrity_check()
            .expect("check"),
        "ok"
    );

    let rerun = run(&["import", s(&archive), "--db", s(&db)]);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let clean = dir.join("clean.sqlite");
    assert!(
        run(&["import", s(&archive), "--db", s(&clean)])
            .status
            .success()
    );
    for table in [
        "documents",
        "items",
        "sections",
        "recommendations",
        "toc",
        "diagnostics",
    ] {
        assert_eq!(
            count(&db, table),
            count(&clean, table),
            "{table} after kill + re-run vs clean run"
        );
    }
    assert_eq!(count(&db, "documents"), 1500);
    // The search index agrees with the rows it points at, and finds as much as the
    // clean run's.
    let killed = Store::open(&db).expect("open");
    killed
        .check_search_index()
        .expect("search index consistent");
    let clean_store = Store::open(&clean).expect("open");
    for query in ["indstilling", "budget", "kkr"] {
        assert_eq!(
            killed.search(query, 100_000).expect("search").len(),
            clean_store.search(query, 100_000).expect("search").len(),
            "hits for {query:?} after kill + re-run vs clean run"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_readme_queries_run_on_an_imported_archive() {
    let dir = tempdir("readme");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).expect("dir");
    fixtures_copy(&docs, 100);
    let db = dir.join("archive.sqlite");
    assert!(run(&["import", s(&docs), "--db", s(&db)]).status.success());
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .expect("README");
    let queries = readme
        .split("Queries an analyst runs")
        .nth(1)
        .and_then(|rest| rest.split("```sql").nth(1))
        .and_then(|block| block.split("```").next())
        .expect("the README's block of analyst queries");
    let store = Store::open(&db).expect("open");
    let statements: Vec<&str> = queries
        .split(';')
        .map(str::trim)
        .filter(|q| {
            q.lines()
                .any(|l| !l.trim().is_empty() && !l.trim().starts_with("--"))
        })
        .collect();
    assert!(statements.len() >= 3, "{statements:?}");
    for sql in statements {
        let mut stmt = store
            .connection()
            .prepare(sql)
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        let mut result = stmt.query([]).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let mut rows = 0;
        while result
            .next()
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .is_some()
        {
            rows += 1;
        }
        assert!(rows > 0, "no rows from the README query {sql}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_named_twice_is_stored_once() {
    let dir = tempdir("twice");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).expect("dir");
    fixtures_copy(&docs, 4);
    let db = dir.join("archive.sqlite");
    let dotted = docs.join(".");
    let out = run(&["import", s(&docs), s(&dotted), "--db", s(&db)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&db, "documents"), 4);
    let store = Store::open(&db).expect("open");
    store.check_search_index().expect("search index consistent");
    let _ = std::fs::remove_dir_all(&dir);
}

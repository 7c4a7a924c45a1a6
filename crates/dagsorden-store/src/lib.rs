//! The SQLite archive of parsed agendas.
//!
//! One database file holds documents, items, sections, recommendations, TOC entries,
//! diagnostics and failed files, with an FTS5 index over item titles and section text.
//! Writes are idempotent (a document is known by its path and the SHA-256 of its bytes)
//! and crash-safe (every batch is one transaction; WAL mode lets readers query while an
//! import runs).
#![forbid(unsafe_code)]

use std::collections::HashMap;
use std::path::Path;

use dagsorden_model::{Agenda, Item, Severity};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// What went wrong with the archive database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused (locked, corrupt, disk full, not a database).
    #[error("archive database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A model could not be stored as JSON.
    #[error("archive database: cannot encode the model: {0}")]
    Json(#[from] serde_json::Error),
    /// An item has more sections than the search index can number (2^24 - 1).
    #[error(
        "archive database: item {item} has more sections than the search index can hold ({slot})"
    )]
    TooManySections {
        /// The item's id.
        item: i64,
        /// The section slot that did not fit.
        slot: usize,
    },
    /// The file is an SQLite database of another schema version.
    #[error("archive database has schema version {found}, this program writes {expected}")]
    SchemaVersion {
        /// Version in the file.
        found: i64,
        /// Version this program writes.
        expected: i64,
    },
}

/// Result of the store.
pub type Result<T> = std::result::Result<T, StoreError>;

const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    kind TEXT NOT NULL,
    organisation TEXT,
    date TEXT,
    time TEXT,
    end_time TEXT,
    place TEXT,
    title TEXT,
    pages INTEGER,
    bytes INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_org_date ON documents(organisation, date);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    parent_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
    depth INTEGER NOT NULL,
    title TEXT NOT NULL,
    case_id TEXT,
    initials TEXT,
    closed INTEGER NOT NULL,
    page INTEGER,
    -- Text under the heading before the first section.
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS items_document ON items(document_id);
CREATE INDEX IF NOT EXISTS items_case ON items(case_id);
-- Let the search index find its rows by search rowid (see search_source).
CREATE INDEX IF NOT EXISTS items_search_rowid ON items(id << 24);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sections_item ON sections(item_id);
CREATE INDEX IF NOT EXISTS sections_search_rowid ON sections((item_id << 24) + position + 1);
CREATE TABLE IF NOT EXISTS recommendations (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS recommendations_item ON recommendations(item_id);
CREATE TABLE IF NOT EXISTS toc (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    page INTEGER
);
CREATE INDEX IF NOT EXISTS toc_document ON toc(document_id);
CREATE TABLE IF NOT EXISTS diagnostics (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    line INTEGER NOT NULL,
    page INTEGER
);
CREATE INDEX IF NOT EXISTS diagnostics_document ON diagnostics(document_id);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
-- What is searchable: every section with its item's title, and every item without
-- sections, its title and text. The search rowid is (items.id << 24) + 1 + the section's
-- position, or items.id << 24 for an item without sections: rowids grow as rows are
-- written, which keeps FTS5 from flushing its pending index at every row, and
-- `search.rowid >> 24` is the item.
CREATE VIEW IF NOT EXISTS search_source(id, title, heading, text) AS
    SELECT (s.item_id << 24) + s.position + 1, i.title, s.heading, s.text
    FROM sections s JOIN items i ON i.id = s.item_id
    UNION ALL
    SELECT i.id << 24, i.title, '', i.body FROM items i
    WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.item_id = i.id);
-- External content: the index keeps no second copy of the text; snippets read the view.
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, heading, text, content = 'search_source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
"#;

/// An open archive.
pub struct Store {
    conn: Connection,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The document's file.
    pub path: String,
    /// Its organisation.
    pub organisation: Option<String>,
    /// Its meeting date (ISO).
    pub date: Option<String>,
    /// Item number.
    pub number: String,
    /// Item title.
    pub title: String,
    /// Section heading, when the hit is in a section.
    pub section: Option<String>,
    /// The matching text with the match marked `[…]`.
    pub snippet: String,
}

/// Counts an analyst asks for first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Documents.
    pub documents: i64,
    /// Items at every depth.
    pub items: i64,
    /// Sections.
    pub sections: i64,
    /// Documents per organisation and year: (organisation, year, count).
    pub by_organisation_year: Vec<(String, String, i64)>,
    /// Diagnostics per code: (code, count).
    pub diagnostics: Vec<(String, i64)>,
    /// Files that failed: (path, reason).
    pub failures: Vec<(String, String)>,
}

impl Store {
    /// Open (or create) an archive.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        // WAL: readers are never blocked by the importer, and a killed writer leaves
        // the last committed state.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 64 MiB of page cache (SQLite's default is 2 MiB): the search index's merges and
        // the B-tree inserts of a large import then find their pages in memory instead of
        // reading them back, which makes the one writer markedly cheaper. Memory stays
        // bounded by it.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != 0 && version != SCHEMA_VERSION {
            return Err(StoreError::SchemaVersion {
                found: version,
                expected: SCHEMA_VERSION,
            });
        }
        conn.execute_batch(SCHEMA)?;
        if version != SCHEMA_VERSION {
            // Merge index segments 16 at a time rather than FTS5's default 4: an import
            // adds a segment per batch, and merging them in fewer, larger steps costs the
            // one writer less; searches are as fast with a few more segments.
            conn.execute(
                "INSERT INTO search (search, rank) VALUES ('automerge', 16)",
                [],
            )?;
            conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        Ok(Store { conn })
    }

    /// Copy committed pages from the write-ahead log into the database on a thread of
    /// its own (every `every`), instead of in the writer's commits; the writer then
    /// spends its time writing. Stops when the returned guard is dropped. This
    /// connection's own automatic checkpoints stay off afterwards: meant for a bulk
    /// import, after which the store is closed (closing checkpoints the rest).
    pub fn checkpoint_in_background(
        &self,
        path: &Path,
        every: std::time::Duration,
    ) -> Result<Checkpointer> {
        let reader = Connection::open(path)?;
        reader.busy_timeout(std::time::Duration::from_secs(30))?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
                std::thread::park_timeout(every);
                // A checkpoint that cannot finish (a reader holds old pages) is retried
                // next time; the writer's data is safe in the log meanwhile.
                let _ = reader.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
            }
        });
        Ok(Checkpointer {
            stop,
            thread: Some(thread),
        })
    }

    /// Every imported file: path → SHA-256.
    pub fn known_files(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT path, sha256 FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Paths recorded as failed.
    pub fn known_failures(&self) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self.conn.prepare("SELECT path FROM failures")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Start a batch of writes: one transaction, committed by [`Batch::commit`].
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch {
            tx: self.conn.transaction()?,
        })
    }

    /// Ranked full-text search over item titles and section text (FTS5 syntax; plain
    /// words must all occur).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.path, d.organisation, d.date, i.number, i.title, s.heading,
                    snippet(search, -1, '[', ']', '…', 16)
             FROM search
             JOIN items i ON i.id = search.rowid >> 24
             LEFT JOIN sections s ON s.item_id = i.id AND s.position = (search.rowid & 16777215) - 1
             JOIN documents d ON d.id = i.document_id
             WHERE search MATCH ?1
             ORDER BY bm25(search, 4.0, 2.0, 1.0)
             LIMIT ?2",
        )?;
        let hits = stmt.query_map(params![query, limit as i64], |r| {
            Ok(Hit {
                path: r.get(0)?,
                organisation: r.get(1)?,
                date: r.get(2)?,
                number: r.get(3)?,
                title: r.get(4)?,
                section: r.get(5)?,
                snippet: r.get(6)?,
            })
        })?;
        Ok(hits.collect::<rusqlite::Result<_>>()?)
    }

    /// Counts by organisation and year, diagnostics by code, and failures.
    pub fn stats(&self) -> Result<Stats> {
        let count = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        let mut by_org = self.conn.prepare(
            "SELECT COALESCE(organisation, '(unknown)'), COALESCE(substr(date, 1, 4), '(no date)'), COUNT(*)
             FROM documents GROUP BY 1, 2 ORDER BY 1, 2",
        )?;
        let mut by_code = self
            .conn
            .prepare("SELECT code, COUNT(*) FROM diagnostics GROUP BY code ORDER BY 2 DESC, 1")?;
        let mut failures = self
            .conn
            .prepare("SELECT path, reason FROM failures ORDER BY path")?;
        Ok(Stats {
            documents: count("SELECT COUNT(*) FROM documents")?,
            items: count("SELECT COUNT(*) FROM items")?,
            sections: count("SELECT COUNT(*) FROM sections")?,
            by_organisation_year: by_org
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?,
            diagnostics: by_code
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?,
            failures: failures
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Check the search index against the rows it indexes (FTS5 `integrity-check`).
    pub fn check_search_index(&self) -> Result<()> {
        self.conn.execute(
            "INSERT INTO search (search, rank) VALUES ('integrity-check', 1)",
            [],
        )?;
        Ok(())
    }

    /// SQLite's own consistency check; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The connection, for queries of one's own.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The background checkpointer of [`Store::checkpoint_in_background`].
pub struct Checkpointer {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

/// Writes inside one transaction.
pub struct Batch<'s> {
    tx: Transaction<'s>,
}

impl Batch<'_> {
    /// Store a document, replacing any earlier version of the same path.
    pub fn put(
        &mut self,
        path: &str,
        sha256: &str,
        agenda: &Agenda,
        imported_at: &str,
    ) -> Result<i64> {
        self.remove(path)?;
        self.tx
            .prepare_cached("DELETE FROM failures WHERE path = ?1")?
            .execute([path])?;
        self.insert(path, sha256, agenda, imported_at)
    }

    /// Store a document whose path is in neither `documents` nor `failures` (the
    /// caller knows from [`Store::known_files`] and [`Store::known_failures`]): what
    /// [`Batch::put`] does, without looking for rows to replace.
    pub fn insert(
        &mut self,
        path: &str,
        sha256: &str,
        agenda: &Agenda,
        imported_at: &str,
    ) -> Result<i64> {
        let kind = serde_json::to_value(agenda.kind)?
            .as_str()
            .unwrap_or("unknown")
            .to_owned();
        self.tx.prepare_cached("INSERT INTO documents (path, sha256, format, kind, organisation, date, time, end_time, place,
                                    title, pages, bytes, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")?.execute(params![
                path,
                sha256,
                agenda.source.format,
                kind,
                agenda.organisation,
                agenda.meeting.date.map(|d| d.to_string()),
                agenda.meeting.time.map(|t| t.to_string()),
                agenda.meeting.end_time.map(|t| t.to_string()),
                agenda.meeting.place,
                agenda.title,
                agenda.source.pages,
                agenda.source.bytes as i64,
                imported_at,
            ])?;
        let document = self.tx.last_insert_rowid();
        let mut position = 0i64;
        for item in &agenda.items {
            self.put_item(document, None, item, &mut position)?;
        }
        for entry in &agenda.toc {
            self.tx
                .prepare_cached(
                    "INSERT INTO toc (document_id, number, title, page) VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![document, entry.number, entry.title, entry.page])?;
        }
        for d in &agenda.diagnostics {
            let severity = match d.severity {
                Severity::Info => "info",
                Severity::Warning => "warning",
                Severity::Error => "error",
            };
            self.tx
                .prepare_cached(
                    "INSERT INTO diagnostics (document_id, code, severity, message, line, page)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    document,
                    d.code.as_str(),
                    severity,
                    d.message,
                    d.span.line,
                    d.span.page
                ])?;
        }
        Ok(document)
    }

    fn put_item(
        &mut self,
        document: i64,
        parent: Option<i64>,
        item: &Item,
        position: &mut i64,
    ) -> Result<()> {
        let body = item
            .body
            .iter()
            .map(block_text)
            .collect::<Vec<_>>()
            .join("\n\n");
        self.tx.prepare_cached("INSERT INTO items (document_id, position, number, parent_id, depth, title, case_id, initials, closed, page, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")?.execute(params![
                document,
                *position,
                item.number,
                parent,
                item.depth() as i64,
                item.title,
                item.case.as_ref().map(|c| &c.id),
                item.case.as_ref().and_then(|c| c.initials.as_ref()),
                !item.open,
                item.heading_span.page,
                body,
            ])?;
        *position += 1;
        let id = self.tx.last_insert_rowid();
        for (i, text) in item.recommendations.iter().enumerate() {
            self.tx
                .prepare_cached(
                    "INSERT INTO recommendations (item_id, position, text) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![id, i as i64, text])?;
        }
        for (i, section) in item.sections.iter().enumerate() {
            let text = section.text();
            self.tx
                .prepare_cached(
                    "INSERT INTO sections (item_id, position, kind, heading, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![id, i as i64, section.kind.as_str(), section.heading, text])?;
            let rowid = search_rowid(id, i + 1)?;
            self.index(rowid, &item.title, &section.heading, &text)?;
        }
        if item.sections.is_empty() {
            self.index(search_rowid(id, 0)?, &item.title, "", &body)?;
        }
        for child in &item.children {
            self.put_item(document, Some(id), child, position)?;
        }
        Ok(())
    }

    /// Add one row of `search_source` to the search index, in this transaction: the
    /// index and the rows it points at commit (or vanish) together.
    fn index(&mut self, rowid: i64, title: &str, heading: &str, text: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO search (rowid, title, heading, text) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![rowid, title, heading, text])?;
        Ok(())
    }

    /// Remove a path's document and everything that hangs off it.
    pub fn remove(&mut self, path: &str) -> Result<bool> {
        let id: Option<i64> = self
            .tx
            .query_row("SELECT id FROM documents WHERE path = ?1", [path], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(id) = id else { return Ok(false) };
        // An external-content index forgets a row only when told its indexed values,
        // so its entries go first, while the rows still exist.
        for forget in [
            "INSERT INTO search (search, rowid, title, heading, text)
             SELECT 'delete', (i.id << 24) + s.position + 1, i.title, s.heading, s.text
             FROM items i JOIN sections s ON s.item_id = i.id WHERE i.document_id = ?1",
            "INSERT INTO search (search, rowid, title, heading, text)
             SELECT 'delete', i.id << 24, i.title, '', i.body FROM items i
             WHERE i.document_id = ?1 AND NOT EXISTS (SELECT 1 FROM sections s WHERE s.item_id = i.id)",
        ] {
            self.tx.prepare_cached(forget)?.execute([id])?;
        }
        self.tx
            .execute("DELETE FROM documents WHERE id = ?1", [id])?;
        Ok(true)
    }

    /// Record a file that could not be imported (replacing an earlier record).
    pub fn fail(&mut self, path: &str, reason: &str, failed_at: &str) -> Result<()> {
        self.tx.prepare_cached("INSERT INTO failures (path, reason, failed_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(path) DO UPDATE SET reason = excluded.reason, failed_at = excluded.failed_at")?.execute(params![path, reason, failed_at])?;
        Ok(())
    }

    /// Make the batch permanent.
    pub fn commit(self) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

/// Sections per item the search rowid has room for.
const SEARCH_ROWID_SHIFT: u32 = 24;

/// The search rowid of an item's `slot`: 0 for its own text, 1 + position for a section.
fn search_rowid(item: i64, slot: usize) -> Result<i64> {
    let slot = i64::try_from(slot)
        .ok()
        .filter(|s| *s < 1 << SEARCH_ROWID_SHIFT)
        .ok_or(StoreError::TooManySections { item, slot })?;
    Ok((item << SEARCH_ROWID_SHIFT) + slot)
}

fn block_text(block: &dagsorden_model::Block) -> String {
    match block {
        dagsorden_model::Block::Paragraph { text, .. }
        | dagsorden_model::Block::Enclosure { text, .. } => text.clone(),
        dagsorden_model::Block::List { items, .. } => items.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_rowids_grow_with_items_and_sections_and_name_their_item() {
        let rows = [
            search_rowid(1, 0),
            search_rowid(1, 1),
            search_rowid(1, 2),
            search_rowid(2, 0),
            search_rowid(2, 1),
        ]
        .map(|r| r.expect("fits"));
        assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
        assert!(rows.iter().all(|r| r >> SEARCH_ROWID_SHIFT >= 1));
        assert_eq!(rows[4] >> SEARCH_ROWID_SHIFT, 2);
    }

    #[test]
    fn an_item_with_too_many_sections_is_an_error_not_a_collision() {
        let last = (1usize << SEARCH_ROWID_SHIFT) - 1;
        assert!(search_rowid(7, last).is_ok());
        assert!(matches!(
            search_rowid(7, last + 1),
            Err(StoreError::TooManySections { item: 7, .. })
        ));
    }
}

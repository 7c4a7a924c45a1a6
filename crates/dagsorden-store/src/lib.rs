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

const SCHEMA_VERSION: i64 = 1;

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
    imported_at TEXT NOT NULL,
    -- 1 once the document's rows are in the search index (built in bulk after a run).
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_org_date ON documents(organisation, date);
CREATE INDEX IF NOT EXISTS documents_unindexed ON documents(indexed) WHERE indexed = 0;
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
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sections_item ON sections(item_id);
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
-- Search rows: rowid = sections.id for a section, -items.id for an item without
-- sections (its title and text alone).
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, heading, text, tokenize = 'unicode61 remove_diacritics 0'
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
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != 0 && version != SCHEMA_VERSION {
            return Err(StoreError::SchemaVersion {
                found: version,
                expected: SCHEMA_VERSION,
            });
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    /// Every imported file: path → SHA-256.
    pub fn known_files(&self) -> Result<HashMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT path, sha256 FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
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
             LEFT JOIN sections s ON search.rowid > 0 AND s.id = search.rowid
             JOIN items i ON i.id = CASE WHEN search.rowid > 0 THEN s.item_id ELSE -search.rowid END
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

    /// Add every document not yet in the search index to it, in one transaction; returns
    /// how many. Building the index in bulk after a run is several times faster than
    /// indexing each document as it is stored; a run that is killed leaves its documents
    /// stored and unindexed, and the next run indexes them.
    pub fn index_pending(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO search (rowid, title, heading, text)
             SELECT s.id, i.title, s.heading, s.text
             FROM documents d JOIN items i ON i.document_id = d.id JOIN sections s ON s.item_id = i.id
             WHERE d.indexed = 0",
            [],
        )?;
        tx.execute(
            "INSERT INTO search (rowid, title, heading, text)
             SELECT -i.id, i.title, '', i.body
             FROM documents d JOIN items i ON i.document_id = d.id
             WHERE d.indexed = 0 AND NOT EXISTS (SELECT 1 FROM sections s WHERE s.item_id = i.id)",
            [],
        )?;
        let documents = tx.execute("UPDATE documents SET indexed = 1 WHERE indexed = 0", [])?;
        tx.commit()?;
        Ok(documents)
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
            .execute("DELETE FROM failures WHERE path = ?1", [path])?;
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
                item.body.iter().map(block_text).collect::<Vec<_>>().join("\n\n"),
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
            self.tx
                .prepare_cached(
                    "INSERT INTO sections (item_id, position, kind, heading, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![id, i as i64, section.kind.as_str(), section.heading, section.text])?;
        }
        for child in &item.children {
            self.put_item(document, Some(id), child, position)?;
        }
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
        // The FTS table has no foreign keys: its rows go first.
        self.tx
            .prepare_cached(
                "DELETE FROM search WHERE rowid IN
                   (SELECT s.id FROM sections s JOIN items i ON i.id = s.item_id WHERE i.document_id = ?1
                    UNION ALL SELECT -id FROM items WHERE document_id = ?1)",
            )?
            .execute([id])?;
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

fn block_text(block: &dagsorden_model::Block) -> String {
    match block {
        dagsorden_model::Block::Paragraph { text, .. }
        | dagsorden_model::Block::Enclosure { text, .. } => text.clone(),
        dagsorden_model::Block::List { items, .. } => items.join("\n"),
    }
}

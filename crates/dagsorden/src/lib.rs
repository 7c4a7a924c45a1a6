//! Parse Danish meeting agendas and minutes ("dagsorden", "referat") into the typed
//! model of [`dagsorden_model`].
//!
//! Parsing text never fails: whatever the parser cannot place becomes a
//! [`Diagnostic`] with its span, and its text is kept.
//! Only input that is not text at all is an [`InputError`].
//!
//! ```
//! let agenda = dagsorden::parse("DAGSORDEN 2021\n\nKKR NORDJYLLAND\n\nDato: 15-01-2021 08:00\n\n\
//!     1. Godkendelse af dagsorden\n\n2. Eventuelt\n");
//! assert_eq!(agenda.organisation.as_deref(), Some("KKR NORDJYLLAND"));
//! assert_eq!(agenda.meeting.date.map(|d| d.to_string()).as_deref(), Some("2021-01-15"));
//! assert_eq!(agenda.items.len(), 2);
//! ```
//!
//! The pipeline: [`decode`] bytes into physical lines, [`lexer`] them into cleaned lines
//! with style hints, classify each with the small [`grammar`]s, and build the tree in
//! one state machine ([`build`]). The PDF front end produces the same [`lexer::Line`]s
//! and calls [`build`] too.
#![forbid(unsafe_code)]

mod builder;
mod check;
pub mod decode;
mod furniture;
pub mod grammar;
pub mod lexer;
mod paragraph;
mod recommendations;
pub mod vocabulary;

pub use dagsorden_model as model;
use dagsorden_model::{Agenda, Diagnostic, SourceInfo};

/// Input that is not a text document at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The bytes are a PDF; use the PDF front end (`dagsorden-pdf`).
    #[error(
        "input is a PDF, not text: use the PDF front end (dagsorden-pdf / `dagsorden parse x.pdf`)"
    )]
    Pdf,
    /// The bytes contain NUL or other control bytes that text never has.
    #[error("input is binary, not text (control byte at offset {offset})")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
    },
    /// UTF-16 text (a byte-order mark `FF FE` / `FE FF`), which is not supported.
    #[error("input is UTF-16 text, which is not supported: convert it to UTF-8 first")]
    Utf16,
    /// The input is larger than [`Limits::max_input_bytes`].
    #[error("input of {size} bytes exceeds the limit of {limit} bytes (Limits::max_input_bytes)")]
    TooLarge {
        /// The input's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

/// Resource limits for untrusted text. The model takes several times the input's size
/// in memory, so the input size is bounded; item nesting is bounded so that no tree is
/// deeper than any consumer (JSON readers, Python, recursive code) can walk.
///
/// ```
/// let limits = dagsorden::Limits { max_input_bytes: 10, ..Default::default() };
/// assert!(matches!(
///     dagsorden::parse_bytes_with(b"DAGSORDEN\n\n1. Punkt\n", &limits),
///     Err(dagsorden::InputError::TooLarge { size: 20, limit: 10 })
/// ));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted by [`parse_bytes_with`] (default 256 MiB). Spans hold
    /// 32-bit offsets, so nothing past [`Span::MAX_OFFSET`](dagsorden_model::Span::MAX_OFFSET)
    /// bytes is accepted whatever this says.
    pub max_input_bytes: usize,
    /// Deepest item number taken for an item (`1.2.3` is 3 deep; default 16). A deeper
    /// heading stays text, with a `nesting-too-deep` diagnostic.
    pub max_item_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 256 * 1024 * 1024,
            max_item_depth: 16,
        }
    }
}

/// Parse a text export (markdown-ish, plain or pdftotext-style) of an agenda. The text
/// is already in memory, so no size limit applies; see [`parse_bytes_with`].
pub fn parse(text: &str) -> Agenda {
    let raw = decode::lines_of_str(text);
    let source = SourceInfo {
        format: "text".into(),
        encoding: "UTF-8".into(),
        bytes: text.len(),
        lines: raw.last().map_or(0, |l| l.number),
        pages: None,
        path: None,
    };
    let mut lines = lexer::lex(raw);
    lexer::read_pipe_tables(&mut lines, text.as_bytes());
    lexer::swap_back_letters(&mut lines, text.as_bytes());
    build(lines, source, Vec::new())
}

/// Parse bytes: UTF-8 (with or without BOM), or Windows-1252/Latin-1 with a diagnostic.
///
/// ```
/// let agenda = dagsorden::parse_bytes(b"REFERAT\n\nDato: 28. januar 2010\n\n1. Godkendelse af dagsorden\n").unwrap();
/// assert_eq!(agenda.kind, dagsorden::model::DocumentKind::Referat);
/// assert!(dagsorden::parse_bytes(b"%PDF-1.4\n").is_err());
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Agenda, InputError> {
    parse_bytes_with(bytes, &Limits::default())
}

/// [`parse_bytes`] with explicit [`Limits`].
pub fn parse_bytes_with(bytes: &[u8], limits: &Limits) -> Result<Agenda, InputError> {
    let max_input_bytes = limits
        .max_input_bytes
        .min(dagsorden_model::Span::MAX_OFFSET);
    if bytes.len() > max_input_bytes {
        // A PDF or a binary file is told as such whatever its size: the PDF front end
        // has limits of its own.
        decode::reject_non_text(bytes)?;
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit: max_input_bytes,
        });
    }
    let (raw, encoding, diagnostics) = decode::decode_lazily(bytes)?;
    // Sized once from the line feeds (one vectorised pass) rather than grown by doubling,
    // which copied the lines over and over; exact for all but old Mac (CR-only) text.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    lines.extend(raw.map(lexer::lex_line));
    lexer::read_pipe_tables(&mut lines, bytes);
    lexer::swap_back_letters(&mut lines, bytes);
    let source = SourceInfo {
        format: "text".into(),
        encoding: encoding.into(),
        bytes: bytes.len(),
        lines: lines.last().map_or(0, |l| l.span.line),
        pages: None,
        path: None,
    };
    Ok(build_limited(
        lines,
        source,
        diagnostics,
        &Evidence::default(),
        limits,
    ))
}

/// What a front end knows about a document besides its lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Item numbers named by a PDF's outline (bookmarks): where no TOC is printed, a
    /// numbered line with one of these numbers is an item heading.
    pub outline_numbers: Vec<String>,
}

/// Build the model from lexed lines: the one structure builder every front end uses.
pub fn build(
    lines: Vec<lexer::Line<'_>>,
    source: SourceInfo,
    diagnostics: Vec<Diagnostic>,
) -> Agenda {
    build_with(lines, source, diagnostics, &Evidence::default())
}

/// [`build`], with evidence from outside the line stream.
pub fn build_with(
    lines: Vec<lexer::Line<'_>>,
    source: SourceInfo,
    diagnostics: Vec<Diagnostic>,
    evidence: &Evidence,
) -> Agenda {
    build_limited(lines, source, diagnostics, evidence, &Limits::default())
}

/// [`build_with`], with explicit [`Limits`].
pub fn build_limited(
    mut lines: Vec<lexer::Line<'_>>,
    source: SourceInfo,
    diagnostics: Vec<Diagnostic>,
    evidence: &Evidence,
    limits: &Limits,
) -> Agenda {
    lexer::read_detached_bullets(&mut lines);
    let mut agenda = builder::Builder::new(&lines, evidence, limits).run();
    agenda.source = source;
    agenda.diagnostics.extend(diagnostics);
    check::check(&mut agenda);
    agenda
        .diagnostics
        .sort_by_key(|d| (d.span.start, d.span.end));
    agenda
}

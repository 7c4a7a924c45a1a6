//! The typed model of a Danish meeting agenda ("dagsorden") or minutes ("referat").
//!
//! This crate holds only the types and their serde mapping: the JSON contract
//! (`schema_version` 1) that every front end of `dagsorden` produces. It has no
//! parsing code, so crates that store, index or analyse agendas can depend on it
//! without pulling in a parser.
//!
//! ```
//! use dagsorden_model::{Agenda, DocumentKind};
//!
//! let json = r#"{"schema_version":1,"kind":"dagsorden","title":"DAGSORDEN 2021",
//!   "organisation":"KKR NORDJYLLAND","meeting":{"date":"2021-01-15","time":"08:00",
//!   "end_time":null,"place":"Teams","fields":[]},"preamble":[],"toc":[],"items":[],
//!   "diagnostics":[]}"#;
//! let agenda: Agenda = serde_json::from_str(json).unwrap();
//! assert_eq!(agenda.kind, DocumentKind::Dagsorden);
//! assert_eq!(agenda.meeting.date.unwrap().to_string(), "2021-01-15");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod agenda;
mod diagnostic;
mod time;

pub use agenda::*;
pub use diagnostic::*;
pub use time::*;

/// The version of the JSON contract these types produce.
///
/// Fields may be added within a version; none is ever renamed or removed.
pub const SCHEMA_VERSION: u32 = 1;

/// A region of the original input: byte offsets (`start` inclusive, `end` exclusive)
/// into the bytes that were parsed, the 1-based line of `start`, and for PDF input the
/// 1-based page.
///
/// Offsets are 32-bit, as in most parsers' source ranges: a span is 16 bytes, and a
/// model holds several per item, so this halves what spans cost in memory. Front ends
/// refuse inputs past [`Span::MAX_OFFSET`] bytes (their default limits are far lower).
///
/// ```
/// use dagsorden_model::Span;
/// let heading = Span::new(10, 20, 2);
/// let body = Span::new(21, 80, 3);
/// assert!(heading.cover(body).contains(body));
/// assert_eq!(body.range(), 21..80);
/// assert_eq!(body.with_page(3).page.map(|p| p.get()), Some(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// 1-based line number of `start`.
    pub line: u32,
    /// 1-based page number, where the input has pages (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<std::num::NonZeroU32>,
}

impl Span {
    /// The largest byte offset a span can hold; longer inputs are refused.
    pub const MAX_OFFSET: usize = u32::MAX as usize;

    /// A span without a page. Offsets past [`Span::MAX_OFFSET`] are held at it.
    pub fn new(start: usize, end: usize, line: u32) -> Self {
        let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
        Span {
            start: offset(start),
            end: offset(end),
            line,
            page: None,
        }
    }

    /// The same span on `page` (1-based; 0 means no page).
    pub fn with_page(self, page: u32) -> Self {
        Span {
            page: std::num::NonZeroU32::new(page),
            ..self
        }
    }

    /// The byte range, for slicing the input.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span holding both; line and page come from the earlier one.
    pub fn cover(self, other: Span) -> Span {
        let (first, _) = if other.start < self.start {
            (other, self)
        } else {
            (self, other)
        };
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            line: first.line,
            page: first.page,
        }
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

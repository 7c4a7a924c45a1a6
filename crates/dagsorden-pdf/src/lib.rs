//! The PDF front end of `dagsorden`: a PDF becomes the same line stream as a text
//! export — with the evidence a PDF adds (font size, bold fonts, positions, pages) —
//! and goes through the one structure builder of the text parser.
//!
//! ```no_run
//! let bytes = std::fs::read("agenda.pdf").unwrap();
//! let agenda = dagsorden_pdf::parse_pdf(&bytes).unwrap();
//! println!("{:?} {} items", agenda.title, agenda.items.len());
//! ```
//!
//! Spans of a PDF's model point into the extracted text ([`extract`] returns it) and
//! carry the page number.
#![forbid(unsafe_code)]

mod fonts;
mod interpret;
mod layout;
mod marks;

use std::borrow::Cow;
use std::collections::HashMap;

use dagsorden::decode::RawLine;
use dagsorden::lexer::{Line, lex_line};
use dagsorden_model::{Agenda, Diagnostic, DiagnosticCode, Severity, SourceInfo, Span};
use lopdf::{Document, LoadOptions};

pub use fonts::MAX_MAPPED_CODES;
pub use layout::PdfLine;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The bytes do not start like a PDF.
    #[error("not a PDF file (no %PDF- header)")]
    NotPdf,
    /// The document is encrypted and the empty user password does not open it.
    #[error("the PDF is encrypted with a user password; it cannot be read without it")]
    Encrypted,
    /// lopdf could not recover the document structure.
    #[error("the PDF is damaged beyond repair: {reason}")]
    Damaged {
        /// What lopdf said.
        reason: String,
    },
    /// No page gave any text.
    #[error(
        "no text in any of the {pages} page(s): a scanned (image-only) or damaged PDF? Run OCR first"
    )]
    NoText {
        /// How many pages were read.
        pages: usize,
    },
    /// A resource limit of [`Limits`] was hit.
    #[error(
        "the PDF exceeds the limit on {limit} ({max}): a damaged file or a decompression bomb?"
    )]
    TooLarge {
        /// Which limit.
        limit: Limit,
        /// Its value.
        max: usize,
    },
}

/// The resource limits of [`Limits`], as named by [`PdfError::TooLarge`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::max_input_bytes`].
    InputBytes,
    /// [`Limits::max_decompressed_bytes`].
    DecompressedBytes,
    /// [`Limits::max_operations`].
    Operations,
    /// [`Limits::max_form_depth`].
    FormDepth,
    /// The extracted text, held to the text front end's
    /// [`max_input_bytes`](dagsorden::Limits::max_input_bytes) in [`Limits::text`]: a form
    /// drawn many times can multiply a little content into a great deal of text.
    TextBytes,
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Limit::InputBytes => "file size in bytes",
            Limit::DecompressedBytes => "decompressed bytes",
            Limit::Operations => "content-stream operations",
            Limit::FormDepth => "nesting of form XObjects",
            Limit::TextBytes => "extracted text in bytes",
        })
    }
}

/// Resource limits for reading untrusted PDFs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Size of the PDF file (default 512 MiB).
    pub max_input_bytes: usize,
    /// Decompressed bytes in total per document (default 256 MiB).
    pub max_decompressed_bytes: usize,
    /// Content-stream operations in total per document.
    pub max_operations: usize,
    /// Pages read; later pages are ignored with a diagnostic.
    pub max_pages: usize,
    /// Form XObjects drawn inside form XObjects (default 32).
    pub max_form_depth: usize,
    /// Limits of the structure builder (item nesting), and of the extracted text's size
    /// (its `max_input_bytes`, as for a text input).
    pub text: dagsorden::Limits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 512 * 1024 * 1024,
            max_decompressed_bytes: 256 * 1024 * 1024,
            max_operations: 50_000_000,
            max_pages: 10_000,
            max_form_depth: 32,
            text: dagsorden::Limits::default(),
        }
    }
}

/// The text of a PDF as lines, with what extraction noticed.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The lines in reading order, page by page.
    pub lines: Vec<PdfLine>,
    /// Number of pages.
    pub pages: usize,
    /// Problems worth telling (unmapped glyphs, skipped pages).
    pub diagnostics: Vec<Diagnostic>,
    /// Titles of the PDF outline (bookmarks), in order.
    pub outline: Vec<String>,
}

/// The most outline nodes read: a real document's bookmarks are a few hundred.
const MAX_OUTLINE_NODES: usize = 10_000;

/// The outline's titles in document order (each node, its children, then its next
/// sibling). Every node is read once and at most [`MAX_OUTLINE_NODES`] of them: a
/// hostile outline whose `/Next` links run in a circle ends (lopdf's own walk follows
/// such a circle for ever). What cannot be read is left out.
fn outline_titles(doc: &Document) -> Vec<String> {
    use lopdf::Object;
    let first_of = |dict: &lopdf::Dictionary| match dict.get(b"First") {
        Ok(Object::Reference(id)) => Some(*id),
        _ => None,
    };
    let Some(mut pending) = doc
        .catalog()
        .ok()
        .and_then(|catalog| match catalog.get(b"Outlines") {
            Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
            Ok(Object::Dictionary(dict)) => Some(dict),
            _ => None,
        })
        .and_then(first_of)
        .map(|first| vec![first])
    else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    let mut titles = Vec::new();
    while let Some(id) = pending.pop() {
        if seen.len() >= MAX_OUTLINE_NODES {
            break;
        }
        if !seen.insert(id) {
            continue;
        }
        let Ok(node) = doc.get_dictionary(id) else {
            continue;
        };
        let title = match node.get(b"Title") {
            Ok(Object::Reference(title_id)) => doc.get_object(*title_id).ok(),
            Ok(title) => Some(title),
            Err(_) => None,
        };
        if let Some(text) = title.and_then(|t| lopdf::decode_text_string(t).ok()) {
            titles.push(text);
        }
        // The next sibling waits until the children are read.
        if let Ok(Object::Reference(next)) = node.get(b"Next") {
            pending.push(*next);
        }
        if let Some(first) = first_of(node) {
            pending.push(first);
        }
    }
    titles
}

/// The item number an outline title starts with ("2.1. Dialogmøde …" → "2.1").
fn outline_number(title: &str) -> Option<String> {
    dagsorden::grammar::item_heading::item_heading(title.trim()).map(|h| h.number.to_owned())
}

/// Why a document (text or PDF) could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Not text, and not a PDF either.
    #[error(transparent)]
    Text(dagsorden::InputError),
    /// A PDF that could not be read.
    #[error(transparent)]
    Pdf(PdfError),
}

/// Parse a document told by its content: a PDF through this front end, anything else
/// as text (UTF-8 or a legacy encoding).
pub fn parse_document(bytes: &[u8]) -> Result<Agenda, DocumentError> {
    match dagsorden::parse_bytes(bytes) {
        Err(dagsorden::InputError::Pdf) => parse_pdf(bytes).map_err(DocumentError::Pdf),
        other => other.map_err(DocumentError::Text),
    }
}

/// Parse a PDF agenda into the model, with default limits.
pub fn parse_pdf(bytes: &[u8]) -> Result<Agenda, PdfError> {
    parse_pdf_with(bytes, &Limits::default())
}

/// Parse a PDF agenda into the model.
pub fn parse_pdf_with(bytes: &[u8], limits: &Limits) -> Result<Agenda, PdfError> {
    let extracted = extract(bytes, limits)?;
    let (_, lines) = to_lines(&extracted.lines);
    let evidence = dagsorden::Evidence {
        outline_numbers: extracted
            .outline
            .iter()
            .filter_map(|title| outline_number(title))
            .collect(),
    };
    let source = SourceInfo {
        format: "pdf".into(),
        encoding: "pdf".into(),
        bytes: bytes.len(),
        lines: u32::try_from(lines.len()).unwrap_or(u32::MAX),
        pages: u32::try_from(extracted.pages).ok(),
        path: None,
    };
    Ok(dagsorden::build_limited(
        lines,
        source,
        extracted.diagnostics,
        &evidence,
        &limits.text,
    ))
}

/// The extracted text, one line per line, as the spans of [`parse_pdf`] count it.
pub fn extracted_text(lines: &[PdfLine]) -> String {
    to_lines(lines).0
}

/// Extract the positioned lines of every page.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    if bytes.len() > limits.max_input_bytes {
        return Err(PdfError::TooLarge {
            limit: Limit::InputBytes,
            max: limits.max_input_bytes,
        });
    }
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_decompressed_bytes),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            PdfError::TooLarge {
                limit: Limit::DecompressedBytes,
                max: limits.max_decompressed_bytes,
            }
        }
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
        other => PdfError::Damaged {
            reason: other.to_string(),
        },
    })?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    let mut fonts = fonts::FontCache::default();
    let mut decompressed = 0usize;
    let mut text_bytes = 0usize;
    let mut lines = Vec::new();
    let mut diagnostics = Vec::new();
    let mut unmapped: HashMap<String, usize> = HashMap::new();
    for (&number, &page_id) in pages.iter().take(limits.max_pages) {
        let interpreter = interpret::Interpreter::new(
            &doc,
            &mut fonts,
            limits,
            &mut decompressed,
            &mut text_bytes,
        );
        let (runs, report) = interpreter.page(page_id)?;
        for (font, n) in report.unmapped {
            *unmapped.entry(font).or_default() += n;
        }
        if report.self_drawing_forms > 0 {
            diagnostics.push(Diagnostic::new(
                DiagnosticCode::NestingTooDeep,
                Severity::Info,
                format!(
                    "page {number}: {} form XObject(s) that draw themselves were drawn once",
                    report.self_drawing_forms
                ),
                Span::new(0, 0, 1),
            ));
        }
        let left_out = [
            (
                report.slanted,
                DiagnosticCode::PageFurniture,
                "text set at a slant (a watermark)",
            ),
            (
                report.struck,
                DiagnosticCode::UnplacedText,
                "text struck through (a deletion shown)",
            ),
        ];
        for (texts, code, what) in left_out {
            for (text, times) in texts {
                diagnostics.push(
                    Diagnostic::new(
                        code,
                        Severity::Info,
                        format!("page {number}: {what} left out of the lines ({times} time(s))"),
                        Span::new(0, 0, 1).with_page(number),
                    )
                    .with_text(text),
                );
            }
        }
        lines.extend(layout::page_lines_with_boxes(runs, &report.boxes, number));
    }
    if pages.len() > limits.max_pages {
        diagnostics.push(Diagnostic::new(
            DiagnosticCode::UnplacedText,
            Severity::Error,
            format!(
                "only the first {} of {} pages were read",
                limits.max_pages,
                pages.len()
            ),
            Span::new(0, 0, 1),
        ));
    }
    if lines.is_empty() {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    if fonts.codes.refused() {
        diagnostics.push(Diagnostic::new(
            DiagnosticCode::InvalidBytes,
            Severity::Warning,
            format!(
                "the fonts' Unicode maps and widths define more than {} character codes (ranges over the whole code space); those past that were not read, so some text may show wrong or replacement characters",
                fonts::MAX_MAPPED_CODES
            ),
            Span::new(0, 0, 1),
        ));
    }
    layout::mark_paragraph_gaps(&mut lines);
    let mut fonts: Vec<_> = unmapped.into_iter().collect();
    fonts.sort();
    for (font, n) in fonts {
        diagnostics.push(Diagnostic::new(
            DiagnosticCode::InvalidBytes,
            Severity::Warning,
            format!("{n} glyph(s) of font {font} have no Unicode mapping (no ToUnicode, unknown glyph names); shown as U+FFFD"),
            Span::new(0, 0, 1),
        ));
    }
    // The outline is evidence, not content: a broken one is simply not used.
    let outline = outline_titles(&doc);
    Ok(Extracted {
        lines,
        pages: pages.len(),
        diagnostics,
        outline,
    })
}

/// Lines of text with their evidence as hints; blank lines between paragraphs.
fn to_lines(pdf_lines: &[PdfLine]) -> (String, Vec<Line<'static>>) {
    let body = layout::body_size(pdf_lines);
    let left_margin: HashMap<u32, f32> = pdf_lines.iter().fold(HashMap::new(), |mut m, l| {
        let e = m.entry(l.page).or_insert(f32::MAX);
        *e = e.min(l.x);
        m
    });
    let mut text = String::new();
    let mut lines = Vec::with_capacity(pdf_lines.len() * 2);
    let mut number = 0u32;
    let mut previous_page = None;
    for pdf_line in pdf_lines {
        let new_page = previous_page.is_some_and(|p| p != pdf_line.page);
        if pdf_line.gap_before || new_page {
            number += 1;
            let start = text.len();
            text.push('\n');
            let mut blank = lex_line(RawLine {
                start,
                end: start,
                number,
                text: Cow::Borrowed(""),
            });
            blank.span = blank.span.with_page(pdf_line.page);
            blank.hints.page_break = new_page;
            lines.push(blank);
        }
        number += 1;
        let start = text.len();
        text.push_str(&pdf_line.text);
        let end = text.len();
        text.push('\n');
        let mut line = lex_line(RawLine {
            start,
            end,
            number,
            text: Cow::Owned(pdf_line.text.clone()),
        });
        line.span = line.span.with_page(pdf_line.page);
        line.hints.bold |= pdf_line.bold;
        line.hints.size_ratio = Some(pdf_line.size / body.max(1.0));
        line.hints.page_break |= new_page;
        let left = left_margin
            .get(&pdf_line.page)
            .copied()
            .unwrap_or(pdf_line.x);
        let indent = ((pdf_line.x - left) / (body.max(1.0) * 0.5)).round();
        line.hints.indent = if indent.is_finite() && indent > 0.0 {
            indent.min(200.0) as u16
        } else {
            0
        };
        lines.push(line);
        previous_page = Some(pdf_line.page);
    }
    (text, lines)
}

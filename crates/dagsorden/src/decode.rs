//! Bytes → physical lines, each with its byte range in the original input.
//!
//! Lines are split on the raw bytes (`\n`, `\r\n`, or a lone `\r`), and each line is
//! decoded on its own: UTF-8 where it is valid, Windows-1252 where it is not. Splitting
//! before decoding keeps every span pointing at the original bytes, whatever the
//! encoding, and copes with archives whose files mix both.

use std::borrow::Cow;

use dagsorden_model::{Diagnostic, DiagnosticCode, Severity, Span};

use crate::InputError;

/// One physical line: its text and where it stands in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// Byte offset of the first byte (after a BOM on the first line).
    pub start: usize,
    /// Byte offset one past the last byte, line terminator excluded.
    pub end: usize,
    /// 1-based line number.
    pub number: u32,
    /// The decoded text, terminator excluded.
    pub text: Cow<'a, str>,
}

impl RawLine<'_> {
    /// The span of this line.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end, self.number)
    }
}

/// The decoded lines of a document and what decoding had to say about it.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// Every physical line, in order.
    pub lines: Vec<RawLine<'a>>,
    /// `UTF-8`, or `windows-1252` when any line needed it.
    pub encoding: &'static str,
    /// Notes about the encoding.
    pub diagnostics: Vec<Diagnostic>,
}

/// How much of the start of the input is inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// Split text that is already a `str` (no decoding needed).
pub fn lines_of_str(text: &str) -> Vec<RawLine<'_>> {
    let mut lines = Vec::with_capacity(text.len() / 48 + 1);
    for (start, end, number) in line_ranges(text.as_bytes(), 0) {
        // Line terminators are ASCII, so these offsets are always char boundaries.
        let piece = text.get(start..end).unwrap_or_default();
        lines.push(RawLine {
            start,
            end,
            number,
            text: Cow::Borrowed(piece),
        });
    }
    lines
}

/// Decode bytes into lines; an error only for input that is not text at all.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    let (lines, encoding, diagnostics) = decode_lazily(bytes)?;
    Ok(Decoded {
        lines: lines.collect(),
        encoding,
        diagnostics,
    })
}

/// [`decode`] without collecting the lines: they are decoded as they are taken, so a
/// caller that turns them into something else never holds both at once.
pub fn decode_lazily(
    bytes: &[u8],
) -> Result<
    (
        impl Iterator<Item = RawLine<'_>>,
        &'static str,
        Vec<Diagnostic>,
    ),
    InputError,
> {
    reject_non_text(bytes)?;
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let whole = simdutf8::basic::from_utf8(&bytes[bom..]).ok();
    let mut diagnostics = Vec::new();
    let encoding = if whole.is_some() {
        "UTF-8"
    } else {
        let mut legacy_lines = 0u32;
        let mut first_legacy: Option<Span> = None;
        for (start, end, number) in line_ranges(bytes, bom) {
            if std::str::from_utf8(&bytes[start..end]).is_err() {
                legacy_lines += 1;
                first_legacy.get_or_insert(Span::new(start, end, number));
            }
        }
        diagnostics.push(Diagnostic::new(
            DiagnosticCode::LegacyEncoding,
            Severity::Info,
            format!("input is not UTF-8: {legacy_lines} line(s) decoded as windows-1252 (Latin-1)"),
            first_legacy.unwrap_or(Span::new(0, 0, 1)),
        ));
        "windows-1252"
    };
    let lines = line_ranges(bytes, bom).map(move |(start, end, number)| {
        // Line terminators are ASCII, so these offsets are char boundaries of `whole`.
        let text = match whole.and_then(|w| w.get(start - bom..end - bom)) {
            Some(s) => Cow::Borrowed(s),
            None => {
                let raw = &bytes[start..end];
                match std::str::from_utf8(raw) {
                    Ok(s) => Cow::Borrowed(s),
                    Err(_) => {
                        let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(raw);
                        Cow::Owned(decoded.into_owned())
                    }
                }
            }
        };
        RawLine {
            start,
            end,
            number,
            text,
        }
    });
    Ok((lines, encoding, diagnostics))
}

pub(crate) fn reject_non_text(bytes: &[u8]) -> Result<(), InputError> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.starts_with(b"%PDF-") {
        return Err(InputError::Pdf);
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Err(InputError::Utf16);
    }
    if let Some(offset) = memchr::memchr(0, head) {
        return Err(InputError::Binary { offset });
    }
    // Counted in runs of 255 with one-byte counters and no branch, which the compiler
    // vectorises: this reads the start of every file.
    let controls: usize = head
        .chunks(255)
        .map(|run| {
            usize::from(run.iter().fold(0u8, |n, &b| {
                n + u8::from((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C))
            }))
        })
        .sum();
    if head.len() >= 64 && controls * 10 > head.len() {
        return Err(InputError::Binary {
            offset: head
                .iter()
                .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
                .unwrap_or(0),
        });
    }
    Ok(())
}

/// `(start, end, line_number)` of each line from `from`; terminators excluded.
/// A final line without a terminator is included; an empty input gives no lines.
fn line_ranges(bytes: &[u8], from: usize) -> impl Iterator<Item = (usize, usize, u32)> + '_ {
    let mut pos = from;
    let mut number = 0u32;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let rest = &bytes[start..];
        let (end, next) = match memchr::memchr2(b'\n', b'\r', rest) {
            Some(i) => {
                let terminator_len = if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                (start + i, start + i + terminator_len)
            }
            None => (bytes.len(), bytes.len()),
        };
        pos = next;
        number += 1;
        Some((start, end, number))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(d: &'a Decoded<'_>) -> Vec<&'a str> {
        d.lines.iter().map(|l| l.text.as_ref()).collect()
    }

    #[test]
    fn splits_all_terminators_and_keeps_last_line() {
        let d = decode(b"a\r\nb\rc\nd").unwrap();
        assert_eq!(texts(&d), ["a", "b", "c", "d"]);
        assert_eq!(d.lines[3].start, 7);
        assert_eq!(d.lines[3].number, 4);
    }

    #[test]
    fn bom_is_skipped_but_offsets_stay_original() {
        let d = decode("\u{feff}Dato: 1\n".as_bytes()).unwrap();
        assert_eq!(texts(&d), ["Dato: 1"]);
        assert_eq!(d.lines[0].start, 3);
    }

    #[test]
    fn windows_1252_is_decoded_with_a_diagnostic() {
        let d = decode(b"M\xf8de i K\xf8ge\n\xc6ldre\n").unwrap();
        assert_eq!(texts(&d), ["Møde i Køge", "Ældre"]);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.diagnostics[0].code, DiagnosticCode::LegacyEncoding);
        assert_eq!(d.lines[1].start, 12);
    }

    #[test]
    fn binary_and_pdf_are_errors() {
        assert!(matches!(decode(b"%PDF-1.7\n"), Err(InputError::Pdf)));
        assert!(matches!(
            decode(b"ab\0cd"),
            Err(InputError::Binary { offset: 2 })
        ));
        assert!(matches!(decode(b"\xff\xfeD\0"), Err(InputError::Utf16)));
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(decode(b"").unwrap().lines.is_empty());
    }
}

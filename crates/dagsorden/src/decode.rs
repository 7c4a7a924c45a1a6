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
    // UTF-8 input is one valid stretch, and every line a slice of it.
    let mut regions = Utf8Regions::new(bytes, bom);
    let mut diagnostics = Vec::new();
    let encoding = if regions.covers_the_rest() {
        "UTF-8"
    } else {
        let mut legacy_lines = 0u32;
        let mut first_legacy: Option<Span> = None;
        let mut counting = regions;
        for (start, end, number) in line_ranges(bytes, bom) {
            if counting.line(start, end).is_none() {
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
        let text = match regions.line(start, end) {
            Some(s) => Cow::Borrowed(s),
            None => {
                // Without BOM sniffing: a line that starts with a UTF-8 BOM would be
                // decoded as UTF-8 without it, and the lexer counts one input byte per
                // character of a legacy line (its spans would slip).
                let decoded = encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&bytes[start..end])
                    .0;
                Cow::Owned(decoded.into_owned())
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

/// The lines of the input as `str` where they are UTF-8: the input is validated from a
/// line's start up to the next invalid sequence (for UTF-8 input, the end), in one
/// vectorised pass, and lines inside that stretch are slices of it; past the line with
/// the invalid sequence, validation starts again. A byte is looked at once a pass (twice
/// in a stretch that ends at an invalid sequence: to find it, then to take the stretch as
/// `str`); each line on its own, with the scalar check, cost a third of the parse of a
/// legacy file.
#[derive(Clone, Copy)]
struct Utf8Regions<'a> {
    bytes: &'a [u8],
    /// Where the valid stretch starts in `bytes`.
    start: usize,
    /// The valid stretch: up to the first invalid sequence from `start`, or the end.
    valid: &'a str,
}

impl<'a> Utf8Regions<'a> {
    fn new(bytes: &'a [u8], from: usize) -> Self {
        let mut regions = Utf8Regions {
            bytes,
            start: from,
            valid: "",
        };
        regions.validate_from(from);
        regions
    }

    fn validate_from(&mut self, start: usize) {
        let rest = self.bytes.get(start..).unwrap_or_default();
        self.start = start;
        self.valid = match simdutf8::compat::from_utf8(rest) {
            Ok(valid) => valid,
            // Valid up to there by the check; were it not, the lines would be decoded as
            // legacy text, not lost.
            Err(error) => {
                simdutf8::basic::from_utf8(&rest[..error.valid_up_to()]).unwrap_or_default()
            }
        };
    }

    /// Whether the stretch runs to the end of the input (all of it is UTF-8 from there).
    fn covers_the_rest(&self) -> bool {
        self.start + self.valid.len() == self.bytes.len()
    }

    /// Line `start..end` (lines asked in order) as `str`, or `None` if it holds an
    /// invalid sequence.
    fn line(&mut self, start: usize, end: usize) -> Option<&'a str> {
        if start < self.start || start > self.start + self.valid.len() {
            // Past the line that held the invalid sequence: a new stretch begins here.
            self.validate_from(start);
        }
        // Line terminators are ASCII, so a line inside the stretch ends at a boundary.
        self.valid.get(start - self.start..end - self.start)
    }
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
        // A blank line ends where it starts (half the lines of most exports): no search.
        let found = if rest.first() == Some(&b'\n') {
            Some(0)
        } else {
            memchr::memchr2(b'\n', b'\r', rest)
        };
        let (end, next) = match found {
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

    proptest::proptest! {
        /// Each line is what it is on its own: UTF-8 where it is valid, Windows-1252 where
        /// it is not, with every terminator.
        #[test]
        fn mixed_lines_decode_each_on_their_own(lines in proptest::collection::vec(
            (
                proptest::sample::select(vec![
                    &b"M\xc3\xb8de i K\xc3\xb8ge"[..], b"M\xf8de i K\xf8ge", b"", b"Dato: 1",
                    b"\xc6ldre", b"\xc3", b"ab\xe2\x80", b"\xe2\x80\x93 slut", b"\x80\x80",
                    b"\xf0\x9f\x98\x80", b"\xc3\xa6\xf8", b"\xef\xbb\xbf \xf4x",
                ]),
                proptest::sample::select(vec![&b"\n"[..], b"\r\n", b"\r"]),
            ),
            1..12,
        )) {
            let bytes: Vec<u8> = lines.iter().flat_map(|(line, end)| line.iter().chain(end.iter())).copied().collect();
            let decoded = decode(&bytes).unwrap();
            // A BOM that starts the file is skipped; one inside it is a line's bytes.
            let bom = if bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
            let expected: Vec<String> = line_ranges(&bytes, bom)
                .map(|(start, end, _)| {
                    let line = &bytes[start..end];
                    match std::str::from_utf8(line) {
                        Ok(s) => s.to_owned(),
                        Err(_) => line.iter().map(|&b| windows_1252_char(b)).collect(),
                    }
                })
                .collect();
            proptest::prop_assert_eq!(texts(&decoded), expected);
        }
    }

    /// Windows-1252 a byte at a time, for the oracle: the 32 C1 bytes it assigns
    /// (€, ‚, ƒ …) from its table, the five it leaves unassigned as their C1 controls,
    /// the rest as Latin-1.
    fn windows_1252_char(b: u8) -> char {
        const C1: [char; 32] = [
            '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
            '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
            '\u{9d}', 'ž', 'Ÿ',
        ];
        match b {
            0x80..=0x9F => C1[usize::from(b - 0x80)],
            _ => char::from(b),
        }
    }

    /// A legacy line that starts with a UTF-8 BOM (files run together) is Windows-1252
    /// like the rest of its line: one character per byte, so spans stay where they are.
    #[test]
    fn a_bom_inside_a_legacy_line_is_three_characters() {
        let d = decode(b"Dato: 1\n\xef\xbb\xbf **1. M\xf8de**\n").unwrap();
        assert_eq!(texts(&d)[1], "\u{ef}\u{bb}\u{bf} **1. Møde**");
        assert_eq!(
            d.lines[1].text.chars().count(),
            d.lines[1].end - d.lines[1].start
        );
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

//! Physical lines → [`Line`]s: cleaned text for the grammars, plus style hints.
//!
//! Markdown and HTML marks (`##`, `**`, `<b>`) that converters leave in text exports
//! are removed from the text and kept only as hints; tabs, no-break spaces and runs of
//! spaces become one space; soft hyphens and zero-width characters disappear. The PDF
//! front end builds the same [`Line`]s with hints taken from fonts and positions.

use std::borrow::Cow;

use dagsorden_model::Span;

use crate::decode::RawLine;

/// Evidence about how a line was styled, from markdown marks or from a PDF's fonts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Hints {
    /// Markdown heading level (`#` = 1).
    pub heading_level: Option<u8>,
    /// The whole line is bold (`**…**`, `<b>…</b>`, a bold font).
    pub bold: bool,
    /// The line started with a bullet (`-`, `*`, `•`, …), now removed from the text.
    pub bullet: bool,
    /// That bullet, where it was a dash (`-`, `–`): where the line turns out to
    /// continue a wrapped title ("… Vestdanmark" / "– udsendelse i offentlig høring"),
    /// the dash is the title's.
    pub dash_bullet: Option<char>,
    /// Leading white space, in columns (a tab counts 4).
    pub indent: u16,
    /// The line had a tab or a run of three or more spaces inside it (a TOC gap).
    pub wide_gap: bool,
    /// In such a line, a tab or two spaces or more stand right before the last word,
    /// where a TOC's page number is set off (`Godkendelse af dagsorden\t3`); a gap
    /// after the number only (`3.\tBudget 2010`) sets off no page.
    pub gap_before_last_word: bool,
    /// A form feed (page break) came before or on this line.
    pub page_break: bool,
    /// Font size relative to the body text (PDF only).
    pub size_ratio: Option<f32>,
}

impl Hints {
    /// Whether the styling marks this line as a heading of some kind.
    pub fn is_heading(&self) -> bool {
        self.heading_level.is_some() || self.bold || self.size_ratio.is_some_and(|r| r > 1.1)
    }

    /// Whether the line is a heading by structure (markdown level or larger type), not
    /// merely bold: bold alone is also used for emphasis inside text.
    pub fn is_strong_heading(&self) -> bool {
        self.heading_level.is_some() || self.size_ratio.is_some_and(|r| r > 1.1)
    }
}

/// A line ready for classification.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    /// Where the line stands in the original input.
    pub span: Span,
    /// The text with marks removed and white space normalised; empty for a blank line.
    pub text: Cow<'a, str>,
    /// Style evidence.
    pub hints: Hints,
}

impl Line<'_> {
    /// A line with no text (or only marks).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Lex every raw line.
pub fn lex<'a>(raw: impl IntoIterator<Item = RawLine<'a>>) -> Vec<Line<'a>> {
    raw.into_iter().map(lex_line).collect()
}

/// Lex one raw line.
pub fn lex_line(raw: RawLine<'_>) -> Line<'_> {
    if raw.text.is_empty() {
        // A blank line (half the lines of most exports): nothing to trim or clean. The
        // span is `content_span`'s with nothing trimmed (a test holds the two together);
        // going through it cost 0.4% of the archive's instructions.
        let start = raw.start.min(raw.end);
        return Line {
            span: Span::new(start, raw.end.max(start), raw.number),
            text: raw.text,
            hints: Hints::default(),
        };
    }
    let span = content_span(&raw);
    if is_rule(&raw.text) || is_pipe_table_delimiter(&raw.text) || is_empty_quote(&raw.text) {
        // A ruled line ("=====" under a typed heading, "-----" between a table's rows)
        // is layout, as a blank line is: it holds no text to keep.
        return Line {
            span,
            text: Cow::Borrowed(""),
            hints: Hints::default(),
        };
    }
    if is_lone_bullet(&raw.text) {
        // No text either; the bullet is kept as a hint for [`read_detached_bullets`],
        // which clears it.
        return Line {
            span,
            text: Cow::Borrowed(""),
            hints: Hints {
                bullet: true,
                ..Hints::default()
            },
        };
    }
    let (text, hints) = match raw.text {
        Cow::Borrowed(s) => clean(s),
        Cow::Owned(s) => {
            let (text, hints) = clean(&s);
            (Cow::Owned(text.into_owned()), hints)
        }
    };
    Line { span, text, hints }
}

/// A line drawn with one character typed again and again (`=====`, `---- ----`,
/// `_____`), three times or more, with nothing else but white space.
fn is_rule(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Every line is asked: its first character settles almost all.
    let Some(&first) = bytes.iter().find(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    if first == 0xE2 {
        // Drawn with a dash or box-drawing character: "−−−−" (a2ps prints the hyphen
        // as a minus sign), "––––", "────".
        let mut drawn = text.chars().filter(|c| !c.is_ascii_whitespace());
        let Some(line) = drawn.next().filter(|c| WIDE_RULE_CHARS.contains(c)) else {
            return false;
        };
        let mut count = 1;
        for c in drawn {
            if c != line {
                return false;
            }
            count += 1;
        }
        return count >= 3;
    }
    matches!(first, b'-' | b'=' | b'_' | b'*' | b'~')
        && bytes.iter().all(|&b| b == first || b.is_ascii_whitespace())
        && bytes.iter().filter(|&&b| b == first).count() >= 3
}

/// A Markdown table's delimiter row under its header row ("---|---", "|:--|--:|",
/// "--- | ---"), as html2text and pandoc write it: cells of hyphens, a colon at either
/// end for the alignment, apart by bars, with or without bars outside. Layout, as a
/// rule is; it tells that the rows around it are a table's ([`read_pipe_tables`]).
#[inline(always)]
fn is_pipe_table_delimiter(text: &str) -> bool {
    // Every line is asked: its first byte settles almost all (inline, before a call).
    matches!(
        text.as_bytes().first(),
        Some(b'-' | b':' | b'|' | b' ' | b'\t')
    ) && is_pipe_table_delimiter_closely(text)
}

#[inline(never)]
fn is_pipe_table_delimiter_closely(text: &str) -> bool {
    // Nothing but the row's own characters, looked at up to the first other one (a
    // bullet's text settles "- at …" at its third byte), and a bar among them.
    if !text
        .bytes()
        .all(|b| matches!(b, b'-' | b':' | b'|' | b' ' | b'\t'))
        || !text.contains('|')
    {
        return false;
    }
    let text = text.trim_matches([' ', '\t']);
    let inner = text.strip_prefix('|').unwrap_or(text);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').all(|cell| {
        let cell = cell.trim_matches([' ', '\t']);
        let dashes = cell.strip_prefix(':').unwrap_or(cell);
        let dashes = dashes.strip_suffix(':').unwrap_or(dashes);
        !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
    })
}

/// The rows of Markdown tables written without bars outside them ("Mødedato| Tirsdag
/// den 14. november 2023", html2text's tables): the header row right above a delimiter
/// row and the rows right under it, up to a blank line, are read as cells set off by a
/// wide gap, as [`bar_table_row`] reads rows with bars outside (which it has already
/// read). `input` is what the lines' spans point into: the delimiter rows, lexed blank,
/// are found there.
pub fn read_pipe_tables(lines: &mut [Line<'_>], input: &[u8]) {
    // Most documents have no bar at all: one vectorised search settles them.
    if memchr::memchr(b'|', input).is_none() {
        return;
    }
    for at in 0..lines.len() {
        let line = &lines[at];
        // A blank line with text in the input: a rule, or a delimiter row.
        if !line.is_blank()
            || line.span.end <= line.span.start
            || !matches!(
                input.get(line.span.start as usize),
                Some(b'-' | b':' | b'|')
            )
        {
            continue;
        }
        let Some(delimiter) = input
            .get(line.span.start as usize..line.span.end as usize)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
        else {
            continue;
        };
        if !is_pipe_table_delimiter(delimiter) {
            continue;
        }
        if let Some(header) = at.checked_sub(1) {
            read_as_row(&mut lines[header]);
        }
        for row in lines[at + 1..].iter_mut().take_while(|l| !l.is_blank()) {
            read_as_row(row);
        }
    }
}

/// Bullets set apart from their text: "•" alone on a line, a line each, and the
/// list's text after them ("Direktionen indstiller, at" / "•" / "•" / "•" / "budget-
/// opfølgningen tages til efterretning," / …), as pdftotext's reading order gives a
/// list whose bullets stand in a column of their own. Two bullets or more, a line
/// each, and text after them that is not a heading: the text is read as that many
/// items. Where there are as many lines as bullets, each line is one; otherwise the
/// first line takes the first bullet, and each line after one that ends a clause (",",
/// ";", ".", ":", "og", "eller") or that starts one ("at …") the next, until the
/// bullets run out or a blank line comes. One bullet right over a line of text (no
/// blank line between) bullets that line. Every line lexed from a bullet alone comes
/// back blank with no hints, whether its bullets were placed or not.
pub fn read_detached_bullets(lines: &mut [Line<'_>]) {
    let mut at = 0;
    while at < lines.len() {
        // (The hint first: one byte, false on almost every line.)
        let Some(found) = lines[at..]
            .iter()
            .position(|l| l.hints.bullet && l.is_blank())
        else {
            return;
        };
        at += found;
        // The column of bullets, a line each: one alone is an empty list item, as
        // Markdown converters leave them.
        let mut bullets = 0;
        while at < lines.len() && lines[at].is_blank() && lines[at].hints.bullet {
            lines[at].hints.bullet = false;
            bullets += 1;
            at += 1;
        }
        // A bullet alone right over its item's text (no blank line between): that line
        // is the item ("\"" / " Specifikation af overførsler", unrtf).
        if bullets == 1 {
            if let Some(line) = lines.get_mut(at)
                && !line.is_blank()
                && !line.hints.is_heading()
            {
                line.hints.bullet = true;
            }
            continue;
        }
        while at < lines.len() && lines[at].is_blank() {
            lines[at].hints.bullet = false;
            at += 1;
        }
        // The list's text is running text, not a heading.
        if lines.get(at).is_some_and(|l| l.hints.is_heading()) {
            continue;
        }
        // As many lines as bullets: a line each (a list of names). Otherwise the text
        // is cut where its clauses end.
        let text_lines = lines[at..].iter().take_while(|l| !l.is_blank()).count();
        let line_each = text_lines == bullets;
        let mut after_clause = true;
        while bullets > 0 && at < lines.len() && !lines[at].is_blank() {
            let line = &mut lines[at];
            // ("at …" opens a clause of its own wherever the line before ended.)
            let opens_clause = line_each || after_clause || line.text.starts_with("at ");
            if opens_clause && !line.hints.bullet {
                line.hints.bullet = true;
                bullets -= 1;
            }
            after_clause = ends_a_clause(&line.text);
            at += 1;
        }
    }
}

/// Whether a line of a list's text ends one of its clauses.
fn ends_a_clause(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with([',', ';', '.', ':']) || text.ends_with(" og") || text.ends_with(" eller")
}

/// A row of a table without bars outside, in place: its cells set off by a wide gap.
fn read_as_row(line: &mut Line<'_>) {
    if line.is_blank() || !line.text.contains('|') {
        return;
    }
    let cells = row_of_cells(line.text.split('|'));
    line.hints.wide_gap = true;
    line.hints.gap_before_last_word = wide_gap_before_last_word(&cells);
    line.text = Cow::Owned(cells);
}

/// A table row's cells with text, set off from each other by a wide gap; a label and
/// its value alone in a row are read as "Label:   value". Cells of rule characters
/// ("---", ":--") hold no text.
fn row_of_cells<'c>(cells: impl IntoIterator<Item = &'c str>) -> String {
    let mut row = String::new();
    let mut filled = 0;
    let mut first_is_label = false;
    let mut after_badge = false;
    for (at, cell) in cells.into_iter().enumerate() {
        let text = cell.trim();
        if is_filled_cell(text) {
            if after_badge {
                // "Åbent punkt | Sagsnr.: 24-000381": the item's access badge in a cell
                // before its fields, set off as the grammars read it on one line.
                row.push_str(" · ");
            } else if !row.is_empty() {
                row.push_str("   ");
            }
            after_badge = row.is_empty() && crate::grammar::access_marker::is_access_marker(text);
            row.push_str(text);
            filled += 1;
            first_is_label |= at == 0 && is_label(text);
        }
    }
    // "|Fraværende |Lone Bak (A) |": a label and its value, read as "Fraværende: …".
    if filled == 2
        && first_is_label
        && let Some(gap) = row.find("   ")
    {
        row.insert(gap, ':');
    }
    row
}

/// A table cell with text, not empty and not drawn with rule characters.
fn is_filled_cell(text: &str) -> bool {
    !text.is_empty() && !text.bytes().all(|b| matches!(b, b'-' | b':' | b'=' | b'+'))
}

/// Characters outside ASCII that draw a rule typed again and again: the minus sign, en
/// and em dashes, box-drawing lines.
const WIDE_RULE_CHARS: [char; 6] = ['\u{2212}', '–', '—', '─', '━', '═'];

/// A bullet with nothing after it (an empty list item, as Markdown converters leave
/// them): no text, as a blank line. A double quote alone is one too: unrtf writes the
/// Symbol font's bullet (its code 0xB7) so, padded with spaces, its item on the next
/// line.
fn is_lone_bullet(text: &str) -> bool {
    // Every line is asked: its length settles almost all.
    text.len() <= 12 && {
        let mut chars = text.trim().chars();
        chars.next().is_some_and(|c| is_bullet(c) || c == '"') && chars.next().is_none()
    }
}

/// A Markdown heading's text without pandoc's attribute block after it ("Indholdsfortegnelse
/// {#indholdsfortegnelse .TOC-Heading}"): an identifier or classes in braces.
fn without_heading_attributes(heading: &str) -> &str {
    heading
        .strip_suffix('}')
        .and_then(|inner| inner.rsplit_once(" {"))
        .filter(|(_, attributes)| attributes.starts_with(['#', '.']) && !attributes.contains('{'))
        .map_or(heading, |(text, _)| text.trim_end())
}

/// A quoted blank line of an e-mail (">", "> >"): no text, as a blank line.
fn is_empty_quote(text: &str) -> bool {
    // Every line is asked: its first byte settles almost all.
    text.as_bytes().first() == Some(&b'>')
        && text.len() <= MAX_EMPTY_QUOTE_BYTES
        && text.bytes().all(|b| b == b'>' || b.is_ascii_whitespace())
}

/// The longest quoted blank line looked for (quotes nested a few deep).
const MAX_EMPTY_QUOTE_BYTES: usize = 12;

/// The line's span without leading and trailing white space, so that a span starts at
/// the first character of content (a `./.` margin marker, a heading's number).
fn content_span(raw: &RawLine<'_>) -> Span {
    let is_space = |c: char| c.is_ascii_whitespace();
    // Decoded legacy text has one byte per character in the input; UTF-8 text its own.
    let input_len = |s: &str| match raw.text {
        Cow::Borrowed(_) => s.len(),
        Cow::Owned(_) => s.chars().count(),
    };
    let text = raw.text.as_ref();
    let lead = input_len(&text[..text.len() - text.trim_start_matches(is_space).len()]);
    let trail = input_len(&text[text.trim_end_matches(is_space).len()..]);
    let start = (raw.start + lead).min(raw.end);
    let end = raw.end.saturating_sub(trail).max(start);
    Span::new(start, end, raw.number)
}

/// Whether a line can be used as it is, with no cleaning (the common case, kept
/// allocation-free): no marks, no odd white space, no bullet, no letter-spacing. Danish
/// letters are fine; only the few non-ASCII characters cleaning changes are looked for.
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last), Some(first_char)) =
        (bytes.first(), bytes.last(), s.chars().next())
    else {
        return true;
    };
    if first.is_ascii_whitespace()
        || last.is_ascii_whitespace()
        || matches!(first, b'#' | b'>' | b'|')
        // ("Mødedato|Tirsdag den 8. oktober 2024|": a row whose cells each end in a bar.)
        || last == b'|'
        // (U+2500–U+257F, a table drawn with box-drawing characters, start 0xE2 0x94
        // or 0xE2 0x95.)
        || first == 0xE2 && matches!(bytes.get(1), Some(0x94 | 0x95))
        || (first == b'(' && bytes.starts_with(BUTTON_MARK.as_bytes()))
        || is_bullet(first_char)
    {
        return false;
    }
    match quick_look(bytes) {
        QuickLook::Clean => true,
        QuickLook::Changes => false,
        QuickLook::Unsure => is_clean_closely(bytes),
    }
}

/// What [`quick_look`] can tell of a line without its close look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuickLook {
    /// Nothing in it cleaning changes.
    Clean,
    /// Something in it that cleaning always changes: a mark, a tab or other odd white
    /// space, a double space.
    Changes,
    /// A lead byte of a character cleaning may change, or enough one-character words
    /// for letter-spacing: left to [`is_clean_closely`].
    Unsure,
}

/// [`is_clean`]'s close look, for a line whose ends are already checked: one pass that
/// looks for what cleaning changes, and counts words and one-character words for the
/// letter-spacing check.
fn is_clean_closely(bytes: &[u8]) -> bool {
    let (mut words, mut singles) = (0usize, 0usize);
    let (mut token_chars, mut token_digits) = (0usize, true);
    let mut previous = 0u8;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if previous == b' ' {
                return false;
            }
            count_token(&mut words, &mut singles, token_chars, token_digits);
            (token_chars, token_digits) = (0, true);
        } else {
            if MAY_CHANGE[usize::from(b)] {
                let next = |k: usize| bytes.get(i + k).copied();
                let changes = match b {
                    // U+00A0 no-break space, U+00AD soft hyphen.
                    0xC2 => matches!(next(1), Some(0xA0 | 0xAD)),
                    // U+2007 figure space, U+200B–D zero-width, U+202F narrow no-break
                    // space, U+2010 and U+2011 hyphens, U+2212 minus sign.
                    0xE2 => {
                        next(1) == Some(0x80)
                            && matches!(next(2), Some(0x87 | 0x8B..=0x8D | 0xAF | 0x90 | 0x91))
                            || next(1) == Some(0x88) && next(2) == Some(0x92)
                    }
                    // U+FEFF byte-order mark.
                    0xEF => next(1) == Some(0xBB) && next(2) == Some(0xBF),
                    // A browser's link number ("[21]Godkendelse"), a Markdown link.
                    b'[' => {
                        let digits = bytes[i + 1..]
                            .iter()
                            .take_while(|d| d.is_ascii_digit())
                            .count();
                        digits > 0 && bytes.get(i + 1 + digits) == Some(&b']')
                            || memchr::memmem::find(&bytes[i..], b"](").is_some()
                            // A link's text that goes on on the next line.
                            || i == 0 && memchr::memchr(b']', bytes).is_none()
                    }
                    _ => true,
                };
                if changes {
                    return false;
                }
            }
            if b & 0xC0 != 0x80 {
                token_chars += 1;
            }
            token_digits &= b.is_ascii_digit();
        }
        previous = b;
    }
    count_token(&mut words, &mut singles, token_chars, token_digits);
    !(words >= 3 && singles * 3 >= words)
}

/// A quick look at a line whose ends are already checked. One pass over each byte with
/// its neighbours, without branches, so that the compiler can vectorise it. A mark, odd
/// white space or a double space anywhere settles that cleaning changes the line (the
/// close look would stop there: lines with a tab or a gap, TOC lines and laid-out text,
/// are settled here); no lead byte of a character cleaning may change, and too few
/// one-character words for letter-spacing (counted generously: every one-byte word and
/// every word that starts outside ASCII, against the words that do not start with a
/// digit), settle that it needs none. Anything else is left to the close look.
fn quick_look(bytes: &[u8]) -> QuickLook {
    let n = bytes.len();
    if n < 3 {
        return QuickLook::Unsure;
    }
    let mut counts = if n <= PADDED_LINE - 16 {
        middle_counts_padded(bytes)
    } else {
        middle_counts_in_runs(bytes)
    };
    // The first and the last byte stand outside the windows' middle (neither is a
    // space: the caller checked the ends).
    let (first, second, last) = (bytes[0], bytes[1], bytes[n - 1]);
    if counts.marks != 0 || counts.doubles != 0 || is_mark(first) || is_mark(last) {
        return QuickLook::Changes;
    }
    let edge_leads = is_changing_lead(first) || is_changing_lead(last);
    counts.singles += u32::from(second == b' ' || first >= 0xC0);
    counts.singles += u32::from(bytes[n - 2] == b' ');
    counts.digit_led += u32::from(first.is_ascii_digit());
    let words = counts.spaces + 1;
    if counts.leads == 0
        && !edge_leads
        && counts.singles * 3 < words.saturating_sub(counts.digit_led)
    {
        QuickLook::Clean
    } else {
        QuickLook::Unsure
    }
}

/// A byte cleaning always changes: a mark, a tab, a vertical tab or a form feed.
const fn is_mark(b: u8) -> bool {
    (b == b'\t')
        | (b == 0x0B)
        | (b == 0x0C)
        | (b == b'*')
        | (b == b'<')
        | (b == b'\\')
        | (b == b'_')
}

/// The lead byte of every character cleaning may change (odd spaces, invisible
/// characters), and of others ("§", "–"): the close look tells them apart.
const fn is_changing_lead(b: u8) -> bool {
    (b == 0xC2) | (b == 0xE2) | (b == 0xEF) | (b == b'[')
}

/// [`quick_look`]'s counts over the middle bytes (1..n-1) of a line of the usual
/// length, copied into a buffer padded with a letter, so that the look runs in whole
/// vectors, without the byte-at-a-time tail of a line's length. The padding counts for
/// nothing; the last byte, looked at as a middle byte too, counts only as a digit that
/// would start a word, which is taken off again.
fn middle_counts_padded(bytes: &[u8]) -> QuickCounts {
    // The copy no longer than the line needs: filling it is part of every line's cost.
    match bytes.len() {
        0..=48 => middle_counts_in_copy::<64>(bytes),
        49..=112 => middle_counts_in_copy::<128>(bytes),
        _ => middle_counts_in_copy::<PADDED_LINE>(bytes),
    }
}

/// [`middle_counts_padded`] in a copy of `N` bytes, for lines of at most `N - 16`.
fn middle_counts_in_copy<const N: usize>(bytes: &[u8]) -> QuickCounts {
    let n = bytes.len();
    let mut counts = QuickCounts::default();
    let mut padded = [b'a'; N];
    padded[..n].copy_from_slice(bytes);
    let middle_end = 1 + (n - 2).div_ceil(16) * 16;
    counts.add_windows(&padded, 1, middle_end);
    if middle_end > n - 1 && bytes[n - 2] == b' ' && bytes[n - 1].is_ascii_digit() {
        counts.digit_led = counts.digit_led.saturating_sub(1);
    }
    counts
}

/// [`quick_look`]'s counts over the middle bytes (1..n-1) of a line of any length
/// (at least 3 bytes), in runs short enough for one-byte counters.
fn middle_counts_in_runs(bytes: &[u8]) -> QuickCounts {
    let n = bytes.len();
    let mut counts = QuickCounts::default();
    let mut start = 1;
    while start < n - 1 {
        let end = (start + 255).min(n - 1);
        counts.add_windows(bytes, start, end);
        start = end;
    }
    counts
}

/// The length of [`middle_counts_padded`]'s copy of a line.
const PADDED_LINE: usize = 256;

/// [`quick_look`]'s totals over a line.
#[derive(Debug, Default, PartialEq, Eq)]
struct QuickCounts {
    marks: u32,
    leads: u32,
    doubles: u32,
    spaces: u32,
    singles: u32,
    digit_led: u32,
}

impl QuickCounts {
    /// Count positions `start..end` of `bytes` (at most 255, for one-byte counters that
    /// a vector register holds many of), each byte with the bytes either side, without
    /// branches.
    #[inline(always)]
    fn add_windows(&mut self, bytes: &[u8], start: usize, end: usize) {
        let (mut marks, mut leads, mut doubles, mut spaces) = (0u8, 0u8, 0u8, 0u8);
        let (mut singles, mut digit_led) = (0u8, 0u8);
        let windows = bytes[start - 1..end - 1]
            .iter()
            .zip(&bytes[start..end])
            .zip(&bytes[start + 1..end + 1]);
        for ((&before, &b), &after) in windows {
            marks |= u8::from(is_mark(b));
            leads |= u8::from(is_changing_lead(b));
            let space = b == b' ';
            spaces += u8::from(space);
            doubles |= u8::from(space & (after == b' '));
            let starts_word = before == b' ';
            singles += u8::from(starts_word & ((after == b' ') | (b >= 0xC0)));
            digit_led += u8::from(starts_word & b.is_ascii_digit());
        }
        self.marks |= u32::from(marks);
        self.leads |= u32::from(leads);
        self.doubles |= u32::from(doubles);
        self.spaces += u32::from(spaces);
        self.singles += u32::from(singles);
        self.digit_led += u32::from(digit_led);
    }
}

/// Bytes [`is_clean`] must look at more closely: marks, odd white space, and the lead
/// bytes of the invisible or odd-space characters.
const MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        table[i] = is_mark(i as u8) || is_changing_lead(i as u8);
        i += 1;
    }
    table
};

/// Count one token for the letter-spacing check (digit runs do not vote).
fn count_token(words: &mut usize, singles: &mut usize, chars: usize, digits_only: bool) {
    if chars > 0 && !digits_only {
        *words += 1;
        if chars == 1 {
            *singles += 1;
        }
    }
}

/// A cheap, allocation-free first look for [`collapse_letter_spacing`]: enough words
/// and enough of them single characters (digit runs do not vote).
fn might_be_letter_spaced(s: &str) -> bool {
    let (mut words, mut singles) = (0usize, 0usize);
    for token in s.split_ascii_whitespace() {
        let digits_only = token.bytes().all(|b| b.is_ascii_digit());
        count_token(&mut words, &mut singles, token.chars().count(), digits_only);
    }
    words >= 3 && singles * 3 >= words
}

/// Typographic bullets, which need no space after them, with the private-use code
/// points of the Symbol and Wingdings fonts' bullet, square and arrow that PDFs made
/// from Word documents carry when the font has no Unicode map for them (U+F0B7, U+F0A7,
/// U+F0D8).
const TYPOGRAPHIC_BULLETS: [char; 11] = [
    '•', '◦', '▪', '‣', '▸', '►', '▶', '■', '\u{f0b7}', '\u{f0a7}', '\u{f0d8}',
];

/// Whether `c` opens a bulleted line: "-", "*", "+", a dash, a middle dot or one of
/// [`TYPOGRAPHIC_BULLETS`]. Every line's first character is asked, and most are ASCII
/// letters, which settle it at once.
#[inline]
fn is_bullet(c: char) -> bool {
    match c {
        '-' | '*' | '+' => true,
        c if c.is_ascii() => false,
        '–' | '·' => true,
        c => TYPOGRAPHIC_BULLETS.contains(&c),
    }
}

fn clean(s: &str) -> (Cow<'_, str>, Hints) {
    let mut hints = Hints::default();
    if is_clean(s) {
        return (Cow::Borrowed(s), hints);
    }
    hints.indent = leading_indent(s);
    // Indented or with trailing blanks but otherwise clean (pdftotext -layout): a slice.
    // (A line with nothing to trim was looked at above.)
    let trimmed = s.trim_matches([' ', '\t']);
    if trimmed.len() < s.len() && is_clean(trimmed) {
        return (Cow::Borrowed(trimmed), hints);
    }
    // "*   LUKKET DAGSORDEN   *": a line inside a box typed with asterisks (its top
    // and bottom are rules); the asterisks are the box, not a bullet.
    if let Some(inner) = boxed_line(trimmed) {
        return clean_in_general(inner, hints);
    }
    // (Before the marks: a grid table's rule starts with a "+", a bullet elsewhere.)
    if let Some(row) = table_row(s) {
        hints.indent = row.indent;
        let (text, hints) = clean_in_general(&row.cells, hints);
        return (Cow::Owned(text.into_owned()), hints);
    }
    if let Some((text, marks)) = unmark_clean_text(trimmed) {
        hints.heading_level = marks.heading_level;
        hints.bullet = marks.bullet;
        hints.dash_bullet = marks.dash_bullet;
        hints.bold = marks.bold;
        return (Cow::Borrowed(text), hints);
    }
    clean_in_general(s, hints)
}

/// The text of a line framed by asterisks set off by spaces ("*  LUKKET DAGSORDEN  *"),
/// as typed boxes are drawn: no asterisk inside, no emphasis (`*ord*`).
fn boxed_line(trimmed: &str) -> Option<&str> {
    let inner = trimmed.strip_prefix("* ")?.strip_suffix(" *")?;
    (!inner.contains('*') && !inner.trim().is_empty()).then_some(inner)
}

/// A row of a table drawn with bars, as antiword, pandoc and markdown write them
/// ("|Mødedato   |Tirsdag den 26. april 2011 |", "| Sted | Rådhuset |"): its cells
/// set off from each other by a wide gap, as a PDF's table cells are, so that the
/// grammars read "Mødedato" and its value as they read them there. A rule between
/// rows ("|---|:--|", "+----+----+") holds no text.
struct BarTableRow {
    cells: String,
    /// Where the first cell with text starts, in columns: a value wrapped in its
    /// column under an empty first cell stands indented.
    indent: u16,
}

/// A table's row drawn with ASCII bars or with box-drawing characters. Every line that
/// needs cleaning is asked: its first byte settles almost all.
fn table_row(line: &str) -> Option<BarTableRow> {
    match line.trim_start_matches(' ').as_bytes().first() {
        Some(b'|' | b'+' | b'\t') => bar_table_row(line),
        // (U+2500–U+257F start 0xE2.)
        Some(0xE2) => box_table_row(line),
        // "Mødedato|Tirsdag den 8. oktober 2024|", "Åbent punkt|Sagsnr.: 24-000381|":
        // each cell ended by a bar, none before the first (striprtf's RTF tables).
        _ if line.trim_end().ends_with('|') && line.matches('|').count() >= 2 => {
            bar_table_row(&format!("|{}", line.trim_start()))
        }
        _ => None,
    }
}

fn bar_table_row(line: &str) -> Option<BarTableRow> {
    let trimmed = line.trim_matches([' ', '\t']);
    if trimmed.len() >= 3
        && trimmed.starts_with('+')
        && trimmed.ends_with('+')
        && trimmed
            .bytes()
            .all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
    {
        return Some(BarTableRow {
            cells: String::new(),
            indent: 0,
        });
    }
    let inner = trimmed.strip_prefix('|')?.strip_suffix('|')?;
    // Where the first cell with text starts, in columns.
    let mut column = line.len() - line.trim_start_matches([' ', '\t']).len() + 1;
    let mut indent = 0;
    for cell in inner.split('|') {
        if is_filled_cell(cell.trim()) {
            let lead = cell.len() - cell.trim_start().len();
            indent = u16::try_from(column + lead).unwrap_or(u16::MAX);
            break;
        }
        column += cell.chars().count() + 1;
    }
    Some(BarTableRow {
        cells: row_of_cells(inner.split('|')),
        indent,
    })
}

/// A row or rule of a table drawn with box-drawing characters ("│Mødedato: │Fredag den
/// 14. marts 2025 │", "├──────┼──────┤"), as text browsers (elinks, links) draw a web
/// page's bordered tables: read as the same row drawn with ASCII bars. Text the page
/// set beside the table, after its right edge, is a cell of its own (on a rule's line,
/// the only one).
fn box_table_row(line: &str) -> Option<BarTableRow> {
    let trimmed = line.trim_start_matches(' ');
    if !trimmed.starts_with(is_box_drawing) {
        return None;
    }
    let edge = trimmed.rfind(is_box_drawing)?;
    let edge_end = edge + trimmed[edge..].chars().next()?.len_utf8();
    let (table, beside) = trimmed.split_at(edge_end);
    let lead = line.len() - trimmed.len();
    let bars: String = table
        .chars()
        .map(|c| match c {
            '│' | '┃' | '║' => '|',
            '─' | '━' | '═' => '-',
            c if is_box_drawing(c) => '+',
            c => c,
        })
        .collect();
    let beside_text = beside.trim();
    if bars.starts_with('+') {
        // A rule: nothing of the table, perhaps the text beside it.
        let column = lead + table.chars().count() + (beside.len() - beside.trim_start().len());
        return Some(BarTableRow {
            cells: beside_text.to_owned(),
            indent: if beside_text.is_empty() {
                0
            } else {
                u16::try_from(column).unwrap_or(u16::MAX)
            },
        });
    }
    let row = if beside_text.is_empty() {
        format!("{}{bars}", " ".repeat(lead))
    } else {
        format!("{}{bars}{beside}|", " ".repeat(lead))
    };
    bar_table_row(&row)
}

/// A character of Unicode's box-drawing block (U+2500–U+257F).
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// A table cell that labels the cell beside it: what the field grammar takes for a key
/// ("Mødested", "Fraværende med afbud"), without a dot ("Pkt." heads a table's column).
fn is_label(cell: &str) -> bool {
    // (An item's access badge in the first cell labels nothing: "Åbent punkt|Sagsnr.: …|".)
    !cell.contains('.')
        && crate::grammar::meeting_field::plausible_key(cell)
        && !crate::grammar::access_marker::is_access_marker(cell)
}

/// Leading white space in columns (a tab counts 4).
fn leading_indent(s: &str) -> u16 {
    let mut indent = 0u16;
    for c in s.chars() {
        match c {
            ' ' | '\u{a0}' => indent = indent.saturating_add(1),
            '\t' => indent = indent.saturating_add(4),
            '\u{c}' | '\u{feff}' => {}
            _ => break,
        }
    }
    indent
}

/// Whether the white space before the last word of `trimmed` is a tab or two spaces or
/// more (asked of lines with a wide gap: pdftotext's layouts set a column off by two).
fn wide_gap_before_last_word(trimmed: &str) -> bool {
    let Some((last_space, space)) = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
    else {
        return false;
    };
    let before = &trimmed[..last_space];
    let gap = &trimmed[before.trim_end().len()..last_space + space.len_utf8()];
    gap.contains('\t') || gap.chars().count() >= 2
}

/// Whether the last word of `trimmed` is a number (digits only).
fn ends_in_a_number(trimmed: &str) -> bool {
    trimmed
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
}

/// Everything [`clean`] does, for any line: the path for lines its shortcuts refuse.
fn clean_in_general(s: &str, mut hints: Hints) -> (Cow<'_, str>, Hints) {
    // Built once: a substring searcher costs more to build than to run on a line.
    static WIDE_GAP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("   "));
    let trimmed = s.trim();
    hints.page_break = s.contains('\u{c}');
    hints.wide_gap = trimmed.contains('\t') || WIDE_GAP.find(trimmed.as_bytes()).is_some();
    // Two spaces before a last word of digits set a page off too ("Meddelelser  3":
    // odt2txt writes a TOC's dot leader so).
    hints.gap_before_last_word =
        (hints.wide_gap || ends_in_a_number(trimmed)) && wide_gap_before_last_word(trimmed);

    let collapsed_spacing = collapse_letter_spacing(trimmed);
    let mut normalised = normalise_spaces(collapsed_spacing.as_deref().unwrap_or(s));
    strip_web_dump_marks(&mut normalised);
    // A soft hyphen that ends a line is where a word was broken: keep it as a hyphen
    // so that joining the lines undoes the break ("kommunaldi-" + "rektører").
    if trimmed.ends_with('\u{ad}') {
        normalised.push('-');
    }
    let mut rest: &str = normalised.trim();

    // Markdown heading marks, then a block quote, then a bullet.
    if let Some(level) = heading_level(rest) {
        hints.heading_level = Some(level);
        rest = rest[level as usize..].trim_start();
        rest = without_heading_attributes(rest.trim_end_matches('#').trim_end());
    }
    rest = rest.strip_prefix("> ").unwrap_or(rest);
    if let Some(after) = strip_bullet(rest) {
        hints.bullet = true;
        hints.dash_bullet = dash_of(rest);
        rest = after;
    }

    // Each byte looked at, without stopping early, into a byte, which vectorises: most
    // lines here have no mark, and are read to the end either way.
    let unmarked = rest.bytes().fold(0u8, |marked, b| {
        marked | u8::from((b == b'*') | (b == b'_') | (b == b'<') | (b == b'\\'))
    }) == 0;
    if unmarked {
        // Nothing to unmark: the text is already a slice of `normalised`; keep that
        // allocation instead of building the same text twice more.
        let rest = rest.trim();
        let start = rest.as_ptr() as usize - normalised.as_ptr() as usize;
        let end = start + rest.len();
        normalised.truncate(end);
        normalised.drain(..start);
        return (Cow::Owned(normalised), hints);
    }
    let unmarked = strip_emphasis(rest, &mut hints.bold);
    let unescaped = unescape_markdown(&unmarked);
    let collapsed = normalise_spaces(unescaped.trim());
    (Cow::Owned(collapsed.trim().to_owned()), hints)
}

/// The ASCII letter a character stands for that is the letter's UTF-16 code unit with
/// its two bytes swapped ("琀" U+7400 for "t" U+0074), as Ghostscript's text output
/// gives the letters of a ligature it maps through a font's ToUnicode table (Carlito's
/// "ti", "ft", "fi" in LibreOffice's PDFs: "Rammea昀琀ale", "琀椀l").
fn swapped_letter(c: char) -> Option<char> {
    let code = u32::from(c);
    if code & 0xFF != 0 {
        return None;
    }
    char::from_u32(code >> 8).filter(char::is_ascii_alphabetic)
}

/// Swap such letters back in the lines that have them, in words that hold Latin
/// letters too: a word of Chinese alone stays as it is. `input` is the document's
/// bytes: one vectorised search for the lead bytes of the small letters' characters
/// (0xE6–0xE7, U+6000–U+7FFF: ligatures are of small letters) settles almost every
/// document, so that no line's look pays for it.
pub fn swap_back_letters(lines: &mut [Line<'_>], input: &[u8]) {
    if memchr::memchr2(0xE6, 0xE7, input).is_none() {
        return;
    }
    for line in lines.iter_mut() {
        if !line.text.chars().any(|c| swapped_letter(c).is_some()) {
            continue;
        }
        let mut out = String::with_capacity(line.text.len());
        for word in line.text.split_inclusive(' ') {
            let latin = word
                .chars()
                .any(|c| c.is_alphabetic() && u32::from(c) < LATIN_LETTERS_END);
            out.extend(word.chars().map(|c| {
                if latin {
                    swapped_letter(c).unwrap_or(c)
                } else {
                    c
                }
            }));
        }
        line.text = Cow::Owned(out);
    }
}

/// The end of the Latin letters' blocks (Basic Latin to Latin Extended-B).
const LATIN_LETTERS_END: u32 = 0x250;

/// What a text-mode browser's dump of a web page (lynx, w3m) writes into the text: a
/// link's reference number glued to its text ("[21]Godkendelse af dagsorden") and
/// the mark of a button ("(BUTTON) 1. Godkendelse af dagsorden"). Removed, in place.
fn strip_web_dump_marks(line: &mut String) {
    let lead = line.len() - line.trim_start_matches(' ').len();
    if line[lead..].starts_with(BUTTON_MARK) {
        line.replace_range(lead..lead + BUTTON_MARK.len(), "");
    }
    // Every line cleaning changes is asked: few have a bracket.
    if memchr::memchr(b'[', line.as_bytes()).is_none() {
        return;
    }
    let mut from = 0;
    while let Some(open) = line[from..].find('[').map(|at| from + at) {
        let digits = line[open + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let close = open + 1 + digits;
        // A reference number stands before a word; "[2]" after one, or alone, is a
        // note's number and stays, and "[2](#punkt-2)" is a Markdown link's text.
        let before_word = line[close..]
            .strip_prefix(']')
            .and_then(|after| after.chars().next())
            .is_some_and(|c| !c.is_whitespace() && c != '[' && c != '(');
        let after_word = line[..open]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if (1..=5).contains(&digits) && before_word && !after_word {
            line.replace_range(open..=close, "");
            from = open;
        } else {
            from = open + 1;
        }
    }
    strip_markdown_links(line);
}

/// lynx's mark of a button before its label.
const BUTTON_MARK: &str = "(BUTTON) ";

/// A Markdown link or image ("[2.1 Rammeaftale 2](#_Toc1702421)", "![Logo](logo.png)",
/// as markitdown and pandoc write them): its text, without the target.
fn strip_markdown_links(line: &mut String) {
    // "[1. Godkendelse af dagsorden" / "[2](#godkendelse)](#godkendelse)": a link whose
    // text goes on on the next line (pandoc's TOC, the page number a link of its own):
    // its bracket opens a line without closing on it, and it closes on a line it did
    // not open on.
    if line.starts_with('[') && !line.contains(']') {
        line.remove(0);
    }
    let mut from = 0;
    while let Some(middle) =
        memchr::memmem::find(&line.as_bytes()[from..], b"](").map(|at| from + at)
    {
        let open = line[..middle]
            .rfind('[')
            .filter(|&open| !line[open..middle].contains(']'));
        let close = line[middle + 2..].find(')').map(|at| middle + 2 + at);
        match (open, close) {
            (Some(open), Some(close)) if !line[middle + 2..close].contains(' ') => {
                let start = if open > 0 && line[..open].ends_with('!') {
                    open - 1
                } else {
                    open
                };
                let text = line[open + 1..middle].to_owned();
                line.replace_range(start..=close, &text);
                from = start + text.len();
            }
            (None, Some(close))
                if !line[..middle].contains('[') && !line[middle + 2..close].contains(' ') =>
            {
                line.replace_range(middle..=close, "");
                from = middle;
            }
            _ => from = middle + 2,
        }
    }
}

/// The common marked line of text exports, "## **1. Godkendelse af dagsorden**" or
/// "#### Baggrund" or "- at KKR godkender …": marks only before and after text that
/// needs no cleaning. The text is then a slice of the line, and the hints are what
/// [`clean`]'s general path would find; `None` sends anything else down that path.
fn unmark_clean_text(line: &str) -> Option<(&str, Hints)> {
    let mut hints = Hints::default();
    let mut rest = line;
    if let Some(level) = heading_level(rest) {
        hints.heading_level = Some(level);
        let after = &rest[usize::from(level)..];
        // `heading_level` saw a space or the end after the marks.
        rest = after.strip_prefix(' ').unwrap_or(after);
        let unclosed = rest.trim_end_matches('#');
        rest = without_heading_attributes(unclosed.strip_suffix(' ').unwrap_or(unclosed));
    }
    rest = rest.strip_prefix("> ").unwrap_or(rest);
    if let Some(after) = strip_bullet(rest) {
        hints.bullet = true;
        hints.dash_bullet = dash_of(rest);
        rest = after;
    }
    for (open, close) in [
        ("**", "**"),
        ("__", "__"),
        ("<b>", "</b>"),
        ("<strong>", "</strong>"),
    ] {
        if let Some(inner) = rest.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            hints.bold = true;
            rest = inner;
            break;
        }
    }
    // Marks around the text may hold no white space the general path would collapse
    // (and count as a table gap); the text itself must need no cleaning at all.
    // `rest` is a slice of `line`: where it starts tells the marks before it.
    let start = (rest.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
    let marks = [line.get(..start)?, line.get(start + rest.len()..)?];
    let marks_are_plain = marks
        .iter()
        .all(|m| !m.contains("  ") && m.chars().all(|c| c == ' ' || !c.is_whitespace()));
    // Without marks there is nothing to unmark (and `clean` has looked at the line).
    let unmarked = rest.len() < line.len();
    (unmarked && marks_are_plain && !rest.is_empty() && is_clean(rest)).then_some((rest, hints))
}

/// Undo the letter-spacing of PDF extraction: "K K R  N O R D J Y L L A N D" →
/// "KKR NORDJYLLAND", "D AG SORDEN" → "DAGSORDEN". A line is letter-spaced when at
/// least a third of its tokens are single letters and two thirds at most two characters
/// long. Gaps of two or more spaces are word boundaries; where the extraction left none,
/// known leading words ("KKR") and digit runs are split off again.
fn collapse_letter_spacing(s: &str) -> Option<String> {
    // Letter-spaced text is letters and digits only (below): a mark, a dot leader or a
    // colon settles it at once, and most lines that come here have one.
    let punctuated = s
        .bytes()
        .any(|b| b.is_ascii() && !b.is_ascii_alphanumeric() && !b.is_ascii_whitespace());
    if punctuated || !might_be_letter_spaced(s) {
        return None;
    }
    let tokens: Vec<&str> = s.split_whitespace().collect();
    // Numbers ("2019") may stand beside the spaced letters; they do not vote.
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let singles = words.iter().filter(|t| t.chars().count() == 1).count();
    let short = words.iter().filter(|t| t.chars().count() <= 2).count();
    let alphanumeric = tokens.iter().all(|t| t.chars().all(char::is_alphanumeric));
    let shouted = words.iter().all(|t| t.chars().all(|c| !c.is_lowercase()));
    let spaced = words.len() >= 3
        && alphanumeric
        && singles * 3 >= words.len()
        && short * 3 >= words.len() * 2
        && (shouted || singles * 5 >= words.len() * 4);
    if !spaced {
        return None;
    }
    let has_gaps = s.contains("  ") || s.contains('\t');
    let words: Vec<String> = if has_gaps {
        s.split("  ")
            .flat_map(|w| w.split('\t'))
            .map(|w| w.split_whitespace().collect::<String>())
            .filter(|w| !w.is_empty())
            .collect()
    } else {
        split_known_words(&tokens.concat())
    };
    Some(words.join(" "))
}

fn split_known_words(joined: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = joined;
    for prefix in crate::vocabulary::LETTER_SPACED_PREFIXES {
        if rest.len() > prefix.len() && rest.starts_with(prefix) {
            words.push(prefix.to_string());
            rest = &rest[prefix.len()..];
            break;
        }
    }
    // "DAGSORDEN2021" → "DAGSORDEN", "2021".
    let mut current = String::new();
    for c in rest.chars() {
        if current
            .chars()
            .last()
            .is_some_and(|p| p.is_ascii_digit() != c.is_ascii_digit())
        {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn heading_level(s: &str) -> Option<u8> {
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    let after = s.as_bytes().get(hashes);
    ((1..=6).contains(&hashes) && matches!(after, Some(b' ') | None)).then_some(hashes as u8)
}

fn strip_bullet(s: &str) -> Option<&str> {
    let mut chars = s.chars();
    let first = chars.next()?;
    if !is_bullet(first) {
        return None;
    }
    let after = chars.as_str();
    // A typographic bullet needs no space after it (PDF text often has none); "-", "*"
    // and "+" do: "**bold**" and "-3" are not list items.
    if TYPOGRAPHIC_BULLETS.contains(&first) && after.starts_with(|c: char| c.is_alphanumeric()) {
        return Some(after);
    }
    // "--<tab>at …": docx2python writes a Word list's bullet so ("-- 3 --" is a page's
    // number).
    let after = if first == '-' && !s.ends_with("--") {
        after
            .strip_prefix('-')
            .filter(|rest| rest.starts_with(' '))
            .unwrap_or(after)
    } else {
        after
    };
    after.strip_prefix(' ').map(str::trim_start)
}

/// The dash that opens a bulleted line, if its bullet is one (a single dash: the
/// wrapped title's, which joining keeps).
#[inline]
fn dash_of(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let first = chars.next().filter(|c| matches!(c, '-' | '–'))?;
    (chars.next() != Some('-')).then_some(first)
}

/// Remove `**`, `__`, and inline HTML tags; note whether the whole line was bold.
fn strip_emphasis(s: &str, bold: &mut bool) -> String {
    let trimmed = s.trim();
    if (trimmed.starts_with("**") && trimmed.ends_with("**") && trimmed.len() > 4)
        || (trimmed.starts_with("__") && trimmed.ends_with("__") && trimmed.len() > 4)
        || starts_with_tag(trimmed, &["<b>", "<strong>"])
    {
        *bold = true;
    }
    let italics = italic_marks(s);
    let mut out = String::with_capacity(s.len());
    let mut tags = TagCloses::default();
    let mut at = 0;
    while let Some(c) = s[at..].chars().next() {
        let rest = &s[at..];
        if rest.starts_with("**") || rest.starts_with("__") {
            at += 2;
            continue;
        }
        if italics.contains(&at) {
            at += 1;
            continue;
        }
        if c == '<' {
            if let Some(len) = tags.tag_len_at(s, at) {
                let tag = &rest[..len];
                if tag.eq_ignore_ascii_case("<br>") || tag.eq_ignore_ascii_case("<br/>") {
                    out.push(' ');
                }
                at += len;
                continue;
            }
        }
        out.push(c);
        at += c.len_utf8();
    }
    out
}

/// Where the single "*" and "_" of italics stand ("*Lukket punkt*", "_kursiv_"): a
/// mark that opens a word paired with a later one of the same kind that closes one.
/// Inside a word ("file_name"), alone ("5 * 3") or unpaired (a footnote's "7,3*") a
/// mark is text.
fn italic_marks(s: &str) -> Vec<usize> {
    // Most marked lines are bold ("**…**") only: a single mark is looked for first.
    let bytes = s.as_bytes();
    let single = bytes.iter().enumerate().any(|(i, &b)| {
        matches!(b, b'*' | b'_') && bytes.get(i + 1) != Some(&b) && (i == 0 || bytes[i - 1] != b)
    });
    if !single {
        return Vec::new();
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "()[]\"'.,;:!?".contains(c));
    let mut marks = Vec::new();
    let mut open: [Option<usize>; 2] = [None, None];
    let mut previous = None;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let kind = match c {
            '*' => 0,
            '_' => 1,
            _ => {
                previous = Some(c);
                continue;
            }
        };
        if next == Some(c) {
            // "**" and "__" are bold, taken elsewhere.
            chars.next();
            previous = Some(c);
            continue;
        }
        if let Some(start) = open[kind]
            && (word(previous) || previous == Some('.'))
            && edge(next)
        {
            marks.extend([start, at]);
            open[kind] = None;
        } else if edge(previous) && word(next) {
            open[kind] = Some(at);
        }
        previous = Some(c);
    }
    marks
}

/// The inline HTML tags [`strip_emphasis`] removes.
const HTML_TAGS: [&str; 20] = [
    "b", "strong", "i", "em", "u", "br", "span", "p", "font", "sup",
    // A heading's bookmark ("# <a id=\"_Toc182402101\"></a>1\. Godkendelse …", as
    // mammoth writes Word's TOC targets), a link's tags around its text.
    "a",
    // A table Markdown cannot hold, written as HTML (pandoc), a cell or a row a line.
    "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "caption",
];

/// Where the `>` that would close a tag opened at a `<` stands, found once for all the
/// `<` before it (a line asked at every `<`, in order): a line of many `<` and a late
/// `>`, or none, is searched once rather than to its end at every `<`.
#[derive(Debug, Default)]
struct TagCloses {
    /// The last search: it started at `.0` and found the first `>` from there at `.1`.
    found: Option<(usize, Option<usize>)>,
    /// The `/`s right before that `>`: `(close, count)`.
    slashes: Option<(usize, usize)>,
}

impl TagCloses {
    /// Length of a simple inline HTML tag (`<b>`, `</strong>`, `<br/>`, `<span x>`)
    /// opened at `at` in `s`, where `s[at]` is `<`; positions asked only grow.
    fn tag_len_at(&mut self, s: &str, at: usize) -> Option<usize> {
        let bytes = s.as_bytes();
        let close = match self.found {
            Some((from, close)) if from <= at && close.is_none_or(|c| at < c) => close,
            _ => {
                let close = memchr::memchr(b'>', bytes.get(at..)?).map(|i| at + i);
                self.found = Some((at, close));
                close
            }
        }?;
        let slashes = match self.slashes {
            Some((c, n)) if c == close => n,
            _ => {
                let n = bytes[..close]
                    .iter()
                    .rev()
                    .take_while(|&&b| b == b'/')
                    .count();
                self.slashes = Some((close, n));
                n
            }
        };
        // The tag's inside without the `/`s that open or close it, then its name: the
        // first word, which is only looked at as far as the longest tag name. The name
        // follows the `<` (or `</`) at once, as in HTML: "a < b og c > d" is text.
        let end = (close - slashes).max(at + 1);
        let mut start = at + 1;
        while start < end && bytes[start] == b'/' {
            start += 1;
        }
        let inside = s.get(start..end)?;
        if inside.starts_with(char::is_whitespace) {
            return None;
        }
        // White space past the longest name's length ends no name of a tag: what runs
        // on is longer than every tag name and matches none.
        let name_end = inside
            .char_indices()
            .take(MAX_TAG_NAME + 1)
            .find(|(_, c)| c.is_whitespace())
            .map_or(inside.len(), |(i, _)| i);
        let name = &inside[..name_end];
        HTML_TAGS
            .iter()
            .any(|t| t.eq_ignore_ascii_case(name))
            .then_some(close + 1 - at)
    }
}

/// The longest name in [`HTML_TAGS`].
const MAX_TAG_NAME: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < HTML_TAGS.len() {
        if HTML_TAGS[i].len() > longest {
            longest = HTML_TAGS[i].len();
        }
        i += 1;
    }
    longest
};

fn starts_with_tag(s: &str, tags: &[&str]) -> bool {
    tags.iter().any(|t| {
        s.len() >= t.len() && s.is_char_boundary(t.len()) && s[..t.len()].eq_ignore_ascii_case(t)
    })
}

fn unescape_markdown(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Tabs, no-break and other odd spaces → one space; soft hyphens and zero-width marks
/// removed.
fn normalise_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    let mut rest = s;
    while !rest.is_empty() {
        let bytes = rest.as_bytes();
        if last_space && bytes[0] == b' ' {
            // The rest of a run of spaces (a layout gap, an indent) at once.
            let spaces = bytes.iter().take_while(|&&b| b == b' ').count();
            rest = &rest[spaces..];
            continue;
        }
        // Copy the run up to the next byte that may change: words and single spaces are
        // copied in one piece.
        let run = unchanged_run(bytes);
        if run > 0 {
            out.push_str(&rest[..run]);
            last_space = bytes[run - 1] == b' ';
            rest = &rest[run..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        push_normalised(&mut out, c, &mut last_space);
    }
    out
}

/// How many bytes from the start of `bytes` [`normalise_spaces`] copies unchanged: up
/// to a space before a space, other white space, or the lead byte of a character that
/// may be an odd space or invisible (all of them start with 0xC2, 0xE2 or 0xEF).
fn unchanged_run(bytes: &[u8]) -> usize {
    let stops = |b: u8, next: u8| {
        (b == b'\t')
            | (b == 0x0B)
            | (b == 0x0C)
            | (b == 0xC2)
            | (b == 0xE2)
            | (b == 0xEF)
            | ((b == b' ') & (next == b' '))
    };
    // Whole blocks of 16 bytes (and the byte after each, for a double space) looked at
    // without branches, which vectorises; the block with a stop, and the tail, a byte at
    // a time.
    let mut start = 0;
    while let Some(block) = bytes.get(start..start + 17) {
        let stopped = block[..16]
            .iter()
            .zip(&block[1..])
            .fold(false, |stopped, (&b, &next)| stopped | stops(b, next));
        if stopped {
            break;
        }
        start += 16;
    }
    let tail = &bytes[start..];
    let after = |i: usize| tail.get(i + 1).copied().unwrap_or(0);
    start
        + tail
            .iter()
            .enumerate()
            .position(|(i, &b)| stops(b, after(i)))
            .unwrap_or(tail.len())
}

/// One character of [`normalise_spaces`]: white space and odd spaces become one space
/// (none after a space), invisible characters are dropped, others kept.
fn push_normalised(out: &mut String, c: char, last_space: &mut bool) {
    match c {
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{c}' | '\u{b}' => {}
        '\t' | '\u{a0}' | '\u{202f}' | '\u{2007}' | ' ' => {
            if !*last_space {
                out.push(' ');
            }
            *last_space = true;
        }
        // The hyphens typesetters and fonts' maps give ("Børne‐ og …"): a hyphen, as
        // typed.
        // So is the minus sign some print paths draw every hyphen as (a2ps's
        // PostScript, groff): "J.nr. 00.30.14−S00−2−03".
        '\u{2010}' | '\u{2011}' | '\u{2212}' => {
            out.push('-');
            *last_space = false;
        }
        c => {
            out.push(c);
            *last_space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex_str(s: &str) -> Line<'_> {
        lex_line(RawLine {
            start: 0,
            end: s.len(),
            number: 1,
            text: Cow::Borrowed(s),
        })
    }

    #[test]
    fn blank_lines_are_lexed_as_the_general_path_lexes_them() {
        for text in [Cow::Borrowed(""), Cow::Owned(String::new())] {
            for (start, end) in [(0, 0), (17, 17)] {
                let raw = RawLine {
                    start,
                    end,
                    number: 3,
                    text: text.clone(),
                };
                let general = {
                    let (cleaned, hints) = clean("");
                    (content_span(&raw), cleaned.into_owned(), hints)
                };
                let line = lex_line(raw);
                assert!(line.is_blank());
                assert_eq!((line.span, line.text.into_owned(), line.hints), general);
            }
        }
        // Blank lines of a document split by every terminator: spans where they stand.
        let lines = lex(crate::decode::lines_of_str("a\n\nb\r\n\r\nc\r\rd"));
        let blanks: Vec<(u32, u32, u32)> = lines
            .iter()
            .filter(|l| l.is_blank())
            .map(|l| (l.span.start, l.span.end, l.span.line))
            .collect();
        assert_eq!(blanks, [(2, 2, 2), (6, 6, 4), (10, 10, 6)]);
    }

    #[test]
    fn white_space_only_lines_are_normalised_in_place() {
        let line = lex_str("  Kommunerne\u{a0}har  drøftet\tsagen kommunaldi\u{ad}");
        assert_eq!(line.text, "Kommunerne har drøftet sagen kommunaldi-");
        assert_eq!(line.hints.indent, 2);
        assert!(line.hints.wide_gap);
        let marked = lex_str("  **Baggrund**  ");
        assert_eq!(marked.text, "Baggrund");
        assert!(marked.hints.bold);
    }

    /// Tables drawn with bars (antiword, pandoc, markdown): cells set off as a PDF's
    /// are, a label and its value as "Label: value", rules between rows blank.
    #[test]
    fn rows_of_tables_drawn_with_bars() {
        let field = lex_str("|Mødedato        |Tirsdag den 26. april 2011   |");
        assert_eq!(field.text, "Mødedato: Tirsdag den 26. april 2011");
        assert!(field.hints.wide_gap);
        let markdown = lex_str("| Mødested | Byrådssalen, Rådhuset |");
        assert_eq!(markdown.text, "Mødested: Byrådssalen, Rådhuset");
        // A value wrapped in its column, under an empty label cell: indented.
        let wrapped = lex_str("|                 |8740 Skovlund   |");
        assert_eq!(wrapped.text, "8740 Skovlund");
        assert_eq!(wrapped.hints.indent, 19);
        // Three cells, or a first cell that is no label: the cells as they are.
        let amounts = lex_str("| Udvalg | Drift | Anlæg |");
        assert_eq!(amounts.text, "Udvalg Drift Anlæg");
        assert!(amounts.hints.gap_before_last_word);
        assert_eq!(
            lex_str("| 2011 | 52,3 mio. kr. |").text,
            "2011 52,3 mio. kr."
        );
        for rule in [
            "|---|:--:|",
            "+-------+------+",
            "|=====|=====|",
            "|   |   |",
        ] {
            assert!(lex_str(rule).is_blank(), "{rule:?}");
        }
        // A bar inside text, or at one end only, is text.
        assert_eq!(lex_str("Drift | Anlæg").text, "Drift | Anlæg");
        assert_eq!(lex_str("| Drift").text, "| Drift");
    }

    /// The lines of a text, lexed and read for tables as `parse` reads them.
    fn lex_tables(text: &str) -> Vec<Line<'_>> {
        let mut lines = lex(crate::decode::lines_of_str(text));
        read_pipe_tables(&mut lines, text.as_bytes());
        lines
    }

    /// The lines of a text, lexed and read for bullets set apart from their text.
    fn lex_bullets(text: &str) -> Vec<Line<'_>> {
        let mut lines = lex(crate::decode::lines_of_str(text));
        read_detached_bullets(&mut lines);
        lines
    }

    /// The texts of the lines that carry a bullet.
    fn bulleted_texts<'l>(lines: &'l [Line<'_>]) -> Vec<&'l str> {
        lines
            .iter()
            .filter(|l| l.hints.bullet)
            .map(|l| l.text.as_ref())
            .collect()
    }

    #[test]
    fn bullets_in_a_column_of_their_own() {
        let lines = lex_bullets(
            "Direktionen indstiller, at\n\u{f0b7}\n\u{f0b7}\n\u{f0b7}\n\n\
             budgetopfølgningen tages til efterretning,\nforvaltningen udarbejder forslag til\n\
             udvalgets møde i januar 2020, og\nsagen oversendes til Økonomiudvalget.\n\nTekst.\n",
        );
        let bulleted = bulleted_texts(&lines);
        assert_eq!(
            bulleted,
            [
                "budgetopfølgningen tages til efterretning,",
                "forvaltningen udarbejder forslag til",
                "sagen oversendes til Økonomiudvalget."
            ]
        );
        // Clauses that start with "at" and end with nothing.
        let lines = lex_bullets(
            "anbefaler over for regionsrådet,\n\u{f0b7}\n\u{f0b7}\n\n\
             at forslaget godkendes med henblik på høring\nat høringsperioden fastsættes til\n\
             15. november 2023\n",
        );
        let bulleted = lines.iter().filter(|l| l.hints.bullet).count();
        assert_eq!(bulleted, 2);
        assert!(lines[4].hints.bullet && lines[5].hints.bullet && !lines[6].hints.bullet);
        // As many lines as bullets: a line each, clause ends or not.
        let lines = lex_bullets("Bilag\n•\n•\n\nPassagertal 2019-2023\nKort over linje 851\n");
        assert!(lines[4].hints.bullet && lines[5].hints.bullet);
        // A bullet alone right over its item, item after item (unrtf's Symbol bullets).
        let lines = lex_bullets(
            "Bilag\n\"        \n Specifikation af overførsler\n\"        \n Fagudvalgenes beslutninger\n",
        );
        let bulleted = bulleted_texts(&lines);
        assert_eq!(
            bulleted,
            ["Specifikation af overførsler", "Fagudvalgenes beslutninger"]
        );
        // One bullet alone is an empty list item; a heading after bullets is no list's
        // text. Either way no blank line keeps a bullet.
        for text in [
            "- \n\n### **3. Anlægsbevilling**\n",
            "•\n•\n\n## Beslutning\n",
            "•\n\nGodkendt.\n",
        ] {
            let lines = lex_bullets(text);
            assert!(lines.iter().all(|l| !l.hints.bullet), "{text:?}");
        }
    }

    #[test]
    fn markdown_tables_without_bars_outside() {
        for delimiter in ["---|---", " :--- | ---: ", "|--|:-:|", "-|-"] {
            assert!(is_pipe_table_delimiter(delimiter), "{delimiter:?}");
            assert!(lex_str(delimiter).is_blank(), "{delimiter:?}");
        }
        for text in ["---", "- | -x", "Drift | Anlæg", "|", "-- | text"] {
            assert!(!is_pipe_table_delimiter(text), "{text:?}");
        }
        let lines = lex_tables(
            "Intro| text\n\nMødedato| Tirsdag den 14. november 2023  \n---|---  \n\
             Mødetidspunkt| Kl. 16:00 - 18:35  \nPolitikområde| Budget| Afvigelse\n\n\
             Drift| 12\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(
            texts,
            [
                // No delimiter row next to it: text, bar and all.
                "Intro| text",
                "",
                "Mødedato:   Tirsdag den 14. november 2023",
                "",
                "Mødetidspunkt:   Kl. 16:00 - 18:35",
                "Politikområde   Budget   Afvigelse",
                "",
                // After the blank line that ends the table: text again.
                "Drift| 12",
            ]
        );
        assert!(lines[2].hints.wide_gap && lines[5].hints.gap_before_last_word);
        assert!(!lines[0].hints.wide_gap);
    }

    /// A text-mode browser's link numbers and button marks (lynx) are no text; a
    /// note's number after a word, or a bracket in text, stays.
    #[test]
    fn marks_of_a_browsers_text_dump() {
        assert_eq!(
            lex_str("    1. [21]Godkendelse af dagsorden").text,
            "1. Godkendelse af dagsorden"
        );
        assert_eq!(
            lex_str("(BUTTON) 2. Lokalplan 1187 - endelig vedtagelse").text,
            "2. Lokalplan 1187 - endelig vedtagelse"
        );
        assert_eq!(
            lex_str("* [30]Lokalplan 1187 (PDF, 6,2 MB) og [31]Bilag").text,
            "Lokalplan 1187 (PDF, 6,2 MB) og Bilag"
        );
        for kept in [
            "jf. planloven[2] og bekendtgørelsen",
            "Beløb [1.000 kr.] i alt",
            "Se note [3] nedenfor",
            "(Lukket punkt) Salg af grund",
        ] {
            assert_eq!(lex_str(kept).text, kept);
        }
    }

    /// Markdown's italics and links (markitdown, pandoc): the text without its marks
    /// and targets; a lone or unpaired asterisk, or one inside a word, is text.
    #[test]
    fn markdown_italics_and_links() {
        assert_eq!(lex_str("*Lukket punkt*").text, "Lukket punkt");
        assert_eq!(
            lex_str("Se _bilaget_ og *notatet*.").text,
            "Se bilaget og notatet."
        );
        assert_eq!(
            lex_str("[2.1 Rammeaftale 2025 2](#_Toc1702421)").text,
            "2.1 Rammeaftale 2025 2"
        );
        assert_eq!(
            lex_str("Se ![Kort](kort.png) og [notatet](https://x.dk/a.pdf).").text,
            "Se Kort og notatet."
        );
        for kept in [
            "Karaktergennemsnit 6,8 7,3* 7,1",
            "file_name og 5 * 3",
            "[Bilag] (se nedenfor)",
        ] {
            assert_eq!(lex_str(kept).text, kept);
        }
    }

    #[test]
    fn ruled_lines_are_blank() {
        for rule in ["=====", "  -------------------    ----", "_______", "~~~"] {
            assert!(lex_str(rule).is_blank(), "{rule:?}");
        }
        // An empty list item: a bullet alone.
        for bullet in ["- ", "  *", "•"] {
            assert!(lex_str(bullet).is_blank(), "{bullet:?}");
        }
        assert_eq!(lex_str("- a").text, "a");
        for text in [
            "- punkt",
            "--",
            "=== Overskrift",
            "-3",
            "*** Godkendt ***",
            "- - x",
        ] {
            assert!(!lex_str(text).is_blank(), "{text:?}");
        }
    }

    #[test]
    fn letters_byte_swapped_into_chinese_are_swapped_back() {
        let text = "3. Rammea\u{6600}\u{7400}ale for \u{7400}\u{6900}lbud \u{7400}\u{6900}l børn\nMøde i 北京 \u{7400}\u{6900}\n";
        let mut lines = lex(crate::decode::lines_of_str(text));
        swap_back_letters(&mut lines, text.as_bytes());
        assert_eq!(lines[0].text, "3. Rammeaftale for tilbud til børn");
        // Chinese of its own, and such characters in a word without Latin letters.
        assert_eq!(lines[1].text, "Møde i 北京 \u{7400}\u{6900}");
        assert_eq!(swapped_letter('\u{3000}'), None);
        assert_eq!(swapped_letter('北'), None);
    }

    #[test]
    fn an_emails_quoted_blank_line_and_pandocs_heading_attributes() {
        assert!(lex_str(">").is_blank());
        assert!(lex_str("> > ").is_blank());
        assert_eq!(lex_str("> 3. Meddelelser").text, "3. Meddelelser");
        assert_eq!(lex_str(">> x").text, ">> x");
        let heading = lex_str("# Indholdsfortegnelse {#indholdsfortegnelse .TOC-Heading}");
        assert_eq!(heading.text, "Indholdsfortegnelse");
        assert_eq!(heading.hints.heading_level, Some(1));
        assert_eq!(lex_str("## Bilag {.unnumbered}").text, "Bilag");
        // Braces that are the heading's own text stay.
        assert_eq!(lex_str("# Plan {2025}").text, "Plan {2025}");
    }

    #[test]
    fn a_row_whose_cells_each_end_in_a_bar() {
        let row = lex_str("Mødedato|Tirsdag den 8. oktober 2024|");
        assert_eq!(row.text, "Mødedato: Tirsdag den 8. oktober 2024");
        let row = lex_str("Åbent punkt|Sagsnr.: 24-000381|");
        assert_eq!(row.text, "Åbent punkt · Sagsnr.: 24-000381");
        // One bar at the end is no table.
        assert_eq!(lex_str("Se også |").text, "Se også |");
    }

    #[test]
    fn tables_drawn_with_box_drawing_characters() {
        // elinks' dump of a bordered table, with the page's text set beside it.
        // Read as the same rows drawn with ASCII bars; the text beside as a cell.
        for (boxed, bars) in [
            (
                "    │Mødedato:     │Fredag den 14. marts 2025    │  Mødet er åbent for",
                "    |Mødedato:     |Fredag den 14. marts 2025    |  Mødet er åbent for|",
            ),
            (
                "│Mødetidspunkt:│Kl. 09.30 - 12.30│",
                "|Mødetidspunkt:|Kl. 09.30 - 12.30|",
            ),
            (
                "│              │Mette Kjærsgaard (næstformand)│",
                "|              |Mette Kjærsgaard (næstformand)|",
            ),
        ] {
            let (boxed, bars) = (lex_str(boxed), lex_str(bars));
            assert_eq!((&boxed.text, boxed.hints), (&bars.text, bars.hints));
        }
        let row = lex_str("    │Mødedato:     │Fredag den 14. marts 2025    │  Mødet er åbent for");
        assert_eq!(
            row.text,
            "Mødedato: Fredag den 14. marts 2025 Mødet er åbent for"
        );
        assert!(row.hints.wide_gap);
        // A value wrapped under an empty first cell stands indented.
        let row = lex_str("│              │Mette Kjærsgaard (næstformand)│");
        assert_eq!(row.text, "Mette Kjærsgaard (næstformand)");
        assert_eq!(row.hints.indent, 16);
        // A rule holds nothing of the table: blank, or the text beside it.
        assert!(lex_str("    ┌──────────────┬──────────┐").is_blank());
        let rule = lex_str("    ├──────┼──────┤  undtagelse af");
        assert_eq!(rule.text, "undtagelse af");
        assert_eq!(rule.hints.indent, 21);
        // A box-drawing character inside a line is text.
        assert_eq!(lex_str("A │ B").text, "A │ B");
    }

    #[test]
    fn wide_gap_before_the_last_word_only_where_it_is() {
        for (text, before_last) in [
            ("Godkendelse af dagsorden   3", true),
            ("Godkendelse af dagsorden\t3", true),
            ("<b>1. Godkendelse.....</b>\t<b>3</b>", true),
            ("3.\tBudget 2010", false),
            ("3.   Anlægsbevilling, etape 2", false),
            ("Godkendelse af dagsorden 3", false),
            ("121.    Anlægsbevilling til trafiksikring  2", true),
            ("Tidspunkt:\tkl.\u{a0}9.30", false),
            // Two spaces set off a page number (odt2txt's TOC), not a word.
            ("2.1 Elevtal i folkeskolerne pr. 5. september 2024  3", true),
            ("Mødet sluttede kl. 17.30.  Referent", false),
            ("Side  3a", false),
        ] {
            assert_eq!(
                lex_str(text).hints.gap_before_last_word,
                before_last,
                "{text}"
            );
        }
    }

    #[test]
    fn wide_gap_is_three_spaces_or_a_tab_inside_the_line() {
        assert!(lex_str("Godkendelse af dagsorden   3").hints.wide_gap);
        assert!(lex_str("   Indhold\tSide").hints.wide_gap);
        assert!(!lex_str("Godkendelse af  dagsorden  3").hints.wide_gap);
        assert!(!lex_str("   Godkendelse af dagsorden  3   ").hints.wide_gap);
    }

    #[test]
    fn plain_line_is_borrowed() {
        let line = lex_str("Der afholdes dialogmode.");
        assert!(matches!(line.text, Cow::Borrowed(_)));
        assert_eq!(line.hints, Hints::default());
        let danish = lex_str("Dialogmødet indledes med et oplæg på åben dialog.");
        assert!(matches!(danish.text, Cow::Borrowed(_)));
    }

    #[test]
    fn lines_that_need_cleaning_are_cleaned() {
        for (raw, clean) in [
            ("Møde\u{a0}i Køge", "Møde i Køge"),
            ("Erhvervs\u{ad}hus", "Erhvervshus"),
            ("a\u{202f}b", "a b"),
            ("a\u{200b}b", "ab"),
            ("• Æble", "Æble"),
            ("Æ Ø Å Ø", "ÆØÅØ"),
            ("to  mellemrum", "to mellemrum"),
        ] {
            assert_eq!(lex_str(raw).text, clean, "{raw:?}");
        }
    }

    #[test]
    fn markdown_heading_and_bold() {
        let line = lex_str("## **1. Godkendelse af dagsorden**");
        assert_eq!(line.text, "1. Godkendelse af dagsorden");
        assert_eq!(line.hints.heading_level, Some(2));
        assert!(line.hints.bold);
    }

    #[test]
    fn html_bold_and_tab_gap() {
        let line = lex_str("<b>2. Regionalpolitiske sager .....</b>\t<b>4</b>");
        assert_eq!(line.text, "2. Regionalpolitiske sager ..... 4");
        assert!(line.hints.bold);
        assert!(line.hints.wide_gap);
    }

    #[test]
    fn bullets_are_hints_but_bold_is_not_a_bullet() {
        let line = lex_str("- ./.");
        assert!(line.hints.bullet);
        assert_eq!(line.text, "./.");
        let line = lex_str("**Dato:** 15-01-2021 08:00");
        assert!(!line.hints.bullet);
        assert!(!line.hints.bold, "only part of the line is bold");
        assert_eq!(line.text, "Dato: 15-01-2021 08:00");
        let line = lex_str("• Mål 9 - Styrket");
        assert!(line.hints.bullet);
        // Arrows and squares that designed documents list with.
        for marked in ["▸ Takstblad 2017", "►Takstblad 2017", "■ Takstblad 2017"] {
            let line = lex_str(marked);
            assert!(line.hints.bullet, "{marked}");
            assert_eq!(line.text, "Takstblad 2017");
        }
        let line = lex_str("•at KKR godkender");
        assert!(line.hints.bullet);
        assert_eq!(line.text, "at KKR godkender");
        assert!(!lex_str("-3 grader").hints.bullet);
        // The Symbol font's bullet without a Unicode map, from a Word document's PDF.
        let line = lex_str("\u{f0b7} Takstblad for affaldsordninger 2025");
        assert!(line.hints.bullet);
        assert_eq!(line.text, "Takstblad for affaldsordninger 2025");
        // docx2python's bullet: two dashes and a tab; not a title's dash to keep.
        let line = lex_str("--\tat budgetopfølgningen tages til efterretning,");
        assert!(line.hints.bullet);
        assert_eq!(line.hints.dash_bullet, None);
        assert_eq!(line.text, "at budgetopfølgningen tages til efterretning,");
        assert_eq!(
            lex_str("- at planen godkendes").hints.dash_bullet,
            Some('-')
        );
        assert!(!lex_str("--3 grader").hints.bullet);
        assert_eq!(lex_str("-- 3 --").text, "-- 3 --");
    }

    #[test]
    fn whitespace_soft_hyphen_and_escapes() {
        let line = lex_str("  Erhvervs\u{ad}hus\u{a0}\u{a0}Nord  1\\. punkt ");
        assert_eq!(line.text, "Erhvervshus Nord 1. punkt");
        assert_eq!(line.hints.indent, 2);
    }

    #[test]
    fn a_line_in_a_box_of_asterisks() {
        let boxed = lex_str("     *       LUKKET DAGSORDEN           *");
        assert_eq!(boxed.text, "LUKKET DAGSORDEN");
        assert!(!boxed.hints.bullet);
        // A bullet whose text has an asterisk, and emphasis, are not boxes.
        let bullet = lex_str("* at beløbet* frigives *");
        assert!(bullet.hints.bullet);
        assert_eq!(lex_str("*Lukket punkt*").text, "Lukket punkt");
    }

    #[test]
    fn typographic_hyphens_are_hyphens() {
        assert_eq!(
            lex_str("Beslutning i Børne\u{2010} og Familieudvalget").text,
            "Beslutning i Børne- og Familieudvalget"
        );
        assert_eq!(
            lex_str("KKR\u{2011}sekretariatet").text,
            "KKR-sekretariatet"
        );
        // The en dash stays what it is.
        assert_eq!(
            lex_str("Budget 2025\u{2013}2028").text,
            "Budget 2025\u{2013}2028"
        );
        // A minus sign for every hyphen (a2ps): hyphens, a bullet, a rule.
        assert_eq!(
            lex_str("J.nr. 00.30.14\u{2212}S00\u{2212}2\u{2212}03").text,
            "J.nr. 00.30.14-S00-2-03"
        );
        let bullet = lex_str("\u{2212} Notat om anbringelser 2002\u{2212}2003");
        assert_eq!(bullet.text, "Notat om anbringelser 2002-2003");
        assert!(bullet.hints.bullet);
        assert_eq!(lex_str("\u{2212}\u{2212}\u{2212}\u{2212}\u{2212}").text, "");
        assert_eq!(lex_str("\u{2500}\u{2500}\u{2500}").text, "");
        // Dashes of two kinds, or text among them, are no rule.
        assert_eq!(
            lex_str("\u{2013}\u{2014}\u{2013}").text,
            "\u{2013}\u{2014}\u{2013}"
        );
        assert_eq!(
            lex_str("\u{2212}\u{2212} 3 \u{2212}\u{2212}").text,
            "-- 3 --"
        );
    }

    #[test]
    fn line_final_soft_hyphen_marks_a_break() {
        assert_eq!(lex_str("af kommunaldi\u{ad}").text, "af kommunaldi-");
        assert_eq!(lex_str("Erhvervs\u{ad}hus").text, "Erhvervshus");
    }

    #[test]
    fn blank_and_mark_only_lines() {
        assert!(lex_str("").is_blank());
        assert!(lex_str("   \t").is_blank());
        assert!(lex_str("****").is_blank());
        assert!(lex_str("##").is_blank());
    }

    #[test]
    fn letter_spacing() {
        assert_eq!(
            lex_str("K K R N O R D J Y L L A N D").text,
            "KKR NORDJYLLAND"
        );
        assert_eq!(
            lex_str("K K R  N O R D J Y L L A N D").text,
            "KKR NORDJYLLAND"
        );
        assert_eq!(lex_str("D AG SORDEN").text, "DAGSORDEN");
        assert_eq!(lex_str("D AG SORDEN 2019").text, "DAGSORDEN 2019");
        assert_eq!(lex_str("R E F E R A T 2 0 1 0").text, "REFERAT 2010");
        assert_eq!(lex_str("R e f e r a t").text, "Referat");
        // Near misses: ordinary lines with short words.
        assert_eq!(lex_str("KKR OG KL").text, "KKR OG KL");
        assert_eq!(lex_str("Mål 8 - Styrket").text, "Mål 8 - Styrket");
        assert_eq!(
            lex_str("Det er i år 3 % af en ny").text,
            "Det er i år 3 % af en ny"
        );
        assert_eq!(lex_str("A B").text, "A B");
    }

    /// [`normalise_spaces`] as it was: a run ends at every space and every character
    /// outside ASCII, each of which goes through [`push_normalised`]. The oracle for the
    /// runs that go on over single spaces and letters.
    fn normalise_spaces_by_character(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut last_space = false;
        let mut rest = s;
        while !rest.is_empty() {
            // Copy the run up to the next character that is white space or invisible.
            let run = rest
                .bytes()
                .position(|b| matches!(b, b' ' | b'\t' | 0x0B | 0x0C) || b >= 0x80)
                .unwrap_or(rest.len());
            if run > 0 {
                out.push_str(&rest[..run]);
                last_space = false;
                rest = &rest[run..];
                continue;
            }
            let Some(c) = rest.chars().next() else { break };
            rest = &rest[c.len_utf8()..];
            push_normalised(&mut out, c, &mut last_space);
        }
        out
    }

    /// The tag look before [`TagCloses`]: a search for `>` from every `<`.
    fn html_tag_len_by_search(s: &str) -> Option<usize> {
        let close = s.find('>')?;
        let inner = s[1..close].trim_start_matches('/').trim_end_matches('/');
        if inner.starts_with(char::is_whitespace) {
            return None;
        }
        let name = inner.split_whitespace().next().unwrap_or("");
        HTML_TAGS
            .iter()
            .any(|t| t.eq_ignore_ascii_case(name))
            .then_some(close + 1)
    }

    #[test]
    fn html_tags() {
        let mut bold = false;
        assert_eq!(
            strip_emphasis("<b>Indstilling</b>", &mut bold),
            "Indstilling"
        );
        assert!(bold);
        assert_eq!(
            strip_emphasis("a<br/>b<span class=x >c<b      >", &mut bold),
            "a bc"
        );
        // No name right after the bracket, or not a tag's name: text.
        assert_eq!(
            strip_emphasis("<//>x</ b>y<bold>", &mut bold),
            "<//>x</ b>y<bold>"
        );
        assert_eq!(
            strip_emphasis("hvis a < b og c > d", &mut bold),
            "hvis a < b og c > d"
        );
        assert_eq!(strip_emphasis("<<<b>", &mut bold), "<<");
        // The slashes before one `>` are not the next one's.
        assert_eq!(strip_emphasis("<br/>x<b>y", &mut bold), " xy");
        assert_eq!(
            strip_emphasis("2 < 3 og 4 > 1", &mut bold),
            "2 < 3 og 4 > 1"
        );
        // A heading's bookmark and a link's tags (mammoth's Markdown); "<a" in text
        // is no tag.
        let heading = lex_str("# <a id=\"_Toc182402101\"></a>1\\. Godkendelse af dagsorden");
        assert_eq!(heading.text, "1. Godkendelse af dagsorden");
        assert_eq!(heading.hints.heading_level, Some(1));
        assert_eq!(
            strip_emphasis("<a href=\"bilag1.pdf\">Notat om takster</a>", &mut bold),
            "Notat om takster"
        );
        assert_eq!(strip_emphasis("x <a b", &mut bold), "x <a b");
    }

    proptest::proptest! {
        /// The `>` found once for many `<` gives, at every `<` in turn, what a search
        /// from that `<` gave: on text of brackets, slashes, tag names, spaces (Unicode
        /// ones too) and Danish letters.
        #[test]
        fn tag_closes_agree_with_a_search_from_every_bracket(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "<", ">", "/", "/>", "</", " ", "\u{2003}", "b", "B", "br", "span", "strong",
                    "bold", "x", "æ", "=", "sup",
                ]),
                0..30,
            )
        ) {
            let line = pieces.concat();
            let mut tags = TagCloses::default();
            for (at, _) in line.match_indices('<') {
                proptest::prop_assert_eq!(
                    tags.tag_len_at(&line, at),
                    html_tag_len_by_search(&line[at..]),
                    "{:?} at {}", line, at
                );
            }
        }


        /// The blockwise look finds the stop a byte-at-a-time look finds, in blocks and
        /// tails, and across a block's last byte (a double space split by the edge).
        #[test]
        fn unchanged_run_stops_at_the_first_byte_that_may_change(
            words in proptest::collection::vec("[abæ€]{1,7}", 0..24),
            at in 0usize..24,
            stop in proptest::sample::select(vec![
                "", "  ", "\t", "\u{b}", "\u{c}", "\u{a0}", "\u{2007}", "\u{feff}", " .",
            ]),
            tail in "[ab .\t\u{a0}]{0,12}",
        ) {
            // Words and single spaces (a clean run of any length), one stop among them.
            let at = at.min(words.len());
            let line = format!("{}{stop}{}{tail}", words[..at].join(" "), words[at..].join(" "));
            let bytes = line.as_bytes();
            let byte_by_byte = (0..bytes.len())
                .find(|&i| {
                    matches!(bytes[i], b'\t' | 0x0B | 0x0C | 0xC2 | 0xE2 | 0xEF)
                        || (bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' '))
                })
                .unwrap_or(bytes.len());
            proptest::prop_assert_eq!(unchanged_run(bytes), byte_by_byte, "{:?}", line);
        }

        /// Runs copied whole give what copying a character at a time gave, on lines of
        /// words, Danish letters, dashes and every odd space and invisible character.
        #[test]
        fn normalised_as_by_character(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Baggrund", "å", "Æ", "ø", "3", " ", "  ", "\t", "\u{b}", "\u{c}", "–", "”",
                    "•", "§", "½", "\u{a0}", "\u{ad}", "\u{200b}", "\u{200c}", "\u{200d}",
                    "\u{2007}", "\u{202f}", "\u{feff}", "\u{2003}", "€", "𝔸", "ï",
                ]),
                0..24,
            )
        ) {
            let line = pieces.concat();
            proptest::prop_assert_eq!(
                normalise_spaces(&line),
                normalise_spaces_by_character(&line),
                "{:?}", line
            );
        }

        /// The quick look never settles a line otherwise than the close look would, on
        /// lines of words, one-letter words, digits, Danish letters, marks and odd
        /// white space.
        #[test]
        fn quick_look_is_never_wrong_about_clean(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "K", "R", "i", "å", "Æ", "ø", "3", "2021", "12.", "at", "og", "Baggrund",
                        "Økonomiudvalget", "KKR", "é", "€", "𝔸", ":", "-", "–", "*", "_", "<",
                        "\\", "\u{a0}", "\u{ad}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2007}",
                        "\u{202f}", "\u{feff}", "§", "’", "…", "½", "É", "ÆØ", "e\u{a0}",
                        "Bag\u{ad}grund", "kom\u{200b}mune", "mø\u{200d}det", "12\u{a0}000",
                        "figur\u{2007}3", "tal\u{202f}4", "slut\u{feff}", "Bilag\u{200c}",
                        "§17", "2021–23", "”citat”", "side½", "Kommunalbestyrelsen",
                        "Erhvervshus", "Sundhedsaftale",
                    ]),
                    proptest::sample::select(vec![" ", " ", " ", " ", "  ", "\t", ""]),
                ),
                1..24,
            )
        ) {
            let pieces: Vec<&str> = words.iter().flat_map(|&(word, gap)| [word, gap]).collect();
            let line = pieces.concat();
            let bytes = line.as_bytes();
            let ends_checked = bytes.first().is_some_and(|b| !b.is_ascii_whitespace())
                && bytes.last().is_some_and(|b| !b.is_ascii_whitespace());
            if ends_checked {
                match quick_look(bytes) {
                    QuickLook::Clean => {
                        proptest::prop_assert!(is_clean_closely(bytes), "{:?}", line);
                    }
                    QuickLook::Changes => {
                        proptest::prop_assert!(!is_clean_closely(bytes), "{:?}", line);
                    }
                    QuickLook::Unsure => {}
                }
            }
        }

        /// Lines of long words with characters that only look odd to the quick look
        /// ("§", "–", "”", "½", "ﬁ": lead bytes of characters cleaning keeps) are never
        /// settled as changing unless a mark or a gap is in them.
        #[test]
        fn quick_look_leaves_lead_bytes_to_the_close_look(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "Kommunalbestyrelsen", "Erhvervshus", "Sundhedsaftale", "§17", "2021–23",
                        "”citat”", "side½", "€100", "ﬁnansiering", "mødet", "jf.", "Æblerne",
                        "*", "_", "<b>", "\\", "\u{a0}", "\u{ad}",
                    ]),
                    proptest::sample::select(vec![" ", " ", " ", " ", " ", " ", "  ", "\t"]),
                ),
                1..12,
            )
        ) {
            let pieces: Vec<&str> = words.iter().flat_map(|&(word, gap)| [word, gap]).collect();
            let line = pieces.concat();
            let line = line.trim_end();
            let look = quick_look(line.as_bytes());
            let closely = is_clean_closely(line.as_bytes());
            proptest::prop_assert!(look != QuickLook::Changes || !closely, "{:?}", line);
            proptest::prop_assert!(look != QuickLook::Clean || closely, "{:?}", line);
        }

        /// The padded copy counts what the runs over the line itself count, on lines
        /// whose ends are checked (the last byte's odd characters are the edge check's).
        #[test]
        fn padded_counts_are_the_counts(line in "[a-zæ0-9 *\t\u{a0}–]{3,240}") {
            let bytes = line.as_bytes();
            let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
                return Ok(());
            };
            if bytes.len() <= PADDED_LINE - 16 && !first.is_ascii_whitespace() && !last.is_ascii_whitespace() {
                let (padded, runs) = (middle_counts_padded(bytes), middle_counts_in_runs(bytes));
                let (mark, lead) = (is_mark(*last), is_changing_lead(*last));
                proptest::prop_assert_eq!(padded.marks != 0 || mark, runs.marks != 0 || mark);
                proptest::prop_assert_eq!(padded.leads != 0 || lead, runs.leads != 0 || lead);
                proptest::prop_assert_eq!(
                    QuickCounts { marks: 0, leads: 0, ..padded },
                    QuickCounts { marks: 0, leads: 0, ..runs },
                    "{:?}", line
                );
            }
        }

        /// The shortcut for marked lines gives what the general path gives, on lines
        /// made of marks, odd white space and words.
        #[test]
        fn unmarking_shortcut_agrees_with_the_general_path(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "#", "##", "####", "#######", " ", "  ", "   ", "\t", "\u{c}", "\u{a0}", "\u{ad}",
                "**", "__", "*", "_", "<b>", "</b>", "<B>", "<strong>", "</strong>", "<br>",
                "> ", "- ", "-", "• ", "•", "* ", "+ ", "\\", "\\.", "–", "C#",
                "Baggrund", "1. Godkendelse af dagsorden", "I", "A", "K", "R", "2021", "at",
            ]), 0..9)
        ) {
            let line = pieces.concat();
            let trimmed = line.trim_matches([' ', '\t']);
            if let Some((text, marks)) = unmark_clean_text(trimmed) {
                let general = clean_in_general(
                    &line,
                    Hints { indent: leading_indent(&line), ..Hints::default() },
                );
                let (text_general, hints_general) = general;
                proptest::prop_assert_eq!(text, text_general.as_ref(), "{:?}", line);
                proptest::prop_assert_eq!(marks.heading_level, hints_general.heading_level);
                proptest::prop_assert_eq!(marks.bold, hints_general.bold);
                proptest::prop_assert_eq!(marks.bullet, hints_general.bullet);
                proptest::prop_assert!(!hints_general.wide_gap && !hints_general.page_break);
            }
        }
    }

    #[test]
    fn digit_runs_do_not_hide_letter_spacing_from_the_quick_look() {
        // Three voting words, all one letter: letter-spaced, however many numbers follow.
        let look = |line: &str| quick_look(line.as_bytes());
        let line = "K R i 2021 2021 2021 2021 2021 2021 2021";
        assert_eq!(look(line), QuickLook::Unsure);
        assert!(!is_clean(line));
        let prose = "Mødet i KKR den 12. marts 2021 blev holdt i Aalborg";
        assert_eq!(look(prose), QuickLook::Clean);
        // Longer than one run of the counters: what stands past the first run counts.
        let long = [prose; 12].join(" ");
        assert_eq!(look(&long), QuickLook::Clean);
        let doubled = format!("{long}  slut");
        assert_eq!(look(&doubled), QuickLook::Changes);
        let spaced = format!("{long} {}", ["K R i"; 80].join(" "));
        assert_eq!(look(&spaced), QuickLook::Unsure);
        assert!(!is_clean(&spaced));
        let marked = format!("{long} *fed*");
        assert_eq!(look(&marked), QuickLook::Changes);
        // A mark or a tab at either end, past the windows' middle, settles it too.
        assert_eq!(look("_Mødet i KKR den 12. marts"), QuickLook::Changes);
        assert_eq!(look("2.1. Dialogmøde .....\t4"), QuickLook::Changes);
        assert_eq!(look("Mødet i KKR den 12. marts<"), QuickLook::Changes);
        // A lead byte of a character the close look may keep ("§") is left to it.
        let section_sign = "Mødet holdes efter reglerne jf. § 17 om kommunalbestyrelsens møder";
        assert_eq!(look(section_sign), QuickLook::Unsure);
        assert!(is_clean(section_sign));
    }

    #[test]
    fn invisible_and_odd_spaces_are_never_taken_for_clean() {
        // In lines of words that would pass without them, anywhere in the line; and a
        // last word of one two-byte letter counts for letter-spacing.
        for line in [
            "Mødet\u{a0}holdes som planlagt hos Vejle Kommune",
            "\u{a0}Mødet holdes som planlagt hos Vejle Kommune",
            "Mødet holdes som plan\u{ad}lagt hos Vejle Kommune",
            "Mødet holdes\u{202f}som planlagt hos Vejle Kommune",
            "Mødet holdes\u{2007}som planlagt hos Vejle Kommune",
            "\u{feff}Mødet holdes som planlagt hos Vejle Kommune",
            "Mødet holdes som planlagt\u{feff} hos Vejle Kommune",
            "Mødet holdes som planlagt hos Vejle\u{200b} Kommune",
            "Mødet holdes som planlagt hos Vejle\u{200c} Kommune",
            "Mødet holdes som planlagt hos Vejle\u{200d} Kommune",
            "Mødet holdes som planlagt hos Vejle Kommune\u{200b}.",
            "Æ Ø Å Æ Ø Å",
            "Mødet på Ø",
        ] {
            assert_ne!(quick_look(line.as_bytes()), QuickLook::Clean, "{line:?}");
            assert!(!is_clean(line), "{line:?}");
        }
        assert!(is_clean("KKR Syddanmark – dagsorden, jf. § 17 og ’bilag’"));
    }

    #[test]
    fn hash_without_space_is_text() {
        let line = lex_str("#hashtag i teksten");
        assert_eq!(line.hints.heading_level, None);
        assert_eq!(line.text, "#hashtag i teksten");
    }
}

//! Page furniture found across the whole document before the builder runs: running
//! headers and footers repeated on every page ("KKR SYDDANMARK | 12-03-2019",
//! "Økonomiudvalget - 04-06-2020"), and web-page chrome ("Til toppen", cookie notices).
//!
//! A single line cannot tell it is a running header; the repetition across pages can.

use foldhash::HashMap;

use crate::grammar::{
    WordTable, access_marker::case_line_with_access_marker, case_line::case_line,
    item_heading::item_heading, latin1_lowercase, section_heading::section_heading,
};
use crate::lexer::Line;
use crate::vocabulary::{BREADCRUMB_ROOTS, COOKIE_WORDS, WEB_CHROME_LINES};

/// Why a line is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Repeated on several pages.
    RunningHeader,
    /// Web-page chrome.
    WebChrome,
}

/// How many times a line must recur to be taken for a running header or footer.
const MIN_REPEATS: usize = 3;
/// Type this much smaller than the body text's is a header's or footer's.
const SMALL_TYPE: f32 = 0.95;

/// How many non-blank lines from a page break a header or footer stands.
const PAGE_EDGE: usize = 3;

/// For each line, whether it is furniture and why.
pub fn find(lines: &[Line<'_>]) -> Vec<Option<Kind>> {
    // Web chrome line by line, breadcrumb trails on one line among it; a numbered trail
    // is followed from its first entry.
    let mut numbered_trails = Vec::new();
    let mut found: Vec<Option<Kind>> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let text = line.text.as_ref();
            if line.is_blank() {
                return None;
            }
            if first_entry_is_front_page(text) {
                numbered_trails.push(index);
            }
            (is_web_chrome(text) || is_breadcrumb_line(text)).then_some(Kind::WebChrome)
        })
        .collect();
    for start in numbered_trails {
        mark_numbered_trail(lines, start, &mut found);
    }
    let near_break = page_edges(lines);
    let has_page_breaks = near_break.contains(&true);
    // Lines grouped by a hash of their shape first (no string per line, and sorted
    // rather than hashed again into a map); only groups large enough to matter are
    // split by their actual shapes.
    let mut by_hash: Vec<(u64, usize)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let text = line.text.as_ref();
        if line.is_blank() || line.hints.bullet || text.len() > 480 {
            continue;
        }
        // Without page breaks only a shape with a `#` (a number, in the shape) that does
        // not end a sentence can be a header (below); the end is the same in every line
        // of a shape. (Each byte looked at, without stopping early, which vectorises.)
        if !has_page_breaks
            && (text.ends_with(['.', '!', '?'])
                || !text
                    .bytes()
                    .fold(false, |number, b| number | b.is_ascii_digit() | (b == b'#')))
        {
            continue;
        }
        // Counted last: most long lines are sentences, settled above.
        if text.len() > 120 && text.chars().count() > 120 {
            continue;
        }
        by_hash.push((shape_hash(text), index));
    }
    small_type_page_tops(lines, &mut found);
    by_hash.sort_unstable();
    let repeats = Repeats {
        lines,
        near_break: &near_break,
        has_page_breaks,
    };
    for group in by_hash.chunk_by(|a, b| a.0 == b.0).filter(|g| {
        // Twice only counts at the page edges both times (looked at before any shape
        // is built: two equal lines somewhere in a long document are common).
        g.len() >= MIN_REPEATS
            || (has_page_breaks && g.len() > 1 && g.iter().all(|&(_, i)| near_break[i]))
    }) {
        // A group holds one shape unless two shapes' hashes met: each line is compared
        // with the first in place, rather than building every line's shape (a case line
        // or a heading template can recur thousands of times).
        let first = lines[group[0].1].text.as_ref();
        if group
            .iter()
            .all(|&(_, index)| same_shape(lines[index].text.as_ref(), first))
        {
            let indices: Vec<usize> = group.iter().map(|&(_, index)| index).collect();
            repeats.mark(&shape(first), &indices, &mut found);
            continue;
        }
        let mut shapes: HashMap<String, Vec<usize>> = HashMap::default();
        for &(_, index) in group {
            shapes
                .entry(shape(lines[index].text.as_ref()))
                .or_default()
                .push(index);
        }
        for (shape, indices) in shapes {
            repeats.mark(&shape, &indices, &mut found);
        }
    }
    mark_header_companions(lines, &mut found);
    found
}

/// A line of a running header without a number ("Region Midtjylland" above
/// "Regionsrådet – dagsorden 22. oktober 2024"), which the repetition of shapes does
/// not take without page breaks: the same text, every time it stands in the document,
/// right beside a running header line, at least [`MIN_REPEATS`] times.
fn mark_header_companions(lines: &[Line<'_>], found: &mut [Option<Kind>]) {
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| found[i] == Some(Kind::RunningHeader))
        .collect();
    if headers.len() < MIN_REPEATS {
        return;
    }
    // The lines right beside each header line, counted by text.
    let mut beside: HashMap<&str, usize> = HashMap::default();
    for &header in &headers {
        for neighbour in [
            previous_text_line(lines, header),
            next_text_line(lines, header),
        ]
        .into_iter()
        .flatten()
        {
            let text = lines[neighbour].text.as_ref();
            // A heading of the agenda's own may stand at a page's top, under the header.
            if found[neighbour].is_none()
                && text.len() <= MAX_COMPANION_BYTES
                && item_heading(text).is_none()
                && section_heading(text).is_none()
            {
                *beside.entry(text).or_default() += 1;
            }
        }
    }
    beside.retain(|_, count| *count >= MIN_REPEATS);
    if beside.is_empty() {
        return;
    }
    // Each of them everywhere it stands: header where it is beside one, if it stands
    // beside one every time but once at most.
    let mut everywhere: HashMap<&str, Vec<usize>> = HashMap::default();
    for (index, line) in lines.iter().enumerate() {
        if let Some((&text, _)) = beside.get_key_value(line.text.as_ref()) {
            everywhere.entry(text).or_default().push(index);
        }
    }
    for indices in everywhere.into_values() {
        let beside_header: Vec<usize> = indices
            .iter()
            .copied()
            .filter(|&i| {
                [previous_text_line(lines, i), next_text_line(lines, i)]
                    .into_iter()
                    .flatten()
                    .any(|n| found[n] == Some(Kind::RunningHeader))
            })
            .collect();
        // (Once elsewhere is allowed: the organisation's name in the title block.)
        if beside_header.len() + 1 >= indices.len() {
            for i in beside_header {
                found[i] = Some(Kind::RunningHeader);
            }
        }
    }
}

/// The longest line taken for a running header's companion.
const MAX_COMPANION_BYTES: usize = 80;

fn previous_text_line(lines: &[Line<'_>], index: usize) -> Option<usize> {
    (0..index).rev().find(|&i| !lines[i].is_blank())
}

fn next_text_line(lines: &[Line<'_>], index: usize) -> Option<usize> {
    (index + 1..lines.len()).find(|&i| !lines[i].is_blank())
}

/// A web page's breadcrumb trail as a text-mode browser's dump numbers it, from
/// `start` ("1. Forside", "2. Politik", …): a list that would pass for a listing of
/// the items. (A trail on one line is [`is_breadcrumb_line`]'s.)
fn mark_numbered_trail(lines: &[Line<'_>], start: usize, found: &mut [Option<Kind>]) {
    found[start] = Some(Kind::WebChrome);
    let mut expected = 2u32;
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        if line.is_blank() {
            continue;
        }
        match item_heading(&line.text) {
            Some(h) if h.number.parse::<u32>().ok() == Some(expected) => {
                found[index] = Some(Kind::WebChrome);
                expected += 1;
            }
            _ => break,
        }
    }
}

/// "Forside > Politik > Dagsordener og referater": a front page's name, then the
/// trail's separators.
fn is_breadcrumb_line(text: &str) -> bool {
    // Every line is asked: the front pages' names are ASCII, compared in place.
    let bytes = text.as_bytes();
    if !matches!(bytes.first(), Some(b'F' | b'f' | b'H' | b'h' | b'S' | b's')) {
        return false;
    }
    BREADCRUMB_ROOTS.iter().any(|root| {
        bytes.len() > root.len() + 2
            && bytes[..root.len()].eq_ignore_ascii_case(root.as_bytes())
            && bytes[root.len()] == b' '
            && ["›", "»", ">", "/"].iter().any(|separator| {
                text[root.len() + 1..]
                    .strip_prefix(separator)
                    .and_then(|after| after.strip_prefix(' '))
                    .is_some_and(|after| !after.is_empty())
            })
    })
}

/// The longest name of a front page, in bytes ("startside").
const MAX_ROOT_BYTES: usize = 9;

/// "1. Forside": a numbered list's first entry, the site's front page.
fn first_entry_is_front_page(text: &str) -> bool {
    text.len() <= MAX_ROOT_BYTES + 3
        && text
            .strip_prefix('1')
            .map(|rest| rest.strip_prefix(['.', ')']).unwrap_or(rest))
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(is_front_page)
}

fn is_front_page(name: &str) -> bool {
    BREADCRUMB_ROOTS
        .iter()
        .any(|root| crate::grammar::eq_ignoring_case(name.trim(), root))
}

/// What decides whether lines of one shape are running headers or footers.
struct Repeats<'l, 'a> {
    lines: &'l [Line<'a>],
    near_break: &'l [bool],
    has_page_breaks: bool,
}

impl Repeats<'_, '_> {
    /// Mark the lines at `indices`, all of `shape`, as furniture if they are.
    fn mark(&self, shape: &str, indices: &[usize], found: &mut [Option<Kind>]) {
        let Some(&first) = indices.first() else {
            return;
        };
        if indices.len() < 2 {
            return;
        }
        let sample = self.lines[first].text.as_ref();
        // Section headings, item titles and case lines recur by nature; they are content.
        if section_heading(sample).is_some()
            || item_heading(sample).is_some()
            || case_line(sample).is_some()
            || case_line_with_access_marker(sample).is_some()
        {
            return;
        }
        let at_edges = self.has_page_breaks
            && indices.iter().filter(|&&i| self.near_break[i]).count() * 3 >= indices.len() * 2;
        // Without page breaks, only a line repeated word for word (a header with the
        // meeting date), or one naming a page, is taken for a running header.
        let identical = indices.iter().all(|&i| self.lines[i].text == sample);
        let names_a_page =
            shape.contains('|') || shape.contains("side #") || shape.contains("page #");
        // A sentence repeated in several items ("Sagen forelægges KKR den 12. marts.")
        // is content: headers are short and do not end a sentence.
        let sentence = sample.chars().count() > 80 || sample.ends_with(['.', '!', '?']);
        let header_like = shape.contains('#') && (identical || names_a_page) && !sentence;
        let furniture = if indices.len() >= MIN_REPEATS {
            at_edges || header_like
        } else {
            // Twice, in a document of a few pages: only at the pages' edges every time,
            // and a header's kind of line, no sentence: with a number in it, word for
            // word the same (a date) or naming its page ("Side 2"); in type smaller than
            // the text (a PDF's header); or with a page counter "2/4".
            // (A page label alone, "Side 2", is read as one where it stands.)
            let counter = shape.ends_with("#/#");
            let small_type = indices.iter().all(|&i| {
                self.lines[i]
                    .hints
                    .size_ratio
                    .is_some_and(|r| r < SMALL_TYPE)
            });
            self.has_page_breaks
                && crate::grammar::furniture::furniture(sample).is_none()
                && indices.iter().all(|&i| self.near_break[i])
                && (header_like || identical && small_type || counter)
                && !sentence
        };
        if furniture {
            for &index in indices {
                found[index].get_or_insert(Kind::RunningHeader);
            }
        }
    }
}

/// Type this much smaller than the body text's is a running header's (7.5 points against
/// 9.5), never a heading's; an OCR layer's sizes vary by a point either way (10 against
/// 11), and stay above it.
pub(crate) const HEADER_TYPE: f32 = 0.85;
/// The most lines of such a header (its text wrapped in a narrow box).
const MAX_HEADER_LINES: usize = 2;

/// A PDF's lines in small type at the top of its pages, above each page's first line
/// of body-size type, on most pages after the first: a running header whose text
/// changes from page to page (the body's name beside the title of the item the page
/// shows), which no repetition shows. Case lines and headings stay content.
fn small_type_page_tops(lines: &[Line<'_>], found: &mut [Option<Kind>]) {
    let mut tops = Vec::new();
    // This page's candidates: a header is a line or two, not a table's rows.
    let mut page_tops: Vec<usize> = Vec::new();
    let (mut pages, mut pages_with_tops) = (0usize, 0usize);
    // The first page (a front page's small print) is not looked at.
    let mut at_top = false;
    let mut close_page = |page_tops: &mut Vec<usize>, tops: &mut Vec<usize>| {
        if !page_tops.is_empty() && page_tops.len() <= MAX_HEADER_LINES {
            pages_with_tops += 1;
            tops.append(page_tops);
        }
        page_tops.clear();
    };
    for (index, line) in lines.iter().enumerate() {
        if line.hints.page_break && !at_top {
            close_page(&mut page_tops, &mut tops);
            at_top = true;
            pages += 1;
        }
        if !at_top || line.is_blank() || found[index].is_some() {
            continue;
        }
        let text = line.text.as_ref();
        let small = line.hints.size_ratio.is_some_and(|r| r < HEADER_TYPE);
        if !small
            || case_line(text).is_some()
            || item_heading(text).is_some() && line.hints.bold
            || section_heading(text).is_some()
        {
            at_top = false;
            continue;
        }
        page_tops.push(index);
    }
    close_page(&mut page_tops, &mut tops);
    if pages_with_tops >= MIN_REPEATS && pages_with_tops * 2 >= pages {
        for index in tops {
            found[index].get_or_insert(Kind::RunningHeader);
        }
    }
}

/// For each line, whether it stands within [`PAGE_EDGE`] non-blank lines of a page
/// break (form feed), either side, or of the document's start or end.
fn page_edges(lines: &[Line<'_>]) -> Vec<bool> {
    let mut edges = vec![false; lines.len()];
    if !lines.iter().any(|l| l.hints.page_break) {
        return edges;
    }
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank() || lines[i].hints.page_break)
        .collect();
    // The document's start and end are the first page's top and the last page's foot.
    for &near in nonblank
        .iter()
        .take(PAGE_EDGE)
        .chain(nonblank.iter().rev().take(PAGE_EDGE))
    {
        edges[near] = true;
    }
    for (pos, &index) in nonblank.iter().enumerate() {
        if !lines[index].hints.page_break {
            continue;
        }
        let from = pos.saturating_sub(PAGE_EDGE);
        let to = (pos + PAGE_EDGE).min(nonblank.len());
        for &near in &nonblank[from..to] {
            edges[near] = true;
        }
    }
    edges
}

/// A line's shape: lowercase, every digit run as `#`.
fn shape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    shape_chars(text, |c| out.push(c));
    out
}

/// Whether two lines have the same [`shape`]. Byte by byte in step while both are
/// ASCII or the same bytes (a digit run against a digit run, letters ignoring case);
/// where they part on other bytes ("Æ" against "æ"), the shapes are built and compared.
fn same_shape(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    loop {
        // Equal bytes eight at a time (lines of one template share long runs); a digit
        // run that goes on past them goes on in both.
        let skipped = i;
        while let (Some(p), Some(q)) = (x.get(i..i + 8), y.get(j..j + 8))
            && p == q
        {
            (i, j) = (i + 8, j + 8);
        }
        if i > skipped && x[i - 1].is_ascii_digit() {
            i += x[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            j += y[j..].iter().take_while(|b| b.is_ascii_digit()).count();
            continue;
        }
        let (Some(&p), Some(&q)) = (x.get(i), y.get(j)) else {
            return i == x.len() && j == y.len();
        };
        if p.is_ascii_digit() && q.is_ascii_digit() {
            i += x[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            j += y[j..].iter().take_while(|b| b.is_ascii_digit()).count();
        } else if p == q && !p.is_ascii_digit() || p.is_ascii() && p.eq_ignore_ascii_case(&q) {
            i += 1;
            j += 1;
        } else if p.is_ascii() && q.is_ascii() && !(p == b'#' || q == b'#') {
            return false;
        } else {
            // Outside ASCII (or a `#` against a digit run): the shapes themselves.
            return shape(a) == shape(b);
        }
    }
}

/// A hash of [`shape`]`(text)`, without building it: equal shapes hash equal (a
/// collision only merges two groups, which are split again by their shapes). It adds up
/// a random number per byte of the shape, case folded and with digits and `#` counting
/// nothing, so the order of the bytes does not count — and a line of ASCII and Latin-1
/// (all of Danish) can be hashed from its own bytes, one table lookup each, since
/// lowercasing and closing digit runs change nothing the sum sees.
fn shape_hash(text: &str) -> u64 {
    let bytes = text.as_bytes();
    if bytes.iter().fold(0, |max, &b| max.max(b)) < 0xC4 {
        return byte_sum(bytes);
    }
    // Characters past Latin-1 lowercase through the Unicode tables, some into other
    // lengths or into ASCII: hashed from the shape itself.
    let (mut sum, mut buffer) = (0u64, [0u8; 4]);
    shape_chars(text, |c| {
        sum = sum.wrapping_add(byte_sum(c.encode_utf8(&mut buffer).as_bytes()));
    });
    sum
}

/// The sum of [`SHAPE_BYTE_HASH`] over `bytes` folded to small letters (`| 0x20`: A–Z
/// and À–Þ's second byte meet their small letters).
fn byte_sum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |sum, &b| {
        sum.wrapping_add(SHAPE_BYTE_HASH[usize::from(b | 0x20)])
    })
}

/// A random number per byte (splitmix64), zero for digits and `#`.
const SHAPE_BYTE_HASH: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut i = 0;
    while i < 256 {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        let counts = !(i == b'#' as usize || (i >= b'0' as usize && i <= b'9' as usize));
        table[i] = if counts { z ^ (z >> 31) } else { 0 };
        i += 1;
    }
    table
};

fn shape_chars(text: &str, mut emit: impl FnMut(char)) {
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                emit('#');
            }
            in_digits = true;
        } else {
            in_digits = false;
            if c.is_ascii() {
                emit(c.to_ascii_lowercase());
            } else if let Some(lower) = latin1_lowercase(c) {
                emit(lower);
            } else {
                c.to_lowercase().for_each(&mut emit);
            }
        }
    }
}

fn is_web_chrome(text: &str) -> bool {
    let bare = crate::grammar::trim(text).trim_end_matches(['.', ':']);
    if bare.is_empty() {
        return false;
    }
    static CHROME: std::sync::LazyLock<WordTable> =
        std::sync::LazyLock::new(|| WordTable::of(WEB_CHROME_LINES.iter().copied()));
    if bare.len() <= 40 && CHROME.find(bare).is_some() {
        return true;
    }
    // Searchers built once: every line of a document is asked.
    static COOKIE: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            [
                memchr::memmem::Finder::new("ookie"),
                memchr::memmem::Finder::new("OOKIE"),
            ]
        });
    // A cookie notice is one short paragraph: a line-long paragraph of running text is
    // not looked at.
    if text.len() > 600 {
        return false;
    }
    // "oo" in any case first, in one pass over each byte and the next that vectorises:
    // few lines have it, and the searches cost more than the look on a short line.
    let bytes = text.as_bytes();
    let doubled_o = bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |found, (&a, &b)| {
            found | (((a | 0x20) == b'o') & ((b | 0x20) == b'o'))
        });
    let mentions_cookies = doubled_o && COOKIE.iter().any(|f| f.find(bytes).is_some());
    if !mentions_cookies {
        return false;
    }
    let lower = bare.to_lowercase();
    lower.chars().count() <= 300
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| COOKIE_WORDS.contains(&w))
        && (lower.starts_with("vi bruger")
            || lower.contains("accepter")
            || lower.contains("samtykke"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::lines_of_str;
    use crate::lexer::lex;

    fn furniture_lines(text: &str) -> Vec<usize> {
        let lines = lex(lines_of_str(text));
        let mut found: Vec<usize> = find(&lines)
            .iter()
            .enumerate()
            .filter_map(|(i, kind)| kind.is_some().then_some(i + 1))
            .collect();
        found.sort();
        found
    }

    /// Lines of a PDF's pages: each line's text and its size against the body's.
    fn pdf_pages<'a>(pages: &[&[(&'a str, f32)]]) -> Vec<Line<'a>> {
        let mut lines = Vec::new();
        for (number, page) in pages.iter().enumerate() {
            for (at, &(text, ratio)) in page.iter().enumerate() {
                let mut line = lex(lines_of_str(text)).remove(0);
                line.hints.size_ratio = Some(ratio);
                line.hints.page_break = number > 0 && at == 0;
                lines.push(line);
            }
        }
        lines
    }

    fn found_in<'a>(lines: &'a [Line<'a>]) -> Vec<&'a str> {
        find(lines)
            .iter()
            .zip(lines)
            .filter_map(|(kind, line)| kind.map(|_| line.text.as_ref()))
            .collect()
    }

    /// A breadcrumb trail on one line, or numbered as a text-mode browser lists it,
    /// is chrome; a listing of items that starts elsewhere is not.
    #[test]
    fn breadcrumb_trails_are_web_chrome() {
        assert_eq!(
            furniture_lines("Forside › Politik › Byrådet\n\nReferat\n"),
            [1]
        );
        assert_eq!(
            furniture_lines(
                "1. Forside\n2. Politik\n3. Referat 12.11.2024\n\nReferat\n\n\
                 1. Godkendelse af dagsorden\n2. Budget\n"
            ),
            [1, 2, 3]
        );
        assert!(furniture_lines("1. Godkendelse af dagsorden\n2. Forside\n").is_empty());
        assert!(furniture_lines("Forsiden af rapporten viser et kort.\n").is_empty());
    }

    /// A header line without a number, always beside one with a number (Markdown of a
    /// PDF, with no page breaks): a header too, but for its one place elsewhere (the
    /// title block) and a heading of the agenda's own at a page's top.
    #[test]
    fn a_running_headers_companion_without_a_number() {
        let page = |n: u32, body: &str| {
            format!(
                "Side {n} af 4\n\nRådet – dagsorden 22. oktober 2024\n\nRegion Midtjylland\n\n{body}\n\n"
            )
        };
        let text = format!(
            "Region Midtjylland\n\nDagsorden\n\n{}{}{}{}",
            page(1, "Indstilling"),
            page(2, "Tekst om budgettet."),
            page(3, "Indstilling"),
            page(4, "Mere tekst.")
        );
        let lines = lex(lines_of_str(&text));
        let found = found_in(&lines);
        assert_eq!(
            found.iter().filter(|t| **t == "Region Midtjylland").count(),
            4,
            "{found:?}"
        );
        assert!(!found.contains(&"Indstilling"));
        // Beside the header only twice: text.
        let few = format!("{}{}", page(1, "Region Nord"), page(2, "Tekst."));
        let lines = lex(lines_of_str(&few));
        assert!(!found_in(&lines).contains(&"Region Nord"));
    }

    #[test]
    fn small_type_at_the_top_of_most_pages_is_a_running_header() {
        let header = "Favrskov Kommune • Referat 3. Tilskud fra puljen";
        let page = |title: &'static str, body: &'static str| vec![(title, 0.79), (body, 1.0)];
        let pages = [
            page("Forside", "Mødet holdes på rådhuset."),
            page(header, "Puljen kan søges af foreninger."),
            page(
                "Favrskov Kommune • Referat 4. Budget",
                "Budgettet viser et merforbrug.",
            ),
            page(
                "Favrskov Kommune • Referat 5. Salg",
                "Grunden sælges til højstbydende.",
            ),
        ];
        let pages: Vec<&[(&str, f32)]> = pages.iter().map(Vec::as_slice).collect();
        let lines = pdf_pages(&pages);
        assert_eq!(
            found_in(&lines),
            [
                header,
                "Favrskov Kommune • Referat 4. Budget",
                "Favrskov Kommune • Referat 5. Salg"
            ]
        );
        // A table in small type that goes on at a page's top is no header; nor is a
        // case line; nor small type on a few pages of many.
        let table = |a, b, c, body| vec![(a, 0.8), (b, 0.8), (c, 0.8), (body, 1.0)];
        let case = |case, body| vec![(case, 0.8), (body, 1.0)];
        let pages = [
            vec![("Forside", 1.0)],
            table(
                "Ellebo 88",
                "Fyrtårnet 28",
                "Bikuben 44",
                "Pladserne fordeles.",
            ),
            table(
                "Kildegården 36",
                "Stjerneskuddet 110",
                "Søndermarken 48",
                "Taksten stiger.",
            ),
            table(
                "Solsikken 20",
                "Mælkebøtten 31",
                "Skovbrynet 17",
                "Ventelisten falder.",
            ),
            case("Sagsnr.: 24/03310", "Udvalget godkender budgettet."),
            case("Sagsnr.: 24/00871", "Regnskabet viser overskud."),
            case("Sagsnr.: 23/14228", "Svømmehallen renoveres."),
        ];
        let pages: Vec<&[(&str, f32)]> = pages.iter().map(Vec::as_slice).collect();
        assert!(found_in(&pdf_pages(&pages)).is_empty());
        let pages = [
            vec![("Forside", 1.0)],
            vec![("Første lille note", 0.8), ("Puljen kan søges.", 1.0)],
            vec![("Anden lille note", 0.8), ("Budgettet holder.", 1.0)],
            vec![("Tredje lille note", 0.8), ("Grunden sælges.", 1.0)],
            vec![("Vejen renoveres.", 1.0)],
            vec![("Skolen udvides.", 1.0)],
            vec![("Hallen males.", 1.0)],
            vec![("Parken plantes til.", 1.0)],
        ];
        let pages: Vec<&[(&str, f32)]> = pages.iter().map(Vec::as_slice).collect();
        assert!(found_in(&pdf_pages(&pages)).is_empty());
    }

    #[test]
    fn running_header_with_date_is_found_without_page_breaks() {
        let text = "KKR SYDDANMARK | 12-03-2019\nTekst\nKKR SYDDANMARK | 12-03-2019\nMere\nKKR SYDDANMARK | 12-03-2019\n";
        assert_eq!(furniture_lines(text), [1, 3, 5]);
    }

    #[test]
    fn repeats_at_page_edges() {
        let text = "Økonomiudvalget\nA\nB\nC\nD\n\u{c}Økonomiudvalget\nE\nF\nG\nH\n\u{c}Økonomiudvalget\nI\n";
        assert_eq!(furniture_lines(text), [1, 6, 11]);
    }

    #[test]
    fn twice_at_the_page_edges_is_furniture_when_it_reads_like_a_header() {
        let page = |n: u32, body: &str| {
            format!(
                "24.2.2021 09.14   Dagsorden - Byrådet\n{body}\nmere tekst\nhttps://dagsordener.example.dk/vis?id=5c1e {n}/2\n"
            )
        };
        let text = format!(
            "{}\u{c}{}",
            page(1, "Første side med tekst"),
            page(2, "Anden side med tekst")
        );
        assert_eq!(furniture_lines(&text), [1, 4, 5, 8]);
        // A heading at the top of both pages is no header, nor a sentence at the foot.
        let text = "Bemærkninger\nTekst på første side.\nDet blev godkendt.\n\u{c}Bemærkninger\nTekst på anden side.\nDet blev godkendt.\n";
        assert_eq!(furniture_lines(text), Vec::<usize>::new());
    }

    #[test]
    fn repeated_content_is_not_furniture() {
        let text = "Beslutning\nGodkendt.\nBeslutning\nGodkendt.\nBeslutning\nGodkendt.\n";
        assert!(furniture_lines(text).is_empty());
        let cases = "SAG NR.: 2009-00234\nA\nSAG NR.: 2009-01876\nB\nSAG NR.: 2009-02011\nC\nMål 2020-2023\nMål 2021-2024\nMål 2022-2025\n";
        assert!(furniture_lines(cases).is_empty());
    }

    #[test]
    fn a_sentence_repeated_in_several_items_is_content() {
        let text = "1. A\nSagen forelægges KKR den 12. marts 2021.\n2. B\nSagen forelægges KKR den 12. marts 2021.\n3. C\nSagen forelægges KKR den 12. marts 2021.\n";
        assert!(furniture_lines(text).is_empty());
    }

    proptest::proptest! {
        /// Equal shapes hash equal: the hash of a line is the hash of its shape, on text
        /// of capitals, small letters, digits and characters from ASCII, Latin-1 and
        /// beyond (some lowercase into other lengths, or into ASCII).
        #[test]
        fn a_line_hashes_as_its_shape(
            text in "[aZæÆøØåÅéÉ×÷ßÞþ0-9 .|#@`-]{0,12}[İΣK\u{212a}\u{212b}Ǆ–]?[aÆ0-9 ]{0,6}"
        ) {
            proptest::prop_assert_eq!(shape_hash(&text), byte_sum(shape(&text).as_bytes()));
            proptest::prop_assert_eq!(shape_hash(&text), shape_hash(&shape(&text)));
        }
    }

    proptest::proptest! {
        /// Lines compared in place have the same shape exactly when their shapes are
        /// equal: on short lines of letters in both cases (ASCII, Latin-1 and beyond),
        /// digits and `#`, against another such line and against a variant of the same
        /// line with other digits, other case, and digits for its `#`.
        #[test]
        fn lines_compared_in_place_agree_with_their_shapes(
            a in "[aAkKæÆøØ\u{212a}İ0-9# .]{0,30}",
            b in "[aAkKæÆøØ\u{212a}İ0-9# .]{0,30}",
            upper in proptest::bool::ANY,
            hash_as_digits in proptest::bool::ANY,
            digits in "[0-9]{1,3}",
        ) {
            proptest::prop_assert_eq!(same_shape(&a, &b), shape(&a) == shape(&b), "{:?} {:?}", a, b);
            let cased = if upper { a.to_uppercase() } else { a.to_lowercase() };
            let variant = cased.replace('5', &digits);
            let variant = if hash_as_digits { variant.replace('#', &digits) } else { variant };
            proptest::prop_assert_eq!(
                same_shape(&a, &variant),
                shape(&a) == shape(&variant),
                "{:?} {:?}", a, variant
            );
        }
    }

    proptest::proptest! {
        /// Lines of one template with other numbers in it have the same shape, wherever
        /// the numbers fall against the bytes compared eight at a time.
        #[test]
        fn a_template_with_other_numbers_has_one_shape(
            prefix in "[a-zæ0-9 -]{0,20}",
            numbers in proptest::collection::vec(("[0-9]{1,6}", "[0-9]{1,6}"), 1..4),
            words in proptest::collection::vec("[a-zæ .-]{1,9}", 1..4),
        ) {
            let (mut x, mut y) = (prefix.clone(), prefix);
            for ((one, other), word) in numbers.iter().zip(words.iter().cycle()) {
                x.push_str(one);
                y.push_str(other);
                x.push_str(word);
                y.push_str(word);
            }
            proptest::prop_assert!(same_shape(&x, &y), "{:?} {:?}", x, y);
            proptest::prop_assert_eq!(shape(&x), shape(&y));
        }
    }

    #[test]
    fn case_and_digits_do_not_change_the_hash_but_words_do() {
        assert_eq!(shape_hash("SIDE 3 AF 12"), shape_hash("Side 14 af 140"));
        assert_eq!(shape_hash("ØKONOMIUDVALGET"), shape_hash("økonomiudvalget"));
        assert_eq!(shape_hash("\u{212a}KR"), shape_hash("kkr"));
        assert_ne!(shape_hash("Side 3"), shape_hash("Punkt 3"));
        assert_ne!(shape_hash("KKR Syddanmark"), shape_hash("KKR Sjælland"));
    }

    #[test]
    fn shapes_compared_in_place() {
        assert!(same_shape(
            "KKR SYDDANMARK | 12-03-2019",
            "KKR Syddanmark | 1-4-2020"
        ));
        assert!(same_shape(
            "Økonomiudvalget side 3",
            "ØKONOMIUDVALGET SIDE 14"
        ));
        assert!(same_shape("Side # af 7", "Side 3 af 12"));
        assert!(!same_shape("Side 3 af 7", "Side 3 af 7 bilag"));
        assert!(!same_shape("Side 3", "Punkt 3"));
        assert!(!same_shape("side 3#", "side 3"));
        assert!(same_shape("\u{212a}KR 2021", "kkr 2022"));
        // A digit run that goes on past eight equal bytes, in one line or both.
        assert!(same_shape("SAG-2021-00200 hlth", "SAG-2021-002001 hlth"));
        assert!(same_shape("12345678a", "123456789a"));
        assert!(!same_shape("12345678a", "12345678b"));
    }

    #[test]
    fn web_chrome() {
        let text = "Til toppen\nfold punktet ind\nVi bruger cookies til at forbedre din oplevelse af siden.\nCookies i kagen er gode.\nVI BRUGER COOKIES. ACCEPTER ELLER AFVIS.\nDer er bagt småkager og COOKIES til mødet.\n";
        assert_eq!(furniture_lines(text), [1, 2, 3, 5]);
    }
}

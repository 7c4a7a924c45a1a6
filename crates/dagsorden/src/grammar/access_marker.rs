//! An item's access marker: "Lukket punkt", "Åbent punkt", "Lukket", "Åben", alone on
//! its line, before a separator ("Åbent punkt · Sagsnr. …") or after a case line
//! ("Sagsnr.: 24/03310 Åben").

use crate::grammar::case_line::{CaseLine, case_line, starts_with_case_label};
use crate::vocabulary::{
    ACCESS_FIELD_KEYS, ACCESS_VALUE_WORDS, CLOSED_ITEM_MARKERS, CLOSED_MARKER_LINES,
    OPEN_MARKER_LINES,
};

/// What stands between an access marker and the fields beside it: a middle dot (also
/// as Scribus and fonts map it, U+2219), a bar.
const SEPARATORS: [char; 4] = ['·', '∙', '•', '|'];

/// "Lukket punkt", "(Lukket)", "Lukket" alone: the marker of a closed item.
pub fn is_closed_marker(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    // Only the markers that start like the line are compared: most short lines are
    // headings and names.
    static MARKERS: std::sync::LazyLock<crate::grammar::WordTable> =
        std::sync::LazyLock::new(|| {
            crate::grammar::WordTable::of(
                CLOSED_ITEM_MARKERS
                    .iter()
                    .chain(CLOSED_MARKER_LINES)
                    .copied(),
            )
        });
    let bare = crate::grammar::trim(text).trim_end_matches(['.', ':']);
    MARKERS.find(bare).is_some()
}

/// "Åbent punkt" alone on its line: the marker of an open item.
pub fn is_open_marker(text: &str) -> bool {
    // Each starts with "å" or "Å" (0xC3 first).
    text.len() <= 16
        && text.as_bytes().first() == Some(&0xC3)
        && OPEN_MARKER_LINES.iter().any(|m| {
            crate::grammar::eq_ignoring_case(
                crate::grammar::trim(text).trim_end_matches(['.', ':']),
                m,
            )
        })
}

/// An item's access marker alone, open or closed ("Åbent punkt", "Lukket").
pub fn is_access_marker(text: &str) -> bool {
    is_closed_marker(text) || is_open_marker(text)
}

/// "Åbent punkt · Sagsnr. …" → (false, "Sagsnr. …"): an access marker before a
/// separator, whether it closes the item, and what follows.
pub fn split_access_marker(text: &str) -> Option<(bool, &str)> {
    let (marker, rest) = text.split_once(SEPARATORS)?;
    let marker = marker.trim();
    let closed = is_closed_marker(marker);
    (closed || is_open_marker(marker)).then_some((closed, rest.trim_start()))
}

/// "Sagsnr.: 17.01.10-P05-2-21 Åbent punkt" → ("Sagsnr.: 17.01.10-P05-2-21", false):
/// an access marker as the line's last one or two words, whether it closes the item,
/// and what comes before it.
pub fn split_trailing_access_marker(text: &str) -> Option<(&str, bool)> {
    let text = text.trim_end();
    // The markers end in "punkt", "sag", "åben(t)", "lukket" or a parenthesis.
    if !matches!(
        text.as_bytes().last(),
        Some(b't' | b'T' | b'g' | b'G' | b'n' | b'N' | b')')
    ) {
        return None;
    }
    let mut cut = text.len();
    for _ in 0..2 {
        cut = text[..cut].rfind(' ')?;
        let marker = &text[cut + 1..];
        let closed = is_closed_marker(marker);
        if closed || is_open_marker(marker) {
            // "Sagsnr.: 25/2488 ∙ Lukket punkt": the separator before the marker goes.
            let before = text[..cut]
                .trim_end()
                .trim_end_matches(SEPARATORS)
                .trim_end();
            return Some((before, closed));
        }
    }
    None
}

/// A case line with an access marker after it, at its end or before the next field
/// ("Sagsnr.: 24/00412  Åbent punkt  Sagsbehandler: …", a row of cells): the case, and
/// whether it closes the item.
pub fn case_line_with_access_marker(text: &str) -> Option<(CaseLine<'_>, bool)> {
    if !mentions_an_access_marker(text) {
        return None;
    }
    let (rest, closed) = split_trailing_access_marker(text).or_else(|| {
        // Only a line with a case label ahead of the marker is looked through.
        starts_with_case_label(text)
            .then(|| split_inner_access_marker(text))
            .flatten()
    })?;
    case_line(rest).map(|case| (case, closed))
}

/// Whether `text` has "ben" or "kke" in any case, as every access marker has ("Åben",
/// "Lukket"): one pass over each byte and the two after it, without stopping early,
/// which vectorises. Lines under headings and beside item headings are asked, few of
/// them case lines.
fn mentions_an_access_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(second), Some(third)) = (bytes.get(1..), bytes.get(2..)) else {
        return false;
    };
    bytes
        .iter()
        .zip(second)
        .zip(third)
        .fold(false, |found, ((&a, &b), &c)| {
            let (a, b, c) = (a | 0x20, b | 0x20, c | 0x20);
            found
                | ((a == b'b') & (b == b'e') & (c == b'n'))
                | ((a == b'k') & (b == b'k') & (c == b'e'))
        })
}

/// "Sagsnr.: 24/00412 Lukket punkt Sagsbehandler: Ida Holm" → ("Sagsnr.: 24/00412",
/// true): an access marker of one or two words between fields, what stands before it,
/// and whether it closes the item.
fn split_inner_access_marker(text: &str) -> Option<(&str, bool)> {
    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
    spaces.iter().enumerate().find_map(|(n, &space)| {
        let before = text[..space]
            .trim_end()
            .trim_end_matches(SEPARATORS)
            .trim_end();
        let from = space + 1;
        // The marker's last word ends at one of the next two spaces (or the end).
        spaces[n + 1..]
            .iter()
            .take(2)
            .copied()
            .chain([text.len()])
            .find_map(|end| {
                let marker = text[from..end].trim_end_matches(['.', ':']);
                let closed = is_closed_marker(marker);
                (!before.is_empty() && (closed || is_open_marker(marker)))
                    .then_some((before, closed))
            })
    })
}

/// "Status: Lukket punkt", "Åben/Lukket  Lukket LUKKET PUNKT" (a label beside a badge),
/// "Punktet er:  Lukket punkt": a field of the item that closes it (`Some(true)`) or
/// leaves it open. Its value is only the marker's words, so "Status: Lukket for
/// tilmelding" is no such field.
pub fn access_field(text: &str) -> Option<bool> {
    // Every line under a heading is asked: the keys start with "s", "a", "o", "p" or
    // "å" (0xC3), and the fields are short.
    if text.len() > 60
        || !matches!(
            text.as_bytes().first(),
            Some(b's' | b'S' | b'a' | b'A' | b'o' | b'O' | b'p' | b'P' | 0xC3)
        )
    {
        return None;
    }
    // The key before a colon (of one word or two), or the first word.
    let (key, value) = match text.split_once(':') {
        Some((key, value)) if key.len() <= MAX_ACCESS_KEY_BYTES => (key, value),
        _ => text.split_once([' ', '\t'])?,
    };
    if !(6..=MAX_ACCESS_KEY_BYTES).contains(&key.trim().len())
        || !ACCESS_FIELD_KEYS
            .iter()
            .any(|k| crate::grammar::eq_ignoring_case(key.trim(), k))
    {
        return None;
    }
    let (mut closed, mut open) = (false, false);
    for word in value.split_whitespace() {
        let word = word.trim_end_matches(['.', ':']);
        if is_closed_marker(word) {
            closed = true;
        } else if is_open_marker(word) {
            open = true;
        } else if !ACCESS_VALUE_WORDS
            .iter()
            .any(|w| crate::grammar::eq_ignoring_case(word, w))
        {
            return None;
        }
    }
    (closed != open).then_some(closed)
}

/// The longest key of an access field ("Åbent/lukket", "Punktet er").
const MAX_ACCESS_KEY_BYTES: usize = 13;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_mentions_what_the_quick_look_looks_for() {
        for marker in CLOSED_ITEM_MARKERS
            .iter()
            .chain(CLOSED_MARKER_LINES)
            .chain(OPEN_MARKER_LINES)
        {
            assert!(mentions_an_access_marker(marker), "{marker}");
            assert!(
                mentions_an_access_marker(&marker.to_uppercase()),
                "{marker}"
            );
        }
        assert!(!mentions_an_access_marker(
            "Sagsnr.: 24/00412 Sagsbehandler: Ida"
        ));
    }

    #[test]
    fn markers_alone_and_after_a_case_line() {
        assert!(is_closed_marker("Lukket punkt") && is_closed_marker("Lukket"));
        assert!(is_open_marker("Åbent punkt") && is_open_marker("Åben"));
        assert!(!is_closed_marker("Lukket vej ved Skolegade"));
        let (case, closed) = case_line_with_access_marker("Sagsnr.: 24/06011 Lukket").unwrap();
        assert_eq!((case.id, closed), ("24/06011", true));
        let (case, closed) = case_line_with_access_marker("Sagsnr.: 24/03310 Åben").unwrap();
        assert_eq!((case.id, closed), ("24/03310", false));
        let (case, closed) =
            case_line_with_access_marker("Sagsnr.: 25/2488 ∙ Lukket punkt").unwrap();
        assert_eq!((case.id, closed), ("25/2488", true));
        // Between the number and the next field, as a row of cells reads.
        let (case, closed) = case_line_with_access_marker(
            "Sagsnr.: 24/00412     Lukket punkt     Sagsbehandler: Anne-Mette Skov",
        )
        .unwrap();
        assert_eq!((case.id, closed), ("24/00412", true));
        let (case, closed) =
            case_line_with_access_marker("Sagsnr.: 24/00413 · Åben · Sagsbehandler: Ida Holm")
                .unwrap();
        assert_eq!((case.id, closed), ("24/00413", false));
        assert_eq!(
            case_line_with_access_marker("Sagsnr.: 24/00413 Sagsbehandler: Ida Holm"),
            None
        );
        assert_eq!(
            case_line_with_access_marker("Vejen er lukket punkt for punkt 24/00413"),
            None
        );
        assert_eq!(
            split_access_marker("Åbent punkt · Sagsnr. 24/1"),
            Some((false, "Sagsnr. 24/1"))
        );
    }
}

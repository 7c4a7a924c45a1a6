//! An item's access marker: "Lukket punkt", "Åbent punkt", "Lukket", "Åben", alone on
//! its line, before a separator ("Åbent punkt · Sagsnr. …") or after a case line
//! ("Sagsnr.: 24/03310 Åben").

use crate::grammar::case_line::{CaseLine, case_line};
use crate::vocabulary::{CLOSED_ITEM_MARKERS, CLOSED_MARKER_LINES, OPEN_MARKER_LINES};

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

/// "Åbent punkt · Sagsnr. …" → (false, "Sagsnr. …"): an access marker before a
/// separator, whether it closes the item, and what follows.
pub fn split_access_marker(text: &str) -> Option<(bool, &str)> {
    let (marker, rest) = text.split_once(['·', '|'])?;
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
            return Some((text[..cut].trim_end(), closed));
        }
    }
    None
}

/// A case line with an access marker after it: the case, and whether it closes the item.
pub fn case_line_with_access_marker(text: &str) -> Option<(CaseLine<'_>, bool)> {
    let (rest, closed) = split_trailing_access_marker(text)?;
    case_line(rest).map(|case| (case, closed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_alone_and_after_a_case_line() {
        assert!(is_closed_marker("Lukket punkt") && is_closed_marker("Lukket"));
        assert!(is_open_marker("Åbent punkt") && is_open_marker("Åben"));
        assert!(!is_closed_marker("Lukket vej ved Skolegade"));
        let (case, closed) = case_line_with_access_marker("Sagsnr.: 24/06011 Lukket").unwrap();
        assert_eq!((case.id, closed), ("24/06011", true));
        let (case, closed) = case_line_with_access_marker("Sagsnr.: 24/03310 Åben").unwrap();
        assert_eq!((case.id, closed), ("24/03310", false));
        assert_eq!(
            split_access_marker("Åbent punkt · Sagsnr. 24/1"),
            Some((false, "Sagsnr. 24/1"))
        );
    }
}

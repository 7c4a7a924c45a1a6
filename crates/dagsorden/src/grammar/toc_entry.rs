//! Table-of-contents lines: `2.1. Dialogmøde om … ..... 4`, `1. Godkendelse af dagsorden 3`.

use super::item_heading::{
    after_access_marker, after_dash, after_parenthesis, opt_colon, punkt_label,
};
use super::{item_number, starts_like_title};

/// A TOC line, split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocLine<'a> {
    /// Item number without the trailing dot.
    pub number: &'a str,
    /// Title without dot leader and page.
    pub title: &'a str,
    /// The page number, when printed.
    pub page: Option<u32>,
    /// Whether a dot leader (`.....`, `…`) was there: the strongest sign of a TOC.
    pub leader: bool,
}

/// Split a trailing `.....  4` (dot leader and/or page number) off a title.
/// Returns the title, the page, and whether there was a leader.
pub fn split_leader(text: &str) -> (&str, Option<u32>, bool) {
    let trimmed = text.trim_end();
    let digits_start = trimmed.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| {
        i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
    });
    let digits = &trimmed[digits_start..];
    let (before_page, page) = if !digits.is_empty() && digits.len() <= 4 && digits_start > 0 {
        (
            without_page_word(&trimmed[..digits_start]),
            digits.parse().ok(),
        )
    } else {
        (trimmed, None)
    };
    let without_leader = with_abbreviations_dot(
        before_page,
        before_page.trim_end_matches(['.', '…', ' ', '_']),
    );
    let leader_chars = before_page[without_leader.len()..]
        .chars()
        .filter(|&c| c == '.' || c == '…' || c == '_')
        .count();
    let leader = leader_chars >= 3 || before_page[without_leader.len()..].contains('…');
    // A page number must be set off from the title: "Budget 2022" is a title.
    let separated = leader || before_page.ends_with(' ') && page.is_some();
    if page.is_some() && !separated {
        return (strip_trailing_dots(trimmed), None, false);
    }
    (without_leader.trim_end(), page, leader)
}

/// "….... side 4", "…... s. 4": the word for page before a TOC page number is taken
/// off with it, when it stands after a leader or a gap (not "Budget for side 4").
fn without_page_word(before_page: &str) -> &str {
    // Most entries end in a leader or a gap: only "…side" and "…s." go on.
    let end = before_page.trim_end();
    if !(end.ends_with(['e', 'E']) || end.ends_with("s.") || end.ends_with("S.")) {
        return before_page;
    }
    for word in ["side ", "side", "s. ", "s."] {
        if before_page.len() >= word.len()
            && let Some(tail) = before_page.get(before_page.len() - word.len()..)
            && tail.eq_ignore_ascii_case(word)
        {
            let rest = &before_page[..before_page.len() - word.len()];
            if rest.ends_with(['.', '…', ' ', '_', '\t'])
                && rest.trim_end_matches(['.', '…', ' ', '_']).len() + 2 <= rest.len()
            {
                return rest;
            }
        }
    }
    before_page
}

/// Titles carry no final period in a TOC, and a body heading's is dropped the same way,
/// so the two compare equal.
fn strip_trailing_dots(s: &str) -> &str {
    with_abbreviations_dot(s, s.trim_end_matches(['.', '…', ' ']))
}

/// `stripped` (a prefix of `text`) with the dot after it put back when the title ends
/// in an abbreviation written with inner dots ("Skovlund Fjernvarme A.m.b.a.", "… m.v.",
/// "… bl.a."): that dot is the abbreviation's, not a sentence's end or a leader's.
pub(crate) fn with_abbreviations_dot<'a>(text: &'a str, stripped: &'a str) -> &'a str {
    // Every title and TOC line is asked: most have no dot taken off.
    if !text[stripped.len()..].starts_with('.') {
        return stripped;
    }
    let last_word = stripped.rsplit([' ', '\t']).next().unwrap_or_default();
    let abbreviation = last_word.contains('.')
        && last_word.split('.').all(|part| {
            (1..=4).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        });
    if abbreviation {
        &text[..stripped.len() + 1]
    } else {
        stripped
    }
}

/// A numbered line read as a TOC entry. `page_gap` (a tab or a run of spaces before the
/// last word, the page) allows a page number without a dot leader.
pub fn toc_line(text: &str, page_gap: bool) -> Option<TocLine<'_>> {
    // Most entries start with their number: the labels are tried only on a letter.
    let (after_label, labelled) = match text.as_bytes().first() {
        Some(b) if !b.is_ascii_digit() => match punkt_label(text) {
            Ok((rest, ())) => (rest, true),
            Err(_) => return None,
        },
        _ => (text, false),
    };
    let (rest, (number, dot)) = item_number(after_label).ok()?;
    let rest = if dot { rest } else { after_parenthesis(rest) };
    let (rest, colon) = opt_colon(rest).ok()?;
    if !dot && !number.contains('.') && !labelled && colon.is_none() && !rest.starts_with(' ') {
        return None;
    }
    let rest = if labelled { after_dash(rest) } else { rest };
    let (rest, _) = after_access_marker(rest.trim_start());
    // "1. 9.1 Status på ombygningen" (html2text's nested ordered list of sub-items that
    // carry their numbers): the printed sub-item number, not the list's.
    let (number, rest) = match item_number(rest) {
        Ok((after, (printed, _)))
            if printed.contains('.')
                && !number.contains('.')
                && !labelled
                && after.starts_with(' ')
                && starts_like_title(after.trim_start()) =>
        {
            (printed, after.trim_start())
        }
        _ => (number, rest),
    };
    if rest.is_empty() || !starts_like_title(rest) {
        return None;
    }
    let (title, page, leader) = split_leader(rest);
    let page = if leader || page_gap { page } else { None };
    if title.is_empty() {
        return None;
    }
    let title = if page.is_none() && !leader {
        strip_trailing_dots(rest)
    } else {
        title
    };
    Some(TocLine {
        number,
        title,
        page,
        leader,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_entries() {
        let e = toc_line("1. Godkendelse af dagsorden..... 3", true).unwrap();
        assert_eq!(
            (e.number, e.title, e.page, e.leader),
            ("1", "Godkendelse af dagsorden", Some(3), true)
        );
        let e = toc_line("2. Regionalpolitiske sager ..... 4", true).unwrap();
        assert_eq!(e.title, "Regionalpolitiske sager");
        let e = toc_line("2.1. Dialogmøde om Resultatkontrakt 2021 mellem Erhvervshus Nordjylland og KKR Nordjylland ..... 4", true).unwrap();
        assert_eq!(e.number, "2.1");
        assert!(e.title.ends_with("KKR Nordjylland"));
    }

    #[test]
    fn a_sub_items_printed_number_after_its_list_number() {
        let e = toc_line("1. 9.1 Status på ombygning af Kulturhuset", false).unwrap();
        assert_eq!(
            (e.number, e.title),
            ("9.1", "Status på ombygning af Kulturhuset")
        );
        // An amount is no number of an item: the title would start in lowercase.
        let e = toc_line("3. 2.5 mio. kr. til legepladser", false);
        assert!(e.is_none_or(|e| e.number == "3"));
    }

    #[test]
    fn an_abbreviations_dot_stays_with_the_title() {
        let e = toc_line(
            "5. Kommunegaranti til Skovlund Fjernvarme A.m.b.a. ..... 6",
            true,
        )
        .unwrap();
        assert_eq!(
            (e.title, e.page),
            ("Kommunegaranti til Skovlund Fjernvarme A.m.b.a.", Some(6))
        );
        assert_eq!(
            split_leader("Takster for vand m.v.").0,
            "Takster for vand m.v."
        );
        // A sentence's dot and a leader go, after a word or a number.
        assert_eq!(
            split_leader("Godkendelse af dagsorden.").0,
            "Godkendelse af dagsorden"
        );
        assert_eq!(split_leader("Budget 2022 ...... 4").0, "Budget 2022");
        assert_eq!(split_leader("Møde kl. 10.00.").0, "Møde kl. 10.00");
    }

    #[test]
    fn gap_without_leader() {
        let e = toc_line("3. Eventuelt 7", true).unwrap();
        assert_eq!(e.page, Some(7));
        let e = toc_line("3. Budget 2022", false).unwrap();
        assert_eq!((e.title, e.page), ("Budget 2022", None));
    }

    #[test]
    fn ellipsis_leader_and_no_page() {
        let e = toc_line("4. Orientering … 12", false).unwrap();
        assert_eq!(e.page, Some(12));
        let e = toc_line("5. Eventuelt", false).unwrap();
        assert_eq!((e.title, e.page, e.leader), ("Eventuelt", None, false));
    }

    #[test]
    fn labelled_entries_and_page_words() {
        let e = toc_line("Punkt 23   Godkendelse af dagsorden..........side 1", true).unwrap();
        assert_eq!(
            (e.number, e.title, e.page, e.leader),
            ("23", "Godkendelse af dagsorden", Some(1), true)
        );
        let e = toc_line("Punkt 5: Budgetopfølgning pr. 31. marts 2024", false).unwrap();
        assert_eq!(
            (e.number, e.title, e.page),
            ("5", "Budgetopfølgning pr. 31. marts 2024", None)
        );
        let e = toc_line("Punkt 5 - Lokalplan nr. 412, endelig vedtagelse . 6", true).unwrap();
        assert_eq!(
            (e.number, e.title, e.page),
            ("5", "Lokalplan nr. 412, endelig vedtagelse", Some(6))
        );
        let e = toc_line("Pkt. 4 Eventuelt ..... s. 12", false).unwrap();
        assert_eq!((e.number, e.title, e.page), ("4", "Eventuelt", Some(12)));
        let e = toc_line("7. Orientering om trafikplan, side 4", false).unwrap();
        assert_eq!(
            (e.title, e.page),
            ("Orientering om trafikplan, side 4", None)
        );
    }

    #[test]
    fn near_misses() {
        assert_eq!(toc_line("3. kvartal viser en stigning ..... 4", true), None);
        assert_eq!(toc_line("Godkendelse ..... 3", true), None);
        assert_eq!(toc_line("2021", true), None);
    }
}

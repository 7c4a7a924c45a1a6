//! Item headings: `2.1. Dialogmøde om …`, `47. Godkendelse af dagsorden`,
//! `Punkt 3: Eventuelt`.

use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::{char, space0, space1},
    combinator::opt,
};

use super::{
    item_number, prefix_ignoring_case, starts_like_title, tag_ignoring_case,
    toc_entry::{split_leader, with_abbreviations_dot},
};
use crate::vocabulary::{CLOSED_ITEM_MARKERS, OPEN_ITEM_MARKERS};

/// A numbered line that may be an item heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemHeading<'a> {
    /// The number without the trailing dot.
    pub number: &'a str,
    /// The title, trimmed, without a trailing dot leader or page.
    pub title: &'a str,
    /// The number had neither a dot nor a "Punkt" label (`2 Regionalpolitiske sager`):
    /// only styling can make such a line a heading.
    pub bare: bool,
}

/// `Punkt `, `Punkt nr. `, `Pkt. `, `pkt `, `Sag nr. `, `Ad `: the label some producers put before an item
/// number.
pub(crate) fn punkt_label(input: &str) -> IResult<&str, ()> {
    // Every line that starts with "p", "s" or "a" is asked: the first two letters settle
    // most before the alternatives are tried.
    let start = input
        .as_bytes()
        .get(..2)
        .map(|b| [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()]);
    if !matches!(
        start,
        Some([b'p', b'u' | b'k'] | [b's', b'a'] | [b'a', b'd'])
    ) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    let (rest, _) = (
        alt((
            // "Punkt nr. 1" before "Punkt 1".
            tag_ignoring_case("punkt nr."),
            tag_ignoring_case("punkt nr"),
            tag_ignoring_case("pkt. nr."),
            tag_ignoring_case("punkt"),
            tag_ignoring_case("pkt."),
            tag_ignoring_case("pkt"),
            tag_ignoring_case("sag nr."),
            tag_ignoring_case("sag nr"),
            // Minutes: "Ad 1. Godkendelse af dagsorden".
            tag_ignoring_case("ad"),
        )),
        space1,
    )
        .parse(input)?;
    Ok((rest, ()))
}

/// "(Åben) Godkendelse af dagsorden" → the title after the marker; "(Lukket) Køb af
/// grund" → unchanged, for the builder reads the closed marker. Either way, whether a
/// marker was there: meeting systems write it after every item number.
pub(crate) fn after_access_marker(title: &str) -> (&str, bool) {
    if !title.starts_with('(') {
        return (title, false);
    }
    for marker in OPEN_ITEM_MARKERS {
        if let Some(len) = prefix_ignoring_case(title, marker) {
            return (title[len..].trim_start(), true);
        }
    }
    let closed = CLOSED_ITEM_MARKERS
        .iter()
        .any(|m| m.starts_with('(') && prefix_ignoring_case(title, m).is_some());
    (title, closed)
}

/// "Punkt 1 - Godkendelse …": a dash between a labelled number and its title.
pub(crate) fn after_dash(rest: &str) -> &str {
    let trimmed = rest.trim_start();
    match trimmed.strip_prefix(['-', '–', '—']) {
        Some(after) if after.starts_with(' ') => after,
        _ => rest,
    }
}

pub(crate) fn opt_colon(input: &str) -> IResult<&str, Option<char>> {
    opt((space0, char(':')).map(|(_, c)| c)).parse(input)
}

/// The longest title an item heading is believed to have; longer lines are paragraphs.
pub const MAX_TITLE_CHARS: usize = 300;

/// Read a numbered line as an item heading candidate.
pub fn item_heading(text: &str) -> Option<ItemHeading<'_>> {
    if !may_start_item(text) {
        return None;
    }
    // A line led by a digit has no label; one led by a letter must have one.
    let (after_label, labelled) = if text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        (text, false)
    } else {
        (punkt_label(text).ok()?.0, true)
    };
    let (rest, (number, dot)) = item_number(after_label).ok()?;
    let rest = if dot { rest } else { after_parenthesis(rest) };
    // "Sag nr. 45/2018: …": the year the number runs in.
    let rest = if labelled { after_year(rest) } else { rest };
    let (rest, colon) = opt_colon(rest).ok()?;
    if !rest.starts_with(' ') && !rest.is_empty() {
        return None;
    }
    // "Punkt 1 – 13 blev behandlet …": a range of items, not one.
    if labelled && is_range_end(rest) {
        return None;
    }
    let rest = if labelled { after_dash(rest) } else { rest };
    let (title, marked) = after_access_marker(rest.trim());
    if title.is_empty() || !starts_like_title(title) || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    // A bare year or amount ("2021 blev et godt år") is not a number of an item.
    let bare = !dot && !number.contains('.') && !labelled && colon.is_none() && !marked;
    // A heading copied with its TOC leader ("Eventuelt ..... 7") loses the leader; a
    // number at the end without a leader is part of the title ("Budget 2022").
    let title = match split_leader(title) {
        (without, _, true) => without,
        _ => title,
    };
    let title = without_final_period(title);
    (!title.is_empty()).then_some(ItemHeading {
        number,
        title,
        bare,
    })
}

/// ") Godkendelse …" after a number: the parenthesis that closes the number in minutes
/// written by hand ("Ad 1) Godkendelse af dagsorden", a "1)" list under "Dagsorden:").
/// Lists are numbered so too, so without a label or a dot the number stays bare: only
/// styling or a listing of the items makes such a line a heading.
pub(crate) fn after_parenthesis(rest: &str) -> &str {
    rest.strip_prefix(')').unwrap_or(rest)
}

/// "/2018" or "/18" after a labelled item number: the year, dropped.
fn after_year(rest: &str) -> &str {
    let Some(year) = rest.strip_prefix('/') else {
        return rest;
    };
    let digits = year.bytes().take_while(u8::is_ascii_digit).count();
    if matches!(digits, 2 | 4) {
        &year[digits..]
    } else {
        rest
    }
}

/// " – 13 …", " - 13": the rest names a second number, the end of a range.
fn is_range_end(rest: &str) -> bool {
    rest.trim_start()
        .strip_prefix(['-', '–', '—'])
        .is_some_and(|after| after.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// A title without its final period, but for an ordinal's ("… 2025-2027 (2." wrapped
/// before "behandling)"): one or two digits after a space or parenthesis; and for an
/// abbreviation's ("Skovlund Fjernvarme A.m.b.a.").
fn without_final_period(title: &str) -> &str {
    let trimmed = title.trim_end_matches(['.', ' ']);
    if trimmed.len() < title.len() && with_abbreviations_dot(title, trimmed).len() > trimmed.len() {
        return with_abbreviations_dot(title, trimmed);
    }
    let digits = trimmed.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = trimmed.len() - digits;
    let ordinal = (1..=2).contains(&digits)
        && trimmed[..before].ends_with([' ', '('])
        && title[trimmed.len()..].starts_with('.');
    if ordinal {
        &title[..=trimmed.len()]
    } else {
        trimmed
    }
}

/// Every heading starts with its number or with "Punkt"/"Pkt"/"Sag nr.": the first
/// bytes tell most lines apart at once.
fn may_start_item(text: &str) -> bool {
    match text.as_bytes() {
        [b, ..] if b.is_ascii_digit() => true,
        [b'p' | b'P', ..] => true,
        [b's' | b'S', b'a' | b'A', b'g' | b'G', b' ', ..] => true,
        [b'a' | b'A', b'd' | b'D', b' ', b'0'..=b'9', ..] => true,
        _ => false,
    }
}

/// A labelled number standing alone, its title on the next line ("Punkt 23.",
/// "Pkt. 4:"): the number. Without the label a number alone is a list's, not an item's.
pub fn labelled_number_alone(text: &str) -> Option<&str> {
    if !may_start_item(text) || text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (rest, ()) = punkt_label(text).ok()?;
    let (rest, (number, dot)) = item_number(rest).ok()?;
    let rest = if dot { rest } else { after_parenthesis(rest) };
    let (rest, _) = opt_colon(rest).ok()?;
    rest.trim().is_empty().then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        let h = item_heading("2.1. Dialogmøde om Resultatkontrakt 2021").unwrap();
        assert_eq!(
            (h.number, h.title, h.bare),
            ("2.1", "Dialogmøde om Resultatkontrakt 2021", false)
        );
        let h = item_heading("47. Godkendelse af dagsorden").unwrap();
        assert_eq!(h.number, "47");
        let h = item_heading("Punkt 3: Eventuelt").unwrap();
        assert_eq!((h.number, h.title, h.bare), ("3", "Eventuelt", false));
        let h = item_heading("Sag nr. 45/2018: Takstblad for ældreområdet 2019").unwrap();
        assert_eq!(
            (h.number, h.title),
            ("45", "Takstblad for ældreområdet 2019")
        );
        assert_eq!(
            item_heading("Punkt 1 – 13 blev behandlet på mødets første del"),
            None
        );
        let h = item_heading("Punkt 4 - Budget 2025").unwrap();
        assert_eq!(h.title, "Budget 2025");
        let h = item_heading("Ad 2. Meddelelser fra formanden").unwrap();
        assert_eq!((h.number, h.title), ("2", "Meddelelser fra formanden"));
        assert_eq!(item_heading("ad 3 omgange blev det udsat"), None);
        let h = item_heading("Punkt nr. 4 Ansøgning om midler").unwrap();
        assert_eq!(
            (h.number, h.title, h.bare),
            ("4", "Ansøgning om midler", false)
        );
        let h = item_heading("2 Regionalpolitiske sager").unwrap();
        assert!(h.bare);
        let h = item_heading("1. Godkendelse af dagsorden.").unwrap();
        assert_eq!(h.title, "Godkendelse af dagsorden");
    }

    #[test]
    fn a_parenthesis_closes_a_number() {
        let h = item_heading("Ad 3) Ansøgninger om lokaletilskud").unwrap();
        assert_eq!(
            (h.number, h.title, h.bare),
            ("3", "Ansøgninger om lokaletilskud", false)
        );
        let h = item_heading("Punkt 4) Eventuelt").unwrap();
        assert_eq!((h.number, h.bare), ("4", false));
        // Without a label, as lists are numbered: bare.
        let h = item_heading("2) Opfølgning på referat").unwrap();
        assert_eq!(
            (h.number, h.title, h.bare),
            ("2", "Opfølgning på referat", true)
        );
        assert_eq!(item_heading("2) godkender budgettet"), None);
        assert_eq!(item_heading("2)Opfølgning"), None);
        assert_eq!(item_heading("2.) Opfølgning"), None);
        assert_eq!(labelled_number_alone("Ad 5)"), Some("5"));
    }

    #[test]
    fn near_misses() {
        assert_eq!(
            item_heading("3. kvartal viser en stigning i ledigheden"),
            None
        );
        assert_eq!(item_heading("15. januar 2021 holdt KKR møde"), None);
        assert_eq!(item_heading("2.1.2021"), None);
        assert_eq!(item_heading("2,5 mio. kr. er afsat"), None);
        assert_eq!(item_heading("1."), None);
        assert_eq!(item_heading("Punkt 23."), None);
    }

    #[test]
    fn a_final_period_goes_but_an_ordinal_s_stays() {
        assert_eq!(
            item_heading("1. Godkendelse af dagsorden.").map(|h| h.title),
            Some("Godkendelse af dagsorden")
        );
        assert_eq!(
            item_heading("2. Budget 2024-2027 (2.").map(|h| h.title),
            Some("Budget 2024-2027 (2.")
        );
        assert_eq!(
            item_heading("3. Budget 2025.").map(|h| h.title),
            Some("Budget 2025")
        );
        assert_eq!(
            item_heading("5. Kommunegaranti for lån til Skovlund Fjernvarme A.m.b.a.")
                .map(|h| h.title),
            Some("Kommunegaranti for lån til Skovlund Fjernvarme A.m.b.a.")
        );
    }

    #[test]
    fn an_access_marker_after_the_number() {
        let h = item_heading("1 (Åben) Godkendelse af dagsorden").unwrap();
        assert_eq!(
            (h.number, h.title, h.bare),
            ("1", "Godkendelse af dagsorden", false)
        );
        let h = item_heading("7 (Lukket) Køb af grund").unwrap();
        assert_eq!(
            (h.number, h.title, h.bare),
            ("7", "(Lukket) Køb af grund", false)
        );
        assert!(item_heading("2 (se bilag) Budget").unwrap().bare);
    }

    #[test]
    fn a_dash_after_a_labelled_number() {
        let h = item_heading("Punkt 1 - Godkendelse af dagsorden").unwrap();
        assert_eq!((h.number, h.title), ("1", "Godkendelse af dagsorden"));
        let h = item_heading("Pkt. 12 – Budget 2025").unwrap();
        assert_eq!((h.number, h.title), ("12", "Budget 2025"));
        assert_eq!(item_heading("3 - 4 gange om året"), None);
    }

    #[test]
    fn number_alone() {
        assert_eq!(labelled_number_alone("Punkt 23."), Some("23"));
        assert_eq!(labelled_number_alone("Pkt. 4:"), Some("4"));
        assert_eq!(labelled_number_alone("punkt 2.1"), Some("2.1"));
        assert_eq!(labelled_number_alone("23."), None);
        assert_eq!(labelled_number_alone("Punkt 23. Eventuelt"), None);
        assert_eq!(labelled_number_alone("Punktet"), None);
        assert_eq!(labelled_number_alone("Sag nr. 3"), Some("3"));
        assert_eq!(labelled_number_alone("SAG NR.: 12/04410"), None);
        assert_eq!(labelled_number_alone("Sag nr. 24000112"), None);
    }
}

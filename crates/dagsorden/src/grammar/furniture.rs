//! Page furniture: `SIDE 3`, `Side 3 af 12`, `- 3 -`, and bare page numbers.

use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::{char, digit1, space0, space1},
    combinator::{all_consuming, opt, verify},
};

use super::tag_ignoring_case;

/// A line that is page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// `SIDE 3`, `Side 3 af 12`, `- 3 -`.
    PageLabel(u32),
    /// A number alone on its line.
    BareNumber(u32),
}

fn page_number(input: &str) -> IResult<&str, u32> {
    verify(digit1, |d: &str| d.len() <= 4)
        .map_res(str::parse)
        .parse(input)
}

fn side_label(input: &str) -> IResult<&str, u32> {
    let (rest, _) = alt((
        tag_ignoring_case("side"),
        tag_ignoring_case("page"),
        tag_ignoring_case("s."),
    ))
    .parse(input)?;
    let (rest, _) = space1.parse(rest)?;
    let (rest, n) = page_number(rest)?;
    let (rest, _) = opt((
        space0,
        alt((
            tag_ignoring_case("af"),
            tag_ignoring_case("/"),
            tag_ignoring_case("of"),
        )),
        space0,
        page_number,
    ))
    .parse(rest)?;
    Ok((rest, n))
}

fn dashed(input: &str) -> IResult<&str, u32> {
    let (rest, _) = (char('-'), space0).parse(input)?;
    let (rest, n) = page_number(rest)?;
    let (rest, _) = (space0, char('-')).parse(rest)?;
    Ok((rest, n))
}

/// Whether a whole line is page furniture.
pub fn furniture(text: &str) -> Option<Furniture> {
    let text = super::trim(text);
    if !may_be_furniture(text) {
        return None;
    }
    // Every form starts with a digit, a dash or the first letter of its label: other
    // short lines (headings, names) are settled without running the grammars.
    let first = text.as_bytes().first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b's' | b'S' | b'p' | b'P')) {
        return None;
    }
    if let Ok((_, n)) = all_consuming(alt((side_label, dashed))).parse(text) {
        return Some(Furniture::PageLabel(n));
    }
    all_consuming(page_number)
        .parse(text)
        .ok()
        .map(|(_, n)| Furniture::BareNumber(n))
}

/// [`furniture`] of a lexed line, whose bullet the lexer took off: "- 3 -" came out as
/// the bullet "3 -", and is read with its dash put back.
pub fn furniture_of_line(text: &str, bullet: bool) -> Option<Furniture> {
    if !bullet {
        return furniture(text);
    }
    // Settled before the dash is put back (a string per bulleted line otherwise).
    if !may_be_furniture(super::trim(text)) {
        return None;
    }
    furniture(&format!("- {text}"))
}

/// A running header or footer set off from its page label by a gap, as a laid-out page
/// puts them ("Regionsrådet, 23. september 2024        Side 3"): the page. Only the
/// label at the end is read, after a short text; the caller knows the gap was there.
pub fn ends_with_page_label(text: &str) -> Option<u32> {
    let text = super::trim(text);
    // The label ends the line with its page number, within its last bytes: TOC lines
    // with a gap before their page are asked too, and most fail at the last byte.
    if text.len() > MAX_HEADER_BYTES || !text.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut tail = text.len().saturating_sub(MAX_LABEL_BYTES);
    while !text.is_char_boundary(tail) {
        tail += 1;
    }
    let at = text[tail..]
        .char_indices()
        .map(|(i, c)| (tail + i, c))
        .filter(|&(i, c)| matches!(c, 'S' | 's' | 'P' | 'p') && text[..i].ends_with(' '))
        .map(|(i, _)| i)
        .find(|&i| all_consuming(side_label).parse(&text[i..]).is_ok())?;
    let (_, page) = all_consuming(side_label).parse(&text[at..]).ok()?;
    (!text[..at].trim().is_empty()).then_some(page)
}

/// The longest running header or footer with a page label at its end.
const MAX_HEADER_BYTES: usize = 120;
/// The longest page label: "Side 1234 af 1234".
const MAX_LABEL_BYTES: usize = 18;

/// The first look at a trimmed line: "Side 12 af 140", "- 3 -", "12" — page furniture is
/// short and names a page, so a line without a digit (most lines) is settled at once.
fn may_be_furniture(text: &str) -> bool {
    text.len() <= 32 && super::has_digit(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(furniture("SIDE 3"), Some(Furniture::PageLabel(3)));
        assert_eq!(furniture("Side 4 af 12"), Some(Furniture::PageLabel(4)));
        assert_eq!(furniture("- 7 -"), Some(Furniture::PageLabel(7)));
        assert_eq!(furniture("12"), Some(Furniture::BareNumber(12)));
    }

    #[test]
    fn a_header_with_its_page_at_the_end() {
        assert_eq!(
            ends_with_page_label("Regionsrådet, 23. september 2024 Side 3"),
            Some(3)
        );
        assert_eq!(
            ends_with_page_label("Teknik- og Miljøudvalget, 13-05-2024 Side 4 af 6"),
            Some(4)
        );
        assert_eq!(ends_with_page_label("Side 3"), None);
        assert_eq!(
            ends_with_page_label("Budgettet står på side 3 i bilaget"),
            None
        );
    }

    #[test]
    fn near_misses() {
        assert_eq!(furniture("Side 3 viser budgettet"), None);
        assert_eq!(furniture("2021-2023"), None);
        assert_eq!(furniture("3."), None);
        assert_eq!(furniture("123456"), None);
    }
}

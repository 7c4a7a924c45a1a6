//! One module per line grammar. Each takes the cleaned text of one line and says what
//! it is, or `None`; deciding between candidates is the builder's job.

pub mod access_marker;
pub mod case_line;
pub mod date;
pub mod furniture;
pub mod item_heading;
pub mod meeting_field;
pub mod section_heading;
pub mod title;
pub mod toc_entry;

use nom::{
    IResult, Parser,
    character::complete::{char, digit1},
    combinator::{opt, recognize, verify},
    multi::many0_count,
};

/// `nom`'s `tag_no_case` for a lowercase word of the vocabulary, compared with
/// [`prefix_ignoring_case`]: nom's compares a character at a time through Unicode
/// lowercasing, and the labels it looks for ("punkt", "side", "kl.") are tried on the
/// first letters of every line that starts like them.
pub(crate) fn tag_ignoring_case<'a>(
    lower: &'static str,
) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| match prefix_ignoring_case(input, lower) {
        Some(len) => Ok((&input[len..], &input[..len])),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// An item number: `2`, `2.1`, `2.1.3`, with an optional trailing dot. Returns the
/// number without the trailing dot and whether it had one.
pub(crate) fn item_number(input: &str) -> IResult<&str, (&str, bool)> {
    let component = |i| verify(digit1, |d: &str| d.len() <= 4).parse(i);
    let (rest, number) = verify(
        recognize((component, many0_count((char('.'), component)))),
        |number: &str| !is_date(number),
    )
    .parse(input)?;
    let (rest, dot) = opt(char('.')).parse(rest)?;
    Ok((rest, (number, dot.is_some())))
}

/// "24.2.2021", "24.02.2021": a day, a month and a year, never an item's number (a
/// browser's print header starts with the date it printed).
fn is_date(number: &str) -> bool {
    // "1.1.2021" is the shortest.
    if number.len() < 8 {
        return false;
    }
    let mut parts = number.split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(day), Some(month), Some(year), None) => {
            year.len() == 4
                && day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
                && month.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m))
        }
        _ => false,
    }
}

/// The byte length of the prefix of `text` that equals `lower` ignoring case, if
/// `text` starts with it; `lower` must be lowercase. Compares character by character,
/// so that vocabulary checks need not lowercase whole lines.
#[inline]
pub(crate) fn prefix_ignoring_case(text: &str, lower: &str) -> Option<usize> {
    // The ASCII part, byte by byte and inline in the caller (most vocabulary is ASCII,
    // and most comparisons fail within the first bytes); characters are decoded, out of
    // line, only from the first non-ASCII byte on.
    let (text_bytes, lower_bytes) = (text.as_bytes(), lower.as_bytes());
    let mut ascii = 0;
    while let (Some(&t), Some(&l)) = (text_bytes.get(ascii), lower_bytes.get(ascii)) {
        if !t.is_ascii() || !l.is_ascii() {
            return prefix_ignoring_case_from(text, lower, ascii);
        }
        if t.to_ascii_lowercase() != l {
            return None;
        }
        ascii += 1;
    }
    if ascii == lower.len() {
        Some(ascii)
    } else {
        // `text` ended first.
        None
    }
}

/// [`prefix_ignoring_case`] from `ascii` on, a character at a time; everything before
/// `ascii` matched and is ASCII, so `ascii` is a character boundary in both.
#[inline(never)]
fn prefix_ignoring_case_from(text: &str, lower: &str, ascii: usize) -> Option<usize> {
    let mut consumed = ascii;
    let mut chars = text.get(ascii..)?.chars();
    for want in lower.get(ascii..)?.chars() {
        let c = chars.next()?;
        let same = c == want
            || if c.is_ascii() {
                c.to_ascii_lowercase() == want
            } else if let Some(lower) = latin1_lowercase(c) {
                lower == want
            } else {
                let mut folded = c.to_lowercase();
                folded.next() == Some(want) && folded.next().is_none()
            };
        if !same {
            return None;
        }
        consumed += c.len_utf8();
    }
    Some(consumed)
}

/// `str::trim`, but a text that starts and ends in printable ASCII (most lines: the
/// lexer has trimmed them) is returned at once rather than looked at a character at a
/// time from both ends; grammars trim every line they are asked about.
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Whether `text` has an ASCII digit. Every byte is looked at, without stopping at the
/// first digit: the loop vectorises, and on the lines asked (most have no digit) that is
/// several times faster than a search that stops early.
pub(crate) fn has_digit(text: &str) -> bool {
    text.bytes()
        .fold(false, |found, b| found | b.is_ascii_digit())
}

/// The lowercase of a character of the Latin-1 supplement (U+00C0–U+00FF: Æ, Ø, Å, É,
/// Ü …) without a search of the Unicode tables, which Danish text would otherwise do
/// for every letter outside ASCII: the capitals stand 0x20 below their small letters
/// (× and ÷ are neither). `None` for any other character.
pub(crate) fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(u32::from(c) + 0x20),
        '\u{D7}' | '\u{DF}'..='\u{FF}' => Some(c),
        _ => None,
    }
}

/// Lowercase words bucketed by their first byte (in either case), so that a word is
/// compared only with the few that start the same way; each bucket is ordered by
/// length, so that words longer than the text are never compared.
pub(crate) struct WordTable(Vec<Vec<&'static str>>);

impl WordTable {
    pub(crate) fn of(words: impl IntoIterator<Item = &'static str>) -> Self {
        let mut buckets = vec![Vec::new(); 256];
        for word in words {
            // A text matches a word of Latin-1 letters ignoring case only with at least
            // the word's bytes (a capital is as long as its small letter, and the Kelvin
            // and Ångström signs are longer), which `candidates` counts on.
            debug_assert!(word.chars().all(|c| u32::from(c) <= 0xFF), "{word}");
            let Some(c) = word.chars().next() else {
                continue;
            };
            for variant in c.to_lowercase().chain(c.to_uppercase()).chain([c]) {
                let mut buffer = [0u8; 4];
                let lead = usize::from(variant.encode_utf8(&mut buffer).as_bytes()[0]);
                if !buckets[lead].contains(&word) {
                    buckets[lead].push(word);
                }
            }
        }
        for bucket in &mut buckets {
            bucket.sort_by_key(|word| word.len());
        }
        WordTable(buckets)
    }

    /// The table's words that may start `text`: those with its first byte and no
    /// longer than it, shortest first.
    pub(crate) fn candidates(&self, text: &str) -> impl Iterator<Item = &'static str> + '_ {
        let len = text.len();
        text.as_bytes()
            .first()
            .map_or(&[][..], |&lead| &self.0[usize::from(lead)])
            .iter()
            .copied()
            .take_while(move |word| word.len() <= len)
    }

    /// The table's word equal to `text` ignoring case.
    pub(crate) fn find(&self, text: &str) -> Option<&'static str> {
        self.candidates(text)
            .find(|word| eq_ignoring_case(text, word))
    }
}

/// Whether `text` equals `lower` ignoring case (`lower` lowercase).
pub(crate) fn eq_ignoring_case(text: &str, lower: &str) -> bool {
    prefix_ignoring_case(text, lower) == Some(text.len())
}

/// Whether a title-like text starts the way a title does: not with a lowercase letter
/// (which marks a wrapped sentence: "3. kvartal viser …").
pub(crate) fn starts_like_title(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        !c.is_lowercase()
            && (c.is_alphanumeric() || matches!(c, '"' | '«' | '»' | '(' | '§' | '\''))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_lowercase_agrees_with_unicode() {
        for code in 0xC0..=0xFF_u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let unicode: Vec<char> = c.to_lowercase().collect();
            assert_eq!(latin1_lowercase(c).map(|l| vec![l]), Some(unicode), "{c}");
        }
        assert_eq!(latin1_lowercase('A'), None);
        assert_eq!(latin1_lowercase('Ā'), None);
    }

    proptest::proptest! {
        /// The shortcut trims as `str::trim` does, on text with ASCII and Unicode white
        /// space, controls and letters at either end.
        #[test]
        fn trim_is_str_trim(text in "[ \t\n\u{b}\u{c}\u{1}\u{7f}\u{a0}\u{2003}\u{3000}aÆ.]{0,3}[a-zø .]{0,6}[ \t\u{85}\u{a0}\u{2003}\u{7f}\u{1}aå.]{0,3}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }
    }

    #[test]
    fn prefixes_ignoring_case() {
        assert_eq!(prefix_ignoring_case("SAGSNR.: 12", "sagsnr"), Some(6));
        assert_eq!(prefix_ignoring_case("ØKONOMI i alt", "økonomi"), Some(8));
        assert_eq!(prefix_ignoring_case("Øko", "økonomi"), None);
        assert_eq!(prefix_ignoring_case("Baggrund", "bagg"), Some(4));
        assert_eq!(prefix_ignoring_case("Bxggrund", "bagg"), None);
        assert_eq!(prefix_ignoring_case("BAG", "bagg"), None);
        assert_eq!(tag_ignoring_case("pkt.")("PKT. 3"), Ok((" 3", "PKT.")));
        assert_eq!(
            tag_ignoring_case("side")("Side 3 af 12"),
            Ok((" 3 af 12", "Side"))
        );
        assert_eq!(
            tag_ignoring_case("økonomi")("ØKONOMI i alt"),
            Ok((" i alt", "ØKONOMI"))
        );
        assert!(tag_ignoring_case("punkt")("Pun").is_err());
        assert!(tag_ignoring_case("punkt")("Plan").is_err());
        assert_eq!(
            prefix_ignoring_case("SAGSBEHANDLER Ø", "sagsbehandler ø"),
            Some(16)
        );
        assert!(eq_ignoring_case("BESLUTNING", "beslutning"));
        assert!(!eq_ignoring_case("Beslutninger", "beslutning"));
        // A character whose lowercase is two characters never matches one.
        assert_eq!(prefix_ignoring_case("İx", "i"), None);
    }

    #[test]
    fn word_table_finds_words_ignoring_case() {
        let table = WordTable::of(["baggrund", "beslutning", "økonomi"]);
        assert_eq!(table.find("BESLUTNING"), Some("beslutning"));
        assert_eq!(table.find("Økonomi"), Some("økonomi"));
        assert_eq!(table.find("Bilag"), None);
        assert_eq!(table.find(""), None);
        // Both cases of a Danish first letter lead to the word; other letters to none.
        assert_eq!(table.candidates("ØKONOMI").collect::<Vec<_>>(), ["økonomi"]);
        assert_eq!(table.candidates("økonomi").collect::<Vec<_>>(), ["økonomi"]);
        assert_eq!(table.candidates("Indstilling").count(), 0);
    }

    #[test]
    fn item_numbers() {
        assert_eq!(item_number("2.1. X"), Ok((" X", ("2.1", true))));
        assert_eq!(item_number("47 X"), Ok((" X", ("47", false))));
        assert_eq!(item_number("3.2.1 X"), Ok((" X", ("3.2.1", false))));
        assert!(item_number("X").is_err());
        assert!(item_number("123456. X").is_err());
        // Dates are not item numbers; a year-like part elsewhere, or no day, may be.
        assert!(item_number("24.2.2021 09.14 Dagsorden").is_err());
        assert!(item_number("24.02.2021 X").is_err());
        assert_eq!(item_number("2.13.2021 X"), Ok((" X", ("2.13.2021", false))));
        assert_eq!(item_number("2.1.1 X"), Ok((" X", ("2.1.1", false))));
    }
}

//! Section headings: `Baggrund`, `Indstilling:`, `Beslutning i Økonomiudvalget den 3.
//! maj 2022`, `Beslutning: Godkendt.` (a heading with its text on the same line).

use dagsorden_model::SectionKind;

use crate::grammar::{WordTable, prefix_ignoring_case, trim};
use crate::vocabulary::{
    BODY_NAME_ENDINGS, HEADINGS_NEVER_INLINE, HEADINGS_ONLY_ALONE, SECTION_HEADINGS,
    SECTION_QUALIFIERS,
};

/// Longer lines are never section headings (qualified ones included), unless the
/// heading ends in a colon within [`MAX_INLINE_HEAD_BYTES`] and its text follows.
const MAX_HEADING_BYTES: usize = 160;
/// The longest heading of a body of its own ("Børne- og Familieudvalgets indstilling
/// den 26. februar 2024").
const MAX_POSSESSIVE_BYTES: usize = 120;
/// The longest heading before a colon with the section's text after it.
const MAX_INLINE_HEAD_BYTES: usize = 80;

/// A recognised section heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHeading<'a> {
    /// Kind from the vocabulary.
    pub kind: SectionKind,
    /// The heading as written, without a final colon.
    pub heading: &'a str,
    /// Text after `Heading:` on the same line.
    pub inline: Option<&'a str>,
    /// The heading had a qualifier after the vocabulary word ("Beslutning i Byrådet").
    pub qualified: bool,
}

/// Whether the first word of `text` is the first word of some vocabulary heading.
fn starts_with_heading_word(text: &str) -> bool {
    let first = first_word(text);
    if first.is_empty() || first.len() > MAX_FIRST_WORD_BYTES {
        return false;
    }
    HEADING_FIRST_WORDS.find(first).is_some()
}

/// Longer first words are no heading's.
const MAX_FIRST_WORD_BYTES: usize = 40;

/// The text up to the first white space or colon; from the first byte past
/// [`MAX_FIRST_WORD_BYTES`] on, the rest of the text (too long to be a heading's word,
/// however long). Bytes are looked at, not characters, until one is not ASCII: every
/// line of a body is asked, and most start with an ASCII word.
fn first_word(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate().take(MAX_FIRST_WORD_BYTES + 1) {
        if b >= 0x80 {
            let rest = text[i..]
                .find(|c: char| c.is_whitespace() || c == ':')
                .unwrap_or(text.len() - i);
            return &text[..i + rest];
        }
        if b == b':' || b.is_ascii_whitespace() || b == 0x0B {
            return &text[..i];
        }
    }
    text
}

/// The first words of the vocabulary's headings.
static HEADING_FIRST_WORDS: std::sync::LazyLock<WordTable> = std::sync::LazyLock::new(|| {
    WordTable::of(
        SECTION_HEADINGS
            .iter()
            .map(|(heading, _)| heading.split(' ').next().unwrap_or(heading)),
    )
});

/// The vocabulary's headings; only those that start like the text are compared.
static HEADINGS: std::sync::LazyLock<WordTable> = std::sync::LazyLock::new(|| {
    WordTable::of(SECTION_HEADINGS.iter().map(|(heading, _)| *heading))
});

fn kind_of(heading: &str) -> Option<SectionKind> {
    SECTION_HEADINGS
        .iter()
        .find(|(w, _)| *w == heading)
        .map(|(_, k)| *k)
}

fn lookup(words: &str) -> Option<SectionKind> {
    kind_of(HEADINGS.find(trim(words))?)
}

/// The longest vocabulary entry that starts `text` at a word boundary.
fn lookup_prefix(text: &str) -> Option<(SectionKind, &str)> {
    HEADINGS
        .candidates(text)
        .filter(|w| !HEADINGS_ONLY_ALONE.contains(w))
        .filter_map(|w| {
            let len = prefix_ignoring_case(text, w)?;
            text[len..].starts_with(' ').then_some((w, len))
        })
        .max_by_key(|(heading, _)| heading.len())
        .and_then(|(heading, len)| Some((kind_of(heading)?, text[len..].trim_start())))
}

/// A table row read as text: the heading in the first column, its text in the second
/// ("Beslutning" | "Indstillingen blev godkendt." → "Beslutning Indstillingen blev
/// godkendt."). Only for a line that had a wide gap (a tab, a run of spaces): the text
/// must start anew after the vocabulary heading, with a capital or a digit.
pub fn heading_in_table_row(text: &str) -> Option<SectionHeading<'_>> {
    let text = trim(text);
    if !starts_with_heading_word(text) {
        return None;
    }
    let (kind, after) = lookup_prefix(text)?;
    let heading = trim(&text[..text.len() - after.len()]);
    after
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        .then_some(SectionHeading {
            kind,
            heading,
            inline: Some(after),
            qualified: false,
        })
}

/// Read a line as a section heading from the vocabulary.
pub fn section_heading(text: &str) -> Option<SectionHeading<'_>> {
    let text = trim(text);
    // Headings are short and start with a vocabulary word; checking that first keeps
    // ordinary text lines cheap (no lowercasing of whole lines). A heading with its
    // text on the line ("Beslutning: KKR drøftede …") is short up to its colon.
    if text.len() > MAX_HEADING_BYTES
        && text
            .get(..MAX_HEADING_BYTES)
            .and_then(|start| memchr::memchr(b':', start.as_bytes()))
            .is_none_or(|colon| colon > MAX_INLINE_HEAD_BYTES)
    {
        return None;
    }
    if !starts_with_heading_word(text) {
        return possessive(text).or_else(|| dated_body(text));
    }
    if let Some((head, after)) = text.split_once(':') {
        let after = trim(after);
        if let Some(kind) = lookup(head) {
            if !after.is_empty()
                && HEADINGS_NEVER_INLINE
                    .iter()
                    .any(|h| crate::grammar::eq_ignoring_case(trim(head), h))
            {
                return None;
            }
            return Some(SectionHeading {
                kind,
                heading: trim(head),
                inline: (!after.is_empty()).then_some(after),
                qualified: false,
            });
        }
        if after.is_empty() {
            return qualified(trim(head)).or_else(|| possessive(text));
        }
        // "Beslutning i Byrådet den 28.02.2023: Godkendt.": a dated heading, its text
        // after the colon. (Undated, "Beslutning om udbud: …" is a sentence.)
        let head = trim(head);
        if ends_with_meeting_date(head) {
            return qualified(head).map(|h| SectionHeading {
                inline: Some(after),
                ..h
            });
        }
        return None;
    }
    if let Some(kind) = lookup(text) {
        return Some(SectionHeading {
            kind,
            heading: text,
            inline: None,
            qualified: false,
        });
    }
    // "Administrationens indstilling": a body's word that also begins a heading of the
    // vocabulary ("Administrationens vurdering").
    qualified(text).or_else(|| possessive(text))
}

/// "Beslutning i Økonomiudvalget den 3. maj 2022": vocabulary word, then a qualifier
/// that names a body or a date — never a sentence.
fn qualified(text: &str) -> Option<SectionHeading<'_>> {
    let (kind, rest) = lookup_prefix(text)?;
    let first = rest.split_whitespace().next()?;
    let names_a_body = first.chars().next().is_some_and(char::is_uppercase);
    let qualifier = SECTION_QUALIFIERS.contains(&first.to_lowercase().as_str()) || names_a_body;
    let sentence = text.ends_with('.') && !text.ends_with(" kl.")
        || has_clause_comma(text)
        || text.split_whitespace().count() > 12
        || rest.split_whitespace().any(|w| {
            matches!(
                w,
                "er" | "var" | "har" | "blev" | "skal" | "kan" | "vil" | "at"
            )
        });
    (qualifier && !sentence).then_some(SectionHeading {
        kind,
        heading: text,
        inline: None,
        qualified: true,
    })
}

/// A comma between clauses: not the one after a hyphen in a body's name of several
/// parts ("Plan-, Udviklings- og Kulturudvalget").
fn has_clause_comma(text: &str) -> bool {
    text.match_indices(", ")
        .any(|(at, _)| !text[..at].ends_with('-'))
}

/// "Forretningsudvalgets indstilling den 4. juni 2024", "Direktionens indstilling": a
/// body (a genitive of six letters or more, not a first name such as "Hans") and its
/// own heading word, alone or with the date of its meeting — nothing more, for
/// "Kommunens beslutning om …" is a sentence.
fn possessive(text: &str) -> Option<SectionHeading<'_>> {
    // Every line not led by a heading word is asked: its length, a capital first and
    // one search per heading word (finders built once) settle most of them.
    static WORDS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            ["s indstilling", "s beslutning"].map(memchr::memmem::Finder::new)
        });
    let text = text.trim_end_matches(':').trim_end();
    // It ends with its heading word or a date.
    let heading_end = text.ends_with("ing") || text.ends_with(|c: char| c.is_ascii_digit());
    if !heading_end
        || text.len() > MAX_POSSESSIVE_BYTES
        || !text.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    // The owner is every word before the heading word: "Børne- og Familieudvalgets".
    let (owner, rest) = WORDS.iter().find_map(|word| {
        let at = word.find(text.as_bytes())? + 1;
        Some((&text[..at], text[at + 1..].trim_start()))
    })?;
    // The owner ends in the genitive "s" the search found, and starts with the text's
    // capital.
    let genitive = owner.split_whitespace().last()?;
    let owner_form = genitive.chars().count() >= 6
        && owner.split_whitespace().count() <= 6
        && !owner.contains([',', '.', ':'])
        && is_a_bodys_name(owner, &["og", "for", "i", "til"]);
    if !owner_form {
        return None;
    }
    let (kind, tail) = lookup_prefix(rest).or_else(|| Some((lookup(rest)?, "")))?;
    if !matches!(kind, SectionKind::Indstilling | SectionKind::Beslutning) {
        return None;
    }
    let dated = tail.is_empty()
        || (tail.starts_with("den ") || tail.starts_with("af ") || tail.starts_with("fra "))
            && crate::grammar::date::looks_like_date(tail)
            && tail.ends_with(|c: char| c.is_ascii_digit());
    dated.then_some(SectionHeading {
        kind,
        heading: text,
        inline: None,
        qualified: true,
    })
}

/// A body's name: its words capitalised, but for the `joining` words between them and a
/// first part ending in a hyphen ("Børne- og Familieudvalgets").
fn is_a_bodys_name(name: &str, joining: &[&str]) -> bool {
    name.split_whitespace().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) || w.ends_with('-') || joining.contains(&w)
    })
}

/// "Økonomiudvalget den 16. september 2014:": a committee and the date of its meeting,
/// typed as a heading with its colon: the decision it made, in a chain of them.
fn dated_body(text: &str) -> Option<SectionHeading<'_>> {
    let head = text.strip_suffix(':')?.trim_end();
    if head.len() > MAX_POSSESSIVE_BYTES || !ends_with_meeting_date(head) {
        return None;
    }
    let (body, date) = head.rsplit_once(" den ")?;
    // "… den 13. januar 2009, pkt. 4:" quotes an earlier meeting's item: no heading.
    if date.contains(',') {
        return None;
    }
    let last = body.split_whitespace().last()?.to_lowercase();
    let named = body.split_whitespace().count() <= 6
        && is_a_bodys_name(body, &["og", "for", "i"])
        && BODY_NAME_ENDINGS
            .iter()
            .any(|ending| last.ends_with(ending));
    named.then_some(SectionHeading {
        kind: SectionKind::Beslutning,
        heading: head,
        inline: None,
        qualified: true,
    })
}

/// Whether a qualified heading ends with the date of a meeting ("Beslutning i
/// Byrådet den 5. marts 2024"): a heading, even with its text on the very next line.
pub fn ends_with_meeting_date(heading: &str) -> bool {
    heading.ends_with(|c: char| c.is_ascii_digit())
        && heading
            .rsplit_once(" den ")
            .is_some_and(|(_, date)| crate::grammar::date::looks_like_date(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The first word is the one splitting at white space and colons gives, whenever
        /// it is short enough to matter.
        #[test]
        fn first_word_as_by_split(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "Beslutning", "i", ":", " ", "\t", "\u{b}", "\u{c}", "\u{a0}", "\u{2003}",
                "\u{3000}", "Økonomi", "ø", "x", "é", "Sagsfremstillingsbeskrivelsen",
            ]),
            0..12,
        )) {
            let text = pieces.concat();
            let by_split = text
                .split(|c: char| c.is_whitespace() || c == ':')
                .next()
                .unwrap_or("");
            let first = first_word(&text);
            if by_split.len() <= MAX_FIRST_WORD_BYTES {
                proptest::prop_assert_eq!(first, by_split, "{:?}", text);
            } else {
                proptest::prop_assert!(first.len() > MAX_FIRST_WORD_BYTES, "{:?}", text);
            }
        }
    }

    #[test]
    fn a_climate_assessment_is_a_section() {
        for heading in [
            "Klimavurdering",
            "KLIMAKONSEKVENSER",
            "Klima- og miljøvurdering",
        ] {
            let h = section_heading(heading);
            assert_eq!(h.map(|h| h.kind), Some(SectionKind::Other), "{heading}");
        }
    }

    #[test]
    fn plain_headings() {
        let h = section_heading("Baggrund").unwrap();
        assert_eq!(
            (h.kind, h.heading, h.inline),
            (SectionKind::Baggrund, "Baggrund", None)
        );
        assert_eq!(
            section_heading("Indstilling:").unwrap().kind,
            SectionKind::Indstilling
        );
        assert_eq!(
            section_heading("ØKONOMI").unwrap().kind,
            SectionKind::Okonomi
        );
        assert_eq!(
            section_heading("Forventet sagsgang").unwrap().kind,
            SectionKind::ForventetSagsgang
        );
    }

    #[test]
    fn a_decision_of_a_body_whose_name_lists_parts() {
        let h =
            section_heading("Beslutning i Plan-, Udviklings- og Kulturudvalget den 7. marts 2019")
                .unwrap();
        assert_eq!(h.kind, SectionKind::Beslutning);
        // A comma between clauses still makes a sentence.
        assert!(
            section_heading("Beslutning i sagen, som Økonomiudvalget traf den 7. marts 2019")
                .is_none()
        );
    }

    #[test]
    fn inline_and_qualified() {
        let h = section_heading("Beslutning: Godkendt.").unwrap();
        assert_eq!(
            (h.kind, h.inline),
            (SectionKind::Beslutning, Some("Godkendt."))
        );
        let h = section_heading("Beslutning i Økonomiudvalget den 3. maj 2022").unwrap();
        assert_eq!(h.kind, SectionKind::Beslutning);
        assert!(h.qualified);
        let h = section_heading("Indstilling fra direktionen").unwrap();
        assert_eq!(h.kind, SectionKind::Indstilling);
    }

    #[test]
    fn a_dated_heading_with_its_text_after_the_colon() {
        let h = section_heading("Beslutning i Byrådet den 28.02.2023: Godkendt.").unwrap();
        assert_eq!(
            (h.kind, h.heading, h.inline, h.qualified),
            (
                SectionKind::Beslutning,
                "Beslutning i Byrådet den 28.02.2023",
                Some("Godkendt."),
                true
            )
        );
        assert_eq!(
            section_heading("Beslutning om udbud: det blev udsat."),
            None
        );
    }

    #[test]
    fn a_heading_in_a_table_row() {
        let h = heading_in_table_row("Beslutning Indstillingen blev godkendt.").unwrap();
        assert_eq!(
            (h.kind, h.heading, h.inline),
            (
                SectionKind::Beslutning,
                "Beslutning",
                Some("Indstillingen blev godkendt.")
            )
        );
        let h = heading_in_table_row("Økonomiske konsekvenser 1,2 mio. kr. i 2025").unwrap();
        assert_eq!(h.heading, "Økonomiske konsekvenser");
        // Running on in lowercase: a sentence, not a row.
        assert_eq!(heading_in_table_row("Beslutning om udbud blev taget"), None);
        assert_eq!(heading_in_table_row("Beslutningen Blev udsat"), None);
        // Headings that stand only alone stay so.
        assert_eq!(heading_in_table_row("Vurdering Kommunen"), None);
    }

    #[test]
    fn headings_only_alone() {
        assert_eq!(
            section_heading("Forslag").map(|h| h.kind),
            Some(SectionKind::Indstilling)
        );
        assert_eq!(
            section_heading("Forslag:").map(|h| h.kind),
            Some(SectionKind::Indstilling)
        );
        assert_eq!(
            section_heading("Forslag til lokalplan nr. 112 for boligområde ved Engvej"),
            None
        );
        assert_eq!(
            section_heading("Forslag til indstilling").map(|h| h.kind),
            Some(SectionKind::Indstilling)
        );
    }

    #[test]
    fn a_long_text_after_an_inline_heading() {
        let line = format!(
            "Beslutning: {}",
            "KKR drøftede forslaget og tilsluttede sig det. ".repeat(5)
        );
        let h = section_heading(&line).unwrap();
        assert_eq!((h.kind, h.heading), (SectionKind::Beslutning, "Beslutning"));
        assert!(h.inline.is_some_and(|t| t.len() > 200));
        let sentence = format!(
            "Baggrund for sagen er, at {}",
            "KKR har ønsket en drøftelse: ".repeat(6)
        );
        assert_eq!(section_heading(&sentence), None);
    }

    #[test]
    fn a_committee_and_its_meetings_date_typed_as_a_heading() {
        let h = section_heading("Økonomiudvalget den 16. september 2014:").unwrap();
        assert_eq!(
            (h.kind, h.heading),
            (
                SectionKind::Beslutning,
                "Økonomiudvalget den 16. september 2014"
            )
        );
        assert!(section_heading("Teknik- og Miljøudvalget den 8. september 2014:").is_some());
        // No colon, no body, or a sentence: text.
        assert_eq!(
            section_heading("Økonomiudvalget den 16. september 2014"),
            None
        );
        assert_eq!(section_heading("Mødet den 16. september 2014:"), None);
        assert_eq!(
            section_heading("Teknik- og Miljøudvalget den 13. januar 2009, pkt. 4:"),
            None
        );
        assert_eq!(
            section_heading("Borgmesteren orienterede den 4. maj 2014:"),
            None
        );
    }

    #[test]
    fn a_protocols_record_is_a_heading_only_alone() {
        assert_eq!(
            section_heading("Protokoltilførsel").unwrap().kind,
            SectionKind::Other
        );
        assert_eq!(
            section_heading("Mindretalsudtalelse:").unwrap().heading,
            "Mindretalsudtalelse"
        );
        assert_eq!(
            section_heading("Protokoltilførsel: Venstre kan ikke støtte budgettet."),
            None
        );
    }

    #[test]
    fn a_body_s_heading_whose_first_word_begins_another() {
        let h = section_heading("Administrationens indstilling").unwrap();
        assert_eq!(
            (h.kind, h.heading),
            (SectionKind::Indstilling, "Administrationens indstilling")
        );
        assert_eq!(
            section_heading("Administrationens vurdering").unwrap().kind,
            SectionKind::Other
        );
    }

    #[test]
    fn a_body_s_own_heading() {
        let h = section_heading("Forretningsudvalgets indstilling den 4. juni 2024").unwrap();
        assert_eq!((h.kind, h.qualified), (SectionKind::Indstilling, true));
        let h = section_heading("Direktionens indstilling:").unwrap();
        assert_eq!(
            (h.kind, h.heading),
            (SectionKind::Indstilling, "Direktionens indstilling")
        );
        assert_eq!(
            section_heading("Kommunens beslutning om at lukke skolen"),
            None
        );
        assert_eq!(
            section_heading("Kommunens beslutning den 4. juni 2024 blev omgjort"),
            None
        );
        assert_eq!(section_heading("Borgmesterens baggrund"), None);
        assert_eq!(section_heading("Hans indstilling"), None);
        let h =
            section_heading("Børne- og Familieudvalgets indstilling den 26. februar 2024").unwrap();
        assert_eq!(h.kind, SectionKind::Indstilling);
        assert_eq!(section_heading("Det er Byrådets indstilling"), None);
    }

    #[test]
    fn meeting_dates_at_the_end() {
        assert!(ends_with_meeting_date(
            "Beslutning i Økonomiudvalget den 23. september 2024"
        ));
        assert!(ends_with_meeting_date(
            "Beslutning i Byrådet den 05.03.2024"
        ));
        assert!(!ends_with_meeting_date("Beslutning i Byrådet"));
        assert!(!ends_with_meeting_date("Beslutning i Byrådet den 5 gange"));
    }

    #[test]
    fn near_misses() {
        assert_eq!(
            section_heading("Baggrund for sagen er, at KKR har ønsket en drøftelse."),
            None
        );
        assert_eq!(section_heading("Baggrunden er uændret"), None);
        assert_eq!(
            section_heading("Beslutning om fordeling træffes i juni"),
            None
        );
        assert_eq!(section_heading("Beslutningen blev truffet i 2020."), None);
        assert_eq!(
            section_heading("Økonomi og beskæftigelse hænger sammen, viser analysen"),
            None
        );
        assert_eq!(section_heading("Bilag til sagen er vedlagt."), None);
    }
}

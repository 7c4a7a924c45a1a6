//! The document title: `DAGSORDEN 2021`, `Referat`, `Tillægsdagsorden`,
//! `Referat til mødet i Teknik- og Miljøudvalget den 4. maj 2022 …`.

use std::sync::LazyLock;

use dagsorden_model::DocumentKind;
use nom::{IResult, Parser, bytes::complete::take_while1};
use regex::Regex;

use crate::vocabulary::{BODY_NAME_ENDINGS, TITLE_WORDS};

/// A recognised title line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleLine<'a> {
    /// Which kind of document the title word names.
    pub kind: DocumentKind,
    /// What follows the title word (a year, "til mødet i …"), trimmed.
    pub rest: &'a str,
    /// The meeting named in a header sentence ("til mødet i X den … kl. … i …").
    pub sentence: Option<HeaderSentence<'a>>,
}

/// "… til mødet i Teknik- og Miljøudvalget den 4. maj 2022 kl. 16:00 i Mødelokale 2".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderSentence<'a> {
    /// The body that meets.
    pub organisation: &'a str,
    /// The date and time part ("4. maj 2022 kl. 16:00").
    pub when: &'a str,
    /// Where, when named after the time.
    pub place: Option<&'a str>,
}

/// The parts the two forms of meeting sentence share: an optional weekday before
/// "den", the date with an optional time or time range, and an optional place at the end.
const WEEKDAY: &str = r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)[\ \t]+)?";
const DATE_AND_TIME: &str = r"[0-9]{1,2}\.?[\ \t.\-/]*(?:[A-Za-zÆØÅæøåÉéÜüÖöÄä]+|[0-9]{1,2})[\ \t.\-/]*[0-9]{2,4}(?:,?[\ \t]*(?:kl\.?|klokken)[\ \t]*[0-9]{1,2}(?:[.:][0-9]{2})?(?:[\ \t]*[-–][\ \t]*[0-9]{1,2}(?:[.:][0-9]{2})?)?)?";
/// (A comma may end the line: the place follows on the next, "kl. 16.30," / "Byrådssalen".)
const PLACE_AT_END: &str = r"(?:,?[\ \t]+(?:i|på)[\ \t]+(?P<place>.+?))?[.,]?$";

/// After a title word, or alone: "til mødet i X den …", "Møde i X fredag den …".
static HEADER_SENTENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        &[
            r"^(?:til|fra|for|over|af)?[\ \t]*(?:[Mm]ødet|[Mm]øde|[Oo]rdinært\ møde|[Ee]kstraordinært\ møde)[\ \t]+(?:i|for)[\ \t]+",
            r"(?P<org>.+?)[\ \t]+",
            WEEKDAY,
            r"(?:den|d\.|,)[\ \t]*",
            r"(?P<when>(?:[A-Za-zÆØÅæøåÉéÜüÖöÄä]+dag[\ \t]+(?:den[\ \t]+)?)?",
            DATE_AND_TIME,
            ")",
            PLACE_AT_END,
        ]
        .concat(),
    )
    .ok()
});

/// `lead`, then "[weekday] den", the date with its time, and the place at the end.
fn dated_sentence(lead: &str) -> Option<Regex> {
    Regex::new(
        &[
            lead,
            WEEKDAY,
            r"(?:den|d\.)[\ \t]*",
            "(?P<when>",
            DATE_AND_TIME,
            ")",
            PLACE_AT_END,
        ]
        .concat(),
    )
    .ok()
}

/// "Byrådets møde den 28. maj 2024 kl. 17.00": the body in the genitive before "møde".
static GENITIVE_SENTENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    dated_sentence(
        r"^(?:[Tt]il[\ \t]+|[Ff]ra[\ \t]+)?(?P<org>[A-ZÆØÅ][^,:]{1,60}?)s[\ \t]+(?:ordinære[\ \t]+|ekstraordinære[\ \t]+)?møde[\ \t]+",
    )
});

/// "Møde den 12. juni 2009, kl. 10.00-13.00 i Aalborg", "Mødet afholdes mandag den …",
/// "Mødet blev afholdt tirsdag den …", "Ordinært møde onsdag den …": no body named,
/// under a title that names it.
static BARE_SENTENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    dated_sentence(
        r"^(?:(?:[Oo]rdinært|[Ee]kstraordinært)[\ \t]+)?[Mm]ødet?[\ \t]+(?:(?:afholdes|afholdtes|holdes|blev[\ \t]+afholdt|blev[\ \t]+holdt|finder[\ \t]+sted)[\ \t]+)?",
    )
});

/// After a title word, the meeting named without "i X": "(Beslutnings)referat fra
/// byrådets møde onsdag den 5. oktober 2016 kl. 17.30 i …", "Referat af mødet den …".
/// The body in lowercase genitive is no organisation's name, so none is taken.
static TITLE_SENTENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    dated_sentence(
        r"^(?:til|fra|af|over)[\ \t]+(?:[^,:]{1,60}?s[\ \t]+)?(?:ordinære[\ \t]+|ekstraordinære[\ \t]+)?[Mm]ødet?[\ \t]+",
    )
});

/// [`TITLE_SENTENCE`], built and run only where the rest starts as it does.
fn title_sentence(rest: &str) -> Option<HeaderSentence<'_>> {
    ["til ", "fra ", "af ", "over "]
        .iter()
        .any(|lead| crate::grammar::prefix_ignoring_case(rest, lead).is_some())
        .then(|| sentence_of(&TITLE_SENTENCE, rest))
        .flatten()
}

/// The parts of a meeting sentence matched by one of the regexes (no body named: "").
fn sentence_of<'t>(regex: &Option<Regex>, text: &'t str) -> Option<HeaderSentence<'t>> {
    let caps = regex.as_ref()?.captures(text)?;
    Some(HeaderSentence {
        organisation: caps.name("org").map_or("", |m| m.as_str().trim()),
        when: caps.name("when")?.as_str(),
        place: caps.name("place").map(|m| m.as_str().trim()),
    })
}

fn header_sentence(rest: &str) -> Option<HeaderSentence<'_>> {
    sentence_of(&HEADER_SENTENCE, rest)
}

/// A header line that names the meeting without a title word before it: "Møde i KKR
/// Nordjylland fredag den 14. september 2012 kl. 10.00-13.00", "Byrådets møde den 28.
/// maj 2024 kl. 17.00".
pub fn meeting_sentence(text: &str) -> Option<HeaderSentence<'_>> {
    let text = text.trim();
    // Both forms name the meeting ("møde", "Møde", "mødet"): one search before the
    // regexes, which every header line would otherwise run.
    static MEETING: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("øde"));
    MEETING.find(text.as_bytes())?;
    unnamed_meeting_sentence(text).or_else(|| {
        // "Byrådet ∙ Ordinært møde onsdag den …": the body's name, a separator, and
        // the meeting.
        let (name, rest) = [" ∙ ", " · ", " | ", " – ", " - "]
            .iter()
            .find_map(|separator| text.split_once(separator))?;
        let named = (1..=6).contains(&name.split_whitespace().count())
            && name.starts_with(char::is_uppercase)
            && !name.contains(|c: char| c.is_ascii_digit());
        let sentence = named
            .then(|| unnamed_meeting_sentence(rest.trim()))
            .flatten()?;
        Some(HeaderSentence {
            organisation: if sentence.organisation.is_empty() {
                name
            } else {
                sentence.organisation
            },
            ..sentence
        })
    })
}

fn unnamed_meeting_sentence(text: &str) -> Option<HeaderSentence<'_>> {
    header_sentence(text).or_else(|| {
        static GENITIVE: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("s møde "));
        static GENITIVE_FORMAL: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("e møde "));
        if text.starts_with(['M', 'm', 'O', 'o', 'E', 'e'])
            && let Some(sentence) = sentence_of(&BARE_SENTENCE, text)
        {
            return Some(sentence);
        }
        GENITIVE
            .find(text.as_bytes())
            .or_else(|| GENITIVE_FORMAL.find(text.as_bytes()))?;
        sentence_of(&GENITIVE_SENTENCE, text)
    })
}

fn word(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_alphabetic()).parse(input)
}

/// The title word at the start of a line, and what follows it.
pub fn title_line(text: &str) -> Option<TitleLine<'_>> {
    title_led_by_its_word(text).or_else(|| title_after_a_name(text))
}

/// "Byrådet - Dagsorden", "Økonomiudvalget – Referat - 12.03.2024": the body's name
/// before the title word, as a meeting system's web page is titled.
fn title_after_a_name(text: &str) -> Option<TitleLine<'_>> {
    // A web page's title is short; most lines asked are not.
    if text.len() > MAX_NAMED_TITLE_BYTES {
        return None;
    }
    [" - ", " – "]
        .iter()
        .find_map(|dash| {
            let (name, title) = text.split_once(dash)?;
            reads_as_a_name(name)
                .then(|| title_led_by_its_word(title.trim()))
                .flatten()
                .filter(|t| t.sentence.is_none())
        })
        .or_else(|| title_after_a_body(text))
}

/// "Kultur- og Fritidsudvalget Referat": a page's heading of the body's name and the
/// title word, capitalised, last (two spans of one heading, as text makers join them).
fn title_after_a_body(text: &str) -> Option<TitleLine<'_>> {
    let (name, title) = text.rsplit_once(' ')?;
    // The title word first: every line of a header is asked, and few end with one.
    let found = title_led_by_its_word(title)
        .filter(|t| t.rest.is_empty() && title.starts_with(char::is_uppercase))?;
    let names_a_body = reads_as_a_name(name)
        && name.rsplit(' ').next().is_some_and(|last| {
            let last = last.to_lowercase();
            BODY_NAME_ENDINGS
                .iter()
                .any(|ending| last.ends_with(ending))
        });
    names_a_body.then_some(found)
}

/// A name before a title word: one to six words, capitalised, no digits and no stops.
fn reads_as_a_name(name: &str) -> bool {
    (1..=6).contains(&name.split_whitespace().count())
        && name.starts_with(char::is_uppercase)
        && !name.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | ','))
}

/// The longest "Byrådet - Dagsorden - 27.09.2022" read as a title.
const MAX_NAMED_TITLE_BYTES: usize = 120;

fn title_led_by_its_word(text: &str) -> Option<TitleLine<'_>> {
    let (rest, first) = word(text).ok()?;
    // Compared ignoring case in place: every line of a header is asked.
    let kind = TITLE_WORDS
        .iter()
        .find(|(w, _)| crate::grammar::eq_ignoring_case(first, w))
        .map(|(_, k)| *k)?;
    let rest = rest.trim_start_matches([':', '-', '–', ' ']).trim();
    // "Dagsorden og beslutninger", "Dagsorden med referat": the decisions are in it, and
    // a document with its decisions is minutes.
    let kind = match rest.split_once(' ') {
        Some((joining, second))
            if kind == DocumentKind::Dagsorden
                && ["og", "med", "samt"].contains(&joining)
                && TITLE_WORDS.iter().any(|(w, k)| {
                    *k == DocumentKind::Referat
                        && crate::grammar::eq_ignoring_case(
                            second.split_whitespace().next().unwrap_or_default(),
                            w,
                        )
                }) =>
        {
            DocumentKind::Referat
        }
        _ => kind,
    };
    // A title is a label, not a sentence: "Referat af sidste møde blev godkendt." is text.
    let sentence =
        rest.ends_with('.') && rest.split_whitespace().count() > 3 && !has_date_like(rest);
    (!sentence && rest.chars().count() <= 200).then(|| TitleLine {
        kind,
        rest,
        sentence: header_sentence(rest).or_else(|| title_sentence(rest)),
    })
}

fn has_date_like(s: &str) -> bool {
    s.split_whitespace()
        .any(|w| w.chars().filter(char::is_ascii_digit).count() >= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kkr_titles() {
        let t = title_line("DAGSORDEN 2021").unwrap();
        assert_eq!(t.kind, DocumentKind::Dagsorden);
        assert_eq!(t.rest, "2021");
        assert_eq!(title_line("REFERAT").unwrap().kind, DocumentKind::Referat);
        assert_eq!(
            title_line("Tillægsdagsorden").unwrap().kind,
            DocumentKind::Tillaegsdagsorden
        );
        assert_eq!(
            title_line("Beslutningsprotokol").unwrap().kind,
            DocumentKind::Referat
        );
        // An agenda with its decisions is minutes.
        for title in ["Dagsorden og beslutninger", "Dagsorden med referat"] {
            assert_eq!(
                title_line(title).unwrap().kind,
                DocumentKind::Referat,
                "{title}"
            );
        }
        assert_eq!(
            title_line("Dagsorden og bilag").unwrap().kind,
            DocumentKind::Dagsorden
        );
    }

    #[test]
    fn the_bodys_name_before_the_title_word() {
        let t = title_line("Kultur- og Fritidsudvalget Referat").unwrap();
        assert_eq!(t.kind, DocumentKind::Referat);
        assert_eq!(
            title_line("Byrådet Dagsorden").map(|t| t.kind),
            Some(DocumentKind::Dagsorden)
        );
        // Not a body's name, or the word in a sentence's lower case: no title.
        assert!(title_line("Godkendelse af Referat").is_none());
        assert!(title_line("Udvalget godkendte referat").is_none());
        assert!(title_line("KKR Nordjylland Referat fra mødet").is_none());
    }

    #[test]
    fn a_title_that_names_the_meeting_without_its_body() {
        let t = title_line(
            "Beslutningsreferat fra byrådets møde onsdag den 5. oktober 2016 kl. 17.30 i Byrådssalen",
        )
        .unwrap();
        let sentence = t.sentence.unwrap();
        assert_eq!(sentence.organisation, "");
        assert_eq!(sentence.when, "5. oktober 2016 kl. 17.30");
        assert_eq!(sentence.place, Some("Byrådssalen"));
        let t = title_line("Referat af mødet den 12. marts 2019 kl. 16.00").unwrap();
        assert_eq!(t.sentence.unwrap().when, "12. marts 2019 kl. 16.00");
        // A title about a meeting, with no date, names none.
        assert!(
            title_line("Referat fra mødet om budgettet")
                .unwrap()
                .sentence
                .is_none()
        );
    }

    #[test]
    fn a_web_page_title_names_the_body_first() {
        let t = title_line("Byrådet - Dagsorden").unwrap();
        assert_eq!((t.kind, t.rest), (DocumentKind::Dagsorden, ""));
        let t = title_line("Økonomiudvalget – Referat - 12.03.2024").unwrap();
        assert_eq!((t.kind, t.rest), (DocumentKind::Referat, "12.03.2024"));
        assert_eq!(title_line("Budget 2023 - Referat fra dialogmødet"), None);
        assert_eq!(title_line("Byrådet - mødet blev holdt"), None);
    }

    #[test]
    fn header_sentence_is_a_title() {
        let t =
            title_line("Referat til mødet i Teknik- og Miljøudvalget den 4. maj 2022 kl. 16:00")
                .unwrap();
        assert_eq!(t.kind, DocumentKind::Referat);
        assert!(t.rest.starts_with("til mødet"));
    }

    #[test]
    fn header_sentence_parts_for_every_kind_of_meeting() {
        let t = title_line(
            "Dagsorden til ekstraordinært møde i Økonomiudvalget den 3. marts 2020 kl. 8.00 i Byrådssalen",
        )
        .unwrap();
        let sentence = t.sentence.unwrap();
        assert_eq!(sentence.organisation, "Økonomiudvalget");
        assert_eq!(sentence.when, "3. marts 2020 kl. 8.00");
        assert_eq!(sentence.place, Some("Byrådssalen"));
        let t =
            title_line("Referat fra mødet i Social- og Sundhedsudvalget den 12-01-2017").unwrap();
        assert_eq!(
            t.sentence.unwrap().organisation,
            "Social- og Sundhedsudvalget"
        );
        assert_eq!(title_line("DAGSORDEN 2021").unwrap().sentence, None);
        assert_eq!(
            title_line("Referat af 3. marts 2020").unwrap().sentence,
            None
        );
    }

    #[test]
    fn a_meeting_sentence_without_a_title_word() {
        let sentence = meeting_sentence(
            "Møde i KKR Nordjylland fredag den 14. september 2012 kl. 10.00-13.00",
        )
        .unwrap();
        assert_eq!(sentence.organisation, "KKR Nordjylland");
        assert_eq!(sentence.when, "14. september 2012 kl. 10.00-13.00");
        let sentence = meeting_sentence("Mødet i Byrådet den 3. maj 2022").unwrap();
        assert_eq!(sentence.organisation, "Byrådet");
        assert_eq!(meeting_sentence("Mødet blev holdt i Byrådet"), None);
        // No body named: the title above names it.
        let sentence =
            meeting_sentence("Møde den 12. juni 2009, kl. 10.00-13.00 i Aalborg").unwrap();
        assert_eq!(
            (sentence.organisation, sentence.when, sentence.place),
            ("", "12. juni 2009, kl. 10.00-13.00", Some("Aalborg"))
        );
        assert_eq!(meeting_sentence("Mødet den 3. maj blev aflyst"), None);
        // The kind of meeting first, the body's name before a separator.
        let sentence =
            meeting_sentence("Byrådet ∙ Ordinært møde onsdag den 23. april 2025 kl. 19.00")
                .unwrap();
        assert_eq!(
            (sentence.organisation, sentence.when),
            ("Byrådet", "23. april 2025 kl. 19.00")
        );
        assert!(meeting_sentence("Ordinært møde den 23. april 2025").is_some());
        assert_eq!(
            meeting_sentence("Punkt 4 - møde med borgerne den 3. maj"),
            None
        );
        let sentence =
            meeting_sentence("Ekstraordinært møde i Byrådet onsdag den 15. marts 2023 kl. 16.30,")
                .unwrap();
        assert_eq!(sentence.when, "15. marts 2023 kl. 16.30");
        let sentence = meeting_sentence(
            "Mødet blev afholdt tirsdag den 14. juni 2022 kl. 15.00 i Regionshuset, Viborg.",
        )
        .unwrap();
        assert_eq!(sentence.when, "14. juni 2022 kl. 15.00");
        assert!(
            meeting_sentence("Mødet afholdes mandag den 10. september 2018 kl. 15.30").is_some()
        );
        let sentence = meeting_sentence("Byrådets møde den 28. maj 2024 kl. 17.00").unwrap();
        assert_eq!(
            (sentence.organisation, sentence.when),
            ("Byrådet", "28. maj 2024 kl. 17.00")
        );
        let sentence =
            meeting_sentence("Til Økonomiudvalgets ordinære møde tirsdag den 4. juni 2024")
                .unwrap();
        assert_eq!(sentence.organisation, "Økonomiudvalget");
        assert_eq!(
            meeting_sentence("Byrådets møde blev aflyst den 28. maj 2024 pga. sne"),
            None
        );
        let sentence = meeting_sentence(
            "fra Byrådets møde tirsdag den 22. marts 2005 kl. 19.00 i Byrådssalen",
        )
        .unwrap();
        assert_eq!(
            (sentence.organisation, sentence.place),
            ("Byrådet", Some("Byrådssalen"))
        );
    }

    #[test]
    fn near_misses() {
        assert_eq!(title_line("Dagsordenen blev godkendt."), None);
        assert_eq!(title_line("Referatet udsendes senere"), None);
        assert_eq!(
            title_line("Referat af sidste møde blev godkendt uden bemærkninger."),
            None
        );
        assert_eq!(title_line("1. Godkendelse af dagsorden"), None);
    }
}

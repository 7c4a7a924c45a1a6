//! Case lines: KL's `SAG-2021-00200 hlth`, KLE journal numbers `85.02.02-G01-1-17`,
//! and labelled forms `SAG NR.: …`, `Sagnr.: 1-30-72-104-22`, `Sagsnr. 19/3143`.

use std::sync::LazyLock;

use regex::Regex;

use crate::grammar::{WordTable, has_digit, prefix_ignoring_case};
use crate::vocabulary::{CASE_LABELS, CASE_OFFICER_LABELS, CASE_PATTERNS};

/// A recognised case line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseLine<'a> {
    /// The case number.
    pub id: &'a str,
    /// Initials of the case officer, when they follow the number.
    pub initials: Option<&'a str>,
}

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    CASE_PATTERNS
        .iter()
        .filter_map(|(_, pattern)| Regex::new(pattern).ok())
        .collect()
});

fn is_initials(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
}

/// An id given after a label: letters, digits and `-./` with at least one digit.
fn is_labelled_id(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '_'))
}

/// The length of the longest case label (`Sagnr.`) `text` starts with.
fn label_len(text: &str) -> Option<usize> {
    static LABELS: LazyLock<WordTable> =
        LazyLock::new(|| WordTable::of(CASE_LABELS.iter().copied()));
    LABELS
        .candidates(text)
        .filter_map(|label| prefix_ignoring_case(text, label))
        .max()
}

/// Strip a case label (`Sagnr.:`) from the start, if there is one.
fn strip_label(text: &str) -> Option<&str> {
    label_len(text).and_then(|len| {
        let rest = text[len..].trim_start_matches([':', '.']).trim_start();
        (rest.len() < text.len()).then_some(rest)
    })
}

/// Whether `text` starts with a whole case label ("Sagsnr.: –", "Sagsnr.: 24/00412
/// Åbent punkt Sagsbehandler: …"), whatever follows it: a row of the item's fields,
/// never the rest of a title.
pub fn starts_with_case_label(text: &str) -> bool {
    label_len(text).is_some_and(|len| {
        text[len..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A case label alone on its line ("Sagsnr.", "Sagsnr.:"), its value in the next.
pub fn is_case_label(text: &str) -> bool {
    text.len() <= MAX_LABEL_ROW_BYTES && strip_label(text).is_some_and(str::is_empty)
}

/// A table's header row of case fields led by the case number's ("Sagsnr.
/// Sagsbehandler", "Sagsnr. Dok.nr. Sagsansvarlig"), the values in the row under it:
/// the case label. Only labels: capitalised words without digits.
pub fn case_label_row(text: &str) -> Option<&str> {
    // Every line under a heading is asked: a word in lower case settles most.
    if text.len() > MAX_LABEL_ROW_BYTES
        || !text.as_bytes().contains(&b' ')
        || starts_a_word_in_lowercase(text)
        || has_digit(text)
    {
        return None;
    }
    let rest = strip_label(text)?;
    let words = rest.split_whitespace().count();
    let labels = (1..=MAX_LABEL_ROW_WORDS).contains(&words)
        && rest.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '/'))
        });
    labels.then(|| text[..text.len() - rest.len()].trim_end())
}

/// Whether a word of `text` after its first starts with an ASCII small letter (each
/// byte looked at with the one before it, without stopping early, which vectorises).
fn starts_a_word_in_lowercase(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |found, (&before, &b)| {
            found | ((before == b' ') & b.is_ascii_lowercase())
        })
}

/// The longest row of case field labels.
const MAX_LABEL_ROW_BYTES: usize = 80;
/// The most labels after the case number's in such a row.
const MAX_LABEL_ROW_WORDS: usize = 4;

/// A case number in parentheses at the end of a title: "Budgetopfølgning (2023-0471123)"
/// → ("Budgetopfølgning", Some("2023-0471123")); an empty "( )" is dropped. A year alone
/// ("Budget (2023)") is part of the title.
pub fn split_trailing_case(title: &str) -> (&str, Option<&str>) {
    let trimmed = title.trim_end();
    if let Some(split) = split_dashed_case(trimmed) {
        return split;
    }
    let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return (title, None);
    };
    let inner = trimmed[open + 1..trimmed.len() - 1].trim();
    // "(Sagsnr. 23/45678)": the label inside the parentheses; there "sag" is one without
    // its colon too ("(sag 19/2231)"), which in a sentence it is not.
    let inner = strip_label(inner)
        .or_else(|| Some(inner[prefix_ignoring_case(inner, "sag ")?..].trim_start()))
        .unwrap_or(inner);
    let before = trimmed[..open].trim_end();
    if before.is_empty() {
        return (title, None);
    }
    if inner.is_empty() {
        return (before, None);
    }
    let year_only = inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit());
    let case_like = is_labelled_id(inner)
        && !year_only
        && inner.bytes().filter(u8::is_ascii_digit).count() >= 5
        && (inner.contains(['-', '/', '.']) || inner.len() >= 6);
    if case_like {
        (before, Some(inner))
    } else {
        (title, None)
    }
}

/// The longest label before the case officer's initials ("sagsbehandler:").
const MAX_OFFICER_LABEL_BYTES: usize = 14;

/// "Meddelelser - sagsnr. 24/112", "Budget, sagsnr.: 24/5512": a labelled case number
/// after a dash or comma at the end of a title.
fn split_dashed_case(title: &str) -> Option<(&str, Option<&str>)> {
    // Only titles that end in a digit are looked at.
    if !title.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (before, labelled) = [" - ", " – ", ", "]
        .iter()
        .filter_map(|sep| title.rsplit_once(sep))
        .max_by_key(|(before, _)| before.len())?;
    let id = strip_label(labelled)?;
    let before = before.trim_end();
    (!before.is_empty() && !id.contains(' ') && is_labelled_id(id)).then_some((before, Some(id)))
}

/// "Godkendelse af dagsorden Sag: 20/00815" → ("Godkendelse af dagsorden",
/// "20/00815"), "Godkendelse af dagsorden SAG-2025-00401" → (…, "SAG-2025-00401"): a
/// case number at the end of a heading's line that had a wide gap before it (a frame,
/// a table cell or a right tab beside the title), labelled or of a known form. Only
/// for such lines: a title may end in "sag nr. 12" of its own.
pub fn split_gapped_case(title: &str) -> Option<(&str, &str)> {
    let mut spaces = title.match_indices(' ').map(|(i, _)| i).rev();
    let (mut start, id) = spaces.by_ref().find_map(|space| {
        let tail = &title[space + 1..];
        // Unlabelled: the number and perhaps initials, of a known form.
        if strip_label(tail).is_none() && tail.split(' ').count() > 2 {
            return None;
        }
        Some((space, case_line(tail)?.id))
    })?;
    // A number of a known form found alone may have its label before it ("Sagsnr.:
    // 00.22.04-A00-2-25"): the label goes with the number, not with the title.
    for space in spaces.take(MAX_LABEL_WORDS) {
        let tail = &title[space + 1..];
        if strip_label(tail).is_some() && case_line(tail).is_some_and(|case| case.id == id) {
            start = space;
        }
    }
    let before = title[..start].trim_end();
    (!before.is_empty()).then_some((before, id))
}

/// "Godkendelse af dagsordenSagsnr. 25/00218" → ("Godkendelse af dagsorden",
/// "25/00218"): a labelled case number glued to the title's last word, as a web page's
/// text comes out when its elements are dumped with nothing between them. A capital
/// right after a small letter, a digit or a parenthesis starts the label, which no word
/// has inside it.
pub fn split_glued_case(title: &str) -> Option<(&str, &str)> {
    // Every item's title is asked: the labels start with an ASCII capital right after a
    // small letter (or a byte of one outside ASCII), a digit or a parenthesis, looked
    // for first in one pass that vectorises; only there is the character before it
    // decoded.
    let bytes = title.as_bytes();
    let glued_capital =
        bytes
            .iter()
            .zip(bytes.get(1..).unwrap_or_default())
            .fold(false, |found, (&before, &b)| {
                let label_start = (b == b'S') | (b == b'J') | (b == b'D') | (b == b'A');
                let glued = before.is_ascii_lowercase()
                    | before.is_ascii_digit()
                    | (before == b')')
                    | (before >= 0x80);
                found | (label_start & glued)
            });
    if !glued_capital {
        return None;
    }
    (1..bytes.len()).find_map(|label_at| {
        if !matches!(bytes[label_at], b'S' | b'J' | b'D' | b'A') {
            return None;
        }
        let before = title[..label_at].chars().next_back()?;
        let glued = before.is_lowercase() || before.is_ascii_digit() || before == ')';
        let tail = &title[label_at..];
        (glued && starts_with_case_label(tail))
            .then(|| case_line(tail))
            .flatten()
            .map(|case| (&title[..label_at], case.id))
    })
}

/// The most words a case label takes before its number ("Sag nr.:", "Journal nr.").
const MAX_LABEL_WORDS: usize = 3;

/// A long line led by a case label ("Sagsnr.: …", "Sag nr. …"): the label's first
/// letter, its first word ending in a dot or colon or followed by "nr", then the label
/// itself. (Asked of long lines with a digit, most of them running text.)
fn led_by_label(text: &str) -> bool {
    if !matches!(
        text.as_bytes().first(),
        Some(b's' | b'S' | b'j' | b'J' | b'd' | b'D' | b'a' | b'A')
    ) {
        return false;
    }
    // The first space within a label's length, looked for in the bytes.
    let bytes = text.as_bytes();
    let Some(space) = bytes.iter().take(16).position(|&b| b == b' ') else {
        return false;
    };
    let label_end = matches!(
        space.checked_sub(1).and_then(|i| bytes.get(i)),
        Some(b'.' | b':')
    ) || matches!(bytes.get(space + 1), Some(b'n' | b'N'));
    label_end && strip_label(text).is_some()
}

/// The longest case line that carries other fields after the number.
const MAX_FIELD_ROW_BYTES: usize = 200;

/// The longest key of a field after the case number ("Beslutningskompetence:").
const MAX_NEXT_KEY_BYTES: usize = 30;

/// "13/4521 Dok.nr.: 87654/13" → "13/4521": meeting systems put the case number and
/// the next fields on one line (table cells, a tab the lexer made a space, or a
/// separator: "24/09988 | Ansvarlig: Økonomi"). The next field is a case label or a
/// capitalised key with its colon. The whole line stays the case's raw text.
fn before_next_field(text: &str) -> Option<&str> {
    text.match_indices(' ').map(|(i, _)| i).find_map(|space| {
        let next = &text[space + 1..];
        let next = next
            .strip_prefix(['|', '·', '•', '–', ';'])
            .map_or(next, str::trim_start);
        (strip_label(next).is_some() || starts_with_key(next)).then(|| text[..space].trim_end())
    })
}

/// "Sagsansvarlig: …", "Ansvarlig: …": a capitalised key of letters and a colon.
fn starts_with_key(text: &str) -> bool {
    let Some(colon) = text
        .get(..MAX_NEXT_KEY_BYTES.min(text.len()))
        .and_then(|t| t.find(':'))
    else {
        return false;
    };
    let key = &text[..colon];
    key.chars().next().is_some_and(char::is_uppercase)
        && key
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
}

/// Read a whole line as a case line.
pub fn case_line(text: &str) -> Option<CaseLine<'_>> {
    // A label, a number and initials: never a long line, and never one without a digit
    // (every case-number form has one), which rules out most lines of text at once.
    // Longer only as a row of fields led by a case label ("Sagsnr.: … Sagsansvarlig: …
    // Beslutningskompetence: BY").
    if text.len() > 80 && (text.len() > MAX_FIELD_ROW_BYTES || !led_by_label(text)) {
        return None;
    }
    if !has_digit(text) {
        return None;
    }
    let (rest, labelled) = match strip_label(text) {
        Some(rest) => (rest, true),
        None if could_start_unlabelled_id(text) => (text, false),
        None => return None,
    };
    id_and_initials(rest, labelled).or_else(|| {
        // Another field after the number: only where a label or a number's form says a
        // case line starts (most lines asked are text with a digit in them).
        let first = rest.split(' ').next()?;
        let case_form = first.contains(['-', '/']) && PATTERNS.iter().any(|p| p.is_match(first));
        if !(labelled || case_form) {
            return None;
        }
        id_and_initials(before_next_field(rest)?, labelled)
    })
}

/// Whether `text` can start with a case number that stands without a label: every
/// form in [`CASE_PATTERNS`] starts with a digit or with "SAG-" (a test holds them to
/// it). Most lines asked are text with a digit somewhere, and are settled here.
fn could_start_unlabelled_id(text: &str) -> bool {
    let text = text.trim_start();
    text.starts_with(|c: char| c.is_ascii_digit()) || text.starts_with(UNLABELLED_ID_PREFIX)
}

/// The one prefix besides a digit that a case number without a label starts with.
const UNLABELLED_ID_PREFIX: &str = "SAG-";

/// The case number and the officer's initials that are all of `rest`.
fn id_and_initials(rest: &str, labelled: bool) -> Option<CaseLine<'_>> {
    // "J.nr.: 00.01A00 / 08-123": an older journal number, two parts apart by a slash.
    if labelled
        && let Some((left, right)) = rest.split_once(" / ")
        && !left.contains(' ')
        && is_labelled_id(left)
        && is_labelled_id(right.trim_end())
    {
        return Some(CaseLine {
            id: rest.trim_end(),
            initials: None,
        });
    }
    let mut words = rest.split_whitespace();
    // ("Sagsnr. `24/09102`": a Markdown code span around the number.)
    let id = words.next()?.trim_end_matches([',', ';']).trim_matches('`');
    let mut initials = words.next();
    // "SAG-2023-04567 · lhs", "SAG-2023-04567 ·lhs", "11-12345 / abc": a middle dot or
    // a slash before the initials.
    if matches!(initials, Some("·" | "/")) {
        initials = words.next();
    }
    let mut initials = initials.map(|w| w.strip_prefix('·').unwrap_or(w));
    // "ANS. MEJ": the officer's initials under a label, in any case.
    if let Some(label) = initials
        && label.len() <= MAX_OFFICER_LABEL_BYTES
        && CASE_OFFICER_LABELS
            .iter()
            .any(|officer| crate::grammar::eq_ignoring_case(label, officer))
    {
        initials = words.next().filter(|w| is_initials(&w.to_lowercase()));
        initials?;
    } else if initials.is_some_and(|w| !is_initials(w)) {
        return None;
    }
    if words.next().is_some() {
        return None;
    }
    let known_form = PATTERNS.iter().any(|p| p.is_match(id));
    (known_form || (labelled && is_labelled_id(id))).then_some(CaseLine { id, initials })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unlabelled_form_starts_as_the_gate_expects() {
        // Made from each pattern's own start: a digit, or the one literal prefix.
        for (name, pattern) in CASE_PATTERNS {
            let body = pattern.trim_start_matches('^');
            assert!(
                body.starts_with("[0-9]") || body.starts_with(UNLABELLED_ID_PREFIX),
                "{name}: {pattern} may start otherwise; widen could_start_unlabelled_id"
            );
        }
        assert!(could_start_unlabelled_id("  SAG-2021-00200 hlth"));
        assert!(could_start_unlabelled_id("85.02.02-G01-1-17"));
        assert!(!could_start_unlabelled_id("Budgettet for 2024 er vedtaget"));
        assert_eq!(case_line("Mødet 2024 er aflyst"), None);
        assert!(case_line("SAG-2021-00200 hlth").is_some());
    }

    #[test]
    fn a_case_label_alone() {
        assert!(is_case_label("Sagsnr."));
        assert!(is_case_label("Sagsnr.:"));
        assert!(!is_case_label("Sagsnr. 19/00412"));
        assert!(!is_case_label("Sagsbehandler"));
    }

    #[test]
    fn a_line_led_by_a_whole_case_label() {
        assert!(starts_with_case_label(
            "Sagsnr.: –   Sagsbehandler: Sekretariatet"
        ));
        assert!(starts_with_case_label("Sagsnr."));
        assert!(starts_with_case_label("J.nr. 24/1 Åbent punkt"));
        // A word that only starts like a label is none.
        assert!(!starts_with_case_label("Sagnrådet"));
        assert!(!starts_with_case_label("Sagsnummeret blev ændret"));
        assert!(!starts_with_case_label("Sag 4 blev udsat"));
    }

    #[test]
    fn a_case_number_in_a_markdown_code_span() {
        assert_eq!(
            case_line("Sagsnr. `24/09102`").map(|c| c.id),
            Some("24/09102")
        );
        assert_eq!(case_line("`24/09102`"), None);
    }

    #[test]
    fn a_labelled_case_glued_to_the_title() {
        assert_eq!(
            split_glued_case("Godkendelse af dagsordenSagsnr. 25/00218"),
            Some(("Godkendelse af dagsorden", "25/00218"))
        );
        assert_eq!(
            split_glued_case("Lokalplan 412 – endelig vedtagelseSagsnr.: 24/11873"),
            Some(("Lokalplan 412 – endelig vedtagelse", "24/11873"))
        );
        assert_eq!(
            split_glued_case("Udviklingsstrategi 2025-2028Sagsnr. 25/00155"),
            Some(("Udviklingsstrategi 2025-2028", "25/00155"))
        );
        // A capital after a small letter without a case label, or a label set apart.
        assert_eq!(split_glued_case("Status på iPhone-ordningen"), None);
        assert_eq!(split_glued_case("Godkendelse Sagsnr. 25/00218"), None);
        assert_eq!(
            split_glued_case("Godkendelse af dagsordenSagsnr. Ingen"),
            None
        );
    }

    #[test]
    fn rows_of_case_field_labels() {
        assert_eq!(case_label_row("Sagsnr. Sagsbehandler"), Some("Sagsnr."));
        assert_eq!(
            case_label_row("Sagsnr.: Dok.nr. Sagsansvarlig"),
            Some("Sagsnr.:")
        );
        // A case line, a label alone, and text after a label are no such rows.
        assert_eq!(case_label_row("Sagsnr. 18/21877 Lone Kjær"), None);
        assert_eq!(case_label_row("Sagsnr.:"), None);
        assert_eq!(case_label_row("Sagsnr. er ikke oplyst"), None);
    }

    #[test]
    fn kl_case() {
        assert_eq!(
            case_line("SAG-2021-00200 hlth"),
            Some(CaseLine {
                id: "SAG-2021-00200",
                initials: Some("hlth")
            })
        );
        assert_eq!(
            case_line("SAG-2019-04512"),
            Some(CaseLine {
                id: "SAG-2019-04512",
                initials: None
            })
        );
    }

    #[test]
    fn kle_and_labels() {
        assert_eq!(
            case_line("27.12.00-P20-3-21").map(|c| c.id),
            Some("27.12.00-P20-3-21")
        );
        assert_eq!(
            case_line("85.02.02-G01-1-17").map(|c| c.id),
            Some("85.02.02-G01-1-17")
        );
        assert_eq!(
            case_line("Sagnr.: 1-30-72-104-22").map(|c| c.id),
            Some("1-30-72-104-22")
        );
        assert_eq!(
            case_line("SAG NR.: 2009-1234").map(|c| c.id),
            Some("2009-1234")
        );
        assert_eq!(case_line("Sagsnr. 19/3143").map(|c| c.id), Some("19/3143"));
    }

    #[test]
    fn the_next_field_on_the_same_line() {
        assert_eq!(
            case_line("Sagsnr.: 13/4521 Dok.nr.: 87654/13").map(|c| c.id),
            Some("13/4521")
        );
        assert_eq!(
            case_line("Sags ID: EMN-2016-01234 Sagsbehandler: Hanne Bech").map(|c| c.id),
            Some("EMN-2016-01234")
        );
        assert_eq!(
            case_line("SAG-2016-01234 hlth Journalnr.: 16/0042"),
            Some(CaseLine {
                id: "SAG-2016-01234",
                initials: Some("hlth")
            })
        );
        // Anything else after the number is a sentence.
        assert_eq!(case_line("Sagsnr.: 13/4521 godkendt 2013"), None);
        assert_eq!(case_line("Sagsnr.: 13/4521 og 13/4522"), None);
        assert_eq!(
            case_line("Sagsnummer: 24/09988 | Ansvarlig: Økonomi og Personale").map(|c| c.id),
            Some("24/09988")
        );
        assert_eq!(
            case_line(
                "Sagsnr.: 00.30.10-S55-1-19 Sagsansvarlig: Mette Kragh Beslutningskompetence: BY"
            )
            .map(|c| c.id),
            Some("00.30.10-S55-1-19")
        );
        assert_eq!(case_line("Sagsnr.: 13/4521 jf. Bilag 2: notat"), None);
        // A row of fields past 80 bytes, led by its label.
        assert_eq!(
            case_line("Sagsnr.: 00.30.10-S55-1-19 Sagsansvarlig: Mette Kragh Sørensen Beslutningskompetence: BY")
                .map(|c| c.id),
            Some("00.30.10-S55-1-19")
        );
    }

    #[test]
    fn a_labelled_case_beside_the_title() {
        assert_eq!(
            split_gapped_case("Godkendelse af dagsorden Sag: 20/00815"),
            Some(("Godkendelse af dagsorden", "20/00815"))
        );
        assert_eq!(
            split_gapped_case("Budget 2021 - fordeling Sagsnr.: 20/14521 mlk"),
            Some(("Budget 2021 - fordeling", "20/14521"))
        );
        assert_eq!(
            split_gapped_case("Godkendelse af dagsorden SAG-2025-00401"),
            Some(("Godkendelse af dagsorden", "SAG-2025-00401"))
        );
        // A number of a known form (KLE) takes its label with it, of one word or two.
        assert_eq!(
            split_gapped_case("Meddelelser Sagsnr.: 00.22.04-A00-3-25"),
            Some(("Meddelelser", "00.22.04-A00-3-25"))
        );
        assert_eq!(
            split_gapped_case("Vintertjeneste - evaluering Sag nr.: 05.01.00-G01-2-24"),
            Some(("Vintertjeneste - evaluering", "05.01.00-G01-2-24"))
        );
        assert_eq!(split_gapped_case("Budget 2021"), None);
        assert_eq!(split_gapped_case("Sag: 20/00815"), None);
        assert_eq!(split_gapped_case("Orientering om budget 2021"), None);
    }

    #[test]
    fn an_older_journal_number_in_two_parts() {
        assert_eq!(
            case_line("J.nr.: 00.01A00 / 08-123").map(|c| c.id),
            Some("00.01A00 / 08-123")
        );
        assert_eq!(
            case_line("J.nr.: 18.15.00Ø00 / 08-201").map(|c| c.id),
            Some("18.15.00Ø00 / 08-201")
        );
    }

    #[test]
    fn a_slash_before_the_initials() {
        assert_eq!(
            case_line("Sagsnr. 11-12345 / abc"),
            Some(CaseLine {
                id: "11-12345",
                initials: Some("abc")
            })
        );
    }

    #[test]
    fn a_middle_dot_before_the_initials() {
        assert_eq!(
            case_line("SAG-2023-04567 ·lhs"),
            Some(CaseLine {
                id: "SAG-2023-04567",
                initials: Some("lhs")
            })
        );
        assert_eq!(
            case_line("SAG-2023-04567 · lhs").and_then(|c| c.initials),
            Some("lhs")
        );
    }

    #[test]
    fn the_officer_under_a_label() {
        assert_eq!(
            case_line("SAG NR.: 12/04410 ANS. MEJ"),
            Some(CaseLine {
                id: "12/04410",
                initials: Some("MEJ")
            })
        );
        assert_eq!(
            case_line("Sagsnr.: 24/1234 Sagsbehandler: abc").map(|c| c.initials),
            Some(Some("abc"))
        );
        assert_eq!(case_line("SAG NR.: 12/04410 ANS."), None);
        assert_eq!(case_line("SAG NR.: 12/04410 ANS. Mette Jensen"), None);
    }

    #[test]
    fn case_in_parentheses_after_the_title() {
        assert_eq!(
            split_trailing_case("Budgetopfølgning (2023-0471123)"),
            ("Budgetopfølgning", Some("2023-0471123"))
        );
        assert_eq!(
            split_trailing_case("Lokalplan 12 ( )"),
            ("Lokalplan 12", None)
        );
        assert_eq!(
            split_trailing_case("Budget (2023)"),
            ("Budget (2023)", None)
        );
        assert_eq!(
            split_trailing_case("Orientering (skriftlig)"),
            ("Orientering (skriftlig)", None)
        );
        assert_eq!(split_trailing_case("Sag 19/3143"), ("Sag 19/3143", None));
        assert_eq!(
            split_trailing_case("Godkendelse af dagsorden (Sagsnr. 24/00112)"),
            ("Godkendelse af dagsorden", Some("24/00112"))
        );
        assert_eq!(
            split_trailing_case("Trafikplan 2024-2027 - høring - sagsnr. 24/3307"),
            ("Trafikplan 2024-2027 - høring", Some("24/3307"))
        );
        assert_eq!(
            split_trailing_case("Budget 2025 - 2027"),
            ("Budget 2025 - 2027", None)
        );
        assert_eq!(
            split_trailing_case("Anlægstilskud til kunststofbane (sag 19/2231)"),
            ("Anlægstilskud til kunststofbane", Some("19/2231"))
        );
        // A sag in parentheses that is no number stays in the title.
        assert_eq!(
            split_trailing_case("Orientering (sag om skolelukning)"),
            ("Orientering (sag om skolelukning)", None)
        );
    }

    #[test]
    fn near_misses() {
        assert_eq!(case_line("SAG-2021-00200 blev behandlet på mødet"), None);
        assert_eq!(case_line("Sagen er sendt i høring"), None);
        assert_eq!(case_line("Sagnr.: ukendt"), None);
        assert_eq!(case_line("2021"), None);
        assert_eq!(case_line("SAG-2021-00200 HLTH"), None);
    }
}

//! Meeting metadata: `Dato: 15-01-2021 08:00`, `Sted: Teams`, `Afbud: …`.

use nom::{
    IResult, Parser,
    bytes::complete::{take_till1, take_while},
    character::complete::char,
    combinator::verify,
};

use crate::vocabulary::{MeetingKey, meeting_key};

/// A `Key: value` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldLine<'a> {
    /// The key as written, without the colon.
    pub key: &'a str,
    /// The value, trimmed; may be empty when the value follows on later lines.
    pub value: &'a str,
    /// The key's meaning, when it is in the vocabulary.
    pub known: Option<MeetingKey>,
}

/// Longest key, in characters.
const MAX_KEY_CHARS: usize = 40;

/// A key's form: capitalised, at most four words of letters (and "-", ".", "/"), at
/// most [`MAX_KEY_CHARS`] characters. (Also a table cell's, in the lexer.)
pub(crate) fn plausible_key(key: &str) -> bool {
    let key = key.trim();
    // The cheap tests first: most lines offered are running text.
    key.chars().next().is_some_and(char::is_uppercase)
        && key.chars().count() <= MAX_KEY_CHARS
        && (1..=4).contains(&key.split_whitespace().count())
        && key
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '/'))
}

fn field(input: &str) -> IResult<&str, (&str, &str)> {
    let (rest, key) = verify(take_till1(|c| c == ':'), |k: &str| plausible_key(k)).parse(input)?;
    let (rest, _) = char(':').parse(rest)?;
    let (value, _) = take_while(|c: char| c == ' ').parse(rest)?;
    Ok(("", (key.trim(), value.trim())))
}

/// A `Key: value` line whose key looks like a label (capitalised, at most four words).
pub fn field_line(text: &str) -> Option<FieldLine<'_>> {
    // Running text, most of what is offered, has no colon or has it far in: one byte
    // search settles it before the grammar reads the line a character at a time.
    let Some(colon) = memchr::memchr(b':', text.as_bytes()) else {
        return unlabelled_field(text);
    };
    let key_bytes = text.get(..colon).map_or(usize::MAX, |k| k.trim().len());
    if key_bytes > MAX_KEY_CHARS * 4 {
        return unlabelled_field(text);
    }
    let Ok((_, (key, value))) = field(text) else {
        return unlabelled_field(text);
    };
    // "Kl.: 8" is not a thing; a time inside the key means this is a sentence.
    if let Some(known) = meeting_key(key) {
        return Some(FieldLine {
            key,
            value,
            known: Some(known),
        });
    }
    // "Mødeoplysninger Mødedato: …": a table's caption glued to its first row's label
    // (html2text writes the caption and the row on one line): the label is the key.
    if let Some((caption, label)) = key.split_once(' ')
        && caption.starts_with(char::is_uppercase)
        && label.starts_with(char::is_uppercase)
        && let Some(known) = meeting_key(label)
    {
        return Some(FieldLine {
            key: label,
            value,
            known: Some(known),
        });
    }
    Some(FieldLine {
        key,
        value,
        known: None,
    })
}

/// "16:00", "9.30 - 12.00": hours, a colon or a dot, and two digits of minutes.
fn starts_with_clock(value: &str) -> bool {
    let bytes = value.as_bytes();
    let hours = bytes
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=2).contains(&hours)
        && matches!(bytes.get(hours), Some(b':' | b'.'))
        && bytes
            .get(hours + 1..hours + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        && !bytes.get(hours + 3).is_some_and(u8::is_ascii_digit)
}

/// "Mødedato 07.11.2023 kl. 16:00", "Mødested Rådhuset, lokale 2": a one-word key
/// of the vocabulary without its colon, where what follows can only be its value — a
/// date or time after a date or time key, a name after a long place key.
fn unlabelled_field(text: &str) -> Option<FieldLine<'_>> {
    let (key, value) = text.split_once(' ')?;
    // The keys are single words of 3 to 16 letters; a date or time value has a digit,
    // and the place keys are long words.
    let letters = key.chars().count();
    if !(3..=16).contains(&letters)
        || !key.chars().next().is_some_and(char::is_uppercase)
        || !(letters >= 5 || crate::grammar::has_digit(value))
    {
        return None;
    }
    let known = meeting_key(key)?;
    let value = value.trim();
    let fits = match known {
        MeetingKey::Date | MeetingKey::Time | MeetingKey::EndTime => {
            let when = crate::grammar::date::date_line(value).or_else(|| {
                let found = crate::grammar::date::date_time(value);
                let after_kl = value.get(..2).is_some_and(|k| k.eq_ignore_ascii_case("kl"));
                // Under a time key a value that starts with a time is one
                // ("Mødetidspunkt  16:00 - 18:15", "Tidspunkt 16.00-18.00").
                if matches!(known, MeetingKey::Time | MeetingKey::EndTime)
                    && starts_with_clock(value)
                {
                    return Some(crate::grammar::date::date_time(&format!("kl. {value}")));
                }
                (after_kl && found.time.is_some()).then_some(found)
            });
            when.is_some_and(|w| w.date.is_some() || w.time.is_some())
        }
        MeetingKey::Place | MeetingKey::Room => {
            letters >= 8 && value.chars().next().is_some_and(char::is_uppercase)
        }
        // "Medlemmer Kasper Lindholm (V), formand", "Afbud Ulla Ravn (O)": names, with
        // a party's letter or a comma between them.
        MeetingKey::Attendance => {
            value.chars().next().is_some_and(char::is_uppercase) && value.contains(['(', ','])
        }
        _ => false,
    };
    fits.then_some(FieldLine {
        key,
        value,
        known: Some(known),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields() {
        let f = field_line("Dato: 15-01-2021 08:00").unwrap();
        assert_eq!(
            (f.key, f.value, f.known),
            ("Dato", "15-01-2021 08:00", Some(MeetingKey::Date))
        );
        let f = field_line("Fraværende med afbud: Anne Jensen").unwrap();
        assert_eq!(f.known, Some(MeetingKey::Attendance));
        let f = field_line("Deltagere:").unwrap();
        assert_eq!(f.value, "");
    }

    #[test]
    fn a_tables_caption_glued_to_its_first_label() {
        let f = field_line("Mødeoplysninger Mødedato: Tirsdag den 14. november 2023").unwrap();
        assert_eq!(
            (f.key, f.value, f.known),
            (
                "Mødedato",
                "Tirsdag den 14. november 2023",
                Some(MeetingKey::Date)
            )
        );
        // A label's own lowercase word is not a caption's.
        let f = field_line("Ekstra mødedato: 3. maj").unwrap();
        assert_eq!((f.key, f.known), ("Ekstra mødedato", None));
    }

    #[test]
    fn unknown_but_plausible_key() {
        let f = field_line("Mødeform: Fysisk møde").unwrap();
        assert_eq!(f.known, None);
    }

    #[test]
    fn attendance_without_its_colon() {
        let f = field_line("Medlemmer Kasper Lindholm (V), formand").unwrap();
        assert_eq!(
            (f.key, f.value, f.known),
            (
                "Medlemmer",
                "Kasper Lindholm (V), formand",
                Some(MeetingKey::Attendance)
            )
        );
        assert_eq!(
            field_line("Afbud Ulla Ravn (O)").map(|f| f.key),
            Some("Afbud")
        );
        // A sentence that starts with the word is no field.
        assert!(field_line("Deltagere fra forvaltningen (referent) deltog.").is_none());
        assert!(field_line("Medlemmer Af Udvalget").is_none());
    }

    #[test]
    fn keys_without_their_colon() {
        let f = field_line("Mødedato 07.11.2023 kl. 16:00").unwrap();
        assert_eq!(
            (f.key, f.value, f.known),
            ("Mødedato", "07.11.2023 kl. 16:00", Some(MeetingKey::Date))
        );
        let f = field_line("Mødested Rådhuset, lokale 2").unwrap();
        assert_eq!((f.key, f.known), ("Mødested", Some(MeetingKey::Place)));
        let f = field_line("Tidspunkt kl. 9.30").unwrap();
        assert_eq!(f.known, Some(MeetingKey::Time));
        assert_eq!(field_line("Dato for mødet er ikke fastsat"), None);
        assert_eq!(field_line("Sted Rådhuset"), None);
        assert_eq!(field_line("Tid nok til en drøftelse"), None);
        // A time under a time key, without "kl.": with a colon or a dot.
        let f = field_line("Mødetidspunkt 16:00 - 18:15").unwrap();
        assert_eq!((f.key, f.value), ("Mødetidspunkt", "16:00 - 18:15"));
        let f = field_line("Tidspunkt 16.00-18.00").unwrap();
        assert_eq!(f.known, Some(MeetingKey::Time));
        assert_eq!(field_line("Tid 14 dage før mødet"), None);
    }

    #[test]
    fn sentences_are_not_fields() {
        assert_eq!(field_line("Mødet starter kl. 8:30 med morgenmad"), None);
        assert_eq!(
            field_line("Det indstilles, at KKR godkender følgende: A og B"),
            None
        );
        assert_eq!(field_line("dato: i morgen"), None);
        assert_eq!(
            field_line("Der foreslås følgende regionalt aftalte mål:"),
            None
        );
    }
}

//! Danish dates and times: `15-01-2021`, `15.01.2021`, `15. januar 2021`,
//! `den 15. januar 2021 kl. 8.00`, `15-maj-2002`, `04-06-2020 09:00:00`,
//! `kl. 10.00-13.00` (a range).

use dagsorden_model::{ClockTime, IsoDate};
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, one_of, space0, space1},
    combinator::{opt, verify},
};

use crate::grammar::tag_ignoring_case;
use crate::vocabulary::{MONTHS, WEEKDAYS};

/// Date and times found in a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateTime {
    /// The first date.
    pub date: Option<IsoDate>,
    /// The first time (start of a range).
    pub time: Option<ClockTime>,
    /// The end of a time range.
    pub end_time: Option<ClockTime>,
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |i| {
        take_while_m_n(min, max, |c: char| c.is_ascii_digit())
            .map_res(str::parse::<u32>)
            .parse(i)
    }
}

fn year(input: &str) -> IResult<&str, i16> {
    let (rest, y) = take_while_m_n(2, 4, |c: char| c.is_ascii_digit()).parse(input)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) || y.len() == 3 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    let n: i16 = y.parse().map_err(|_| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit))
    })?;
    // Two-digit years in agenda archives are from this century or the last.
    let n = match (y.len(), n) {
        (2, n) if n < 70 => 2000 + n,
        (2, n) => 1900 + n,
        (_, n) => n,
    };
    Ok((rest, n))
}

fn month_name(input: &str) -> IResult<&str, u8> {
    let (rest, word) = take_while1(|c: char| c.is_alphabetic()).parse(input)?;
    let lower = word.to_lowercase();
    match MONTHS.iter().find(|(name, _)| *name == lower) {
        Some((_, m)) => Ok((rest, *m)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

fn to_date(d: u32, m: u32, y: i16) -> Option<IsoDate> {
    IsoDate::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// `15-01-2021`, `15.01.2021`, `15/1 2021`, `15.01.21`, and the day and month with a
/// slash before a dash and the year, as Danish is written by hand: `4/9-2019`.
fn numeric_date(input: &str) -> IResult<&str, Option<IsoDate>> {
    let (rest, d) = digits(1, 2)(input)?;
    let (rest, sep) = one_of("-./").parse(rest)?;
    let (rest, m) = digits(1, 2)(rest)?;
    let year_dash = if sep == '/' { '-' } else { sep };
    let (rest, _) = alt((char(sep), char(' '), char(year_dash))).parse(rest)?;
    let (rest, y) = year(rest)?;
    Ok((rest, to_date(d, m, y)))
}

/// `2021-01-15`.
fn iso_date(input: &str) -> IResult<&str, Option<IsoDate>> {
    let (rest, (y, _, m, _, d)) = (
        digits(4, 4),
        char('-'),
        digits(2, 2),
        char('-'),
        digits(2, 2),
    )
        .parse(input)?;
    Ok((rest, to_date(d, m, i16::try_from(y).unwrap_or(0))))
}

/// `15. januar 2021`, `den 2. marts 2021`, `15 jan. 2021`, `15-maj-2002`.
fn textual_date(input: &str) -> IResult<&str, Option<IsoDate>> {
    let (rest, _) = opt((tag_ignoring_case("den"), space1)).parse(input)?;
    let (rest, d) = digits(1, 2)(rest)?;
    let (rest, _) = alt((
        (char('.'), space0).map(|_| ()),
        space1.map(|_| ()),
        char('-').map(|_| ()),
    ))
    .parse(rest)?;
    let (rest, m) = month_name(rest)?;
    let (rest, _) = opt(char('.')).parse(rest)?;
    let (rest, _) = alt((space1, tag("-"), tag(", "))).parse(rest)?;
    let (rest, y) = verify(year, |y| *y >= 1000).parse(rest)?;
    Ok((rest, to_date(d, u32::from(m), y)))
}

fn any_date(input: &str) -> IResult<&str, Option<IsoDate>> {
    alt((iso_date, textual_date, numeric_date)).parse(input)
}

/// `08:00`, `8.00` (after `kl.`), `09:00:00`; `kl. 8` as a bare hour.
fn clock(after_kl: bool) -> impl FnMut(&str) -> IResult<&str, Option<ClockTime>> {
    move |input| {
        let (rest, h) = digits(1, 2)(input)?;
        let separators = if after_kl { ":." } else { ":" };
        let minutes = (one_of(separators), digits(2, 2)).parse(rest);
        let (rest, m) = match minutes {
            Ok((rest, (_, m))) => (rest, m),
            Err(e) if !after_kl => return Err(e),
            Err(_) => (rest, 0),
        };
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Digit,
            )));
        }
        let (rest, _) = opt((char(':'), digits(2, 2))).parse(rest)?;
        let time = u8::try_from(h)
            .ok()
            .zip(u8::try_from(m).ok())
            .and_then(|(h, m)| ClockTime::new(h, m));
        Ok((rest, time))
    }
}

fn kl(input: &str) -> IResult<&str, ()> {
    let (rest, _) = (
        alt((tag_ignoring_case("kl."), tag_ignoring_case("kl"))),
        space0,
    )
        .parse(input)?;
    Ok((rest, ()))
}

/// A time or a range: `kl. 10.00-13.00`, `08:00`, `kl. 15.30 - kl. 17`.
fn time_range(input: &str) -> IResult<&str, (Option<ClockTime>, Option<ClockTime>)> {
    let (rest, had_kl) = opt(kl).parse(input)?;
    let had_kl = had_kl.is_some();
    let (rest, start) = clock(had_kl)(rest)?;
    let end = (space0, one_of("-–"), space0, opt(kl), clock(true)).parse(rest);
    match end {
        Ok((rest, (_, _, _, _, end))) => Ok((rest, (start, end))),
        Err(_) => Ok((rest, (start, None))),
    }
}

/// A line that is a time or a time range and nothing else, led by "kl."
/// ("Kl. 16:00 – 18:45", "kl. 9.30"): the time row of a meeting's data, its label
/// elsewhere.
pub fn time_line(text: &str) -> Option<DateTime> {
    let text = text.trim();
    // Led by the word for the clock, which says that the number is a time.
    kl(text).ok()?;
    let (rest, (time, end_time)) = time_range(text).ok()?;
    let rest = rest.trim_start();
    (rest.is_empty() || rest.starts_with(['(', ','])).then_some(DateTime {
        date: None,
        time,
        end_time,
    })
}

/// Char offsets at which a token may start (after a non-alphanumeric character).
fn token_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_alnum = false;
    text.char_indices().filter_map(move |(i, c)| {
        let start = !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        start.then_some(i)
    })
}

/// Find the first date and the first time (or time range) anywhere in `text`.
pub fn date_time(text: &str) -> DateTime {
    let mut found = DateTime::default();
    let mut skip_to = 0;
    for i in token_starts(text) {
        if i < skip_to {
            continue;
        }
        let here = &text[i..];
        if found.date.is_none()
            && let Ok((rest, date)) = any_date(here)
        {
            found.date = date;
            skip_to = text.len() - rest.len();
            continue;
        }
        if found.time.is_none()
            && let Ok((rest, (start, end))) = time_range(here)
        {
            found.time = start;
            found.end_time = end;
            skip_to = text.len() - rest.len();
        }
        if found.date.is_some() && found.time.is_some() {
            break;
        }
    }
    found
}

/// A line that gives a meeting's date, and perhaps its time and place, and nothing
/// else: "tirsdag den 17. marts 2009 kl. 16.30", "Onsdag d. 19. juni 2024, kl. 14.00 i
/// Rådhuset", "14.09.2012". A sentence that starts with a date ("17. marts vedtog
/// byrådet …") is not one.
pub fn date_line(text: &str) -> Option<DateTime> {
    let mut rest = text.trim();
    if let Some((first, after)) = rest.split_once(' ')
        && WEEKDAYS
            .iter()
            .any(|day| crate::grammar::eq_ignoring_case(first.trim_end_matches(','), day))
    {
        rest = after.trim_start();
    }
    for lead in ["den ", "Den ", "d. "] {
        if let Some(after) = rest.strip_prefix(lead) {
            rest = after.trim_start();
            break;
        }
    }
    let (after_date, date) = any_date(rest).ok()?;
    date?;
    let after_date = after_date.trim_start();
    let then_time_or_place = after_date.is_empty()
        || [",", "kl", "Kl", "klokken", "fra ", "i ", "på ", "-", "–"]
            .iter()
            .any(|lead| after_date.starts_with(lead));
    let short = rest.split_whitespace().count() <= 16;
    (then_time_or_place && short).then(|| date_time(rest))
}

/// Whether `text` holds something written as a date, valid or not (for diagnostics).
pub fn looks_like_date(text: &str) -> bool {
    token_starts(text).any(|i| any_date(&text[i..]).is_ok())
}

/// "Fri, 07 Mar 2025 08:41:17 +0100": an e-mail's timestamp (RFC 2822), the date the
/// mail was sent, written in English with its time zone; a meeting's date is never
/// written so. A saved mail's "Dato:" header carries one above the agenda it quotes.
pub fn is_mail_timestamp(value: &str) -> bool {
    const WEEKDAYS: [&str; 7] = ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"];
    let words: Vec<&str> = value.split_whitespace().collect();
    let date = match words.first() {
        Some(first) if WEEKDAYS.contains(first) => &words[1..],
        _ => &words[..],
    };
    let [day, month, year, time, zone, ..] = date else {
        return false;
    };
    let zone_like = zone.len() == 5
        && zone.starts_with(['+', '-'])
        && zone[1..].bytes().all(|b| b.is_ascii_digit())
        || matches!(*zone, "GMT" | "UT" | "UTC");
    zone_like
        && (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
        && month.len() == 3
        && month.starts_with(char::is_uppercase)
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && time.bytes().filter(|&b| b == b':').count() >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emails_timestamp() {
        assert!(is_mail_timestamp("Fri, 07 Mar 2025 08:41:17 +0100"));
        assert!(is_mail_timestamp("5 Mar 2025 15:02 GMT"));
        assert!(!is_mail_timestamp("Onsdag den 12. marts 2025"));
        assert!(!is_mail_timestamp("12 Mar 2025 kl. 13.00"));
        assert!(!is_mail_timestamp("Fri, 07 Mar 2025"));
    }

    #[test]
    fn time_lines() {
        let range = time_line("Kl. 16:00 – 18:45").unwrap();
        assert_eq!(range.date, None);
        assert_eq!(range.time.map(|t| t.to_string()), Some("16:00".into()));
        assert_eq!(range.end_time.map(|t| t.to_string()), Some("18:45".into()));
        assert!(time_line("kl. 9.30").is_some());
        // Not led by the clock's word, or more than a time: no time line.
        assert_eq!(time_line("16:00 Rådhuset"), None);
        assert_eq!(time_line("Kl. 16:00 mødes udvalget i salen"), None);
        assert_eq!(time_line("Klimaplan 2030"), None);
    }

    #[test]
    fn date_lines() {
        let line = |s: &str| {
            date_line(s).map(|f| {
                (
                    f.date.map(|d| d.to_string()),
                    f.time.map(|t| t.to_string()),
                    f.end_time.map(|t| t.to_string()),
                )
            })
        };
        assert_eq!(
            line("tirsdag den 17. marts 2009 kl. 16.30"),
            Some((Some("2009-03-17".into()), Some("16:30".into()), None))
        );
        assert_eq!(
            line("Onsdag d. 19. juni 2024, kl. 14.00-16.00 i Regionshuset"),
            Some((
                Some("2024-06-19".into()),
                Some("14:00".into()),
                Some("16:00".into())
            ))
        );
        assert_eq!(
            line("14.09.2012").and_then(|l| l.0),
            Some("2012-09-14".into())
        );
        assert_eq!(line("17. marts 2009 vedtog byrådet planen."), None);
        assert_eq!(line("Udsendt den 19. september 2024"), None);
        assert_eq!(line("fredag den 31. februar 2012"), None);
        assert_eq!(line("Teknik- og Miljøudvalget"), None);
    }

    fn dt(s: &str) -> (Option<String>, Option<String>, Option<String>) {
        let f = date_time(s);
        (
            f.date.map(|d| d.to_string()),
            f.time.map(|t| t.to_string()),
            f.end_time.map(|t| t.to_string()),
        )
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(
            dt("15-01-2021 08:00"),
            (some("2021-01-15"), some("08:00"), None)
        );
        assert_eq!(dt("15.01.2021"), (some("2021-01-15"), None, None));
        assert_eq!(
            dt("04-06-2020 09:00:00"),
            (some("2020-06-04"), some("09:00"), None)
        );
        assert_eq!(
            dt("22.04.2021, kl. 17:30"),
            (some("2021-04-22"), some("17:30"), None)
        );
        assert_eq!(dt("2021-01-15"), (some("2021-01-15"), None, None));
        assert_eq!(
            dt("onsdag d. 4/9-2019 kl. 19.00-21.30"),
            (some("2019-09-04"), some("19:00"), some("21:30"))
        );
        assert_eq!(dt("mødet d. 12/6-19"), (some("2019-06-12"), None, None));
        // A case number is no date: the year would run on, or be three digits.
        assert_eq!(dt("sag 19/2231").0, None);
        assert_eq!(dt("sag 13/4-12345").0, None);
        assert_eq!(dt("sag 24/10-457").0, None);
        // The dash after a day and month goes with a slash only.
        assert_eq!(dt("15.1-2021").0, None);
    }

    #[test]
    fn textual_forms() {
        assert_eq!(dt("15. januar 2021"), (some("2021-01-15"), None, None));
        assert_eq!(
            dt("den 15. januar 2021 kl. 8.00"),
            (some("2021-01-15"), some("08:00"), None)
        );
        assert_eq!(dt("28. januar 2010"), (some("2010-01-28"), None, None));
        assert_eq!(dt("15-maj-2002"), (some("2002-05-15"), None, None));
        assert_eq!(
            dt("fredag den 2. marts 2021 kl. 15:30"),
            (some("2021-03-02"), some("15:30"), None)
        );
    }

    #[test]
    fn times_and_ranges() {
        assert_eq!(dt("kl. 9.30"), (None, some("09:30"), None));
        assert_eq!(dt("kl. 10.00-13.00"), (None, some("10:00"), some("13:00")));
        assert_eq!(
            dt("Kl. 15.30 – 17.00"),
            (None, some("15:30"), some("17:00"))
        );
        assert_eq!(dt("kl. 8"), (None, some("08:00"), None));
    }

    #[test]
    fn impossible_and_absent() {
        assert_eq!(dt("31-02-2021"), (None, None, None));
        assert!(looks_like_date("31-02-2021"));
        assert_eq!(dt("Teams"), (None, None, None));
        assert_eq!(dt("2,5 mio. kr."), (None, None, None));
        assert_eq!(dt("mål 8.00 er nået"), (None, None, None));
    }
}

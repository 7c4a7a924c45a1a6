//! Calendar dates and clock times as the contract writes them (`2021-01-15`, `08:00`).
//!
//! Kept here rather than borrowed from a date crate so that the model stays free of
//! dependencies; the parser validates and converts with a full date library.

use std::fmt;
use std::str::FromStr;

/// A calendar date, serialised as ISO 8601 `YYYY-MM-DD`.
///
/// ```
/// use dagsorden_model::IsoDate;
/// let d = IsoDate::new(2021, 1, 15).unwrap();
/// assert_eq!(d.to_string(), "2021-01-15");
/// assert_eq!("2021-01-15".parse::<IsoDate>().unwrap(), d);
/// assert!(IsoDate::new(2021, 2, 29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    year: i16,
    month: u8,
    day: u8,
}

impl IsoDate {
    /// A date, if it exists in the proleptic Gregorian calendar (years 1–9999).
    pub fn new(year: i16, month: u8, day: u8) -> Option<IsoDate> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(IsoDate { year, month, day })
    }

    /// The year.
    pub fn year(&self) -> i16 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }
}

fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not an ISO date or time.
///
/// ```
/// use dagsorden_model::IsoDate;
/// let err = "15-01-2021".parse::<IsoDate>().unwrap_err();
/// assert_eq!(err.input, "15-01-2021");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidIsoValue {
    /// The string that was rejected.
    pub input: String,
}

impl fmt::Display for InvalidIsoValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid ISO date or time: {:?}", self.input)
    }
}

impl std::error::Error for InvalidIsoValue {}

fn fixed_number<T: FromStr>(s: &str, digits: usize) -> Option<T> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl FromStr for IsoDate {
    type Err = InvalidIsoValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidIsoValue {
            input: s.to_owned(),
        };
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        match (fixed_number(y, 4), fixed_number(m, 2), fixed_number(d, 2)) {
            (Some(y), Some(m), Some(d)) => IsoDate::new(y, m, d).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

/// A time of day to the minute, serialised as `HH:MM`.
///
/// ```
/// use dagsorden_model::ClockTime;
/// let t = ClockTime::new(8, 0).unwrap();
/// assert_eq!(t.to_string(), "08:00");
/// assert!(ClockTime::new(24, 0).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    hour: u8,
    minute: u8,
}

impl ClockTime {
    /// A time, if `hour` < 24 and `minute` < 60.
    pub fn new(hour: u8, minute: u8) -> Option<ClockTime> {
        (hour < 24 && minute < 60).then_some(ClockTime { hour, minute })
    }
    /// The hour, 0–23.
    pub fn hour(&self) -> u8 {
        self.hour
    }
    /// The minute, 0–59.
    pub fn minute(&self) -> u8 {
        self.minute
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl FromStr for ClockTime {
    type Err = InvalidIsoValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidIsoValue {
            input: s.to_owned(),
        };
        let (h, m) = s.split_once(':').ok_or_else(invalid)?;
        match (fixed_number(h, 2), fixed_number(m, 2)) {
            (Some(h), Some(m)) => ClockTime::new(h, m).ok_or_else(invalid),
            _ => Err(invalid()),
        }
    }
}

macro_rules! string_serde {
    ($ty:ty, $name:literal, $format:literal, $pattern:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "format": $format,
                    "pattern": $pattern,
                })
            }
        }
    };
}

string_serde!(IsoDate, "IsoDate", "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
string_serde!(ClockTime, "ClockTime", "time-hh-mm", "^[0-9]{2}:[0-9]{2}$");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(IsoDate::new(2020, 2, 29).is_some());
        assert!(IsoDate::new(1900, 2, 29).is_none());
        assert!(IsoDate::new(2000, 2, 29).is_some());
        assert!(IsoDate::new(2021, 4, 31).is_none());
    }

    #[test]
    fn rejects_malformed_strings() {
        for bad in [
            "2021-1-15",
            "2021-01-15-",
            "21-01-15",
            "2021-13-01",
            "+021-01-01",
        ] {
            assert!(bad.parse::<IsoDate>().is_err(), "{bad}");
        }
        for bad in ["8:00", "08:60", "08-00", "24:00", "08:00:00"] {
            assert!(bad.parse::<ClockTime>().is_err(), "{bad}");
        }
    }

    #[test]
    fn serde_round_trip() {
        let d = IsoDate::new(2010, 1, 28).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2010-01-28\"");
        assert_eq!(serde_json::from_str::<IsoDate>(&json).unwrap(), d);
        assert!(serde_json::from_str::<ClockTime>("\"25:00\"").is_err());
    }
}

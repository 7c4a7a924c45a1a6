//! Checks and enrichment after the tree is built: meeting date/time/place from the
//! fields, the TOC ⇄ body cross-check, and document-level diagnostics.

use foldhash::{HashMap, HashSet};

use dagsorden_model::{Agenda, Diagnostic, DiagnosticCode, Item, Severity, Span};

use crate::grammar::date::{date_time, looks_like_date};
use crate::vocabulary::MeetingKey;

pub fn check(agenda: &mut Agenda) {
    meeting(agenda);
    toc(agenda);
    if agenda.title.is_none() {
        agenda.diagnostics.push(Diagnostic::new(
            DiagnosticCode::MissingTitle,
            Severity::Warning,
            "no title line (Dagsorden, Referat, …) was found",
            Span::new(0, 0, 1),
        ));
    }
    if agenda.items.is_empty() {
        agenda.diagnostics.push(Diagnostic::new(
            DiagnosticCode::NoItems,
            Severity::Warning,
            "the document has no numbered items",
            Span::new(0, 0, 1),
        ));
    }
}

fn meeting(agenda: &mut Agenda) {
    let mut room = None;
    let mut problems = Vec::new();
    let meeting = &mut agenda.meeting;
    for field in &meeting.fields {
        let Some(key) = crate::vocabulary::meeting_key(&field.key) else {
            continue;
        };
        match key {
            // A saved e-mail's "Dato:" header: when the mail was sent, not the meeting.
            MeetingKey::Date if crate::grammar::date::is_mail_timestamp(&field.value) => {}
            MeetingKey::Date | MeetingKey::Time | MeetingKey::EndTime => {
                // Any of these may carry the date too ("Mødetidspunkt: 04-06-2020 09:00:00").
                let mut found = date_time(&field.value);
                // "Tid: 15.30": a time key's value is a time, with or without "kl.".
                if key != MeetingKey::Date && found.time.is_none() {
                    let as_clock = date_time(&format!("kl. {}", field.value));
                    found.time = as_clock.time;
                    found.end_time = found.end_time.or(as_clock.end_time);
                }
                meeting.date = meeting.date.or(found.date);
                if key == MeetingKey::EndTime {
                    meeting.end_time = meeting.end_time.or(found.time);
                } else {
                    meeting.time = meeting.time.or(found.time);
                    meeting.end_time = meeting.end_time.or(found.end_time);
                }
                let problem = match key {
                    MeetingKey::Date if found.date.is_none() => Some((
                        DiagnosticCode::UnparseableDate,
                        if looks_like_date(&field.value) {
                            "is not a valid date"
                        } else {
                            "holds no date"
                        },
                    )),
                    MeetingKey::Time | MeetingKey::EndTime if found.time.is_none() => {
                        Some((DiagnosticCode::UnparseableTime, "holds no time"))
                    }
                    _ => None,
                };
                if let Some((code, why)) = problem {
                    problems.push(Diagnostic::new(
                        code,
                        Severity::Warning,
                        format!("{}: {:?} {why}", field.key, field.value),
                        field.span,
                    ));
                }
            }
            MeetingKey::Place => {
                if meeting.place.is_none() {
                    meeting.place = Some(field.value.clone());
                }
            }
            MeetingKey::Room => {
                room.get_or_insert_with(|| field.value.clone());
            }
            MeetingKey::Attendance | MeetingKey::Other => {}
        }
    }
    if meeting.place.is_none() {
        meeting.place = room;
    }
    agenda.diagnostics.extend(problems);
}

/// Titles compare equal when they differ only in case, spacing and final punctuation;
/// a TOC may also shorten a long title.
fn same_title(a: &str, b: &str) -> bool {
    // Most TOC entries repeat the heading exactly.
    if a == b {
        return true;
    }
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(['.', ':', '…', ' '])
            .to_lowercase()
    };
    let (a, b) = (norm(a), norm(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    a == b || (short.chars().count() >= 20 && long.starts_with(short.as_str()))
}

fn toc(agenda: &mut Agenda) {
    if agenda.toc.is_empty() {
        return;
    }
    let items: HashMap<&str, &Item> = agenda.walk().map(|i| (i.number.as_str(), i)).collect();
    let mut problems = Vec::new();
    for entry in &agenda.toc {
        match items.get(entry.number.as_str()) {
            None => problems.push(
                Diagnostic::new(
                    DiagnosticCode::TocEntryWithoutItem,
                    Severity::Warning,
                    format!(
                        "TOC entry {} \"{}\" has no item in the body",
                        entry.number, entry.title
                    ),
                    entry.span,
                )
                .with_text(entry.title.clone()),
            ),
            Some(item) if !same_title(&entry.title, &item.title) => problems.push(
                Diagnostic::new(
                    DiagnosticCode::TocTitleMismatch,
                    Severity::Warning,
                    format!(
                        "item {}: TOC says \"{}\", the body says \"{}\"",
                        entry.number, entry.title, item.title
                    ),
                    item.heading_span,
                )
                .with_related(entry.span),
            ),
            Some(_) => {}
        }
    }
    let listed: HashSet<&str> = agenda.toc.iter().map(|e| e.number.as_str()).collect();
    for item in agenda.walk() {
        if !listed.contains(item.number.as_str()) {
            let mut d = Diagnostic::new(
                DiagnosticCode::ItemMissingFromToc,
                Severity::Warning,
                format!("item {} \"{}\" is not in the TOC", item.number, item.title),
                item.heading_span,
            );
            if let Some(span) = agenda.toc_span {
                d = d.with_related(span);
            }
            problems.push(d);
        }
    }
    agenda.diagnostics.extend(problems);
}

#[cfg(test)]
mod tests {
    use super::same_title;

    #[test]
    fn title_comparison() {
        assert!(same_title(
            "Godkendelse af dagsorden",
            "Godkendelse af dagsorden."
        ));
        assert!(same_title(
            "Dialogmøde om  Resultatkontrakt",
            "dialogmøde om resultatkontrakt"
        ));
        assert!(same_title(
            "Dialogmøde om Resultatkontrakt 2021…",
            "Dialogmøde om Resultatkontrakt 2021 mellem A og B"
        ));
        assert!(!same_title("Eventuelt", "Eventuelt og lukket punkt"));
        assert!(!same_title("Budget 2022", "Budget 2023"));
    }
}

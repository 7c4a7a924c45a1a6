//! Splitting an Indstilling into its recommendations, one per `at`-clause:
//! "Det indstilles, at A, og at B." → [A, B]; bulleted "- at A," "- at B." → [A, B].

use dagsorden_model::Block;

use crate::vocabulary::RECOMMENDATION_VERBS;

/// The recommendations of an Indstilling, from its blocks.
pub fn recommendations(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    let mut introduced = false;
    for block in blocks {
        match block {
            Block::Paragraph { text, .. } => {
                if let Some(clauses) = after_introduction(text) {
                    introduced = true;
                    out.extend(split_clauses(clauses));
                } else if let Some(clause) = strip_at(text) {
                    // One clause per paragraph, after an introduction like "Det indstilles,".
                    if introduced || !out.is_empty() {
                        out.extend(split_clauses(clause));
                    }
                } else if introduces_list(text) {
                    introduced = true;
                }
            }
            Block::List { items, .. } => {
                if introduced || items.iter().all(|i| strip_at(i).is_some()) {
                    out.extend(items.iter().filter_map(|i| strip_at(i)).map(clean_clause));
                }
            }
            Block::Enclosure { .. } => {}
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

/// `at …` → `…` (also `At …` and a numbered `1. at …`).
fn strip_at(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let text = match text.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => text,
    };
    text.strip_prefix("at ")
        .or_else(|| text.strip_prefix("At "))
}

/// "Det indstilles," / "Direktionen indstiller til KKR:" with the clauses in later blocks.
fn introduces_list(text: &str) -> bool {
    let lower = text.to_lowercase();
    RECOMMENDATION_VERBS.iter().any(|v| lower.contains(v))
        && (text.trim_end().ends_with(',') || text.trim_end().ends_with(':'))
}

/// The text after "… indstilles, at" — the first clause and the ones after it.
fn after_introduction(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    let verb_end = RECOMMENDATION_VERBS
        .iter()
        .filter_map(|v| lower.find(v).map(|i| i + v.len()))
        .min()?;
    // Lowercasing may change byte lengths outside ASCII, so search the original from
    // the same char position.
    let verb_end = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= verb_end)
        .unwrap_or(text.len());
    let rest = &text[verb_end..];
    let at = find_word(rest, "at")?;
    // The verb and its "at" belong together: "indstilles, at", "indstiller til KKR, at".
    let between = &rest[..at];
    if between.chars().filter(|c| c.is_alphabetic()).count() > 60 {
        return None;
    }
    Some(rest[at + 2..].trim_start())
}

fn find_word(haystack: &str, word: &str) -> Option<usize> {
    haystack.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Separators that always start a new clause.
const STRONG_SEPARATORS: &[&str] = &[
    ", og at ",
    "; og at ",
    "; at ",
    ", samt at ",
    " samt at ",
    " og at ",
];

/// Split the clause list. ", at" separates clauses only inside an enumeration, before
/// its closing "og at" ("at A, at B og at C"); elsewhere — and after that closing
/// separator — it opens a subordinate clause inside one recommendation ("at KKR
/// noterer, at kommunerne …", "og at X arbejder for, at Y").
fn split_clauses(text: &str) -> Vec<String> {
    let enumeration_end = STRONG_SEPARATORS
        .iter()
        .filter_map(|s| text.rfind(s))
        .max()
        .unwrap_or(0);
    let mut clauses = Vec::new();
    let mut offset = 0;
    loop {
        let rest = &text[offset..];
        let weak = rest
            .find(", at ")
            .filter(|i| offset + i < enumeration_end)
            .map(|i| (i, ", at ".len()));
        let next = STRONG_SEPARATORS
            .iter()
            .filter_map(|s| rest.find(s).map(|i| (i, s.len())))
            .chain(weak)
            .min_by_key(|(i, _)| *i);
        match next {
            Some((i, len)) => {
                clauses.push(clean_clause(&rest[..i]));
                offset += i + len;
            }
            None => {
                clauses.push(clean_clause(rest));
                break;
            }
        }
    }
    clauses
}

fn clean_clause(clause: &str) -> String {
    let mut c = clause.trim();
    loop {
        let before = c;
        c = c.trim_end_matches([',', ';', '.', ':', ' ']);
        for tail in [" og", " samt", " eller"] {
            if let Some(stripped) = c.strip_suffix(tail) {
                c = stripped;
            }
        }
        if c == before {
            break;
        }
    }
    c.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dagsorden_model::Span;

    fn para(text: &str) -> Block {
        Block::Paragraph {
            text: text.into(),
            span: Span::new(0, 0, 1),
        }
    }

    #[test]
    fn one_clause() {
        let r = recommendations(&[para(
            "Det indstilles, at Erhvervshus Nordjylland og KKR Nordjylland drøfter udkast til Resultatkontrakt 2021.",
        )]);
        assert_eq!(
            r,
            ["Erhvervshus Nordjylland og KKR Nordjylland drøfter udkast til Resultatkontrakt 2021"]
        );
    }

    #[test]
    fn og_at_and_enumeration() {
        let r = recommendations(&[para(
            "Det indstilles, at KKR drøfter oplægget, og at KKR godkender tidsplanen.",
        )]);
        assert_eq!(r, ["KKR drøfter oplægget", "KKR godkender tidsplanen"]);
        let r = recommendations(&[para(
            "Det indstilles, at A drøftes, at B godkendes og at C noteres.",
        )]);
        assert_eq!(r, ["A drøftes", "B godkendes", "C noteres"]);
    }

    #[test]
    fn subordinate_at_stays_in_its_clause() {
        let r = recommendations(&[para(
            "Det indstilles, at KKR noterer, at kommunerne har afsat 2,5 mio. kr.",
        )]);
        assert_eq!(r, ["KKR noterer, at kommunerne har afsat 2,5 mio. kr"]);
    }

    #[test]
    fn subordinate_at_after_the_last_clause() {
        let r = recommendations(&[para(
            "Det indstilles, at KKR tager sagen til efterretning, og at medlemmerne arbejder for, at områderne prioriteres.",
        )]);
        assert_eq!(
            r,
            [
                "KKR tager sagen til efterretning",
                "medlemmerne arbejder for, at områderne prioriteres"
            ]
        );
    }

    #[test]
    fn bulleted_clauses() {
        let r = recommendations(&[
            para("Det indstilles,"),
            Block::List {
                items: vec![
                    "at KKR godkender planen,".into(),
                    "at sekretariatet følger op.".into(),
                ],
                span: Span::new(0, 0, 1),
            },
        ]);
        assert_eq!(r, ["KKR godkender planen", "sekretariatet følger op"]);
    }

    #[test]
    fn no_clause() {
        assert!(recommendations(&[para("Sagen forelægges til orientering.")]).is_empty());
    }
}

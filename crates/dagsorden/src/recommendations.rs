//! Splitting an Indstilling into its recommendations, one per `at`-clause:
//! "Det indstilles, at A, og at B." → [A, B]; bulleted "- at A," "- at B." → [A, B].

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use dagsorden_model::Block;
use memchr::memmem;
use regex::Regex;

use crate::vocabulary::RECOMMENDATION_VERBS;

/// "1. At …", "2) at …": a numbered clause.
static NUMBERED_CLAUSE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^[0-9]{1,2}[.)][ \t]+([Aa]t[ \t].*)$").ok());
/// A numbered clause inside running text: "…, 2. at …".
static NUMBERED_SEPARATOR: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[,;]?[ \t]+(?:og[ \t]+)?[0-9]{1,2}[.)][ \t]+[Aa]t[ \t]").ok());
/// An earlier body's decision quoted before the recommendation:
/// "Økonomiudvalget, 22. september 2021, pkt. 205:", alone or at the start of the
/// paragraph that quotes the decision.
static HISTORY_HEADING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[A-ZÆØÅ][A-Za-zÆØÅæøåÉéÜüÖöÄä0-9\- ]{2,60},?[ \t]+(?:den[ \t]+)?[0-9]{1,2}\.?[ \t.\-/]*(?:[A-Za-zÆØÅæøåÉéÜüÖöÄä]+|[0-9]{1,2})[ \t.\-/]*[0-9]{2,4},?[ \t]+(?:pkt|punkt|sag)\.?[ \t]*[0-9]+[ \t]*(?::|\.$|$)").ok()
});

/// The clause of a numbered "1. At …" line.
pub fn numbered_clause(text: &str) -> Option<&str> {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let caps = NUMBERED_CLAUSE.as_ref()?.captures(text)?;
    caps.get(1).map(|m| m.as_str())
}

fn is_history_heading(text: &str) -> bool {
    let text = text.trim();
    may_be_history_heading(text) && HISTORY_HEADING.as_ref().is_some_and(|r| r.is_match(text))
}

/// What every [`HISTORY_HEADING`] has and few paragraphs do: a capital first, a digit,
/// and a number after "pkt", "punkt" or "sag". Every paragraph of an Indstilling is
/// asked, and the regex costs several times this look.
fn may_be_history_heading(text: &str) -> bool {
    static KEYWORDS: LazyLock<[memmem::Finder<'static>; 3]> =
        LazyLock::new(|| ["pkt", "punkt", "sag"].map(memmem::Finder::new));
    let starts_with_capital = text.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        || text.starts_with(['Æ', 'Ø', 'Å']);
    starts_with_capital
        && crate::grammar::has_digit(text)
        && KEYWORDS.iter().any(|keyword| {
            keyword.find_iter(text.as_bytes()).any(|at| {
                let after = &text[at + keyword.needle().len()..];
                let after = after.strip_prefix('.').unwrap_or(after);
                after
                    .trim_start_matches([' ', '\t'])
                    .starts_with(|c: char| c.is_ascii_digit())
            })
        })
}

/// A paragraph quoted whole: it opens and closes with quotation marks.
fn is_quotation(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(['»', '„', '“', '"']) && text.ends_with(['«', '“', '”', '"'])
}

/// Recommendations written without an Indstilling heading: from the first paragraph
/// whose opening words are "<someone> indstiller" / "Det indstilles" to the end.
pub fn unheaded_recommendations(blocks: &[Block]) -> Vec<String> {
    let Some(mut start) = blocks.iter().position(|b| match b {
        Block::Paragraph { text, .. } => opens_recommendation(text),
        _ => false,
    }) else {
        return Vec::new();
    };
    // A quoted earlier decision right before it stays history.
    if start > 0
        && matches!(&blocks[start - 1], Block::Paragraph { text, .. } if is_history_heading(text))
    {
        start -= 1;
    }
    recommendations(&blocks[start..])
}

/// "Direktionen indstiller, at", "Direktøren for Teknik og Miljø indstiller til Byrådet:",
/// "Det indstilles," — the verb among the first words of the paragraph.
pub fn opens_recommendation(text: &str) -> bool {
    // Both verbs start "indstille": a paragraph without it (most) is settled by one
    // vectorised search rather than by splitting its first words.
    static VERB_STEM: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("indstille"));
    if VERB_STEM.find(text.as_bytes()).is_none() {
        return false;
    }
    text.split_whitespace()
        .take(8)
        .any(|w| matches!(w.trim_end_matches([',', ':']), "indstiller" | "indstilles"))
}

/// The recommendations of an Indstilling, from its blocks.
pub fn recommendations(blocks: &[Block]) -> Vec<String> {
    clauses(blocks, false)
}

/// The recommendations of an Indstilling section headed `heading`: under "Forvaltningen
/// indstiller" the heading is the introduction, and the "at …" paragraphs are clauses.
pub fn recommendations_under(heading: &str, blocks: &[Block]) -> Vec<String> {
    clauses(blocks, is_recommender_heading(heading))
}

/// "Forvaltningen indstiller", "Direktionen indstiller:": a few words ending in the
/// verb, with nothing recommended on the line.
pub fn is_recommender_heading(text: &str) -> bool {
    // Every section's heading is asked: the verb at the end settles most at once.
    if text.len() > MAX_RECOMMENDER_HEADING_BYTES
        || !text.trim_end_matches([':', ',']).ends_with("indstiller")
    {
        return false;
    }
    let words = text.split_whitespace().count();
    (2..=5).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && text
            .split_whitespace()
            .last()
            .is_some_and(|w| w.trim_end_matches([':', ',']) == "indstiller")
}

/// The longest "… indstiller" heading ("Børne- og Ungeforvaltningen indstiller").
const MAX_RECOMMENDER_HEADING_BYTES: usize = 80;

fn clauses(blocks: &[Block], introduced_by_heading: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut introduced = introduced_by_heading;
    // The next paragraph is a clause even without its own "at": the one before ended
    // with the introduction's "at", or with ", og" between clauses.
    let mut expect_clause = false;
    // A quoted earlier decision ("Økonomiudvalget, 22. september 2021, pkt. 205:") covers
    // the paragraph after it and the lists right after that.
    let mut history = History::None;
    // The paragraph before introduced a list of clauses ("Det indstilles, at KKR:",
    // "… indstiller til Byrådet, at"): each item of the list after it is one, with or
    // without its own "at".
    let mut list_introduced = false;
    for (i, block) in blocks.iter().enumerate() {
        let list_follows = matches!(blocks.get(i + 1), Some(Block::List { .. }));
        let clause_follows = matches!(
            blocks.get(i + 1),
            Some(Block::Paragraph { text, .. }) if strip_at(text).is_some()
        );
        match block {
            Block::Paragraph { text, .. } if is_history_heading(text) => {
                // The heading alone, or run together with the decision it quotes.
                let heading_only = text.trim_end().ends_with(':') || !text.contains(": ");
                history = if heading_only {
                    History::Heading
                } else {
                    History::Decision
                };
                introduced = false;
                expect_clause = false;
            }
            Block::Paragraph { .. } if history == History::Heading => history = History::Decision,
            // »Socialistisk Folkeparti foreslår, at …«: a proposal quoted whole (a
            // member's, under "Forslag"), not what the section itself recommends.
            Block::Paragraph { text, .. } if is_quotation(text) => {
                history = History::None;
                expect_clause = false;
            }
            Block::List { .. } if history == History::Decision => {}
            Block::Paragraph { text, .. } => {
                history = History::None;
                list_introduced = false;
                // After the introduction a paragraph that starts with "at" is clauses,
                // even where a verb of recommending stands in one ("at udvalget
                // anbefaler Byrådet at give …").
                let clauses_after_introduction = introduced && strip_at(text).is_some();
                if !clauses_after_introduction && let Some(clauses) = after_introduction(text) {
                    introduced = true;
                    let clauses = nested_clauses(clauses).unwrap_or(clauses);
                    // "at KKR Midtjylland:" names who does what the list says; so does
                    // a few words with no sentence end right before the list ("at KKR
                    // Nordjylland" and bullets).
                    // So does a clause that recommends in turn, the list its clauses
                    // ("at udvalget over for regionsrådet anbefaler," + "at …" items or
                    // paragraphs).
                    let clauses_end = clauses.trim_end();
                    let names_the_subject = clauses_end.ends_with(':')
                        || list_follows
                            && (!clauses_end.ends_with(['.', ',', ';'])
                                && clauses_end.split_whitespace().count() <= 4
                                || introduces_list(clauses_end))
                        || clause_follows && introduces_list(clauses_end)
                        || (clause_follows || list_follows) && frames_clauses(clauses_end);
                    list_introduced = clauses.is_empty() || names_the_subject;
                    if !names_the_subject {
                        out.extend(split_clauses(clauses));
                    }
                    expect_clause = clauses.is_empty() || continues(text);
                } else if let Some(clause) =
                    strip_at(text).or(expect_clause.then_some(text.as_str()))
                {
                    // "Indstilling: at udvalget godkender …": right under the heading the
                    // heading is the introduction.
                    introduced |= i == 0;
                    if introduced || !out.is_empty() {
                        // "at der over for Byrådet anbefales, at A, og at B" right under
                        // "… indstiller,": the first clause recommends in turn and gives
                        // its own (a later one that recommends is one of the clauses).
                        let nested = out.is_empty().then(|| nested_clauses(clause)).flatten();
                        out.extend(split_clauses(nested.unwrap_or(clause)));
                    }
                    expect_clause = introduced && continues(text);
                } else if introduces_list(text) {
                    introduced = true;
                    list_introduced = true;
                    expect_clause = text.trim_end().ends_with(" at");
                }
            }
            Block::List { items, .. } if list_introduced => {
                history = History::None;
                list_introduced = false;
                out.extend(items.iter().map(|i| clean_clause(strip_at(i).unwrap_or(i))));
            }
            Block::List { items, .. } => {
                history = History::None;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum History {
    None,
    Heading,
    Decision,
}

/// "Børne- og Ungeudvalget godkender,": a first clause of a few words that ends with
/// its verb and a comma, the clauses after it what is approved.
fn frames_clauses(clause: &str) -> bool {
    let Some(head) = clause.strip_suffix(',') else {
        return false;
    };
    let words = head.split_whitespace().count();
    (2..=MAX_FRAMING_WORDS).contains(&words)
        && head
            .rsplit(' ')
            .next()
            .is_some_and(|verb| crate::vocabulary::FRAMING_VERBS.contains(&verb))
}

/// The most words of a framing clause with its verb ("Børne- og Ungeudvalget over for
/// Byrådet godkender").
const MAX_FRAMING_WORDS: usize = 7;

/// A clause that ends in ", og" / "," / ";": another clause follows.
fn continues(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(',') || t.ends_with(';') || t.ends_with(" og") || t.ends_with(" samt")
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

/// The recommendation verbs in any case, found in one pass over a paragraph without
/// lowercasing it (every paragraph of an Indstilling is searched). ASCII letters match
/// in either case; each verb is also listed with its other letters in capitals
/// ("FORESLÅS").
static VERBS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let capitalised = RECOMMENDATION_VERBS
        .iter()
        .map(|v| v.chars().flat_map(char::to_uppercase).collect::<String>());
    let patterns: Vec<String> = RECOMMENDATION_VERBS
        .iter()
        .map(|v| v.to_string())
        .chain(capitalised)
        .collect();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
});

/// Where the first recommendation verb in `text` ends (standard Aho-Corasick semantics
/// report the match that ends first).
fn verb_end(text: &str) -> Option<usize> {
    VERBS.as_ref()?.find(text).map(|m| m.end())
}

/// "Det indstilles," / "Direktionen indstiller til KKR:" / "… over for Byrådet
/// anbefaler, at" with the clauses in later blocks.
fn introduces_list(text: &str) -> bool {
    let text = text.trim_end();
    (text.ends_with(',') || text.ends_with(':') || text.ends_with(", at"))
        && verb_end(text).is_some()
}

/// The text after "… indstilles, at" — the first clause and the ones after it.
fn after_introduction(text: &str) -> Option<&str> {
    // A match ends where its pattern does, at a char boundary (only ASCII letters may
    // differ in case); `get` all the same.
    let rest = text.get(verb_end(text)?..)?;
    // The verb and its "at" belong together: "indstilles, at", "indstiller til KKR, at".
    let at = at_word_within(rest, MAX_LETTERS_BEFORE_AT)?;
    // In the verb's own sentence: "Indstillingen anbefales. Udvalget ønsker, at …" is a
    // decision that goes on in a sentence of its own.
    let between = &rest[..at];
    let sentence_ends = between
        .match_indices(". ")
        .any(|(i, _)| between[i + 2..].starts_with(char::is_uppercase));
    (!sentence_ends).then(|| rest[at + 2..].trim_start())
}

/// "udvalget over for Byrådet anbefaler, at A, og at B": a first clause that recommends
/// in turn, with its own clauses run on after it (the next paragraph joined to it across
/// a page break), gives those. Only where the verb comes before any separator: "A, og
/// at det anbefales, at B" is two clauses.
fn nested_clauses(clauses: &str) -> Option<&str> {
    // Every introduction is asked: an inner "at" after a comma settles most, and the
    // verb is looked for only before the first separator.
    memchr::memmem::find(clauses.as_bytes(), b", at ")?;
    let head_end = memchr::memchr3(b',', b';', b':', clauses.as_bytes()).unwrap_or(clauses.len());
    // "Børne- og Ungeudvalget godkender, at A, og at B": a framing clause run on.
    if let Some(head) = clauses.get(..=head_end)
        && frames_clauses(head)
    {
        return clauses[head_end..].strip_prefix(", at ");
    }
    let verb = verb_end(&clauses[..head_end])?;
    let before = &clauses[..verb];
    if before.contains('.') || at_word_within(before, usize::MAX).is_some() {
        return None;
    }
    let inner = after_introduction(clauses).filter(|inner| !inner.is_empty())?;
    // The clause's "at" follows a comma ("anbefaler, at …"); "anbefaler Byrådet at
    // godkende" is the verb's infinitive.
    let between = &clauses[verb..clauses.len() - inner.len()];
    between.contains(',').then_some(inner)
}

/// How many letters may stand between a recommendation verb and its "at".
const MAX_LETTERS_BEFORE_AT: usize = 60;

/// Where the first word "at" or "At" of `text` starts, if at most `max_letters` letters
/// come before it. The scan stops after that many letters: the "at" that belongs to a
/// verb is near it, and a paragraph without one is not read to its end.
fn at_word_within(text: &str, max_letters: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut letters = 0;
    let mut previous_is_alphanumeric = false;
    for (i, c) in text.char_indices() {
        if matches!(c, 'a' | 'A')
            && bytes.get(i + 1) == Some(&b't')
            && !previous_is_alphanumeric
            && !text[i + 2..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(i);
        }
        if c.is_alphabetic() {
            letters += 1;
            if letters > max_letters {
                return None;
            }
        }
        previous_is_alphanumeric = c.is_alphanumeric();
    }
    None
}

/// Separators that always start a new clause, longest first. Each ends in " at " and
/// holds it nowhere else, so all of them are found from the places " at " stands.
const STRONG_SEPARATORS: &[&str] = &[
    ", samt at ",
    " samt at ",
    ", og at ",
    "; og at ",
    " og at ",
    "; at ",
];

/// Separates clauses only inside an enumeration (see [`split_clauses`]).
const WEAK_SEPARATOR: &str = ", at ";

/// Prepositions an "at"-clause can be the object of ("på betingelse af, at …", "under
/// forudsætning af, at …", "opmærksom på, at …"): a weak separator after one is inside
/// its clause. No clause ends in one.
const PREPOSITIONS_BEFORE_AT: &[&str] = &[
    "af", "på", "for", "om", "til", "med", "ved", "fra", "efter", "mod", "over", "under", "uden",
];

/// Whether the ", at" after `before` goes on inside its clause: after one of
/// [`PREPOSITIONS_BEFORE_AT`], or after a noun its determiner points on ("med den
/// ændring, at beplantningsbæltet udvides", "på det vilkår, at …").
fn keeps_its_at(before: &str) -> bool {
    let mut words = before.rsplit(' ');
    let last = words.next();
    last.is_some_and(|word| PREPOSITIONS_BEFORE_AT.contains(&word))
        || words
            .next()
            .is_some_and(|word| matches!(word, "den" | "det" | "denne" | "dette"))
}

/// The " at " that ends every separator.
const AT: &str = " at ";

/// Where `separator` starts if it ends at `end` in `bytes`.
fn separator_ending_at(bytes: &[u8], end: usize, separator: &str) -> Option<usize> {
    let start = end.checked_sub(separator.len())?;
    (bytes.get(start..end) == Some(separator.as_bytes())).then_some(start)
}

/// The strong separator that ends with the " at " at `at`, starting at or after
/// `from`: the longest, which starts first. `(start, length)`.
fn strong_separator_at(bytes: &[u8], at: usize, from: usize) -> Option<(usize, usize)> {
    STRONG_SEPARATORS.iter().find_map(|separator| {
        separator_ending_at(bytes, at + AT.len(), separator)
            .filter(|&start| start >= from)
            .map(|start| (start, separator.len()))
    })
}

/// Split the clause list. ", at" separates clauses only inside an enumeration, before
/// its closing "og at" ("at A, at B og at C"); elsewhere — and after that closing
/// separator — it opens a subordinate clause inside one recommendation ("at KKR
/// noterer, at kommunerne …", "og at X arbejder for, at Y").
fn split_clauses(text: &str) -> Vec<String> {
    // Searchers built once: this runs on every clause list, and building a substring
    // searcher costs more than searching a short clause.
    static FORWARDS: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(AT));
    static BACKWARDS: LazyLock<memmem::FinderRev<'static>> =
        LazyLock::new(|| memmem::FinderRev::new(AT));
    let bytes = text.as_bytes();
    // Where the last strong separator starts: the last " at " that ends one (a
    // separator holds no other " at ", so none ending earlier starts later), and of the
    // separators ending there the shortest.
    let mut enumeration_end = 0;
    let mut before = bytes.len();
    while let Some(at) = BACKWARDS.rfind(&bytes[..before]) {
        let shortest = STRONG_SEPARATORS
            .iter()
            .rev()
            .find_map(|separator| separator_ending_at(bytes, at + AT.len(), separator));
        if let Some(start) = shortest {
            enumeration_end = start;
            break;
        }
        // The next " at " back may end one character before this one's end.
        before = at + AT.len() - 1;
    }

    // The first separator at or after `from`: the first " at " that ends one (none ending
    // later starts earlier). Separators are ASCII, so every offset found is a char
    // boundary.
    let next_separator = |from: usize| {
        let mut search_from = from;
        let mut found = None;
        while let Some(i) = FORWARDS.find(&bytes[search_from..]) {
            let at = search_from + i;
            found = strong_separator_at(bytes, at, from).or_else(|| {
                separator_ending_at(bytes, at + AT.len(), WEAK_SEPARATOR)
                    .filter(|&start| {
                        start >= from && start < enumeration_end && !keeps_its_at(&text[..start])
                    })
                    .map(|start| (start, WEAK_SEPARATOR.len()))
            });
            if found.is_some() {
                break;
            }
            search_from = at + 1;
        }
        found
    };
    let find_numbered = numbered_separators(text);
    // Each search runs on from where the last one ended, and what was found ahead is
    // kept until the offset passes it (nothing lies between), so a long enumeration
    // stays linear.
    let (mut separator, mut numbered) = (next_separator(0), find_numbered(0));
    clauses_between(text, |offset| {
        if separator.is_some_and(|(i, _)| i < offset) {
            separator = next_separator(offset);
        }
        if numbered.is_some_and(|(i, _)| i < offset) {
            numbered = find_numbered(offset);
        }
        separator
            .into_iter()
            .chain(numbered)
            .min_by_key(|(i, _)| *i)
    })
}

/// Whether `text` holds "2. at" / "3) At" anywhere: a digit, "." or ")", white space,
/// then "at" and white space, which every [`NUMBERED_SEPARATOR`] holds. A clause list
/// has few dots and parentheses; each is looked at, not every byte through the pattern.
fn has_numbered_at(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'.', b')', bytes).any(|mark| {
        let after = &bytes[mark + 1..];
        let gap = after
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        mark > 0
            && bytes[mark - 1].is_ascii_digit()
            && gap > 0
            && matches!(
                after.get(gap..gap + 3),
                Some([b'a' | b'A', b't', b' ' | b'\t'])
            )
    })
}

/// The numbered clauses' separators ("…, 2. at …") from an offset on: `(start, length)`.
fn numbered_separators(text: &str) -> impl Fn(usize) -> Option<(usize, usize)> + '_ {
    // Most clause lists have no numbered "at" and are settled without the pattern.
    let may_have_one = has_numbered_at(text);
    move |from| {
        NUMBERED_SEPARATOR
            .as_ref()
            .filter(|_| may_have_one)
            .and_then(|r| r.find_at(text, from))
            .map(|m| (m.start(), m.len()))
    }
}

/// The clauses between the separators that `next_separator(offset)` finds at or after
/// each offset, cleaned.
fn clauses_between(
    text: &str,
    mut next_separator: impl FnMut(usize) -> Option<(usize, usize)>,
) -> Vec<String> {
    let mut clauses = Vec::new();
    let mut offset = 0;
    loop {
        match next_separator(offset) {
            Some((i, len)) => {
                clauses.push(clean_clause(&text[offset..i]));
                offset = i + len;
            }
            None => {
                clauses.push(clean_clause(&text[offset..]));
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

    /// The separators as they were searched before, each on its own.
    const EACH_STRONG: &[&str] = &[
        ", og at ",
        "; og at ",
        "; at ",
        ", samt at ",
        " samt at ",
        " og at ",
    ];

    const EACH_WEAK: &str = ", at ";

    /// [`split_clauses`] as it was: every separator searched for on its own, forwards
    /// and backwards. The oracle for the search from " at ".
    fn split_by_each_separator(text: &str) -> Vec<String> {
        // Searchers built once: this runs on every clause list, and building a substring
        // searcher costs more than searching a short clause.
        static STRONG: LazyLock<Vec<(memmem::Finder<'static>, memmem::FinderRev<'static>)>> =
            LazyLock::new(|| {
                EACH_STRONG
                    .iter()
                    .map(|s| (memmem::Finder::new(s), memmem::FinderRev::new(s)))
                    .collect()
            });
        static WEAK: LazyLock<memmem::Finder<'static>> =
            LazyLock::new(|| memmem::Finder::new(EACH_WEAK));
        let bytes = text.as_bytes();
        let enumeration_end = STRONG
            .iter()
            .filter_map(|(_, backwards)| backwards.rfind(bytes))
            .max()
            .unwrap_or(0);
        // The next match of each separator at or after the current offset, found again only
        // once the offset has passed it: every part of the text is searched once per
        // separator, so a long enumeration stays linear. Separators are ASCII, so every
        // offset found is a char boundary.
        let find = |finder: &memmem::Finder<'_>, from: usize| {
            finder
                .find(&bytes[from..])
                .map(|i| (from + i, finder.needle().len()))
        };
        let find_numbered = numbered_separators(text);
        let mut strong: Vec<Option<(usize, usize)>> = STRONG
            .iter()
            .map(|(forwards, _)| find(forwards, 0))
            .collect();
        // A weak separator after a preposition is inside its clause.
        let find_weak = |from: usize| {
            let mut from = from;
            while let Some((i, len)) = find(&WEAK, from) {
                if !keeps_its_at(&text[..i]) {
                    return Some((i, len));
                }
                from = i + 1;
            }
            None
        };
        let mut weak = find_weak(0);
        let mut numbered = find_numbered(0);
        clauses_between(text, |offset| {
            for (next, (forwards, _)) in strong.iter_mut().zip(STRONG.iter()) {
                if next.is_some_and(|(i, _)| i < offset) {
                    *next = find(forwards, offset);
                }
            }
            if weak.is_some_and(|(i, _)| i < offset) {
                weak = find_weak(offset);
            }
            if numbered.is_some_and(|(i, _)| i < offset) {
                numbered = find_numbered(offset);
            }
            strong
                .iter()
                .flatten()
                .copied()
                .chain(weak.filter(|(i, _)| *i < enumeration_end))
                .chain(numbered)
                .min_by_key(|(i, _)| *i)
        })
    }

    /// The "at" of an introduction as it was found: every word "at" and "At" searched
    /// for through the whole text, then the letters before the first counted. The oracle
    /// for [`at_word_within`].
    fn at_word_by_search(text: &str, max_letters: usize) -> Option<usize> {
        fn find_word(haystack: &str, word: &str) -> Option<usize> {
            haystack.match_indices(word).map(|(i, _)| i).find(|&i| {
                let before = haystack[..i].chars().next_back();
                let after = haystack[i + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        }
        let at = [find_word(text, "at"), find_word(text, "At")]
            .into_iter()
            .flatten()
            .min()?;
        let letters = text[..at].chars().filter(|c| c.is_alphabetic()).count();
        (letters <= max_letters).then_some(at)
    }

    /// The heading regex alone, as [`is_history_heading`] asked it before the look.
    fn history_heading_by_regex(text: &str) -> bool {
        HISTORY_HEADING
            .as_ref()
            .is_some_and(|r| r.is_match(text.trim()))
    }

    fn list(items: &[&str]) -> Block {
        Block::List {
            items: items.iter().map(|i| (*i).to_owned()).collect(),
            span: Span::new(0, 0, 1),
        }
    }

    #[test]
    fn a_clause_that_recommends_in_turn_introduces_the_list() {
        assert_eq!(
            recommendations(&[
                para(
                    "Kultur- og Fritidsforvaltningen indstiller, at udvalget over for \
                     Økonomiudvalget og Byrådet anbefaler, at"
                ),
                list(&[
                    "der gives en anlægsbevilling på 17,6 mio. kr.,",
                    "rådighedsbeløbet frigives, og",
                    "forvaltningen bemyndiges til at indgå kontrakt."
                ]),
            ]),
            vec![
                "der gives en anlægsbevilling på 17,6 mio. kr",
                "rådighedsbeløbet frigives",
                "forvaltningen bemyndiges til at indgå kontrakt"
            ]
        );
    }

    #[test]
    fn a_proposal_quoted_whole_recommends_nothing() {
        let blocks = [
            para("Byrådsmedlem Ole Kristensen (F) har anmodet om at få forslaget optaget:"),
            para(
                "»Socialistisk Folkeparti foreslår, at pensionister kan køre gratis med bybusserne.«",
            ),
        ];
        assert!(recommendations(&blocks).is_empty());
        // Unquoted, the same sentence recommends.
        let blocks = [para(
            "Socialistisk Folkeparti foreslår, at pensionister kan køre gratis.",
        )];
        assert_eq!(recommendations(&blocks).len(), 1);
    }

    #[test]
    fn a_list_after_an_introduction_is_one_clause_an_item() {
        // The subject named before the colon; the items say what it does.
        assert_eq!(
            recommendations(&[
                para("Det indstilles, at KKR Midtjylland:"),
                list(&[
                    "godkender udkast til aftalen, og",
                    "anbefaler kommunerne at tilslutte sig"
                ]),
            ]),
            vec![
                "godkender udkast til aftalen",
                "anbefaler kommunerne at tilslutte sig"
            ]
        );
        // "…, at" and clauses without their own "at".
        assert_eq!(
            recommendations(&[
                para("Kommunaldirektøren indstiller til Byrådet, at"),
                list(&[
                    "halvårsregnskabet godkendes",
                    "at prognosen tages til efterretning."
                ]),
            ]),
            vec![
                "halvårsregnskabet godkendes",
                "prognosen tages til efterretning"
            ]
        );
        // The subject without a colon, a list right after it.
        assert_eq!(
            recommendations(&[
                para("Det foreslås, at KKR Nordjylland"),
                list(&["drøfter status", "tilslutter sig opfølgningen"]),
            ]),
            vec!["drøfter status", "tilslutter sig opfølgningen"]
        );
        // A clause that recommends in turn introduces the list.
        assert_eq!(
            recommendations(&[
                para("Administrationen indstiller, at udvalget over for regionsrådet anbefaler,"),
                list(&[
                    "at strategien sendes i høring",
                    "at der holdes en konference."
                ]),
            ]),
            vec!["strategien sendes i høring", "der holdes en konference"]
        );
        // … and the paragraphs of "at" clauses after it.
        assert_eq!(
            recommendations(&[
                para("Direktøren indstiller, at udvalget over for Byrådet anbefaler,"),
                para("at taksterne godkendes, og at de træder i kraft den 1. januar."),
            ]),
            vec!["taksterne godkendes", "de træder i kraft den 1. januar"]
        );
        // A first clause that ends with its verb frames the clauses after it.
        assert_eq!(
            recommendations(&[
                para(
                    "Direktøren for Børn og Unge indstiller, at Børne- og Ungeudvalget godkender,"
                ),
                para("at forslaget sendes i høring, og"),
                para("at sagen genoptages i februar."),
            ]),
            vec!["forslaget sendes i høring", "sagen genoptages i februar"]
        );
        assert_eq!(
            recommendations(&[
                para("Forvaltningen indstiller, at udvalget tiltræder,"),
                list(&["at planen vedtages", "at den offentliggøres"]),
            ]),
            vec!["planen vedtages", "den offentliggøres"]
        );
        // … and so it does with the clauses run on in its paragraph.
        assert_eq!(
            recommendations(&[para(
                "Direktøren indstiller, at Børne- og Ungeudvalget godkender, at forslaget \
                 sendes i høring, og at sagen genoptages i februar."
            )]),
            vec!["forslaget sendes i høring", "sagen genoptages i februar"]
        );
        // A paragraph of clauses whose first recommends in turn gives its own.
        assert_eq!(
            recommendations(&[
                para("Direktøren for Teknik og Miljø indstiller,"),
                para(
                    "at der over for Økonomiudvalget og Byrådet anbefales, at der gives \
                     anlægsbevilling på 4,6 mio. kr., og at forvaltningen bemyndiges til at \
                     indlede ekspropriation."
                ),
            ]),
            vec![
                "der gives anlægsbevilling på 4,6 mio. kr",
                "forvaltningen bemyndiges til at indlede ekspropriation"
            ]
        );
        // A clause that ends with a noun is one of the clauses.
        assert_eq!(
            recommendations(&[
                para("Forvaltningen indstiller, at der afsættes midler,"),
                para("at planen vedtages."),
            ]),
            vec!["der afsættes midler", "planen vedtages"]
        );
        // … with its first clause run on (a paragraph joined across a page break).
        assert_eq!(
            recommendations(&[
                para(
                    "Forvaltningen indstiller, at udvalget over for Byrådet anbefaler, at planen vedtages,"
                ),
                para("at der holdes borgermøde."),
            ]),
            vec!["planen vedtages", "der holdes borgermøde"]
        );
        // A later clause that recommends is one clause of the list.
        assert_eq!(
            recommendations(&[para(
                "Det indstilles, at planen vedtages, og at det anbefales, at der holdes borgermøde."
            )]),
            vec!["planen vedtages", "det anbefales, at der holdes borgermøde"]
        );
        // A verb's infinitive "at" is inside its clause.
        assert_eq!(
            recommendations(&[para(
                "Det indstilles, at KKR anbefaler kommunalbestyrelserne at godkende aftalen, og at taksterne fastholdes."
            )]),
            vec![
                "KKR anbefaler kommunalbestyrelserne at godkende aftalen",
                "taksterne fastholdes"
            ]
        );
        // Clauses after the introduction, one with a verb of recommending in it.
        assert_eq!(
            recommendations(&[
                para("Forvaltningen indstiller,"),
                para(
                    "at budgetopfølgningen tages til efterretning, at udvalget anbefaler Byrådet at give en tillægsbevilling, og at mindreforbruget overføres."
                ),
            ]),
            vec![
                "budgetopfølgningen tages til efterretning",
                "udvalget anbefaler Byrådet at give en tillægsbevilling",
                "mindreforbruget overføres"
            ]
        );
        // A list after a whole recommendation is not more of it.
        assert_eq!(
            recommendations(&[
                para("Det indstilles, at planen godkendes."),
                list(&["Bilag 1", "Bilag 2"]),
            ]),
            vec!["planen godkendes"]
        );
    }

    #[test]
    fn the_verb_and_its_at_in_one_sentence() {
        let r = recommendations(&[
            para("Forvaltningen indstiller, at planen godkendes."),
            para(
                "Indstillingen anbefales over for Byrådet. Udvalget ønsker, at der indhentes en option.",
            ),
        ]);
        assert_eq!(r, ["planen godkendes"]);
    }

    #[test]
    fn recommender_headings() {
        for heading in [
            "Forvaltningen indstiller",
            "Direktionen indstiller:",
            "Direktionen indstiller,",
            "Børne- og Ungeforvaltningen indstiller",
        ] {
            assert!(is_recommender_heading(heading), "{heading}");
        }
        for text in [
            "Direktionen indstiller, at planen godkendes",
            "indstiller",
            "Forvaltningen indstilles",
        ] {
            assert!(!is_recommender_heading(text), "{text}");
        }
    }

    #[test]
    fn history_headings_pass_the_look() {
        for heading in [
            "Økonomiudvalget, 22. september 2021, pkt. 205:",
            "Byrådet den 3. maj 2022, punkt 12",
            "Ældrerådet 4/5-2020 sag 7.",
            "Teknik- og Miljøudvalget, 12-03-2019, pkt.\t4: Godkendt.",
        ] {
            assert!(is_history_heading(heading), "{heading}");
        }
        assert!(!may_be_history_heading(
            "Sagen blev behandlet den 3. maj 2022, sagen 4"
        ));
        assert!(!may_be_history_heading(
            "økonomiudvalget, 22. september 2021, pkt. 205:"
        ));
    }

    proptest::proptest! {
        /// The look before the regex turns away only what the regex turns away: on
        /// headings taken apart and put together again with near misses.
        #[test]
        fn history_heading_as_by_regex(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "Økonomiudvalget", "Ældrerådet", "Åbent", "Byrådet", "byrådet", ",", " ",
                "\t", "den ", "22", ".", " september ", "2021", "4/5-2020", "pkt", "punkt",
                "sag", "sagen", "Sag", ". ", "205", ":", "x", "-", "/", "\u{a0}",
            ]),
            0..16,
        )) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(is_history_heading(&text), history_heading_by_regex(&text), "{:?}", text);
        }

        /// The same, on texts shaped like a heading slot by slot, each slot right or
        /// nearly right (most of them match the regex, many do not).
        #[test]
        fn heading_shaped_as_by_regex(
            head in (
                proptest::sample::select(vec!["Økonomiudvalget", "Ældrerådet", "Byrådet", "byrådet", "Sag", "1 Byrådet", ""]),
                proptest::sample::select(vec![",", "", " ,"]),
                proptest::sample::select(vec![" ", "\t", "", "  "]),
                proptest::sample::select(vec!["den ", "", "Den "]),
                proptest::sample::select(vec!["22", "3", "", "x"]),
                proptest::sample::select(vec![". ", " ", "."]),
                proptest::sample::select(vec!["september", "4", "maj", ""]),
            ),
            tail in (
                proptest::sample::select(vec![" ", "-", "/", ". "]),
                proptest::sample::select(vec!["2021", "20", "", "21x"]),
                proptest::sample::select(vec![", ", " ", ","]),
                proptest::sample::select(vec!["pkt", "punkt", "sag", "sagen", "Pkt", "pk"]),
                proptest::sample::select(vec![".", "", ". ", " ", ".\t", " ."]),
                proptest::sample::select(vec!["205", "", "x5", "7"]),
                proptest::sample::select(vec![":", ".", "", ": Godkendt.", " x", " \u{a0}"]),
            ),
        ) {
            let text = [head.0, head.1, head.2, head.3, head.4, head.5, head.6,
                tail.0, tail.1, tail.2, tail.3, tail.4, tail.5, tail.6].concat();
            proptest::prop_assert_eq!(is_history_heading(&text), history_heading_by_regex(&text), "{:?}", text);
        }

        /// The bounded scan finds the "at" the whole-text search found, near the limit
        /// of letters, next to letters, digits and non-ASCII characters.
        #[test]
        fn at_word_as_by_search(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "at", "At", "AT", " ", ",", "at,", "sat", "atten", "kat ", "æat", "atø",
                    "2at", "at2", "KKR", "Økonomiudvalget", "til", "é", "\u{a0}",
                ]),
                0..24,
            ),
            max_letters in 0usize..30,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                at_word_within(&text, max_letters),
                at_word_by_search(&text, max_letters),
                "{:?}", text
            );
        }

        /// Searching from " at " splits as searching for every separator did, on lists
        /// of clauses joined by every separator, numbered clauses and near misses.
        #[test]
        fn clauses_split_as_by_each_separator(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "at", " at ", ", og at ", "; og at ", "; at ", ", samt at ", " samt at ",
                " og at ", ", at ", ", 2. at ", " og 3) At ", "KKR godkender planen", "og",
                "samt", ",", ";", " ", ".", "at at", "sat ", " atten", "Økonomi", " af",
                "på", ", og",
            ]),
            0..16,
        )) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(split_clauses(&text), split_by_each_separator(&text), "{:?}", text);
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
    fn verbs_in_any_case() {
        for (text, expected) in [
            (
                "Det INDSTILLES, at KKR godkender planen.",
                "KKR godkender planen",
            ),
            (
                "Det foreslås, at KKR godkender planen.",
                "KKR godkender planen",
            ),
            (
                "Det FORESLÅS, at KKR godkender planen.",
                "KKR godkender planen",
            ),
            (
                "Direktionen Indstiller, at KKR godkender planen.",
                "KKR godkender planen",
            ),
        ] {
            assert_eq!(recommendations(&[para(text)]), [expected], "{text}");
        }
        // The first verb decides where the clauses start, whichever verb it is.
        assert_eq!(
            recommendations(&[para(
                "Sekretariatet anbefaler, at KKR indstiller kandidaten."
            )]),
            ["KKR indstiller kandidaten"]
        );
        assert!(recommendations(&[para("Der er ingen indstilling i denne tekst.")]).is_empty());
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
    fn an_at_after_a_determined_noun_stays_in_its_clause() {
        let r = recommendations(&[para(
            "Forvaltningen indstiller, at planen vedtages med den ændring, at bæltet udvides til 15 m, at de øvrige bemærkninger ikke giver anledning til ændringer, og at indsenderne orienteres.",
        )]);
        assert_eq!(
            r,
            [
                "planen vedtages med den ændring, at bæltet udvides til 15 m",
                "de øvrige bemærkninger ikke giver anledning til ændringer",
                "indsenderne orienteres"
            ]
        );
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
    fn numbered_clauses_inline_and_as_lines() {
        let r = recommendations(&[para(
            "Formanden indstiller, 1. at planen godkendes, 2. at der afsættes 1,2 mio. kr.",
        )]);
        assert_eq!(r, ["planen godkendes", "der afsættes 1,2 mio. kr"]);
        let r = recommendations(&[
            para("Direktøren for Teknik og Miljø indstiller til Byrådet:"),
            Block::List {
                items: vec![
                    "At lokalplanen vedtages endeligt.".into(),
                    "At sagen afsluttes.".into(),
                ],
                span: Span::new(0, 0, 1),
            },
        ]);
        assert_eq!(r, ["lokalplanen vedtages endeligt", "sagen afsluttes"]);
        assert_eq!(
            numbered_clause("1. At planen godkendes"),
            Some("At planen godkendes")
        );
        assert_eq!(numbered_clause("1. Godkendelse af dagsorden"), None);
    }

    proptest::proptest! {
        /// The quick look never refuses a text the pattern would find a separator in.
        #[test]
        fn numbered_at_look_admits_every_separator(
            text in "([a-zA-Z0-9,;.) \t]|og|at|At| 2\\. at | 3\\) At\t){0,40}"
        ) {
            let found = NUMBERED_SEPARATOR.as_ref().is_some_and(|r| r.is_match(&text));
            proptest::prop_assert!(!found || has_numbered_at(&text), "{:?}", text);
        }
    }

    #[test]
    fn numbered_at_look() {
        assert!(has_numbered_at("at A, 2. at B"));
        assert!(has_numbered_at("at A og 3)\tAt B"));
        assert!(!has_numbered_at("at budgettet for 2023. Beløbet"));
        assert!(!has_numbered_at("i 2. kvartal at"));
        assert!(!has_numbered_at("(se bilag 2) at"));
        assert!(!has_numbered_at("2.at B"));
    }

    #[test]
    fn the_verb_among_the_first_eight_words_opens_recommendations() {
        assert!(opens_recommendation("Direktionen indstiller, at"));
        assert!(opens_recommendation("Det indstilles,"));
        assert!(opens_recommendation(
            "Direktøren for Teknik og Miljø indstiller til Byrådet:"
        ));
        // Ninth word, another form, or the stem inside a longer word: running text.
        assert!(!opens_recommendation(
            "Sagen har tidligere været drøftet, og direktionen nu indstiller, at"
        ));
        assert!(!opens_recommendation(
            "Udvalget indstillede sagen til Byrådet."
        ));
        assert!(!opens_recommendation(
            "Sagen blev indstillet til godkendelse."
        ));
        assert!(!opens_recommendation("Baggrund for sagen"));
    }

    #[test]
    fn quoted_history_is_not_a_recommendation() {
        let r = recommendations(&[
            para("Økonomiudvalget, 22. september 2021, pkt. 205:"),
            para("Økonomiudvalget indstiller, at forslaget sendes i høring."),
            para("Direktionen indstiller, at budgettet godkendes."),
        ]);
        // The quoted decision is history, even where it recommends; the new one counts.
        assert_eq!(r, ["budgettet godkendes"]);
    }

    #[test]
    fn history_run_together_with_its_decision() {
        let r = recommendations(&[
            para(
                "Økonomiudvalget, 22. september 2021, pkt. 205: Økonomiudvalget anbefaler, at budgettet vedtages. Fraværende: A",
            ),
            para("Økonomiudvalget, 1. september 2021, pkt. 188:"),
            para("Oversendes til 1. behandling i Byrådet."),
            para("Kommunaldirektøren indstiller til Byrådet:"),
            Block::List {
                items: vec!["At budgettet vedtages,".into()],
                span: Span::new(0, 0, 1),
            },
        ]);
        assert_eq!(r, ["budgettet vedtages"]);
    }

    #[test]
    fn unheaded_block_one_clause_per_paragraph() {
        let r = unheaded_recommendations(&[
            para("Forvaltningen har undersøgt sagen."),
            para("Direktionen indstiller, at"),
            para("budgetrammen godkendes, og"),
            para("at sagen sendes videre til Byrådet."),
        ]);
        assert_eq!(
            r,
            ["budgetrammen godkendes", "sagen sendes videre til Byrådet"]
        );
    }

    #[test]
    fn clauses_right_under_the_heading() {
        // "Indstilling: at udvalget godkender …, at …, og at …" (minutes written by hand).
        let r = recommendations(&[para(
            "at udvalget godkender tilskuddet, at tilsagnet gives på betingelse af, at \
             finansieringen er på plads, og at foreningen søger restbeløbet.",
        )]);
        assert_eq!(r.len(), 3, "{r:?}");
        // Not after other text: there an "at" paragraph continues that text.
        let r = recommendations(&[
            para("Sagen har været i høring."),
            para("at høringssvarene indarbejdes."),
        ]);
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn no_clause() {
        assert!(recommendations(&[para("Sagen forelægges til orientering.")]).is_empty());
    }
}

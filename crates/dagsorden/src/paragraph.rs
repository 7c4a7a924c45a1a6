//! Blocks from consecutive lines: paragraphs (wrapped lines joined, hyphenation undone),
//! lists, and the `./.` enclosure marker.

use dagsorden_model::{Block, Span};

use crate::lexer::Line;

/// Collects the lines of one container (section, item body, preamble) into blocks.
///
/// A paragraph's lines are held as slices of the lines until the paragraph ends, and
/// then joined into one string: no string per line.
#[derive(Debug, Default)]
pub struct BlockAccumulator<'t> {
    blocks: Vec<Block>,
    paragraph: Vec<(&'t str, Span)>,
    list: Vec<(String, Span)>,
    /// The open list began right after a `- ./.` marker: the converter turned the margin
    /// marker and its paragraph into a list.
    list_after_marker: bool,
    marker_pending: bool,
    blank_since_last: bool,
    /// The open list is numbered and this is its next number.
    numbered_next: Option<u32>,
}

impl<'t> BlockAccumulator<'t> {
    /// Whether nothing has been collected.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty() && self.paragraph.is_empty() && self.list.is_empty()
    }

    /// Whether a paragraph is open and its text does not end a sentence.
    pub fn open_paragraph_unfinished(&self) -> bool {
        self.paragraph
            .last()
            .is_some_and(|(text, _)| !ends_sentence(text))
    }

    /// The last line of the open paragraph, if one is open.
    pub fn open_paragraph_last_line(&self) -> Option<&'t str> {
        self.paragraph.last().map(|(text, _)| *text)
    }

    /// The text of the open list's last item, if a list is open.
    pub fn open_list_last_item(&self) -> Option<&str> {
        self.list.last().map(|(text, _)| text.as_str())
    }

    /// A blank line: ends a paragraph (a list may go on after it).
    pub fn blank(&mut self) {
        self.flush_paragraph();
        // The paragraph a margin marker points at ends at the blank line; a real list
        // may follow it.
        if self.list_after_marker && self.list.len() == 1 {
            self.flush_list();
        }
        self.blank_since_last = true;
    }

    /// A line of running text.
    pub fn text(&mut self, line: &Line<'_>, text: &'t str) {
        self.text_at(line, text, line.span);
    }

    /// Running text that occupies only part of its line (`span`).
    pub fn text_at(&mut self, line: &Line<'_>, text: &'t str, span: Span) {
        if !self.list.is_empty() {
            let continues_item = !self.blank_since_last
                && (line.hints.indent > 0
                    || self
                        .list
                        .last()
                        .is_some_and(|(t, _)| !ends_sentence(t) || goes_on_after_its_dot(t, text)));
            if continues_item {
                if let Some((item, item_span)) = self.list.last_mut() {
                    join_wrapped(item, text);
                    *item_span = item_span.cover(span);
                }
                self.blank_since_last = false;
                return;
            }
            self.flush_list();
        }
        self.marker_pending = false;
        self.paragraph.push((text, span));
        self.blank_since_last = false;
    }

    /// A numbered line ("1. godkender …", "2) …") as an item of a numbered list, where
    /// one is here: the next number of the open numbered list, or a first item right
    /// after text that introduces a list ("Det indstilles, at KKR:", "…, at"). Anywhere
    /// else a number at the start of a line is the text's ("15. marts …" wrapped).
    /// Whether the line was taken.
    pub fn numbered(&mut self, line: &Line<'_>, text: &str) -> bool {
        let Some((number, rest)) = list_number(text) else {
            return false;
        };
        let continues = !self.list.is_empty() && self.numbered_next == Some(number);
        let starts = number == 1
            && self.list.is_empty()
            && (self.introduces_list() || self.blank_since_last && self.after_unfinished_text());
        if !(continues || starts) {
            return false;
        }
        self.bullet(line, rest);
        self.numbered_next = Some(number + 1);
        true
    }

    /// The text just before ends by introducing a list: a colon, or the "at" of a
    /// recommendation whose clauses follow.
    fn introduces_list(&self) -> bool {
        let last = match self.paragraph.last() {
            Some((text, _)) => Some(*text),
            None => self.last_paragraph(),
        };
        last.is_some_and(|text| {
            let text = text.trim_end();
            text.ends_with(':') || text.ends_with(" at")
        })
    }

    /// The text of the last block, when it is a paragraph.
    fn last_paragraph(&self) -> Option<&str> {
        match self.blocks.last() {
            Some(Block::Paragraph { text, .. }) => Some(text),
            _ => None,
        }
    }

    /// The paragraph before stopped without ending a sentence ("Det indstilles, at KKR
    /// Syddanmark"), and a blank line came after it: a "1." line goes on with a list, not
    /// with the wrapped sentence ("… den" / "1. januar" has no blank line between).
    fn after_unfinished_text(&self) -> bool {
        self.paragraph.is_empty()
            && self
                .last_paragraph()
                .is_some_and(|text| !ends_sentence(text))
    }

    /// A bulleted line (marker already removed).
    pub fn bullet(&mut self, line: &Line<'_>, text: &str) {
        self.numbered_next = None;
        self.flush_paragraph();
        if self.list.is_empty() {
            self.list_after_marker = self.marker_pending;
        }
        self.marker_pending = false;
        self.list.push((text.to_owned(), line.span));
        self.blank_since_last = false;
    }

    /// The `./.` marker.
    pub fn enclosure(&mut self, marker: &str, span: Span) {
        self.flush_paragraph();
        self.flush_list();
        self.blocks.push(Block::Enclosure {
            text: marker.to_owned(),
            span,
        });
        self.marker_pending = true;
        self.blank_since_last = false;
    }

    /// End the open paragraph and list; how many blocks there are now.
    pub fn close_blocks(&mut self) -> usize {
        self.flush_paragraph();
        self.flush_list();
        self.blocks.len()
    }

    /// Take the collected blocks.
    pub fn finish(&mut self) -> Vec<Block> {
        self.flush_paragraph();
        self.flush_list();
        self.marker_pending = false;
        self.blank_since_last = false;
        // Copied out at their exact size: the model keeps them (a vector grown by
        // doubling holds a quarter more on average), and the scratch vector is reused.
        self.blocks.drain(..).collect()
    }

    fn flush_paragraph(&mut self) {
        if self.paragraph.is_empty() {
            return;
        }
        if let Some(from) = clause_lines_from(&self.paragraph) {
            let clauses = self.paragraph.split_off(from);
            self.flush_paragraph();
            // (No list is open while a paragraph is: text after a list closes it.)
            self.list = clauses
                .into_iter()
                .map(|(text, span)| (text.to_owned(), span))
                .collect();
            self.flush_list();
            return;
        }
        // Sized once: the model keeps this text, and growth by doubling would leave it
        // holding up to twice the memory it needs.
        let capacity = self.paragraph.iter().map(|(p, _)| p.len() + 1).sum();
        // Drained, not taken: the next paragraph reuses the vector.
        let mut parts = self.paragraph.drain(..);
        if let Some((first, mut span)) = parts.next() {
            let mut text = String::with_capacity(capacity);
            text.push_str(first);
            for (part, part_span) in parts {
                join_wrapped(&mut text, part);
                span = span.cover(part_span);
            }
            self.blocks.push(Block::Paragraph { text, span });
        }
    }

    fn flush_list(&mut self) {
        self.numbered_next = None;
        if self.list.is_empty() {
            return;
        }
        let list = std::mem::take(&mut self.list);
        let after_marker = std::mem::take(&mut self.list_after_marker);
        let span = list
            .iter()
            .map(|(_, s)| *s)
            .reduce(Span::cover)
            .unwrap_or(Span::new(0, 0, 1));
        if after_marker && list.len() == 1 {
            // "- ./." then "- <paragraph>": one marked paragraph, not a list.
            let text = list.into_iter().map(|(t, _)| t).next().unwrap_or_default();
            self.blocks.push(Block::Paragraph { text, span });
        } else {
            self.blocks.push(Block::List {
                items: list.into_iter().map(|(t, _)| t).collect(),
                span,
            });
        }
    }
}

/// "Direktionen indstiller," over "at der frigives 2,65 mio. kr." and "at midlerne
/// fordeles …": clauses a line each, typed without bullets or punctuation (a list
/// whose bullets were shapes, lines broken by hand). Where a line ends in a comma and
/// every line after it, two or more, starts with "at", those lines are a list: the
/// index of the first. (A wrapped sentence may start one line with an infinitive's
/// "at", not each of several.) The lines before introduce the clauses and are none
/// themselves: no "at" at a line's start or after a comma, or the comma before the
/// lines ends a wrapped clause of its own.
fn clause_lines_from(lines: &[(&str, Span)]) -> Option<usize> {
    let first_clause = lines
        .iter()
        .rposition(|(text, _)| !text.starts_with("at "))?
        + 1;
    let introduction = &lines[..first_clause];
    (lines.len() - first_clause >= 2
        && introduction
            .last()
            .is_some_and(|(text, _)| text.trim_end().ends_with(','))
        && introduction
            .iter()
            .all(|(text, _)| !text.starts_with("at ") && !text.contains(", at ")))
    .then_some(first_clause)
}

/// "… for perioden 1." over "januar 2025 - 31. december 2026", "… jf." over "bilag 1":
/// a dot that ends no sentence (an ordinal's, an abbreviation's), the item going on in
/// lowercase on the next line, where no sentence starts. (Not "at …", which opens a
/// clause of its own.)
fn goes_on_after_its_dot(text: &str, next: &str) -> bool {
    text.trim_end().ends_with('.')
        && next.starts_with(|c: char| c.is_lowercase())
        && !next.starts_with("at ")
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

/// Words after which a line-final hyphen is a real one ("Teknik- og Miljøudvalget").
const KEEP_HYPHEN_BEFORE: &[&str] = &["og", "eller", "samt", "til", "som", "/"];

/// Append a wrapped line to text, undoing a line-end hyphenation ("Erhvervs-" + "hus").
pub fn join_wrapped(text: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    // U+2010 HYPHEN, which typesetters (WeasyPrint, with hyphens: auto) put where they
    // break a word: the hyphen of a line's end, as "-" is.
    // (Both end in a byte no letter does: every joined line asks, so that byte first.)
    let last = text.as_bytes().last().copied();
    if last == Some(0x90)
        && let Some(before) = text.strip_suffix('\u{2010}')
    {
        text.truncate(before.len());
        text.push('-');
    }
    // "2025–" + "2026": a range broken at its dash.
    if last == Some(0x93)
        && text
            .strip_suffix('–')
            .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()))
        && next.starts_with(|c: char| c.is_ascii_digit())
    {
        text.push_str(next);
        return;
    }
    let before_hyphen = text.strip_suffix('-').and_then(|t| t.chars().next_back());
    // The next word is looked at only after a hyphen (most lines end without one).
    let compound = before_hyphen.is_some_and(|c| !c.is_whitespace())
        && !KEEP_HYPHEN_BEFORE.contains(&next.split_whitespace().next().unwrap_or(""));
    if compound
        && before_hyphen.is_some_and(char::is_lowercase)
        && next.chars().next().is_some_and(char::is_lowercase)
    {
        // "Erhvervs-" + "hus": a word broken at the line end.
        text.pop();
    } else if !compound {
        text.push(' ');
    }
    text.push_str(next);
}

/// "1. text", "12) text", "a) text": the number (one or two digits, or a letter
/// counted from a = 1) and the text after it.
pub fn list_number(text: &str) -> Option<(u32, &str)> {
    if let [letter @ b'a'..=b'z', b')', b' ', ..] = text.as_bytes() {
        let rest = text[3..].trim_start();
        return (!rest.is_empty()).then_some((u32::from(letter - b'a') + 1, rest));
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = text[digits..].strip_prefix(['.', ')'])?;
    let rest_trimmed = rest.trim_start();
    if rest_trimmed.len() == rest.len() || rest_trimmed.is_empty() {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest_trimmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(a: &str, b: &str) -> String {
        let mut s = a.to_owned();
        join_wrapped(&mut s, b);
        s
    }

    #[test]
    fn an_ordinal_or_abbreviation_wrapped_before_its_word() {
        assert!(goes_on_after_its_dot(
            "for perioden 1.",
            "januar 2025 - 31. december 2026"
        ));
        assert!(goes_on_after_its_dot("drøftes i 3.", "kvartal"));
        assert!(goes_on_after_its_dot("i sundhedsrådene, jf.", "bilag 1"));
        // A sentence starts in capitals; "at …" is a clause of its own.
        assert!(!goes_on_after_its_dot("for perioden 1.", "Januar er kort"));
        assert!(!goes_on_after_its_dot(
            "vedtaget i 2024.",
            "at planen godkendes"
        ));
        assert!(!goes_on_after_its_dot("godkendes", "januar"));
    }

    #[test]
    fn hyphenation() {
        assert_eq!(
            joined("mellem Erhvervs-", "hus og KKR"),
            "mellem Erhvervshus og KKR"
        );
        assert_eq!(
            joined("Teknik-", "og Miljøudvalget"),
            "Teknik- og Miljøudvalget"
        );
        assert_eq!(joined("KKR-", "sekretariatet"), "KKR-sekretariatet");
        assert_eq!(joined("perioden 2021-", "23"), "perioden 2021-23");
        assert_eq!(joined("en stærk", "kommune"), "en stærk kommune");
        assert_eq!(joined("Mål 8 -", "Styrket"), "Mål 8 - Styrket");
        // U+2010 HYPHEN where a typesetter broke the word.
        assert_eq!(
            joined("mellem foreningsliv og selvor\u{2010}", "ganiserede"),
            "mellem foreningsliv og selvorganiserede"
        );
        assert_eq!(joined("KKR\u{2010}", "sekretariatet"), "KKR-sekretariatet");
        assert_eq!(
            joined("Vandforsyningsplan 2025–", "2036 – endelig"),
            "Vandforsyningsplan 2025–2036 – endelig"
        );
        assert_eq!(joined("Mål 8 –", "Styrket"), "Mål 8 – Styrket");
    }

    fn blocks_of(lines: &[&str]) -> Vec<Block> {
        let text = lines.join("\n");
        let lexed: Vec<Line<'_>> = crate::lexer::lex(crate::decode::lines_of_str(&text));
        let mut blocks = BlockAccumulator::default();
        for line in &lexed {
            if line.is_blank() {
                blocks.blank();
            } else if !blocks.numbered(line, &line.text) {
                blocks.text(line, &line.text);
            }
        }
        blocks.finish()
    }

    fn list_items(block: &Block) -> Option<Vec<&str>> {
        match block {
            Block::List { items, .. } => Some(items.iter().map(String::as_str).collect()),
            _ => None,
        }
    }

    #[test]
    fn numbered_lists_after_an_introduction_and_in_sequence() {
        let blocks = blocks_of(&[
            "Det indstilles, at KKR Midtjylland:",
            "1. godkender udkast til aftalen, og",
            "2. anbefaler kommunerne at tilslutte sig",
            "   en fælles fordeling.",
        ]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            list_items(&blocks[1]),
            Some(vec![
                "godkender udkast til aftalen, og",
                "anbefaler kommunerne at tilslutte sig en fælles fordeling."
            ])
        );
        // After a blank line too, and "1)" numbering.
        let blocks = blocks_of(&[
            "Direktøren indstiller, at",
            "",
            "1) sagen godkendes",
            "",
            "2) sagen sendes videre",
        ]);
        assert_eq!(
            list_items(&blocks[1]),
            Some(vec!["sagen godkendes", "sagen sendes videre"])
        );
    }

    #[test]
    fn clauses_a_line_each_after_an_introduction_are_a_list() {
        let blocks = blocks_of(&[
            "Direktionen indstiller,",
            "at der frigives 2,65 mio. kr. fra puljen",
            "at midlerne fordeles som foreslået",
        ]);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert_eq!(
            list_items(&blocks[1]),
            Some(vec![
                "at der frigives 2,65 mio. kr. fra puljen",
                "at midlerne fordeles som foreslået"
            ])
        );
        // A wrapped clause before them is no introduction: the comma ends a clause.
        let blocks = blocks_of(&[
            "at planen sendes i høring, at høringen omfatter",
            "skolebestyrelserne,",
            "at der afholdes borgermøde, og",
            "at sagen genoptages.",
        ]);
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        // One line with an infinitive's "at" at its start goes on with the sentence.
        let blocks = blocks_of(&["Udvalget besluttede,", "at bede forvaltningen om et notat."]);
        assert_eq!(blocks.len(), 1, "{blocks:?}");
    }

    #[test]
    fn numbers_elsewhere_are_text() {
        // After a blank line under text that does not end a sentence.
        let blocks = blocks_of(&[
            "Det indstilles, at KKR Syddanmark",
            "",
            "1. drøfter forslaget,",
            "2. beslutter noget.",
        ]);
        assert_eq!(
            list_items(&blocks[1]),
            Some(vec!["drøfter forslaget,", "beslutter noget."])
        );
        // Not after an introduction.
        let blocks = blocks_of(&["Fristen er sat.", "1. marts skal planen foreligge."]);
        assert!(blocks.iter().all(|b| list_items(b).is_none()), "{blocks:?}");
        // Not the next number of the list: a wrapped line that starts with a date.
        let blocks = blocks_of(&[
            "Det sker således:",
            "1. planen sendes i høring den",
            "15. marts 2025.",
        ]);
        assert_eq!(
            list_items(&blocks[1]),
            Some(vec!["planen sendes i høring den 15. marts 2025."])
        );
        // A year is not a list number.
        assert_eq!(list_number("2025. Det er året"), None);
        assert_eq!(list_number("3.Eventuelt"), None);
        assert_eq!(list_number("12) text"), Some((12, "text")));
        assert_eq!(list_number("b) text"), Some((2, "text")));
        assert_eq!(list_number("b)text"), None);
    }
}

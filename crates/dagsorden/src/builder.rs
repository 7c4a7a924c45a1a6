//! The one state machine that turns classified lines into the tree.
//!
//! Regions, in order: the preamble (title, organisation, meeting fields, headed text),
//! the table of contents, and the body (items, case lines, sections, blocks). Each line
//! is offered to the grammars that make sense in the current region; what the builder
//! cannot place is kept as an `unplaced-text` diagnostic.

use foldhash::{HashMap, HashSet};

use dagsorden_model::{
    Agenda, CaseRef, Diagnostic, DiagnosticCode, DocumentKind, Item, MeetingField, PreambleSection,
    Section, SectionKind, Severity, Span, TocEntry, blocks_text,
};

use crate::furniture::HEADER_TYPE;
use crate::grammar::{
    access_marker::{
        access_field, case_line_with_access_marker, is_access_marker, is_closed_marker,
        is_open_marker, split_access_marker, split_trailing_access_marker,
    },
    case_line::{
        CaseLine, case_label_row, case_line, is_case_label, split_gapped_case, split_glued_case,
        split_trailing_case, starts_with_case_label,
    },
    date::{DateTime, date_line, date_time, time_line},
    furniture::{Furniture, ends_with_page_label, furniture_of_line},
    item_heading::{ItemHeading, MAX_TITLE_CHARS, item_heading, labelled_number_alone},
    meeting_field::field_line,
    section_heading::{ends_with_meeting_date, heading_in_table_row, section_heading},
    title::{meeting_sentence, title_line},
    toc_entry::{split_leader, toc_line},
};
use crate::lexer::{Hints, Line};
use crate::paragraph::BlockAccumulator;
use crate::recommendations::{
    is_recommender_heading, numbered_clause, opens_recommendation, recommendations_under,
    unheaded_recommendations,
};
use crate::vocabulary::{
    AGENDA_GROUPS, CLOSED_ITEM_MARKERS, CLOSING_HEADINGS, ENCLOSURE_MARKERS, ITEM_FIELD_KEYS,
    MEETING_PARTS, MeetingKey, NO_ATTACHMENTS, NUMBER_TAKING_WORDS, TOC_HEADINGS,
};

/// The most lines a heading without its number is looked for over.
const MAX_UNNUMBERED_TITLE_LINES: usize = 3;
/// The most bytes a closed marker adds to a title ("Lukket dagsordenspunkt: ").
const LONGEST_CLOSED_MARKER_BYTES: usize = 24;
/// The first bytes of a line compared with the TOC's next title before the whole is.
const TITLE_BYTES_LOOKED_AT: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Preamble,
    Toc,
    Body,
    /// After the last item: a signature page.
    Closing,
}

/// A meeting field that may still take continuation lines.
#[derive(Debug, Clone, Copy)]
struct OpenField {
    index: usize,
    was_empty: bool,
    blank_since: bool,
}

pub struct Builder<'l, 'a> {
    lines: &'l [Line<'a>],
    agenda: Agenda,
    region: Region,
    blocks: BlockAccumulator<'l>,
    preamble_section: Option<PreambleSection>,
    /// The open part of the closing matter ([`Region::Closing`]).
    closing_section: Option<PreambleSection>,
    open_field: Option<OpenField>,
    items: Vec<Item>,
    section: Option<Section>,
    /// The open section's heading was set in heading type (bold, larger, marked).
    section_heading_styled: bool,
    /// A case line standing before its item's heading, with its line index.
    pending_case: Option<(CaseRef, usize)>,
    case_placement: CasePlacement,
    /// The TOC's numbers, each with where its (first) entry stands in the TOC.
    toc_numbers: HashMap<String, usize>,
    /// Where in the TOC the entry after the last item started stands: the item a
    /// heading without its number may be.
    toc_cursor: usize,
    /// The page of the last TOC entry that has one. Entries gain pages only while they
    /// are the TOC's last, so this is the page set latest (kept as entries gain pages,
    /// rather than looked for among all entries at every TOC line, which made a long
    /// TOC quadratic).
    last_toc_page: Option<u32>,
    used_numbers: HashSet<String>,
    /// Item numbers from a PDF outline.
    outline_numbers: HashSet<String>,
    last_end: u32,
    prev_blank: bool,
    /// Blank lines seen since the last content line, not yet acted on: across a page
    /// break they may sit inside one paragraph.
    pending_blank: bool,
    /// The previous content line was the title: a short name right under it is the
    /// organisation ("Referat" / "Økonomiudvalget").
    after_title: bool,
    /// The last content line was an item heading: a lowercase line right after it
    /// continues its title (a long title wrapped by the producer).
    title_may_continue: bool,
    /// A page break or page furniture came since the last content line.
    crossed_page: bool,
    /// A page break came on or before the current line.
    seen_page_break: bool,
    /// The last line handed to the regions (not blank, not furniture).
    last_content: Option<usize>,
    /// The items from here on are in the closed part of the meeting ("Lukket møde").
    closed_part: bool,
    /// The lines before this index are the note under a part's heading ("Følgende
    /// punkter behandles for lukkede døre."): they belong to no item.
    part_note_until: Option<usize>,
    /// The open Bilag section names its attachments after the label ("Bilag: Notat …"),
    /// a line each.
    bilag_inline: bool,
    /// The open Bilag section lists its attachments with bullets: a line apart from the
    /// list without one names none (a web page's footer after the last item).
    bilag_bulleted: bool,
    /// The lines before this index are a listing of the items in the header.
    listing_end: usize,
    /// A listing of the items was looked for in the lines before this index.
    listing_looked_until: usize,
    /// The last line of each item heading's number from where a search for one found
    /// none.
    last_heading_of: Option<HashMap<&'l str, usize>>,
    /// How many of the open Bilag section's blocks name attachments, when text follows
    /// the names.
    bilag_names_end: Option<usize>,
    /// The meeting's date and time from a header line that names them without a field
    /// key ("tirsdag den 17. marts 2009 kl. 16.30", "Møde i KKR Nordjylland fredag den
    /// …"): used when no field gives them.
    header_when: Option<DateTime>,
    /// A later line already taken with an earlier one (a split heading's title, a case
    /// number under its label), passed over when its turn comes.
    taken_line: Option<usize>,
    furniture: Vec<Option<crate::furniture::Kind>>,
    max_item_depth: usize,
}

impl<'l, 'a> Builder<'l, 'a> {
    pub fn new(lines: &'l [Line<'a>], evidence: &crate::Evidence, limits: &crate::Limits) -> Self {
        Builder {
            max_item_depth: limits.max_item_depth,
            lines,
            agenda: Agenda::default(),
            region: Region::Preamble,
            blocks: BlockAccumulator::default(),
            preamble_section: None,
            closing_section: None,
            open_field: None,
            items: Vec::new(),
            section: None,
            section_heading_styled: false,
            pending_case: None,
            case_placement: CasePlacement::default(),
            toc_numbers: HashMap::default(),
            toc_cursor: 0,
            last_toc_page: None,
            used_numbers: HashSet::default(),
            outline_numbers: evidence.outline_numbers.iter().cloned().collect(),
            last_end: 0,
            prev_blank: true,
            pending_blank: false,
            after_title: false,
            title_may_continue: false,
            taken_line: None,
            header_when: None,
            closed_part: false,
            part_note_until: None,
            bilag_inline: false,
            bilag_bulleted: false,
            listing_end: 0,
            listing_looked_until: 0,
            last_heading_of: None,
            bilag_names_end: None,
            crossed_page: false,
            seen_page_break: false,
            last_content: None,
            furniture: crate::furniture::find(lines),
        }
    }

    pub fn run(mut self) -> Agenda {
        for index in 0..self.lines.len() {
            let line = &self.lines[index];
            if line.hints.page_break {
                self.crossed_page = true;
                self.seen_page_break = true;
            }
            if line.is_blank() {
                self.pending_blank = true;
                self.prev_blank = true;
                continue;
            }
            if self.taken_line == Some(index) {
                self.taken_line = None;
                self.last_end = line.span.end;
                self.pending_blank = false;
                self.prev_blank = false;
                continue;
            }
            if self.furniture(index) {
                self.crossed_page = true;
                continue;
            }
            if std::mem::take(&mut self.pending_blank) && !self.paragraph_runs_on(line) {
                self.blank();
            }
            if self.crossed_page && self.drawn_again(index) {
                continue;
            }
            self.crossed_page = false;
            self.last_content = Some(index);
            self.line(index);
            // A case line held for the next item belongs to that item, not this one.
            if self.pending_case.as_ref().is_none_or(|(_, i)| *i != index) {
                self.last_end = line.span.end;
            }
            self.prev_blank = false;
        }
        self.finish()
    }

    /// A line cut in two by a page break, which a renderer that slices its long page
    /// into sheets (wkhtmltopdf) draws at both the foot of one page and the top of the
    /// next: the same text in the same type on both sides of the break. The copy is
    /// kept as a diagnostic.
    fn drawn_again(&mut self, index: usize) -> bool {
        let Some(last) = self.last_content else {
            return false;
        };
        let (before, line) = (&self.lines[last], &self.lines[index]);
        let same_type = |a: &Hints, b: &Hints| {
            (a.heading_level, a.bold, a.bullet, a.size_ratio)
                == (b.heading_level, b.bold, b.bullet, b.size_ratio)
        };
        let repeated = line.text.len() >= MIN_LINE_DRAWN_AGAIN
            && line.text == before.text
            && same_type(&line.hints, &before.hints)
            && self.lines[last + 1..=index]
                .iter()
                .any(|l| l.hints.page_break);
        if repeated {
            self.agenda.diagnostics.push(
                Diagnostic::new(
                    DiagnosticCode::PageFurniture,
                    Severity::Info,
                    "a line cut by the page break, drawn again at the next page's top: the copy removed",
                    line.span,
                )
                .with_text(line.text.as_ref()),
            );
        }
        repeated
    }

    /// A paragraph cut by a page break goes on after the page's furniture: the text
    /// before the break did not end a sentence and the text after starts in lowercase.
    fn paragraph_runs_on(&self, next: &Line<'_>) -> bool {
        self.crossed_page
            && self.blocks.open_paragraph_unfinished()
            && next.text.chars().next().is_some_and(char::is_lowercase)
    }

    fn blank(&mut self) {
        self.blocks.blank();
        if let Some(open) = &mut self.open_field {
            open.blank_since = true;
        }
    }

    fn line(&mut self, index: usize) {
        match self.region {
            Region::Preamble => self.preamble_line(index),
            Region::Toc => {
                if self.toc_line(index) {
                    return;
                }
                // "Lukket møde", "Sager til orientering" between entries: the TOC groups
                // them as the body does its items. The heading is header text, and the
                // TOC goes on.
                if self.groups_toc_entries(index) {
                    // The TOC's "Lukkede punkter" closes none of the items that follow
                    // it in the body (its own heading there does).
                    let closed_part = self.closed_part;
                    self.preamble_line(index);
                    self.closed_part = closed_part;
                    self.close_preamble_section();
                    return;
                }
                self.region = Region::Preamble;
                self.preamble_line(index);
            }
            Region::Body => self.body_line(index),
            Region::Closing => self.closing_line(index),
        }
    }

    /// A line of the closing matter; an item heading after it returns to the items.
    fn closing_line(&mut self, index: usize) {
        let line = &self.lines[index];
        // (An appended attachment numbers its own headings: "1. Indledning" of a used
        // number is its text.)
        if let Some(heading) = item_heading(&line.text)
            && !self.used_numbers.contains(heading.number)
            && self.toc_title_allows(heading.number, heading.title)
            && self.accept_item(&heading, index)
        {
            self.close_closing_section();
            self.region = Region::Body;
            self.body_line(index);
            return;
        }
        if let Some(section) = &mut self.closing_section {
            section.span = section.span.cover(line.span);
        }
        self.push_content(index);
    }

    /// Some TOC entry has a page number.
    fn toc_has_pages(&self) -> bool {
        self.last_toc_page.is_some()
    }

    /// The TOC's entry of an item number.
    fn toc_entry(&self, number: &str) -> Option<&TocEntry> {
        self.toc_numbers
            .get(number)
            .and_then(|&at| self.agenda.toc.get(at))
    }

    /// Whether the last item is still right under its heading, with no case yet: no
    /// section, no text.
    fn awaits_its_case(&self) -> bool {
        self.section.is_none()
            && self.blocks.is_empty()
            && self
                .items
                .last()
                .is_some_and(|i| i.case.is_none() && i.body.is_empty())
    }

    /// Whether a heading's title may be the TOC's item of that number: the TOC has no
    /// such entry, or its title starts with the same word ("4. Anbefalinger" in an
    /// appended report is not "4. Evaluering af Sundhedshus Lyngbæk").
    fn toc_title_allows(&self, number: &str, title: &str) -> bool {
        // ("MeddelelserSagsnr. 25/00219": the case glued on is not the title's.)
        let title = split_glued_case(title).map_or(title, |(title, _)| title);
        self.toc_entry(number)
            .is_none_or(|entry| first_words_agree(&entry.title, title))
    }

    /// A title word alone ("Dagsorden") on the front page, before any title and any
    /// page break, that the pages after it repeat as their footer: the front page,
    /// printed without the footer, has it as its title.
    fn front_page_title(&self, index: usize, kind: crate::furniture::Kind) -> bool {
        kind == crate::furniture::Kind::RunningHeader
            && self.region == Region::Preamble
            && self.agenda.title.is_none()
            && !self.seen_page_break
            && title_line(&self.lines[index].text).is_some_and(|t| t.rest.is_empty())
    }

    /// The case number first in the row under a row of case field labels (see
    /// [`case_label_row`]), read with the row's case label.
    fn case_under_label_row(&self, index: usize, label: &str) -> Option<CaseRef> {
        let values_index = self.next_content_index(index)?;
        let values = &self.lines[values_index];
        let first = values.text.split_whitespace().next()?;
        let joined = format!("{label} {first}");
        let case = case_line(&joined)?;
        Some(case_ref(&case, &joined, values.span))
    }

    /// A heading typed in capitals ("Pkt. 2   BUDGETOPFØLGNING PR. 28. FEBRUAR 2003")
    /// that the TOC lists in ordinary case: the TOC's title, as a reader writes it. (The
    /// heading's span keeps where the capitals stand.)
    fn toc_casing(&self, item: &Item) -> Option<String> {
        let title = item.title.as_str();
        let mut letters = title.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek()?;
        if !letters.all(char::is_uppercase) {
            return None;
        }
        let entry = self.toc_entry(&item.number)?;
        (entry.title.chars().any(char::is_lowercase) && same_ignoring_case(&entry.title, title))
            .then(|| entry.title.clone())
    }

    /// Whether `text` goes on with the last item's title as the TOC's entry of its
    /// number prints it ("… - Syddansk" / "Tekniske Skole" under an entry of the whole
    /// title): the TOC says the heading was wrapped, where the wrapped line alone,
    /// capitalised, would read as text.
    fn completes_toc_title(&self, text: &str) -> bool {
        let Some(item) = self.items.last() else {
            return false;
        };
        let Some(entry) = self.toc_entry(&item.number) else {
            return false;
        };
        let (title, listed) = (item.title.as_str(), entry.title.as_str());
        let joined_len = title.len() + 1 + text.len();
        listed.len() >= joined_len
            && listed.is_char_boundary(title.len())
            && listed.is_char_boundary(joined_len)
            && same_ignoring_case(&listed[..title.len()], title)
            && listed[title.len()..].starts_with(' ')
            && same_ignoring_case(&listed[title.len() + 1..joined_len], text)
            && listed[joined_len..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }

    /// A case line's label alone ("Sagsnr.:") with the number on the next line, or
    /// after one blank line: text extractors that write each table cell as a paragraph
    /// of its own (pdfminer) set a blank line between the label's cell and the value's.
    /// A case label without its colon takes the number too: a definition list's term
    /// ("Sagsnr." / "    24/00412", pandoc's plain text), a table's cells a line each
    /// ("Sagsnr." / "19/00412", docx2txt, pdftotext).
    fn case_over_two_lines(&self, index: usize) -> Option<(CaseRef, usize)> {
        let label = &self.lines[index];
        if label.text.len() > MAX_CASE_LABEL {
            return None;
        }
        let mut value_index = if self.lines.get(index + 1)?.is_blank() {
            index + 2
        } else {
            index + 1
        };
        // Every case number has a digit (most lines asked are text without one). Under
        // "Sagsnr." a line without one may be the next label: "Sagsansvarlig" /
        // "Åben/Lukket", then the values in the same order (a table read a column at a
        // time, pdftotext's reading order), the first value under the labels the number.
        let has_digit = |at: usize| {
            self.lines
                .get(at)
                .is_some_and(|l| l.text.bytes().any(|b| b.is_ascii_digit()))
        };
        // (Cheapest first: a label alone has no digit either.)
        if !has_digit(index) && !has_digit(value_index) && is_case_label(&label.text) {
            let after = self.lines.get(value_index..).unwrap_or_default();
            let labels = after.iter().take_while(|l| is_field_label(&l.text)).count();
            if labels > 0 {
                let blanks = after[labels..].iter().take_while(|l| l.is_blank()).count();
                value_index += labels + blanks;
            }
        }
        let value = self.lines.get(value_index)?;
        if value.is_blank()
            || value.text.len() > MAX_CASE_LABEL * 2
            || !has_digit(value_index)
            || !(label.text.ends_with(':') || is_case_label(&label.text))
        {
            return None;
        }
        let joined = format!("{} {}", label.text, value.text);
        let case = case_line(&joined)?;
        Some((
            case_ref(&case, &joined, label.span.cover(value.span)),
            value_index,
        ))
    }

    /// Whether the TOC has an entry of the heading's number, not yet used, whose title
    /// is the heading's or the start of it (a TOC may shorten a title).
    fn toc_lists_as_titled(&self, heading: &ItemHeading<'_>) -> bool {
        let title = strip_closed_marker(heading.title).0;
        !self.used_numbers.contains(heading.number)
            && self.toc_entry(heading.number).is_some_and(|entry| {
                let (shorter, longer) = if entry.title.len() <= title.len() {
                    (entry.title.as_str(), title)
                } else {
                    (title, entry.title.as_str())
                };
                shorter.len() >= MIN_TOC_TITLE_MATCH
                    && longer
                        .get(..shorter.len())
                        .is_some_and(|start| same_ignoring_case(start, shorter))
            })
    }

    /// "Underskriftsside" standing alone after an item, or an attachment appended to the
    /// document ("Bilag 1: Notat om praktikpladser" in heading type at a page's top): the
    /// items are over.
    fn starts_closing(&self, index: usize) -> bool {
        let line = &self.lines[index];
        let text = line.text.as_ref();
        if self.items.is_empty() {
            return false;
        }
        let signatures = text.len() <= 20
            && matches!(text.as_bytes().first(), Some(b'u' | b'U'))
            && (self.prev_blank || line.hints.page_break || line.hints.is_heading())
            && CLOSING_HEADINGS
                .iter()
                .any(|h| crate::grammar::eq_ignoring_case(text, h));
        signatures
            || (line.hints.is_strong_heading()
                && is_numbered_attachment(text)
                && self.at_page_top(index))
            || (self.stamps_an_attachment_of_the_item(text) && self.at_page_top(index))
            || self.opens_an_attachment_of_the_item(index)
    }

    /// "Bilag 3.1" alone near a page's top (under a letterhead, perhaps) with a heading
    /// under it ("NOTAT"): item 3's attachment merged in after it, a document of its own.
    fn opens_an_attachment_of_the_item(&self, index: usize) -> bool {
        let text = self.lines[index].text.as_ref();
        let Some(item) = self.items.last() else {
            return false;
        };
        let Some(number) = crate::grammar::prefix_ignoring_case(text, "bilag ")
            .map(|len| text[len..].trim_end_matches(['.', ':']))
        else {
            return false;
        };
        number
            .strip_prefix(item.number.as_str())
            .and_then(|n| n.strip_prefix('.'))
            .is_some_and(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
            && self.within_page_top(index, MAX_LETTERHEAD_LINES)
            && self
                .next_content(index)
                .is_some_and(|l| l.hints.is_heading())
    }

    /// Whether at most `lines` lines of content (a letterhead's) stand between this line
    /// and a page break (blank lines and page furniture do not count).
    fn within_page_top(&self, index: usize, lines: usize) -> bool {
        let mut above = 0;
        for i in (0..=index).rev() {
            let line = &self.lines[i];
            if line.hints.page_break {
                return true;
            }
            if i != index && !line.is_blank() && !self.is_furniture(i) {
                above += 1;
                if above > lines {
                    return false;
                }
            }
        }
        false
    }

    /// "Bilag: 2.1 Budgetnotat 2020-2023" under item 2: the stamp a meeting system puts
    /// on the pages of an item's attachment, merged into the document after it.
    fn stamps_an_attachment_of_the_item(&self, text: &str) -> bool {
        // Every line of the items is asked: the first byte settles almost all.
        if !matches!(text.as_bytes().first(), Some(b'b' | b'B')) {
            return false;
        }
        let Some(item) = self.items.last() else {
            return false;
        };
        let Some(len) = crate::grammar::prefix_ignoring_case(text, "bilag") else {
            return false;
        };
        let rest = text[len..].trim_start_matches([':', ' ']);
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, name) = rest.split_at(number_len);
        let name = name.trim_start_matches([':', ' ', '-', '–']);
        number
            .strip_prefix(item.number.as_str())
            .and_then(|n| n.strip_prefix('.'))
            .is_some_and(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
            && name.chars().next().is_some_and(char::is_alphabetic)
    }

    /// Whether only blank lines and page furniture stand between this line and a page
    /// break.
    fn at_page_top(&self, index: usize) -> bool {
        self.within_page_top(index, 0)
    }

    fn close_closing_section(&mut self) {
        if let Some(mut section) = self.closing_section.take() {
            section.text = blocks_text(&self.blocks.finish());
            self.agenda.closing.push(section);
        }
    }

    /// Page labels, bare page numbers, running headers and web chrome are removed from
    /// the text, kept as diagnostics.
    fn furniture(&mut self, index: usize) -> bool {
        let line = &self.lines[index];
        if let Some(kind) = self.furniture.get(index).copied().flatten()
            && !self.front_page_title(index, kind)
        {
            let message = match kind {
                crate::furniture::Kind::RunningHeader => "running page header/footer removed",
                crate::furniture::Kind::WebChrome => "web page chrome removed",
            };
            self.agenda.diagnostics.push(
                Diagnostic::new(
                    DiagnosticCode::PageFurniture,
                    Severity::Info,
                    message,
                    line.span,
                )
                .with_text(line.text.as_ref()),
            );
            return true;
        }
        // A header or footer with its page at the end, set off by a gap.
        let furniture = furniture_of_line(&line.text, line.hints.bullet).or_else(|| {
            // (Not asked of a TOC entry, led by its number: its page ends it too.)
            let toc_entry = self.region == Region::Toc
                && line.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
            (line.hints.wide_gap && !toc_entry)
                .then(|| ends_with_page_label(&line.text))
                .flatten()
                .map(Furniture::PageLabel)
        });
        let (code, message) = match furniture {
            Some(Furniture::PageLabel(n)) => (
                DiagnosticCode::PageFurniture,
                format!("page label (page {n}) removed"),
            ),
            // A heading's wrapped tail in the heading's type ("… i dagtilbud" / "2024").
            Some(Furniture::BareNumber(_))
                if self.title_may_continue && self.continues_heading_type(index) =>
            {
                return false;
            }
            // A bullet item's wrapped tail, hung under its text ("• … 1. kvartal" /
            // "2025").
            Some(Furniture::BareNumber(_)) if self.hangs_under_a_bullet(index) => return false,
            Some(Furniture::BareNumber(n)) => {
                // In a TOC a lone number may be the page of a wrapped entry.
                if self.region == Region::Toc
                    && let Some(entry) = self.agenda.toc.last_mut()
                    && entry.page.is_none()
                {
                    entry.page = Some(n);
                    entry.span = entry.span.cover(line.span);
                    self.last_toc_page = Some(n);
                    self.extend_toc_span(line.span);
                    return true;
                }
                (
                    DiagnosticCode::StrayPageNumber,
                    format!("bare page number {n} removed"),
                )
            }
            None => return false,
        };
        self.agenda.diagnostics.push(
            Diagnostic::new(code, Severity::Info, message, line.span).with_text(line.text.as_ref()),
        );
        true
    }

    // ---- preamble -------------------------------------------------------------------

    fn preamble_line(&mut self, index: usize) {
        if index < self.listing_end {
            self.preamble_text(index);
            return;
        }
        let line = &self.lines[index];
        let text = line.text.as_ref();
        let after_title = std::mem::take(&mut self.after_title);

        if let Some(entry) = toc_line(text, line.hints.gap_before_last_word)
            && (entry.leader || entry.page.is_some())
            && !line.hints.is_strong_heading()
        {
            self.close_preamble_section();
            self.region = Region::Toc;
            self.push_toc_entry(entry.number, entry.title, entry.page, line.span);
            return;
        }
        if let Some(heading) = item_heading(text) {
            let accepted = self.accept_item(&heading, index);
            // A web page lists the items ("Punkt 1: …" line after line) before it gives
            // them one by one, and minutes written by hand list them under "Dagsorden:"
            // ("1) Godkendelse af dagsorden", a number a heading needs styling for
            // elsewhere): that list is the TOC.
            if (accepted || heading.bare || line.hints.bullet)
                && self.agenda.toc.is_empty()
                && self.listing_of_items(index, heading.number).is_some()
            {
                self.close_preamble_section();
                self.region = Region::Toc;
                self.push_toc_entry(heading.number, heading.title, None, line.span);
                return;
            }
            // After a TOC, a listing of the items with what was decided on each
            // ("Beslutningsoversigt": "1. Godkendelse af dagsorden: Godkendt.", in a PDF
            // a paragraph each) is text of the header, not the items.
            if accepted
                && !self.agenda.toc.is_empty()
                && let Some(end) = self.listing_of_items(index, heading.number)
            {
                self.listing_end = end;
                self.preamble_text(index);
                return;
            }
            if accepted {
                self.close_preamble_section();
                self.region = Region::Body;
                self.start_item(&heading, line.span, line.hints.wide_gap);
                self.title_may_continue = true;
                return;
            }
        }
        if let Some((heading, title_index)) = self.split_item_heading(index)
            && self.accept_item(&heading, index)
        {
            self.close_preamble_section();
            self.region = Region::Body;
            self.start_split_item(&heading, index, title_index);
            return;
        }
        if let Some((number, _)) = self.heading_of_the_next_entry(index) {
            self.close_preamble_section();
            self.region = Region::Body;
            self.start_unnumbered_item(&number, index);
            return;
        }
        if let Some((_, case_index)) = self.pending_case.take() {
            // The line after the case line was not an item heading: both are text.
            self.last_end = self.lines[case_index].span.end;
            self.preamble_text(case_index);
        }
        if let Some(case) = case_line(text)
            && self.next_is_item_heading(index)
        {
            // KLE numbers and "Sagnr." stand before the first item's heading too.
            self.close_preamble_section();
            self.case_placement.before_first_item = true;
            let case = case_ref(&case, text, line.span);
            self.pending_case = Some((case, index));
            return;
        }
        if self.agenda.title.is_none()
            && self.agenda.items.is_empty()
            && let Some(title) = title_line(text)
        {
            self.take_title(title.kind, text, line.span);
            if let Some(sentence) = title.sentence {
                // The sentence names the organisation: a line taken for it before is
                // kept as text of the header, not dropped. ("Referat af mødet den …"
                // names none: the line before stays the organisation.)
                if !sentence.organisation.is_empty()
                    && let (Some(earlier), Some(span)) = (
                        self.agenda.organisation.take(),
                        self.agenda.organisation_span.take(),
                    )
                {
                    // In its place among the header's sections, which may have come
                    // after it.
                    let at = self
                        .agenda
                        .preamble
                        .partition_point(|p| p.span.start <= span.start);
                    self.agenda.preamble.insert(
                        at,
                        PreambleSection {
                            heading: None,
                            text: earlier,
                            span,
                        },
                    );
                }
                if !sentence.organisation.is_empty() {
                    self.agenda.organisation = Some(sentence.organisation.to_owned());
                    self.agenda.organisation_span = Some(line.span);
                }
                let when = date_time(sentence.when);
                let meeting = &mut self.agenda.meeting;
                meeting.date = when.date;
                meeting.time = when.time;
                meeting.end_time = when.end_time;
                meeting.place = sentence.place.map(str::to_owned);
            }
            self.after_title = true;
            return;
        }
        // "Søholm Kommune<gap>Dagsorden": the body's name and the title word in two cells
        // of a header table.
        if self.agenda.title.is_none()
            && self.agenda.items.is_empty()
            && line.hints.gap_before_last_word
            && let Some((name, word)) = text.rsplit_once(' ')
            && looks_like_name(name)
            && let Some(title) = title_line(word)
        {
            self.take_title(title.kind, word, line.span);
            if self.agenda.organisation.is_none() {
                self.agenda.organisation = Some(name.trim_end().to_owned());
                self.agenda.organisation_span = Some(line.span);
            }
            self.after_title = true;
            return;
        }
        if self.agenda.toc.is_empty() && is_toc_heading(text) {
            self.close_preamble_section();
            self.region = Region::Toc;
            self.extend_toc_span(line.span);
            return;
        }
        if self.agenda.toc.is_empty()
            && let Some(first) = glued_toc_heading(text)
            && let Some(entry) = toc_line(first, line.hints.gap_before_last_word)
        {
            // "Indholdsfortegnelse1. Fraværende": a web page's TOC heading run into its
            // first entry.
            self.close_preamble_section();
            self.region = Region::Toc;
            self.push_toc_entry(entry.number, entry.title, entry.page, line.span);
            return;
        }
        if self.field_line(index) {
            return;
        }
        if self.field_continuation(index) {
            return;
        }
        // A date line has a digit and is short; most header lines are neither.
        if self.header_when.is_none()
            && self.agenda.items.is_empty()
            && self.agenda.meeting.date.is_none()
            && text.len() <= MAX_DATE_LINE_BYTES
            && crate::grammar::has_digit(text)
        {
            // (A title's sentence after the title: "Referat" / "Referat af mødet i …
            // den 9. oktober 2024".)
            self.header_when = meeting_sentence(text)
                .or_else(|| title_line(text).and_then(|title| title.sentence))
                .map(|sentence| date_time(sentence.when))
                .filter(|when| when.date.is_some())
                .or_else(|| date_line(text).map(|when| self.with_time_below(index, when)));
        }
        // The organisation: a name right under or right above the title (positional
        // evidence, which web-page breadcrumbs above it do not disturb), or a capitalised
        // or styled line before anything else of the header.
        let beside_title = looks_like_name(text)
            && (after_title
                || self
                    .next_content(index)
                    .is_some_and(|n| title_line(&n.text).is_some()));
        let header_empty = self.agenda.preamble.is_empty() && self.preamble_section.is_none();
        if self.agenda.organisation.is_none()
            && self.agenda.meeting.fields.is_empty()
            && (beside_title || (header_empty && looks_like_organisation(line)))
        {
            self.agenda.organisation = Some(text.to_owned());
            self.agenda.organisation_span = Some(line.span);
            return;
        }
        if self.is_preamble_heading(index) {
            self.close_preamble_section();
            self.preamble_section = Some(PreambleSection {
                heading: Some(text.trim_end_matches(':').to_owned()),
                text: String::new(),
                span: line.span,
            });
            return;
        }
        self.preamble_text(index);
    }

    /// The document's title, and the kind its word names.
    fn take_title(&mut self, kind: DocumentKind, title: &str, span: Span) {
        self.close_preamble_section();
        self.agenda.kind = kind;
        self.agenda.title = Some(title.to_owned());
        self.agenda.title_span = Some(span);
    }

    /// Text in the preamble: into the open preamble section, or an un-headed one.
    fn preamble_text(&mut self, index: usize) {
        let span = self.lines[index].span;
        let section = self
            .preamble_section
            .get_or_insert_with(|| PreambleSection {
                heading: None,
                text: String::new(),
                span,
            });
        section.span = section.span.cover(span);
        self.push_content(index);
    }

    fn field_line(&mut self, index: usize) -> bool {
        let line = &self.lines[index];
        let Some(field) = field_line(&line.text) else {
            return false;
        };
        // Unknown keys count only as short header lines, not as sentences with a colon.
        if field.known.is_none()
            && (field.value.chars().count() > 120 || self.preamble_section.is_some())
        {
            return false;
        }
        self.close_preamble_section();
        self.agenda.meeting.fields.push(MeetingField {
            key: field.key.to_owned(),
            value: field.value.to_owned(),
            span: line.span,
        });
        self.open_field = Some(OpenField {
            index: self.agenda.meeting.fields.len() - 1,
            was_empty: field.value.is_empty(),
            blank_since: false,
        });
        true
    }

    /// Lines that continue the value of the field above: a list under `Deltagere:`, or a
    /// wrapped line right under a value.
    fn field_continuation(&mut self, index: usize) -> bool {
        let Some(open) = self.open_field else {
            return false;
        };
        let lines = self.lines;
        let line = &lines[index];
        // A list under a field with its value on the line is a list of its own ("Fraværende
        // Ulla Ravn (O)" / "* Hent samlet referat (PDF)").
        let continues = if open.was_empty {
            line.hints.bullet || !open.blank_since || self.first_value_apart(open, index)
        } else {
            !open.blank_since && !line.hints.is_heading() && !line.hints.bullet
        };
        if !continues {
            self.open_field = None;
            return false;
        }
        if let Some(field) = self.agenda.meeting.fields.get_mut(open.index) {
            if !field.value.is_empty() {
                field
                    .value
                    .push_str(if open.was_empty { "; " } else { " " });
            }
            field.value.push_str(&line.text);
            field.span = field.span.cover(line.span);
        }
        self.open_field = Some(OpenField {
            blank_since: false,
            ..open
        });
        true
    }

    /// The value of a label that has none yet, a blank line under it ("Mødedato:" / "" /
    /// "Tirsdag den 20. november 2018": docx2txt sets a blank line after every
    /// paragraph and table cell): a paragraph of one short line, no sentence, no
    /// heading.
    fn first_value_apart(&self, open: OpenField, index: usize) -> bool {
        let line = &self.lines[index];
        let text = line.text.as_ref();
        self.lines.get(index + 1).is_none_or(Line::is_blank)
            && text.chars().count() <= MAX_VALUE_APART_CHARS
            && !text.ends_with(['.', ':'])
            && !line.hints.is_heading()
            && self
                .agenda
                .meeting
                .fields
                .get(open.index)
                .is_some_and(|field| field.value.is_empty())
    }

    /// A preamble heading: styled as one, or a short line standing alone before text.
    fn is_preamble_heading(&self, index: usize) -> bool {
        let line = &self.lines[index];
        let text = line.text.as_ref();
        let short = text.split_whitespace().count() <= 5 && text.chars().count() <= 60;
        if line.hints.bullet || !short || text.ends_with(['.', ',', ';']) {
            return false;
        }
        if line.hints.is_heading() {
            return true;
        }
        let next = self.next_content(index);
        self.prev_blank
            && self.lines.get(index + 1).is_none_or(Line::is_blank)
            && next.is_some_and(|n| {
                n.text.chars().count() > text.chars().count() * 2 && is_running_text(n)
            })
            && text.chars().next().is_some_and(char::is_uppercase)
    }

    fn close_preamble_section(&mut self) {
        self.open_field = None;
        if let Some(mut section) = self.preamble_section.take() {
            section.text = blocks_text(&self.blocks.finish());
            self.agenda.preamble.push(section);
        }
    }

    // ---- table of contents ----------------------------------------------------------

    fn toc_line(&mut self, index: usize) -> bool {
        let line = &self.lines[index];
        let text = line.text.as_ref();
        if let Some(entry) = toc_line(text, line.hints.gap_before_last_word) {
            if self.toc_numbers.contains_key(entry.number) {
                return false; // the body repeats the first number: the TOC is over
            }
            // "8. Meddelelser 8" in a TOC whose entries have pages: the page after a
            // single space (pandoc's TOC, the page a link of its own in the entry's),
            // where it follows the last entry's page.
            let (title, page) = match entry.page {
                None => trailing_page(entry.title, self.last_toc_page)
                    .map_or((entry.title, None), |(title, page)| (title, Some(page))),
                page => (entry.title, page),
            };
            let plain_heading = !entry.leader && page.is_none();
            // In a listing without pages, a "TOC entry" with the item's case data or a
            // section under it is the first item's heading: the body has begun (a TOC
            // heading that text extraction put after its entries, which it could not read).
            if !self.toc_has_pages() && plain_heading && self.next_opens_an_item(index) {
                return false;
            }
            if self.toc_has_pages()
                && plain_heading
                && (line.hints.is_strong_heading() || self.next_is_structure(index))
                && !self.page_on_next_line(index)
            {
                return false;
            }
            // (Closes a run of the entries below, for an item's sections, before it.)
            self.close_preamble_section();
            self.push_toc_entry(entry.number, title, page, line.span);
            return true;
        }
        // The wrapped tail of an entry of a listing without pages: "halvår 2019", or
        // "Søby - endelig vedtagelse" with the next entry right after it.
        if !self.toc_has_pages()
            && !self.prev_blank
            && item_heading(text).is_none()
            && (is_title_continuation(text)
                // "  • 4. Forslag til … Nørre" / "    Skovlund og …": an entry of a
                // bulleted listing wrapped and hung under its text.
                || !line.hints.bullet && self.hangs_under_a_bullet(index)
                || meeting_part(text).is_none()
                    && !agenda_group(text)
                    && matches!(split_leader(text), (_, None, false))
                    && self.next_is_new_toc_entry(index)
                    && is_short_title_tail(text))
            && let Some(last) = self.agenda.toc.last_mut()
        {
            crate::paragraph::join_wrapped(&mut last.title, text);
            last.span = last.span.cover(line.span);
            self.extend_toc_span(line.span);
            return true;
        }
        // The wrapped tail of a long entry: "Nordjylland og KKR Nordjylland ..... 4".
        if let Some(last) = self.agenda.toc.last_mut()
            && last.page.is_none()
            && item_heading(text).is_none()
        {
            let (tail, page, leader) = split_leader(text);
            if leader || page.is_some() {
                crate::paragraph::join_wrapped(&mut last.title, tail);
                last.page = page;
                self.last_toc_page = page.or(self.last_toc_page);
                last.span = last.span.cover(line.span);
                self.extend_toc_span(line.span);
                return true;
            }
        }
        // A TOC generated from every heading level (wkhtmltopdf's, a word processor's
        // with its lower levels) lists the TOC itself and each item's sections, without
        // an item number: the sections' entries are text of the header (a run of them
        // in one section), and the TOC goes on.
        match unnumbered_toc_entry(line) {
            Some((title, _)) if self.agenda.toc.is_empty() && is_toc_heading(title) => {
                self.extend_toc_span(line.span);
                true
            }
            Some((_, page))
                if self.toc_has_pages()
                    && self.agenda.toc.last().and_then(|e| e.page) <= Some(page) =>
            {
                self.preamble_text(index);
                self.extend_toc_span(line.span);
                true
            }
            _ => false,
        }
    }

    /// Whether the next line is the wrapped tail of a TOC entry, with the entry's page
    /// ("Kommuneplan 2017 - endelig vedtagelse<tab>5").
    fn page_on_next_line(&self, index: usize) -> bool {
        self.next_content(index).is_some_and(|next| {
            let text = next.text.as_ref();
            set_off_page(next).is_some()
                && toc_line(text, next.hints.gap_before_last_word).is_none()
                && item_heading(text).is_none()
        })
    }

    /// A group's heading between two entries of the TOC.
    fn groups_toc_entries(&self, index: usize) -> bool {
        let text = self.lines[index].text.as_ref();
        (meeting_part(text).is_some() || agenda_group(text)) && self.next_is_new_toc_entry(index)
    }

    /// Whether the next line is an entry of the TOC with a number it has not had, or a
    /// group's heading over one.
    fn next_is_new_toc_entry(&self, index: usize) -> bool {
        let mut at = index;
        // (A group's heading or two stand between entries; looking on past more for
        // every line of a long run of them would be quadratic.)
        for _ in 0..=MAX_GROUP_HEADINGS_BETWEEN_ENTRIES {
            let Some(next) = self.next_content_index(at) else {
                return false;
            };
            let line = &self.lines[next];
            if let Some(entry) = toc_line(&line.text, line.hints.gap_before_last_word) {
                return !self.toc_numbers.contains_key(entry.number);
            }
            if meeting_part(&line.text).is_none() && !agenda_group(&line.text) {
                return false;
            }
            at = next;
        }
        false
    }

    fn push_toc_entry(&mut self, number: &str, title: &str, page: Option<u32>, span: Span) {
        let at = self.agenda.toc.len();
        self.toc_numbers.entry(number.to_owned()).or_insert(at);
        self.last_toc_page = page.or(self.last_toc_page);
        // "1. 1\. Godkendelse af dagsorden" (html2text's ordered list of items that carry
        // their numbers): the item's number once more before its title.
        let title = title
            .strip_prefix(number)
            .and_then(|rest| rest.strip_prefix(". "))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(title);
        // The TOC names items as the body does: without "Lukket punkt:" or a case number.
        let (title, _) = strip_closed_marker(title);
        let (title, _) = split_trailing_case(title);
        self.agenda.toc.push(TocEntry {
            number: number.to_owned(),
            title: title.to_owned(),
            page,
            span,
        });
        self.extend_toc_span(span);
    }

    fn extend_toc_span(&mut self, span: Span) {
        self.agenda.toc_span = Some(self.agenda.toc_span.map_or(span, |s| s.cover(span)));
    }

    // ---- body -----------------------------------------------------------------------

    fn body_line(&mut self, index: usize) {
        let line = &self.lines[index];
        let text = line.text.as_ref();

        if let Some(until) = self.part_note_until {
            if index < until {
                self.agenda.diagnostics.push(
                    Diagnostic::new(
                        DiagnosticCode::UnplacedText,
                        Severity::Info,
                        "a note under the heading of a part of the meeting, before its items",
                        line.span,
                    )
                    .with_text(text),
                );
                return;
            }
            self.part_note_until = None;
        }

        if self.starts_closing(index) {
            self.start_closing_matter(text, line.span);
            return;
        }
        if let Some(heading) = item_heading(text) {
            // "1. Baggrund", "4. Indstilling" inside item 45: a section numbered within
            // its item, not an item.
            if let Some(section) = self.numbered_section(&heading) {
                self.start_section(section, heading.title, line.span, line.hints.is_heading());
                return;
            }
            let depth = heading.number.split('.').count();
            if depth > self.max_item_depth {
                self.agenda.diagnostics.push(Diagnostic::new(
                    DiagnosticCode::NestingTooDeep,
                    Severity::Warning,
                    format!(
                        "an item number {depth} levels deep (limit {}): the line is kept as text",
                        self.max_item_depth
                    ),
                    line.span,
                ));
            } else if self.accept_item(&heading, index) {
                self.start_item(&heading, line.span, line.hints.wide_gap);
                self.title_may_continue = true;
                return;
            }
        }
        if let Some((heading, title_index)) = self.split_item_heading(index)
            && heading.number.split('.').count() <= self.max_item_depth
            && self.accept_item(&heading, index)
        {
            self.start_split_item(&heading, index, title_index);
            return;
        }
        if let Some((number, _)) = self.heading_of_the_next_entry(index) {
            self.start_unnumbered_item(&number, index);
            return;
        }
        // "Sagsnr.  Sagsbehandler" over "18/21877  Lone Kjær Madsen": a table's header
        // row of case fields under the heading, the values in the row under it. Both
        // rows stay the item's text; the number is its case.
        if self.awaits_its_case()
            && let Some(label) = case_label_row(text)
        {
            self.title_may_continue = false;
            if let Some(case) = self.case_under_label_row(index, label)
                && let Some(item) = self.items.last_mut()
            {
                item.case = Some(case);
                self.case_placement.at_heading = true;
            }
            self.push_content(index);
            return;
        }
        if std::mem::take(&mut self.title_may_continue)
            && !is_access_marker(text)
            && (is_title_continuation(text)
                || (is_short_title_tail(text) && self.next_is_structure(index))
                || self.continues_heading_type(index)
                || self.completes_toc_title(text))
            && access_field(text).is_none()
            && case_line_with_access_marker(text).is_none()
            // "Åbent punkt · Sagsnr.: …": the badge before the item's fields.
            && split_access_marker(text).is_none()
            // "Sagsnr.: –  Sagsbehandler: …": the item's fields, with or without a number.
            && !starts_with_case_label(text)
            && let Some(item) = self.items.last_mut()
        {
            join_title_line(&mut item.title, line);
            item.heading_span = item.heading_span.cover(line.span);
            item.span = item.span.cover(line.span);
            // "… 12ab" / "Ravnsø Markjorder (Lukket punkt)": the marker ends the whole
            // title, wrapped or not.
            if text.ends_with(')')
                && let (title, true) = strip_closed_marker(&item.title)
            {
                item.title = title.to_owned();
                item.open = false;
            }
            // The case number in parentheses ends the whole title, wrapped or not; so
            // does one beside the title's last line, after a wide gap.
            let split = match split_trailing_case(&item.title) {
                (_, None) if line.hints.wide_gap => split_gapped_case(&item.title),
                (title, id) => id.map(|id| (title, id)),
            };
            if item.case.is_none()
                && let Some((title, id)) = split
            {
                let case = case_from_title(id, &item.title[title.len()..], line.span);
                item.title = title.to_owned();
                item.case = Some(case);
                self.case_placement.at_heading = true;
            }
            self.title_may_continue = true;
            return;
        }
        if self.section.is_none()
            && self.blocks.is_empty()
            && let Some(item) = self.items.last_mut()
            && item.body.is_empty()
        {
            // "Lukket punkt" / "Åbent punkt" on the line under the heading.
            let closed = is_closed_marker(text);
            if closed || is_open_marker(text) {
                item.open &= !closed;
                item.heading_span = item.heading_span.cover(line.span);
                return;
            }
            // "Åbent punkt · Sagsnr. 24/17950 · Sagsansvarlig: Lene Holt": the marker and
            // the case line on one line.
            // (Only where the item has no case yet: a case line held before its heading
            // gave it one, and this line then stays the item's text.)
            let marked_case = split_access_marker(text)
                .and_then(|(closed, rest)| case_line(rest).map(|case| (case, closed)))
                // "Sagsnr.: 17.01.10-P05-2-21 Åbent punkt": the case line and the marker
                // after it.
                .or_else(|| case_line_with_access_marker(text));
            if let Some((case, closed)) = marked_case {
                item.open &= !closed;
                if item.case.is_none() {
                    item.case = Some(case_ref(&case, text, line.span));
                    item.span = item.span.cover(line.span);
                    self.case_placement.at_heading = true;
                    return;
                }
            }
            // "Lukket sag. Sagen behandles for lukkede døre …": closed, the sentence
            // kept as the item's text.
            if starts_with_closed_marker(text) {
                item.open = false;
            }
        }
        // "Lukket punkt" alone after the item's own fields ("Sagsansvarlig:" / "Plan og
        // Erhverv", a table's cells a line each), before any section: the item is closed,
        // and the line stays its text.
        if self.section.is_none()
            && is_closed_marker(text)
            && let Some(item) = self.items.last_mut()
        {
            item.open = false;
        }
        // "Status: Lukket punkt" among the fields under the heading: the item is closed,
        // and the line stays its text.
        if self.section.is_none()
            && let Some(closed) = access_field(text)
            && let Some(item) = self.items.last_mut()
        {
            item.open &= !closed;
        }
        // The heading after a held case line was not an item after all: it is text.
        self.release_pending_case();
        // "Sagsnr.:" and "25/02117" a line each (a table's cells in a text export) right
        // under the heading: the item's case, both lines taken.
        if self.awaits_its_case()
            && let Some((case, value_index)) = self.case_over_two_lines(index)
            && let Some(item) = self.items.last_mut()
        {
            item.case = Some(case);
            item.span = item.span.cover(self.lines[value_index].span);
            self.case_placement.at_heading = true;
            self.taken_line = Some(value_index);
            return;
        }
        if let Some(case) = case_line(text) {
            let case = case_ref(&case, text, line.span);
            if self.awaits_its_case()
                && let Some(item) = self.items.last_mut()
            {
                item.case = Some(case);
                self.case_placement.at_heading = true;
                return;
            }
            if self.next_is_item_heading(index) {
                self.pending_case = Some((case, index));
                return;
            }
            // Nothing but a group heading ("Sager til orientering"), a meeting part or
            // the document's end after it: the case line can only end its own item.
            if self
                .next_content(index)
                .is_none_or(|next| agenda_group(&next.text) || meeting_part(&next.text).is_some())
                && !self.items.is_empty()
            {
                self.case_placement.ending_items.push(case);
                self.last_end = line.span.end;
                return;
            }
        }
        // "Forvaltningen indstiller" in heading type, its "at …" clauses under it: the
        // recommendation's section, headed by who recommends.
        if line.hints.is_heading()
            && !self.items.is_empty()
            && is_recommender_heading(text)
            && !self.in_section(SectionKind::Indstilling)
        {
            self.start_section(
                SectionKind::Indstilling,
                text.trim_end_matches(':'),
                line.span,
                true,
            );
            return;
        }
        // A table row first: "Beslutning | Regionsrådet godkendte …:" read whole would be
        // a qualified heading ending in a colon.
        let heading = line
            .hints
            .wide_gap
            .then(|| heading_in_table_row(text))
            .flatten()
            .or_else(|| section_heading(text));
        // "Lukkede punkter" in heading type with a note under it, then the part's items:
        // the heading and the note have no place in the item before them.
        if self.prev_blank
            && line.hints.is_heading()
            && !self.items.is_empty()
            && let Some(closed) = meeting_part(text)
            && let Some(first_item) = self.item_heading_after_a_note(index)
        {
            self.closed_part = closed;
            self.part_note_until = Some(first_item);
            self.group_heading(index);
            return;
        }
        // "Sager til orientering", "Udvalget for regional udvikling" right above an item:
        // it groups the items after it, and has no place in any of them.
        if self.prev_blank
            && !self.items.is_empty()
            && text.len() <= MAX_GROUP_HEADING_BYTES
            && !line.hints.bullet
            && (agenda_group(text)
                || (line.hints.is_heading()
                    && text.chars().any(char::is_alphabetic)
                    && heading.is_none()))
            && self.groups_items(index)
        {
            // "Lukkede punkter" as such a heading closes the items after it, as it does
            // as a line of text.
            if let Some(closed) = meeting_part(text) {
                self.closed_part = closed;
            }
            self.group_heading(index);
            return;
        }
        if let Some(heading) = heading {
            // A qualified heading is a sentence's start unless it stands alone, or names
            // a meeting's date with the decision starting anew on the next line. Right
            // under an attachment it is the next attachment's name ("Tidsplan for
            // byggeriet"), and so it is apart from it in plain type under a Bilag
            // heading in heading type, unless it is a decision's.
            // So is one with nothing under it before the next item: "Høringssvar fra
            // Ældrerådet af 27.10.2008", the last of a list of names a paragraph each.
            let listed_attachment = heading.qualified
                && self.in_section(SectionKind::Bilag)
                && (!self.prev_blank
                    || (self.section_heading_styled || self.bilag_inline)
                        && !line.hints.is_heading()
                        && heading.kind != SectionKind::Beslutning
                        && !ends_with_meeting_date(heading.heading)
                    || heading.inline.is_none()
                        && !line.hints.is_heading()
                        && self
                            .next_content(index)
                            .is_none_or(|next| item_heading(&next.text).is_some()));
            // "Beslutning: Indstillingen godkendt." under Sagens tidligere behandling
            // quotes an earlier meeting's decision.
            let quoted_decision =
                heading.inline.is_some() && self.in_section(SectionKind::Sagsforlob);
            // "… foreslår følgende" / "tidsplan:": a lowercase word that goes on with an
            // unfinished sentence is its end, not a heading.
            let ends_a_sentence = !self.prev_blank
                && text.chars().next().is_some_and(char::is_lowercase)
                && self.blocks.open_paragraph_unfinished();
            // "Beslutning" and right under it "Kultur- og Fritidsudvalget den 10.
            // september 2024:": the line names who decided, and when, in the decision.
            let names_who_decided = heading.kind == SectionKind::Beslutning
                && self.in_section(SectionKind::Beslutning)
                && self.blocks.is_empty()
                && crate::grammar::prefix_ignoring_case(heading.heading, "beslutning").is_none();
            let standalone = !listed_attachment
                && !quoted_decision
                && !names_who_decided
                && !ends_a_sentence
                && (!heading.qualified
                    || line.hints.is_heading()
                    || self.lines.get(index + 1).is_none_or(Line::is_blank)
                    || ends_with_meeting_date(heading.heading)
                        && (heading.inline.is_some()
                            || self.lines.get(index + 1).is_some_and(starts_anew)));
            if standalone && !line.hints.bullet && !self.items.is_empty() {
                // "Bilag: Notat (åben)" line after line: one Bilag section, an attachment
                // a line.
                if heading.kind == SectionKind::Bilag
                    && let Some(inline) = heading.inline
                    && self.section.as_ref().is_some_and(|s| {
                        s.kind == SectionKind::Bilag && s.heading == heading.heading
                    })
                {
                    self.blocks.blank();
                    self.blocks.text(line, inline);
                    return;
                }
                self.start_section(
                    heading.kind,
                    heading.heading,
                    line.span,
                    line.hints.is_heading(),
                );
                self.bilag_inline = heading.kind == SectionKind::Bilag && heading.inline.is_some();
                if let Some(inline) = heading.inline {
                    self.blocks.text(line, inline);
                }
                return;
            }
        }
        // "## Åbningstider" in a web page's footer after the last item, where the items
        // are "## Punkt 9 - Eventuelt" and their sections "### Beslutning": a heading at
        // the items' level is no section of theirs, and with no item after it the
        // agenda's items are over.
        if let Some(level) = line.hints.heading_level
            && let Some(item_level) = self.items_heading_level()
            && level <= item_level
            && !self.item_heading_follows(index, item_level)
        {
            self.start_closing_matter(text, line.span);
            return;
        }
        if line.hints.is_strong_heading()
            && !line.hints.bullet
            && !self.items.is_empty()
            // A pull quote in large type ("»Vi holder skatten i ro …" and its wrapped
            // lines) is no heading: headings start with neither a quotation mark nor
            // a lowercase letter.
            && text.starts_with(|c: char| !c.is_lowercase() && !matches!(c, '»' | '«' | '„' | '“' | '"'))
            && !agenda_group(text)
            && meeting_part(text).is_none()
            && !self.groups_items(index)
            && text.chars().count() <= 80
            && !text.ends_with(['.', ',', ';'])
        {
            self.start_section(
                SectionKind::Other,
                text.trim_end_matches(':'),
                line.span,
                line.hints.is_heading(),
            );
            return;
        }
        if self.is_plain_section_heading(index) {
            self.start_section(SectionKind::Other, text, line.span, line.hints.is_heading());
            return;
        }
        if self.items.is_empty() {
            // The body region begins with an item; a line that ever arrived before one
            // is kept as an unplaced-text diagnostic rather than dropped.
            self.unplaced(line);
            return;
        }
        self.push_content(index);
    }

    /// After the last item: the items are closed, and the closing matter begins under
    /// `heading` (a signature page's, a web page footer's).
    fn start_closing_matter(&mut self, heading: &str, span: Span) {
        while !self.items.is_empty() {
            self.close_item();
        }
        self.region = Region::Closing;
        self.closing_section = Some(PreambleSection {
            heading: Some(heading.trim_end_matches(':').to_owned()),
            text: String::new(),
            span,
        });
    }

    /// The Markdown level of the last item's heading, where its open section's heading
    /// is marked deeper: a heading at that level or above ranks with the items, not
    /// under them. (Where sections share the items' level, a heading outside the
    /// vocabulary may still be one of theirs.)
    fn items_heading_level(&self) -> Option<u8> {
        let (item, section) = (self.items.last()?, self.section.as_ref()?);
        let level_at = |span: Span| {
            let at = self.lines.partition_point(|l| l.span.start < span.start);
            self.lines
                .get(at)
                .filter(|l| l.span.start == span.start)
                .and_then(|l| l.hints.heading_level)
        };
        let item_level = level_at(item.heading_span)?;
        (level_at(section.heading_span)? > item_level).then_some(item_level)
    }

    /// Whether an item heading marked at the items' Markdown `level` stands after `index`.
    fn item_heading_follows(&self, index: usize, level: u8) -> bool {
        self.lines[index + 1..]
            .iter()
            .any(|l| l.hints.heading_level == Some(level) && item_heading(&l.text).is_some())
    }

    /// A heading outside the vocabulary in unstyled text ("Problemstilling", "Løsning"):
    /// a few capitalised words standing alone between blank lines, followed by running
    /// text. Not inside a Beslutning, where a one-word decision ("Godkendt") stands alone.
    fn is_plain_section_heading(&self, index: usize) -> bool {
        let line = &self.lines[index];
        let text = line.text.as_ref();
        // The cheap conditions first: most lines are running text, not standing alone.
        if !self.prev_blank || text.len() > 160 {
            return false;
        }
        // Alone between blank lines, or a bold line right above text that is not bold (a
        // PDF's heading at body size: "Konsekvenser" / "Projektet medfører …").
        let next = self.lines.get(index + 1);
        let alone = next.is_none_or(Line::is_blank);
        // (Not a table's header row over its rows: "Anvendelse    Beløb", alone or not.)
        let bold_above_text = line.hints.bold && next.is_some_and(|n| !n.hints.bold);
        // Or a word or two right above a bulleted list ("Meddelelser" / "• Formanden
        // orienterede om …"): a list's lead-in ends in a colon or goes on as a sentence.
        // (Its words counted last, and only to three: many lines stand above lists.)
        let above_a_list = || {
            next.is_some_and(|n| n.hints.bullet && !n.is_blank())
                && text.split_whitespace().nth(2).is_none()
        };
        if line.hints.wide_gap {
            return false;
        }
        let above_a_list = !alone && !bold_above_text && above_a_list();
        if !alone && !bold_above_text && !above_a_list {
            return false;
        }
        let in_decision = self.in_section(SectionKind::Beslutning);
        // A paragraph standing alone ends a sentence: looked at before its words are.
        !line.hints.bullet
            && (!text.ends_with(['.', ',', ':', ';', '!', '?', ')'])
                // A question as a heading: "Hvad skal udvalget beslutte?"
                || text.ends_with('?') && text.starts_with("Hv"))
            && !in_decision
            && !self.items.is_empty()
            && text.chars().count() <= 40
            && (1..=4).contains(&text.split_whitespace().count())
            && text.chars().next().is_some_and(char::is_uppercase)
            && !text.chars().any(|c| c.is_ascii_digit())
            && !is_access_marker(text)
            && access_field(text).is_none()
            && !text
                .split(' ')
                .next()
                .is_some_and(|first| crate::vocabulary::SALUTATIONS.contains(&first))
            && !agenda_group(text)
            && !is_item_field(text)
            && !opens_recommendation(text)
            && !self.groups_items(index)
            && !text
                .split_whitespace()
                .last()
                .is_some_and(|w| FUNCTION_WORDS.contains(&w))
            && self.next_content(index).is_some_and(|n| {
                (is_running_text(n) || bold_above_text && opens_a_list(n) || above_a_list)
                    && (bold_above_text || n.text.chars().count() > 40)
                    && !self.continues_a_list(index, n)
            })
            && !self.value_of_a_lone_label(index)
            // Nor one right above the next item's heading, its number dropped.
            && self
                .next_content_index(index)
                .is_none_or(|next| self.heading_of_the_next_entry(next).is_none())
    }

    /// A line under a field's label that stands alone ("Afdeling:" / "Regional
    /// Udvikling, Ejendomme"): the label's value, as text extractors write a table's
    /// two cells, a paragraph each.
    fn value_of_a_lone_label(&self, index: usize) -> bool {
        self.previous_content_index(index).is_some_and(|i| {
            let above = self.lines[i].text.as_ref();
            // "Sagsbehandler" / "Karina Winther": an item's field label needs no colon.
            let item_field_label = above.trim_end_matches(':');
            above
                .strip_suffix(':')
                .is_some_and(crate::grammar::meeting_field::plausible_key)
                && section_heading(above).is_none()
                || ITEM_FIELD_KEYS
                    .iter()
                    .any(|k| crate::grammar::eq_ignoring_case(item_field_label, k))
        })
    }

    /// An indented line at the indent of the line before it, the text after it further
    /// left: the last item of a list whose bullets are drawn, not text (a line a
    /// producer repeats at the top of the next page, too).
    fn continues_a_list(&self, index: usize, next: &Line<'_>) -> bool {
        let indent = self.lines[index].hints.indent;
        indent > next.hints.indent
            && self
                .previous_content_index(index)
                .is_some_and(|i| self.lines[i].hints.indent == indent)
    }

    /// Paragraph text, list items and enclosure markers into the open container.
    fn push_content(&mut self, index: usize) {
        let line = &self.lines[index];
        let text = line.text.as_ref();
        // "Lukket møde": the items after it are closed. The line stays text where it is.
        if let Some(closed) = meeting_part(text) {
            self.closed_part = closed;
        }
        // After "Bilag: …" lines, a paragraph apart from them names no attachment (the
        // minutes column beside a table's Bilag lines): the names end there, and the
        // text stays in the section as text.
        if self.bilag_inline
            && self.prev_blank
            && !(reads_as_a_name(text) && self.lines.get(index + 1).is_none_or(Line::is_blank))
            && self.in_section(SectionKind::Bilag)
        {
            self.bilag_inline = false;
            self.bilag_names_end = Some(self.blocks.close_blocks());
        }
        if let Some(marker) = ENCLOSURE_MARKERS
            .iter()
            .find(|m| text.len() <= m.len() && text == m.trim())
        {
            self.blocks.enclosure(marker.trim(), line.span);
            return;
        }
        if let Some(rest) = text.strip_prefix("./. ") {
            // The margin marker on the first line of its paragraph (pdftotext).
            let marker_end = (line.span.start + 3).min(line.span.end);
            self.blocks.enclosure(
                "./.",
                Span {
                    end: marker_end,
                    ..line.span
                },
            );
            self.blocks.text_at(
                line,
                rest,
                Span {
                    start: marker_end,
                    ..line.span
                },
            );
            return;
        }
        if line.hints.bullet {
            self.bilag_bulleted |= self.in_section(SectionKind::Bilag);
            self.blocks.bullet(line, text);
        } else if let Some(clause) = numbered_clause(text) {
            // "1. At …" under "Direktøren indstiller til Byrådet:" is a list, not an item.
            self.blocks.bullet(line, clause);
        } else if self.in_section(SectionKind::Bilag) && !(self.bilag_bulleted && self.prev_blank) {
            if self.bilag_inline
                && continues_attachment_name(text, self.blocks.open_paragraph_last_line())
            {
                // The wrapped rest of the name after the label.
                self.blocks.text(line, text);
            } else if !self.prev_blank
                && (text.starts_with(|c: char| c.is_lowercase() || c == '(')
                    || self.hangs_under_a_bullet(index)
                    || self
                        .blocks
                        .open_list_last_item()
                        .is_some_and(name_left_open))
            {
                // The wrapped rest of a listed name ("Statusnotat …, 4." / "kvartal
                // 2018", "… (PDF, 1,1" / "MB)", "… 2023/24" / "(PDF, 2,3 MB)", "… af" /
                // "26. august 2024"): the list item goes on where the line hangs under
                // it.
                self.blocks.text(line, text);
            } else {
                // Attachments are listed one per line, numbered or not.
                self.blocks.bullet(line, strip_list_number(text));
            }
        } else if !self.blocks.numbered(line, text) {
            self.blocks.text(line, text);
        }
    }

    fn unplaced(&mut self, line: &Line<'_>) {
        self.agenda.diagnostics.push(
            Diagnostic::new(
                DiagnosticCode::UnplacedText,
                Severity::Error,
                "text that belongs to no part of the document",
                line.span,
            )
            .with_text(line.text.as_ref()),
        );
    }

    /// Whether a numbered line is an item heading here, or a numbered sentence or list.
    fn accept_item(&self, heading: &ItemHeading<'_>, index: usize) -> bool {
        let line = &self.lines[index];
        let hinted = line.hints.is_heading();
        // A bare number in the first column of a table ("1    Godkendelse af
        // dagsorden", minutes typed as a table), with a case line or section heading
        // under it (after the title's wrapped line, perhaps).
        let in_table_column = || {
            line.hints.wide_gap
                && heading.number.len() <= 3
                // ("3)" numbers a list.)
                && line
                    .text
                    .get(heading.number.len()..)
                    .is_some_and(|rest| !rest.starts_with(')'))
                && self.lines[index + 1..]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .take(2)
                    .any(|l| case_line(&l.text).is_some() || section_heading(&l.text).is_some())
        };
        let tabled = heading.bare && !hinted && !line.hints.bullet && in_table_column();
        if line.hints.bullet || (heading.bare && !hinted && !tabled) {
            return false;
        }
        // Type smaller than the body's, and not bold, is a running header's or a
        // note's: a heading is never set so.
        if line.hints.size_ratio.is_some_and(|r| r < HEADER_TYPE) && !line.hints.bold {
            return false;
        }
        if heading.title.starts_with("at ") || heading.title.starts_with("At ") {
            return false;
        }
        if !self.prev_blank && self.runs_on_into_a_number(index) {
            return false;
        }
        let in_bilag = self.in_section(SectionKind::Bilag);
        // Set off by a blank line or a case line before it, or by a case line or section
        // heading right after it (text without blank lines, as plain pdftotext gives it).
        // Looked at only where it decides: the next line's grammars cost.
        // An access marker alone under it sets it off too ("9. Eventuelt" / "Åbent
        // punkt": an item without a case).
        let set_off = || {
            self.prev_blank
                || self.pending_case.is_some()
                || self.next_is_structure(index)
                || self
                    .next_nonblank(index)
                    .is_some_and(|l| is_access_marker(&l.text))
        };
        // (A heading the TOC lists with its title needs no setting off: a text export
        // of a Word agenda has no blank line or style before it.)
        if in_bilag
            && !hinted
            && (!set_off()
                || self.toc_numbers.is_empty() && !self.is_plausible_next(heading.number))
            && !self.toc_lists_as_titled(heading)
        {
            return false;
        }
        let number = heading.number;
        let used = self.used_numbers.contains(number);
        if !self.toc_numbers.is_empty() {
            // In plain type, a number the TOC lists starts its item only under the
            // TOC's title: "3. Fællesskaber på tværs" in item 2's numbered list is not
            // "3. Tilskud fra Kultur- og Fritidspuljen".
            let listed = || {
                self.toc_numbers.contains_key(number)
                    && (hinted
                        || self.toc_title_allows(number, strip_closed_marker(heading.title).0))
            };
            return (!used && listed())
                || (hinted && line.hints.is_strong_heading())
                || !used
                    && self.fills_a_gap_in_the_toc(number)
                    && set_off()
                    && self.is_plausible_next(number);
        }
        if hinted || (!used && self.outline_numbers.contains(number)) {
            return true;
        }
        // (A table's title may wrap after a comma.)
        let standalone = (tabled || !line.text.ends_with([',', ';'])) && set_off();
        standalone && !used && self.is_plausible_next(number)
    }

    /// A number the TOC lacks while it has the next one ("1" before a TOC that starts
    /// at 2, "7" between 6 and 8): an entry lost to a damaged TOC (OCR, a wrapped
    /// line), not a list's number after the items.
    fn fills_a_gap_in_the_toc(&self, number: &str) -> bool {
        !self.toc_numbers.contains_key(number)
            && number
                .parse::<u32>()
                .ok()
                .and_then(|n| n.checked_add(1))
                .is_some_and(|next| self.toc_numbers.contains_key(next.to_string().as_str()))
    }

    /// Whether the line before `index` ends in a word a number follows ("kl.", "nr.",
    /// "§"): the number that starts the line is the sentence's, not an item's.
    fn runs_on_into_a_number(&self, index: usize) -> bool {
        let Some(before) = index.checked_sub(1).and_then(|i| self.lines.get(i)) else {
            return false;
        };
        // "Sagsnr.: 24/00418  Sagsbehandler: …  Åbent punkt", or "Åbent punkt" alone: a
        // badge, capitalised, after the item's fields takes no number.
        let text = before.text.as_ref();
        let badge = split_trailing_access_marker(text)
            .map(|(fields, _)| &text[fields.len()..])
            .or_else(|| is_access_marker(text).then_some(text));
        if badge.is_some_and(|badge| {
            badge
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .starts_with(char::is_uppercase)
        }) {
            return false;
        }
        before.text.rsplit(' ').next().is_some_and(|last| {
            last.len() <= 10
                && NUMBER_TAKING_WORDS
                    .iter()
                    .any(|w| crate::grammar::eq_ignoring_case(last, w))
        })
    }

    /// Where a listing of the items ends, when the item heading at `index` starts one:
    /// a run of at least three item headings (bulleted or not) line after line, with
    /// nothing between them but the wrapped tails of long ones (in lowercase) and blank
    /// lines, whose first number is given again as a heading after the run: there the
    /// items themselves begin. Looked at only for headings before the first item, and
    /// once a run: a run that lists nothing is not looked at again from its later lines
    /// (a header of numbered lines stays linear).
    fn listing_of_items(&mut self, index: usize, first: &str) -> Option<usize> {
        if index < self.listing_looked_until {
            return None;
        }
        // One pass over the run: its headings counted, and its end at its last entry,
        // not at the blank lines after it.
        let (mut headings, mut end) = (0, index + 1);
        for (at, line) in self.lines.iter().enumerate().skip(index + 1) {
            if line.is_blank() {
                continue;
            }
            match item_heading(&line.text) {
                Some(heading) if heading.number != first => headings += 1,
                Some(_) => break,
                None if line.text.starts_with(char::is_lowercase)
                    && case_line(&line.text).is_none() => {}
                None => break,
            }
            end = at + 1;
        }
        // The heading given again is the listed one ("1. Forside" of a web page's
        // breadcrumb before its "1. Godkendelse af dagsorden" is no listing of items).
        let listed_title = item_heading(&self.lines[index].text).map_or("", |h| h.title);
        if headings >= 2
            && self.heading_after(first, end).is_some_and(|at| {
                item_heading(&self.lines[at].text)
                    .is_some_and(|h| first_words_agree(h.title, listed_title))
            })
        {
            return Some(end);
        }
        self.listing_looked_until = end;
        None
    }

    /// Whether an item heading numbered `number` stands at or after line `from`:
    /// searched line by line until a search finds none, which records on its way the
    /// last line of every number it passes; later questions (a run after this one, so
    /// from a later line) are answered from that record, so that a header of many
    /// numbered runs is not searched to its end for each.
    fn heading_after(&mut self, number: &str, from: usize) -> Option<usize> {
        let lines = self.lines;
        if let Some(last) = &self.last_heading_of {
            return last.get(number).copied().filter(|&at| at >= from);
        }
        let mut last = HashMap::default();
        for (at, line) in lines.iter().enumerate().skip(from) {
            if let Some(heading) = item_heading(&line.text) {
                if heading.number == number {
                    return Some(at);
                }
                last.insert(heading.number, at);
            }
        }
        self.last_heading_of = Some(last);
        None
    }

    /// A date line's time from the line right under it, where it gives none: "Onsdag
    /// den 13. november 2019" over "Kl. 16:00 – 18:45", a meeting table's values
    /// under their labels, a cell a line.
    fn with_time_below(&self, index: usize, when: DateTime) -> DateTime {
        if when.time.is_some() {
            return when;
        }
        // (Past the time row's own label, its cells a line each: "Mødetidspunkt" /
        // "Kl. 15.30 – 18.10".)
        let below = self.next_content_index(index).and_then(|next| {
            let next = if crate::vocabulary::meeting_key(&self.lines[next].text)
                == Some(MeetingKey::Time)
            {
                self.next_content_index(next)?
            } else {
                next
            };
            time_line(&self.lines[next].text)
        });
        DateTime {
            time: below.and_then(|b| b.time),
            end_time: below.and_then(|b| b.end_time),
            ..when
        }
    }

    /// The date and time of a header line, where no title sentence or field gives them
    /// (a field's are read after the build, and win; a key with no value, its value
    /// elsewhere, gives none).
    fn date_from_header(&mut self) {
        let Some(when) = self.header_when.take() else {
            return;
        };
        let keys: Vec<_> = self
            .agenda
            .meeting
            .fields
            .iter()
            .filter(|f| !f.value.trim().is_empty())
            .filter_map(|f| crate::vocabulary::meeting_key(&f.key))
            .collect();
        let meeting = &mut self.agenda.meeting;
        if meeting.date.is_none() && !keys.contains(&MeetingKey::Date) {
            meeting.date = when.date;
            if meeting.time.is_none() && !keys.contains(&MeetingKey::Time) {
                meeting.time = when.time;
                meeting.end_time = meeting.end_time.or(when.end_time);
            }
        }
    }

    /// "Punkt 23." standing alone with its title on the next content line: the heading
    /// of the two, and the title's line. The title line must read as a title, not as a
    /// section, case or item line.
    #[inline]
    fn split_item_heading(&self, index: usize) -> Option<(ItemHeading<'l>, usize)> {
        let lines = self.lines;
        // Asked of every line: the label's first letter settles most at once.
        if !matches!(
            lines[index].text.as_bytes().first(),
            Some(b'p' | b'P' | b's' | b'S')
        ) {
            return None;
        }
        let number = labelled_number_alone(&lines[index].text)?;
        let title_index = (index + 1..lines.len())
            .take(3)
            .find(|&i| !lines[i].is_blank())?;
        let title_line = &lines[title_index];
        let title = title_line.text.as_ref();
        let reads_as_title = !title_line.hints.bullet
            && crate::grammar::starts_like_title(title)
            && title.chars().count() <= MAX_TITLE_CHARS
            && !title.ends_with(':')
            && labelled_number_alone(title).is_none()
            && item_heading(title).is_none()
            && section_heading(title).is_none()
            && case_line(title).is_none()
            && self.furniture.get(title_index).copied().flatten().is_none();
        reads_as_title.then(|| {
            let heading = ItemHeading {
                number,
                title: title.trim_end_matches(['.', ' ']),
                bare: false,
            };
            (heading, title_index)
        })
    }

    fn start_split_item(&mut self, heading: &ItemHeading<'_>, index: usize, title_index: usize) {
        let span = self.lines[index].span.cover(self.lines[title_index].span);
        let gapped = self.lines[title_index].hints.wide_gap;
        self.start_item(heading, span, gapped);
        self.taken_line = Some(title_index);
        self.title_may_continue = true;
    }

    /// The kind of a section heading numbered within its item ("2. Sagsfremstilling"):
    /// a vocabulary heading alone, under a number that is no next item here.
    /// A heading without its number that gives the title of the TOC's next entry
    /// ("Godkendelse af dagsorden" / "Sagsnr.: 24/00841  Åbent punkt"): a word
    /// processor's numbered headings, whose numbers text extraction drops (odt2txt,
    /// a document's paragraphs read without their list numbering), while the TOC keeps
    /// them. Its title may wrap over two lines; the case line, section heading or
    /// access marker under it makes it an item's. The entry's number, and the number of
    /// lines the title takes.
    fn heading_of_the_next_entry(&self, index: usize) -> Option<(String, usize)> {
        if self.agenda.toc.len() < 2 {
            return None;
        }
        let entry = self.agenda.toc.get(self.toc_cursor)?;
        let line = &self.lines[index];
        let raw = line.text.as_ref();
        // Every line of the body is asked: the text starts as the title does (its first
        // bytes alike but for case: ASCII letters, and the second byte of a Latin-1
        // letter, differ by 0x20 between cases), or with a closed marker ("Lukket
        // punkt: …"; all start "lukket" or "(lukket"), or it is none.
        if raw.len() > entry.title.len() + LONGEST_CLOSED_MARKER_BYTES {
            return None;
        }
        let looked_at = raw.len().min(entry.title.len()).min(TITLE_BYTES_LOOKED_AT);
        let starts_as_title = raw.as_bytes()[..looked_at]
            .iter()
            .zip(&entry.title.as_bytes()[..looked_at])
            .all(|(a, b)| a | 0x20 == b | 0x20);
        if !starts_as_title
            && crate::grammar::prefix_ignoring_case(raw.trim_start_matches('('), "lukket").is_none()
        {
            return None;
        }
        let text = strip_closed_marker(raw).0;
        if line.hints.bullet
            || text.len() > entry.title.len()
            || !same_ignoring_case(entry.title.get(..text.len()).unwrap_or_default(), text)
            || self.used_numbers.contains(&entry.number)
        {
            return None;
        }
        let mut title = text.to_owned();
        let mut last = index;
        for _ in 0..MAX_UNNUMBERED_TITLE_LINES {
            if same_ignoring_case(&title, &entry.title) {
                let under = self
                    .next_nonblank(last)
                    .is_some_and(|l| is_access_marker(&l.text));
                return (under || self.next_opens_an_item(last))
                    .then(|| (entry.number.clone(), last - index + 1));
            }
            last = self.next_content_index(last)?;
            join_title_line(&mut title, &self.lines[last]);
        }
        None
    }

    /// Start the item of [`Self::heading_of_the_next_entry`] at `index`; its title's
    /// wrapped line joins it as any heading's does.
    fn start_unnumbered_item(&mut self, number: &str, index: usize) {
        let line = &self.lines[index];
        let heading = ItemHeading {
            number,
            title: line.text.as_ref(),
            bare: false,
        };
        self.start_item(&heading, line.span, false);
        self.title_may_continue = true;
    }

    fn numbered_section(&self, heading: &ItemHeading<'_>) -> Option<SectionKind> {
        if self.items.is_empty()
            || self.toc_numbers.contains_key(heading.number)
            || self.is_plausible_next(heading.number)
        {
            return None;
        }
        section_heading(heading.title)
            .filter(|s| !s.qualified && s.inline.is_none())
            .map(|s| s.kind)
    }

    /// Without a TOC: the first item, a first child (`2` → `2.1`), or a later sibling of
    /// an open item (`2.1` → `2.2` or `3`).
    fn is_plausible_next(&self, number: &str) -> bool {
        let parts: Vec<u32> = item_parts(number).collect();
        if self.items.is_empty() && self.agenda.items.is_empty() {
            return true;
        }
        let Some((last, prefix)) = parts.split_last() else {
            return false;
        };
        if *last == 1
            && self
                .items
                .last()
                .is_some_and(|i| item_parts(&i.number).eq(prefix.iter().copied()))
        {
            return true;
        }
        let siblings = self.items.iter().chain(self.agenda.items.last());
        siblings.into_iter().any(|open| {
            let open_parts: Vec<u32> = item_parts(&open.number).collect();
            open_parts.len() == parts.len()
                && open_parts[..open_parts.len() - 1] == *prefix
                && open_parts
                    .last()
                    .is_some_and(|l| *last > *l && *last <= *l + 5)
        })
    }

    /// `gapped`: the heading's line had a wide gap, after which a case number may stand
    /// (a frame or a table cell beside the title).
    fn start_item(&mut self, heading: &ItemHeading<'_>, span: Span, gapped: bool) {
        self.close_section();
        self.flush_item_body();
        let number = heading.number.to_owned();
        if let Some(&at) = self.toc_numbers.get(&number) {
            self.toc_cursor = at + 1;
        }
        if !self.used_numbers.insert(number.clone()) {
            self.agenda.diagnostics.push(Diagnostic::new(
                DiagnosticCode::DuplicateItemNumber,
                Severity::Warning,
                format!("item number {number} is used more than once"),
                span,
            ));
        }
        while let Some(top) = self.items.last() {
            if is_ancestor(&top.number, &number) {
                break;
            }
            self.close_item();
        }
        let expected_depth = self
            .items
            .last()
            .map_or(1, |p| item_parts(&p.number).count() + 1);
        if item_parts(&number).count() > expected_depth {
            self.agenda.diagnostics.push(Diagnostic::new(
                DiagnosticCode::MissingParentItem,
                Severity::Warning,
                format!(
                    "item {number} has no parent item {}",
                    parent_number(&number)
                ),
                span,
            ));
        }
        let (full_title, closed) = strip_closed_marker(strip_trailing_chrome(heading.title));
        // Beside the title after a wide gap first: "… 2023-2026 –<gap>Sagsnr. …" keeps
        // its dash, which "Meddelelser - sagsnr. 24/112" would take for the separator.
        // So does KL's case number with the officer's initials ("… 2025-2028
        // SAG-2024-02891 abk"), a form no title ends in, with or without the gap.
        let gapped_case = (gapped || full_title.contains(" SAG-"))
            .then(|| split_gapped_case(full_title))
            .flatten();
        let (title, trailing_case) = match gapped_case {
            Some((title, id)) => (title, Some(id)),
            None => match split_trailing_case(full_title) {
                (title, None) => {
                    split_glued_case(title).map_or((title, None), |(title, id)| (title, Some(id)))
                }
                split => split,
            },
        };
        let mut item = Item::new(number, title);
        item.open = !closed && !self.closed_part;
        item.heading_span = span;
        item.span = span;
        item.case = self.pending_case.take().map(|(case, _)| case);
        if item.case.is_none()
            && let Some(id) = trailing_case
        {
            item.case = Some(case_from_title(id, &full_title[title.len()..], span));
            self.case_placement.at_heading = true;
        }
        if let Some(case) = &item.case {
            item.span = item.span.cover(case.span);
        }
        self.items.push(item);
    }

    /// Open a section; `styled`: its heading's line is in heading type.
    fn start_section(&mut self, kind: SectionKind, heading: &str, span: Span, styled: bool) {
        // A case line held for an item heading that did not come ("SAG-2022-02871 ckl"
        // / "0   Baggrund", a section numbered within its item) is text of what came
        // before the section, not of the section.
        self.release_pending_case();
        self.close_section();
        self.bilag_inline = false;
        self.bilag_bulleted = false;
        self.bilag_names_end = None;
        self.flush_item_body();
        self.section_heading_styled = styled;
        self.section = Some(Section {
            kind,
            heading: heading.to_owned(),
            blocks: Vec::new(),
            recommendations: Vec::new(),
            heading_span: span,
            span,
        });
    }

    /// A case line held for an item heading, when none came: text where it stands.
    fn release_pending_case(&mut self) {
        if let Some((_, case_index)) = self.pending_case.take() {
            self.last_end = self.lines[case_index].span.end;
            self.push_content(case_index);
        }
    }

    /// Whether the open section is of `kind`.
    fn in_section(&self, kind: SectionKind) -> bool {
        self.section.as_ref().is_some_and(|s| s.kind == kind)
    }

    /// Text between an item heading and its first section is the item's body.
    fn flush_item_body(&mut self) {
        if self.section.is_some() || self.blocks.is_empty() {
            return;
        }
        let blocks = self.blocks.finish();
        if let Some(item) = self.items.last_mut() {
            item.body.extend(blocks);
        }
    }

    fn close_section(&mut self) {
        let Some(mut section) = self.section.take() else {
            return;
        };
        section.blocks = self.blocks.finish();
        section.span.end = section.span.end.max(self.last_end);
        if section.kind == SectionKind::Indstilling {
            section.recommendations = recommendations_under(&section.heading, &section.blocks);
            if section.recommendations.is_empty() && !section.blocks.is_empty() {
                self.agenda.diagnostics.push(Diagnostic::new(
                    DiagnosticCode::NoRecommendations,
                    Severity::Info,
                    "Indstilling has no recognisable at-clause",
                    section.heading_span,
                ));
            }
        }
        if let Some(item) = self.items.last_mut() {
            if section.kind == SectionKind::Bilag {
                let names_end = self
                    .bilag_names_end
                    .take()
                    .map_or(section.blocks.len(), |end| end.min(section.blocks.len()));
                item.attachments
                    .extend(attachment_names(&section.blocks[..names_end]));
            }
            item.sections.push(section);
        }
    }

    fn close_item(&mut self) {
        self.close_section();
        self.flush_item_body();
        let Some(mut item) = self.items.pop() else {
            return;
        };
        item.span.end = item.span.end.max(self.last_end);
        if let Some(cased) = self.toc_casing(&item) {
            item.title = cased;
        }
        item.recommendations = item
            .sections
            .iter()
            .flat_map(|s| s.recommendations.iter().cloned())
            .collect();
        if !item
            .sections
            .iter()
            .any(|s| s.kind == SectionKind::Indstilling)
        {
            // "Direktionen indstiller, at …" written without an Indstilling heading.
            item.recommendations
                .extend(unheaded_recommendations(&item.body));
            for section in item
                .sections
                .iter()
                .filter(|s| s.kind != SectionKind::Beslutning)
            {
                item.recommendations
                    .extend(unheaded_recommendations(&section.blocks));
            }
        }
        // The item is complete: its vectors grew by doubling, and their spare room (up
        // to half) would be held to the end. Copied into blocks of their size instead
        // (the allocator keeps a block that is at least half used when asked to shrink
        // it); an agenda of many small items is mostly these vectors.
        item.sections = exact(std::mem::take(&mut item.sections));
        item.children = exact(std::mem::take(&mut item.children));
        match self.items.last_mut() {
            Some(parent) => parent.children.push(item),
            None => self.agenda.items.push(item),
        }
    }

    /// Case lines that end their items go to them, and in a document whose case lines
    /// all stand at the items' ends, so do those read as standing before the next item's
    /// heading. One that finds its item with a case is kept as a diagnostic.
    fn place_ending_cases(&mut self) {
        if self.case_placement.ending_items.is_empty() {
            return;
        }
        if self.case_placement.cases_end_items() {
            move_cases_to_the_items_they_end(&mut self.agenda.items);
        }
        for case in std::mem::take(&mut self.case_placement.ending_items) {
            match item_at(&mut self.agenda.items, case.span.start) {
                Some(item) if item.case.is_none() => {
                    item.span = item.span.cover(case.span);
                    item.case = Some(case);
                }
                _ => self.agenda.diagnostics.push(
                    Diagnostic::new(
                        DiagnosticCode::MisplacedCase,
                        Severity::Warning,
                        "case line at the end of an item that has its case already",
                        case.span,
                    )
                    .with_text(case.raw),
                ),
            }
        }
        cover_children(&mut self.agenda.items);
    }

    fn finish(mut self) -> Agenda {
        self.check_truncation();
        self.close_preamble_section();
        self.date_from_header();
        while !self.items.is_empty() {
            self.close_item();
        }
        self.close_closing_section();
        self.place_ending_cases();
        if let Some((case, _)) = self.pending_case.take() {
            self.agenda.diagnostics.push(
                Diagnostic::new(
                    DiagnosticCode::MisplacedCase,
                    Severity::Warning,
                    "case line with no item after it",
                    case.span,
                )
                .with_text(case.raw),
            );
        }
        let leftover = self.blocks.finish();
        for block in leftover {
            let span = block.span();
            self.agenda.diagnostics.push(
                Diagnostic::new(
                    DiagnosticCode::UnplacedText,
                    Severity::Error,
                    "text that belongs to no part of the document",
                    span,
                )
                .with_text(blocks_text(std::slice::from_ref(&block))),
            );
        }
        if self.agenda.title.is_none() {
            self.agenda.kind = DocumentKind::Unknown;
        }
        self.agenda
    }

    /// A document that stops inside a sentence of running text was cut off.
    fn check_truncation(&mut self) {
        let Some(last) = self
            .lines
            .iter()
            .rposition(|l| !l.is_blank())
            .map(|i| &self.lines[i])
        else {
            return;
        };
        let text = last.text.trim_end();
        // A "Fraværende: Rikke Dalby" line ends with a name, not in a sentence.
        let cut_mid_sentence = text.ends_with([',', '-'])
            || (text.chars().count() >= 25
                && text.chars().last().is_some_and(char::is_lowercase)
                && field_line(text).is_none());
        if self.blocks.open_paragraph_unfinished() && cut_mid_sentence {
            self.agenda.diagnostics.push(Diagnostic::new(
                DiagnosticCode::Truncated,
                Severity::Warning,
                "the document ends in the middle of a sentence: the file looks cut off",
                last.span,
            ));
        }
    }

    // ---- look-ahead -----------------------------------------------------------------

    fn next_nonblank(&self, index: usize) -> Option<&Line<'a>> {
        self.lines[index + 1..].iter().find(|l| !l.is_blank())
    }

    /// Whether line `i` is page furniture: a running header or web chrome found by the
    /// pre-pass, or a page label such as "Side 2".
    fn is_furniture(&self, i: usize) -> bool {
        let line = &self.lines[i];
        self.furniture.get(i).is_some_and(Option::is_some)
            || furniture_of_line(&line.text, line.hints.bullet).is_some()
    }

    /// The index of the next line that is neither blank nor page furniture.
    fn next_content_index(&self, index: usize) -> Option<usize> {
        (index + 1..self.lines.len()).find(|&i| !self.lines[i].is_blank() && !self.is_furniture(i))
    }

    /// The index of the line before `index` that is neither blank nor page furniture.
    fn previous_content_index(&self, index: usize) -> Option<usize> {
        (0..index)
            .rev()
            .find(|&i| !self.lines[i].is_blank() && !self.is_furniture(i))
    }

    /// The next line that is neither blank nor page furniture.
    fn next_content(&self, index: usize) -> Option<&Line<'a>> {
        self.next_content_index(index).map(|i| &self.lines[i])
    }

    /// A heading the producer wrapped, seen in a PDF: the line straight under it (no
    /// gap) in the same emphasised type ("… ved Sygehus Lillebælt," / "Kolding, og
    /// frigivelse af midler …", both bold 14 pt), not a case line or heading of its own.
    fn continues_heading_type(&self, index: usize) -> bool {
        let line = &self.lines[index];
        let Some(above) = index.checked_sub(1).and_then(|i| self.lines.get(i)) else {
            return false;
        };
        let (Some(above_size), Some(size)) = (above.hints.size_ratio, line.hints.size_ratio) else {
            return false;
        };
        !above.is_blank()
            && !line.hints.page_break
            && (above.hints.bold || above_size > 1.1)
            && above.hints.bold == line.hints.bold
            && (above_size - size).abs() < 0.05
            && case_line(&line.text).is_none()
            && section_heading(&line.text).is_none()
            && item_heading(&line.text).is_none()
    }

    /// Right above an item's heading ("Punkt nr. 3" on a line of its own included): a
    /// heading that groups items ("Udvalget for regional udvikling"), kept as text.
    fn groups_items(&self, index: usize) -> bool {
        self.next_content_index(index).is_some_and(|i| {
            item_heading(&self.lines[i].text).is_some() || self.split_item_heading(i).is_some()
        })
    }

    /// A heading that groups the items after it ("Sager til orientering", "Lukkede
    /// punkter"): no item's, kept as a diagnostic with its text.
    fn group_heading(&mut self, index: usize) {
        let line = &self.lines[index];
        self.agenda.diagnostics.push(
            Diagnostic::new(
                DiagnosticCode::UnplacedText,
                Severity::Info,
                "a heading that groups the items after it",
                line.span,
            )
            .with_text(line.text.as_ref()),
        );
    }

    /// Whether the line right above is a bullet item's and this one is indented under
    /// its text, past the bullet.
    fn hangs_under_a_bullet(&self, index: usize) -> bool {
        let (Some(above), line) = (
            index.checked_sub(1).map(|i| &self.lines[i]),
            &self.lines[index],
        ) else {
            return false;
        };
        above.hints.bullet && !above.is_blank() && line.hints.indent > above.hints.indent
    }

    /// The index of an item heading a few lines of a note after `index` (the note
    /// under a part's heading: "Følgende punkter behandles for lukkede døre.").
    fn item_heading_after_a_note(&self, index: usize) -> Option<usize> {
        let mut at = index;
        for _ in 0..=MAX_PART_NOTE_LINES {
            at = self.next_content_index(at)?;
            let text = self.lines[at].text.as_ref();
            if item_heading(text).is_some() || self.split_item_heading(at).is_some() {
                return (at > self.next_content_index(index)?).then_some(at);
            }
            if section_heading(text).is_some() {
                return None;
            }
        }
        None
    }

    fn next_is_item_heading(&self, index: usize) -> bool {
        self.next_content(index)
            .is_some_and(|l| item_heading(&l.text).is_some())
    }

    /// Whether the next line is a case line or section heading: the line before it is an
    /// item heading, not a TOC entry.
    /// Whether the next line is an item's case line, a case label alone or a section
    /// heading.
    fn next_opens_an_item(&self, index: usize) -> bool {
        self.next_is_structure(index)
            || self
                .next_nonblank(index)
                .is_some_and(|l| is_case_label(&l.text))
    }

    fn next_is_structure(&self, index: usize) -> bool {
        self.next_nonblank(index).is_some_and(|l| {
            case_line(&l.text).is_some()
                || section_heading(&l.text).is_some()
                // "Sagsnr.: 24/00417 · Åbent punkt"
                || case_line_with_access_marker(&l.text).is_some()
        })
            // A case label alone right under it, its number on the line under that, as a
            // table's cells read a line each (apart by a blank line, the label may as
            // well follow a line of text under the heading).
            || self
                .lines
                .get(index + 1)
                .is_some_and(|l| is_case_label(&l.text))
    }
}

/// Which side of its item's heading a producer writes the case line on, as the
/// document shows it. Between two items a case line is ambiguous ("Journalnr.: …" ends
/// item 4 or opens item 5); only the edges tell: a case line under a heading or before
/// the first item, against one with nothing but a group heading or the document's end
/// after it.
#[derive(Debug, Default)]
struct CasePlacement {
    /// A case line under an item's heading, or a case number at a title's end.
    at_heading: bool,
    /// A case line between the preamble and the first item's heading.
    before_first_item: bool,
    /// Case lines that could only end their items, in document order.
    ending_items: Vec<CaseRef>,
}

impl CasePlacement {
    fn cases_end_items(&self) -> bool {
        !self.ending_items.is_empty() && !self.at_heading && !self.before_first_item
    }
}

/// In a document whose case lines end their items, the case lines read as standing
/// before the next item's heading go to the item they end, the one before in document
/// order. Nothing moves if that item has a case already.
fn move_cases_to_the_items_they_end(items: &mut [Item]) {
    fn placements(items: &[Item], out: &mut Vec<(bool, bool)>) {
        for item in items {
            out.push((item.case.is_some(), case_before_heading(item)));
            placements(&item.children, out);
        }
    }
    fn take(items: &mut [Item], index: &mut usize, moved: &mut Vec<(usize, CaseRef)>) {
        for item in items {
            if let Some(to) = index.checked_sub(1)
                && case_before_heading(item)
                && let Some(case) = item.case.take()
            {
                item.span = Span {
                    start: item.heading_span.start,
                    line: item.heading_span.line,
                    page: item.heading_span.page,
                    ..item.span
                };
                moved.push((to, case));
            }
            *index += 1;
            take(&mut item.children, index, moved);
        }
    }
    fn give(
        items: &mut [Item],
        index: &mut usize,
        moved: &mut std::iter::Peekable<std::vec::IntoIter<(usize, CaseRef)>>,
    ) {
        for item in items {
            if let Some((_, case)) = moved.next_if(|(to, _)| to == index) {
                item.span = item.span.cover(case.span);
                item.case = Some(case);
            }
            *index += 1;
            give(&mut item.children, index, moved);
        }
    }
    let mut seen = Vec::new();
    placements(items, &mut seen);
    // Item k+1's case goes to item k, which must be free: caseless, or giving its own
    // case to the item before it.
    let fits = seen.iter().enumerate().all(|(i, &(_, before))| {
        !before || i.checked_sub(1).is_some_and(|k| !seen[k].0 || seen[k].1)
    });
    if !fits {
        return;
    }
    let mut moved = Vec::new();
    take(items, &mut 0, &mut moved);
    give(items, &mut 0, &mut moved.into_iter().peekable());
}

/// The innermost item whose heading stands before `position`: the one a line there is in.
fn item_at(items: &mut [Item], position: u32) -> Option<&mut Item> {
    let item = items
        .iter_mut()
        .rev()
        .find(|item| item.heading_span.start < position)?;
    if item
        .children
        .first()
        .is_some_and(|child| child.heading_span.start < position)
    {
        return item_at(&mut item.children, position);
    }
    Some(item)
}

/// Every item's span over its children's, after a case moved into one of them.
fn cover_children(items: &mut [Item]) {
    for item in items {
        cover_children(&mut item.children);
        for child in &item.children {
            item.span = item.span.cover(child.span);
        }
    }
}

fn case_before_heading(item: &Item) -> bool {
    item.case
        .as_ref()
        .is_some_and(|case| case.span.start < item.heading_span.start)
}

/// The most group headings looked past between two TOC entries ("Lukket møde").
const MAX_GROUP_HEADINGS_BETWEEN_ENTRIES: usize = 2;

/// The longest heading that groups items ("Udvalget for nære sundhedstilbud og
/// psykiatri").
const MAX_GROUP_HEADING_BYTES: usize = 100;
/// The most lines of a letterhead above an attachment's "Bilag 3.1" at a page's top.
const MAX_LETTERHEAD_LINES: usize = 3;
/// The most lines of a note under a part's heading before the part's first item.
const MAX_PART_NOTE_LINES: usize = 3;

/// The longest header line read for the meeting's date ("Møde i … den … kl. … i …").
const MAX_DATE_LINE_BYTES: usize = 200;

/// Words a heading never ends with: a line ending in one runs on into the next.
const FUNCTION_WORDS: &[&str] = &[
    "at", "og", "i", "til", "for", "af", "på", "med", "som", "der", "om", "en", "et",
];

/// `items` in a vector of exactly their number (one copy; none when already exact).
fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    if items.capacity() == items.len() {
        return items;
    }
    let mut sized = Vec::with_capacity(items.len());
    sized.append(&mut items);
    sized
}

/// "Godkendelse af dagsorden\tfold punktet ind": web chrome run into a title.
fn strip_trailing_chrome(title: &str) -> &str {
    // Only phrases run into a title: a single word ("Print") may end a title.
    static PHRASES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
        crate::vocabulary::WEB_CHROME_LINES
            .iter()
            .copied()
            .filter(|chrome| chrome.contains(' '))
            .collect()
    });
    // A title that ends in an ASCII character can only end in a phrase that ends in its
    // lowercase (every title is asked, and few end in chrome).
    let last = title.as_bytes().last().copied().unwrap_or(0);
    PHRASES
        .iter()
        .filter(|chrome| {
            !last.is_ascii() || chrome.as_bytes().last() == Some(&last.to_ascii_lowercase())
        })
        .find_map(|chrome| {
            // Danish capitals take as many bytes as their small letters.
            let cut = title.len().checked_sub(chrome.len())?;
            let tail = title.get(cut..)?;
            (crate::grammar::eq_ignoring_case(tail, chrome) && title[..cut].ends_with(' '))
                .then(|| title[..cut].trim_end())
        })
        .unwrap_or(title)
}

/// "Lukket sag. Sagen behandles …": a closed marker ending the line's first sentence.
fn starts_with_closed_marker(text: &str) -> bool {
    text.split_once(". ")
        .is_some_and(|(first, _)| first.len() <= 40 && is_closed_marker(first))
}

/// "Lukket punkt: Køb af ejendom" / "Køb af ejendom (Lukket punkt)" → the title, closed.
fn strip_closed_marker(title: &str) -> (&str, bool) {
    // Every title is asked: the markers are compared only where the title's first byte
    // or its closing parenthesis lets them match (the markers are ASCII and lowercase).
    let first = title.as_bytes().first().map(u8::to_ascii_lowercase);
    let closes_parenthesis = title.ends_with(')');
    for marker in CLOSED_ITEM_MARKERS {
        if first == marker.as_bytes().first().copied()
            && let Some(len) = crate::grammar::prefix_ignoring_case(title, marker)
        {
            let rest = title[len..].trim_start_matches([':', '-', '–', ' ']);
            if !rest.is_empty() {
                return (rest, true);
            }
            // "49. Lukket punkt": the marker is all the title there is.
            if len == title.len() {
                return (title, true);
            }
        }
        // The markers are ASCII, so the tail to compare has the marker's byte length.
        let tail_start = title.len().saturating_sub(marker.len());
        if closes_parenthesis
            && marker.starts_with('(')
            && let Some(tail) = title.get(tail_start..)
            && crate::grammar::eq_ignoring_case(tail, marker)
        {
            return (title[..tail_start].trim_end(), true);
        }
        // "Salg af erhvervsgrund - Lukket punkt": the marker after a dash (the dash's
        // bytes looked at first: every title is asked).
        let before_tail = &title.as_bytes()[..tail_start];
        if !closes_parenthesis
            && (before_tail.ends_with(b" - ") || before_tail.ends_with(" – ".as_bytes()))
            && let Some(tail) = title.get(tail_start..)
            && crate::grammar::eq_ignoring_case(tail, marker)
            && let Some(before) = title[..tail_start]
                .strip_suffix(" - ")
                .or_else(|| title[..tail_start].strip_suffix(" – "))
            && !before.trim().is_empty()
        {
            return (before.trim_end(), true);
        }
    }
    // "Udbud af kørsel til specialskoler 2024-2028 Lukket": a web page's badge after the
    // title, its text glued on by the text dump. Only capitalised, as badges are set: a
    // title's own last word would be lowercase.
    for badge in crate::vocabulary::CLOSED_ITEM_BADGES {
        // ("…ved MøllebækkenLukket": glued to a small letter, where no word has a
        // capital.)
        if let Some(before) = title.strip_suffix(badge)
            && (before.ends_with(' ') || before.ends_with(char::is_lowercase))
            && let before = before.trim_end().trim_end_matches(['-', '–']).trim_end()
            && before.contains(' ')
        {
            return (before, true);
        }
    }
    (title, false)
}

/// "1. Tidsplan (pdf)" → "Tidsplan (pdf)"; "Bilag 2: Notat" → "Notat".
fn strip_list_number(text: &str) -> &str {
    let text = text.trim();
    let after_label = text
        .strip_prefix("Bilag ")
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(text);
    let digits = after_label.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        // "3.1 Notat", "Bilag 3.1 Notat", "Bilag 3 Notat": a number within the item's,
        // or one after the label, needs no mark after it.
        let mut end = digits;
        while let Some(sub) = after_label[end..].strip_prefix('.')
            && let sub_digits = sub.bytes().take_while(u8::is_ascii_digit).count()
            && (1..=3).contains(&sub_digits)
        {
            end += 1 + sub_digits;
        }
        let labelled = after_label.len() < text.len();
        if (labelled || end > digits)
            && let Some(name) = after_label[end..].strip_prefix([' ', ':', '.'])
            && !name.trim_start().is_empty()
        {
            // "Bilag 2 - Udvalgsopfølgninger": the dash sets the name off from its label.
            let name = name.trim_start();
            return name
                .strip_prefix(['-', '–'])
                .map(str::trim_start)
                .filter(|rest| !rest.is_empty())
                .unwrap_or(name);
        }
        let rest = &after_label[digits..];
        // "1. Notat", "1) Notat", "1: Notat", "1 - Notat".
        let rest = rest
            .strip_prefix(' ')
            .filter(|after| after.starts_with("- "))
            .unwrap_or(rest);
        if let Some(rest) = rest.strip_prefix(['.', ')', ':', '-']) {
            let rest = rest.trim_start();
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    text
}

/// A case number read from the end of an item's title ("… (24/10457)").
/// The case a case line names; `raw` is the line as written.
fn case_ref(case: &CaseLine<'_>, raw: &str, span: Span) -> CaseRef {
    CaseRef {
        id: case.id.to_owned(),
        initials: case.initials.map(str::to_owned),
        raw: raw.to_owned(),
        span,
    }
}

/// `tail`: what followed the title on its line, the case number as written ("(2023-
/// 0471123)", "- sagsnr. 24/112", "Sag: 20/00815"), without the separator before it.
fn case_from_title(id: &str, tail: &str, span: Span) -> CaseRef {
    let raw = tail.trim().trim_start_matches(['-', '–', ',']).trim_start();
    CaseRef {
        id: id.to_owned(),
        initials: None,
        raw: if raw.is_empty() { id } else { raw }.to_owned(),
        span,
    }
}

/// A line that divides the meeting into its open and closed parts ("Åbent møde",
/// "Lukket møde"): whether the items after it are closed.
fn meeting_part(text: &str) -> Option<bool> {
    // Every content line is asked: the parts are short and start with "å", "l" or "d".
    if text.len() > 30
        || !matches!(
            text.as_bytes().first(),
            Some(b'l' | b'L' | b'd' | b'D' | 0xC3)
        )
    {
        return None;
    }
    MEETING_PARTS
        .iter()
        .find(|(part, _)| crate::grammar::eq_ignoring_case(text, part))
        .map(|(_, closed)| *closed)
}

/// "Sagsbehandler Henrik Lund": a field under an item's heading, its key first and its
/// value after it ("Beslutningskompetence" alone may be a section's heading).
fn is_item_field(text: &str) -> bool {
    let Some((key, value)) = text.split_once([' ', ':']) else {
        return false;
    };
    !value.trim().is_empty()
        && ITEM_FIELD_KEYS
            .iter()
            .any(|k| crate::grammar::eq_ignoring_case(key, k))
}

/// Join a wrapped title's next line to it; a dash the lexer took for the line's bullet
/// ("– udsendelse i offentlig høring") is the title's.
fn join_title_line(title: &mut String, line: &Line<'_>) {
    match line.hints.dash_bullet {
        Some(dash) => crate::paragraph::join_wrapped(title, &format!("{dash} {}", line.text)),
        None => crate::paragraph::join_wrapped(title, &line.text),
    }
}

/// The label of one of an item's fields alone on its line, its value elsewhere:
/// "Sagsansvarlig", "Åben/Lukket", "Sagsnr.", "Dok.nr.:".
fn is_field_label(text: &str) -> bool {
    let key = text.trim_end_matches(':');
    key.len() <= MAX_CASE_LABEL
        && (is_case_label(text)
            || ITEM_FIELD_KEYS
                .iter()
                .chain(crate::vocabulary::ACCESS_FIELD_KEYS)
                .any(|k| crate::grammar::eq_ignoring_case(key, k)))
}

/// "Bilag 1: Notat …", "Bilag 2 - Tidsplan", "Bilag 3": an attachment's own heading.
fn is_numbered_attachment(text: &str) -> bool {
    let Some(len) = crate::grammar::prefix_ignoring_case(text, "bilag ") else {
        return false;
    };
    let rest = &text[len..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && rest[digits..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ':' | '.' | ' ' | '-'))
}

/// A heading that groups the items after it ("Sager til orientering",
/// "Beslutningssager"): not an item's text or attachment.
fn agenda_group(text: &str) -> bool {
    // Every group's name starts with one of these letters, ends in "g", "e" or "r", and
    // has 14 bytes or more (up to 40 with a colon and spaces).
    (14..=40).contains(&text.len())
        && matches!(
            text.as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b's' | b'p' | b'b' | b'o' | b'd' | b't')
        )
        && matches!(
            text.trim_end_matches(':')
                .as_bytes()
                .last()
                .map(u8::to_ascii_lowercase),
            Some(b'g' | b'e' | b'r')
        )
        && AGENDA_GROUPS
            .iter()
            .any(|group| crate::grammar::eq_ignoring_case(text.trim_end_matches(':'), group))
}

/// "1. Notat, 2. Kortbilag" → "1. Notat", "2. Kortbilag": split before each ", N. ".
fn split_numbered_run(entry: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(entry);
    std::iter::from_fn(move || {
        let text = rest?;
        let next = text.match_indices(", ").map(|(i, _)| i).find(|&i| {
            let after = &text[i + 2..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            // A name starts anew after its number; "…, 4. kvartal 2018" is an ordinal.
            digits > 0
                && after[digits..]
                    .strip_prefix(". ")
                    .is_some_and(|name| !name.starts_with(char::is_lowercase))
        });
        match next {
            Some(i) => {
                rest = Some(&text[i + 2..]);
                Some(&text[..i])
            }
            None => rest.take(),
        }
    })
}

/// "1. Budgetnotat (Åben)" → "Budgetnotat": without its list number and the access
/// marker a meeting system writes after each attachment.
fn attachment_name(line: &str) -> &str {
    let name = strip_list_number(line);
    if name.ends_with(')')
        && let Some(open) = name.rfind('(')
    {
        let marker = &name[open..];
        let access = crate::vocabulary::OPEN_ITEM_MARKERS
            .iter()
            .chain(&["(lukket)"])
            .any(|m| crate::grammar::eq_ignoring_case(marker, m));
        if access && open > 0 {
            return name[..open].trim_end();
        }
    }
    name
}

fn attachment_names(blocks: &[dagsorden_model::Block]) -> Vec<String> {
    use dagsorden_model::Block;
    // A list names the attachments; a paragraph after it is something else (a note, a
    // web page's footer after the last item).
    let listed_end = blocks
        .iter()
        .position(|b| matches!(b, Block::List { .. }))
        .and_then(|list| {
            blocks[list..]
                .iter()
                .position(|b| matches!(b, Block::Paragraph { .. }))
                .map(|after| list + after)
        })
        .unwrap_or(blocks.len());
    blocks[..listed_end]
        .iter()
        .flat_map(|b| match b {
            Block::List { items, .. } => items.iter().map(String::as_str).collect(),
            Block::Paragraph { text, .. } => vec![text.as_str()],
            Block::Enclosure { .. } => Vec::new(),
        })
        // "Bilag: Takstblad 2015; Budget 2015": names apart by semicolons.
        .flat_map(|entry| entry.split("; "))
        // "Bilag: 1. Notat om vejbelysning, 2. Kortbilag": numbered names on one line.
        .flat_map(|entry| split_numbered_run(entry).map(|name| attachment_name(name).to_owned()))
        .filter(|name| {
            let bare = name.trim_end_matches(['.', ' ']);
            // "Ingen"; and "Lukket møde", which divides the meeting after a Bilag list;
            // and a list's number alone ("1.", its name on a line of its own, as
            // pdftotext reads a numbered list's column of numbers first).
            !bare.is_empty()
                && !bare.bytes().all(|b| b.is_ascii_digit())
                && !NO_ATTACHMENTS.contains(&bare.to_lowercase().as_str())
                && meeting_part(bare).is_none()
                && !agenda_group(bare)
        })
        .collect()
}

/// Whether `text` goes on with the attachment name `before` (the line above, after
/// "Bilag:"): it starts in lowercase or with a digit that numbers no list ("Forslag til
/// integrationspolitik" / "2023-2026"), or with a parenthesis ("(PDF, 2,3 MB)"), or
/// the name before ends in a word no name ends in ("Præsentation fra" / "Sprogcenter
/// Midt", "… Lærkereden af" / "26. august 2024", whatever the line starts with).
fn continues_attachment_name(text: &str, before: Option<&str>) -> bool {
    let Some(before) = before else {
        return false;
    };
    let numbered = strip_list_number(text).len() < text.len();
    let starts_on = text
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(');
    name_left_open(before) || !numbered && starts_on
}

/// An attachment's name that cannot end where it does: in a word no name ends in
/// ("Præsentation fra", "… Lærkereden af"), or with a parenthesis open ("… (PDF, 1,1").
fn name_left_open(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|w| FUNCTION_WORDS.contains(&w) || NAME_CONTINUING_WORDS.contains(&w))
        || leaves_a_parenthesis_open(name)
}

/// "Udkast til høringssvar": a few words with no sentence's end, as an attachment's
/// name is (the next name in a table's cell, set apart by the cell's spacing; asked of
/// a paragraph of one line).
fn reads_as_a_name(text: &str) -> bool {
    !text.ends_with(['.', '!', '?', ':', ';', ','])
        && text.split_whitespace().count() <= 10
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// "… Vestervang (PDF, 1,1": a name whose last parenthesis is not closed goes on.
fn leaves_a_parenthesis_open(text: &str) -> bool {
    text.rfind('(')
        .is_some_and(|open| !text[open..].contains(')'))
}

/// Prepositions a name never ends in, besides [`FUNCTION_WORDS`].
const NAME_CONTINUING_WORDS: &[&str] = &["fra", "over", "under", "mellem", "ved", "hos"];

/// The numeric parts of an item number, without collecting them (this runs for every
/// item heading against every open item).
fn item_parts(number: &str) -> impl Iterator<Item = u32> + Clone + '_ {
    number.split('.').filter_map(|p| p.parse().ok())
}

/// Whether item number `parent`'s parts are a proper prefix of `child`'s.
fn is_ancestor(parent: &str, child: &str) -> bool {
    item_parts(parent).count() < item_parts(child).count()
        && item_parts(parent)
            .zip(item_parts(child))
            .all(|(p, c)| p == c)
}

fn parent_number(number: &str) -> &str {
    number.rsplit_once('.').map_or("", |(parent, _)| parent)
}

/// A page number at a TOC entry's end after a single space, where it can be the next
/// page: at least the last entry's page and at most [`MAX_PAGES_BETWEEN_ENTRIES`]
/// after it ("Meddelelser 8" after page 7; not "Lokalplan 123").
fn trailing_page(title: &str, last_page: Option<u32>) -> Option<(&str, u32)> {
    let last_page = last_page?;
    let (title, number) = title.rsplit_once(' ')?;
    let page: u32 = number.parse().ok()?;
    (number.bytes().all(|b| b.is_ascii_digit())
        && (last_page..=last_page + MAX_PAGES_BETWEEN_ENTRIES).contains(&page)
        && !title.trim().is_empty())
    .then_some((title.trim_end(), page))
}

/// The most pages a TOC's entry may stand after the entry before it, for a page read
/// without a leader or a gap.
const MAX_PAGES_BETWEEN_ENTRIES: u32 = 20;

/// The first entry of a TOC whose heading is glued to it: "Indholdsfortegnelse1. …".
fn glued_toc_heading(text: &str) -> Option<&str> {
    TOC_HEADINGS.iter().find_map(|heading| {
        let rest = text.get(heading.len()..)?;
        let glued = rest.starts_with(|c: char| c.is_ascii_digit())
            && text
                .get(..heading.len())
                .is_some_and(|h| h.to_lowercase() == *heading);
        glued.then_some(rest)
    })
}

/// The wrapped tail of an item title: starts in lowercase and is not a sentence.
fn is_title_continuation(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
        && !text.ends_with(['.', ':', ';', ','])
        && text.split_whitespace().count() <= 12
        && case_line(text).is_none()
}

/// A line that starts something rather than going on with the line before: a bullet,
/// or a capital or a digit first.
fn starts_anew(line: &Line<'_>) -> bool {
    line.hints.bullet
        || line
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A short line with no sentence end: the rest of a wrapped title when a case line or
/// section heading follows it.
fn is_short_title_tail(text: &str) -> bool {
    !text.ends_with(['.', ':', ';', ','])
        && text.split_whitespace().count() <= 8
        && case_line(text).is_none()
        && section_heading(text).is_none()
}

/// Plain running text: no field, TOC, title, item or section line.
fn is_running_text(line: &Line<'_>) -> bool {
    let text = line.text.as_ref();
    !line.hints.bullet
        && field_line(text).is_none()
        && title_line(text).is_none()
        && item_heading(text).is_none()
        && section_heading(text).is_none()
        && !is_toc_heading(text)
        && glued_toc_heading(text).is_none()
}

/// "Bemærkningerne vedrører hovedsageligt:": a sentence that ends in a colon, its list
/// after it (read whole, it has the shape of a field's key).
fn opens_a_list(line: &Line<'_>) -> bool {
    let text = line.text.as_ref();
    !line.hints.bullet
        && !line.hints.is_heading()
        && text.ends_with(':')
        && text.split_whitespace().count() >= 3
        && text[..text.len() - 1].find(':').is_none()
        && crate::vocabulary::meeting_key(text.trim_end_matches(':')).is_none()
        && item_heading(text).is_none()
        && section_heading(text).is_none()
}

/// A short name on its own line: a committee or council ("Økonomiudvalget").
fn looks_like_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.ends_with(['.', ',', ':', ';'])
        && !text.contains(':')
}

fn is_toc_heading(text: &str) -> bool {
    let bare = text.trim_end_matches(':').trim();
    TOC_HEADINGS
        .iter()
        .any(|heading| crate::grammar::eq_ignoring_case(bare, heading))
}

/// Whether two titles start with the same word, in any case.
fn first_words_agree(a: &str, b: &str) -> bool {
    let (a, b) = (
        a.split_whitespace().next().unwrap_or_default(),
        b.split_whitespace().next().unwrap_or_default(),
    );
    same_ignoring_case(a, b)
}

/// Whether two texts are the same but for case, compared in place: no lowercase copies
/// (most words are ASCII).
fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || !(a.is_ascii() && b.is_ascii())
            && a.chars()
                .flat_map(char::to_lowercase)
                .eq(b.chars().flat_map(char::to_lowercase))
}

/// A TOC line with no item number: a heading's title, short, and its page set off by a
/// leader or a gap ("Indstilling<tab>4", "Indholdsfortegnelse ..... 2").
fn unnumbered_toc_entry<'t>(line: &'t Line<'_>) -> Option<(&'t str, u32)> {
    let text = line.text.as_ref();
    // Most lines end in a letter or a stop: only a digit can end an entry.
    if !text.ends_with(|c: char| c.is_ascii_digit()) || text.len() > MAX_UNNUMBERED_TOC_ENTRY {
        return None;
    }
    set_off_page(line)
        .filter(|(title, _)| title.starts_with(char::is_uppercase) && item_heading(text).is_none())
}

/// A line's page number at its end, set off by a leader or a gap, and the text before
/// it ("Indstilling<tab>4", "… endelig vedtagelse ..... 5").
fn set_off_page<'t>(line: &'t Line<'_>) -> Option<(&'t str, u32)> {
    match split_leader(&line.text) {
        (title, Some(page), leader) if leader || line.hints.gap_before_last_word => {
            Some((title, page))
        }
        _ => None,
    }
}

/// The longest value taken for a label a blank line above it.
const MAX_VALUE_APART_CHARS: usize = 80;

/// The longest line taken for a case number's label alone ("Sagsnr.:", "Journalnr.:").
const MAX_CASE_LABEL: usize = 20;

/// The shortest title a heading is matched by with its TOC entry, as a prefix.
const MIN_TOC_TITLE_MATCH: usize = 10;

/// The shortest line taken for one drawn again across a page break: shorter lines
/// ("Bilag", "Godkendt.") may well stand at both sides of a break.
const MIN_LINE_DRAWN_AGAIN: usize = 12;

/// The longest line taken for an unnumbered TOC entry (a heading's title and its page).
const MAX_UNNUMBERED_TOC_ENTRY: usize = 160;

/// The organisation line: styled as a heading or written in capitals, and short.
fn looks_like_organisation(line: &Line<'_>) -> bool {
    let text = line.text.as_ref();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    !line.hints.bullet
        && text.chars().count() <= 80
        && !text.ends_with(['.', ',', ':'])
        && (line.hints.is_heading() || capitals)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting_of(text: &str) -> (Option<String>, Option<String>) {
        let meeting = crate::parse(text).meeting;
        (
            meeting.date.map(|d| d.to_string()),
            meeting.time.map(|t| t.to_string()),
        )
    }

    #[test]
    fn a_header_line_gives_the_date_no_field_gives() {
        let body = "\n\n1. Godkendelse af dagsorden\n\nIndstilling\nDet indstilles, at dagsordenen godkendes.\n";
        assert_eq!(
            meeting_of(&format!(
                "DAGSORDEN\n\nfor\n\nTeknikudvalgets møde\ntirsdag den 17. marts 2009 kl. 16.30\ni mødelokale 3{body}"
            )),
            (Some("2009-03-17".into()), Some("16:30".into()))
        );
        assert_eq!(
            meeting_of(&format!(
                "KKR NORDJYLLAND\nDAGSORDEN\nMøde i KKR Nordjylland fredag den 14. september 2012 kl. 10.00-13.00{body}"
            )),
            (Some("2012-09-14".into()), Some("10:00".into()))
        );
        // A field says otherwise: the field wins.
        assert_eq!(
            meeting_of(&format!(
                "Dagsorden\n\ntirsdag den 17. marts 2009\nDato: 18.03.2009\nTidspunkt: kl. 9.00{body}"
            )),
            (Some("2009-03-18".into()), Some("09:00".into()))
        );
        // A date inside the items is not the meeting's.
        assert_eq!(
            meeting_of(&format!("Dagsorden{body}\n17. marts 2009\n")).0,
            None
        );
    }

    #[test]
    fn a_heading_like_attachment_name_under_another_is_an_attachment() {
        let agenda = crate::parse(
            "Dagsorden\n\n1. Anlægsbevilling\n\nBilag\nSkitseprojekt\nTidsplan for byggeriet\n\nBeslutning i Byrådet\n\nGodkendt.\n",
        );
        let item = &agenda.items[0];
        assert_eq!(
            item.attachments,
            vec![
                "Skitseprojekt".to_owned(),
                "Tidsplan for byggeriet".to_owned()
            ]
        );
        let headings: Vec<&str> = item.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, vec!["Bilag", "Beslutning i Byrådet"]);
    }

    #[test]
    fn a_listing_of_the_items_before_them_is_the_toc() {
        let agenda = crate::parse(
            "Byrådet\n\nReferat\n\nPunkt 1: Godkendelse af dagsorden\nPunkt 2: Budget\nPunkt 3: Eventuelt\n\n\
             Punkt 1: Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\nPunkt 2: Budget\n\nBeslutning\nGodkendt.\n\n\
             Punkt 3: Eventuelt\n\nBeslutning\nIntet.\n",
        );
        let toc: Vec<&str> = agenda.toc.iter().map(|e| e.number.as_str()).collect();
        assert_eq!(toc, vec!["1", "2", "3"]);
        let items: Vec<(&str, usize)> = agenda
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.sections.len()))
            .collect();
        assert_eq!(items, vec![("1", 1), ("2", 1), ("3", 1)]);
        // Headings one after the other that are not given again are no TOC.
        let agenda = crate::parse("Dagsorden\n\n1. Godkendelse\n2. Budget\n3. Eventuelt\n");
        assert!(agenda.toc.is_empty());
        assert_eq!(agenda.items[0].number, "1");
    }

    #[test]
    fn a_case_number_after_a_wrapped_title() {
        let agenda = crate::parse(
            "Dagsorden\n\n4. Frigivelse af anlægsbevilling til renovering af tag og facade på\nSøndervangskolen (24/10457)\n\nSagsbeskrivelse\nTekst.\n",
        );
        let item = &agenda.items[0];
        assert_eq!(
            item.title,
            "Frigivelse af anlægsbevilling til renovering af tag og facade på Søndervangskolen"
        );
        assert_eq!(item.case.as_ref().map(|c| c.id.as_str()), Some("24/10457"));
    }

    #[test]
    fn a_decision_quoted_in_the_case_history_is_its_text() {
        let agenda = crate::parse(
            "Dagsorden\n\n1. Lokalplan\n\nSagens tidligere behandling:\nUdvalget den 13. januar 2009, pkt. 4:\nBeslutning: Indstillingen godkendt.\n\nIndstilling:\nForvaltningen indstiller, at planen vedtages.\n\nBeslutning:\n",
        );
        let headings = section_headings(&agenda.items[0]);
        assert_eq!(
            headings,
            vec!["Sagens tidligere behandling", "Indstilling", "Beslutning"]
        );
        assert!(agenda.items[0].sections[0].blocks.iter().any(|b| matches!(b,
            dagsorden_model::Block::Paragraph { text, .. } if text.contains("Beslutning: Indstillingen godkendt."))));
    }

    #[test]
    fn items_without_blank_lines_are_set_off_by_the_structure_after_them() {
        let agenda = crate::parse(
            "Referat\n12. Godkendelse af dagsorden\nSagsnr.: 00.01.00-A00-3-24\nIndstilling\nDet indstilles, at dagsordenen godkendes.\nBilag\n1. Notat om budget\n13. Budgetopfølgning\nSagsnr.: 00.30.14-S00-1-24\nResume\nTekst.\n14. marts blev planen vedtaget.\n",
        );
        let items: Vec<&str> = agenda.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(items, vec!["12", "13"]);
        assert_eq!(
            agenda.items[0].attachments,
            vec!["Notat om budget".to_owned()]
        );
        assert_eq!(
            agenda.items[1].case.as_ref().map(|c| c.id.as_str()),
            Some("00.30.14-S00-1-24")
        );
    }

    #[test]
    fn a_case_line_with_its_access_marker_or_the_marker_alone_sets_off_an_item() {
        // Web-page text extracted without blank lines (trafilatura's): the case line
        // carries the item's access marker after a middle dot; an item without a case
        // has the marker alone. The TOC's list was dropped, its heading left.
        let text = "Referat\nIndholdsfortegnelse\n1. Godkendelse af dagsorden\nSagsnr.: 24/00417 · Åbent punkt\nBeslutning\nGodkendt.\n2. Budgetopfølgning for udvalget\nSagsnr.: 24/00418 · Åbent punkt\nBeslutning\nGodkendt.\n3. Eventuelt\nÅbent punkt\nBeslutning\nIntet.\n4. Køb af grund\nSagsnr.: 24/00420 · Lukket punkt\nBeslutning\nGodkendt.\n";
        for text in [text, &text.replacen("Indholdsfortegnelse\n", "", 1)] {
            let agenda = crate::parse(text);
            assert_eq!(
                numbers_and_titles(&agenda),
                vec![
                    ("1", "Godkendelse af dagsorden"),
                    ("2", "Budgetopfølgning for udvalget"),
                    ("3", "Eventuelt"),
                    ("4", "Køb af grund"),
                ]
            );
            let cases = case_ids(&agenda);
            assert_eq!(
                cases,
                vec![Some("24/00417"), Some("24/00418"), None, Some("24/00420")]
            );
            assert!(agenda.toc.is_empty());
            assert!(!agenda.items[3].open);
        }
    }

    #[test]
    fn a_row_of_the_items_fields_under_its_heading_is_no_title_tail() {
        // A row of cells under each heading (LaTeX's and Qt's tables read a line at a
        // time): the case number, the access marker and the officer; without a number
        // where the item has no case.
        let agenda = crate::parse(
            "Dagsorden\n\n1. Godkendelse af dagsorden\nSagsnr.: –   Sagsbehandler: Sekretariatet   Åbent punkt\n\nIndstilling\nDirektionen indstiller, at dagsordenen godkendes.\n\n2. Køb af grund\nSagsnr.: 24/00412     Lukket punkt     Sagsbehandler: Anne-Mette Skov\n\nIndstilling\nDirektionen indstiller, at grunden købes.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![("1", "Godkendelse af dagsorden"), ("2", "Køb af grund")]
        );
        assert_eq!(agenda.items[0].case, None);
        assert_eq!(
            agenda.items[1].case.as_ref().map(|c| c.id.as_str()),
            Some("24/00412")
        );
        assert!(agenda.items[0].open && !agenda.items[1].open);
    }

    #[test]
    fn a_badge_after_the_items_fields_takes_no_number() {
        // "punkt" ends the line above the sub-item's heading, as in "jf. punkt" / "3";
        // here it is the item's access badge, and the number starts a sub-item.
        for fields in [
            "Sagsnr.: 24/00418   Sagsbehandler: Sekretariatet   Åbent punkt",
            "Åbent punkt",
        ] {
            let agenda = crate::parse(&format!(
                "Referat\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n2. Meddelelser\n{fields}\n2.1 Orientering om likviditet\nSagsnr.: 24/10987   Sagsbehandler: Rikke Dahl   Åbent punkt\nSagsfremstilling\nLikviditeten er faldet.\nBeslutning\nTaget til efterretning.\n"
            ));
            let children: Vec<&str> = agenda.items[1]
                .children
                .iter()
                .map(|c| c.number.as_str())
                .collect();
            assert_eq!(children, vec!["2.1"], "{fields}");
        }
        // A sentence that refers to an item's number goes on.
        let agenda = crate::parse(
            "Referat\n\n1. Godkendelse af dagsorden\nBeslutning\nSagen blev behandlet under punkt\n2. Der var ingen bemærkninger.\n",
        );
        assert_eq!(agenda.items.len(), 1);
    }

    #[test]
    fn headings_whose_numbers_only_the_toc_gives_are_its_items() {
        // odt2txt of a word processor's outline-numbered headings: the numbers are in
        // the TOC only; a heading wraps with a dash; the last attachment of an item
        // stands right above the next item's heading.
        let agenda = crate::parse(
            "Dagsorden\n\nIndholdsfortegnelse\n\n1. Godkendelse af dagsorden  2\n\n2. Ændring af skoledistrikt for Nørremark Skole – endelig beslutning  3\n\n3. Eventuelt  4\n\nGodkendelse af dagsorden\n\nSagsnr.: 24/00841  Åbent punkt\n\nIndstilling\n\nDirektøren indstiller, at dagsordenen godkendes.\n\nBilag\n\nHøringsbrev til skolebestyrelserne\n\nÆndring af skoledistrikt for Nørremark Skole\n– endelig beslutning\n\nSagsnr.: 23/22614  Åbent punkt\n\nSagsfremstilling\n\nDistriktet ændres. Eventuelt\n\nEventuelt\n\nÅbent punkt\n\nBeslutning\n\nIntet.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![
                ("1", "Godkendelse af dagsorden"),
                (
                    "2",
                    "Ændring af skoledistrikt for Nørremark Skole – endelig beslutning"
                ),
                ("3", "Eventuelt"),
            ]
        );
        let pages: Vec<Option<u32>> = agenda.toc.iter().map(|e| e.page).collect();
        assert_eq!(pages, vec![Some(2), Some(3), Some(4)]);
        assert_eq!(
            agenda.items[0].attachments,
            vec!["Høringsbrev til skolebestyrelserne".to_owned()]
        );
        // A closed marker before the title, as the heading is printed.
        let agenda = crate::parse(
            "Dagsorden\n\nIndholdsfortegnelse\n\n1. Godkendelse af dagsorden  2\n\n2. Køb af grund  3\n\nGodkendelse af dagsorden\n\nSagsnr.: 24/00841\n\nIndstilling\n\nGodkendt.\n\nLukket dagsordenspunkt: Køb af grund\n\nSagsnr.: 24/00842\n\nIndstilling\n\nGodkendt.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![("1", "Godkendelse af dagsorden"), ("2", "Køb af grund")]
        );
        assert!(!agenda.items[1].open);
        // A TOC title as text, with no case or section under it, is text.
        let agenda = crate::parse(
            "Dagsorden\n\nIndholdsfortegnelse\n\n1. Godkendelse af dagsorden  2\n\n2. Meddelelser  3\n\n1. Godkendelse af dagsorden\n\nIndstilling\n\nGodkendt.\n\nMeddelelser\n\nDer var ingen.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![("1", "Godkendelse af dagsorden")]
        );
    }

    #[test]
    fn a_wrapped_attachment_name_goes_on_after_a_word_no_name_ends_in() {
        let agenda = crate::parse(
            "Dagsorden\n\n1. Henvendelse\n\nBilag\n\nHenvendelse fra forældrebestyrelsen af\n26. august 2024\n\nKvalitetsrapport 2023/24\n(PDF, 2,3 MB)\n\nForvaltningens svar\n",
        );
        assert_eq!(
            agenda.items[0].attachments,
            vec![
                "Henvendelse fra forældrebestyrelsen af 26. august 2024".to_owned(),
                "Kvalitetsrapport 2023/24 (PDF, 2,3 MB)".to_owned(),
                "Forvaltningens svar".to_owned(),
            ]
        );
        // After the label, on its line.
        let agenda = crate::parse(
            "Dagsorden\n\n1. Henvendelse\n\nBilag: Notat fra forvaltningen af\n3. maj 2024\n",
        );
        assert_eq!(
            agenda.items[0].attachments,
            vec!["Notat fra forvaltningen af 3. maj 2024".to_owned()]
        );
    }

    #[test]
    fn a_case_number_and_a_badge_glued_to_the_title() {
        // A web page's text dumped with nothing between its elements (BeautifulSoup's
        // get_text()): the case label and the closed badge run into the title's last
        // word; the heading stands under the last attachment of the item before.
        let agenda = crate::parse(
            "Dagsorden\n\nPunkter på dagsordenen\n1.Godkendelse af dagsorden\n2.Meddelelser\n3.Erhvervelse af areal ved MøllebækkenLukket\n\nPunkt 1: Godkendelse af dagsordenSagsnr. 25/00218\n\nIndstilling\nForvaltningen indstiller, at dagsordenen godkendes.\n\nBilag\nOversigt (PDF, 98 KB)\n\nPunkt 2: MeddelelserSagsnr. 25/00219\n\nSagsfremstilling\nIngen.\n\nPunkt 3: Erhvervelse af areal ved MøllebækkenLukket\n\nSagsfremstilling\nPunktet behandles for lukkede døre.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![
                ("1", "Godkendelse af dagsorden"),
                ("2", "Meddelelser"),
                ("3", "Erhvervelse af areal ved Møllebækken"),
            ]
        );
        let cases = case_ids(&agenda);
        assert_eq!(cases, vec![Some("25/00218"), Some("25/00219"), None]);
        assert!(agenda.items[0].open && !agenda.items[2].open);
    }

    #[test]
    fn a_title_sentence_under_the_title_gives_the_date() {
        let agenda = crate::parse(
            "Bjergsted Kommune\nReferat\nReferat af mødet i Teknik- og Miljøudvalget den 9. oktober 2024\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n",
        );
        assert_eq!(agenda.title.as_deref(), Some("Referat"));
        assert_eq!(
            agenda.meeting.date.map(|d| d.to_string()).as_deref(),
            Some("2024-10-09")
        );
    }

    #[test]
    fn an_open_marker_alone_among_the_items_fields_is_no_section() {
        // docx2python: each of an item's fields a paragraph, the badge last.
        let agenda = crate::parse(
            "Dagsorden\n\nPunkt 9: Meddelelser\n\nSagsnr.: 24/00090\n\nSagsbehandler: Mette Lund\n\nÅbent punkt\n\nUdvalget orienteres om status på sagerne i kvartalet, som de fremgår af oversigten.\n",
        );
        assert!(
            agenda.items[0].sections.is_empty(),
            "{:?}",
            agenda.items[0].sections
        );
        assert!(agenda.items[0].open);
        // Nor is the access field ("Status: Lukket punkt"), which closes the item.
        let agenda = crate::parse(
            "Dagsorden\n\n9. Salg af ejendom\n\nSagsnr.: 25/00870\n\nStatus: Lukket punkt\n\nSagen behandles for lukkede døre, jf. kommunestyrelsesloven.\n",
        );
        assert!(
            agenda.items[0].sections.is_empty(),
            "{:?}",
            agenda.items[0].sections
        );
        assert!(!agenda.items[0].open);
    }

    #[test]
    fn a_case_line_with_its_marker_under_a_heading_a_held_case_line_opened_stays_text() {
        let text = "Referat\n\n7. Dispensation\nBeslutning\nGodkendt.\nSAG-2020-00001 abc\n8. Meddelelser\nSagsnr.: 24/00417 · Åbent punkt\nSagsfremstilling\nIngen.\n";
        let agenda = crate::parse(text);
        let item = &agenda.items[1];
        assert_eq!(
            item.case.as_ref().map(|c| c.id.as_str()),
            Some("SAG-2020-00001")
        );
        // The second case line is kept: as the item's text.
        let kept = serde_json::to_string(&agenda).unwrap_or_default();
        assert!(kept.contains("Sagsnr.: 24/00417"), "{kept}");
    }

    #[test]
    fn a_badge_and_case_in_a_row_of_cells_under_the_heading() {
        // striprtf's RTF table: each cell ends in a bar.
        let agenda = crate::parse(
            "Referat\n\nMødedato|Tirsdag den 8. oktober 2024|\n\n1.\tGodkendelse af dagsorden\nÅbent punkt|Sagsnr.: 24-000381|\nIndstilling\nDet indstilles, at dagsordenen godkendes.\n\n2.\tKøb af grund\nLukket punkt|Sagsnr.: 24-000382|\nIndstilling\nDet indstilles, at grunden købes.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![("1", "Godkendelse af dagsorden"), ("2", "Køb af grund")]
        );
        let cases = case_ids(&agenda);
        assert_eq!(cases, vec![Some("24-000381"), Some("24-000382")]);
        assert!(agenda.items[0].open && !agenda.items[1].open);
        assert_eq!(
            agenda.meeting.date.map(|d| d.to_string()).as_deref(),
            Some("2024-10-08")
        );
    }

    #[test]
    fn kls_case_number_at_the_end_of_a_titles_line() {
        let agenda = crate::parse(
            "Dagsorden\n\n8. Høringssvar til trafikplan 2025-2028 SAG-2024-02891 abk\n\nBaggrund\nTekst.\n",
        );
        assert_eq!(
            numbers_and_titles(&agenda),
            vec![("8", "Høringssvar til trafikplan 2025-2028")]
        );
        assert_eq!(
            agenda.items[0].case.as_ref().map(|c| c.id.as_str()),
            Some("SAG-2024-02891")
        );
    }

    #[test]
    fn a_quoted_letters_salutation_is_no_section_heading() {
        let agenda = crate::parse(
            "Referat\n\n6. Henvendelse om busdrift\n\nSagsfremstilling\n\nRådet har modtaget følgende brev fra en borger:\n\n> Kære Ældreråd\n>\n> Siden køreplanen blev lavet om i august, går bussen kun én gang i timen til centret.\n\nBeslutning\n\nRådet skriver til udvalget.\n",
        );
        let headings = section_headings(&agenda.items[0]);
        assert_eq!(headings, vec!["Sagsfremstilling", "Beslutning"]);
    }

    #[test]
    fn a_saved_emails_date_header_is_not_the_meetings_date() {
        let agenda = crate::parse(
            "Emne:\tDagsorden til Ældrerådets møde\nDato:\tFri, 07 Mar 2025 08:41:17 +0100\n\n> Dagsorden\n>\n> Dato:      Onsdag den 12. marts 2025\n> Tid:       Kl. 13.00-15.30\n>\n> 1. Godkendelse af dagsorden\n",
        );
        assert_eq!(
            agenda.meeting.date.map(|d| d.to_string()).as_deref(),
            Some("2025-03-12")
        );
        assert_eq!(
            agenda.meeting.time.map(|t| t.to_string()).as_deref(),
            Some("13:00")
        );
        // The header stays a field of the meeting.
        assert!(
            agenda
                .meeting
                .fields
                .iter()
                .any(|f| f.value.contains("+0100"))
        );
    }

    #[test]
    fn items_after_the_closed_part_heading_are_closed() {
        let agenda = crate::parse(
            "Dagsorden\n\nÅbent møde\n\n1. Budget\n\nIndstilling\nDet indstilles, at budgettet godkendes.\n\nLukket møde\n\n2. Køb af grund\n\nIndstilling\nDet indstilles, at grunden købes.\n",
        );
        let open: Vec<(&str, bool)> = agenda
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.open))
            .collect();
        assert_eq!(open, vec![("1", true), ("2", false)]);
    }

    /// An item's section headings, in order.
    fn section_headings(item: &Item) -> Vec<&str> {
        item.sections.iter().map(|s| s.heading.as_str()).collect()
    }

    /// Each top-level item's case number.
    fn case_ids(agenda: &Agenda) -> Vec<Option<&str>> {
        agenda
            .items
            .iter()
            .map(|i| i.case.as_ref().map(|c| c.id.as_str()))
            .collect()
    }

    /// Each top-level item's number and title.
    fn numbers_and_titles(agenda: &Agenda) -> Vec<(&str, &str)> {
        agenda
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str()))
            .collect()
    }

    #[test]
    fn a_number_hung_under_a_bullet_is_its_tail_not_a_page_number() {
        let agenda = crate::parse(
            "Referat\n\n8. Kvartalsrapport\n\nBilag\n- Kvartalsrapport, 1. kvartal\n  2025\n\nBeslutning\nTaget til efterretning.\n\n14\n\n9. Eventuelt\n",
        );
        assert_eq!(
            agenda.items[0].attachments,
            ["Kvartalsrapport, 1. kvartal 2025"]
        );
        // A number alone between paragraphs is still a page's.
        assert!(
            agenda
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::StrayPageNumber)
        );
    }

    #[test]
    fn an_attachment_merged_in_after_its_item_opens_with_its_number_alone() {
        let agenda = crate::parse(
            "Dagsorden\n\nIndholdsfortegnelse\n3. Ny daginstitution\n4. Budgetopfølgning\n\n3. Ny daginstitution\n\nIndstilling\nDet indstilles, at bevillingen gives.\n\n\u{c}VESTHAVN KOMMUNE\nBørn og Unge\n\nBilag 3.1\n# NOTAT\n\n1. Formål\n\nNotatet beskriver tidsplanen.\n\n4. Risici\n\nJordbunden er usikker.\n\u{c}4. Budgetopfølgning\n\nIndstilling\nDet indstilles, at opfølgningen tages til efterretning.\n",
        );
        let items = numbers_and_titles(&agenda);
        assert_eq!(
            items,
            [("3", "Ny daginstitution"), ("4", "Budgetopfølgning")]
        );
        let recommendations = &agenda.items[0].recommendations;
        assert_eq!(recommendations, &["bevillingen gives"]);
        assert!(!agenda.items[0].sections[0].text().contains("Risici"));
    }

    #[test]
    fn a_numbered_list_is_no_item_the_toc_lists_under_another_title() {
        let agenda = crate::parse(
            "Dagsorden\n\nIndholdsfortegnelse\n1. Godkendelse af dagsorden\n2. Kulturstrategi 2025-2028\n3. Tilskud fra puljen\n4. Budgetopfølgning\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n2. Kulturstrategi 2025-2028\n\nSagsfremstilling\nStrategien har fire pejlemærker:\n\n3. Fællesskaber på tværs af generationer.\n\n4. Stærke kulturinstitutioner med gode rammer.\n\n3. Tilskud fra puljen\n\nBeslutning\nGodkendt.\n\n4. Budgetopfølgning\n\nBeslutning\nTaget til efterretning.\n",
        );
        let items = numbers_and_titles(&agenda);
        assert_eq!(
            items,
            [
                ("1", "Godkendelse af dagsorden"),
                ("2", "Kulturstrategi 2025-2028"),
                ("3", "Tilskud fra puljen"),
                ("4", "Budgetopfølgning")
            ]
        );
        assert!(
            agenda.items[1].sections[0]
                .text()
                .contains("Fællesskaber på tværs")
        );
    }

    #[test]
    fn who_decided_and_when_under_a_beslutning_heading_is_the_decisions_text() {
        let agenda = crate::parse(
            "Referat\n\n1. Budget\n\nBeslutning\nKultur- og Fritidsudvalget den 10. september 2024:\nGodkendt.\n",
        );
        let sections: Vec<&str> = agenda.items[0]
            .sections
            .iter()
            .map(|s| s.heading.as_str())
            .collect();
        assert_eq!(sections, ["Beslutning"]);
        assert!(agenda.items[0].sections[0].text().contains("Godkendt."));
    }

    #[test]
    fn the_bodys_name_and_the_title_word_in_two_cells() {
        let agenda = crate::parse(
            "Søholm Kommune\tDagsorden\n\nMødedato:\tTirsdag den 10. september 2024\n\n1. Godkendelse af dagsorden\n",
        );
        assert_eq!(agenda.kind, DocumentKind::Dagsorden);
        assert_eq!(agenda.title.as_deref(), Some("Dagsorden"));
        assert_eq!(agenda.organisation.as_deref(), Some("Søholm Kommune"));
        // A name in the second cell is no title; nor is a title word without the gap.
        let agenda = crate::parse("Søholm Kommune\tØkonomiudvalget\n\n1. Godkendelse\n");
        assert_eq!(agenda.kind, DocumentKind::Unknown);
        let agenda = crate::parse("Søholm Kommune Dagsorden\n\n1. Godkendelse\n");
        assert_eq!(agenda.title, None);
    }

    #[test]
    fn a_part_heading_with_a_note_under_it_belongs_to_no_item() {
        // Markdown headings, as a PDF's large bold type reads.
        let agenda = crate::parse(
            "Dagsorden\n\n## 1. Meddelelser\n\n### Indstilling\nDet indstilles, at meddelelserne tages til efterretning.\n\n## Lukkede punkter\n\nFølgende punkter behandles for lukkede døre.\n\n## 2. Køb af grund\n\n### Indstilling\nDet indstilles, at grunden købes.\n",
        );
        let items: Vec<(&str, bool, Vec<&str>)> = agenda
            .items
            .iter()
            .map(|i| {
                let headings = i.sections.iter().map(|s| s.heading.as_str()).collect();
                (i.number.as_str(), i.open, headings)
            })
            .collect();
        assert_eq!(
            items,
            vec![
                ("1", true, vec!["Indstilling"]),
                ("2", false, vec!["Indstilling"])
            ]
        );
        let indstilling = agenda.items[0].sections[0].text();
        assert!(!indstilling.contains("Lukkede") && !indstilling.contains("Følgende"));
        let kept: Vec<&str> = agenda
            .diagnostics
            .iter()
            .filter_map(|d| d.text.as_deref())
            .collect();
        assert!(kept.contains(&"Lukkede punkter"));
        assert!(kept.contains(&"Følgende punkter behandles for lukkede døre."));
    }

    #[test]
    fn numbered_runs_of_names_but_not_ordinals() {
        let names: Vec<&str> =
            split_numbered_run("1. Notat om vejbelysning, 2. Kortbilag").collect();
        assert_eq!(names, ["1. Notat om vejbelysning", "2. Kortbilag"]);
        let names: Vec<&str> =
            split_numbered_run("Statusnotat om Sundhedsplatformen, 4. kvartal 2018").collect();
        assert_eq!(
            names,
            ["Statusnotat om Sundhedsplatformen, 4. kvartal 2018"]
        );
    }

    #[test]
    fn attachment_names_without_number_and_access_marker() {
        assert_eq!(attachment_name("1. Budgetnotat (Åben)"), "Budgetnotat");
        assert_eq!(
            attachment_name("1 - Notat om høringssvar"),
            "Notat om høringssvar"
        );
        assert_eq!(attachment_name("3 tegninger"), "3 tegninger");
        assert_eq!(
            attachment_name("Bilag 3.1 Notat – tidsplan"),
            "Notat – tidsplan"
        );
        assert_eq!(attachment_name("3.2 Skitseforslag"), "Skitseforslag");
        assert_eq!(attachment_name("Bilag 2 Kortbilag"), "Kortbilag");
        assert_eq!(
            attachment_name("Bilag 2 - Udvalgsopfølgninger (PDF, 1,8 MB)"),
            "Udvalgsopfølgninger (PDF, 1,8 MB)"
        );
        assert_eq!(attachment_name("Bilag 1 – Takstoversigt"), "Takstoversigt");
        assert_eq!(
            attachment_name("Bilag 1: Tilstandsrapport"),
            "Tilstandsrapport"
        );
        assert_eq!(
            attachment_name("Tilbudsliste, rådgiverydelser (Lukket)"),
            "Tilbudsliste, rådgiverydelser"
        );
        assert_eq!(
            attachment_name("Kontrakt (Lukket bilag)"),
            "Kontrakt (Lukket bilag)"
        );
        assert_eq!(attachment_name("Notat (pdf)"), "Notat (pdf)");
    }

    #[test]
    fn a_heading_word_that_ends_a_wrapped_sentence_is_text() {
        let agenda = crate::parse(
            "Dagsorden\n\n1. Rammeaftale\n\nSagsfremstilling\nStyregruppen foreslår følgende\ntidsplan:\n\nMarts 2010 behovsvurderinger\n\nBeslutning\nGodkendt.\n",
        );
        let headings = section_headings(&agenda.items[0]);
        assert_eq!(headings, vec!["Sagsfremstilling", "Beslutning"]);
    }

    #[test]
    fn a_time_without_kl_and_case_ids_under_other_labels() {
        let agenda = crate::parse(
            "Dagsorden\n\nDato: Mandag den 2. december 2024\nTid: 15.30\n\nPkt. 34  Godkendelse af dagsorden\nSagsid.: 24/40012\n\nKort resume\nTekst.\n\nPkt. 35  Budget\nDok.nr.: 24/44123\n\nSagens indhold\nTekst.\n\nBilag\nNotat\n\nLukket møde\n\nPkt. 36  Køb\n\nBeslutning\n",
        );
        assert_eq!(
            agenda.meeting.time.map(|t| t.to_string()),
            Some("15:30".to_owned())
        );
        let cases = case_ids(&agenda);
        assert_eq!(cases, vec![Some("24/40012"), Some("24/44123"), None]);
        assert_eq!(agenda.items[1].attachments, vec!["Notat".to_owned()]);
        assert!(!agenda.items[2].open);
        let kinds: Vec<SectionKind> = agenda.items[..2]
            .iter()
            .map(|i| i.sections[0].kind)
            .collect();
        assert_eq!(
            kinds,
            vec![SectionKind::Resume, SectionKind::Sagsfremstilling]
        );
    }

    #[test]
    fn a_last_line_of_a_label_and_a_name_is_no_cut() {
        let truncated = |text: &str| {
            crate::parse(text)
                .diagnostics
                .iter()
                .any(|d| d.code == dagsorden_model::DiagnosticCode::Truncated)
        };
        assert!(!truncated(
            "Referat\n\n1. Salg\n\nBeslutning\nGodkendt.\n\nFraværende: Rikke Dalby-Svendsen\n"
        ));
        assert!(truncated(
            "Referat\n\n1. Salg\n\nBeslutning\nUdvalget besluttede at sende sagen videre til\n"
        ));
    }

    #[test]
    fn a_bilag_that_says_there_is_none_lists_none() {
        let agenda = crate::parse(
            "Dagsorden\n\n1. Orientering\n\nSagsfremstilling\nTekst.\n\nBilag\nIngen.\n\n2. Eventuelt\n\nBilag\nNotat om økonomi\n",
        );
        assert!(
            agenda.items[0].attachments.is_empty(),
            "{:?}",
            agenda.items[0].attachments
        );
        assert_eq!(
            agenda.items[1].attachments,
            vec!["Notat om økonomi".to_owned()]
        );
    }

    #[test]
    fn closed_markers_are_lowercase_ascii() {
        // strip_closed_marker compares a title's first byte, lowercased, with theirs.
        for marker in CLOSED_ITEM_MARKERS {
            assert!(
                marker
                    .bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            );
        }
    }

    #[test]
    fn exact_keeps_the_items_in_a_vector_of_their_number() {
        let mut grown = Vec::new();
        for n in 0..19 {
            grown.push(n);
        }
        assert!(grown.capacity() > 19);
        let sized = exact(grown);
        assert_eq!(sized, (0..19).collect::<Vec<_>>());
        assert_eq!(sized.capacity(), 19);
        assert_eq!(exact(Vec::<u8>::new()).capacity(), 0);
    }

    /// A TOC whose pages come on lines of their own (a bare number under each entry)
    /// has pages: a numbered heading that is no TOC entry then ends the TOC, as it does
    /// after entries with their pages on the line.
    #[test]
    fn pages_on_lines_of_their_own_count_as_the_tocs_pages() {
        let toc = |pages: [&str; 2]| {
            let text = format!(
                "DAGSORDEN\n\nIndholdsfortegnelse\n\n1. Godkendelse af dagsorden{}\n\
                 2. Orientering fra formanden{}\n\n## 3. Eventuelt\n\nIntet.\n",
                pages[0], pages[1]
            );
            let agenda = crate::parse(&text);
            let toc: Vec<_> = agenda
                .toc
                .iter()
                .map(|e| (e.number.clone(), e.page))
                .collect();
            let items: Vec<_> = agenda.items.iter().map(|i| i.number.clone()).collect();
            (toc, items)
        };
        let ended = (
            vec![("1".to_owned(), Some(3)), ("2".to_owned(), Some(4))],
            vec!["3".to_owned()],
        );
        assert_eq!(toc([" ..... 3", " ..... 4"]), ended);
        assert_eq!(toc(["\n3", "\n4"]), ended);
        // Without pages a numbered heading may be one more entry of a web page's TOC.
        let (entries, _) = toc(["", ""]);
        assert_eq!(entries.len(), 3);
    }

    /// A TOC generated from every heading level (wkhtmltopdf's): an entry for the TOC
    /// itself, the items' sections listed under them without numbers, and entries in
    /// heading type, one wrapped with its page on the next line.
    #[test]
    fn a_toc_of_every_heading_level_lists_the_items_only() {
        let text = "Dagsorden\n\nIndholdsfortegnelse\n\nIndholdsfortegnelse\t2\n\
                    ## 1. Godkendelse af dagsorden\t3\n    Indstilling\t3\n\
                    ## 2. Lokalplan 412 for boligområde ved Skovvejen samt tillæg til\n\
                    Kommuneplan 2017 - endelig vedtagelse\t3\n    Resumé\t3\n    \
                    Beslutning i Plan-, Udviklings- og Kulturudvalget den 7. marts 2019\t4\n\
                    \u{c}\n## 1. Godkendelse af dagsorden\n\nIndstilling\n\n\
                    Borgmesteren indstiller, at dagsordenen godkendes.\n\n\
                    ## 2. Lokalplan 412 for boligområde ved Skovvejen samt tillæg til \
                    Kommuneplan 2017 - endelig vedtagelse\n\nResumé\n\nPlanen vedtages.\n";
        let agenda = crate::parse(text);
        let toc: Vec<_> = agenda
            .toc
            .iter()
            .map(|e| (e.number.as_str(), e.page))
            .collect();
        assert_eq!(toc, [("1", Some(3)), ("2", Some(3))]);
        assert!(agenda.toc[1].title.ends_with("endelig vedtagelse"));
        assert_eq!(numbers_and_titles(&agenda).len(), 2);
        // The sections' entries are text of the header, not lost.
        assert!(
            agenda
                .preamble
                .iter()
                .any(|p| p.text.contains("Indstilling 3"))
        );
    }

    /// A line cut by a page break is drawn at the foot of one page and again at the top
    /// of the next (wkhtmltopdf): the copy is no second item.
    #[test]
    fn a_line_drawn_again_after_a_page_break_is_removed() {
        let agenda = |heading_again: &str| {
            crate::parse(&format!(
                "Dagsorden\n\n## 1. Godkendelse af dagsorden\n\nGodkendt.\n\n\
                 ## 2. Budgetopfølgning pr. 31. januar 2019\n\u{c}\n{heading_again}\n\n\
                 Sagsfremstilling\n\nOpfølgningen viser et mindreforbrug.\n"
            ))
        };
        let again = agenda("## 2. Budgetopfølgning pr. 31. januar 2019");
        assert_eq!(numbers_and_titles(&again).len(), 2);
        assert!(
            again
                .diagnostics
                .iter()
                .any(|d| d.message.contains("drawn again"))
        );
        // Another line there is text as ever.
        let other = agenda("## 3. Budgetopfølgning pr. 31. januar 2019");
        assert_eq!(numbers_and_titles(&other).len(), 3);
    }

    /// The meeting's data in a table drawn with bars (antiword's text of a Word
    /// table): each row a field, a value wrapped in its column goes on under it.
    #[test]
    fn meeting_fields_from_a_table_drawn_with_bars() {
        let agenda = crate::parse(
            "Referat\nByrådet\n|Mødedato       |Tirsdag den 26. april 2011  |\n\
             |Mødetidspunkt  |Kl. 18.00 – 20.40            |\n\
             |Mødested       |Byrådssalen, Rådhuset,       |\n\
             |               |8740 Skovlund                |\n\
             |Fraværende     |Lone Bak (A)                 |\n\n\
             1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n",
        );
        let meeting = &agenda.meeting;
        assert_eq!(
            meeting.date.map(|d| d.to_string()).as_deref(),
            Some("2011-04-26")
        );
        assert_eq!(
            meeting.time.map(|t| t.to_string()).as_deref(),
            Some("18:00")
        );
        assert_eq!(
            meeting.place.as_deref(),
            Some("Byrådssalen, Rådhuset, 8740 Skovlund")
        );
        let fields: Vec<_> = meeting.fields.iter().map(|f| f.key.as_str()).collect();
        assert_eq!(
            fields,
            ["Mødedato", "Mødetidspunkt", "Mødested", "Fraværende"]
        );
    }

    /// After a bulleted list of attachments, a line apart from it without a bullet names
    /// none (a web page's footer, a sentence).
    #[test]
    fn text_after_a_bulleted_list_of_attachments_names_none() {
        let agenda = crate::parse(
            "Referat\n\n1. Meddelelser\n\nBilag\n\n* Status på anlæg (PDF, 527 KB)\n\
             * Notat om vejbelysning\n\nSe alle møder i udvalget\n\nHedensted Kommune\n",
        );
        assert_eq!(
            agenda.items[0].attachments,
            ["Status på anlæg (PDF, 527 KB)", "Notat om vejbelysning"]
        );
        // Names a line each, without bullets, go on after a blank line.
        let plain = crate::parse(
            "Referat\n\n1. Meddelelser\n\nBilag\n\nStatus på anlæg\n\nNotat om vejbelysning\n",
        );
        assert_eq!(plain.items[0].attachments.len(), 2);
    }

    /// A numbered list is a listing of the items only if the heading it lists comes
    /// again with its title: a web page's breadcrumb ("1. Forside") is not.
    #[test]
    fn a_listing_names_the_items_that_follow() {
        let agenda = crate::parse(
            "Referat\n\n1. Velkomst\n2. Politik\n3. Udvalg\n4. Byrådet\n\n\
             1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n\
             2. Budget 2025\n\nBeslutning\n\nGodkendt.\n",
        );
        assert!(agenda.toc.is_empty(), "{:?}", agenda.toc);
        let listed = crate::parse(
            "Referat\n\n1. Godkendelse af dagsorden\n2. Budget 2025\n3. Eventuelt\n\n\
             1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n\
             2. Budget 2025\n\nBeslutning\n\nGodkendt.\n\n3. Eventuelt\n\nIntet.\n",
        );
        assert_eq!(listed.toc.len(), 3);
        assert_eq!(numbers_and_titles(&listed).len(), 3);
    }

    /// A Word agenda saved as text (LibreOffice's "Text" filter): no blank line before a
    /// heading, a table's cells a line each ("Sagsnr.:" / "25/02117"), "Lukket punkt"
    /// after the item's own fields.
    #[test]
    fn a_word_agenda_saved_as_text() {
        let agenda = crate::parse(
            "Dagsorden\nIndholdsfortegnelse\n1. Overførsel af uforbrugte midler\t2\n\
             2. Budgetopfølgning 1 pr. 28. februar 2025\t3\n3. Salg af erhvervsgrund\t3\n\n\
             1. Overførsel af uforbrugte midler\nSagsnr.:\n25/02117\nSagsansvarlig:\n\
             Økonomi\n\nIndstilling\nDirektionen indstiller, at midlerne overføres.\n\
             Bilag\nOverførselsoversigt drift\n\
             2. Budgetopfølgning 1 pr. 28. februar 2025\nSagsnr.:\n25/03580\n\
             Resumé\nOpfølgningen viser balance.\n\
             3. Salg af erhvervsgrund\nSagsnr.:\n25/03011\nSagsansvarlig:\nPlan og Erhverv\n\n\
             Lukket punkt\nSagen behandles for lukkede døre.\n",
        );
        let cases: Vec<_> = agenda
            .items
            .iter()
            .map(|i| {
                (
                    i.number.as_str(),
                    i.case.as_ref().map(|c| c.id.as_str()),
                    i.open,
                )
            })
            .collect();
        assert_eq!(
            cases,
            [
                ("1", Some("25/02117"), true),
                ("2", Some("25/03580"), true),
                ("3", Some("25/03011"), false)
            ]
        );
        assert_eq!(agenda.items[0].attachments, ["Overførselsoversigt drift"]);
    }

    /// pdfminer's text of a LibreOffice PDF: a front page without footer under the
    /// title "Dagsorden", the pages after it with "Dagsorden" in their footers.
    #[test]
    fn a_title_word_the_footers_repeat_is_the_front_pages_title() {
        let mut text = String::from(
            "REGION SYDJYLLAND\n\nDagsorden\n\nUdvalg for Regional Udvikling\n\n\
             Mødetidspunkt\nOnsdag den 13. november 2019 kl. 13.00\n\n",
        );
        for page in 2..=5 {
            text.push_str(&format!(
                "{page}. Punkt nummer {page}\n\nSagen forelægges udvalget.\n\n\
                 Dagsorden\n\nSide {page} af 5\n\u{c}"
            ));
        }
        let agenda = crate::parse(&text);
        assert_eq!(agenda.kind, DocumentKind::Dagsorden);
        assert_eq!(agenda.title.as_deref(), Some("Dagsorden"));
        // The footers are still removed.
        assert!(
            agenda
                .items
                .iter()
                .all(|i| !format!("{i:?}").contains("Side "))
        );
        // The same word after a page break is a footer, not a title.
        let later = crate::parse(&text.replacen("Dagsorden\n", "\u{c}Dagsorden\n", 1));
        assert_eq!(later.title, None);
    }

    /// fpdf2's case table under each heading: a header row of labels, a row of values.
    #[test]
    fn a_case_number_under_a_row_of_case_labels() {
        let agenda = crate::parse(
            "1. Godkendelse af dagsorden\nSagsnr.   Sagsbehandler\n\nIndstilling\n\
             Direktøren indstiller, at dagsordenen godkendes.\n\n\
             2. Budgetopfølgning pr. 30. september 2018\n\
             Sagsnr.   Sagsbehandler\n18/21877   Lone Kjær Madsen, Økonomi og Styring\n\n\
             Resumé\nForvaltningen har udarbejdet budgetopfølgning.\n",
        );
        let items: Vec<_> = agenda
            .items
            .iter()
            .map(|i| (i.title.as_str(), i.case.as_ref().map(|c| c.id.as_str())))
            .collect();
        assert_eq!(
            items,
            [
                ("Godkendelse af dagsorden", None),
                ("Budgetopfølgning pr. 30. september 2018", Some("18/21877"))
            ]
        );
        // Both rows stay the item's text.
        let body = format!("{:?}", agenda.items[1].body);
        assert!(body.contains("Sagsbehandler") && body.contains("Lone Kjær Madsen"));
    }

    /// Headings typed in capitals take the TOC's case, where the TOC lists the same
    /// title.
    #[test]
    fn a_title_in_capitals_takes_the_tocs_case() {
        let agenda = crate::parse(
            "INDHOLDSFORTEGNELSE\n\nPkt. 1   Godkendelse af dagsorden ....  2\n\
             Pkt. 2   Budget 2003 - Socialudvalgets område ....  2\n\
             Pkt. 3   Eventuelt ....  3\n\n\
             Pkt. 1   GODKENDELSE AF DAGSORDEN\n\nIndstilling:\nDet indstilles, at \
             dagsordenen godkendes.\n\nPkt. 2   BUDGET 2003 - SOCIALUDVALGETS OMRÅDE\n\n\
             Sagsfremstilling:\nTekst.\n\nPkt. 3   EVENTUELT OG MEDDELELSER\n\nTekst.\n",
        );
        let titles: Vec<&str> = agenda.items.iter().map(|i| i.title.as_str()).collect();
        // The third's TOC title is another: the heading stays as it is typed.
        assert_eq!(
            titles,
            [
                "Godkendelse af dagsorden",
                "Budget 2003 - Socialudvalgets område",
                "EVENTUELT OG MEDDELELSER"
            ]
        );
    }

    /// A closed item's marker after its wrapped title closes the item and is no part of
    /// the title.
    #[test]
    fn a_closed_marker_at_the_end_of_a_wrapped_title() {
        let agenda = crate::parse(
            "Punkt 10: Salg af erhvervsgrund i Ravnsø Erhvervspark, matr.nr. 12ab\n\
             Ravnsø Markjorder (Lukket punkt)\nSagsnr.: 22/17310\n\nBeslutning\n\nGodkendt.\n",
        );
        let item = &agenda.items[0];
        assert_eq!(
            item.title,
            "Salg af erhvervsgrund i Ravnsø Erhvervspark, matr.nr. 12ab Ravnsø Markjorder"
        );
        assert!(!item.open);
    }

    /// A text browser's dump of a web page's list of items: an entry wrapped and hung
    /// under its bullet goes on with the entry, and the list goes on after it.
    #[test]
    fn a_bulleted_toc_entry_hung_under_its_bullet() {
        let agenda = crate::parse(
            "Punkter på dagsordenen\n\n  • 1. Godkendelse af dagsorden\n\
             \x20 • 2. Forslag til tillæg nr. 2 til Spildevandsplan 2024-2030 om Nørre\n\
             \x20   Skovlund og Enghaveområdet - endelig vedtagelse efter offentlig høring\n\
             \x20 • 3. Takster for affaldshåndtering 2025\n\n\
             1. Godkendelse af dagsorden\n\nGodkendt.\n\n\
             2. Forslag til tillæg nr. 2 til Spildevandsplan 2024-2030 om Nørre Skovlund og\n\
             Enghaveområdet - endelig vedtagelse efter offentlig høring\n\nVedtaget.\n\n\
             3. Takster for affaldshåndtering 2025\n\nGodkendt.\n",
        );
        assert_eq!(agenda.toc.len(), 3);
        assert_eq!(
            agenda.toc[1].title,
            "Forslag til tillæg nr. 2 til Spildevandsplan 2024-2030 om Nørre Skovlund og \
             Enghaveområdet - endelig vedtagelse efter offentlig høring"
        );
        assert_eq!(agenda.items.len(), 3);
    }

    /// pdftotext's reading order of a TOC set as a table: its cells a paragraph each,
    /// the heading after them; the first "entry" after the heading has the item's case
    /// label under it, and is the first item.
    #[test]
    fn a_toc_heading_after_its_cells_and_case_labels_without_colons() {
        let agenda = crate::parse(
            "REFERAT\n\n1.\n\nGodkendelse af dagsorden\n\n3\n\n2.\n\nBudget 2020\n\n4\n\n\
             Indholdsfortegnelse\n\nSide 2 af 4\n\u{c}1. Godkendelse af dagsorden\nSagsnr.\n\
             19/00412\n\nSagsfremstilling\nDagsordenen forelægges.\n\n2. Budget 2020\n\
             Sagsnr.\n19/03317\n\nSagsfremstilling\nBudgettet forelægges.\n",
        );
        let cases: Vec<_> = agenda
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.case.as_ref().map(|c| c.id.as_str())))
            .collect();
        assert_eq!(cases, [("1", Some("19/00412")), ("2", Some("19/03317"))]);
    }

    /// An ordered list of items that carry their own numbers ("1. 1\. Godkendelse af
    /// dagsorden", html2text's Markdown): each entry's title without the number again.
    #[test]
    fn a_toc_entry_with_its_number_twice() {
        let agenda = crate::parse(
            "## Indholdsfortegnelse\n\n  1. 1\\. Godkendelse af dagsorden\n  \
             2. 2\\. Budget 2024\n\n## Punkt 1 - Godkendelse af dagsorden\n\nGodkendt.\n\n\
             ## Punkt 2 - Budget 2024\n\nGodkendt.\n",
        );
        let titles: Vec<&str> = agenda.toc.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Godkendelse af dagsorden", "Budget 2024"]);
    }

    /// docx2txt's text of a meeting-data table: each cell a paragraph, a blank line
    /// after each, the label's value the next paragraph.
    #[test]
    fn a_fields_value_a_blank_line_under_it() {
        let agenda = crate::parse(
            "Dagsorden\n\nØkonomiudvalget\n\nMødedato:\n\nTirsdag den 20. november 2018\n\n\
             Mødetidspunkt:\n\nKl. 16:00 - 18:30\n\nAfbud:\n\nMødet indledes med en \
             besigtigelse af Torvet.\n\nFraværende:\n\nTillægsdagsordenen indeholder to \
             punkter, som behandles i\nforlængelse af punkt 12\n\n\
             1. Godkendelse af dagsorden\n\nGodkendt.\n",
        );
        assert_eq!(
            agenda.meeting.date.map(|d| d.to_string()).as_deref(),
            Some("2018-11-20")
        );
        assert_eq!(
            agenda.meeting.time.map(|t| t.to_string()).as_deref(),
            Some("16:00")
        );
        // A sentence under an empty label is no value of it.
        // Nor is a paragraph of more lines.
        for key in ["Afbud", "Fraværende"] {
            let field = agenda.meeting.fields.iter().find(|f| f.key == key);
            assert_eq!(field.map(|f| f.value.as_str()), Some(""), "{key}");
        }
    }

    /// A heading wrapped before a capitalised word: the TOC's entry of the whole title
    /// says the next line goes on with it.
    #[test]
    fn a_wrapped_heading_completed_as_its_toc_entry() {
        let text = "Indholdsfortegnelse\n\n1. Godkendelse af dagsorden....3\n\n\
             2. Projekt om grøn omstilling - Syddansk Tekniske Skole....4\n\n\
             1. Godkendelse af dagsorden\n\nGodkendt.\n\n\
             2. Projekt om grøn omstilling - Syddansk\nTekniske Skole\n\n\
             Sagsnr.:\n\n19/16215\n\nSagsfremstilling\n\nSkolen søger om midler.\n";
        let agenda = crate::parse(text);
        assert_eq!(
            agenda.items[1].title,
            "Projekt om grøn omstilling - Syddansk Tekniske Skole"
        );
        // A line that only starts the rest of the listed title is not taken.
        let other = crate::parse(&text.replace("\nTekniske Skole\n", "\nTekniske\n"));
        assert_eq!(
            other.items[1].title,
            "Projekt om grøn omstilling - Syddansk Tekniske"
        );
        let unlisted = crate::parse(&text.replace("Skole....4", "Skoler....4"));
        assert_eq!(
            unlisted.items[1].title,
            "Projekt om grøn omstilling - Syddansk"
        );
    }

    /// A field's value under its label, each alone between blank lines, is no heading
    /// of a section of its own.
    #[test]
    fn the_value_under_a_lone_label_is_no_heading() {
        let text = "1. Salg af ejendom\n\nSagsnr.:\n\n19/20786\n\nAfdeling:\n\n\
             Regional Udvikling, Ejendomme\n\nSagen behandles for lukkede døre, jf. \
             regionslovens § 10, stk. 1.\n\n2. Eventuelt\n";
        assert!(crate::parse(text).items[0].sections.is_empty());
        // Without the label, the same line reads as a heading over its text.
        let unlabelled = text.replace("Afdeling:\n\n", "");
        assert_eq!(crate::parse(&unlabelled).items[0].sections.len(), 1);
    }

    /// pdfminer's text of a PDF: every table cell a paragraph, a blank line between the
    /// case number's label and its value.
    #[test]
    fn a_case_label_and_its_value_a_blank_line_apart() {
        let agenda = crate::parse(
            "1. Godkendelse af dagsorden\n\nSagsnr.:\n\n19/00412\n\nSagsbehandler:\n\n\
             Jytte Hvidtfeldt\n\nIndstilling\n\nAdministrationen indstiller, at dagsordenen \
             godkendes.\n\n2. Eventuelt\n\nSagsnr.:\n\n\n19/00413\n",
        );
        let cases: Vec<_> = agenda
            .items
            .iter()
            .map(|i| i.case.as_ref().map(|c| c.id.as_str()))
            .collect();
        // Two blank lines apart, the number is no longer the label's.
        assert_eq!(cases, [Some("19/00412"), None]);
        assert_eq!(agenda.items[0].sections.len(), 1);
    }

    /// pandoc's plain text of a web page: a definition list, the term alone and its
    /// definition indented under it.
    #[test]
    fn a_case_number_defined_under_its_label() {
        let text = "1. Meddelelser\n\nSagsnr.\n    24/00412\n\nSagsbehandler\n    \
             Mette Lind\n\nSagsfremstilling\n\nFormanden orienterer.\n";
        let agenda = crate::parse(text);
        assert_eq!(
            agenda.items[0].case.as_ref().map(|c| c.id.as_str()),
            Some("24/00412")
        );
        // So is one right under the label (docx2txt: a table's cells a line each).
        let unindented = crate::parse(&text.replace("    24/", "24/"));
        assert_eq!(
            unindented.items[0].case.as_ref().map(|c| c.id.as_str()),
            Some("24/00412")
        );
    }

    #[test]
    fn web_chrome_run_into_a_title() {
        assert_eq!(
            strip_trailing_chrome("Godkendelse af dagsorden fold punktet ind"),
            "Godkendelse af dagsorden"
        );
        assert_eq!(
            strip_trailing_chrome("REGNSKAB 2023 FOLD PUNKTET UD"),
            "REGNSKAB 2023"
        );
        assert_eq!(
            strip_trailing_chrome("Tilskud til foreninger kun nødvendige cookies"),
            "Tilskud til foreninger"
        );
        // A single word of chrome may be the title's own.
        assert_eq!(strip_trailing_chrome("Aftale om print"), "Aftale om print");
        assert_eq!(
            strip_trailing_chrome("Indkøb af printer"),
            "Indkøb af printer"
        );
        assert_eq!(
            strip_trailing_chrome("fold punktet ind"),
            "fold punktet ind"
        );
        assert_eq!(strip_trailing_chrome("Plan for Ø"), "Plan for Ø");
        assert_eq!(strip_trailing_chrome(""), "");
    }

    #[test]
    fn closed_marker_before_or_after_the_title() {
        assert_eq!(
            strip_closed_marker("Lukket punkt: Køb af ejendom"),
            ("Køb af ejendom", true)
        );
        assert_eq!(
            strip_closed_marker("LUKKET SAG - Personalesag"),
            ("Personalesag", true)
        );
        assert_eq!(
            strip_closed_marker("Køb af ejendom (Lukket punkt)"),
            ("Køb af ejendom", true)
        );
        assert_eq!(
            strip_closed_marker("Salg af grund (lukket)"),
            ("Salg af grund", true)
        );
        assert_eq!(
            strip_closed_marker("Salg af erhvervsgrund, matr.nr. 14ab - Lukket punkt"),
            ("Salg af erhvervsgrund, matr.nr. 14ab", true)
        );
        assert_eq!(
            strip_closed_marker("Orientering om lukket punkt"),
            ("Orientering om lukket punkt", false)
        );
        // The marker as the whole title ("49. Lukket punkt"): kept as the title, closed.
        assert_eq!(strip_closed_marker("Lukket punkt"), ("Lukket punkt", true));
        assert_eq!(
            strip_closed_marker("Lukning af skole (høring)"),
            ("Lukning af skole (høring)", false)
        );
        assert_eq!(strip_closed_marker(""), ("", false));
        // A web page's badge after the title; a lowercase last word is the title's own.
        assert_eq!(
            strip_closed_marker("Udbud af kørsel til specialskoler 2024-2028 Lukket"),
            ("Udbud af kørsel til specialskoler 2024-2028", true)
        );
        assert_eq!(
            strip_closed_marker("Salg af grund - Lukket"),
            ("Salg af grund", true)
        );
        assert_eq!(
            strip_closed_marker("Svømmehallen holdes lukket"),
            ("Svømmehallen holdes lukket", false)
        );
        assert_eq!(strip_closed_marker("Lukket"), ("Lukket", false));
        assert_eq!(
            strip_closed_marker("Forpagtning af cafeteriet i Nordhallen Lukket punkt"),
            ("Forpagtning af cafeteriet i Nordhallen", true)
        );
    }
}

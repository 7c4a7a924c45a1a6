//! The document tree: agenda, meeting, table of contents, items, sections, blocks.

use serde::{Deserialize, Serialize};

use crate::{ClockTime, Diagnostic, IsoDate, SCHEMA_VERSION, Span};

/// What kind of document this is, from its title.
///
/// ```
/// use dagsorden_model::DocumentKind;
/// assert_eq!(serde_json::to_string(&DocumentKind::Referat).unwrap(), "\"referat\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// An agenda, published before the meeting ("Dagsorden").
    Dagsorden,
    /// Minutes, with the decisions taken ("Referat", "Beslutningsprotokol").
    Referat,
    /// A supplementary agenda ("Tillægsdagsorden").
    #[serde(rename = "tillaegsdagsorden")]
    Tillaegsdagsorden,
    /// No title said which.
    #[default]
    #[serde(other)]
    Unknown,
}

/// One parsed document: the root of the model.
///
/// ```
/// use dagsorden_model::Agenda;
/// let agenda = Agenda::default();
/// assert_eq!(agenda.schema_version, 1);
/// assert_eq!(agenda.walk().count(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agenda {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Agenda, minutes, supplementary agenda, or unknown.
    pub kind: DocumentKind,
    /// The title line as written (`DAGSORDEN 2021`, `Referat`), letter-spacing collapsed.
    pub title: Option<String>,
    /// Where the title stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_span: Option<Span>,
    /// The body that met (`KKR NORDJYLLAND`, `Teknik- og Miljøudvalget`), as written.
    pub organisation: Option<String>,
    /// Where the organisation stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_span: Option<Span>,
    /// Date, time, place and every metadata field.
    pub meeting: Meeting,
    /// Headed text before the items that is not a meeting field (Mission, Vision, …).
    pub preamble: Vec<PreambleSection>,
    /// The table of contents, as printed.
    pub toc: Vec<TocEntry>,
    /// Where the table of contents stands, its heading included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toc_span: Option<Span>,
    /// The top-level items; sub-items (2.1 under 2) are in [`Item::children`].
    pub items: Vec<Item>,
    /// Headed text after the last item that belongs to no item: a signature page
    /// ("Underskriftsside" and the members' names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<PreambleSection>,
    /// Everything the parser noticed but could not place, or doubts.
    pub diagnostics: Vec<Diagnostic>,
    /// Facts about the input itself.
    #[serde(default)]
    pub source: SourceInfo,
}

impl Default for Agenda {
    fn default() -> Self {
        Agenda {
            schema_version: SCHEMA_VERSION,
            kind: DocumentKind::Unknown,
            title: None,
            title_span: None,
            organisation: None,
            organisation_span: None,
            meeting: Meeting::default(),
            preamble: Vec::new(),
            toc: Vec::new(),
            toc_span: None,
            items: Vec::new(),
            closing: Vec::new(),
            diagnostics: Vec::new(),
            source: SourceInfo::default(),
        }
    }
}

impl Agenda {
    /// Every item, depth-first in document order (2, 2.1, 2.2, 3, …).
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            stack: self.items.iter().rev().collect(),
        }
    }

    /// The item with this number, at any depth.
    ///
    /// ```
    /// use dagsorden_model::{Agenda, Item};
    /// let mut agenda = Agenda::default();
    /// let mut parent = Item::new("2", "Regionalpolitiske sager");
    /// parent.children.push(Item::new("2.1", "Dialogmøde"));
    /// agenda.items.push(parent);
    /// assert_eq!(agenda.item("2.1").unwrap().title, "Dialogmøde");
    /// ```
    pub fn item(&self, number: &str) -> Option<&Item> {
        self.walk().find(|item| item.number == number)
    }
}

/// Depth-first iterator over items, from [`Agenda::walk`].
///
/// ```
/// use dagsorden_model::{Agenda, Item};
/// let mut agenda = Agenda::default();
/// let mut two = Item::new("2", "Sager");
/// two.children.push(Item::new("2.1", "A"));
/// agenda.items.extend([Item::new("1", "Godkendelse"), two, Item::new("3", "Eventuelt")]);
/// let order: Vec<&str> = agenda.walk().map(|i| i.number.as_str()).collect();
/// assert_eq!(order, ["1", "2", "2.1", "3"]);
/// ```
#[derive(Debug, Clone)]
pub struct Walk<'a> {
    stack: Vec<&'a Item>,
}

impl<'a> Iterator for Walk<'a> {
    type Item = &'a Item;
    fn next(&mut self) -> Option<&'a Item> {
        let item = self.stack.pop()?;
        self.stack.extend(item.children.iter().rev());
        Some(item)
    }
}

/// Facts about the input: its size, encoding and format.
///
/// ```
/// use dagsorden_model::SourceInfo;
/// let info = SourceInfo { format: "text".into(), encoding: "windows-1252".into(), bytes: 3632,
///                         lines: 67, pages: None, path: None };
/// assert!(!serde_json::to_string(&info).unwrap().contains("pages"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceInfo {
    /// `text` or `pdf`.
    pub format: String,
    /// The encoding the text was decoded from (`UTF-8`, `windows-1252`).
    pub encoding: String,
    /// Input size in bytes.
    pub bytes: usize,
    /// Number of lines.
    pub lines: u32,
    /// Number of pages, for paged input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// The file it was read from, when parsed from a file by the importer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// When and where the meeting is held, and every metadata field as written.
///
/// ```
/// use dagsorden_model::{Meeting, IsoDate};
/// let meeting = Meeting { date: IsoDate::new(2021, 1, 15), ..Meeting::default() };
/// assert_eq!(meeting.field("Dato"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meeting {
    /// Meeting date.
    pub date: Option<IsoDate>,
    /// Start time.
    pub time: Option<ClockTime>,
    /// End time, from a range like `kl. 10.00-13.00`.
    pub end_time: Option<ClockTime>,
    /// Where the meeting is held (`Sted`, else `Lokale`).
    pub place: Option<String>,
    /// Every metadata field in document order (Dato, Sted, Afbud, …).
    pub fields: Vec<MeetingField>,
}

impl Meeting {
    /// The value of the first field with this key (case-insensitive).
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.key.to_lowercase() == key.to_lowercase())
            .map(|f| f.value.as_str())
    }
}

/// One `Key: value` metadata line (or block) of the meeting header.
///
/// ```
/// use dagsorden_model::{MeetingField, Span};
/// let f = MeetingField { key: "Sted".into(), value: "Teams".into(), span: Span::new(70, 85, 11) };
/// assert_eq!(serde_json::to_value(&f).unwrap()["key"], "Sted");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingField {
    /// The key as written, without the colon (`Dato`, `Afbud`).
    pub key: String,
    /// The value; a value written over several lines is joined with `; `.
    pub value: String,
    /// Where the field stands.
    pub span: Span,
}

/// A headed piece of text before the items (Mission, Vision, a note on the meeting).
///
/// ```
/// use dagsorden_model::{PreambleSection, Span};
/// let p = PreambleSection { heading: Some("Vision".into()), text: "KL opnår …".into(), span: Span::new(0, 20, 1) };
/// assert_eq!(p.heading.as_deref(), Some("Vision"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PreambleSection {
    /// The heading as written, or `null` for un-headed text.
    pub heading: Option<String>,
    /// The text, paragraphs separated by a blank line.
    pub text: String,
    /// Where it stands, heading included.
    pub span: Span,
}

/// One line of the printed table of contents.
///
/// ```
/// use dagsorden_model::{TocEntry, Span};
/// let e = TocEntry { number: "2.1".into(), title: "Dialogmøde".into(), page: Some(4), span: Span::new(0, 30, 23) };
/// assert_eq!(serde_json::to_value(&e).unwrap()["page"], 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TocEntry {
    /// Item number as printed, without a trailing dot (`2.1`).
    pub number: String,
    /// Title without dot leaders or markup.
    pub title: String,
    /// Page number, where printed.
    pub page: Option<u32>,
    /// Where the entry stands.
    pub span: Span,
}

/// An agenda item ("punkt"), with its sub-items.
///
/// ```
/// use dagsorden_model::{Item, SectionKind};
/// let item = Item::new("2.1", "Dialogmøde om Resultatkontrakt 2021");
/// assert!(item.section(SectionKind::Indstilling).is_none());
/// assert_eq!(item.depth(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Item {
    /// Item number without a trailing dot (`2`, `2.1`, `47`).
    pub number: String,
    /// The title as written, markup removed.
    pub title: String,
    /// The case ("sag") the item belongs to, where given.
    pub case: Option<CaseRef>,
    /// `false` for a closed item ("Lukket punkt"), whose content is not public.
    #[serde(default = "open_by_default")]
    pub open: bool,
    /// Every recommendation of the item, wherever written: its Indstilling sections and
    /// an un-headed "Direktionen indstiller, at …" block.
    #[serde(default)]
    pub recommendations: Vec<String>,
    /// Names of the attachments listed under a Bilag heading.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// Text under the item heading before its first section heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Vec<Block>,
    /// The headed sections in document order.
    pub sections: Vec<Section>,
    /// Sub-items (2.1, 2.2 under 2).
    pub children: Vec<Item>,
    /// Where the heading line stands.
    pub heading_span: Span,
    /// The whole item, children included.
    pub span: Span,
}

impl Item {
    /// An item with no content and empty spans, for building by hand.
    pub fn new(number: impl Into<String>, title: impl Into<String>) -> Item {
        let empty = Span::new(0, 0, 1);
        Item {
            number: number.into(),
            title: title.into(),
            case: None,
            open: true,
            recommendations: Vec::new(),
            attachments: Vec::new(),
            body: Vec::new(),
            sections: Vec::new(),
            children: Vec::new(),
            heading_span: empty,
            span: empty,
        }
    }

    /// The first section of this kind.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Nesting depth from the number: `2` is 1, `2.1` is 2.
    pub fn depth(&self) -> usize {
        self.number.split('.').count()
    }
}

fn open_by_default() -> bool {
    true
}

/// A case reference: KL's `SAG-2021-00200 hlth`, a KLE journal number, a "Sagnr.".
///
/// ```
/// use dagsorden_model::{CaseRef, Span};
/// let c = CaseRef { id: "SAG-2021-00200".into(), initials: Some("hlth".into()),
///                   raw: "SAG-2021-00200 hlth".into(), span: Span::new(856, 875, 31) };
/// assert_eq!(c.initials.as_deref(), Some("hlth"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseRef {
    /// The case number itself (`SAG-2021-00200`).
    pub id: String,
    /// Initials of the case officer, where given (`hlth`).
    pub initials: Option<String>,
    /// The line as written.
    pub raw: String,
    /// Where it stands.
    pub span: Span,
}

/// The known section headings, lowercased; `other` for the rest.
///
/// ```
/// use dagsorden_model::SectionKind;
/// assert_eq!(serde_json::to_string(&SectionKind::Okonomi).unwrap(), "\"økonomi\"");
/// let other: SectionKind = serde_json::from_str("\"some-new-kind\"").unwrap();
/// assert_eq!(other, SectionKind::Other);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum SectionKind {
    Baggrund,
    Indstilling,
    Sagsfremstilling,
    Beslutning,
    Resume,
    Bilag,
    #[serde(rename = "økonomi")]
    Okonomi,
    #[serde(rename = "sagsforløb")]
    Sagsforlob,
    #[serde(rename = "forventet_sagsgang")]
    ForventetSagsgang,
    Anledning,
    Personale,
    Lovgrundlag,
    #[serde(rename = "høring")]
    Horing,
    Tidsplan,
    Kommunikation,
    /// Any heading outside the known vocabulary; see [`Section::heading`].
    #[serde(other)]
    Other,
}

impl SectionKind {
    /// The contract's name of this kind (`"økonomi"`).
    pub fn as_str(&self) -> &'static str {
        match self {
            SectionKind::Baggrund => "baggrund",
            SectionKind::Indstilling => "indstilling",
            SectionKind::Sagsfremstilling => "sagsfremstilling",
            SectionKind::Beslutning => "beslutning",
            SectionKind::Resume => "resume",
            SectionKind::Bilag => "bilag",
            SectionKind::Okonomi => "økonomi",
            SectionKind::Sagsforlob => "sagsforløb",
            SectionKind::ForventetSagsgang => "forventet_sagsgang",
            SectionKind::Anledning => "anledning",
            SectionKind::Personale => "personale",
            SectionKind::Lovgrundlag => "lovgrundlag",
            SectionKind::Horing => "høring",
            SectionKind::Tidsplan => "tidsplan",
            SectionKind::Kommunikation => "kommunikation",
            SectionKind::Other => "other",
        }
    }
}

impl std::str::FromStr for SectionKind {
    type Err = std::convert::Infallible;
    /// Never fails: unknown names are [`SectionKind::Other`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const ALL: [SectionKind; 15] = [
            SectionKind::Baggrund,
            SectionKind::Indstilling,
            SectionKind::Sagsfremstilling,
            SectionKind::Beslutning,
            SectionKind::Resume,
            SectionKind::Bilag,
            SectionKind::Okonomi,
            SectionKind::Sagsforlob,
            SectionKind::ForventetSagsgang,
            SectionKind::Anledning,
            SectionKind::Personale,
            SectionKind::Lovgrundlag,
            SectionKind::Horing,
            SectionKind::Tidsplan,
            SectionKind::Kommunikation,
        ];
        Ok(ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .unwrap_or(SectionKind::Other))
    }
}

/// A headed section of an item (Baggrund, Indstilling, Beslutning, …).
///
/// Its plain text, [`Section::text`], is derived from the blocks rather than kept beside
/// them: the JSON contract carries both `text` and `blocks`, and the model holds the
/// words once (a model would otherwise hold every section's text twice).
///
/// ```
/// use dagsorden_model::{Block, Section, SectionKind, Span};
/// let span = Span::new(0, 60, 41);
/// let s = Section {
///     kind: SectionKind::Indstilling, heading: "Indstilling".into(),
///     blocks: vec![Block::Paragraph { text: "Det indstilles, at KKR godkender planen.".into(), span }],
///     recommendations: vec!["KKR godkender planen".into()], heading_span: span, span,
/// };
/// assert_eq!(s.text(), "Det indstilles, at KKR godkender planen.");
/// let json = serde_json::to_value(&s).unwrap();
/// assert_eq!(json["kind"], "indstilling");
/// assert_eq!(json["text"], "Det indstilles, at KKR godkender planen.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The kind, from the heading.
    pub kind: SectionKind,
    /// The heading as written, markup removed.
    pub heading: String,
    /// The content, in order.
    pub blocks: Vec<Block>,
    /// For an Indstilling: the recommendations, one per `at`-clause.
    pub recommendations: Vec<String>,
    /// Where the heading stands.
    pub heading_span: Span,
    /// The whole section, heading included.
    pub span: Span,
}

impl Section {
    /// Plain text of the blocks: paragraphs separated by a blank line, list items as
    /// `- ` lines (the contract's `text`).
    pub fn text(&self) -> String {
        blocks_text(&self.blocks)
    }
}

/// Plain text of blocks: paragraphs separated by a blank line, list items as `- ` lines.
///
/// ```
/// use dagsorden_model::{Block, Span, blocks_text};
/// let span = Span::new(0, 0, 1);
/// let blocks = [
///     Block::Paragraph { text: "Der foreslås følgende mål:".into(), span },
///     Block::List { items: vec!["Mål 8".into(), "Mål 9".into()], span },
/// ];
/// assert_eq!(blocks_text(&blocks), "Der foreslås følgende mål:\n\n- Mål 8\n- Mål 9");
/// ```
pub fn blocks_text(blocks: &[Block]) -> String {
    let capacity = blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph { text, .. } | Block::Enclosure { text, .. } => text.len() + 2,
            Block::List { items, .. } => items.iter().map(|i| i.len() + 3).sum::<usize>() + 2,
        })
        .sum();
    let mut out = String::with_capacity(capacity);
    // Writing into a String cannot fail.
    let _ = write_blocks_text(blocks, &mut out);
    out
}

/// [`blocks_text`], written piece by piece into `out`.
fn write_blocks_text(blocks: &[Block], out: &mut impl std::fmt::Write) -> std::fmt::Result {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.write_str("\n\n")?;
        }
        match block {
            Block::Paragraph { text, .. } | Block::Enclosure { text, .. } => out.write_str(text)?,
            Block::List { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.write_char('\n')?;
                    }
                    out.write_str("- ")?;
                    out.write_str(item)?;
                }
            }
        }
    }
    Ok(())
}

/// A section's text as the contract writes it, from its blocks: written straight into
/// the output (a JSON string, escaped as it goes), not built as a string first.
struct BlocksText<'a>(&'a [Block]);

impl std::fmt::Display for BlocksText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_blocks_text(self.0, f)
    }
}

impl Serialize for BlocksText<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A section as the contract writes it: its text written out beside the blocks.
#[derive(Serialize)]
struct SectionOut<'a> {
    kind: SectionKind,
    heading: &'a str,
    text: BlocksText<'a>,
    blocks: &'a [Block],
    recommendations: &'a [String],
    heading_span: Span,
    span: Span,
}

impl Serialize for Section {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        SectionOut {
            kind: self.kind,
            heading: &self.heading,
            text: BlocksText(&self.blocks),
            blocks: &self.blocks,
            recommendations: &self.recommendations,
            heading_span: self.heading_span,
            span: self.span,
        }
        .serialize(serializer)
    }
}

/// A headed section of an item (Baggrund, Indstilling, Beslutning, …), as the contract
/// writes it.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Section"))]
struct SectionIn {
    /// The kind, from the heading.
    kind: SectionKind,
    /// The heading as written, markup removed.
    heading: String,
    /// Plain text of the blocks: paragraphs separated by a blank line, list items as `- `
    /// lines. Derived from `blocks`; on input it is not kept.
    #[allow(dead_code)]
    text: String,
    /// The content, in order.
    blocks: Vec<Block>,
    /// For an Indstilling: the recommendations, one per `at`-clause.
    recommendations: Vec<String>,
    /// Where the heading stands.
    heading_span: Span,
    /// The whole section, heading included.
    span: Span,
}

impl<'de> Deserialize<'de> for Section {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = SectionIn::deserialize(deserializer)?;
        Ok(Section {
            kind: wire.kind,
            heading: wire.heading,
            blocks: wire.blocks,
            recommendations: wire.recommendations,
            heading_span: wire.heading_span,
            span: wire.span,
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Section {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Section".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SectionIn::json_schema(generator)
    }
}

/// A piece of section content.
///
/// ```
/// use dagsorden_model::{Block, Span};
/// let b = Block::Enclosure { text: "./.".into(), span: Span::new(0, 3, 1) };
/// assert_eq!(serde_json::to_value(&b).unwrap()["type"], "enclosure");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// Running text, wrapped lines joined and hyphenation undone.
    Paragraph {
        /// The text.
        text: String,
        /// Where it stands.
        span: Span,
    },
    /// A bulleted or numbered list.
    List {
        /// The item texts, markers removed.
        items: Vec<String>,
        /// Where it stands.
        span: Span,
    },
    /// The `./.` marker: the next paragraph refers to an enclosure (bilag).
    Enclosure {
        /// The marker as written.
        text: String,
        /// Where it stands.
        span: Span,
    },
}

impl Block {
    /// Where the block stands.
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph { span, .. }
            | Block::List { span, .. }
            | Block::Enclosure { span, .. } => *span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section() -> Section {
        let span = Span::new(0, 40, 3);
        Section {
            kind: SectionKind::Sagsfremstilling,
            heading: "Sagsfremstilling".into(),
            blocks: vec![
                Block::Paragraph {
                    text: "Der foreslås følgende mål:".into(),
                    span,
                },
                Block::List {
                    items: vec!["Mål 8".into(), "Mål 9".into()],
                    span,
                },
                Block::Enclosure {
                    text: "./.".into(),
                    span,
                },
            ],
            recommendations: Vec::new(),
            heading_span: span,
            span,
        }
    }

    #[test]
    fn section_json_carries_the_derived_text_in_contract_order() {
        let json = serde_json::to_string(&section()).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(
            value["text"],
            "Der foreslås følgende mål:\n\n- Mål 8\n- Mål 9\n\n./."
        );
        // Top-level keys, each written before the next (the last "span" is the section's
        // own: the blocks' spans come earlier).
        let positions = [
            json.find("{\"kind\":"),
            json.find(",\"heading\":"),
            json.find(",\"text\":\"Der"),
            json.find(",\"blocks\":"),
            json.find(",\"recommendations\":"),
            json.find(",\"heading_span\":"),
            json.rfind(",\"span\":"),
        ];
        assert!(positions.iter().all(Option::is_some), "{json}");
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "fields out of order: {json}"
        );
    }

    #[test]
    fn section_text_is_escaped_as_it_is_written() {
        // Quotes, backslashes, line ends, tabs, control characters and non-ASCII in
        // every kind of block: the text written piece by piece reads back as the text.
        let mut odd = section();
        let span = odd.span;
        odd.blocks = vec![
            Block::Paragraph {
                text: "\"Citat\" \\ C:\\sti\tfane\u{1}\u{1f}".into(),
                span,
            },
            Block::List {
                items: vec!["æ\nø".into(), "\u{2028}å\u{7f}".into()],
                span,
            },
            Block::Enclosure {
                text: "./.".into(),
                span,
            },
        ];
        for value in [
            serde_json::to_string(&odd).unwrap_or_default(),
            serde_json::to_string_pretty(&odd).unwrap_or_default(),
        ] {
            let read: serde_json::Value = serde_json::from_str(&value).unwrap_or_default();
            assert_eq!(read["text"].as_str(), Some(odd.text().as_str()), "{value}");
        }
    }

    #[test]
    fn section_round_trips_and_takes_its_text_from_the_blocks() {
        let original = section();
        let json = serde_json::to_value(&original).unwrap_or_default();
        let back: Result<Section, _> = serde_json::from_value(json.clone());
        assert_eq!(back.as_ref().ok(), Some(&original));
        // A `text` that disagrees with the blocks is not kept: the blocks are the source.
        let mut edited = json;
        edited["text"] = "something else".into();
        let back: Result<Section, _> = serde_json::from_value(edited);
        assert_eq!(back.map(|s| s.text()).ok(), Some(original.text()));
        // The contract requires the field all the same.
        let mut without = serde_json::to_value(&original).unwrap_or_default();
        if let Some(object) = without.as_object_mut() {
            object.remove("text");
        }
        assert!(serde_json::from_value::<Section>(without).is_err());
    }
}

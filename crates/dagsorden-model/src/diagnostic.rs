//! What the parser noticed and could not place, or doubts.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How much a diagnostic matters to someone relying on the model.
///
/// ```
/// use dagsorden_model::Severity;
/// assert!(Severity::Error > Severity::Warning && Severity::Warning > Severity::Info);
/// assert_eq!(serde_json::to_string(&Severity::Info).unwrap(), "\"info\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Recorded for completeness (removed page furniture, a legacy encoding).
    Info,
    /// Something may be wrong in the model (a TOC entry without its item).
    Warning,
    /// Content could not be placed in the tree; its text is in the diagnostic.
    Error,
}

/// What a diagnostic is about; serialised in kebab-case (`toc-entry-without-item`).
///
/// ```
/// use dagsorden_model::DiagnosticCode;
/// let code: DiagnosticCode = serde_json::from_str("\"stray-page-number\"").unwrap();
/// assert_eq!(code, DiagnosticCode::StrayPageNumber);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticCode {
    /// The input was not UTF-8 and was decoded from a legacy encoding.
    LegacyEncoding,
    /// Bytes that are invalid in the detected encoding were replaced.
    InvalidBytes,
    /// A bare page number between content lines, removed from the text.
    StrayPageNumber,
    /// A page header, footer or page label (`SIDE 3`), removed from the text.
    PageFurniture,
    /// A line that could not be placed anywhere in the tree; its text is kept here.
    UnplacedText,
    /// A date that could not be read.
    UnparseableDate,
    /// A time that could not be read.
    UnparseableTime,
    /// No title line (Dagsorden/Referat) was found.
    MissingTitle,
    /// The document has no items.
    NoItems,
    /// A TOC entry with no item of that number in the body.
    TocEntryWithoutItem,
    /// A body item with no TOC entry, in a document that has a TOC.
    ItemMissingFromToc,
    /// TOC and body give the same number different titles.
    TocTitleMismatch,
    /// An item number used twice.
    DuplicateItemNumber,
    /// An item number lower than the one before it at the same level.
    ItemOutOfOrder,
    /// A sub-item (2.1) whose parent (2) does not exist; it is kept at the nearest level.
    MissingParentItem,
    /// A case line that does not follow an item heading.
    MisplacedCase,
    /// An Indstilling section with no recognisable `at`-clause.
    NoRecommendations,
    /// The document ends in the middle of its text: the file was cut off.
    Truncated,
    /// An item heading nested deeper than the parser's limit; its line is kept as text.
    NestingTooDeep,
    /// A code this version does not know (from a newer producer).
    #[serde(other)]
    Unknown,
}

/// One thing the parser noticed: what, how bad, where, and the text it concerns.
///
/// ```
/// use dagsorden_model::{Diagnostic, DiagnosticCode, Severity, Span};
/// let d = Diagnostic::new(DiagnosticCode::StrayPageNumber, Severity::Info,
///                         "bare page number 3 removed", Span::new(100, 101, 12));
/// assert_eq!(d.to_string(), "line 12: info[stray-page-number]: bare page number 3 removed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Diagnostic {
    /// What it is about.
    pub code: DiagnosticCode,
    /// How much it matters.
    pub severity: Severity,
    /// A sentence for a person.
    pub message: String,
    /// Where in the input.
    pub span: Span,
    /// A second place it concerns (the TOC entry of a mismatched item).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Span>,
    /// The text concerned, where it is not kept elsewhere in the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no related span and no text.
    pub fn new(
        code: DiagnosticCode,
        severity: Severity,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            span,
            related: None,
            text: None,
        }
    }

    /// With the text it concerns.
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// With a second place it concerns.
    pub fn with_related(mut self, related: Span) -> Self {
        self.related = Some(related);
        self
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let severity = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        let code = serde_json_free_code(self.code);
        if let Some(page) = self.span.page {
            write!(f, "page {page}, ")?;
        }
        write!(
            f,
            "line {}: {severity}[{code}]: {}",
            self.span.line, self.message
        )
    }
}

/// The kebab-case name, without serialising (the model does not depend on serde_json).
fn serde_json_free_code(code: DiagnosticCode) -> &'static str {
    use DiagnosticCode::*;
    match code {
        LegacyEncoding => "legacy-encoding",
        InvalidBytes => "invalid-bytes",
        StrayPageNumber => "stray-page-number",
        PageFurniture => "page-furniture",
        UnplacedText => "unplaced-text",
        UnparseableDate => "unparseable-date",
        UnparseableTime => "unparseable-time",
        MissingTitle => "missing-title",
        NoItems => "no-items",
        TocEntryWithoutItem => "toc-entry-without-item",
        ItemMissingFromToc => "item-missing-from-toc",
        TocTitleMismatch => "toc-title-mismatch",
        DuplicateItemNumber => "duplicate-item-number",
        ItemOutOfOrder => "item-out-of-order",
        MissingParentItem => "missing-parent-item",
        MisplacedCase => "misplaced-case",
        NoRecommendations => "no-recommendations",
        Truncated => "truncated",
        NestingTooDeep => "nesting-too-deep",
        Unknown => "unknown",
    }
}

impl DiagnosticCode {
    /// The contract's name of this code (`"stray-page-number"`).
    pub fn as_str(&self) -> &'static str {
        serde_json_free_code(*self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_str_matches_serde_name_for_every_code() {
        use DiagnosticCode::*;
        for code in [
            LegacyEncoding,
            InvalidBytes,
            StrayPageNumber,
            PageFurniture,
            UnplacedText,
            UnparseableDate,
            UnparseableTime,
            MissingTitle,
            NoItems,
            TocEntryWithoutItem,
            ItemMissingFromToc,
            TocTitleMismatch,
            DuplicateItemNumber,
            ItemOutOfOrder,
            MissingParentItem,
            MisplacedCase,
            NoRecommendations,
            Truncated,
            NestingTooDeep,
            Unknown,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}

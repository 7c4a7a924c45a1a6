//! Fonts: from character codes in a content stream to Unicode text and glyph widths.
//!
//! The order of evidence is the one PDF readers use: a `/ToUnicode` CMap, then the
//! glyph names of an `/Encoding` `/Differences` array, then the base encoding
//! (WinAnsi, MacRoman, Standard), then the encoding built into an embedded CFF font.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

/// A decoded font, ready to turn codes into text.
#[derive(Debug, Clone)]
pub struct Font {
    /// The base font name without a subset prefix (`Helvetica-Bold`).
    pub name: String,
    /// Bold by name, weight or flags.
    pub bold: bool,
    /// Codes are two bytes (Type0 / CID fonts).
    two_byte: bool,
    /// Code → text from the ToUnicode CMap.
    to_unicode: HashMap<u32, String>,
    /// Code → text for one-byte codes from the encoding and glyph names.
    simple: Vec<Option<String>>,
    /// Code → glyph width in text space units (1/1000 em).
    widths: HashMap<u32, f32>,
    default_width: f32,
}

/// One decoded character code.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph<'f> {
    /// The text of the code (a ligature gives several characters); `None` when the
    /// font gives no way to know.
    pub text: Option<&'f str>,
    /// Advance width in em.
    pub width: f32,
    /// The code is the single-byte space (word spacing applies).
    pub is_space: bool,
}

/// A cap on bytes read from font streams, so a hostile font cannot exhaust memory.
const MAX_FONT_STREAM: usize = 16 * 1024 * 1024;

/// How many codes the ToUnicode CMaps and width arrays of one document may define in
/// all. A CMap range or a width range defines up to 65,536 codes in a few bytes: without
/// a budget, a CMap of many ranges (or an inline font set anew at every `Tf`) would
/// expand for minutes. A two-byte font has 65,536 codes; this is enough for 32 fonts
/// whose map and widths both cover them all. Codes past it stay unmapped (U+FFFD, with
/// the unmapped-glyphs warning) or take the default width, and the document has a
/// warning that the budget was spent.
pub const MAX_MAPPED_CODES: usize = 1 << 22;

/// The fonts of a document, loaded once each, and what is left of its
/// [`MAX_MAPPED_CODES`].
#[derive(Debug, Default)]
pub struct FontCache {
    /// Fonts by where their dictionary is in the document (an object, or a dictionary
    /// written into the resources): each is loaded once, not at every `Tf`.
    pub fonts: HashMap<usize, std::rc::Rc<Font>>,
    /// Codes the document's maps and widths may still define.
    pub codes: CodeBudget,
}

/// How many more codes a document's maps and widths may define, and whether one was
/// refused. A budget spent to the last code with nothing refused read every code (the
/// warning that codes were not read is for the refused ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeBudget {
    left: usize,
    refused: bool,
}

impl CodeBudget {
    /// A budget of `codes`.
    pub fn new(codes: usize) -> Self {
        CodeBudget {
            left: codes,
            refused: false,
        }
    }

    /// Take one code; `false` (and the budget marked as refusing) when it is spent.
    pub fn take(&mut self) -> bool {
        if self.left == 0 {
            self.refused = true;
            return false;
        }
        self.left -= 1;
        true
    }

    /// Whether a code was asked for after the budget was spent.
    pub fn refused(&self) -> bool {
        self.refused
    }
}

impl Default for CodeBudget {
    fn default() -> Self {
        CodeBudget::new(MAX_MAPPED_CODES)
    }
}

impl Font {
    /// Read a font dictionary; never fails (what cannot be read is left unmapped).
    pub fn load(doc: &Document, dict: &Dictionary, codes: &mut CodeBudget) -> Font {
        let subtype = name_of(dict.get(b"Subtype").ok()).unwrap_or_default();
        let base_font = name_of(dict.get(b"BaseFont").ok()).unwrap_or_default();
        let name = base_font
            .split_once('+')
            .map_or(base_font.as_str(), |(_, n)| n)
            .to_owned();
        let two_byte = subtype == "Type0";
        let descendant = if two_byte {
            deref(doc, dict.get(b"DescendantFonts").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, Some(o)))
                .and_then(|o| o.as_dict().ok())
        } else {
            None
        };
        let descriptor = deref(doc, descendant.unwrap_or(dict).get(b"FontDescriptor").ok())
            .and_then(|o| o.as_dict().ok());
        let bold = is_bold(&name, descriptor);

        let to_unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.get_plain_content_with_limit(MAX_FONT_STREAM).ok())
            .map(|bytes| parse_cmap(&bytes, codes))
            .unwrap_or_default();

        let simple = if two_byte {
            Vec::new()
        } else {
            simple_encoding(doc, dict, &subtype, &name, descriptor)
        };
        let (mut widths, default_width) = if two_byte {
            cid_widths(doc, descendant, codes)
        } else {
            simple_widths(doc, dict, descriptor, &name)
        };
        if !two_byte && widths.is_empty() {
            standard_14_widths(&name, &simple, &mut widths);
        }
        Font {
            name,
            bold,
            two_byte,
            to_unicode,
            simple,
            widths,
            default_width,
        }
    }

    /// Split a shown string into codes and decode each.
    pub fn glyphs<'f>(&'f self, bytes: &[u8]) -> Vec<Glyph<'f>> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|chunk| {
                let code = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                let text = self
                    .to_unicode
                    .get(&code)
                    .map(String::as_str)
                    .or_else(|| self.simple.get(code as usize).and_then(|t| t.as_deref()));
                let width = self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width)
                    / 1000.0;
                Glyph {
                    text,
                    width,
                    is_space: !self.two_byte && code == 32,
                }
            })
            .collect()
    }
}

/// Follow references (a chain that loops is cut off).
pub(crate) fn deref<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    let mut object = object?;
    // References to references are legal; a chain that loops is cut off.
    for _ in 0..8 {
        match object {
            Object::Reference(id) => object = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

fn name_of(object: Option<&Object>) -> Option<String> {
    object?
        .as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

/// An integer or real operand as a number.
pub(crate) fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn is_bold(name: &str, descriptor: Option<&Dictionary>) -> bool {
    let lower = name.to_lowercase();
    let by_name = ["bold", "black", "heavy", "semibold", "demi", "fett"]
        .iter()
        .any(|w| lower.contains(w));
    let by_weight = descriptor
        .and_then(|d| d.get(b"FontWeight").ok())
        .and_then(number)
        .is_some_and(|w| w >= 600.0);
    let force_bold = descriptor
        .and_then(|d| d.get(b"Flags").ok())
        .and_then(|f| f.as_i64().ok())
        .is_some_and(|flags| flags & (1 << 18) != 0);
    by_name || by_weight || force_bold
}

/// The one-byte code table of a simple font.
fn simple_encoding(
    doc: &Document,
    dict: &Dictionary,
    subtype: &str,
    name: &str,
    descriptor: Option<&Dictionary>,
) -> Vec<Option<String>> {
    let encoding = deref(doc, dict.get(b"Encoding").ok());
    let base_name = match encoding {
        Some(Object::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
        Some(Object::Dictionary(d)) => name_of(d.get(b"BaseEncoding").ok()),
        _ => None,
    };
    let builtin = embedded_cff_names(doc, descriptor);
    let base: Option<&pdf_encoding::ForwardMap> = match base_name.as_deref() {
        Some("WinAnsiEncoding") => Some(&pdf_encoding::WINANSI),
        Some("MacRomanEncoding") => Some(&pdf_encoding::MACROMAN),
        Some("StandardEncoding") => Some(&pdf_encoding::STANDARD),
        _ if builtin.is_some() => None,
        // The two symbol fonts of the standard 14 have encodings of their own, built
        // in: ReportLab and xhtml2pdf draw a list's bullet as Symbol's 0xB7.
        _ if name.starts_with("Symbol") => Some(&pdf_encoding::SYMBOL),
        _ if name.starts_with("ZapfDingbats") => Some(&pdf_encoding::ZDINGBAT),
        // Without an encoding, TrueType fonts from office suites are WinAnsi in practice.
        _ if subtype == "TrueType" => Some(&pdf_encoding::WINANSI),
        _ => Some(&pdf_encoding::STANDARD),
    };
    let mut table: Vec<Option<String>> = (0..=255u8)
        .map(|code| {
            base.and_then(|map| map.get(code))
                .map(String::from)
                .or_else(|| {
                    builtin
                        .as_ref()
                        .and_then(|names| names.get(&code))
                        .and_then(|n| glyph_name_text(n))
                })
        })
        .collect();
    // Code 32 is the space in every simple encoding (some tables give a no-break space).
    if let Some(slot) = table.get_mut(32)
        && slot.as_deref() == Some("\u{a0}")
    {
        *slot = Some(" ".to_owned());
    }
    // WinAnsi leaves 0x7F and a few C1 codes undefined; PDF readers show a bullet
    // (the table maps 0x7F to DEL).
    if base_name.as_deref() == Some("WinAnsiEncoding") {
        for code in [0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            table[code] = Some("•".to_owned());
        }
    }
    if let Some(Object::Dictionary(d)) = encoding
        && let Some(differences) =
            deref(doc, d.get(b"Differences").ok()).and_then(|o| o.as_array().ok())
    {
        let mut code = 0usize;
        for entry in differences {
            match entry {
                Object::Integer(i) => code = usize::try_from(*i).unwrap_or(256),
                Object::Name(glyph) => {
                    if let Some(slot) = table.get_mut(code) {
                        let name = String::from_utf8_lossy(glyph);
                        // A glyph the name does not identify replaces the base character:
                        // unknown, not the base encoding's letter.
                        *slot = glyph_name_text(&name);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    table
}

/// Unicode text of a glyph name: the Adobe glyph list, `uniXXXX`, `uXXXX`, and
/// ligature (`f_i`) and variant (`a.sc`) names.
pub fn glyph_name_text(name: &str) -> Option<String> {
    if let Some(text) = pdf_encoding::glyphname_to_unicode(name) {
        return Some(text.to_owned());
    }
    let base = name.split('.').next().unwrap_or(name);
    if base != name && !base.is_empty() {
        return glyph_name_text(base);
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(glyph_name_text).collect();
        return parts;
    }
    if let Some(hex) = base.strip_prefix("uni")
        && hex.len() % 4 == 0
        && !hex.is_empty()
    {
        let units: Option<Vec<u16>> = (0..hex.len() / 4)
            .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok())
            .collect();
        return units.and_then(|u| String::from_utf16(&u).ok());
    }
    if let Some(hex) = base.strip_prefix('u')
        && (4..=6).contains(&hex.len())
    {
        return u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .map(String::from);
    }
    None
}

/// The built-in encoding of an embedded CFF (Type1C) font: code → glyph name.
fn embedded_cff_names(
    doc: &Document,
    descriptor: Option<&Dictionary>,
) -> Option<HashMap<u8, String>> {
    let stream = deref(doc, descriptor?.get(b"FontFile3").ok())?
        .as_stream()
        .ok()?;
    let data = stream.get_plain_content_with_limit(MAX_FONT_STREAM).ok()?;
    let table = ttf_parser::cff::Table::parse(&data)?;
    let names: HashMap<u8, String> = (0..=255u8)
        .filter_map(|code| {
            let gid = table.glyph_index(code)?;
            let name = table.glyph_name(gid)?;
            (gid.0 != 0).then(|| (code, name.to_owned()))
        })
        .collect();
    (!names.is_empty()).then_some(names)
}

fn simple_widths(
    doc: &Document,
    dict: &Dictionary,
    descriptor: Option<&Dictionary>,
    name: &str,
) -> (HashMap<u32, f32>, f32) {
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    let mut widths = HashMap::new();
    if let Some(array) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
        for (i, w) in array.iter().enumerate() {
            if let (Some(w), Ok(code)) = (
                deref(doc, Some(w)).and_then(number),
                u32::try_from(first + i as i64),
            ) {
                widths.insert(code, w);
            }
        }
    }
    let missing = descriptor
        .and_then(|d| d.get(b"MissingWidth").ok())
        .and_then(number)
        .filter(|w| *w > 0.0);
    // The standard 14 fonts come without widths; an average keeps positions close.
    let fallback = if name.starts_with("Courier") {
        600.0
    } else if name.contains("Bold") {
        560.0
    } else {
        500.0
    };
    (widths, missing.unwrap_or(fallback))
}

/// The standard 14 fonts (and their usual aliases) may come without /Widths: take the
/// widths from Adobe's metrics, matched through each code's character.
fn standard_14_widths(name: &str, simple: &[Option<String>], widths: &mut HashMap<u32, f32>) {
    let Some(metrics) = standard_14_metrics(name) else {
        return;
    };
    for (code, text) in simple.iter().enumerate() {
        let width = text
            .as_deref()
            .and_then(|t| t.chars().next())
            .and_then(|c| metrics.get(&c));
        if let (Some(width), Ok(code)) = (width, u32::try_from(code)) {
            widths.insert(code, *width);
        }
    }
}

fn standard_14_metrics(name: &str) -> Option<&'static HashMap<char, f32>> {
    use std::sync::LazyLock;
    type Metrics = LazyLock<HashMap<char, f32>>;
    static HELVETICA: Metrics = LazyLock::new(|| afm_widths(pdf_core_14_font_afms::HELVETICA));
    static HELVETICA_BOLD: Metrics =
        LazyLock::new(|| afm_widths(pdf_core_14_font_afms::HELVETICA_BOLD));
    static TIMES: Metrics = LazyLock::new(|| afm_widths(pdf_core_14_font_afms::TIMES_ROMAN));
    static TIMES_BOLD: Metrics = LazyLock::new(|| afm_widths(pdf_core_14_font_afms::TIMES_BOLD));
    static TIMES_ITALIC: Metrics =
        LazyLock::new(|| afm_widths(pdf_core_14_font_afms::TIMES_ITALIC));
    static COURIER: Metrics = LazyLock::new(|| afm_widths(pdf_core_14_font_afms::COURIER));
    let lower = name.to_lowercase().replace([' ', '-', ','], "");
    let bold = lower.contains("bold");
    let italic = lower.contains("italic") || lower.contains("oblique");
    let metrics: &'static Metrics = if lower.starts_with("helvetica") || lower.starts_with("arial")
    {
        if bold { &HELVETICA_BOLD } else { &HELVETICA }
    } else if lower.starts_with("times") {
        match (bold, italic) {
            (true, _) => &TIMES_BOLD,
            (false, true) => &TIMES_ITALIC,
            _ => &TIMES,
        }
    } else if lower.starts_with("courier") {
        &COURIER
    } else {
        return None;
    };
    Some(metrics)
}

/// Character → width from the `C … ; WX … ; N … ;` lines of an AFM file.
fn afm_widths(afm: &str) -> HashMap<char, f32> {
    let mut widths = HashMap::new();
    for line in afm.lines().filter(|l| l.starts_with("C ")) {
        let mut width = None;
        let mut glyph = None;
        for field in line.split(';').map(str::trim) {
            if let Some(w) = field.strip_prefix("WX ") {
                width = w.trim().parse::<f32>().ok();
            } else if let Some(n) = field.strip_prefix("N ") {
                glyph = Some(n.trim());
            }
        }
        if let (Some(width), Some(text)) = (width, glyph.and_then(glyph_name_text))
            && let Some(c) = text.chars().next()
        {
            widths.insert(c, width);
        }
    }
    widths
}

fn cid_widths(
    doc: &Document,
    descendant: Option<&Dictionary>,
    codes: &mut CodeBudget,
) -> (HashMap<u32, f32>, f32) {
    let mut widths = HashMap::new();
    let Some(descendant) = descendant else {
        return (widths, 1000.0);
    };
    let default = descendant
        .get(b"DW")
        .ok()
        .and_then(number)
        .unwrap_or(1000.0);
    if let Some(w) = deref(doc, descendant.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
        let mut i = 0;
        while i + 1 < w.len() {
            let Some(start) = number(&w[i]).map(|n| n as u32) else {
                break;
            };
            match deref(doc, Some(&w[i + 1])) {
                Some(Object::Array(list)) => {
                    for (k, width) in list.iter().filter_map(number).enumerate() {
                        if !codes.take() {
                            return (widths, default);
                        }
                        widths.insert(start.wrapping_add(k as u32), width);
                    }
                    i += 2;
                }
                Some(end) => {
                    let (Some(end), Some(width)) = (number(end), w.get(i + 2).and_then(number))
                    else {
                        break;
                    };
                    // Bounded: a hostile range cannot make this loop long.
                    for code in start..=(end as u32).min(start.saturating_add(65535)) {
                        if !codes.take() {
                            return (widths, default);
                        }
                        widths.insert(code, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }
    (widths, default)
}

/// Parse a ToUnicode CMap: `bfchar` and `bfrange` (with a start value or an array).
/// Each code defined is taken from `codes`; when it is spent, the map so far.
pub fn parse_cmap(data: &[u8], codes: &mut CodeBudget) -> HashMap<u32, String> {
    let tokens = cmap_tokens(data);
    let mut map = HashMap::new();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            CmapToken::Keyword(b"beginbfchar") => {
                i += 1;
                while i + 1 < tokens.len() && !matches!(tokens[i], CmapToken::Keyword(_)) {
                    if let (CmapToken::Hex(src), CmapToken::Hex(dst)) = (&tokens[i], &tokens[i + 1])
                    {
                        if !codes.take() {
                            return map;
                        }
                        map.insert(code_of(src), utf16_text(dst));
                    }
                    i += 2;
                }
            }
            CmapToken::Keyword(b"beginbfrange") => {
                i += 1;
                while i + 2 < tokens.len() && !matches!(tokens[i], CmapToken::Keyword(_)) {
                    if let (CmapToken::Hex(lo), CmapToken::Hex(hi)) = (&tokens[i], &tokens[i + 1]) {
                        let (lo, hi) = (code_of(lo), code_of(hi));
                        let hi = hi.min(lo.saturating_add(65535));
                        match &tokens[i + 2] {
                            CmapToken::Hex(dst) => {
                                let mut units = utf16_units(dst);
                                for code in lo..=hi {
                                    if !codes.take() {
                                        return map;
                                    }
                                    map.insert(code, String::from_utf16_lossy(&units));
                                    if let Some(last) = units.last_mut() {
                                        *last = last.wrapping_add(1);
                                    }
                                }
                                i += 3;
                            }
                            CmapToken::ArrayStart => {
                                let mut k = i + 3;
                                // Counted wide: a range may end at the last code.
                                let mut code = u64::from(lo);
                                while k < tokens.len() && !matches!(tokens[k], CmapToken::ArrayEnd)
                                {
                                    if let CmapToken::Hex(dst) = &tokens[k]
                                        && code <= u64::from(hi)
                                    {
                                        if !codes.take() {
                                            return map;
                                        }
                                        map.insert(code as u32, utf16_text(dst));
                                        code += 1;
                                    }
                                    k += 1;
                                }
                                i = k + 1;
                            }
                            _ => i += 3,
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    map
}

#[derive(Debug, Clone, PartialEq)]
enum CmapToken<'a> {
    Hex(Vec<u8>),
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
}

fn cmap_tokens(data: &[u8]) -> Vec<CmapToken<'_>> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                let bytes = digits
                    .chunks(2)
                    .filter_map(|pair| {
                        let s = std::str::from_utf8(pair).ok()?;
                        let s = if s.len() == 1 {
                            format!("{s}0")
                        } else {
                            s.to_owned()
                        };
                        u8::from_str_radix(&s, 16).ok()
                    })
                    .collect();
                tokens.push(CmapToken::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                tokens.push(CmapToken::ArrayStart);
                i += 1;
            }
            b']' => {
                tokens.push(CmapToken::ArrayEnd);
                i += 1;
            }
            b'%' => {
                i += data[i..]
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .unwrap_or(data.len() - i);
            }
            b if b.is_ascii_alphabetic() => {
                let end = data[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(data.len(), |p| i + p);
                tokens.push(CmapToken::Keyword(&data[i..end]));
                i = end;
            }
            _ => i += 1,
        }
    }
    tokens
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| acc << 8 | u32::from(*b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cmap_is_read_to_its_budget_and_takes_what_it_defines_from_it() {
        let cmap = b"2 beginbfrange <0000> <FFFF> <0041> <0000> <FFFF> <0061> endbfrange\n\
            1 beginbfchar <0001> <0058> endbfchar\n\
            1 beginbfrange <0100> <0101> [<0030> <0031>] endbfrange";
        // Enough for everything: 2 ranges of 65,536, a bfchar and an array of 2.
        let mut codes = CodeBudget::new(2 * 65_536 + 3 + 10);
        let map = parse_cmap(cmap, &mut codes);
        assert_eq!(codes.left, 10);
        assert!(!codes.refused());
        assert_eq!(map.get(&1).map(String::as_str), Some("X"));
        assert_eq!(map.get(&0x101).map(String::as_str), Some("1"));
        // One range and a bit: the second range is cut off, nothing after it is read.
        let mut codes = CodeBudget::new(65_536 + 5);
        let map = parse_cmap(cmap, &mut codes);
        assert_eq!(codes.left, 0);
        assert!(codes.refused());
        assert_eq!(map.get(&4).map(String::as_str), Some("e"));
        assert_eq!(map.get(&5).map(String::as_str), Some("F"));
        assert_eq!(map.get(&1).map(String::as_str), Some("b"));
        assert_eq!(map.get(&0x101).map(String::as_str), Some("ł"));
    }

    #[test]
    fn a_budget_spent_to_the_last_code_refused_none() {
        let cmap =
            b"2 beginbfrange <0000> <FFFF> <0041> <0100> <0101> [<0030> <0031>] endbfrange\n\
            1 beginbfchar <0001> <0058> endbfchar";
        // Exactly what the map defines: every code read, none refused.
        let mut codes = CodeBudget::new(65_536 + 2 + 1);
        let map = parse_cmap(cmap, &mut codes);
        assert_eq!((codes.left, codes.refused()), (0, false));
        assert_eq!(map.get(&1).map(String::as_str), Some("X"));
        // One fewer: the last code is refused.
        let mut codes = CodeBudget::new(65_536 + 2);
        let map = parse_cmap(cmap, &mut codes);
        assert_eq!((codes.left, codes.refused()), (0, true));
        assert_eq!(map.get(&1).map(String::as_str), Some("B"));
    }

    #[test]
    fn an_array_range_may_end_at_the_last_code() {
        let cmap = b"1 beginbfrange <FFFFFFFE> <FFFFFFFF> [<0041> <0042> <0043>] endbfrange";
        let map = parse_cmap(cmap, &mut CodeBudget::default());
        assert_eq!(map.get(&u32::MAX).map(String::as_str), Some("B"));
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn cmap_bfchar_and_bfrange() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0011> <00E6> endbfchar\n\
            2 beginbfrange <0020> <0022> <0061> <0030> <0031> [<00F8> <00E5>] endbfrange\n\
            1 beginbfchar <0050> <00660069> endbfchar";
        let map = parse_cmap(cmap, &mut CodeBudget::default());
        assert_eq!(map.get(&0x03).map(String::as_str), Some(" "));
        assert_eq!(map.get(&0x11).map(String::as_str), Some("æ"));
        assert_eq!(map.get(&0x21).map(String::as_str), Some("b"));
        assert_eq!(map.get(&0x22).map(String::as_str), Some("c"));
        assert_eq!(map.get(&0x31).map(String::as_str), Some("å"));
        assert_eq!(map.get(&0x50).map(String::as_str), Some("fi"));
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_text("aring").as_deref(), Some("å"));
        assert_eq!(glyph_name_text("oslash").as_deref(), Some("ø"));
        assert_eq!(glyph_name_text("AE").as_deref(), Some("Æ"));
        assert_eq!(glyph_name_text("uni00E6").as_deref(), Some("æ"));
        assert_eq!(glyph_name_text("u00F8").as_deref(), Some("ø"));
        assert_eq!(glyph_name_text("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_name_text("a.sc").as_deref(), Some("a"));
        assert_eq!(glyph_name_text("g123"), None);
    }

    #[test]
    fn standard_14_metrics_from_afm() {
        let helvetica = standard_14_metrics("Helvetica").unwrap();
        assert_eq!(helvetica.get(&'a'), Some(&556.0));
        assert_eq!(helvetica.get(&'i'), Some(&222.0));
        assert_eq!(helvetica.get(&'æ'), Some(&889.0));
        assert_eq!(
            standard_14_metrics("Arial,Bold").unwrap().get(&'i'),
            Some(&278.0)
        );
        assert!(standard_14_metrics("DejaVuSans").is_none());
    }

    #[test]
    fn bold_detection() {
        assert!(is_bold("Helvetica-Bold", None));
        assert!(is_bold("Arial,Bold", None));
        assert!(is_bold("Calibri-Black", None));
        assert!(!is_bold("Helvetica", None));
    }
}

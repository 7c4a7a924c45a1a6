//! The content-stream interpreter: text state, matrices and show operators, producing
//! positioned runs of text for one page. Form XObjects are followed (with a depth cap
//! and a cycle guard); fonts and resources come from the page or its Pages ancestors.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::fonts::{Font, FontCache, deref, number};
use crate::marks::Shape;
use crate::{Limit, Limits, PdfError};

/// Text shown in one go, positioned in device space (y grows upwards).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Left edge.
    pub x: f32,
    /// Right edge (from glyph widths).
    pub x_end: f32,
    /// Baseline.
    pub y: f32,
    /// Rendered font size.
    pub size: f32,
    /// Shown in a bold font.
    pub bold: bool,
    /// The text.
    pub text: String,
}

/// What interpreting a page found, beside its runs.
#[derive(Debug, Default)]
pub struct PageReport {
    /// Codes no font could map to text, by font name.
    pub unmapped: HashMap<String, usize>,
    /// Form XObjects met again inside themselves (drawn once, not forever).
    pub self_drawing_forms: usize,
    /// Text set at a slant (watermarks), left out of the lines, with how often.
    pub slanted: std::collections::BTreeMap<String, usize>,
    /// Large filled shapes: boxes' backgrounds, a sidebar's among them.
    pub boxes: Vec<Shape>,
    /// Text struck through (a deletion shown), left out of the lines, with how often.
    pub struck: std::collections::BTreeMap<String, usize>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Interprets the content of one page.
pub struct Interpreter<'d> {
    doc: &'d Document,
    fonts: &'d mut FontCache,
    limits: &'d Limits,
    decompressed: &'d mut usize,
    /// Bytes of text shown so far in the document.
    text_bytes: &'d mut usize,
    runs: Vec<Run>,
    report: PageReport,
    state: GraphicsState,
    stack: Vec<GraphicsState>,
    text_matrix: Matrix,
    line_matrix: Matrix,
    operations: usize,
    /// The bounding box of the path being built, in device space.
    path: Option<Shape>,
    /// Small filled shapes: bullets, perhaps (see [`crate::marks`]).
    marks: Vec<Shape>,
    /// Thin horizontal lines, filled or stroked: strike-throughs, perhaps.
    lines: Vec<Shape>,
}

/// A `TJ` adjustment (in em) beyond which the gap between strings is a space.
const TJ_WORD_GAP: f32 = 0.2;

/// How deep `q` may stack (form nesting is `Limits::max_form_depth`).
const MAX_STATE_STACK: usize = 256;

impl<'d> Interpreter<'d> {
    pub fn new(
        doc: &'d Document,
        fonts: &'d mut FontCache,
        limits: &'d Limits,
        decompressed: &'d mut usize,
        text_bytes: &'d mut usize,
    ) -> Self {
        Interpreter {
            doc,
            fonts,
            limits,
            decompressed,
            text_bytes,
            runs: Vec::new(),
            report: PageReport::default(),
            state: GraphicsState::default(),
            stack: Vec::new(),
            text_matrix: IDENTITY,
            line_matrix: IDENTITY,
            operations: 0,
            path: None,
            marks: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// Interpret a page; returns its runs.
    pub fn page(mut self, page_id: ObjectId) -> Result<(Vec<Run>, PageReport), PdfError> {
        let resources = Resources::of_page(self.doc, page_id);
        // A page shown turned (/Rotate 90, a landscape table merged as a portrait page)
        // is read as it is shown.
        self.state.ctm = display_matrix(self.doc, page_id);
        let content = self.page_content(page_id)?;
        self.run(&content, &resources, &mut Vec::new())?;
        for run in crate::marks::take_struck_runs(&self.lines, &mut self.runs) {
            count_left_out(&mut self.report.struck, run.text);
        }
        let before: usize = self.runs.iter().map(|r| r.text.len()).sum();
        crate::marks::add_bullets(&self.marks, &mut self.runs);
        let after: usize = self.runs.iter().map(|r| r.text.len()).sum();
        *self.text_bytes = self.text_bytes.saturating_add(after.saturating_sub(before));
        Ok((self.runs, self.report))
    }

    /// A point of the path being built, in user space.
    fn path_point(&mut self, x: f32, y: f32) {
        let m = &self.state.ctm;
        let (dx, dy) = (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]);
        if !(dx.is_finite() && dy.is_finite()) {
            return;
        }
        let grown = match self.path {
            Some(b) => Shape {
                x: b.x.min(dx),
                x_end: b.x_end.max(dx),
                y: b.y.min(dy),
                y_end: b.y_end.max(dy),
            },
            None => Shape {
                x: dx,
                x_end: dx,
                y: dy,
                y_end: dy,
            },
        };
        self.path = Some(grown);
    }

    /// The path is painted (`filled`) or dropped; a small filled one is kept as a mark.
    fn end_path(&mut self, filled: bool) {
        let Some(shape) = self.path.take() else {
            return;
        };
        if shape.is_horizontal_line() && self.lines.len() <= crate::marks::MAX_LINES {
            self.lines.push(shape);
        }
        if filled && shape.may_be_a_bullet() && self.marks.len() <= crate::marks::MAX_MARKS {
            self.marks.push(shape);
        } else if filled && shape.may_be_a_box() && self.report.boxes.len() < MAX_BOXES {
            self.report.boxes.push(shape);
        }
    }

    fn charge(&mut self, bytes: usize) -> Result<(), PdfError> {
        *self.decompressed = self.decompressed.saturating_add(bytes);
        if *self.decompressed > self.limits.max_decompressed_bytes {
            return Err(PdfError::TooLarge {
                limit: Limit::DecompressedBytes,
                max: self.limits.max_decompressed_bytes,
            });
        }
        Ok(())
    }

    fn remaining(&self) -> usize {
        self.limits
            .max_decompressed_bytes
            .saturating_sub(*self.decompressed)
    }

    fn page_content(&mut self, page_id: ObjectId) -> Result<Vec<u8>, PdfError> {
        let mut content = Vec::new();
        for id in self.doc.get_page_contents(page_id) {
            let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            let data = decompress(stream, self.remaining(), self.limits.max_decompressed_bytes)?;
            self.charge(data.len())?;
            content.extend_from_slice(&data);
            content.push(b'\n');
        }
        Ok(content)
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: &Resources<'d>,
        forms: &mut Vec<ObjectId>,
    ) -> Result<(), PdfError> {
        // A content stream that does not parse is skipped: the rest of the document
        // still gives text, and an empty document is reported by the caller.
        let Ok(content) = Content::decode(content) else {
            return Ok(());
        };
        for op in &content.operations {
            self.operations += 1;
            if self.operations > self.limits.max_operations {
                return Err(PdfError::TooLarge {
                    limit: Limit::Operations,
                    max: self.limits.max_operations,
                });
            }
            self.operation(&op.operator, &op.operands, resources, forms)?;
            // Spans hold 32-bit offsets into the extracted text, whatever the limit says.
            let max_text = self
                .limits
                .text
                .max_input_bytes
                .min(dagsorden_model::Span::MAX_OFFSET);
            if *self.text_bytes > max_text {
                return Err(PdfError::TooLarge {
                    limit: Limit::TextBytes,
                    max: max_text,
                });
            }
        }
        Ok(())
    }

    fn operation(
        &mut self,
        operator: &str,
        operands: &[Object],
        resources: &Resources<'d>,
        forms: &mut Vec<ObjectId>,
    ) -> Result<(), PdfError> {
        let num = |i: usize| operands.get(i).and_then(number).unwrap_or(0.0);
        match operator {
            "q" if self.stack.len() < MAX_STATE_STACK => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(state) = self.stack.pop() {
                    self.state = state;
                }
            }
            "cm" => {
                let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                self.state.ctm = multiply(&m, &self.state.ctm);
            }
            "BT" => {
                self.text_matrix = IDENTITY;
                self.line_matrix = IDENTITY;
            }
            "Tf" => {
                self.state.font = operands
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| self.font(resources, n));
                self.state.size = num(1);
            }
            "Tc" => self.state.char_spacing = num(0),
            "Tw" => self.state.word_spacing = num(0),
            "Tz" => self.state.horizontal_scale = num(0) / 100.0,
            "TL" => self.state.leading = num(0),
            "Ts" => self.state.rise = num(0),
            "Td" => self.move_line(num(0), num(1)),
            "TD" => {
                self.state.leading = -num(1);
                self.move_line(num(0), num(1));
            }
            "Tm" => {
                self.line_matrix = [num(0), num(1), num(2), num(3), num(4), num(5)];
                self.text_matrix = self.line_matrix;
            }
            "T*" => self.move_line(0.0, -self.state.leading),
            "Tj" => {
                if let Some(Object::String(bytes, _)) = operands.first() {
                    self.show(bytes);
                }
            }
            "'" => {
                self.move_line(0.0, -self.state.leading);
                if let Some(Object::String(bytes, _)) = operands.first() {
                    self.show(bytes);
                }
            }
            "\"" => {
                self.state.word_spacing = num(0);
                self.state.char_spacing = num(1);
                self.move_line(0.0, -self.state.leading);
                if let Some(Object::String(bytes, _)) = operands.get(2) {
                    self.show(bytes);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = operands.first() {
                    self.show_array(items);
                }
            }
            "Do" => {
                if let Some(name) = operands.first().and_then(|n| n.as_name().ok()) {
                    self.form(name, resources, forms)?;
                }
            }
            // Paths: only their extent is kept, for the shapes that may be bullets.
            "m" | "l" => self.path_point(num(0), num(1)),
            "c" => {
                for i in [0, 2, 4] {
                    self.path_point(num(i), num(i + 1));
                }
            }
            "v" | "y" => {
                for i in [0, 2] {
                    self.path_point(num(i), num(i + 1));
                }
            }
            "re" => {
                self.path_point(num(0), num(1));
                self.path_point(num(0) + num(2), num(1) + num(3));
            }
            "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.end_path(true),
            "S" | "s" | "n" => self.end_path(false),
            _ => {}
        }
        Ok(())
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.line_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn font(&mut self, resources: &Resources<'d>, name: &[u8]) -> Option<Rc<Font>> {
        let dict = deref(self.doc, resources.get(self.doc, b"Font", name))?
            .as_dict()
            .ok()?;
        // By where the dictionary is in the document, which is not changed while it is
        // read: a font object and a font written into the resources alike.
        let place = std::ptr::from_ref(dict) as usize;
        if let Some(font) = self.fonts.fonts.get(&place) {
            return Some(Rc::clone(font));
        }
        let font = Rc::new(Font::load(self.doc, dict, &mut self.fonts.codes));
        self.fonts.fonts.insert(place, Rc::clone(&font));
        Some(font)
    }

    fn show(&mut self, bytes: &[u8]) {
        self.show_array(&[Object::String(bytes.to_vec(), lopdf::StringFormat::Literal)]);
    }

    /// Show strings with position adjustments between them (`TJ`) as one run. A
    /// backwards adjustment wider than a fraction of an em is a word gap (justified text
    /// places words this way); smaller ones are kerning inside a word.
    fn show_array(&mut self, items: &[Object]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let state = self.state.clone();
        let scale = state.horizontal_scale;
        let size = state.size;
        let glyph_space = [size * scale, 0.0, 0.0, size, 0.0, state.rise];
        let start = multiply(&multiply(&glyph_space, &self.text_matrix), &state.ctm);
        let rendered_size = (start[2] * start[2] + start[3] * start[3]).sqrt();
        let mut text = String::new();
        let mut unmapped = 0;
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    for glyph in font.glyphs(bytes) {
                        match glyph.text {
                            Some(t) => push_unligated(&mut text, t),
                            None => {
                                unmapped += 1;
                                text.push('\u{fffd}');
                            }
                        }
                        let spacing = state.char_spacing
                            + if glyph.is_space {
                                state.word_spacing
                            } else {
                                0.0
                            };
                        let tx = (glyph.width * size + spacing) * scale;
                        self.text_matrix =
                            multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.text_matrix);
                    }
                }
                other => {
                    if let Some(adjust) = number(other) {
                        let em = -adjust / 1000.0;
                        if em > TJ_WORD_GAP && !text.is_empty() && !text.ends_with(' ') {
                            text.push(' ');
                        }
                        let tx = em * size * scale;
                        self.text_matrix =
                            multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.text_matrix);
                    }
                }
            }
        }
        if unmapped > 0 {
            *self.report.unmapped.entry(font.name.clone()).or_default() += unmapped;
        }
        if text.is_empty() {
            return;
        }
        // Text set at a slant (a watermark across the page, "OFFENTLIG VERSION") is no
        // line of the document's: left out, and reported.
        if is_slanted(&start) {
            count_left_out(&mut self.report.slanted, text);
            return;
        }
        let end = multiply(&multiply(&glyph_space, &self.text_matrix), &state.ctm);
        let (x, x_end) = if end[4] >= start[4] {
            (start[4], end[4])
        } else {
            (end[4], start[4])
        };
        *self.text_bytes = self.text_bytes.saturating_add(text.len());
        self.runs.push(Run {
            x,
            x_end,
            y: start[5],
            size: rendered_size,
            bold: font.bold,
            text,
        });
    }

    fn form(
        &mut self,
        name: &[u8],
        resources: &Resources<'d>,
        forms: &mut Vec<ObjectId>,
    ) -> Result<(), PdfError> {
        let Some(Object::Reference(id)) = resources.get(self.doc, b"XObject", name) else {
            return Ok(());
        };
        let id = *id;
        if forms.contains(&id) {
            // A form that draws itself would never end; what it drew once is kept.
            self.report.self_drawing_forms += 1;
            return Ok(());
        }
        if forms.len() >= self.limits.max_form_depth {
            return Err(PdfError::TooLarge {
                limit: Limit::FormDepth,
                max: self.limits.max_form_depth,
            });
        }
        let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return Ok(());
        }
        let data = decompress(stream, self.remaining(), self.limits.max_decompressed_bytes)?;
        self.charge(data.len())?;
        // A form's own resources, or (PDF 1.1) those of the page it is drawn on.
        let form_resources = match deref(self.doc, stream.dict.get(b"Resources").ok())
            .and_then(|o| o.as_dict().ok())
        {
            Some(own) => Resources(vec![own]),
            None => resources.clone(),
        };
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .map(|a| {
                let n = |i: usize| {
                    a.get(i)
                        .and_then(number)
                        .unwrap_or(if i == 0 || i == 3 { 1.0 } else { 0.0 })
                };
                [n(0), n(1), n(2), n(3), n(4), n(5)]
            })
            .unwrap_or(IDENTITY);
        let saved = (self.state.clone(), self.text_matrix, self.line_matrix);
        self.state.ctm = multiply(&matrix, &self.state.ctm);
        forms.push(id);
        let result = self.run(&data, &form_resources, forms);
        forms.pop();
        (self.state, self.text_matrix, self.line_matrix) = saved;
        result
    }
}

/// How many boxes a page keeps (a hostile page may fill any number).
const MAX_BOXES: usize = 64;

/// How many different texts left out of the lines (slanted or struck through) a page
/// reports (a hostile page may draw any number).
const MAX_LEFT_OUT_TEXTS: usize = 16;

/// One more time `text` was left out of the page's lines, counted under its text while
/// the report holds fewer than [`MAX_LEFT_OUT_TEXTS`] of them.
fn count_left_out(report: &mut std::collections::BTreeMap<String, usize>, text: String) {
    if report.len() < MAX_LEFT_OUT_TEXTS || report.contains_key(&text) {
        *report.entry(text).or_default() += 1;
    }
}

/// How far (in radians) text may turn from the page's axes and still be read as lines.
const MAX_SLANT: f32 = 0.035;

/// Whether glyphs drawn with `matrix` run at a slant to the page's axes (neither across
/// nor up or down it).
fn is_slanted(matrix: &Matrix) -> bool {
    let angle = matrix[1].atan2(matrix[0]).abs();
    let off_axis = (angle % std::f32::consts::FRAC_PI_2)
        .min(std::f32::consts::FRAC_PI_2 - angle % std::f32::consts::FRAC_PI_2);
    angle.is_finite() && off_axis > MAX_SLANT
}

/// A page's dictionary and its Pages ancestors', nearest first (a cycle of parents is
/// cut off): where inherited attributes are looked up.
fn page_and_ancestors(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let mut chain = Vec::new();
    let mut node = doc.get_object(page_id).ok().and_then(|o| o.as_dict().ok());
    let mut visited = Vec::new();
    while let Some(dict) = node {
        chain.push(dict);
        let Ok(Object::Reference(parent)) = dict.get(b"Parent") else {
            break;
        };
        if visited.contains(parent) || visited.len() > 64 {
            break;
        }
        visited.push(*parent);
        node = doc.get_object(*parent).ok().and_then(|o| o.as_dict().ok());
    }
    chain
}

/// The matrix from a page's user space to the page as it is shown: its /Rotate (90, 180
/// or 270, clockwise) about its MediaBox, both inherited from its Pages ancestors.
fn display_matrix(doc: &Document, page_id: ObjectId) -> Matrix {
    let chain = page_and_ancestors(doc, page_id);
    let inherited = |key: &[u8]| chain.iter().find_map(|dict| deref(doc, dict.get(key).ok()));
    let rotate = inherited(b"Rotate").and_then(number).unwrap_or(0.0);
    let media: Vec<f32> = inherited(b"MediaBox")
        .and_then(|o| o.as_array().ok())
        .map(|a| a.iter().filter_map(number).collect())
        .unwrap_or_default();
    let [llx, lly, urx, ury] = match media[..] {
        [a, b, c, d] if [a, b, c, d].iter().all(|v| v.is_finite()) => {
            [a.min(c), b.min(d), a.max(c), b.max(d)]
        }
        _ => [0.0, 0.0, 612.0, 792.0],
    };
    match (rotate.round() as i64).rem_euclid(360) {
        90 => [0.0, -1.0, 1.0, 0.0, -lly, urx],
        180 => [-1.0, 0.0, 0.0, -1.0, urx, ury],
        270 => [0.0, 1.0, -1.0, 0.0, ury, -llx],
        _ => IDENTITY,
    }
}

fn decompress(stream: &lopdf::Stream, remaining: usize, limit: usize) -> Result<Vec<u8>, PdfError> {
    if stream.dict.get(b"Filter").is_err() {
        return Ok(stream.content.clone());
    }
    match stream.decompressed_content_with_limit(remaining) {
        Ok(data) => Ok(data),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(PdfError::TooLarge {
                limit: Limit::DecompressedBytes,
                max: limit,
            })
        }
        // A stream that does not inflate gives no text; the rest of the page may.
        Err(_) => Ok(Vec::new()),
    }
}

/// Ligature characters (ﬁ, ﬂ, …) become their letters, so words match and search.
fn push_unligated(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
}

/// A page's or a form's resources: its own dictionary, then (for a page) those of its
/// Pages ancestors, nearest first. Looked up through rather than merged into one: a
/// merged copy per page copies the ancestors' dictionaries at every page, which made a
/// document of many pages sharing a large dictionary quadratic.
#[derive(Debug, Clone)]
struct Resources<'d>(Vec<&'d Dictionary>);

impl<'d> Resources<'d> {
    /// The page's resources and those it inherits.
    fn of_page(doc: &'d Document, page_id: ObjectId) -> Self {
        Resources(
            page_and_ancestors(doc, page_id)
                .iter()
                .filter_map(|dict| {
                    deref(doc, dict.get(b"Resources").ok()).and_then(|o| o.as_dict().ok())
                })
                .collect(),
        )
    }

    /// The nearest definition of resource `name` in `category` (`Font`, `XObject`).
    fn get(&self, doc: &'d Document, category: &[u8], name: &[u8]) -> Option<&'d Object> {
        self.0.iter().find_map(|resources| {
            deref(doc, resources.get(category).ok())?
                .as_dict()
                .ok()?
                .get(name)
                .ok()
        })
    }
}

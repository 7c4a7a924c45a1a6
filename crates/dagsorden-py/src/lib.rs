//! The `dagsorden._dagsorden` extension module: typed, frozen, picklable Python views of
//! the model, and the parse functions. A thin layer: parsing lives in `dagsorden` and
//! `dagsorden-pdf`; here are only conversions, errors and the GIL.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use dagsorden_model as model;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use rayon::prelude::*;

// The allocator the `dagsorden` command uses (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    dagsorden,
    Error,
    PyException,
    "Base class of every dagsorden error."
);
create_exception!(
    dagsorden,
    ParseError,
    Error,
    "The input is not a text document (binary, UTF-16, …)."
);
create_exception!(
    dagsorden,
    PdfError,
    Error,
    "A PDF that cannot be read (encrypted, damaged, no text, too large)."
);
create_exception!(
    dagsorden,
    FileError,
    Error,
    "A file that cannot be read (missing, unreadable)."
);

// ---- errors: every core error becomes a Python exception here, and only here ----------

/// Why one document failed, as plain data that can cross threads.
#[derive(Debug, Clone)]
struct Failure {
    kind: FailureKind,
    message: String,
    page: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FailureKind {
    File,
    Parse,
    Pdf,
}

impl Failure {
    fn from_document(error: dagsorden_pdf::DocumentError) -> Failure {
        match error {
            dagsorden_pdf::DocumentError::Text(e) => Failure {
                kind: FailureKind::Parse,
                message: e.to_string(),
                page: None,
            },
            dagsorden_pdf::DocumentError::Pdf(e) => Failure {
                kind: FailureKind::Pdf,
                message: e.to_string(),
                page: None,
            },
        }
    }

    fn into_pyerr(self, py: Python<'_>, path: Option<&str>) -> PyErr {
        let message = match path {
            Some(p) => format!("{p}: {}", self.message),
            None => self.message,
        };
        let err = match self.kind {
            FailureKind::File => FileError::new_err(message),
            FailureKind::Parse => ParseError::new_err(message),
            FailureKind::Pdf => PdfError::new_err(message),
        };
        let value = err.value(py);
        // Where known; None otherwise. Setting attributes on a fresh exception cannot
        // fail in practice, and the error is still raised if it did.
        let _ = value.setattr("path", path);
        let _ = value.setattr("line", None::<u32>);
        let _ = value.setattr("page", self.page);
        err
    }
}

fn json_error(e: serde_json::Error) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(format!("not a dagsorden model: {e}"))
}

fn read_and_parse(path: &PathBuf) -> Result<model::Agenda, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure {
        kind: FailureKind::File,
        message: e.to_string(),
        page: None,
    })?;
    dagsorden_pdf::parse_document(&bytes).map_err(Failure::from_document)
}

// ---- the model classes -----------------------------------------------------------------

/// Methods every model class has: dict/JSON conversion both ways, equality, pickling.
macro_rules! model_class {
    ($rust:ident, $python:literal, $model:ty) => {
        #[pyclass(frozen, module = "dagsorden", name = $python)]
        #[derive(Clone)]
        pub struct $rust {
            inner: Arc<$model>,
        }

        impl $rust {
            fn wrap(value: $model) -> Self {
                $rust {
                    inner: Arc::new(value),
                }
            }
        }

        #[pymethods]
        impl $rust {
            /// The JSON contract of this element, as Python dicts and lists.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let text = serde_json::to_string(&*self.inner).map_err(json_error)?;
                py.import("json")?.call_method1("loads", (text,))
            }

            /// The JSON contract of this element; `indent` pretty-prints.
            #[pyo3(signature = (indent = None))]
            fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
                match indent {
                    None => serde_json::to_string(&*self.inner).map_err(json_error),
                    Some(n) => {
                        let pad = " ".repeat(n);
                        let mut out = Vec::new();
                        let formatter =
                            serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
                        let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
                        serde::Serialize::serialize(&*self.inner, &mut ser).map_err(json_error)?;
                        String::from_utf8(out)
                            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
                    }
                }
            }

            /// Rebuild from `to_json()` output.
            #[staticmethod]
            fn from_json(text: &str) -> PyResult<Self> {
                serde_json::from_str(text)
                    .map(Self::wrap)
                    .map_err(json_error)
            }

            /// Rebuild from `to_dict()` output.
            #[staticmethod]
            fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
                let text: String = py
                    .import("json")?
                    .call_method1("dumps", (data,))?
                    .extract()?;
                Self::from_json(&text)
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other
                    .cast::<Self>()
                    .is_ok_and(|o| *o.get().inner == *self.inner)
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                let text = serde_json::to_string(&*slf.get().inner).map_err(json_error)?;
                Ok((slf.get_type().getattr("from_json")?, (text,)))
            }
        }
    };
}

model_class!(Agenda, "Agenda", model::Agenda);
model_class!(Meeting, "Meeting", model::Meeting);
model_class!(MeetingField, "MeetingField", model::MeetingField);
model_class!(PreambleSection, "PreambleSection", model::PreambleSection);
model_class!(TocEntry, "TocEntry", model::TocEntry);
model_class!(Item, "Item", model::Item);
model_class!(CaseRef, "CaseRef", model::CaseRef);
model_class!(Section, "Section", model::Section);
model_class!(Block, "Block", model::Block);
model_class!(Diagnostic, "Diagnostic", model::Diagnostic);
model_class!(Span, "Span", model::Span);

fn date<'py>(py: Python<'py>, date: Option<model::IsoDate>) -> PyResult<Option<Bound<'py, PyAny>>> {
    date.map(|d| {
        py.import("datetime")?
            .getattr("date")?
            .call1((d.year(), d.month(), d.day()))
    })
    .transpose()
}

fn time<'py>(
    py: Python<'py>,
    time: Option<model::ClockTime>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    time.map(|t| {
        py.import("datetime")?
            .getattr("time")?
            .call1((t.hour(), t.minute()))
    })
    .transpose()
}

fn wrap_all<T: Clone, W>(items: &[T], wrap: fn(T) -> W) -> Vec<W> {
    items.iter().cloned().map(wrap).collect()
}

fn span_of(span: model::Span) -> Span {
    Span::wrap(span)
}

#[pymethods]
impl Agenda {
    #[getter]
    fn schema_version(&self) -> u32 {
        self.inner.schema_version
    }
    /// "dagsorden", "referat", "tillaegsdagsorden" or "unknown".
    #[getter]
    fn kind(&self) -> String {
        serde_json::to_value(self.inner.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
    #[getter]
    fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }
    #[getter]
    fn organisation(&self) -> Option<String> {
        self.inner.organisation.clone()
    }
    #[getter]
    fn meeting(&self) -> Meeting {
        Meeting::wrap(self.inner.meeting.clone())
    }
    #[getter]
    fn preamble(&self) -> Vec<PreambleSection> {
        wrap_all(&self.inner.preamble, PreambleSection::wrap)
    }
    #[getter]
    fn closing(&self) -> Vec<PreambleSection> {
        wrap_all(&self.inner.closing, PreambleSection::wrap)
    }
    #[getter]
    fn toc(&self) -> Vec<TocEntry> {
        wrap_all(&self.inner.toc, TocEntry::wrap)
    }
    #[getter]
    fn items(&self) -> Vec<Item> {
        wrap_all(&self.inner.items, Item::wrap)
    }
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        wrap_all(&self.inner.diagnostics, Diagnostic::wrap)
    }
    /// Facts about the input: format, encoding, bytes, lines, pages.
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let s = &self.inner.source;
        dict.set_item("format", &s.format)?;
        dict.set_item("encoding", &s.encoding)?;
        dict.set_item("bytes", s.bytes)?;
        dict.set_item("lines", s.lines)?;
        dict.set_item("pages", s.pages)?;
        Ok(dict)
    }
    /// Every item, depth-first in document order.
    fn walk(&self) -> Vec<Item> {
        self.inner.walk().cloned().map(Item::wrap).collect()
    }
    /// The item with this number, at any depth.
    fn item(&self, number: &str) -> Option<Item> {
        self.inner.item(number).cloned().map(Item::wrap)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Agenda {} {:?} {:?} {} items, {} diagnostics>",
            self.kind(),
            self.inner.organisation.as_deref().unwrap_or(""),
            self.inner
                .meeting
                .date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            self.inner.walk().count(),
            self.inner.diagnostics.len()
        )
    }
}

#[pymethods]
impl Meeting {
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        date(py, self.inner.date)
    }
    #[getter]
    fn time<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        time(py, self.inner.time)
    }
    #[getter]
    fn end_time<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        time(py, self.inner.end_time)
    }
    #[getter]
    fn place(&self) -> Option<String> {
        self.inner.place.clone()
    }
    #[getter]
    fn fields(&self) -> Vec<MeetingField> {
        wrap_all(&self.inner.fields, MeetingField::wrap)
    }
    /// The value of the first field with this key (case-insensitive).
    fn field(&self, key: &str) -> Option<String> {
        self.inner.field(key).map(str::to_owned)
    }
    fn __repr__(&self) -> String {
        let or_none = |s: Option<String>| s.unwrap_or_else(|| "None".into());
        format!(
            "<Meeting date={} time={} place={}>",
            or_none(self.inner.date.map(|d| d.to_string())),
            or_none(self.inner.time.map(|t| t.to_string())),
            or_none(self.inner.place.as_ref().map(|p| format!("{p:?}")))
        )
    }
}

#[pymethods]
impl MeetingField {
    #[getter]
    fn key(&self) -> String {
        self.inner.key.clone()
    }
    #[getter]
    fn value(&self) -> String {
        self.inner.value.clone()
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    fn __repr__(&self) -> String {
        format!("<MeetingField {}: {:?}>", self.inner.key, self.inner.value)
    }
}

#[pymethods]
impl PreambleSection {
    #[getter]
    fn heading(&self) -> Option<String> {
        self.inner.heading.clone()
    }
    #[getter]
    fn text(&self) -> String {
        self.inner.text.clone()
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    fn __repr__(&self) -> String {
        format!("<PreambleSection {:?}>", self.inner.heading)
    }
}

#[pymethods]
impl TocEntry {
    #[getter]
    fn number(&self) -> String {
        self.inner.number.clone()
    }
    #[getter]
    fn title(&self) -> String {
        self.inner.title.clone()
    }
    #[getter]
    fn page(&self) -> Option<u32> {
        self.inner.page
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    fn __repr__(&self) -> String {
        format!(
            "<TocEntry {} {:?} page {:?}>",
            self.inner.number, self.inner.title, self.inner.page
        )
    }
}

#[pymethods]
impl Item {
    #[getter]
    fn number(&self) -> String {
        self.inner.number.clone()
    }
    #[getter]
    fn title(&self) -> String {
        self.inner.title.clone()
    }
    #[getter]
    fn case(&self) -> Option<CaseRef> {
        self.inner.case.clone().map(CaseRef::wrap)
    }
    #[getter]
    fn open(&self) -> bool {
        self.inner.open
    }
    #[getter]
    fn recommendations(&self) -> Vec<String> {
        self.inner.recommendations.clone()
    }
    #[getter]
    fn attachments(&self) -> Vec<String> {
        self.inner.attachments.clone()
    }
    #[getter]
    fn body(&self) -> Vec<Block> {
        wrap_all(&self.inner.body, Block::wrap)
    }
    #[getter]
    fn sections(&self) -> Vec<Section> {
        wrap_all(&self.inner.sections, Section::wrap)
    }
    #[getter]
    fn children(&self) -> Vec<Item> {
        wrap_all(&self.inner.children, Item::wrap)
    }
    #[getter]
    fn depth(&self) -> usize {
        self.inner.depth()
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    #[getter]
    fn heading_span(&self) -> Span {
        span_of(self.inner.heading_span)
    }
    /// The first section of this kind ("indstilling", "beslutning", …, "other").
    fn section(&self, kind: &str) -> Option<Section> {
        let kind: model::SectionKind = kind
            .to_lowercase()
            .parse()
            .unwrap_or(model::SectionKind::Other);
        self.inner.section(kind).cloned().map(Section::wrap)
    }
    fn __repr__(&self) -> String {
        let case = self
            .inner
            .case
            .as_ref()
            .map_or(String::new(), |c| format!(" [{}]", c.id));
        format!("<Item {} {:?}{case}>", self.inner.number, self.inner.title)
    }
}

#[pymethods]
impl CaseRef {
    #[getter]
    fn id(&self) -> String {
        self.inner.id.clone()
    }
    #[getter]
    fn initials(&self) -> Option<String> {
        self.inner.initials.clone()
    }
    #[getter]
    fn raw(&self) -> String {
        self.inner.raw.clone()
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    fn __repr__(&self) -> String {
        format!("<CaseRef {}>", self.inner.id)
    }
}

#[pymethods]
impl Section {
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    #[getter]
    fn heading(&self) -> String {
        self.inner.heading.clone()
    }
    #[getter]
    fn text(&self) -> String {
        self.inner.text()
    }
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        wrap_all(&self.inner.blocks, Block::wrap)
    }
    #[getter]
    fn recommendations(&self) -> Vec<String> {
        self.inner.recommendations.clone()
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    #[getter]
    fn heading_span(&self) -> Span {
        span_of(self.inner.heading_span)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Section {} {:?}, {} blocks>",
            self.inner.kind.as_str(),
            self.inner.heading,
            self.inner.blocks.len()
        )
    }
}

#[pymethods]
impl Block {
    /// "paragraph", "list" or "enclosure".
    #[getter]
    fn r#type(&self) -> &'static str {
        match &*self.inner {
            model::Block::Paragraph { .. } => "paragraph",
            model::Block::List { .. } => "list",
            model::Block::Enclosure { .. } => "enclosure",
        }
    }
    /// The text of a paragraph or enclosure marker; None for a list.
    #[getter]
    fn text(&self) -> Option<String> {
        match &*self.inner {
            model::Block::Paragraph { text, .. } | model::Block::Enclosure { text, .. } => {
                Some(text.clone())
            }
            model::Block::List { .. } => None,
        }
    }
    /// The items of a list; None for other blocks.
    #[getter]
    fn items(&self) -> Option<Vec<String>> {
        match &*self.inner {
            model::Block::List { items, .. } => Some(items.clone()),
            _ => None,
        }
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span())
    }
    fn __repr__(&self) -> String {
        format!("<Block {}>", self.r#type())
    }
}

#[pymethods]
impl Diagnostic {
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }
    #[getter]
    fn severity(&self) -> &'static str {
        match self.inner.severity {
            model::Severity::Info => "info",
            model::Severity::Warning => "warning",
            model::Severity::Error => "error",
        }
    }
    #[getter]
    fn message(&self) -> String {
        self.inner.message.clone()
    }
    #[getter]
    fn span(&self) -> Span {
        span_of(self.inner.span)
    }
    #[getter]
    fn related(&self) -> Option<Span> {
        self.inner.related.map(span_of)
    }
    #[getter]
    fn text(&self) -> Option<String> {
        self.inner.text.clone()
    }
    fn __repr__(&self) -> String {
        format!("<Diagnostic {}>", self.inner)
    }
}

#[pymethods]
impl Span {
    #[getter]
    fn start(&self) -> u32 {
        self.inner.start
    }
    #[getter]
    fn end(&self) -> u32 {
        self.inner.end
    }
    #[getter]
    fn line(&self) -> u32 {
        self.inner.line
    }
    #[getter]
    fn page(&self) -> Option<u32> {
        self.inner.page.map(|p| p.get())
    }
    fn __repr__(&self) -> String {
        match self.inner.page {
            Some(p) => format!(
                "<Span {}..{} line {} page {p}>",
                self.inner.start, self.inner.end, self.inner.line
            ),
            None => format!(
                "<Span {}..{} line {}>",
                self.inner.start, self.inner.end, self.inner.line
            ),
        }
    }
}

// ---- parsing ---------------------------------------------------------------------------

/// A file of `parse_files` that could not be parsed.
#[pyclass(frozen, module = "dagsorden", name = "ParseFailure")]
pub struct ParseFailure {
    #[pyo3(get)]
    path: String,
    failure: Failure,
}

#[pymethods]
impl ParseFailure {
    /// The exception class name: "FileError", "ParseError" or "PdfError".
    #[getter]
    fn error_type(&self) -> &'static str {
        match self.failure.kind {
            FailureKind::File => "FileError",
            FailureKind::Parse => "ParseError",
            FailureKind::Pdf => "PdfError",
        }
    }
    #[getter]
    fn message(&self) -> String {
        self.failure.message.clone()
    }
    /// The exception this failure stands for, ready to raise.
    fn exception(&self, py: Python<'_>) -> Py<PyAny> {
        self.failure
            .clone()
            .into_pyerr(py, Some(&self.path))
            .into_value(py)
            .into_any()
    }
    fn __repr__(&self) -> String {
        format!(
            "<ParseFailure {} {}: {}>",
            self.path,
            self.error_type(),
            self.failure.message
        )
    }
    fn __bool__(&self) -> bool {
        false
    }
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyType>, (String, String, String))> {
        let this = slf.get();
        Ok((
            slf.get_type(),
            (
                this.path.clone(),
                this.error_type().to_owned(),
                this.failure.message.clone(),
            ),
        ))
    }
    #[new]
    fn new(path: String, error_type: &str, message: String) -> Self {
        let kind = match error_type {
            "FileError" => FailureKind::File,
            "PdfError" => FailureKind::Pdf,
            _ => FailureKind::Parse,
        };
        ParseFailure {
            path,
            failure: Failure {
                kind,
                message,
                page: None,
            },
        }
    }
}

/// Parse agenda text.
#[pyfunction]
fn parse(py: Python<'_>, text: &str) -> Agenda {
    Agenda::wrap(py.detach(|| dagsorden::parse(text)))
}

/// Parse bytes: a PDF, or text in UTF-8 or a legacy encoding.
#[pyfunction]
fn parse_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Agenda> {
    py.detach(|| dagsorden_pdf::parse_document(data))
        .map(Agenda::wrap)
        .map_err(|e| Failure::from_document(e).into_pyerr(py, None))
}

/// Parse a file (.txt, .md, .pdf; told by content).
#[pyfunction]
fn parse_file(py: Python<'_>, path: PathBuf) -> PyResult<Agenda> {
    let shown = path.display().to_string();
    py.detach(|| read_and_parse(&path))
        .map(Agenda::wrap)
        .map_err(|f| f.into_pyerr(py, Some(&shown)))
}

/// Thread pools by size, built once: `parse_files` calls this for every chunk.
fn pool(workers: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Option<HashMap<usize, Arc<rayon::ThreadPool>>>> = Mutex::new(None);
    let mut pools = POOLS
        .lock()
        .map_err(|_| Error::new_err("thread pool registry poisoned"))?;
    let pools = pools.get_or_insert_with(HashMap::new);
    if let Some(pool) = pools.get(&workers) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .map(Arc::new)
        .map_err(|e| Error::new_err(format!("cannot start {workers} worker threads: {e}")))?;
    pools.insert(workers, Arc::clone(&pool));
    Ok(pool)
}

/// Parse files in parallel on Rust threads with the GIL released; results in order,
/// an `Agenda` or a `ParseFailure` for each path.
#[pyfunction]
#[pyo3(signature = (paths, workers = None))]
fn _parse_chunk(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    workers: Option<usize>,
) -> PyResult<Vec<Py<PyAny>>> {
    let workers = workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
        .max(1);
    let pool = pool(workers)?;
    let results: Vec<Result<model::Agenda, Failure>> =
        py.detach(|| pool.install(|| paths.par_iter().map(read_and_parse).collect()));
    results
        .into_iter()
        .zip(&paths)
        .map(|(result, path)| match result {
            Ok(agenda) => Ok(Bound::new(py, Agenda::wrap(agenda))?.into_any().unbind()),
            Err(failure) => Ok(Bound::new(
                py,
                ParseFailure {
                    path: path.display().to_string(),
                    failure,
                },
            )?
            .into_any()
            .unbind()),
        })
        .collect()
}

#[pymodule]
fn _dagsorden(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("PdfError", py.get_type::<PdfError>())?;
    m.add("FileError", py.get_type::<FileError>())?;
    m.add("SCHEMA_VERSION", model::SCHEMA_VERSION)?;
    m.add_class::<Agenda>()?;
    m.add_class::<Meeting>()?;
    m.add_class::<MeetingField>()?;
    m.add_class::<PreambleSection>()?;
    m.add_class::<TocEntry>()?;
    m.add_class::<Item>()?;
    m.add_class::<CaseRef>()?;
    m.add_class::<Section>()?;
    m.add_class::<Block>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Span>()?;
    m.add_class::<ParseFailure>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(_parse_chunk, m)?)?;
    Ok(())
}

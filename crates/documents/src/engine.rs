//! Typst in process: one engine per run (fonts read once, the standard library and the shared
//! Typst library built once), a light per-document world on top, compiled to PDF.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, IntoValue, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::diagnostics::termcolor::NoColor;
use typst_kit::diagnostics::{DiagnosticFormat, DiagnosticWorld, emit};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::fonts::{FontOptions, Fonts};

/// The shared Typst library every template imports.
pub(crate) const LIB_NAME: &str = "spotcheck.typ";
pub(crate) const LIB_SOURCE: &str = include_str!("../../../templates/spotcheck.typ");
/// Generated per run from the fonts available.
pub(crate) const FONTS_NAME: &str = "fonts.typ";

/// Stack size of the compiling threads.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// Each worker evicts Typst's memoized results after this many documents, keeping those used
/// within the last `EVICT_AGE` evictions (the shared library, the fonts' shaping).
const EVICT_EVERY: usize = 8;
const EVICT_AGE: usize = 4;
/// A document at least this long clears the memo when it is done.
const LONG_DOCUMENT_PAGES: usize = 40;

/// Options that change the PDFs.
#[derive(Debug, Clone)]
pub struct PdfSettings {
    pub standards: Vec<PdfStandard>,
}

impl Default for PdfSettings {
    fn default() -> Self {
        // PDF/A-2u: archival, and every glyph maps back to Unicode (text stays extractable).
        PdfSettings {
            standards: vec![PdfStandard::A_2u],
        }
    }
}

/// Parses a `--pdf-standard` value such as `a-2u`, `a-3b`, `1.7`.
pub fn parse_pdf_standard(s: &str) -> Result<PdfStandard, spotcheck_core::messages::Message> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| spotcheck_core::msg!(EnginePdfStandard, value = s))
}

impl PdfSettings {
    /// Settings for these standards, refused when they cannot be combined (PDF/A-2 with
    /// PDF/A-3, say) before anything is compiled.
    pub fn new(standards: Vec<PdfStandard>) -> Result<Self, spotcheck_core::messages::Message> {
        PdfStandards::new(&standards).map_err(|e| {
            spotcheck_core::msg!(EnginePdfStandards, error = e.message().to_string())
        })?;
        Ok(PdfSettings { standards })
    }
}

/// A Typst compile error mapped back to the generated source.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub messages: Vec<String>,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.messages.join("\n"))
    }
}

/// Fonts, library and shared sources, built once and shared by every compilation.
pub struct Engine {
    pub fonts: Fonts,
    library: LazyHash<Library>,
    shared: HashMap<FileId, Source>,
    fonts_module: String,
    pdf: PdfSettings,
    /// How many documents are compiled at once.
    workers: usize,
    /// The digest of what shapes every document alike: the program, the library, the font
    /// module, the fonts, the PDF standards ([`crate::cache`]).
    fingerprint: [u8; 32],
}

/// What the engine needs to know of a document besides its source text.
#[derive(Debug, Clone)]
pub struct DocSource {
    /// Stable virtual file name per document kind (`sampling-sheet.typ`): the generated sources
    /// import the shared library relative to it.
    pub main_name: String,
    /// How messages name the source (`JZ-2023-001/report.typ（模板 report.typ.tera）`).
    pub label: String,
    /// Identifies the document in its PDF (stable across runs).
    pub ident: String,
    /// The PDF's creation date and Typst's `datetime.today()`.
    pub date: NaiveDate,
}

/// A compiled document.
pub struct Compiled {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Time spent laying out (Typst's compile) and exporting to PDF, on this thread.
    pub(crate) compile_time: Duration,
    pub(crate) export_time: Duration,
    /// The same pages as OFD, when asked for ([`Engine::compile_ofd`]), and the time it took.
    pub ofd: Option<Vec<u8>>,
    pub(crate) ofd_time: Duration,
    /// Where the document's signature line stands, when it prints one.
    pub(crate) signature_place: Option<crate::pdfsign::SignaturePlace>,
}

/// The digest of the program, the library, the font module, every font (its origin and
/// metrics; a font file by its size and time) and the PDF standards.
fn fingerprint(fonts: &Fonts, fonts_module: &str, pdf: &PdfSettings) -> [u8; 32] {
    let mut key = crate::cache::KeyBuilder::new();
    crate::cache::program_part(&mut key);
    key.part(LIB_SOURCE).part(fonts_module);
    key.part(format!("{:?}", pdf.standards));
    let book = fonts.store.book();
    for (i, origin) in fonts.origins.iter().enumerate() {
        if origin.starts_with("embedded:") {
            key.part(origin);
        } else {
            crate::cache::file_part(&mut key, origin);
        }
        if let Some(info) = book.info(i) {
            key.part(serde_json::to_string(info).unwrap_or_default());
        }
    }
    key.finish()
}

fn file_id(path: &str) -> FileId {
    // Interned ids: a few fixed paths, reused for every document (typst can intern at most
    // 65,535 distinct paths per process).
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("static path"),
    )
    .intern()
}

impl Engine {
    pub fn new(fonts: &FontOptions, pdf: PdfSettings) -> Arc<Engine> {
        let fonts = Fonts::load(fonts);
        let fonts_module = fonts.typst_module();
        let mut shared = HashMap::new();
        let lib = file_id(&format!("/{LIB_NAME}"));
        shared.insert(lib, Source::new(lib, LIB_SOURCE.to_string()));
        let fm = file_id(&format!("/{FONTS_NAME}"));
        shared.insert(fm, Source::new(fm, fonts_module.clone()));
        let fingerprint = fingerprint(&fonts, &fonts_module, &pdf);
        Arc::new(Engine {
            fonts,
            library: LazyHash::new(Library::builder().build()),
            shared,
            fonts_module,
            pdf,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            fingerprint,
        })
    }

    /// What shapes every document this engine makes alike ([`crate::cache`]).
    pub(crate) fn fingerprint(&self) -> [u8; 32] {
        self.fingerprint
    }

    /// Runs `f` on a thread with a stack deep enough for Typst (the 2 MiB of a spawned thread
    /// overflows on long documents).
    pub fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("spotcheck-typst".into())
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, f)
                .expect("spawning a thread")
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }

    /// Applies `f` to every item, as many at once as there are cores, each worker taking the
    /// next item when it is done with one; results in the order of `items`.
    ///
    /// The workers are plain threads, not rayon's: Typst hands its own small tasks (page runs,
    /// font subsetting) to rayon and, while waiting for them, a rayon worker runs whatever
    /// else is queued. Were documents queued there too, a worker would start document after
    /// document inside the one it is finishing, holding all of them in memory at once.
    ///
    /// `pages_of` tells how long a result's document was: after a long one, Typst's memoized
    /// results are dropped at once (a 1,500-row table leaves half a gigabyte of them).
    pub(crate) fn map_documents<T: Sync, R: Send>(
        &self,
        items: &[T],
        f: impl Fn(&T) -> R + Sync,
        pages_of: impl Fn(&R) -> usize + Sync,
    ) -> Vec<R> {
        let next = AtomicUsize::new(0);
        let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::with_capacity(items.len()));
        std::thread::scope(|scope| {
            for i in 0..self.workers.min(items.len()) {
                std::thread::Builder::new()
                    .name(format!("spotcheck-typst-{i}"))
                    .stack_size(WORKER_STACK)
                    .spawn_scoped(scope, || {
                        let mut since_evict = 0;
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = items.get(i) else { break };
                            let r = f(item);
                            let long = pages_of(&r) >= LONG_DOCUMENT_PAGES;
                            done.lock().unwrap_or_else(|p| p.into_inner()).push((i, r));
                            since_evict += 1;
                            if long {
                                // Nothing of a long list is reused by the next document; a
                                // document compiling beside it only recomputes what it loses.
                                typst::comemo::evict(0);
                                since_evict = 0;
                            } else if since_evict == EVICT_EVERY {
                                // Typst memoizes everything it computes; what the last
                                // documents did not reuse will not be reused.
                                typst::comemo::evict(EVICT_AGE);
                                since_evict = 0;
                            }
                        }
                    })
                    .expect("spawning a thread");
            }
        });
        let mut done = done.into_inner().unwrap_or_else(|p| p.into_inner());
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    }

    /// The generated `fonts.typ`, for `--emit-typst`.
    pub(crate) fn fonts_module(&self) -> &str {
        &self.fonts_module
    }

    /// Compiles one main source to a PDF.
    pub fn compile(&self, source: &DocSource, text: String) -> Result<Compiled, CompileError> {
        self.compile_with(source, text, &[], None)
    }

    /// The PDF standards documents are made to.
    pub(crate) fn pdf_standards(&self) -> &[PdfStandard] {
        &self.pdf.standards
    }

    /// Compiles with extra binary files the source may read (`image("/docs/a.pdf")`), given
    /// by their absolute virtual path, and optionally other PDF standards than the engine's.
    pub(crate) fn compile_with(
        &self,
        source: &DocSource,
        text: String,
        files: &[(String, Bytes)],
        standards: Option<&[PdfStandard]>,
    ) -> Result<Compiled, CompileError> {
        self.compile_ofd(source, text, files, standards, None)
    }

    /// [`Engine::compile_with`], and with `ofd` the same laid-out pages as an OFD package too.
    pub(crate) fn compile_ofd(
        &self,
        source: &DocSource,
        text: String,
        files: &[(String, Bytes)],
        standards: Option<&[PdfStandard]>,
        ofd: Option<&crate::ofd::OfdMeta>,
    ) -> Result<Compiled, CompileError> {
        let world = self.world(source, text, files)?;
        let started = Instant::now();
        let doc = world.layout()?;
        let compile_time = started.elapsed();
        let standards =
            PdfStandards::new(standards.unwrap_or(&self.pdf.standards)).map_err(|e| {
                CompileError {
                    messages: vec![
                        spotcheck_core::msg!(EnginePdfStandards, error = e.message().to_string())
                            .to_string(),
                    ],
                }
            })?;
        let options = PdfOptions {
            ident: Smart::Custom(source.ident.clone()),
            creator: Smart::Custom(Some("spotcheck".into())),
            timestamp: world.today.map(Timestamp::new_utc),
            standards,
            ..PdfOptions::default()
        };
        let started = Instant::now();
        let pdf = typst_pdf::pdf(&doc, &options).map_err(|errs| CompileError {
            messages: world.describe(&errs),
        })?;
        let export_time = started.elapsed();
        let started = Instant::now();
        let ofd = match ofd {
            Some(meta) => Some(crate::ofd::ofd(&doc, meta).map_err(|e| CompileError {
                messages: vec![spotcheck_core::msg!(EngineOfd, error = e.to_string()).to_string()],
            })?),
            None => None,
        };
        Ok(Compiled {
            pdf,
            pages: doc.pages().len(),
            compile_time,
            export_time,
            ofd,
            ofd_time: started.elapsed(),
            signature_place: signature_place(&doc),
        })
    }

    /// Lays a document out without exporting it: its pages as Typst's frames (what the PDF
    /// export writes, and what the layout tests inspect).
    pub fn layout(
        &self,
        source: &DocSource,
        text: String,
        files: &[(String, Bytes)],
    ) -> Result<PagedDocument, CompileError> {
        self.world(source, text, files)?.layout()
    }

    fn world<'a>(
        &'a self,
        source: &DocSource,
        text: String,
        files: &[(String, Bytes)],
    ) -> Result<DocWorld<'a>, CompileError> {
        let id = file_id(&format!("/{}", source.main_name));
        let mut extra = HashMap::new();
        for (path, bytes) in files {
            let vpath = VirtualPath::new(path).map_err(|_| CompileError {
                messages: vec![spotcheck_core::msg!(EngineBadPath, path = path).to_string()],
            })?;
            extra.insert(
                RootedPath::new(VirtualRoot::Project, vpath).intern(),
                bytes.clone(),
            );
        }
        // The characters a bold line would print regular reach spotcheck.typ as
        // `sys.inputs.faux-bold`; a document with none (nearly all) shares the engine's library.
        let lacking = self.fonts.lacking_bold(&text);
        let library = (!lacking.is_empty()).then(|| {
            let mut inputs = typst::foundations::Dict::new();
            inputs.insert("faux-bold".into(), lacking.as_str().into_value());
            LazyHash::new(Library::builder().with_inputs(inputs).build())
        });
        Ok(DocWorld {
            engine: self,
            library,
            main: Source::new(id, text),
            label: source.label.clone(),
            today: to_datetime(source.date),
            files: extra,
        })
    }
}

/// Where the signature line of `doc` stands: the `metadata` labelled
/// [`crate::pdfsign::PLACE_LABEL`] gives its page and box (the Typst library's `esign-line`).
fn signature_place(doc: &PagedDocument) -> Option<crate::pdfsign::SignaturePlace> {
    use typst::foundations::{Label, Value};
    use typst::introspection::Introspector;
    let label = Label::new(typst::utils::PicoStr::intern(crate::pdfsign::PLACE_LABEL))?;
    let found = doc.introspector().query_label(label).ok()?;
    let Ok(Value::Dict(d)) = found.get_by_name("value") else {
        return None;
    };
    let num = |k: &str| match d.get(k).ok()? {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    };
    Some(crate::pdfsign::SignaturePlace {
        page: usize::try_from(num("page")? as i64).ok()?,
        x: num("x")?,
        y: num("y")?,
        width: num("w")?,
        height: num("h")?,
    })
}

fn to_datetime(d: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)
}

struct DocWorld<'a> {
    engine: &'a Engine,
    /// The document's own library, when its inputs differ from the engine's.
    library: Option<LazyHash<Library>>,
    main: Source,
    /// How the main source is named in messages: the case, the kind and its template.
    label: String,
    /// Binary files the document may read.
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl DocWorld<'_> {
    fn layout(&self) -> Result<PagedDocument, CompileError> {
        typst::compile::<PagedDocument>(self)
            .output
            .map_err(|errs| CompileError {
                messages: self.describe(&errs),
            })
    }

    /// The errors as typst-kit prints them: message, the generated source's line with the
    /// offending span marked, and hints.
    fn describe(&self, diags: &[SourceDiagnostic]) -> Vec<String> {
        // One instance of each message: a template error repeats in every loop iteration.
        let mut seen = std::collections::HashSet::new();
        let errors: Vec<&SourceDiagnostic> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error && seen.insert(d.message.clone()))
            .take(5)
            .collect();
        let mut buf = NoColor::new(Vec::new());
        match emit(
            &mut buf,
            self,
            errors.iter().copied(),
            DiagnosticFormat::Human,
        ) {
            Ok(()) => vec![
                String::from_utf8_lossy(&buf.into_inner())
                    .trim_end()
                    .to_string(),
            ],
            Err(_) => errors.iter().map(|d| d.message.to_string()).collect(),
        }
    }
}

impl DiagnosticWorld for DocWorld<'_> {
    fn name(&self, id: FileId) -> String {
        if id == self.main.id() {
            self.label.clone()
        } else {
            id.vpath().get_without_slash().to_string()
        }
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library.as_ref().unwrap_or(&self.engine.library)
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.store.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        self.engine
            .shared
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        self.source(id)
            .map(|s| Bytes::from_string(s.text().to_string()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.store.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

//! Rendering: for each selected case and kind, the Tera template makes a Typst source, the
//! engine compiles it to a PDF, and the PDF is written atomically under the output folder.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde_json::Value;

use crate::engine::{DocSource, Engine, FONTS_NAME, LIB_NAME, LIB_SOURCE};
use crate::ofd::OfdMeta;
use crate::pdfmeta;
use crate::templates::Templates;
use crate::view::{BatchView, CaseView, DocMeta};
use spotcheck_core::diag::{Diagnostic, Diagnostics, Rule};
use spotcheck_core::messages::{Lang, Message};
use spotcheck_core::msg;
use spotcheck_core::output::write_atomic;
use spotcheck_core::progress::{Phase, Progress, Silent};
use spotcheck_input::kinds::{CATALOG, Kind, Scope};
use spotcheck_input::load::{BATCH_FILE, LoadedBatch};
use spotcheck_input::stats::Share;

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub out: PathBuf,
    /// Only these cases (by id); all when empty.
    pub cases: Vec<String>,
    /// Only these kinds (by id); all when empty.
    pub kinds: Vec<String>,
    /// Also write each generated .typ beside its PDF, with the Typst library it imports.
    pub emit_typst: bool,
    /// Mark every page 草稿.
    pub draft: bool,
    /// Templates in this folder replace the built-in ones of the same name.
    pub templates: Option<PathBuf>,
    /// A per-batch list (summary table, qualified and unqualified lists) longer than this is
    /// made in parts of this many rows; 0 means [`ROWS_PER_PART`].
    pub rows_per_part: usize,
    /// Make every copy (联) of each per-case document ([`Kind::copies`]): the first is
    /// `<kind>.pdf` as always, the others `<kind>-copy<N>.pdf`. Without it, only the first
    /// copy is made: what `render`, `build`, the volume and the archive keep.
    pub all_copies: bool,
    /// Also write each document as OFD beside its PDF (`<kind>.ofd`, the same pages).
    pub ofd: bool,
    /// Sign the inspection reports and result notices with this certificate as PDF
    /// signatures ([`crate::pdfsign`]); drafts are never signed.
    pub sign_pdf: Option<std::sync::Arc<crate::pdfsign::PdfSigner>>,
    /// Reuse the documents of an earlier build in `out` whose inputs have not changed, and keep
    /// what is made for the next build ([`crate::cache`]).
    pub reuse: bool,
}

/// Rows per part of a per-batch list. Typst holds a whole document in memory while laying it
/// out: the summary table of 10,000 lots as one document (723 pages) took 3.6 GB; parts of
/// 1,500 rows (about 110 pages) stay near 0.5 GB each.
pub(crate) const ROWS_PER_PART: usize = 1500;

/// The per-batch documents that list lots, one row each, and the context key of their rows.
const ROW_LISTS: &[(&str, &str)] = &[
    ("summary-table", "summary"),
    ("qualified-list", "qualified"),
    ("unqualified-list", "unqualified"),
];

/// One document to make: a case's (by index) or the batch's, and which part of how many.
#[derive(Clone, Copy)]
struct Job {
    case: Option<usize>,
    kind: &'static Kind,
    part: (usize, usize),
    /// For per-batch documents: which context, 0 for the whole batch, `i` for the `i`-th lab
    /// of [`BatchContexts`].
    share: usize,
    /// Which copy (联), from 1.
    copy: usize,
}

impl Job {
    /// The file name of the document without extension: the kind, `summary-table-02` for
    /// a part.
    fn stem(&self) -> String {
        let (k, n) = self.part;
        if n > 1 {
            format!("{}-{k:02}", self.kind.id)
        } else if self.copy > 1 {
            copy_stem(self.kind.id, self.copy)
        } else {
            self.kind.id.to_string()
        }
    }

    fn file_name(&self, ext: &str) -> String {
        format!("{}.{ext}", self.stem())
    }
}

/// The file name without extension of a copy after the first: `sampling-sheet-copy2`.
pub(crate) fn copy_stem(kind: &str, copy: usize) -> String {
    format!("{kind}-copy{copy}")
}

/// One document written.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The case id, or [`BATCH_DIR`] for a per-batch document.
    pub case: String,
    /// For a per-batch document of one lab's share (several labs): the lab's id.
    pub lab: Option<String>,
    pub kind: &'static str,
    /// Which copy (联) of the kind, from 1 (1 for a kind made in one copy).
    pub copy: usize,
    pub path: PathBuf,
    /// The same document as OFD, beside the PDF, when asked for.
    pub ofd: Option<PathBuf>,
    pub pages: usize,
    pub bytes: usize,
    /// Whether the file of an earlier build was reused, its inputs unchanged ([`crate::cache`]).
    pub reused: bool,
    /// Where the time of this document went, on its worker thread.
    pub timings: Timings,
}

/// Thread time spent on one document, stage by stage (for the benchmark).
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// The Tera template making the Typst source.
    pub template: Duration,
    /// Typst's layout.
    pub compile: Duration,
    /// Typst's PDF export.
    pub export: Duration,
    /// Writing the PDF to disk.
    pub write: Duration,
    /// Writing the same pages as OFD (zero without `--ofd`).
    pub ofd: Duration,
}

/// Why rendering stopped.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Selection(Message),
    #[error("{0}")]
    Uncovered(Diagnostics),
    #[error("{}", .0.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("\n"))]
    Documents(Vec<Message>),
    #[error("{0}")]
    Templates(Message),
}

impl RenderError {
    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            RenderError::Selection(m) | RenderError::Templates(m) => m.in_lang(lang),
            RenderError::Uncovered(d) => d.in_lang(lang),
            RenderError::Documents(ms) => {
                let lines: Vec<String> = ms.iter().map(|m| m.in_lang(lang)).collect();
                lines.join("\n")
            }
        }
    }
}

/// The documents to make. Per-batch documents are made when no case is selected, and come
/// first: the longest documents start first, so that the two workers finish together.
fn plan(
    lb: &LoadedBatch,
    opts: &RenderOptions,
    contexts: &BatchViews,
) -> Result<Vec<Job>, RenderError> {
    for k in &opts.kinds {
        if !CATALOG.iter().any(|c| c.id == k) {
            let all: Vec<&str> = CATALOG.iter().map(|k| k.id).collect();
            let all = all.join(" ");
            return Err(RenderError::Selection(msg!(
                RenderUnknownKind,
                kind = k,
                all = all
            )));
        }
    }
    for id in &opts.cases {
        if lb.case(id).is_none() {
            return Err(RenderError::Selection(msg!(RenderUnknownCase, id = id)));
        }
    }
    let wanted = |kind: &Kind| opts.kinds.is_empty() || opts.kinds.iter().any(|k| k == kind.id);
    let mut jobs = Vec::new();
    if opts.cases.is_empty() {
        for kind in CATALOG
            .iter()
            .filter(|k| k.scope == Scope::Batch && wanted(k))
        {
            for (share, view) in contexts.iter().enumerate() {
                if view.lab.is_some() && !spotcheck_input::kinds::PER_LAB.contains(&kind.id) {
                    continue;
                }
                let n = rows_of(view, kind.id)
                    .map_or(1, |rows| rows.div_ceil(rows_per_part(opts)).max(1));
                jobs.extend((1..=n).map(|k| Job {
                    case: None,
                    kind,
                    part: (k, n),
                    share,
                    copy: 1,
                }));
            }
        }
    }
    for (i, lc) in lb.cases.iter().enumerate() {
        if !opts.cases.is_empty() && !opts.cases.contains(&lc.case.id) {
            continue;
        }
        for kind in CATALOG.iter().filter(|k| k.scope == Scope::Case) {
            if wanted(kind) && (kind.applies)(&lc.case) {
                let copies = if opts.all_copies {
                    kind.copies(&lb.batch).len()
                } else {
                    1
                };
                jobs.extend((1..=copies).map(|copy| Job {
                    case: Some(i),
                    kind,
                    part: (1, 1),
                    share: 0,
                    copy,
                }));
            }
        }
    }
    Ok(jobs)
}

/// The views of the per-batch documents: the whole batch's first, then, when several labs
/// share the batch, each lab's, for the documents each lab reports on its own. Each view holds
/// its share's numbers, computed once.
pub(crate) type BatchViews<'a> = Vec<BatchView<'a>>;

/// The per-batch views, when the selection makes any per-batch document.
fn batch_views_if_needed<'a>(lb: &'a LoadedBatch, opts: &RenderOptions) -> BatchViews<'a> {
    let wanted = |kind: &Kind| opts.kinds.is_empty() || opts.kinds.iter().any(|k| k == kind.id);
    if !opts.cases.is_empty() || !CATALOG.iter().any(|k| k.scope == Scope::Batch && wanted(k)) {
        return Vec::new();
    }
    let mut views = vec![BatchView::of(lb, Share::All)];
    if CATALOG
        .iter()
        .any(|k| spotcheck_input::kinds::PER_LAB.contains(&k.id) && wanted(k))
    {
        let labs = per_lab_shares(lb);
        views.extend(labs.iter().map(|id| {
            let lab = lb.batch.lab(id).map_or(id.as_str(), |l| l.id.as_str());
            BatchView::of(lb, Share::Lab(lab))
        }));
    }
    views
}

/// The labs that report their own share of the batch: every lab with work, when there are
/// several (with one lab, its share is the whole batch).
pub(crate) fn per_lab_shares(lb: &LoadedBatch) -> Vec<String> {
    let labs = spotcheck_input::stats::labs_with_work(lb);
    if labs.len() > 1 {
        labs.into_iter().map(|l| l.id.clone()).collect()
    } else {
        Vec::new()
    }
}

/// Where the per-batch documents of a share go: `OUT/batch/`, or `OUT/batch/labs/<lab id>/`.
pub(crate) fn batch_dir(out: &Path, lab: Option<&str>) -> PathBuf {
    match lab {
        Some(id) => out.join(BATCH_DIR).join(LABS_DIR).join(id),
        None => out.join(BATCH_DIR),
    }
}

/// Per-lab documents go to OUT/batch/labs/<lab id>/.
pub const LABS_DIR: &str = "labs";

fn rows_per_part(opts: &RenderOptions) -> usize {
    if opts.rows_per_part == 0 {
        ROWS_PER_PART
    } else {
        opts.rows_per_part
    }
}

/// How many rows a per-batch list has, for the kinds that list lots.
fn rows_of(view: &BatchView, kind: &str) -> Option<usize> {
    let key = ROW_LISTS.iter().find(|(k, _)| *k == kind)?.1;
    view.rows(key)
}

/// Checks every character of every value that reaches Typst against the fonts in use.
pub fn check_coverage(lb: &LoadedBatch, engine: &Engine, case_ids: &[String]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Each character is looked up in the fonts once: a batch repeats the same few thousand.
    let mut known: std::collections::HashMap<char, bool> = std::collections::HashMap::new();
    let mut visit = |file: &str,
                     index: &spotcheck_input::yaml::PosIndex,
                     what: Message,
                     value: &Value| {
        spotcheck_core::text::walk_strings(value, &mut String::new(), &mut |path, s| {
            for c in s.chars() {
                if c.is_whitespace() || *known.entry(c).or_insert_with(|| engine.fonts.covers(c)) {
                    continue;
                }
                found.push(Diagnostic::new(
                    Rule::FontUncovered,
                    file,
                    index.pos_of(path),
                    path,
                    msg!(
                        FontUncovered,
                        what = what.clone(),
                        ch = c,
                        code = format!("{:04X}", c as u32)
                    ),
                ));
                break;
            }
        });
    };
    let batch_value = serde_json::to_value(&lb.batch).unwrap_or(Value::Null);
    visit(
        BATCH_FILE,
        &lb.batch_index,
        msg!(FontWhatBatch),
        &batch_value,
    );
    for lc in &lb.cases {
        if !case_ids.is_empty() && !case_ids.contains(&lc.case.id) {
            continue;
        }
        let v = serde_json::to_value(&lc.case).unwrap_or(Value::Null);
        visit(
            &lc.file,
            &lc.index,
            msg!(FontWhatCase, id = &lc.case.id),
            &v,
        );
    }
    found
}

/// The Typst source of copy `copy` (from 1) of one per-case document, with the QR codes of
/// its first `pages` pages (a page past them has none: make the source again with the number
/// of pages the document has).
pub(crate) fn case_copy_source(
    lb: &LoadedBatch,
    make: &Make,
    case_index: usize,
    kind: &Kind,
    (copy, draft, esign): (usize, bool, Option<&str>),
) -> Result<String, String> {
    let lc = &lb.cases[case_index];
    let mut doc = doc_meta(kind, &lc.case.id, draft);
    doc.esign = esign.map(str::to_string);
    let copies = kind.copies(&lb.batch);
    if let Some(this) = copies.get(copy.max(1) - 1) {
        doc.copy = this.label();
        doc.copies_text = copies_text(&copies);
    }
    let mark = crate::qr::PageMark {
        batch: lb.batch.id.clone(),
        case: lc.case.id.clone(),
        kind: kind.id.to_string(),
        copy,
        page: 1,
        case_sha256: (!draft).then(|| spotcheck_core::text::hex(&lc.sha256)),
    };
    doc.qr = match make {
        Make::Source { qr_pages, .. } => mark.codes(*qr_pages),
        // The codes follow from what they encode.
        Make::Key => vec![mark.text()],
    };
    if kind.id == RETEST_REPORT {
        // The re-test's report: the report's template, the case as the re-test sees it.
        let Some(retest) = crate::view::retest_case(&lc.case) else {
            return Err(format!("{}: no re-test to report", lc.case.id));
        };
        let mut view = CaseView::of(lb, &retest, doc);
        view.f.task_category = "复检";
        // A re-test's conclusion is final: no objection lies against it.
        view.f.objection_right = "本报告为复检报告，复检结论为最终结论。".to_string();
        return make.make(kind.template, &view);
    }
    let view = CaseView::of(lb, &lc.case, doc);
    make.make(kind.template, &view)
}

/// What [`job_source`] makes of a document's view: its Typst source (with the QR codes of its
/// first `qr_pages` pages), or the view itself as JSON, which decides the source and is the
/// document's own part of its cache key ([`crate::cache`]).
pub(crate) enum Make<'t> {
    Source {
        templates: &'t Templates,
        qr_pages: usize,
    },
    Key,
}

impl Make<'_> {
    fn make(&self, template: &str, view: &impl serde::Serialize) -> Result<String, String> {
        match self {
            Make::Source { templates, .. } => templates.render(template, view),
            Make::Key => serde_json::to_string(view).map_err(|e| e.to_string()),
        }
    }
}

/// The kind of a re-test's report (复检报告).
pub(crate) const RETEST_REPORT: &str = "retest-report";

/// How many pages' QR codes a per-case document's source holds at first; a longer document
/// is made again with one for each of its pages. The forms are one page; a report is three on
/// average (a code is worth a millisecond to make, and most documents are forms).
pub fn qr_pages_at_first(kind: &Kind) -> usize {
    if kind.id == "report" || kind.id == RETEST_REPORT {
        4
    } else {
        1
    }
}

/// `一式三联，第一联承检机构留存，第二联随样品流转，第三联受检单位留存`; empty for one copy.
pub(crate) fn copies_text(copies: &[spotcheck_input::kinds::PrintCopy]) -> String {
    if copies.len() < 2 {
        return String::new();
    }
    let numeral = spotcheck_core::text::numeral_cn;
    let each: Vec<String> = copies
        .iter()
        .map(|c| format!("第{}联{}", numeral(c.number), c.holder))
        .collect();
    format!("一式{}联，{}", numeral(copies.len()), each.join("，"))
}

/// What a template knows of the document it makes.
fn doc_meta(kind: &Kind, subject: &str, draft: bool) -> DocMeta {
    DocMeta {
        kind: kind.id,
        title: format!("{} {subject}", kind.title),
        draft,
        copy: None,
        copies_text: String::new(),
        qr: Vec::new(),
        esign: None,
    }
}

/// The PDF signer of a document of `kind` of case `case`, when `opts` signs it: reports and
/// result notices, never drafts, and in a batch of several labs only the documents of the lab
/// the certificate names (its name in the certificate's subject): a lab signs what it issues.
fn signer_for<'o>(
    lb: &LoadedBatch,
    opts: &'o RenderOptions,
    kind: &Kind,
    case: Option<usize>,
) -> Option<&'o crate::pdfsign::PdfSigner> {
    let signer = opts.sign_pdf.as_deref()?;
    let case = &lb.cases.get(case?)?.case;
    if opts.draft || !crate::pdfsign::SIGNED_KINDS.contains(&kind.id) {
        return None;
    }
    let issued_by_signer = lb.batch.labs.len() < 2
        || lb
            .batch
            .lab(&case.lab)
            .is_some_and(|l| signer.name().contains(l.name.trim()));
    issued_by_signer.then_some(signer)
}

/// The kind whose spreadsheet is written beside its PDF.
pub const SUMMARY_KIND: &str = "summary-table";

/// Per-batch documents go to OUT/batch/.
pub const BATCH_DIR: &str = "batch";

/// Renders the selected documents of a loaded batch.
pub fn render(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &RenderOptions,
) -> Result<Vec<Rendered>, RenderError> {
    render_with(lb, engine, opts, &Silent)
}

/// [`render`], telling `progress` of each document done.
pub fn render_with(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &RenderOptions,
    progress: &dyn Progress,
) -> Result<Vec<Rendered>, RenderError> {
    let mut contexts = batch_views_if_needed(lb, opts);
    let jobs = plan(lb, opts, &contexts)?;
    let uncovered = check_coverage(lb, engine, &opts.cases);
    if !uncovered.is_empty() {
        return Err(RenderError::Uncovered(Diagnostics(uncovered)));
    }
    let annex_files = annex_files_if_needed(lb, &jobs, &mut contexts)?;
    let templates = Templates::load(opts.templates.as_deref())
        .map_err(|e| RenderError::Templates(msg!(RenderTemplates, error = e)))?;
    let cache = (opts.reuse && !opts.emit_typst).then(|| {
        let base = crate::cache::KeyBuilder::new()
            .part(engine.fingerprint())
            .part(templates.fingerprint)
            .finish();
        crate::cache::Cache::open(&opts.out, base)
    });
    let annex_digest = files_digest(&annex_files);
    progress.start(Phase::Render, jobs.len() as u64);
    let results: Vec<Result<Rendered, Message>> = engine.map_documents(
        &jobs,
        |&job| {
            let started = Instant::now();
            let kind = job.kind;
            let mut qr_pages = qr_pages_at_first(job.kind);
            // Each PDF's own date, author and subject (documents::pdfmeta).
            let meta = match job.case {
                Some(ci) => pdfmeta::of_case(lb, &lb.cases[ci].case, kind.id),
                None => pdfmeta::of_batch(lb, contexts[job.share].lab.as_deref(), kind.id),
            };
            let key = cache.as_ref().and_then(|c| {
                let digest = (kind.id == NOTICE_KIND).then_some(&annex_digest[..]);
                job_key(lb, c, &contexts, opts, job, &meta, digest)
            });
            if let (Some(c), Some((key, path, ofd))) = (&cache, &key)
                && let Some(kept) = c.fetch(key, path, ofd.as_deref())
            {
                progress.tick(Phase::Render);
                return Ok(Rendered {
                    case: match job.case {
                        Some(ci) => lb.cases[ci].case.id.clone(),
                        None => BATCH_DIR.to_string(),
                    },
                    lab: share_lab(&contexts, job),
                    kind: kind.id,
                    copy: job.copy,
                    path: path.clone(),
                    ofd: ofd.clone(),
                    pages: kept.pages,
                    bytes: kept.bytes,
                    reused: true,
                    timings: Timings {
                        template: started.elapsed(),
                        ..Timings::default()
                    },
                });
            }
            let (compiled, id, dir, template_time) = loop {
                let make = Make::Source {
                    templates: &templates,
                    qr_pages,
                };
                let (id, source, dir) = job_source(lb, &make, &contexts, opts, job);
                let label = msg!(
                    RenderDoc,
                    id = &id,
                    title = kind.title,
                    template = kind.template
                );
                let source = source
                    .map_err(|e| msg!(RenderTemplate, doc = label.clone(), error = e))?
                    + &meta.typst_rule();
                let template_time = started.elapsed();
                if opts.emit_typst {
                    write_typst(&dir, &job.file_name("typ"), &source, engine).map_err(|e| {
                        msg!(RenderWriteTypst, doc = label.clone(), error = e.to_string())
                    })?;
                }
                let doc = doc_source(lb, &job, &id, meta.date);
                let files: &[(String, typst::foundations::Bytes)] = if kind.id == NOTICE_KIND {
                    &annex_files
                } else {
                    &[]
                };
                let ofd_meta = (opts.ofd || lb.batch.ofd).then(|| ofd_meta(lb, &job, &id, &doc));
                let compiled = engine
                    .compile_ofd(&doc, source, files, None, ofd_meta.as_ref())
                    .map_err(|e| msg!(RenderCompile, doc = label.clone(), error = e.to_string()))?;
                // A per-case document longer than the pages its QR codes were made for is made
                // again, with a QR code for each of its pages (the codes do not move the text).
                if job.case.is_none() || compiled.pages <= qr_pages {
                    break (compiled, id, dir, template_time);
                }
                qr_pages = compiled.pages;
            };
            let label = msg!(
                RenderDoc,
                id = &id,
                title = kind.title,
                template = kind.template
            );
            let path = dir.join(job.file_name("pdf"));
            let started = Instant::now();
            let signed = match signer_for(lb, opts, kind, job.case) {
                Some(s) => Some(
                    s.sign(
                        &compiled.pdf,
                        spotcheck_core::clock::bagging_time(),
                        compiled.signature_place,
                    )
                    .map_err(|e| msg!(RenderCompile, doc = label.clone(), error = e.0))?,
                ),
                None => None,
            };
            let pdf = signed.as_deref().unwrap_or(&compiled.pdf);
            write_atomic(&path, pdf).map_err(|e| {
                msg!(
                    RenderWrite,
                    doc = label.clone(),
                    path = &path,
                    error = e.to_string()
                )
            })?;
            let ofd = match &compiled.ofd {
                Some(bytes) => {
                    let path = dir.join(job.file_name("ofd"));
                    write_atomic(&path, bytes).map_err(|e| {
                        msg!(
                            RenderWrite,
                            doc = label.clone(),
                            path = &path,
                            error = e.to_string()
                        )
                    })?;
                    Some(path)
                }
                None => None,
            };
            if let (Some(c), Some((key, ..))) = (&cache, &key) {
                c.store(key, &path, ofd.as_deref(), compiled.pages);
            }
            progress.tick(Phase::Render);
            Ok(Rendered {
                case: if job.case.is_some() {
                    id
                } else {
                    BATCH_DIR.to_string()
                },
                lab: share_lab(&contexts, job),
                kind: kind.id,
                copy: job.copy,
                path,
                ofd,
                pages: compiled.pages,
                bytes: pdf.len(),
                reused: false,
                timings: Timings {
                    template: template_time,
                    compile: compiled.compile_time,
                    export: compiled.export_time,
                    write: started.elapsed(),
                    ofd: compiled.ofd_time,
                },
            })
        },
        |r| r.as_ref().map_or(0, |d| d.pages),
    );
    progress.finish(Phase::Render);

    let mut done = Vec::new();
    let mut failures = Vec::new();
    for r in results {
        match r {
            Ok(d) => done.push(d),
            Err(e) => failures.push(e),
        }
    }
    failures.extend(write_summary_sheets(lb, opts, &jobs, &contexts));
    if let Some(c) = cache {
        c.finish(failures.is_empty() && opts.cases.is_empty() && opts.kinds.is_empty());
    }
    if failures.is_empty() {
        Ok(done)
    } else {
        Err(RenderError::Documents(failures))
    }
}

/// What the engine is told of a document besides its source: the one description that the
/// compile and the document's cache key both use.
fn doc_source(lb: &LoadedBatch, job: &Job, id: &str, date: chrono::NaiveDate) -> DocSource {
    let main_name = job.file_name("typ");
    DocSource {
        label: format!("{id}/{main_name}（模板 {}）", job.kind.template),
        ident: format!("{}/{}/{}", lb.batch.id, id, job.stem()),
        main_name,
        date,
    }
}

/// The digest of the files a document is given besides its source (the notice's annex pages).
fn files_digest(files: &[(String, typst::foundations::Bytes)]) -> [u8; 32] {
    let mut key = crate::cache::KeyBuilder::new();
    for (name, bytes) in files {
        key.part(name).part(bytes.as_slice());
    }
    key.finish()
}

/// A document's cache key, with where its PDF (and OFD) go: everything that shapes it besides
/// what all documents share (its view, as its template receives it, its PDF metadata, the
/// files it is given, its OFD metadata). `None` for a document signed as a PDF signature,
/// which is signed anew each time (its signature's time is the build's), and for a view that
/// cannot be made (the error comes when the source is made).
fn job_key(
    lb: &LoadedBatch,
    cache: &crate::cache::Cache,
    contexts: &BatchViews,
    opts: &RenderOptions,
    job: Job,
    meta: &pdfmeta::PdfMeta,
    files: Option<&[u8]>,
) -> Option<(String, PathBuf, Option<PathBuf>)> {
    if signer_for(lb, opts, job.kind, job.case).is_some() {
        return None;
    }
    let (id, view, dir) = job_source(lb, &Make::Key, contexts, opts, job);
    let view = view.ok()?;
    let doc = doc_source(lb, &job, &id, meta.date);
    let ofd = (opts.ofd || lb.batch.ofd).then(|| ofd_meta(lb, &job, &id, &doc));
    let mut key = crate::cache::KeyBuilder::new();
    key.part(job.kind.id)
        .part(job.kind.template)
        .part(&doc.main_name)
        .part(&doc.ident)
        .part(doc.date.to_string())
        .part(meta.typst_rule())
        .part(view)
        .part(files.unwrap_or_default())
        .part(format!("{ofd:?}"));
    let pdf = dir.join(job.file_name("pdf"));
    let ofd = ofd.map(|_| dir.join(job.file_name("ofd")));
    Some((cache.key(&mut key), pdf, ofd))
}

/// The summary table also goes out as a spreadsheet, beside its PDF: one per share, and what
/// went wrong writing them.
fn write_summary_sheets(
    lb: &LoadedBatch,
    opts: &RenderOptions,
    jobs: &[Job],
    contexts: &BatchViews<'_>,
) -> Vec<Message> {
    let mut failures = Vec::new();
    for job in jobs
        .iter()
        .filter(|j| j.case.is_none() && j.kind.id == SUMMARY_KIND && j.part.0 == 1)
    {
        let view = &contexts[job.share];
        let path = xlsx_path(&opts.out, view.lab.as_deref());
        match crate::xlsx::workbook(lb, view) {
            Ok(bytes) => {
                if let Err(e) = write_atomic(&path, &bytes) {
                    failures.push(msg!(RenderXlsxWrite, path = &path, error = e.to_string()));
                }
            }
            Err(e) => failures.push(msg!(RenderXlsx, error = e.to_string())),
        }
    }
    failures
}

/// What the OFD's document info says: the title the template gives the document, the
/// author (the lab for a case's documents, the authority for the batch's), the batch's date,
/// and the batch, case and kind as custom data.
fn ofd_meta(lb: &LoadedBatch, job: &Job, subject: &str, doc: &DocSource) -> OfdMeta {
    let case = job.case.map(|i| &lb.cases[i].case);
    let who = case
        .and_then(|c| lb.batch.lab(&c.lab))
        .map_or(lb.batch.authority.name.clone(), |l| l.name.clone());
    let title = match case {
        Some(c) => format!("{} {}", job.kind.title, c.id),
        None => format!("{} {}", job.kind.title, lb.batch.document_no),
    };
    OfdMeta {
        ident: doc.ident.clone(),
        title,
        author: who,
        date: doc.date,
        custom: vec![
            ("batch".into(), lb.batch.id.clone()),
            ("case".into(), subject.to_string()),
            ("kind".into(), job.stem()),
        ],
    }
}

/// The lab of a per-batch document of one lab's share.
fn share_lab(contexts: &BatchViews, job: Job) -> Option<String> {
    job.case
        .is_none()
        .then(|| contexts.get(job.share).and_then(|v| v.lab.clone()))
        .flatten()
}

/// The kind that prints the notice itself, with its annexes.
const NOTICE_KIND: &str = "batch-notice";

/// The pages of the attached annexes, when the notice itself is made: their images for the
/// compiler, and their paths in the notice's context (`annexes[].pages`).
fn annex_files_if_needed(
    lb: &LoadedBatch,
    jobs: &[Job],
    contexts: &mut BatchViews,
) -> Result<Vec<(String, typst::foundations::Bytes)>, RenderError> {
    if !jobs.iter().any(|j| j.kind.id == NOTICE_KIND) {
        return Ok(Vec::new());
    }
    let annexes = crate::annex::annex_pages(lb).map_err(|m| RenderError::Documents(vec![m]))?;
    let mut files = Vec::new();
    for a in annexes {
        if let Some(view) = contexts.first_mut()
            && let Some(entry) = view.annexes.get_mut(a.no - 1)
        {
            entry.pages = a.pages.iter().map(|(p, _)| p.clone()).collect();
        }
        files.extend(a.pages);
    }
    Ok(files)
}

/// Where the spreadsheet of a share's summary table goes, beside its PDF.
pub fn xlsx_path(out: &Path, lab: Option<&str>) -> PathBuf {
    batch_dir(out, lab).join(format!("{SUMMARY_KIND}.xlsx"))
}

/// The subject (case id, `batch` or `batch/labs/<lab id>`), the Typst source and the output
/// folder of one document.
fn job_source(
    lb: &LoadedBatch,
    make: &Make,
    contexts: &BatchViews,
    opts: &RenderOptions,
    job: Job,
) -> (String, Result<String, String>, PathBuf) {
    let kind = job.kind;
    match job.case {
        Some(ci) => {
            let id = &lb.cases[ci].case.id;
            let esign = signer_for(lb, opts, kind, Some(ci)).map(|s| s.name());
            let copy = (job.copy, opts.draft, esign);
            let source = case_copy_source(lb, make, ci, kind, copy);
            (id.clone(), source, case_dir(&opts.out, id))
        }
        None => {
            let view = &contexts[job.share];
            let lab = view.lab.as_deref();
            let mut subject = lb.batch.document_no.clone();
            if let Some(l) = lab.and_then(|id| lb.batch.lab(id)) {
                subject = format!("{subject} {}", l.name);
            }
            if job.part.1 > 1 {
                subject = format!("{subject} 第{}部分", job.part.0);
            }
            let list = ROW_LISTS
                .iter()
                .find(|(id, _)| *id == kind.id)
                .map(|(_, key)| *key);
            let doc = view.doc(
                list,
                job.part,
                rows_per_part(opts),
                doc_meta(kind, &subject, opts.draft),
            );
            let subject = match lab {
                Some(id) => format!("{BATCH_DIR}/{LABS_DIR}/{id}"),
                None => BATCH_DIR.to_string(),
            };
            (
                subject,
                make.make(kind.template, &doc),
                batch_dir(&opts.out, lab),
            )
        }
    }
}

/// A generated Typst source, without compiling it.
#[derive(Debug, Clone)]
pub struct TypstSource {
    /// Where `--emit-typst` writes it: the document's output folder and file name.
    pub dir: PathBuf,
    pub name: String,
    pub text: String,
}

/// The Typst sources of the selected documents, made in parallel (what `--emit-typst`
/// writes, and what the benchmark compiles other ways).
pub fn typst_sources(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &RenderOptions,
) -> Result<Vec<TypstSource>, RenderError> {
    let mut contexts = batch_views_if_needed(lb, opts);
    let jobs = plan(lb, opts, &contexts)?;
    // The notice's source names its attached annexes' pages.
    annex_files_if_needed(lb, &jobs, &mut contexts)?;
    let templates = Templates::load(opts.templates.as_deref())
        .map_err(|e| RenderError::Templates(msg!(RenderTemplates, error = e)))?;
    let made: Vec<Result<TypstSource, Message>> = engine.install(|| {
        jobs.par_iter()
            .map(|&job| {
                let kind = job.kind;
                let make = Make::Source {
                    templates: &templates,
                    qr_pages: qr_pages_at_first(kind),
                };
                let (id, text, dir) = job_source(lb, &make, &contexts, opts, job);
                let text = text.map_err(|e| {
                    let doc = msg!(
                        RenderDoc,
                        id = &id,
                        title = kind.title,
                        template = kind.template
                    );
                    msg!(RenderTemplate, doc = doc, error = e)
                })?;
                Ok(TypstSource {
                    dir,
                    name: job.file_name("typ"),
                    text,
                })
            })
            .collect()
    });
    let (ok, failed): (Vec<_>, Vec<_>) = made.into_iter().partition(Result::is_ok);
    if failed.is_empty() {
        Ok(ok.into_iter().filter_map(Result::ok).collect())
    } else {
        Err(RenderError::Documents(
            failed.into_iter().filter_map(Result::err).collect(),
        ))
    }
}

/// OUT/cases/<id>/
pub(crate) fn case_dir(out: &Path, id: &str) -> PathBuf {
    out.join("cases").join(id)
}

/// Writes a generated source with the Typst library and font module it imports beside it, so
/// that `typst compile --font-path fonts FILE.typ` compiles it again.
pub fn write_typst(dir: &Path, name: &str, source: &str, engine: &Engine) -> std::io::Result<()> {
    write_atomic(&dir.join(name), source.as_bytes())?;
    write_atomic(&dir.join(LIB_NAME), LIB_SOURCE.as_bytes())?;
    write_atomic(&dir.join(FONTS_NAME), engine.fonts_module().as_bytes())
}

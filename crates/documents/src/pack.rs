//! The visit pack (抽样包): what the samplers carry to a day of visits, ready for a duplex
//! printer. One PDF per day (per lab and day when several labs share the batch), and one per
//! case on request: the route sheet of the visits, then for each visit the notice and every
//! form completed on site, each starting on an odd page (a blank back page is added after a
//! document with an odd number of pages).
//!
//! Every copy (联) of a form is printed, each labelled at its foot, with the QR code of each
//! page (without a case file hash: a pack is no final document); the archive keeps one.
//!
//! A planned case prints what is known (the enterprise, the lab, the samplers, the notice
//! number) and ruled blanks for what is written by hand: the forms receive the case from
//! [`view::paper_case`], and the pack's show rules turn the blank marks ([`view::BLANK`] …)
//! into lines to write on, sized for handwriting. A visited case prints the forms of its
//! outcome as recorded. A 待填写 left in a case file is a blank on paper, never the word.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;
use typst::foundations::Bytes;
use typst_pdf::PdfStandard;

use crate::engine::{Compiled, DocSource, Engine};
use crate::format::date_cn;
use crate::qr;
use crate::render::{copies_text, qr_pages_at_first};
use crate::templates::Templates;
use crate::view::{self, CaseView, DocMeta};
use spotcheck_core::diag::{Diagnostic, Rule};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_core::output::write_atomic;
use spotcheck_core::progress::{Phase, Progress, Silent};
use spotcheck_input::kinds::{self, CATALOG, Kind};
use spotcheck_input::load::{BATCH_FILE, LoadedBatch};
use spotcheck_input::model::Case;

/// OUT/pack/
pub(crate) const PACK_DIR: &str = "pack";

/// The forms of a visit, in the order they are used on site.
pub const PACK_KINDS: [&str; 7] = [
    "notice",
    "sampling-sheet",
    "payment-slip",
    "sealing-notice",
    "refusal-form",
    "no-sample-sheet",
    "feedback-sheet",
];

/// What to pack.
#[derive(Debug, Clone, Default)]
pub struct PackOptions {
    pub out: PathBuf,
    /// The days to pack; with neither days nor cases, every day that has planned cases.
    pub dates: Vec<NaiveDate>,
    /// Cases packed one by one, each in its own file.
    pub cases: Vec<String>,
}

/// One pack written.
#[derive(Debug, Clone, Serialize)]
pub struct PackWritten {
    pub path: PathBuf,
    /// The day, for a day's pack.
    pub date: Option<NaiveDate>,
    /// The cases in it, in route order.
    pub cases: Vec<String>,
    pub pages: usize,
    /// The documents in it, in order, with their first page (from 1): the route sheet, then
    /// each visit's forms.
    pub documents: Vec<PackedDoc>,
}

/// A document inside a pack.
#[derive(Debug, Clone, Serialize)]
pub struct PackedDoc {
    /// `route-sheet` or a form kind.
    pub kind: &'static str,
    /// The case, for a form.
    pub case: Option<String>,
    pub(crate) first_page: usize,
    pub pages: usize,
}

/// The show rules that make blanks of the blank marks, put before a form's own source.
const BLANK_RULES: &str = "#show \"\u{E000}\": box(width: 1fr, height: 1.7em, stroke: (bottom: 0.5pt + luma(110)))\n\
#show \"\u{E001}\": block(width: 100%, above: 0.4em, below: 0.2em, stack(spacing: 2em, v(0.4em), ..range(4).map(_ => line(length: 100%, stroke: 0.4pt + luma(150)))))\n\
#show \"\u{E003}\": box(width: 4em, height: 1.7em, stroke: (bottom: 0.5pt + luma(110)))\n\
#show \"\u{E002}\": box(width: 2.6em, height: 1.7em, stroke: (bottom: 0.5pt + luma(110)))\n";

/// The forms a case's pack holds: every form of the visit for a planned case; the forms of
/// its outcome for a visited one.
pub(crate) fn kinds_for(c: &Case) -> Vec<&'static Kind> {
    PACK_KINDS
        .iter()
        .filter_map(|id| CATALOG.iter().find(|k| k.id == *id))
        .filter(|k| c.is_planned() || (k.applies)(c))
        .collect()
}

/// The cases that go on paper for the days and cases asked for: those of the days, the
/// cases themselves, or, with neither, every planned case. What was asked for must exist: a
/// case the batch does not have, a day without visits, or nothing planned at all is refused
/// (what `pack` and the work page both say).
pub fn selection(
    lb: &LoadedBatch,
    dates: &[NaiveDate],
    cases: &[String],
) -> Result<Vec<String>, Message> {
    if let Some(id) = cases.iter().find(|id| lb.case(id).is_none()) {
        return Err(msg!(PackUnknownCase, id = id));
    }
    if let Some(d) = dates
        .iter()
        .find(|d| !lb.cases.iter().any(|lc| lc.case.visit.date == **d))
    {
        return Err(msg!(PackNoVisits, date = *d));
    }
    if dates.is_empty() && cases.is_empty() && !lb.cases.iter().any(|lc| lc.case.is_planned()) {
        return Err(msg!(PackNothing));
    }
    Ok(lb
        .cases
        .iter()
        .filter(|lc| {
            let c = &lc.case;
            cases.contains(&c.id)
                || dates.contains(&c.visit.date)
                || (dates.is_empty() && cases.is_empty() && c.is_planned())
        })
        .map(|lc| lc.case.id.clone())
        .collect())
}

/// The errors that stop the pack of `packed` (the cases of [`selection`]): the rules' errors
/// in `batch.yaml` and in those cases' files, except what is still to be written (it prints
/// as a blank), then every character of their values no font draws.
pub fn refusals(lb: &LoadedBatch, engine: &Engine, packed: &[String]) -> Vec<Diagnostic> {
    let files: Vec<&str> = lb
        .cases
        .iter()
        .filter(|lc| packed.contains(&lc.case.id))
        .map(|lc| lc.file.as_str())
        .collect();
    let findings = spotcheck_rules::check(lb);
    let mut errors: Vec<Diagnostic> = findings
        .into_iter()
        .filter(|d| d.is_error())
        .filter(|d| d.file == BATCH_FILE || files.contains(&d.file.as_str()))
        .filter(|d| {
            !matches!(
                d.rule,
                Rule::CasePlaceholder | Rule::SamplersMin | Rule::PlannedBlank
            )
        })
        .collect();
    if !packed.is_empty() {
        errors.extend(crate::render::check_coverage(lb, engine, packed));
    }
    errors
}

impl PackWritten {
    /// What `pack` says of a pack written: its file, cases and pages.
    pub fn message(&self) -> Message {
        msg!(
            PackWritten,
            path = &self.path,
            cases = self.cases.len(),
            pages = self.pages
        )
    }
}

/// Writes the packs asked for under `OUT/pack/`.
pub fn pack(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &PackOptions,
) -> Result<Vec<PackWritten>, Message> {
    pack_with(lb, engine, opts, &Silent)
}

/// [`pack`], telling `progress` where it stands: [`Phase::Render`], one step per visit.
pub fn pack_with(
    lb: &LoadedBatch,
    engine: &Engine,
    opts: &PackOptions,
    progress: &dyn Progress,
) -> Result<Vec<PackWritten>, Message> {
    for id in &opts.cases {
        if lb.case(id).is_none() {
            return Err(msg!(PackUnknownCase, id = id));
        }
    }
    let dates: Vec<NaiveDate> = if opts.dates.is_empty() && opts.cases.is_empty() {
        let mut d: Vec<NaiveDate> = lb
            .cases
            .iter()
            .filter(|lc| lc.case.is_planned())
            .map(|lc| lc.case.visit.date)
            .collect();
        d.sort();
        d.dedup();
        if d.is_empty() {
            return Err(msg!(PackNothing));
        }
        d
    } else {
        opts.dates.clone()
    };
    let visits = lb
        .cases
        .iter()
        .filter(|lc| dates.contains(&lc.case.visit.date))
        .count();
    progress.start(Phase::Render, (visits + opts.cases.len()) as u64);
    let several_labs = lb.batch.labs.len() > 1;
    let templates = Templates::new().map_err(|e| msg!(RenderTemplates, error = e))?;
    let dir = opts.out.join(PACK_DIR);
    let mut written = Vec::new();
    for date in dates {
        // The day's visits, by lab (each lab's samplers go their own way), then by id.
        let mut by_lab: BTreeMap<usize, Vec<&Case>> = BTreeMap::new();
        for lc in lb.cases.iter().filter(|lc| lc.case.visit.date == date) {
            let rank = lb
                .batch
                .labs
                .iter()
                .position(|l| l.id == lc.case.lab)
                .unwrap_or(usize::MAX);
            by_lab
                .entry(if several_labs { rank } else { 0 })
                .or_default()
                .push(&lc.case);
        }
        if by_lab.is_empty() {
            return Err(msg!(PackNoVisits, date = date));
        }
        for (rank, mut cases) in by_lab {
            cases.sort_by(|a, b| a.id.cmp(&b.id));
            let name = format!("{}.pdf", date.format("%Y-%m-%d"));
            let path = match lb.batch.labs.get(rank).filter(|_| several_labs) {
                Some(l) => dir.join(&l.id).join(name),
                None => dir.join(name),
            };
            written.push(pack_one(
                lb,
                engine,
                &templates,
                &cases,
                Some(date),
                &path,
                progress,
            )?);
        }
    }
    for id in &opts.cases {
        let c = &lb
            .case(id)
            .map(|lc| &lc.case)
            .ok_or_else(|| msg!(PackUnknownCase, id = id))?;
        let path = dir.join(format!("{id}.pdf"));
        written.push(pack_one(
            lb,
            engine,
            &templates,
            &[c],
            None,
            &path,
            progress,
        )?);
    }
    progress.finish(Phase::Render);
    Ok(written)
}

/// A document compiled for the pack: its kind, its case, its PDF, its pages, and whether its
/// pages are landscape.
struct Piece {
    kind: &'static str,
    case: Option<String>,
    pdf: Vec<u8>,
    pages: usize,
    flipped: bool,
}

/// A visit on the route sheet.
#[derive(Debug, Clone, Serialize)]
struct RouteVisit {
    id: String,
    party: String,
    address: String,
    contact: String,
    phone: String,
    category: String,
    domain: &'static str,
    samplers: String,
    /// The outcome of a visit already made; empty for a planned one (boxes to tick).
    outcome: &'static str,
}

impl RouteVisit {
    fn of(c: &Case) -> RouteVisit {
        RouteVisit {
            id: c.id.clone(),
            party: c.party.name.clone(),
            address: c.party.address.clone(),
            contact: c.party.contact.clone().unwrap_or_default(),
            phone: c.party.phone.clone().unwrap_or_default(),
            category: c.category.clone(),
            domain: c.domain.label(),
            samplers: samplers_of(&[c]).join("、"),
            outcome: c.outcome.map_or("", |o| o.label()),
        }
    }
}

/// The samplers named in `cases`, each once, in order; a 待填写 left for a name is no name.
fn samplers_of(cases: &[&Case]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for s in cases.iter().flat_map(|c| &c.visit.samplers) {
        if !s.name.contains(spotcheck_input::scaffold::PLACEHOLDER) && !names.contains(&s.name) {
            names.push(s.name.clone());
        }
    }
    names
}

/// What makes the documents of packs: the batch, the engine and the templates.
struct Packer<'a> {
    lb: &'a LoadedBatch,
    engine: &'a Engine,
    templates: &'a Templates,
}

impl Packer<'_> {
    /// Compiles one of the pack's documents (PDF/A, as every document is made).
    fn compile(
        &self,
        name: &str,
        label: String,
        ident: String,
        source: String,
    ) -> Result<Compiled, Message> {
        let doc = DocSource {
            main_name: name.to_string(),
            label,
            ident,
            date: self.lb.batch.issued_on,
        };
        self.engine
            .install(|| self.engine.compile(&doc, source))
            .map_err(|e| msg!(PackCompile, what = name, error = e.to_string()))
    }

    /// The route sheet of the visits of `cases`; `subject` names the pack (its day or case).
    fn route_sheet(
        &self,
        cases: &[&Case],
        day: NaiveDate,
        subject: &str,
    ) -> Result<Piece, Message> {
        let lb = self.lb;
        let mut labs: Vec<String> = Vec::new();
        for c in cases {
            let lab = lb
                .batch
                .lab(&c.lab)
                .map_or_else(|| c.lab.clone(), |l| l.name.clone());
            if !labs.contains(&lab) {
                labs.push(lab);
            }
        }
        let ctx = json!({
            "batch": &lb.batch,
            "route": {
                "date": date_cn(day),
                "labs": labs.join("、"),
                "samplers": samplers_of(cases).join("、"),
                "visits": cases.iter().map(|c| RouteVisit::of(c)).collect::<Vec<_>>(),
            },
            "doc": { "kind": "route-sheet", "title": format!("抽样路线单 {subject}"), "draft": false },
        });
        let source = self
            .templates
            .render("route-sheet.typ.tera", &ctx)
            .map_err(|e| msg!(PackCompile, what = "route-sheet.typ", error = e))?;
        let compiled = self.compile(
            "route-sheet.typ",
            "抽样路线单 route-sheet.typ（模板 route-sheet.typ.tera）".into(),
            format!("{}/pack/{subject}/route-sheet", lb.batch.id),
            source,
        )?;
        Ok(Piece {
            kind: "route-sheet",
            case: None,
            pdf: compiled.pdf,
            pages: compiled.pages,
            flipped: true,
        })
    }

    /// One copy (联) of one form of a visit, with blanks for what is written on site and the
    /// QR code of each page (no case file hash: a pack is no final document); a form longer
    /// than the pages its codes were made for is made again.
    fn visit_form(
        &self,
        c: &Case,
        paper: &Case,
        kind: &'static Kind,
        copy: &kinds::PrintCopy,
        copies: &[kinds::PrintCopy],
    ) -> Result<Piece, Message> {
        let lb = self.lb;
        let mark = qr::PageMark {
            batch: lb.batch.id.clone(),
            case: c.id.clone(),
            kind: kind.id.to_string(),
            copy: copy.number,
            page: 1,
            case_sha256: None,
        };
        let mut qr_pages = qr_pages_at_first(kind);
        loop {
            let meta = DocMeta {
                esign: None,
                kind: kind.id,
                title: format!("{} {}", kind.title, c.id),
                draft: false,
                copy: copy.label(),
                copies_text: copies_text(copies),
                qr: mark.codes(qr_pages),
            };
            let mut v = CaseView::of(lb, paper, meta);
            if c.is_planned() {
                v.f.blank_out();
            }
            v.f.paper = true;
            let body = self
                .templates
                .render(kind.template, &v)
                .map_err(|e| msg!(PackCompile, what = kind.template, error = e))?;
            let compiled = self.compile(
                &format!("{}.typ", kind.id),
                format!("{}/{}.typ（模板 {}）", c.id, kind.id, kind.template),
                format!("{}/pack/{}/{}/{}", lb.batch.id, c.id, kind.id, copy.number),
                format!("{BLANK_RULES}{body}"),
            )?;
            if compiled.pages <= qr_pages {
                return Ok(Piece {
                    kind: kind.id,
                    case: Some(c.id.clone()),
                    pdf: compiled.pdf,
                    pages: compiled.pages,
                    flipped: false,
                });
            }
            qr_pages = compiled.pages;
        }
    }

    /// The pieces bound into one PDF for duplex printing, each from an odd page (a blank back
    /// after a piece of an odd number of pages): the PDF and where each piece begins.
    fn bind(
        &self,
        pieces: Vec<Piece>,
        subject: &str,
    ) -> Result<(Compiled, Vec<PackedDoc>), Message> {
        let lb = self.lb;
        let mut files: Vec<(String, Bytes)> = Vec::new();
        let mut items = Vec::new();
        let mut documents = Vec::new();
        let mut page = 1;
        for (i, piece) in pieces.into_iter().enumerate() {
            let vpath = format!("/docs/{i}.pdf");
            files.push((vpath.clone(), Bytes::new(piece.pdf)));
            let blank_back = piece.pages % 2 == 1;
            items.push(json!({
                "path": vpath,
                "page_numbers": (1..=piece.pages).collect::<Vec<_>>(),
                "blank_back": blank_back,
                "flipped": piece.flipped,
            }));
            documents.push(PackedDoc {
                kind: piece.kind,
                case: piece.case,
                first_page: page,
                pages: piece.pages,
            });
            page += piece.pages + usize::from(blank_back);
        }
        let ctx = json!({
            "docs": items,
            "doc": { "kind": "pack", "title": format!("抽样包 {} {subject}", lb.batch.document_no), "draft": false },
        });
        let source = self
            .templates
            .render("pack.typ.tera", &ctx)
            .map_err(|e| msg!(PackCompile, what = "pack.typ", error = e))?;
        let doc = DocSource {
            main_name: "pack.typ".into(),
            label: "抽样包 pack.typ（模板 pack.typ.tera）".into(),
            ident: format!("{}/pack/{subject}", lb.batch.id),
            date: lb.batch.issued_on,
        };
        // Plain PDF 1.7: the forms' own PDF pages are embedded, which Typst's PDF/A export
        // does not take; a pack is printed, not archived (the volume, which is, binds at PDF
        // level).
        let compiled = self
            .engine
            .install(|| {
                self.engine
                    .compile_with(&doc, source, &files, Some(&[PdfStandard::V_1_7]))
            })
            .map_err(|e| msg!(PackCompile, what = "pack.typ", error = e.to_string()))?;
        Ok((compiled, documents))
    }
}

/// One pack: the route sheet and the forms of `cases`, written to `path`.
fn pack_one(
    lb: &LoadedBatch,
    engine: &Engine,
    templates: &Templates,
    cases: &[&Case],
    date: Option<NaiveDate>,
    path: &Path,
    progress: &dyn Progress,
) -> Result<PackWritten, Message> {
    let packer = Packer {
        lb,
        engine,
        templates,
    };
    let subject = match date {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => cases[0].id.clone(),
    };
    let day = date.unwrap_or(cases[0].visit.date);
    let mut pieces = vec![packer.route_sheet(cases, day, &subject)?];
    // Each visit's forms, every copy (联) of each.
    for c in cases {
        let paper = view::paper_case(c);
        for kind in kinds_for(c) {
            let copies = kind.copies(&lb.batch);
            for copy in &copies {
                pieces.push(packer.visit_form(c, &paper, kind, copy, &copies)?);
            }
        }
        progress.tick(Phase::Render);
    }
    let (compiled, documents) = packer.bind(pieces, &subject)?;
    write_atomic(path, &compiled.pdf)
        .map_err(|e| msg!(PackWrite, path = path, error = e.to_string()))?;
    typst::comemo::evict(0);
    Ok(PackWritten {
        path: path.to_path_buf(),
        date,
        cases: cases.iter().map(|c| c.id.clone()).collect(),
        pages: compiled.pages,
        documents,
    })
}

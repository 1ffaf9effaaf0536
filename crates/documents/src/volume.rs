//! The bound volume (合订本): cover, contents, then the qualified reports, the unqualified
//! reports and the sampling sheets (the notice's order), then the refusal forms and no-sample
//! sheets the bureau acts on (unless batch.yaml's `archive.volume_includes_unsampled` is
//! false), each document bound page by page exactly as it stands alone, a bookmark per
//! document under its section, and every page numbered continuously (合订本 第 N 页) beside the
//! document's own numbering. PDF/A like every document: Typst lays out the volume's own pages
//! with an empty page for each document page, and [`crate::bind`] puts the document
//! pages into them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use typst_pdf::PdfStandard;

use crate::bind::{BindError, Binder};

use crate::engine::{DocSource, Engine};
use crate::render::Rendered;
use crate::templates::Templates;
use crate::view;
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_core::output::write_atomic;
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::Verdict;

/// OUT/volume/
pub(crate) const VOLUME_DIR: &str = "volume";

/// The volume's file name: `<batch id>-合订本.pdf`.
pub(crate) fn file_name(lb: &LoadedBatch) -> String {
    format!("{}-合订本.pdf", lb.batch.id)
}

/// The volume's sections: the notice's three, then the visits that sampled nothing.
const SECTION_TITLES: [&str; 4] = [
    "一、合格检验报告",
    "二、不合格检验报告",
    "三、抽样单",
    "四、拒检认定表和未抽样品工作单",
];

/// What the volume binds, in order: (section title, [(case id, kind)]).
pub fn contents(lb: &LoadedBatch) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let cases = view::ordered_share(lb, spotcheck_input::stats::Share::All);
    let reports = |want: Verdict| {
        cases
            .iter()
            .filter(|c| c.is_tested() && c.final_conclusion() == Some(want))
            .flat_map(|c| {
                // A re-test's report follows the first report it decided on.
                let retested = c.retest().is_some_and(|r| r.is_reported());
                std::iter::once((c.id.clone(), "report"))
                    .chain(retested.then(|| (c.id.clone(), "retest-report")))
            })
            .collect::<Vec<_>>()
    };
    let sheets = cases
        .iter()
        .filter(|c| c.outcome == Some(spotcheck_input::model::Outcome::Sampled))
        .map(|c| (c.id.clone(), "sampling-sheet"))
        .collect();
    let mut sections = vec![
        (SECTION_TITLES[0], reports(Verdict::Pass)),
        (SECTION_TITLES[1], reports(Verdict::Fail)),
        (SECTION_TITLES[2], sheets),
    ];
    if lb.batch.archive.volume_includes_unsampled {
        use spotcheck_input::model::Outcome;
        let unsampled = cases
            .iter()
            .filter_map(|c| match c.outcome {
                Some(Outcome::Refused) => Some((c.id.clone(), "refusal-form")),
                Some(Outcome::NotSampled) => Some((c.id.clone(), "no-sample-sheet")),
                Some(Outcome::Sampled) | None => None,
            })
            .collect();
        sections.push((SECTION_TITLES[3], unsampled));
    }
    sections
}

/// At most this many documents go into one part (册) of the volume: about 450 pages, as thick
/// as a bound book gets, and as much as is held in memory at once while binding.
pub(crate) const MAX_DOCS_PER_PART: usize = 300;

/// The file name of part `k` (from 1) of `n`: `<batch id>-合订本.pdf` when there is one part,
/// `<batch id>-合订本-第01册.pdf` ... when there are several.
pub(crate) fn part_file_name(lb: &LoadedBatch, k: usize, n: usize) -> String {
    if n <= 1 {
        file_name(lb)
    } else {
        let width = n.to_string().len().max(2);
        format!("{}-合订本-第{k:0width$}册.pdf", lb.batch.id)
    }
}

/// Binds the rendered documents of a batch into `OUT/volume/`: one file, or several parts
/// of at most [`MAX_DOCS_PER_PART`] documents each for a large batch. Returns the files in
/// order. `rendered` must hold every report and sampling sheet the volume lists.
pub fn bind(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
) -> Result<Vec<PathBuf>, Message> {
    bind_with(lb, engine, rendered, out, false)
}

/// [`bind`], reusing the volume's own pages of an earlier build into `out` when its
/// contents are unchanged ([`crate::cache::Shells`]).
pub fn bind_reusing(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
) -> Result<Vec<PathBuf>, Message> {
    let shells = crate::cache::Shells::open(out);
    let bound = bind_in_parts(
        lb,
        engine,
        rendered,
        out,
        false,
        MAX_DOCS_PER_PART,
        Some(&shells),
    );
    if bound.is_ok() {
        shells.finish();
    }
    bound
}

pub(crate) fn bind_with(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
    draft: bool,
) -> Result<Vec<PathBuf>, Message> {
    bind_parts(lb, engine, rendered, out, draft, MAX_DOCS_PER_PART)
}

/// [`bind_with`] with at most `max_docs` documents per part.
pub fn bind_parts(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
    draft: bool,
    max_docs: usize,
) -> Result<Vec<PathBuf>, Message> {
    bind_in_parts(lb, engine, rendered, out, draft, max_docs, None)
}

fn bind_in_parts(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
    draft: bool,
    max_docs: usize,
    shells: Option<&crate::cache::Shells>,
) -> Result<Vec<PathBuf>, Message> {
    let by_doc: HashMap<(&str, &str), &Rendered> = rendered
        .iter()
        .map(|r| ((r.case.as_str(), r.kind), r))
        .collect();
    // Every document in the volume's order, with its section.
    let mut all = Vec::new();
    for (si, (_, docs)) in contents(lb).into_iter().enumerate() {
        for (di, (id, kind)) in docs.into_iter().enumerate() {
            let doc = *by_doc
                .get(&(id.as_str(), kind))
                .ok_or_else(|| msg!(VolumeMissingDoc, id = &id, kind = kind))?;
            all.push(((si, di), id, kind, doc));
        }
    }
    let cases: HashMap<&str, &spotcheck_input::model::Case> = lb
        .cases
        .iter()
        .map(|lc| (lc.case.id.as_str(), &lc.case))
        .collect();
    let templates = Templates::new().map_err(|e| msg!(RenderTemplates, error = e))?;
    let parts: Vec<_> = all.chunks(max_docs.max(1)).collect();
    let n = parts.len().max(1);
    let mut written = Vec::with_capacity(n);
    for k in 1..=n {
        let part = parts.get(k - 1).copied().unwrap_or(&[]);
        let path = out.join(VOLUME_DIR).join(part_file_name(lb, k, n));
        let at = Part {
            k,
            n,
            path: &path,
            draft,
            shells,
        };
        bind_part(lb, &cases, engine, &templates, part, &at)?;
        // What Typst memoized for this part's pages is of no use for the next.
        typst::comemo::evict(0);
        written.push(path);
    }
    Ok(written)
}

/// One part: its cover and contents, then its documents. Only this part's PDFs are in memory.
/// Which part of the volume is bound, where it goes, and what of an earlier build it may
/// reuse.
struct Part<'a> {
    k: usize,
    n: usize,
    path: &'a Path,
    draft: bool,
    shells: Option<&'a crate::cache::Shells>,
}

fn bind_part(
    lb: &LoadedBatch,
    cases: &HashMap<&str, &spotcheck_input::model::Case>,
    engine: &Engine,
    templates: &Templates,
    docs: &[((usize, usize), String, &'static str, &Rendered)],
    part: &Part,
) -> Result<(), Message> {
    let (k, n, path, draft) = (part.k, part.n, part.path, part.draft);
    let mut sections: Vec<Value> = Vec::new();
    let mut counts = [0usize; 4];
    let mut current: Option<usize> = None;
    let mut items = Vec::new();
    let flush = |si: usize, items: &mut Vec<Value>, sections: &mut Vec<Value>| {
        if !items.is_empty() {
            sections.push(json!({ "title": contents_title(si), "docs": std::mem::take(items) }));
        }
    };
    for ((si, _), id, kind, doc) in docs {
        if current != Some(*si) {
            if let Some(prev) = current {
                flush(prev, &mut items, &mut sections);
            }
            current = Some(*si);
        }
        let c = cases.get(id.as_str()).copied();
        let party = c.map(|c| c.party.name.clone()).unwrap_or_default();
        let product = c
            .and_then(|c| c.product.as_ref())
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let kind_title = match *kind {
            "report" => "检验报告",
            "retest-report" => "复检报告",
            "refusal-form" => "拒检认定表",
            "no-sample-sheet" => "未抽样品工作单",
            _ => "抽样单",
        };
        counts[*si] += 1;
        items.push(json!({
            // The kind is kept on one line in the contents: a long entry wraps before it.
            "subject": format!("{id}　{party}　{product}"),
            "kind": kind_title,
            "page_numbers": (1..=doc.pages).collect::<Vec<_>>(),
            "first_in_section": items.is_empty(),
        }));
    }
    if let Some(prev) = current {
        flush(prev, &mut items, &mut sections);
    }
    // A section that began in an earlier part goes on under its title marked 续.
    if let (Some(((si, di), ..)), Some(section)) = (docs.first(), sections.first_mut())
        && *di > 0
    {
        section["title"] = json!(format!("{}（续）", contents_title(*si)));
    }

    let mut ctx: Value = json!({
        "batch": &lb.batch,
        "batch_f": view::BatchFmt::of(&lb.batch),
        "labs": lb.batch.labs.iter().map(|l| l.name.clone()).collect::<Vec<_>>().join("、"),
        "counts": { "qualified": counts[0], "unqualified": counts[1], "sheets": counts[2], "unsampled": counts[3] },
        "includes_unsampled": lb.batch.archive.volume_includes_unsampled,
        "part": { "number": k, "count": n },
        "sections": sections,
    });
    let title = if n > 1 {
        format!("合订本 {} 第{k}册", lb.batch.document_no)
    } else {
        format!("合订本 {}", lb.batch.document_no)
    };
    ctx["doc"] = json!({ "kind": "volume", "title": title, "draft": draft });
    let source = templates
        .render("volume.typ.tera", &ctx)
        .map_err(|e| msg!(VolumeTemplate, error = e))?;
    let meta = crate::pdfmeta::of_volume(lb);
    let source = source + &meta.typst_rule();
    let doc = DocSource {
        main_name: "volume.typ".into(),
        label: "合订本 volume.typ（模板 volume.typ.tera）".into(),
        ident: if n > 1 {
            format!("{}/volume/{k}", lb.batch.id)
        } else {
            format!("{}/volume", lb.batch.id)
        },
        date: meta.date,
    };
    // Typst lays out the volume's own pages as PDF/A, an empty slot page where each document
    // page goes (its PDF/A export does not take embedded PDF pages); the pages are then put
    // into their slots at PDF level (documents::bind).
    let standards = volume_standards(engine.pdf_standards());
    let key = part.shells.map(|_| {
        let key = crate::cache::KeyBuilder::new()
            .part(engine.fingerprint())
            .part(templates.fingerprint)
            .part(&source)
            .part(&doc.ident)
            .part(doc.date.to_string())
            .part(format!("{standards:?}"))
            .finish();
        spotcheck_core::text::hex(&key)
    });
    let kept = part.shells.zip(key.as_deref()).and_then(|(s, k)| s.get(k));
    let shell = match kept {
        Some(pdf) => pdf,
        None => {
            let compiled = engine
                .install(|| engine.compile_with(&doc, source, &[], Some(&standards)))
                .map_err(|e| msg!(VolumeCompile, error = e.to_string()))?;
            if let (Some(s), Some(k)) = (part.shells, &key) {
                s.put(k, &compiled.pdf);
            }
            compiled.pdf
        }
    };
    let slots = docs.iter().map(|d| d.3.pages).sum();
    let mut binder = Binder::new(&shell, slots).map_err(|e| msg!(VolumeCompile, error = e))?;
    drop(shell);
    // The documents are read a few at a time on every core, and placed in order: a part holds
    // the bytes of a few documents at a time, never all of them.
    let read = |doc: &Rendered| -> Result<lopdf::Document, Message> {
        let bytes = std::fs::read(&doc.path)
            .map_err(|e| msg!(VolumeRead, path = &doc.path, error = e.to_string()))?;
        crate::bind::parse(&bytes).map_err(|e| bind_error(&doc.path, doc.pages, e))
    };
    let chunk = 4 * std::thread::available_parallelism().map_or(2, |n| n.get());
    for group in docs.chunks(chunk) {
        let parsed: Vec<Result<lopdf::Document, Message>> = {
            use rayon::prelude::*;
            group.par_iter().map(|d| read(d.3)).collect()
        };
        for ((_, _, _, doc), parsed) in group.iter().zip(parsed) {
            binder
                .place_parsed(parsed?, doc.pages)
                .map_err(|e| bind_error(&doc.path, doc.pages, e))?;
        }
    }
    let pdf = binder
        .finish()
        .map_err(|e| msg!(VolumeCompile, error = e))?;
    write_atomic(path, &pdf).map_err(|e| msg!(VolumeWrite, path = path, error = e.to_string()))
}

/// What went wrong binding the document at `path`, of `pages` pages.
fn bind_error(path: &Path, pages: usize, e: BindError) -> Message {
    match e {
        BindError::Unreadable(error) => msg!(VolumeRead, path = path, error = error),
        BindError::Pages { found } => {
            msg!(VolumeDocPages, path = path, found = found, expected = pages)
        }
        BindError::Page { page, error } => {
            msg!(VolumeBindPage, path = path, page = page, error = error)
        }
    }
}

/// The standards the volume is made to: the documents' own when the bound pages keep them
/// (plain PDF, PDF/A-2 and PDF/A-3 at levels B and U), PDF/A-2u otherwise: a level A or
/// PDF/UA would claim a tagging of the bound pages that the volume does not have, PDF/A-1
/// and PDF/A-4 other versions of PDF than the documents'.
fn volume_standards(documents: &[PdfStandard]) -> Vec<PdfStandard> {
    use PdfStandard::*;
    let kept =
        |s: &PdfStandard| matches!(s, V_1_4 | V_1_5 | V_1_6 | V_1_7 | A_2b | A_2u | A_3b | A_3u);
    if !documents.is_empty() && documents.iter().all(kept) {
        documents.to_vec()
    } else {
        vec![A_2u]
    }
}

/// The heading of section `si` in the contents.
fn contents_title(si: usize) -> &'static str {
    SECTION_TITLES.get(si).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_volume_keeps_the_documents_standard_unless_its_pages_could_not_meet_it() {
        use PdfStandard::*;
        for kept in [vec![A_2u], vec![A_3b], vec![V_1_7], vec![A_2b]] {
            assert_eq!(volume_standards(&kept), kept);
        }
        for other in [
            vec![A_2a],
            vec![Ua_1],
            vec![A_1b],
            vec![A_4],
            vec![A_2u, Ua_1],
            vec![],
        ] {
            assert_eq!(volume_standards(&other), vec![A_2u], "{other:?}");
        }
    }
}

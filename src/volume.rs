//! The bound volume (合订本): cover, contents, then the qualified reports, the unqualified
//! reports and the sampling sheets (the notice's order), each document embedded page by page
//! exactly as it stands alone, a bookmark per document under its section, and every page
//! numbered continuously (合订本 第 N 页) beside the document's own numbering.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use typst::foundations::Bytes;
use typst_pdf::PdfStandard;

use crate::engine::{DocSource, Engine};
use crate::load::LoadedBatch;
use crate::model::Verdict;
use crate::output::write_atomic;
use crate::render::Rendered;
use crate::templates::Templates;
use crate::view;

/// OUT/volume/
pub const VOLUME_DIR: &str = "volume";

/// The volume's file name: `<batch id>-合订本.pdf`.
pub fn file_name(lb: &LoadedBatch) -> String {
    format!("{}-合订本.pdf", lb.batch.id)
}

/// What the volume binds, in order: (section title, [(case id, kind)]).
pub fn contents(lb: &LoadedBatch) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let cases = view::ordered_cases(lb);
    let reports = |want: Verdict| {
        cases
            .iter()
            .filter(|c| c.is_tested() && c.conclusion() == Some(want))
            .map(|c| (c.id.clone(), "report"))
            .collect::<Vec<_>>()
    };
    let sheets = cases
        .iter()
        .filter(|c| c.outcome == crate::model::Outcome::Sampled)
        .map(|c| (c.id.clone(), "sampling-sheet"))
        .collect();
    vec![
        ("一、合格检验报告", reports(Verdict::Pass)),
        ("二、不合格检验报告", reports(Verdict::Fail)),
        ("三、抽样单", sheets),
    ]
}

/// Binds the rendered documents of a batch into `OUT/volume/<batch id>-合订本.pdf`.
/// `rendered` must hold every report and sampling sheet the volume lists.
pub fn bind(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
) -> Result<PathBuf, String> {
    bind_with(lb, engine, rendered, out, false)
}

pub fn bind_with(
    lb: &LoadedBatch,
    engine: &Engine,
    rendered: &[Rendered],
    out: &Path,
    draft: bool,
) -> Result<PathBuf, String> {
    let mut files: Vec<(String, Bytes)> = Vec::new();
    let mut sections = Vec::new();
    let mut counts = [0usize; 3];
    for (si, (title, docs)) in contents(lb).into_iter().enumerate() {
        let mut items = Vec::new();
        for (di, (id, kind)) in docs.iter().enumerate() {
            let doc = rendered
                .iter()
                .find(|r| &r.case == id && r.kind == *kind)
                .ok_or_else(|| format!("合订本缺少 {id} 的 {kind}：请先生成全部文书"))?;
            let bytes = std::fs::read(&doc.path)
                .map_err(|e| format!("无法读取 {}：{e}", doc.path.display()))?;
            let vpath = format!("/docs/{id}/{kind}.pdf");
            files.push((vpath.clone(), Bytes::new(bytes)));
            let c = lb.case(id).map(|lc| &lc.case);
            let party = c.map(|c| c.party.name.clone()).unwrap_or_default();
            let product = c
                .and_then(|c| c.product.as_ref())
                .map(|p| p.name.clone())
                .unwrap_or_default();
            let kind_title = if *kind == "report" {
                "检验报告"
            } else {
                "抽样单"
            };
            items.push(json!({
                "path": vpath,
                "title": format!("{id}　{party}　{product}　{kind_title}"),
                "page_numbers": (1..=doc.pages).collect::<Vec<_>>(),
                "first_in_section": di == 0,
            }));
        }
        counts[si] = items.len();
        if !items.is_empty() {
            sections.push(json!({ "title": title, "docs": items }));
        }
    }

    let mut ctx: Value = json!({
        "batch": &lb.batch,
        "batch_f": view::batch_fmt(&lb.batch),
        "labs": lb.batch.labs.iter().map(|l| l.name.clone()).collect::<Vec<_>>().join("、"),
        "counts": { "qualified": counts[0], "unqualified": counts[1], "sheets": counts[2] },
        "sections": sections,
    });
    ctx["doc"] = json!({ "kind": "volume", "title": format!("合订本 {}", lb.batch.document_no), "draft": draft });
    let templates = Templates::new()?;
    let source = templates
        .render("volume.typ.tera", &ctx)
        .map_err(|e| format!("合订本模板错误：{e}"))?;
    let doc = DocSource {
        main_name: "volume.typ".into(),
        label: "合订本 volume.typ（模板 volume.typ.tera）".into(),
        ident: format!("{}/volume", lb.batch.id),
        date: lb.batch.issued_on,
    };
    let compiled = engine
        // Plain PDF 1.7: Typst embeds the documents' own PDF pages, which its PDF/A export does
        // not allow; each document stays archived as PDF/A on its own.
        .install(|| engine.compile_with(&doc, source, &files, Some(&[PdfStandard::V_1_7])))
        .map_err(|e| format!("合订本排版错误：\n{e}"))?;
    let path = out.join(VOLUME_DIR).join(file_name(lb));
    write_atomic(&path, &compiled.pdf).map_err(|e| format!("无法写入 {}：{e}", path.display()))?;
    Ok(path)
}

//! The 归档文件目录: one row per document of the archive (序号, 件号, 档号, 文号 or report number,
//! 责任者, 题名, 日期, 密级, 页数, 文件名), as a PDF (PDF/A, like every document) and a spreadsheet, both in
//! the payload under `data/catalogue/`, hence in the manifests like every file.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::layout::{BAG_VOLUME_DIR, CATALOGUE_DIR, DOCUMENTS_DIR};
use crate::{Payload, nfc, records};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_core::output::write_atomic;
use spotcheck_documents::engine::{DocSource, Engine};
use spotcheck_documents::pdfmeta;
use spotcheck_documents::render::{BATCH_DIR, Rendered};
use spotcheck_documents::templates::Templates;
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::stats::Share;

/// Dates in the catalogue as DA/T 22-2015 (5.5.2) prescribes for 归档文件目录: eight figures,
/// the international standard notation of year, month and day (20230302).
pub(crate) const DATE_FORMAT: &str = "%Y%m%d";

/// OUT/catalogue/
pub(crate) const OUT_DIR: &str = "catalogue";
/// The file names, without extension.
pub(crate) const STEM: &str = "归档文件目录";

/// One row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub no: usize,
    /// 件号 (DA/T 22-2015): the records office's running number of the document, four digits.
    pub(crate) item_no: String,
    /// 档号 of the document (全宗号-WS·年度-保管期限-机构（问题）-件号); empty without a 全宗号.
    pub(crate) archival_no: String,
    /// 文号: the document's own number: the batch notice's, a visit notice's, a report's; the
    /// case id (抽样单编号) for the forms of a visit; empty for a document that has none.
    pub doc_no: String,
    pub author: String,
    pub title: String,
    /// 日期: the date of the act the document records, written as [`DATE_FORMAT`]; none (a
    /// blank cell) for a summary table or analysis report whose submission is not recorded:
    /// no later event stands in for the act.
    #[serde(rename = "date", serialize_with = "catalogue_date")]
    pub dated: Option<chrono::NaiveDate>,
    pub pages: usize,
    /// 密级.
    pub classification: String,
    /// The path in the bag.
    pub file: String,
}

/// Every document, in the order they were rendered, then the volume's parts.
pub fn entries(
    lb: &LoadedBatch,
    out: &Path,
    rendered: &[Rendered],
    volumes: &[(PathBuf, usize)],
) -> Vec<Entry> {
    let mut rows = Vec::new();
    for r in rendered {
        let title = spotcheck_input::kinds::find(r.kind).map_or(r.kind, |k| k.title);
        let rel = r.path.strip_prefix(out).unwrap_or(&r.path);
        let file = format!("{DOCUMENTS_DIR}/{}", nfc(&slash(rel)));
        let (meta, doc_no, title, dated) = if r.case == BATCH_DIR {
            let meta = pdfmeta::of_batch(lb, r.lab.as_deref(), r.kind);
            let lab = r
                .lab
                .as_deref()
                .and_then(|id| lb.batch.lab(id))
                .map(|l| format!("（{}）", l.name))
                .unwrap_or_default();
            // The notice by its own title; the lists are its annexes, under its number; the lab's
            // summary and analysis have no number of their own, and are dated by their
            // submission alone.
            let (doc_no, title, dated) = match r.kind {
                "batch-notice" => (
                    lb.batch.document_no.clone(),
                    lb.batch.notice_title.clone(),
                    Some(meta.date),
                ),
                "summary-table" | "analysis-report" => {
                    let share = r.lab.as_deref().map_or(Share::All, Share::Lab);
                    let submitted = spotcheck_documents::view::submitted_on(lb, share);
                    (String::new(), format!("{title}{lab}"), submitted)
                }
                _ => (
                    lb.batch.document_no.clone(),
                    format!("{title}{lab}"),
                    Some(meta.date),
                ),
            };
            (meta, doc_no, title, dated)
        } else {
            let Some(case) = lb.case(&r.case).map(|lc| &lc.case) else {
                continue;
            };
            let meta = pdfmeta::of_case(lb, case, r.kind);
            let report_no = case.inspection.as_ref().and_then(|i| i.report_no.clone());
            // Each by its own number: the notice's, the report's; the forms of the visit by the
            // sampling sheet's (抽样单编号).
            let doc_no = match r.kind {
                "report" | "result-notice" => report_no.unwrap_or_else(|| case.id.clone()),
                "final-notice" => format!("{}-FJJL", case.id),
                "retest-report" => case
                    .retest()
                    .and_then(|r| r.report_no.clone())
                    .unwrap_or_else(|| case.id.clone()),
                "confirmation-notice" => case
                    .confirmation
                    .as_ref()
                    .and_then(|k| k.no.clone())
                    .unwrap_or_else(|| format!("{}-QR", case.id)),
                "objection-decision" => format!("{}-FJ", case.id),
                "notice" => case.visit.notice_no.clone(),
                _ => case.id.clone(),
            };
            let title = format!("{title}（{}）", case.party.name);
            let dated = Some(meta.date);
            (meta, doc_no, title, dated)
        };
        rows.push(Entry {
            no: 0,
            item_no: String::new(),
            archival_no: String::new(),
            classification: String::new(),
            doc_no,
            author: meta.author,
            title,
            dated,
            pages: r.pages,
            file,
        });
    }
    let meta = pdfmeta::of_volume(lb);
    let n = volumes.len();
    for (k, (path, pages)) in volumes.iter().enumerate() {
        let name = path
            .file_name()
            .map(|n| nfc(&n.to_string_lossy()))
            .unwrap_or_default();
        let part = if n > 1 {
            format!(" 第{}册（共{n}册）", k + 1)
        } else {
            String::new()
        };
        rows.push(Entry {
            no: 0,
            item_no: String::new(),
            archival_no: String::new(),
            classification: String::new(),
            doc_no: lb.batch.document_no.clone(),
            author: meta.author.clone(),
            title: format!("合订本{part}"),
            dated: Some(meta.date),
            pages: *pages,
            file: format!("{BAG_VOLUME_DIR}/{name}"),
        });
    }
    let classification = records::classification(lb).0;
    for (i, r) in rows.iter_mut().enumerate() {
        r.no = i + 1;
        let item = records::item_no(lb, r.no);
        r.item_no = records::item_label(item);
        r.archival_no = records::document_number(lb, item).unwrap_or_default();
        r.classification.clone_from(&classification);
    }
    rows
}

fn slash(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The pages of a PDF written by spotcheck, or 0 when it cannot be read.
pub fn page_count(path: &Path) -> usize {
    std::fs::read(path)
        .ok()
        .and_then(|b| hayro::hayro_syntax::Pdf::new(b).ok())
        .map_or(0, |p| p.pages().len())
}

/// Writes `OUT/catalogue/归档文件目录.pdf` and `.xlsx`; returns them as payload.
pub fn write(
    lb: &LoadedBatch,
    engine: &Engine,
    rows: &[Entry],
    out: &Path,
) -> Result<Vec<Payload>, Message> {
    let dir = out.join(OUT_DIR);
    let date = spotcheck_input::load::archive_date(lb);
    let templates = Templates::new().map_err(|e| msg!(RenderTemplates, error = e))?;
    let ctx = serde_json::json!({
        "batch": &lb.batch,
        "title": format!("{} 归档文件目录", lb.batch.document_no),
        "metadata": metadata(lb, rows.len())
            .into_iter()
            .map(|(k, v)| serde_json::json!({ "label": k, "value": v }))
            .collect::<Vec<_>>(),
        "rows": rows,
    });
    let source = templates
        .render("catalogue.typ.tera", &ctx)
        .map_err(|e| msg!(CatalogueFailed, error = e))?;
    let meta = pdfmeta::PdfMeta {
        date,
        author: pdfmeta::of_volume(lb).author,
        subject: format!("{} {} 归档文件目录", lb.batch.document_no, lb.batch.title),
    };
    let doc = DocSource {
        main_name: "catalogue.typ".into(),
        label: "归档文件目录 catalogue.typ（模板 catalogue.typ.tera）".into(),
        ident: format!("{}/catalogue", lb.batch.id),
        date,
    };
    let compiled = engine
        .install(|| engine.compile(&doc, source + &meta.typst_rule()))
        .map_err(|e| msg!(CatalogueFailed, error = e.to_string()))?;
    let pdf = dir.join(format!("{STEM}.pdf"));
    write_atomic(&pdf, &compiled.pdf)
        .map_err(|e| msg!(CatalogueFailed, error = format!("{}: {e}", pdf.display())))?;
    let bytes = workbook(lb, rows).map_err(|e| msg!(CatalogueFailed, error = e.to_string()))?;
    let xlsx = dir.join(format!("{STEM}.xlsx"));
    write_atomic(&xlsx, &bytes)
        .map_err(|e| msg!(CatalogueFailed, error = format!("{}: {e}", xlsx.display())))?;
    Ok(vec![
        Payload {
            bag_path: format!("{CATALOGUE_DIR}/{STEM}.pdf"),
            file: pdf,
        },
        Payload {
            bag_path: format!("{CATALOGUE_DIR}/{STEM}.xlsx"),
            file: xlsx,
        },
    ])
}

/// A catalogue date as [`DATE_FORMAT`] writes it.
fn catalogue_date<S: serde::Serializer>(
    d: &Option<chrono::NaiveDate>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_str(&written(*d))
}

/// A catalogue date as written: [`DATE_FORMAT`], or nothing.
pub fn written(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format(DATE_FORMAT).to_string())
        .unwrap_or_default()
}

/// The records metadata above both forms of the catalogue ([`records::metadata`]), its dates
/// as the catalogue writes them.
fn metadata(lb: &LoadedBatch, items: usize) -> Vec<(&'static str, String)> {
    let date = spotcheck_input::load::archive_date(lb);
    records::metadata(lb, items)
        .into_iter()
        .map(|(k, v)| match k {
            "归档日期" => (k, date.format(DATE_FORMAT).to_string()),
            _ => (k, v),
        })
        .collect()
}

/// The header of both forms of the catalogue: DA/T 22-2015's items (序号, 档号, 文号, 责任者, 题名,
/// 日期, 密级, 页数), with the 件号 apart and the file's path in the bag as its 备注.
pub(crate) const HEADERS: [&str; 10] = [
    "序号",
    "件号",
    "档号",
    "文号",
    "责任者",
    "题名",
    "日期",
    "密级",
    "页数",
    "文件名",
];

/// The spreadsheet: the records metadata above, then one row per document; reproducible (its
/// creation time is the archive date).
fn workbook(lb: &LoadedBatch, rows: &[Entry]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use chrono::Datelike;
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook};
    let d = spotcheck_input::load::archive_date(lb);
    let dated = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} 归档文件目录", lb.batch.document_no))
            .set_company(lb.batch.authority.name.clone())
            .set_creation_datetime(&dated),
    );
    let head = Format::new()
        .set_bold()
        .set_background_color("F2F2F2")
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let ws = wb.add_worksheet();
    ws.set_name(STEM)?;
    let mut r: u32 = 0;
    for (label, value) in metadata(lb, rows.len()) {
        ws.write_string(r, 0, label)?;
        ws.write_string(r, 1, value)?;
        r += 1;
    }
    r += 1;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &head)?;
    }
    let first = r;
    for e in rows {
        r += 1;
        ws.write_number_with_format(r, 0, e.no as f64, &cell)?;
        for (c, v) in [
            &e.item_no,
            &e.archival_no,
            &e.doc_no,
            &e.author,
            &e.title,
            &written(e.dated),
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string_with_format(r, c as u16 + 1, v, &cell)?;
        }
        ws.write_string_with_format(r, 7, &e.classification, &cell)?;
        ws.write_number_with_format(r, 8, e.pages as f64, &cell)?;
        ws.write_string_with_format(r, 9, &e.file, &cell)?;
    }
    ws.set_freeze_panes(first + 1, 0)?;
    ws.autofilter(first, 0, r, HEADERS.len() as u16 - 1)?;
    for (c, w) in [6.0, 7.0, 28.0, 22.0, 30.0, 48.0, 11.0, 6.0, 6.0, 60.0]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, w)?;
    }
    wb.save_to_buffer()
}

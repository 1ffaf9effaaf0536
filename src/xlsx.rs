//! The summary table as a spreadsheet (检验情况汇总表.xlsx): one row per case with a frozen
//! header and filters, and a totals sheet per category.

use chrono::Datelike;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use crate::load::LoadedBatch;
use crate::stats;
use crate::view::{SUMMARY_HEADERS, summary_rows};

/// Display width of text in spreadsheet columns: CJK and other wide characters count double.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 1.0 } else { 2.0 })
        .sum()
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The workbook's bytes. The same batch gives the same bytes: the document's creation time is
/// the batch's issue date.
pub fn summary_workbook(lb: &LoadedBatch) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let issued = date(lb.batch.issued_on)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}检验情况汇总表", lb.batch.title))
            .set_company(
                lb.batch
                    .labs
                    .iter()
                    .map(|l| l.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
            )
            .set_comment(lb.batch.document_no.clone())
            .set_creation_datetime(&issued),
    );
    let head = Format::new()
        .set_bold()
        .set_background_color("F2F2F2")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter);
    let day = cell.clone().set_num_format("yyyy-mm-dd");
    let pct = cell.clone().set_num_format("0.0%");

    let rows = summary_rows(lb);
    let ws = wb.add_worksheet();
    ws.set_name("检验情况汇总")?;
    let mut widths: Vec<f64> = SUMMARY_HEADERS.iter().map(|h| text_width(h)).collect();
    for (col, h) in SUMMARY_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &head)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let texts = [
            r.id.as_str(),
            &r.category,
            r.domain,
            &r.party,
            &r.manufacturer,
            &r.product,
            &r.model,
            &r.batch,
            &r.standard,
        ];
        ws.write_number_with_format(row, 0, r.no as f64, &cell)?;
        for (j, t) in texts.iter().enumerate() {
            ws.write_string_with_format(row, (j + 1) as u16, *t, &cell)?;
            widths[j + 1] = widths[j + 1].max(text_width(t));
        }
        ws.write_datetime_with_format(row, 10, date(r.date)?, &day)?;
        widths[10] = widths[10].max(10.0);
        let tail = [r.report_no.as_str(), r.conclusion, &r.failed, &r.delivery];
        for (j, t) in tail.iter().enumerate() {
            ws.write_string_with_format(row, (11 + j) as u16, *t, &cell)?;
            widths[11 + j] = widths[11 + j].max(text_width(t));
        }
    }
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, (w + 2.0).clamp(6.0, 50.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, (SUMMARY_HEADERS.len() - 1) as u16)?;

    // Totals per category.
    let s = stats::compute(lb);
    let ws = wb.add_worksheet();
    ws.set_name("分类统计")?;
    let headers = [
        "产品类别",
        "计划批次",
        "抽样次数",
        "抽取样品",
        "已检验",
        "合格",
        "不合格",
        "拒检",
        "未抽到样品",
        "合格率",
    ];
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &head)?;
    }
    let all: Vec<&stats::Counts> = s
        .by_category
        .iter()
        .chain(std::iter::once(&s.total))
        .collect();
    for (i, c) in all.iter().enumerate() {
        let row = (i + 1) as u32;
        ws.write_string_with_format(row, 0, &c.label, &cell)?;
        match c.planned {
            Some(p) => ws.write_number_with_format(row, 1, f64::from(p), &cell)?,
            None => ws.write_string_with_format(row, 1, "—", &cell)?,
        };
        let nums = [
            c.visits,
            c.sampled,
            c.tested,
            c.qualified,
            c.unqualified,
            c.refused,
            c.not_sampled,
        ];
        for (j, n) in nums.iter().enumerate() {
            ws.write_number_with_format(row, (j + 2) as u16, f64::from(*n), &cell)?;
        }
        match c.pass_rate {
            Some(r) => ws.write_number_with_format(row, 9, r / 100.0, &pct)?,
            None => ws.write_string_with_format(row, 9, "—", &cell)?,
        };
    }
    ws.set_column_width(0, 24)?;
    for col in 1..headers.len() as u16 {
        ws.set_column_width(col, 11)?;
    }
    ws.set_freeze_panes(1, 1)?;
    wb.save_to_buffer()
}

//! The summary table as a spreadsheet (检验情况汇总表.xlsx): one row per case with a frozen
//! header and filters, and a totals sheet per category.

use chrono::Datelike;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, XlsxError,
};

use crate::view::{BatchView, SUMMARY_HEADERS};
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::stats;
use spotcheck_input::stats::Share;

/// Display width of text in spreadsheet columns: CJK and other wide characters count double.
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 1.0 } else { 2.0 })
        .sum()
}

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// A column of the per-category table: its title and the count it shows.
pub(crate) type CategoryColumn = (&'static str, fn(&stats::Counts) -> u32);

/// The columns of the per-category table, for the spreadsheet and the PDF alike.
pub(crate) const CATEGORY_COLUMNS: [CategoryColumn; 10] = [
    ("抽样次数", |c| c.visits),
    ("抽取样品", |c| c.sampled),
    ("拒检", |c| c.refused),
    ("批次合计", |c| c.lots),
    ("尚差批次", |c| c.shortfall),
    ("未抽到样品", |c| c.not_sampled),
    ("已检验", |c| c.tested),
    ("合格", |c| c.qualified),
    ("不合格", |c| c.unqualified),
    ("合格率计算批次", |c| c.judged()),
];

/// The workbook of the whole batch.
pub fn summary_workbook(lb: &LoadedBatch) -> Result<Vec<u8>, XlsxError> {
    share_workbook(lb, Share::All)
}

/// The workbook of the whole batch or of one lab's share.
pub(crate) fn share_workbook(lb: &LoadedBatch, share: Share) -> Result<Vec<u8>, XlsxError> {
    workbook(lb, &BatchView::of(lb, share))
}

/// The workbook's bytes, from the view the PDFs are made of (its rows and numbers, computed
/// once). The same batch gives the same bytes: the document's creation time is the report's
/// date.
pub(crate) fn workbook(lb: &LoadedBatch, view: &BatchView) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let share = match view.lab.as_deref() {
        Some(id) => Share::Lab(id),
        None => Share::All,
    };
    let dated = date(crate::view::report_date(lb, share))?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}检验情况汇总表", lb.batch.title))
            .set_company(view.labs.clone())
            .set_comment(lb.batch.document_no.clone())
            .set_creation_datetime(&dated),
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

    let rows = &view.summary;
    let ws = wb.add_worksheet();
    ws.set_name("检验情况汇总")?;
    // A column for the online shops after the others, once a lot was bought online.
    let mut headers: Vec<&str> = SUMMARY_HEADERS.to_vec();
    if view.shop_column {
        headers.push("网店（平台）");
    }
    let mut widths: Vec<f64> = headers.iter().map(|h| text_width(h)).collect();
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &head)?;
    }
    const DATE_COL: usize = 11;
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        let texts = [
            r.id.as_str(),
            &r.category,
            r.domain,
            &r.lab,
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
        ws.write_datetime_with_format(row, DATE_COL as u16, date(r.date)?, &day)?;
        widths[DATE_COL] = widths[DATE_COL].max(10.0);
        let shop = [r.shop.as_str()];
        let tail = [r.report_no.as_str(), r.conclusion, &r.failed, &r.delivery];
        let tail = tail.iter().chain(shop.iter().filter(|_| view.shop_column));
        for (j, t) in tail.enumerate() {
            let col = DATE_COL + 1 + j;
            ws.write_string_with_format(row, col as u16, *t, &cell)?;
            widths[col] = widths[col].max(text_width(t));
        }
    }
    for (col, w) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, (w + 2.0).clamp(6.0, 50.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, (headers.len() - 1) as u16)?;

    // Totals per category.
    const RECHECK_ROW: &str = "复查（另计）";
    let s = &view.numbers;
    let ws = wb.add_worksheet();
    ws.set_name("分类统计")?;
    let mut headers = vec!["产品类别", "计划批次"];
    headers.extend(CATEGORY_COLUMNS.iter().map(|(h, _)| *h));
    headers.push("合格率");
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *h, &head)?;
    }
    // The re-inspections (复查) follow the total, apart from it, as on the printed table.
    let rechecks = view.stats.rechecks.as_ref().map(|r| &r.counts);
    let all: Vec<&stats::Counts> = s
        .by_category
        .iter()
        .chain(std::iter::once(&s.total))
        .chain(rechecks)
        .collect();
    let rate_col = (headers.len() - 1) as u16;
    for (i, c) in all.iter().enumerate() {
        let row = (i + 1) as u32;
        let label = if rechecks.is_some_and(|r| std::ptr::eq(r, *c)) {
            RECHECK_ROW
        } else {
            &c.label
        };
        ws.write_string_with_format(row, 0, label, &cell)?;
        match c.planned {
            Some(p) => ws.write_number_with_format(row, 1, f64::from(p), &cell)?,
            None => ws.write_string_with_format(row, 1, "—", &cell)?,
        };
        for (j, (_, count)) in CATEGORY_COLUMNS.iter().enumerate() {
            ws.write_number_with_format(row, (j + 2) as u16, f64::from(count(c)), &cell)?;
        }
        match c.pass_rate {
            Some(r) => ws.write_number_with_format(row, rate_col, r / 100.0, &pct)?,
            None => ws.write_string_with_format(row, rate_col, "—", &cell)?,
        };
    }
    ws.set_column_width(0, 24)?;
    for col in 1..headers.len() as u16 {
        ws.set_column_width(col, 11)?;
    }
    ws.set_freeze_panes(1, 1)?;
    wb.save_to_buffer()
}

//! `export`: the lab's ledger, one row per case, under headers `import` reads back.

use chrono::{Datelike, NaiveDate};

use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::Case;
use spotcheck_input::scaffold::PLACEHOLDER;

use super::*;

/// The ledger's columns after the fields `import` reads: the stage and the dates of the lab's
/// work (import leaves them alone).
pub(crate) const LEDGER_EXTRA: [&str; 5] = [
    "环节",
    "报告编号",
    "报告签发日期",
    "结果寄出日期",
    "不合格项目",
];

/// The ledger's columns, in order.
pub(crate) fn ledger_headers() -> Vec<&'static str> {
    let mut h: Vec<&str> = [
        Field::Id,
        Field::PartyName,
        Field::CreditCode,
        Field::Address,
        Field::Contact,
        Field::Phone,
        Field::Category,
        Field::Domain,
        Field::Date,
        Field::Lab,
        Field::Samplers,
        Field::Credentials,
        Field::NoticeNo,
    ]
    .map(Field::header)
    .to_vec();
    h.extend(LEDGER_EXTRA);
    h
}

/// One row of the ledger per case: every case, planned or visited, in plan order of its
/// category, then by id.
pub(crate) fn ledger_rows(lb: &LoadedBatch) -> Vec<Vec<String>> {
    let rank = |c: &Case| {
        lb.batch
            .plan
            .iter()
            .position(|p| p.category == c.category)
            .unwrap_or(usize::MAX)
    };
    let mut cases: Vec<&Case> = lb.cases.iter().map(|lc| &lc.case).collect();
    cases.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id)));
    let date = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    cases
        .into_iter()
        .map(|c| {
            let p = &c.party;
            let i = c.inspection.as_ref();
            vec![
                c.id.clone(),
                p.name.clone(),
                p.credit_code.clone(),
                p.address.clone(),
                p.contact.clone().unwrap_or_default(),
                p.phone.clone().unwrap_or_default(),
                c.category.clone(),
                c.domain.label().to_string(),
                date(Some(c.visit.date)),
                lb.batch
                    .lab(&c.lab)
                    .map_or_else(|| c.lab.clone(), |l| l.name.clone()),
                c.visit
                    .samplers
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                // One per sampler, or none: a list with gaps would pair them wrongly.
                c.visit
                    .samplers
                    .iter()
                    .map(|s| s.credential.as_deref())
                    .collect::<Option<Vec<_>>>()
                    .map(|c| c.join("、"))
                    .unwrap_or_default(),
                Some(c.visit.notice_no.clone())
                    .filter(|n| n != PLACEHOLDER)
                    .unwrap_or_default(),
                spotcheck_documents::view::status_label(c).to_string(),
                i.and_then(|i| i.report_no.clone()).unwrap_or_default(),
                date(i.and_then(|i| i.issued_on)),
                date(c.delivery.as_ref().map(|d| d.sent_on)),
                c.failed_items().join("、"),
            ]
        })
        .collect()
}

/// The ledger as a workbook: one sheet 台账, the header frozen and filtered, every cell text
/// (ids, credit codes and phone numbers stay as written), dated by the batch's records.
pub fn ledger_workbook(lb: &LoadedBatch) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let d = spotcheck_documents::view::report_date(lb, spotcheck_input::stats::Share::All);
    let dated = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{}台账", lb.batch.title))
            .set_comment(lb.batch.document_no.clone())
            .set_creation_datetime(&dated),
    );
    let head = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(LEDGER_SHEET)?;
    let headers = ledger_headers();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    let rows = ledger_rows(lb);
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string((r + 1) as u32, c as u16, v)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, (headers.len() - 1) as u16)?;
    ws.set_column_width(1, 30)?;
    ws.set_column_width(2, 21)?;
    ws.set_column_width(3, 36)?;
    wb.save_to_buffer()
}

/// The ledger's sheet name.
pub(crate) const LEDGER_SHEET: &str = "台账";

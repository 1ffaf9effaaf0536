//! What a records office files an archive by (DA/T 22-2015): the archive date, the year, the
//! retention period, the classification, the 档号 derived from them, and the archivist, all
//! data of the batch, never the clock.

use chrono::{Datelike, NaiveDate};

use crate::documents::view::latest_record;
use crate::input::load::LoadedBatch;
use crate::input::stats::Share;

/// The archive's date: `archived_on` in batch.yaml, else the latest date the batch records
/// (the notice, its printing, the analysis submitted, every date of every case).
pub fn archive_date(lb: &LoadedBatch) -> NaiveDate {
    let b = &lb.batch;
    b.archived_on.unwrap_or_else(|| {
        [
            Some(b.issued_on),
            Some(b.printed_on),
            b.analysis_submitted_on,
        ]
        .into_iter()
        .flatten()
        .chain(latest_record(lb, Share::All))
        .max()
        .unwrap_or(b.issued_on)
    })
}

/// 年度: as batch.yaml says, else the year of the archive date.
pub fn archive_year(lb: &LoadedBatch) -> i32 {
    lb.batch
        .archive
        .year
        .unwrap_or_else(|| archive_date(lb).year())
}

/// 档号: 全宗号-门类代码·年度-保管期限代码-批次编号 (DA/T 22-2015 §7.2, with the batch as the
/// 件 of the 文书 category, WS); none without a 全宗号.
pub fn file_number(lb: &LoadedBatch) -> Option<String> {
    let a = &lb.batch.archive;
    let fonds = a
        .fonds_no
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())?;
    Some(format!(
        "{fonds}-WS·{}-{}-{}",
        archive_year(lb),
        a.retention.code(),
        lb.batch.id
    ))
}

/// The records office's metadata, as labelled lines (label, value) in the order a 归档文件目录
/// and bag-info.txt give them; absent values are left out.
pub fn metadata(lb: &LoadedBatch) -> Vec<(&'static str, String)> {
    let a = &lb.batch.archive;
    let mut m = Vec::new();
    if let Some(f) = a.fonds_no.as_deref().filter(|f| !f.trim().is_empty()) {
        m.push(("全宗号", f.trim().to_string()));
    }
    if let Some(n) = file_number(lb) {
        m.push(("档号", n));
    }
    m.push(("年度", archive_year(lb).to_string()));
    m.push(("保管期限", a.retention.label().to_string()));
    m.push(("密级", a.classification.trim().to_string()));
    m.push(("归档日期", archive_date(lb).format("%Y-%m-%d").to_string()));
    if let Some(p) = a.archivist.as_deref().filter(|p| !p.trim().is_empty()) {
        m.push(("归档人", p.trim().to_string()));
    }
    m
}

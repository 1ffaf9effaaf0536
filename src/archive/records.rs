//! What a records office files an archive by (DA/T 22-2015): the day the bag is made, the
//! archive date, the year, the retention period, the classification, the 档号 derived from
//! them, and the archivist.
//!
//! The bag is dated by the day it is made (Bagging-Date, the zip's times, the signature): the
//! clock's day, or, for a build that must come out byte for byte the same elsewhere or later,
//! the one `SOURCE_DATE_EPOCH` gives (the reproducible-builds convention: seconds since
//! 1970-01-01 UTC). The 归档日期 is the records office's, `archived_on` of batch.yaml, and the
//! bagging day while it does not say.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::input::load::LoadedBatch;

/// The moment a bag is made, in UTC: `SOURCE_DATE_EPOCH`'s when it is set and reads as a
/// number of seconds, else midnight of today (so that two builds of one day are the same).
pub fn bagging_time() -> NaiveDateTime {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0));
    match epoch {
        Some(t) => t.naive_utc(),
        None => chrono::Utc::now()
            .date_naive()
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
    }
}

/// The day a bag is made (Bagging-Date): [`bagging_time`]'s.
pub fn bagging_date() -> NaiveDate {
    bagging_time().date()
}

/// The archive's date (归档日期): `archived_on` in batch.yaml, else the day the bag is made.
pub fn archive_date(lb: &LoadedBatch) -> NaiveDate {
    lb.batch.archived_on.unwrap_or_else(bagging_date)
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

/// What is still open in a batch on the day its bag is made, each in `lang`: planned cases not
/// yet visited, every deadline with something outstanding (lots to sample, results to send,
/// e-CQS entries, the analysis report), and unqualified lots whose follow-up is not closed.
/// Empty when the batch is complete (完结).
pub fn open_items(lb: &LoadedBatch, lang: crate::messages::Lang) -> Vec<String> {
    let st = crate::rules::status::status(lb, bagging_date());
    let mut open = Vec::new();
    if st.total.scheduled > 0 {
        open.push(crate::msg!(ArchiveOpenPlanned, cases = st.total.scheduled).in_lang(lang));
    }
    for d in st.deadlines.iter().filter(|d| d.outstanding > 0) {
        let m = crate::msg!(
            ArchiveOpenDeadline,
            what = d.label_in(lang),
            outstanding = d.outstanding,
            date = d.date
        );
        open.push(m.in_lang(lang));
    }
    let followups = st.open_followups.len();
    if followups > 0 {
        open.push(crate::msg!(ArchiveOpenFollowups, lots = followups).in_lang(lang));
    }
    open
}

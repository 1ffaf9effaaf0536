//! What a records office files an archive by (DA/T 22-2015): the day the bag is made, the
//! archive date, the year, the retention period, the 机构（问题）, the classification, each
//! document's 件号 and the 档号 derived from them, and the archivist.
//!
//! The bag is dated by the day it is made (Bagging-Date, the zip's times, the signature): the
//! clock's day, or, for a build that must come out byte for byte the same elsewhere or later,
//! the one `SOURCE_DATE_EPOCH` gives (the reproducible-builds convention: seconds since
//! 1970-01-01 UTC). The 归档日期 is the records office's, `archived_on` of batch.yaml, and the
//! bagging day while it does not say.

use chrono::Datelike;

use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::{ArchiveInfo, Retention};

/// 年度: as batch.yaml says, else the year the batch's documents were made (DA/T 22-2015: 文件
/// 形成年度), the year of its notice, not the year it is archived.
pub(crate) fn archive_year(lb: &LoadedBatch) -> i32 {
    lb.batch
        .archive
        .year
        .unwrap_or_else(|| lb.batch.issued_on.year())
}

/// The retention period (保管期限), and whether batch.yaml sets it (else 定期30年 by default).
pub(crate) fn retention(lb: &LoadedBatch) -> (Retention, bool) {
    match lb.batch.archive.retention {
        Some(r) => (r, true),
        None => (Retention::default(), false),
    }
}

/// The classification (密级), and whether batch.yaml sets it (else 公开 by default).
pub(crate) fn classification(lb: &LoadedBatch) -> (String, bool) {
    match set(&lb.batch.archive.classification) {
        Some(c) => (c, true),
        None => ("公开".to_string(), false),
    }
}

/// A value given and not blank, trimmed, owned.
fn set(v: &Option<String>) -> Option<String> {
    ArchiveInfo::given(v).map(str::to_string)
}

/// What a default stands in for, said beside the value wherever it is recorded.
const DEFAULTED: &str = "（缺省，未经档案部门确定）";

/// The 件号 of the `n`th document of the catalogue (from 1): `first_item` of batch.yaml, else
/// 1, for the first, and one more for each after it.
pub(crate) fn item_no(lb: &LoadedBatch, n: usize) -> u32 {
    let first = lb.batch.archive.first_item.unwrap_or(1);
    first.saturating_add(u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX))
}

/// A 件号 as a 档号 writes it: four digits at least.
pub(crate) fn item_label(item: u32) -> String {
    format!("{item:04}")
}

/// The 档号 of the document with 件号 `item` (DA/T 22-2015 §7.2): 全宗号-门类代码·年度-保管期限
/// 代码-机构（问题）代码-件号, of the 文书 category (WS); the 机构（问题） part left out when batch.yaml
/// gives none; none without a 全宗号.
pub fn document_number(lb: &LoadedBatch, item: u32) -> Option<String> {
    let a = &lb.batch.archive;
    let fonds = set(&a.fonds_no)?;
    let org = set(&a.organization)
        .map(|o| format!("-{o}"))
        .unwrap_or_default();
    Some(format!(
        "{fonds}-WS·{}-{}{org}-{}",
        archive_year(lb),
        retention(lb).0.code(),
        item_label(item)
    ))
}

/// The records office's metadata, as labelled lines (label, value) in the order a 归档文件目录
/// and bag-info.txt give them, for an archive of `items` documents (the 档号 and 件号 of the
/// first and the last; none when 0); a value left to its default says so, absent values are
/// left out.
pub fn metadata(lb: &LoadedBatch, items: usize) -> Vec<(&'static str, String)> {
    let a = &lb.batch.archive;
    let mut m = Vec::new();
    if let Some(f) = set(&a.fonds_no) {
        m.push(("全宗号", f));
    }
    let (first, last) = (item_no(lb, 1), item_no(lb, items));
    if items > 0
        && let (Some(f), Some(l)) = (document_number(lb, first), document_number(lb, last))
    {
        m.push(("档号", format!("{f} 至 {l}")));
    }
    m.push(("年度", archive_year(lb).to_string()));
    let (r, given) = retention(lb);
    m.push((
        "保管期限",
        format!("{}{}", r.label(), if given { "" } else { DEFAULTED }),
    ));
    if let Some(o) = set(&a.organization) {
        m.push(("机构（问题）", o));
    }
    if items > 0 {
        m.push((
            "件号",
            format!("{} 至 {}", item_label(first), item_label(last)),
        ));
    }
    let (c, given) = classification(lb);
    m.push(("密级", format!("{c}{}", if given { "" } else { DEFAULTED })));
    m.push((
        "归档日期",
        spotcheck_input::load::archive_date(lb)
            .format("%Y-%m-%d")
            .to_string(),
    ));
    if let Some(p) = set(&a.archivist) {
        m.push(("归档人", p));
    }
    m
}

/// What is still open in a batch on the day its bag is made, each in `lang`: planned cases not
/// yet visited, every deadline with something outstanding (lots to sample, results to send,
/// e-CQS entries, the analysis report), and unqualified lots whose follow-up is not closed.
/// Empty when the batch is complete (完结).
pub fn open_items(lb: &LoadedBatch, lang: spotcheck_core::messages::Lang) -> Vec<String> {
    let st = spotcheck_rules::status::status(lb, spotcheck_core::clock::bagging_date());
    let mut open = Vec::new();
    if st.total.0.scheduled > 0 {
        open.push(
            spotcheck_core::msg!(ArchiveOpenPlanned, cases = st.total.0.scheduled).in_lang(lang),
        );
    }
    for d in st.deadlines.iter().filter(|d| d.outstanding > 0) {
        let m = spotcheck_core::msg!(
            ArchiveOpenDeadline,
            what = d.label_in(lang),
            outstanding = d.outstanding,
            date = d.date
        );
        open.push(m.in_lang(lang));
    }
    let followups = st.open_followups.len();
    if followups > 0 {
        open.push(spotcheck_core::msg!(ArchiveOpenFollowups, lots = followups).in_lang(lang));
    }
    open
}

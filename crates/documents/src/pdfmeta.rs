//! What each PDF says of itself in its document information and XMP: its own date (a report
//! its issue date, a form its visit date, a list or table the day its numbers stand at, the
//! volume the archive date), its author (the lab or the bureau that issues it) and its subject.
//! The title comes from the template. Every date is data, so the PDFs stay reproducible.

use chrono::NaiveDate;

use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::Case;
use spotcheck_input::stats::Share;

/// A document's date, author and subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfMeta {
    pub date: NaiveDate,
    pub author: String,
    pub subject: String,
}

impl PdfMeta {
    /// A Typst set rule giving the author and the subject (the PDF's Subject, XMP's
    /// dc:description), to follow the document's source.
    pub fn typst_rule(&self) -> String {
        format!(
            "\n#set document(author: {}, description: {})\n",
            typst_string(&self.author),
            typst_string(&self.subject)
        )
    }
}

/// A Typst string literal of `s`, on one line (the metadata of a PDF is a line of text), its
/// `#` escaped: harmless in a string, but kept out of sight of anything scanning the source.
fn typst_string(s: &str) -> String {
    crate::templates::typst_string(&s.replace(['\r', '\n', '\t'], " ")).replace('#', "\\u{23}")
}

/// A per-case document of `kind`.
pub fn of_case(lb: &LoadedBatch, case: &Case, kind: &str) -> PdfMeta {
    let b = &lb.batch;
    let lab = b
        .lab(&case.lab)
        .map_or_else(|| b.authority.name.clone(), |l| l.name.clone());
    let issued = case.inspection.as_ref().and_then(|i| i.issued_on);
    // Each dated by the act it records.
    let (date, author) = match kind {
        "report" | "result-notice" => (issued.unwrap_or(case.visit.date), lab),
        // The notice is the bureau's, handed over at the visit (sent to an online shop).
        "notice" => (
            case.online
                .as_ref()
                .filter(|_| case.is_online())
                .and_then(|o| o.notified_on)
                .unwrap_or(case.visit.date),
            b.authority.name.clone(),
        ),
        "confirmation-notice" => (
            case.confirmation
                .as_ref()
                .map_or(case.visit.date, |k| k.sent_on),
            lab,
        ),
        // The bureau decides on an objection and notifies the final conclusion.
        "objection-decision" => (
            case.objection
                .as_ref()
                .and_then(|o| o.decided_on)
                .unwrap_or(case.visit.date),
            b.authority.name.clone(),
        ),
        "final-notice" => (
            case.objection
                .as_ref()
                .and_then(|o| o.final_notified_on)
                .or_else(|| case.retest().and_then(|r| r.issued_on))
                .unwrap_or(case.visit.date),
            b.authority.name.clone(),
        ),
        // The re-test's report is its lab's, of its day.
        "retest-report" => {
            let r = case.retest();
            (
                r.and_then(|r| r.issued_on).unwrap_or(case.visit.date),
                r.and_then(|r| b.lab(&r.lab))
                    .map_or_else(|| lab.clone(), |l| l.name.clone()),
            )
        }
        // Determined jointly with the county bureau, on its day.
        "refusal-form" => (
            case.refusal
                .as_ref()
                .and_then(|r| r.determined_on)
                .unwrap_or(case.visit.date),
            lab,
        ),
        _ => (case.visit.date, lab),
    };
    let mut subject = format!(
        "{} {} {} {}",
        b.document_no, b.title, case.id, case.party.name
    );
    if let Some(p) = &case.product {
        subject = format!("{subject} {}", p.name);
    }
    PdfMeta {
        date,
        author,
        subject,
    }
}

/// A per-batch document of `kind`, for the whole batch or one lab's share.
pub fn of_batch(lb: &LoadedBatch, lab: Option<&str>, kind: &str) -> PdfMeta {
    let b = &lb.batch;
    let share = lab.map_or(Share::All, Share::Lab);
    let (date, author) = match kind {
        "batch-notice" => (b.issued_on, b.authority.name.clone()),
        // By the body that signs and seals them (a lab, or the bureau for a batch of several).
        "summary-table" | "analysis-report" => (
            crate::view::report_date(lb, share),
            crate::view::issuer_of(lb, share),
        ),
        _ => (
            crate::view::report_date(lb, share),
            b.authority.name.clone(),
        ),
    };
    PdfMeta {
        date,
        author,
        subject: format!("{} {}", b.document_no, b.title),
    }
}

/// The bound volume: the archive date, the bureau that keeps it.
pub fn of_volume(lb: &LoadedBatch) -> PdfMeta {
    let b = &lb.batch;
    PdfMeta {
        date: spotcheck_input::load::archive_date(lb),
        author: b.authority.name.clone(),
        subject: format!("{} {} 合订本", b.document_no, b.title),
    }
}

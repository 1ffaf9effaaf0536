//! What a template receives, as typed structs: the raw values as written in the YAML
//! (`case`, `batch`, `lab`) and the values the program derives and formats once (`f`,
//! `batch_f`, the lists, the numbers): dates in the Chinese form, money in figures and
//! capitals, the conclusion from the items. Templates lay out; they never compute a verdict or
//! a total. A field the program fills is a field of a struct here, so a misspelt one is a
//! compile error; the templates read them by the same names.

use serde::Serialize;

mod batch;
mod case;
mod paths;

pub use batch::*;
pub use case::*;
pub(crate) use paths::*;

/// What a template knows of the document it makes.
#[derive(Debug, Clone, Serialize)]
pub struct DocMeta {
    pub kind: &'static str,
    /// The PDF's title: the kind's title and the subject.
    pub title: String,
    pub draft: bool,
    /// The copy (联) this print is, as labelled at the foot of its pages: `第二联　随样品流转`;
    /// none for a kind made in one copy.
    pub copy: Option<String>,
    /// The copies of the kind as its footnote states them: `一式三联，第一联承检机构留存，…`;
    /// empty for a kind made in one copy.
    pub(crate) copies_text: String,
    /// The QR code of each page, from the first, as SVG images (per-case documents only).
    pub qr: Vec<String>,
    /// The signer's name, for a document signed as a PDF signature (`--sign-pdf`): its
    /// printed signature line names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) esign: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_is_named_with_its_standard() {
        assert_eq!(clause_phrase("GB 18401-2010 4.1"), "GB 18401-2010第4.1条");
        assert_eq!(
            clause_phrase("GB 4706.1-2005 25.8 表 11"),
            "GB 4706.1-2005第25.8条表 11"
        );
        assert_eq!(clause_phrase("GB/T 3956-2008 表 1"), "GB/T 3956-2008表 1");
        assert_eq!(clause_phrase("FZ/T 01053-2007"), "FZ/T 01053-2007");
        assert_eq!(clause_phrase("企业标准 第 5 条"), "企业标准 第 5 条");
    }

    #[test]
    fn units_follow_their_figures_as_printed() {
        assert_eq!(with_unit("2", "桶"), "2桶");
        assert_eq!(with_unit("65", "%"), "65%");
        assert_eq!(with_unit("2.1", "MPa"), "2.1 MPa");
        assert_eq!(with_unit("3", ""), "3");
    }
}

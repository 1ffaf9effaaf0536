//! OFD (GB/T 33190-2016, 版式文档) written from Typst's laid-out pages, beside the PDF.
//!
//! The input is the [`PagedDocument`] the PDF export takes; nothing is converted from the PDF.
//! One document becomes one package:
//!
//! ```text
//! OFD.xml                       entry: DocBody with DocInfo (title, author, dates, custom data)
//! Doc_0/Document.xml            CommonData (MaxUnitID, default page area, resources), page tree
//! Doc_0/PublicRes.xml           fonts
//! Doc_0/DocumentRes.xml         images (MultiMedia)
//! Doc_0/Pages/Page_N/Content.xml  one page: its area (when not the default) and one Body layer
//! Doc_0/Res/font_ID.otf|ttf     the fonts, subset to the glyphs used, with a cmap
//! Doc_0/Res/image_ID.png|jpg    the images, as placed
//! ```
//!
//! Lengths are millimetres (Typst's points × 25.4 / 72), rounded to 0.001 mm; the page's
//! origin is its top left corner with y downwards, as in Typst.
//!
//! # From Typst frame items to OFD objects
//!
//! | Typst | OFD |
//! |---|---|
//! | page (`Page::frame`'s size) | `PhysicalBox` of the page's `Area` (the document's `PageArea` for the first page's size) |
//! | `FrameItem::Group` | no object: its transform is composed into the objects inside; a clip is not written (see *Not supported*) |
//! | `FrameItem::Text` | one `TextObject`: `Font` (the subset font), `Size`, `FillColor` (with `Alpha`), `TextCode` with the item's text and the position of every character (`X`, `Y`, `DeltaX`, `DeltaY` when glyphs are raised), and `CGTransform`s giving the glyph of every character as Typst shaped it (one-to-one runs in one transform; ligatures and multi-glyph clusters in their own) |
//! | `FrameItem::Shape` (line, rectangle, curve) | one `PathObject`: `AbbreviatedData` (`M`, `L`, `B`, `C`), `Fill`/`Stroke`, `FillColor`/`StrokeColor`, `LineWidth`, `Cap`, `Join`, `MiterLimit`, `DashPattern`/`DashOffset`, `Rule="Even-Odd"` for the even-odd fill rule |
//! | `FrameItem::Image` (PNG, JPEG; other raster formats re-encoded as PNG, a pixelated one enlarged by whole pixels) | one `ImageObject` whose `CTM` scales the unit square to the image's size, referring to a `MultiMedia` resource (one per distinct image) |
//! | `FrameItem::Link`, `FrameItem::Tag` | nothing |
//!
//! An object under a transform other than a translation (the rotated 草稿 mark) gets a `CTM`
//! and a `Boundary` enclosing its transformed box; otherwise the translation goes into the
//! `Boundary` and there is no `CTM`. Every object has an `ID`; `MaxUnitID` is the largest.
//!
//! The package is byte-reproducible: ids are given in the order of the pages, entries are
//! written in a fixed order with the batch's date as their time, and the document id is a hash
//! of the document's identifier.
//!
//! # Not supported yet
//!
//! Gradients and tilings are written as their first colour (a tiling as grey); a group's clip
//! is not written (the templates clip nothing); SVG and PDF images are refused with an error;
//! links and the outline (bookmarks) are not written; no signatures.

mod font;
mod page;

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use chrono::{Datelike, NaiveDate};
use spotcheck_core::text::xml_escape;
use typst_layout::PagedDocument;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

pub use page::mm;

/// The OFD namespace.
pub(crate) const NS: &str = "http://www.ofdspec.org/2016";
/// Where the one document of a package lives.
pub(crate) const DOC_DIR: &str = "Doc_0";

/// What the document's info says besides its pages.
#[derive(Debug, Clone)]
pub struct OfdMeta {
    /// Stable identifier of the document (the PDF's too): the DocID is derived from it.
    pub ident: String,
    pub title: String,
    pub author: String,
    /// Creation date: the batch's, never the clock.
    pub date: NaiveDate,
    /// `CustomData` entries, by name (batch, case, kind).
    pub custom: Vec<(String, String)>,
}

/// Why a document could not be written as OFD.
#[derive(Debug, Clone, thiserror::Error)]
pub enum OfdError {
    #[error("unsupported image format on page {page}: {format}")]
    Image { page: usize, format: String },
    #[error("font {font}: {reason}")]
    Font { font: String, reason: String },
    #[error("packaging: {0}")]
    Zip(String),
}

/// The document as an OFD package.
pub fn ofd(doc: &PagedDocument, meta: &OfdMeta) -> Result<Vec<u8>, OfdError> {
    let mut res = page::Resources::default();
    let mut entries: Vec<(String, Vec<u8>, bool)> = Vec::new();
    let mut pages = Vec::new();
    let default_size = doc
        .pages()
        .first()
        .map(|p| (mm(p.frame.width()), mm(p.frame.height())))
        .unwrap_or((210.0, 297.0));
    for (i, p) in doc.pages().iter().enumerate() {
        let id = res.next_id();
        let xml = page::page_xml(p, i, default_size, &mut res)?;
        let loc = format!("Pages/Page_{i}/Content.xml");
        entries.push((format!("{DOC_DIR}/{loc}"), xml.into_bytes(), true));
        pages.push((id, loc));
    }

    // Resources: fonts subset to what the pages use, images as they are.
    let mut public = xml_head("Res");
    public.push_str(" BaseLoc=\"Res\">");
    if !res.fonts.is_empty() {
        public.push_str("<ofd:Fonts>");
        for f in &res.fonts {
            let (bytes, ext) = font::subset(f)?;
            let file = format!("font_{}.{ext}", f.id);
            let _ = write!(
                public,
                "<ofd:Font ID=\"{}\" FontName=\"{}\" FamilyName=\"{}\"{}{}><ofd:FontFile>{file}</ofd:FontFile></ofd:Font>",
                f.id,
                xml_escape(&f.name),
                xml_escape(&f.family),
                if f.bold { " Bold=\"true\"" } else { "" },
                if f.italic { " Italic=\"true\"" } else { "" },
            );
            // Subset CFF and TrueType outlines shrink by a few per cent at most when deflated:
            // they are stored.
            entries.push((format!("{DOC_DIR}/Res/{file}"), bytes.to_vec(), false));
        }
        public.push_str("</ofd:Fonts>");
    }
    public.push_str("</ofd:Res>");
    let mut document_res = xml_head("Res");
    document_res.push_str(" BaseLoc=\"Res\">");
    if !res.images.is_empty() {
        document_res.push_str("<ofd:MultiMedias>");
        for img in &res.images {
            let file = format!("image_{}.{}", img.id, img.ext);
            let _ = write!(
                document_res,
                "<ofd:MultiMedia ID=\"{}\" Type=\"Image\" Format=\"{}\"><ofd:MediaFile>{file}</ofd:MediaFile></ofd:MultiMedia>",
                img.id, img.format
            );
        }
        document_res.push_str("</ofd:MultiMedias>");
    }
    document_res.push_str("</ofd:Res>");
    for img in std::mem::take(&mut res.images) {
        entries.push((
            format!("{DOC_DIR}/Res/image_{}.{}", img.id, img.ext),
            img.bytes,
            false,
        ));
    }

    let mut document = xml_head("Document");
    document.push_str("><ofd:CommonData>");
    let _ = write!(
        document,
        "<ofd:MaxUnitID>{}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {} {}</ofd:PhysicalBox></ofd:PageArea>",
        res.max_id(),
        num(default_size.0),
        num(default_size.1)
    );
    document.push_str("<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>");
    document.push_str("<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>");
    document.push_str("</ofd:CommonData><ofd:Pages>");
    for (id, loc) in &pages {
        let _ = write!(document, "<ofd:Page ID=\"{id}\" BaseLoc=\"{loc}\"/>");
    }
    document.push_str("</ofd:Pages></ofd:Document>");

    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let stamp = zip_time(meta.date);
    let mut add = |name: &str, bytes: &[u8], deflate: bool| -> Result<(), OfdError> {
        let options = SimpleFileOptions::default()
            .compression_method(if deflate {
                CompressionMethod::Deflated
            } else {
                CompressionMethod::Stored
            })
            // The fastest level: within a few per cent of the default's size at a fraction of
            // its time (the OFD must cost well under half of the PDF export).
            .compression_level(deflate.then_some(1))
            .last_modified_time(stamp)
            .unix_permissions(0o644);
        out.start_file(name, options)
            .map_err(|e| OfdError::Zip(e.to_string()))?;
        out.write_all(bytes)
            .map_err(|e| OfdError::Zip(e.to_string()))
    };
    add("OFD.xml", entry_xml(meta).as_bytes(), true)?;
    add(
        &format!("{DOC_DIR}/Document.xml"),
        document.as_bytes(),
        true,
    )?;
    add(&format!("{DOC_DIR}/PublicRes.xml"), public.as_bytes(), true)?;
    add(
        &format!("{DOC_DIR}/DocumentRes.xml"),
        document_res.as_bytes(),
        true,
    )?;
    for (name, bytes, deflate) in &entries {
        add(name, bytes, *deflate)?;
    }
    let cursor = out.finish().map_err(|e| OfdError::Zip(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// `OFD.xml`: the package's entry, one DocBody.
fn entry_xml(meta: &OfdMeta) -> String {
    let mut s = xml_head("OFD");
    s.push_str(" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>");
    let _ = write!(s, "<ofd:DocID>{}</ofd:DocID>", doc_id(&meta.ident));
    let _ = write!(s, "<ofd:Title>{}</ofd:Title>", xml_escape(&meta.title));
    let _ = write!(s, "<ofd:Author>{}</ofd:Author>", xml_escape(&meta.author));
    let _ = write!(
        s,
        "<ofd:CreationDate>{}</ofd:CreationDate>",
        meta.date.format("%Y-%m-%d")
    );
    let _ = write!(
        s,
        "<ofd:Creator>spotcheck</ofd:Creator><ofd:CreatorVersion>{}</ofd:CreatorVersion>",
        env!("CARGO_PKG_VERSION")
    );
    if !meta.custom.is_empty() {
        s.push_str("<ofd:CustomDatas>");
        for (name, value) in &meta.custom {
            let _ = write!(
                s,
                "<ofd:CustomData Name=\"{}\">{}</ofd:CustomData>",
                xml_escape(name),
                xml_escape(value)
            );
        }
        s.push_str("</ofd:CustomDatas>");
    }
    let _ = write!(
        s,
        "</ofd:DocInfo><ofd:DocRoot>{DOC_DIR}/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    );
    s
}

/// The 32 hexadecimal characters of the DocID, from the document's stable identifier.
fn doc_id(ident: &str) -> String {
    use md5::{Digest, Md5};
    spotcheck_core::text::hex(&Md5::digest(ident.as_bytes()))
}

/// Every entry's time: midnight of the document's date (1980-01-01 when a zip cannot say it).
fn zip_time(d: NaiveDate) -> DateTime {
    u16::try_from(d.year())
        .ok()
        .and_then(|y| DateTime::from_date_and_time(y, d.month() as u8, d.day() as u8, 0, 0, 0).ok())
        .unwrap_or_default()
}

/// The XML declaration and the opening of the root element `ofd:NAME` with the namespace,
/// left open for attributes.
fn xml_head(root: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:{root} xmlns:ofd=\"{NS}\"")
}

/// A length or number as OFD writes it: at most three decimals, no trailing zeros.
pub(crate) fn num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// Appends [`num`]`(v)`.
pub(crate) fn push_num(out: &mut String, v: f64) {
    let milli = (v * 1000.0).round() as i64;
    if milli < 0 {
        out.push('-');
    }
    let a = milli.unsigned_abs();
    let _ = write!(out, "{}", a / 1000);
    let frac = a % 1000;
    if frac != 0 {
        let f = format!("{frac:03}");
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_to_a_micrometre() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(210.0), "210");
        assert_eq!(num(3.1750001), "3.175");
        assert_eq!(num(-0.5), "-0.5");
        assert_eq!(num(0.0004), "0");
        assert_eq!(num(12.34), "12.34");
    }

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(
            spotcheck_core::text::xml_escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot; "
        );
    }
}

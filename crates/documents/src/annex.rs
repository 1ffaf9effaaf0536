//! The attached annexes of the notice (`annexes[].file` in batch.yaml): each page as an image
//! the batch notice places after the annex's heading.
//!
//! JPEG and PNG files are one page each, placed as they are. A PDF is drawn page by page at
//! [`PDF_DPI`] with hayro: PDF/A, the notice's format, does not allow one PDF to embed another
//! PDF's pages, so an attached PDF enters the notice as images of its pages (its own text is
//! not searchable there; the file itself is kept in the archive's source folder).

use typst::foundations::Bytes;

use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_input::load::LoadedBatch;

/// The resolution at which the pages of an attached PDF are drawn.
pub(crate) const PDF_DPI: f32 = 200.0;

/// The pages of one attached annex: its number and, per page, the virtual path the notice's
/// source reads and the image's bytes.
#[derive(Debug, Clone)]
pub struct AnnexPages {
    pub no: usize,
    pub pages: Vec<(String, Bytes)>,
}

/// The pages of every attached annex of the batch.
pub fn annex_pages(lb: &LoadedBatch) -> Result<Vec<AnnexPages>, Message> {
    let mut out = Vec::new();
    for (i, annex) in lb.batch.annexes().iter().enumerate() {
        let Some(file) = &annex.file else { continue };
        let no = i + 1;
        let data = std::fs::read(lb.root.join(file))
            .map_err(|e| msg!(AnnexRead, no = no, path = file, error = e.to_string()))?;
        let ext = spotcheck_core::text::extension(file);
        let pages = match ext.as_str() {
            "pdf" => pdf_pages(&data)
                .map_err(|e| msg!(AnnexRead, no = no, path = file, error = e))?
                .into_iter()
                .enumerate()
                .map(|(p, png)| (format!("/annexes/{no}-{}.png", p + 1), Bytes::new(png)))
                .collect(),
            _ => vec![(format!("/annexes/{no}-1.{ext}"), Bytes::new(data))],
        };
        out.push(AnnexPages { no, pages });
    }
    Ok(out)
}

/// Each page of a PDF drawn as a PNG image at [`PDF_DPI`], on white.
pub(crate) fn pdf_pages(data: &[u8]) -> Result<Vec<Vec<u8>>, Message> {
    pdf_pages_at(data, PDF_DPI)
}

/// Each page of a PDF drawn as a PNG image at `dpi`, on white.
pub fn pdf_pages_at(data: &[u8], dpi: f32) -> Result<Vec<Vec<u8>>, Message> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::{RenderCache, RenderSettings};

    let pdf = Pdf::new(data.to_vec()).map_err(|_| msg!(AnnexPdfInvalid))?;
    let cache = RenderCache::new();
    let settings = InterpreterSettings::default();
    let scale = dpi / 72.0;
    let render = RenderSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        ..RenderSettings::default()
    };
    let mut pages = Vec::new();
    for page in pdf.pages().iter() {
        let pixmap = hayro::render(page, &cache, &settings, &render);
        pages.push(pixmap.into_png().map_err(|_| msg!(AnnexPdfInvalid))?);
    }
    if pages.is_empty() {
        return Err(msg!(AnnexNoPages));
    }
    Ok(pages)
}

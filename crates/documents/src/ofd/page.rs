//! One page: Typst's frame items as OFD page objects (the mapping is in the module above).

use std::collections::HashMap;
use std::fmt::Write as _;

use typst::layout::{Abs, Frame, FrameItem, Point, Size, Transform};
use typst::text::{Font, TextItem};
use typst::visualize::{
    Color, CurveItem, FillRule, FixedStroke, Geometry, Image, ImageKind, LineCap, LineJoin, Paint,
    Shape,
};
use typst_layout::Page;

use super::font::FontEntry;
use super::{OfdError, push_num, xml_head};
use spotcheck_core::text::xml_escape;

/// Millimetres per point.
pub(crate) const MM_PER_PT: f64 = 25.4 / 72.0;

/// A Typst length in millimetres.
pub fn mm(a: Abs) -> f64 {
    a.to_pt() * MM_PER_PT
}

/// What the pages share: the ids given so far, the fonts and the images.
#[derive(Default)]
pub(crate) struct Resources {
    last_id: u32,
    pub fonts: Vec<FontEntry>,
    font_index: HashMap<Font, usize>,
    pub images: Vec<ImageEntry>,
    image_index: HashMap<Image, usize>,
}

/// An image resource.
pub(crate) struct ImageEntry {
    pub id: u32,
    pub bytes: Vec<u8>,
    /// `Format` of the MultiMedia: PNG or JPEG.
    pub format: &'static str,
    pub ext: &'static str,
}

impl Resources {
    /// A new id, unique in the document.
    pub(crate) fn next_id(&mut self) -> u32 {
        self.last_id += 1;
        self.last_id
    }

    /// The largest id given (`MaxUnitID`).
    pub(crate) fn max_id(&self) -> u32 {
        self.last_id
    }

    fn font(&mut self, font: &Font) -> usize {
        if let Some(&i) = self.font_index.get(font) {
            return i;
        }
        let id = self.next_id();
        self.fonts.push(FontEntry::new(font.clone(), id));
        self.font_index.insert(font.clone(), self.fonts.len() - 1);
        self.fonts.len() - 1
    }

    fn image(&mut self, image: &Image, page: usize) -> Result<u32, OfdError> {
        if let Some(&i) = self.image_index.get(image) {
            return Ok(self.images[i].id);
        }
        let (bytes, format, ext) = image_bytes(image, page)?;
        let id = self.next_id();
        self.images.push(ImageEntry {
            id,
            bytes,
            format,
            ext,
        });
        self.image_index
            .insert(image.clone(), self.images.len() - 1);
        Ok(id)
    }
}

/// The smallest side, in pixels, that an image to be shown pixelated (`scaling: "pixelated"`,
/// a page's QR code) is enlarged to for the package.
const PIXELATED_MIN_SIDE: u32 = 360;

/// An image laid out as pixelated, enlarged by a whole number of pixels a pixel (nearest
/// neighbour) when it is small: OFD has no flag that forbids smoothing, and a viewer that
/// smooths a QR code of 45 pixels blurs its modules; enlarged, each module stays a square
/// whatever the viewer does. Other images are left as they are.
fn pixelated_for_ofd<'a>(
    image: &Image,
    pixels: &'a image::DynamicImage,
) -> std::borrow::Cow<'a, image::DynamicImage> {
    use typst::foundations::Smart;
    use typst::visualize::ImageScaling;
    let side = pixels.width().min(pixels.height()).max(1);
    if image.scaling() != Smart::Custom(ImageScaling::Pixelated) || side >= PIXELATED_MIN_SIDE {
        return std::borrow::Cow::Borrowed(pixels);
    }
    let k = PIXELATED_MIN_SIDE.div_ceil(side);
    std::borrow::Cow::Owned(pixels.resize_exact(
        pixels.width() * k,
        pixels.height() * k,
        image::imageops::FilterType::Nearest,
    ))
}

/// The bytes of an image as the package stores them.
fn image_bytes(
    image: &Image,
    page: usize,
) -> Result<(Vec<u8>, &'static str, &'static str), OfdError> {
    use typst::visualize::{ExchangeFormat, RasterFormat};
    match image.kind() {
        ImageKind::Raster(raster) => match raster.format() {
            RasterFormat::Exchange(ExchangeFormat::Png) => {
                Ok((raster.data().to_vec(), "PNG", "png"))
            }
            RasterFormat::Exchange(ExchangeFormat::Jpg) => {
                Ok((raster.data().to_vec(), "JPEG", "jpg"))
            }
            _ => {
                let mut out = Cursor::new(Vec::new());
                pixelated_for_ofd(image, raster.dynamic())
                    .write_to(&mut out, image::ImageFormat::Png)
                    .map_err(|e| OfdError::Image {
                        page: page + 1,
                        format: e.to_string(),
                    })?;
                Ok((out.into_inner(), "PNG", "png"))
            }
        },
        ImageKind::Svg(_) => Err(OfdError::Image {
            page: page + 1,
            format: "SVG".into(),
        }),
        ImageKind::Pdf(_) => Err(OfdError::Image {
            page: page + 1,
            format: "PDF".into(),
        }),
    }
}

use std::io::Cursor;

/// An affine map in millimetres: `x' = a x + c y + e`, `y' = b x + d y + f` (OFD's `CTM`
/// order `a b c d e f`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Affine([f64; 6]);

impl Affine {
    const IDENTITY: Affine = Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` after first translating by `(x, y)` millimetres.
    fn pre_translate(self, x: f64, y: f64) -> Affine {
        let [a, b, c, d, e, f] = self.0;
        Affine([a, b, c, d, e + a * x + c * y, f + b * x + d * y])
    }

    /// `self` after first applying `t` (a Typst transform).
    fn pre_concat(self, t: &Transform) -> Affine {
        let [a, b, c, d, e, f] = self.0;
        let (sx, ky, kx, sy) = (t.sx.get(), t.ky.get(), t.kx.get(), t.sy.get());
        let (tx, ty) = (mm(t.tx), mm(t.ty));
        Affine([
            a * sx + c * ky,
            b * sx + d * ky,
            a * kx + c * sy,
            b * kx + d * sy,
            a * tx + c * ty + e,
            b * tx + d * ty + f,
        ])
    }

    fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn is_translation(&self) -> bool {
        let [a, b, c, d, _, _] = self.0;
        (a - 1.0).abs() < 1e-9 && b.abs() < 1e-9 && c.abs() < 1e-9 && (d - 1.0).abs() < 1e-9
    }
}

/// Where an object goes: its `Boundary` (page millimetres), its `CTM` if it has one, and what
/// to subtract from its local coordinates.
struct Placement {
    boundary: [f64; 4],
    ctm: Option<[f64; 6]>,
    offset: (f64, f64),
}

/// The placement of an object whose content spans `local` (`x0 y0 x1 y1`, millimetres in its
/// own coordinates) under `t`.
fn place(t: Affine, local: [f64; 4]) -> Placement {
    let [x0, y0, x1, y1] = local;
    if t.is_translation() {
        let (e, f) = (t.0[4], t.0[5]);
        return Placement {
            boundary: [e + x0, f + y0, x1 - x0, y1 - y0],
            ctm: None,
            offset: (x0, y0),
        };
    }
    let corners = [
        t.apply(x0, y0),
        t.apply(x1, y0),
        t.apply(x0, y1),
        t.apply(x1, y1),
    ];
    let [bx0, by0, bx1, by1] = bounds(&corners);
    let [a, b, c, d, e, f] = t.0;
    Placement {
        boundary: [bx0, by0, bx1 - bx0, by1 - by0],
        ctm: Some([a, b, c, d, e - bx0, f - by0]),
        offset: (0.0, 0.0),
    }
}

/// Writes ` ID=".." Boundary=".." [CTM=".."]`.
fn object_head(out: &mut String, tag: &str, id: u32, p: &Placement) {
    let _ = write!(out, "<ofd:{tag} ID=\"{id}\" Boundary=\"");
    nums(out, &p.boundary);
    out.push('"');
    if let Some(ctm) = &p.ctm {
        out.push_str(" CTM=\"");
        nums(out, ctm);
        out.push('"');
    }
}

fn nums(out: &mut String, vs: &[f64]) {
    for (i, v) in vs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_num(out, *v);
    }
}

/// The `Content.xml` of one page.
pub(crate) fn page_xml(
    page: &Page,
    index: usize,
    default_size: (f64, f64),
    res: &mut Resources,
) -> Result<String, OfdError> {
    let mut out = xml_head("Page");
    out.push('>');
    let size = (mm(page.frame.width()), mm(page.frame.height()));
    if (size.0 - default_size.0).abs() > 1e-6 || (size.1 - default_size.1).abs() > 1e-6 {
        out.push_str("<ofd:Area><ofd:PhysicalBox>0 0 ");
        nums(&mut out, &[size.0, size.1]);
        out.push_str("</ofd:PhysicalBox></ofd:Area>");
    }
    let layer = res.next_id();
    let _ = write!(out, "<ofd:Content><ofd:Layer ID=\"{layer}\" Type=\"Body\">");
    let mut writer = PageWriter {
        out,
        res,
        page: index,
    };
    if let typst::foundations::Smart::Custom(Some(fill)) = &page.fill {
        let rect = Shape {
            geometry: Geometry::Rect(page.frame.size()),
            fill: Some(fill.clone()),
            fill_rule: FillRule::NonZero,
            stroke: None,
        };
        writer.shape(&rect, Affine::IDENTITY);
    }
    writer.frame(&page.frame, Affine::IDENTITY)?;
    let mut out = writer.out;
    out.push_str("</ofd:Layer></ofd:Content></ofd:Page>");
    Ok(out)
}

struct PageWriter<'a> {
    out: String,
    res: &'a mut Resources,
    page: usize,
}

impl PageWriter<'_> {
    fn frame(&mut self, frame: &Frame, t: Affine) -> Result<(), OfdError> {
        for (pos, item) in frame.items() {
            let t = t.pre_translate(mm(pos.x), mm(pos.y));
            match item {
                FrameItem::Group(group) => {
                    self.frame(&group.frame, t.pre_concat(&group.transform))?;
                }
                FrameItem::Text(text) => self.text(text, t),
                FrameItem::Shape(shape, _) => self.shape(shape, t),
                FrameItem::Image(image, size, _) => self.image(image, *size, t)?,
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
        Ok(())
    }

    fn text(&mut self, item: &TextItem, t: Affine) {
        if item.glyphs.is_empty() {
            return;
        }
        let font_index = self.res.font(item.font.font());
        let size = mm(item.size);
        let metrics = item.font.metrics();
        let em = |v: typst::layout::Em| v.get() * size;

        let (clusters, pen) = clusters(item, size);

        // Characters with their positions, and the glyph runs.
        let mut text = String::new();
        let mut xs: Vec<f64> = Vec::new();
        let mut ys: Vec<f64> = Vec::new();
        let mut transforms = String::new();
        let mut run: Vec<u16> = Vec::new();
        let mut run_start = 0usize;
        let font = &mut self.res.fonts[font_index];
        let flush = |transforms: &mut String, run: &mut Vec<u16>, start: usize| {
            if !run.is_empty() {
                cg_transform(transforms, start, run.len(), run);
                run.clear();
            }
        };
        for c in &clusters {
            let chars: Vec<char> = item
                .text
                .get(c.start..c.end)
                .unwrap_or("")
                .chars()
                .map(|ch| if (ch as u32) < 0x20 { ' ' } else { ch })
                .collect();
            // A glyph without text of its own (none in practice) stands for U+FFFD.
            let chars = if chars.is_empty() {
                vec!['\u{FFFD}']
            } else {
                chars
            };
            let code = xs.len();
            let n = chars.len();
            for (k, ch) in chars.iter().enumerate() {
                text.push(*ch);
                xs.push(c.x + c.advance * k as f64 / n as f64);
                ys.push(c.y);
            }
            let new: Vec<u16> = c
                .glyphs
                .iter()
                .map(|&g| font.glyph(g, (n == 1 && c.glyphs.len() == 1).then_some(chars[0])))
                .collect();
            if n == 1 && new.len() == 1 {
                if run.is_empty() {
                    run_start = code;
                }
                run.push(new[0]);
            } else {
                flush(&mut transforms, &mut run, run_start);
                cg_transform(&mut transforms, code, n, &new);
            }
        }
        flush(&mut transforms, &mut run, run_start);

        // The box: the pen's extent, the font's ascender and descender, with some room.
        let width = pen.max(xs.iter().copied().fold(0.0, f64::max));
        let ascent = em(metrics.ascender).max(size);
        let descent = (-em(metrics.descender)).max(size * 0.25);
        let pad = size * 0.1;
        let p = place(t, [-pad, -ascent - pad, width + pad, descent + pad]);

        let id = self.res.next_id();
        let out = &mut self.out;
        object_head(out, "TextObject", id, &p);
        let _ = write!(out, " Font=\"{}\" Size=\"", self.res.fonts[font_index].id);
        push_num(out, size);
        out.push('"');
        if let Some(stroke) = &item.stroke {
            out.push_str(" Stroke=\"true\" LineWidth=\"");
            push_num(out, mm(stroke.thickness));
            out.push('"');
        }
        let (fill, alpha) = paint_rgb(&item.fill);
        if alpha < 255 {
            let _ = write!(out, " Alpha=\"{alpha}\"");
        }
        out.push('>');
        if fill != [0, 0, 0] {
            color_element(out, "FillColor", fill);
        }
        if let Some(stroke) = &item.stroke {
            color_element(out, "StrokeColor", paint_rgb(&stroke.paint).0);
        }
        out.push_str(&transforms);
        out.push_str("<ofd:TextCode X=\"");
        push_num(out, xs[0] - p.offset.0);
        out.push_str("\" Y=\"");
        push_num(out, ys[0] - p.offset.1);
        out.push('"');
        deltas(out, "DeltaX", &xs);
        if ys.iter().any(|y| y.abs() > 5e-4) {
            deltas(out, "DeltaY", &ys);
        }
        out.push('>');
        out.push_str(&xml_escape(&text));
        out.push_str("</ofd:TextCode></ofd:TextObject>");
    }

    fn shape(&mut self, shape: &Shape, t: Affine) {
        let mut data = String::new();
        let mut points: Vec<(f64, f64)> = Vec::new();
        let mut ops: Vec<(char, Vec<(f64, f64)>)> = Vec::new();
        let pt = |p: Point| (mm(p.x), mm(p.y));
        match &shape.geometry {
            Geometry::Line(to) => {
                ops.push(('M', vec![(0.0, 0.0)]));
                ops.push(('L', vec![pt(*to)]));
            }
            Geometry::Rect(size) => {
                let (w, h) = (mm(size.x), mm(size.y));
                ops.push(('M', vec![(0.0, 0.0)]));
                ops.push(('L', vec![(w, 0.0)]));
                ops.push(('L', vec![(w, h)]));
                ops.push(('L', vec![(0.0, h)]));
                ops.push(('C', vec![]));
            }
            Geometry::Curve(curve) => {
                for item in curve.0.iter() {
                    match item {
                        CurveItem::Move(p) => ops.push(('M', vec![pt(*p)])),
                        CurveItem::Line(p) => ops.push(('L', vec![pt(*p)])),
                        CurveItem::Cubic(a, b, c) => ops.push(('B', vec![pt(*a), pt(*b), pt(*c)])),
                        CurveItem::Close => ops.push(('C', vec![])),
                    }
                }
            }
        }
        for (_, ps) in &ops {
            points.extend(ps.iter().copied());
        }
        if points.is_empty() {
            return;
        }
        let stroke = shape.stroke.as_ref();
        let half = stroke.map_or(0.0, |s| mm(s.thickness) / 2.0) + 0.1;
        let x0 = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min) - half;
        let y0 = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min) - half;
        let x1 = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max) + half;
        let y1 = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max) + half;
        let p = place(t, [x0, y0, x1, y1]);
        for (op, ps) in &ops {
            if !data.is_empty() {
                data.push(' ');
            }
            data.push(*op);
            for (x, y) in ps {
                data.push(' ');
                push_num(&mut data, x - p.offset.0);
                data.push(' ');
                push_num(&mut data, y - p.offset.1);
            }
        }

        let id = self.res.next_id();
        let out = &mut self.out;
        object_head(out, "PathObject", id, &p);
        let fill = shape.fill.as_ref().map(paint_rgb);
        if let Some(s) = stroke {
            stroke_attributes(out, s);
        } else {
            out.push_str(" Stroke=\"false\"");
        }
        if fill.is_some() {
            out.push_str(" Fill=\"true\"");
            if shape.fill_rule == FillRule::EvenOdd {
                out.push_str(" Rule=\"Even-Odd\"");
            }
        }
        let alpha = fill
            .map(|f| f.1)
            .or_else(|| stroke.map(|s| paint_rgb(&s.paint).1))
            .unwrap_or(255);
        if alpha < 255 {
            let _ = write!(out, " Alpha=\"{alpha}\"");
        }
        out.push('>');
        if let Some((rgb, _)) = fill {
            color_element(out, "FillColor", rgb);
        }
        if let Some(s) = stroke {
            color_element(out, "StrokeColor", paint_rgb(&s.paint).0);
        }
        out.push_str("<ofd:AbbreviatedData>");
        out.push_str(&data);
        out.push_str("</ofd:AbbreviatedData></ofd:PathObject>");
    }

    fn image(&mut self, image: &Image, size: Size, t: Affine) -> Result<(), OfdError> {
        let rid = self.res.image(image, self.page)?;
        let (w, h) = (mm(size.x), mm(size.y));
        // The image fills the unit square of its own coordinates.
        let t = Affine([
            t.0[0] * w,
            t.0[1] * w,
            t.0[2] * h,
            t.0[3] * h,
            t.0[4],
            t.0[5],
        ]);
        let [a, b, c, d, e, f] = t.0;
        let corners = [
            (e, f),
            (a + e, b + f),
            (c + e, d + f),
            (a + c + e, b + d + f),
        ];
        let [bx0, by0, bx1, by1] = bounds(&corners);
        let p = Placement {
            boundary: [bx0, by0, bx1 - bx0, by1 - by0],
            ctm: Some([a, b, c, d, e - bx0, f - by0]),
            offset: (0.0, 0.0),
        };
        let id = self.res.next_id();
        object_head(&mut self.out, "ImageObject", id, &p);
        let _ = write!(self.out, " ResourceID=\"{rid}\"/>");
        Ok(())
    }
}

/// ` DeltaX="..."` (or `DeltaY`) from absolute positions: the differences of the positions
/// rounded to a micrometre (so that no rounding accumulates), repeated values as `g N v`.
fn deltas(out: &mut String, name: &str, positions: &[f64]) {
    if positions.len() < 2 {
        return;
    }
    let micro: Vec<i64> = positions
        .iter()
        .map(|v| (v * 1000.0).round() as i64)
        .collect();
    let diffs: Vec<i64> = micro.windows(2).map(|w| w[1] - w[0]).collect();
    let _ = write!(out, " {name}=\"");
    let mut i = 0;
    let mut first = true;
    while i < diffs.len() {
        let mut j = i;
        while j < diffs.len() && diffs[j] == diffs[i] {
            j += 1;
        }
        if !first {
            out.push(' ');
        }
        first = false;
        let v = diffs[i] as f64 / 1000.0;
        if j - i >= 3 {
            let _ = write!(out, "g {} ", j - i);
            push_num(out, v);
        } else {
            for k in i..j {
                if k > i {
                    out.push(' ');
                }
                push_num(out, v);
            }
        }
        i = j;
    }
    out.push('"');
}

fn stroke_attributes(out: &mut String, s: &FixedStroke) {
    out.push_str(" LineWidth=\"");
    push_num(out, mm(s.thickness));
    out.push('"');
    match s.cap {
        LineCap::Butt => {}
        LineCap::Round => out.push_str(" Cap=\"Round\""),
        LineCap::Square => out.push_str(" Cap=\"Square\""),
    }
    match s.join {
        LineJoin::Miter => {}
        LineJoin::Round => out.push_str(" Join=\"Round\""),
        LineJoin::Bevel => out.push_str(" Join=\"Bevel\""),
    }
    let miter = s.miter_limit.get();
    if (miter - 3.528).abs() > 1e-3 {
        out.push_str(" MiterLimit=\"");
        push_num(out, miter);
        out.push('"');
    }
    if let Some(dash) = &s.dash
        && !dash.array.is_empty()
    {
        out.push_str(" DashOffset=\"");
        push_num(out, mm(dash.phase));
        out.push_str("\" DashPattern=\"");
        let v: Vec<f64> = dash.array.iter().map(|a| mm(*a)).collect();
        nums(out, &v);
        out.push('"');
    }
}

fn color_element(out: &mut String, tag: &str, rgb: [u8; 3]) {
    let _ = write!(
        out,
        "<ofd:{tag} Value=\"{} {} {}\"/>",
        rgb[0], rgb[1], rgb[2]
    );
}

/// The RGB colour and alpha of a paint: a gradient's first stop, a tiling as grey.
fn paint_rgb(paint: &Paint) -> ([u8; 3], u8) {
    let color: Color = match paint {
        Paint::Solid(c) => c.clone(),
        Paint::Gradient(g) => g
            .stops_ref()
            .first()
            .map_or(Color::BLACK, |(c, _)| c.clone()),
        Paint::Tiling(_) => Color::GRAY,
    };
    let rgb = color.to_rgb();
    let q = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    ([q(rgb.red), q(rgb.green), q(rgb.blue)], q(rgb.alpha))
}

/// The smallest upright box holding `points`: `[x0, y0, x1, y1]`.
fn bounds(points: &[(f64, f64)]) -> [f64; 4] {
    points.iter().fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |[x0, y0, x1, y1], &(x, y)| [x0.min(x), y0.min(y), x1.max(x), y1.max(y)],
    )
}

/// Glyphs sharing (or overlapping) one range of a text item's text, where they stand and how
/// far they advance, in mm.
struct Cluster {
    start: usize,
    end: usize,
    x: f64,
    y: f64,
    advance: f64,
    glyphs: Vec<u16>,
}

/// The clusters of a text item of `size` mm, and the pen's advance after them.
fn clusters(item: &TextItem, size: f64) -> (Vec<Cluster>, f64) {
    let em = |v: typst::layout::Em| v.get() * size;
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut pen = 0.0;
    for g in &item.glyphs {
        let r = g.range();
        let x = pen + em(g.x_offset);
        let y = -em(g.y_offset);
        let adv = em(g.x_advance);
        pen += adv;
        let merge = clusters
            .last()
            .is_some_and(|c| r.is_empty() || (r.start < c.end && r.end > c.start));
        if let (true, Some(c)) = (merge, clusters.last_mut()) {
            c.end = c.end.max(r.end);
            c.advance += adv;
            c.glyphs.push(g.id);
        } else {
            clusters.push(Cluster {
                start: r.start,
                end: r.end,
                x,
                y,
                advance: adv,
                glyphs: vec![g.id],
            });
        }
    }
    (clusters, pen)
}

/// A CGTransform: the `n` characters from `code` drawn by `glyphs`.
fn cg_transform(out: &mut String, code: usize, n: usize, glyphs: &[u16]) {
    let _ = write!(
        out,
        "<ofd:CGTransform CodePosition=\"{code}\" CodeCount=\"{n}\" GlyphCount=\"{}\"><ofd:Glyphs>",
        glyphs.len()
    );
    for (i, g) in glyphs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{g}");
    }
    out.push_str("</ofd:Glyphs></ofd:CGTransform>");
}

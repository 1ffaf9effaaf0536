//! The batch notice to GB/T 9704-2012, measured on the PDF written for each sample: the
//! characters of a full line (28, punctuation taking a full cell), the lines of a full page
//! (22), the issuing-body mark's ink 35 mm below the top of the type area, the red rule 4 mm
//! under the document number, the title two lines under the rule and never broken inside a
//! word, the page numbers 7 mm under the type area on the outer side, and the 版记 whole at the
//! foot of the last page, an even one. Positions come from the PDF's text and strokes
//! (pdf-extract) and, for ink, from the page rasterized by hayro.

use std::path::Path;
use std::sync::Arc;

use hayro::hayro_interpret::font::Glyph as PdfGlyph;
use hayro::hayro_interpret::hayro_cmap::BfString;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, TransformExt, interpret_page,
};
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::kurbo::{Affine, BezPath, Point, Rect, Shape};
use spotcheck::documents::render::RenderOptions;

use crate::common::*;

const PT: f64 = 25.4 / 72.0;
/// The type area: 37 mm from the top, 225 mm high, 156 mm wide.
const AREA_TOP: f64 = 37.0;
const AREA_BOTTOM: f64 = 37.0 + 225.0;
const AREA_WIDTH: f64 = 156.0;
/// The pitch of the body's lines.
const PITCH: f64 = 225.0 / 22.0;
/// 3号 type.
const BODY_PT: f64 = 16.0;

/// A character of the PDF: its page (from 1), origin (mm from the page's left and top edges),
/// size (pt), ink (its outline's bounds, mm) and whether it is red.
#[derive(Debug, Clone)]
struct Glyph {
    page: usize,
    x: f64,
    y: f64,
    size: f64,
    ink: Rect,
    red: bool,
    c: char,
}

/// A stroked straight line: its page, ends (mm from the left and top edges), and whether it
/// is red.
#[derive(Debug, Clone)]
struct Stroke {
    page: usize,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    red: bool,
}

fn is_red(paint: &Paint<'_>) -> bool {
    match paint {
        Paint::Color(c) => {
            let [r, g, b, _] = c.to_rgba().to_rgba8();
            r > 150 && g < 110 && b < 110
        }
        _ => false,
    }
}

/// What a page draws: its characters and its strokes, in mm from the top left corner (the
/// page is interpreted with a transform to millimetres, y downwards).
#[derive(Default)]
struct Collect {
    page: usize,
    glyphs: Vec<Glyph>,
    strokes: Vec<Stroke>,
}

impl<'a> Device<'a> for Collect {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(
        &mut self,
        path: &BezPath,
        transform: Affine,
        paint: &Paint<'a>,
        mode: &PathDrawMode,
    ) {
        if !matches!(mode, PathDrawMode::Stroke(_)) {
            return;
        }
        let b = (transform * path.clone()).bounding_box();
        self.strokes.push(Stroke {
            page: self.page,
            x0: b.x0,
            x1: b.x1,
            y0: b.y0,
            y1: b.y1,
            red: is_red(paint),
        });
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph(
        &mut self,
        glyph: &PdfGlyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        paint: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        let PdfGlyph::Outline(outline) = glyph else {
            return;
        };
        let c = match glyph.as_unicode() {
            Some(BfString::Char(c)) => c,
            Some(BfString::String(s)) => s.chars().next().unwrap_or('\u{FFFD}'),
            None => '\u{FFFD}',
        };
        let path = outline.outline();
        if c.is_whitespace() || path.elements().is_empty() {
            return;
        }
        let t = transform * glyph_transform;
        let origin = t * Point::ORIGIN;
        // The outline is in units of 1/1000 em.
        let em = (t * Point::new(0.0, 1000.0) - origin).length() / PT;
        self.glyphs.push(Glyph {
            page: self.page,
            x: origin.x,
            y: origin.y,
            size: em,
            ink: (t * path).bounding_box(),
            red: is_red(paint),
            c,
        });
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// A line of text: its glyphs, left to right, of one size on one baseline of one page.
#[derive(Debug)]
struct Line {
    page: usize,
    y: f64,
    size: f64,
    glyphs: Vec<Glyph>,
}

impl Line {
    fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.c).collect()
    }
}

fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for g in glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace() && g.c != '\u{2060}')
    {
        match out
            .iter_mut()
            .find(|l| l.page == g.page && (l.y - g.y).abs() < 0.3 && (l.size - g.size).abs() < 0.5)
        {
            Some(l) => l.glyphs.push(g.clone()),
            None => out.push(Line {
                page: g.page,
                y: g.y,
                size: g.size,
                glyphs: vec![g.clone()],
            }),
        }
    }
    for l in &mut out {
        l.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out.sort_by(|a, b| (a.page, a.y).partial_cmp(&(b.page, b.y)).unwrap());
    out
}

/// The left edge of the type area on a page: 28 mm on odd pages (the binding side), 26 mm on
/// even ones, so that the area sits over itself on both sides of a sheet.
fn area_left(page: usize) -> f64 {
    if page % 2 == 1 { 28.0 } else { 26.0 }
}

const CLOSING: &str = "，。、；：？！）》」』】〕〉”’";
const OPENING: &str = "（《「『【〔〈“‘";

fn full_width(c: char) -> bool {
    (c as u32) >= 0x2E80 || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…')
}

struct Notice {
    at: String,
    pages: usize,
    glyphs: Vec<Glyph>,
    strokes: Vec<Stroke>,
}

fn notice_of(dir: &Path) -> Notice {
    let lb = spotcheck::input::load::load(dir).unwrap_or_else(|e| panic!("{e}"));
    let (out, _) = render_all(
        &lb,
        RenderOptions {
            kinds: vec!["batch-notice".into()],
            ..RenderOptions::default()
        },
    );
    let path = out.path().join("batch/batch-notice.pdf");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let pdf = Pdf::new(Arc::new(bytes)).unwrap();
    let cache = InterpreterCache::new();
    let mut c = Collect::default();
    for (i, page) in pdf.pages().iter().enumerate() {
        c.page = i + 1;
        let (w, h) = page.render_dimensions();
        let to_mm = Affine::scale(PT) * page.initial_transform(true).to_kurbo();
        let mut ctx = Context::new(
            to_mm,
            Rect::new(0.0, 0.0, f64::from(w) * PT, f64::from(h) * PT),
            &cache,
            page.xref(),
            InterpreterSettings::default(),
        );
        interpret_page(page, &mut ctx, &mut c);
    }
    Notice {
        at: dir.file_name().unwrap().to_string_lossy().into_owned(),
        pages: pdf.pages().len(),
        glyphs: c.glyphs,
        strokes: c.strokes,
    }
}

fn notices() -> &'static [Notice] {
    static N: std::sync::OnceLock<Vec<Notice>> = std::sync::OnceLock::new();
    N.get_or_init(|| samples().iter().map(|d| notice_of(d)).collect())
}

/// The pages of the notice's body text: from the first to the one before the first annex
/// (a page headed 附件N).
fn body_pages(n: &Notice) -> usize {
    let ls = lines(&n.glyphs);
    (2..=n.pages)
        .find(|&p| {
            ls.iter().find(|l| l.page == p).is_some_and(|l| {
                let t = l.text();
                t.starts_with("附件") && t.chars().nth(2).is_some_and(|c| c.is_ascii_digit())
            })
        })
        .map_or(n.pages, |p| p - 1)
}

#[test]
fn a_full_line_holds_28_characters_each_in_its_own_cell() {
    let cell = AREA_WIDTH / 28.0;
    let mut found = Vec::new();
    for n in notices() {
        let last = body_pages(n);
        let mut full = 0;
        let all = lines(&n.glyphs);
        for l in all
            .iter()
            .filter(|l| l.page <= last && (l.size - BODY_PT).abs() < 0.1)
        {
            let left = area_left(l.page);
            let (first, end) = (&l.glyphs[0], l.glyphs.last().unwrap());
            // A full line of full-width characters: from the margin (or an indent of two
            // cells) to the right edge of the type area.
            if !l.glyphs.iter().all(|g| full_width(g.c)) || end.x + cell < left + AREA_WIDTH - 0.5 {
                continue;
            }
            let indent = ((first.x - left) / cell).round();
            if !(indent == 0.0 || indent == 2.0) || (first.x - left - indent * cell).abs() > 0.5 {
                continue;
            }
            full += 1;
            let cells = l.glyphs.len() + indent as usize;
            // 27 only where the 28th character would take a closing mark with it or be an
            // opening mark (no line begins with a closing mark, none ends with an opening one).
            let next = all
                .iter()
                .find(|n| (n.page, n.y) > (l.page, l.y + 1.0) && (n.size - l.size).abs() < 0.1);
            let held_back = next.is_some_and(|n| {
                let t: Vec<char> = n.glyphs.iter().map(|g| g.c).collect();
                t.first().is_some_and(|c| OPENING.contains(*c))
                    || t.get(1).is_some_and(|c| CLOSING.contains(*c))
            });
            if cells != 28 && !(cells == 27 && held_back) {
                found.push(format!(
                    "{} p{}: {cells} cells in “{}”",
                    n.at,
                    l.page,
                    l.text()
                ));
            }
            // Every character a cell of its own: none set closer to the one before it.
            for w in l.glyphs.windows(2) {
                if w[1].x - w[0].x < cell - 0.2 {
                    found.push(format!(
                        "{} p{}: “{}{}” {:.2} mm apart (a cell is {cell:.2}) in “{}”",
                        n.at,
                        l.page,
                        w[0].c,
                        w[1].c,
                        w[1].x - w[0].x,
                        l.text()
                    ));
                }
            }
        }
        assert!(full >= 20, "{}: only {full} full lines", n.at);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_full_page_holds_22_lines() {
    let mut found = Vec::new();
    for n in notices() {
        let last = body_pages(n);
        assert!(last >= 3, "{}: the body ends on page {last}", n.at);
        let ls = lines(&n.glyphs);
        // Every page of body text but the first and the last is full, but for one that the
        // 附件说明, kept with the signature, left short.
        let kept = |p: usize| {
            ls.iter()
                .find(|l| l.page == p + 1)
                .is_some_and(|l| l.text().starts_with("附件："))
        };
        for p in (2..last).filter(|&p| !kept(p)) {
            let ys: Vec<f64> = ls
                .iter()
                .filter(|l| l.page == p && l.y < AREA_BOTTOM && (l.size - BODY_PT).abs() < 0.1)
                .map(|l| l.y)
                .collect();
            if ys.len() != 22 {
                found.push(format!(
                    "{} p{p}: {:?}",
                    n.at,
                    ls.iter()
                        .filter(|l| l.page == p && (l.size - BODY_PT).abs() < 0.1)
                        .map(|l| l.text())
                        .collect::<Vec<_>>()
                ));
                found.push(format!("{} p{p}: {} lines", n.at, ys.len()));
            }
            if ys.is_empty() {
                continue;
            }
            let first = AREA_TOP + BODY_PT * PT;
            if (ys[0] - first).abs() > 0.2 {
                found.push(format!(
                    "{} p{p}: the first baseline at {:.2} mm, not {first:.2}",
                    n.at, ys[0]
                ));
            }
            for (i, y) in ys.iter().enumerate() {
                let at = first + i as f64 * PITCH;
                if (y - at).abs() > 0.2 {
                    found.push(format!(
                        "{} p{p}: line {} at {y:.2} mm, not {at:.2}",
                        n.at,
                        i + 1
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The red rule of page 1 (its y, mm).
fn red_rule(n: &Notice) -> f64 {
    let rules: Vec<&Stroke> = n
        .strokes
        .iter()
        .filter(|s| s.page == 1 && s.red && (s.y1 - s.y0) < 0.01 && s.x1 - s.x0 > 150.0)
        .collect();
    assert_eq!(rules.len(), 1, "{}: red rules {:?}", n.at, rules);
    assert!(
        (rules[0].x1 - rules[0].x0 - AREA_WIDTH).abs() < 0.2,
        "{}: the red rule is {:.1} mm long",
        n.at,
        rules[0].x1 - rules[0].x0
    );
    rules[0].y0
}

#[test]
fn the_head_stands_where_the_standard_puts_it() {
    let mut found = Vec::new();
    for n in notices() {
        let rule = red_rule(n);
        let first: Vec<&Glyph> = n.glyphs.iter().filter(|g| g.page == 1).collect();
        // The mark: the red characters, their ink 35 mm below the top of the type area.
        let mark_top = first
            .iter()
            .filter(|g| g.red)
            .map(|g| g.ink.y0)
            .fold(f64::MAX, f64::min);
        let mark = mark_top - AREA_TOP;
        eprintln!("{}: the mark's ink {mark:.2} mm below the type area", n.at);
        if (mark - 35.0).abs() > 0.5 {
            found.push(format!(
                "{}: the mark's ink {mark:.2} mm below the top of the type area",
                n.at
            ));
        }
        // The document number: the black characters above the rule, and the ink's foot.
        let number_bottom = first
            .iter()
            .filter(|g| !g.red && g.y < rule && g.y > mark_top + 10.0)
            .map(|g| g.ink.y1)
            .fold(f64::MIN, f64::max);
        let gap = rule - number_bottom;
        eprintln!("{}: the rule {gap:.2} mm under the number", n.at);
        if (gap - 4.0).abs() > 0.5 {
            found.push(format!(
                "{}: the red rule {gap:.2} mm under the document number",
                n.at
            ));
        }
        // The title (2号, 22 pt): two lines (of the body's pitch) under the rule, to its ink.
        let title_top = first
            .iter()
            .filter(|g| (g.size - 22.0).abs() < 0.1 && g.y > rule)
            .map(|g| g.ink.y0)
            .fold(f64::MAX, f64::min);
        let lines = (title_top - rule) / PITCH;
        eprintln!("{}: the title {lines:.2} lines under the rule", n.at);
        if (lines - 2.0).abs() > 0.05 {
            found.push(format!(
                "{}: the title {lines:.2} lines under the red rule",
                n.at
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn page_numbers_stand_7_mm_under_the_type_area_on_the_outer_side() {
    let mut found = Vec::new();
    for n in notices() {
        let mut numbered = 0;
        for p in 1..=n.pages {
            let foot: Vec<&Glyph> = n
                .glyphs
                .iter()
                .filter(|g| g.page == p && g.y > AREA_BOTTOM)
                .collect();
            let Some(dash) = foot.iter().find(|g| g.c == '—') else {
                continue;
            };
            numbered += 1;
            if (dash.size - 14.0).abs() > 0.1 {
                found.push(format!("{} p{p}: the number in {:.1} pt", n.at, dash.size));
            }
            let number: String = foot
                .iter()
                .filter(|g| g.c.is_ascii_digit())
                .map(|g| g.c)
                .collect();
            if number != p.to_string() {
                found.push(format!("{} p{p}: numbered “{number}”", n.at));
            }
            // The 一字线's ink (上距版心下边缘 7 mm).
            let below = dash.ink.y0 - AREA_BOTTOM;
            eprintln!("{} p{p}: the dash {below:.2} mm under the type area", n.at);
            if (below - 7.0).abs() > 0.5 {
                found.push(format!(
                    "{} p{p}: the 一字线 {below:.2} mm under the type area",
                    n.at
                ));
            }
            // Odd pages on the right, even ones on the left, a character in from the edge.
            let (left, right) = (area_left(p), area_left(p) + AREA_WIDTH);
            let x_min = foot.iter().map(|g| g.x).fold(f64::MAX, f64::min);
            let x_max = foot.iter().map(|g| g.ink.x1).fold(f64::MIN, f64::max);
            let em = 14.0 * PT;
            let outer = if p % 2 == 1 {
                (right - em - x_max).abs() < 1.0
            } else {
                (x_min - left - em).abs() < 1.0
            };
            if !outer {
                found.push(format!(
                    "{} p{p}: the number from {x_min:.1} to {x_max:.1} mm, not on the outer side",
                    n.at
                ));
            }
        }
        assert!(
            numbered + 2 >= n.pages,
            "{}: {numbered} of {} pages numbered",
            n.at,
            n.pages
        );
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_colophon_is_whole_at_the_foot_of_an_even_last_page() {
    let mut found = Vec::new();
    for n in notices() {
        colophon_faults(n, &mut found);
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A notice whose last annex, a PDF of two full pages, ends on page 8: the 版记 cannot stand
/// on an odd page, so page 9 stays blank and the 版记 stands at the foot of page 10; neither the
/// blank page nor the 版记's page is numbered (GB/T 9704 7.5), every other page is.
#[test]
fn a_blank_page_before_the_colophon_and_the_colophon_s_page_are_unnumbered() {
    let dir = tempfile::tempdir().unwrap();
    let donghu = samples().into_iter().find(|d| d.ends_with("donghu-2024-1"));
    copy_dir(&donghu.unwrap(), dir.path());
    replace_in(
        &dir.path().join("batch.yaml"),
        "  - title: 2024年第一批区级产品质量监督抽查不合格产品企业名单\n    content: unqualified-list\n",
        "",
    );
    let n = notice_of(dir.path());
    let mut found = Vec::new();
    colophon_faults(&n, &mut found);
    let last = n.pages;
    // Pages 7 and 8 are the annex's (an image each), 9 is blank, 10 holds the 版记.
    assert_eq!(last, 10);
    assert!(
        !n.glyphs.iter().any(|g| g.page == last - 1),
        "page {} is not blank",
        last - 1
    );
    for p in 1..=last {
        let numbered = n
            .glyphs
            .iter()
            .any(|g| g.page == p && g.y > AREA_BOTTOM && g.c == '—');
        if numbered != (p < last - 1) {
            found.push(format!("page {p} of {last}: numbered {numbered}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// What is wrong with a notice's 版记: not whole on the last page, the last page odd, its last
/// rule off the type area's foot, its lines outside its rules.
fn colophon_faults(n: &Notice, found: &mut Vec<String>) {
    let ls = lines(&n.glyphs);
    let pages_of = |word: &str| -> Vec<usize> {
        let mut p: Vec<usize> = ls
            .iter()
            .filter(|l| l.text().contains(word))
            .map(|l| l.page)
            .collect();
        p.dedup();
        p
    };
    let (cc, printed) = (pages_of("抄送："), pages_of("印发"));
    if cc != [n.pages] || printed != [n.pages] {
        found.push(format!(
            "{}: 抄送 on pages {cc:?}, 印发 on {printed:?}, the last page is {}",
            n.at, n.pages
        ));
    }
    if !n.pages.is_multiple_of(2) {
        found.push(format!("{}: the last page, {}, is odd", n.at, n.pages));
    }
    // Its rules: the last on the type area's bottom edge, the 版记 between the first and
    // the last.
    let rules: Vec<&Stroke> = n
        .strokes
        .iter()
        .filter(|s| {
            s.page == n.pages
                && !s.red
                && s.y1 - s.y0 < 0.01
                && (s.x1 - s.x0 - AREA_WIDTH).abs() < 0.2
        })
        .collect();
    let Some(bottom) = rules.iter().map(|s| s.y0).reduce(f64::max) else {
        found.push(format!("{}: no rules on the last page", n.at));
        return;
    };
    eprintln!("{}: the 版记's last rule at {bottom:.2} mm", n.at);
    if (bottom - AREA_BOTTOM).abs() > 0.3 {
        found.push(format!(
            "{}: the 版记's last rule at {bottom:.2} mm, not on the type area's foot ({AREA_BOTTOM} mm)",
            n.at
        ));
    }
    if rules.len() < 3 {
        found.push(format!("{}: {} rules in the 版记", n.at, rules.len()));
    }
    let top = rules.iter().map(|s| s.y0).fold(f64::MAX, f64::min);
    for l in ls
        .iter()
        .filter(|l| l.text().contains("抄送") || l.text().contains("印发"))
    {
        if l.y < top || l.y > bottom {
            found.push(format!("{}: “{}” outside the 版记's rules", n.at, l.text()));
        }
    }
}

/// Words a title's line never ends inside.
const WORDS: &[&str] = &[
    "产品",
    "质量",
    "监督",
    "抽查",
    "企业",
    "名单",
    "计划",
    "通知",
    "电气",
    "合格",
    "目录",
    "台账",
    "管理局",
    "开发区",
    "第一批",
    "关于",
    "组织",
    "开展",
];

/// The places in `lines` (one title, line by line) where a line break falls inside a word.
fn broken_words(lines: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut joined = String::new();
    let mut breaks = Vec::new();
    for l in lines {
        joined.push_str(l);
        breaks.push(joined.len());
    }
    breaks.pop();
    for w in WORDS {
        for (i, _) in joined.match_indices(w) {
            if let Some(b) = breaks.iter().find(|&&b| i < b && b < i + w.len()) {
                out.push(format!("{}｜{}", &joined[..*b], &joined[*b..]));
            }
        }
    }
    out
}

#[test]
fn no_title_line_breaks_inside_a_word() {
    assert!(!broken_words(&["2023年第一批产品质量监督抽".into(), "查计划".into()]).is_empty());
    let mut found = Vec::new();
    let mut titles = 0;
    for n in notices() {
        let ls = lines(&n.glyphs);
        // The notice's title (22 pt, page 1) and each annex's title (18 pt, under 附件N).
        let mut groups: Vec<Vec<String>> = Vec::new();
        let mut last: Option<&Line> = None;
        for l in ls
            .iter()
            .filter(|l| (l.size - 22.0).abs() < 0.1 || (l.size - 18.0).abs() < 0.1)
        {
            match last {
                Some(p)
                    if p.page == l.page
                        && (p.size - l.size).abs() < 0.1
                        && l.y - p.y < 2.0 * l.size * PT =>
                {
                    groups.last_mut().unwrap().push(l.text())
                }
                _ => groups.push(vec![l.text()]),
            }
            last = Some(l);
        }
        // The annexes' names in the 附件说明: a numbered line and the lines aligned under it.
        let sign = ls
            .iter()
            .find(|l| l.text().starts_with("附件："))
            .map(|l| l.page);
        let mut entry_x = None;
        for l in ls
            .iter()
            .filter(|l| Some(l.page) == sign && (l.size - BODY_PT).abs() < 0.1)
        {
            let t = l.text();
            if let Some(rest) = t.strip_prefix("附件：").or(Some(t.as_str())) {
                let numbered =
                    rest.chars().next().is_some_and(|c| c.is_ascii_digit()) && rest.contains('.');
                if numbered {
                    let name: String = rest
                        .chars()
                        .skip_while(|c| c.is_ascii_digit() || *c == '.')
                        .collect();
                    let at = l
                        .glyphs
                        .iter()
                        .find(|g| !g.c.is_ascii_digit() && g.c != '.' && !"附件：".contains(g.c))
                        .map(|g| g.x);
                    entry_x = at;
                    groups.push(vec![name]);
                } else if entry_x.is_some_and(|x| (l.glyphs[0].x - x).abs() < 0.5) {
                    groups.last_mut().unwrap().push(t);
                } else {
                    entry_x = None;
                }
            }
        }
        for g in &groups {
            titles += 1;
            eprintln!("{}: {}", n.at, g.join("｜"));
            for b in broken_words(g) {
                found.push(format!("{}: {b}", n.at));
            }
        }
    }
    assert!(titles >= 8, "{titles} titles");
    // The notice's title is a trapezoid (each line as long as the one above or longer) or a
    // diamond (a middle line the longest).
    for n in notices() {
        let widths: Vec<f64> = lines(&n.glyphs)
            .iter()
            .filter(|l| l.page == 1 && (l.size - 22.0).abs() < 0.1)
            .map(|l| l.glyphs.last().unwrap().ink.x1 - l.glyphs[0].ink.x0)
            .collect();
        let longest = widths.iter().copied().fold(0.0, f64::max);
        let peak = widths.iter().position(|&w| w == longest).unwrap();
        let rising = |w: &[f64]| w.windows(2).all(|p| p[0] <= p[1] + 1.0);
        let falling = |w: &[f64]| w.windows(2).all(|p| p[0] + 1.0 >= p[1]);
        let trapezoid = rising(&widths);
        let diamond = peak > 0
            && peak + 1 < widths.len()
            && rising(&widths[..=peak])
            && falling(&widths[peak..]);
        if !(trapezoid || diamond) {
            found.push(format!(
                "{}: title lines {widths:.1?} mm, neither 梯形 nor 菱形",
                n.at
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

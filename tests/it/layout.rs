//! No text outside its cell, at any length the schema allows: every document of every sample,
//! and of a case whose every field is as long as it can be, is laid out by Typst and every run
//! of text is checked against the frame that holds it (a table cell, a line, a box). Text that
//! cannot break runs past the right edge of its frame; that is what this looks for.

use std::path::Path;

use spotcheck::documents::engine::DocSource;
use spotcheck::documents::render::{self, RenderOptions};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::visualize::Geometry;

use crate::common::*;

/// A run of text, on the page.
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) x0: Abs,
    pub(crate) x1: Abs,
    pub(crate) top: Abs,
    pub(crate) bottom: Abs,
}

/// A rule (a cell's border, a line) on the page, from (x0, y0) to (x1, y1): vertical when
/// `x0 == x1`, horizontal when `y0 == y1`.
pub(crate) struct Rule {
    pub(crate) x0: Abs,
    pub(crate) x1: Abs,
    pub(crate) y0: Abs,
    pub(crate) y1: Abs,
}

impl Rule {
    pub(crate) fn vertical(&self) -> bool {
        (self.x0 - self.x1).abs() < Abs::pt(0.1)
    }
}

/// Every run of text and every rule of a page.
pub(crate) fn page_items(frame: &Frame) -> (Vec<Run>, Vec<Rule>) {
    let (mut runs, mut rules, mut out) = (Vec::new(), Vec::new(), Vec::new());
    walk(
        frame,
        Transform::identity(),
        "",
        &mut out,
        &mut runs,
        &mut rules,
    );
    (runs, rules)
}

/// Walks a frame: every run of text that leaves the frame holding it (text that cannot break
/// runs past its frame's right edge), and every run of text and vertical rule on the page.
fn walk(
    frame: &Frame,
    ts: Transform,
    at: &str,
    out: &mut Vec<String>,
    runs: &mut Vec<Run>,
    rules: &mut Vec<Rule>,
) {
    // Rounding of glyph advances.
    let tolerance = Abs::pt(0.6);
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let inner = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                walk(&g.frame, inner, at, out, runs, rules);
            }
            FrameItem::Text(t) => {
                // A justified line's last CJK character carries its share of the line's
                // stretch after it: space beyond its em, not ink.
                let stretch = t
                    .glyphs
                    .last()
                    .filter(|g| t.text[g.range()].chars().all(|c| c as u32 >= 0x2E80))
                    .map_or(Abs::zero(), |g| {
                        (g.x_advance.at(t.size) - t.size).max(Abs::zero())
                    });
                let end = pos.x + t.width() - stretch;
                if pos.x < -tolerance || end > frame.width() + tolerance {
                    out.push(format!(
                        "{at}: “{}” runs from {:.1} to {:.1} pt in a frame {:.1} pt wide",
                        t.text,
                        pos.x.to_pt(),
                        end.to_pt(),
                        frame.width().to_pt()
                    ));
                }
                // Spaces at the end of a line are not seen.
                let trailing: Abs = t
                    .glyphs
                    .iter()
                    .rev()
                    .take_while(|g| t.text[g.range()].chars().all(char::is_whitespace))
                    .map(|g| g.x_advance.at(t.size))
                    .sum();
                let a = Point::new(pos.x, pos.y - t.size * 0.8).transform(ts);
                let b = Point::new(end - trailing, pos.y + t.size * 0.1).transform(ts);
                runs.push(Run {
                    text: t.text.to_string(),
                    x0: a.x.min(b.x),
                    x1: a.x.max(b.x),
                    top: a.y.min(b.y),
                    bottom: a.y.max(b.y),
                });
            }
            FrameItem::Shape(shape, _) => {
                let mut line = |from: Point, to: Point| {
                    let (a, b) = (from.transform(ts), to.transform(ts));
                    let vertical =
                        (a.x - b.x).abs() < Abs::pt(0.1) && (a.y - b.y).abs() > Abs::pt(1.0);
                    let horizontal =
                        (a.y - b.y).abs() < Abs::pt(0.1) && (a.x - b.x).abs() > Abs::pt(1.0);
                    if vertical || horizontal {
                        rules.push(Rule {
                            x0: a.x.min(b.x),
                            x1: a.x.max(b.x),
                            y0: a.y.min(b.y),
                            y1: a.y.max(b.y),
                        });
                    }
                };
                match &shape.geometry {
                    Geometry::Line(to) if shape.stroke.is_some() => line(*pos, *pos + *to),
                    Geometry::Rect(size) if shape.stroke.is_some() => {
                        let corner = |x, y| *pos + Point::new(x, y);
                        let (w, h, z) = (size.x, size.y, Abs::zero());
                        line(corner(z, z), corner(z, h));
                        line(corner(w, z), corner(w, h));
                        line(corner(z, z), corner(w, z));
                        line(corner(z, h), corner(w, h));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// What runs out of its frame, and every run of text that a vertical rule (a cell's border)
/// crosses: text spilling into the next cell.
fn overflows(frame: &Frame, at: &str, out: &mut Vec<String>) {
    let (mut runs, mut rules) = (Vec::new(), Vec::new());
    walk(frame, Transform::identity(), at, out, &mut runs, &mut rules);
    let margin = Abs::pt(0.5);
    for r in &runs {
        if let Some(rule) = rules.iter().filter(|l| l.vertical()).find(|l| {
            l.x0 > r.x0 + margin
                && l.x0 < r.x1 - margin
                && l.y0 < r.bottom - margin
                && l.y1 > r.top + margin
        }) {
            out.push(format!(
                "{at}: “{}” ({:.1}–{:.1} pt) crosses a cell border at {:.1} pt",
                r.text,
                r.x0.to_pt(),
                r.x1.to_pt(),
                rule.x0.to_pt()
            ));
        }
    }
}

/// Every document `opts` selects, laid out by Typst: where it would be written, and its pages.
pub(crate) fn laid_out(
    dir: &Path,
    opts: RenderOptions,
) -> Vec<(String, typst_layout::PagedDocument)> {
    let lb = spotcheck::input::load::load(dir).unwrap_or_else(|e| panic!("{e}"));
    let engine = engine();
    let sources = render::typst_sources(&lb, &engine, &opts).unwrap();
    let annexes: Vec<_> = spotcheck::documents::annex::annex_pages(&lb)
        .unwrap()
        .into_iter()
        .flat_map(|a| a.pages)
        .collect();
    sources
        .into_iter()
        .map(|s| {
            let doc = DocSource {
                main_name: s.name.clone(),
                label: s.name.clone(),
                ident: s.name.clone(),
                date: lb.batch.issued_on,
            };
            let files: &[_] = if s.name == "batch-notice.typ" {
                &annexes
            } else {
                &[]
            };
            let laid = engine
                .install(|| engine.layout(&doc, s.text.clone(), files))
                .unwrap_or_else(|e| panic!("{}: {e}", s.name));
            (format!("{}/{}", s.dir.display(), s.name), laid)
        })
        .collect()
}

/// Lays out every document `opts` selects and returns what runs out of its frame.
fn overflows_of(dir: &Path, opts: RenderOptions) -> Vec<String> {
    let mut found = Vec::new();
    for (at, laid) in laid_out(dir, opts) {
        for (i, page) in laid.pages().iter().enumerate() {
            overflows(&page.frame, &format!("{at} p{}", i + 1), &mut found);
        }
    }
    found
}

#[test]
fn no_text_of_any_sample_document_runs_out_of_its_frame() {
    let mut found = Vec::new();
    for dir in samples() {
        found.extend(overflows_of(&dir, RenderOptions::default()));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The longest values the schema allows: ids of 64 characters (the most a case id may have),
/// codes of ASCII without a break opportunity, names and addresses of Chinese text, long
/// standards, seal and report numbers; in every per-case document and in the batch's lists,
/// summary table and analysis report.
#[test]
fn no_text_runs_out_of_its_cell_at_any_length() {
    let batch = copy_sample();
    let long_id = format!("JZ-{}", "2023".repeat(15))
        .chars()
        .take(64)
        .collect::<String>();
    let code = |n: usize| "ABCD1234".repeat(n / 8 + 1)[..n].to_string();
    let han = |n: usize| {
        "晋城市示例建材经销有限公司质量检验研究院泽州县工业园"
            .chars()
            .cycle()
            .take(n)
            .collect::<String>()
    };
    let path = batch.path().join("cases/jz-001.yaml");
    let mut v: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    v["id"] = long_id.clone().into();
    v["visit"]["notice_no"] = code(40).into();
    v["visit"]["place"] = han(80).into();
    v["party"]["name"] = han(120).into();
    v["party"]["address"] = han(120).into();
    v["party"]["legal_rep"] = han(12).into();
    v["party"]["contact"] = han(12).into();
    v["manufacturer"]["name"] = han(120).into();
    v["product"]["name"] = han(60).into();
    v["product"]["trademark"] = code(30).into();
    v["product"]["model"] = code(40).into();
    v["product"]["batch"] = code(40).into();
    v["product"]["standard"] = format!("GB/T {}-2009", code(20)).into();
    v["product"]["unit"] = "千克装塑料编织袋".into();
    v["seals"]["numbers"] =
        serde_yaml::Value::Sequence((0..4).map(|i| format!("{}-{i}", code(30)).into()).collect());
    v["inspection"]["report_no"] = code(60).into();
    v["inspection"]["items"][2]["name"] = format!("{}（{}）", han(40), code(20)).into();
    v["delivery"]["tracking_no"] = code(30).into();
    std::fs::write(&path, serde_yaml::to_string(&v).unwrap()).unwrap();
    // The evidence folder is named by the case.
    std::fs::rename(
        batch.path().join("evidence/JZ-2023-001"),
        batch.path().join(format!("evidence/{long_id}")),
    )
    .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("evidence/JZ-2023-001/", &format!("evidence/{long_id}/")),
    )
    .unwrap();

    let mut found = overflows_of(
        batch.path(),
        RenderOptions {
            cases: vec![long_id.clone()],
            ..RenderOptions::default()
        },
    );
    found.extend(overflows_of(
        batch.path(),
        RenderOptions {
            kinds: [
                "summary-table",
                "qualified-list",
                "unqualified-list",
                "analysis-report",
            ]
            .map(String::from)
            .to_vec(),
            ..RenderOptions::default()
        },
    ));
    assert!(found.is_empty(), "{}", found.join("\n"));
}

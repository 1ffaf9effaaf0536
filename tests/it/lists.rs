//! The qualified and unqualified lists as bureaus publish them: the columns `lists.columns`
//! chooses (the notice's by default, 承检机构 added for several labs), every short cell, case
//! id and name whole on one line, no row split across pages; and the analysis report's failed
//! items in the plan's order.

use std::path::Path;

use spotcheck::documents::render::RenderOptions;
use typst::layout::Abs;

use crate::common::*;
use crate::layout::{laid_out, page_items};

/// The batch documents of `dir`, written by `build`.
fn build(dir: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        out.path().to_str().unwrap(),
        "--no-system-fonts",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

const NOTICE: [&str; 7] = [
    "序号",
    "产品名称",
    "商标",
    "规格型号",
    "生产日期（批号）",
    "受检单位名称",
    "备注",
];

#[test]
fn the_lists_carry_the_columns_the_batch_chooses() {
    // The notice's columns: one lab.
    let one = build(&sample_dir());
    for list in ["qualified-list", "unqualified-list"] {
        let text = pdf_text(&one.path().join(format!("batch/{list}.pdf")));
        for h in NOTICE {
            assert!(text.contains(h), "{list}: {h}");
        }
        for h in ["承检机构", "标称生产者", "产品类别"] {
            assert!(!text.contains(h), "{list} has {h}");
        }
    }
    // Two labs: 承检机构 too, by name.
    let donghu = samples()
        .into_iter()
        .find(|d| d.ends_with("donghu-2024-1"))
        .unwrap();
    let two = build(&donghu);
    let text = pdf_text(&two.path().join("batch/qualified-list.pdf"));
    assert!(text.contains("承检机构") && text.contains("示例光谷检测技术有限公司"));
    // Chosen: category, product, manufacturer, party, lab, remark; no trademark or model.
    let batch = copy_sample();
    edit_yaml(&batch.path().join("batch.yaml"), |v| {
        v["lists"] = serde_yaml::from_str(
            "columns: [no, category, product, batch, party, manufacturer, lab, remark, no]",
        )
        .unwrap();
    });
    let chosen = build(batch.path());
    let text = pdf_text(&chosen.path().join("batch/unqualified-list.pdf"));
    for h in ["产品类别", "标称生产者", "承检机构", "受检单位名称", "备注"] {
        assert!(text.contains(h), "{h}: {text}");
    }
    for h in ["商标", "规格型号"] {
        assert!(!text.contains(h), "{h} chosen away: {text}");
    }
    assert!(text.contains("序号产品类别"), "{text}");
    assert!(
        !text.contains("备注序号"),
        "序号 given twice prints once: {text}"
    );
}

/// The lines of text of each page: the runs at one height, left to right, joined.
fn lines_of(laid: &typst_layout::PagedDocument) -> Vec<Vec<String>> {
    laid.pages()
        .iter()
        .map(|p| {
            let (mut runs, _) = page_items(&p.frame);
            runs.sort_by(|a, b| a.top.cmp(&b.top).then(a.x0.cmp(&b.x0)));
            let mut lines: Vec<(Abs, String)> = Vec::new();
            for r in runs {
                match lines.last_mut() {
                    Some((top, text)) if (r.top - *top).abs() < Abs::pt(2.0) => {
                        text.push_str(&r.text)
                    }
                    _ => lines.push((r.top, r.text.clone())),
                }
            }
            lines
                .into_iter()
                .map(|(_, t)| t.chars().filter(|c| !c.is_whitespace()).collect())
                .collect()
        })
        .collect()
}

fn lists_laid_out(dir: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let opts = RenderOptions {
        kinds: vec!["qualified-list".into(), "unqualified-list".into()],
        ..Default::default()
    };
    laid_out(dir, opts)
        .into_iter()
        .map(|(at, laid)| (at, lines_of(&laid)))
        .collect()
}

/// Whether `s` stands whole on one line of some page.
fn on_one_line(pages: &[Vec<String>], s: &str) -> bool {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    pages.iter().flatten().any(|l| l.contains(&s))
}

#[test]
fn short_cells_case_ids_and_names_are_never_broken() {
    // Case ids and the domain in the lists' cells: the batch chooses to print them as the
    // product category (a short cell) and lets the list carry a lab.
    let batch = copy_sample();
    edit_yaml(&batch.path().join("batch.yaml"), |v| {
        v["lists"] = serde_yaml::from_str(
            "columns: [no, category, product, model, party, manufacturer, remark]",
        )
        .unwrap();
    });
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let mut checked = 0;
    for (at, pages) in lists_laid_out(batch.path()) {
        let qualified = at.ends_with("qualified-list.typ") && !at.ends_with("unqualified-list.typ");
        for lc in &lb.cases {
            let c = &lc.case;
            let listed = c.is_tested()
                && (c.conclusion() == Some(spotcheck::input::model::Verdict::Pass)) == qualified
                || (!qualified && c.outcome == Some(spotcheck::input::model::Outcome::Refused));
            if !listed {
                continue;
            }
            for s in [&c.party.name, &c.category] {
                assert!(on_one_line(&pages, s), "{at}: “{s}” broken across lines");
                checked += 1;
            }
            if let Some(m) = &c.manufacturer {
                assert!(on_one_line(&pages, &m.name), "{at}: “{}” broken", m.name);
            }
        }
        for short in ["拒检", "—"] {
            if pages
                .iter()
                .flatten()
                .any(|l| l.contains(short.chars().next().unwrap()))
            {
                assert!(on_one_line(&pages, short));
            }
        }
    }
    assert!(checked >= 20, "{checked}");
}

#[test]
fn abbreviations_and_numbers_with_units_stay_whole() {
    let mut seen = 0;
    for dir in samples() {
        for (at, pages) in lists_laid_out(&dir) {
            // Each page's lines joined: a word broken over two lines is in it, but on no line.
            let joined: String = pages.iter().flatten().map(String::as_str).collect();
            for w in [
                "DEHP",
                "DBP+BBP+DEHP",
                "40kg/袋",
                "2024-01-18/",
                "1600W",
                "HD240118",
            ] {
                if joined.contains(w) {
                    seen += 1;
                    assert!(on_one_line(&pages, w), "{at}: “{w}” broken");
                }
            }
        }
    }
    assert!(
        seen >= 3,
        "only {seen} of the words are in the samples' lists"
    );
}

/// The analysis report's text and tables keep a plus-joined abbreviation whole: it may break
/// after a `+`, never inside a word.
#[test]
fn the_analysis_report_never_breaks_an_abbreviation_inside_a_word() {
    let donghu = samples()
        .into_iter()
        .find(|s| s.ends_with("donghu-2024-1"))
        .unwrap();
    let opts = RenderOptions {
        kinds: vec!["analysis-report".into()],
        ..Default::default()
    };
    let mut seen = 0;
    for (at, laid) in laid_out(&donghu, opts) {
        let pages = lines_of(&laid);
        let joined: String = pages.iter().flatten().map(String::as_str).collect();
        for w in ["DEHP", "DBP+", "BBP+", "GB6675.1-2014"] {
            if joined.contains(w) {
                seen += 1;
                assert!(on_one_line(&pages, w), "{at}: “{w}” broken");
            }
        }
    }
    assert!(seen >= 3, "only {seen} words seen");
}

/// A list of many lots over many pages: no row begins on one page and ends on the next.
#[test]
fn no_row_is_split_across_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("big");
    spotcheck::input::synth::generate(&sample_dir(), 400, 11, &root).unwrap();
    // Each product a name of its own that wraps over many lines, numbered at both ends: on
    // pages of such tall rows some row meets a page's end, and a row split there puts its
    // two ends on different pages (without `breakable: false` this test fails).
    for (i, e) in walkdir::WalkDir::new(root.join("cases"))
        .into_iter()
        .enumerate()
    {
        let path = e.unwrap().path().to_path_buf();
        if path.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        edit_yaml(&path, |v| {
            if v.get("product").is_some_and(|p| !p.is_null()) {
                v["product"]["name"] = format!(
                    "样品{i:04}甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥{}{i:04}号",
                    "金木水火土东南西北中春夏秋冬".repeat(4)
                )
                .into();
            }
        });
    }
    let lb = spotcheck::input::load::load(&root).unwrap();
    let opts = RenderOptions {
        kinds: vec!["qualified-list".into()],
        ..Default::default()
    };
    let view = spotcheck::documents::view::BatchView::of(&lb, spotcheck::input::stats::Share::All);
    let laid = laid_out(&root, opts);
    let (_, doc) = laid
        .iter()
        .find(|(at, _)| at.ends_with("qualified-list.typ"))
        .unwrap();
    let pages = lines_of(doc);
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let mut rows_checked = 0;
    let pages_with = |s: &str| -> Vec<usize> {
        pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.iter().any(|l| l.contains(s)))
            .map(|(i, _)| i)
            .collect()
    };
    for r in &view.qualified {
        // The first and the last pieces of every cell (of a cell that wraps, on its first and
        // last lines) stand on one page together.
        let mut common: Option<Vec<usize>> = None;
        let chars: Vec<char> = r.product.chars().collect();
        assert!(chars.len() > 20, "{}", r.product);
        let head: String = chars[..6].iter().collect();
        let tail: String = chars[chars.len() - 5..].iter().collect();
        for piece in [head, tail] {
            let on = pages_with(&piece);
            common = Some(match common {
                None => on,
                Some(c) => c.into_iter().filter(|p| on.contains(p)).collect(),
            });
        }
        assert!(
            common.as_ref().is_some_and(|c| !c.is_empty()),
            "row {} (“{}”) is split across pages",
            r.no,
            r.product
        );
        rows_checked += 1;
    }
    assert!(rows_checked > 100, "{rows_checked}");
}

/// The failed items of the analysis report in the plan's order of categories, and within one
/// by count, the most first.
#[test]
fn failed_items_follow_the_plan_then_their_count() {
    for dir in samples() {
        let lb = spotcheck::input::load::load(&dir).unwrap();
        let stats =
            spotcheck::input::stats::compute_share(&lb, spotcheck::input::stats::Share::All);
        let plan: Vec<&str> = lb.batch.plan.iter().map(|p| p.category.as_str()).collect();
        let rank = |f: &spotcheck::input::stats::ItemFailures| {
            plan.iter().position(|c| *c == f.categories[0]).unwrap()
        };
        assert!(!stats.failures.is_empty());
        for w in stats.failures.windows(2) {
            assert!(
                rank(&w[0]) < rank(&w[1])
                    || (rank(&w[0]) == rank(&w[1]) && w[0].count >= w[1].count),
                "{:?} before {:?}",
                w[0],
                w[1]
            );
        }
        // And the report written says them in that order.
        let out = build(&dir);
        let text = pdf_text(&out.path().join("batch/analysis-report.pdf"));
        // 四、 or, after a section on re-inspections, 五、.
        let section = text.split("、不合格项目分析").nth(1).unwrap();
        let mut at = 0;
        for f in &stats.failures {
            let name: String = f.item.chars().filter(|c| !c.is_whitespace()).collect();
            let found = section[at..]
                .find(&name)
                .unwrap_or_else(|| panic!("{}: “{name}” not in order in {section}", dir.display()));
            at += found + name.len();
        }
    }
}

//! Characters no font draws are refused before rendering; official fonts take precedence.

use std::path::Path;

use spotcheck::documents::fonts::{FontOptions, Fonts, Style};
use spotcheck::documents::render::{self, RenderError, RenderOptions};

use crate::common::*;

#[test]
fn an_uncovered_character_is_refused_with_its_code_point_case_and_field() {
    let batch = copy_sample();
    let path = batch.path().join("cases/rq-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // U+12000 CUNEIFORM SIGN A: in none of the fonts.
    std::fs::write(
        &path,
        text.replacen("legal_rep: 王喆", "legal_rep: 王\u{12000}", 1),
    )
    .unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("legal_rep: 王喆"))
        .unwrap()
        + 1;
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = render::render(
        &lb,
        &engine(),
        &RenderOptions {
            out: out.path().into(),
            ..Default::default()
        },
    )
    .unwrap_err();
    let RenderError::Uncovered(diags) = err else {
        panic!("expected an uncovered character, got {err}")
    };
    assert_eq!(diags.0.len(), 1, "{diags}");
    let d = &diags.0[0];
    assert_eq!(d.file, "cases/rq-001.yaml");
    assert_eq!(d.path, "party.legal_rep");
    assert_eq!(d.line, line);
    assert!(
        d.zh().contains("U+12000") && d.zh().contains("RQ-2023-001"),
        "{d}"
    );
    // Nothing was written.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn rare_name_characters_are_covered_by_the_fallback() {
    let f = engine();
    for c in ['喆', '堃', '燊', '𠮷', '〔', '〕', '₂', '℃'] {
        assert!(f.fonts.covers(c), "{c} must be covered");
    }
}

#[test]
fn an_installed_official_font_takes_precedence_over_its_stand_in() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts");
    let with = Fonts::load(&FontOptions {
        font_paths: vec![fixture],
        system_fonts: false,
    });
    let without = Fonts::load(&FontOptions {
        font_paths: vec![],
        system_fonts: false,
    });
    let chain = |f: &Fonts| {
        f.chains
            .iter()
            .find(|(s, _)| *s == Style::Fang)
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(chain(&with)[0], "FangSong_GB2312");
    assert_eq!(chain(&without)[0], "FandolFang R");
    assert!(
        with.typst_module()
            .contains("#let font-fang = (\"FangSong_GB2312\"")
    );
}

/// `fonts/embedded.json` holds what Typst reads of each embedded font (family, style,
/// coverage), so that no font is decompressed until a document uses it. It must be what the
/// fonts themselves say: recomputed here, and rewritten with `SPOTCHECK_UPDATE_FONT_INFO=1`.
#[test]
fn the_embedded_font_info_is_that_of_the_fonts() {
    let computed = spotcheck::documents::fonts::compute_embedded_info();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/embedded.json");
    if std::env::var_os("SPOTCHECK_UPDATE_FONT_INFO").is_some() {
        let mut text = serde_json::to_string(&computed).unwrap();
        text.push('\n');
        std::fs::write(&path, text).unwrap();
        eprintln!("rewrote {}: build again to embed it", path.display());
        return;
    }
    let stored: Vec<(String, Vec<typst::text::FontInfo>)> =
        serde_json::from_str(spotcheck::documents::fonts::EMBEDDED_INFO).unwrap();
    assert_eq!(
        stored.len(),
        computed.len(),
        "fonts/embedded.json is stale: run SPOTCHECK_UPDATE_FONT_INFO=1 cargo test --test it embedded_font_info"
    );
    for ((name, faces), (stored_name, stored_faces)) in computed.iter().zip(&stored) {
        assert_eq!(name, stored_name);
        assert!(!faces.is_empty(), "{name} has no face");
        assert!(
            faces == stored_faces,
            "the info of {name} in fonts/embedded.json is stale: run SPOTCHECK_UPDATE_FONT_INFO=1 cargo test --test it embedded_font_info"
        );
    }
}

/// The base names of the fonts a PDF embeds (without the subset tag).
fn embedded_fonts(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).unwrap();
    let mut names: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"Font"))
        .filter_map(|d| d.get(b"BaseFont").and_then(|n| n.as_name()).ok())
        .map(|n| {
            let n = String::from_utf8_lossy(n).to_string();
            n.split_once('+')
                .map_or(n.clone(), |(_, base)| base.to_string())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// ￥ is drawn by a font whose glyph is the yen sign (the Fandol fonts draw it as a dollar
/// sign), and a rare character of a name in Song text by the Ming-style HanaMin, not by the
/// sans fallback: checked in the PDFs written.
#[test]
fn the_yen_sign_and_rare_name_characters_come_from_the_song_style_fallback() {
    let lb = sample();
    let (dir, _) = render_all(
        &lb,
        RenderOptions {
            cases: vec!["JZ-2023-001".into(), "RQ-2023-001".into()],
            kinds: vec!["payment-slip".into(), "sampling-sheet".into()],
            ..RenderOptions::default()
        },
    );
    let slip = dir.path().join("cases/JZ-2023-001/payment-slip.pdf");
    assert!(pdf_text(&slip).contains("￥370.00"));
    let fonts = embedded_fonts(&slip);
    assert!(fonts.iter().any(|f| f == "HanaMinA"), "{fonts:?}");
    let sheet = dir.path().join("cases/RQ-2023-001/sampling-sheet.pdf");
    assert!(pdf_text(&sheet).contains("王喆"));
    let fonts = embedded_fonts(&sheet);
    assert!(fonts.iter().any(|f| f == "HanaMinA"), "{fonts:?}");
    assert!(
        !fonts.iter().any(|f| f.starts_with("NotoSans")),
        "a sans face in Song text: {fonts:?}"
    );
    // The font chains say so too: Fandol is not used for ￥.
    let module = engine().fonts.typst_module();
    assert!(
        module.contains(r#"(name: "FandolSong", covers: regex("[^\u{FFE5}]"))"#),
        "{module}"
    );
    assert!(engine().fonts.covers('￥') && engine().fonts.covers('𠮷'));
}

/// Every run of text of a page with the weight of its font and whether it is stroked.
fn text_runs(frame: &typst::layout::Frame, out: &mut Vec<(String, u16, bool)>) {
    for (_, item) in frame.items() {
        match item {
            typst::layout::FrameItem::Group(g) => text_runs(&g.frame, out),
            typst::layout::FrameItem::Text(t) => out.push((
                t.text.to_string(),
                t.font.font().info().variant.weight.to_number(),
                t.stroke.is_some(),
            )),
            _ => {}
        }
    }
}

/// 堃 is in no Fandol face: in the notice's bold salutation the regular fallback draws it, so
/// it is stroked to the weight of the bold characters beside it; in the regular table cell
/// below, the same character is drawn as it is. A case without such a character strokes none.
#[test]
fn a_character_the_bold_face_lacks_is_emboldened_in_bold_lines_only() {
    let dir = sample_dir();
    let opts = |case: &str| RenderOptions {
        cases: vec![case.to_string()],
        kinds: vec!["notice".to_string()],
        ..RenderOptions::default()
    };
    let runs = |case: &str| {
        let laid = crate::layout::laid_out(&dir, opts(case));
        let mut runs = Vec::new();
        for page in laid[0].1.pages() {
            text_runs(&page.frame, &mut runs);
        }
        runs
    };
    let with = runs("RQ-2023-001");
    let kun: Vec<_> = with.iter().filter(|(t, _, _)| t.contains('堃')).collect();
    assert!(kun.len() >= 2, "{with:?}");
    // The salutation: bold 晋城市 before it, then 堃 stroked.
    let salutation = with
        .iter()
        .position(|(t, w, _)| t.ends_with("晋城市") && *w >= 700)
        .unwrap_or_else(|| panic!("no bold 晋城市: {with:?}"));
    assert_eq!(with[salutation + 1].0, "堃", "{with:?}");
    assert!(
        with[salutation + 1].2,
        "堃 in the bold line not stroked: {with:?}"
    );
    assert!(
        kun.iter().any(|(_, w, stroked)| *w < 700 && !stroked),
        "堃 in a regular line stroked: {kun:?}"
    );
    assert!(
        with.iter()
            .filter(|(_, _, s)| *s)
            .all(|(t, _, _)| t == "堃"),
        "{with:?}"
    );
    let without = runs("RQ-2023-002");
    assert!(without.iter().all(|(_, _, s)| !s), "{without:?}");
}

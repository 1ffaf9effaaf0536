//! The bound volume: cover, contents, every report and sampling sheet, bookmarks, continuous
//! page numbers.

use spotcheck::render::RenderOptions;

use crate::common::*;

/// Titles of the outline items under `first`, following /Next links, with their children.
fn outline(doc: &lopdf::Document, first: Option<lopdf::ObjectId>) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut cur = first;
    while let Some(id) = cur {
        let dict = doc.get_dictionary(id).unwrap();
        let title = lopdf::decode_text_string(dict.get(b"Title").unwrap()).unwrap();
        let kids = dict
            .get(b"First")
            .ok()
            .and_then(|f| f.as_reference().ok())
            .map(|f| outline(doc, Some(f)).into_iter().map(|(t, _)| t).collect())
            .unwrap_or_default();
        out.push((title, kids));
        cur = dict.get(b"Next").ok().and_then(|n| n.as_reference().ok());
    }
    out
}

#[test]
fn the_volume_binds_reports_and_sheets_in_order_with_bookmarks_and_page_numbers() {
    let lb = sample();
    let (dir, done) = render_all(&lb, RenderOptions::default());
    let path = spotcheck::volume::bind(&lb, &engine(), &done, dir.path()).unwrap();
    assert_eq!(
        path,
        dir.path().join("volume").join("JC-2023-01-合订本.pdf")
    );

    let contents = spotcheck::volume::contents(&lb);
    let pages_of = |id: &str, kind: &str| {
        done.iter()
            .find(|d| d.case == id && d.kind == kind)
            .unwrap()
            .pages
    };
    let doc_pages: usize = contents
        .iter()
        .flat_map(|(_, docs)| docs)
        .map(|(id, k)| pages_of(id, k))
        .sum();

    let bytes = std::fs::read(&path).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let total = pdf.get_pages().len();
    // Cover, one or more contents pages, then the documents page for page.
    assert!(
        total >= doc_pages + 2 && total <= doc_pages + 4,
        "{total} pages for {doc_pages} document pages"
    );

    // Bookmarks: one per section, one per document under it, in the notice's order.
    let catalog = pdf.catalog().unwrap();
    let outlines = pdf
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let tree = outline(
        &pdf,
        outlines
            .get(b"First")
            .ok()
            .and_then(|f| f.as_reference().ok()),
    );
    let sections: Vec<&str> = tree.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        sections,
        ["一、合格检验报告", "二、不合格检验报告", "三、抽样单"]
    );
    for ((title, kids), (_, docs)) in tree.iter().zip(&contents) {
        assert_eq!(kids.len(), docs.len(), "{title}");
        for (kid, (id, _)) in kids.iter().zip(docs) {
            assert!(kid.starts_with(id.as_str()), "{kid} should be {id}");
        }
    }
    let qualified = contents[0].1.len();
    let unqualified = contents[1].1.len();
    assert!(qualified > 0 && unqualified > 0);

    // The text: continuous numbering on every page, the cover's counts, and the documents.
    let text = pdf_text(&path);
    for n in [1, 2, total / 2, total] {
        assert!(
            text.contains(&format!("合订本第{n}页")),
            "page {n} numbered"
        );
    }
    assert!(!text.contains(&format!("合订本第{}页", total + 1)));
    assert!(
        text.contains(&format!("合格检验报告{qualified}份")),
        "cover counts"
    );
    assert!(text.contains(&format!("全册{total}页")), "cover total");
    for (id, kind) in contents.iter().flat_map(|(_, d)| d) {
        let lc = lb.case(id).unwrap();
        assert!(
            text.contains(&squash(&lc.case.party.name)),
            "{id} {kind} in the volume"
        );
    }
}

//! The bound volume: cover, contents, every report and sampling sheet, bookmarks, continuous
//! page numbers.

use spotcheck::documents::render::RenderOptions;

use crate::common::*;

/// Titles of the outline items under `first`, following /Next links, with their children.
/// The document's bookmarks: each top-level title with the titles under it.
fn bookmarks(pdf: &lopdf::Document) -> Vec<(String, Vec<String>)> {
    let catalog = pdf.catalog().unwrap();
    let outlines = pdf
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    outline(
        pdf,
        outlines
            .get(b"First")
            .ok()
            .and_then(|f| f.as_reference().ok()),
    )
}

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
    for sample in samples() {
        volume_of(&spotcheck::input::load::load(&sample).unwrap());
    }
}

fn volume_of(lb: &spotcheck::input::load::LoadedBatch) {
    let lb = lb.clone();
    let (dir, done) = render_all(&lb, RenderOptions::default());
    let parts = spotcheck::documents::volume::bind(&lb, &engine(), &done, dir.path()).unwrap();
    assert_eq!(
        parts,
        vec![
            dir.path()
                .join("volume")
                .join(format!("{}-合订本.pdf", lb.batch.id))
        ],
        "one part for a batch this small"
    );
    let path = &parts[0];

    let contents = spotcheck::documents::volume::contents(&lb);
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

    let bytes = std::fs::read(path).unwrap();
    let pdf = lopdf::Document::load_mem(&bytes).unwrap();
    let total = pdf.get_pages().len();
    // Cover, one or more contents pages, then the documents page for page.
    assert!(
        total >= doc_pages + 2 && total <= doc_pages + 4,
        "{total} pages for {doc_pages} document pages"
    );

    // Bookmarks: one per section, one per document under it, in the notice's order.
    let tree = bookmarks(&pdf);
    let sections: Vec<&str> = tree.iter().map(|(t, _)| t.as_str()).collect();
    // After the notice's three sections, the refusal forms and no-sample sheets the bureau
    // acts on (both samples have refused or unsampled visits).
    assert_eq!(
        sections,
        [
            "一、合格检验报告",
            "二、不合格检验报告",
            "三、抽样单",
            "四、拒检认定表和未抽样品工作单"
        ]
    );
    assert!(contents[3].1.iter().any(|(_, k)| *k == "refusal-form"));
    assert!(contents[3].1.iter().any(|(_, k)| *k == "no-sample-sheet"));
    for (id, kind) in &contents[3].1 {
        let outcome = lb.case(id).unwrap().case.outcome;
        assert_ne!(
            outcome,
            Some(spotcheck::input::model::Outcome::Sampled),
            "{id} {kind}"
        );
    }
    // ... unless batch.yaml says not to.
    let mut without = lb.clone();
    without.batch.archive.volume_includes_unsampled = false;
    assert_eq!(spotcheck::documents::volume::contents(&without).len(), 3);
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
    let text = pdf_text(path);
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

/// A large batch's volume comes in parts (册) of a bounded number of documents: each part has
/// its cover saying which part it is, its own contents and numbering, a section that goes on
/// from the previous part marked 续, and every document is in exactly one part, in order.
#[test]
fn a_large_volume_is_bound_in_parts_each_with_its_cover_and_contents() {
    let lb = sample();
    let (dir, done) = render_all(&lb, RenderOptions::default());
    let contents = spotcheck::documents::volume::contents(&lb);
    let all: Vec<&(String, &str)> = contents.iter().flat_map(|(_, d)| d).collect();
    let per_part = 10;
    let expected_parts = all.len().div_ceil(per_part);
    assert!(expected_parts >= 3, "{} documents", all.len());

    let parts = spotcheck::documents::volume::bind_parts(
        &lb,
        &engine(),
        &done,
        dir.path(),
        false,
        per_part,
    )
    .unwrap();
    let names: Vec<String> = parts
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let expected: Vec<String> = (1..=expected_parts)
        .map(|k| format!("JC-2023-01-合订本-第{k:02}册.pdf"))
        .collect();
    assert_eq!(names, expected);

    let mut seen = Vec::new();
    for (k, path) in parts.iter().enumerate() {
        let k = k + 1;
        let text = pdf_text(path);
        assert!(
            text.contains(&format!("第{k}册（共{expected_parts}册）")),
            "part {k} says which part it is"
        );
        let pdf = lopdf::Document::load(path).unwrap();
        let total = pdf.get_pages().len();
        assert!(
            text.contains(&format!("本册{total}页")),
            "part {k}: its own page count"
        );
        assert!(
            text.contains(&format!("合订本第{total}页")),
            "part {k}: numbered from 1"
        );
        let tree = bookmarks(&pdf);
        let docs: usize = tree.iter().map(|(_, kids)| kids.len()).sum();
        assert!(docs <= per_part, "part {k}: {docs} documents");
        // A section already begun in an earlier part is marked as continued.
        let (first_section, _) = &tree[0];
        let began_before = seen.iter().any(|(s, _): &(String, String)| {
            first_section.trim_end_matches("（续）") == s.as_str()
        });
        assert_eq!(
            first_section.ends_with("（续）"),
            began_before,
            "part {k}: {first_section}"
        );
        for (section, kids) in tree {
            for kid in kids {
                seen.push((section.trim_end_matches("（续）").to_string(), kid));
            }
        }
    }
    // Every document once, in the volume's order.
    assert_eq!(seen.len(), all.len());
    for ((_, kid), (id, _)) in seen.iter().zip(&all) {
        assert!(kid.starts_with(id.as_str()), "{kid} should be {id}");
    }
}

/// The Form XObject drawn on a slot page of the volume: the one form among its XObjects.
fn form_on(vol: &lopdf::Document, page: lopdf::ObjectId) -> &lopdf::Stream {
    let resources = vol.get_dictionary(page).unwrap().get(b"Resources").unwrap();
    let resources = vol.dereference(resources).unwrap().1.as_dict().unwrap();
    let xobjects = resources.get(b"XObject").unwrap();
    let xobjects = vol.dereference(xobjects).unwrap().1.as_dict().unwrap();
    let forms: Vec<&lopdf::Stream> = xobjects
        .iter()
        .filter_map(|(_, o)| vol.dereference(o).ok()?.1.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form"))
        .collect();
    assert_eq!(forms.len(), 1, "one document page on volume page {page:?}");
    forms[0]
}

/// The base names of the fonts a resource dictionary names.
fn font_names(doc: &lopdf::Document, resources: &lopdf::Object) -> Vec<String> {
    let resources = doc.dereference(resources).unwrap().1.as_dict().unwrap();
    let Ok(fonts) = resources.get(b"Font") else {
        return Vec::new();
    };
    let fonts = doc.dereference(fonts).unwrap().1.as_dict().unwrap();
    let mut names: Vec<String> = fonts
        .iter()
        .map(|(_, f)| {
            let f = doc.dereference(f).unwrap().1.as_dict().unwrap();
            String::from_utf8_lossy(f.get(b"BaseFont").unwrap().as_name().unwrap()).into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Each document page is drawn into its own page of the volume as it stands alone: that
/// page's form holds the document page's content, byte for byte, with the same fonts, and
/// covers the page; a document that cannot be read, or whose pages changed since it was
/// rendered, is refused by its path and no volume is written.
#[test]
fn each_document_page_is_put_into_its_own_page_of_the_volume() {
    let lb = sample();
    let (dir, done) = render_all(&lb, RenderOptions::default());
    let parts = spotcheck::documents::volume::bind(&lb, &engine(), &done, dir.path()).unwrap();
    let vol = lopdf::Document::load(&parts[0]).unwrap();
    let slots: Vec<lopdf::ObjectId> = vol.get_pages().into_values().collect();
    let bound: Vec<&spotcheck::documents::render::Rendered> =
        spotcheck::documents::volume::contents(&lb)
            .iter()
            .flat_map(|(_, docs)| docs)
            .map(|(id, kind)| {
                done.iter()
                    .find(|d| &d.case == id && d.kind == *kind)
                    .unwrap()
            })
            .collect();
    let pages: usize = bound.iter().map(|d| d.pages).sum();
    let mut at = slots.len() - pages;
    assert!(at >= 2, "cover and contents before the documents");
    for d in &bound {
        let doc = lopdf::Document::load(&d.path).unwrap();
        for (n, page) in doc.get_pages().into_values().enumerate() {
            let what = format!(
                "{} page {}, volume page {}",
                d.path.display(),
                n + 1,
                at + 1
            );
            let form = form_on(&vol, slots[at]);
            let own = doc.get_page_contents(page);
            assert_eq!(own.len(), 1, "{what}: one content stream");
            let own = doc.get_object(own[0]).unwrap().as_stream().unwrap();
            assert!(
                form.content == own.content
                    && form.dict.get(b"Filter").ok() == own.dict.get(b"Filter").ok(),
                "{what}: a content of {} bytes, not the page's {} bytes",
                form.content.len(),
                own.content.len()
            );
            let own = doc.get_dictionary(page).unwrap().get(b"Resources").unwrap();
            let fonts = font_names(&vol, form.dict.get(b"Resources").unwrap());
            assert!(!fonts.is_empty(), "{what}: no fonts");
            assert_eq!(fonts, font_names(&doc, own), "{what}");
            assert_eq!(
                form.dict.get(b"BBox").unwrap().as_array().unwrap().len(),
                4,
                "{what}"
            );
            at += 1;
        }
    }
    assert_eq!(at, slots.len());

    // A document that is not a PDF, then one with other pages than were rendered.
    let report = bound
        .iter()
        .find(|d| d.kind == "report" && d.pages > 1)
        .unwrap();
    let sheet = bound.iter().find(|d| d.pages == 1).unwrap();
    for (bytes, says) in [
        (b"%PDF-1.7\nnot a document".to_vec(), String::new()),
        (
            std::fs::read(&sheet.path).unwrap(),
            format!("{}", report.pages),
        ),
    ] {
        std::fs::write(&report.path, &bytes).unwrap();
        let out = tempfile::tempdir().unwrap();
        let err = spotcheck::documents::volume::bind(&lb, &engine(), &done, out.path())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&report.path.display().to_string()) && err.contains(&says),
            "{err}"
        );
        assert!(
            !out.path().join("volume").exists() || {
                std::fs::read_dir(out.path().join("volume"))
                    .unwrap()
                    .next()
                    .is_none()
            }
        );
    }
}

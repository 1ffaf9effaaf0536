//! The OFD files written beside the PDFs, read back by independent readers: `ofd-core`
//! (parses the package and draws its pages with tiny-skia from the embedded fonts) and
//! `ofdsdk` (types generated from the standard's XSD schemas). Their structure, their text
//! (against the PDF's) and their pages as pictures (against Typst's own rendering of the same
//! pages) are checked, on both samples.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use ofd_core::{OfdReader, PageBlock, RenderOptions as OfdRender};
use spotcheck::documents::engine::DocSource;
use spotcheck::documents::render::{self, RenderOptions, Rendered};
use spotcheck::input::kinds::{CATALOG, Scope};
use spotcheck::input::load::LoadedBatch;

use crate::common;

/// Resolution of the compared pictures.
const DPI: f64 = 100.0;
/// A pixel differs when its grey level differs by more than this (of 255).
const PIXEL_TOLERANCE: u8 = 100;
/// A page differs when more than this share of its pixels differ.
const PAGE_TOLERANCE: f64 = 0.004;

/// Cases that together have every kind of per-case document the batch makes (the samples
/// together make every kind: `the_samples_make_every_kind_of_document`).
fn covering_cases(lb: &LoadedBatch) -> Vec<String> {
    let mut wanted: BTreeSet<&str> = CATALOG
        .iter()
        .filter(|k| k.scope == Scope::Case)
        .filter(|k| lb.cases.iter().any(|lc| (k.applies)(&lc.case)))
        .map(|k| k.id)
        .collect();
    let mut cases = Vec::new();
    for lc in &lb.cases {
        let kinds: Vec<&str> = CATALOG
            .iter()
            .filter(|k| k.scope == Scope::Case && (k.applies)(&lc.case) && wanted.contains(k.id))
            .map(|k| k.id)
            .collect();
        if !kinds.is_empty() {
            cases.push(lc.case.id.clone());
            for k in kinds {
                wanted.remove(k);
            }
        }
    }
    assert!(wanted.is_empty(), "no case has {wanted:?}");
    cases
}

#[test]
fn the_samples_make_every_kind_of_document() {
    let mut missing: BTreeSet<&str> = CATALOG.iter().map(|k| k.id).collect();
    for sample in common::samples() {
        let lb = spotcheck::input::load::load(&sample).unwrap();
        for k in CATALOG {
            if k.scope == Scope::Batch || lb.cases.iter().any(|lc| (k.applies)(&lc.case)) {
                missing.remove(k.id);
            }
        }
    }
    assert!(missing.is_empty(), "no sample makes {missing:?}");
}

/// Renders the covering cases and, separately, the batch's documents, with OFD.
fn render_with_ofd(lb: &LoadedBatch) -> (tempfile::TempDir, Vec<Rendered>) {
    let (dir, mut done) = common::render_all(
        lb,
        RenderOptions {
            cases: covering_cases(lb),
            ofd: true,
            ..RenderOptions::default()
        },
    );
    let batch = render::render(
        lb,
        &common::engine(),
        &RenderOptions {
            out: dir.path().to_path_buf(),
            ofd: true,
            kinds: CATALOG
                .iter()
                .filter(|k| k.scope == Scope::Batch)
                .map(|k| k.id.to_string())
                .collect(),
            ..RenderOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("render failed:\n{e}"));
    done.extend(batch);
    (dir, done)
}

/// The text of each page of an OFD, as ofd-core reads it, without whitespace.
pub fn ofd_page_texts(path: &Path) -> Vec<String> {
    let mut reader = OfdReader::open(path).unwrap();
    let body = reader.ofd().doc_bodies[0].clone();
    let doc = reader.load_document(&body).unwrap();
    let mut texts = Vec::new();
    for page_ref in doc.pages().to_vec() {
        let page = reader.load_page(&doc, &page_ref).unwrap();
        let mut text = String::new();
        for layer in page.content.iter().flat_map(|c| c.layers.iter()) {
            collect_text(&layer.objects, &mut text);
        }
        texts.push(common::squash(&text));
    }
    texts
}

fn collect_text(objects: &[PageBlock], out: &mut String) {
    for o in objects {
        match o {
            PageBlock::Text(t) => {
                for code in &t.text_codes {
                    out.push_str(code.text.as_deref().unwrap_or(""));
                }
            }
            PageBlock::Block(g) => collect_text(&g.objects, out),
            _ => {}
        }
    }
}

/// Every entry of a zip file, by name, in order.
fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// The package's structure against the standard: the OFD.xml entry, one DocBody with its
/// info and root, Document.xml with CommonData and the page tree, every page, the resources,
/// every font embedded and readable, with a cmap.
fn check_structure(path: &Path, pdf_pages: usize) {
    let what = path.display();
    let files = entries(path);
    assert_eq!(files[0].0, "OFD.xml", "{what}: OFD.xml comes first");
    let text = |name: &str| -> String {
        let (_, bytes) = files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{what}: no {name}"));
        String::from_utf8(bytes.clone()).unwrap()
    };

    // The schema's types (ofdsdk, generated from the standard's XSD).
    let entry: ofdsdk::schemas::ofd::Ofd = text("OFD.xml")
        .parse()
        .unwrap_or_else(|e| panic!("{what}: OFD.xml: {e:?}"));
    let document: ofdsdk::schemas::document::Document = text("Doc_0/Document.xml")
        .parse()
        .unwrap_or_else(|e| panic!("{what}: Document.xml: {e:?}"));
    for res in ["Doc_0/PublicRes.xml", "Doc_0/DocumentRes.xml"] {
        let _: ofdsdk::schemas::res::Res = text(res)
            .parse()
            .unwrap_or_else(|e| panic!("{what}: {res}: {e:?}"));
    }
    let _ = (entry, document);

    // An independent reader: ofd-core.
    let mut reader = OfdReader::open(path).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(reader.ofd().version, "1.0", "{what}");
    assert_eq!(reader.ofd().doc_type, "OFD", "{what}");
    assert_eq!(reader.ofd().doc_bodies.len(), 1, "{what}");
    let body = reader.ofd().doc_bodies[0].clone();
    let info = body.doc_info.clone();
    assert_eq!(
        info.doc_id.as_deref().map(str::len),
        Some(32),
        "{what}: DocID"
    );
    assert!(
        info.title.as_deref().is_some_and(|t| !t.is_empty()),
        "{what}: Title"
    );
    assert!(
        info.author.as_deref().is_some_and(|t| !t.is_empty()),
        "{what}: Author"
    );
    assert!(info.creation_date.is_some(), "{what}: CreationDate");
    let doc = reader.load_document(&body).unwrap();
    assert_eq!(doc.pages().len(), pdf_pages, "{what}: pages");
    let mut ids = BTreeSet::new();
    for page_ref in doc.pages().to_vec() {
        assert!(ids.insert(page_ref.id), "{what}: page id twice");
        let page = reader.load_page(&doc, &page_ref).unwrap();
        assert!(!page.is_blank(), "{what}: page {} is blank", page_ref.id);
        let xml = text(&format!("Doc_0/{}", page_ref.base_loc));
        let _: ofdsdk::schemas::page::Page = xml
            .parse()
            .unwrap_or_else(|e| panic!("{what}: {}: {e:?}", page_ref.base_loc));
    }
    assert_eq!(doc.public_res().len(), 1, "{what}");
    let res = reader
        .load_resource(&doc, &doc.public_res()[0].clone())
        .unwrap();
    let fonts: Vec<_> = res.fonts().collect();
    assert!(!fonts.is_empty(), "{what}: no fonts");
    for f in fonts {
        let file = f
            .font_file
            .as_ref()
            .unwrap_or_else(|| panic!("{what}: font {} not embedded", f.font_name));
        let bytes = &files
            .iter()
            .find(|(n, _)| *n == format!("Doc_0/Res/{}", file.as_str()))
            .unwrap_or_else(|| panic!("{what}: no font file {}", file.as_str()))
            .1;
        let face = ttf_parser::Face::parse(bytes, 0)
            .unwrap_or_else(|e| panic!("{what}: font {}: {e}", f.font_name));
        assert!(face.tables().cmap.is_some(), "{what}: font without cmap");
    }
}

/// The smallest side of a page's QR code image in the package: enlarged from one pixel a
/// module, so that a viewer that smooths images cannot blur the modules.
const QR_MIN_SIDE: u32 = 360;

/// The QR codes of a per-case document's OFD: one black-and-white image a page, enlarged by
/// whole pixels, each read back with a QR decoder and naming the document's case, kind and
/// its page.
fn check_page_codes(ofd: &Path, d: &Rendered) {
    let what = ofd.display();
    let mut pages = Vec::new();
    for (name, bytes) in entries(ofd) {
        if !name.ends_with(".png") {
            continue;
        }
        let img = image::load_from_memory(&bytes).unwrap().to_luma8();
        if !img.pixels().all(|p| p.0[0] == 0 || p.0[0] == 255) {
            continue; // a photo, not a code
        }
        let (w, h) = img.dimensions();
        assert!(
            w == h && w >= QR_MIN_SIDE,
            "{what}: {name} is {w}×{h}, a code is square and at least {QR_MIN_SIDE} pixels"
        );
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
                img.get_pixel(x as u32, y as u32).0[0]
            });
        let grids = prepared.detect_grids();
        let (_, text) = grids
            .first()
            .and_then(|g| g.decode().ok())
            .unwrap_or_else(|| panic!("{what}: {name} does not read as a QR code"));
        let mark = spotcheck::documents::qr::PageMark::parse(&text)
            .unwrap_or_else(|e| panic!("{what}: {name} reads {text}: {e:?}"));
        assert!(
            mark.case == d.case && mark.kind == d.kind,
            "{what}: {name} reads {text}"
        );
        let page = mark.page;
        pages.push(page);
    }
    pages.sort_unstable();
    assert_eq!(
        pages,
        (1..=d.pages).collect::<Vec<_>>(),
        "{what}: one code a page"
    );
}

#[test]
fn every_ofd_is_well_formed_and_says_what_the_pdf_says() {
    for sample in common::samples() {
        let lb = spotcheck::input::load::load(&sample).unwrap();
        let (_dir, done) = render_with_ofd(&lb);
        assert!(done.len() > 10, "{}", sample.display());
        for d in &done {
            let ofd = d.ofd.as_ref().expect("an OFD beside each PDF");
            assert_eq!(ofd.with_extension("pdf"), d.path);
            check_structure(ofd, d.pages);
            if d.case != render::BATCH_DIR {
                check_page_codes(ofd, d);
            }
            let bytes = std::fs::read(&d.path).unwrap();
            let pdf_pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
            let ofd_pages = ofd_page_texts(ofd);
            assert_eq!(ofd_pages.len(), pdf_pages.len());
            for (i, (o, p)) in ofd_pages.iter().zip(&pdf_pages).enumerate() {
                let p = common::squash(p);
                assert_eq!(
                    o,
                    &p,
                    "{}: page {} says other words than the PDF",
                    ofd.display(),
                    i + 1
                );
            }
        }
    }
}

/// Grey levels of an RGBA picture over white.
fn grey(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let a = p[3] as u32;
            let over = |c: u8| (c as u32 * a + 255 * (255 - a)) / 255;
            ((over(p[0]) * 299 + over(p[1]) * 587 + over(p[2]) * 114) / 1000) as u8
        })
        .collect()
}

/// The share of pixels that differ between two pictures of one page (sizes may differ by a
/// pixel of rounding: the common part is compared).
fn difference(a: (&[u8], u32, u32), b: (&[u8], u32, u32)) -> f64 {
    let w = a.1.min(b.1);
    let h = a.2.min(b.2);
    assert!(
        a.1.abs_diff(b.1) <= 1 && a.2.abs_diff(b.2) <= 1,
        "page sizes differ"
    );
    let mut differ = 0usize;
    for y in 0..h {
        for x in 0..w {
            let pa = a.0[(y * a.1 + x) as usize];
            let pb = b.0[(y * b.1 + x) as usize];
            if pa.abs_diff(pb) > PIXEL_TOLERANCE {
                differ += 1;
            }
        }
    }
    differ as f64 / (w as f64 * h as f64)
}

#[test]
fn ofd_pages_look_like_typst_pages() {
    let engine = common::engine();
    for sample in common::samples() {
        let lb = spotcheck::input::load::load(&sample).unwrap();
        let (dir, done) = render_with_ofd(&lb);
        // The same documents laid out again, to draw with Typst's own renderer.
        let mut sources = render::typst_sources(
            &lb,
            &engine,
            &RenderOptions {
                out: dir.path().to_path_buf(),
                cases: covering_cases(&lb),
                ..RenderOptions::default()
            },
        )
        .unwrap();
        sources.extend(
            render::typst_sources(
                &lb,
                &engine,
                &RenderOptions {
                    out: dir.path().to_path_buf(),
                    kinds: CATALOG
                        .iter()
                        .filter(|k| k.scope == Scope::Batch)
                        .map(|k| k.id.to_string())
                        .collect(),
                    ..RenderOptions::default()
                },
            )
            .unwrap(),
        );
        let files: Vec<_> = spotcheck::documents::annex::annex_pages(&lb)
            .unwrap()
            .into_iter()
            .flat_map(|a| a.pages)
            .collect();
        let mut compared = 0;
        let mut worst = 0.0f64;
        for d in &done {
            let ofd: &PathBuf = d.ofd.as_ref().unwrap();
            let src = sources
                .iter()
                .find(|s| s.dir.join(&s.name).with_extension("pdf") == d.path)
                .unwrap_or_else(|| panic!("no source for {}", d.path.display()));
            let layout = engine
                .install(|| {
                    engine.layout(
                        &DocSource {
                            main_name: src.name.clone(),
                            label: src.name.clone(),
                            ident: src.name.clone(),
                            date: lb.batch.issued_on,
                        },
                        src.text.clone(),
                        &files,
                    )
                })
                .unwrap();
            let mut reader = OfdReader::open(ofd).unwrap();
            let body = reader.ofd().doc_bodies[0].clone();
            let doc = reader.load_document(&body).unwrap();
            for (i, page) in layout.pages().iter().enumerate() {
                let typst = typst_render::render(
                    page,
                    &typst_render::RenderOptions {
                        pixel_per_pt: typst::utils::Scalar::new(DPI / 72.0),
                        render_bleed: false,
                    },
                );
                let ours = reader
                    .render_page_to_image(&doc, i, &OfdRender::with_dpi(DPI))
                    .unwrap();
                let a = grey(typst.data());
                let b = grey(ours.as_raw());
                let share = difference(
                    (&a, typst.width(), typst.height()),
                    (&b, ours.width(), ours.height()),
                );
                if std::env::var_os("SPOTCHECK_OFD_PICTURES").is_some() {
                    let stem =
                        format!("/tmp/ofd-{}-{}-{}", d.case.replace('/', "_"), d.kind, i + 1);
                    ours.save(format!("{stem}-ofd.png")).unwrap();
                    typst.save_png(format!("{stem}-typst.png")).unwrap();
                }
                assert!(
                    share <= PAGE_TOLERANCE,
                    "{} page {}: {:.2}% of the pixels differ from Typst's rendering",
                    ofd.display(),
                    i + 1,
                    share * 100.0
                );
                worst = worst.max(share);
                compared += 1;
            }
        }
        assert!(compared > 10, "{}", sample.display());
        eprintln!(
            "{}: {compared} pages compared, at most {:.3}% of pixels differ",
            sample.display(),
            worst * 100.0
        );
    }
}

#[test]
fn ofd_files_are_byte_reproducible() {
    let lb = common::sample();
    let case = lb.cases[0].case.id.clone();
    let opts = || RenderOptions {
        cases: vec![case.clone()],
        ofd: true,
        ..RenderOptions::default()
    };
    let (a, done_a) = common::render_all(&lb, opts());
    let (b, _) = common::render_all(&lb, opts());
    for d in &done_a {
        let ofd = d.ofd.as_ref().unwrap();
        let rel = ofd.strip_prefix(a.path()).unwrap();
        assert_eq!(
            std::fs::read(ofd).unwrap(),
            std::fs::read(b.path().join(rel)).unwrap(),
            "{} differs between two runs",
            rel.display()
        );
    }
}

#[test]
fn without_ofd_no_ofd_is_written() {
    let lb = common::sample();
    let (dir, done) = common::render_all(
        &lb,
        RenderOptions {
            cases: vec![lb.cases[0].case.id.clone()],
            ..RenderOptions::default()
        },
    );
    assert!(done.iter().all(|d| d.ofd.is_none()));
    let any = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.path().extension().is_some_and(|x| x == "ofd"));
    assert!(!any, "an OFD was written without --ofd");
}

#[test]
fn build_with_ofd_archives_each_ofd_beside_its_pdf_and_verifies() {
    // The smaller sample, through the command line as a clerk runs it.
    let sample = common::samples()
        .into_iter()
        .find(|s| s.ends_with("donghu-2024-1"))
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let status = common::spotcheck()
        .args(["build", sample.to_str().unwrap(), "-o"])
        .arg(out.path())
        .args(["--ofd", "-q"])
        .status()
        .unwrap();
    assert!(status.success());
    let archive = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "zip"))
        .expect("the archive");
    let files = entries(&archive);
    let names: BTreeSet<&String> = files.iter().map(|(n, _)| n).collect();
    let manifest = files
        .iter()
        .find(|(n, _)| n.ends_with("/manifest-sha256.txt"))
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .expect("the manifest");
    let pdfs: Vec<&&String> = names
        .iter()
        .filter(|n| n.contains("/data/documents/") && n.ends_with(".pdf"))
        .collect();
    assert!(pdfs.len() > 100, "{} PDFs", pdfs.len());
    for pdf in pdfs {
        let ofd = pdf.replace(".pdf", ".ofd");
        assert!(names.contains(&ofd), "{ofd} is not in the archive");
        let rel = ofd.split_once("/data/").unwrap().1;
        assert!(
            manifest.contains(&format!("data/{rel}")),
            "{ofd} is not in the manifest"
        );
    }
    let verify = common::spotcheck()
        .args(["verify"])
        .arg(&archive)
        .output()
        .unwrap();
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

#[test]
fn ofd_in_batch_yaml_makes_ofd_the_default() {
    let batch = common::copy_sample();
    let yaml = batch.path().join("batch.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}\nofd: true\n")).unwrap();
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    assert!(lb.batch.ofd);
    let (dir, done) = common::render_all(
        &lb,
        RenderOptions {
            cases: vec![lb.cases[0].case.id.clone()],
            ..RenderOptions::default()
        },
    );
    assert!(!done.is_empty());
    for d in &done {
        let ofd = d.ofd.as_ref().expect("an OFD without --ofd");
        assert!(ofd.starts_with(dir.path()) && ofd.is_file());
    }
}

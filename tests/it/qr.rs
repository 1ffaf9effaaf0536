//! Every page proves where it came from: the QR code of a page, rendered in process and read
//! back with a QR decoder, names its batch, case, kind, copy, page and case file; `verify
//! --qr` finds the record and sees a changed case file; `verify --document` finds an archived
//! PDF, and not a changed or a stranger one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};
use sha2::{Digest, Sha256};
use spotcheck::archive;
use spotcheck::documents::qr::{HASH_DIGITS, PageMark};
use spotcheck::documents::render::{self, RenderOptions, Rendered};
use spotcheck::input::load::{self, LoadedBatch};

use crate::common::*;

/// Resolutions a page must be read at: an office scanner's 300 dpi and a low 200 dpi (about
/// what a phone's photo of a page gives), where a module of 0.33 mm is 2.6 pixels wide.
const DPIS: [f32; 2] = [200.0, 300.0];

/// The QR texts of the lower right corner of every page of a PDF, read back from the pages
/// rasterized by hayro: a page's text when every resolution of [`DPIS`] reads the same
/// (none otherwise).
fn page_codes(pdf: &Path) -> Vec<Option<String>> {
    let read = read_codes(pdf);
    read.into_iter()
        .map(|texts| {
            let first = texts.first().cloned().flatten();
            texts.iter().all(|t| *t == first).then_some(first).flatten()
        })
        .collect()
}

/// The QR text of each page at each resolution of [`DPIS`].
fn read_codes(pdf: &Path) -> Vec<Vec<Option<String>>> {
    let bytes = std::fs::read(pdf).unwrap();
    let doc = Pdf::new(Arc::new(bytes)).unwrap();
    let settings = InterpreterSettings::default();
    let cache = RenderCache::new();
    doc.pages()
        .iter()
        .map(|page| {
            DPIS.iter()
                .map(|dpi| {
                    let scale = dpi / 72.0;
                    let rs = RenderSettings {
                        x_scale: scale,
                        y_scale: scale,
                        bg_color: WHITE,
                        ..RenderSettings::default()
                    };
                    let pixmap = hayro::render(page, &cache, &settings, &rs);
                    let (w, h) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
                    let data = pixmap.data();
                    // The lower right quarter of the page's width and a tenth of its height.
                    let (x0, y0) = (w * 3 / 4, h * 9 / 10);
                    let mut img =
                        rqrr::PreparedImage::prepare_from_greyscale(w - x0, h - y0, |x, y| {
                            let p = data[(y0 + y) * w + x0 + x];
                            let y =
                                299 * u32::from(p.r) + 587 * u32::from(p.g) + 114 * u32::from(p.b);
                            (y / 1000) as u8
                        });
                    let grids = img.detect_grids();
                    grids.first().and_then(|g| g.decode().ok()).map(|(_, t)| t)
                })
                .collect()
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The first case of `lb` that has an inspection report.
fn tested_case(lb: &LoadedBatch) -> usize {
    lb.cases
        .iter()
        .position(|c| c.case.is_tested())
        .expect("each sample has a tested case")
}

fn render_case(lb: &LoadedBatch, out: &Path, case: &str) -> Vec<Rendered> {
    let opts = RenderOptions {
        out: out.to_path_buf(),
        cases: vec![case.to_string()],
        ..Default::default()
    };
    render::render(lb, &engine(), &opts).unwrap_or_else(|e| panic!("render failed:\n{e}"))
}

#[test]
fn every_page_of_a_case_document_carries_a_code_naming_its_record() {
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let ci = tested_case(&lb);
        let lc = &lb.cases[ci];
        let file_sha = sha256_hex(&std::fs::read(dir.join(&lc.file)).unwrap());
        let out = tempfile::tempdir().unwrap();
        let done = render_case(&lb, out.path(), &lc.case.id);
        for kind in ["report", "sampling-sheet", "payment-slip", "notice"] {
            let d = done.iter().find(|d| d.kind == kind).unwrap();
            let codes = page_codes(&d.path);
            assert_eq!(codes.len(), d.pages);
            for (i, code) in codes.iter().enumerate() {
                let text = code.as_deref().unwrap_or_else(|| {
                    panic!("{}: no QR code read on page {}", d.path.display(), i + 1)
                });
                let mark = PageMark::parse(text).unwrap();
                // Modules of a third of a millimetre or more, in the 16 mm square.
                let side = spotcheck::documents::qr::modules(text).split('/').count();
                assert!(16.0 / side as f64 >= 0.33, "{side} modules: {text}");
                assert_eq!(
                    mark,
                    PageMark {
                        batch: lb.batch.id.clone(),
                        case: lc.case.id.clone(),
                        kind: kind.to_string(),
                        copy: 1,
                        page: i + 1,
                        case_sha256: Some(file_sha[..HASH_DIGITS].to_string()),
                    },
                    "{}",
                    d.path.display()
                );
            }
        }
    }
}

#[test]
fn a_draft_names_no_case_file() {
    let lb = sample();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: out.path().to_path_buf(),
        cases: vec!["JZ-2023-001".into()],
        kinds: vec!["sampling-sheet".into()],
        draft: true,
        ..Default::default()
    };
    let done = render::render(&lb, &engine(), &opts).unwrap();
    let code = page_codes(&done[0].path)
        .remove(0)
        .expect("a code on the draft");
    assert_eq!(PageMark::parse(&code).unwrap().case_sha256, None, "{code}");
}

/// One case of the sample rendered and packed into an archive: the zip, and the documents.
fn archive_of_case(dir: &Path, case: &str, out: &Path) -> (PathBuf, Vec<Rendered>) {
    let lb = load::load(dir).unwrap();
    let done = render_case(&lb, &out.join("out"), case);
    let mut payload = archive::source_payload(&lb).unwrap();
    payload.extend(archive::output_payload(&out.join("out"), &done, &[]).unwrap());
    let zip = out.join(format!("{}.zip", lb.batch.id));
    archive::write_bag(&lb, payload, &zip, None).unwrap();
    (zip, done)
}

fn verify_cmd(zip: &Path, args: &[&str]) -> (i32, String) {
    let o = spotcheck()
        .arg("verify")
        .arg(zip)
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn verify_qr_finds_the_record_of_a_scanned_page_and_sees_a_changed_case_file() {
    let work = tempfile::tempdir().unwrap();
    let batch = copy_sample();
    let (zip, done) = archive_of_case(batch.path(), "JZ-2023-001", work.path());
    let report = done.iter().find(|d| d.kind == "report").unwrap();
    let scanned = page_codes(&report.path)[1]
        .clone()
        .expect("page 2 has a code");

    let (code, out) = verify_cmd(&zip, &["--qr", &scanned]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("案例 JZ-2023-001，文书 report，第 1 联，第 2 页"),
        "{out}"
    );
    assert!(
        out.contains("归档中的记录：data/documents/cases/JZ-2023-001/report.pdf"),
        "{out}"
    );
    assert!(out.contains("SHA-256 一致"), "{out}");

    // The case file changes after the archive was made; the page printed from it now says so.
    let lb = load::load(batch.path()).unwrap();
    let file = batch.path().join(&lb.case("JZ-2023-001").unwrap().file);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("{text}\n# 补充说明\n")).unwrap();
    let lb = load::load(batch.path()).unwrap();
    let again = tempfile::tempdir().unwrap();
    let done = render_case(&lb, again.path(), "JZ-2023-001");
    let report = done.iter().find(|d| d.kind == "report").unwrap();
    let scanned = page_codes(&report.path)[0].clone().unwrap();
    let (code, out) = verify_cmd(&zip, &["--qr", &scanned]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("案例文件已改动"), "{out}");

    // A text that is not ours is refused as such.
    let (code, out) = verify_cmd(&zip, &["--qr", "https://example.com/"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("不是 spotcheck 文书页面的二维码"), "{out}");
}

#[test]
fn verify_document_finds_an_archived_pdf_and_not_a_changed_or_a_stranger_one() {
    let work = tempfile::tempdir().unwrap();
    let (zip, done) = archive_of_case(&sample_dir(), "JZ-2023-001", work.path());
    let sheet = done.iter().find(|d| d.kind == "sampling-sheet").unwrap();
    let (code, out) = verify_cmd(&zip, &["--document", sheet.path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("逐字节相同（案例 JZ-2023-001，文书 sampling-sheet）"),
        "{out}"
    );

    let changed = work.path().join("changed.pdf");
    let mut bytes = std::fs::read(&sheet.path).unwrap();
    let at = bytes.len() / 2;
    bytes[at] ^= 1;
    std::fs::write(&changed, &bytes).unwrap();
    let (code, out) = verify_cmd(&zip, &["--document", changed.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("不在归档中"), "{out}");

    // A sampling sheet of the other sample: a real spotcheck PDF, but not one of this archive.
    let other_dir = samples().into_iter().find(|d| *d != sample_dir()).unwrap();
    let other = load::load(&other_dir).unwrap();
    let id = other
        .cases
        .iter()
        .find(|c| c.case.is_tested())
        .unwrap()
        .case
        .id
        .clone();
    let stranger_dir = tempfile::tempdir().unwrap();
    let stranger = render_case(&other, stranger_dir.path(), &id);
    let stranger = &stranger
        .iter()
        .find(|d| d.kind == "sampling-sheet")
        .unwrap()
        .path;
    let (code, out) = verify_cmd(&zip, &["--document", stranger.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("不在归档中"), "{out}");
}

#[test]
fn a_report_longer_than_the_first_codes_still_has_a_code_on_every_page() {
    let batch = copy_sample();
    let items: Vec<serde_yaml::Value> = (1..=90)
        .map(|i| {
            serde_yaml::from_str(&format!(
                "{{ name: 项目{i}, requirement: ≥ {i}.0, result: \"{i}.5\", unit: MPa, verdict: pass }}"
            ))
            .unwrap()
        })
        .collect();
    edit_yaml(&batch.path().join("cases/jz-001.yaml"), |case| {
        case["inspection"]["items"] = serde_yaml::Value::Sequence(items);
    });
    let lb = load::load(batch.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: out.path().to_path_buf(),
        cases: vec!["JZ-2023-001".into()],
        kinds: vec!["report".into()],
        ..Default::default()
    };
    let done = render::render(&lb, &engine(), &opts).unwrap();
    let report = &done[0];
    let at_first = render::qr_pages_at_first(spotcheck::input::kinds::find("report").unwrap());
    assert!(report.pages > at_first, "{} pages", report.pages);
    let codes = page_codes(&report.path);
    let last = codes
        .last()
        .unwrap()
        .as_deref()
        .expect("a code on the last page");
    assert_eq!(PageMark::parse(last).unwrap().page, report.pages);
}

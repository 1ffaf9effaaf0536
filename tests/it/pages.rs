//! The pages as pictures. Tests that read the extracted text cannot see a wrong glyph (the
//! Fandol fonts draw ￥ as a dollar sign while the text still says ￥), so every page of one
//! document of each kind is rasterized from the PDF as written and compared with a reviewed
//! reference image, `tests/refs/<sample>/<document>-p<N>.png`. Updating them, and why the
//! resolution and the tolerance are what they are: tests/refs/README.md.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};
use spotcheck::documents::render::{self, RenderOptions};
use spotcheck::input::kinds::{self, CATALOG, Scope};
use spotcheck::input::load::{self, LoadedBatch};

use crate::common::{engine, pdf_text};

/// The sample batches whose pages are compared, by folder name under samples/. Adding a
/// sample is one line here, then `SPOTCHECK_UPDATE_REFS=1 cargo test --test it pages`.
const SAMPLES: &[&str] = &["jincheng-2023-1", "donghu-2024-1", "hexi-2024-2"];

/// Rasterization resolution: at 110 dpi a wrong glyph or digit in 10.5 pt text changes at
/// least 48 pixels by more than [`THRESHOLD`] (tests/refs/README.md), 12 times [`MAX_DIFFERING`].
const DPI: f32 = 110.0;
/// A pixel differs when its gray value (0–255) differs by more than this: room for the
/// rounding of anti-aliasing, should a renderer take another arithmetic path.
const THRESHOLD: u8 = 4;
/// A page fails when more than this many pixels differ. Rendering is deterministic: two
/// renders of a page differ in no pixel at all.
const MAX_DIFFERING: usize = 4;

/// Set to 1 to rewrite the references instead of comparing with them.
const UPDATE_VAR: &str = "SPOTCHECK_UPDATE_REFS";
const UPDATE_COMMAND: &str = "SPOTCHECK_UPDATE_REFS=1 cargo test --test it pages";

fn updating() -> bool {
    std::env::var(UPDATE_VAR).is_ok_and(|v| !v.is_empty() && v != "0")
}

fn sample_path(sample: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(sample)
}

fn load_sample(sample: &str) -> LoadedBatch {
    load::load(&sample_path(sample)).unwrap_or_else(|e| panic!("sample {sample} must load:\n{e}"))
}

fn refs_dir(sample: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/refs")
        .join(sample)
}

/// Where a failing comparison leaves the new page and the diff image: `page-diffs/<sample>/`
/// in Cargo's target folder (the test binary is `<target>/<profile>/deps/it-…`), so
/// `target/page-diffs/<sample>/` normally.
fn diffs_dir(sample: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe
        .ancestors()
        .nth(3)
        .expect("the test binary lies in <target>/<profile>/deps");
    target.join("page-diffs").join(sample)
}

/// An 8-bit grayscale image.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Gray {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) px: Vec<u8>,
}

/// Every page of a PDF file, rasterized by hayro at [`DPI`] on white, in gray. The PDFs embed
/// all their fonts: a font hayro would have to find itself, or any warning of hayro's, fails
/// the test rather than giving a picture that is not the document's.
pub(crate) fn rasterize(pdf: &Path) -> Vec<Gray> {
    let bytes = std::fs::read(pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    let doc = Pdf::new(Arc::new(bytes)).unwrap_or_else(|e| panic!("{}: {e:?}", pdf.display()));
    let problems = Arc::new(Mutex::new(Vec::<String>::new()));
    let (fonts, warnings) = (problems.clone(), problems.clone());
    let settings = InterpreterSettings {
        font_resolver: Arc::new(move |_| {
            fonts.lock().unwrap().push("a font is not embedded".into());
            None
        }),
        warning_sink: Arc::new(move |w| warnings.lock().unwrap().push(format!("{w:?}"))),
        ..InterpreterSettings::default()
    };
    let scale = DPI / 72.0;
    let render_settings = RenderSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
        ..RenderSettings::default()
    };
    let cache = RenderCache::new();
    let pages = doc
        .pages()
        .iter()
        .map(|page| {
            let pixmap = hayro::render(page, &cache, &settings, &render_settings);
            // Opaque on white, so premultiplied is plain RGB. ITU-R BT.601 luma, in integers.
            let px = pixmap
                .data()
                .iter()
                .map(|p| {
                    let y = 299 * u32::from(p.r) + 587 * u32::from(p.g) + 114 * u32::from(p.b);
                    ((y + 500) / 1000) as u8
                })
                .collect();
            Gray {
                width: u32::from(pixmap.width()),
                height: u32::from(pixmap.height()),
                px,
            }
        })
        .collect();
    let problems = problems.lock().unwrap();
    assert!(
        problems.is_empty(),
        "{}: hayro cannot render it faithfully: {problems:?}",
        pdf.display()
    );
    pages
}

fn png_bytes(width: u32, height: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, width, height);
    enc.set_color(color);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::High);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(data).unwrap();
    w.finish().unwrap();
    out
}

fn gray_png(img: &Gray) -> Vec<u8> {
    png_bytes(img.width, img.height, png::ColorType::Grayscale, &img.px)
}

/// A reference image, or why it cannot be used.
fn read_png(path: &Path) -> Result<Gray, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .map_err(|e| e.to_string())?;
    let mut px = vec![0; reader.output_buffer_size().ok_or("image too large")?];
    let info = reader.next_frame(&mut px).map_err(|e| e.to_string())?;
    if (info.color_type, info.bit_depth) != (png::ColorType::Grayscale, png::BitDepth::Eight) {
        return Err(format!(
            "{:?} {:?}, not 8-bit grayscale",
            info.color_type, info.bit_depth
        ));
    }
    px.truncate(info.buffer_size());
    Ok(Gray {
        width: info.width,
        height: info.height,
        px,
    })
}

/// Writes through a temporary file and a rename, so that no reader sees half a file.
fn write_file(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// A page against its reference.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// At most [`MAX_DIFFERING`] pixels differ (their number).
    Same(usize),
    /// More pixels differ (their number).
    Differs(usize),
    /// The sizes differ: the reference's, the page's.
    Size((u32, u32), (u32, u32)),
}

impl Verdict {
    fn fails(&self) -> bool {
        !matches!(self, Verdict::Same(_))
    }
}

fn compare(reference: &Gray, new: &Gray) -> Verdict {
    if (reference.width, reference.height) != (new.width, new.height) {
        return Verdict::Size((reference.width, reference.height), (new.width, new.height));
    }
    let n = reference
        .px
        .iter()
        .zip(&new.px)
        .filter(|(a, b)| a.abs_diff(**b) > THRESHOLD)
        .count();
    if n > MAX_DIFFERING {
        Verdict::Differs(n)
    } else {
        Verdict::Same(n)
    }
}

/// The reference faded to a quarter of its contrast, differing pixels in red; over the larger
/// of the two sizes, where a pixel in only one of the images differs.
fn diff_png(reference: &Gray, new: &Gray) -> Vec<u8> {
    let (w, h) = (
        reference.width.max(new.width),
        reference.height.max(new.height),
    );
    let at = |img: &Gray, x: u32, y: u32| {
        (x < img.width && y < img.height).then(|| img.px[(y * img.width + x) as usize])
    };
    let mut rgb = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            match (at(reference, x, y), at(new, x, y)) {
                (Some(a), Some(b)) if a.abs_diff(b) <= THRESHOLD => {
                    let faded = 255 - (255 - a) / 4;
                    rgb.extend([faded, faded, faded]);
                }
                _ => rgb.extend([255, 0, 0]),
            }
        }
    }
    png_bytes(w, h, png::ColorType::Rgb, &rgb)
}

/// One document looked at: its file stem (the kind, or `summary-table-01` for a part of a
/// long list), its kind, its case (per-case kinds) and the PDF written.
struct Doc {
    stem: String,
    kind: &'static str,
    case: Option<String>,
    path: PathBuf,
}

fn page_name(stem: &str, page: usize) -> String {
    format!("{stem}-p{page}")
}

/// For each per-case kind, the first case (by id) to which it applies; a kind that applies to
/// no case of the sample is left out. Case id → its kinds.
fn chosen_cases(lb: &LoadedBatch) -> BTreeMap<String, Vec<String>> {
    let mut cases: Vec<_> = lb.cases.iter().map(|lc| &lc.case).collect();
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    let mut by_case: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for kind in CATALOG.iter().filter(|k| k.scope == Scope::Case) {
        if let Some(c) = cases.iter().find(|c| (kind.applies)(c)) {
            by_case
                .entry(c.id.clone())
                .or_default()
                .push(kind.id.to_string());
        }
    }
    by_case
}

/// Renders into `out` the documents chosen from a batch, and only those: one render per
/// chosen case with its kinds, and one of the per-batch kinds (made when no case is selected).
fn render_chosen(lb: &LoadedBatch, out: &Path, templates: Option<&Path>) -> Vec<Doc> {
    let mut selections: Vec<(Vec<String>, Vec<String>)> = chosen_cases(lb)
        .into_iter()
        .map(|(case, kinds)| (vec![case], kinds))
        .collect();
    let batch_kinds = CATALOG.iter().filter(|k| k.scope == Scope::Batch);
    selections.push((vec![], batch_kinds.map(|k| k.id.to_string()).collect()));
    let mut docs = Vec::new();
    for (cases, kinds) in selections {
        docs.extend(render_docs(lb, out, templates, cases, kinds));
    }
    docs.sort_by(|a, b| a.stem.cmp(&b.stem));
    docs
}

fn render_docs(
    lb: &LoadedBatch,
    out: &Path,
    templates: Option<&Path>,
    cases: Vec<String>,
    kinds: Vec<String>,
) -> Vec<Doc> {
    let opts = RenderOptions {
        out: out.to_path_buf(),
        cases,
        kinds,
        templates: templates.map(Path::to_path_buf),
        ..RenderOptions::default()
    };
    let done =
        render::render(lb, &engine(), &opts).unwrap_or_else(|e| panic!("render failed:\n{e}"));
    done.into_iter()
        .map(|d| Doc {
            // A lab's own documents (several labs in a batch) are named by the lab too.
            stem: {
                let stem = d.path.file_stem().unwrap().to_str().unwrap().to_string();
                match &d.lab {
                    Some(lab) => format!("{lab}-{stem}"),
                    None => stem,
                }
            },
            kind: d.kind,
            case: (kinds::find(d.kind).unwrap().scope == Scope::Case).then_some(d.case),
            path: d.path,
        })
        .collect()
}

/// The rendered pages of a sample's chosen documents, and their kinds.
fn sample_pages(sample: &str, lb: &LoadedBatch) -> (Pages, Vec<&'static str>) {
    let out = tempfile::tempdir().unwrap();
    let docs = render_chosen(lb, out.path(), None);
    let mut pages = Vec::new();
    for d in &docs {
        let what = match &d.case {
            Some(c) => format!("{} of case {c}", d.stem),
            None => format!("{} of the batch", d.stem),
        };
        for (i, img) in rasterize(&d.path).into_iter().enumerate() {
            pages.push((page_name(&d.stem, i + 1), what.clone(), img));
        }
    }
    assert!(!pages.is_empty(), "sample {sample}: no page rendered");
    pages.extend(pack_pages(sample));
    (pages, docs.iter().map(|d| d.kind).collect())
}

/// The pages of the visit pack of a planned case added to the sample that are compared: the
/// route sheet (page 1) and the first copy of the sampling sheet with its blanks (page 9, after
/// the three copies of the notice, each with its blank back).
const PACK_PAGES: [usize; 2] = [1, 9];

fn pack_pages(sample: &str) -> Vec<(String, String, Gray)> {
    use spotcheck::documents::pack::{PackOptions, pack};
    let dir = crate::field::with_planned(&sample_path(sample));
    let lb = load::load(dir.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let written = pack(
        &lb,
        &engine(),
        &PackOptions {
            out: out.path().to_path_buf(),
            dates: Vec::new(),
            cases: vec!["PL-2099-001".into()],
        },
    )
    .unwrap();
    let all = rasterize(&written[0].path);
    PACK_PAGES
        .iter()
        .map(|&n| {
            (
                page_name("pack", n),
                "the visit pack of planned case PL-2099-001".to_string(),
                all[n - 1].clone(),
            )
        })
        .collect()
}

/// The reference images present for a sample, by page name.
fn existing_refs(sample: &str) -> BTreeSet<String> {
    let Ok(entries) = std::fs::read_dir(refs_dir(sample)) else {
        return BTreeSet::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect()
}

/// A sample's rendered pages: (page name, which document, image).
type Pages = Vec<(String, String, Gray)>;

/// Rewrites the references of a sample whose pixels changed and removes the stale ones.
fn update_refs(sample: &str, pages: &Pages, stale: &[String]) {
    let mut written = 0;
    for (name, _, img) in pages {
        let path = refs_dir(sample).join(format!("{name}.png"));
        if read_png(&path).ok().as_ref() != Some(img) {
            write_file(&path, &gray_png(img));
            written += 1;
        }
    }
    for name in stale {
        std::fs::remove_file(refs_dir(sample).join(format!("{name}.png"))).unwrap();
    }
    eprintln!(
        "{sample}: {written} of {} reference pages written, {} removed (tests/refs/{sample}/)",
        pages.len(),
        stale.len()
    );
}

/// Compares a sample's pages with their references: one line per failing page, its new
/// image and diff image written under [`diffs_dir`].
fn check_refs(sample: &str, pages: &Pages, stale: &[String]) -> Vec<String> {
    let diffs = diffs_dir(sample);
    let mut failures = Vec::new();
    for (name, what, img) in pages {
        let path = refs_dir(sample).join(format!("{name}.png"));
        let new = diffs.join(format!("{name}.new.png"));
        let diff = diffs.join(format!("{name}.diff.png"));
        let problem = match read_png(&path) {
            Err(e) => {
                let e = if path.exists() {
                    e
                } else {
                    "no reference".into()
                };
                write_file(&new, &gray_png(img));
                format!(
                    "{e}: tests/refs/{sample}/{name}.png\n      new:  {}",
                    new.display()
                )
            }
            Ok(reference) => {
                let how = match compare(&reference, img) {
                    Verdict::Same(_) => continue,
                    Verdict::Differs(n) => format!("{n} pixels differ"),
                    Verdict::Size((rw, rh), (w, h)) => {
                        format!("the page is {w}×{h} pixels, the reference {rw}×{rh}")
                    }
                };
                write_file(&new, &gray_png(img));
                write_file(&diff, &diff_png(&reference, img));
                format!(
                    "{how}\n      new:  {}\n      diff: {}",
                    new.display(),
                    diff.display()
                )
            }
        };
        failures.push(format!("  {sample}/{name} ({what}): {problem}"));
    }
    for name in stale {
        failures.push(format!(
            "  {sample}/{name}: tests/refs/{sample}/{name}.png is the reference of a page no longer made"
        ));
    }
    failures
}

#[test]
fn pages_match_their_references() {
    let mut covered = BTreeSet::new();
    let mut failures = Vec::new();
    let mut total = 0;
    for sample in SAMPLES {
        let lb = load_sample(sample);
        let (pages, kinds) = sample_pages(sample, &lb);
        covered.extend(kinds);
        total += pages.len();
        let made: BTreeSet<&str> = pages.iter().map(|(n, _, _)| n.as_str()).collect();
        let stale: Vec<String> = existing_refs(sample)
            .into_iter()
            .filter(|r| !made.contains(r.as_str()))
            .collect();
        // Images of an earlier failing run would mislead.
        let _ = std::fs::remove_dir_all(diffs_dir(sample));
        if updating() {
            update_refs(sample, &pages, &stale);
        } else {
            failures.extend(check_refs(sample, &pages, &stale));
        }
    }
    let missing: Vec<&str> = CATALOG
        .iter()
        .map(|k| k.id)
        .filter(|k| !covered.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "no sample makes a document of the kinds {missing:?}: add a case that needs them to a sample"
    );
    if !failures.is_empty() {
        let mut msg = format!(
            "{} failures, {total} pages rendered, against tests/refs/ (a pixel differs when its gray value is off by more than {THRESHOLD}; a page fails above {MAX_DIFFERING} such pixels; the diff is red where pixels differ, on a faded reference):\n",
            failures.len()
        );
        for f in &failures {
            writeln!(msg, "{f}").unwrap();
        }
        write!(
            msg,
            "Look at the images. If the change is intended, rewrite the references with\n  {UPDATE_COMMAND}\nand look at them before committing (tests/refs/README.md)."
        )
        .unwrap();
        panic!("{msg}");
    }
}

// The comparison must catch what it is for. These tests change the payment slip of the first
// sample and compare it with the committed references; they never write into tests/refs.

/// The first sample's payment slip: its case and the references of its pages (while the
/// references are being rewritten, the slip as rendered now, which is what they become).
fn slip_references(lb: &LoadedBatch) -> (String, Vec<Gray>) {
    let case = chosen_cases(lb)
        .into_iter()
        .find(|(_, kinds)| kinds.iter().any(|k| k == "payment-slip"))
        .expect("the first sample has a payment slip")
        .0;
    if updating() {
        let out = tempfile::tempdir().unwrap();
        let path = slip(lb, &case, out.path(), None);
        return (case, rasterize(&path));
    }
    let mut refs = Vec::new();
    for page in 1.. {
        let path = refs_dir(SAMPLES[0]).join(format!("{}.png", page_name("payment-slip", page)));
        if !path.exists() {
            break;
        }
        refs.push(read_png(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    }
    assert!(
        !refs.is_empty(),
        "no reference of the payment slip in tests/refs/{}/: {UPDATE_COMMAND}",
        SAMPLES[0]
    );
    (case, refs)
}

fn slip(lb: &LoadedBatch, case: &str, out: &Path, templates: Option<&Path>) -> PathBuf {
    let docs = render_docs(
        lb,
        out,
        templates,
        vec![case.to_string()],
        vec!["payment-slip".into()],
    );
    docs.into_iter().next().unwrap().path
}

/// A templates folder holding the payment slip's template, changed by `change`.
fn slip_template(change: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = kinds::find("payment-slip").unwrap();
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(source.template),
    )
    .unwrap();
    std::fs::write(dir.path().join(source.template), change(&original)).unwrap();
    dir
}

fn verdicts(refs: &[Gray], pages: &[Gray]) -> Vec<Verdict> {
    assert_eq!(refs.len(), pages.len(), "the slip's page count changed");
    refs.iter().zip(pages).map(|(r, p)| compare(r, p)).collect()
}

#[test]
fn the_untouched_payment_slip_matches_its_reference() {
    let lb = load_sample(SAMPLES[0]);
    let (case, refs) = slip_references(&lb);
    // Through a templates folder too, as the tests below: the folder alone changes nothing.
    let templates = slip_template(str::to_string);
    let out = tempfile::tempdir().unwrap();
    let pages = rasterize(&slip(&lb, &case, out.path(), Some(templates.path())));
    let v = verdicts(&refs, &pages);
    assert!(
        !v.iter().any(Verdict::fails),
        "the payment slip of {case}, rendered again, differs from its reference: {v:?}"
    );
}

#[test]
fn a_wrong_glyph_on_the_payment_slip_fails() {
    let lb = load_sample(SAMPLES[0]);
    let (case, refs) = slip_references(&lb);
    // The ￥ before the total in another font: a glyph of another shape and width.
    let templates = slip_template(|t| {
        assert!(t.contains('￥'), "the payment slip's template has no ￥");
        t.replace('￥', r#"#text(font: "FandolHei")[￥]"#)
    });
    let out = tempfile::tempdir().unwrap();
    let wrong = slip(&lb, &case, out.path(), Some(templates.path()));
    let right_dir = tempfile::tempdir().unwrap();
    let right = slip(&lb, &case, right_dir.path(), None);
    assert_eq!(
        pdf_text(&wrong),
        pdf_text(&right),
        "the text extracted is the same: only the picture shows the wrong glyph"
    );
    let v = verdicts(&refs, &rasterize(&wrong));
    assert!(
        v.iter().any(Verdict::fails),
        "a wrong ￥ on the payment slip of {case} passes the comparison: {v:?}"
    );
    eprintln!("wrong ￥ on the payment slip: {v:?}");
}

/// For each digit, the digit whose picture differs least from it in the notice number at
/// [`DPI`] (measured: 1 and 7 differ in 48 pixels, any other pair in more).
const LOOKALIKE: [char; 10] = ['6', '7', '7', '8', '1', '3', '0', '1', '3', '0'];

#[test]
fn a_changed_digit_on_the_payment_slip_fails() {
    let mut lb = load_sample(SAMPLES[0]);
    let (case, refs) = slip_references(&lb);
    // The last digit of the notice number (抽查通知书编号), replaced by its closest look-alike.
    let lc = lb.cases.iter_mut().find(|c| c.case.id == case).unwrap();
    let number = &mut lc.case.visit.notice_no;
    let (at, d) = number
        .char_indices()
        .rfind(|(_, c)| c.is_ascii_digit())
        .unwrap_or_else(|| panic!("the notice number {number} of {case} has no digit"));
    let like = LOOKALIKE[d.to_digit(10).unwrap() as usize];
    number.replace_range(at..at + 1, &like.to_string());
    let changed = number.clone();
    let out = tempfile::tempdir().unwrap();
    let pdf = slip(&lb, &case, out.path(), None);
    assert!(
        pdf_text(&pdf).contains(&changed),
        "the payment slip of {case} does not show the notice number {changed}"
    );
    let v = verdicts(&refs, &rasterize(&pdf));
    assert!(
        v.iter().any(Verdict::fails),
        "the notice number {changed} ({d} → {like}) passes the comparison: {v:?}"
    );
    eprintln!("digit {d} → {like} on the payment slip: {v:?}");
}

/// The volume's own page number (合订本 第N页) is seen whole on a bound document page: the
/// volume page is the document page plus the number, and the number stands where the document
/// page is blank. A number drawn under the QR code of a case document (as it once was) is
/// covered but for a character or two, and fails here.
#[test]
fn the_volume_number_is_seen_whole_beside_the_bound_page() {
    let lb = load_sample("jincheng-2023-1");
    let (dir, done) = crate::common::render_all(&lb, RenderOptions::default());
    let parts = spotcheck::documents::volume::bind(&lb, &engine(), &done, dir.path()).unwrap();
    let volume = rasterize(&parts[0]);
    // The volume ends with the last page of the last document of its contents.
    let contents = spotcheck::documents::volume::contents(&lb);
    let (id, kind) = contents.last().unwrap().1.last().unwrap().clone();
    let last = done
        .iter()
        .find(|d| d.case == id && d.kind == kind)
        .unwrap();
    let document = rasterize(&last.path);
    let (v, d) = (volume.last().unwrap(), document.last().unwrap());
    assert_eq!((v.width, v.height), (d.width, d.height));
    // Where the volume page is darker than the document page: the number, nothing else.
    let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
    for y in 0..v.height {
        for x in 0..v.width {
            let i = (y * v.width + x) as usize;
            if d.px[i].saturating_sub(v.px[i]) > 64 {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
    }
    assert!(x1 >= x0, "{id} {kind}: no volume number on the bound page");
    // 合订本 第N页 in 8 pt: five characters and the digits, at least 40 pt wide.
    let min_width = (40.0 * DPI / 72.0) as u32;
    assert!(
        x1 - x0 >= min_width,
        "{id} {kind}: the volume number shows {} px of at least {min_width}: covered",
        x1 - x0
    );
    // The document page is blank where the number stands.
    for y in y0..=y1 {
        for x in x0..=x1 {
            let i = (y * d.width + x) as usize;
            assert!(
                d.px[i] > 250,
                "{id} {kind}: the document page has ink at ({x}, {y}) under the volume number"
            );
        }
    }
}

//! Shared helpers: the sample batch, rendering into a temporary folder, reading PDFs back.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::documents::fonts::FontOptions;
use spotcheck::documents::render::{self, RenderOptions, Rendered};
use spotcheck::input::load::{self, LoadedBatch};

/// Every sample batch under samples/: the tests that run on one run on each.
pub fn samples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("batch.yaml").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 2, "the samples: {dirs:?}");
    dirs
}

pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/jincheng-2023-1")
}

/// One engine for the whole test binary: only embedded fonts, so results do not depend on
/// the machine.
pub fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            Engine::new(
                &FontOptions {
                    font_paths: vec![],
                    system_fonts: false,
                },
                PdfSettings::default(),
            )
        })
        .clone()
}

pub fn sample() -> LoadedBatch {
    load::load(&sample_dir()).unwrap_or_else(|e| panic!("sample batch must load:\n{e}"))
}

/// Renders a batch into a fresh temporary folder.
pub fn render_all(lb: &LoadedBatch, opts: RenderOptions) -> (tempfile::TempDir, Vec<Rendered>) {
    let dir = tempfile::tempdir().unwrap();
    let opts = RenderOptions {
        out: dir.path().to_path_buf(),
        ..opts
    };
    let done =
        render::render(lb, &engine(), &opts).unwrap_or_else(|e| panic!("render failed:\n{e}"));
    (dir, done)
}

/// The text of a PDF as written on disk, with all whitespace removed (line breaks and the
/// spacing that extraction inserts are layout, not content).
pub fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    squash(&text)
}

pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Copies the sample batch into a temporary folder so that a test can change it.
pub fn copy_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&sample_dir(), dir.path());
    dir
}

/// A copy of the folder `from` as `to` (created, with its parents).
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the sample batch with wrong evidence: case JZ-2023-001's first photo is deleted,
/// and `extra` paths are listed after case DX-2023-001's evidence. Returns the copy and the
/// path of DX-2023-001's case file.
pub fn sample_with_bad_evidence(extra: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let batch = copy_sample();
    std::fs::remove_file(batch.path().join("evidence/JZ-2023-001/现场照片1.jpg")).unwrap();
    let case = batch.path().join("cases/dx-001.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    let last = "  - evidence/DX-2023-001/库存.jpg";
    assert!(
        text.contains(last),
        "the sample's DX-2023-001 evidence changed"
    );
    let added: String = extra.iter().map(|p| format!("\n  - {p}")).collect();
    std::fs::write(&case, text.replacen(last, &format!("{last}{added}"), 1)).unwrap();
    (batch, case)
}

/// The binary in the locale `locale` (`LC_ALL`), with `LANG` and `LC_MESSAGES` of the machine
/// running the tests removed; `None` removes `LC_ALL` too, leaving only what the caller sets.
pub fn spotcheck_in(locale: Option<&str>) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_spotcheck"));
    c.env_remove("LANG").env_remove("LC_MESSAGES");
    match locale {
        Some(l) => c.env("LC_ALL", l),
        None => c.env_remove("LC_ALL"),
    };
    c
}

/// The binary, speaking Chinese whatever the locale of the machine running the tests: the one
/// way the tests run it.
pub fn spotcheck() -> std::process::Command {
    spotcheck_in(Some("C.UTF-8"))
}

/// `spotcheck ARGS…`, run to its end.
pub fn run(args: &[&str]) -> std::process::Output {
    spotcheck().args(args).output().unwrap()
}

/// A YAML file of a copied batch, read, changed by `f` through its value, and written back.
pub fn edit_yaml(path: &Path, f: impl FnOnce(&mut serde_yaml::Value)) {
    let mut v: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(path, serde_yaml::to_string(&v).unwrap()).unwrap();
}

/// The first `from` in a file of a copied batch replaced by `to`, as text (comments and layout
/// kept); returns the 1-based line where `from` was.
pub fn replace_in(path: &Path, from: &str, to: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("“{from}” not in {}", path.display()));
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    text[..at].matches('\n').count() + 1
}

/// `spotcheck render` of one document of the sample (JZ-2023-001's notice) into `out`.
pub fn render_one_notice(out: &Path) -> std::process::Command {
    let mut c = spotcheck();
    c.args([
        "render",
        sample_dir().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ])
    .args([
        "--case",
        "JZ-2023-001",
        "--kind",
        "notice",
        "--no-system-fonts",
    ]);
    c
}

/// What a clerk reads of a finding or a report, in Chinese (the tests' language).
pub trait Zh {
    fn zh(&self) -> String;
}

impl Zh for spotcheck::diag::Diagnostic {
    fn zh(&self) -> String {
        self.message.in_lang(spotcheck::messages::Lang::Zh)
    }
}

impl Zh for spotcheck::archive::bagit::Finding {
    fn zh(&self) -> String {
        self.message.in_lang(spotcheck::messages::Lang::Zh)
    }
}

impl Zh for spotcheck::archive::verify::VerifyReport {
    fn zh(&self) -> String {
        self.in_lang(spotcheck::messages::Lang::Zh)
    }
}

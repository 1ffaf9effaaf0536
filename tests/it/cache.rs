//! The build cache: a build into a folder that holds an earlier build makes again only the
//! documents whose inputs changed, and its result is byte for byte a clean build's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{copy_dir, pdf_text, replace_in, spotcheck};

/// The third sample: two labs, online lots, a re-test (every path of a document).
fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/hexi-2024-2")
}

/// `spotcheck build BATCH -o OUT --format json` at a fixed time, and what it said.
fn build(batch: &Path, out: &Path, extra: &[&str]) -> serde_json::Value {
    let o = spotcheck()
        .env("SOURCE_DATE_EPOCH", "1772600768")
        .args([
            "build",
            batch.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Every file of an output folder but the cache's, by its path in the folder.
fn files(out: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            (rel.to_string_lossy().into_owned(), e.path().to_path_buf())
        })
        .filter(|(rel, _)| !rel.starts_with(".cache"))
        .map(|(rel, path)| (rel, std::fs::read(path).unwrap()))
        .collect()
}

fn assert_same_files(a: &Path, b: &Path) {
    let (fa, fb) = (files(a), files(b));
    assert_eq!(
        fa.keys().collect::<Vec<_>>(),
        fb.keys().collect::<Vec<_>>(),
        "the two builds wrote other files"
    );
    let differ: Vec<&String> = fa.keys().filter(|k| fa[*k] != fb[*k]).collect();
    assert!(differ.is_empty(), "files that differ: {differ:?}");
}

/// How many PDFs a folder holds (not those of its subfolders).
fn pdfs_in(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count() as u64
}

fn count(v: &serde_json::Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("no {key} in {v}"))
}

/// A copy of the sample, and the case file whose telephone number the tests change, with the
/// case's id.
fn copied() -> (tempfile::TempDir, PathBuf, String) {
    let batch = tempfile::tempdir().unwrap();
    copy_dir(&sample(), batch.path());
    let mut cases: Vec<PathBuf> = std::fs::read_dir(batch.path().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::read_to_string(p).unwrap().contains("  phone: \""))
        .collect();
    cases.sort();
    let file = cases
        .first()
        .expect("a case with a telephone number")
        .clone();
    let text = std::fs::read_to_string(&file).unwrap();
    let id = text
        .lines()
        .find_map(|l| l.strip_prefix("id: "))
        .expect("the case's id")
        .trim()
        .to_string();
    (batch, file, id)
}

#[test]
fn a_rebuild_after_one_case_changed_remakes_only_its_documents_and_equals_a_clean_build() {
    let (batch, file, id) = copied();
    let out = tempfile::tempdir().unwrap();
    let first = build(batch.path(), out.path(), &[]);
    assert_eq!(count(&first, "reused"), 0, "a first build reuses nothing");
    let documents = count(&first, "documents");

    // Nothing changed: every document is reused, and nothing on the disk changes.
    let before = files(out.path());
    let again = build(batch.path(), out.path(), &[]);
    assert_eq!(count(&again, "reused"), documents);
    assert_eq!(
        before,
        files(out.path()),
        "a rebuild of the same batch changed files"
    );

    // One case's telephone number changed: its last digit another.
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("  phone: \"").unwrap() + "  phone: \"".len();
    let end = start + text[start..].find('"').unwrap();
    let last = text[..end].chars().last().unwrap().to_digit(10).unwrap();
    let phone = format!("{}{}", &text[start..end - 1], (last + 1) % 10);
    replace_in(&file, &text[start..end], &phone);
    let changed = build(batch.path(), out.path(), &[]);
    let reused = count(&changed, "reused");
    let own = pdfs_in(&out.path().join("cases").join(&id));
    assert!(own >= 4, "{id} has {own} documents");
    // The case's documents are made again, and at most the batch's own beside them.
    let batch_docs = pdfs_in(&out.path().join("batch"));
    assert!(
        reused <= documents - own && reused >= documents - own - 3 * batch_docs,
        "{reused} of {documents} reused; {id} has {own}"
    );
    let notice = out
        .path()
        .join("cases")
        .join(&id)
        .join("sampling-sheet.pdf");
    let text = pdf_text(&notice);
    assert!(text.contains(&phone), "{}: no {phone}", notice.display());

    // Byte for byte what a clean build of the changed batch writes.
    let clean = tempfile::tempdir().unwrap();
    let fresh = build(batch.path(), clean.path(), &["--no-cache"]);
    assert_eq!(count(&fresh, "reused"), 0);
    assert!(!clean.path().join(".cache").exists());
    assert_same_files(out.path(), clean.path());
}

#[test]
fn a_changed_template_or_a_kept_file_edited_in_place_is_made_again() {
    let (batch, _, _) = copied();
    let out = tempfile::tempdir().unwrap();
    let first = build(batch.path(), out.path(), &[]);
    let documents = count(&first, "documents");

    // A kept file changed in place (through its name in the output folder): made again.
    let sheet = walkdir::WalkDir::new(out.path().join("cases"))
        .into_iter()
        .map(Result::unwrap)
        .find(|e| e.file_name() == "sampling-sheet.pdf")
        .expect("a sampling sheet")
        .into_path();
    let good = std::fs::read(&sheet).unwrap();
    let mut bad = good.clone();
    let at = bad.len() / 2;
    bad[at] ^= 0x20;
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&sheet)
            .unwrap();
        f.seek(SeekFrom::Start(at as u64)).unwrap();
        f.write_all(&bad[at..=at]).unwrap();
    }
    let again = build(batch.path(), out.path(), &[]);
    assert_eq!(count(&again, "reused"), documents - 1);
    assert_eq!(
        std::fs::read(&sheet).unwrap(),
        good,
        "the edited file was kept"
    );

    // Another template: nothing is reused, and the result is what a clean build with it makes.
    let templates = tempfile::tempdir().unwrap();
    let name = "sampling-sheet.typ.tera";
    let builtin = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("templates")
            .join(name),
    )
    .unwrap();
    std::fs::write(
        templates.path().join(name),
        format!("{builtin}\n// 本地修改\n"),
    )
    .unwrap();
    let t = ["--templates", templates.path().to_str().unwrap()];
    let other = build(batch.path(), out.path(), &t);
    assert_eq!(count(&other, "reused"), 0);
    let clean = tempfile::tempdir().unwrap();
    build(batch.path(), clean.path(), &t);
    assert_same_files(out.path(), clean.path());
    // Back to the built-in templates: made again, not taken from a build two runs back.
    let back = build(batch.path(), out.path(), &[]);
    assert_eq!(count(&back, "reused"), 0);
}

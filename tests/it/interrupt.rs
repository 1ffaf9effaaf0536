//! Interruption: a build killed at any moment leaves the previous outputs and archive intact
//! and readable, and a rerun completes (issue: hostile input, "Interruption").

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use spotcheck::archive::verify::{VerifyOptions, verify};

use crate::common::{render_one_notice, sample_dir};

fn build(out: &Path) -> Command {
    let mut c = crate::common::spotcheck_in(None);
    c.args([
        "build",
        sample_dir().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ])
    .args(["--no-system-fonts"])
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    c
}

/// Every output a reader would open: each PDF parses and has pages, the spreadsheet is a zip,
/// the archive verifies. No final name holds a partial file.
fn assert_outputs_whole(out: &Path, when: &str) {
    let mut pdfs = 0;
    for entry in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if !entry.file_type().is_file() || name.starts_with(".spotcheck-") {
            continue;
        }
        let path = entry.path();
        if name.ends_with(".pdf") {
            let doc = lopdf::Document::load(path)
                .unwrap_or_else(|e| panic!("{when}: {} unreadable: {e}", path.display()));
            assert!(
                !doc.get_pages().is_empty(),
                "{when}: {} has no pages",
                path.display()
            );
            pdfs += 1;
        } else if name.ends_with(".xlsx") {
            let f = std::fs::File::open(path).unwrap();
            zip::ZipArchive::new(f)
                .unwrap_or_else(|e| panic!("{when}: {} unreadable: {e}", path.display()));
        }
    }
    assert!(
        pdfs > 100,
        "{when}: the previous documents are still there ({pdfs})"
    );
    let report = verify(&out.join("JC-2023-01.zip"), &VerifyOptions::default());
    assert_eq!(
        report.verdict,
        spotcheck::archive::verify::Verdict::Intact,
        "{when}: the archive must stay valid: {:?}",
        report.findings
    );
}

#[test]
fn a_build_killed_at_random_moments_leaves_every_output_whole_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");

    let started = Instant::now();
    let first = build(&out).output().unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let full = started.elapsed();
    let archive = std::fs::read(out.join("JC-2023-01.zip")).unwrap();
    assert_outputs_whole(&out, "after the first build");
    // A build into a folder that holds one reuses its documents (the build cache), and is
    // shorter: the kills of odd rounds fall within such a build, those of even rounds within
    // a whole one (`--no-cache`).
    let started = Instant::now();
    assert!(build(&out).output().unwrap().status.success());
    let cached = started.elapsed();

    // Kill points spread over the whole length of a build, from a fixed seed so that a
    // failure can be repeated (the delays are printed).
    let mut seed: u64 = 0x5eed_2023;
    let mut killed_while_running = 0;
    for round in 0..8 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let fraction = (seed >> 33) as f64 / (1u64 << 31) as f64;
        let whole = round % 2 == 0;
        let delay = if whole { full } else { cached }.mul_f64(fraction * 1.1);
        let mut b = build(&out);
        if whole {
            b.arg("--no-cache");
        }
        let mut child = b.spawn().unwrap();
        std::thread::sleep(delay);
        let finished_first = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        if !finished_first {
            killed_while_running += 1;
        }
        eprintln!(
            "round {round}: killed after {delay:?} (a whole build takes {full:?}, one reusing the earlier {cached:?})"
        );
        assert_outputs_whole(&out, &format!("killed after {delay:?}"));
    }
    assert!(
        killed_while_running >= 4,
        "most kills must hit a running build"
    );

    // A rerun completes, removes what the killed runs left half-written, and makes the same
    // archive as before.
    let rerun = build(&out).output().unwrap();
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_outputs_whole(&out, "after the rerun");
    let leftovers: Vec<_> = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".spotcheck-"))
        .map(|e| e.path().display().to_string())
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    assert_eq!(
        std::fs::read(out.join("JC-2023-01.zip")).unwrap(),
        archive,
        "the rerun makes the same archive"
    );
}

#[cfg(unix)]
#[test]
fn outputs_are_readable_by_others_as_ordinary_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let status = render_one_notice(&out).output().unwrap();
    assert!(status.status.success());
    let mode = std::fs::metadata(out.join("cases/JZ-2023-001/notice.pdf"))
        .unwrap()
        .permissions()
        .mode();
    // The same mode as a file any program creates here (0644 under the usual umask), not the
    // owner-only mode of a temporary file.
    std::fs::write(dir.path().join("plain"), b"x").unwrap();
    let plain = std::fs::metadata(dir.path().join("plain"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, plain & 0o777 & 0o644, "{mode:o}");
}

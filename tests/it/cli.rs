//! The binary, as a clerk runs it.

use crate::common::*;

#[test]
fn render_writes_the_selected_documents_and_their_typst_sources() {
    let out = tempfile::tempdir().unwrap();
    let status = spotcheck()
        .args([
            "render",
            sample_dir().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
        ])
        .args([
            "--case",
            "JZ-2023-004",
            "--case",
            "JZ-2023-001",
            "--kind",
            "notice",
            "--kind",
            "refusal-form",
        ])
        .args(["--emit-typst", "--no-system-fonts"])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let case = |id: &str, f: &str| out.path().join("cases").join(id).join(f);
    assert!(case("JZ-2023-001", "notice.pdf").is_file());
    assert!(
        !case("JZ-2023-001", "refusal-form.pdf").exists(),
        "JZ-2023-001 was sampled, not refused"
    );
    assert!(case("JZ-2023-004", "refusal-form.pdf").is_file());
    assert!(case("JZ-2023-004", "refusal-form.typ").is_file());
    assert!(case("JZ-2023-004", "spotcheck.typ").is_file());
    assert!(case("JZ-2023-004", "fonts.typ").is_file());
    assert!(
        !case("JZ-2023-001", "sampling-sheet.pdf").exists(),
        "--kind narrows"
    );
    assert!(
        !out.path().join("cases/HF-2023-001").exists(),
        "--case narrows"
    );
}

#[test]
fn render_of_a_broken_batch_exits_2_with_located_errors() {
    let batch = copy_sample();
    let path = batch.path().join("cases/jz-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("unit_price: 185.00", "unit_price: abc", 1),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args([
            "render",
            batch.path().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--no-system-fonts",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("cases/jz-001.yaml:") && stderr.contains("product.unit_price"),
        "{stderr}"
    );
}

#[test]
fn schema_describes_both_files() {
    let o = spotcheck().arg("schema").output().unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["case"]["properties"]["party"].is_object());
    assert!(v["batch"]["properties"]["plan"].is_object());
    let o = spotcheck().args(["schema", "case"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["title"], "案例文件 cases/*.yaml");
    assert!(
        v["required"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "party")
    );
}

#[test]
fn a_case_id_that_would_leave_the_output_folder_is_refused_and_nothing_is_written() {
    let batch = copy_sample();
    let path = batch.path().join("cases/jz-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("id: JZ-2023-001", "id: ../../evil", 1)).unwrap();
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let o = spotcheck()
        .args([
            "build",
            batch.path().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .arg("--no-system-fonts")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("cases/jz-001.yaml:") && stderr.contains("case.id"),
        "{stderr}"
    );
    // Nothing beside or above the output folder, and no output folder either.
    let names: Vec<_> = std::fs::read_dir(parent.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

/// `--pdf-standard` chooses what the PDFs conform to; PDF/A-2u is the default (read back from
/// the XMP metadata the PDFs carry), and an unknown standard is refused before anything is
/// written.
#[test]
fn pdf_standard_is_pdf_a_2u_by_default_and_can_be_chosen() {
    let render = |out: &std::path::Path, standard: Option<&str>| {
        let mut c = render_one_notice(out);
        if let Some(s) = standard {
            c.args(["--pdf-standard", s]);
        }
        c.output().unwrap()
    };
    let read =
        |out: &std::path::Path| std::fs::read(out.join("cases/JZ-2023-001/notice.pdf")).unwrap();
    let has = |pdf: &[u8], needle: &str| pdf.windows(needle.len()).any(|w| w == needle.as_bytes());

    let default = tempfile::tempdir().unwrap();
    assert!(render(default.path(), None).status.success());
    let pdf = read(default.path());
    assert!(
        has(&pdf, "<pdfaid:part>2</pdfaid:part>"),
        "PDF/A-2 by default"
    );
    assert!(
        has(&pdf, "<pdfaid:conformance>U</pdfaid:conformance>"),
        "level U by default"
    );

    let a3 = tempfile::tempdir().unwrap();
    assert!(render(a3.path(), Some("a-3b")).status.success());
    let pdf = read(a3.path());
    assert!(has(&pdf, "<pdfaid:part>3</pdfaid:part>"));
    assert!(has(&pdf, "<pdfaid:conformance>B</pdfaid:conformance>"));

    let plain = tempfile::tempdir().unwrap();
    assert!(render(plain.path(), Some("1.7")).status.success());
    let pdf = read(plain.path());
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(
        !has(&pdf, "pdfaid:part"),
        "plain PDF 1.7 claims no PDF/A part"
    );
    assert_eq!(
        lopdf::Document::load_mem(&pdf).unwrap().get_pages().len(),
        1,
        "still a whole document"
    );

    let bad = tempfile::tempdir().unwrap();
    let out = render(bad.path(), Some("a-9z"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a-9z"));
    assert!(!bad.path().join("cases").exists(), "nothing written");
}

/// `build` takes `--pdf-standard` as `render` does: every document of the batch follows it and
/// the archive still verifies; an unknown standard is refused before anything is written.
#[test]
fn build_takes_the_pdf_standard_too() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("batch");
    let init = spotcheck().arg("init").arg(&batch).output().unwrap();
    assert!(init.status.success());
    let has = |pdf: &[u8], needle: &str| pdf.windows(needle.len()).any(|w| w == needle.as_bytes());

    let build = |out: &std::path::Path, standard: &str| {
        spotcheck()
            .arg("build")
            .arg(&batch)
            .arg("-o")
            .arg(out)
            .args(["--pdf-standard", standard, "--no-system-fonts", "--quiet"])
            .output()
            .unwrap()
    };

    let out = tmp.path().join("out");
    let built = build(&out, "a-3b");
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let pdfs: Vec<_> = walkdir::WalkDir::new(out.join("cases"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(pdfs.len() >= 10, "{} case documents", pdfs.len());
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).unwrap();
        assert!(
            has(&bytes, "<pdfaid:part>3</pdfaid:part>")
                && has(&bytes, "<pdfaid:conformance>B</pdfaid:conformance>"),
            "{} is not PDF/A-3b",
            pdf.display()
        );
    }
    let zip = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "zip"))
        .expect("an archive");
    let verified = spotcheck().arg("verify").arg(&zip).output().unwrap();
    assert_eq!(verified.status.code(), Some(0));

    let bad = tmp.path().join("bad");
    let refused = build(&bad, "a-9z");
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("a-9z"));
    assert!(!bad.exists(), "nothing written");
}

/// clap's own errors and help headings speak the session's language: Chinese with `--lang zh`
/// or a locale that is not English, English with `--lang en` or an English locale; errors
/// keep exit code 2, help and version 0.
#[test]
fn the_option_parser_speaks_the_language_of_the_session() {
    let run = |lang: &str, args: &[&str]| {
        let mut c = spotcheck_in(Some(match lang {
            "zh" => "zh_CN.UTF-8",
            _ => "en_US.UTF-8",
        }));
        let o = c.args(args).output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().to_str().unwrap();
    // (arguments, what the Chinese error says, what the English one says)
    let cases: &[(&[&str], &[&str], &[&str])] = &[
        (
            &["check", b, "--foo"],
            &[
                "错误：无法识别的参数 “--foo”",
                "用法：spotcheck check [选项] <BATCH>",
            ],
            &[
                "error: unexpected argument “--foo”",
                "Usage: spotcheck check [OPTIONS] <BATCH>",
            ],
        ),
        (
            &["check", b, "--fromat", "json"],
            &["无法识别的参数 “--fromat”", "提示：是否想用 “--format”？"],
            &["tip: did you mean “--format”?"],
        ),
        (
            &["check", b, "--format"],
            &["“--format <FORMAT>” 后面缺少值", "可用的值：text、json"],
            &[
                "a value is required for “--format <FORMAT>”",
                "possible values: text, json",
            ],
        ),
        (
            &["check", b, "--format", "yaml"],
            &["“--format <FORMAT>” 的值 “yaml” 无效"],
            &["invalid value “yaml” for “--format <FORMAT>”"],
        ),
        (
            &["status", b, "--today", "2023-13-01"],
            &["“--today <DATE>” 的值 “2023-13-01” 无效：日期 “2023-13-01” 无效"],
            &["invalid value “2023-13-01” for “--today <DATE>”: invalid date “2023-13-01”"],
        ),
        (
            &["build", b],
            &["缺少必需的参数：--out <OUT>"],
            &["missing required argument: --out <OUT>"],
        ),
        (
            &["chek", b],
            &["无法识别的子命令 “chek”", "用法：spotcheck [选项] <命令>"],
            &["unrecognized subcommand “chek”"],
        ),
    ];
    for (args, zh, en) in cases {
        let (code, _, err) = run("zh", args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        for want in *zh {
            assert!(err.contains(want), "{args:?}: “{want}” not in\n{err}");
        }
        for english in [
            "error:",
            "Usage",
            "tip:",
            "For more information",
            "possible values",
        ] {
            assert!(!err.contains(english), "{args:?}: “{english}” in\n{err}");
        }
        assert!(err.contains("更多信息请运行 “--help”。"), "{err}");
        let (code, _, err) = run("en", args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        for want in *en {
            assert!(err.contains(want), "{args:?}: “{want}” not in\n{err}");
        }
        assert!(
            !err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{args:?}: Chinese in\n{err}"
        );
    }
    // --lang beats the locale, before and after the command.
    let (_, _, err) = run("en", &["--lang", "zh", "check", b, "--foo"]);
    assert!(err.contains("无法识别的参数"), "{err}");
    let (_, _, err) = run("zh", &["check", b, "--foo", "--lang=en"]);
    assert!(err.contains("unexpected argument"), "{err}");

    // Help: the headings in the session's language, exit 0.
    let (code, out, _) = run("zh", &["check", "--help"]);
    assert_eq!(code, Some(0));
    for want in [
        "用法：spotcheck check [选项] <BATCH>",
        "参数：",
        "选项：",
        "显示帮助",
        "（可用的值：text、json）（默认：text）",
    ] {
        assert!(out.contains(want), "“{want}” not in\n{out}");
    }
    for english in [
        "Usage",
        "Arguments:",
        "Options:",
        "Print help",
        "possible values",
        "default:",
    ] {
        assert!(!out.contains(english), "“{english}” in\n{out}");
    }
    let (_, out, _) = run("zh", &["--help"]);
    assert!(
        out.contains("命令：") && out.contains("显示版本") && !out.contains("Commands:"),
        "{out}"
    );
    let (code, out, _) = run("en", &["check", "--help"]);
    assert_eq!(code, Some(0));
    for want in [
        "Usage: spotcheck check [OPTIONS] <BATCH>",
        "Arguments:",
        "Options:",
        "Print help",
        "[possible values: text, json] [default: text]",
    ] {
        assert!(out.contains(want), "“{want}” not in\n{out}");
    }
    let (_, out, _) = run("en", &["help"]);
    assert!(
        out.contains("Commands:") && !out.contains("命令："),
        "{out}"
    );
    let (code, out, _) = run("zh", &["--version"]);
    assert_eq!((code, out.trim()), (Some(0), "spotcheck 0.1.0"));
}

//! Starting a batch and working with it as a clerk does: init, new-case, completions, the
//! manual page, the message catalog, the schema's Chinese titles, watch.

use std::path::Path;
use std::process::Output;

use crate::common::*;

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn init_then_check_and_build_succeed_in_a_fresh_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("新批次");
    ok(&run(&["init", p(&batch)]));
    assert!(batch.join("batch.yaml").is_file());
    assert!(batch.join("case.schema.json").is_file());
    assert!(batch.join("batch.schema.json").is_file());
    let lb = spotcheck::input::load::load(&batch).unwrap_or_else(|e| panic!("{e}"));
    let outcomes: Vec<_> = lb
        .cases
        .iter()
        .map(|c| {
            let tested = c
                .case
                .inspection
                .as_ref()
                .is_some_and(|i| !i.items.is_empty());
            let failed = c.case.inspection.as_ref().is_some_and(|i| {
                i.items
                    .iter()
                    .any(|it| it.verdict == spotcheck::input::model::Verdict::Fail)
            });
            let outcome = c.case.outcome.map(|o| format!("{o:?}")).unwrap_or_default();
            (outcome, tested, failed)
        })
        .collect();
    for want in [
        ("Sampled".to_string(), true, false),
        ("Sampled".to_string(), true, true),
        ("Sampled".to_string(), false, false),
        ("Refused".to_string(), false, false),
        ("NotSampled".to_string(), false, false),
    ] {
        assert!(
            outcomes.contains(&want),
            "{want:?} missing from {outcomes:?}"
        );
    }
    // Checks clean: no error, and one warning only, that the records office's metadata is
    // still to be given.
    let check = ok(&run(&["check", p(&batch)]));
    assert!(check.contains("0 处错误，1 处警告"), "{check}");
    assert!(check.contains("警告[archive.unset]"), "{check}");
    // Every field of batch.yaml is explained by a comment.
    let text = std::fs::read_to_string(batch.join("batch.yaml")).unwrap();
    for key in [
        "id:",
        "document_no:",
        "schedule:",
        "sampling_start:",
        "plan:",
        "labs:",
        "counties:",
        "notice_body:",
        "analysis_submitted_on:",
    ] {
        let line = text.lines().position(|l| {
            l.trim_start()
                .trim_start_matches("# ")
                .trim_start_matches("- ")
                .starts_with(key)
        });
        let line = line.unwrap_or_else(|| panic!("{key} not in batch.yaml"));
        assert!(
            text.lines()
                .nth(line - 1)
                .unwrap()
                .trim_start()
                .starts_with('#'),
            "{key} has no comment above it"
        );
    }
    // And builds at once.
    let out = tmp.path().join("out");
    let built = ok(&run(&[
        "build",
        p(&batch),
        "-o",
        p(&out),
        "--no-system-fonts",
    ]));
    assert!(built.contains("合订本"), "{built}");
    assert!(out.join("SL-2025-01.zip").is_file());
    assert!(out.join("cases/HF-2025-002/report.pdf").is_file());
    assert!(out.join("cases/DX-2025-001/refusal-form.pdf").is_file());
    assert!(out.join("cases/DX-2025-002/no-sample-sheet.pdf").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let o = run(&["init", p(tmp.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("不是空的"));
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("notes.txt")]);
    // A file where the folder should be.
    let o = run(&["init", p(&tmp.path().join("notes.txt"))]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_case_takes_the_next_number_of_the_category() {
    let dir = copy_sample();
    let b = dir.path();
    // The sample has HF-2023-001 … 003.
    let o = ok(&run(&[
        "new-case",
        p(b),
        "--category",
        "化肥",
        "--date",
        "2023-05-06",
    ]));
    assert!(o.contains("HF-2023-004"), "{o}");
    let file = b.join("cases/hf-004.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("id: HF-2023-004"), "{text}");
    assert!(text.contains("date: 2023-05-06"), "{text}");
    assert!(text.contains("lab: \"jc-qi\""), "{text}");
    assert!(b.join("evidence/HF-2023-004").is_dir());
    // The new file loads: it is valid YAML of a case, only unfinished.
    let (case, _) =
        spotcheck::input::load::read_typed::<spotcheck::input::model::Case>(b, "cases/hf-004.yaml")
            .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(case.category, "化肥");
    // Again: the next number, never overwriting.
    let o = ok(&run(&[
        "new-case",
        p(b),
        "--category",
        "化肥",
        "--outcome",
        "refused",
    ]));
    assert!(o.contains("HF-2023-005"), "{o}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    let text5 = std::fs::read_to_string(b.join("cases/hf-005.yaml")).unwrap();
    assert!(
        text5.contains("outcome: refused") && text5.contains("refusal:"),
        "{text5}"
    );
    // A category with no case yet takes its prefix from the pinyin of its name.
    std::fs::remove_file(b.join("cases/nm-001.yaml")).unwrap();
    let o = ok(&run(&[
        "new-case",
        p(b),
        "--category",
        "农膜",
        "--date",
        "2023-05-06",
    ]));
    assert!(o.contains("NM-2023-001"), "{o}");
    // A visit date outside the sampling window is refused, naming the window; nothing is
    // written.
    let o = run(&[
        "new-case",
        p(b),
        "--category",
        "农膜",
        "--date",
        "2030-01-01",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("2030年1月1日")
            && err.contains("2023年1月10日 至 2023年7月31日")
            && err.contains("--date"),
        "{err}"
    );
    assert!(!b.join("cases/nm-002.yaml").exists());
    assert!(!b.join("evidence/NM-2023-002").exists());
    let o = spotcheck()
        .args(["--lang", "en", "new-case", p(b), "--category", "农膜"])
        .args(["--date", "2022-12-31"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("2022-12-31 is outside the sampling window (2023-01-10 to 2023-07-31)"),
        "{err}"
    );
    // Without --date, today is brought inside the window (today is past this one).
    let t = std::fs::read_to_string(b.join("cases/hf-005.yaml")).unwrap();
    assert!(t.contains("date: 2023-07-31"), "{t}");
}

#[test]
fn new_case_takes_the_domain_and_marks_what_is_left_with_one_placeholder() {
    let tmp = tempfile::tempdir().unwrap();
    let b = tmp.path().join("b");
    ok(&run(&["init", p(&b)]));
    ok(&run(&[
        "new-case",
        p(&b),
        "--category",
        "化肥",
        "--date",
        "2025-03-03",
    ]));
    ok(&run(&[
        "new-case",
        p(&b),
        "--category",
        "化肥",
        "--date",
        "2025-03-03",
        "--domain",
        "生产",
    ]));
    ok(&run(&[
        "new-case",
        p(&b),
        "--category",
        "化肥",
        "--outcome",
        "refused",
        "--domain",
        "production",
    ]));
    ok(&run(&[
        "new-case",
        p(&b),
        "--category",
        "电线电缆",
        "--outcome",
        "not-sampled",
    ]));
    let read = |f: &str| std::fs::read_to_string(b.join("cases").join(f)).unwrap();
    assert!(
        read("hf-004.yaml").contains("\ndomain: 流通\n"),
        "流通 by default"
    );
    assert!(read("hf-005.yaml").contains("\ndomain: 生产\n"));
    assert!(read("hf-006.yaml").contains("\ndomain: 生产\n"));
    let o = run(&["new-case", p(&b), "--category", "化肥", "--domain", "批发"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!b.join("cases/hf-007.yaml").exists());
    // A batch.yaml that cannot be read: its errors, located, in the session's language.
    let batch = b.join("batch.yaml");
    let good = std::fs::read_to_string(&batch).unwrap();
    std::fs::write(
        &batch,
        good.replace("issued_on: 2025-01-10", "issued_on: 2025-13-10"),
    )
    .unwrap();
    let o = spotcheck()
        .args(["--lang", "en", "new-case", p(&b), "--category", "化肥"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no case was created")
            && err.contains("batch.yaml:")
            && err.contains("issued_on: error[yaml.type]"),
        "{err}"
    );
    assert!(
        !err.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{err}"
    );
    std::fs::write(&batch, good).unwrap();

    // Every field left to fill in holds exactly the placeholder, so that a rule can find it.
    assert_eq!(spotcheck::input::scaffold::PLACEHOLDER, "待填写");
    for f in ["hf-004.yaml", "hf-006.yaml", "dx-003.yaml"] {
        let v: serde_yaml::Value = serde_yaml::from_str(&read(f)).unwrap();
        let mut held = 0;
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                serde_yaml::Value::String(s) if s.contains("待填写") => {
                    assert_eq!(s, spotcheck::input::scaffold::PLACEHOLDER, "{f}");
                    held += 1;
                }
                serde_yaml::Value::Sequence(items) => stack.extend(items),
                serde_yaml::Value::Mapping(m) => stack.extend(m.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
        assert!(held >= 5, "{f}: {held} placeholders");
    }
}

#[test]
fn init_and_new_case_give_neutral_examples_or_the_batch_s_own() {
    // The example batch belongs to no real place: no Jincheng postcode or area code.
    let scaffold = Path::new(env!("CARGO_MANIFEST_DIR")).join("scaffold");
    for entry in walkdir::WalkDir::new(&scaffold) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for jincheng in ["\"048", "0356-", "1390356"] {
                assert!(
                    !text.contains(jincheng),
                    "{}: {jincheng}",
                    entry.path().display()
                );
            }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let b = tmp.path().join("b");
    ok(&run(&["init", p(&b)]));
    ok(&run(&["new-case", p(&b), "--category", "化肥"]));
    let t = std::fs::read_to_string(b.join("cases/hf-004.yaml")).unwrap();
    assert!(
        t.contains("# postcode: \"123000\"") && t.contains("# phone: \"0123-\""),
        "{t}"
    );
    assert!(!t.contains("048") && !t.contains("0356"), "{t}");
    // The comments follow the batch: its authority's postcode and area code.
    let batch = b.join("batch.yaml");
    let text = std::fs::read_to_string(&batch).unwrap();
    let text = text
        .replacen("postcode: \"123000\"", "postcode: \"650000\"", 1)
        .replacen("phone: \"0123-6208351\"", "phone: \"0871-6208351\"", 1);
    std::fs::write(&batch, text).unwrap();
    ok(&run(&["new-case", p(&b), "--category", "化肥"]));
    let t = std::fs::read_to_string(b.join("cases/hf-005.yaml")).unwrap();
    assert!(
        t.contains("# postcode: \"650000\"") && t.contains("# phone: \"0871-\""),
        "{t}"
    );
}

#[test]
fn new_case_refuses_an_unknown_category_and_an_existing_file() {
    let dir = copy_sample();
    let b = dir.path();
    let o = run(&["new-case", p(b), "--category", "玩具"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("玩具") && err.contains("化肥"), "{err}");
    // The file that numbering picks exists already under another id: refused, untouched.
    std::fs::write(b.join("cases/hf-004.yaml"), "# mine\n").unwrap();
    let o = run(&["new-case", p(b), "--category", "化肥"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在"));
    assert_eq!(
        std::fs::read_to_string(b.join("cases/hf-004.yaml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn category_prefixes_follow_the_pinyin_initials() {
    use spotcheck::input::scaffold::category_prefix;
    assert_eq!(category_prefix("化肥").as_deref(), Some("HF"));
    assert_eq!(category_prefix("建筑及装饰装修材料").as_deref(), Some("JZ"));
    assert_eq!(category_prefix("燃气具及配件").as_deref(), Some("RQ"));
    assert_eq!(category_prefix("LED 灯具").as_deref(), Some("LE"));
    assert_eq!(category_prefix("——").as_deref(), None);
}

#[test]
fn completions_name_every_subcommand_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ok(&run(&["completions", shell]));
        for sub in ["build", "check", "init", "new-case", "watch", "verify"] {
            assert!(out.contains(sub), "{shell} completions lack {sub}");
        }
    }
    let o = run(&["completions", "tcsh"]);
    assert!(!o.status.success());
}

#[test]
fn the_manual_page_describes_the_commands() {
    let page = ok(&run(&["man"]));
    assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
    for sub in ["build", "init", "new\\-case", "watch", "completions"] {
        assert!(page.contains(sub), "man page lacks {sub}");
    }
    let dir = tempfile::tempdir().unwrap();
    ok(&run(&["man", "--out", p(dir.path())]));
    let init = std::fs::read_to_string(dir.path().join("spotcheck-init.1")).unwrap();
    assert!(
        init.contains(".TH") && init.contains("batch.yaml"),
        "{init}"
    );
    assert!(dir.path().join("spotcheck.1").is_file());
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every property of every object in a schema, with its path.
fn properties<'a>(
    v: &'a serde_json::Value,
    path: &str,
    out: &mut Vec<(String, &'a serde_json::Value)>,
) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                for (k, p) in props {
                    out.push((format!("{path}.{k}"), p));
                }
            }
            for (k, child) in map {
                properties(child, &format!("{path}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                properties(child, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_schema_field_has_a_chinese_title_and_description() {
    for (name, schema) in [
        ("batch", spotcheck::input::scaffold::batch_schema()),
        ("case", spotcheck::input::scaffold::case_schema()),
    ] {
        let mut props = Vec::new();
        properties(&schema, name, &mut props);
        assert!(props.len() > 30, "{name}: only {} properties", props.len());
        for (path, p) in props {
            let title = p["title"].as_str().unwrap_or_default();
            let desc = p["description"].as_str().unwrap_or_default();
            assert!(has_han(title), "{path} has no Chinese title: {p}");
            assert!(has_han(desc), "{path} has no Chinese description: {p}");
        }
    }
    // `spotcheck schema case` prints the same schema.
    let out = ok(&run(&["schema", "case"]));
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(printed, spotcheck::input::scaffold::case_schema());
}

/// Records what a run tells of its progress.
#[derive(Default)]
struct Recorder(std::sync::Mutex<Vec<String>>);

impl spotcheck::progress::Progress for Recorder {
    fn start(&self, stage: spotcheck::progress::Phase, total: u64) {
        self.0
            .lock()
            .unwrap()
            .push(format!("start {stage:?} {total}"));
    }
    fn tick(&self, stage: spotcheck::progress::Phase) {
        self.0.lock().unwrap().push(format!("tick {stage:?}"));
    }
    fn finish(&self, stage: spotcheck::progress::Phase) {
        self.0.lock().unwrap().push(format!("finish {stage:?}"));
    }
}

#[test]
fn build_reports_each_document_and_each_stage_to_its_progress() {
    let lb = sample();
    let out = tempfile::tempdir().unwrap();
    let rec = Recorder::default();
    let opts = spotcheck::app::build::BuildOptions {
        out: out.path().to_path_buf(),
        sign: vec![],
        sign_pdf: None,
        passphrase: None,
        templates: None,
        ofd: false,
        final_archive: false,
        reuse: false,
    };
    let r = spotcheck::app::build::build_with(&lb, &engine(), &opts, &rec).unwrap();
    let log = rec.0.into_inner().unwrap();
    let n = r.rendered.len();
    assert_eq!(log[0], format!("start Render {n}"));
    assert_eq!(log.iter().filter(|l| *l == "tick Render").count(), n);
    let tail: Vec<&str> = log[n + 1..].iter().map(String::as_str).collect();
    assert_eq!(
        tail,
        [
            "finish Render",
            "start Volume 0",
            "finish Volume",
            "start Archive 0",
            "finish Archive"
        ]
    );
}

#[test]
fn piped_output_has_no_progress_bars() {
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "render",
        p(&sample_dir()),
        "-o",
        p(out.path()),
        "--case",
        "JZ-2023-001",
        "--no-system-fonts",
    ]);
    let stdout = ok(&o);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains("[="),
        "{stderr}"
    );
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

/// A child process killed when the test ends, however it ends.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Lines of a child's stream, as they come.
fn lines(r: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(r).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (at most `secs`) for a line containing `want`; returns every line seen.
fn wait_for(rx: &std::sync::mpsc::Receiver<String>, want: &str, secs: u64) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) => {
                let found = line.contains(want);
                seen.push(line);
                if found {
                    return seen;
                }
            }
            Err(_) => break,
        }
    }
    panic!(
        "no line with “{want}” within {secs} s; seen:\n{}",
        seen.join("\n")
    );
}

type Lines = std::sync::mpsc::Receiver<String>;

/// `spotcheck watch BATCH -o OUT ARGS…`, once it watches: the process and its two streams.
fn start_watch(batch: &Path, out: &Path, args: &[&str]) -> (Child, Lines, Lines) {
    let child = spotcheck()
        .args(["watch", p(batch), "-o", p(out), "--no-system-fonts"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = Child(child);
    let stdout = lines(child.0.stdout.take().unwrap());
    let stderr = lines(child.0.stderr.take().unwrap());
    wait_for(&stdout, "正在监视", 120);
    (child, stdout, stderr)
}

/// Saves case NM-2023-001 with its place moved to 二号库房: its file and new text.
fn move_nm_001_to_store_2(batch: &Path) -> (std::path::PathBuf, String) {
    let case = batch.join("cases/nm-001.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    let changed = text.replace("place: 受检单位门市部库房", "place: 受检单位门市部二号库房");
    assert_ne!(changed, text);
    std::fs::write(&case, &changed).unwrap();
    (case, changed)
}

#[test]
fn watch_renders_a_saved_case_again_and_survives_errors() {
    let dir = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let (mut child, stdout, stderr) = start_watch(dir.path(), out.path(), &[]);
    let sheet = out.path().join("cases/NM-2023-001/sampling-sheet.pdf");
    let other = out.path().join("cases/JZ-2023-001/sampling-sheet.pdf");
    let before = std::fs::read(&sheet).unwrap();
    let other_time = std::fs::metadata(&other).unwrap().modified().unwrap();
    assert!(!pdf_text(&sheet).contains("二号库房"));

    // Save a change: only that case is rendered again, and the sheet shows it.
    let (case, changed) = move_nm_001_to_store_2(dir.path());
    wait_for(&stdout, "已生成案例 NM-2023-001", 60);
    assert_ne!(std::fs::read(&sheet).unwrap(), before);
    assert!(pdf_text(&sheet).contains("二号库房"));
    assert_eq!(
        std::fs::metadata(&other).unwrap().modified().unwrap(),
        other_time
    );

    // A broken file: the error is shown, located, and the watch goes on.
    std::fs::write(
        &case,
        changed.replace("outcome: sampled", "outcome: sampld"),
    )
    .unwrap();
    wait_for(&stderr, "cases/nm-001.yaml", 60);
    wait_for(&stderr, "批次读取失败", 60);
    assert!(
        child.0.try_wait().unwrap().is_none(),
        "watch exited on an error"
    );
    std::fs::write(&case, changed.replace("门市部二号库房", "门市部三号库房")).unwrap();
    wait_for(&stdout, "已生成案例 NM-2023-001", 60);
    assert!(pdf_text(&sheet).contains("三号库房"));
}

#[test]
fn watch_with_ofd_writes_each_ofd_again_with_its_pdf() {
    let dir = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let (_child, stdout, _) = start_watch(dir.path(), out.path(), &["--ofd"]);
    let ofd = out.path().join("cases/NM-2023-001/sampling-sheet.ofd");
    let first = crate::ofd::ofd_page_texts(&ofd).concat();
    assert!(first.contains("门市部库房") && !first.contains("二号库房"));

    move_nm_001_to_store_2(dir.path());
    wait_for(&stdout, "已生成案例 NM-2023-001", 60);
    // The OFD says what the PDF says after the save.
    let again = crate::ofd::ofd_page_texts(&ofd).concat();
    assert!(again.contains("二号库房"), "{again}");
    assert!(pdf_text(&ofd.with_extension("pdf")).contains("二号库房"));
}

#[test]
fn watch_scope_follows_the_changed_files() {
    use spotcheck::documents::watch::{Scope, scope_of};
    let root = Path::new("/b");
    let t = Path::new("/t");
    let files = |v: &[&str]| Scope::Files(v.iter().map(|s| s.to_string()).collect());
    assert_eq!(
        scope_of(
            root,
            None,
            &["/b/cases/a.yaml".into(), "/b/cases/x/b.yml".into()]
        ),
        Some(files(&["cases/a.yaml", "cases/x/b.yml"]))
    );
    assert_eq!(
        scope_of(root, None, &["/b/batch.yaml".into()]),
        Some(Scope::Everything)
    );
    assert_eq!(
        scope_of(root, Some(t), &["/t/report.typ.tera".into()]),
        Some(Scope::Everything)
    );
    // Evidence, outputs and editors' temporary files do not matter.
    assert_eq!(
        scope_of(
            root,
            Some(t),
            &[
                "/b/evidence/X/a.jpg".into(),
                "/b/out/cases/X/report.pdf".into(),
                "/b/cases/.a.yaml.swp".into(),
                "/elsewhere/batch.yaml".into()
            ]
        ),
        None
    );
}

#[test]
fn a_template_folder_replaces_the_built_in_template_of_the_same_name() {
    let tdir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/notice.typ.tera");
    let text = std::fs::read_to_string(src).unwrap();
    let marked = format!("{text}\n模板试改标记\n");
    std::fs::write(tdir.path().join("notice.typ.tera"), marked).unwrap();
    let out = tempfile::tempdir().unwrap();
    let args = |t: bool| {
        let mut a = vec![
            "render".to_string(),
            p(&sample_dir()).to_string(),
            "-o".into(),
            p(out.path()).to_string(),
            "--case".into(),
            "JZ-2023-001".into(),
            "--kind".into(),
            "notice".into(),
            "--no-system-fonts".into(),
        ];
        if t {
            a.extend(["--templates".to_string(), p(tdir.path()).to_string()]);
        }
        a
    };
    let notice = out.path().join("cases/JZ-2023-001/notice.pdf");
    ok(&spotcheck().args(args(false)).output().unwrap());
    assert!(!pdf_text(&notice).contains("模板试改标记"));
    ok(&spotcheck().args(args(true)).output().unwrap());
    assert!(pdf_text(&notice).contains("模板试改标记"));
}

#[test]
fn every_message_of_the_catalog_exists_in_both_languages() {
    use spotcheck::messages::{Lang, Msg, placeholders};
    use std::collections::BTreeSet;
    let mut ids = BTreeSet::new();
    let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src/messages/catalog");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources: String = [root.join("src"), root.join("crates")]
        .iter()
        .flat_map(walkdir::WalkDir::new)
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter(|e| e.file_type().is_file() && !e.path().starts_with(&catalog))
        .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
        .collect::<String>()
        .split_whitespace()
        .collect();
    assert!(Msg::ALL.len() > 150, "{}", Msg::ALL.len());
    for &m in Msg::ALL {
        let id = m.id();
        assert!(ids.insert(id), "{id} twice");
        let (valid, dot) = (
            id.bytes()
                // Digits only as an option has them (help.keygen.x509).
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
            id.contains('.'),
        );
        assert!(valid && dot, "id {id} is not stage.what");
        let zh = m.template(Lang::Zh);
        let en = m.template(Lang::En);
        if zh.is_empty() || en.is_empty() {
            assert_eq!(zh, en, "{id}: one language is empty");
            continue;
        }
        let cjk = |c: char| {
            ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
        };
        // The page's link to the other language names it in that language.
        let other_language = id.starts_with("page.switch-lang");
        assert!(
            has_han(zh) || zh.chars().any(cjk) || other_language,
            "{id}: the Chinese text has no Chinese: {zh}"
        );
        assert_ne!(zh, en, "{id}: not translated");
        let (mut pz, mut pe) = (placeholders(zh), placeholders(en));
        pz.sort();
        pz.dedup();
        pe.sort();
        pe.dedup();
        assert_eq!(pz, pe, "{id}: the two languages take different arguments");
        // Used somewhere: no dead entries. The help of the command line is looked up by id
        // (`help.<command>.<option>`); a unit test of the binary walks every option for it.
        // So are the words of serve's pages (`page.<key>`): their own test finds each on a
        // page or in serve's code.
        if id.starts_with("help.") || id.starts_with("page.") {
            continue;
        }
        let name = format!("{m:?}");
        let used = [format!("Msg::{name}"), format!("msg!({name}")]
            .iter()
            .any(|u| {
                sources.match_indices(u.as_str()).any(|(i, _)| {
                    let next = sources[i + u.len()..].chars().next();
                    !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
                })
            });
        assert!(used, "{id} ({name}) is never used");
    }
}

#[test]
fn a_message_renders_its_arguments_in_the_language_asked() {
    use spotcheck::messages::Lang;
    let d = chrono::NaiveDate::from_ymd_opt(2023, 8, 1).unwrap();
    let m = spotcheck::msg!(VisitWindow, date = d, start = d, end = d);
    assert!(
        m.in_lang(Lang::Zh).contains("2023年8月1日"),
        "{}",
        m.in_lang(Lang::Zh)
    );
    assert!(
        m.in_lang(Lang::En).contains("2023-08-01 is outside"),
        "{}",
        m.in_lang(Lang::En)
    );
    let all = spotcheck::msg!(
        PlanCategory,
        category = "玩具",
        all = vec!["化肥".to_string(), "农膜".to_string()]
    );
    assert!(all.in_lang(Lang::Zh).contains("化肥、农膜"));
    assert!(all.in_lang(Lang::En).contains("化肥, 农膜"));
    // The locale decides when --lang is not given: LC_ALL, then LC_MESSAGES, then LANG.
    assert_eq!(Lang::from_env_values(None, None, None), Lang::Zh);
    assert_eq!(
        Lang::from_env_values(None, None, Some("en_US.UTF-8")),
        Lang::En
    );
    assert_eq!(
        Lang::from_env_values(Some("zh_CN.UTF-8"), None, Some("en_US.UTF-8")),
        Lang::Zh
    );
    assert_eq!(
        Lang::from_env_values(Some(""), Some("en_GB"), Some("zh_CN")),
        Lang::En
    );
    assert_eq!(Lang::from_env_values(Some("C.UTF-8"), None, None), Lang::Zh);
}

#[test]
fn the_command_line_speaks_english_when_asked_or_when_the_locale_is_english() {
    let dir = copy_sample();
    let case = dir.path().join("cases/nm-001.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, text.replace("party_fee: 0.00", "party_fee: 5.00")).unwrap();
    let b = p(dir.path());
    let english = |o: &Output| {
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        assert!(out.contains("error[fee.party]"), "{out}");
        assert!(out.contains("5.00 yuan was charged to the party"), "{out}");
        assert!(out.contains("check done: 18 cases, 1 error,"), "{out}");
        assert!(!out.contains("检查完成"), "{out}");
    };
    english(&run(&["--lang", "en", "check", b]));
    english(
        &spotcheck_in(None)
            .env("LANG", "en_US.UTF-8")
            .args(["check", b])
            .output()
            .unwrap(),
    );
    // --lang beats the locale; Chinese is the default.
    let zh = spotcheck_in(Some("en_US.UTF-8"))
        .args(["check", b, "--lang", "zh"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&zh.stdout);
    assert!(
        out.contains("错误[fee.party]") && out.contains("检查完成"),
        "{out}"
    );
    // JSON carries the message id and its arguments beside the text.
    let o = run(&["--lang", "en", "check", b, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["message_id"], "rule.fee-party");
    assert_eq!(d["args"]["fee"], "5.00");
    assert!(
        d["message"].as_str().unwrap().starts_with("5.00 yuan"),
        "{d}"
    );
    // Status and init too.
    let st = run(&["--lang", "en", "status", b, "--today", "2023-08-01"]);
    let st = String::from_utf8_lossy(&st.stdout);
    assert!(st.contains("Deadlines:") && st.contains("Sampled"), "{st}");
    let tmp = tempfile::tempdir().unwrap();
    let init = ok(&run(&["--lang", "en", "init", p(&tmp.path().join("b"))]));
    assert!(init.contains("created a sample batch"), "{init}");
}

#[test]
fn build_prints_its_result_as_json_for_programs() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = tmp.path().join("b");
    ok(&run(&["init", p(&batch)]));
    let out = tmp.path().join("out");
    let o = ok(&run(&[
        "build",
        p(&batch),
        "-o",
        p(&out),
        "--format",
        "json",
        "--no-system-fonts",
    ]));
    let v: serde_json::Value = serde_json::from_str(&o).unwrap_or_else(|e| panic!("{e}: {o}"));
    assert!(v["documents"].as_u64().unwrap() > 20, "{v}");
    assert_eq!(v["archive"]["signed"], false);
    assert!(Path::new(v["archive"]["path"].as_str().unwrap()).is_file());
    // The volume's parts, one for a batch this small.
    let parts = v["volume"].as_array().unwrap();
    assert_eq!(parts.len(), 1, "{v}");
    assert!(Path::new(parts[0].as_str().unwrap()).is_file());
}

//! The documentation agrees with the program: every command README.md and docs/*.md show is
//! run (or, for usage lines and the commands that run until stopped, parsed), the batch.yaml
//! table of docs/case-files.md is whole, and docs/import.md names the headers `export` writes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::{self, copy_dir};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, then docs/*.md in name order.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    docs.insert(0, root().join("README.md"));
    docs
}

/// A command line shown in a ```sh block, without its comment.
#[derive(Debug, Clone)]
struct Shown {
    at: String,
    line: String,
}

/// The lines of the ```sh blocks that start with `spotcheck `, `cp -r ` (a step of the tour)
/// or `cargo run --release -- ` (the program run from the source tree), in document order.
fn shown_in(path: &Path) -> Vec<Shown> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    let mut in_sh = false;
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = !in_sh && t == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        // The comment starts at ` #` (never inside a command shown here).
        let command = t.split(" #").next().unwrap_or("").trim();
        let command = match command.strip_prefix("cargo run --release -- ") {
            Some(rest) => format!("spotcheck {rest}"),
            None => command.to_string(),
        };
        if command.starts_with("spotcheck ") || command.starts_with("cp -r ") {
            found.push(Shown {
                at: format!("{name}:{}", n + 1),
                line: command,
            });
        }
    }
    found
}

/// A word of a usage line that stands for a value: `BATCH`, `OUT`, `FILE.pdf`, `LEDGER.xlsx`,
/// `FIELD=HEADER`, `字段=表头`.
fn placeholder(word: &str) -> Option<&'static str> {
    Some(match word {
        "BATCH" => "b",
        "OUT" => "o",
        "DIR" => "d",
        "FILE" => "f.csv",
        "FILE.pdf" => "f.pdf",
        "ARCHIVE" => "a.zip",
        "KEY" => "k.key",
        "PUB" => "k.pub",
        "LEDGER.xlsx" => "l.xlsx",
        "ID" => "JZ-2023-001",
        "KIND" => "notice",
        "CATEGORY" => "化肥",
        "DATE" => "2023-03-01",
        "CODE" => "91140500MA0K3XQ57J",
        "NAME" => "晋城市产品质量监督检验所",
        "ADDR" => "127.0.0.1",
        "N" => "8484",
        "T" => "token",
        "TEXT" => "SPOTCHECK1;x",
        "FIELD=HEADER" | "字段=表头" => "统一社会信用代码=信用代码",
        _ => return None,
    })
}

/// Whether a line is a usage line (optional parts, alternatives, placeholders) rather than an
/// example to run.
fn is_usage(line: &str) -> bool {
    line.contains(['[', '(', '|']) || line.split_whitespace().any(|w| placeholder(w).is_some())
}

#[derive(Debug, PartialEq)]
enum Tok {
    Open(char),
    Close,
    Or,
    Word(String),
}

fn tokens(line: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    for w in line.split_whitespace() {
        if w == "|" {
            toks.push(Tok::Or);
            continue;
        }
        let mut w = w;
        while let Some(c) = w.chars().next().filter(|c| *c == '[' || *c == '(') {
            toks.push(Tok::Open(c));
            w = &w[1..];
        }
        let mut closes = 0;
        loop {
            if let Some(rest) = w.strip_suffix("...") {
                w = rest;
            } else if let Some(rest) = w.strip_suffix([']', ')']) {
                w = rest;
                closes += 1;
            } else {
                break;
            }
        }
        if !w.is_empty() {
            toks.push(Tok::Word(w.to_string()));
        }
        toks.extend((0..closes).map(|_| Tok::Close));
    }
    toks
}

/// Every way a usage line can be written: each `[…]` left out or given, each alternative of
/// `(a | b)` and of `text|json` taken.
fn variants(toks: &[Tok], i: &mut usize) -> Vec<Vec<String>> {
    let mut alternatives = Vec::new();
    let mut seq: Vec<Vec<String>> = vec![vec![]];
    let product = |seq: Vec<Vec<String>>, part: Vec<Vec<String>>| {
        let mut out = Vec::new();
        for a in &seq {
            for b in &part {
                out.push(a.iter().chain(b).cloned().collect());
            }
        }
        out
    };
    while *i < toks.len() {
        let t = &toks[*i];
        *i += 1;
        let part = match t {
            Tok::Close => break,
            Tok::Or => {
                alternatives.extend(std::mem::replace(&mut seq, vec![vec![]]));
                continue;
            }
            Tok::Open(c) => {
                let mut inner = variants(toks, i);
                if *c == '[' {
                    inner.insert(0, vec![]);
                }
                inner
            }
            Tok::Word(w) if w.contains('|') && !w.starts_with('-') => {
                w.split('|').map(|a| vec![a.to_string()]).collect()
            }
            Tok::Word(w) => vec![vec![w.clone()]],
        };
        seq = product(seq, part);
        assert!(seq.len() <= 4096, "too many ways to write {toks:?}");
    }
    alternatives.extend(seq);
    alternatives
}

/// The argument lists a usage line stands for, placeholders replaced by values.
fn usage_args(line: &str) -> Vec<Vec<String>> {
    let toks = tokens(line.strip_prefix("spotcheck ").unwrap_or(line));
    variants(&toks, &mut 0)
        .into_iter()
        .map(|v| {
            v.into_iter()
                .map(|w| placeholder(&w).map_or(w, str::to_string))
                .collect()
        })
        .collect()
}

/// Whether clap takes `args`: parsed to the end, `--help` added so that nothing runs (an
/// unknown option, a missing value or a value clap refuses fails before the help is shown).
fn parses(args: &[String]) -> Result<(), String> {
    let out = common::spotcheck()
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    if out.status.success() && !out.stdout.is_empty() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// What a run of the shown commands needs besides the samples, as a user of the docs has it:
/// `JC-2023-01/`, an unzipped archive, and `received-bag.zip`, a bag someone sent (ARCHIVE.md).
fn setup(dir: &Path) {
    copy_dir(&root().join("samples"), &dir.join("samples"));
    copy_dir(&root().join("docs/examples"), &dir.join("docs/examples"));
    let made = dir.join("made");
    let out = common::spotcheck()
        .args(["build", "samples/jincheng-2023-1", "-o", "made", "--quiet"])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let zip = made.join("JC-2023-01.zip");
    std::fs::copy(&zip, dir.join("received-bag.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    archive.extract(dir).unwrap();
    assert!(dir.join("JC-2023-01/bagit.txt").is_file());
}

/// Runs (or parses) the shown commands in `dir`, in order; what went wrong, by where shown.
fn run_all(dir: &Path, shown: &[Shown]) -> (Vec<String>, usize, usize) {
    let (mut wrong, mut ran, mut parsed) = (Vec::new(), 0, 0);
    for s in shown {
        if let Some(rest) = s.line.strip_prefix("cp -r ") {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            assert_eq!(parts.len(), 2, "{}: {}", s.at, s.line);
            copy_dir(&dir.join(parts[0]), &dir.join(parts[1]));
            continue;
        }
        let args: Vec<String> = s
            .line
            .split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect();
        let forever = matches!(args.first().map(String::as_str), Some("serve" | "watch"));
        if is_usage(&s.line) || forever {
            let ways = if is_usage(&s.line) {
                usage_args(&s.line)
            } else {
                vec![args]
            };
            for a in ways {
                parsed += 1;
                if let Err(e) = parses(&a) {
                    wrong.push(format!(
                        "{}: spotcheck {} does not parse: {e}",
                        s.at,
                        a.join(" ")
                    ));
                }
            }
            continue;
        }
        ran += 1;
        let out = common::spotcheck()
            .args(&args)
            .current_dir(dir)
            .output()
            .unwrap();
        if !out.status.success() {
            wrong.push(format!(
                "{}: {} failed ({}):\n{}{}",
                s.at,
                s.line,
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    (wrong, ran, parsed)
}

#[test]
fn every_command_the_docs_show_runs_or_parses() {
    let shown: Vec<Shown> = documents().iter().flat_map(|d| shown_in(d)).collect();
    let tmp = tempfile::tempdir().unwrap();
    setup(tmp.path());
    let (wrong, ran, parsed) = run_all(tmp.path(), &shown);
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    assert!(ran >= 12 && parsed >= 50, "ran {ran}, parsed {parsed}");
    // README's first command, the main job: the sample's archive where it says.
    let first = &shown[0];
    assert!(first.at == "README.md:4", "{first:?}");
    assert!(tmp.path().join("out/JC-2023-01.zip").is_file());
    assert!(tmp.path().join("out/batch/qualified-list.pdf").is_file());
    // The tour's steps did what their comments say.
    assert!(tmp.path().join("2025-1/cases/hf-004.yaml").is_file());
    assert!(tmp.path().join("dh/cases/xs-005.yaml").is_file());
    assert!(tmp.path().join("台账.xlsx").is_file());
}

/// The check itself fails on what it is for: an option a command does not have, in a usage
/// line or an example, and an example that fails.
#[test]
fn a_shown_command_with_an_unknown_option_or_that_fails_is_caught() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&common::sample_dir(), &tmp.path().join("b"));
    let shown = |line: &str| Shown {
        at: "here".into(),
        line: line.into(),
    };
    for bad in [
        "spotcheck build BATCH -o OUT [--allow-errors]",
        "spotcheck status BATCH [--format text|yaml]",
        "spotcheck keygen (--batch BATCH --lab ID | --holder NAME)",
        "spotcheck watch b -o o --sign k.key",
        "spotcheck check no-such-batch",
    ] {
        let (wrong, _, _) = run_all(tmp.path(), &[shown(bad)]);
        assert!(!wrong.is_empty(), "not caught: {bad}");
    }
    let (wrong, ran, parsed) = run_all(
        tmp.path(),
        &[
            shown("spotcheck check b"),
            shown("spotcheck render BATCH -o OUT [--kind KIND]... [--draft]"),
        ],
    );
    assert!(wrong.is_empty() && ran == 1 && parsed == 4, "{wrong:?}");
}

#[test]
fn usage_lines_stand_for_every_way_of_writing_them() {
    let ways = usage_args("spotcheck keygen [-o DIR] (--batch BATCH --lab ID | --owner NAME)");
    let ways: Vec<String> = ways.iter().map(|w| w.join(" ")).collect();
    assert_eq!(
        ways,
        [
            "keygen --batch b --lab JZ-2023-001",
            "keygen --owner 晋城市产品质量监督检验所",
            "keygen -o d --batch b --lab JZ-2023-001",
            "keygen -o d --owner 晋城市产品质量监督检验所",
        ]
    );
    let nested = usage_args(
        "spotcheck build BATCH [--sign KEY [--passphrase-file FILE]] [--format text|json]",
    );
    assert_eq!(nested.len(), 3 * 3, "{nested:?}");
}

/// docs/case-files.md's table of batch.yaml names every field of the schema, and no row of a
/// table stands apart from its table.
#[test]
fn case_files_md_tables_are_whole() {
    let text = std::fs::read_to_string(root().join("docs/case-files.md")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with('|') && i > 0 {
            let after_row = lines[i - 1].starts_with('|');
            let heads_table = lines.get(i + 1).is_some_and(|n| n.starts_with("|---"));
            assert!(
                after_row || heads_table,
                "docs/case-files.md:{}: a row outside any table: {l}",
                i + 1
            );
        }
    }
    let top = text
        .split("### Top level")
        .nth(1)
        .expect("the top-level table");
    let table: Vec<&str> = top
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect();
    let documented: Vec<String> = table
        .iter()
        .filter_map(|l| l.split('`').nth(1).map(str::to_string))
        .collect();
    let out = common::run(&["schema", "batch"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fields: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    assert!(fields.len() > 20, "{fields:?}");
    for f in &fields {
        assert!(
            documented.contains(f),
            "docs/case-files.md's batch.yaml table lacks `{f}`"
        );
    }
    for d in &documented {
        assert!(
            fields.contains(&d),
            "docs/case-files.md documents `{d}`, which batch.yaml has not"
        );
    }
}

/// docs/import.md names the headers of the ledger `export` writes, in their order.
#[test]
fn import_md_names_the_headers_export_writes() {
    use calamine::Reader;
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("台账.xlsx");
    let out = common::run(&[
        "export",
        common::sample_dir().to_str().unwrap(),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    let sheet = book.worksheet_range("台账").unwrap();
    let written: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let doc = std::fs::read_to_string(root().join("docs/import.md")).unwrap();
    let section = doc
        .split("## `export`")
        .nth(1)
        .and_then(|s| s.split("\n\n").nth(1))
        .expect("the export section's paragraph");
    let named: Vec<String> = section
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert_eq!(named, written, "docs/import.md's export section");
}

/// The rows of the first column of every table under a heading of docs/ARCHITECTURE.md that
/// names a folder in backquotes (`### spotcheck-input (`crates/input/src`)`): the folder and
/// the files it lists.
fn architecture_files(text: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(head) = line.strip_prefix("### ") {
            if let Some(folder) = head.split('`').nth(1) {
                out.push((folder.to_string(), BTreeSet::new()));
            }
        } else if line.starts_with("## ") {
            out.retain(|(_, files)| !files.is_empty());
        } else if let (Some((_, files)), Some(cell)) = (out.last_mut(), line.strip_prefix("| `"))
            && let Some(file) = cell.split('`').next()
        {
            files.insert(file.to_string());
        }
    }
    out
}

/// Every `.rs` file under `dir`, relative to it.
fn rust_files(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

/// docs/ARCHITECTURE.md names every source file of every crate, in the section of its crate,
/// and no file that is not there; its table of crates gives each the crates of the workspace
/// its Cargo.toml depends on.
#[test]
fn the_architecture_names_every_source_file_and_each_crate_s_dependencies() {
    let text = std::fs::read_to_string(root().join("docs/ARCHITECTURE.md")).unwrap();
    let sections = architecture_files(&text);
    let mut folders: Vec<String> = std::fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|e| format!("crates/{}/src", e.unwrap().file_name().to_string_lossy()))
        .collect();
    folders.push("src".to_string());
    folders.sort();
    let mut named: Vec<String> = sections.iter().map(|(f, _)| f.clone()).collect();
    named.sort();
    assert_eq!(named, folders, "the crates' sections");
    let mut wrong = Vec::new();
    for (folder, listed) in &sections {
        let actual = rust_files(&root().join(folder));
        for f in actual.difference(listed) {
            wrong.push(format!("{folder}/{f}: not in docs/ARCHITECTURE.md"));
        }
        for f in listed.difference(&actual) {
            wrong.push(format!(
                "{folder}/{f}: named in docs/ARCHITECTURE.md, not there"
            ));
        }
    }
    // The table of crates: | `name` | `folder` | depends on | … |
    for line in text.lines().filter(|l| l.starts_with("| `spotcheck")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let folder = cells[2].trim_matches('`');
        let said: BTreeSet<String> = cells[3]
            .split(", ")
            .filter(|c| *c != "none")
            .map(|c| format!("spotcheck-{c}"))
            .collect();
        let manifest = std::fs::read_to_string(root().join(folder).join("Cargo.toml")).unwrap();
        let actual = workspace_dependencies(&manifest);
        if said != actual {
            wrong.push(format!("{folder}: said {said:?}, Cargo.toml {actual:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The crates of the workspace under `[dependencies]` of a Cargo.toml, read line by line
/// (the workspace's manifests hold one dependency a line).
fn workspace_dependencies(manifest: &str) -> BTreeSet<String> {
    let mut inside = false;
    let mut out = BTreeSet::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside
            && let Some((name, _)) = line.split_once(['=', '.'])
            && name.trim().starts_with("spotcheck-")
        {
            out.insert(name.trim().to_string());
        }
    }
    out
}

//! Hostile input: values built to break the Typst source, the layout, the fonts or the YAML
//! reader. Each must print exactly, or be refused with a located message, never panic.

use chrono::NaiveDate;
use proptest::prelude::*;
use spotcheck::documents::engine::DocSource;
use spotcheck::documents::templates::escape_markup;

use crate::common::*;

/// Compiles a small document that places `value`, escaped as the templates escape every
/// value, in a table cell of the shared library's form, and returns the squashed text
/// between the two markers.
fn cell_text(value: &str) -> Result<String, String> {
    let source = format!(
        "#import \"spotcheck.typ\": *\n\
         #show: form.with(title: [测试])\n\
         #table(columns: (3cm, 1fr), lbl[名称], [〖{}〗])\n",
        escape_markup(value)
    );
    let doc = DocSource {
        main_name: "hostile.typ".into(),
        label: "hostile".into(),
        ident: "hostile".into(),
        date: NaiveDate::from_ymd_opt(2023, 3, 2).expect("date"),
    };
    let compiled = engine()
        .compile(&doc, source)
        .map_err(|e| format!("compile: {e}"))?;
    let text = pdf_extract::extract_text_from_mem(&compiled.pdf).map_err(|e| e.to_string())?;
    let text = squash(&text);
    let start = text
        .find('〖')
        .ok_or_else(|| format!("no start marker: {text}"))?;
    let end = text
        .rfind('〗')
        .ok_or_else(|| format!("no end marker: {text}"))?;
    Ok(text[start + '〖'.len_utf8()..end].to_string())
}

/// Pieces the property draws values from: Typst markup and code characters, comment starts,
/// line breaks, combining marks, CJK and ASCII letters.
///
/// The combining mark follows a Latin letter: after other bases the PDF is right (poppler
/// reads it back exactly) but `pdf_extract` repeats the cluster, which is not what is tested.
///
/// Left out on purpose: C0/C1 control characters other than line breaks and tabs, and the
/// bidirectional controls (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C). The first
/// have no glyph and no meaning in a printed form; the second reorder the printed text, so
/// that the paper reads differently from the data. Loading refuses both with a located
/// `yaml.control-char` error (tested below), so they never reach a template.
const PIECES: &[&str] = &[
    "#",
    "*",
    "_",
    "$",
    "[",
    "]",
    "<",
    ">",
    "@",
    "`",
    "\\",
    "\"",
    "'",
    "/",
    "=",
    "-",
    "+",
    "~",
    ":",
    ".",
    ",",
    "(",
    ")",
    "{",
    "}",
    "//",
    "/*",
    "*/",
    "```",
    "\n",
    "\r\n",
    "\t",
    " ",
    "e\u{301}",
    "晋",
    "城",
    "市",
    "质",
    "检",
    "所",
    "（",
    "）",
    "、",
    "a",
    "Z",
    "0",
    "7",
    "#panic(\"x\")",
    "#read(\"/etc/passwd\")",
    "\\u{41}",
    "https://x.cn",
    "= 标题",
    "- 项",
    "1. ",
    "$x^2$",
    "<lbl>",
    "@lbl",
    "#let x = 1",
    "#{",
    "}",
    "...",
    "--",
    "---",
];

fn value() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_values_print_exactly(s in value()) {
        let printed = cell_text(&s).map_err(TestCaseError::fail)?;
        prop_assert_eq!(printed, squash(&s));
    }
}

#[test]
fn hostile_code_in_a_value_prints_literally_and_never_runs() {
    for s in [
        "#read(\"/etc/passwd\")",
        "#panic(\"x\")",
        "#{ panic(\"x\") }",
        "#import \"/etc/passwd\"",
        "$#panic(\"x\")$",
        "]#panic(\"x\")[",
        "\\]#panic(\"x\")",
        "/* #panic(\"x\")",
        "// #panic(\"x\")",
    ] {
        let printed = cell_text(s).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        assert_eq!(printed, squash(s), "{s:?} printed differently");
        assert!(!printed.contains("root:"), "{s:?}: file contents leaked");
    }
}

#[test]
fn hostile_control_characters_are_refused_where_they_stand() {
    let text = std::fs::read_to_string(sample_dir().join("cases/jz-001.yaml")).unwrap();
    for (written, code) in [
        ("\"示例\\x01公司\"", "U+0001"),
        ("\"示例\\u009F公司\"", "U+009F"),
        ("\"示例\\u0085公司\"", "U+0085"),
        ("\"示例\\u202E公司\"", "U+202E"),
        ("示例\u{2066}公司\u{2069}", "U+2066"),
    ] {
        let edited = text.replacen(
            "name: 晋城市示例建材经销有限公司",
            &format!("name: {written}"),
            1,
        );
        let line = edited
            .lines()
            .position(|l| {
                l.contains("name: ")
                    && l.contains("示例")
                    && l.contains("公司")
                    && !l.contains("有限")
            })
            .unwrap()
            + 1;
        let err = spotcheck::input::load::parse_typed::<spotcheck::input::model::Case>(
            "c.yaml",
            edited.as_bytes(),
        )
        .err()
        .unwrap_or_else(|| panic!("{written} accepted"));
        assert_eq!(err.len(), 1, "{err:?}");
        let d = &err[0];
        assert_eq!(d.rule, "yaml.control-char", "{d}");
        assert_eq!(
            (d.line, d.column, d.path.as_str()),
            (line, 9, "party.name"),
            "{d}"
        );
        assert!(d.zh().contains(code) && d.zh().contains("删除"), "{d}");
    }
    // Written raw into the file, the character is located by its own line and column.
    let edited = text.replacen("王建华", "王建\u{1}华", 1);
    let line = edited.lines().position(|l| l.contains("王建")).unwrap() + 1;
    let err = spotcheck::input::load::parse_typed::<spotcheck::input::model::Case>(
        "c.yaml",
        edited.as_bytes(),
    )
    .expect_err("raw control refused");
    assert_eq!(err[0].rule, "yaml.control-char", "{}", err[0]);
    assert_eq!((err[0].line, err[0].column), (line, 16), "{}", err[0]);
    // Tabs and line breaks stay allowed.
    let edited = text.replacen("王建华", "\"王建\\t华\\r\\n\"", 1);
    assert!(
        spotcheck::input::load::parse_typed::<spotcheck::input::model::Case>(
            "c.yaml",
            edited.as_bytes()
        )
        .is_ok()
    );
}

/// Runs the loader on `bytes`, proving it neither panics nor runs unbounded.
fn load_bytes(
    what: &str,
    bytes: &[u8],
) -> Result<spotcheck::input::model::Case, Vec<spotcheck::diag::Diagnostic>> {
    let start = std::time::Instant::now();
    let result = std::panic::catch_unwind(|| {
        spotcheck::input::load::parse_typed::<spotcheck::input::model::Case>("c.yaml", bytes)
    })
    .unwrap_or_else(|_| panic!("{what}: the loader panicked"));
    let elapsed = start.elapsed();
    eprintln!("{what}: {} bytes in {elapsed:?}", bytes.len());
    assert!(
        elapsed < std::time::Duration::from_secs(60),
        "{what}: took {elapsed:?}"
    );
    result.map(|(case, _)| case)
}

/// Asserts that `bytes` are refused with located errors, and returns them.
fn refused(what: &str, bytes: &[u8]) -> Vec<spotcheck::diag::Diagnostic> {
    let errors = load_bytes(what, bytes).expect_err(what);
    assert!(!errors.is_empty(), "{what}: no message");
    for d in &errors {
        eprintln!("  {d}");
        assert_eq!(d.file, "c.yaml", "{what}: {d}");
        // An empty file has no place in it: the file is the location.
        let whole_file = d.rule == "yaml.empty";
        assert!(
            whole_file || (d.line >= 1 && d.column >= 1),
            "{what}: not located: {d}"
        );
    }
    errors
}

#[test]
fn hostile_yaml_corpus_gives_located_errors_without_panic() {
    let good = std::fs::read_to_string(sample_dir().join("cases/jz-001.yaml")).unwrap();
    let has_rule = |e: &[spotcheck::diag::Diagnostic], rule: &str| e.iter().any(|d| d.rule == rule);

    let e = refused(
        "bad indentation",
        good.replacen("  place: 受检单位成品库", "   place: 受检单位成品库", 1)
            .as_bytes(),
    );
    assert!(has_rule(&e, "yaml.syntax"), "{e:?}");
    let e = refused(
        "tab indent",
        good.replacen("  place: 受检单位成品库", "\tplace: 受检单位成品库", 1)
            .as_bytes(),
    );
    assert!(e[0].zh().contains("Tab"), "{e:?}");
    let e = refused(
        "duplicate key",
        good.replacen("  place: 受检单位成品库", "  place: 甲\n  place: 乙", 1)
            .as_bytes(),
    );
    assert!(e[0].zh().contains("重复"), "{e:?}");
    let e = refused(
        "wrong types",
        good.replacen("base_quantity: 200", "base_quantity: [200]", 1)
            .replacen("seal_intact: true", "seal_intact: 是", 1)
            .as_bytes(),
    );
    assert!(e.len() == 2 && has_rule(&e, "yaml.type"), "{e:?}");
    let e = refused(
        "near-miss field",
        good.replacen("  legal_rep:", "  legal_repp:", 1).as_bytes(),
    );
    assert!(
        e[0].rule == "yaml.unknown-field" && e[0].zh().contains("是否应为 legal_rep"),
        "{e:?}"
    );
    let e = refused("empty file", b"");
    assert_eq!(e[0].rule, "yaml.empty");
    let e = refused("blank file", b"\n  \n# only a comment\n");
    assert_eq!(
        e[0].rule, "yaml.empty",
        "a file of blanks and comments is empty: {e:?}"
    );

    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(good.as_bytes());
    let case = load_bytes("BOM", &bom).expect("a BOM before valid YAML loads");
    assert_eq!(case.id, "JZ-2023-001");

    // "晋城" in GBK.
    let mut gbk = good
        .replacen("晋城市示例建材经销有限公司", "@", 1)
        .into_bytes();
    let at = gbk.iter().position(|&b| b == b'@').unwrap();
    gbk.splice(at..=at, [0xBD, 0xFA, 0xB3, 0xC7]);
    let e = refused("GBK", &gbk);
    assert!(
        e[0].rule == "yaml.encoding" && e[0].zh().contains("UTF-8"),
        "{e:?}"
    );

    // 50 MB: refused for its size, at once.
    let mut huge = good.clone();
    while huge.len() < 50_000_000 {
        huge.push_str(
            "# 注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释\n",
        );
    }
    let start = std::time::Instant::now();
    let e = refused("50 MB comment", huge.as_bytes());
    assert_eq!(e[0].rule, "yaml.too-large", "{e:?}");
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    // Just under the limit, a long comment and a long list are read through, in bounded time.
    let limit = spotcheck::input::yaml::MAX_FILE_BYTES - 4096;
    let mut huge = good.clone();
    while huge.len() < limit {
        huge.push_str(
            "# 注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释注释\n",
        );
    }
    huge.push_str("extra: 1\n");
    let e = refused("long comment", huge.as_bytes());
    assert!(has_rule(&e, "yaml.unknown-field"), "{e:?}");
    let mut huge = good.replacen("evidence:\n", "evidence:\n  - x\n", 1);
    let item = "  - evidence/JZ-2023-001/现场照片.jpg\n";
    let at = huge.find("  - x\n").unwrap();
    huge.replace_range(at..at + 6, &item.repeat(limit / item.len()));
    huge.push_str("extra: 1\n");
    let e = refused("long list", huge.as_bytes());
    assert!(has_rule(&e, "yaml.unknown-field"), "{e:?}");

    // Billion laughs.
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i", "j"])
    {
        bomb.push_str(&format!(
            "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    refused("billion laughs", bomb.as_bytes());
    // Deep nesting.
    let deep = format!("id: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    refused("deep nesting", deep.as_bytes());
    let deep = format!("id: \n{}x\n", "- ".repeat(100_000));
    refused("deep block nesting", deep.as_bytes());
    let mut deep = String::new();
    for level in 0..2_000 {
        deep.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
    }
    refused("deep indentation", deep.as_bytes());
}

/// The documents of one case, rendered from a copied and edited batch.
fn render_case(
    dir: &std::path::Path,
    id: &str,
) -> (
    tempfile::TempDir,
    Vec<spotcheck::documents::render::Rendered>,
) {
    let lb = spotcheck::input::load::load(dir).unwrap_or_else(|e| panic!("{e}"));
    render_all(
        &lb,
        spotcheck::documents::render::RenderOptions {
            cases: vec![id.into()],
            ..Default::default()
        },
    )
}

/// The text without the page numbers `第N页共M页`.
fn without_footers(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('第') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + '第'.len_utf8()..];
        let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        let n = digits(tail);
        let footer = n > 0
            && tail[n..].starts_with("页共")
            && digits(&tail[n + "页共".len()..]) > 0
            && tail[n + "页共".len() + digits(&tail[n + "页共".len()..])..].starts_with('页');
        if footer {
            let m = digits(&tail[n + "页共".len()..]);
            rest = &tail[n + "页共".len() + m + '页'.len_utf8()..];
        } else {
            out.push('第');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn cjk_run(n: usize, seed: usize) -> String {
    const HANZI: &str = "晋城市示例建材经销有限公司质量检验研究院泽州县工业园防水涂料断裂伸长率拉伸强度粘结不透水性抗渗砂浆背面";
    let chars: Vec<char> = HANZI.chars().collect();
    (0..n)
        .map(|i| chars[(i * 7 + seed) % chars.len()])
        .collect()
}

#[test]
fn hostile_long_values_are_printed_whole_and_the_report_grows() {
    // 300 characters, with an 80-character run of ASCII that has no break opportunity.
    let name = format!(
        "{}{}{}",
        cjk_run(180, 1),
        &"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(3)[..80],
        cjk_run(40, 2)
    );
    assert_eq!(name.chars().count(), 300);
    let remark = format!(
        "{}{}{}",
        cjk_run(1500, 3),
        "0123456789".repeat(10),
        cjk_run(400, 4)
    );
    assert_eq!(remark.chars().count(), 2000);
    let items: Vec<serde_yaml::Value> = (1..=40)
        .map(|i| {
            serde_yaml::from_str(&format!(
                "{{ name: 检验项目第{i}项{}, clause: GB/T 23445-2009 表 1 第 {i} 行, requirement: ≥ {i}.0, result: \"{i}.5\", unit: MPa, verdict: {} }}",
                cjk_run(i % 13, i),
                if i == 3 { "fail" } else { "pass" }
            ))
            .unwrap()
        })
        .collect();

    let normal = copy_sample();
    let (_out, done) = render_case(normal.path(), "JZ-2023-001");
    let normal_pages = done.iter().find(|d| d.kind == "report").unwrap().pages;

    let batch = copy_sample();
    edit_yaml(&batch.path().join("cases/jz-001.yaml"), |v| {
        v["party"]["name"] = name.clone().into();
        v["inspection"]["remark"] = remark.clone().into();
        v["inspection"]["items"] = serde_yaml::Value::Sequence(items.clone());
    });
    let (out, done) = render_case(batch.path(), "JZ-2023-001");
    // The visit's five forms, the report, the result notice, the maker's confirmation notice.
    assert_eq!(done.len(), 8);
    if let Ok(keep) = std::env::var("SPOTCHECK_KEEP") {
        for d in &done {
            std::fs::copy(
                &d.path,
                std::path::Path::new(&keep).join(d.path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    for d in &done {
        let text = pdf_text(&d.path);
        assert!(
            text.contains(&name),
            "{}: the 300-character name is not printed whole:\n{text}",
            d.kind
        );
        if d.kind == "report" {
            // The remark runs over a page break: read it without the page header and footer
            // (the report number stands in both).
            let body = without_footers(
                &text
                    .replace("晋城市示例产品质量检验所报告编号：JCQI-2023-JZ-001", "")
                    .replace("报告编号：JCQI-2023-JZ-001", ""),
            );
            assert!(body.contains(&remark), "report: remark not whole:\n{text}");
            for it in &items {
                let n = it["name"].as_str().unwrap();
                assert!(text.contains(n), "report: item {n} missing");
            }
            // The cover gives up its spaces to the tall name and stays one page, notes included.
            let bytes = std::fs::read(&d.path).unwrap();
            let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
            assert!(
                squash(&pages[0]).contains("地址：") && !squash(&pages[1]).contains("地址："),
                "report: the cover spills over:\n{}\n---\n{}",
                pages[0],
                pages[1]
            );
            assert!(
                d.pages > normal_pages,
                "report: {} pages, a normal one has {normal_pages}",
                d.pages
            );
        }
    }
    drop(out);
}

#[test]
fn hostile_astral_cjk_character_in_a_party_name_prints() {
    // 𠮷 (U+20BB7) lies outside the Basic Multilingual Plane: two UTF-16 units, four bytes.
    let name = "𠮷野家示例餐饮有限公司";
    let batch = copy_sample();
    edit_yaml(&batch.path().join("cases/jz-001.yaml"), |v| {
        v["party"]["name"] = name.into();
    });
    let (_out, done) = render_case(batch.path(), "JZ-2023-001");
    for d in &done {
        let text = pdf_text(&d.path);
        assert!(
            text.contains(name),
            "{}: {name} not printed:\n{text}",
            d.kind
        );
    }
}

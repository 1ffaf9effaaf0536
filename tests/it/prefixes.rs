//! Case id prefixes: a prefix belongs to one category. `new-case` and `import` take a free one
//! for a category whose pinyin initials another category has, say which, and refuse to put a
//! case in another category's series; `check` refuses a prefix two categories use.

use std::path::Path;

use crate::common::*;

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `spotcheck ARGS` in Chinese: (exit code, stdout, stderr).
fn sc(args: &[&str]) -> (Option<i32>, String, String) {
    let o = run(args);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// A copy of the first sample with `rows` (category, lots) added to its plan, before 燃气具及配件.
fn sample_with_categories(rows: &[(&str, u32)]) -> tempfile::TempDir {
    let dir = copy_sample();
    let added: String = rows
        .iter()
        .map(|(c, n)| format!("  - category: {c}\n    lots: {n}\n    lab: jc-qi\n"))
        .collect();
    replace_in(
        &dir.path().join("batch.yaml"),
        "  - category: 燃气具及配件",
        &format!("{added}  - category: 燃气具及配件"),
    );
    dir
}

/// A valid 统一社会信用代码 ending in `n`.
fn credit_code(n: u32) -> String {
    let head = format!("91140500MA0{n:06}");
    let check = spotcheck::input::codes::credit_check_char(&head).unwrap();
    format!("{head}{check}")
}

#[test]
fn new_case_takes_a_free_prefix_when_the_initials_are_another_category_s_and_says_so() {
    // 读写作业台灯 reads DX in pinyin initials, as 电线电缆 does (DX-2023-001, 002).
    let dir = sample_with_categories(&[("读写作业台灯", 3)]);
    let b = dir.path();
    let new = |extra: &[&str]| {
        let mut args = vec!["new-case", p(b), "--category", "读写作业台灯"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--date", "2023-03-01"]);
        sc(&args)
    };
    let (code, out, err) = new(&[]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("类别 “读写作业台灯” 的案例编号前缀为 DXZ（DX 已属于类别 “电线电缆”"),
        "{out}"
    );
    assert!(out.contains("已创建案例 DXZ-2023-001"), "{out}");
    assert!(b.join("cases/dxz-001.yaml").is_file());
    // The next one continues the series and says nothing more of its prefix.
    let (_, out, _) = new(&[]);
    assert!(
        out.contains("DXZ-2023-002") && !out.contains("前缀"),
        "{out}"
    );
    // Asking for 电线电缆's prefix is refused (exit 2), naming its owner; nothing is written.
    let files = std::fs::read_dir(b.join("cases")).unwrap().count();
    for asked in ["DX", "dx"] {
        let (code, out, err) = new(&["--prefix", asked]);
        assert_eq!(code, Some(2), "{out}");
        assert!(
            err.contains(&format!(
                "编号前缀 {asked} 已属于类别 “电线电缆”（其案例 DX-2023-001 等）"
            )) && err.contains("--prefix"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read_dir(b.join("cases")).unwrap().count(), files);
    // Each category checks clean of the prefix rules.
    let (_, out, _) = sc(&["check", p(b)]);
    assert!(!out.contains("prefix"), "{out}");
}

#[test]
fn the_batch_s_table_gives_the_prefix_and_plan_order_decides_between_equal_initials() {
    // Two categories of one initials, neither with a case: the first of the plan keeps ET,
    // whichever gets its first case first.
    let dir = sample_with_categories(&[("儿童玩具", 2), ("儿童及婴幼儿服装", 2)]);
    let b = dir.path();
    let (_, out, err) = sc(&["new-case", p(b), "--category", "儿童及婴幼儿服装"]);
    assert!(out.contains("ETJ-2023-001"), "{out}{err}");
    assert!(out.contains("ET 已属于类别 “儿童玩具”"), "{out}");
    let (_, out, _) = sc(&["new-case", p(b), "--category", "儿童玩具"]);
    assert!(
        out.contains("ET-2023-001") && out.contains("取自类别名称的拼音首字母"),
        "{out}"
    );
    // batch.yaml's prefixes decides, and new-case says so.
    let dir = sample_with_categories(&[("读写作业台灯", 3)]);
    let b = dir.path();
    replace_in(
        &b.join("batch.yaml"),
        "\ncounties:",
        "\nprefixes:\n  读写作业台灯: TD\n\ncounties:",
    );
    let (code, out, err) = sc(&["new-case", p(b), "--category", "读写作业台灯"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("前缀为 TD（batch.yaml 的 prefixes 所定）") && out.contains("TD-2023-001"),
        "{out}"
    );
}

#[test]
fn import_starts_a_free_series_says_so_and_refuses_a_sheet_id_of_another_category() {
    let dir = sample_with_categories(&[("读写作业台灯", 3)]);
    let b = dir.path();
    let list = b.join("名单.csv");
    let row = |id: &str, n: u32| {
        format!(
            "{id},示例灯具厂{n},{},晋城市城区示例路 {n} 号,读写作业台灯,2023-03-0{n}\n",
            credit_code(n)
        )
    };
    let header = "抽样单编号,企业名称,统一社会信用代码,地址,产品类别,计划日期\n";
    // A sheet id in 电线电缆's series is refused on its cell, and nothing is written.
    std::fs::write(
        &list,
        format!("{header}{}{}", row("", 1), row("DX-2023-050", 2)),
    )
    .unwrap();
    let (code, out, err) = sc(&["import", p(b), p(&list)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        err.contains(
            "名单.csv:A3 抽样单编号: 错误[case.prefix]: 编号前缀 DX 已属于类别 “电线电缆”"
        ),
        "{err}"
    );
    assert!(!b.join("cases/dxz-001.yaml").exists());
    // Without it: the new series, said once.
    std::fs::write(&list, format!("{header}{}{}", row("", 1), row("", 2))).unwrap();
    let (code, out, err) = sc(&["import", p(b), p(&list)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.matches("前缀为 DXZ").count(), 1, "{out}");
    assert!(
        out.contains("DXZ-2023-001") && out.contains("DXZ-2023-002"),
        "{out}"
    );
    let (_, out, _) = sc(&["check", p(b)]);
    assert!(!out.contains("case.prefix"), "{out}");
}

#[test]
fn check_refuses_a_prefix_two_categories_use_and_names_the_category_s_own() {
    let dir = sample_with_categories(&[("读写作业台灯", 3)]);
    let b = dir.path();
    replace_in(
        &b.join("cases/nm-001.yaml"),
        "category: 农膜",
        "category: 读写作业台灯",
    );
    replace_in(
        &b.join("cases/nm-001.yaml"),
        "id: NM-2023-001",
        "id: DX-2023-003",
    );
    let (code, out, _) = sc(&["check", p(b)]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "cases/nm-001.yaml:3:1 id: 错误[case.prefix]: 编号前缀 DX 已由类别 “电线电缆” 的案例 DX-2023-001（cases/dx-001.yaml）使用"
        ) && out.contains("请改用本类别的前缀 DXZ"),
        "{out}"
    );
    // build refuses it, as every error.
    let out_dir = tempfile::tempdir().unwrap();
    let (code, _, err) = sc(&["build", p(b), "-o", p(out_dir.path())]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("case.prefix"), "{err}");
}

//! In the field: planned cases (checked for what is written, counted apart from lots), the
//! enterprise list imported (bad cells located, nothing written; twice is once), the ledger
//! exported and imported again (no change), and the visit pack (known fields printed, blanks
//! for the rest, each form on an odd page). On both samples.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;

/// A copy of a sample batch folder.
pub(crate) fn copy_of(sample: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(sample) {
        let entry = entry.unwrap();
        let target = dir.path().join(entry.path().strip_prefix(sample).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

fn yaml(path: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn s(v: &serde_yaml::Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// What a planned case of the batch needs: per plan row, the category and the lab (the plan's,
/// else the first lab), and the first day of the window.
pub(crate) struct BatchFacts {
    rows: Vec<(String, String)>,
    pub(crate) start: String,
    lab_names: BTreeMap<String, String>,
}

pub(crate) fn facts(dir: &Path) -> BatchFacts {
    let b = yaml(&dir.join("batch.yaml"));
    let first_lab = s(&b["labs"][0]["id"]);
    let rows = b["plan"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|p| {
            let lab = match s(&p["lab"]) {
                l if l.is_empty() => first_lab.clone(),
                l => l,
            };
            (s(&p["category"]), lab)
        })
        .collect();
    let lab_names = b["labs"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|l| (s(&l["id"]), s(&l["name"])))
        .collect();
    BatchFacts {
        rows,
        start: s(&b["schedule"]["sampling_start"]),
        lab_names,
    }
}

/// Valid 统一社会信用代码 (GB 32100 check characters), made up.
pub(crate) const CODES: [&str; 3] = [
    "91420100MA4KD07WXU",
    "91140500MA0K3R8X26",
    "92420100MA4L0E5R40",
];

/// A copy of a sample with a planned case for each of its first two plan rows, written as a
/// clerk would (no outcome, no visit results), dated on the first day of the window.
pub fn with_planned(sample: &Path) -> tempfile::TempDir {
    let dir = copy_of(sample);
    let f = facts(dir.path());
    for (i, (category, lab)) in f.rows.iter().take(2).enumerate() {
        let text = format!(
            "id: {prefix}-2099-{n:03}\ncategory: {category:?}\ndomain: 生产\nlab: {lab:?}\n\
             visit:\n  date: {date}\n  notice_no: PLAN-{n:03}\n  samplers:\n    - {{ name: 甲抽样 }}\n    - {{ name: 乙抽样 }}\n\
             party:\n  name: 计划企业{n}有限公司\n  credit_code: \"{code}\"\n  address: 示例市计划路 {n} 号\n",
            n = i + 1,
            // A prefix of its own for each category.
            prefix = ["PL", "PM"][i],
            date = f.start,
            code = CODES[1],
        );
        std::fs::write(dir.path().join(format!("cases/pl-{:03}.yaml", i + 1)), text).unwrap();
    }
    dir
}

/// Every file under `cases/` with its bytes: what an import may change.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir.join("cases"))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = spotcheck().args(args).output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// An enterprise list of the batch: a title row, the header row, then one row per plan row
/// (the first two), good ones.
pub(crate) fn good_rows(f: &BatchFacts) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec!["2099 年抽查企业名单".to_string()],
        [
            "序号",
            "企业名称",
            "统一社会信用代码",
            "地址",
            "联系人",
            "电话",
            "产品名称",
            "抽样领域",
            "计划日期",
            "承检机构",
            "抽样人员",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for (i, (category, lab)) in f.rows.iter().take(2).enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            format!("名单企业{}有限公司", i + 1),
            CODES[i].to_string(),
            format!("示例市名单路 {} 号", i + 1),
            "李联系".into(),
            "13800138000".into(),
            category.clone(),
            if i == 0 { "生产" } else { "流通" }.into(),
            f.start.replace('-', "/"),
            f.lab_names[lab].clone(),
            "甲抽样、乙抽样".into(),
        ]);
    }
    rows
}

pub(crate) fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    for r in rows {
        let mut r = r.clone();
        r.resize(11, String::new());
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
}

pub(crate) fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<String>]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// The good rows and three bad ones. Row 5: a wrong check character (C5), no address (D5);
/// row 6: not a date (I6), a lab the batch does not have (J6); row 7: the same enterprise and
/// category as row 3.
pub(crate) fn bad_rows(f: &BatchFacts) -> Vec<Vec<String>> {
    let mut rows = good_rows(f);
    let mut bad = rows[2].clone();
    bad[2] = "91420100MA4KD07WX0".into();
    bad[3] = String::new();
    rows.push(bad);
    let mut bad = rows[3].clone();
    bad[2] = CODES[2].into();
    bad[8] = "2099-13-40".into();
    bad[9] = "不存在的检验所".into();
    rows.push(bad);
    rows.push(rows[2].clone());
    rows
}

#[test]
fn a_list_with_bad_rows_is_refused_whole_with_every_bad_cell_located() {
    for sample in samples() {
        let dir = copy_of(&sample);
        let rows = bad_rows(&facts(dir.path()));
        let before = snapshot(dir.path());
        for (name, write) in [
            (
                "list.csv",
                &(|p: &Path, r: &[Vec<String>]| write_csv(p, r)) as &dyn Fn(&Path, &[Vec<String>]),
            ),
            ("list.xlsx", &|p: &Path, r: &[Vec<String>]| {
                write_xlsx(p, "企业名单", r)
            }),
        ] {
            let list = dir.path().join(name);
            write(&list, &rows);
            let (code, _, err) = run(&["import", p(dir.path()), p(&list)]);
            assert_eq!(code, 1, "{err}");
            let at = |cell: &str| {
                if name.ends_with(".xlsx") {
                    format!("{}:企业名单!{cell}", list.display())
                } else {
                    format!("{}:{cell}", list.display())
                }
            };
            for (cell, header, rule) in [
                ("C5", "统一社会信用代码", "party.credit-code"),
                ("D5", "地址", "import.cell"),
                ("I6", "计划日期", "import.cell"),
                ("J6", "承检机构", "import.cell"),
                ("C7", "统一社会信用代码", "import.duplicate"),
            ] {
                let want = format!("{} {header}: 错误[{rule}]", at(cell));
                assert!(
                    err.contains(&want),
                    "{}: {want} not in\n{err}",
                    sample.display()
                );
            }
            assert!(err.contains("5 处错误，未写入任何文件"), "{err}");
            assert_eq!(snapshot(dir.path()), before, "nothing written");
        }
    }
}

#[test]
fn importing_a_list_twice_is_importing_it_once_and_the_ledger_comes_back_unchanged() {
    for sample in samples() {
        let dir = copy_of(&sample);
        let f = facts(dir.path());
        let list = dir.path().join("list.xlsx");
        write_xlsx(&list, "Sheet1", &good_rows(&f));
        let before = snapshot(dir.path());
        let (code, out, err) = run(&["import", p(dir.path()), p(&list)]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("已导入 2 个计划中的案例"), "{out}");
        let once = snapshot(dir.path());
        assert_eq!(once.len(), before.len() + 2);
        // The new files: the schema modeline, no outcome, and they load and check as planned
        // cases (only the notice number is still to be written).
        let new: Vec<_> = once.keys().filter(|k| !before.contains_key(*k)).collect();
        for k in &new {
            let text = String::from_utf8(once[*k].clone()).unwrap();
            assert!(text.starts_with("# yaml-language-server: $schema=../case.schema.json\n"));
            assert!(!text.contains("outcome:"), "{text}");
        }
        let lb = spotcheck::input::load::load(dir.path()).unwrap();
        let planned: Vec<_> = lb.cases.iter().filter(|c| c.case.is_planned()).collect();
        assert_eq!(planned.len(), 2);
        let findings = spotcheck::rules::check(&lb);
        for c in &planned {
            let rules: Vec<&str> = findings
                .iter()
                .filter(|d| d.file == c.file)
                .map(|d| d.rule.id())
                .collect();
            assert_eq!(rules, ["planned.blank"], "{}", c.file);
        }

        // Twice: nothing changes.
        let (code, out, err) = run(&["import", p(dir.path()), p(&list)]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("已导入 0 个计划中的案例，2 行已有案例"),
            "{out}"
        );
        assert_eq!(snapshot(dir.path()), once);
        // The same rows as CSV: matched by credit code and category.
        let csv = dir.path().join("list.csv");
        write_csv(&csv, &good_rows(&f));
        assert_eq!(run(&["import", p(dir.path()), p(&csv)]).0, 0);
        assert_eq!(snapshot(dir.path()), once);

        // The ledger: one row per case, under the headers import reads; imported again, no
        // change.
        let ledger = dir.path().join("ledger.xlsx");
        let (code, _, err) = run(&["export", p(dir.path()), "-o", p(&ledger)]);
        assert_eq!(code, 0, "{err}");
        use calamine::Reader;
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&ledger).unwrap();
        let range = wb.worksheet_range("台账").unwrap();
        assert_eq!(range.height(), lb.cases.len() + 1);
        let text: Vec<String> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        assert!(
            text.iter().filter(|r| r.contains("|待抽样|")).count() == 2,
            "{text:?}"
        );
        let (code, out, err) = run(&["import", p(dir.path()), p(&ledger)]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains(&format!(
                "已导入 0 个计划中的案例，{} 行已有案例",
                lb.cases.len()
            )),
            "{out}"
        );
        assert_eq!(
            snapshot(dir.path()),
            once,
            "the ledger imports as no change"
        );
        // Exported twice, the same bytes.
        let again = dir.path().join("ledger2.xlsx");
        run(&["export", p(dir.path()), "-o", p(&again)]);
        assert_eq!(
            std::fs::read(&ledger).unwrap(),
            std::fs::read(&again).unwrap()
        );
    }
}

#[test]
fn a_column_can_be_pointed_at_another_header() {
    let sample = &samples()[0];
    let dir = copy_of(sample);
    let f = facts(dir.path());
    let mut rows = good_rows(&f);
    rows[1][2] = "代码".into();
    let list = dir.path().join("list.csv");
    write_csv(&list, &rows);
    let (code, _, err) = run(&["import", p(dir.path()), p(&list)]);
    assert_eq!(code, 1);
    assert!(err.contains("缺少 统一社会信用代码 一列"), "{err}");
    let (code, out, err) = run(&[
        "import",
        p(dir.path()),
        p(&list),
        "--column",
        "统一社会信用代码=代码",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("已导入 2 个"), "{out}");
}

#[test]
fn a_planned_case_is_checked_for_what_is_written_and_not_for_the_visit() {
    for sample in samples() {
        let dir = with_planned(&sample);
        let file = dir.path().join("cases/pl-001.yaml");
        let clean = spotcheck::rules::check(&spotcheck::input::load::load(dir.path()).unwrap());
        assert!(
            clean.iter().all(|d| !d.file.contains("pl-00")),
            "{:?}",
            clean
                .iter()
                .filter(|d| d.file.contains("pl-00"))
                .collect::<Vec<_>>()
        );
        // A wrong credit code, one sampler, a date outside the window, and a result recorded
        // before the outcome.
        let text = std::fs::read_to_string(&file)
            .unwrap()
            .replace(CODES[1], "91140500MA0K3R8X20")
            .replace("    - { name: 乙抽样 }\n", "")
            .replace("  date: ", "  date: 1999-01-01\n  # ")
            + "product:\n  name: 样品\n  unit: 件\n";
        std::fs::write(&file, text).unwrap();
        let lb = spotcheck::input::load::load(dir.path()).unwrap();
        let rules: Vec<&str> = spotcheck::rules::check(&lb)
            .iter()
            .filter(|d| d.file == "cases/pl-001.yaml")
            .map(|d| d.rule.id())
            .collect();
        for r in [
            "party.credit-code",
            "planned.blank",
            "visit.window",
            "case.stage",
        ] {
            assert!(rules.contains(&r), "{r} in {rules:?}");
        }
        for r in [
            "evidence.none",
            "case.section",
            "signing.missing",
            "price.missing",
            "sample.quantities",
        ] {
            assert!(!rules.contains(&r), "{r} in {rules:?}");
        }
        // No document is made for a planned case: its paper is the visit pack.
        let out = tempfile::tempdir().unwrap();
        let (code, _, err) = run(&[
            "render",
            p(dir.path()),
            "-o",
            p(out.path()),
            "--case",
            "PM-2099-002",
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(!out.path().join("cases/PM-2099-002").exists());
        // Filled in, it is an ordinary case: the visit rules apply.
        let text = std::fs::read_to_string(dir.path().join("cases/pl-002.yaml")).unwrap();
        std::fs::write(
            dir.path().join("cases/pl-002.yaml"),
            text.replace("domain:", "outcome: refused\ndomain:"),
        )
        .unwrap();
        let lb = spotcheck::input::load::load(dir.path()).unwrap();
        let rules: Vec<&str> = spotcheck::rules::check(&lb)
            .iter()
            .filter(|d| d.file == "cases/pl-002.yaml")
            .map(|d| d.rule.id())
            .collect();
        for r in ["evidence.none", "case.section"] {
            assert!(rules.contains(&r), "{r} in {rules:?}");
        }
    }
}

#[test]
fn status_counts_planned_cases_apart_from_lots() {
    for sample in samples() {
        let dir = with_planned(&sample);
        let json = |d: &Path| -> serde_json::Value {
            let (_, out, _) = run(&["status", p(d), "--today", "2030-01-01", "--format", "json"]);
            serde_json::from_str(&out).unwrap()
        };
        let with = json(dir.path());
        let without = json(&sample);
        assert_eq!(with["total"]["scheduled"], 2);
        assert_eq!(without["total"]["scheduled"], 0);
        for k in ["visited", "sampled", "refused", "not_sampled", "shortfall"] {
            assert_eq!(with["total"][k], without["total"][k], "{k}");
        }
        let (_, out, _) = run(&["check", p(dir.path())]);
        assert!(out.contains("其中 2 个是计划中的案例"), "{out}");
        for lang in ["zh", "en"] {
            let (_, out, _) = run(&[
                "--lang",
                lang,
                "status",
                p(dir.path()),
                "--today",
                "2030-01-01",
            ]);
            let head = if lang == "zh" {
                "待抽样"
            } else {
                "Cases planned"
            };
            assert!(out.contains(head), "{out}");
        }
    }
}

/// The text of each page of a PDF.
fn pages_text(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    pdf_extract::extract_text_from_mem_by_pages(&bytes)
        .unwrap()
        .into_iter()
        .map(|t| squash(&t))
        .collect()
}

const TITLES: [(&str, &str); 7] = [
    ("notice", "产品质量监督抽查通知书"),
    ("sampling-sheet", "产品质量监督抽查/复查抽样单"),
    ("payment-slip", "产品质量监督抽查样品付费单"),
    ("sealing-notice", "产品质量监督抽查样品封存和处置告知单"),
    ("refusal-form", "产品质量监督抽查拒检认定表"),
    ("no-sample-sheet", "未抽样品工作单"),
    ("feedback-sheet", "工作纪律反馈单"),
];

#[test]
fn a_pack_prints_what_is_known_and_blanks_for_the_rest_each_form_on_an_odd_page() {
    for sample in samples() {
        let dir = with_planned(&sample);
        let f = facts(dir.path());
        let out = tempfile::tempdir().unwrap();
        let (code, stdout, err) = run(&["pack", p(dir.path()), "-o", p(out.path())]);
        assert_eq!(code, 0, "{err}");
        // One pack per lab of the day's visits.
        let packs: Vec<PathBuf> = walkdir::WalkDir::new(out.path().join("pack"))
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().to_path_buf())
            .collect();
        let labs: std::collections::BTreeSet<_> = f.rows.iter().take(2).map(|r| &r.1).collect();
        assert_eq!(packs.len(), labs.len(), "{stdout}");
        let mut seen = Vec::new();
        for pack in &packs {
            assert!(
                pack.ends_with(format!("{}.pdf", f.start)),
                "{}",
                pack.display()
            );
            let pages = pages_text(pack);
            assert_eq!(pages.len() % 2, 0, "duplex: an even number of pages");
            assert!(pages[0].contains("抽样路线单"), "{}", pages[0]);
            for t in &pages {
                assert!(!t.contains("待填写"), "the placeholder reached paper: {t}");
            }
            for n in 1..=2 {
                let party = format!("计划企业{n}有限公司");
                if !pages[0].contains(&party) {
                    continue;
                }
                seen.push(n);
                assert!(pages[0].contains(&format!("示例市计划路{n}号")));
                assert!(pages[0].contains("甲抽样、乙抽样"));
                // Each form of the visit, from an odd page, with the enterprise and the
                // notice number printed, and the sampling date left to the hand.
                for (kind, title) in TITLES {
                    // After the route sheet, which names every form in its note.
                    let at = pages
                        .iter()
                        .enumerate()
                        .skip(1)
                        .find(|(_, t)| t.contains(&squash(title)) && t.contains(&party))
                        .map(|(i, _)| i)
                        .unwrap_or_else(|| panic!("{kind} of {party} in {}", pack.display()));
                    assert_eq!(at % 2, 0, "{kind} starts on page {}, an even page", at + 1);
                    let t = &pages[at];
                    if kind != "sealing-notice" {
                        assert!(t.contains(&format!("PLAN-{n:03}")), "{kind}: {t}");
                    }
                }
                let sheet = pages[1..]
                    .iter()
                    .find(|t| t.contains(&squash(TITLES[1].1)) && t.contains(&party))
                    .unwrap();
                assert!(sheet.contains(CODES[1]), "{sheet}");
                let day = chrono::NaiveDate::parse_from_str(&f.start, "%Y-%m-%d").unwrap();
                let printed = spotcheck::documents::format::date_cn(day);
                assert!(
                    !sheet.contains(&squash(&printed)),
                    "the planned day is no visit date: {sheet}"
                );
                assert!(sheet.contains("年月日"), "a date to write by hand: {sheet}");
                assert!(sheet.contains("□照片□视频"), "{sheet}");
            }
        }
        seen.sort();
        assert_eq!(seen, [1, 2], "both planned visits packed");

        // One case alone, on request; a visited case reprints its own forms only.
        let (code, _, err) = run(&[
            "pack",
            p(dir.path()),
            "-o",
            p(out.path()),
            "--case",
            "PL-2099-001",
        ]);
        assert_eq!(code, 0, "{err}");
        let one = pages_text(&out.path().join("pack/PL-2099-001.pdf"));
        let lb = spotcheck::input::load::load(dir.path()).unwrap();
        let copies: usize = spotcheck::documents::pack::PACK_KINDS
            .iter()
            .map(|k| {
                spotcheck::input::kinds::CATALOG
                    .iter()
                    .find(|x| x.id == *k)
                    .unwrap()
                    .copies(&lb.batch)
                    .len()
            })
            .sum();
        assert!(copies > 7, "forms are made in several copies");
        assert_eq!(
            one.len(),
            2 + 2 * copies,
            "the route sheet and every copy of the seven one-page forms, each with its back"
        );
        // Every copy labelled at its foot, each from an odd page.
        let sheets: Vec<(usize, &String)> = one
            .iter()
            .enumerate()
            .filter(|(_, t)| t.contains(&squash(TITLES[1].1)))
            .collect();
        assert_eq!(sheets.len(), 3, "the sampling sheet 一式三联");
        for ((i, t), label) in sheets.iter().zip([
            "第一联承检机构留存",
            "第二联随样品流转",
            "第三联受检单位留存",
        ]) {
            assert!(t.contains(label), "{label}: {t}");
            assert_eq!(i % 2, 0, "{label} on page {}", i + 1);
        }
        for (i, t) in one.iter().enumerate() {
            if t.contains("第1页共") {
                assert_eq!(i % 2, 0, "a document starts on page {}", i + 1);
            }
        }
        // What cannot be packed: an unknown case, a day without visits, a batch without
        // planned cases and nothing asked for.
        let out = p(out.path());
        assert_eq!(
            run(&["pack", p(dir.path()), "-o", out, "--case", "NO-SUCH"]).0,
            2
        );
        assert_eq!(
            run(&["pack", p(dir.path()), "-o", out, "--date", "1999-01-01"]).0,
            2
        );
        assert_eq!(run(&["pack", p(&sample), "-o", out]).0, 2);
    }
}

#[test]
fn an_imported_list_leaves_nothing_that_blocks_a_build() {
    let dir = copy_of(&sample_dir());
    let list = dir.path().join("list.csv");
    write_csv(&list, &good_rows(&facts(dir.path())));
    assert_eq!(run(&["import", p(dir.path()), p(&list)]).0, 0);
    // The notice number the list did not give: a warning of the planned case, not an error.
    let (code, out, _) = run(&["check", p(dir.path()), "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let planned: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "planned.blank")
        .collect();
    assert_eq!(planned.len(), 2, "{out}");
    assert!(
        planned.iter().all(|d| d["severity"] == "warning"),
        "{planned:?}"
    );
    assert_eq!(code, 0, "{out}");
    let out_dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["build", p(dir.path()), "-o", p(out_dir.path())]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn an_imported_list_gives_the_samplers_credentials_and_the_pack_prints_them() {
    let dir = copy_of(&sample_dir());
    let mut rows = good_rows(&facts(dir.path()));
    rows[1].push("抽样人员工作证号".into());
    rows[2].push("抽样工作证 JC-017、抽样工作证 JC-021".into());
    rows[3].push("JC-030".into());
    let list = dir.path().join("list.csv");
    let mut w = csv::Writer::from_path(&list).unwrap();
    for r in &rows {
        let mut r = r.clone();
        r.resize(12, String::new());
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    // One credential for two samplers: the cell is named, nothing written.
    let (code, _, err) = run(&["import", p(dir.path()), p(&list)]);
    assert_eq!(code, 1);
    assert!(
        err.contains(":L4 抽样人员工作证号: 错误[import.cell]"),
        "{err}"
    );
    rows[3][11] = "JC-030、JC-031".into();
    let mut w = csv::Writer::from_path(&list).unwrap();
    for r in &rows {
        let mut r = r.clone();
        r.resize(12, String::new());
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    let (code, _, err) = run(&["import", p(dir.path()), p(&list)]);
    assert_eq!(code, 0, "{err}");
    let lb = spotcheck::input::load::load(dir.path()).unwrap();
    let c = lb
        .cases
        .iter()
        .find(|c| c.case.party.credit_code == CODES[0])
        .unwrap();
    let creds: Vec<_> = c
        .case
        .visit
        .samplers
        .iter()
        .map(|s| s.credential.clone())
        .collect();
    assert_eq!(
        creds,
        [
            Some("抽样工作证 JC-017".to_string()),
            Some("抽样工作证 JC-021".to_string())
        ]
    );
    // The visit pack's forms print them.
    let out = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&[
        "pack",
        p(dir.path()),
        "-o",
        p(out.path()),
        "--case",
        &c.case.id,
    ]);
    assert_eq!(code, 0, "{err}");
    let pdf = out.path().join("pack").join(format!("{}.pdf", c.case.id));
    let text = squash(&pdf_text(&pdf));
    assert!(text.contains(&squash("抽样工作证 JC-017")), "{text}");
    // The ledger writes them back under the header import reads.
    let ledger = dir.path().join("ledger.xlsx");
    assert_eq!(run(&["export", p(dir.path()), "-o", p(&ledger)]).0, 0);
    let (code, out2, _) = run(&["import", p(dir.path()), p(&ledger)]);
    assert_eq!(code, 0);
    assert!(out2.contains("已导入 0 个计划中的案例"), "{out2}");
}

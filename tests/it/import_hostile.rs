//! `import` against lists made to break it: a far cell, a shared-string table that declares
//! more than it holds, a workbook that inflates without end, every line break Unicode and YAML
//! know in cells and in the file's name, control characters, many bad rows, and two imports of
//! one list at once. Each is refused with the cell or file named, or read back exactly; the
//! process is never killed and nothing is written beside what was asked.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::common::*;
use crate::field::{CODES, copy_of, facts, good_rows, snapshot, write_csv, write_xlsx};

fn import(batch: &Path, list: &Path) -> (Option<i32>, String, String) {
    let o = spotcheck()
        .arg("import")
        .arg(batch)
        .arg(list)
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The sample batch and a folder for lists beside it.
fn batch() -> (tempfile::TempDir, tempfile::TempDir) {
    (copy_of(&sample_dir()), tempfile::tempdir().unwrap())
}

/// `list` with the part `name` of its zip replaced by what `edit` makes of it.
fn edit_part(list: &Path, name: &str, edit: impl Fn(Vec<u8>) -> Vec<u8>) {
    let bytes = std::fs::read(list).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let part_name = part.name().unwrap().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if part_name == name {
            data = edit(data);
        }
        out.start_file(part_name, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(list, out.finish().unwrap().into_inner()).unwrap();
}

/// The good list of the batch `dir` with one value more, in the sheet's last cell.
pub(crate) fn far_list(dir: &Path, list: &Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in good_rows(&facts(dir)).iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save(list).unwrap();
}

#[test]
fn a_value_in_a_far_cell_is_refused_by_its_name_and_the_process_lives() {
    let (dir, lists) = batch();
    let before = snapshot(dir.path());
    let list = lists.path().join("far.xlsx");
    far_list(dir.path(), &list);
    assert!(std::fs::metadata(&list).unwrap().len() < 16 * 1024);
    let (code, _, err) = import(dir.path(), &list);
    assert_eq!(code, Some(1), "killed or wrong exit: {err}");
    assert!(err.contains("!XFD1048576"), "the cell is not named: {err}");
    assert!(err.contains("50000 行"), "{err}");
    assert_eq!(snapshot(dir.path()), before);

    // An empty cell as far away (a format reaching the sheet's end) takes no room at all.
    let list = lists.path().join("far-empty.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in good_rows(&facts(dir.path())).iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    ws.write_blank(
        1_048_575,
        16_383,
        &rust_xlsxwriter::Format::new().set_bold(),
    )
    .unwrap();
    wb.save(&list).unwrap();
    let (code, out, err) = import(dir.path(), &list);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("已导入 2 个"), "{out}");
}

#[test]
fn a_workbook_that_declares_or_inflates_to_more_than_it_holds_is_refused() {
    let (dir, lists) = batch();
    let before = snapshot(dir.path());
    let rows = good_rows(&facts(dir.path()));

    // A shared-string table that claims a hundred billion strings.
    let list = lists.path().join("count.xlsx");
    write_xlsx(&list, "名单", &rows);
    edit_part(&list, "xl/sharedStrings.xml", |d| {
        let t = String::from_utf8(d).unwrap();
        let at = t.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = t[at..].find('"').unwrap() + at;
        format!("{}100000000000{}", &t[..at], &t[end..]).into_bytes()
    });
    let (code, _, err) = import(dir.path(), &list);
    assert_eq!(code, Some(1), "killed or wrong exit: {err}");
    assert!(err.contains("uniqueCount"), "{err}");

    // A sheet that inflates past 256 MB from a file of a few hundred kilobytes.
    let list = lists.path().join("bomb.xlsx");
    write_xlsx(&list, "名单", &rows);
    edit_part(&list, "xl/worksheets/sheet1.xml", |mut d| {
        let at = d.windows(11).position(|w| w == b"</sheetData").unwrap();
        let pad = vec![b' '; 300 << 20];
        d.splice(at..at, pad);
        d
    });
    assert!(std::fs::metadata(&list).unwrap().len() < 4 << 20);
    let (code, _, err) = import(dir.path(), &list);
    assert_eq!(code, Some(1), "killed or wrong exit: {err}");
    assert!(err.contains("256 MB"), "{err}");
    assert_eq!(snapshot(dir.path()), before);
}

/// Every line break YAML knows but NEL (a control character, refused below), quotes, a
/// comment sign and a mapping indicator, inside values.
const STRANGE: [&str; 8] = [
    "甲\nsampled: true",
    "乙\routcome: refused",
    "丙\u{2028}outcome: refused",
    "丁\u{2029}# a comment",
    "戊\"quoted\" 'single'",
    "己 # not a comment",
    "庚: 辛",
    "壬\r\n  - item",
];

/// The good list with strange text in the name, address and contact of its rows.
pub(crate) fn strange_rows(dir: &Path, k: usize) -> Vec<Vec<String>> {
    let mut rows = good_rows(&facts(dir));
    for (i, row) in rows.iter_mut().skip(2).enumerate() {
        let s = |j: usize| STRANGE[(k + i * 3 + j) % STRANGE.len()];
        row[1] = format!("{}有限公司", s(0));
        row[3] = format!("示例市{}", s(1));
        row[4] = s(2).to_string();
    }
    rows
}

/// The planned case made of the row with credit code `code`: its name, address and contact.
pub(crate) fn read_back(dir: &Path, code: &str) -> (String, String, String) {
    let lb = spotcheck::input::load::load(dir)
        .unwrap_or_else(|d| panic!("{}", d.in_lang(spotcheck::messages::Lang::Zh)));
    let c = lb
        .cases
        .iter()
        .find(|c| c.case.party.credit_code == code)
        .unwrap_or_else(|| panic!("no case for {code}"));
    assert!(c.case.is_planned(), "{}: {:?}", c.file, c.case.outcome);
    let p = &c.case.party;
    (
        p.name.clone(),
        p.address.clone(),
        p.contact.clone().unwrap_or_default(),
    )
}

#[test]
fn strange_text_in_cells_and_the_file_name_is_written_as_itself_never_as_fields() {
    for (k, name) in [
        "名单\u{2028}outcome: refused.csv",
        "名单\u{2029}# 注释.xlsx",
        "名单\"引号\"\n: x.xlsx",
        "名单\r- item.csv",
    ]
    .into_iter()
    .enumerate()
    {
        let (dir, lists) = batch();
        let rows = strange_rows(dir.path(), k);
        let list: PathBuf = lists.path().join(name);
        if name.ends_with(".csv") {
            write_csv(&list, &rows);
        } else {
            write_xlsx(&list, "名单", &rows);
        }
        let (code, out, err) = import(dir.path(), &list);
        assert_eq!(code, Some(0), "{name:?}: {err}");
        assert!(out.contains("已导入 2 个"), "{out}");
        for (i, row) in rows.iter().skip(2).enumerate() {
            let got = read_back(dir.path(), CODES[i]);
            assert_eq!(
                got,
                (row[1].clone(), row[3].clone(), row[4].clone()),
                "{name:?}"
            );
        }
        // The whole batch still reads: no case became something else, and only the two
        // new ones are planned.
        let lb = spotcheck::input::load::load(dir.path()).unwrap();
        assert_eq!(lb.cases.iter().filter(|c| c.case.is_planned()).count(), 2);
    }
}

#[test]
fn a_control_character_in_a_cell_is_refused_on_its_cell() {
    let (dir, lists) = batch();
    let before = snapshot(dir.path());
    let mut rows = good_rows(&facts(dir.path()));
    rows[2][1] = "甲\u{85}outcome: refused".into();
    rows[3][3] = "示例市\u{202E}路".into();
    let list = lists.path().join("controls.csv");
    write_csv(&list, &rows);
    let (code, _, err) = import(dir.path(), &list);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(":B3 企业名称: 错误[yaml.control-char]"),
        "{err}"
    );
    assert!(err.contains("U+0085"), "{err}");
    assert!(err.contains(":D4 地址: 错误[yaml.control-char]"), "{err}");
    assert!(err.contains("U+202E"), "{err}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_list_of_many_bad_rows_shows_the_first_hundred_and_counts_the_rest() {
    let (dir, lists) = batch();
    let mut rows = good_rows(&facts(dir.path()));
    let template = rows[2].clone();
    for i in 0..150 {
        let mut r = template.clone();
        r[1] = format!("坏企业{i}");
        r[2] = "91420100MA4KD07WX0".into();
        r[8] = "不是日期".into();
        rows.push(r);
    }
    let list = lists.path().join("many.csv");
    write_csv(&list, &rows);
    let (code, _, err) = import(dir.path(), &list);
    assert_eq!(code, Some(1));
    let located = err.lines().filter(|l| l.contains(": 错误[")).count();
    assert_eq!(located, 100, "{err}");
    assert!(err.contains("只列出前 100 处错误，另有"), "{err}");
    let total = err
        .lines()
        .find_map(|l| l.strip_suffix(" 处错误，未写入任何文件"))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no total in {err}"));
    assert!(total >= 300, "{total}");
}

#[test]
fn two_imports_of_one_list_at_once_make_each_case_once() {
    let (dir, lists) = batch();
    let before = snapshot(dir.path());
    let list = lists.path().join("list.csv");
    write_csv(&list, &good_rows(&facts(dir.path())));
    let start = || {
        spotcheck()
            .arg("import")
            .arg(dir.path())
            .arg(&list)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (start(), start());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&a.stdout),
        String::from_utf8_lossy(&b.stdout)
    );
    assert!(said.contains("已导入 2 个计划中的案例，0 行"), "{said}");
    assert!(
        said.contains("已导入 0 个计划中的案例，2 行已有案例"),
        "{said}"
    );
    assert_eq!(snapshot(dir.path()).len(), before.len() + 2, "{said}");
    spotcheck::input::load::load(dir.path()).expect("ids unique");
}

//! The per-batch documents: the notice itself, the lists, the summary table (PDF and .xlsx) and
//! the quality analysis report, checked against numbers recomputed here from the YAML.

use std::collections::BTreeMap;
use std::io::Read;

use calamine::{Data, Reader, Xlsx};
use serde_yaml::Value;
use spotcheck::documents::render::RenderOptions;

use crate::common::*;
use crate::oracle::{Raw, failed, tested, text};

fn raw() -> Raw {
    Raw::read(&sample_dir())
}

fn render_batch() -> (tempfile::TempDir, std::path::PathBuf) {
    let lb = sample();
    let (dir, done) = render_all(&lb, RenderOptions::default());
    assert!(done.iter().any(|d| d.kind == "analysis-report"));
    let b = dir.path().join("batch");
    (dir, b)
}

#[test]
fn batch_documents_carry_the_notice_the_lists_and_the_numbers() {
    let r = raw();
    let (_dir, b) = render_batch();

    // The notice itself: the seed's headings, its number, annex 1 and the 版记.
    let notice = pdf_text(&b.join("batch-notice.pdf"));
    for h in [
        "晋城市市场监督管理局文件",
        "晋市市监〔2023〕3号",
        "晋城市市场监督管理局关于组织2023年第一批产品质量监督抽查的通知",
        "各县（市、区）市场监管局，开发区分局，市综合行政执法队，承检机构，各有关生产经营企业：",
        "一、主要依据",
        "二、抽查范围",
        "三、进度安排",
        "四、经费保障",
        "五、实施步骤",
        "六、工作要求",
        "（一）提高政治站位，加强组织领导。",
        "（三）强化责任意识，确保有序推进。",
        "（此件主动公开）",
        "附件1",
        "2023年第一批产品质量监督抽查计划",
        "抄送：驻局纪检监察组。",
        "晋城市市场监督管理局办公室2023年1月10日印发",
        "—1—",
    ] {
        assert!(notice.contains(h), "notice lacks “{h}”");
    }
    for p in r.batch["plan"].as_sequence().unwrap() {
        let row = format!("{}{}", text(&p["category"]), text(&p["lots"]));
        assert!(notice.contains(&row), "annex 1 lacks the row “{row}”");
    }
    assert!(notice.contains("合计119"), "annex 1 total");

    // Annex 2 and 3: every qualified lot in one list, every unqualified or refused lot in the other.
    let qualified = pdf_text(&b.join("qualified-list.pdf"));
    let unqualified = pdf_text(&b.join("unqualified-list.pdf"));
    let mut nq = 0;
    let mut nu = 0;
    for c in &r.cases {
        let party = squash(&text(&c["party"]["name"]));
        if text(&c["outcome"]) == "refused" {
            assert!(
                unqualified.contains(&party) && unqualified.contains("拒检"),
                "refused {party}"
            );
            assert!(!qualified.contains(&party));
            nu += 1;
        } else if tested(c) {
            let product = squash(&text(&c["product"]["name"]));
            let f = failed(c);
            if f.is_empty() {
                assert!(
                    qualified.contains(&party) && qualified.contains(&product),
                    "qualified {party}"
                );
                nq += 1;
            } else {
                assert!(
                    unqualified.contains(&party) && unqualified.contains(&product),
                    "unqualified {party}"
                );
                for item in f {
                    assert!(
                        unqualified.contains(&squash(&item)),
                        "failed item {item} in 备注"
                    );
                }
                nu += 1;
            }
        }
    }
    assert!(qualified.contains(&format!("共{nq}批次")), "{qualified}");
    assert!(
        unqualified.contains(&format!("共{nu}批次")),
        "{unqualified}"
    );
    assert!(nq > 0 && nu > 0);

    // The numbers themselves are compared in `numbers`.
    let analysis = pdf_text(&b.join("analysis-report.pdf"));
    for caption in ["图1各类别产品批次合格率", "图2不合格项目出现次数"] {
        assert!(analysis.contains(caption), "{caption}");
    }
    // Each failing item, with how often it failed.
    let mut freq: BTreeMap<String, u32> = BTreeMap::new();
    for c in r.cases.iter().filter(|c| tested(c)) {
        for f in failed(c) {
            *freq.entry(squash(&f)).or_default() += 1;
        }
    }
    for (item, n) in &freq {
        assert!(
            analysis.contains(&format!("{item}（{n}次")),
            "analysis text names {item} ×{n}"
        );
    }
}

#[test]
fn the_spreadsheet_has_one_row_per_case_a_frozen_header_filters_and_totals() {
    let r = raw();
    let (_dir, b) = render_batch();
    let path = b.join("summary-table.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheets = wb.sheet_names();
    assert_eq!(
        sheets,
        vec!["检验情况汇总".to_string(), "分类统计".to_string()]
    );

    let rows = wb.worksheet_range("检验情况汇总").unwrap();
    let header: Vec<String> = rows
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(header[1], "抽样单编号");
    assert_eq!(header[4], "承检机构");
    assert_eq!(header[13], "检验结论");
    assert_eq!(rows.height(), r.cases.len() + 1);
    let by_id: BTreeMap<String, &Value> = r.cases.iter().map(|c| (text(&c["id"]), c)).collect();
    for row in rows.rows().skip(1) {
        let id = row[1].to_string();
        let c = by_id[&id];
        assert_eq!(row[5].to_string(), text(&c["party"]["name"]), "{id} party");
        let expected = match text(&c["outcome"]).as_str() {
            "refused" => "拒检",
            "not_sampled" => "未抽到样品",
            _ if !tested(c) && c["inspection"].is_null() => "待检验",
            _ if !tested(c) => "检验中",
            _ if failed(c).is_empty() => "合格",
            _ => "不合格",
        };
        assert_eq!(row[13].to_string(), expected, "{id} conclusion");
        assert_eq!(
            row[14].to_string(),
            failed(c).join("、"),
            "{id} failed items"
        );
        assert!(
            matches!(row[11], Data::DateTime(_)),
            "{id}: the sampling date is a date cell"
        );
    }

    // The 分类统计 sheet's numbers are compared in `numbers`.
    assert!(wb.worksheet_range("分类统计").unwrap().height() > 1);

    // Frozen header row and autofilter, as written in the sheet's XML.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
        "frozen header"
    );
    assert!(
        xml.contains(&format!("<autoFilter ref=\"A1:P{}\"", r.cases.len() + 1)),
        "filters"
    );
}

#[test]
fn the_spreadsheet_is_byte_identical_across_runs() {
    let lb = sample();
    assert_eq!(
        spotcheck::documents::xlsx::summary_workbook(&lb).unwrap(),
        spotcheck::documents::xlsx::summary_workbook(&lb).unwrap()
    );
}

/// A list longer than the part size is made in parts: every lot in exactly one part, in
/// order, numbered as in the whole list; each part says which it is; the category totals close
/// the last part of the summary table. (A 10,000-lot table as one document needs gigabytes.)
#[test]
fn long_lists_are_made_in_parts_with_every_row_once_and_in_order() {
    let lb = sample();
    let per = 5;
    let (dir, done) = render_all(
        &lb,
        RenderOptions {
            kinds: vec![
                "summary-table".into(),
                "qualified-list".into(),
                "unqualified-list".into(),
            ],
            rows_per_part: per,
            ..RenderOptions::default()
        },
    );
    let r = raw();
    let cases = r.cases.len();
    let parts_of = |kind: &str| -> Vec<String> {
        let mut names: Vec<String> = done
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let n = cases.div_ceil(per);
    assert_eq!(
        parts_of("summary-table"),
        (1..=n)
            .map(|k| format!("summary-table-{k:02}.pdf"))
            .collect::<Vec<_>>()
    );
    let qualified = r
        .cases
        .iter()
        .filter(|c| tested(c) && failed(c).is_empty())
        .count();
    assert_eq!(parts_of("qualified-list").len(), qualified.div_ceil(per));
    let unqualified = r
        .cases
        .iter()
        .filter(|c| text(&c["outcome"]) == "refused" || (tested(c) && !failed(c).is_empty()))
        .count();
    assert_eq!(
        parts_of("unqualified-list").len(),
        unqualified.div_ceil(per)
    );
    if unqualified <= per {
        // A list that fits is one document under its usual name.
        assert_eq!(parts_of("unqualified-list"), ["unqualified-list.pdf"]);
    }

    // Every case id once across the parts of the summary table, in part order, and the
    // numbering of each part goes on from the previous one.
    let mut seen = Vec::new();
    for k in 1..=n {
        let text = pdf_text(&dir.path().join(format!("batch/summary-table-{k:02}.pdf")));
        assert!(
            text.contains(&format!("第{k}部分（共{n}部分）")),
            "part {k} says so"
        );
        let mut here: Vec<(usize, &str)> = lb
            .cases
            .iter()
            .filter_map(|lc| {
                text.find(&squash(&lc.case.id))
                    .map(|at| (at, lc.case.id.as_str()))
            })
            .collect();
        here.sort();
        assert!(!here.is_empty() && here.len() <= per, "part {k}: {here:?}");
        seen.extend(here.into_iter().map(|(_, id)| id.to_string()));
        let totals = text.contains("计划批次") && text.contains("合格率计算批次合格率");
        assert_eq!(
            totals,
            k == n,
            "part {k}: the category totals close the last part"
        );
    }
    let ordered: Vec<String> =
        spotcheck::documents::view::ordered_share(&lb, spotcheck::input::stats::Share::All)
            .iter()
            .map(|c| c.id.clone())
            .collect();
    assert_eq!(seen, ordered, "every lot once, in the table's order");
}

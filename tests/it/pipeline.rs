//! The PDFs written for the sample batch carry each case's own values.

use std::collections::BTreeMap;

use serde_yaml::Value;
use spotcheck::documents::render::RenderOptions;

use crate::common::*;

/// A sample's case files read as plain YAML, independently of the loader under test.
fn raw_cases(dir: &std::path::Path) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir.join("cases")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let v: Value =
                serde_yaml::from_str(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
            out.insert(v["id"].as_str().unwrap().to_string(), v);
        }
    }
    out
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => panic!("not a scalar: {other:?}"),
    }
}

/// `2023-03-02` → `2023年3月2日` (whitespace squashed, as in the extracted text).
fn date_cn(v: &Value) -> String {
    let text = s(v);
    let parts: Vec<u32> = text.split('-').map(|p| p.parse().unwrap()).collect();
    format!("{}年{}月{}日", parts[0], parts[1], parts[2])
}

fn money(v: &Value) -> String {
    format!("{:.2}", v.as_f64().unwrap())
}

/// What each kind of document must show of its case.
fn expected(kind: &str, c: &Value, objection_days: u64) -> Vec<String> {
    let samplers: Vec<String> = c["visit"]["samplers"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|x| s(&x["name"]))
        .collect();
    let party = s(&c["party"]["name"]);
    let code = s(&c["party"]["credit_code"]);
    let date = date_cn(&c["visit"]["date"]);
    let mut e = vec![party.clone()];
    let p = &c["product"];
    match kind {
        "notice" => {
            e.extend([code, date, s(&c["visit"]["notice_no"]), s(&c["category"])]);
            e.extend(samplers);
        }
        "sampling-sheet" => {
            e.extend([code, date, s(&p["name"]), money(&p["unit_price"])]);
            e.push(format!(
                "检验样品{}{}",
                s(&p["test_quantity"]),
                s(&p["unit"])
            ));
            e.push(format!(
                "备用样品{}{}",
                s(&p["backup_quantity"]),
                s(&p["unit"])
            ));
            for opt in ["model", "batch", "standard"] {
                if !p[opt].is_null() {
                    e.push(squash(&s(&p[opt])));
                }
            }
            e.extend(c["seals"]["numbers"].as_sequence().unwrap().iter().map(s));
            e.extend(samplers);
        }
        // Bought online: the order, what it paid, who bought.
        "payment-slip" if c["online"].is_mapping() => {
            let o = &c["online"];
            e.extend([
                date,
                s(&p["name"]),
                money(&p["unit_price"]),
                money(&o["paid"]),
                s(&o["order_no"]),
                s(&o["buyer"]),
            ]);
        }
        "payment-slip" => {
            let unit = p["unit_price"].as_f64().unwrap();
            let qty = p["test_quantity"].as_f64().unwrap();
            e.extend([
                date,
                s(&p["name"]),
                money(&p["unit_price"]),
                format!("{:.2}", unit * qty),
            ]);
            e.extend(samplers);
        }
        "sealing-notice" => {
            e.extend([
                date,
                s(&p["name"]),
                format!("{}{}", s(&p["backup_quantity"]), s(&p["unit"])),
            ]);
            e.extend(c["seals"]["numbers"].as_sequence().unwrap().iter().map(s));
            e.extend(samplers);
        }
        "refusal-form" => {
            e.extend([
                code,
                date,
                squash(&s(&c["refusal"]["description"])),
                s(&c["refusal"]["county_bureau"]),
            ]);
            e.extend(samplers);
        }
        "report" => {
            let i = &c["inspection"];
            e.extend([code, date, s(&p["name"]), s(&i["report_no"])]);
            for item in i["items"].as_sequence().unwrap() {
                e.push(squash(&s(&item["name"])));
                e.push(squash(&s(&item["result"])));
            }
            let failed = i["items"]
                .as_sequence()
                .unwrap()
                .iter()
                .any(|it| s(&it["verdict"]) == "fail");
            e.push(if failed {
                "检验结论为不合格".into()
            } else {
                "检验结论为合格".into()
            });
            e.extend(samplers);
        }
        "no-sample-sheet" => {
            let n = &c["not_sampled"];
            e.extend([
                code,
                date,
                s(&n["reason"]),
                squash(&s(&n["description"])),
                s(&n["person_in_charge"]),
            ]);
            e.extend(samplers);
        }
        "feedback-sheet" => {
            e.extend([date, s(&c["visit"]["notice_no"])]);
            e.extend(samplers);
        }
        "result-notice" => {
            let i = &c["inspection"];
            e.extend([date, s(&p["name"]), s(&i["report_no"])]);
            let failed: Vec<String> = i["items"]
                .as_sequence()
                .unwrap()
                .iter()
                .filter(|it| s(&it["verdict"]) == "fail")
                .map(|it| squash(&s(&it["name"])))
                .collect();
            if failed.is_empty() {
                e.push("检验结论合格".into());
            } else {
                e.push("检验结论不合格".into());
                e.extend(failed);
            }
            // The objection period, from batch.yaml.
            e.push(format!("{objection_days}日内"));
        }
        "confirmation-notice" => {
            let k = &c["confirmation"];
            e.extend([
                squash(&s(&c["manufacturer"]["name"])),
                s(&p["name"]),
                s(&c["id"]),
                date_cn(&k["sent_on"]),
                "视为对样品真实性无异议".to_string(),
            ]);
        }
        "objection-decision" => {
            let o = &c["objection"];
            e.extend([
                squash(&s(&o["by"])),
                s(&c["inspection"]["report_no"]),
                date_cn(&o["received_on"]),
                date_cn(&o["decided_on"]),
            ]);
            e.extend(
                o["items"]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .map(|i| squash(&s(i))),
            );
        }
        "retest-report" => {
            let r = &c["objection"]["retest"];
            e.extend([
                s(&p["name"]),
                s(&r["report_no"]),
                "检验类别：复检".to_string(),
                s(&c["inspection"]["report_no"]),
            ]);
            e.extend(
                r["items"]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .map(|i| squash(&s(&i["name"]))),
            );
        }
        "final-notice" => {
            let o = &c["objection"];
            let last = if crate::oracle::final_failed(c).is_empty() {
                "合格"
            } else {
                "不合格"
            };
            e.extend([
                squash(&s(&o["by"])),
                s(&o["retest"]["report_no"]),
                format!("最终结论{last}"),
                date_cn(&o["final_notified_on"]),
            ]);
        }
        other => panic!("no expectations for {other}"),
    }
    e
}

#[test]
fn every_document_of_every_sample_case_carries_its_values() {
    for dir in samples() {
        documents_carry_their_values(&dir);
    }
}

fn documents_carry_their_values(sample: &std::path::Path) {
    let lb = spotcheck::input::load::load(sample).unwrap();
    let raw = raw_cases(sample);
    let batch: Value =
        serde_yaml::from_str(&std::fs::read_to_string(sample.join("batch.yaml")).unwrap()).unwrap();
    let objection_days = batch["rules"]["objection_days"].as_u64().unwrap_or(15);
    let (_dir, done) = render_all(&lb, RenderOptions::default());

    // Each case has the documents its outcome calls for, and nothing else.
    for (id, c) in &raw {
        let kinds: Vec<&str> = done
            .iter()
            .filter(|d| &d.case == id)
            .map(|d| d.kind)
            .collect();
        let outcome = s(&c["outcome"]);
        assert!(
            kinds.contains(&"notice"),
            "{id}: every visit has its notice"
        );
        let sampled = outcome == "sampled";
        for k in ["sampling-sheet", "payment-slip", "sealing-notice"] {
            assert_eq!(
                kinds.contains(&k),
                sampled,
                "{id}: {k} only for sampled lots"
            );
        }
        assert_eq!(
            kinds.contains(&"refusal-form"),
            outcome == "refused",
            "{id}: refusal form"
        );
        assert_eq!(
            kinds.contains(&"no-sample-sheet"),
            outcome == "not_sampled",
            "{id}: no-sample sheet"
        );
        assert!(
            kinds.contains(&"feedback-sheet"),
            "{id}: every visit has its feedback sheet"
        );
        let tested = !c["inspection"]["report_no"].is_null();
        assert_eq!(
            kinds.contains(&"result-notice"),
            tested,
            "{id}: result notice only when tested"
        );
        assert_eq!(
            kinds.contains(&"report"),
            tested,
            "{id}: report only when tested"
        );
    }

    let mut checked = 0;
    for d in done.iter().filter(|d| d.case != "batch") {
        let text = pdf_text(&d.path);
        for value in expected(d.kind, &raw[&d.case], objection_days) {
            // As extracted: whitespace is layout, not content; a volt's tilde is printed as the
            // alternating-current sign (〜, U+301C).
            let value = squash(&value).replace("V~", "V\u{301C}");
            assert!(
                text.contains(&value),
                "{} {}: “{value}” missing from the PDF text:\n{text}",
                d.case,
                d.kind
            );
            checked += 1;
        }
        assert!(
            text.contains(&format!("共{}页", d.pages)),
            "{} {}: page count",
            d.case,
            d.kind
        );
    }
    assert!(checked > 500, "only {checked} values checked");
}

#[test]
fn payment_slip_states_the_total_in_capitals() {
    let lb = sample();
    let (_dir, done) = render_all(
        &lb,
        RenderOptions {
            cases: vec!["JZ-2023-001".into()],
            kinds: vec!["payment-slip".into()],
            ..Default::default()
        },
    );
    assert_eq!(done.len(), 1);
    let text = pdf_text(&done[0].path);
    // 185.00 × 2 in the sample case.
    assert!(text.contains("叁佰柒拾元整"), "{text}");
    assert!(text.contains("￥370.00"), "{text}");
}

#[test]
fn the_same_input_renders_byte_identical_pdfs() {
    let lb = sample();
    let opts = || RenderOptions {
        cases: vec!["JZ-2023-001".into(), "RQ-2023-001".into()],
        ..Default::default()
    };
    let (a, first) = render_all(&lb, opts());
    let (b, second) = render_all(&lb, opts());
    assert_eq!(first.len(), second.len());
    assert!(first.len() >= 8);
    for d in &first {
        let rel = d.path.strip_prefix(a.path()).unwrap();
        let x = std::fs::read(a.path().join(rel)).unwrap();
        let y = std::fs::read(b.path().join(rel)).unwrap();
        assert!(x == y, "{} differs between two runs", rel.display());
    }
}

#[test]
fn pdfs_carry_title_and_their_own_date() {
    let lb = sample();
    let (_dir, done) = render_all(
        &lb,
        RenderOptions {
            cases: vec!["JZ-2023-001".into()],
            kinds: vec!["sampling-sheet".into()],
            ..Default::default()
        },
    );
    let bytes = std::fs::read(&done[0].path).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|r| r.as_reference())
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    let title = lopdf::decode_text_string(info.get(b"Title").unwrap()).unwrap();
    assert_eq!(title, "产品质量监督抽查/复查抽样单 JZ-2023-001");
    // The sampling sheet is dated by its visit (2023-03-02), not by the notice (2023-01-10);
    // its author is the lab, its subject names the batch and the case.
    let created = info.get(b"CreationDate").unwrap().as_str().unwrap();
    assert!(
        String::from_utf8_lossy(created).starts_with("D:20230302"),
        "{}",
        String::from_utf8_lossy(created)
    );
    let author = lopdf::decode_text_string(info.get(b"Author").unwrap()).unwrap();
    let lab = &lb.batch.labs[0].name;
    assert_eq!(&author, lab);
    let subject = lopdf::decode_text_string(info.get(b"Subject").unwrap()).unwrap();
    assert!(
        subject.contains("JZ-2023-001") && subject.contains(&lb.batch.document_no),
        "{subject}"
    );
}

#[test]
fn a_typst_error_points_into_the_generated_source_and_names_the_template() {
    let doc = spotcheck::documents::engine::DocSource {
        main_name: "report.typ".into(),
        label: "JZ-2023-001/report.typ（模板 report.typ.tera）".into(),
        ident: "t".into(),
        date: chrono::NaiveDate::from_ymd_opt(2023, 1, 10).unwrap(),
    };
    let source =
        "#import \"spotcheck.typ\": *\n= 标题\n#lbl[a]\n#undefined-function(1)\n".to_string();
    let err = engine().compile(&doc, source).err().expect("must fail");
    let text = err.to_string();
    assert!(
        text.contains("JZ-2023-001/report.typ（模板 report.typ.tera）:4:"),
        "{text}"
    );
    assert!(text.contains("undefined-function"), "{text}");
}

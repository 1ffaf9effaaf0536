//! `status`: the numbers agree with the YAML, recomputed here from the raw files, independently
//! of the code under test.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Value as Json, json};
use serde_yaml::Value;

use crate::common::*;

use crate::oracle::yaml;

/// batch.yaml and the case files, keyed by file path relative to the batch folder.
fn raw(dir: &Path) -> (Value, BTreeMap<String, Value>) {
    let mut cases = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir.join("cases")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/");
            cases.insert(rel, yaml(entry.path()));
        }
    }
    (yaml(&dir.join("batch.yaml")), cases)
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn text(v: &Value) -> String {
    v.as_str().unwrap().to_string()
}

fn tested(c: &Value) -> bool {
    c["outcome"] == "sampled"
        && c["inspection"]["report_no"].is_string()
        && c["inspection"]["items"]
            .as_sequence()
            .is_some_and(|i| !i.is_empty())
}

fn failed(c: &Value) -> bool {
    c["inspection"]["items"]
        .as_sequence()
        .into_iter()
        .flatten()
        .any(|i| i["verdict"] == "fail")
}

fn is_lot(c: &Value) -> bool {
    c["outcome"] == "sampled" || c["outcome"] == "refused"
}

/// What `status --format json` must say on `today`, computed from the raw YAML.
fn expected(dir: &Path, today: NaiveDate) -> Json {
    let (batch, cases) = raw(dir);
    let s = &batch["schedule"];

    let mut categories = Vec::new();
    let mut total = BTreeMap::<String, u64>::new();
    for entry in batch["plan"].as_sequence().unwrap() {
        let cat = &entry["category"];
        let of = |f: &dyn Fn(&Value) -> bool| {
            cases
                .values()
                .filter(|c| &c["category"] == cat && f(c))
                .count() as u64
        };
        let planned = entry["lots"].as_u64().unwrap();
        let sampled = of(&|c| c["outcome"] == "sampled");
        let refused = of(&|c| c["outcome"] == "refused");
        let row = json!({
            "category": cat.as_str().unwrap(),
            "planned": planned,
            "scheduled": of(&|c| c["outcome"].is_null()),
            "visited": of(&|c| !c["outcome"].is_null()),
            "sampled": sampled,
            "tested": of(&tested),
            "qualified": of(&|c| tested(c) && !failed(c)),
            "unqualified": of(&|c| tested(c) && failed(c)),
            "refused": refused,
            "not_sampled": of(&|c| c["outcome"] == "not_sampled"),
            "shortfall": planned.saturating_sub(sampled + refused),
        });
        for (k, v) in row.as_object().unwrap() {
            if let Some(n) = v.as_u64() {
                *total.entry(k.clone()).or_default() += n;
            }
        }
        categories.push(row);
    }

    let count = |f: &dyn Fn(&Value) -> bool| cases.values().filter(|c| f(c)).count() as u64;
    // The day the last of a deadline's work was done: `dates` of every case, the latest.
    let last = |dates: &dyn Fn(&Value) -> Vec<Option<NaiveDate>>| {
        cases.values().flat_map(dates).flatten().max()
    };
    let deadline = |key: &str, outstanding: u64, late: u64, last: Option<NaiveDate>| {
        let due = date(&s[key]).unwrap();
        let state = if outstanding == 0 && late == 0 {
            "met"
        } else if late > 0 || today > due {
            "overdue"
        } else {
            "open"
        };
        let met_on = last.filter(|_| state == "met").map(|d| d.to_string());
        json!({ "id": key, "date": due.to_string(), "state": state, "days_left": (due - today).num_days(), "met_on": met_on, "outstanding": outstanding, "late": late })
    };
    let delivery_due = date(&s["delivery_deadline"]).unwrap();
    let ecqs_due = date(&s["ecqs_deadline"]).unwrap();
    let sampling_end = date(&s["sampling_end"]).unwrap();
    let sampled = |c: &Value| c["outcome"] == "sampled";
    let deadlines = vec![
        deadline(
            "sampling_end",
            total["shortfall"],
            count(&|c| is_lot(c) && date(&c["visit"]["date"]).unwrap() > sampling_end),
            last(&|c| vec![date(&c["visit"]["date"]).filter(|_| is_lot(c))]),
        ),
        deadline(
            "delivery_deadline",
            count(&|c| sampled(c) && c["delivery"].is_null()),
            count(&|c| {
                sampled(c) && date(&c["delivery"]["sent_on"]).is_some_and(|d| d > delivery_due)
            }),
            last(&|c| vec![date(&c["delivery"]["sent_on"]).filter(|_| sampled(c))]),
        ),
        deadline(
            "ecqs_deadline",
            count(&|c| is_lot(c) && c["ecqs"]["sampling_entered_on"].is_null())
                + count(&|c| sampled(c) && c["ecqs"]["result_entered_on"].is_null()),
            count(&|c| {
                [
                    &c["ecqs"]["sampling_entered_on"],
                    &c["ecqs"]["result_entered_on"],
                ]
                .iter()
                .any(|v| date(v).is_some_and(|d| d > ecqs_due))
            }),
            last(&|c| {
                vec![
                    date(&c["ecqs"]["sampling_entered_on"]).filter(|_| is_lot(c)),
                    date(&c["ecqs"]["result_entered_on"]).filter(|_| sampled(c)),
                ]
            }),
        ),
        deadline(
            "analysis_deadline",
            // Submitted on a day still to come is not yet submitted.
            u64::from(date(&batch["analysis_submitted_on"]).is_none_or(|d| d > today)),
            0,
            date(&batch["analysis_submitted_on"]).filter(|d| *d <= today),
        ),
    ];

    // Late cases: (kind, case) pairs with the due date and days late.
    let lag = s["ecqs_entry_days"].as_u64().unwrap();
    let mut late = Vec::new();
    for (file, c) in &cases {
        let mut check = |kind: &str, due: NaiveDate, done: Option<NaiveDate>| {
            let at = done.unwrap_or(today);
            if at > due {
                late.push(json!({
                    "case": text(&c["id"]), "file": file, "kind": kind, "due": due.to_string(),
                    "done_on": done.map(|d| d.to_string()), "days_late": (at - due).num_days(),
                }));
            }
        };
        if is_lot(c) {
            let visit = date(&c["visit"]["date"]).unwrap();
            check(
                "ecqs_sampling",
                visit + chrono::Days::new(lag),
                date(&c["ecqs"]["sampling_entered_on"]),
            );
        }
        if sampled(c) {
            check(
                "ecqs_result",
                ecqs_due,
                date(&c["ecqs"]["result_entered_on"]),
            );
            check("delivery", delivery_due, date(&c["delivery"]["sent_on"]));
        }
    }

    let open: Vec<String> = cases
        .values()
        .filter(|c| tested(c) && failed(c) && c["followup"]["closed_on"].is_null())
        .map(|c| text(&c["id"]))
        .collect();

    json!({
        "categories": categories,
        "total": total,
        "deadlines": deadlines,
        "late": late,
        "open_followups": open,
    })
}

fn status_json(dir: &Path, today: &str) -> Json {
    let o = spotcheck()
        .args([
            "status",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--today",
            today,
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Compares the output with the expectation, on the fields the expectation names.
fn compare(dir: &Path, today: &str) -> Json {
    let got = status_json(dir, today);
    let want = expected(dir, NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap());
    assert_eq!(got["today"], today);
    assert_eq!(got["categories"], want["categories"]);
    for (k, v) in want["total"].as_object().unwrap() {
        assert_eq!(&got["total"][k], v, "total.{k}");
    }
    assert_eq!(got["total"]["category"], "合计");
    let deadlines = got["deadlines"].as_array().unwrap();
    assert_eq!(deadlines.len(), 4);
    for (g, w) in deadlines.iter().zip(want["deadlines"].as_array().unwrap()) {
        for (k, v) in w.as_object().unwrap() {
            assert_eq!(&g[k], v, "deadline {}: {k}", w["id"]);
        }
    }
    let mut got_late: Vec<Json> = got["late"].as_array().unwrap().iter().map(|l| {
        json!({ "case": l["case"], "file": l["file"], "kind": l["kind"], "due": l["due"], "done_on": l["done_on"], "days_late": l["days_late"] })
    }).collect();
    let mut want_late = want["late"].as_array().unwrap().clone();
    let key = |v: &Json| (v["kind"].to_string(), v["case"].to_string());
    got_late.sort_by_key(key);
    want_late.sort_by_key(key);
    assert_eq!(got_late, want_late, "late cases");
    let mut got_open: Vec<String> = got["open_followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["case"].as_str().unwrap().to_string())
        .collect();
    got_open.sort();
    let mut want_open: Vec<String> = want["open_followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    want_open.sort();
    assert_eq!(got_open, want_open, "open follow-ups");
    got
}

#[test]
fn status_of_the_sample_agrees_with_the_yaml() {
    let got = compare(&sample_dir(), "2023-08-01");
    // The same numbers once more, written out, so that a mistake shared by the test's
    // recomputation and the code would still show.
    let t = &got["total"];
    let counts: Vec<u64> = [
        "planned",
        "sampled",
        "tested",
        "qualified",
        "unqualified",
        "refused",
        "not_sampled",
        "shortfall",
    ]
    .iter()
    .map(|k| t[k].as_u64().unwrap())
    .collect();
    assert_eq!(counts, [119, 16, 14, 10, 4, 1, 1, 102]);
    let states: Vec<(&str, &str, i64)> = got["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["state"].as_str().unwrap(),
                d["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("sampling_end", "overdue", -1),
            ("delivery_deadline", "open", 9),
            ("ecqs_deadline", "open", 40),
            ("analysis_deadline", "open", 70)
        ]
    );
    assert!(got["late"].as_array().unwrap().is_empty());
    let open: Vec<&str> = got["open_followups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["case"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["DX-2023-001", "XF-2023-001"]);
}

#[test]
fn status_after_the_deadlines_lists_the_late_cases() {
    let got = compare(&sample_dir(), "2023-09-15");
    let late: Vec<(&str, &str)> = got["late"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["kind"].as_str().unwrap(), l["case"].as_str().unwrap()))
        .collect();
    assert_eq!(
        late,
        [
            ("ecqs_result", "JZ-2023-005"),
            ("ecqs_result", "RQ-2023-002"),
            ("delivery", "JZ-2023-005"),
            ("delivery", "RQ-2023-002")
        ]
    );

    // A late e-CQS entry and a late delivery that were done, on a changed copy.
    let dir = copy_sample();
    let path = dir.path().join("cases/jz-001.yaml");
    let t = std::fs::read_to_string(&path).unwrap();
    let t = t.replacen(
        "sampling_entered_on: 2023-03-03",
        "sampling_entered_on: 2023-03-05",
        1,
    );
    let t = t.replacen("sent_on: 2023-03-24", "sent_on: 2023-08-14", 1);
    std::fs::write(&path, t).unwrap();
    let got = compare(dir.path(), "2023-08-01");
    let jz1: Vec<(&str, i64)> = got["late"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["case"] == "JZ-2023-001")
        .map(|l| {
            (
                l["kind"].as_str().unwrap(),
                l["days_late"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(jz1, [("ecqs_sampling", 2), ("delivery", 4)]);
    let delivery = got["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "delivery_deadline")
        .unwrap();
    assert_eq!(
        (delivery["state"].as_str(), delivery["late"].as_u64()),
        (Some("overdue"), Some(1))
    );
}

#[test]
fn status_prints_tables_for_the_terminal() {
    let o = spotcheck()
        .args([
            "status",
            sample_dir().to_str().unwrap(),
            "--today",
            "2023-08-01",
        ])
        .output()
        .unwrap();
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for needle in [
        "截至 2023年8月1日",
        "抽查进度",
        "合计",
        "119",
        "时限",
        "已逾期",
        "已过 1 天",
        "9 天",
        "逾期的案例：无",
        "未办结的不合格后处理",
        "DX-2023-001",
        "开发区分局",
    ] {
        assert!(out.contains(needle), "“{needle}” not in:\n{out}");
    }
    // Without --today, the day is today's date; a malformed day is refused.
    let o = spotcheck()
        .args(["status", sample_dir().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success());
    let o = spotcheck()
        .args([
            "status",
            sample_dir().to_str().unwrap(),
            "--today",
            "2023-02-30",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// A copy of the sample in which everything is done in time: every lot planned is visited
/// (the plan cut to the lots there are), delivered, entered and the analysis submitted.
fn sample_all_done() -> tempfile::TempDir {
    let dir = copy_sample();
    let b = dir.path();
    let batch = b.join("batch.yaml");
    edit_yaml(&batch, |v| {
        v["analysis_submitted_on"] = "2023-10-08".into();
    });
    // The unfinished cases (not delivered, no result in e-CQS) dropped, then the plan cut to
    // the lots sampled or refused.
    for file in ["cases/jz-005.yaml", "cases/rq-002.yaml"] {
        std::fs::remove_file(b.join(file)).unwrap();
    }
    let lb = spotcheck::input::load::load(b).unwrap();
    let numbers = spotcheck::input::stats::compute(&lb);
    edit_yaml(&batch, |v| {
        for row in v["plan"].as_sequence_mut().unwrap() {
            let c = numbers
                .by_category
                .iter()
                .find(|c| row["category"] == c.label.as_str())
                .unwrap();
            row["lots"] = c.lots.into();
        }
    });
    dir
}

#[test]
fn a_met_deadline_says_when_it_was_met_and_a_follow_up_never_runs_backwards() {
    let dir = sample_all_done();
    let got = compare(dir.path(), "2023-10-11");
    let met: Vec<(&str, &str, &str)> = got["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["state"].as_str().unwrap(),
                d["met_on"].as_str().unwrap_or("-"),
            )
        })
        .collect();
    assert_eq!(
        met,
        [
            // The last lots left: rq-001 visited 2023-06-20, its report sent 2023-07-17 and
            // its result entered 2023-07-13.
            ("sampling_end", "met", "2023-06-20"),
            ("delivery_deadline", "met", "2023-07-17"),
            ("ecqs_deadline", "met", "2023-07-13"),
            ("analysis_deadline", "met", "2023-10-08"),
        ]
    );
    let table = |lang: &str, today: &str| {
        let o = run(&[
            "--lang",
            lang,
            "status",
            dir.path().to_str().unwrap(),
            "--today",
            today,
        ]);
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let zh = table("zh", "2023-10-11");
    assert!(zh.contains("已于 2023年10月8日完成"), "{zh}");
    // A met deadline counts no days, left or past.
    let analysis = zh.lines().find(|l| l.contains("质量分析报告")).unwrap();
    assert!(
        !analysis.contains('天') && analysis.contains('—'),
        "{analysis}"
    );
    let en = table("en", "2023-10-11");
    assert!(en.contains("met on 2023-10-08"), "{en}");
    // Before a follow-up's notice, its days are not yet counted: 未到, never negative.
    let zh = table("zh", "2023-01-05");
    let dx = zh.lines().find(|l| l.contains("DX-2023-001")).unwrap();
    assert!(dx.trim_end().ends_with("未到"), "{dx}");
    assert!(!zh.contains(" -"), "{zh}");
    let early = status_json(dir.path(), "2023-01-05");
    for f in early["open_followups"].as_array().unwrap() {
        assert!(f["days_open"].is_null(), "{f}");
    }
    let late = status_json(dir.path(), "2023-09-01");
    let dx = &late["open_followups"][0];
    assert_eq!(
        (dx["case"].as_str(), dx["days_open"].as_i64()),
        (Some("DX-2023-001"), Some(63))
    );
}

#[test]
fn check_json_names_planned_cases_and_planned_lots_apart_and_english_says_lots() {
    let dir = crate::field::with_planned(&sample_dir());
    let o = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let v: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["planned_cases"], 2, "{}", v["summary"]);
    assert!(v["summary"].get("planned").is_none(), "{}", v["summary"]);
    let jz = &v["plan"][0];
    assert_eq!(jz["category"], "建筑及装饰装修材料");
    assert_eq!(
        (jz["planned_lots"].as_u64(), jz["lots"].as_u64()),
        (Some(35), Some(5))
    );
    assert!(jz.get("planned").is_none(), "{jz}");
    let o = run(&["--lang", "en", "check", dir.path().to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(
            "建筑及装饰装修材料: 35 lots planned, 5 lots sampled or refused, 30 lots to go"
        ),
        "{out}"
    );
    let o = run(&[
        "--lang",
        "en",
        "status",
        sample_dir().to_str().unwrap(),
        "--today",
        "2023-08-01",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("Lots planned") && out.contains("Lots to go"),
        "{out}"
    );
}

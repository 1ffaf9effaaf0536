//! The inspection report as labs issue it: the CMA mark's place with the lab's accreditation
//! number, the report seal line, the report number and 第 x 页 共 y 页 on every page, 以下空白
//! after the last item, the 编制/审核/批准 fields and the usual statements.

use spotcheck::documents::render::{self, RenderOptions};
use spotcheck::input::load;

use crate::common::*;

#[test]
fn every_report_carries_what_a_lab_prints_on_it() {
    for dir in samples() {
        let lb = load::load(&dir).unwrap();
        let out = tempfile::tempdir().unwrap();
        let opts = RenderOptions {
            out: out.path().to_path_buf(),
            kinds: vec!["report".into()],
            ..Default::default()
        };
        let done = render::render(&lb, &engine(), &opts).unwrap();
        assert!(!done.is_empty(), "{}", dir.display());
        for d in &done {
            let lc = lb.case(&d.case).unwrap();
            let lab = lb.batch.lab(&lc.case.lab).unwrap();
            let no = lc
                .case
                .inspection
                .as_ref()
                .unwrap()
                .report_no
                .clone()
                .unwrap_or_default();
            let cma = lab
                .accreditation
                .as_deref()
                .expect("both samples' labs have one");
            assert_eq!(cma.len(), 12);
            let text = pdf_text(&d.path);
            let at = |s: &str| {
                text.find(s)
                    .unwrap_or_else(|| panic!("{}: no {s}", d.path.display()))
            };
            assert!(text.starts_with("CMA"), "{}: {text}", d.path.display());
            assert!(
                at(cma) < at("检验报告"),
                "the number under the mark, on the cover"
            );
            assert!(text.contains("（检验检测专用章）"));
            assert!(d.pages >= 2);
            for page in 1..=d.pages {
                let foot = format!("报告编号：{no}第{page}页共{}页", d.pages);
                assert!(text.contains(&foot), "{}: no “{foot}”", d.path.display());
            }
            // 以下空白 closes the items: nothing of them after it.
            let blank = at("以下空白");
            let last_item = &lc
                .case
                .inspection
                .as_ref()
                .unwrap()
                .items
                .last()
                .unwrap()
                .name;
            assert!(text.rfind(&squash(last_item)).unwrap() < blank);
            for field in ["编制（主检）：", "审核：", "批准："] {
                assert!(text.contains(field), "{field}");
            }
            for statement in [
                "无“检验检测专用章”或检验检测机构公章无效",
                "不得部分复制本报告",
            ] {
                assert!(text.contains(statement), "{statement}");
            }
            let objection = format!("收到检验结果之日起{}日内", lb.batch.rules.objection_days);
            assert!(text.contains(&objection), "{objection}");
        }
    }
}

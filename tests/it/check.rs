//! `check`: each rule fires on a case that breaks it, at the field's line and path, and the
//! sample batch checks clean.

use std::collections::BTreeSet;
use std::path::Path;

use spotcheck::diag::{Diagnostic, Severity};
use spotcheck::diag::{Rule, registry};
use spotcheck::documents::render;
use spotcheck::input::codes;
use spotcheck::input::load;
use spotcheck::rules;

use crate::common::*;

/// One change to one file of a copied sample.
enum Edit {
    /// Replace the first occurrence.
    Replace(&'static str, &'static str),
    /// Delete the first line that contains the text.
    DeleteLine(&'static str),
    /// Delete every line that contains the text.
    DeleteLines(&'static str),
}

/// Where the finding must stand.
enum Line {
    /// On the line where the first edit was made.
    Edited,
    /// On the first line (after the edits) that contains the text.
    Of(&'static str),
}

struct Row {
    rule: Rule,
    /// The sample batch copied and edited (a folder under samples/).
    sample: &'static str,
    /// The file edited.
    edit: &'static str,
    edits: &'static [Edit],
    /// The file, field path and line of the finding.
    file: &'static str,
    path: &'static str,
    line: Line,
}

use Edit::*;
use Line::*;

const fn row(
    rule: Rule,
    edit: &'static str,
    edits: &'static [Edit],
    path: &'static str,
    line: Line,
) -> Row {
    Row {
        rule,
        sample: "jincheng-2023-1",
        edit,
        edits,
        file: edit,
        path,
        line,
    }
}

/// A row on the sample of the statute's other paths (online lots, 复查, 样品确认, 异议、复检).
const fn hx(
    rule: Rule,
    edit: &'static str,
    edits: &'static [Edit],
    path: &'static str,
    line: Line,
) -> Row {
    Row {
        sample: "hexi-2024-2",
        ..row(rule, edit, edits, path, line)
    }
}

const HTK1: &str = "cases/tk-001.yaml";
const HTK2: &str = "cases/tk-002.yaml";
const HCZ2: &str = "cases/cz-002.yaml";
const HCZ3: &str = "cases/cz-003.yaml";
const HDX2: &str = "cases/dx-002.yaml";

const JZ1: &str = "cases/jz-001.yaml";
const JZ2: &str = "cases/jz-002.yaml";
const JZ4: &str = "cases/jz-004.yaml";
const JZ5: &str = "cases/jz-005.yaml";
const FH2: &str = "cases/fh-002.yaml";
const HF1: &str = "cases/hf-001.yaml";
const XF3: &str = "cases/xf-003.yaml";
const NM1: &str = "cases/nm-001.yaml";
const BATCH: &str = "batch.yaml";

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // batch.yaml
    row(Rule::BatchContact, BATCH, &[Replace("phone: \"0356-6231870\"", "phone: \"0356-623187\"")], "labs[0].phone", Edited),
    row(Rule::BatchContact, BATCH, &[Replace("postcode: \"048000\"", "postcode: \"48000\"")], "authority.postcode", Edited),
    row(Rule::ScheduleOrder, BATCH, &[Replace("sampling_end: 2023-07-31", "sampling_end: 2023-01-01")], "schedule.sampling_end", Edited),
    row(Rule::ScheduleOrder, BATCH, &[Replace("delivery_deadline: 2023-08-10", "delivery_deadline: 2023-07-10")], "schedule.delivery_deadline", Edited),
    row(Rule::PlanDuplicate, BATCH, &[Replace("- category: 农膜", "- category: 化肥")], "plan[4].category", Edited),
    row(Rule::LabUnknown, BATCH, &[Replace("lots: 5\n    lab: jc-qi", "lots: 5\n    lab: jc-xx")], "plan[4].lab", Of("lab: jc-xx")),
    row(Rule::LabId, BATCH, &[Replace("  - id: jc-qi", "  - id: jc/qi")], "labs[0].id", Edited),
    row(Rule::LabAccreditation, BATCH, &[Replace("accreditation: \"230412340099\"", "accreditation: CMA 230412340099")], "labs[0].accreditation", Edited),
    row(Rule::LabAccreditation, BATCH, &[Replace("accreditation: \"230412340099\"", "accreditation: \"23041234009\"")], "labs[0].accreditation", Edited),
    row(Rule::BatchCopies, BATCH, &[Replace("\ncounties:", "\ncopies:\n  summary-table: [承检机构留存, 组织抽查部门留存]\n\ncounties:")], "copies.summary-table", Of("summary-table: [")),
    row(Rule::BatchCopies, BATCH, &[Replace("\ncounties:", "\ncopies:\n  payment-slip: []\n\ncounties:")], "copies.payment-slip", Of("payment-slip: [")),
    row(Rule::BatchPrefixes, BATCH, &[Replace("\ncounties:", "\nprefixes:\n  化肥: HF\n  农膜: hf\n\ncounties:")], "prefixes.农膜", Of("农膜: hf")),
    row(Rule::BatchPrefixes, BATCH, &[Replace("\ncounties:", "\nprefixes:\n  鞋类: XL\n\ncounties:")], "prefixes.鞋类", Of("鞋类: XL")),
    row(Rule::BatchDocumentNo, BATCH, &[Replace("document_no: 晋市市监〔2023〕3号", "document_no: 晋市市监[2023]3号")], "document_no", Edited),
    row(Rule::BatchDocumentNo, BATCH, &[Replace("document_no: 晋市市监〔2023〕3号", "document_no: 晋市市监2023年3号")], "document_no", Edited),
    row(Rule::RulesObjectionDays, BATCH, &[Replace("objection_days: 15", "objection_days: 7")], "rules.objection_days", Edited),
    row(Rule::ArchiveUnset, BATCH, &[Replace("  archivist: 李明华\n", "")], "archive.archivist", Of("archive:")),
    row(Rule::ScheduleIssued, BATCH, &[Replace("issued_on: 2023-01-10", "issued_on: 2023-01-12")], "issued_on", Edited),
    row(Rule::AnnexSource, BATCH, &[Replace("notice_body: |", "annexes:\n  - title: 计划\n    content: plan\n    file: evidence/JZ-2023-001/封样.jpg\nnotice_body: |")], "annexes[0].file", Of("    file: evidence/")),
    row(Rule::AnnexSource, BATCH, &[Replace("notice_body: |", "annexes:\n  - title: 计划\n    content: plan\n  - { title: 计划二, content: plan }\nnotice_body: |")], "annexes[1].content", Of("计划二")),
    row(Rule::AnnexFile, BATCH, &[Replace("notice_body: |", "annexes:\n  - title: 目录\n    file: annexes/无此文件.pdf\nnotice_body: |")], "annexes[0].file", Of("    file: annexes/")),
    row(Rule::AnnexFile, BATCH, &[Replace("notice_body: |", "annexes:\n  - title: 目录\n    file: batch.yaml\nnotice_body: |")], "annexes[0].file", Of("    file: batch.yaml")),
    Row {
        sample: "jincheng-2023-1",
        rule: Rule::LabPlan,
        edit: BATCH,
        edits: &[
            Replace("lots: 5\n    lab: jc-qi", "lots: 5\n    lab: jc-b"),
            Replace("\ncounties:", "  - id: jc-b\n    name: 示例检测站\n    address: 示例路 1 号\n    postcode: \"048000\"\n    contact: 张三\n    phone: \"0356-6231871\"\n\ncounties:"),
        ],
        file: NM1,
        path: "lab",
        line: Of("lab: jc-qi"),
    },
    row(Rule::CasePlaceholder, JZ1, &[Replace("place: 受检单位成品库", "place: 待填写")], "visit.place", Edited),
    row(Rule::PlannedBlank, JZ1, &[Replace("outcome: sampled", "# outcome: sampled"), Replace("notice_no: JCTZ-2023-003", "notice_no: 待填写")], "visit.notice_no", Of("notice_no: 待填写")),
    row(Rule::PlannedBlank, JZ1, &[Replace("outcome: sampled", "# outcome: sampled"), DeleteLine("name: 刘芳")], "visit.samplers", Of("  samplers:")),
    // the visit
    row(Rule::LabUnknown, JZ1, &[Replace("lab: jc-qi", "lab: jc-xx")], "lab", Edited),
    row(Rule::PlanCategory, JZ1, &[Replace("category: 建筑及装饰装修材料", "category: 建筑材料")], "category", Edited),
    Row {
        sample: "jincheng-2023-1",
        rule: Rule::PlanOver,
        edit: BATCH,
        edits: &[Replace("- category: 防护用品\n    lots: 15", "- category: 防护用品\n    lots: 1")],
        file: FH2,
        path: "category",
        line: Of("category: 防护用品"),
    },
    row(Rule::SamplersMin, JZ1, &[DeleteLine("name: 刘芳")], "visit.samplers", Of("  samplers:")),
    row(Rule::SamplersMin, JZ1, &[Replace("name: 刘芳", "name: 张明")], "visit.samplers", Of("  samplers:")),
    row(Rule::VisitWindow, XF3, &[Replace("date: 2023-05-23", "date: 2023-01-05")], "visit.date", Edited),
    row(Rule::VisitWindow, XF3, &[Replace("date: 2023-05-23", "date: 2023-08-01")], "visit.date", Edited),
    row(Rule::VisitNoticeValidity, JZ1, &[Replace("notice_valid_until: 2023-07-31", "notice_valid_until: 2023-03-01")], "visit.notice_valid_until", Edited),
    row(Rule::PartyCreditCode, JZ1, &[Replace("\"91140502318450271X\"", "\"91140502318450271Y\"")], "party.credit_code", Edited),
    row(Rule::PartyCreditCode, JZ1, &[Replace("\"91140502318450271X\"", "\"9114050231845027\"")], "party.credit_code", Edited),
    row(Rule::PartyCreditCode, JZ1, &[Replace("\"911405254012738516\"", "\"911405254012738O16\"")], "manufacturer.credit_code", Edited),
    row(Rule::PartyPhone, JZ1, &[Replace("phone: \"0356-6213478\"", "phone: \"6213478\"")], "party.phone", Edited),
    row(Rule::PartyPhone, FH2, &[Replace("phone: \"13903560417\"", "phone: \"1390356041\"")], "signing.witness.phone", Edited),
    row(Rule::PartyPostcode, JZ1, &[Replace("postcode: \"048000\"", "postcode: \"04800\"")], "party.postcode", Edited),
    row(
        Rule::EvidenceNone,
        JZ4,
        &[Replace("evidence:\n  - evidence/JZ-2023-004/现场照片1.jpg\n  - evidence/JZ-2023-004/拒检现场.jpg", "evidence: []")],
        "evidence",
        Edited,
    ),
    row(Rule::EvidenceFile, JZ1, &[Replace("现场照片2.jpg", "现场照片9.jpg")], "evidence[1]", Edited),
    row(Rule::EvidencePath, JZ1, &[Replace("- evidence/JZ-2023-001/现场照片2.jpg", "- ../jincheng-2023-1/evidence/JZ-2023-001/现场照片2.jpg")], "evidence[1]", Edited),
    row(Rule::EvidencePath, JZ1, &[Replace("- evidence/JZ-2023-001/现场照片2.jpg", "- /etc/hostname")], "evidence[1]", Edited),
    row(Rule::CaseSection, JZ1, &[Replace("signing:\n  party_signed: true\n  signer: 李晓红\n", "")], "signing", Of("outcome: sampled")),
    row(Rule::ManufacturerMissing, JZ1, &[Replace("manufacturer:\n  name: 山西示例防水材料有限公司\n  address: 晋城市泽州县示例工业园 3 号\n  credit_code: \"911405254012738516\"\n  phone: \"0356-6871520\"\n", "")], "manufacturer", Of("domain: 流通")),
    row(Rule::CaseSection, XF3, &[DeleteLine("not_sampled:"), DeleteLine("reason: 停产"), DeleteLine("  description: 抽样人员"), DeleteLine("person_in_charge:"), DeleteLine("reported_on: 2023-05-24")], "not_sampled", Of("outcome: not_sampled")),
    row(
        Rule::CaseStage,
        JZ5,
        &[Replace(
            "ecqs:\n  sampling_entered_on: 2023-07-27",
            "delivery:\n  sent_on: 2023-07-30\n  method: EMS\n  tracking_no: \"1104500000000\"\necqs:\n  sampling_entered_on: 2023-07-27",
        )],
        "delivery",
        Edited,
    ),
    row(Rule::CaseStage, JZ4, &[Replace("ecqs:", "disposal:\n  method: 销毁\necqs:")], "disposal", Edited),
    // a sampled lot
    row(Rule::SampleQuantities, JZ1, &[Replace("backup_quantity: 2", "backup_quantity: 0")], "product.backup_quantity", Edited),
    row(Rule::SampleQuantities, JZ1, &[DeleteLine("test_quantity: 2")], "product.test_quantity", Of("product:")),
    row(Rule::SealsNumbers, JZ1, &[Replace("numbers: [JCFY-23-0007, JCFY-23-0008, JCFY-23-0009, JCFY-23-0010]", "numbers: []")], "seals.numbers", Edited),
    row(Rule::SealsBackupPlace, JZ1, &[DeleteLine("backup_place: 受检单位成品库东侧货架")], "seals.backup_place", Of("seals:")),
    row(Rule::PriceMissing, JZ1, &[DeleteLine("unit_price: 185.00")], "product.unit_price", Of("product:")),
    row(Rule::PriceBasis, JZ1, &[DeleteLine("price_basis: marked")], "product.price_basis", Of("product:")),
    row(Rule::PricePositive, JZ1, &[Replace("unit_price: 185.00", "unit_price: 0")], "product.unit_price", Edited),
    row(Rule::PriceTotal, JZ1, &[Replace("total: 370.00", "total: 375.00")], "payment.total", Edited),
    row(Rule::FeeParty, JZ1, &[Replace("party_fee: 0.00", "party_fee: 20.00")], "payment.party_fee", Edited),
    row(Rule::SigningMissing, JZ1, &[Replace("party_signed: true", "party_signed: false")], "signing.refusal_note", Of("signing:")),
    row(
        Rule::SigningWitness,
        FH2,
        &[Replace("  witness:\n    name: 邢丽娟\n    affiliation: 泽州县示例建材市场管理处 工作人员\n    phone: \"13903560417\"\n", "")],
        "signing.witness",
        Of("signing:"),
    ),
    // refused, not sampled
    row(Rule::RefusalDetails, JZ4, &[DeleteLine("refused_by: 申建伟")], "refusal.refused_by", Of("refusal:")),
    row(Rule::RefusalCounty, JZ4, &[DeleteLine("county_bureau: 高平市市场监督管理局")], "refusal.county_bureau", Of("refusal:")),
    row(Rule::CountyUnknown, JZ4, &[Replace("county_bureau: 高平市市场监督管理局", "county_bureau: 高平市监局")], "refusal.county_bureau", Edited),
    row(Rule::CountyUnknown, JZ1, &[Replace("county_bureau: 城区市场监督管理局", "county_bureau: 城区分局")], "followup.county_bureau", Edited),
    row(Rule::NotSampledReason, XF3, &[Replace("reason: 停产", "reason: 倒闭")], "not_sampled.reason", Edited),
    row(Rule::NotSampledPerson, XF3, &[DeleteLine("person_in_charge:")], "not_sampled.person_in_charge", Of("not_sampled:")),
    // the report
    row(Rule::ReportIncomplete, JZ1, &[DeleteLine("  issued_on: 2023-03-20")], "inspection.issued_on", Of("inspection:")),
    row(Rule::ReportIncomplete, JZ1, &[DeleteLine("  approver: 郑国华")], "inspection.approver", Of("inspection:")),
    row(Rule::ReportItems, JZ1, &[Replace("  items:\n", "  items: []\n"), DeleteLines("verdict:")], "inspection.items", Edited),
    row(Rule::ConclusionContradicts, JZ1, &[Replace("  items:\n", "  conclusion: pass\n  items:\n")], "inspection.conclusion", Edited),
    row(Rule::ConclusionNoFailedItem, JZ2, &[Replace("  items:\n", "  conclusion: fail\n  items:\n")], "inspection.conclusion", Edited),
    row(
        Rule::FollowupCounty,
        JZ1,
        &[DeleteLine("followup:"), DeleteLine("county_bureau: 城区"), DeleteLine("notified_on:"), DeleteLine("closed_on:")],
        "followup",
        Of("verdict: fail"),
    ),
    row(Rule::FollowupCounty, JZ1, &[Replace("county_bureau: 城区市场监督管理局", "county_bureau: \"\"")], "followup.county_bureau", Edited),
    // delivery, e-CQS, disposal
    row(Rule::DeliveryLate, JZ1, &[Replace("sent_on: 2023-03-24", "sent_on: 2023-08-11")], "delivery.sent_on", Edited),
    row(Rule::DeliveryMethod, JZ1, &[Replace("method: EMS", "method: 顺丰")], "delivery.method", Edited),
    row(Rule::DeliveryTracking, JZ1, &[DeleteLine("tracking_no:")], "delivery.tracking_no", Of("delivery:")),
    row(Rule::EcqsLate, JZ1, &[Replace("sampling_entered_on: 2023-03-03", "sampling_entered_on: 2023-03-05")], "ecqs.sampling_entered_on", Edited),
    row(Rule::EcqsLate, JZ1, &[DeleteLine("sampling_entered_on: 2023-03-03")], "ecqs.sampling_entered_on", Of("ecqs:")),
    row(Rule::EcqsDeadline, JZ1, &[Replace("result_entered_on: 2023-03-21", "result_entered_on: 2023-09-11")], "ecqs.result_entered_on", Edited),
    row(Rule::DisposalEarly, HF1, &[Replace("date: 2023-06-20", "date: 2023-04-01")], "disposal.date", Edited),
    // across the batch
    row(Rule::ReportDuplicate, JZ2, &[Replace("report_no: JCQI-2023-JZ-002", "report_no: JCQI-2023-JZ-001")], "inspection.report_no", Edited),
    row(Rule::SealsDuplicate, JZ2, &[Replace("numbers: [JCFY-23-0011,", "numbers: [JCFY-23-0007,")], "seals.numbers[0]", Edited),
    row(Rule::SealsDuplicate, JZ1, &[Replace("JCFY-23-0010]", "JCFY-23-0007]")], "seals.numbers[3]", Of("numbers: [")),
    row(Rule::CasePrefix, NM1, &[Replace("id: NM-2023-001", "id: DX-2023-009")], "id", Edited),
    Row {
        sample: "jincheng-2023-1",
        rule: Rule::CasePrefix,
        edit: BATCH,
        edits: &[Replace("\ncounties:", "\nprefixes:\n  化肥: nm\n\ncounties:")],
        file: NM1,
        path: "id",
        line: Of("id: NM-2023-001"),
    },
    row(Rule::DatesOrder, JZ1, &[Replace("received_on: 2023-03-03", "received_on: 2023-03-01")], "inspection.received_on", Edited),
    row(Rule::DatesOrder, JZ1, &[Replace("closed_on: 2023-05-12", "closed_on: 2023-03-27")], "followup.closed_on", Edited),
    // the statute's other paths
    hx(Rule::OnlineMissing, HDX2, &[Replace("domain: 流通", "domain: 电子商务")], "domain", Edited),
    hx(Rule::OnlineDomain, HTK1, &[Replace("domain: 电子商务", "domain: 流通")], "online", Of("online:")),
    hx(Rule::OnlinePaid, HTK1, &[DeleteLine("  paid: 534.00")], "online.paid", Of("online:")),
    hx(Rule::OnlineReceipt, HTK1, &[Replace("  received_on: 2024-07-31", "  received_on: 2024-07-28")], "online.received_on", Edited),
    hx(Rule::OnlineReceipt, HTK1, &[Replace("  received_on: 2024-07-31\n  notified_on: 2024-08-01", "  received_on: 2024-08-02\n  notified_on: 2024-08-02")], "inspection.received_on", Of("  received_on: 2024-07-31")),
    hx(Rule::OnlineSealing, HTK1, &[Replace("  notified_on: 2024-08-01", "  sealed_on: 2024-08-01\n  notified_on: 2024-08-01")], "online.sealed_on", Edited),
    hx(Rule::OnlineNotified, HTK1, &[Replace("notified_on: 2024-08-01", "notified_on: 2024-07-30")], "online.notified_on", Edited),
    hx(Rule::OnlineSigning, HTK1, &[Replace("\nproduct:\n", "\nsigning:\n  party_signed: true\n  signer: 方晓琳\n\nproduct:\n")], "signing", Of("signing:")),
    hx(Rule::OnlineBackup, HTK1, &[Replace("  backup_kept_at: lab", "  backup_kept_at: party")], "seals.backup_kept_at", Edited),
    hx(Rule::OnlinePlatform, HTK2, &[DeleteLine("platform_notified_on:")], "followup.platform_notified_on", Of("followup:")),
    hx(Rule::RecheckReport, HCZ3, &[Replace("  report_no: SJZX-23-CZ-004", "  report_no: \"\"")], "recheck", Of("recheck:")),
    hx(
        Rule::ConfirmationMissing,
        HDX2,
        &[DeleteLine("confirmation:"), DeleteLine("  sent_on: 2024-08-08"), DeleteLine("  method: EMS"), DeleteLine("tracking_no: \"1103287654135\""), DeleteLine("answer: confirmed"), DeleteLine("answered_on: 2024-08-13")],
        "confirmation",
        Of("manufacturer:"),
    ),
    hx(Rule::ConfirmationAnswer, HDX2, &[DeleteLine("answered_on: 2024-08-13")], "confirmation.answered_on", Of("confirmation:")),
    hx(Rule::ConfirmationAnswer, HDX2, &[Replace("answer: confirmed", "answer: denied")], "confirmation.reason", Of("confirmation:")),
    hx(Rule::ConfirmationLate, HDX2, &[Replace("answered_on: 2024-08-13", "answered_on: 2024-08-20")], "confirmation.answered_on", Edited),
    hx(Rule::ObjectionDates, HCZ2, &[Replace("received_on: 2024-09-04", "received_on: 2024-08-20")], "objection.received_on", Edited),
    hx(Rule::ObjectionLate, HCZ2, &[Replace("received_on: 2024-09-04", "received_on: 2024-09-05"), Replace("sent_on: 2024-08-26", "sent_on: 2024-08-16")], "objection.received_on", Edited),
    hx(Rule::ObjectionDecision, HCZ2, &[Replace("decided_on: 2024-09-09", "decided_on: 2024-09-12")], "objection.decided_on", Edited),
    hx(Rule::ObjectionDetails, HCZ2, &[Replace("items: [拔出插头所需的力]", "items: []")], "objection.items", Edited),
    hx(Rule::RetestLab, HCZ2, &[Replace("    lab: sy-jy", "    lab: sj-zx")], "objection.retest.lab", Edited),
    hx(Rule::RetestItems, HCZ2, &[Replace("      - { name: 拔出插头所需的力", "      - { name: 插套拔出力")], "objection.retest.items", Of("    items:")),
    hx(Rule::RetestLate, HCZ2, &[Replace("issued_on: 2024-09-24", "issued_on: 2024-09-26")], "objection.retest.issued_on", Edited),
];

/// Applies the edits; returns the 1-based line of the first edit.
fn apply(dir: &Path, file: &str, edits: &[Edit]) -> usize {
    let path = dir.join(file);
    let mut text = std::fs::read_to_string(&path).unwrap();
    let mut first = None;
    for e in edits {
        let at = match e {
            Replace(from, _) | DeleteLine(from) | DeleteLines(from) => text
                .find(from)
                .unwrap_or_else(|| panic!("“{from}” not in {file}")),
        };
        first.get_or_insert(text[..at].matches('\n').count() + 1);
        text = match e {
            Replace(from, to) => text.replacen(from, to, 1),
            DeleteLine(s) => {
                let mut done = false;
                text.split_inclusive('\n')
                    .filter(|l| {
                        let first = !done && l.contains(s);
                        done |= first;
                        !first
                    })
                    .collect()
            }
            DeleteLines(s) => text
                .split_inclusive('\n')
                .filter(|l| !l.contains(s))
                .collect(),
        };
    }
    std::fs::write(&path, &text).unwrap();
    first.unwrap()
}

fn line_of(dir: &Path, file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("“{needle}” not in {file}"))
        + 1
}

fn summary(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("  {d}\n")).collect()
}

#[test]
fn every_sample_batch_checks_clean() {
    for dir in samples() {
        let found = rules::check(&load::load(&dir).unwrap());
        assert!(
            found.is_empty(),
            "{} must check clean:\n{}",
            dir.display(),
            summary(&found)
        );
    }
}

#[test]
fn every_rule_fires_at_the_field_that_breaks_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut failures = Vec::new();
    for row in ROWS {
        let clean = rules::check(&load::load(&root.join(row.sample)).unwrap());
        assert!(
            clean.iter().all(|d| d.rule != row.rule),
            "{} fires on the clean sample {}",
            row.rule,
            row.sample
        );
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root.join(row.sample), dir.path());
        let edited = apply(dir.path(), row.edit, row.edits);
        let line = match row.line {
            Edited => edited,
            Of(needle) => line_of(dir.path(), row.file, needle),
        };
        let lb = match load::load(dir.path()) {
            Ok(lb) => lb,
            Err(e) => {
                failures.push(format!(
                    "{} ({}): the edited batch does not load:\n{e}",
                    row.rule, row.path
                ));
                continue;
            }
        };
        let found = rules::check(&lb);
        // Checking the broken case alone (a form saved in the browser) finds the same.
        if let Some(lc) = lb.cases.iter().find(|lc| lc.file == row.file) {
            let alone = rules::check_cases(&lb, &[lc.case.id.as_str()]);
            let expected: Vec<Diagnostic> = found
                .iter()
                .filter(|d| {
                    d.file == load::BATCH_FILE
                        || d.file == lc.file
                        || d.rule.family() == registry::Family::Across
                })
                .cloned()
                .collect();
            let (alone, expected) = (summary(&alone), summary(&expected));
            if alone != expected {
                failures.push(format!(
                    "{} ({}): checking {} alone finds\n{alone}where the whole check finds\n{expected}",
                    row.rule, row.path, lc.case.id,
                ));
            }
        }
        let hits: Vec<&Diagnostic> = found.iter().filter(|d| d.rule == row.rule).collect();
        let ok = hits.len() == 1 && {
            let d = hits[0];
            d.file == row.file
                && d.path == row.path
                && d.line == line
                && d.column > 0
                && d.severity == row.rule.severity()
                && d.zh()
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        };
        if !ok {
            failures.push(format!(
                "{}: expected one finding at {}:{} {}, found:\n{}",
                row.rule,
                row.file,
                line,
                row.path,
                summary(&found)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// How a finding of reading, loading or rendering is provoked.
enum Input {
    /// Edits of a file of a copied sample, then loading the folder.
    Edits(&'static str, &'static [Edit]),
    /// A file of a copied sample written anew, then loading the folder.
    Bytes(&'static str, &'static [u8]),
    /// A file of a copied sample grown past the reader's limit by a comment, then loading.
    Grown(&'static str),
    /// A file of a copied sample deleted, then loading the folder.
    Deleted(&'static str),
    /// Loading a batch folder that does not exist.
    NoFolder,
    /// Edits of a file of a copied sample, then the fonts' coverage check of rendering.
    Render(&'static str, &'static [Edit]),
    /// A list (CSV text) imported into a copied sample.
    Import(&'static str),
}

use Input::*;

const RQ1: &str = "cases/rq-001.yaml";

/// One input for each id that is reported while reading, loading or rendering (the rules of
/// `check` have theirs in [`ROWS`]).
#[rustfmt::skip]
const PROVOKED: &[(Rule, Input)] = &[
    // A case file saved as GBK (场所 in GBK bytes).
    (Rule::YamlEncoding, Bytes(JZ1, b"id: JZ-2023-001\nplace: \xb3\xa1\xcb\xf9\n")),
    (Rule::YamlControlChar, Edits(JZ1, &[Replace("place: 受检单位成品库", "place: 受检单位\u{7}成品库")])),
    (Rule::YamlTooLarge, Grown(JZ1)),
    (Rule::YamlEmpty, Bytes(JZ1, b"\n")),
    (Rule::YamlSyntax, Edits(JZ2, &[Replace("outcome: sampled", "outcome: [sampled")])),
    (Rule::YamlFullWidth, Edits(JZ1, &[Replace("postcode: \"048000\"", "postcode: \"０４８０００\"")])),
    (Rule::YamlMissing, Edits(JZ1, &[DeleteLine("category: 建筑及装饰装修材料")])),
    (Rule::YamlUnknownField, Edits(JZ1, &[Replace("outcome: sampled", "outcome: sampled\ncolour: red")])),
    (Rule::YamlType, Edits(JZ1, &[Replace("test_quantity: 2", "test_quantity: two")])),
    (Rule::BatchMissing, NoFolder),
    (Rule::BatchIo, Deleted(BATCH)),
    (Rule::BatchId, Edits(BATCH, &[Replace("id: JC-2023-01", "id: JC 2023 01")])),
    (Rule::CaseId, Edits(JZ1, &[Replace("id: JZ-2023-001", "id: JZ/2023/001")])),
    (Rule::CaseDuplicateId, Edits(JZ2, &[Replace("id: JZ-2023-002", "id: JZ-2023-001")])),
    // U+12000 CUNEIFORM SIGN A: in none of the fonts.
    (Rule::FontUncovered, Render(RQ1, &[Replace("legal_rep: 王喆", "legal_rep: 王\u{12000}")])),
    // A list without a header row; a row without the enterprise's name; one row twice.
    (Rule::ImportHeader, Import("甲,乙\n1,2\n")),
    (Rule::ImportCell, Import("企业名称,统一社会信用代码,地址,产品类别,计划日期\n,91420100MA4KD07WXU,示例路 1 号,化肥,2023-04-03\n")),
    (Rule::ImportDuplicate, Import("企业名称,统一社会信用代码,地址,产品类别,计划日期\n甲公司,91420100MA4KD07WXU,示例路 1 号,化肥,2023-04-03\n甲公司,91420100MA4KD07WXU,示例路 1 号,化肥,2023-04-03\n")),
];

/// The findings of the input, and the file they must name (none for a missing folder).
fn provoke(input: &Input) -> (Vec<Diagnostic>, Option<&'static str>) {
    let dir = copy_sample();
    let load = |path: &Path| match load::load_partial(path) {
        Ok(partial) => partial.errors,
        Err(e) => e.0,
    };
    match *input {
        Edits(file, edits) => {
            apply(dir.path(), file, edits);
            (load(dir.path()), Some(file))
        }
        Bytes(file, bytes) => {
            std::fs::write(dir.path().join(file), bytes).unwrap();
            (load(dir.path()), Some(file))
        }
        Grown(file) => {
            let mut text = std::fs::read_to_string(dir.path().join(file)).unwrap();
            text.push_str(&format!("\n# {}\n", "x".repeat(9 << 20)));
            std::fs::write(dir.path().join(file), text).unwrap();
            (load(dir.path()), Some(file))
        }
        Deleted(file) => {
            std::fs::remove_file(dir.path().join(file)).unwrap();
            (load(dir.path()), Some(file))
        }
        NoFolder => (load(&dir.path().join("no-such-batch")), None),
        Render(file, edits) => {
            apply(dir.path(), file, edits);
            let lb = load::load(dir.path()).unwrap();
            (render::check_coverage(&lb, &engine(), &[]), Some(file))
        }
        Import(csv) => {
            let list = dir.path().join("list.csv");
            std::fs::write(&list, csv).unwrap();
            let found = spotcheck::app::ledger::plan_import(dir.path(), &list, &Default::default())
                .err()
                .unwrap_or_default();
            assert!(
                found
                    .iter()
                    .all(|d| d.file.starts_with(&list.display().to_string()))
            );
            (found, None)
        }
    }
}

#[test]
fn every_finding_of_reading_and_rendering_is_provoked_by_its_input() {
    assert!(load::load_partial(&sample_dir()).unwrap().errors.is_empty());
    assert!(render::check_coverage(&sample(), &engine(), &[]).is_empty());
    let mut failures = Vec::new();
    for (rule, input) in PROVOKED {
        let (found, file) = provoke(input);
        let hit = found.iter().any(|d| {
            d.rule == *rule
                && d.severity == rule.severity()
                && file.is_none_or(|f| d.file == f)
                && d.zh()
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        });
        if !hit {
            failures.push(format!(
                "{rule}: expected a finding in {}, found:\n{}",
                file.unwrap_or("the folder"),
                summary(&found)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_documentation_and_a_test_that_makes_it_fire() {
    let broken: BTreeSet<Rule> = ROWS.iter().map(|r| r.rule).collect();
    let provoked: BTreeSet<Rule> = PROVOKED.iter().map(|(r, _)| *r).collect();
    let docs = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md"))
        .unwrap();
    for &r in Rule::ALL {
        assert!(!r.doc().trim().is_empty(), "{r} has no documentation");
        if r.is_check() {
            assert!(broken.contains(&r), "no breaking case in ROWS for {r}");
        } else {
            assert!(provoked.contains(&r), "no input in PROVOKED for {r}");
        }
        assert!(
            docs.contains(&format!("| `{r}` |")),
            "docs/rules.md does not list {r}"
        );
    }
    for (r, _) in PROVOKED {
        assert!(
            !r.is_check(),
            "{r} is a rule of check: its breaking case belongs in ROWS"
        );
    }
}

/// The generated parts of docs/rules.md: their markers, and whether each holds the rules of
/// `check` or the findings of reading and rendering.
const GENERATED: [(&str, &str, bool); 2] = [
    (
        "<!-- begin: rule table, generated from crates/core/src/diag/registry.rs -->\n",
        "<!-- end: rule table -->\n",
        true,
    ),
    (
        "<!-- begin: reader table, generated from crates/core/src/diag/registry.rs -->\n",
        "<!-- end: reader table -->\n",
        false,
    ),
];

/// docs/rules.md's tables are the registry's; `SPOTCHECK_UPDATE_DOCS=1` rewrites them.
#[test]
fn docs_rules_md_holds_the_tables_of_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut want = text.clone();
    for (begin, end, checks) in GENERATED {
        let start = want
            .find(begin)
            .unwrap_or_else(|| panic!("docs/rules.md lacks the marker {begin}"))
            + begin.len();
        let stop = start
            + want[start..]
                .find(end)
                .unwrap_or_else(|| panic!("docs/rules.md lacks the marker {end}"));
        want.replace_range(start..stop, &registry::markdown_table(checks));
    }
    if want == text {
        return;
    }
    if std::env::var_os("SPOTCHECK_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let (old, new) = text
        .lines()
        .zip(want.lines())
        .find(|(a, b)| a != b)
        .unwrap_or(("(end of file)", "(more rows)"));
    panic!(
        "docs/rules.md differs from the registry (crates/core/src/diag/registry.rs):\n  file:     {old}\n  \
         registry: {new}\nrewrite it with: SPOTCHECK_UPDATE_DOCS=1 cargo test --test it \
         check::docs_rules_md"
    );
}

#[test]
fn duplicate_case_ids_are_refused_while_loading() {
    let dir = copy_sample();
    apply(
        dir.path(),
        JZ2,
        &[Replace("id: JZ-2023-002", "id: JZ-2023-001")],
    );
    let err = load::load(dir.path()).unwrap_err();
    let d = err
        .0
        .iter()
        .find(|d| d.rule == "case.duplicate-id")
        .unwrap_or_else(|| panic!("{err}"));
    assert_eq!(
        (d.file.as_str(), d.line, d.path.as_str()),
        (JZ2, line_of(dir.path(), JZ2, "id: JZ-2023-001"), "id")
    );
    assert!(load::load(&sample_dir()).is_ok());
}

#[cfg(unix)]
#[test]
fn evidence_behind_a_symbolic_link_out_of_the_batch_is_refused() {
    let dir = copy_sample();
    let outside = tempfile::NamedTempFile::with_suffix(".jpg").unwrap();
    std::os::unix::fs::symlink(
        outside.path(),
        dir.path().join("evidence/JZ-2023-001/外链.jpg"),
    )
    .unwrap();
    // A link that stays inside the batch folder is fine.
    std::os::unix::fs::symlink("封样.jpg", dir.path().join("evidence/JZ-2023-001/内链.jpg"))
        .unwrap();
    let line = apply(
        dir.path(),
        JZ1,
        &[Replace(
            "  - evidence/JZ-2023-001/封样.jpg\n",
            "  - evidence/JZ-2023-001/封样.jpg\n  - evidence/JZ-2023-001/外链.jpg\n  - evidence/JZ-2023-001/内链.jpg\n",
        )],
    ) + 1;
    let found = rules::check(&load::load(dir.path()).unwrap());
    assert_eq!(found.len(), 1, "{}", summary(&found));
    assert_eq!(
        (
            found[0].rule.as_str(),
            found[0].line,
            found[0].path.as_str()
        ),
        ("evidence.path", line, "evidence[4]")
    );
}

#[test]
fn the_stage_of_a_case_decides_what_it_must_have() {
    let dir = copy_sample();
    // JZ-2023-005 back to before sample receipt: no inspection at all.
    let pristine = std::fs::read_to_string(sample_dir().join(JZ5)).unwrap();
    let before_receipt = pristine.split("inspection:").next().unwrap().to_string()
        + "ecqs:\n  sampling_entered_on: 2023-07-27\n";
    std::fs::write(dir.path().join(JZ5), before_receipt).unwrap();
    // JZ-2023-001 tested but not yet delivered.
    apply(
        dir.path(),
        JZ1,
        &[
            DeleteLine("delivery:"),
            DeleteLine("sent_on:"),
            DeleteLine("method: EMS"),
            DeleteLine("tracking_no:"),
        ],
    );
    let found = rules::check(&load::load(dir.path()).unwrap());
    assert!(
        found.is_empty(),
        "a case is judged by the stage it has reached:\n{}",
        summary(&found)
    );
    // In the sample, the received-but-untested lot (JZ-2023-005) and the lot in transit
    // (RQ-2023-002) are not missing their reports.
    let lb = sample();
    for id in ["JZ-2023-005", "RQ-2023-002"] {
        assert!(!lb.case(id).unwrap().case.is_tested());
    }
    assert!(rules::check(&lb).is_empty());
    // Once a report is started, it must be complete.
    let dir = copy_sample();
    apply(
        dir.path(),
        JZ5,
        &[Replace(
            "  sample_state:",
            "  report_no: JCQI-2023-JZ-005\n  sample_state:",
        )],
    );
    let found = rules::check(&load::load(dir.path()).unwrap());
    let rules: BTreeSet<&str> = found.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(
        rules,
        BTreeSet::from(["report.incomplete", "report.items"]),
        "{}",
        summary(&found)
    );
}

// -- the command line -------------------------------------------------------------------------

fn broken_credit_code() -> (tempfile::TempDir, usize) {
    let dir = copy_sample();
    let line = apply(
        dir.path(),
        JZ1,
        &[Replace("\"91140502318450271X\"", "\"91140502318450271Y\"")],
    );
    (dir, line)
}

#[test]
fn check_exits_0_on_a_clean_batch() {
    let o = spotcheck()
        .args(["check", sample_dir().to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains("18 个案例，0 处错误，0 处警告"), "{stdout}");
    // The plan's shortfall is information, not a finding.
    assert!(
        stdout.contains("建筑及装饰装修材料：计划 35 批次，已抽 5 批次，尚缺 30 批次"),
        "{stdout}"
    );
}

#[test]
fn check_exits_1_on_errors_and_names_file_line_and_field() {
    let (dir, line) = broken_credit_code();
    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    let expected =
        format!("cases/jz-001.yaml:{line}:3 party.credit_code: 错误[party.credit-code]: ");
    assert!(stdout.contains(&expected), "{expected} not in:\n{stdout}");
    assert!(stdout.contains("1 处错误"), "{stdout}");
}

#[test]
fn check_exits_0_on_warnings_only() {
    let dir = copy_sample();
    apply(
        dir.path(),
        BATCH,
        &[Replace(
            "- category: 防护用品\n    lots: 15",
            "- category: 防护用品\n    lots: 1",
        )],
    );
    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("警告[plan.over]") && stdout.contains("0 处错误，1 处警告"),
        "{stdout}"
    );
}

#[test]
fn an_unreadable_case_file_is_reported_and_every_other_file_still_checked() {
    // One case file that cannot be read, and a rule broken in another.
    let (dir, credit_line) = broken_credit_code();
    let broken_line = apply(
        dir.path(),
        JZ2,
        &[Replace("outcome: sampled", "outcome: [sampled")],
    );
    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    // An unreadable case file is an error of the batch, not an unreadable batch.
    assert_eq!(o.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("{JZ2}:{broken_line}:")) && stdout.contains("错误[yaml.syntax]"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{JZ1}:{credit_line}:3 party.credit_code: 错误[party.credit-code]"
        )),
        "{stdout}"
    );
    // 17 of the 18 cases read; two errors.
    assert!(stdout.contains("17 个案例，2 处错误"), "{stdout}");

    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["readable"], true);
    assert_eq!(v["summary"]["errors"], 2);
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["party.credit-code", "yaml.syntax"], "{v}");
    // The library: the cases that could be read, and the errors of the others.
    let partial = load::load_partial(dir.path()).unwrap();
    assert!(partial.batch.is_some());
    assert_eq!((partial.cases.len(), partial.errors.len()), (17, 1));
    assert!(
        load::load(dir.path()).is_err(),
        "load itself still refuses the batch"
    );
}

#[test]
fn check_exits_2_when_the_batch_cannot_be_read() {
    // batch.yaml unreadable: the case files are still read, each error reported; the rules,
    // which need batch.yaml, are not applied, and that is said once.
    let dir = copy_sample();
    apply(
        dir.path(),
        BATCH,
        &[Replace("issued_on: 2023-01-10", "issued_on: 2023-01-32")],
    );
    let case_line = apply(
        dir.path(),
        JZ1,
        &[Replace("test_quantity: 2", "test_quantity: two")],
    );
    // A rule broken in a readable case: not reported, since no rule runs.
    apply(
        dir.path(),
        JZ2,
        &[Replace("party_fee: 0.00", "party_fee: 9.00")],
    );
    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("batch.yaml:") && stderr.contains("issued_on"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{JZ1}:{case_line}:")) && stderr.contains("product.test_quantity"),
        "{stderr}"
    );
    assert!(!stderr.contains("fee.party"), "{stderr}");
    assert_eq!(stderr.matches("均未检查").count(), 1, "{stderr}");
    let o = spotcheck()
        .args(["--lang", "en", "check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("2 errors; the rules need batch.yaml and were not applied"),
        "{stderr}"
    );
    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["readable"], false);
    let files: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["batch.yaml", JZ1], "{v}");

    // No batch folder at all.
    let missing = dir.path().join("no-such-batch");
    let o = spotcheck()
        .args(["check", missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = spotcheck()
        .args(["check", missing.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["readable"], false);
    assert_eq!(v["diagnostics"][0]["rule"], "batch.missing");
}

#[test]
fn check_json_carries_every_finding_and_the_counts() {
    let (dir, line) = broken_credit_code();
    apply(
        dir.path(),
        BATCH,
        &[Replace(
            "- category: 防护用品\n    lots: 15",
            "- category: 防护用品\n    lots: 1",
        )],
    );
    let o = spotcheck()
        .args(["check", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["batch"], "JC-2023-01");
    assert_eq!(v["readable"], true);
    assert_eq!(v["summary"]["cases"], 18);
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 1);
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2);
    let d = diags
        .iter()
        .find(|d| d["rule"] == "party.credit-code")
        .unwrap();
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "cases/jz-001.yaml");
    assert_eq!(d["line"], line);
    assert_eq!(d["column"], 3);
    assert_eq!(d["path"], "party.credit_code");
    assert!(d["message"].as_str().unwrap().contains("校验位应为 X"));
    let w = diags.iter().find(|d| d["rule"] == "plan.over").unwrap();
    assert_eq!(
        (w["severity"].as_str(), w["file"].as_str()),
        (Some("warning"), Some(FH2))
    );
    let plan = v["plan"].as_array().unwrap();
    assert_eq!(plan.len(), 7);
    assert_eq!(plan[1]["category"], "防护用品");
    assert_eq!(
        (
            plan[1]["planned_lots"].as_u64(),
            plan[1]["lots"].as_u64(),
            plan[1]["shortfall"].as_u64()
        ),
        (Some(1), Some(2), Some(0))
    );
}

#[test]
fn render_refuses_a_batch_with_errors() {
    let (dir, line) = broken_credit_code();
    let out = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args([
            "render",
            dir.path().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--no-system-fonts",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains(&format!("cases/jz-001.yaml:{line}:3 party.credit_code")),
        "{stderr}"
    );
    assert!(
        stderr.contains("未生成任何文书") && stderr.contains("--allow-errors"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );

    // Errors in other cases do not stop the rendering of a clean one.
    let o = spotcheck()
        .args([
            "render",
            dir.path().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--no-system-fonts",
        ])
        .args(["--case", "JZ-2023-002", "--kind", "notice"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!pdf_text(&out.path().join("cases/JZ-2023-002/notice.pdf")).contains("草稿"));
}

#[test]
fn render_with_allow_errors_writes_drafts() {
    let (dir, _) = broken_credit_code();
    let out = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args([
            "render",
            dir.path().to_str().unwrap(),
            "-o",
            out.path().to_str().unwrap(),
            "--no-system-fonts",
        ])
        .args([
            "--case",
            "JZ-2023-001",
            "--kind",
            "notice",
            "--kind",
            "sampling-sheet",
            "--allow-errors",
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("草稿"));
    for kind in ["notice", "sampling-sheet"] {
        let path = out.path().join(format!("cases/JZ-2023-001/{kind}.pdf"));
        let bytes = std::fs::read(&path).unwrap();
        let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).unwrap();
        assert!(!pages.is_empty());
        for (n, text) in pages.iter().enumerate() {
            assert!(
                squash(text).contains("草稿"),
                "{kind} page {} lacks the draft mark",
                n + 1
            );
        }
    }
}

#[test]
fn findings_read_as_one_chinese_sentence_with_the_field_as_written() {
    let dir = copy_sample();
    apply(
        dir.path(),
        JZ1,
        &[Replace("party_fee: 0.00", "party_fee: 20.00")],
    );
    let found = rules::check(&load::load(dir.path()).unwrap());
    let d = &found[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.zh().contains("20.00 元") && d.zh().contains("party_fee"),
        "{d}"
    );
    assert!(!d.zh().contains('\n'));
    let dir = copy_sample();
    apply(
        dir.path(),
        XF3,
        &[Replace("date: 2023-05-23", "date: 2023-08-01")],
    );
    let found = rules::check(&load::load(dir.path()).unwrap());
    assert!(
        found[0].zh().contains("2023年8月1日")
            && found[0].zh().contains("2023年1月10日 至 2023年7月31日"),
        "{}",
        found[0]
    );
}

/// One wrong date is one finding: a visit date typed in the wrong year is reported by
/// `visit.window` alone, not again against each later date; a visit date inside the window
/// but after everything else is reported once, at the visit date.
#[test]
fn one_wrong_date_is_reported_once_at_itself() {
    let findings_of = |edit: &'static str| {
        let dir = copy_sample();
        apply(dir.path(), JZ1, &[Replace("  date: 2023-03-02", edit)]);
        rules::check(&load::load(dir.path()).unwrap())
            .into_iter()
            .filter(|d| d.file == JZ1)
            .map(|d| (d.rule.to_string(), d.path))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        findings_of("  date: 2032-03-02"),
        vec![("visit.window".to_string(), "visit.date".to_string())]
    );
    assert_eq!(
        findings_of("  date: 2023-07-30"),
        vec![("dates.order".to_string(), "visit.date".to_string())]
    );
}

#[test]
fn credit_code_says_whether_a_code_is_valid_and_gives_the_correct_one() {
    let run = |args: &[&str]| {
        let o = spotcheck().args(args).output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    // The worked example of docs/rules.md.
    let (code, out) = run(&["credit-code", "91000000MA0000001R"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("91000000MA0000001R 有效"), "{out}");
    let (code, out) = run(&["credit-code", "91000000MA0000001X"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("校验位应为 R，实为 X") && out.contains("代码应为：91000000MA0000001R"),
        "{out}"
    );
    let (code, out) = run(&["--lang", "en", "credit-code", "91000000MA0000001X"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("the check character is R: the code reads 91000000MA0000001R"),
        "{out}"
    );
    // The check character missing, lower case, full-width: the code as it should read.
    for (given, problem) in [
        ("91000000MA0000001", "实为 17 位"),
        ("91000000ma0000001r", "大写"),
        ("９１００００００ＭＡ００００００１Ｒ", "全角"),
    ] {
        let (code, out) = run(&["credit-code", given]);
        assert_eq!(code, Some(1), "{out}");
        assert!(
            out.contains(problem) && out.contains("91000000MA0000001R"),
            "{given}: {out}"
        );
    }
    // Too short to tell: only what is wrong.
    let (code, out) = run(&["credit-code", "9100000"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("实为 7 位") && out.lines().count() == 1,
        "{out}"
    );

    // The helper agrees with the rule on every code of the sample, and writes 31 as 0.
    let lb = sample();
    for c in &lb.cases {
        let code = &c.case.party.credit_code;
        let head: String = code.chars().take(17).collect();
        assert_eq!(
            codes::credit_check_char(&head),
            code.chars().nth(17),
            "{code}"
        );
    }
    let zero = (0..1000)
        .map(|n| format!("91000000MA{n:07}"))
        .find(|head| codes::credit_check_char(head) == Some('0'))
        .expect("a head whose sum is a multiple of 31");
    assert_eq!(codes::credit_code_problem(&format!("{zero}0")), None);
    assert_eq!(codes::credit_check_char("9100000"), None);
    assert_eq!(codes::credit_check_char("91000000MA000000I"), None);
}

//! The rules of `batch.yaml` itself: contacts, schedule, document number, labs, annexes, plan.

use std::collections::HashMap;

use super::checker::{Checker, lab_ids};
use super::identifiers::{EvidenceProblem, evidence_problem};
use spotcheck_core::diag::Rule;
use spotcheck_core::messages::Msg;
use spotcheck_core::msg;
use spotcheck_input::codes::document_no_problem;
use spotcheck_input::codes::{valid_phone, valid_postcode};

impl Checker<'_> {
    pub(super) fn batch_file(&mut self) {
        self.contacts();
        self.schedule();
        let b = &self.lb.batch;
        if let Some(m) = document_no_problem(&b.document_no) {
            self.batch(Rule::BatchDocumentNo, "document_no", m);
        }
        let days = b.rules.objection_days;
        if days < spotcheck_input::model::STATUTORY_OBJECTION_DAYS {
            let m = msg!(
                ObjectionDaysShort,
                days = days,
                min = spotcheck_input::model::STATUTORY_OBJECTION_DAYS
            );
            self.batch(Rule::RulesObjectionDays, "rules.objection_days", m);
        }
        for (i, l) in b.labs.iter().enumerate() {
            if !spotcheck_input::load::is_safe_id(&l.id) {
                self.batch(
                    Rule::LabId,
                    &format!("labs[{i}].id"),
                    msg!(LabIdUnsafe, id = &l.id),
                );
            }
        }
        self.accreditation();
        self.copies();
        self.annexes();
        self.plan();
        self.records_metadata();
    }

    /// The records metadata the records office decides, each not given: one warning a field,
    /// saying what the archive records instead; one for them all when none is given.
    fn records_metadata(&mut self) {
        let a = &self.lb.batch.archive;
        let blank = |v: &Option<String>| spotcheck_input::model::ArchiveInfo::given(v).is_none();
        let unset = [
            (
                "fonds_no",
                "全宗号",
                blank(&a.fonds_no),
                msg!(ArchiveInsteadNoNumber),
            ),
            (
                "retention",
                "保管期限",
                a.retention.is_none(),
                msg!(ArchiveInsteadRetention),
            ),
            (
                "organization",
                "机构（问题）",
                blank(&a.organization),
                msg!(ArchiveInsteadNoOrg),
            ),
            (
                "classification",
                "密级",
                blank(&a.classification),
                msg!(ArchiveInsteadClass),
            ),
            (
                "archivist",
                "归档人",
                blank(&a.archivist),
                msg!(ArchiveInsteadNoArchivist),
            ),
        ];
        if unset.iter().all(|u| u.2) {
            // No records metadata at all: one reminder, not five.
            self.batch(Rule::ArchiveUnset, "archive", msg!(ArchiveUnsetAll));
            return;
        }
        for (field, label, missing, instead) in unset {
            if missing {
                let m = msg!(
                    ArchiveUnset,
                    label = label,
                    field = field,
                    instead = instead
                );
                self.batch(Rule::ArchiveUnset, &format!("archive.{field}"), m);
            }
        }
    }

    /// Each lab's accreditation number: the 12 digits of its 资质认定 certificate.
    fn accreditation(&mut self) {
        let b = &self.lb.batch;
        for (i, l) in b.labs.iter().enumerate() {
            let Some(a) = &l.accreditation else { continue };
            if a.len() != 12 || !a.bytes().all(|c| c.is_ascii_digit()) {
                self.batch(
                    Rule::LabAccreditation,
                    &format!("labs[{i}].accreditation"),
                    msg!(LabAccreditation, value = a),
                );
            }
        }
    }

    /// The copies (联) of each kind `copies` lists: a per-case kind, one to ten copies, each
    /// with its holder.
    fn copies(&mut self) {
        use spotcheck_input::kinds::{CATALOG, MAX_COPIES, Scope};
        let b = &self.lb.batch;
        for (kind, holders) in &b.copies {
            let path = format!("copies.{kind}");
            if !CATALOG
                .iter()
                .any(|k| k.id == kind && k.scope == Scope::Case)
            {
                let all: Vec<&str> = CATALOG
                    .iter()
                    .filter(|k| k.scope == Scope::Case)
                    .map(|k| k.id)
                    .collect();
                let all = all.join(" ");
                let m = msg!(CopiesUnknownKind, kind = kind, all = all);
                self.batch(Rule::BatchCopies, &path, m);
            } else if holders.is_empty() || holders.len() > MAX_COPIES {
                let m = msg!(
                    CopiesCount,
                    kind = kind,
                    max = MAX_COPIES,
                    count = holders.len()
                );
                self.batch(Rule::BatchCopies, &path, m);
            } else if let Some(i) = holders.iter().position(|h| h.trim().is_empty()) {
                let m = msg!(CopiesHolder, kind = kind, number = i + 1);
                self.batch(Rule::BatchCopies, &format!("{path}[{i}]"), m);
            }
        }
    }

    /// The phone numbers and postcodes of the authority, the labs and the county bureaus.
    fn contacts(&mut self) {
        let b = &self.lb.batch;
        let mut phones: Vec<(String, &str)> = Vec::new();
        let mut postcodes: Vec<(String, &str)> = Vec::new();
        if let Some(p) = &b.authority.phone {
            phones.push(("authority.phone".into(), p));
        }
        if let Some(p) = &b.authority.postcode {
            postcodes.push(("authority.postcode".into(), p));
        }
        for (i, l) in b.labs.iter().enumerate() {
            phones.push((format!("labs[{i}].phone"), &l.phone));
            postcodes.push((format!("labs[{i}].postcode"), &l.postcode));
        }
        for (i, c) in b.counties.iter().enumerate() {
            if let Some(p) = &c.phone {
                phones.push((format!("counties[{i}].phone"), p));
            }
        }
        for (path, p) in phones {
            if !valid_phone(p) {
                self.batch(Rule::BatchContact, &path, msg!(ContactPhone, value = p));
            }
        }
        for (path, p) in postcodes {
            if !valid_postcode(p) {
                self.batch(Rule::BatchContact, &path, msg!(ContactPostcode, value = p));
            }
        }
    }

    /// The sampling window in order, the deadlines after it, the notice dated before it.
    fn schedule(&mut self) {
        let b = &self.lb.batch;
        let s = &b.schedule;
        if s.sampling_end < s.sampling_start {
            self.batch(
                Rule::ScheduleOrder,
                "schedule.sampling_end",
                msg!(
                    ScheduleEndBeforeStart,
                    end = s.sampling_end,
                    start = s.sampling_start
                ),
            );
        }
        for (key, label, date) in [
            (
                "delivery_deadline",
                Msg::LabelDeliveryDeadline,
                s.delivery_deadline,
            ),
            ("ecqs_deadline", Msg::LabelEcqsDeadline, s.ecqs_deadline),
            (
                "analysis_deadline",
                Msg::LabelAnalysisDeadline,
                s.analysis_deadline,
            ),
        ] {
            if date < s.sampling_end {
                self.batch(
                    Rule::ScheduleOrder,
                    &format!("schedule.{key}"),
                    msg!(
                        ScheduleBeforeEnd,
                        label = label,
                        date = date,
                        end = s.sampling_end
                    ),
                );
            }
        }
        if b.issued_on > s.sampling_start {
            self.batch(
                Rule::ScheduleIssued,
                "issued_on",
                msg!(
                    IssuedAfterStart,
                    issued = b.issued_on,
                    start = s.sampling_start
                ),
            );
        }
    }

    /// The annexes of the notice: each typeset or attached, never both; each content once;
    /// attached files readable, of a supported type, inside the batch folder.
    fn annexes(&mut self) {
        let Some(annexes) = self.lb.batch.annexes.clone() else {
            return;
        };
        let mut contents: HashMap<spotcheck_input::model::AnnexContent, usize> = HashMap::new();
        for (i, a) in annexes.iter().enumerate() {
            let no = i + 1;
            if a.content.is_some() && a.file.is_some() {
                self.batch(
                    Rule::AnnexSource,
                    &format!("annexes[{i}].file"),
                    msg!(AnnexBoth, no = no),
                );
            }
            if let Some(c) = a.content {
                if let Some(first) = contents.get(&c) {
                    let name = serde_json::to_value(c)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    self.batch(
                        Rule::AnnexSource,
                        &format!("annexes[{i}].content"),
                        msg!(AnnexDuplicate, no = no, content = name, first = *first),
                    );
                } else {
                    contents.insert(c, no);
                }
            }
            if let Some(file) = &a.file {
                self.annex_file(i, file);
            }
        }
    }

    /// An attached annex file (the `i`th annex): of a supported type, inside the batch folder.
    fn annex_file(&mut self, i: usize, file: &str) {
        let no = i + 1;
        let path = format!("annexes[{i}].file");
        if !spotcheck_input::model::ANNEX_EXTENSIONS
            .contains(&spotcheck_core::text::extension(file).as_str())
        {
            self.batch(
                Rule::AnnexFile,
                &path,
                msg!(AnnexFileType, no = no, path = file),
            );
            return;
        }
        if let Some(EvidenceProblem::Path(why) | EvidenceProblem::File(why)) =
            evidence_problem(&self.lb.root, file)
        {
            self.batch(
                Rule::AnnexFile,
                &path,
                msg!(AnnexFile, no = no, path = file, why = why),
            );
        }
    }

    /// Each category once in the plan; each plan row's lab one of the batch's labs.
    fn plan(&mut self) {
        let b = &self.lb.batch;
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, e) in b.plan.iter().enumerate() {
            if let Some(&first) = seen.get(e.category.as_str()) {
                self.batch(
                    Rule::PlanDuplicate,
                    &format!("plan[{i}].category"),
                    msg!(PlanDuplicate, category = &e.category, first = first),
                );
            } else {
                seen.insert(e.category.as_str(), i);
            }
            if let Some(lab) = &e.lab
                && !b.labs.iter().any(|l| &l.id == lab)
            {
                self.batch(
                    Rule::LabUnknown,
                    &format!("plan[{i}].lab"),
                    msg!(PlanLabUnknown, lab = lab, all = lab_ids(self.lb)),
                );
            }
        }
    }
}

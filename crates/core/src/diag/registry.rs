//! The registry of findings: every id that `check`, the reader and the renderer report, as a
//! value of [`Rule`], with its family, its severity, the `batch.yaml` parameters it reads and its
//! documentation, each written once, in the table below.
//!
//! A rule's documentation is its doc comment: the same text is the rustdoc of its variant and
//! the row of `docs/rules.md` ([`markdown_table`]); a test fails when that file differs from
//! what the registry generates, or when a rule has no documentation or no test that makes it
//! fire.

use std::fmt;

use serde::Serialize;

use crate::diag::Severity;

/// Where a finding comes from: the stage of the pipeline, and for the rules of `check`, the
/// family of rules (one file of `crates/rules/src/` each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Reading one YAML file (`crates/input/src/yaml.rs`).
    Yaml,
    /// Loading the batch folder (`crates/input/src/load.rs`).
    Load,
    /// Rendering: characters no font draws (`crates/documents/src/render.rs`).
    Render,
    /// `batch.yaml` itself: contacts, schedule, document number, labs, annexes, plan.
    Batch,
    /// The visit: category and lab against the plan, placeholders, samplers, dates of the visit.
    Visit,
    /// Credit codes, phone numbers, postcodes and evidence files.
    Identifiers,
    /// The sections a case must and must not have at the stage it has reached.
    Stage,
    /// A sampled lot: quantities, prices, seals, payment, signing.
    Sampled,
    /// A refused visit and a visit with nothing to sample.
    Refused,
    /// The inspection report, its conclusion and the follow-up of an unqualified lot.
    Report,
    /// The delivery of the results and the disposal of the samples.
    Delivery,
    /// Entries into e-CQS.
    Ecqs,
    /// The statute's other paths: online sampling, 复查, 样品确认, 异议 and 复检.
    Paths,
    /// The dates of a case in order.
    Dates,
    /// Across the batch: the plan's lots, report and seal numbers used twice, id prefixes of
    /// two categories.
    Across,
    /// Reading an enterprise list or a ledger (`spotcheck import`).
    Import,
}

impl Family {
    /// Whether its rules are those of `check` (the others are reported while reading or
    /// rendering).
    pub const fn is_check(self) -> bool {
        !matches!(
            self,
            Family::Yaml | Family::Load | Family::Render | Family::Import
        )
    }

    /// What reports the findings of the family, for the documentation.
    pub(crate) const fn reported_by(self) -> &'static str {
        match self {
            Family::Yaml => "reading a YAML file",
            Family::Load => "loading the batch folder",
            Family::Render => "rendering",
            Family::Import => "`spotcheck import`",
            _ => "`spotcheck check`",
        }
    }
}

/// Generates [`Rule`] from the table: each entry is the rule's documentation (its doc comment:
/// what it finds), its variant, its id, its family, its severity and the `batch.yaml`
/// parameters it reads. An entry without a doc comment does not compile.
macro_rules! rules {
    ($(
        $(#[doc = $doc:literal])+
        $name:ident = $id:literal {
            family: $family:ident, severity: $severity:ident, reads: [$($param:literal),* $(,)?] $(,)?
        }
    )*) => {
        /// The id of a finding: a rule of `check`, or an error of reading or rendering. Shown and
        /// serialized as its id string (`party.credit-code`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $( $(#[doc = $doc])+ $name, )*
        }

        impl Rule {
            /// Every finding id, in the order of the documentation.
            pub const ALL: &'static [Rule] = &[$(Rule::$name),*];

            /// The stable id, as shown and in JSON output: `party.credit-code`.
            pub const fn id(self) -> &'static str {
                match self { $(Rule::$name => $id),* }
            }

            pub const fn family(self) -> Family {
                match self { $(Rule::$name => Family::$family),* }
            }

            pub const fn severity(self) -> Severity {
                match self { $(Rule::$name => Severity::$severity),* }
            }

            /// The `batch.yaml` parameters the rule reads (`schedule.delivery_deadline`).
            pub const fn reads(self) -> &'static [&'static str] {
                match self { $(Rule::$name => &[$($param),*]),* }
            }

            /// The doc comment as written, one line of source a line.
            const fn doc_lines(self) -> &'static str {
                match self { $(Rule::$name => concat!($($doc, "\n"),+)),* }
            }
        }
    };
}

rules! {
    // -- batch.yaml -------------------------------------------------------------------------------
    /// a phone number or postcode of the authority, a lab or a county bureau in `batch.yaml` is
    /// malformed
    BatchContact = "batch.contact" { family: Batch, severity: Error, reads: [] }
    /// `sampling_end` before `sampling_start`, or a deadline before `sampling_end`
    ScheduleOrder = "schedule.order" { family: Batch, severity: Error, reads: ["schedule.*"] }
    /// a category listed twice in the plan
    PlanDuplicate = "plan.duplicate" { family: Batch, severity: Error, reads: ["plan"] }
    /// a case's `lab` or a plan row's `lab` is not the id of a lab in `labs`
    LabUnknown = "lab.unknown" { family: Batch, severity: Error, reads: ["labs"] }
    /// a lab id is not a safe folder name (letters, digits, `.`, `_`, `-`): each lab's own
    /// documents go into a folder named by it
    LabId = "lab.id" { family: Batch, severity: Error, reads: ["labs[].id"] }
    /// a lab's accreditation number (`accreditation`, printed under the CMA mark of its
    /// reports) is not the 12 digits of a 资质认定 certificate number
    LabAccreditation = "lab.accreditation" { family: Batch, severity: Error, reads: ["labs[].accreditation"] }
    /// `copies` names a kind that is not a per-case document, or gives it no copy, more than
    /// ten, or a copy without its holder
    BatchCopies = "batch.copies" { family: Batch, severity: Error, reads: ["copies"] }
    /// `prefixes` gives a case id prefix to a category that is not in the plan, gives one that is
    /// not letters and digits, or gives one prefix (compared without regard to case) to two
    /// categories; reported on the later entry
    BatchPrefixes = "batch.prefixes" { family: Batch, severity: Error, reads: ["prefixes"] }
    /// the document number (发文字号) puts its year in other brackets than 〔〕 (`[2023]`, `【2023】`,
    /// `（2023）` …; the message gives the corrected number), or is not of the form 机关代字〔年份〕序号号
    BatchDocumentNo = "batch.document-no" { family: Batch, severity: Error, reads: ["document_no"] }
    /// `rules.objection_days` grants fewer than the 15 days from receipt of the result that
    /// 产品质量法 第十五条 gives for an objection and a re-test (a notice may give more, never
    /// fewer)
    RulesObjectionDays = "rules.objection-days" {
        family: Batch, severity: Error, reads: ["rules.objection_days"],
    }
    /// a field of the records metadata (`archive`: 全宗号, 保管期限, 机构（问题）, 密级, 归档人) is
    /// not given: the archive records 保管期限 定期30年 and 密级 公开 as defaults (marked so),
    /// and without a 全宗号 no 档号; the records office decides them
    ArchiveUnset = "archive.unset" {
        family: Batch, severity: Warning,
        reads: ["archive.fonds_no", "archive.retention", "archive.organization", "archive.classification", "archive.archivist"],
    }
    /// the notice is dated (`issued_on`) after the sampling window opens
    ScheduleIssued = "schedule.issued" {
        family: Batch, severity: Error, reads: ["issued_on", "schedule.sampling_start"],
    }
    /// an annex is both typeset (`content`) and attached (`file`), or two annexes have the same
    /// `content`
    AnnexSource = "annex.source" { family: Batch, severity: Error, reads: ["annexes"] }
    /// an attached annex file is not a PDF, JPG or PNG, does not exist, or lies outside the batch
    /// folder
    AnnexFile = "annex.file" { family: Batch, severity: Error, reads: ["annexes[].file"] }

    // -- the visit --------------------------------------------------------------------------------
    /// the case's `category` is not in the plan
    PlanCategory = "plan.category" { family: Visit, severity: Error, reads: ["plan[].category"] }
    /// the case's `lab` is not the lab the plan assigns to its category
    LabPlan = "lab.plan" { family: Visit, severity: Error, reads: ["plan[].lab"] }
    /// a field of a visited case still holds 待填写, the placeholder `new-case` writes: `render`
    /// and `build` refuse the case (`render --allow-errors` prints drafts), so nothing unfilled
    /// reaches paper
    CasePlaceholder = "case.placeholder" { family: Visit, severity: Error, reads: [] }
    /// a planned case (no `outcome` yet) still lacks what the visit will record: a field holding
    /// 待填写 (the notice number an imported list did not give) or fewer samplers than the
    /// minimum. A warning until the case is visited, when `case.placeholder` and `samplers.min`
    /// apply: a planned case prints nothing but its visit pack, which leaves blanks for them
    PlannedBlank = "planned.blank" { family: Visit, severity: Warning, reads: ["rules.min_samplers"] }
    /// more lots (sampled or refused) in a category than planned; reported on each lot beyond the
    /// plan, in order of visit date
    PlanOver = "plan.over" { family: Across, severity: Warning, reads: ["plan[].lots"] }
    /// fewer distinct samplers on the visit than the minimum
    SamplersMin = "samplers.min" { family: Visit, severity: Error, reads: ["rules.min_samplers"] }
    /// the visit date is outside the sampling window
    VisitWindow = "visit.window" {
        family: Visit, severity: Error, reads: ["schedule.sampling_start", "schedule.sampling_end"],
    }
    /// `visit.notice_valid_until` is before the visit date
    VisitNoticeValidity = "visit.notice-validity" { family: Visit, severity: Error, reads: [] }
    /// a 统一社会信用代码 (`party.credit_code`, `manufacturer.credit_code`) fails GB 32100-2015: 18
    /// characters from `0-9A-HJ-NPQRTUWXY`, the last a check character
    PartyCreditCode = "party.credit-code" { family: Identifiers, severity: Error, reads: [] }
    /// a phone number (`party.phone`, `manufacturer.phone`, `signing.witness.phone`) is neither a
    /// landline `0356-6213478` (area code of 3–4 digits, number of 7–8, optional `-extension`)
    /// nor an 11-digit mobile starting with 1
    PartyPhone = "party.phone" { family: Identifiers, severity: Error, reads: [] }
    /// `party.postcode` is not 6 digits
    PartyPostcode = "party.postcode" { family: Identifiers, severity: Error, reads: [] }
    /// no photo or video among `evidence` (jpg, jpeg, png, heic, mp4, mov, avi, pdf, any case)
    EvidenceNone = "evidence.none" { family: Identifiers, severity: Error, reads: [] }
    /// an evidence path is absolute, contains `..`, or leads through a symbolic link out of the
    /// batch folder
    EvidencePath = "evidence.path" { family: Identifiers, severity: Error, reads: [] }
    /// an evidence file does not exist or is not a file
    EvidenceFile = "evidence.file" { family: Identifiers, severity: Error, reads: [] }
    /// a section the outcome calls for is missing: `product`, `seals`, `signing`, `payment`
    /// (sampled), `refusal` (refused), `not_sampled` (not sampled), or `visit.place` of any
    /// visited case
    CaseSection = "case.section" { family: Stage, severity: Error, reads: [] }
    /// a section that does not belong to the outcome (e.g. `inspection` on a refused case), a
    /// result recorded on a planned case (no `outcome` yet), or a
    /// later stage before an earlier one: `delivery` or `ecqs.result_entered_on` without a
    /// report, `followup` without a report or of a qualified lot, `disposal` before `delivery`
    CaseStage = "case.stage" { family: Stage, severity: Error, reads: [] }

    // -- a sampled lot ----------------------------------------------------------------------------
    /// a sampled lot without `product.test_quantity` or `product.backup_quantity`, or with 0
    SampleQuantities = "sample.quantities" { family: Sampled, severity: Error, reads: [] }
    /// a sampled lot without seal numbers
    SealsNumbers = "seals.numbers" { family: Sampled, severity: Error, reads: [] }
    /// a sampled lot without `seals.backup_kept_at` or `seals.backup_place`
    SealsBackupPlace = "seals.backup-place" { family: Sampled, severity: Error, reads: [] }
    /// a sampled lot without `product.unit_price`
    PriceMissing = "price.missing" { family: Sampled, severity: Error, reads: [] }
    /// a sampled lot without `product.price_basis` (marked price, or the market price of like
    /// products)
    PriceBasis = "price.basis" { family: Sampled, severity: Error, reads: [] }
    /// a unit price of 0 or less
    PricePositive = "price.positive" { family: Sampled, severity: Error, reads: [] }
    /// `payment.total` is not unit price × test quantity
    PriceTotal = "price.total" { family: Sampled, severity: Error, reads: [] }
    /// `payment.party_fee` is not 0: the party never pays
    FeeParty = "fee.party" { family: Sampled, severity: Error, reads: [] }
    /// `party_signed: false` without a `refusal_note`
    SigningMissing = "signing.missing" { family: Sampled, severity: Error, reads: [] }
    /// a lot sampled at a seller (流通) names no `manufacturer`: the documents print the nominal
    /// manufacturer as 同受检单位, as the sampling sheet records it, though a seller is rarely the
    /// maker
    ManufacturerMissing = "manufacturer.missing" { family: Sampled, severity: Warning, reads: [] }
    /// a refusal-to-sign note without a witness
    SigningWitness = "signing.witness" { family: Sampled, severity: Warning, reads: [] }

    // -- refused, not sampled ---------------------------------------------------------------------
    /// a refusal without its `description` or `refused_by`
    RefusalDetails = "refusal.details" { family: Refused, severity: Error, reads: [] }
    /// a refusal without the county bureau that determined it jointly
    RefusalCounty = "refusal.county" { family: Refused, severity: Error, reads: [] }
    /// `refusal.county_bureau` or `followup.county_bureau` is not in `counties` (when `counties`
    /// is given)
    CountyUnknown = "county.unknown" { family: Refused, severity: Error, reads: ["counties"] }
    /// a not-sampled case whose reason is not an allowed one
    NotSampledReason = "not-sampled.reason" {
        family: Refused, severity: Error, reads: ["rules.no_sample_reasons"],
    }
    /// a not-sampled case without the person in charge who signed the no-sample sheet (the
    /// samplers are checked by `samplers.min`)
    NotSampledPerson = "not-sampled.person" { family: Refused, severity: Error, reads: [] }

    // -- the statute's other paths ------------------------------------------------------------
    /// a case of the domain 电子商务 without its `online` section (platform, shop, order)
    OnlineMissing = "online.missing" { family: Paths, severity: Error, reads: [] }
    /// an `online` section on a case whose domain is not 电子商务
    OnlineDomain = "online.domain" { family: Paths, severity: Error, reads: [] }
    /// a lot bought online without `online.paid`, what the one order paid for the test and
    /// backup samples together
    OnlinePaid = "online.paid" { family: Paths, severity: Error, reads: [] }
    /// a parcel received before it was ordered, received by the lab before it arrived, or a
    /// lot tested without the day its parcel arrived
    OnlineReceipt = "online.receipt" { family: Paths, severity: Error, reads: [] }
    /// a lot bought online sealed on another day than the one it was unpacked: the samples are
    /// sealed when the parcel is opened
    OnlineSealing = "online.sealing" { family: Paths, severity: Warning, reads: [] }
    /// the notice and forms sent to the shop before the parcel arrived and was sealed
    OnlineNotified = "online.notified" { family: Paths, severity: Error, reads: [] }
    /// a `signing` section on a lot bought online: nobody from the shop was there to sign or
    /// refuse; the shop's answer is `online.confirmation`
    OnlineSigning = "online.signing" { family: Paths, severity: Warning, reads: [] }
    /// the backup of a lot bought online kept by the shop: it is sealed and kept at the lab
    OnlineBackup = "online.backup" { family: Paths, severity: Error, reads: [] }
    /// an online shop's failed lot followed up without telling the platform operator
    /// (`followup.platform_notified_on`)
    OnlinePlatform = "online.platform" { family: Paths, severity: Warning, reads: [] }
    /// a re-inspection without the earlier batch or the earlier report's number
    RecheckReport = "recheck.report" { family: Paths, severity: Error, reads: [] }
    /// a failed lot sampled at a seller that names another maker, without the maker's
    /// confirmation (`confirmation`)
    ConfirmationMissing = "confirmation.missing" { family: Paths, severity: Warning, reads: [] }
    /// a maker's answer that contradicts itself: denied without a reason, no answer with a
    /// date, an answer without its date or dated before the notice was sent
    ConfirmationAnswer = "confirmation.answer" { family: Paths, severity: Error, reads: [] }
    /// a maker's answer after its reply period (the sample was by then deemed confirmed)
    ConfirmationLate = "confirmation.late" { family: Paths, severity: Warning, reads: ["rules.confirmation_days"] }
    /// the steps of an objection out of order: received before the result was sent, decided
    /// before it was received, the backup handed over before the decision, the re-test's report
    /// before the handover, the final notice before the re-test's report
    ObjectionDates = "objection.dates" { family: Paths, severity: Error, reads: [] }
    /// an objection accepted though received after the objection period from the day the
    /// result was sent
    ObjectionLate = "objection.late" { family: Paths, severity: Warning, reads: ["rules.objection_days"] }
    /// a decision on an objection after the decision period (working days, weekends skipped)
    ObjectionDecision = "objection.decision" { family: Paths, severity: Warning, reads: ["rules.objection_decision_days"] }
    /// an objection without items, with items the report does not have, rejected without a
    /// reason, or re-tested without being accepted
    ObjectionDetails = "objection.details" { family: Paths, severity: Error, reads: [] }
    /// a re-test by an unknown lab or by the lab that made the first test
    RetestLab = "retest.lab" { family: Paths, severity: Error, reads: [] }
    /// a re-test of items the objection did not name
    RetestItems = "retest.items" { family: Paths, severity: Error, reads: [] }
    /// a re-test's report after the re-test period from the handover (working days)
    RetestLate = "retest.late" { family: Paths, severity: Warning, reads: ["rules.retest_days"] }

    // -- the report -------------------------------------------------------------------------------
    /// a report without `report_no`, `issued_on`, `tester`, `reviewer` or `approver`
    ReportIncomplete = "report.incomplete" { family: Report, severity: Error, reads: [] }
    /// a report without test items
    ReportItems = "report.items" { family: Report, severity: Error, reads: [] }
    /// `inspection.conclusion: pass` although an item failed: one failed item makes the lot
    /// unqualified
    ConclusionContradicts = "conclusion.contradicts" { family: Report, severity: Error, reads: [] }
    /// `inspection.conclusion: fail` although no item failed
    ConclusionNoFailedItem = "conclusion.no-failed-item" {
        family: Report, severity: Error, reads: [],
    }
    /// an unqualified lot without a county bureau assigned for follow-up
    FollowupCounty = "followup.county" { family: Report, severity: Error, reads: [] }

    // -- delivery, e-CQS, disposal ----------------------------------------------------------------
    /// `delivery.sent_on` after the delivery deadline
    DeliveryLate = "delivery.late" {
        family: Delivery, severity: Error, reads: ["schedule.delivery_deadline"],
    }
    /// `delivery.method` is not the required method (compared without regard to case)
    DeliveryMethod = "delivery.method" {
        family: Delivery, severity: Error, reads: ["schedule.delivery_method"],
    }
    /// a delivery without `tracking_no`
    DeliveryTracking = "delivery.tracking" { family: Delivery, severity: Error, reads: [] }
    /// `ecqs.sampling_entered_on` more than the allowed days after the visit, or missing although
    /// the case records a later day past that
    EcqsLate = "ecqs.late" { family: Ecqs, severity: Error, reads: ["schedule.ecqs_entry_days"] }
    /// an e-CQS entry after the e-CQS deadline
    EcqsDeadline = "ecqs.deadline" {
        family: Ecqs, severity: Error, reads: ["schedule.ecqs_deadline"],
    }
    /// `disposal.date` before the later of the objection period and the backup-keeping period,
    /// counted from `delivery.sent_on`
    DisposalEarly = "disposal.early" {
        family: Delivery, severity: Error, reads: ["rules.objection_days", "rules.backup_keep_days"],
    }

    // -- across the batch -------------------------------------------------------------------------
    /// two reports with the same `report_no`; reported on the later file
    ReportDuplicate = "report.duplicate" { family: Across, severity: Error, reads: [] }
    /// a seal number used twice in the batch; reported on the later use
    SealsDuplicate = "seals.duplicate" { family: Across, severity: Error, reads: [] }
    /// a case id's prefix (before its first `-`: `HF` of `HF-2023-001`, without regard to case)
    /// belongs to another category: the one `prefixes` gives it to, or else the category of the
    /// first case file that uses it. One prefix, one category: two categories never share a
    /// series of numbers; the message names the prefix the case's category takes
    CasePrefix = "case.prefix" { family: Across, severity: Error, reads: ["prefixes"] }
    /// dates out of order: visit ≤ `received_on` ≤ `tested_from` ≤ `tested_to` ≤ `issued_on` ≤
    /// `delivery.sent_on`; e-CQS sampling entry not before the visit, result entry not before the
    /// report; follow-up notified not before the report, closed not before notified; refusal
    /// determined and reported, no-sample sheet reported, not before the visit. One wrong date is
    /// reported once, at itself: the dates kept are the longest run in order, the others are
    /// reported. A visit date outside the window is reported by `visit.window` alone, not again
    /// against every later date
    DatesOrder = "dates.order" { family: Dates, severity: Error, reads: [] }

    // -- reading a YAML file (crates/input/src/yaml.rs) --------------------------------------------------
    /// a file that is not UTF-8 (a byte order mark is allowed), such as one saved as GBK; located at
    /// the first byte that is not
    YamlEncoding = "yaml.encoding" { family: Yaml, severity: Error, reads: [] }
    /// a value holding a control character: C0 and C1 controls other than tab and line breaks
    /// (invisible, unprintable), and the bidirectional controls U+061C, U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069 (they reorder the printed text, so the paper would read
    /// differently from the data)
    YamlControlChar = "yaml.control-char" { family: Yaml, severity: Error, reads: [] }
    /// a file over 8 MiB, refused before it is parsed
    YamlTooLarge = "yaml.too-large" { family: Yaml, severity: Error, reads: [] }
    /// a file that is empty or holds only blanks and comments
    YamlEmpty = "yaml.empty" { family: Yaml, severity: Error, reads: [] }
    /// a file that is not valid YAML, located where the parser stopped, or nested deeper than 100
    /// levels (refused before it is parsed in full)
    YamlSyntax = "yaml.syntax" { family: Yaml, severity: Error, reads: [] }
    /// full-width characters (U+FF01–U+FF5E and the ideographic space U+3000, typed with a Chinese
    /// input method on) where YAML needs half-width ones: in a date, number, amount,
    /// `true`/`false` or allowed value, in a field name or the colon after it, and in an `id`,
    /// `postcode`, `phone` or `tracking_no`; located at the first of them, with the half-width
    /// value
    YamlFullWidth = "yaml.full-width" { family: Yaml, severity: Error, reads: [] }
    /// a required field is missing; located at the section that should hold it
    YamlMissing = "yaml.missing" { family: Yaml, severity: Error, reads: [] }
    /// a field the format does not have, with the nearest field name when one is close
    /// (`legal_rep` for `legal_repr`)
    YamlUnknownField = "yaml.unknown-field" { family: Yaml, severity: Error, reads: [] }
    /// a value the field cannot take: text where a number, date, amount, `true`/`false` or one of
    /// the allowed values is needed (`test_quantity: two`, `outcome: sampld`); what was written
    /// and what the field takes are said with an example that fits the field
    YamlType = "yaml.type" { family: Yaml, severity: Error, reads: [] }

    // -- loading the batch folder (crates/input/src/load.rs) ---------------------------------------------
    /// the batch folder does not exist or is not a folder
    BatchMissing = "batch.missing" { family: Load, severity: Error, reads: [] }
    /// a file of the batch folder cannot be read: `batch.yaml` is missing, or the system refuses
    /// to read a file or folder
    BatchIo = "batch.io" { family: Load, severity: Error, reads: [] }
    /// the batch `id` is not a safe file name (letters, digits, `.`, `_`, `-`, at most 64
    /// characters, not starting with a dot): the archive and the volume are named by it
    BatchId = "batch.id" { family: Load, severity: Error, reads: [] }
    /// a case `id` is not a safe folder name (letters, digits, `.`, `_`, `-`, at most 64
    /// characters, not starting with a dot): each case's documents go into a folder named by it
    CaseId = "case.id" { family: Load, severity: Error, reads: [] }
    /// two cases with the same `id` (reported while loading: output folders are named by id, so
    /// such a batch cannot be read)
    CaseDuplicateId = "case.duplicate-id" { family: Load, severity: Error, reads: [] }

    // -- importing a list (`spotcheck import`) -----------------------------------------------
    /// the list has no header row in its first ten rows, a required column (企业名称,
    /// 统一社会信用代码, 地址, 产品类别, 计划日期) is missing, or a `--column` names none
    ImportHeader = "import.header" { family: Import, severity: Error, reads: [] }
    /// a cell of a new row is empty where required, or not a date, a domain (生产 or 流通),
    /// a lab of `labs` or a case id
    ImportCell = "import.cell" { family: Import, severity: Error, reads: [] }
    /// the same enterprise and category, or the same case id, on two rows of the list
    ImportDuplicate = "import.duplicate" { family: Import, severity: Error, reads: [] }

    // -- rendering (crates/documents/src/render.rs) ------------------------------------------------------
    /// a character of a value that no font in use draws (the embedded fonts, `--font-path`, the
    /// system's), reported with its code point before anything is rendered, so that nothing
    /// prints as an empty box
    FontUncovered = "font.uncovered" { family: Render, severity: Error, reads: [] }
}

impl Rule {
    /// The rules of `check`, in the order of the documentation.
    pub fn checks() -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(|r| r.is_check())
    }

    /// Whether `check` reports it (the others are reported while reading or rendering).
    pub const fn is_check(self) -> bool {
        self.family().is_check()
    }

    /// The rule of an id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }

    /// The stable id, as shown and in JSON output; the same as [`Rule::id`].
    pub const fn as_str(self) -> &'static str {
        self.id()
    }

    /// What the rule finds, on one line: its doc comment with the source's line breaks undone.
    pub fn doc(self) -> String {
        self.doc_lines()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// A rule equals its id: `d.rule == "party.credit-code"`.
impl PartialEq<str> for Rule {
    fn eq(&self, other: &str) -> bool {
        self.id() == other
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

/// The Markdown tables of `docs/rules.md`: with `checks` true, the rules of `check` (id,
/// severity, what it checks, the `batch.yaml` parameters it reads); otherwise the findings of
/// reading and rendering (id, severity, what reports it, what it finds). One row a rule, in
/// the order of the registry; ends with a line break.
pub fn markdown_table(checks: bool) -> String {
    let mut out = if checks {
        String::from(
            "| id | severity | what it checks | `batch.yaml` parameter |\n|---|---|---|---|\n",
        )
    } else {
        String::from("| id | severity | reported by | what it finds |\n|---|---|---|---|\n")
    };
    for r in Rule::ALL.iter().filter(|r| r.is_check() == checks) {
        let severity = match r.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let id = format!("`{}`", r.id());
        let doc = r.doc();
        let reads: Vec<String> = r.reads().iter().map(|p| format!("`{p}`")).collect();
        let reads = reads.join(", ");
        let cells = if checks {
            [id.as_str(), severity, &doc, &reads]
        } else {
            [id.as_str(), severity, r.family().reported_by(), &doc]
        };
        // An empty cell is written `| |`.
        for c in cells {
            out.push_str("| ");
            out.push_str(c);
            if !c.is_empty() {
                out.push(' ');
            }
        }
        out.push_str("|\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_rule_has_a_unique_well_formed_id_and_its_documentation() {
        let ids: BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), Rule::ALL.len(), "an id is used twice");
        for &r in Rule::ALL {
            let id = r.id();
            let (head, tail) = id.split_once('.').unwrap_or_default();
            let word =
                |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            assert!(word(head) && word(tail), "{id} is not `family.what`");
            assert_eq!(Rule::from_id(id), Some(r));
            assert_eq!(r.to_string(), id);
            assert_eq!(serde_json::to_value(r).unwrap(), id);
            let doc = r.doc();
            assert!(
                doc.split_whitespace().count() >= 4,
                "{id} has no documentation: “{doc}”"
            );
            assert!(
                !doc.contains('|'),
                "{id}: a `|` would break the table of docs/rules.md"
            );
            assert!(
                r.is_check() || r.reads().is_empty(),
                "{id} is reported before the rules run: it reads no parameter"
            );
        }
    }

    #[test]
    fn the_tables_have_a_row_per_rule() {
        let rows = |checks| markdown_table(checks).lines().count() - 2;
        assert_eq!(rows(true), Rule::checks().count());
        assert_eq!(rows(true) + rows(false), Rule::ALL.len());
        assert!(markdown_table(true).contains(
            "| `schedule.issued` | error | the notice is dated (`issued_on`) after the sampling \
             window opens | `issued_on`, `schedule.sampling_start` |\n"
        ));
    }
}

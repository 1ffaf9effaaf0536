//! batch.yaml: the notice, its labs, plan, rules and records metadata.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::case::default_true;

// ---------------------------------------------------------------------------------------------
// batch.yaml
// ---------------------------------------------------------------------------------------------

/// batch.yaml：抽查任务（通知）本身。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "批次文件 batch.yaml")]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// 批次编号，用作归档包名称，如 JC-2023-01（只用字母、数字和 -）。
    #[schemars(title = "批次编号")]
    pub id: String,
    /// 批次名称，如 “2023 年第一批产品质量监督抽查”。
    #[schemars(title = "批次名称")]
    pub title: String,
    /// 发文机关（组织抽查的市场监管部门）。
    #[schemars(title = "发文机关")]
    pub authority: Authority,
    /// 发文字号，如 晋市市监〔2023〕3号（用六角括号〔〕）。
    #[schemars(title = "发文字号")]
    pub document_no: String,
    /// 通知标题，如 “晋城市市场监督管理局关于组织 2023 年第一批产品质量监督抽查的通知”。
    #[schemars(title = "通知标题")]
    pub notice_title: String,
    /// 成文日期（发文日期）。
    #[schemars(title = "成文日期（发文日期）")]
    pub issued_on: NaiveDate,
    /// 印发日期。
    #[schemars(title = "印发日期")]
    pub printed_on: NaiveDate,
    /// 印发机关，如 晋城市市场监督管理局办公室。
    #[schemars(title = "印发机关")]
    pub printed_by: String,
    /// 主送机关。
    #[schemars(title = "主送机关")]
    pub recipients: String,
    /// 抄送机关。
    #[schemars(title = "抄送机关")]
    #[serde(default)]
    pub cc: Vec<String>,
    /// 主要依据（法律、规章）。
    #[schemars(title = "主要依据（法律、规章）")]
    #[serde(default)]
    pub(crate) legal_basis: Vec<String>,
    /// 抽查范围。
    #[schemars(title = "抽查范围")]
    pub scope: String,
    /// 进度安排：抽样期间与各项时限。
    #[schemars(title = "进度安排")]
    pub schedule: Schedule,
    /// 抽查规则参数（抽样人数、异议期限、未抽样原因等）。
    #[schemars(title = "抽查规则参数")]
    #[serde(default)]
    pub rules: Rules,
    /// 抽查计划（附件 1），每类产品一行。
    #[schemars(title = "抽查计划（附件 1）")]
    pub plan: Vec<PlanEntry>,
    /// 通知要求复查的批次数（以前抽查不合格企业的复查，不计入计划的抽查类别）。
    #[schemars(title = "复查批次数")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rechecks: Option<u32>,
    /// 承检机构。
    #[schemars(title = "承检机构")]
    pub labs: Vec<Lab>,
    /// 属地监管部门（县级市场监管局、市场监管所、开发区分局等）：共同认定拒检、负责不合格后处理；称谓见 terms.local_body。
    #[schemars(title = "属地监管部门")]
    #[serde(default)]
    pub counties: Vec<County>,
    /// 通知正文（按段落），用于排印通知文件本身。
    #[schemars(title = "通知正文")]
    #[serde(default)]
    pub notice_body: Option<String>,
    /// 质量分析报告和检验情况汇总表报送组织抽查部门的日期（已报送时填写）；也是这两份文书落款的日期，未填写时落款日期留空待手写（check 提示）。
    #[schemars(title = "质量分析报告和检验情况汇总表报送日期")]
    #[serde(default)]
    pub analysis_submitted_on: Option<NaiveDate>,
    /// 通知的附件，依次为附件 1、2……；每项写标题，以及由本工具排印的内容（content）或随文附上的文件（file），两者都不写时只在附件说明中列出。缺省为抽查计划、合格产品企业名单、不合格产品企业名单三项。
    #[schemars(title = "附件")]
    #[serde(default)]
    pub annexes: Option<Vec<Annex>>,
    /// 公开属性，印在成文日期下方：主动公开、依申请公开、不予公开。缺省为主动公开。
    #[schemars(title = "公开属性")]
    #[serde(default)]
    pub publication: Publication,
    /// 文书中的称谓：共同认定拒检和负责后处理的属地监管部门、组织抽查部门的简称。缺省为市局组织抽查时的称谓。
    #[schemars(title = "文书称谓")]
    #[serde(default)]
    pub terms: Terms,
    /// 各类案例文书的联次：文书类型（如 sampling-sheet）对应各联的留存者，依次为第一联、第二联……，如 sampling-sheet: [承检机构留存, 随样品流转, 受检单位留存]。只写一项时只印一份、不标联次。未写的文书类型用缺省联次（见 docs/case-files.md）。
    #[schemars(title = "联次")]
    #[serde(default)]
    pub copies: std::collections::BTreeMap<String, Vec<String>>,
    /// 归档日期：归档包的日期（bag-info.txt 的 Bagging-Date、zip 中每个文件的时间、签名的可信注释、合订本和归档文件目录的日期）。缺省为批次记录的最后日期。
    #[schemars(title = "归档日期")]
    #[serde(default)]
    pub archived_on: Option<NaiveDate>,
    /// 档案管理信息（全宗号、年度、保管期限、密级、归档人），写入归档包和归档文件目录；档号由此生成。
    #[schemars(title = "档案管理信息")]
    #[serde(default)]
    pub archive: ArchiveInfo,
    /// 是否在每份 PDF 旁同时写出同页的 OFD 版式文件（GB/T 33190，<文书>.ofd），与命令行 --ofd 相同。缺省为 false。
    #[schemars(title = "同时生成 OFD 版式文件")]
    #[serde(default)]
    pub ofd: bool,
    /// 案例编号前缀：抽查计划中的类别对应的前缀（编号 HF-2025-001 中第一个 - 之前的部分），如 化肥: HF。一个前缀只能属于一个类别。未写的类别沿用本类别已有案例的前缀，没有案例时取类别名称的拼音首字母（化肥 → HF），与其他类别的前缀相同时另取一个（new-case 和 import 会说明所取的前缀）。
    #[schemars(title = "案例编号前缀")]
    #[serde(default)]
    pub prefixes: std::collections::BTreeMap<String, String>,
    /// 合格和不合格产品企业名单的栏目，如 lists: { columns: [no, category, product, trademark, model, batch, party, manufacturer, lab, remark] }。缺省为通知附件的栏目（序号、产品名称、商标、规格型号、生产日期（批号）、受检单位名称、备注），几家承检机构共担的批次在备注前加承检机构。
    #[schemars(title = "企业名单栏目")]
    #[serde(default)]
    pub lists: ListSettings,
}

/// 合格和不合格产品企业名单的公布方式。
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListSettings {
    /// 名单的栏目，依次排列：no 序号、category 产品类别、product 产品名称、trademark 商标、model 规格型号、batch 生产日期（批号）、party 受检单位名称、domain 抽样领域、shop 网店（平台）、manufacturer 标称生产者、lab 承检机构、remark 备注。重复的栏目只印一次；不写或写空时用缺省栏目。
    #[schemars(title = "栏目")]
    #[serde(default)]
    pub columns: Option<Vec<ListColumn>>,
}

/// 企业名单的一个栏目。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ListColumn {
    /// 序号
    No,
    /// 产品类别（抽查计划中的类别）
    Category,
    /// 产品名称
    Product,
    /// 商标
    Trademark,
    /// 规格型号
    Model,
    /// 生产日期（批号）
    Batch,
    /// 受检单位名称
    Party,
    /// 抽样领域（生产、流通、电子商务）
    Domain,
    /// 网店（平台）：网络购买的批次的电子商务平台和网店名称
    Shop,
    /// 标称生产者（样品标称的生产者，受检单位自产时即受检单位）
    Manufacturer,
    /// 承检机构
    Lab,
    /// 备注（不合格项目、拒检）
    Remark,
}

impl ListColumn {
    /// The columns of the notice's annexes 2 and 3, as the bureaus publish them.
    pub const NOTICE: [ListColumn; 7] = [
        ListColumn::No,
        ListColumn::Product,
        ListColumn::Trademark,
        ListColumn::Model,
        ListColumn::Batch,
        ListColumn::Party,
        ListColumn::Remark,
    ];

    /// The column's title as printed.
    pub fn header(self) -> &'static str {
        match self {
            ListColumn::No => "序号",
            ListColumn::Category => "产品类别",
            ListColumn::Product => "产品名称",
            ListColumn::Trademark => "商标",
            ListColumn::Model => "规格型号",
            ListColumn::Batch => "生产日期（批号）",
            ListColumn::Party => "受检单位名称",
            ListColumn::Domain => "抽样领域",
            ListColumn::Shop => "网店（平台）",
            ListColumn::Manufacturer => "标称生产者",
            ListColumn::Lab => "承检机构",
            ListColumn::Remark => "备注",
        }
    }
}

impl ListSettings {
    /// The columns of the lists: those written (each once, in their order), else the notice's,
    /// with 承检机构 before 备注 when `several_labs` share the list.
    pub fn columns(&self, several_labs: bool) -> Vec<ListColumn> {
        match self.columns.as_deref() {
            Some(cols) if !cols.is_empty() => {
                let mut once = Vec::new();
                for c in cols {
                    if !once.contains(c) {
                        once.push(*c);
                    }
                }
                once
            }
            _ => {
                let mut cols = ListColumn::NOTICE.to_vec();
                if several_labs {
                    cols.insert(cols.len() - 1, ListColumn::Lab);
                }
                cols
            }
        }
    }
}

/// 档案管理信息（DA/T 22-2015《归档文件整理规则》）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchiveInfo {
    /// 全宗号：档案馆给立档单位的编号，如 J012；未填写时不生成档号。
    #[schemars(title = "全宗号")]
    #[serde(default)]
    pub fonds_no: Option<String>,
    /// 年度：文件形成年度，缺省为通知发布日期（issued_on）的年份。
    #[schemars(title = "年度")]
    #[serde(default)]
    pub year: Option<i32>,
    /// 保管期限：永久、定期30年、定期10年，由档案部门确定。未填写时按定期30年著录并注明“缺省”，check 提醒。
    #[schemars(title = "保管期限")]
    #[serde(default)]
    pub retention: Option<Retention>,
    /// 密级：如 公开、内部，由档案部门确定。未填写时按公开著录并注明“缺省”，check 提醒。
    #[schemars(title = "密级")]
    #[serde(default)]
    pub classification: Option<String>,
    /// 机构（问题）：档号中的机构或问题代码（DA/T 22-2015 §7.2），如 ZJK（质量监督科）；未填写时档号不含此段。
    #[schemars(title = "机构（问题）")]
    #[serde(default)]
    pub organization: Option<String>,
    /// 起始件号：本批次第一份文书的件号（DA/T 22-2015，在同一全宗、年度、保管期限、机构（问题）内连续编号），缺省为 1；其后每份文书依次加 1。
    #[schemars(title = "起始件号")]
    #[serde(default)]
    pub first_item: Option<u32>,
    /// 归档人。
    #[schemars(title = "归档人")]
    #[serde(default)]
    pub archivist: Option<String>,
    /// 合订本是否收入拒检认定表和未抽样品工作单（排在三部分之后）。缺省为收入。
    #[schemars(title = "合订本收入拒检和未抽样文书")]
    #[serde(default = "default_true")]
    pub volume_includes_unsampled: bool,
}

impl ArchiveInfo {
    /// A text field of the records metadata as given: trimmed, none when absent or blank (a
    /// blank value is a value not given).
    pub fn given(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }
}

impl Default for ArchiveInfo {
    fn default() -> Self {
        ArchiveInfo {
            fonds_no: None,
            year: None,
            retention: None,
            classification: None,
            organization: None,
            first_item: None,
            archivist: None,
            volume_includes_unsampled: true,
        }
    }
}

/// 保管期限（DA/T 22-2015）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum Retention {
    /// 永久（代码 Y）。
    #[serde(rename = "永久")]
    Permanent,
    /// 定期 30 年（代码 D30）。
    #[default]
    #[serde(rename = "定期30年")]
    Years30,
    /// 定期 10 年（代码 D10）。
    #[serde(rename = "定期10年")]
    Years10,
}

impl Retention {
    /// The words, as written in batch.yaml.
    pub fn label(self) -> &'static str {
        match self {
            Retention::Permanent => "永久",
            Retention::Years30 => "定期30年",
            Retention::Years10 => "定期10年",
        }
    }

    /// The code of DA/T 22-2015 in a 档号.
    pub fn code(self) -> &'static str {
        match self {
            Retention::Permanent => "Y",
            Retention::Years30 => "D30",
            Retention::Years10 => "D10",
        }
    }
}

/// 通知的一项附件。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// 附件标题，如 “2023 年第一批产品质量监督抽查计划”。
    #[schemars(title = "附件标题")]
    pub title: String,
    /// 由本工具排印的内容：plan 抽查计划表，qualified-list 合格产品企业名单，unqualified-list 不合格产品企业名单（通知中印空白表样，名单本身另行生成）。
    #[schemars(title = "排印内容")]
    #[serde(default)]
    pub content: Option<AnnexContent>,
    /// 随文附上的文件（PDF、JPG 或 PNG），路径相对于批次文件夹，如 annexes/重点产品目录.pdf；每页照原样附在附件标题之后。
    #[schemars(title = "附件文件")]
    #[serde(default)]
    pub file: Option<String>,
}

/// The file types an annex may be.
pub const ANNEX_EXTENSIONS: &[&str] = &["pdf", "jpg", "jpeg", "png"];

/// 由本工具排印的附件内容。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AnnexContent {
    /// 抽查计划表（序号、产品名称、抽查批次、承检单位、抽查范围、备注）。
    Plan,
    /// 合格产品企业名单。
    QualifiedList,
    /// 不合格产品企业名单。
    UnqualifiedList,
}

/// 公开属性（GB/T 9704 附注）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum Publication {
    /// 此件主动公开。
    #[default]
    #[serde(rename = "主动公开")]
    Proactive,
    /// 此件依申请公开。
    #[serde(rename = "依申请公开")]
    OnRequest,
    /// 此件不予公开。
    #[serde(rename = "不予公开")]
    Withheld,
}

impl Publication {
    /// The annotation under the date: `（此件主动公开）`.
    pub fn note(self) -> &'static str {
        match self {
            Publication::Proactive => "（此件主动公开）",
            Publication::OnRequest => "（此件依申请公开）",
            Publication::Withheld => "（此件不予公开）",
        }
    }
}

/// 文书中的称谓。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// 与抽样人员共同认定拒检、负责不合格产品后处理的属地监管部门的称谓，文书写作“受检单位所在地{称谓}”，如 县级市场监督管理部门、市场监管所。
    #[schemars(title = "属地监管部门称谓")]
    #[serde(default = "default_local_body")]
    pub local_body: String,
    /// 文书中对组织抽查部门的简称（报送对象），如 市局、区局。
    #[schemars(title = "组织抽查部门简称")]
    #[serde(default = "default_authority_short")]
    pub(crate) authority_short: String,
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            local_body: default_local_body(),
            authority_short: default_authority_short(),
        }
    }
}

fn default_local_body() -> String {
    "县级市场监督管理部门".into()
}
fn default_authority_short() -> String {
    "市局".into()
}

impl Batch {
    /// The annexes of the notice: as written, or the three of a notice that does not list
    /// them (the plan and the two lists).
    pub fn annexes(&self) -> Vec<Annex> {
        if let Some(a) = &self.annexes {
            return a.clone();
        }
        let t = &self.title;
        [
            (format!("{t}计划"), AnnexContent::Plan),
            (format!("{t}合格产品企业名单"), AnnexContent::QualifiedList),
            (
                format!("{t}不合格产品企业名单"),
                AnnexContent::UnqualifiedList,
            ),
        ]
        .into_iter()
        .map(|(title, content)| Annex {
            title,
            content: Some(content),
            file: None,
        })
        .collect()
    }

    /// The number and title of the annex with this content, if the notice has one.
    pub fn annex_of(&self, content: AnnexContent) -> Option<(usize, String)> {
        self.annexes()
            .into_iter()
            .enumerate()
            .find(|(_, a)| a.content == Some(content))
            .map(|(i, a)| (i + 1, a.title))
    }

    /// The lab with this id.
    pub fn lab(&self, id: &str) -> Option<&Lab> {
        self.labs.iter().find(|l| l.id == id)
    }

    /// The plan row of a category.
    pub fn plan_row(&self, category: &str) -> Option<&PlanEntry> {
        self.plan.iter().find(|p| p.category == category)
    }
}

/// 发文机关。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// 机关名称，如 晋城市市场监督管理局。
    #[schemars(title = "机关名称")]
    pub name: String,
    /// 承办科室，如 产品质量监管科。
    #[schemars(title = "承办科室")]
    #[serde(default)]
    pub(crate) department: Option<String>,
    /// 地址。
    #[schemars(title = "地址")]
    #[serde(default)]
    pub address: Option<String>,
    /// 邮政编码。
    #[schemars(title = "邮政编码")]
    #[serde(default)]
    pub postcode: Option<String>,
    /// 联系电话。
    #[schemars(title = "联系电话")]
    #[serde(default)]
    pub phone: Option<String>,
}

/// 进度安排（全部日期来自通知，不写在程序里）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// 抽样开始日期。
    #[schemars(title = "抽样开始日期")]
    pub sampling_start: NaiveDate,
    /// 抽样截止日期。
    #[schemars(title = "抽样截止日期")]
    pub sampling_end: NaiveDate,
    /// 检验报告和结果通知送达截止日期。
    #[schemars(title = "检验报告和结果通知送达截止日期")]
    pub delivery_deadline: NaiveDate,
    /// 送达方式，如 EMS。
    #[schemars(title = "送达方式")]
    #[serde(default = "default_delivery_method")]
    pub delivery_method: String,
    /// e-CQS 系统全部录入截止日期。
    #[schemars(title = "e-CQS 系统全部录入截止日期")]
    pub ecqs_deadline: NaiveDate,
    /// 抽样信息录入 e-CQS 的时限（抽样后第几日内），通知要求次日，即 1。
    #[schemars(title = "抽样信息录入 e-CQS 的时限")]
    #[serde(default = "default_ecqs_days")]
    pub ecqs_entry_days: u32,
    /// 质量分析报告和检验情况汇总表报送截止日期。
    #[schemars(title = "质量分析报告和检验情况汇总表报送截止日期")]
    pub analysis_deadline: NaiveDate,
}

fn default_delivery_method() -> String {
    "EMS".into()
}
fn default_ecqs_days() -> u32 {
    1
}

/// 抽查规则参数。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// 每次抽样的最少抽样人员数。
    #[schemars(title = "每次抽样的最少抽样人员数")]
    #[serde(default = "default_min_samplers")]
    pub min_samplers: u32,
    /// 对检验结果提出异议的期限（收到结果之日起的天数），不少于《产品质量法》第十五条规定的 15 日。
    #[schemars(title = "对检验结果提出异议的期限")]
    #[serde(default = "default_objection_days")]
    pub objection_days: u32,
    /// 允许的未抽到样品原因。
    #[schemars(title = "允许的未抽到样品原因")]
    #[serde(default = "default_no_sample_reasons")]
    pub no_sample_reasons: Vec<String>,
    /// 样品封存期限（检验结果送达后保存备用样品的天数）。
    #[schemars(title = "样品封存期限")]
    #[serde(default = "default_backup_keep_days")]
    pub backup_keep_days: u32,
    /// 标称生产者答复样品确认的期限（收到通知之日起的天数），期满未答复的视为无异议。
    #[schemars(title = "样品确认答复期限（日）")]
    #[serde(default = "default_confirmation_days")]
    pub confirmation_days: u32,
    /// 对复检申请作出是否受理决定的期限（收到申请之日起的工作日数）。
    #[schemars(title = "复检申请受理决定期限（工作日）")]
    #[serde(default = "default_objection_decision_days")]
    pub objection_decision_days: u32,
    /// 复检机构出具复检报告的期限（收到备用样品之日起的工作日数）。
    #[schemars(title = "复检报告期限（工作日）")]
    #[serde(default = "default_retest_days")]
    pub retest_days: u32,
    /// 网店收到通知书后确认样品信息的期限（日）。
    #[schemars(title = "网店样品信息确认期限（日）")]
    #[serde(default = "default_confirmation_days")]
    pub shop_confirmation_days: u32,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            min_samplers: default_min_samplers(),
            objection_days: default_objection_days(),
            no_sample_reasons: default_no_sample_reasons(),
            backup_keep_days: default_backup_keep_days(),
            confirmation_days: default_confirmation_days(),
            objection_decision_days: default_objection_decision_days(),
            retest_days: default_retest_days(),
            shop_confirmation_days: default_confirmation_days(),
        }
    }
}

fn default_min_samplers() -> u32 {
    2
}
/// The days from receipt of a result within which 产品质量法 第十五条 lets the enterprise
/// object and ask for a re-test: a notice may give more, never fewer.
pub const STATUTORY_OBJECTION_DAYS: u32 = 15;

fn default_objection_days() -> u32 {
    STATUTORY_OBJECTION_DAYS
}
fn default_confirmation_days() -> u32 {
    7
}
fn default_objection_decision_days() -> u32 {
    5
}
fn default_retest_days() -> u32 {
    10
}
fn default_backup_keep_days() -> u32 {
    90
}
fn default_no_sample_reasons() -> Vec<String> {
    vec!["停产".into(), "停业".into(), "未开展经营活动".into()]
}

/// 抽查计划中的一类产品（附件 1 的一行）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanEntry {
    /// 产品名称（类别），如 建筑及装饰装修材料；案例的 category 必须是其中之一。
    #[schemars(title = "产品名称（类别）")]
    pub category: String,
    /// 计划抽查批次数。
    #[schemars(title = "计划抽查批次数")]
    pub lots: u32,
    /// 承检机构编号（labs 中的 id）。
    #[schemars(title = "承检机构编号")]
    #[serde(default)]
    pub lab: Option<String>,
    /// 承检单位一栏照印的文字，如 中标单位；缺省时印 lab 所指承检机构的名称。
    #[schemars(title = "承检单位一栏照印的文字")]
    #[serde(default)]
    pub lab_note: Option<String>,
    /// 抽查范围，如 全市生产经销企业。
    #[schemars(title = "抽查范围")]
    #[serde(default)]
    pub scope: Option<String>,
    /// 备注。
    #[schemars(title = "备注")]
    #[serde(default)]
    pub remark: Option<String>,
}

/// 承检机构（检验机构）。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lab {
    /// 机构编号，案例用它引用本机构，如 jc-qi。
    #[schemars(title = "机构编号")]
    pub id: String,
    /// 机构名称。
    #[schemars(title = "机构名称")]
    pub name: String,
    /// 地址。
    #[schemars(title = "地址")]
    pub address: String,
    /// 邮政编码。
    #[schemars(title = "邮政编码")]
    pub postcode: String,
    /// 联系人。
    #[schemars(title = "联系人")]
    pub contact: String,
    /// 联系电话。
    #[schemars(title = "联系电话")]
    pub phone: String,
    /// 资质认定（CMA）证书编号：12 位数字，印在检验报告封面的 CMA 标志下，如 "230412340099"。
    #[schemars(title = "资质认定（CMA）证书编号")]
    #[serde(default)]
    pub accreditation: Option<String>,
    /// 本机构的检验情况汇总表和质量分析报告报送组织抽查部门的日期（几家机构分担批次时，各自报送的那一份落款此日期）。
    #[schemars(title = "本机构汇总表和分析报告报送日期")]
    #[serde(default)]
    pub analysis_submitted_on: Option<NaiveDate>,
}

/// 属地监管部门。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct County {
    /// 名称，如 城区市场监督管理局。
    #[schemars(title = "名称")]
    pub name: String,
    /// 联系电话。
    #[schemars(title = "联系电话")]
    #[serde(default)]
    pub phone: Option<String>,
}

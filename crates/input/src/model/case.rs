//! A case file (cases/*.yaml): one visit, one lot, from the visit to the follow-up.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

// ---------------------------------------------------------------------------------------------
// cases/*.yaml
// ---------------------------------------------------------------------------------------------

/// 一个案例：一次抽样、一个样品批次。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "案例文件 cases/*.yaml")]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// 抽样单编号，在本批次内唯一，如 JZ-2023-001。
    #[schemars(title = "抽样单编号")]
    pub id: String,
    /// 产品类别，必须是 batch.yaml 抽查计划中的一类。
    #[schemars(title = "产品类别")]
    pub category: String,
    /// 抽样领域：生产、流通 或 电子商务（网络购买抽样，须填写 online）。
    #[schemars(title = "抽样领域")]
    pub domain: Domain,
    /// 网络购买抽样情况（抽样领域为 电子商务 时填写）。
    #[schemars(title = "网络购买抽样情况")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<Online>,
    /// 复查：对以前抽查不合格企业的再次抽查（填写时本案例为复查，不计入本批次的抽查类别和合格率）。
    #[schemars(title = "复查")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recheck: Option<Recheck>,
    /// 承检机构编号（batch.yaml labs 中的 id）。
    #[schemars(title = "承检机构编号")]
    pub lab: String,
    /// 抽样情况：sampled 已抽样，refused 拒检，not_sampled 未抽到样品。抽样之前不填写：没有 outcome 的案例是计划中的案例（已安排、尚未抽样），只写受检单位、计划抽样日期、抽样人员和通知书编号等事先知道的内容，check 只检查这些内容；抽样后填上 outcome 和现场情况，即成为一般案例，无需重写。
    #[schemars(title = "抽样情况（抽样前不填写，即计划中的案例）")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// 抽样（现场）情况；计划中的案例只写计划抽样日期、通知书编号和抽样人员。
    #[schemars(title = "抽样（现场）情况")]
    pub visit: Visit,
    /// 受检单位（被抽样生产者、销售者）。
    #[schemars(title = "受检单位（被抽样生产者、销售者）")]
    pub party: Party,
    /// 标称生产者（与受检单位不同时填写）。
    #[schemars(title = "标称生产者")]
    #[serde(default)]
    pub manufacturer: Option<Manufacturer>,
    /// 样品信息（已抽样时填写）。
    #[schemars(title = "样品信息")]
    #[serde(default)]
    pub product: Option<Product>,
    /// 封样信息。
    #[schemars(title = "封样信息")]
    #[serde(default)]
    pub seals: Option<Seals>,
    /// 签字确认情况。
    #[schemars(title = "签字确认情况")]
    #[serde(default)]
    pub signing: Option<Signing>,
    /// 样品付费情况。
    #[schemars(title = "样品付费情况")]
    #[serde(default)]
    pub payment: Option<Payment>,
    /// 拒检情况（outcome 为 refused 时填写）。
    #[schemars(title = "拒检情况")]
    #[serde(default)]
    pub refusal: Option<Refusal>,
    /// 未抽到样品情况（outcome 为 not_sampled 时填写）。
    #[schemars(title = "未抽到样品情况")]
    #[serde(default)]
    pub not_sampled: Option<NotSampled>,
    /// 现场照片、视频等证据文件，路径相对于批次文件夹。
    #[schemars(title = "证据文件")]
    #[serde(default)]
    pub evidence: Vec<String>,
    /// 标称生产者样品确认（在销售者处抽样、标称生产者为另一单位时）。
    #[schemars(title = "标称生产者样品确认")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmation: Option<MakerConfirmation>,
    /// 检验情况（检验机构填写）。
    #[schemars(title = "检验情况")]
    #[serde(default)]
    pub inspection: Option<Inspection>,
    /// 检验结果送达情况。
    #[schemars(title = "检验结果送达情况")]
    #[serde(default)]
    pub delivery: Option<Delivery>,
    /// 异议和复检情况。
    #[schemars(title = "异议和复检情况")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<Objection>,
    /// e-CQS 系统录入情况。
    #[schemars(title = "e-CQS 系统录入情况")]
    #[serde(default)]
    pub ecqs: Option<Ecqs>,
    /// 不合格后处理情况。
    #[schemars(title = "不合格后处理情况")]
    #[serde(default)]
    pub followup: Option<Followup>,
    /// 样品处置情况。
    #[schemars(title = "样品处置情况")]
    #[serde(default)]
    pub disposal: Option<Disposal>,
}

/// 抽样领域。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Domain {
    /// 生产领域。
    #[serde(rename = "生产")]
    Production,
    /// 流通领域。
    #[serde(rename = "流通")]
    Circulation,
    /// 电子商务领域（网络购买抽样）。
    #[serde(rename = "电子商务")]
    Online,
}

impl Domain {
    pub fn label(self) -> &'static str {
        match self {
            Domain::Production => "生产",
            Domain::Circulation => "流通",
            Domain::Online => "电子商务",
        }
    }

    /// Every domain, in the order the lists and tables give them.
    pub const ALL: [Domain; 3] = [Domain::Production, Domain::Circulation, Domain::Online];

    /// Whether the lot was sampled from a seller (on the street or online).
    pub fn is_sale(self) -> bool {
        self != Domain::Production
    }
}

/// 抽样情况。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 已抽样。
    Sampled,
    /// 拒绝抽样（拒检）。
    Refused,
    /// 未抽到样品（停产、停业等）。
    NotSampled,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Sampled => "已抽样",
            Outcome::Refused => "拒检",
            Outcome::NotSampled => "未抽到样品",
        }
    }

    /// The value written in a case file: `sampled`, `refused`, `not_sampled`.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Sampled => "sampled",
            Outcome::Refused => "refused",
            Outcome::NotSampled => "not_sampled",
        }
    }
}

/// 抽样现场情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// 抽样日期；计划中的案例（未写 outcome）为计划抽样日期。
    #[schemars(title = "抽样日期（计划中的案例为计划抽样日期）")]
    pub date: NaiveDate,
    /// 抽样地点，如 受检单位成品库；抽样时填写，计划中的案例不写。
    #[schemars(title = "抽样地点")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// 抽查通知书编号。
    #[schemars(title = "抽查通知书编号")]
    pub notice_no: String,
    /// 抽样单备注：现场需要说明的其他情况。
    #[schemars(title = "抽样单备注")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// 通知书有效期至（缺省为抽样截止日期）。
    #[schemars(title = "通知书有效期至")]
    #[serde(default)]
    pub notice_valid_until: Option<NaiveDate>,
    /// 抽样人员（至少 2 人）。
    #[schemars(title = "抽样人员")]
    pub samplers: Vec<Sampler>,
}

/// 抽样人员。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sampler {
    /// 姓名。
    #[schemars(title = "姓名")]
    pub name: String,
    /// 抽样人员证件（工作证）编号。
    #[schemars(title = "抽样人员证件（工作证）编号")]
    #[serde(default)]
    pub credential: Option<String>,
}

/// 受检单位。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// 单位名称。
    #[schemars(title = "单位名称")]
    pub name: String,
    /// 统一社会信用代码（18 位）。
    #[schemars(title = "统一社会信用代码")]
    pub credit_code: String,
    /// 地址。
    #[schemars(title = "地址")]
    pub address: String,
    /// 邮政编码。
    #[schemars(title = "邮政编码")]
    #[serde(default)]
    pub postcode: Option<String>,
    /// 法定代表人。
    #[schemars(title = "法定代表人")]
    #[serde(default)]
    pub legal_rep: Option<String>,
    /// 联系人。
    #[schemars(title = "联系人")]
    #[serde(default)]
    pub contact: Option<String>,
    /// 联系电话。
    #[schemars(title = "联系电话")]
    #[serde(default)]
    pub phone: Option<String>,
}

/// 标称生产者。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manufacturer {
    /// 名称。
    #[schemars(title = "名称")]
    pub name: String,
    /// 地址。
    #[schemars(title = "地址")]
    #[serde(default)]
    pub address: Option<String>,
    /// 统一社会信用代码（已知时）。
    #[schemars(title = "统一社会信用代码")]
    #[serde(default)]
    pub credit_code: Option<String>,
    /// 联系电话。
    #[schemars(title = "联系电话")]
    #[serde(default)]
    pub phone: Option<String>,
}

/// 价格依据。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriceBasis {
    /// 按产品标价。
    Marked,
    /// 无标价，按同类产品市场价。
    Market,
}

impl PriceBasis {
    pub fn label(self) -> &'static str {
        match self {
            PriceBasis::Marked => "标价",
            PriceBasis::Market => "同类产品市场价格",
        }
    }
}

/// 样品信息。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// 样品名称。
    #[schemars(title = "样品名称")]
    pub name: String,
    /// 商标。
    #[schemars(title = "商标")]
    #[serde(default)]
    pub trademark: Option<String>,
    /// 规格型号。
    #[schemars(title = "规格型号")]
    #[serde(default)]
    pub model: Option<String>,
    /// 生产日期（批号）。
    #[schemars(title = "生产日期（批号）")]
    #[serde(default)]
    pub batch: Option<String>,
    /// 执行标准。
    #[schemars(title = "执行标准")]
    #[serde(default)]
    pub standard: Option<String>,
    /// 质量等级。
    #[schemars(title = "质量等级")]
    #[serde(default)]
    pub grade: Option<String>,
    /// 生产许可证或 CCC 证书编号（产品需要时）。
    #[schemars(title = "生产许可证或 CCC 证书编号")]
    #[serde(default)]
    pub licence: Option<String>,
    /// 计量单位，如 桶、卷、袋。
    #[schemars(title = "计量单位")]
    pub unit: String,
    /// 抽样基数。
    #[schemars(title = "抽样基数")]
    #[serde(default)]
    pub base_quantity: Option<u32>,
    /// 检验样品数量。
    #[schemars(title = "检验样品数量")]
    #[serde(default)]
    pub test_quantity: Option<u32>,
    /// 备用样品数量。
    #[schemars(title = "备用样品数量")]
    #[serde(default)]
    pub backup_quantity: Option<u32>,
    /// 检验样品单价（元）。
    #[schemars(title = "检验样品单价（元）")]
    #[serde(default)]
    pub unit_price: Option<Money>,
    /// 价格依据：marked 标价，market 同类产品市场价。
    #[schemars(title = "价格依据")]
    #[serde(default)]
    pub price_basis: Option<PriceBasis>,
    /// 样品贮存条件，如 常温、干燥。
    #[schemars(title = "样品贮存条件")]
    #[serde(default)]
    pub storage: Option<String>,
}

/// 备用样品保存地。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackupKeeper {
    /// 封存于受检单位。
    Party,
    /// 由检验机构保存。
    Lab,
}

/// 封样信息。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Seals {
    /// 封条编号。
    #[schemars(title = "封条编号")]
    #[serde(default)]
    pub numbers: Vec<String>,
    /// 备用样品保存方：party 受检单位，lab 检验机构。
    #[schemars(title = "备用样品保存方")]
    #[serde(default)]
    pub backup_kept_at: Option<BackupKeeper>,
    /// 备用样品存放地点。
    #[schemars(title = "备用样品存放地点")]
    #[serde(default)]
    pub backup_place: Option<String>,
}

/// 签字确认情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    /// 受检单位是否签字确认。
    #[schemars(title = "受检单位是否签字确认")]
    pub party_signed: bool,
    /// 受检单位签字人。
    #[schemars(title = "受检单位签字人")]
    #[serde(default)]
    pub signer: Option<String>,
    /// 拒绝签字时，抽样人员注明的情况。
    #[schemars(title = "拒绝签字情况")]
    #[serde(default)]
    pub refusal_note: Option<String>,
    /// 见证人。
    #[schemars(title = "见证人")]
    #[serde(default)]
    pub witness: Option<Witness>,
}

/// 见证人。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Witness {
    /// 姓名。
    #[schemars(title = "姓名")]
    pub name: String,
    /// 工作单位或身份。
    #[schemars(title = "工作单位或身份")]
    #[serde(default)]
    pub affiliation: Option<String>,
    /// 联系电话。
    #[schemars(title = "联系电话")]
    #[serde(default)]
    pub phone: Option<String>,
}

/// 样品付费情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// 样品费合计（元）；缺省为单价 × 检验样品数量。
    #[schemars(title = "样品费合计（元）")]
    #[serde(default)]
    pub total: Option<Money>,
    /// 付款方式，如 现金、转账。
    #[schemars(title = "付款方式")]
    #[serde(default)]
    pub method: Option<String>,
    /// 收款人（受检单位经手人）。
    #[schemars(title = "收款人（受检单位经手人）")]
    #[serde(default)]
    pub payee_agent: Option<String>,
    /// 向受检单位收取的任何费用（元），必须为 0。
    #[schemars(title = "向受检单位收取的费用（元）")]
    #[serde(default)]
    pub party_fee: Option<Money>,
}

/// 拒检情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    /// 拒检经过（何人、何时、以何种方式阻碍或拒绝抽样）。
    #[schemars(title = "拒检经过")]
    pub description: String,
    /// 拒检人员（姓名、职务）。
    #[schemars(title = "拒检人员（姓名、职务）")]
    #[serde(default)]
    pub refused_by: Option<String>,
    /// 共同认定的属地监管部门（batch.yaml counties 中的名称）。
    #[schemars(title = "共同认定的属地监管部门")]
    #[serde(default)]
    pub county_bureau: Option<String>,
    /// 认定日期。
    #[schemars(title = "认定日期")]
    #[serde(default)]
    pub determined_on: Option<NaiveDate>,
    /// 报送组织抽查部门（市局、区局）的日期。
    #[schemars(title = "报送组织抽查部门日期")]
    #[serde(default)]
    pub reported_on: Option<NaiveDate>,
}

/// 未抽到样品情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotSampled {
    /// 原因，须为 batch.yaml rules.no_sample_reasons 之一，如 停产。
    #[schemars(title = "原因")]
    pub reason: String,
    /// 情况说明。
    #[schemars(title = "情况说明")]
    #[serde(default)]
    pub description: Option<String>,
    /// 受检单位负责人。
    #[schemars(title = "受检单位负责人")]
    #[serde(default)]
    pub person_in_charge: Option<String>,
    /// 报送组织抽查部门（市局、区局）的日期。
    #[schemars(title = "报送组织抽查部门日期")]
    #[serde(default)]
    pub reported_on: Option<NaiveDate>,
}

/// 单项判定。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// 合格。
    Pass,
    /// 不合格。
    Fail,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Pass => "合格",
            Verdict::Fail => "不合格",
        }
    }
}

/// 检验情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// 样品收到日期。
    #[schemars(title = "样品收到日期")]
    pub received_on: NaiveDate,
    /// 封样是否完好。
    #[schemars(title = "封样是否完好")]
    #[serde(default = "default_true")]
    pub seal_intact: bool,
    /// 样品状态描述，如 包装完好、无破损。
    #[schemars(title = "样品状态描述")]
    #[serde(default)]
    pub sample_state: Option<String>,
    /// 检验机构给样品的编号（样品编号），报告上印出。
    #[schemars(title = "样品编号")]
    #[serde(default)]
    pub sample_no: Option<String>,
    /// 检验报告编号。
    #[schemars(title = "检验报告编号")]
    #[serde(default)]
    pub report_no: Option<String>,
    /// 报告签发日期。
    #[schemars(title = "报告签发日期")]
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    /// 检验日期（开始）。
    #[schemars(title = "检验日期（开始）")]
    #[serde(default)]
    pub tested_from: Option<NaiveDate>,
    /// 检验日期（结束）。
    #[schemars(title = "检验日期（结束）")]
    #[serde(default)]
    pub tested_to: Option<NaiveDate>,
    /// 主检（检验人）。
    #[schemars(title = "主检（检验人）")]
    #[serde(default)]
    pub tester: Option<String>,
    /// 审核。
    #[schemars(title = "审核")]
    #[serde(default)]
    pub reviewer: Option<String>,
    /// 批准。
    #[schemars(title = "批准")]
    #[serde(default)]
    pub approver: Option<String>,
    /// 检验项目。
    #[schemars(title = "检验项目")]
    #[serde(default)]
    pub items: Vec<TestItem>,
    /// 报告备注。
    #[schemars(title = "报告备注")]
    #[serde(default)]
    pub remark: Option<String>,
    /// 检验结论（检验机构在报告上写明的结论）：pass 合格，fail 不合格；缺省时由各项判定得出，填写时须与各项判定一致。
    #[schemars(title = "检验结论")]
    #[serde(default)]
    pub conclusion: Option<Verdict>,
}

/// The conclusion of a set of verdicts: one failed item fails the lot; `None` without items.
pub(super) fn verdict_of(verdicts: impl IntoIterator<Item = Verdict>) -> Option<Verdict> {
    let mut any = false;
    for v in verdicts {
        if v == Verdict::Fail {
            return Some(Verdict::Fail);
        }
        any = true;
    }
    any.then_some(Verdict::Pass)
}

pub(super) fn default_true() -> bool {
    true
}

/// 检验项目。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestItem {
    /// 检验项目名称。
    #[schemars(title = "检验项目名称")]
    pub name: String,
    /// 依据标准条款。
    #[schemars(title = "依据标准条款")]
    #[serde(default)]
    pub clause: Option<String>,
    /// 标准要求。
    #[schemars(title = "标准要求")]
    #[serde(default)]
    pub requirement: Option<String>,
    /// 检验结果（实测值）。
    #[schemars(title = "检验结果（实测值）")]
    pub result: String,
    /// 单位。
    #[schemars(title = "单位")]
    #[serde(default)]
    pub unit: Option<String>,
    /// 单项判定：pass 合格，fail 不合格。
    #[schemars(title = "单项判定")]
    pub verdict: Verdict,
}

/// 检验结果送达情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    /// 寄出日期。
    #[schemars(title = "寄出日期")]
    pub sent_on: NaiveDate,
    /// 送达方式，如 EMS。
    #[schemars(title = "送达方式")]
    pub method: String,
    /// 邮件号。
    #[schemars(title = "邮件号")]
    #[serde(default)]
    pub tracking_no: Option<String>,
}

/// e-CQS 系统录入情况。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ecqs {
    /// 抽样信息录入日期。
    #[schemars(title = "抽样信息录入日期")]
    #[serde(default)]
    pub sampling_entered_on: Option<NaiveDate>,
    /// 检验结果录入日期。
    #[schemars(title = "检验结果录入日期")]
    #[serde(default)]
    pub result_entered_on: Option<NaiveDate>,
}

/// 不合格后处理。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    /// 负责后处理的属地监管部门（batch.yaml counties 中的名称）。
    #[schemars(title = "负责后处理的属地监管部门")]
    pub county_bureau: String,
    /// 通知日期。
    #[schemars(title = "通知日期")]
    #[serde(default)]
    pub notified_on: Option<NaiveDate>,
    /// 网店不合格时，通报电子商务平台经营者（下架）的日期。
    #[schemars(title = "通报平台经营者日期")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_notified_on: Option<NaiveDate>,
    /// 办结日期（未办结时留空）。
    #[schemars(title = "办结日期")]
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
}

/// 样品处置。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disposal {
    /// 处置方式，如 退还受检单位、销毁。
    #[schemars(title = "处置方式")]
    pub method: String,
    /// 处置日期。
    #[schemars(title = "处置日期")]
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Where a case file stands: planned (written before its visit, no `outcome`), or visited
/// with an outcome. Planned cases are not lots, are in no list and get no document but the
/// visit pack's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Written before the visit: the enterprise, the planned date, the samplers, the notice
    /// number.
    Planned,
    /// The visit happened, with this outcome.
    Visited(Outcome),
}

impl Case {
    /// Planned or visited; see [`Stage`].
    pub fn stage(&self) -> Stage {
        match self.outcome {
            None => Stage::Planned,
            Some(o) => Stage::Visited(o),
        }
    }

    /// Whether the case is planned: written before its visit.
    pub fn is_planned(&self) -> bool {
        self.stage() == Stage::Planned
    }

    /// The conclusion follows from the items: one failed item makes the lot unqualified.
    /// `None` while the lot has no test items yet.
    pub fn conclusion(&self) -> Option<Verdict> {
        verdict_of(self.inspection.as_ref()?.items.iter().map(|i| i.verdict))
    }

    /// The final verdict of each test item: the first test's, or for an item the re-test
    /// (复检) tested again once its report is issued, the re-test's. In report order.
    pub fn final_items(&self) -> Vec<(&str, Verdict)> {
        let retested = self.retest().filter(|r| r.is_reported());
        self.inspection
            .iter()
            .flat_map(|i| &i.items)
            .map(|it| {
                let again =
                    retested.and_then(|r| r.items.iter().find(|x| x.name.trim() == it.name.trim()));
                (it.name.as_str(), again.map_or(it.verdict, |x| x.verdict))
            })
            .collect()
    }

    /// The final conclusion, which the lists, the summary table and the analysis report use:
    /// after a re-test (复检) with a report, the items it tested take its verdicts; else the
    /// first test's. The first result stays in the case and in its report.
    pub fn final_conclusion(&self) -> Option<Verdict> {
        verdict_of(self.final_items().into_iter().map(|(_, v)| v))
    }

    /// The names of the items failed in the end (see [`Case::final_items`]).
    pub fn final_failed_items(&self) -> Vec<&str> {
        self.final_items()
            .into_iter()
            .filter(|(_, v)| *v == Verdict::Fail)
            .map(|(n, _)| n)
            .collect()
    }

    /// The re-test of an accepted objection, when there is one.
    pub fn retest(&self) -> Option<&Retest> {
        self.objection
            .as_ref()
            .filter(|o| o.accepted == Some(true))
            .and_then(|o| o.retest.as_ref())
    }

    /// Whether a re-test changed the result: the final conclusion differs from the first.
    pub fn retest_overturned(&self) -> bool {
        self.final_conclusion() != self.conclusion()
    }

    /// Whether the case is a re-inspection (复查) of an earlier failure.
    pub fn is_recheck(&self) -> bool {
        self.recheck.is_some()
    }

    /// Whether the lot was bought online.
    pub fn is_online(&self) -> bool {
        self.domain == Domain::Online
    }

    /// The names of the failed test items, in report order.
    pub fn failed_items(&self) -> Vec<&str> {
        self.inspection
            .iter()
            .flat_map(|i| &i.items)
            .filter(|i| i.verdict == Verdict::Fail)
            .map(|i| i.name.as_str())
            .collect()
    }

    /// Every date the case records, in no particular order.
    pub fn recorded_dates(&self) -> Vec<NaiveDate> {
        let mut d = vec![self.visit.date];
        if let Some(i) = &self.inspection {
            d.push(i.received_on);
            d.extend(
                [i.issued_on, i.tested_from, i.tested_to]
                    .into_iter()
                    .flatten(),
            );
        }
        if let Some(r) = &self.refusal {
            d.extend([r.determined_on, r.reported_on].into_iter().flatten());
        }
        if let Some(n) = &self.not_sampled {
            d.extend(n.reported_on);
        }
        if let Some(x) = &self.delivery {
            d.push(x.sent_on);
        }
        if let Some(e) = &self.ecqs {
            d.extend(
                [e.sampling_entered_on, e.result_entered_on]
                    .into_iter()
                    .flatten(),
            );
        }
        if let Some(f) = &self.followup {
            d.extend([f.notified_on, f.closed_on].into_iter().flatten());
        }
        if let Some(x) = &self.disposal {
            d.extend(x.date);
        }
        if let Some(o) = &self.online {
            d.extend(
                [o.received_on, o.sealed_on, o.notified_on]
                    .into_iter()
                    .flatten(),
            );
            d.extend(o.confirmation.as_ref().map(|c| c.on));
        }
        if let Some(m) = &self.confirmation {
            d.push(m.sent_on);
            d.extend(m.answered_on);
        }
        if let Some(o) = &self.objection {
            d.push(o.received_on);
            d.extend([o.decided_on, o.final_notified_on].into_iter().flatten());
            if let Some(r) = &o.retest {
                d.push(r.backup_handed_on);
                d.extend(r.issued_on);
            }
        }
        if let Some(f) = &self.followup {
            d.extend(f.platform_notified_on);
        }
        d
    }

    /// A case is tested once its report has a number and items.
    pub fn is_tested(&self) -> bool {
        self.outcome == Some(Outcome::Sampled)
            && self
                .inspection
                .as_ref()
                .is_some_and(|i| i.report_no.is_some() && !i.items.is_empty())
    }
}

//! The statute's paths off the visit on site: a sample bought online (电子商务抽样), a
//! re-inspection of an enterprise that failed before (复查), the nominal manufacturer's
//! confirmation of a sample taken at a seller (样品确认), and the enterprise's objection with
//! the re-test from the backup sample (异议、复检).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::*;

/// 网络购买抽样（电子商务抽样）情况：抽样领域为 电子商务 时填写。抽样人员以消费者名义在网店下单，检验样品和备用样品同一订单购买；样品寄到检验机构后拆封、拍照并分别封样，再将通知书和抽样文书送达网店。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Online {
    /// 电子商务平台名称，如 示例购物平台；自建网站销售的写网站名称。
    #[schemars(title = "电子商务平台")]
    pub platform: String,
    /// 网店名称。
    #[schemars(title = "网店名称")]
    pub shop: String,
    /// 样品网页地址（下单时的商品页面）。
    #[schemars(title = "样品网页地址")]
    #[serde(default)]
    pub url: Option<String>,
    /// 订单编号。
    #[schemars(title = "订单编号")]
    pub order_no: String,
    /// 订单实付金额（元）：检验样品和备用样品同一订单购买，含运费。
    #[schemars(title = "订单实付金额（元）")]
    #[serde(default)]
    pub paid: Option<Money>,
    /// 以消费者名义下单的购买人（抽样人员之一）。
    #[schemars(title = "购买人")]
    #[serde(default)]
    pub buyer: Option<String>,
    /// 快递公司。
    #[schemars(title = "快递公司")]
    #[serde(default)]
    pub courier: Option<String>,
    /// 快递运单号。
    #[schemars(title = "快递运单号")]
    #[serde(default)]
    pub waybill: Option<String>,
    /// 样品收到并拆封的日期：在检验机构拆封、拍照或录像，检验样品和备用样品当日分别封样。
    #[schemars(title = "样品收到并拆封日期")]
    #[serde(default)]
    pub received_on: Option<NaiveDate>,
    /// 封样日期（缺省为收到并拆封之日）。
    #[schemars(title = "封样日期")]
    #[serde(default)]
    pub sealed_on: Option<NaiveDate>,
    /// 通知书和抽样文书送达网店的日期。
    #[schemars(title = "通知书送达网店日期")]
    #[serde(default)]
    pub notified_on: Option<NaiveDate>,
    /// 送达方式，如 平台站内信、电子邮件、EMS。
    #[schemars(title = "送达方式")]
    #[serde(default)]
    pub notified_by: Option<String>,
    /// 网店对样品信息的确认（样品信息确认回执）。
    #[schemars(title = "网店样品信息确认")]
    #[serde(default)]
    pub confirmation: Option<ShopConfirmation>,
}

/// 网店的样品信息确认回执。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ShopConfirmation {
    /// 回执日期。
    #[schemars(title = "回执日期")]
    pub on: NaiveDate,
    /// 网店是否确认样品信息属实。
    #[schemars(title = "是否确认")]
    #[serde(default = "default_true")]
    pub confirmed: bool,
    /// 确认人或网店的说明。
    #[schemars(title = "说明")]
    #[serde(default)]
    pub note: Option<String>,
}

/// 复查：对以前抽查不合格的企业整改后再次抽样检验。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recheck {
    /// 原抽查任务，如 2023年第一批区级产品质量监督抽查。
    #[schemars(title = "原抽查任务")]
    pub batch: String,
    /// 原抽查任务的通知文号。
    #[schemars(title = "原通知文号")]
    #[serde(default)]
    pub document_no: Option<String>,
    /// 原检验报告编号。
    #[schemars(title = "原检验报告编号")]
    pub report_no: String,
    /// 原不合格项目。
    #[schemars(title = "原不合格项目")]
    #[serde(default)]
    pub failed_items: Vec<String>,
}

/// 标称生产者对样品的确认答复。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// 确认是其产品。
    Confirmed,
    /// 否认是其产品（须写明理由）。
    Denied,
    /// 期限内未答复（视为无异议）。
    NoAnswer,
}

impl Answer {
    pub fn label(self) -> &'static str {
        match self {
            Answer::Confirmed => "确认为其产品",
            Answer::Denied => "否认为其产品",
            Answer::NoAnswer => "期限内未答复，视为无异议",
        }
    }
}

/// 样品确认：在销售者处抽样、标称生产者为另一单位时，通知标称生产者确认样品是否为其产品。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MakerConfirmation {
    /// 样品确认通知书编号（缺省为 抽样单编号-QR）。
    #[schemars(title = "样品确认通知书编号")]
    #[serde(default)]
    pub no: Option<String>,
    /// 通知寄出日期。
    #[schemars(title = "通知寄出日期")]
    pub sent_on: NaiveDate,
    /// 送达方式，如 EMS。
    #[schemars(title = "送达方式")]
    #[serde(default)]
    pub method: Option<String>,
    /// 邮件号。
    #[schemars(title = "邮件号")]
    #[serde(default)]
    pub tracking_no: Option<String>,
    /// 答复：confirmed 确认，denied 否认，no_answer 期限内未答复；尚未答复且未到期限时不写。
    #[schemars(title = "答复")]
    #[serde(default)]
    pub answer: Option<Answer>,
    /// 答复日期（未答复的不写）。
    #[schemars(title = "答复日期")]
    #[serde(default)]
    pub answered_on: Option<NaiveDate>,
    /// 否认的理由和证明材料。
    #[schemars(title = "否认理由")]
    #[serde(default)]
    pub reason: Option<String>,
}

/// 异议：受检单位或标称生产者对检验结果提出的书面复检申请。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// 收到申请的日期。
    #[schemars(title = "收到申请日期")]
    pub received_on: NaiveDate,
    /// 申请人（受检单位或标称生产者的名称）。
    #[schemars(title = "申请人")]
    pub by: String,
    /// 提出异议的检验项目。
    #[schemars(title = "异议项目")]
    pub items: Vec<String>,
    /// 申请理由。
    #[schemars(title = "申请理由")]
    #[serde(default)]
    pub reason: Option<String>,
    /// 是否受理：true 受理并组织复检，false 不予受理；尚未决定时不写。
    #[schemars(title = "是否受理")]
    #[serde(default)]
    pub accepted: Option<bool>,
    /// 受理决定日期。
    #[schemars(title = "受理决定日期")]
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
    /// 不予受理的理由。
    #[schemars(title = "不予受理理由")]
    #[serde(default)]
    pub rejection_reason: Option<String>,
    /// 复检情况（受理后填写）。
    #[schemars(title = "复检情况")]
    #[serde(default)]
    pub retest: Option<Retest>,
    /// 最终结论通知书寄出日期。
    #[schemars(title = "最终结论通知日期")]
    #[serde(default)]
    pub final_notified_on: Option<NaiveDate>,
}

/// 复检：用备用样品在另一家检验机构检验异议项目，复检结论为最终结论。
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retest {
    /// 复检机构编号（batch.yaml labs 中的 id），不得为初检机构。
    #[schemars(title = "复检机构编号")]
    pub lab: String,
    /// 备用样品移交复检机构的日期（启封前核对封样完好）。
    #[schemars(title = "备用样品移交日期")]
    pub backup_handed_on: NaiveDate,
    /// 备用样品封样是否完好。
    #[schemars(title = "备用样品封样是否完好")]
    #[serde(default = "default_true")]
    pub seal_intact: bool,
    /// 复检报告编号。
    #[schemars(title = "复检报告编号")]
    #[serde(default)]
    pub report_no: Option<String>,
    /// 复检报告签发日期。
    #[schemars(title = "复检报告签发日期")]
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    /// 主检。
    #[schemars(title = "主检")]
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
    /// 复检项目（异议项目）。
    #[schemars(title = "复检项目")]
    #[serde(default)]
    pub items: Vec<TestItem>,
}

impl Retest {
    /// The re-test's conclusion: one failed item fails it. `None` until it has items.
    pub fn conclusion(&self) -> Option<Verdict> {
        super::case::verdict_of(self.items.iter().map(|i| i.verdict))
    }

    /// Whether the re-test has a report: a number, a date and items.
    pub fn is_reported(&self) -> bool {
        self.report_no.is_some() && self.issued_on.is_some() && !self.items.is_empty()
    }
}

/// The day `days` working days (Monday to Friday) after `from`. Public holidays are not known
/// here, so a deadline in working days is the earliest it can be.
pub fn add_working_days(from: NaiveDate, days: u32) -> NaiveDate {
    let weeks = u64::from(days / 5);
    let Some(mut d) = from.checked_add_days(chrono::Days::new(weeks * 7)) else {
        return NaiveDate::MAX;
    };
    let mut left = days % 5;
    if left == 0 {
        while weeks > 0 && !is_working(d) {
            d = d.pred_opt().unwrap_or(d);
        }
    }
    while left > 0 {
        match d.succ_opt() {
            Some(n) => d = n,
            None => return NaiveDate::MAX,
        }
        if is_working(d) {
            left -= 1;
        }
    }
    d
}

fn is_working(d: NaiveDate) -> bool {
    use chrono::{Datelike, Weekday};
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2024-06-21 is a Friday.
        assert_eq!(add_working_days(d("2024-06-21"), 1), d("2024-06-24"));
        assert_eq!(add_working_days(d("2024-06-21"), 5), d("2024-06-28"));
        // From a Saturday, five working days end on the next Friday, not Saturday.
        assert_eq!(add_working_days(d("2024-06-22"), 5), d("2024-06-28"));
        assert_eq!(add_working_days(d("2024-06-19"), 10), d("2024-07-03"));
        assert_eq!(add_working_days(d("2024-06-19"), 0), d("2024-06-19"));
        for n in 0..40 {
            let from = d("2024-06-01") + chrono::Duration::days(n);
            for k in 1..25 {
                let to = add_working_days(from, k);
                let between = from.iter_days().skip(1).take_while(|x| *x <= to);
                assert_eq!(
                    between.filter(|x| is_working(*x)).count(),
                    k as usize,
                    "{from} + {k}"
                );
                assert!(is_working(to), "{from} + {k} = {to}");
            }
        }
    }

    #[test]
    fn a_far_deadline_does_not_overflow() {
        assert_eq!(add_working_days(NaiveDate::MAX, 3), NaiveDate::MAX);
        assert!(add_working_days(d("2024-01-01"), u32::MAX) > d("2024-01-01"));
    }
}

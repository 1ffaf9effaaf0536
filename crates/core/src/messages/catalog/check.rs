// The message catalog, part 2 of 8: check: the report, identifiers, labels, the rules.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_check {
    ($($before:tt)*) => { catalog_render! {
    $($before)*
    // -- check: the report ------------------------------------------------------------------
    CheckUnreadable = "check.unreadable" {
        zh: "批次无法读取：{errors} 处错误；抽查规则要用到 batch.yaml，在它能读取之前均未检查",
        en: "the batch cannot be read: {errors} {errors|error|errors}; the rules need batch.yaml and were not applied",
    }
    CheckDone = "check.done" {
        zh: "检查完成：{cases} 个案例，{errors} 处错误，{warnings} 处警告",
        en: "check done: {cases} {cases|case|cases}, {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}",
    }
    CheckPlanned = "check.planned" {
        zh: "其中 {planned} 个是计划中的案例（尚未抽样，未写 outcome）：只检查了已写明的内容",
        en: "of them {planned} {planned|case is|cases are} planned (not visited yet, no outcome): only what is written was checked",
    }
    CheckPlanShort = "check.plan-short" {
        zh: "抽查计划尚未完成（已抽样和拒检的批次计入计划）：",
        en: "the plan is not complete yet (sampled and refused lots count):",
    }
    CheckPlanRow = "check.plan-row" {
        zh: "  {category}：计划 {planned} 批次，已抽 {lots} 批次，尚缺 {shortfall} 批次",
        en: "  {category}: {planned} {planned|lot|lots} planned, {lots} {lots|lot|lots} sampled or refused, {shortfall} {shortfall|lot|lots} to go",
    }

    // -- check: identifiers and paths ---------------------------------------------------------
    CreditLength = "credit.length" {
        zh: "应为 18 位，实为 {len} 位",
        en: "it must have 18 characters, not {len}",
    }
    CreditLowercase = "credit.lowercase" {
        zh: "第 {pos} 位 “{ch}” 不是允许的字符，字母须大写",
        en: "character {pos} “{ch}” is not allowed: letters must be upper case",
    }
    CreditChar = "credit.char" {
        zh: "第 {pos} 位 “{ch}” 不是允许的字符，只能用数字和除 I、O、S、V、Z 以外的大写字母",
        en: "character {pos} “{ch}” is not allowed: only digits and capital letters other than I, O, S, V, Z",
    }
    CreditCheck = "credit.check" {
        zh: "校验位应为 {expected}，实为 {found}",
        en: "the check character should be {expected}, not {found}",
    }
    EvidenceEmpty = "evidence.empty" { zh: "为空", en: "is empty" }
    EvidenceAbsolute = "evidence.absolute" { zh: "是绝对路径", en: "is an absolute path" }
    EvidenceDotDot = "evidence.dotdot" { zh: "含有 “..”", en: "contains “..”" }
    EvidenceMissing = "evidence.missing" { zh: "不存在", en: "does not exist" }
    EvidenceOutside = "evidence.outside" {
        zh: "经符号链接指向批次文件夹之外",
        en: "leads outside the batch folder through a symbolic link",
    }
    EvidenceUnreadable = "evidence.unreadable" { zh: "无法读取", en: "cannot be read" }
    EvidenceNotFile = "evidence.not-file" { zh: "不是文件", en: "is not a file" }

    // -- check: labels used inside findings ---------------------------------------------------
    LabelDeliveryDeadline = "label.delivery-deadline" { zh: "送达截止日期", en: "the delivery deadline" }
    LabelEcqsDeadline = "label.ecqs-deadline" { zh: "e-CQS 录入截止日期", en: "the e-CQS deadline" }
    LabelAnalysisDeadline = "label.analysis-deadline" {
        zh: "质量分析报告报送截止日期",
        en: "the deadline of the quality analysis report",
    }
    LabelProduct = "label.product" { zh: "样品信息", en: "the product" }
    LabelSeals = "label.seals" { zh: "封样信息", en: "the seals" }
    LabelSigning = "label.signing" { zh: "签字确认情况", en: "the signatures" }
    LabelPayment = "label.payment" { zh: "样品付费情况", en: "the payment" }
    LabelTestSample = "label.test-sample" { zh: "检验样品", en: "Test sample" }
    LabelBackupSample = "label.backup-sample" { zh: "备用样品", en: "Backup sample" }
    LabelReportNo = "label.report-no" { zh: "检验报告编号", en: "the report number" }
    LabelIssuedOn = "label.issued-on" { zh: "报告签发日期", en: "the report's issue date" }
    LabelTester = "label.tester" { zh: "主检", en: "the tester" }
    LabelReviewer = "label.reviewer" { zh: "审核", en: "the reviewer" }
    LabelApprover = "label.approver" { zh: "批准", en: "the approver" }
    LabelVisitDate = "label.visit-date" { zh: "抽样日期", en: "the visit date" }
    LabelReceivedOn = "label.received-on" { zh: "样品收到日期", en: "the sample receipt date" }
    LabelTestedFrom = "label.tested-from" { zh: "检验开始日期", en: "the first test day" }
    LabelTestedTo = "label.tested-to" { zh: "检验结束日期", en: "the last test day" }
    LabelSentOn = "label.sent-on" { zh: "结果寄出日期", en: "the day the results were sent" }
    LabelEcqsSampling = "label.ecqs-sampling" {
        zh: "抽样信息录入 e-CQS 日期",
        en: "the e-CQS entry of the sampling",
    }
    LabelEcqsResult = "label.ecqs-result" {
        zh: "检验结果录入 e-CQS 日期",
        en: "the e-CQS entry of the result",
    }
    LabelFollowupNotified = "label.followup-notified" { zh: "后处理通知日期", en: "the follow-up notification" }
    LabelFollowupClosed = "label.followup-closed" { zh: "后处理办结日期", en: "the closing of the follow-up" }
    LabelRefusalDetermined = "label.refusal-determined" { zh: "拒检认定日期", en: "the refusal's determination" }
    LabelRefusalReported = "label.refusal-reported" { zh: "拒检报送组织抽查部门日期", en: "the refusal's report to the ordering authority" }
    LabelNotSampledReported = "label.not-sampled-reported" {
        zh: "未抽样品报送组织抽查部门日期",
        en: "the no-sample report to the ordering authority",
    }
    LabelSampled = "label.sampled" { zh: "已抽样", en: "sampled" }
    LabelRefused = "label.refused" { zh: "拒检", en: "refused" }
    LabelNotSampled = "label.not-sampled" { zh: "未抽到样品", en: "not sampled" }
    LabelOverflow = "label.overflow" { zh: "（溢出）", en: "(overflow)" }
    EcqsSameDay = "ecqs.same-day" { zh: "抽样当日", en: "the day of the visit" }
    EcqsWithinDays = "ecqs.within-days" { zh: "抽样后 {days} 日内", en: "within {days} {days|day|days} of the visit" }

    // -- check: the rules ---------------------------------------------------------------------
    ContactPhone = "rule.phone" {
        zh: "电话号码 “{value}” 格式不对：固定电话写作 区号-号码，如 0123-4567890，手机写 11 位数字",
        en: "the phone number “{value}” is malformed: write a landline as area code-number, e.g. 0123-4567890, a mobile as 11 digits",
    }
    ContactPostcode = "rule.postcode" {
        zh: "邮政编码 “{value}” 格式不对：应为 6 位数字，并加引号，如 \"123456\"",
        en: "the postcode “{value}” is malformed: it has 6 digits, in quotes, e.g. \"123456\"",
    }
    ScheduleEndBeforeStart = "rule.schedule-end" {
        zh: "抽样截止日期 {end}早于抽样开始日期 {start}：请按通知核对进度安排",
        en: "the end of sampling {end} is before its start {start}: check the schedule against the notice",
    }
    ScheduleBeforeEnd = "rule.schedule-deadline" {
        zh: "{label} {date}早于抽样截止日期 {end}：请按通知核对进度安排",
        en: "{label} {date} is before the end of sampling {end}: check the schedule against the notice",
    }
    PlanDuplicate = "rule.plan-duplicate" {
        zh: "抽查计划中类别 “{category}” 重复出现（另见 plan[{first}]）：每类产品只占一行，请合并",
        en: "the category “{category}” appears twice in the plan (see also plan[{first}]): one row per category, please merge them",
    }
    PlanLabUnknown = "rule.plan-lab" {
        zh: "承检机构编号 “{lab}” 不在 labs 中（可用：{all}）：请改为其中之一",
        en: "the lab id “{lab}” is not in labs (available: {all}): use one of them",
    }
    PlanCategory = "rule.plan-category" {
        zh: "类别 “{category}” 不在 batch.yaml 的抽查计划中（计划类别：{all}）：请改为其中之一",
        en: "the category “{category}” is not in the plan of batch.yaml (planned: {all}): use one of them",
    }
    LabUnknown = "rule.lab-unknown" {
        zh: "承检机构编号 “{lab}” 不在 batch.yaml 的 labs 中（可用：{all}）：请改为其中之一",
        en: "the lab id “{lab}” is not in the labs of batch.yaml (available: {all}): use one of them",
    }
    SamplersMin = "rule.samplers-min" {
        zh: "抽样人员只有 {count} 人，少于规定的 {min} 人：每次抽样须由至少 {min} 名抽样人员进行，请在 visit.samplers 中补全",
        en: "only {count} {count|sampler|samplers}, fewer than the {min} required: every visit needs at least {min} {min|sampler|samplers}; complete visit.samplers",
    }
    VisitWindow = "rule.visit-window" {
        zh: "抽样日期 {date} 不在本批次抽样期间（{start} 至 {end}）内：请核对抽样日期，期间外的抽样不属于本批次",
        en: "the visit date {date} is outside the sampling window ({start} to {end}): check it; a visit outside the window is not part of this batch",
    }
    NoticeValidity = "rule.notice-validity" {
        zh: "抽查通知书有效期至 {valid}，早于抽样日期 {date}：抽样时通知书已失效，请核对有效期或重新出具通知书",
        en: "the sampling notice was valid until {valid}, before the visit on {date}: it had expired; check its validity or issue a new notice",
    }
    CreditCodeInvalid = "rule.credit-code" {
        zh: "统一社会信用代码 “{code}” 无效（{problem}）：请对照营业执照逐位核对",
        en: "the unified social credit code “{code}” is invalid ({problem}): compare it character by character with the business licence",
    }
    EvidenceNone = "rule.evidence-none" {
        zh: "没有照片或视频证据：请将抽样现场、贮存环境、产品标识、库存和抽样过程的照片或视频放入 evidence/{id}/，并列在 evidence 下",
        en: "no photo or video evidence: put photos or videos of the site, storage, labels, stock and sampling into evidence/{id}/ and list them under evidence",
    }
    EvidencePath = "rule.evidence-path" {
        zh: "证据路径 “{path}” {why}：证据文件须放在批次文件夹内，请写相对于批次文件夹的路径，如 evidence/{id}/现场照片1.jpg",
        en: "the evidence path “{path}” {why}: evidence must be inside the batch folder; write a path relative to it, e.g. evidence/{id}/site1.jpg",
    }
    EvidenceFile = "rule.evidence-file" {
        zh: "证据文件 “{path}” {why}：请把文件放到批次文件夹中的这个位置，或改正路径",
        en: "the evidence file “{path}” {why}: put the file at that place in the batch folder, or correct the path",
    }
    CaseSectionSampled = "rule.section-sampled" {
        zh: "已抽样的案例缺少 {key}（{label}）一节：请按抽样单补填",
        en: "a sampled case needs the section {key} ({label}): fill it in from the sampling sheet",
    }
    SampleQuantityMissing = "rule.quantity-missing" {
        zh: "{label}数量缺少：检验样品和备用样品须分别抽取，请在 product.{key} 中填写实际数量",
        en: "{label} quantity missing: test and backup samples are taken separately; write the quantity in product.{key}",
    }
    SampleQuantityZero = "rule.quantity-zero" {
        zh: "{label}数量为 0：检验样品和备用样品须分别抽取，请在 product.{key} 中填写实际数量",
        en: "{label} quantity is 0: test and backup samples are taken separately; write the quantity in product.{key}",
    }
    PriceMissing = "rule.price-missing" {
        zh: "缺少检验样品单价：检验样品须购买，请按标价（无标价时按同类产品市场价）填写 product.unit_price",
        en: "no unit price: the test sample is bought; write the marked price (or, with none, the market price of like products) in product.unit_price",
    }
    PricePositive = "rule.price-positive" {
        zh: "检验样品单价为 {price} 元，必须大于 0：检验样品须购买，请填写实际支付的单价",
        en: "the unit price is {price} yuan; it must be above 0: the test sample is bought, write the price paid",
    }
    PriceBasis = "rule.price-basis" {
        zh: "未写明价格依据：请填写 product.price_basis（marked 按标价；没有标价时 market 按同类产品市场价）",
        en: "no price basis: write product.price_basis (marked for the marked price; market, with no marked price, for the market price of like products)",
    }
    SealsNumbers = "rule.seals-numbers" {
        zh: "没有封条编号：检验样品和备用样品须分别封样，请在 seals.numbers 中填写全部封条编号",
        en: "no seal numbers: test and backup samples are sealed separately; list every seal number in seals.numbers",
    }
    SealsKeeper = "rule.seals-keeper" {
        zh: "未写明备用样品由谁保存：请填写 seals.backup_kept_at（party 封存于受检单位，lab 由检验机构保存）",
        en: "who keeps the backup sample is not written: fill in seals.backup_kept_at (party: sealed at the enterprise; lab: kept by the lab)",
    }
    SealsPlace = "rule.seals-place" {
        zh: "未写明备用样品存放地点：请在 seals.backup_place 中写明存放位置（封存于受检单位时尽量在监控覆盖区域）",
        en: "where the backup sample is kept is not written: fill in seals.backup_place (at the enterprise, preferably under camera surveillance)",
    }
    PriceTotal = "rule.price-total" {
        zh: "样品费合计 {total} 元不等于单价 {unit} 元 × 检验样品数量 {qty} = {expected} 元：请改正合计，或删去 total 由单价和数量算出",
        en: "the total {total} yuan is not unit price {unit} yuan × test quantity {qty} = {expected} yuan: correct it, or remove total to have it computed",
    }
    FeeParty = "rule.fee-party" {
        zh: "向受检单位收取了 {fee} 元：监督抽查不得向被抽样生产者、销售者收取任何费用，请如数退还并将 party_fee 改为 0",
        en: "{fee} yuan was charged to the party: a spot check never charges the sampled enterprise; refund it and set party_fee to 0",
    }
    SigningMissing = "rule.signing-missing" {
        zh: "受检单位没有签字，也没有注明拒绝签字的情况：请由受检单位签字确认，或在 signing.refusal_note 中写明抽样人员在文书上注明的拒签情况",
        en: "the party did not sign and no refusal to sign is noted: have the party sign, or write in signing.refusal_note what the samplers noted on the forms",
    }
    SigningWitness = "rule.signing-witness" {
        zh: "受检单位拒绝签字，但没有见证人：必要时请邀请有关人员见证，并在 signing.witness 中填写见证人",
        en: "the party refused to sign and there is no witness: where needed invite a witness and record them in signing.witness",
    }
    DeliveryLate = "rule.delivery-late" {
        zh: "检验结果于 {sent}寄出，晚于送达截止日期 {deadline}：请核对寄出日期；确属逾期的，请向组织抽查部门说明",
        en: "the results were sent on {sent}, after the delivery deadline {deadline}: check the date; if late indeed, explain it to the ordering authority",
    }
    DeliveryMethod = "rule.delivery-method" {
        zh: "送达方式为 “{method}”，本批次要求以 {required} 送达：请改用 {required} 寄送检验报告和结果通知",
        en: "sent by “{method}”, but this batch requires {required}: send the report and result notice by {required}",
    }
    DeliveryTracking = "rule.delivery-tracking" {
        zh: "没有邮件号：请在 delivery.tracking_no 中填写邮件号，以便查证送达",
        en: "no tracking number: write it in delivery.tracking_no so that delivery can be proven",
    }
    DisposalEarly = "rule.disposal-early" {
        zh: "样品于 {date}处置，早于 {earliest}（结果于 {sent}寄出后，异议期 {objection} 日、备用样品保存期 {keep} 日均须届满）：请核对处置日期",
        en: "the samples were disposed of on {date}, before {earliest} (after the results were sent on {sent}, the objection period of {objection} {objection|day|days} and the keeping period of {keep} {keep|day|days} must both run out): check the date",
    }
    ReportIncomplete = "rule.report-incomplete" {
        zh: "检验报告缺少{label}：请在 inspection.{key} 中填写",
        en: "the report lacks {label}: fill in inspection.{key}",
    }
    ReportItems = "rule.report-items" {
        zh: "检验报告没有检验项目：请在 inspection.items 中逐项填写检验结果和单项判定",
        en: "the report has no test items: list each item's result and verdict in inspection.items",
    }
    ConclusionContradicts = "rule.conclusion-contradicts" {
        zh: "报告结论写为合格，但“{items}”判定为不合格：一项不合格即判定该批次不合格，请改正结论或核对单项判定",
        en: "the conclusion says qualified, but “{items}” failed: one failed item makes the lot unqualified; correct the conclusion or check the verdicts",
    }
    ConclusionNoFailed = "rule.conclusion-no-failed" {
        zh: "报告结论写为不合格，但没有任何检验项目判定为不合格：请把不合格的项目判定为 fail，或改正结论",
        en: "the conclusion says unqualified, but no item failed: mark the failed items fail, or correct the conclusion",
    }
    FollowupNone = "rule.followup-none" {
        zh: "该批次检验不合格，但没有指定负责后处理的属地监管部门：请填写 followup.county_bureau，并通知该部门",
        en: "the lot is unqualified but no local supervision body is assigned the follow-up: fill in followup.county_bureau and notify it",
    }
    FollowupEmpty = "rule.followup-empty" {
        zh: "该批次检验不合格，但负责后处理的属地监管部门为空：请填写 followup.county_bureau",
        en: "the lot is unqualified but the follow-up's local supervision body is empty: fill in followup.county_bureau",
    }
    CountyUnknown = "rule.county-unknown" {
        zh: "“{name}” 不在 batch.yaml 的属地监管部门（counties）中：请改为其中之一（{all}）",
        en: "“{name}” is not among the local supervision bodies (counties) of batch.yaml: use one of them ({all})",
    }
    RefusalSection = "rule.refusal-section" {
        zh: "拒检的案例缺少 refusal（拒检情况）一节：请按《拒检认定表》填写拒检经过、拒检人员和共同认定的属地监管部门",
        en: "a refused case needs the section refusal: fill in, as on the refusal form, what happened, who refused and the local supervision body that determined it jointly",
    }
    RefusalDescription = "rule.refusal-description" {
        zh: "拒检经过为空：请在 refusal.description 中如实写明何人、何时、以何种方式阻碍或拒绝抽样",
        en: "the refusal is not described: write in refusal.description who obstructed or refused sampling, when and how",
    }
    RefusalBy = "rule.refusal-by" {
        zh: "未写明拒检人员：请在 refusal.refused_by 中填写拒检人员的姓名和职务",
        en: "who refused is not written: fill in the name and position in refusal.refused_by",
    }
    RefusalCounty = "rule.refusal-county" {
        zh: "未写明共同认定拒检的属地监管部门：拒检须与受检单位所在地的属地监管部门共同认定，请填写 refusal.county_bureau",
        en: "no local supervision body for the joint determination: a refusal is determined jointly with the party's local supervision body; fill in refusal.county_bureau",
    }
    NotSampledSection = "rule.not-sampled-section" {
        zh: "未抽到样品的案例缺少 not_sampled（未抽到样品情况）一节：请按《未抽样品工作单》填写原因和负责人",
        en: "a not-sampled case needs the section not_sampled: fill in the reason and the person in charge, as on the no-sample sheet",
    }
    NotSampledReason = "rule.not-sampled-reason" {
        zh: "未抽到样品的原因 “{reason}” 不在 batch.yaml 允许的原因（{allowed}）之内：请改为其中之一；受检单位阻碍或拒绝抽样的，应按拒检处理",
        en: "the reason “{reason}” is not one allowed by batch.yaml ({allowed}): use one of them; an enterprise that obstructs or refuses sampling is a refusal",
    }
    NotSampledPerson = "rule.not-sampled-person" {
        zh: "未写明受检单位负责人：《未抽样品工作单》须由负责人和抽样人员共同签字认定，请填写 not_sampled.person_in_charge",
        en: "no person in charge: the no-sample sheet is signed by the person in charge and the samplers; fill in not_sampled.person_in_charge",
    }
    ImportRead = "import.read" { zh: "无法读取 {path}：{error}", en: "cannot read {path}: {error}" }
    ImportNoSheet = "import.no-sheet" { zh: "{path} 中没有工作表", en: "{path} has no sheet" }
    ImportFormat = "import.format" {
        zh: "{path}：只能导入 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）",
        en: "{path}: only .xlsx and .csv files can be imported (save an .xls as .xlsx first)",
    }
    ImportNoHeader = "import.no-header" {
        zh: "前 {rows} 行中找不到表头：表头行至少要有 企业名称、统一社会信用代码、产品类别 等列名中的两个（见 docs/import.md）",
        en: "no header row in the first {rows} rows: it needs at least two of the column names 企业名称, 统一社会信用代码, 产品类别 … (see docs/import.md)",
    }
    ImportMissingColumn = "import.missing-column" {
        zh: "缺少 {header} 一列（表头应为 {wanted}）：请加上该列，或用 --column {header}=表中的列名 指定",
        en: "no column {header} (headed {wanted}): add it, or name it with --column {header}=<the sheet's header>",
    }
    ImportColumnOption = "import.column-option" {
        zh: "--column “{value}” 应写作 字段=表中的列名，如 统一社会信用代码=信用代码",
        en: "--column “{value}” takes field=header, e.g. 统一社会信用代码=信用代码",
    }
    ImportColumnUnknown = "import.column-unknown" {
        zh: "--column 中的 “{name}” 不是可导入的字段：{all}",
        en: "“{name}” in --column is no field an import fills: {all}",
    }
    ImportEmptyCell = "import.empty-cell" { zh: "{header} 为空：新案例必须填写", en: "{header} is empty: a new case needs it" }
    ImportBadDate = "import.bad-date" {
        zh: "“{value}” 不是日期：写作 2024-04-16",
        en: "“{value}” is not a date: write it as 2024-04-16",
    }
    ImportBadDomain = "import.bad-domain" {
        zh: "抽样领域 “{value}” 应为 生产、流通 或 电子商务",
        en: "the domain “{value}” must be 生产 (production), 流通 (circulation) or 电子商务 (online)",
    }
    ImportBadLab = "import.bad-lab" {
        zh: "承检机构 “{value}” 不是 batch.yaml labs 中的机构：{all}",
        en: "the lab “{value}” is none of the labs of batch.yaml: {all}",
    }
    ImportLabNeeded = "import.lab-needed" {
        zh: "承检机构为空，而抽查计划未给该类产品指定承检机构、批次有多个承检机构：请填写承检机构",
        en: "no lab, and the plan assigns none to the category while the batch has several: write the lab",
    }
    ImportDuplicateRow = "import.duplicate-row" {
        zh: "与第 {row} 行重复（同一企业的同一类产品，或同一抽样单编号）：请删去一行",
        en: "the same as row {row} (the same enterprise and category, or the same case id): delete one",
    }
    ImportRefused = "import.refused" {
        zh: "{errors} 处错误，未写入任何文件",
        en: "{errors} {errors|error|errors}: nothing was written",
    }
    VerifyTruncated = "verify.truncated" {
        zh: "归档包不完整：没有 zip 结尾的目录（文件被截断或未复制完）；按各文件自己的文件头读出 {files} 个文件，缺少的文件见下",
        en: "the archive is incomplete: the zip has no central directory (cut short, or not copied whole); {files} {files|file|files} read back from their own headers, the missing ones are listed below",
    }
    VerifySignatureStripped = "verify.signature-stripped" {
        zh: "bag-info.txt 记载本归档包已签名（签名文件 {file}），但包中没有该文件：签名已被删除或丢失",
        en: "bag-info.txt records that the bag was signed ({file}), but the bag has no such file: its signature was removed or lost",
    }
    ArchiveOpenPlanned = "archive.open-planned" {
        zh: "{cases} 个计划中的案例尚未抽样",
        en: "{cases} planned {cases|case|cases} not yet visited",
    }
    ArchiveOpenDeadline = "archive.open-deadline" {
        zh: "{what}：尚有 {outstanding} 项未完成（时限 {date}）",
        en: "{what}: {outstanding} still to do (due {date})",
    }
    ArchiveOpenFollowups = "archive.open-followups" {
        zh: "{lots} 个不合格批次的后处理尚未办结",
        en: "{lots} unqualified {lots|lot|lots} whose follow-up is not closed",
    }
    BuildNotFinal = "build.not-final" {
        zh: "批次尚未完结，未按 --final 生成归档包：\n{open}\n办完以上事项后再生成；不加 --final 可生成标注“未完结”的归档包",
        en: "the batch is not complete, so no archive was made as --final asks:\n{open}\nfinish these first; without --final the archive is made and marked 未完结 (open)",
    }
    BuildArchiveOpen = "build.archive-open" {
        zh: "注意：批次尚未完结，归档包标注为“未完结”：{open}",
        en: "note: the batch is not complete; the archive is marked 未完结 (open): {open}",
    }
    BuildAnalysisUndated = "build.analysis-undated" {
        zh: "注意：batch.yaml 未写质量分析报告和检验情况汇总表的报送日期（analysis_submitted_on），两份文书的落款日期留空待手写；报送后填写，再生成一次",
        en: "note: batch.yaml does not say when the analysis report and the summary table were submitted (analysis_submitted_on): both print a blank date to write by hand; write it once they are submitted and build again",
    }
    ManufacturerMissing = "rule.manufacturer-missing" {
        zh: "{domain}领域抽取的样品未填写标称生产者（manufacturer）：文书将按抽样单记为“同受检单位”，但销售者很少就是生产者；请按样品标签或包装上标注的生产者填写",
        en: "a lot sampled at a seller ({domain}) names no nominal manufacturer (manufacturer): the documents print 同受检单位, as the sampling sheet records it, though a seller is rarely the maker; write the maker the label or package names",
    }
    ObjectionDaysShort = "rule.objection-days-short" {
        zh: "异议期限 {days} 日少于《中华人民共和国产品质量法》第十五条规定的 {min} 日（自收到检验结果之日起）：通知可以给出更长的期限，不能更短，请改为至少 {min}",
        en: "an objection period of {days} {days|day|days} is shorter than the {min} days from receipt of the result that article 15 of the Product Quality Law gives: a notice may give more, never fewer; write at least {min}",
    }
    ImportCredentials = "import.credentials" {
        zh: "工作证号 {credentials} 个，抽样人员 {samplers} 名：请按抽样人员的顺序，每人写一个工作证号，用“、”隔开",
        en: "{credentials} {credentials|credential|credentials} for {samplers} {samplers|sampler|samplers}: write one credential per sampler, in the samplers' order, separated by 、",
    }
    ImportMoreErrors = "import.more-errors" {
        zh: "只列出前 {shown} 处错误，另有 {more} 处未列出：请先改正以上各处，再导入一次",
        en: "only the first {shown} errors are listed; {more} more {more|is|are} not: correct those above and import again",
    }
    ImportTooFar = "import.too-far" {
        zh: "单元格 {cell} 超出可读取的范围（最多 {rows} 行、到 {column} 列）：名单应只含企业名单本身；请删除该单元格的内容，或将名单复制到一个新工作表后再导入",
        en: "the cell {cell} lies beyond what is read (at most {rows} rows, up to column {column}): a list should hold the enterprise list only; clear that cell, or copy the list into a new sheet and import that",
    }
    ImportTooLarge = "import.too-large" {
        zh: "{path}：文件展开后超过 {limit} MB，不像是一份企业名单，未读取",
        en: "{path}: the file unpacks to more than {limit} MB, which no enterprise list does; it was not read",
    }
    ImportDone = "import.done" {
        zh: "已导入 {created} 个计划中的案例，{matched} 行已有案例（未改动）",
        en: "{created} planned {created|case|cases} imported, {matched} {matched|row|rows} already cases (left as they are)",
    }
    ImportCreated = "import.created" { zh: "已创建 {id}：{path}", en: "created {id}: {path}" }
    ExportDone = "export.done" {
        zh: "已写出台账 {path}：{cases} 个案例",
        en: "ledger written to {path}: {cases} {cases|case|cases}",
    }
    ExportWrite = "export.write" { zh: "无法写出 {path}：{error}", en: "cannot write {path}: {error}" }
    PackUnknownCase = "pack.unknown-case" { zh: "没有编号为 {id} 的案例", en: "no case has the id {id}" }
    PackNothing = "pack.nothing" {
        zh: "批次中没有计划中的案例：用 --date 指定抽样日期，或用 --case 指定案例",
        en: "the batch has no planned cases: give a day with --date, or cases with --case",
    }
    PackNoVisits = "pack.no-visits" { zh: "{date} 没有安排抽样", en: "no visit is planned on {date}" }
    PackCompile = "pack.compile" { zh: "无法排印 {what}：{error}", en: "cannot typeset {what}: {error}" }
    PackWrite = "pack.write" { zh: "无法写出 {path}：{error}", en: "cannot write {path}: {error}" }
    PackWritten = "pack.written" {
        zh: "抽样包 {path}：{cases} 家，{pages} 页",
        en: "visit pack {path}: {cases} {cases|visit|visits}, {pages} {pages|page|pages}",
    }
    PackRefused = "pack.refused" {
        zh: "要打印的案例有 {errors} 处错误（待填写的字段和尚未确定的抽样人员除外，它们印为空白）：请先改正",
        en: "the cases to pack have {errors} {errors|error|errors} (fields still 待填写 and samplers not yet named aside: they print as blanks): correct them first",
    }
    StagePlanned = "rule.stage-planned" {
        zh: "计划中的案例（未写 outcome）不应有 {key} 一节：抽样后先填写 outcome（抽样情况），再填写现场和检验情况",
        en: "a planned case (no outcome yet) has no section {key}: after the visit, write outcome first, then what was found",
    }
    VisitPlaceMissing = "rule.visit-place-missing" {
        zh: "已抽样（已写 outcome）的案例缺少 visit.place（抽样地点）：请按抽样单补填",
        en: "a visited case (outcome written) needs visit.place (where it sampled): fill it in from the sampling sheet",
    }
    StageForeign = "rule.stage-foreign" {
        zh: "抽样情况为{outcome}的案例不应有 {key} 一节：请核对 outcome，或删去该节",
        en: "a case whose outcome is {outcome} has no section {key}: check outcome, or remove the section",
    }
    StageDeliveryNoReport = "rule.stage-delivery" {
        zh: "还没有检验报告，却已有送达记录：请先填写 inspection 中的检验报告，或删去 delivery",
        en: "delivery is recorded but there is no report yet: fill in the report in inspection first, or remove delivery",
    }
    StageResultNoReport = "rule.stage-result" {
        zh: "还没有检验报告，却已录入检验结果：请先填写 inspection 中的检验报告，或删去 result_entered_on",
        en: "the result is entered but there is no report yet: fill in the report in inspection first, or remove result_entered_on",
    }
    StageFollowupNoReport = "rule.stage-followup" {
        zh: "还没有检验报告，却已有不合格后处理：请先填写检验报告，或删去 followup",
        en: "a follow-up is recorded but there is no report yet: fill in the report first, or remove followup",
    }
    StageFollowupQualified = "rule.stage-followup-qualified" {
        zh: "该批次检验合格，不需要不合格后处理：请核对各项判定，或删去 followup",
        en: "the lot is qualified and needs no follow-up: check the verdicts, or remove followup",
    }
    StageDisposalNoDelivery = "rule.stage-disposal" {
        zh: "检验结果尚未送达，却已处置样品：备用样品须保存到异议期和保存期届满，请核对",
        en: "the samples were disposed of before the results were delivered: the backup sample is kept until the objection and keeping periods have run out; check",
    }
    DatesOrder = "rule.dates-order" {
        zh: "{label} {date}早于{prev_label} {prev}：日期先后不对，请核对",
        en: "{label} {date} is before {prev_label} {prev}: the dates are out of order; check them",
    }
    DatesOrderAfter = "rule.dates-order-after" {
        zh: "{label} {date}晚于{next_label} {next}：日期先后不对，请核对",
        en: "{label} {date} is after {next_label} {next}: the dates are out of order; check them",
    }
    EcqsLate = "rule.ecqs-late" {
        zh: "抽样信息于 {entered}录入 e-CQS，晚于规定的 {due}（{within}）：请核对录入日期；确属逾期的，请向组织抽查部门说明",
        en: "the sampling was entered into e-CQS on {entered}, after {due} ({within}): check the date; if late indeed, explain it to the ordering authority",
    }
    EcqsDeadlineSampling = "rule.ecqs-deadline-sampling" {
        zh: "抽样信息于 {entered}录入 e-CQS，晚于 e-CQS 录入截止日期 {deadline}：请核对录入日期",
        en: "the sampling was entered into e-CQS on {entered}, after the e-CQS deadline {deadline}: check the date",
    }
    EcqsMissing = "rule.ecqs-missing" {
        zh: "抽样信息未录入 e-CQS（没有 ecqs.sampling_entered_on），而{label}已是 {day}，超过应录入的 {due}（{within}）：请录入 e-CQS 并填写录入日期",
        en: "the sampling is not entered into e-CQS (no ecqs.sampling_entered_on), yet {label} is already {day}, past {due} ({within}): enter it into e-CQS and record the date",
    }
    EcqsDeadlineResult = "rule.ecqs-deadline-result" {
        zh: "检验结果于 {entered}录入 e-CQS，晚于 e-CQS 录入截止日期 {deadline}：请核对录入日期；确属逾期的，请向组织抽查部门说明",
        en: "the result was entered into e-CQS on {entered}, after the e-CQS deadline {deadline}: check the date; if late indeed, explain it to the ordering authority",
    }
    PlanOver = "rule.plan-over" {
        zh: "类别 “{category}” 计划抽查 {lots} 批次，本案例是第 {n} 批次（按抽样日期排序，已抽样和拒检均计入），超出计划：请核对类别，或请组织抽查部门调整计划",
        en: "the category “{category}” plans {lots} {lots|lot|lots} and this case is lot {n} (by visit date, sampled and refused lots counted): beyond the plan; check the category, or ask the ordering authority to adjust the plan",
    }
    ReportDuplicate = "rule.report-duplicate" {
        zh: "检验报告编号 {no} 与 {file}（{id}）重复：每份检验报告的编号必须唯一，请核对",
        en: "the report number {no} is also used in {file} ({id}): every report number must be unique; check",
    }
    SealsDuplicateHere = "rule.seals-duplicate-here" {
        zh: "封条编号 {no} 已在本案例中出现：每张封条的编号在本批次中必须唯一，请核对",
        en: "the seal number {no} appears twice in this case: every seal number must be unique in the batch; check",
    }
    SealsDuplicate = "rule.seals-duplicate" {
        zh: "封条编号 {no} 已在 {file}（{id}）中使用：每张封条的编号在本批次中必须唯一，请核对",
        en: "the seal number {no} is already used in {file} ({id}): every seal number must be unique in the batch; check",
    }

    // -- check: what any bureau's notice needs ------------------------------------------------
    PlaceholderLeft = "rule.placeholder" {
        zh: "“{value}” 是 new-case 或 import 留下的占位内容，尚未填写：请按实际情况填写，否则这份文书不能生成（或以 render --allow-errors 生成草稿）；抽样包中印为空白",
        en: "“{value}” is the placeholder new-case or import wrote, not yet filled in: write the real value, or the document cannot be made (render --allow-errors makes a draft); the visit pack prints it as a blank",
    }
    LabNotPlan = "rule.lab-plan" {
        zh: "抽查计划把类别 “{category}” 分配给承检机构 {plan_lab}，本案例的承检机构却是 {lab}：请核对 lab",
        en: "the plan assigns the category “{category}” to the lab {plan_lab}, but this case names the lab {lab}: check lab",
    }
    DocumentNoBrackets = "rule.document-no" {
        zh: "发文字号 “{value}” 的年份应使用六角括号〔〕：应为 {fixed}",
        en: "the document number “{value}” must put the year in the hexagonal brackets 〔〕: write {fixed}",
    }
    DocumentNoForm = "rule.document-no-form" {
        zh: "发文字号 “{value}” 不是 “机关代字〔年份〕序号号” 的形式，如 晋市市监〔2023〕3号",
        en: "the document number “{value}” is not of the form “agency code〔year〕number号”, e.g. 晋市市监〔2023〕3号",
    }
    IssuedAfterStart = "rule.issued-after-start" {
        zh: "成文日期 {issued}晚于抽样开始日期 {start}：通知应在抽样开始前印发，请核对 issued_on 和 schedule.sampling_start",
        en: "the notice is dated {issued}, after the sampling starts on {start}: a notice is issued before sampling begins; check issued_on and schedule.sampling_start",
    }
    LabAccreditation = "rule.lab-accreditation" {
        zh: "资质认定（CMA）证书编号 “{value}” 应为 12 位数字（只写编号，不写“CMA”）",
        en: "the accreditation (CMA) number “{value}” must be 12 digits (the number alone, without “CMA”)",
    }
    CopiesUnknownKind = "rule.copies-kind" {
        zh: "联次中的 “{kind}” 不是案例文书类型（可用：{all}）",
        en: "“{kind}” in copies is not a kind of per-case document (known: {all})",
    }
    CopiesCount = "rule.copies-count" {
        zh: "{kind} 的联次应有 1 至 {max} 联，现为 {count} 联",
        en: "{kind} must have 1 to {max} copies, not {count}",
    }
    CopiesHolder = "rule.copies-holder" {
        zh: "{kind} 的第 {number} 联没有写留存者",
        en: "copy {number} of {kind} names no holder",
    }
    LabIdUnsafe = "rule.lab-id" {
        zh: "承检机构编号 “{id}” 只能由字母、数字、点、下划线和 - 组成（它也是各承检机构文书文件夹的名称）",
        en: "the lab id “{id}” may contain only letters, digits, dots, underscores and - (it also names the folder of the lab's documents)",
    }
    AnnexBoth = "rule.annex-both" {
        zh: "附件 {no} 同时写了 content 和 file：一项附件要么由本工具排印（content），要么照附文件（file），请删去其一",
        en: "annex {no} has both content and file: an annex is either typeset here (content) or attached as a file (file); remove one",
    }
    AnnexDuplicate = "rule.annex-duplicate" {
        zh: "附件 {no} 的内容 {content} 与附件 {first} 重复：每种排印内容只能出现一次",
        en: "annex {no} has the content {content} of annex {first} too: each content may appear once",
    }
    AnnexFileType = "rule.annex-file-type" {
        zh: "附件 {no} 的文件 “{path}” 不是 PDF、JPG 或 PNG 文件：请转换为其中一种",
        en: "the file “{path}” of annex {no} is not a PDF, JPG or PNG file: convert it to one of them",
    }
    AnnexFile = "rule.annex-file" {
        zh: "附件 {no} 的文件 “{path}” {why}",
        en: "the file “{path}” of annex {no} {why}",
    }
    AnnexRead = "render.annex-read" {
        zh: "附件 {no} 的文件 “{path}” 无法读取：{error}",
        en: "the file “{path}” of annex {no} cannot be read: {error}",
    }
    AnnexPdfInvalid = "render.annex-pdf" {
        zh: "不是可读取的 PDF 文件（文件损坏、加密或不是 PDF）",
        en: "not a readable PDF file (damaged, encrypted, or not a PDF)",
    }
    AnnexNoPages = "render.annex-no-pages" { zh: "PDF 文件没有页面", en: "the PDF file has no pages" }

    // -- check: the statute's other paths ---------------------------------------------------
    OnlineMissing = "rule.online-missing" {
        zh: "抽样领域为电子商务（网络购买抽样），但没有 online 部分：请填写电子商务平台、网店名称、订单编号和订单实付金额",
        en: "the domain is 电子商务 (bought online) but there is no online section: write the platform, the shop, the order number and what the order paid",
    }
    OnlineDomain = "rule.online-domain" {
        zh: "填写了网络购买抽样情况（online），抽样领域却是 {domain}：网络购买的样品，抽样领域应为 电子商务",
        en: "an online section is written but the domain is {domain}: a lot bought online is of the domain 电子商务",
    }
    OnlinePaid = "rule.online-paid" {
        zh: "网络购买抽样未填写订单实付金额（online.paid）：检验样品和备用样品同一订单购买，付费单按订单金额填写",
        en: "no online.paid: the test and backup samples were bought in one order, and the payment slip shows what it paid",
    }
    OnlineReceivedBeforeOrder = "rule.online-received-before-order" {
        zh: "样品于 {received}收到，早于下单日期 {ordered}（visit.date）：请核对日期",
        en: "the parcel was received on {received}, before it was ordered on {ordered} (visit.date): check the dates",
    }
    OnlineLabBeforeParcel = "rule.online-lab-before-parcel" {
        zh: "检验机构于 {lab}收到样品，早于包裹寄达拆封的 {received}：请核对日期",
        en: "the lab received the sample on {lab}, before the parcel arrived and was unpacked on {received}: check the dates",
    }
    OnlineReceiptMissing = "rule.online-receipt-missing" {
        zh: "网络购买的样品已检验，但未填写收到并拆封日期（online.received_on）：封样在拆封时进行，请填写",
        en: "the lot bought online is tested but online.received_on is missing: sealing happens when the parcel is unpacked; write the day",
    }
    OnlineSealing = "rule.online-sealing" {
        zh: "封样日期 {sealed}与收到并拆封日期 {received}不同：网络购买的样品应在拆封时对检验样品和备用样品分别封样，请核对",
        en: "sealed on {sealed}, unpacked on {received}: a lot bought online is sealed when its parcel is unpacked; check the dates",
    }
    OnlineNotified = "rule.online-notified" {
        zh: "通知书和抽样文书于 {notified}送达网店，早于样品寄达封样的 {received}：抽样文书应在封样后送达",
        en: "the notice and forms were sent to the shop on {notified}, before the parcel arrived and was sealed on {received}: they are sent after sealing",
    }
    OnlineSigning = "rule.online-signing" {
        zh: "网络购买抽样不应有 signing 部分：网店无人在场，没有签字或拒签；网店对样品信息的确认写在 online.confirmation 中",
        en: "a lot bought online has no signing section: nobody from the shop was there to sign or refuse; the shop's answer goes in online.confirmation",
    }
    OnlineBackup = "rule.online-backup" {
        zh: "网络购买的备用样品在检验机构封存和保存，不能“封存于受检单位”：请将 seals.backup_kept_at 改为 lab",
        en: "the backup of a lot bought online is sealed and kept at the lab, not by the shop: set seals.backup_kept_at to lab",
    }
    OnlinePlatform = "rule.online-platform" {
        zh: "网店产品不合格，后处理未记录通报电子商务平台经营者（{platform}）的日期：请在 followup.platform_notified_on 中填写（督促下架）",
        en: "the online shop's lot failed and the follow-up does not record telling the platform operator ({platform}): write followup.platform_notified_on",
    }
    RecheckReport = "rule.recheck-report" {
        zh: "复查未写明原抽查任务（recheck.batch）或原检验报告编号（recheck.report_no）：复查的文书须说明复查的是哪一次抽查",
        en: "the re-inspection names no earlier batch (recheck.batch) or earlier report number (recheck.report_no): its forms must say what it re-inspects",
    }
    ConfirmationMissing = "rule.confirmation-missing" {
        zh: "在销售者处抽取的样品不合格，标称生产者为{maker}，但没有样品确认（confirmation）：公布结果前请通知标称生产者确认样品是否为其产品",
        en: "the lot sampled at a seller failed and names {maker} as its maker, but there is no confirmation: ask the maker to confirm the sample before the result is published",
    }
    ConfirmationDeniedReason = "rule.confirmation-denied-reason" {
        zh: "标称生产者否认为其产品，但未写明理由（confirmation.reason）",
        en: "the maker denied the sample is its product but no reason is written (confirmation.reason)",
    }
    ConfirmationNoAnswerDated = "rule.confirmation-no-answer-dated" {
        zh: "答复为“期限内未答复”（no_answer），却写了答复日期：有答复的请写 confirmed 或 denied",
        en: "the answer is no_answer but an answer date is written: an answer received is confirmed or denied",
    }
    ConfirmationUndated = "rule.confirmation-undated" {
        zh: "已记录标称生产者的答复，但未写答复日期（confirmation.answered_on）",
        en: "the maker's answer is recorded without its date (confirmation.answered_on)",
    }
    ConfirmationBeforeSent = "rule.confirmation-before-sent" {
        zh: "答复日期 {answered}早于通知寄出日期 {sent}：请核对日期",
        en: "answered on {answered}, before the notice was sent on {sent}: check the dates",
    }
    ConfirmationLate = "rule.confirmation-late" {
        zh: "标称生产者于 {answered}答复，已过 {days} 日的答复期限（{due}）：期满未答复的视为无异议，请核对是否仍予采纳",
        en: "the maker answered on {answered}, after the {days}-day period ended ({due}): silence by then counted as no objection; check whether the answer is still taken",
    }
    ObjectionBeforeResult = "rule.objection-before-result" {
        zh: "检验结果尚未送达（没有 delivery），却已收到复检申请：请先填写结果送达情况",
        en: "an objection was received though the result was not delivered (no delivery): record the delivery first",
    }
    ObjectionBeforeSent = "rule.objection-before-sent" {
        zh: "复检申请于 {received}收到，早于检验结果寄出的 {sent}：请核对日期",
        en: "the objection was received on {received}, before the result was sent on {sent}: check the dates",
    }
    ObjectionLate = "rule.objection-late" {
        zh: "复检申请于 {received}收到，距检验结果寄出（{sent}）已超过异议期 {days} 日，却已受理：请核对受检单位收到结果的日期，逾期的申请不予受理",
        en: "the objection was received on {received}, more than the {days}-day period after the result was sent ({sent}), yet accepted: check when the result was received; a late objection is not accepted",
    }
    ObjectionNoItems = "rule.objection-no-items" {
        zh: "复检申请未写明异议项目（objection.items）",
        en: "the objection names no items (objection.items)",
    }
    ObjectionItemsUnknown = "rule.objection-items-unknown" {
        zh: "异议项目 {items} 不是检验报告中的检验项目：请按报告中的项目名称填写",
        en: "the objected items {items} are not items of the report: write them as the report names them",
    }
    ObjectionRejectedReason = "rule.objection-rejected-reason" {
        zh: "复检申请不予受理，但未写明理由（objection.rejection_reason）",
        en: "the objection was not accepted but no reason is written (objection.rejection_reason)",
    }
    ObjectionRetestUnaccepted = "rule.objection-retest-unaccepted" {
        zh: "复检申请未受理（accepted 不是 true），却已有复检情况：受理后才能复检",
        en: "a re-test is recorded though the objection was not accepted (accepted is not true)",
    }
    ObjectionDecidedBefore = "rule.objection-decided-before" {
        zh: "受理决定日期 {decided}早于收到申请的 {received}：请核对日期",
        en: "decided on {decided}, before the objection was received on {received}: check the dates",
    }
    ObjectionDecisionLate = "rule.objection-decision-late" {
        zh: "受理决定于 {decided}作出，超过收到申请后 {days} 个工作日的期限（{due}）",
        en: "decided on {decided}, after the {days} working days from receipt ({due})",
    }
    RetestSameLab = "rule.retest-same-lab" {
        zh: "复检机构与初检机构相同：复检应由另一家检验机构承担，请改为 labs 中的另一家机构",
        en: "the re-test lab is the lab of the first test: a re-test is made by another lab of labs",
    }
    RetestItemsExtra = "rule.retest-items-extra" {
        zh: "复检项目 {items} 不在异议项目中：复检只检验异议项目，请核对",
        en: "the re-tested items {items} were not objected to: a re-test tests the objected items only",
    }
    RetestBeforeDecision = "rule.retest-before-decision" {
        zh: "备用样品于 {handed}移交复检机构，早于受理决定的 {decided}：请核对日期",
        en: "the backup was handed over on {handed}, before the decision on {decided}: check the dates",
    }
    RetestIssuedBefore = "rule.retest-issued-before" {
        zh: "复检报告于 {issued}签发，早于备用样品移交的 {handed}：请核对日期",
        en: "the re-test report was issued on {issued}, before the backup was handed over on {handed}: check the dates",
    }
    RetestLate = "rule.retest-late" {
        zh: "复检报告于 {issued}签发，超过收到备用样品后 {days} 个工作日的期限（{due}）",
        en: "the re-test report was issued on {issued}, after the {days} working days from the handover ({due})",
    }
    FinalBeforeRetest = "rule.final-before-retest" {
        zh: "复检结论通知于 {notified}寄出，早于复检报告签发的 {issued}：请核对日期",
        en: "the final conclusion was notified on {notified}, before the re-test report was issued on {issued}: check the dates",
    }
    } };
}

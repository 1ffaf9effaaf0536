// The message catalog, included by `messages.rs`: one entry per id, both languages side by side.
// Group by the stage that speaks; ids are `stage.what`.

catalog! {
    // -- the command line -------------------------------------------------------------------
    CliError = "cli.error" { zh: "错误：{error}", en: "error: {error}" }
    CliBadDate = "cli.bad-date" {
        zh: "日期 “{value}” 无效，应写作 2023-08-01",
        en: "invalid date “{value}”: write it as 2023-08-01",
    }

    // -- findings ---------------------------------------------------------------------------
    DiagError = "diag.error" { zh: "错误", en: "error" }
    DiagWarning = "diag.warning" { zh: "警告", en: "warning" }

    // -- reading files ------------------------------------------------------------------------
    LoadNoFolder = "load.no-folder" {
        zh: "批次文件夹不存在或不是文件夹",
        en: "the batch folder does not exist or is not a folder",
    }
    LoadBatchId = "load.batch-id" {
        zh: "批次编号 “{id}” 只能由字母、数字、点、下划线和 - 组成",
        en: "the batch id “{id}” may contain only letters, digits, dots, underscores and -",
    }
    LoadUnreadable = "load.unreadable" { zh: "无法读取：{error}", en: "cannot be read: {error}" }
    LoadCaseId = "load.case-id" {
        zh: "抽样单编号 “{id}” 只能由字母、数字、点、下划线和 - 组成，且不以点开头",
        en: "the case id “{id}” may contain only letters, digits, dots, underscores and -, and must not start with a dot",
    }
    LoadDuplicateId = "load.duplicate-id" {
        zh: "抽样单编号 {id} 与 {first} 重复，每个案例的编号必须唯一",
        en: "the case id {id} is also used in {first}: every case id must be unique",
    }
    LoadNoFile = "load.no-file" { zh: "文件不存在", en: "the file does not exist" }
    LoadFileError = "load.file-error" { zh: "无法读取文件：{error}", en: "cannot read the file: {error}" }
    YamlEncoding = "yaml.encoding" {
        zh: "文件不是 UTF-8 编码（可能是 GBK/GB18030）：请在编辑器中以 UTF-8 编码另存",
        en: "the file is not UTF-8 (perhaps GBK/GB18030): save it as UTF-8 in your editor",
    }
    YamlBidi = "yaml.bidi" {
        zh: "此处含有双向文本控制字符 U+{code}（不可见，会使打印出的文字顺序与填写的不一致）：请删除该字符",
        en: "a bidirectional control character U+{code} stands here (invisible, it makes the printed text read in another order than written): delete it",
    }
    YamlControl = "yaml.control" {
        zh: "此处含有控制字符 U+{code}（不可见，无法打印，常由复制粘贴带入）：请删除该字符，换行请直接换行书写",
        en: "a control character U+{code} stands here (invisible and unprintable, often pasted in): delete it; write line breaks as line breaks",
    }
    YamlTooLarge = "yaml.too-large" {
        zh: "文件过大（{size} 字节，上限 {max} 字节）：案例和批次文件通常只有几千字节，请检查是否误放了其他文件",
        en: "the file is too large ({size} {size|byte|bytes}, at most {max}): case and batch files are a few kilobytes; check that no other file was put here",
    }
    YamlEmpty = "yaml.empty" {
        zh: "文件为空：请按格式填写，或删除此文件",
        en: "the file is empty: fill it in, or delete it",
    }
    YamlTooDeep = "yaml.too-deep" {
        zh: "文档嵌套超过 {max} 层，已拒绝读取：请检查缩进和括号",
        en: "the document nests deeper than {max} {max|level|levels} and was refused: check the indentation and brackets",
    }
    YamlDuplicateKey = "yaml.duplicate-key" {
        zh: "同一节中字段 {key} 重复出现：请删除或合并其中一个",
        en: "the field {key} appears twice in one section: delete or merge one of them",
    }
    YamlTab = "yaml.tab" {
        zh: "缩进只能用空格，不能用 Tab：请把该处的 Tab 换成空格",
        en: "indent with spaces, never tabs: replace the tab here with spaces",
    }
    YamlNesting = "yaml.nesting" {
        zh: "文档嵌套或别名展开过深，已拒绝读取",
        en: "the document nests or expands aliases too deeply and was refused",
    }
    YamlIndent = "yaml.indent" {
        zh: "缩进不对：同一节的字段要对齐，下一级的字段要多缩进，每行写作 “字段: 值”（冒号后有空格）",
        en: "the indentation is wrong: the fields of one section stand aligned, those of a section inside it further in, each line “field: value” (a space after the colon)",
    }
    YamlSyntax = "yaml.syntax" { zh: "YAML 格式错误：{problem}", en: "YAML syntax error: {problem}" }
    YamlMissing = "yaml.missing" { zh: "缺少必填字段 {field}", en: "the required field {field} is missing" }
    YamlUnknownFieldLike = "yaml.unknown-field-like" {
        zh: "未知字段 {field}，是否应为 {like}？",
        en: "unknown field {field}: did you mean {like}?",
    }
    YamlUnknownFieldNone = "yaml.unknown-field-none" {
        zh: "未知字段 {field}，请删除",
        en: "unknown field {field}: delete it",
    }
    YamlUnknownField = "yaml.unknown-field" {
        zh: "未知字段 {field}；此处可用的字段有：{expected}",
        en: "unknown field {field}; the fields allowed here are: {expected}",
    }
    YamlVariant = "yaml.variant" {
        zh: "取值 “{value}” 无效，可用的取值：{allowed}",
        en: "the value “{value}” is not allowed; allowed values: {allowed}",
    }
    YamlType = "yaml.type" {
        zh: "类型不符（写的是{found}，这里应是{expected}）{hint}",
        en: "wrong type ({found} where {expected} is expected){hint}",
    }
    YamlHintQuote = "yaml.hint-quote" {
        zh: "：像数字的文字（编号、电话、邮编等）要加英文引号，如 {example}",
        en: ": text that looks like a number (codes, phones, postcodes …) goes in quotes, e.g. {example}",
    }
    YamlHintDate = "yaml.hint-date" { zh: "：日期写作 {example}", en: ": write dates as {example}" }
    YamlHintInteger = "yaml.hint-integer" { zh: "：如 {example}", en: ": e.g. {example}" }
    YamlHintBool = "yaml.hint-bool" { zh: "：是写 true，否写 false", en: ": true for yes, false for no" }
    YamlHintList = "yaml.hint-list" {
        zh: "：每项一行，以 “- ” 开头",
        en: ": one item a line, each starting with “- ”",
    }
    YamlHintSection = "yaml.hint-section" {
        zh: "：在下面各行缩进后写 “字段: 值”",
        en: ": indented “field: value” lines below it",
    }
    YamlHintNone = "yaml.hint-none" { zh: "", en: "" }
    YamlBadDate = "yaml.bad-date" {
        zh: "日期 “{value}” 无效（{reason}）：日期写作 {example}，且须是真实存在的日期",
        en: "invalid date “{value}” ({reason}): write dates as {example}, a day that exists",
    }
    YamlInvalid = "yaml.invalid" { zh: "取值无效：{detail}", en: "invalid value: {detail}" }
    MoneyNotNumber = "money.not-number" {
        zh: "“{value}” 不是金额，应写作数字，如 185.00",
        en: "“{value}” is not an amount: write a number such as 185.00",
    }
    MoneyDecimals = "money.decimals" {
        zh: "金额 “{value}” 的小数超过两位（分）",
        en: "the amount “{value}” has more than two decimals (fen)",
    }
    MoneyTooLarge = "money.too-large" { zh: "金额 “{value}” 过大", en: "the amount “{value}” is too large" }
    MoneyInfinite = "money.infinite" { zh: "金额必须是有限的数字", en: "an amount must be a finite number" }
    FontUncovered = "font.uncovered" {
        zh: "{what}中的字符 “{ch}”（U+{code}）没有任何可用字体能够显示：请用 --font-path 提供含此字的字体，或改用规范字形",
        en: "the character “{ch}” (U+{code}) in {what} is drawn by no available font: give a font that has it with --font-path, or use the standard form",
    }
    FontWhatBatch = "font.what-batch" { zh: "批次文件", en: "the batch file" }
    FontWhatCase = "font.what-case" { zh: "案例 {id} ", en: "case {id}" }

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
        zh: "抽样领域 “{value}” 应为 生产 或 流通",
        en: "the domain “{value}” must be 生产 (production) or 流通 (circulation)",
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
        zh: "流通领域抽取的样品未填写标称生产者（manufacturer）：文书将按抽样单记为“同受检单位”，但销售者很少就是生产者；请按样品标签或包装上标注的生产者填写",
        en: "a lot sampled at a seller (流通) names no nominal manufacturer (manufacturer): the documents print 同受检单位, as the sampling sheet records it, though a seller is rarely the maker; write the maker the label or package names",
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

    // -- render and build ---------------------------------------------------------------------
    RenderUnknownKind = "render.unknown-kind" {
        zh: "未知的文书类型 “{kind}”，可用：{all}",
        en: "unknown document kind “{kind}”; available: {all}",
    }
    RenderUnknownCase = "render.unknown-case" {
        zh: "批次中没有编号为 “{id}” 的案例",
        en: "the batch has no case with the id “{id}”",
    }
    RenderTemplates = "render.templates" { zh: "模板加载失败：{error}", en: "cannot load the templates: {error}" }
    RenderDoc = "render.doc" { zh: "{id} {title}（模板 {template}）", en: "{id} {title} (template {template})" }
    RenderTemplate = "render.template" { zh: "{doc}：模板错误：{error}", en: "{doc}: template error: {error}" }
    RenderWriteTypst = "render.write-typst" { zh: "{doc}：无法写入 .typ：{error}", en: "{doc}: cannot write the .typ: {error}" }
    RenderCompile = "render.compile" { zh: "{doc}：排版错误：\n{error}", en: "{doc}: typesetting error:\n{error}" }
    RenderWrite = "render.write" { zh: "{doc}：无法写入 {path}：{error}", en: "{doc}: cannot write {path}: {error}" }
    RenderXlsxWrite = "render.xlsx-write" {
        zh: "汇总表电子版：无法写入 {path}：{error}",
        en: "summary spreadsheet: cannot write {path}: {error}",
    }
    RenderXlsx = "render.xlsx" { zh: "汇总表电子版：{error}", en: "summary spreadsheet: {error}" }
    RenderBlocked = "render.blocked" {
        zh: "批次有 {errors} 处错误，未生成任何文书：请先改正（spotcheck check 列出全部问题），或加 --allow-errors 生成每页标注“草稿”的文书",
        en: "the batch has {errors} {errors|error|errors} and nothing was rendered: correct them first (spotcheck check lists them all), or add --allow-errors to render documents marked 草稿 (draft) on every page",
    }
    RenderUndrawable = "render.undrawable" {
        zh: "批次有 {errors} 处错误，未生成任何文书：其中有字体无法显示的字符，须先改正（加 --allow-errors 也不能生成）",
        en: "the batch has {errors} {errors|error|errors} and nothing was rendered: characters that no font draws must be corrected first (--allow-errors cannot render them)",
    }
    RenderAllowed = "render.allowed" {
        zh: "批次有 {errors} 处错误：按 --allow-errors 仍然生成，每页标注“草稿”",
        en: "the batch has {errors} {errors|error|errors}: rendering anyway as asked by --allow-errors, every page marked 草稿 (draft)",
    }
    RenderDone = "render.done" {
        zh: "已生成 {documents} 份文书（共 {pages} 页），输出到 {out}",
        en: "rendered {documents} {documents|document|documents} ({pages} {pages|page|pages}) into {out}",
    }
    BuildDone = "build.done" {
        zh: "已生成 {documents} 份文书（共 {pages} 页）",
        en: "rendered {documents} {documents|document|documents} ({pages} {pages|page|pages})",
    }
    BuildVolumeAt = "build.volume-at" { zh: "合订本：{path}", en: "bound volume: {path}" }
    BuildArchiveAt = "build.archive-at" {
        zh: "归档：{path}（{files} 个文件，{bytes} 字节）",
        en: "archive: {path} ({files} {files|file|files}, {bytes} {bytes|byte|bytes})",
    }
    BuildArchiveSignedAt = "build.archive-signed-at" {
        zh: "归档：{path}（{files} 个文件，{bytes} 字节，已签名）",
        en: "archive: {path} ({files} {files|file|files}, {bytes} {bytes|byte|bytes}, signed)",
    }
    BuildCheck = "build.check" {
        zh: "批次检查未通过，未生成任何文件：\n{findings}",
        en: "the batch did not pass the check; nothing was written:\n{findings}",
    }
    BuildCheckCount = "build.check-count" {
        zh: "批次检查未通过：{errors} 处错误",
        en: "the batch did not pass the check: {errors} {errors|error|errors}",
    }
    BuildKey = "build.key" { zh: "签名密钥不可用：{error}", en: "the signing key cannot be used: {error}" }
    BuildVolume = "build.volume" { zh: "合订本生成失败：{error}", en: "the bound volume could not be made: {error}" }
    BuildRefused = "build.refused" {
        zh: "批次检查未通过，未生成任何文件：\n{findings}",
        en: "the batch did not pass the check, nothing was written:\n{findings}",
    }
    VolumeMissingDoc = "volume.missing-doc" {
        zh: "合订本缺少 {id} 的 {kind}：请先生成全部文书",
        en: "the volume lacks the {kind} of {id}: render every document first",
    }
    VolumeRead = "volume.read" { zh: "无法读取 {path}：{error}", en: "cannot read {path}: {error}" }
    VolumeBindPage = "volume.bind-page" {
        zh: "无法将 {path} 第 {page} 页装入合订本：{error}",
        en: "cannot bind page {page} of {path} into the volume: {error}",
    }
    VolumeDocPages = "volume.doc-pages" {
        zh: "{path} 现有 {found} 页，生成时为 {expected} 页：文书在生成后被改动，请重新生成",
        en: "{path} has {found} {found|page|pages}, {expected} when it was rendered: it changed since, render it again",
    }
    VolumeTemplate = "volume.template" { zh: "合订本模板错误：{error}", en: "error in the volume's template: {error}" }
    VolumeCompile = "volume.compile" { zh: "合订本排版错误：\n{error}", en: "the volume could not be laid out:\n{error}" }
    VolumeWrite = "volume.write" { zh: "无法写入 {path}：{error}", en: "cannot write {path}: {error}" }
    EnginePdfStandard = "engine.pdf-standard" {
        zh: "未知的 PDF 标准 “{value}”，可用：1.4 1.5 1.6 1.7 2.0 a-1b a-2b a-2u a-3b a-3u a-4 ua-1 等",
        en: "unknown PDF standard “{value}”; available: 1.4 1.5 1.6 1.7 2.0 a-1b a-2b a-2u a-3b a-3u a-4 ua-1 and others",
    }
    EnginePdfStandards = "engine.pdf-standards" {
        zh: "PDF 标准组合无效：{error}",
        en: "these PDF standards cannot be combined: {error}",
    }
    EngineOfd = "engine.ofd" { zh: "无法写成 OFD：{error}", en: "cannot write as OFD: {error}" }
    EngineBadPath = "engine.bad-path" { zh: "文件路径无效：{path}", en: "invalid file path: {path}" }
    FontStyleTitle = "font-style.title" { zh: "小标宋（标题）", en: "Xiaobiaosong (titles)" }
    FontStyleSong = "font-style.song" { zh: "宋体（表格、正文）", en: "Song (tables, body text)" }
    FontStyleHei = "font-style.hei" { zh: "黑体（一级标题、强调）", en: "Hei (first-level headings, emphasis)" }
    FontStyleFang = "font-style.fang" { zh: "仿宋（公文正文）", en: "FangSong (body of official documents)" }
    FontStyleKai = "font-style.kai" { zh: "楷体（二级标题）", en: "Kai (second-level headings)" }
    LoadFailed = "load.failed" { zh: "批次读取失败：{errors} 处错误", en: "the batch cannot be read: {errors} {errors|error|errors}" }
    KeygenNoOwner = "keygen.no-owner" {
        zh: "请写明密钥的持有者：--batch 批次文件夹 --lab 承检机构编号（记录机构名称和资质认定编号），或 --owner 名称；签名的可信注释和公钥都记录持有者",
        en: "say who holds the key: --batch BATCH --lab ID (the lab's name and accreditation number are recorded), or --owner NAME; the signature's trusted comment and the public key record the holder",
    }
    KeygenNoLab = "keygen.no-lab" {
        zh: "批次中没有承检机构 “{lab}”（有：{all}）",
        en: "the batch has no lab “{lab}” (it has: {all})",
    }
    KeygenOwner = "keygen.owner" { zh: "持有者：{owner}", en: "holder: {owner}" }
    KeygenEncrypted = "keygen.encrypted" {
        zh: "私钥已用口令加密：签名时（build --sign、minisign -S）需要同一口令",
        en: "the secret key is encrypted with the passphrase: signing (build --sign, minisign -S) needs the same one",
    }
    KeygenUnencrypted = "keygen.unencrypted" {
        zh: "注意：私钥没有口令，任何拿到 spotcheck.key 文件的人都能以持有者的名义签名；请只在本机保存（文件仅本人可读），或用 --passphrase-file 重新生成有口令的密钥",
        en: "note: the secret key has no passphrase: anyone who gets spotcheck.key can sign as its holder; keep it on this machine only (it is readable by you alone), or make one with --passphrase-file",
    }
    KeygenDone = "keygen.done" {
        zh: "已生成密钥对（密钥编号 {id}）：",
        en: "key pair made (key id {id}):",
    }
    KeygenSecret = "keygen.secret" {
        zh: "  私钥 {path}（无口令：请妥善保管，勿随归档分发）",
        en: "  secret key {path} (no passphrase: keep it safe, never ship it with an archive)",
    }
    KeygenPublic = "keygen.public" {
        zh: "  公钥 {path}（随归档交付，用于 spotcheck verify --pubkey 或 minisign -V）",
        en: "  public key {path} (ship it with the archive, for spotcheck verify --pubkey or minisign -V)",
    }
    KindsPerCase = "kinds.per-case" { zh: "每个案例", en: "per case" }
    KindsPerBatch = "kinds.per-batch" { zh: "每个批次", en: "per batch" }
    KindsLine = "kinds.line" { zh: "{id} {title}（{scope}）", en: "{id} {title} ({scope})" }

    // -- verify: the rules of BagIt (RFC 8493) --------------------------------------------------
    BagNameAbsolute = "bag.name-absolute" { zh: "是绝对路径", en: "is an absolute path" }
    BagNameBackslash = "bag.name-backslash" { zh: "含有反斜杠", en: "contains a backslash" }
    BagNameNul = "bag.name-nul" { zh: "含有 NUL 字符", en: "contains a NUL character" }
    BagNameDotDot = "bag.name-dotdot" {
        zh: "含有 ..（指向上级目录）",
        en: "contains .. (a parent folder)",
    }
    BagNameEmptySegment = "bag.name-empty-segment" {
        zh: "含有空的或 . 路径段",
        en: "has an empty or . segment",
    }
    BagElementNoColon = "bag.element-no-colon" {
        zh: "不是“标签: 值”的形式（没有冒号）",
        en: "is not of the form “label: value” (no colon)",
    }
    BagElementEmptyLabel = "bag.element-empty-label" { zh: "标签为空", en: "has an empty label" }
    BagElementLabelSpace = "bag.element-label-space" {
        zh: "标签的开头或结尾有空白",
        en: "has whitespace at the start or end of the label",
    }
    BagElementNoSpace = "bag.element-no-space" {
        zh: "冒号后面应有一个空格或制表符",
        en: "needs one space or tab after the colon",
    }
    BagTagBom = "bag.tag-bom" {
        zh: "{file} 以字节顺序标记（BOM）开头：UTF-8 标签文件不得带 BOM",
        en: "{file} begins with a byte order mark (BOM): a UTF-8 tag file must not",
    }
    BagTagNotUtf8 = "bag.tag-undecodable" {
        zh: "{file} 不是有效的 UTF-8 文本（第 {byte} 个字节起无法解码），未读取",
        en: "{file} is not valid UTF-8 (undecodable from byte {byte}); not read",
    }
    BagTagBadEncoding = "bag.tag-bad-encoding" {
        zh: "{file} 不是有效的 {encoding} 文本，未读取",
        en: "{file} is not valid {encoding} text; not read",
    }
    BagUnterminated = "bag.unterminated" {
        zh: "{file} 的最后一行没有换行符（每行都应以 LF、CR 或 CRLF 结束），该行照常读取",
        en: "the last line of {file} has no line break (every line should end in LF, CR or CRLF); the line is read as it is",
    }
    BagDeclOldVersion = "bag.decl-old-version" {
        zh: "BagIt 版本 {version} 早于 0.97，按 0.97 的规则核验",
        en: "BagIt version {version} predates 0.97; verified by the rules of 0.97",
    }
    BagDeclInvalid = "bag.decl-invalid" { zh: "bagit.txt 无效：{why}", en: "bagit.txt is invalid: {why}" }
    BagDeclBom = "bag.decl-bom" {
        zh: "以字节顺序标记（BOM）开头，bagit.txt 不得带 BOM",
        en: "it begins with a byte order mark (BOM), which bagit.txt must not",
    }
    BagDeclNotUtf8 = "bag.decl-undecodable" { zh: "不是 UTF-8 文本", en: "it is not UTF-8 text" }
    BagDeclUnsupportedVersion = "bag.decl-unsupported-version" {
        zh: "不支持的 BagIt 版本 “{version}”（只能核验 1.0 和 0.93 至 0.97），以下按 1.0 的规则核验",
        en: "unsupported BagIt version “{version}” (only 1.0 and 0.93 to 0.97 can be verified); verified by the rules of 1.0",
    }
    BagDeclNoVersion = "bag.decl-no-version" { zh: "缺少 BagIt-Version", en: "BagIt-Version is missing" }
    BagDeclUnknownEncoding = "bag.decl-unknown-encoding" {
        zh: "无法识别的标签文件编码 “{encoding}”，以下按 UTF-8 读取",
        en: "unknown tag file encoding “{encoding}”; read as UTF-8",
    }
    BagDeclNoEncoding = "bag.decl-no-encoding" {
        zh: "缺少 Tag-File-Character-Encoding",
        en: "Tag-File-Character-Encoding is missing",
    }
    BagDeclLineCount = "bag.decl-line-count" {
        zh: "应恰好两行（BagIt-Version 与 Tag-File-Character-Encoding），实有 {lines} 行",
        en: "it must have exactly two lines (BagIt-Version and Tag-File-Character-Encoding), not {lines}",
    }
    BagDeclValueSpace = "bag.decl-value-space" {
        zh: "第 {line} 行的值前后有多余的空白或为空：{text}",
        en: "the value on line {line} is empty or has extra whitespace: {text}",
    }
    BagDeclLineLabel = "bag.decl-line-label" {
        zh: "第 {line} 行应为 {label}：{text}",
        en: "line {line} should be {label}: {text}",
    }
    BagDeclLine = "bag.decl-line" { zh: "第 {line} 行{why}：{text}", en: "line {line} {why}: {text}" }
    BagDeclVersionForm = "bag.decl-version-form" {
        zh: "版本号 “{version}” 应为“主版本.次版本”，如 1.0",
        en: "the version “{version}” should be “major.minor”, e.g. 1.0",
    }
    BagTagEncoding = "bag.tag-encoding" {
        zh: "标签文件的编码是 {encoding}，应为 UTF-8",
        en: "the tag files are encoded in {encoding}; they should be UTF-8",
    }
    BagInfoLine = "bag.info-line" {
        zh: "bag-info.txt 第 {line} 行{why}：{text}",
        en: "bag-info.txt line {line} {why}: {text}",
    }
    BagInfoEmptyLine = "bag.info-empty-line" {
        zh: "是空行，每行都应是元素或续行",
        en: "is empty: every line must be an element or a continuation",
    }
    BagInfoOrphanLine = "bag.info-orphan-line" {
        zh: "是续行，但前面没有元素",
        en: "is a continuation line with no element before it",
    }
    BagInfoRepeated = "bag.info-repeated" {
        zh: "bag-info.txt 中 {label} 出现了 {count} 次，不宜重复",
        en: "{label} appears {count} {count|time|times} in bag-info.txt; it should not repeat",
    }
    BagInfoOxumRepeated = "bag.info-oxum-repeated" {
        zh: "bag-info.txt 中 Payload-Oxum 出现了 {count} 次，只能有一个",
        en: "Payload-Oxum appears {count} {count|time|times} in bag-info.txt; only one is allowed",
    }
    BagInfoOxumForm = "bag.info-oxum-form" {
        zh: "Payload-Oxum 的值 “{value}” 应为“字节数.文件数”",
        en: "the Payload-Oxum “{value}” should be “bytes.files”",
    }
    BagOxumMismatch = "bag.oxum-mismatch" {
        zh: "Payload-Oxum 不符：bag-info.txt 记载 {count} 个文件 {bytes} 字节，实有 {actual_files} 个文件 {actual_bytes} 字节",
        en: "Payload-Oxum does not match: bag-info.txt records {count} {count|file|files} of {bytes} {bytes|byte|bytes}, the payload has {actual_files} {actual_files|file|files} of {actual_bytes} {actual_bytes|byte|bytes}",
    }
    BagPathUnsafe = "bag.path-unsafe" {
        zh: "路径{why}，指向归档之外或无法确定",
        en: "the path {why}, so it leads outside the bag or nowhere certain",
    }
    BagPathDirectory = "bag.path-directory" {
        zh: "路径以 / 结尾，是目录",
        en: "the path ends in /: it is a folder",
    }
    BagPathPayloadOutside = "bag.path-payload-outside" {
        zh: "载荷清单只能列出 data/ 下的文件",
        en: "a payload manifest may list only files under data/",
    }
    BagPathTagInPayload = "bag.path-tag-in-payload" {
        zh: "标签清单不能列出 data/ 下的载荷文件",
        en: "a tag manifest must not list payload files under data/",
    }
    BagManifestLine = "bag.manifest-line" {
        zh: "{name} 第 {line} 行无效（{why}）：{text}",
        en: "line {line} of {name} is invalid ({why}): {text}",
    }
    BagManifestForm = "bag.manifest-form" {
        zh: "应为“校验值 空白 路径”",
        en: "it should be “checksum whitespace path”",
    }
    BagManifestChecksum = "bag.manifest-checksum" {
        zh: "校验值应为 {digits} 位十六进制的 {algorithm}",
        en: "the checksum should be {digits} hex digits of {algorithm}",
    }
    BagManifestPercent = "bag.manifest-percent" {
        zh: "路径中的 % 未编码（应写作 %25，换行写作 %0A、%0D），按原样读作文件名的一部分",
        en: "a % in the path is not encoded (write % as %25, line breaks as %0A, %0D); read literally, as part of the name",
    }
    BagManifestBinaryMode = "bag.manifest-binary-mode" {
        zh: "路径前有 md5sum 二进制模式的 *，* 不算文件名的一部分",
        en: "the path starts with the * of md5sum's binary mode, which is not part of the name",
    }
    BagManifestDotSlash = "bag.manifest-dot-slash" {
        zh: "路径以 ./ 开头，按去掉 ./ 后的路径核验",
        en: "the path starts with ./; verified without it",
    }
    BagManifestSloppy = "bag.manifest-sloppy" {
        zh: "{name} 有 {count} 行不合规范但可以读取（第 {line} 行 “{text}”）：{why}",
        en: "{count} lines of {name} depart from the form but can be read (line {line} “{text}”): {why}",
    }
    BagManifestLiteral = "bag.manifest-literal" {
        zh: "{name} 中的 {path} 未按规定编码 %（应写作 %25），按原样的文件名核验",
        en: "{name} does not encode the % of {path} (as %25); verified under the name as written",
    }
    BagSystemFileExtra = "bag.system-file-extra" {
        zh: "系统文件 {path} 不在任何清单中（操作系统留下的文件，不属于内容）",
        en: "the system file {path} is in no manifest (left by an operating system, not content)",
    }
    BagSystemFileMissing = "bag.system-file-missing" {
        zh: "清单列出的系统文件 {path} 不在归档中（操作系统留下的文件，不属于内容）",
        en: "the system file {path} listed in a manifest is absent (left by an operating system, not content)",
    }
    BagManifestTwoForms = "bag.manifest-two-forms" {
        zh: "{name} 以两种 Unicode 规范化形式列出了同一个文件 {path}，校验值相同",
        en: "{name} lists the same file {path} in two Unicode normalization forms, with the same checksum",
    }
    BagManifestRepeated = "bag.manifest-repeated" {
        zh: "{name} 重复列出 {path}（校验值相同）",
        en: "{name} lists {path} twice (with the same checksum)",
    }
    BagManifestListedTwice = "bag.manifest-listed-twice" {
        zh: "{name} 第 {line} 行：同一文件 {path} 列出了两次（{same}），每个文件只能列一次",
        en: "line {line} of {name}: the file {path} is listed twice ({same}); a file may be listed only once",
    }
    BagManifestSameChecksum = "bag.manifest-same-checksum" { zh: "校验值相同", en: "the same checksum" }
    BagManifestConflictingChecksums = "bag.manifest-conflicting-checksums" {
        zh: "校验值互相矛盾",
        en: "conflicting checksums",
    }
    BagManifestName = "bag.manifest-name" {
        zh: "清单文件名 {name} 不合规范：算法名应小写、去掉标点，即 {expected}",
        en: "the manifest name {name} is irregular: the algorithm is written in lower case without punctuation, {expected}",
    }
    BagManifestDirectory = "bag.manifest-directory" {
        zh: "清单列出的 {path} 是目录：清单只能列出文件",
        en: "{path}, listed in a manifest, is a folder: manifests list files only",
    }
    BagUnsupportedAlgorithm = "bag.unsupported-algorithm" {
        zh: "无法核验 {name}：不支持算法 “{algorithm}”（支持 md5、sha1、sha256、sha512），其中的校验值未核对",
        en: "cannot verify {name}: the algorithm “{algorithm}” is not supported (md5, sha1, sha256 and sha512 are); its checksums were not checked",
    }
    BagNoPayloadManifest = "bag.no-payload-manifest" {
        zh: "缺失：载荷清单（至少要有一个 manifest-<算法>.txt，如 manifest-sha512.txt），无法核对任何文件",
        en: "missing: a payload manifest (at least one manifest-<algorithm>.txt, e.g. manifest-sha512.txt); no file can be checked",
    }
    BagNoPayloadDirectory = "bag.no-payload-directory" {
        zh: "缺失：载荷目录 data/（归档的根目录下必须有 data 目录）",
        en: "missing: the payload folder data/ (the bag's base folder must have one)",
    }
    BagFetchLine = "bag.fetch-line" {
        zh: "fetch.txt 第 {line} 行无效（{why}）：{text}",
        en: "line {line} of fetch.txt is invalid ({why}): {text}",
    }
    BagFetchForm = "bag.fetch-form" { zh: "应为“URL 长度 路径”", en: "it should be “URL length path”" }
    BagFetchUrl = "bag.fetch-url" {
        zh: "URL 必须是绝对 URI，如 https://…",
        en: "the URL must be an absolute URI, e.g. https://…",
    }
    BagFetchLength = "bag.fetch-length" { zh: "长度应为字节数或 -", en: "the length should be a number of bytes or -" }
    BagFetchPercent = "bag.fetch-percent" {
        zh: "路径中的 % 未编码：% 应写作 %25",
        en: "a % in the path is not encoded: write it as %25",
    }
    BagFetchOnlyPayload = "bag.fetch-only-payload" {
        zh: "只能列出 data/ 下的载荷文件，不能列出标签文件",
        en: "it may list only payload files under data/, not tag files",
    }
    BagFetchNotInManifest = "bag.fetch-not-in-manifest" {
        zh: "fetch.txt 列出的 {path} 不在载荷清单 {manifest} 中",
        en: "{path}, listed in fetch.txt, is not in the payload manifest {manifest}",
    }
    BagFetchPending = "bag.fetch-pending" {
        zh: "尚未取回：{path}（fetch.txt 列出应从 {url} 下载；核验从不下载，归档不完整）",
        en: "not fetched: {path} (fetch.txt lists it for download from {url}; verify never downloads, so the bag is incomplete)",
    }
    BagMissingFile = "bag.missing-file" { zh: "缺失：{path}", en: "missing: {path}" }
    BagMissing = "bag.missing" {
        zh: "缺失：{path}（清单中有，归档中没有）",
        en: "missing: {path} (in the manifest, not in the archive)",
    }
    BagExtra = "bag.extra" {
        zh: "多出的文件：{path}（归档中有，清单中没有）",
        en: "extra file: {path} (in the archive, in no manifest)",
    }
    BagRenamed = "bag.renamed" {
        zh: "被改名：{path} → {to}（内容未变，名称与清单不符）",
        en: "renamed: {path} → {to} (the same content under a name no manifest lists)",
    }
    BagAltered = "bag.altered" {
        zh: "被改动：{path}（内容与 {manifests} 记载的校验值不符）",
        en: "altered: {path} (its content does not match the checksum in {manifests})",
    }
    BagNotInEveryManifest = "bag.not-in-every-manifest" {
        zh: "{path} 没有列入 {manifests}：每个载荷文件都必须列入每一个载荷清单",
        en: "{path} is not listed in {manifests}: every payload file must be in every payload manifest",
    }
    BagTagManifestListsTagManifest = "bag.tag-manifest-lists-tag-manifest" {
        zh: "{name} 列出了标签清单 {path}：标签清单不能列出标签清单",
        en: "{name} lists the tag manifest {path}: a tag manifest must not list tag manifests",
    }
    BagTagMissing = "bag.tag-missing" {
        zh: "缺失：{path}（{name} 中有，归档中没有）",
        en: "missing: {path} (in {name}, not in the archive)",
    }
    BagTagManifestOmitsManifest = "bag.tag-manifest-omits-manifest" {
        zh: "{name} 没有列出载荷清单 {path}：每个标签清单都必须列出每个载荷清单",
        en: "{name} does not list the payload manifest {path}: every tag manifest must list every payload manifest",
    }
    BagTagNotListed = "bag.tag-not-listed" {
        zh: "标签文件 {path} 没有列入 {manifests}，其内容无从核对",
        en: "the tag file {path} is not listed in {manifests}, so its content cannot be checked",
    }
    BagTagAlgorithms = "bag.tag-algorithms" {
        zh: "标签清单的算法（{tag}）与载荷清单的算法（{payload}）不同",
        en: "the algorithms of the tag manifests ({tag}) differ from those of the payload manifests ({payload})",
    }
    BagWeakAlgorithm = "bag.weak-algorithm" {
        zh: "载荷清单只用了 {algorithms}：只为兼容旧归档而允许，能发现意外损坏，挡不住蓄意篡改；宜用 sha256 或 sha512",
        en: "the payload manifests use only {algorithms}: allowed for old bags only, it catches accidental damage but not deliberate tampering; use sha256 or sha512",
    }
    BagCaseCollision = "bag.case-collision" {
        zh: "文件名只有大小写不同：{names}（在不区分大小写的文件系统上会互相覆盖）",
        en: "file names that differ only in case: {names} (they overwrite each other on case-insensitive file systems)",
    }

    // -- verify: reading the zip or folder ------------------------------------------------------
    VerifyInternal = "verify.internal" { zh: "读取时发生内部错误", en: "an internal error occurred while reading" }
    VerifyOpen = "verify.open" { zh: "无法打开：{error}", en: "cannot be opened: {error}" }
    VerifyNotZip = "verify.not-zip" {
        zh: "不是可读的 zip 文件（可能已截断或不是归档）：{error}",
        en: "not a readable zip file (truncated, or not an archive): {error}",
    }
    VerifyTooManyEntries = "verify.too-many-entries" {
        zh: "条目过多：{count} 个，超过上限 {max} 个",
        en: "too many entries: {count}, above the limit of {max}",
    }
    VerifyZipNoBagit = "verify.zip-no-bagit" {
        zh: "压缩包中找不到 bagit.txt：这不是 BagIt 归档",
        en: "no bagit.txt in the zip: this is not a BagIt bag",
    }
    VerifyZipManyBagit = "verify.zip-many-bagit" {
        zh: "压缩包中有不止一个 bagit.txt：无法确定归档的根目录",
        en: "more than one bagit.txt in the zip: the bag's base folder cannot be told",
    }
    VerifyTooLarge = "verify.too-large" {
        zh: "解压后总大小超过上限 {max} 字节，停止读取",
        en: "the unpacked size is above the limit of {max} {max|byte|bytes}; reading stopped",
    }
    VerifyFolderUnreadable = "verify.folder-unreadable" {
        zh: "无法读取文件夹：{error}",
        en: "cannot read the folder: {error}",
    }
    VerifyFolderNoBagit = "verify.folder-no-bagit" {
        zh: "文件夹中找不到 bagit.txt：这不是 BagIt 归档",
        en: "no bagit.txt in the folder: this is not a BagIt bag",
    }
    VerifyFolderManyBags = "verify.folder-many-bags" {
        zh: "文件夹中有不止一个归档（bagit.txt）：请指定其中一个",
        en: "more than one bag (bagit.txt) in the folder: name one of them",
    }
    VerifyDuplicateNames = "verify.duplicate-names" {
        zh: "压缩包中有重复的文件名：同名条目只能有一个",
        en: "the zip has duplicate names: only one entry may bear a name",
    }
    VerifyDuplicateName = "verify.duplicate-name" {
        zh: "重复的文件名：{name}（压缩包中出现多次，无法确定哪一个是原件）",
        en: "duplicate name: {name} (several entries of the zip bear it; which is the original cannot be told)",
    }
    VerifyDuplicateNfc = "verify.duplicate-nfc" {
        zh: "重复的文件名：{first} 与 {name} 规范化（NFC）后相同",
        en: "duplicate name: {first} and {name} are the same once normalized (NFC)",
    }
    VerifyDuplicateFile = "verify.duplicate-file" {
        zh: "重复的文件名：{path}（规范化为 NFC 后相同）",
        en: "duplicate name: {path} (the same as another once normalized to NFC)",
    }
    VerifyZipStructure = "verify.zip-structure" {
        zh: "压缩包结构不一致（本地文件头与中央目录不符，或条目重叠）：{error}",
        en: "the zip's structure is inconsistent (local headers disagree with the central directory, or entries overlap): {error}",
    }
    VerifyEntryNotUtf8 = "verify.entry-name-undecodable" {
        zh: "第 {n} 个条目的文件名不是 UTF-8 编码，已拒绝",
        en: "the name of entry {n} is not UTF-8; refused",
    }
    VerifyUnsafeEntry = "verify.unsafe-entry" {
        zh: "不安全的条目名 “{name}”：{why}，已拒绝（未读取）",
        en: "unsafe entry name “{name}”: it {why}; refused (not read)",
    }
    VerifyOutsideBag = "verify.outside-bag" {
        zh: "多出的文件：{name}（在归档目录 {bag} 之外）",
        en: "extra file: {name} (outside the bag folder {bag})",
    }
    VerifyUnreadable = "verify.unreadable" { zh: "无法读取：{path}（{error}）", en: "cannot be read: {path} ({error})" }
    VerifyCorrupt = "verify.corrupt" {
        zh: "无法读取：{path}（内容已损坏：{error}）",
        en: "cannot be read: {path} (its content is damaged: {error})",
    }
    VerifySymlink = "verify.symlink" {
        zh: "{path} 是符号链接，不是普通文件，已拒绝",
        en: "{path} is a symbolic link, not a regular file; refused",
    }
    VerifyImplausibleSize = "verify.implausible-size" {
        zh: "{path} 声明的大小不可能成立（解压后 {declared} 字节，压缩后 {compressed} 字节，压缩包共 {zip} 字节），疑为恶意压缩包，未读取",
        en: "the size {path} declares is impossible ({declared} {declared|byte|bytes} unpacked, {compressed} packed, in a zip of {zip} {zip|byte|bytes}): probably a hostile zip; not read",
    }
    VerifySizeShort = "verify.size-short" {
        zh: "{path} 的实际大小与压缩包声明的不符（声明 {declared} 字节，读出 {count} 字节）",
        en: "the size of {path} differs from what the zip declares ({declared} {declared|byte|bytes} declared, {count} read)",
    }
    VerifySizeLong = "verify.size-long" {
        zh: "{path} 的实际大小与压缩包声明的不符（声明 {declared} 字节，读出超过 {count} 字节）",
        en: "the size of {path} differs from what the zip declares ({declared} {declared|byte|bytes} declared, more than {count} read)",
    }
    VerifyNameNotUtf8 = "verify.name-undecodable" {
        zh: "文件名不是 UTF-8 编码：{path}",
        en: "the file name is not UTF-8: {path}",
    }
    VerifySpecialFile = "verify.special-file" {
        zh: "{path} 是符号链接或特殊文件，不是普通文件，未跟随",
        en: "{path} is a symbolic link or a special file, not a regular file; not followed",
    }
    VerifyTagTooLarge = "verify.tag-too-large" {
        zh: "{path} 过大（单个标签文件超过 {file_mib} MiB，或合计超过 {total_mib} MiB），未读取",
        en: "{path} is too large (a tag file above {file_mib} MiB, or all of them above {total_mib} MiB); not read",
    }

    // -- verify: what spotcheck's own archives promise, and the signature ----------------------
    VerifyOwnNotListed = "verify.own-not-listed" {
        zh: "标签清单没有列出 {path}，其内容无从核对",
        en: "the tag manifest does not list {path}, so its content cannot be checked",
    }
    VerifyOwnExtra = "verify.own-extra" {
        zh: "多出的文件：{path}（不在任何清单中）",
        en: "extra file: {path} (in no manifest)",
    }
    VerifyOwnNoManifest = "verify.own-no-manifest" {
        zh: "缺失：载荷清单 manifest-sha256.txt，无法核对任何文件",
        en: "missing: the payload manifest manifest-sha256.txt; no file can be checked",
    }
    VerifyOwnNoTagManifest = "verify.own-no-tag-manifest" {
        zh: "缺失：标签清单 tagmanifest-sha256.txt",
        en: "missing: the tag manifest tagmanifest-sha256.txt",
    }
    VerifyOwnNoOxum = "verify.own-no-oxum" {
        zh: "bag-info.txt 中没有 Payload-Oxum",
        en: "bag-info.txt has no Payload-Oxum",
    }
    VerifySignatureMissing = "verify.signature-missing" {
        zh: "缺失：签名文件 {file}（要求核验签名，归档却未签名）",
        en: "missing: the signature {file} (a signature was required, but the archive is unsigned)",
    }
    VerifySignatureInvalid = "verify.signature-invalid" {
        zh: "签名无效：{file}（{reason}）",
        en: "invalid signature: {file} ({reason})",
    }
    VerifyNoTagManifest = "verify.no-tag-manifest" {
        zh: "没有可读的标签清单，签名无从核验",
        en: "there is no readable tag manifest to verify the signature against",
    }
    VerifySignatureNotUtf8 = "verify.signature-undecodable" {
        zh: "签名文件不是 UTF-8 文本",
        en: "the signature file is not UTF-8 text",
    }

    // -- verify --document and --qr: finding a document or a scanned page in the archive -------
    LookupUnreadable = "lookup.unreadable" {
        zh: "无法读取归档以查找文书：{error}",
        en: "cannot read the archive to look the document up: {error}",
    }
    LookupDocumentUnreadable = "lookup.document-unreadable" {
        zh: "无法读取 {path}：{error}",
        en: "cannot read {path}: {error}",
    }
    LookupDocumentFound = "lookup.document-found" {
        zh: "文书 {path} 在归档中，与 {entry} 逐字节相同（案例 {case}，文书 {kind}）",
        en: "the document {path} is in the archive, byte for byte {entry} (case {case}, kind {kind})",
    }
    LookupDocumentNotFound = "lookup.document-not-found" {
        zh: "文书 {path} 不在归档中：归档中没有 SHA-256 为 {sha256} 的文书（文件被改动过，或不是本批次的文书）",
        en: "the document {path} is not in the archive: no archived document has the SHA-256 {sha256} (the file was changed, or is not one of this batch)",
    }
    LookupQrNotOurs = "lookup.qr-not-ours" {
        zh: "这不是 spotcheck 文书页面的二维码（应以 SPOTCHECK1; 开头）",
        en: "this is not the QR code of a page made by spotcheck (that starts with SPOTCHECK1;)",
    }
    LookupQrField = "lookup.qr-field" {
        zh: "二维码内容有误：字段 {key} 缺失、重复、未知或格式不对",
        en: "the QR text is wrong: the field {key} is missing, repeated, unknown or malformed",
    }
    LookupQrRecord = "lookup.qr-record" {
        zh: "二维码：批次 {batch}，案例 {case}，文书 {kind}，第 {copy} 联，第 {page} 页",
        en: "QR code: batch {batch}, case {case}, kind {kind}, copy {copy}, page {page}",
    }
    LookupQrOtherBatch = "lookup.qr-other-batch" {
        zh: "该页属于批次 {batch}，不是本归档的批次",
        en: "the page belongs to the batch {batch}, not to this archive's",
    }
    LookupQrDocument = "lookup.qr-document" {
        zh: "归档中的记录：{entry}",
        en: "the record in the archive: {entry}",
    }
    LookupQrNoDocument = "lookup.qr-no-document" {
        zh: "归档中没有该案例的这种文书",
        en: "the archive holds no document of this kind for this case",
    }
    LookupQrNoCaseFile = "lookup.qr-no-case-file" {
        zh: "归档中没有案例 {case} 的案例文件",
        en: "the archive holds no case file of the case {case}",
    }
    LookupQrCaseSame = "lookup.qr-case-same" {
        zh: "该页据以生成的案例文件就是归档中的 {file}（SHA-256 一致）",
        en: "the page was made from the archived case file {file} (the SHA-256 matches)",
    }
    LookupQrCaseChanged = "lookup.qr-case-changed" {
        zh: "案例文件已改动：该页据以生成的案例文件与归档中的 {file} 不同（SHA-256 不一致）",
        en: "the case file has changed: the page was made from another case file than the archived {file} (the SHA-256 differs)",
    }
    LookupQrDraft = "lookup.qr-draft" {
        zh: "该页是草稿，二维码不含案例文件的 SHA-256，无法与归档中的 {file} 比对",
        en: "the page is a draft: its QR code names no SHA-256 of the case file to compare with the archived {file}",
    }

    // -- verify: the report ---------------------------------------------------------------------
    VerifyFindingRule = "verify.finding-rule" { zh: "{message}〔{rule}〕", en: "{message} [{rule}]" }
    VerifyWarningLine = "verify.warning-line" { zh: "警告：{message}", en: "warning: {message}" }
    VerifyArchive = "verify.archive" { zh: "归档：{archive}", en: "archive: {archive}" }
    VerifyArchiveBag = "verify.archive-bag" { zh: "归档：{archive}（{bag}）", en: "archive: {archive} ({bag})" }
    VerifyVerdictLine = "verify.verdict-line" { zh: "结论：{verdict} —— {detail}", en: "verdict: {verdict} — {detail}" }
    VerifyIntact = "verify.intact" { zh: "完好", en: "intact" }
    VerifyDamaged = "verify.damaged" { zh: "已损坏", en: "damaged" }
    VerifyUnreadableVerdict = "verify.unreadable-verdict" { zh: "无法读取", en: "unreadable" }
    VerifyUnknownReason = "verify.unknown-reason" { zh: "原因不明", en: "reason unknown" }
    VerifyIntactDetail = "verify.intact-detail" {
        zh: "{files} 个文件，共 {bytes} 字节，全部与清单一致",
        en: "{files} {files|file|files}, {bytes} {bytes|byte|bytes}, all as the manifests record them",
    }
    VerifyDamagedDetail = "verify.damaged-detail" {
        zh: "发现 {errors} 处问题：",
        en: "{errors} {errors|problem|problems} found:",
    }
    VerifyMoreWarnings = "verify.more-warnings" {
        zh: "另有 {warnings} 条警告（不影响结论，见标准错误输出）",
        en: "and {warnings} {warnings|warning|warnings} (they leave the verdict as it is; see standard error)",
    }
    VerifySigNotChecked = "verify.sig-not-checked" {
        zh: "签名：由密钥 {key} 签名（可信注释 “{comment}”），未对照可信公钥核验：任何人都能用自己的密钥重新签名，用 --pubkey 指定承检机构交付的公钥才能确认签名者",
        en: "signature: signed by key {key} (trusted comment “{comment}”), not checked against a trusted key: anyone can re-sign with a key of their own; give the lab's public key with --pubkey to know who signed",
    }
    VerifySigCovers = "verify.sig-covers" {
        zh: "签名覆盖标签清单 tagmanifest-sha256.txt，后者记录每个清单的校验值，清单又记录每个文件的校验值，故签名覆盖归档中的每个文件。不用本程序核验：解压后 minisign -Vm <批次>/tagmanifest-sha256.txt -p <公钥>；python3 -m bagit --validate <批次>；在 <批次> 中 sha256sum -c tagmanifest-sha256.txt 和 sha256sum -c manifest-sha256.txt",
        en: "the signature covers the tag manifest tagmanifest-sha256.txt, which records the checksum of every manifest, which records the checksum of every file: so it covers every file of the archive. Without this program: unzip, then minisign -Vm <batch>/tagmanifest-sha256.txt -p <public key>; python3 -m bagit --validate <batch>; in <batch>, sha256sum -c tagmanifest-sha256.txt and sha256sum -c manifest-sha256.txt",
    }
    CatalogueFailed = "archive.catalogue-failed" {
        zh: "无法生成归档文件目录：{error}",
        en: "cannot make the archive catalogue: {error}",
    }
    VerifyIntactUnchecked = "verify.intact-unchecked" {
        zh: "内容完好，签名未核验",
        en: "contents intact, signature not checked",
    }
    VerifyToFetch = "verify.to-fetch" {
        zh: "另有 {count} 个文件尚待按 fetch.txt 取回（归档尚不完整；要求完整时用 --complete）",
        en: "{count} {count|file|files} still to fetch as fetch.txt lists (the bag is not yet complete; --complete requires it to be)",
    }
    VerifyPdfa = "verify.pdfa" {
        zh: "PDF 文件 {pdfs} 份，其中 {declared} 份声明为 PDF/A（长期保存格式）",
        en: "{pdfs} {pdfs|PDF|PDFs}, of which {declared} declare PDF/A (the archival format)",
    }
    VerifyNotPdfa = "verify.not-pdfa" {
        zh: "  未声明 PDF/A：{path}",
        en: "  not declared PDF/A: {path}",
    }
    VerifyNotPdfaMore = "verify.not-pdfa-more" {
        zh: "  另有 {count} 份未声明 PDF/A",
        en: "  and {count} more not declared PDF/A",
    }
    VerifyOtherTagListed = "verify.other-tag-listed" {
        zh: "附加标签文件：{path}（标签清单记录其校验值）",
        en: "other tag file: {path} (its checksum is in the tag manifests)",
    }
    VerifyOtherTagUnlisted = "verify.other-tag-unlisted" {
        zh: "附加标签文件：{path}（不在标签清单中，没有校验值保护，也不在签名覆盖范围内）",
        en: "other tag file: {path} (not in the tag manifests: no checksum protects it, nor the signature)",
    }
    VerifySigValid = "verify.sig-valid" {
        zh: "签名：有效（密钥 {key}，{comment}）",
        en: "signature: valid (key {key}, {comment})",
    }
    VerifySigInvalid = "verify.sig-invalid" { zh: "签名：无效 —— {reason}", en: "signature: invalid — {reason}" }
    VerifySigMissing = "verify.sig-missing" { zh: "签名：缺失", en: "signature: missing" }

    // -- signing --------------------------------------------------------------------------------
    SignRead = "sign.read" {
        zh: "无法读取密钥文件 {path}：{reason}",
        en: "cannot read the key file {path}: {reason}",
    }
    SignBadSecretKey = "sign.bad-secret-key" {
        zh: "{path} 不是有效的 minisign 私钥：{reason}",
        en: "{path} is not a valid minisign secret key: {reason}",
    }
    SignEncrypted = "sign.encrypted" {
        zh: "私钥 {path} 设有口令：请用 --passphrase-file 指定写有口令的文件，或设置环境变量 SPOTCHECK_KEY_PASSPHRASE",
        en: "the secret key {path} has a passphrase: give a file holding it with --passphrase-file, or set SPOTCHECK_KEY_PASSPHRASE",
    }
    SignBadPublicKey = "sign.bad-public-key" {
        zh: "{path} 不是有效的 minisign 公钥：{reason}",
        en: "{path} is not a valid minisign public key: {reason}",
    }
    SignExists = "sign.exists" {
        zh: "{path} 已存在：为免覆盖原有私钥，请换一个文件夹，或先移走旧密钥",
        en: "{path} already exists: so as not to overwrite a key, choose another folder or move the old keys away first",
    }
    SignWrite = "sign.write" { zh: "无法写入 {path}：{reason}", en: "cannot write {path}: {reason}" }
    SignGenerate = "sign.generate" { zh: "生成密钥失败：{error}", en: "cannot make the key pair: {error}" }
    SignSelfCheck = "sign.self-check" {
        zh: "签名自检失败（签名无法用对应公钥验证）：{reason}",
        en: "the signature failed its self-check (the matching public key does not verify it): {reason}",
    }
    SignFirstLine = "sign.first-line" {
        zh: "第一行应为 untrusted comment",
        en: "the first line should be the untrusted comment",
    }
    SignSecretNotBase64 = "sign.secret-encoding" {
        zh: "第二行不是 base64 编码的密钥",
        en: "the second line is not a base64 key",
    }
    SignSecretLength = "sign.secret-length" { zh: "密钥长度不对", en: "the key has the wrong length" }
    SignKeyMismatch = "sign.key-mismatch" {
        zh: "私钥与其中的公钥不一致",
        en: "the secret key does not match the public key it holds",
    }
    SignPublicNotBase64 = "sign.public-encoding" {
        zh: "不是 base64 编码的公钥",
        en: "not a base64 public key",
    }
    SignPublicLength = "sign.public-length" {
        zh: "公钥长度或算法不对",
        en: "the public key has the wrong length or algorithm",
    }
    SignPublicInvalid = "sign.public-invalid" { zh: "公钥无效：{reason}", en: "invalid public key: {reason}" }
    SignIncomplete = "sign.incomplete" {
        zh: "签名文件不完整：应有四行",
        en: "the signature file is incomplete: it must have four lines",
    }
    SignMalformed = "sign.malformed" {
        zh: "签名文件格式不对：缺少 untrusted/trusted comment 行",
        en: "the signature file is malformed: an untrusted/trusted comment line is missing",
    }
    SignLineNotBase64 = "sign.line-encoding" { zh: "签名行不是 base64", en: "the signature line is not base64" }
    SignLength = "sign.length" { zh: "签名长度不对", en: "the signature has the wrong length" }
    SignAlgorithm = "sign.algorithm" {
        zh: "签名算法不是 minisign 的预哈希 Ed25519（ED）",
        en: "the signature algorithm is not minisign's prehashed Ed25519 (ED)",
    }
    SignGlobalNotBase64 = "sign.global-encoding" {
        zh: "全局签名行不是 base64",
        en: "the global signature line is not base64",
    }
    SignGlobalLength = "sign.global-length" {
        zh: "全局签名长度不对",
        en: "the global signature has the wrong length",
    }
    SignWrongKey = "sign.wrong-key" {
        zh: "签名所用密钥 {signed} 与所给公钥 {given} 不符",
        en: "the signature was made with the key {signed}, not with the public key given ({given})",
    }
    SignUnparsable = "sign.unparsable" {
        zh: "签名文件无法解析：{error}",
        en: "the signature file cannot be parsed: {error}",
    }
    SignDoesNotVerify = "sign.does-not-verify" {
        zh: "签名无效：标签清单在签名之后被改动，或签名本身被篡改",
        en: "the signature does not verify: the tag manifest was changed after signing, or the signature was tampered with",
    }

    // -- packing the archive --------------------------------------------------------------------
    ArchiveEvidence = "archive.evidence" { zh: "证据文件有误：\n{errors}", en: "evidence files in error:\n{errors}" }
    ArchiveEvidenceLine = "archive.evidence-line" {
        zh: "{file} evidence[{index}]：案例 {id} 的证据文件 “{path}” {why}",
        en: "{file} evidence[{index}]: the evidence file “{path}” of case {id} {why}",
    }
    ArchiveEvidenceBackslash = "archive.evidence-backslash" {
        zh: "含有反斜杠：路径请用 / 分隔",
        en: "contains a backslash: separate the path with /",
    }
    ArchiveEvidenceAbsolute = "archive.evidence-absolute" {
        zh: "是绝对路径：请写相对于批次文件夹的路径，如 evidence/案例编号/照片.jpg",
        en: "is an absolute path: write it relative to the batch folder, e.g. evidence/<case id>/photo.jpg",
    }
    ArchiveEvidenceSegment = "archive.evidence-segment" {
        zh: "含有空的、. 或 .. 路径段：请写批次文件夹内的直接路径",
        en: "has an empty, . or .. segment: write a plain path inside the batch folder",
    }
    ArchiveEvidenceUnreadable = "archive.evidence-unreadable" {
        zh: "无法读取：{error}",
        en: "cannot be read: {error}",
    }
    ArchiveEvidenceOutside = "archive.evidence-outside" {
        zh: "指向批次文件夹之外",
        en: "leads outside the batch folder",
    }
    ArchiveNotRegular = "archive.not-regular" { zh: "不是普通文件", en: "is not a regular file" }
    ArchiveCollision = "archive.collision" {
        zh: "归档中的路径 {path} 对应两个不同的文件：{first} 和 {second}",
        en: "the archive path {path} stands for two different files: {first} and {second}",
    }
    ArchiveBadPath = "archive.bad-path" { zh: "归档路径无效：{detail}", en: "invalid archive path: {detail}" }
    ArchiveNotInOutput = "archive.not-in-output" {
        zh: "{path} 不在输出文件夹中",
        en: "{path} is not inside the output folder",
    }
    ArchiveVolumeName = "archive.volume-name" {
        zh: "合订本文件名无效：{path}",
        en: "invalid file name of the bound volume: {path}",
    }
    ArchiveNameNotUtf8 = "archive.name-undecodable" {
        zh: "文件名不是 UTF-8：{path}",
        en: "the file name is not UTF-8: {path}",
    }
    ArchiveRead = "archive.read" { zh: "无法读取 {path}：{reason}", en: "cannot read {path}: {reason}" }
    ArchiveChanged = "archive.changed" {
        zh: "{path} 在打包过程中被改动（大小与开始时不同），请重新生成",
        en: "{path} changed while it was packed (its size is not what it was): build again",
    }
    ArchiveWrite = "archive.write" {
        zh: "无法写入归档 {path}：{reason}",
        en: "cannot write the archive {path}: {reason}",
    }

    // -- status -------------------------------------------------------------------------------
    StatusHeading = "status.heading" { zh: "{title}（{batch}）截至 {today}", en: "{title} ({batch}) as of {today}" }
    StatusStanding = "status.standing" { zh: "抽查进度：", en: "Progress:" }
    StatusDeadlines = "status.deadlines" { zh: "时限：", en: "Deadlines:" }
    StatusLateCases = "status.late-cases" { zh: "逾期的案例：", en: "Late cases: " }
    StatusOpenFollowups = "status.open-followups" { zh: "未办结的不合格后处理：", en: "Open follow-ups of unqualified lots: " }
    StatusNone = "status.none" { zh: "无", en: "none" }
    StatusTotal = "status.total" { zh: "合计", en: "Total" }
    StatusColCategory = "status.col-category" { zh: "类别", en: "Category" }
    StatusColPlanned = "status.col-planned" { zh: "计划", en: "Lots planned" }
    StatusColScheduled = "status.col-scheduled" { zh: "待抽样", en: "Cases planned" }
    StatusColVisited = "status.col-visited" { zh: "已走访", en: "Visited" }
    StatusColSampled = "status.col-sampled" { zh: "已抽样", en: "Sampled" }
    StatusColTested = "status.col-tested" { zh: "已检验", en: "Tested" }
    StatusColQualified = "status.col-qualified" { zh: "合格", en: "Qualified" }
    StatusColUnqualified = "status.col-unqualified" { zh: "不合格", en: "Unqualified" }
    StatusColRefused = "status.col-refused" { zh: "拒检", en: "Refused" }
    StatusColNotSampled = "status.col-not-sampled" { zh: "未抽到", en: "Not sampled" }
    StatusColShortfall = "status.col-shortfall" { zh: "尚缺", en: "Lots to go" }
    StatusColWhat = "status.col-what" { zh: "事项", en: "What" }
    StatusColDue = "status.col-due" { zh: "截止日期", en: "Deadline" }
    StatusColState = "status.col-state" { zh: "状态", en: "State" }
    StatusColLeft = "status.col-left" { zh: "剩余", en: "Left" }
    StatusColOutstanding = "status.col-outstanding" { zh: "未完成", en: "Outstanding" }
    StatusColDoneLate = "status.col-done-late" { zh: "逾期完成", en: "Done late" }
    StatusColCase = "status.col-case" { zh: "案例", en: "Case" }
    StatusColDueOn = "status.col-due-on" { zh: "应完成", en: "Due" }
    StatusColDoneOn = "status.col-done-on" { zh: "完成日期", en: "Done on" }
    StatusColDaysLate = "status.col-days-late" { zh: "逾期天数", en: "Days late" }
    StatusColFile = "status.col-file" { zh: "文件", en: "File" }
    StatusColParty = "status.col-party" { zh: "受检单位", en: "Enterprise" }
    StatusColCounty = "status.col-county" { zh: "负责部门", en: "Local body" }
    StatusColNotified = "status.col-notified" { zh: "通知日期", en: "Notified" }
    StatusColDaysOpen = "status.col-days-open" { zh: "已过天数", en: "Days open" }
    StatusDaysLeft = "status.days-left" { zh: "{days} 天", en: "{days} {days|day|days}" }
    StatusDaysPast = "status.days-past" { zh: "已过 {days} 天", en: "{days} {days|day|days} ago" }
    StatusDeadlineSampling = "status.deadline-sampling" { zh: "抽样", en: "Sampling" }
    StatusDeadlineDelivery = "status.deadline-delivery" { zh: "检验报告和结果通知送达", en: "Delivery of reports and result notices" }
    StatusDeadlineEcqs = "status.deadline-ecqs" { zh: "e-CQS 系统录入", en: "e-CQS entry" }
    StatusDeadlineAnalysis = "status.deadline-analysis" {
        zh: "质量分析报告和检验情况汇总表报送",
        en: "Quality analysis report and summary table",
    }
    StatusMet = "status.met" { zh: "已完成", en: "met" }
    StatusOpen = "status.open" { zh: "进行中", en: "open" }
    StatusOverdue = "status.overdue" { zh: "已逾期", en: "overdue" }
    StatusLateEcqsSampling = "status.late-ecqs-sampling" { zh: "抽样信息录入 e-CQS", en: "Sampling into e-CQS" }
    StatusLateEcqsResult = "status.late-ecqs-result" { zh: "检验结果录入 e-CQS", en: "Result into e-CQS" }
    StatusLateDelivery = "status.late-delivery" { zh: "检验结果送达", en: "Delivery of results" }
    StatusNotDone = "status.not-done" { zh: "未完成", en: "not done" }
    StatusUnassigned = "status.unassigned" { zh: "未指定", en: "unassigned" }
    StatusNotNotified = "status.not-notified" { zh: "未通知", en: "not notified" }

    // -- progress -----------------------------------------------------------------------------
    ProgressRender = "progress.render" { zh: "生成文书", en: "Rendering" }
    ProgressVolume = "progress.volume" { zh: "装订合订本", en: "Binding" }
    ProgressArchive = "progress.archive" { zh: "打包归档", en: "Packing" }

    // -- watch --------------------------------------------------------------------------------
    WatchStarted = "watch.started" {
        zh: "正在监视 {dir}：保存案例文件、batch.yaml 或模板后自动重新生成，按 Ctrl+C 退出",
        en: "watching {dir}: saving a case file, batch.yaml or a template renders again; Ctrl+C to stop",
    }
    ServeListening = "serve.listening" {
        zh: "spotcheck serve 已启动，批次 {dir}。请在浏览器中打开：\n    {url}\n按 Ctrl+C 退出",
        en: "spotcheck serve is running for the batch {dir}. Open in a browser:\n    {url}\nCtrl+C to stop",
    }
    ServeCannotStart = "serve.cannot-start" {
        zh: "无法在 {addr} 启动服务：{error}",
        en: "cannot serve on {addr}: {error}",
    }
    ServeStopped = "serve.stopped" {
        zh: "服务出错停止：{error}",
        en: "the server stopped on an error: {error}",
    }
    ServeBadToken = "serve.bad-token" {
        zh: "访问令牌只能由字母、数字、- 和 _ 组成，长度 16 到 128",
        en: "the access token may only hold letters, digits, - and _, 16 to 128 of them",
    }
    WatchEverything = "watch.everything" { zh: "全部文书", en: "every document" }
    WatchCases = "watch.cases" { zh: "案例 {cases}", en: "{cases|case|cases} {cases}" }
    WatchRendered = "watch.rendered" {
        zh: "已生成{what}：{documents} 份文书，用时 {seconds} 秒",
        en: "rendered {what}: {documents} {documents|document|documents} in {seconds} s",
    }
    WatchDraft = "watch.draft" {
        zh: "有 {errors} 处错误：文书每页标注“草稿”，改正后保存即重新生成",
        en: "{errors} {errors|error|errors}: every page is marked 草稿 (draft); save a correction to render again",
    }
    WatchLoadFailed = "watch.load-failed" {
        zh: "批次读取失败：{errors} 处错误，改正后保存即重试",
        en: "the batch cannot be read: {errors} {errors|error|errors}; save a correction to try again",
    }
    WatchFailed = "watch.failed" {
        zh: "无法监视文件变化：{error}",
        en: "cannot watch for changes: {error}",
    }

    // -- command-line help: `help.<command>`, `help.<command>.<option>`, `help.<option>` -------
    HelpSpotcheck = "help.spotcheck" {
        zh: "产品质量监督抽查文书：从案例 YAML 文件生成全部抽样文书和检验报告 PDF",
        en: "The paperwork of product quality supervision spot checks: every sampling form and inspection report as PDF, from YAML case files",
    }
    HelpLang = "help.lang" {
        zh: "提示信息的语言：zh 中文，en 英文；默认按环境变量 LC_ALL、LC_MESSAGES、LANG（en 开头为英文，其余为中文）",
        en: "language of the messages: zh Chinese, en English; by default from LC_ALL, LC_MESSAGES, LANG (en… is English, anything else Chinese)",
    }
    HelpQuiet = "help.quiet" {
        zh: "安静模式：不显示进度条和提示，只输出结果和错误",
        en: "quiet: no progress bars or notes, only results and errors",
    }
    HelpFontPath = "help.font-path" {
        zh: "额外的字体文件夹（可重复），其中的官方字体优先于内置字体",
        en: "an extra font folder (repeatable); official fonts in it take precedence over the built-in ones",
    }
    HelpNoSystemFonts = "help.no-system-fonts" {
        zh: "不使用系统已安装的字体（只用内置字体和 --font-path）",
        en: "do not use the fonts installed on the system (only the built-in ones and --font-path)",
    }
    HelpBatch = "help.batch" { zh: "批次文件夹（含 batch.yaml 和 cases/）", en: "the batch folder (with batch.yaml and cases/)" }
    HelpOut = "help.out" { zh: "输出文件夹", en: "the output folder" }
    HelpFormat = "help.format" {
        zh: "输出格式：text 供人阅读，json 供程序处理",
        en: "output format: text for people, json for programs",
    }
    HelpRender = "help.render" {
        zh: "生成案例文书 PDF：OUT/cases/<案例编号>/<文书>.pdf",
        en: "render the documents as PDF: OUT/cases/<case id>/<kind>.pdf",
    }
    HelpRenderCases = "help.render.cases" { zh: "只生成这些案例（可重复）", en: "only these cases (repeatable)" }
    HelpRenderKinds = "help.render.kinds" {
        zh: "只生成这些文书类型（可重复），见 spotcheck kinds",
        en: "only these document kinds (repeatable), see spotcheck kinds",
    }
    HelpRenderEmitTypst = "help.render.emit-typst" {
        zh: "同时在 PDF 旁写出生成的 .typ 源文件及其引用的排版库",
        en: "also write each generated .typ source beside its PDF, with the Typst library it imports",
    }
    HelpRenderDraft = "help.render.draft" { zh: "每页标注“草稿”", en: "mark every page 草稿 (draft)" }
    HelpRenderAllowErrors = "help.render.allow-errors" {
        zh: "批次有错误时仍然生成文书（一律作为草稿，每页标注“草稿”）",
        en: "render even when the batch has errors (as drafts, every page marked 草稿)",
    }
    HelpOfd = "help.ofd" {
        zh: "同时在每份 PDF 旁写出同页的 OFD 版式文件（GB/T 33190，<文书>.ofd）；batch.yaml 中 ofd: true 时默认如此",
        en: "also write beside every PDF an OFD file of the same pages (GB/T 33190, <kind>.ofd); the default when batch.yaml says ofd: true",
    }
    HelpPdfStandard = "help.pdf-standard" {
        zh: "PDF 标准（可重复），默认 a-2u（PDF/A-2u 归档格式）",
        en: "PDF standard (repeatable), a-2u by default (PDF/A-2u for archiving)",
    }
    HelpTemplates = "help.templates" {
        zh: "用此文件夹中的同名模板（*.typ.tera）代替内置模板",
        en: "use the templates (*.typ.tera) in this folder instead of the built-in ones of the same name",
    }
    HelpWatch = "help.watch" {
        zh: "实时预览：先生成全部文书，之后每当案例文件、batch.yaml 或模板保存时，只重新生成受影响的文书；出错时显示错误并继续监视",
        en: "live preview: render everything, then on every save of a case file, batch.yaml or a template render again what it affects; errors are shown and the watch goes on",
    }
    HelpWatchTemplates = "help.watch.templates" {
        zh: "同时监视此文件夹中的模板（*.typ.tera），并用它们代替内置模板",
        en: "also watch the templates (*.typ.tera) in this folder and use them instead of the built-in ones",
    }
    HelpWatchDraft = "help.watch.draft" {
        zh: "每页标注“草稿”（有错误的案例总是标注）",
        en: "mark every page 草稿 (draft); pages of a case with errors always are",
    }
    HelpWatchMaxRounds = "help.watch.max-rounds" {
        zh: "重新生成这么多轮后退出（供脚本和测试使用）",
        en: "stop after this many rounds of rendering (for scripts and tests)",
    }
    HelpServe = "help.serve" {
        zh: "在浏览器中办理批次：概况、案件表单（边填边检查）、文书实时预览；只在本机地址上服务，网址带访问令牌",
        en: "the batch in the browser: overview, case forms checked as you type, live preview of the documents; served on this machine only, the address carries an access token",
    }
    HelpServeOut = "help.serve.out" {
        zh: "预览和生成文书的输出文件夹，默认当前文件夹下的 out",
        en: "the output folder of previews and rendered documents, out in the current folder by default",
    }
    HelpServePort = "help.serve.port" {
        zh: "端口，默认 8484；0 表示任选一个空闲端口",
        en: "the port, 8484 by default; 0 picks a free one",
    }
    HelpServeListen = "help.serve.listen" {
        zh: "监听的地址，默认 127.0.0.1（仅本机）；改为其他地址会让网络上的其他电脑也能连接（仍需令牌）",
        en: "the address to listen on, 127.0.0.1 (this machine only) by default; another address lets other computers of the network connect (the token is still needed)",
    }
    HelpServeToken = "help.serve.token" {
        zh: "访问令牌；默认为该批次文件夹自己的令牌（首次启动时随机生成，保存在本机用户的状态文件夹中，重启后不变，已打开的页面可以继续使用）",
        en: "the access token; by default the batch folder's own (made at random on the first start, kept in the user's state folder on this machine, the same after a restart, so open pages go on working)",
    }
    HelpKeygenBatch = "help.keygen.batch" {
        zh: "批次文件夹：与 --lab 一起，以该承检机构的名称和资质认定编号作为密钥持有者",
        en: "the batch folder: with --lab, the key's holder is that lab, by its name and accreditation number",
    }
    HelpKeygenLab = "help.keygen.lab" {
        zh: "承检机构编号（batch.yaml labs 中的 id）",
        en: "the lab's id (of labs in batch.yaml)",
    }
    HelpKeygenPassphraseFile = "help.keygen.passphrase-file" {
        zh: "写有口令的文件（第一行）：私钥用它加密；也可用环境变量 SPOTCHECK_KEY_PASSPHRASE",
        en: "a file holding the passphrase (its first line) the secret key is encrypted with; SPOTCHECK_KEY_PASSPHRASE also gives one",
    }
    HelpBuildPassphraseFile = "help.build.passphrase-file" {
        zh: "私钥口令所在的文件（第一行），私钥设有口令时使用；也可用环境变量 SPOTCHECK_KEY_PASSPHRASE",
        en: "a file holding the secret key's passphrase (its first line), for a key that has one; SPOTCHECK_KEY_PASSPHRASE also gives it",
    }
    HelpBuildFinal = "help.build.final-archive" {
        zh: "最终归档：批次尚有未办结的事项（计划中的案例、未到期或未完成的时限、未办结的后处理）时拒绝生成，并列出这些事项；不加时生成的归档包标注“未完结”",
        en: "the final archive: refused, with what is open, while anything of the batch is open (planned cases, deadlines with something outstanding, open follow-ups); without it the archive is made and marked as open in its bag-info",
    }
    HelpServeLog = "help.serve.log" {
        zh: "把每个请求（时间、方法、路径、状态码、耗时）追加写入此文件；路径中的查询参数不写入",
        en: "append every request (time, method, path, status, duration) to this file; the query of the address is left out",
    }
    HelpServeNoOpen = "help.serve.no-open" {
        zh: "不自动打开浏览器，只显示网址",
        en: "do not open the browser, only print the address",
    }
    HelpServeToday = "help.serve.today" {
        zh: "按这一天计算概况（如 2023-08-01），默认今天",
        en: "the day the overview is computed for (e.g. 2023-08-01), today by default",
    }
    HelpCheck = "help.check" {
        zh: "按抽查通知的规则检查批次：退出码 0 无错误，1 有错误（含无法读取的案例文件），2 批次文件夹或 batch.yaml 无法读取",
        en: "check the batch against the rules of the notice: exit 0 no error, 1 errors (unreadable case files included), 2 the batch folder or batch.yaml cannot be read",
    }
    HelpStatus = "help.status" {
        zh: "批次进度：各类别完成情况、各项时限、逾期案例、未办结的后处理",
        en: "where the batch stands: progress per category, the deadlines, late cases, open follow-ups",
    }
    HelpStatusToday = "help.status.today" {
        zh: "按这一天计算（如 2023-08-01），默认今天",
        en: "the day to compute for (e.g. 2023-08-01), today by default",
    }
    HelpBuild = "help.build" {
        zh: "完整生成：检查批次，生成全部文书、合订本和汇总表，打包为归档 OUT/<批次编号>.zip",
        en: "the whole job: check the batch, render every document, the bound volume and the summary table, and pack the archive OUT/<batch id>.zip",
    }
    HelpBuildFormat = "help.build.format" {
        zh: "结果的输出格式：text 供人阅读，json 供程序处理（文书数、页数、合订本和归档）",
        en: "format of the result: text for people, json for programs (documents, pages, volume and archive)",
    }
    HelpBuildSign = "help.build.sign" {
        zh: "用此私钥（spotcheck keygen 生成）对归档签名；可重复：多家承检机构的批次每家用自己的密钥各签一次，第一把为主签名",
        en: "sign the archive with this secret key (made by spotcheck keygen); repeatable: in a batch of several labs each signs with its own key, the first the main signature",
    }
    HelpVerify = "help.verify" {
        zh: "核验归档或任何 BagIt 包（zip 或文件夹，RFC 8493 1.0 与 0.97）：逐一核对每个文件，报告缺失、多出和被改动的文件",
        en: "verify an archive or any BagIt bag (zip or folder, RFC 8493 1.0 and 0.97): check every file and name the missing, extra and altered ones",
    }
    HelpVerifyArchive = "help.verify.archive" {
        zh: "归档 zip 文件，或解压后的归档文件夹",
        en: "the archive zip, or the unzipped archive folder",
    }
    HelpVerifyPubkey = "help.verify.pubkey" {
        zh: "用此公钥核验签名（要求归档已签名）；不给时，已签名的归档只显示签名密钥的编号，退出状态为 3",
        en: "verify the signature with this public key (the archive must be signed); without it, a signed archive shows only its signing key's id, and the exit status is 3",
    }
    HelpVerifyComplete = "help.verify.complete" {
        zh: "要求归档完整：fetch.txt 列出而尚未取回的文件算作错误（默认只警告）",
        en: "require the bag to be complete: files fetch.txt lists that are not yet fetched are errors (by default, warnings)",
    }
    HelpVerifyDocument = "help.verify.document" {
        zh: "查找此 PDF 文件是否原样在归档中（属于哪个案例、哪种文书）",
        en: "say whether this PDF file, byte for byte, is in the archive (and which case and kind)",
    }
    HelpVerifyQr = "help.verify.qr" {
        zh: "查找扫描所得的文书页面二维码内容属于归档中的哪条记录，以及其案例文件是否仍是归档中的那份",
        en: "say which record of the archive a scanned page's QR text belongs to, and whether its case file is still the archived one",
    }
    HelpVerifyFormat = "help.verify.format" {
        zh: "输出格式：human 供人阅读，json 供程序读取",
        en: "output format: human for people, json for programs",
    }
    HelpKeygen = "help.keygen" {
        zh: "生成签名用的密钥对：DIR/spotcheck.key（私钥，无口令，妥善保管）和 DIR/spotcheck.pub（公钥）",
        en: "make a signing key pair: DIR/spotcheck.key (secret, no passphrase, keep it safe) and DIR/spotcheck.pub (public)",
    }
    HelpKeygenOwner = "help.keygen.owner" {
        zh: "密钥的持有者（承检机构名称），写入公钥文件，并写入每个签名的可信注释",
        en: "the key's owner (the lab's name), written into the public key file and into every signature's trusted comment",
    }
    HelpKeygenOut = "help.keygen.out" { zh: "密钥文件写入的文件夹", en: "the folder to write the key files into" }
    HelpSchema = "help.schema" {
        zh: "输出 batch.yaml 和案例文件的 JSON Schema（供编辑器补全和校验）",
        en: "print the JSON Schemas of batch.yaml and of case files (for editor completion and validation)",
    }
    HelpSchemaWhich = "help.schema.which" { zh: "只输出其中一种", en: "print only one of them" }
    HelpInit = "help.init" {
        zh: "新建批次文件夹：带中文注释的 batch.yaml、每种抽样情况各一个示例案例、证据文件夹，可立即检查和生成",
        en: "start a batch folder: batch.yaml commented in Chinese, one example case of each outcome, the evidence folder; it checks and builds at once",
    }
    HelpInitDir = "help.init.dir" {
        zh: "要创建的批次文件夹（须不存在或为空）",
        en: "the batch folder to create (must not exist, or be empty)",
    }
    HelpNewCase = "help.new-case" {
        zh: "新建案例文件：按类别取下一个编号，从 batch.yaml 填入类别、承检机构和抽样日期",
        en: "add a case file: the next number of the category, with the category, the lab and the visit date filled in from batch.yaml",
    }
    HelpNewCaseCategory = "help.new-case.category" {
        zh: "产品类别（batch.yaml 抽查计划中的一类）",
        en: "the product category (one of the plan in batch.yaml)",
    }
    HelpNewCaseOutcome = "help.new-case.outcome" {
        zh: "抽样情况：sampled 已抽样，refused 拒检，not-sampled 未抽到样品",
        en: "the outcome: sampled, refused, or not-sampled",
    }
    HelpNewCasePrefix = "help.new-case.prefix" {
        zh: "编号前缀（如 HF），不能是其他类别的前缀；默认为本类别的前缀：batch.yaml 的 prefixes 所定，或同类案例所用，或类别名称的拼音首字母（与其他类别相同时另取）",
        en: "the id prefix (e.g. HF), none of another category; by default the category's own: the one prefixes of batch.yaml gives, or its cases use, or the pinyin initials of its name (another when another category has those)",
    }
    HelpNewCaseDate = "help.new-case.date" {
        zh: "抽样日期（如 2025-03-02），须在抽样期间内；默认今天（今天不在抽样期间内时取期间最近的一天）",
        en: "the visit date (e.g. 2025-03-02), inside the sampling window; today by default (or the nearest day of the window)",
    }
    HelpImport = "help.import" {
        zh: "导入企业名单（.xlsx 或 .csv）：每行一个计划中的案例；列按中文表头识别，已有的案例不改动，有错误时不写入任何文件",
        en: "import an enterprise list (.xlsx or .csv): a planned case per row; columns found by their Chinese headers, existing cases left alone, nothing written when a row is wrong",
    }
    HelpImportFile = "help.import.file" { zh: "企业名单或台账文件（.xlsx 或 .csv）", en: "the enterprise list or ledger (.xlsx or .csv)" }
    HelpImportColumns = "help.import.columns" {
        zh: "指定某字段所在列的表头（可重复），如 --column 统一社会信用代码=信用代码",
        en: "the header of a field's column (repeatable): the field's own header or its case path, =, the sheet's header (see docs/import.md)",
    }
    HelpExport = "help.export" {
        zh: "写出承检机构台账（.xlsx）：每个案例一行，含环节和日期；可再次导入（不产生改动）",
        en: "write the lab's ledger (.xlsx): a row per case with its stage and dates; importing it again changes nothing",
    }
    HelpExportLedger = "help.export.ledger" { zh: "台账文件（.xlsx）", en: "the ledger file (.xlsx)" }
    HelpPack = "help.pack" {
        zh: "打印抽样包：每个抽样日一份 PDF（路线单、抽查通知书和现场文书，已知内容已填，其余留空手写），适合双面打印",
        en: "the visit pack: one PDF per day of visits (route sheet, notice and the forms of the visit, what is known printed, blanks for the rest), for duplex printing",
    }
    HelpPackDates = "help.pack.dates" { zh: "只打印这些日期的抽样（可重复），如 2024-04-16", en: "only the visits of these days (repeatable), e.g. 2024-04-16" }
    HelpPackCases = "help.pack.cases" { zh: "另为这些案例各打印一份（可重复）", en: "also one pack per case for these cases (repeatable)" }
    HelpPackOut = "help.pack.out" { zh: "输出文件夹（抽样包写在 OUT/pack/ 下）", en: "the output folder (packs go to OUT/pack/)" }
    HelpCompletions = "help.completions" {
        zh: "输出命令行补全脚本（bash、zsh、fish、powershell、elvish）",
        en: "print a shell completion script (bash, zsh, fish, powershell, elvish)",
    }
    HelpCompletionsShell = "help.completions.shell" { zh: "命令行外壳", en: "the shell" }
    HelpMan = "help.man" {
        zh: "输出手册页（roff 格式）；加 --out 时为每个子命令写一个 .1 文件",
        en: "print the manual page (roff); with --out, write one .1 file per command",
    }
    HelpManOut = "help.man.out" { zh: "写入此文件夹，而不是标准输出", en: "write into this folder instead of standard output" }
    HelpKinds = "help.kinds" { zh: "列出全部文书类型", en: "list every document kind" }
    HelpFonts = "help.fonts" {
        zh: "列出所用字体及其承担的字体风格",
        en: "list the fonts in use and the styles they serve",
    }

    // -- init and new-case --------------------------------------------------------------------
    InitNotEmpty = "init.not-empty" {
        zh: "文件夹 {dir} 已存在且不是空的：spotcheck init 只在新的或空的文件夹中创建批次，不覆盖任何文件",
        en: "the folder {dir} exists and is not empty: spotcheck init only creates a batch in a new or empty folder and overwrites nothing",
    }
    InitNotDir = "init.not-dir" {
        zh: "{dir} 已存在且不是文件夹",
        en: "{dir} exists and is not a folder",
    }
    InitWrite = "init.write" {
        zh: "无法写入 {path}：{error}",
        en: "cannot write {path}: {error}",
    }
    InitDone = "init.done" {
        zh: "已在 {dir} 创建示例批次：batch.yaml、{cases} 个示例案例（合格、不合格、拒检、未抽到样品、已抽样待检验各一）、证据文件夹 evidence/ 和编辑器用的 JSON Schema",
        en: "created a sample batch in {dir}: batch.yaml, {cases} example {cases|case|cases} (qualified, unqualified, refused, not sampled, sampled awaiting test), the evidence/ folder and JSON Schemas for editors",
    }
    InitNext = "init.next" {
        zh: "下一步：按本批次的通知改写 batch.yaml，用 spotcheck new-case {dir} --category 类别 添加案例，spotcheck check {dir} 检查，spotcheck build {dir} -o 输出文件夹 生成全部文书",
        en: "next: adapt batch.yaml to your notice, add cases with spotcheck new-case {dir} --category CATEGORY, check with spotcheck check {dir}, and build everything with spotcheck build {dir} -o OUT",
    }
    NewCaseCategory = "new-case.category" {
        zh: "类别 “{category}” 不在 batch.yaml 的抽查计划中（计划类别：{all}）",
        en: "the category “{category}” is not in the plan of batch.yaml (planned categories: {all})",
    }
    NewCaseBadPrefix = "new-case.bad-prefix" {
        zh: "编号前缀 “{prefix}” 只能由字母和数字组成",
        en: "the id prefix “{prefix}” may contain only letters and digits",
    }
    NewCaseExists = "new-case.exists" {
        zh: "{path} 已存在，未覆盖",
        en: "{path} already exists and was not overwritten",
    }
    NewCaseNoLab = "new-case.no-lab" {
        zh: "batch.yaml 中没有承检机构（labs），无法填写案例的 lab",
        en: "batch.yaml lists no lab (labs), so the case's lab cannot be filled in",
    }
    NewCaseDone = "new-case.done" {
        zh: "已创建案例 {id}：{path}（请按现场情况填写标注“待填写”的字段，再运行 spotcheck check）",
        en: "created case {id}: {path} (fill in the fields marked “待填写”, then run spotcheck check)",
    }

    // -- reading files: serde's and chrono's words, and full-width characters, in the user's
    // -- language (arguments of yaml.type, yaml.no-value, yaml.invalid-value, yaml.syntax)
    YamlNoValue = "yaml.no-value" {
        zh: "没有填写（这里应是{expected}）{hint}",
        en: "nothing is written here ({expected} is expected){hint}",
    }
    YamlInvalidValue = "yaml.invalid-value" {
        zh: "取值不对（写的是{found}，这里应是{expected}）{hint}",
        en: "invalid value ({found} where {expected} is expected){hint}",
    }
    YamlInvalidLength = "yaml.invalid-length" {
        zh: "项数不对（写了 {len} 项，这里应是{expected}）",
        en: "wrong number of items ({len} where {expected} is expected)",
    }
    YamlUnrecognized = "yaml.unrecognized" {
        zh: "取值不对：请按 docs/case-files.md 中此字段的说明填写",
        en: "invalid value: write it as docs/case-files.md describes this field",
    }
    YamlFoundBool = "yaml.found-bool" { zh: "真假值 {value}", en: "the boolean {value}" }
    YamlFoundInteger = "yaml.found-integer" { zh: "整数 {value}", en: "the whole number {value}" }
    YamlFoundFloat = "yaml.found-float" { zh: "小数 {value}", en: "the decimal number {value}" }
    YamlFoundText = "yaml.found-text" { zh: "文字 “{value}”", en: "the text “{value}”" }
    YamlFoundEmpty = "yaml.found-empty" { zh: "空值", en: "an empty value" }
    YamlFoundList = "yaml.found-list" { zh: "列表", en: "a list" }
    YamlFoundSection = "yaml.found-section" { zh: "带字段的一节", en: "a section with fields" }
    YamlFoundTagged = "yaml.found-tagged" { zh: "带 “!” 标签的值", en: "a value tagged with “!”" }
    YamlFoundOther = "yaml.found-other" { zh: "其他类型的值", en: "a value of another kind" }
    YamlExpText = "yaml.expected-text" { zh: "文字", en: "text" }
    YamlExpCount = "yaml.expected-count" { zh: "不带小数的正整数", en: "a whole number" }
    YamlExpInteger = "yaml.expected-integer" { zh: "整数", en: "an integer" }
    YamlExpNumber = "yaml.expected-number" { zh: "数字", en: "a number" }
    YamlExpBool = "yaml.expected-bool" { zh: "true 或 false", en: "true or false" }
    YamlExpDate = "yaml.expected-date" { zh: "日期", en: "a date" }
    YamlExpList = "yaml.expected-list" { zh: "列表", en: "a list" }
    YamlExpSection = "yaml.expected-section" { zh: "带字段的一节", en: "a section with fields" }
    YamlExpVariant = "yaml.expected-variant" { zh: "规定的取值之一", en: "one of the allowed values" }
    YamlExpField = "yaml.expected-field" { zh: "字段名", en: "a field name" }
    YamlExpAmount = "yaml.expected-amount" { zh: "金额", en: "an amount" }
    YamlExpOther = "yaml.expected-other" { zh: "其他类型的值", en: "a value of another kind" }
    YamlHintQuotePlain = "yaml.hint-quote-plain" {
        zh: "：像数字的文字要加英文引号",
        en: ": text that looks like a number goes in quotes",
    }
    YamlHintBrackets = "yaml.hint-brackets" {
        zh: "：以 “[” 或 “{{” 开头的文字要加英文引号",
        en: ": text starting with “[” or “{{” goes in quotes",
    }
    YamlHintAmount = "yaml.hint-amount" {
        zh: "：金额写作数字，如 {example}",
        en: ": write an amount as a number, e.g. {example}",
    }
    YamlDateChars = "yaml.date-chars" { zh: "含有日期中不能有的字符", en: "it holds characters a date cannot have" }
    YamlDateShort = "yaml.date-short" { zh: "不完整", en: "it is incomplete" }
    YamlDateRange = "yaml.date-range" {
        zh: "没有这一天：月或日超出范围",
        en: "no such day: the month or the day is out of range",
    }
    YamlDateTrailing = "yaml.date-trailing" { zh: "日期后面多出了字符", en: "characters follow the date" }
    YamlDateImpossible = "yaml.date-impossible" { zh: "没有这样的日期", en: "no such date" }
    YamlDateOther = "yaml.date-other" { zh: "格式不对", en: "it is malformed" }
    YamlProblemColon = "yaml.problem-colon" {
        zh: "这一行的字段名后缺少冒号，或冒号后没有空格：应写作 “字段: 值”（英文冒号加空格）",
        en: "the field name on this line lacks its colon, or the space after it: write “field: value”",
    }
    YamlProblemQuote = "yaml.problem-quote" {
        zh: "引号没有配对：这个值以引号开头，却找不到结尾的引号",
        en: "unmatched quote: this value opens a quote that is never closed",
    }
    YamlProblemEscape = "yaml.problem-escape" {
        zh: "双引号中的反斜杠 “\\” 后面是无效的转义：反斜杠本身请写作 “\\\\”，或改用单引号",
        en: "an invalid escape after a backslash “\\” in double quotes: write a backslash itself as “\\\\”, or use single quotes",
    }
    YamlProblemReserved = "yaml.problem-reserved" {
        zh: "值不能以 “{ch}” 开头：请给整个值加英文引号",
        en: "a value cannot begin with “{ch}”: put the whole value in quotes",
    }
    YamlProblemColonInValue = "yaml.problem-colon-in-value" {
        zh: "值中出现了 “: ”（冒号加空格），或这一行缩进过多：值中含 “: ” 时请给整个值加英文引号，否则请检查缩进",
        en: "“: ” (a colon and a space) stands in a value, or the line is indented too far: put such a value in quotes, or check the indentation",
    }
    YamlProblemBrackets = "yaml.problem-brackets" {
        zh: "方括号 “[ ]” 没有配对，或各项之间缺少逗号",
        en: "unmatched brackets “[ ]”, or a comma missing between items",
    }
    YamlProblemBraces = "yaml.problem-braces" {
        zh: "花括号 “{{ }}” 没有配对，或各项之间缺少逗号",
        en: "unmatched braces “{{ }}”, or a comma missing between items",
    }
    YamlProblemNoValue = "yaml.problem-no-value" {
        zh: "此处缺少值：请检查逗号、括号和 “- ” 之后是否写了内容",
        en: "a value is missing here: check what follows the commas, brackets and “- ”",
    }
    YamlProblemAnchor = "yaml.problem-anchor" {
        zh: "以 “*” 或 “&” 开头的值在 YAML 中有特殊含义：请给整个值加英文引号",
        en: "a value beginning with “*” or “&” means something else in YAML: put the whole value in quotes",
    }
    YamlProblemTag = "yaml.problem-tag" {
        zh: "以 “!” 开头的值在 YAML 中有特殊含义：请给整个值加英文引号",
        en: "a value beginning with “!” means something else in YAML: put the whole value in quotes",
    }
    YamlProblemBlock = "yaml.problem-block" {
        zh: "“|” 或 “>” 之后的多行文字写法不对：请检查其后各行的缩进",
        en: "the text after “|” or “>” is malformed: check the indentation of the lines that follow",
    }
    YamlProblemDocuments = "yaml.problem-documents" {
        zh: "文件中有 “---” 或 “%” 开头的行，成了不止一个文档：一个文件只写一份，请删去这些行",
        en: "lines starting with “---” or “%” make more than one document: a file holds one; delete those lines",
    }
    YamlProblemOther = "yaml.problem-other" {
        zh: "无法识别的写法：请检查该处的缩进、冒号、引号和括号",
        en: "unreadable here: check the indentation, colons, quotes and brackets",
    }
    YamlFullWidth = "yaml.full-width" {
        zh: "“{value}” 中的 {chars} 是全角字符（中文输入法下输入的）：应为 {fixed}",
        en: "“{value}” holds the full-width {chars} (typed with a Chinese input method on): write {fixed}",
    }
    YamlFullWidthThen = "yaml.full-width-then" {
        zh: "“{value}” 中的 {chars} 是全角字符（中文输入法下输入的），应改为半角 {fixed}，但改后仍不对：{problem}",
        en: "“{value}” holds the full-width {chars} (typed with a Chinese input method on); half-width it reads {fixed}, which is still wrong: {problem}",
    }
    YamlFullWidthLong = "yaml.full-width-long" {
        zh: "此处的 {chars} 是全角字符（中文输入法下输入的）：请改为半角字符",
        en: "{chars} here are full-width (typed with a Chinese input method on): write them half-width",
    }
    YamlFullWidthName = "yaml.full-width-name" {
        zh: "字段名 “{field}” 中的 {chars} 是全角字符（中文输入法下输入的）：应为 {fixed}",
        en: "the field name “{field}” holds the full-width {chars} (typed with a Chinese input method on): write {fixed}",
    }
    YamlFullWidthColon = "yaml.full-width-colon" {
        zh: "字段名后的 {chars} 是全角字符（中文输入法下输入的），YAML 因此读不出这个字段：应为半角冒号加空格，即 {fixed}",
        en: "{chars} after the field name is full-width (typed with a Chinese input method on), so YAML does not see the field: write a half-width colon and a space, {fixed}",
    }
    CreditFullWidth = "credit.full-width" {
        zh: "含全角字符 {chars}，应为 {fixed}",
        en: "it holds the full-width {chars}: write {fixed}",
    }
    CreditFullWidthThen = "credit.full-width-then" {
        zh: "含全角字符 {chars}，改为半角是 {fixed}，且{problem}",
        en: "it holds the full-width {chars}; half-width it reads {fixed}, and {problem}",
    }

    // -- the option parser: clap's help headings and errors, said again from the catalog ------
    CliUsageHeading = "cli.usage-heading" { zh: "用法：", en: "Usage: " }
    CliCommandsHeading = "cli.commands-heading" { zh: "命令：", en: "Commands:" }
    CliArgumentsHeading = "cli.arguments-heading" { zh: "参数：", en: "Arguments:" }
    CliOptionsHeading = "cli.options-heading" { zh: "选项：", en: "Options:" }
    CliHelpFlag = "cli.help-flag" { zh: "显示帮助", en: "Print help" }
    CliVersionFlag = "cli.version-flag" { zh: "显示版本", en: "Print version" }
    CliHelpCommand = "cli.help-command" {
        zh: "显示本帮助，或指定子命令的帮助",
        en: "Print this message or the help of the given subcommand(s)",
    }
    CliHelpCommandArg = "cli.help-command-arg" { zh: "要显示帮助的子命令", en: "the subcommand(s) to print the help of" }
    CliUnknownArgument = "cli.unknown-argument" {
        zh: "无法识别的参数 “{arg}”",
        en: "unexpected argument “{arg}”",
    }
    CliUnknownCommand = "cli.unknown-command" {
        zh: "无法识别的子命令 “{name}”",
        en: "unrecognized subcommand “{name}”",
    }
    CliMissingValue = "cli.missing-value" {
        zh: "“{arg}” 后面缺少值",
        en: "a value is required for “{arg}” but none was given",
    }
    CliInvalidValue = "cli.invalid-value" {
        zh: "“{arg}” 的值 “{value}” 无效",
        en: "invalid value “{value}” for “{arg}”",
    }
    CliValueRefused = "cli.value-refused" {
        zh: "“{arg}” 的值 “{value}” 无效：{reason}",
        en: "invalid value “{value}” for “{arg}”: {reason}",
    }
    CliNotANumber = "cli.not-a-number" { zh: "应为不带小数的正整数", en: "a whole number is expected" }
    CliNoReason = "cli.no-reason" { zh: "格式不对", en: "it is malformed" }
    CliMissingArgument = "cli.missing-argument" {
        zh: "缺少必需的参数：{args}",
        en: "missing required {args|argument|arguments}: {args}",
    }
    CliMissingCommand = "cli.missing-command" {
        zh: "“{name}” 后面需要一个子命令",
        en: "“{name}” requires a subcommand",
    }
    CliConflict = "cli.conflict" {
        zh: "参数 “{arg}” 不能与 “{other}” 同时使用",
        en: "the argument “{arg}” cannot be used with “{other}”",
    }
    CliRepeated = "cli.repeated" {
        zh: "参数 “{arg}” 只能使用一次",
        en: "the argument “{arg}” can be used only once",
    }
    CliTooManyValues = "cli.too-many-values" {
        zh: "“{arg}” 多出了值 “{value}”",
        en: "unexpected value “{value}” for “{arg}”; no more were expected",
    }
    CliNotUtf8 = "cli.not-unicode" { zh: "参数不是有效的 UTF-8 文本", en: "an argument is not valid UTF-8" }
    CliBadArguments = "cli.bad-arguments" { zh: "命令行参数有误", en: "the arguments are wrong" }
    CliPossible = "cli.possible" { zh: "可用的值：{values}", en: "possible values: {values}" }
    CliDidYouMean = "cli.did-you-mean" { zh: "提示：是否想用 “{value}”？", en: "tip: did you mean “{value}”?" }
    CliTrailing = "cli.trailing" {
        zh: "提示：如要把 “{arg}” 作为值传入，请写 “-- {arg}”",
        en: "tip: to pass “{arg}” as a value, write “-- {arg}”",
    }
    CliValuesNote = "cli.values-note" { zh: "（可用的值：{values}）", en: " [possible values: {values}]" }
    CliDefaultNote = "cli.default-note" { zh: "（默认：{value}）", en: " [default: {value}]" }
    CliTryHelp = "cli.try-help" { zh: "更多信息请运行 “{help}”。", en: "For more information, try “{help}”." }

    // -- new-case: the visit date and the domain -------------------------------------------
    HelpNewCaseDomain = "help.new-case.domain" {
        zh: "抽样领域：生产 或 流通",
        en: "the domain of the visit: production or circulation",
    }
    NewCaseBatchErrors = "new-case.batch-errors" {
        zh: "batch.yaml 无法读取，未创建案例：\n{findings}",
        en: "batch.yaml cannot be read; no case was created:\n{findings}",
    }
    NewCaseOutsideWindow = "new-case.outside-window" {
        zh: "抽样日期 {date} 不在本批次的抽样期间（{start} 至 {end}）内，未创建案例：请改正 --date",
        en: "the visit date {date} is outside the sampling window ({start} to {end}); no case was created: correct --date",
    }

    // -- credit-code ------------------------------------------------------------------------
    HelpCreditCode = "help.credit-code" {
        zh: "核对统一社会信用代码（GB 32100-2015）：是否有效；无效时给出正确的校验位和改正后的代码。退出码 0 有效，1 无效",
        en: "check a unified social credit code (GB 32100-2015): whether it is valid and, if not, the correct check character and the corrected code. Exit 0 valid, 1 invalid",
    }
    HelpCreditCodeCode = "help.credit-code.code" { zh: "要核对的 18 位代码", en: "the 18-character code to check" }
    CreditValid = "credit.valid" {
        zh: "统一社会信用代码 {code} 有效",
        en: "the unified social credit code {code} is valid",
    }
    CreditInvalid = "credit.invalid" {
        zh: "统一社会信用代码 “{code}” 无效：{problem}",
        en: "the unified social credit code “{code}” is invalid: {problem}",
    }
    CreditCorrectCheck = "credit.correct-check" {
        zh: "按前 17 位，校验位应为 {ch}，代码应为：{fixed}",
        en: "from the first 17 characters, the check character is {ch}: the code reads {fixed}",
    }
    CreditCorrected = "credit.corrected" { zh: "改正后的代码：{fixed}", en: "corrected, the code reads {fixed}" }

    // -- case id prefixes, the suggestions of messages, status (issue 31) -------------------------
    PrefixChosen = "prefix.chosen" {
        zh: "类别 “{category}” 的案例编号前缀为 {prefix}（{why}）",
        en: "the cases of the category “{category}” take the id prefix {prefix} ({why})",
    }
    PrefixWhyTable = "prefix.why-table" { zh: "batch.yaml 的 prefixes 所定", en: "as prefixes of batch.yaml gives it" }
    PrefixWhyDerived = "prefix.why-derived" {
        zh: "取自类别名称的拼音首字母；可在 batch.yaml 的 prefixes 中另定",
        en: "the pinyin initials of the category; prefixes of batch.yaml may give another",
    }
    PrefixWhyFree = "prefix.why-free" {
        zh: "{wanted} 已属于类别 “{owner}”，故另取；可在 batch.yaml 的 prefixes 中另定",
        en: "{wanted} belongs to the category “{owner}”, so another was taken; prefixes of batch.yaml may give another",
    }
    PrefixTaken = "prefix.taken" {
        zh: "编号前缀 {prefix} 已属于类别 “{owner}”（{how}）：一个前缀只能属于一个类别，否则两类案例的编号混在同一序列中",
        en: "the id prefix {prefix} belongs to the category “{owner}” ({how}): a prefix belongs to one category, or the ids of two categories would share one series",
    }
    PrefixOwnedTable = "prefix.owned-table" { zh: "batch.yaml 的 prefixes", en: "prefixes of batch.yaml" }
    PrefixOwnedCases = "prefix.owned-cases" { zh: "其案例 {id} 等", en: "its case {id} among others" }
    PrefixOwnedDerived = "prefix.owned-derived" {
        zh: "取自该类别名称，留给其第一个案例",
        en: "from that category's name, kept for its first case",
    }
    NewCasePrefixAnother = "new-case.prefix-another" {
        zh: "未创建案例：请用 --prefix 另选前缀，或不写 --prefix，由 new-case 选取本类别的前缀",
        en: "no case was created: choose another prefix with --prefix, or leave --prefix out and new-case takes the category's own",
    }
    PrefixesCategory = "rule.prefixes-category" {
        zh: "prefixes 中的 “{category}” 不是抽查计划中的类别（计划类别：{all}）",
        en: "“{category}” in prefixes is not a category of the plan (planned categories: {all})",
    }
    PrefixesBad = "rule.prefixes-bad" {
        zh: "编号前缀 “{prefix}” 只能由字母和数字组成，如 HF",
        en: "the id prefix “{prefix}” may contain only letters and digits, e.g. HF",
    }
    PrefixesTwice = "rule.prefixes-twice" {
        zh: "编号前缀 {prefix} 已给了类别 “{first}”：一个前缀只能属于一个类别，请为 “{category}” 另定前缀",
        en: "the id prefix {prefix} is already given to the category “{first}”: a prefix belongs to one category; give “{category}” another",
    }
    CasePrefixTable = "rule.case-prefix-table" {
        zh: "编号前缀 {prefix} 在 batch.yaml 的 prefixes 中属于类别 “{owner}”，本案例的类别却是 “{category}”：一个前缀只能属于一个类别，否则两类案例的编号混在同一序列中；请改用本类别的前缀 {suggested} 并相应改正编号",
        en: "the id prefix {prefix} belongs to the category “{owner}” in prefixes of batch.yaml, but this case is of the category “{category}”: a prefix belongs to one category, or the ids of two categories share one series; use this category's prefix {suggested} and correct the id",
    }
    CasePrefixCase = "rule.case-prefix-case" {
        zh: "编号前缀 {prefix} 已由类别 “{owner}” 的案例 {first}（{file}）使用，本案例的类别却是 “{category}”：一个前缀只能属于一个类别，否则两类案例的编号混在同一序列中；请改用本类别的前缀 {suggested} 并相应改正编号（或在 batch.yaml 的 prefixes 中为两类各定前缀）",
        en: "the id prefix {prefix} is used by the case {first} ({file}) of the category “{owner}”, but this case is of the category “{category}”: a prefix belongs to one category, or the ids of two categories share one series; use this category's prefix {suggested} and correct the id (or give each category its prefix in prefixes of batch.yaml)",
    }
    StatusMetOn = "status.met-on" { zh: "已于 {date}完成", en: "met on {date}" }
    StatusNotYet = "status.not-yet" { zh: "未到", en: "not yet" }
    ArchiveUnset = "archive.unset" {
        zh: "档案管理信息未填写{label}（batch.yaml 的 archive.{field}）：归档包{instead}；请向档案部门确认后填写",
        en: "the records metadata lacks archive.{field} of batch.yaml ({label}): the archive {instead}; ask the records office and fill it in",
    }
    ArchiveUnsetAll = "archive.unset-all" {
        zh: "batch.yaml 没有档案管理信息（archive：全宗号、保管期限、机构（问题）、密级、归档人）：归档包不生成档号，保管期限按定期30年、密级按公开著录并注明缺省；请向档案部门确认后填写",
        en: "batch.yaml has no records metadata (archive: fonds_no, retention, organization, classification, archivist): the archive gets no archival numbers and records the default retention and classification, marked as defaults; ask the records office and fill them in",
    }
    ArchiveInsteadNoNumber = "archive.instead-no-number" { zh: "不生成档号", en: "gets no archival numbers" }
    ArchiveInsteadRetention = "archive.instead-retention" {
        zh: "按定期30年著录并注明缺省",
        en: "records the default retention (30 years), marked as a default",
    }
    ArchiveInsteadNoOrg = "archive.instead-no-org" {
        zh: "档号不含机构（问题）代码",
        en: "numbers documents without the organization part",
    }
    ArchiveInsteadClass = "archive.instead-class" {
        zh: "按公开著录并注明缺省",
        en: "records the default classification (public), marked as a default",
    }
    ArchiveInsteadNoArchivist = "archive.instead-no-archivist" { zh: "不著录归档人", en: "names no archivist" }
    BuildSameKey = "build.same-key" {
        zh: "--sign 两次给出同一密钥（{first} 和 {again}）：每个签名者用自己的密钥各签一次",
        en: "--sign gives one key twice ({first} and {again}): each signer signs once, with a key of its own",
    }
    VerifyCosignature = "verify.cosignature" {
        zh: "联署签名 {file}：密钥编号 {key}，可信注释：{comment}（以所称为准，未核验：用该签名者的公钥 --pubkey 核验）",
        en: "co-signature {file}: key id {key}, trusted comment: {comment} (as it claims, unverified: check it with its signer's public key, --pubkey)",
    }
    PdfSignFailed = "pdfsign.failed" { zh: "PDF 签名失败：{reason}", en: "the PDF signature failed: {reason}" }
    PdfSignExists = "pdfsign.exists" {
        zh: "{path} 已存在：为免覆盖原有签名证书或私钥，未写入",
        en: "{path} already exists: nothing written, so as not to replace a signing certificate or key",
    }
    PdfSignRead = "pdfsign.read" { zh: "无法读取签名证书或私钥 {path}：{reason}", en: "cannot read the signing certificate or key {path}: {reason}" }
    PdfSignMismatch = "pdfsign.mismatch" {
        zh: "{dir} 中的私钥与证书不是一对：请放入同一次生成（或 CA 签发给此私钥）的证书",
        en: "the key and the certificate in {dir} are not a pair: put in the certificate made with (or issued for) this key",
    }
    PdfSigRanges = "pdfsig.ranges" { zh: "签名的字节范围（ByteRange）无效", en: "the signature's byte ranges (ByteRange) are invalid" }
    PdfSigCms = "pdfsig.cms" { zh: "签名数据无法读取：{reason}", en: "the signature data cannot be read: {reason}" }
    PdfSigAltered = "pdfsig.altered" {
        zh: "签名后文件内容被改动：签名不再成立",
        en: "the file was changed after it was signed: the signature no longer holds",
    }
    KeygenX509Done = "keygen.x509-done" {
        zh: "已生成 PDF 签名证书 {cert} 和私钥 {key}（ECDSA P-256；私钥无口令，仅本人可读，请妥善保管）",
        en: "PDF signing certificate {cert} and key {key} made (ECDSA P-256; the key has no passphrase and is readable by you alone: keep it safe)",
    }
    KeygenX509SelfIssued = "keygen.x509-self-issued" {
        zh: "注意：这是自签证书，只供试用：PDF 阅读器会显示签名完好，但签名者身份须由收件人导入此证书（signing-cert.pem）为可信后才被认可；正式使用请换成 CA 签发的证书和私钥（PEM，同名放入此文件夹）",
        en: "note: this certificate is self-issued, for trials: a PDF reader shows the signature intact, but the signer is trusted only once the recipient imports signing-cert.pem as trusted; for real use put a CA-issued certificate and key (PEM, same names) in this folder",
    }
    HelpKeygenX509 = "help.keygen.x509" {
        zh: "改为生成 PDF 签名用的 X.509 证书和私钥（自签，供试用），供 build --sign-pdf 和 render --sign-pdf 使用",
        en: "make an X.509 certificate and key for PDF signatures instead (self-issued, for trials), for build --sign-pdf and render --sign-pdf",
    }
    HelpBuildSignPdf = "help.build.sign-pdf" {
        zh: "用此文件夹中的证书和私钥（signing-cert.pem、signing-key.pem）对检验报告和检验结果通知书加 PDF 签名",
        en: "sign the inspection reports and result notices as PDF signatures with the certificate and key in this folder (signing-cert.pem, signing-key.pem)",
    }
    HelpRenderSignPdf = "help.render.sign-pdf" {
        zh: "用此文件夹中的证书和私钥（signing-cert.pem、signing-key.pem）对检验报告和检验结果通知书加 PDF 签名（草稿不签）",
        en: "sign the inspection reports and result notices as PDF signatures with the certificate and key in this folder (signing-cert.pem, signing-key.pem); drafts are not signed",
    }
    VerifyPdfUnsigned = "verify.pdf-unsigned" { zh: "PDF 签名：本文件没有 PDF 签名", en: "PDF signature: the file has none" }
    VerifyPdfSigned = "verify.pdf-signed" {
        zh: "PDF 签名：完好，签名者 {signer}，签名时间 {time}（签名者是否可信，取决于其证书是否为您信任的证书）",
        en: "PDF signature: intact, signed by {signer} at {time} (whether the signer is trusted depends on whether its certificate is one you trust)",
    }
    VerifyPdfAppended = "verify.pdf-appended" {
        zh: "PDF 签名：签名者 {signer}（{time}）签名的内容完好，但签名之后文件又被追加了内容：追加部分未经签名",
        en: "PDF signature: what {signer} signed ({time}) is intact, but the file was added to after signing: the addition is not signed",
    }
    VerifyPdfBroken = "verify.pdf-broken" {
        zh: "PDF 签名：不成立（签名者 {signer}）：{reason}",
        en: "PDF signature: does not hold (signer {signer}): {reason}",
    }
}

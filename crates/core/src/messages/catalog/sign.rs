// The message catalog, part 5 of 8: signing, packing the archive, status, progress, watch.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_sign {
    ($($before:tt)*) => { catalog_help! {
    $($before)*
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
    StatusRechecks = "status.rechecks" { zh: "复查（另计）", en: "Re-inspections (apart)" }
    StatusSteps = "status.steps" { zh: "确认、异议和复检的期限：", en: "Deadlines of confirmations, objections and re-tests:" }
    StatusStepShop = "status.step-shop" { zh: "网店确认样品信息", en: "Shop confirms the sample" }
    StatusStepMaker = "status.step-maker" { zh: "标称生产者样品确认", en: "Maker confirms the sample" }
    StatusStepDecision = "status.step-decision" { zh: "复检申请受理决定", en: "Decision on the objection" }
    StatusStepRetest = "status.step-retest" { zh: "复检报告", en: "Re-test report" }
    StatusStepFinal = "status.step-final" { zh: "复检结论通知", en: "Notice of the final conclusion" }
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
    } };
}

// The message catalog, part 8 of 8: the words of serve's pages, ids `page.<key>` (`t.<key>`
// in its templates, `text::get` in its code; the key has `_` for the id's `-`).
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_serve {
    ($($before:tt)*) => { catalog! {
    $($before)*
    // -- serve: the words of the pages ------------------------------------------------------
    PageApp = "page.app" { zh: "抽查文书", en: "Spot checks" }
    PageNavHome = "page.nav-home" { zh: "概况", en: "Overview" }
    PageNavCases = "page.nav-cases" { zh: "案件", en: "Cases" }
    PageNavWork = "page.nav-work" { zh: "办理", en: "Work" }
    PageSwitchLang = "page.switch-lang" { zh: "English", en: "中文" }
    PageSwitchLangCode = "page.switch-lang-code" { zh: "en", en: "zh" }
    PageErrorTitle = "page.error-title" { zh: "出错了", en: "Something went wrong" }
    PageBackHome = "page.back-home" { zh: "返回概况", en: "Back to the overview" }
    PageNotFound = "page.not-found" { zh: "没有这个页面。", en: "There is no such page." }
    PageNoToken = "page.no-token" {
        zh: "拒绝访问：缺少访问令牌或令牌不正确。请使用启动 spotcheck serve 时显示的完整网址（含 ?token=…）打开。",
        en: "Access refused: the access token is missing or wrong. Open the full address spotcheck serve printed when it started (with ?token=…).",
    }
    PageSignedOut = "page.signed-out" {
        zh: "登录已失效（程序可能已重新启动）：请用 spotcheck serve 显示的网址在新的标签页中重新打开，再回到本页点“保存”。本页填写的内容仍保留。",
        en: "You are signed out (the program may have restarted): open the address spotcheck serve printed in a new tab, then come back and press Save. What you typed here is kept.",
    }
    PageBadHost = "page.bad-host" {
        zh: "拒绝访问：请求的主机名不是本机地址。请使用 spotcheck serve 显示的网址。",
        en: "Access refused: the host name of the request is not this machine's address. Use the address spotcheck serve printed.",
    }
    PageCrossOrigin = "page.cross-origin" {
        zh: "拒绝执行：此操作只能从本程序自己的页面发起。",
        en: "Refused: this action can only come from this program's own pages.",
    }
    PageLoadFailed = "page.load-failed" {
        zh: "批次无法读取，请先改正以下错误：",
        en: "The batch cannot be read; correct these errors first:",
    }
    PageNoCase = "page.no-case" { zh: "批次中没有这个案例。", en: "The batch has no such case." }
    PageBadForm = "page.bad-form" { zh: "表单无法识别：", en: "The form cannot be read: " }
    PageConflict = "page.conflict" {
        zh: "案例文件在打开表单之后已被修改（可能在别处编辑过），本次未保存。请重新打开此页，再做修改。",
        en: "The case file was changed after this form was opened (perhaps edited elsewhere); nothing was saved. Reload the page and make the change again.",
    }
    PageReload = "page.reload" { zh: "重新打开", en: "Reload" }
    PageUnreadable = "page.unreadable" {
        zh: "表单中有无法读取的值（见标出的字段），未保存。",
        en: "Some values cannot be read (see the marked fields); nothing was saved.",
    }
    PageSaved = "page.saved" { zh: "已保存", en: "Saved" }
    PageSavedPreviewFailed = "page.saved-preview-failed" {
        zh: "已保存，但预览未能更新（右侧仍是上一版的页面）：",
        en: "Saved, but the preview could not be made again (the pages beside are the earlier version's): ",
    }
    PagePreviewFailed = "page.preview-failed" {
        zh: "预览未能生成，显示的是上一版的页面：",
        en: "The preview could not be made; the pages shown are the earlier version's: ",
    }
    PageSaving = "page.saving" { zh: "正在保存…", en: "Saving…" }
    PageSave = "page.save" { zh: "保存", en: "Save" }
    PageChecking = "page.checking" { zh: "正在检查…", en: "Checking…" }
    PageDashToday = "page.dash-today" { zh: "日期", en: "day" }
    PageDashCases = "page.dash-cases" { zh: "个案例", en: "cases" }
    PageDashPlan = "page.dash-plan" { zh: "计划完成情况", en: "The plan" }
    PageDashDeadlines = "page.dash-deadlines" { zh: "时限", en: "Deadlines" }
    PageDashDueThisWeek = "page.dash-due-this-week" { zh: "本周到期", en: "due this week" }
    PageDashOutstanding = "page.dash-outstanding" { zh: "未完成", en: "outstanding" }
    PageDashDoneLate = "page.dash-done-late" { zh: "逾期完成", en: "done late" }
    PageDashLate = "page.dash-late" { zh: "逾期案例", en: "Late cases" }
    PageDashDue = "page.dash-due" { zh: "应于", en: "due" }
    PageDashDays = "page.dash-days" { zh: "天", en: "days" }
    PageDashFollowups = "page.dash-followups" { zh: "未办结的后处理", en: "Open follow-ups" }
    PageDashNone = "page.dash-none" { zh: "无", en: "none" }
    PageCasesTitle = "page.cases-title" { zh: "案件", en: "Cases" }
    PageFilter = "page.filter" { zh: "筛选", en: "Filter" }
    PageFilterAll = "page.filter-all" { zh: "全部", en: "all" }
    PageFilterClear = "page.filter-clear" { zh: "清除", en: "Clear" }
    PageColId = "page.col-id" { zh: "案例编号", en: "Case" }
    PageColStage = "page.col-stage" { zh: "环节", en: "Stage" }
    PageColCategory = "page.col-category" { zh: "产品类别", en: "Category" }
    PageColParty = "page.col-party" { zh: "受检单位", en: "Party" }
    PageColLab = "page.col-lab" { zh: "承检机构", en: "Lab" }
    PageColCounty = "page.col-county" { zh: "属地监管部门", en: "County bureau" }
    PageColDate = "page.col-date" { zh: "抽样日期", en: "Visit date" }
    PageShownOf = "page.shown-of" { zh: "显示", en: "showing" }
    PageStagePlanned = "page.stage-planned" { zh: "计划中", en: "planned" }
    PageStageSampled = "page.stage-sampled" { zh: "已抽样", en: "sampled" }
    PageStageRefused = "page.stage-refused" { zh: "拒检", en: "refused" }
    PageStageNotSampled = "page.stage-not-sampled" { zh: "未抽到样品", en: "not sampled" }
    PageSecGeneral = "page.sec-general" { zh: "基本信息", en: "General" }
    PageSecVisit = "page.sec-visit" { zh: "抽样现场", en: "The visit" }
    PageSecSampled = "page.sec-sampled" { zh: "样品、封样与付费", en: "Sample, seals and payment" }
    PageSecRefused = "page.sec-refused" { zh: "拒检", en: "Refusal" }
    PageSecNotSampled = "page.sec-not-sampled" { zh: "未抽到样品", en: "Nothing sampled" }
    PageSecTested = "page.sec-tested" { zh: "检验、送达与后处理", en: "Test, delivery and follow-up" }
    PageFindingsOther = "page.findings-other" { zh: "其他检查结果", en: "Other findings" }
    PageErrorsN = "page.errors-n" { zh: "处错误", en: "errors" }
    PagePreview = "page.preview" { zh: "文书预览", en: "Documents" }
    PagePreviewWait = "page.preview-wait" { zh: "正在生成预览…", en: "Rendering the preview…" }
    PageDraftNote = "page.draft-note" {
        zh: "有错误，文书标注“草稿”",
        en: "There are errors: the documents are marked 草稿 (draft)",
    }
    PageFile = "page.file" { zh: "文件", en: "file" }
    PageSections = "page.sections" { zh: "目录", en: "Sections" }
    PageDocuments = "page.documents" { zh: "文书（PDF，可打印）", en: "Documents (PDF, ready to print)" }
    PageEvidenceTitle = "page.evidence-title" {
        zh: "上传证据（照片、视频）",
        en: "Upload evidence (photos, videos)",
    }
    PageEvidenceHelp = "page.evidence-help" {
        zh: "选择照片或视频（jpg、png、heic、mp4、mov、avi、pdf），上传后记入“证据文件”，点“保存”后生效。",
        en: "Choose photos or videos (jpg, png, heic, mp4, mov, avi, pdf); once uploaded they are added to the evidence list and kept when you press Save.",
    }
    PageEvidenceGo = "page.evidence-go" { zh: "上传", en: "Upload" }
    PageEvidenceUploaded = "page.evidence-uploaded" {
        zh: "已上传，已加入“证据文件”；请点“保存”。",
        en: "Uploaded and added to the evidence list; press Save.",
    }
    PageEvidenceNotMedia = "page.evidence-not-media" {
        zh: "只能上传照片或视频（jpg、png、heic、mp4、mov、avi、pdf）：",
        en: "Only photos and videos can be uploaded (jpg, png, heic, mp4, mov, avi, pdf): ",
    }
    PageEvidenceTooLarge = "page.evidence-too-large" {
        zh: "文件过大：一次上传不能超过 1 GB。",
        en: "The files are too large: at most 1 GB at once.",
    }
    PageDelete = "page.delete" { zh: "删除此案例", en: "Delete this case" }
    PageDeleteConfirm = "page.delete-confirm" {
        zh: "确定删除此案例？案例文件将移入备份文件夹（.spotcheck-backup），可以找回；证据文件保留。",
        en: "Delete this case? Its file is moved to the backup folder (.spotcheck-backup), from where it can be restored; its evidence stays.",
    }
    PageDeleted = "page.deleted" {
        zh: "已删除案例（案例文件已移入备份文件夹 .spotcheck-backup，可以找回）：",
        en: "Case deleted (its file was moved to the backup folder .spotcheck-backup, from where it can be restored): ",
    }
    PageUnsaved = "page.unsaved" { zh: "有尚未保存的修改。", en: "There are changes not yet saved." }
    PageRestored = "page.restored" {
        zh: "已恢复上次未保存的修改（例如程序重启前填写的内容）。核对后点“保存”；或",
        en: "The changes not saved last time were restored (typed before a restart, say). Check them and press Save; or ",
    }
    PageDiscard = "page.discard" { zh: "放弃这些修改", en: "discard them" }
    PageConflictTheirs = "page.conflict-theirs" { zh: "文件中现为：", en: "The file now says: " }
    PageTakeTheirs = "page.take-theirs" { zh: "采用此值", en: "Use this" }
    PageConflictKept = "page.conflict-kept" {
        zh: "您填写的内容仍在表单中；各字段旁标出了文件中现在的内容。核对后再点“保存”，将以表单内容为准。",
        en: "What you typed is still in the form; beside each field is what the file says now. Check, then press Save again to keep the form's values.",
    }
    PageNewCase = "page.new-case" { zh: "新建案例", en: "New case" }
    PageNewCaseGo = "page.new-case-go" { zh: "新建", en: "Create" }
    PageColOutcome = "page.col-outcome" { zh: "抽样情况", en: "Outcome" }
    PageColDomain = "page.col-domain" { zh: "抽样领域", en: "Domain" }
    PageColErrors = "page.col-errors" { zh: "错误", en: "Errors" }
    PageColWarnings = "page.col-warnings" { zh: "警告", en: "Warnings" }
    PageSearch = "page.search" {
        zh: "搜索（编号、企业名称、信用代码、地址）",
        en: "Search (case, enterprise, credit code, address)",
    }
    PagePagePrev = "page.page-prev" { zh: "上一页", en: "Previous" }
    PagePageNext = "page.page-next" { zh: "下一页", en: "Next" }
    PagePageOf = "page.page-of" { zh: "页", en: "page" }
    PageLedger = "page.ledger" { zh: "导出台账（xlsx）", en: "Export the ledger (xlsx)" }
    PageTooLarge = "page.too-large" { zh: "上传的内容过大。", en: "The upload is too large." }
    PageWorkTitle = "page.work-title" { zh: "办理", en: "Work" }
    PageWorkIntro = "page.work-intro" {
        zh: "导入企业名单、打印抽样包、生成归档包、核验归档包。较长的任务在后台进行，页面显示进度。",
        en: "Import an enterprise list, print a visit pack, build the archive, verify an archive. Long tasks run in the background; the page shows how far they are.",
    }
    PageWorkImport = "page.work-import" { zh: "导入企业名单", en: "Import an enterprise list" }
    PageWorkImportHelp = "page.work-import-help" {
        zh: "选择 .xlsx 或 .csv 文件。按中文表头（企业名称、统一社会信用代码、地址、产品类别、计划日期 …）读取，每个新行生成一个计划中的案例。任何一行有错，则列出每个出错的单元格，不写入任何文件；已是案例的行保持不变。",
        en: "Choose an .xlsx or .csv file. Columns are found by their Chinese headers (企业名称, 统一社会信用代码, 地址, 产品类别, 计划日期 …); each new row becomes a planned case. If any row is wrong, every bad cell is listed and nothing is written; rows that are cases already are left alone.",
    }
    PageWorkListFile = "page.work-list-file" { zh: "企业名单文件", en: "Enterprise list file" }
    PageWorkImportGo = "page.work-import-go" { zh: "导入", en: "Import" }
    PageWorkPack = "page.work-pack" { zh: "打印抽样包", en: "Print a visit pack" }
    PageWorkPackHelp = "page.work-pack-help" {
        zh: "按抽样日期或按案例生成抽样包：路线单和每次抽样现场使用的全部文书（各联），每份从奇数页开始，便于双面打印。都不选则为所有计划中的案例。",
        en: "A visit pack by day or by case: the route sheet and every form used on site (every copy), each from an odd page for duplex printing. With neither chosen, every planned case.",
    }
    PageWorkPackDate = "page.work-pack-date" { zh: "抽样日期", en: "Visit day" }
    PageWorkPackAnyDate = "page.work-pack-any-date" { zh: "（不按日期）", en: "(no day)" }
    PageWorkPackCases = "page.work-pack-cases" { zh: "或选择案例", en: "Or choose cases" }
    PageWorkPackPlanned = "page.work-pack-planned" { zh: "计划中", en: "planned" }
    PageWorkPackGo = "page.work-pack-go" { zh: "生成抽样包", en: "Make the pack" }
    PageWorkVisits = "page.work-visits" { zh: "次抽样", en: "visits" }
    PageWorkBuild = "page.work-build" { zh: "生成归档包", en: "Build the archive" }
    PageWorkBuildHelp = "page.work-build-help" {
        zh: "检查整个批次，生成全部文书、合订本和归档包（BagIt），完成后可下载。批次有错误时列出错误，不生成任何文件。同一时间只能进行一个生成任务。",
        en: "Checks the whole batch, then makes every document, the bound volume and the archive (BagIt), ready to download. A batch with errors is listed and nothing is made. One build at a time.",
    }
    PageWorkBuildGo = "page.work-build-go" { zh: "开始生成", en: "Start the build" }
    PageWorkVerify = "page.work-verify" { zh: "核验归档包", en: "Verify an archive" }
    PageWorkVerifyHelp = "page.work-verify-help" {
        zh: "上传归档包（.zip），逐个核对文件的校验值；如有签名，可同时上传公钥（.pub）核对签名。",
        en: "Upload an archive (.zip): every file is checked against its checksums; if it is signed, upload the public key (.pub) too to check the signature.",
    }
    PageWorkArchiveFile = "page.work-archive-file" { zh: "归档包", en: "Archive" }
    PageWorkPubkeyFile = "page.work-pubkey-file" { zh: "公钥（可选）", en: "Public key (optional)" }
    PageWorkVerifyGo = "page.work-verify-go" { zh: "核验", en: "Verify" }
    PageWorkJobs = "page.work-jobs" { zh: "最近的任务", en: "Recent tasks" }
    PageWorkJob = "page.work-job" { zh: "任务", en: "Task" }
    PageWorkKindImport = "page.work-kind-import" { zh: "导入企业名单", en: "Import a list" }
    PageWorkKindPack = "page.work-kind-pack" { zh: "抽样包", en: "Visit pack" }
    PageWorkKindBuild = "page.work-kind-build" { zh: "生成归档包", en: "Build" }
    PageWorkKindVerify = "page.work-kind-verify" { zh: "核验归档包", en: "Verify" }
    PageWorkRunning = "page.work-running" { zh: "进行中", en: "running" }
    PageWorkDone = "page.work-done" { zh: "已完成", en: "done" }
    PageWorkFailed = "page.work-failed" { zh: "未完成", en: "not done" }
    PageWorkWaiting = "page.work-waiting" { zh: "正在准备 …", en: "Starting …" }
    PageWorkDownloads = "page.work-downloads" { zh: "下载", en: "Download" }
    PageWorkBack = "page.work-back" { zh: "返回办理", en: "Back to Work" }
    PageWorkPhaseLoad = "page.work-phase-load" { zh: "读取批次", en: "Reading the batch" }
    PageWorkPhaseCheck = "page.work-phase-check" { zh: "检查批次", en: "Checking the batch" }
    PageWorkPhaseList = "page.work-phase-list" { zh: "读取名单", en: "Reading the list" }
    PageWorkPhaseWrite = "page.work-phase-write" { zh: "写入案例文件", en: "Writing the case files" }
    PageWorkPhaseVerify = "page.work-phase-verify" { zh: "核验", en: "Verifying" }
    PageWorkPhaseDone = "page.work-phase-done" { zh: "完成", en: "Finished" }
    PageWorkBatchUnreadable = "page.work-batch-unreadable" {
        zh: "批次读取失败，无法列出抽样日期和案例。请先在“概况”中查看错误。",
        en: "The batch cannot be read, so its days and cases cannot be listed. See the errors on the overview.",
    }
    PageWorkBuildBusy = "page.work-build-busy" {
        zh: "已有一个生成任务在进行，请等它完成后再开始。",
        en: "A build is already running; start another when it has finished.",
    }
    PageWorkSeeRunning = "page.work-see-running" { zh: "查看进行中的任务", en: "See the running task" }
    PageWorkNoFile = "page.work-no-file" {
        zh: "没有收到文件：请选择要上传的文件。",
        en: "No file was received: choose the file to upload.",
    }
    PageWorkBadForm = "page.work-bad-form" {
        zh: "表单内容无法读取，请从本程序的页面重新提交。",
        en: "The form could not be read; submit it again from this program's page.",
    }
    PageWorkBadDate = "page.work-bad-date" {
        zh: "日期无效，应写作 2024-07-02。",
        en: "Invalid date; write it as 2024-07-02.",
    }
    PageWorkCannotSave = "page.work-cannot-save" {
        zh: "无法保存上传的文件：",
        en: "The uploaded file cannot be saved: ",
    }
    PageWorkJobPanicked = "page.work-job-panicked" {
        zh: "任务意外中止。请重试；如仍出错，请用命令行运行同一命令查看详情。",
        en: "The task stopped unexpectedly. Try again; if it fails again, run the same command on the command line for details.",
    }
    PageWorkNoJob = "page.work-no-job" {
        zh: "没有这个任务（服务重启后，之前的任务不再保留）。",
        en: "There is no such task (tasks are not kept when the server restarts).",
    }
    PageWorkTooLargeLimit = "page.work-too-large-limit" {
        zh: "文件过大：上传不能超过 32 MB。",
        en: "The file is too large: uploads are limited to 32 MB.",
    }
    PageWorkLinesOmitted = "page.work-lines-omitted" {
        zh: "…… 以下 {n} 行从略（在命令行运行同一命令可看到全部）……",
        en: "… {n} lines left out here (run the same command on the command line to see them all) …",
    }
    PageWorkTooLargeArchive = "page.work-too-large-archive" {
        zh: "文件过大：归档包不能超过 8 GB。",
        en: "The file is too large: archives are limited to 8 GB.",
    }
    } };
}

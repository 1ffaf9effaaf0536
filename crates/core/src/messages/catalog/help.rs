// The message catalog, part 6 of 8: the help of the command line.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_help {
    ($($before:tt)*) => { catalog_start! {
    $($before)*
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
    } };
}

// The message catalog, part 7 of 8: init and new-case, the readers' words, the option parser,
// credit-code, prefixes, and what came later.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_start {
    ($($before:tt)*) => { catalog_serve! {
    $($before)*
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
    PdfSignKeyEncrypted = "pdfsign.key-encrypted" {
        zh: "私钥已加密：请先解密为 PEM（openssl pkey -in 原私钥 -out signing-key.pem），或改用 PKCS#12 文件并以 --pkcs12-password-file 给出密码",
        en: "the key is encrypted: decrypt it to PEM first (openssl pkey -in KEY -out signing-key.pem), or use the PKCS#12 file with its password in --pkcs12-password-file",
    }
    PdfSignKeyKind = "pdfsign.key-kind" {
        zh: "私钥须为 ECDSA P-256 或 RSA（PKCS#8、SEC1 或 PKCS#1）",
        en: "the key must be ECDSA P-256 or RSA (PKCS#8, SEC1 or PKCS#1)",
    }
    PdfSignPkcs12Password = "pdfsign.pkcs12-password" {
        zh: "PKCS#12 文件 {path} 的密码不对：用 --pkcs12-password-file 给出存有密码的文件",
        en: "wrong password for the PKCS#12 file {path}: give a file holding it with --pkcs12-password-file",
    }
    PdfSignPkcs12NoKey = "pdfsign.pkcs12-no-key" {
        zh: "文件中没有私钥及其证书",
        en: "the file holds no key with its certificate",
    }
    PdfSignTsaUrl = "pdfsign.tsa-url" {
        zh: "时间戳服务地址 {url} 须以 http:// 开头（RFC 3161 时间戳由服务自行签名，不依赖传输加密）",
        en: "the time-stamp service address {url} must begin with http:// (an RFC 3161 time-stamp is signed by the service itself and needs no encrypted transport)",
    }
    PdfSignTsa = "pdfsign.tsa" {
        zh: "时间戳服务 {url} 未给出时间戳：{reason}",
        en: "the time-stamp service {url} gave no time-stamp: {reason}",
    }
    PdfSigTsaImprint = "pdfsig.tsa-imprint" {
        zh: "时间戳所盖的不是这个签名",
        en: "the time-stamp is not over this signature",
    }
    PdfSigTsaBroken = "pdfsig.tsa-broken" {
        zh: "签名的时间戳不成立：{reason}",
        en: "the signature's time-stamp does not hold: {reason}",
    }
    HelpBuildTsa = "help.build.tsa" {
        zh: "PDF 签名时向此 RFC 3161 时间戳服务（http:// 地址）申请时间戳，签名为 PAdES B-T",
        en: "have each PDF signature time-stamped by this RFC 3161 time-stamp service (an http:// address): PAdES B-T signatures",
    }
    HelpRenderTsa = "help.render.tsa" {
        zh: "PDF 签名时向此 RFC 3161 时间戳服务（http:// 地址）申请时间戳，签名为 PAdES B-T",
        en: "have each PDF signature time-stamped by this RFC 3161 time-stamp service (an http:// address): PAdES B-T signatures",
    }
    HelpBuildPkcs12PasswordFile = "help.build.pkcs12-password-file" {
        zh: "--sign-pdf 给的是 PKCS#12 文件（.p12、.pfx）时，其密码所在的文件（首行）",
        en: "when --sign-pdf names a PKCS#12 file (.p12, .pfx), the file holding its password (first line)",
    }
    HelpRenderPkcs12PasswordFile = "help.render.pkcs12-password-file" {
        zh: "--sign-pdf 给的是 PKCS#12 文件（.p12、.pfx）时，其密码所在的文件（首行）",
        en: "when --sign-pdf names a PKCS#12 file (.p12, .pfx), the file holding its password (first line)",
    }
    VerifyPdfTimestamp = "verify.pdf-timestamp" {
        zh: "PDF 签名的时间戳：{time}（时间戳服务 {service}）",
        en: "PDF signature's time-stamp: {time} (time-stamp service {service})",
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
        zh: "用此文件夹中的证书和私钥（signing-cert.pem、signing-key.pem），或此 PKCS#12 文件（.p12、.pfx），对检验报告和检验结果通知书加 PDF 签名",
        en: "sign the inspection reports and result notices as PDF signatures with the certificate and key in this folder (signing-cert.pem, signing-key.pem) or in this PKCS#12 file (.p12, .pfx)",
    }
    HelpRenderSignPdf = "help.render.sign-pdf" {
        zh: "用此文件夹中的证书和私钥（signing-cert.pem、signing-key.pem），或此 PKCS#12 文件（.p12、.pfx），对检验报告和检验结果通知书加 PDF 签名（草稿不签）",
        en: "sign the inspection reports and result notices as PDF signatures with the certificate and key in this folder (signing-cert.pem, signing-key.pem) or in this PKCS#12 file (.p12, .pfx); drafts are not signed",
    }
    HelpBuildNoCache = "help.build.no-cache" {
        zh: "不复用输出文件夹中上次生成且输入未变的文书，全部重新生成（也不保留本次的缓存）",
        en: "make every document again instead of reusing those of the earlier build in the output folder whose inputs are unchanged (and keep no cache)",
    }
    HelpRenderNoCache = "help.render.no-cache" {
        zh: "不复用输出文件夹中上次生成且输入未变的文书，全部重新生成（也不保留本次的缓存）",
        en: "make every document again instead of reusing those of the earlier build in the output folder whose inputs are unchanged (and keep no cache)",
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
    } };
}

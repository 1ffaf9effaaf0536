// The message catalog, part 1 of 8: the command line, findings, reading files.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_read {
    ($($before:tt)*) => { catalog_check! {
    $($before)*
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
    } };
}

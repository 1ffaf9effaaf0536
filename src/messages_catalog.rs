// The message catalog, included by `messages.rs`: one entry per id, both languages side by side.
// Group by the stage that speaks; ids are `stage.what`.

catalog! {
    // -- the command line -------------------------------------------------------------------
    CliError = "cli.error" { zh: "错误：{error}", en: "error: {error}" }
    CliBadDate = "cli.bad-date" {
        zh: "日期 “{value}” 无效，应写作 2023-08-01",
        en: "invalid date “{value}”: write it as 2023-08-01",
    }
    CliBadLang = "cli.bad-lang" {
        zh: "未知的语言 “{value}”，可用：zh en",
        en: "unknown language “{value}”; available: zh en",
    }

    // -- progress -----------------------------------------------------------------------------
    ProgressRender = "progress.render" { zh: "生成文书", en: "Rendering" }
    ProgressVolume = "progress.volume" { zh: "装订合订本", en: "Binding" }
    ProgressArchive = "progress.archive" { zh: "打包归档", en: "Packing" }

    // -- watch --------------------------------------------------------------------------------
    WatchStarted = "watch.started" {
        zh: "正在监视 {dir}：保存案例文件、batch.yaml 或模板后自动重新生成，按 Ctrl+C 退出",
        en: "watching {dir}: saving a case file, batch.yaml or a template renders again; Ctrl+C to stop",
    }
    WatchEverything = "watch.everything" { zh: "全部文书", en: "every document" }
    WatchCases = "watch.cases" { zh: "案例 {cases}", en: "case {cases}" }
    WatchRendered = "watch.rendered" {
        zh: "已生成{what}：{documents} 份文书，用时 {seconds} 秒",
        en: "rendered {what}: {documents} documents in {seconds} s",
    }
    WatchDraft = "watch.draft" {
        zh: "有 {errors} 处错误：文书每页标注“草稿”，改正后保存即重新生成",
        en: "{errors} errors: every page is marked 草稿 (draft); save a correction to render again",
    }
    WatchLoadFailed = "watch.load-failed" {
        zh: "批次读取失败：{errors} 处错误，改正后保存即重试",
        en: "the batch cannot be read: {errors} errors; save a correction to try again",
    }
    WatchFailed = "watch.failed" {
        zh: "无法监视文件变化：{error}",
        en: "cannot watch for changes: {error}",
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
        en: "created a sample batch in {dir}: batch.yaml, {cases} example cases (qualified, unqualified, refused, not sampled, sampled awaiting test), the evidence/ folder and JSON Schemas for editors",
    }
    InitNext = "init.next" {
        zh: "下一步：按本批次的通知改写 batch.yaml，用 spotcheck new-case {dir} --category 类别 添加案例，spotcheck check {dir} 检查，spotcheck build {dir} -o 输出文件夹 生成全部文书",
        en: "next: adapt batch.yaml to your notice, add cases with spotcheck new-case {dir} --category CATEGORY, check with spotcheck check {dir}, and build everything with spotcheck build {dir} -o OUT",
    }
    NewCaseCategory = "new-case.category" {
        zh: "类别 “{category}” 不在 batch.yaml 的抽查计划中（计划类别：{all}）",
        en: "the category “{category}” is not in the plan of batch.yaml (planned categories: {all})",
    }
    NewCasePrefix = "new-case.prefix" {
        zh: "无法从类别 “{category}” 得出编号前缀：请用 --prefix 指定，如 --prefix HF",
        en: "cannot derive an id prefix from the category “{category}”: give one with --prefix, e.g. --prefix HF",
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
}

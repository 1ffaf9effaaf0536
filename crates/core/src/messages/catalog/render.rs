// The message catalog, part 3 of 8: render and build.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_render {
    ($($before:tt)*) => { catalog_verify! {
    $($before)*
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
    BuildReused = "build.reused" {
        zh: "其中 {reused} 份的输入与上次生成时相同，沿用了上次的文件",
        en: "{reused} of them with the same inputs as when last made: the earlier {reused|file|files} reused",
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
    } };
}

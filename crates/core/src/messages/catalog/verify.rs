// The message catalog, part 4 of 8: verify: BagIt, the zip or folder, the promises, --document and
// --qr, the report.
// It passes the entries before it on with its own; the last part hands them all to `catalog!`.

macro_rules! catalog_verify {
    ($($before:tt)*) => { catalog_sign! {
    $($before)*
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
    } };
}

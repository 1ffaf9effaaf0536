//! The tag files of the bag besides its manifests: bag-info.txt (with the records office's
//! metadata), the signatures' names and trusted comments, and 说明.txt, the readme an
//! archivist opens first.

use crate::sign::SigningKey;
use spotcheck_core::messages::Lang;
use spotcheck_input::evidence::{EvidenceKind, evidence_kind};
use spotcheck_input::load::LoadedBatch;

use super::*;

/// A value on one line: line breaks become spaces.
pub(crate) fn one_line(s: &str) -> String {
    // Every character a reader may take for a line break (Python's splitlines, which
    // bagit-python reads tag files with, breaks at all of them), not only CR and LF.
    s.split([
        '\r', '\n', '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}',
        '\u{2029}',
    ])
    .map(str::trim)
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}

/// What the payload holds, counted: documents, evidence photos, videos and other evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Contents {
    pub documents: usize,
    pub photos: usize,
    pub videos: usize,
    pub(crate) other_evidence: usize,
    pub volumes: usize,
    pub tables: usize,
    pub catalogue: bool,
}

impl Contents {
    pub fn of<'a>(bag_paths: impl IntoIterator<Item = &'a str>) -> Contents {
        let mut c = Contents::default();
        for p in bag_paths {
            if p.starts_with(&format!("{EVIDENCE_DIR}/")) {
                match evidence_kind(p) {
                    EvidenceKind::Photo => c.photos += 1,
                    EvidenceKind::Video => c.videos += 1,
                    EvidenceKind::Other => c.other_evidence += 1,
                }
            } else if p.starts_with(&format!("{DOCUMENTS_DIR}/")) {
                c.documents += 1;
            } else if p.starts_with(&format!("{BAG_VOLUME_DIR}/")) {
                c.volumes += 1;
            } else if p.starts_with(&format!("{TABLES_DIR}/")) {
                c.tables += 1;
            } else if p.starts_with(&format!("{CATALOGUE_DIR}/")) {
                c.catalogue = true;
            }
        }
        c
    }

    /// In Chinese, naming only what is there: 批次文件和案例文件原件、现场照片 12 份、…
    pub fn describe(&self) -> String {
        let mut parts = vec!["批次文件和案例文件原件".to_string()];
        if self.photos > 0 {
            parts.push(format!("现场照片 {} 份", self.photos));
        }
        if self.videos > 0 {
            parts.push(format!("现场视频 {} 份", self.videos));
        }
        if self.other_evidence > 0 {
            parts.push(format!("其他现场证据 {} 份", self.other_evidence));
        }
        if self.documents > 0 {
            parts.push(format!("文书 PDF {} 份", self.documents));
        }
        if self.volumes > 0 {
            parts.push("合订本".into());
        }
        if self.tables > 0 {
            parts.push("检验情况汇总表电子版".into());
        }
        if self.catalogue {
            parts.push("归档文件目录".into());
        }
        parts.join("、")
    }
}

/// bag-info.txt: the reserved elements of RFC 8493 §2.2.2 that this batch can fill, in the
/// order the RFC lists them, then the records office's metadata (全宗号, 档号, 年度, 保管期限,
/// 密级, 归档日期, 归档人) under their Chinese labels. Values are single lines.
pub(crate) fn bag_info(
    lb: &LoadedBatch,
    (payload_bytes, payload_files): (u64, usize),
    contents: &Contents,
    items: usize,
    signatures: usize,
) -> String {
    let b = &lb.batch;
    let mut s = String::new();
    let mut orgs: Vec<&str> = b.labs.iter().map(|l| l.name.as_str()).collect();
    if orgs.is_empty() {
        orgs.push(&b.authority.name);
    }
    for org in orgs {
        s.push_str(&format!("Source-Organization: {}\n", one_line(org)));
    }
    s.push_str(&format!(
        "External-Description: {} {}的归档：{}\n",
        one_line(&b.authority.name),
        one_line(&b.title),
        contents.describe(),
    ));
    s.push_str(&format!(
        "Bagging-Date: {}\n",
        spotcheck_core::clock::bagging_date().format("%Y-%m-%d")
    ));
    s.push_str(&format!(
        "External-Identifier: {}\n",
        one_line(&b.document_no)
    ));
    s.push_str(&format!("Payload-Oxum: {payload_bytes}.{payload_files}\n"));
    s.push_str("Bag-Count: 1 of 1\n");
    s.push_str(&format!(
        "Internal-Sender-Identifier: {}\n",
        one_line(&b.id)
    ));
    for (label, value) in records::metadata(lb, items) {
        s.push_str(&format!("{label}: {}\n", one_line(&value)));
    }
    for k in 0..signatures {
        s.push_str(&format!("{SIGNED_LABEL}: {}\n", signature_file(k)));
    }
    let open = records::open_items(lb, Lang::Zh);
    if open.is_empty() {
        s.push_str("归档状态: 已完结\n");
    } else {
        s.push_str("归档状态: 未完结\n");
        for item in &open {
            s.push_str(&format!("未完结事项: {}\n", one_line(item)));
        }
    }
    s
}

/// The label of bag-info.txt's line that records the bag was signed, and by which file: a
/// bag that says so and lacks the file lost its signature (verify says so).
pub(crate) const SIGNED_LABEL: &str = "签名文件";

/// The file of the `k`th signature (from 0): [`SIGNATURE_FILE`] for the first, then
/// `tagmanifest-sha256.txt.2.minisig`, `.3.minisig` … for the co-signers of a batch of several
/// labs, each a detached minisign signature of the tag manifest by its own key.
pub(crate) fn signature_file(k: usize) -> String {
    if k == 0 {
        SIGNATURE_FILE.to_string()
    } else {
        format!("{TAGMANIFEST_FILE}.{}.minisig", k + 1)
    }
}

/// Whether `path` (in the bag) is a signature file [`signature_file`] names.
pub(crate) fn is_signature_file(path: &str) -> bool {
    path == SIGNATURE_FILE
        || path
            .strip_prefix(TAGMANIFEST_FILE)
            .and_then(|r| r.strip_prefix('.'))
            .and_then(|r| r.strip_suffix(".minisig"))
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n >= 2)
}

/// The trusted comment of the signature: what was signed, when it was archived, by whom.
pub(crate) fn trusted_comment(lb: &LoadedBatch, key: &SigningKey) -> String {
    let mut c = format!(
        "spotcheck batch:{} file:{TAGMANIFEST_FILE} date:{} key:{}",
        lb.batch.id,
        spotcheck_core::clock::bagging_date().format("%Y-%m-%d"),
        key.key_id()
    );
    if let Some(owner) = key.owner() {
        c.push_str(&format!(" signer:{}", one_line(owner)));
    }
    c
}

/// The README tag file (说明.txt): what the archive is, what it holds, what is signed and by
/// which key, and how to check it all with standard tools alone.
pub(crate) fn readme(
    lb: &LoadedBatch,
    contents: &Contents,
    items: usize,
    signers: &[&SigningKey],
) -> String {
    let b = &lb.batch;
    let id = &b.id;
    let mut s = format!(
        "{id} 归档包说明\n\n\
         本归档包是 {} {}（{}）的归档，按 BagIt 1.0（RFC 8493）格式打包，可用任何 BagIt 工具核验。\n\n",
        one_line(&b.authority.name),
        one_line(&b.title),
        one_line(&b.document_no),
    );
    s.push_str("一、档案信息\n");
    for (label, value) in records::metadata(lb, items) {
        s.push_str(&format!("{label}：{}\n", one_line(&value)));
    }
    s.push_str(&format!("内容：{}\n", contents.describe()));
    let open = records::open_items(lb, Lang::Zh);
    if open.is_empty() {
        s.push_str("归档状态：已完结\n\n");
    } else {
        s.push_str("归档状态：未完结（归档时尚有以下事项未办结，本归档包不是最终归档）\n");
        for item in &open {
            s.push_str(&format!("  - {}\n", one_line(item)));
        }
        s.push('\n');
    }
    s.push_str("二、文件\n");
    let mut line = |present: bool, path: &str, what: &str| {
        if present {
            s.push_str(&format!("{path}：{what}\n"));
        }
    };
    line(
        true,
        &format!("{BAGIT_FILE}、{BAG_INFO_FILE}"),
        "BagIt 声明和归档信息",
    );
    line(
        contents.documents > 0,
        &format!("{DOCUMENTS_DIR}/"),
        "全部文书 PDF（PDF/A），按批次和案例分文件夹",
    );
    line(
        contents.volumes > 0,
        &format!("{BAG_VOLUME_DIR}/"),
        "合订本（PDF/A）",
    );
    line(
        contents.catalogue,
        &format!("{CATALOGUE_DIR}/"),
        "归档文件目录（PDF 和 xlsx）",
    );
    line(
        contents.photos + contents.videos + contents.other_evidence > 0,
        &format!("{EVIDENCE_DIR}/"),
        "现场证据原件",
    );
    line(
        true,
        &format!("{SOURCE_DIR}/"),
        "批次文件和案例文件原件（YAML）",
    );
    line(
        contents.tables > 0,
        &format!("{TABLES_DIR}/"),
        "检验情况汇总表（xlsx）",
    );
    line(
        true,
        MANIFEST_FILE,
        "每个载荷文件（data/ 下）的 SHA-256 校验值",
    );
    line(
        items > 0,
        METADATA_FILE,
        "归档文件目录中每件文书的元数据（XML，元素按 DA/T 46-2009，含档号、件号和文件的 SHA-256）",
    );
    line(
        true,
        TAGMANIFEST_FILE,
        &if items > 0 {
            format!(
                "{BAGIT_FILE}、{BAG_INFO_FILE}、{MANIFEST_FILE}、{METADATA_FILE} 和本说明的 SHA-256 校验值"
            )
        } else {
            format!("{BAGIT_FILE}、{BAG_INFO_FILE}、{MANIFEST_FILE} 和本说明的 SHA-256 校验值")
        },
    );
    s.push('\n');
    s.push_str("三、签名\n");
    if signers.is_empty() {
        s.push_str("本归档包未签名：校验值只能发现损坏，不能证明由谁封存。\n\n");
    }
    for (k, key) in signers.iter().enumerate() {
        s.push_str(&format!(
            "{} 是 {TAGMANIFEST_FILE} 的 minisign 签名（Ed25519），签名密钥编号 {}",
            signature_file(k),
            key.key_id()
        ));
        if let Some(owner) = key.owner() {
            s.push_str(&format!("，持有者 {}", one_line(owner)));
        }
        s.push_str("。\n");
    }
    if !signers.is_empty() {
        s.push_str(
            "标签清单记录每个清单和本说明的校验值，清单记录每个文件的校验值，所以签名覆盖归档中的每个文件；\
             签名本身不在任何清单中（它不能记录自己）。只有用持有者另行交付的公钥核验，才能确认签名者：\
             签名文件只写明密钥编号，任何人都能用自己的密钥重新签名。\n\n",
        );
    }
    s.push_str(&format!(
        "四、不用 spotcheck 核验（在归档包 {id}.zip 所在的文件夹中依次执行）\n\
         1. 解压：unzip {id}.zip\n\
         2. 核对校验值：(cd {id} && sha256sum -c {TAGMANIFEST_FILE} && sha256sum -c {MANIFEST_FILE})\n\
         3. 或用美国国会图书馆的 bagit-python：python3 -m bagit --validate {id}\n"
    ));
    for (k, _) in signers.iter().enumerate() {
        let file = signature_file(k);
        let (pubkey, x) = if k == 0 {
            ("spotcheck.pub".to_string(), String::new())
        } else {
            (
                format!("spotcheck-{}.pub", k + 1),
                format!(" -x {id}/{file}"),
            )
        };
        s.push_str(&format!(
            "{}. 核对签名：minisign -Vm {id}/{TAGMANIFEST_FILE}{x} -p {pubkey}（{pubkey} 为签名者交付的公钥，放在同一文件夹；\
             通过时 minisign 显示 Signature and comment signature verified 和可信注释（Trusted comment），\
             其中写明批次、归档日期、密钥编号和签名者）\n",
            k + 4
        ));
    }
    s
}

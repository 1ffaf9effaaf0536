//! The archive: a BagIt bag (RFC 8493, version 1.0) serialized as one zip with one top-level
//! folder named after the batch, so that standard BagIt tools validate it once unzipped.
//!
//! ```text
//! <batch id>/bag-info.txt
//! <batch id>/bagit.txt
//! <batch id>/data/documents/batch/<kind>.pdf
//! <batch id>/data/catalogue/归档文件目录.pdf, .xlsx
//! <batch id>/data/documents/cases/<case id>/<kind>.pdf
//! <batch id>/data/evidence/<path as in the case, minus evidence/>
//! <batch id>/data/source/batch.yaml, data/source/cases/**.yaml, the attached annexes
//! <batch id>/data/tables/summary-table.xlsx
//! <batch id>/data/volume/<volume>.pdf
//! <batch id>/manifest-sha256.txt
//! <batch id>/tagmanifest-sha256.txt
//! <batch id>/tagmanifest-sha256.txt.minisig     (when signed)
//! <batch id>/说明.txt                            (the README, in the tag manifest)
//! ```
//!
//! The same inputs give the same bytes: entries are sorted by name, every entry has the same
//! timestamp (the archive date, [`spotcheck_input::load::archive_date`]) and permissions (0644, unix), nothing reads the clock, and
//! every name is UTF-8 in NFC. Each payload file is read once: it streams into the zip through
//! SHA-256. The zip is written to a temporary file beside the target and renamed over it only
//! when complete.

pub mod bagit;
pub mod catalogue;
pub mod layout;
pub mod lookup;
pub mod metadata;
pub mod records;
pub mod sign;
pub mod verify;

use std::collections::BTreeMap;
use std::io::{BufWriter, Read, Write};
use std::path::{Component, Path, PathBuf};

use chrono::Datelike;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::sign::{SignError, SigningKey};
use spotcheck_core::messages::{Arg, Lang, Message};
use spotcheck_core::msg;
use spotcheck_documents::render::{BATCH_DIR, LABS_DIR, Rendered, SUMMARY_KIND};
use spotcheck_input::load::{BATCH_FILE, LoadedBatch};

pub use bagit::nfc;
pub(crate) use layout::*;
pub(crate) use metadata::METADATA_FILE;
use spotcheck_core::text::hex;
use spotcheck_input::evidence::{EvidenceKind, evidence_kind};

/// Unix permissions of every entry.
const FILE_MODE: u32 = 0o644;

/// One payload file: where it is read from, and its path in the bag (`data/...`, NFC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub bag_path: String,
    pub file: PathBuf,
}

/// Why the archive could not be made. Displayed in Chinese; [`ArchiveError::message`] for the
/// user's language.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// One line per wrong evidence path.
    #[error("{}", self.message())]
    Evidence(Vec<Message>),
    #[error("{}", self.message())]
    Collision {
        path: String,
        first: PathBuf,
        second: PathBuf,
    },
    #[error("{}", self.message())]
    BadPath(Arg),
    /// The reason is a message of the catalog, or the system's error text.
    #[error("{}", self.message())]
    Read { path: PathBuf, reason: Arg },
    #[error("{}", self.message())]
    Changed(PathBuf),
    #[error("{}", self.message())]
    Write { path: PathBuf, reason: String },
    #[error(transparent)]
    Sign(#[from] SignError),
}

impl ArchiveError {
    /// The error as a message of the catalog.
    pub fn message(&self) -> Message {
        match self {
            ArchiveError::Evidence(lines) => msg!(ArchiveEvidence, errors = lines.clone()),
            ArchiveError::Collision {
                path,
                first,
                second,
            } => msg!(
                ArchiveCollision,
                path = path,
                first = first,
                second = second
            ),
            ArchiveError::BadPath(detail) => msg!(ArchiveBadPath, detail = detail.clone()),
            ArchiveError::Read { path, reason } => {
                msg!(ArchiveRead, path = path, reason = reason.clone())
            }
            ArchiveError::Changed(path) => msg!(ArchiveChanged, path = path),
            ArchiveError::Write { path, reason } => {
                msg!(ArchiveWrite, path = path, reason = reason)
            }
            ArchiveError::Sign(e) => e.message(),
        }
    }

    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.message().in_lang(lang)
    }
}

/// What was packed.
#[derive(Debug, Clone)]
pub struct Packed {
    pub path: PathBuf,
    /// Payload files and their total size (the Payload-Oxum).
    pub files: usize,
    pub payload_bytes: u64,
    /// Size of the zip.
    pub archive_bytes: u64,
    pub signed: bool,
}

/// `OUT/<batch id>.zip`.
pub fn archive_path(lb: &LoadedBatch, out: &Path) -> PathBuf {
    out.join(format!("{}.zip", lb.batch.id))
}

/// A path as written in a manifest: RFC 8493 §2.1.3 percent-encodes CR, LF and `%`.
pub fn encode_manifest_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// The inverse of [`encode_manifest_path`] (hex digits in either case).
pub fn decode_manifest_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = rest.get(i + 1..i + 3).map(|h| h.to_ascii_uppercase());
        match code.as_deref() {
            Some("25") => out.push('%'),
            Some("0D") => out.push('\r'),
            Some("0A") => out.push('\n'),
            _ => {
                out.push('%');
                rest = &rest[i + 1..];
                continue;
            }
        }
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    out
}

/// The source files and evidence of a batch: `data/source/batch.yaml`, each case file and each
/// attached annex file under `data/source/` at its path in the batch, and every evidence file
/// referenced by a case under `data/evidence/`. A missing or unsafe path is an error naming
/// its case or annex; all of them are reported.
pub fn source_payload(lb: &LoadedBatch) -> Result<Vec<Payload>, ArchiveError> {
    let mut out = vec![Payload {
        bag_path: format!("{SOURCE_DIR}/{BATCH_FILE}"),
        file: lb.root.join(BATCH_FILE),
    }];
    for lc in &lb.cases {
        out.push(Payload {
            bag_path: format!("{SOURCE_DIR}/{}", nfc(&lc.file)),
            file: lb.root.join(&lc.file),
        });
    }
    let root = lb.root.canonicalize().map_err(|e| ArchiveError::Read {
        path: lb.root.clone(),
        reason: e.to_string().into(),
    })?;
    let mut errors = Vec::new();
    for lc in &lb.cases {
        for (i, raw) in lc.case.evidence.iter().enumerate() {
            match evidence_file(&root, raw) {
                Ok((file, bag_path)) => out.push(Payload { bag_path, file }),
                Err(why) => errors.push(msg!(
                    ArchiveEvidenceLine,
                    file = &lc.file,
                    index = i,
                    id = &lc.case.id,
                    path = raw,
                    why = why
                )),
            }
        }
    }
    // The notice's attached annexes, as given: the archive holds everything the batch was
    // made from.
    for (i, annex) in lb.batch.annexes().iter().enumerate() {
        let Some(raw) = &annex.file else { continue };
        match evidence_file(&root, raw) {
            Ok((file, _)) => out.push(Payload {
                bag_path: format!("{SOURCE_DIR}/{}", nfc(raw)),
                file,
            }),
            Err(why) => errors.push(msg!(AnnexFile, no = i + 1, path = raw, why = why)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ArchiveError::Evidence(errors))
    }
}

/// Checks one evidence path of a case: relative, `/`-separated, without `..`, naming a regular
/// file inside the batch folder (also after following links). Returns the file and its bag path.
fn evidence_file(root: &Path, raw: &str) -> Result<(PathBuf, String), Message> {
    if raw.is_empty() {
        return Err(msg!(EvidenceEmpty));
    }
    if raw.contains('\\') {
        return Err(msg!(ArchiveEvidenceBackslash));
    }
    if raw.starts_with('/') || Path::new(raw).is_absolute() || raw.chars().nth(1) == Some(':') {
        return Err(msg!(ArchiveEvidenceAbsolute));
    }
    for part in raw.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Err(msg!(ArchiveEvidenceSegment));
        }
    }
    let file = root.join(raw);
    let real = match file.canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(msg!(EvidenceMissing)),
        Err(e) => return Err(msg!(ArchiveEvidenceUnreadable, error = e.to_string())),
    };
    if !real.starts_with(root) {
        return Err(msg!(ArchiveEvidenceOutside));
    }
    if !real.is_file() {
        return Err(msg!(ArchiveNotRegular));
    }
    let rel = raw.strip_prefix("evidence/").unwrap_or(raw);
    Ok((file, format!("{EVIDENCE_DIR}/{}", nfc(rel))))
}

/// The outputs of a build: every rendered PDF under `data/documents/` (by its path under OUT),
/// the summary spreadsheet under `data/tables/` when the summary table was rendered, and the
/// bound volume (or its parts) under `data/volume/`.
pub fn output_payload(
    out: &Path,
    rendered: &[Rendered],
    volumes: &[PathBuf],
) -> Result<Vec<Payload>, ArchiveError> {
    let mut files = Vec::new();
    // Each PDF, and the OFD of the same pages beside it when one was written.
    for path in rendered
        .iter()
        .flat_map(|r| std::iter::once(&r.path).chain(r.ofd.as_ref()))
    {
        let rel = path
            .strip_prefix(out)
            .map_err(|_| ArchiveError::BadPath(msg!(ArchiveNotInOutput, path = path).into()))?;
        files.push(Payload {
            bag_path: format!("{DOCUMENTS_DIR}/{}", slash_path(rel)?),
            file: path.clone(),
        });
    }
    // The summary table's spreadsheets: the batch's, and each lab's when labs report apart.
    let mut labs: Vec<Option<&str>> = rendered
        .iter()
        .filter(|r| r.case == BATCH_DIR && r.kind == SUMMARY_KIND)
        .map(|r| r.lab.as_deref())
        .collect();
    labs.sort();
    labs.dedup();
    for lab in labs {
        let name = format!("{SUMMARY_KIND}.xlsx");
        let bag_path = match lab {
            Some(id) => format!("{TABLES_DIR}/{LABS_DIR}/{id}/{name}"),
            None => format!("{TABLES_DIR}/{name}"),
        };
        files.push(Payload {
            bag_path,
            file: spotcheck_documents::render::xlsx_path(out, lab),
        });
    }
    for volume in volumes {
        let name = volume
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| ArchiveError::BadPath(msg!(ArchiveVolumeName, path = volume).into()))?;
        files.push(Payload {
            bag_path: format!("{BAG_VOLUME_DIR}/{}", nfc(name)),
            file: volume.to_path_buf(),
        });
    }
    Ok(files)
}

/// A relative path as `/`-separated NFC text.
fn slash_path(rel: &Path) -> Result<String, ArchiveError> {
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str().map(nfc).ok_or_else(|| {
                ArchiveError::BadPath(msg!(ArchiveNameNotUtf8, path = rel).into())
            })?),
            _ => return Err(ArchiveError::BadPath(rel.display().to_string().into())),
        }
    }
    Ok(parts.join("/"))
}

/// A value on one line: line breaks become spaces.
fn one_line(s: &str) -> String {
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
pub struct Contents {
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
pub fn bag_info(
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
fn trusted_comment(lb: &LoadedBatch, key: &SigningKey) -> String {
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
pub fn readme(
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

/// SHA-256 of what passes through, and how many bytes did.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl Hashing<std::fs::File> {
    /// `file` opened, to be read through SHA-256.
    fn open(file: &Path) -> Result<Self, ArchiveError> {
        let f = std::fs::File::open(file).map_err(|e| ArchiveError::Read {
            path: file.to_path_buf(),
            reason: e.to_string().into(),
        })?;
        Ok(Hashing {
            inner: f,
            hasher: Sha256::new(),
            bytes: 0,
        })
    }
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// Packs the payload of a batch into the bag zip at `dest`, atomically.
pub fn pack(
    lb: &LoadedBatch,
    payload: Vec<Payload>,
    dest: &Path,
    signer: Option<&SigningKey>,
) -> Result<Packed, ArchiveError> {
    pack_with(lb, payload, dest, signer.as_slice(), &[])
}

/// [`pack`], with the documents of the 归档文件目录 `catalogue`: their 件号 and 档号 in bag-info and
/// 说明.txt, and their metadata in [`METADATA_FILE`], a tag file the tag manifest covers.
pub fn pack_with(
    lb: &LoadedBatch,
    payload: Vec<Payload>,
    dest: &Path,
    signers: &[&SigningKey],
    catalogue: &[catalogue::Entry],
) -> Result<Packed, ArchiveError> {
    // Sorted by bag path, each path once (the same file named twice is packed once).
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
    for p in payload {
        let bag_path = nfc(&p.bag_path);
        check_bag_path(&bag_path)?;
        if let Some(first) = files.get(&bag_path) {
            if !same_file(first, &p.file) {
                return Err(ArchiveError::Collision {
                    path: bag_path,
                    first: first.clone(),
                    second: p.file,
                });
            }
            continue;
        }
        files.insert(bag_path, p.file);
    }

    // Sizes first: bag-info.txt (with the Payload-Oxum) sorts before data/.
    let mut sizes = Vec::with_capacity(files.len());
    for file in files.values() {
        let meta = std::fs::metadata(file).map_err(|e| ArchiveError::Read {
            path: file.clone(),
            reason: e.to_string().into(),
        })?;
        if !meta.is_file() {
            return Err(ArchiveError::Read {
                path: file.clone(),
                reason: msg!(ArchiveNotRegular).into(),
            });
        }
        sizes.push(meta.len());
    }
    let payload_bytes: u64 = sizes.iter().sum();
    let bagit = BAGIT_DECLARATION.as_bytes().to_vec();
    let contents = Contents::of(files.keys().map(String::as_str));
    let items = catalogue.len();
    let info = bag_info(
        lb,
        (payload_bytes, files.len()),
        &contents,
        items,
        signers.len(),
    )
    .into_bytes();
    let readme = readme(lb, &contents, items, signers).into_bytes();

    let dir = dest.parent().unwrap_or(Path::new("."));
    let write_err = |e: &dyn std::fmt::Display| ArchiveError::Write {
        path: dest.to_path_buf(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| write_err(&e))?;
    let tmp = spotcheck_core::output::temp_beside(dest).map_err(|e| write_err(&e))?;
    let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 18, tmp));
    let stamp = zip_time();
    let root = &lb.batch.id;
    let options = |name: &str, size: u64| {
        SimpleFileOptions::default()
            .compression_method(compression_for(name))
            .last_modified_time(stamp)
            .unix_permissions(FILE_MODE)
            .system(System::Unix)
            .large_file(size >= 0xF000_0000)
    };
    let add_bytes = |zip: &mut ZipWriter<_>, name: &str, bytes: &[u8]| {
        zip.start_file(format!("{root}/{name}"), options(name, bytes.len() as u64))
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| write_err(&e))
    };

    // The payload hashed first, so that the tag files (the manifests, the signature) can
    // stand at the head of the zip: a zip cut short still says what it held.
    let hash_of = |file: &PathBuf| -> Result<(String, u64), ArchiveError> {
        let mut reader = Hashing::open(file)?;
        std::io::copy(&mut reader, &mut std::io::sink()).map_err(|e| ArchiveError::Read {
            path: file.clone(),
            reason: e.to_string().into(),
        })?;
        Ok((hex(&reader.hasher.finalize()), reader.bytes))
    };
    let mut digests = Vec::with_capacity(files.len());
    let mut manifest = String::new();
    for ((bag_path, file), size) in files.iter().zip(&sizes) {
        let (digest, bytes) = hash_of(file)?;
        if bytes != *size {
            return Err(ArchiveError::Changed(file.clone()));
        }
        manifest.push_str(&format!("{digest}  {}\n", encode_manifest_path(bag_path)));
        digests.push(digest);
    }
    let manifest = manifest.into_bytes();
    let metadata = if catalogue.is_empty() {
        None
    } else {
        let by_path: BTreeMap<&str, (&str, u64)> = files
            .keys()
            .zip(digests.iter().zip(&sizes))
            .map(|(p, (d, n))| (p.as_str(), (d.as_str(), *n)))
            .collect();
        if let Some(e) = catalogue
            .iter()
            .find(|e| !by_path.contains_key(e.file.as_str()))
        {
            return Err(ArchiveError::BadPath(Arg::from(e.file.clone())));
        }
        Some(metadata::xml(lb, catalogue, &by_path).into_bytes())
    };
    let mut tagmanifest = String::new();
    for (name, bytes) in [
        (BAG_INFO_FILE, Some(&info)),
        (BAGIT_FILE, Some(&bagit)),
        (MANIFEST_FILE, Some(&manifest)),
        (METADATA_FILE, metadata.as_ref()),
        (README_FILE, Some(&readme)),
    ] {
        if let Some(bytes) = bytes {
            tagmanifest.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(bytes))));
        }
    }
    let tagmanifest = tagmanifest.into_bytes();

    add_bytes(&mut zip, BAGIT_FILE, &bagit)?;
    add_bytes(&mut zip, BAG_INFO_FILE, &info)?;
    add_bytes(&mut zip, MANIFEST_FILE, &manifest)?;
    add_bytes(&mut zip, TAGMANIFEST_FILE, &tagmanifest)?;
    for (k, key) in signers.iter().enumerate() {
        let sig = key.sign(&tagmanifest, &trusted_comment(lb, key))?;
        add_bytes(&mut zip, &signature_file(k), sig.as_bytes())?;
    }
    add_bytes(&mut zip, README_FILE, &readme)?;
    if let Some(m) = &metadata {
        add_bytes(&mut zip, METADATA_FILE, m)?;
    }

    // Then the payload, in the order of its paths, each checked against its digest as it is
    // written (a file changed meanwhile is refused).
    for (((bag_path, file), size), digest) in files.iter().zip(&sizes).zip(&digests) {
        let mut reader = Hashing::open(file)?;
        zip.start_file(format!("{root}/{bag_path}"), options(bag_path, *size))
            .map_err(|e| write_err(&e))?;
        std::io::copy(&mut reader, &mut zip).map_err(|e| ArchiveError::Read {
            path: file.clone(),
            reason: e.to_string().into(),
        })?;
        if reader.bytes != *size || hex(&reader.hasher.finalize()) != *digest {
            return Err(ArchiveError::Changed(file.clone()));
        }
    }

    let buffered = zip.finish().map_err(|e| write_err(&e))?;
    let tmp = buffered.into_inner().map_err(|e| write_err(&e.error()))?;
    tmp.as_file().sync_all().map_err(|e| write_err(&e))?;
    let archive_bytes = tmp.as_file().metadata().map_err(|e| write_err(&e))?.len();
    tmp.persist(dest).map_err(|e| write_err(&e.error))?;
    Ok(Packed {
        path: dest.to_path_buf(),
        files: files.len(),
        payload_bytes,
        archive_bytes,
        signed: !signers.is_empty(),
    })
}

/// Files that are compressed already (PDF streams, photos, videos, spreadsheets) are stored as
/// they are: deflating the PDFs again saved 15 % of their size for most of the time of packing
/// and of verifying (docs/PERFORMANCE.md), and a stored entry damaged on its medium loses only
/// the damaged bytes, not the rest of the entry. Text (YAML, manifests) is deflated.
fn compression_for(name: &str) -> CompressionMethod {
    const COMPRESSED: &[&str] = &[
        "pdf", "ofd", "jpg", "jpeg", "png", "heic", "mp4", "mov", "avi", "xlsx", "zip", "gz",
    ];
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if COMPRESSED.contains(&ext.as_str()) {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    }
}

/// Every entry's timestamp: the moment the bag is made ([`spotcheck_core::clock::bagging_time`]; 1980-01-01
/// when it cannot be written in a zip).
fn zip_time() -> DateTime {
    use chrono::Timelike;
    let t = spotcheck_core::clock::bagging_time();
    u16::try_from(t.year())
        .ok()
        .and_then(|y| {
            DateTime::from_date_and_time(
                y,
                t.month() as u8,
                t.day() as u8,
                t.hour() as u8,
                t.minute() as u8,
                t.second() as u8,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// A payload path: under `data/`, `/`-separated, without empty, `.` or `..` segments.
fn check_bag_path(path: &str) -> Result<(), ArchiveError> {
    let ok = path.starts_with("data/")
        && !path.contains('\\')
        && !path.contains('\0')
        && path
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..");
    if ok {
        Ok(())
    } else {
        Err(ArchiveError::BadPath(path.into()))
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

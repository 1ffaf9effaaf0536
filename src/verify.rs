//! Verifying an archive, zipped or unzipped, without extracting it: every entry streams through
//! SHA-256 with a bounded buffer and is compared with the manifests; every missing, extra,
//! renamed and altered file is reported by name, not only the first.
//!
//! A zip is untrusted input. Names that are absolute, contain `..`, backslashes or NUL are
//! refused; duplicate names are reported; the local headers must agree with the central
//! directory; an entry is decompressed at most up to its declared size, a declared size that
//! no deflate stream of the entry's compressed size could reach is refused unread, and the
//! declared sizes together are capped, as is the number of entries. Read errors (a CRC that
//! does not match, a truncated stream) are damage to that entry, reported with the others.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::archive::{
    BAG_INFO_FILE, BAGIT_FILE, MANIFEST_FILE, SIGNATURE_FILE, TAGMANIFEST_FILE,
    decode_manifest_path, nfc,
};
use crate::sign::{self, SignatureInfo};

/// The tag files whose content verify reads (each at most [`TAG_FILE_CAP`] bytes).
const TAG_FILES: [&str; 5] = [
    BAGIT_FILE,
    BAG_INFO_FILE,
    MANIFEST_FILE,
    TAGMANIFEST_FILE,
    SIGNATURE_FILE,
];
/// The tag files that the tag manifest must list.
const LISTED_TAG_FILES: [&str; 3] = [BAGIT_FILE, BAG_INFO_FILE, MANIFEST_FILE];
const TAG_FILE_CAP: u64 = 64 << 20;
/// Deflate cannot expand data by more than about 1032 to 1.
const MAX_DEFLATE_RATIO: u64 = 1032;
const BUF_SIZE: usize = 64 << 10;

/// What to check, and the limits that keep a hostile archive from exhausting the machine.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Public key file text; when given, the signature must be present and valid.
    pub public_key: Option<String>,
    /// At most this many zip entries.
    pub max_entries: usize,
    /// At most this many bytes decompressed in all (checked against the declared sizes).
    pub max_total_bytes: u64,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            public_key: None,
            max_entries: 1_000_000,
            max_total_bytes: 1 << 40,
        }
    }
}

/// The overall result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every file is present and matches; the signature verified when a key was given.
    Intact,
    /// Readable, but something is missing, extra, altered or unsigned.
    Damaged,
    /// Not an archive that can be read: not a zip or folder, no bag in it, or past the limits.
    Unreadable,
}

impl Verdict {
    /// 0 intact, 1 damaged, 2 unreadable.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Intact => 0,
            Verdict::Damaged => 1,
            Verdict::Unreadable => 2,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Intact => "完好",
            Verdict::Damaged => "已损坏",
            Verdict::Unreadable => "无法读取",
        }
    }
}

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Listed in the payload manifest, not in the bag.
    Missing,
    /// In the bag, listed in no manifest.
    Extra,
    /// A missing file whose content is present under another name.
    Renamed,
    /// Content differs from the payload manifest.
    Altered,
    /// A tag file listed in the tag manifest is absent, or a required tag file is absent.
    TagMissing,
    /// A tag file differs from the tag manifest.
    TagAltered,
    /// A required tag file that the tag manifest does not list.
    TagNotListed,
    /// bagit.txt is not a valid BagIt declaration.
    BadBagitTxt,
    /// bag-info.txt is unreadable or lacks its Payload-Oxum.
    BadBagInfo,
    /// Payload-Oxum disagrees with the payload.
    PayloadOxum,
    /// A manifest line that cannot be read.
    BadManifest,
    /// An entry name that is absolute, contains `..`, a backslash or NUL, or is not UTF-8.
    UnsafeName,
    /// Two entries with the same name.
    DuplicateName,
    /// An entry that cannot be read (CRC error, truncated, unsupported, implausible size).
    Unreadable,
    /// The zip's headers contradict each other.
    ZipStructure,
    /// A signature was required and is absent.
    SignatureMissing,
    /// The signature does not verify.
    SignatureInvalid,
}

/// One problem, naming the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Path relative to the bag (`data/evidence/...`, `bag-info.txt`), or the zip entry name.
    pub path: String,
    /// The new name of a renamed file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// In Chinese, for the clerk.
    pub message: String,
}

impl Finding {
    fn new(kind: FindingKind, path: &str, message: String) -> Self {
        Finding {
            kind,
            path: path.to_string(),
            to: None,
            expected: None,
            actual: None,
            message,
        }
    }
}

/// The signature, as far as it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SignatureStatus {
    /// No public key given.
    NotChecked {
        present: bool,
    },
    Valid(SignatureInfo),
    Invalid {
        reason: String,
    },
    Missing,
}

/// Everything verify found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The zip or folder verified.
    pub archive: String,
    /// The bag's folder name (the batch id).
    pub bag: Option<String>,
    pub verdict: Verdict,
    /// Why the archive could not be read at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Payload files found, and their total size.
    pub payload_files: usize,
    pub payload_bytes: u64,
    pub signature: SignatureStatus,
    pub findings: Vec<Finding>,
}

impl Report {
    fn unreadable(archive: &Path, error: String) -> Self {
        Report {
            archive: archive.display().to_string(),
            bag: None,
            verdict: Verdict::Unreadable,
            error: Some(error),
            payload_files: 0,
            payload_bytes: 0,
            signature: SignatureStatus::NotChecked { present: false },
            findings: Vec::new(),
        }
    }

    /// The findings concerning one path.
    pub fn about(&self, path: &str) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.path == path || f.to.as_deref() == Some(path))
            .collect()
    }

    /// The report for a clerk, in Chinese.
    pub fn human(&self) -> String {
        let mut s = format!("归档：{}", self.archive);
        if let Some(bag) = &self.bag {
            s.push_str(&format!("（{bag}）"));
        }
        s.push('\n');
        match self.verdict {
            Verdict::Unreadable => {
                s.push_str(&format!(
                    "结论：无法读取 —— {}\n",
                    self.error.as_deref().unwrap_or("原因不明")
                ));
            }
            Verdict::Intact => {
                s.push_str(&format!(
                    "结论：完好 —— {} 个文件，共 {} 字节，全部与清单一致\n",
                    self.payload_files, self.payload_bytes
                ));
            }
            Verdict::Damaged => {
                s.push_str(&format!(
                    "结论：已损坏 —— 发现 {} 处问题：\n",
                    self.findings.len()
                ));
            }
        }
        for f in &self.findings {
            s.push_str(&format!("  - {}\n", f.message));
        }
        match &self.signature {
            SignatureStatus::NotChecked { present: true } => {
                s.push_str("签名：归档已签名，未核验（用 --pubkey 指定公钥以核验）\n")
            }
            SignatureStatus::NotChecked { present: false } => {}
            SignatureStatus::Valid(info) => s.push_str(&format!(
                "签名：有效（密钥 {}，{}）\n",
                info.key_id, info.trusted_comment
            )),
            SignatureStatus::Invalid { reason } => s.push_str(&format!("签名：无效 —— {reason}\n")),
            SignatureStatus::Missing => s.push_str("签名：缺失\n"),
        }
        s
    }
}

/// One file of the bag as read: its size and hash (none when it could not be read).
#[derive(Debug, Clone)]
struct Entry {
    size: u64,
    sha256: Option<[u8; 32]>,
}

/// What reading a zip or a folder gives: the files by name relative to the bag, the content of
/// the tag files, and the problems met on the way.
#[derive(Debug, Default)]
struct Collected {
    bag: String,
    entries: BTreeMap<String, Entry>,
    tags: HashMap<String, Vec<u8>>,
    findings: Vec<Finding>,
}

impl Collected {
    /// Records a file read to its end: its size and hash, and its bytes if it is a tag file.
    fn read(&mut self, rel: String, hash: [u8; 32], count: u64, kept: Option<Vec<u8>>) {
        if let Some(k) = kept {
            self.tags.insert(rel.clone(), k);
        }
        self.entries.insert(
            rel,
            Entry {
                size: count,
                sha256: Some(hash),
            },
        );
    }

    /// Records a file that could not be read whole: present, with no hash, and a finding.
    fn unreadable(&mut self, rel: String, size: u64, message: String) {
        self.findings
            .push(Finding::new(FindingKind::Unreadable, &rel, message));
        self.entries.insert(rel, Entry { size, sha256: None });
    }
}

/// Verifies a zip or an unzipped bag folder.
pub fn verify(path: &Path, opts: &VerifyOptions) -> Report {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if path.is_dir() {
            collect_folder(path)
        } else {
            collect_zip(path, opts)
        }
    }));
    let collected = match result {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Report::unreadable(path, e),
        Err(_) => return Report::unreadable(path, "读取时发生内部错误".into()),
    };
    evaluate(path, collected, opts)
}

/// Whether a name (relative, `/`-separated) is safe: not absolute, no drive letter, no `..`
/// or `.` or empty segment, no backslash or NUL. A trailing `/` (a directory entry) is allowed.
fn name_problem(name: &str) -> Option<&'static str> {
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if name.starts_with('/') || name.chars().nth(1) == Some(':') {
        Some("是绝对路径")
    } else if name.contains('\\') {
        Some("含有反斜杠")
    } else if name.contains('\0') {
        Some("含有 NUL 字符")
    } else if trimmed.split('/').any(|p| p == "..") {
        Some("含有 ..（指向上级目录）")
    } else if trimmed.split('/').any(|p| p.is_empty() || p == ".") {
        Some("含有空的或 . 路径段")
    } else {
        None
    }
}

fn is_tag_name(rel: &str) -> bool {
    TAG_FILES.contains(&rel)
}

/// Streams `reader` through SHA-256, reading at most `limit` bytes plus one (to notice more).
/// Keeps the bytes when `keep` (a tag file). Returns the hash, the count, and the kept bytes.
fn hash_stream(
    reader: &mut dyn Read,
    limit: u64,
    keep: bool,
) -> std::io::Result<([u8; 32], u64, Option<Vec<u8>>)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; BUF_SIZE];
    let mut count: u64 = 0;
    let mut kept = keep.then(Vec::new);
    let mut limited = reader.take(limit.saturating_add(1));
    loop {
        let n = match limited.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        count += n as u64;
        if let Some(k) = kept.as_mut() {
            if (k.len() as u64) + (n as u64) <= TAG_FILE_CAP {
                k.extend_from_slice(&buf[..n]);
            } else {
                kept = None;
            }
        }
    }
    Ok((hasher.finalize().into(), count, kept))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// ---------------------------------------------------------------------------------------------
// Zip
// ---------------------------------------------------------------------------------------------

fn collect_zip(path: &Path, opts: &VerifyOptions) -> Result<Collected, String> {
    let file = File::open(path).map_err(|e| format!("无法打开：{e}"))?;
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut zip = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| format!("不是可读的 zip 文件（可能已截断或不是归档）：{e}"))?;
    if zip.len() > opts.max_entries {
        return Err(format!(
            "条目过多：{} 个，超过上限 {} 个",
            zip.len(),
            opts.max_entries
        ));
    }
    let mut c = Collected::default();

    if zip.has_duplicate_names() {
        let names = duplicate_names(path).unwrap_or_default();
        if names.is_empty() {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                "",
                "压缩包中有重复的文件名：同名条目只能有一个".into(),
            ));
        }
        for n in names {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &n,
                format!("重复的文件名：{n}（压缩包中出现多次，无法确定哪一个是原件）"),
            ));
        }
    } else if let Err(e) = zip.validate_header_consistency() {
        c.findings.push(Finding::new(
            FindingKind::ZipStructure,
            "",
            format!("压缩包结构不一致（本地文件头与中央目录不符，或条目重叠）：{e}"),
        ));
    }

    // Names first: the bag is the one top-level folder holding bagit.txt.
    let mut names: Vec<Option<String>> = Vec::with_capacity(zip.len());
    for raw in zip.file_names_raw() {
        names.push(match std::str::from_utf8(raw) {
            Ok(s) => Some(s.to_string()),
            Err(_) => None,
        });
    }
    let roots: BTreeSet<&str> = names
        .iter()
        .flatten()
        .filter_map(|n| n.strip_suffix(&format!("/{BAGIT_FILE}")))
        .filter(|r| !r.contains('/') && name_problem(r).is_none())
        .collect();
    let root_at_top = names.iter().flatten().any(|n| n == BAGIT_FILE);
    let prefix = match (roots.len(), root_at_top) {
        (1, false) => {
            let r = roots.iter().next().copied().unwrap_or_default();
            c.bag = r.to_string();
            format!("{r}/")
        }
        (0, true) => String::new(),
        (0, false) => {
            return Err("压缩包中找不到 bagit.txt：这不是 BagIt 归档".into());
        }
        _ => return Err("压缩包中有不止一个 bagit.txt：无法确定归档的根目录".into()),
    };

    let mut declared_total: u64 = 0;
    let mut seen_nfc: HashMap<String, String> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        let Some(name) = name else {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &format!("#{}", i + 1),
                format!("第 {} 个条目的文件名不是 UTF-8 编码，已拒绝", i + 1),
            ));
            continue;
        };
        if let Some(why) = name_problem(name) {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                name,
                format!("不安全的条目名 “{name}”：{why}，已拒绝（未读取）"),
            ));
            continue;
        }
        let Some(rel) = name.strip_prefix(&prefix) else {
            c.findings.push(Finding::new(
                FindingKind::Extra,
                name,
                format!("多出的文件：{name}（在归档目录 {} 之外）", c.bag),
            ));
            continue;
        };
        let mut f = match zip.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                c.findings.push(Finding::new(
                    FindingKind::Unreadable,
                    rel,
                    format!("无法读取：{rel}（{e}）"),
                ));
                continue;
            }
        };
        if f.is_dir() {
            continue;
        }
        let rel = nfc(rel);
        if let Some(first) = seen_nfc.insert(rel.clone(), name.clone()) {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &rel,
                format!("重复的文件名：{first} 与 {name} 规范化（NFC）后相同"),
            ));
            continue;
        }
        if f.is_symlink() {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &rel,
                format!("{rel} 是符号链接，不是普通文件，已拒绝"),
            ));
            continue;
        }
        let declared = f.size();
        let compressed = f.compressed_size();
        let plausible = match f.compression() {
            zip::CompressionMethod::Stored => declared == compressed,
            _ => {
                declared
                    <= compressed
                        .saturating_mul(MAX_DEFLATE_RATIO)
                        .saturating_add(1024)
            }
        } && compressed <= file_len;
        if !plausible {
            c.findings.push(Finding::new(
                FindingKind::Unreadable,
                &rel,
                format!(
                    "{rel} 声明的大小不可能成立（解压后 {declared} 字节，压缩后 {compressed} 字节，压缩包共 {file_len} 字节），疑为恶意压缩包，未读取"
                ),
            ));
            c.entries.insert(
                rel,
                Entry {
                    size: declared,
                    sha256: None,
                },
            );
            continue;
        }
        declared_total = declared_total.saturating_add(declared);
        if declared_total > opts.max_total_bytes {
            return Err(format!(
                "解压后总大小超过上限 {} 字节，停止读取",
                opts.max_total_bytes
            ));
        }
        let keep = is_tag_name(&rel);
        match hash_stream(&mut f, declared, keep) {
            Ok((hash, count, kept)) => {
                if count != declared {
                    let message = format!(
                        "{rel} 的实际大小与压缩包声明的不符（声明 {declared} 字节，读出 {}{} 字节）",
                        if count > declared { "超过 " } else { "" },
                        count
                    );
                    c.unreadable(rel, declared, message);
                    continue;
                }
                c.read(rel, hash, count, kept);
            }
            Err(e) => {
                let message = format!("无法读取：{rel}（内容已损坏：{e}）");
                c.unreadable(rel, declared, message);
            }
        }
    }
    Ok(c)
}

/// The names that occur more than once in the central directory, read directly (the zip
/// reader keeps one entry per name). Only for archives without ZIP64 end records.
fn duplicate_names(path: &Path) -> Option<Vec<String>> {
    let mut f = File::open(path).ok()?;
    let len = f.metadata().ok()?.len();
    let tail_len = len.min(65_557);
    f.seek(SeekFrom::Start(len - tail_len)).ok()?;
    let mut tail = vec![0u8; tail_len as usize];
    f.read_exact(&mut tail).ok()?;
    let eocd = tail.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let rec = tail.get(eocd..eocd + 22)?;
    let u16_at = |b: &[u8], i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    let count = u16_at(rec, 10) as usize;
    let cd_size = u32_at(rec, 12) as u64;
    let cd_offset = u32_at(rec, 16) as u64;
    if cd_size > len || cd_offset > len - cd_size || cd_size > 256 << 20 {
        return None;
    }
    f.seek(SeekFrom::Start(cd_offset)).ok()?;
    let mut cd = vec![0u8; cd_size as usize];
    f.read_exact(&mut cd).ok()?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut at = 0usize;
    for _ in 0..count {
        let h = cd.get(at..at + 46)?;
        if &h[..4] != b"PK\x01\x02" {
            return None;
        }
        let (n, x, k) = (
            u16_at(h, 28) as usize,
            u16_at(h, 30) as usize,
            u16_at(h, 32) as usize,
        );
        let name = cd.get(at + 46..at + 46 + n)?;
        *counts
            .entry(String::from_utf8_lossy(name).into_owned())
            .or_default() += 1;
        at += 46 + n + x + k;
    }
    Some(
        counts
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(name, _)| name)
            .collect(),
    )
}

// ---------------------------------------------------------------------------------------------
// Folder
// ---------------------------------------------------------------------------------------------

fn collect_folder(path: &Path) -> Result<Collected, String> {
    let root: PathBuf = if path.join(BAGIT_FILE).is_file() {
        path.to_path_buf()
    } else {
        // The folder a zip was extracted into: one bag folder inside.
        let mut bags = Vec::new();
        let entries = std::fs::read_dir(path).map_err(|e| format!("无法读取文件夹：{e}"))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) && p.join(BAGIT_FILE).is_file() {
                bags.push(p);
            }
        }
        match bags.len() {
            1 => bags.remove(0),
            0 => return Err("文件夹中找不到 bagit.txt：这不是 BagIt 归档".into()),
            _ => return Err("文件夹中有不止一个归档（bagit.txt）：请指定其中一个".into()),
        }
    };
    let mut c = Collected {
        bag: root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        ..Default::default()
    };
    for entry in walkdir::WalkDir::new(&root)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e
                    .path()
                    .and_then(|p| p.strip_prefix(&root).ok())
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                c.findings.push(Finding::new(
                    FindingKind::Unreadable,
                    &p,
                    format!("无法读取：{p}（{e}）"),
                ));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let rel_path = entry.path().strip_prefix(&root).unwrap_or(entry.path());
        let Some(rel) = rel_path
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<Vec<_>>>()
            .map(|parts| nfc(&parts.join("/")))
        else {
            let shown = rel_path.display().to_string();
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &shown,
                format!("文件名不是 UTF-8 编码：{shown}"),
            ));
            continue;
        };
        if !entry.file_type().is_file() {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &rel,
                format!("{rel} 是符号链接或特殊文件，不是普通文件，未跟随"),
            ));
            continue;
        }
        if c.entries.contains_key(&rel) {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &rel,
                format!("重复的文件名：{rel}（规范化为 NFC 后相同）"),
            ));
            continue;
        }
        let keep = is_tag_name(&rel);
        let read =
            File::open(entry.path()).and_then(|mut f| hash_stream(&mut f, u64::MAX - 1, keep));
        match read {
            Ok((hash, count, kept)) => c.read(rel, hash, count, kept),
            Err(e) => {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                let message = format!("无法读取：{rel}（{e}）");
                c.unreadable(rel, size, message);
            }
        }
    }
    Ok(c)
}

// ---------------------------------------------------------------------------------------------
// The bag
// ---------------------------------------------------------------------------------------------

/// A manifest as read: path → expected SHA-256 (lowercase hex).
fn parse_manifest(
    file: &str,
    bytes: &[u8],
    payload: bool,
    findings: &mut Vec<Finding>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            findings.push(Finding::new(
                FindingKind::BadManifest,
                file,
                format!("{file} 不是 UTF-8 文本"),
            ));
            return out;
        }
    };
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: &str| {
            Finding::new(
                FindingKind::BadManifest,
                file,
                format!("{file} 第 {} 行无法识别（{why}）：{line}", i + 1),
            )
        };
        let Some((hash, rest)) = line.split_once([' ', '\t']) else {
            findings.push(bad("应为“校验值 路径”"));
            continue;
        };
        let path = rest.trim_start_matches([' ', '\t']);
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            findings.push(bad("校验值不是 64 位十六进制 SHA-256"));
            continue;
        }
        let path = nfc(&decode_manifest_path(path));
        if let Some(why) = name_problem(&path) {
            findings.push(bad(why));
            continue;
        }
        if path.starts_with("data/") != payload {
            findings.push(bad(if payload {
                "载荷清单只能列出 data/ 下的文件"
            } else {
                "标签清单不能列出 data/ 下的文件"
            }));
            continue;
        }
        if out
            .insert(path.clone(), hash.to_ascii_lowercase())
            .is_some()
        {
            findings.push(bad("同一文件列出了两次"));
        }
    }
    out
}

fn check_bagit_txt(bytes: &[u8]) -> Option<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some("不是 UTF-8 文本".into());
    };
    let mut version = None;
    let mut encoding = None;
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim() {
                "BagIt-Version" => version = Some(v.trim().to_string()),
                "Tag-File-Character-Encoding" => encoding = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    match (version.as_deref(), encoding.as_deref()) {
        (Some("1.0" | "0.97"), Some(e)) if e.eq_ignore_ascii_case("UTF-8") => None,
        (None, _) => Some("缺少 BagIt-Version".into()),
        (Some(v), _) if v != "1.0" && v != "0.97" => Some(format!("不支持的 BagIt 版本 {v}")),
        _ => Some("Tag-File-Character-Encoding 应为 UTF-8".into()),
    }
}

/// Payload-Oxum from bag-info.txt: (octets, files).
fn payload_oxum(bytes: &[u8]) -> Result<(u64, u64), String> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| "bag-info.txt 不是 UTF-8 文本".to_string())?;
    let value = text
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.trim() == "Payload-Oxum")
                .map(|(_, v)| v.trim())
        })
        .ok_or_else(|| "bag-info.txt 中没有 Payload-Oxum".to_string())?;
    let parsed = value
        .split_once('.')
        .and_then(|(o, n)| Some((o.parse().ok()?, n.parse().ok()?)));
    parsed.ok_or_else(|| format!("Payload-Oxum 的值 “{value}” 应为“字节数.文件数”"))
}

fn evaluate(path: &Path, c: Collected, opts: &VerifyOptions) -> Report {
    let Collected {
        bag,
        entries,
        tags,
        mut findings,
    } = c;
    let tag = |name: &str| tags.get(name);
    let present = |name: &str| entries.contains_key(name);
    for name in TAG_FILES {
        if matches!(
            entries.get(name),
            Some(Entry {
                sha256: Some(_),
                ..
            })
        ) && tag(name).is_none()
        {
            findings.push(Finding::new(
                FindingKind::Unreadable,
                name,
                format!("{name} 超过 {} MiB，未读取", TAG_FILE_CAP >> 20),
            ));
        }
    }

    // bagit.txt
    match tag(BAGIT_FILE) {
        Some(b) => {
            if let Some(why) = check_bagit_txt(b) {
                findings.push(Finding::new(
                    FindingKind::BadBagitTxt,
                    BAGIT_FILE,
                    format!("bagit.txt 无效：{why}"),
                ));
            }
        }
        None if present(BAGIT_FILE) => {}
        None => findings.push(Finding::new(
            FindingKind::TagMissing,
            BAGIT_FILE,
            "缺失：bagit.txt".into(),
        )),
    }

    // The payload manifest against the payload.
    let payload: BTreeMap<&String, &Entry> = entries
        .iter()
        .filter(|(k, _)| k.starts_with("data/"))
        .collect();
    let manifest = match tag(MANIFEST_FILE) {
        Some(b) => Some(parse_manifest(MANIFEST_FILE, b, true, &mut findings)),
        None => {
            if !present(MANIFEST_FILE) {
                findings.push(Finding::new(
                    FindingKind::TagMissing,
                    MANIFEST_FILE,
                    "缺失：载荷清单 manifest-sha256.txt，无法核对任何文件".into(),
                ));
            }
            None
        }
    };
    if let Some(manifest) = &manifest {
        let mut missing: Vec<(&String, &String)> = Vec::new();
        for (p, want) in manifest {
            match payload.get(p) {
                None => missing.push((p, want)),
                Some(Entry { sha256: None, .. }) => {} // reported as unreadable
                Some(Entry {
                    sha256: Some(got), ..
                }) => {
                    let got = hex(got);
                    if &got != want {
                        let mut f = Finding::new(
                            FindingKind::Altered,
                            p,
                            format!("被改动：{p}（内容与清单记载的 SHA-256 不符）"),
                        );
                        f.expected = Some(want.clone());
                        f.actual = Some(got);
                        findings.push(f);
                    }
                }
            }
        }
        let mut extra: Vec<(&String, Option<String>)> = payload
            .iter()
            .filter(|(p, _)| !manifest.contains_key(**p))
            .map(|(p, e)| (*p, e.sha256.map(|h| hex(&h))))
            .collect();
        for (p, want) in missing {
            let renamed = extra
                .iter()
                .position(|(_, h)| h.as_deref() == Some(want.as_str()));
            match renamed {
                Some(i) => {
                    let (to, _) = extra.remove(i);
                    let mut f = Finding::new(
                        FindingKind::Renamed,
                        p,
                        format!("被改名：{p} → {to}（内容未变，名称与清单不符）"),
                    );
                    f.to = Some(to.clone());
                    findings.push(f);
                }
                None => findings.push(Finding::new(
                    FindingKind::Missing,
                    p,
                    format!("缺失：{p}（清单中有，归档中没有）"),
                )),
            }
        }
        for (p, _) in extra {
            findings.push(Finding::new(
                FindingKind::Extra,
                p,
                format!("多出的文件：{p}（归档中有，清单中没有）"),
            ));
        }
    }

    // Payload-Oxum.
    let actual_bytes: u64 = payload.values().map(|e| e.size).sum();
    let actual_files = payload.len() as u64;
    match tag(BAG_INFO_FILE) {
        Some(b) => match payload_oxum(b) {
            Ok((bytes, files)) => {
                // The size of an unreadable entry is unknown: then only the count is compared.
                let sizes_known = payload.values().all(|e| e.sha256.is_some());
                if files != actual_files || (sizes_known && bytes != actual_bytes) {
                    let mut f = Finding::new(
                        FindingKind::PayloadOxum,
                        BAG_INFO_FILE,
                        format!(
                            "Payload-Oxum 不符：bag-info.txt 记载 {files} 个文件 {bytes} 字节，实有 {actual_files} 个文件 {actual_bytes} 字节"
                        ),
                    );
                    f.expected = Some(format!("{bytes}.{files}"));
                    f.actual = Some(format!("{actual_bytes}.{actual_files}"));
                    findings.push(f);
                }
            }
            Err(why) => findings.push(Finding::new(FindingKind::BadBagInfo, BAG_INFO_FILE, why)),
        },
        None if present(BAG_INFO_FILE) => {}
        None => findings.push(Finding::new(
            FindingKind::TagMissing,
            BAG_INFO_FILE,
            "缺失：bag-info.txt".into(),
        )),
    }

    // The tag manifest against the tag files.
    let tagmanifest = tag(TAGMANIFEST_FILE);
    match tagmanifest {
        Some(b) => {
            let listed = parse_manifest(TAGMANIFEST_FILE, b, false, &mut findings);
            for (p, want) in &listed {
                match entries.get(p) {
                    None => findings.push(Finding::new(
                        FindingKind::TagMissing,
                        p,
                        format!("缺失：{p}（标签清单中有，归档中没有）"),
                    )),
                    Some(Entry { sha256: None, .. }) => {}
                    Some(Entry {
                        sha256: Some(got), ..
                    }) => {
                        let got = hex(got);
                        if &got != want {
                            let mut f = Finding::new(
                                FindingKind::TagAltered,
                                p,
                                format!("被改动：{p}（内容与标签清单记载的 SHA-256 不符）"),
                            );
                            f.expected = Some(want.clone());
                            f.actual = Some(got);
                            findings.push(f);
                        }
                    }
                }
            }
            for required in LISTED_TAG_FILES {
                if present(required) && !listed.contains_key(required) {
                    findings.push(Finding::new(
                        FindingKind::TagNotListed,
                        required,
                        format!("标签清单没有列出 {required}，其内容无从核对"),
                    ));
                }
            }
            // Anything else outside data/ is neither payload nor a known or listed tag file.
            for p in entries.keys() {
                if !p.starts_with("data/") && !is_tag_name(p) && !listed.contains_key(p) {
                    findings.push(Finding::new(
                        FindingKind::Extra,
                        p,
                        format!("多出的文件：{p}（不在任何清单中）"),
                    ));
                }
            }
        }
        None => {
            if !present(TAGMANIFEST_FILE) {
                findings.push(Finding::new(
                    FindingKind::TagMissing,
                    TAGMANIFEST_FILE,
                    "缺失：标签清单 tagmanifest-sha256.txt".into(),
                ));
            }
        }
    }

    // The signature over the tag manifest.
    let sig_text = tag(SIGNATURE_FILE);
    let signature = match &opts.public_key {
        None => SignatureStatus::NotChecked {
            present: present(SIGNATURE_FILE),
        },
        Some(pk) => match (sig_text, tagmanifest) {
            (None, _) => {
                findings.push(Finding::new(
                    FindingKind::SignatureMissing,
                    SIGNATURE_FILE,
                    format!("缺失：签名文件 {SIGNATURE_FILE}（要求核验签名，归档却未签名）"),
                ));
                SignatureStatus::Missing
            }
            (Some(_), None) => {
                let reason = "没有可读的标签清单，签名无从核验".to_string();
                findings.push(Finding::new(
                    FindingKind::SignatureInvalid,
                    SIGNATURE_FILE,
                    format!("签名无效：{SIGNATURE_FILE}（{reason}）"),
                ));
                SignatureStatus::Invalid { reason }
            }
            (Some(sig), Some(data)) => {
                let checked = std::str::from_utf8(sig)
                    .map_err(|_| "签名文件不是 UTF-8 文本".to_string())
                    .and_then(|s| sign::verify(pk, s, data));
                match checked {
                    Ok(info) => SignatureStatus::Valid(info),
                    Err(reason) => {
                        findings.push(Finding::new(
                            FindingKind::SignatureInvalid,
                            SIGNATURE_FILE,
                            format!("签名无效：{SIGNATURE_FILE}（{reason}）"),
                        ));
                        SignatureStatus::Invalid { reason }
                    }
                }
            }
        },
    };

    findings.sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
    Report {
        archive: path.display().to_string(),
        bag: Some(bag).filter(|b| !b.is_empty()),
        verdict: if findings.is_empty() {
            Verdict::Intact
        } else {
            Verdict::Damaged
        },
        error: None,
        payload_files: payload.len(),
        payload_bytes: actual_bytes,
        signature,
        findings,
    }
}

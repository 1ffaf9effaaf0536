//! Reading a bag serialized as a zip, streaming: the one folder holding bagit.txt, every
//! entry hashed once, and what a hostile zip tries (duplicate names, unsafe paths, symbolic
//! links, sizes that lie, too many entries, too many bytes).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::BAGIT_FILE;
use crate::bagit::{self, FileInfo, name_problem, nfc};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;

use super::{
    Collected, Finding, FindingKind, MAX_DEFLATE_RATIO, VerifyOptions, hash_stream, is_pdf,
    is_tag_name,
};

type Zip = zip::ZipArchive<BufReader<File>>;

pub(super) fn collect_zip(path: &Path, opts: &VerifyOptions) -> Result<Collected, Message> {
    let file = File::open(path).map_err(|e| msg!(VerifyOpen, error = e.to_string()))?;
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut zip = match zip::ZipArchive::new(BufReader::new(file)) {
        Ok(z) => z,
        // No central directory (a zip cut short, a copy that stopped): what its entries'
        // own headers still give, in their order, tag files first.
        Err(e) => {
            return salvage(path, opts).ok_or_else(|| msg!(VerifyNotZip, error = e.to_string()));
        }
    };
    if zip.len() > opts.max_entries {
        return Err(msg!(
            VerifyTooManyEntries,
            count = zip.len(),
            max = opts.max_entries
        ));
    }
    let mut c = Collected::default();
    structure(&mut zip, path, &mut c);

    // Names first: the bag is the one top-level folder holding bagit.txt.
    let names: Vec<Option<String>> = zip
        .file_names_raw()
        .map(|raw| std::str::from_utf8(raw).ok().map(str::to_string))
        .collect();
    let prefix = bag_prefix(&names, &mut c)?;

    // Which algorithms to compute, from the manifests' names, before reading anything.
    let in_bag = |n: &String| n.strip_prefix(prefix.as_str()).map(str::to_string);
    let root_names: Vec<String> = names.iter().flatten().filter_map(in_bag).collect();
    c.algorithms = bagit::needed_algorithms(root_names.iter().map(String::as_str));
    c.has_payload_dir = root_names.iter().any(|n| n.starts_with("data/"));

    let mut reading = Reading {
        declared_total: 0,
        seen_nfc: HashMap::new(),
        file_len,
    };
    for (i, name) in names.iter().enumerate() {
        read_entry(
            &mut zip,
            i,
            name.as_deref(),
            &prefix,
            opts,
            &mut reading,
            &mut c,
        )?;
    }
    Ok(c)
}

/// What the reading of the entries keeps from one to the next.
struct Reading {
    /// The sizes the entries declare, so far.
    declared_total: u64,
    /// Each name in NFC, and the name as written that first gave it.
    seen_nfc: HashMap<String, String>,
    /// The size of the zip file.
    file_len: u64,
}

/// Names written twice in the central directory, and headers that disagree with it.
fn structure(zip: &mut Zip, path: &Path, c: &mut Collected) {
    if zip.has_duplicate_names() {
        let names = duplicate_names(path).unwrap_or_default();
        if names.is_empty() {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                "",
                msg!(VerifyDuplicateNames),
            ));
        }
        for n in names {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &n,
                msg!(VerifyDuplicateName, name = &n),
            ));
        }
    } else if let Err(e) = zip.validate_header_consistency() {
        c.findings.push(Finding::new(
            FindingKind::ZipStructure,
            "",
            msg!(VerifyZipStructure, error = e.to_string()),
        ));
    }
}

/// The folder of the zip that holds bagit.txt, as a prefix of the entry names (empty when
/// bagit.txt is at the top); it names the bag.
fn bag_prefix(names: &[Option<String>], c: &mut Collected) -> Result<String, Message> {
    let roots: BTreeSet<&str> = names
        .iter()
        .flatten()
        .filter_map(|n| n.strip_suffix(&format!("/{BAGIT_FILE}")))
        .filter(|r| !r.contains('/') && name_problem(r).is_none())
        .collect();
    let root_at_top = names.iter().flatten().any(|n| n == BAGIT_FILE);
    match (roots.len(), root_at_top) {
        (1, false) => {
            let r = roots.iter().next().copied().unwrap_or_default();
            c.bag = r.to_string();
            Ok(format!("{r}/"))
        }
        // bagit.txt at the top: the bag is the whole zip, and a folder holding a bagit.txt is
        // part of its payload or tags (a bag inside a bag).
        (_, true) => Ok(String::new()),
        (0, false) => Err(msg!(VerifyZipNoBagit)),
        _ => Err(msg!(VerifyZipManyBagit)),
    }
}

/// Reads the entry `i`, named `name` (None: not UTF-8), into `c`: refused when its name is
/// unsafe, outside the bag, a second spelling of a name or a link; hashed, and checked
/// against the size it declares, otherwise. Stops the whole reading (Err) when the declared
/// sizes pass the limit.
#[allow(clippy::too_many_arguments)]
fn read_entry(
    zip: &mut Zip,
    i: usize,
    name: Option<&str>,
    prefix: &str,
    opts: &VerifyOptions,
    reading: &mut Reading,
    c: &mut Collected,
) -> Result<(), Message> {
    let Some(name) = name else {
        c.findings.push(Finding::new(
            FindingKind::UnsafeName,
            &format!("#{}", i + 1),
            msg!(VerifyEntryNotUtf8, n = i + 1),
        ));
        return Ok(());
    };
    if let Some(why) = name_problem(name) {
        c.findings.push(Finding::new(
            FindingKind::UnsafeName,
            name,
            msg!(VerifyUnsafeEntry, name = name, why = why),
        ));
        return Ok(());
    }
    let Some(rel) = name.strip_prefix(prefix) else {
        c.findings.push(Finding::new(
            FindingKind::Extra,
            name,
            msg!(VerifyOutsideBag, name = name, bag = &c.bag),
        ));
        return Ok(());
    };
    let mut f = match zip.by_index(i) {
        Ok(f) => f,
        Err(e) => {
            c.findings.push(Finding::new(
                FindingKind::Unreadable,
                rel,
                msg!(VerifyUnreadable, path = rel, error = e.to_string()),
            ));
            return Ok(());
        }
    };
    if f.is_dir() {
        return Ok(());
    }
    let rel = nfc(rel);
    if let Some(first) = reading.seen_nfc.insert(rel.clone(), name.to_string()) {
        c.findings.push(Finding::new(
            FindingKind::DuplicateName,
            &rel,
            msg!(VerifyDuplicateNfc, first = first, name = name),
        ));
        return Ok(());
    }
    if f.is_symlink() {
        c.findings.push(Finding::new(
            FindingKind::UnsafeName,
            &rel,
            msg!(VerifySymlink, path = &rel),
        ));
        return Ok(());
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
    } && compressed <= reading.file_len;
    if !plausible {
        c.findings.push(Finding::new(
            FindingKind::Unreadable,
            &rel,
            msg!(
                VerifyImplausibleSize,
                path = &rel,
                declared = declared,
                compressed = compressed,
                zip = reading.file_len
            ),
        ));
        c.entries.insert(
            rel,
            FileInfo {
                size: declared,
                digests: None,
            },
        );
        return Ok(());
    }
    reading.declared_total = reading.declared_total.saturating_add(declared);
    if reading.declared_total > opts.max_total_bytes {
        return Err(msg!(VerifyTooLarge, max = opts.max_total_bytes));
    }
    let keep = is_tag_name(&rel);
    match hash_stream(&mut f, declared, keep, is_pdf(&rel), &c.algorithms) {
        Ok(super::Streamed { count, .. }) if count != declared => {
            let message = if count > declared {
                msg!(
                    VerifySizeLong,
                    path = &rel,
                    declared = declared,
                    count = count
                )
            } else {
                msg!(
                    VerifySizeShort,
                    path = &rel,
                    declared = declared,
                    count = count
                )
            };
            c.unreadable(rel, declared, message);
        }
        Ok(s) => c.streamed(rel, s),
        Err(e) => {
            let message = msg!(VerifyCorrupt, path = &rel, error = e.to_string());
            c.unreadable(rel, declared, message);
        }
    }
    Ok(())
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

/// The entries of a zip without a central directory, read one after the other from their
/// own headers (as `zip -FF` would salvage them), until the data ends: `None` when not even
/// one entry reads. The bag is judged on what came back, and a finding says the archive is
/// cut short; spotcheck writes the tag files (manifests first) at the head of the zip, so
/// every payload file lost is then named by the manifest.
fn salvage(path: &Path, opts: &VerifyOptions) -> Option<Collected> {
    let file = File::open(path).ok()?;
    let file_len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut r = BufReader::new(file);
    let mut c = Collected::default();
    let mut reading = Reading {
        declared_total: 0,
        seen_nfc: HashMap::new(),
        file_len,
    };
    let mut prefix: Option<String> = None;
    let mut names_seen: Vec<String> = Vec::new();
    let mut read = 0usize;
    loop {
        let mut f = match zip::read::read_zipfile_from_stream(&mut r) {
            Ok(Some(f)) => f,
            Ok(None) | Err(_) => break,
        };
        if read >= opts.max_entries {
            break;
        }
        read += 1;
        let Some(name) = std::str::from_utf8(f.name_raw()).ok().map(str::to_string) else {
            continue;
        };
        if name_problem(&name).is_some() || f.is_dir() {
            continue;
        }
        // The bag's folder: that of the first bagit.txt.
        if prefix.is_none()
            && let Some(root) = name.strip_suffix(&format!("/{BAGIT_FILE}"))
            && !root.contains('/')
        {
            prefix = Some(format!("{root}/"));
            c.bag = root.to_string();
        }
        let Some(rel) = prefix.as_deref().and_then(|p| name.strip_prefix(p)) else {
            continue;
        };
        let rel = nfc(rel);
        names_seen.push(rel.clone());
        // The manifests come before the payload: their algorithms are known by then.
        c.algorithms = bagit::needed_algorithms(names_seen.iter().map(String::as_str));
        c.has_payload_dir |= rel.starts_with("data/");
        if reading.seen_nfc.insert(rel.clone(), name.clone()).is_some() {
            continue;
        }
        let declared = f.size();
        reading.declared_total = reading.declared_total.saturating_add(declared);
        if reading.declared_total > opts.max_total_bytes {
            break;
        }
        let keep = is_tag_name(&rel);
        match hash_stream(&mut f, declared, keep, is_pdf(&rel), &c.algorithms) {
            Ok(s) if s.count == declared => c.streamed(rel, s),
            // The entry the data ended in: lost, as the manifest will say.
            _ => break,
        }
    }
    prefix.as_ref()?;
    c.findings.push(Finding::new(
        FindingKind::ZipStructure,
        "",
        msg!(VerifyTruncated, files = c.entries.len()),
    ));
    Some(c)
}

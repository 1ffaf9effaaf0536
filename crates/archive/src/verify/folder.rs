//! Reading a bag unzipped into a folder (or the folder a zip was extracted into).

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::BAGIT_FILE;
use crate::bagit::{self, nfc};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;

use super::{Collected, Finding, FindingKind, hash_stream, is_pdf, is_tag_name};

pub(super) fn collect_folder(path: &Path) -> Result<Collected, Message> {
    let root: PathBuf = if path.join(BAGIT_FILE).is_file() {
        path.to_path_buf()
    } else {
        // The folder a zip was extracted into: one bag folder inside.
        let mut bags = Vec::new();
        let entries = std::fs::read_dir(path)
            .map_err(|e| msg!(VerifyFolderUnreadable, error = e.to_string()))?;
        for entry in entries.flatten() {
            let p = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) && p.join(BAGIT_FILE).is_file() {
                bags.push(p);
            }
        }
        match bags.len() {
            1 => bags.remove(0),
            0 => return Err(msg!(VerifyFolderNoBagit)),
            _ => return Err(msg!(VerifyFolderManyBags)),
        }
    };
    let root_names: Vec<String> = std::fs::read_dir(&root)
        .map_err(|e| msg!(VerifyFolderUnreadable, error = e.to_string()))?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(nfc))
        .collect();
    let mut c = Collected {
        bag: root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        algorithms: bagit::needed_algorithms(root_names.iter().map(String::as_str)),
        has_payload_dir: std::fs::symlink_metadata(root.join("data")).is_ok_and(|m| m.is_dir()),
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
                    msg!(VerifyUnreadable, path = &p, error = e.to_string()),
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
                msg!(VerifyNameNotUtf8, path = &shown),
            ));
            continue;
        };
        if !entry.file_type().is_file() {
            c.findings.push(Finding::new(
                FindingKind::UnsafeName,
                &rel,
                msg!(VerifySpecialFile, path = &rel),
            ));
            continue;
        }
        if c.entries.contains_key(&rel) {
            c.findings.push(Finding::new(
                FindingKind::DuplicateName,
                &rel,
                msg!(VerifyDuplicateFile, path = &rel),
            ));
            continue;
        }
        let keep = is_tag_name(&rel);
        let read = File::open(entry.path())
            .and_then(|mut f| hash_stream(&mut f, u64::MAX - 1, keep, is_pdf(&rel), &c.algorithms));
        match read {
            Ok(s) => c.streamed(rel, s),
            Err(e) => {
                let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
                let message = msg!(VerifyUnreadable, path = &rel, error = e.to_string());
                c.unreadable(rel, size, message);
            }
        }
    }
    Ok(c)
}

//! The checksum algorithms a bag may use (RFC 8493 §2.4), digests computed in one pass, the
//! names of manifests, and the two helpers every part of the archive shares: names in NFC and
//! digests in hexadecimal.

use std::collections::BTreeSet;

use serde::Serialize;
use sha2::{Digest, Sha256, Sha512};
use unicode_normalization::UnicodeNormalization;

use crate::messages::Msg;

use super::{BAG_INFO_FILE, BAGIT_FILE, FETCH_FILE};

// Algorithms and digests
// ---------------------------------------------------------------------------------------------

/// A bag checksum algorithm this program computes (RFC 8493 §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    Md5,
    Sha1,
    Sha256,
    Sha512,
}

impl Algorithm {
    pub const ALL: [Algorithm; 4] = [
        Algorithm::Md5,
        Algorithm::Sha1,
        Algorithm::Sha256,
        Algorithm::Sha512,
    ];

    /// The normalized name used in manifest file names.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "md5",
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha512 => "sha512",
        }
    }

    /// Hex digits of a checksum.
    pub fn hex_len(self) -> usize {
        match self {
            Algorithm::Md5 => 32,
            Algorithm::Sha1 => 40,
            Algorithm::Sha256 => 64,
            Algorithm::Sha512 => 128,
        }
    }

    /// Known to be broken against deliberate collisions.
    pub fn weak(self) -> bool {
        matches!(self, Algorithm::Md5 | Algorithm::Sha1)
    }

    pub fn from_name(normalized: &str) -> Option<Self> {
        Algorithm::ALL.into_iter().find(|a| a.name() == normalized)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The lowercase hex digests of one file, for the algorithms computed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digests([Option<String>; 4]);

impl Digests {
    pub fn get(&self, alg: Algorithm) -> Option<&str> {
        self.0[alg.index()].as_deref()
    }
}

/// Computes every needed algorithm in one pass over the bytes.
#[derive(Default)]
pub struct MultiHasher {
    md5: Option<md5::Md5>,
    sha1: Option<sha1::Sha1>,
    sha256: Option<Sha256>,
    sha512: Option<Sha512>,
}

impl MultiHasher {
    pub fn new(algorithms: &BTreeSet<Algorithm>) -> Self {
        let has = |a| algorithms.contains(&a);
        MultiHasher {
            md5: has(Algorithm::Md5).then(md5::Md5::new),
            sha1: has(Algorithm::Sha1).then(sha1::Sha1::new),
            sha256: has(Algorithm::Sha256).then(Sha256::new),
            sha512: has(Algorithm::Sha512).then(Sha512::new),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        if let Some(h) = self.md5.as_mut() {
            h.update(bytes);
        }
        if let Some(h) = self.sha1.as_mut() {
            h.update(bytes);
        }
        if let Some(h) = self.sha256.as_mut() {
            h.update(bytes);
        }
        if let Some(h) = self.sha512.as_mut() {
            h.update(bytes);
        }
    }

    pub fn finalize(self) -> Digests {
        Digests([
            self.md5.map(|h| hex(&h.finalize())),
            self.sha1.map(|h| hex(&h.finalize())),
            self.sha256.map(|h| hex(&h.finalize())),
            self.sha512.map(|h| hex(&h.finalize())),
        ])
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Payload or tag manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestKind {
    Payload,
    Tag,
}

/// A manifest's name in the base directory, `manifest-ALG.txt` or `tagmanifest-ALG.txt` (in
/// any case): its kind and the algorithm part as written.
pub fn manifest_name(rel: &str) -> Option<(ManifestKind, &str)> {
    if rel.contains('/') {
        return None;
    }
    let lower = rel.to_ascii_lowercase();
    let (kind, start) = if lower.starts_with("tagmanifest-") {
        (ManifestKind::Tag, "tagmanifest-".len())
    } else if lower.starts_with("manifest-") {
        (ManifestKind::Payload, "manifest-".len())
    } else {
        return None;
    };
    if !lower.ends_with(".txt") || rel.len() < start + ".txt".len() {
        return None;
    }
    // The prefix and the suffix are ASCII, so these are character boundaries.
    rel.get(start..rel.len() - ".txt".len())
        .map(|alg| (kind, alg))
}

/// The algorithm name as §2.4 requires it in a file name: lowercase, alphanumeric only.
pub(super) fn normalize_algorithm(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The algorithms to compute for a bag whose base directory holds these names: those of its
/// manifests that this program knows.
pub fn needed_algorithms<'a>(root_names: impl IntoIterator<Item = &'a str>) -> BTreeSet<Algorithm> {
    root_names
        .into_iter()
        .filter_map(manifest_name)
        .filter_map(|(_, raw)| Algorithm::from_name(&normalize_algorithm(raw)))
        .collect()
}

/// Whether verify keeps this file's bytes to read it: the tag files the rules read.
pub fn is_read_tag_file(rel: &str) -> bool {
    matches!(rel, BAGIT_FILE | BAG_INFO_FILE | FETCH_FILE) || manifest_name(rel).is_some()
}

/// NFC, the one normal form names are compared in (RFC 8493 §6.1.1.3).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Why a name (relative, `/`-separated) is unsafe: absolute, a drive letter, a `..`, `.` or
/// empty segment, a backslash or NUL (RFC 8493 §5.1). A trailing `/` (a directory entry) is
/// allowed.
pub fn name_problem(name: &str) -> Option<Msg> {
    let trimmed = name.strip_suffix('/').unwrap_or(name);
    if name.starts_with('/') || name.starts_with('~') || name.chars().nth(1) == Some(':') {
        Some(Msg::BagNameAbsolute)
    } else if name.contains('\\') {
        Some(Msg::BagNameBackslash)
    } else if name.contains('\0') {
        Some(Msg::BagNameNul)
    } else if trimmed.split('/').any(|p| p == "..") {
        Some(Msg::BagNameDotDot)
    } else if trimmed.split('/').any(|p| p.is_empty() || p == ".") {
        Some(Msg::BagNameEmptySegment)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------

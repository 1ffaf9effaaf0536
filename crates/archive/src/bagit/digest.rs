//! The checksum algorithms a bag may use (RFC 8493 §2.4), digests computed in one pass, the
//! names of manifests, and the two helpers every part of the archive shares: names in NFC and
//! digests in hexadecimal.

use std::collections::BTreeSet;

use serde::Serialize;
use sha2::digest::DynDigest;
use unicode_normalization::UnicodeNormalization;

use spotcheck_core::messages::Msg;
use spotcheck_core::text::hex;

use super::{BAG_INFO_FILE, BAGIT_FILE, FETCH_FILE};

// Algorithms and digests
// ---------------------------------------------------------------------------------------------

/// A bag checksum algorithm this program computes (RFC 8493 §2.4): every one that common
/// BagIt tools write (bagit-python offers each of Python's guaranteed hashes; the Library of
/// Congress's Java library MD5 to SHA-512), named as they name them in manifest file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    #[serde(rename = "sha3_224")]
    Sha3_224,
    #[serde(rename = "sha3_256")]
    Sha3_256,
    #[serde(rename = "sha3_384")]
    Sha3_384,
    #[serde(rename = "sha3_512")]
    Sha3_512,
    Blake2b,
    Blake2s,
}

impl Algorithm {
    pub const ALL: [Algorithm; 12] = [
        Algorithm::Md5,
        Algorithm::Sha1,
        Algorithm::Sha224,
        Algorithm::Sha256,
        Algorithm::Sha384,
        Algorithm::Sha512,
        Algorithm::Sha3_224,
        Algorithm::Sha3_256,
        Algorithm::Sha3_384,
        Algorithm::Sha3_512,
        Algorithm::Blake2b,
        Algorithm::Blake2s,
    ];

    /// The name as manifest file names write it (bagit-python's, for SHA-3 and BLAKE2).
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Md5 => "md5",
            Algorithm::Sha1 => "sha1",
            Algorithm::Sha224 => "sha224",
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha384 => "sha384",
            Algorithm::Sha512 => "sha512",
            Algorithm::Sha3_224 => "sha3_224",
            Algorithm::Sha3_256 => "sha3_256",
            Algorithm::Sha3_384 => "sha3_384",
            Algorithm::Sha3_512 => "sha3_512",
            Algorithm::Blake2b => "blake2b",
            Algorithm::Blake2s => "blake2s",
        }
    }

    /// Hex digits of a checksum.
    pub(crate) fn hex_len(self) -> usize {
        match self {
            Algorithm::Md5 => 32,
            Algorithm::Sha1 => 40,
            Algorithm::Sha224 | Algorithm::Sha3_224 => 56,
            Algorithm::Sha256 | Algorithm::Sha3_256 | Algorithm::Blake2s => 64,
            Algorithm::Sha384 | Algorithm::Sha3_384 => 96,
            Algorithm::Sha512 | Algorithm::Sha3_512 | Algorithm::Blake2b => 128,
        }
    }

    /// Known to be broken against deliberate collisions.
    pub fn weak(self) -> bool {
        matches!(self, Algorithm::Md5 | Algorithm::Sha1)
    }

    /// The algorithm of a normalized name (§2.4: lowercase, alphanumeric only, so `sha3_256`
    /// is `sha3256` here).
    pub(crate) fn from_name(normalized: &str) -> Option<Self> {
        Algorithm::ALL
            .into_iter()
            .find(|a| normalize_algorithm(a.name()) == normalized)
    }

    fn index(self) -> usize {
        self as usize
    }

    fn hasher(self) -> Box<dyn DynDigest + Send> {
        match self {
            Algorithm::Md5 => Box::new(md5::Md5::default()),
            Algorithm::Sha1 => Box::new(sha1::Sha1::default()),
            Algorithm::Sha224 => Box::new(sha2::Sha224::default()),
            Algorithm::Sha256 => Box::new(sha2::Sha256::default()),
            Algorithm::Sha384 => Box::new(sha2::Sha384::default()),
            Algorithm::Sha512 => Box::new(sha2::Sha512::default()),
            Algorithm::Sha3_224 => Box::new(sha3::Sha3_224::default()),
            Algorithm::Sha3_256 => Box::new(sha3::Sha3_256::default()),
            Algorithm::Sha3_384 => Box::new(sha3::Sha3_384::default()),
            Algorithm::Sha3_512 => Box::new(sha3::Sha3_512::default()),
            Algorithm::Blake2b => Box::new(blake2::Blake2b512::default()),
            Algorithm::Blake2s => Box::new(blake2::Blake2s256::default()),
        }
    }
}

/// The lowercase hex digests of one file, for the algorithms computed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digests([Option<String>; Algorithm::ALL.len()]);

impl Digests {
    pub fn get(&self, alg: Algorithm) -> Option<&str> {
        self.0[alg.index()].as_deref()
    }
}

/// Computes every needed algorithm in one pass over the bytes.
#[derive(Default)]
pub(crate) struct MultiHasher {
    hashers: Vec<(Algorithm, Box<dyn DynDigest + Send>)>,
}

impl MultiHasher {
    pub fn new(algorithms: &BTreeSet<Algorithm>) -> Self {
        MultiHasher {
            hashers: algorithms.iter().map(|&a| (a, a.hasher())).collect(),
        }
    }

    pub fn update(&mut self, bytes: &[u8]) {
        for (_, h) in &mut self.hashers {
            h.update(bytes);
        }
    }

    pub fn finalize(self) -> Digests {
        let mut d = Digests::default();
        for (a, h) in self.hashers {
            d.0[a.index()] = Some(hex(&h.finalize()));
        }
        d
    }
}

/// Payload or tag manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ManifestKind {
    Payload,
    Tag,
}

/// A manifest's name in the base directory, `manifest-ALG.txt` or `tagmanifest-ALG.txt` (in
/// any case): its kind and the algorithm part as written.
pub(crate) fn manifest_name(rel: &str) -> Option<(ManifestKind, &str)> {
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
pub(crate) fn needed_algorithms<'a>(
    root_names: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<Algorithm> {
    root_names
        .into_iter()
        .filter_map(manifest_name)
        .filter_map(|(_, raw)| Algorithm::from_name(&normalize_algorithm(raw)))
        .collect()
}

/// Whether verify keeps this file's bytes to read it: the tag files the rules read.
pub(crate) fn is_read_tag_file(rel: &str) -> bool {
    matches!(rel, BAGIT_FILE | BAG_INFO_FILE | FETCH_FILE) || manifest_name(rel).is_some()
}

/// NFC, the one normal form names are compared in (RFC 8493 §6.1.1.3).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Why a name (relative, `/`-separated) is unsafe: absolute, a drive letter, a `..`, `.` or
/// empty segment, a backslash or NUL (RFC 8493 §5.1). A trailing `/` (a directory entry) is
/// allowed.
pub(crate) fn name_problem(name: &str) -> Option<Msg> {
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

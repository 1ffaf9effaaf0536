//! Judging a bag read: every rule of RFC 8493 (or of the 0.97 draft) in the order of the
//! specification.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use spotcheck_core::messages::Arg;
use spotcheck_core::msg;

use super::digest::{Algorithm, Digests, ManifestKind, manifest_name, normalize_algorithm};
use super::finding::{Finding, FindingKind};
use super::manifest::{Manifest, parse_fetch, parse_manifest};
use super::tagfile::{
    Declaration, ONCE_ONLY, Version, check_bag_info, check_declaration, decode_tag,
};
use super::{BAG_INFO_FILE, BAGIT_FILE, FETCH_FILE, PAYLOAD_DIR};

// The bag
// ---------------------------------------------------------------------------------------------

/// One file of the bag as read: its size, and its digests (none when it could not be read).
#[derive(Debug, Clone)]
pub struct FileInfo {
    pub size: u64,
    pub digests: Option<Digests>,
}

/// A bag as read.
pub struct Bag<'a> {
    /// Every file, by path relative to the base directory (NFC).
    pub files: &'a BTreeMap<String, FileInfo>,
    /// The bytes of the tag files that [`is_read_tag_file`] names, when they could be read.
    pub tags: &'a HashMap<String, Vec<u8>>,
    /// Whether the base directory has a directory `data`.
    pub(crate) has_payload_dir: bool,
    /// Whether the bag must be complete: items of fetch.txt not yet fetched are then errors
    /// (§3), not warnings.
    pub complete: bool,
}

/// What the rules found, and what the caller may want to know besides.
#[derive(Debug, Default)]
pub struct Judgement {
    pub findings: Vec<Finding>,
    /// The version bagit.txt declares.
    pub version: Option<String>,
    /// The algorithms of the payload manifests that could be read.
    pub algorithms: Vec<Algorithm>,
    /// Every path listed in any payload manifest.
    pub(crate) payload_listed: BTreeSet<String>,
    /// The names of the tag manifests present.
    pub(crate) tag_manifests: Vec<String>,
    /// Whether bag-info.txt has a Payload-Oxum.
    pub(crate) has_oxum: bool,
    /// Payload files and their total size.
    pub payload_files: usize,
    pub payload_bytes: u64,
    /// Items of fetch.txt not yet in the bag.
    pub to_fetch: usize,
    /// Tag files other than those the specification names (bagit.txt, bag-info.txt,
    /// fetch.txt, the manifests): allowed (§2.2.4), and whether every tag manifest lists them
    /// (only then does a checksum protect them).
    pub other_tag_files: Vec<(String, bool)>,
}

/// Judges a bag by RFC 8493 (or the 0.97 draft when it declares that version), section by
/// section in the order of the specification.
pub fn judge(bag: &Bag) -> Judgement {
    let mut j = Judging::new(bag);
    j.declaration();
    j.payload_directory();
    j.manifests();
    j.fetch();
    j.payload();
    j.bag_info();
    j.tag_manifests();
    j.other_tag_files();
    j.weak_algorithms();
    j.case_collisions();
    j.done
}

/// A bag being judged: what the earlier sections read, which the later ones need.
struct Judging<'a> {
    bag: &'a Bag<'a>,
    done: Judgement,
    decl: Declaration,
    /// The names of the payload manifests present, read or not.
    payload_names: Vec<String>,
    payload_manifests: Vec<Manifest>,
    tag_manifests: Vec<Manifest>,
    fetch: BTreeMap<String, super::manifest::FetchItem>,
    /// The payload files, by path.
    payload: BTreeMap<&'a String, &'a FileInfo>,
}

impl<'a> Judging<'a> {
    fn new(bag: &'a Bag<'a>) -> Self {
        Judging {
            bag,
            done: Judgement::default(),
            decl: Declaration {
                version: Version::V1_0,
                declared: None,
                encoding: encoding_rs::UTF_8,
            },
            payload_names: Vec::new(),
            payload_manifests: Vec::new(),
            tag_manifests: Vec::new(),
            fetch: BTreeMap::new(),
            payload: bag
                .files
                .iter()
                .filter(|(k, _)| k.starts_with(PAYLOAD_DIR))
                .collect(),
        }
    }

    fn push(&mut self, f: Finding) {
        self.done.findings.push(f);
    }

    /// §2.1.1 The bag declaration.
    fn declaration(&mut self) {
        match self.bag.tags.get(BAGIT_FILE) {
            Some(b) => self.decl = check_declaration(b, &mut self.done.findings),
            None if !self.bag.files.contains_key(BAGIT_FILE) => self.push(
                Finding::new(
                    FindingKind::TagMissing,
                    BAGIT_FILE,
                    msg!(BagMissingFile, path = BAGIT_FILE),
                )
                .section("RFC 8493 §2.1.1"),
            ),
            None => {}
        }
        self.done.version = self.decl.declared.clone();
    }

    /// §2.1.2 The payload directory.
    fn payload_directory(&mut self) {
        if !self.bag.has_payload_dir {
            self.push(
                Finding::new(
                    FindingKind::NoPayloadDirectory,
                    "data/",
                    msg!(BagNoPayloadDirectory),
                )
                .section("RFC 8493 §2.1.2"),
            );
        }
    }

    /// §2.1.3, §2.2.1, §2.4 The manifests: named as the specification names them, with an
    /// algorithm this program computes, read.
    fn manifests(&mut self) {
        let version = self.decl.version;
        for name in self.bag.files.keys() {
            let Some((kind, raw)) = manifest_name(name) else {
                continue;
            };
            match kind {
                ManifestKind::Payload => self.payload_names.push(name.clone()),
                ManifestKind::Tag => self.done.tag_manifests.push(name.clone()),
            }
            let normalized = normalize_algorithm(raw);
            // bagit-python names SHA-3 manifests `manifest-sha3_256.txt`: its own name for the
            // algorithm, accepted as written.
            let canonical = Algorithm::from_name(&normalized)
                .filter(|a| a.name() == raw)
                .map_or(normalized.as_str(), |a| a.name());
            let expected_name = match kind {
                ManifestKind::Payload => format!("manifest-{canonical}.txt"),
                ManifestKind::Tag => format!("tagmanifest-{canonical}.txt"),
            };
            if *name != expected_name {
                self.push(
                    Finding::new(
                        FindingKind::BadManifest,
                        name,
                        msg!(BagManifestName, name = name, expected = &expected_name),
                    )
                    .section("RFC 8493 §2.4"),
                );
            }
            let Some(algorithm) = Algorithm::from_name(&normalized) else {
                self.push(
                    Finding::new(
                        FindingKind::UnsupportedAlgorithm,
                        name,
                        msg!(BagUnsupportedAlgorithm, name = name, algorithm = raw),
                    )
                    .section("RFC 8493 §2.4"),
                );
                continue;
            };
            let Some(bytes) = self.bag.tags.get(name) else {
                continue; // unreadable: reported where it was read
            };
            let f = &mut self.done.findings;
            let Some(text) =
                decode_tag(name, bytes, self.decl.encoding, FindingKind::BadManifest, f)
            else {
                continue;
            };
            let mut m = parse_manifest(name, &text, algorithm, kind, version, f);
            self.literal_names(&mut m);
            match kind {
                ManifestKind::Payload => self.payload_manifests.push(m),
                ManifestKind::Tag => self.tag_manifests.push(m),
            }
        }
        if self.payload_names.is_empty() {
            self.push(
                Finding::new(
                    FindingKind::NoPayloadManifest,
                    "manifest-sha512.txt",
                    msg!(BagNoPayloadManifest),
                )
                .section("RFC 8493 §2.1.3"),
            );
        }
        let j = &mut self.done;
        j.algorithms = self.payload_manifests.iter().map(|m| m.algorithm).collect();
        j.algorithms.sort();
        j.algorithms.dedup();
        for m in &self.payload_manifests {
            j.payload_listed.extend(m.entries.keys().cloned());
        }
    }

    /// Paths that percent-decoding changed but that exist only as written (a tool that did not
    /// encode `%`, as bagit-python does not): the name as written is meant.
    fn literal_names(&mut self, m: &mut Manifest) {
        let literal = std::mem::take(&mut m.literal);
        for (decoded, raw) in literal {
            if self.bag.files.contains_key(&decoded)
                || !self.bag.files.contains_key(&raw)
                || m.entries.contains_key(&raw)
            {
                continue;
            }
            if let Some(sum) = m.entries.remove(&decoded) {
                m.entries.insert(raw.clone(), sum);
                self.push(
                    Finding::new(
                        FindingKind::BadManifest,
                        &raw,
                        msg!(BagManifestLiteral, name = &m.name, path = &raw),
                    )
                    .section("RFC 8493 §2.1.3")
                    .warning(),
                );
            }
        }
    }

    /// §2.2.3 fetch.txt: read, never fetched; every item listed in every payload manifest.
    fn fetch(&mut self) {
        let f = &mut self.done.findings;
        self.fetch = self
            .bag
            .tags
            .get(FETCH_FILE)
            .and_then(|b| decode_tag(FETCH_FILE, b, self.decl.encoding, FindingKind::BadFetch, f))
            .map(|t| parse_fetch(&t, self.decl.version, f))
            .unwrap_or_default();
        for p in self.fetch.keys() {
            for m in &self.payload_manifests {
                if !m.entries.contains_key(p) {
                    f.push(
                        Finding::new(
                            FindingKind::BadFetch,
                            p,
                            msg!(BagFetchNotInManifest, path = p, manifest = &m.name),
                        )
                        .section("RFC 8493 §2.2.3"),
                    );
                }
            }
        }
    }

    /// §3 The payload against the payload manifests: altered, missing (or still to fetch, or
    /// renamed), extra, not in every manifest.
    fn payload(&mut self) {
        self.done.payload_files = self.payload.len();
        self.done.payload_bytes = self.payload.values().map(|e| e.size).sum();
        let (missing, altered) = self.missing_and_altered();
        for (p, wrong) in altered {
            let names: Vec<String> = wrong
                .iter()
                .map(|(m, _, _)| self.payload_manifests[*m].name.clone())
                .collect();
            let (m, want, got) = &wrong[0];
            let algorithm = self.payload_manifests[*m].algorithm.name();
            let mut finding = Finding::new(
                FindingKind::Altered,
                &p,
                msg!(BagAltered, path = &p, manifests = names),
            )
            .section("RFC 8493 §3");
            finding.expected = Some(format!("{algorithm}:{want}"));
            finding.actual = Some(format!("{algorithm}:{got}"));
            self.push(finding);
        }
        let mut extra = self.unlisted();
        for (p, listed_by) in missing {
            self.missing(&p, &listed_by, &mut extra);
        }
        for p in extra {
            // A file the operating system left (a folder's view settings, thumbnails): the bag
            // is what its maker meant, with litter in it.
            let finding = if is_system_file(&p) {
                Finding::new(
                    FindingKind::SystemFile,
                    &p,
                    msg!(BagSystemFileExtra, path = &p),
                )
                .section("RFC 8493 §3")
                .warning()
            } else {
                Finding::new(FindingKind::Extra, &p, msg!(BagExtra, path = &p))
                    .section("RFC 8493 §3")
            };
            self.push(finding);
        }
    }

    /// The files a payload manifest lists that are absent, and those whose digest differs:
    /// by path, the manifests (by index) that say so, with the digests wanted and found.
    #[allow(clippy::type_complexity)]
    fn missing_and_altered(
        &self,
    ) -> (
        BTreeMap<String, Vec<usize>>,
        BTreeMap<String, Vec<(usize, String, String)>>,
    ) {
        let mut missing: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut altered: BTreeMap<String, Vec<(usize, String, String)>> = BTreeMap::new();
        for (i, m) in self.payload_manifests.iter().enumerate() {
            for (p, want) in &m.entries {
                match self.payload.get(p) {
                    None => missing.entry(p.clone()).or_default().push(i),
                    Some(FileInfo {
                        digests: Some(d), ..
                    }) => {
                        if let Some(got) = d.get(m.algorithm)
                            && got != want
                        {
                            altered.entry(p.clone()).or_default().push((
                                i,
                                want.clone(),
                                got.to_string(),
                            ));
                        }
                    }
                    Some(_) => {} // unreadable: reported where it was read
                }
            }
        }
        (missing, altered)
    }

    /// The payload files no payload manifest lists (extra, or renamed); a file missing from
    /// some manifests only is reported here (1.0 bags).
    fn unlisted(&mut self) -> Vec<String> {
        let mut extra = Vec::new();
        if self.payload_manifests.is_empty() {
            return extra;
        }
        let paths: Vec<String> = self.payload.keys().map(|p| p.to_string()).collect();
        for p in paths {
            let absent_from: Vec<String> = self
                .payload_manifests
                .iter()
                .filter(|m| !m.entries.contains_key(&p))
                .map(|m| m.name.clone())
                .collect();
            if absent_from.len() == self.payload_manifests.len() {
                extra.push(p);
            } else if !absent_from.is_empty() && self.decl.version == Version::V1_0 {
                self.push(
                    Finding::new(
                        FindingKind::NotInEveryManifest,
                        &p,
                        msg!(BagNotInEveryManifest, path = &p, manifests = absent_from),
                    )
                    .section("RFC 8493 §3"),
                );
            }
        }
        extra
    }

    /// A file the manifests `listed_by` list that is absent: still to fetch, a directory,
    /// renamed to one of `extra` (the same content under a name no manifest lists), or
    /// missing.
    fn missing(&mut self, p: &str, listed_by: &[usize], extra: &mut Vec<String>) {
        if let Some(item) = self.fetch.get(p) {
            self.done.to_fetch += 1;
            let finding = Finding::new(
                FindingKind::FetchPending,
                p,
                msg!(BagFetchPending, path = p, url = &item.url),
            )
            .section("RFC 8493 §3");
            // A bag with items to fetch is a bag not yet complete, as its maker meant it to be
            // sent (§2.2.3): what is here is judged, what is not is named. `--complete` asks
            // for the whole bag.
            self.push(if self.bag.complete {
                finding
            } else {
                finding.warning()
            });
            return;
        }
        if is_system_file(p) {
            self.push(
                Finding::new(
                    FindingKind::SystemFile,
                    p,
                    msg!(BagSystemFileMissing, path = p),
                )
                .section("RFC 8493 §3")
                .warning(),
            );
            return;
        }
        let dir = format!("{p}/");
        if self
            .bag
            .files
            .range(dir.clone()..)
            .next()
            .is_some_and(|(k, _)| k.starts_with(&dir))
        {
            self.push(
                Finding::new(
                    FindingKind::BadManifest,
                    p,
                    msg!(BagManifestDirectory, path = p),
                )
                .section("RFC 8493 §2.1.3"),
            );
            return;
        }
        let same = |candidate: &String| {
            let info = self.payload.get(candidate);
            listed_by.iter().any(|&i| {
                let m = &self.payload_manifests[i];
                info.and_then(|info| info.digests.as_ref())
                    .and_then(|d| d.get(m.algorithm))
                    .is_some_and(|got| m.entries.get(p).is_some_and(|want| want == got))
            })
        };
        match extra.iter().position(same) {
            Some(i) => {
                let to = extra.remove(i);
                let mut finding = Finding::new(
                    FindingKind::Renamed,
                    p,
                    msg!(BagRenamed, path = p, to = &to),
                )
                .section("RFC 8493 §3");
                finding.to = Some(to);
                self.push(finding);
            }
            None => self.push(
                Finding::new(FindingKind::Missing, p, msg!(BagMissing, path = p))
                    .section("RFC 8493 §3"),
            ),
        }
    }

    /// §2.2.2 bag-info.txt, and the Payload-Oxum when present.
    fn bag_info(&mut self) {
        let f = &mut self.done.findings;
        let Some(text) = self.bag.tags.get(BAG_INFO_FILE).and_then(|b| {
            decode_tag(
                BAG_INFO_FILE,
                b,
                self.decl.encoding,
                FindingKind::BadBagInfo,
                f,
            )
        }) else {
            return;
        };
        let (elements, oxum) = check_bag_info(&text, self.decl.version, f);
        self.done.has_oxum = elements
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case(ONCE_ONLY));
        let Some((bytes, count)) = oxum else { return };
        // The size of an unreadable entry is unknown: then only the count is compared.
        let sizes_known = self.payload.values().all(|e| e.digests.is_some());
        let (mut actual_bytes, mut actual_files) =
            (self.done.payload_bytes, self.done.payload_files as u64);
        // Items still to fetch count as the payload they will be (§2.2.2: the Payload-Oxum is
        // that of the complete bag), with the lengths fetch.txt gives.
        let pending: Vec<&String> = self
            .fetch
            .keys()
            .filter(|p| !self.payload.contains_key(p))
            .collect();
        actual_files += pending.len() as u64;
        let mut lengths_known = true;
        for p in pending {
            match self.fetch[p].length {
                Some(n) => actual_bytes += n,
                None => lengths_known = false,
            }
        }
        let sizes_known = sizes_known && lengths_known;
        let agrees = |files: u64, octets: u64, sizes_known: bool| {
            count == files && (!sizes_known || bytes == octets)
        };
        // The Payload-Oxum of the bag as made, before an operating system left its files in
        // it or took listed ones away (reported as such).
        let listed = &self.done.payload_listed;
        let (mut files, mut octets, mut known) = (actual_files, actual_bytes, sizes_known);
        for (p, info) in &self.payload {
            if is_system_file(p) && !listed.contains(*p) {
                files -= 1;
                octets -= info.size;
            }
        }
        for p in listed {
            if is_system_file(p) && !self.payload.contains_key(p) {
                files += 1;
                known = false;
            }
        }
        if !agrees(actual_files, actual_bytes, sizes_known) && !agrees(files, octets, known) {
            let mut finding = Finding::new(
                FindingKind::PayloadOxum,
                BAG_INFO_FILE,
                msg!(
                    BagOxumMismatch,
                    count = count,
                    bytes = bytes,
                    actual_files = actual_files,
                    actual_bytes = actual_bytes
                ),
            )
            .section("RFC 8493 §2.2.2");
            finding.expected = Some(format!("{bytes}.{count}"));
            finding.actual = Some(format!("{actual_bytes}.{actual_files}"));
            self.push(finding);
        }
    }

    /// §2.2.1 The tag manifests against the tag files: every listed tag file present and
    /// unaltered, every payload manifest listed (1.0), the other tag files listed and the
    /// payload manifests' algorithms used (SHOULD).
    fn tag_manifests(&mut self) {
        let manifests = std::mem::take(&mut self.tag_manifests);
        for m in &manifests {
            self.tag_manifest(m);
        }
        if !manifests.is_empty() {
            self.unlisted_tag_files(&manifests);
            self.tag_algorithms(&manifests);
        }
        self.tag_manifests = manifests;
    }

    fn tag_manifest(&mut self, m: &Manifest) {
        let version = self.decl.version;
        for (p, want) in &m.entries {
            if version == Version::V1_0
                && manifest_name(p).is_some_and(|(k, _)| k == ManifestKind::Tag)
            {
                self.push(
                    Finding::new(
                        FindingKind::BadManifest,
                        &m.name,
                        msg!(BagTagManifestListsTagManifest, name = &m.name, path = p),
                    )
                    .section("RFC 8493 §2.2.1"),
                );
                continue;
            }
            match self.bag.files.get(p) {
                None => self.push(
                    Finding::new(
                        FindingKind::TagMissing,
                        p,
                        msg!(BagTagMissing, path = p, name = &m.name),
                    )
                    .section("RFC 8493 §3"),
                ),
                Some(FileInfo {
                    digests: Some(d), ..
                }) => {
                    if let Some(got) = d.get(m.algorithm)
                        && got != want
                    {
                        let mut finding = Finding::new(
                            FindingKind::TagAltered,
                            p,
                            msg!(BagAltered, path = p, manifests = &m.name),
                        )
                        .section("RFC 8493 §3");
                        finding.expected = Some(format!("{}:{want}", m.algorithm.name()));
                        finding.actual = Some(format!("{}:{got}", m.algorithm.name()));
                        self.push(finding);
                    }
                }
                Some(_) => {}
            }
        }
        if version == Version::V1_0 {
            for pm in self.payload_names.clone() {
                if !m.entries.contains_key(&pm) {
                    self.push(
                        Finding::new(
                            FindingKind::TagNotListed,
                            &pm,
                            msg!(BagTagManifestOmitsManifest, name = &m.name, path = &pm),
                        )
                        .section("RFC 8493 §2.2.1"),
                    );
                }
            }
        }
    }

    /// §2.2.4 Other tag files (an archivist's note, a README): allowed, information only.
    fn other_tag_files(&mut self) {
        let manifests = &self.tag_manifests;
        self.done.other_tag_files = self
            .bag
            .files
            .keys()
            .filter(|p| is_other_tag_file(p))
            .map(|p| {
                let listed =
                    !manifests.is_empty() && manifests.iter().all(|m| m.entries.contains_key(p));
                (p.clone(), listed)
            })
            .collect();
    }

    /// The tag files the specification names that are not listed in every tag manifest (a
    /// SHOULD); other tag files are information ([`Self::other_tag_files`]).
    fn unlisted_tag_files(&mut self, manifests: &[Manifest]) {
        let version = self.decl.version;
        let files: Vec<String> = self.bag.files.keys().cloned().collect();
        for p in files {
            let is_tag_manifest = manifest_name(&p).is_some_and(|(k, _)| k == ManifestKind::Tag);
            let reported = version == Version::V1_0 && self.payload_names.contains(&p);
            if p.starts_with(PAYLOAD_DIR) || is_tag_manifest || reported || is_other_tag_file(&p) {
                continue;
            }
            let absent_from: Vec<String> = manifests
                .iter()
                .filter(|m| !m.entries.contains_key(&p))
                .map(|m| m.name.clone())
                .collect();
            if !absent_from.is_empty() {
                self.push(
                    Finding::new(
                        FindingKind::TagNotListed,
                        &p,
                        msg!(BagTagNotListed, path = &p, manifests = absent_from),
                    )
                    .section("RFC 8493 §2.2.1")
                    .warning(),
                );
            }
        }
    }

    /// The tag manifests SHOULD use the payload manifests' algorithms.
    fn tag_algorithms(&mut self, manifests: &[Manifest]) {
        let tag_algs: BTreeSet<Algorithm> = manifests.iter().map(|m| m.algorithm).collect();
        let payload_algs: BTreeSet<Algorithm> = self.done.algorithms.iter().copied().collect();
        if payload_algs.is_empty() || tag_algs == payload_algs {
            return;
        }
        let names =
            |s: &BTreeSet<Algorithm>| Arg::List(s.iter().map(|a| a.name().to_string()).collect());
        let first = self.done.tag_manifests[0].clone();
        self.push(
            Finding::new(
                FindingKind::BadManifest,
                &first,
                msg!(
                    BagTagAlgorithms,
                    tag = names(&tag_algs),
                    payload = names(&payload_algs)
                ),
            )
            .section("RFC 8493 §2.2.1")
            .warning(),
        );
    }

    /// §2.4 MD5 and SHA-1 are allowed for backwards compatibility only.
    fn weak_algorithms(&mut self) {
        let algorithms = &self.done.algorithms;
        if algorithms.is_empty() || !algorithms.iter().all(|a| a.weak()) {
            return;
        }
        let names: Vec<String> = algorithms.iter().map(|a| a.name().to_string()).collect();
        let first = self.payload_names[0].clone();
        self.push(
            Finding::new(
                FindingKind::WeakAlgorithm,
                &first,
                msg!(BagWeakAlgorithm, algorithms = names),
            )
            .section("RFC 8493 §2.4")
            .warning(),
        );
    }

    /// §6.1.1.3 Names that differ only in case cannot coexist on many file systems.
    fn case_collisions(&mut self) {
        let mut by_case: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for p in self.payload.keys() {
            by_case
                .entry(p.to_lowercase())
                .or_default()
                .push(p.to_string());
        }
        for names in by_case.into_values().filter(|n| n.len() > 1) {
            let first = names[0].clone();
            self.push(
                Finding::new(
                    FindingKind::CaseCollision,
                    &first,
                    msg!(BagCaseCollision, names = names),
                )
                .section("RFC 8493 §6.1.1.3")
                .warning(),
            );
        }
    }
}

/// Files that operating systems leave in folders (view settings, thumbnail caches, resource
/// forks): litter, never content.
pub(crate) fn is_system_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(
        name.to_ascii_lowercase().as_str(),
        ".ds_store" | "thumbs.db" | "ehthumbs.db" | "desktop.ini"
    ) || name.starts_with("._")
}

/// A tag file other than the ones the specification names.
pub(crate) fn is_other_tag_file(path: &str) -> bool {
    !path.starts_with(PAYLOAD_DIR)
        && !matches!(path, BAGIT_FILE | BAG_INFO_FILE | FETCH_FILE)
        && manifest_name(path).is_none()
}

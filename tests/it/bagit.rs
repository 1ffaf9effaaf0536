//! verify as a validator of any BagIt bag: small bags built here, one rule of RFC 8493 at a
//! time, each valid and invalid, in a folder and as a zip. Each test names the section it
//! checks (`s2_1_3_…` is §2.1.3).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::Zh;
use sha2::Digest;
use spotcheck::archive::verify::{
    FindingKind, Severity, Verdict, VerifyOptions, VerifyReport, verify,
};

pub(crate) const DECL: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

pub(crate) fn digest(alg: &str, bytes: &[u8]) -> String {
    let raw: Vec<u8> = match alg {
        "md5" => md5::Md5::digest(bytes).to_vec(),
        "sha1" => sha1::Sha1::digest(bytes).to_vec(),
        "sha256" => sha2::Sha256::digest(bytes).to_vec(),
        "sha512" => sha2::Sha512::digest(bytes).to_vec(),
        "sha224" => sha2::Sha224::digest(bytes).to_vec(),
        "sha384" => sha2::Sha384::digest(bytes).to_vec(),
        other => panic!("no algorithm {other}"),
    };
    raw.iter().map(|b| format!("{b:02x}")).collect()
}

/// A path as RFC 8493 §2.1.3 writes it in a manifest.
pub(crate) fn encode(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The files of a bag, by path relative to its base directory.
#[derive(Clone)]
pub(crate) struct Bag {
    pub(crate) files: BTreeMap<String, Vec<u8>>,
}

impl Bag {
    /// A valid 1.0 bag: one payload manifest and one tag manifest per algorithm, bag-info.txt
    /// with a Payload-Oxum.
    pub(crate) fn new(algs: &[&str], payload: &[(&str, &[u8])]) -> Bag {
        let mut b = Bag {
            files: BTreeMap::new(),
        };
        b.put("bagit.txt", DECL);
        for (p, c) in payload {
            b.put(&format!("data/{p}"), c);
        }
        let bytes: usize = payload.iter().map(|(_, c)| c.len()).sum();
        b.put(
            "bag-info.txt",
            format!(
                "Source-Organization: 某某产品质量检验所\nBagging-Date: 2024-05-01\nPayload-Oxum: {bytes}.{}\n",
                payload.len()
            ),
        );
        for alg in algs {
            b.manifest(alg);
        }
        for alg in algs {
            b.tagmanifest(alg);
        }
        b
    }

    /// The usual small bag.
    pub(crate) fn small(algs: &[&str]) -> Bag {
        Bag::new(
            algs,
            &[
                ("a.txt", b"alpha\n"),
                ("sub/b.bin", &[0, 1, 2, 255]),
                ("说明 文件.txt", "中文内容\n".as_bytes()),
            ],
        )
    }

    pub(crate) fn put(&mut self, path: &str, content: impl AsRef<[u8]>) -> &mut Self {
        self.files
            .insert(path.to_string(), content.as_ref().to_vec());
        self
    }

    pub(crate) fn remove(&mut self, path: &str) -> &mut Self {
        assert!(self.files.remove(path).is_some(), "no {path}");
        self
    }

    pub(crate) fn text(&self, path: &str) -> String {
        String::from_utf8(self.files[path].clone()).unwrap()
    }

    /// Writes manifest-ALG.txt over every payload file.
    pub(crate) fn manifest(&mut self, alg: &str) -> &mut Self {
        let lines: String = self
            .files
            .iter()
            .filter(|(p, _)| p.starts_with("data/"))
            .map(|(p, c)| format!("{}  {}\n", digest(alg, c), encode(p)))
            .collect();
        self.put(&format!("manifest-{alg}.txt"), lines)
    }

    /// Writes tagmanifest-ALG.txt over every tag file but the tag manifests.
    pub(crate) fn tagmanifest(&mut self, alg: &str) -> &mut Self {
        let lines: String = self
            .files
            .iter()
            .filter(|(p, _)| !p.starts_with("data/") && !p.starts_with("tagmanifest-"))
            .map(|(p, c)| format!("{} {}\n", digest(alg, c), encode(p)))
            .collect();
        self.put(&format!("tagmanifest-{alg}.txt"), lines)
    }

    /// Recomputes the tag manifests present, after a tag file was changed on purpose.
    pub(crate) fn reseal(&mut self) -> &mut Self {
        let algs: Vec<String> = self
            .files
            .keys()
            .filter_map(|p| p.strip_prefix("tagmanifest-")?.strip_suffix(".txt"))
            .map(str::to_string)
            .collect();
        for alg in algs {
            self.tagmanifest(&alg);
        }
        self
    }

    /// Replaces text in a tag file and reseals.
    pub(crate) fn edit(&mut self, path: &str, from: &str, to: &str) -> &mut Self {
        let text = self.text(path);
        assert!(text.contains(from), "{path} has no {from:?}:\n{text}");
        self.put(path, text.replacen(from, to, 1));
        self.reseal()
    }

    pub(crate) fn write(&self, dir: &Path) -> PathBuf {
        let root = dir.join("bag");
        std::fs::create_dir_all(root.join("data")).unwrap();
        for (p, c) in &self.files {
            let f = root.join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, c).unwrap();
        }
        root
    }

    pub(crate) fn zip(&self) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (p, c) in &self.files {
            w.start_file(format!("bag/{p}"), zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(c).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    /// Verifies the bag as a folder and as a zip; both must reach the same findings.
    pub(crate) fn verify(&self) -> VerifyReport {
        self.verify_with(&VerifyOptions::default())
    }

    pub(crate) fn verify_with(&self, opts: &VerifyOptions) -> VerifyReport {
        let dir = tempfile::tempdir().unwrap();
        let folder = verify(&self.write(dir.path()), opts);
        let zip_path = dir.path().join("bag.zip");
        std::fs::write(&zip_path, self.zip()).unwrap();
        let zipped = verify(&zip_path, opts);
        let kinds = |r: &VerifyReport| {
            r.findings
                .iter()
                .map(|f| (f.kind, f.severity, f.path.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds(&folder),
            kinds(&zipped),
            "folder and zip differ:\n{}\n{}",
            folder.zh(),
            zipped.zh()
        );
        folder
    }
}

pub(crate) fn all(r: &VerifyReport) -> String {
    format!("{}{}", r.zh(), r.warnings_text())
}

/// Valid: no error; and no warning unless some are expected.
#[track_caller]
pub(crate) fn assert_valid(r: &VerifyReport) {
    assert_eq!(r.verdict, Verdict::Intact, "{}", all(r));
    assert_eq!(r.errors().count(), 0, "{}", all(r));
}

#[track_caller]
pub(crate) fn assert_clean(r: &VerifyReport) {
    assert_valid(r);
    assert_eq!(r.warnings().count(), 0, "{}", all(r));
}

/// An error of this kind about this path, citing this section.
#[track_caller]
pub(crate) fn assert_error(r: &VerifyReport, kind: FindingKind, path: &str, section: &str) {
    assert_eq!(r.verdict, Verdict::Damaged, "{}", all(r));
    assert!(
        r.errors().any(|f| f.kind == kind
            && f.path == path
            && f.section.is_some_and(|s| s.ends_with(section))),
        "expected {kind:?} error on {path} citing {section}, got:\n{}",
        all(r)
    );
}

#[track_caller]
pub(crate) fn assert_warning(r: &VerifyReport, kind: FindingKind, section: &str) {
    assert!(
        r.warnings().any(|f| f.kind == kind
            && f.severity == Severity::Warning
            && f.section.is_some_and(|s| s.ends_with(section))),
        "expected a {kind:?} warning citing {section}, got:\n{}",
        all(r)
    );
}

// ---------------------------------------------------------------------------------------------
// §2.4, §2.1.3, §3: algorithms, manifests, every file in every manifest
// ---------------------------------------------------------------------------------------------

/// §2.4: md5, sha1, sha256 and sha512 manifests, alone and all at once, each verified; MD5 and
/// SHA-1 alone are allowed "for backwards compatibility" only, hence a warning.
#[test]
fn s2_4_every_algorithm_alone_and_together() {
    for alg in ["sha256", "sha512"] {
        let r = Bag::small(&[alg]).verify();
        assert_clean(&r);
        assert_eq!(r.payload_files, 3);
    }
    for alg in ["md5", "sha1"] {
        let r = Bag::small(&[alg]).verify();
        assert_valid(&r);
        assert_warning(&r, FindingKind::WeakAlgorithm, "§2.4");
    }
    let every = ["md5", "sha1", "sha256", "sha512"];
    let r = Bag::small(&every).verify();
    assert_clean(&r);
    assert_eq!(r.algorithms.len(), 4);

    // One flipped byte fails every manifest, named once with each manifest that disagrees.
    let mut b = Bag::small(&every);
    b.put("data/sub/b.bin", [0u8, 1, 2, 254]);
    let r = b.verify();
    assert_error(&r, FindingKind::Altered, "data/sub/b.bin", "§3");
    let altered: Vec<_> = r
        .errors()
        .filter(|f| f.kind == FindingKind::Altered)
        .collect();
    assert_eq!(altered.len(), 1, "{}", all(&r));
    for alg in every {
        assert!(altered[0].zh().contains(&format!("manifest-{alg}.txt")));
    }

    // A checksum wrong in one manifest only is caught by that manifest.
    let mut b = Bag::small(&["md5", "sha512"]);
    let m = b.text("manifest-md5.txt");
    let first = m.split(' ').next().unwrap().to_string();
    let wrong = format!("{}0", &first[..31]);
    b.edit("manifest-md5.txt", &first, &wrong);
    let r = b.verify();
    assert_error(&r, FindingKind::Altered, "data/a.txt", "§3");
}

/// §2.4: a manifest whose algorithm cannot be computed cannot be verified, so the bag cannot be
/// declared valid; algorithm names in file names must be normalized (lowercase, no hyphen).
#[test]
fn s2_4_unknown_and_unnormalized_algorithm_names() {
    let mut b = Bag::small(&["sha256"]);
    b.put("manifest-blake3.txt", "00  data/a.txt\n").reseal();
    let r = b.verify();
    assert_error(
        &r,
        FindingKind::UnsupportedAlgorithm,
        "manifest-blake3.txt",
        "§2.4",
    );

    let mut b = Bag::small(&["sha256"]);
    let m = b.files.remove("manifest-sha256.txt").unwrap();
    b.put("manifest-SHA-256.txt", m).reseal();
    let r = b.verify();
    assert_error(&r, FindingKind::BadManifest, "manifest-SHA-256.txt", "§2.4");
    // Its checksums are still checked.
    assert!(
        !r.errors().any(|f| f.kind == FindingKind::Extra),
        "{}",
        all(&r)
    );
}

/// §3 (complete, item 4): in 1.0 every payload file must be in every payload manifest; 0.97
/// allowed a file to be in just one.
#[test]
fn s3_every_payload_file_in_every_payload_manifest() {
    let mut b = Bag::small(&["md5", "sha256"]);
    let m = b.text("manifest-md5.txt");
    let kept: String = m
        .lines()
        .filter(|l| !l.contains("a.txt"))
        .map(|l| format!("{l}\n"))
        .collect();
    b.put("manifest-md5.txt", kept).reseal();
    let r = b.verify();
    assert_error(&r, FindingKind::NotInEveryManifest, "data/a.txt", "§3");
    assert!(r.errors().all(|f| f.path == "data/a.txt"), "{}", all(&r));

    b.edit("bagit.txt", "1.0", "0.97");
    assert_valid(&b.verify());
}

/// §2.1.3: one or more spaces or tabs between checksum and path; hex in either case; lines
/// ended by LF, CR or CRLF (§2.3).
#[test]
fn s2_1_3_manifest_lines_whitespace_case_and_endings() {
    let mut b = Bag::small(&["sha256"]);
    let m = b.text("manifest-sha256.txt");
    let mut lines = m.lines();
    let (a, b2, c) = (
        lines.next().unwrap(),
        lines.next().unwrap(),
        lines.next().unwrap(),
    );
    let tabbed = a.replacen("  ", "\t \t", 1);
    let upper = {
        let (h, p) = b2.split_once("  ").unwrap();
        format!("{}  {p}", h.to_uppercase())
    };
    b.put("manifest-sha256.txt", format!("{tabbed}\r\n{upper}\r{c}\n"))
        .reseal();
    assert_clean(&b.verify());

    // No final line break (§2.3): the line is whole, bagit-python reads it: a warning.
    let mut b = Bag::small(&["sha256"]);
    b.put("manifest-sha256.txt", m.trim_end()).reseal();
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::BadManifest, "§2.3");

    // No separator, a short checksum, a blank line.
    for (bad, why) in [
        (format!("{}\n", a.replace("  ", "")), "no whitespace"),
        (format!("{}\n", &a[1..]), "short checksum"),
        (format!("{m}\n"), "blank line"),
    ] {
        let mut b = Bag::small(&["sha256"]);
        b.put("manifest-sha256.txt", bad).reseal();
        let r = b.verify();
        assert!(
            r.errors()
                .any(|f| f.kind == FindingKind::BadManifest && f.path == "manifest-sha256.txt"),
            "{why}: {}",
            all(&r)
        );
    }
}

/// §2.1.3: CR, LF and `%` in a path are percent-encoded (%0D, %0A, %25, hex in either case);
/// names with spaces and Unicode are written as they are. A bare `%` in 1.0 (it should be
/// %25) is read literally, with a warning, as bagit-python writes and reads it; 0.97 encoded
/// only CR and LF.
#[test]
fn s2_1_3_percent_encoded_names() {
    let names: [(&str, &[u8]); 5] = [
        ("line\nfeed.txt", b"1"),
        ("carriage\rreturn.txt", b"2"),
        ("100%.txt", b"3"),
        ("with  two spaces .txt", b"4"),
        ("检验报告 第1号.pdf", b"5"),
    ];
    let b = Bag::new(&["sha512"], &names);
    assert!(
        b.text("manifest-sha512.txt")
            .contains("data/line%0Afeed.txt")
    );
    assert!(b.text("manifest-sha512.txt").contains("data/100%25.txt"));
    assert_clean(&b.verify());

    // Lowercase hex digits decode the same.
    let mut lower = b.clone();
    lower.edit("manifest-sha512.txt", "%0A", "%0a");
    assert_clean(&lower.verify());

    // A bare % in 1.0.
    let mut bare = Bag::new(&["sha512"], &[("100%.txt", b"3")]);
    bare.edit("manifest-sha512.txt", "%25", "%");
    let r = bare.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::BadManifest, "§2.1.3");
    // ... is the file's literal name in 0.97.
    bare.edit("bagit.txt", "1.0", "0.97");
    assert_valid(&bare.verify());
}

/// §6.1.1.3: names are compared after the same Unicode normalization on both sides: a
/// manifest written in NFD matches a file named in NFC, and the other way round.
#[test]
fn s6_1_1_3_comparison_tolerates_normalization_form() {
    let nfc = "caf\u{e9}.txt";
    let nfd = "cafe\u{301}.txt";
    for (in_manifest, on_disk) in [(nfd, nfc), (nfc, nfd)] {
        let mut b = Bag::new(&["sha256"], &[(in_manifest, b"coffee")]);
        let content = b.files.remove(&format!("data/{in_manifest}")).unwrap();
        b.put(&format!("data/{on_disk}"), content);
        let r = b.verify();
        assert_clean(&r);
        assert_eq!(r.payload_files, 1);
    }
}

/// §6.1.1.3: files that differ only in case cannot be told apart on many file systems: a
/// warning, the bag is valid.
#[test]
fn s6_1_1_3_names_differing_only_in_case_warn() {
    let b = Bag::new(&["sha256"], &[("Report.pdf", b"A"), ("report.pdf", b"a")]);
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::CaseCollision, "§6.1.1.3");
}

/// §2.1.3: every payload file exactly once per manifest. Listed twice is an error in 1.0; in
/// 0.97 a repeat with the same checksum is only a warning, a contradicting one an error.
#[test]
fn s2_1_3_the_same_file_listed_twice() {
    let mut b = Bag::small(&["sha256"]);
    let m = b.text("manifest-sha256.txt");
    let first = m.lines().next().unwrap().to_string();
    b.put("manifest-sha256.txt", format!("{m}{first}\n"))
        .reseal();
    let r = b.verify();
    assert_error(&r, FindingKind::BadManifest, "data/a.txt", "§2.1.3");

    b.edit("bagit.txt", "1.0", "0.97");
    let r = b.verify();
    assert_valid(&r);
    assert!(r.warnings().any(|f| f.kind == FindingKind::BadManifest));

    let contradicting = format!("{}{}", "0".repeat(64), &first[64..]);
    let mut b = Bag::small(&["sha256"]);
    b.edit("bagit.txt", "1.0", "0.97");
    b.put("manifest-sha256.txt", format!("{m}{contradicting}\n"))
        .reseal();
    assert_error(
        &b.verify(),
        FindingKind::BadManifest,
        "data/a.txt",
        "§2.1.3",
    );
}

/// §3: every file listed must be present (complete), every payload file must be listed; a
/// listed file whose content is present under another name is named as renamed. A manifest
/// must not list a directory (§2.1.3).
#[test]
fn s3_files_listed_but_absent_and_present_but_unlisted() {
    let mut b = Bag::small(&["sha256"]);
    b.remove("data/a.txt");
    b.put("data/new.txt", b"unlisted");
    let content = b.files.remove("data/sub/b.bin").unwrap();
    b.put("data/sub/b-renamed.bin", content);
    let r = b.verify();
    assert_error(&r, FindingKind::Missing, "data/a.txt", "§3");
    assert_error(&r, FindingKind::Extra, "data/new.txt", "§3");
    let renamed = r
        .errors()
        .find(|f| f.kind == FindingKind::Renamed)
        .unwrap_or_else(|| panic!("{}", all(&r)));
    assert_eq!(renamed.path, "data/sub/b.bin");
    assert_eq!(renamed.to.as_deref(), Some("data/sub/b-renamed.bin"));
    // The Payload-Oxum counted the old payload.
    assert!(r.errors().any(|f| f.kind == FindingKind::PayloadOxum));

    let mut b = Bag::small(&["sha256"]);
    let m = b.text("manifest-sha256.txt");
    b.put(
        "manifest-sha256.txt",
        format!("{m}{}  data/sub\n", "0".repeat(64)),
    )
    .reseal();
    assert_error(&b.verify(), FindingKind::BadManifest, "data/sub", "§2.1.3");
}

/// §5.1, §2.1.3: paths in manifests that reach outside the bag, or outside the payload
/// directory for a payload manifest, are errors, and nothing outside the bag is read.
#[test]
fn s5_1_paths_outside_the_bag_are_refused() {
    for evil in [
        "../outside.txt",
        "data/../../outside.txt",
        "/etc/passwd",
        "~/outside.txt",
        "data\\..\\..\\outside.txt",
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("outside.txt"), b"secret").unwrap();
        let mut b = Bag::small(&["sha256"]);
        let m = b.text("manifest-sha256.txt");
        b.put(
            "manifest-sha256.txt",
            format!("{m}{}  {evil}\n", digest("sha256", b"secret")),
        )
        .reseal();
        let r = verify(&b.write(dir.path()), &VerifyOptions::default());
        assert_error(&r, FindingKind::BadManifest, "manifest-sha256.txt", "§5.1");
        assert_eq!(r.errors().count(), 1, "{evil}: {}", all(&r));
    }
    // A payload manifest lists payload files only.
    let mut b = Bag::small(&["sha256"]);
    let m = b.text("manifest-sha256.txt");
    let line = format!("{}  bagit.txt\n", digest("sha256", DECL.as_bytes()));
    b.put("manifest-sha256.txt", format!("{m}{line}")).reseal();
    assert_error(
        &b.verify(),
        FindingKind::BadManifest,
        "manifest-sha256.txt",
        "§2.1.3",
    );
}

// ---------------------------------------------------------------------------------------------
// §2.1.1, §2.1.2: the bag declaration and the payload directory
// ---------------------------------------------------------------------------------------------

/// §2.1.1: exactly two lines, `BagIt-Version: M.N` then `Tag-File-Character-Encoding: ENC`,
/// UTF-8 without a BOM; lines end in LF, CR or CRLF (§2.3). 0.97 allowed whitespace around the
/// colon.
#[test]
fn s2_1_1_bagit_txt_exactly_as_specified() {
    for good in [
        DECL.to_string(),
        DECL.replace('\n', "\r\n"),
        DECL.replace('\n', "\r"),
        DECL.replace(": ", ":\t"),
    ] {
        let mut b = Bag::small(&["sha256"]);
        b.put("bagit.txt", &good).reseal();
        assert_clean(&b.verify());
    }
    for (bad, why) in [
        (format!("\u{feff}{DECL}"), "BOM"),
        (
            "Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n".to_string(),
            "order",
        ),
        (format!("{DECL}Extra: line\n"), "three lines"),
        (format!("{DECL}\n"), "blank third line"),
        ("BagIt-Version: 1.0\n".to_string(), "no encoding"),
        (
            DECL.replace("Version: ", "Version:"),
            "no space after the colon",
        ),
        (
            DECL.replace("Version: ", "Version : "),
            "space before the colon",
        ),
        (DECL.replace("1.0", "1.0 "), "trailing space"),
        (DECL.replace("1.0", "2.0"), "unknown version"),
        (DECL.replace("1.0", "one"), "not M.N"),
        (DECL.replace("UTF-8", "NO-SUCH-CHARSET"), "unknown encoding"),
    ] {
        let mut b = Bag::small(&["sha256"]);
        b.put("bagit.txt", &bad).reseal();
        let r = b.verify();
        assert!(
            r.errors().any(|f| f.kind == FindingKind::BadBagitTxt
                && f.path == "bagit.txt"
                && f.section
                    .is_some_and(|s| s.contains("§2.1.1") || s.contains("§2.3"))),
            "{why}: {}",
            all(&r)
        );
    }
    // 0.97: whitespace around the colon is allowed.
    let mut b = Bag::small(&["sha256"]);
    b.put(
        "bagit.txt",
        "BagIt-Version : 0.97\nTag-File-Character-Encoding :  UTF-8\n",
    )
    .reseal();
    let r = b.verify();
    assert_clean(&r);
    assert_eq!(r.bagit_version.as_deref(), Some("0.97"));
}

/// §2.1.1, §2.3: another encoding than UTF-8 is allowed but SHOULD NOT be used (a warning);
/// the other tag files are then read in it.
#[test]
fn s2_1_1_tag_files_in_another_encoding() {
    let mut b = Bag::small(&["sha256"]);
    b.put(
        "bagit.txt",
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n",
    );
    // "Société" in Latin-1, and a Latin-1 name in the manifest.
    b.put(
        "bag-info.txt",
        b"Source-Organization: Soci\xe9t\xe9\nPayload-Oxum: 6.1\n",
    );
    b.remove("data/sub/b.bin").remove("data/说明 文件.txt");
    let m = format!("{}  data/a.txt\n", digest("sha256", b"alpha\n"));
    b.put("manifest-sha256.txt", m).reseal();
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::TagEncoding, "§2.1.1");

    // Bytes that are not UTF-8 in a UTF-8 bag are an error.
    let mut b = Bag::small(&["sha256"]);
    b.put("bag-info.txt", b"Source-Organization: Soci\xe9t\xe9\n")
        .reseal();
    assert_error(&b.verify(), FindingKind::BadBagInfo, "bag-info.txt", "§2.3");
}

/// §2.3: a UTF-8 tag file must not begin with a BOM.
#[test]
fn s2_3_no_bom_in_utf8_tag_files() {
    let mut b = Bag::small(&["sha256"]);
    let m = b.text("manifest-sha256.txt");
    b.put("manifest-sha256.txt", format!("\u{feff}{m}"))
        .reseal();
    let r = b.verify();
    assert_error(&r, FindingKind::BadManifest, "manifest-sha256.txt", "§2.3");
    // The lines are still read: nothing else is wrong.
    assert_eq!(r.errors().count(), 1, "{}", all(&r));
}

/// §2.1.2, §2.1.3: a bag needs the payload directory and at least one payload manifest.
#[test]
fn s2_1_2_required_elements() {
    let mut b = Bag::new(&["sha256"], &[]);
    let dir = tempfile::tempdir().unwrap();
    let root = b.write(dir.path());
    // An empty payload is a valid bag...
    assert_clean(&verify(&root, &VerifyOptions::default()));
    // ... without the data directory it is not.
    std::fs::remove_dir(root.join("data")).unwrap();
    let r = verify(&root, &VerifyOptions::default());
    assert_error(&r, FindingKind::NoPayloadDirectory, "data/", "§2.1.2");

    b = Bag::small(&["sha256"]);
    b.remove("manifest-sha256.txt")
        .remove("tagmanifest-sha256.txt");
    let r = b.verify();
    assert_error(
        &r,
        FindingKind::NoPayloadManifest,
        "manifest-sha512.txt",
        "§2.1.3",
    );
}

// ---------------------------------------------------------------------------------------------
// §2.2.2 bag-info.txt
// ---------------------------------------------------------------------------------------------

/// §2.2.2: `label: value` with one space or tab; values continue on lines that begin with
/// whitespace; labels may contain inner spaces but not start or end with one. 0.97 allowed
/// whitespace around the colon.
#[test]
fn s2_2_2_bag_info_labels_and_continuation_lines() {
    let mut b = Bag::small(&["sha256"]);
    b.edit(
        "bag-info.txt",
        "Bagging-Date",
        "External-Description: 一段很长的说明，\n  接续在下一行，\n\t再下一行\nContact Name\twith space:\tJane\nBagging-Date",
    );
    assert_clean(&b.verify());

    for (from, to, why) in [
        (
            "Bagging-Date: ",
            "Bagging-Date : ",
            "space before the colon",
        ),
        (
            "Bagging-Date: ",
            "Bagging-Date:",
            "no space after the colon",
        ),
        (
            "Bagging-Date: 2024-05-01",
            "Bagging-Date 2024-05-01",
            "no colon",
        ),
        ("Bagging-Date", "\nBagging-Date", "blank line"),
        (
            "Source-Organization",
            " continued\nSource-Organization",
            "leading continuation",
        ),
    ] {
        let mut b = Bag::small(&["sha256"]);
        b.edit("bag-info.txt", from, to);
        let r = b.verify();
        assert!(
            r.errors().any(|f| f.kind == FindingKind::BadBagInfo
                && f.section.is_some_and(|s| s.ends_with("§2.2.2"))),
            "{why}: {}",
            all(&r)
        );
    }
    // 0.97 takes whitespace around the colon.
    let mut b = Bag::small(&["sha256"]);
    b.edit("bagit.txt", "1.0", "0.97")
        .edit("bag-info.txt", "Bagging-Date: ", "Bagging-Date :  ");
    assert_clean(&b.verify());

    // No final line break (§2.3): the line is read, with a warning.
    let mut b = Bag::small(&["sha256"]);
    let info = b.text("bag-info.txt");
    b.put("bag-info.txt", info.trim_end()).reseal();
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::BadBagInfo, "§2.3");
}

/// §2.2.2: Payload-Oxum, `octets.streamcount`, is checked when present (its label in any
/// case), must appear once and be well formed; its absence is no fault.
#[test]
fn s2_2_2_payload_oxum_checked_when_present() {
    let b = Bag::small(&["sha256"]);
    let info = b.text("bag-info.txt");
    let oxum = info
        .lines()
        .find(|l| l.starts_with("Payload-Oxum"))
        .unwrap();
    let (octets, count) = oxum["Payload-Oxum: ".len()..].split_once('.').unwrap();

    let mut without = b.clone();
    without.edit("bag-info.txt", &format!("{oxum}\n"), "");
    assert_clean(&without.verify());

    for (to, kind) in [
        (
            format!("Payload-Oxum: {octets}.9"),
            FindingKind::PayloadOxum,
        ),
        (format!("payload-oxum: 1.{count}"), FindingKind::PayloadOxum),
        (format!("Payload-Oxum: {octets}"), FindingKind::BadBagInfo),
        (
            format!("Payload-Oxum: {octets}.{count}\nPayload-Oxum: {octets}.{count}"),
            FindingKind::BadBagInfo,
        ),
    ] {
        let mut b = b.clone();
        b.edit("bag-info.txt", oxum, &to);
        assert_error(&b.verify(), kind, "bag-info.txt", "§2.2.2");
    }
}

/// §2.2.2: Bagging-Date, Bag-Size, Bag-Group-Identifier and Bag-Count SHOULD NOT be repeated
/// (a warning); other elements may repeat freely.
#[test]
fn s2_2_2_elements_that_should_not_repeat() {
    let mut b = Bag::small(&["sha256"]);
    b.edit(
        "bag-info.txt",
        "Bagging-Date: 2024-05-01\n",
        "Bagging-Date: 2024-05-01\nbagging-date: 2024-05-02\n",
    );
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::RepeatedElement, "§2.2.2");

    let mut b = Bag::small(&["sha256"]);
    b.edit(
        "bag-info.txt",
        "Source-Organization: 某某产品质量检验所\n",
        "Source-Organization: 甲所\nSource-Organization: 乙所\n",
    );
    assert_clean(&b.verify());
}

// ---------------------------------------------------------------------------------------------
// §2.2.1 tag manifests
// ---------------------------------------------------------------------------------------------

/// §2.2.1, §3: tag manifests verify the tag files they list, in any tag directory (as octets
/// only, §2.2.4); a listed file must be present.
#[test]
fn s2_2_1_tag_manifests_verify_every_listed_tag_file() {
    let mut b = Bag::small(&["sha256", "sha512"]);
    b.put("meta/notes.txt", "any tag file\n").reseal();
    assert_clean(&b.verify());

    let mut altered = b.clone();
    altered.put("meta/notes.txt", "changed\n");
    let r = altered.verify();
    assert_error(&r, FindingKind::TagAltered, "meta/notes.txt", "§3");

    let mut gone = b.clone();
    gone.remove("meta/notes.txt");
    assert_error(
        &gone.verify(),
        FindingKind::TagMissing,
        "meta/notes.txt",
        "§3",
    );

    let mut info = b.clone();
    info.put("bag-info.txt", "Source-Organization: 改过\n");
    assert_error(
        &info.verify(),
        FindingKind::TagAltered,
        "bag-info.txt",
        "§3",
    );
}

/// §2.2.1: a tag manifest must list every payload manifest, must not list payload files nor
/// tag manifests, and SHOULD list the other tag files and use the payload manifests'
/// algorithms (warnings).
#[test]
fn s2_2_1_what_a_tag_manifest_lists() {
    let tm = |b: &Bag| b.text("tagmanifest-sha256.txt");
    let without = |text: &str, name: &str| -> String {
        text.lines()
            .filter(|l| !l.ends_with(name))
            .map(|l| format!("{l}\n"))
            .collect()
    };

    let mut b = Bag::small(&["sha256"]);
    let t = without(&tm(&b), "manifest-sha256.txt");
    b.put("tagmanifest-sha256.txt", t);
    assert_error(
        &b.verify(),
        FindingKind::TagNotListed,
        "manifest-sha256.txt",
        "§2.2.1",
    );

    let mut b = Bag::small(&["sha256"]);
    let t = without(&tm(&b), "bag-info.txt");
    b.put("tagmanifest-sha256.txt", t);
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::TagNotListed, "§2.2.1");
    assert!(r.warnings().any(|f| f.path == "bag-info.txt"));

    let mut b = Bag::small(&["sha256"]);
    let line = format!("{}  data/a.txt\n", digest("sha256", b"alpha\n"));
    b.put("tagmanifest-sha256.txt", format!("{}{line}", tm(&b)));
    assert_error(
        &b.verify(),
        FindingKind::BadManifest,
        "tagmanifest-sha256.txt",
        "§2.2.1",
    );

    let mut b = Bag::small(&["sha256", "sha512"]);
    let other = digest("sha256", &b.files["tagmanifest-sha512.txt"]);
    b.put(
        "tagmanifest-sha256.txt",
        format!("{}{other}  tagmanifest-sha512.txt\n", tm(&b)),
    );
    assert_error(
        &b.verify(),
        FindingKind::BadManifest,
        "tagmanifest-sha256.txt",
        "§2.2.1",
    );

    // Payload in sha512, tags in sha256: valid, with a warning.
    let mut b = Bag::small(&["sha512"]);
    b.remove("tagmanifest-sha512.txt").tagmanifest("sha256");
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::BadManifest, "§2.2.1");

    // Without any tag manifest (they are optional), other tag files are simply allowed.
    let mut b = Bag::small(&["sha256"]);
    b.remove("tagmanifest-sha256.txt").put("notes.txt", "x\n");
    assert_clean(&b.verify());
}

// ---------------------------------------------------------------------------------------------
// §2.2.3 fetch.txt
// ---------------------------------------------------------------------------------------------

/// §2.2.3, §3: a file listed in fetch.txt and not present makes the bag incomplete, hence not
/// valid; it is reported with its URL and never downloaded. Once present it is verified like
/// any payload file.
#[test]
fn s2_2_3_fetch_items_are_reported_never_fetched() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}/remote.bin", listener.local_addr().unwrap());
    let remote: &[u8] = b"remote content";

    let mut b = Bag::new(
        &["sha256"],
        &[("local.txt", b"here"), ("remote.bin", remote)],
    );
    b.put(
        "fetch.txt",
        format!("{url} {} data/remote.bin\n", remote.len()),
    )
    .reseal();
    assert_clean(&b.verify());

    // Not yet fetched: named with its URL, the rest judged, valid with a warning (the bag is
    // as its maker sent it, §2.2.3); `--complete` makes it an error (§3).
    b.remove("data/remote.bin");
    let r = b.verify();
    assert_valid(&r);
    assert_warning(&r, FindingKind::FetchPending, "§3");
    assert_eq!(r.to_fetch, 1);
    assert!(r.warnings().any(|f| f.zh().contains(&url)), "{}", all(&r));
    let r = b.verify_with(&VerifyOptions {
        complete: true,
        ..VerifyOptions::default()
    });
    assert_error(&r, FindingKind::FetchPending, "data/remote.bin", "§3");
    assert!(r.errors().any(|f| f.zh().contains(&url)), "{}", all(&r));
    assert!(
        !r.errors().any(|f| f.kind == FindingKind::Missing),
        "{}",
        all(&r)
    );
    assert!(
        matches!(listener.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "verify must never connect to a fetch URL"
    );

    for (line, why) in [
        (format!("{url}\t-\tdata/remote.bin\n"), ""),
        (format!("{url} 14 bagit.txt\n"), "a tag file"),
        (
            format!("{url} 14 data/not-in-manifest.bin\n"),
            "not in the manifest",
        ),
        (
            "remote.bin 14 data/remote.bin\n".to_string(),
            "relative URL",
        ),
        (format!("{url} big data/remote.bin\n"), "length"),
        (format!("{url} 14\n"), "two fields"),
        (format!("{url} 14 ../../etc/passwd\n"), "outside"),
    ] {
        let mut b = Bag::new(&["sha256"], &[("remote.bin", remote)]);
        b.put("fetch.txt", &line).reseal();
        let r = b.verify();
        if why.is_empty() {
            assert_clean(&r);
        } else {
            assert!(
                r.errors().any(|f| f.kind == FindingKind::BadFetch
                    && f.section.is_some_and(|s| s.ends_with("§2.2.3"))),
                "{why}: {}",
                all(&r)
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Findings on the command line
// ---------------------------------------------------------------------------------------------

/// Warnings (SHOULD) go to standard error apart from the report and leave exit 0; errors (MUST)
/// exit 1; JSON carries each finding's severity and section.
#[test]
fn warnings_on_stderr_exit_0_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let weak = Bag::small(&["md5"]).write(&dir.path().join("weak"));
    let mut broken = Bag::small(&["sha256"]);
    broken.put("data/a.txt", "changed\n");
    let broken = broken.write(&dir.path().join("broken"));
    let run = |path: &Path, json: bool| {
        let mut c = crate::common::spotcheck();
        c.arg("verify").arg(path);
        if json {
            c.args(["--format", "json"]);
        }
        c.output().unwrap()
    };

    let o = run(&weak, false);
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert_eq!(o.status.code(), Some(0), "{out}{err}");
    assert!(out.contains("完好") && out.contains("1 条警告"), "{out}");
    assert!(!out.contains("md5"), "warnings stay off the report: {out}");
    assert!(
        err.contains("警告") && err.contains("md5") && err.contains("§2.4"),
        "{err}"
    );

    let o = run(&weak, true);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "intact");
    assert_eq!(v["bagit_version"], "1.0");
    assert_eq!(v["algorithms"], serde_json::json!(["md5"]));
    let f = &v["findings"][0];
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["kind"], "weak_algorithm");
    assert_eq!(f["section"], "RFC 8493 §2.4");

    let o = run(&broken, true);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "error"
                && f["kind"] == "altered"
                && f["path"] == "data/a.txt"
                && f["section"] == "RFC 8493 §3"),
        "{v}"
    );
    assert!(o.stderr.is_empty(), "no warnings here");

    let o = run(&dir.path().join("nothing"), false);
    assert_eq!(o.status.code(), Some(2));
}

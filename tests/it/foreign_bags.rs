//! verify on bags as other tools write them over the years: each a small bag built here (never
//! fetched), judged as the Library of Congress's bagit-python judges it, valid with a warning
//! where the bag is sloppy but intact, an error where it is broken. Each names the section of
//! RFC 8493 (or of the 0.97 draft) it follows.
//!
//! With `SPOTCHECK_DUMP_BAGS=DIR`, every bag is also written to `DIR/<name>/` with the verdict
//! expected in `DIR/<name>.expect`, for `scripts/compare-bagit-python.sh` (not run here).

use crate::common::Zh;
use spotcheck::archive::verify::{FindingKind, VerifyOptions, VerifyReport};

use crate::bagit::{Bag, DECL, all, assert_clean, assert_valid, assert_warning, digest};

/// Verifies `b` (folder and zip alike), checks the verdict, and dumps the bag when asked.
#[track_caller]
fn judged(name: &str, b: &Bag, valid: bool) -> VerifyReport {
    if let Some(dir) = std::env::var_os("SPOTCHECK_DUMP_BAGS") {
        let name = name.replace('.', "_");
        let root = std::path::Path::new(&dir).join(&name);
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("data")).unwrap();
        for (p, c) in &b.files {
            let f = root.join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, c).unwrap();
        }
        let expect = if valid { "valid\n" } else { "invalid\n" };
        std::fs::write(root.with_extension("expect"), expect).unwrap();
    }
    let r = b.verify();
    assert_eq!(r.verdict.is_valid(), valid, "{name}: {}", all(&r));
    r
}

/// UTF-16 little-endian with its byte-order mark, as Windows tools write "Unicode" text.
fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(c as u32).expect("a Latin-1 character"))
        .collect()
}

/// Re-encodes the tag files other than bagit.txt with `encode`, after declaring `label` in
/// bagit.txt, and reseals the tag manifests (written in the same encoding).
fn reencode(b: &mut Bag, label: &str, encode: fn(&str) -> Vec<u8>) {
    b.put(
        "bagit.txt",
        format!("BagIt-Version: 1.0\nTag-File-Character-Encoding: {label}\n"),
    );
    let tags: Vec<String> = b
        .files
        .keys()
        .filter(|p| !p.starts_with("data/") && *p != "bagit.txt" && !p.starts_with("tagmanifest-"))
        .cloned()
        .collect();
    for p in tags {
        let text = b.text(&p);
        b.put(&p, encode(&text));
    }
    b.reseal();
    let tagmanifests: Vec<String> = b
        .files
        .keys()
        .filter(|p| p.starts_with("tagmanifest-"))
        .cloned()
        .collect();
    for p in tagmanifests {
        let text = b.text(&p);
        b.put(&p, encode(&text));
    }
}

/// §2.3: every line of a tag file is terminated; bags written with `echo -n` or by editors
/// that drop the last line break are common and whole: a warning per file, valid.
#[test]
fn s2_3_tag_files_without_a_final_line_break() {
    let mut b = Bag::small(&["sha256"]);
    for p in ["bag-info.txt", "manifest-sha256.txt"] {
        let text = b.text(p);
        b.put(p, text.trim_end());
    }
    b.put("bagit.txt", DECL.trim_end()).reseal();
    let t = b.text("tagmanifest-sha256.txt");
    b.put("tagmanifest-sha256.txt", t.trim_end());
    let r = judged("unterminated-lines", &b, true);
    for p in [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
    ] {
        assert!(
            r.warnings()
                .any(|f| f.path == p && f.section == Some("RFC 8493 §2.3")),
            "{p}: {}",
            all(&r)
        );
    }
}

/// §2.1.1, §2.3: tag files in the encoding bagit.txt declares: ISO-8859-1 (a European
/// archive's bag) with accented names in the manifest, and UTF-16 with a byte-order mark.
#[test]
fn s2_1_1_tag_files_in_iso_8859_1_and_utf_16() {
    let payload: [(&str, &[u8]); 2] = [("café.txt", b"noir"), ("Größe.txt", b"7")];
    let mut b = Bag::new(&["sha256"], &payload);
    b.edit(
        "bag-info.txt",
        "Source-Organization: 某某产品质量检验所",
        "Source-Organization: Bibliothèque de Genève",
    );
    reencode(&mut b, "ISO-8859-1", latin1);
    assert!(b.files["manifest-sha256.txt"].contains(&0xE9)); // é in Latin-1
    let r = judged("encoding-iso-8859-1", &b, true);
    assert_warning(&r, FindingKind::TagEncoding, "§2.1.1");

    for label in ["UTF-16", "UTF-16LE"] {
        let mut b = Bag::new(&["sha256"], &payload);
        reencode(&mut b, label, utf16);
        let r = judged(&format!("encoding-{}", label.to_lowercase()), &b, true);
        assert_warning(&r, FindingKind::TagEncoding, "§2.1.1");
        assert_eq!(r.errors().count(), 0, "{}", all(&r));
    }
}

/// §2.1.3: manifests written by `find . | xargs sha256sum` (`./data/x`) and by `md5sum -b`
/// (`HASH *data/x`) name the same files: valid, one warning per manifest.
#[test]
fn s2_1_3_dot_slash_and_md5sum_binary_mode() {
    let mut b = Bag::small(&["sha256", "md5"]);
    let m = b
        .text("manifest-sha256.txt")
        .replace("  data/", "  ./data/");
    b.put("manifest-sha256.txt", m);
    let m = b.text("manifest-md5.txt").replace("  data/", " *data/");
    b.put("manifest-md5.txt", m).reseal();
    let r = judged("dot-slash-and-binary-mode", &b, true);
    let sloppy: Vec<_> = r
        .warnings()
        .filter(|f| f.kind == FindingKind::BadManifest)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        sloppy,
        ["manifest-md5.txt", "manifest-sha256.txt"],
        "{}",
        all(&r)
    );
    // Still checked: a wrong checksum behind `*` is an error.
    let mut broken = b.clone();
    let m = broken.text("manifest-md5.txt");
    let first = m.lines().next().unwrap();
    let wrong = format!("{}{}", "0".repeat(32), &first[32..]);
    broken
        .put("manifest-md5.txt", m.replacen(first, &wrong, 1))
        .reseal();
    let r = judged("binary-mode-altered", &broken, false);
    assert!(
        r.errors().any(|f| f.kind == FindingKind::Altered),
        "{}",
        all(&r)
    );
}

/// §2.4: SHA-224 and SHA-384 (bagit-java, bagit-python `--sha384`), SHA-3 and BLAKE2
/// (bagit-python `--sha3_256`, `--blake2b`), each verified.
#[test]
fn s2_4_sha224_sha384_sha3_and_blake2() {
    for alg in ["sha224", "sha384"] {
        let b = Bag::small(&[alg]);
        let r = judged(&format!("algorithm-{alg}"), &b, true);
        assert_clean(&r);
        let mut bad = b.clone();
        bad.put("data/a.txt", "omega\n");
        let r = judged(&format!("algorithm-{alg}-altered"), &bad, false);
        assert!(
            r.errors().any(|f| f.kind == FindingKind::Altered),
            "{}",
            all(&r)
        );
    }
    // The published digests of "abc" (FIPS 202, RFC 7693), not computed by the crates the
    // program uses.
    for alg in ["sha3_256", "blake2b"] {
        let content = b"abc";
        let want = match alg {
            "sha3_256" => "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
            _ => {
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1\
                 7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
            }
        };
        let mut b = Bag::new(&["sha256"], &[("abc.txt", content)]);
        b.put(
            &format!("manifest-{alg}.txt"),
            format!("{want}  data/abc.txt\n"),
        )
        .reseal();
        let r = judged(&format!("algorithm-{alg}"), &b, true);
        assert!(r.algorithms.iter().any(|a| a.name() == alg), "{}", all(&r));
        assert_eq!(r.errors().count(), 0, "{}", all(&r));
    }
}

/// The drafts before 0.97 (0.93 to 0.96): judged by the 0.97 rules, with a warning.
#[test]
fn draft_0_97_s2_1_1_older_versions_judged_as_0_97() {
    for v in ["0.93", "0.95", "0.96"] {
        let mut b = Bag::small(&["md5"]);
        b.edit("bagit.txt", "1.0", v);
        let r = judged(&format!("version-{v}"), &b, true);
        assert!(
            r.warnings()
                .any(|f| f.kind == FindingKind::BadBagitTxt && f.zh().contains(v)),
            "{}",
            all(&r)
        );
        assert_eq!(r.bagit_version.as_deref(), Some(v));
    }
    // Not a version at all, or one that does not exist: an error.
    for v in ["one", "0.92", "2.0"] {
        let mut b = Bag::small(&["sha256"]);
        b.edit("bagit.txt", "1.0", v);
        judged(&format!("version-bad-{v}"), &b, false);
    }
}

/// §2.1.2: the payload is any files, a bag among them: a bag inside the payload of a bag is
/// payload, and the outer bag valid (folder and zip).
#[test]
fn s2_1_2_a_bag_inside_the_payload() {
    let inner = Bag::small(&["md5"]);
    let payload: Vec<(String, Vec<u8>)> = inner
        .files
        .iter()
        .map(|(p, c)| (format!("inner-bag/{p}"), c.clone()))
        .collect();
    let refs: Vec<(&str, &[u8])> = payload
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_slice()))
        .collect();
    let b = Bag::new(&["sha512"], &refs);
    let r = judged("bag-in-payload", &b, true);
    assert_clean(&r);
    assert_eq!(r.payload_files, inner.files.len());
}

/// §2.1.3: names with spaces, `%`, `#`, `&`, brackets, CR and LF (percent-encoded) and CJK;
/// and a name whose `%25` the writing tool did not encode (bagit-python writes `%` as it is):
/// the literal name is meant, with a warning.
#[test]
fn s2_1_3_names_that_need_escaping() {
    let names: [(&str, &[u8]); 6] = [
        ("two  spaces .txt", b"1"),
        ("100% cotton #2 & co (final) [v1].txt", b"2"),
        ("line\nbreak.txt", b"3"),
        ("照片 2024-05-01/现场 1.jpg", b"4"),
        ("a%20b.txt", b"5"),
        ("tab\there.txt", b"6"),
    ];
    let b = Bag::new(&["sha256"], &names);
    assert_clean(&judged("escaped-names", &b, true));

    // bagit-python's way: `data/a%25b.txt` is the file's literal name.
    let mut b = Bag::new(&["sha256"], &[("a%25b.txt", b"x")]);
    let m = format!("{}  data/a%25b.txt\n", digest("sha256", b"x"));
    b.put("manifest-sha256.txt", m).reseal();
    let r = judged("literal-percent-name", &b, true);
    assert!(
        r.warnings()
            .any(|f| f.kind == FindingKind::BadManifest && f.path == "data/a%25b.txt"),
        "{}",
        all(&r)
    );
}

/// §2.2.2: labels other than the few that SHOULD NOT repeat may repeat (several contacts,
/// several source organizations, descriptions): no finding at all.
#[test]
fn s2_2_2_repeatable_labels() {
    let mut b = Bag::small(&["sha256"]);
    b.edit(
        "bag-info.txt",
        "Bagging-Date:",
        "Contact-Name: 张三\nContact-Name: 李四\nSource-Organization: 东湖区市场监督管理局\nExternal-Description: 第一段\nExternal-Description: 第二段\nX-Local-Label: a\nX-Local-Label: b\nBagging-Date:",
    );
    assert_clean(&judged("repeated-labels", &b, true));
}

/// §2.2.4: other tag files (an archivist's 说明.txt at the top, a folder of notes) are allowed:
/// information, listed or not, never an error or a warning.
#[test]
fn s2_2_4_other_tag_files_are_information() {
    let mut b = Bag::small(&["sha256"]);
    b.put("说明.txt", "本档案由市档案馆接收。\n");
    b.put("metadata/notes.xml", "<notes/>\n");
    b.reseal();
    b.put("unlisted-note.txt", "added later\n");
    let r = judged("other-tag-files", &b, true);
    assert_clean(&r);
    let others: Vec<(&str, bool)> = r
        .other_tag_files
        .iter()
        .map(|t| (t.path.as_str(), t.listed))
        .collect();
    assert_eq!(
        others,
        [
            ("metadata/notes.xml", true),
            ("unlisted-note.txt", false),
            ("说明.txt", true)
        ]
    );
    let text = r.zh();
    assert!(text.contains("附加标签文件：说明.txt"), "{text}");
}

/// §2.2.3, §3: items of fetch.txt not yet fetched are named with their URL and the rest is
/// judged: valid with a warning; `--complete` makes them errors. The Payload-Oxum counts them.
#[test]
fn s2_2_3_fetch_items_not_yet_fetched() {
    let remote: &[u8] = b"far away";
    let mut b = Bag::new(&["sha256"], &[("here.txt", b"here"), ("far.bin", remote)]);
    b.put(
        "fetch.txt",
        format!(
            "https://example.org/far.bin {} data/far.bin\n",
            remote.len()
        ),
    )
    .reseal();
    b.remove("data/far.bin");
    let r = judged("fetch-pending", &b, true);
    assert_warning(&r, FindingKind::FetchPending, "§3");
    assert!(r.zh().contains("尚待按 fetch.txt 取回"), "{}", r.zh());
    let complete = b.verify_with(&VerifyOptions {
        complete: true,
        ..VerifyOptions::default()
    });
    assert!(
        complete
            .errors()
            .any(|f| f.kind == FindingKind::FetchPending),
        "{}",
        all(&complete)
    );
    // What is here is still judged.
    let mut altered = b.clone();
    altered.put("data/here.txt", "HERE");
    judged("fetch-pending-altered", &altered, false);
}

/// §6.1.1.3, §3: sloppy but intact: one file listed under two Unicode normalizations, names
/// differing only in case, .DS_Store and Thumbs.db in the payload unlisted or listed and gone:
/// warnings, valid.
#[test]
fn s6_1_1_3_sloppy_but_intact_bags() {
    let nfd = "cafe\u{301}.txt";
    let mut b = Bag::new(&["sha256"], &[("café.txt", b"noir"), ("Photo.JPG", b"P")]);
    let m = b.text("manifest-sha256.txt");
    let line = m.lines().find(|l| l.ends_with("café.txt")).unwrap();
    let twice = format!("{m}{}\n", line.replace("café.txt", nfd));
    b.put("manifest-sha256.txt", twice).reseal();
    let r = judged("two-normalizations", &b, true);
    assert_warning(&r, FindingKind::BadManifest, "§6.1.1.3");

    let b = Bag::new(&["sha256"], &[("Photo.JPG", b"P"), ("photo.jpg", b"p")]);
    let r = judged("case-only", &b, true);
    assert_warning(&r, FindingKind::CaseCollision, "§6.1.1.3");

    let mut b = Bag::new(
        &["sha256"],
        &[("a.txt", b"a"), ("sub/Thumbs.db", b"thumbs")],
    );
    b.remove("data/sub/Thumbs.db");
    b.put("data/.DS_Store", b"\0\0\0\x01Bud1");
    b.put("data/sub/._a.txt", b"resource fork");
    let r = judged("system-files", &b, true);
    let litter: Vec<&str> = r
        .warnings()
        .filter(|f| f.kind == FindingKind::SystemFile)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        litter,
        ["data/.DS_Store", "data/sub/._a.txt", "data/sub/Thumbs.db"],
        "{}",
        all(&r)
    );
    // A system file whose listed checksum is wrong is still altered.
    let mut b = Bag::new(&["sha256"], &[(".DS_Store", b"x")]);
    b.put("data/.DS_Store", b"y");
    judged("system-file-altered", &b, false);
}

/// §3, §2.2.2, §2.1.1: really broken bags stay errors: a wrong checksum, a payload file
/// missing or extra, a bad Payload-Oxum, whitespace bagit.txt forbids, a payload file missing
/// from one of two manifests (1.0).
#[test]
fn s3_really_broken_bags_stay_errors() {
    let base = Bag::small(&["sha256", "sha512"]);
    let mut cases: Vec<(&str, Bag, FindingKind)> = Vec::new();
    let mut b = base.clone();
    b.put("data/a.txt", "ALPHA\n");
    cases.push(("broken-altered", b, FindingKind::Altered));
    let mut b = base.clone();
    b.remove("data/a.txt");
    cases.push(("broken-missing", b, FindingKind::Missing));
    let mut b = base.clone();
    b.put("data/extra.txt", "x");
    cases.push(("broken-extra", b, FindingKind::Extra));
    let mut b = base.clone();
    b.edit("bag-info.txt", "Payload-Oxum: ", "Payload-Oxum: 1");
    cases.push(("broken-oxum", b, FindingKind::PayloadOxum));
    let mut b = base.clone();
    b.edit("bagit.txt", "BagIt-Version: 1.0", "BagIt-Version:  1.0 ");
    cases.push(("broken-bagit-whitespace", b, FindingKind::BadBagitTxt));
    let mut b = base.clone();
    let m = b.text("manifest-sha512.txt");
    let kept: String = m
        .lines()
        .filter(|l| !l.ends_with("a.txt"))
        .map(|l| format!("{l}\n"))
        .collect();
    b.put("manifest-sha512.txt", kept).reseal();
    cases.push((
        "broken-not-in-every-manifest",
        b,
        FindingKind::NotInEveryManifest,
    ));
    for (name, b, kind) in cases {
        let r = judged(name, &b, false);
        assert!(r.errors().any(|f| f.kind == kind), "{name}: {}", all(&r));
    }
    assert_valid(&judged("broken-none", &base, true));
}

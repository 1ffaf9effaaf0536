//! The archive: a BagIt bag in a zip, the same bytes from the same inputs, and a verify that
//! names every missing, extra, renamed and altered file and survives hostile zips.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use sha2::{Digest, Sha256};
use spotcheck::app::build::{self, BuildError, BuildOptions};
use spotcheck::archive::sign::{self, SigningKey};
use spotcheck::archive::verify::{
    FindingKind, SignatureStatus, Verdict, VerifyOptions, VerifyReport, verify,
};
use spotcheck::archive::{self, Payload};
use spotcheck::input::load::LoadedBatch;

use crate::common::*;

const BAG: &str = "JC-2023-01";
/// An evidence file with a Chinese name.
const PHOTO: &str = "data/evidence/JZ-2023-001/现场照片1.jpg";

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Renders the sample into `out` and lists its whole payload, with a stand-in for the bound
/// volume (made by the volume module; here any PDF will do to test the packing).
fn render_payload(lb: &LoadedBatch, out: &Path) -> Vec<Payload> {
    let opts = spotcheck::documents::render::RenderOptions {
        out: out.to_path_buf(),
        ..Default::default()
    };
    let rendered = spotcheck::documents::render::render(lb, &engine(), &opts)
        .unwrap_or_else(|e| panic!("render failed:\n{e}"));
    let volume = out.join("volume").join(format!("{BAG}-合订本.pdf"));
    std::fs::create_dir_all(volume.parent().unwrap()).unwrap();
    std::fs::copy(out.join("batch/batch-notice.pdf"), &volume).unwrap();
    let mut payload = archive::source_payload(lb).unwrap();
    payload.extend(archive::output_payload(out, &rendered, std::slice::from_ref(&volume)).unwrap());
    payload
}

/// Packs into a fresh folder and returns the zip's bytes.
fn pack_bytes(lb: &LoadedBatch, payload: &[Payload], key: Option<&SigningKey>) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join(format!("{BAG}.zip"));
    let packed = archive::write_bag(lb, payload.to_vec(), &dest, key).unwrap();
    assert!(packed.files > 100, "{packed:?}");
    std::fs::read(&dest).unwrap()
}

/// The sample rendered and packed once for the whole test binary: the unsigned archive, the
/// same signed, and the key pair.
struct Fixture {
    unsigned: Vec<u8>,
    signed: Vec<u8>,
    public_key: String,
    other_public_key: String,
    /// Payload bag path → the file it was read from (still present only during the fixture
    /// build, so the contents are kept here).
    originals: Vec<(String, Vec<u8>)>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let lb = sample();
        let out = tempfile::tempdir().unwrap();
        let payload = render_payload(&lb, out.path());
        let keys = tempfile::tempdir().unwrap();
        let files = sign::keygen(keys.path()).unwrap();
        let key = SigningKey::from_file(&files.secret).unwrap();
        let other = tempfile::tempdir().unwrap();
        let other_files = sign::keygen(other.path()).unwrap();
        Fixture {
            unsigned: pack_bytes(&lb, &payload, None),
            signed: pack_bytes(&lb, &payload, Some(&key)),
            public_key: std::fs::read_to_string(&files.public).unwrap(),
            other_public_key: std::fs::read_to_string(&other_files.public).unwrap(),
            originals: payload
                .iter()
                .map(|p| (p.bag_path.clone(), std::fs::read(&p.file).unwrap()))
                .collect(),
        }
    })
}

/// The entries of a zip: (name, content), in the order of the zip.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut content = Vec::new();
            f.read_to_end(&mut content).unwrap();
            (f.name().unwrap().to_string(), content)
        })
        .collect()
}

/// A zip with the given entries, as an ordinary zip tool would write it.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in entries {
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Writes bytes to a fresh file and verifies it.
fn verify_bytes(bytes: &[u8], public_key: Option<&str>) -> VerifyReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.zip");
    std::fs::write(&path, bytes).unwrap();
    verify_path(&path, public_key)
}

fn verify_path(path: &Path, public_key: Option<&str>) -> VerifyReport {
    let opts = VerifyOptions {
        public_key: public_key.map(str::to_string),
        ..Default::default()
    };
    verify(path, &opts)
}

/// The archive with one entry changed by `f` (None deletes it) and others added.
fn tampered(
    bytes: &[u8],
    f: impl Fn(&str, &[u8]) -> Option<(String, Vec<u8>)>,
    add: &[(&str, &[u8])],
) -> Vec<u8> {
    let mut out: Vec<(String, Vec<u8>)> = entries(bytes)
        .into_iter()
        .filter_map(|(name, content)| f(&name, &content))
        .collect();
    for (name, content) in add {
        out.push((format!("{BAG}/{name}"), content.to_vec()));
    }
    zip_of(&out)
}

fn flip_byte_in(bytes: &[u8], target: &str) -> Vec<u8> {
    let full = format!("{BAG}/{target}");
    let mut found = false;
    let out = tampered(
        bytes,
        |name, content| {
            let mut content = content.to_vec();
            if name == full {
                let i = content.len() / 2;
                content[i] ^= 0x01;
            }
            Some((name.to_string(), content))
        },
        &[],
    );
    for (name, _) in entries(bytes) {
        found |= name == full;
    }
    assert!(found, "no entry {full}");
    out
}

fn assert_names(report: &VerifyReport, kind: FindingKind, path: &str) {
    assert!(
        report.findings.iter().any(|f| f.kind == kind
            && (f.path == path || f.to.as_deref() == Some(path))
            && f.zh().contains(path)),
        "expected {kind:?} naming {path}, got:\n{}",
        report.zh()
    );
}

// ---------------------------------------------------------------------------------------------
// The bag
// ---------------------------------------------------------------------------------------------

#[test]
fn packing_the_same_inputs_twice_into_different_folders_gives_the_same_bytes() {
    let lb = sample();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let first = pack_bytes(&lb, &render_payload(&lb, a.path()), None);
    let second = pack_bytes(&lb, &render_payload(&lb, b.path()), None);
    assert!(first == second, "the two archives differ");
    assert!(fixture().unsigned == first, "the fixture's archive differs");
}

#[test]
fn signing_is_deterministic_too() {
    let lb = sample();
    let keys = tempfile::tempdir().unwrap();
    let files = sign::keygen(keys.path()).unwrap();
    let key = SigningKey::from_file(&files.secret).unwrap();
    let text = key.sign(b"tag manifest", "comment").unwrap();
    assert_eq!(text, key.sign(b"tag manifest", "comment").unwrap());
    let out = tempfile::tempdir().unwrap();
    let payload = render_payload(&lb, out.path());
    assert!(pack_bytes(&lb, &payload, Some(&key)) == pack_bytes(&lb, &payload, Some(&key)));
}

#[test]
fn the_archive_is_a_bag_by_the_rules_of_rfc_8493() {
    let fx = fixture();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&fx.unsigned)).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    // The tag files first, in this order (a zip cut short still holds its manifests), then the
    // payload sorted, each once.
    let tags = [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
        "说明.txt",
    ];
    let head: Vec<String> = tags.iter().map(|t| format!("{BAG}/{t}")).collect();
    assert_eq!(names[..tags.len()], head[..], "the tag files first");
    let payload_names = names[tags.len()..].to_vec();
    let mut sorted = payload_names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(payload_names, sorted, "the payload sorted, each once");
    assert!(
        payload_names
            .iter()
            .all(|n| n.starts_with(&format!("{BAG}/data/")))
    );
    // Every entry dated the moment the bag was made (midnight of today, without
    // SOURCE_DATE_EPOCH), not the batch's last record.
    let t = spotcheck::clock::bagging_time();
    use chrono::{Datelike, Timelike};
    let when = zip::DateTime::from_date_and_time(
        t.year() as u16,
        t.month() as u8,
        t.day() as u8,
        t.hour() as u8,
        t.minute() as u8,
        t.second() as u8,
    )
    .unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        assert!(
            name.starts_with(&format!("{BAG}/")),
            "{name}: one top folder"
        );
        assert!(!f.is_dir(), "{name}: no directory entries");
        assert_eq!(f.last_modified(), Some(when), "{name}: fixed timestamp");
        assert_eq!(f.unix_mode().map(|m| m & 0o777), Some(0o644), "{name}");
        // Compressed formats stored as they are, text deflated.
        let stored = [".pdf", ".jpg", ".xlsx"].iter().any(|e| name.ends_with(e));
        let expected = if stored {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        assert_eq!(f.compression(), expected, "{name}");
        assert_eq!(archive::nfc(&name), name, "{name}: NFC");
    }
    let all = entries(&fx.unsigned);
    let get = |n: &str| -> &Vec<u8> {
        &all.iter()
            .find(|(name, _)| name == &format!("{BAG}/{n}"))
            .unwrap_or_else(|| panic!("no {n}"))
            .1
    };

    // bagit.txt, exactly.
    assert_eq!(
        get("bagit.txt"),
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    );

    // The payload manifest lists every payload file once, sorted, with its SHA-256.
    let manifest = String::from_utf8(get("manifest-sha256.txt").clone()).unwrap();
    let payload: Vec<(&str, &Vec<u8>)> = all
        .iter()
        .filter_map(|(n, c)| n.strip_prefix(&format!("{BAG}/")).map(|n| (n, c)))
        .filter(|(n, _)| n.starts_with("data/"))
        .collect();
    let expected: String = payload
        .iter()
        .map(|(n, c)| format!("{}  {n}\n", sha256_hex(c)))
        .collect();
    assert_eq!(manifest, expected);

    // The tag manifest lists the three tag files and the README (说明.txt).
    let tags: String = [
        "bag-info.txt",
        "bagit.txt",
        "manifest-sha256.txt",
        "说明.txt",
    ]
    .iter()
    .map(|n| format!("{}  {n}\n", sha256_hex(get(n))))
    .collect();
    assert_eq!(
        String::from_utf8(get("tagmanifest-sha256.txt").clone()).unwrap(),
        tags
    );

    // bag-info.txt.
    let info = String::from_utf8(get("bag-info.txt").clone()).unwrap();
    let bytes: usize = payload.iter().map(|(_, c)| c.len()).sum();
    for line in [
        format!("Payload-Oxum: {bytes}.{}", payload.len()),
        "External-Identifier: 晋市市监〔2023〕3号".to_string(),
        format!("Bagging-Date: {}", spotcheck::clock::bagging_date()),
        format!("归档日期: {}", spotcheck::clock::bagging_date()),
        "归档状态: 未完结".to_string(),
        "密级: 公开".to_string(),
        "保管期限: 定期30年".to_string(),
        "Bag-Count: 1 of 1".to_string(),
    ] {
        assert!(
            info.lines().any(|l| l == line),
            "bag-info.txt lacks {line}:\n{info}"
        );
    }
    let lb = sample();
    for lab in &lb.batch.labs {
        assert!(info.contains(&format!("Source-Organization: {}\n", lab.name)));
    }
    assert!(info.contains("External-Description: "));
    for line in info.lines() {
        assert!(line.split_once(": ").is_some(), "label: value, got {line}");
    }

    // The payload is what was given, byte for byte: sources, evidence, documents, table, volume.
    for (bag_path, original) in &fx.originals {
        assert!(
            get(bag_path) == original,
            "{bag_path} differs from its source"
        );
    }
    assert_eq!(
        get("data/source/batch.yaml"),
        &std::fs::read(sample_dir().join("batch.yaml")).unwrap()
    );
    assert_eq!(
        get(PHOTO),
        &std::fs::read(sample_dir().join("evidence/JZ-2023-001/现场照片1.jpg")).unwrap()
    );
    for lc in &lb.cases {
        assert!(
            get(&format!("data/source/{}", lc.file))
                == &std::fs::read(sample_dir().join(&lc.file)).unwrap()
        );
        for e in &lc.case.evidence {
            get(&format!(
                "data/evidence/{}",
                e.strip_prefix("evidence/").unwrap()
            ));
        }
    }
    for n in [
        "data/documents/cases/JZ-2023-001/report.pdf",
        "data/documents/batch/summary-table.pdf",
        "data/tables/summary-table.xlsx",
        "data/volume/JC-2023-01-合订本.pdf",
    ] {
        assert!(get(n).len() > 100, "{n}");
    }
}

#[test]
fn manifest_paths_escape_line_breaks_and_percent() {
    let p = "data/a%b\r\nc.txt";
    let e = archive::encode_manifest_path(p);
    assert_eq!(e, "data/a%25b%0D%0Ac.txt");
    assert_eq!(archive::decode_manifest_path(&e), p);
    assert_eq!(archive::decode_manifest_path("data/%0d%0a"), "data/\r\n");
}

// ---------------------------------------------------------------------------------------------
// Verify
// ---------------------------------------------------------------------------------------------

#[test]
fn a_fresh_archive_verifies_whole_zipped_and_unzipped() {
    let fx = fixture();
    let r = verify_bytes(&fx.unsigned, None);
    assert_eq!(r.verdict, Verdict::Intact, "{}", r.zh());
    assert_eq!(r.bag.as_deref(), Some(BAG));
    assert!(r.payload_files > 100);
    // By RFC 8493 too: not even a warning, signed or not.
    assert!(r.findings.is_empty(), "{}", r.warnings_text());
    assert_eq!(r.bagit_version.as_deref(), Some("1.0"));
    assert!(verify_bytes(&fx.signed, None).findings.is_empty());

    let dir = tempfile::tempdir().unwrap();
    for (name, content) in entries(&fx.unsigned) {
        let p = dir.path().join(&name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    // The bag folder itself, and the folder it was unzipped into.
    for p in [dir.path().join(BAG), dir.path().to_path_buf()] {
        let r = verify_path(&p, None);
        assert_eq!(r.verdict, Verdict::Intact, "{}", r.zh());
        assert_eq!(
            r.payload_files,
            verify_bytes(&fx.unsigned, None).payload_files
        );
    }

    // Damage in the folder is named too.
    let photo = dir.path().join(BAG).join(PHOTO);
    let mut bytes = std::fs::read(&photo).unwrap();
    bytes[10] ^= 0x80;
    std::fs::write(&photo, bytes).unwrap();
    std::fs::write(dir.path().join(BAG).join("data/evidence/多出.jpg"), b"x").unwrap();
    let r = verify_path(&dir.path().join(BAG), None);
    assert_eq!(r.verdict, Verdict::Damaged);
    assert_names(&r, FindingKind::Altered, PHOTO);
    assert_names(&r, FindingKind::Extra, "data/evidence/多出.jpg");

    // A link is reported, never followed.
    #[cfg(unix)]
    {
        let link = dir.path().join(BAG).join("data/evidence/link.jpg");
        std::os::unix::fs::symlink("/etc/passwd", link).unwrap();
        let r = verify_path(&dir.path().join(BAG), None);
        assert_names(&r, FindingKind::UnsafeName, "data/evidence/link.jpg");
    }
}

#[test]
fn one_flipped_byte_in_any_kind_of_entry_is_named() {
    let fx = fixture();
    for (target, kind) in [
        ("data/source/cases/jz-001.yaml", FindingKind::Altered),
        (PHOTO, FindingKind::Altered),
        (
            "data/documents/cases/JZ-2023-001/report.pdf",
            FindingKind::Altered,
        ),
        (
            "data/documents/batch/analysis-report.pdf",
            FindingKind::Altered,
        ),
        ("data/tables/summary-table.xlsx", FindingKind::Altered),
        ("data/volume/JC-2023-01-合订本.pdf", FindingKind::Altered),
        ("bag-info.txt", FindingKind::TagAltered),
        ("manifest-sha256.txt", FindingKind::TagAltered),
    ] {
        let r = verify_bytes(&flip_byte_in(&fx.unsigned, target), None);
        assert_eq!(r.verdict, Verdict::Damaged, "{target}: {}", r.zh());
        assert_names(&r, kind, target);
    }
}

#[test]
fn a_flipped_byte_in_the_compressed_data_is_named_as_damage() {
    let fx = fixture();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&fx.unsigned)).unwrap();
    let f = zip.by_name(&format!("{BAG}/{PHOTO}")).unwrap();
    let at = (f.data_start().unwrap() + f.compressed_size() / 2) as usize;
    drop(f);
    let mut bytes = fx.unsigned.clone();
    bytes[at] ^= 0x55;
    let r = verify_bytes(&bytes, None);
    assert_eq!(r.verdict, Verdict::Damaged, "{}", r.zh());
    assert!(
        r.about(PHOTO)
            .iter()
            .any(|f| matches!(f.kind, FindingKind::Unreadable | FindingKind::Altered)),
        "{}",
        r.zh()
    );
}

#[test]
fn deleted_added_and_renamed_files_are_each_named_all_at_once() {
    let fx = fixture();
    let deleted = "data/documents/cases/JZ-2023-002/notice.pdf";
    let renamed_from = "data/evidence/JZ-2023-001/标签.jpg";
    let renamed_to = "data/evidence/JZ-2023-001/标签-改.jpg";
    let added = "data/evidence/JZ-2023-001/补拍.jpg";
    let bytes = tampered(
        &fx.unsigned,
        |name, content| {
            let rel = name.strip_prefix(&format!("{BAG}/")).unwrap();
            if rel == deleted {
                None
            } else if rel == renamed_from {
                Some((format!("{BAG}/{renamed_to}"), content.to_vec()))
            } else {
                Some((name.to_string(), content.to_vec()))
            }
        },
        &[(added, b"not in the manifest")],
    );
    let r = verify_bytes(&bytes, None);
    assert_eq!(r.verdict, Verdict::Damaged);
    assert_names(&r, FindingKind::Missing, deleted);
    assert_names(&r, FindingKind::Extra, added);
    assert_names(&r, FindingKind::Renamed, renamed_from);
    assert_names(&r, FindingKind::Renamed, renamed_to);
    assert!(
        r.findings
            .iter()
            .any(|f| f.kind == FindingKind::PayloadOxum)
    );

    // Each alone.
    for (bytes, kind, path) in [
        (
            tampered(
                &fx.unsigned,
                |n, c| (!n.ends_with(deleted)).then(|| (n.into(), c.into())),
                &[],
            ),
            FindingKind::Missing,
            deleted,
        ),
        (
            tampered(
                &fx.unsigned,
                |n, c| Some((n.into(), c.into())),
                &[(added, b"x")],
            ),
            FindingKind::Extra,
            added,
        ),
    ] {
        let r = verify_bytes(&bytes, None);
        assert_names(&r, kind, path);
    }
}

#[test]
fn a_deleted_tag_file_is_named() {
    let fx = fixture();
    for tag in [
        "bag-info.txt",
        "manifest-sha256.txt",
        "tagmanifest-sha256.txt",
    ] {
        let bytes = tampered(
            &fx.unsigned,
            |n, c| (n != format!("{BAG}/{tag}")).then(|| (n.into(), c.into())),
            &[],
        );
        let r = verify_bytes(&bytes, None);
        assert_eq!(r.verdict, Verdict::Damaged, "{tag}");
        assert!(
            r.about(tag)
                .iter()
                .any(|f| f.kind == FindingKind::TagMissing),
            "{tag}: {}",
            r.zh()
        );
    }
    let without_bagit = tampered(
        &fx.unsigned,
        |n, c| (!n.ends_with("/bagit.txt")).then(|| (n.into(), c.into())),
        &[],
    );
    let r = verify_bytes(&without_bagit, None);
    assert_eq!(r.verdict, Verdict::Unreadable);
    assert!(r.error.unwrap().to_string().contains("bagit.txt"));
}

// ---------------------------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------------------------

#[test]
fn a_signed_archive_verifies_with_its_public_key_only() {
    let fx = fixture();
    let r = verify_bytes(&fx.signed, Some(&fx.public_key));
    assert_eq!(r.verdict, Verdict::Intact, "{}", r.zh());
    let SignatureStatus::Valid(info) = &r.signature else {
        panic!("{:?}", r.signature)
    };
    assert!(info.trusted_comment.contains(BAG));
    // The signature is a tag file listed in no manifest: the bag is otherwise the unsigned one.
    let unsigned = entries(&fx.unsigned);
    let signed = entries(&fx.signed);
    assert_eq!(signed.len(), unsigned.len() + 1);
    assert!(
        signed
            .iter()
            .any(|(n, _)| n == &format!("{BAG}/tagmanifest-sha256.txt.minisig"))
    );

    // Without a key: whole, but never plainly intact: the key it names is shown, and that it
    // was not checked against a trusted one (exit status 3).
    let r = verify_bytes(&fx.signed, None);
    assert_eq!(r.verdict, Verdict::SignatureUnchecked, "{}", r.zh());
    assert_eq!(
        r.verdict,
        spotcheck::archive::verify::Verdict::SignatureUnchecked
    );
    let SignatureStatus::NotChecked {
        present: true,
        key_id: Some(key_id),
        trusted_comment: Some(comment),
    } = &r.signature
    else {
        panic!("{:?}", r.signature)
    };
    assert_eq!(*key_id, info.key_id);
    assert!(comment.contains(BAG));
    let text = r.zh();
    assert!(text.contains(&info.key_id), "{text}");
    assert!(text.contains("未对照可信公钥核验"), "{text}");
    assert!(!text.contains("结论：完好"), "{text}");
    for tool in ["minisign -V", "python3 -m bagit --validate", "sha256sum -c"] {
        assert!(text.contains(tool), "{tool}: {text}");
    }

    // The wrong key.
    let r = verify_bytes(&fx.signed, Some(&fx.other_public_key));
    assert_eq!(r.verdict, Verdict::Damaged);
    assert!(matches!(r.signature, SignatureStatus::Invalid { .. }));
    assert_names(
        &r,
        FindingKind::SignatureInvalid,
        "tagmanifest-sha256.txt.minisig",
    );

    // An unsigned archive when a signature is required.
    let r = verify_bytes(&fx.unsigned, Some(&fx.public_key));
    assert_eq!(r.verdict, Verdict::Damaged);
    assert_eq!(r.signature, SignatureStatus::Missing);
}

#[test]
fn a_tampered_signature_fails() {
    let fx = fixture();
    let sig_name = format!("{BAG}/tagmanifest-sha256.txt.minisig");
    let sig = entries(&fx.signed)
        .into_iter()
        .find(|(n, _)| *n == sig_name)
        .unwrap()
        .1;
    let text = String::from_utf8(sig).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let flip = |s: &str| -> String {
        let mut c: Vec<char> = s.chars().collect();
        let i = c.len() / 2;
        c[i] = if c[i] == 'A' { 'B' } else { 'A' };
        c.into_iter().collect()
    };
    let variants = [
        // The signature itself, the trusted comment, the global signature.
        format!(
            "{}\n{}\n{}\n{}\n",
            lines[0],
            flip(lines[1]),
            lines[2],
            lines[3]
        ),
        format!(
            "{}\n{}\n{} changed\n{}\n",
            lines[0], lines[1], lines[2], lines[3]
        ),
        format!(
            "{}\n{}\n{}\n{}\n",
            lines[0],
            lines[1],
            lines[2],
            flip(lines[3])
        ),
        // Malformed: short lines, garbage, nothing.
        format!("{}\n{}\n{}\nAAAA\n", lines[0], lines[1], lines[2]),
        format!("{}\nAAAA\n{}\n{}\n", lines[0], lines[2], lines[3]),
        "untrusted comment: x\n".to_string(),
        String::new(),
    ];
    for v in variants {
        let bytes = tampered(
            &fx.signed,
            |n, c| {
                Some((
                    n.into(),
                    if n == sig_name {
                        v.clone().into_bytes()
                    } else {
                        c.into()
                    },
                ))
            },
            &[],
        );
        let r = verify_bytes(&bytes, Some(&fx.public_key));
        assert_eq!(r.verdict, Verdict::Damaged, "{v}");
        assert!(
            matches!(r.signature, SignatureStatus::Invalid { .. }),
            "{v}"
        );
    }

    // Rewriting a file and both manifests consistently passes the hashes, not the signature.
    let photo = format!("{BAG}/{PHOTO}");
    let mut files = entries(&fx.signed);
    let forged = b"forged".to_vec();
    let old_hash = sha256_hex(&files.iter().find(|(n, _)| *n == photo).unwrap().1);
    let new_hash = sha256_hex(&forged);
    let old_len = files.iter().find(|(n, _)| *n == photo).unwrap().1.len();
    for (n, c) in files.iter_mut() {
        if *n == photo {
            *c = forged.clone();
        }
    }
    let find = |files: &Vec<(String, Vec<u8>)>, n: &str| {
        files
            .iter()
            .position(|(name, _)| name == &format!("{BAG}/{n}"))
            .unwrap()
    };
    let m = find(&files, "manifest-sha256.txt");
    files[m].1 = String::from_utf8(files[m].1.clone())
        .unwrap()
        .replace(&old_hash, &new_hash)
        .into_bytes();
    let i = find(&files, "bag-info.txt");
    let info = String::from_utf8(files[i].1.clone()).unwrap();
    let oxum = info
        .lines()
        .find(|l| l.starts_with("Payload-Oxum: "))
        .unwrap();
    let (octets, count) = oxum["Payload-Oxum: ".len()..].split_once('.').unwrap();
    let octets: usize = octets.parse().unwrap();
    files[i].1 = info
        .replace(
            oxum,
            &format!("Payload-Oxum: {}.{count}", octets - old_len + forged.len()),
        )
        .into_bytes();
    let t = find(&files, "tagmanifest-sha256.txt");
    files[t].1 = ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
        .iter()
        .map(|n| format!("{}  {n}\n", sha256_hex(&files[find(&files, n)].1)))
        .collect::<String>()
        .into_bytes();
    let forged_zip = zip_of(&files);
    let r = verify_bytes(&forged_zip, None);
    // Consistent as a bag, and never called plainly intact without a trusted key.
    assert_eq!(
        r.verdict,
        Verdict::SignatureUnchecked,
        "the forgery is consistent: {}",
        r.zh()
    );
    let r = verify_bytes(&forged_zip, Some(&fx.public_key));
    assert_eq!(r.verdict, Verdict::Damaged);
    assert!(matches!(r.signature, SignatureStatus::Invalid { .. }));
}

#[test]
fn keygen_refuses_to_replace_a_key_and_keys_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let files = sign::keygen(dir.path()).unwrap();
    assert!(matches!(
        sign::keygen(dir.path()),
        Err(sign::SignError::Exists(_))
    ));
    let key = SigningKey::from_file(&files.secret).unwrap();
    assert_eq!(key.key_id(), files.key_id);
    let public = sign::read_public_key(&files.public).unwrap();
    let sig = key.sign(b"data", "c").unwrap();
    assert!(sign::verify(&public, &sig, b"data").is_ok());
    assert!(sign::verify(&public, &sig, b"datA").is_err());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files.secret)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the secret key is its owner's only");
    }
    // A password-protected key is refused, never prompted for.
    let locked = minisign::KeyPair::generate_encrypted_keypair(Some("pw".into())).unwrap();
    let path = dir.path().join("locked.key");
    std::fs::write(&path, locked.sk.to_box(None).unwrap().to_string()).unwrap();
    assert!(matches!(
        SigningKey::from_file(&path),
        Err(sign::SignError::Encrypted(_))
    ));
    std::fs::write(&path, "untrusted comment: x\nnot base64\n").unwrap();
    assert!(SigningKey::from_file(&path).is_err());
}

// ---------------------------------------------------------------------------------------------
// Hostile zips
// ---------------------------------------------------------------------------------------------

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip written byte by byte (stored entries), so that a test can make it lie. Returns the
/// bytes and, per entry, the offsets of its local header and central directory header.
fn raw_zip(entries: &[(&[u8], &[u8])]) -> (Vec<u8>, Vec<(usize, usize)>) {
    let mut out = Vec::new();
    let mut locals = Vec::new();
    for (name, data) in entries {
        locals.push(out.len());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&0x0800u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // stored
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x21u16.to_le_bytes());
        out.extend_from_slice(&crc32(data).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(data);
    }
    let cd_start = out.len();
    let mut offsets = Vec::new();
    for ((name, data), local) in entries.iter().zip(&locals) {
        offsets.push((*local, out.len()));
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&0x031Eu16.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&0x0800u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x21u16.to_le_bytes());
        out.extend_from_slice(&crc32(data).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        out.extend_from_slice(&(0o100644u32 << 16).to_le_bytes());
        out.extend_from_slice(&(*local as u32).to_le_bytes());
        out.extend_from_slice(name);
    }
    let cd_size = out.len() - cd_start;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(cd_size as u32).to_le_bytes());
    out.extend_from_slice(&(cd_start as u32).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    (out, offsets)
}

/// A small valid bag `B/`, plus extra raw entries.
fn mini_bag(extra: &[(&[u8], &[u8])]) -> (Vec<u8>, Vec<(usize, usize)>) {
    let data: &[u8] = b"payload\n";
    let manifest = format!("{}  data/a.txt\n", sha256_hex(data));
    let bagit = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    let info = format!("Payload-Oxum: {}.1\n", data.len());
    let tagmanifest = format!(
        "{}  bag-info.txt\n{}  bagit.txt\n{}  manifest-sha256.txt\n",
        sha256_hex(info.as_bytes()),
        sha256_hex(bagit),
        sha256_hex(manifest.as_bytes())
    );
    let mut all: Vec<(&[u8], &[u8])> = vec![
        (b"B/bag-info.txt", info.as_bytes()),
        (b"B/bagit.txt", bagit),
        (b"B/data/a.txt", data),
        (b"B/manifest-sha256.txt", manifest.as_bytes()),
        (b"B/tagmanifest-sha256.txt", tagmanifest.as_bytes()),
    ];
    all.extend_from_slice(extra);
    raw_zip(&all)
}

fn assert_refused(bytes: &[u8], what: &str) -> VerifyReport {
    let r = verify_bytes(bytes, None);
    assert_ne!(r.verdict, Verdict::Intact, "{what}: {}", r.zh());
    assert!(
        r.error.is_some() || !r.findings.is_empty(),
        "{what}: a reason is given"
    );
    // The clerk's report says the reason, not only the verdict.
    let reason = match (&r.error, r.findings.first()) {
        (Some(e), _) => e.in_lang(spotcheck::messages::Lang::Zh),
        (None, Some(f)) => f.zh(),
        (None, None) => unreachable!(),
    };
    assert!(
        r.zh().contains(&reason),
        "{what}: {} lacks {reason}",
        r.zh()
    );
    r
}

#[test]
fn the_hand_made_bag_is_whole() {
    let (bytes, _) = mini_bag(&[]);
    let r = verify_bytes(&bytes, None);
    assert_eq!(r.verdict, Verdict::Intact, "{}", r.zh());
}

#[test]
fn hostile_zips_are_refused_with_a_reason_and_no_panic() {
    const A: usize = 2; // B/data/a.txt

    // The local header lies about the compressed size.
    let (mut bytes, at) = mini_bag(&[]);
    bytes[at[A].0 + 18..at[A].0 + 22].copy_from_slice(&1000u32.to_le_bytes());
    let r = assert_refused(&bytes, "lying local header");
    assert!(
        r.findings
            .iter()
            .any(|f| f.kind == FindingKind::ZipStructure),
        "{}",
        r.zh()
    );

    // The central directory lies about the compressed size.
    let (mut bytes, at) = mini_bag(&[]);
    bytes[at[A].1 + 20..at[A].1 + 24].copy_from_slice(&100_000u32.to_le_bytes());
    assert_refused(&bytes, "lying central directory");

    // A huge declared uncompressed size, in both headers.
    let (mut bytes, at) = mini_bag(&[]);
    let huge = 0xFFFF_FFF0u32.to_le_bytes();
    bytes[at[A].0 + 22..at[A].0 + 26].copy_from_slice(&huge);
    bytes[at[A].1 + 24..at[A].1 + 28].copy_from_slice(&huge);
    let r = assert_refused(&bytes, "huge declared size");
    assert!(
        r.about("data/a.txt")
            .iter()
            .any(|f| f.kind == FindingKind::Unreadable),
        "{}",
        r.zh()
    );

    // Duplicate names.
    let (bytes, _) = mini_bag(&[(b"B/data/a.txt", b"another\n")]);
    let r = assert_refused(&bytes, "duplicate names");
    assert!(
        r.findings
            .iter()
            .any(|f| f.kind == FindingKind::DuplicateName && f.zh().contains("B/data/a.txt")),
        "{}",
        r.zh()
    );

    // Escaping names.
    for evil in [
        &b"B/../evil"[..],
        b"../evil",
        b"/etc/passwd",
        b"C:/evil",
        b"B\\data\\evil",
        b"B/data/\xff\xfe",
    ] {
        let (bytes, _) = mini_bag(&[(evil, b"x")]);
        let r = assert_refused(&bytes, &String::from_utf8_lossy(evil));
        assert!(
            r.findings.iter().any(|f| f.kind == FindingKind::UnsafeName),
            "{}: {}",
            String::from_utf8_lossy(evil),
            r.zh()
        );
    }

    // Truncated, at every kind of place.
    let fx = fixture();
    for len in [
        0,
        10,
        100,
        fx.unsigned.len() / 2,
        fx.unsigned.len() - 30,
        fx.unsigned.len() - 1,
    ] {
        assert_refused(&fx.unsigned[..len], &format!("truncated to {len}"));
    }
    let (bytes, _) = mini_bag(&[]);
    for len in 0..bytes.len() {
        assert_refused(&bytes[..len], &format!("mini bag truncated to {len}"));
    }

    // Not a zip at all.
    let r = assert_refused(b"hello, not a zip", "not a zip");
    assert_eq!(r.verdict, Verdict::Unreadable);
}

#[test]
fn the_limits_on_entries_and_size_hold() {
    let fx = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.zip");
    std::fs::write(&path, &fx.unsigned).unwrap();
    let r = verify(
        &path,
        &VerifyOptions {
            max_total_bytes: 100_000,
            ..Default::default()
        },
    );
    assert_eq!(r.verdict, Verdict::Unreadable);
    assert!(r.error.unwrap().to_string().contains("上限"));
    let r = verify(
        &path,
        &VerifyOptions {
            max_entries: 10,
            ..Default::default()
        },
    );
    assert_eq!(r.verdict, Verdict::Unreadable);
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

#[test]
fn build_refuses_a_batch_with_check_errors_and_writes_nothing() {
    let batch = copy_sample();
    let path = batch.path().join("cases/rq-001.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("legal_rep: 王喆", "legal_rep: 王\u{12000}", 1),
    )
    .unwrap();
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = build::build(
        &lb,
        &engine(),
        &BuildOptions {
            out: out.path().to_path_buf(),
            sign: vec![],
            sign_pdf: None,
            passphrase: None,
            templates: None,
            ofd: false,
            final_archive: false,
            reuse: false,
        },
    )
    .unwrap_err();
    assert!(matches!(err, BuildError::Check(_)), "{err}");
    assert!(err.is_finding() && !err.is_input_error());
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn a_missing_or_escaping_evidence_file_stops_the_build_before_rendering() {
    let (batch, case) = sample_with_bad_evidence(&[
        "../outside.jpg",
        "/etc/passwd",
        "evidence/../batch.yaml",
        "evidence\\DX-2023-001\\标签.jpg",
    ]);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/passwd", batch.path().join("evidence/link.jpg")).unwrap();
        let text = std::fs::read_to_string(&case).unwrap();
        std::fs::write(
            &case,
            text.replacen(
                "  - /etc/passwd",
                "  - /etc/passwd\n  - evidence/link.jpg",
                1,
            ),
        )
        .unwrap();
    }
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = build::build(
        &lb,
        &engine(),
        &BuildOptions {
            out: out.path().to_path_buf(),
            sign: vec![],
            sign_pdf: None,
            passphrase: None,
            templates: None,
            ofd: false,
            final_archive: false,
            reuse: false,
        },
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(err.is_finding() && !err.is_input_error());
    for part in [
        "JZ-2023-001",
        "evidence/JZ-2023-001/现场照片1.jpg",
        "不存在",
        "DX-2023-001",
        "../outside.jpg",
        "/etc/passwd",
        "evidence/../batch.yaml",
        "evidence\\DX-2023-001\\标签.jpg",
    ] {
        assert!(msg.contains(part), "{part} not in:\n{msg}");
    }
    #[cfg(unix)]
    assert!(
        msg.contains("evidence/link.jpg") && msg.contains("之外"),
        "{msg}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing rendered"
    );
}

/// The whole job, twice: needs the bound volume.
#[test]
fn build_end_to_end_gives_the_same_verified_archive_twice() {
    let lb = sample();
    let mut archives = Vec::new();
    for _ in 0..2 {
        let out = tempfile::tempdir().unwrap();
        let report = build::build(
            &lb,
            &engine(),
            &BuildOptions {
                out: out.path().to_path_buf(),
                sign: vec![],
                sign_pdf: None,
                passphrase: None,
                templates: None,
                ofd: false,
                final_archive: false,
                reuse: false,
            },
        )
        .unwrap_or_else(|e| panic!("build failed: {e}"));
        assert_eq!(report.archive.path, out.path().join(format!("{BAG}.zip")));
        let r = verify_path(&report.archive.path, None);
        assert_eq!(r.verdict, Verdict::Intact, "{}", r.zh());
        let bytes = std::fs::read(&report.archive.path).unwrap();
        assert!(
            entries(&bytes)
                .iter()
                .any(|(n, _)| n.starts_with(&format!("{BAG}/data/volume/")) && n.ends_with(".pdf"))
        );
        archives.push(bytes);
    }
    assert!(
        archives[0] == archives[1],
        "two builds, two different archives"
    );
}

#[test]
fn an_earlier_archive_survives_a_failed_pack() {
    let fx = fixture();
    let lb = sample();
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join(format!("{BAG}.zip"));
    std::fs::write(&dest, &fx.unsigned).unwrap();
    let payload = vec![Payload {
        bag_path: "data/source/batch.yaml".into(),
        file: out.path().join("does-not-exist.yaml"),
    }];
    assert!(archive::write_bag(&lb, payload, &dest, None).is_err());
    assert!(std::fs::read(&dest).unwrap() == fx.unsigned);
    // Failing halfway through the zip: a file whose size changes between looking and reading.
    #[cfg(target_os = "linux")]
    {
        let payload = vec![
            Payload {
                bag_path: "data/source/batch.yaml".into(),
                file: sample_dir().join("batch.yaml"),
            },
            Payload {
                bag_path: "data/tables/x".into(),
                file: "/proc/self/status".into(),
            },
        ];
        let err = archive::write_bag(&lb, payload, &dest, None).unwrap_err();
        assert!(matches!(err, archive::ArchiveError::Changed(_)), "{err}");
        assert!(std::fs::read(&dest).unwrap() == fx.unsigned);
    }
    let leftovers: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &dest)
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

#[test]
fn verify_exits_0_1_2_and_speaks_json() {
    let fx = fixture();
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("whole.zip");
    let damaged = dir.path().join("damaged.zip");
    let junk = dir.path().join("junk.zip");
    let public = dir.path().join("spotcheck.pub");
    std::fs::write(&whole, &fx.signed).unwrap();
    std::fs::write(&damaged, flip_byte_in(&fx.signed, PHOTO)).unwrap();
    std::fs::write(&junk, b"junk").unwrap();
    std::fs::write(&public, &fx.public_key).unwrap();

    let run = |path: &Path, json: bool| {
        let mut c = spotcheck();
        c.arg("verify").arg(path).arg("--pubkey").arg(&public);
        if json {
            c.args(["--format", "json"]);
        }
        c.output().unwrap()
    };
    let o = run(&whole, false);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("完好"));

    let o = run(&damaged, false);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("已损坏") && text.contains("现场照片1.jpg"),
        "{text}"
    );

    let o = run(&damaged, true);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "damaged");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "altered" && f["path"] == PHOTO),
        "{v}"
    );

    let o = run(&junk, true);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "unreadable");
    assert!(v["error"].as_str().unwrap().contains("zip"));
}

#[test]
fn keygen_and_build_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let keygen = |args: &[&str], out: &Path| {
        spotcheck()
            .arg("keygen")
            .args(args)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    };
    // Who holds the key must be said.
    let o = keygen(&[], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("spotcheck.key").exists());
    // The lab of a batch, by its name and accreditation number.
    let sample = sample_dir();
    let o = keygen(
        &["--batch", sample.to_str().unwrap(), "--lab", "jc-qi"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stdout);
    // An unencrypted key is said to be one.
    assert!(said.contains("没有口令"), "{said}");
    assert!(dir.path().join("spotcheck.key").is_file());
    let public = std::fs::read_to_string(dir.path().join("spotcheck.pub")).unwrap();
    assert!(public.contains("（资质认定 230412340099）"), "{public}");
    let o = keygen(&["--owner", "某所"], dir.path());
    assert!(
        !o.status.success(),
        "a second keygen must not replace the key"
    );
    let o = keygen(
        &["--batch", sample.to_str().unwrap(), "--lab", "nobody"],
        &dir.path().join("x"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("jc-qi"));

    // A key with a passphrase: build refuses it without the passphrase, or with another one,
    // before any page is made, and the key signs with it.
    let locked = tempfile::tempdir().unwrap();
    let phrase = locked.path().join("phrase.txt");
    std::fs::write(&phrase, "正确 horse battery\n").unwrap();
    let keys = locked.path().join("keys");
    let o = keygen(
        &[
            "--owner",
            "某检验所",
            "--passphrase-file",
            phrase.to_str().unwrap(),
        ],
        &keys,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("口令"));
    let key = keys.join("spotcheck.key");
    let wrong = locked.path().join("wrong.txt");
    std::fs::write(&wrong, "wrong\n").unwrap();
    for given in [None, Some(&wrong)] {
        let out = tempfile::tempdir().unwrap();
        let mut cmd = spotcheck();
        cmd.arg("build")
            .arg(&sample)
            .arg("-o")
            .arg(out.path())
            .arg("--sign")
            .arg(&key)
            .arg("--no-system-fonts")
            .env_remove(sign::PASSPHRASE_VAR);
        if let Some(w) = given {
            cmd.arg("--passphrase-file").arg(w);
        }
        let o = cmd.output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{given:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("spotcheck.key"), "{err}");
        if given.is_none() {
            assert!(err.contains("--passphrase-file"), "{err}");
        }
        assert!(!out.path().join("batch").exists(), "{given:?}");
    }
    assert!(SigningKey::from_file(&key).is_err());
    let signer = SigningKey::from_file_with(&key, Some("正确 horse battery")).unwrap();
    assert_eq!(signer.owner(), Some("某检验所"));
    let signature = signer.sign(b"data", "t").unwrap();
    let public = sign::read_public_key(&keys.join("spotcheck.pub")).unwrap();
    sign::verify(&public, &signature, b"data").unwrap();

    // A batch whose evidence is missing: exit 1 (an error of the batch, as check says), naming
    // the case and the file.
    let batch = copy_sample();
    std::fs::remove_file(batch.path().join("evidence/JZ-2023-001/标签.jpg")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .arg("build")
        .arg(batch.path())
        .arg("-o")
        .arg(out.path())
        .arg("--sign")
        .arg(dir.path().join("spotcheck.key"))
        .arg("--no-system-fonts")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("JZ-2023-001") && err.contains("标签.jpg"),
        "{err}"
    );
}

#[test]
fn evidence_names_go_into_the_bag_in_nfc() {
    let batch = copy_sample();
    // "café" with a combining accent (NFD), as some file systems write names.
    let nfd = "evidence/JZ-2023-001/cafe\u{301}.jpg";
    std::fs::write(batch.path().join(nfd), b"jpeg").unwrap();
    let case = batch.path().join("cases/jz-001.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(
        &case,
        text.replacen(
            "  - evidence/JZ-2023-001/封样.jpg",
            &format!("  - evidence/JZ-2023-001/封样.jpg\n  - {nfd}"),
            1,
        ),
    )
    .unwrap();
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let payload = archive::source_payload(&lb).unwrap();
    let p = payload
        .iter()
        .find(|p| p.file.ends_with(nfd))
        .expect("the NFD-named evidence is packed");
    assert_eq!(p.bag_path, "data/evidence/JZ-2023-001/caf\u{e9}.jpg");
}

//! verify, keygen and the key files speak the user's language: Chinese by default, English
//! with `--lang en` or an English locale. The machine fields of the JSON stay the same in both.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use spotcheck::archive;
use spotcheck::messages::{Lang, Msg};

use crate::common::*;

/// An evidence file of the sample, with a Chinese name.
const PHOTO: &str = "data/evidence/JZ-2023-001/现场照片1.jpg";
const EXTRA: &str = "data/evidence/JZ-2023-001/多出的照片.jpg";

fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// The sample's source files and evidence packed once (no documents: packing does not need
/// them), then damaged: the photo altered, one case file gone, one file added (and so the
/// Payload-Oxum wrong).
struct Fixture {
    _dir: tempfile::TempDir,
    damaged: PathBuf,
    /// The file removed from the damaged archive.
    removed: String,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let lb = sample();
        let dir = tempfile::tempdir().unwrap();
        let whole = dir.path().join("whole.zip");
        let payload = archive::source_payload(&lb).unwrap();
        archive::write_bag(&lb, payload, &whole, None).unwrap();

        let mut zip = zip::ZipArchive::new(std::fs::File::open(&whole).unwrap()).unwrap();
        let damaged = dir.path().join("damaged.zip");
        let mut out = zip::ZipWriter::new(std::fs::File::create(&damaged).unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        let mut root = String::new();
        let mut removed = String::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let (bag, rel) = name.split_once('/').unwrap();
            root = bag.to_string();
            let mut content = Vec::new();
            f.read_to_end(&mut content).unwrap();
            if rel.starts_with("data/source/cases/") && removed.is_empty() {
                removed = rel.to_string();
                continue;
            }
            if rel == PHOTO {
                content[0] ^= 0xff;
            }
            out.start_file(&name, opts).unwrap();
            out.write_all(&content).unwrap();
        }
        out.start_file(format!("{root}/{EXTRA}"), opts).unwrap();
        out.write_all(b"not listed").unwrap();
        out.finish().unwrap();
        assert!(!removed.is_empty());
        Fixture {
            _dir: dir,
            damaged,
            removed,
        }
    })
}

fn verify(args: &[&str], archive: &Path, env: &[(&str, &str)]) -> Output {
    let mut c = spotcheck();
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).arg("verify").arg(archive).output().unwrap()
}

/// The report's lines with every path it names taken out: what is left is the message.
fn messages_only(text: &str, paths: &[&str]) -> Vec<String> {
    text.lines()
        .map(|l| {
            paths
                .iter()
                .fold(l.to_string(), |acc, p| acc.replace(p, "<path>"))
        })
        .collect()
}

#[test]
fn a_damaged_archive_is_reported_in_english_when_asked() {
    let fx = fixture();
    // The paths are data, in whatever script they are named (the README tag file 说明.txt).
    let paths = [PHOTO, EXTRA, fx.removed.as_str(), "说明.txt"];
    let english = |o: &Output| {
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains("verdict: damaged — 4 problems found:"),
            "{out}"
        );
        assert!(out.contains(&format!("altered: {PHOTO}")), "{out}");
        assert!(out.contains(&format!("missing: {}", fx.removed)), "{out}");
        assert!(out.contains(&format!("extra file: {EXTRA}")), "{out}");
        assert!(out.contains("[RFC 8493 §3]"), "{out}");
        assert!(out.contains("Payload-Oxum does not match"), "{out}");
        let findings: Vec<String> = messages_only(&out, &paths)
            .into_iter()
            .filter(|l| l.starts_with("  - "))
            .collect();
        assert_eq!(findings.len(), 4, "{out}");
        for l in messages_only(&out, &paths) {
            assert!(!has_cjk(&l), "not English: {l}");
        }
    };
    english(&verify(&["--lang", "en"], &fx.damaged, &[]));
    // An English locale is enough; --lang zh beats it.
    english(&verify(&[], &fx.damaged, &[("LC_ALL", "en_US.UTF-8")]));
    let o = verify(&["--lang", "zh"], &fx.damaged, &[("LC_ALL", "en_US.UTF-8")]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("结论：已损坏"));
}

#[test]
fn a_damaged_archive_is_reported_in_chinese_by_default() {
    let fx = fixture();
    for args in [&[][..], &["--lang", "zh"][..]] {
        let o = verify(args, &fx.damaged, &[]);
        assert_eq!(o.status.code(), Some(1));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("结论：已损坏 —— 发现 4 处问题："), "{out}");
        assert!(
            out.contains(&format!(
                "被改动：{PHOTO}（内容与 manifest-sha256.txt 记载的校验值不符）〔RFC 8493 §3〕"
            )),
            "{out}"
        );
        assert!(out.contains(&format!("缺失：{}", fx.removed)), "{out}");
        assert!(out.contains(&format!("多出的文件：{EXTRA}")), "{out}");
        assert!(!out.contains("verdict"), "{out}");
    }
}

#[test]
fn json_findings_keep_their_fields_and_carry_the_message_id() {
    let fx = fixture();
    let json = |lang: &str| -> serde_json::Value {
        let o = spotcheck()
            .args(["--lang", lang, "verify", "--format", "json"])
            .arg(&fx.damaged)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let (en, zh) = (json("en"), json("zh"));
    assert_eq!(en["verdict"], "damaged");
    let en_findings = en["findings"].as_array().unwrap();
    let zh_findings = zh["findings"].as_array().unwrap();
    assert_eq!(en_findings.len(), 4, "{en}");
    for (e, z) in en_findings.iter().zip(zh_findings) {
        for field in ["kind", "severity", "path", "rule", "message_id", "args"] {
            assert_eq!(
                e[field], z[field],
                "{field} differs between languages: {e} {z}"
            );
        }
        let id = e["message_id"].as_str().unwrap();
        assert!(Msg::from_id(id).is_some(), "{id} is not in the catalog");
        let path = e["path"].as_str().unwrap();
        if e["kind"] != "payload_oxum" {
            assert_eq!(e["args"]["path"], path, "{e}");
        }
        let en_text = e["message"].as_str().unwrap().replace(path, "");
        assert!(!has_cjk(&en_text), "{e}");
        assert!(
            has_cjk(&z["message"].as_str().unwrap().replace(path, "")),
            "{z}"
        );
    }
    let altered = en_findings.iter().find(|f| f["kind"] == "altered").unwrap();
    assert_eq!(altered["message_id"], "bag.altered");
    assert_eq!(altered["section"], "RFC 8493 §3");
    assert_eq!(altered["path"], PHOTO);
    assert!(altered["expected"].as_str().unwrap().starts_with("sha256:"));
    assert!(
        altered["message"]
            .as_str()
            .unwrap()
            .starts_with(&format!("altered: {PHOTO}")),
        "{altered}"
    );
}

#[test]
fn unreadable_archives_and_signatures_are_explained_in_english() {
    let fx = fixture();
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"junk").unwrap();
    let o = verify(&["--lang", "en"], &junk, &[]);
    assert_eq!(o.status.code(), Some(2));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("verdict: unreadable — not a readable zip file"),
        "{out}"
    );
    let o = spotcheck()
        .args(["--lang", "en", "verify", "--format", "json"])
        .arg(&junk)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error_id"], "verify.not-zip");
    assert!(
        v["error"]
            .as_str()
            .unwrap()
            .starts_with("not a readable zip")
    );
    let o = verify(&[], &junk, &[]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("结论：无法读取 —— 不是可读的 zip 文件"));

    // A signature asked for and absent.
    let keys = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args(["--lang", "en", "keygen", "--owner", "A lab", "-o"])
        .arg(keys.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("key pair made"));
    let public = keys.path().join("spotcheck.pub");
    let o = spotcheck()
        .args(["--lang", "en", "verify", "--pubkey"])
        .arg(&public)
        .arg(&fx.damaged)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out.contains("missing: the signature tagmanifest-sha256.txt.minisig")
            && out.contains("signature: missing"),
        "{out}"
    );

    // keygen refusing to replace a key, and a public key that is not one.
    let o = spotcheck()
        .args(["--lang", "en", "keygen", "--owner", "A lab", "-o"])
        .arg(keys.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error: ") && err.contains("already exists"),
        "{err}"
    );
    assert!(!has_cjk(&err), "{err}");
    let o = spotcheck()
        .args(["keygen", "--owner", "某检验所", "-o"])
        .arg(keys.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在：为免覆盖原有私钥"));
    let bad = dir.path().join("bad.pub");
    std::fs::write(&bad, "not a key\n").unwrap();
    let o = spotcheck()
        .args(["--lang", "en", "verify", "--pubkey"])
        .arg(&bad)
        .arg(&fx.damaged)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("is not a valid minisign public key: not a base64 public key"),
        "{err}"
    );
}

#[test]
fn warnings_on_standard_error_follow_the_language() {
    // A bag whose payload only MD5 protects: valid, with one warning.
    let dir = tempfile::tempdir().unwrap();
    let bag = dir.path().join("bag");
    std::fs::create_dir_all(bag.join("data")).unwrap();
    std::fs::write(
        bag.join("bagit.txt"),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
    )
    .unwrap();
    std::fs::write(bag.join("data/照片.txt"), "hi\n").unwrap();
    std::fs::write(
        bag.join("manifest-md5.txt"),
        "764efa883dda1e11db47671c4a3bbd9e  data/照片.txt\n",
    )
    .unwrap();
    let o = verify(&["--lang", "en"], &bag, &[]);
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert_eq!(o.status.code(), Some(0), "{out}{err}");
    assert!(out.contains("verdict: intact — 1 file,"), "{out}");
    assert!(out.contains("and 1 warning ("), "{out}");
    assert!(
        err.starts_with("warning: the payload manifests use only md5")
            && err.contains("[RFC 8493 §2.4]"),
        "{err}"
    );
    assert!(!has_cjk(&out) && !has_cjk(&err), "{out}{err}");
    let o = verify(&[], &bag, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("警告：载荷清单只用了 md5"), "{err}");
}

/// Every message of verify, signing and packing has an English text free of Chinese, and the
/// library renders a report in either language.
#[test]
fn the_messages_of_verify_signing_and_packing_have_english_texts() {
    let ours = ["bag.", "verify.", "sign.", "archive."];
    let mut n = 0;
    for &m in Msg::ALL {
        if ours.iter().any(|p| m.id().starts_with(p)) {
            n += 1;
            let en = m.template(Lang::En);
            assert!(!en.is_empty() && !has_cjk(en), "{}: {en}", m.id());
        }
    }
    assert!(n > 100, "{n}");
    let r = spotcheck::archive::verify::verify(&fixture().damaged, &Default::default());
    assert!(r.in_lang(Lang::En).contains("verdict: damaged"));
    assert_eq!(r.in_lang(Lang::Zh), r.zh());
}

/// A wrong evidence path stops the packing with one line per path, in either language.
#[test]
fn packing_errors_name_each_evidence_file_in_either_language() {
    let (batch, _) = sample_with_bad_evidence(&["/etc/passwd"]);
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let err = archive::source_payload(&lb).unwrap_err();
    let (zh, en) = (err.in_lang(Lang::Zh), err.in_lang(Lang::En));
    assert_eq!(zh, err.to_string());
    assert_eq!(zh.lines().count(), 3, "{zh}");
    assert!(zh.starts_with("证据文件有误：\n"), "{zh}");
    assert!(
        zh.contains("证据文件 “evidence/JZ-2023-001/现场照片1.jpg” 不存在"),
        "{zh}"
    );
    assert!(zh.contains("“/etc/passwd” 是绝对路径"), "{zh}");
    assert_eq!(en.lines().count(), 3, "{en}");
    assert!(en.starts_with("evidence files in error:\n"), "{en}");
    assert!(
        en.contains("the evidence file “evidence/JZ-2023-001/现场照片1.jpg” of case JZ-2023-001 does not exist"),
        "{en}"
    );
    assert!(
        en.contains("“/etc/passwd” of case DX-2023-001 is an absolute path"),
        "{en}"
    );
}

//! The archive as a records office takes it: dated the day it is made (or by
//! `SOURCE_DATE_EPOCH`, byte for byte the same), marked 未完结 while anything is open and
//! refused as final then, a stripped signature told from an unsigned bag, and a zip cut short
//! still saying what it held.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::common::*;

fn build_with_env(
    batch: &Path,
    out: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> std::process::Output {
    let mut c = spotcheck();
    c.arg("build").arg(batch).arg("-o").arg(out).args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn zip_of(out: &Path) -> PathBuf {
    std::fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "zip"))
        .expect("an archive")
}

fn entry(zip: &Path, suffix: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let name = z
        .file_names()
        .map(|n| n.unwrap().to_string())
        .find(|n| n.ends_with(suffix))
        .unwrap();
    let mut s = String::new();
    z.by_name(&name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn verify(zip: &Path, args: &[&str]) -> (i32, String) {
    let o = spotcheck()
        .arg("verify")
        .arg(zip)
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
    )
}

#[test]
fn a_bag_is_dated_the_day_it_is_made_and_source_date_epoch_makes_it_reproducible() {
    let batch = copy_sample();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    // 2026-03-04 05:06:08 UTC.
    let epoch = [("SOURCE_DATE_EPOCH", "1772600768")];
    assert!(
        build_with_env(batch.path(), a.path(), &[], &epoch)
            .status
            .success()
    );
    assert!(
        build_with_env(batch.path(), b.path(), &[], &epoch)
            .status
            .success()
    );
    let (za, zb) = (zip_of(a.path()), zip_of(b.path()));
    assert_eq!(
        std::fs::read(&za).unwrap(),
        std::fs::read(&zb).unwrap(),
        "two builds of one epoch differ"
    );
    let info = entry(&za, "/bag-info.txt");
    assert!(info.contains("Bagging-Date: 2026-03-04\n"), "{info}");
    assert!(info.contains("归档日期: 2026-03-04\n"), "{info}");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&za).unwrap()).unwrap();
    let t = z.by_index(0).unwrap().last_modified().unwrap();
    assert_eq!(
        (t.year(), t.month(), t.day(), t.hour(), t.minute()),
        (2026, 3, 4, 5, 6)
    );
    // Without it: today, whatever the batch's dates are (a bag made now never reads 2023).
    let c = tempfile::tempdir().unwrap();
    assert!(
        build_with_env(batch.path(), c.path(), &[], &[])
            .status
            .success()
    );
    let today = chrono::Utc::now().date_naive();
    let info = entry(&zip_of(c.path()), "/bag-info.txt");
    assert!(info.contains(&format!("Bagging-Date: {today}\n")), "{info}");
}

#[test]
fn an_open_batch_is_archived_as_open_and_refused_as_final() {
    let batch = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let o = build_with_env(batch.path(), out.path(), &["--final"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("批次尚未完结"), "{err}");
    assert!(
        err.contains("后处理尚未办结") && err.contains("尚有"),
        "{err}"
    );
    assert!(
        !out.path().join("JC-2023-01.zip").exists(),
        "an archive was made"
    );
    // Without --final: made, and marked so, with what is open, in bag-info and 说明.txt.
    let o = build_with_env(batch.path(), out.path(), &[], &[]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("未完结"));
    let zip = zip_of(out.path());
    let info = entry(&zip, "/bag-info.txt");
    assert!(info.contains("归档状态: 未完结\n"), "{info}");
    assert!(
        info.lines()
            .filter(|l| l.starts_with("未完结事项: "))
            .count()
            >= 3,
        "{info}"
    );
    assert!(entry(&zip, "/说明.txt").contains("归档状态：未完结"));
    // The batch is a bag all the same.
    assert_eq!(verify(&zip, &[]).0, 0);
}

#[test]
fn a_bag_that_lost_its_signature_is_judged_worse_than_one_that_kept_it() {
    let batch = copy_sample();
    let keys = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args([
            "keygen",
            "--owner",
            "晋城市示例产品质量检验所 230412340099",
            "-o",
        ])
        .arg(keys.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let key = keys.path().join("spotcheck.key");
    let (signed, unsigned) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(
        build_with_env(
            batch.path(),
            signed.path(),
            &["--sign", key.to_str().unwrap()],
            &[]
        )
        .status
        .success()
    );
    assert!(
        build_with_env(batch.path(), unsigned.path(), &[], &[])
            .status
            .success()
    );
    let signed_zip = zip_of(signed.path());
    assert!(
        entry(&signed_zip, "/bag-info.txt").contains("签名文件: tagmanifest-sha256.txt.minisig\n")
    );
    // The signature removed, the rest untouched.
    let stripped = signed.path().join("stripped.zip");
    {
        let mut from = zip::ZipArchive::new(std::fs::File::open(&signed_zip).unwrap()).unwrap();
        let mut to = zip::ZipWriter::new(std::fs::File::create(&stripped).unwrap());
        for i in 0..from.len() {
            let f = from.by_index_raw(i).unwrap();
            if !f.name().unwrap().ends_with(".minisig") {
                to.raw_copy_file(f).unwrap();
            }
        }
        to.finish().unwrap();
    }
    let (kept, _) = verify(&signed_zip, &[]);
    let (lost, said) = verify(&stripped, &[]);
    let (plain, _) = verify(&zip_of(unsigned.path()), &[]);
    assert_eq!((kept, plain), (3, 0), "signed unchecked, unsigned intact");
    assert_eq!(lost, 1, "the stripped bag: {said}");
    assert!(said.contains("签名已被删除或丢失"), "{said}");
}

#[test]
fn a_zip_cut_short_still_names_what_it_lost() {
    let batch = copy_sample();
    let out = tempfile::tempdir().unwrap();
    assert!(
        build_with_env(batch.path(), out.path(), &[], &[])
            .status
            .success()
    );
    let zip = zip_of(out.path());
    let bytes = std::fs::read(&zip).unwrap();
    let cut = out.path().join("cut.zip");
    std::fs::File::create(&cut)
        .unwrap()
        .write_all(&bytes[..bytes.len() * 2 / 3])
        .unwrap();
    let (code, said) = verify(&cut, &[]);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("归档包不完整"), "{said}");
    // The files lost are named by the manifest, which came first.
    let manifest = entry(&zip, "/manifest-sha256.txt");
    let last = manifest.lines().last().unwrap().split_once("  ").unwrap().1;
    assert!(
        said.contains(&format!("缺失：{last}")),
        "{last} not named:\n{said}"
    );
}

/// The second sample (two labs) built once and signed by each lab with its own key, for the
/// tests of what a records office reads: the zip, the public keys, and the keys' holders.
struct Signed {
    _dir: tempfile::TempDir,
    zip: PathBuf,
    /// The public keys of sl-zj (the main signature) and gg-jc (the co-signature).
    public: [PathBuf; 2],
}

fn signed_second_sample() -> &'static Signed {
    static SIGNED: std::sync::OnceLock<Signed> = std::sync::OnceLock::new();
    SIGNED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let donghu = samples()
            .into_iter()
            .find(|s| s.ends_with("donghu-2024-1"))
            .unwrap();
        let mut keys = Vec::new();
        for lab in ["sl-zj", "gg-jc"] {
            let dir = dir.path().join(lab);
            let o = spotcheck()
                .args(["keygen", "--batch"])
                .arg(&donghu)
                .args(["--lab", lab, "-o"])
                .arg(&dir)
                .output()
                .unwrap();
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            keys.push(dir);
        }
        let out = dir.path().join("out");
        let (k1, k2) = (keys[0].join("spotcheck.key"), keys[1].join("spotcheck.key"));
        let o = build_with_env(
            &donghu,
            &out,
            &[
                "--sign",
                k1.to_str().unwrap(),
                "--sign",
                k2.to_str().unwrap(),
                "--no-system-fonts",
            ],
            &[],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        Signed {
            zip: zip_of(&out),
            public: [keys[0].join("spotcheck.pub"), keys[1].join("spotcheck.pub")],
            _dir: dir,
        }
    })
}

/// Every entry of a zip by its path inside the bag (the top folder taken off).
fn entries(zip: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let name = f.name().unwrap().split_once('/').unwrap().1.to_string();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}

#[test]
fn every_document_has_its_item_number_archival_number_and_metadata_after_da_t_22_and_46() {
    use sha2::{Digest, Sha256};
    let s = signed_second_sample();
    let files = entries(&s.zip);
    let text = |name: &str| String::from_utf8(files[name].clone()).unwrap();
    let manifest: std::collections::BTreeMap<String, String> = text("manifest-sha256.txt")
        .lines()
        .map(|l| {
            let (h, p) = l.split_once("  ").unwrap();
            (p.to_string(), h.to_string())
        })
        .collect();

    // The metadata file is a tag file the tag manifest covers (so the signature covers it).
    let xml = text("metadata.xml");
    let listed = text("tagmanifest-sha256.txt");
    let digest = format!("{:x}", Sha256::digest(xml.as_bytes()));
    assert!(
        listed.contains(&format!("{digest}  metadata.xml")),
        "{listed}"
    );

    let info = text("bag-info.txt");
    let archived_on = info
        .lines()
        .find_map(|l| l.strip_prefix("归档日期: "))
        .unwrap()
        .to_string();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "文件级元数据");
    let items: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("文件实体"))
        .collect();
    assert_eq!(
        root.attribute("件数"),
        Some(items.len().to_string().as_str())
    );
    let child = |n: roxmltree::Node<'_, '_>, path: &[&str]| -> String {
        let mut at = n;
        for p in path {
            at = at
                .children()
                .find(|c| c.has_tag_name(*p))
                .unwrap_or_else(|| panic!("no {p} in {:?}", n.attribute("序号")));
        }
        at.text().unwrap_or_default().to_string()
    };
    // Every PDF document of the bag is one 件, the batch's first item numbered from first_item.
    let documents = manifest
        .keys()
        .filter(|p| {
            (p.starts_with("data/documents/") || p.starts_with("data/volume/"))
                && p.ends_with(".pdf")
        })
        .count();
    assert_eq!(items.len(), documents);
    for (k, n) in items.iter().enumerate() {
        let item = format!("{:04}", 37 + k);
        assert_eq!(child(*n, &["档号", "件号"]), item);
        assert_eq!(
            n.children()
                .find(|c| c.has_tag_name("档号"))
                .unwrap()
                .attribute("值"),
            Some(format!("Z0123-WS·2024-D30-ZJK-{item}").as_str())
        );
        assert_eq!(child(*n, &["档号", "年度"]), "2024");
        assert_eq!(child(*n, &["档号", "保管期限"]), "定期30年");
        assert_eq!(child(*n, &["档号", "机构或问题"]), "ZJK");
        assert_eq!(child(*n, &["内容描述", "密级"]), "公开");
        // Each document dated by its own act (in 2024), the volume by the day it is bound.
        let date = child(*n, &["内容描述", "日期"]);
        let file = child(*n, &["电子属性", "计算机文件名"]);
        let archived = archived_on.replace('-', "");
        if file.starts_with("data/volume/") {
            assert_eq!(date, archived, "{file}");
        } else {
            assert!(
                date.len() == 8 && date.starts_with("2024"),
                "{file}: {date}"
            );
        }
        assert!(!child(*n, &["内容描述", "题名"]).is_empty());
        assert!(!child(*n, &["内容描述", "责任者"]).is_empty());
        // The file it describes: in the manifest with the same SHA-256, of that size and of
        // that many pages.
        let file = child(*n, &["电子属性", "计算机文件名"]);
        let bytes = &files[&file];
        assert_eq!(
            child(*n, &["电子属性", "校验值"]),
            manifest[&file],
            "{file}"
        );
        assert_eq!(
            child(*n, &["电子属性", "计算机文件大小"]),
            bytes.len().to_string()
        );
        assert_eq!(child(*n, &["电子属性", "格式信息"]), "PDF");
        let pages = hayro::hayro_syntax::Pdf::new(bytes.clone())
            .unwrap()
            .pages()
            .len();
        assert_eq!(
            child(*n, &["形式特征", "页数"]),
            pages.to_string(),
            "{file}"
        );
    }
    let last = format!("{:04}", 37 + items.len() - 1);

    // bag-info and the catalogue (PDF and xlsx) say the same.
    for line in [
        "全宗号: Z0123".to_string(),
        format!("档号: Z0123-WS·2024-D30-ZJK-0037 至 Z0123-WS·2024-D30-ZJK-{last}"),
        "年度: 2024".to_string(),
        "保管期限: 定期30年".to_string(),
        "机构（问题）: ZJK".to_string(),
        format!("件号: 0037 至 {last}"),
        "密级: 公开".to_string(),
        "归档人: 周晓岚".to_string(),
    ] {
        assert!(info.lines().any(|l| l == line), "{line}\n{info}");
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("c.pdf");
    std::fs::write(&pdf, &files["data/catalogue/归档文件目录.pdf"]).unwrap();
    let catalogue = squash(&pdf_text(&pdf));
    for want in ["件号", "档号", "密级", "Z0123-WS·2024-D30-ZJK-0037", &last] {
        assert!(catalogue.contains(want), "{want}");
    }
    let xlsx = dir.path().join("c.xlsx");
    std::fs::write(&xlsx, &files["data/catalogue/归档文件目录.xlsx"]).unwrap();
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let head = rows.iter().position(|r| r[0] == "序号").unwrap();
    assert_eq!(
        rows[head][..10],
        [
            "序号",
            "件号",
            "档号",
            "文号",
            "责任者",
            "题名",
            "日期",
            "密级",
            "页数",
            "文件名"
        ]
    );
    let body = &rows[head + 1..];
    assert_eq!(body.len(), items.len());
    for (r, n) in body.iter().zip(&items) {
        assert_eq!(r[1], child(*n, &["档号", "件号"]));
        assert_eq!(r[9], child(*n, &["电子属性", "计算机文件名"]));
    }
}

#[test]
fn check_reminds_of_the_records_metadata_left_out_and_the_archive_marks_its_defaults() {
    let batch = copy_sample();
    let yaml = batch.path().join("batch.yaml");
    let check = |dir: &Path| {
        let o = spotcheck()
            .arg("check")
            .arg(dir)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "archive.unset")
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    // None given: one reminder.
    edit_yaml(&yaml, |v| {
        v.as_mapping_mut().unwrap().remove("archive");
    });
    assert_eq!(
        check(batch.path())
            .iter()
            .map(|f| f.0.as_str())
            .collect::<Vec<_>>(),
        ["archive"]
    );
    // Only the 全宗号: a reminder for each of the others, at the archive section.
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}archive:\n  fonds_no: J047\n")).unwrap();
    let line = std::fs::read_to_string(&yaml)
        .unwrap()
        .lines()
        .position(|l| l == "archive:")
        .unwrap()
        + 1;
    let found = check(batch.path());
    assert_eq!(
        found,
        [
            "archive.retention",
            "archive.organization",
            "archive.classification",
            "archive.archivist"
        ]
        .map(|p| (p.to_string(), line as u64))
    );
    // The archive records the defaults as defaults, and 档号 without the 机构（问题） part.
    let out = tempfile::tempdir().unwrap();
    let o = build_with_env(batch.path(), out.path(), &["--no-system-fonts"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let info = entry(&zip_of(out.path()), "/bag-info.txt");
    assert!(
        info.contains("保管期限: 定期30年（缺省，未经档案部门确定）\n"),
        "{info}"
    );
    assert!(
        info.contains("密级: 公开（缺省，未经档案部门确定）\n"),
        "{info}"
    );
    assert!(info.contains("档号: J047-WS·2023-D30-0001 至 "), "{info}");
    assert!(
        !info.contains("机构（问题）") && !info.contains("归档人"),
        "{info}"
    );
}

/// The commands 说明.txt gives an archives officer, run as written, in order, in one shell, in
/// a folder holding only the zip and the lab's public key: each must succeed, and minisign
/// must show the holder the signature names.
#[test]
fn the_readme_commands_run_in_order_in_one_shell_with_standard_tools() {
    let s = signed_second_sample();
    let readme = entry(&s.zip, "/说明.txt");
    let steps: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("四、"))
        .skip(1)
        .filter_map(|l| {
            let (n, rest) = l.split_once(". ")?;
            n.parse::<u32>().ok()?;
            // 「1. 解压：unzip X.zip」: the command after the colon, up to a remark in （）.
            let cmd = rest.split_once('：')?.1;
            Some(cmd.split('（').next().unwrap_or(cmd).trim())
        })
        .collect();
    // Unzip, the checksums, bagit-python, and a signature check for each lab.
    assert_eq!(steps.len(), 5, "{readme}");
    assert!(steps[3].starts_with("minisign -Vm"), "{steps:?}");
    assert!(
        steps[4].contains("-x ") && steps[4].contains("spotcheck-2.pub"),
        "{steps:?}"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&s.zip, dir.path().join(s.zip.file_name().unwrap())).unwrap();
    std::fs::copy(&s.public[0], dir.path().join("spotcheck.pub")).unwrap();
    std::fs::copy(&s.public[1], dir.path().join("spotcheck-2.pub")).unwrap();
    let script = format!("set -e\n{}\n", steps.join("\n"));
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .output()
        .expect("bash");
    let said =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "the commands of 说明.txt failed (they need unzip, sha256sum, python3 -m bagit and minisign):\n{script}\n{said}"
    );
    assert!(said.contains("is valid"), "{said}");
    assert_eq!(
        said.matches("Signature and comment signature verified")
            .count(),
        2,
        "{said}"
    );
    for holder in [
        "signer:示例市产品质量监督检验所（资质认定 241700340112）",
        "signer:示例光谷检测技术有限公司（资质认定 231712050387）",
    ] {
        assert!(
            said.contains(holder),
            "the trusted comment names the holder: {said}"
        );
    }
    // A file changed after the archive was made: the same commands fail.
    let bag = dir.path().join(s.zip.file_stem().unwrap());
    let manifest = std::fs::read_to_string(bag.join("manifest-sha256.txt")).unwrap();
    let first = manifest.lines().next().unwrap().split_once("  ").unwrap().1;
    std::fs::write(bag.join(first), b"changed").unwrap();
    let o = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!("set -e\n{}\n", steps[1]))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!o.status.success());
}

/// A batch of two labs signed by each with its own key: either lab's public key verifies the
/// archive, a stranger's does not, and a bag that lost either signature is damaged.
#[test]
fn each_lab_signs_with_its_own_key_and_a_lost_co_signature_is_named() {
    let s = signed_second_sample();
    let info = entry(&s.zip, "/bag-info.txt");
    assert!(
        info.contains("签名文件: tagmanifest-sha256.txt.minisig\n"),
        "{info}"
    );
    assert!(
        info.contains("签名文件: tagmanifest-sha256.txt.2.minisig\n"),
        "{info}"
    );
    for public in &s.public {
        let (code, said) = verify(&s.zip, &["--pubkey", public.to_str().unwrap()]);
        assert_eq!(code, 0, "{said}");
    }
    let stranger = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args(["keygen", "--owner", "别的机构", "-o"])
        .arg(stranger.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let other = stranger.path().join("spotcheck.pub");
    let (code, said) = verify(&s.zip, &["--pubkey", other.to_str().unwrap()]);
    assert_eq!(code, 1, "{said}");
    // Unchecked, both claims are shown: the main one and the co-signature with its holder.
    let (code, said) = verify(&s.zip, &[]);
    assert_eq!(code, 3, "{said}");
    assert!(
        said.contains("联署签名 tagmanifest-sha256.txt.2.minisig"),
        "{said}"
    );
    assert!(said.contains("示例光谷检测技术有限公司"), "{said}");
    let o = spotcheck()
        .arg("verify")
        .arg(&s.zip)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["cosignatures"][0]["file"],
        "tagmanifest-sha256.txt.2.minisig"
    );
    // Without the co-signature: damaged, with or without a key, and the file named.
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.zip");
    {
        let mut src = zip::ZipArchive::new(std::fs::File::open(&s.zip).unwrap()).unwrap();
        let mut dst = zip::ZipWriter::new(std::fs::File::create(&cut).unwrap());
        for i in 0..src.len() {
            let f = src.by_index_raw(i).unwrap();
            if !f.name().unwrap().ends_with(".2.minisig") {
                dst.raw_copy_file(f).unwrap();
            }
        }
        dst.finish().unwrap();
    }
    for args in [vec![], vec!["--pubkey", s.public[0].to_str().unwrap()]] {
        let (code, said) = verify(&cut, &args);
        assert_eq!(code, 1, "{args:?}: {said}");
        assert!(said.contains("tagmanifest-sha256.txt.2.minisig"), "{said}");
    }
}

/// Records metadata holding the Unicode line breaks a YAML file may carry (LS, PS; the
/// control characters are refused when read) stays one line of bag-info.txt each: a reader
/// splitting at them (bagit-python does) finds no stray line.
#[test]
fn records_metadata_with_unicode_line_breaks_stays_one_line_of_bag_info() {
    let batch = copy_sample();
    let yaml = batch.path().join("batch.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    text.truncate(text.find("\narchive:\n").unwrap());
    text.push_str(
        "\narchive:\n  fonds_no: J047\n  retention: 永久\n  organization: \"Z\\u2028K\\u2029L\"\n  classification: 公开\n  archivist: \"周\\u2029晓\\u2028岚\"\n",
    );
    std::fs::write(&yaml, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = build_with_env(batch.path(), out.path(), &["--no-system-fonts"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let info = entry(&zip_of(out.path()), "/bag-info.txt");
    let breaks = [
        '\u{0b}', '\u{0c}', '\u{1c}', '\u{1d}', '\u{1e}', '\u{85}', '\u{2028}', '\u{2029}',
    ];
    assert!(!info.contains(breaks), "{info:?}");
    for line in info.lines() {
        assert!(line.contains(": "), "a stray line in bag-info: {line:?}");
    }
    assert!(info.contains("机构（问题）: Z K L\n"), "{info}");
    assert!(info.contains("归档人: 周 晓 岚\n"), "{info}");
}

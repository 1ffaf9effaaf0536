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

//! Reports and result notices signed as PDF signatures: each validated by an independent
//! validator (pyHanko, with the lab's certificate as the only trust root), still PDF/A, its
//! pages the unsigned pages but for the signature line in the seal's place, and `verify
//! --document` saying whether the file is as signed.

use std::path::{Path, PathBuf};

use crate::common::*;

fn donghu() -> PathBuf {
    samples()
        .into_iter()
        .find(|s| s.ends_with("donghu-2024-1"))
        .unwrap()
}

/// A self-issued certificate of the lab gg-jc of the second sample, in `dir`.
fn certificate(dir: &Path) {
    let o = spotcheck()
        .args(["keygen", "--x509", "--batch"])
        .arg(donghu())
        .args(["--lab", "gg-jc", "-o"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("自签证书"),
        "said plainly it is for trials: {said}"
    );
}

/// pyHanko's one-line verdict on `pdf`, trusting `cert` alone.
fn pyhanko(pdf: &Path, cert: &Path) -> String {
    let o = std::process::Command::new("python3")
        .args(["-m", "pyhanko", "sign", "validate", "--trust"])
        .arg(cert)
        .arg("--trust-replace")
        .arg(pdf)
        .output()
        .expect("python3");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success() || !out.is_empty(),
        "pyHanko (pip install pyhanko-cli) did not run: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn render(out: &Path, sign: Option<&Path>) {
    let mut c = spotcheck();
    c.arg("render")
        .arg(donghu())
        .arg("-o")
        .arg(out)
        .args([
            "--case",
            "CD-2024-001",
            "--case",
            "FZ-2024-002",
            "--case",
            "WJ-2024-002",
        ])
        .arg("--no-system-fonts");
    if let Some(dir) = sign {
        c.arg("--sign-pdf").arg(dir);
    }
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn reports_and_result_notices_are_signed_valid_trusted_and_still_pdfa() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = tmp.path().join("keys");
    certificate(&keys);
    let cert = keys.join("signing-cert.pem");
    let (plain, signed) = (tmp.path().join("plain"), tmp.path().join("signed"));
    render(&plain, None);
    render(&signed, Some(&keys));
    let signer = "示例光谷检测技术有限公司（资质认定 231712050387）";
    for case in ["CD-2024-001", "FZ-2024-002"] {
        let dir = signed.join("cases").join(case);
        for kind in ["report", "result-notice"] {
            let pdf = dir.join(format!("{kind}.pdf"));
            let verdict = pyhanko(&pdf, &cert);
            assert!(
                verdict.contains(":INTACT:TRUSTED,UNTOUCHED"),
                "{case} {kind}: {verdict}"
            );
            let bytes = std::fs::read(&pdf).unwrap();
            // Still PDF/A-2u: the signed bytes are Typst's, XMP and all.
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                text.contains("pdfaid:part>2<") || text.contains("pdfaid:part=\"2\""),
                "{case} {kind} declares no PDF/A"
            );
            let sigs = spotcheck::documents::pdfsign::check(&bytes);
            assert_eq!(sigs.len(), 1, "{case} {kind}");
            assert!(sigs[0].intact && sigs[0].covers_whole_file, "{:?}", sigs[0]);
            assert_eq!(sigs[0].signer, signer);
            // The signature line names the signer where the seal goes.
            let printed = squash(&pdf_text(&pdf));
            assert!(
                printed.contains(&squash(&format!("电子签名：{signer}"))),
                "{case} {kind}"
            );
            // The pages are the unsigned ones but for the signature line: same count, and
            // every page identical outside a band of the page's height around that line.
            let a = crate::pages::rasterize(
                &plain.join("cases").join(case).join(format!("{kind}.pdf")),
            );
            let b = crate::pages::rasterize(&pdf);
            assert_eq!(a.len(), b.len(), "{case} {kind}: pages");
            let mut changed_rows = Vec::new();
            for (pa, pb) in a.iter().zip(&b) {
                assert_eq!((pa.width, pa.height), (pb.width, pb.height));
                let w = pa.width as usize;
                let rows: Vec<usize> = (0..pa.height as usize)
                    .filter(|y| pa.px[y * w..(y + 1) * w] != pb.px[y * w..(y + 1) * w])
                    .collect();
                changed_rows.push(rows);
            }
            let changed: usize = changed_rows.iter().filter(|r| !r.is_empty()).count();
            assert_eq!(changed, 1, "{case} {kind}: one page gains the line");
            let rows = changed_rows.iter().find(|r| !r.is_empty()).unwrap();
            let height = a[0].height as usize;
            let span = rows.last().unwrap() - rows.first().unwrap();
            assert!(
                span < height / 10,
                "{case} {kind}: {span} rows of {height} changed"
            );
        }
        // What the lab does not issue to the enterprise is not signed.
        let sheet = std::fs::read(dir.join("sampling-sheet.pdf")).unwrap();
        assert!(spotcheck::documents::pdfsign::check(&sheet).is_empty());
    }
    // In a batch of two labs, a lab signs only what it issues: WJ-2024-002 is sl-zj's.
    let theirs = std::fs::read(signed.join("cases/WJ-2024-002/report.pdf")).unwrap();
    assert!(spotcheck::documents::pdfsign::check(&theirs).is_empty());
    assert!(!squash(&pdf_text(&signed.join("cases/WJ-2024-002/report.pdf"))).contains("电子签名"));
    // Another lab's certificate is no trust root for this one.
    let other = tmp.path().join("other");
    let o = spotcheck()
        .args(["keygen", "--x509", "--owner", "别的机构", "-o"])
        .arg(&other)
        .output()
        .unwrap();
    assert!(o.status.success());
    let report = signed.join("cases/CD-2024-001/report.pdf");
    let verdict = pyhanko(&report, &other.join("signing-cert.pem"));
    assert!(verdict.contains(":INTACT:UNTRUSTED"), "{verdict}");
    // keygen refuses to replace a certificate.
    let o = spotcheck()
        .args(["keygen", "--x509", "--owner", "某所", "-o"])
        .arg(&keys)
        .output()
        .unwrap();
    assert!(!o.status.success());
}

#[test]
fn verify_document_tells_a_signed_file_from_one_changed_after() {
    let tmp = tempfile::tempdir().unwrap();
    let keys = tmp.path().join("keys");
    certificate(&keys);
    let out = tmp.path().join("out");
    let o = spotcheck()
        .arg("build")
        .arg(donghu())
        .arg("-o")
        .arg(&out)
        .arg("--sign-pdf")
        .arg(&keys)
        .arg("--no-system-fonts")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let zip = out.join("DH-2024-01.zip");
    let report = out.join("cases/CD-2024-001/report.pdf");
    let verify = |doc: &Path| {
        let o = spotcheck()
            .arg("verify")
            .arg(&zip)
            .arg("--document")
            .arg(doc)
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    let (code, said) = verify(&report);
    assert!(
        said.contains("PDF 签名：完好，签名者 示例光谷检测技术有限公司"),
        "{said}"
    );
    assert!(said.contains("CD-2024-001"), "the archive knows it: {said}");
    assert_ne!(code, Some(1), "{said}");
    // One byte of the signed range changed (inside the first stream's data, well before the
    // signature): the signature no longer holds, and the archive does not know the file.
    let mut bytes = std::fs::read(&report).unwrap();
    let at = bytes.windows(6).position(|w| w == b"stream").unwrap() + 20;
    bytes[at] ^= 0x01;
    let changed = tmp.path().join("changed.pdf");
    std::fs::write(&changed, &bytes).unwrap();
    let (code, said) = verify(&changed);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("PDF 签名：不成立"), "{said}");
    // Something appended after the signature: named as not signed.
    let mut bytes = std::fs::read(&report).unwrap();
    bytes.extend_from_slice(b"\n% appended\n");
    let appended = tmp.path().join("appended.pdf");
    std::fs::write(&appended, &bytes).unwrap();
    let (code, said) = verify(&appended);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("签名之后文件又被追加了内容"), "{said}");
    // A document the lab does not sign says it has none.
    let (_, said) = verify(&out.join("cases/CD-2024-001/sampling-sheet.pdf"));
    assert!(said.contains("本文件没有 PDF 签名"), "{said}");
}

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

/// The signature widget of `pdf`: its page (from 1), its rectangle and that page's height.
fn widget(pdf: &[u8]) -> (usize, [f64; 4], f64) {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let num = |o: &lopdf::Object| o.as_float().map(f64::from).unwrap();
    for (n, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(lopdf::Object::as_array) else {
            continue;
        };
        for a in annots {
            let d = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
            if d.get(b"FT").and_then(lopdf::Object::as_name).ok() != Some(b"Sig".as_slice()) {
                continue;
            }
            let r: Vec<f64> = d
                .get(b"Rect")
                .and_then(lopdf::Object::as_array)
                .unwrap()
                .iter()
                .map(num)
                .collect();
            let media: Vec<f64> = page
                .get(b"MediaBox")
                .and_then(lopdf::Object::as_array)
                .unwrap()
                .iter()
                .map(num)
                .collect();
            return (n as usize, [r[0], r[1], r[2], r[3]], media[3] - media[1]);
        }
    }
    panic!("no signature widget");
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
            let page = changed_rows.iter().position(|r| !r.is_empty()).unwrap();
            let rows = &changed_rows[page];
            let height = a[0].height as usize;
            let span = rows.last().unwrap() - rows.first().unwrap();
            assert!(
                span < height / 10,
                "{case} {kind}: {span} rows of {height} changed"
            );
            // The signature's widget is on that page, over that line: every changed row lies
            // within its rectangle, which is no taller than a line or two.
            let (on, rect, page_height) = widget(&bytes);
            assert_eq!(on, page + 1, "{case} {kind}: the widget's page");
            let px_per_pt = f64::from(a[page].height) / page_height;
            let (top, bottom) = (
                (page_height - rect[3]) * px_per_pt,
                (page_height - rect[1]) * px_per_pt,
            );
            assert!(rect[2] - rect[0] > 100.0, "{case} {kind}: {rect:?}");
            assert!(
                rect[3] - rect[1] > 6.0 && rect[3] - rect[1] < 24.0,
                "{case} {kind}: {rect:?}"
            );
            let (first, last) = (*rows.first().unwrap() as f64, *rows.last().unwrap() as f64);
            assert!(
                first >= top - 1.0 && last <= bottom + 1.0,
                "{case} {kind}: rows {first}..{last} outside the widget's {top}..{bottom}"
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

/// A time-stamp service on loopback (tests/tools/tsa.py, pyHanko's time-stamper): its
/// address and its certificate. It stops when the handle is dropped.
struct Tsa {
    child: std::process::Child,
    url: String,
    cert: PathBuf,
}

impl Tsa {
    fn start(dir: &Path) -> Tsa {
        use std::io::BufRead;
        let cert = dir.join("tsa.pem");
        let mut child = std::process::Command::new("python3")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/tsa.py"))
            .arg(&cert)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port: u16 = line.trim().parse().unwrap_or_else(|_| {
            panic!("the time-stamp service did not start (pip install pyhanko-cli): {line:?}")
        });
        Tsa {
            child,
            url: format!("http://127.0.0.1:{port}"),
            cert,
        }
    }
}

impl Drop for Tsa {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// A CA-style RSA certificate and key for the lab gg-jc, made by Python's `cryptography` (not
/// by spotcheck), as a PKCS#12 file with `password`, and the same as PEM files (the key in the
/// traditional PKCS#1 form) in `dir/pem`.
fn rsa_credentials(dir: &Path, password: &str) -> (PathBuf, PathBuf) {
    const SCRIPT: &str = r#"
import datetime, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
out, password = sys.argv[1], sys.argv[2].encode()
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "示例光谷检测技术有限公司"), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "示例光谷检测技术有限公司")])
now = datetime.datetime.now(datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
    .public_key(key.public_key()).serial_number(x509.random_serial_number())
    .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365))
    .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
    .sign(key, hashes.SHA256()))
open(out + "/lab.p12", "wb").write(pkcs12.serialize_key_and_certificates(
    b"lab", key, cert, None, serialization.BestAvailableEncryption(password)))
open(out + "/pem/signing-cert.pem", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
open(out + "/pem/signing-key.pem", "wb").write(key.private_bytes(serialization.Encoding.PEM,
    serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
"#;
    std::fs::create_dir_all(dir.join("pem")).unwrap();
    let o = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(dir)
        .arg(password)
        .output()
        .expect("python3");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (dir.join("lab.p12"), dir.join("pem"))
}

#[test]
fn b_t_signatures_by_a_time_stamp_service_with_a_pkcs12_or_rsa_key() {
    let tmp = tempfile::tempdir().unwrap();
    let tsa = Tsa::start(tmp.path());
    let (p12, pem) = rsa_credentials(&tmp.path().join("ca"), "口令 pass");
    let password = tmp.path().join("password.txt");
    std::fs::write(&password, "口令 pass\n").unwrap();
    let out = tmp.path().join("out");
    let build = |out: &Path, sign: &[&std::ffi::OsStr]| {
        spotcheck()
            .arg("build")
            .arg(donghu())
            .arg("-o")
            .arg(out)
            .args(sign)
            .arg("--no-system-fonts")
            .output()
            .unwrap()
    };
    let o = build(
        &out,
        &[
            "--sign-pdf".as_ref(),
            p12.as_os_str(),
            "--pkcs12-password-file".as_ref(),
            password.as_os_str(),
            "--tsa".as_ref(),
            tsa.url.as_ref(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cert = pem.join("signing-cert.pem");
    for kind in ["report", "result-notice"] {
        let pdf = out.join(format!("cases/CD-2024-001/{kind}.pdf"));
        // pyHanko, trusting the lab's and the service's certificates alone: the signature
        // and its time-stamp token both intact and trusted.
        let o = std::process::Command::new("python3")
            .args(["-m", "pyhanko", "sign", "validate", "--trust"])
            .arg(&cert)
            .arg("--trust")
            .arg(&tsa.cert)
            .arg("--trust-replace")
            .arg(&pdf)
            .output()
            .unwrap();
        let verdict = String::from_utf8_lossy(&o.stdout);
        assert!(
            verdict.contains(":INTACT:TRUSTED,TIMESTAMP_TOKEN<INTACT:TRUSTED>,UNTOUCHED"),
            "{kind}: {verdict} {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let sigs = spotcheck::documents::pdfsign::check(&std::fs::read(&pdf).unwrap());
        assert_eq!(sigs.len(), 1);
        assert!(sigs[0].intact, "{:?}", sigs[0]);
        let ts = sigs[0].timestamp.as_ref().expect("a time-stamp");
        assert_eq!(ts.service, "试验时间戳服务");
        assert!(
            ts.time.ends_with(" UTC") && ts.time.len() >= 23,
            "{}",
            ts.time
        );
    }
    // verify --document says when the service saw the signature.
    let report = out.join("cases/CD-2024-001/report.pdf");
    let o = spotcheck()
        .arg("verify")
        .arg(out.join("DH-2024-01.zip"))
        .arg("--document")
        .arg(&report)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("PDF 签名：完好"), "{said}");
    assert!(
        said.contains("PDF 签名的时间戳：") && said.contains("时间戳服务 试验时间戳服务"),
        "{said}"
    );
    // The same key and certificate as PEM files (an RSA key in PKCS#1 form) sign as well.
    let out_pem = tmp.path().join("out-pem");
    let o = build(&out_pem, &["--sign-pdf".as_ref(), pem.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let sigs = spotcheck::documents::pdfsign::check(
        &std::fs::read(out_pem.join("cases/CD-2024-001/report.pdf")).unwrap(),
    );
    assert!(sigs.len() == 1 && sigs[0].intact && sigs[0].timestamp.is_none());
    assert!(
        pyhanko(&out_pem.join("cases/CD-2024-001/report.pdf"), &cert)
            .contains(":INTACT:TRUSTED,UNTOUCHED")
    );
    // A wrong password, and a service that does not answer, are refused with what to do;
    // neither writes a signed document.
    let wrong = tmp.path().join("wrong.txt");
    std::fs::write(&wrong, "别的").unwrap();
    let o = build(
        &tmp.path().join("out-wrong"),
        &[
            "--sign-pdf".as_ref(),
            p12.as_os_str(),
            "--pkcs12-password-file".as_ref(),
            wrong.as_os_str(),
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("密码不对"));
    assert!(!tmp.path().join("out-wrong/cases").exists());
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let o = build(
        &tmp.path().join("out-dead"),
        &[
            "--sign-pdf".as_ref(),
            pem.as_os_str(),
            "--tsa".as_ref(),
            dead.as_ref(),
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("未给出时间戳") && err.contains(&dead), "{err}");
    assert!(
        !tmp.path()
            .join("out-dead/cases/CD-2024-001/report.pdf")
            .exists()
    );
    let o = build(
        &tmp.path().join("out-https"),
        &[
            "--sign-pdf".as_ref(),
            pem.as_os_str(),
            "--tsa".as_ref(),
            "https://tsa.example".as_ref(),
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("须以 http:// 开头"));
}

//! What an archivist receives: a built archive of each sample, read as they would read it. Every
//! PDF's PDF/A identification and what PDF/A requires of it; each PDF's own date, author and
//! subject; the archive date in bag-info.txt, the zip and the signature; the records office's
//! metadata; the 归档文件目录; the README (说明.txt) that says what is signed and how to check it
//! without spotcheck; and verify's report of which PDFs declare PDF/A.

use crate::common::Zh;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use lopdf::{Dictionary, Document, Object};
use spotcheck::app::build::{BuildOptions, build};
use spotcheck::archive::sign;
use spotcheck::archive::verify::{VerifyOptions, verify};

use crate::common::{engine, samples};

/// The entries of a zip, by name relative to the bag folder.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut content = Vec::new();
            f.read_to_end(&mut content).unwrap();
            let name = f.name().unwrap().split_once('/').unwrap().1.to_string();
            (name, content)
        })
        .collect()
}

fn text(entries: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(entries[name].clone()).unwrap_or_else(|_| panic!("{name}"))
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        o => o,
    }
}

fn dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, o) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

fn name_of<'a>(d: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    d.get(key).ok().and_then(|o| o.as_name().ok())
}

/// The PDF/A part and conformance the XMP metadata declares, after checking what PDF/A
/// requires of the file: an output intent, no encryption, no JavaScript, no launch or remote
/// actions or external streams, every font embedded.
fn pdfa_of(name: &str, bytes: &[u8]) -> String {
    let doc = Document::load_mem(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(doc.trailer.get(b"Encrypt").is_err(), "{name}: encrypted");
    let catalog = doc.catalog().unwrap();

    // XMP with pdfaid.
    let meta = catalog
        .get(b"Metadata")
        .unwrap_or_else(|_| panic!("{name}: no XMP"));
    let Object::Stream(xmp) = deref(&doc, meta) else {
        panic!("{name}: metadata is not a stream")
    };
    let xmp = String::from_utf8_lossy(&xmp.content).into_owned();
    let field = |key: &str| -> String {
        let at = xmp
            .find(key)
            .unwrap_or_else(|| panic!("{name}: no {key} in the XMP"));
        xmp[at + key.len()..]
            .trim_start_matches(['=', '"', '>', ' '])
            .chars()
            .take(1)
            .collect()
    };
    let pdfa = format!("{}{}", field("pdfaid:part"), field("pdfaid:conformance")).to_lowercase();

    // An output intent for PDF/A.
    let intents = catalog
        .get(b"OutputIntents")
        .map(|o| deref(&doc, o))
        .unwrap_or_else(|_| panic!("{name}: no output intent"));
    let intents = intents.as_array().unwrap();
    assert_eq!(intents.len(), 1, "{name}: one output intent");
    assert!(
        intents
            .iter()
            .filter_map(|i| dict(&doc, i))
            .any(|d| name_of(d, b"S") == Some(b"GTS_PDFA1") && d.get(b"DestOutputProfile").is_ok()),
        "{name}: no GTS_PDFA1 output intent with a profile"
    );

    // Nothing that runs or reaches outside the file; every font embedded.
    if let Ok(names) = catalog.get(b"Names").map(|o| deref(&doc, o))
        && let Some(names) = dict(&doc, names)
    {
        assert!(names.get(b"JavaScript").is_err(), "{name}: JavaScript");
        assert!(
            names.get(b"EmbeddedFiles").is_err(),
            "{name}: embedded files"
        );
    }
    for (id, object) in &doc.objects {
        let Some(d) = dict(&doc, object) else {
            continue;
        };
        if let Some(s) = name_of(d, b"S") {
            for bad in [
                &b"JavaScript"[..],
                b"Launch",
                b"GoToR",
                b"ImportData",
                b"SubmitForm",
            ] {
                assert_ne!(
                    s,
                    bad,
                    "{name}: {} action in {id:?}",
                    String::from_utf8_lossy(bad)
                );
            }
        }
        assert!(d.get(b"JS").is_err(), "{name}: JavaScript in {id:?}");
        assert!(
            d.get(b"AA").is_err(),
            "{name}: additional actions in {id:?}"
        );
        if matches!(object, Object::Stream(_)) {
            assert!(d.get(b"F").is_err(), "{name}: an external stream {id:?}");
        }
        assert!(d.get(b"Ref").is_err(), "{name}: a reference XObject {id:?}");
        if name_of(d, b"Type") == Some(b"FontDescriptor") {
            assert!(
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| d.get(k).is_ok()),
                "{name}: font not embedded {id:?}"
            );
        }
        if name_of(d, b"Type") == Some(b"Font") {
            let sub = name_of(d, b"Subtype").unwrap_or_default();
            assert!(
                matches!(sub, b"Type0" | b"Type3") || d.get(b"FontDescriptor").is_ok(),
                "{name}: a font without descriptor (not embedded) {id:?}"
            );
        }
    }
    pdfa
}

/// `qpdf --check` on a PDF, when qpdf is installed: no syntax or stream errors, no warnings.
fn qpdf_check(name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("check.pdf");
    std::fs::write(&file, bytes).unwrap();
    let Ok(out) = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&file)
        .output()
    else {
        eprintln!("qpdf not installed: {name} not checked by it");
        return;
    };
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("No syntax or stream encoding errors"),
        "{name}: qpdf --check\n{said}"
    );
}

fn info_of(bytes: &[u8]) -> BTreeMap<String, String> {
    let doc = Document::load_mem(bytes).unwrap();
    let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary(id)
        .unwrap()
        .iter()
        .map(|(k, v)| {
            let v = lopdf::decode_text_string(v)
                .or_else(|_| v.as_str().map(|s| String::from_utf8_lossy(s).into_owned()))
                .unwrap_or_default();
            (String::from_utf8_lossy(k).into_owned(), v)
        })
        .collect()
}

#[test]
fn every_pdf_of_the_archive_is_pdfa_dated_and_catalogued() {
    for sample in samples() {
        let lb = spotcheck::input::load::load(&sample).unwrap();
        let out = tempfile::tempdir().unwrap();
        let keys = tempfile::tempdir().unwrap();
        let owner = "某某产品质量检验所";
        let files = sign::keygen_for(keys.path(), Some(owner)).unwrap();
        let public = std::fs::read_to_string(&files.public).unwrap();
        assert!(public.lines().next().unwrap().contains(owner), "{public}");
        let report = build(
            &lb,
            &engine(),
            &BuildOptions {
                out: out.path().to_path_buf(),
                sign: vec![files.secret.clone()],
                sign_pdf: None,
                passphrase: None,
                templates: None,
                ofd: false,
                final_archive: false,
                reuse: false,
            },
        )
        .unwrap();
        let zip = &report.archive.path;
        let entries = unzip(zip);
        let archived = spotcheck::input::load::archive_date(&lb);
        let day = archived.format("%Y-%m-%d").to_string();

        // Every PDF spotcheck makes declares PDF/A-2u and has what PDF/A requires, the bound
        // volume too; the batch's own files (an attached annex under data/source/) are as
        // given. qpdf, where installed, finds nothing wrong in any of them.
        let ours = |n: &str| {
            ["data/documents/", "data/catalogue/", "data/volume/"]
                .iter()
                .any(|p| n.starts_with(p))
        };
        let pdfs: Vec<&String> = entries.keys().filter(|n| n.ends_with(".pdf")).collect();
        assert!(pdfs.len() > 20);
        assert!(pdfs.iter().any(|n| n.starts_with("data/volume/")));
        for name in &pdfs {
            if !ours(name) {
                continue;
            }
            assert_eq!(pdfa_of(name, &entries[*name]), "2u", "{name}");
            qpdf_check(name, &entries[*name]);
        }

        // Each PDF its own date, author and subject.
        let case = lb
            .cases
            .iter()
            .map(|lc| &lc.case)
            .find(|c| c.inspection.as_ref().and_then(|i| i.issued_on).is_some())
            .unwrap();
        let issued = case.inspection.as_ref().unwrap().issued_on.unwrap();
        let lab = lb.batch.lab(&case.lab).unwrap().name.clone();
        let info = info_of(&entries[&format!("data/documents/cases/{}/report.pdf", case.id)]);
        assert!(
            info["CreationDate"].starts_with(&issued.format("D:%Y%m%d").to_string()),
            "{info:?}"
        );
        assert_eq!(info["Author"], lab);
        assert!(info["Subject"].contains(&case.id), "{info:?}");
        let info =
            info_of(&entries[&format!("data/documents/cases/{}/sampling-sheet.pdf", case.id)]);
        assert!(
            info["CreationDate"].starts_with(&case.visit.date.format("D:%Y%m%d").to_string()),
            "{info:?}"
        );
        // The form names what the evidence is: photos only here, so no videos.
        let sheet = crate::common::pdf_text(
            &out.path()
                .join(format!("cases/{}/sampling-sheet.pdf", case.id)),
        );
        assert!(
            sheet.contains(&format!("照片{}份", case.evidence.len())) && !sheet.contains("视频"),
            "{sheet}"
        );
        let volume = pdfs.iter().find(|n| n.starts_with("data/volume/")).unwrap();
        let info = info_of(&entries[*volume]);
        assert!(
            info["CreationDate"].starts_with(&archived.format("D:%Y%m%d").to_string()),
            "{info:?}"
        );
        assert_eq!(info["Author"], lb.batch.authority.name);

        // The archive date in bag-info.txt, the zip and the signature.
        let bag_info = text(&entries, "bag-info.txt");
        assert!(
            bag_info.contains(&format!("Bagging-Date: {day}\n")),
            "{bag_info}"
        );
        assert!(
            bag_info.contains(&format!("归档日期: {day}\n")),
            "{bag_info}"
        );
        assert!(bag_info.contains("密级: 公开\n"), "{bag_info}");
        let sig = text(&entries, "tagmanifest-sha256.txt.minisig");
        assert!(sig.contains(&format!("date:{day}")), "{sig}");
        assert!(sig.contains(&format!("signer:{owner}")), "{sig}");
        assert!(sig.contains(&files.key_id), "{sig}");
        // The description names only what is there: the samples have photos, no videos.
        let description = bag_info
            .lines()
            .find(|l| l.starts_with("External-Description:"))
            .unwrap();
        assert!(description.contains("现场照片"), "{description}");
        assert!(!description.contains("视频"), "{description}");

        // The README says what is signed, by which key, and how to check without spotcheck.
        let readme = text(&entries, "说明.txt");
        for needed in [
            files.key_id.as_str(),
            owner,
            "minisign -Vm",
            "python3 -m bagit --validate",
            "sha256sum -c tagmanifest-sha256.txt",
            "sha256sum -c manifest-sha256.txt",
            &day,
        ] {
            assert!(
                readme.contains(needed),
                "说明.txt lacks {needed}:\n{readme}"
            );
        }
        assert!(text(&entries, "tagmanifest-sha256.txt").contains("  说明.txt\n"));

        // The 归档文件目录: one row per PDF but itself, as PDF and spreadsheet, in the manifest.
        let manifest = text(&entries, "manifest-sha256.txt");
        for f in [
            "data/catalogue/归档文件目录.pdf",
            "data/catalogue/归档文件目录.xlsx",
        ] {
            assert!(manifest.contains(&format!("  {f}\n")), "{f}");
        }
        let xlsx = out.path().join("catalogue/归档文件目录.xlsx");
        let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
        use calamine::Reader;
        let sheet = wb.worksheet_range("归档文件目录").unwrap();
        let files_listed: Vec<String> = sheet
            .rows()
            .filter_map(|r| r.get(9).map(|c| c.to_string()))
            .filter(|f| f.starts_with("data/"))
            .collect();
        let expected: Vec<&String> = pdfs
            .iter()
            .copied()
            .filter(|n| n.starts_with("data/documents/") || n.starts_with("data/volume/"))
            .collect();
        assert_eq!(files_listed.len(), expected.len());
        for f in &files_listed {
            assert!(entries.contains_key(f), "{f} listed, not in the archive");
        }
        let catalogue = crate::common::pdf_text(&out.path().join("catalogue/归档文件目录.pdf"));
        assert!(catalogue.contains("归档文件目录"));
        assert!(catalogue.contains(&crate::common::squash(&lb.batch.document_no)));

        // verify: intact; the key shown but not checked without --pubkey (exit 3); valid with
        // it; every PDF reported with the PDF/A it declares.
        let r = verify(zip, &VerifyOptions::default());
        assert_eq!(
            r.verdict,
            spotcheck::archive::verify::Verdict::SignatureUnchecked,
            "{}",
            r.zh()
        );
        let r = verify(
            zip,
            &VerifyOptions {
                public_key: Some(public.clone()),
                ..VerifyOptions::default()
            },
        );
        assert_eq!(
            r.verdict,
            spotcheck::archive::verify::Verdict::Intact,
            "{}",
            r.zh()
        );
        assert_eq!(r.pdfs.len(), pdfs.len());
        let mut declared = 0;
        for p in &r.pdfs {
            if ours(&p.path) {
                assert_eq!(p.pdfa.as_deref(), Some("2u"), "{}", p.path);
            }
            declared += usize::from(p.pdfa.is_some());
        }
        assert!(declared >= pdfs.iter().filter(|n| ours(n)).count());
        let human = r.zh();
        assert!(
            human.contains(&format!(
                "PDF 文件 {} 份，其中 {declared} 份声明为 PDF/A",
                pdfs.len()
            )),
            "{human}"
        );
    }
}

/// `archived_on` and the records office's metadata in batch.yaml: the archive takes that date
/// and derives the 档号.
#[test]
fn archived_on_and_the_records_metadata_come_from_batch_yaml() {
    let batch = crate::common::copy_sample();
    let yaml = batch.path().join("batch.yaml");
    let mut batch_yaml = std::fs::read_to_string(&yaml).unwrap();
    // The sample's own records metadata replaced.
    batch_yaml.truncate(batch_yaml.find("\narchive:\n").unwrap());
    batch_yaml.push_str(
        "\narchived_on: 2023-12-20\narchive:\n  fonds_no: J012\n  retention: 永久\n  archivist: 王某\n  volume_includes_unsampled: false\n",
    );
    std::fs::write(&yaml, batch_yaml).unwrap();
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    assert_eq!(
        spotcheck::archive::records::document_number(&lb, 7).as_deref(),
        Some("J012-WS·2023-Y-0007")
    );
    assert_eq!(spotcheck::documents::volume::contents(&lb).len(), 3);
    let out = tempfile::tempdir().unwrap();
    let report = build(
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
    .unwrap();
    let entries = unzip(&report.archive.path);
    let info = text(&entries, "bag-info.txt");
    for line in [
        "归档日期: 2023-12-20",
        "全宗号: J012",
        "年度: 2023",
        "保管期限: 永久",
        "归档人: 王某",
    ] {
        assert!(info.lines().any(|l| l == line), "{line}:\n{info}");
    }
    // The 档号 of the first and the last document, without a 机构（问题） part.
    assert!(
        info.contains("档号: J012-WS·2023-Y-0001 至 J012-WS·2023-Y-0"),
        "{info}"
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&report.archive.path).unwrap()).unwrap();
    // The bag itself is dated the day it is made, whatever the records office's date.
    assert!(info.contains(&format!(
        "Bagging-Date: {}\n",
        spotcheck::clock::bagging_date()
    )));
    let t = spotcheck::clock::bagging_date();
    use chrono::Datelike;
    let when =
        zip::DateTime::from_date_and_time(t.year() as u16, t.month() as u8, t.day() as u8, 0, 0, 0)
            .unwrap();
    assert_eq!(zip.by_index(0).unwrap().last_modified(), Some(when));
    assert!(text(&entries, "说明.txt").contains("本归档包未签名"));
}

//! PDF signatures of the documents a lab issues electronically (the inspection report and the
//! result notice): a PAdES baseline B-B signature (ETSI.CAdES.detached, a CMS SignedData over
//! the file's byte ranges, with the signer's certificate and the ESS signing-certificate-v2
//! attribute), ECDSA P-256 with SHA-256, written as an incremental update so that the signed
//! bytes, and the PDF/A they declare, stay as Typst wrote them. An enterprise that receives one
//! checks it in any PDF reader, without the archive.
//!
//! The CMS comes from the `cms` builder, the certificate from `x509-cert`'s, the signature from
//! `p256`; the PDF objects from `lopdf`'s incremental writer. [`check`] reads a signed PDF back:
//! whether the bytes are those signed, whether anything was added after, who signed and when.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDateTime;
use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{EncapsulatedContentInfo, SignedData, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::{Decode, DecodePem, Encode, EncodePem, Sequence};
use lopdf::{Dictionary, Object, StringFormat};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::{Time, Validity};

use spotcheck_core::messages::Message;
use spotcheck_core::msg;

/// The certificate and the key `keygen --x509` writes, and `--sign-pdf DIR` reads.
pub(crate) const CERT_FILE: &str = "signing-cert.pem";
pub(crate) const KEY_FILE: &str = "signing-key.pem";

/// The kinds signed: what the lab issues to the enterprise.
pub(crate) const SIGNED_KINDS: &[&str] = &["report", "result-notice"];

/// Bytes reserved for the CMS in /Contents (hex-encoded twice as many): the certificate and a
/// signature take under 2 KB; room for a CA's chain.
const CONTENTS_BYTES: usize = 16 * 1024;
/// The /ByteRange written first, its numbers replaced by the real ones of the same width.
const RANGE_PLACEHOLDER: i64 = 9_999_999_999;

/// id-aa-signingCertificateV2 (RFC 5035).
const SIGNING_CERTIFICATE_V2: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
/// id-messageDigest (RFC 5652).
const MESSAGE_DIGEST: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
/// id-sha256.
const SHA256: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-data.
const DATA: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
/// commonName.
const COMMON_NAME: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.4.3");

/// ESSCertIDv2 with its default hash algorithm (SHA-256).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

/// SigningCertificateV2 without policies.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// Why a PDF could not be signed, or a signing certificate made or read.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.in_lang(spotcheck_core::messages::Lang::Zh))]
pub struct PdfSignError(pub Message);

fn failed(e: impl std::fmt::Display) -> PdfSignError {
    PdfSignError(msg!(PdfSignFailed, reason = e.to_string()))
}

/// A lab's signing certificate and key.
pub struct PdfSigner {
    key: SigningKey,
    cert: Certificate,
    name: String,
}

/// The common name of a certificate's subject, or its whole subject.
fn common_name(name: &Name) -> String {
    for rdn in name.0.iter() {
        for atv in rdn.0.iter() {
            if atv.oid == COMMON_NAME {
                if let Ok(s) = der::asn1::Utf8StringRef::try_from(&atv.value) {
                    return s.as_str().to_string();
                }
                if let Ok(s) = der::asn1::PrintableStringRef::try_from(&atv.value) {
                    return s.as_str().to_string();
                }
            }
        }
    }
    name.to_string()
}

/// Makes a self-issued signing certificate (for trials: no CA vouches for it) for `owner`,
/// valid ten years from `today`, and its P-256 key, in `dir`; refuses to replace either.
pub fn make_self_issued(
    dir: &Path,
    owner: &str,
    today: chrono::NaiveDate,
) -> Result<(PathBuf, PathBuf), PdfSignError> {
    let cert_path = dir.join(CERT_FILE);
    let key_path = dir.join(KEY_FILE);
    for p in [&cert_path, &key_path] {
        if p.exists() {
            return Err(PdfSignError(msg!(PdfSignExists, path = p)));
        }
    }
    let owner: String = owner
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let owner = owner.trim();
    let key = loop {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(failed)?;
        if let Ok(k) = SigningKey::from_slice(&bytes) {
            break k;
        }
    };
    // RFC 4514: the characters that must be escaped in a value.
    let escaped: String = owner
        .chars()
        .flat_map(|c| {
            if ",+\"\\<>;=#".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect();
    let subject = Name::from_str(&format!("CN={escaped}")).map_err(failed)?;
    let start = today.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let end = start + chrono::Duration::days(3652);
    let time = |t: chrono::DateTime<chrono::Utc>| -> Result<Time, PdfSignError> {
        let d = std::time::Duration::from_secs(u64::try_from(t.timestamp()).map_err(failed)?);
        Ok(Time::UtcTime(
            der::asn1::UtcTime::from_unix_duration(d).map_err(failed)?,
        ))
    };
    let validity = Validity {
        not_before: time(start)?,
        not_after: time(end)?,
    };
    let mut serial = [0u8; 16];
    getrandom::fill(&mut serial).map_err(failed)?;
    serial[0] &= 0x7f;
    let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(failed)?;
    let builder = CertificateBuilder::new(
        Profile::Leaf {
            issuer: subject.clone(),
            enable_key_agreement: false,
            enable_key_encipherment: false,
        },
        SerialNumber::new(&serial).map_err(failed)?,
        validity,
        subject,
        spki,
        &key,
    )
    .map_err(failed)?;
    let cert = builder.build::<DerSignature>().map_err(failed)?;
    let cert_pem = cert.to_pem(LineEnding::LF).map_err(failed)?;
    let key_pem = key.to_pkcs8_pem(LineEnding::LF).map_err(failed)?;
    std::fs::create_dir_all(dir).map_err(|e| failed(format!("{}: {e}", dir.display())))?;
    spotcheck_core::output::write_atomic(&cert_path, cert_pem.as_bytes())
        .map_err(|e| failed(format!("{}: {e}", cert_path.display())))?;
    spotcheck_core::output::write_atomic(&key_path, key_pem.as_bytes())
        .map_err(|e| failed(format!("{}: {e}", key_path.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&key_path, std::fs::Permissions::from_mode(0o600));
    }
    Ok((cert_path, key_path))
}

impl std::fmt::Debug for PdfSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PdfSigner")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl PdfSigner {
    /// Reads `DIR/signing-cert.pem` and `DIR/signing-key.pem` (PKCS#8, P-256), and checks that
    /// they belong together.
    pub fn from_dir(dir: &Path) -> Result<Self, PdfSignError> {
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read_to_string(&p)
                .map_err(|e| PdfSignError(msg!(PdfSignRead, path = &p, reason = e.to_string())))
        };
        let (cert_text, key_text) = (read(CERT_FILE)?, read(KEY_FILE)?);
        let bad = |name: &str, e: &dyn std::fmt::Display| {
            let path = dir.join(name);
            PdfSignError(msg!(PdfSignRead, path = &path, reason = e.to_string()))
        };
        let cert = Certificate::from_pem(cert_text.as_bytes()).map_err(|e| bad(CERT_FILE, &e))?;
        let key = SigningKey::from_pkcs8_pem(&key_text).map_err(|e| bad(KEY_FILE, &e))?;
        let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(failed)?;
        if spki != cert.tbs_certificate.subject_public_key_info {
            return Err(PdfSignError(msg!(PdfSignMismatch, dir = dir)));
        }
        let name = common_name(&cert.tbs_certificate.subject);
        Ok(PdfSigner { key, cert, name })
    }

    /// The signer's name, as the certificate gives it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `pdf` signed at `when` (UTC): the same bytes, then an incremental update with the
    /// signature field, its widget, the signature dictionary and the CMS.
    pub fn sign(&self, pdf: &[u8], when: NaiveDateTime) -> Result<Vec<u8>, PdfSignError> {
        let unsigned = self.prepare(pdf, when)?;
        let (start, end) = placeholder(&unsigned).ok_or_else(|| failed("/Contents"))?;
        let mut out = unsigned;
        let ranges = [0, start, end, out.len() - end];
        let text = format!("[0 {} {} {}]", ranges[1], ranges[2], ranges[3]);
        // The update's own /ByteRange: the last, as the update stands at the end (a file
        // signed before holds others).
        let at = rfind(&out, b"/ByteRange").ok_or_else(|| failed("/ByteRange"))? + 10;
        let open = at
            + out[at..]
                .iter()
                .position(|&b| b == b'[')
                .ok_or_else(|| failed("["))?;
        let close = open
            + out[open..]
                .iter()
                .position(|&b| b == b']')
                .ok_or_else(|| failed("]"))?;
        let width = close + 1 - open;
        if text.len() > width {
            return Err(failed("/ByteRange"));
        }
        let padded = format!("{text:<width$}");
        out[open..=close].copy_from_slice(padded.as_bytes());
        let mut hasher = Sha256::new();
        hasher.update(&out[..start]);
        hasher.update(&out[end..]);
        let digest = hasher.finalize();
        let cms = self.cms(&digest)?;
        let hex = spotcheck_core::text::hex(&cms);
        if hex.len() + 2 > end - start {
            return Err(failed("CMS"));
        }
        out[start + 1..start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
        Ok(out)
    }

    /// The CMS SignedData over `digest`: detached, the certificate within, signed attributes
    /// content-type, message-digest and signing-certificate-v2.
    fn cms(&self, digest: &[u8]) -> Result<Vec<u8>, PdfSignError> {
        let eci = EncapsulatedContentInfo {
            econtent_type: DATA,
            econtent: None,
        };
        let sid = SignerIdentifier::IssuerAndSerialNumber(cms::cert::IssuerAndSerialNumber {
            issuer: self.cert.tbs_certificate.issuer.clone(),
            serial_number: self.cert.tbs_certificate.serial_number.clone(),
        });
        let sha256 = AlgorithmIdentifierOwned {
            oid: SHA256,
            parameters: None,
        };
        let cert_der = self.cert.to_der().map_err(failed)?;
        let ess = SigningCertificateV2 {
            certs: vec![EssCertIdV2 {
                cert_hash: OctetString::new(Sha256::digest(&cert_der).to_vec()).map_err(failed)?,
            }],
        };
        let mut values = SetOfVec::new();
        values
            .insert(der::Any::encode_from(&ess).map_err(failed)?)
            .map_err(failed)?;
        let mut sib = cms::builder::SignerInfoBuilder::new(
            &self.key,
            sid,
            sha256.clone(),
            &eci,
            Some(digest),
        )
        .map_err(failed)?;
        sib.add_signed_attribute(Attribute {
            oid: SIGNING_CERTIFICATE_V2,
            values,
        })
        .map_err(failed)?;
        let content = cms::builder::SignedDataBuilder::new(&eci)
            .add_digest_algorithm(sha256)
            .map_err(failed)?
            .add_certificate(CertificateChoices::Certificate(self.cert.clone()))
            .map_err(failed)?
            .add_signer_info::<SigningKey, DerSignature>(sib)
            .map_err(failed)?
            .build()
            .map_err(failed)?;
        content.to_der().map_err(failed)
    }

    /// The incremental update with the placeholders: a signature dictionary, an invisible
    /// signature field on the first page (the printed signature line is the document's own),
    /// the page's annotations and the catalogue's AcroForm.
    fn prepare(&self, pdf: &[u8], when: NaiveDateTime) -> Result<Vec<u8>, PdfSignError> {
        let doc = lopdf::Document::load_mem(pdf).map_err(failed)?;
        let version = doc.version.clone();
        let page = *doc.get_pages().get(&1).ok_or_else(|| failed("page 1"))?;
        let root = doc
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(failed)?;
        let mut inc = lopdf::IncrementalDocument::create_from(pdf.to_vec(), doc);
        inc.new_document.version = version;
        inc.opt_clone_object_to_new_document(page).map_err(failed)?;
        inc.opt_clone_object_to_new_document(root).map_err(failed)?;
        let prev_annots = inc
            .get_prev_documents()
            .get_object(page)
            .and_then(Object::as_dict)
            .ok()
            .and_then(|d| d.get(b"Annots").ok().cloned());
        let new = &mut inc.new_document;
        let mut sig = Dictionary::new();
        sig.set("Type", Object::Name(b"Sig".to_vec()));
        sig.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
        sig.set("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec()));
        sig.set(
            "ByteRange",
            Object::Array(vec![
                Object::Integer(0),
                Object::Integer(RANGE_PLACEHOLDER),
                Object::Integer(RANGE_PLACEHOLDER),
                Object::Integer(RANGE_PLACEHOLDER),
            ]),
        );
        sig.set(
            "Contents",
            Object::String(vec![0u8; CONTENTS_BYTES], StringFormat::Hexadecimal),
        );
        sig.set(
            "M",
            Object::String(
                when.format("D:%Y%m%d%H%M%SZ").to_string().into_bytes(),
                StringFormat::Literal,
            ),
        );
        sig.set("Name", text_string(&self.name));
        let sig_id = new.add_object(sig);
        let mut ap = lopdf::Stream::new(Dictionary::new(), Vec::new());
        ap.dict.set("Type", Object::Name(b"XObject".to_vec()));
        ap.dict.set("Subtype", Object::Name(b"Form".to_vec()));
        ap.dict.set(
            "BBox",
            Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
        );
        let ap_id = new.add_object(ap);
        let mut widget = Dictionary::new();
        widget.set("Type", Object::Name(b"Annot".to_vec()));
        widget.set("Subtype", Object::Name(b"Widget".to_vec()));
        widget.set("FT", Object::Name(b"Sig".to_vec()));
        widget.set("T", text_string("电子签名"));
        widget.set("V", Object::Reference(sig_id));
        widget.set(
            "Rect",
            Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
        );
        widget.set("P", Object::Reference(page));
        // Print and Locked.
        widget.set("F", Object::Integer(132));
        let mut apd = Dictionary::new();
        apd.set("N", Object::Reference(ap_id));
        widget.set("AP", Object::Dictionary(apd));
        let widget_id = new.add_object(widget);
        let mut annots = match prev_annots {
            Some(Object::Array(a)) => a,
            Some(Object::Reference(id)) => inc
                .get_prev_documents()
                .get_object(id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        annots.push(Object::Reference(widget_id));
        let new = &mut inc.new_document;
        new.get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .map_err(failed)?
            .set("Annots", Object::Array(annots));
        let mut form = Dictionary::new();
        form.set("Fields", Object::Array(vec![Object::Reference(widget_id)]));
        form.set("SigFlags", Object::Integer(3));
        new.get_object_mut(root)
            .and_then(Object::as_dict_mut)
            .map_err(failed)?
            .set("AcroForm", Object::Dictionary(form));
        let mut out = Vec::with_capacity(pdf.len() + 4 * CONTENTS_BYTES);
        inc.save_to(&mut out).map_err(failed)?;
        Ok(out)
    }
}

/// A PDF text string: ASCII as it is, anything else UTF-16BE with its byte order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut b = vec![0xfe, 0xff];
    for u in s.encode_utf16() {
        b.extend(u.to_be_bytes());
    }
    Object::String(b, StringFormat::Hexadecimal)
}

/// The offset of the last `needle` in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The `<…>` of the zeroed /Contents: the offsets of `<` and just after `>`.
fn placeholder(pdf: &[u8]) -> Option<(usize, usize)> {
    let zeros = vec![b'0'; 2 * CONTENTS_BYTES];
    let mut needle = vec![b'<'];
    needle.extend(&zeros);
    needle.push(b'>');
    let start = rfind(pdf, &needle)?;
    Some((start, start + needle.len()))
}

/// What a PDF signature of a file says when checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PdfSignature {
    /// The signed bytes are as signed and the signature holds for the certificate within.
    pub intact: bool,
    /// Nothing follows the signed bytes (no update after signing).
    pub covers_whole_file: bool,
    /// The certificate's subject (its common name).
    pub signer: String,
    /// The signing time the signature dictionary records (/M).
    pub time: String,
    /// Why it does not hold, when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The signer's certificate (DER), to check against a trusted one.
    #[serde(skip)]
    pub certificate: Vec<u8>,
}

/// Every PDF signature of `pdf`, checked. A PDF without any gives none.
pub fn check(pdf: &[u8]) -> Vec<PdfSignature> {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        let is_sig = d
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Sig");
        if !is_sig {
            continue;
        }
        out.push(check_one(pdf, d));
    }
    out
}

fn check_one(pdf: &[u8], d: &Dictionary) -> PdfSignature {
    let time = d
        .get(b"M")
        .and_then(Object::as_str)
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    let mut sig = PdfSignature {
        intact: false,
        covers_whole_file: false,
        signer: String::new(),
        time,
        problem: None,
        certificate: Vec::new(),
    };
    let ranges: Vec<usize> = d
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|o| o.as_i64().ok())
                .filter_map(|n| usize::try_from(n).ok())
                .collect()
        })
        .unwrap_or_default();
    let contents = d
        .get(b"Contents")
        .and_then(Object::as_str)
        .unwrap_or_default();
    let problem = |s: &mut PdfSignature, m: Message| {
        s.problem = Some(m.in_lang(spotcheck_core::messages::Lang::Zh));
    };
    let [a0, a1, b0, b1] = ranges[..] else {
        problem(&mut sig, msg!(PdfSigRanges));
        return sig;
    };
    let (Some(end_a), Some(end_b)) = (a0.checked_add(a1), b0.checked_add(b1)) else {
        problem(&mut sig, msg!(PdfSigRanges));
        return sig;
    };
    if a0 != 0 || end_a > b0 || end_b > pdf.len() {
        problem(&mut sig, msg!(PdfSigRanges));
        return sig;
    }
    sig.covers_whole_file = end_b == pdf.len();
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..end_a]);
    hasher.update(&pdf[b0..end_b]);
    let digest = hasher.finalize();
    let mut reader = match der::SliceReader::new(contents) {
        Ok(r) => r,
        Err(e) => {
            problem(&mut sig, msg!(PdfSigCms, reason = e.to_string()));
            return sig;
        }
    };
    let parsed =
        ContentInfo::decode(&mut reader).and_then(|ci| ci.content.decode_as::<SignedData>());
    let sd = match parsed {
        Ok(sd) => sd,
        Err(e) => {
            problem(&mut sig, msg!(PdfSigCms, reason = e.to_string()));
            return sig;
        }
    };
    match verify_signed_data(&sd, &digest) {
        Ok((signer, cert)) => {
            sig.signer = signer;
            sig.certificate = cert;
            sig.intact = true;
        }
        Err((signer, m)) => {
            sig.signer = signer;
            problem(&mut sig, m);
        }
    }
    sig
}

/// The first signer of `sd`: its certificate's name and DER when its message digest is
/// `digest` and its signature over the signed attributes holds.
fn verify_signed_data(
    sd: &SignedData,
    digest: &[u8],
) -> Result<(String, Vec<u8>), (String, Message)> {
    let Some(si) = sd.signer_infos.0.iter().next() else {
        return Err((String::new(), msg!(PdfSigCms, reason = "no signer")));
    };
    let cert = sd.certificates.as_ref().and_then(|cs| {
        cs.0.iter().find_map(|c| match c {
            CertificateChoices::Certificate(c) => match &si.sid {
                SignerIdentifier::IssuerAndSerialNumber(i)
                    if i.serial_number == c.tbs_certificate.serial_number =>
                {
                    Some(c.clone())
                }
                _ => None,
            },
            _ => None,
        })
    });
    let Some(cert) = cert else {
        return Err((String::new(), msg!(PdfSigCms, reason = "no certificate")));
    };
    let name = common_name(&cert.tbs_certificate.subject);
    let Some(attrs) = &si.signed_attrs else {
        return Err((name, msg!(PdfSigCms, reason = "no signed attributes")));
    };
    let md = attrs
        .iter()
        .find(|a| a.oid == MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok());
    if md.as_ref().map(OctetString::as_bytes) != Some(digest) {
        return Err((name, msg!(PdfSigAltered)));
    }
    let key = VerifyingKey::from_sec1_bytes(
        cert.tbs_certificate
            .subject_public_key_info
            .subject_public_key
            .raw_bytes(),
    );
    let signature = DerSignature::try_from(si.signature.as_bytes());
    let signed = attrs.to_der();
    match (key, signature, signed) {
        (Ok(key), Ok(s), Ok(signed)) => {
            use p256::ecdsa::signature::Verifier;
            if key.verify(&signed, &s).is_ok() {
                Ok((name, cert.to_der().unwrap_or_default()))
            } else {
                Err((name, msg!(PdfSigAltered)))
            }
        }
        _ => Err((name, msg!(PdfSigCms, reason = "not ECDSA P-256"))),
    }
}

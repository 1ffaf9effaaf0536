//! PDF signatures of the documents a lab issues electronically (the inspection report and the
//! result notice): a PAdES baseline B-B signature (ETSI.CAdES.detached, a CMS SignedData over
//! the file's byte ranges, with the signer's certificate, any CA certificates above it and the
//! ESS signing-certificate-v2 attribute), made B-T by an RFC 3161 time-stamp when a time-stamp
//! service is given ([`tsa`]); ECDSA P-256 or RSA with SHA-256 ([`keys`]); written as an
//! incremental update so that the signed bytes, and the PDF/A they declare, stay as Typst
//! wrote them. The signature's widget covers the signature line Typst laid out where the seal
//! goes ([`SignaturePlace`]). An enterprise that receives one checks it in any PDF reader,
//! without the archive.
//!
//! The CMS comes from the `cms` builder, the certificate from `x509-cert`'s, the signature from
//! `p256` or `rsa`; the PDF objects from `lopdf`'s incremental writer. [`check`] reads a
//! signed PDF back.

mod check;
mod keys;
mod tsa;

use std::path::Path;

use chrono::NaiveDateTime;
use cms::cert::CertificateChoices;
use cms::signed_data::{EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo};
use der::asn1::{OctetString, SetOfVec};
use der::{Encode, Sequence};
use lopdf::{Dictionary, Object, StringFormat};
use sha2::{Digest, Sha256};
use x509_cert::attr::Attribute;
use x509_cert::spki::AlgorithmIdentifierOwned;

use spotcheck_core::messages::Message;
use spotcheck_core::msg;

pub use check::{PdfSignature, Timestamp, check};
pub use keys::make_self_issued;

/// The certificate and the key `keygen --x509` writes, and `--sign-pdf DIR` reads.
pub(crate) const CERT_FILE: &str = "signing-cert.pem";
pub(crate) const KEY_FILE: &str = "signing-key.pem";

/// The kinds signed: what the lab issues to the enterprise.
pub(crate) const SIGNED_KINDS: &[&str] = &["report", "result-notice"];

/// The label of the signature line in a laid-out document: a `metadata` with its page and box
/// (`esign-line` in the Typst library).
pub(crate) const PLACE_LABEL: &str = "spotcheck-esign";

/// Bytes reserved for the CMS in /Contents (hex-encoded twice as many): the certificate and a
/// signature take under 2 KB; room for a CA's chain. A time-stamp token, with the service's
/// own chain, gets as much again and more.
const CONTENTS_BYTES: usize = 16 * 1024;
const TOKEN_BYTES: usize = 24 * 1024;
/// The /ByteRange written first, its numbers replaced by the real ones of the same width.
const RANGE_PLACEHOLDER: i64 = 9_999_999_999;

/// id-aa-signingCertificateV2 (RFC 5035).
const SIGNING_CERTIFICATE_V2: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
/// id-sha256.
pub(crate) const SHA256: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-data.
const DATA: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");

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

/// Where the signature line stands: its page (from 1) and its box in points from the page's
/// top left, as Typst laid it out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignaturePlace {
    pub page: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A lab's signing certificate and key, and the time-stamp service it asks, if any.
pub struct PdfSigner {
    creds: keys::Credentials,
    name: String,
    tsa: Option<tsa::Tsa>,
}

impl std::fmt::Debug for PdfSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PdfSigner")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl PdfSigner {
    /// Reads `DIR/signing-cert.pem` and `DIR/signing-key.pem` (P-256 or RSA; PKCS#8, SEC1 or
    /// PKCS#1), and checks that they belong together.
    pub fn from_dir(dir: &Path) -> Result<Self, PdfSignError> {
        Ok(Self::with(keys::from_dir(dir)?))
    }

    /// The signer `path` holds: a folder of PEM files ([`PdfSigner::from_dir`]) or a PKCS#12
    /// file, opened with `password` (none: the empty password).
    pub fn load(path: &Path, password: Option<&str>) -> Result<Self, PdfSignError> {
        if path.is_dir() {
            return Self::from_dir(path);
        }
        Ok(Self::with(keys::from_pkcs12(path, password.unwrap_or(""))?))
    }

    fn with(creds: keys::Credentials) -> Self {
        let name = keys::common_name(&creds.cert.tbs_certificate.subject);
        PdfSigner {
            creds,
            name,
            tsa: None,
        }
    }

    /// Signs B-T from now on: each signature time-stamped by the service at `url`.
    pub fn with_tsa(mut self, url: &str) -> Result<Self, PdfSignError> {
        self.tsa = Some(tsa::Tsa::new(url)?);
        Ok(self)
    }

    /// The signer's name, as the certificate gives it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `pdf` signed at `when` (UTC): the same bytes, then an incremental update with the
    /// signature field, its widget over `place` (none: an invisible one on the first page),
    /// the signature dictionary and the CMS.
    pub fn sign(
        &self,
        pdf: &[u8],
        when: NaiveDateTime,
        place: Option<SignaturePlace>,
    ) -> Result<Vec<u8>, PdfSignError> {
        let room = CONTENTS_BYTES + if self.tsa.is_some() { TOKEN_BYTES } else { 0 };
        let unsigned = self.prepare(pdf, when, place, room)?;
        let (start, end) = placeholder(&unsigned, room).ok_or_else(|| failed("/Contents"))?;
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

    /// The CMS SignedData over `digest`: detached, the certificates within, signed attributes
    /// content-type, message-digest and signing-certificate-v2; with a time-stamp service, the
    /// signature's time-stamp token as an unsigned attribute.
    fn cms(&self, digest: &[u8]) -> Result<Vec<u8>, PdfSignError> {
        let content = match &self.creds.key {
            keys::Key::P256(k) => self.signed::<_, p256::ecdsa::DerSignature>(k, digest)?,
            keys::Key::Rsa(k) => self.signed::<_, rsa::pkcs1v15::Signature>(&**k, digest)?,
        };
        let Some(tsa) = &self.tsa else {
            return content.to_der().map_err(failed);
        };
        let mut sd = content.content.decode_as::<SignedData>().map_err(failed)?;
        let mut infos: Vec<SignerInfo> = sd.signer_infos.0.into_vec();
        for si in &mut infos {
            let token = tsa.stamp(si.signature.as_bytes())?;
            let mut values = SetOfVec::new();
            values
                .insert(der::Any::encode_from(&token).map_err(failed)?)
                .map_err(failed)?;
            let attr = Attribute {
                oid: tsa::SIGNATURE_TIME_STAMP_TOKEN,
                values,
            };
            let mut attrs = si
                .unsigned_attrs
                .take()
                .map(SetOfVec::into_vec)
                .unwrap_or_default();
            attrs.push(attr);
            si.unsigned_attrs = Some(SetOfVec::try_from(attrs).map_err(failed)?);
        }
        sd.signer_infos = cms::signed_data::SignerInfos(SetOfVec::try_from(infos).map_err(failed)?);
        let content = cms::content_info::ContentInfo {
            content_type: content.content_type,
            content: der::Any::encode_from(&sd).map_err(failed)?,
        };
        content.to_der().map_err(failed)
    }

    /// The SignedData by `key`, whatever its algorithm.
    fn signed<S, Sig>(
        &self,
        key: &S,
        digest: &[u8],
    ) -> Result<cms::content_info::ContentInfo, PdfSignError>
    where
        S: signature::Keypair + x509_cert::spki::DynSignatureAlgorithmIdentifier,
        S: signature::Signer<Sig>,
        S::VerifyingKey: x509_cert::spki::EncodePublicKey,
        Sig: x509_cert::spki::SignatureBitStringEncoding,
    {
        let cert = &self.creds.cert;
        let eci = EncapsulatedContentInfo {
            econtent_type: DATA,
            econtent: None,
        };
        let sid = SignerIdentifier::IssuerAndSerialNumber(cms::cert::IssuerAndSerialNumber {
            issuer: cert.tbs_certificate.issuer.clone(),
            serial_number: cert.tbs_certificate.serial_number.clone(),
        });
        let sha256 = AlgorithmIdentifierOwned {
            oid: SHA256,
            parameters: None,
        };
        let cert_der = cert.to_der().map_err(failed)?;
        let ess = SigningCertificateV2 {
            certs: vec![EssCertIdV2 {
                cert_hash: OctetString::new(Sha256::digest(&cert_der).to_vec()).map_err(failed)?,
            }],
        };
        let mut values = SetOfVec::new();
        values
            .insert(der::Any::encode_from(&ess).map_err(failed)?)
            .map_err(failed)?;
        let mut sib =
            cms::builder::SignerInfoBuilder::new(key, sid, sha256.clone(), &eci, Some(digest))
                .map_err(failed)?;
        sib.add_signed_attribute(Attribute {
            oid: SIGNING_CERTIFICATE_V2,
            values,
        })
        .map_err(failed)?;
        let mut builder = cms::builder::SignedDataBuilder::new(&eci);
        builder
            .add_digest_algorithm(sha256)
            .map_err(failed)?
            .add_certificate(CertificateChoices::Certificate(cert.clone()))
            .map_err(failed)?;
        for c in &self.creds.chain {
            builder
                .add_certificate(CertificateChoices::Certificate(c.clone()))
                .map_err(failed)?;
        }
        builder
            .add_signer_info::<S, Sig>(sib)
            .map_err(failed)?
            .build()
            .map_err(failed)
    }

    /// The incremental update with the placeholders (`room` bytes for the CMS): a signature
    /// dictionary, a signature field whose widget covers `place` (the signature line the page
    /// already prints, so its appearance draws nothing more), the page's annotations and the
    /// catalogue's AcroForm.
    fn prepare(
        &self,
        pdf: &[u8],
        when: NaiveDateTime,
        place: Option<SignaturePlace>,
        room: usize,
    ) -> Result<Vec<u8>, PdfSignError> {
        let doc = lopdf::Document::load_mem(pdf).map_err(failed)?;
        let version = doc.version.clone();
        let number = place.map_or(1, |p| p.page);
        let page = *doc
            .get_pages()
            .get(&u32::try_from(number).map_err(failed)?)
            .ok_or_else(|| failed(format!("page {number}")))?;
        let rect = match place {
            Some(p) => widget_rect(&doc, page, p)?,
            None => [0.0; 4],
        };
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
            Object::String(vec![0u8; room], StringFormat::Hexadecimal),
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
        let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
        ap.dict.set(
            "BBox",
            Object::Array(vec![0.into(), 0.into(), real(w), real(h)]),
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
            Object::Array(rect.iter().map(|&v| real(v)).collect()),
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
        let mut out = Vec::with_capacity(pdf.len() + 4 * room);
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

/// The `<…>` of the zeroed /Contents of `room` bytes: the offsets of `<` and just after `>`.
fn placeholder(pdf: &[u8], room: usize) -> Option<(usize, usize)> {
    let mut needle = vec![b'<'];
    needle.resize(1 + 2 * room, b'0');
    needle.push(b'>');
    let start = rfind(pdf, &needle)?;
    Some((start, start + needle.len()))
}

/// A PDF number of two decimals.
fn real(v: f64) -> Object {
    Object::Real(((v * 100.0).round() / 100.0) as f32)
}

/// `place` (from the top left, in points) as a rectangle of the page's own space (from the
/// bottom left of its MediaBox, inherited or its own), a little wider than the text.
fn widget_rect(
    doc: &lopdf::Document,
    page: lopdf::ObjectId,
    place: SignaturePlace,
) -> Result<[f64; 4], PdfSignError> {
    let mut id = page;
    let media = loop {
        let d = doc.get_dictionary(id).map_err(failed)?;
        if let Ok(m) = d.get(b"MediaBox").and_then(Object::as_array) {
            break m.clone();
        }
        id = d
            .get(b"Parent")
            .and_then(Object::as_reference)
            .map_err(|_| failed("MediaBox"))?;
    };
    let n: Vec<f64> = media
        .iter()
        .filter_map(|o| o.as_float().map(f64::from).ok())
        .collect();
    let [x0, _, _, y1] = n[..] else {
        return Err(failed("MediaBox"));
    };
    let pad = 2.0;
    Ok([
        x0 + place.x - pad,
        y1 - place.y - place.height - pad,
        x0 + place.x + place.width + pad,
        y1 - place.y + pad,
    ])
}

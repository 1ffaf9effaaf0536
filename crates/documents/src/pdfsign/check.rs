//! Reading a signed PDF back: for each signature, whether the bytes are those signed, whether
//! anything was added after, who signed, when the signature says it was made, and, for a B-T
//! signature, what its time-stamp says.

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier};
use der::asn1::OctetString;
use der::oid::ObjectIdentifier;
use der::{Decode, Encode};
use lopdf::{Dictionary, Object};
use sha2::{Digest, Sha256, Sha384, Sha512};

use spotcheck_core::messages::Message;
use spotcheck_core::msg;

use super::keys::common_name;

/// id-messageDigest (RFC 5652).
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const RSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const RSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");

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
    /// The time-stamp of a B-T signature: when the service saw the signature (UTC), and
    /// which service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Why it does not hold, when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The signer's certificate (DER), to check against a trusted one.
    #[serde(skip)]
    pub certificate: Vec<u8>,
}

/// A signature's time-stamp.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Timestamp {
    pub time: String,
    pub service: String,
}

/// The digest of the parts of `data`, one after another, by the algorithm `oid` names (SHA-2
/// only): a signed PDF's two byte ranges are hashed where they lie.
pub(crate) fn digest(oid: &ObjectIdentifier, data: &[&[u8]]) -> Option<Vec<u8>> {
    fn of<D: Digest>(data: &[&[u8]]) -> Vec<u8> {
        let mut h = D::new();
        data.iter().for_each(|d| h.update(d));
        h.finalize().to_vec()
    }
    match *oid {
        super::SHA256 => Some(of::<Sha256>(data)),
        SHA384 => Some(of::<Sha384>(data)),
        SHA512 => Some(of::<Sha512>(data)),
        _ => None,
    }
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
        timestamp: None,
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
    let ranges = [&pdf[..end_a], &pdf[b0..end_b]];
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
    match verify_signed_data(&sd, &ranges) {
        Ok((signer, cert)) => {
            sig.signer = signer;
            sig.certificate = cert;
            sig.intact = true;
        }
        Err((signer, m)) => {
            sig.signer = signer;
            problem(&mut sig, m);
            return sig;
        }
    }
    let Some(si) = sd.signer_infos.0.iter().next() else {
        return sig;
    };
    let token = si.unsigned_attrs.as_ref().and_then(|attrs| {
        attrs
            .iter()
            .find(|a| a.oid == super::tsa::SIGNATURE_TIME_STAMP_TOKEN)
            .and_then(|a| a.values.iter().next())
    });
    if let Some(token) = token {
        match super::tsa::check_token(token, si.signature.as_bytes()) {
            Ok((time, service)) => sig.timestamp = Some(Timestamp { time, service }),
            Err((time, m)) => {
                sig.intact = false;
                sig.timestamp = Some(Timestamp {
                    time,
                    service: String::new(),
                });
                problem(&mut sig, msg!(PdfSigTsaBroken, reason = m.to_string()));
            }
        }
    }
    sig
}

/// The first signer of `sd` over `content` (its parts one after another): its certificate's
/// name and DER when its message digest is that of `content` and its signature over the signed attributes holds (ECDSA P-256
/// or RSA PKCS#1 v1.5, with SHA-2).
pub(crate) fn verify_signed_data(
    sd: &SignedData,
    content: &[&[u8]],
) -> Result<(String, Vec<u8>), (String, Message)> {
    let Some(si) = sd.signer_infos.0.iter().next() else {
        return Err((String::new(), msg!(PdfSigCms, reason = "no signer")));
    };
    let cert = sd.certificates.as_ref().and_then(|cs| {
        cs.0.iter().find_map(|c| match c {
            CertificateChoices::Certificate(c) => match &si.sid {
                SignerIdentifier::IssuerAndSerialNumber(i)
                    if i.serial_number == c.tbs_certificate.serial_number
                        && i.issuer == c.tbs_certificate.issuer =>
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
    let Some(want) = digest(&si.digest_alg.oid, content) else {
        return Err((name, msg!(PdfSigCms, reason = "digest algorithm")));
    };
    let md = attrs
        .iter()
        .find(|a| a.oid == MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok());
    if md.as_ref().map(OctetString::as_bytes) != Some(want.as_slice()) {
        return Err((name, msg!(PdfSigAltered)));
    }
    let Ok(signed) = attrs.to_der() else {
        return Err((name, msg!(PdfSigCms, reason = "signed attributes")));
    };
    let spki = &cert.tbs_certificate.subject_public_key_info;
    let signature = si.signature.as_bytes();
    let holds = match si.signature_algorithm.oid {
        ECDSA_SHA256 => {
            use p256::ecdsa::signature::Verifier;
            let key =
                p256::ecdsa::VerifyingKey::from_sec1_bytes(spki.subject_public_key.raw_bytes());
            let s = p256::ecdsa::DerSignature::try_from(signature);
            match (key, s) {
                (Ok(key), Ok(s)) => key.verify(&signed, &s).is_ok(),
                _ => return Err((name, msg!(PdfSigCms, reason = "ECDSA P-256"))),
            }
        }
        RSA | RSA_SHA256 | RSA_SHA384 | RSA_SHA512 => {
            let hash = match si.signature_algorithm.oid {
                RSA_SHA256 => super::SHA256,
                RSA_SHA384 => SHA384,
                RSA_SHA512 => SHA512,
                _ => si.digest_alg.oid,
            };
            match rsa_holds(spki, &hash, &signed, signature) {
                Some(holds) => holds,
                None => return Err((name, msg!(PdfSigCms, reason = "RSA"))),
            }
        }
        _ => return Err((name, msg!(PdfSigCms, reason = "signature algorithm"))),
    };
    if holds {
        Ok((name, cert.to_der().unwrap_or_default()))
    } else {
        Err((name, msg!(PdfSigAltered)))
    }
}

/// Whether an RSA PKCS#1 v1.5 `signature` with the digest `hash` over `message` holds for the
/// key `spki`; `None` when the key or the digest cannot be used.
fn rsa_holds(
    spki: &x509_cert::spki::SubjectPublicKeyInfoOwned,
    hash: &ObjectIdentifier,
    message: &[u8],
    signature: &[u8],
) -> Option<bool> {
    use rsa::pkcs1v15::{Signature, VerifyingKey};
    use rsa::pkcs8::DecodePublicKey;
    use rsa::signature::Verifier;
    let key = rsa::RsaPublicKey::from_public_key_der(&spki.to_der().ok()?).ok()?;
    let s = Signature::try_from(signature).ok()?;
    Some(match *hash {
        super::SHA256 => VerifyingKey::<Sha256>::new(key).verify(message, &s).is_ok(),
        SHA384 => VerifyingKey::<Sha384>::new(key).verify(message, &s).is_ok(),
        SHA512 => VerifyingKey::<Sha512>::new(key).verify(message, &s).is_ok(),
        _ => return None,
    })
}

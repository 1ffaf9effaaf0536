//! RFC 3161 time-stamps, which make a B-B signature B-T: a token over the signature's value,
//! asked of a time-stamp service over HTTP and kept in the signer's unsigned attributes
//! (id-aa-signatureTimeStampToken); and, when a file is checked, the token's time and whether
//! it covers that signature and holds for the service's certificate within it.
//!
//! A token is signed by the service, so it proves itself whatever carried it: plain HTTP, as
//! most public services offer, is enough.

use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use der::asn1::{Int, OctetString};
use der::oid::ObjectIdentifier;
use der::{Decode, Encode};
use sha2::{Digest, Sha256};
use x509_cert::ext::Extensions;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::spki::AlgorithmIdentifier;
use x509_tsp::{Accuracy, MessageImprint, TimeStampReq, TimeStampResp, TspVersion};

use spotcheck_core::messages::Message;
use spotcheck_core::msg;

use super::PdfSignError;

/// id-aa-signatureTimeStampToken (RFC 3161, appendix A).
pub(crate) const SIGNATURE_TIME_STAMP_TOKEN: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.14");
/// id-ct-TSTInfo.
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
/// How long one request may take.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A GeneralizedTime as RFC 3161 allows it, with a fraction of a second (`der`'s own refuses
/// one, and services write them).
#[derive(Clone, Debug, Eq, PartialEq)]
struct GenTime(String);

impl der::FixedTag for GenTime {
    const TAG: der::Tag = der::Tag::GeneralizedTime;
}

impl<'a> der::DecodeValue<'a> for GenTime {
    fn decode_value<R: der::Reader<'a>>(r: &mut R, header: der::Header) -> der::Result<Self> {
        let bytes = r.read_vec(header.length)?;
        String::from_utf8(bytes)
            .map(GenTime)
            .map_err(|_| der::Tag::GeneralizedTime.value_error())
    }
}

impl der::EncodeValue for GenTime {
    fn value_len(&self) -> der::Result<der::Length> {
        der::Length::try_from(self.0.len())
    }
    fn encode_value(&self, w: &mut impl der::Writer) -> der::Result<()> {
        w.write(self.0.as_bytes())
    }
}

impl GenTime {
    /// `YYYY-MM-DD HH:MM:SS[.fff] UTC`, or the time as written when it is not of that form.
    fn show(&self) -> String {
        let t = self.0.trim_end_matches('Z');
        chrono::NaiveDateTime::parse_from_str(t, "%Y%m%d%H%M%S%.f").map_or_else(
            |_| self.0.clone(),
            |d| format!("{} UTC", d.format("%Y-%m-%d %H:%M:%S%.f")),
        )
    }
}

/// TSTInfo (RFC 3161, 2.4.2), as `x509-tsp` has it but for the time.
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
struct TstInfo {
    version: TspVersion,
    policy: ObjectIdentifier,
    message_imprint: MessageImprint,
    serial_number: Int,
    gen_time: GenTime,
    #[asn1(optional = "true")]
    accuracy: Option<Accuracy>,
    #[asn1(default = "Default::default")]
    ordering: bool,
    #[asn1(optional = "true")]
    nonce: Option<Int>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    tsa: Option<GeneralName>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    extensions: Option<Extensions>,
}

/// A time-stamp service.
pub(crate) struct Tsa {
    url: String,
    agent: ureq::Agent,
}

impl Tsa {
    /// The service at `url` (`http://…`).
    pub(crate) fn new(url: &str) -> Result<Tsa, PdfSignError> {
        let lower = url.to_ascii_lowercase();
        if !lower.starts_with("http://") {
            return Err(PdfSignError(msg!(PdfSignTsaUrl, url = url)));
        }
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .build()
            .into();
        Ok(Tsa {
            url: url.to_string(),
            agent,
        })
    }

    /// A token over `signature` (its SHA-256), checked to be the one asked for.
    pub(crate) fn stamp(&self, signature: &[u8]) -> Result<ContentInfo, PdfSignError> {
        let fail =
            |reason: String| PdfSignError(msg!(PdfSignTsa, url = &self.url, reason = reason));
        let mut nonce = [0u8; 8];
        getrandom::fill(&mut nonce).map_err(|e| fail(e.to_string()))?;
        nonce[0] = (nonce[0] & 0x7f) | 0x01;
        let imprint = MessageImprint {
            hash_algorithm: AlgorithmIdentifier {
                oid: super::SHA256,
                parameters: None,
            },
            hashed_message: OctetString::new(Sha256::digest(signature).to_vec())
                .map_err(|e| fail(e.to_string()))?,
        };
        let nonce = Int::new(&nonce).map_err(|e| fail(e.to_string()))?;
        let req = TimeStampReq {
            version: TspVersion::V1,
            message_imprint: imprint.clone(),
            req_policy: None,
            nonce: Some(nonce.clone()),
            cert_req: true,
            extensions: None,
        };
        let body = req.to_der().map_err(|e| fail(e.to_string()))?;
        let mut reply = self
            .agent
            .post(&self.url)
            .header("Content-Type", "application/timestamp-query")
            .send(&body[..])
            .map_err(|e| fail(e.to_string()))?;
        if !reply.status().is_success() {
            return Err(fail(format!("HTTP {}", reply.status())));
        }
        let bytes = reply
            .body_mut()
            .read_to_vec()
            .map_err(|e| fail(e.to_string()))?;
        let resp = TimeStampResp::from_der(&bytes).map_err(|e| fail(e.to_string()))?;
        use cmpv2::status::PkiStatus;
        if !matches!(
            resp.status.status,
            PkiStatus::Accepted | PkiStatus::GrantedWithMods
        ) {
            let text: Vec<String> = resp
                .status
                .status_string
                .iter()
                .flatten()
                .map(|s| s.as_str().to_string())
                .collect();
            return Err(fail(format!("{:?} {}", resp.status.status, text.join(" "))));
        }
        let token = resp
            .time_stamp_token
            .ok_or_else(|| fail("no token".into()))?;
        let info = tst_info(&token).map_err(|m| fail(m.to_string()))?;
        if info.message_imprint != imprint || info.nonce.as_ref() != Some(&nonce) {
            return Err(fail(msg!(PdfSigTsaImprint).to_string()));
        }
        Ok(token)
    }
}

/// The signed data of a token and the TSTInfo it signs.
fn parts(token: &ContentInfo) -> Result<(SignedData, Vec<u8>, TstInfo), Message> {
    let bad = |e: &dyn std::fmt::Display| msg!(PdfSigCms, reason = e.to_string());
    let sd = token
        .content
        .decode_as::<SignedData>()
        .map_err(|e| bad(&e))?;
    if sd.encap_content_info.econtent_type != TST_INFO {
        return Err(bad(&"not a TSTInfo"));
    }
    let content = sd
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or_else(|| bad(&"no TSTInfo"))?
        .decode_as::<OctetString>()
        .map_err(|e| bad(&e))?
        .into_bytes();
    let info = TstInfo::from_der(&content).map_err(|e| bad(&e))?;
    Ok((sd, content, info))
}

fn tst_info(token: &ContentInfo) -> Result<TstInfo, Message> {
    parts(token).map(|(_, _, info)| info)
}

/// What a token says of the signature `signature`: its time (UTC) and its service's name
/// when it covers that signature and holds for the service's certificate.
pub(crate) fn check_token(
    token: &der::Any,
    signature: &[u8],
) -> Result<(String, String), (String, Message)> {
    let token = token
        .decode_as::<ContentInfo>()
        .map_err(|e| (String::new(), msg!(PdfSigCms, reason = e.to_string())))?;
    let (sd, content, info) = parts(&token).map_err(|m| (String::new(), m))?;
    let time = info.gen_time.show();
    let imprint = &info.message_imprint;
    let ours = super::check::digest(&imprint.hash_algorithm.oid, &[signature])
        .ok_or_else(|| (time.clone(), msg!(PdfSigCms, reason = "digest")))?;
    if imprint.hashed_message.as_bytes() != ours.as_slice() {
        return Err((time, msg!(PdfSigTsaImprint)));
    }
    match super::check::verify_signed_data(&sd, &[&content]) {
        Ok((service, _)) => Ok((time, service)),
        Err((_, m)) => Err((time, m)),
    }
}

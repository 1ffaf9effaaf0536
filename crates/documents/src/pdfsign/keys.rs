//! The signer's key and certificates: read from a folder of PEM files (`signing-cert.pem`, the
//! certificate and any CA certificates above it; `signing-key.pem`, the key as PKCS#8, SEC1 or
//! PKCS#1) or from a PKCS#12 file (`.p12`, `.pfx`) as CAs issue them; and the self-issued
//! certificate `keygen --x509` makes for trials. ECDSA P-256 and RSA keys are signed with.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use der::{Decode, EncodePem};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::pkcs1::DecodeRsaPrivateKey;
use sha2::Sha256;
use x509_cert::Certificate;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::{Time, Validity};

use spotcheck_core::msg;

use super::{CERT_FILE, KEY_FILE, PdfSignError, failed};

/// commonName.
const COMMON_NAME: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.4.3");

/// A signing key of one of the algorithms PDF readers check: ECDSA P-256 or RSA (PKCS#1 v1.5),
/// both with SHA-256.
pub(crate) enum Key {
    P256(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>),
}

impl Key {
    /// The key's public half as a certificate carries it.
    pub(crate) fn spki(&self) -> Result<SubjectPublicKeyInfoOwned, PdfSignError> {
        match self {
            Key::P256(k) => SubjectPublicKeyInfoOwned::from_key(*k.verifying_key()).map_err(failed),
            Key::Rsa(k) => {
                let private: &rsa::RsaPrivateKey = (**k).as_ref();
                let public = rsa::RsaPublicKey::from(private);
                SubjectPublicKeyInfoOwned::from_key(public).map_err(failed)
            }
        }
    }

    /// A PKCS#8 key (DER) of either algorithm.
    fn from_pkcs8_der(der: &[u8]) -> Option<Key> {
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_der(der) {
            return Some(Key::P256(k));
        }
        rsa::RsaPrivateKey::from_pkcs8_der(der)
            .ok()
            .map(|k| Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(k))))
    }

    /// A key in PEM: PKCS#8 (`PRIVATE KEY`), SEC1 (`EC PRIVATE KEY`) or PKCS#1 (`RSA PRIVATE
    /// KEY`). An encrypted key is refused with the way to decrypt it.
    fn from_pem(text: &str) -> Result<Key, String> {
        if text.contains("ENCRYPTED PRIVATE KEY") {
            return Err(msg!(PdfSignKeyEncrypted).to_string());
        }
        if let Ok(k) = p256::ecdsa::SigningKey::from_pkcs8_pem(text) {
            return Ok(Key::P256(k));
        }
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs8_pem(text) {
            return Ok(Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(k))));
        }
        if let Ok(k) = p256::SecretKey::from_sec1_pem(text) {
            return Ok(Key::P256(k.into()));
        }
        if let Ok(k) = rsa::RsaPrivateKey::from_pkcs1_pem(text) {
            return Ok(Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(k))));
        }
        Err(msg!(PdfSignKeyKind).to_string())
    }
}

/// The common name of a certificate's subject, or its whole subject.
pub(crate) fn common_name(name: &Name) -> String {
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

/// A key, the certificate of its public half, and the certificates above that one.
pub(crate) struct Credentials {
    pub(crate) key: Key,
    pub(crate) cert: Certificate,
    pub(crate) chain: Vec<Certificate>,
}

/// The certificate among `certs` that carries `key`'s public half, and the others.
fn leaf_of(
    key: Key,
    certs: Vec<Certificate>,
    mismatch: impl FnOnce() -> PdfSignError,
) -> Result<Credentials, PdfSignError> {
    let spki = key.spki()?;
    let Some(at) = certs
        .iter()
        .position(|c| c.tbs_certificate.subject_public_key_info == spki)
    else {
        return Err(mismatch());
    };
    let mut chain = certs;
    let cert = chain.remove(at);
    Ok(Credentials { key, cert, chain })
}

/// Reads `DIR/signing-cert.pem` (the certificate, and any CA certificates after it) and
/// `DIR/signing-key.pem`, and checks that they belong together.
pub(crate) fn from_dir(dir: &Path) -> Result<Credentials, PdfSignError> {
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
    let certs =
        Certificate::load_pem_chain(cert_text.as_bytes()).map_err(|e| bad(CERT_FILE, &e))?;
    if certs.is_empty() {
        return Err(bad(CERT_FILE, &"no certificate"));
    }
    let key = Key::from_pem(&key_text).map_err(|e| bad(KEY_FILE, &e))?;
    leaf_of(key, certs, || {
        PdfSignError(msg!(PdfSignMismatch, dir = dir))
    })
}

/// Reads a PKCS#12 file with its password: its key and the certificate chain with it.
pub(crate) fn from_pkcs12(path: &Path, password: &str) -> Result<Credentials, PdfSignError> {
    let bad = |e: &dyn std::fmt::Display| {
        PdfSignError(msg!(PdfSignRead, path = path, reason = e.to_string()))
    };
    let bytes = std::fs::read(path).map_err(|e| bad(&e))?;
    let store = p12_keystore::KeyStore::from_pkcs12(&bytes, password).map_err(|e| match e {
        p12_keystore::error::Error::MacError(_) | p12_keystore::error::Error::UnpadError => {
            PdfSignError(msg!(PdfSignPkcs12Password, path = path))
        }
        e => bad(&e),
    })?;
    let (_, entry) = store
        .private_key_chain()
        .ok_or_else(|| bad(&msg!(PdfSignPkcs12NoKey)))?;
    let key = Key::from_pkcs8_der(entry.key()).ok_or_else(|| bad(&msg!(PdfSignKeyKind)))?;
    let certs = entry
        .chain()
        .iter()
        .map(|c| Certificate::from_der(c.as_der()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(&e))?;
    leaf_of(key, certs, || {
        PdfSignError(msg!(PdfSignMismatch, dir = path))
    })
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
        if let Ok(k) = p256::ecdsa::SigningKey::from_slice(&bytes) {
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
    let cert = builder
        .build::<p256::ecdsa::DerSignature>()
        .map_err(failed)?;
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

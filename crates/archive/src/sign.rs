//! Signatures: a detached Ed25519 signature of the bag's tag manifest, in the minisign format,
//! so that the standard `minisign -V` verifies it as well as `spotcheck verify --pubkey`.
//!
//! Keys are minisign key files made by the `minisign` crate, unencrypted, because the build runs
//! without a terminal and must never prompt for a password. Verification goes through the
//! `minisign` crate too. Signing does not: the crate mixes random noise into every signature
//! (hedged Ed25519), so two builds of the same batch with the same key would differ in the
//! signature file and the archive would not be reproducible. Here the signature is plain
//! RFC 8032 Ed25519, which is deterministic, over the BLAKE2b-512 prehash that minisign's
//! prehashed (`ED`) signatures sign; every signature made is checked with the crate's verifier
//! before it is used, so the two implementations must agree.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use blake2::{Blake2b512, Digest};
use ed25519_dalek::Signer;

use spotcheck_core::messages::{Arg, Lang, Message};
use spotcheck_core::msg;
use spotcheck_core::output::write_atomic;

/// The secret key file written by `spotcheck keygen`.
pub(crate) const SECRET_KEY_FILE: &str = "spotcheck.key";
/// The public key file written by `spotcheck keygen`.
pub(crate) const PUBLIC_KEY_FILE: &str = "spotcheck.pub";

const UNTRUSTED_PREFIX: &str = "untrusted comment: ";
const TRUSTED_PREFIX: &str = "trusted comment: ";
/// Prehashed Ed25519, the algorithm of current minisign signatures.
const SIG_ALG_PREHASHED: &[u8; 2] = b"ED";
/// Layout of a minisign secret key: algorithm (2), KDF (2), checksum algorithm (2), salt (32),
/// opslimit (8), memlimit (8), key id (8), Ed25519 secret key (64: seed then public key),
/// checksum (32).
const SK_KDF: std::ops::Range<usize> = 2..4;
const SK_KEYNUM: std::ops::Range<usize> = 54..62;
const SK_SECRET: std::ops::Range<usize> = 62..126;
const SK_LEN: usize = 158;

/// Why a key could not be made, read or used. Displayed in Chinese; [`SignError::message`]
/// for the user's language.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("{}", self.message())]
    Read { path: PathBuf, reason: String },
    /// The reason is a message of the catalog, or the text of the minisign crate.
    #[error("{}", self.message())]
    BadSecretKey { path: PathBuf, reason: Arg },
    #[error("{}", self.message())]
    Encrypted(PathBuf),
    #[error("{}", self.message())]
    BadPublicKey { path: PathBuf, reason: Arg },
    #[error("{}", self.message())]
    Exists(PathBuf),
    #[error("{}", self.message())]
    Write { path: PathBuf, reason: String },
    #[error("{}", self.message())]
    Generate(String),
    #[error("{}", self.message())]
    SelfCheck(Message),
}

impl SignError {
    /// The error as a message of the catalog.
    pub fn message(&self) -> Message {
        match self {
            SignError::Read { path, reason } => msg!(SignRead, path = path, reason = reason),
            SignError::BadSecretKey { path, reason } => {
                msg!(SignBadSecretKey, path = path, reason = reason.clone())
            }
            SignError::Encrypted(path) => msg!(SignEncrypted, path = path),
            SignError::BadPublicKey { path, reason } => {
                msg!(SignBadPublicKey, path = path, reason = reason.clone())
            }
            SignError::Exists(path) => msg!(SignExists, path = path),
            SignError::Write { path, reason } => msg!(SignWrite, path = path, reason = reason),
            SignError::Generate(error) => msg!(SignGenerate, error = error),
            SignError::SelfCheck(reason) => msg!(SignSelfCheck, reason = reason.clone()),
        }
    }

    /// The error in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.message().in_lang(lang)
    }
}

/// A secret key, ready to sign.
pub struct SigningKey {
    keynum: [u8; 8],
    key: ed25519_dalek::SigningKey,
    /// Who holds the key, as its file records it.
    owner: Option<String>,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", key_id(&self.keynum))
    }
}

/// The key files written by [`keygen`].
#[derive(Debug, Clone)]
pub struct KeyFiles {
    pub secret: PathBuf,
    pub public: PathBuf,
    /// The key id as minisign prints it (16 hex digits).
    pub key_id: String,
}

/// A signature that verified.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SignatureInfo {
    pub key_id: String,
    pub trusted_comment: String,
}

/// minisign prints a key id as the little-endian number of its 8 bytes, in hex.
fn key_id(keynum: &[u8; 8]) -> String {
    format!("{:016X}", u64::from_le_bytes(*keynum))
}

/// Makes a new unencrypted key pair in `dir`, with no owner recorded ([`keygen_for`]).
pub fn keygen(dir: &Path) -> Result<KeyFiles, SignError> {
    keygen_for(dir, None)
}

/// The environment variable a secret key's passphrase may be given in (for `build --sign`
/// without a terminal), when no `--passphrase-file` is.
pub const PASSPHRASE_VAR: &str = "SPOTCHECK_KEY_PASSPHRASE";

/// A passphrase: the first line of `file`, else [`PASSPHRASE_VAR`]; none when neither.
pub fn passphrase(file: Option<&Path>) -> Result<Option<String>, SignError> {
    if let Some(f) = file {
        let text = std::fs::read_to_string(f).map_err(|e| SignError::Read {
            path: f.to_path_buf(),
            reason: e.to_string(),
        })?;
        let line = text.lines().next().unwrap_or_default().to_string();
        return Ok(Some(line).filter(|l| !l.is_empty()));
    }
    Ok(std::env::var(PASSPHRASE_VAR).ok().filter(|p| !p.is_empty()))
}

/// What the untrusted comments of the key files say of the owner: `…, owner: NAME`.
const OWNER_MARK: &str = ", owner: ";

/// The owner a key file's first line records, if any.
fn owner_of(comment_line: &str) -> Option<String> {
    comment_line
        .split_once(OWNER_MARK)
        .map(|(_, o)| o.trim().to_string())
        .filter(|o| !o.is_empty())
}

/// Makes a new unencrypted key pair in `dir`: `spotcheck.key` (secret, readable by its owner
/// only) and `spotcheck.pub`, both recording `owner` (the lab) in their comment line, which
/// `minisign` shows and ignores. Refuses to replace existing key files.
pub fn keygen_for(dir: &Path, owner: Option<&str>) -> Result<KeyFiles, SignError> {
    keygen_with(dir, owner, None)
}

/// [`keygen_for`], the secret key encrypted with `passphrase` when one is given (minisign's
/// scrypt and XOR scheme: `minisign -S` asks for it, and so does `build --sign` through
/// `--passphrase-file` or [`PASSPHRASE_VAR`]).
pub fn keygen_with(
    dir: &Path,
    owner: Option<&str>,
    passphrase: Option<&str>,
) -> Result<KeyFiles, SignError> {
    let owner: Option<String> = owner
        .map(|o| {
            o.split(['\r', '\n'])
                .collect::<Vec<_>>()
                .join(" ")
                .trim()
                .to_string()
        })
        .filter(|o| !o.is_empty());
    let owned = |s: String| match &owner {
        Some(o) => format!("{s}{OWNER_MARK}{o}"),
        None => s,
    };
    let secret = dir.join(SECRET_KEY_FILE);
    let public = dir.join(PUBLIC_KEY_FILE);
    for p in [&secret, &public] {
        if p.exists() {
            return Err(SignError::Exists(p.clone()));
        }
    }
    let pair = match passphrase {
        Some(p) => minisign::KeyPair::generate_encrypted_keypair(Some(p.to_string())),
        None => minisign::KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(|e| SignError::Generate(e.to_string()))?;
    let kind = if passphrase.is_some() {
        "spotcheck secret key (encrypted)"
    } else {
        "spotcheck secret key (unencrypted)"
    };
    let sk_text = pair
        .sk
        .to_box(Some(&owned(kind.into())))
        .map_err(|e| SignError::Generate(e.to_string()))?
        .into_string();
    let mut keynum = [0u8; 8];
    keynum.copy_from_slice(pair.pk.keynum());
    let pk_box = pair
        .pk
        .to_box()
        .map_err(|e| SignError::Generate(e.to_string()))?
        .into_string();
    let pk_line = pk_box.lines().nth(1).unwrap_or_default();
    let pk_text = format!(
        "{UNTRUSTED_PREFIX}{}\n{pk_line}\n",
        owned(format!("minisign public key {}", key_id(&keynum)))
    );
    let write_err = |path: &Path, e: std::io::Error| SignError::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    write_secret(&secret, sk_text.as_bytes()).map_err(|e| write_err(&secret, e))?;
    write_atomic(&public, pk_text.as_bytes()).map_err(|e| write_err(&public, e))?;
    Ok(KeyFiles {
        secret,
        public,
        key_id: key_id(&keynum),
    })
}

/// Writes a secret key file: created with mode 0600 on unix, never replacing a file.
fn write_secret(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

impl SigningKey {
    /// Reads an unencrypted minisign secret key file.
    pub fn from_file(path: &Path) -> Result<Self, SignError> {
        Self::from_file_with(path, None)
    }

    /// Reads a minisign secret key file, decrypting it with `passphrase` when it has one.
    pub fn from_file_with(path: &Path, passphrase: Option<&str>) -> Result<Self, SignError> {
        let text = std::fs::read_to_string(path).map_err(|e| SignError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Self::from_text(path, &text, passphrase)
    }

    fn from_text(path: &Path, text: &str, passphrase: Option<&str>) -> Result<Self, SignError> {
        let bad = |reason: Arg| SignError::BadSecretKey {
            path: path.to_path_buf(),
            reason,
        };
        let mut lines = text.lines();
        let comment = lines.next().unwrap_or_default();
        if !comment.starts_with(UNTRUSTED_PREFIX) {
            return Err(bad(msg!(SignFirstLine).into()));
        }
        let encoded = lines.next().unwrap_or_default().trim();
        let mut raw = BASE64
            .decode(encoded)
            .map_err(|_| bad(msg!(SignSecretNotBase64).into()))?;
        if raw.len() != SK_LEN {
            return Err(bad(msg!(SignSecretLength).into()));
        }
        if raw[SK_KDF] != [0, 0] {
            // Encrypted: the crate decrypts it with the passphrase and checks its checksum.
            let Some(p) = passphrase else {
                return Err(SignError::Encrypted(path.to_path_buf()));
            };
            let sk = minisign::SecretKeyBox::from_string(text)
                .and_then(|b| b.into_secret_key(Some(p.to_string())))
                .map_err(|e| bad(e.to_string().into()))?;
            raw = sk.to_bytes();
            if raw.len() != SK_LEN {
                return Err(bad(msg!(SignSecretLength).into()));
            }
        } else {
            // The crate checks the algorithm and the key's checksum.
            minisign::SecretKeyBox::from_string(text)
                .and_then(|b| b.into_unencrypted_secret_key())
                .map_err(|e| bad(e.to_string().into()))?;
        }
        let mut keynum = [0u8; 8];
        keynum.copy_from_slice(&raw[SK_KEYNUM]);
        let secret = &raw[SK_SECRET];
        let mut seed = [0u8; 32];
        seed.copy_from_slice(&secret[..32]);
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        if key.verifying_key().as_bytes()[..] != secret[32..] {
            return Err(bad(msg!(SignKeyMismatch).into()));
        }
        Ok(SigningKey {
            keynum,
            key,
            owner: owner_of(comment),
        })
    }

    /// The owner the key file records (`keygen --owner`), if any.
    pub fn owner(&self) -> Option<&str> {
        self.owner.as_deref()
    }

    /// The key id, as minisign prints it.
    pub fn key_id(&self) -> String {
        key_id(&self.keynum)
    }

    /// The public key file text (`minisign -p` format) of this secret key.
    pub(crate) fn public_key_text(&self) -> String {
        let mut raw = Vec::with_capacity(42);
        raw.extend_from_slice(b"Ed");
        raw.extend_from_slice(&self.keynum);
        raw.extend_from_slice(self.key.verifying_key().as_bytes());
        let owner = self
            .owner
            .as_deref()
            .map(|o| format!("{OWNER_MARK}{o}"))
            .unwrap_or_default();
        format!(
            "{UNTRUSTED_PREFIX}minisign public key {}{owner}\n{}\n",
            self.key_id(),
            BASE64.encode(raw)
        )
    }

    /// A detached minisign signature of `data`: the same data, key and comment give the same
    /// bytes. The trusted comment must be one line; line breaks are replaced by spaces.
    pub fn sign(&self, data: &[u8], trusted_comment: &str) -> Result<String, SignError> {
        let trusted_comment: String = trusted_comment
            .chars()
            .map(|c| if c == '\r' || c == '\n' { ' ' } else { c })
            .collect();
        let prehash = Blake2b512::digest(data);
        let sig = self.key.sign(&prehash).to_bytes();
        let mut sig_line = Vec::with_capacity(74);
        sig_line.extend_from_slice(SIG_ALG_PREHASHED);
        sig_line.extend_from_slice(&self.keynum);
        sig_line.extend_from_slice(&sig);
        let mut signed_comment = sig.to_vec();
        signed_comment.extend_from_slice(trusted_comment.as_bytes());
        let global = self.key.sign(&signed_comment).to_bytes();
        let text = format!(
            "{UNTRUSTED_PREFIX}signature from spotcheck secret key\n{}\n{TRUSTED_PREFIX}{trusted_comment}\n{}\n",
            BASE64.encode(sig_line),
            BASE64.encode(global)
        );
        verify(&self.public_key_text(), &text, data).map_err(SignError::SelfCheck)?;
        Ok(text)
    }
}

/// What a signature file claims, unverified: the id of the key it names and its trusted
/// comment. Anyone can write a signature naming any key; only [`verify`] against a key one
/// trusts says who signed.
pub(crate) fn claims(signature: &str) -> Option<SignatureInfo> {
    let mut lines = signature.lines();
    let _untrusted = lines.next()?;
    let sig_raw = BASE64.decode(lines.next()?.trim()).ok()?;
    let trusted = lines.next()?.strip_prefix(TRUSTED_PREFIX)?;
    let keynum: [u8; 8] = sig_raw.get(2..10)?.try_into().ok()?;
    Some(SignatureInfo {
        key_id: key_id(&keynum),
        trusted_comment: trusted.to_string(),
    })
}

/// Reads a public key file, checking that it parses.
pub fn read_public_key(path: &Path) -> Result<String, SignError> {
    let text = std::fs::read_to_string(path).map_err(|e| SignError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    parse_public_key(&text).map_err(|reason| SignError::BadPublicKey {
        path: path.to_path_buf(),
        reason,
    })?;
    Ok(text)
}

/// Reads a public key; the reason it cannot is a message of the catalog, or the text of the
/// minisign crate.
fn parse_public_key(text: &str) -> Result<minisign::PublicKey, Arg> {
    // Either a key file (comment line, key line) or the bare base64 line `minisign -P` takes.
    let line = match text.lines().next() {
        Some(first) if first.starts_with(UNTRUSTED_PREFIX) => text.lines().nth(1),
        first => first,
    }
    .unwrap_or_default()
    .trim();
    let raw = BASE64
        .decode(line)
        .map_err(|_| Arg::from(msg!(SignPublicNotBase64)))?;
    if raw.len() != 42 || &raw[..2] != b"Ed" {
        return Err(msg!(SignPublicLength).into());
    }
    minisign::PublicKey::from_base64(line).map_err(|e| e.to_string().into())
}

/// Checks a minisign signature of `data` against a public key (file text). Every malformed
/// input is an error message, never a panic: the lengths the verifier relies on are checked
/// here first.
pub fn verify(public_key: &str, signature: &str, data: &[u8]) -> Result<SignatureInfo, Message> {
    let pk = parse_public_key(public_key).map_err(|e| msg!(SignPublicInvalid, reason = e))?;
    let mut lines = signature.lines();
    let (Some(untrusted), Some(sig_line), Some(trusted), Some(global)) =
        (lines.next(), lines.next(), lines.next(), lines.next())
    else {
        return Err(msg!(SignIncomplete));
    };
    if !untrusted.starts_with(UNTRUSTED_PREFIX) || !trusted.starts_with(TRUSTED_PREFIX) {
        return Err(msg!(SignMalformed));
    }
    let sig_raw = BASE64
        .decode(sig_line.trim())
        .map_err(|_| msg!(SignLineNotBase64))?;
    if sig_raw.len() != 74 {
        return Err(msg!(SignLength));
    }
    if &sig_raw[..2] != SIG_ALG_PREHASHED {
        return Err(msg!(SignAlgorithm));
    }
    let global_raw = BASE64
        .decode(global.trim())
        .map_err(|_| msg!(SignGlobalNotBase64))?;
    if global_raw.len() != 64 {
        return Err(msg!(SignGlobalLength));
    }
    let mut sig_key = [0u8; 8];
    sig_key.copy_from_slice(&sig_raw[2..10]);
    let mut pk_key = [0u8; 8];
    pk_key.copy_from_slice(pk.keynum());
    if sig_key != pk_key {
        return Err(msg!(
            SignWrongKey,
            signed = key_id(&sig_key),
            given = key_id(&pk_key)
        ));
    }
    let sig_box = minisign::SignatureBox::from_string(signature)
        .map_err(|e| msg!(SignUnparsable, error = e.to_string()))?;
    minisign::verify(&pk, &sig_box, Cursor::new(data), true, false, false)
        .map_err(|_| msg!(SignDoesNotVerify))?;
    Ok(SignatureInfo {
        key_id: key_id(&sig_key),
        trusted_comment: sig_box.trusted_comment().unwrap_or_default(),
    })
}

//! A finding about a bag: what kind of problem, which file, which section of RFC 8493, and the
//! message. An error breaks a MUST (or the archive is damaged); a warning departs from a
//! SHOULD and never makes a bag invalid.

use serde::Serialize;

pub use spotcheck_core::diag::Severity;
use spotcheck_core::messages::{Lang, Message};
use spotcheck_core::msg;

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Listed in a payload manifest, not in the bag.
    Missing,
    /// In the bag, listed in no manifest.
    Extra,
    /// A missing file whose content is present under another name.
    Renamed,
    /// Content differs from a payload manifest.
    Altered,
    /// A tag file listed in a tag manifest is absent, or a required tag file is absent.
    TagMissing,
    /// A tag file differs from a tag manifest.
    TagAltered,
    /// A tag file that a tag manifest does not list (an error for payload manifests, §2.2.1,
    /// a warning for other tag files).
    TagNotListed,
    /// bagit.txt is not a valid bag declaration.
    BadBagitTxt,
    /// bag-info.txt is malformed, or lacks what it must hold.
    BadBagInfo,
    /// Payload-Oxum disagrees with the payload.
    PayloadOxum,
    /// A manifest line or manifest name that breaks the rules.
    BadManifest,
    /// A fetch.txt line that breaks the rules.
    BadFetch,
    /// A file listed in fetch.txt and not yet in the bag: the bag is incomplete.
    FetchPending,
    /// A payload file listed in some payload manifests but not in every one.
    NotInEveryManifest,
    /// No payload directory `data/`.
    NoPayloadDirectory,
    /// No payload manifest at all.
    NoPayloadManifest,
    /// A manifest whose algorithm this program cannot compute: its checksums cannot be verified.
    UnsupportedAlgorithm,
    /// Only MD5 or SHA-1 protect the payload.
    WeakAlgorithm,
    /// The tag files are not in UTF-8.
    TagEncoding,
    /// A bag-info.txt element that should not repeat does.
    RepeatedElement,
    /// Payload files whose names differ only in case.
    CaseCollision,
    /// A file an operating system leaves (`.DS_Store`, `Thumbs.db`) present but unlisted, or
    /// listed but absent.
    SystemFile,
    /// An entry name that is absolute, contains `..`, a backslash or NUL, or is not UTF-8.
    UnsafeName,
    /// Two entries with the same name.
    DuplicateName,
    /// An entry that cannot be read (CRC error, truncated, unsupported, implausible size).
    Unreadable,
    /// The zip's headers contradict each other.
    ZipStructure,
    /// A signature was required and is absent.
    SignatureMissing,
    /// The signature does not verify.
    SignatureInvalid,
}

/// One problem, naming the file it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// Path relative to the bag (`data/evidence/...`, `bag-info.txt`), or the zip entry name.
    pub path: String,
    /// The section of RFC 8493 the finding rests on (none for damage to the zip itself and for
    /// what only spotcheck's own archives promise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<&'static str>,
    /// The new name of a renamed file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// What is wrong: a message of the catalog, made text when shown (serialized in Chinese;
    /// [`Finding::to_json`] for another language).
    #[serde(serialize_with = "spotcheck_core::messages::as_chinese")]
    pub message: Message,
}

impl Finding {
    /// An error.
    pub fn new(kind: FindingKind, path: &str, message: Message) -> Self {
        Finding {
            kind,
            severity: Severity::Error,
            path: path.to_string(),
            section: None,
            to: None,
            expected: None,
            actual: None,
            message,
        }
    }

    /// The same finding as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The section of RFC 8493 it rests on, e.g. `"RFC 8493 §2.1.3"`.
    pub fn section(mut self, rule: &'static str) -> Self {
        self.section = Some(rule);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message and the rule it rests on, as one line in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self.section {
            Some(rule) => msg!(
                VerifyFindingRule,
                message = self.message.clone(),
                rule = rule
            )
            .in_lang(lang),
            None => self.message.in_lang(lang),
        }
    }

    /// For programs: the fields as serialized, the message in `lang`, its id and arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["message"] = self.message.in_lang(lang).into();
        v["message_id"] = self.message.id.id().into();
        v["args"] = self.message.args_json(lang);
        v
    }
}

// ---------------------------------------------------------------------------------------------

//! Located findings: every message about the user's files names the file, the line and column,
//! and the field path as written in the YAML, and carries the id of what it found, a [`Rule`]
//! of the registry ([`registry`]).

use std::fmt;

use serde::Serialize;

use crate::messages::{Lang, Message, Msg};
pub mod registry;

pub use registry::Rule;

/// How serious a finding is: an error stops rendering and makes the exit code 1, a warning
/// does neither. Each [`Rule`] has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding about one place of one input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// What was found: a rule of `check` or an error of reading or rendering, such as
    /// `yaml.type` or `font.uncovered`; serialized as its id.
    pub rule: Rule,
    /// The rule's severity.
    pub severity: Severity,
    /// Path of the file relative to the batch folder, with `/` separators.
    pub file: String,
    /// 1-based; 0 when the finding concerns the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    /// Field path as written in the YAML (`product.unit_price`, `visit.samplers[1].name`);
    /// empty for the whole document.
    pub path: String,
    /// What is wrong and what to do: a message of the catalog, made text when shown.
    #[serde(serialize_with = "crate::messages::as_chinese")]
    pub message: Message,
}

impl Diagnostic {
    /// A finding of `rule`, with the rule's severity.
    pub fn new(
        rule: Rule,
        file: &str,
        pos: (usize, usize),
        path: &str,
        message: impl Into<Message>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity(),
            file: file.to_string(),
            line: pos.0,
            column: pos.1,
            path: path.to_string(),
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col path: 错误[rule]: message`, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if self.line > 0 {
            out.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                out.push_str(&format!(":{}", self.column));
            }
        }
        let sev = match self.severity {
            Severity::Error => Msg::DiagError,
            Severity::Warning => Msg::DiagWarning,
        }
        .template(lang);
        let message = self.message.in_lang(lang);
        if self.path.is_empty() {
            out.push_str(&format!(" {sev}[{}]: {message}", self.rule));
        } else {
            out.push_str(&format!(" {}: {sev}[{}]: {message}", self.path, self.rule));
        }
        out
    }

    /// For programs: the fields, the message in `lang`, its id and its arguments.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message.in_lang(lang),
            "message_id": self.message.id,
            "args": self.message.args_json(lang),
        })
    }
}

/// In Chinese; [`Diagnostic::render`] for another language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::Zh))
    }
}

/// A list of findings that stopped an operation.
#[derive(Debug, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// One finding a line, in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|d| d.in_lang(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::Zh))
    }
}

impl std::error::Error for Diagnostics {}

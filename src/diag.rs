//! Located findings: every message about the user's files names the file, the line and column,
//! and the field path as written in the YAML.

use std::fmt;

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One finding about one place of one input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Rule or error id, such as `yaml.type` or `font.uncovered`.
    pub rule: String,
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
    /// What is wrong and what to do, in Chinese.
    pub message: String,
}

impl Diagnostic {
    pub fn error(rule: &str, file: &str, pos: (usize, usize), path: &str, message: String) -> Self {
        Diagnostic {
            rule: rule.to_string(),
            severity: Severity::Error,
            file: file.to_string(),
            line: pos.0,
            column: pos.1,
            path: path.to_string(),
            message,
        }
    }

    pub fn warning(
        rule: &str,
        file: &str,
        pos: (usize, usize),
        path: &str,
        message: String,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(rule, file, pos, path, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        let sev = match self.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        };
        if self.path.is_empty() {
            write!(f, " {sev}[{}]: {}", self.rule, self.message)
        } else {
            write!(f, " {}: {sev}[{}]: {}", self.path, self.rule, self.message)
        }
    }
}

/// A list of findings that stopped an operation.
#[derive(Debug, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

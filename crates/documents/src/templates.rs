//! Tera, set up so that every value reaching Typst is escaped by default.

use serde_json::Value;
use tera::Tera;

/// Whether a line may not break at the space between `before` and `after`: between a figure
/// and its unit (`1600 W`, `100 ℃`, `1 h`), or around a comparison or operator and its figure
/// (`≥ 1.8`, `5 ÷ 8`).
fn keeps_together(before: Option<char>, after: Option<char>) -> bool {
    const OPERATORS: &[char] = &['≥', '≤', '<', '>', '=', '±', '×', '÷', '≈'];
    match (before, after) {
        (Some(b), Some(a)) => {
            (b.is_ascii_digit() && !is_han(a) && !a.is_whitespace() && !a.is_ascii_digit())
                || (OPERATORS.contains(&b) && (a.is_ascii_digit() || a == '-'))
                || (b.is_ascii_digit() && OPERATORS.contains(&a))
        }
        _ => false,
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Escapes text for Typst markup: every ASCII punctuation character is backslash-escaped (so
/// `#`, `*`, `_`, `$`, `[`, `]`, `<`, `>`, `@`, `/`, `\` and the rest print as themselves and
/// can never start code, markup or a comment), and line breaks become Typst line breaks. A
/// space that joins a figure to its unit or an operator to its figure becomes a no-break
/// space, so that `100 ℃` never splits across two lines. A long code (a run of
/// [`BREAKABLE_RUN`] or more non-space ASCII characters: an id, a report number, a standard)
/// may break inside a narrow cell instead of running out of it: after `-`, `/`, `.`, `,` or `+`
/// first, inside a part only when the part alone is too long, and never leaving one character
/// alone on a line; each unbreakable piece is set in a box, the text itself unchanged.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut run = String::new();
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let before = prev;
        prev = Some(c);
        // A line break written as CR LF or CR alone is one line break.
        let c = match c {
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\r' => '\n',
            c => c,
        };
        if c.is_ascii_graphic() {
            run.push(c);
            continue;
        }
        push_run(&run, &mut out);
        run.clear();
        escape_char(c, before, chars.peek().copied(), &mut out);
    }
    push_run(&run, &mut out);
    out
}

/// The alternating-current sign after a volt (`220 V~`, `V~` of a rating): the ASCII tilde
/// sits raised in the text fonts, and so does the Song and Hei fonts' full-width ～; the wave
/// dash (〜, U+301C) is drawn at mid height, as rating plates print the sign.
const AC_SIGN: char = '\u{301C}';

/// A run of non-space ASCII characters, escaped, in breakable pieces when it is long.
fn push_run(run: &str, out: &mut String) {
    let chars: Vec<char> = run.chars().collect();
    let escaped = |piece: &[char], out: &mut String| {
        let mut before = None;
        for &c in piece {
            if c == '~' && matches!(before, Some('V' | 'v')) {
                out.push(AC_SIGN);
            } else {
                escape_char(c, None, None, out);
            }
            before = Some(c);
        }
    };
    if chars.len() < BREAKABLE_RUN {
        escaped(&chars, out);
        return;
    }
    let boxed = |piece: &[char], out: &mut String| {
        out.push_str("#box[");
        escaped(piece, out);
        out.push(']');
    };
    // Parts that end after a separator: JZ- 2023- 001.
    let mut parts: Vec<&[char]> = Vec::new();
    let mut from = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '-' | '/' | '.' | ',' | '+') && i + 1 < chars.len() {
            parts.push(&chars[from..=i]);
            from = i + 1;
        }
    }
    parts.push(&chars[from..]);
    for part in parts {
        if part.len() < 6 {
            boxed(part, out);
        } else {
            // A long part breaks anywhere, its last two characters together.
            let (head, tail) = part.split_at(part.len() - 2);
            for c in head {
                boxed(std::slice::from_ref(c), out);
            }
            boxed(tail, out);
        }
    }
}

/// One character, escaped for markup; `before` and `after` decide whether a space is a
/// no-break space.
fn escape_char(c: char, before: Option<char>, after: Option<char>, out: &mut String) {
    match c {
        ' ' if keeps_together(before, after) => out.push('\u{a0}'),
        '\n' => out.push_str("\\\n"),
        c if c.is_ascii_punctuation() => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

/// A Typst string literal holding `s` exactly, for code positions (`title: "..."`).
pub(crate) fn typst_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What a list of evidence paths holds, in the words of the forms: 照片 2 份, 照片 1 份、视频 1 份,
/// 文件 1 份 (what is neither photo nor video).
fn evidence_count_filter(
    value: &Value,
    _: &std::collections::HashMap<String, Value>,
) -> tera::Result<Value> {
    use spotcheck_input::evidence::{EvidenceKind, evidence_kind};
    let paths: Vec<&str> = value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let count = |k: EvidenceKind| paths.iter().filter(|p| evidence_kind(p) == k).count();
    let parts: Vec<String> = [
        ("照片", count(EvidenceKind::Photo)),
        ("视频", count(EvidenceKind::Video)),
        ("文件", count(EvidenceKind::Other)),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(w, n)| format!("{w}{n}份"))
    .collect();
    Ok(Value::String(parts.join("、")))
}

fn str_filter(value: &Value, _: &std::collections::HashMap<String, Value>) -> tera::Result<Value> {
    let s = match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    Ok(Value::String(typst_string(&s)))
}

/// Runs of this many non-space ASCII characters or more may break inside (see
/// [`escape_markup`]).
const BREAKABLE_RUN: usize = 10;

/// A built-in template: its name and its text, from templates/.
macro_rules! template {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../templates/", $name)))
    };
}

/// Every built-in template, by name, in one list: the documents of the kinds (`Kind::template`
/// names one of them; the two company lists share one), then the documents made of other
/// documents (the volume, the visit pack's route sheet and binding, the archive's 归档文件目录)
/// and the parts other templates include.
const TEMPLATES: &[(&str, &str)] = &[
    template!("notice.typ.tera"),
    template!("sampling-sheet.typ.tera"),
    template!("payment-slip.typ.tera"),
    template!("sealing-notice.typ.tera"),
    template!("refusal-form.typ.tera"),
    template!("no-sample-sheet.typ.tera"),
    template!("feedback-sheet.typ.tera"),
    template!("report.typ.tera"),
    template!("result-notice.typ.tera"),
    template!("confirmation-notice.typ.tera"),
    template!("objection-decision.typ.tera"),
    template!("final-notice.typ.tera"),
    template!("batch-notice.typ.tera"),
    template!("company-list.typ.tera"),
    template!("summary-table.typ.tera"),
    template!("analysis-report.typ.tera"),
    template!("volume.typ.tera"),
    template!("route-sheet.typ.tera"),
    template!("pack.typ.tera"),
    template!("catalogue.typ.tera"),
    // Included by the summary table and the analysis report.
    template!("category-table.typ.tera"),
    // Included by every template made with `form`: the PDF title, the draft mark, the copy
    // and the QR codes.
    template!("doc-args.typ.tera"),
];

/// The templates of the catalog, parsed once.
pub struct Templates {
    tera: Tera,
    /// The digest of every template's name and text, as loaded ([`crate::cache`]).
    pub(crate) fingerprint: [u8; 32],
}

impl Templates {
    pub fn new() -> Result<Templates, String> {
        Templates::load(None)
    }

    /// Every template once, by name (`report.typ.tera`, …), with its built-in text; several
    /// kinds may share one (the two company lists).
    pub(crate) fn builtin() -> Vec<(&'static str, &'static str)> {
        TEMPLATES.to_vec()
    }

    /// The built-in templates, each replaced by the file of the same name in `dir` when there
    /// is one (for working on a template: `spotcheck watch --templates DIR`).
    pub fn load(dir: Option<&std::path::Path>) -> Result<Templates, String> {
        let mut sources: Vec<(&str, String)> = Templates::builtin()
            .into_iter()
            .map(|(n, s)| (n, s.to_string()))
            .collect();
        if let Some(dir) = dir {
            for (name, source) in &mut sources {
                let path = dir.join(name);
                match std::fs::read_to_string(&path) {
                    Ok(s) => *source = s,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(format!("{}: {e}", path.display())),
                }
            }
        }
        let mut tera = Tera::default();
        tera.add_raw_templates(sources.iter().map(|(n, s)| (*n, s.as_str())))
            .map_err(|e| error_chain(&e))?;
        tera.autoescape_on(vec![".typ.tera"]);
        tera.set_escape_fn(escape_markup);
        tera.register_filter("str", str_filter);
        tera.register_filter("evidence_count", evidence_count_filter);
        let mut key = crate::cache::KeyBuilder::new();
        for (name, source) in &sources {
            key.part(name).part(source);
        }
        Ok(Templates {
            tera,
            fingerprint: key.finish(),
        })
    }

    /// Renders `template` with a typed context (a view of [`crate::view`]).
    pub fn render(
        &self,
        template: &str,
        context: &impl serde::Serialize,
    ) -> Result<String, String> {
        let ctx = tera::Context::from_serialize(context).map_err(|e| error_chain(&e))?;
        self.tera
            .render(template, &ctx)
            .map_err(|e| error_chain(&e))
    }
}

/// A Tera error with its causes, on one line.
fn error_chain(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push('：');
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_s_template_is_in_the_one_list_and_every_listed_template_is_used() {
        use spotcheck_input::kinds::CATALOG;
        for k in CATALOG {
            assert!(
                TEMPLATES.iter().any(|(n, _)| *n == k.template),
                "{}: {}",
                k.id,
                k.template
            );
        }
        for (name, source) in TEMPLATES {
            assert!(!source.is_empty(), "{name}");
            let used = CATALOG.iter().any(|k| k.template == *name)
                || TEMPLATES
                    .iter()
                    .any(|(_, s)| s.contains(&format!("include \"{name}\"")))
                || [
                    "volume.typ.tera",
                    "route-sheet.typ.tera",
                    "pack.typ.tera",
                    "catalogue.typ.tera",
                ]
                .contains(name);
            assert!(used, "{name} is used by nothing");
        }
        let mut names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TEMPLATES.len(), "a template listed twice");
    }

    #[test]
    fn a_volt_s_tilde_is_the_alternating_current_sign() {
        assert_eq!(
            escape_markup("220 V~ 50 Hz"),
            "220\u{a0}V\u{301C} 50\u{a0}Hz"
        );
        // A tilde elsewhere is the character written.
        assert_eq!(escape_markup("1~5"), "1\\~5");
    }

    #[test]
    fn markup_escape_backslashes_every_ascii_symbol() {
        assert_eq!(escape_markup("#r(\"/x\")"), "\\#r\\(\\\"\\/x\\\"\\)");
        assert_eq!(escape_markup("a\nb"), "a\\\nb");
        assert_eq!(escape_markup("晋城 1号"), "晋城 1号");
        // Figures keep their units and operators.
        assert_eq!(escape_markup("1600 W"), "1600\u{a0}W");
        assert_eq!(escape_markup("100 ℃"), "100\u{a0}℃");
        assert_eq!(escape_markup("≥ 1.8"), "≥\u{a0}1\\.8");
        assert_eq!(escape_markup("2 件 共 3 件"), "2 件 共 3 件");
        assert_eq!(typst_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }

    #[test]
    fn long_codes_become_breakable_and_stay_escaped() {
        assert_eq!(escape_markup("JZ-2023-1"), "JZ\\-2023\\-1");
        assert_eq!(escape_markup("a\r\nb\rc"), "a\\\nb\\\nc");
        assert_eq!(
            escape_markup("A#B-2023-01"),
            "#box[A\\#B\\-]#box[2023\\-]#box[01]"
        );
        assert_eq!(
            escape_markup("ABCDEFGHIJK"),
            "#box[A]#box[B]#box[C]#box[D]#box[E]#box[F]#box[G]#box[H]#box[I]#box[JK]"
        );
        assert_eq!(escape_markup("晋 2023"), "晋 2023");
    }
}

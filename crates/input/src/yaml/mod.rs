//! Reading one YAML file into a typed value with every error located.
//!
//! serde stops at the first error. To report all of a file's errors at once, the document is
//! first read into a `serde_yaml::Value`; the typed deserialization then runs on that value, and
//! each time it fails at a field, the error is recorded and the offending field removed, until
//! the rest deserializes (most fields are optional, so this finds the independent errors). A
//! second pass of a marked YAML parser maps every field path to its line and column.

use std::collections::HashMap;

use serde_yaml::Value;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError};

mod deserialize;

pub(crate) use deserialize::*;

use crate::width;
use spotcheck_core::diag::{Diagnostic, Rule};
use spotcheck_core::messages::{Message, Msg};
use spotcheck_core::msg;

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Formats a path as written in YAML terms: `visit.samplers[1].name`.
pub(crate) fn path_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    out
}

/// Line and column (1-based) of every node of a document, by field path.
#[derive(Debug, Default, Clone)]
pub struct PosIndex {
    /// Where each node's value starts.
    values: HashMap<String, (usize, usize)>,
    /// Where each mapping key stands.
    keys: HashMap<String, (usize, usize)>,
}

impl PosIndex {
    /// The position of the value at `path`, or of its nearest ancestor that has one.
    pub(crate) fn value_pos(&self, path: &[Seg]) -> (usize, usize) {
        let mut p = path.to_vec();
        loop {
            if let Some(pos) = self.values.get(&path_string(&p)) {
                return *pos;
            }
            if p.pop().is_none() {
                return (1, 1);
            }
        }
    }

    /// The position of the key that names `path`, falling back to the value's.
    pub(crate) fn key_pos(&self, path: &[Seg]) -> (usize, usize) {
        self.keys
            .get(&path_string(path))
            .copied()
            .unwrap_or_else(|| self.value_pos(path))
    }

    /// Whether the document has a node (key or value) at exactly this dotted path.
    pub fn has(&self, path: &str) -> bool {
        self.keys.contains_key(path) || self.values.contains_key(path)
    }

    /// Position of a dotted path (`product.unit_price`, `items[2].verdict`), as check rules
    /// name them.
    pub fn pos_of(&self, path: &str) -> (usize, usize) {
        if let Some(p) = self.keys.get(path).or_else(|| self.values.get(path)) {
            return *p;
        }
        // Walk up to the nearest located ancestor.
        let mut p = path.to_string();
        while let Some(cut) = p.rfind(['.', '[']) {
            p.truncate(cut);
            if let Some(pos) = self.keys.get(&p).or_else(|| self.values.get(&p)) {
                return *pos;
            }
        }
        (1, 1)
    }
}

enum Frame {
    Map { path: Vec<Seg>, key: Option<String> },
    Seq { path: Vec<Seg>, next: usize },
}

#[derive(Default)]
struct Indexer {
    stack: Vec<Frame>,
    index: PosIndex,
    root_seen: bool,
}

impl Indexer {
    /// The path of the node that starts now, advancing the parent's state; `None` for a key.
    fn next_node(&mut self, mark: Marker, scalar: Option<&str>) -> Option<Vec<Seg>> {
        // yaml-rust2 counts lines from 1 and columns from 0.
        let pos = (mark.line(), mark.col() + 1);
        match self.stack.last_mut() {
            None => {
                if self.root_seen {
                    return Some(Vec::new());
                }
                self.root_seen = true;
                self.index.values.insert(String::new(), pos);
                Some(Vec::new())
            }
            Some(Frame::Seq { path, next }) => {
                let mut p = path.clone();
                p.push(Seg::Index(*next));
                *next += 1;
                self.index.values.insert(path_string(&p), pos);
                Some(p)
            }
            Some(Frame::Map { path, key }) => match key.take() {
                None => {
                    // This node is a key.
                    let k = scalar.unwrap_or("?").to_string();
                    let mut p = path.clone();
                    p.push(Seg::Key(k.clone()));
                    self.index.keys.insert(path_string(&p), pos);
                    *key = Some(k);
                    None
                }
                Some(k) => {
                    let mut p = path.clone();
                    p.push(Seg::Key(k));
                    self.index.values.insert(path_string(&p), pos);
                    Some(p)
                }
            },
        }
    }
}

impl MarkedEventReceiver for Indexer {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(ref s, ..) => {
                self.next_node(mark, Some(s));
            }
            Event::Alias(_) => {
                self.next_node(mark, Some("*"));
            }
            Event::MappingStart(..) => {
                // A mapping used as a key is rare; its inner positions go unindexed.
                let path = self.next_node(mark, None).unwrap_or_default();
                self.stack.push(Frame::Map { path, key: None });
            }
            Event::SequenceStart(..) => {
                let path = self.next_node(mark, None).unwrap_or_default();
                self.stack.push(Frame::Seq { path, next: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

/// A parsed YAML document: its value and where each field stands.
#[derive(Debug, Clone)]
pub struct Document {
    pub value: Value,
    pub index: PosIndex,
    /// The text it was read from, to locate characters inside values.
    text: String,
}

/// Decodes the bytes of a YAML file: UTF-8, with an optional BOM.
pub fn decode(file: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = std::str::from_utf8(
                &good[good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)..],
            )
            .map(|s| s.chars().count() + 1)
            .unwrap_or(1);
            Err(Diagnostic::new(
                Rule::YamlEncoding,
                file,
                (line, col),
                "",
                msg!(YamlEncoding),
            ))
        }
    }
}

/// Whether a character may stand in a value: C0 and C1 control characters (other than tab
/// and line breaks) have no glyph and no place on a printed form.
fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The bidirectional formatting characters: invisible, they reorder the printed text, so that
/// the paper reads differently from the data.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Why `s` cannot stand as a value of a case file, if it cannot: a control character or a
/// bidirectional control in it (what the reader refuses in a value).
pub fn refused_in_value(s: &str) -> Option<Message> {
    s.chars()
        .find(|&c| is_refused_control(c) || is_bidi_control(c))
        .map(control_message)
}

fn control_message(c: char) -> Message {
    let code = format!("{:04X}", c as u32);
    if is_bidi_control(c) {
        msg!(YamlBidi, code = code)
    } else {
        msg!(YamlControl, code = code)
    }
}

/// Refuses control characters written directly in the file (line and column of the first).
fn check_raw_controls(file: &str, text: &str) -> Result<(), Diagnostic> {
    for (i, line) in text.split('\n').enumerate() {
        if let Some((col, c)) = line
            .chars()
            .enumerate()
            .find(|&(_, c)| is_refused_control(c))
        {
            return Err(Diagnostic::new(
                Rule::YamlControlChar,
                file,
                (i + 1, col + 1),
                "",
                control_message(c),
            ));
        }
    }
    Ok(())
}

/// Every string value that holds a control character (C0, C1 other than tab and line breaks,
/// or a bidirectional control), located: such values are refused before they reach a form.
pub(crate) fn control_chars(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk_strings(&doc.value, &mut Vec::new(), &mut |path, s| {
        if let Some(c) = s
            .chars()
            .find(|&c| is_refused_control(c) || is_bidi_control(c))
        {
            let at = path_string(path);
            found.push(Diagnostic::new(
                Rule::YamlControlChar,
                file,
                doc.index.value_pos(path),
                &at,
                control_message(c),
            ));
        }
    });
    found
}

/// Calls `f` with the path and text of every string value of a document.
fn walk_strings(v: &Value, path: &mut Vec<Seg>, f: &mut dyn FnMut(&[Seg], &str)) {
    match v {
        Value::String(s) => f(path, s),
        Value::Sequence(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                walk_strings(item, path, f);
                path.pop();
            }
        }
        Value::Mapping(m) => {
            for (k, item) in m {
                let key = match k {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                path.push(Seg::Key(key));
                walk_strings(item, path, f);
                path.pop();
            }
        }
        Value::Tagged(t) => walk_strings(&t.value, path, f),
        _ => {}
    }
}

/// Parses the text of one YAML file. The errors are those of the file as a whole: too large,
/// control characters, empty, field names followed by a full-width colon, a syntax error.
pub fn parse(file: &str, text: &str) -> Result<Document, Vec<Diagnostic>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::new(
            Rule::YamlTooLarge,
            file,
            (1, 1),
            "",
            msg!(YamlTooLarge, size = text.len(), max = MAX_FILE_BYTES),
        )]);
    }
    check_raw_controls(file, text).map_err(|d| vec![d])?;
    // Blank lines and comments only: nothing was written yet.
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(vec![Diagnostic::new(
            Rule::YamlEmpty,
            file,
            (0, 0),
            "",
            msg!(YamlEmpty),
        )]);
    }
    // `place：受检单位成品库` is a plain text to YAML, not a field: the error would come later
    // and elsewhere (a missing field, the next line), so these are refused first, each at its
    // colon.
    let colons = full_width_colons(file, text);
    if !colons.is_empty() {
        return Err(colons);
    }
    // The marked parser supplies positions; serde_yaml below is the judge of syntax, so a
    // disagreement leaves the index partial rather than failing. The one exception is nesting
    // deeper than serde_yaml accepts anyway: it is refused here at once, before serde_yaml
    // would read the whole of deeply nested flow collections, in time quadratic in their depth.
    let mut indexer = Indexer::default();
    let mut too_deep = None;
    let stopped = events(text, |ev, mark| {
        if matches!(ev, Event::MappingStart(..) | Event::SequenceStart(..))
            && indexer.stack.len() >= MAX_DEPTH
        {
            too_deep = Some((mark.line(), mark.col() + 1));
            return false;
        }
        indexer.on_event(ev, mark);
        true
    });
    if let Some(e) = stopped
        && e.info().contains("recursion limit")
    {
        // Flow collections nested beyond the scanner's own limit.
        too_deep = Some((e.marker().line(), e.marker().col() + 1));
    }
    if let Some(pos) = too_deep {
        return Err(vec![Diagnostic::new(
            Rule::YamlSyntax,
            file,
            pos,
            "",
            msg!(YamlTooDeep, max = MAX_DEPTH),
        )]);
    }
    let syntax = |raw: String, pos: (usize, usize)| {
        let (message, pos) = syntax_message(&raw, text, pos);
        vec![Diagnostic::new(Rule::YamlSyntax, file, pos, "", message)]
    };
    let mut value: Value = serde_yaml::from_str(text).map_err(|e| {
        // Errors found while expanding aliases (the repetition limit) carry no position:
        // they are located at the first alias.
        let pos = e
            .location()
            .map_or_else(|| first_alias(text), |l| (l.line(), l.column()));
        syntax(e.to_string(), pos)
    })?;
    value
        .apply_merge()
        .map_err(|e| syntax(e.to_string(), first_alias(text)))?;
    Ok(Document {
        value,
        index: indexer.index,
        text: text.to_string(),
    })
}

/// Case and batch files are a few kilobytes. Far larger input is refused before parsing:
/// reading it would take seconds per pass, and collecting every error makes several passes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Deepest nesting of mappings and sequences read (serde_yaml stops at 128).
const MAX_DEPTH: usize = 100;

/// Feeds the events of the first document to `f`, with their positions, while it returns
/// true. Iterative: `Parser::load` recurses once per level and overflows the stack on
/// deeply nested input.
/// Returns the parser's error, if it stopped on one.
fn events(text: &str, mut f: impl FnMut(Event, Marker) -> bool) -> Option<ScanError> {
    let mut parser = Parser::new_from_str(text);
    loop {
        match parser.next_token() {
            Ok((ev, mark)) => {
                if matches!(ev, Event::DocumentEnd | Event::StreamEnd) || !f(ev, mark) {
                    return None;
                }
            }
            Err(e) => return Some(e),
        }
    }
}

/// Line and column of the document's first alias (`*name`), or of its start.
fn first_alias(text: &str) -> (usize, usize) {
    let mut first = (1, 1);
    let _ = events(text, |ev, mark| {
        if matches!(ev, Event::Alias(_)) {
            first = (mark.line(), mark.col() + 1);
            return false;
        }
        true
    });
    first
}

/// What libyaml was reading when it failed and where that began: the tail `…, while
/// scanning a quoted scalar at line 12 column 10` of some of its errors.
fn syntax_context(raw: &str) -> Option<(usize, usize)> {
    let (_, context) = raw.split_once(", while ")?;
    let (_, at) = context.rsplit_once(" at line ")?;
    let (line, col) = at.split_once(" column ")?;
    Some((line.trim().parse().ok()?, col.trim().parse().ok()?))
}

/// The character at a 1-based line and column.
fn char_at(text: &str, (line, col): (usize, usize)) -> Option<char> {
    text.lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(col.checked_sub(1)?)
}

/// A syntax error of serde_yaml (libyaml's English) as a catalog message, and where to show
/// it. Some problems are reported where libyaml gave up rather than where they are: an
/// unclosed quote at the end of the file, a key without its colon on the next line; these are
/// moved to where what was being read began.
fn syntax_message(raw: &str, text: &str, pos: (usize, usize)) -> (Message, (usize, usize)) {
    let has = |s: &str| raw.contains(s);
    let started = syntax_context(raw).unwrap_or(pos);
    if let Some(key) = between(raw, "duplicate entry with key \"", "\"") {
        return (msg!(YamlDuplicateKey, key = key), pos);
    }
    if has("recursion limit") || has("repetition limit") {
        return (msg!(YamlNesting), pos);
    }
    let (problem, pos) = if has("could not find expected ':'") {
        (Message::new(Msg::YamlProblemColon), started)
    } else if has("quoted scalar") && (has("end of stream") || has("document indicator")) {
        (Message::new(Msg::YamlProblemQuote), started)
    } else if has("escape") || has("hexadecimal") {
        (Message::new(Msg::YamlProblemEscape), pos)
    } else if has("tab character") {
        (Message::new(Msg::YamlTab), pos)
    } else if has("cannot start any token") {
        match char_at(text, pos) {
            Some('\t') | None => (Message::new(Msg::YamlTab), pos),
            Some(c) => (msg!(YamlProblemReserved, ch = c), pos),
        }
    } else if has("mapping values are not allowed") {
        (Message::new(Msg::YamlProblemColonInValue), pos)
    } else if has("expected ',' or ']'") {
        // At the bracket that is not closed.
        (Message::new(Msg::YamlProblemBrackets), started)
    } else if has("expected ',' or '}'") {
        (Message::new(Msg::YamlProblemBraces), started)
    } else if has("expected node content") {
        (Message::new(Msg::YamlProblemNoValue), pos)
    } else if has("anchor") || has("alias") {
        (Message::new(Msg::YamlProblemAnchor), pos)
    } else if has("tag") || has("expected '>'") || has("invalid value") || has("invalid type") {
        // `!x`, `!<x>`, and `!!int x` whose text is no integer.
        (Message::new(Msg::YamlProblemTag), pos)
    } else if has("block scalar") || has("indentation indicator") {
        (Message::new(Msg::YamlProblemBlock), pos)
    } else if has("more than one document") || has("directive") || has("document start") {
        (Message::new(Msg::YamlProblemDocuments), pos)
    } else if has("did not find expected key")
        || has("'-' indicator")
        || has("not allowed in this context")
    {
        (Message::new(Msg::YamlIndent), pos)
    } else {
        (Message::new(Msg::YamlProblemOther), pos)
    };
    // serde_yaml's own words stay in the arguments for programs (JSON), out of the text.
    let detail = raw.split(" at line ").next().unwrap_or(raw);
    (
        msg!(YamlSyntax, problem = problem).arg("detail", detail),
        pos,
    )
}

/// Lines whose field name is followed by a full-width colon (`place：受检单位成品库`) or by a
/// colon and an ideographic space: YAML reads them as text, not as a field. Lines inside block
/// scalars (`notice_body: |`) and comments are passed over; a field name is a lower-case
/// name such as every field of the case and batch files has.
pub(crate) fn full_width_colons(file: &str, text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // The indentation of the line that opened a block scalar, while inside it.
    let mut block: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim_start();
        if let Some(b) = block {
            if content.is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        if content.starts_with('#') {
            continue;
        }
        // Where a field name may begin: after the indentation and any `- `, and after each
        // `{` or `,` of a flow mapping.
        let mut starts = Vec::new();
        let mut body = content;
        while let Some(rest) = body.strip_prefix("- ") {
            body = rest.trim_start_matches(' ');
        }
        let body_at = line.len() - body.len();
        starts.push(body_at);
        if body.starts_with('{') {
            for (j, c) in body.char_indices() {
                if c == '{' || c == ',' {
                    let after = &body[j + 1..];
                    starts.push(body_at + j + 1 + (after.len() - after.trim_start().len()));
                }
            }
        }
        for start in starts {
            let rest = &line[start..];
            let name_len = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(rest.len());
            if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_lowercase()) {
                continue;
            }
            let name = &rest[..name_len];
            let after = rest[name_len..].trim_start_matches([' ', '\t']);
            let (mark, value) = if let Some(v) = after.strip_prefix('\u{FF1A}') {
                ('\u{FF1A}', v)
            } else if let Some(v) = after
                .strip_prefix(':')
                .and_then(|v| v.strip_prefix('\u{3000}'))
            {
                ('\u{3000}', v)
            } else {
                continue;
            };
            let mark_at = line.len() - after.len() + if mark == '\u{3000}' { 1 } else { 0 };
            let col = line[..mark_at].chars().count() + 1;
            let value = value.trim_start_matches([' ', '\t', '\u{3000}']);
            // In a flow mapping the value ends at the next `,` or `}`.
            let value = if start == body_at && !body.starts_with('{') {
                value.trim_end()
            } else {
                value.split([',', '}']).next().unwrap_or("").trim_end()
            };
            let value = if value.chars().count() > 20 {
                format!("{}…", value.chars().take(20).collect::<String>())
            } else {
                value.to_string()
            };
            let fixed = if value.is_empty() {
                format!("{name}:")
            } else {
                format!("{name}: {value}")
            };
            found.push(Diagnostic::new(
                Rule::YamlFullWidth,
                file,
                (i + 1, col),
                "",
                msg!(
                    YamlFullWidthColon,
                    chars = width::full_width_chars(&mark.to_string()),
                    fixed = fixed
                ),
            ));
        }
        let opens_block = opens_block_scalar(content);
        if opens_block {
            block = Some(indent);
        }
    }
    found
}

/// Whether a line (without its indentation) ends in the indicator of a block scalar, `|` or
/// `>` with its optional chomping and indentation indicators, after `key: `, `- ` or alone.
fn opens_block_scalar(content: &str) -> bool {
    let code = content.split(" #").next().unwrap_or(content).trim_end();
    let (before, last) = code.rsplit_once(' ').unwrap_or(("", code));
    let indicator = last.starts_with(['|', '>'])
        && last[1..]
            .chars()
            .all(|c| matches!(c, '+' | '-' | '1'..='9'))
        && last.len() <= 3;
    indicator && (before.is_empty() || before.ends_with(':') || before.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_locates_nested_fields() {
        let text = "a: 1\nb:\n  c: x\n  d:\n    - e: 1\n    - e: 2\n";
        let doc = parse("t.yaml", text).unwrap();
        assert_eq!(doc.index.pos_of("b.c"), (3, 3));
        assert_eq!(
            doc.index.value_pos(&[
                Seg::Key("b".into()),
                Seg::Key("d".into()),
                Seg::Index(1),
                Seg::Key("e".into())
            ]),
            (6, 10)
        );
    }
}

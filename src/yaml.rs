//! Reading one YAML file into a typed value with every error located.
//!
//! serde stops at the first error. To report all of a file's errors at once, the document is
//! first read into a `serde_yaml::Value`; the typed deserialization then runs on that value, and
//! each time it fails at a field, the error is recorded and the offending field removed, until
//! the rest deserializes (most fields are optional, so this finds the independent errors). A
//! second pass of a marked YAML parser maps every field path to its line and column.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_yaml::Value;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError};

use crate::diag::Diagnostic;
use crate::messages::{Message, Msg};
use crate::msg;

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Formats a path as written in YAML terms: `visit.samplers[1].name`.
pub fn path_string(path: &[Seg]) -> String {
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
    pub fn value_pos(&self, path: &[Seg]) -> (usize, usize) {
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
    pub fn key_pos(&self, path: &[Seg]) -> (usize, usize) {
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
            Err(Diagnostic::error(
                "yaml.encoding",
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
            return Err(Diagnostic::error(
                "yaml.control-char",
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
pub fn control_chars(file: &str, doc: &Document) -> Vec<Diagnostic> {
    fn walk(v: &Value, path: &mut Vec<Seg>, f: &mut dyn FnMut(&[Seg], &str)) {
        match v {
            Value::String(s) => f(path, s),
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    walk(item, path, f);
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
                    walk(item, path, f);
                    path.pop();
                }
            }
            Value::Tagged(t) => walk(&t.value, path, f),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(&doc.value, &mut Vec::new(), &mut |path, s| {
        if let Some(c) = s
            .chars()
            .find(|&c| is_refused_control(c) || is_bidi_control(c))
        {
            let at = path_string(path);
            found.push(Diagnostic::error(
                "yaml.control-char",
                file,
                doc.index.value_pos(path),
                &at,
                control_message(c),
            ));
        }
    });
    found
}

/// Parses the text of one YAML file.
pub fn parse(file: &str, text: &str) -> Result<Document, Diagnostic> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            "yaml.too-large",
            file,
            (1, 1),
            "",
            msg!(YamlTooLarge, size = text.len(), max = MAX_FILE_BYTES),
        ));
    }
    check_raw_controls(file, text)?;
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            "yaml.empty",
            file,
            (0, 0),
            "",
            msg!(YamlEmpty),
        ));
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
        return Err(Diagnostic::error(
            "yaml.syntax",
            file,
            pos,
            "",
            msg!(YamlTooDeep, max = MAX_DEPTH),
        ));
    }
    let mut value: Value = serde_yaml::from_str(text).map_err(|e| {
        // Errors found while expanding aliases (the repetition limit) carry no position:
        // they are located at the first alias.
        let pos = e
            .location()
            .map_or_else(|| first_alias(text), |l| (l.line(), l.column()));
        Diagnostic::error("yaml.syntax", file, pos, "", syntax_message(&e.to_string()))
    })?;
    value.apply_merge().map_err(|e| {
        Diagnostic::error(
            "yaml.syntax",
            file,
            first_alias(text),
            "",
            syntax_message(&e.to_string()),
        )
    })?;
    Ok(Document {
        value,
        index: indexer.index,
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

fn syntax_message(raw: &str) -> Message {
    let raw = raw.split(" at line ").next().unwrap_or(raw);
    let id = if raw.contains("duplicate entry") {
        Msg::YamlDuplicateKey
    } else if raw.contains("tab") || raw.contains("found character that cannot start any token") {
        Msg::YamlTab
    } else if raw.contains("recursion limit") || raw.contains("repetition limit") {
        Msg::YamlNesting
    } else if raw.contains("did not find expected")
        || raw.contains("mapping values are not allowed")
    {
        Msg::YamlIndent
    } else {
        Msg::YamlSyntax
    };
    Message::new(id).arg("detail", raw)
}

/// Deserializes a parsed document into `T`, collecting every independent error.
pub fn deserialize_all<T: DeserializeOwned>(
    file: &str,
    doc: &Document,
) -> Result<T, Vec<Diagnostic>> {
    let mut value = doc.value.clone();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut removed: Vec<Vec<Seg>> = Vec::new();
    // Allowed names seen in "expected one of" messages, by path: placeholders for enums.
    let mut allowed: HashMap<Vec<Seg>, Vec<String>> = HashMap::new();
    for _ in 0..200 {
        let err = match serde_path_to_error::deserialize::<_, T>(value.clone()) {
            Ok(t) if errors.is_empty() => return Ok(t),
            Ok(_) => return Err(errors),
            Err(e) => e,
        };
        let (path, raw) = split_error(&err);

        if let Some(field) = between(&raw, "missing field `", "`") {
            let mut full = path.clone();
            full.push(Seg::Key(field.to_string()));
            if removed.contains(&full) {
                // A required field that was removed because it was wrong: put a placeholder
                // of a type that fits, so that the rest of the file is still checked. Its own
                // error has been reported already.
                if placeholder::<T>(&mut value, &full, allowed.get(&full)) {
                    continue;
                }
                return Err(errors);
            }
            errors.push(Diagnostic::error(
                "yaml.missing",
                file,
                doc.index.value_pos(&path),
                &path_string(&path),
                msg!(YamlMissing, field = field),
            ));
            if placeholder::<T>(&mut value, &full, None) {
                removed.push(full);
                continue;
            }
            return Err(errors);
        }

        if let Some(field) = between(&raw, "unknown field `", "`") {
            let mut full = path.clone();
            if full.last() != Some(&Seg::Key(field.to_string())) {
                full.push(Seg::Key(field.to_string()));
            }
            let expected = expected_names(&raw);
            let message = expected
                .iter()
                .map(|e| (strsim::jaro_winkler(field, e), e))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, e)| msg!(YamlUnknownFieldLike, field = field, like = e))
                .unwrap_or_else(|| {
                    if expected.is_empty() {
                        msg!(YamlUnknownFieldNone, field = field)
                    } else {
                        msg!(YamlUnknownField, field = field, expected = expected.clone())
                    }
                });
            errors.push(Diagnostic::error(
                "yaml.unknown-field",
                file,
                doc.index.key_pos(&full),
                &path_string(&full),
                message,
            ));
            if !remove(&mut value, &full) {
                return Err(errors);
            }
            removed.push(full);
            continue;
        }

        if removed.contains(&path) {
            // A placeholder that does not fit after all: give up on the enclosing node.
            let parent = &path[..path.len().saturating_sub(1)];
            if parent.is_empty() || !remove(&mut value, parent) {
                return Err(errors);
            }
            removed.push(parent.to_vec());
            continue;
        }
        if raw.contains("unknown variant") {
            allowed.insert(path.clone(), expected_names(&raw));
        }
        errors.push(Diagnostic::error(
            "yaml.type",
            file,
            doc.index.value_pos(&path),
            &path_string(&path),
            value_message(&raw),
        ));
        if path.is_empty() || !remove(&mut value, &path) {
            return Err(errors);
        }
        removed.push(path);
    }
    Err(errors)
}

/// The error's field path and its message without serde_yaml's position suffix.
fn split_error(err: &serde_path_to_error::Error<serde_yaml::Error>) -> (Vec<Seg>, String) {
    let path = err
        .path()
        .iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
            _ => None,
        })
        .collect();
    let raw = err.inner().to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    (path, raw)
}

/// Puts at `path` the first placeholder value under which deserialization no longer fails
/// at `path`; returns whether one was found.
fn placeholder<T: DeserializeOwned>(
    value: &mut Value,
    path: &[Seg],
    allowed: Option<&Vec<String>>,
) -> bool {
    let mut candidates: Vec<Value> = allowed
        .into_iter()
        .flatten()
        .map(|s| Value::String(s.clone()))
        .collect();
    candidates.extend([
        Value::String("1970-01-01".into()),
        Value::Number(0.into()),
        Value::Bool(false),
        Value::Sequence(Vec::new()),
        Value::Mapping(Default::default()),
        Value::String(String::new()),
    ]);
    for candidate in candidates {
        let mut trial = value.clone();
        if !insert(&mut trial, path, candidate) {
            return false;
        }
        let fits = match serde_path_to_error::deserialize::<_, T>(trial.clone()) {
            Ok(_) => true,
            Err(e) => {
                let (p, raw) = split_error(&e);
                let missing_here = between(&raw, "missing field `", "`").is_some_and(|f| {
                    path.split_last().is_some_and(|(last, parent)| {
                        parent == p.as_slice() && *last == Seg::Key(f.to_string())
                    })
                });
                !(p.as_slice() == path || missing_here)
            }
        };
        if fits {
            *value = trial;
            return true;
        }
    }
    false
}

/// Sets the mapping entry at `path` (its parent must exist).
fn insert(value: &mut Value, path: &[Seg], new: Value) -> bool {
    let Some((Seg::Key(last), parent_path)) = path.split_last() else {
        return false;
    };
    let Some(parent) = node_mut(value, parent_path) else {
        return false;
    };
    match parent {
        Value::Mapping(m) => {
            m.insert(Value::String(last.clone()), new);
            true
        }
        _ => false,
    }
}

fn node_mut<'a>(value: &'a mut Value, path: &[Seg]) -> Option<&'a mut Value> {
    let mut cur = value;
    for seg in path {
        cur = match (seg, cur) {
            (Seg::Key(k), Value::Mapping(m)) => m.get_mut(k.as_str())?,
            (Seg::Index(i), Value::Sequence(s)) => s.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

/// The names listed in serde's "expected one of `a`, `b`" tail.
fn expected_names(raw: &str) -> Vec<String> {
    let Some(i) = raw.find("expected") else {
        return Vec::new();
    };
    raw[i..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Turns serde's English wording into a sentence a clerk can act on.
fn value_message(raw: &str) -> Message {
    if let Some(variant) = between(raw, "unknown variant `", "`") {
        let allowed = expected_names(raw);
        return msg!(YamlVariant, value = variant, allowed = allowed);
    }
    if let Some(m) = crate::model::MoneyError::from_serde(raw) {
        return msg!(YamlInvalid, detail = m.message());
    }
    if raw.starts_with("invalid type") {
        let (found, expected) = raw
            .trim_start_matches("invalid type: ")
            .split_once(", expected ")
            .unwrap_or((raw, ""));
        let hint = if expected.contains("string")
            && (found.starts_with("integer") || found.starts_with("floating"))
        {
            Msg::YamlHintQuote
        } else if expected.contains("NaiveDate") || expected.contains("date") {
            Msg::YamlHintDate
        } else if expected.contains("u32") || expected.contains("integer") {
            Msg::YamlHintInteger
        } else if expected.contains("bool") {
            Msg::YamlHintBool
        } else if expected.contains("sequence") {
            Msg::YamlHintList
        } else if expected.contains("struct") || expected.contains("map") {
            Msg::YamlHintSection
        } else {
            Msg::YamlHintNone
        };
        return msg!(YamlType, found = found, expected = expected, hint = hint);
    }
    if raw.contains("input contains invalid characters")
        || raw.contains("premature end of input")
        || raw.contains("input is out of range")
    {
        return msg!(YamlBadDate, detail = raw);
    }
    msg!(YamlInvalid, detail = raw)
}

/// Removes the node at `path`; returns whether something was removed.
fn remove(value: &mut Value, path: &[Seg]) -> bool {
    let Some((last, parent_path)) = path.split_last() else {
        return false;
    };
    match (last, node_mut(value, parent_path)) {
        (Seg::Key(k), Some(Value::Mapping(m))) => m.remove(k.as_str()).is_some(),
        (Seg::Index(i), Some(Value::Sequence(s))) if *i < s.len() => {
            // Keep the indices of later elements stable for their own messages.
            s[*i] = Value::Null;
            true
        }
        _ => false,
    }
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

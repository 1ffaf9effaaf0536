//! Deserializing a read document into its type with every independent error: each failure
//! recorded, the offending field removed (or a placeholder put in) and the rest tried again;
//! serde's, chrono's and libyaml's English said again as catalog ids with arguments.

use serde::de::DeserializeOwned;
use serde_yaml::Value;

use super::*;

/// Deserializes a parsed document into `T`, collecting every independent error.
pub(crate) fn deserialize_all<T: DeserializeOwned>(
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
            errors.push(Diagnostic::new(
                Rule::YamlMissing,
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
            let fixed = width::to_half_width(field).trim().to_string();
            if width::has_full_width(field) && expected.contains(&fixed) {
                // `ｄａｔｅ:`, or a name indented with an ideographic space.
                let at = full_width_pos(&doc.text, doc.index.key_pos(&full));
                errors.push(Diagnostic::new(
                    Rule::YamlFullWidth,
                    file,
                    at,
                    &path_string(&full),
                    msg!(
                        YamlFullWidthName,
                        field = field,
                        chars = width::full_width_chars(field),
                        fixed = &fixed
                    ),
                ));
                if !remove(&mut value, &full) {
                    return Err(errors);
                }
                // The field it stands for is then missing: not another error.
                let mut meant = full.clone();
                meant.pop();
                meant.push(Seg::Key(fixed));
                removed.push(full);
                removed.push(meant);
                continue;
            }
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
            errors.push(Diagnostic::new(
                Rule::YamlUnknownField,
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
        let node = node(&value, &path);
        let found = match node {
            Some(Value::String(s)) if width::has_full_width(s) => Diagnostic::new(
                Rule::YamlFullWidth,
                file,
                full_width_pos(&doc.text, doc.index.value_pos(&path)),
                &path_string(&path),
                full_width_message::<T>(&value, &path, s),
            ),
            _ => Diagnostic::new(
                Rule::YamlType,
                file,
                doc.index.value_pos(&path),
                &path_string(&path),
                value_message(&raw, &path, node),
            ),
        };
        errors.push(found);
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

fn node<'a>(value: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let mut cur = value;
    for seg in path {
        cur = match (seg, cur) {
            (Seg::Key(k), Value::Mapping(m)) => m.get(k.as_str())?,
            (Seg::Index(i), Value::Sequence(s)) => s.get(*i)?,
            _ => return None,
        };
    }
    Some(cur)
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

pub(super) fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
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

/// Where the first full-width character of a value or key starting at `from` stands (the
/// value's own position when there is none within a few lines).
fn full_width_pos(text: &str, from: (usize, usize)) -> (usize, usize) {
    for (i, line) in text
        .lines()
        .enumerate()
        .skip(from.0.saturating_sub(1))
        .take(20)
    {
        let skip = if i + 1 == from.0 {
            from.1.saturating_sub(1)
        } else {
            0
        };
        if let Some(col) = line
            .chars()
            .enumerate()
            .skip(skip)
            .find(|&(_, c)| width::is_full_width(c))
            .map(|(col, _)| col + 1)
        {
            return (i + 1, col);
        }
    }
    from
}

/// Values shorter than this are given whole, corrected, in a full-width message.
const SHORT_VALUE: usize = 40;

/// The message for a value that fails because of full-width characters: the characters, and
/// the half-width value when that is what the field takes; when the half-width value would
/// still be wrong, what is wrong with it too.
fn full_width_message<T: DeserializeOwned>(value: &Value, path: &[Seg], s: &str) -> Message {
    let chars = width::full_width_chars(s);
    let fixed = width::to_half_width(s).trim().to_string();
    if fixed.chars().count() > SHORT_VALUE {
        return msg!(YamlFullWidthLong, chars = chars);
    }
    // The half-width text read as YAML reads it (`2` a number, `true` a boolean).
    let half = match serde_yaml::from_str::<Value>(&fixed) {
        Ok(v @ (Value::Number(_) | Value::Bool(_) | Value::String(_))) => v,
        _ => Value::String(fixed.clone()),
    };
    let mut trial = value.clone();
    let still = match node_mut(&mut trial, path) {
        Some(slot) => {
            *slot = half.clone();
            match serde_path_to_error::deserialize::<_, T>(trial) {
                Err(e) => {
                    let (p, raw) = split_error(&e);
                    (p.as_slice() == path).then_some(raw)
                }
                Ok(_) => None,
            }
        }
        None => None,
    };
    match still {
        None => msg!(YamlFullWidth, value = s, chars = chars, fixed = fixed),
        Some(raw) => msg!(
            YamlFullWidthThen,
            value = s,
            chars = chars,
            fixed = fixed,
            problem = value_message(&raw, path, Some(&half))
        ),
    }
}

/// String fields whose values are codes written in ASCII only, by field name: full-width
/// characters in them are refused while reading (the credit code has its own rule in `check`).
const ASCII_FIELDS: &[&str] = &["id", "postcode", "phone", "tracking_no"];

/// Every value of an ASCII-only field ([`ASCII_FIELDS`]) that holds full-width characters,
/// located at the first of them, with the half-width value.
pub(crate) fn full_width_values(file: &str, doc: &Document) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk_strings(&doc.value, &mut Vec::new(), &mut |path, s| {
        let ascii_field =
            matches!(path.last(), Some(Seg::Key(k)) if ASCII_FIELDS.contains(&k.as_str()));
        if !ascii_field || !width::has_full_width(s) {
            return;
        }
        let chars = width::full_width_chars(s);
        let fixed = width::to_half_width(s).trim().to_string();
        let message = if fixed.chars().count() > SHORT_VALUE {
            msg!(YamlFullWidthLong, chars = chars)
        } else {
            msg!(YamlFullWidth, value = s, chars = chars, fixed = fixed)
        };
        found.push(Diagnostic::new(
            Rule::YamlFullWidth,
            file,
            full_width_pos(&doc.text, doc.index.value_pos(path)),
            &path_string(path),
            message,
        ));
    });
    found
}

/// An example value that fits a field, by the field's name, as it is written in YAML (text
/// that looks like a number in quotes): for the hints of type errors.
pub(crate) fn field_example(key: &str) -> Option<&'static str> {
    let date = key == "date"
        || key.ends_with("_on")
        || key.ends_with("_deadline")
        || matches!(
            key,
            "sampling_start" | "sampling_end" | "notice_valid_until" | "tested_from" | "tested_to"
        );
    let count = key == "lots"
        || key == "min_samplers"
        || key.ends_with("_quantity")
        || key.ends_with("_days");
    Some(match key {
        "postcode" => "\"123456\"",
        "phone" => "\"0123-4567890\"",
        "credit_code" => "\"91000000123456789X\"",
        "tracking_no" => "\"1234567890123\"",
        "report_no" => "\"20250001\"",
        "unit_price" | "total" | "party_fee" => "185.00",
        _ if date => DATE_EXAMPLE,
        _ if count => "2",
        _ => return None,
    })
}

/// How a date is written.
const DATE_EXAMPLE: &str = "2025-03-02";

/// The last field name of a path (`seals.numbers[1]` → `numbers`).
fn last_key(path: &[Seg]) -> &str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .unwrap_or("")
}

/// What serde says it found (`floating point \`24.1\``), as a message; the value as written
/// in the file when it is text.
fn found_message(found: &str, node: Option<&Value>) -> Message {
    let literal = between(found, "`", "`").unwrap_or("");
    if found.starts_with("boolean") {
        msg!(YamlFoundBool, value = literal)
    } else if found.starts_with("integer") {
        msg!(YamlFoundInteger, value = literal)
    } else if found.starts_with("floating point") {
        msg!(YamlFoundFloat, value = literal)
    } else if found.starts_with("string") || found.starts_with("character") {
        let text = match node {
            Some(Value::String(s)) => s.clone(),
            _ => found
                .split_once(' ')
                .map_or("", |(_, v)| v)
                .trim_matches(['"', '`'])
                .to_string(),
        };
        msg!(YamlFoundText, value = text)
    } else if found == "unit value" {
        Message::new(Msg::YamlFoundEmpty)
    } else if found == "sequence" {
        Message::new(Msg::YamlFoundList)
    } else if found == "map" {
        Message::new(Msg::YamlFoundSection)
    } else if found == "enum" {
        Message::new(Msg::YamlFoundTagged)
    } else {
        Message::new(Msg::YamlFoundOther)
    }
}

/// What serde says it expected (`a string`, `u32`, `struct Visit`, `a formatted date string`),
/// as a catalog id.
fn expected_id(expected: &str) -> Msg {
    let e = expected.trim();
    if e.contains("amount") {
        Msg::YamlExpAmount
    } else if e.contains("date") {
        Msg::YamlExpDate
    } else if matches!(e, "u8" | "u16" | "u32" | "u64" | "u128" | "usize") {
        Msg::YamlExpCount
    } else if matches!(e, "i8" | "i16" | "i32" | "i64" | "i128" | "isize") || e.contains("integer")
    {
        Msg::YamlExpInteger
    } else if matches!(e, "f32" | "f64") {
        Msg::YamlExpNumber
    } else if e.contains("bool") {
        Msg::YamlExpBool
    } else if e.contains("string") || e == "a character" || e == "char" {
        Msg::YamlExpText
    } else if e.contains("sequence") {
        Msg::YamlExpList
    } else if e.contains("field identifier") {
        Msg::YamlExpField
    } else if e.contains("enum") || e.contains("variant") {
        Msg::YamlExpVariant
    } else if e.starts_with("struct") || e.contains("map") {
        Msg::YamlExpSection
    } else {
        Msg::YamlExpOther
    }
}

/// The hint that follows a type error: how to write what is expected here, with an example
/// that fits the field ([`field_example`]); for text that YAML read as a number, the clerk's
/// own value in quotes when the field has no example of its own.
fn type_hint(found: &str, expected: Msg, key: &str) -> Message {
    let example = field_example(key);
    let literal = between(found, "`", "`");
    let number_like = found.starts_with("integer")
        || found.starts_with("floating point")
        || found.starts_with("boolean");
    match expected {
        Msg::YamlExpText if number_like => {
            match example
                .map(str::to_string)
                .or(literal.map(|l| format!("\"{l}\"")))
            {
                Some(e) => msg!(YamlHintQuote, example = e),
                None => Message::new(Msg::YamlHintQuotePlain),
            }
        }
        Msg::YamlExpText if found == "sequence" || found == "map" => {
            Message::new(Msg::YamlHintBrackets)
        }
        Msg::YamlExpDate => msg!(YamlHintDate, example = DATE_EXAMPLE),
        Msg::YamlExpCount | Msg::YamlExpInteger => {
            let e = example.filter(|e| e.bytes().all(|b| b.is_ascii_digit()));
            msg!(YamlHintInteger, example = e.unwrap_or("2"))
        }
        Msg::YamlExpAmount => msg!(YamlHintAmount, example = "185.00"),
        Msg::YamlExpBool => Message::new(Msg::YamlHintBool),
        Msg::YamlExpList => Message::new(Msg::YamlHintList),
        Msg::YamlExpSection => Message::new(Msg::YamlHintSection),
        _ => Message::new(Msg::YamlHintNone),
    }
}

/// Why chrono refused a date, from its English.
fn date_reason(raw: &str) -> Option<Msg> {
    Some(if raw.contains("input contains invalid characters") {
        Msg::YamlDateChars
    } else if raw.contains("premature end of input") || raw.contains("not enough") {
        Msg::YamlDateShort
    } else if raw.contains("input is out of range") {
        Msg::YamlDateRange
    } else if raw.contains("trailing input") {
        Msg::YamlDateTrailing
    } else if raw.contains("no possible date") || raw.contains("impossible") {
        Msg::YamlDateImpossible
    } else if raw.contains("bad or unsupported format") {
        Msg::YamlDateOther
    } else {
        return None;
    })
}

/// Turns serde's (and chrono's) English into a catalog message a clerk can act on; serde's own
/// words go into the arguments only (`detail`, for programs), never into the text.
fn value_message(raw: &str, path: &[Seg], node: Option<&Value>) -> Message {
    let key = last_key(path);
    if let Some(variant) = between(raw, "unknown variant `", "`") {
        let allowed = expected_names(raw);
        return msg!(YamlVariant, value = variant, allowed = allowed);
    }
    if let Some(m) = crate::money::MoneyError::from_serde(raw) {
        return msg!(YamlInvalid, detail = m.message());
    }
    let typed = [
        ("invalid type: ", Msg::YamlType),
        ("invalid value: ", Msg::YamlInvalidValue),
    ];
    for (prefix, id) in typed {
        if let Some(rest) = raw.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let expected = expected_id(expected);
            let hint = type_hint(found, expected, key);
            if found == "unit value" {
                return msg!(YamlNoValue, expected = expected, hint = hint);
            }
            return Message::new(id)
                .arg("found", found_message(found, node))
                .arg("expected", expected)
                .arg("hint", hint);
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid length ") {
        let (len, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return msg!(
            YamlInvalidLength,
            len = len,
            expected = expected_id(expected)
        );
    }
    if let Some(reason) = date_reason(raw) {
        let value = match node {
            Some(Value::String(s)) => s.clone(),
            Some(other) => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
            None => String::new(),
        };
        return msg!(
            YamlBadDate,
            value = value,
            reason = reason,
            example = DATE_EXAMPLE
        );
    }
    msg!(YamlUnrecognized).arg("detail", raw)
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

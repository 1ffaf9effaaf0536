//! The case form, generated from the case JSON Schema (`scaffold::case_schema`): every field
//! with its Chinese title and description, sections by stage; a posted form turned back into
//! a case file in its canonical form.
//!
//! Field names are the YAML paths with `.` between keys and list indexes:
//! `party.credit_code`, `visit.samplers.0.name`, `seals.numbers.1`. A finding's path
//! (`visit.samplers[1].name`) is written the same way to find its field ([`field_of_path`]).

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use serde_json::Value;

use super::html_escape as esc;
use spotcheck_core::messages::Lang;
use spotcheck_input::scaffold;

/// What kind of input a field is.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    Text,
    Date,
    Money,
    Integer,
    Number,
    Bool,
    /// The allowed values and their descriptions.
    Choice(Vec<(String, String)>),
}

/// One node of the form.
#[derive(Debug, Clone)]
pub enum Node {
    /// A value: its path pattern (`*` for a list index), title, description, input.
    Field(Spec),
    /// An object: a fieldset of its properties.
    Group {
        path: String,
        title: String,
        desc: String,
        children: Vec<Node>,
    },
    /// A list of objects (`visit.samplers`) or of values (`evidence`).
    List {
        path: String,
        title: String,
        desc: String,
        item: Box<Node>,
    },
}

#[derive(Debug, Clone)]
pub struct Spec {
    pub path: String,
    pub title: String,
    pub desc: String,
    pub input: Input,
}

/// The sections of the form: id, words key, which outcomes show it (empty: always), and the
/// top-level properties in it.
pub(crate) const SECTIONS: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "general",
        "sec_general",
        &[],
        &["id", "category", "domain", "lab", "outcome", "recheck"],
    ),
    (
        "visit",
        "sec_visit",
        &[],
        &[
            "visit",
            "party",
            "online",
            "manufacturer",
            "signing",
            "evidence",
        ],
    ),
    (
        "sampled",
        "sec_sampled",
        &["sampled"],
        &["product", "seals", "payment", "disposal"],
    ),
    ("refused", "sec_refused", &["refused"], &["refusal"]),
    (
        "not_sampled",
        "sec_not_sampled",
        &["not_sampled"],
        &["not_sampled"],
    ),
    (
        "tested",
        "sec_tested",
        &["sampled"],
        &[
            "confirmation",
            "inspection",
            "delivery",
            "objection",
            "ecqs",
            "followup",
        ],
    ),
];

/// The form of a case: the top-level nodes by name, and every field by path pattern.
pub(crate) struct CaseForm {
    pub top: BTreeMap<String, Node>,
    pub fields: HashMap<String, Spec>,
}

/// The form, built once from the schema.
pub(crate) static FORM: LazyLock<CaseForm> = LazyLock::new(|| {
    let schema = scaffold::case_schema();
    let order = example_order();
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    let mut top = BTreeMap::new();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, v) in props {
            top.insert(name.clone(), node(name, v, &defs, &order));
        }
    }
    let mut fields = HashMap::new();
    for n in top.values() {
        collect(n, &mut fields);
    }
    CaseForm { top, fields }
});

/// Every property of a JSON Schema with its title, by path (`visit.samplers.*.name`).
pub(crate) fn titles(schema: &Value) -> Vec<(String, String)> {
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    let order = HashMap::new();
    let mut out = Vec::new();
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (name, v) in props {
            super::plain::walk_titles(&node(name, v, &defs, &order), &mut out);
        }
    }
    out
}

fn collect(n: &Node, out: &mut HashMap<String, Spec>) {
    match n {
        Node::Field(s) => {
            out.insert(s.path.clone(), s.clone());
        }
        Node::Group { children, .. } => children.iter().for_each(|c| collect(c, out)),
        Node::List { item, .. } => collect(item, out),
    }
}

/// The order of fields as the example cases write them: path pattern → first position.
fn example_order() -> HashMap<String, usize> {
    fn walk(v: &serde_yaml::Value, path: &str, out: &mut HashMap<String, usize>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    let Some(k) = k.as_str() else { continue };
                    let p = join(path, k);
                    let n = out.len();
                    out.entry(p.clone()).or_insert(n);
                    walk(v, &p, out);
                }
            }
            serde_yaml::Value::Sequence(s) => {
                for v in s {
                    walk(v, &join(path, "*"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = HashMap::new();
    for text in scaffold::example_cases() {
        if let Ok(v) = serde_yaml::from_str::<serde_yaml::Value>(text) {
            walk(&v, "", &mut out);
        }
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn text_of(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// `v` with its `$ref` or `anyOf [X, null]` followed, the outer title and description kept.
fn resolve(v: &Value, defs: &Value) -> (Value, Option<String>) {
    let mut v = v.clone();
    let mut reference = None;
    for _ in 0..4 {
        let inner = if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or("").to_string();
            reference = Some(name.clone());
            defs.get(&name).cloned()
        } else if let Some(any) = v.get("anyOf").and_then(Value::as_array) {
            any.iter()
                .find(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                .cloned()
        } else {
            None
        };
        let Some(mut inner) = inner else { break };
        if reference.as_deref() == Some("Money") {
            break;
        }
        if let (Some(obj), Some(outer)) = (inner.as_object_mut(), v.as_object()) {
            for k in ["title", "description"] {
                if let Some(t) = outer.get(k) {
                    obj.insert(k.to_string(), t.clone());
                }
            }
        }
        v = inner;
    }
    (v, reference)
}

fn types(v: &Value) -> Vec<String> {
    match v.get("type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn node(path: &str, v: &Value, defs: &Value, order: &HashMap<String, usize>) -> Node {
    let (r, reference) = resolve(v, defs);
    let title = {
        let t = text_of(&r, "title");
        if t.is_empty() {
            text_of(&r, "description")
                .trim_end_matches('。')
                .to_string()
        } else {
            t
        }
    };
    // A description that only says the title again is not shown twice.
    let desc = Some(text_of(&r, "description"))
        .filter(|d| d.trim_end_matches('。') != title)
        .unwrap_or_default();
    let ty = types(&r);
    if reference.as_deref() == Some("Money") {
        return Node::Field(Spec {
            path: path.to_string(),
            title,
            desc,
            input: Input::Money,
        });
    }
    // A choice: `oneOf` of constants with their descriptions, or a plain `enum`.
    let choices: Option<Vec<(String, String)>> =
        if let Some(one) = r.get("oneOf").and_then(Value::as_array) {
            Some(
                one.iter()
                    .filter_map(|c| {
                        Some((
                            c.get("const")?.as_str()?.to_string(),
                            text_of(c, "description").trim_end_matches('。').to_string(),
                        ))
                    })
                    .collect(),
            )
        } else {
            r.get("enum").and_then(Value::as_array).map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .map(|s| (s.to_string(), s.to_string()))
                    .collect()
            })
        };
    if let Some(choices) = choices {
        return Node::Field(Spec {
            path: path.to_string(),
            title,
            desc,
            input: Input::Choice(choices),
        });
    }
    if ty.iter().any(|t| t == "object") {
        let mut children: Vec<(usize, String, Node)> = Vec::new();
        if let Some(props) = r.get("properties").and_then(Value::as_object) {
            for (k, pv) in props {
                let p = join(path, k);
                let at = order.get(&p).copied().unwrap_or(usize::MAX);
                children.push((at, k.clone(), node(&p, pv, defs, order)));
            }
        }
        children.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        return Node::Group {
            path: path.to_string(),
            title,
            desc,
            children: children.into_iter().map(|c| c.2).collect(),
        };
    }
    if ty.iter().any(|t| t == "array") {
        let items = r.get("items").cloned().unwrap_or(Value::Null);
        let item = node(&join(path, "*"), &items, defs, order);
        return Node::List {
            path: path.to_string(),
            title,
            desc,
            item: Box::new(item),
        };
    }
    let input = if ty.iter().any(|t| t == "boolean") {
        Input::Bool
    } else if ty.iter().any(|t| t == "integer") {
        Input::Integer
    } else if ty.iter().any(|t| t == "number") {
        Input::Number
    } else if r.get("format").and_then(Value::as_str) == Some("date") {
        Input::Date
    } else {
        Input::Text
    };
    Node::Field(Spec {
        path: path.to_string(),
        title,
        desc,
        input,
    })
}

/// The pattern of a field name: list indexes as `*` (`visit.samplers.0.name` →
/// `visit.samplers.*.name`), or `None` when a part is empty or an index is too large.
pub(crate) fn pattern_of(name: &str) -> Option<String> {
    let mut parts = Vec::new();
    for p in name.split('.') {
        if p.is_empty() {
            return None;
        }
        if p.bytes().all(|b| b.is_ascii_digit()) {
            if p.len() > 3 {
                return None;
            }
            parts.push("*");
        } else {
            parts.push(p);
        }
    }
    Some(parts.join("."))
}

/// Every value of a case (its JSON) by the name of its field in the form
/// (`visit.samplers.0.name` → `王明`), as the form shows it.
pub(crate) fn fields_of(value: &Value) -> BTreeMap<String, String> {
    fn walk(v: &Value, name: &str, out: &mut BTreeMap<String, String>) {
        match v {
            Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, &join(name, k), out)),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, &join(name, &i.to_string()), out)),
            Value::String(s) => {
                out.insert(name.to_string(), s.clone());
            }
            Value::Number(n) => {
                out.insert(name.to_string(), n.to_string());
            }
            Value::Bool(b) => {
                out.insert(name.to_string(), b.to_string());
            }
            Value::Null => {}
        }
    }
    let mut out = BTreeMap::new();
    walk(value, "", &mut out);
    out
}

/// A finding's YAML path as a field name: `visit.samplers[1].name` → `visit.samplers.1.name`.
pub(crate) fn field_of_path(path: &str) -> String {
    path.replace('[', ".").replace(']', "")
}

// -- the posted form → a value ------------------------------------------------------------

/// Why a posted form cannot be used.
#[derive(Debug)]
pub(crate) struct BadForm(pub String);

enum Tree {
    Leaf(Value),
    Map(BTreeMap<String, Tree>),
    List(BTreeMap<usize, Tree>),
}

impl Tree {
    fn into_value(self) -> Option<Value> {
        match self {
            Tree::Leaf(v) => Some(v),
            Tree::Map(m) => {
                let obj: serde_json::Map<String, Value> = m
                    .into_iter()
                    .filter_map(|(k, t)| t.into_value().map(|v| (k, v)))
                    .collect();
                (!obj.is_empty()).then_some(Value::Object(obj))
            }
            Tree::List(l) => {
                let items: Vec<Value> = l.into_values().filter_map(Tree::into_value).collect();
                (!items.is_empty()).then_some(Value::Array(items))
            }
        }
    }
}

/// The value a posted form describes: every non-empty field at its path, typed by its input
/// (a number that does not read as one stays text, for the reader to report where it is);
/// empty fields, items and sections left out. Names starting with `_` are the form's own.
pub(crate) fn value_of_form(pairs: &[(String, String)]) -> Result<Value, BadForm> {
    let form = &*FORM;
    let mut root = Tree::Map(BTreeMap::new());
    for (name, raw) in pairs {
        if name.starts_with('_') {
            continue;
        }
        let spec = pattern_of(name)
            .and_then(|p| form.fields.get(&p))
            .ok_or_else(|| BadForm(name.clone()))?;
        let raw = raw.replace("\r\n", "\n");
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let value = match &spec.input {
            Input::Bool => match trimmed {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => return Err(BadForm(name.clone())),
            },
            Input::Integer => trimmed
                .parse::<i64>()
                .map_or_else(|_| Value::String(trimmed.to_string()), Value::from),
            Input::Number => trimmed
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Value::String(trimmed.to_string()), Value::Number),
            Input::Text => Value::String(raw.trim_end().to_string()),
            _ => Value::String(trimmed.to_string()),
        };
        insert(&mut root, name, value).map_err(|()| BadForm(name.clone()))?;
    }
    Ok(root
        .into_value()
        .unwrap_or(Value::Object(Default::default())))
}

fn insert(root: &mut Tree, name: &str, value: Value) -> Result<(), ()> {
    let parts: Vec<&str> = name.split('.').collect();
    let mut at = root;
    for (i, p) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let next_is_index = parts
            .get(i + 1)
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        let fresh = || {
            if last {
                Tree::Leaf(Value::Null)
            } else if next_is_index {
                Tree::List(BTreeMap::new())
            } else {
                Tree::Map(BTreeMap::new())
            }
        };
        at = match at {
            Tree::Map(m) => m.entry(p.to_string()).or_insert_with(fresh),
            Tree::List(l) => {
                let n: usize = p.parse().map_err(|_| ())?;
                l.entry(n).or_insert_with(fresh)
            }
            Tree::Leaf(_) => return Err(()),
        };
        if last {
            *at = Tree::Leaf(value.clone());
        }
    }
    Ok(())
}

// -- the case file: canonical form ---------------------------------------------------------

/// The comment lines at the top of a case file (the schema modeline first, added when
/// missing): kept when the form is saved.
pub(crate) fn header_of(original: &str, file: &str) -> String {
    let mut lines: Vec<&str> = original
        .lines()
        .take_while(|l| l.trim_start().starts_with('#') || l.trim().is_empty())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let modeline;
    if !lines
        .iter()
        .any(|l| l.contains("yaml-language-server: $schema="))
    {
        let depth = file.matches('/').count();
        modeline = format!(
            "# yaml-language-server: $schema={}{}",
            "../".repeat(depth),
            scaffold::CASE_SCHEMA_FILE
        );
        lines.insert(0, &modeline);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The canonical text of a case: the header comments, then the case's fields in the model's
/// order, fields without a value left out, as serde_yaml writes them.
pub(crate) fn canonical(
    header: &str,
    case: &spotcheck_input::model::Case,
) -> Result<String, String> {
    let mut v = serde_yaml::to_value(case).map_err(|e| e.to_string())?;
    prune(&mut v);
    let body = serde_yaml::to_string(&v).map_err(|e| e.to_string())?;
    Ok(format!("{header}{body}"))
}

fn prune(v: &mut serde_yaml::Value) {
    match v {
        serde_yaml::Value::Mapping(m) => {
            m.retain(|_, v| !v.is_null());
            for (_, v) in m.iter_mut() {
                prune(v);
            }
        }
        serde_yaml::Value::Sequence(s) => s.iter_mut().for_each(prune),
        _ => {}
    }
}

// -- the form as HTML ------------------------------------------------------------------------

/// A finding to show beside its field.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Shown {
    /// The field name it belongs to; empty for none.
    pub field: String,
    pub rule: String,
    pub severity: String,
    pub text: String,
}

/// The values a field may take in this batch, by field pattern (`category`, `lab`,
/// `refusal.county_bureau` …): the value written and what the clerk sees (a lab's name, not
/// its id).
pub(crate) type Choices = HashMap<&'static str, Vec<(String, String)>>;

/// The choices the batch gives: its plan's categories, its labs by name, its county bureaus,
/// its reasons for not sampling.
pub(crate) fn choices_of(batch: &spotcheck_input::model::Batch) -> Choices {
    let same = |v: &str| (v.to_string(), v.to_string());
    let counties: Vec<(String, String)> = batch.counties.iter().map(|c| same(&c.name)).collect();
    let mut c = Choices::new();
    c.insert(
        "category",
        batch.plan.iter().map(|p| same(&p.category)).collect(),
    );
    c.insert(
        "lab",
        batch
            .labs
            .iter()
            .map(|l| (l.id.clone(), l.name.clone()))
            .collect(),
    );
    c.insert("refusal.county_bureau", counties.clone());
    c.insert("followup.county_bureau", counties);
    c.insert(
        "not_sampled.reason",
        batch
            .rules
            .no_sample_reasons
            .iter()
            .map(|r| same(r))
            .collect(),
    );
    c
}

/// The sections of the form as its menu shows them: id and name.
pub(crate) fn section_menu(lang: Lang) -> Vec<(&'static str, &'static str)> {
    SECTIONS
        .iter()
        .map(|(id, key, ..)| (*id, super::text::get(lang, key)))
        .collect()
}

/// The HTML of the form's sections for the case `value` (its JSON), the findings beside their
/// fields, the batch's `choices` as menus. Returns the HTML and the findings no field took.
pub(crate) fn html(
    value: &Value,
    findings: &[Shown],
    lang: Lang,
    choices: &Choices,
) -> (String, Vec<Shown>) {
    let form = &*FORM;
    let mut by_field: HashMap<&str, Vec<&Shown>> = HashMap::new();
    for f in findings {
        by_field.entry(f.field.as_str()).or_default().push(f);
    }
    let mut placed: Vec<&str> = Vec::new();
    let mut out = String::new();
    let words = super::text::table(lang);
    for (id, key, outcomes, props) in SECTIONS {
        // A section holding values is shown whatever the outcome: hiding it would drop them.
        let filled = props
            .iter()
            .any(|p| value.get(*p).is_some_and(|v| !v.is_null()));
        out.push_str(&format!(
            "<fieldset class=\"section\" id=\"sec-{id}\" data-section=\"{id}\" data-outcomes=\"{}\" data-filled=\"{filled}\">\n<legend>{}</legend>\n",
            outcomes.join(" "),
            esc(words.get(*key).copied().unwrap_or(key))
        ));
        for p in *props {
            if let Some(n) = form.top.get(*p) {
                let mut r = Render {
                    out: &mut out,
                    by_field: &by_field,
                    placed: &mut placed,
                    lang,
                    choices,
                };
                r.node(n, value.get(*p), p);
            }
        }
        out.push_str("</fieldset>\n");
    }
    let other = findings
        .iter()
        .filter(|f| !placed.contains(&f.field.as_str()))
        .cloned()
        .collect();
    (out, other)
}

struct Render<'a, 'b> {
    out: &'a mut String,
    by_field: &'a HashMap<&'b str, Vec<&'b Shown>>,
    placed: &'a mut Vec<&'b str>,
    lang: Lang,
    choices: &'a Choices,
}

impl Render<'_, '_> {
    /// A title or description in the clerk's words.
    fn words(&self, s: &str) -> String {
        match self.lang {
            Lang::Zh => super::plain::plain(s),
            Lang::En => s.to_string(),
        }
    }
}

/// The finding as the page shows it.
pub(crate) fn finding_html(f: &Shown) -> String {
    format!(
        "<p class=\"finding\" data-rule=\"{}\" data-severity=\"{}\">{}</p>",
        esc(&f.rule),
        esc(&f.severity),
        esc(&f.text)
    )
}

impl<'b> Render<'_, 'b> {
    fn node(&mut self, n: &Node, value: Option<&Value>, name: &str) {
        match n {
            Node::Field(spec) => self.field(spec, value, name, None),
            Node::Group {
                title,
                desc,
                children,
                ..
            } => {
                let (title, desc) = (self.words(title), self.words(desc));
                self.out.push_str(&format!(
                    "<fieldset class=\"group\" data-group=\"{}\">\n<legend>{}</legend>\n<p class=\"desc\">{}</p>\n",
                    esc(name),
                    esc(&title),
                    esc(&desc)
                ));
                for c in children {
                    let key = last_key(c);
                    self.node(c, value.and_then(|v| v.get(key)), &join(name, key));
                }
                self.out.push_str("</fieldset>\n");
            }
            Node::List {
                title, desc, item, ..
            } => {
                let items: &[Value] = value.and_then(Value::as_array).map_or(&[], Vec::as_slice);
                let (title, desc) = (self.words(title), self.words(desc));
                self.out.push_str(&format!(
                    "<fieldset class=\"group list\" data-group=\"{}\">\n<legend>{}</legend>\n<p class=\"desc\">{}</p>\n",
                    esc(name),
                    esc(&title),
                    esc(&desc)
                ));
                // The items written, and one empty item to add another (saving adds it).
                for i in 0..=items.len() {
                    let item_name = format!("{name}.{i}");
                    let empty = i == items.len();
                    self.out.push_str(&format!(
                        "<div class=\"item{}\" data-item=\"{}\"><span class=\"item-no\">{}</span>\n",
                        if empty { " new" } else { "" },
                        esc(&item_name),
                        if empty { "+".to_string() } else { (i + 1).to_string() }
                    ));
                    match &**item {
                        Node::Field(spec) => {
                            self.field(spec, items.get(i), &item_name, Some(i + 1))
                        }
                        Node::Group { children, .. } => {
                            for c in children {
                                let key = last_key(c);
                                self.node(
                                    c,
                                    items.get(i).and_then(|v| v.get(key)),
                                    &join(&item_name, key),
                                );
                            }
                        }
                        other => self.node(other, items.get(i), &item_name),
                    }
                    self.out.push_str("</div>\n");
                }
                let add = if self.lang == Lang::En {
                    "Add one more"
                } else {
                    "再添加一项"
                };
                self.out.push_str(&format!(
                    "<button type=\"button\" class=\"add-item\" data-list=\"{}\">＋ {add}</button>\n</fieldset>\n",
                    esc(name)
                ));
            }
        }
    }

    fn field(&mut self, spec: &Spec, value: Option<&Value>, name: &str, number: Option<usize>) {
        let shown = match value {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        };
        let id = format!("f-{}", name.replace('.', "-"));
        let title = match number {
            Some(n) => format!("{} {n}", self.words(&spec.title)),
            None => self.words(&spec.title),
        };
        let desc = self.words(&spec.desc);
        let path_note = if self.lang == Lang::En {
            format!(" <code class=\"path\">{}</code>", esc(name))
        } else {
            String::new()
        };
        let n = esc(name);
        let v = esc(&shown);
        // The batch's own values, as a menu of their names.
        let batch_choices = self
            .choices
            .get(spec.path.as_str())
            .map(|c| Input::Choice(c.clone()));
        let input = batch_choices.as_ref().unwrap_or(&spec.input);
        // A menu of the batch's names needs no word on how the file spells them.
        let desc = if batch_choices.is_some() && desc.contains(|c: char| c.is_ascii_alphabetic()) {
            String::new()
        } else {
            desc
        };
        let control = match input {
            Input::Date => format!("<input type=\"date\" id=\"{id}\" name=\"{n}\" value=\"{v}\">"),
            Input::Money => format!(
                "<input type=\"text\" inputmode=\"decimal\" class=\"money\" id=\"{id}\" name=\"{n}\" value=\"{v}\"><span class=\"upper\" aria-live=\"polite\">{}</span>",
                esc(&upper_of(&shown))
            ),
            Input::Integer | Input::Number => format!(
                "<input type=\"text\" inputmode=\"decimal\" class=\"num\" id=\"{id}\" name=\"{n}\" value=\"{v}\">"
            ),
            Input::Bool => {
                let opt = |val: &str, label: &str| {
                    format!(
                        "<option value=\"{val}\"{}>{label}</option>",
                        if shown == val { " selected" } else { "" }
                    )
                };
                let (yes, no) = if self.lang == Lang::En {
                    ("yes", "no")
                } else {
                    ("是", "否")
                };
                format!(
                    "<select id=\"{id}\" name=\"{n}\">{}{}{}</select>",
                    opt("", "—"),
                    opt("true", yes),
                    opt("false", no)
                )
            }
            Input::Choice(choices) => {
                let mut s =
                    format!("<select id=\"{id}\" name=\"{n}\"><option value=\"\">—</option>");
                // What the clerk reads is the name; the value written is the option's own.
                for (val, label) in choices {
                    s.push_str(&format!(
                        "<option value=\"{}\"{}>{}</option>",
                        esc(val),
                        if &shown == val { " selected" } else { "" },
                        esc(label),
                    ));
                }
                if !shown.is_empty() && !choices.iter().any(|(val, _)| *val == shown) {
                    let note = if self.lang == Lang::En {
                        "not in this batch"
                    } else {
                        "不在本批次的可选项中"
                    };
                    s.push_str(&format!(
                        "<option value=\"{v}\" selected>{v}（{note}）</option>"
                    ));
                }
                s.push_str("</select>");
                s
            }
            Input::Text if shown.contains('\n') || shown.chars().count() > 60 => {
                format!("<textarea id=\"{id}\" name=\"{n}\" rows=\"3\">{v}</textarea>")
            }
            Input::Text => format!(
                "<input type=\"text\" id=\"{id}\" name=\"{n}\" value=\"{v}\"{}>",
                if name == "id" { " readonly" } else { "" }
            ),
        };
        self.out.push_str(&format!(
            "<div class=\"field\" data-field=\"{n}\">\n<label for=\"{id}\">{}{path_note}</label>\n{control}\n<p class=\"desc\">{}</p>\n",
            esc(&title),
            esc(&desc)
        ));
        if let Some(fs) = self.by_field.get(name) {
            for f in fs {
                self.out.push_str(&finding_html(f));
                self.out.push('\n');
                self.placed.push(f.field.as_str());
            }
        }
        self.out.push_str("</div>\n");
    }
}

fn last_key(n: &Node) -> &str {
    let path = match n {
        Node::Field(s) => &s.path,
        Node::Group { path, .. } | Node::List { path, .. } => path,
    };
    path.rsplit('.').next().unwrap_or(path)
}

/// The amount in 大写, or nothing when `s` is no amount.
pub(crate) fn upper_of(s: &str) -> String {
    match spotcheck_input::money::Money::parse(s.trim()) {
        Ok(m) if !s.trim().is_empty() => spotcheck_documents::format::money_upper(m),
        _ => String::new(),
    }
}

//! The message catalog: every sentence a user reads, by id, in Chinese and in English.
//!
//! A message is an id of [`Msg`] and named arguments ([`Message`]); it becomes text only when
//! it is shown, in the language asked for ([`Message::in_lang`]). Nothing here is global: the
//! language travels as a parameter, so two callers in one process may speak different
//! languages at once.
//!
//! Placeholders are written `{name}`; both languages of an id use the same names. A count
//! chooses between two words with `{name|one|other}`: `{errors} {errors|error|errors}` reads
//! `1 error` and `2 errors` (the form `one` when the argument is `1`, or a list of one item).
//! Chinese needs no such forms. Dates given
//! as [`Arg::Date`] print `2023年3月2日` in Chinese and `2023-03-02` in English; lists
//! ([`Arg::List`]) are joined with `、` or `, `; messages given as [`Arg::Lines`] stand one a
//! line.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

/// A date as Chinese documents and messages write it: `2023年3月2日` (GB/T 9704: Arabic
/// numerals, no spaces).
pub fn date_cn(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文, the default.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Every language of the catalog.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language of a locale name: `en*` is English, anything else Chinese.
    pub(crate) fn from_locale(name: &str) -> Lang {
        if name.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The language from the locale variables, in POSIX order of precedence: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides; none set is Chinese.
    pub fn from_env_values(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.trim().is_empty())
            .map_or(Lang::Zh, Lang::from_locale)
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        let var = |k: &str| std::env::var(k).ok();
        Lang::from_env_values(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Date(NaiveDate),
    List(Vec<String>),
    Msg(Box<Message>),
    /// Messages, one a line.
    Lines(Vec<Message>),
    /// Findings about the user's files, one a line, each `file:line:col path: 错误[rule]: …`.
    Findings(Vec<crate::diag::Diagnostic>),
}

impl Arg {
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Date(d) => match lang {
                Lang::Zh => date_cn(*d),
                Lang::En => d.format("%Y-%m-%d").to_string(),
            },
            Arg::List(items) => items.join(match lang {
                Lang::Zh => "、",
                Lang::En => ", ",
            }),
            Arg::Msg(m) => m.in_lang(lang),
            Arg::Lines(ms) => ms
                .iter()
                .map(|m| m.in_lang(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Arg::Findings(ds) => ds
                .iter()
                .map(|d| d.in_lang(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

macro_rules! arg_from_display {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Text(v.to_string())
            }
        }
    )*};
}
arg_from_display!(&str, &String, String, usize, u32, u64, i64, char);

impl From<NaiveDate> for Arg {
    fn from(d: NaiveDate) -> Arg {
        Arg::Date(d)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(Message::new(m)))
    }
}

impl From<Vec<String>> for Arg {
    fn from(v: Vec<String>) -> Arg {
        Arg::List(v)
    }
}

impl From<Vec<crate::diag::Diagnostic>> for Arg {
    fn from(v: Vec<crate::diag::Diagnostic>) -> Arg {
        Arg::Findings(v)
    }
}

impl From<Vec<Message>> for Arg {
    fn from(v: Vec<Message>) -> Arg {
        Arg::Lines(v)
    }
}

impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}

/// A message id with its arguments, not yet text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: Msg,
    /// Boxed rather than a `Vec`, to keep findings that carry a message small.
    pub args: Box<[(&'static str, Arg)]>,
}

impl Message {
    pub fn new(id: Msg) -> Message {
        Message {
            id,
            args: Box::default(),
        }
    }

    /// Adds the argument `{name}`.
    pub fn arg(self, name: &'static str, value: impl Into<Arg>) -> Message {
        let mut args = self.args.into_vec();
        args.push((name, value.into()));
        Message {
            id: self.id,
            args: args.into_boxed_slice(),
        }
    }

    /// The text in `lang`: the template with every `{name}` replaced, and every
    /// `{name|one|other}` by the form that fits the count.
    pub fn in_lang(&self, lang: Lang) -> String {
        let arg = |name: &str| self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
        fill_counted(
            self.id.template(lang),
            |name| arg(name).map(|a| a.in_lang(lang)),
            |name| match arg(name) {
                Some(Arg::Text(t)) => t == "1",
                Some(Arg::List(items)) => items.len() == 1,
                Some(Arg::Lines(items)) => items.len() == 1,
                _ => false,
            },
        )
    }

    /// The arguments as text in `lang`, for machine-readable output.
    pub fn args_json(&self, lang: Lang) -> serde_json::Value {
        self.args
            .iter()
            .map(|(n, a)| (n.to_string(), serde_json::Value::String(a.in_lang(lang))))
            .collect::<serde_json::Map<_, _>>()
            .into()
    }
}

/// Chinese, the default language of the documents and of the command line.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::Zh))
    }
}

impl From<Msg> for Message {
    fn from(m: Msg) -> Message {
        Message::new(m)
    }
}

/// Builds a [`Message`]: `msg!(CheckDone, cases = 3, errors = 0)`.
#[macro_export]
macro_rules! msg {
    ($id:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($crate::messages::Msg::$id)
            $(.arg(stringify!($name), $value))*
    };
}

/// Replaces each `{name}` of `template` by `value(name)`; `{{` and `}}` are literal braces,
/// and a name without a value stays as written. `{name|one|other}` is `one` when `value(name)`
/// is `1`, else `other`.
pub fn fill(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let last = std::cell::RefCell::new(None);
    fill_counted(
        template,
        |name| {
            let v = value(name);
            last.replace(v.clone());
            v
        },
        |_| last.borrow().as_deref() == Some("1"),
    )
}

/// [`fill`], with `is_one(name)` choosing the form of `{name|one|other}` (called after
/// `value(name)` for the same name).
fn fill_counted(
    template: &str,
    mut value: impl FnMut(&str) -> Option<String>,
    mut is_one: impl FnMut(&str) -> bool,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            let inner = &tail[1..end];
            match inner.split_once('|') {
                Some((name, forms)) => {
                    let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
                    match value(name) {
                        Some(_) if is_one(name) => out.push_str(one),
                        Some(_) => out.push_str(other),
                        None => out.push_str(&tail[..=end]),
                    }
                }
                None => match value(inner) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&tail[..=end]),
                },
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names of a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    fill(template, |name| {
        names.push(name.to_string());
        Some(String::new())
    });
    names
}

macro_rules! catalog {
    ($( $name:ident = $id:literal { zh: $zh:expr, en: $en:expr $(,)? } )*) => {
        /// Every message of the program, by id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// The whole catalog.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// The message of an id.
            pub fn from_id(id: &str) -> Option<Msg> {
                match id { $($id => Some(Msg::$name),)* _ => None }
            }

            /// The stable id, as in JSON output: `check.done`.
            pub fn id(self) -> &'static str {
                match self { $(Msg::$name => $id),* }
            }

            /// The text with its `{placeholders}`, in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Zh) => $zh, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

/// A message serialized as its Chinese text (`#[serde(serialize_with = "…::as_chinese")]`):
/// what JSON written for no particular reader holds; `to_json` of each report for another
/// language.
pub fn as_chinese<S: serde::Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.in_lang(Lang::Zh))
}

/// [`as_chinese`] of a message that may be absent.
pub fn as_chinese_opt<S: serde::Serializer>(m: &Option<Message>, s: S) -> Result<S::Ok, S::Error> {
    match m {
        Some(m) => as_chinese(m, s),
        None => s.serialize_none(),
    }
}

impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

// The catalog, one entry per id with both languages side by side, grouped by the stage that
// speaks (ids are `stage.what`), in parts that hand their entries on to the next.
include!("catalog/read.rs");
include!("catalog/check.rs");
include!("catalog/render.rs");
include!("catalog/verify.rs");
include!("catalog/sign.rs");
include!("catalog/help.rs");
include!("catalog/start.rs");
include!("catalog/serve.rs");
catalog_read! {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_choose_the_singular_for_one_and_the_plural_otherwise() {
        for (errors, cases, text) in [
            (1usize, 1usize, "check done: 1 case, 1 error, 0 warnings"),
            (2, 2, "check done: 2 cases, 2 errors, 0 warnings"),
            (0, 18, "check done: 18 cases, 0 errors, 0 warnings"),
        ] {
            let m = crate::msg!(CheckDone, cases = cases, errors = errors, warnings = 0usize);
            assert_eq!(m.in_lang(Lang::En), text);
        }
        let one = crate::msg!(
            CheckDone,
            cases = 1usize,
            errors = 1usize,
            warnings = 1usize
        );
        assert_eq!(
            one.in_lang(Lang::Zh),
            "检查完成：1 个案例，1 处错误，1 处警告"
        );
        // A list of one item is one.
        let m = crate::msg!(WatchCases, cases = vec!["HF-2025-001".to_string()]);
        assert_eq!(m.in_lang(Lang::En), "case HF-2025-001");
        let m = crate::msg!(WatchCases, cases = vec!["A".to_string(), "B".to_string()]);
        assert_eq!(m.in_lang(Lang::En), "cases A, B");
        // The plural forms name the same placeholder, not another one.
        assert_eq!(placeholders("{n} {n|file|files}"), ["n", "n"]);
        assert_eq!(fill("{n} {n|file|files}", |_| Some("1".into())), "1 file");
        assert_eq!(fill("{n} {n|file|files}", |_| Some("3".into())), "3 files");
        assert_eq!(fill("{n|file|files}", |_| None), "{n|file|files}");
    }
}

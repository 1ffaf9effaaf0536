//! The words of the pages, in Chinese and English: the `page.` messages of the one catalog,
//! keyed by a short name. The templates receive the words of the request's language as `t`
//! (`{{ t.nav_cases }}`).

use std::collections::BTreeMap;

use spotcheck_core::messages::{Lang, Msg};

/// The words of the pages: the catalog's `page.` messages, by key (the id after `page.`,
/// `_` for `-`).
fn words() -> impl Iterator<Item = (String, Msg)> {
    Msg::ALL.iter().filter_map(|m| {
        m.id()
            .strip_prefix("page.")
            .map(|k| (k.replace('-', "_"), *m))
    })
}

/// The words in `lang`, for a template.
pub fn table(lang: Lang) -> BTreeMap<String, &'static str> {
    words().map(|(k, m)| (k, m.template(lang))).collect()
}

/// One word in `lang`; the key itself when there is none (a mistake a test finds).
pub fn get(lang: Lang, key: &'static str) -> &'static str {
    Msg::from_id(&format!("page.{}", key.replace('_', "-"))).map_or(key, |m| m.template(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every file that may use a word: the server's code, its pages and scripts.
    fn users() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut all = String::new();
        for dir in ["crates/serve/src", "templates/serve", "assets/serve"] {
            for entry in walkdir::WalkDir::new(root.join(dir)) {
                let path = entry.unwrap().into_path();
                all.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
                all.push('\n');
            }
        }
        all
    }

    /// Every word of the tables is shown somewhere (a word no page uses is a placeholder
    /// left behind or a message the clerk never sees), and every key is in the table once.
    #[test]
    fn every_word_is_used_and_defined_once() {
        let all = users();
        let words: Vec<String> = words().map(|(k, _)| k).collect();
        let mut unused = Vec::new();
        for key in &words {
            assert_eq!(
                words.iter().filter(|k| *k == key).count(),
                1,
                "{key} defined twice"
            );
            let quoted = all.matches(&format!("\"{key}\"")).count();
            let in_pages = all.match_indices(&format!("t.{key}")).any(|(i, m)| {
                !all[i + m.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
            });
            // The catalog holds the word; a page (`t.key`) or the code (`"key"`) shows it.
            if quoted == 0 && !in_pages {
                unused.push(key.clone());
            }
        }
        assert!(unused.is_empty(), "words no page shows: {unused:?}");
    }
}

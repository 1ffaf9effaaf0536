//! The words of the pages, in Chinese and English: one table, keyed by a short name. The
//! templates receive the table of the request's language as `t` (`{{ t.nav_cases }}`).

use std::collections::BTreeMap;

use crate::messages::Lang;

/// Key, Chinese, English.
pub const WORDS: &[(&str, &str, &str)] = &[
    ("app", "抽查文书", "Spot checks"),
    ("nav_home", "概况", "Overview"),
    ("nav_cases", "案件", "Cases"),
    ("nav_work", "办理", "Work"),
    ("switch_lang", "English", "中文"),
    ("switch_lang_code", "en", "zh"),
    ("error_title", "出错了", "Something went wrong"),
    ("back_home", "返回概况", "Back to the overview"),
    ("not_found", "没有这个页面。", "There is no such page."),
    (
        "no_token",
        "拒绝访问：缺少访问令牌或令牌不正确。请使用启动 spotcheck serve 时显示的完整网址（含 ?token=…）打开。",
        "Access refused: the access token is missing or wrong. Open the full address spotcheck serve printed when it started (with ?token=…).",
    ),
    (
        "bad_host",
        "拒绝访问：请求的主机名不是本机地址。请使用 spotcheck serve 显示的网址。",
        "Access refused: the host name of the request is not this machine's address. Use the address spotcheck serve printed.",
    ),
    (
        "cross_origin",
        "拒绝执行：此操作只能从本程序自己的页面发起。",
        "Refused: this action can only come from this program's own pages.",
    ),
    ("too_large", "上传的内容过大。", "The upload is too large."),
    (
        "work_soon",
        "此页面正在建设中。",
        "This page is being built.",
    ),
];

/// The words in `lang`, for a template (the work pages' words included).
pub fn table(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    WORDS
        .iter()
        .chain(super::work::WORDS)
        .map(|(k, zh, en)| (*k, if lang == Lang::En { *en } else { *zh }))
        .collect()
}

/// One word in `lang`; the key itself when there is none (a mistake a test finds).
pub fn get(lang: Lang, key: &'static str) -> &'static str {
    WORDS
        .iter()
        .chain(super::work::WORDS)
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, zh, en)| if lang == Lang::En { en } else { zh })
}

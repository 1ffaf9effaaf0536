//! The words of the pages, in Chinese and English: one table, keyed by a short name. The
//! templates receive the table of the request's language as `t` (`{{ t.nav_cases }}`).

use std::collections::BTreeMap;

use spotcheck_core::messages::Lang;

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
        "signed_out",
        "登录已失效（程序可能已重新启动）：请用 spotcheck serve 显示的网址在新的标签页中重新打开，再回到本页点“保存”。本页填写的内容仍保留。",
        "You are signed out (the program may have restarted): open the address spotcheck serve printed in a new tab, then come back and press Save. What you typed here is kept.",
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
    (
        "load_failed",
        "批次无法读取，请先改正以下错误：",
        "The batch cannot be read; correct these errors first:",
    ),
    (
        "no_case",
        "批次中没有这个案例。",
        "The batch has no such case.",
    ),
    ("bad_form", "表单无法识别：", "The form cannot be read: "),
    (
        "conflict",
        "案例文件在打开表单之后已被修改（可能在别处编辑过），本次未保存。请重新打开此页，再做修改。",
        "The case file was changed after this form was opened (perhaps edited elsewhere); nothing was saved. Reload the page and make the change again.",
    ),
    ("reload", "重新打开", "Reload"),
    (
        "unreadable",
        "表单中有无法读取的值（见标出的字段），未保存。",
        "Some values cannot be read (see the marked fields); nothing was saved.",
    ),
    ("saved", "已保存", "Saved"),
    (
        "saved_preview_failed",
        "已保存，但预览未能更新（右侧仍是上一版的页面）：",
        "Saved, but the preview could not be made again (the pages beside are the earlier version's): ",
    ),
    (
        "preview_failed",
        "预览未能生成，显示的是上一版的页面：",
        "The preview could not be made; the pages shown are the earlier version's: ",
    ),
    ("saving", "正在保存…", "Saving…"),
    ("save", "保存", "Save"),
    ("checking", "正在检查…", "Checking…"),
    ("dash_today", "日期", "day"),
    ("dash_cases", "个案例", "cases"),
    ("dash_plan", "计划完成情况", "The plan"),
    ("dash_deadlines", "时限", "Deadlines"),
    ("dash_due_this_week", "本周到期", "due this week"),
    ("dash_outstanding", "未完成", "outstanding"),
    ("dash_done_late", "逾期完成", "done late"),
    ("dash_late", "逾期案例", "Late cases"),
    ("dash_due", "应于", "due"),
    ("dash_days", "天", "days"),
    ("dash_followups", "未办结的后处理", "Open follow-ups"),
    ("dash_none", "无", "none"),
    ("cases_title", "案件", "Cases"),
    ("filter", "筛选", "Filter"),
    ("filter_all", "全部", "all"),
    ("filter_clear", "清除", "Clear"),
    ("col_id", "案例编号", "Case"),
    ("col_stage", "环节", "Stage"),
    ("col_category", "产品类别", "Category"),
    ("col_party", "受检单位", "Party"),
    ("col_lab", "承检机构", "Lab"),
    ("col_county", "属地监管部门", "County bureau"),
    ("col_date", "抽样日期", "Visit date"),
    ("shown_of", "显示", "showing"),
    ("stage_planned", "计划中", "planned"),
    ("stage_sampled", "已抽样", "sampled"),
    ("stage_refused", "拒检", "refused"),
    ("stage_not_sampled", "未抽到样品", "not sampled"),
    ("sec_general", "基本信息", "General"),
    ("sec_visit", "抽样现场", "The visit"),
    (
        "sec_sampled",
        "样品、封样与付费",
        "Sample, seals and payment",
    ),
    ("sec_refused", "拒检", "Refusal"),
    ("sec_not_sampled", "未抽到样品", "Nothing sampled"),
    (
        "sec_tested",
        "检验、送达与后处理",
        "Test, delivery and follow-up",
    ),
    ("findings_other", "其他检查结果", "Other findings"),
    ("errors_n", "处错误", "errors"),
    ("preview", "文书预览", "Documents"),
    ("preview_wait", "正在生成预览…", "Rendering the preview…"),
    (
        "draft_note",
        "有错误，文书标注“草稿”",
        "There are errors: the documents are marked 草稿 (draft)",
    ),
    ("file", "文件", "file"),
    ("sections", "目录", "Sections"),
    (
        "documents",
        "文书（PDF，可打印）",
        "Documents (PDF, ready to print)",
    ),
    (
        "evidence_title",
        "上传证据（照片、视频）",
        "Upload evidence (photos, videos)",
    ),
    (
        "evidence_help",
        "选择照片或视频（jpg、png、heic、mp4、mov、avi、pdf），上传后记入“证据文件”，点“保存”后生效。",
        "Choose photos or videos (jpg, png, heic, mp4, mov, avi, pdf); once uploaded they are added to the evidence list and kept when you press Save.",
    ),
    ("evidence_go", "上传", "Upload"),
    (
        "evidence_uploaded",
        "已上传，已加入“证据文件”；请点“保存”。",
        "Uploaded and added to the evidence list; press Save.",
    ),
    (
        "evidence_not_media",
        "只能上传照片或视频（jpg、png、heic、mp4、mov、avi、pdf）：",
        "Only photos and videos can be uploaded (jpg, png, heic, mp4, mov, avi, pdf): ",
    ),
    (
        "evidence_too_large",
        "文件过大：一次上传不能超过 1 GB。",
        "The files are too large: at most 1 GB at once.",
    ),
    ("delete", "删除此案例", "Delete this case"),
    (
        "delete_confirm",
        "确定删除此案例？案例文件将移入备份文件夹（.spotcheck-backup），可以找回；证据文件保留。",
        "Delete this case? Its file is moved to the backup folder (.spotcheck-backup), from where it can be restored; its evidence stays.",
    ),
    (
        "deleted",
        "已删除案例（案例文件已移入备份文件夹 .spotcheck-backup，可以找回）：",
        "Case deleted (its file was moved to the backup folder .spotcheck-backup, from where it can be restored): ",
    ),
    (
        "unsaved",
        "有尚未保存的修改。",
        "There are changes not yet saved.",
    ),
    (
        "restored",
        "已恢复上次未保存的修改（例如程序重启前填写的内容）。核对后点“保存”；或",
        "The changes not saved last time were restored (typed before a restart, say). Check them and press Save; or ",
    ),
    ("discard", "放弃这些修改", "discard them"),
    ("conflict_theirs", "文件中现为：", "The file now says: "),
    ("take_theirs", "采用此值", "Use this"),
    (
        "conflict_kept",
        "您填写的内容仍在表单中；各字段旁标出了文件中现在的内容。核对后再点“保存”，将以表单内容为准。",
        "What you typed is still in the form; beside each field is what the file says now. Check, then press Save again to keep the form's values.",
    ),
    ("new_case", "新建案例", "New case"),
    ("new_case_go", "新建", "Create"),
    ("col_outcome", "抽样情况", "Outcome"),
    ("col_domain", "抽样领域", "Domain"),
    ("col_errors", "错误", "Errors"),
    ("col_warnings", "警告", "Warnings"),
    (
        "search",
        "搜索（编号、企业名称、信用代码、地址）",
        "Search (case, enterprise, credit code, address)",
    ),
    ("page_prev", "上一页", "Previous"),
    ("page_next", "下一页", "Next"),
    ("page_of", "页", "page"),
    ("ledger", "导出台账（xlsx）", "Export the ledger (xlsx)"),
    ("too_large", "上传的内容过大。", "The upload is too large."),
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
        let words: Vec<&str> = WORDS
            .iter()
            .chain(super::super::work::WORDS)
            .map(|(k, _, _)| *k)
            .collect();
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
            // Its entry in the table is one quoted use; a page or the code makes the other.
            if quoted < 2 && !in_pages {
                unused.push(*key);
            }
        }
        assert!(unused.is_empty(), "words no page shows: {unused:?}");
    }
}

//! `metadata.xml`, a tag file of the bag: the records metadata of every document of the
//! 归档文件目录 (件, DA/T 22-2015), under the element names of DA/T 46-2009 《文书类电子文件元数据方案》
//! (聚合层次, 来源, 档号 with 全宗号, 年度, 保管期限, 机构或问题 and 件号, 题名, 文件编号, 责任者, 日期,
//! 密级, 页数, 格式信息, 计算机文件名, 计算机文件大小, 文档创建程序) and the file's SHA-256 as its
//! 校验值, so that a records system takes the documents in without reading the PDFs. The tag
//! manifest covers it, so the signature does too.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalogue::Entry;
use crate::records;
use spotcheck_core::text::xml_escape as escape;
use spotcheck_input::load::LoadedBatch;
use spotcheck_input::model::ArchiveInfo;

/// Its name in the bag.
pub(crate) const METADATA_FILE: &str = "metadata.xml";

/// The file format DA/T 46's 格式信息 names, by the file's extension.
fn format_of(file: &str) -> &'static str {
    match file
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "PDF",
        Some("ofd") => "OFD",
        Some("xlsx") => "XLSX",
        _ => "其他",
    }
}

/// The XML of the documents `entries`, with each file's (SHA-256, size) of `files` (by its
/// path in the bag); a document whose file is not in `files` gets no 校验值 (none is left out
/// by [`super::pack_with`], which refuses that).
pub(crate) fn xml(
    lb: &LoadedBatch,
    entries: &[Entry],
    files: &BTreeMap<&str, (&str, u64)>,
) -> String {
    let a = &lb.batch.archive;
    let fonds = ArchiveInfo::given(&a.fonds_no);
    let org = ArchiveInfo::given(&a.organization);
    let (retention, _) = records::retention(lb);
    let year = records::archive_year(lb);
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<!-- 归档文件的文件级元数据：元素名称按 DA/T 46-2009《文书类电子文件元数据方案》，\
         一件一个“文件实体”，与归档文件目录一一对应；校验值为文件的 SHA-256。 -->\n",
    );
    let _ = writeln!(
        s,
        "<文件级元数据 标准=\"DA/T 46-2009\" 批次=\"{}\" 文号=\"{}\" 件数=\"{}\">",
        escape(&lb.batch.id),
        escape(&lb.batch.document_no),
        entries.len()
    );
    let el = |s: &mut String, indent: usize, name: &str, value: &str| {
        let _ = writeln!(s, "{:indent$}<{name}>{}</{name}>", "", escape(value));
    };
    for e in entries {
        let _ = writeln!(s, "  <文件实体 序号=\"{}\">", e.no);
        el(&mut s, 4, "聚合层次", "件");
        s.push_str("    <来源>\n");
        el(&mut s, 6, "立档单位名称", &lb.batch.authority.name);
        s.push_str("    </来源>\n");
        if e.archival_no.is_empty() {
            s.push_str("    <档号>\n");
        } else {
            let _ = writeln!(s, "    <档号 值=\"{}\">", escape(&e.archival_no));
        }
        if let Some(f) = fonds {
            el(&mut s, 6, "全宗号", f);
        }
        el(&mut s, 6, "年度", &year.to_string());
        el(&mut s, 6, "保管期限", retention.label());
        if let Some(o) = org {
            el(&mut s, 6, "机构或问题", o);
        }
        el(&mut s, 6, "件号", &e.item_no);
        s.push_str("    </档号>\n");
        s.push_str("    <内容描述>\n");
        el(&mut s, 6, "题名", &e.title);
        if !e.doc_no.is_empty() {
            el(&mut s, 6, "文件编号", &e.doc_no);
        }
        el(&mut s, 6, "责任者", &e.author);
        // DA/T 46's 日期, as the catalogue writes it: eight figures; left out when the act
        // the document records is not dated.
        if let Some(date) = e.dated {
            let date = date.format(crate::catalogue::DATE_FORMAT);
            el(&mut s, 6, "日期", &date.to_string());
        }
        el(&mut s, 6, "密级", &e.classification);
        s.push_str("    </内容描述>\n");
        s.push_str("    <形式特征>\n");
        el(&mut s, 6, "页数", &e.pages.to_string());
        s.push_str("    </形式特征>\n");
        s.push_str("    <电子属性>\n");
        el(&mut s, 6, "格式信息", format_of(&e.file));
        el(&mut s, 6, "计算机文件名", &e.file);
        if let Some((digest, size)) = files.get(e.file.as_str()) {
            el(&mut s, 6, "计算机文件大小", &size.to_string());
            el(
                &mut s,
                6,
                "文档创建程序",
                concat!("spotcheck ", env!("CARGO_PKG_VERSION")),
            );
            let _ = writeln!(s, "      <校验值 算法=\"SHA-256\">{digest}</校验值>");
        }
        s.push_str("    </电子属性>\n");
        s.push_str("  </文件实体>\n");
    }
    s.push_str("</文件级元数据>\n");
    s
}

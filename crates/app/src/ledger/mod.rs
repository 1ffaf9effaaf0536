//! The enterprise list and the lab's ledger (台账): `spotcheck import` reads a spreadsheet
//! (`.xlsx`) or a `.csv` file into planned cases, one per row; `spotcheck export` writes the
//! batch back as a ledger, one row per case with its stage and dates, under headers `import`
//! understands, so that importing the ledger again changes nothing.
//!
//! Columns are found by their Chinese headers ([`Field::headers`]; docs/import.md), in the
//! first sheet, on the first of its first ten rows that names at least two of them; a header
//! can be pointed at another column (`--column 统一社会信用代码=信用代码`). A row is matched to
//! an existing case by its id when the sheet has one, else by credit code and category; a
//! matched row is left as it is (the case file is the record). Every other row becomes a
//! planned case, checked by the same rules `check` applies to a planned case, every bad cell
//! reported as `FILE:Sheet!C12 统一社会信用代码: …`; when any row is wrong nothing is written.
use std::collections::BTreeMap;

use chrono::NaiveDate;

use spotcheck_core::diag::{Diagnostic, Rule};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
pub use spotcheck_input::sheet::{Sheet, column_letters, read_sheet};

mod export;
mod import;

pub use export::*;
pub use import::*;

/// A column of the list: the case field it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    PartyName,
    CreditCode,
    Address,
    Postcode,
    LegalRep,
    Contact,
    Phone,
    Category,
    Domain,
    Date,
    Lab,
    Samplers,
    Credentials,
    NoticeNo,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Id,
        Field::PartyName,
        Field::CreditCode,
        Field::Address,
        Field::Postcode,
        Field::LegalRep,
        Field::Contact,
        Field::Phone,
        Field::Category,
        Field::Domain,
        Field::Date,
        Field::Lab,
        Field::Samplers,
        Field::Credentials,
        Field::NoticeNo,
    ];

    /// The headers that name the column, the first one the field's own (what `export`
    /// writes and `--column` names).
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["抽样单编号", "案例编号", "编号"],
            Field::PartyName => &[
                "企业名称",
                "受检单位",
                "受检单位名称",
                "单位名称",
                "被抽样单位",
                "被抽样单位名称",
            ],
            Field::CreditCode => &["统一社会信用代码", "社会信用代码", "信用代码"],
            Field::Address => &["地址", "企业地址", "单位地址", "经营地址", "生产地址"],
            Field::Postcode => &["邮政编码", "邮编"],
            Field::LegalRep => &["法定代表人"],
            Field::Contact => &["联系人"],
            Field::Phone => &["电话", "联系电话", "联系方式"],
            Field::Category => &["产品类别", "产品名称", "抽查产品", "产品"],
            Field::Domain => &["抽样领域", "领域"],
            Field::Date => &["计划日期", "计划抽样日期", "抽样日期"],
            Field::Lab => &["承检机构", "检验机构", "承检单位"],
            Field::Samplers => &["抽样人员"],
            Field::Credentials => &[
                "抽样人员工作证号",
                "抽样人员证件编号",
                "工作证号",
                "抽样人员证件号",
            ],
            Field::NoticeNo => &["通知书编号", "抽查通知书编号"],
        }
    }

    /// The header `export` writes and `--column` names.
    pub fn header(self) -> &'static str {
        self.headers()[0]
    }

    /// The field of the case file it fills, as findings name it.
    pub fn path(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::PartyName => "party.name",
            Field::CreditCode => "party.credit_code",
            Field::Address => "party.address",
            Field::Postcode => "party.postcode",
            Field::LegalRep => "party.legal_rep",
            Field::Contact => "party.contact",
            Field::Phone => "party.phone",
            Field::Category => "category",
            Field::Domain => "domain",
            Field::Date => "visit.date",
            Field::Lab => "lab",
            Field::Samplers => "visit.samplers",
            Field::Credentials => "visit.samplers[].credential",
            Field::NoticeNo => "visit.notice_no",
        }
    }

    /// Whether a row without it cannot become a case.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::PartyName | Field::CreditCode | Field::Address | Field::Category | Field::Date
        )
    }

    /// The field a header or a case path names: any of its headers, or its path.
    pub fn named(name: &str) -> Option<Field> {
        let n = normalize(name);
        Field::ALL
            .into_iter()
            .find(|f| f.path() == n || f.headers().contains(&n.as_str()))
    }

    /// The field of a finding's path (`party.credit_code`, `visit.samplers[1].name`).
    fn of_path(path: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| path.starts_with(f.path()))
            .max_by_key(|f| f.path().len())
    }
}

/// A header as compared: without spaces (half- or full-width) and a trailing `*` or `：`.
fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect::<String>()
        .trim_end_matches(['*', '＊', ':', '：'])
        .to_string()
}

/// A date as lists write it: 2024-04-16, 2024/4/16, 2024.4.16, 2024年4月16日, 20240416.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.split(['T']).next().unwrap_or("");
    ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// Which column holds which field, with the row of the headers.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    pub(crate) header_row: usize,
    pub of: BTreeMap<Field, usize>,
}

/// How many rows from the top the headers are looked for in (a title row or two may stand
/// above them).
const HEADER_ROWS: usize = 10;

/// Finds the header row and the column of each field; `overrides` maps a field to the
/// header its column has in this sheet.
fn columns(sheet: &Sheet, overrides: &BTreeMap<Field, String>) -> Result<Columns, Vec<Diagnostic>> {
    let find = |row: &[String], f: Field| -> Option<usize> {
        let wanted: Vec<String> = match overrides.get(&f) {
            Some(h) => vec![normalize(h)],
            None => f.headers().iter().map(|h| (*h).to_string()).collect(),
        };
        // The first alias found wins, so that 企业名称 is preferred to 单位名称 when a sheet
        // has both.
        wanted
            .iter()
            .find_map(|w| row.iter().position(|c| &normalize(c) == w))
    };
    let header_row = sheet.rows.iter().take(HEADER_ROWS).position(|row| {
        Field::ALL
            .into_iter()
            .filter(|f| find(row, *f).is_some())
            .count()
            >= 2
    });
    let Some(header_row) = header_row else {
        return Err(vec![Diagnostic::new(
            Rule::ImportHeader,
            &sheet.label,
            (0, 0),
            "",
            msg!(ImportNoHeader, rows = HEADER_ROWS),
        )]);
    };
    let row = &sheet.rows[header_row];
    let mut of = BTreeMap::new();
    let mut errors = Vec::new();
    for f in Field::ALL {
        match find(row, f) {
            Some(c) => {
                of.insert(f, c);
            }
            None if f.required() || overrides.contains_key(&f) => errors.push(Diagnostic::new(
                Rule::ImportHeader,
                &sheet.label,
                (header_row + 1, 0),
                f.header(),
                msg!(
                    ImportMissingColumn,
                    header = f.header(),
                    wanted = overrides
                        .get(&f)
                        .cloned()
                        .unwrap_or_else(|| f.headers().join("、"))
                ),
            )),
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(Columns { header_row, of })
    } else {
        Err(errors)
    }
}

/// `--column 统一社会信用代码=信用代码`: the field (by any of its headers, or its path) and
/// the header of its column in the sheet.
pub fn parse_override(s: &str) -> Result<(Field, String), Message> {
    let (field, header) = s
        .split_once('=')
        .ok_or_else(|| msg!(ImportColumnOption, value = s))?;
    let f = Field::named(field).ok_or_else(|| {
        msg!(
            ImportColumnUnknown,
            name = field.trim(),
            all = Field::ALL.map(|f| f.header().to_string()).to_vec()
        )
    })?;
    let header = header.trim();
    if header.is_empty() {
        return Err(msg!(ImportColumnOption, value = s));
    }
    Ok((f, header.to_string()))
}

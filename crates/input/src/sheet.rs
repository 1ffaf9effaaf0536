//! A list's sheet read as text, cell by cell and within bounds: the first sheet of a workbook
//! (`.xlsx`, `.xlsm`) or a `.csv` file.
//!
//! Nothing the file says decides how much is allocated. A workbook is a zip: before calamine
//! opens it, its parts are read through once, and a workbook whose parts inflate past
//! [`MAX_INFLATED`] or that has more than [`MAX_PARTS`] parts is refused; a shared-string
//! table that declares more strings than its bytes can hold is refused too (calamine reserves
//! room for the declared count). The sheet is then read cell by cell (calamine's cell reader,
//! never the dense range that a far cell such as `XFD1048576` would make 17 billion cells of),
//! and a cell holding a value beyond row [`MAX_ROWS`] or column [`MAX_COLS`] is refused, named.
//! A CSV file is bounded the same way.

use std::io::Read;
use std::path::Path;

use spotcheck_core::messages::Message;
use spotcheck_core::msg;

/// The most rows a list may have (the header row and any title rows above it included).
pub(crate) const MAX_ROWS: usize = 50_000;

/// The most columns a list may have: A to CV.
pub(crate) const MAX_COLS: usize = 100;

/// The most bytes a workbook's parts may inflate to, together.
pub(crate) const MAX_INFLATED: u64 = 256 * 1024 * 1024;

/// The most parts (zip entries) a workbook may have.
pub(crate) const MAX_PARTS: usize = 10_000;

/// The rows of the sheet read, as text, with where they are.
pub struct Sheet {
    /// How findings name the sheet: `list.xlsx:企业名单` or `list.csv`.
    pub label: String,
    /// Whether a cell is named `label!C12` (a workbook's sheet) or `label:C12` (a CSV file).
    pub workbook: bool,
    /// Every row up to the last that holds a value, as text, trimmed; each row as long as its
    /// last value.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// Where a cell is: `list.xlsx:企业名单!C12`; `row` and `col` from 0.
    pub fn cell(&self, row: usize, col: usize) -> String {
        cell_name(&self.label, self.workbook, row, col)
    }

    /// Puts `text` at (`row`, `col`), or says which cell lies beyond the bounds. Empty text
    /// takes no room.
    fn put(&mut self, row: usize, col: usize, text: String) -> Result<(), Message> {
        if text.is_empty() {
            return Ok(());
        }
        if row >= MAX_ROWS || col >= MAX_COLS {
            return Err(msg!(
                ImportTooFar,
                cell = self.cell(row, col),
                rows = MAX_ROWS,
                column = column_letters(MAX_COLS - 1)
            ));
        }
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= col {
            cells.resize_with(col + 1, String::new);
        }
        cells[col] = text;
        Ok(())
    }
}

fn cell_name(label: &str, workbook: bool, row: usize, col: usize) -> String {
    let sep = if workbook { '!' } else { ':' };
    format!("{label}{sep}{}{}", column_letters(col), row + 1)
}

/// `A`, `B`, … `Z`, `AA`, … for a column from 0.
pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Reads the first sheet of a workbook, or a CSV file (UTF-8, with or without BOM, or the
/// GB18030 that spreadsheet programs save in China).
pub fn read_sheet(path: &Path) -> Result<Sheet, Message> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => read_workbook(path),
        "csv" => read_csv(path),
        _ => Err(msg!(ImportFormat, path = path)),
    }
}

fn unreadable(path: &Path, e: &dyn std::fmt::Display) -> Message {
    msg!(ImportRead, path = path, error = e.to_string())
}

fn read_workbook(path: &Path) -> Result<Sheet, Message> {
    use calamine::Reader;
    inspect_workbook(path)?;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook(path).map_err(|e| unreadable(path, &e))?;
    let name = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| msg!(ImportNoSheet, path = path))?;
    let mut sheet = Sheet {
        label: format!("{}:{name}", path.display()),
        workbook: true,
        rows: Vec::new(),
    };
    let mut cells = wb
        .worksheet_cells_reader(&name)
        .map_err(|e| unreadable(path, &e))?;
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(path, &e))? {
        let (r, c) = cell.get_position();
        sheet.put(r as usize, c as usize, cell_text(cell.get_value()))?;
    }
    Ok(sheet)
}

/// Reads every part of the workbook once, with bounds on their number and inflated size, and
/// checks that the shared-string table declares no more strings than it can hold.
fn inspect_workbook(path: &Path) -> Result<(), Message> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
    let mut zip =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| unreadable(path, &e))?;
    let too_large = || msg!(ImportTooLarge, path = path, limit = MAX_INFLATED >> 20);
    if zip.len() > MAX_PARTS {
        return Err(too_large());
    }
    let mut budget = MAX_INFLATED;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(path, &e))?;
        let shared = part
            .name()
            .is_ok_and(|n| n.eq_ignore_ascii_case("xl/sharedStrings.xml"));
        let mut head = Vec::new();
        let mut sink = [0u8; 64 * 1024];
        let mut read: u64 = 0;
        loop {
            let n = part.read(&mut sink).map_err(|e| unreadable(path, &e))?;
            if n == 0 {
                break;
            }
            read += n as u64;
            if read > budget {
                return Err(too_large());
            }
            if shared && head.len() < 4096 {
                head.extend_from_slice(&sink[..n.min(4096 - head.len())]);
            }
        }
        budget -= read;
        if shared && declared_strings(&head).is_some_and(|n| n > read / 7 + 1) {
            // `<si><t/></si>` is the shortest string: no table holds more than a string a
            // seven bytes.
            return Err(unreadable(path, &"sharedStrings.xml: uniqueCount"));
        }
    }
    Ok(())
}

/// The `uniqueCount` the shared-string table's `<sst …>` declares, if it reads as a number
/// (a number too large for `u64` counts as the largest).
fn declared_strings(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let at = text.find("<sst")?;
    let tag = &text[at..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let value = tag.split("uniqueCount=").nth(1)?;
    let value = value.trim_start_matches(['"', '\'']);
    let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    Some(digits.parse::<u64>().unwrap_or(u64::MAX))
}

/// A workbook cell as text, trimmed: whole numbers without `.0` (phone numbers, postcodes
/// typed as numbers), dates as `2024-04-16`.
fn cell_text(d: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef;
    match d {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::String(s) => s.trim().to_string(),
        DataRef::SharedString(s) => s.trim().to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.chars().take(10).collect(),
    }
}

fn read_csv(path: &Path) -> Result<Sheet, Message> {
    let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_INFLATED {
        return Err(msg!(
            ImportTooLarge,
            path = path,
            limit = MAX_INFLATED >> 20
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_INFLATED + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(path, &e))?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
    };
    drop(bytes);
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet {
        label: path.display().to_string(),
        workbook: false,
        rows: Vec::new(),
    };
    let mut record = csv::StringRecord::new();
    let mut r = 0;
    while rd
        .read_record(&mut record)
        .map_err(|e| unreadable(path, &e))?
    {
        for (c, field) in record.iter().enumerate() {
            sheet.put(r, c, field.trim().to_string())?;
        }
        r += 1;
    }
    Ok(sheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(MAX_COLS - 1), "CV");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn the_declared_string_count_is_read_from_the_table_head() {
        let head = br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount="2"><si>"#;
        assert_eq!(declared_strings(head), Some(2));
        let huge = br#"<sst uniqueCount="99999999999999999999999">"#;
        assert_eq!(declared_strings(huge), Some(u64::MAX));
        assert_eq!(declared_strings(b"<sst count=\"1\">"), None);
    }

    #[test]
    fn a_value_past_the_bounds_is_refused_by_its_cell_and_an_empty_one_takes_no_room() {
        let mut s = Sheet {
            label: "l.xlsx:S".into(),
            workbook: true,
            rows: Vec::new(),
        };
        s.put(1_048_575, 16_383, String::new()).unwrap();
        assert!(s.rows.is_empty());
        let e = s.put(1_048_575, 16_383, "x".into()).unwrap_err();
        assert!(
            e.in_lang(spotcheck_core::messages::Lang::Zh)
                .contains("l.xlsx:S!XFD1048576")
        );
        s.put(2, 1, "b".into()).unwrap();
        assert_eq!(
            s.rows,
            vec![vec![], vec![], vec![String::new(), "b".into()]]
        );
    }
}

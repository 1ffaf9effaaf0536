//! The QR code of a printed page: a short text that names the record the page belongs to,
//! drawn in the page's lower right margin as a black-and-white image of one pixel a module,
//! scaled up without smoothing. `spotcheck verify ARCHIVE --qr TEXT` reads it back (`archive::lookup`).
//!
//! The text, one line of fields separated by `/` (docs/ARCHIVE.md, "The QR code of a page"):
//!
//! ```text
//! SC2/B:<batch id>/C:<case id>/K:<KIND>/L:<copy>/P:<page>/H:<first 128 bits of the SHA-256 of the case file>
//! ```
//!
//! `L` is the copy (联) the print is, from 1; `P` the page, from 1; `K` the kind in capitals;
//! `H`, in 32 capital hex digits, is written on final documents only (a draft is made from a
//! case file still being written). In a value, `%`, `/` and `:` are written `%25`, `%2F` and
//! `%3A`. Every character of such a text is one of QR's alphanumeric set when the ids are in
//! capitals, as the samples' are: 5.5 bits a character instead of 8, so that the code has few
//! enough modules to print them 0.33 mm wide or more in its 16 mm square (a phone's camera and
//! a 200 dpi scan read them). The first format,
//! `SPOTCHECK1;B=…;C=…;K=…;L=…;P=…;H=<64 hex>`, is still read (pages printed before).

use qrcode::{EcLevel, QrCode};

/// What every spotcheck QR text starts with: the format and its version.
pub(crate) const PREFIX: &str = "SC2";

/// What the texts of the first format start with (still read).
pub(crate) const PREFIX_V1: &str = "SPOTCHECK1";

/// How many hex digits of the case file's SHA-256 a code carries: 128 bits, enough that no
/// other file can be made to match (a second preimage of 128 bits), half the digits of the
/// whole hash.
pub const HASH_DIGITS: usize = 32;

/// What the QR code of one page says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageMark {
    pub batch: String,
    pub case: String,
    pub kind: String,
    /// The copy (联), from 1.
    pub copy: usize,
    /// The page, from 1.
    pub page: usize,
    /// The SHA-256 of the case file the document was made from, or its first
    /// [`HASH_DIGITS`] digits (as codes carry it), lowercase hex; final documents only.
    pub case_sha256: Option<String>,
}

/// Why a text is not a spotcheck QR text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkError {
    /// It does not start with [`PREFIX`].
    NotOurs,
    /// A field is missing, repeated, unknown or malformed: its key.
    Field(String),
}

impl PageMark {
    /// The modules ([`modules`]) of the codes of pages 1 to `pages` of the document this mark
    /// names (its own `page` is not read): what a template's `qr` holds.
    pub fn codes(&self, pages: usize) -> Vec<String> {
        (1..=pages)
            .map(|page| {
                modules(
                    &PageMark {
                        page,
                        ..self.clone()
                    }
                    .text(),
                )
            })
            .collect()
    }

    /// The text the QR code encodes.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{PREFIX}/B:{}/C:{}/K:{}/L:{}/P:{}",
            escape(&self.batch),
            escape(&self.case),
            escape(&self.kind.to_ascii_uppercase()),
            self.copy,
            self.page
        );
        if let Some(h) = &self.case_sha256 {
            s.push_str("/H:");
            s.push_str(&h[..h.len().min(HASH_DIGITS)].to_ascii_uppercase());
        }
        s
    }

    /// Whether the hash this mark carries is that of the file whose SHA-256 is `sha256` (the
    /// whole, or its first [`HASH_DIGITS`] digits); `None` without one.
    pub fn names_file(&self, sha256: &str) -> Option<bool> {
        self.case_sha256.as_ref().map(|h| {
            sha256.eq_ignore_ascii_case(h)
                || (h.len() == HASH_DIGITS && sha256.to_ascii_lowercase().starts_with(h.as_str()))
        })
    }

    /// Reads a scanned text back (surrounding white space ignored), in either format.
    pub fn parse(text: &str) -> Result<PageMark, MarkError> {
        let text = text.trim();
        let (mut fields, sep, v1) = if let Some(rest) = text.strip_prefix(PREFIX_V1) {
            (rest.split(';'), '=', true)
        } else if let Some(rest) = text.strip_prefix(PREFIX) {
            (rest.split('/'), ':', false)
        } else {
            return Err(MarkError::NotOurs);
        };
        if fields.next() != Some("") {
            return Err(MarkError::NotOurs);
        }
        let mut values: [Option<String>; 6] = Default::default();
        const KEYS: [&str; 6] = ["B", "C", "K", "L", "P", "H"];
        for field in fields {
            let (key, value) = field.split_once(sep).unwrap_or((field, ""));
            let slot = KEYS
                .iter()
                .position(|k| *k == key)
                .ok_or_else(|| MarkError::Field(key.to_string()))?;
            if values[slot].is_some() {
                return Err(MarkError::Field(key.to_string()));
            }
            values[slot] = Some(unescape(value).ok_or_else(|| MarkError::Field(key.to_string()))?);
        }
        let [batch, case, kind, copy, page, hash] = values;
        let required = |v: Option<String>, key: &str| {
            v.filter(|v| !v.is_empty())
                .ok_or_else(|| MarkError::Field(key.to_string()))
        };
        let number = |v: Option<String>, key: &str| {
            required(v, key)?
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| MarkError::Field(key.to_string()))
        };
        let digits = if v1 { 64 } else { HASH_DIGITS };
        let case_sha256 = match hash {
            None => None,
            Some(h) if h.len() == digits && h.bytes().all(|b| b.is_ascii_hexdigit()) => {
                Some(h.to_ascii_lowercase())
            }
            Some(_) => return Err(MarkError::Field("H".into())),
        };
        Ok(PageMark {
            batch: required(batch, "B")?,
            case: required(case, "C")?,
            kind: required(kind, "K")?.to_ascii_lowercase(),
            copy: number(copy, "L")?,
            page: number(page, "P")?,
            case_sha256,
        })
    }
}

fn escape(value: &str) -> String {
    value
        .replace('%', "%25")
        .replace('/', "%2F")
        .replace(':', "%3A")
        .replace(';', "%3B")
        .replace('=', "%3D")
}

fn unescape(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3)?;
        out.push(match code.to_ascii_uppercase().as_str() {
            "25" => '%',
            "2F" => '/',
            "3A" => ':',
            "3B" => ';',
            "3D" => '=',
            _ => return None,
        });
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    Some(out)
}

/// Modules of quiet zone on each side, as the standard asks.
const QUIET_ZONE: usize = 4;

/// The QR code of `text` as its modules, for Typst to draw (`qr-draw` in spotcheck.typ, as
/// an image of one pixel a module scaled up without smoothing): one row a line from the top,
/// `1` dark and `0` light, rows joined by `/`, with the standard quiet zone of four modules.
/// Error correction level M (15 % of the code may be soiled or torn).
pub fn modules(text: &str) -> String {
    // A text of a few hundred bytes always fits (version 40 holds 2,331 bytes at level M).
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .expect("a page's QR text is short");
    let width = code.width();
    let colors = code.to_colors();
    let side = width + 2 * QUIET_ZONE;
    let light = "0".repeat(side);
    let mut rows = vec![light.clone(); QUIET_ZONE];
    for row in colors.chunks(width) {
        let mut line = "0".repeat(QUIET_ZONE);
        line.extend(row.iter().map(|c| match c {
            qrcode::Color::Dark => '1',
            qrcode::Color::Light => '0',
        }));
        line.push_str(&"0".repeat(QUIET_ZONE));
        rows.push(line);
    }
    rows.extend(std::iter::repeat_n(light, QUIET_ZONE));
    rows.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(hash: Option<&str>) -> PageMark {
        PageMark {
            batch: "JC-2023-01".into(),
            case: "a;b=c%".into(),
            kind: "sampling-sheet".into(),
            copy: 2,
            page: 1,
            case_sha256: hash.map(str::to_string),
        }
    }

    #[test]
    fn a_text_reads_back_as_written() {
        let h = "ab".repeat(32);
        let short = PageMark {
            case_sha256: Some("ab".repeat(16)),
            ..mark(None)
        };
        for m in [mark(None), short.clone()] {
            assert_eq!(PageMark::parse(&m.text()), Ok(m));
        }
        // The whole hash is written as its first 32 digits, and names the same file.
        let whole = mark(Some(&h));
        assert_eq!(PageMark::parse(&whole.text()), Ok(short.clone()));
        assert_eq!(short.names_file(&h), Some(true));
        assert_eq!(short.names_file(&"cd".repeat(32)), Some(false));
        assert_eq!(
            mark(None).text(),
            "SC2/B:JC-2023-01/C:a%3Bb%3Dc%25/K:SAMPLING-SHEET/L:2/P:1"
        );
        // The first format is still read.
        let v1 = format!("SPOTCHECK1;B=JC-2023-01;C=a%3Bb%3Dc%25;K=sampling-sheet;L=2;P=1;H={h}");
        assert_eq!(PageMark::parse(&v1), Ok(whole));
    }

    #[test]
    fn other_texts_are_refused() {
        assert_eq!(
            PageMark::parse("https://example.com"),
            Err(MarkError::NotOurs)
        );
        assert_eq!(PageMark::parse("SC2X/B:x"), Err(MarkError::NotOurs));
        let bad = |t: &str, key: &str| {
            assert_eq!(PageMark::parse(t), Err(MarkError::Field(key.into())), "{t}");
        };
        bad("SPOTCHECK1;B=x;C=y;K=z;L=0;P=1", "L");
        bad("SPOTCHECK1;B=x;C=y;K=z;L=1", "P");
        bad("SPOTCHECK1;B=x;C=y;K=z;L=1;P=1;H=12", "H");
        bad("SC2/B:x/C:y/K:z/L:1/P:1/H:12", "H");
        bad("SC2/B:x/B:x/C:y/K:z/L:1/P:1", "B");
        bad("SC2/B:x/C:y/K:z/L:1/P:1/Q:1", "Q");
        bad("SC2/B:x%2/C:y/K:z/L:1/P:1", "B");
    }

    #[test]
    fn a_samples_text_is_alphanumeric_and_small_enough_for_modules_of_a_third_of_a_millimetre() {
        let m = PageMark {
            batch: "JC-2023-01".into(),
            case: "JZ-2023-001".into(),
            kind: "sealing-notice".into(),
            copy: 3,
            page: 12,
            case_sha256: Some("0f".repeat(32)),
        };
        let text = m.text();
        assert!(
            text.chars()
                .all(|c| "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".contains(c)),
            "{text}"
        );
        let side = modules(&text).split('/').count();
        // 16 mm across (spotcheck.typ's qr-size), quiet zone included.
        assert!(16.0 / side as f64 >= 0.33, "{side} modules in 16 mm");
    }

    #[test]
    fn the_modules_are_a_square_with_its_quiet_zone() {
        let m = modules(&mark(Some(&"0".repeat(HASH_DIGITS))).text());
        let rows: Vec<&str> = m.split('/').collect();
        assert!(rows.iter().all(|r| r.len() == rows.len()), "not square");
        assert!(rows[..QUIET_ZONE].iter().all(|r| !r.contains('1')));
        assert!(
            rows.iter()
                .all(|r| r.starts_with("0000") && r.ends_with("0000"))
        );
        // The finder pattern's top edge: seven dark modules after the quiet zone.
        assert_eq!(&rows[QUIET_ZONE][QUIET_ZONE..QUIET_ZONE + 8], "11111110");
    }
}

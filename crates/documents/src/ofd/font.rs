//! The fonts of a package: each subset to the glyphs its pages use (with the `subsetter`
//! crate, as the PDF export does), then given back what a font needs outside a PDF: a `cmap`
//! from the characters to the new glyph ids (so that readers which map text through the
//! font find the glyphs) and the original `OS/2` table.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, LazyLock, Mutex};

use subsetter::GlyphRemapper;
use typst::text::Font;
use write_fonts::FontBuilder;
use write_fonts::read::{FontRef, TableProvider};
use write_fonts::tables::cmap::Cmap;
use write_fonts::types::{GlyphId, Tag};

use super::OfdError;

/// A font of the document and the glyphs used of it.
pub(crate) struct FontEntry {
    pub font: Font,
    pub id: u32,
    /// PostScript name (`FontName`) and family (`FamilyName`).
    pub name: String,
    pub family: String,
    pub bold: bool,
    pub(crate) italic: bool,
    remapper: GlyphRemapper,
    /// The character each new glyph id stands for, where one character is one glyph.
    chars: BTreeMap<char, u16>,
}

impl FontEntry {
    pub fn new(font: Font, id: u32) -> FontEntry {
        let info = font.info();
        let family = info.family.clone();
        let name = postscript_name(&font).unwrap_or_else(|| family.replace(' ', ""));
        let bold = info.variant.weight.to_number() >= 600;
        let italic = info.variant.style != typst::text::FontStyle::Normal;
        FontEntry {
            font,
            id,
            name,
            family,
            bold,
            italic,
            remapper: GlyphRemapper::new(),
            chars: BTreeMap::new(),
        }
    }

    /// The id of glyph `old` in the subset; `ch` is the character it stands for alone.
    pub fn glyph(&mut self, old: u16, ch: Option<char>) -> u16 {
        let new = self.remapper.remap(old);
        if let Some(ch) = ch {
            // The first glyph met for a character is the cmap's (a later, other glyph for
            // the same character, a localized form, is reached through CGTransform only).
            self.chars.entry(ch).or_insert(new);
        }
        new
    }
}

/// Subsets already made in this run, by font and glyphs: the documents of one kind share their
/// headings' glyphs (the bold title of every sampling sheet is the same 13 glyphs), and a
/// subset is a pure function of its key, so the cache changes no byte.
type SubsetKey = (Font, Vec<u16>, Vec<(char, u16)>);
static SUBSETS: LazyLock<Mutex<HashMap<SubsetKey, Subset>>> = LazyLock::new(Default::default);
/// Subsets kept at most; the cache starts again when full.
const SUBSET_CACHE: usize = 512;

/// A subset font file and its extension.
pub(crate) type Subset = (Arc<[u8]>, &'static str);

/// The subset font file and its extension (`otf` for CFF outlines, `ttf` otherwise).
pub(crate) fn subset(entry: &FontEntry) -> Result<Subset, OfdError> {
    let key: SubsetKey = (
        entry.font.clone(),
        entry.remapper.remapped_gids().collect(),
        entry.chars.iter().map(|(&c, &g)| (c, g)).collect(),
    );
    if let Some(hit) = SUBSETS.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
        return Ok(hit.clone());
    }
    let made = make_subset(entry)?;
    let made: Subset = (made.0.into(), made.1);
    let mut cache = SUBSETS.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= SUBSET_CACHE {
        cache.clear();
    }
    cache.insert(key, made.clone());
    Ok(made)
}

fn make_subset(entry: &FontEntry) -> Result<(Vec<u8>, &'static str), OfdError> {
    let err = |reason: String| OfdError::Font {
        font: entry.name.clone(),
        reason,
    };
    let data = entry.font.data();
    let index = entry.font.index();
    let sub = subsetter::subset(data, index, &entry.remapper).map_err(|e| err(e.to_string()))?;
    let original = FontRef::from_index(data, index).map_err(|e| err(e.to_string()))?;
    let subset = FontRef::new(&sub).map_err(|e| err(e.to_string()))?;
    let cmap = Cmap::from_mappings(
        entry
            .chars
            .iter()
            .map(|(&c, &g)| (c, GlyphId::new(u32::from(g)))),
    )
    .map_err(|e| err(e.to_string()))?;
    let mut builder = FontBuilder::new();
    builder.add_table(&cmap).map_err(|e| err(e.to_string()))?;
    let os2 = Tag::new(b"OS/2");
    if let Some(data) = original.data_for_tag(os2) {
        builder.add_raw(os2, data.as_bytes().to_vec());
    }
    let ext = if subset.cff().is_ok() { "otf" } else { "ttf" };
    builder.copy_missing_tables(subset);
    Ok((builder.build(), ext))
}

/// The font's PostScript name (name id 6).
fn postscript_name(font: &Font) -> Option<String> {
    let face = FontRef::from_index(font.data(), font.index()).ok()?;
    let name = face.name().ok()?;
    name.name_record()
        .iter()
        .filter(|r| r.name_id() == write_fonts::types::NameId::POSTSCRIPT_NAME)
        .find_map(|r| {
            let s: String = r.string(name.string_data()).ok()?.chars().collect();
            (!s.is_empty()).then_some(s)
        })
}

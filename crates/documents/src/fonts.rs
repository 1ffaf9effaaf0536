//! Fonts: the open CJK fonts embedded in the binary, any `--font-path` folders and the system's,
//! and the choice of a family chain for each style of official paperwork.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst_kit::fonts::{FontSource, FontStore};

/// The embedded open fonts (fonts/ in the repository), so that a copied binary works alone:
/// `(file name, size, zstd-compressed bytes)`, made by build.rs.
const EMBEDDED: &[(&str, usize, &[u8])] = include!(concat!(env!("OUT_DIR"), "/fonts.rs"));

/// What Typst knows of each embedded font without reading it (family, style, coverage), by
/// file name, one entry per face: `fonts/embedded.json`. A test computes it again from the
/// fonts and fails when it is stale (`SPOTCHECK_UPDATE_FONT_INFO=1` rewrites it).
pub const EMBEDDED_INFO: &str = include_str!("../../../fonts/embedded.json");

/// The bytes of an embedded font, decompressed.
pub(crate) fn embedded_bytes(name: &str) -> Option<Vec<u8>> {
    let (_, size, packed) = EMBEDDED.iter().find(|(n, _, _)| *n == name)?;
    let mut out = Vec::with_capacity(*size);
    zstd::stream::copy_decode(*packed, &mut out).ok()?;
    Some(out)
}

/// The infos of every face of every embedded font, as Typst computes them from the bytes.
pub fn compute_embedded_info() -> Vec<(String, Vec<FontInfo>)> {
    EMBEDDED
        .iter()
        .map(|(name, _, _)| {
            let data = embedded_bytes(name).unwrap_or_default();
            (name.to_string(), FontInfo::iter(&data).collect())
        })
        .collect()
}

/// One embedded font file, decompressed on first use and shared by its faces.
struct EmbeddedFile {
    name: &'static str,
    data: OnceLock<Option<Bytes>>,
}

impl EmbeddedFile {
    fn bytes(&self) -> Option<Bytes> {
        self.data
            .get_or_init(|| embedded_bytes(self.name).map(Bytes::new))
            .clone()
    }
}

/// A face of an embedded font: loaded when Typst first needs a glyph of it.
struct EmbeddedFace {
    file: Arc<EmbeddedFile>,
    index: u32,
}

impl FontSource for EmbeddedFace {
    fn load(&self) -> Option<Font> {
        Font::new(self.file.bytes()?, self.index)
    }
}

/// Characters a font family draws wrongly, by family name prefix: such a family is told not
/// to cover them, so that the next font of the chain draws them. The Fandol fonts draw
/// U+FFE5 FULLWIDTH YEN SIGN (￥) as a dollar sign.
pub(crate) const WRONG_GLYPHS: &[(&str, &[char])] = &[("Fandol", &['\u{FFE5}'])];

/// The characters `family` must not be used for.
pub(crate) fn wrong_glyphs(family: &str) -> &'static [char] {
    WRONG_GLYPHS
        .iter()
        .find(|(prefix, _)| family.starts_with(prefix))
        .map_or(&[], |(_, chars)| chars)
}

/// The Ming-style (Song) fonts that catch the rare characters of personal and enterprise names
/// (喆, 堃, 燊, 𠮷) in the Song, FangSong, Kai and title styles, so that such a character looks
/// like the text around it: HanaMinA for the basic plane (the characters the Fandol fonts
/// lack), HanaMinB for the supplementary planes (CJK extensions B to F).
pub(crate) const SERIF_FALLBACK: [&str; 2] = ["HanaMinA", "HanaMinB"];

/// The sans font that catches rare characters in the Hei style, and everything else the
/// other fonts lack.
pub(crate) const FALLBACK: &str = "Noto Sans CJK SC";

/// After the CJK fonts: symbols they lack (subscript digits, math signs).
pub(crate) const SYMBOLS: &str = "Libertinus Serif";

/// A style of Chinese official paperwork.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// 小标宋: document titles.
    Title,
    /// 宋体: forms and tables.
    Song,
    /// 黑体: level-1 headings, emphasis.
    Hei,
    /// 仿宋: the body of official documents.
    Fang,
    /// 楷体: level-2 headings.
    Kai,
}

impl Style {
    pub const ALL: [Style; 5] = [
        Style::Title,
        Style::Song,
        Style::Hei,
        Style::Fang,
        Style::Kai,
    ];

    /// The key of the style in the generated `fonts.typ`.
    pub fn key(self) -> &'static str {
        match self {
            Style::Title => "title",
            Style::Song => "song",
            Style::Hei => "hei",
            Style::Fang => "fang",
            Style::Kai => "kai",
        }
    }

    /// What the style is called and used for, in the user's language.
    pub fn label(self) -> spotcheck_core::messages::Message {
        match self {
            Style::Title => spotcheck_core::msg!(FontStyleTitle),
            Style::Song => spotcheck_core::msg!(FontStyleSong),
            Style::Hei => spotcheck_core::msg!(FontStyleHei),
            Style::Fang => spotcheck_core::msg!(FontStyleFang),
            Style::Kai => spotcheck_core::msg!(FontStyleKai),
        }
    }

    /// The official fonts that offices install, in order of preference (English and Chinese
    /// family names), then the open stand-in shipped in fonts/.
    fn candidates(self) -> &'static [&'static str] {
        match self {
            Style::Title => &[
                "FZXiaoBiaoSong-B05S",
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05",
                "方正小标宋_GBK",
                "FandolSong",
            ],
            Style::Song => &["SimSun", "宋体", "FandolSong"],
            Style::Hei => &["SimHei", "黑体", "FandolHei"],
            Style::Fang => &[
                "FangSong_GB2312",
                "仿宋_GB2312",
                "FangSong",
                "仿宋",
                "FandolFang",
                "FandolFang R",
            ],
            Style::Kai => &["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "FandolKai"],
        }
    }
}

/// Where fonts come from.
#[derive(Debug, Clone, Default)]
pub struct FontOptions {
    /// Extra folders searched recursively (`--font-path`).
    pub font_paths: Vec<PathBuf>,
    /// Also use the fonts installed on the system.
    pub system_fonts: bool,
}

/// All fonts known to the engine and the chain chosen for each style.
pub struct Fonts {
    pub store: FontStore,
    /// For each style, the families in order: the first available official or stand-in
    /// family, then the fallback.
    pub chains: Vec<(Style, Vec<String>)>,
    /// Indices (in the font book) of every font in some chain.
    pub in_use: Vec<usize>,
    /// Where each font came from, by index: `embedded:NAME` or a path.
    pub origins: Vec<String>,
    /// The bold face of the title style's first family, when it has one ([`Fonts::lacking_bold`]).
    title_bold: Option<usize>,
}

/// The index of the bold face (semibold or heavier) of the title style's first family.
fn title_bold(book: &FontBook, chains: &[(Style, Vec<String>)]) -> Option<usize> {
    let family = chains
        .iter()
        .find(|(style, _)| *style == Style::Title)
        .and_then(|(_, chain)| chain.first())?;
    let variant = typst::text::FontVariant::new(
        typst::text::FontStyle::Normal,
        typst::text::FontWeight::BOLD,
        typst::text::FontStretch::NORMAL,
    );
    book.select(&family.to_lowercase(), variant).filter(|&i| {
        book.info(i)
            .is_some_and(|info| info.variant.weight >= typst::text::FontWeight::SEMIBOLD)
    })
}

impl Fonts {
    pub fn load(options: &FontOptions) -> Fonts {
        let mut store = FontStore::new();
        let mut origins = Vec::new();
        // Explicit folders first, then the system, then the embedded stand-ins: on a tie the
        // font book prefers what comes first.
        for dir in &options.font_paths {
            for (path, info) in typst_kit::fonts::scan(dir) {
                origins.push(path.path.display().to_string());
                store.push((path, info));
            }
        }
        if options.system_fonts {
            for (path, info) in typst_kit::fonts::system() {
                origins.push(path.path.display().to_string());
                store.push((path, info));
            }
        }
        // Typst's own fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono) catch the
        // symbols that CJK fonts lack: sub- and superscript digits of chemical formulas (P₂O₅,
        // NO₃⁻) and the like.
        for (font, info) in typst_kit::fonts::embedded() {
            origins.push(format!("embedded:typst:{}", info.family));
            store.push((font, info));
        }
        let infos: Vec<(String, Vec<FontInfo>)> =
            serde_json::from_str(EMBEDDED_INFO).unwrap_or_default();
        for (name, faces) in infos {
            let Some(&(name, _, _)) = EMBEDDED.iter().find(|(n, _, _)| *n == name) else {
                continue;
            };
            let file = Arc::new(EmbeddedFile {
                name,
                data: OnceLock::new(),
            });
            for (index, info) in faces.into_iter().enumerate() {
                origins.push(format!("embedded:{name}"));
                let face = EmbeddedFace {
                    file: file.clone(),
                    index: index as u32,
                };
                store.push((face, info));
            }
        }

        let book: &FontBook = store.book();
        let mut chains = Vec::new();
        for style in Style::ALL {
            let mut chain: Vec<String> = Vec::new();
            if let Some(first) = style
                .candidates()
                .iter()
                .find(|f| book.contains_family(&f.to_lowercase()))
            {
                chain.push((*first).to_string());
            }
            let fallbacks: &[&str] = match style {
                Style::Hei => &[FALLBACK, SERIF_FALLBACK[0], SERIF_FALLBACK[1], SYMBOLS],
                _ => &[SERIF_FALLBACK[0], SERIF_FALLBACK[1], FALLBACK, SYMBOLS],
            };
            for extra in fallbacks {
                if !chain.iter().any(|f| f.eq_ignore_ascii_case(extra)) {
                    chain.push(extra.to_string());
                }
            }
            chains.push((style, chain));
        }
        let mut in_use: Vec<usize> = chains
            .iter()
            .flat_map(|(_, chain)| chain.iter())
            .flat_map(|family| {
                book.select_family(&family.to_lowercase())
                    .collect::<Vec<_>>()
            })
            .collect();
        in_use.sort_unstable();
        in_use.dedup();
        let title_bold = title_bold(book, &chains);
        Fonts {
            store,
            chains,
            in_use,
            origins,
            title_bold,
        }
    }

    /// Whether some font in use draws `c` (a family is not counted for the characters it
    /// draws wrongly, [`WRONG_GLYPHS`]).
    pub fn covers(&self, c: char) -> bool {
        let book = self.store.book();
        self.in_use.iter().any(|&i| {
            book.info(i).is_some_and(|info| {
                info.coverage.contains(c as u32) && !wrong_glyphs(&info.family).contains(&c)
            })
        })
    }

    /// The characters of `text` that the title style's bold face does not draw but a fallback
    /// does, in order and once each: a bold line (a title, `*strong*` in 宋体) would print them
    /// regular, and the documents embolden them with a stroke instead (`faux-bold` in
    /// spotcheck.typ). Empty when the style's first family has no bold face at all (every
    /// character is then regular alike) or draws every character.
    pub(crate) fn lacking_bold(&self, text: &str) -> String {
        let Some(bold) = self.title_bold.and_then(|i| self.store.book().info(i)) else {
            return String::new();
        };
        let mut out = String::new();
        for c in text.chars() {
            if c.is_ascii() || c.is_whitespace() || out.contains(c) {
                continue;
            }
            if !bold.coverage.contains(c as u32) && self.covers(c) {
                out.push(c);
            }
        }
        out
    }

    /// The Typst source of `fonts.typ`: one array of families per style.
    pub fn typst_module(&self) -> String {
        let mut out = String::from(
            "// Font chains chosen for this run: official fonts when installed, else the open stand-ins.\n",
        );
        for (style, chain) in &self.chains {
            let list: Vec<String> = chain
                .iter()
                .map(|f| {
                    let wrong = wrong_glyphs(f);
                    if wrong.is_empty() {
                        format!("{f:?}")
                    } else {
                        // Not used for the characters it draws wrongly: the next font draws them.
                        let class: String = wrong
                            .iter()
                            .map(|c| format!("\\u{{{:X}}}", *c as u32))
                            .collect();
                        format!("(name: {f:?}, covers: regex(\"[^{class}]\"))")
                    }
                })
                .collect();
            out.push_str(&format!(
                "#let font-{} = ({},)\n",
                style.key(),
                list.join(", ")
            ));
        }
        out
    }
}

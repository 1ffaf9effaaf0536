//! Fonts: the open CJK fonts embedded in the binary, any `--font-path` folders and the system's,
//! and the choice of a family chain for each style of official paperwork.

use std::path::PathBuf;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst_kit::fonts::FontStore;

/// The embedded open fonts (fonts/ in the repository), so that a copied binary works alone.
const EMBEDDED: &[(&str, &[u8])] = &[
    (
        "FandolSong-Regular.otf",
        include_bytes!("../fonts/FandolSong-Regular.otf"),
    ),
    (
        "FandolSong-Bold.otf",
        include_bytes!("../fonts/FandolSong-Bold.otf"),
    ),
    (
        "FandolHei-Regular.otf",
        include_bytes!("../fonts/FandolHei-Regular.otf"),
    ),
    (
        "FandolHei-Bold.otf",
        include_bytes!("../fonts/FandolHei-Bold.otf"),
    ),
    (
        "FandolFang-Regular.otf",
        include_bytes!("../fonts/FandolFang-Regular.otf"),
    ),
    (
        "FandolKai-Regular.otf",
        include_bytes!("../fonts/FandolKai-Regular.otf"),
    ),
    (
        "NotoSansCJK-Regular.ttc",
        include_bytes!("../fonts/NotoSansCJK-Regular.ttc"),
    ),
];

/// The broad-coverage font that ends every chain: it catches the rare characters of personal
/// and enterprise names (喆, 堃, 燊, 𠮷).
pub const FALLBACK: &str = "Noto Sans CJK SC";

/// After the CJK fonts: symbols they lack (subscript digits, math signs).
pub const SYMBOLS: &str = "Libertinus Serif";

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
    pub fn label(self) -> crate::messages::Message {
        match self {
            Style::Title => crate::msg!(FontStyleTitle),
            Style::Song => crate::msg!(FontStyleSong),
            Style::Hei => crate::msg!(FontStyleHei),
            Style::Fang => crate::msg!(FontStyleFang),
            Style::Kai => crate::msg!(FontStyleKai),
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
        for (name, data) in EMBEDDED {
            for font in Font::iter(Bytes::new(*data)) {
                let info = font.info().clone();
                origins.push(format!("embedded:{name}"));
                store.push((font, info));
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
            for extra in [FALLBACK, SYMBOLS] {
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
        Fonts {
            store,
            chains,
            in_use,
            origins,
        }
    }

    /// Whether some font in use draws `c`.
    pub fn covers(&self, c: char) -> bool {
        let book = self.store.book();
        self.in_use.iter().any(|&i| {
            book.info(i)
                .is_some_and(|info| info.coverage.contains(c as u32))
        })
    }

    /// The Typst source of `fonts.typ`: one array of families per style.
    pub fn typst_module(&self) -> String {
        let mut out = String::from(
            "// Font chains chosen for this run: official fonts when installed, else the open stand-ins.\n",
        );
        for (style, chain) in &self.chains {
            let list: Vec<String> = chain.iter().map(|f| format!("{f:?}")).collect();
            out.push_str(&format!(
                "#let font-{} = ({},)\n",
                style.key(),
                list.join(", ")
            ));
        }
        out
    }
}

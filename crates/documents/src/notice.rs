//! The notice itself as GB/T 9704 lays it out, where the layout depends on the words: the
//! title broken into lines by meaning, and the body's paragraphs with their heading levels.

use serde::Serialize;

/// A paragraph of the notice's body.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Paragraph {
    /// `h1` for `一、…`, `h2` for `（一）…`, `p` for body text.
    pub level: &'static str,
    /// The paragraph, or a level-2 heading up to its first full stop.
    pub text: String,
    /// What follows a level-2 heading in its paragraph (it runs on).
    pub rest: String,
}

/// One paragraph of the notice's body, with its level: `h1` for `一、…`, `h2` for `（一）…`,
/// `p` for body text.
pub(crate) fn notice_paragraphs(body: &str) -> Vec<Paragraph> {
    const NUMERALS: &str = "一二三四五六七八九十";
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let head: String = line.chars().take_while(|c| NUMERALS.contains(*c)).collect();
            let after = &line[head.len()..];
            let level = if !head.is_empty() && after.starts_with('、') {
                "h1"
            } else if line.starts_with('（')
                && line['（'.len_utf8()..]
                    .chars()
                    .take_while(|c| NUMERALS.contains(*c))
                    .count()
                    > 0
            {
                "h2"
            } else {
                "p"
            };
            // A level-2 heading runs on into its paragraph: split it at the first full stop.
            let (heading, rest) = match (level, line.find('。')) {
                ("h2", Some(i)) => (&line[..i + '。'.len_utf8()], &line[i + '。'.len_utf8()..]),
                _ => (line, ""),
            };
            Paragraph {
                level,
                text: heading.to_string(),
                rest: rest.to_string(),
            }
        })
        .collect()
}

/// How a title's lines stand: centred (the notice's title, an annex's title), or from the left
/// margin (an annex's name in the 附件说明, its lines aligned on the first character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Arrangement {
    Centred,
    Left,
}

/// Phrases a line of a title may begin with: a title is broken only before one of them (or
/// after 关于 and after the issuing authority's name), never inside a word.
const PHRASE_STARTS: &[&str] = &[
    "关于",
    "开展",
    "组织",
    "产品质量",
    "监督抽查",
    "的通知",
    "的决定",
    "市场监督管理局",
    "合格产品",
    "不合格产品",
    "企业名单",
    "重点产品",
    "计划",
    "目录",
    "台账",
    "检验情况",
    "质量分析",
];

/// The words a title's line break never falls inside (besides [`PHRASE_STARTS`]): a break
/// before 合格产品 inside 不合格产品 is no break at a phrase.
pub(crate) const TITLE_WORDS: &[&str] = &[
    "不合格",
    "产品",
    "质量",
    "监督",
    "抽查",
    "计划",
    "企业",
    "名单",
    "通知",
    "目录",
    "台账",
    "电气",
    "管理局",
    "开发区",
    "第一批",
    "区级",
];

/// The width of `s` in characters of the title's size: half-width characters count half.
fn title_width(s: &str) -> usize {
    let half = s.chars().filter(|c| c.is_ascii()).count();
    s.chars().count() - half / 2
}

/// The notice's title in lines broken by meaning (GB/T 9704 7.3.3: 回行时词意完整，排列对称，
/// 长短适宜，标题排列应当使用梯形或菱形): see [`title_in_lines`], at 20 characters of 2号 type
/// a line.
pub(crate) fn title_lines(title: &str, authority: &str) -> Vec<String> {
    title_in_lines(title, authority, 20, Arrangement::Centred)
}

/// A title in lines of at most `line` characters, broken by meaning: a title that fits one
/// line stays whole; a longer one is broken, into as few lines as fit, only where a phrase ends
/// (after the issuing authority's name, around 关于, before 开展, 组织, 产品质量, 监督抽查, 的通知
/// and the like, [`PHRASE_STARTS`]), never inside a word ([`TITLE_WORDS`]). Centred, the lines
/// take the shape of a trapezoid (each line as long as the one above or longer) or a diamond
/// (the middle the longest), none of them very short, the most even such; from the left, the
/// first lines as full as they can be. A title written with line breaks keeps them; one no
/// such break can fit is left to the typesetter.
pub(crate) fn title_in_lines(
    title: &str,
    authority: &str,
    line: usize,
    arrangement: Arrangement,
) -> Vec<String> {
    if title.contains('\n') {
        return title
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
    }
    if title_width(title) <= line {
        return vec![title.to_string()];
    }
    let mut cuts: Vec<usize> = Vec::new();
    if !authority.is_empty() && title.starts_with(authority) && authority.len() < title.len() {
        cuts.push(authority.len());
    }
    for start in PHRASE_STARTS {
        cuts.extend(
            title
                .match_indices(start)
                .map(|(i, _)| i)
                .filter(|&i| i > 0),
        );
    }
    if let Some(i) = title.find("关于") {
        cuts.push(i + "关于".len());
    }
    // No cut inside a word (合格产品 inside 不合格产品).
    let inside_word = |c: usize| {
        TITLE_WORDS.iter().chain(PHRASE_STARTS).any(|w| {
            title
                .match_indices(w)
                .any(|(i, _)| i < c && c < i + w.len())
        })
    };
    cuts.retain(|&c| !inside_word(c));
    cuts.sort_unstable();
    cuts.dedup();
    // Every way of cutting into two, three or four lines that fit.
    let mut ways: Vec<Vec<usize>> = Vec::new();
    for (i, &a) in cuts.iter().enumerate() {
        ways.push(vec![a]);
        for (j, &b) in cuts.iter().enumerate().skip(i + 1) {
            ways.push(vec![a, b]);
            for &c in &cuts[j + 1..] {
                ways.push(vec![a, b, c]);
            }
        }
    }
    let lines_of = |way: &[usize]| -> Vec<String> {
        let mut out = Vec::new();
        let mut from = 0;
        for &c in way {
            out.push(title[from..c].trim().to_string());
            from = c;
        }
        out.push(title[from..].trim().to_string());
        out
    };
    ways.into_iter()
        .map(|w| lines_of(&w))
        .filter(|lines| {
            lines
                .iter()
                .all(|l| !l.is_empty() && title_width(l) <= line)
        })
        .min_by_key(|lines| {
            let widths: Vec<usize> = lines.iter().map(|l| title_width(l)).collect();
            let longest = widths.iter().copied().max().unwrap_or(0);
            let shortest = widths.iter().copied().min().unwrap_or(0);
            match arrangement {
                Arrangement::Centred => {
                    let trapezoid = widths.windows(2).all(|w| w[0] <= w[1]);
                    let peak = widths.iter().position(|&w| w == longest).unwrap_or(0);
                    let diamond = peak > 0
                        && peak + 1 < widths.len()
                        && widths[..=peak].windows(2).all(|w| w[0] <= w[1])
                        && widths[peak..].windows(2).all(|w| w[0] >= w[1]);
                    let shape = match (trapezoid || diamond, shortest * 3 >= longest) {
                        (true, true) => 0,
                        (true, false) => 1,
                        (false, _) => 2,
                    };
                    (lines.len(), shape, longest - shortest)
                }
                // The first line as full as it can be, then the second.
                Arrangement::Left => (
                    lines.len(),
                    line - widths[0],
                    widths.get(1).map_or(0, |w| line - w),
                ),
            }
        })
        .unwrap_or_else(|| vec![title.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_break_where_a_phrase_ends() {
        let auth = "晋城市市场监督管理局";
        assert_eq!(
            title_lines(
                "晋城市市场监督管理局关于组织2023年第一批产品质量监督抽查的通知",
                auth
            ),
            [
                "晋城市市场监督管理局关于",
                "组织2023年第一批产品质量监督抽查的通知"
            ]
        );
        let auth = "示例市东湖新技术开发区市场监督管理局";
        assert_eq!(
            title_lines(
                "示例市东湖新技术开发区市场监督管理局关于开展2024年第一批区级产品质量监督抽查的通知",
                auth
            ),
            [
                "示例市东湖新技术开发区",
                "市场监督管理局关于开展2024年第一批区级",
                "产品质量监督抽查的通知"
            ]
        );
        // Annex titles: never 企｜业名单 nor 不｜合格.
        assert_eq!(
            title_in_lines(
                "2024年第一批区级产品质量监督抽查不合格产品企业名单",
                "",
                24,
                Arrangement::Centred
            ),
            ["2024年第一批区级产品质量", "监督抽查不合格产品企业名单"]
        );
        assert_eq!(
            title_in_lines(
                "2023年第一批产品质量监督抽查合格产品企业名单",
                "",
                21,
                Arrangement::Left
            ),
            ["2023年第一批产品质量监督抽查合格产品", "企业名单"]
        );
        assert_eq!(title_lines("关于抽查的通知", auth), ["关于抽查的通知"]);
        assert_eq!(title_lines("第一行\n第二行", auth), ["第一行", "第二行"]);
    }
}

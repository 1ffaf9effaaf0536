//! The notice itself as GB/T 9704 lays it out, where the layout depends on the words: the
//! title broken into lines by meaning, and the body's paragraphs with their heading levels.

use serde::Serialize;

/// A paragraph of the notice's body.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// `h1` for `一、…`, `h2` for `（一）…`, `p` for body text.
    pub level: &'static str,
    /// The paragraph, or a level-2 heading up to its first full stop.
    pub text: String,
    /// What follows a level-2 heading in its paragraph (it runs on).
    pub rest: String,
}

/// One paragraph of the notice's body, with its level: `h1` for `一、…`, `h2` for `（一）…`,
/// `p` for body text.
pub fn notice_paragraphs(body: &str) -> Vec<Paragraph> {
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

/// The notice's title in lines broken by meaning (GB/T 9704 7.3.3: 回行时词意完整，排列对称，
/// 长短适宜): a title that fits one line of 2号 type stays whole; a longer one is broken, into
/// as few lines as fit, only where a phrase ends (after the issuing authority's name, around
/// 关于, before 开展, 组织, 产品质量, 监督抽查 or 的通知), choosing the most even lines. A title
/// written with line breaks keeps them; one no such break can fit is left to the typesetter.
pub fn title_lines(title: &str, authority: &str) -> Vec<String> {
    /// Characters of 22 pt type in the 156 mm type area.
    const LINE: usize = 20;
    /// Phrases a line may begin with.
    const STARTS: &[&str] = &[
        "关于",
        "开展",
        "组织",
        "产品质量",
        "监督抽查",
        "的通知",
        "的决定",
    ];
    // Half-width characters count half.
    let width = |s: &str| -> usize {
        let half = s.chars().filter(|c| c.is_ascii()).count();
        s.chars().count() - half / 2
    };
    if title.contains('\n') {
        return title
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
    }
    if width(title) <= LINE {
        return vec![title.to_string()];
    }
    let mut cuts: Vec<usize> = Vec::new();
    if title.starts_with(authority) && authority.len() < title.len() {
        cuts.push(authority.len());
    }
    for start in STARTS {
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
    cuts.sort_unstable();
    cuts.dedup();
    // Every way of cutting into two or three lines that fit; the fewest lines, then the most
    // even (the smallest difference between the longest and the shortest line).
    let mut ways: Vec<Vec<usize>> = cuts.iter().map(|&c| vec![c]).collect();
    for (i, &a) in cuts.iter().enumerate() {
        for &b in &cuts[i + 1..] {
            ways.push(vec![a, b]);
        }
    }
    let lines_of = |way: &[usize]| -> Vec<&str> {
        let mut out = Vec::new();
        let mut from = 0;
        for &c in way {
            out.push(&title[from..c]);
            from = c;
        }
        out.push(&title[from..]);
        out
    };
    ways.into_iter()
        .map(|w| {
            lines_of(&w)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|lines| lines.iter().all(|l| !l.is_empty() && width(l) <= LINE))
        .min_by_key(|lines| {
            let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
            let spread = widths.iter().max().unwrap_or(&0) - widths.iter().min().unwrap_or(&0);
            (lines.len(), spread)
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
            [auth, "关于开展2024年第一批区级", "产品质量监督抽查的通知"]
        );
        assert_eq!(title_lines("关于抽查的通知", auth), ["关于抽查的通知"]);
        assert_eq!(title_lines("第一行\n第二行", auth), ["第一行", "第二行"]);
    }
}

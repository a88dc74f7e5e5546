//! "Did you mean" for ids, codes, keys and enum values, and the number a
//! clerk meant when they wrote one as text.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = input.to_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    // Two neighbouring characters swapped (I41 for I14) is the likeliest slip
    // of all, whatever a similarity score makes of a short id.
    let mut swapped: Vec<&str> = (candidates.iter().copied())
        .filter(|c| is_transposition(&lower, &c.to_lowercase()))
        .collect();
    swapped.sort_unstable();
    if let Some(c) = swapped.first() {
        return Some(c);
    }
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&lower, &c.to_lowercase());
        if best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, c)| c)
}

/// Whether a text written where a figure belongs says there is no figure
/// yet (暂无, 待公布, -, N/A …): the report's way to say so is `pending:`.
pub fn says_not_available(text: &str) -> bool {
    let t = text.trim().trim_matches(['“', '”', '"', '\'']);
    const WORDS: &[&str] = &[
        "暂无",
        "待公布",
        "未公布",
        "尚未公布",
        "待发布",
        "未发布",
        "暂缺",
        "缺",
        "无",
        "待定",
        "待统计",
        "统计中",
        "空",
        "-",
        "--",
        "---",
        "—",
        "——",
        "/",
        "N/A",
        "n/a",
        "NA",
        "TBD",
        "null",
    ];
    WORDS.contains(&t)
}

/// The project status a Chinese word names (已建成, 在建, 已完工 …), as the
/// report's enum writes it.
pub fn project_status_word(text: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &[&str])] = &[
        (
            "completed",
            &[
                "已建成",
                "建成",
                "已完工",
                "完工",
                "已竣工",
                "竣工",
                "已完成",
                "完成",
                "已投用",
                "投入使用",
            ],
        ),
        (
            "under_construction",
            &[
                "在建",
                "在建中",
                "施工中",
                "建设中",
                "正在建设",
                "正在施工",
                "续建",
                "开工",
                "已开工",
                "新开工",
            ],
        ),
        (
            "preparing",
            &[
                "前期",
                "前期工作",
                "前期准备",
                "筹备",
                "筹备中",
                "准备中",
                "规划设计",
            ],
        ),
        (
            "planned",
            &["未开工", "计划", "拟建", "待建", "谋划", "储备"],
        ),
        (
            "suspended",
            &["停缓建", "暂停", "停工", "缓建", "停建", "搁置"],
        ),
        ("cancelled", &["已取消", "取消", "撤销", "终止", "不再实施"]),
    ];
    let t = text.trim();
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&t))
        .map(|(status, _)| *status)
}

/// A date a clerk wrote in another form: the day it names, or only a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateReading {
    /// YYYY-MM-DD.
    Day(String),
    /// A year and month without the day, which cannot be guessed.
    Month(i32, u32),
}

/// The date in `2024/01/20`, `2024.1.20`, `2024年1月20日`, `20240120` or
/// full-width digits; the month in `2024年10月`, `2024-10`. `None` when the
/// text is no date, or names a day that does not exist.
pub fn date_in_text(text: &str) -> Option<DateReading> {
    let s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '／' => '/',
            '．' => '.',
            '－' => '-',
            _ => c,
        })
        .collect();
    // Digit runs, and nothing between them but separators a date is written with.
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日' | ' '))
    {
        return None;
    }
    let runs: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    let (y, m, d) = match runs.as_slice() {
        [all] if all.len() == 8 => (&all[..4], &all[4..6], Some(&all[6..])),
        [y, m] => (*y, *m, None),
        [y, m, d] => (*y, *m, Some(*d)),
        _ => return None,
    };
    if y.len() != 4 || m.len() > 2 || d.is_some_and(|d| d.len() > 2) {
        return None;
    }
    let (y, m): (i16, i8) = (y.parse().ok()?, m.parse().ok()?);
    match d {
        Some(d) => {
            let date = jiff::civil::Date::new(y, m, d.parse().ok()?).ok()?;
            Some(DateReading::Day(date.to_string()))
        }
        None => (1..=12)
            .contains(&m)
            .then_some(DateReading::Month(i32::from(y), m as u32)),
    }
}

/// Whether `b` is `a` with two neighbouring characters swapped.
fn is_transposition(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

/// A department's name without the district's prefix (区生态环境局 and
/// 南明区生态环境局 are both 生态环境局), for matching what a clerk wrote.
pub fn department_name_core(name: &str) -> &str {
    let name = name.trim();
    let name = name.strip_prefix("南明区").unwrap_or(name);
    name.strip_prefix('区').unwrap_or(name)
}

/// What a number written as text stands for: one number, or two readings
/// when the text is ambiguous (a comma that is not a thousands separator
/// may be a decimal comma or a slip), for the clerk to choose from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    Number(f64),
    Either(f64, f64),
}

/// The number a string stands for: full-width digits, a thousands comma
/// (Chinese statistics group thousands with a comma: 1,234 and 1，234 are
/// 1234), a trailing `%`, unit or qualifier such as 以上/以内/左右, quotes.
/// A comma that does not group thousands ("97,6") has two readings.
/// `None` when the text is not a number in disguise.
pub fn number_in_text(text: &str) -> Option<Reading> {
    let mut s: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '，' => ',',
            '－' => '-',
            '＋' => '+',
            _ => c,
        })
        .collect();
    for suffix in [
        "年",
        "以上",
        "以内",
        "以下",
        "左右",
        "%",
        "％",
        "亿元",
        "万人",
        "万元",
        "平方米",
        "岁",
        "个",
    ] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end().to_string();
        }
    }
    let parse = |s: &str| -> Option<f64> {
        let ok = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
            && s.chars().any(|c| c.is_ascii_digit());
        ok.then(|| s.parse::<f64>().ok())
            .flatten()
            .filter(|v| v.is_finite())
    };
    if !s.contains(',') {
        return parse(&s).map(Reading::Number);
    }
    let (whole, fraction) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut groups = whole.split(',');
    let head = groups.next().unwrap_or_default();
    let head_digits = head.trim_start_matches(['-', '+']);
    let grouped = (1..=3).contains(&head_digits.len())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    if grouped {
        return parse(&s.replace(',', "")).map(Reading::Number);
    }
    // One comma that groups nothing: a decimal comma, or a slip of the hand.
    if s.matches(',').count() == 1 && fraction.is_empty() && !s.contains('.') {
        let decimal = parse(&s.replace(',', "."))?;
        let joined = parse(&s.replace(',', ""))?;
        return Some(Reading::Either(decimal, joined));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_as_text() {
        let one = |v| Some(Reading::Number(v));
        assert_eq!(number_in_text("98以上"), one(98.0));
        assert_eq!(number_in_text("９８"), one(98.0));
        assert_eq!(number_in_text("98%"), one(98.0));
        assert_eq!(number_in_text("2023年"), one(2023.0));
        assert_eq!(number_in_text("达到省要求"), None);
        assert_eq!(number_in_text(""), None);
        // A comma groups thousands, as Chinese statistics write them.
        assert_eq!(number_in_text("1,234"), one(1234.0));
        assert_eq!(number_in_text("17,500"), one(17500.0));
        assert_eq!(number_in_text("1，234"), one(1234.0));
        assert_eq!(number_in_text("1,234,567.5"), one(1234567.5));
        // A comma that groups nothing has two readings; none is guessed.
        assert_eq!(number_in_text("97,6"), Some(Reading::Either(97.6, 976.0)));
        assert_eq!(number_in_text("1,2,3"), None);
    }

    #[test]
    fn closest_finds_typos_only() {
        assert_eq!(closest("valeu", ["value", "unit", "source"]), Some("value"));
        assert_eq!(closest("zzz", ["value", "unit"]), None);
        // A transposition wins over ids a score finds as close.
        assert_eq!(
            closest("I41", ["I11", "I14", "I21", "I24", "I31"]),
            Some("I14")
        );
        assert_eq!(closest("P1110", ["P1101", "P1111"]), Some("P1101"));
    }

    #[test]
    fn dates_in_other_forms() {
        let day = |d: &str| Some(DateReading::Day(d.to_string()));
        assert_eq!(date_in_text("2024/01/20"), day("2024-01-20"));
        assert_eq!(date_in_text("2024年1月20日"), day("2024-01-20"));
        assert_eq!(date_in_text("2024.1.5"), day("2024-01-05"));
        assert_eq!(date_in_text("20240120"), day("2024-01-20"));
        assert_eq!(date_in_text("２０２４-１-２０"), day("2024-01-20"));
        assert_eq!(
            date_in_text("2024年10月"),
            Some(DateReading::Month(2024, 10))
        );
        assert_eq!(date_in_text("2023/02/30"), None);
        assert_eq!(date_in_text("下个月"), None);
    }

    #[test]
    fn department_names_without_the_district() {
        assert_eq!(department_name_core("区生态环境局"), "生态环境局");
        assert_eq!(department_name_core("南明区生态环境局"), "生态环境局");
        assert_eq!(department_name_core("生态环境局"), "生态环境局");
    }
}

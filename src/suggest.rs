//! "Did you mean" for ids, codes, keys and enum values, and the number a
//! clerk meant when they wrote one as text.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = input.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(&lower, &c.to_lowercase());
        if best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, c)| c)
}

/// The number a string most likely stands for: full-width digits, a decimal
/// comma, a trailing `%`, unit or qualifier such as 以上/以内/左右, quotes.
/// `None` when the text is not a number in disguise.
pub fn number_in_text(text: &str) -> Option<f64> {
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
    if s.matches(',').count() == 1 && !s.contains('.') {
        s = s.replace(',', ".");
    }
    let ok = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && s.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_as_text() {
        assert_eq!(number_in_text("98以上"), Some(98.0));
        assert_eq!(number_in_text("９８"), Some(98.0));
        assert_eq!(number_in_text("97,6"), Some(97.6));
        assert_eq!(number_in_text("98%"), Some(98.0));
        assert_eq!(number_in_text("2023年"), Some(2023.0));
        assert_eq!(number_in_text("达到省要求"), None);
        assert_eq!(number_in_text(""), None);
    }

    #[test]
    fn closest_finds_typos_only() {
        assert_eq!(closest("valeu", ["value", "unit", "source"]), Some("value"));
        assert_eq!(closest("zzz", ["value", "unit"]), None);
    }
}

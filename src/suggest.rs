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
    }
}

//! Figures the plan writes in words, used by `plan verify` (the provenance proof and the
//! completeness scan, which takes the accounting file's lists when it gives them).
//! catalog-accounting.yaml documents the same lists
//! (search.targets.word_figures, word_names); a unit test of completeness.rs checks they agree.

/// 全覆盖 / 全域覆盖 / 全部 / 全量 are all (100%), 零 is zero, 破零 is more than zero (at least
/// one). Matched leftmost first, longest listed first, so 破零 is one word, not 破 + 零.
pub const WORD_FIGURES: &[(&str, f64)] = &[
    ("破零", 1.0),
    ("全覆盖", 100.0),
    ("全域覆盖", 100.0),
    ("全部", 100.0),
    ("全量", 100.0),
    ("零", 0.0),
];

/// Spans that hold a figure word without being one: 零售 (retail), 批零 (wholesale and
/// retail), 健全覆盖… (健全 + 覆盖, not 全覆盖).
pub const WORD_NAMES: &[&str] = &["零售", "批零", "健全覆盖"];

/// The figure words of `text`: (byte start, byte end, figure), outside WORD_NAMES.
pub fn words(text: &str) -> Vec<(usize, usize, f64)> {
    let names: Vec<(usize, usize)> = WORD_NAMES
        .iter()
        .flat_map(|n| text.match_indices(n).map(|(at, m)| (at, at + m.len())))
        .collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        match WORD_FIGURES.iter().find(|(w, _)| rest.starts_with(w)) {
            Some(&(w, v)) => {
                let end = at + w.len();
                if !names.iter().any(|&(s, e)| at < e && s < end) {
                    out.push((at, end, v));
                }
                at = end;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn figure_words() {
        let v = |t: &str| words(t).into_iter().map(|w| w.2).collect::<Vec<_>>();
        assert_eq!(v("实现南明工业互联网平台“破零”"), [1.0]);
        assert_eq!(v("确保零就业家庭动态清零"), [0.0, 0.0]);
        assert_eq!(v("社会消费品零售总额"), Vec::<f64>::new());
        assert_eq!(v("健全覆盖全民"), Vec::<f64>::new());
        assert_eq!(v("实现固定污染源排污许可全覆盖"), [100.0]);
    }
}

//! The 专栏 columns of the seed and the items of their lines, as the scan and
//! `plan draft` read them.

use super::*;

// ---------------------------------------------------------------- columns

pub(crate) struct Column {
    pub(crate) ordinal: u32,
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) header: usize,
}

pub(crate) fn columns(seed: &Seed) -> Vec<Column> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| re(r"^专栏(\d+)-(\d+) (.*?) \|"));
    let mut out = Vec::new();
    for n in 1..=seed.len() {
        let Some(l) = seed.line(n) else { continue };
        if let Some(c) = HEADER.captures(l) {
            out.push(Column {
                ordinal: out.len() as u32 + 1,
                label: format!("专栏{}-{}", &c[1], &c[2]),
                title: c[3].to_string(),
                header: n,
            });
        }
    }
    out
}

pub(crate) fn split_outside(s: &str, seps: &str) -> Vec<String> {
    let seps: Vec<char> = seps.chars().collect();
    facility_groups::split_outside_of(s, &seps, (OPEN, CLOSE))
}

/// Segments of a column line: cut at spaces, except a space after a digit, or before a
/// digit without a 。 before it.
pub(super) fn segments(line: &str) -> Vec<String> {
    let mut s = line.trim_end();
    if let Some(t) = s.strip_suffix('|') {
        s = t.trim_end();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &ch) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| chars[k]);
        let next = chars.get(i + 1).copied();
        let prev_digit = prev.is_some_and(|c| c.is_ascii_digit());
        let next_digit = next.is_some_and(|c| c.is_ascii_digit());
        if ch == ' ' && !prev_digit && (!next_digit || prev == Some('。')) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

/// Items of a column line: each segment's label, then the pieces of its body.
pub(crate) fn items(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seg in segments(line) {
        let parts = split_outside(&seg, LABEL_SEPARATORS);
        let body = if parts.len() > 1 {
            out.push(parts[0].trim().to_string());
            parts[1..].join(":")
        } else {
            seg.clone()
        };
        for it in split_outside(&body, ITEM_SEPARATORS) {
            let it = it.trim();
            if !it.is_empty() {
                out.push(it.to_string());
            }
        }
    }
    out
}

pub(crate) fn strip_verbs(s: &str) -> &str {
    VERBS.iter().find_map(|v| s.strip_prefix(v)).unwrap_or(s)
}

//! What a clerk's YAML mistake was, read from the lines around the place
//! the parser stopped: the parser reports where it could go no further (a
//! missing colon is found on the next line), these rules say where the
//! mistake is and what to write instead.

use super::SyntaxHint;

/// One line of the text: where it starts, its indentation and what it
/// says before any comment.
struct Line<'a> {
    /// Byte offset of the line in the text.
    start: usize,
    indent: usize,
    /// The line without its indentation, comment and trailing blanks.
    content: &'a str,
}

impl Line<'_> {
    /// The column of the line's key: after `- ` for a list item.
    fn key_column(&self) -> usize {
        let dashes = self.content.len() - self.after_dash().len();
        self.indent + dashes
    }
    fn after_dash(&self) -> &str {
        let mut c = self.content;
        while let Some(rest) = c.strip_prefix("- ") {
            c = rest.trim_start_matches(' ');
        }
        c
    }
    /// The key of a `key: value` or `key:` line.
    fn key(&self) -> Option<&str> {
        let c = self.after_dash();
        let (key, _) = c.split_once(':')?;
        is_name(key).then_some(key)
    }
    /// Whether the line opens a block: `key:` with nothing after it.
    fn opens_block(&self) -> bool {
        self.after_dash().ends_with(':') && self.key().is_some()
    }
}

/// A field name as reports write them: ASCII letters, digits and `_`.
fn is_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start_matches(' ');
        let indent = body.len() - trimmed.len();
        // A comment starts at `#` after a blank (or at the line's start).
        let content = match trimmed.find(" #") {
            _ if trimmed.starts_with('#') => "",
            Some(i) => &trimmed[..i],
            None => trimmed,
        };
        out.push(Line {
            start,
            indent,
            content: content.trim_end(),
        });
        start += raw.len();
    }
    out
}

/// The index of the line holding byte `at`.
fn line_at(lines: &[Line<'_>], at: usize) -> usize {
    lines.partition_point(|l| l.start <= at).saturating_sub(1)
}

/// The nearest line before `i` that says something.
fn previous(lines: &[Line<'_>], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !lines[j].content.is_empty())
}

/// A syntax error's cause near byte `at` of `text`, with the byte range
/// to show: a field name without its colon, a full-width colon, a colon
/// without a space, a line indented to no field above it.
pub(crate) fn syntax(text: &str, at: usize) -> Option<(SyntaxHint, usize, usize)> {
    let lines = lines(text);
    let here = line_at(&lines, at);
    let before = previous(&lines, here);
    // The broken line is the one the parser stopped on, or the one before
    // (a missing colon is only noticed on the next line).
    for i in before.into_iter().chain([here]) {
        if let Some(found) = colon(&lines[i]) {
            return Some(found);
        }
    }
    [here]
        .into_iter()
        .chain(before)
        .find_map(|i| indent(&lines, i))
}

/// `value 41.9`, `value：41.9`, `value:41.9` on a line.
fn colon(line: &Line<'_>) -> Option<(SyntaxHint, usize, usize)> {
    let c = line.after_dash();
    let offset = line.start + line.indent + (line.content.len() - c.len());
    let name_end = c
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
        .unwrap_or(c.len());
    let key = &c[..name_end];
    if !is_name(key) {
        return None;
    }
    let rest = &c[name_end..];
    let (hint, at, len) = if let Some(value) = rest.trim_start().strip_prefix('：') {
        let colon = name_end + (rest.len() - rest.trim_start().len());
        let value = value.trim().to_string();
        (
            SyntaxHint::FullWidthColon {
                key: key.into(),
                value,
            },
            colon,
            '：'.len_utf8(),
        )
    } else if let Some(value) = rest
        .strip_prefix(':')
        .filter(|v| v.starts_with(|ch: char| !ch.is_whitespace()) && !v.starts_with(['/', ':']))
    {
        let value = value.trim().to_string();
        (
            SyntaxHint::NoSpaceAfterColon {
                key: key.into(),
                value,
            },
            name_end,
            1,
        )
    } else if rest.starts_with(' ') && !rest.contains(':') && !rest.trim().is_empty() {
        let value = rest.trim().to_string();
        (
            SyntaxHint::MissingColon {
                key: key.into(),
                value,
            },
            0,
            key.len(),
        )
    } else {
        return None;
    };
    Some((hint, offset + at, offset + at + len))
}

/// A key line indented to no field of the block it is in.
fn indent(lines: &[Line<'_>], i: usize) -> Option<(SyntaxHint, usize, usize)> {
    let line = &lines[i];
    line.key()?;
    if line.content.starts_with("- ") {
        return None;
    }
    let found = line.indent;
    let p = previous(lines, i)?;
    if lines[p].opens_block() && found > lines[p].key_column() {
        return None;
    }
    // The columns a key may stand at here: the previous line's, then each
    // enclosing block's, with the line that shows it.
    let mut columns: Vec<(usize, usize)> = vec![(lines[p].key_column(), p)];
    let mut j = p;
    while let Some(k) = previous(lines, j) {
        if lines[k].key_column() < columns.last().map_or(usize::MAX, |c| c.0) {
            columns.push((lines[k].key_column(), k));
        }
        j = k;
    }
    if columns.iter().any(|(c, _)| *c == found) {
        return None;
    }
    let (expected, at) = *columns
        .iter()
        .min_by_key(|(c, _)| (c.abs_diff(found), usize::MAX - c))?;
    let key = lines[at]
        .key()
        .unwrap_or(lines[at].after_dash())
        .to_string();
    let start = line.start + line.indent;
    let hint = SyntaxHint::Indent {
        found,
        expected,
        line: at + 1,
        key,
    };
    Some((hint, start, start + line.content.len()))
}

/// A key given twice because the lines meant to be under `parent:` were
/// not indented under it: the key line `parent:` (empty) between the two,
/// at the duplicate's indentation. Returns the parent's name, the spaces
/// to add, and its key's byte range.
pub(crate) fn under_indented(
    text: &str,
    first: usize,
    again: usize,
) -> Option<(String, usize, (usize, usize))> {
    let lines = lines(text);
    let (from, to) = (line_at(&lines, first), line_at(&lines, again));
    let column = lines[to].key_column();
    let parent = ((from + 1)..to)
        .rev()
        .find(|&j| lines[j].key_column() == column && lines[j].opens_block())?;
    let key = lines[parent].key()?.to_string();
    let start = lines[parent].start + lines[parent].key_column();
    Some((key.clone(), 2, (start, start + key.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "indicators:\n  - id: I15\n    value 41.8\n    source: x\n";

    #[test]
    fn a_missing_colon_is_on_its_own_line() {
        let at = ENTRY.find("source").unwrap();
        let (hint, s, e) = syntax(ENTRY, at).unwrap();
        assert_eq!(&ENTRY[s..e], "value");
        assert_eq!(
            hint,
            SyntaxHint::MissingColon {
                key: "value".into(),
                value: "41.8".into()
            }
        );
    }

    #[test]
    fn a_full_width_colon_is_named() {
        let text = ENTRY.replace("value 41.8", "value：41.8");
        let (hint, s, e) = syntax(&text, text.find("source").unwrap()).unwrap();
        assert_eq!(&text[s..e], "：");
        assert!(matches!(hint, SyntaxHint::FullWidthColon { .. }));
    }

    #[test]
    fn a_wrong_indent_is_told_where_to_align() {
        for spaces in [3, 5] {
            let text = ENTRY.replace(
                "    value 41.8",
                &format!("{}value: 41.8", " ".repeat(spaces)),
            );
            let (hint, _, _) = syntax(&text, text.find("value").unwrap()).unwrap();
            assert_eq!(
                hint,
                SyntaxHint::Indent {
                    found: spaces,
                    expected: 4,
                    line: 2,
                    key: "id".into()
                }
            );
        }
    }

    #[test]
    fn an_under_indented_block_is_found_between_the_two() {
        let text = "  - id: I17\n    value: 3.2\n    requirement:\n    value: 3.1\n";
        let found = under_indented(
            text,
            text.find("value").unwrap(),
            text.rfind("value").unwrap(),
        );
        assert_eq!(found.map(|f| (f.0, f.1)), Some(("requirement".into(), 2)));
        let plain = "  - id: I17\n    value: 3.2\n    value: 3.1\n";
        assert_eq!(
            under_indented(
                plain,
                plain.find("value").unwrap(),
                plain.rfind("value").unwrap()
            ),
            None
        );
    }

    /// The hint and the text it points at.
    fn at(text: &str, stop: &str) -> Option<(SyntaxHint, String)> {
        let (hint, s, e) = syntax(text, text.find(stop)?)?;
        Some((hint, text[s..e].to_string()))
    }

    #[test]
    fn names_are_field_names() {
        for good in ["value", "planned_total", "_x", "I14"] {
            assert!(is_name(good), "{good}");
        }
        for bad in ["", "1x", "值", "a-b", "a b"] {
            assert!(!is_name(bad), "{bad}");
        }
    }

    #[test]
    fn each_colon_mistake_points_at_its_own_text() {
        // On a list item's line, after a comment line, a colon after a blank.
        let text = "indicators:\n  - id I15\n    # 说明\n    value: 41.8\n";
        let (hint, shown) = at(text, "value").unwrap();
        assert_eq!(shown, "id");
        assert!(matches!(hint, SyntaxHint::MissingColon { .. }), "{hint:?}");
        let text = ENTRY.replace("value 41.8", "value ：41.8");
        assert_eq!(at(&text, "source").unwrap().1, "：");
        let text = ENTRY.replace("value 41.8", "value:41.8");
        let (hint, shown) = at(&text, "source").unwrap();
        assert_eq!(shown, ":");
        assert_eq!(
            hint,
            SyntaxHint::NoSpaceAfterColon {
                key: "value".into(),
                value: "41.8".into()
            }
        );
        // Lines that are right are nobody's cause.
        for line in [
            "    value: 41.8",
            "    source: a://b",
            "    value",
            "    - 2024",
            "    value-x",
        ] {
            let l = &lines(line)[0];
            assert_eq!(colon(l), None, "{line}");
        }
    }

    #[test]
    fn a_block_s_child_is_not_misaligned_and_the_nearest_field_is_named() {
        let text = "indicators:\n  - id: I17\n    requirement:\n      value: 3.1\n   source: x\n";
        let lines = lines(text);
        assert_eq!(indent(&lines, 3), None);
        let (hint, s, e) = indent(&lines, 4).unwrap();
        assert_eq!(&text[s..e], "source: x");
        assert_eq!(
            hint,
            SyntaxHint::Indent {
                found: 3,
                expected: 4,
                line: 3,
                key: "requirement".into()
            }
        );
        // Keys of a nested list item stand after its dash.
        let nested = "a:\n    - id: x\n       b: 1\n";
        let (hint, _, _) = indent(&super::lines(nested), 2).unwrap();
        assert!(
            matches!(hint, SyntaxHint::Indent { expected: 6, .. }),
            "{hint:?}"
        );
    }

    #[test]
    fn the_empty_block_is_shown_by_its_key() {
        let text = "  - id: I17\n    value: 3.2\n    requirement:\n    value: 3.1\n";
        let (_, by, (s, e)) = under_indented(
            text,
            text.find("value").unwrap(),
            text.rfind("value").unwrap(),
        )
        .unwrap();
        assert_eq!((&text[s..e], by), ("requirement", 2));
        // A key given twice with no empty block between the two: a plain duplicate.
        let twice = "    requirement:\n    requirement:\n";
        let found = under_indented(twice, 4, twice.rfind("requirement").unwrap());
        assert_eq!(found, None);
    }
}

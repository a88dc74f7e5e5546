//! Count groups of a column line, and the facility names they compose.
//!
//! Used by `plan verify`'s provenance proof and its completeness scan
//! ([`super::completeness`]), so both prove a composed project name by the same rule.
//!
//! A column sometimes lists places and then says what they are, once, with a count:
//! "中坝、中曹、花果(第一、第二、第三)、…、市府12处卫生服务中心". That is a *count group*:
//! elements cut at 、 (outside brackets), from the column line's last separator before the
//! group (one of ; ； : ： , ， 。 or a space, outside brackets) to the count `<digits>处` and
//! the *heading* after it (up to the next separator). An element written `X(a、b、c)` stands
//! for the places Xa, Xb, Xc. The plan may write part of the facility's type between the
//! last place and the count ("金地卫生3处服务站": three 卫生服务站): that part is the
//! *qualifier* q, a suffix of the last element (possibly empty). The facilities of the
//! group are then named `place + q + heading`, except a place that already ends with
//! `q + heading` ("后巢乡卫生院" of "…2处卫生院"), which is the facility's own name.
//!
//! The rule proves each part of a composed name against the line: the place is an
//! element as written, q and the heading are the words the line writes around the count,
//! and the group names as many places as its count says.

/// One count group of a line.
#[derive(Debug, Clone)]
pub struct Group {
    /// Where the group ends in its line (a byte offset).
    pub end: usize,
    /// The count the line writes (12 of "12处").
    pub count: usize,
    /// The words after the count ("卫生服务中心").
    pub heading: String,
    /// Elements as written, the last without its count and heading ("市府").
    pub elements: Vec<String>,
}

const BOUNDARY: &str = ";；:：,，。 |";
const OPEN: &str = "(（“《";
const CLOSE: &str = ")）”》";

/// Splits `s` at `sep` outside brackets.
fn split_outside(s: &str, sep: char) -> Vec<String> {
    split_outside_of(s, &[sep], (OPEN, CLOSE))
}

/// Splits `s` at any of `seps` outside the brackets `(open, close)`.
pub fn split_outside_of(s: &str, seps: &[char], (open, close): (&str, &str)) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for ch in s.chars() {
        if open.contains(ch) {
            depth += 1;
        } else if close.contains(ch) {
            depth = depth.saturating_sub(1);
        }
        if depth == 0 && seps.contains(&ch) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    out.push(cur);
    out
}

/// The count groups of a line, in order.
pub fn groups(line: &str) -> Vec<Group> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let digits_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let digits_end = i;
        let Some(after) = line[digits_end..].strip_prefix('处') else {
            continue;
        };
        let heading: String = after
            .chars()
            .take_while(|c| !BOUNDARY.contains(*c) && *c != '、')
            .collect();
        if heading.is_empty() {
            continue;
        }
        let end = digits_end + '处'.len_utf8() + heading.len();
        // The group starts after the last boundary outside brackets before the count.
        let mut depth = 0usize;
        let mut start = 0;
        for (at, ch) in line[..digits_start].char_indices().rev() {
            if CLOSE.contains(ch) {
                depth += 1;
            } else if OPEN.contains(ch) {
                depth = depth.saturating_sub(1);
            } else if depth == 0 && BOUNDARY.contains(ch) {
                start = at + ch.len_utf8();
                break;
            }
        }
        let elements: Vec<String> = split_outside(&line[start..digits_start], '、')
            .into_iter()
            .map(|e| e.trim().to_string())
            .collect();
        if elements.iter().any(String::is_empty) {
            continue;
        }
        let Ok(count) = line[digits_start..digits_end].parse() else {
            continue;
        };
        out.push(Group {
            end,
            count,
            heading,
            elements,
        });
        i = end;
    }
    out
}

/// The places an element stands for: "花果(第一、第二、第三)" → 花果第一, 花果第二, 花果第三;
/// any other element is one place.
pub fn places(element: &str) -> Vec<String> {
    let open = element.find(['(', '（']);
    let close = element.rfind([')', '）']);
    if let (Some(o), Some(c)) = (open, close) {
        let inner = &element[o + element[o..].chars().next().unwrap().len_utf8()..c];
        let tail = &element[c + element[c..].chars().next().unwrap().len_utf8()..];
        if tail.is_empty() && inner.contains('、') {
            let stem = &element[..o];
            return inner.split('、').map(|x| format!("{stem}{x}")).collect();
        }
    }
    vec![element.to_string()]
}

impl Group {
    /// How many places the group names (its elements, brackets expanded).
    pub fn place_count(&self) -> usize {
        self.elements.iter().map(|e| places(e).len()).sum()
    }

    /// The qualifiers the last element allows: each proper suffix, the empty one first.
    pub fn qualifiers(&self) -> Vec<String> {
        let last = self.elements.last().map(String::as_str).unwrap_or("");
        let mut out = vec![String::new()];
        let mut starts: Vec<usize> = last.char_indices().skip(1).map(|(at, _)| at).collect();
        starts.reverse();
        out.extend(starts.into_iter().map(|at| last[at..].to_string()));
        out
    }

    /// The facilities of the group with qualifier `q`: (element index, name), in order.
    /// None when `q` is not a proper suffix of the last element.
    pub fn facilities(&self, q: &str) -> Option<Vec<(usize, String)>> {
        let last = self.elements.len().checked_sub(1)?;
        let kind = format!("{q}{}", self.heading);
        let mut out = Vec::new();
        for (k, element) in self.elements.iter().enumerate() {
            let element = if k == last {
                element.strip_suffix(q).filter(|p| !p.is_empty())?
            } else {
                element.as_str()
            };
            for place in places(element) {
                if place.ends_with(&kind) {
                    out.push((k, place));
                } else {
                    out.push((k, format!("{place}{kind}")));
                }
            }
        }
        Some(out)
    }

    /// The qualifiers with which the group composes `name`.
    pub fn composing(&self, name: &str) -> Vec<String> {
        self.qualifiers()
            .into_iter()
            .filter(|q| {
                self.facilities(q)
                    .is_some_and(|f| f.iter().any(|(_, n)| n == name))
            })
            .collect()
    }

    /// The element an item of the column line names: the element as written, or the last
    /// element with the count and heading ("市府12处卫生服务中心").
    pub fn element_of(&self, line: &str, item: &str) -> Option<usize> {
        let last = self.elements.len() - 1;
        if let Some(k) = self.elements.iter().position(|e| e == item) {
            return Some(k);
        }
        let written_last = &line[..self.end];
        let tail = written_last.rsplit('、').next().unwrap_or("");
        (item == tail.trim()).then_some(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = "扩建社区日间照料中心或养老服务站:南明堂日间照料中心、提质改造二戈社区日间照料中心;中坝、中曹、花果(第一、第二、第三)、兴关、遵义、沙冲、新华、山水黔城、南明堂、市府12处卫生服务中心;解五、皂角井、金地卫生3处服务站;后巢乡卫生院、云关乡卫生院2处卫生院。";

    #[test]
    fn groups_of_a_column_line() {
        let g = groups(LINE);
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].count, 12);
        assert_eq!(g[0].heading, "卫生服务中心");
        assert_eq!(g[0].elements.len(), 10);
        assert_eq!(g[0].place_count(), 12);
        assert_eq!(g[1].elements, ["解五", "皂角井", "金地卫生"]);
        assert_eq!(g[1].heading, "服务站");
        assert_eq!(g[2].elements, ["后巢乡卫生院", "云关乡卫生院"]);
    }

    #[test]
    fn composed_names() {
        let g = groups(LINE);
        let f = g[0].facilities("").unwrap();
        assert_eq!(f[2], (2, "花果第一卫生服务中心".to_string()));
        assert_eq!(f[4], (2, "花果第三卫生服务中心".to_string()));
        assert_eq!(f[11], (9, "市府卫生服务中心".to_string()));
        assert_eq!(g[1].composing("解五卫生服务站"), ["卫生"]);
        // The last place with any qualifier rebuilds the same words: every split composes it,
        // so the group's other names decide the qualifier.
        assert_eq!(
            g[1].composing("金地卫生服务站"),
            ["", "生", "卫生", "地卫生"]
        );
        assert_eq!(g[1].composing("解五服务站"), [""]);
        assert!(g[1].composing("金地服务站").is_empty());
        assert_eq!(g[2].facilities("").unwrap()[0].1, "后巢乡卫生院");
        assert_eq!(g[0].element_of(LINE, "市府12处卫生服务中心"), Some(9));
        assert_eq!(g[0].element_of(LINE, "花果(第一、第二、第三)"), Some(2));
        assert_eq!(g[1].element_of(LINE, "金地卫生3处服务站"), Some(2));
        assert_eq!(g[0].element_of(LINE, "解五"), None);
    }
}

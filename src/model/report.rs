//! A progress report as the rules see it: every field typed and carrying
//! the span of its node. Extraction is lenient: a field of the wrong type
//! (already a PL002) is left out, so the rest of the report is still checked.

use crate::model::plan::ProjectStatus;
use crate::syntax::source::Source;
use crate::syntax::yaml::{Node, NodeKind, Span};
use jiff::civil::Date;

#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A string node's text, taken out of the tree.
fn string(n: Node) -> Option<Spanned<String>> {
    match n.kind {
        NodeKind::Str(value) => Some(Spanned {
            value,
            span: n.span,
        }),
        _ => None,
    }
}

/// A string node's text as a boxed `str`: an entry's id, unit or name,
/// kept for the whole check in every entry of every report, where a
/// `String`'s capacity is 8 bytes more and never used.
fn text(n: Node) -> Option<Spanned<Box<str>>> {
    string(n).map(|s| Spanned {
        value: s.value.into_boxed_str(),
        span: s.span,
    })
}

fn number(n: &Node) -> Option<Spanned<f64>> {
    Some(Spanned {
        value: n.as_f64()?,
        span: n.span,
    })
}

/// A number the report means as finite (a figure, a progress).
fn finite(n: &Node) -> Option<Spanned<f64>> {
    number(n).filter(|v| v.value.is_finite())
}

fn integer(n: &Node) -> Option<Spanned<i64>> {
    // Any whole number, as the schema's "integer" accepts `2023.0` too; one
    // beyond i64 saturates, so that a range check still sees it as too large.
    match n.kind {
        NodeKind::Number { value, .. } if value.is_finite() && value.fract() == 0.0 => {
            Some(Spanned {
                value: value as i64,
                span: n.span,
            })
        }
        _ => None,
    }
}

fn date(n: &Node) -> Option<Spanned<Date>> {
    Some(Spanned {
        value: parse_date(n.as_str()?)?,
        span: n.span,
    })
}

/// A mapping's (key, value) pairs, taken out of the tree; none for any
/// other node. Keys are unique: a file with a duplicate key does not load.
fn fields(n: Node) -> Vec<(Node, Node)> {
    match n.kind {
        NodeKind::Map(entries) => entries,
        _ => Vec::new(),
    }
}

fn items(n: Node) -> Vec<Node> {
    match n.kind {
        NodeKind::Seq(items) => items,
        _ => Vec::new(),
    }
}

/// The entries of a list that `entry` reads (those with a string `id`),
/// each given its place in the list. They are kept until every report is
/// checked, so without spare capacity (a filtered `collect` grows by
/// doubling). A report of at most 4 GiB has fewer than 2^32 entries.
fn entries<T>(list: Node, entry: fn(u32, Node) -> Option<T>) -> Vec<T> {
    let mut v: Vec<T> = (0..u32::MAX)
        .zip(items(list))
        .filter_map(|(index, n)| entry(index, n))
        .collect();
    v.shrink_to_fit();
    v
}

/// Parses YYYY-MM-DD into a real calendar date.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i16 = s[0..4].parse().ok()?;
    let m: i8 = s[5..7].parse().ok()?;
    let d: i8 = s[8..10].parse().ok()?;
    Date::new(y, m, d).ok()
}

#[derive(Clone, Debug)]
pub struct Requirement {
    pub span: Span,
    pub value: Option<Spanned<f64>>,
    pub source: Option<Spanned<String>>,
}

/// An indicator's `confirmed`: the department confirms that an unusual
/// figure is right (report-format.md version 3). It resolves PL211 on an
/// expected indicator for exactly the figure it repeats, and nothing else.
#[derive(Clone, Debug)]
pub struct Confirmed {
    /// The `confirmed` map's span.
    pub span: Span,
    pub value: Option<Spanned<f64>>,
    pub reason: Option<Spanned<String>>,
}

/// An indicator's `pending`: the figure is promised by `expected_by`.
#[derive(Clone, Debug)]
pub struct Pending {
    /// The `pending` key's span.
    pub span: Span,
    pub expected_by: Option<Spanned<Date>>,
}

#[derive(Clone, Debug)]
pub struct IndicatorEntry {
    /// Position in `indicators`, for node paths.
    pub index: u32,
    pub span: Span,
    pub id: Spanned<Box<str>>,
    pub value: Option<Spanned<f64>>,
    pub unit: Option<Spanned<Box<str>>>,
    /// The department's `note` on the figure (shown by `status`).
    pub note: Option<Box<str>>,
    /// Where the figure comes from (`source`: the publication or office).
    pub source: Option<Box<str>>,
    /// `pending`, `requirement` and `confirmed`, which most entries have
    /// none of, in one box (three were 16 bytes more in every entry of
    /// every report a check holds): see [`IndicatorEntry::pending`] and the two after it.
    pub rare: Option<Box<RareFields>>,
}

/// An indicator entry's fields that most entries do not have.
#[derive(Clone, Debug, Default)]
pub struct RareFields {
    /// `pending`, when the figure is not yet published.
    pub pending: Option<Pending>,
    pub requirement: Option<Requirement>,
    pub confirmed: Option<Confirmed>,
}

/// A text field's trimmed value, none when empty.
fn trimmed(v: &Node) -> Option<Box<str>> {
    (v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Box::from)
}

impl IndicatorEntry {
    /// An entry of `indicators`; `None` without a string `id`.
    fn from_node(index: u32, n: Node) -> Option<IndicatorEntry> {
        let span = n.span;
        let (mut id, mut value, mut unit) = (None, None, None);
        let (mut note, mut source) = (None, None);
        let mut rare: Option<Box<RareFields>> = None;
        for (k, v) in fields(n) {
            match k.as_str() {
                Some("id") => id = text(v),
                Some("value") => value = finite(&v),
                Some("pending") => {
                    let expected_by = v.get("expected_by").and_then(date);
                    rare.get_or_insert_default().pending = Some(Pending {
                        span: k.span,
                        expected_by,
                    })
                }
                Some("unit") => unit = text(v),
                Some("note") => note = trimmed(&v),
                Some("source") => source = trimmed(&v),
                Some("confirmed") if v.as_map().is_some() => {
                    let span = v.span;
                    let (mut value, mut reason) = (None, None);
                    for (k, v) in fields(v) {
                        match k.as_str() {
                            Some("value") => value = finite(&v),
                            Some("reason") => {
                                reason = string(v).filter(|s| !s.value.trim().is_empty())
                            }
                            _ => {}
                        }
                    }
                    rare.get_or_insert_default().confirmed = Some(Confirmed {
                        span,
                        value,
                        reason,
                    });
                }
                Some("requirement") if v.as_map().is_some() => {
                    let span = v.span;
                    let (mut value, mut source) = (None, None);
                    for (k, v) in fields(v) {
                        match k.as_str() {
                            Some("value") => value = finite(&v),
                            Some("source") => {
                                source = string(v).filter(|s| !s.value.trim().is_empty())
                            }
                            _ => {}
                        }
                    }
                    rare.get_or_insert_default().requirement = Some(Requirement {
                        span,
                        value,
                        source,
                    });
                }
                _ => {}
            }
        }
        Some(IndicatorEntry {
            index,
            span,
            id: id?,
            value,
            unit,
            note,
            source,
            rare,
        })
    }
    /// `pending`, when the figure is not yet published.
    pub fn pending(&self) -> Option<&Pending> {
        self.rare.as_ref()?.pending.as_ref()
    }
    /// The entry's `requirement`.
    pub fn requirement(&self) -> Option<&Requirement> {
        self.rare.as_ref()?.requirement.as_ref()
    }
    /// The entry's `confirmed`.
    pub fn confirmed(&self) -> Option<&Confirmed> {
        self.rare.as_ref()?.confirmed.as_ref()
    }
    /// The figure as the clerk typed it (`0.979`), for a reading that moves
    /// its decimal point; None where the text is not at hand.
    pub fn value_text<'s>(&self, source: &'s crate::syntax::source::Source) -> Option<&'s str> {
        let v = self.value.as_ref()?;
        source.text().get(v.span.start()..v.span.end())
    }
    /// Whether the entry's `confirmed` repeats exactly its figure, with a reason.
    pub fn confirms_figure(&self) -> Option<&str> {
        let (v, c) = (self.value.as_ref()?, self.confirmed()?);
        let cv = c.value.as_ref()?;
        let reason = c.reason.as_ref()?;
        (crate::model::numeric::compare(v.value, cv.value) == std::cmp::Ordering::Equal)
            .then_some(reason.value.as_str())
    }
    pub fn pointer(&self) -> String {
        format!("/indicators/{}", self.index)
    }
}

#[derive(Clone, Debug)]
pub struct ProjectEntry {
    pub index: u32,
    pub span: Span,
    pub id: Spanned<Box<str>>,
    pub name: Option<Spanned<Box<str>>>,
    pub status: Option<Spanned<ProjectStatus>>,
    pub progress: Option<Spanned<f64>>,
    pub planned_total: Option<Spanned<f64>>,
    pub completed_to_date: Option<Spanned<f64>>,
    pub started: Option<Spanned<Date>>,
    pub completed: Option<Spanned<Date>>,
    /// Whether `completed` is written at all (a malformed date is PL002's, not a missing one).
    pub completed_written: bool,
    /// The `evidence` list's span and number of items that say something
    /// (an empty or blank string is no evidence).
    pub evidence: Option<Spanned<u32>>,
}

impl ProjectEntry {
    /// An entry of `projects`; `None` without a string `id`.
    fn from_node(index: u32, n: Node) -> Option<ProjectEntry> {
        let mut e = ProjectEntry {
            index,
            span: n.span,
            id: Spanned {
                value: Box::default(),
                span: n.span,
            },
            name: None,
            status: None,
            progress: None,
            planned_total: None,
            completed_to_date: None,
            started: None,
            completed: None,
            completed_written: false,
            evidence: None,
        };
        let mut id = None;
        for (k, v) in fields(n) {
            match k.as_str() {
                Some("id") => id = text(v),
                Some("name") => e.name = text(v),
                Some("status") => {
                    e.status = v
                        .as_str()
                        .and_then(ProjectStatus::parse)
                        .map(|value| Spanned {
                            value,
                            span: v.span,
                        })
                }
                Some("progress") => e.progress = finite(&v),
                Some("investment") => {
                    for (k, v) in fields(v) {
                        match k.as_str() {
                            Some("planned_total") => e.planned_total = number(&v),
                            Some("completed_to_date") => e.completed_to_date = number(&v),
                            _ => {}
                        }
                    }
                }
                Some("started") => e.started = date(&v),
                Some("completed") => {
                    e.completed_written = !matches!(v.kind, NodeKind::Null);
                    e.completed = date(&v);
                }
                Some("evidence") => {
                    e.evidence = v.as_seq().map(|items| {
                        let said = (items.iter())
                            .filter(|i| i.as_str().is_none_or(|s| !s.trim().is_empty()))
                            .count();
                        Spanned {
                            value: u32::try_from(said).unwrap_or(u32::MAX),
                            span: v.span,
                        }
                    });
                }
                _ => {}
            }
        }
        e.id = id?;
        Some(e)
    }
    /// The evidence items that say something, as written, for `init`, which
    /// carries a completed project's evidence over. Read again from the
    /// report's text (parsed as when it was loaded) rather than kept in every
    /// entry of every report: they were 5 MB of the check's peak at 10,000
    /// reports. None if the text is no longer the one loaded.
    pub fn evidence_items(&self, source: &Source) -> Vec<String> {
        use crate::syntax::yaml::{load, Limits};
        let root = match source.intact() {
            true => load(source.body(), source.bom_len(), Limits::default()).ok(),
            false => None,
        };
        (root.as_ref())
            .and_then(|r| r.get("projects"))
            .and_then(Node::as_seq)
            .and_then(|list| list.get(self.index as usize))
            .and_then(|e| e.get("evidence"))
            .and_then(Node::as_seq)
            .unwrap_or(&[])
            .iter()
            .filter_map(Node::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(str::to_string)
            .collect()
    }
    pub fn pointer(&self) -> String {
        format!("/projects/{}", self.index)
    }
}

#[derive(Clone, Debug)]
pub struct Suppression {
    pub index: usize,
    pub span: Span,
    pub rule: Option<Spanned<String>>,
    pub target: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub until: Option<Spanned<Date>>,
    pub approved_by: Option<Spanned<String>>,
}

impl Suppression {
    /// An entry of `suppressions`, whatever it holds (the schema has judged it).
    fn from_node(index: usize, n: Node) -> Suppression {
        let mut s = Suppression {
            index,
            span: n.span,
            rule: None,
            target: None,
            reason: None,
            until: None,
            approved_by: None,
        };
        for (k, v) in fields(n) {
            match k.as_str() {
                Some("rule") => s.rule = string(v),
                Some("target") => s.target = string(v),
                Some("reason") => s.reason = string(v),
                Some("until") => s.until = date(&v),
                Some("approved_by") => s.approved_by = string(v),
                _ => {}
            }
        }
        s
    }
}

#[derive(Clone, Debug)]
pub struct Report {
    pub source: Source,
    pub version: Option<Spanned<i64>>,
    pub plan: Option<Spanned<String>>,
    pub department: Option<Spanned<String>>,
    pub period: Option<Spanned<i64>>,
    pub submitted: Option<Spanned<Date>>,
    pub indicators: Vec<IndicatorEntry>,
    pub projects: Vec<ProjectEntry>,
    /// The spans of the `indicators` and `projects` keys, where coverage findings point.
    pub indicators_key: Option<Span>,
    pub projects_key: Option<Span>,
    /// The `revision` block's span and its parsed content, for history checks.
    pub revision: Option<Span>,
    pub suppressions: Vec<Suppression>,
    /// List sections written under a misspelt key (`indicator:`): PL002
    /// reports the key, and what the report owes is not counted missing.
    pub misspelt_sections: Vec<&'static str>,
}

/// The top-level keys of a report.
const KNOWN_KEYS: &[&str] = &[
    "version",
    "plan",
    "department",
    "period",
    "submitted",
    "indicators",
    "projects",
    "revision",
    "suppressions",
];

impl Report {
    /// Reads the typed view of a loaded document, taking the tree apart
    /// (each field read in one pass over its mapping, strings moved, not
    /// copied). Returns `None` when the document is not a mapping at all.
    pub fn from_node(source: Source, root: Node) -> Option<Report> {
        root.as_map()?;
        let mut report = Report {
            source,
            version: None,
            plan: None,
            department: None,
            period: None,
            submitted: None,
            indicators: Vec::new(),
            projects: Vec::new(),
            indicators_key: None,
            projects_key: None,
            revision: None,
            suppressions: Vec::new(),
            misspelt_sections: Vec::new(),
        };
        for (k, v) in fields(root) {
            match k.as_str() {
                Some("version") => report.version = integer(&v),
                Some("plan") => report.plan = string(v),
                Some("department") => report.department = string(v),
                Some("period") => report.period = integer(&v),
                Some("submitted") => report.submitted = date(&v),
                Some("indicators") => {
                    report.indicators_key = Some(k.span);
                    report.indicators = entries(v, IndicatorEntry::from_node);
                }
                Some("projects") => {
                    report.projects_key = Some(k.span);
                    report.projects = entries(v, ProjectEntry::from_node);
                }
                Some("revision") => report.revision = Some(k.span),
                Some(other) if !KNOWN_KEYS.contains(&other) => {
                    if let Some(s) =
                        crate::syntax::suggest::closest(other, ["indicators", "projects"])
                    {
                        report.misspelt_sections.push(if s == "indicators" {
                            "indicators"
                        } else {
                            "projects"
                        });
                    }
                }
                Some("suppressions") => {
                    report.suppressions = (items(v).into_iter().enumerate())
                        .map(|(index, n)| Suppression::from_node(index, n))
                        .collect();
                }
                _ => {}
            }
        }
        Some(report)
    }

    pub fn period(&self) -> Option<i32> {
        self.period
            .as_ref()
            .and_then(|p| i32::try_from(p.value).ok())
    }
    pub fn department(&self) -> Option<&str> {
        self.department.as_ref().map(|d| d.value.as_str())
    }
    pub fn plan_id(&self) -> Option<&str> {
        self.plan.as_ref().map(|d| d.value.as_str())
    }
}

/// Dates that parse as YYYY-MM-DD but are not real days (2023-02-30):
/// the schema's pattern accepts them, so they are PL002 here. One pass over
/// the report's date fields: `submitted`, a project's `started` and
/// `completed`, a suppression's `until` and an indicator's
/// `pending/expected_by`.
pub fn impossible_dates(root: &Node) -> Vec<(String, Span, String)> {
    let mut out = Vec::new();
    // The pointer is made only for a date that is not a real day.
    let mut visit = |n: &Node, pointer: &dyn Fn() -> String| {
        if let Some(s) = n.as_str() {
            let b = s.as_bytes();
            if b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && s.chars().filter(char::is_ascii_digit).count() == 8
                && parse_date(s).is_none()
            {
                out.push((pointer(), n.span, s.to_string()));
            }
        }
    };
    for (key, value) in root.as_map().unwrap_or(&[]) {
        let list = match key.as_str() {
            Some("submitted") => {
                visit(value, &|| "/submitted".to_string());
                continue;
            }
            Some(list @ ("projects" | "suppressions" | "indicators")) => list,
            _ => continue,
        };
        for (i, entry) in value.as_seq().unwrap_or(&[]).iter().enumerate() {
            for (key, value) in entry.as_map().unwrap_or(&[]) {
                let (node, field) = match (list, key.as_str()) {
                    ("projects", Some(field @ ("started" | "completed")))
                    | ("suppressions", Some(field @ "until")) => (value, field),
                    ("indicators", Some("pending")) => match value.get("expected_by") {
                        Some(node) => (node, "pending/expected_by"),
                        None => continue,
                    },
                    _ => continue,
                };
                visit(node, &|| format!("/{list}/{i}/{field}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::yaml::{load, Limits};

    /// Every date field of the report format, impossible dates among good
    /// ones, look-alikes that are not dates, and date fields where the
    /// format has none (which the schema judges, not this check).
    #[test]
    fn impossible_dates_are_found_in_every_date_field_and_only_there() {
        let text = "\
version: 1
submitted: 2023-02-30
indicators:
  - id: a
    pending: {reason: late, expected_by: 2024-04-31}
  - id: b
    pending: {reason: late, expected_by: 2024-04-30}
  - id: c
    expected_by: 2024-13-01
projects:
  - id: p
    started: 2021-02-29
    completed: 2022-06-31
  - id: q
    started: 2020-02-29
    completed: 2023-1-011
  - id: r
    name: 2023-02-31
suppressions:
  - rule: PL201
    until: 2025-00-10
  - rule: PL202
    until: 2025-12-31
";
        let root = load(text, 0, Limits::default()).expect("loads");
        let mut found: Vec<(String, String)> = impossible_dates(&root)
            .into_iter()
            .map(|(pointer, span, value)| {
                assert_eq!(&text[span.start()..span.end()], value);
                (pointer, value)
            })
            .collect();
        found.sort();
        let expected = [
            ("/indicators/0/pending/expected_by", "2024-04-31"),
            ("/projects/0/completed", "2022-06-31"),
            ("/projects/0/started", "2021-02-29"),
            ("/submitted", "2023-02-30"),
            ("/suppressions/0/until", "2025-00-10"),
        ]
        .map(|(p, v)| (p.to_string(), v.to_string()));
        assert_eq!(found, expected);
    }

    /// Every field the report schema allows on an indicator is kept by the
    /// typed model: `source` and `note` among them, trimmed, none when blank.
    #[test]
    fn an_indicator_keeps_its_source_and_note() {
        let text = "\
plan: p
indicators:
  - id: I14
    value: 97.6
    source: \"  区统计局《统计公报》 \"
    note: 初步数
  - id: I15
    value: 42
    source: \" \"
";
        let root = load(text, 0, Limits::default()).expect("loads");
        let source = crate::syntax::source::SourceFile::new("r.yaml", text);
        let report = Report::from_node(source, root).expect("a report");
        let kept: Vec<_> = (report.indicators.iter())
            .map(|e| (e.source.as_deref(), e.note.as_deref()))
            .collect();
        assert_eq!(
            kept,
            [(Some("区统计局《统计公报》"), Some("初步数")), (None, None)]
        );
    }
}

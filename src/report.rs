//! A progress report as the rules see it: every field typed and carrying
//! the span of its node. Extraction is lenient: a field of the wrong type
//! (already a PL002) is left out, so the rest of the report is still checked.

use crate::plan::ProjectStatus;
use crate::source::Source;
use crate::yaml::{Node, NodeKind, Span};
use jiff::civil::Date;

#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

fn str_at(node: &Node, key: &str) -> Option<Spanned<String>> {
    let n = node.get(key)?;
    Some(Spanned {
        value: n.as_str()?.to_string(),
        span: n.span,
    })
}

fn num_at(node: &Node, key: &str) -> Option<Spanned<f64>> {
    let n = node.get(key)?;
    Some(Spanned {
        value: n.as_f64()?,
        span: n.span,
    })
}

fn int_at(node: &Node, key: &str) -> Option<Spanned<i64>> {
    let n = node.get(key)?;
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

/// A vector without spare capacity (a filtered `collect` grows by doubling).
fn exact<T>(mut v: Vec<T>) -> Vec<T> {
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

fn date_at(node: &Node, key: &str) -> Option<Spanned<Date>> {
    let s = str_at(node, key)?;
    Some(Spanned {
        value: parse_date(&s.value)?,
        span: s.span,
    })
}

#[derive(Clone, Debug)]
pub struct Requirement {
    pub span: Span,
    pub value: Option<Spanned<f64>>,
    pub source: Option<Spanned<String>>,
}

#[derive(Clone, Debug)]
pub struct IndicatorEntry {
    /// Position in `indicators`, for node paths.
    pub index: u32,
    pub span: Span,
    pub id: Spanned<String>,
    pub value: Option<Spanned<f64>>,
    /// The `pending` key's span, when the figure is not yet published.
    pub pending: Option<Span>,
    pub unit: Option<Spanned<String>>,
    /// Boxed: most entries have none, and the typed reports are kept for the whole check.
    pub requirement: Option<Box<Requirement>>,
}

impl IndicatorEntry {
    pub fn pointer(&self) -> String {
        format!("/indicators/{}", self.index)
    }
}

#[derive(Clone, Debug)]
pub struct ProjectEntry {
    pub index: u32,
    pub span: Span,
    pub id: Spanned<String>,
    pub name: Option<Spanned<String>>,
    pub status: Option<Spanned<ProjectStatus>>,
    pub progress: Option<Spanned<f64>>,
    pub planned_total: Option<Spanned<f64>>,
    pub completed_to_date: Option<Spanned<f64>>,
    pub started: Option<Spanned<Date>>,
    pub completed: Option<Spanned<Date>>,
    /// The `evidence` list's span and number of items.
    pub evidence: Option<Spanned<u32>>,
}

impl ProjectEntry {
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
}

impl Report {
    /// Reads the typed view of a loaded document. Returns `None` when the
    /// document is not a mapping at all.
    pub fn from_node(source: Source, root: &Node) -> Option<Report> {
        root.as_map()?;
        let seq = |key: &str| root.get(key).and_then(Node::as_seq).unwrap_or(&[]);
        // A report of at most 4 GiB has fewer than 2^32 entries.
        let indicators = (0..u32::MAX)
            .zip(seq("indicators"))
            .filter_map(|(index, n)| {
                let id = str_at(n, "id")?;
                Some(IndicatorEntry {
                    index,
                    span: n.span,
                    id,
                    value: num_at(n, "value").filter(|v| v.value.is_finite()),
                    pending: n.entry("pending").map(|(k, _)| k.span),
                    unit: str_at(n, "unit"),
                    requirement: n
                        .get("requirement")
                        .filter(|r| r.as_map().is_some())
                        .map(|r| {
                            Box::new(Requirement {
                                span: r.span,
                                value: num_at(r, "value").filter(|v| v.value.is_finite()),
                                source: str_at(r, "source").filter(|s| !s.value.trim().is_empty()),
                            })
                        }),
                })
            })
            .collect::<Vec<_>>();
        let projects = (0..u32::MAX)
            .zip(seq("projects"))
            .filter_map(|(index, n)| {
                let id = str_at(n, "id")?;
                let inv = n.get("investment");
                Some(ProjectEntry {
                    index,
                    span: n.span,
                    id,
                    name: str_at(n, "name"),
                    status: str_at(n, "status").and_then(|s| {
                        Some(Spanned {
                            value: ProjectStatus::parse(&s.value)?,
                            span: s.span,
                        })
                    }),
                    progress: num_at(n, "progress").filter(|v| v.value.is_finite()),
                    planned_total: inv.and_then(|i| num_at(i, "planned_total")),
                    completed_to_date: inv.and_then(|i| num_at(i, "completed_to_date")),
                    started: date_at(n, "started"),
                    completed: date_at(n, "completed"),
                    evidence: n.get("evidence").and_then(|e| {
                        Some(Spanned {
                            value: u32::try_from(e.as_seq()?.len()).unwrap_or(u32::MAX),
                            span: e.span,
                        })
                    }),
                })
            })
            .collect::<Vec<_>>();
        let suppressions = seq("suppressions")
            .iter()
            .enumerate()
            .map(|(index, n)| Suppression {
                index,
                span: n.span,
                rule: str_at(n, "rule"),
                target: str_at(n, "target"),
                reason: str_at(n, "reason"),
                until: date_at(n, "until"),
                approved_by: str_at(n, "approved_by"),
            })
            .collect();
        Some(Report {
            version: int_at(root, "version"),
            plan: str_at(root, "plan"),
            department: str_at(root, "department"),
            period: int_at(root, "period"),
            submitted: date_at(root, "submitted"),
            // Kept until every report is checked: no spare capacity.
            indicators: exact(indicators),
            projects: exact(projects),
            indicators_key: root.entry("indicators").map(|(k, _)| k.span),
            projects_key: root.entry("projects").map(|(k, _)| k.span),
            revision: root.entry("revision").map(|(k, _)| k.span),
            suppressions,
            source,
        })
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
/// the schema's pattern accepts them, so they are PL002 here.
pub fn impossible_dates(root: &Node) -> Vec<(String, Span, String)> {
    let mut out = Vec::new();
    // The pointer is made only for a date that is not a real day.
    let mut visit = |pointer: &dyn Fn() -> String, n: &Node| {
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
    // Every date field of the report format, as (list, field path within an entry).
    const DATES: [(&str, &str); 5] = [
        ("", "submitted"),
        ("projects", "started"),
        ("projects", "completed"),
        ("suppressions", "until"),
        ("indicators", "pending/expected_by"),
    ];
    for (list, field) in DATES {
        // (index in the list, entry); the root itself for top-level fields.
        let entries: Vec<(Option<usize>, &Node)> = if list.is_empty() {
            vec![(None, root)]
        } else {
            root.get(list)
                .and_then(Node::as_seq)
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .map(|(i, n)| (Some(i), n))
                .collect()
        };
        for (index, entry) in entries {
            let found = field.split('/').try_fold(entry, |node, key| node.get(key));
            if let Some(n) = found {
                visit(
                    &|| match index {
                        Some(i) => format!("/{list}/{i}/{field}"),
                        None => format!("/{field}"),
                    },
                    n,
                );
            }
        }
    }
    out
}

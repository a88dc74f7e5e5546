//! The typed fast path of validation: `schemas/report.schema.json` and the
//! catalog part of `schemas/plan.schema.json` written out as code over the
//! YAML tree, so that a valid report or catalog file needs neither its JSON
//! view nor the JSON Schema validator (whose schema is then never even
//! compiled).
//!
//! It answers only "certainly valid". Anything else — a violation, or a case
//! it does not decide, such as an integer written as `1.0` — goes to the
//! validator, which alone makes the diagnostics; so the verdict is always the
//! validator's. `tests/it/fast_schema.rs` proves on generated and mutated
//! reports and catalog files that whenever this says valid, the validator
//! agrees, and that generated ones take the fast path.

use crate::syntax::yaml::{Node, NodeKind};

/// Whether `root` certainly satisfies the report schema.
pub fn report_valid(root: &Node) -> bool {
    let Some(entries) = root.as_map() else {
        return false;
    };
    let mut required = 0u8;
    for (k, v) in entries {
        let Some(key) = k.as_str() else { return false };
        let ok = match key {
            "version" => {
                required |= 1;
                is_integer(v)
            }
            "plan" => {
                required |= 2;
                is_text(v)
            }
            "department" => {
                required |= 4;
                is_text(v)
            }
            "period" => {
                required |= 8;
                is_integer(v)
            }
            "submitted" => {
                required |= 16;
                is_date(v)
            }
            "indicators" => every(v, indicator),
            "projects" => every(v, project),
            "revision" => revision(v),
            "suppressions" => every(v, suppression),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    required == 31
}

/// A JSON integer as `Node::to_json` makes one.
fn is_integer(n: &Node) -> bool {
    matches!(n.kind, NodeKind::Number { value, integer: true } if value.fract() == 0.0 && value.abs() < 9.0e15)
}

/// A JSON number: non-finite values have no JSON form and fail the schema.
fn is_number(n: &Node) -> bool {
    matches!(n.kind, NodeKind::Number { value, .. } if value.is_finite())
}

fn is_string(n: &Node) -> bool {
    matches!(n.kind, NodeKind::Str(_))
}

/// `{"type": "string", "minLength": 1}`.
fn is_text(n: &Node) -> bool {
    matches!(&n.kind, NodeKind::Str(s) if !s.is_empty())
}

/// `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`.
fn is_date(n: &Node) -> bool {
    let NodeKind::Str(s) = &n.kind else {
        return false;
    };
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// A list whose every item passes `item`.
fn every(n: &Node, item: fn(&Node) -> bool) -> bool {
    n.as_seq().is_some_and(|items| items.iter().all(item))
}

/// A mapping with string keys, each passing `field` (which says whether the
/// key is known and its value valid) and holding every key of `required`.
fn object(n: &Node, required: &[&str], field: impl Fn(&str, &Node) -> bool) -> bool {
    let Some(entries) = n.as_map() else {
        return false;
    };
    let mut ok = true;
    for (k, v) in entries {
        let Some(key) = k.as_str() else { return false };
        ok &= field(key, v);
        if !ok {
            return false;
        }
    }
    required
        .iter()
        .all(|r| entries.iter().any(|(k, _)| k.as_str() == Some(r)))
}

fn indicator(n: &Node) -> bool {
    let ok = object(n, &["id"], |key, v| match key {
        "id" => is_text(v),
        "value" => is_number(v),
        "pending" => object(v, &["reason", "expected_by"], |k, v| match k {
            "reason" => is_text(v),
            "expected_by" => is_date(v),
            _ => false,
        }),
        "unit" | "source" | "note" => is_string(v),
        "requirement" => object(v, &[], |k, v| match k {
            "value" => is_number(v),
            "source" => is_string(v),
            _ => false,
        }),
        "confirmed" => object(v, &["value", "reason"], |k, v| match k {
            "value" => is_number(v),
            "reason" => is_text(v),
            _ => false,
        }),
        _ => false,
    });
    // oneOf: `value` or `pending`, not both.
    ok && (n.get("value").is_some() != n.get("pending").is_some())
}

fn project(n: &Node) -> bool {
    object(n, &["id", "status", "progress"], |key, v| match key {
        "id" => is_text(v),
        "name" => is_string(v),
        "status" => matches!(
            v.as_str(),
            Some(
                "planned"
                    | "preparing"
                    | "under_construction"
                    | "completed"
                    | "suspended"
                    | "cancelled"
            )
        ),
        "progress" => is_number(v) && v.as_f64().is_some_and(|p| (0.0..=100.0).contains(&p)),
        "investment" => object(v, &[], |k, v| match k {
            "planned_total" | "completed_to_date" => {
                is_number(v) && v.as_f64().is_some_and(|x| x >= 0.0)
            }
            _ => false,
        }),
        "started" | "completed" => v.is_null() || is_date(v),
        "evidence" => every(v, is_string),
        _ => false,
    })
}

fn revision(n: &Node) -> bool {
    object(n, &["reason", "approved_by"], |key, v| match key {
        "reason" | "approved_by" => is_text(v),
        _ => false,
    })
}

fn suppression(n: &Node) -> bool {
    object(n, &["rule", "target", "reason"], |key, v| match key {
        "rule" | "target" | "reason" | "approved_by" => is_string(v),
        "until" => is_date(v),
        _ => false,
    })
}

/// Whether `root` certainly satisfies the plan schema's `catalog` (a
/// catalog file: departments, indicators, projects).
pub fn catalog_valid(root: &Node) -> bool {
    // minProperties 1
    root.as_map().is_some_and(|e| !e.is_empty())
        && object(root, &[], |key, v| match key {
            "about" => is_string(v),
            "departments" => every(v, department),
            "indicators" => every(v, catalog_indicator),
            "projects" => every(v, catalog_project),
            _ => false,
        })
}

/// A string all of whose characters pass `rest`, the first also `first`
/// (`^[first][rest]*$`).
fn is_word(n: &Node, first: fn(u8) -> bool, rest: fn(u8) -> bool) -> bool {
    let Some(s) = n.as_str() else { return false };
    let b = s.as_bytes();
    b.first().is_some_and(|&c| first(c)) && b.iter().all(|&c| rest(c))
}

/// `^[a-z0-9][a-z0-9-]*$`: a department code.
fn is_code(n: &Node) -> bool {
    fn lower(c: u8) -> bool {
        c.is_ascii_lowercase() || c.is_ascii_digit()
    }
    is_word(n, lower, |c| lower(c) || c == b'-')
}

/// `^[A-Z][A-Za-z0-9_-]*$`: an indicator or project id.
fn is_id(n: &Node) -> bool {
    is_word(
        n,
        |c| c.is_ascii_uppercase(),
        |c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-',
    )
}

/// `^专栏[0-9]+-[0-9]+$`: a column of the plan.
fn is_column(n: &Node) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    n.as_str()
        .and_then(|s| s.strip_prefix("专栏"))
        .and_then(|s| s.split_once('-'))
        .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// `{"type": "integer", "minimum": 1}`.
fn is_ordinal(n: &Node) -> bool {
    is_integer(n) && n.as_f64().is_some_and(|v| v >= 1.0)
}

fn is_number_or_null(n: &Node) -> bool {
    n.is_null() || is_number(n)
}

/// A string equal to one of `names` (an `enum` of strings).
fn is_one_of(n: &Node, names: &[&str]) -> bool {
    n.as_str().is_some_and(|s| names.contains(&s))
}

fn citation(n: &Node) -> bool {
    object(n, &["line", "passage"], |key, v| match key {
        "line" => is_ordinal(v),
        "passage" => is_text(v),
        _ => false,
    })
}

fn department(n: &Node) -> bool {
    object(n, &["code", "name"], |key, v| match key {
        "code" => is_code(v),
        "name" => is_text(v),
        "aliases" => every(v, is_string),
        "review" => every(v, is_text),
        _ => false,
    })
}

fn catalog_indicator(n: &Node) -> bool {
    const REQUIRED: &[&str] = &[
        "id",
        "name",
        "unit",
        "category",
        "attribute",
        "kind",
        "direction",
        "baseline",
        "baseline_kind",
        "target",
        "target_text",
        "target_year",
        "comparison",
        "target_is",
        "range",
        "department",
        "source",
    ];
    object(n, REQUIRED, |key, v| match key {
        "id" => is_id(v),
        "name" => is_text(v),
        "unit" | "category" | "target_text" | "department" | "sentence" | "note" => is_string(v),
        "attribute" => is_one_of(v, &["binding", "expected"]),
        "kind" => is_one_of(v, &["level", "annual_rate", "cumulative", "qualitative"]),
        "direction" => is_one_of(v, &["higher_is_better", "lower_is_better"]),
        "baseline" | "target" => is_number_or_null(v),
        "baseline_text" => v.is_null() || is_string(v),
        "baseline_kind" => is_one_of(
            v,
            &["level", "period_average", "period_total", "cap", "none"],
        ),
        "target_year" => is_integer(v),
        "comparison" => is_one_of(
            v,
            &["at_least", "at_most", "more_than", "less_than", "about"],
        ),
        "reference" => is_text(v),
        "target_is" => is_one_of(v, &["path", "bound"]),
        "range" => v
            .as_seq()
            .is_some_and(|r| r.len() == 2 && r.iter().all(is_number_or_null)),
        "source" => citation(v),
        "discrepancies" => every(v, |d| {
            object(d, &["line", "passage", "text", "note"], |k, v| match k {
                "line" => is_ordinal(v),
                "passage" | "text" | "note" => is_string(v),
                _ => false,
            })
        }),
        "review" => every(v, is_text),
        "same_as" => is_id(v),
        "plausible" => object(v, &["note"], |k, v| match k {
            "change" => change(v),
            "whole" => matches!(v.kind, NodeKind::Bool(_)),
            "note" => is_text(v),
            _ => false,
        }),
        _ => false,
    })
}

/// A plausible change: exactly one measure, above its floor (a ratio above 1,
/// the others above 0).
fn change(n: &Node) -> bool {
    n.as_map().is_some_and(|m| m.len() == 1)
        && object(n, &[], |k, v| {
            let floor = match k {
                "ratio" => 1.0,
                "points" | "difference" | "increment" | "increment_of_target" => 0.0,
                _ => return false,
            };
            is_number(v) && v.as_f64().is_some_and(|x| x > floor)
        })
}

fn catalog_project(n: &Node) -> bool {
    const REQUIRED: &[&str] = &[
        "id",
        "name",
        "column",
        "column_ordinal",
        "department",
        "source",
    ];
    object(n, REQUIRED, |key, v| match key {
        "id" => is_id(v),
        "name" => is_text(v),
        "column" => is_column(v),
        "column_ordinal" => is_ordinal(v),
        "department" | "note" => is_string(v),
        "source" => citation(v),
        "review" => every(v, is_text),
        _ => false,
    })
}

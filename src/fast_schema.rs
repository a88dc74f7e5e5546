//! The typed fast path of report validation: `schemas/report.schema.json`
//! written out as code over the YAML tree, so that a valid report needs
//! neither its JSON view nor the JSON Schema validator (whose report schema
//! is then never even compiled).
//!
//! It answers only "certainly valid". Anything else — a violation, or a case
//! it does not decide, such as an integer written as `1.0` — goes to the
//! validator, which alone makes the diagnostics; so the verdict is always the
//! validator's. `tests/fast_schema.rs` proves on generated and mutated
//! reports that whenever this says valid, the validator agrees, and that
//! generated reports take the fast path.

use crate::yaml::{Node, NodeKind};

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

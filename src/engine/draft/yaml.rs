//! The drafted files written as YAML: block style, flow for short lists, review
//! marks beside what they mark.

use super::*;

// ---------------------------------------------------------------- YAML

/// A YAML scalar: plain where that reads back as the same string, else double-quoted
/// (JSON's quoting is YAML's).
pub(super) fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => crate::syntax::yaml::scalar(s),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => plain(f),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

pub(super) fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

/// Small values written on one line: a list of scalars, a map of at most three scalars.
pub(super) fn flow(v: &Value) -> Option<String> {
    match v {
        Value::Array(a)
            if a.len() <= 4
                && a.iter().all(|x| match x {
                    Value::String(s) => s.chars().count() <= 24,
                    other => is_scalar(other),
                }) =>
        {
            Some(format!(
                "[{}]",
                a.iter().map(scalar).collect::<Vec<_>>().join(", ")
            ))
        }
        Value::Object(m) if !m.is_empty() && m.len() <= 3 && m.values().all(is_scalar) => {
            Some(format!(
                "{{{}}}",
                m.iter()
                    .map(|(k, v)| format!("{k}: {}", scalar(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
        Value::Array(a) if a.is_empty() => Some("[]".into()),
        Value::Object(m) if m.is_empty() => Some("{}".into()),
        _ => None,
    }
}

pub(super) fn write_map(
    out: &mut String,
    m: &Map<String, Value>,
    indent: usize,
    first_inline: bool,
) {
    for (k, (key, v)) in m.iter().enumerate() {
        if !(k == 0 && first_inline) {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(key);
        out.push(':');
        write_value(out, v, indent);
    }
}

/// Writes `v` after "key:" at `indent`.
pub(super) fn write_value(out: &mut String, v: &Value, indent: usize) {
    if is_scalar(v) {
        out.push(' ');
        out.push_str(&scalar(v));
        out.push('\n');
        return;
    }
    if let Some(f) = flow(v) {
        out.push(' ');
        out.push_str(&f);
        out.push('\n');
        return;
    }
    out.push('\n');
    match v {
        Value::Array(a) => {
            for item in a {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str("- ");
                match item {
                    Value::Object(m) if flow(item).is_none() => write_map(out, m, indent + 4, true),
                    _ => {
                        out.push_str(&flow(item).unwrap_or_else(|| scalar(item)));
                        out.push('\n');
                    }
                }
            }
        }
        Value::Object(m) => write_map(out, m, indent + 2, false),
        _ => {}
    }
}

/// A YAML document from a JSON object, after a comment header.
pub(super) fn yaml(header: &str, doc: &Value) -> String {
    let mut out = String::new();
    for l in header.lines() {
        out.push_str("# ");
        out.push_str(l);
        out.push('\n');
    }
    if let Value::Object(m) = doc {
        write_map(&mut out, m, 0, false);
    }
    out
}

/// An entry as JSON with its review marks, in the run's language.
pub(super) fn with_marks<T: serde::Serialize>(m: &Marked<T>, lang: Lang) -> Value {
    let mut v = serde_json::to_value(&m.entry).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut v {
        if o.get("baseline_text").is_some_and(Value::is_null) {
            o.remove("baseline_text");
        }
        // A rule entry's empty selector and parameters say nothing.
        for key in ["select", "params"] {
            if o.get(key)
                .is_some_and(|x| x.as_object().is_some_and(Map::is_empty))
            {
                o.remove(key);
            }
        }
        if !m.marks.is_empty() {
            o.insert(
                "review".into(),
                Value::Array(
                    m.marks
                        .iter()
                        .map(|k| Value::String(k.text(lang)))
                        .collect(),
                ),
            );
        }
    }
    v
}

pub(super) fn review_list(marks: &[Mark], lang: Lang) -> Option<Value> {
    (!marks.is_empty())
        .then(|| Value::Array(marks.iter().map(|k| Value::String(k.text(lang))).collect()))
}

//! JSON Schema validation. The only module that names `jsonschema`.
//!
//! Every schema is compiled once per process. A violation becomes a PL002
//! diagnostic at the offending node: an unknown key points at the key, a
//! missing key at the entry that lacks it, a wrong value at the value, with
//! "did you mean" and, for a number written as text, the number meant.

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::source::Source;
use crate::suggest;
use crate::yaml::{format_number, Node, NodeKind};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::Validator;
use serde_json::Value;
use std::sync::OnceLock;

pub const REPORT: &str = include_str!("../schemas/report.schema.json");
pub const PLAN: &str = include_str!("../schemas/plan.schema.json");
pub const RULES: &str = include_str!("../schemas/rules.schema.json");
pub const CONFIG: &str = include_str!("../schemas/config.schema.json");
pub const OUTPUT: &str = include_str!("../schemas/output.schema.json");

/// The documents plan-lint validates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Report,
    PlanHeader,
    Catalog,
    Rules,
    Config,
}

struct Compiled {
    root: Value,
    validator: Validator,
}

fn compile(text: &str, def: Option<&str>) -> Compiled {
    let root: Value = serde_json::from_str(text).expect("embedded schema is JSON");
    let schema = match def {
        None => root.clone(),
        Some(def) => serde_json::json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$defs": root["$defs"].clone(),
            "$ref": format!("#/$defs/{def}"),
        }),
    };
    let validator = jsonschema::draft202012::new(&schema).expect("embedded schema compiles");
    Compiled {
        root: schema,
        validator,
    }
}

fn compiled(kind: Kind) -> &'static Compiled {
    static REPORT_V: OnceLock<Compiled> = OnceLock::new();
    static HEADER_V: OnceLock<Compiled> = OnceLock::new();
    static CATALOG_V: OnceLock<Compiled> = OnceLock::new();
    static RULES_V: OnceLock<Compiled> = OnceLock::new();
    static CONFIG_V: OnceLock<Compiled> = OnceLock::new();
    match kind {
        Kind::Report => REPORT_V.get_or_init(|| compile(REPORT, None)),
        Kind::PlanHeader => HEADER_V.get_or_init(|| compile(PLAN, Some("header"))),
        Kind::Catalog => CATALOG_V.get_or_init(|| compile(PLAN, Some("catalog"))),
        Kind::Rules => RULES_V.get_or_init(|| compile(RULES, None)),
        Kind::Config => CONFIG_V.get_or_init(|| compile(CONFIG, None)),
    }
}

/// The text of a schema by the name `plan-lint schema NAME` takes.
pub fn by_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "report" => REPORT,
        "plan" => PLAN,
        "rules" => RULES,
        "config" => CONFIG,
        "output" => OUTPUT,
        "status" => crate::status::SCHEMA,
        _ => return None,
    })
}

/// Validates a loaded document; one PL002 per violation.
pub fn validate(kind: Kind, node: &Node, source: &Source) -> Vec<Diagnostic> {
    if !matches!(node.kind, NodeKind::Map(_)) {
        return vec![not_a_mapping(kind, node, source)];
    }
    // A report the typed fast path accepts is valid: no JSON view, no validator.
    if kind == Kind::Report && crate::fast_schema::report_valid(node) {
        return Vec::new();
    }
    validate_json(kind, node, &node.to_json(), source)
}

/// Whether the JSON Schema validator accepts a report (for the tests of the fast path).
pub fn report_is_valid(node: &Node) -> bool {
    compiled(Kind::Report).validator.is_valid(&node.to_json())
}

/// Whether a JSON view is valid against the schema of its kind.
pub fn is_valid(kind: Kind, instance: &Value) -> bool {
    compiled(kind).validator.is_valid(instance)
}

/// Like [`validate`], with the JSON view of `node` already made (`node.to_json()`).
pub fn validate_json(
    kind: Kind,
    node: &Node,
    instance: &Value,
    source: &Source,
) -> Vec<Diagnostic> {
    let c = compiled(kind);
    if c.validator.is_valid(instance) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for error in c.validator.iter_errors(instance) {
        let pointer = error.instance_path().as_str().to_string();
        let schema_pointer = keyword_parent(error.schema_path().as_str());
        let (key, value) = node.pointer(&pointer).unwrap_or((None, node));
        let field = field_name(&pointer);
        let loc = |n: &Node| Location::at(source, n.span);
        let d = match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for name in unexpected {
                    let entry = value
                        .as_map()
                        .and_then(|m| m.iter().find(|(k, _)| &k.key_text() == name));
                    let at = entry.map_or(value, |(k, _)| k);
                    let allowed = allowed_keys(&c.root, &schema_pointer);
                    let present: Vec<String> = value
                        .as_map()
                        .map(|m| m.iter().map(|(k, _)| k.key_text()).collect())
                        .unwrap_or_default();
                    let candidates = allowed
                        .iter()
                        .map(String::as_str)
                        .filter(|a| !present.iter().any(|p| p == a));
                    let help = match suggest::closest(name, candidates) {
                        Some(s) => format!("did you mean \"{s}\"? rename the key"),
                        None if name == "<<" => {
                            "merge keys are not supported: write the entries out".into()
                        }
                        None => format!("remove the key, or use one of: {}", allowed.join(", ")),
                    };
                    out.push(
                        Diagnostic::new(
                            "PL002",
                            Severity::Error,
                            loc(at),
                            format!("unknown key \"{}\"{}", shorten(name), context(&pointer)),
                            help,
                        )
                        .label("not a key of this entry")
                        .node_path(format!("{pointer}/{name}")),
                    );
                }
                continue;
            }
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default();
                let at = key.unwrap_or(value);
                let at_loc = if key.is_none() && matches!(value.kind, NodeKind::Map(_)) {
                    first_line(source, value)
                } else {
                    loc(at)
                };
                Diagnostic::new(
                    "PL002",
                    Severity::Error,
                    at_loc,
                    format!("missing required key \"{name}\"{}", context(&pointer)),
                    format!(
                        "add \"{name}:\" with {}",
                        describe_property(&c.root, &schema_pointer, name)
                    ),
                )
                .label(format!("\"{name}\" missing here"))
                .node_path(format!("{pointer}/{name}"))
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => type_word(&t.to_string()),
                    TypeKind::Multiple(ts) => ts
                        .iter()
                        .map(|t| type_word(&t.to_string()))
                        .collect::<Vec<_>>()
                        .join(" or "),
                };
                let is_date = schema_at(&c.root, &schema_pointer)
                    .and_then(|s| s.get("pattern"))
                    .and_then(Value::as_str)
                    .is_some_and(|p| p.contains("[0-9]{4}-[0-9]{2}-[0-9]{2}"));
                let expected = if is_date {
                    "a date (YYYY-MM-DD)".to_string()
                } else {
                    expected
                };
                type_error(source, value, &pointer, &field, &expected)
            }
            ValidationErrorKind::Enum { options } => {
                let opts: Vec<&str> = options
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let found = shown(value);
                let help = match value
                    .as_str()
                    .and_then(|v| suggest::closest(v, opts.iter().copied()))
                {
                    Some(s) => format!("did you mean \"{s}\"? allowed: {}", opts.join(", ")),
                    None => format!("use one of: {}", opts.join(", ")),
                };
                Diagnostic::new(
                    "PL002",
                    Severity::Error,
                    loc(value),
                    format!("\"{field}\" is {found}, which is not an allowed value"),
                    help,
                )
                .label("not allowed")
            }
            ValidationErrorKind::Minimum { limit }
            | ValidationErrorKind::ExclusiveMinimum { limit } => Diagnostic::new(
                "PL002",
                Severity::Error,
                loc(value),
                format!("\"{field}\" is {}, below the minimum {limit}", shown(value)),
                format!("\"{field}\" must be at least {limit}"),
            )
            .label("too small"),
            ValidationErrorKind::Maximum { limit }
            | ValidationErrorKind::ExclusiveMaximum { limit } => Diagnostic::new(
                "PL002",
                Severity::Error,
                loc(value),
                format!("\"{field}\" is {}, above the maximum {limit}", shown(value)),
                format!("\"{field}\" must be at most {limit}"),
            )
            .label("too large"),
            ValidationErrorKind::Pattern { pattern } => {
                let help = if pattern.contains("[0-9]{4}-[0-9]{2}-[0-9]{2}") {
                    "write the date as YYYY-MM-DD, e.g. 2024-01-18".to_string()
                } else {
                    format!("the value must match the pattern {pattern}")
                };
                Diagnostic::new(
                    "PL002",
                    Severity::Error,
                    loc(value),
                    format!(
                        "\"{field}\" is {}, which is not in the required form",
                        shown(value)
                    ),
                    help,
                )
                .label("wrong form")
            }
            ValidationErrorKind::MinLength { .. } => Diagnostic::new(
                "PL002",
                Severity::Error,
                loc(value),
                format!("\"{field}\" is empty"),
                format!("write a non-empty \"{field}\""),
            )
            .label("empty"),
            ValidationErrorKind::MinItems { limit } | ValidationErrorKind::MaxItems { limit } => {
                Diagnostic::new(
                    "PL002",
                    Severity::Error,
                    loc(value),
                    format!("\"{field}\" has the wrong number of items"),
                    format!("\"{field}\" needs {limit} items here"),
                )
            }
            ValidationErrorKind::OneOfNotValid { .. }
            | ValidationErrorKind::OneOfMultipleValid { .. }
                if pointer.starts_with("/indicators/") =>
            {
                if value.as_map().is_none() {
                    // Not a mapping at all: its type error says so.
                    continue;
                }
                let has_value = value.get("value").is_some();
                let has_pending = value.get("pending").is_some();
                if has_value && has_pending {
                    let (k, _) = value.entry("pending").expect("present");
                    Diagnostic::new(
                        "PL002",
                        Severity::Error,
                        loc(k),
                        "an indicator has both \"value\" and \"pending\"".to_string(),
                        "keep \"value\" when the figure is published, or \"pending\" when it is not, never both",
                    )
                    .label("remove one of the two")
                } else if !has_value && !has_pending {
                    Diagnostic::new(
                        "PL002",
                        Severity::Error,
                        first_line(source, value),
                        "an indicator needs \"value\" or \"pending\"".to_string(),
                        "add \"value:\" with the figure for the period, or \"pending:\" with reason and expected_by if it is not yet published",
                    )
                    .label("no value here")
                } else {
                    // The branch that applies has its own errors, reported separately.
                    continue;
                }
            }
            ValidationErrorKind::OneOfNotValid { .. }
            | ValidationErrorKind::OneOfMultipleValid { .. } => {
                continue_generic(source, value, &field, &error.to_string())
            }
            _ => continue_generic(source, value, &field, &error.to_string()),
        };
        let d = if d.node_path.is_empty() {
            d.node_path(pointer)
        } else {
            d
        };
        out.push(d);
    }
    out
}

fn continue_generic(source: &Source, value: &Node, field: &str, detail: &str) -> Diagnostic {
    Diagnostic::new(
        "PL002",
        Severity::Error,
        Location::at(source, value.span),
        format!("\"{field}\" does not match the schema: {detail}"),
        "compare this entry with `plan-lint schema` and the example in the README",
    )
    .label("here")
}

fn type_error(
    source: &Source,
    value: &Node,
    pointer: &str,
    field: &str,
    expected: &str,
) -> Diagnostic {
    let loc = Location::at(source, value.span);
    if let NodeKind::Number { value: v, .. } = value.kind {
        if !v.is_finite() && expected.contains("number") {
            return Diagnostic::new(
                "PL002",
                Severity::Error,
                loc,
                format!(
                    "\"{field}\" is {}, not a finite number",
                    source
                        .text
                        .get(value.span.start..value.span.end)
                        .filter(|w| !w.is_empty())
                        .map_or_else(|| format_number(v, false), shorten)
                ),
                "write the figure as a plain finite number; if it is not known yet, use `pending:` instead of `value:`",
            )
            .label("not a finite number");
        }
    }
    let help = match (
        value.as_str(),
        expected.contains("number") || expected.contains("integer"),
    ) {
        (Some(text), true) => match suggest::number_in_text(text) {
            Some(n) => format!(
                "write the number without quotes, units or words: {}{}",
                format_number(n, n.fract() == 0.0),
                if text.contains("以上") || text.contains("以内") {
                    " (the target's wording belongs to the plan, the report gives the figure)"
                } else {
                    ""
                }
            ),
            None => format!("\"{field}\" takes {expected}; write the figure as a plain number"),
        },
        _ if matches!(value.kind, NodeKind::Null) => {
            format!("fill in \"{field}\" with {expected}")
        }
        _ if expected == "a mapping" => format!(
            "write \"{field}\" as a mapping: `key: value` lines, indented under it (compare the example report in the README)"
        ),
        _ if expected == "a list" => {
            format!("write \"{field}\" as a list: one `- ` item per line, indented under it")
        }
        _ => format!("\"{field}\" takes {expected}"),
    };
    let _ = pointer;
    let message = if matches!(value.kind, NodeKind::Null) {
        format!("\"{field}\" is empty; it needs {expected}")
    } else {
        format!("\"{field}\" must be {expected}, found {}", shown(value))
    };
    Diagnostic::new("PL002", Severity::Error, loc, message, help)
        .label(format!("expected {expected}"))
}

/// A document that is not a mapping at all: one file-level diagnostic
/// instead of a schema error about the "document".
fn not_a_mapping(kind: Kind, node: &Node, source: &Source) -> Diagnostic {
    let (what, fields) = match kind {
        Kind::Report => (
            "a report",
            "version, plan, department, period and submitted",
        ),
        Kind::PlanHeader => ("a plan's plan.yaml", "the plan's id, name and period"),
        Kind::Catalog => ("a plan catalog", "its indicators and projects"),
        Kind::Rules => ("a rule file", "its rule entries"),
        Kind::Config => ("plan-lint.toml", "its settings"),
    };
    let start = match kind {
        Kind::Report => " (`plan-lint init --department D --period Y` writes one to start from)",
        _ => "",
    };
    let body = source.body();
    let only_comments = body.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    });
    let (message, location) = match node.kind {
        NodeKind::Null if body.trim().is_empty() => (
            "the file is empty".to_string(),
            Location::file_start(source),
        ),
        NodeKind::Null if only_comments => (
            "the file holds no YAML content, only comments".to_string(),
            Location::file_start(source),
        ),
        NodeKind::Null => (
            "the file holds an empty value (null) at the top level, not a mapping".to_string(),
            first_line(source, node),
        ),
        _ => (
            format!(
                "the file holds {} at the top level, not a mapping",
                shown(node)
            ),
            first_line(source, node),
        ),
    };
    Diagnostic::new(
        "PL002",
        Severity::Error,
        location,
        message,
        format!("{what} is a mapping of keys to values, with {fields} at the top level{start}"),
    )
    .label("not a mapping")
}

/// A value for a message: at most 40 characters.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// How a node reads in a message: strings quoted, numbers as written.
fn shown(node: &Node) -> String {
    match &node.kind {
        NodeKind::Str(s) => format!("the string \"{}\"", shorten(s)),
        NodeKind::Number { value, integer } => format_number(*value, *integer),
        NodeKind::Null => "empty".into(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Seq(_) => "a list".into(),
        NodeKind::Map(_) => "a mapping".into(),
    }
}

fn type_word(t: &str) -> String {
    match t {
        "object" => "a mapping".into(),
        "array" => "a list".into(),
        "string" => "a string".into(),
        "number" => "a number".into(),
        "integer" => "an integer".into(),
        "boolean" => "true or false".into(),
        "null" => "empty (null)".into(),
        other => other.into(),
    }
}

/// The last readable segment of a pointer: `indicators[0].value` → `value`.
fn field_name(pointer: &str) -> String {
    let mut parts = pointer.rsplit('/');
    match parts.next() {
        Some(p) if p.parse::<usize>().is_ok() => {
            format!("{}[{p}]", parts.next().unwrap_or("item"))
        }
        Some("") | None => "document".into(),
        Some(p) => p.replace("~1", "/").replace("~0", "~"),
    }
}

/// " in indicators[2]" for messages about a nested entry.
fn context(pointer: &str) -> String {
    let segs: Vec<&str> = pointer.split('/').filter(|s| !s.is_empty()).collect();
    if segs.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for s in segs {
        if s.parse::<usize>().is_ok() {
            out.push_str(&format!("[{s}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(s);
        }
    }
    format!(" in {out}")
}

/// The schema object a keyword belongs to: `/$defs/indicator/required` → `/$defs/indicator`.
fn keyword_parent(schema_path: &str) -> String {
    match schema_path.rfind('/') {
        Some(i) => schema_path[..i].to_string(),
        None => String::new(),
    }
}

/// Follows `$ref`s in a schema path taken through references.
fn schema_at<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    let mut node = root;
    for seg in pointer.split('/').filter(|s| !s.is_empty()) {
        if seg == "$ref" {
            let r = node.get("$ref")?.as_str()?;
            node = root.pointer(r.strip_prefix('#')?)?;
            continue;
        }
        node = node.get(seg)?;
    }
    // A schema that is only a reference stands for its target.
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        if node.get("properties").is_none() {
            return root.pointer(r.strip_prefix('#')?);
        }
    }
    Some(node)
}

fn allowed_keys(root: &Value, schema_pointer: &str) -> Vec<String> {
    let mut keys: Vec<String> = schema_at(root, schema_pointer)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

fn describe_property(root: &Value, schema_pointer: &str, name: &str) -> String {
    let prop = schema_at(root, schema_pointer)
        .and_then(|s| s.get("properties"))
        .and_then(|p| p.get(name));
    if let Some(d) = prop
        .and_then(|p| p.get("description"))
        .and_then(Value::as_str)
    {
        let d = d.trim_end_matches('.');
        let mut chars = d.chars();
        let lowered: String = chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default();
        return format!("its value: {lowered}");
    }
    "its value".into()
}

/// The first line of a mapping: where a missing key would be written.
fn first_line(source: &Source, node: &Node) -> Location {
    let (line, _) = source.line_col(node.span.start);
    let (_, end) = source.line_span(line);
    let end = end.max(node.span.start);
    Location::at(source, crate::yaml::Span::new(node.span.start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_schema_compiles() {
        for k in [
            Kind::Report,
            Kind::PlanHeader,
            Kind::Catalog,
            Kind::Rules,
            Kind::Config,
        ] {
            let _ = compiled(k);
        }
        let out: Value = serde_json::from_str(OUTPUT).unwrap();
        jsonschema::draft202012::new(&out).unwrap();
    }

    #[test]
    fn field_names_and_context() {
        assert_eq!(field_name("/indicators/0/value"), "value");
        assert_eq!(field_name("/indicators/3"), "indicators[3]");
        assert_eq!(context("/indicators/3"), " in indicators[3]");
    }
}

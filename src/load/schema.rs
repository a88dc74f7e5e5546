//! JSON Schema validation. The only module that names `jsonschema`.
//!
//! Every schema is compiled once per process. A violation becomes a PL002
//! diagnostic at the offending node: an unknown key points at the key, a
//! missing key at the entry that lacks it, a wrong value at the value, with
//! "did you mean" and, for a number written as text, the number meant.

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{
    Expected, JsonType, KeyHint, SchemaMsg, ServerText, Shown, TopLevel, TypeHelp,
};
use crate::model::code::Code;
use crate::syntax::source::Source;
use crate::syntax::suggest;
use crate::syntax::yaml::{format_number, Node, NodeKind, Span};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::Validator;
use serde_json::Value;
use std::sync::OnceLock;

pub const REPORT: &str = include_str!("../../schemas/report.schema.json");
pub const PLAN: &str = include_str!("../../schemas/plan.schema.json");
pub const RULES: &str = include_str!("../../schemas/rules.schema.json");
pub const CONFIG: &str = include_str!("../../schemas/config.schema.json");
pub const OUTPUT: &str = include_str!("../../schemas/output.schema.json");
pub const DECISIONS: &str = include_str!("../../schemas/decisions.schema.json");
/// The shape of `plan-lint status --format json` (documentation: status writes it).
pub const STATUS: &str = include_str!("../../schemas/status.schema.json");

pub use crate::model::document::Kind;

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
    static DECISIONS_V: OnceLock<Compiled> = OnceLock::new();
    match kind {
        Kind::Report => REPORT_V.get_or_init(|| compile(REPORT, None)),
        Kind::PlanHeader => HEADER_V.get_or_init(|| compile(PLAN, Some("header"))),
        Kind::Catalog => CATALOG_V.get_or_init(|| compile(PLAN, Some("catalog"))),
        Kind::Rules => RULES_V.get_or_init(|| compile(RULES, None)),
        Kind::Config => CONFIG_V.get_or_init(|| compile(CONFIG, None)),
        Kind::Decisions => DECISIONS_V.get_or_init(|| compile(DECISIONS, None)),
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
        "decisions" => DECISIONS,
        "status" => STATUS,
        _ => return None,
    })
}

/// Validates a loaded document; one PL002 per violation.
pub fn validate(kind: Kind, node: &Node, source: &Source) -> Vec<Diagnostic> {
    if !matches!(node.kind, NodeKind::Map(_)) {
        return vec![not_a_mapping(kind, node, source)];
    }
    // A report the typed fast path accepts is valid: no JSON view, no validator.
    if kind == Kind::Report && crate::load::fast_schema::report_valid(node) {
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
                    let hint = match suggest::closest(name, candidates) {
                        Some(s @ ("indicators" | "projects")) if pointer.is_empty() => {
                            KeyHint::Section(s.to_string())
                        }
                        Some(s) => KeyHint::DidYouMean(s.to_string()),
                        None if name == "<<" => KeyHint::MergeKey,
                        None => KeyHint::OneOf(allowed.clone()),
                    };
                    let fix = match (&hint, entry) {
                        (KeyHint::DidYouMean(s), Some((k, _))) => Some((k.span, s.clone())),
                        _ => None,
                    };
                    let mut d = Diagnostic::new(
                        Code::PL002,
                        Severity::Error,
                        loc(at),
                        SchemaMsg::UnknownKey {
                            key: shorten(name),
                            context: context(&pointer),
                            hint,
                        },
                    )
                    .node_path(format!("{pointer}/{name}"));
                    if let Some((span, s)) = fix {
                        d = d.fix(span, s.clone(), ServerText::FixReplace { with: s });
                    }
                    out.push(d);
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
                    Code::PL002,
                    Severity::Error,
                    at_loc,
                    SchemaMsg::MissingKey {
                        name: name.to_string(),
                        context: context(&pointer),
                        description: describe_property(&c.root, &schema_pointer, name),
                    },
                )
                .node_path(format!("{pointer}/{name}"))
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => vec![JsonType::from_schema(&t.to_string())],
                    TypeKind::Multiple(ts) => ts
                        .iter()
                        .map(|t| JsonType::from_schema(&t.to_string()))
                        .collect(),
                };
                let is_date = schema_at(&c.root, &schema_pointer)
                    .and_then(|s| s.get("pattern"))
                    .and_then(Value::as_str)
                    .is_some_and(|p| p.contains("[0-9]{4}-[0-9]{2}-[0-9]{2}"));
                let expected = if is_date {
                    Expected::Date
                } else {
                    Expected::Types(expected)
                };
                type_error(source, key, value, &field, expected)
            }
            ValidationErrorKind::Enum { options } => {
                let opts: Vec<&str> = options
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let suggestion = value
                    .as_str()
                    .and_then(|v| {
                        // A Chinese status word (已建成 …) names its enum value.
                        (suggest::project_status_word(v))
                            .filter(|s| opts.contains(s))
                            .or_else(|| suggest::closest(v, opts.iter().copied()))
                    })
                    .map(str::to_string);
                let fix = suggestion.clone();
                let d = Diagnostic::new(
                    Code::PL002,
                    Severity::Error,
                    loc(value),
                    SchemaMsg::NotAllowed {
                        field: field.clone(),
                        found: shown(value),
                        options: opts.iter().map(|o| o.to_string()).collect(),
                        suggestion,
                    },
                );
                match fix {
                    Some(s) => d.fix(
                        crate::syntax::yaml::scalar_extent(source.text(), value.span),
                        s.clone(),
                        ServerText::FixReplace { with: s },
                    ),
                    None => d,
                }
            }
            ValidationErrorKind::Minimum { limit }
            | ValidationErrorKind::ExclusiveMinimum { limit } => Diagnostic::new(
                Code::PL002,
                Severity::Error,
                loc(value),
                SchemaMsg::BelowMinimum {
                    field: field.clone(),
                    found: shown(value),
                    limit: limit.to_string(),
                },
            ),
            ValidationErrorKind::Maximum { limit }
            | ValidationErrorKind::ExclusiveMaximum { limit } => Diagnostic::new(
                Code::PL002,
                Severity::Error,
                loc(value),
                SchemaMsg::AboveMaximum {
                    field: field.clone(),
                    found: shown(value),
                    limit: limit.to_string(),
                },
            ),
            ValidationErrorKind::Pattern { pattern } => Diagnostic::new(
                Code::PL002,
                Severity::Error,
                loc(value),
                SchemaMsg::WrongForm {
                    field: field.clone(),
                    found: shown(value),
                    pattern: (!pattern.contains("[0-9]{4}-[0-9]{2}-[0-9]{2}"))
                        .then(|| pattern.to_string()),
                    date: value.as_str().and_then(suggest::date_in_text),
                },
            ),
            ValidationErrorKind::MinLength { .. } => Diagnostic::new(
                Code::PL002,
                Severity::Error,
                loc(value),
                SchemaMsg::Empty {
                    field: field.clone(),
                },
            ),
            ValidationErrorKind::MinItems { limit } | ValidationErrorKind::MaxItems { limit } => {
                Diagnostic::new(
                    Code::PL002,
                    Severity::Error,
                    loc(value),
                    SchemaMsg::ItemCount {
                        field: field.clone(),
                        limit: limit.to_string(),
                    },
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
                        Code::PL002,
                        Severity::Error,
                        loc(k),
                        SchemaMsg::ValueAndPending,
                    )
                } else if !has_value && !has_pending {
                    Diagnostic::new(
                        Code::PL002,
                        Severity::Error,
                        first_line(source, value),
                        SchemaMsg::NoValueOrPending,
                    )
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
    fold_consequences(&mut out);
    out
}

/// Whether a text holds full-width (全角) digits or a full-width point.
/// A spreadsheet formula (`=SUM(F2:F9)`): `=` and a function or a cell reference after it.
fn is_formula(text: &str) -> bool {
    text.trim_start().strip_prefix('=').is_some_and(|rest| {
        rest.trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

fn is_full_width(text: &str) -> bool {
    text.chars()
        .any(|c| ('０'..='９').contains(&c) || c == '．')
}

/// One cause, one finding: a misspelt key (`valeu`) also leaves the key it
/// meant missing (`value`, or "needs value or pending"); that consequence
/// is dropped, the unknown key's did-you-mean says it all.
fn fold_consequences(out: &mut Vec<Diagnostic>) {
    let meant: Vec<(String, String)> = (out.iter())
        .filter_map(|d| match &d.msg {
            crate::diagnostics::messages::Msg::Schema(SchemaMsg::UnknownKey {
                hint: KeyHint::DidYouMean(s),
                ..
            }) => {
                let parent = d.node_path.rsplit_once('/').map_or("", |(p, _)| p);
                Some((parent.to_string(), s.clone()))
            }
            _ => None,
        })
        .collect();
    if meant.is_empty() {
        return;
    }
    out.retain(|d| {
        let consequence = match &d.msg {
            crate::diagnostics::messages::Msg::Schema(SchemaMsg::MissingKey { name, .. }) => {
                let parent = d.node_path.rsplit_once('/').map_or("", |(p, _)| p);
                meant.iter().any(|(p, s)| p == parent && s == name)
            }
            crate::diagnostics::messages::Msg::Schema(SchemaMsg::NoValueOrPending) => {
                (meant.iter()).any(|(p, s)| *p == d.node_path && (s == "value" || s == "pending"))
            }
            _ => false,
        };
        !consequence
    });
}

fn continue_generic(source: &Source, value: &Node, field: &str, detail: &str) -> Diagnostic {
    Diagnostic::new(
        Code::PL002,
        Severity::Error,
        Location::at(source, value.span),
        SchemaMsg::Other {
            field: field.to_string(),
            detail: detail.to_string(),
        },
    )
}

fn type_error(
    source: &Source,
    key: Option<&Node>,
    value: &Node,
    field: &str,
    expected: Expected,
) -> Diagnostic {
    let loc = Location::at(source, value.span);
    if let NodeKind::Number { value: v, .. } = value.kind {
        if !v.is_finite() && expected.has(&JsonType::Number) {
            return Diagnostic::new(
                Code::PL002,
                Severity::Error,
                loc,
                SchemaMsg::NotFinite {
                    field: field.to_string(),
                    written: source
                        .text()
                        .get(value.span.start()..value.span.end())
                        .filter(|w| !w.is_empty())
                        .map_or_else(|| format_number(v, false), shorten),
                },
            );
        }
    }
    let help = match (value.as_str(), expected.numeric()) {
        (Some(text), true) => {
            let shown = |n: f64| format_number(n, n.fract() == 0.0);
            let target_wording = text.contains("以上") || text.contains("以内");
            match suggest::number_in_text(text) {
                _ if is_formula(text) => TypeHelp::Formula,
                Some(suggest::Reading::Number(n)) if is_full_width(text) => {
                    TypeHelp::FullWidth { number: shown(n) }
                }
                Some(suggest::Reading::Number(n)) => TypeHelp::NumberInText {
                    number: shown(n),
                    other: None,
                    target_wording,
                },
                Some(suggest::Reading::Either(a, b)) => TypeHelp::NumberInText {
                    number: shown(a),
                    other: Some(shown(b)),
                    target_wording,
                },
                None if field == "value" && suggest::says_not_available(text) => TypeHelp::Pending,
                None => TypeHelp::PlainNumber,
            }
        }
        _ if matches!(value.kind, NodeKind::Null) => TypeHelp::Fill,
        _ if expected.is(JsonType::Mapping) => TypeHelp::Mapping,
        _ if expected.is(JsonType::List) => TypeHelp::List,
        _ => TypeHelp::Takes,
    };
    let fix = match &help {
        TypeHelp::FullWidth { number } | TypeHelp::NumberInText { number, .. } => Some((
            crate::syntax::yaml::scalar_extent(source.text(), value.span),
            number.clone(),
            ServerText::FixReplace {
                with: number.clone(),
            },
        )),
        TypeHelp::Pending => key.map(|k| {
            // `value: 暂无` becomes a `pending:` block at the key's
            // indentation, the words written kept as its reason; the
            // expected date is the clerk's to fill in.
            let (_, column) = source.line_col(k.span.start());
            let indent = " ".repeat(column.saturating_sub(1) + 2);
            let extent = crate::syntax::yaml::scalar_extent(source.text(), value.span);
            let written = (source.text())
                .get(extent.start()..extent.end())
                .unwrap_or_default();
            (
                Span::new(k.span.start(), extent.end()),
                format!("pending:\n{indent}reason: {written}\n{indent}expected_by: "),
                ServerText::FixPending,
            )
        }),
        _ => None,
    };
    let d = Diagnostic::new(
        Code::PL002,
        Severity::Error,
        loc,
        SchemaMsg::WrongType {
            field: field.to_string(),
            expected,
            found: shown(value),
            help,
        },
    );
    match fix {
        Some((span, replacement, title)) => d.fix(span, replacement, title),
        None => d,
    }
}

/// A document that is not a mapping at all: one file-level diagnostic
/// instead of a schema error about the "document".
fn not_a_mapping(kind: Kind, node: &Node, source: &Source) -> Diagnostic {
    let body = source.body();
    let only_comments = body.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    });
    let (found, location) = match node.kind {
        NodeKind::Null if body.trim().is_empty() => (TopLevel::Empty, Location::file_start(source)),
        NodeKind::Null if only_comments => (TopLevel::OnlyComments, Location::file_start(source)),
        NodeKind::Null => (TopLevel::Null, first_line(source, node)),
        _ => (TopLevel::Other(shown(node)), first_line(source, node)),
    };
    Diagnostic::new(
        Code::PL002,
        Severity::Error,
        location,
        SchemaMsg::NotAMapping {
            document: kind,
            found,
        },
    )
}

/// A value for a message: at most 40 characters.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// How a node reads in a message: strings quoted, numbers as written.
fn shown(node: &Node) -> Shown {
    match &node.kind {
        NodeKind::Str(s) => Shown::Str(shorten(s)),
        NodeKind::Number { value, integer } => Shown::Number(format_number(*value, *integer)),
        NodeKind::Null => Shown::Null,
        NodeKind::Bool(b) => Shown::Bool(*b),
        NodeKind::Seq(_) => Shown::List,
        NodeKind::Map(_) => Shown::Mapping,
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

/// `indicators[2]` for messages about a nested entry.
fn context(pointer: &str) -> Option<String> {
    let segs: Vec<&str> = pointer.split('/').filter(|s| !s.is_empty()).collect();
    if segs.is_empty() {
        return None;
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
    Some(out)
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

/// The schema's description of a property in English, without its full
/// stop: a description written "中文 / English" (for the editor) gives its
/// English, which the message catalog puts in Chinese.
fn describe_property(root: &Value, schema_pointer: &str, name: &str) -> Option<String> {
    schema_at(root, schema_pointer)
        .and_then(|s| s.get("properties"))
        .and_then(|p| p.get(name))
        .and_then(|p| p.get("description"))
        .and_then(Value::as_str)
        .map(english)
}

/// The English of a description, without its full stop.
pub(crate) fn english(description: &str) -> String {
    let en = description
        .rsplit_once(" / ")
        .map_or(description, |(_, en)| en);
    en.trim_end_matches('.').to_string()
}

/// The first line of a mapping: where a missing key would be written.
fn first_line(source: &Source, node: &Node) -> Location {
    let (line, _) = source.line_col(node.span.start());
    let (_, end) = source.line_span(line);
    let end = end.max(node.span.start());
    Location::at(
        source,
        crate::syntax::yaml::Span::new(node.span.start(), end),
    )
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
        assert_eq!(context("/indicators/3").as_deref(), Some("indicators[3]"));
    }
}

#[cfg(test)]
mod description_tests {
    use crate::diagnostics::messages::schema;

    #[test]
    fn every_schema_description_of_a_required_key_has_its_chinese() {
        fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(o) => {
                    if let (Some(req), Some(props)) = (
                        o.get("required").and_then(|r| r.as_array()),
                        o.get("properties"),
                    ) {
                        for r in req.iter().filter_map(|r| r.as_str()) {
                            if let Some(d) = props[r].get("description").and_then(|d| d.as_str()) {
                                out.push(super::english(d));
                            }
                        }
                    }
                    o.values().for_each(|x| walk(x, out));
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let mut descriptions = Vec::new();
        for s in [super::REPORT, super::PLAN, super::RULES, super::CONFIG] {
            walk(&serde_json::from_str(s).unwrap(), &mut descriptions);
        }
        assert!(!descriptions.is_empty());
        for d in descriptions {
            assert!(schema::description_zh(&d).is_some(), "no Chinese for {d:?}");
        }
    }
}

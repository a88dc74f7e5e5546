//! `plan-lint.toml`: found in the current directory or a parent, validated
//! against `schemas/config.schema.json` like a report, its errors pointing
//! into the file. The only module that names `toml_edit`.

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::PlanMsg;
use crate::load::schema::{self, Kind};
use crate::model::code::Code;
use crate::model::plan::{CatalogEntity, Plans};
use crate::syntax::source::{Source, SourceFile};
use crate::syntax::yaml::{Node, NodeKind, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "plan-lint.toml";

#[derive(Debug, Default)]
pub struct Config {
    pub source: Option<Source>,
    root: Option<Node>,
    /// The directory the config's relative paths start from.
    pub dir: PathBuf,
    pub data_root: Option<PathBuf>,
    pub exclude: Vec<glob::Pattern>,
    pub plans: Vec<PathBuf>,
    pub max_file_size: Option<u64>,
    pub severity: BTreeMap<String, Severity>,
    /// department → the indicators and projects it is responsible for
    /// instead of the plan's department, each for the whole plan period or
    /// `from`/`until` a period (trust.md version 3).
    pub responsibilities: BTreeMap<String, Responsibility>,
    /// The plan office's decisions register (trust.md), relative to the config's folder.
    pub decisions: Option<PathBuf>,
    /// The language of messages for the repository (`--lang` overrides it).
    pub lang: Option<crate::diagnostics::messages::Lang>,
    /// The branch the record is accepted on (`base = "origin/main"`): a
    /// check without `--base` compares the record with its merge-base too.
    pub base: Option<String>,
}

/// A department's responsibilities that differ from the plan's.
#[derive(Debug, Default, Clone)]
pub struct Responsibility {
    pub indicators: Vec<Assigned>,
    pub projects: Vec<Assigned>,
}

/// One catalog entry a department is responsible for: from the period
/// `from` (default: the plan's first) until the period `until` (default:
/// the plan's last), both included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assigned {
    pub id: String,
    pub from: Option<i32>,
    pub until: Option<i32>,
}

/// The nearest plan-lint.toml from `start` upwards.
pub fn find(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

fn span(r: Option<std::ops::Range<usize>>) -> Span {
    r.map_or(Span::default(), |r| Span::new(r.start, r.end))
}

fn value_node(v: &toml_edit::Value) -> Node {
    use toml_edit::Value as V;
    let kind = match v {
        V::String(s) => NodeKind::Str(s.value().clone()),
        V::Integer(i) => NodeKind::Number {
            value: *i.value() as f64,
            integer: true,
        },
        V::Float(f) => NodeKind::Number {
            value: *f.value(),
            integer: false,
        },
        V::Boolean(b) => NodeKind::Bool(*b.value()),
        V::Datetime(d) => NodeKind::Str(d.value().to_string()),
        V::Array(a) => NodeKind::Seq(a.iter().map(value_node).collect()),
        V::InlineTable(t) => NodeKind::Map(
            t.iter()
                .map(|(k, v)| {
                    let key = t.key(k).map(|k| span(k.span())).unwrap_or_default();
                    (
                        Node {
                            span: key,
                            kind: NodeKind::Str(k.to_string()),
                        },
                        value_node(v),
                    )
                })
                .collect(),
        ),
    };
    Node {
        span: span(v.span()),
        kind,
    }
}

fn table_node(t: &toml_edit::Table) -> Node {
    let entries = t
        .iter()
        .map(|(k, item)| {
            let key = Node {
                span: t.key(k).map(|k| span(k.span())).unwrap_or_default(),
                kind: NodeKind::Str(k.to_string()),
            };
            (key, item_node(item))
        })
        .collect();
    Node {
        span: span(t.span()),
        kind: NodeKind::Map(entries),
    }
}

fn item_node(item: &toml_edit::Item) -> Node {
    match item {
        toml_edit::Item::None => Node {
            span: Span::default(),
            kind: NodeKind::Null,
        },
        toml_edit::Item::Value(v) => value_node(v),
        toml_edit::Item::Table(t) => table_node(t),
        toml_edit::Item::ArrayOfTables(a) => Node {
            span: span(a.span()),
            kind: NodeKind::Seq(a.iter().map(table_node).collect()),
        },
    }
}

fn bad(source: &Source, span: Span, msg: PlanMsg) -> Diagnostic {
    Diagnostic::new(
        Code::PL005,
        Severity::Error,
        Location::at(source, span),
        msg,
    )
}

/// Reads and validates a config file. Plan-dependent parts are checked by [`Config::apply`].
pub fn load(path: &Path) -> Result<Config, Vec<Diagnostic>> {
    let shown = crate::syntax::paths::display(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::new(
            Code::PL005,
            Severity::Error,
            Location::path_only(&shown),
            PlanMsg::ConfigUnreadable {
                error: e.to_string(),
            },
        )]
    })?;
    load_text(path, SourceFile::new(shown, text))
}

/// Reads a config from its text (the working copy, or the version at a
/// pull request's base); `path` says where relative paths start.
pub fn load_text(path: &Path, source: Source) -> Result<Config, Vec<Diagnostic>> {
    let doc = toml_edit::ImDocument::parse(source.text().to_string()).map_err(|e| {
        let s = span(e.span());
        vec![bad(
            &source,
            s,
            PlanMsg::InvalidToml {
                detail: e.message().to_string(),
            },
        )]
    })?;
    let root = table_node(doc.as_table());
    let errors: Vec<Diagnostic> = schema::validate(Kind::Config, &root, &source)
        .into_iter()
        .map(|mut d| {
            d.code = Code::PL005;
            d
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut cfg = Config {
        dir: dir.clone(),
        ..Config::default()
    };
    let mut diags = Vec::new();
    let strs = |key: &str| -> Vec<(String, Span)> {
        root.get(key)
            .and_then(Node::as_seq)
            .unwrap_or(&[])
            .iter()
            .filter_map(|n| Some((n.as_str()?.to_string(), n.span)))
            .collect()
    };
    let relative = |p: &str| -> PathBuf {
        if dir.as_os_str().is_empty() {
            PathBuf::from(p)
        } else {
            dir.join(p)
        }
    };
    cfg.data_root = root.get("data_root").and_then(Node::as_str).map(relative);
    for (p, s) in strs("exclude") {
        let pattern = crate::syntax::paths::display(&relative(&p));
        match glob::Pattern::new(&pattern) {
            Ok(g) => cfg.exclude.push(g),
            Err(e) => diags.push(bad(
                &source,
                s,
                PlanMsg::BadExclude {
                    pattern: p.clone(),
                    error: e.to_string(),
                },
            )),
        }
    }
    cfg.plans = strs("plans")
        .into_iter()
        .map(|(p, _)| relative(&p))
        .collect();
    cfg.max_file_size = root
        .get("max_file_size")
        .and_then(Node::as_f64)
        .map(|v| v as u64);
    cfg.lang = root
        .get("lang")
        .and_then(Node::as_str)
        .and_then(|l| match l {
            "zh" => Some(crate::diagnostics::messages::Lang::Zh),
            "en" => Some(crate::diagnostics::messages::Lang::En),
            _ => None,
        });
    cfg.decisions = root.get("decisions").and_then(Node::as_str).map(relative);
    cfg.base = root.get("base").and_then(Node::as_str).map(String::from);
    for (k, v) in root.get("severity").and_then(Node::as_map).unwrap_or(&[]) {
        let code = k.key_text();
        let sev = match v.as_str() {
            Some("error") => Severity::Error,
            _ => Severity::Warning,
        };
        match crate::model::code::meta_of(&code) {
            None => diags.push(bad(
                &source,
                k.span,
                PlanMsg::SeverityUnknownRule { code: code.clone() },
            )),
            Some(i) if !i.code.plan_rule() => diags.push(bad(
                &source,
                k.span,
                PlanMsg::SeverityFixedRule {
                    code: code.clone(),
                    name: i.code.name().to_string(),
                },
            )),
            Some(_) => {
                cfg.severity.insert(code, sev);
            }
        }
    }
    for (k, v) in root
        .get("responsibilities")
        .and_then(Node::as_map)
        .unwrap_or(&[])
    {
        // `from`/`until` on the department apply to each id that has none of its own.
        let year = |n: Option<&Node>| {
            n.and_then(Node::as_f64)
                .filter(|y| y.fract() == 0.0 && (1900.0..=2999.0).contains(y))
                .map(|y| y as i32)
        };
        let (from, until) = (year(v.get("from")), year(v.get("until")));
        let list = |key: &str| -> Vec<Assigned> {
            v.get(key)
                .and_then(Node::as_seq)
                .unwrap_or(&[])
                .iter()
                .filter_map(|n| match n.as_str() {
                    Some(id) => Some(Assigned {
                        id: id.to_string(),
                        from,
                        until,
                    }),
                    None => Some(Assigned {
                        id: n.get("id")?.as_str()?.to_string(),
                        from: year(n.get("from")).or(from),
                        until: year(n.get("until")).or(until),
                    }),
                })
                .collect()
        };
        cfg.responsibilities.insert(
            k.key_text(),
            Responsibility {
                indicators: list("indicators"),
                projects: list("projects"),
            },
        );
    }
    cfg.source = Some(source);
    cfg.root = Some(root);
    if diags.is_empty() {
        Ok(cfg)
    } else {
        Err(diags)
    }
}

impl Config {
    fn at(&self, pointer: &str) -> Location {
        match (&self.source, &self.root) {
            (Some(s), Some(r)) => {
                let span = r
                    .pointer(pointer)
                    .map_or(Span::default(), |(k, v)| k.unwrap_or(v).span);
                Location::at(s, span)
            }
            _ => Location::path_only(FILE_NAME),
        }
    }

    /// Checks the plan-dependent parts (suppressible severities, known
    /// departments and ids) and moves responsibilities in the loaded plans.
    pub fn apply(&self, plans: &mut Plans) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for code in self.severity.keys() {
            let not_suppressible = plans
                .0
                .iter()
                .any(|p| p.rules_named(code).any(|r| !r.entry.suppressible));
            if not_suppressible {
                diags.push(Diagnostic::new(
                    Code::PL005,
                    Severity::Error,
                    self.at(&format!("/severity/{code}")),
                    PlanMsg::SeverityNotSuppressible { code: code.clone() },
                ));
            }
        }
        for (dept, r) in &self.responsibilities {
            if !plans.0.iter().any(|p| p.department(dept).is_some()) {
                diags.push(Diagnostic::new(
                    Code::PL005,
                    Severity::Error,
                    self.at(&format!("/responsibilities/{dept}")),
                    PlanMsg::ConfigDepartment {
                        department: dept.clone(),
                    },
                ));
                continue;
            }
            let lists = [
                (CatalogEntity::Indicator, "indicators", &r.indicators),
                (CatalogEntity::Project, "projects", &r.projects),
            ];
            for (entity, key, list) in lists {
                for (i, a) in list.iter().enumerate() {
                    let mut found = false;
                    for plan in plans.0.iter_mut() {
                        found |= plan.assign_for(entity, &a.id, dept, a.from, a.until);
                    }
                    if !found {
                        let pointer = format!("/responsibilities/{dept}/{key}/{i}");
                        diags.push(Diagnostic::new(
                            Code::PL005,
                            Severity::Error,
                            self.at(&pointer),
                            match entity {
                                CatalogEntity::Indicator => {
                                    PlanMsg::ConfigIndicator { id: a.id.clone() }
                                }
                                CatalogEntity::Project => {
                                    PlanMsg::ConfigProject { id: a.id.clone() }
                                }
                            },
                        ));
                    }
                }
            }
        }
        diags
    }
}

//! The plan office's decisions register (../shared/spec/trust.md): the only
//! place an exception to a binding finding, a rewrite of accepted history or
//! the outside figure of a relative target can come from. A department's
//! report states facts; nothing it writes relaxes a verdict.
//!
//! The register is every `*.yaml` (or `*.yml`) file under `decisions/` at the
//! data repository's root (or the folder `decisions =` in plan-lint.toml or
//! `--decisions DIR` names). In pull-request mode its files are read as they
//! stand at the merge-base (see `pull_request`), so a pull request cannot
//! approve itself. Each file is loaded with spans, validated against
//! `schemas/decisions.schema.json`, and checked against the loaded plans; a
//! bad file is PL004 (exit 2), pointing into it.

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{DecisionMsg, Note};
use crate::load::schema::{self, Kind};
use crate::model::code::{Code, Property};
use crate::model::plan::Plans;
use crate::model::plan::{IndicatorKind, Plan};
use crate::syntax::source::{Source, SourceFile};
use crate::syntax::yaml::{self, Limits, Node, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub mod draft;

/// What a decision does (trust.md, "What each kind does").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionKind {
    /// Suppresses the matching finding.
    Suppression,
    /// Lets an accepted report change in the entries it lists.
    Revision,
    /// The outside figure a relative target is judged against.
    Requirement,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Suppression => "suppression",
            DecisionKind::Revision => "revision",
            DecisionKind::Requirement => "requirement",
        }
    }
}

/// One decision of the register, checked against the plan it belongs to.
#[derive(Clone, Debug)]
pub struct Decision {
    pub id: String,
    pub kind: DecisionKind,
    /// The plan it belongs to: as written, or the plan whose period holds `period`.
    pub plan: String,
    pub department: Option<String>,
    pub period: i32,
    pub rule: Option<String>,
    /// Suppression: an indicator or project id; requirement: an indicator id.
    pub target: Option<String>,
    /// Revision, version 3: each entry the accepted report may now differ
    /// in, with the figures it may now hold.
    pub entries: Vec<RevisionEntry>,
    /// Revision, version 2: the entries that might change, without their
    /// figures. Still loads, grants nothing, and is PL006.
    pub targets: Vec<String>,
    /// Suppression: the figure approved; requirement: the required figure.
    pub value: Option<f64>,
    pub reason: Option<String>,
    /// Requirement: the document that set it.
    pub document: Option<String>,
    pub approved_by: String,
    pub date: String,
    /// The register file, the entry's span and its fields' value spans (in
    /// the order of [`FIELDS`]), for diagnostics that point into it. Not the
    /// entry's subtree: twenty allocations a decision, for a register of
    /// 30,000 decisions at 100,000 reports, where one place is ever asked.
    pub source: Source,
    pub span: Span,
    field_spans: [Option<Span>; FIELDS.len()],
    /// Its position in its file's `decisions` list.
    pub index: usize,
}

impl Decision {
    /// The entry's node path in its file (`/decisions/3`).
    pub fn pointer(&self) -> String {
        format!("/decisions/{}", self.index)
    }
    /// The place of a field's value, or of the whole entry.
    pub fn location(&self, field: Option<&str>) -> Location {
        let span = field
            .and_then(|f| FIELDS.iter().position(|k| *k == f))
            .and_then(|i| self.field_spans[i])
            .unwrap_or(self.span);
        Location::at(&self.source, span)
    }
    /// Whether a revision lists an entry (an indicator or project id).
    pub fn allows_entry(&self, entry: &str) -> bool {
        self.kind == DecisionKind::Revision && self.entries.iter().any(|e| e.target == entry)
    }
    /// A revision's entries for one target.
    pub fn entries_for<'a>(&'a self, target: &'a str) -> impl Iterator<Item = &'a RevisionEntry> {
        self.entries.iter().filter(move |e| e.target == target)
    }
}

/// One entry of a revision decision (trust.md, "A revision names the
/// figure it approves"): the entry of the report it is about and the
/// fields the accepted report may now hold, each with its figure, or
/// `remove: true`.
#[derive(Clone, Debug)]
pub struct RevisionEntry {
    pub target: String,
    /// The fields and the figures approved for them, as written.
    pub fields: Vec<(String, Node)>,
    /// The accepted report may drop the entry.
    pub remove: bool,
}

impl RevisionEntry {
    /// The figure approved for a field.
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

/// Every field a decision may have (the schema allows no other).
const FIELDS: [&str; 14] = [
    "id",
    "kind",
    "plan",
    "department",
    "period",
    "rule",
    "target",
    "entries",
    "targets",
    "value",
    "reason",
    "source",
    "approved_by",
    "date",
];

/// The spans of an entry's fields' values, in the order of [`FIELDS`].
fn field_spans(entry: &Node) -> [Option<Span>; FIELDS.len()] {
    let mut spans = [None; FIELDS.len()];
    for (k, v) in entry.as_map().unwrap_or(&[]) {
        let at = k.as_str().and_then(|k| FIELDS.iter().position(|f| *f == k));
        if let Some(slot) = at.and_then(|i| spans.get_mut(i)) {
            // The first of a key, as `Node::get` finds it.
            slot.get_or_insert(v.span);
        }
    }
    spans
}

/// The word a version-2 revision listed to allow every entry of the report.
pub const ALL: &str = "all";

/// The fields of a report's indicator entry a revision may approve (the
/// report format's, and version 3's `confirmed`).
pub const INDICATOR_FIELDS: [&str; 7] = [
    "value",
    "pending",
    "unit",
    "requirement",
    "source",
    "note",
    "confirmed",
];

/// The fields of a report's project entry a revision may approve.
pub const PROJECT_FIELDS: [&str; 7] = [
    "name",
    "status",
    "progress",
    "investment",
    "started",
    "completed",
    "evidence",
];

/// The decisions in force for a run.
#[derive(Clone, Debug, Default)]
pub struct Register {
    pub decisions: Vec<Decision>,
    /// The register's files as shown, in path order (for `status` and PL403).
    pub files: Vec<String>,
    /// Warnings about entries in an earlier version's form that grant
    /// nothing now (PL006): shown, never exit 2.
    pub notices: Vec<Diagnostic>,
    /// Positions of the suppressions and revisions by (plan, department,
    /// period), and of the requirements by (plan, target, period): every
    /// report asks, and a register may hold thousands of decisions.
    /// By plan, then department or target (asked with the report's own
    /// strings, no key made), then period.
    by_report: ByPlanAndName<Vec<usize>>,
    by_target: ByPlanAndName<usize>,
}

/// An indicator's requirements on record ([`Register::requirements`]).
pub struct Requirements<'a> {
    register: &'a Register,
    periods: &'a [(i32, usize)],
}

impl<'a> Requirements<'a> {
    /// The requirement of a period: [`Register::requirement`].
    pub fn of(&self, period: i32) -> Option<&'a Decision> {
        (self.periods.iter())
            .find(|(p, _)| *p == period)
            .map(|&(_, i)| &self.register.decisions[i])
    }
}

/// Plan → department or target → (period, value): a question is two string
/// lookups and a scan of at most a plan's periods. (A map keyed by
/// `(String, String, i32)` made both strings for every question, and each
/// report and each relative target asks.)
type ByPlanAndName<T> = crate::FastMap<String, crate::FastMap<String, Vec<(i32, T)>>>;

fn in_period<'a, T>(
    map: &'a ByPlanAndName<T>,
    plan: &str,
    name: &str,
    period: i32,
) -> Option<&'a T> {
    (map.get(plan)?.get(name)?.iter())
        .find(|(p, _)| *p == period)
        .map(|(_, v)| v)
}

fn period_entry<'a, T>(
    map: &'a mut ByPlanAndName<T>,
    plan: &str,
    name: &str,
) -> &'a mut Vec<(i32, T)> {
    map.entry(plan.to_string())
        .or_default()
        .entry(name.to_string())
        .or_default()
}

impl Register {
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
    }
    /// The decisions of one kind.
    pub fn of_kind(&self, kind: DecisionKind) -> impl Iterator<Item = &Decision> {
        self.decisions.iter().filter(move |d| d.kind == kind)
    }
    /// The suppressions and revisions of one report.
    pub fn of_report(
        &self,
        plan: &str,
        department: &str,
        period: i32,
    ) -> impl Iterator<Item = &Decision> {
        (in_period(&self.by_report, plan, department, period).map_or(&[][..], Vec::as_slice))
            .iter()
            .map(|&i| &self.decisions[i])
    }
    /// The revisions of one report.
    pub fn revisions(
        &self,
        plan: &str,
        department: &str,
        period: i32,
    ) -> impl Iterator<Item = &Decision> {
        self.of_report(plan, department, period)
            .filter(|d| d.kind == DecisionKind::Revision)
    }
    /// The revision, if any, that lets this report change this entry.
    pub fn revision_for(
        &self,
        plan: &str,
        department: &str,
        period: i32,
        entry: &str,
    ) -> Option<&Decision> {
        self.revisions(plan, department, period)
            .find(|d| d.allows_entry(entry))
    }
    /// The requirement on record for an indicator and period.
    pub fn requirement(&self, plan: &str, target: &str, period: i32) -> Option<&Decision> {
        if self.by_target.is_empty() {
            return None;
        }
        in_period(&self.by_target, plan, target, period).map(|&i| &self.decisions[i])
    }
    /// The requirements on record for an indicator, by period: asked once
    /// for a target's series rather than once a year.
    pub fn requirements(&self, plan: &str, target: &str) -> Requirements<'_> {
        let periods = (self.by_target.get(plan))
            .and_then(|t| t.get(target))
            .map_or(&[][..], Vec::as_slice);
        Requirements {
            register: self,
            periods,
        }
    }
    /// Makes the indices by report and by target.
    fn index(&mut self) {
        for (i, d) in self.decisions.iter().enumerate() {
            match (d.kind, &d.department, &d.target) {
                (DecisionKind::Requirement, _, Some(t)) => {
                    // The first requirement of a target and period holds.
                    let periods = period_entry(&mut self.by_target, &d.plan, t);
                    if !periods.iter().any(|(p, _)| *p == d.period) {
                        periods.push((d.period, i));
                    }
                }
                (_, Some(dept), _) => {
                    let periods = period_entry(&mut self.by_report, &d.plan, dept);
                    match periods.iter_mut().find(|(p, _)| *p == d.period) {
                        Some((_, list)) => list.push(i),
                        None => periods.push((d.period, vec![i])),
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads every register file under `dir` (none: an empty register) and
    /// checks it against the plans.
    pub fn load_dir(dir: &Path, plans: &Plans) -> Result<Register, Vec<Diagnostic>> {
        let mut files = Vec::new();
        let mut diags = Vec::new();
        for path in register_files(dir) {
            let shown = crate::syntax::paths::display(&path);
            match std::fs::read(&path) {
                Ok(bytes) => files.push(text_source(shown, bytes)),
                Err(e) => diags.push(bad(
                    Location::path_only(&shown),
                    DecisionMsg::Unreadable {
                        error: e.to_string(),
                    },
                )),
            }
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        Register::load(files, plans)
    }

    /// Loads register files already read (from disk, or from a commit).
    pub fn load(files: Vec<Source>, plans: &Plans) -> Result<Register, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut register = Register::default();
        for source in files {
            register.files.push(source.path.clone());
            // The register is the plan office's file and grows with the plan:
            // the generator's 100,000-report repository has 30,445 requirements
            // in one 7 MB file, 580,000 nodes, which the default limit (made for
            // a report) refused. Without aliases a node takes two bytes at
            // least, so one node per byte never refuses a file written out and
            // still stops aliases that expand past the file's size.
            let limits = Limits {
                max_nodes: Limits::default().max_nodes.max(source.body().len()),
                ..Limits::default()
            };
            let node = match yaml::load(source.body(), source.bom_len(), limits) {
                Ok(n) => n,
                Err(e) => {
                    let mut d = crate::load::workspace::load_error_diagnostic(&source, e);
                    d.code = Code::PL004;
                    diags.push(d);
                    continue;
                }
            };
            let errors = schema::validate(Kind::Decisions, &node, &source);
            if !errors.is_empty() {
                diags.extend(errors.into_iter().map(|mut d| {
                    d.code = Code::PL004;
                    d
                }));
                continue;
            }
            let entries = node.get("decisions").and_then(Node::as_seq).unwrap_or(&[]);
            for (index, entry) in entries.iter().enumerate() {
                if let Some(d) = read_entry(&source, entry, index, plans, &mut diags) {
                    if let Some(n) = outdated(&d, plans) {
                        register.notices.push(n);
                    }
                    register.decisions.push(d);
                }
            }
        }
        // An id is unique across the register.
        let mut first: HashMap<&str, &Decision> = HashMap::new();
        for d in &register.decisions {
            match first.get(d.id.as_str()) {
                Some(earlier) => diags.push(
                    bad(
                        d.location(Some("id")),
                        DecisionMsg::DuplicateId { id: d.id.clone() },
                    )
                    .node_path(format!("{}/id", d.pointer()))
                    .related(earlier.location(Some("id")), Note::FirstDefined),
                ),
                None => {
                    first.insert(&d.id, d);
                }
            }
        }
        // One requirement judges a target in a period.
        let mut required: HashMap<(&str, &str, i32), &Decision> = HashMap::new();
        for d in register.of_kind(DecisionKind::Requirement) {
            let Some(t) = d.target.as_deref() else {
                continue;
            };
            match required.get(&(d.plan.as_str(), t, d.period)) {
                Some(earlier) => diags.push(
                    bad(
                        d.location(Some("target")),
                        DecisionMsg::DuplicateRequirement {
                            target: t.to_string(),
                            period: d.period,
                            first: earlier.id.clone(),
                        },
                    )
                    .node_path(format!("{}/target", d.pointer()))
                    .related(earlier.location(Some("target")), Note::FirstDefined),
                ),
                None => {
                    required.insert((d.plan.as_str(), t, d.period), d);
                }
            }
        }
        if diags.is_empty() {
            register.index();
            Ok(register)
        } else {
            crate::diagnostics::diagnostic::sort(&mut diags);
            Err(diags)
        }
    }
}

/// A register file's bytes as text; bytes that are not UTF-8 are shown
/// lossily and fail the YAML load's checks like any other text.
fn text_source(shown: String, bytes: Vec<u8>) -> Source {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    SourceFile::new(shown, text)
}

/// Register files read from a commit: (path as shown, bytes).
pub fn sources(files: Vec<(String, Vec<u8>)>) -> Vec<Source> {
    files
        .into_iter()
        .map(|(shown, bytes)| text_source(shown, bytes))
        .collect()
}

/// The register files under a folder, in path order: `*.yaml` and `*.yml`.
pub fn register_files(dir: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    crate::load::workspace::reports_under(dir)
        .into_iter()
        .filter(|p| p.is_file())
        .collect()
}

fn bad(location: Location, msg: DecisionMsg) -> Diagnostic {
    Diagnostic::new(Code::PL004, Severity::Error, location, msg)
}

/// One entry, typed and checked against its plan; `None` (with diagnostics) when it is wrong.
fn read_entry(
    source: &Source,
    entry: &Node,
    index: usize,
    plans: &Plans,
    diags: &mut Vec<Diagnostic>,
) -> Option<Decision> {
    let text = |k: &str| entry.get(k).and_then(Node::as_str).map(str::to_string);
    let kind = match entry.get("kind").and_then(Node::as_str)? {
        "suppression" => DecisionKind::Suppression,
        "revision" => DecisionKind::Revision,
        _ => DecisionKind::Requirement,
    };
    let period = entry.get("period").and_then(Node::as_f64)? as i32;
    let mut decision = Decision {
        id: text("id")?,
        kind,
        plan: String::new(),
        department: text("department"),
        period,
        rule: text("rule"),
        target: text("target"),
        entries: (entry.get("entries").and_then(Node::as_seq).unwrap_or(&[]))
            .iter()
            .filter_map(revision_entry)
            .collect(),
        targets: (entry.get("targets").and_then(Node::as_seq).unwrap_or(&[]))
            .iter()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect(),
        value: entry.get("value").and_then(Node::as_f64),
        reason: text("reason"),
        document: text("source"),
        approved_by: text("approved_by")?,
        date: text("date")?,
        source: source.clone(),
        span: entry.span,
        field_spans: field_spans(entry),
        index,
    };
    let before = diags.len();
    let fail = |diags: &mut Vec<Diagnostic>, field: &str, msg: DecisionMsg| {
        let (l, p) = (
            Location::at(source, entry.get(field).map_or(entry.span, |n| n.span)),
            format!("/decisions/{index}/{field}"),
        );
        diags.push(bad(l, msg).node_path(p));
    };
    let mut err = |field: &str, msg: DecisionMsg| fail(diags, field, msg);
    // The plan: as written, or the one whose period holds the decision's.
    let plan: &Plan = match &text("plan") {
        Some(id) => match plans.get(id) {
            Some(p) => p,
            None => {
                err(
                    "plan",
                    DecisionMsg::UnknownPlan {
                        plan: id.clone(),
                        loaded: plans.ids().map(str::to_string).collect(),
                    },
                );
                return None;
            }
        },
        None => match plans.0.iter().find(|p| p.in_period(period)) {
            Some(p) => p,
            None => {
                err("period", DecisionMsg::NoPlanForPeriod { period });
                return None;
            }
        },
    };
    decision.plan = plan.id().to_string();
    if !plan.in_period(period) {
        let p = plan.header.period;
        err(
            "period",
            DecisionMsg::PeriodOutsidePlan {
                period,
                plan: plan.id().to_string(),
                start: p.start,
                end: p.end,
            },
        );
    }
    if let Some(dept) = &decision.department {
        if plan.department(dept).is_none() {
            let by_name = (plan.departments.iter())
                .find(|x| x.name == *dept || x.aliases.contains(dept))
                .map(|x| x.code.clone());
            let suggestion = by_name.or_else(|| {
                crate::syntax::suggest::closest(
                    dept,
                    plan.departments.iter().map(|x| x.code.as_str()),
                )
                .map(str::to_string)
            });
            err(
                "department",
                DecisionMsg::UnknownDepartment {
                    department: dept.clone(),
                    plan: plan.id().to_string(),
                    suggestion,
                },
            );
        }
    }
    if !is_approver(plan, &decision.approved_by) {
        err(
            "approved_by",
            DecisionMsg::NotAnApprover {
                approved_by: decision.approved_by.clone(),
                approvers: plan.header.approvers.clone(),
            },
        );
    }
    match kind {
        DecisionKind::Suppression => {
            let rule = decision.rule.clone().unwrap_or_default();
            let target = decision.target.clone().unwrap_or_default();
            match crate::model::code::meta_of(&rule) {
                None => err(
                    "rule",
                    DecisionMsg::UnknownRule {
                        rule: rule.clone(),
                        suggestion: crate::syntax::suggest::closest(
                            &rule,
                            crate::model::code::ALL.iter().map(|c| c.code.as_str()),
                        )
                        .map(str::to_string),
                    },
                ),
                Some(info) => {
                    let entries: Vec<_> = plan.rules_for(info.code).collect();
                    let suppressible = info.code.plan_rule()
                        && !entries.is_empty()
                        && entries.iter().all(|r| r.entry.suppressible);
                    if !suppressible {
                        err(
                            "rule",
                            DecisionMsg::NotSuppressible {
                                code: info.code.to_string(),
                                name: info.code.name().to_string(),
                                plan: plan.id().to_string(),
                            },
                        );
                    }
                }
            }
            let indicator = plan.indicator(&target);
            if indicator.is_none() && plan.project(&target).is_none() {
                err(
                    "target",
                    DecisionMsg::UnknownTarget {
                        target,
                        plan: plan.id().to_string(),
                    },
                );
            } else if indicator.is_some()
                && decision.value.is_none()
                && Code::parse(&rule).is_some_and(|c| c.has(Property::Figure))
            {
                diags.push(
                    bad(
                        decision.location(None),
                        DecisionMsg::ValueRequired { code: rule, target },
                    )
                    .node_path(decision.pointer()),
                );
            }
        }
        DecisionKind::Revision => {
            let nodes = entry.get("entries").and_then(Node::as_seq).unwrap_or(&[]);
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (i, e) in decision.entries.iter().enumerate() {
                let at = |field: Option<&str>| {
                    let node = nodes.get(i);
                    let place = match (node, field) {
                        (Some(n), Some(f)) => n.entry(f).map_or(n.span, |(k, _)| k.span),
                        (Some(n), None) => n.get("target").map_or(n.span, |t| t.span),
                        _ => entry.span,
                    };
                    let pointer = match field {
                        Some(f) => format!("{}/entries/{i}/{f}", decision.pointer()),
                        None => format!("{}/entries/{i}/target", decision.pointer()),
                    };
                    (Location::at(source, place), pointer)
                };
                let fields: &[&str] = if plan.indicator(&e.target).is_some() {
                    &INDICATOR_FIELDS
                } else if plan.project(&e.target).is_some() {
                    &PROJECT_FIELDS
                } else {
                    let (l, p) = at(None);
                    diags.push(
                        bad(
                            l,
                            DecisionMsg::UnknownTarget {
                                target: e.target.clone(),
                                plan: plan.id().to_string(),
                            },
                        )
                        .node_path(p),
                    );
                    continue;
                };
                if let Some(&first) = seen.get(e.target.as_str()) {
                    let (l, p) = at(None);
                    let earlier = (nodes.get(first))
                        .and_then(|n| n.get("target"))
                        .map(|t| Location::at(source, t.span));
                    let mut d = bad(
                        l,
                        DecisionMsg::DuplicateEntry {
                            target: e.target.clone(),
                        },
                    )
                    .node_path(p);
                    if let Some(earlier) = earlier {
                        d = d.related(earlier, Note::FirstDefined);
                    }
                    diags.push(d);
                } else {
                    seen.insert(&e.target, i);
                }
                for (name, _) in &e.fields {
                    if !fields.contains(&name.as_str()) {
                        let (l, p) = at(Some(name));
                        diags.push(
                            bad(
                                l,
                                DecisionMsg::NotAField {
                                    field: name.clone(),
                                    target: e.target.clone(),
                                    project: fields == PROJECT_FIELDS,
                                    fields: fields.iter().map(|f| f.to_string()).collect(),
                                },
                            )
                            .node_path(p),
                        );
                    }
                }
                if e.remove && !e.fields.is_empty() {
                    let (l, p) = at(Some("remove"));
                    diags.push(
                        bad(
                            l,
                            DecisionMsg::RemoveWithFields {
                                target: e.target.clone(),
                            },
                        )
                        .node_path(p),
                    );
                }
            }
            for (i, t) in decision.targets.iter().enumerate() {
                if t != ALL && plan.indicator(t).is_none() && plan.project(t).is_none() {
                    let node = entry.get("targets").and_then(Node::as_seq).map(|s| &s[i]);
                    let span = node.map_or(entry.span, |n| n.span);
                    diags.push(
                        bad(
                            Location::at(source, span),
                            DecisionMsg::UnknownTarget {
                                target: t.clone(),
                                plan: plan.id().to_string(),
                            },
                        )
                        .node_path(format!("{}/targets/{i}", decision.pointer())),
                    );
                }
            }
        }
        DecisionKind::Requirement => {
            let target = decision.target.clone().unwrap_or_default();
            match plan.indicator(&target) {
                None => err(
                    "target",
                    DecisionMsg::UnknownTarget {
                        target,
                        plan: plan.id().to_string(),
                    },
                ),
                Some(ind) if !is_relative(plan, ind) => err(
                    "target",
                    DecisionMsg::NotRelative {
                        target,
                        name: ind.name.clone(),
                    },
                ),
                Some(_) => {}
            }
        }
    }
    (diags.len() == before).then_some(decision)
}

/// One entry of a revision's `entries` as written (the schema has checked
/// its shape): its target, its fields and figures, or `remove`.
fn revision_entry(node: &Node) -> Option<RevisionEntry> {
    let target = node.get("target")?.as_str()?.to_string();
    let mut fields = Vec::new();
    let mut remove = false;
    for (k, v) in node.as_map()? {
        match k.key_text().as_str() {
            "target" => {}
            "remove" => remove = matches!(v.kind, yaml::NodeKind::Bool(true)),
            name => fields.push((name.to_string(), v.clone())),
        }
    }
    Some(RevisionEntry {
        target,
        fields,
        remove,
    })
}

/// PL006 for a revision in version 2's form: a `targets` list names
/// entries without their figures and grants nothing now. Its help is the
/// `entries` to write, the listed targets filled in.
fn outdated(d: &Decision, plans: &Plans) -> Option<Diagnostic> {
    if d.kind != DecisionKind::Revision || d.targets.is_empty() {
        return None;
    }
    let plan = plans.get(&d.plan);
    let template = (d.targets.iter())
        .map(|t| {
            if t == ALL {
                "{target: <id>, value: <figure>}".to_string()
            } else if plan.is_some_and(|p| p.project(t).is_some()) {
                format!("{{target: {t}, status: <status>, progress: <figure>}}")
            } else {
                format!("{{target: {t}, value: <figure>}}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    Some(
        Diagnostic::new(
            Code::PL006,
            Severity::Warning,
            d.location(Some("targets")),
            DecisionMsg::Outdated {
                id: d.id.clone(),
                targets: d.targets.clone(),
                template: format!("entries: [{template}]"),
                all: d.targets.iter().any(|t| t == ALL),
            },
        )
        .node_path(format!("{}/targets", d.pointer())),
    )
}

/// Whether a name is one of the plan's approvers: an approver's name, or
/// an alias or the code of the department that approver is.
pub fn is_approver(plan: &Plan, name: &str) -> bool {
    let name = name.trim();
    plan.header.approvers.iter().any(|a| {
        a == name
            || plan
                .departments
                .iter()
                .filter(|d| d.name == *a || d.code == *a)
                .any(|d| d.name == name || d.code == name || d.aliases.iter().any(|x| x == name))
    })
}

/// Whether an indicator's target is relative: judged against an outside
/// figure the register records (the plan's rules give it PL204/PL205).
pub fn is_relative(plan: &Plan, ind: &crate::model::plan::Indicator) -> bool {
    ind.kind == IndicatorKind::Qualitative
        || [Code::PL204, Code::PL205].iter().any(|code| {
            plan.rules_for(*code)
                .any(|r| r.entry.select.matches_indicator(ind))
        })
}

/// A finding's figure compared with the figure a suppression approved: the
/// same or better, by the indicator's direction, is covered.
pub fn within_approved(figure: f64, approved: f64, higher_is_better: bool) -> bool {
    match crate::model::numeric::compare(figure, approved) {
        std::cmp::Ordering::Equal => true,
        std::cmp::Ordering::Greater => higher_is_better,
        std::cmp::Ordering::Less => !higher_is_better,
    }
}

/// Where the register is, for a run: `--decisions DIR`, else `decisions =`
/// in plan-lint.toml (already relative to the config's folder), else
/// `decisions/` at the repository root (the folder holding plan-lint.toml,
/// or the parent of the data root). `explicit` says the user named it.
pub struct Place {
    pub dir: PathBuf,
    pub explicit: bool,
}

pub fn place(
    flag: Option<&Path>,
    config: &crate::load::config::Config,
    config_path: Option<&Path>,
    data_root: &Path,
) -> Place {
    if let Some(d) = flag {
        return Place {
            dir: d.to_path_buf(),
            explicit: true,
        };
    }
    if let Some(d) = &config.decisions {
        return Place {
            dir: d.clone(),
            explicit: true,
        };
    }
    Place {
        dir: repository_root(config_path, data_root).join("decisions"),
        explicit: false,
    }
}

/// The data repository's root: the folder holding plan-lint.toml, else the
/// parent of the data root.
pub fn repository_root(config_path: Option<&Path>, data_root: &Path) -> PathBuf {
    if let Some(p) = config_path {
        return p.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    // `progress` → `.`, `data/progress` → `data`.
    match crate::syntax::paths::normalize(data_root).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Why a register folder cannot serve (exit 2): it lies inside the data
/// root (where a department could write it), or outside the repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misplaced {
    InDataRoot,
    OutsideRepository,
}

/// Checks where a register folder lies, by real paths (links resolved).
pub fn misplaced(dir: &Path, data_root: &Path, repository: &Path) -> Option<Misplaced> {
    let real = |p: &Path| {
        std::fs::canonicalize(p).unwrap_or_else(|_| {
            let abs = if p.is_absolute() {
                p.to_path_buf()
            } else {
                std::env::current_dir().unwrap_or_default().join(p)
            };
            crate::syntax::paths::normalize(&abs)
        })
    };
    let (dir, root, repo) = (real(dir), real(data_root), real(repository));
    if dir.starts_with(&root) {
        return Some(Misplaced::InDataRoot);
    }
    if !dir.starts_with(&repo) {
        return Some(Misplaced::OutsideRepository);
    }
    None
}

/// PL503 for a decision that matched nothing in a full check.
pub fn unused(d: &Decision) -> Diagnostic {
    Diagnostic::new(
        Code::PL503,
        Severity::Warning,
        d.location(Some("id")),
        DecisionMsg::Unused {
            id: d.id.clone(),
            kind: d.kind.as_str(),
        },
    )
    .node_path(d.pointer())
}

/// A CODEOWNERS file for a data repository (trust.md): the plan office owns
/// everything — the register, plan-lint.toml and the workflows included —
/// and each department of the registry then owns only its own reports under
/// the data root. `teams` gives each department's owner with `{code}` for its
/// code; by default the office's organisation and the code (`@org/{code}`).
pub fn codeowners(plan: &Plan, office: &str, teams: Option<&str>, data_root: &Path) -> String {
    let org = office.split('/').next().unwrap_or(office);
    let pattern = teams.map_or_else(|| format!("{org}/{{code}}"), str::to_string);
    let root = crate::syntax::paths::display(data_root);
    let root = root.trim_start_matches("./").trim_end_matches('/');
    let mut out = format!(
        "# CODEOWNERS of a plan-lint data repository, generated by `plan-lint codeowners` from the\n\
         # department registry of plan {}. The last matching line wins: the plan office owns\n\
         # everything — the decisions register (decisions/), plan-lint.toml, .github/ — and each\n\
         # department owns only its own reports, at their places (<year>/<code>.yaml, one level\n\
         # deep: trust.md version 3), so nothing a department writes can approve itself.\n\
         * {office}\n",
        plan.id()
    );
    for d in &plan.departments {
        let team = pattern.replace("{code}", &d.code);
        let _ = std::fmt::Write::write_fmt(
            &mut out,
            format_args!(
                "/{root}/*/{code}.yaml {team}\n/{root}/*/{code}.yml {team}\n",
                code = d.code
            ),
        );
    }
    out
}

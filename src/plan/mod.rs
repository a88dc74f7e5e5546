//! Plans: the catalog (departments, indicators, projects) and the rule
//! entries of one plan, loaded from a directory or from the built-in copy,
//! each file validated like a report before it is trusted.

pub mod model;

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::schema::{self, Kind};
use crate::source::{Source, SourceFile};
use crate::yaml::{self, Limits, Node};
pub use model::*;
use std::collections::HashMap;
use std::path::Path;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_plan.rs"));
}

/// The id of the built-in plan.
pub const BUILTIN_ID: &str = "nanming-14th-fyp";

/// Where a catalog entry stands in its plan file.
#[derive(Clone, Debug)]
pub struct Origin {
    pub file: usize,
    pub pointer: String,
}

/// A rule entry with where it is written.
#[derive(Clone, Debug)]
pub struct Rule {
    pub entry: RuleEntry,
    pub origin: Origin,
}

#[derive(Debug)]
pub struct Plan {
    pub header: PlanHeader,
    pub departments: Vec<Department>,
    pub indicators: Vec<Indicator>,
    pub projects: Vec<Project>,
    pub rules: Vec<Rule>,
    /// SHA-256 over the plan's files, in the order loaded.
    pub sha256: String,
    /// The plan's files, for diagnostics that point into them.
    pub files: Vec<(Source, Node)>,
    indicator_index: HashMap<String, usize>,
    project_index: HashMap<String, usize>,
    department_index: HashMap<String, usize>,
    indicator_origin: Vec<Origin>,
    project_origin: Vec<Origin>,
}

/// Reads the files of one plan, from a directory or the built-in copy.
trait PlanFiles {
    fn read(&self, name: &str) -> Result<Source, String>;
}

struct Builtin;

impl PlanFiles for Builtin {
    fn read(&self, name: &str) -> Result<Source, String> {
        builtin::FILES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| SourceFile::new(format!("builtin:{BUILTIN_ID}/{n}"), *text))
            .ok_or_else(|| format!("the built-in plan has no file \"{name}\""))
    }
}

struct Dir<'a>(&'a Path);

impl PlanFiles for Dir<'_> {
    fn read(&self, name: &str) -> Result<Source, String> {
        let path = self.0.join(name);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let text =
            String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", path.display()))?;
        Ok(SourceFile::new(crate::paths::display(&path), text))
    }
}

impl Plan {
    /// The built-in plan (the Nanming 14th Five-Year Plan).
    pub fn builtin() -> Result<Plan, Vec<Diagnostic>> {
        load_with(&Builtin)
    }

    /// A plan from a directory holding `plan.yaml` and the files it lists.
    pub fn from_dir(dir: &Path) -> Result<Plan, Vec<Diagnostic>> {
        load_with(&Dir(dir))
    }

    pub fn id(&self) -> &str {
        &self.header.id
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_index.get(id).map(|&i| &self.indicators[i])
    }
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.project_index.get(id).map(|&i| &self.projects[i])
    }
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.department_index
            .get(code)
            .map(|&i| &self.departments[i])
    }
    /// Whether a year lies inside the plan period.
    pub fn in_period(&self, year: i32) -> bool {
        (self.header.period.start..=self.header.period.end).contains(&year)
    }
    /// The location of a field of an indicator's catalog entry (or the entry itself).
    pub fn indicator_location(&self, id: &str, field: Option<&str>) -> Option<Location> {
        let i = *self.indicator_index.get(id)?;
        self.locate(&self.indicator_origin[i], field)
    }
    pub fn project_location(&self, id: &str, field: Option<&str>) -> Option<Location> {
        let i = *self.project_index.get(id)?;
        self.locate(&self.project_origin[i], field)
    }
    pub fn rule_location(&self, rule: &Rule, field: Option<&str>) -> Option<Location> {
        self.locate(&rule.origin, field)
    }
    fn locate(&self, origin: &Origin, field: Option<&str>) -> Option<Location> {
        let (source, node) = &self.files[origin.file];
        let pointer = match field {
            Some(f) => format!("{}/{f}", origin.pointer),
            None => origin.pointer.clone(),
        };
        let (_, n) = node.pointer(&pointer)?;
        Some(Location::at(source, n.span))
    }
    /// Indicators a department is responsible for, in catalog order.
    pub fn indicators_of<'a>(
        &'a self,
        department: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.indicators
            .iter()
            .filter(move |i| i.department == department)
    }
    pub fn projects_of<'a>(
        &'a self,
        department: &'a str,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects
            .iter()
            .filter(move |p| p.department == department)
    }
    /// Makes `department` responsible for an indicator (a config override); false if the id is unknown.
    pub fn assign_indicator(&mut self, id: &str, department: &str) -> bool {
        match self.indicator_index.get(id) {
            Some(&i) if self.department_index.contains_key(department) => {
                self.indicators[i].department = department.to_string();
                true
            }
            _ => false,
        }
    }
    /// Makes `department` responsible for a project (a config override); false if the id is unknown.
    pub fn assign_project(&mut self, id: &str, department: &str) -> bool {
        match self.project_index.get(id) {
            Some(&i) if self.department_index.contains_key(department) => {
                self.projects[i].department = department.to_string();
                true
            }
            _ => false,
        }
    }
    /// Rule entries that apply a code.
    pub fn rules_for<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules.iter().filter(move |r| r.entry.code == code)
    }
}

fn parse_file(source: &Source, kind: Kind, out: &mut Vec<Diagnostic>) -> Option<Node> {
    let node = match yaml::load(source.body(), source.bom_len(), Limits::default()) {
        Ok(n) => n,
        Err(e) => {
            out.push(crate::check::load_error_diagnostic(source, e));
            return None;
        }
    };
    let errors = schema::validate(kind, &node, source);
    if errors.is_empty() {
        Some(node)
    } else {
        out.extend(errors);
        None
    }
}

fn bad_plan(location: Location, message: String, help: &str) -> Diagnostic {
    Diagnostic::new("PL004", Severity::Error, location, message, help).label("here")
}

impl Plan {
    /// A PL004 at a field of a catalog entry or rule entry, with its node path;
    /// the file's first line if the field cannot be found.
    fn bad_at(
        &self,
        origin: &Origin,
        field: Option<&str>,
        message: String,
        help: &str,
    ) -> Diagnostic {
        let location = self
            .locate(origin, field)
            .unwrap_or_else(|| Location::file_start(&self.files[origin.file].0));
        let pointer = match field {
            Some(f) => format!("{}/{f}", origin.pointer),
            None => origin.pointer.clone(),
        };
        bad_plan(location, message, help).node_path(pointer)
    }
}

fn load_with(files: &dyn PlanFiles) -> Result<Plan, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let header_src = files.read("plan.yaml").map_err(|e| {
        vec![bad_plan(
            Location::path_only("plan.yaml"),
            e,
            "a plan directory holds plan.yaml, which lists its catalog and rule files",
        )]
    })?;
    let header_node = parse_file(&header_src, Kind::PlanHeader, &mut diags).ok_or(diags.clone())?;
    let header: PlanHeader = from_node(&header_node, &header_src).map_err(|d| vec![*d])?;

    let mut plan = Plan {
        header,
        departments: Vec::new(),
        indicators: Vec::new(),
        projects: Vec::new(),
        rules: Vec::new(),
        sha256: String::new(),
        files: vec![(header_src.clone(), header_node)],
        indicator_index: HashMap::new(),
        project_index: HashMap::new(),
        department_index: HashMap::new(),
        indicator_origin: Vec::new(),
        project_origin: Vec::new(),
    };

    let lists = [
        ("catalog", plan.header.catalog.clone(), Kind::Catalog),
        ("rules", plan.header.rules.clone(), Kind::Rules),
    ];
    for (list, names, kind) in lists {
        for (i, name) in names.iter().enumerate() {
            let src = match files.read(name) {
                Ok(s) => s,
                Err(e) => {
                    let loc = plan
                        .locate(
                            &Origin {
                                file: 0,
                                pointer: format!("/{list}/{i}"),
                            },
                            None,
                        )
                        .unwrap_or_else(|| Location::file_start(&header_src));
                    diags.push(bad_plan(
                        loc,
                        e,
                        "create the file, or remove it from the list in plan.yaml",
                    ));
                    continue;
                }
            };
            let Some(node) = parse_file(&src, kind, &mut diags) else {
                continue;
            };
            let file = plan.files.len();
            match kind {
                Kind::Rules => match from_node::<RuleFile>(&node, &src) {
                    Ok(rf) => {
                        for (j, entry) in rf.rules.into_iter().enumerate() {
                            plan.rules.push(Rule {
                                entry,
                                origin: Origin {
                                    file,
                                    pointer: format!("/rules/{j}"),
                                },
                            });
                        }
                    }
                    Err(d) => diags.push(*d),
                },
                _ => match from_node::<CatalogFile>(&node, &src) {
                    Ok(cf) => {
                        plan.departments.extend(cf.departments);
                        for (j, ind) in cf.indicators.into_iter().enumerate() {
                            plan.indicator_origin.push(Origin {
                                file,
                                pointer: format!("/indicators/{j}"),
                            });
                            plan.indicators.push(ind);
                        }
                        for (j, p) in cf.projects.into_iter().enumerate() {
                            plan.project_origin.push(Origin {
                                file,
                                pointer: format!("/projects/{j}"),
                            });
                            plan.projects.push(p);
                        }
                    }
                    Err(d) => diags.push(*d),
                },
            }
            plan.files.push((src, node));
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    plan.sha256 = {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (s, _) in &plan.files {
            h.update(s.text.as_bytes());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    };
    index_and_verify(&mut plan, &mut diags);
    if diags.is_empty() {
        Ok(plan)
    } else {
        Err(diags)
    }
}

fn from_node<T: serde::de::DeserializeOwned>(
    node: &Node,
    src: &Source,
) -> Result<T, Box<Diagnostic>> {
    serde_json::from_value(node.to_json()).map_err(|e| {
        Box::new(bad_plan(
            Location::file_start(src),
            format!("cannot read this plan file: {e}"),
            "compare the file with `plan-lint schema plan` or `plan-lint schema rules`",
        ))
    })
}

/// Builds the lookup indices and checks what the schema cannot: unique ids,
/// known departments, selectors that select something, codes that exist.
fn index_and_verify(plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    for (i, d) in plan.departments.iter().enumerate() {
        if plan.department_index.insert(d.code.clone(), i).is_some() {
            diags.push(bad_plan(
                Location::file_start(&plan.files[0].0),
                format!("department code \"{}\" is defined twice", d.code),
                "give every department one unique code",
            ));
        }
    }
    for (i, ind) in plan.indicators.iter().enumerate() {
        if plan.indicator_index.insert(ind.id.clone(), i).is_some() {
            diags.push(plan.bad_at(
                &plan.indicator_origin[i],
                Some("id"),
                format!("indicator id \"{}\" is defined twice", ind.id),
                "give every indicator one unique id",
            ));
        }
        if !plan.department_index.contains_key(&ind.department) {
            diags.push(plan.bad_at(
                &plan.indicator_origin[i],
                Some("department"),
                format!(
                    "indicator \"{}\" names unknown department \"{}\"",
                    ind.id, ind.department
                ),
                "use a code from the department registry, or add the department there",
            ));
        }
    }
    for (i, p) in plan.projects.iter().enumerate() {
        if plan.project_index.insert(p.id.clone(), i).is_some()
            || plan.indicator_index.contains_key(&p.id)
        {
            diags.push(plan.bad_at(
                &plan.project_origin[i],
                Some("id"),
                format!("project id \"{}\" is defined twice", p.id),
                "give every project an id no other project or indicator has",
            ));
        }
        if !plan.department_index.contains_key(&p.department) {
            diags.push(plan.bad_at(
                &plan.project_origin[i],
                Some("department"),
                format!(
                    "project \"{}\" names unknown department \"{}\"",
                    p.id, p.department
                ),
                "use a code from the department registry, or add the department there",
            ));
        }
    }
    for rule in &plan.rules {
        let e = &rule.entry;
        let Some(info) = crate::rules::registry::info(&e.code) else {
            diags.push(plan.bad_at(
                &rule.origin,
                Some("code"),
                format!("rule code \"{}\" does not exist", e.code),
                "use a code listed by `plan-lint rules`; a plan cannot invent codes",
            ));
            continue;
        };
        if !info.plan_rule {
            diags.push(plan.bad_at(
                &rule.origin,
                Some("code"),
                format!(
                    "rule code \"{}\" is fixed in plan-lint and cannot be configured by a plan",
                    e.code
                ),
                "rule files configure the plan-dependent codes PL2xx and PL3xx only",
            ));
            continue;
        }
        let mut unknown_ids = false;
        if let Some(ids) = &e.select.ids {
            for (k, id) in ids.iter().enumerate() {
                if plan.indicator(id).is_none() && plan.project(id).is_none() {
                    unknown_ids = true;
                    diags.push(plan.bad_at(
                        &rule.origin,
                        Some(&format!("select/ids/{k}")),
                        format!(
                            "rule {} selects \"{id}\", which is not in the catalog",
                            e.code
                        ),
                        "select ids of catalog indicators or projects",
                    ));
                }
            }
        }
        let selects_any = if info.subject == crate::rules::Subject::Project {
            plan.projects.iter().any(|p| e.select.matches_project(p))
        } else {
            plan.indicators
                .iter()
                .any(|i| e.select.matches_indicator(i))
        };
        if !selects_any && !unknown_ids && e.select != Selector::default() {
            diags.push(plan.bad_at(
                &rule.origin,
                Some("select"),
                format!("rule {} selects nothing in the catalog", e.code),
                "widen the selector, or remove the entry",
            ));
        }
        if let Some(missing) = info.required_params.iter().find(|p| !e.params.has(p)) {
            diags.push(plan.bad_at(
                &rule.origin,
                None,
                format!("rule {} needs the parameter \"{missing}\"", e.code),
                "add it under params",
            ));
        }
    }
}

impl Params {
    pub fn has(&self, name: &str) -> bool {
        match name {
            "tolerance" => self.tolerance.is_some(),
            "margin" => self.margin.is_some(),
            "transitions" => self.transitions.is_some(),
            "max_years_before_start" => self.max_years_before_start.is_some(),
            _ => false,
        }
    }
}

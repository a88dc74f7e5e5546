//! Loading a plan: from a directory, from its files at a commit, or from the
//! built-in copy build.rs prepared; each file validated like a report (schema,
//! then the catalog's consistency) before it is trusted.

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{PlanMsg, PlanReadError, ReadContext};
use crate::load::schema::{self, Kind};
use crate::model::code::Code;
use crate::model::plan::*;
use crate::syntax::source::{Source, SourceFile};
use crate::syntax::yaml::{self, Limits, Node};
use rayon::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// The built-in plan as build.rs prepared it: each file's YAML text and the
/// JSON view of its parsed tree, and the digest over the files.
mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_plan.rs"));
}

/// Reads the files of one plan, from a directory or the built-in copy.
trait PlanFiles: Sync {
    fn read(&self, name: &str) -> Result<Source, PlanReadError>;
    /// Where the file lies on disk, if it is read from there.
    fn on_disk(&self, _name: &str) -> Option<std::path::PathBuf> {
        None
    }
}

struct Builtin;

impl PlanFiles for Builtin {
    fn read(&self, name: &str) -> Result<Source, PlanReadError> {
        builtin::FILES
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(n, text, _)| SourceFile::new(format!("builtin:{BUILTIN_ID}/{n}"), *text))
            .ok_or_else(|| PlanReadError::BuiltinMissing {
                name: name.to_string(),
            })
    }
}

struct Dir<'a>(&'a Path);

impl PlanFiles for Dir<'_> {
    fn read(&self, name: &str) -> Result<Source, PlanReadError> {
        let path = self.0.join(name);
        let bytes = std::fs::read(&path).map_err(|e| PlanReadError::CannotRead {
            path: crate::syntax::paths::display(&path),
            error: e.to_string(),
        })?;
        let text = crate::syntax::source::utf8_text(bytes).map_err(|_| PlanReadError::NotUtf8 {
            path: crate::syntax::paths::display(&path),
        })?;
        Ok(SourceFile::new(crate::syntax::paths::display(&path), text))
    }
    fn on_disk(&self, name: &str) -> Option<std::path::PathBuf> {
        Some(self.0.join(name))
    }
}

/// A plan directory's files as a commit has them (a pull request's
/// merge-base): by name relative to the directory, each with the path it is
/// shown under and its bytes.
#[derive(Clone, Debug, Default)]
pub struct FilesAt {
    /// The directory as shown, with the commit: `plans/next@4f0625a1b2c3`.
    pub dir: String,
    pub commit: String,
    pub files: std::collections::HashMap<String, (String, Vec<u8>)>,
}

impl PlanFiles for FilesAt {
    fn read(&self, name: &str) -> Result<Source, PlanReadError> {
        let Some((shown, bytes)) = self.files.get(name) else {
            return Err(PlanReadError::NotAtCommit {
                path: name.to_string(),
                commit: self.commit.clone(),
            });
        };
        let text = crate::syntax::source::utf8_text(bytes.clone()).map_err(|_| {
            PlanReadError::NotUtf8 {
                path: shown.clone(),
            }
        })?;
        Ok(SourceFile::new(shown.clone(), text))
    }
}

/// Where a plan beside the built-in one is read from.
#[derive(Clone, Debug)]
pub enum PlanDir {
    /// A directory of the file system (`--plan DIR`, `plans` in plan-lint.toml).
    Path(std::path::PathBuf),
    /// A directory as a commit has it, in memory.
    At(FilesAt),
}

impl Plan {
    /// Loads a plan from where it is read.
    pub fn from_plan_dir(dir: &PlanDir) -> Result<Plan, Vec<Diagnostic>> {
        match dir {
            PlanDir::Path(p) => Plan::from_dir(p),
            PlanDir::At(files) => load_with(files),
        }
    }

    /// The built-in plan (the Nanming 14th Five-Year Plan), from the typed
    /// form build.rs prepared: its files passed their schemas when
    /// [`Plan::builtin_checked`] loaded them in the tests, so a start only
    /// deserialises them.
    ///
    /// Loading a plan (this, or [`Plan::from_dir`]) runs on rayon's global
    /// pool and starts it: a process that forks afterwards (a fuzzer's fork
    /// server) keeps only the forking thread, so it must make the pool first
    /// with that thread as its only worker (see `fuzz/fuzz_targets/check_report.rs`).
    pub fn builtin() -> Result<Plan, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let source = |name: &str, text: &str| {
            SourceFile::new(format!("builtin:{BUILTIN_ID}/{name}"), text.to_string())
        };
        let bad = |name: &str, e: serde_json::Error| {
            vec![bad_plan(
                Location::path_only(format!("builtin:{BUILTIN_ID}/{name}")),
                PlanMsg::Unreadable {
                    error: e.to_string(),
                    builtin: true,
                },
            )]
        };
        let missing = |name: &str| {
            vec![bad_plan(
                Location::path_only(name),
                PlanMsg::ReadFailed {
                    error: PlanReadError::BuiltinMissing {
                        name: name.to_string(),
                    },
                    context: ReadContext::Builtin,
                },
            )]
        };
        let find = |name: &str| builtin::FILES.iter().find(|(n, _, _)| *n == name);
        let Some((_, text, json)) = find("plan.yaml") else {
            return Err(missing("plan.yaml"));
        };
        let header: PlanHeader = serde_json::from_str(json).map_err(|e| bad("plan.yaml", e))?;
        let mut plan = Plan::empty(header, PlanFile::new(source("plan.yaml", text), None));
        let catalog = plan.header.catalog.clone();
        let rules = plan.header.rules.clone();
        for (kind, names) in [(Kind::Catalog, catalog), (Kind::Rules, rules)] {
            for name in names {
                let Some((_, text, json)) = find(&name) else {
                    return Err(missing(&name));
                };
                let file = plan.files.len();
                let content = if kind == Kind::Rules {
                    Content::Rules(serde_json::from_str(json).map_err(|e| bad(&name, e))?)
                } else {
                    Content::Catalog(serde_json::from_str(json).map_err(|e| bad(&name, e))?)
                };
                plan.add(file, content);
                plan.files.push(PlanFile::new(source(&name, text), None));
            }
        }
        plan.sha256 = builtin::SHA256.to_string();
        index_and_verify(&mut plan, &mut diags);
        if diags.is_empty() {
            Ok(plan)
        } else {
            Err(diags)
        }
    }

    /// The built-in plan loaded like a plan directory: every file parsed and
    /// validated against its schema. The tests prove it equals [`Plan::builtin`].
    pub fn builtin_checked() -> Result<Plan, Vec<Diagnostic>> {
        load_with(&Builtin)
    }

    /// A plan from a directory holding `plan.yaml` and the files it lists.
    pub fn from_dir(dir: &Path) -> Result<Plan, Vec<Diagnostic>> {
        load_with(&Dir(dir))
    }
}

/// Parses and validates one plan file; returns its tree and the JSON view
/// the schema judged, from which the typed content is read.
fn parse_file(
    source: &Source,
    kind: Kind,
    out: &mut Vec<Diagnostic>,
) -> Option<(Node, serde_json::Value)> {
    let node = match yaml::load(source.body(), source.bom_len(), Limits::default()) {
        Ok(n) => n,
        Err(e) => {
            out.push(crate::load::workspace::load_error_diagnostic(source, e));
            return None;
        }
    };
    let json = node.to_json();
    let errors = schema::validate_json(kind, &node, &json, source);
    if errors.is_empty() {
        Some((node, json))
    } else {
        out.extend(errors);
        None
    }
}

/// Like [`parse_file`] for a file whose tree is not kept: the JSON view is
/// made by taking the tree apart, and the tree is parsed again only when the
/// schema finds errors, to point at them.
fn parse_json(source: &Source, kind: Kind, out: &mut Vec<Diagnostic>) -> Option<serde_json::Value> {
    let load = || yaml::load(source.body(), source.bom_len(), Limits::default());
    let json = match load() {
        Ok(n) => n.into_json(),
        Err(e) => {
            out.push(crate::load::workspace::load_error_diagnostic(source, e));
            return None;
        }
    };
    if schema::is_valid(kind, &json) {
        return Some(json);
    }
    let node = load().ok()?;
    out.extend(schema::validate_json(kind, &node, &json, source));
    None
}

/// A catalog file's content: read straight from its tree when the typed
/// schema check finds it valid (no JSON view, no validator), else the JSON
/// way, which makes the diagnostics; the file is then parsed again.
fn read_catalog(
    source: &Source,
    out: &mut Vec<Diagnostic>,
) -> Option<Result<CatalogFile, Box<Diagnostic>>> {
    if let Ok(node) = yaml::load(source.body(), source.bom_len(), Limits::default()) {
        if crate::load::fast_schema::catalog_valid(&node) {
            if let Ok(catalog) = yaml::de::from_node(node) {
                return Some(Ok(catalog));
            }
        }
    }
    let json = parse_json(source, Kind::Catalog, out)?;
    Some(from_json(json, source))
}

fn bad_plan(location: Location, msg: PlanMsg) -> Diagnostic {
    Diagnostic::new(Code::PL004, Severity::Error, location, msg)
}

impl Plan {
    /// A PL004 at a field of a catalog entry or rule entry, with its node path;
    /// the file's first line if the field cannot be found.
    fn bad_at(&self, origin: &Origin, field: Option<&str>, msg: PlanMsg) -> Diagnostic {
        let location = self
            .locate(origin, field)
            .unwrap_or_else(|| Location::file_start(&self.files[origin.file].source));
        let pointer = match field {
            Some(f) => format!("{}/{f}", origin.pointer()),
            None => origin.pointer(),
        };
        bad_plan(location, msg).node_path(pointer)
    }
}

/// What one catalog or rule file holds.
pub(crate) enum Content {
    Catalog(CatalogFile),
    Rules(RuleFile),
}

/// One listed file as loaded: its source, and its content unless it could not be read.
enum Listed {
    Unreadable(PlanReadError),
    Invalid(Vec<Diagnostic>),
    Loaded(Source, Option<Content>, Vec<Diagnostic>),
}

fn load_with(files: &dyn PlanFiles) -> Result<Plan, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let header_src = files.read("plan.yaml").map_err(|e| {
        vec![bad_plan(
            Location::path_only("plan.yaml"),
            PlanMsg::ReadFailed {
                error: e,
                context: ReadContext::Header,
            },
        )]
    })?;
    let (header_node, header_json) =
        parse_file(&header_src, Kind::PlanHeader, &mut diags).ok_or(diags.clone())?;
    let header: PlanHeader = from_json(header_json, &header_src).map_err(|d| vec![*d])?;
    let mut plan = Plan::empty(header, PlanFile::new(header_src.clone(), Some(header_node)));
    plan.files[0].on_disk = files.on_disk("plan.yaml");

    let listed: Vec<(List, usize, String, Kind)> = plan
        .header
        .catalog
        .iter()
        .enumerate()
        .map(|(i, n)| (List::Catalog, i, n.clone(), Kind::Catalog))
        .chain(
            plan.header
                .rules
                .iter()
                .enumerate()
                .map(|(i, n)| (List::Rules, i, n.clone(), Kind::Rules)),
        )
        .collect();
    // Files are read, parsed and validated in parallel, and added in the order listed.
    let loaded: Vec<Listed> = listed
        .par_iter()
        .map(|(_, _, name, kind)| {
            let kind = *kind;
            let src = match files.read(name) {
                Ok(s) => s,
                Err(e) => return Listed::Unreadable(e),
            };
            let mut d = Vec::new();
            let content = match kind {
                Kind::Rules => parse_json(&src, kind, &mut d)
                    .map(|json| from_json::<RuleFile>(json, &src).map(Content::Rules)),
                _ => read_catalog(&src, &mut d).map(|c| c.map(Content::Catalog)),
            };
            let Some(content) = content else {
                return Listed::Invalid(d);
            };
            match content {
                Ok(c) => Listed::Loaded(src, Some(c), d),
                Err(e) => {
                    d.push(*e);
                    Listed::Loaded(src, None, d)
                }
            }
        })
        .collect();
    plan.reserve(loaded.iter().filter_map(|l| match l {
        Listed::Loaded(_, Some(c), _) => Some(c),
        _ => None,
    }));
    for ((list, i, name, _), result) in listed.iter().zip(loaded) {
        match result {
            Listed::Unreadable(e) => {
                let loc = plan
                    .locate(&Origin::new(0, *list, *i), None)
                    .unwrap_or_else(|| Location::file_start(&header_src));
                diags.push(bad_plan(
                    loc,
                    PlanMsg::ReadFailed {
                        error: e,
                        context: ReadContext::Listed,
                    },
                ));
            }
            Listed::Invalid(d) => diags.extend(d),
            Listed::Loaded(src, content, d) => {
                diags.extend(d);
                let file = plan.files.len();
                if let Some(c) = content {
                    plan.add(file, c);
                }
                let mut f = PlanFile::new(src, None);
                f.on_disk = files.on_disk(name);
                plan.files.push(f);
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    // The digest (one pass over every file, in order) and the indices are
    // independent: made side by side.
    let sources: Vec<Source> = plan.files.iter().map(|f| f.source.clone()).collect();
    let (sha256, ()) = rayon::join(
        move || {
            use sha2::{Digest, Sha256};
            let mut h = Sha256::new();
            for s in &sources {
                h.update(s.text().as_bytes());
            }
            h.finalize().iter().map(|b| format!("{b:02x}")).collect()
        },
        || index_and_verify(&mut plan, &mut diags),
    );
    plan.sha256 = sha256;
    if diags.is_empty() {
        Ok(plan)
    } else {
        Err(diags)
    }
}

fn from_json<T: serde::de::DeserializeOwned>(
    json: serde_json::Value,
    src: &Source,
) -> Result<T, Box<Diagnostic>> {
    serde_json::from_value(json).map_err(|e| {
        Box::new(bad_plan(
            Location::file_start(src),
            PlanMsg::Unreadable {
                error: e.to_string(),
                builtin: false,
            },
        ))
    })
}

/// Builds the lookup indices and checks what the schema cannot: unique ids,
/// known departments, selectors that select something, codes that exist.
fn index_and_verify(plan: &mut Plan, diags: &mut Vec<Diagnostic>) {
    let (department_index, repeated_departments) = CodeIndex::build(&plan.departments);
    plan.department_index = department_index;
    // The two id indices and the responsibilities are independent: made side by side.
    let ((indicators, projects), responsibilities) = {
        let plan: &Plan = plan;
        rayon::join(
            || {
                rayon::join(
                    || CodeIndex::build(&plan.indicators),
                    || CodeIndex::build(&plan.projects),
                )
            },
            || plan.responsibilities_by_department(),
        )
    };
    let ((indicator_index, repeated_indicators), (project_index, repeated_projects)) =
        (indicators, projects);
    plan.indicator_index = indicator_index;
    plan.project_index = project_index;
    plan.responsibilities = responsibilities;
    for i in repeated_departments {
        diags.push(plan.bad_at(
            &plan.department_origin[i],
            Some("code"),
            PlanMsg::DuplicateDepartment {
                code: plan.departments[i].code.clone(),
            },
        ));
    }
    let plan: &Plan = plan;
    // Each entry's findings in catalog order: a repeated id, then an unknown department.
    let findings = |origin: &Origin, id: Option<PlanMsg>, department: Option<PlanMsg>| {
        let at = |field, msg| plan.bad_at(origin, Some(field), msg);
        (id.map(|m| at("id", m)).into_iter()).chain(department.map(|m| at("department", m)))
    };
    let indicator_findings = (0..plan.indicators.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let ind = &plan.indicators[i];
            let repeated = repeated_indicators.binary_search(&i).is_ok();
            findings(
                &plan.indicator_origin[i],
                repeated.then(|| PlanMsg::DuplicateIndicator { id: ind.id.clone() }),
                plan.department(&ind.department)
                    .is_none()
                    .then(|| PlanMsg::IndicatorDepartment {
                        id: ind.id.clone(),
                        department: ind.department.clone(),
                    }),
            )
        });
    let project_findings = (0..plan.projects.len()).into_par_iter().flat_map_iter(|i| {
        let p = &plan.projects[i];
        let repeated =
            repeated_projects.binary_search(&i).is_ok() || plan.indicator_position(&p.id).is_some();
        findings(
            &plan.project_origin[i],
            repeated.then(|| PlanMsg::DuplicateProject { id: p.id.clone() }),
            plan.department(&p.department)
                .is_none()
                .then(|| PlanMsg::ProjectDepartment {
                    id: p.id.clone(),
                    department: p.department.clone(),
                }),
        )
    });
    diags.par_extend(indicator_findings.chain(project_findings));
    for (i, ind) in plan.indicators.iter().enumerate() {
        let Some(other) = &ind.same_as else { continue };
        let msg = match plan.indicator(other) {
            None => PlanMsg::SameAsUnknown {
                id: ind.id.clone(),
                same_as: other.clone(),
            },
            Some(o) if o.unit != ind.unit => PlanMsg::SameAsUnit {
                id: ind.id.clone(),
                same_as: other.clone(),
                unit: ind.unit.clone(),
                other_unit: o.unit.clone(),
            },
            Some(_) => continue,
        };
        diags.push(plan.bad_at(&plan.indicator_origin[i], Some("same_as"), msg));
    }
    for (k, e) in plan.plausibility.iter().enumerate() {
        if !plan.indicators.iter().any(|i| e.matches(i)) {
            diags.push(plan.bad_at(
                &plan.plausibility_origin[k],
                Some("unit"),
                PlanMsg::PlausibilityMatchesNothing {
                    unit: e.unit.clone(),
                },
            ));
        }
    }
    for rule in &plan.rules {
        let e = &rule.entry;
        let Some(info) = crate::model::code::meta_of(&e.code) else {
            diags.push(plan.bad_at(
                &rule.origin,
                Some("code"),
                PlanMsg::UnknownRuleCode {
                    code: e.code.clone(),
                },
            ));
            continue;
        };
        if !info.code.plan_rule() {
            diags.push(plan.bad_at(
                &rule.origin,
                Some("code"),
                PlanMsg::FixedRuleCode {
                    code: e.code.clone(),
                },
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
                        PlanMsg::SelectsUnknown {
                            code: e.code.clone(),
                            id: id.clone(),
                        },
                    ));
                }
            }
        }
        let selects_any = if info.code.subject() == crate::model::code::Subject::Project {
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
                PlanMsg::SelectsNothing {
                    code: e.code.clone(),
                },
            ));
        }
        if let Some(missing) = info
            .code
            .required_params()
            .iter()
            .find(|p| !e.params.has(p))
        {
            diags.push(plan.bad_at(
                &rule.origin,
                None,
                PlanMsg::MissingParam {
                    code: e.code.clone(),
                    param: missing.to_string(),
                },
            ));
        }
    }
}

impl Plan {
    pub(crate) fn empty(header: PlanHeader, header_file: PlanFile) -> Plan {
        Plan {
            header,
            departments: Vec::new(),
            indicators: Vec::new(),
            projects: Vec::new(),
            rules: Vec::new(),
            plausibility: Vec::new(),
            plausibility_origin: Vec::new(),
            sha256: String::new(),
            files: vec![header_file],
            indicator_index: CodeIndex::default(),
            project_index: CodeIndex::default(),
            department_index: CodeIndex::default(),
            rule_tables: OnceLock::new(),
            responsibilities: Vec::new(),
            tenures: Vec::new(),
            department_origin: Vec::new(),
            indicator_origin: Vec::new(),
            project_origin: Vec::new(),
        }
    }
    /// Makes room for the content of every file at once: a synthetic plan
    /// has tens of thousands of entries, and growing by doubling would keep
    /// up to twice their size (and a copy while growing) for the whole run.
    pub(crate) fn reserve<'c>(&mut self, contents: impl Iterator<Item = &'c Content> + Clone) {
        let count = |f: fn(&CatalogFile) -> usize| {
            (contents.clone())
                .map(|c| match c {
                    Content::Catalog(cf) => f(cf),
                    Content::Rules(_) => 0,
                })
                .sum::<usize>()
        };
        let (indicators, projects) = (count(|c| c.indicators.len()), count(|c| c.projects.len()));
        let departments = count(|c| c.departments.len());
        self.departments.reserve_exact(departments);
        self.department_origin.reserve_exact(departments);
        self.indicators.reserve_exact(indicators);
        self.indicator_origin.reserve_exact(indicators);
        self.projects.reserve_exact(projects);
        self.project_origin.reserve_exact(projects);
    }
    /// Adds the content of the plan's file number `file`.
    pub(crate) fn add(&mut self, file: usize, content: Content) {
        // Tables made of the plan before this content are no longer its.
        self.rule_tables = std::sync::OnceLock::new();
        match content {
            Content::Rules(rf) => {
                for (j, entry) in rf.plausibility.into_iter().enumerate() {
                    self.plausibility.push(entry);
                    (self.plausibility_origin).push(Origin::new(file, List::Plausibility, j));
                }
                for (j, entry) in rf.rules.into_iter().enumerate() {
                    self.rules.push(Rule {
                        entry,
                        origin: Origin::new(file, List::Rules, j),
                    });
                }
            }
            Content::Catalog(mut cf) => {
                self.department_origin.extend(
                    (0..cf.departments.len()).map(|j| Origin::new(file, List::Departments, j)),
                );
                self.departments.append(&mut cf.departments);
                self.indicator_origin.extend(
                    (0..cf.indicators.len()).map(|j| Origin::new(file, List::Indicators, j)),
                );
                self.indicators.append(&mut cf.indicators);
                self.project_origin
                    .extend((0..cf.projects.len()).map(|j| Origin::new(file, List::Projects, j)));
                self.projects.append(&mut cf.projects);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalog entry held by reference is found where it lies; an equal
    /// copy held elsewhere by its id; another plan's entry not at all.
    #[test]
    fn a_held_catalog_entry_gives_its_position() {
        let plan = Plan::builtin().unwrap();
        for (i, ind) in plan.indicators.iter().enumerate() {
            assert_eq!(plan.indicator_position_of(ind), Some(i));
        }
        for (i, p) in plan.projects.iter().enumerate() {
            assert_eq!(plan.project_position_of(p), Some(i));
        }
        let copy = plan.indicators[3].clone();
        assert_eq!(plan.indicator_position_of(&copy), Some(3));
        let mut stranger = plan.projects[5].clone();
        stranger.id = "P9999".to_string();
        assert_eq!(plan.project_position_of(&stranger), None);
    }

    /// The prepared built-in plan is the plan its files give when each is
    /// parsed and validated against its schema.
    #[test]
    fn the_prepared_builtin_plan_equals_the_checked_one() {
        let fast = Plan::builtin().unwrap();
        let slow = Plan::builtin_checked().unwrap();
        let json = |p: &Plan| {
            serde_json::json!({
                "header": p.header,
                "departments": p.departments,
                "indicators": p.indicators,
                "projects": p.projects,
                "rules": p.rules.iter().map(|r| (&r.entry, r.origin.file, r.origin.pointer())).collect::<Vec<_>>(),
                "files": p.files.iter().map(|f| (&f.source.path, f.source.text())).collect::<Vec<_>>(),
            })
        };
        assert_eq!(json(&fast), json(&slow));
        assert_eq!(fast.sha256, slow.sha256);
        for ind in &slow.indicators {
            let (a, b) = (
                fast.indicator_location(&ind.id, Some("baseline")),
                slow.indicator_location(&ind.id, Some("baseline")),
            );
            assert_eq!(a.map(|l| l.span), b.map(|l| l.span));
        }
    }

    /// Where two rules of one code select the same indicator, the earlier
    /// applies and the later does not; rules of other codes are unaffected.
    #[test]
    fn an_earlier_rule_of_the_same_code_takes_what_both_select() {
        let mut plan = Plan::builtin().unwrap();
        let first = plan
            .rules
            .iter()
            .position(|r| r.entry.code == Code::PL201.as_str())
            .unwrap();
        let other_code = plan
            .rules
            .iter()
            .position(|r| r.entry.code == Code::PL203.as_str())
            .unwrap();
        let mut everything = plan.rules[first].clone();
        everything.entry.select = Selector::default();
        plan.rules.push(everything);
        let later = plan.rules.len() - 1;
        let binding_level = plan.indicator_position("I15").unwrap();
        let expected = plan.indicator_position("I01").unwrap();
        assert!(plan.rule_owns_indicator(first, binding_level));
        assert!(!plan.rule_owns_indicator(later, binding_level));
        assert!(!plan.rule_owns_indicator(first, expected));
        assert!(plan.rule_owns_indicator(later, expected));
        assert!(plan.rule_owns_indicator(other_code, binding_level));
        assert_eq!(plan.rule_codes().count(), plan.rules.len());
    }

    /// The rule tables' selections (an id list looked up, the rest
    /// matched) are what matching every rule against the indicator gives,
    /// for the plan's own entries and for a copy the tables do not hold.
    #[test]
    fn rules_selecting_an_indicator_are_the_rules_whose_selection_matches_it() {
        let plan = Plan::builtin().unwrap();
        assert!(plan.rules.iter().any(|r| r.entry.select.ids.is_some()));
        for ind in &plan.indicators {
            let copy = ind.clone();
            for code in crate::model::code::ALL.iter().map(|m| m.code) {
                let scanned: Vec<*const Rule> = (plan.rules_for(code))
                    .filter(|r| r.entry.select.matches_indicator(ind))
                    .map(|r| r as *const Rule)
                    .collect();
                let tabled: Vec<*const Rule> = (plan.rules_selecting(code, ind))
                    .map(|r| r as *const Rule)
                    .collect();
                let copied: Vec<*const Rule> = (plan.rules_selecting(code, &copy))
                    .map(|r| r as *const Rule)
                    .collect();
                assert_eq!(tabled, scanned, "{} {code:?}", ind.id);
                assert_eq!(copied, scanned, "{} {code:?}", ind.id);
            }
        }
    }

    #[test]
    fn responsibilities_follow_reassignment() {
        let mut plan = Plan::builtin().unwrap();
        let before: Vec<String> = plan
            .indicators_of("eco-env")
            .map(|i| i.id.clone())
            .collect();
        assert!(before.contains(&"I14".to_string()));
        assert!(plan.assign_indicator("I14", "drc"));
        assert!(!plan.indicators_of("eco-env").any(|i| i.id == "I14"));
        assert!(plan.indicators_of("drc").any(|i| i.id == "I14"));
        let expected: Vec<&str> = plan
            .indicators
            .iter()
            .filter(|i| i.department == "drc")
            .map(|i| i.id.as_str())
            .collect();
        let got: Vec<&str> = plan.indicators_of("drc").map(|i| i.id.as_str()).collect();
        assert_eq!(got, expected);
    }
}

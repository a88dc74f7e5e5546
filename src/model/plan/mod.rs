//! A plan as the engine judges by it: its catalog (departments, indicators,
//! projects), its rule entries and where each is written. Loading a plan from its
//! files is `load::plan`'s.

mod index;
pub mod judgement;
pub mod model;
pub mod plausibility;
pub mod verdict;

use crate::model::code::Code;
use crate::model::report::Report;
use crate::syntax::source::{Location, Source};
use crate::syntax::yaml::{self, Limits, Node};
pub(crate) use index::CodeIndex;
pub use model::*;
use std::sync::OnceLock;

/// The id of the built-in plan.
pub const BUILTIN_ID: &str = "nanming-14th-fyp";

/// Where a catalog or rule entry stands in its plan file: the file, the
/// list and the position in it. Its JSON pointer is written out only when a
/// diagnostic needs it.
#[derive(Clone, Copy, Debug)]
pub struct Origin {
    pub file: usize,
    pub(crate) list: List,
    pub(crate) index: u32,
}

/// The lists of a plan's files that hold entries.
#[derive(Clone, Copy, Debug)]
pub(crate) enum List {
    /// `plan.yaml`'s list of catalog files.
    Catalog,
    /// `plan.yaml`'s list of rule files, and a rule file's rules.
    Rules,
    Departments,
    Indicators,
    Projects,
    /// A rule file's `plausibility:` entries.
    Plausibility,
}

impl Origin {
    pub(crate) fn new(file: usize, list: List, index: usize) -> Origin {
        // Positions fit: a plan file is at most 4 GiB.
        let index = index as u32;
        Origin { file, list, index }
    }
    /// The entry's JSON pointer in its file (`/indicators/3`).
    pub fn pointer(&self) -> String {
        let list = match self.list {
            List::Catalog => "catalog",
            List::Rules => "rules",
            List::Departments => "departments",
            List::Indicators => "indicators",
            List::Projects => "projects",
            List::Plausibility => "plausibility",
        };
        format!("/{list}/{}", self.index)
    }
}

/// Which list of the catalog an entry is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogEntity {
    Indicator,
    Project,
}

/// A department's responsibility for one catalog entry over part of the
/// plan period (`from`..=`until`, either end open).
#[derive(Clone, Debug)]
pub(crate) struct Tenure {
    pub(crate) entity: CatalogEntity,
    pub(crate) position: usize,
    pub(crate) department: String,
    pub(crate) from: Option<i32>,
    pub(crate) until: Option<i32>,
}

impl Tenure {
    fn holds(&self, period: i32) -> bool {
        self.from.is_none_or(|f| f <= period) && self.until.is_none_or(|u| period <= u)
    }
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
    /// The rule files' `plausibility:` entries, in the order loaded, with the
    /// file and position of each.
    pub plausibility: Vec<plausibility::PlausibilityEntry>,
    pub(crate) plausibility_origin: Vec<Origin>,
    /// SHA-256 over the plan's files, in the order loaded.
    pub sha256: String,
    /// The plan's files, for diagnostics that point into them.
    pub files: Vec<PlanFile>,
    pub(crate) indicator_index: CodeIndex<Indicator>,
    pub(crate) project_index: CodeIndex<Project>,
    pub(crate) department_index: CodeIndex<Department>,
    /// By department position: its indicators and projects, in catalog order.
    pub(crate) responsibilities: Vec<(Vec<usize>, Vec<usize>)>,
    /// Responsibilities for part of the plan period (plan-lint.toml's
    /// `responsibilities` with `from`/`until`), in the order declared: a
    /// later tenure covering a period takes precedence. Empty for most
    /// plans, whose catalog's `department` holds every period.
    pub(crate) tenures: Vec<Tenure>,
    pub(crate) department_origin: Vec<Origin>,
    pub(crate) indicator_origin: Vec<Origin>,
    pub(crate) project_origin: Vec<Origin>,
    /// Which catalog entries each rule applies to, and each rule's registry
    /// entry; made on first use.
    pub(crate) rule_tables: OnceLock<RuleTables>,
}

/// What running the rules needs from the plan, decided once per plan
/// because rules run on every report: for each rule (by position) and each
/// catalog entry (by position), whether the rule applies to the entry (it
/// selects it and no earlier rule of the same code does: an earlier entry
/// takes precedence where selections overlap), and each rule's registry entry.
#[derive(Debug)]
pub(crate) struct RuleTables {
    /// Which rule applies to which indicator and project: see [`Owners`].
    indicators: Owners,
    projects: Owners,
    /// Each rule's code as the registry holds it (`None` only for a code a
    /// verified plan cannot have).
    pub(crate) codes: Vec<Option<Code>>,
    /// Every rule that selects each indicator, of any code, in rule order
    /// (PL207's every entry narrows a plausible range; the verdict asks for
    /// the first PL202/PL203 entry): the rules of indicator `i` are
    /// `indicator_rules[indicator_rules_start[i]..indicator_rules_start[i + 1]]`.
    /// Scanning the rules and their id lists instead, per figure, grew with
    /// the square of the catalog (a third of the check's time at 10,000
    /// reports of the synthetic plan, two thirds at 100,000; a fifth of
    /// status's at 10,000).
    indicator_rules_start: Vec<u32>,
    indicator_rules: Vec<u32>,
    /// The position of each indicator's and each project's department (the
    /// catalog's, not a tenure's): the history asks for every entry of every
    /// report whether its department writes it, and comparing positions
    /// spares a look into the catalog entry and its text (cache misses
    /// that grew the history's build faster than the reports).
    indicator_departments: Vec<Option<u32>>,
    project_departments: Vec<Option<u32>>,
}

/// A rule's selection, made quick to ask of every catalog entry: its ids
/// (a rule of a large plan lists thousands: one per district) in a set,
/// the rest of the selector as written.
struct Selection<'r> {
    rest: Selector,
    ids: Option<std::collections::HashSet<&'r str>>,
}

impl<'r> Selection<'r> {
    fn of(select: &'r Selector) -> Self {
        Selection {
            rest: Selector {
                ids: None,
                ..select.clone()
            },
            ids: (select.ids.as_ref()).map(|ids| ids.iter().map(String::as_str).collect()),
        }
    }
    /// [`Selector::matches_indicator`].
    fn indicator(&self, i: &Indicator) -> bool {
        self.ids
            .as_ref()
            .is_none_or(|ids| ids.contains(i.id.as_str()))
            && self.rest.matches_indicator(i)
    }
    /// [`Selector::matches_project`].
    fn project(&self, p: &Project) -> bool {
        self.ids
            .as_ref()
            .is_none_or(|ids| ids.contains(p.id.as_str()))
            && self.rest.matches_project(p)
    }
}

impl RuleTables {
    pub(crate) fn of(plan: &Plan) -> RuleTables {
        let selections: Vec<Selection> = (plan.rules.iter())
            .map(|r| Selection::of(&r.entry.select))
            .collect();
        let department_of =
            |code: &str| (plan.department_position(code)).and_then(|d| u32::try_from(d).ok());
        let indicator_rules = selecting(
            &selections,
            &plan.indicators,
            |id| plan.indicator_position(id),
            Selection::indicator,
        );
        let project_rules = selecting(
            &selections,
            &plan.projects,
            |id| plan.project_position(id),
            Selection::project,
        );
        let rule_codes: Vec<&str> = (plan.rules.iter()).map(|r| r.entry.code.as_str()).collect();
        let mut indicator_rules_start = Vec::with_capacity(plan.indicators.len() + 1);
        indicator_rules_start.push(0);
        for rules in &indicator_rules {
            let end = indicator_rules_start.last().copied().unwrap_or(0) as usize + rules.len();
            indicator_rules_start.push(u32::try_from(end).unwrap_or(u32::MAX));
        }
        RuleTables {
            indicators: Owners::of(&rule_codes, &indicator_rules),
            projects: Owners::of(&rule_codes, &project_rules),
            codes: (plan.rules.iter())
                .map(|r| Code::parse(&r.entry.code))
                .collect(),
            indicator_rules_start,
            indicator_rules: indicator_rules.concat(),
            indicator_departments: (plan.indicators.iter())
                .map(|i| department_of(&i.department))
                .collect(),
            project_departments: (plan.projects.iter())
                .map(|p| department_of(&p.department))
                .collect(),
        }
    }

    /// The rules that select the indicator at `position`, in rule order.
    pub(crate) fn indicator_rules(&self, position: usize) -> &[u32] {
        let at = |i: usize| self.indicator_rules_start[i] as usize;
        &self.indicator_rules[at(position)..at(position + 1)]
    }
}

/// For each catalog entry (by position), the rules (by position, in rule
/// order) whose selection holds it, whatever their code. A selection by an
/// id list looks its ids up rather than comparing every entry with the
/// list (the synthetic plan's lists hold hundreds of ids: status spent a
/// fifth of its time in those comparisons).
fn selecting<'r, T>(
    selections: &[Selection<'r>],
    entries: &[T],
    position: impl Fn(&str) -> Option<usize>,
    selects: impl Fn(&Selection<'r>, &T) -> bool,
) -> Vec<Vec<u32>> {
    let mut by_entry = vec![Vec::new(); entries.len()];
    for (r, select) in selections.iter().enumerate() {
        let candidates: Vec<usize> = match &select.ids {
            Some(ids) => {
                let mut at: Vec<usize> = ids.iter().filter_map(|id| position(id)).collect();
                at.sort_unstable();
                at.dedup();
                at
            }
            None => (0..entries.len()).collect(),
        };
        for e in candidates {
            if selects(select, &entries[e]) {
                by_entry[e].push(r as u32);
            }
        }
    }
    by_entry
}

/// Whether a rule applies to a catalog entry (it selects the entry and no
/// earlier rule of its code does), as one bit per rule, the bits of an
/// entry side by side: every rule asks for the same few entries of a report,
/// which are then a few words in one place. (A table per rule, each as
/// long as the catalog, had every rule's question for a report miss the
/// caches once the catalog outgrew them: the 95,000 indicators of the
/// synthetic plan at 100,000 reports.)
#[derive(Debug)]
struct Owners {
    /// Words per entry: one bit per rule.
    words: usize,
    bits: Vec<u64>,
}

impl Owners {
    /// From each rule's code, in rule order, and the rules (by position)
    /// that select each entry.
    fn of(rule_codes: &[&str], by_entry: &[Vec<u32>]) -> Owners {
        let words = rule_codes.len().div_ceil(64).max(1);
        let mut bits = vec![0u64; words * by_entry.len()];
        for (e, selecting) in by_entry.iter().enumerate() {
            let mut codes: Vec<&str> = Vec::new();
            for &r in selecting {
                let code = rule_codes[r as usize];
                if !codes.contains(&code) {
                    codes.push(code);
                    let r = r as usize;
                    bits[e * words + r / 64] |= 1 << (r % 64);
                }
            }
        }
        Owners { words, bits }
    }
    fn owns(&self, rule: usize, entry: usize) -> bool {
        self.bits[entry * self.words + rule / 64] & (1 << (rule % 64)) != 0
    }
}

/// For each indicator and project entry of a report, the position of its
/// catalog entry (`None` for an id the plan does not have): looked up once
/// per report, then used by the history and by every rule.
///
/// Kept for every report of a check: one allocation of 32-bit positions,
/// the indicators' then the projects' (two vectors of `Option<usize>`, 16
/// bytes an entry, were 27 MB at 100,000 reports).
#[derive(Debug)]
pub struct CatalogPositions {
    positions: Box<[Option<u32>]>,
    indicators: usize,
}

impl CatalogPositions {
    fn new(
        indicators: impl ExactSizeIterator<Item = Option<usize>>,
        projects: impl Iterator<Item = Option<usize>>,
    ) -> Self {
        // A catalog holds fewer than 2^32 entries: its files' spans are 32-bit.
        let narrow = |p: Option<usize>| p.map(|p| u32::try_from(p).expect("catalog position"));
        let count = indicators.len();
        CatalogPositions {
            positions: indicators.chain(projects).map(narrow).collect(),
            indicators: count,
        }
    }
    /// The catalog position of each indicator entry of the report, in order.
    pub fn indicators(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.positions[..self.indicators]
            .iter()
            .map(|p| p.map(|p| p as usize))
    }
    /// The catalog position of each project entry of the report, in order.
    pub fn projects(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        self.positions[self.indicators..]
            .iter()
            .map(|p| p.map(|p| p as usize))
    }
}

/// One file of a plan. Its tree is needed only when a diagnostic points into
/// the plan, so it is parsed again then, once, rather than kept from loading.
#[derive(Debug)]
pub struct PlanFile {
    pub source: Source,
    pub(crate) node: OnceLock<Option<Node>>,
    /// Where the file lies on disk, when it was read from a folder (not the
    /// built-in copy, not a commit): its text can then be let go and read
    /// again ([`Plans::release_texts`]).
    pub(crate) on_disk: Option<std::path::PathBuf>,
}

impl PlanFile {
    pub(crate) fn new(source: Source, node: Option<Node>) -> Self {
        let cell = OnceLock::new();
        if let Some(n) = node {
            let _ = cell.set(Some(n));
        }
        PlanFile {
            source,
            node: cell,
            on_disk: None,
        }
    }
    /// The file's text let go, to be read again (and checked against its
    /// length and hash) only when a diagnostic points into it, as a report's
    /// is ([`crate::syntax::source::SourceFile::released`]). Only a file read
    /// from disk, and only once its text has been read for the digest.
    fn release_text(&mut self) {
        if let Some(file) = &self.on_disk {
            if !self.source.is_released() {
                let text = self.source.text();
                self.source = crate::syntax::source::SourceFile::released(
                    self.source.path.clone(),
                    file,
                    text,
                );
            }
        }
    }
    /// The file's tree (it loaded once, so it parses again).
    pub fn node(&self) -> Option<&Node> {
        self.node
            .get_or_init(|| {
                yaml::load(self.source.body(), self.source.bom_len(), Limits::default()).ok()
            })
            .as_ref()
    }
}

impl Plan {
    pub fn id(&self) -> &str {
        &self.header.id
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_position(id).map(|i| &self.indicators[i])
    }
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.project_position(id).map(|i| &self.projects[i])
    }
    /// An indicator's position in the catalog.
    pub fn indicator_position(&self, id: &str) -> Option<usize> {
        self.indicator_index.get(id)
    }
    /// A project's position in the catalog.
    pub fn project_position(&self, id: &str) -> Option<usize> {
        self.project_index.get(id)
    }
    pub(crate) fn department_position(&self, code: &str) -> Option<usize> {
        self.department_index.get(code)
    }
    /// The catalog position of an indicator the caller holds: where it lies
    /// in the catalog when it is this plan's own entry (no lookup), else
    /// the position of the indicator with its id.
    pub fn indicator_position_of(&self, indicator: &Indicator) -> Option<usize> {
        position_in(&self.indicators, indicator).or_else(|| self.indicator_position(&indicator.id))
    }
    /// The catalog position of a project the caller holds, as
    /// [`Plan::indicator_position_of`].
    pub fn project_position_of(&self, project: &Project) -> Option<usize> {
        position_in(&self.projects, project).or_else(|| self.project_position(&project.id))
    }
    /// The catalog positions of a report's entries, looked up once.
    pub fn positions_of(&self, report: &Report) -> CatalogPositions {
        CatalogPositions::new(
            (report.indicators.iter()).map(|e| self.indicator_position(&e.id.value)),
            (report.projects.iter()).map(|e| self.project_position(&e.id.value)),
        )
    }
    /// Which rule applies to which catalog entry, made on first use. A
    /// caller that knows the plan is final (its configuration applied) can
    /// make it ahead with [`Plan::prepare_rules`].
    pub(crate) fn rule_tables(&self) -> &RuleTables {
        self.rule_tables.get_or_init(|| RuleTables::of(self))
    }
    /// Makes the rule tables now rather than when the first report's rules
    /// run, where every other worker would wait for them (10 ms for the
    /// synthetic plan of 10,000 reports). Only for a plan that will not
    /// change: the tables follow the rules' selections of its entries.
    pub fn prepare_rules(&self) {
        self.rule_tables();
    }
    /// Whether rule number `rule` applies to the indicator at `position`:
    /// it selects it and no earlier rule of the same code does.
    pub fn rule_owns_indicator(&self, rule: usize, position: usize) -> bool {
        self.rule_tables().indicators.owns(rule, position)
    }
    /// Whether rule number `rule` applies to the project at `position`.
    pub fn rule_owns_project(&self, rule: usize, position: usize) -> bool {
        self.rule_tables().projects.owns(rule, position)
    }
    /// Each rule's code entry in the registry, in rule order.
    pub fn rule_codes(&self) -> impl Iterator<Item = Option<Code>> + '_ {
        self.rule_tables().codes.iter().copied()
    }
    /// The positions of the indicators and projects a department is
    /// responsible for, in catalog order.
    pub fn responsibilities_of(&self, department: &str) -> (&[usize], &[usize]) {
        self.department_position(department)
            .and_then(|d| self.responsibilities.get(d))
            .map_or((&[][..], &[][..]), |(i, p)| (i.as_slice(), p.as_slice()))
    }
    pub fn department(&self, code: &str) -> Option<&Department> {
        self.department_position(code).map(|i| &self.departments[i])
    }
    /// The department a clerk means by `given`: its code, its name or an
    /// alias, with or without the district's 区 (区林业局 is an alias of
    /// natural-resources, 区自然资源局) — the one lookup of init, status
    /// and PL109. `Some(alias)` when only an alias matched: the finding
    /// says which department reports under that name.
    pub fn department_meant(&self, given: &str) -> Option<(&Department, Option<String>)> {
        let given = given.trim();
        if let Some(d) = self.department(given) {
            return Some((d, None));
        }
        let core = crate::syntax::suggest::department_name_core(given);
        let same = |n: &String| {
            n == given
                || (!core.is_empty() && crate::syntax::suggest::department_name_core(n) == core)
        };
        if let Some(d) = self.departments.iter().find(|d| same(&d.name)) {
            return Some((d, None));
        }
        let d = self
            .departments
            .iter()
            .find(|d| d.aliases.iter().any(same))?;
        // 区发改局 is 区发展和改革局 shortened; 区林业局 is another office.
        let name = crate::syntax::suggest::department_name_core(&d.name);
        let shortened = subsequence(core, name) || subsequence(name, core);
        Some((d, (!shortened).then(|| given.to_string())))
    }
    /// The registry as (code, name), in its order.
    pub fn registry(&self) -> Vec<(String, String)> {
        (self.departments.iter())
            .map(|d| (d.code.clone(), d.name.clone()))
            .collect()
    }
    /// Whether a year lies inside the plan period.
    pub fn in_period(&self, year: i32) -> bool {
        (self.header.period.start..=self.header.period.end).contains(&year)
    }
    /// The location of a field of an indicator's catalog entry (or the entry itself).
    pub fn indicator_location(&self, id: &str, field: Option<&str>) -> Option<Location> {
        let i = self.indicator_position(id)?;
        self.locate(&self.indicator_origin[i], field)
    }
    pub fn project_location(&self, id: &str, field: Option<&str>) -> Option<Location> {
        let i = self.project_position(id)?;
        self.locate(&self.project_origin[i], field)
    }
    /// An indicator's plausibility bounds: its catalog entry's, its unit's in
    /// the rule files, or plan-lint's default.
    pub fn plausibility(&self, ind: &Indicator) -> plausibility::Plausibility {
        plausibility::of(ind, &self.plausibility)
    }
    /// Where the bounds of an indicator are written: its catalog entry's
    /// `plausible`, or the rule file's `plausibility:` entry.
    pub fn plausibility_location(&self, ind: &Indicator) -> Option<Location> {
        match self.plausibility(ind).from {
            plausibility::BoundsFrom::Catalog => {
                self.indicator_location(&ind.id, Some("plausible"))
            }
            plausibility::BoundsFrom::RuleFile(i) => {
                self.locate(self.plausibility_origin.get(i)?, None)
            }
            plausibility::BoundsFrom::Default => None,
        }
    }
    pub fn rule_location(&self, rule: &Rule, field: Option<&str>) -> Option<Location> {
        self.locate(&rule.origin, field)
    }
    pub(crate) fn locate(&self, origin: &Origin, field: Option<&str>) -> Option<Location> {
        let file = &self.files[origin.file];
        let (source, node) = (&file.source, file.node()?);
        let pointer = match field {
            Some(f) => format!("{}/{f}", origin.pointer()),
            None => origin.pointer(),
        };
        let (_, n) = node.pointer(&pointer)?;
        Some(Location::at(source, n.span))
    }
    /// Indicators a department is responsible for, in catalog order.
    pub fn indicators_of<'a>(
        &'a self,
        department: &'a str,
    ) -> impl Iterator<Item = &'a Indicator> + 'a {
        self.responsibilities_of(department)
            .0
            .iter()
            .map(|&i| &self.indicators[i])
    }
    pub fn projects_of<'a>(
        &'a self,
        department: &'a str,
    ) -> impl Iterator<Item = &'a Project> + 'a {
        self.responsibilities_of(department)
            .1
            .iter()
            .map(|&p| &self.projects[p])
    }
    /// The department responsible for the indicator at `position` in `period`
    /// (trust.md version 3: history is the responsible department's own).
    pub fn indicator_department_in(&self, position: usize, period: i32) -> &str {
        self.department_in(CatalogEntity::Indicator, position, period)
    }
    /// The department responsible for the project at `position` in `period`.
    pub fn project_department_in(&self, position: usize, period: i32) -> &str {
        self.department_in(CatalogEntity::Project, position, period)
    }
    /// The department responsible for the catalog entry at `position` in
    /// `period`: a tenure's, else the catalog's.
    pub fn department_in(&self, entity: CatalogEntity, position: usize, period: i32) -> &str {
        (self.tenure_department(entity, position, period))
            .unwrap_or_else(|| self.catalog_department(entity, position))
    }
    /// The department the catalog names for the entry at `position`.
    pub fn catalog_department(&self, entity: CatalogEntity, position: usize) -> &str {
        match entity {
            CatalogEntity::Indicator => &self.indicators[position].department,
            CatalogEntity::Project => &self.projects[position].department,
        }
    }
    /// Whether the department at `department` (its position in the plan's
    /// departments) is responsible for the catalog entry at `position` in
    /// `period`: [`Plan::department_in`] by positions.
    pub fn written_by(
        &self,
        entity: CatalogEntity,
        position: usize,
        period: i32,
        department: usize,
    ) -> bool {
        if !self.tenures.is_empty() {
            let code = &self.departments[department].code;
            return self.department_in(entity, position, period) == code;
        }
        let tables = self.rule_tables();
        let of = match entity {
            CatalogEntity::Indicator => &tables.indicator_departments,
            CatalogEntity::Project => &tables.project_departments,
        };
        of[position].is_some_and(|d| d as usize == department)
    }
    fn tenure_department(
        &self,
        entity: CatalogEntity,
        position: usize,
        period: i32,
    ) -> Option<&str> {
        (self.tenures.iter().rev())
            .find(|t| t.entity == entity && t.position == position && t.holds(period))
            .map(|t| t.department.as_str())
    }
    /// The positions of the indicators and projects a department is
    /// responsible for in `period`, in catalog order.
    pub fn responsibilities_in(
        &self,
        department: &str,
        period: i32,
    ) -> (std::borrow::Cow<'_, [usize]>, std::borrow::Cow<'_, [usize]>) {
        use std::borrow::Cow;
        if self.tenures.is_empty() {
            let (i, p) = self.responsibilities_of(department);
            return (Cow::Borrowed(i), Cow::Borrowed(p));
        }
        let indicators = (0..self.indicators.len())
            .filter(|&i| self.indicator_department_in(i, period) == department)
            .collect();
        let projects = (0..self.projects.len())
            .filter(|&p| self.project_department_in(p, period) == department)
            .collect();
        (Cow::Owned(indicators), Cow::Owned(projects))
    }
    /// Makes `department` responsible for an indicator or project for the
    /// periods `from..=until` (either open); false if the id or the department is unknown.
    pub fn assign_for(
        &mut self,
        entity: CatalogEntity,
        id: &str,
        department: &str,
        from: Option<i32>,
        until: Option<i32>,
    ) -> bool {
        if from.is_none() && until.is_none() {
            return match entity {
                CatalogEntity::Indicator => self.assign_indicator(id, department),
                CatalogEntity::Project => self.assign_project(id, department),
            };
        }
        let position = match entity {
            CatalogEntity::Indicator => self.indicator_position(id),
            CatalogEntity::Project => self.project_position(id),
        };
        match position {
            Some(position) if self.department(department).is_some() => {
                self.tenures.push(Tenure {
                    entity,
                    position,
                    department: department.to_string(),
                    from,
                    until,
                });
                true
            }
            _ => false,
        }
    }
    /// Makes `department` responsible for an indicator (a config override); false if the id is unknown.
    pub fn assign_indicator(&mut self, id: &str, department: &str) -> bool {
        match self.indicator_position(id) {
            Some(i) if self.department(department).is_some() => {
                self.indicators[i].department = department.to_string();
                self.index_responsibilities();
                true
            }
            _ => false,
        }
    }
    /// Makes `department` responsible for a project (a config override); false if the id is unknown.
    pub fn assign_project(&mut self, id: &str, department: &str) -> bool {
        match self.project_position(id) {
            Some(i) if self.department(department).is_some() => {
                self.projects[i].department = department.to_string();
                self.index_responsibilities();
                true
            }
            _ => false,
        }
    }
    /// Rebuilds the department → indicators and projects index.
    pub(crate) fn index_responsibilities(&mut self) {
        self.responsibilities = self.responsibilities_by_department();
    }
    /// By department position, the positions of its indicators and projects
    /// (an entry of an unknown department is in none: the plan does not load).
    pub(crate) fn responsibilities_by_department(&self) -> Vec<(Vec<usize>, Vec<usize>)> {
        let mut r = vec![(Vec::new(), Vec::new()); self.departments.len()];
        for (i, ind) in self.indicators.iter().enumerate() {
            if let Some(d) = self.department_position(&ind.department) {
                r[d].0.push(i);
            }
        }
        for (i, p) in self.projects.iter().enumerate() {
            if let Some(d) = self.department_position(&p.department) {
                r[d].1.push(i);
            }
        }
        r
    }
    /// The rule entries of a code named in an input file ("PL201").
    pub fn rules_named<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules.iter().filter(move |r| r.entry.code == code)
    }
    /// The rule entries of `code` that select an indicator, in rule order:
    /// from the rule tables for one of this plan's own entries.
    pub fn rules_selecting<'a>(
        &'a self,
        code: Code,
        ind: &'a Indicator,
    ) -> impl Iterator<Item = &'a Rule> + 'a {
        let at = position_in(&self.indicators, ind);
        // The tables' codes, not the rules' strings: a rule entry of a large
        // plan is a cache miss away.
        let tables = self.rule_tables();
        let tabled = at.into_iter().flat_map(move |at| {
            (tables.indicator_rules(at).iter())
                .filter(move |&&r| tables.codes[r as usize] == Some(code))
                .map(move |&r| &self.rules[r as usize])
        });
        let scanned = (at.is_none())
            .then(|| {
                (self.rules.iter()).filter(move |r| {
                    r.entry.code == code.as_str() && r.entry.select.matches_indicator(ind)
                })
            })
            .into_iter()
            .flatten();
        tabled.chain(scanned)
    }
    pub fn rules_for(&self, code: Code) -> impl Iterator<Item = &Rule> + '_ {
        self.rules
            .iter()
            .filter(move |r| r.entry.code == code.as_str())
    }
    /// Whether a figure lies in the range PL207 holds it to: the catalog's,
    /// narrowed by every PL207 entry that selects the indicator
    /// (`greater_than`, exclusive; `at_most`). A figure outside it is in
    /// error, and no yardstick for a change (PL211).
    pub fn in_plausible_range(&self, ind: &Indicator, v: f64) -> bool {
        use crate::model::numeric::compare;
        use std::cmp::Ordering;
        plausibility::in_range(ind, v)
            && (self.rules_selecting(Code::PL207, ind)).all(|r| {
                let p = &r.entry.params;
                p.greater_than
                    .is_none_or(|g| compare(v, g) == Ordering::Greater)
                    && p.at_most.is_none_or(|m| compare(v, m) != Ordering::Greater)
            })
    }
}

/// The position of `item` in `items` when it is one of them (the same
/// place in memory, not an equal value).
pub(crate) fn position_in<T>(items: &[T], item: &T) -> Option<usize> {
    let size = std::mem::size_of::<T>().max(1);
    let offset = (item as *const T)
        .addr()
        .checked_sub(items.as_ptr().addr())?;
    let i = offset / size;
    (offset % size == 0 && i < items.len()).then_some(i)
}

impl Params {
    pub fn has(&self, name: &str) -> bool {
        match name {
            "tolerance" => self.tolerance.is_some(),
            "margin" => self.margin.is_some(),
            "transitions" => self.transitions.is_some(),
            "max_years_before_start" => self.max_years_before_start.is_some(),
            "band" => self.band.is_some(),
            "greater_than" => self.greater_than.is_some(),
            "at_most" => self.at_most.is_some(),
            _ => false,
        }
    }
}

/// The plans a run knows: the built-in one first, then `--plan` directories.
pub struct Plans(pub Vec<Plan>);

impl Plans {
    /// Lets the texts of the plan files read from disk go: a check needs the
    /// typed catalog, and the text only for a diagnostic that points into a
    /// plan file, when it is read again (a file changed meanwhile is then
    /// PL001, as a report is). The synthetic plan's catalog is 7.5 MB at
    /// 10,000 reports and 75 MB at 100,000. For a command that runs once
    /// (check): a plan file written meanwhile would leave a long-running
    /// one (the language server) without its text, and `plan draft`
    /// rewrites the files it read.
    pub fn release_texts(&mut self) {
        use rayon::prelude::*;
        for plan in &mut self.0 {
            plan.files.par_iter_mut().for_each(PlanFile::release_text);
        }
    }
    pub fn get(&self, id: &str) -> Option<&Plan> {
        self.0.iter().find(|p| p.id() == id)
    }
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(Plan::id)
    }
    /// The loaded plans whose period holds `year`, in load order.
    pub fn holding(&self, year: i64) -> Vec<&Plan> {
        let Ok(year) = i32::try_from(year) else {
            return Vec::new();
        };
        self.0.iter().filter(|p| p.in_period(year)).collect()
    }
    /// Each loaded plan's id and period, for a message: (id, start, end).
    pub fn periods(&self) -> Vec<(String, i32, i32)> {
        (self.0.iter())
            .map(|p| {
                (
                    p.id().to_string(),
                    p.header.period.start,
                    p.header.period.end,
                )
            })
            .collect()
    }
}

/// Whether the characters of `short` stand in `long` in order.
fn subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::Owners;

    /// A rule applies to an entry when it is the first of its code to select
    /// it, past the first word of bits too (a plan of more than 64 rules).
    #[test]
    fn a_rule_owns_the_entries_it_is_the_first_of_its_code_to_select() {
        let codes: Vec<String> = (0..130).map(|r| format!("PL2{:02}", r % 7)).collect();
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        // Entry 0: rules 0, 65 and 129 (codes 0, 2 and 3); entry 1: rules 64
        // and 71, both of code 1, and 127 (code 1 too); entry 2: none.
        let by_entry = vec![vec![0, 65, 129], vec![64, 71, 127], vec![]];
        let owners = Owners::of(&codes, &by_entry);
        let owned: Vec<(usize, usize)> = (0..by_entry.len())
            .flat_map(|e| (0..codes.len()).map(move |r| (r, e)))
            .filter(|&(r, e)| owners.owns(r, e))
            .collect();
        assert_eq!(owned, [(0, 0), (65, 0), (129, 0), (64, 1)]);
    }
}

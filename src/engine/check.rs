//! `plan-lint check`: find the reports, load each once, build history, run
//! the fixed checks and the plan's rules, and return sorted diagnostics.

use crate::diagnostics::diagnostic::{self, Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Counts, DuplicateRole, FileMsg, Note, ReportMsg, Text};
use crate::engine::history::History;
use crate::engine::rules;
use crate::load::workspace::{
    excluded, gather, isolate, load_file, pl001_file, positions, test_hook, under, CheckOptions,
    Clock, Fatal, Gathered, Loaded, Workspace,
};
use crate::load::workspace::{in_record, ReportPath};
use crate::model::code::{Code, Subject};
use crate::model::plan::CatalogPositions;
use crate::model::plan::Plans;
use crate::model::report::Report;
use crate::syntax::source::Source;
use crate::FastMap;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

mod editor;
pub use editor::{check_text, Checked, Kept};

#[derive(Debug, Default)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    /// Reports linted.
    pub files: usize,
    /// Internal errors (a bug in plan-lint), each naming the file that caused it.
    /// The other files' results are kept; the run exits 2.
    pub internal_errors: Vec<Text>,
    /// What each linted report is, by path: for summaries per department and indicator.
    pub reports: BTreeMap<String, ReportInfo>,
    /// Every (plan, department, period) that has a report in the record:
    /// the data root's reports, with drafts standing in (pull-request mode
    /// checks that none an accepted report had is lost: PL402).
    pub record: BTreeSet<(String, String, i32)>,
    /// How long each phase took, in order (shown by `--timings`; never in the output).
    pub phases: Vec<(&'static str, std::time::Duration)>,
    /// Report files read, and the reports' places under the data root: a
    /// check of named reports reads only their departments' record.
    pub read: (usize, usize),
}

/// The identity of a linted report and the indicators it reports.
#[derive(Debug, Clone, Default)]
pub struct ReportInfo {
    pub plan: String,
    pub department: String,
    pub period: i32,
    pub indicators: Vec<String>,
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| !d.suppressed && d.severity == severity)
            .count()
    }
    pub fn suppressed(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.suppressed).count()
    }
    /// What the summary lines show.
    pub fn counts(&self) -> Counts {
        Counts {
            errors: self.count(Severity::Error),
            warnings: self.count(Severity::Warning),
            files: self.files,
            suppressed: self.suppressed(),
        }
    }
}

/// Runs a whole check: finds and loads the reports ([`gather`]), then
/// checks them ([`run_loaded`]). The two entry points of a check; the
/// pull-request driver checks a [`Workspace`] instead.
pub fn run(plans: &Plans, opts: &CheckOptions) -> Result<Outcome, Fatal> {
    run_loaded(plans, opts, gather(opts)?)
}

/// Where a loaded report stands in a check: linted (named, changed, or in
/// the data root of a full check) and inside the data root.
#[derive(Clone, Copy)]
struct Place {
    linted: bool,
    in_root: bool,
}

/// What a check knows of its reports besides the reports themselves.
struct Context<'a> {
    /// PL110 for the files under the data root that look like reports but are not read.
    unread: &'a [Diagnostic],
    root_shown: &'a str,
    root_exists: bool,
    history_paths: &'a [ReportPath],
    named: &'a [PathBuf],
    stdin_name: Option<&'a str>,
}

impl Gathered {
    fn context(&self) -> Context<'_> {
        Context {
            unread: &self.unread,
            root_shown: &self.root_shown,
            root_exists: self.root_exists,
            history_paths: &self.history_paths,
            named: &self.named,
            stdin_name: self.stdin_name.as_deref(),
        }
    }
}

/// A check of the reports [`gather`] loaded (the CLI loads them while the
/// plans load).
pub fn run_loaded(
    plans: &Plans,
    opts: &CheckOptions,
    mut gathered: Gathered,
) -> Result<Outcome, Fatal> {
    let changed = None;
    gathered.locate(plans);
    gathered.widen(plans, opts);
    let entries: Vec<(&str, &Loaded)> = (gathered.loaded.iter())
        .map(|(shown, l)| (shown.as_str(), l))
        .collect();
    let mut clock = std::mem::replace(&mut gathered.clock, Clock::start());
    let (mut outcome, flags) = engine(
        plans,
        opts,
        changed,
        &gathered.context(),
        &entries,
        &mut clock,
        false,
    )?;
    drop(entries);
    let read = (gathered.loaded.len(), gathered.history_paths.len());
    let linted = (gathered.loaded.par_iter().zip(&flags))
        .filter(|(_, f)| f.linted)
        .map(|((_, l), _)| l);
    let entered = entered_requirements(plans, opts, changed, linted);
    // The rules have run: the summaries take what they need out of the
    // reports (moved, not copied), in path order, so that the map is built
    // in one pass (rayon's collect into a map inserts one at a time).
    let reports: Vec<(String, ReportInfo)> = (gathered.loaded.par_iter_mut())
        .zip(flags)
        .filter(|(_, f)| f.linted)
        .filter_map(|((shown, l), _)| {
            let r = l.report.as_mut()?;
            let info = ReportInfo {
                plan: r.plan.take().map(|p| p.value).unwrap_or_default(),
                department: (r.department.take()).map(|d| d.value).unwrap_or_default(),
                period: r.period().unwrap_or_default(),
                indicators: (r.indicators.iter_mut())
                    .map(|e| std::mem::take(&mut e.id.value).into_string())
                    .collect(),
            };
            Some((std::mem::take(shown), info))
        })
        .collect();
    outcome.reports = reports.into_iter().collect();
    // The rest of the reports, hundreds of thousands of small allocations
    // at 10,000 reports, is freed off the way to the output.
    crate::free_later(gathered.loaded);
    finish(
        &mut outcome,
        opts,
        plans,
        changed,
        &gathered.unread,
        &entered,
    );
    clock.lap("collect");
    outcome.phases = clock.laps;
    outcome.read = read;
    Ok(outcome)
}

impl Workspace {
    /// Checks the reports as they stand, linting `changed` (and the
    /// later periods that depend on them).
    pub fn check(
        &self,
        plans: &Plans,
        opts: &CheckOptions,
        changed: &BTreeSet<String>,
    ) -> Result<Outcome, Fatal> {
        self.check_with(plans, opts, changed, &HashSet::new(), &[])
    }

    /// Checks the reports as they stand as a full check does: every
    /// report of the data root, or the files named (and standard input).
    pub fn check_all(&self, plans: &Plans, opts: &CheckOptions) -> Result<Outcome, Fatal> {
        self.check_some(plans, opts, None, &HashSet::new(), &[])
    }

    /// Checks the reports with the files of `removed` left out and those of
    /// `added` (display path, loaded from other bytes) in their place,
    /// linting `changed`; the files under the data root that are not read
    /// (PL110) are not reported: they are the working tree's, not this
    /// version's.
    pub fn check_with(
        &self,
        plans: &Plans,
        opts: &CheckOptions,
        changed: &BTreeSet<String>,
        removed: &HashSet<String>,
        added: &[(String, Loaded)],
    ) -> Result<Outcome, Fatal> {
        self.check_some(plans, opts, Some(changed), removed, added)
    }

    /// [`Workspace::check_with`], linting `changed`, or with none what a full check lints.
    fn check_some(
        &self,
        plans: &Plans,
        opts: &CheckOptions,
        changed: Option<&BTreeSet<String>>,
        removed: &HashSet<String>,
        added: &[(String, Loaded)],
    ) -> Result<Outcome, Fatal> {
        let mut entries: Vec<(&str, &Loaded)> = (self.files())
            .filter(|(shown, _)| !removed.contains(*shown))
            .chain(added.iter().map(|(shown, l)| (shown.as_str(), l)))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut context = self.gathered.context();
        if !removed.is_empty() || !added.is_empty() {
            context.unread = &[];
        }
        let mut clock = Clock::start();
        let (mut outcome, flags) =
            engine(plans, opts, changed, &context, &entries, &mut clock, true)?;
        let linted = (entries.par_iter().zip(&flags))
            .filter(|(_, f)| f.linted)
            .map(|((_, l), _)| *l);
        let entered = entered_requirements(plans, opts, changed, linted);
        outcome.reports = (entries.iter().zip(flags))
            .filter(|(_, f)| f.linted)
            .filter_map(|((shown, l), _)| {
                let r = l.report.as_ref()?;
                let info = ReportInfo {
                    plan: r.plan_id().unwrap_or_default().to_string(),
                    department: r.department().unwrap_or_default().to_string(),
                    period: r.period().unwrap_or_default(),
                    indicators: (r.indicators.iter())
                        .map(|e| e.id.value.to_string())
                        .collect(),
                };
                Some((shown.to_string(), info))
            })
            .collect();
        finish(&mut outcome, opts, plans, changed, context.unread, &entered);
        clock.lap("collect");
        outcome.phases = clock.laps;
        outcome.read = (
            self.gathered.loaded.len(),
            self.gathered.history_paths.len(),
        );
        Ok(outcome)
    }
}

/// The check itself over loaded reports (display path, file) in path
/// order: the history, the fixed checks and the plan's rules of the linted
/// ones. The outcome's `reports` are left to the caller, with whether each
/// entry was linted.
fn engine(
    plans: &Plans,
    opts: &CheckOptions,
    changed: Option<&BTreeSet<String>>,
    context: &Context,
    loaded: &[(&str, &Loaded)],
    clock: &mut Clock,
    keep_record: bool,
) -> Result<(Outcome, Vec<Place>), Fatal> {
    let Context {
        unread: _,
        root_shown,
        root_exists,
        history_paths,
        named,
        stdin_name,
    } = *context;
    let in_root = |shown: &str| root_exists && under(root_shown, shown);
    // The paths linted, borrowed (a full check lints every report: a copy of
    // each path was 7 MB at 100,000 reports).
    let full = is_full(changed, opts);
    let named_shown: Vec<String> = match changed.is_none() && !full {
        true => (named.iter())
            .map(|p| crate::syntax::paths::display(p))
            .chain(stdin_name.map(|n| crate::syntax::paths::display(Path::new(n))))
            .collect(),
        false => Vec::new(),
    };
    // A set by hash: every loaded report asks it, and a tree of 100,000
    // paths compared each with seventeen of them.
    let mut linted: Set<&str> = match changed {
        Some(c) => c.iter().map(String::as_str).collect(),
        None if full => (history_paths.iter()).map(|r| r.shown.as_str()).collect(),
        None => named_shown.iter().map(String::as_str).collect(),
    };

    if changed.is_some() {
        // Later periods of a changed report's department are judged against
        // it. Only reports in the data root are added: never drafts, so the
        // history below does not depend on them.
        let changed_keys: Vec<ReportKey> = loaded
            .iter()
            .filter(|(shown, _)| linted.contains(*shown))
            .filter_map(|(_, l)| report_key(l.report.as_ref()?))
            .collect();
        for (shown, l) in loaded {
            let Some(k) = l.report.as_ref().and_then(report_key) else {
                continue;
            };
            if in_root(shown) && changed_keys.iter().any(|c| c.precedes(&k)) {
                linted.insert(shown);
            }
        }
        let loaded_paths: HashSet<&str> = loaded.iter().map(|(shown, _)| *shown).collect();
        linted.retain(|p| loaded_paths.contains(p));
    }
    // Whether each loaded report is linted, and whether it lies in the data
    // root: asked once each, not by every phase below.
    let flags: Vec<Place> = loaded
        .par_iter()
        .map(|(shown, _)| Place {
            linted: linted.contains(*shown),
            in_root: in_root(shown),
        })
        .collect();

    // History: data-root reports, with drafts named outside the root standing in
    // for the stored report of the same plan, department and period.
    let drafts: FastMap<ReportKey, &str> = (loaded.iter().zip(&flags))
        .filter(|(_, f)| f.linted && !f.in_root)
        .filter_map(|((shown, l), _)| Some((report_key(l.report.as_ref()?)?, *shown)))
        .collect();
    // The reports that count, with their keys, in path order (found in
    // parallel: reading ten thousand reports' fields is cache misses).
    let counted: Vec<(&Report, Option<&CatalogPositions>, Option<ReportKey>)> = (loaded.par_iter())
        .zip(&flags)
        .filter_map(|((shown, l), f)| {
            let r = l.report.as_ref()?;
            let k = report_key(r);
            let counts = if f.in_root {
                in_record(root_shown, shown, r)
                    && k.as_ref().is_none_or(|k| !drafts.contains_key(k))
            } else {
                f.linted
            };
            counts.then_some((r, l.catalog.as_ref(), k))
        })
        .collect();
    let history = History::build_at(
        &plans.0,
        counted.iter().filter_map(|&(r, c, _)| Some((r, c?))),
    );
    // The reports that share a (plan, department, period), each group in
    // path order: found by hash (sorting 100,000 keys compared their strings
    // a million times), and only the groups of two or more are kept.
    let mut first: FastMap<ReportKey, &Report> = FastMap::default();
    first.reserve(counted.len());
    let mut shared: BTreeMap<ReportKey, Vec<&Report>> = BTreeMap::new();
    for &(r, _, k) in &counted {
        let Some(k) = k else { continue };
        match first.entry(k) {
            std::collections::hash_map::Entry::Occupied(e) => {
                shared.entry(k).or_insert_with(|| vec![*e.get()]).push(r);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(r);
            }
        }
    }
    clock.lap("history");

    // PL107: two reports for the same department and period. Each of them is
    // flagged, pointing at the other, so linting either file shows it.
    let mut duplicates: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for (key, reports) in &shared {
        for (path, d) in duplicate_findings(key.department, key.period, reports) {
            duplicates.entry(path).or_default().push(d);
        }
    }

    // A bug's message boxed: the vector holds an entry per linted report.
    let check_one = |(shown, l): &(&str, &Loaded), place: &Place| {
        if let Some(e) = &l.internal_error {
            return Err(e.clone());
        }
        isolate(shown, || {
            test_hook::maybe_panic(shown);
            let mut diags = l.diagnostics.clone();
            if let Some(r) = &l.report {
                let at = Where {
                    catalog: l.catalog.as_ref(),
                    in_data_root: place.in_root,
                    rules: |_| true,
                };
                check_report_at(plans, r, at, &history, opts, &mut diags);
            }
            // A copy of the report on record is PL108 alone (its PL107 folded).
            if let Some(d) = duplicates.get(*shown).filter(|_| !copy_of_record(&diags)) {
                diags.extend(d.iter().cloned());
            }
            apply_severity_overrides(plans, l.report.as_ref(), opts, &mut diags);
            diags
        })
        .map_err(Box::new)
    };
    let linted_at: Vec<usize> = (0..loaded.len()).filter(|&i| flags[i].linted).collect();
    let results = in_department_order(
        &linted_at,
        |i| loaded[i].0,
        |i| check_one(&loaded[i], &flags[i]),
    );
    clock.lap("rules");
    let mut outcome = Outcome {
        files: linted.len(),
        ..Outcome::default()
    };
    // The record is what a pull request may not lose (PL402): only its
    // driver asks (a copy of every report's plan and department, 15 MB at
    // 100,000 reports, at the check's peak).
    if keep_record {
        outcome.record = (first.keys())
            .map(|k| (k.plan.to_string(), k.department.to_string(), k.period))
            .collect();
    }
    for r in results {
        match r {
            Ok(d) => outcome.diagnostics.extend(d),
            Err(e) => outcome.internal_errors.push(*e),
        }
    }
    Ok((outcome, flags))
}

/// Whether a check lints every report of the data root: neither a pull
/// request's changes nor files named.
fn is_full(changed: Option<&BTreeSet<String>>, opts: &CheckOptions) -> bool {
    changed.is_none() && opts.inputs.is_empty() && opts.stdin.is_none()
}

/// Sets hashed with foldhash: every indicator of every report asks.
type Set<T> = HashSet<T, foldhash::fast::RandomState>;

/// A requirement's key by positions: the plan's among the plans, the
/// period, the target's in the catalog.
type RequirementKey = (usize, i32, u32);

/// The register's requirements, by the positions a report's entries have
/// already been looked up at (PL503 asks whether a report of each one's plan
/// and period states its target: at 100,000 reports, two million entries,
/// which asked by their id strings took a tenth of a second, 26 times as
/// long as at 10,000).
struct RequirementKeys(Set<RequirementKey>);

impl RequirementKeys {
    fn of(register: &crate::load::decisions::Register, plans: &Plans) -> Self {
        use crate::load::decisions::DecisionKind;
        RequirementKeys(
            (register.of_kind(DecisionKind::Requirement))
                .filter_map(|d| requirement_key(plans, &d.plan, d.period, d.target.as_deref()?))
                .collect(),
        )
    }
    /// The requirements whose target one of the reports states.
    fn entered<'r>(
        &self,
        plans: &Plans,
        reports: impl ParallelIterator<Item = &'r Loaded>,
    ) -> Set<RequirementKey> {
        if self.0.is_empty() {
            return Set::default();
        }
        let keys = |l: &'r Loaded| -> Vec<RequirementKey> {
            let (Some(r), Some(positions)) = (&l.report, &l.catalog) else {
                return Vec::new();
            };
            let plan = r
                .plan_id()
                .and_then(|id| plans.0.iter().position(|p| p.id() == id));
            let (Some(plan), Some(period)) = (plan, r.period()) else {
                return Vec::new();
            };
            (positions.indicators().flatten())
                .filter_map(|i| Some((plan, period, u32::try_from(i).ok()?)))
                .filter(|k| self.0.contains(k))
                .collect()
        };
        reports.flat_map_iter(keys).collect()
    }
}

/// A requirement's key, when its plan is loaded and its target in the
/// catalog (the register's loading makes sure of both).
fn requirement_key(plans: &Plans, plan: &str, period: i32, target: &str) -> Option<RequirementKey> {
    let at = plans.0.iter().position(|p| p.id() == plan)?;
    let target = plans.0[at].indicator_position(target)?;
    Some((at, period, u32::try_from(target).ok()?))
}

/// The register's requirements whose target one of the linted reports
/// states: asked only in a full check, whose PL503 reports the others.
fn entered_requirements<'l>(
    plans: &Plans,
    opts: &CheckOptions,
    changed: Option<&BTreeSet<String>>,
    linted: impl ParallelIterator<Item = &'l Loaded>,
) -> Set<RequirementKey> {
    match is_full(changed, opts) {
        true => RequirementKeys::of(&opts.decisions, plans).entered(plans, linted),
        false => Set::default(),
    }
}

/// The end of a check, once the outcome has its reports: the files not
/// read, stale decisions, released suppressions, and the order.
fn finish(
    outcome: &mut Outcome,
    opts: &CheckOptions,
    plans: &Plans,
    changed: Option<&BTreeSet<String>>,
    unread: &[Diagnostic],
    entered: &Set<RequirementKey>,
) {
    // In a full check every report is here: a decision that matches
    // nothing is stale (PL503), and could cover the next real finding.
    // Every check says which files under the data root are not read.
    outcome.diagnostics.extend(unread.iter().cloned());
    if is_full(changed, opts) {
        let stale = unused_decisions(&opts.decisions, plans, outcome, entered);
        outcome.diagnostics.extend(stale);
    }
    let released = restore_released(&outcome.diagnostics);
    outcome.diagnostics.extend(released);
    diagnostic::sort(&mut outcome.diagnostics);
}

/// PL107 for each of two or more reports of one department and period
/// (given in path order), by the path of the report it is on: each is
/// flagged, pointing at the others, so linting either file shows it.
fn duplicate_findings(dept: &str, period: i32, reports: &[&Report]) -> Vec<(String, Diagnostic)> {
    let mut out = Vec::new();
    let dept_loc = |r: &Report| {
        r.department.as_ref().map_or_else(
            || Location::file_start(&r.source),
            |d| Location::at(&r.source, d.span),
        )
    };
    // The report in its period's folder is the one on record; one in
    // another year's folder is a copy made for that year.
    let in_place = |r: &Report| {
        crate::load::workspace::folder_year(&r.source.path).is_none_or(|y| y == period)
    };
    let on_record: Vec<&str> = (reports.iter())
        .filter(|r| in_place(r))
        .map(|r| r.source.path.as_str())
        .collect();
    for (i, r) in reports.iter().enumerate() {
        let role = match (in_place(r), on_record.as_slice()) {
            (true, [_]) => DuplicateRole::OnRecord {
                copies: (reports.iter())
                    .filter(|o| !in_place(o))
                    .map(|o| o.source.path.clone())
                    .collect(),
            },
            (false, [kept]) => DuplicateRole::Copy {
                on_record: kept.to_string(),
                folder: crate::load::workspace::folder_year(&r.source.path).unwrap_or(period),
            },
            _ => DuplicateRole::Unclear,
        };
        let others: Vec<&&Report> = reports
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, o)| o)
            .collect();
        let mut d = Diagnostic::new(
            Code::PL107,
            Severity::Error,
            dept_loc(r),
            ReportMsg::DuplicateReport {
                department: dept.to_string(),
                count: reports.len(),
                period,
                paths: reports.iter().map(|o| o.source.path.clone()).collect(),
                role,
            },
        )
        .node_path("/department");
        for o in others {
            d = d.related(dept_loc(o), Note::AnotherReport { period });
        }
        out.push((r.source.path.clone(), d));
    }
    out
}

/// PL503 for each decision of the register that matches nothing in a full
/// check: a suppression that suppressed no finding, a revision or a
/// requirement with no report (or no entry) it is about.
fn unused_decisions(
    register: &crate::load::decisions::Register,
    plans: &Plans,
    outcome: &Outcome,
    entered: &Set<RequirementKey>,
) -> Vec<Diagnostic> {
    use crate::load::decisions::DecisionKind;
    if register.is_empty() {
        return Vec::new();
    }
    let used: Set<&str> = (outcome.diagnostics.iter())
        .filter_map(|d| d.decision.as_deref())
        .collect();
    // The reports by (plan, department, period), asked of them once.
    let reported: Set<(&str, &str, i32)> = (outcome.reports.values())
        .map(|r| (r.plan.as_str(), r.department.as_str(), r.period))
        .collect();
    (register.decisions.iter())
        .filter(|d| match d.kind {
            DecisionKind::Suppression => !used.contains(d.id.as_str()),
            DecisionKind::Revision => !reported.contains(&(
                d.plan.as_str(),
                d.department.as_deref().unwrap_or_default(),
                d.period,
            )),
            DecisionKind::Requirement => (d.target.as_deref())
                .and_then(|t| requirement_key(plans, &d.plan, d.period, t))
                .is_none_or(|k| !entered.contains(&k)),
        })
        .map(crate::load::decisions::unused)
        .collect()
}

/// Reads again the released texts that findings point into (see
/// [`SourceFile::released`]), in parallel and before any reporter needs
/// them, while every file a check read is still there. A file that is no
/// longer the text that was checked gets a PL001: its findings refer to what
/// was read, which can no longer be shown.
fn restore_released(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    let mut released: BTreeMap<&str, &Source> = BTreeMap::new();
    for d in diagnostics {
        let locations = std::iter::once(&d.location).chain(d.related.iter().map(|r| &r.location));
        for s in locations.filter_map(|l| l.source.as_ref()) {
            if s.is_released() {
                released.entry(s.path.as_str()).or_insert(s);
            }
        }
    }
    released
        .into_par_iter()
        .filter(|(_, s)| !s.intact())
        .map(|(path, _)| pl001_file(Location::path_only(path), FileMsg::ChangedWhileChecked))
        .collect()
}

/// A report's plan, department and period: two reports of the same key
/// are duplicates, and a draft stands in for the stored report of its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct ReportKey<'r> {
    plan: &'r str,
    department: &'r str,
    period: i32,
}

/// `check` of each report `indices` names, run a department's reports side
/// by side, their years in order (by file name, then path), and the results
/// in the order of `indices`. A department's reports share their catalog
/// entries, and each later year's verdicts read the earlier ones: checked
/// one after another they are still in the cache, where in path order — a
/// year at a time — the rest of the catalog came between them (at 100,000
/// reports, 95,000 indicators): the rules there took 700-780 ms, 520-540 so.
pub fn in_department_order<'a, T: Send>(
    indices: &[usize],
    path: impl Fn(usize) -> &'a str + Sync,
    check: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    let file_name = |i: usize| path(i).rsplit('/').next().unwrap_or_default();
    let mut order: Vec<usize> = (0..indices.len()).collect();
    order.par_sort_unstable_by_key(|&k| (file_name(indices[k]), k));
    let checked: Vec<(usize, T)> = (order.par_iter())
        .map(|&k| (k, check(indices[k])))
        .collect();
    let mut results: Vec<Option<T>> = (0..indices.len()).map(|_| None).collect();
    for (k, t) in checked {
        results[k] = Some(t);
    }
    results.into_iter().flatten().collect()
}

impl ReportKey<'_> {
    /// Whether `later` is a later period's report of the same plan and department.
    fn precedes(&self, later: &ReportKey) -> bool {
        self.plan == later.plan && self.department == later.department && self.period < later.period
    }
}

fn report_key(r: &Report) -> Option<ReportKey<'_>> {
    Some(ReportKey {
        plan: r.plan_id()?,
        department: r.department()?,
        period: r.period()?,
    })
}

/// The fixed checks, the plan's rules and the suppressions of one report,
/// with its entries' catalog positions in the plan it names when they were
/// looked up already ([`crate::model::plan::Plan::positions_of`]).
pub fn check_report(
    plans: &Plans,
    report: &Report,
    catalog: Option<&CatalogPositions>,
    history: &History,
    opts: &CheckOptions,
    out: &mut Vec<Diagnostic>,
) {
    let at = Where {
        catalog,
        in_data_root: true,
        rules: |_| true,
    };
    check_report_at(plans, report, at, history, opts, out);
}

/// [`check_report`] without the plan's rules on projects, whose findings
/// are never on an indicator's entry: the findings `status` shows beside
/// each figure.
pub fn check_report_indicators(
    plans: &Plans,
    report: &Report,
    catalog: Option<&CatalogPositions>,
    history: &History,
    opts: &CheckOptions,
    out: &mut Vec<Diagnostic>,
) {
    let at = Where {
        catalog,
        in_data_root: true,
        rules: |code| code.meta().subject != Subject::Project,
    };
    check_report_at(plans, report, at, history, opts, out);
}

/// What a check knows of a report besides its content: its entries'
/// catalog positions if looked up already, whether it lies in the data
/// root (a draft outside it is exempt from PL108), and which of the plan's
/// rules it runs.
#[derive(Clone, Copy)]
struct Where<'a> {
    catalog: Option<&'a CatalogPositions>,
    in_data_root: bool,
    rules: fn(Code) -> bool,
}

/// [`check_report`] of a report whose entries' catalog positions in the
/// plan it names may have been looked up already.
fn check_report_at(
    plans: &Plans,
    report: &Report,
    at: Where<'_>,
    history: &History,
    opts: &CheckOptions,
    out: &mut Vec<Diagnostic>,
) {
    let Some(plan) = rules::reference::check_plan(plans, report, out) else {
        return;
    };
    let looked_up;
    let catalog = match at.catalog {
        Some(c) => c,
        None => {
            looked_up = plan.positions_of(report);
            &looked_up
        }
    };
    rules::reference::check(
        plans,
        plan,
        report,
        catalog,
        opts.today,
        at.in_data_root,
        out,
    );
    // Last year's report copied to this year's place with `period` left:
    // its figures are judged for no year, and PL108 says the one fix.
    if copy_of_record(out) {
        return;
    }
    let mut findings = Vec::new();
    let register = &opts.decisions;
    let context = rules::Context {
        register,
        today: opts.today,
    };
    rules::run_plan_rules_of(
        plan,
        report,
        catalog,
        history,
        context,
        at.rules,
        &mut findings,
    );
    rules::unit_slip::fold(&mut findings);
    rules::suppression::apply(plan, report, register, &mut findings, out);
    out.extend(findings);
    fold_misspelt_ids(out);
}

/// Whether the findings hold PL108 on a report whose `period` is that of
/// the report on record in another year's folder: a copy of it.
fn copy_of_record(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| {
        matches!(
            &d.msg,
            crate::diagnostics::messages::Msg::Report(ReportMsg::PathYear {
                on_record: Some(_),
                ..
            })
        )
    })
}

/// One cause, one finding: a misspelt indicator id whose did-you-mean is
/// an indicator the report then lacks is PL101 alone — the missing
/// indicator's PL208 would have the clerk add a second entry.
fn fold_misspelt_ids(out: &mut Vec<Diagnostic>) {
    use crate::diagnostics::messages::{IndicatorHint, Msg};
    let meant: Vec<String> = (out.iter())
        .filter_map(|d| match &d.msg {
            Msg::Report(ReportMsg::UnknownIndicator {
                hint: IndicatorHint::Closest { id, .. } | IndicatorHint::Name { id },
                ..
            }) => Some(id.clone()),
            _ => None,
        })
        .collect();
    if !meant.is_empty() {
        out.retain(|d| {
            d.code != Code::PL208 || !d.target.as_ref().is_some_and(|t| meant.contains(t))
        });
    }
}

fn apply_severity_overrides(
    plans: &Plans,
    report: Option<&Report>,
    opts: &CheckOptions,
    diags: &mut [Diagnostic],
) {
    if opts.severity.is_empty() {
        return;
    }
    let plan = report.and_then(|r| plans.get(r.plan_id()?));
    for d in diags {
        if let Some(sev) = opts.severity.get(d.code.as_str()) {
            let suppressible = plan.is_none_or(|p| {
                let mut entries = p.rules_for(d.code).peekable();
                entries.peek().is_none() || entries.all(|r| r.entry.suppressible)
            });
            if suppressible {
                d.severity = *sev;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::messages::IndicatorMsg;
    use crate::load::workspace::reports_under;
    use crate::syntax::source::SourceFile;
    use crate::syntax::yaml::Span;

    /// A path is under the root only past a separator: a sibling whose name
    /// starts with the root's is not, nor is the root itself.
    #[test]
    fn under_the_data_root_means_past_a_separator() {
        assert!(under(".", "a.yaml"));
        assert!(under("progress", "progress/2023/a.yaml"));
        assert!(under("/data/progress", "/data/progress/a.yaml"));
        assert!(!under("progress", "progress-old/2023/a.yaml"));
        assert!(!under("progress", "progress"));
        assert!(!under("progress", "other/progress/a.yaml"));
    }

    /// The walk lists reports in the order of `Path`'s comparison, which
    /// is not the order of the paths' text (`a/b` before `a-b`).
    #[test]
    fn reports_are_listed_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in ["a", "a/z", "a.yaml.d", "b.yaml"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            "a-b.yaml",
            "a.yaml",
            "a/b.yaml",
            "a/z/c.yml",
            "a/B.yaml",
            "a.yaml.d/x.yaml",
            "b.yaml/y.yaml",
            "B.yaml",
            "a/notes.txt",
            "南.yaml",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        let listed = reports_under(root);
        let mut sorted = listed.clone();
        sorted.sort();
        assert_eq!(listed, sorted);
        let names: Vec<_> = (listed.iter())
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            names,
            [
                "B.yaml",
                "a/B.yaml",
                "a/b.yaml",
                "a/z/c.yml",
                "a-b.yaml",
                "a.yaml",
                "a.yaml.d/x.yaml",
                "b.yaml",
                "b.yaml/y.yaml",
                "南.yaml",
            ]
        );
    }

    /// A finding in a file that changed after it was loaded is kept, and the
    /// file gets a PL001 saying its findings refer to the text as read;
    /// unchanged files and kept texts get nothing.
    #[test]
    fn a_file_changed_during_the_check_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
        let text = "period: 2023\n";
        std::fs::write(&a, text).unwrap();
        std::fs::write(&b, text).unwrap();
        let finding = |source: Source| {
            Diagnostic::new(
                Code::PL104,
                Severity::Error,
                Location::at(&source, Span::new(0, 6)),
                IndicatorMsg::BindingPending {
                    ind: crate::diagnostics::messages::Ind {
                        name: "空气质量优良率".into(),
                        id: "I14".into(),
                        unit: "%".into(),
                    },
                },
            )
        };
        let changed = SourceFile::released("a.yaml", &a, text);
        let unchanged = SourceFile::released("b.yaml", &b, text);
        let kept = SourceFile::new("c.yaml", text);
        std::fs::write(&a, "period: 2024\n").unwrap();
        let diagnostics = vec![
            finding(changed.clone()),
            finding(unchanged).related(Location::at(&changed, Span::new(0, 6)), Note::FirstDefined),
            finding(kept),
        ];
        let extra = restore_released(&diagnostics);
        assert_eq!(extra.len(), 1, "{extra:?}");
        assert_eq!(extra[0].code, Code::PL001);
        assert_eq!(extra[0].location.path, "a.yaml");
        assert_eq!(
            extra[0].message(crate::diagnostics::messages::Lang::En),
            crate::diagnostics::messages::Msg::from(FileMsg::ChangedWhileChecked)
                .message(crate::diagnostics::messages::Lang::En)
        );
    }
}

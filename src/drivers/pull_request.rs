//! `check --base REV`: pull-request mode. Lints the reports changed since
//! the merge-base of HEAD and REV (and the later periods that depend on
//! them) with the whole data root as history, checks that accepted reports
//! change only where the plan office's revision decisions allow (PL401) and
//! that no accepted (department, period) leaves the record (PL402), and
//! marks each finding new or unchanged against a check of the merge-base
//! itself.

use crate::diagnostics::diagnostic::{self, BaselineState};
use crate::diagnostics::messages::{Changed, Text};
use crate::drivers::git::{self, Change};
use crate::engine::check::Outcome;
use crate::engine::rules::history_integrity;
use crate::load::plan::{FilesAt, PlanDir};
use crate::load::workspace::CheckOptions;
use crate::load::workspace::Fatal;
use crate::load::workspace::Loaded;
use crate::load::workspace::Workspace;
use crate::load::workspace::{gather_as, in_record, load_file, place, place_stem, Focus, Gathered};
use crate::model::plan::Plans;
use crate::syntax::source::SourceFile;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

fn fatal(message: Text) -> Fatal {
    Fatal {
        message,
        diagnostics: Vec::new(),
    }
}

fn is_report(p: &str) -> bool {
    p.ends_with(".yaml") || p.ends_with(".yml")
}

/// A pull request's merge-base: the commit where HEAD and `--base REV`
/// diverged, its short form for messages, and the repository's top
/// directory. Found once per run; everything the pull request is judged by
/// is read from it.
#[derive(Clone, Debug)]
pub struct Base {
    pub commit: String,
    pub short: String,
    pub top: PathBuf,
}

impl Base {
    /// The merge-base of the repository the working folder is in.
    pub fn resolve(rev: &str) -> Result<Base, Text> {
        Base::resolve_in(Path::new("."), rev)
    }

    /// The merge-base of the repository `repo` (a folder of it) is in.
    pub fn resolve_in(repo: &Path, rev: &str) -> Result<Base, Text> {
        Base::resolve_with(repo, rev, None)
    }

    /// [`Base::resolve_in`], the repository's top directory given when it
    /// is known (one git process fewer).
    fn resolve_with(repo: &Path, rev: &str, top: Option<PathBuf>) -> Result<Base, Text> {
        Base::resolved(repo, rev, git::merge_base(repo, rev), top)
    }

    /// The base of `rev` from git's answer to the merge-base.
    fn resolved(
        repo: &Path,
        rev: &str,
        merge_base: Result<String, Result<crate::diagnostics::messages::NoMergeBase, Text>>,
        top: Option<PathBuf>,
    ) -> Result<Base, Text> {
        let base = |error| Text::Base {
            rev: rev.to_string(),
            error: Box::new(error),
        };
        let commit = merge_base.map_err(|e| {
            base(match e {
                Ok(why) => Text::NoMergeBase {
                    rev: rev.to_string(),
                    why,
                },
                Err(text) => text,
            })
        })?;
        let short = commit.chars().take(12).collect();
        let top = match top {
            Some(top) => top,
            None => git::toplevel(repo)?,
        };
        Ok(Base { commit, short, top })
    }

    /// The merge-base of HEAD and the branch the record is accepted on
    /// (`base` in plan-lint.toml) for the repository `dir` is in; else why
    /// there is none: `dir` is not in a git checkout, the branch is not
    /// fetched, the checkout is shallow.
    pub fn of_record(dir: &Path, rev: &str) -> Result<Base, Text> {
        // Both questions at once: a clerk's every check with `base` set
        // waits for them before it reads anything. git only reads here, so
        // the merge-base asked outside a checkout is just not used.
        let (top, merge_base) = std::thread::scope(|s| {
            let merge_base = s.spawn(|| git::merge_base(dir, rev));
            let top = git::toplevel(dir);
            (top, merge_base.join())
        });
        let Ok(top) = top else {
            return Err(Text::NotACheckout {
                dir: crate::syntax::paths::display(dir),
            });
        };
        let merge_base = merge_base.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Base::resolved(dir, rev, merge_base, Some(top)).map_err(|e| match e {
            Text::Base { error, .. } => *error,
            e => e,
        })
    }
}

/// Checks a pull request: the working tree's reports, loaded once (a
/// [`Workspace`]), linted where they changed; then the merge-base, as those
/// same reports with the changed files in their merge-base versions (read
/// from git in one batch, parsed in memory), for what it accepted and which
/// findings it already had.
pub fn run(plans: &Plans, opts: &CheckOptions, at: &Base) -> Result<Outcome, Fatal> {
    compare(plans, opts, at, false, None)
}

/// A full check that also compares the record with a merge-base (`base` in
/// plan-lint.toml, trust.md "The clerk's check sees what CI sees"): every
/// report (or the files named, and standard input) linted as a check
/// without `--base` lints them, with PL401/PL402 as a pull request would
/// get them; findings are not marked new or unchanged.
pub fn run_full(plans: &Plans, opts: &CheckOptions, at: &Base) -> Result<Outcome, Fatal> {
    compare(plans, opts, at, true, None)
}

/// [`run_full`] with the reports already gathered (found and read with
/// `opts`) and git asked ([`ask_early`]), both while the plans and the
/// register loaded.
pub fn run_full_gathered(
    plans: &Plans,
    opts: &CheckOptions,
    at: &Base,
    gathered: Gathered,
    early: EarlyAsk,
) -> Result<Outcome, Fatal> {
    compare(plans, opts, at, true, Some((gathered, early)))
}

/// What a full check asks git before it knows which departments' record it
/// reads ([`departments_to_ask`]): the changes at the places of the
/// departments its named files name (and those their record is judged
/// against), or, with no file named, the changes under the whole data root.
/// It needs neither the reports nor rayon's threads, so it runs on a thread
/// of its own while the reports are found and read.
pub struct EarlyAsk {
    asked: BTreeSet<String>,
    answer: Result<Asked, Text>,
    took: std::time::Duration,
}

/// What git answered a full check's early question.
enum Asked {
    /// About some departments' places.
    Places(AtPlaces),
    /// About the whole data root.
    Whole(Vec<Change>),
}

/// The departments a full check of `opts` asks git about before it has
/// read the record: those its named files' places name and those their
/// record is judged against; `None` for the whole record (no file named).
pub fn departments_to_ask(plans: &Plans, opts: &CheckOptions) -> Option<BTreeSet<String>> {
    (!opts.inputs.is_empty() || opts.stdin.is_some()).then(|| departments_named(plans, opts))
}

/// Asks git what a full check of `opts` needs from it, about these
/// departments ([`departments_to_ask`]).
pub fn ask_early(
    departments: Option<BTreeSet<String>>,
    opts: &CheckOptions,
    at: &Base,
) -> EarlyAsk {
    let started = std::time::Instant::now();
    let root_rel = git::repo_path(&at.top, &opts.data_root);
    let (asked, answer) = match departments {
        None => (
            BTreeSet::new(),
            git::changes(&at.top, &at.commit, &root_rel).map(Asked::Whole),
        ),
        Some(asked) => {
            let answer = AtPlaces::ask(at, &root_rel, &asked).map(Asked::Places);
            (asked, answer)
        }
    };
    EarlyAsk {
        asked,
        answer,
        took: started.elapsed(),
    }
}

fn compare(
    plans: &Plans,
    opts: &CheckOptions,
    at: &Base,
    full: bool,
    gathered: Option<(Gathered, EarlyAsk)>,
) -> Result<Outcome, Fatal> {
    let (base, short, top) = (&at.commit, &at.short, &at.top);
    let root_rel = git::repo_path(top, &opts.data_root);
    let shown = |rel: &str| crate::syntax::paths::display(&top.join(rel));
    let mut plain = opts.clone();
    if !full {
        plain.inputs.clear();
        plain.stdin = None;
    }
    // The driver's own phases for `--timings`, beside the loader's and the check's.
    let mut laps: Vec<(&'static str, std::time::Duration)> = Vec::new();
    let lap =
        |laps: &mut Vec<_>, name, since: std::time::Instant| laps.push((name, since.elapsed()));
    let (changes, work) = if full {
        // A full check reads the files named and their departments' record
        // (or all) and compares that with the merge-base: git is asked about
        // those departments' places only, never about another department's
        // changes, which the check has not read (they would look lost:
        // PL402). It is asked about the departments the named files' places
        // name (and those the plans add) while the data root is walked and
        // read (by another thread than rayon's, which the walk keeps busy);
        // which departments the check read is known once it is.
        let (gathered, early) = match gathered {
            Some(both) => both,
            None => std::thread::scope(|s| {
                let asked = departments_to_ask(plans, &plain);
                let early = s.spawn(|| ask_early(asked, &plain, at));
                let gathered = gather_as(&plain, Focus::Named);
                let early = early
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                gathered.map(|g| (g, early))
            })?,
        };
        let work = Workspace::of(gathered, plans, &plain);
        laps.push(("git: changes, beside the reading", early.took));
        let asked = std::time::Instant::now();
        let changes = match (&work.gathered.departments, early.answer) {
            (_, Err(e)) => Err(e),
            (Some(read), Ok(Asked::Places(places))) => {
                places.complete(at, &root_rel, &early.asked, read, &work)
            }
            (Some(read), Ok(Asked::Whole(_))) => {
                AtPlaces::default().complete(at, &root_rel, &BTreeSet::new(), read, &work)
            }
            (None, Ok(Asked::Whole(changes))) => Ok(changes),
            (None, Ok(Asked::Places(_))) => git::changes(top, base, &root_rel),
        };
        lap(&mut laps, "git: changes", asked);
        (changes.map_err(fatal)?, Some(work))
    } else {
        let asked = std::time::Instant::now();
        let changes = git::changes(top, base, &root_rel).map_err(fatal)?;
        lap(&mut laps, "git: changes", asked);
        (changes, None)
    };

    // Fail closed: every side git lists of a report-like path is one
    // plan-lint can name, and the merge-base's side is read (below) — never
    // a comparison skipped. (An added file has no merge-base side, a deleted
    // one no working side: new reports and PL402, as any.)
    for c in &changes {
        let sides = (c.before().map(|(p, _)| (p, Some(short.clone()))))
            .into_iter()
            .chain(c.after().map(|p| (p, None)));
        for (p, at) in sides {
            if p.is_report_like() && p.as_str().is_none() {
                return Err(fatal(Text::GitPathUnnamed {
                    path: p.escaped(),
                    at,
                }));
            }
        }
    }
    let name = |p: &git::GitPath| p.as_str().map(str::to_string);

    // What the pull request changes: the files now (linted), the files the
    // merge-base had in their place (read from git).
    let mut changed = BTreeSet::new();
    let mut replaced = HashSet::new();
    let mut at_base = Vec::new();
    for c in &changes {
        if let Some(p) = c.after().and_then(name).filter(|p| is_report(p)) {
            changed.insert(shown(&p));
            replaced.insert(shown(&p));
        }
        if let Some((p, oid)) = c
            .before()
            .filter(|(p, _)| p.as_str().is_some_and(is_report))
        {
            at_base.push(git::Blob {
                oid: oid.to_string(),
                path: p.clone(),
            });
        }
    }
    // A pull request is judged by its departments' record: the reports of
    // the departments whose places it touches (and those the plans' moved
    // responsibilities add).
    let work = match work {
        Some(work) => work,
        None => {
            let departments = (changes.iter())
                .flat_map(|c| c.before().map(|(p, _)| p).into_iter().chain(c.after()))
                .filter_map(name)
                .filter_map(|p| place_stem(Path::new(&p)).map(str::to_string))
                .collect();
            Workspace::load(plans, &plain, Focus::Departments(departments))?
        }
    };
    let mut outcome = if full {
        work.check_all(plans, &plain)?
    } else {
        work.check(plans, &plain, &changed)?
    };

    let asked = std::time::Instant::now();
    let blobs = git::blobs(top, base, &at_base).map_err(fatal)?;
    lap(&mut laps, "git: merge-base reports", asked);
    let compared = std::time::Instant::now();
    let mut base_text: HashMap<String, Vec<u8>> = (blobs.into_iter())
        .filter_map(|(p, b)| Some((shown(p.as_str()?), b)))
        .collect();
    // Standard input stands for a file (an editor's unsaved text): where
    // git sees that file unchanged, the file on disk is the merge-base's.
    if let Some((name, _)) = plain.stdin.as_ref().filter(|_| full) {
        let name_shown = crate::syntax::paths::display(Path::new(name));
        if !replaced.contains(&name_shown) && is_report(&name_shown) {
            if let Ok(bytes) = std::fs::read(name) {
                base_text.insert(name_shown.clone(), bytes);
                replaced.insert(name_shown);
            }
        }
    }
    let base_files: Vec<(String, Loaded)> = {
        let mut files: Vec<(String, Loaded)> = (base_text.iter())
            .map(|(path, bytes)| {
                let mut l = load_file(
                    std::path::Path::new(path),
                    path.clone(),
                    Some(bytes.clone()),
                    plain.max_file_size,
                );
                l.catalog = crate::load::workspace::positions(plans, l.report.as_ref());
                (path.clone(), l)
            })
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
    };
    // The merge-base checked where the pull request's findings are: each
    // of them that the merge-base had is not new (a full check marks none).
    let base_fingerprints: Option<HashSet<_>> = if full {
        None
    } else {
        let mut lint_at_base = changed.clone();
        lint_at_base.extend(base_files.iter().map(|(p, _)| p.clone()));
        lint_at_base.extend(outcome.diagnostics.iter().map(|d| d.location.path.clone()));
        let base_outcome = work.check_with(plans, &plain, &lint_at_base, &replaced, &base_files)?;
        Some(
            base_outcome
                .diagnostics
                .iter()
                .map(|d| d.fingerprint())
                .collect(),
        )
    };

    // What the merge-base accepted: (plan, department, period) → its path there.
    let mut accepted: BTreeMap<(String, String, i32), String> = BTreeMap::new();
    let unchanged = work.files().filter(|(p, _)| !replaced.contains(*p));
    let at_merge_base = unchanged.chain(base_files.iter().map(|(p, l)| (p.as_str(), l)));
    // Only the record was accepted: reports at their places (trust.md version 3).
    let root_shown = work.gathered.root_shown.as_str();
    for (path, l) in at_merge_base {
        let Some(r) = (l.report.as_ref()).filter(|r| in_record(root_shown, path, r)) else {
            continue;
        };
        let (Some(plan), Some(dept)) = (r.plan_id(), r.department()) else {
            continue;
        };
        let key = (
            plan.to_string(),
            dept.to_string(),
            r.period().unwrap_or_default(),
        );
        match accepted.entry(key) {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(path.to_string());
            }
            std::collections::btree_map::Entry::Occupied(mut e) => {
                if path < e.get().as_str() {
                    e.insert(path.to_string());
                }
            }
        }
    }

    // History integrity: no accepted (department, period) leaves the
    // record, whatever removed it (PL402); an accepted report changes only
    // in the entries a revision decision lists (PL401).
    let mut integrity = Vec::new();
    for (key, path) in &accepted {
        if !outcome.record.contains(key) {
            integrity.push(history_integrity::deleted(path, short));
        }
    }
    let accepted_paths: HashSet<&str> = accepted.values().map(String::as_str).collect();
    for c in &changes {
        if let Change::Deleted { path: p, .. } = c {
            let Some(p) = name(p) else {
                continue;
            };
            let p = shown(&p);
            // A report the merge-base could not read has no key: its place
            // tells (a stray file elsewhere may go: it never was the record).
            let at_place = place(root_shown, &p).is_some();
            if at_place && !accepted_paths.contains(p.as_str()) && base_text.contains_key(&p) {
                integrity.push(history_integrity::deleted(&p, short));
            }
        }
    }
    // The working tree's reports by path; a text is read only where it is compared.
    let now_files: HashMap<&str, &Loaded> = work.files().collect();
    let now_text = |p: &str| Some(now_files.get(p)?.report.as_ref()?.source.text());
    for (path, info) in &outcome.reports {
        let key = (info.plan.clone(), info.department.clone(), info.period);
        let Some(base_path) = accepted.get(&key) else {
            continue;
        };
        // The merge-base's version: from git where the pull request changed
        // it, else the file as it stands (the same bytes).
        let before = match base_text.get(base_path) {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None if base_path == path => continue,
            None => match now_text(base_path) {
                Some(t) => t.to_string(),
                None => continue,
            },
        };
        let Some(now) = now_text(path) else {
            continue;
        };
        let allowed = history_integrity::Allowed {
            revisions: (opts.decisions)
                .revisions(&info.plan, &info.department, info.period)
                .collect(),
        };
        let current = SourceFile::new(path.clone(), now.to_string());
        integrity.extend(history_integrity::rewritten(
            &current,
            &before,
            &format!("{base_path}@{short}"),
            &allowed,
        ));
    }
    if let Some(base_fingerprints) = &base_fingerprints {
        // What the walk of the data root found (PL108, PL110) on a path the
        // pull request did not add or change was there before it: unchanged,
        // so one stray file on main never blocks every department's pull
        // request (trust.md version 3).
        let touched: HashSet<String> = (changes.iter())
            .filter_map(|c| c.after().and_then(name))
            .map(|p| shown(&p))
            .collect();
        let walk: HashSet<_> = (work.gathered.unread.iter())
            .filter(|d| !touched.contains(&d.location.path))
            .map(|d| d.fingerprint())
            .collect();
        for d in &mut outcome.diagnostics {
            let fingerprint = d.fingerprint();
            let before = base_fingerprints.contains(&fingerprint) || walk.contains(&fingerprint);
            d.baseline_state = Some(if before {
                BaselineState::Unchanged
            } else {
                BaselineState::New
            });
        }
    }
    for mut d in integrity {
        d.baseline_state = base_fingerprints.as_ref().map(|_| BaselineState::New);
        outcome.diagnostics.push(d);
    }
    diagnostic::sort(&mut outcome.diagnostics);
    lap(&mut laps, "merge-base, history integrity", compared);
    outcome.phases = (work.gathered.clock.laps.iter().copied())
        .chain(laps)
        .chain(outcome.phases)
        .collect();
    Ok(outcome)
}

/// The departments a full check's named files (and standard input) name by
/// their places, and those their record is judged against: the departments
/// git is asked about before the check knows which it read.
fn departments_named(plans: &Plans, opts: &CheckOptions) -> BTreeSet<String> {
    let stems: BTreeSet<&str> = (opts.inputs.iter().map(Path::new))
        .chain(opts.stdin.as_ref().map(|(n, _)| Path::new(n)))
        .filter_map(place_stem)
        .collect();
    if stems.is_empty() {
        return BTreeSet::new();
    }
    crate::load::workspace::judged_against(plans, &stems)
}

/// What git says of some departments' places under the data root: the
/// changes from the merge-base to the working tree there (`git diff`), and
/// the files it tracks there. Nothing else of the root is asked about, so
/// that git never lists another department's files.
#[derive(Default)]
struct AtPlaces {
    changes: Vec<Change>,
    tracked: Vec<git::GitPath>,
}

impl AtPlaces {
    fn ask(at: &Base, root_rel: &str, departments: &BTreeSet<String>) -> Result<AtPlaces, Text> {
        if departments.is_empty() {
            return Ok(AtPlaces::default());
        }
        let specs: Vec<String> = (departments.iter())
            .flat_map(|d| git::department_places(root_rel, d))
            .collect();
        let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
        Ok(AtPlaces {
            changes: git::tracked_changes(&at.top, &at.commit, &specs)?,
            tracked: git::tracked(&at.top, &specs)?,
        })
    }

    /// The changes at the places of the departments a check read (`read`),
    /// git having been asked about `asked`: the departments read but not
    /// asked about are asked now; what lies at another department's place
    /// is left out (of a move, the other side stands as a deletion or an
    /// addition); and the untracked files among the places the walk found
    /// are added (git is asked only about the files at a place that it
    /// does not track, so that it never lists a year's folder of other
    /// departments' files).
    fn complete(
        mut self,
        at: &Base,
        root_rel: &str,
        asked: &BTreeSet<String>,
        read: &BTreeSet<String>,
        work: &Workspace,
    ) -> Result<Vec<Change>, Text> {
        let more: BTreeSet<String> = read.difference(asked).cloned().collect();
        let late = AtPlaces::ask(at, root_rel, &more)?;
        self.changes.extend(late.changes);
        self.tracked.extend(late.tracked);
        // A name plan-lint cannot represent stays, for the fail-closed check.
        let ours = |p: &git::GitPath| match p.as_str() {
            None => true,
            Some(p) => place_stem(Path::new(p)).is_some_and(|d| read.contains(d)),
        };
        let mut changes: Vec<Change> = (self.changes.into_iter())
            .filter_map(|c| match c {
                Change::Renamed { from, oid, to } => match (ours(&from), ours(&to)) {
                    (true, true) => Some(Change::Renamed { from, oid, to }),
                    (true, false) => Some(Change::Deleted { path: from, oid }),
                    (false, true) => Some(Change::Added(to)),
                    (false, false) => None,
                },
                c => (c.before().map(|(p, _)| p).into_iter().chain(c.after()))
                    .any(ours)
                    .then_some(c),
            })
            .collect();
        // The departments' files at a place in the working tree that git
        // does not track, as git names them.
        let root_shown = work.gathered.root_shown.as_str();
        let tracked: HashSet<&[u8]> = self.tracked.iter().map(git::GitPath::bytes).collect();
        let untracked: Vec<String> = (work.files())
            .filter(|(shown, _)| place(root_shown, shown).is_some())
            .filter(|(shown, _)| place_stem(Path::new(shown)).is_some_and(|d| read.contains(d)))
            .map(|(shown, _)| git::repo_path(&at.top, Path::new(shown)))
            .filter(|p| !tracked.contains(p.as_bytes()))
            .map(|p| git::literal(&p))
            .collect();
        if !untracked.is_empty() {
            let specs: Vec<&str> = untracked.iter().map(String::as_str).collect();
            changes.extend(git::untracked(&at.top, &specs)?);
        }
        Ok(changes)
    }
}

/// What judges a pull request: the configuration and `--plan` directories as
/// they are at the merge-base (read from git into memory), and a PL403 for
/// each that the pull request changes.
pub struct BaseInputs {
    pub config: Option<crate::load::config::Config>,
    pub plan_dirs: Vec<PlanDir>,
    pub notices: Vec<crate::diagnostics::diagnostic::Diagnostic>,
}

pub fn base_inputs(
    at: &Base,
    config: Option<&std::path::Path>,
    plan_dirs: &[PathBuf],
) -> Result<BaseInputs, Text> {
    let (base, short, top) = (&at.commit, &at.short, &at.top);
    let mut notices = Vec::new();
    let mut cfg = None;
    // A configuration the pull request deletes still judges it: without
    // one in the working tree, the nearest one at the merge-base counts.
    let found_at_base;
    let config = match config {
        Some(p) => Some(p),
        None => {
            found_at_base = config_at_base(base, top);
            found_at_base.as_deref()
        }
    };
    if let Some(path) = config {
        let rel = git::repo_path(top, path);
        let shown = crate::syntax::paths::display(path);
        let now = std::fs::read(path).ok();
        match git::show(top, base, &rel) {
            Ok(bytes) => {
                if now.as_deref() != Some(bytes.as_slice()) {
                    notices.push(history_integrity::rules_changed(
                        &shown,
                        Changed::Config,
                        short,
                        now.is_some(),
                    ));
                }
                let source = SourceFile::new(
                    format!("{shown}@{short}"),
                    String::from_utf8_lossy(&bytes).into_owned(),
                );
                cfg = Some(crate::load::config::load_text(path, source).map_err(|d| {
                    Text::ConfigAtBase {
                        commit: short.clone(),
                        first: d.into_iter().next().map(|d| Box::new(d.msg)),
                    }
                })?);
            }
            Err(_) => notices.push(history_integrity::rules_changed(
                &shown,
                Changed::Config,
                short,
                now.is_some(),
            )),
        }
    }
    let mut dirs = Vec::new();
    let mut all_dirs = plan_dirs.to_vec();
    all_dirs.extend(cfg.iter().flat_map(|c| c.plans.iter().cloned()));
    for dir in &all_dirs {
        let rel = git::repo_path(top, dir);
        let files = files_at(at, &rel, |_| true)?;
        let shown_dir = crate::syntax::paths::display(dir);
        if files.is_empty() {
            // Missing at the merge-base means missing: never read from the
            // working tree, so a pull request cannot bring its own plan.
            notices.push(history_integrity::rules_changed(
                &shown_dir,
                Changed::PlanDirectory,
                short,
                dir.exists(),
            ));
            continue;
        }
        let mut at = FilesAt {
            dir: format!("{shown_dir}@{short}"),
            commit: short.clone(),
            files: HashMap::new(),
        };
        let prefix = format!("{}/", rel.trim_end_matches('/'));
        for (f, bytes) in &files {
            let bytes = bytes.clone();
            let now = std::fs::read(top.join(f)).ok();
            let mut shown_as = shown(top, f);
            if now.as_deref() != Some(bytes.as_slice()) {
                notices.push(history_integrity::rules_changed(
                    &shown_as,
                    Changed::PlanFile,
                    short,
                    now.is_some(),
                ));
                shown_as = format!("{shown_as}@{short}");
            }
            let name = f.strip_prefix(&prefix).unwrap_or(f).to_string();
            at.files.insert(name, (shown_as, bytes));
        }
        for f in crate::load::workspace::reports_under(dir) {
            let rel_now = git::repo_path(top, &f);
            if !files.iter().any(|(f, _)| *f == rel_now) {
                notices.push(history_integrity::rules_changed(
                    &crate::syntax::paths::display(&f),
                    Changed::PlanFile,
                    short,
                    true,
                ));
            }
        }
        dirs.push(PlanDir::At(at));
    }
    Ok(BaseInputs {
        config: cfg,
        plan_dirs: dirs,
        notices,
    })
}

/// The plan-lint.toml nearest the working directory as the merge-base has
/// it: the working directory's path in the repository, then its parents up
/// to the top.
fn config_at_base(base: &str, top: &std::path::Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let top_real = std::fs::canonicalize(top).unwrap_or_else(|_| top.to_path_buf());
    let cwd_real = std::fs::canonicalize(&cwd).unwrap_or(cwd);
    let mut dir = cwd_real.strip_prefix(&top_real).ok()?.to_path_buf();
    loop {
        let rel = dir.join(crate::load::config::FILE_NAME);
        let rel_git = rel.to_string_lossy().replace('\\', "/");
        if git::show(top, base, &rel_git).is_ok() {
            return Some(top_real.join(rel));
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// The files under `dir` (repository-relative) at the merge-base whose
/// names `keep`, with their bytes, sorted by name. A report-like name git
/// lists that plan-lint cannot represent stops the run (fail closed); a
/// blob git cannot give does too.
fn files_at(at: &Base, dir: &str, keep: fn(&str) -> bool) -> Result<Vec<(String, Vec<u8>)>, Text> {
    let mut wanted = Vec::new();
    for blob in git::files_at(&at.top, &at.commit, dir)? {
        match blob.path.as_str() {
            Some(name) if keep(name) => wanted.push(blob),
            Some(_) => {}
            None if blob.path.is_report_like() => {
                return Err(Text::GitPathUnnamed {
                    path: blob.path.escaped(),
                    at: Some(at.short.clone()),
                })
            }
            None => {}
        }
    }
    let blobs = git::blobs(&at.top, &at.commit, &wanted)?;
    let mut files: Vec<(String, Vec<u8>)> = (blobs.into_iter())
        .filter_map(|(p, b)| Some((p.as_str()?.to_string(), b)))
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

fn shown(top: &std::path::Path, rel: &str) -> String {
    crate::syntax::paths::display(&top.join(rel))
}

/// The decisions register of a pull request (trust.md): the files under
/// `dir` as they stand at the merge-base, which are applied, with a PL403
/// for each file the pull request changes, adds or deletes. A register
/// missing at the merge-base is empty, never read from the working tree.
pub struct BaseRegister {
    /// (path as shown, bytes) of each file at the merge-base.
    pub files: Vec<(String, Vec<u8>)>,
    pub notices: Vec<crate::diagnostics::diagnostic::Diagnostic>,
}

pub fn base_register(at: &Base, dir: &std::path::Path) -> Result<BaseRegister, Text> {
    let (short, top) = (&at.short, &at.top);
    let rel = git::repo_path(top, dir);
    let mut files = Vec::new();
    let mut notices = Vec::new();
    let mut at_base = BTreeSet::new();
    for (f, bytes) in files_at(at, &rel, is_report)? {
        let path = top.join(&f);
        let now = std::fs::read(&path).ok();
        let mut shown_as = crate::syntax::paths::display(&path);
        if now.as_deref() != Some(bytes.as_slice()) {
            notices.push(history_integrity::rules_changed(
                &shown_as,
                Changed::Register,
                short,
                now.is_some(),
            ));
            shown_as = format!("{shown_as}@{short}");
        }
        at_base.insert(crate::syntax::paths::normalize(&path));
        files.push((shown_as, bytes));
    }
    for f in crate::load::decisions::register_files(dir) {
        let abs =
            crate::syntax::paths::normalize(&std::env::current_dir().unwrap_or_default().join(&f));
        let real = std::fs::canonicalize(&f).unwrap_or(abs.clone());
        if !at_base.contains(&abs) && !at_base.contains(&real) {
            notices.push(history_integrity::rules_changed(
                &crate::syntax::paths::display(&f),
                Changed::Register,
                short,
                true,
            ));
        }
    }
    Ok(BaseRegister { files, notices })
}

/// The record as a merge-base holds it, read once for a long-running
/// client (the language server, trust.md "The clerk's check sees what CI
/// sees"): the bytes of every report at its place under the data root, by
/// path as shown, from one `git ls-tree` and one `git cat-file --batch`.
pub struct RecordAtBase {
    pub base: Base,
    files: HashMap<String, Vec<u8>>,
}

impl RecordAtBase {
    /// Reads the reports' places under `data_root` at the merge-base `base`.
    pub fn read(base: Base, data_root: &Path) -> Result<RecordAtBase, Text> {
        let root_rel = git::repo_path(&base.top, data_root);
        let root_shown = crate::syntax::paths::display(data_root);
        let shown = |rel: &str| crate::syntax::paths::display(&base.top.join(rel));
        let wanted: Vec<git::Blob> = git::files_at(&base.top, &base.commit, &root_rel)?
            .into_iter()
            .filter(|b| (b.path.as_str()).is_some_and(|p| place(&root_shown, &shown(p)).is_some()))
            .collect();
        let files = (git::blobs(&base.top, &base.commit, &wanted)?.into_iter())
            .filter_map(|(p, bytes)| Some((shown(p.as_str()?), bytes)))
            .collect();
        Ok(RecordAtBase { base, files })
    }

    /// PL401 for a report's text standing at `path` (as shown) where the
    /// merge-base has an accepted report of the same plan, department and
    /// period: what changed that no revision decision of `register` approves.
    pub fn rewritten(
        &self,
        register: &crate::load::decisions::Register,
        current: &crate::model::report::Report,
    ) -> Vec<crate::diagnostics::diagnostic::Diagnostic> {
        let path = current.source.path.as_str();
        let Some(bytes) = self.files.get(path) else {
            return Vec::new();
        };
        let before = String::from_utf8_lossy(bytes);
        let (Some(plan), Some(dept), Some(period)) =
            (current.plan_id(), current.department(), current.period())
        else {
            return Vec::new();
        };
        // The accepted report at this place is the same (department, period):
        // a report moved here from elsewhere is the walk's and PL402's matter.
        let Some(node) =
            crate::syntax::yaml::load(&before, 0, crate::syntax::yaml::Limits::default()).ok()
        else {
            return Vec::new();
        };
        let text = |k: &str| node.get(k).and_then(|n| n.as_str().map(str::to_string));
        let same_report = text("plan").as_deref() == Some(plan)
            && text("department").as_deref() == Some(dept)
            && node.get("period").and_then(|n| n.as_f64()) == Some(f64::from(period));
        if !same_report {
            return Vec::new();
        }
        let allowed = history_integrity::Allowed {
            revisions: register.revisions(plan, dept, period).collect(),
        };
        history_integrity::rewritten(
            &current.source,
            &before,
            &format!("{path}@{}", self.base.short),
            &allowed,
        )
    }
}

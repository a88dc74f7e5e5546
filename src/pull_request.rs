//! `check --base REV`: pull-request mode. Lints the reports changed since
//! the merge-base of HEAD and REV (and the later periods that depend on
//! them) with the whole data root as history, checks that accepted reports
//! change only where the plan office's revision decisions allow (PL401) and
//! that no accepted (department, period) leaves the record (PL402), and
//! marks each finding new or unchanged against a check of the merge-base
//! itself.

use crate::check::{run_inner, CheckOptions, Fatal, Outcome, Plans};
use crate::diagnostic::{self, BaselineState};
use crate::git::{self, Change};
use crate::messages::{Changed, Text};
use crate::rules::history_integrity;
use crate::source::SourceFile;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

fn fatal(message: Text) -> Fatal {
    Fatal {
        message,
        diagnostics: Vec::new(),
    }
}

fn is_report(p: &str) -> bool {
    p.ends_with(".yaml") || p.ends_with(".yml")
}

/// The merge-base of HEAD and `rev`, and its short form for messages.
fn merge_base(rev: &str) -> Result<(String, String), Text> {
    let base = git::merge_base(rev).map_err(|e| Text::Base {
        rev: rev.to_string(),
        error: Box::new(e),
    })?;
    let short = base.chars().take(12).collect();
    Ok((base, short))
}

/// A scratch directory holding the data root as it was at the merge-base, removed on drop.
struct BaseTree(PathBuf);

impl Drop for BaseTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn run(plans: &Plans, opts: &CheckOptions, rev: &str) -> Result<Outcome, Fatal> {
    let (base, short) = merge_base(rev).map_err(fatal)?;
    let top = git::toplevel().map_err(fatal)?;
    let root_rel = git::repo_path(&top, &opts.data_root);
    let shown = |rel: &str| crate::paths::display(&top.join(rel));
    let changes = git::changes(&base, &root_rel).map_err(fatal)?;

    let mut changed = BTreeSet::new();
    for c in &changes {
        match c {
            Change::Added(p) | Change::Modified(p) if is_report(p) => {
                changed.insert(shown(p));
            }
            Change::Renamed { to, .. } if is_report(to) => {
                changed.insert(shown(to));
            }
            _ => {}
        }
    }
    let mut plain = opts.clone();
    plain.base = None;
    plain.inputs.clear();
    let mut outcome = run_inner(plans, &plain, Some(&changed))?;

    // The merge-base checked on its own: what it accepted (by department
    // and period), and its findings, whose fingerprints are not new.
    let scratch = BaseTree(
        std::env::temp_dir().join(format!("plan-lint-base-{}-{short}", std::process::id())),
    );
    let files = git::files_at(&base, &root_rel).map_err(fatal)?;
    let mut base_text: HashMap<String, Vec<u8>> = HashMap::new();
    for f in files.iter().filter(|f| is_report(f)) {
        let bytes = git::show(&base, f).map_err(fatal)?;
        let dest = scratch.0.join(f);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fatal(cannot_write(parent, e)))?;
        }
        std::fs::write(&dest, &bytes).map_err(|e| fatal(cannot_write(&dest, e)))?;
        base_text.insert(shown(f), bytes);
    }
    let mut base_opts = plain.clone();
    base_opts.data_root = scratch.0.join(&root_rel);
    let base_outcome = if base_opts.data_root.is_dir() {
        Some(run_inner(plans, &base_opts, None)?)
    } else {
        None
    };
    let prefix = format!("{}/", crate::paths::display(&scratch.0));
    let from_scratch = |p: &str| match p.strip_prefix(&prefix) {
        Some(rel) => shown(rel),
        None => p.to_string(),
    };
    let mut base_fingerprints = HashSet::new();
    // What the merge-base accepted: (plan, department, period) → its path there.
    let mut accepted: BTreeMap<(String, String, i32), String> = BTreeMap::new();
    if let Some(b) = base_outcome {
        for mut d in b.diagnostics {
            d.location.path = from_scratch(&d.location.path);
            base_fingerprints.insert(d.fingerprint());
        }
        for (path, info) in b.reports {
            if !info.plan.is_empty() && !info.department.is_empty() {
                let key = (info.plan, info.department, info.period);
                accepted.entry(key).or_insert_with(|| from_scratch(&path));
            }
        }
    }

    // History integrity: no accepted (department, period) leaves the
    // record, whatever removed it (PL402); an accepted report changes only
    // in the entries a revision decision lists (PL401).
    let mut integrity = Vec::new();
    for (key, path) in &accepted {
        if !outcome.record.contains(key) {
            integrity.push(history_integrity::deleted(path, &short));
        }
    }
    let accepted_paths: HashSet<&str> = accepted.values().map(String::as_str).collect();
    for c in &changes {
        if let Change::Deleted(p) = c {
            let p = shown(p);
            // A report the merge-base could not read has no key: its path tells.
            if is_report(&p) && !accepted_paths.contains(p.as_str()) && base_text.contains_key(&p) {
                integrity.push(history_integrity::deleted(&p, &short));
            }
        }
    }
    for (path, info) in &outcome.reports {
        let key = (info.plan.clone(), info.department.clone(), info.period);
        let Some(base_path) = accepted.get(&key) else {
            continue;
        };
        let Some(before) = base_text.get(base_path) else {
            continue;
        };
        let Ok(now_text) = std::fs::read_to_string(path) else {
            continue;
        };
        let before = String::from_utf8_lossy(before);
        let register = &opts.decisions;
        let allowed = |entry: &str| {
            register
                .revision_for(&info.plan, &info.department, info.period, entry)
                .is_some()
        };
        let revised = register
            .revisions(&info.plan, &info.department, info.period)
            .next()
            .is_some();
        let current = SourceFile::new(path.clone(), now_text);
        integrity.extend(history_integrity::rewritten(
            &current,
            &before,
            &format!("{base_path}@{short}"),
            &history_integrity::Allowed {
                entry: &allowed,
                revised,
            },
        ));
    }
    for d in &mut outcome.diagnostics {
        d.baseline_state = Some(if base_fingerprints.contains(&d.fingerprint()) {
            BaselineState::Unchanged
        } else {
            BaselineState::New
        });
    }
    for mut d in integrity {
        d.baseline_state = Some(BaselineState::New);
        outcome.diagnostics.push(d);
    }
    diagnostic::sort(&mut outcome.diagnostics);
    Ok(outcome)
}

/// What judges a pull request: the configuration and `--plan` directories as
/// they are at the merge-base, and a PL403 for each that the pull request changes.
pub struct BaseInputs {
    pub config: Option<crate::config::Config>,
    pub plan_dirs: Vec<PathBuf>,
    pub notices: Vec<crate::diagnostic::Diagnostic>,
    _scratch: BaseTree,
}

pub fn base_inputs(
    rev: &str,
    config: Option<&std::path::Path>,
    plan_dirs: &[PathBuf],
) -> Result<BaseInputs, Text> {
    let (base, short) = merge_base(rev)?;
    let top = git::toplevel()?;
    let scratch = BaseTree(
        std::env::temp_dir().join(format!("plan-lint-rules-{}-{short}", std::process::id())),
    );
    let mut notices = Vec::new();
    let mut cfg = None;
    // A configuration the pull request deletes still judges it: without
    // one in the working tree, the nearest one at the merge-base counts.
    let found_at_base;
    let config = match config {
        Some(p) => Some(p),
        None => {
            found_at_base = config_at_base(&base, &top);
            found_at_base.as_deref()
        }
    };
    if let Some(path) = config {
        let rel = git::repo_path(&top, path);
        let shown = crate::paths::display(path);
        let now = std::fs::read(path).ok();
        match git::show(&base, &rel) {
            Ok(bytes) => {
                if now.as_deref() != Some(bytes.as_slice()) {
                    notices.push(history_integrity::rules_changed(
                        &shown,
                        Changed::Config,
                        &short,
                        now.is_some(),
                    ));
                }
                let source = SourceFile::new(
                    format!("{shown}@{short}"),
                    String::from_utf8_lossy(&bytes).into_owned(),
                );
                cfg = Some(crate::config::load_text(path, source).map_err(|d| {
                    Text::ConfigAtBase {
                        commit: short.clone(),
                        first: d.into_iter().next().map(|d| Box::new(d.msg)),
                    }
                })?);
            }
            Err(_) => notices.push(history_integrity::rules_changed(
                &shown,
                Changed::Config,
                &short,
                now.is_some(),
            )),
        }
    }
    let mut dirs = Vec::new();
    let mut all_dirs = plan_dirs.to_vec();
    all_dirs.extend(cfg.iter().flat_map(|c| c.plans.iter().cloned()));
    for dir in &all_dirs {
        let rel = git::repo_path(&top, dir);
        let files = git::files_at(&base, &rel)?;
        let shown_dir = crate::paths::display(dir);
        if files.is_empty() {
            // Missing at the merge-base means missing: never read from the
            // working tree, so a pull request cannot bring its own plan.
            notices.push(history_integrity::rules_changed(
                &shown_dir,
                Changed::PlanDirectory,
                &short,
                dir.exists(),
            ));
            continue;
        }
        let mut base_names = BTreeSet::new();
        for f in &files {
            let bytes = git::show(&base, f)?;
            let dest = scratch.0.join(f);
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent).map_err(|e| cannot_write(parent, e))?;
            }
            let now = std::fs::read(top.join(f)).ok();
            if now.as_deref() != Some(bytes.as_slice()) {
                notices.push(history_integrity::rules_changed(
                    &shown(&top, f),
                    Changed::PlanFile,
                    &short,
                    now.is_some(),
                ));
            }
            base_names.insert(f.clone());
            std::fs::write(&dest, bytes).map_err(|e| cannot_write(&dest, e))?;
        }
        for f in crate::check::reports_under(dir) {
            let rel_now = git::repo_path(&top, &f);
            if !base_names.contains(&rel_now) {
                notices.push(history_integrity::rules_changed(
                    &crate::paths::display(&f),
                    Changed::PlanFile,
                    &short,
                    true,
                ));
            }
        }
        dirs.push(scratch.0.join(&rel));
    }
    Ok(BaseInputs {
        config: cfg,
        plan_dirs: dirs,
        notices,
        _scratch: scratch,
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
        let rel = dir.join(crate::config::FILE_NAME);
        let rel_git = rel.to_string_lossy().replace('\\', "/");
        if git::show(base, &rel_git).is_ok() {
            return Some(top_real.join(rel));
        }
        if !dir.pop() {
            return None;
        }
    }
}

fn cannot_write(path: &std::path::Path, e: std::io::Error) -> Text {
    Text::CannotWrite {
        path: crate::paths::display(path),
        error: (&e).into(),
    }
}

fn shown(top: &std::path::Path, rel: &str) -> String {
    crate::paths::display(&top.join(rel))
}

/// The decisions register of a pull request (trust.md): the files under
/// `dir` as they stand at the merge-base, which are applied, with a PL403
/// for each file the pull request changes, adds or deletes. A register
/// missing at the merge-base is empty, never read from the working tree.
pub struct BaseRegister {
    /// (path as shown, bytes) of each file at the merge-base.
    pub files: Vec<(String, Vec<u8>)>,
    pub notices: Vec<crate::diagnostic::Diagnostic>,
}

pub fn base_register(rev: &str, dir: &std::path::Path) -> Result<BaseRegister, Text> {
    let (base, short) = merge_base(rev)?;
    let top = git::toplevel()?;
    let rel = git::repo_path(&top, dir);
    let mut files = Vec::new();
    let mut notices = Vec::new();
    let mut at_base = BTreeSet::new();
    for f in git::files_at(&base, &rel)?
        .into_iter()
        .filter(|f| is_report(f))
    {
        let bytes = git::show(&base, &f)?;
        let path = top.join(&f);
        let now = std::fs::read(&path).ok();
        let mut shown_as = crate::paths::display(&path);
        if now.as_deref() != Some(bytes.as_slice()) {
            notices.push(history_integrity::rules_changed(
                &shown_as,
                Changed::Register,
                &short,
                now.is_some(),
            ));
            shown_as = format!("{shown_as}@{short}");
        }
        at_base.insert(crate::paths::normalize(&path));
        files.push((shown_as, bytes));
    }
    for f in crate::decisions::register_files(dir) {
        let abs = crate::paths::normalize(&std::env::current_dir().unwrap_or_default().join(&f));
        let real = std::fs::canonicalize(&f).unwrap_or(abs.clone());
        if !at_base.contains(&abs) && !at_base.contains(&real) {
            notices.push(history_integrity::rules_changed(
                &crate::paths::display(&f),
                Changed::Register,
                &short,
                true,
            ));
        }
    }
    Ok(BaseRegister { files, notices })
}

//! `check --base REV`: pull-request mode. Lints the reports changed since
//! the merge-base of HEAD and REV (and the later periods that depend on
//! them) with the whole data root as history, checks that accepted reports
//! are neither rewritten without a `revision` block (PL401) nor deleted
//! (PL402), and marks each finding new or unchanged against a check of the
//! merge-base itself.

use crate::check::{run_inner, CheckOptions, Fatal, Outcome, Plans};
use crate::diagnostic::{self, BaselineState};
use crate::git::{self, Change};
use crate::messages::{Changed, Text};
use crate::rules::history_integrity;
use crate::source::SourceFile;
use std::collections::{BTreeSet, HashSet};
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

/// (department, period) of a report text, for rename checks.
fn identity(text: &str) -> Option<(String, i64)> {
    let node = crate::yaml::load(
        text.strip_prefix('\u{feff}').unwrap_or(text),
        0,
        Default::default(),
    )
    .ok()?;
    let d = node.get("department")?.as_str()?.to_string();
    let p = node.get("period")?.as_f64()? as i64;
    Some((d, p))
}

/// A scratch directory holding the data root as it was at the merge-base, removed on drop.
struct BaseTree(PathBuf);

impl Drop for BaseTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn run(plans: &Plans, opts: &CheckOptions, rev: &str) -> Result<Outcome, Fatal> {
    let base = git::merge_base(rev).map_err(|e| {
        fatal(Text::Base {
            rev: rev.to_string(),
            error: Box::new(e),
        })
    })?;
    let short: String = base.chars().take(12).collect();
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

    // History integrity.
    let mut integrity = Vec::new();
    for c in &changes {
        let (from, to) = match c {
            Change::Modified(p) => (p, p),
            Change::Renamed { from, to } => (from, to),
            Change::Deleted(p) if is_report(p) => {
                integrity.push(history_integrity::deleted(&shown(p), &short));
                continue;
            }
            _ => continue,
        };
        if !is_report(from) {
            continue;
        }
        let base_bytes = git::show(&base, from).map_err(fatal)?;
        let base_text = String::from_utf8_lossy(&base_bytes).into_owned();
        let Ok(now_text) = std::fs::read_to_string(top.join(to)) else {
            continue;
        };
        if from != to && identity(&base_text) != identity(&now_text) {
            integrity.push(history_integrity::deleted(&shown(from), &short));
            continue;
        }
        let current = SourceFile::new(shown(to), now_text);
        if let Some(d) =
            history_integrity::rewritten(&current, &base_text, &format!("{}@{short}", shown(from)))
        {
            integrity.push(d);
        }
    }

    // The merge-base checked on its own: findings whose fingerprint appears there are not new.
    let scratch = BaseTree(
        std::env::temp_dir().join(format!("plan-lint-base-{}-{short}", std::process::id())),
    );
    let files = git::files_at(&base, &root_rel).map_err(fatal)?;
    for f in files.iter().filter(|f| is_report(f)) {
        let bytes = git::show(&base, f).map_err(fatal)?;
        let dest = scratch.0.join(f);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fatal(cannot_write(parent, e)))?;
        }
        std::fs::write(&dest, bytes).map_err(|e| fatal(cannot_write(&dest, e)))?;
    }
    let mut base_opts = plain.clone();
    base_opts.data_root = scratch.0.join(&root_rel);
    let base_fingerprints: HashSet<String> = if base_opts.data_root.is_dir() {
        let prefix = format!("{}/", crate::paths::display(&scratch.0));
        run_inner(plans, &base_opts, None)?
            .diagnostics
            .into_iter()
            .map(|mut d| {
                if let Some(rel) = d.location.path.strip_prefix(&prefix) {
                    d.location.path = shown(rel);
                }
                d.fingerprint()
            })
            .collect()
    } else {
        HashSet::new()
    };
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
    let base = git::merge_base(rev).map_err(|e| Text::Base {
        rev: rev.to_string(),
        error: Box::new(e),
    })?;
    let short: String = base.chars().take(12).collect();
    let top = git::toplevel()?;
    let scratch = BaseTree(
        std::env::temp_dir().join(format!("plan-lint-rules-{}-{short}", std::process::id())),
    );
    let mut notices = Vec::new();
    let mut cfg = None;
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
            notices.push(history_integrity::rules_changed(
                &shown_dir,
                Changed::PlanDirectory,
                &short,
                dir.exists(),
            ));
            dirs.push(dir.clone());
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

fn cannot_write(path: &std::path::Path, e: std::io::Error) -> Text {
    Text::CannotWrite {
        path: path.display().to_string(),
        error: e.to_string(),
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
    let base = git::merge_base(rev).map_err(|e| Text::Base {
        rev: rev.to_string(),
        error: Box::new(e),
    })?;
    let short: String = base.chars().take(12).collect();
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

//! `plan-lint test DIR`: rule fixture cases, so a plan office writing rules
//! for the next plan can test them. A case is a directory with `case.yaml`:
//!
//! ```yaml
//! about: a binding indicator that fell since last year
//! today: 2026-01-01            # the date rules treat as today (default 2026-01-01)
//! data_root: progress          # relative to the case (default progress)
//! check: [progress/2023/eco-env.yaml]   # what to lint (default: the whole data root)
//! plans: [plan]                # extra plan directories, relative to the case
//! # decisions/*.yaml in the case: the plan office's decisions register (trust.md)
//! config: plan-lint.toml       # a configuration the case runs with (PL005 when it is wrong)
//! select: [PL201]              # only these codes count (like one rule enabled); default: all
//! expect:                      # exactly the findings the case must produce
//!   - {code: PL201, file: progress/2023/eco-env.yaml, node: /indicators/0/value}
//! ```
//!
//! Two kinds of case check something else than reports:
//!
//! ```yaml
//! verify: plan                 # `plan verify` of a plan directory of the case (its seed beside it)
//! ```
//!
//! ```yaml
//! base: base                   # a pull request: base/ is the merge-base's tree (committed to a
//! removed: [progress/2022/eco-env.yaml]   # throwaway git repository), the case's other files
//! ```                          # the pull request's (`check --base`); git must be installed
//!
//! A case passes when the findings (code, file relative to the case, node
//! path where given) are exactly the expected ones: a passing case expects `[]`.

use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{Lang, LoadErrorText};
use crate::engine::check;
use crate::load::workspace::CheckOptions;
use crate::model::plan::Plan;
use crate::model::plan::Plans;
use crate::model::report::parse_date;
use crate::syntax::source::SourceFile;
use crate::syntax::yaml::{self, Limits};
use serde::Deserialize;
use std::fmt::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub today: Option<String>,
    #[serde(default)]
    pub data_root: Option<String>,
    #[serde(default)]
    pub check: Vec<String>,
    #[serde(default)]
    pub plans: Vec<String>,
    /// The codes the case is about; findings of other codes are left out.
    #[serde(default)]
    pub select: Vec<String>,
    /// A configuration file of the case to run with.
    #[serde(default)]
    pub config: Option<String>,
    /// A plan directory of the case to prove against its seed (`plan verify`).
    #[serde(default)]
    pub verify: Option<String>,
    /// A pull request: the folder holding the merge-base's tree.
    #[serde(default)]
    pub base: Option<String>,
    /// Files of the merge-base the pull request deletes.
    #[serde(default)]
    pub removed: Vec<String>,
    pub expect: Vec<Expected>,
}

#[derive(Debug, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub code: String,
    pub file: String,
    #[serde(default)]
    pub node: Option<String>,
    #[serde(default)]
    pub suppressed: Option<bool>,
    /// `error` or `warning`, when the case is about the severity.
    #[serde(default)]
    pub severity: Option<String>,
}

/// Texts to show otherwise: (as written, as shown).
pub type Renames = Vec<(String, String)>;

/// The result of one case.
pub struct CaseResult {
    pub name: String,
    pub failures: Vec<String>,
    /// What the case produced, for snapshots.
    pub diagnostics: Vec<Diagnostic>,
    /// Texts a pull-request case's messages hold that change from run to run
    /// (the throwaway repository's folder, the merge-base's commit), each with
    /// what to show instead.
    pub renames: Renames,
}

/// Every case directory below `dir` (a directory holding `case.yaml`), sorted.
pub fn find_cases(dir: &Path) -> Vec<PathBuf> {
    let pattern = format!(
        "{}/**/case.yaml",
        glob::Pattern::escape(&dir.to_string_lossy())
    );
    let mut out: Vec<PathBuf> = glob::glob(&pattern)
        .map(|g| {
            g.filter_map(Result::ok)
                .filter_map(|p| p.parent().map(Path::to_path_buf))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn read_case(dir: &Path) -> Result<Case, String> {
    let path = dir.join("case.yaml");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", crate::syntax::paths::display(&path)))?;
    let source = SourceFile::new(crate::syntax::paths::display(&path), text);
    let node = yaml::load(source.body(), source.bom_len(), Limits::default())
        .map_err(|e| format!("{}: {}", source.path, e.message(Lang::En)))?;
    serde_json::from_value(node.to_json()).map_err(|e| format!("{}: {e}", source.path))
}

/// The file of a diagnostic relative to the case directory.
fn relative(file: &str, case_dir: &str) -> String {
    file.strip_prefix(&format!("{case_dir}/"))
        .unwrap_or(file)
        .to_string()
}

/// Runs one case and returns what differed from its expectations.
pub fn run_case(dir: &Path) -> CaseResult {
    let name = crate::syntax::paths::display(dir);
    let mut result = CaseResult {
        name: name.clone(),
        failures: Vec::new(),
        diagnostics: Vec::new(),
        renames: Vec::new(),
    };
    let case = match read_case(dir) {
        Ok(c) => c,
        Err(e) => {
            result.failures.push(e);
            return result;
        }
    };
    let today = match parse_date(case.today.as_deref().unwrap_or("2026-01-01")) {
        Some(d) => d,
        None => {
            result
                .failures
                .push("`today` is not a date (YYYY-MM-DD)".into());
            return result;
        }
    };
    let produced = if let Some(plan_dir) = &case.verify {
        verify_case(&dir.join(plan_dir)).map(|d| (d, name.clone()))
    } else if let Some(base) = &case.base {
        pull_request_case(dir, base, &case, today).map(|(d, renames)| {
            result.renames = renames;
            (d, name.clone())
        })
    } else {
        check_case(dir, &case, today)
    };
    match produced {
        Ok((diagnostics, shown_root)) => compare(result, &case, diagnostics, &shown_root),
        Err(e) => {
            result.failures.push(e);
            result
        }
    }
}

/// `plan verify` of a plan directory: its seed (named by plan.yaml, beside it)
/// and its accounting file.
fn verify_case(dir: &Path) -> Result<Vec<Diagnostic>, String> {
    use crate::engine::verify::{self, Accounting, Seed};
    let plan = match Plan::from_dir(dir) {
        Ok(p) => p,
        Err(d) => return Ok(d),
    };
    let tried = verify::seed_candidates(dir, &plan.header.seed);
    let seed_path = (tried.iter().find(|p| p.is_file()))
        .ok_or_else(|| format!("no seed {} beside the plan", plan.header.seed))?;
    let text = std::fs::read_to_string(seed_path).map_err(|e| e.to_string())?;
    let seed = Seed::new(crate::syntax::paths::display(seed_path), &text);
    let path = dir.join(verify::ACCOUNTING_FILE);
    let accounting = std::fs::read_to_string(&path)
        .ok()
        .map(|t| Accounting::new(crate::syntax::paths::display(&path), &t));
    Ok(verify::verify(&plan, &seed, accounting.as_ref()))
}

/// Copies the files of `from` into `to`, leaving out the names in `skip`.
pub fn copy_tree(from: &Path, to: &Path, skip: &[&str]) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &to.join(&name), &[])?;
        } else {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}

/// Runs git in `dir` with a fixed author and date (a fixture's commit is the same every run).
fn git(dir: &Path, args: &[&str]) -> Result<(), String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=plan-lint",
            "-c",
            "user.email=plan-lint@example.com",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z")
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A pull request's check (`check --base`): the case's `base` folder committed
/// as the merge-base of a throwaway repository, the case's other files (less
/// `removed`) as its working tree; what judges it (plans, configuration,
/// register) read at the merge-base, with its PL403 notices.
fn pull_request_case(
    dir: &Path,
    base: &str,
    case: &Case,
    today: jiff::civil::Date,
) -> Result<(Vec<Diagnostic>, Renames), String> {
    use crate::drivers::pull_request::{self, Base};
    // One folder per run of a case: cases run in parallel, and the same case
    // may run twice at once (the tests run every case in several threads).
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let repo = std::env::temp_dir().join(format!(
        "plan-lint-case-{}-{run}-{}",
        std::process::id(),
        dir.to_string_lossy().replace(['/', '\\', ':'], "_")
    ));
    let _ = std::fs::remove_dir_all(&repo);
    struct Cleanup(PathBuf);
    impl Drop for Cleanup {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
    let _cleanup = Cleanup(repo.clone());
    let io = |e: std::io::Error| e.to_string();
    copy_tree(&dir.join(base), &repo, &[]).map_err(io)?;
    git(&repo, &["init", "-q", "-b", "main"])?;
    git(&repo, &["add", "-A"])?;
    git(&repo, &["commit", "-q", "-m", "merge-base"])?;
    copy_tree(dir, &repo, &["case.yaml", base]).map_err(io)?;
    for r in &case.removed {
        std::fs::remove_file(repo.join(r)).map_err(io)?;
    }
    let at = Base::resolve_in(&repo, "main").map_err(|e| e.text(Lang::En))?;
    let config = case.config.as_ref().map(|c| repo.join(c));
    let plan_dirs: Vec<PathBuf> = case.plans.iter().map(|p| repo.join(p)).collect();
    let inputs = pull_request::base_inputs(&at, config.as_deref(), &plan_dirs)
        .map_err(|e| e.text(Lang::En))?;
    let mut diagnostics = inputs.notices;
    let mut plans = Vec::new();
    match Plan::builtin() {
        Ok(p) => plans.push(p),
        Err(d) => diagnostics.extend(d),
    }
    for d in &inputs.plan_dirs {
        match Plan::from_plan_dir(d) {
            Ok(p) => plans.push(p),
            Err(d) => diagnostics.extend(d),
        }
    }
    let mut plans = Plans(plans);
    let cfg = inputs.config.unwrap_or_default();
    diagnostics.extend(cfg.apply(&mut plans));
    let register =
        pull_request::base_register(&at, &repo.join("decisions")).map_err(|e| e.text(Lang::En))?;
    diagnostics.extend(register.notices);
    let register = crate::load::decisions::Register::load(
        crate::load::decisions::sources(register.files),
        &plans,
    );
    let register = match register {
        Ok(r) => {
            diagnostics.extend(r.notices.iter().cloned());
            r
        }
        Err(d) => {
            diagnostics.extend(d);
            Default::default()
        }
    };
    let mut opts = CheckOptions::new(
        repo.join(case.data_root.as_deref().unwrap_or("progress")),
        today,
    );
    opts.decisions = std::sync::Arc::new(register);
    opts.severity = cfg.severity.clone();
    let outcome = pull_request::run(&plans, &opts, &at)
        .map_err(|f| format!("the check could not run: {}", f.message.text(Lang::En)))?;
    diagnostics.extend(outcome.diagnostics);
    crate::engine::rules::history_integrity::name_office(&mut diagnostics, &plans);
    // The findings are shown under the case's folder, as a check of the case's
    // files would show them (the texts are read now: the repository goes), and
    // a merge-base's file `path@<commit>` as `path@BASE`.
    let repo_shown = crate::syntax::paths::display(&repo);
    let case_shown = crate::syntax::paths::display(dir);
    let commit = format!("@{}", at.short);
    let rebase = |p: &str| {
        let p = p.replace(&commit, "@BASE");
        match p.strip_prefix(&repo_shown) {
            Some(rest) => format!("{case_shown}{rest}"),
            None => p,
        }
    };
    let relocate = |loc: &mut crate::syntax::source::Location| {
        loc.path = rebase(&loc.path);
        if let Some(src) = &loc.source {
            let text = src.text().to_string();
            loc.source = Some(crate::syntax::source::SourceFile::new(
                rebase(&src.path),
                text,
            ));
        }
    };
    use crate::diagnostics::messages::{HistoryMsg, Msg};
    for d in &mut diagnostics {
        relocate(&mut d.location);
        for r in &mut d.related {
            relocate(&mut r.location);
        }
        // The history findings name the files and the commit in their texts.
        if let Msg::History(m) = &mut d.msg {
            match m {
                HistoryMsg::Rewritten { path, .. } | HistoryMsg::NotApproved { path, .. } => {
                    *path = rebase(path)
                }
                HistoryMsg::Deleted { path, base, .. }
                | HistoryMsg::RulesChanged { path, base, .. } => {
                    *path = rebase(path);
                    *base = base.replace(&at.short, "BASE");
                }
            }
        }
    }
    let renames = vec![
        (repo_shown, case_shown),
        (at.short.clone(), "BASE".to_string()),
    ];
    Ok((diagnostics, renames))
}

/// The findings of a case's check of its reports, and the folder they are shown under.
fn check_case(
    dir: &Path,
    case: &Case,
    today: jiff::civil::Date,
) -> Result<(Vec<Diagnostic>, String), String> {
    let name = crate::syntax::paths::display(dir);
    let mut plans = Vec::new();
    let mut diagnostics = Vec::new();
    match Plan::builtin() {
        Ok(p) => plans.push(p),
        Err(d) => diagnostics.extend(d),
    }
    for p in &case.plans {
        match Plan::from_dir(&dir.join(p)) {
            Ok(p) => plans.push(p),
            Err(d) => diagnostics.extend(d),
        }
    }
    let mut plans = Plans(plans);
    let mut config = crate::load::config::Config::default();
    if let Some(c) = &case.config {
        match crate::load::config::load(&dir.join(c)) {
            Ok(cfg) => config = cfg,
            Err(d) => diagnostics.extend(d),
        }
        diagnostics.extend(config.apply(&mut plans));
    }
    // The plan office's register: `decisions/` in the case, when there is one.
    let mut register = crate::load::decisions::Register::default();
    if diagnostics.is_empty() {
        match crate::load::decisions::Register::load_dir(&dir.join("decisions"), &plans) {
            Ok(r) => register = r,
            Err(d) => diagnostics.extend(d),
        }
    }
    if diagnostics.is_empty() {
        let mut opts = CheckOptions::new(
            dir.join(case.data_root.as_deref().unwrap_or("progress")),
            today,
        );
        opts.decisions = std::sync::Arc::new(register);
        opts.severity = config.severity.clone();
        opts.exclude = config.exclude.clone();
        opts.inputs = case
            .check
            .iter()
            .map(|c| dir.join(c).to_string_lossy().into_owned())
            .collect();
        let notices = opts.decisions.notices.clone();
        match check::run(&plans, &opts) {
            Ok(outcome) => {
                diagnostics = outcome.diagnostics;
                diagnostics.extend(notices);
            }
            Err(f) => {
                return Err(format!(
                    "the check could not run: {}",
                    f.message.text(Lang::En)
                ))
            }
        }
    }
    Ok((diagnostics, name))
}

/// Compares a case's findings with its expectations; `name` is the folder
/// the findings' files are shown under.
fn compare(
    mut result: CaseResult,
    case: &Case,
    mut diagnostics: Vec<Diagnostic>,
    name: &str,
) -> CaseResult {
    if !case.select.is_empty() {
        diagnostics.retain(|d| case.select.iter().any(|c| c == d.code.as_str()));
    }
    let mut produced: Vec<Expected> = diagnostics
        .iter()
        .map(|d| Expected {
            code: d.code.to_string(),
            file: relative(&d.location.path, name),
            node: Some(d.node_path.clone()),
            suppressed: Some(d.suppressed),
            severity: Some(d.severity.as_str().to_string()),
        })
        .collect();
    produced.sort();
    let mut unmatched: Vec<&Expected> = Vec::new();
    let mut remaining = produced.clone();
    for e in &case.expect {
        let hit = remaining.iter().position(|p| {
            p.code == e.code
                && p.file == e.file
                && e.node.as_ref().is_none_or(|n| Some(n) == p.node.as_ref())
                && e.suppressed.is_none_or(|s| Some(s) == p.suppressed)
                && (e.severity.as_ref()).is_none_or(|s| Some(s) == p.severity.as_ref())
        });
        match hit {
            Some(i) => {
                remaining.remove(i);
            }
            None => unmatched.push(e),
        }
    }
    for e in unmatched {
        result.failures.push(format!(
            "expected {} at {}{} but it was not produced",
            e.code,
            e.file,
            e.node.as_ref().map(|n| format!(" {n}")).unwrap_or_default()
        ));
    }
    for p in remaining {
        let d = diagnostics.iter().find(|d| {
            d.code.as_str() == p.code
                && relative(&d.location.path, name) == p.file
                && Some(&d.node_path) == p.node.as_ref()
        });
        result.failures.push(format!(
            "unexpected {} at {} {}{}",
            p.code,
            p.file,
            p.node.as_deref().unwrap_or(""),
            d.map(|d| format!(": {}", d.message(Lang::En)))
                .unwrap_or_default()
        ));
    }
    result.diagnostics = diagnostics;
    result
}

/// Runs every case below `dir`; the report ends with "N passed, M failed".
pub fn run_all(dir: &Path) -> (String, bool) {
    let cases = find_cases(dir);
    let mut out = String::new();
    if cases.is_empty() {
        let _ = writeln!(
            out,
            "error: no case.yaml below {}",
            crate::syntax::paths::display(dir)
        );
        return (out, false);
    }
    let (mut passed, mut failed) = (0, 0);
    for c in &cases {
        let r = run_case(c);
        if r.failures.is_empty() {
            passed += 1;
            let _ = writeln!(out, "ok   {}", r.name);
        } else {
            failed += 1;
            let _ = writeln!(out, "FAIL {}", r.name);
            for f in &r.failures {
                let _ = writeln!(out, "     {f}");
            }
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    (out, failed == 0)
}

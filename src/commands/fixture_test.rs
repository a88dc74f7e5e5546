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
//! select: [PL201]              # only these codes count (like one rule enabled); default: all
//! expect:                      # exactly the findings the case must produce
//!   - {code: PL201, file: progress/2023/eco-env.yaml, node: /indicators/0/value}
//! ```
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

/// The result of one case.
pub struct CaseResult {
    pub name: String,
    pub failures: Vec<String>,
    /// What the case produced, for snapshots.
    pub diagnostics: Vec<Diagnostic>,
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
    let plans = Plans(plans);
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
        opts.inputs = case
            .check
            .iter()
            .map(|c| dir.join(c).to_string_lossy().into_owned())
            .collect();
        match check::run(&plans, &opts) {
            Ok(outcome) => diagnostics = outcome.diagnostics,
            Err(f) => {
                result.failures.push(format!(
                    "the check could not run: {}",
                    f.message.text(Lang::En)
                ));
                return result;
            }
        }
    }
    if !case.select.is_empty() {
        diagnostics.retain(|d| case.select.iter().any(|c| c == d.code.as_str()));
    }
    let mut produced: Vec<Expected> = diagnostics
        .iter()
        .map(|d| Expected {
            code: d.code.to_string(),
            file: relative(&d.location.path, &name),
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
                && relative(&d.location.path, &name) == p.file
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

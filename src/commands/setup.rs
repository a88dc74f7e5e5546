//! What every command that reads the data repository does first: the
//! configuration (found from the working folder or beside a named file), the
//! plans it and `--plan` name (at a pull request's merge-base when there is one),
//! and the plan office's decisions register.

use super::Output;
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{Lang, Stage, Text};
use crate::drivers::pull_request::Base;
use crate::load::config::Config;
use crate::load::plan::PlanDir;
use crate::load::workspace::CheckOptions;
use crate::model::plan::{Plan, Plans};
use crate::output::findings;
use std::path::PathBuf;

pub fn fail_with(mut diags: Vec<Diagnostic>, stage: Stage, lang: Lang) -> Output {
    crate::diagnostics::diagnostic::sort(&mut diags);
    let mut text = findings::human::render_diagnostics(&diags, lang, false);
    text.push_str(&Text::CannotContinue { stage }.text(lang));
    text.push('\n');
    Output::fail(text)
}

pub fn error(text: Text, lang: Lang) -> Output {
    Output::fail(text.error_line(lang))
}

/// The configuration (from --config or found upwards) and the plans it and --plan name.
pub fn setup(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    lang: Lang,
) -> Result<(Plans, Config), Output> {
    let setup = configure(plan_dirs, config, None, lang)?;
    let plans = setup.load_plans(lang)?;
    Ok((plans, setup.config))
}

/// A run's configuration, read before any plan is loaded.
pub struct Setup {
    pub config: Config,
    /// The plan directories to load beside the built-in plan.
    pub dirs: Vec<PlanDir>,
    /// PL403 notices for what a pull request changes in them.
    pub notices: Vec<Diagnostic>,
}

impl Setup {
    /// Loads the plans and applies the configuration to them.
    pub fn load_plans(&self, lang: Lang) -> Result<Plans, Output> {
        let mut plans = load_plans(&self.dirs, lang)?;
        let diags = self.config.apply(&mut plans);
        if !diags.is_empty() {
            return Err(fail_with(diags, Stage::ApplyConfig, lang));
        }
        // Final now: the rule tables are made here, while the reports load,
        // not by the first report's rules with the other workers waiting.
        for plan in &plans.0 {
            plan.prepare_rules();
        }
        Ok(plans)
    }
}

/// Reads the configuration (found from the working directory unless given)
/// and, with `base` (a pull request's `--base REV`), the configuration and
/// plan directories as they are at the merge-base.
pub fn configure(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    base: Option<&Base>,
    lang: Lang,
) -> Result<Setup, Output> {
    configure_for(plan_dirs, config, base, &[], lang)
}

/// The plan-lint.toml of a run: `--config`, else the nearest from the
/// current folder, else the one above the first named file's folder (a
/// clerk who runs plan-lint from elsewhere still gets the repository's
/// configuration, and its history).
pub fn config_path(config: Option<&PathBuf>, inputs: &[String]) -> Option<PathBuf> {
    let from_file = || {
        let first = inputs.iter().find(|p| *p != "-")?;
        let dir = std::path::Path::new(first).parent()?;
        let dir = if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        };
        crate::load::config::find(&std::path::absolute(dir).ok()?)
    };
    match config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| crate::load::config::find(&d))
            .or_else(from_file),
    }
}

/// [`configure`] for a run that names report files: the configuration is
/// found as [`config_path`] finds it.
pub fn configure_for(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    base: Option<&Base>,
    inputs: &[String],
    lang: Lang,
) -> Result<Setup, Output> {
    let path = config_path(config, inputs);
    let (config, dirs, notices) = match base {
        Some(rev) => {
            let b = crate::drivers::pull_request::base_inputs(rev, path.as_deref(), plan_dirs)
                .map_err(|e| error(e, lang))?;
            (b.config.unwrap_or_default(), b.plan_dirs, b.notices)
        }
        None => {
            let cfg = match &path {
                Some(p) => crate::load::config::load(p)
                    .map_err(|d| fail_with(d, Stage::ReadConfig, lang))?,
                None => Config::default(),
            };
            let dirs = plan_dirs_of(plan_dirs, &cfg);
            (cfg, dirs, Vec::new())
        }
    };
    Ok(Setup {
        config,
        dirs,
        notices,
    })
}

/// The configuration at `config` (the plan-lint.toml a language server
/// found for its workspace) and the plans it and `--plan` name, loaded and
/// prepared as for `check`.
pub fn setup_from(
    plan_dirs: &[PathBuf],
    config: Option<&std::path::Path>,
    lang: Lang,
) -> Result<(Plans, Config), Output> {
    let cfg = match config {
        Some(p) => {
            crate::load::config::load(p).map_err(|d| fail_with(d, Stage::ReadConfig, lang))?
        }
        None => Config::default(),
    };
    let setup = Setup {
        dirs: plan_dirs_of(plan_dirs, &cfg),
        config: cfg,
        notices: Vec::new(),
    };
    let plans = setup.load_plans(lang)?;
    Ok((plans, setup.config))
}

/// The plan directories of a run: `--plan`'s, then the configuration's.
pub fn plan_dirs_of(plan_dirs: &[PathBuf], cfg: &Config) -> Vec<PlanDir> {
    (plan_dirs.iter().chain(&cfg.plans))
        .map(|d| PlanDir::Path(d.clone()))
        .collect()
}

pub fn load_plans(dirs: &[PlanDir], lang: Lang) -> Result<Plans, Output> {
    let mut plans = Vec::new();
    let mut diags = Vec::new();
    match Plan::builtin() {
        Ok(p) => plans.push(p),
        Err(d) => diags.extend(d),
    }
    for dir in dirs {
        match Plan::from_plan_dir(dir) {
            Ok(p) => {
                if plans.iter().any(|q: &Plan| q.id() == p.id()) {
                    let dir = match dir {
                        PlanDir::Path(d) => crate::syntax::paths::display(d),
                        PlanDir::At(f) => f.dir.clone(),
                    };
                    return Err(error(
                        Text::PlanLoadedTwice {
                            id: p.id().to_string(),
                            dir,
                        },
                        lang,
                    ));
                }
                plans.push(p)
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(Plans(plans))
    } else {
        Err(fail_with(diags, Stage::LoadPlan, lang))
    }
}

/// The plans and the data root (the flag, else the configuration's, else
/// `progress`) of a command that reads the data repository but checks
/// nothing, with the options a check would read its reports with.
pub fn setup_with_root(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    data_root: Option<PathBuf>,
    lang: Lang,
) -> Result<(Plans, CheckOptions), Output> {
    let (plans, cfg) = setup(plan_dirs, config, lang)?;
    let root = data_root
        .or_else(|| cfg.data_root.clone())
        .unwrap_or_else(|| PathBuf::from("progress"));
    let mut opts = CheckOptions::new(root, jiff::Zoned::now().date());
    opts.exclude = cfg.exclude.clone();
    if let Some(max) = cfg.max_file_size {
        opts.max_file_size = max;
    }
    Ok((plans, opts))
}

/// The plan office's decisions register of a run (trust.md): `--decisions`,
/// else `decisions` in plan-lint.toml, else `decisions/` at the repository
/// root; inside the repository and outside the data root (exit 2
/// otherwise). With `base` (a pull request) the merge-base's files are
/// applied and the working tree's are still validated, so the office's own
/// pull requests are checked; PL403 notices say what the pull request changes.
pub fn decisions_register(
    flag: Option<&std::path::Path>,
    cfg: &Config,
    data_root: &std::path::Path,
    plans: &Plans,
    base: Option<&Base>,
    lang: Lang,
) -> Result<(crate::load::decisions::Register, Vec<Diagnostic>), Output> {
    use crate::load::decisions::{self, Register};
    let config_path = cfg
        .source
        .as_ref()
        .map(|_| cfg.dir.join(crate::load::config::FILE_NAME));
    let place = decisions::place(flag, cfg, config_path.as_deref(), data_root);
    let shown = crate::syntax::paths::display(&place.dir);
    let exists_now = place.dir.is_dir();
    if exists_now || place.explicit {
        let top = match base {
            Some(b) => Ok(b.top.clone()),
            // The repository the data root is in (the run may start in
            // another: an editor's folder, a clerk's other checkout), else
            // the one the run starts in.
            None => (crate::drivers::git::toplevel(data_root))
                .or_else(|_| crate::drivers::git::toplevel(std::path::Path::new("."))),
        };
        let repository =
            top.unwrap_or_else(|_| decisions::repository_root(config_path.as_deref(), data_root));
        if let Some(why) = decisions::misplaced(&place.dir, data_root, &repository) {
            return Err(error(
                Text::DecisionsMisplaced {
                    dir: shown,
                    in_data_root: why == decisions::Misplaced::InDataRoot,
                },
                lang,
            ));
        }
    }
    let failed = |d| fail_with(d, Stage::LoadDecisions, lang);
    // The working tree's register: applied in a full check, validated in a pull request.
    let now = if exists_now {
        Some(Register::load_dir(&place.dir, plans).map_err(failed)?)
    } else if place.explicit && base.is_none() {
        return Err(error(Text::DecisionsMissing { dir: shown }, lang));
    } else {
        None
    };
    // PL006 for an entry in an earlier version's form: the applied
    // register's, and in a pull request the working tree's too (one file
    // the pull request leaves alone says it once).
    let now_notices = now.as_ref().map(|r| r.notices.clone()).unwrap_or_default();
    match base {
        None => Ok((now.unwrap_or_default(), now_notices)),
        Some(rev) => {
            let b = crate::drivers::pull_request::base_register(rev, &place.dir)
                .map_err(|e| error(e, lang))?;
            let register = Register::load(decisions::sources(b.files), plans).map_err(failed)?;
            let mut notices = b.notices;
            notices.extend(register.notices.iter().cloned());
            for n in now_notices {
                let said = |d: &Diagnostic| {
                    d.code == n.code
                        && d.location.path == n.location.path
                        && d.node_path == n.node_path
                };
                if !notices.iter().any(said) {
                    notices.push(n);
                }
            }
            Ok((register, notices))
        }
    }
}

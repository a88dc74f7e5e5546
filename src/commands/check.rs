//! `plan-lint check`, the main job: the reports under the data root (or the
//! files named, or a pull request against its merge-base) judged by the plans
//! and the register, and the findings in the format asked for.

use crate::commands::setup::{configure_for, decisions_register, error, Setup};
use crate::commands::{Env, Output};
use crate::diagnostics::diagnostic::Severity;
use crate::diagnostics::messages::{Lang, Text};
use crate::drivers::pull_request::Base;
use crate::engine::check;
use crate::load::config::Config;
use crate::load::workspace::CheckOptions;
use crate::output::findings::{self, RunInfo};
use clap::ValueEnum;
use std::io::Read;
use std::path::PathBuf;

/// The findings' output formats of `check` and `plan verify`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    pub paths: Vec<String>,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<PathBuf>,
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    #[arg(long)]
    pub timings: bool,
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    #[arg(long, conflicts_with = "base")]
    pub no_base: bool,
    #[arg(long, value_enum, default_value = "all", requires = "base")]
    pub fail_on: FailOn,
    #[arg(long, value_name = "DIR")]
    pub decisions: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    New,
    All,
}

/// Findings in the format asked for (default: GitHub annotations under
/// GitHub Actions, else human), as `check` and `plan verify` print them.
pub(crate) fn render_findings(
    info: &RunInfo<'_>,
    format: Option<Format>,
    env: &Env,
    lang: Lang,
) -> String {
    let default = if env.github_actions {
        Format::Github
    } else {
        Format::Human
    };
    match format.unwrap_or(default) {
        Format::Human => findings::human::render(info, lang, env.color),
        Format::Json => findings::json::render(info, lang),
        Format::Sarif => findings::sarif::render(info, lang),
        Format::Github => findings::github::render(info, lang),
    }
}

fn today(arg: Option<&str>) -> Result<jiff::civil::Date, Text> {
    match arg {
        Some(s) => crate::model::report::parse_date(s).ok_or_else(|| Text::BadToday {
            today: s.to_string(),
        }),
        None => Ok(jiff::Zoned::now().date()),
    }
}

/// Where a check finds the history: `--data-root`, else plan-lint.toml's
/// `data_root`, else `progress/` in the current folder, else the
/// `<data root>/<year>/<file>` layout around the first file named.
/// [`data_root_problem`] says when none of them is a folder.
fn data_root_of(args: &CheckArgs, cfg: &Config) -> PathBuf {
    let default = PathBuf::from("progress");
    if let Some(p) = args.data_root.clone().or_else(|| cfg.data_root.clone()) {
        return p;
    }
    if default.is_dir() {
        return default;
    }
    let named = (args.paths.iter().filter(|p| *p != "-"))
        .chain(args.stdin_filename.as_ref())
        .next();
    named
        .and_then(|f| {
            // Relative to the current folder, which may be the year's folder itself.
            let f = std::path::absolute(f).ok()?;
            crate::load::workspace::folder_year(&f.to_string_lossy())?;
            Some(f.parent()?.parent()?.to_path_buf())
        })
        .unwrap_or(default)
}

/// A check that would run without history: named files, and no data root
/// that exists. Exit 2 says so rather than check them silently alone.
fn data_root_problem(args: &CheckArgs, data_root: &std::path::Path) -> Option<Text> {
    // A named file that does not exist is the first thing to say (gather says it).
    let missing = (args.paths.iter()).any(|p| p != "-" && !std::path::Path::new(p).exists());
    if args.paths.is_empty() || data_root.is_dir() || missing {
        return None;
    }
    let root = crate::syntax::paths::display(data_root);
    Some(match args.data_root {
        Some(_) => Text::DataRootMissing { root },
        None => Text::NoDataRoot { root },
    })
}

/// The `--timings` lap of plans and reports loaded side by side.
const SIDE_BY_SIDE: &str = "load plans, reports";

/// What a scoped thread returned; its panic goes on in the thread that joins it.
fn joined<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A check's options from the command line and the configuration, but
/// standard input (read only once the plans have loaded).
fn check_options(args: &CheckArgs, cfg: &Config, today: jiff::civil::Date) -> CheckOptions {
    let data_root = data_root_of(args, cfg);
    let mut opts = CheckOptions::new(data_root, today);
    opts.exclude = cfg.exclude.clone();
    opts.severity = cfg.severity.clone();
    if let Some(max) = cfg.max_file_size {
        opts.max_file_size = max;
    }
    opts.inputs = (args.paths.iter()).filter(|p| *p != "-").cloned().collect();
    opts
}

/// The branch the record is accepted on, from the working tree's
/// plan-lint.toml (`base`), and its merge-base of HEAD — or why there is
/// none. `None` without such a key (or without a configuration that loads:
/// the check then says what is wrong with it).
fn record_base(
    config: Option<&PathBuf>,
    inputs: &[String],
) -> Option<(String, Result<Base, Text>)> {
    let path = crate::commands::setup::config_path(config, inputs)?;
    let cfg = crate::load::config::load(&path).ok()?;
    let rev = cfg.base?;
    let dir = if cfg.dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        cfg.dir.clone()
    };
    let at = Base::of_record(&dir, &rev);
    Some((rev, at))
}

/// The workbook a check names, converted, or the finding that says why it is not read.
enum Workbook {
    Read {
        shown: String,
        converted: crate::load::workbook::Converted,
    },
    Unread(Box<crate::diagnostics::diagnostic::Diagnostic>),
}

/// Takes the workbook named among the paths: its YAML stands in as
/// standard input (under the workbook's own name). One workbook a run, and
/// not beside standard input.
fn take_workbook(
    args: &mut CheckArgs,
    env: &mut Env,
    lang: Lang,
) -> Result<Option<Workbook>, Output> {
    use crate::commands::convert::{is_workbook, read_workbook};
    let named: Vec<usize> = (args.paths.iter().enumerate())
        .filter(|(_, p)| is_workbook(std::path::Path::new(p)))
        .map(|(i, _)| i)
        .collect();
    let Some(&i) = named.first() else {
        return Ok(None);
    };
    if named.len() > 1 || args.paths.iter().any(|p| p == "-") {
        return Err(error(Text::OneWorkbook, lang));
    }
    let path = args.paths.remove(i);
    match read_workbook(
        std::path::Path::new(&path),
        crate::load::workspace::DEFAULT_MAX_FILE_SIZE,
    ) {
        Ok(converted) => {
            args.paths.push("-".into());
            env.stdin = Some(converted.text.clone().into_bytes());
            args.stdin_filename = Some(path.clone());
            let shown = crate::syntax::paths::display(std::path::Path::new(&path));
            Ok(Some(Workbook::Read { shown, converted }))
        }
        Err(d) => Ok(Some(Workbook::Unread(d))),
    }
}

/// Each finding (and related place) in the workbook's YAML shown at the cell its line came from.
fn at_cells(
    diagnostics: &mut [crate::diagnostics::diagnostic::Diagnostic],
    shown: &str,
    converted: &crate::load::workbook::Converted,
) {
    let locate = |loc: &mut crate::diagnostics::diagnostic::Location| {
        // A finding about the file itself (PL110: a workbook under the data root) has no cell.
        if let (true, Some(span)) = (loc.path == shown, loc.span) {
            loc.cell = converted.place_at(span.start()).cloned().map(Box::new);
        }
    };
    for d in diagnostics {
        locate(&mut d.location);
        for r in &mut d.related {
            locate(&mut r.location);
        }
    }
}

/// A check of a workbook alone that could not be read: its one finding, exit 1.
fn unread_workbook(
    d: &crate::diagnostics::diagnostic::Diagnostic,
    args: &CheckArgs,
    env: &Env,
    lang: Lang,
) -> Output {
    let outcome = check::Outcome {
        diagnostics: vec![d.clone()],
        files: 1,
        internal_errors: Vec::new(),
        reports: Default::default(),
        record: Default::default(),
        phases: Vec::new(),
        read: (0, 0),
    };
    let info = RunInfo {
        outcome: &outcome,
        plans: Vec::new(),
        base: None,
    };
    Output {
        stdout: render_findings(&info, args.format, env, lang),
        stderr: String::new(),
        code: 1,
    }
}

/// `plan-lint check`: exit 0 clean, 1 findings that fail the run, 2 when
/// plan-lint could not do its job.
pub fn command(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    mut args: CheckArgs,
    mut env: Env,
    lang: Lang,
) -> Output {
    let started = std::time::Instant::now();
    // A check of the files named (no folder, no pattern) reads only their
    // departments' record: little memory.
    if !args.paths.is_empty()
        && (args.paths.iter()).all(|p| p == "-" || std::path::Path::new(p).is_file())
    {
        crate::holding(crate::Holding::Little);
    }
    // A workbook named (`check FILE.xlsx`) is checked as the YAML report it
    // converts to, standing in as standard input does; its findings are then
    // shown at their cells.
    let workbook = match take_workbook(&mut args, &mut env, lang) {
        Ok(w) => w,
        Err(o) => return o,
    };
    if let Some(Workbook::Unread(d)) = &workbook {
        if args.paths.is_empty() {
            return unread_workbook(d, &args, &env, lang);
        }
    }
    let mut timings = Vec::new();
    // A pull request's merge-base, found once: everything it is judged by is read there.
    let base = match args.base.as_deref().map(Base::resolve).transpose() {
        Ok(b) => b,
        Err(e) => return error(e, lang),
    };
    // Without --base, the branch the record is accepted on (`base` in
    // plan-lint.toml): the record is compared with its merge-base too, and
    // what judges it read there, as CI does — or a note says why not.
    let mut base_line = String::new();
    let record = match &base {
        Some(_) => None,
        None if args.no_base => None,
        None => match record_base(config, &args.paths) {
            Some((rev, Ok(at))) => {
                base_line = Text::BaseChecked {
                    rev: rev.clone(),
                    commit: at.short.clone(),
                }
                .text(lang);
                Some((rev, at))
            }
            Some((rev, Err(why))) => {
                base_line = Text::BaseNotChecked {
                    rev,
                    why: Box::new(why),
                }
                .text(lang);
                None
            }
            None => None,
        },
    };
    if !base_line.is_empty() {
        base_line.push('\n');
    }
    let judged_at = base.as_ref().or(record.as_ref().map(|(_, at)| at));
    let setup = match configure_for(plan_dirs, config, judged_at, &args.paths, lang) {
        Ok(s) => s,
        Err(o) => return o,
    };
    if args.base.is_none() {
        if let Some(problem) = data_root_problem(&args, &data_root_of(&args, &setup.config)) {
            return error(problem, lang);
        }
    }
    let today = today(args.today.as_deref());
    // Without --base or standard input, the reports are found and loaded
    // while the plans and then the register load: neither needs the other
    // (with `base` set, git is asked about the record meanwhile too). The
    // plans load on a thread of their own, so that the walk, and the reading
    // of the reports, keep rayon's. Errors keep their order: the plans',
    // then --today's, then the register's, then the reports'.
    let side_by_side = base.is_none() && !args.paths.iter().any(|p| p == "-");
    // The plan files' texts are let go once loaded (read again only for a
    // finding that points into a plan): a check runs once.
    let load_plans = || {
        setup.load_plans(lang).map(|mut plans| {
            plans.release_texts();
            plans
        })
    };
    let (plans, gathered) = match (&today, side_by_side) {
        (Ok(t), true) => {
            let opts = check_options(&args, &setup.config, *t);
            // The register (30,445 decisions at 100,000 reports) is read
            // while the reports load: its tree and its JSON view for the
            // schema, read once every report was loaded, were the peak of
            // the check's memory.
            let (plans, gathered) = std::thread::scope(|s| {
                // With `base` set, git is asked about the departments to
                // read as soon as the plans say which, on a thread that
                // waits for neither rayon nor the reports.
                let (departments, asked) = std::sync::mpsc::channel();
                let early = (record.as_ref()).map(|(_, at)| {
                    let opts = &opts;
                    s.spawn(move || {
                        let departments = asked.recv().ok()?;
                        Some(crate::drivers::pull_request::ask_early(
                            departments,
                            opts,
                            at,
                        ))
                    })
                });
                let (plans, gathered) = rayon::join(
                    || {
                        // Taken (and so dropped when the plans fail): the
                        // thread waiting on it then ends.
                        let departments = departments;
                        let loading = std::time::Instant::now();
                        load_plans().map(|plans| {
                            let to_ask =
                                crate::drivers::pull_request::departments_to_ask(&plans, &opts);
                            // Nobody listens without `base`.
                            let _ = departments.send(to_ask);
                            let register = decisions_register(
                                args.decisions.as_deref(),
                                &setup.config,
                                &opts.data_root,
                                &plans,
                                judged_at,
                                lang,
                            );
                            (plans, Some(register), Some(loading.elapsed()))
                        })
                    },
                    || crate::load::workspace::gather(&opts),
                );
                let early = early.and_then(joined);
                (plans.map(|(p, r, took)| (p, r, early, took)), gathered)
            });
            (plans, Some((opts, gathered)))
        }
        _ => (load_plans().map(|plans| (plans, None, None, None)), None),
    };
    let Setup {
        config: cfg,
        notices,
        ..
    } = setup;
    // `plans_took`: the plans' and the register's time beside the reports'.
    let (plans, register, early, plans_took) = match plans {
        Ok(p) => p,
        Err(o) => return o,
    };
    let lap = match gathered {
        Some(_) => SIDE_BY_SIDE,
        None => "load plans",
    };
    timings.push((lap, started.elapsed()));
    let today = match today {
        Ok(t) => t,
        Err(e) => return error(e, lang),
    };
    let (mut opts, gathered) = match gathered {
        Some((opts, g)) => (opts, Some(g)),
        None => (check_options(&args, &cfg, today), None),
    };
    if args.paths.iter().any(|p| p == "-") {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>.yaml".into());
        let bytes = match env.stdin.clone() {
            Some(b) => b,
            None => {
                let mut b = Vec::new();
                if let Err(e) = std::io::stdin().read_to_end(&mut b) {
                    return error(Text::StdinUnreadable { error: (&e).into() }, lang);
                }
                b
            }
        };
        opts.stdin = Some((name, bytes));
    }
    let register = register.unwrap_or_else(|| {
        decisions_register(
            args.decisions.as_deref(),
            &cfg,
            &opts.data_root,
            &plans,
            judged_at,
            lang,
        )
    });
    let (register, register_notices) = match register {
        Ok(r) => r,
        Err(o) => return o,
    };
    opts.decisions = std::sync::Arc::new(register);
    let outcome = match (gathered, early, &record) {
        (Some(g), Some(early), Some((_, at))) => g.and_then(|g| {
            crate::drivers::pull_request::run_full_gathered(&plans, &opts, at, g, early)
        }),
        (Some(g), _, _) => g.and_then(|g| check::run_loaded(&plans, &opts, g)),
        (None, _, _) => match (&base, &record) {
            (Some(at), _) => crate::drivers::pull_request::run(&plans, &opts, at),
            (None, Some((_, at))) => crate::drivers::pull_request::run_full(&plans, &opts, at),
            (None, None) => check::run(&plans, &opts),
        },
    };
    let outcome = match outcome {
        Ok(mut o) => {
            match &workbook {
                Some(Workbook::Read { shown, converted }) => {
                    at_cells(&mut o.diagnostics, shown, converted)
                }
                Some(Workbook::Unread(d)) => o.diagnostics.push((**d).clone()),
                None => {}
            }
            for mut d in notices.into_iter().chain(register_notices) {
                if base.is_some() {
                    d.baseline_state = Some(crate::diagnostics::diagnostic::BaselineState::New);
                }
                o.diagnostics.push(d);
            }
            crate::engine::rules::history_integrity::name_office(&mut o.diagnostics, &plans);
            crate::diagnostics::diagnostic::sort(&mut o.diagnostics);
            o
        }
        Err(f) => {
            let mut text = findings::human::render_diagnostics(&f.diagnostics, lang, false);
            text.push_str(&f.message.error_line(lang));
            return Output::fail(text);
        }
    };
    timings.push(("check", started.elapsed()));
    let info = RunInfo {
        outcome: &outcome,
        plans: plans
            .0
            .iter()
            .map(|p| (p.id().to_string(), p.sha256.clone()))
            .collect(),
        base: match (&args.base, &record) {
            (Some(rev), _) => base.as_ref().map(|at| (rev.clone(), at.commit.clone())),
            (None, Some((rev, at))) => Some((rev.clone(), at.commit.clone())),
            (None, None) => None,
        },
    };
    let stdout = render_findings(&info, args.format, &env, lang);
    timings.push(("report", started.elapsed()));
    // With --fail-on new, findings the merge-base already had do not fail the run.
    let counts = |sev: Severity| {
        outcome
            .diagnostics
            .iter()
            .filter(|d| !d.suppressed && d.severity == sev)
            .filter(|d| {
                args.fail_on == FailOn::All
                    || d.baseline_state
                        != Some(crate::diagnostics::diagnostic::BaselineState::Unchanged)
            })
            .count()
    };
    let failing =
        counts(Severity::Error) > 0 || (args.deny_warnings && counts(Severity::Warning) > 0);
    let mut stderr = base_line;
    if let Some(t) = crate::commands::init::schema_copy_note(&opts.data_root) {
        stderr.push_str(&format!("{}\n", t.text(lang)));
    }
    if let Some(path) = &env.step_summary {
        let summary = findings::summary::render(&info, &plans, lang);
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, summary.as_bytes()));
        if let Err(e) = appended {
            stderr.push_str(&format!(
                "{}{}\n",
                Text::WarningPrefix.text(lang),
                Text::StepSummaryUnwritable {
                    path: crate::syntax::paths::display(path),
                    error: e.to_string(),
                }
                .text(lang)
            ));
        }
    }
    for e in &outcome.internal_errors {
        stderr.push_str(&e.error_line(lang));
    }
    if args.timings {
        // The reports' phases belong to the lap they ran in.
        let gathering = |sub: &str| matches!(sub, "find reports" | "load reports");
        let overlapped = timings.iter().any(|(p, _)| *p == SIDE_BY_SIDE);
        let mut last = std::time::Duration::ZERO;
        for (phase, t) in timings {
            stderr.push_str(&format!(
                "{phase:>19}: {:>8.2} ms\n",
                (t - last).as_secs_f64() * 1000.0
            ));
            let beside = plans_took.filter(|_| phase == SIDE_BY_SIDE);
            let beside = beside.map(|d| ("plans and register", d));
            let subs = beside
                .iter()
                .chain(&outcome.phases)
                .filter(|(sub, _)| match phase {
                    SIDE_BY_SIDE => gathering(sub) || *sub == "plans and register",
                    "check" => !overlapped || !gathering(sub),
                    _ => false,
                });
            for (sub, d) in subs {
                stderr.push_str(&format!(
                    "{sub:>21}: {:>8.2} ms\n",
                    d.as_secs_f64() * 1000.0
                ));
            }
            last = t;
        }
        let (read, places) = outcome.read;
        stderr.push_str(&format!("{:>19}: {read} of {places}\n", "reports read"));
    }
    let code = if outcome.internal_errors.is_empty() {
        i32::from(failing)
    } else {
        2
    };
    // The output is made: the plans and the outcome (at 10,000 reports,
    // hundreds of thousands of small allocations) are freed while it is
    // written, rather than one by one before.
    crate::free_later((plans, outcome));
    Output {
        stdout,
        stderr,
        code,
    }
}

//! The command line. `main.rs` calls [`run`]; everything here is reachable
//! from tests through the same function.

use crate::check::{self, CheckOptions, Plans};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::plan::Plan;
use crate::report_fmt::{self, RunInfo};
use crate::rules::registry;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "plan-lint", version, about = "Checks development-plan progress reports against the plan", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Load a plan's catalog and rules from DIR (repeatable); the built-in plan is always loaded.
    #[arg(long = "plan", value_name = "DIR", global = true)]
    pub plans: Vec<PathBuf>,
    /// Configuration file (default: plan-lint.toml in the current directory or a parent).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

/// Output formats of commands that print data rather than findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Human,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint reports (default: every *.yaml/*.yml under the data root).
    Check(CheckArgs),
    /// What a rule checks, why, a failing example, the fix, and where the plan applies it.
    Explain { code: String },
    /// Every rule entry: code, name, severity, selector, whether suppressible.
    Rules,
    /// The plan catalog.
    Plan(PlanArgs),
    /// Write a report skeleton for a department and period (to standard output, or to a new FILE).
    Init {
        #[arg(long)]
        department: String,
        #[arg(long)]
        period: i32,
        /// Write to FILE; an existing file is never overwritten.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Where last year's figures are read from (default: progress/, or the config's data_root).
        #[arg(long, value_name = "DIR")]
        data_root: Option<PathBuf>,
        /// The plan the report is for (default: the built-in plan).
        #[arg(long = "plan-id")]
        plan_id: Option<String>,
    },
    /// Run rule fixture cases: directories with case.yaml, report files and the findings they must produce.
    Test { dir: PathBuf },
    /// Where every target stands: values by year, target, evaluation category, projects, missing reports.
    Status(StatusArgs),
    /// Print a JSON Schema: report, plan, rules, config, output or status.
    Schema {
        #[arg(default_value = "report")]
        name: String,
    },
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Report files, directories or glob patterns; `-` reads one report from standard input.
    pub paths: Vec<String>,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where history is read from (default: progress/, or the config file's data_root).
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<PathBuf>,
    /// The name of the report read from standard input.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Warnings fail the run.
    #[arg(long)]
    pub deny_warnings: bool,
    /// The date rules treat as today (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Time spent in each phase, on standard error.
    #[arg(long)]
    pub timings: bool,
    /// Pull-request mode: lint what changed since the merge-base of HEAD and REV, and check history integrity.
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// With --base: fail on findings the change introduced (new), or on all.
    #[arg(long, value_enum, default_value = "all", requires = "base")]
    pub fail_on: FailOn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    New,
    All,
}

/// Output formats of `plan-lint status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// Markdown tables (fits $GITHUB_STEP_SUMMARY).
    Md,
    /// One self-contained HTML page with a chart per indicator.
    Html,
    /// One JSON document (plan-lint schema status).
    Json,
}

#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    #[arg(long, value_enum, default_value = "md")]
    pub format: StatusFormat,
    /// The year to report on (default: the latest period reported).
    #[arg(long, value_name = "Y")]
    pub period: Option<i32>,
    /// Where the reports are read from (default: progress/, or the config file's data_root).
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<PathBuf>,
    /// The plan to report on (default: the built-in plan).
    #[arg(long = "plan-id")]
    pub plan_id: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct PlanArgs {
    #[arg(long, value_enum, default_value = "human")]
    pub format: DataFormat,
    /// Which plan to show (default: the built-in plan).
    #[arg(long = "id")]
    pub id: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    /// A 专栏 column, e.g. 专栏5-2.
    #[arg(long)]
    pub column: Option<String>,
    /// binding or expected.
    #[arg(long)]
    pub attribute: Option<String>,
}

/// What a command printed and its exit code.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    fn ok(stdout: String) -> Self {
        Output {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
    fn fail(stderr: String) -> Self {
        Output {
            stdout: String::new(),
            stderr,
            code: 2,
        }
    }
}

/// The environment a run sees, injectable for tests.
#[derive(Default)]
pub struct Env {
    pub stdin: Option<Vec<u8>>,
    pub color: bool,
    /// GITHUB_ACTIONS=true: annotations are the default format.
    pub github_actions: bool,
    /// GITHUB_STEP_SUMMARY: a Markdown summary is appended to this file.
    pub step_summary: Option<PathBuf>,
}

impl Env {
    /// The environment of the running process.
    pub fn from_process() -> Env {
        Env {
            stdin: None,
            color: stdout_is_color_terminal(),
            github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
        }
    }
}

/// Parses arguments and runs; never panics on user input.
pub fn run<I, T>(args: I, env: Env) -> Output
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            return if code == 0 {
                Output::ok(text)
            } else {
                Output::fail(text)
            };
        }
    };
    execute(cli, env)
}

fn fail_with(mut diags: Vec<Diagnostic>, what: &str) -> Output {
    crate::diagnostic::sort(&mut diags);
    let mut text = report_fmt::human::render_diagnostics(&diags, false);
    text.push_str(&format!("plan-lint cannot {what}: fix the files above\n"));
    Output::fail(text)
}

/// The configuration (from --config or found upwards) and the plans it and --plan name.
fn setup(plan_dirs: &[PathBuf], config: Option<&PathBuf>) -> Result<(Plans, Config), Output> {
    setup_at(plan_dirs, config, None).map(|(p, c, _)| (p, c))
}

/// Like [`setup`]; with `base` (a pull request's `--base REV`) the configuration
/// and plan directories are read as they are at the merge-base, and a PL403
/// notice is returned for each the pull request changes.
fn setup_at(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    base: Option<&str>,
) -> Result<(Plans, Config, Vec<Diagnostic>), Output> {
    let path = match config {
        Some(p) => Some(p.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|d| crate::config::find(&d)),
    };
    // The scratch copy of the base's plan directories lives until the plans are loaded.
    let (cfg, dirs, notices, scratch) = match base {
        Some(rev) => {
            let mut b = crate::pull_request::base_inputs(rev, path.as_deref(), plan_dirs)
                .map_err(|e| Output::fail(format!("error: {e}\n")))?;
            let cfg = b.config.take().unwrap_or_default();
            let dirs = std::mem::take(&mut b.plan_dirs);
            let notices = std::mem::take(&mut b.notices);
            (cfg, dirs, notices, Some(b))
        }
        None => {
            let cfg = match &path {
                Some(p) => {
                    crate::config::load(p).map_err(|d| fail_with(d, "read its configuration"))?
                }
                None => Config::default(),
            };
            let mut dirs = plan_dirs.to_vec();
            dirs.extend(cfg.plans.iter().cloned());
            (cfg, dirs, Vec::new(), None)
        }
    };
    let mut plans = load_plans(&dirs)?;
    let diags = cfg.apply(&mut plans);
    if !diags.is_empty() {
        return Err(fail_with(diags, "apply its configuration"));
    }
    drop(scratch);
    Ok((plans, cfg, notices))
}

fn load_plans(dirs: &[PathBuf]) -> Result<Plans, Output> {
    let mut plans = Vec::new();
    let mut diags = Vec::new();
    match Plan::builtin() {
        Ok(p) => plans.push(p),
        Err(d) => diags.extend(d),
    }
    for dir in dirs {
        match Plan::from_dir(dir) {
            Ok(p) => {
                if plans.iter().any(|q: &Plan| q.id() == p.id()) {
                    return Err(Output::fail(format!(
                        "error: plan \"{}\" from {} is already loaded; give the new plan its own id in plan.yaml\n",
                        p.id(),
                        dir.display()
                    )));
                }
                plans.push(p)
            }
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(Plans(plans))
    } else {
        Err(fail_with(diags, "load the plan"))
    }
}

fn execute(cli: Cli, env: Env) -> Output {
    match cli.command {
        Command::Schema { name } => match crate::schema::by_name(&name) {
            Some(s) => Output::ok(s.to_string()),
            None => Output::fail(format!(
                "error: no schema \"{name}\"; choose one of report, plan, rules, config, output, status\n"
            )),
        },
        Command::Rules => match setup(&cli.plans, cli.config.as_ref()) {
            Ok((plans, _)) => Output::ok(crate::explain::rules_table(&plans)),
            Err(o) => o,
        },
        Command::Explain { code } => match setup(&cli.plans, cli.config.as_ref()) {
            Ok((plans, _)) => match crate::explain::explain(&plans, &code) {
                Some(text) => Output::ok(text),
                None => Output::fail(format!(
                    "error: no rule \"{code}\"{}; `plan-lint rules` lists them\n",
                    crate::suggest::closest(&code, registry::CODES.iter().map(|c| c.code))
                        .map(|c| format!(" (did you mean {c}?)"))
                        .unwrap_or_default()
                )),
            },
            Err(o) => o,
        },
        Command::Plan(args) => match setup(&cli.plans, cli.config.as_ref()) {
            Ok((plans, _)) => crate::catalog_view::show(&plans, &args),
            Err(o) => o,
        },
        Command::Check(args) => check_command(&cli.plans, cli.config.as_ref(), args, env),
        Command::Status(args) => match setup(&cli.plans, cli.config.as_ref()) {
            Ok((plans, cfg)) => crate::status::command(&plans, &cfg, args),
            Err(o) => o,
        },
        Command::Init {
            department,
            period,
            output,
            data_root,
            plan_id,
        } => {
            let (plans, cfg) = match setup(&cli.plans, cli.config.as_ref()) {
                Ok(x) => x,
                Err(o) => return o,
            };
            let root = data_root
                .or(cfg.data_root.clone())
                .unwrap_or_else(|| PathBuf::from("progress"));
            let text = match crate::init::plan_for(&plans, plan_id.as_deref())
                .and_then(|plan| crate::init::skeleton(plan, &department, period, &root))
            {
                Ok(t) => t,
                Err(e) => return Output::fail(format!("error: {e}\n")),
            };
            match output {
                None => Output::ok(text),
                Some(path) => {
                    let file = std::fs::OpenOptions::new()
                        .write(true)
                        .create_new(true)
                        .open(&path);
                    match file.and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes())) {
                        Ok(()) => Output {
                            stdout: String::new(),
                            stderr: format!("wrote {}\n", crate::paths::display(&path)),
                            code: 0,
                        },
                        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Output::fail(format!(
                            "error: {} already exists; plan-lint never overwrites a file: choose another name or remove it first\n",
                            crate::paths::display(&path)
                        )),
                        Err(e) => Output::fail(format!("error: cannot write {}: {e}\n", crate::paths::display(&path))),
                    }
                }
            }
        }
        Command::Test { dir } => {
            let (text, ok) = crate::fixture_test::run_all(&dir);
            Output {
                stdout: text,
                stderr: String::new(),
                code: if ok { 0 } else { 1 },
            }
        }
    }
}

fn today(arg: Option<&str>) -> Result<jiff::civil::Date, String> {
    match arg {
        Some(s) => crate::report::parse_date(s)
            .ok_or_else(|| format!("error: --today \"{s}\" is not a date (YYYY-MM-DD)\n")),
        None => Ok(jiff::Zoned::now().date()),
    }
}

fn check_command(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    args: CheckArgs,
    env: Env,
) -> Output {
    let started = std::time::Instant::now();
    let mut timings = Vec::new();
    let (plans, cfg, notices) = match setup_at(plan_dirs, config, args.base.as_deref()) {
        Ok(p) => p,
        Err(o) => return o,
    };
    timings.push(("load plans", started.elapsed()));
    let today = match today(args.today.as_deref()) {
        Ok(t) => t,
        Err(e) => return Output::fail(e),
    };
    let data_root = args
        .data_root
        .clone()
        .or_else(|| cfg.data_root.clone())
        .unwrap_or_else(|| PathBuf::from("progress"));
    let mut opts = CheckOptions::new(data_root, today);
    opts.exclude = cfg.exclude.clone();
    opts.base = args.base.clone();
    opts.severity = cfg.severity.clone();
    if let Some(max) = cfg.max_file_size {
        opts.max_file_size = max;
    }
    for p in &args.paths {
        if p == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "<stdin>.yaml".into());
            let bytes = match env.stdin.clone() {
                Some(b) => b,
                None => {
                    let mut b = Vec::new();
                    if let Err(e) = std::io::stdin().read_to_end(&mut b) {
                        return Output::fail(format!("error: cannot read standard input: {e}\n"));
                    }
                    b
                }
            };
            opts.stdin = Some((name, bytes));
        } else {
            opts.inputs.push(p.clone());
        }
    }
    let outcome = match check::run(&plans, &opts) {
        Ok(mut o) => {
            for mut d in notices {
                d.baseline_state = Some(crate::diagnostic::BaselineState::New);
                o.diagnostics.push(d);
            }
            crate::diagnostic::sort(&mut o.diagnostics);
            o
        }
        Err(f) => {
            let mut text = report_fmt::human::render_diagnostics(&f.diagnostics, false);
            text.push_str(&format!("error: {}\n", f.message));
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
    };
    let default = if env.github_actions {
        Format::Github
    } else {
        Format::Human
    };
    let stdout = match args.format.unwrap_or(default) {
        Format::Human => report_fmt::human::render(&info, env.color),
        Format::Json => report_fmt::json::render(&info),
        Format::Sarif => report_fmt::sarif::render(&info),
        Format::Github => report_fmt::github::render(&info),
    };
    timings.push(("report", started.elapsed()));
    // With --fail-on new, findings the merge-base already had do not fail the run.
    let counts = |sev: Severity| {
        outcome
            .diagnostics
            .iter()
            .filter(|d| !d.suppressed && d.severity == sev)
            .filter(|d| {
                args.fail_on == FailOn::All
                    || d.baseline_state != Some(crate::diagnostic::BaselineState::Unchanged)
            })
            .count()
    };
    let failing =
        counts(Severity::Error) > 0 || (args.deny_warnings && counts(Severity::Warning) > 0);
    let mut stderr = String::new();
    if let Some(path) = &env.step_summary {
        let summary = report_fmt::summary::render(&info, &plans);
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, summary.as_bytes()));
        if let Err(e) = appended {
            stderr.push_str(&format!(
                "warning: cannot append to GITHUB_STEP_SUMMARY {}: {e}\n",
                path.display()
            ));
        }
    }
    for e in &outcome.internal_errors {
        stderr.push_str(&format!("error: {e}\n"));
    }
    if args.timings {
        let mut last = std::time::Duration::ZERO;
        for (phase, t) in timings {
            stderr.push_str(&format!(
                "{phase:>12}: {:>8.2} ms\n",
                (t - last).as_secs_f64() * 1000.0
            ));
            last = t;
        }
    }
    Output {
        stdout,
        stderr,
        code: if outcome.internal_errors.is_empty() {
            i32::from(failing)
        } else {
            2
        },
    }
}

/// Whether standard output is a colour terminal.
pub fn stdout_is_color_terminal() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

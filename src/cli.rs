//! The command line. `main.rs` calls [`run`]; everything here is reachable
//! from tests through the same function.

use crate::commands::setup::{
    configure_for, decisions_register, error, fail_with, setup, setup_with_root, Setup,
};
pub use crate::commands::status::{StatusArgs, StatusFormat, StatusTable};
pub use crate::commands::{Env, Output};
use crate::diagnostics::diagnostic::Severity;
use crate::diagnostics::messages::{CliHelp, Lang, Stage, Text};
use crate::drivers::pull_request::Base;
use crate::engine::check;
use crate::engine::rules::registry;
use crate::load::config::Config;
use crate::load::workspace::CheckOptions;
use crate::model::plan::Plan;
use crate::output::findings::{self, RunInfo};
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::path::PathBuf;

// The help texts of commands and options are the message catalog's
// (`messages::CliHelp`), set in the run's language by [`command`].
#[derive(Parser, Debug)]
#[command(name = "plan-lint", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(long = "plan", value_name = "DIR", global = true)]
    pub plans: Vec<PathBuf>,
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "LANG", global = true)]
    pub lang: Option<Lang>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

pub use crate::commands::catalog::Format as DataFormat;

#[derive(Subcommand, Debug)]
pub enum Command {
    Check(CheckArgs),
    Explain {
        code: String,
    },
    Rules,
    Plan(PlanArgs),
    Init {
        #[arg(long)]
        department: String,
        #[arg(long)]
        period: i32,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "DIR")]
        data_root: Option<PathBuf>,
        #[arg(long = "plan-id")]
        plan_id: Option<String>,
    },
    Test {
        dir: PathBuf,
    },
    Status(StatusArgs),
    Schema {
        #[arg(default_value = "report")]
        name: String,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    #[command(subcommand)]
    Decisions(DecisionsCommand),
    Server,
    /// A CODEOWNERS file for the data repository, from the plan's department registry.
    Codeowners {
        #[arg(long, value_name = "TEAM")]
        office: String,
        #[arg(long, value_name = "PATTERN")]
        teams: Option<String>,
        #[arg(long, value_name = "DIR")]
        data_root: Option<PathBuf>,
        #[arg(long = "plan-id")]
        plan_id: Option<String>,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
}

/// `plan-lint decisions …`: the plan office's register (trust.md).
#[derive(Subcommand, Debug)]
pub enum DecisionsCommand {
    /// The register entries the accepted reports' own approvals, revisions
    /// and requirements imply (migration from version 1), for review.
    Draft {
        #[arg(long, value_name = "DIR")]
        data_root: Option<PathBuf>,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "REV")]
        base: Option<String>,
    },
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

#[derive(clap::Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub action: Option<PlanCommand>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: DataFormat,
    #[arg(long = "id")]
    pub id: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long)]
    pub column: Option<String>,
    #[arg(long)]
    pub attribute: Option<String>,
}

/// `plan-lint plan …`.
#[derive(Subcommand, Debug)]
pub enum PlanCommand {
    Verify(VerifyArgs),
    Draft(DraftArgs),
}

/// `plan-lint plan draft --seed FILE --id ID -o DIR`.
#[derive(clap::Args, Debug)]
pub struct DraftArgs {
    #[arg(long, value_name = "FILE")]
    pub seed: PathBuf,
    #[arg(long, value_name = "ID")]
    pub id: String,
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    #[arg(long)]
    pub force: bool,
}

/// `plan-lint plan verify DIR… [--seed FILE]`.
#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
    pub dirs: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub seed: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// The catalog entry that describes a command (`arg` none) or one of its
/// arguments; `command` is the path below the program, "" for the program.
fn help_entry(command: &str, arg: Option<&str>) -> Option<CliHelp> {
    use CliHelp as H;
    Some(match (command, arg) {
        ("", None) => H::About,
        (_, Some("plans")) => H::Plans,
        (_, Some("config")) => H::Config,
        (_, Some("lang")) => H::Lang,
        (_, Some("decisions")) => H::Decisions,
        ("check", None) => H::Check,
        ("check", Some("paths")) => H::CheckPaths,
        ("check", Some("format")) => H::CheckFormat,
        ("check", Some("data_root")) => H::CheckDataRoot,
        ("check", Some("stdin_filename")) => H::CheckStdinFilename,
        ("check", Some("deny_warnings")) => H::CheckDenyWarnings,
        ("check", Some("today")) => H::CheckToday,
        ("check", Some("timings")) => H::CheckTimings,
        ("check", Some("base")) => H::CheckBase,
        ("check", Some("no_base")) => H::CheckNoBase,
        ("check", Some("fail_on")) => H::CheckFailOn,
        ("explain", None) => H::Explain,
        ("explain", Some("code")) => H::ExplainCode,
        ("rules", None) => H::Rules,
        ("plan", None) => H::Plan,
        ("plan", Some("format")) => H::PlanFormat,
        ("plan", Some("id")) => H::PlanId,
        ("plan", Some("department")) => H::PlanDepartment,
        ("plan", Some("column")) => H::PlanColumn,
        ("plan", Some("attribute")) => H::PlanAttribute,
        ("plan verify", None) => H::PlanVerify,
        ("plan verify", Some("dirs")) => H::PlanVerifyDirs,
        ("plan verify", Some("seed")) => H::PlanVerifySeed,
        ("plan verify", Some("format")) => H::PlanVerifyFormat,
        ("plan draft", None) => H::PlanDraft,
        ("plan draft", Some("seed")) => H::PlanDraftSeed,
        ("plan draft", Some("id")) => H::PlanDraftId,
        ("plan draft", Some("output")) => H::PlanDraftOutput,
        ("init", None) => H::Init,
        ("init", Some("department")) => H::InitDepartment,
        ("init", Some("period")) => H::InitPeriod,
        ("init", Some("output")) => H::InitOutput,
        ("init", Some("data_root")) => H::InitDataRoot,
        ("init", Some("plan_id")) => H::InitPlanId,
        ("test", None) => H::Test,
        ("test", Some("dir")) => H::TestDir,
        ("status", None) => H::Status,
        ("status", Some("format")) => H::StatusFormat,
        ("status", Some("period")) => H::StatusPeriod,
        ("status", Some("data_root")) => H::StatusDataRoot,
        ("status", Some("plan_id")) => H::StatusPlanId,
        ("status", Some("table")) => H::StatusTable,
        ("status", Some("department")) => H::StatusDepartment,
        ("decisions", None) => H::Decisions,
        ("decisions draft", None) => H::DecisionsDraft,
        ("decisions draft", Some("data_root")) => H::InitDataRoot,
        ("decisions draft", Some("base")) => H::DecisionsDraftBase,
        ("codeowners", None) => H::Codeowners,
        ("server", None) => H::Server,
        ("codeowners", Some("office")) => H::CodeownersOffice,
        ("codeowners", Some("teams")) => H::CodeownersTeams,
        ("codeowners", Some("data_root")) => H::InitDataRoot,
        ("codeowners", Some("plan_id")) => H::InitPlanId,
        ("schema", None) => H::Schema,
        ("schema", Some("name")) => H::SchemaName,
        (_, Some("output")) => H::Output,
        (_, Some("force")) => H::Force,
        _ => return None,
    })
}

/// The command line, its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    localized(Cli::command(), "", lang)
}

fn localized(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    if let Some(h) = help_entry(path, None) {
        cmd = cmd.about(h.text(lang));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(h) = help_entry(path, Some(&id)) {
            cmd = cmd.mut_arg(id, |a| a.help(h.text(lang)));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |c| localized(c, &sub, lang));
    }
    cmd
}

/// `--lang X` or `--lang=X` among the arguments, so that help and usage
/// errors are in the language asked for; an invalid value is clap's to report.
fn lang_argument(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(v) = value {
            return Lang::from_str(&v, true).ok();
        }
    }
    None
}

/// The `lang` of the plan-lint.toml a run uses (named, or found from the
/// current folder); a configuration that does not load is reported later,
/// in the language the rest decides.
fn config_lang(config: Option<&PathBuf>) -> Option<Lang> {
    let path = match config {
        Some(p) => p.clone(),
        None => crate::load::config::find(&std::env::current_dir().ok()?)?,
    };
    crate::load::config::load(&path).ok()?.lang
}

/// The words clap writes around the help texts, in `lang`.
fn help_words(text: String, lang: Lang) -> String {
    CliHelp::CLAP_WORDS
        .iter()
        .fold(text, |t, w| t.replace(w.text(Lang::En), w.text(lang)))
}

/// Parses arguments and runs; never panics on user input.
pub fn run<I, T>(args: I, env: Env) -> Output
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let lang = lang_argument(&args).unwrap_or_else(|| Lang::from_locale(env.locale.as_deref()));
    let parsed = command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let mut text = e.render().to_string();
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                text = help_words(text, lang);
            }
            return if code == 0 {
                Output::ok(text)
            } else {
                Output::fail(text)
            };
        }
    };
    execute(cli, env)
}

fn execute(cli: Cli, env: Env) -> Output {
    // --lang, then plan-lint.toml's `lang`, then the locale or the system's UI language.
    let lang = cli
        .lang
        .or_else(|| config_lang(cli.config.as_ref()))
        .unwrap_or_else(|| Lang::from_locale(env.locale.as_deref()));
    match cli.command {
        Command::Schema {
            name,
            output,
            force,
        } => match crate::load::schema::by_name(&name) {
            Some(s) => write_new(s.to_string(), output.as_deref(), force, None, lang),
            None => error(Text::NoSchema { name }, lang),
        },
        Command::Rules => match setup(&cli.plans, cli.config.as_ref(), lang) {
            Ok((plans, _)) => Output::ok(crate::output::explain::rules_table(&plans, lang)),
            Err(o) => o,
        },
        Command::Explain { code } => match setup(&cli.plans, cli.config.as_ref(), lang) {
            Ok((plans, _)) => match crate::output::explain::explain(&plans, &code, lang) {
                Some(text) => Output::ok(text),
                None => {
                    let suggestion = crate::syntax::suggest::closest(
                        &code,
                        registry::CODES.iter().map(|c| c.code.as_str()),
                    )
                    .map(str::to_string);
                    error(Text::NoRule { code, suggestion }, lang)
                }
            },
            Err(o) => o,
        },
        Command::Plan(PlanArgs {
            action: Some(PlanCommand::Verify(args)),
            ..
        }) => verify_command(args, env, lang),
        Command::Plan(PlanArgs {
            action: Some(PlanCommand::Draft(args)),
            ..
        }) => draft_command(args, lang),
        Command::Plan(args) => match setup(&cli.plans, cli.config.as_ref(), lang) {
            Ok((plans, _)) => {
                let query = crate::commands::catalog::CatalogQuery {
                    format: args.format,
                    id: args.id,
                    department: args.department,
                    column: args.column,
                    attribute: args.attribute,
                };
                crate::commands::catalog::show(&plans, &query, lang)
            }
            Err(o) => o,
        },
        Command::Check(args) => check_command(&cli.plans, cli.config.as_ref(), args, env, lang),
        Command::Status(args) => match setup(&cli.plans, cli.config.as_ref(), lang) {
            Ok((plans, cfg)) => crate::commands::status::command(&plans, &cfg, args, lang),
            Err(o) => o,
        },
        Command::Init {
            department,
            period,
            output,
            force,
            data_root,
            plan_id,
        } => {
            let (plans, opts) =
                match setup_with_root(&cli.plans, cli.config.as_ref(), data_root, lang) {
                    Ok(x) => x,
                    Err(o) => return o,
                };
            let work = crate::load::workspace::Workspace::under_root(&opts);
            let reports: Vec<&crate::model::report::Report> = work.reports().collect();
            let schema =
                crate::commands::init::schema_reference(&opts.data_root, output.as_deref());
            let text =
                match crate::commands::init::plan_for_period(&plans, plan_id.as_deref(), period)
                    .and_then(|plan| {
                        crate::commands::init::skeleton(
                            plan,
                            &department,
                            period,
                            &reports,
                            &schema,
                            lang,
                        )
                    }) {
                    Ok(t) => t,
                    Err(e) => return error(e, lang),
                };
            // The editor finds the schema offline once the repository keeps a copy.
            let copy = crate::commands::init::schema_copy(&opts.data_root);
            let note = match copy.is_file() {
                true => String::new(),
                false => format!(
                    "{}\n",
                    Text::SchemaCopyMissing {
                        path: crate::syntax::paths::display(&copy)
                    }
                    .text(lang)
                ),
            };
            let Some(path) = output else {
                return Output {
                    stdout: text,
                    stderr: note,
                    code: 0,
                };
            };
            let dest = crate::commands::output::Destination {
                path: &path,
                force,
                writes: crate::commands::output::Writes::NewReport { department, period },
                data_root: Some(&opts.data_root),
                make_folder: true,
            };
            let mut written =
                crate::commands::output::write_reporting(&dest, text.as_bytes(), lang);
            if written.code == 0 {
                written.stderr.push_str(&note);
            }
            written
        }
        Command::Decisions(DecisionsCommand::Draft {
            data_root,
            output,
            force,
            base,
        }) => {
            let (plans, opts) =
                match setup_with_root(&cli.plans, cli.config.as_ref(), data_root, lang) {
                    Ok(x) => x,
                    Err(o) => return o,
                };
            if !opts.data_root.is_dir() {
                return error(
                    Text::StatusDataRootMissing {
                        root: crate::syntax::paths::display(&opts.data_root),
                    },
                    lang,
                );
            }
            let text = match base {
                // The revisions a pull request needs, from the merge-base.
                Some(rev) => {
                    match crate::commands::decisions::draft_revisions(&plans, &opts.data_root, &rev)
                    {
                        Ok(t) => t,
                        Err(e) => return error(e, lang),
                    }
                }
                None => {
                    let work = crate::load::workspace::Workspace::under_root(&opts);
                    crate::load::decisions::draft::draft(&work, &plans)
                }
            };
            write_new(text, output.as_deref(), force, Some(&opts.data_root), lang)
        }
        Command::Codeowners {
            office,
            teams,
            data_root,
            plan_id,
            output,
            force,
        } => {
            let (plans, opts) =
                match setup_with_root(&cli.plans, cli.config.as_ref(), data_root, lang) {
                    Ok(x) => x,
                    Err(o) => return o,
                };
            let root = opts.data_root;
            match crate::commands::init::plan_for(&plans, plan_id.as_deref()) {
                Ok(plan) => write_new(
                    crate::load::decisions::codeowners(plan, &office, teams.as_deref(), &root),
                    output.as_deref(),
                    force,
                    Some(&root),
                    lang,
                ),
                Err(e) => error(e, lang),
            }
        }
        Command::Server => {
            crate::commands::server::serve_stdio(cli.plans, cli.config, cli.lang, env)
        }
        Command::Test { dir } => {
            let (text, ok) = crate::commands::fixture_test::run_all(&dir);
            Output {
                stdout: text,
                stderr: String::new(),
                code: if ok { 0 } else { 1 },
            }
        }
    }
}

/// Findings in the format asked for (default: GitHub annotations under
/// GitHub Actions, else human), as `check` and `plan verify` print them.
fn render_findings(info: &RunInfo<'_>, format: Option<Format>, env: &Env, lang: Lang) -> String {
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

/// `plan-lint plan verify`: each plan directory (none: the built-in plan)
/// proved against its seed; the findings as `check` prints them; exit 1 when
/// any, 2 when a plan or its seed cannot be read.
fn verify_command(args: VerifyArgs, env: Env, lang: Lang) -> Output {
    use crate::engine::verify::{self, Seed};
    let read_seed = |path: &std::path::Path| read_seed(path, lang);
    let mut diagnostics = Vec::new();
    let mut plans = Vec::new();
    let mut notes = String::new();
    let mut files = 0;
    let targets: Vec<Option<&PathBuf>> = if args.dirs.is_empty() {
        vec![None]
    } else {
        args.dirs.iter().map(Some).collect()
    };
    for dir in targets {
        let loaded = match dir {
            None => Plan::builtin(),
            Some(d) => Plan::from_dir(d),
        };
        let plan = match loaded {
            Ok(p) => p,
            Err(d) => return fail_with(d, Stage::LoadPlan, lang),
        };
        let seed = match (&args.seed, dir) {
            (Some(path), _) => read_seed(path),
            (None, None) => Seed::builtin(&plan.header.seed).ok_or_else(|| {
                error(
                    Text::SeedNotFound {
                        plan: plan.id().to_string(),
                        seed: plan.header.seed.clone(),
                        tried: Vec::new(),
                    },
                    lang,
                )
            }),
            (None, Some(d)) => {
                let tried = verify::seed_candidates(d, &plan.header.seed);
                match tried.iter().find(|p| p.is_file()) {
                    Some(p) => read_seed(p),
                    None => Err(error(
                        Text::SeedNotFound {
                            plan: plan.id().to_string(),
                            seed: plan.header.seed.clone(),
                            tried: tried
                                .iter()
                                .map(|p| crate::syntax::paths::display(p))
                                .collect(),
                        },
                        lang,
                    )),
                }
            }
        };
        let seed = match seed {
            Ok(s) => s,
            Err(o) => return o,
        };
        // The completeness scan needs the plan's accounting file.
        let accounting = match dir {
            None => Some(verify::Accounting::builtin()),
            Some(d) => {
                let path = d.join(verify::ACCOUNTING_FILE);
                let shown = crate::syntax::paths::display(&path);
                match std::fs::read(&path) {
                    Ok(bytes) => Some(verify::Accounting::new(
                        shown,
                        &String::from_utf8_lossy(&bytes),
                    )),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        notes.push_str(
                            &Text::ScanNotRun {
                                plan: plan.id().to_string(),
                                path: shown,
                            }
                            .text(lang),
                        );
                        notes.push('\n');
                        None
                    }
                    Err(e) => {
                        let e = crate::diagnostics::messages::OsError::from(&e);
                        Some(verify::Accounting::unreadable(
                            shown,
                            e.text(Lang::En),
                            e.text(Lang::Zh),
                        ))
                    }
                }
            }
        };
        diagnostics.extend(verify::verify(&plan, &seed, accounting.as_ref()));
        files += plan.files.len() + 1;
        plans.push((plan.id().to_string(), plan.sha256.clone()));
    }
    crate::diagnostics::diagnostic::sort(&mut diagnostics);
    let outcome = check::Outcome {
        diagnostics,
        files,
        ..Default::default()
    };
    let info = RunInfo {
        outcome: &outcome,
        plans,
        base: None,
    };
    let stdout = render_findings(&info, args.format, &env, lang);
    let failing = outcome
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    Output {
        stdout,
        stderr: notes,
        code: i32::from(failing),
    }
}

/// A plan text (seed) from a file, as UTF-8.
fn read_seed(path: &std::path::Path, lang: Lang) -> Result<crate::engine::verify::Seed, Output> {
    let shown = crate::syntax::paths::display(path);
    let text = std::fs::read(path).and_then(|b| {
        String::from_utf8(b).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    });
    match text {
        Ok(t) => Ok(crate::engine::verify::Seed::new(shown, &t)),
        Err(e) => Err(error(
            Text::SeedUnreadable {
                path: shown,
                error: (&e).into(),
            },
            lang,
        )),
    }
}

/// `plan-lint plan draft`: a plan directory drafted from the plan text, into a new or
/// empty directory (never over anything); exit 2 when the directory is not empty, the
/// seed cannot be read or a file cannot be written.
fn draft_command(args: DraftArgs, lang: Lang) -> Output {
    let id_ok = args
        .id
        .starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && (args.id.chars()).all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return error(Text::DraftBadId { id: args.id }, lang);
    }
    let dir = &args.output;
    let shown = crate::syntax::paths::display(dir);
    let occupied = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
    };
    if occupied && !args.force {
        return error(Text::DraftDirNotEmpty { path: shown }, lang);
    }
    let seed = match read_seed(&args.seed, lang) {
        Ok(s) => s,
        Err(o) => return o,
    };
    let seed_ref = crate::engine::draft::seed_reference(dir, &args.seed);
    let drafted = crate::engine::draft::draft(&seed, &seed_ref, &args.id, lang);
    for (name, text) in &drafted.files {
        let dest = crate::commands::output::Destination {
            path: &dir.join(name),
            force: args.force,
            writes: crate::commands::output::Writes::Other,
            data_root: None,
            make_folder: true,
        };
        if let Err(o) = crate::commands::output::write(&dest, text.as_bytes(), lang) {
            return o;
        }
    }
    let text = Text::Drafted {
        path: shown,
        indicators: drafted.indicators,
        targets: drafted.targets,
        projects: drafted.projects,
        departments: drafted.departments,
        marks: drafted.marks,
    };
    let mut stderr = format!("{}\n", text.text(lang));
    if drafted.indicators == 0 {
        stderr.push_str(&format!("{}\n", Text::DraftNoTable.text(lang)));
    }
    Output {
        stdout: String::new(),
        stderr,
        code: 0,
    }
}

/// A generated text to standard output, or to `-o FILE` under the rule
/// every command follows ([`crate::commands::output`]).
fn write_new(
    text: String,
    output: Option<&std::path::Path>,
    force: bool,
    data_root: Option<&std::path::Path>,
    lang: Lang,
) -> Output {
    let Some(path) = output else {
        return Output::ok(text);
    };
    let dest = crate::commands::output::Destination {
        path,
        force,
        writes: crate::commands::output::Writes::Other,
        data_root,
        make_folder: true,
    };
    crate::commands::output::write_reporting(&dest, text.as_bytes(), lang)
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

fn check_command(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    args: CheckArgs,
    env: Env,
    lang: Lang,
) -> Output {
    let started = std::time::Instant::now();
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
    // while the plans load: neither needs the other. Errors keep their
    // order: the plans', then --today's, then the reports'.
    let side_by_side = judged_at.is_none() && !args.paths.iter().any(|p| p == "-");
    let (plans, gathered) = match (&today, side_by_side) {
        (Ok(t), true) => {
            let opts = check_options(&args, &setup.config, *t);
            let (plans, gathered) = rayon::join(
                || setup.load_plans(lang),
                || crate::load::workspace::gather(&opts),
            );
            (plans, Some((opts, gathered)))
        }
        _ => (setup.load_plans(lang), None),
    };
    let Setup {
        config: cfg,
        notices,
        ..
    } = setup;
    let plans = match plans {
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
    let (register, register_notices) = match decisions_register(
        args.decisions.as_deref(),
        &cfg,
        &opts.data_root,
        &plans,
        judged_at,
        lang,
    ) {
        Ok(r) => r,
        Err(o) => return o,
    };
    opts.decisions = std::sync::Arc::new(register);
    let outcome = match gathered {
        Some(g) => g.and_then(|g| check::run_loaded(&plans, &opts, g)),
        None => match (&base, &record) {
            (Some(at), _) => crate::drivers::pull_request::run(&plans, &opts, at),
            (None, Some((_, at))) => crate::drivers::pull_request::run_full(&plans, &opts, at),
            (None, None) => check::run(&plans, &opts),
        },
    };
    let outcome = match outcome {
        Ok(mut o) => {
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
            let subs = (outcome.phases.iter()).filter(|(sub, _)| match phase {
                SIDE_BY_SIDE => gathering(sub),
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

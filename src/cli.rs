//! The command line. `main.rs` calls [`run`]; everything here is reachable
//! from tests through the same function.

pub use crate::commands::check::{CheckArgs, FailOn, Format};
pub use crate::commands::plan::{DraftArgs, VerifyArgs};
use crate::commands::setup::error;
pub use crate::commands::status::{StatusArgs, StatusFormat, StatusTable};
pub use crate::commands::{Env, Output};
use crate::diagnostics::messages::{CliHelp, Lang, Text};
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
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

pub use crate::commands::catalog::Format as DataFormat;

#[derive(Subcommand, Debug)]
pub enum Command {
    Check(CheckArgs),
    Explain {
        code: String,
    },
    Rules,
    Plan(PlanArgs),
    Init(crate::commands::init::InitArgs),
    Convert(crate::commands::convert::ConvertArgs),
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

/// The message catalog's help text of a command (`arg` None) or of one of its
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
        ("init", Some("format")) => H::InitFormat,
        ("convert", None) => H::Convert,
        ("convert", Some("file")) => H::ConvertFile,
        ("convert", Some("output")) => H::ConvertOutput,
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
        ("convert", Some("data_root")) => H::InitDataRoot,
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
            Some(s) => crate::commands::write::write_new(
                s.to_string(),
                output.as_deref(),
                force,
                None,
                lang,
            ),
            None => error(Text::NoSchema { name }, lang),
        },
        Command::Rules => {
            crate::commands::explain::rules_command(&cli.plans, cli.config.as_ref(), lang)
        }
        Command::Explain { code } => {
            crate::commands::explain::command(&cli.plans, cli.config.as_ref(), code, lang)
        }
        Command::Plan(PlanArgs {
            action: Some(PlanCommand::Verify(args)),
            ..
        }) => crate::commands::plan::verify_command(args, env, lang),
        Command::Plan(PlanArgs {
            action: Some(PlanCommand::Draft(args)),
            ..
        }) => crate::commands::plan::draft_command(args, lang),
        Command::Plan(args) => {
            let query = crate::commands::catalog::CatalogQuery {
                format: args.format,
                id: args.id,
                department: args.department,
                column: args.column,
                attribute: args.attribute,
            };
            crate::commands::catalog::command(&cli.plans, cli.config.as_ref(), &query, lang)
        }
        Command::Check(args) => {
            crate::commands::check::command(&cli.plans, cli.config.as_ref(), args, env, lang)
        }
        Command::Status(args) => {
            crate::commands::status::command(&cli.plans, cli.config.as_ref(), args, lang)
        }
        Command::Convert(args) => {
            crate::commands::convert::command(&cli.plans, cli.config.as_ref(), args, lang)
        }
        Command::Init(args) => {
            crate::commands::init::command(&cli.plans, cli.config.as_ref(), args, lang)
        }
        Command::Decisions(DecisionsCommand::Draft {
            data_root,
            output,
            force,
            base,
        }) => crate::commands::decisions::draft_command(
            &cli.plans,
            cli.config.as_ref(),
            data_root,
            (output.as_deref(), force),
            base,
            lang,
        ),
        Command::Codeowners {
            office,
            teams,
            data_root,
            plan_id,
            output,
            force,
        } => crate::commands::decisions::codeowners_command(
            &cli.plans,
            cli.config.as_ref(),
            (&office, teams.as_deref()),
            data_root,
            plan_id.as_deref(),
            (output.as_deref(), force),
            lang,
        ),
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

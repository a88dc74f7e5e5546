//! `plan-lint plan verify` and `plan-lint plan draft`: a plan directory proved
//! against its plan text, and drafted from it.

use crate::commands::check::{render_findings, Format};
use crate::commands::setup::{error, fail_with};
use crate::commands::{Env, Output};
use crate::diagnostics::diagnostic::Severity;
use crate::diagnostics::messages::{Lang, Stage, Text};
use crate::engine::check;
use crate::model::plan::Plan;
use crate::output::findings::RunInfo;
use std::path::PathBuf;

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

/// `plan-lint plan verify`: each plan directory (none: the built-in plan)
/// proved against its seed; the findings as `check` prints them; exit 1 when
/// any, 2 when a plan or its seed cannot be read.
pub fn verify_command(args: VerifyArgs, env: Env, lang: Lang) -> Output {
    use crate::engine::verify::{self, Seed};
    use crate::model::plan::plausibility::BoundsFrom;
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
        let defaults: Vec<String> = (plan.indicators.iter())
            .filter(|i| plan.plausibility(i).from == BoundsFrom::Default)
            .map(|i| i.id.clone())
            .collect();
        if !defaults.is_empty() {
            notes.push_str(
                &Text::PlausibilityDefaults {
                    plan: plan.id().to_string(),
                    ids: defaults,
                }
                .text(lang),
            );
            notes.push('\n');
        }
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
pub fn draft_command(args: DraftArgs, lang: Lang) -> Output {
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

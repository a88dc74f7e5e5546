//! `plan-lint status`: its arguments, which plans it shows (`--plan-id`, the plan
//! whose period holds `--period`, else every plan with reports), the reports it
//! reads (through the check's loader) and the format it writes.

use super::Output;
use crate::commands::setup::Setup;
use crate::diagnostics::messages::{Lang, Sheet, StatusText, Text};
use crate::engine::history::History;
use crate::load::workspace::{CheckOptions, Workspace};
use crate::model::plan::{CatalogPositions, Plan, Plans};
use crate::model::report::Report;
use crate::output::status::{
    compute, csv, department_of, html, json, markdown, table, value_findings, xlsx, Error, Read,
    Status, StatusOptions,
};
use clap::ValueEnum;
use rayon::prelude::*;
use std::path::PathBuf;

/// Output formats of `plan-lint status`: Markdown tables (fits
/// $GITHUB_STEP_SUMMARY), one self-contained HTML page with a chart per
/// indicator, one JSON document (plan-lint schema status).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Md,
    Html,
    Json,
    Csv,
    Xlsx,
}

/// The table `status --format csv` writes (a sheet of `--format xlsx`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusTable {
    Indicators,
    Projects,
    Departments,
    Missing,
    Decisions,
}

#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    #[arg(long, value_enum, default_value = "md")]
    pub format: StatusFormat,
    #[arg(long, value_name = "Y")]
    pub period: Option<i32>,
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<PathBuf>,
    #[arg(long = "plan-id")]
    pub plan_id: Option<String>,
    #[arg(long, value_name = "DIR")]
    pub decisions: Option<PathBuf>,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_enum, default_value = "indicators")]
    pub table: StatusTable,
    #[arg(long, value_name = "CODE")]
    pub department: Option<String>,
}

/// `plan-lint status`: the plans and the configuration, then [`status`].
pub fn command(
    plans: &[PathBuf],
    config: Option<&PathBuf>,
    args: StatusArgs,
    lang: Lang,
) -> Output {
    match crate::commands::setup::configure(plans, config, None, lang) {
        Ok(setup) => status(&setup, args, lang),
        Err(o) => o,
    }
}

/// The options from the command line and the configuration, the status,
/// rendered in the format asked for.
fn status(setup: &Setup, args: StatusArgs, lang: Lang) -> Output {
    let cfg = &setup.config;
    let mut opts = StatusOptions::new(
        args.data_root
            .or_else(|| cfg.data_root.clone())
            .unwrap_or_else(|| PathBuf::from("progress")),
    );
    opts.period = args.period;
    opts.plan_id = args.plan_id;
    opts.department = args.department;
    opts.exclude = cfg.exclude.clone();
    if let Some(max) = cfg.max_file_size {
        opts.max_file_size = max;
    }
    // The reports are read while the plans and then the register load, as
    // check reads them.
    let (loaded, work) = rayon::join(
        || {
            let plans = setup.load_plans(lang)?;
            let (register, _) = crate::commands::setup::decisions_register(
                args.decisions.as_deref(),
                cfg,
                &opts.data_root,
                &plans,
                None,
                lang,
            )?;
            Ok((plans, register))
        },
        || Workspace::under_root(&opts.check_options()),
    );
    let (loaded, register) = match loaded {
        Ok(l) => l,
        Err(o) => return o,
    };
    opts.decisions = std::sync::Arc::new(register);
    let plans = &loaded;
    let statuses = match build_from(plans, &opts, work) {
        Ok(s) => s,
        Err(Error::Usage(e)) => return Output::fail(e.error_line(lang)),
        Err(Error::Status(e)) => return Output::fail(error_line(&e, lang)),
    };
    // Markdown shows every plan in turn (the final evaluation of one beside
    // the first year of the next); a format that holds one plan shows the
    // latest and says on standard error how to show the others.
    let Some((s, earlier)) = statuses.split_last() else {
        return Output::fail(Text::NoPlan.error_line(lang));
    };
    let note = match args.format {
        StatusFormat::Md => String::new(),
        _ if earlier.is_empty() => String::new(),
        _ => {
            let others = (earlier.iter())
                .map(|o| (o.plan.id.clone(), o.period))
                .collect();
            let t = StatusText::OtherPlans {
                shown: s.plan.id.clone(),
                period: s.period,
                others,
            };
            format!("{}\n", t.text(lang))
        }
    };
    // An alias of another office: say whose part this is.
    let meant = (opts.department.as_deref())
        .and_then(|d| plans.get(&s.plan.id)?.department_meant(d))
        .and_then(|(d, alias)| Some((alias?, d.name.clone(), d.code.clone())));
    let note = match meant {
        Some((alias, name, code)) => {
            let t = StatusText::ReportedBy { alias, name, code };
            format!("{}\n{note}", t.text(lang))
        }
        None => note,
    };
    let sheet = match args.table {
        StatusTable::Indicators => Sheet::Indicators,
        StatusTable::Projects => Sheet::Projects,
        StatusTable::Departments => Sheet::Departments,
        StatusTable::Missing => Sheet::Missing,
        StatusTable::Decisions => Sheet::Decisions,
    };
    let bytes = match args.format {
        StatusFormat::Md => (statuses.iter())
            .map(|s| markdown::render(s, lang))
            .collect::<Vec<_>>()
            .join("\n---\n\n")
            .into_bytes(),
        StatusFormat::Html => html::render(s, lang).into_bytes(),
        StatusFormat::Json => json::render(s).into_bytes(),
        StatusFormat::Csv => csv::render(&table::table(s, sheet, lang)).into_bytes(),
        StatusFormat::Xlsx => {
            let Some(path) = &args.output else {
                return Output::fail(error_line(&StatusText::XlsxNeedsOutput, lang));
            };
            // From here the run only builds the workbook, writes it and
            // frees on the way out: the pages its tables free as the sheets
            // fill are given back later (the process has exited by then),
            // not at once on the thread that writes the workbook (20 ms of
            // its 560 at 10,000 reports, for a peak 20 MB higher).
            crate::holding(crate::Holding::Little);
            match xlsx::render(
                table::tables(s, lang),
                s.period,
                &crate::output::status::wording::title(s, lang),
            ) {
                Ok(b) => b,
                Err(e) => {
                    let path = crate::syntax::paths::display(path);
                    let error = crate::diagnostics::messages::OsError {
                        kind: std::io::ErrorKind::Other,
                        text: e.to_string(),
                    };
                    return Output::fail(Text::CannotWrite { path, error }.error_line(lang));
                }
            }
        }
    };
    let dest = (args.output.as_deref()).map(|path| super::output::Destination {
        path,
        force: args.force,
        writes: super::output::Writes::Other,
        data_root: Some(&opts.data_root),
        make_folder: false,
    });
    let out = emit(dest, bytes, note, lang);
    // The plans, the register (in the options) and the status, tens of
    // thousands of allocations with the synthetic plan of 10,000 reports,
    // are freed off the way out: the register alone took 19 ms.
    crate::free_later((loaded, statuses, opts));
    out
}

/// Writes the rendered status to `-o FILE` (under the rule every command
/// follows, [`super::output`]), or to standard output; `note` goes to
/// standard error either way.
fn emit(
    dest: Option<super::output::Destination<'_>>,
    bytes: Vec<u8>,
    note: String,
    lang: Lang,
) -> Output {
    let Some(dest) = dest else {
        return Output {
            stdout: String::from_utf8(bytes).unwrap_or_default(),
            stderr: note,
            code: 0,
        };
    };
    match super::output::write(&dest, &bytes, lang) {
        Ok(path) => Output {
            stdout: String::new(),
            stderr: format!("{note}{}\n", Text::Wrote { path }.text(lang)),
            code: 0,
        },
        Err(o) => o,
    }
}

/// An error of `status`'s own, as `Text::error_line` writes one.
fn error_line(t: &StatusText, lang: Lang) -> String {
    format!("{}{}\n", Text::ErrorPrefix.text(lang), t.text(lang))
}

/// Reads every report under the data root (as `check` does) and computes
/// the status of each plan asked for, in the order of their periods: the
/// plan `--plan-id` names; else the plan whose period holds `--period`; else
/// every loaded plan that has reports under the data root (a repository in
/// the first year of a new plan holds the last plan's final year beside it),
/// or the built-in plan when none has. An error is a usage error (exit 2).
pub fn build(plans: &Plans, opts: &StatusOptions) -> Result<Vec<Status>, Error> {
    build_from(plans, opts, Workspace::under_root(&opts.check_options()))
}

impl StatusOptions {
    /// Reads as check reads: the same files, the same limits, no link out
    /// of the data root.
    fn check_options(&self) -> CheckOptions {
        let root = crate::syntax::paths::normalize(&self.data_root);
        let mut check_opts = CheckOptions::new(&root, self.today);
        check_opts.decisions = self.decisions.clone();
        check_opts.max_file_size = self.max_file_size;
        check_opts.exclude = self.exclude.clone();
        check_opts
    }
}

/// [`build`] from the reports under the data root, read already.
pub fn build_from(
    plans: &Plans,
    opts: &StatusOptions,
    work: Workspace,
) -> Result<Vec<Status>, Error> {
    if let (Some(id), Some(y)) = (&opts.plan_id, opts.period) {
        if let Some(plan) = plans.get(id).filter(|p| !p.in_period(y)) {
            let p = plan.header.period;
            return Err(Text::StatusPeriodOutside {
                period: y,
                start: p.start,
                end: p.end,
            }
            .into());
        }
    }
    let named = match (&opts.plan_id, opts.period) {
        (Some(id), _) => Some(plans.get(id).ok_or_else(|| Text::PlanNotLoadedOf {
            id: id.clone(),
            loaded: plans.ids().map(str::to_string).collect(),
        })?),
        (None, Some(y)) => match plans.holding(i64::from(y)).as_slice() {
            [one] => Some(*one),
            // None holds it: the error lists the loaded periods. Several
            // (plans whose periods overlap): those with reports, below.
            [] => Some(crate::commands::init::plan_for_period(plans, None, y)?),
            _ => None,
        },
        (None, None) => None,
    };
    let root = crate::syntax::paths::normalize(&opts.data_root);
    if !root.is_dir() {
        return Err(Text::StatusDataRootMissing {
            root: crate::syntax::paths::display(&root),
        }
        .into());
    }
    let check_opts = opts.check_options();
    let unreadable: Vec<String> = (work.files())
        .filter(|(_, l)| l.report.is_none())
        .map(|(s, _)| s.to_string())
        .collect();
    let reports: Vec<&Report> = work.reports().collect();
    let chosen: Vec<&Plan> = match named {
        Some(plan) => vec![plan],
        None => {
            let mut reported: Vec<&Plan> = (plans.0.iter())
                .filter(|p| opts.period.is_none_or(|y| p.in_period(y)))
                .filter(|p| reports.iter().any(|r| r.plan_id() == Some(p.id())))
                .collect();
            reported.sort_by_key(|p| p.header.period.start);
            if let (true, Some(y)) = (reported.is_empty(), opts.period) {
                // Several plans hold the year and none has reports: say which to name.
                crate::commands::init::plan_for_period(plans, None, y)?;
            }
            if reported.is_empty() {
                let first = plans
                    .get(crate::model::plan::BUILTIN_ID)
                    .or_else(|| plans.0.first());
                reported.extend(first);
            }
            reported
        }
    };
    if chosen.is_empty() {
        return Err(Text::NoPlan.into());
    }
    // `--department` over several plans: the plans that have the department
    // (a new plan may give its offices other codes); an error when none has.
    let mut parts = Vec::new();
    let mut first_error = None;
    for plan in &chosen {
        match &opts.department {
            Some(d) => match department_of(plan, d) {
                Ok(dept) => parts.push((*plan, Some(dept))),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            },
            None => parts.push((*plan, None)),
        }
    }
    if parts.is_empty() {
        return Err(first_error.unwrap_or(Error::Usage(Text::NoPlan)));
    }
    let data_root = crate::syntax::paths::display(&root);
    let statuses = (parts.into_iter())
        .map(|(plan, department)| {
            let read = Read {
                files: 0,
                unreadable: unreadable.clone(),
                data_root: data_root.clone(),
                department,
            };
            status_of(plans, plan, &reports, opts, &check_opts, read)
        })
        .collect();
    // The reports, tens of thousands of small allocations at 10,000
    // reports, are freed off the way to the output, as check frees them.
    drop(reports);
    crate::free_later(work);
    Ok(statuses)
}

/// One plan's status from the reports read: its own reports up to the
/// period (`--period`, else the latest year of the plan reported).
fn status_of(
    plans: &Plans,
    plan: &Plan,
    reports: &[&Report],
    opts: &StatusOptions,
    check_opts: &crate::load::workspace::CheckOptions,
    read: Read,
) -> Status {
    let of_plan: Vec<&Report> = (reports.iter().copied())
        .filter(|r| r.plan_id() == Some(plan.id()))
        .collect();
    let period = match opts.period {
        Some(y) => y,
        None => of_plan
            .iter()
            .filter_map(|r| r.period())
            .filter(|y| plan.in_period(*y))
            .max()
            .unwrap_or(plan.header.period.start),
    };
    let used: Vec<&Report> = of_plan
        .into_iter()
        .filter(|r| r.period().is_some_and(|y| y <= period))
        .collect();
    // Each entry's catalog position looked up once, for the history, the
    // rules and the data-validity findings.
    let positions: Vec<CatalogPositions> = used.par_iter().map(|r| plan.positions_of(r)).collect();
    let located: Vec<(&Report, &CatalogPositions)> = used.iter().copied().zip(&positions).collect();
    let history = History::build_at([plan], located.iter().copied());
    let findings = value_findings(plans, &located, &history, check_opts);
    let read = Read {
        files: used.len(),
        ..read
    };
    compute(plan, &history, &findings, opts, period, read)
}

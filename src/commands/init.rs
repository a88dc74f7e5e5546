//! `plan-lint init --department D --period Y`: a report skeleton with every
//! indicator and project the department is responsible for, last year's
//! figures as comments, and the values still to fill left empty so that
//! `plan-lint check` points at each one.

use crate::diagnostics::messages::{num, DataText, Lang, Text};
use crate::engine::history::History;
use crate::model::plan::Plans;
use crate::model::plan::{Comparison, IndicatorKind, Plan};
use crate::model::report::Report;
use std::fmt::Write;

/// Where a data repository keeps the report schema for the editor, beside
/// its data root (`plan-lint schema report -o schemas/report.schema.json`):
/// a report's `$schema` points at it, and resolves without a network.
pub fn schema_copy(data_root: &std::path::Path) -> std::path::PathBuf {
    let root = crate::syntax::paths::normalize(data_root);
    let repo = root.parent().unwrap_or(std::path::Path::new(""));
    repo.join("schemas").join("report.schema.json")
}

/// The `$schema` of a report written to `output` (default: its place under
/// the data root): the path of [`schema_copy`] relative to the report's folder.
pub fn schema_reference(data_root: &std::path::Path, output: Option<&std::path::Path>) -> String {
    let absolute = |p: &std::path::Path| {
        crate::syntax::paths::normalize(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    let schema = absolute(&schema_copy(data_root));
    let folder = match output.and_then(std::path::Path::parent) {
        Some(p) => absolute(p),
        None => absolute(&data_root.join("2000")),
    };
    // Up from the report's folder to the nearest folder both share, then down.
    let common = folder
        .ancestors()
        .find(|a| schema.starts_with(a))
        .unwrap_or(std::path::Path::new("/"));
    let ups = folder
        .strip_prefix(common)
        .map_or(0, |p| p.components().count());
    let down = schema.strip_prefix(common).unwrap_or(&schema);
    let mut rel = "../".repeat(ups);
    rel.push_str(&down.to_string_lossy().replace('\\', "/"));
    rel
}

/// A note when the data repository's copy of the report schema is not the
/// schema of this plan-lint (an older or newer version): the editor would
/// check against other rules than `check` does.
pub fn schema_copy_note(data_root: &std::path::Path) -> Option<Text> {
    let path = schema_copy(data_root);
    let bytes = std::fs::read(&path).ok()?;
    (bytes != crate::load::schema::REPORT.as_bytes()).then(|| Text::SchemaCopyDiffers {
        path: crate::syntax::paths::display(&path),
    })
}

/// Writes the skeleton; `Err` says why it cannot (unknown department, period
/// outside the plan). `schema`: the `$schema` the editor resolves ([`schema_reference`]).
pub fn skeleton(
    plan: &Plan,
    department: &str,
    period: i32,
    reports: &[&Report],
    schema: &str,
    lang: Lang,
) -> Result<String, Text> {
    let (dept, alias) = resolve(plan, department, period)?;
    let history = History::build([plan], reports.iter().copied());
    let mut out = String::new();
    let t = |d: DataText| d.text(lang);
    let _ = writeln!(
        out,
        "{}",
        t(DataText::SkeletonTitle {
            plan: plan.header.name.clone(),
            period,
            department: dept.name.clone(),
            code: dept.code.clone(),
        })
    );
    if let Some(alias) = alias {
        let _ = writeln!(
            out,
            "{}",
            t(DataText::ReportedBy {
                alias,
                name: dept.name.clone(),
                code: dept.code.clone(),
            })
        );
    }
    let _ = writeln!(out, "{}", t(DataText::SkeletonFill));
    let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    let _ = writeln!(
        out,
        "version: 1\nplan: {}\ndepartment: {}\nperiod: {period}",
        plan.id(),
        dept.code
    );
    let _ = writeln!(
        out,
        "submitted:                      # {}",
        t(DataText::SubmittedComment)
    );
    // What the department answers for in this period (a responsibility may
    // move between periods: plan-lint.toml's `from`/`until`).
    let (owed_indicators, owed_projects) = plan.responsibilities_in(&dept.code, period);
    let indicators: Vec<_> = owed_indicators
        .iter()
        .map(|&i| &plan.indicators[i])
        .collect();
    if indicators.is_empty() {
        let _ = writeln!(out, "indicators: []");
    } else {
        let _ = writeln!(out, "indicators:");
    }
    for ind in indicators {
        let _ = writeln!(
            out,
            "  - id: {}                      # {}",
            ind.id,
            t(DataText::IndicatorComment {
                name: ind.name.clone(),
                unit: if ind.unit.is_empty() { "-" } else { &ind.unit }.to_string(),
                target: ind.target_text.clone(),
                target_year: ind.target_year,
            })
        );
        let last = history.previous_value(plan, ind, period);
        let comment = t(match last {
            Some(f) => DataText::EarlierFigure {
                period: f.period,
                value: num(f.value),
                path: f.path().to_string(),
            },
            None => DataText::NoEarlierFigure,
        });
        let kind = t(match ind.kind {
            IndicatorKind::Cumulative => DataText::TotalSince {
                start: plan.header.period.start,
            },
            IndicatorKind::AnnualRate => DataText::GrowthThisYear,
            // A relative target of the text: the district's own figure or rank.
            IndicatorKind::Qualitative => match &ind.reference {
                Some(reference) => DataText::RelativeFigure {
                    unit: ind.unit.clone(),
                    reference: reference.clone(),
                    rank: matches!(ind.comparison, Comparison::AtMost | Comparison::LessThan),
                },
                None => DataText::ReductionThisYear,
            },
            IndicatorKind::Level => DataText::LevelIn { period },
        });
        let _ = writeln!(
            out,
            "    value:                     # {}",
            t(DataText::ValueComment {
                kind,
                earlier: comment
            })
        );
        if ind.kind == IndicatorKind::Qualitative {
            let _ = writeln!(
                out,
                "    requirement:               # {}",
                t(DataText::RequirementComment {
                    period,
                    target: ind.target_text.clone(),
                })
            );
            let _ = writeln!(out, "      value:\n      source:");
        }
        let _ = writeln!(
            out,
            "    # source:                  # {}",
            t(DataText::SourceComment)
        );
    }
    let projects: Vec<_> = owed_projects.iter().map(|&p| &plan.projects[p]).collect();
    if !projects.is_empty() {
        let _ = writeln!(out, "projects:");
    }
    for p in projects {
        let _ = writeln!(
            out,
            "  - id: {}                    # {}",
            p.id,
            t(DataText::ProjectComment {
                name: p.name.clone(),
                column: p.column.clone(),
            })
        );
        let last = history.previous_project(plan, p, period);
        // A project completed in an earlier report stays completed: its
        // dates and evidence are carried over, not asked again.
        if let Some((r, e)) = carried_over(&history, reports, plan, &dept.code, p, period) {
            let date = |d: &Option<crate::model::report::Spanned<jiff::civil::Date>>| {
                d.as_ref().map(|d| d.value.to_string()).unwrap_or_default()
            };
            let _ = writeln!(
                out,
                "    status: completed          # {}",
                t(DataText::CarriedOver)
            );
            let _ = writeln!(out, "    progress: 100");
            if let Some(v) = e.started.as_ref() {
                let _ = writeln!(out, "    started: {}", v.value);
            }
            let _ = writeln!(out, "    completed: {}", date(&e.completed));
            investment(&mut out, e, None, lang);
            let evidence = e.evidence_items(&r.source);
            if !evidence.is_empty() {
                let _ = writeln!(out, "    evidence:");
                for item in &evidence {
                    let _ = writeln!(out, "      - {}", crate::syntax::yaml::scalar(item));
                }
            }
            continue;
        }
        let earlier = |f: Option<(i32, String)>| {
            t(f.map_or(DataText::NoEarlierReport, |(period, value)| {
                DataText::Earlier { period, value }
            }))
        };
        let status = earlier(
            last.and_then(|l| l.status)
                .map(|s| (s.period, s.value.as_str().to_string())),
        );
        let progress = earlier(
            last.and_then(|l| l.progress)
                .map(|s| (s.period, num(s.value))),
        );
        let _ = writeln!(
            out,
            "    status:                    # {}",
            t(DataText::StatusComment { last: status })
        );
        let _ = writeln!(
            out,
            "    progress:                  # {}",
            t(DataText::ProgressComment { last: progress })
        );
        // What continues is carried over: the planned total and the start
        // date; the investment completed to date is this year's to fill.
        let Some((l, e)) = continuing(&history, reports, plan, &dept.code, p, period) else {
            continue;
        };
        if let Some(v) = &e.started {
            let carried = t(DataText::CarriedFrom { period: l });
            let _ = writeln!(out, "    started: {:<17} # {carried}", v.value.to_string());
        }
        investment(&mut out, e, Some(l), lang);
    }
    Ok(out)
}

/// The `investment` of a project's earlier entry: of a completed project
/// as reported; of a continuing one (`continuing`: the earlier report's
/// period) the planned total carried over and the amount completed to date
/// left for this year's figure, the earlier one in a comment.
fn investment(
    out: &mut String,
    e: &crate::model::report::ProjectEntry,
    continuing: Option<i32>,
    lang: Lang,
) {
    if e.planned_total.is_none() && e.completed_to_date.is_none() {
        return;
    }
    let t = |d: DataText| d.text(lang);
    let _ = writeln!(
        out,
        "    investment:                # {}",
        t(DataText::InvestmentComment)
    );
    let Some(period) = continuing else {
        for (key, v) in [
            ("planned_total", &e.planned_total),
            ("completed_to_date", &e.completed_to_date),
        ] {
            if let Some(v) = v {
                let _ = writeln!(out, "      {key}: {}", num(v.value));
            }
        }
        return;
    };
    if let Some(v) = &e.planned_total {
        let carried = t(DataText::CarriedFrom { period });
        let _ = writeln!(out, "      planned_total: {:<9} # {carried}", num(v.value));
    }
    let last = t(e
        .completed_to_date
        .as_ref()
        .map_or(DataText::NoEarlierReport, |v| DataText::Earlier {
            period,
            value: num(v.value),
        }));
    let _ = writeln!(
        out,
        "      completed_to_date:       # {}",
        t(DataText::CompletedToDateComment { last })
    );
}

/// The fill-in workbook of `init --format xlsx`: the rows the skeleton asks
/// for, last year's figures shown, completed projects carried over as the
/// skeleton carries them.
pub fn workbook(
    plan: &Plan,
    department: &str,
    period: i32,
    reports: &[&Report],
) -> Result<crate::output::workbook::Filled, Text> {
    use crate::load::workbook::Field as F;
    use crate::output::workbook::{Filled, Out, Row};
    let (dept, _) = resolve(plan, department, period)?;
    let history = History::build([plan], reports.iter().copied());
    let (owed_indicators, owed_projects) = plan.responsibilities_in(&dept.code, period);
    let text = |s: &str| Out::Text(s.to_string());
    let indicators = (owed_indicators.iter().map(|&i| &plan.indicators[i]))
        .map(|ind| {
            let mut row = vec![
                (F::Id, text(&ind.id)),
                (F::Name, text(&ind.name)),
                (F::Unit, text(&ind.unit)),
                (F::Target, text(&ind.target_text)),
            ];
            if let Some(f) = history.previous_value(plan, ind, period) {
                row.push((F::LastYear, Out::Number(f.value)));
            }
            Row(row)
        })
        .collect();
    let projects = (owed_projects.iter().map(|&p| &plan.projects[p]))
        .map(|p| {
            let mut row = vec![(F::Id, text(&p.id)), (F::Name, text(&p.name))];
            let date = |d: &Option<crate::model::report::Spanned<jiff::civil::Date>>| {
                d.as_ref().map(|d| Out::Date(d.value.to_string()))
            };
            if let Some((r, e)) = carried_over(&history, reports, plan, &dept.code, p, period) {
                let done = crate::model::plan::ProjectStatus::Completed;
                row.push((
                    F::Status,
                    text(crate::diagnostics::messages::status_zh(done)),
                ));
                row.push((F::Progress, Out::Number(100.0)));
                row.extend(date(&e.started).map(|d| (F::Started, d)));
                row.extend(date(&e.completed).map(|d| (F::Completed, d)));
                // A completed project's investment, as reported (as the skeleton keeps it).
                for (field, v) in [
                    (F::PlannedTotal, &e.planned_total),
                    (F::CompletedToDate, &e.completed_to_date),
                ] {
                    row.extend(v.as_ref().map(|v| (field, Out::Number(v.value))));
                }
                let evidence = e.evidence_items(&r.source);
                if !evidence.is_empty() {
                    row.push((F::Evidence, Out::Text(evidence.join("\n"))));
                }
            } else if let Some((_, e)) = continuing(&history, reports, plan, &dept.code, p, period)
            {
                // What continues is carried over, as the skeleton carries it:
                // the start date and the planned total.
                row.extend(date(&e.started).map(|d| (F::Started, d)));
                if let Some(v) = &e.planned_total {
                    row.push((F::PlannedTotal, Out::Number(v.value)));
                }
            }
            Row(row)
        })
        .collect();
    Ok(Filled {
        title: format!(
            "{}　{period}年度进展填报表（{}）",
            plan.header.name, dept.name
        ),
        plan: plan.id().to_string(),
        department: dept.code.clone(),
        department_name: dept.name.clone(),
        period: i64::from(period),
        submitted: None,
        indicators,
        projects,
        extra: String::new(),
    })
}

/// The department asked for — a code, a name or an alias, with or without
/// the district's 区 — with the alias it was named by when that is another
/// office's name, and a period inside the plan: `Err` says why not.
fn resolve<'p>(
    plan: &'p Plan,
    department: &str,
    period: i32,
) -> Result<(&'p crate::model::plan::Department, Option<String>), Text> {
    let (dept, alias) = plan
        .department_meant(department)
        .ok_or_else(|| Text::NotInRegistry {
            department: department.to_string(),
            plan: plan.id().to_string(),
            departments: plan.registry(),
        })?;
    if !plan.in_period(period) {
        let p = plan.header.period;
        return Err(Text::PeriodOutside {
            period,
            start: p.start,
            end: p.end,
        });
    }
    Ok((dept, alias))
}

/// A project the department reported before and that goes on: the earlier
/// report's period and entry, whose start date and planned total carry over.
fn continuing<'r>(
    history: &History,
    reports: &[&'r Report],
    plan: &Plan,
    department: &str,
    project: &crate::model::plan::Project,
    period: i32,
) -> Option<(i32, &'r crate::model::report::ProjectEntry)> {
    let l = history.previous_project(plan, project, period)?;
    Some((
        l.period,
        entry_of(reports, plan, department, &project.id, l.period)?.1,
    ))
}

/// A project completed in an earlier report stays completed: its entry in
/// that report, whose dates and evidence are carried over, not asked again
/// (the workbook's rows; the YAML skeleton reads the same entry).
fn carried_over<'r>(
    history: &History,
    reports: &[&'r Report],
    plan: &Plan,
    department: &str,
    project: &crate::model::plan::Project,
    period: i32,
) -> Option<(&'r Report, &'r crate::model::report::ProjectEntry)> {
    history
        .previous_project(plan, project, period)
        .and_then(|l| l.status)
        .filter(|s| s.value == crate::model::plan::ProjectStatus::Completed)
        .and_then(|s| entry_of(reports, plan, department, &project.id, s.period))
}

/// The entry of a project in the department's report of `period`, read
/// earlier for the history, with that report.
fn entry_of<'r>(
    reports: &[&'r Report],
    plan: &Plan,
    department: &str,
    project: &str,
    period: i32,
) -> Option<(&'r Report, &'r crate::model::report::ProjectEntry)> {
    reports
        .iter()
        .filter(|r| r.plan_id() == Some(plan.id()) && r.department() == Some(department))
        .filter(|r| r.period() == Some(period))
        .find_map(|r| Some((*r, r.projects.iter().find(|e| *e.id.value == *project)?)))
}

/// Picks the plan for `init --period Y`: the one named, else the loaded plan whose
/// period holds Y (a data repository holds the reports of one plan's last year beside
/// the next plan's first). No plan holding Y, or several: an error listing them.
pub fn plan_for_period<'a>(
    plans: &'a Plans,
    id: Option<&str>,
    period: i32,
) -> Result<&'a Plan, Text> {
    if id.is_some() {
        return plan_for(plans, id);
    }
    match plans.holding(i64::from(period)).as_slice() {
        [one] => Ok(one),
        [] if plans.0.is_empty() => Err(Text::NoPlan),
        [] => Err(Text::NoPlanHolds {
            period,
            plans: plans.periods(),
        }),
        several => Err(Text::SeveralPlansHold {
            period,
            plans: several.iter().map(|p| p.id().to_string()).collect(),
        }),
    }
}

/// Picks the plan for `codeowners`: the one named, else the first loaded (the built-in).
pub fn plan_for<'a>(plans: &'a Plans, id: Option<&str>) -> Result<&'a Plan, Text> {
    match id {
        Some(id) => plans
            .get(id)
            .ok_or_else(|| Text::PlanNotLoaded { id: id.to_string() }),
        None => plans.0.first().ok_or(Text::NoPlan),
    }
}

/// The arguments of `plan-lint init`.
#[derive(clap::Args, Debug)]
pub struct InitArgs {
    #[arg(long)]
    pub department: String,
    #[arg(long)]
    pub period: i32,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<std::path::PathBuf>,
    #[arg(long = "plan-id")]
    pub plan_id: Option<String>,
    /// `yaml` (the report skeleton) or `xlsx` (a fill-in workbook; needs `-o`).
    #[arg(long, value_enum, default_value = "yaml")]
    pub format: InitFormat,
}

/// What `init` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InitFormat {
    Yaml,
    Xlsx,
}

/// `plan-lint init`: the skeleton, to standard output or a new report at
/// its place (the `-o` rule: never over a file without `--force`).
pub fn command(
    plan_dirs: &[std::path::PathBuf],
    config: Option<&std::path::PathBuf>,
    args: InitArgs,
    lang: Lang,
) -> crate::commands::Output {
    use crate::commands::setup::{error, setup_with_root};
    let (plans, opts) = match setup_with_root(plan_dirs, config, args.data_root, lang) {
        Ok(x) => x,
        Err(o) => return o,
    };
    let work = crate::load::workspace::Workspace::under_root(&opts);
    let reports: Vec<&Report> = work.reports().collect();
    let plan = match plan_for_period(&plans, args.plan_id.as_deref(), args.period) {
        Ok(p) => p,
        Err(e) => return error(e, lang),
    };
    if args.format == InitFormat::Xlsx {
        let Some(output) = args.output.as_deref() else {
            return error(Text::WorkbookNeedsOutput, lang);
        };
        return match workbook(plan, &args.department, args.period, &reports) {
            Ok(filled) => {
                let dest = crate::commands::output::Destination {
                    path: output,
                    force: args.force,
                    writes: crate::commands::output::Writes::Other,
                    data_root: Some(&opts.data_root),
                    make_folder: true,
                };
                crate::commands::write::write_workbook(&filled, &dest, lang)
            }
            Err(e) => error(e, lang),
        };
    }
    let schema = schema_reference(&opts.data_root, args.output.as_deref());
    let text = match skeleton(plan, &args.department, args.period, &reports, &schema, lang) {
        Ok(t) => t,
        Err(e) => return error(e, lang),
    };
    // The editor finds the schema offline once the repository keeps a copy.
    let copy = schema_copy(&opts.data_root);
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
    let Some(path) = args.output else {
        return crate::commands::Output {
            stdout: text,
            stderr: note,
            code: 0,
        };
    };
    let dest = crate::commands::output::Destination {
        path: &path,
        force: args.force,
        writes: crate::commands::output::Writes::NewReport {
            department: args.department,
            period: args.period,
        },
        data_root: Some(&opts.data_root),
        make_folder: true,
    };
    let mut written = crate::commands::output::write_reporting(&dest, text.as_bytes(), lang);
    if written.code == 0 {
        written.stderr.push_str(&note);
    }
    written
}

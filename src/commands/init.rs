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

/// Writes the skeleton; `Err` says why it cannot (unknown department, period outside the plan).
pub fn skeleton(
    plan: &Plan,
    department: &str,
    period: i32,
    reports: &[&Report],
    lang: Lang,
) -> Result<String, Text> {
    let dept = resolve(plan, department, period)?;
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
    let _ = writeln!(out, "{}", t(DataText::SkeletonFill));
    let _ = writeln!(out, "# yaml-language-server: $schema=https://plan-lint.example/schemas/progress-report.schema.json");
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
        if let Some(e) = carried_over(&history, reports, plan, &dept.code, p, period) {
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
            if !e.evidence_items.is_empty() {
                let _ = writeln!(out, "    evidence:");
                for item in &e.evidence_items {
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
    }
    Ok(out)
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
    let dept = resolve(plan, department, period)?;
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
            if let Some(e) = carried_over(&history, reports, plan, &dept.code, p, period) {
                let done = crate::model::plan::ProjectStatus::Completed;
                row.push((
                    F::Status,
                    text(crate::diagnostics::messages::status_zh(done)),
                ));
                row.push((F::Progress, Out::Number(100.0)));
                let date = |d: &Option<crate::model::report::Spanned<jiff::civil::Date>>| {
                    d.as_ref().map(|d| Out::Date(d.value.to_string()))
                };
                row.extend(date(&e.started).map(|d| (F::Started, d)));
                row.extend(date(&e.completed).map(|d| (F::Completed, d)));
                if !e.evidence_items.is_empty() {
                    row.push((F::Evidence, Out::Text(e.evidence_items.join("\n"))));
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

/// The department asked for (a code, a name or an alias, with or without the
/// district's 区) and a period inside the plan: `Err` says why not.
fn resolve<'p>(
    plan: &'p Plan,
    department: &str,
    period: i32,
) -> Result<&'p crate::model::plan::Department, Text> {
    // A code, a name or an alias, with or without the district's 区.
    let core = crate::syntax::suggest::department_name_core(department);
    let dept = plan
        .department(department)
        .or_else(|| {
            plan.departments.iter().find(|d| {
                (std::iter::once(&d.name).chain(&d.aliases)).any(|n| {
                    n == department || crate::syntax::suggest::department_name_core(n) == core
                })
            })
        })
        .ok_or_else(|| Text::NotInRegistry {
            department: department.to_string(),
            plan: plan.id().to_string(),
            departments: (plan.departments.iter())
                .map(|d| (d.code.clone(), d.name.clone()))
                .collect(),
        })?;
    if !plan.in_period(period) {
        let p = plan.header.period;
        return Err(Text::PeriodOutside {
            period,
            start: p.start,
            end: p.end,
        });
    }
    Ok(dept)
}

/// A project completed in an earlier report stays completed: its entry in
/// that report, whose dates and evidence are carried over, not asked again.
/// The one place init (YAML and workbook) decides what a project carries.
fn carried_over<'r>(
    history: &History,
    reports: &[&'r Report],
    plan: &Plan,
    department: &str,
    project: &crate::model::plan::Project,
    period: i32,
) -> Option<&'r crate::model::report::ProjectEntry> {
    history
        .previous_project(plan, project, period)
        .and_then(|l| l.status)
        .filter(|s| s.value == crate::model::plan::ProjectStatus::Completed)
        .and_then(|s| completed_entry(reports, plan, department, &project.id, s.period))
}

/// The entry of a project in the department's report of `period`, read
/// earlier for the history.
fn completed_entry<'r>(
    reports: &[&'r Report],
    plan: &Plan,
    department: &str,
    project: &str,
    period: i32,
) -> Option<&'r crate::model::report::ProjectEntry> {
    reports
        .iter()
        .filter(|r| r.plan_id() == Some(plan.id()) && r.department() == Some(department))
        .filter(|r| r.period() == Some(period))
        .find_map(|r| r.projects.iter().find(|e| e.id.value == project))
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

/// `plan-lint init`: the skeleton, to standard output or a new file.
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
            Ok(filled) => crate::commands::write::write_workbook(&filled, output, lang),
            Err(e) => error(e, lang),
        };
    }
    let text = match skeleton(plan, &args.department, args.period, &reports, lang) {
        Ok(t) => t,
        Err(e) => return error(e, lang),
    };
    crate::commands::write::write_new(text, args.output.as_deref(), lang)
}

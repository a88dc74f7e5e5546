//! `plan-lint init --department D --period Y`: a report skeleton with every
//! indicator and project the department is responsible for, last year's
//! figures as comments, and the values still to fill left empty so that
//! `plan-lint check` points at each one.

use crate::check::{self, Plans};
use crate::history::History;
use crate::messages::{num, Text};
use crate::plan::{IndicatorKind, Plan};
use crate::report::Report;
use std::fmt::Write;
use std::path::Path;

/// Writes the skeleton; `Err` says why it cannot (unknown department, period outside the plan).
pub fn skeleton(
    plan: &Plan,
    department: &str,
    period: i32,
    data_root: &Path,
) -> Result<String, Text> {
    let dept = plan
        .department(department)
        .ok_or_else(|| Text::NotInRegistry {
            department: department.to_string(),
            plan: plan.id().to_string(),
        })?;
    if !plan.in_period(period) {
        let p = plan.header.period;
        return Err(Text::PeriodOutside {
            period,
            start: p.start,
            end: p.end,
        });
    }
    let reports: Vec<Report> = check::reports_under(data_root)
        .iter()
        .filter_map(|p| {
            check::load_file(
                p,
                crate::paths::display(p),
                None,
                check::DEFAULT_MAX_FILE_SIZE,
            )
            .report
        })
        .collect();
    let history = History::build(reports.iter());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {period} progress report of {} ({}).",
        plan.header.name, dept.name, dept.code
    );
    let _ = writeln!(
        out,
        "# Fill every empty value; `plan-lint check` points at each one still empty."
    );
    let _ = writeln!(out, "# yaml-language-server: $schema=https://plan-lint.example/schemas/progress-report.schema.json");
    let _ = writeln!(
        out,
        "version: 1\nplan: {}\ndepartment: {}\nperiod: {period}",
        plan.id(),
        dept.code
    );
    let _ = writeln!(
        out,
        "submitted:                      # YYYY-MM-DD, the day you submit"
    );
    let indicators: Vec<_> = plan.indicators_of(&dept.code).collect();
    if indicators.is_empty() {
        let _ = writeln!(out, "indicators: []");
    } else {
        let _ = writeln!(out, "indicators:");
    }
    for ind in indicators {
        let _ = writeln!(
            out,
            "  - id: {}                      # {} ({}; target {} by {})",
            ind.id,
            ind.name,
            if ind.unit.is_empty() { "-" } else { &ind.unit },
            ind.target_text,
            ind.target_year
        );
        let last = history.previous_value(plan.id(), &ind.id, period);
        let comment = match last {
            Some(f) => format!("{}: {} ({})", f.period, num(f.value), f.location.path),
            None => "no earlier figure".into(),
        };
        let kind = match ind.kind {
            IndicatorKind::Cumulative => format!("total since {}", plan.header.period.start),
            IndicatorKind::AnnualRate => "growth this year, %".into(),
            IndicatorKind::Qualitative => "this year's reduction, %".into(),
            IndicatorKind::Level => format!("level in {period}"),
        };
        let _ = writeln!(out, "    value:                     # {kind}; {comment}");
        if ind.kind == IndicatorKind::Qualitative {
            let _ = writeln!(out, "    requirement:               # the figure the city/province set for {period} ({})", ind.target_text);
            let _ = writeln!(out, "      value:\n      source:");
        }
        let _ = writeln!(
            out,
            "    # source:                  # optional: where the figure comes from"
        );
    }
    let projects: Vec<_> = plan.projects_of(&dept.code).collect();
    if !projects.is_empty() {
        let _ = writeln!(out, "projects:");
    }
    for p in projects {
        let _ = writeln!(
            out,
            "  - id: {}                    # {} ({})",
            p.id, p.name, p.column
        );
        let last = history.previous_project(plan.id(), &p.id, period);
        let status = last
            .and_then(|l| l.status.as_ref())
            .map_or("no earlier report".into(), |s| {
                format!("{}: {}", s.period, s.value.as_str())
            });
        let progress = last
            .and_then(|l| l.progress.as_ref())
            .map_or("no earlier report".into(), |s| {
                format!("{}: {}", s.period, num(s.value))
            });
        let _ = writeln!(out, "    status:                    # planned | preparing | under_construction | completed | suspended | cancelled; {status}");
        let _ = writeln!(
            out,
            "    progress:                  # percent 0..100; {progress}"
        );
    }
    Ok(out)
}

/// Picks the plan for `init`: the one named, else the built-in.
pub fn plan_for<'a>(plans: &'a Plans, id: Option<&str>) -> Result<&'a Plan, Text> {
    match id {
        Some(id) => plans
            .get(id)
            .ok_or_else(|| Text::PlanNotLoaded { id: id.to_string() }),
        None => plans.0.first().ok_or(Text::NoPlan),
    }
}

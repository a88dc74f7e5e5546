//! `status --format md`: GitHub-flavoured Markdown, tables only and no
//! HTML, so that it can be appended to `$GITHUB_STEP_SUMMARY`.

use super::{Category, IndicatorStatus, Method, ProjectCounts, Status};
use crate::messages::{num, val};
use crate::plan::{Attribute, Comparison, ProjectStatus};
use std::fmt::Write;

/// A marker that makes the category findable when scanning a long table.
pub fn marker(c: Category) -> &'static str {
    match c {
        Category::Achieved => "⭐",
        Category::Ahead => "🔵",
        Category::OnTrack => "🟢",
        Category::Behind => "🔴",
        Category::NoData => "⚪",
    }
}

/// A share as a percentage with at most one decimal: `0.737` → `73.7%`.
pub fn pct(share: f64) -> String {
    let s = format!("{:.1}", share * 100.0);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    format!("{s}%")
}

/// What 基本符合预期 means for the band in force.
pub fn band_sentence(band: f64) -> String {
    let points = pct(band);
    let points = points.trim_end_matches('%');
    format!(
        "基本符合预期 means within ±{points} percentage points of the planned progress \
         (a path or a pro-rata target) or within ±{points}% of the target rate (an annual rate); \
         `status_band = {}`.",
        num(band)
    )
}

/// A figure as shown in tables: at most two decimals.
pub fn fig(v: f64) -> String {
    num(round2(v))
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A figure with its unit, at most two decimals.
fn figu(v: f64, unit: &str) -> String {
    val(round2(v), unit)
}

fn years_list(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn bound_sign(c: Comparison) -> &'static str {
    match c {
        Comparison::AtLeast => "≥",
        Comparison::AtMost => "≤",
    }
}

/// Why an indicator has its category, in one sentence.
pub fn basis(ind: &IndicatorStatus, period: i32) -> String {
    let e = &ind.evaluation;
    let u = ind.unit.as_str();
    let target = ind.target.map(|t| val(t, u)).unwrap_or_default();
    let (Some(y), Some(v)) = (e.year, e.value) else {
        return format!("no value reported up to {period}");
    };
    let reported: Vec<i32> = ind
        .values
        .iter()
        .filter(|y| y.value.is_some())
        .map(|y| y.year)
        .collect();
    match (e.method, e.category) {
        (Method::Qualitative, Category::NoData) => {
            "no requirement reported to judge the values against".into()
        }
        (Method::Qualitative, Category::Behind) => {
            format!("missed the year's requirement in {}", years_list(&e.missed))
        }
        (Method::Qualitative, _) => {
            let judged: Vec<i32> = ind
                .values
                .iter()
                .filter(|y| y.met == Some(true))
                .map(|y| y.year)
                .collect();
            format!("met the year's requirement in {}", years_list(&judged))
        }
        (Method::Bound, Category::Behind) => format!(
            "broke the bound {} {target} in {}",
            bound_sign(ind.comparison),
            years_list(&e.missed)
        ),
        (Method::Bound, _) => format!(
            "kept the bound {} {target} in every year reported ({})",
            bound_sign(ind.comparison),
            years_list(&reported)
        ),
        (Method::AnnualRate, c) => {
            let first = reported.first().copied().unwrap_or(y);
            let avg = e.average.map(|a| figu(a, u)).unwrap_or_default();
            if c == Category::Achieved {
                format!(
                    "growth over {first}–{y} (average {avg} a year) already gives what {target} a year until {} asks",
                    ind.target_year
                )
            } else {
                format!(
                    "average {avg} a year over {first}–{y} ({} years reported) against {target} a year",
                    reported.len()
                )
            }
        }
        (Method::Path | Method::ProRata, Category::Achieved) => {
            format!("{} in {y} meets the target {}", val(v, u), ind.target_text)
        }
        (Method::Path, _) => format!(
            "{} in {y}, path {}: {} of the way from baseline to target after {} of the time",
            val(v, u),
            e.expected.map(|x| figu(x, u)).unwrap_or_default(),
            e.progress.map(pct).unwrap_or_default(),
            e.time_share.map(pct).unwrap_or_default()
        ),
        (Method::ProRata, _) => format!(
            "{} in {y}: {} of the target after {} of the plan years to {}",
            val(v, u),
            e.progress.map(pct).unwrap_or_default(),
            e.time_share.map(pct).unwrap_or_default(),
            ind.target_year
        ),
    }
}

/// A table cell: `|` and line breaks would end the cell or the row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// One year's cell of an indicator.
pub fn year_cell(ind: &IndicatorStatus, year: i32) -> String {
    let Some(y) = ind.values.iter().find(|v| v.year == year) else {
        return "—".into();
    };
    let Some(v) = y.value else {
        return "—".into();
    };
    let mut s = fig(v);
    if let Some(r) = y.requirement {
        let _ = write!(s, " (req. {})", fig(r));
    }
    match y.met {
        Some(true) if y.requirement.is_some() => s.push_str(" ✓"),
        Some(false) => s.push_str(" ✗"),
        _ => {}
    }
    s
}

/// The baseline as the plan writes it.
pub fn baseline_cell(ind: &IndicatorStatus) -> String {
    match (&ind.baseline_text, ind.baseline) {
        (Some(t), _) if t.trim() != "---" => t.clone(),
        (_, Some(b)) => num(b),
        _ => "—".into(),
    }
}

/// The target as the plan writes it, with its year when that is not the plan's end.
pub fn target_cell(ind: &IndicatorStatus, plan_end: i32) -> String {
    if ind.target_year == plan_end {
        ind.target_text.clone()
    } else {
        format!("{} ({})", ind.target_text, ind.target_year)
    }
}

pub const STATUS_ORDER: [ProjectStatus; 6] = ProjectStatus::ALL;

/// How a project status reads in headings.
pub fn status_heading(s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Planned => "planned",
        ProjectStatus::Preparing => "preparing",
        ProjectStatus::UnderConstruction => "under construction",
        ProjectStatus::Completed => "completed",
        ProjectStatus::Suspended => "suspended",
        ProjectStatus::Cancelled => "cancelled",
    }
}

fn counts_cells(c: &ProjectCounts) -> String {
    let mut s = format!("{} | {}", c.total, c.reported);
    for st in STATUS_ORDER {
        let _ = write!(s, " | {}", c.get(st));
    }
    let _ = write!(
        s,
        " | {} | {}",
        c.not_reported,
        c.completion_rate.map(pct).unwrap_or_else(|| "—".into())
    );
    s
}

fn counts_header(first: &str) -> String {
    let mut h = format!("| {first} | projects | reported");
    let mut sep = "|---".repeat(first.matches(" | ").count() + 1);
    sep.push_str("|--:|--:");
    for st in STATUS_ORDER {
        let _ = write!(h, " | {}", status_heading(st));
        sep.push_str("|--:");
    }
    h.push_str(" | not reported | completion |\n");
    sep.push_str("|--:|--:|\n");
    h + &sep
}

pub fn render(s: &Status) -> String {
    let mut out = String::new();
    let pp = s.plan.period;
    let _ = writeln!(out, "# Plan status {}: {}\n", s.period, s.plan.name);
    let _ = writeln!(
        out,
        "Plan `{}` ({}–{}, baseline {}); {} reports under `{}` up to {}. {}\n",
        s.plan.id,
        pp.start,
        pp.end,
        pp.baseline_year,
        s.reports.files,
        s.data_root,
        s.period,
        band_sentence(s.status_band)
    );

    out.push_str("## Summary\n\n");
    out.push_str("| category | binding 约束性 | expected 预期性 | all |\n|---|--:|--:|--:|\n");
    for c in Category::ALL {
        let _ = writeln!(
            out,
            "| {} {} | {} | {} | {} |",
            marker(c),
            c.label(),
            s.summary.binding.get(c),
            s.summary.expected.get(c),
            s.summary.all.get(c)
        );
    }
    let _ = writeln!(
        out,
        "| **total** | **{}** | **{}** | **{}** |\n",
        Category::ALL
            .iter()
            .map(|c| s.summary.binding.get(*c))
            .sum::<usize>(),
        Category::ALL
            .iter()
            .map(|c| s.summary.expected.get(*c))
            .sum::<usize>(),
        s.summary.indicators
    );

    let years: Vec<i32> = (pp.start..=s.period).collect();
    for (attr, title) in [
        (Attribute::Binding, "Binding indicators (约束性)"),
        (Attribute::Expected, "Expected indicators (预期性)"),
    ] {
        let rows: Vec<&IndicatorStatus> = s
            .indicators
            .iter()
            .filter(|i| i.attribute == attr)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title}\n");
        let _ = write!(out, "| id | indicator | baseline {}", pp.baseline_year);
        for y in &years {
            let _ = write!(out, " | {y}");
        }
        out.push_str(" | target | status | basis |\n|---|---|--:");
        for _ in &years {
            out.push_str("|--:");
        }
        out.push_str("|---|---|---|\n");
        for ind in rows {
            let name = if ind.unit.is_empty() {
                ind.name.clone()
            } else {
                format!("{} ({})", ind.name, ind.unit)
            };
            let _ = write!(
                out,
                "| {} | {} | {}",
                ind.id,
                cell(&name),
                cell(&baseline_cell(ind))
            );
            for y in &years {
                let _ = write!(out, " | {}", cell(&year_cell(ind, *y)));
            }
            let _ = writeln!(
                out,
                " | {} | {} {} | {} |",
                cell(&target_cell(ind, pp.end)),
                marker(ind.evaluation.category),
                ind.evaluation.label,
                cell(&basis(ind, s.period))
            );
        }
        out.push('\n');
    }

    let p = &s.projects;
    let _ = writeln!(
        out,
        "## Key projects\n\n{} projects in {} 专栏 columns; {} reported up to {}; {} completed ({} of those not cancelled).\n",
        p.all.total,
        p.by_column.len(),
        p.all.reported,
        s.period,
        p.all.completed,
        p.all.completion_rate.map(pct).unwrap_or_else(|| "—".into())
    );
    out.push_str("### By 专栏 column\n\n");
    out.push_str(&counts_header("# | column"));
    for c in &p.by_column {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            c.column_ordinal,
            cell(&c.column),
            counts_cells(&c.counts)
        );
    }
    let _ = writeln!(out, "| | **all** | {} |\n", counts_cells(&p.all));
    out.push_str("### By department\n\n");
    out.push_str(&counts_header("department | code"));
    for d in &p.by_department {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&d.name),
            cell(&d.department),
            counts_cells(&d.counts)
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Reports not received ({}–{})\n", pp.start, s.period);
    if s.reports.missing.is_empty() {
        let _ = writeln!(
            out,
            "Every one of the {} responsible departments has reported every year.\n",
            s.reports.departments
        );
    } else {
        let _ = writeln!(
            out,
            "{} of the {} departments responsible for an indicator or a project have years without a report.\n",
            s.reports.missing.len(),
            s.reports.departments
        );
        out.push_str("| department | code | years not reported |\n|---|---|---|\n");
        for m in &s.reports.missing {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&m.name),
                cell(&m.department),
                years_list(&m.periods)
            );
        }
        out.push('\n');
    }
    if !s.reports.unreadable.is_empty() {
        out.push_str("Files that could not be read as reports (`plan-lint check` says why):\n\n");
        for f in &s.reports.unreadable {
            let _ = writeln!(out, "- `{f}`");
        }
        out.push('\n');
    }
    out
}

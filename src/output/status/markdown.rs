//! `status --format md`: GitHub-flavoured Markdown, tables only and no
//! HTML, so that it can be appended to `$GITHUB_STEP_SUMMARY`.

use super::wording::*;
use super::{IndicatorStatus, ProjectCounts, Status};
use crate::diagnostics::messages::{Header, Lang, StatusText};
use crate::model::plan::{Attribute, BaselineKind};
use std::fmt::Write;

/// A table cell: `|` and line breaks would end the cell or the row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn counts_cells(c: &ProjectCounts, lang: Lang) -> String {
    let mut s = format!("{} | {}", c.total, c.reported);
    for st in STATUS_ORDER {
        let _ = write!(s, " | {}", c.get(st));
    }
    let _ = write!(
        s,
        " | {} | {} | {} | {} | {}",
        c.not_reported,
        c.completion_rate.map(pct).unwrap_or_else(|| "—".into()),
        c.lagging,
        investment(c.planned_total, c.investment_unreported, lang),
        investment(c.completed_to_date, c.investment_unreported, lang)
    );
    s
}

fn counts_header(first: &str, lang: Lang) -> String {
    let mut h = format!(
        "| {first} | {} | {}",
        StatusText::Projects.text(lang),
        StatusText::Reported.text(lang)
    );
    let mut sep = "|---".repeat(first.matches(" | ").count() + 1);
    sep.push_str("|--:|--:");
    for st in STATUS_ORDER {
        let _ = write!(h, " | {}", status_heading(st, lang));
        sep.push_str("|--:");
    }
    let _ = writeln!(
        h,
        " | {} | {} | {} | {} | {} |",
        StatusText::NotReported.text(lang),
        StatusText::Completion.text(lang),
        StatusText::Heading(Header::Lagging).text(lang),
        StatusText::Heading(Header::PlannedTotal).text(lang),
        StatusText::Heading(Header::CompletedToDate).text(lang)
    );
    sep.push_str("|--:|--:|--:|--:|--:|\n");
    h + &sep
}

/// The attention list as a Markdown table.
fn attention_table(out: &mut String, s: &Status, lang: Lang) {
    let rows = attention(s);
    let _ = writeln!(
        out,
        "### {}\n\n{}\n",
        StatusText::AttentionHeading.text(lang),
        attention_sentence(s, rows.len(), lang)
    );
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "| {} |\n|---|---|---|---|--:|--:|--:|--:|",
        attention_headings(lang).join(" | ")
    );
    for p in rows {
        let cells: Vec<String> = attention_cells(p, lang).iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// One table of indicators: baseline, each year's value, target, category, basis.
fn indicator_table(out: &mut String, s: &Status, rows: &[&IndicatorStatus], lang: Lang) {
    let pp = s.plan.period;
    let years: Vec<i32> = (pp.start..=s.period).collect();
    out.push_str(
        &StatusText::IndicatorHeader {
            baseline_year: pp.baseline_year,
        }
        .text(lang),
    );
    for y in &years {
        let _ = write!(out, " | {y}");
    }
    out.push_str(&StatusText::TargetStatusBasis.text(lang));
    out.push_str("\n|---|---|--:");
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
            cell(&match ind.baseline_kind {
                BaselineKind::PeriodAverage | BaselineKind::PeriodTotal => {
                    format!("{} ({})", baseline_cell(ind), baseline_when(ind, lang))
                }
                _ => baseline_cell(ind),
            })
        );
        for y in &years {
            let _ = write!(out, " | {}", cell(&year_cell(ind, *y, lang)));
        }
        let _ = writeln!(
            out,
            " | {} | {} {} | {} |",
            cell(&target_cell(ind, pp.end)),
            marker(ind.evaluation.category),
            ind.evaluation.label,
            cell(&basis(ind, s.period, pp.end, lang))
        );
    }
    out.push('\n');
}

pub fn render(s: &Status, lang: Lang) -> String {
    let mut out = String::new();
    let pp = s.plan.period;
    let _ = writeln!(out, "# {}\n", title(s, lang));
    if let Some(d) = &s.department {
        let part = StatusText::DepartmentPart {
            name: d.name.clone(),
            code: d.code.clone(),
        };
        let _ = writeln!(out, "**{}**\n", part.text(lang));
    }
    let _ = writeln!(
        out,
        "{} {}\n",
        StatusText::Intro {
            id: s.plan.id.clone(),
            start: pp.start,
            end: pp.end,
            baseline_year: pp.baseline_year,
            files: s.reports.files,
            root: s.data_root.clone(),
            period: s.period,
        }
        .text(lang),
        judgement_sentence(s, lang)
    );

    let _ = writeln!(out, "## {}\n", StatusText::SummaryHeading.text(lang));
    let _ = writeln!(
        out,
        "{}\n|---|--:|--:|--:|",
        StatusText::SummaryHeader.text(lang)
    );
    let categories = s.stage.categories();
    for &c in categories {
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
        "| **{}** | **{}** | **{}** | **{}** |\n",
        StatusText::Total.text(lang),
        categories
            .iter()
            .map(|c| s.summary.binding.get(*c))
            .sum::<usize>(),
        categories
            .iter()
            .map(|c| s.summary.expected.get(*c))
            .sum::<usize>(),
        s.summary.indicators
    );

    departments_table(&mut out, s, lang);
    for (attr, title) in [
        (Attribute::Binding, StatusText::BindingIndicators),
        (Attribute::Expected, StatusText::ExpectedIndicators),
    ] {
        let rows: Vec<&IndicatorStatus> = s
            .indicators
            .iter()
            .filter(|i| i.attribute == attr)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", title.text(lang));
        for (theme, rows) in themes(s, &rows) {
            if let Some(theme) = theme {
                let _ = writeln!(out, "### {}\n", cell(theme));
            }
            indicator_table(&mut out, s, &rows, lang);
        }
    }

    let p = &s.projects;
    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        StatusText::KeyProjects.text(lang),
        projects_sentence(s, lang)
    );
    let _ = writeln!(out, "### {}\n", StatusText::ByColumn.text(lang));
    out.push_str(&counts_header(&StatusText::ColumnColumns.text(lang), lang));
    for c in &p.by_column {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            c.column_ordinal,
            cell(&column_name(&c.column, &c.column_title)),
            counts_cells(&c.counts, lang)
        );
    }
    let _ = writeln!(
        out,
        "| | **{}** | {} |\n",
        StatusText::All.text(lang),
        counts_cells(&p.all, lang)
    );
    let _ = writeln!(out, "### {}\n", StatusText::ByDepartment.text(lang));
    out.push_str(&counts_header(
        &StatusText::DepartmentColumns.text(lang),
        lang,
    ));
    for d in &p.by_department {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&d.name),
            cell(&d.department),
            counts_cells(&d.counts, lang)
        );
    }
    out.push('\n');
    attention_table(&mut out, s, lang);

    let _ = writeln!(
        out,
        "## {}\n",
        StatusText::MissingHeading {
            start: pp.start,
            period: s.period
        }
        .text(lang)
    );
    if s.reports.missing.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            StatusText::AllReported {
                departments: s.reports.departments
            }
            .text(lang)
        );
    } else {
        let _ = writeln!(
            out,
            "{}\n",
            StatusText::SomeMissing {
                missing: s.reports.missing.len(),
                departments: s.reports.departments
            }
            .text(lang)
        );
        let _ = writeln!(
            out,
            "{}\n|---|---|---|",
            StatusText::MissingHeader.text(lang)
        );
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
        let _ = writeln!(out, "{}\n", StatusText::Unreadable.text(lang));
        for f in &s.reports.unreadable {
            let _ = writeln!(out, "- `{f}`");
        }
        out.push('\n');
    }

    if !s.confirmations.is_empty() {
        let heading = StatusText::ConfirmationsHeading { year: s.period };
        let _ = writeln!(out, "## {}\n", heading.text(lang));
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|",
            StatusText::ConfirmationsHeader.text(lang)
        );
        for c in &s.confirmations {
            let _ = writeln!(
                out,
                "| {} ({}) | {} | {} | {} |",
                cell(&c.name),
                cell(&c.id),
                cell(&crate::diagnostics::messages::val(c.value, &c.unit)),
                cell(&c.reason),
                cell(c.file.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", StatusText::DecisionsHeading.text(lang));
    if s.decisions.is_empty() {
        let _ = writeln!(out, "{}\n", StatusText::DecisionsNone.text(lang));
    } else {
        let _ = writeln!(
            out,
            "{}\n|---|---|---|---|---|---|",
            StatusText::DecisionsHeader.text(lang)
        );
        let unit_of = units(s);
        for d in &s.decisions {
            let (report, what) = decision_cells(d, &unit_of, lang);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&d.id),
                cell(&report),
                cell(&what),
                cell(d.reason.as_deref().unwrap_or("")),
                cell(&d.approved_by),
                cell(&d.date)
            );
        }
        out.push('\n');
    }
    out
}

/// Each responsible department's part in one row.
fn departments_table(out: &mut String, s: &Status, lang: Lang) {
    if s.departments.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", StatusText::DepartmentsSection.text(lang));
    let heads = department_headings(s, lang);
    let _ = writeln!(
        out,
        "{} {} |\n|---|---|--:{}|",
        StatusText::DepartmentsHeader.text(lang),
        heads.join(" | "),
        "|--:".repeat(heads.len() - 1) + "|---"
    );
    for d in &s.departments {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&d.name),
            cell(&d.department),
            d.indicators,
            department_cells(s, d).join(" | ")
        );
    }
    out.push('\n');
}

//! The evaluation tables of a [`Status`], as the plan office files them in
//! Excel or WPS: indicators, projects, departments, missing reports and the
//! decisions in force. [`csv`](super::csv) writes one of them,
//! [`xlsx`](super::xlsx) all of them, from the same rows. Each table starts
//! with a `plan` column, so that the 14th and the 15th plan's rows can be
//! put side by side; numbers stay numbers.

use super::wording::{basis, target_cell};
use super::{ProjectCounts, Status};
use crate::diagnostics::messages::{Header, Lang, Sheet, StatusText};
use crate::model::plan::ProjectStatus;
use rayon::prelude::*;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
    fn number(v: Option<f64>) -> Cell {
        v.map_or(Cell::Empty, Cell::Number)
    }
    fn count(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

/// One table: its sheet, column headings and rows.
#[derive(Clone, Debug)]
pub struct Table {
    pub sheet: Sheet,
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The tables in workbook order.
pub const SHEETS: [Sheet; 5] = [
    Sheet::Indicators,
    Sheet::Projects,
    Sheet::Departments,
    Sheet::Missing,
    Sheet::Decisions,
];

/// Every table of a status, in [`SHEETS`] order, each made on the rayon
/// pool as its consumer asks (the workbook fills each sheet as soon as its
/// table is made: the indicators' and projects' tables of the 10,000-report
/// root are 31,000 rows).
pub fn tables<'s>(s: &'s Status, lang: Lang) -> impl IndexedParallelIterator<Item = Table> + 's {
    (SHEETS.par_iter()).map(move |&sheet| table(s, sheet, lang))
}

/// One table of a status.
pub fn table(s: &Status, sheet: Sheet, lang: Lang) -> Table {
    let h = |x: Header| StatusText::Heading(x).text(lang);
    let plan = || Cell::Text(s.plan.id.clone());
    let (headers, rows): (Vec<String>, Vec<Vec<Cell>>) = match sheet {
        Sheet::Indicators => {
            let pp = s.plan.period;
            let mut headers = vec![
                h(Header::Plan),
                h(Header::Id),
                h(Header::Indicator),
                h(Header::Unit),
                h(Header::Theme),
                h(Header::Attribute),
                h(Header::Baseline),
            ];
            headers.extend((pp.start..=s.period).map(|y| y.to_string()));
            headers.extend([
                h(Header::Target),
                h(Header::TargetYear),
                h(Header::Category),
                h(Header::Basis),
                h(Header::Department),
                h(Header::DepartmentCode),
                h(Header::Note),
            ]);
            let rows = (s.indicators.iter())
                .map(|ind| {
                    let mut row = vec![
                        plan(),
                        Cell::text(&ind.id),
                        Cell::text(&ind.name),
                        Cell::text(&ind.unit),
                        Cell::text(&ind.category),
                        Cell::text(StatusText::AttributeName(ind.attribute).text(lang)),
                        match (ind.baseline, &ind.baseline_text) {
                            (Some(b), _) => Cell::Number(b),
                            (None, Some(t)) if t.trim() != "---" => Cell::text(t),
                            _ => Cell::Empty,
                        },
                    ];
                    row.extend(ind.values.iter().map(|y| Cell::number(y.value)));
                    let notes: Vec<String> = (ind.values.iter())
                        .filter_map(|y| Some(format!("{}: {}", y.year, y.note.as_deref()?)))
                        .collect();
                    row.extend([
                        Cell::text(target_cell(ind, pp.end)),
                        Cell::Number(ind.target_year.into()),
                        Cell::text(ind.evaluation.label),
                        Cell::text(basis(ind, s.period, pp.end, lang)),
                        Cell::text(&ind.department_name),
                        Cell::text(&ind.department),
                        Cell::text(notes.join("\n")),
                    ]);
                    row
                })
                .collect();
            (headers, rows)
        }
        Sheet::Projects => {
            let headers = [
                Header::Plan,
                Header::Id,
                Header::Project,
                Header::Column,
                Header::ColumnTitle,
                Header::Department,
                Header::DepartmentCode,
                Header::Status,
                Header::Year,
                Header::Progress,
                Header::PlannedTotal,
                Header::CompletedToDate,
                Header::Lagging,
            ]
            .map(h)
            .to_vec();
            let rows = (s.projects.list.iter())
                .map(|p| {
                    vec![
                        plan(),
                        Cell::text(&p.id),
                        Cell::text(&p.name),
                        Cell::text(&p.column),
                        Cell::text(&p.column_title),
                        Cell::text(&p.department_name),
                        Cell::text(&p.department),
                        p.status.map_or(Cell::Empty, |st| {
                            Cell::text(StatusText::ProjectStatus(st).text(lang))
                        }),
                        Cell::number(p.year.map(f64::from)),
                        Cell::number(p.progress),
                        invested(p, p.planned_total, lang),
                        invested(p, p.completed_to_date, lang),
                        if p.lagging {
                            Cell::text(StatusText::Yes.text(lang))
                        } else {
                            Cell::Empty
                        },
                    ]
                })
                .collect();
            (headers, rows)
        }
        Sheet::Departments => {
            let categories = s.stage.categories();
            let mut headers = vec![
                h(Header::Plan),
                h(Header::DepartmentCode),
                h(Header::Department),
                h(Header::Indicators),
            ];
            headers.extend(categories.iter().map(|c| c.label().to_string()));
            headers.push(h(Header::Projects));
            headers.extend(
                ProjectStatus::ALL
                    .iter()
                    .map(|st| StatusText::ProjectStatus(*st).text(lang)),
            );
            headers.extend([
                h(Header::NotReported),
                h(Header::Lagging),
                h(Header::PlannedTotal),
                h(Header::CompletedToDate),
                h(Header::MissingYears),
            ]);
            let rows = (s.departments.iter())
                .map(|d| {
                    let mut row = vec![
                        plan(),
                        Cell::text(&d.department),
                        Cell::text(&d.name),
                        Cell::count(d.indicators),
                    ];
                    row.extend(categories.iter().map(|c| Cell::count(d.counts.get(*c))));
                    row.extend(project_cells(&d.projects, lang));
                    let missing: Vec<String> = d.missing.iter().map(i32::to_string).collect();
                    row.push(Cell::text(missing.join(", ")));
                    row
                })
                .collect();
            (headers, rows)
        }
        Sheet::Missing => {
            let headers = [
                Header::Plan,
                Header::DepartmentCode,
                Header::Department,
                Header::Year,
            ]
            .map(h)
            .to_vec();
            let rows = (s.reports.missing.iter())
                .flat_map(|m| {
                    m.periods.iter().map(|y| {
                        vec![
                            plan(),
                            Cell::text(&m.department),
                            Cell::text(&m.name),
                            Cell::Number(f64::from(*y)),
                        ]
                    })
                })
                .collect();
            (headers, rows)
        }
        Sheet::Decisions => {
            let headers = [
                Header::Plan,
                Header::Decision,
                Header::Kind,
                Header::DepartmentCode,
                Header::Year,
                Header::Rule,
                Header::Targets,
                Header::Value,
                Header::Reason,
                Header::Source,
                Header::ApprovedBy,
                Header::Date,
                Header::File,
            ]
            .map(h)
            .to_vec();
            let rows = (s.decisions.iter())
                .map(|d| {
                    vec![
                        plan(),
                        Cell::text(&d.id),
                        Cell::text(d.kind),
                        Cell::text(d.department.clone().unwrap_or_default()),
                        Cell::Number(f64::from(d.period)),
                        Cell::text(d.rule.clone().unwrap_or_default()),
                        Cell::text(d.targets.join(", ")),
                        Cell::number(d.value),
                        Cell::text(d.reason.clone().unwrap_or_default()),
                        Cell::text(d.source.clone().unwrap_or_default()),
                        Cell::text(&d.approved_by),
                        Cell::text(&d.date),
                        Cell::text(&d.file),
                    ]
                })
                .collect();
            (headers, rows)
        }
    };
    Table {
        sheet,
        name: StatusText::SheetName(sheet).text(lang),
        headers,
        rows,
    }
}

/// A group's projects: how many, by status, not reported, lagging, investment.
fn project_cells(c: &ProjectCounts, lang: Lang) -> Vec<Cell> {
    let mut cells = vec![Cell::count(c.total)];
    cells.extend(ProjectStatus::ALL.iter().map(|st| Cell::count(c.get(*st))));
    cells.extend([Cell::count(c.not_reported), Cell::count(c.lagging)]);
    cells.extend(
        [c.planned_total, c.completed_to_date].map(|v| match c.investment_unreported {
            0 => Cell::Number(v),
            _ => Cell::text(StatusText::FigureUnreported.text(lang)),
        }),
    );
    cells
}

/// A project's investment figure, or 未报 when its latest report left out
/// what the one before gave (PL307).
fn invested(p: &super::ProjectRow, v: Option<f64>, lang: Lang) -> Cell {
    match p.investment_unreported {
        true => Cell::text(StatusText::FigureUnreported.text(lang)),
        false => Cell::number(v),
    }
}

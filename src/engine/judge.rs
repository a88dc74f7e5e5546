//! The one judgement's inputs, read from the record: a target's series —
//! each plan year's figure from the responsible department's report,
//! whether that figure is in error (an unresolved finding of
//! [`verdict::is_data_validity`] on its entry), and the register's
//! requirement — for [`verdict::judge`]. `check`'s PL202, PL203 and PL205
//! and `status` build the series here and judge it there.

use crate::diagnostics::diagnostic::Diagnostic;
use crate::engine::history::History;
use crate::engine::rules;
use crate::model::code::Code;
use crate::model::plan::verdict::{self, Verdict, Year};
use crate::model::plan::{CatalogPositions, Indicator, Plan};
use crate::model::report::{IndicatorEntry, Report};
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

/// The codes of data validity each indicator entry of a report carries,
/// unresolved (not suppressed), by the entry's position in the report.
pub fn data_findings(
    plan: &Plan,
    report: &Report,
    history: &History<'_>,
    context: rules::Context<'_>,
) -> Vec<(usize, Code)> {
    data_findings_at(plan, report, None, history, context)
}

/// [`data_findings`] with the report's catalog positions, when they were
/// looked up already.
fn data_findings_at(
    plan: &Plan,
    report: &Report,
    catalog: Option<&CatalogPositions>,
    history: &History<'_>,
    context: rules::Context<'_>,
) -> Vec<(usize, Code)> {
    let looked_up;
    let catalog = match catalog {
        Some(c) => c,
        None => {
            looked_up = plan.positions_of(report);
            &looked_up
        }
    };
    let mut findings: Vec<Diagnostic> = Vec::new();
    rules::run_plan_rules_of(
        plan,
        report,
        catalog,
        history,
        context,
        verdict::is_data_validity,
        &mut findings,
    );
    let mut scratch = Vec::new();
    rules::suppression::apply(plan, report, context.register, &mut findings, &mut scratch);
    let mut out: Vec<(usize, Code)> = Vec::new();
    for (i, (e, position)) in report
        .indicators
        .iter()
        .zip(catalog.indicators())
        .enumerate()
    {
        let Some(ind) = position.map(|p| &plan.indicators[p]) else {
            continue;
        };
        // PL104: a figure in another unit than the plan's.
        if verdict::is_data_validity(Code::PL104)
            && e.unit.as_ref().is_some_and(|u| *u.value != *ind.unit)
        {
            out.push((i, Code::PL104));
        }
        let within = format!("{}/", e.pointer());
        for d in &findings {
            let ours =
                d.target.as_deref() == Some(ind.id.as_str()) && d.node_path.starts_with(&within);
            if ours && !d.suppressed && !out.contains(&(i, d.code)) {
                out.push((i, d.code));
            }
        }
    }
    out
}

/// The data-validity findings of the reports a run reads, each computed
/// once (a report is asked for again by every later year's verdict).
pub struct Validity<'c> {
    context: rules::Context<'c>,
    /// The report being checked (by address) and its catalog positions,
    /// looked up already (looking them up again cost 2 % of a check at
    /// 100,000 reports, in a catalog too large for the caches).
    checked: Option<(usize, &'c CatalogPositions)>,
    by_report: RefCell<HashMap<usize, Vec<(usize, Code)>>>,
}

impl<'c> Validity<'c> {
    pub fn new(context: rules::Context<'c>) -> Self {
        Validity {
            context,
            checked: None,
            by_report: RefCell::default(),
        }
    }
    /// [`Validity::new`] for a check of `report`, whose entries' catalog
    /// positions are `catalog`.
    fn checking(
        context: rules::Context<'c>,
        report: &Report,
        catalog: &'c CatalogPositions,
    ) -> Self {
        Validity {
            checked: Some((std::ptr::from_ref(report).addr(), catalog)),
            ..Validity::new(context)
        }
    }
    /// Whether the figure of a report's entry (by position) is in error.
    /// A report on record keeps its findings in the history, for the run.
    pub fn in_error(
        &self,
        plan: &Plan,
        history: &History<'_>,
        report: &Report,
        entry: usize,
    ) -> bool {
        let key = std::ptr::from_ref(report).addr();
        let catalog = (self.checked)
            .filter(|(checked, _)| *checked == key)
            .map(|(_, catalog)| catalog);
        if let Some(position) = history.position_of(report) {
            return recorded_in_error(plan, history, position, catalog, self.context, entry);
        }
        let mut cache = self.by_report.borrow_mut();
        let found = (cache.entry(key))
            .or_insert_with(|| data_findings_at(plan, report, catalog, history, self.context));
        found.iter().any(|(i, _)| *i == entry)
    }
}

/// Whether the figure of an entry of the report at `position` in the
/// history is in error: its findings made once for the run.
fn recorded_in_error(
    plan: &Plan,
    history: &History<'_>,
    position: usize,
    catalog: Option<&CatalogPositions>,
    context: rules::Context<'_>,
    entry: usize,
) -> bool {
    (history.data_validity[position])
        .get_or_init(|| {
            let catalog = catalog.or_else(|| history.positions_at(position));
            let report = history.report_at(position);
            data_findings_at(plan, report, catalog, history, context)
        })
        .iter()
        .any(|(e, _)| *e == entry)
}

/// A target's series through `as_of`: every plan year up to it, with the
/// figure the record holds, whether it is in error, and the register's
/// requirement. `current` is the entry of the report being checked, which
/// gives the figure of `as_of`.
pub fn series(
    plan: &Plan,
    ind: &Indicator,
    history: &History<'_>,
    validity: &Validity<'_>,
    as_of: i32,
    current: Option<(&Report, &IndicatorEntry)>,
) -> Vec<Year> {
    let start = plan.header.period.start;
    let entries = history.recorded_through(plan, ind, as_of);
    let current = current.and_then(|(r, e)| {
        let at = (r.indicators.iter()).position(|x| std::ptr::eq(x, e))?;
        Some((r, at))
    });
    // The register asked once for the target, not once a year.
    let required = (validity.context.register).requirements(plan.id(), &ind.id);
    (start..=as_of)
        .map(|y| {
            // The report being checked, or the one on record (by its place
            // in the history, whose data-validity findings the run shares).
            let (from, recorded) = match current {
                Some((r, at)) if y == as_of => (Some((r, at)), None),
                _ => match (entries.iter()).find(|(p, _, _)| *p == y) {
                    Some(&(_, r, i)) => (Some((history.report_at(r), i)), Some(r)),
                    None => (None, None),
                },
            };
            let value = from.and_then(|(r, i)| Some(r.indicators.get(i)?.value.as_ref()?.value));
            let in_error = from.is_some_and(|(r, i)| match recorded {
                Some(position) => {
                    recorded_in_error(plan, history, position, None, validity.context, i)
                }
                None => validity.in_error(plan, history, r, i),
            });
            let requirement = required.of(y).and_then(|d| d.value);
            Year {
                year: y,
                value,
                in_error: value.is_some() && in_error,
                requirement,
            }
        })
        .collect()
}

/// The verdicts of one report's indicator entries, each judged once, as
/// of the report's period (the plan rules PL202, PL203 and PL205 share them).
pub struct Verdicts<'c> {
    validity: Validity<'c>,
    by_entry: Vec<OnceCell<Verdict>>,
}

impl<'c> Verdicts<'c> {
    pub fn new(
        report: &Report,
        catalog: &'c CatalogPositions,
        context: rules::Context<'c>,
    ) -> Self {
        Verdicts {
            validity: Validity::checking(context, report, catalog),
            by_entry: (0..report.indicators.len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }
    /// The verdict of a report's entry for its indicator, as of the report's period.
    pub fn of(
        &self,
        plan: &Plan,
        history: &History<'_>,
        report: &Report,
        entry: &IndicatorEntry,
        ind: &Indicator,
    ) -> Option<&Verdict> {
        let period = report.period()?;
        let at = (report.indicators.iter()).position(|x| std::ptr::eq(x, entry))?;
        let cell = self.by_entry.get(at)?;
        Some(cell.get_or_init(|| {
            let years = series(
                plan,
                ind,
                history,
                &self.validity,
                period,
                Some((report, entry)),
            );
            verdict::judge(&plan.reading(ind), &years, period)
        }))
    }
}

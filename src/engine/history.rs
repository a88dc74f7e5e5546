//! History: the record — every report at its place under the data root (a
//! clerk's draft standing in for the stored report of its department and
//! period) — indexed once by plan, indicator or project (by its position in
//! the plan's catalog), and period. An entry counts only in the report of
//! the department responsible for it in that period (trust.md, "The record
//! (version 3)"); which reports are in the record the callers decide
//! ([`crate::load::workspace::in_record`]).
//!
//! The index holds no copies of what reports say: each entry is the
//! position of a report and of an entry in it (eight bytes), and a
//! [`Fact`] is made from the report when a rule asks for it. A large data
//! root's history is therefore a few bytes per figure, on top of the
//! reports the check keeps anyway; ids the plan does not have are no one's
//! history (no rule asks for them).

use crate::diagnostics::diagnostic::Location;
use crate::model::plan::ProjectStatus;
use crate::model::plan::{CatalogEntity, CatalogPositions, Indicator, Plan, Project};
use crate::model::report::{Report, Spanned};
use crate::syntax::source::Source;
use crate::syntax::yaml::Span;
use crate::FastMap;
use rayon::prelude::*;

/// A value as some report states it, with where: the report's source and
/// the value's span (a [`Location`] is made only for a finding).
#[derive(Clone, Copy, Debug)]
pub struct Fact<'r, T> {
    pub value: T,
    pub period: i32,
    pub source: &'r Source,
    pub span: Span,
}

impl<T> Fact<'_, T> {
    pub fn location(&self) -> Location {
        Location::at(self.source, self.span)
    }
    /// The path of the report that states it.
    pub fn path(&self) -> &str {
        &self.source.path
    }
}

/// A project's state in one period.
#[derive(Clone, Copy, Debug)]
pub struct ProjectFacts<'r> {
    pub period: i32,
    pub status: Option<Fact<'r, ProjectStatus>>,
    pub progress: Option<Fact<'r, f64>>,
    pub planned_total: Option<Fact<'r, f64>>,
    pub completed_to_date: Option<Fact<'r, f64>>,
    pub started: Option<Fact<'r, jiff::civil::Date>>,
}

/// Values by period, in period order: a plan has five periods, so a sorted
/// vector, where a `BTreeMap` would allocate a node of eleven slots for
/// every indicator and project of every plan.
#[derive(Debug)]
struct Periods<V>(Vec<(i32, V)>);

impl<V> Default for Periods<V> {
    fn default() -> Self {
        Periods(Vec::new())
    }
}

impl<V> Periods<V> {
    /// Keeps the first value given for a period.
    fn insert_first(&mut self, period: i32, value: V) {
        if let Err(at) = self.0.binary_search_by_key(&period, |(p, _)| *p) {
            // Grown one at a time: most keys hold one to five periods.
            self.0.reserve_exact(1);
            self.0.insert(at, (period, value));
        }
    }
    /// The values of the periods before `period`, in order.
    fn before(&self, period: i32) -> &[(i32, V)] {
        &self.0[..self.0.partition_point(|(p, _)| *p < period)]
    }
    /// The values of the periods up to and including `period`, in order.
    fn through(&self, period: i32) -> &[(i32, V)] {
        &self.0[..self.0.partition_point(|(p, _)| *p <= period)]
    }
}

/// Where a fact is written: the report's position in the history and the
/// entry's position in its `indicators` or `projects` list.
#[derive(Clone, Copy, Debug)]
struct At {
    report: u32,
    entry: u32,
}

/// One plan's history: by catalog position, so a lookup is the plan's own
/// id index and a vector index.
#[derive(Debug)]
struct PlanHistory<'r> {
    plan: &'r Plan,
    indicators: Vec<Periods<At>>,
    projects: Vec<Periods<At>>,
    /// Department → periods with a report, in order.
    reported: FastMap<String, Vec<i32>>,
}

impl<'r> PlanHistory<'r> {
    fn new(plan: &'r Plan) -> Self {
        let n = plan.indicators.len();
        PlanHistory {
            plan,
            indicators: (0..n).map(|_| Periods::default()).collect(),
            projects: (0..plan.projects.len())
                .map(|_| Periods::default())
                .collect(),
            reported: FastMap::default(),
        }
    }
}

#[derive(Debug)]
pub struct History<'r> {
    /// The reports of a known plan with a period, in the order given.
    reports: Vec<&'r Report>,
    plans: Vec<PlanHistory<'r>>,
    /// Each report's unresolved data-validity findings (entry position,
    /// code), made once for the run when a verdict first asks
    /// ([`crate::engine::judge`]): every later year's verdicts ask for a
    /// report again, and each report's check asked anew (the lookups and
    /// the rules of four earlier reports per report).
    pub(crate) data_validity: Vec<std::sync::OnceLock<Vec<(usize, crate::model::code::Code)>>>,
    /// Each report's catalog positions, when the caller looked them up
    /// ([`History::build_at`]): the data-validity findings' rules use them
    /// rather than looking every entry up again in the catalog's index.
    positions: Vec<Option<&'r CatalogPositions>>,
    /// Each report's place in the history, by its address: a report being
    /// checked that is on record shares its data-validity findings with
    /// the later years' verdicts that ask for it, rather than making them twice.
    by_address: FastMap<usize, u32>,
}

fn fact<'r, T: Copy>(report: &'r Report, s: &Spanned<T>) -> Option<Fact<'r, T>> {
    Some(Fact {
        value: s.value,
        period: report.period()?,
        source: &report.source,
        span: s.span,
    })
}

/// The reports a history is assembled from (with their plan's place and
/// their entries' catalog positions) and each one's department's position
/// in its plan, from which a plan's series are filled.
struct Fill<'f, 'r, 'c> {
    reports: &'f [(&'r Report, usize, &'c CatalogPositions)],
    writers: &'f [Option<usize>],
}

impl Fill<'_, '_, '_> {
    /// Fills the series of plan `p`'s indicators or projects, by ranges of
    /// catalog positions in parallel: a serial pass over every entry of
    /// 100,000 reports took a quarter of a second, 18 times as long as at
    /// 10,000. Every range sees the reports in order, so whatever the number
    /// of threads the first report to state a fact for a period keeps it.
    /// Only the department responsible for an entry in that period writes
    /// its history (trust.md version 3): another department's figure for it
    /// is PL105, never a previous value.
    fn series(&self, p: usize, plan: &Plan, entity: CatalogEntity, series: &mut [Periods<At>]) {
        let ranges = 2 * rayon::current_num_threads();
        let size = series.len().div_ceil(ranges).max(1);
        series
            .par_chunks_mut(size)
            .enumerate()
            .for_each(|(chunk, range)| {
                let first = chunk * size;
                let positions = first..first + range.len();
                let within = |i: usize| positions.contains(&i);
                let reports = (0..u32::MAX).zip(self.reports.iter().zip(self.writers));
                for (report, (&(r, plan_at, positions), &writer)) in reports {
                    let (Some(dept), Some(period)) = (writer, r.period()) else {
                        continue;
                    };
                    if plan_at != p {
                        continue;
                    }
                    let mut write = |entry: u32, i: usize| {
                        if plan.written_by(entity, i, period, dept) {
                            range[i - first].insert_first(period, At { report, entry });
                        }
                    };
                    match entity {
                        CatalogEntity::Indicator => {
                            let entries =
                                (0..u32::MAX).zip(&r.indicators).zip(positions.indicators());
                            for ((entry, e), i) in entries {
                                match i {
                                    Some(i) if within(i) && e.value.is_some() => write(entry, i),
                                    _ => {}
                                }
                            }
                        }
                        CatalogEntity::Project => {
                            for (entry, i) in (0..u32::MAX).zip(positions.projects()) {
                                match i {
                                    Some(i) if within(i) => write(entry, i),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
            });
    }
}

impl<'r> History<'r> {
    /// Indexes reports against their plans; the caller passes the reports in
    /// path order, and the first report to state a fact for a period keeps it.
    pub fn build(
        plans: impl IntoIterator<Item = &'r Plan>,
        reports: impl IntoIterator<Item = &'r Report>,
    ) -> History<'r> {
        let plans: Vec<&'r Plan> = plans.into_iter().collect();
        let reports: Vec<&'r Report> = reports.into_iter().collect();
        // Each entry's catalog position, looked up in parallel (the lookups
        // are most of the work).
        let positions: Vec<Option<CatalogPositions>> = reports
            .par_iter()
            .map(|r| {
                let plan = plans.iter().find(|p| Some(p.id()) == r.plan_id())?;
                Some(plan.positions_of(r))
            })
            .collect();
        let with_positions = (reports.iter().zip(&positions))
            .filter_map(|(&r, c)| Some((r, c.as_ref()?)))
            .collect::<Vec<_>>();
        let (mut history, kept) = History::assemble(plans, with_positions);
        history.positions = vec![None; kept.len()];
        history
    }

    /// [`History::build`] for reports whose entries' catalog positions in
    /// the plan each names were looked up already ([`Plan::positions_of`]).
    pub fn build_at(
        plans: impl IntoIterator<Item = &'r Plan>,
        reports: impl IntoIterator<Item = (&'r Report, &'r CatalogPositions)>,
    ) -> History<'r> {
        let (mut history, kept) = History::assemble(plans, reports);
        history.positions = kept.into_iter().map(Some).collect();
        history
    }

    /// The history of the reports given, and the catalog positions of those
    /// it kept (a known plan, a period), in its order.
    fn assemble<'c>(
        plans: impl IntoIterator<Item = &'r Plan>,
        reports: impl IntoIterator<Item = (&'r Report, &'c CatalogPositions)>,
    ) -> (History<'r>, Vec<&'c CatalogPositions>) {
        let mut plans: Vec<PlanHistory<'r>> = plans.into_iter().map(PlanHistory::new).collect();
        // The reports of a known plan with a period, with their plan's place.
        // A history beyond four billion reports or entries is beyond any
        // machine's memory long before: positions are 32-bit.
        let reports: Vec<(&'r Report, usize, &'c CatalogPositions)> = (reports.into_iter())
            .filter_map(|(r, c)| {
                r.period()?;
                let plan = r.plan_id()?;
                Some((r, plans.iter().position(|p| p.plan.id() == plan)?, c))
            })
            .take(u32::MAX as usize)
            .collect();
        // Each report's department, by its position among its plan's
        // departments, and the periods each department reported.
        let mut writers: Vec<Option<usize>> = Vec::with_capacity(reports.len());
        for &(r, p, _) in &reports {
            let ph = &mut plans[p];
            let (Some(period), Some(d)) = (r.period(), r.department()) else {
                writers.push(None);
                continue;
            };
            let periods = match ph.reported.get_mut(d) {
                Some(p) => p,
                None => ph.reported.entry(d.to_string()).or_default(),
            };
            if let Err(at) = periods.binary_search(&period) {
                periods.insert(at, period);
            }
            // A department the plan does not have writes nothing.
            writers.push(ph.plan.department_position(d));
        }
        let fill = Fill {
            reports: &reports,
            writers: &writers,
        };
        for (p, ph) in plans.iter_mut().enumerate() {
            rayon::join(
                || fill.series(p, ph.plan, CatalogEntity::Indicator, &mut ph.indicators),
                || fill.series(p, ph.plan, CatalogEntity::Project, &mut ph.projects),
            );
        }
        let history = History {
            data_validity: (0..reports.len())
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            positions: Vec::new(),
            by_address: (reports.iter().zip(0u32..))
                .map(|(&(r, _, _), i)| (std::ptr::from_ref(r).addr(), i))
                .collect(),
            reports: reports.iter().map(|&(r, _, _)| r).collect(),
            plans,
        };
        (history, reports.into_iter().map(|(_, _, c)| c).collect())
    }

    fn plan(&self, plan: &Plan) -> Option<&PlanHistory<'r>> {
        (self.plans.iter()).find(|h| std::ptr::eq(h.plan, plan) || h.plan.id() == plan.id())
    }
    fn indicator(&self, plan: &Plan, ind: &Indicator) -> Option<(&PlanHistory<'r>, usize)> {
        let ph = self.plan(plan)?;
        Some((ph, ph.plan.indicator_position_of(ind)?))
    }

    fn report(&self, at: At) -> &'r Report {
        self.reports[at.report as usize]
    }
    fn value(&self, at: At) -> Option<Fact<'r, f64>> {
        let r = self.report(at);
        fact(r, r.indicators[at.entry as usize].value.as_ref()?)
    }
    fn project(&self, period: i32, at: At) -> ProjectFacts<'r> {
        let r = self.report(at);
        let e = &r.projects[at.entry as usize];
        ProjectFacts {
            period,
            status: e.status.as_ref().and_then(|s| fact(r, s)),
            progress: e.progress.as_ref().and_then(|s| fact(r, s)),
            planned_total: e.planned_total.as_ref().and_then(|s| fact(r, s)),
            completed_to_date: e.completed_to_date.as_ref().and_then(|s| fact(r, s)),
            started: e.started.as_ref().and_then(|s| fact(r, s)),
        }
    }

    /// The value of the most recent earlier period that has one.
    pub fn previous_value(
        &self,
        plan: &Plan,
        ind: &Indicator,
        period: i32,
    ) -> Option<Fact<'r, f64>> {
        let (ph, i) = self.indicator(plan, ind)?;
        let (_, at) = ph.indicators[i].before(period).last()?;
        self.value(*at)
    }

    /// The value of exactly `period`, as the responsible department reported it.
    pub fn value_in(&self, plan: &Plan, ind: &Indicator, period: i32) -> Option<Fact<'r, f64>> {
        let (ph, i) = self.indicator(plan, ind)?;
        let (_, at) = (ph.indicators[i].through(period).last()).filter(|(p, _)| *p == period)?;
        self.value(*at)
    }

    /// Every reported value of an indicator up to and including `period`.
    pub fn values_through(&self, plan: &Plan, ind: &Indicator, period: i32) -> Vec<Fact<'r, f64>> {
        self.indicator(plan, ind)
            .map(|(ph, i)| {
                (ph.indicators[i].through(period).iter())
                    .filter_map(|(_, at)| self.value(*at))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The report and the position of the entry in it that give an
    /// indicator's figure, for each period up to and including `period`.
    pub fn entries_through(
        &self,
        plan: &Plan,
        ind: &Indicator,
        period: i32,
    ) -> Vec<(i32, &'r Report, usize)> {
        (self.recorded_through(plan, ind, period).into_iter())
            .map(|(p, r, e)| (p, self.reports[r], e))
            .collect()
    }
    /// [`History::entries_through`] with each report's position in the
    /// history (for [`History::data_validity`]) instead of the report.
    pub(crate) fn recorded_through(
        &self,
        plan: &Plan,
        ind: &Indicator,
        period: i32,
    ) -> Vec<(i32, usize, usize)> {
        self.indicator(plan, ind)
            .map(|(ph, i)| {
                (ph.indicators[i].through(period).iter())
                    .map(|(p, at)| (*p, at.report as usize, at.entry as usize))
                    .collect()
            })
            .unwrap_or_default()
    }
    /// The report at a position in the history.
    pub(crate) fn report_at(&self, position: usize) -> &'r Report {
        self.reports[position]
    }
    /// The place of `report` in the history, if it is on record (the same
    /// report, not a copy of it).
    pub(crate) fn position_of(&self, report: &Report) -> Option<usize> {
        let at = self.by_address.get(&std::ptr::from_ref(report).addr())?;
        Some(*at as usize)
    }

    /// The catalog positions of the report at a position, if the caller gave them.
    pub(crate) fn positions_at(&self, position: usize) -> Option<&'r CatalogPositions> {
        self.positions.get(position).copied().flatten()
    }

    /// The department's note on an indicator's figure of `period`.
    pub fn note(&self, plan: &Plan, ind: &Indicator, period: i32) -> Option<&'r str> {
        let (ph, i) = self.indicator(plan, ind)?;
        let (_, at) = (ph.indicators[i].through(period).iter()).find(|(p, _)| *p == period)?;
        self.report(*at).indicators[at.entry as usize]
            .note
            .as_deref()
    }

    /// The project's state in the most recent earlier period that reported it.
    pub fn previous_project(
        &self,
        plan: &Plan,
        project: &Project,
        period: i32,
    ) -> Option<ProjectFacts<'r>> {
        let ph = self.plan(plan)?;
        let (p, at) = ph.projects[ph.plan.project_position_of(project)?]
            .before(period)
            .last()?;
        Some(self.project(*p, *at))
    }

    /// Whether a department has a report for a period.
    pub fn reported(&self, plan: &Plan, department: &str, period: i32) -> bool {
        (self.plan(plan))
            .and_then(|ph| ph.reported.get(department))
            .is_some_and(|p| p.binary_search(&period).is_ok())
    }
}

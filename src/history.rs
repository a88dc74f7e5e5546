//! History: every report under the data root (a clerk's draft standing in
//! for the stored report of its department and period), indexed once by
//! plan, indicator or project, and period.
//!
//! The index holds no copies of what reports say: each entry is the
//! position of a report and of an entry in it (eight bytes), and a
//! [`Fact`] is made from the report when a rule asks for it. A large data
//! root's history is therefore a few bytes per figure, on top of the
//! reports the check keeps anyway.

use crate::diagnostic::Location;
use crate::plan::ProjectStatus;
use crate::report::{Report, Spanned};
use crate::source::Source;
use crate::yaml::Span;
use crate::FastMap;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::hash::BuildHasher;

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
    pub completed_to_date: Option<Fact<'r, f64>>,
}

/// plan → id → value; looked up by `&str` pairs without making a key.
#[derive(Debug)]
struct ByPlan<V>(FastMap<String, FastMap<String, V>>);

impl<V> Default for ByPlan<V> {
    fn default() -> Self {
        ByPlan(FastMap::default())
    }
}

impl<V: Default> ByPlan<V> {
    fn get(&self, plan: &str, id: &str) -> Option<&V> {
        self.0.get(plan)?.get(id)
    }
    /// The value for (plan, id), made empty the first time; the keys are
    /// copied only then.
    fn slot(&mut self, plan: &str, id: &str) -> &mut V {
        if !self.0.contains_key(plan) {
            self.0.insert(plan.to_owned(), FastMap::default());
        }
        let ids = self.0.get_mut(plan).expect("inserted above");
        if !ids.contains_key(id) {
            ids.insert(id.to_owned(), V::default());
        }
        ids.get_mut(id).expect("inserted above")
    }
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

/// Which of `n` shards holds an id.
fn shard(ids: &foldhash::fast::FixedState, id: &str, n: usize) -> usize {
    (ids.hash_one(id) % n as u64) as usize
}

/// Where a fact is written: the report's position in the history and the
/// entry's position in its `indicators` or `projects` list.
#[derive(Clone, Copy, Debug)]
struct At {
    report: u32,
    entry: u32,
}

/// The index of the indicators and projects whose ids fall in one shard.
#[derive(Default, Debug)]
struct Shard {
    indicators: ByPlan<Periods<At>>,
    projects: ByPlan<Periods<At>>,
    /// (plan, indicator) → cited document → the entries that cite it.
    requirements: ByPlan<BTreeMap<String, Vec<At>>>,
}

impl Shard {
    /// Indexes, in report order, the entries whose id `mine` accepts.
    fn build(reports: &[&Report], mine: impl Fn(&str) -> bool) -> Shard {
        let mut h = Shard::default();
        for (report, r) in (0..u32::MAX).zip(reports) {
            let (Some(plan), Some(period)) = (r.plan_id(), r.period()) else {
                continue;
            };
            for (entry, e) in (0..u32::MAX).zip(&r.indicators) {
                if !mine(&e.id.value) {
                    continue;
                }
                let at = At { report, entry };
                if e.value.is_some() {
                    h.indicators
                        .slot(plan, &e.id.value)
                        .insert_first(period, at);
                }
                if let Some(req) = &e.requirement {
                    if let (Some(_), Some(src)) = (&req.value, &req.source) {
                        let cited = h.requirements.slot(plan, &e.id.value);
                        let document = src.value.trim();
                        match cited.get_mut(document) {
                            Some(v) => v.push(at),
                            None => {
                                cited.insert(document.to_string(), vec![at]);
                            }
                        }
                    }
                }
            }
            for (entry, e) in (0..u32::MAX).zip(&r.projects) {
                if mine(&e.id.value) {
                    h.projects
                        .slot(plan, &e.id.value)
                        .insert_first(period, At { report, entry });
                }
            }
        }
        h
    }
}

/// The index is split by id into one shard per thread, built in parallel:
/// each shard reads every report in order and keeps its own ids, so a
/// shard's content, and every answer, is the same whatever the split.
#[derive(Debug)]
pub struct History<'r> {
    /// The reports with a plan and a period, in the order given.
    reports: Vec<&'r Report>,
    shards: Vec<Shard>,
    ids: foldhash::fast::FixedState,
    /// (plan, department) → periods with a report, in order.
    reported: ByPlan<Vec<i32>>,
}

fn fact<'r, T: Copy>(report: &'r Report, s: &Spanned<T>) -> Option<Fact<'r, T>> {
    Some(Fact {
        value: s.value,
        period: report.period()?,
        source: &report.source,
        span: s.span,
    })
}

impl<'r> History<'r> {
    /// Indexes reports; the caller passes them in path order, and the first
    /// report to state a fact for a period keeps it.
    pub fn build(reports: impl IntoIterator<Item = &'r Report>) -> History<'r> {
        // A history beyond four billion reports or entries is beyond any
        // machine's memory long before: positions are 32-bit.
        let reports: Vec<&Report> = (reports.into_iter())
            .filter(|r| r.plan_id().is_some() && r.period().is_some())
            .take(u32::MAX as usize)
            .collect();
        let ids = foldhash::fast::FixedState::default();
        let n = rayon::current_num_threads().max(1);
        let (shards, reported) = rayon::join(
            || {
                (0..n)
                    .into_par_iter()
                    .map(|s| Shard::build(&reports, |id| shard(&ids, id, n) == s))
                    .collect()
            },
            || {
                let mut reported: ByPlan<Vec<i32>> = ByPlan::default();
                for r in &reports {
                    if let (Some(plan), Some(period), Some(d)) =
                        (r.plan_id(), r.period(), r.department())
                    {
                        let periods = reported.slot(plan, d);
                        if let Err(at) = periods.binary_search(&period) {
                            periods.insert(at, period);
                        }
                    }
                }
                reported
            },
        );
        History {
            reports,
            shards,
            ids,
            reported,
        }
    }

    fn shard(&self, id: &str) -> &Shard {
        &self.shards[shard(&self.ids, id, self.shards.len())]
    }

    fn report(&self, at: At) -> &'r Report {
        self.reports[at.report as usize]
    }
    fn value(&self, at: At) -> Option<Fact<'r, f64>> {
        let r = self.report(at);
        fact(r, r.indicators[at.entry as usize].value.as_ref()?)
    }
    fn requirement(&self, at: At) -> Option<Fact<'r, f64>> {
        let r = self.report(at);
        let req = r.indicators[at.entry as usize].requirement.as_ref()?;
        fact(r, req.value.as_ref()?)
    }
    fn project(&self, period: i32, at: At) -> ProjectFacts<'r> {
        let r = self.report(at);
        let e = &r.projects[at.entry as usize];
        ProjectFacts {
            period,
            status: e.status.as_ref().and_then(|s| fact(r, s)),
            progress: e.progress.as_ref().and_then(|s| fact(r, s)),
            completed_to_date: e.completed_to_date.as_ref().and_then(|s| fact(r, s)),
        }
    }

    /// The value of the most recent earlier period that has one.
    pub fn previous_value(&self, plan: &str, id: &str, period: i32) -> Option<Fact<'r, f64>> {
        let (_, at) = self
            .shard(id)
            .indicators
            .get(plan, id)?
            .before(period)
            .last()?;
        self.value(*at)
    }

    /// Every reported value of an indicator up to and including `period`.
    pub fn values_through(&self, plan: &str, id: &str, period: i32) -> Vec<Fact<'r, f64>> {
        (self.shard(id).indicators.get(plan, id))
            .map(|m| {
                (m.through(period).iter())
                    .filter_map(|(_, at)| self.value(*at))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The project's state in the most recent earlier period that reported it.
    pub fn previous_project(&self, plan: &str, id: &str, period: i32) -> Option<ProjectFacts<'r>> {
        let (p, at) = self
            .shard(id)
            .projects
            .get(plan, id)?
            .before(period)
            .last()?;
        Some(self.project(*p, *at))
    }

    /// The values reports gave for one cited requirement document.
    pub fn requirement_citations(
        &self,
        plan: &str,
        id: &str,
        document: &str,
    ) -> impl Iterator<Item = Fact<'r, f64>> + '_ {
        (self.shard(id).requirements.get(plan, id))
            .and_then(|m| m.get(document.trim()))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|at| self.requirement(*at))
    }

    /// Every requirement value reports gave for an indicator, whatever document they cite.
    pub fn requirements(&self, plan: &str, id: &str) -> Vec<Fact<'r, f64>> {
        (self.shard(id).requirements.get(plan, id))
            .map(|m| {
                (m.values().flatten())
                    .filter_map(|at| self.requirement(*at))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether a department has a report for a period.
    pub fn reported(&self, plan: &str, department: &str, period: i32) -> bool {
        self.reported
            .get(plan, department)
            .is_some_and(|p| p.binary_search(&period).is_ok())
    }
}

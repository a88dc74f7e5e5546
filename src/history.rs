//! History: every report under the data root (a clerk's draft standing in
//! for the stored report of its department and period), indexed once by
//! plan, indicator or project, and period.

use crate::diagnostic::Location;
use crate::plan::ProjectStatus;
use crate::report::{Report, Spanned};
use crate::source::Source;
use crate::yaml::Span;
use std::collections::{BTreeMap, HashMap};

/// A value as some report states it, with where: the report's shared
/// source and the value's span (a [`Location`] is made only for a finding,
/// so the history of a large repository holds no copies of paths).
#[derive(Clone, Debug)]
pub struct Fact<T> {
    pub value: T,
    pub period: i32,
    pub source: Source,
    pub span: Span,
}

impl<T> Fact<T> {
    pub fn location(&self) -> Location {
        Location::at(&self.source, self.span)
    }
    /// The path of the report that states it.
    pub fn path(&self) -> &str {
        &self.source.path
    }
}

/// A project's state in one period.
#[derive(Clone, Debug)]
pub struct ProjectFacts {
    pub period: i32,
    pub status: Option<Fact<ProjectStatus>>,
    pub progress: Option<Fact<f64>>,
    pub completed_to_date: Option<Fact<f64>>,
}

/// plan → id → value; looked up by `&str` pairs without making a key.
#[derive(Debug)]
struct ByPlan<V>(HashMap<String, HashMap<String, V>>);

impl<V> Default for ByPlan<V> {
    fn default() -> Self {
        ByPlan(HashMap::new())
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
            self.0.insert(plan.to_owned(), HashMap::new());
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
/// every indicator and project of every plan (most of the history's memory).
#[derive(Debug)]
struct Periods<V>(Vec<(i32, V)>);

impl<V> Default for Periods<V> {
    fn default() -> Self {
        Periods(Vec::new())
    }
}

impl<V> Periods<V> {
    /// Keeps the first value given for a period.
    fn insert_first(&mut self, period: i32, value: impl FnOnce() -> V) {
        if let Err(at) = self.0.binary_search_by_key(&period, |(p, _)| *p) {
            // Grown one at a time: most keys hold one to five periods.
            self.0.reserve_exact(1);
            self.0.insert(at, (period, value()));
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

#[derive(Default, Debug)]
pub struct History {
    indicators: ByPlan<Periods<Fact<f64>>>,
    projects: ByPlan<Periods<ProjectFacts>>,
    /// (plan, indicator) → cited document → the values reports gave for it.
    requirements: ByPlan<BTreeMap<String, Vec<Fact<f64>>>>,
    /// (plan, department) → periods with a report.
    reports: ByPlan<BTreeMap<i32, String>>,
}

fn fact<T: Clone>(report: &Report, period: i32, s: &Spanned<T>) -> Fact<T> {
    Fact {
        value: s.value.clone(),
        period,
        source: report.source.clone(),
        span: s.span,
    }
}

impl History {
    /// Indexes reports; the caller passes them in path order, and the first
    /// report to state a fact for a period keeps it.
    pub fn build<'a>(reports: impl IntoIterator<Item = &'a Report>) -> History {
        let mut h = History::default();
        for r in reports {
            let (Some(plan), Some(period)) = (r.plan_id(), r.period()) else {
                continue;
            };
            if let Some(d) = r.department() {
                h.reports
                    .slot(plan, d)
                    .entry(period)
                    .or_insert_with(|| r.source.path.clone());
            }
            for e in &r.indicators {
                if let Some(v) = &e.value {
                    h.indicators
                        .slot(plan, &e.id.value)
                        .insert_first(period, || fact(r, period, v));
                }
                if let Some(req) = &e.requirement {
                    if let (Some(v), Some(src)) = (&req.value, &req.source) {
                        h.requirements
                            .slot(plan, &e.id.value)
                            .entry(src.value.trim().to_string())
                            .or_default()
                            .push(fact(r, period, v));
                    }
                }
            }
            for e in &r.projects {
                h.projects
                    .slot(plan, &e.id.value)
                    .insert_first(period, || ProjectFacts {
                        period,
                        status: e.status.as_ref().map(|s| fact(r, period, s)),
                        progress: e.progress.as_ref().map(|s| fact(r, period, s)),
                        completed_to_date: e.completed_to_date.as_ref().map(|s| fact(r, period, s)),
                    });
            }
        }
        h
    }

    /// The value of the most recent earlier period that has one.
    pub fn previous_value(&self, plan: &str, id: &str, period: i32) -> Option<&Fact<f64>> {
        self.indicators
            .get(plan, id)?
            .before(period)
            .last()
            .map(|(_, f)| f)
    }

    /// Every reported value of an indicator up to and including `period`.
    pub fn values_through(&self, plan: &str, id: &str, period: i32) -> Vec<&Fact<f64>> {
        self.indicators
            .get(plan, id)
            .map(|m| m.through(period).iter().map(|(_, f)| f).collect())
            .unwrap_or_default()
    }

    /// The project's state in the most recent earlier period that reported it.
    pub fn previous_project(&self, plan: &str, id: &str, period: i32) -> Option<&ProjectFacts> {
        self.projects
            .get(plan, id)?
            .before(period)
            .last()
            .map(|(_, f)| f)
    }

    /// The values reports gave for one cited requirement document.
    pub fn requirement_citations(&self, plan: &str, id: &str, document: &str) -> &[Fact<f64>] {
        self.requirements
            .get(plan, id)
            .and_then(|m| m.get(document.trim()))
            .map_or(&[], Vec::as_slice)
    }

    /// Every requirement value reports gave for an indicator, whatever document they cite.
    pub fn requirements(&self, plan: &str, id: &str) -> Vec<&Fact<f64>> {
        self.requirements
            .get(plan, id)
            .map(|m| m.values().flatten().collect())
            .unwrap_or_default()
    }

    /// Periods a department has reported, with the report's path.
    pub fn reported_periods(&self, plan: &str, department: &str) -> Option<&BTreeMap<i32, String>> {
        self.reports.get(plan, department)
    }
}

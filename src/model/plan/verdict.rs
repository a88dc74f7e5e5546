//! The one judgement (rules.md, "One judgement", version 3): a target's
//! verdict for a year, from its series and the register's requirements.
//! `check`'s value findings (PL202, PL203, PL205) and every `status`
//! category are views of what [`judge`] returns; nothing else judges.
//!
//! - Mid-term (a year before the plan's final year): 提前实现 achieved,
//!   快于预期 ahead, 基本符合预期 on track, 滞后预期 behind, 尚未达到 not yet.
//! - The final year: met (已完成) or missed (未完成).
//! - Either: in error (数据有误: the latest figure carries an unresolved
//!   finding of data validity, [`is_data_validity`]), no data, no requirement
//!   recorded (a relative target the office has no figure for).
//!
//! The mid-term band is one parameter, the PL203 rule entry's `margin`, a
//! share of the path: of the planned change (target − baseline) for a path,
//! of the target for a total built from 0, of the target rate for an annual
//! rate; a hold (a target equal to its baseline) is a bound and has no pace.

use super::judgement::{annual_average, Target};
use super::model::{Comparison, Indicator, IndicatorKind, Period, TargetIs};
use crate::model::code::Code;
use crate::model::numeric;
use serde::Serialize;
use std::cmp::Ordering;

/// Whether a finding of `code` on a figure makes it in error (数据有误,
/// rules.md "One judgement"): the codes declared `DataValidity` in
/// `model::code` (PL002, PL104, PL207, PL211 unconfirmed, PL212, PL213). The
/// plan's verdict findings (PL201–PL206, PL209) are not: they are the
/// verdict, never a reason to doubt the figure.
pub fn is_data_validity(code: Code) -> bool {
    code.is_data_validity()
}

/// The verdict's categories: the evaluation categories of China's plan
/// evaluations, and the verdicts that are not a judgement of the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 提前实现: the target is already met.
    Achieved,
    /// 快于预期: ahead of the path by more than the band.
    Ahead,
    /// 基本符合预期: within the band of the path (or a bound kept, a requirement met every year).
    OnTrack,
    /// 滞后预期: behind the path by more than the band (or a bound broken, a
    /// requirement missed, a target missed in its year).
    Behind,
    /// 尚未达到: a target to reach with no baseline to judge the pace by,
    /// not reached yet before its year.
    NotYet,
    /// 已完成 (the plan's final year): the target is met.
    Met,
    /// 未完成 (the plan's final year): the target is missed.
    Missed,
    /// 数据有误: the latest figure carries an unresolved finding of data validity.
    InError,
    /// 未登记要求: a relative target whose requirement the office has not recorded.
    NoRequirement,
    /// 暂无数据: nothing reported yet (in the final year: no figure of that year to judge).
    NoData,
}

impl Category {
    /// The categories of a year before the plan's final year.
    pub const MID_TERM: [Category; 8] = [
        Category::Achieved,
        Category::Ahead,
        Category::OnTrack,
        Category::Behind,
        Category::NotYet,
        Category::InError,
        Category::NoRequirement,
        Category::NoData,
    ];
    /// The categories of the plan's final year.
    pub const FINAL: [Category; 5] = [
        Category::Met,
        Category::Missed,
        Category::InError,
        Category::NoRequirement,
        Category::NoData,
    ];
    /// The stable code (also the JSON value).
    pub fn code(self) -> &'static str {
        match self {
            Category::Achieved => "achieved",
            Category::Ahead => "ahead",
            Category::OnTrack => "on_track",
            Category::Behind => "behind",
            Category::NotYet => "not_yet",
            Category::Met => "met",
            Category::Missed => "missed",
            Category::InError => "in_error",
            Category::NoRequirement => "no_requirement",
            Category::NoData => "no_data",
        }
    }
    /// The name plan evaluations use.
    pub fn label(self) -> &'static str {
        match self {
            Category::Achieved => "提前实现",
            Category::Ahead => "快于预期",
            Category::OnTrack => "基本符合预期",
            Category::Behind => "滞后预期",
            Category::NotYet => "尚未达到",
            Category::Met => "已完成",
            Category::Missed => "未完成",
            Category::InError => "数据有误",
            Category::NoRequirement => "未登记要求",
            Category::NoData => "暂无数据",
        }
    }
    /// How good the verdict is for the target, for comparing two verdicts
    /// of one target (a better figure never gets a lower rank); none for
    /// the verdicts that judge nothing.
    pub fn rank(self) -> Option<u8> {
        match self {
            Category::Behind | Category::Missed => Some(0),
            Category::NotYet => Some(1),
            Category::OnTrack => Some(2),
            Category::Ahead => Some(3),
            Category::Achieved | Category::Met => Some(4),
            Category::InError | Category::NoRequirement | Category::NoData => None,
        }
    }
}

/// How a target is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The linear path from the baseline (baseline year) to the target
    /// (target year); the target itself from the target year on.
    Path,
    /// The compound average of the annual rates reported, against the target rate.
    AnnualRate,
    /// A bound every reported year must keep (a hold among them).
    Bound,
    /// A target to reach by its year with no baseline to draw a path from:
    /// reached or not yet, and missed when its year comes.
    Target,
    /// A total built over the plan years from 0: progress toward the target
    /// against the share of the plan years elapsed.
    ProRata,
    /// Each year's value against that year's requirement in the register.
    Qualitative,
}

/// How an indicator of the catalog is judged.
pub fn method(ind: &Indicator) -> Method {
    let pro_rata_ok = matches!(
        ind.comparison,
        Comparison::AtLeast | Comparison::MoreThan | Comparison::About
    ) && ind.target.is_some_and(|t| t > 0.0);
    match ind.kind {
        IndicatorKind::Qualitative => Method::Qualitative,
        IndicatorKind::AnnualRate => Method::AnnualRate,
        _ if ind.target_is == TargetIs::Bound => Method::Bound,
        IndicatorKind::Level if ind.has_trajectory() => Method::Path,
        IndicatorKind::Cumulative if pro_rata_ok => Method::ProRata,
        _ => Method::Target,
    }
}

/// One plan year of a target's series.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Year {
    pub year: i32,
    /// The figure the responsible department reported, if any.
    pub value: Option<f64>,
    /// Whether the figure carries an unresolved finding of [`is_data_validity`].
    pub in_error: bool,
    /// A relative target: the register's requirement for the year.
    pub requirement: Option<f64>,
}

/// What a target is judged by: the catalog's entry, its target as the
/// plan reads it ([`super::Plan::target_of`]), the plan's period and the
/// mid-term band ([`super::Plan::band_of`]).
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a> {
    pub ind: &'a Indicator,
    pub target: Option<Target>,
    pub period: Period,
    /// The half-width of 基本符合预期, a share of the path.
    pub band: f64,
}

/// A target's verdict as of a year, with the figures it rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    pub category: Category,
    /// The category's name in plan evaluations (提前实现 …).
    pub label: &'static str,
    pub method: Method,
    /// The latest year with a figure (the year the category is computed for).
    pub year: Option<i32>,
    /// That year's figure.
    pub value: Option<f64>,
    /// Where the path (path, pro rata) puts that year, or the target rate (annual rate).
    pub expected: Option<f64>,
    /// Path: share of the way from baseline to target; pro rata: value / target.
    pub progress: Option<f64>,
    /// Share of the time from the baseline year (path) or the plan's start (pro rata) to the target year.
    pub time_share: Option<f64>,
    /// The figure compared with the band: progress − time_share (path, pro
    /// rata), or (average − target) / max(|target|, 1) oriented so that
    /// positive is better (annual rate).
    pub deviation: Option<f64>,
    /// The band the deviation is judged against (the PL203 rule entry's `margin`).
    pub band: f64,
    /// Annual rate: the compound average of the years counted.
    pub average: Option<f64>,
    /// Years judged that missed: a bound broken, a target missed in or
    /// after its year, a year's requirement missed, a 年均 average missed.
    pub missed: Vec<i32>,
    /// Annual rate: plan years up to the latest with no rate counted (none
    /// reported, or one in error), left out of the average.
    pub gaps: Vec<i32>,
    /// Years whose figure is in error: never counted.
    pub in_error: Vec<i32>,
    /// Each year judged, with whether its figure met what the year asks.
    #[serde(skip)]
    pub judged: Vec<(i32, bool)>,
}

impl Verdict {
    /// Whether the figure of `year` met what the plan asks of that year;
    /// none when the year is not judged (no figure, in error, not yet due,
    /// no requirement).
    pub fn met_in(&self, year: i32) -> Option<bool> {
        (self.judged.iter())
            .find(|(y, _)| *y == year)
            .map(|(_, m)| *m)
    }
    /// Whether the verdict is behind the path by more than the band: the
    /// pace judgement PL203 warns of (a path, a total built from 0, an
    /// annual rate, before the target year).
    pub fn behind_pace(&self, ind: &Indicator) -> bool {
        self.category == Category::Behind
            && matches!(
                self.method,
                Method::Path | Method::ProRata | Method::AnnualRate
            )
            && self.year.is_some_and(|y| y < ind.target_year)
    }
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

fn classify(deviation: f64, band: f64) -> Category {
    if numeric::exceeds(deviation, band) {
        Category::Ahead
    } else if numeric::exceeds(-deviation, band) {
        Category::Behind
    } else {
        Category::OnTrack
    }
}

/// Where the evaluation line of an indicator stands in `year`: the linear
/// path (path), the pro-rata share of the target (pro rata), the target rate
/// (annual rate); none for bounds, targets without a path and relative targets.
pub fn path_value(ind: &Indicator, period: &Period, year: i32) -> Option<f64> {
    let target = ind.target?;
    match method(ind) {
        Method::Path => Some(numeric::linear_path(
            ind.baseline?,
            period.baseline_year,
            target,
            ind.target_year,
            year,
        )),
        Method::ProRata => Some(target * pro_rata_share(ind, period, year)),
        Method::AnnualRate => Some(target),
        Method::Bound | Method::Target | Method::Qualitative => None,
    }
}

/// The share of the plan years from the plan's start to the target year that
/// have elapsed by the end of `year`.
fn pro_rata_share(ind: &Indicator, period: &Period, year: i32) -> f64 {
    let years = (ind.target_year - period.start + 1).max(1) as f64;
    ((year - period.start + 1) as f64 / years).clamp(0.0, 1.0)
}

fn path_share(ind: &Indicator, period: &Period, year: i32) -> f64 {
    let span = (ind.target_year - period.baseline_year).max(1) as f64;
    ((year - period.baseline_year) as f64 / span).clamp(0.0, 1.0)
}

/// Judges a target as of `as_of` from its plan years (`years`, in order;
/// those after `as_of` are ignored). Pure: the unit both `check` and
/// `status` call.
pub fn judge(r: &Reading<'_>, years: &[Year], as_of: i32) -> Verdict {
    let ind = r.ind;
    let m = method(ind);
    let years: Vec<&Year> = years.iter().filter(|y| y.year <= as_of).collect();
    let mut e = Verdict {
        category: Category::NoData,
        label: "",
        method: m,
        year: None,
        value: None,
        expected: None,
        progress: None,
        time_share: None,
        deviation: None,
        band: r.band,
        average: None,
        missed: Vec::new(),
        gaps: Vec::new(),
        in_error: (years.iter())
            .filter(|y| y.value.is_some() && y.in_error)
            .map(|y| y.year)
            .collect(),
        judged: Vec::new(),
    };
    // The figures counted: reported and not in error.
    let usable: Vec<(i32, f64)> = (years.iter())
        .filter(|y| !y.in_error)
        .filter_map(|y| Some((y.year, y.value?)))
        .collect();
    let latest = years.iter().rev().find(|y| y.value.is_some());
    if let Some(l) = latest {
        e.year = Some(l.year);
        e.value = l.value;
    }
    // Each year's figure against what the plan asks of that year.
    match (m, r.target) {
        (Method::Qualitative, _) => {
            for y in &years {
                if let (Some(v), Some(req), false) = (y.value, y.requirement, y.in_error) {
                    let required = Target {
                        comparison: ind.comparison,
                        value: req,
                        band: 0.0,
                    };
                    e.judged.push((y.year, required.met_by(v)));
                }
            }
        }
        (Method::AnnualRate, Some(t)) => {
            for &(y, _) in usable.iter().filter(|(y, _)| *y >= ind.target_year) {
                let through: Vec<(i32, f64)> =
                    usable.iter().copied().filter(|(u, _)| *u <= y).collect();
                if let Some(a) = annual_average(&through, r.period.start, y) {
                    e.judged.push((y, t.met_by(a.value)));
                }
            }
        }
        (_, Some(t)) => {
            for &(y, v) in usable.iter().filter(|(y, _)| ind.judged_in(*y)) {
                e.judged.push((y, t.met_by(v)));
            }
        }
        (_, None) => {}
    }
    e.missed = (e.judged.iter())
        .filter(|(_, met)| !met)
        .map(|(y, _)| *y)
        .collect();
    let category = match latest {
        None => Category::NoData,
        Some(l) if l.in_error => Category::InError,
        Some(l) => {
            let mid = mid_term(r, &mut e, &usable, l.year);
            if as_of >= r.period.end {
                final_category(r, &e, mid)
            } else {
                mid
            }
        }
    };
    e.category = category;
    e.label = category.label();
    e
}

/// The category of a year before the final one, from the latest figure
/// (`y`, not in error); fills in the figures it rests on.
fn mid_term(r: &Reading<'_>, e: &mut Verdict, usable: &[(i32, f64)], y: i32) -> Category {
    let ind = r.ind;
    let period = &r.period;
    let v = usable
        .iter()
        .find(|(u, _)| *u == y)
        .map_or(0.0, |(_, v)| *v);
    let Some(target) = r.target.filter(|_| e.method != Method::Qualitative) else {
        return match e.method {
            // A relative target: every requirement on record met, or not.
            Method::Qualitative if !e.missed.is_empty() => Category::Behind,
            Method::Qualitative if !e.judged.is_empty() => Category::OnTrack,
            Method::Qualitative => Category::NoRequirement,
            _ => Category::NoData,
        };
    };
    match e.method {
        Method::Bound if e.missed.is_empty() => Category::OnTrack,
        Method::Bound => Category::Behind,
        Method::AnnualRate => {
            let Some(average) = annual_average(usable, period.start, y) else {
                return Category::NoData;
            };
            let avg = average.value;
            let sign = match ind.comparison {
                Comparison::AtMost | Comparison::LessThan => -1.0,
                _ => 1.0,
            };
            let deviation = sign * (avg - target.value) / target.value.abs().max(1.0);
            e.average = Some(round4(avg));
            e.expected = Some(target.value);
            e.deviation = Some(round4(deviation));
            e.gaps = average.missing;
            match e.met_in(y) {
                // The period is over: the average is judged as the target.
                Some(true) => Category::Achieved,
                Some(false) => Category::Behind,
                // An average is judged over the period: a fast start is no
                // target reached, only ahead of it.
                None => classify(deviation, r.band),
            }
        }
        Method::Path | Method::ProRata => {
            let t = target.value;
            let (progress, share) = if e.method == Method::Path {
                let b = ind.baseline.unwrap_or(0.0);
                ((v - b) / (t - b), path_share(ind, period, y))
            } else {
                (v / t, pro_rata_share(ind, period, y))
            };
            e.progress = Some(round4(progress));
            e.time_share = Some(round4(share));
            e.deviation = Some(round4(progress - share));
            e.expected = path_value(ind, period, y).map(round4);
            if target.met_by(v) {
                Category::Achieved
            } else if y >= ind.target_year {
                Category::Behind
            } else {
                classify(progress - share, r.band)
            }
        }
        _ => {
            if target.met_by(v) {
                Category::Achieved
            } else if y >= ind.target_year {
                Category::Behind
            } else {
                Category::NotYet
            }
        }
    }
}

/// The final year's verdict (`as_of` ≥ the plan's end): a year the plan
/// judged that missed is a miss, whatever the final year brings; otherwise
/// the final year's figure decides. A target due after the plan's end (the
/// 2035 targets) is met once reached and never missed before its year; a
/// relative target without the final year's requirement has none recorded.
fn final_category(r: &Reading<'_>, e: &Verdict, mid: Category) -> Category {
    let end = r.period.end;
    let final_judged = |y: i32| match e.method {
        // A dated relative target (T080–T082) is judged in its year; its
        // earlier requirements are warnings only.
        Method::Qualitative => r.ind.judged_in(y),
        _ => true,
    };
    if e.missed.iter().any(|&y| final_judged(y)) {
        return Category::Missed;
    }
    if e.year != Some(end) {
        return Category::NoData;
    }
    match e.met_in(end) {
        Some(true) => Category::Met,
        Some(false) => Category::Missed,
        None if e.method == Method::Qualitative => Category::NoRequirement,
        None if r.ind.target_year > end && mid == Category::Achieved => Category::Met,
        None => Category::NoData,
    }
}

/// Orders two figures by how good they are for the target: `Greater` when
/// `a` is better. A 左右 band has no better side.
pub fn better(ind: &Indicator, a: f64, b: f64) -> Option<Ordering> {
    match ind.comparison {
        Comparison::About => None,
        Comparison::AtLeast | Comparison::MoreThan => Some(numeric::compare(a, b)),
        Comparison::AtMost | Comparison::LessThan => Some(numeric::compare(b, a)),
    }
}

//! How a target of the plan is judged (rules.md, "How a target is judged
//! (version 2)"): the one reading that the rule checks and `status` share,
//! so that they never disagree on a value.
//!
//! - A bound (`target_is: bound`: 保持…, …以内, a target at or worse than
//!   its baseline) holds in every year of the period.
//! - A path (`target_is: path`: a target to reach) is judged against the
//!   target from its target year on.
//! - An annual-average rate (年均增长) is judged on the compound average of
//!   the years reported, never year by year.
//! - 左右 is a band around the target, as wide as the PL202 rule entry's
//!   `band`; 超过 is strict.

use super::model::{Comparison, Indicator, IndicatorKind, TargetIs};
use super::Plan;
use crate::model::code::Code;
use crate::model::numeric;
use std::cmp::Ordering;

/// A target's figure with the side a value must keep and, for 左右, the
/// band's half-width in the indicator's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    pub comparison: Comparison,
    pub value: f64,
    pub band: f64,
}

impl Target {
    /// Whether a value meets the target, at the precision the plan states.
    pub fn met_by(&self, v: f64) -> bool {
        match self.comparison {
            Comparison::About => {
                numeric::meets(Comparison::AtLeast, v, self.value - self.band)
                    && numeric::meets(Comparison::AtMost, v, self.value + self.band)
            }
            c => numeric::meets(c, v, self.value),
        }
    }
    /// The band a 左右 target allows, low to high.
    pub fn band_limits(&self) -> Option<(f64, f64)> {
        (self.comparison == Comparison::About)
            .then_some((self.value - self.band, self.value + self.band))
    }
}

impl Indicator {
    /// Whether the plan judges the indicator's target in `year`: a bound
    /// (保持…, 确保…, 控制在…以内) every year, a dated target (到2025年)
    /// from its target year on. A relative target is judged against the
    /// register's requirement for the year, by the same dating.
    pub fn judged_in(&self, year: i32) -> bool {
        match self.target_is {
            TargetIs::Bound => true,
            TargetIs::Path => year >= self.target_year,
        }
    }
    /// Whether a level target has a trajectory: a path from a baseline
    /// figure (a year's level or the previous period's average) to a
    /// different target, so that a year before the target year can be
    /// judged for pace.
    pub fn has_trajectory(&self) -> bool {
        use super::model::BaselineKind;
        self.kind == IndicatorKind::Level
            && self.target_is == TargetIs::Path
            && matches!(
                self.baseline_kind,
                BaselineKind::Level | BaselineKind::PeriodAverage
            )
            && matches!((self.baseline, self.target), (Some(b), Some(t)) if numeric::compare(b, t) != Ordering::Equal)
    }
}

impl Plan {
    /// The indicator's target as its PL202 rule entry judges it (the band of
    /// a 左右 target is that entry's); none for a target without a figure.
    pub fn target_of(&self, ind: &Indicator) -> Option<Target> {
        let value = ind.target?;
        let band_percent = self
            .indicator_rule(Code::PL202, ind)
            .and_then(|r| r.entry.params.band)
            .unwrap_or(0.0);
        Some(Target {
            comparison: ind.comparison,
            value,
            band: value.abs() * band_percent / 100.0,
        })
    }
    /// The half-width of 基本符合预期 for an indicator, a share of its path
    /// (rules.md, "One judgement"): the `margin` of the PL203 rule entry that
    /// selects it; 0 (behind is any shortfall) where none does.
    pub fn band_of(&self, ind: &Indicator) -> f64 {
        self.indicator_rule(Code::PL203, ind)
            .and_then(|r| r.entry.params.margin)
            .unwrap_or(0.0)
    }
    /// The reading [`super::verdict::judge`] judges an indicator by.
    pub fn reading<'a>(&self, ind: &'a Indicator) -> super::verdict::Reading<'a> {
        super::verdict::Reading {
            ind,
            target: self.target_of(ind),
            period: self.header.period,
            band: self.band_of(ind),
        }
    }
    /// The rule entry of `code` that applies to an indicator: the first
    /// that selects it.
    pub fn indicator_rule<'a>(&'a self, code: Code, ind: &'a Indicator) -> Option<&'a super::Rule> {
        self.rules_selecting(code, ind).next()
    }
}

/// The compound average of an annual-rate series over the plan years from
/// `start` through `through`, with the years that have no rate.
#[derive(Clone, Debug, PartialEq)]
pub struct Average {
    pub value: f64,
    /// The years averaged, in order.
    pub years: Vec<i32>,
    /// The plan years through `through` with no rate: the average is over
    /// fewer years than it should be.
    pub missing: Vec<i32>,
}

/// The compound average of the rates reported in `series` (year, rate) for
/// the years `start..=through`; none when no year has a rate.
pub fn annual_average(series: &[(i32, f64)], start: i32, through: i32) -> Option<Average> {
    let mut years = Vec::new();
    let mut rates = Vec::new();
    let mut missing = Vec::new();
    for y in start..=through {
        match series.iter().find(|(sy, _)| *sy == y) {
            Some((_, r)) => {
                years.push(y);
                rates.push(*r);
            }
            None => missing.push(y),
        }
    }
    Some(Average {
        value: numeric::compound_average(&rates)?,
        years,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(comparison: Comparison, value: f64, band: f64) -> Target {
        Target {
            comparison,
            value,
            band,
        }
    }

    #[test]
    fn more_than_is_strict_and_about_is_a_band() {
        assert!(!t(Comparison::MoreThan, 100.0, 0.0).met_by(100.0));
        assert!(t(Comparison::MoreThan, 100.0, 0.0).met_by(100.01));
        assert!(!t(Comparison::LessThan, 5.0, 0.0).met_by(5.0));
        assert!(t(Comparison::AtLeast, 41.68, 0.0).met_by(41.68));
        assert!(t(Comparison::AtMost, 5.0, 0.0).met_by(5.0));
        let about = t(Comparison::About, 60.0, 3.0);
        assert!(about.met_by(57.0) && about.met_by(63.0) && about.met_by(60.0));
        assert!(!about.met_by(56.9) && !about.met_by(63.1));
        assert_eq!(about.band_limits(), Some((57.0, 63.0)));
    }

    #[test]
    fn an_average_names_the_years_it_lacks() {
        let a = annual_average(&[(2021, 20.0), (2023, 20.0)], 2021, 2024).unwrap();
        assert_eq!(a.years, vec![2021, 2023]);
        assert_eq!(a.missing, vec![2022, 2024]);
        assert!((a.value - 20.0).abs() < 1e-9);
        assert_eq!(annual_average(&[], 2021, 2025), None);
        let whole = [20.0, 20.0, 20.0, 20.0, -20.0];
        let series: Vec<(i32, f64)> = (2021..).zip(whole).collect();
        let a = annual_average(&series, 2021, 2025).unwrap();
        assert!(a.value > 8.5 && a.missing.is_empty());
    }
}

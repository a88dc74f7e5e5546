//! How believable a figure is (rules.md, "Version 3: plausibility"): the
//! year-on-year change a figure may plausibly make, whether it is a whole
//! number, and the precision computed figures of its unit are printed at.
//!
//! The model is survey editing's (Statistics Netherlands' `validate`): a
//! range is a **hard edit** — a figure outside it is impossible (PL207, or
//! PL212 where one unit factor explains it) — and the change bound a **soft
//! edit**, a ratio or difference edit against the previous period that the
//! respondent corrects or confirms (PL211). The bounds are plan data: by unit
//! (and kind) in the plan's rule files (`plausibility:`), per indicator in the
//! catalog (`plausible:`), each argued where it is set; a plan directory
//! without them gets [`default_for`], and `plan verify` lists every indicator
//! that relies on a default.

use super::{Indicator, IndicatorKind};
use serde::{Deserialize, Serialize};

/// How far a figure may plausibly move from the previous one, measured by
/// kind; written as a map of one key (`{ratio: 1.5}`).
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq)]
#[serde(try_from = "ChangeMap", into = "ChangeMap")]
pub enum Change {
    /// Amounts: the larger of value/previous and previous/value is at most this (> 1).
    Ratio(f64),
    /// Shares and rates: at most this many percentage points either way.
    Points(f64),
    /// Counts and ranks: at most this much either way (a count from 0 too).
    Difference(f64),
    /// Cumulative totals: the year's increment is at most this, in the unit.
    Increment(f64),
    /// Cumulative totals: the year's increment is at most this share of the
    /// plan's total target (1 = the whole period's target in one year).
    IncrementOfTarget(f64),
}

/// [`Change`] as its files write it: one of the keys.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ChangeMap {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ratio: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    difference: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    increment: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    increment_of_target: Option<f64>,
}

impl TryFrom<ChangeMap> for Change {
    type Error = String;
    fn try_from(m: ChangeMap) -> Result<Change, String> {
        let all = [
            m.ratio.map(Change::Ratio),
            m.points.map(Change::Points),
            m.difference.map(Change::Difference),
            m.increment.map(Change::Increment),
            m.increment_of_target.map(Change::IncrementOfTarget),
        ];
        match all.iter().flatten().collect::<Vec<_>>()[..] {
            [c] => Ok(*c),
            _ => Err("a change names exactly one of ratio, points, difference, increment, increment_of_target".into()),
        }
    }
}

impl From<Change> for ChangeMap {
    fn from(c: Change) -> ChangeMap {
        let mut m = ChangeMap::default();
        match c {
            Change::Ratio(x) => m.ratio = Some(x),
            Change::Points(x) => m.points = Some(x),
            Change::Difference(x) => m.difference = Some(x),
            Change::Increment(x) => m.increment = Some(x),
            Change::IncrementOfTarget(x) => m.increment_of_target = Some(x),
        }
        m
    }
}

impl Change {
    /// Whether moving from `previous` to `value` over `years` years (at
    /// least one) stays within the bound: a year's bound, so `years` years
    /// may move as far as `years` such years; `target` is the plan's target
    /// (for [`Change::IncrementOfTarget`]).
    pub fn within(self, previous: f64, value: f64, target: Option<f64>, years: i32) -> bool {
        let years = f64::from(years.max(1));
        let small = |d: f64, bound: f64| d <= bound * years * (1.0 + 1e-9) + 1e-9;
        match self {
            Change::Ratio(r) => {
                let small = |d: f64, bound: f64| d <= bound.powf(years) * (1.0 + 1e-9);
                if previous <= 0.0 {
                    // No ratio from nothing: an amount starting from 0 is not judged.
                    return true;
                }
                if value <= 0.0 {
                    return false;
                }
                small((value / previous).max(previous / value), r)
            }
            Change::Points(d) | Change::Difference(d) => small((value - previous).abs(), d),
            Change::Increment(d) => small(value - previous, d),
            Change::IncrementOfTarget(s) => {
                target.is_none_or(|t| t <= 0.0 || small(value - previous, s * t))
            }
        }
    }
}

/// A rule file's `plausibility:` entry: the bounds of the indicators of one
/// unit (and, where given, of some kinds only). The first entry that matches
/// an indicator applies.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlausibilityEntry {
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<IndicatorKind>>,
    /// The plausible year-on-year change; none: not judged (PL211 never fires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// Counts and ranks: a figure is a whole number (PL207).
    #[serde(default)]
    pub whole: bool,
    /// Decimal places of a computed figure (a path value, a gap, an average) of this unit.
    pub precision: u32,
    /// Why these bounds: the plan's baselines, targets and paths, and what such published
    /// series do.
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

impl PlausibilityEntry {
    pub fn matches(&self, ind: &Indicator) -> bool {
        self.unit == ind.unit && self.kinds.as_ref().is_none_or(|k| k.contains(&ind.kind))
    }
}

/// A catalog entry's own bounds (`plausible:`), over its unit's.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlausibleOverride {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<bool>,
    pub note: String,
}

/// Where an indicator's bounds come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundsFrom {
    /// The catalog entry's `plausible:`.
    Catalog,
    /// A rule file's `plausibility:` entry (its position among the plan's).
    RuleFile(usize),
    /// plan-lint's default by unit: the plan states none.
    Default,
}

/// An indicator's bounds as the checks use them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plausibility {
    pub change: Option<Change>,
    pub whole: bool,
    pub precision: u32,
    pub from: BoundsFrom,
}

/// Units whose figures are counted things (起, 个, 所, 家 …) or ranks (名).
pub const COUNT_UNITS: &[&str] = &[
    "起", "个", "所", "家", "座", "户", "条", "项", "处", "名", "件", "次", "人次",
];

/// plan-lint's bounds for an indicator whose plan states none: wide enough
/// to pass any honest series (a tripling of an amount, 30 points of a share
/// or rate), a whole number for a count, two decimal places.
pub fn default_for(ind: &Indicator) -> Plausibility {
    let whole = COUNT_UNITS.contains(&ind.unit.as_str());
    let change = match (ind.kind, ind.unit.as_str()) {
        (IndicatorKind::Cumulative, _) => Some(Change::IncrementOfTarget(1.0)),
        (_, "%") => Some(Change::Points(30.0)),
        _ if whole => None,
        _ => Some(Change::Ratio(3.0)),
    };
    Plausibility {
        change,
        whole,
        precision: 2,
        from: BoundsFrom::Default,
    }
}

/// The bounds of `ind` given the plan's `plausibility:` entries.
pub fn of(ind: &Indicator, entries: &[PlausibilityEntry]) -> Plausibility {
    let by_unit = entries.iter().position(|e| e.matches(ind));
    let mut p = match by_unit {
        Some(i) => {
            let e = &entries[i];
            Plausibility {
                change: e.change,
                whole: e.whole,
                precision: e.precision,
                from: BoundsFrom::RuleFile(i),
            }
        }
        None => default_for(ind),
    };
    if let Some(o) = &ind.plausible {
        if o.change.is_some() {
            p.change = o.change;
        }
        if let Some(w) = o.whole {
            p.whole = w;
        }
        p.from = BoundsFrom::Catalog;
    }
    p
}

/// Whether a figure lies in the catalog's range (ends inclusive).
pub fn in_range(ind: &Indicator, v: f64) -> bool {
    use crate::model::numeric::compare;
    use std::cmp::Ordering;
    let [lo, hi] = ind.range;
    lo.is_none_or(|l| compare(v, l) != Ordering::Less)
        && hi.is_none_or(|h| compare(v, h) != Ordering::Greater)
}

/// Whether a figure is a whole number (at the precision figures are compared).
pub fn is_whole(v: f64) -> bool {
    crate::model::numeric::compare(v, v.round()) == std::cmp::Ordering::Equal
}

/// Whether a figure is possible as written: in range and, for a count, whole.
pub fn possible(ind: &Indicator, p: &Plausibility, v: f64) -> bool {
    in_range(ind, v) && (!p.whole || is_whole(v))
}

/// Whether a figure is plausible: possible and, where a previous figure
/// exists, within the change bound from it.
pub fn plausible(ind: &Indicator, p: &Plausibility, v: f64, previous: Option<(f64, i32)>) -> bool {
    possible(ind, p, v)
        && match (previous, p.change) {
            (Some((prev, years)), Some(c)) => c.within(prev, v, ind.target, years),
            _ => true,
        }
}

/// The unit factors a slip multiplies or divides a figure by (a lost decimal
/// point, 元/万元/亿元, 人/万人), as powers of ten.
pub const FACTORS: [i32; 5] = [1, 2, 3, 4, 8];

/// The figure written in `text` with its decimal point moved `shift` places
/// to the right (left when negative): "0.979", 2 → "97.9"; "156", −1 →
/// "15.6". Exactly the digits the clerk typed, never a product of floating
/// point. None for a text that is not a plain decimal (1e2, 0x10).
pub fn shift_point(text: &str, shift: i32) -> Option<String> {
    let text = text.trim();
    let (sign, body) = match text.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut digits: String = format!("{int}{frac}");
    let mut point = int.len() as i64 + shift as i64;
    if point < 0 {
        digits = "0".repeat((-point) as usize) + &digits;
        point = 0;
    }
    let point = point as usize;
    if point > digits.len() {
        digits.push_str(&"0".repeat(point - digits.len()));
    }
    let (i, f) = digits.split_at(point);
    let i = i.trim_start_matches('0');
    let f = f.trim_end_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    let shown = if f.is_empty() {
        i.to_string()
    } else {
        format!("{i}.{f}")
    };
    Some(if shown == "0" {
        shown
    } else {
        format!("{sign}{shown}")
    })
}

/// A reading of a figure under one unit factor: the text the clerk would
/// write and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub text: String,
    pub value: f64,
}

/// The readings of `text` (the figure as typed, value `v`) that one unit
/// factor makes plausible; the previous figure, if any (with the years
/// since it), bounds the change.
pub fn readings(
    ind: &Indicator,
    p: &Plausibility,
    text: &str,
    v: f64,
    previous: Option<(f64, i32)>,
) -> Vec<Reading> {
    let mut out = Vec::new();
    if v == 0.0 {
        return out;
    }
    for k in FACTORS {
        for shift in [k, -k] {
            let Some(t) = shift_point(text, shift) else {
                continue;
            };
            let Ok(value) = t.parse::<f64>() else {
                continue;
            };
            if plausible(ind, p, value, previous) {
                out.push(Reading { text: t, value });
            }
        }
    }
    out
}

/// Rounds a computed figure to `precision` decimal places, as a person
/// writes it (no 97.89999999999999).
pub fn round_to(v: f64, precision: u32) -> f64 {
    if !v.is_finite() {
        return v;
    }
    let text = format!("{v:.*}", precision as usize);
    text.parse().unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_point_moves_in_the_text() {
        assert_eq!(shift_point("0.979", 2).as_deref(), Some("97.9"));
        assert_eq!(shift_point("156", -1).as_deref(), Some("15.6"));
        assert_eq!(shift_point("1150300", -4).as_deref(), Some("115.03"));
        assert_eq!(shift_point("0.77", 2).as_deref(), Some("77"));
        assert_eq!(shift_point("1", 2).as_deref(), Some("100"));
        assert_eq!(shift_point("3000", -3).as_deref(), Some("3"));
        assert_eq!(shift_point("2.5", -8).as_deref(), Some("0.000000025"));
        assert_eq!(shift_point("-12.5", 1).as_deref(), Some("-125"));
        assert_eq!(shift_point("00.50", 1).as_deref(), Some("5"));
        assert_eq!(shift_point("1e2", 1), None);
        assert_eq!(shift_point(".5", 1).as_deref(), Some("5"));
        assert_eq!(shift_point("", 1), None);
    }

    #[test]
    fn change_bounds_by_kind() {
        assert!(Change::Ratio(2.0).within(10.0, 20.0, None, 1));
        assert!(!Change::Ratio(2.0).within(10.0, 20.5, None, 1));
        assert!(Change::Ratio(2.0).within(10.0, 40.0, None, 2));
        assert!(!Change::Ratio(2.0).within(10.0, 4.9, None, 1));
        assert!(!Change::Ratio(2.0).within(10.0, 0.0, None, 1));
        assert!(Change::Ratio(2.0).within(0.0, 100.0, None, 1));
        assert!(Change::Points(5.0).within(90.0, 95.0, None, 1));
        assert!(!Change::Points(5.0).within(90.0, 84.9, None, 1));
        assert!(Change::Points(5.0).within(90.0, 80.0, None, 2));
        assert!(!Change::Difference(20.0).within(0.0, 3000.0, None, 1));
        assert!(Change::Increment(2.0).within(5.0, 2.0, None, 1));
        assert!(!Change::Increment(2.0).within(5.0, 7.5, None, 1));
        assert!(Change::Increment(10.0).within(0.0, 11.0, None, 3));
        assert!(Change::IncrementOfTarget(1.0).within(0.0, 200.0, Some(200.0), 1));
        assert!(!Change::IncrementOfTarget(1.0).within(0.0, 201.0, Some(200.0), 1));
        assert!(Change::IncrementOfTarget(1.0).within(0.0, 201.0, None, 1));
    }

    #[test]
    fn computed_figures_are_rounded() {
        assert_eq!(round_to(0.979 * 100.0, 2), 97.9);
        assert_eq!(round_to(1.0 / 3.0, 2), 0.33);
        assert!(round_to(f64::NAN, 2).is_nan());
    }
}

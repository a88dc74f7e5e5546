//! Comparisons at the precision the plan states: a reported 41.68 meets a
//! floor of 41.68 whatever binary floating point makes of either.

use crate::model::plan::{Comparison, Direction};
use std::cmp::Ordering;

/// Compares two figures, treating differences below a billionth of their
/// magnitude (far finer than any figure a plan or report writes) as equal.
pub fn compare(a: f64, b: f64) -> Ordering {
    let scale = a.abs().max(b.abs()).max(1.0);
    if (a - b).abs() <= 1e-9 * scale {
        Ordering::Equal
    } else if a < b {
        Ordering::Less
    } else {
        Ordering::Greater
    }
}

/// Whether `value` satisfies `comparison` against `bound`; `about` (左右)
/// with no band is the figure itself (plan::judgement widens it).
pub fn meets(comparison: Comparison, value: f64, bound: f64) -> bool {
    let c = compare(value, bound);
    match comparison {
        Comparison::AtLeast => c != Ordering::Less,
        Comparison::AtMost => c != Ordering::Greater,
        Comparison::MoreThan => c == Ordering::Greater,
        Comparison::LessThan => c == Ordering::Less,
        Comparison::About => c == Ordering::Equal,
    }
}

/// How far `current` moved in the worse direction from `previous` (positive = worse).
pub fn worsening(direction: Direction, previous: f64, current: f64) -> f64 {
    match direction {
        Direction::HigherIsBetter => previous - current,
        Direction::LowerIsBetter => current - previous,
    }
}

/// Whether a worsening exceeds a tolerance, at plan precision.
pub fn exceeds(worsening: f64, tolerance: f64) -> bool {
    compare(worsening, tolerance) == Ordering::Greater
}

/// The linear path from `baseline` in `baseline_year` to `target` in `target_year`, at `year`.
pub fn linear_path(
    baseline: f64,
    baseline_year: i32,
    target: f64,
    target_year: i32,
    year: i32,
) -> f64 {
    let span = (target_year - baseline_year) as f64;
    if span <= 0.0 {
        return target;
    }
    let t = ((year - baseline_year) as f64 / span).clamp(0.0, 1.0);
    baseline + (target - baseline) * t
}

/// The compound average of annual growth rates in percent: (Π(1+r/100))^(1/n) − 1, in percent.
pub fn compound_average(rates: &[f64]) -> Option<f64> {
    if rates.is_empty() {
        return None;
    }
    let product: f64 = rates.iter().map(|r| 1.0 + r / 100.0).product();
    if product <= 0.0 {
        return Some(-100.0);
    }
    Some((product.powf(1.0 / rates.len() as f64) - 1.0) * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_precision() {
        assert!(meets(Comparison::AtLeast, 41.68, 41.68));
        assert!(meets(Comparison::AtLeast, 0.1 + 0.2, 0.3));
        assert!(!meets(Comparison::AtLeast, 41.67, 41.68));
        assert!(meets(Comparison::AtMost, 5.0, 5.0));
        assert!(!exceeds(97.5 - 97.4 - 0.1, 0.0));
    }

    #[test]
    fn path_and_compound() {
        assert!((linear_path(96.0, 2020, 98.0, 2025, 2023) - 97.2).abs() < 1e-12);
        let c = compound_average(&[10.0, 10.0]).unwrap();
        assert!((c - 10.0).abs() < 1e-9);
    }
}

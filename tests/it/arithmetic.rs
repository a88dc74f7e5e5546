//! Property tests of the comparison and trajectory arithmetic.

use plan_lint::model::numeric::{
    compare, compound_average, exceeds, linear_path, meets, worsening,
};
use plan_lint::model::plan::{Comparison, Direction};
use proptest::prelude::*;
use std::cmp::Ordering;

/// A figure as a report writes it: up to two decimals.
fn written() -> impl Strategy<Value = f64> {
    (-100_000i64..1_000_000).prop_map(|c| c as f64 / 100.0)
}

proptest! {
    #[test]
    fn a_figure_meets_a_bound_equal_to_itself(v in written()) {
        // Parsed from the same text, or computed through a round trip.
        let via_text: f64 = format!("{v}").parse().unwrap();
        prop_assert!(meets(Comparison::AtLeast, via_text, v));
        prop_assert!(meets(Comparison::AtMost, via_text, v));
        prop_assert!(meets(Comparison::AtLeast, (v * 3.0) / 3.0, v));
    }

    #[test]
    fn one_hundredth_below_a_floor_is_a_breach(v in written()) {
        prop_assert!(!meets(Comparison::AtLeast, v - 0.01, v));
        prop_assert!(!meets(Comparison::AtMost, v + 0.01, v));
    }

    #[test]
    fn compare_is_antisymmetric(a in written(), b in written()) {
        prop_assert_eq!(compare(a, b), compare(b, a).reverse());
    }

    #[test]
    fn worsening_has_the_direction_of_the_indicator(prev in written(), cur in written()) {
        let up = worsening(Direction::HigherIsBetter, prev, cur);
        let down = worsening(Direction::LowerIsBetter, prev, cur);
        prop_assert!((up + down).abs() < 1e-9);
        prop_assert_eq!(exceeds(up, 0.0), compare(cur, prev) == Ordering::Less);
    }

    #[test]
    fn the_path_starts_at_the_baseline_and_ends_at_the_target(
        b in written(), t in written(), start in 2000i32..2030, len in 1i32..15, k in 0i32..15
    ) {
        let end = start + len;
        prop_assert_eq!(linear_path(b, start, t, end, start), b);
        prop_assert!((linear_path(b, start, t, end, end) - t).abs() < 1e-6);
        let mid = linear_path(b, start, t, end, start + k.min(len));
        prop_assert!(mid >= b.min(t) - 1e-9 && mid <= b.max(t) + 1e-9);
    }

    #[test]
    fn the_compound_average_of_a_constant_rate_is_that_rate(r in -50.0f64..50.0, n in 1usize..6) {
        let avg = compound_average(&vec![r; n]).unwrap();
        prop_assert!((avg - r).abs() < 1e-9);
    }

    #[test]
    fn the_compound_average_lies_between_the_extremes(rates in proptest::collection::vec(-50.0f64..50.0, 1..6)) {
        let avg = compound_average(&rates).unwrap();
        let lo = rates.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = rates.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        prop_assert!(avg >= lo - 1e-9 && avg <= hi + 1e-9);
    }
}

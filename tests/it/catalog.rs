//! The catalog's readings of how each target is judged follow one rule,
//! applied to every entry the same way (rules.md, "How a target is judged
//! (version 2)"): the words of the target decide, not the entry's author.

use plan_lint::model::numeric;
use plan_lint::model::plan::{BaselineKind, Comparison, Direction, IndicatorKind, Plan, TargetIs};
use std::cmp::Ordering;

fn plan() -> Plan {
    Plan::builtin().expect("the built-in plan loads")
}

/// Whether `target` is better than `baseline` in the indicator's direction.
fn better(direction: Direction, target: f64, baseline: f64) -> bool {
    matches!(
        (direction, numeric::compare(target, baseline)),
        (Direction::HigherIsBetter, Ordering::Greater) | (Direction::LowerIsBetter, Ordering::Less)
    )
}

/// Whether the plan sentence a target's words come from (the seed line's
/// text from the full stop before them to the words' end) names a year.
fn dated(seed: &[&str], i: &plan_lint::model::plan::Indicator) -> bool {
    let Some(words) = i.sentence.as_deref() else {
        return false;
    };
    let line = seed[i.source.line - 1];
    let Some(at) = line.find(words) else {
        return false;
    };
    let start = line[..at].rfind('。').map_or(0, |p| p + '。'.len_utf8());
    let sentence = &line[start..at + words.len()];
    let chars: Vec<char> = sentence.chars().collect();
    chars
        .windows(5)
        .any(|w| w[..4].iter().all(char::is_ascii_digit) && w[4] == '年')
}

#[test]
fn a_bound_is_held_and_a_path_is_reached() {
    let plan = plan();
    let text = std::fs::read_to_string("seeds/000_3ad0bd4780363ad6.txt").unwrap();
    let seed: Vec<&str> = text.lines().collect();
    let mut bad = Vec::new();
    for i in &plan.indicators {
        if i.kind == IndicatorKind::Qualitative {
            continue;
        }
        let words = format!("{} {}", i.target_text, i.sentence.as_deref().unwrap_or(""));
        // 保持…, …以内 and a cap: held every year, baseline or not; so is
        // 确保… in a plan sentence with no year (确保零就业家庭动态清零, line
        // 510), where 到2025年,确保… (T034, T047) and 力争2025年,…确保…
        // (T045) are dated.
        let ensured = words.contains("确保") && !dated(&seed, i);
        let held = words.contains("保持") || ensured || i.baseline_kind == BaselineKind::Cap;
        // A level baseline the target is not better than: a floor the plan sets.
        let at_or_worse = i.baseline_kind == BaselineKind::Level
            && matches!((i.target, i.baseline), (Some(t), Some(b)) if !better(i.direction, t, b));
        let bound = i.kind == IndicatorKind::Level && (held || at_or_worse);
        let expected = if bound {
            TargetIs::Bound
        } else {
            TargetIs::Path
        };
        if i.target_is != expected {
            bad.push(format!(
                "{}: target_is {:?}, the rule says {expected:?}",
                i.id, i.target_is
            ));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn approximate_and_strict_words_choose_their_comparison() {
    let plan = plan();
    let mut bad = Vec::new();
    for i in &plan.indicators {
        let t = &i.target_text;
        // 左右 is a band wherever the plan writes it: the table's figure may
        // carry it in the text that restates it (I22, line 505).
        let about_in_text = (i.discrepancies.iter()).any(|d| d.text.contains("左右"));
        let expected = if t.contains("左右") || t.starts_with('约') || about_in_text {
            Some(Comparison::About)
        } else if t.contains("超过") || t.contains("高于") {
            Some(Comparison::MoreThan)
        } else if t.contains("低于") && !t.contains("不低于") {
            Some(Comparison::LessThan)
        } else {
            None
        };
        match expected {
            Some(c) if i.comparison != c => bad.push(format!(
                "{} {t:?}: {:?}, the words say {c:?}",
                i.id, i.comparison
            )),
            None if matches!(
                i.comparison,
                Comparison::About | Comparison::MoreThan | Comparison::LessThan
            ) && i.reference.is_none() =>
            {
                bad.push(format!(
                    "{} {t:?}: {:?} without the words for it",
                    i.id, i.comparison
                ))
            }
            _ => {}
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

/// PL201's first entry (a warning) is exactly the binding level targets the
/// plan sets at or below their baseline: 森林覆盖率 41.75 → 41.68 and
/// 人均公共绿地 15 → 15.
#[test]
fn the_plan_s_own_floors_are_the_binding_bounds() {
    let plan = plan();
    let floors: Vec<&str> = plan
        .indicators
        .iter()
        .filter(|i| {
            plan.indicator_rule(plan_lint::model::code::Code::PL201, i)
                .is_some_and(|r| {
                    r.entry.severity == plan_lint::diagnostics::diagnostic::Severity::Warning
                })
        })
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(floors, ["I15", "I16"]);
    for id in floors {
        let i = plan.indicator(id).unwrap();
        assert!(
            !better(i.direction, i.target.unwrap(), i.baseline.unwrap()),
            "{id}"
        );
    }
    // Every 左右 target has a band to be judged in.
    for i in plan
        .indicators
        .iter()
        .filter(|i| i.comparison == Comparison::About)
    {
        let t = plan.target_of(i).unwrap();
        assert!(t.band > 0.0, "{}", i.id);
    }
}

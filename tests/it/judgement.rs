//! One judgement (rules.md, "One judgement"; issue 30): `check` and
//! `status` are views of one verdict, so what is tested here is what could
//! still go wrong — the plan's readings, case by case, reproduced by both
//! commands on a real repository, and the verdict's laws over random
//! five-year series for every kind, comparison and `target_is` in the
//! catalog.

use crate::common::plan_lint;
use plan_lint::model::plan::judgement::Target;
use plan_lint::model::plan::verdict::{self, Category, Method, Year};
use plan_lint::model::plan::{Comparison, Indicator, IndicatorKind, Plan};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

const SEED: &str = "seeds/000_3ad0bd4780363ad6.txt";

fn plan() -> Plan {
    Plan::builtin().expect("the built-in plan loads")
}

// ---------------------------------------------------------------- the plan's readings

/// One reading of the plan: a target, the words that set it (and the seed
/// line they are on), figures by year and the register's requirements, and
/// the verdict the plan text gives as of a year — the category `status`
/// shows and the findings `check` raises on the target's figures.
struct Reading {
    id: &'static str,
    line: usize,
    words: &'static str,
    figures: &'static [(i32, f64)],
    requirements: &'static [(i32, f64)],
    as_of: i32,
    category: &'static str,
    /// (year, code, severity) of the findings PL201–PL207 on the target.
    findings: &'static [(i32, &'static str, &'static str)],
}

const READINGS: &[Reading] = &[
    // ---- the audit's cases
    Reading {
        // 确保…清零 with no year holds every year: 3 in 2022 is a miss that year.
        id: "T076",
        line: 510,
        words: "确保零就业家庭动态清零",
        figures: &[(2021, 0.0), (2022, 3.0), (2023, 0.0)],
        requirements: &[],
        as_of: 2023,
        category: "behind",
        findings: &[(2022, "PL202", "warning")],
    },
    Reading {
        id: "T076",
        line: 510,
        words: "确保零就业家庭动态清零",
        figures: &[(2021, 0.0), (2022, 3.0), (2025, 0.0)],
        requirements: &[],
        as_of: 2025,
        category: "missed",
        findings: &[(2022, "PL202", "warning")],
    },
    Reading {
        // 左右 in the text, the same 17.5 in the table: a band; 17.0 is about 17.5.
        id: "I22",
        line: 505,
        words: "实现全区城镇新增就业17.5万人左右",
        figures: &[(2025, 17.0)],
        requirements: &[],
        as_of: 2025,
        category: "met",
        findings: &[],
    },
    Reading {
        // 全社会R&D占GDP比重位于全省前列, dated 到2025年: rank 5 against the
        // office's 3 in 2022 is a warning; rank 2 in 2025 meets it.
        id: "T080",
        line: 70,
        words: "全社会R&D占GDP比重位于全省前列",
        figures: &[(2022, 5.0), (2025, 2.0)],
        requirements: &[(2022, 3.0), (2025, 3.0)],
        as_of: 2025,
        category: "met",
        findings: &[(2022, "PL205", "warning")],
    },
    Reading {
        // No requirement recorded before 2025: no finding, not judged.
        id: "T080",
        line: 70,
        words: "全社会R&D占GDP比重位于全省前列",
        figures: &[(2022, 5.0)],
        requirements: &[],
        as_of: 2022,
        category: "no_requirement",
        findings: &[],
    },
    Reading {
        // 101% is no share (PL207): in error as of 2023, not 提前实现 from 2022.
        id: "I14",
        line: 89,
        words: "空气质量优良率(%) | 96.48 | 98",
        figures: &[(2022, 98.1), (2023, 101.0)],
        requirements: &[],
        as_of: 2023,
        category: "in_error",
        findings: &[(2023, "PL207", "error")],
    },
    Reading {
        // Met in 2025, and fell: met in the evaluation, PL201 in check.
        id: "I14",
        line: 89,
        words: "空气质量优良率(%) | 96.48 | 98",
        figures: &[(2024, 98.2), (2025, 98.0)],
        requirements: &[],
        as_of: 2025,
        category: "met",
        findings: &[(2025, "PL201", "error")],
    },
    Reading {
        // 106 … 112 is within 0.1 of I07's path every year: on track, no PL203.
        id: "I07",
        line: 82,
        words: "总人口(万人) | 104.83 | 115",
        figures: &[(2021, 106.0), (2022, 108.0), (2023, 110.0), (2024, 112.0)],
        requirements: &[],
        as_of: 2024,
        category: "on_track",
        findings: &[],
    },
    Reading {
        // Held flat at 2.1 is a year's path behind in 2021 and every year after.
        id: "I13",
        line: 88,
        words: "全社会R&D占GDP比重(%) | 2.1 | 2.7",
        figures: &[(2021, 2.1), (2022, 2.1), (2023, 2.1), (2024, 2.1)],
        requirements: &[],
        as_of: 2024,
        category: "behind",
        findings: &[
            (2021, "PL203", "warning"),
            (2022, "PL203", "warning"),
            (2023, "PL203", "warning"),
            (2024, "PL203", "warning"),
        ],
    },
    Reading {
        // 年均 12: a fast first year is ahead, never 提前实现.
        id: "I09",
        line: 84,
        words: "实际利用外资总额年均增长(%) | 10.1 | 12",
        figures: &[(2021, 80.0)],
        requirements: &[],
        as_of: 2021,
        category: "ahead",
        findings: &[],
    },
    Reading {
        // 城镇化率 96 in 2023 is behind the path 95.06 → 98 (expects 96.82): both say so.
        id: "I06",
        line: 81,
        words: "常住人口城镇化率(%) | 95.06 | 98以上",
        figures: &[(2023, 96.0)],
        requirements: &[],
        as_of: 2023,
        category: "behind",
        findings: &[(2023, "PL203", "warning")],
    },
    Reading {
        // 达到省要求 with no 2025 requirement on record: the office's gap, not a miss.
        id: "I18",
        line: 93,
        words: "主要污染物排放总量减少(%) | 达到省要求",
        figures: &[(2025, 2.4)],
        requirements: &[],
        as_of: 2025,
        category: "no_requirement",
        findings: &[(2025, "PL204", "error")],
    },
    Reading {
        // A rate of −150% (PL207) in 2022 is in error: not in the average,
        // which is 8.6 and 8.0 (on track), in check as in status.
        id: "I01",
        line: 76,
        words: "地区生产总值年均增长(%) | 9.9 | 8.5以上",
        figures: &[(2021, 8.6), (2022, -150.0), (2023, 8.0)],
        requirements: &[],
        as_of: 2023,
        category: "on_track",
        findings: &[(2022, "PL207", "error")],
    },
    Reading {
        // The same in the final year: 2022 in error, the average of the four
        // other years (8.55 a year) meets 8.5以上.
        id: "I01",
        line: 76,
        words: "地区生产总值年均增长(%) | 9.9 | 8.5以上",
        figures: &[
            (2021, 8.6),
            (2022, -150.0),
            (2023, 8.5),
            (2024, 8.6),
            (2025, 8.5),
        ],
        requirements: &[],
        as_of: 2025,
        category: "met",
        findings: &[(2022, "PL207", "error")],
    },
    // ---- one per target_is × comparison
    Reading {
        // bound × at_least: 森林覆盖率 41.68 held every year.
        id: "I15",
        line: 90,
        words: "森林覆盖率(%) | 41.75 | 41.68",
        figures: &[(2021, 41.7), (2022, 41.5), (2023, 41.7)],
        requirements: &[],
        as_of: 2023,
        category: "behind",
        // 41.7 is below the baseline 41.75 but keeps the floor: PL201's warning.
        findings: &[(2021, "PL201", "warning"), (2022, "PL202", "error")],
    },
    Reading {
        // bound × at_most: 城镇调查失业率控制在5%以内.
        id: "I23",
        line: 505,
        words: "城镇调查失业率控制在5%以内",
        figures: &[(2022, 5.2), (2023, 4.6)],
        requirements: &[],
        as_of: 2023,
        category: "behind",
        findings: &[(2022, "PL202", "warning")],
    },
    Reading {
        // bound × about: 保持在60%左右, a band every year.
        id: "T005",
        line: 70,
        words: "民间投资占固定资产投资比重保持在60%左右",
        figures: &[(2021, 58.0), (2022, 56.0)],
        requirements: &[],
        as_of: 2022,
        category: "behind",
        findings: &[(2022, "PL202", "warning")],
    },
    Reading {
        // bound × more_than (relative): 保持经济增速高于全市平均水平; equal is not above.
        id: "T079",
        line: 70,
        words: "保持经济增速高于全市平均水平",
        figures: &[(2021, 7.5), (2022, 7.0)],
        requirements: &[(2021, 7.0), (2022, 7.0)],
        as_of: 2022,
        category: "behind",
        findings: &[(2022, "PL205", "warning")],
    },
    Reading {
        // bound × at_least (relative): 达到省要求 each year.
        id: "I18",
        line: 93,
        words: "主要污染物排放总量减少(%) | 达到省要求",
        figures: &[(2022, 1.8)],
        requirements: &[(2022, 2.0)],
        as_of: 2022,
        category: "behind",
        findings: &[(2022, "PL205", "error")],
    },
    Reading {
        // path × at_least: 98 in 2025, missed at 97.7.
        id: "I14",
        line: 89,
        words: "空气质量优良率(%) | 96.48 | 98",
        figures: &[(2025, 97.7)],
        requirements: &[],
        as_of: 2025,
        category: "missed",
        findings: &[(2025, "PL202", "error")],
    },
    Reading {
        // path × more_than: 到2025年…超过100亿元; 100 is not more than 100.
        id: "T014",
        line: 158,
        words: "到2025年,创新设计服务产值超过100亿元",
        figures: &[(2025, 100.0)],
        requirements: &[],
        as_of: 2025,
        category: "missed",
        findings: &[(2025, "PL202", "warning")],
    },
    Reading {
        // path × at_most: 到2025年…非法转移倾倒固体废物事件零发生; 2 in 2023 is not yet due.
        id: "T073",
        line: 320,
        words: "非法转移倾倒固体废物事件零发生",
        figures: &[(2023, 2.0)],
        requirements: &[],
        as_of: 2023,
        category: "not_yet",
        findings: &[],
    },
    Reading {
        id: "T073",
        line: 320,
        words: "非法转移倾倒固体废物事件零发生",
        figures: &[(2025, 2.0)],
        requirements: &[],
        as_of: 2025,
        category: "missed",
        findings: &[(2025, "PL202", "warning")],
    },
    Reading {
        // path × about, due after the plan: 2035年140万左右 is not judged in 2025.
        id: "T001",
        line: 51,
        words: "140万左右常住人口",
        figures: &[(2025, 120.0)],
        requirements: &[],
        as_of: 2025,
        category: "no_data",
        findings: &[],
    },
    Reading {
        // annual rate × at_least: 年均增长8.5%以上 on the average: 8.0 a year
        // is within 0.1 of 8.5 mid-term, and a miss at the end.
        id: "I01",
        line: 76,
        words: "地区生产总值年均增长(%) | 9.9 | 8.5以上",
        figures: &[(2021, 8.0), (2022, 8.0), (2023, 8.0)],
        requirements: &[],
        as_of: 2023,
        category: "on_track",
        findings: &[],
    },
    Reading {
        id: "I01",
        line: 76,
        words: "地区生产总值年均增长(%) | 9.9 | 8.5以上",
        figures: &[
            (2021, 8.0),
            (2022, 8.0),
            (2023, 8.0),
            (2024, 8.0),
            (2025, 8.0),
        ],
        requirements: &[],
        as_of: 2025,
        category: "missed",
        findings: &[(2025, "PL202", "warning")],
    },
];

/// Writes a repository holding one reading: the department's report for
/// each year with a figure, and the register's requirements.
fn write_reading(root: &Path, r: &Reading, department: &str) {
    for (year, value) in r.figures {
        let dir = root.join("progress").join(year.to_string());
        std::fs::create_dir_all(&dir).unwrap();
        let text = format!(
            "version: 1\nplan: nanming-14th-fyp\ndepartment: {department}\nperiod: {year}\n\
             submitted: {}-01-19\nindicators:\n  - id: {}\n    value: {value}\n    source: 区统计局统计公报\n",
            year + 1,
            r.id
        );
        std::fs::write(dir.join(format!("{department}.yaml")), text).unwrap();
    }
    let decisions = root.join("decisions");
    std::fs::create_dir_all(&decisions).unwrap();
    let mut register = String::from("version: 1\ndecisions:\n");
    if r.requirements.is_empty() {
        register = String::from("version: 1\ndecisions: []\n");
    }
    for (year, value) in r.requirements {
        register.push_str(&format!(
            "  - id: R{year}-{id}\n    kind: requirement\n    target: {id}\n    period: {year}\n    \
             value: {value}\n    source: \"黔发〔{year}〕1号\"\n    approved_by: \"区发展和改革局\"\n    \
             date: {}-01-05\n",
            year + 1,
            id = r.id
        ));
    }
    std::fs::write(decisions.join("register.yaml"), register).unwrap();
}

#[test]
fn check_and_status_reproduce_the_plans_readings() {
    let plan = plan();
    let seed = std::fs::read_to_string(SEED).unwrap();
    let lines: Vec<&str> = seed.lines().collect();
    let mut wrong = Vec::new();
    for r in READINGS {
        // The words are the plan's, on the line cited.
        assert!(
            lines[r.line - 1].contains(r.words),
            "{} line {}: {:?} not there",
            r.id,
            r.line,
            r.words
        );
        let ind = plan.indicator(r.id).unwrap();
        // Inside the repository: the register must lie in it.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        write_reading(dir.path(), r, &ind.department);
        let root = dir.path().join("progress");
        let decisions = dir.path().join("decisions");
        let (root, decisions) = (root.to_str().unwrap(), decisions.to_str().unwrap());
        let common = [
            "--data-root",
            root,
            "--decisions",
            decisions,
            "--format",
            "json",
        ];
        let check = plan_lint(&[&["check"][..], &common].concat());
        let check: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
        let found: BTreeSet<(i32, String, String)> = (check["diagnostics"].as_array().unwrap())
            .iter()
            .filter(|d| d["target"] == r.id)
            .filter(|d| {
                let code = d["code"].as_str().unwrap();
                ("PL201"..="PL207").contains(&code)
            })
            .map(|d| {
                let file = d["file"].as_str().unwrap();
                let year = file.split('/').rev().nth(1).unwrap().parse().unwrap();
                let code = d["code"].as_str().unwrap().to_string();
                (year, code, d["severity"].as_str().unwrap().to_string())
            })
            .collect();
        let expected: BTreeSet<(i32, String, String)> = (r.findings.iter())
            .map(|(y, c, s)| (*y, c.to_string(), s.to_string()))
            .collect();
        let period = r.as_of.to_string();
        let out = plan_lint(&[&["status", "--period", &period][..], &common].concat());
        assert_eq!(out.code, 0, "{}: {}", r.id, out.stderr);
        let status: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let row = (status["indicators"].as_array().unwrap().iter())
            .find(|i| i["id"] == r.id)
            .unwrap();
        let category = row["evaluation"]["category"].as_str().unwrap();
        if found != expected || category != r.category {
            wrong.push(format!(
                "{} {:?} as of {}: status {category} (plan: {}), check {found:?} (plan: {expected:?})",
                r.id, r.figures, r.as_of, r.category
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A binding indicator that meets its target but fell: met in the final
/// evaluation, PL201 in check, and the row says both.
#[test]
fn a_met_target_that_fell_says_both() {
    let r = READINGS
        .iter()
        .find(|r| r.id == "I14" && r.category == "met")
        .unwrap();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    write_reading(dir.path(), r, "eco-env");
    let root = dir.path().join("progress");
    let root = root.to_str().unwrap();
    for (lang, sentence) in [
        (
            "en",
            "98% in 2025 meets the target 98; fell from 98.2% in 2024 — PL201 in 2025",
        ),
        (
            "zh",
            "2025年为 98%，已达到目标值 98；较2024年的 98.2% 有所下降——2025年 PL201",
        ),
    ] {
        let out = plan_lint(&["status", "--data-root", root, "--lang", lang]);
        let row = (out.stdout.lines())
            .find(|l| l.starts_with("| I14 "))
            .expect(&out.stderr);
        assert!(row.contains("✅ 已完成"), "{row}");
        assert!(row.contains(sentence), "{sentence}\n{row}");
    }
}

// ---------------------------------------------------------------- the verdict's laws

/// The plan's indicators that have a figure to judge by (a relative
/// target's figure is the register's).
fn judged_indicators() -> Vec<Indicator> {
    plan()
        .indicators
        .iter()
        .filter(|i| i.target.is_some() || i.kind == IndicatorKind::Qualitative)
        .cloned()
        .collect()
}

/// A figure around an indicator's target (or 0..10 for a relative one).
fn around(ind: &Indicator, x: f64) -> f64 {
    let t = ind.target.unwrap_or(5.0);
    let b = ind.baseline.unwrap_or(t);
    let span = (t - b).abs().max(t.abs() * 0.2).max(1.0);
    let v = t + (x - 0.5) * 3.0 * span;
    (v * 100.0).round() / 100.0
}

/// The series of plan years 2021..=2025 from draws in 0..1: a figure or
/// none, in error or not, and the requirement of a relative target.
fn series(ind: &Indicator, draws: &[(Option<f64>, bool, f64)]) -> Vec<Year> {
    (2021..)
        .zip(draws)
        .map(|(y, (x, err, req))| Year {
            year: y,
            value: x.map(|x| around(ind, x)),
            in_error: *err && x.is_some(),
            requirement: (ind.kind == IndicatorKind::Qualitative).then(|| around(ind, *req)),
        })
        .collect()
}

fn draws() -> impl Strategy<Value = Vec<(Option<f64>, bool, f64)>> {
    prop::collection::vec(
        (
            prop::option::weighted(0.85, 0.0..1.0f64),
            prop::bool::weighted(0.15),
            0.0..1.0f64,
        ),
        5,
    )
}

/// `a` moved to the better side of the target by `by` (a 左右 band has none).
fn improve(ind: &Indicator, a: f64, by: f64) -> f64 {
    match ind.comparison {
        Comparison::AtMost | Comparison::LessThan => a - by,
        _ => a + by,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A better figure never gets a worse verdict, mid-term and final.
    #[test]
    fn a_better_figure_never_gets_a_worse_verdict(
        pick in any::<prop::sample::Index>(),
        d in draws(),
        which in 0usize..5,
        by in 0.0..5.0f64,
        as_of in 2021i32..=2025,
    ) {
        let p = plan();
        let inds: Vec<Indicator> = judged_indicators()
            .into_iter()
            .filter(|i| i.comparison != Comparison::About)
            .collect();
        let ind = pick.get(&inds);
        let reading = p.reading(ind);
        let years = series(ind, &d);
        let mut better = years.clone();
        if let Some(v) = better[which].value {
            better[which].value = Some(improve(ind, v, by));
        }
        let (a, b) = (
            verdict::judge(&reading, &years, as_of),
            verdict::judge(&reading, &better, as_of),
        );
        // A judged verdict stays judged, and never gets worse — but for one
        // case: a target held every year with no figure in its final year is
        // missed by a year that missed, and with that year made good it has
        // nothing left to judge (no data), which is no worse than missed.
        let unmissed = a.category == Category::Missed && b.category == Category::NoData;
        if let Some(ra) = a.category.rank().filter(|_| !unmissed) {
            let rb = b.category.rank();
            prop_assert!(rb.is_some_and(|rb| rb >= ra), "{}: {:?} → {:?}\n{years:?}\n{better:?}", ind.id, a.category, b.category);
        }
    }

    /// A year in error is never counted: its figure can be anything, and
    /// no year's judgement, no average and no category moves with it.
    #[test]
    fn a_year_in_error_is_never_counted(
        pick in any::<prop::sample::Index>(),
        d in draws(),
        which in 0usize..5,
        other in 0.0..1.0f64,
        as_of in 2021i32..=2025,
    ) {
        let p = plan();
        let inds = judged_indicators();
        let ind = pick.get(&inds);
        let reading = p.reading(ind);
        let mut years = series(ind, &d);
        years[which].value = Some(around(ind, d[which].0.unwrap_or(0.5)));
        years[which].in_error = true;
        let mut changed = years.clone();
        changed[which].value = Some(around(ind, other));
        let (a, b) = (
            verdict::judge(&reading, &years, as_of),
            verdict::judge(&reading, &changed, as_of),
        );
        let y = 2021 + which as i32;
        prop_assert_eq!(a.met_in(y), None);
        prop_assert_eq!(a.category, b.category);
        prop_assert_eq!(&a.missed, &b.missed);
        prop_assert_eq!(a.average, b.average);
        prop_assert!(!matches!(
            a.category,
            Category::Achieved | Category::Ahead | Category::OnTrack | Category::Met
        ) || a.year != Some(y));
        if y <= as_of {
            prop_assert!(a.in_error.contains(&y));
        }
    }

    /// In the final year met or missed is the target's own comparison: of
    /// the figure for a target due in 2025, of the average for a 年均 rate,
    /// of each year's figure for a bound.
    #[test]
    fn the_final_met_or_missed_is_the_bounds_comparison(
        pick in any::<prop::sample::Index>(),
        d in draws(),
    ) {
        let p = plan();
        let inds: Vec<Indicator> = judged_indicators()
            .into_iter()
            .filter(|i| i.kind != IndicatorKind::Qualitative && i.target_year <= 2025)
            .collect();
        let ind = pick.get(&inds);
        let reading = p.reading(ind);
        let target: Target = p.target_of(ind).unwrap();
        let mut years = series(ind, &d);
        for y in &mut years {
            y.in_error = false;
        }
        years[4].value = Some(around(ind, d[4].0.unwrap_or(0.5)));
        let v = verdict::judge(&reading, &years, 2025);
        let figures: Vec<(i32, f64)> = years.iter().filter_map(|y| Some((y.year, y.value?))).collect();
        let expected = match v.method {
            Method::AnnualRate => {
                let avg = plan_lint::model::plan::judgement::annual_average(&figures, 2021, 2025).unwrap();
                target.met_by(avg.value)
            }
            Method::Bound => figures.iter().all(|(_, x)| target.met_by(*x)),
            _ => figures.iter().filter(|(y, _)| ind.judged_in(*y)).all(|(_, x)| target.met_by(*x)),
        };
        let want = if expected { Category::Met } else { Category::Missed };
        prop_assert_eq!(v.category, want, "{} {:?}", ind.id, years);
    }
}

/// The laws hold for every kind, comparison and `target_is` the catalog
/// uses: the indicators the property tests draw from cover each.
#[test]
fn the_laws_cover_every_kind_comparison_and_target_is() {
    let inds = judged_indicators();
    let combos: BTreeSet<String> = inds
        .iter()
        .map(|i| format!("{:?}/{:?}/{:?}", i.kind, i.comparison, i.target_is))
        .collect();
    let all: BTreeSet<String> = plan()
        .indicators
        .iter()
        .map(|i| format!("{:?}/{:?}/{:?}", i.kind, i.comparison, i.target_is))
        .collect();
    assert_eq!(combos, all);
}

/// In error is a verdict in every view: I14 at 101% (PL207) in 2023 after
/// 98.1 in 2022 is 数据有误 as of 2023 in the document, the page, the
/// table and the JSON, never 提前实现 from 2022's figure.
#[test]
fn in_error_is_a_verdict_in_every_view() {
    let r = READINGS
        .iter()
        .find(|r| r.id == "I14" && r.category == "in_error")
        .unwrap();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    write_reading(dir.path(), r, "eco-env");
    let root = dir.path().join("progress");
    let root = root.to_str().unwrap();
    let view = |format: &str| {
        let out = plan_lint(&["status", "--data-root", root, "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        out.stdout
    };
    let md = view("md");
    let row = md.lines().find(|l| l.starts_with("| I14 ")).unwrap();
    assert!(row.contains("⚠️ 数据有误"), "{row}");
    assert!(row.contains("is in error (PL207)"), "{row}");
    assert!(!row.contains("提前实现"), "{row}");
    let html = view("html");
    assert!(html.contains("data-id=\"I14\" data-attribute=\"binding\" data-category=\"in_error\""));
    let csv = view("csv");
    let line = csv.lines().find(|l| l.contains(",I14,")).unwrap();
    assert!(line.contains("数据有误"), "{line}");
    let json: serde_json::Value = serde_json::from_str(&view("json")).unwrap();
    let i14 = (json["indicators"].as_array().unwrap().iter())
        .find(|i| i["id"] == "I14")
        .unwrap();
    assert_eq!(i14["evaluation"]["category"], "in_error");
    assert_eq!(i14["evaluation"]["in_error"], serde_json::json!([2023]));
    assert_eq!(i14["values"][2]["in_error"], true);
    assert_eq!(json["summary"]["binding"]["in_error"], 1);
}

/// A miss a decision suppresses is still a miss: check reports PL202
/// suppressed, status keeps the year missed and marks it with the decision.
#[test]
fn a_suppressed_miss_is_still_a_miss_marked_with_its_decision() {
    let r = READINGS.iter().find(|r| r.id == "I15").unwrap();
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    write_reading(dir.path(), r, "eco-env");
    std::fs::write(
        dir.path().join("decisions/register.yaml"),
        "version: 1\ndecisions:\n  - id: D2023-001\n    kind: suppression\n    department: eco-env\n    \
         period: 2022\n    rule: PL202\n    target: I15\n    value: 41.5\n    reason: 林地调查口径调整\n    \
         approved_by: 区发展和改革局\n    date: 2023-01-25\n",
    )
    .unwrap();
    let root = dir.path().join("progress");
    let decisions = dir.path().join("decisions");
    let (root, decisions) = (root.to_str().unwrap(), decisions.to_str().unwrap());
    let common = [
        "--data-root",
        root,
        "--decisions",
        decisions,
        "--format",
        "json",
    ];
    let check = crate::common::json(&plan_lint(&[&["check"][..], &common].concat()));
    let pl202 = (check["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "PL202")
        .unwrap();
    assert_eq!(pl202["suppressed"], true, "{pl202}");
    let status = crate::common::json(&plan_lint(
        &[&["status", "--period", "2023"][..], &common].concat(),
    ));
    let i15 = (status["indicators"].as_array().unwrap().iter())
        .find(|i| i["id"] == "I15")
        .unwrap();
    assert_eq!(i15["evaluation"]["category"], "behind");
    assert_eq!(i15["evaluation"]["missed"], serde_json::json!([2022]));
    let y2022 = &i15["values"][1];
    assert_eq!(
        (y2022["met"].clone(), y2022["decision"].clone()),
        (false.into(), "D2023-001".into())
    );
}

// ---------------------------------------------------------------- wording that is true

/// What a row's sentence must never say for its category: the words of
/// the opposite verdict (`met` written beside 未完成 …).
fn contradicts(category: &str, basis: &str) -> Option<&'static str> {
    const MISS: &[&str] = &[
        "misses the target",
        "missed the year's requirement",
        "broke the bound",
        "is in error (",
        "，未达到",
        "未达到当年要求",
        "突破了",
        "有误（",
    ];
    const MET: &[&str] = &[
        "meets the target",
        "met the year's requirement",
        "kept the bound",
        "已达到目标值",
        "达到当年要求",
        "均守住",
    ];
    let bad: &[&str] = match category {
        "met" | "achieved" | "ahead" | "on_track" => MISS,
        "missed" => MET,
        "in_error" => &[
            "meets the target",
            "kept the bound",
            "已达到目标值",
            "均守住",
        ],
        _ => &[],
    };
    let found = bad.iter().find(|w| basis.contains(**w)).copied();
    // 未达到当年要求 contains 达到当年要求: a miss is not its own contradiction.
    match (category, found) {
        ("missed", Some("达到当年要求")) if basis.contains("未达到当年要求") => None,
        (_, f) => f,
    }
}

/// Where a sentence was written with a slot left empty: a list, a figure
/// or a year that was not there.
fn empty_slot(basis: &str) -> Option<&'static str> {
    const SLOTS: &[&str] = &[
        " in ;",
        " in ,",
        " in )",
        " in .",
        "()",
        "（）",
        " ; ",
        ",,",
        "，，",
        "；；",
        "、、",
        "  ",
        "over –",
        " to  ",
        "： ",
        "(the latest:  ",
    ];
    if basis.trim().is_empty() || basis.ends_with(" in") || basis.starts_with('年') {
        return Some("an empty sentence or list");
    }
    SLOTS.iter().find(|s| basis.contains(**s)).copied()
}

/// The sentence and category of every indicator row a status renders.
fn rows(args: &[&str]) -> Vec<(String, String, String)> {
    let json = crate::common::json(&plan_lint(&[args, &["--format", "json"]].concat()));
    let category = |id: &str| {
        (json["indicators"].as_array().unwrap().iter())
            .find(|i| i["id"] == id)
            .map(|i| i["evaluation"]["category"].as_str().unwrap().to_string())
    };
    let mut out = Vec::new();
    for lang in ["en", "zh"] {
        let md = plan_lint(&[args, &["--lang", lang]].concat()).stdout;
        for line in md
            .lines()
            .filter(|l| l.starts_with("| I") || l.starts_with("| T"))
        {
            let cells: Vec<&str> = line.split(" | ").collect();
            let id = cells[0].trim_start_matches("| ").to_string();
            let Some(c) = category(&id) else { continue };
            let basis = cells.last().unwrap().trim_end_matches(" |").to_string();
            out.push((format!("{id} ({lang})"), c, basis));
        }
    }
    out
}

fn scan(args: &[&str], bad: &mut Vec<String>) -> usize {
    let rows = rows(args);
    for (id, category, basis) in &rows {
        if let Some(w) = empty_slot(basis) {
            bad.push(format!(
                "{args:?} {id} {category}: empty slot {w:?} in {basis:?}"
            ));
        }
        if let Some(w) = contradicts(category, basis) {
            bad.push(format!("{args:?} {id} {category}: says {w:?}: {basis:?}"));
        }
    }
    rows.len()
}

/// Every status sentence of the five-year repository and of a generated
/// repository with planted findings, for every year and both languages:
/// no slot left empty, no verdict word against the category.
#[test]
fn every_status_sentence_is_whole_and_agrees_with_its_category() {
    let mut bad = Vec::new();
    let mut seen = 0;
    for period in ["2021", "2022", "2023", "2024", "2025"] {
        let args = [
            "status",
            "--data-root",
            "fixtures/evaluation/progress",
            "--decisions",
            "fixtures/evaluation/decisions",
            "--period",
            period,
        ];
        seen += scan(&args, &mut bad);
    }
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let opts = crate::repo::Options {
        reports: 110,
        findings: 0.4,
        seed: 11,
    };
    crate::repo::write(dir.path(), &opts).unwrap();
    let root = dir.path().join("progress");
    let decisions = dir.path().join("decisions");
    for period in ["2021", "2023", "2025"] {
        let args = [
            "status",
            "--data-root",
            root.to_str().unwrap(),
            "--decisions",
            decisions.to_str().unwrap(),
            "--plan-id",
            "nanming-14th-fyp",
            "--period",
            period,
        ];
        seen += scan(&args, &mut bad);
    }
    assert!(seen > 1000, "{seen} rows scanned");
    assert!(bad.is_empty(), "{bad:#?}");
}

/// The scan finds what it looks for.
#[test]
fn the_scan_finds_an_empty_list_and_a_contradiction() {
    assert!(empty_slot("missed the year's requirement in ; the figure").is_some());
    assert!(empty_slot("年未达到当年要求").is_some());
    assert_eq!(
        contradicts("met", "98% in 2025 misses the target 98"),
        Some("misses the target")
    );
    assert_eq!(contradicts("missed", "2025年未达到当年要求"), None);
    assert!(contradicts("in_error", "kept the bound ≥ 41.68%").is_some());
}

/// A report's copy of the requirement that differs from the register's
/// (PL210) is no doubt about the figure: I19 meets the register's 3.5 and
/// is judged so, and the row says what check says beside it.
#[test]
fn a_wrong_copy_of_the_requirement_is_said_beside_the_verdict() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let r = Reading {
        id: "I19",
        line: 94,
        words: "达到省要求",
        figures: &[(2023, 4.0)],
        requirements: &[(2023, 3.5)],
        as_of: 2023,
        category: "on_track",
        findings: &[],
    };
    write_reading(dir.path(), &r, "eco-env");
    let report = dir.path().join("progress/2023/eco-env.yaml");
    let text = std::fs::read_to_string(&report).unwrap();
    let text = text.replace(
        "    source: 区统计局统计公报\n",
        "    source: 区统计局统计公报\n    requirement: {value: 3.0, source: 黔发〔2023〕1号}\n",
    );
    std::fs::write(&report, text).unwrap();
    let root = dir.path().join("progress");
    let decisions = dir.path().join("decisions");
    let (root, decisions) = (root.to_str().unwrap(), decisions.to_str().unwrap());
    let common = ["--data-root", root, "--decisions", decisions];
    let check = crate::common::json(&plan_lint(
        &[&["check", "--format", "json"][..], &common].concat(),
    ));
    assert!(crate::common::codes(&check).contains(&"PL210"), "{check}");
    let md = plan_lint(&[&["status", "--lang", "en"][..], &common].concat()).stdout;
    let row = md.lines().find(|l| l.starts_with("| I19 ")).unwrap();
    assert!(row.contains("4 (req. 3.5) ✓ PL210"), "{row}");
    assert!(row.contains("🟢 基本符合预期"), "{row}");
    assert!(
        row.contains("met the year's requirement in 2023; check reports PL210 in 2023"),
        "{row}"
    );
}

/// The order the monotonic law compares verdicts by: 滞后预期 and 未完成 the
/// worst, 提前实现 and 已完成 the best, and the verdicts that judge nothing
/// outside it.
#[test]
fn verdicts_are_ordered_worst_to_best() {
    use Category as C;
    let order = [C::Behind, C::NotYet, C::OnTrack, C::Ahead, C::Achieved];
    let ranks: Vec<u8> = order.iter().map(|c| c.rank().unwrap()).collect();
    assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
    assert_eq!(C::Missed.rank(), C::Behind.rank());
    assert_eq!(C::Met.rank(), C::Achieved.rank());
    for c in [C::InError, C::NoRequirement, C::NoData] {
        assert_eq!(c.rank(), None, "{c:?}");
    }
}

/// A total is judged pro rata only toward a positive target it must reach:
/// a total held under a ceiling, or a target of 0, has no share to be at.
#[test]
fn a_total_is_pro_rata_only_toward_a_positive_target() {
    let i22 = plan().indicator("I22").unwrap().clone();
    assert_eq!(verdict::method(&i22), Method::ProRata);
    let mut ceiling = i22.clone();
    ceiling.comparison = Comparison::AtMost;
    assert_eq!(verdict::method(&ceiling), Method::Target);
    let mut zero = i22.clone();
    zero.target = Some(0.0);
    assert_eq!(verdict::method(&zero), Method::Target);
    let mut floor = i22;
    floor.comparison = Comparison::AtLeast;
    assert_eq!(verdict::method(&floor), Method::ProRata);
}

/// A report filed outside its place (PL108) is in no history, so its
/// verdicts ask for its own data-validity findings: a figure in error there
/// (森林覆盖率 −5%, PL207) is judged by nothing — no PL202 beside it — as it
/// would not be at its place.
#[test]
fn a_figure_in_error_outside_its_place_is_judged_by_nothing() {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let year = dir.path().join("progress/2021");
    std::fs::create_dir_all(&year).unwrap();
    std::fs::write(
        year.join("eco-env-copy.yaml"),
        "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: 2021\n\
         submitted: 2022-01-19\nindicators:\n  - id: I15\n    value: -5\n    source: 区林业局\n",
    )
    .unwrap();
    let root = dir.path().join("progress");
    let out = plan_lint(&[
        "check",
        "--today",
        "2026-06-30",
        "--data-root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v = crate::common::json(&out);
    let on_i15: Vec<&str> = (v["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["target"] == "I15")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(crate::common::codes(&v).contains(&"PL108"), "{v:#}");
    assert_eq!(on_i15, ["PL207"], "{v:#}");
}

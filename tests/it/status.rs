//! `plan-lint status`: the evaluation category of every kind of indicator,
//! the Markdown and JSON forms on the example data, the HTML page's
//! structure, and exit codes. (The HTML page rendered in a browser:
//! tests/it/status_chromium.rs.)

use crate::common::plan_lint;
use plan_lint::cli::Output;
use plan_lint::model::plan::verdict::{self, Year};
use plan_lint::model::plan::{Indicator, Plan};
use plan_lint::output::status::{method, Category, Evaluation, Method};

/// The plan's mid-term band (its PL203 `margin`).
const DEFAULT_BAND: f64 = 0.1;

const EXAMPLE: &str = "fixtures/example/progress";

fn plan() -> Plan {
    Plan::builtin().expect("the built-in plan loads")
}

fn ind(plan: &Plan, id: &str) -> Indicator {
    plan.indicator(id).expect("a catalog indicator").clone()
}

fn judge(id: &str, values: &[(i32, f64)]) -> Evaluation {
    judge_with(id, values, &[], DEFAULT_BAND)
}

fn judge_with(id: &str, values: &[(i32, f64)], reqs: &[(i32, f64)], band: f64) -> Evaluation {
    judge_in_error(id, values, reqs, &[], band)
}

/// The verdict as of the last year given (2023 when none is), with the
/// years in `in_error` carrying a finding of data validity.
fn judge_in_error(
    id: &str,
    values: &[(i32, f64)],
    reqs: &[(i32, f64)],
    in_error: &[i32],
    band: f64,
) -> Evaluation {
    let p = plan();
    let i = ind(&p, id);
    let mut reading = p.reading(&i);
    assert_eq!(reading.band, DEFAULT_BAND, "the plan's PL203 margin");
    reading.band = band;
    let as_of = values.last().map_or(2023, |(y, _)| *y);
    let years: Vec<Year> = (2021..=as_of)
        .map(|y| Year {
            year: y,
            value: values.iter().find(|(v, _)| *v == y).map(|(_, v)| *v),
            in_error: in_error.contains(&y),
            requirement: reqs.iter().find(|(r, _)| *r == y).map(|(_, r)| *r),
        })
        .collect();
    verdict::judge(&reading, &years, as_of)
}

// ---------------------------------------------------------------- methods

#[test]
fn each_kind_of_indicator_has_its_method() {
    let p = plan();
    let m = |id: &str| method(&ind(&p, id));
    assert_eq!(m("I14"), Method::Path); // 空气质量优良率: 96.48 → 98, target_is path
    assert_eq!(m("I06"), Method::Path);
    assert_eq!(m("I01"), Method::AnnualRate); // 地区生产总值年均增长 8.5以上
    assert_eq!(m("I15"), Method::Bound); // 森林覆盖率 ≥ 41.68, baseline 41.75
    assert_eq!(m("I23"), Method::Bound); // 失业率 ≤ 5
    assert_eq!(m("I22"), Method::ProRata); // 累计城镇新增就业人数 17.5万人
                                           // No baseline: judged against the target, never as progress from zero.
    assert_eq!(m("I24"), Method::Target);
    assert_eq!(m("T003"), Method::Target); // GDP 占全市比重 20%以上
    assert_eq!(m("T004"), Method::Target);
    // 保持… targets hold every year, baseline or not.
    for id in ["T005", "T027", "T028", "T063"] {
        assert_eq!(m(id), Method::Bound, "{id}");
    }
    for id in ["I17", "I18", "I19"] {
        assert_eq!(m(id), Method::Qualitative);
    }
}

// ---------------------------------------------------------------- path

#[test]
fn path_indicator_reaches_every_category() {
    // I14: baseline 96.48 (2020), target 98 (2025); in 2023 60% of the time has passed.
    let ahead = judge("I14", &[(2021, 97.2), (2022, 97.5), (2023, 97.6)]);
    assert_eq!(ahead.category, Category::Ahead, "{ahead:?}");
    assert_eq!(ahead.label, "快于预期");
    assert_eq!(ahead.time_share, Some(0.6));
    assert_eq!(ahead.progress, Some(0.7368)); // (97.6 − 96.48) / 1.52
    assert_eq!(ahead.expected, Some(97.392));

    let on_track = judge("I14", &[(2023, 97.4)]);
    assert_eq!(on_track.category, Category::OnTrack, "{on_track:?}");
    assert_eq!(on_track.label, "基本符合预期");

    let behind = judge("I14", &[(2023, 96.9)]);
    assert_eq!(behind.category, Category::Behind, "{behind:?}");
    assert_eq!(behind.label, "滞后预期");

    let achieved = judge("I14", &[(2022, 98.1)]);
    assert_eq!(achieved.category, Category::Achieved, "{achieved:?}");
    assert_eq!(achieved.label, "提前实现");
    assert_eq!(achieved.year, Some(2022));
}

#[test]
fn the_band_is_configurable() {
    let values = [(2023, 97.6)];
    assert_eq!(judge("I14", &values).category, Category::Ahead);
    assert_eq!(
        judge_with("I14", &values, &[], 0.2).category,
        Category::OnTrack
    );
    // On the edge of the band counts as within it.
    let edge = 96.48 + 1.52 * 0.7; // 0.7 of the way in 60% of the time: deviation 0.1
    assert_eq!(judge("I14", &[(2023, edge)]).category, Category::OnTrack);
    // Band 0: only the path itself is 基本符合预期.
    assert_eq!(
        judge_with("I14", &[(2023, 97.392)], &[], 0.0).category,
        Category::OnTrack
    );
    assert_eq!(
        judge_with("I14", &[(2023, 97.45)], &[], 0.0).category,
        Category::Ahead
    );
}

// ---------------------------------------------------------------- annual rates

#[test]
fn annual_rate_is_judged_by_its_compound_average() {
    // I01: 年均增长 8.5以上 over 2021–2025.
    let on = judge("I01", &[(2021, 8.6), (2022, 8.8), (2023, 9.0)]);
    assert_eq!(on.category, Category::OnTrack, "{on:?}");
    assert_eq!(on.average, Some(8.7999));
    let behind = judge("I01", &[(2021, 6.0), (2022, 7.0)]);
    assert_eq!(behind.category, Category::Behind, "{behind:?}");
    let ahead = judge("I01", &[(2021, 11.0), (2022, 10.0)]);
    assert_eq!(ahead.category, Category::Ahead, "{ahead:?}");
    // Growth that already gives what 8.5% a year for five years gives
    // (×1.504) is ahead, not achieved: the target is an average over the
    // period, and later years may fall (I09 at 80 then −20).
    let fast = judge("I01", &[(2021, 20.0), (2022, 12.0), (2023, 12.0)]);
    assert_eq!(fast.category, Category::Ahead, "{fast:?}");
    // A negative year weighs in the compound average.
    let mixed = judge("I01", &[(2021, -3.0), (2022, 12.0), (2023, 11.0)]);
    assert_eq!(mixed.category, Category::Behind, "{mixed:?}");
}

// ---------------------------------------------------------------- bounds

#[test]
fn a_bound_must_hold_in_every_reported_year() {
    let kept = judge("I15", &[(2021, 41.76), (2022, 41.68), (2023, 41.8)]);
    assert_eq!(kept.category, Category::OnTrack, "{kept:?}");
    assert!(kept.missed.is_empty());
    let broken = judge("I15", &[(2021, 41.76), (2022, 41.5), (2023, 41.8)]);
    assert_eq!(broken.category, Category::Behind, "{broken:?}");
    assert_eq!(broken.missed, vec![2022]);
    // A ceiling: 城镇调查失业率 ≤ 5.
    assert_eq!(
        judge("I23", &[(2021, 4.3), (2022, 5.0)]).category,
        Category::OnTrack
    );
    let over = judge("I23", &[(2021, 5.2), (2022, 4.6)]);
    assert_eq!(over.category, Category::Behind);
    assert_eq!(over.missed, vec![2021]);
}

// ---------------------------------------------------------------- pro rata

#[test]
fn cumulative_and_no_baseline_targets_are_pro_rata() {
    // I22: 累计 17.5万人 by 2025; by 2023, 3 of 5 plan years have passed.
    let on = judge("I22", &[(2021, 3.6), (2022, 7.3), (2023, 11.0)]);
    assert_eq!(on.category, Category::OnTrack, "{on:?}");
    assert_eq!(on.progress, Some(0.6286));
    assert_eq!(on.time_share, Some(0.6));
    assert_eq!(judge("I22", &[(2023, 6.0)]).category, Category::Behind);
    assert_eq!(judge("I22", &[(2023, 14.0)]).category, Category::Ahead);
    assert_eq!(judge("I22", &[(2024, 17.5)]).category, Category::Achieved);
    // Judged as a band around 17.5 (左右) when its year comes.
    assert_eq!(judge("I22", &[(2025, 17.0)]).category, Category::Met);
    assert_eq!(judge("I22", &[(2025, 16.0)]).category, Category::Missed);
}

// ---------------------------------------------------------------- targets without a baseline

#[test]
fn a_target_without_a_baseline_is_judged_against_the_target_not_from_zero() {
    // T003 GDP 占全市比重 20%以上 by 2025: 18.8 in 2023 is not 94% done.
    let t3 = judge("T003", &[(2023, 18.8)]);
    assert_eq!(t3.category, Category::NotYet, "{t3:?}");
    assert_eq!(t3.label, "尚未达到");
    assert_eq!(t3.progress, None);
    assert_eq!(judge("T003", &[(2023, 20.5)]).category, Category::Achieved);
    assert_eq!(judge("T003", &[(2025, 18.8)]).category, Category::Missed);
    // T002: a 2035 target (2000亿元) is not yet due within the plan.
    assert_eq!(judge("T002", &[(2024, 500.0)]).category, Category::NotYet);
    assert_eq!(judge("T002", &[(2025, 500.0)]).category, Category::NoData);
    // I24 (no baseline): 100 meets the target 100.
    assert_eq!(judge("I24", &[(2021, 100.0)]).category, Category::Achieved);
}

#[test]
fn hold_targets_are_judged_every_year_and_about_is_a_band() {
    // T027 蔬菜播种面积 保持在15000亩以上: 12000 in 2021 breaks it.
    let t27 = judge("T027", &[(2021, 12000.0), (2022, 15500.0)]);
    assert_eq!(t27.category, Category::Behind, "{t27:?}");
    assert_eq!(t27.missed, vec![2021]);
    // T005 保持在60%左右: the rule entry's band is 5% of 60, 57–63.
    assert_eq!(judge("T005", &[(2021, 58.0)]).category, Category::OnTrack);
    assert_eq!(judge("T005", &[(2021, 56.0)]).missed, vec![2021]);
    assert_eq!(judge("T005", &[(2021, 64.0)]).missed, vec![2021]);
}

#[test]
fn a_path_target_is_a_bound_in_its_year() {
    // I14 空气质量优良率 98 in 2025: 97.7 misses it.
    let missed = judge("I14", &[(2024, 97.8), (2025, 97.7)]);
    assert_eq!(missed.category, Category::Missed, "{missed:?}");
    assert_eq!(missed.missed, vec![2025]);
    assert_eq!(judge("I14", &[(2025, 98.0)]).category, Category::Met);
}

#[test]
fn the_final_year_judges_the_average_and_gaps_are_named() {
    // 20, 20, 20, 20, −20 average 10.66 ≥ 8.5: met, whatever one year did.
    let years = [20.0, 20.0, 20.0, 20.0, -20.0];
    let series: Vec<(i32, f64)> = (2021..).zip(years).collect();
    assert_eq!(judge("I01", &series).category, Category::Met);
    // An average below the target at the end is a miss.
    let low: Vec<(i32, f64)> = (2021..).zip([8.0; 5]).collect();
    assert_eq!(judge("I01", &low).category, Category::Missed);
    // A year missing from the series is named, not silently averaged over.
    let gap = judge("I01", &[(2021, 8.6), (2023, 9.0)]);
    assert_eq!(gap.gaps, vec![2022]);
}

#[test]
fn a_figure_in_error_is_in_error_never_met_nor_judged_from_an_earlier_year() {
    let e = judge_in_error("I15", &[(2023, 41.9)], &[], &[2023], DEFAULT_BAND);
    assert_eq!(e.category, Category::InError, "{e:?}");
    assert_eq!(e.label, "数据有误");
    assert_eq!((e.missed.clone(), e.in_error.clone()), (vec![], vec![2023]));
    // I14 at 98.1 in 2022 reached its target; 2023's figure in error is
    // the latest: in error as of 2023, not 提前实现 from 2022.
    let i14 = judge_in_error(
        "I14",
        &[(2022, 98.1), (2023, 101.0)],
        &[],
        &[2023],
        DEFAULT_BAND,
    );
    assert_eq!(i14.category, Category::InError, "{i14:?}");
    assert_eq!(i14.year, Some(2023));
}

// ---------------------------------------------------------------- qualitative

#[test]
fn qualitative_targets_are_judged_year_by_year_against_their_requirement() {
    let met = judge_with(
        "I18",
        &[(2021, 2.2), (2022, 2.0)],
        &[(2021, 2.0), (2022, 2.0)],
        DEFAULT_BAND,
    );
    assert_eq!(met.category, Category::OnTrack, "{met:?}");
    let missed = judge_with(
        "I18",
        &[(2021, 2.2), (2022, 1.8), (2023, 2.5)],
        &[(2021, 2.0), (2022, 2.0), (2023, 2.1)],
        DEFAULT_BAND,
    );
    assert_eq!(missed.category, Category::Behind, "{missed:?}");
    assert_eq!(missed.missed, vec![2022]);
    // Values without a requirement cannot be judged: none recorded.
    let unjudged = judge_with("I18", &[(2021, 2.2)], &[], DEFAULT_BAND);
    assert_eq!(unjudged.category, Category::NoRequirement);
    assert_eq!(unjudged.label, "未登记要求");
}

#[test]
fn nothing_reported_is_no_data() {
    for id in ["I14", "I01", "I15", "I22", "I17"] {
        let e = judge(id, &[]);
        assert_eq!(e.category, Category::NoData, "{id}");
        assert_eq!(e.label, "暂无数据");
    }
}

// ---------------------------------------------------------------- command line

/// `plan-lint status` on a repository (`root`: its options) in a format.
fn status_in(root: &[&str], format: &str, extra: &[&str]) -> Output {
    let mut args = vec!["status"];
    args.extend_from_slice(root);
    args.extend_from_slice(&["--format", format]);
    args.extend_from_slice(extra);
    plan_lint(&args)
}

fn json_of(out: Output) -> serde_json::Value {
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("status --format json prints JSON")
}

fn example(format: &str, extra: &[&str]) -> Output {
    status_in(&["--data-root", EXAMPLE], format, extra)
}

fn json_doc(extra: &[&str]) -> serde_json::Value {
    json_of(example("json", extra))
}

#[test]
fn markdown_on_the_example_data() {
    let out = example("md", &["--period", "2023"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty());
    insta::assert_snapshot!("status_example_md", out.stdout);
}

#[test]
fn markdown_fits_a_github_step_summary() {
    let md = example("md", &["--period", "2023"]).stdout;
    // No HTML: a tag would be rendered (or stripped) by GitHub.
    let tag = regex::Regex::new(r"<[A-Za-z/!]").unwrap();
    assert!(!tag.is_match(&md), "{:?}", tag.find(&md));
    // GitHub's limit for one step summary is 1 MiB.
    assert!(md.len() < 1024 * 1024);
    // Every table row has as many cells as its header.
    let mut expected = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            expected = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        match expected {
            None => expected = Some(cells),
            Some(n) => assert_eq!(cells, n, "{line}"),
        }
    }
    // Binding indicators come first.
    let binding = md.find("## Binding indicators").unwrap();
    let expected_at = md.find("## Expected indicators").unwrap();
    assert!(binding < expected_at);
    assert!(md[binding..expected_at].contains("| I14 |"));
}

#[test]
fn json_on_the_example_data() {
    let mut doc = json_doc(&["--period", "2023"]);
    // What changes with every plan edit or release is not the shape.
    doc["plan"]["sha256"] = "[sha256]".into();
    doc["tool"]["version"] = "[version]".into();
    insta::assert_snapshot!(
        "status_example_json",
        serde_json::to_string_pretty(&doc).unwrap()
    );
}

#[test]
fn json_matches_its_schema_and_the_schema_is_printed() {
    let out = plan_lint(&["schema", "status"]);
    assert_eq!(out.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for extra in [&["--period", "2023"][..], &["--period", "2021"], &[]] {
        let doc = json_doc(extra);
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{extra:?}: {errors:?}");
    }
}

#[test]
fn json_reports_the_example_categories() {
    let doc = json_doc(&["--period", "2023"]);
    assert_eq!(doc["period"], 2023);
    assert_eq!(doc["reports"]["files"], 15);
    let inds = doc["indicators"].as_array().unwrap();
    assert_eq!(inds.len(), 109); // I01–I27 and T001–T082
                                 // Binding first, in catalog order.
    let ids: Vec<&str> = inds.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        &ids[..7],
        &["I14", "I15", "I16", "I17", "I18", "I19", "I01"]
    );
    assert!(inds[..6].iter().all(|i| i["attribute"] == "binding"));
    assert!(inds[6..].iter().all(|i| i["attribute"] == "expected"));
    let cat = |id: &str| {
        inds.iter().find(|i| i["id"] == id).unwrap()["evaluation"]["category"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(cat("I14"), "ahead");
    assert_eq!(cat("I06"), "on_track");
    assert_eq!(cat("I24"), "achieved");
    assert_eq!(cat("I18"), "on_track");
    assert_eq!(cat("I02"), "no_data");
    // Values by year, with the file each comes from.
    let i14 = &inds[0];
    assert_eq!(i14["values"][2]["year"], 2023);
    assert_eq!(i14["values"][2]["value"], 97.6);
    assert_eq!(
        i14["values"][2]["file"],
        "fixtures/example/progress/2023/eco-env.yaml"
    );
    // Projects: counted once, by column and by department alike.
    let p = &doc["projects"];
    assert_eq!(p["total"], 219); // 花果(第一、第二、第三) is three entries; 专栏3-1 has two
    let sum = |list: &str, key: &str| -> u64 {
        p[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g[key].as_u64().unwrap())
            .sum()
    };
    for key in [
        "total",
        "reported",
        "completed",
        "under_construction",
        "not_reported",
    ] {
        assert_eq!(sum("by_column", key), p[key].as_u64().unwrap(), "{key}");
        assert_eq!(sum("by_department", key), p[key].as_u64().unwrap(), "{key}");
    }
    let health = p["by_department"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["department"] == "health")
        .unwrap();
    assert_eq!(health["total"], 19);
    assert_eq!(health["completed"], 5);
    assert_eq!(health["completion_rate"], 0.2632);
    // The five departments of the example reported every year; the others never did.
    let missing = doc["reports"]["missing"].as_array().unwrap();
    assert!(missing
        .iter()
        .all(|m| m["periods"] == serde_json::json!([2021, 2022, 2023])));
    for reported in ["drc", "eco-env", "education", "health", "hrss"] {
        assert!(missing.iter().all(|m| m["department"] != reported));
    }
    assert!(missing.iter().any(|m| m["department"] == "stats"));
}

#[test]
fn the_period_defaults_to_the_latest_reported_and_cuts_off_later_reports() {
    let latest = json_doc(&[]);
    assert_eq!(latest["period"], 2023);
    assert_eq!(
        latest["indicators"],
        json_doc(&["--period", "2023"])["indicators"]
    );
    let earlier = json_doc(&["--period", "2022"]);
    assert_eq!(earlier["reports"]["files"], 10);
    let i14 = &earlier["indicators"][0];
    assert_eq!(i14["values"].as_array().unwrap().len(), 2);
    assert_eq!(i14["evaluation"]["year"], 2022);
    assert_eq!(i14["evaluation"]["value"], 97.5);
    // A year after the last report: every department is missing it.
    let later = json_doc(&["--period", "2024"]);
    assert_eq!(later["reports"]["missing"].as_array().unwrap().len(), 23);
}

#[test]
fn the_band_is_the_plans_pl203_margin_and_status_band_is_gone() {
    // One yardstick: every evaluation carries the band PL203 warns by.
    let doc = json_doc(&["--period", "2023"]);
    assert!(doc.get("status_band").is_none());
    for i in doc["indicators"].as_array().unwrap() {
        assert_eq!(i["evaluation"]["band"], 0.1, "{}", i["id"]);
    }
    // The old setting is refused with the keys there are, not silently ignored.
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("plan-lint.toml");
    std::fs::write(&cfg, "status_band = 0.2\n").unwrap();
    let out = plan_lint(&[
        "--config",
        cfg.to_str().unwrap(),
        "status",
        "--data-root",
        EXAMPLE,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("status_band"), "{}", out.stderr);
}

#[test]
fn status_exits_0_and_2_on_bad_arguments() {
    for format in ["md", "json", "html"] {
        let out = example(format, &[]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(!out.stdout.is_empty());
    }
    let bad: &[&[&str]] = &[
        &["status", "--data-root", EXAMPLE, "--format", "pdf"],
        &["status", "--data-root", EXAMPLE, "--period", "two"],
        &["status", "--data-root", EXAMPLE, "--period", "2030"],
        &["status", "--data-root", EXAMPLE, "--period", "2020"],
        &["status", "--data-root", "no-such-root"],
        &[
            "status",
            "--data-root",
            EXAMPLE,
            "--plan-id",
            "nanming-15th",
        ],
        &["status", "--data-root", EXAMPLE, "--frobnicate"],
    ];
    for args in bad {
        let out = plan_lint(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
    // --period picks the plan whose period holds it: none does, so the
    // message names the loaded plans' periods and how to load another.
    let out = plan_lint(&["status", "--data-root", EXAMPLE, "--period", "2030"]);
    assert!(
        out.stderr.contains("nanming-14th-fyp 2021–2025") && out.stderr.contains("--plan DIR"),
        "{}",
        out.stderr
    );
    let args = [
        "status",
        "--data-root",
        EXAMPLE,
        "--plan-id",
        "nanming-14th-fyp",
    ];
    let out = plan_lint(&[&args[..], &["--period", "2030"]].concat());
    assert!(
        out.stderr.contains("outside the plan period 2021–2025"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_file_that_is_not_a_report_is_listed_and_the_rest_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    for year in ["2021", "2022"] {
        std::fs::create_dir_all(root.join(year)).unwrap();
        std::fs::copy(
            format!("{EXAMPLE}/{year}/eco-env.yaml"),
            root.join(year).join("eco-env.yaml"),
        )
        .unwrap();
    }
    std::fs::write(root.join("2022/broken.yaml"), "version: [1\n").unwrap();
    let out = plan_lint(&[
        "status",
        "--data-root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let unreadable = doc["reports"]["unreadable"].as_array().unwrap();
    assert_eq!(unreadable.len(), 1);
    assert!(unreadable[0]
        .as_str()
        .unwrap()
        .ends_with("2022/broken.yaml"));
    assert_eq!(doc["reports"]["files"], 2);
    assert_eq!(doc["period"], 2022);
    assert_eq!(doc["indicators"][0]["evaluation"]["value"], 97.5);
}

// ---------------------------------------------------------------- HTML structure

#[test]
fn html_is_one_self_contained_page_with_a_chart_per_indicator() {
    let out = example("html", &["--period", "2023"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = out.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(html.contains("<meta charset=\"utf-8\">"));
    // Nothing fetched: no scripts, links, external images, fonts or imports.
    for needle in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "@import",
        "@font-face",
        "url(",
        "http:",
        "https:",
        "src=",
    ] {
        assert!(!html.contains(needle), "{needle}");
    }
    // A card with a chart for every indicator with a figure; the others in one list.
    let doc = json_doc(&["--period", "2023"]);
    let with_data = (doc["indicators"].as_array().unwrap().iter())
        .filter(|i| (i["values"].as_array().unwrap().iter()).any(|y| !y["value"].is_null()))
        .count();
    assert_eq!(with_data, 41);
    let charts = html.matches("<svg class=\"chart\"").count();
    assert_eq!(charts, with_data);
    assert_eq!(html.matches("<svg").count(), charts);
    assert_eq!(html.matches("<article ").count(), charts);
    let listed = html.matches("<li id=\"").count();
    assert_eq!(listed, 109 - with_data);
    assert_eq!(
        html.matches("<div class=\"group nodata\">").count(),
        1,
        "every binding indicator has a figure: one list, the expected ones'"
    );
    // Binding first: the first six cards are the binding indicators.
    let attrs: Vec<&str> = html
        .match_indices("data-attribute=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(attrs.len(), with_data);
    assert!(attrs[..6].iter().all(|a| *a == "binding"));
    assert!(attrs[6..].iter().all(|a| *a == "expected"));
    // A chart draws the baseline, the values, the path and the target.
    let i14 = &html[html.find("data-id=\"I14\"").unwrap()..];
    let i14 = &i14[..i14.find("</svg>").unwrap()];
    for part in [
        "class=\"baseline\"",
        "class=\"values\"",
        "class=\"path\"",
        "class=\"target\"",
    ] {
        assert!(i14.contains(part), "{part}");
    }
    assert_eq!(i14.matches("class=\"value\"").count(), 3);
}

/// The page for the office: an axis that does not start at zero says so,
/// each value's note is there (on hover or tap, and in print), a filter by
/// category and department needs no script, and print has its own rules.
#[test]
fn html_marks_broken_axes_shows_notes_filters_and_prints() {
    let html = evaluation("html", &["--period", "2025", "--lang", "zh"]).stdout;
    let card = |id: &str| {
        let start = html
            .find(&format!("data-id=\"{id}\" data-attribute"))
            .unwrap();
        let start = html[..start].rfind("<article").unwrap();
        html[start..start + html[start..].find("</article>").unwrap()].to_string()
    };
    // 森林覆盖率 41.68–41.85: the axis starts near 41.6 and says so.
    let i15 = card("I15");
    assert!(i15.contains("class=\"axis-break\""), "{i15}");
    assert!(
        i15.contains("<p class=\"axis\">纵轴从 41.65 起，非零起点"),
        "{i15}"
    );
    // 零发生 (T073 = 0): the axis includes zero, no break.
    let t073 = card("T073");
    assert!(!t073.contains("axis-break"), "{t073}");
    // Notes: on the value (hover) and as a mark that shows it on focus (tap) and in print.
    let i14 = card("I14");
    assert!(
        i14.contains("<title>2024: 97.8 — 受沙尘天气影响2天</title>"),
        "{i14}"
    );
    assert!(i14.contains("<span class=\"note\" tabindex=\"0\">2024<span class=\"tip\">受沙尘天气影响2天</span></span>"));
    // The filter: radio buttons for the final categories, a list of departments,
    // and CSS rules that read them; no script.
    assert!(!html.contains("<script"));
    for c in ["met", "missed", "no_data"] {
        assert!(html.contains(&format!("id=\"fc-{c}\"")), "{c}");
        assert!(html.contains(&format!(
            "body:has(#fc-{c}:checked) [data-category]:not([data-category=\"{c}\"]),"
        )));
    }
    assert!(html.contains("<option value=\"eco-env\">区生态环境局</option>"));
    assert!(html.contains("body:has(#fd option[value=\"eco-env\"]:checked) [data-department]:not([data-department=\"eco-env\"]),"));
    // Print: A4, a page per section, the filter and folded tables left out.
    for rule in [
        "@page{size:A4",
        "main>section+section{break-before:page}",
        ".filter,details{display:none!important}",
        ".note .tip{display:inline;position:static",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
}

/// A suppression decision excepts a figure from the check, not from the
/// evaluation: `status` judges the value all the same, marks it with its
/// decision, and lists the decisions in force (trust.md).
#[test]
fn a_suppressed_miss_is_still_judged_and_marked_with_its_decision() {
    let status = |root: &str| {
        let out = plan_lint(&["status", "--data-root", root, "--format", "json"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str::<serde_json::Value>(&out.stdout).unwrap()
    };
    let excepted = status("fixtures/rules/PL501/pass/progress");
    let plain = status("fixtures/rules/PL501/fail-self-approved/progress");
    let i14 = |v: &serde_json::Value| {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "I14")
            .unwrap()
            .clone()
    };
    let (a, b) = (i14(&excepted), i14(&plain));
    assert_eq!(
        a["evaluation"], b["evaluation"],
        "the decision changes no judgement"
    );
    let y2023 = |i: &serde_json::Value| {
        i["values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["year"] == 2023)
            .unwrap()
            .clone()
    };
    assert_eq!(y2023(&a)["value"], 96.9);
    assert_eq!(y2023(&a)["decision"], "D2024-001");
    assert!(y2023(&b).get("decision").is_none());
    let d = &excepted["decisions"][0];
    assert_eq!(d["id"], "D2024-001");
    assert_eq!(d["approved_by"], "区发展和改革局");
    assert_eq!(d["department"], "eco-env");
    assert_eq!(plain["decisions"].as_array().unwrap().len(), 0);
    let md = plan_lint(&[
        "status",
        "--data-root",
        "fixtures/rules/PL501/pass/progress",
        "--lang",
        "zh",
    ]);
    assert!(
        // PL201 is no miss of the target (I14 is judged in 2025): no ✗.
        md.stdout.contains("96.9 PL201（经批准 D2024-001）"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("## 生效的规划主管部门决定"),
        "{}",
        md.stdout
    );
}

// ---------------------------------------------------------------- status agrees with check

/// Writes one report of `department` for `year` with `(id, value)` entries.
fn write_report(root: &std::path::Path, department: &str, year: i32, entries: &[(&str, f64)]) {
    let dir = root.join(year.to_string());
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = format!(
        "version: 1\nplan: nanming-14th-fyp\ndepartment: {department}\nperiod: {year}\nsubmitted: {}-01-19\nindicators:\n",
        year + 1
    );
    for (id, v) in entries {
        text.push_str(&format!(
            "  - id: {id}\n    value: {v}\n    source: 区统计局统计公报\n"
        ));
    }
    std::fs::write(dir.join(format!("{department}.yaml")), text).unwrap();
}

/// The values the issue names (I14 = 978, a fall across the forest floor,
/// a fall within it, a hold target broken, an income where its rate
/// belongs, a share without a baseline): wherever `check` reports an error
/// in a value, `status` never shows that value as met, and an indicator
/// whose latest value has one is never 提前实现, 快于预期 or 基本符合预期.
#[test]
fn status_and_check_never_disagree_on_a_value() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    write_report(
        &root,
        "eco-env",
        2021,
        &[("I14", 97.0), ("I15", 41.70), ("I16", 15.2)],
    );
    write_report(
        &root,
        "eco-env",
        2022,
        &[("I14", 978.0), ("I15", 41.60), ("I16", 15.1)],
    );
    write_report(
        &root,
        "eco-env",
        2023,
        &[("I14", 97.6), ("I15", 41.69), ("I16", 15.0)],
    );
    write_report(&root, "hrss", 2023, &[("I21", 45000.0), ("I23", 5.4)]);
    write_report(
        &root,
        "agriculture",
        2021,
        &[("T027", 12000.0), ("T028", 6000.0)],
    );
    write_report(&root, "drc", 2023, &[("T003", 18.8), ("T005", 52.0)]);
    let root = root.to_str().unwrap();
    let check = plan_lint(&["check", "--data-root", root, "--format", "json"]);
    let check: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let out = plan_lint(&[
        "status",
        "--data-root",
        root,
        "--format",
        "json",
        "--period",
        "2023",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let status: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let indicator = |id: &str| {
        status["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let year_of = |i: &serde_json::Value, y: i64| {
        i["values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["year"] == y)
            .unwrap()
            .clone()
    };
    // Every finding in a value, as check reports it: the verdict's misses
    // (PL202, PL205) and data validity (PL207).
    let mut errors = std::collections::BTreeSet::new();
    for d in check["diagnostics"].as_array().unwrap() {
        let judged = ["PL202", "PL205", "PL207"];
        if !judged.contains(&d["code"].as_str().unwrap()) {
            continue;
        }
        let id = d["target"].as_str().unwrap().to_string();
        let file = d["file"].as_str().unwrap();
        let year: i64 = file.split('/').rev().nth(1).unwrap().parse().unwrap();
        errors.insert((id, year, d["code"].as_str().unwrap().to_string()));
    }
    let codes: Vec<&str> = errors.iter().map(|(_, _, c)| c.as_str()).collect();
    for expected in ["PL207", "PL202"] {
        assert!(codes.contains(&expected), "{errors:?}");
    }
    for (id, year, code) in &errors {
        let y = year_of(&indicator(id), *year);
        if code == "PL207" {
            // In error: never met, never judged.
            assert_eq!(y["in_error"], true, "{id} {year}: {y}");
            assert_eq!(y["met"], serde_json::Value::Null, "{id} {year}: {y}");
        } else {
            assert_eq!(y["met"], false, "{id} {year}: {y}");
        }
    }
    // And the other way round: a figure status calls met has no miss in check.
    for i in status["indicators"].as_array().unwrap() {
        for y in i["values"].as_array().unwrap() {
            if y["met"] == true {
                let (id, year) = (i["id"].as_str().unwrap(), y["year"].as_i64().unwrap());
                assert!(
                    !errors.iter().any(|(e, ey, _)| e == id && *ey == year),
                    "{id} {year} is met in status but check reports a miss or an error"
                );
            }
        }
    }
    let category = |id: &str| indicator(id)["evaluation"]["category"].clone();
    // I14 = 978 is not a figure: never 提前实现; the 2023 figure is judged.
    // One factor makes it plausible (97.8, after 97.5): a unit slip, PL212.
    assert_ne!(category("I14"), "achieved");
    assert_eq!(year_of(&indicator("I14"), 2022)["findings"][0], "PL212");
    // I15 crossed the floor in 2022: a miss, whatever 2023 did.
    assert_eq!(category("I15"), "behind");
    // I16 fell within its floor 15 (a PL201 warning only): kept.
    assert_eq!(category("I16"), "on_track");
    // An income where its growth rate belongs is in error as of 2023.
    assert_eq!(category("I21"), "in_error");
    // 保持在15000亩以上 broken in 2021.
    assert_eq!(category("T027"), "behind");
    // A share without a baseline: not yet, never "94% of the way".
    assert_eq!(category("T003"), "not_yet");
    assert_eq!(category("T005"), "behind");
}

// ---------------------------------------------------------------- the final evaluation

/// The five-year repository (fixtures/evaluation): drc, eco-env and hrss
/// report 2021–2025, education 2021–2024; the register records the
/// requirements of every year.
const EVALUATION: &str = "fixtures/evaluation/progress";
const EVALUATION_DECISIONS: &str = "fixtures/evaluation/decisions";

fn evaluation(format: &str, extra: &[&str]) -> Output {
    let root = [
        "--data-root",
        EVALUATION,
        "--decisions",
        EVALUATION_DECISIONS,
    ];
    status_in(&root, format, extra)
}

fn evaluation_json(extra: &[&str]) -> serde_json::Value {
    json_of(evaluation("json", extra))
}

fn categories_of(doc: &serde_json::Value) -> std::collections::BTreeMap<String, String> {
    (doc["indicators"].as_array().unwrap().iter())
        .map(|i| {
            let c = i["evaluation"]["category"].as_str().unwrap().to_string();
            (i["id"].as_str().unwrap().to_string(), c)
        })
        .collect()
}

/// The repository is clean under `check` but for the misses the final
/// evaluation is about: I18 below its 2025 requirement (binding: an
/// error), I01's average, T012 and T078 short of their targets (warnings).
#[test]
fn the_five_year_repository_carries_only_its_deliberate_misses() {
    let out = plan_lint(&[
        "check",
        "--data-root",
        EVALUATION,
        "--decisions",
        EVALUATION_DECISIONS,
        "--format",
        "json",
        "--today",
        "2026-02-01",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let found: Vec<(String, String, String)> = (doc["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("severity"), s("target"))
        })
        .collect();
    let expected = [
        ("PL202", "warning", "I01"),
        ("PL202", "warning", "T012"),
        ("PL205", "error", "I18"),
        ("PL202", "warning", "T078"),
    ];
    let expected: Vec<(String, String, String)> = (expected.iter())
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(found, expected, "{}", out.stdout);
    assert_eq!(doc["summary"]["files"], 19);
}

#[test]
fn the_final_year_judges_every_target_met_missed_or_no_data() {
    let doc = evaluation_json(&["--period", "2025"]);
    assert_eq!(doc["stage"], "final");
    let cats = categories_of(&doc);
    assert!(
        cats.values()
            .all(|c| ["met", "missed", "no_data"].contains(&c.as_str())),
        "{cats:?}"
    );
    let labels: std::collections::BTreeSet<&str> = (doc["indicators"].as_array().unwrap().iter())
        .map(|i| i["evaluation"]["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["已完成", "未完成", "暂无数据"].into_iter().collect()
    );
    for (id, category) in [
        // A path target reached in its year; a bound kept every year.
        ("I14", "met"),
        ("I15", "met"),
        ("I23", "met"),
        // Each year's requirement from the register: I18 missed 2025's 2.5%.
        ("I17", "met"),
        ("I18", "missed"),
        ("T079", "met"),
        ("T081", "met"),
        // 年均 rates on their compound average over 2021–2025: I01 8.38 < 8.5.
        ("I01", "missed"),
        ("I04", "met"),
        ("I21", "met"),
        // A total reached; a 左右 band kept; targets short in 2025.
        ("I22", "met"),
        ("T005", "met"),
        ("T012", "missed"),
        ("T078", "missed"),
        // No 2025 figure (pending; education's 2025 report not in), and a
        // 2035 target not reached yet: nothing to judge, never a miss.
        ("T016", "no_data"),
        ("I24", "no_data"),
        ("T063", "no_data"),
        ("T002", "no_data"),
        ("I02", "no_data"),
    ] {
        assert_eq!(cats[id], category, "{id}");
    }
    // The summary counts the final categories only, and adds up.
    let all = &doc["summary"]["all"];
    assert_eq!(
        all.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["met", "missed", "in_error", "no_requirement", "no_data"]
    );
    let count = |c: &str| cats.values().filter(|x| *x == c).count() as u64;
    for c in ["met", "missed", "in_error", "no_requirement", "no_data"] {
        assert_eq!(all[c], count(c), "{c}");
        assert_eq!(
            doc["summary"]["binding"][c].as_u64().unwrap()
                + doc["summary"]["expected"][c].as_u64().unwrap(),
            count(c)
        );
    }
    assert_eq!(all["missed"], 4);
}

#[test]
fn the_final_evaluation_lists_binding_targets_first_then_by_theme() {
    let doc = evaluation_json(&["--period", "2025"]);
    let inds = doc["indicators"].as_array().unwrap();
    let plan = plan();
    // 类别 in the order the catalog first names them.
    let mut themes: Vec<&str> = Vec::new();
    for i in &plan.indicators {
        if !themes.contains(&i.category.as_str()) {
            themes.push(&i.category);
        }
    }
    let key = |i: &serde_json::Value| {
        let theme = i["category"].as_str().unwrap();
        (
            i["attribute"] != "binding",
            themes.iter().position(|t| *t == theme).unwrap(),
        )
    };
    let keys: Vec<_> = inds.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(inds[0]["id"], "I14");
    // Within a theme, catalog order.
    let economy: Vec<&str> = (inds.iter())
        .filter(|i| i["category"] == "经济发展")
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(&economy[..4], &["I01", "I02", "I03", "I04"]);
    // Markdown: a table per theme, binding ones first.
    let md = evaluation("md", &["--period", "2025", "--lang", "zh"]).stdout;
    assert!(md.starts_with("# 规划实施总结评估（2021—2025年）"), "{md}");
    let binding = md.find("## 约束性指标").unwrap();
    let expected = md.find("## 预期性指标").unwrap();
    assert!(binding < md.find("### 资源环境").unwrap());
    assert!(expected < md.find("### 经济发展").unwrap());
    assert!(md.contains("| ✅ 已完成 | 5 | 18 | 23 |"), "{md}");
    assert!(md.contains("| ❌ 未完成 | 1 | 3 | 4 |"), "{md}");
    assert!(!md.contains("滞后预期") && !md.contains("快于预期"));
}

#[test]
fn the_final_evaluation_in_markdown() {
    let out = evaluation("md", &["--period", "2025", "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("status_final_md", out.stdout);
}

#[test]
fn the_final_evaluation_matches_the_schema_and_is_the_same_every_run() {
    let schema: serde_json::Value =
        serde_json::from_str(&plan_lint(&["schema", "status"]).stdout).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    for period in ["2021", "2024", "2025"] {
        let doc = evaluation_json(&["--period", period]);
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{period}: {errors:?}");
    }
    for format in ["md", "html", "json"] {
        let a = evaluation(format, &["--period", "2025"]);
        let b = evaluation(format, &["--period", "2025"]);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn years_before_the_final_one_keep_the_mid_term_categories() {
    let doc = evaluation_json(&["--period", "2024"]);
    assert_eq!(doc["stage"], "mid_term");
    let cats = categories_of(&doc);
    assert!(cats.values().all(|c| c != "met" && c != "missed"));
    assert_eq!(cats["I14"], "on_track");
    assert_eq!(
        doc["summary"]["all"]
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        [
            "achieved",
            "ahead",
            "on_track",
            "behind",
            "not_yet",
            "in_error",
            "no_requirement",
            "no_data"
        ]
    );
    // Mid-term order: binding first, then catalog order.
    let ids: Vec<&str> = (doc["indicators"].as_array().unwrap().iter())
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(&ids[6..9], &["I01", "I02", "I03"]);
}

/// The final judgement is `check`'s: a miss in any year the target is
/// judged in stays a miss; a final year without a figure is no data, not
/// a miss; a value with an error finding is never met.
#[test]
fn the_final_judgement_follows_the_years_the_plan_judges() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    // I15 (a bound) broken in 2022, kept in 2025: missed. I16 kept through
    // 2024, no 2025 figure: no data. I14 = 978 in 2025 (PL207): in error.
    write_report(&root, "eco-env", 2021, &[("I15", 41.70), ("I16", 15.2)]);
    write_report(&root, "eco-env", 2022, &[("I15", 41.60), ("I16", 15.3)]);
    write_report(&root, "eco-env", 2024, &[("I15", 41.70), ("I16", 15.4)]);
    write_report(&root, "eco-env", 2025, &[("I14", 978.0), ("I15", 41.9)]);
    // I01 without a 2025 rate: no data. T002, a 2035 target, reached in
    // 2025: met. T004 reached in 2023, no 2025 figure: no data.
    write_report(
        &root,
        "drc",
        2023,
        &[("I01", 9.0), ("T002", 1900.0), ("T004", 1400.0)],
    );
    write_report(&root, "drc", 2025, &[("T002", 2100.0)]);
    let root = root.to_str().unwrap();
    let out = plan_lint(&["status", "--data-root", root, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["period"], 2025);
    let cats = categories_of(&doc);
    for (id, category) in [
        ("I15", "missed"),
        ("I16", "no_data"),
        ("I14", "in_error"),
        ("I01", "no_data"),
        ("T002", "met"),
        ("T004", "no_data"),
    ] {
        assert_eq!(cats[id], category, "{id}");
    }
    let md = plan_lint(&["status", "--data-root", root, "--lang", "en"]).stdout;
    for sentence in [
        "no value for 2025, the plan's final year (the latest: 15.4 平方米 in 2024)",
        "the figure of 2025, 978%, is in error (PL207): not judged until the department corrects it",
        "broke the bound ≥ 41.68% in 2022",
        "(the latest: 1400 亿元 in 2023)",
    ] {
        assert!(md.contains(sentence), "{sentence}\n{md}");
    }
}

// ---------------------------------------------------------------- one department's part

#[test]
fn department_shows_one_departments_part_in_every_format() {
    let doc = evaluation_json(&["--period", "2025", "--department", "eco-env"]);
    assert_eq!(doc["department"]["code"], "eco-env");
    assert_eq!(doc["department"]["name"], "区生态环境局");
    let inds = doc["indicators"].as_array().unwrap();
    assert_eq!(inds.len(), 13);
    assert!(inds.iter().all(|i| i["department"] == "eco-env"));
    assert_eq!(doc["summary"]["indicators"], 13);
    assert_eq!(doc["summary"]["all"]["met"], 12);
    assert_eq!(doc["summary"]["all"]["missed"], 1);
    let p = &doc["projects"];
    assert_eq!(p["total"], 12);
    assert!(p["list"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["department"] == "eco-env"));
    assert_eq!(p["by_department"].as_array().unwrap().len(), 1);
    assert_eq!(p["by_column"][0]["column"], "专栏5-2");
    assert_eq!(doc["departments"].as_array().unwrap().len(), 1);
    // The register's decisions about its targets (I17–I19, T081), not drc's T079.
    let decided: std::collections::BTreeSet<&str> = (doc["decisions"].as_array().unwrap().iter())
        .map(|d| d["targets"][0].as_str().unwrap())
        .collect();
    assert_eq!(decided, ["I17", "I18", "I19", "T081"].into_iter().collect());
    // Its name or an alias name it too.
    let by_name = evaluation_json(&["--period", "2025", "--department", "区生态环境局"]);
    assert_eq!(by_name, doc);
    let drc = evaluation_json(&["--period", "2025", "--department", "区发改局"]);
    assert_eq!(drc["department"]["code"], "drc");
    assert!(drc["reports"]["missing"].as_array().unwrap().is_empty());
    let education = evaluation_json(&["--department", "education"]);
    assert_eq!(
        education["reports"]["missing"],
        serde_json::json!([{"department": "education", "name": "区教育局", "periods": [2025]}])
    );
    // Every format.
    let md = evaluation("md", &["--department", "eco-env", "--lang", "zh"]).stdout;
    assert!(md.contains("**区生态环境局（eco-env）负责的部分"), "{md}");
    assert!(!md.contains("| I01 |"));
    let html = evaluation("html", &["--department", "eco-env"]).stdout;
    assert_eq!(html.matches("<article ").count(), 13);
    assert!(html.contains("class=\"part\""));
    let csv = evaluation("csv", &["--department", "eco-env"]).stdout;
    assert_eq!(csv.lines().filter(|l| l.starts_with("nanming")).count(), 13);
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("eco-env.xlsx");
    let out = evaluation(
        "xlsx",
        &["--department", "eco-env", "-o", xlsx.to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
}

#[test]
fn an_unknown_department_is_exit_2_with_a_suggestion() {
    let out = evaluation("md", &["--department", "eco-evn"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("did you mean “eco-env”"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_page_has_a_part_per_department() {
    let doc = evaluation_json(&["--period", "2025"]);
    let html = evaluation("html", &["--period", "2025"]).stdout;
    let section = &html[html.find("<section id=\"departments\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    let departments = doc["departments"].as_array().unwrap();
    assert_eq!(departments.len(), 23);
    for d in departments {
        let code = d["department"].as_str().unwrap();
        assert!(section.contains(&format!("id=\"dept-{code}\"")), "{code}");
    }
    let eco = &section[section.find("id=\"dept-eco-env\"").unwrap()..];
    let eco = &eco[..eco.find("</tr>").unwrap()];
    // 13 indicators: 12 met, 1 missed, none in error, without a requirement
    // or without data; 12 projects, 7 completed, 3 lagging.
    assert!(
        eco.contains(
            "<td>13</td><td>12</td><td>1</td><td>0</td><td>0</td><td>0</td><td>12</td><td>7</td><td>3</td>"
        ),
        "{eco}"
    );
}

// ---------------------------------------------------------------- project views

#[test]
fn columns_carry_their_titles_from_the_plan() {
    let doc = evaluation_json(&["--period", "2025"]);
    // The plan's 专栏 header lines, in order: column_ordinal counts them.
    let seed = std::fs::read_to_string("seeds/000_3ad0bd4780363ad6.txt").unwrap();
    let headers: Vec<&str> = (seed.lines().map(str::trim_start))
        .filter(|l| {
            l.strip_prefix("专栏")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
        .collect();
    for c in doc["projects"]["by_column"].as_array().unwrap() {
        let (column, title) = (
            c["column"].as_str().unwrap(),
            c["column_title"].as_str().unwrap(),
        );
        assert!(!title.is_empty(), "{column}");
        let header = headers[c["column_ordinal"].as_u64().unwrap() as usize - 1];
        assert_eq!(
            header.trim_end_matches(['|', ' ']),
            format!("{column} {title}"),
            "the title is the column's header line in the plan"
        );
    }
    let title = |ordinal: u64| {
        (doc["projects"]["by_column"].as_array().unwrap().iter())
            .find(|c| c["column_ordinal"] == ordinal)
            .unwrap()["column_title"]
            .clone()
    };
    // The two columns numbered 专栏3-6 are told apart.
    assert_eq!(title(7), "总部引进重大项目");
    assert_eq!(title(8), "南明数字经济发展重点内容");
    let md = evaluation("md", &["--period", "2025"]).stdout;
    assert!(md.contains("| 7 | 专栏3-6 总部引进重大项目 |"), "{md}");
    assert!(md.contains("| 8 | 专栏3-6 南明数字经济发展重点内容 |"));
}

#[test]
fn suspended_cancelled_and_lagging_projects_are_listed_with_investment_summed() {
    let doc = evaluation_json(&["--period", "2025"]);
    let list = doc["projects"]["list"].as_array().unwrap();
    let with = |f: &dyn Fn(&serde_json::Value) -> bool| -> Vec<&str> {
        (list.iter().filter(|p| f(p)))
            .map(|p| p["id"].as_str().unwrap())
            .collect()
    };
    assert_eq!(with(&|p| p["status"] == "suspended"), ["P1114"]);
    assert_eq!(with(&|p| p["status"] == "cancelled"), ["P1121"]);
    // In 2025 the whole plan period has passed: anything still to finish lags,
    // education's projects too (their latest report is 2024's).
    let lagging = with(&|p| p["lagging"] == true);
    assert_eq!(lagging.len(), 14, "{lagging:?}");
    for id in ["P1128", "P1129", "P1136", "P1603", "P1801", "P1813"] {
        assert!(lagging.contains(&id), "{id}");
    }
    assert!(
        !lagging.contains(&"P1114"),
        "a suspended project is listed as such"
    );
    // Mid-term: lagging is progress below the share of the plan years (60% in 2023).
    let mid = evaluation_json(&["--period", "2023"]);
    let lag23 = |id: &str| {
        (mid["projects"]["list"].as_array().unwrap().iter())
            .find(|p| p["id"] == id)
            .unwrap()["lagging"]
            .clone()
    };
    assert_eq!(lag23("P1114"), true); // 40%
    assert_eq!(lag23("P1113"), false); // 70%
                                       // Investment summed per column and department, and in all.
    let sum = |ids: &dyn Fn(&serde_json::Value) -> bool, key: &str| -> f64 {
        (list.iter().filter(|p| ids(p)))
            .filter_map(|p| p[key].as_f64())
            .sum()
    };
    let close = |a: f64, b: &serde_json::Value| (a - b.as_f64().unwrap()).abs() < 1e-6;
    for c in doc["projects"]["by_column"].as_array().unwrap() {
        for key in ["planned_total", "completed_to_date"] {
            let s = sum(&|p| p["column_ordinal"] == c["column_ordinal"], key);
            assert!(
                close(s, &c[key]),
                "{} {key}: {s} vs {}",
                c["column"],
                c[key]
            );
        }
    }
    let eco = (doc["projects"]["by_department"].as_array().unwrap().iter())
        .find(|d| d["department"] == "eco-env")
        .unwrap();
    assert_eq!(eco["planned_total"], 35.1);
    assert_eq!(eco["completed_to_date"], 29.83);
    assert_eq!(eco["lagging"], 3);
    assert!(close(
        sum(&|_| true, "planned_total"),
        &doc["projects"]["planned_total"]
    ));
    // Markdown and the page list them, by column then department.
    let md = evaluation("md", &["--period", "2025", "--lang", "zh"]).stdout;
    assert!(md.contains("### 停缓建、已取消和进度滞后的项目"));
    assert!(md.contains(
        "| 专栏5-2 生态环境治理重点项目 | P1114 机动车尾气污染治理工程 | 区生态环境局 | 停缓建 | 2025 | 40 | 1.7 | 0.68 |"
    ), "{md}");
    assert!(md.contains(
        "| P1128 建设用地土壤调查与风险评估 | 区生态环境局 | 在建（滞后） | 2025 | 85 |"
    ));
    let html = evaluation("html", &["--period", "2025"]).stdout;
    let table = &html[html.find("<table class=\"attention\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(table.matches("<tr data-department=").count(), 16);
    assert!(
        html.contains("investment 29.83 of 35.1 planned")
            || html.contains("完成投资 29.83，计划 35.1")
    );
}

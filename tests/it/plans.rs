//! The engine is plan-agnostic: a second plan (fixtures/next-plan, a small
//! fictional next plan) loaded with --plan beside the built-in one; each
//! report is judged by the plan it names, and only reports of the same plan
//! are each other's history.

use crate::common::{codes, diagnostic, json};
use plan_lint::cli::{run, Env, Output};

/// plan-lint with the second plan loaded beside the built-in one.
fn plan_lint(args: &[&str]) -> Output {
    let mut full = vec!["--plan", "fixtures/next-plan"];
    full.extend_from_slice(args);
    crate::common::plan_lint(&full)
}

const ROOT: &str = "fixtures/two-plans/progress";

/// `check --format json` of a draft outside the two-plan data root, on `today`.
fn check_draft(draft: &std::path::Path, today: &str) -> Output {
    check_draft_in("en", draft, today)
}

/// [`check_draft`] with messages in `lang`.
fn check_draft_in(lang: &str, draft: &std::path::Path, today: &str) -> Output {
    plan_lint(&[
        "--lang",
        lang,
        "check",
        "--data-root",
        ROOT,
        "--today",
        today,
        "--format",
        "json",
        draft.to_str().unwrap(),
    ])
}

#[test]
fn a_data_root_with_reports_of_both_plans_is_clean() {
    let out = plan_lint(&[
        "check",
        "--data-root",
        ROOT,
        "--today",
        "2027-02-01",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let v = json(&out);
    assert_eq!(v["summary"]["files"], 2);
    let ids: Vec<&str> = v["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["nanming-14th-fyp", "nanming-15th-example"]);
}

#[test]
fn without_the_plan_its_reports_are_pl003() {
    let out = run(
        [
            "plan-lint",
            "check",
            "--data-root",
            ROOT,
            "--today",
            "2027-02-01",
            "--format",
            "json",
        ],
        Env::default(),
    );
    let v = json(&out);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "PL003");
    assert_eq!(d["file"], "fixtures/two-plans/progress/2026/eco-env.yaml");
}

#[test]
fn history_and_periods_come_from_the_report_s_own_plan() {
    let dir = tempfile::tempdir().unwrap();
    // A 2027 draft of the next plan: I05 (空气质量优良率) fell from 98.2 (2026) to 98.1,
    // a fall within the plan's floor of 98 (a PL201 warning).
    let draft = dir.path().join("eco-env.yaml");
    std::fs::write(
        &draft,
        "version: 1\nplan: nanming-15th-example\ndepartment: eco-env\nperiod: 2027\nsubmitted: 2028-01-10\nindicators:\n  - {id: I05, value: 98.1}\n  - {id: I06, value: 41.72}\nprojects:\n  - {id: P0304, status: under_construction, progress: 30}\n  - {id: P0305, status: preparing, progress: 5}\n  - {id: P0306, status: planned, progress: 0}\n",
    )
    .unwrap();
    let out = check_draft(&draft, "2028-02-01");
    assert_eq!(out.code, 0, "{}", out.stdout);
    let v = json(&out);
    let d = diagnostic(&v, "PL201");
    assert_eq!(d["severity"], "warning");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("fell from 98.2% in 2026 to 98.1% in 2027"),
        "{d}"
    );
    assert_eq!(
        d["related"][0]["file"],
        "fixtures/two-plans/progress/2026/eco-env.yaml"
    );

    // The next plan's years bound its periods; the built-in plan's reports do not serve as its history.
    std::fs::write(
        &draft,
        "version: 1\nplan: nanming-15th-example\ndepartment: eco-env\nperiod: 2031\nsubmitted: 2032-01-10\nindicators:\n  - {id: I05, value: 99}\n  - {id: I06, value: 41.8}\nprojects:\n  - {id: P0304, status: completed, progress: 100, completed: 2031-06-30, evidence: [验收报告]}\n",
    )
    .unwrap();
    let out = check_draft(&draft, "2032-02-01");
    let v = json(&out);
    let pl106 = diagnostic(&v, "PL106");
    assert!(
        pl106["message"].as_str().unwrap().contains("2026–2030"),
        "{pl106}"
    );
}

/// Under the next plan too, a binding finding is excepted only by the plan
/// office's register, and only by that plan's approver: the report's own
/// `approved_by` grants nothing (trust.md).
#[test]
fn suppressing_a_binding_rule_needs_a_decision_by_the_next_plan_s_approver() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("eco-env.yaml");
    let body = "version: 1\nplan: nanming-15th-example\ndepartment: eco-env\nperiod: 2027\nsubmitted: 2028-01-10\nindicators:\n  - {id: I05, value: 98.2}\n  - {id: I06, value: 41.6}\nprojects:\n  - {id: P0304, status: under_construction, progress: 30}\n  - {id: P0305, status: preparing, progress: 5}\n  - {id: P0306, status: planned, progress: 0}\nsuppressions:\n  - {rule: PL202, target: I06, reason: 监测点位调整, approved_by: 区发展和改革局}\n";
    std::fs::write(&draft, body).unwrap();
    let out = check_draft(&draft, "2028-02-01");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(codes(&json(&out)).contains(&"PL501"), "{}", out.stdout);

    // The register must lie inside the repository: a folder under target/.
    std::fs::create_dir_all("target").unwrap();
    let register = tempfile::tempdir_in("target").unwrap();
    let decision = "version: 1\ndecisions:\n  - {id: D2028-001, kind: suppression, plan: nanming-15th-example, department: eco-env, period: 2027, rule: PL202, target: I06, value: 41.6, reason: 监测点位调整, approved_by: APPROVER, date: 2028-01-20}\n";
    let check_with_register = || {
        plan_lint(&[
            "check",
            "--data-root",
            ROOT,
            "--today",
            "2028-02-01",
            "--format",
            "json",
            "--decisions",
            register.path().to_str().unwrap(),
            draft.to_str().unwrap(),
        ])
    };
    // The department itself is not the next plan's approver.
    let file = register.path().join("2028.yaml");
    std::fs::write(&file, decision.replace("APPROVER", "区生态环境局")).unwrap();
    let out = check_with_register();
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("PL004"), "{}", out.stderr);
    std::fs::write(&file, decision.replace("APPROVER", "区发展和改革局")).unwrap();
    let out = check_with_register();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let v = json(&out);
    assert_eq!(v["summary"]["suppressed"], 1);
    assert_eq!(diagnostic(&v, "PL202")["decision"], "D2028-001");
}

/// `init --period Y` without --plan-id picks the loaded plan whose period holds Y: the
/// last year of the 14th plan and the first of the next, in one data repository.
#[test]
fn init_picks_the_plan_whose_period_holds_the_year() {
    for (department, period, plan) in [
        ("eco-env", "2025", "nanming-14th-fyp"),
        ("eco-env", "2026", "nanming-15th-example"),
    ] {
        let out = plan_lint(&[
            "init",
            "--department",
            department,
            "--period",
            period,
            "--data-root",
            ROOT,
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stdout.contains(&format!("\nplan: {plan}\n")),
            "{period}: {}",
            out.stdout
        );
    }
    // No loaded plan holds the year: the error lists the loaded plans' periods.
    for (lang, words) in [
        (
            "en",
            "no loaded plan's period holds 2031: nanming-14th-fyp 2021–2025, nanming-15th-example 2026–2030",
        ),
        (
            "zh",
            "没有哪个的规划期包含 2031 年：nanming-14th-fyp（2021—2025年）、nanming-15th-example（2026—2030年）",
        ),
    ] {
        let out = plan_lint(&[
            "--lang", lang, "init", "--department", "eco-env", "--period", "2031", "--data-root", ROOT,
        ]);
        assert_eq!(out.code, 2, "{}", out.stdout);
        assert!(out.stderr.contains(words), "{}", out.stderr);
    }
}

/// The help of the `code` finding of a draft `report` of 2026, in `lang`.
fn help_of(report: &str, code: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.yaml");
    std::fs::write(&draft, report).unwrap();
    let v = json(&check_draft_in(lang, &draft, "2027-02-01"));
    diagnostic(&v, code)["help"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// A report whose plan is unknown, or whose period lies outside its plan: the help names
/// the loaded plan whose period holds the report's year (PL003, PL106).
#[test]
fn a_report_of_another_plan_s_year_is_sent_to_that_plan() {
    let unknown = "version: 1\nplan: nanming-16th-fyp\ndepartment: eco-env\nperiod: 2026\nsubmitted: 2027-01-15\nindicators:\n  - {id: I05, value: 98.2}\n";
    let outside = "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: 2026\nsubmitted: 2027-01-15\nindicators: []\n";
    for (report, code, lang, words) in [
        (
            unknown,
            "PL003",
            "en",
            "the year 2026 lies in the loaded plan \"nanming-15th-example\" (2026–2030): write `plan: nanming-15th-example`",
        ),
        (
            unknown,
            "PL003",
            "zh",
            "2026 年属于已加载的规划“nanming-15th-example”（2026—2030年）：请写 `plan: nanming-15th-example`",
        ),
        (
            outside,
            "PL106",
            "en",
            "the year 2026 lies in the loaded plan \"nanming-15th-example\" (2026–2030): a report of that year is that plan's",
        ),
    ] {
        let help = help_of(report, code, lang);
        assert!(help.contains(words), "{code} {lang}: {help}");
    }
}

/// A repository in the first year of the next plan: the five years of the
/// 14th (fixtures/evaluation) and the 15th's first report. `status` shows
/// each plan by its own reports: the 14th's final evaluation beside the
/// 15th's first year.
fn repository_of_two_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = plan_lint::commands::fixture_test::copy_tree;
    copy(
        std::path::Path::new("fixtures/evaluation/progress"),
        &dir.path().join("progress"),
        &[],
    )
    .unwrap();
    copy(
        std::path::Path::new("fixtures/two-plans/progress/2026"),
        &dir.path().join("progress/2026"),
        &[],
    )
    .unwrap();
    dir
}

fn status_of_two_plans(dir: &tempfile::TempDir, extra: &[&str]) -> Output {
    let root = dir.path().join("progress");
    let decisions = std::path::Path::new("fixtures/evaluation/decisions");
    let mut args = vec![
        "status",
        "--data-root",
        root.to_str().unwrap(),
        "--decisions",
        decisions.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    plan_lint(&args)
}

#[test]
fn status_shows_the_final_evaluation_beside_the_next_plan_s_first_year() {
    let dir = repository_of_two_plans();
    let out = status_of_two_plans(&dir, &["--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let titles: Vec<&str> = (out.stdout.lines())
        .filter(|l| l.starts_with("# "))
        .collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(
        titles[0].starts_with("# Final evaluation 2021–2025"),
        "{titles:?}"
    );
    assert!(titles[1].starts_with("# Plan status 2026"), "{titles:?}");
    let (first, second) = out.stdout.split_once("\n---\n").unwrap();
    // The 14th's part is its final evaluation, of its own five years only.
    assert!(first.contains("已完成") && first.contains("nanming-14th-fyp"));
    assert!(!first.contains("城市生活垃圾回收利用率") && first.contains("群众安全感"));
    assert!(second.contains("nanming-15th-example") && second.contains("城市生活垃圾回收利用率"));
    assert!(!second.contains("I14"));

    // A format that holds one plan shows the plan in force and names the other.
    let out = status_of_two_plans(&dir, &["--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = json(&out);
    assert_eq!(v["plan"]["id"], "nanming-15th-example");
    assert_eq!(v["period"], 2026);
    assert_eq!(v["stage"], "mid_term");
    assert!(
        out.stderr
            .contains("--plan-id nanming-14th-fyp (reported up to 2025)"),
        "{}",
        out.stderr
    );

    // --period picks the plan whose period holds the year.
    for (period, plan, stage) in [
        ("2025", "nanming-14th-fyp", "final"),
        ("2026", "nanming-15th-example", "mid_term"),
    ] {
        let out = status_of_two_plans(&dir, &["--format", "json", "--period", period]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stderr.is_empty(), "{}", out.stderr);
        let v = json(&out);
        assert_eq!(v["plan"]["id"], plan);
        assert_eq!(v["stage"], stage);
        assert_eq!(v["period"].to_string(), period);
    }
    let out = status_of_two_plans(&dir, &["--plan-id", "nanming-14th-fyp", "--format", "json"]);
    assert_eq!(json(&out)["period"], 2025);
    assert!(out.stderr.is_empty(), "{}", out.stderr);

    // A year no loaded plan holds, or outside the plan named: exit 2, saying why.
    let out = status_of_two_plans(&dir, &["--period", "2031"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("nanming-15th-example 2026–2030"),
        "{}",
        out.stderr
    );
    let out = status_of_two_plans(&dir, &["--plan-id", "nanming-14th-fyp", "--period", "2026"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("2021–2025"), "{}", out.stderr);

    // One department's part: the plans whose registry has it.
    let out = status_of_two_plans(&dir, &["--department", "stats", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.matches("\n---\n").count(), 1);
    let out = status_of_two_plans(&dir, &["--department", "finance", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.matches("\n---\n").count(), 0);
    assert!(
        out.stdout.starts_with("# Final evaluation 2021–2025"),
        "{}",
        out.stdout
    );
}

/// Two loaded plans whose periods overlap (the generator's synthetic districts
/// beside the built-in plan, both 2021–2025): `--period 2023` shows each plan
/// that has reports, rather than refusing the year as ambiguous.
#[test]
fn a_period_held_by_two_plans_shows_each_plan_with_reports() {
    // Its register must lie inside the repository: a folder under target/.
    std::fs::create_dir_all("target").unwrap();
    let dir = tempfile::tempdir_in("target").unwrap();
    let opts = crate::repo::Options {
        reports: 200,
        findings: 0.0,
        seed: 1,
    };
    crate::repo::write(dir.path(), &opts).unwrap();
    let plan = dir.path().join("plan");
    let root = dir.path().join("progress");
    let out = crate::common::plan_lint(&[
        "--plan",
        plan.to_str().unwrap(),
        "status",
        "--data-root",
        root.to_str().unwrap(),
        "--period",
        "2023",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let titles = (out.stdout.lines())
        .filter(|l| l.starts_with("# Plan status 2023"))
        .count();
    assert_eq!(titles, 2, "{}", out.stdout);
}

/// A responsibility held for part of the period (`from`/`until`, trust.md
/// version 3): the department holds the indicator in exactly those periods,
/// the catalog's department in the others; a department the registry does
/// not have holds nothing.
#[test]
fn a_tenure_holds_from_its_first_to_its_last_period_and_only_for_a_known_department() {
    use plan_lint::model::plan::{CatalogEntity, Plan};
    let mut plan = Plan::builtin().unwrap();
    let i14 = plan.indicator_position("I14").unwrap();
    let own = plan.indicators[i14].department.clone();
    assert!(plan.assign_for(
        CatalogEntity::Indicator,
        "I14",
        "natural-resources",
        Some(2022),
        Some(2023)
    ));
    let held: Vec<&str> = (2021..=2025)
        .map(|y| plan.indicator_department_in(i14, y))
        .collect();
    assert_eq!(
        held,
        [
            own.as_str(),
            "natural-resources",
            "natural-resources",
            own.as_str(),
            own.as_str()
        ]
    );
    assert!(!plan.assign_for(
        CatalogEntity::Indicator,
        "I14",
        "no-such-office",
        Some(2024),
        None
    ));
    // Nothing recorded for it: the catalog's department holds 2024 and 2025.
    assert_eq!(plan.indicator_department_in(i14, 2024), own);
    assert_eq!(plan.indicator_department_in(i14, 2025), own);
    // A project's tenure the same way; the department's responsibilities
    // follow it (the coverage rules ask them).
    let p = 0;
    let (id, catalog) = (
        plan.projects[p].id.clone(),
        plan.projects[p].department.clone(),
    );
    assert!(plan.assign_for(
        CatalogEntity::Project,
        &id,
        "natural-resources",
        Some(2023),
        None
    ));
    assert_eq!(plan.project_department_in(p, 2022), catalog);
    assert_eq!(plan.project_department_in(p, 2023), "natural-resources");
    assert!(plan
        .responsibilities_in("natural-resources", 2023)
        .1
        .contains(&p));
    assert!(!plan.responsibilities_in(&catalog, 2023).1.contains(&p));
    assert!(plan.responsibilities_in(&catalog, 2022).1.contains(&p));
}

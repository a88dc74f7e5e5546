//! The engine is plan-agnostic: a second plan (fixtures/next-plan, a small
//! fictional next plan) loaded with --plan beside the built-in one; each
//! report is judged by the plan it names, and only reports of the same plan
//! are each other's history.

mod common;

use common::{codes, diagnostic, json};
use plan_lint::cli::{run, Env, Output};

/// plan-lint with the second plan loaded beside the built-in one.
fn plan_lint(args: &[&str]) -> Output {
    let mut full = vec!["--plan", "fixtures/next-plan"];
    full.extend_from_slice(args);
    common::plan_lint(&full)
}

const ROOT: &str = "fixtures/two-plans/progress";

/// `check --format json` of a draft outside the two-plan data root, on `today`.
fn check_draft(draft: &std::path::Path, today: &str) -> Output {
    plan_lint(&[
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
    assert_eq!(d["file"], "fixtures/two-plans/progress/2026/env.yaml");
}

#[test]
fn history_and_periods_come_from_the_report_s_own_plan() {
    let dir = tempfile::tempdir().unwrap();
    // A 2027 draft of the next plan: N01 fell from 98.2 (2026) to 98.1.
    let draft = dir.path().join("env.yaml");
    std::fs::write(
        &draft,
        "version: 1\nplan: nanming-15th-example\ndepartment: env\nperiod: 2027\nsubmitted: 2028-01-10\nindicators:\n  - {id: N01, value: 98.1}\nprojects:\n  - {id: Q0101, status: under_construction, progress: 30}\n",
    )
    .unwrap();
    let out = check_draft(&draft, "2028-02-01");
    assert_eq!(out.code, 1, "{}", out.stdout);
    let v = json(&out);
    let d = diagnostic(&v, "PL201");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("fell from 98.2% in 2026 to 98.1% in 2027"),
        "{d}"
    );
    assert_eq!(
        d["related"][0]["file"],
        "fixtures/two-plans/progress/2026/env.yaml"
    );

    // The next plan's years bound its periods; the built-in plan's reports do not serve as its history.
    std::fs::write(
        &draft,
        "version: 1\nplan: nanming-15th-example\ndepartment: env\nperiod: 2031\nsubmitted: 2032-01-10\nindicators:\n  - {id: N01, value: 99}\nprojects:\n  - {id: Q0101, status: completed, progress: 100, completed: 2031-06-30, evidence: [验收报告]}\n",
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
    let draft = dir.path().join("env.yaml");
    let body = "version: 1\nplan: nanming-15th-example\ndepartment: env\nperiod: 2027\nsubmitted: 2028-01-10\nindicators:\n  - {id: N01, value: 98.1}\nprojects:\n  - {id: Q0101, status: under_construction, progress: 30}\nsuppressions:\n  - {rule: PL201, target: N01, reason: 监测点位调整, approved_by: 区规划办公室}\n";
    std::fs::write(&draft, body).unwrap();
    let out = check_draft(&draft, "2028-02-01");
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(codes(&json(&out)).contains(&"PL501"), "{}", out.stdout);

    // The register must lie inside the repository: a folder under target/.
    std::fs::create_dir_all("target").unwrap();
    let register = tempfile::tempdir_in("target").unwrap();
    let decision = "version: 1\ndecisions:\n  - {id: D2028-001, kind: suppression, plan: nanming-15th-example, department: env, period: 2027, rule: PL201, target: N01, value: 98.1, reason: 监测点位调整, approved_by: APPROVER, date: 2028-01-20}\n";
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
    // The built-in plan's approver is not the next plan's.
    let file = register.path().join("2028.yaml");
    std::fs::write(&file, decision.replace("APPROVER", "区发展和改革局")).unwrap();
    let out = check_with_register();
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("PL004"), "{}", out.stderr);
    std::fs::write(&file, decision.replace("APPROVER", "区规划办公室")).unwrap();
    let out = check_with_register();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let v = json(&out);
    assert_eq!(v["summary"]["suppressed"], 1);
    assert_eq!(diagnostic(&v, "PL201")["decision"], "D2028-001");
}

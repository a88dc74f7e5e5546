//! Every rule fixture case under fixtures/rules/ must produce exactly the
//! findings its case.yaml expects, and the diagnostics of each failing case
//! are snapshotted in human and JSON form.

use plan_lint::check::Outcome;
use plan_lint::fixture_test::{find_cases, run_case};
use plan_lint::report_fmt::{human, json, RunInfo};
use std::path::Path;

#[test]
fn every_rule_fixture_case_holds() {
    let cases = find_cases(Path::new("fixtures/rules"));
    assert!(cases.len() >= 2, "no rule fixture cases found");
    let mut failures = Vec::new();
    for dir in &cases {
        let r = run_case(dir);
        if !r.failures.is_empty() {
            failures.push(format!("{}:\n  {}", r.name, r.failures.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn failing_cases_snapshot_their_diagnostics() {
    for dir in find_cases(Path::new("fixtures/rules")) {
        let r = run_case(&dir);
        if r.diagnostics.is_empty() {
            continue;
        }
        let name = r
            .name
            .trim_start_matches("fixtures/rules/")
            .replace('/', "__");
        let outcome = Outcome {
            diagnostics: r.diagnostics.clone(),
            ..Outcome::default()
        };
        let info = RunInfo {
            outcome: &outcome,
            plans: Vec::new(),
        };
        insta::assert_snapshot!(
            format!("{name}__human"),
            human::render_diagnostics(&r.diagnostics, false)
        );
        insta::assert_snapshot!(format!("{name}__json"), json::render(&info));
    }
}

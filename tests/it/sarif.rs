//! The SARIF of failing fixtures validates against the official SARIF 2.1.0
//! schema (vendored in tests/data from the OASIS sarif-spec repository).

use plan_lint::cli::{run, Env};

fn sarif(args: &[&str]) -> serde_json::Value {
    let mut full = vec![
        "plan-lint",
        "check",
        "--format",
        "sarif",
        "--today",
        "2026-01-01",
    ];
    full.extend_from_slice(args);
    let out = run(full, Env::default());
    assert!(out.code <= 1, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for root in [
        "fixtures/rules/PL201/fail/progress",
        "fixtures/example/progress",
        "fixtures/rules/PL501/pass/progress",
        "fixtures",
    ] {
        let doc = sarif(&["--data-root", root]);
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{root}: {errors:?}");
    }
}

#[test]
fn sarif_carries_rules_regions_related_locations_and_fingerprints() {
    let doc = sarif(&["--data-root", "fixtures/rules/PL201/fail/progress"]);
    let run = &doc["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), plan_lint::engine::rules::registry::CODES.len());
    assert!(rules
        .iter()
        .all(|r| r["help"]["text"].as_str().is_some_and(|t| !t.is_empty())));
    let r = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "PL201")
        .unwrap();
    assert_eq!(r["ruleId"], "PL201");
    assert_eq!(
        rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "PL201"
    );
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(8), Some(12))
    );
    assert_eq!(
        (region["endLine"].as_u64(), region["endColumn"].as_u64()),
        (Some(8), Some(16))
    );
    assert_eq!(
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/rules/PL201/fail/progress/2022/eco-env.yaml"
    );
    assert!(r["partialFingerprints"]["planLint/v1"]
        .as_str()
        .is_some_and(|f| f.len() == 32));
}

/// A finding the plan office's register suppressed is an external
/// suppression (recorded outside the report), justified by its decision.
#[test]
fn a_decision_is_an_external_suppression() {
    let doc = sarif(&["--data-root", "fixtures/rules/PL501/pass/progress"]);
    let r = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "PL201")
        .unwrap()
        .clone();
    let s = &r["suppressions"][0];
    assert_eq!(s["kind"], "external");
    assert_eq!(s["status"], "accepted");
    assert_eq!(s["properties"]["decision"], "D2024-001");
    assert!(s["justification"]
        .as_str()
        .unwrap()
        .starts_with("D2024-001: 2023年受区域性沙尘天气影响"));
}

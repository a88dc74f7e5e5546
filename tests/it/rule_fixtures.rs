//! Every rule fixture case under fixtures/rules/ must produce exactly the
//! findings its case.yaml expects, and the diagnostics of each failing case
//! are snapshotted in human form in English and in Chinese, and in JSON form
//! (whose Chinese form differs only in its texts).

use plan_lint::commands::fixture_test::{find_cases, run_case};
use plan_lint::diagnostics::messages::Lang;
use plan_lint::engine::check::Outcome;
use plan_lint::output::findings::{human, json, RunInfo};
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
            base: None,
        };
        // A pull-request case's texts name its throwaway repository and commit.
        let stable = |mut text: String| {
            for (from, to) in &r.renames {
                text = text.replace(from.as_str(), to);
            }
            text
        };
        insta::assert_snapshot!(
            format!("{name}__human"),
            stable(human::render_diagnostics(&r.diagnostics, Lang::En, false))
        );
        insta::assert_snapshot!(
            format!("{name}__human_zh"),
            stable(human::render_diagnostics(&r.diagnostics, Lang::Zh, false))
        );
        let en = stable(json::render(&info, Lang::En));
        insta::assert_snapshot!(format!("{name}__json"), en);
        // In Chinese only the texts differ: codes, places, fingerprints do not.
        let zh = stable(json::render(&info, Lang::Zh));
        assert_eq!(
            without_texts(serde_json::from_str(&en).unwrap()),
            without_texts(serde_json::from_str(&zh).unwrap()),
            "{name}: the Chinese JSON differs in more than its texts"
        );
        assert_ne!(en, zh, "{name}: no text was translated");
    }
}

/// A JSON document with every `message` and `help` text blanked.
fn without_texts(mut v: serde_json::Value) -> serde_json::Value {
    match &mut v {
        serde_json::Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if k == "message" || k == "help" {
                    *x = serde_json::Value::Null;
                } else {
                    *x = without_texts(x.take());
                }
            }
        }
        serde_json::Value::Array(a) => {
            for x in a.iter_mut() {
                *x = without_texts(x.take());
            }
        }
        _ => {}
    }
    v
}

/// Every code of the contract has a passing and a failing case under
/// fixtures/rules/<code>/ (the git-backed codes PL401–PL403 as pull-request
/// cases, the PL6xx codes as `plan verify` cases), and a failing case of a
/// code produces that code.
#[test]
fn every_code_has_a_passing_and_a_failing_case() {
    let mut missing = Vec::new();
    for code in plan_lint::model::code::Code::all() {
        let dir = Path::new("fixtures/rules").join(code.as_str());
        let cases = find_cases(&dir);
        let named = |kind: &str| {
            (cases.iter())
                .filter(|c| {
                    c.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(kind))
                })
                .cloned()
                .collect::<Vec<_>>()
        };
        if named("pass").is_empty() {
            missing.push(format!("{code}: no passing case"));
        }
        let failing = named("fail");
        if failing.is_empty() {
            missing.push(format!("{code}: no failing case"));
        }
        for case in failing {
            let r = run_case(&case);
            if !r.diagnostics.iter().any(|d| d.code == code) {
                missing.push(format!("{}: does not produce {code}", r.name));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

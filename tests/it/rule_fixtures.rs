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
        };
        insta::assert_snapshot!(
            format!("{name}__human"),
            human::render_diagnostics(&r.diagnostics, Lang::En, false)
        );
        insta::assert_snapshot!(
            format!("{name}__human_zh"),
            human::render_diagnostics(&r.diagnostics, Lang::Zh, false)
        );
        let en = json::render(&info, Lang::En);
        insta::assert_snapshot!(format!("{name}__json"), en);
        // In Chinese only the texts differ: codes, places, fingerprints do not.
        let zh = json::render(&info, Lang::Zh);
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

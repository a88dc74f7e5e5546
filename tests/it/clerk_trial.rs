//! Issue 31, the second clerk trial: each finding that could lose a clerk's
//! work or send them the wrong way, as a test that fails without its fix.

use crate::common::{copy_dir, json, plan_lint};
use std::path::{Path, PathBuf};

/// The example's reports in a temporary data root.
fn example_root() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    copy_dir(Path::new("fixtures/example/progress"), &root);
    (dir, root)
}

/// eco-env's 2023 report filed again for 2024 with every `investment` and
/// `started` left out, as the version-2 skeleton had it.
fn dropped_2024(root: &Path) -> PathBuf {
    let last = std::fs::read_to_string(root.join("2023/eco-env.yaml")).unwrap();
    let mut kept = Vec::new();
    let mut in_investment = false;
    for line in last.lines() {
        let t = line.trim_start();
        if in_investment && (t.starts_with("planned_total") || t.starts_with("completed_to_date")) {
            continue;
        }
        in_investment = t.starts_with("investment:");
        if in_investment || t.starts_with("started:") {
            continue;
        }
        kept.push(
            line.replace("period: 2023", "period: 2024")
                .replace("submitted: 2024-01-19", "submitted: 2025-01-10"),
        );
    }
    let path = root.join("2024/eco-env.yaml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_dropped_investment_is_pl307_and_status_shows_it_unreported_never_zero() {
    let (_dir, root) = example_root();
    let report = dropped_2024(&root);
    let r = root.to_str().unwrap();
    let check = plan_lint(&[
        "check",
        "--data-root",
        r,
        "--today",
        "2025-02-01",
        "--format",
        "json",
        report.to_str().unwrap(),
    ]);
    let v = json(&check);
    let pl307: Vec<&serde_json::Value> = (v["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["code"] == "PL307")
        .collect();
    // Every project of the 2023 report gave investment and a start date.
    assert!(pl307.len() >= 4, "{:#?}", v["diagnostics"]);
    assert!(pl307.iter().all(|d| d["severity"] == "warning"));
    let p1113 = pl307.iter().find(|d| d["target"] == "P1113").unwrap();
    let help = p1113["help"].as_str().unwrap();
    assert!(help.contains("investment.planned_total: 1.35"), "{help}");
    assert!(help.contains("started: 2021-05-10"), "{help}");

    let status = plan_lint(&[
        "status",
        "--data-root",
        r,
        "--period",
        "2024",
        "--format",
        "json",
    ]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    let s: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(plan_lint::load::schema::STATUS).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&s).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let row = (s["projects"]["list"].as_array().unwrap().iter())
        .find(|p| p["id"] == "P1113")
        .unwrap();
    assert_eq!(row["investment_unreported"], true, "{row}");
    let column = (s["projects"]["by_column"].as_array().unwrap().iter())
        .find(|c| c["column"] == "专栏5-2")
        .unwrap();
    assert!(
        column["investment_unreported"].as_u64().unwrap() >= 4,
        "{column}"
    );
    // The Markdown shows 未报 where version 2 showed 0.
    let md = plan_lint(&[
        "status",
        "--data-root",
        r,
        "--period",
        "2024",
        "--lang",
        "zh",
    ]);
    let line = (md.stdout.lines())
        .find(|l| l.contains("专栏5-2") && l.matches('|').count() > 10)
        .unwrap();
    assert!(line.contains("未报"), "{line}");
    assert!(!line.trim_end_matches(" |").ends_with("| 0"), "{line}");
}

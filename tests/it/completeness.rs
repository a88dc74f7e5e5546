//! Completeness of the text-target and column-project catalog, by the code the plan office
//! runs (`plan-lint plan verify`, src/plan/verify/completeness.rs): for every
//! `rules/*/plan.yaml` with a `provenance/catalog-accounting.yaml`, every candidate target
//! sentence and every 专栏 column item of the seed is in the catalog or accounted for, and every
//! record of the accounting file holds (no PL603, no PL604); the scan ran (no note that it
//! did not).

use crate::common::{codes, json, plan_lint};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn catalog_is_complete() {
    let mut plans: Vec<PathBuf> = std::fs::read_dir(root().join("rules"))
        .expect("rules/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("plan.yaml").is_file())
        .collect();
    plans.sort();
    let scanned: Vec<&PathBuf> = plans
        .iter()
        .filter(|p| p.join("provenance/catalog-accounting.yaml").is_file())
        .collect();
    assert!(
        !scanned.is_empty(),
        "no rules/*/provenance/catalog-accounting.yaml"
    );
    for dir in scanned {
        let dir = dir.to_string_lossy();
        let out = plan_lint(&["plan", "verify", &dir, "--format", "json"]);
        assert_eq!(out.code, 0, "{dir}:\n{}\n{}", out.stdout, out.stderr);
        assert!(codes(&json(&out)).is_empty(), "{}", out.stdout);
        assert!(out.stderr.is_empty(), "{dir}: {}", out.stderr);
    }
}

//! Provenance: every plan fact in `rules/` is proved against the seed text it cites, by
//! the code the plan office runs (`plan-lint plan verify`, src/plan/verify.rs): for every
//! `rules/*/plan.yaml`, the plan loads and `plan verify DIR` finds nothing.

use crate::common::{codes, json, plan_lint};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_cited_fact_is_in_the_seed() {
    let rules = root().join("rules");
    let mut plans: Vec<PathBuf> = std::fs::read_dir(&rules)
        .expect("rules/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.join("plan.yaml").is_file())
        .collect();
    plans.sort();
    assert!(!plans.is_empty(), "no rules/*/plan.yaml found");
    for dir in &plans {
        let dir = dir.to_string_lossy();
        let out = plan_lint(&["plan", "verify", &dir, "--format", "json"]);
        assert_eq!(out.code, 0, "{dir}:\n{}\n{}", out.stdout, out.stderr);
        assert!(codes(&json(&out)).is_empty(), "{}", out.stdout);
    }
}

/// The built-in plan, as the binary holds it, with the seed it ships.
#[test]
fn the_builtin_plan_is_verified_without_a_checkout() {
    let out = plan_lint(&["plan", "verify", "--format", "json"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
}

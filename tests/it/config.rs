//! plan-lint.toml: validated like a report (PL005 with a location), and what it
//! changes: data root, excludes, severity overrides, responsibilities.

use crate::common::plan_lint;
use plan_lint::cli::Output;
use std::path::Path;

fn setup(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress/2023");
    std::fs::create_dir_all(&root).unwrap();
    for d in ["drc", "hrss"] {
        std::fs::copy(
            format!("fixtures/example/progress/2023/{d}.yaml"),
            root.join(format!("{d}.yaml")),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("plan-lint.toml"), config).unwrap();
    dir
}

fn check(dir: &Path, extra: &[&str]) -> (Output, serde_json::Value) {
    let cfg = dir.join("plan-lint.toml");
    let mut args = vec![
        "--config",
        cfg.to_str().unwrap(),
        "check",
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = plan_lint(&args);
    let v = serde_json::from_str(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out, v)
}

#[test]
fn an_unknown_key_is_pl005_pointing_into_the_file_with_a_suggestion() {
    let dir = setup("data-root = \"progress\"\n");
    let (out, _) = check(dir.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("PL005"), "{}", out.stderr);
    assert!(
        out.stderr.contains("unknown key \"data-root\""),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean \"data_root\""),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("plan-lint.toml:1:1"), "{}", out.stderr);
}

#[test]
fn invalid_toml_and_fixed_or_unsuppressible_overrides_are_pl005() {
    for (config, expect) in [
        ("data_root = \n", "invalid TOML"),
        ("[severity]\nPL101 = \"warning\"\n", "fixed in plan-lint"),
        ("[severity]\nPL207 = \"warning\"\n", "non-suppressible"),
        (
            "[responsibilities.nobody]\nindicators = [\"I01\"]\n",
            "department \"nobody\"",
        ),
        (
            "[responsibilities.stats]\nindicators = [\"I99\"]\n",
            "indicator \"I99\"",
        ),
    ] {
        let dir = setup(config);
        let (out, _) = check(dir.path(), &[]);
        assert_eq!(out.code, 2, "{config}");
        assert!(out.stderr.contains(expect), "{config}: {}", out.stderr);
    }
}

#[test]
fn data_root_is_relative_to_the_config_and_excludes_apply() {
    let dir = setup("data_root = \"progress\"\nexclude = [\"progress/2023/hrss.yaml\"]\n");
    let (out, v) = check(dir.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(v["summary"]["files"], 1, "hrss is excluded");
}

#[test]
fn an_excluded_folder_of_the_data_root_is_not_walked() {
    // A folder of drafts beside the years: its report-like file is PL108
    // (outside its place) unless the folder is excluded, and then nothing
    // under it is looked at.
    let drafts = |dir: &Path| {
        let at = dir.join("progress/drafts");
        std::fs::create_dir_all(&at).unwrap();
        std::fs::copy(
            "fixtures/example/progress/2023/drc.yaml",
            at.join("drc.yaml"),
        )
        .unwrap();
    };
    let pl108 = |v: &serde_json::Value| {
        (v["diagnostics"].as_array().unwrap().iter())
            .filter(|d| d["code"] == "PL108")
            .map(|d| d["file"].as_str().unwrap_or_default().to_string())
            .collect::<Vec<_>>()
    };
    let dir = setup("data_root = \"progress\"\n");
    drafts(dir.path());
    let (out, v) = check(dir.path(), &[]);
    assert!(
        pl108(&v)
            .iter()
            .any(|p| p.ends_with("progress/drafts/drc.yaml")),
        "{}",
        out.stdout
    );
    let dir = setup("data_root = \"progress\"\nexclude = [\"progress/drafts\"]\n");
    drafts(dir.path());
    let (out, v) = check(dir.path(), &[]);
    assert_eq!(pl108(&v), Vec::<String>::new(), "{}", out.stdout);
}

#[test]
fn severity_overrides_and_responsibilities_change_findings() {
    // stats takes I01 from drc: drc's report of I01 becomes PL105, and the
    // trajectory warning of a suppressible rule becomes an error.
    let dir = setup("data_root = \"progress\"\n[severity]\nPL203 = \"error\"\n[responsibilities.stats]\nindicators = [\"I01\"]\n");
    let drc = dir.path().join("progress/2023/drc.yaml");
    let text = std::fs::read_to_string(&drc).unwrap();
    std::fs::write(&drc, text.replace("value: 96.9", "value: 95.9")).unwrap();
    let (out, v) = check(dir.path(), &[]);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "PL105" && d["target"] == "I01"),
        "{}",
        out.stdout
    );
    let pl203 = diags
        .iter()
        .find(|d| d["code"] == "PL203")
        .expect("I06 behind its path");
    assert_eq!(pl203["severity"], "error");
    assert_eq!(out.code, 1);
}

#[test]
fn the_config_is_found_upwards_from_the_current_directory() {
    let found = plan_lint::load::config::find(Path::new("fixtures/example/progress/2023"));
    // The repository has no plan-lint.toml; a temporary tree does.
    assert!(found.is_none() || found.unwrap().ends_with("plan-lint.toml"));
    let dir = setup("data_root = \"progress\"\n");
    let deep = dir.path().join("progress/2023");
    assert_eq!(
        plan_lint::load::config::find(&deep).unwrap(),
        dir.path().join("plan-lint.toml")
    );
}

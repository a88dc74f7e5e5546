//! `check --base REV` on throwaway git repositories: history integrity
//! (PL401, PL402), what is linted, and new versus pre-existing findings.
//! Runs the binary in the repository, as CI does.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=clerk",
            "-c",
            "user.email=clerk@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A data repository holding the example reports, committed on `main`, with a branch `pr` checked out.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    for entry in walk(Path::new("fixtures/example/progress")) {
        let rel = entry.strip_prefix("fixtures/example").unwrap();
        let dest = root.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, dest).unwrap();
    }
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "accepted reports"]);
    git(root, &["checkout", "-q", "-b", "pr"]);
    dir
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn plan_lint(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["check", "--today", "2026-01-01", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn codes(v: &serde_json::Value) -> Vec<(String, String, String)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["baseline_state"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_rewritten_accepted_report_fails_until_it_carries_a_revision() {
    let repo = repo();
    let root = repo.path();
    let path = root.join("progress/2022/eco-env.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value: 97.5", "value: 97.4")).unwrap();
    git(root, &["commit", "-qam", "correct I14 for 2022"]);

    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "{err}");
    let c = codes(&v);
    assert!(
        c.contains(&(
            "PL401".into(),
            "progress/2022/eco-env.yaml".into(),
            "new".into()
        )),
        "{c:?}"
    );
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "PL401")
        .unwrap();
    assert_eq!(d["line"], 7, "points at the changed `indicators` entry");
    assert!(d["related"][0]["file"]
        .as_str()
        .unwrap()
        .starts_with("progress/2022/eco-env.yaml@"));
    // The changed report and the later reports of the same department are linted; nothing else.
    assert_eq!(v["summary"]["files"], 2, "2022 and 2023 eco-env");

    let revised = std::fs::read_to_string(&path).unwrap()
        + "revision:\n  reason: 监测站数据复核修订\n  approved_by: 区发展和改革局\n";
    std::fs::write(&path, revised).unwrap();
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 0, "{err} {v}");
    assert!(!codes(&v).iter().any(|c| c.0 == "PL401"));
}

#[test]
fn comments_and_formatting_are_not_a_rewrite() {
    let repo = repo();
    let root = repo.path();
    let path = root.join("progress/2022/hrss.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!(
            "# 复核无误\n{}",
            text.replace("value: 8.1", "value:   8.10")
        ),
    )
    .unwrap();
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 0, "{err} {v}");
}

#[test]
fn a_deleted_report_is_pl402_without_a_line_and_a_kept_rename_is_not() {
    let repo = repo();
    let root = repo.path();
    git(root, &["rm", "-q", "progress/2021/drc.yaml"]);
    git(
        root,
        &[
            "mv",
            "progress/2021/health.yaml",
            "progress/2021/health-renamed.yaml",
        ],
    );
    git(root, &["commit", "-qm", "remove and rename"]);
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1);
    let d: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "PL402")
        .collect();
    assert_eq!(d.len(), 1, "{v}");
    assert_eq!(d[0]["file"], "progress/2021/drc.yaml");
    assert!(d[0]["line"].is_null());
    // The renamed file keeps department and period: only the path warning remains.
    assert!(codes(&v)
        .iter()
        .any(|c| c.0 == "PL108" && c.1 == "progress/2021/health-renamed.yaml"));
}

#[test]
fn pre_existing_findings_are_unchanged_and_fail_on_new_ignores_them() {
    let repo = repo();
    let root = repo.path();
    // A finding that is already on main: I23 above its ceiling in 2023 (a warning) and
    // an implausible value (an error) in 2023 hrss.
    let path = root.join("progress/2023/hrss.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value: 4.4", "value: 440")).unwrap();
    git(root, &["checkout", "-q", "main"]);
    git(root, &["commit", "-qam", "accepted with a finding"]);
    git(root, &["checkout", "-q", "-B", "pr"]);
    // The pull request adds an unrelated new report.
    std::fs::create_dir_all(root.join("progress/2024")).unwrap();
    let health = std::fs::read_to_string(root.join("progress/2023/health.yaml")).unwrap();
    std::fs::write(
        root.join("progress/2024/health.yaml"),
        health
            .replace("period: 2023", "period: 2024")
            .replace("submitted: 2024-01-19", "submitted: 2025-01-20"),
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "2024 health"]);
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    let c = codes(&v);
    assert!(
        c.iter().all(|(_, f, _)| f == "progress/2024/health.yaml"),
        "only the new report is linted: {c:?}"
    );
    assert_eq!(code, 0, "{v}");

    // Touch the accepted 2023 hrss report (with a revision): its old finding is unchanged, not new.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{text}revision:\n  reason: 来源补充\n  approved_by: 区发展和改革局\n"),
    )
    .unwrap();
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    let c = codes(&v);
    assert!(
        c.contains(&(
            "PL207".into(),
            "progress/2023/hrss.yaml".into(),
            "unchanged".into()
        )),
        "{c:?}"
    );
    assert_eq!(
        code, 1,
        "--fail-on all (the default) fails on the pre-existing error"
    );
    let (code, v, _) = plan_lint(root, &["--base", "main", "--fail-on", "new"]);
    assert_eq!(code, 0, "--fail-on new ignores it: {:?}", codes(&v));
}

#[test]
fn the_base_configuration_judges_a_pull_request_that_changes_it() {
    let repo = repo();
    let root = repo.path();
    std::fs::write(root.join("plan-lint.toml"), "data_root = \"progress\"\n").unwrap();
    git(root, &["checkout", "-q", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "configuration"]);
    git(root, &["checkout", "-q", "-B", "pr"]);
    // The pull request lowers 2023's air quality and excludes 2023 from checking.
    let path = root.join("progress/2023/eco-env.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value: 97.6", "value: 96.0")).unwrap();
    std::fs::write(
        root.join("plan-lint.toml"),
        "data_root = \"progress\"\nexclude = [\"progress/2023/**\"]\n",
    )
    .unwrap();
    git(root, &["commit", "-qam", "lower and hide"]);

    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "{err}");
    let c = codes(&v);
    assert!(
        c.iter()
            .any(|x| x.0 == "PL201" && x.1 == "progress/2023/eco-env.yaml"),
        "{c:?}"
    );
    assert!(
        c.iter().any(|x| x.0 == "PL403" && x.1 == "plan-lint.toml"),
        "{c:?}"
    );
    // Without --base the working copy's configuration applies (and hides the file).
    let (code, _, _) = plan_lint(root, &[]);
    assert_eq!(code, 0);
}

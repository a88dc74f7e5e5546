//! `check --base REV` on throwaway git repositories: history integrity
//! (PL401, PL402), what is linted, and new versus pre-existing findings.
//! Runs the binary in the repository, as CI does.

use crate::common;
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

/// A data repository holding the example reports and the plan office's
/// register, committed on `main`, with a branch `pr` checked out.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    for entry in common::walk(Path::new("fixtures/example")) {
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

/// `base = "main"` committed on `main` (with what `on_main` changes there)
/// and merged into the branch `pr`, as a data repository configures it.
fn configure_base(root: &Path, on_main: impl FnOnce()) {
    std::fs::write(root.join("plan-lint.toml"), "base = \"main\"\n").unwrap();
    git(root, &["checkout", "-q", "main"]);
    on_main();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "configuration"]);
    git(root, &["checkout", "-q", "pr"]);
    git(root, &["merge", "-q", "main"]);
}

/// Whether a finding of `code` in `file` (with no baseline state) is among `c`.
fn has(c: &[(String, String, String)], code: &str, file: &str) -> bool {
    c.contains(&(code.into(), file.into(), "".into()))
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

/// The whole flow of trust.md: a department's pull request rewrites an
/// accepted figure and is blocked; its own `revision` block grants nothing;
/// the plan office merges a revision decision; the department updates its
/// branch and the same pull request passes.
#[test]
fn a_rewritten_accepted_report_fails_until_the_office_s_revision_decision_is_merged() {
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
    assert_eq!(d["line"], 8, "points at the changed I14 entry");
    assert!(d["message"].as_str().unwrap().contains("\"I14\""), "{d}");
    assert!(d["related"][0]["file"]
        .as_str()
        .unwrap()
        .starts_with("progress/2022/eco-env.yaml@"));
    // The changed report and the later reports of the same department are linted; nothing else.
    assert_eq!(v["summary"]["files"], 2, "2022 and 2023 eco-env");

    // The report's own revision block, approved_by and all, grants nothing.
    let revised = std::fs::read_to_string(&path).unwrap()
        + "revision:\n  reason: 监测站数据复核修订\n  approved_by: 区发展和改革局\n";
    std::fs::write(&path, &revised).unwrap();
    git(root, &["commit", "-qam", "say why"]);
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "{err} {v}");
    assert!(codes(&v).iter().any(|c| c.0 == "PL401"));

    // The plan office merges its decision on main, in version 2's form
    // (the entry without its figure): it loads, grants nothing, and says so.
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(
        root.join("decisions/2025-revisions.yaml"),
        "version: 1\ndecisions:\n  - {id: V2025-001, kind: revision, department: eco-env, period: 2022, targets: [I14], reason: 监测站数据复核修订, approved_by: 区发展和改革局, date: 2025-02-10}\n",
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "revision decision V2025-001"]);
    git(root, &["checkout", "-q", "pr"]);
    git(root, &["merge", "-q", "--no-edit", "main"]);
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "{err} {v}");
    let c = codes(&v);
    assert!(c.iter().any(|c| c.0 == "PL401"), "{c:?}");
    let outdated: Vec<_> = (v["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["code"] == "PL006")
        .collect();
    assert_eq!(
        outdated.len(),
        1,
        "one PL006 for the one register file: {c:?}"
    );
    assert_eq!(outdated[0]["file"], "decisions/2025-revisions.yaml");
    assert_eq!(outdated[0]["severity"], "warning");
    assert!(
        (outdated[0]["help"].as_str().unwrap()).contains("{target: I14, value: <figure>}"),
        "{}",
        outdated[0]
    );

    // The office writes the figure it approves: 97.4.
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(
        root.join("decisions/2025-revisions.yaml"),
        "version: 1\ndecisions:\n  - {id: V2025-001, kind: revision, department: eco-env, period: 2022, entries: [{target: I14, value: 97.4}], reason: 监测站数据复核修订, approved_by: 区发展和改革局, date: 2025-02-10}\n",
    )
    .unwrap();
    git(
        root,
        &[
            "commit",
            "-qam",
            "revision decision V2025-001 names its figure",
        ],
    );
    git(root, &["checkout", "-q", "pr"]);
    // Re-running the old check is not enough: its merge-base is the old main.
    let (code, _, _) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1);
    // The department updates its branch: the merge-base now holds the decision.
    git(root, &["merge", "-q", "--no-edit", "main"]);
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 0, "{err} {v}");
    let c = codes(&v);
    assert!(!c.iter().any(|c| c.0 == "PL401" || c.0 == "PL006"), "{c:?}");

    // The decision approves 97.4, not an entry: 97.2 there is PL401 naming 97.4.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value: 97.4", "value: 97.2")).unwrap();
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1);
    let d = (v["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "PL401")
        .unwrap();
    let (message, help) = (d["message"].as_str().unwrap(), d["help"].as_str().unwrap());
    assert!(
        message.contains("\"97.4\"") && message.contains("\"97.2\""),
        "{d}"
    );
    assert!(help.contains("\"97.4\""), "{d}");
    // Written another way, the approved figure is the approved figure.
    std::fs::write(&path, text.replace("value: 97.4", "value: 97.40")).unwrap();
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 0, "{err} {v}");
    std::fs::write(&path, &text).unwrap();

    // The decision allows I14 only: another accepted figure is still PL401.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value: 41.78", "value: 41.9")).unwrap();
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1);
    let c: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "PL401")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].contains("\"I15\""), "{c:?}");
}

/// A pull request that adds its own register gets no exception from it:
/// the register is read at the merge-base, and the new file is PL403.
#[test]
fn a_register_added_by_the_pull_request_grants_nothing() {
    let repo = repo();
    let root = repo.path();
    std::fs::remove_dir_all(root.join("decisions")).unwrap();
    git(root, &["checkout", "-q", "main"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "no register yet"]);
    git(root, &["checkout", "-q", "-B", "pr"]);
    let path = root.join("progress/2022/eco-env.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("value: 97.5", "value: 97.4")).unwrap();
    std::fs::create_dir_all(root.join("decisions")).unwrap();
    std::fs::write(
        root.join("decisions/self.yaml"),
        "version: 1\ndecisions:\n  - {id: V1, kind: revision, department: eco-env, period: 2022, entries: [{target: I14, value: 97.4}], reason: 自行批准, approved_by: 区发展和改革局, date: 2025-02-10}\n",
    )
    .unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "approve myself"]);
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "{err} {v}");
    let c = codes(&v);
    assert!(c.iter().any(|x| x.0 == "PL401"), "{c:?}");
    assert!(
        c.iter()
            .any(|x| x.0 == "PL403" && x.1 == "decisions/self.yaml"),
        "{c:?}"
    );
    // The pull request's own register is still validated: an error in it fails the check.
    std::fs::write(
        root.join("decisions/self.yaml"),
        "version: 1\ndecisions:\n  - {id: V1, kind: revision, department: eco-env, period: 2022, entries: [{target: I14, value: 97.4}], reason: 自行批准, approved_by: 区生态环境局, date: 2025-02-10}\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["check", "--today", "2026-01-01", "--base", "main"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PL004"));
}

/// No accepted (department, period) leaves the record, whatever removes it.
#[test]
fn every_way_out_of_the_record_is_pl402() {
    type Step = fn(&Path);
    let cases: [(&str, Step); 5] = [
        ("renamed to .bak", |root| {
            std::fs::rename(
                root.join("progress/2022/eco-env.yaml"),
                root.join("progress/2022/eco-env.yaml.bak"),
            )
            .unwrap()
        }),
        ("renamed to .YAML", |root| {
            std::fs::rename(
                root.join("progress/2022/eco-env.yaml"),
                root.join("progress/2022/eco-env.YAML"),
            )
            .unwrap()
        }),
        ("period changed in place", |root| {
            let p = root.join("progress/2022/eco-env.yaml");
            let t = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, t.replace("period: 2022", "period: 2020")).unwrap()
        }),
        ("department changed in place", |root| {
            let p = root.join("progress/2022/eco-env.yaml");
            let t = std::fs::read_to_string(&p).unwrap();
            std::fs::write(&p, t.replace("department: eco-env", "department: water")).unwrap()
        }),
        (
            "the year folder replaced by a link out of the data root",
            |root| {
                let outside = root.join("elsewhere");
                std::fs::rename(root.join("progress/2022"), &outside).unwrap();
                #[cfg(unix)]
                std::os::unix::fs::symlink(&outside, root.join("progress/2022")).unwrap();
            },
        ),
    ];
    for (what, step) in cases {
        let repo = repo();
        let root = repo.path();
        step(root);
        git(root, &["add", "-A"]);
        git(root, &["commit", "-qm", what]);
        let (code, v, err) = plan_lint(root, &["--base", "main"]);
        assert_eq!(code, 1, "{what}: {err} {v}");
        let c = codes(&v);
        assert!(
            c.iter()
                .any(|x| x.0 == "PL402" && x.1 == "progress/2022/eco-env.yaml"),
            "{what}: {c:?}"
        );
    }
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

/// A deleted report is PL402 pointing at no line; a rename that leaves the
/// report's place (`<year>/<department>.yaml`) takes it out of the record
/// (trust.md version 3): PL402 too, and PL108 on the new name; a rename
/// that keeps the place (`.yaml` → `.yml`) is not a deletion.
#[test]
fn a_deleted_report_or_one_renamed_off_its_place_is_pl402_and_a_kept_rename_is_not() {
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
    git(
        root,
        &["mv", "progress/2021/hrss.yaml", "progress/2021/hrss.yml"],
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
    assert_eq!(d.len(), 2, "{v}");
    assert_eq!(d[0]["file"], "progress/2021/drc.yaml");
    assert!(d[0]["line"].is_null());
    assert_eq!(d[1]["file"], "progress/2021/health.yaml");
    assert!(codes(&v)
        .iter()
        .any(|c| c.0 == "PL108" && c.1 == "progress/2021/health-renamed.yaml"));
    assert!(
        !codes(&v)
            .iter()
            .any(|c| c.1.starts_with("progress/2021/hrss")),
        "{v}"
    );
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
    // The plan office allows the 2023 hrss report to be revised.
    std::fs::write(
        root.join("decisions/hrss.yaml"),
        "version: 1\ndecisions:\n  - {id: V2024-hrss, kind: revision, department: hrss, period: 2023, entries: [{target: I23, value: 440}], reason: 来源补充, approved_by: 区发展和改革局, date: 2024-03-01}\n",
    )
    .unwrap();
    git(root, &["add", "."]);
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
    let (code, v, err) = plan_lint(root, &["--base", "main", "--timings"]);
    let c = codes(&v);
    assert!(
        c.iter().all(|(_, f, _)| f == "progress/2024/health.yaml"),
        "only the new report is linted: {c:?}"
    );
    assert_eq!(code, 0, "{v}");
    // Only health's record is read: its four reports (the new one with them) of the sixteen.
    assert!(err.contains("reports read: 4 of 16"), "{err}");

    // Touch the accepted 2023 hrss report (the office's revision decision allows it): its old finding is unchanged, not new.
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

/// A pull request that deletes plan-lint.toml is still judged by the
/// merge-base's configuration (here: a missing project is an error), and
/// the deletion is PL403.
#[test]
fn a_pull_request_that_deletes_the_configuration_is_judged_by_the_base_s() {
    let repo = repo();
    let root = repo.path();
    std::fs::write(
        root.join("plan-lint.toml"),
        "data_root = \"progress\"\n\n[severity]\nPL306 = \"error\"\n",
    )
    .unwrap();
    git(root, &["checkout", "-q", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "configuration"]);
    git(root, &["checkout", "-q", "-B", "pr"]);
    // The pull request drops a project from its report and deletes the configuration.
    let path = root.join("progress/2023/eco-env.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("  - id: P1136").unwrap();
    std::fs::write(&path, &text[..start]).unwrap();
    git(root, &["rm", "-q", "plan-lint.toml"]);
    git(
        root,
        &["commit", "-qam", "drop a project, drop the configuration"],
    );
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "{err} {v}");
    let pl306 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "PL306")
        .expect("PL306");
    assert_eq!(pl306["severity"], "error", "{pl306}");
    let c = codes(&v);
    assert!(
        c.iter().any(|x| x.0 == "PL403" && x.1 == "plan-lint.toml"),
        "{c:?}"
    );
}

/// A `--plan` folder that is missing at the merge-base is missing: the pull
/// request's own copy is never loaded, so its reports name an unknown plan.
#[test]
fn a_plan_folder_added_by_the_pull_request_is_not_loaded() {
    let repo = repo();
    let root = repo.path();
    let next = Path::new("fixtures/next-plan");
    for f in common::walk(next) {
        let dest = root.join("plans/next").join(f.strip_prefix(next).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&f, dest).unwrap();
    }
    std::fs::create_dir_all(root.join("progress/2026")).unwrap();
    std::fs::copy(
        "fixtures/two-plans/progress/2026/eco-env.yaml",
        root.join("progress/2026/eco-env.yaml"),
    )
    .unwrap();
    git(root, &["add", "."]);
    git(
        root,
        &["commit", "-qm", "the next plan and its first report"],
    );
    let (code, v, err) = plan_lint(root, &["--plan", "plans/next", "--base", "main"]);
    assert_eq!(code, 1, "{err} {v}");
    let c = codes(&v);
    assert!(
        c.iter()
            .any(|x| x.0 == "PL003" && x.1 == "progress/2026/eco-env.yaml"),
        "{c:?}"
    );
    assert!(c.iter().any(|x| x.0 == "PL403"), "{c:?}");
    // Without --base the working tree's plan folder is loaded.
    let (code, v, err) = plan_lint(root, &["--plan", "plans/next"]);
    assert!(
        !codes(&v).iter().any(|x| x.0 == "PL003"),
        "{code} {err} {v}"
    );
}

/// A figure that arrives — `pending` replaced by its `value` in an accepted
/// report — is how figures come in, not a rewrite (trust.md); changing a
/// figure that was accepted still is.
#[test]
fn a_pending_figure_that_arrives_is_not_a_rewrite() {
    let repo = repo();
    let root = repo.path();
    let path = root.join("progress/2022/eco-env.yaml");
    let accepted = std::fs::read_to_string(&path).unwrap();
    let pending = accepted.replace(
        "    value: 15.4\n",
        "    pending: {reason: 统计年鉴尚未发布, expected_by: 2023-06-30}\n",
    );
    assert_ne!(pending, accepted);
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(&path, &pending).unwrap();
    git(root, &["commit", "-qam", "accepted with I16 pending"]);
    git(root, &["checkout", "-q", "-B", "pr"]);
    std::fs::write(&path, &accepted).unwrap();
    git(root, &["commit", "-qam", "I16 published"]);
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    assert!(!codes(&v).iter().any(|c| c.0 == "PL401"), "{err} {v}");
    assert_eq!(code, 0, "{err} {v}");
    std::fs::write(&path, accepted.replace("value: 97.5", "value: 97.9")).unwrap();
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1);
    let rewritten: Vec<_> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "PL401")
        .collect();
    assert_eq!(rewritten.len(), 1, "{v}");
    assert!(rewritten[0]["message"]
        .as_str()
        .unwrap()
        .contains("\"I14\""));
}

/// A path under the repository from its bytes (names git quotes: a newline,
/// bytes that are not UTF-8).
#[cfg(unix)]
fn bytes_path(root: &Path, rel: &[u8]) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    root.join(std::ffi::OsStr::from_bytes(rel))
}

/// Issue 28's attack on a gate that skipped names git quotes: an accepted
/// report moved into a folder whose name holds a newline or bytes that are
/// not UTF-8, then rewritten, then deleted. Each pull request stops with
/// exit 2 naming the path (escaped), never exit 0.
#[cfg(unix)]
#[test]
fn an_accepted_report_in_a_folder_git_quotes_fails_closed_moved_rewritten_or_deleted() {
    let folders: [(&[u8], &str); 2] = [
        (b"progress/2022/x\ny", "progress/2022/x\\ny/eco-env.yaml"),
        (b"progress/2022/\xff", "progress/2022/\\xff/eco-env.yaml"),
    ];
    for (folder, shown) in folders {
        // Moved there by a pull request: the working tree's side.
        let repo = repo();
        let root = repo.path();
        std::fs::create_dir_all(bytes_path(root, folder)).unwrap();
        let moved = bytes_path(root, &[folder, b"/eco-env.yaml"].concat());
        std::fs::rename(root.join("progress/2022/eco-env.yaml"), &moved).unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-qm", "move"]);
        let (code, _, err) = plan_lint(root, &["--base", "main"]);
        assert_eq!(code, 2, "moved: {err}");
        assert!(err.contains(&format!("\"{shown}\"")), "{err}");
        assert!(err.contains("in the working tree"), "{err}");

        // Accepted there (a version-2 record), then rewritten, then deleted:
        // the merge-base's side.
        git(root, &["checkout", "-q", "main"]);
        git(root, &["merge", "-q", "--ff-only", "pr"]);
        git(root, &["checkout", "-q", "pr"]);
        let text = std::fs::read_to_string(&moved).unwrap();
        std::fs::write(&moved, text.replace("value: 97.5", "value: 96.0")).unwrap();
        let (code, _, err) = plan_lint(root, &["--base", "main"]);
        assert_eq!(code, 2, "rewritten: {err}");
        assert!(err.contains(&format!("\"{shown}\"")), "{err}");
        std::fs::remove_file(&moved).unwrap();
        let (code, _, err) = plan_lint(root, &["--base", "main"]);
        assert_eq!(code, 2, "deleted: {err}");
        assert!(err.contains(&format!("\"{shown}\"")), "{err}");
        assert!(err.contains("at the merge-base"), "{err}");
    }
}

/// A new file whose name git quotes has no merge-base side to compare, yet
/// the gate does not pass over it: exit 2 naming it. A name with a leading
/// dash or a space is a name like any: the accepted report moved there and
/// rewritten is compared (PL401), not skipped.
#[cfg(unix)]
#[test]
fn awkward_names_of_new_and_moved_reports_are_never_passed_over() {
    let repo = repo();
    let root = repo.path();
    let added = bytes_path(root, b"progress/2023/new\n.yaml");
    std::fs::write(&added, "period: 2024\n").unwrap();
    let (code, _, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 2, "untracked: {err}");
    assert!(err.contains("\"progress/2023/new\\n.yaml\""), "{err}");
    git(root, &["add", "-A"]);
    let (code, _, err) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 2, "added: {err}");
    std::fs::remove_file(&added).unwrap();
    git(root, &["add", "-A"]);

    for folder in ["-x", "a b", "-a b"] {
        let dir = root.join("progress/2022").join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        let text = std::fs::read_to_string(root.join("progress/2022/eco-env.yaml")).unwrap();
        std::fs::remove_file(root.join("progress/2022/eco-env.yaml")).unwrap();
        std::fs::write(
            dir.join("eco-env.yaml"),
            text.replace("value: 97.5", "value: 96.0"),
        )
        .unwrap();
        let (code, v, err) = plan_lint(root, &["--base", "main"]);
        assert_eq!(code, 1, "{folder}: {err}");
        let c = codes(&v);
        assert!(
            c.iter().any(|x| x.0 == "PL401" || x.0 == "PL108"),
            "{folder}: {c:?}"
        );
        std::fs::rename(
            dir.join("eco-env.yaml"),
            root.join("progress/2022/eco-env.yaml"),
        )
        .unwrap();
        git(root, &["checkout", "-q", "--", "."]);
    }
}

/// A shallow checkout without the merge-base is exit 2 saying so and how to
/// fetch it; a base that was never fetched too. Never "failed:" and nothing.
#[test]
fn a_shallow_checkout_without_the_merge_base_says_so_and_how_to_fetch_it() {
    let repo = repo();
    let root = repo.path();
    git(root, &["checkout", "-q", "main"]);
    for n in ["a", "b"] {
        std::fs::write(root.join("note.txt"), n).unwrap();
        git(root, &["add", "-A"]);
        git(root, &["commit", "-qm", n]);
    }
    git(root, &["checkout", "-q", "pr"]);
    std::fs::write(root.join("pr.txt"), "pr").unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "pr"]);
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", root.display());
    git(
        clone.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            "-b",
            "pr",
            &url,
            "c",
        ],
    );
    let c = clone.path().join("c");
    let (code, _, err) = plan_lint(&c, &["--base", "origin/main"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("shallow"), "{err}");
    assert!(err.contains("fetch-depth: 0"), "{err}");
    assert!(err.contains("git fetch --unshallow"), "{err}");
    assert!(!err.trim_end().ends_with(':'), "{err}");
    let (code, _, err) = plan_lint(&c, &["--base", "origin/nowhere"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("\"origin/nowhere\" names no commit in this checkout, which is shallow"),
        "{err}"
    );
    assert!(err.contains("fetch-depth: 0"), "{err}");
}

/// The clerk's check sees what CI sees (issue 28, point 6): with `base` in
/// plan-lint.toml, `check` without `--base` compares the record with the
/// merge-base of HEAD and that branch too, and still checks every report.
#[test]
fn a_clerk_s_check_with_base_in_the_configuration_finds_an_overwritten_accepted_report() {
    let repo = repo();
    let root = repo.path();
    configure_base(root, || {});
    let (code, clean, err) = plan_lint(root, &[]);
    assert_eq!(code, 0, "{err} {clean}");
    let all_files = clean["summary"]["files"].clone();
    // The clerk saves this year's report over last year's accepted one,
    // with `period` changed back.
    let this_year = std::fs::read_to_string(root.join("progress/2023/eco-env.yaml")).unwrap();
    std::fs::write(
        root.join("progress/2022/eco-env.yaml"),
        this_year.replace("period: 2023", "period: 2022"),
    )
    .unwrap();
    let (code, v, err) = plan_lint(root, &[]);
    assert_eq!(code, 1, "{err} {v}");
    let c = codes(&v);
    assert!(has(&c, "PL401", "progress/2022/eco-env.yaml"), "{c:?}");
    // Every report is checked, as without a base; nothing is marked new.
    assert_eq!(v["summary"]["files"], all_files);
    let head = std::process::Command::new("git")
        .args(["rev-parse", "main"])
        .current_dir(root)
        .output()
        .unwrap();
    let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
    assert_eq!(v["base"]["ref"], "main", "{v}");
    assert_eq!(v["base"]["commit"], head.as_str(), "{v}");
    let schema: serde_json::Value = serde_json::from_str(plan_lint::load::schema::OUTPUT).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        err.contains(&format!(
            "history integrity checked against \"main\" at {}",
            &head[..12]
        )),
        "{err}"
    );
    // SARIF stays clean: the base is said on stderr only.
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["check", "--today", "2026-01-01", "--format", "sarif"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
    assert!(String::from_utf8_lossy(&out.stderr).contains("history integrity checked"));
    // Chinese too.
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["--lang", "zh", "check", "--today", "2026-01-01"])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("已对照“main”"),
        "{out:?}"
    );

    // --no-base turns it off.
    let (code, v, err) = plan_lint(root, &["--no-base"]);
    assert!(!codes(&v).iter().any(|c| c.0 == "PL401"), "{v}");
    assert!(v.get("base").is_none(), "{v}");
    assert!(!err.contains("history integrity"), "{err}");
    assert_ne!(code, 2);
    // --no-base and --base do not go together.
    let (code, _, _) = plan_lint(root, &["--no-base", "--base", "main"]);
    assert_eq!(code, 2);
}

/// A clerk's check of one report with `base` set compares with the
/// merge-base only its department's record, the part it read: another
/// department's changed or moved report is not this report's PL401 or
/// PL402 (it was once, looking lost from a record the check never read),
/// while its own department's rewritten, removed and new reports still are
/// found, a new one not yet added to git too.
#[test]
fn a_clerk_s_check_of_one_report_compares_only_its_department_s_record() {
    let repo = repo();
    let root = repo.path();
    std::fs::write(root.join("plan-lint.toml"), "base = \"main\"\n").unwrap();
    git(root, &["checkout", "-q", "main"]);
    git(
        root,
        &["mv", "progress/2021/hrss.yaml", "progress/2021/hrss.yml"],
    );
    git(root, &["add", "-A"]);
    git(root, &["commit", "-qm", "configuration"]);
    git(root, &["checkout", "-q", "pr"]);
    git(root, &["merge", "-q", "main"]);
    // Another department's accepted report rewritten, and one moved off its place.
    let drc = root.join("progress/2022/drc.yaml");
    let text = std::fs::read_to_string(&drc).unwrap();
    std::fs::write(&drc, text.replacen("value: 8.8", "value: 18.8", 1)).unwrap();
    git(
        root,
        &["mv", "progress/2022/health.yaml", "progress/2022/hx.yaml"],
    );
    let (code, v, err) = plan_lint(root, &["progress/2023/eco-env.yaml"]);
    assert_eq!(code, 0, "{err} {v}");
    assert_eq!(codes(&v), vec![], "{v}");
    // A file named off its place is judged with the record of the
    // department it names inside, which git is asked about once it is read.
    let (_, v, _) = plan_lint(root, &["progress/2022/hx.yaml"]);
    let c = codes(&v);
    assert!(has(&c, "PL402", "progress/2022/health.yaml"), "{c:?}");
    assert!(!c.iter().any(|x| x.1.contains("drc")), "{c:?}");
    // The whole record's check finds both.
    let (_, v, _) = plan_lint(root, &[]);
    let c = codes(&v);
    for (code, file) in [
        ("PL401", "progress/2022/drc.yaml"),
        ("PL402", "progress/2022/health.yaml"),
    ] {
        assert!(has(&c, code, file), "{c:?}");
    }
    // Its own department's: the year before last removed is found by a
    // check of this year's report, a rewrite of last year's by a check of
    // that report; a new report, not yet added to git, is no rewrite.
    let eco = root.join("progress/2022/eco-env.yaml");
    let text = std::fs::read_to_string(&eco).unwrap();
    std::fs::write(&eco, text.replacen("value: ", "value: 1", 1)).unwrap();
    std::fs::remove_file(root.join("progress/2021/eco-env.yaml")).unwrap();
    let next = std::fs::read_to_string(root.join("progress/2023/eco-env.yaml")).unwrap();
    std::fs::create_dir_all(root.join("progress/2024")).unwrap();
    std::fs::write(
        root.join("progress/2024/eco-env.yaml"),
        next.replace("period: 2023", "period: 2024"),
    )
    .unwrap();
    let (code, v, err) = plan_lint(root, &["progress/2023/eco-env.yaml"]);
    assert_eq!(code, 1, "{err} {v}");
    let c = codes(&v);
    assert!(
        c.contains(&(
            "PL402".into(),
            "progress/2021/eco-env.yaml".into(),
            "".into()
        )),
        "{c:?}"
    );
    assert!(
        !c.iter()
            .any(|x| x.1.contains("drc") || x.1.contains("health")),
        "{c:?}"
    );
    let (_, v, _) = plan_lint(
        root,
        &["progress/2022/eco-env.yaml", "progress/2024/eco-env.yaml"],
    );
    let c = codes(&v);
    assert!(
        c.contains(&(
            "PL401".into(),
            "progress/2022/eco-env.yaml".into(),
            "".into()
        )),
        "{c:?}"
    );
    let new_report = |x: &(String, String, String)| x.1 == "progress/2024/eco-env.yaml";
    assert!(
        !c.iter().any(|x| new_report(x) && x.0.starts_with("PL40")),
        "{c:?}"
    );
    assert!(
        !c.iter()
            .any(|x| x.1.contains("drc") || x.1.contains("health")),
        "{c:?}"
    );
    // An accepted report removed from git and written again, changed, at its
    // other name, not yet added: git's untracked file is asked for, and the
    // accepted report it stands for is compared with it.
    git(root, &["rm", "-q", "progress/2021/hrss.yml"]);
    let hrss = std::fs::read_to_string(root.join("progress/2022/hrss.yaml")).unwrap();
    let hrss = hrss.replace("period: 2022", "period: 2021");
    std::fs::write(root.join("progress/2021/hrss.yaml"), hrss).unwrap();
    let (_, v, _) = plan_lint(root, &["progress/2021/hrss.yaml"]);
    let c = codes(&v);
    assert!(has(&c, "PL401", "progress/2021/hrss.yaml"), "{c:?}");
}

/// A clerk's one-report check fails closed as the whole record's does: a
/// changed file at its department's place pattern whose folder git names
/// in bytes plan-lint cannot represent stops the check (exit 2, the name
/// escaped), never passed over because its department cannot be read.
#[test]
fn a_clerk_s_check_of_one_report_fails_closed_on_a_name_it_cannot_represent() {
    let repo = repo();
    let root = repo.path();
    let odd = bytes_path(root, b"progress/\xff/eco-env.yaml");
    configure_base(root, || {
        std::fs::create_dir_all(odd.parent().unwrap()).unwrap();
        std::fs::copy(root.join("progress/2022/eco-env.yaml"), &odd).unwrap();
    });
    let text = std::fs::read_to_string(&odd).unwrap();
    std::fs::write(&odd, text.replace("value: 97.5", "value: 96.0")).unwrap();
    let (code, _, err) = plan_lint(root, &["progress/2023/eco-env.yaml"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"progress/\\xff/eco-env.yaml\""), "{err}");
}

/// A base that is not there — a branch never fetched, a folder that is no
/// git checkout — is a note saying history integrity was not checked, and
/// the run exits by its findings only.
#[test]
fn a_missing_base_is_a_note_never_exit_2() {
    let repo = repo();
    let root = repo.path();
    std::fs::write(root.join("plan-lint.toml"), "base = \"origin/main\"\n").unwrap();
    let (code, v, err) = plan_lint(root, &[]);
    assert_eq!(code, 0, "{err} {v}");
    assert!(
        err.contains("note: history integrity was not checked against \"origin/main\""),
        "{err}"
    );
    assert!(err.contains("\"origin/main\" names no commit"), "{err}");
    assert!(v.get("base").is_none(), "{v}");

    // Not a git checkout at all.
    let plain = tempfile::tempdir().unwrap();
    for entry in common::walk(root) {
        let rel = entry.strip_prefix(root).unwrap();
        if rel.starts_with(".git") {
            continue;
        }
        let dest = plain.path().join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, dest).unwrap();
    }
    let (code, v, err) = plan_lint(plain.path(), &[]);
    assert_eq!(code, 0, "{err} {v}");
    assert!(err.contains("is not in a git checkout"), "{err}");
}

/// `base` is a branch name: the configuration's schema refuses what is not
/// one (an option, a blank).
#[test]
fn the_configuration_s_base_is_validated() {
    let repo = repo();
    let root = repo.path();
    for bad in ["\"\"", "\"--all\"", "\"a b\"", "1"] {
        std::fs::write(root.join("plan-lint.toml"), format!("base = {bad}\n")).unwrap();
        let (code, _, err) = plan_lint(root, &[]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("PL005"), "{bad}: {err}");
    }
}

/// `decisions draft --base REV` drafts the revision the pull request needs:
/// the changed entries of each accepted report with their new figures, the
/// reason and date left for the office (the register refuses them empty);
/// once the office fills them in and merges the file, the pull request passes.
#[test]
fn decisions_draft_base_drafts_the_entries_the_pull_request_changes() {
    let repo = repo();
    let root = repo.path();
    let path = root.join("progress/2022/eco-env.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text
        .replace("value: 97.5", "value: 97.4")
        .replace(
            "    progress: 45\n    investment:\n      planned_total: 1.35\n      completed_to_date: 0.61\n",
            "    progress: 50\n    investment:\n      planned_total: 1.35\n      completed_to_date: 0.7\n",
        )
        .replace(
            "  - id: T073                   # 非法转移倾倒固体废物事件\n    value: 0\n    unit: \"起\"\n    source: 区生态环境局执法台账\n",
            "",
        );
    assert_ne!(changed, text);
    std::fs::write(&path, &changed).unwrap();
    git(root, &["commit", "-qam", "correct 2022"]);
    let (code, _, _) = plan_lint(root, &["--base", "main"]);
    assert_eq!(code, 1, "the rewrite needs a revision");

    let draft = root.join("draft.yaml");
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["decisions", "draft", "--base", "main", "-o"])
        .arg(&draft)
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let drafted = std::fs::read_to_string(&draft).unwrap();
    for part in [
        "kind: revision",
        "department: eco-env",
        "period: 2022",
        "- {target: I14, value: 97.4}",
        "- {target: T073, remove: true}",
        "- {target: P1113, progress: 50, investment: {planned_total: 1.35, completed_to_date: 0.7}}",
        "reason: \"\"",
        "FILL IN",
    ] {
        assert!(drafted.contains(part), "{part}:\n{drafted}");
    }
    // Only what changed: no other entry of the report.
    assert!(!drafted.contains("I15"), "{drafted}");

    // The office fills in the reason and the date and merges it on main.
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(
        root.join("decisions/2025-revisions.yaml"),
        drafted
            .replacen("reason: \"\"", "reason: 统计部门修订2022年数据", 1)
            .replacen("date: \"\"", "date: 2025-02-10", 1),
    )
    .unwrap();
    git(root, &["add", "decisions"]);
    git(root, &["commit", "-qm", "revision of eco-env 2022"]);
    git(root, &["checkout", "-q", "pr"]);
    git(root, &["merge", "-q", "--no-edit", "main"]);
    let (code, v, err) = plan_lint(root, &["--base", "main"]);
    let c = codes(&v);
    assert!(!c.iter().any(|c| c.0 == "PL401"), "{c:?}");
    assert_eq!(code, 0, "{err} {v}");

    // Left as drafted, the register refuses the empty reason: nothing is in force by mistake.
    std::fs::write(root.join("decisions/2025-revisions.yaml"), &drafted).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["check", "--today", "2026-01-01"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PL004"));
}

/// A stray file on main (trust.md version 3: not at a report's place) is
/// PL108 in every check, but in a pull request that does not add or change
/// it the finding is `unchanged`: `--fail-on new` passes, so one stray
/// file never blocks every department. It was never the record, so a pull
/// request that deletes it is no PL402; one that adds a stray file is new.
#[test]
fn a_stray_file_on_main_blocks_no_pull_request_and_may_be_deleted() {
    let repo = repo();
    let root = repo.path();
    git(root, &["checkout", "-q", "main"]);
    std::fs::create_dir_all(root.join("progress/2022/a")).unwrap();
    std::fs::copy(
        root.join("progress/2022/eco-env.yaml"),
        root.join("progress/2022/a/eco-env.yaml"),
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "a stray file lands on main"]);
    git(root, &["checkout", "-q", "-B", "pr"]);
    // The department's pull request changes its own report only.
    let path = root.join("progress/2023/hrss.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}# 复核\n")).unwrap();
    git(root, &["commit", "-qam", "a comment"]);
    let (_, v, err) = plan_lint(root, &["--base", "main"]);
    let stray = (v["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "PL108" && d["file"] == "progress/2022/a/eco-env.yaml")
        .unwrap_or_else(|| panic!("no PL108 on the stray file: {v} {err}"));
    assert_eq!(stray["baseline_state"], "unchanged", "{stray}");
    let (code, v, _) = plan_lint(root, &["--base", "main", "--fail-on", "new"]);
    assert_eq!(code, 0, "{:?}", codes(&v));

    // Deleting it is no PL402: it never was the record.
    git(root, &["rm", "-q", "progress/2022/a/eco-env.yaml"]);
    git(root, &["commit", "-qm", "remove the stray file"]);
    let (code, v, _) = plan_lint(root, &["--base", "main"]);
    assert!(!codes(&v).iter().any(|c| c.0 == "PL402"), "{:?}", codes(&v));
    assert_eq!(code, 0, "{:?}", codes(&v));

    // A pull request that adds a stray file: its PL108 is new.
    std::fs::create_dir_all(root.join("progress/2023/b")).unwrap();
    std::fs::copy(
        root.join("progress/2023/hrss.yaml"),
        root.join("progress/2023/b/hrss.yaml"),
    )
    .unwrap();
    let (code, v, _) = plan_lint(root, &["--base", "main", "--fail-on", "new"]);
    assert_eq!(code, 1, "{:?}", codes(&v));
    let added = (v["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["code"] == "PL108" && d["file"] == "progress/2023/b/hrss.yaml")
        .unwrap();
    assert_eq!(added["baseline_state"], "new");
}

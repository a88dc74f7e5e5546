//! End-to-end runs of the command line through the library's `cli::run`.

use crate::common::{diagnostic, plan_lint};
use plan_lint::cli::{run, Env, Output};

fn with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut full = vec!["plan-lint"];
    full.extend_from_slice(args);
    run(
        full,
        Env {
            stdin: Some(stdin.as_bytes().to_vec()),
            ..Env::default()
        },
    )
}

const EXAMPLE: &str = "fixtures/example/progress";

#[test]
fn the_example_data_is_clean() {
    let out = plan_lint(&["check", "--data-root", EXAMPLE, "--today", "2026-01-01"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("0 errors, 0 warnings in 15 files"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_failing_report_exits_1_and_names_both_files() {
    let out = plan_lint(&[
        "check",
        "--data-root",
        "fixtures/rules/PL201/fail/progress",
        "--today",
        "2026-01-01",
        "--format",
        "json",
        "fixtures/rules/PL201/fail/progress/2023/eco-env.yaml",
    ]);
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d = diagnostic(&v, "PL201");
    assert_eq!(
        d["file"],
        "fixtures/rules/PL201/fail/progress/2023/eco-env.yaml"
    );
    assert_eq!(
        d["related"][0]["file"],
        "fixtures/rules/PL201/fail/progress/2022/eco-env.yaml"
    );
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn json_output_matches_its_schema() {
    let out = plan_lint(&[
        "check",
        "--data-root",
        "fixtures/rules/PL201/fail/progress",
        "--today",
        "2026-01-01",
        "--format",
        "json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(plan_lint::load::schema::OUTPUT).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(plan_lint(&["check", "--format", "xml"]).code, 2);
    assert_eq!(plan_lint(&["frobnicate"]).code, 2);
    let out = plan_lint(&["check", "--data-root", EXAMPLE, "no/such/*.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("matches no file"), "{}", out.stderr);
    let out = plan_lint(&["check", "--data-root", "no-such-root"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("does not exist"), "{}", out.stderr);
    assert_eq!(
        plan_lint(&["check", "--today", "yesterday", "--data-root", EXAMPLE]).code,
        2
    );
    assert_eq!(plan_lint(&["explain", "PL999"]).code, 2);
    assert_eq!(plan_lint(&["schema", "nothing"]).code, 2);
}

#[test]
fn version_help_and_schemas() {
    let v = plan_lint(&["--version"]);
    assert_eq!(v.code, 0);
    assert!(v.stdout.contains(env!("CARGO_PKG_VERSION")));
    for name in ["report", "plan", "rules", "config", "output"] {
        let out = plan_lint(&["schema", name]);
        assert_eq!(out.code, 0);
        let s: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
}

#[test]
fn explain_prints_every_code() {
    for info in plan_lint::engine::rules::registry::CODES {
        let out = plan_lint(&["explain", info.code.as_str()]);
        assert_eq!(out.code, 0, "{}", info.code);
        assert!(out
            .stdout
            .starts_with(&format!("{} {}", info.code, info.code.name())));
        assert!(
            out.stdout.contains("Example that fails:") && out.stdout.contains("How to fix it:")
        );
    }
    let out = plan_lint(&["explain", "PL201"]);
    assert!(out
        .stdout
        .contains("Where plan nanming-14th-fyp applies it"));
    assert!(out.stdout.contains("tolerance"));
}

#[test]
fn plan_lists_the_27_main_indicators_with_baselines_targets_and_departments() {
    let out = plan_lint(&["plan", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["plan"], "nanming-14th-fyp");
    assert_eq!(v["period"]["baseline_year"], 2020);
    let inds = v["indicators"].as_array().unwrap();
    let main: Vec<_> = inds
        .iter()
        .filter(|i| i["source"].as_str().unwrap().starts_with("专栏2-1"))
        .collect();
    assert_eq!(main.len(), 27);
    let i14 = main.iter().find(|i| i["id"] == "I14").unwrap();
    assert_eq!(i14["baseline"], 96.48);
    assert_eq!(i14["baseline_kind"], "period_average");
    assert_eq!(i14["target"], 98.0);
    assert_eq!(i14["attribute"], "binding");
    let binding: Vec<_> = main
        .iter()
        .filter(|i| i["attribute"] == "binding")
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(binding, ["I14", "I15", "I16", "I17", "I18", "I19"]);
    let eco = v["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "eco-env")
        .unwrap();
    assert!(eco["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i == "I14"));
    let filtered = plan_lint(&["plan", "--format", "json", "--attribute", "binding"]);
    let f: serde_json::Value = serde_json::from_str(&filtered.stdout).unwrap();
    assert!(f["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["attribute"] == "binding"));
}

#[test]
fn stdin_is_checked_under_its_name() {
    let text =
        std::fs::read_to_string("fixtures/rules/PL201/fail/progress/2023/eco-env.yaml").unwrap();
    let out = with_stdin(
        &[
            "check",
            "--data-root",
            "fixtures/rules/PL201/fail/progress",
            "--today",
            "2026-01-01",
            "--stdin-filename",
            "drafts/eco-env.yaml",
            "-",
        ],
        &text,
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("drafts/eco-env.yaml"), "{}", out.stdout);
    assert!(out.stdout.contains("PL201"));
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress/2023");
    std::fs::create_dir_all(&root).unwrap();
    // I23 (expected, bound at most 5) above its ceiling is a warning.
    std::fs::write(
        root.join("hrss.yaml"),
        "version: 1\nplan: nanming-14th-fyp\ndepartment: hrss\nperiod: 2023\nsubmitted: 2024-01-10\nindicators:\n  - {id: I21, value: 8.2}\n  - {id: I22, value: 11}\n  - {id: I23, value: 5.4}\n  - {id: I26, value: 100}\n",
    )
    .unwrap();
    let root_arg = dir.path().join("progress");
    let root_arg = root_arg.to_str().unwrap();
    let out = plan_lint(&["check", "--data-root", root_arg, "--today", "2026-01-01"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("PL202"), "{}", out.stdout);
    let out = plan_lint(&[
        "check",
        "--data-root",
        root_arg,
        "--today",
        "2026-01-01",
        "--deny-warnings",
    ]);
    assert_eq!(out.code, 1);
}

#[test]
fn output_is_the_same_for_every_thread_count() {
    let render = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            plan_lint(&[
                "check",
                "--data-root",
                "fixtures",
                "--today",
                "2026-01-01",
                "--format",
                "json",
            ])
            .stdout
        })
    };
    let one = render(1);
    assert!(one.contains("\"diagnostics\""));
    assert_eq!(one, render(4));
    assert_eq!(one, render(2));
}

#[test]
fn github_annotations_are_the_default_in_actions_and_a_step_summary_is_appended() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let out = run(
        [
            "plan-lint",
            "check",
            "--data-root",
            "fixtures/rules/PL201/fail/progress",
            "--today",
            "2026-01-01",
        ],
        Env {
            github_actions: true,
            step_summary: Some(summary.clone()),
            ..Env::default()
        },
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("::error file=fixtures/rules/PL201/fail/progress/2023/eco-env.yaml,line=8,col=12,endLine=8,endColumn=16,title=PL201 binding-regression::"),
        "{}",
        out.stdout
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("earlier step\n## plan-lint"), "{md}");
    assert!(md.contains("| eco-env |"), "{md}");
    assert!(md.contains("| PL201 binding-regression | 1 |"), "{md}");
    assert!(
        md.contains("| I14 空气质量优良率 | 98 | missed (PL201) |"),
        "{md}"
    );
    assert!(md.contains("| I15 森林覆盖率 | 41.68 | met |"), "{md}");
}

#[test]
fn a_draft_outside_the_data_root_stands_in_for_the_stored_report() {
    let dir = tempfile::tempdir().unwrap();
    let stored =
        std::fs::read_to_string("fixtures/rules/PL201/fail/progress/2023/eco-env.yaml").unwrap();
    let draft = dir.path().join("eco-env.yaml");
    // The clerk corrected the stored 2023 report's fall (96.9) to 97.6 in a draft.
    std::fs::write(&draft, stored.replace("value: 96.9", "value: 97.6")).unwrap();
    let args = |d: &str| {
        vec![
            "check".to_string(),
            "--data-root".into(),
            "fixtures/rules/PL201/fail/progress".into(),
            "--today".into(),
            "2026-01-01".into(),
            "--format".into(),
            "json".into(),
            d.to_string(),
        ]
    };
    let a = args(draft.to_str().unwrap());
    let out = plan_lint(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.contains(&"PL107"),
        "the draft replaces the stored report: {codes:?}"
    );
    assert!(!codes.contains(&"PL201"), "{codes:?}");
    // A draft that falls is compared with the stored 2022 report.
    std::fs::write(&draft, stored.replace("value: 96.9", "value: 96.0")).unwrap();
    let out = plan_lint(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d = diagnostic(&v, "PL201");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("fell from 97.5% in 2022 to 96% in 2023"),
        "{d}"
    );
}

/// The reports load while the plans do, but the errors come in the order a
/// clerk fixes them: the plan's, then `--today`'s, then the data root's.
#[test]
fn run_errors_come_plan_first_then_today_then_data_root() {
    const BROKEN_PLAN: &str = "fixtures/rules/PL004/fail-unknown-department/plan";
    let cases: [(&[&str], &str); 3] = [
        (
            &[
                "--plan",
                BROKEN_PLAN,
                "check",
                "--data-root",
                "no-such-root",
                "--today",
                "2024-13-45",
            ],
            "cannot load the plan",
        ),
        (
            &[
                "check",
                "--data-root",
                "no-such-root",
                "--today",
                "2024-13-45",
            ],
            "--today \"2024-13-45\" is not a date",
        ),
        (
            &[
                "check",
                "--data-root",
                "no-such-root",
                "--today",
                "2024-12-01",
            ],
            "the data root \"no-such-root\" does not exist",
        ),
    ];
    for (args, first) in cases {
        let out = plan_lint(args);
        assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
        let all = format!("{}{}", out.stdout, out.stderr);
        // Only the first error is shown.
        for (_, message) in cases {
            assert_eq!(all.contains(message), message == first, "{args:?}: {all}");
        }
    }
}

/// `decisions draft` turns the approvals, revisions and requirements that
/// version-1 reports carry into register entries; once the office has
/// merged them, those reports judge as they did (trust.md, migration).
#[test]
fn decisions_draft_migrates_version_1_reports() {
    // Inside the repository (the register must be), outside every data root.
    std::fs::create_dir_all("target").unwrap();
    let dir = tempfile::tempdir_in("target").unwrap();
    let root = dir.path().join("progress");
    for year in ["2022", "2023"] {
        std::fs::create_dir_all(root.join(year)).unwrap();
        std::fs::copy(
            format!("fixtures/rules/PL501/fail-self-approved/progress/{year}/eco-env.yaml"),
            root.join(format!("{year}/eco-env.yaml")),
        )
        .unwrap();
    }
    let report = root.join("2023/eco-env.yaml");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(
        &report,
        format!("{text}revision:\n  reason: 统计部门修订\n  approved_by: 区发改局\n"),
    )
    .unwrap();
    let root_arg = root.to_str().unwrap();
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "--data-root",
            root_arg,
            "--today",
            "2026-01-01",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = plan_lint(&args);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
        (out, v)
    };
    // Before: the reports' own approvals grant nothing.
    let (out, v) = check(&[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let before: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" && d["suppressed"] == false)
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        before.contains(&"PL501") && before.contains(&"PL204"),
        "{before:?}"
    );

    let register = dir.path().join("decisions");
    std::fs::create_dir_all(&register).unwrap();
    let file = register.join("from-reports.yaml");
    let out = plan_lint(&[
        "decisions",
        "draft",
        "--data-root",
        root_arg,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let drafted = std::fs::read_to_string(&file).unwrap();
    for part in [
        "kind: suppression",
        "rule: PL201",
        "target: I14",
        "value: 96.9",
        "kind: revision",
        "entries:",
        "- {target: I14, value: ",
        "kind: requirement",
        "target: I18",
        "REVIEW",
    ] {
        assert!(drafted.contains(part), "{part}:\n{drafted}");
    }
    // Never overwritten.
    let again = plan_lint(&[
        "decisions",
        "draft",
        "--data-root",
        root_arg,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(again.code, 2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), drafted);

    // After the office merges it: the binding exception is the register's, the requirements are on record.
    let (out, v) = check(&["--decisions", register.to_str().unwrap()]);
    assert_ne!(out.code, 2, "{}{}", out.stdout, out.stderr);
    let after: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error" && d["suppressed"] == false)
        .collect();
    assert!(after.is_empty(), "{after:?}");
    let pl201 = diagnostic(&v, "PL201");
    assert_eq!(pl201["suppressed"], true);
    assert!(pl201["decision"]
        .as_str()
        .unwrap()
        .starts_with("D2023-eco-env-PL201-I14"));
}

/// The register lies inside the repository and outside the data root,
/// where departments write: anywhere else is exit 2, never read.
#[test]
fn a_register_inside_the_data_root_is_refused() {
    let out = plan_lint(&[
        "check",
        "--data-root",
        "fixtures/rules/PL501/pass",
        "--decisions",
        "fixtures/rules/PL501/pass/decisions",
        "--today",
        "2026-01-01",
    ]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("inside the data root"),
        "{}",
        out.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    let out = plan_lint(&[
        "check",
        "--data-root",
        "fixtures/rules/PL501/pass/progress",
        "--decisions",
        dir.path().to_str().unwrap(),
        "--today",
        "2026-01-01",
    ]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.contains("outside the repository"),
        "{}",
        out.stderr
    );
    let out = plan_lint(&[
        "check",
        "--data-root",
        "fixtures/rules/PL501/pass/progress",
        "--decisions",
        "fixtures/rules/PL501/pass/no-such-folder",
    ]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
}

/// The register is found in the repository of the data root, wherever the
/// run starts: from another git checkout (an editor's folder) it was
/// refused as outside the repository.
#[test]
fn the_register_is_the_data_root_s_repository_s_from_another_checkout() {
    let repo = tempfile::tempdir().unwrap();
    for entry in crate::common::walk(std::path::Path::new("fixtures/example")) {
        let rel = entry.strip_prefix("fixtures/example").unwrap();
        let dest = repo.path().join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, dest).unwrap();
    }
    let other = tempfile::tempdir().unwrap();
    for dir in [repo.path(), other.path()] {
        let init = std::process::Command::new("git")
            .args(["init", "-q"])
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(init.status.success());
    }
    let root = repo.path().join("progress");
    let out = plan_lint_in(
        other.path(),
        &[
            "check",
            "--today",
            "2026-01-01",
            "--data-root",
            root.to_str().unwrap(),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("outside the repository"), "{stderr}");
}

/// The binary run from `dir`: the folder a clerk runs it from decides what
/// is found, so these runs cannot share the test process's folder.
fn plan_lint_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap()
}

/// A check never runs without history silently: run from another folder,
/// or from inside the year's folder, the history is found from the file's
/// `<data root>/<year>/` layout (or plan-lint.toml above it), so the
/// binding regression of PL201/fail is reported and the exit code is 1;
/// with no data repository to be found, and with a --data-root that does
/// not exist, the run stops with exit 2 and says why.
#[test]
fn a_check_finds_its_history_from_anywhere_or_refuses() {
    let repo = std::fs::canonicalize("fixtures/rules/PL201/fail").unwrap();
    let file = repo.join("progress/2023/eco-env.yaml");
    let elsewhere = tempfile::tempdir().unwrap();
    for (dir, named) in [
        (
            elsewhere.path().to_path_buf(),
            file.to_str().unwrap().to_string(),
        ),
        (repo.join("progress/2023"), "eco-env.yaml".to_string()),
    ] {
        let out = plan_lint_in(&dir, &["check", &named, "--today", "2026-01-01"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{}: {stdout}", dir.display());
        assert!(stdout.contains("PL201"), "{stdout}");
    }
    // A configuration above the file serves when none is found from here.
    // Folders not named by year are not a report's place (trust.md version
    // 3): each file there is PL108, and neither is the other's history.
    let with_config = tempfile::tempdir().unwrap();
    std::fs::write(
        with_config.path().join("plan-lint.toml"),
        "data_root = \"reports\"\n",
    )
    .unwrap();
    for (y, folder) in [("2022", "earlier"), ("2023", "latest")] {
        let dir = with_config.path().join("reports").join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            repo.join(format!("progress/{y}/eco-env.yaml")),
            dir.join("eco-env.yaml"),
        )
        .unwrap();
    }
    let named = with_config.path().join("reports/latest/eco-env.yaml");
    let out = plan_lint_in(
        elsewhere.path(),
        &["check", named.to_str().unwrap(), "--today", "2026-01-01"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains("PL201"), "{stdout}");
    assert_eq!(stdout.matches("PL108").count(), 2, "{stdout}");
    // At their places, the configuration's data root is the history.
    for (y, folder) in [("2022", "earlier"), ("2023", "latest")] {
        let reports = with_config.path().join("reports");
        std::fs::rename(reports.join(folder), reports.join(y)).unwrap();
    }
    let named = with_config.path().join("reports/2023/eco-env.yaml");
    let out = plan_lint_in(
        elsewhere.path(),
        &["check", named.to_str().unwrap(), "--today", "2026-01-01"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("PL201"), "{stdout}");
    assert!(!stdout.contains("PL108"), "{stdout}");
    // Nothing to be found: exit 2, not a check without history.
    let lone = elsewhere.path().join("eco-env.yaml");
    std::fs::copy(&file, &lone).unwrap();
    let out = plan_lint_in(elsewhere.path(), &["check", "eco-env.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no data repository found"), "{stderr}");
    let out = plan_lint_in(
        elsewhere.path(),
        &["check", "eco-env.yaml", "--data-root", "/nonexistent"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent"));
}

/// What a clerk reads when no data repository can be found, in both languages.
#[test]
fn no_data_repository_is_said_in_both_languages() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("eco-env.yaml"), "version: 1\n").unwrap();
    for lang in ["en", "zh"] {
        let out = plan_lint_in(elsewhere.path(), &["check", "eco-env.yaml", "--lang", lang]);
        assert_eq!(out.status.code(), Some(2));
        insta::assert_snapshot!(
            format!("no_data_repository_{lang}"),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

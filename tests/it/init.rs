//! `plan-lint init`: the skeleton fails `check` at every empty value, passes
//! once they are filled, and `-o` never overwrites a file.

use crate::common::plan_lint;

#[test]
fn skeleton_points_at_each_value_then_passes_when_filled() {
    let dir = tempfile::tempdir().unwrap();
    let out = plan_lint(&[
        "init",
        "--department",
        "hrss",
        "--period",
        "2024",
        "--data-root",
        "fixtures/example/progress",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("2023: 11 (fixtures/example/progress/2023/hrss.yaml)"),
        "{}",
        out.stdout
    );
    let draft = dir.path().join("hrss.yaml");
    std::fs::write(&draft, &out.stdout).unwrap();
    let draft_arg = draft.to_str().unwrap();
    let check = plan_lint(&[
        "check",
        "--data-root",
        "fixtures/example/progress",
        "--today",
        "2026-01-01",
        "--format",
        "json",
        draft_arg,
    ]);
    assert_eq!(check.code, 1);
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let empty: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "PL002")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    // submitted, one value per hrss indicator (I21, I22, I23, I26, T076 零就业家庭, T078
    // 社会保险覆盖率), status and progress per project still to report (one of the three
    // was completed earlier: carried over, not asked again), and this year's investment
    // completed to date of each (the planned total and start date are carried over).
    assert_eq!(out.stdout.matches("    status:").count(), 3);
    let projects = (out.stdout.lines())
        .filter_map(|l| l.trim_start().strip_prefix("status:"))
        .filter(|rest| rest.trim_start().starts_with('#'))
        .count();
    assert_eq!(projects, 2);
    assert_eq!(empty.len(), 7 + 3 * projects, "{empty:?}");
    assert!(empty.iter().all(|m| m.contains("is empty")));

    // The same department's first report, filled in, passes against an empty history.
    let root = dir.path().join("progress");
    std::fs::create_dir_all(&root).unwrap();
    let root_arg = root.to_str().unwrap();
    let first = plan_lint(&[
        "init",
        "--department",
        "hrss",
        "--period",
        "2021",
        "--data-root",
        root_arg,
    ]);
    assert!(first.stdout.contains("no earlier figure"));
    let filled = first
        .stdout
        .replace("submitted: ", "submitted: 2022-01-15")
        .replacen("value:  ", "value: 8.4  ", 1)
        .replacen("value:  ", "value: 3.5  ", 1)
        .replacen("value:  ", "value: 4.2  ", 1)
        .replacen("value:  ", "value: 100  ", 1)
        .replacen("value:  ", "value: 2  ", 1)
        .replacen("value:  ", "value: 95.2  ", 1)
        .replace("status:  ", "status: preparing  ")
        .replace("progress:  ", "progress: 0  ");
    std::fs::write(&draft, filled).unwrap();
    let check = plan_lint(&[
        "check",
        "--data-root",
        root_arg,
        "--today",
        "2026-01-01",
        draft_arg,
    ]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn output_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.yaml");
    let p = path.to_str().unwrap();
    let first = plan_lint(&[
        "init",
        "--department",
        "health",
        "--period",
        "2024",
        "-o",
        p,
    ]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    std::fs::write(&path, "mine").unwrap();
    let second = plan_lint(&[
        "init",
        "--department",
        "health",
        "--period",
        "2024",
        "-o",
        p,
    ]);
    assert_eq!(second.code, 2);
    assert!(
        second.stderr.contains("only with --force"),
        "{}",
        second.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert_eq!(
        plan_lint(&["init", "--department", "nobody", "--period", "2024"]).code,
        2
    );
    assert_eq!(
        plan_lint(&["init", "--department", "health", "--period", "2031"]).code,
        2
    );
}

/// A clerk's first `init` (issue 19, point 7): the department by its name
/// or alias, the year's folder made, a project completed earlier carried
/// over with its dates and evidence (so the new report does not lose them),
/// and an unknown department answered with the registry to pick from.
#[test]
fn init_takes_names_makes_the_folder_and_keeps_what_was_completed() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("progress/2024/drc.yaml");
    for department in ["区发展和改革局", "发展和改革局", "区发改局"] {
        let out = plan_lint(&[
            "init",
            "--department",
            department,
            "--period",
            "2024",
            "--data-root",
            "fixtures/example/progress",
        ]);
        assert_eq!(out.code, 0, "{department}: {}", out.stderr);
        assert!(out.stdout.contains("department: drc"), "{}", out.stdout);
    }
    let out = plan_lint(&[
        "init",
        "--department",
        "drc",
        "--period",
        "2024",
        "--data-root",
        "fixtures/example/progress",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let skeleton = std::fs::read_to_string(&target).unwrap();
    // P1105 was completed in 2022: its status, dates and evidence stay.
    let p1105 = skeleton.split("- id: P1105").nth(1).unwrap();
    let p1105: String = p1105.lines().take(11).collect::<Vec<_>>().join("\n");
    for line in [
        "status: completed",
        "progress: 100",
        "completed: 2022-11-30",
        "- 竣工验收备案表(2022-11-30)",
    ] {
        assert!(p1105.contains(line), "{line} in {p1105}");
    }
    let out = plan_lint(&["init", "--department", "水局", "--period", "2024"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("water  区水务管理局"), "{}", out.stderr);
}

/// The skeleton a clerk starts from, in both languages: a project completed
/// earlier carried over, the others asked for.
#[test]
fn skeleton_snapshots_in_both_languages() {
    for (lang, name) in [("en", "init_drc_2024_en"), ("zh", "init_drc_2024_zh")] {
        let out = plan_lint(&[
            "init",
            "--department",
            "区发改局",
            "--period",
            "2024",
            "--data-root",
            "fixtures/example/progress",
            "--lang",
            lang,
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(name, out.stdout);
    }
}

/// Issue 31: the skeleton dropped last year's `investment` and `started`, and
/// `status` then showed 专栏5-2's investment falling to 0. What continues is
/// carried over (the planned total, the start date); what must be this
/// year's is asked for with last year's in a comment (progress, the amount
/// completed to date); nothing is ever `confirmed` for the clerk.
#[test]
fn init_carries_what_continues_and_asks_for_this_year_s_figures() {
    let out = plan_lint(&[
        "init",
        "--department",
        "eco-env",
        "--period",
        "2024",
        "--data-root",
        "fixtures/example/progress",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // P1113 in 2023: under construction, progress 70, started 2021-05-10, 1.35 planned, 0.94 done.
    let p1113: Vec<&str> = (out.stdout.split("- id: P1113").nth(1).unwrap().lines())
        .take_while(|l| !l.contains("- id: "))
        .map(str::trim)
        .collect();
    let has = |prefix: &str| p1113.iter().any(|l| l.starts_with(prefix));
    assert!(has("started: 2021-05-10 "), "{p1113:#?}");
    assert!(has("planned_total: 1.35 "), "{p1113:#?}");
    assert!(has("investment:"), "{p1113:#?}");
    for asked in ["progress:", "completed_to_date:"] {
        let line = p1113.iter().find(|l| l.starts_with(asked)).unwrap();
        assert!(line.split('#').next().unwrap().trim() == asked, "{line}");
    }
    assert!(p1113
        .iter()
        .any(|l| l.starts_with("completed_to_date:") && l.contains("2023: 0.94")));
    assert!(p1113
        .iter()
        .any(|l| l.starts_with("progress:") && l.contains("2023: 70")));
    assert!(!out.stdout.contains("confirmed"), "{}", out.stdout);
}

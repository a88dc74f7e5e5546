//! cli.md, version 3: `-o FILE` on every command that writes a file never
//! replaces an existing file without `--force` (exit 2, naming it), never
//! writes under the data root but a new report of `init` at its place, and
//! compares names without regard to case (issue 31, "Nothing lost").

use crate::common::{copy_dir, plan_lint};
use std::path::{Path, PathBuf};

/// A data root with the example's reports, and the filled report of eco-env for 2023.
fn repository() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    copy_dir(Path::new("fixtures/example/progress"), &root);
    let report = root.join("2023/eco-env.yaml");
    (dir, root, report)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs plan-lint; asserts exit 2 naming `names`, and that nothing under `dir` changed.
fn refused(args: &[&str], dir: &Path, names: &str) -> String {
    let before = crate::common::walk(dir)
        .into_iter()
        .map(|p| (std::fs::read(&p).unwrap(), p))
        .collect::<Vec<_>>();
    let out = plan_lint(args);
    assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains(names), "{names}: {}", out.stderr);
    let after = crate::common::walk(dir)
        .into_iter()
        .map(|p| (std::fs::read(&p).unwrap(), p))
        .collect::<Vec<_>>();
    assert_eq!(before, after, "{args:?} changed a file");
    out.stderr
}

#[test]
fn status_never_writes_onto_a_report_nor_over_a_workbook() {
    let (dir, root, report) = repository();
    let r = s(&root);
    // The trial: the filled report replaced by Markdown, "已写入", exit 0.
    let err = refused(
        &[
            "--lang",
            "zh",
            "status",
            "--data-root",
            r,
            "--department",
            "eco-env",
            "-o",
            s(&report),
        ],
        dir.path(),
        "2023/eco-env.yaml",
    );
    assert!(err.contains("数据目录"), "{err}");
    // The same file named in capitals, as Windows and macOS take it; --force changes nothing there.
    let upper = root.join("2023/ECO-ENV.YAML");
    refused(
        &["status", "--data-root", r, "-o", s(&upper), "--force"],
        dir.path(),
        "data root",
    );
    // A file anywhere else in the data root.
    refused(
        &[
            "status",
            "--data-root",
            r,
            "-o",
            s(&root.join("summary.md")),
        ],
        dir.path(),
        "data root",
    );
    // An existing workbook is named, kept, and replaced only with --force.
    let book = dir.path().join("我的台账.xlsx");
    std::fs::write(&book, "my own workbook").unwrap();
    let xlsx = [
        "status",
        "--data-root",
        r,
        "--format",
        "xlsx",
        "-o",
        s(&book),
    ];
    let err = refused(&xlsx, dir.path(), "我的台账.xlsx");
    assert!(err.contains("--force"), "{err}");
    let out = plan_lint(&[&xlsx[..], &["--force"]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ne!(std::fs::read(&book).unwrap(), b"my own workbook");
}

#[test]
fn a_name_differing_only_in_case_is_the_same_file() {
    let (dir, root, _) = repository();
    let mine = dir.path().join("summary.md");
    std::fs::write(&mine, "mine").unwrap();
    let upper = dir.path().join("SUMMARY.MD");
    let err = refused(
        &["status", "--data-root", s(&root), "-o", s(&upper)],
        dir.path(),
        "summary.md",
    );
    assert!(err.contains("SUMMARY.MD"), "{err}");
    // --force replaces the file that is there, under its own name: no second file beside it.
    let out = plan_lint(&[
        "status",
        "--data-root",
        s(&root),
        "-o",
        s(&upper),
        "--force",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_ne!(std::fs::read_to_string(&mine).unwrap(), "mine");
    assert!(!dir.path().join("SUMMARY.MD").exists() || mine.exists());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_lowercase())
        .filter(|n| n == "summary.md")
        .collect();
    assert_eq!(names.len(), 1);
}

/// `init` of eco-env for `period`, reading `root`, into `out`.
fn init_args<'a>(root: &'a str, period: &'a str, out: &'a Path, force: bool) -> Vec<&'a str> {
    let mut a = vec!["init", "--department", "eco-env", "--period", period];
    a.extend(["--data-root", root, "-o", s(out)]);
    if force {
        a.push("--force");
    }
    a
}

#[test]
fn init_writes_only_a_new_report_at_its_place() {
    let (dir, root, report) = repository();
    let r = s(&root);
    // A report is never replaced, --force or not, whatever the case of its name.
    for force in [false, true] {
        let err = refused(
            &init_args(r, "2023", &report, force),
            dir.path(),
            "2023/eco-env.yaml",
        );
        assert!(err.contains("plan-lint check"), "{err}");
        let upper = root.join("2023/ECO-ENV.YAML");
        refused(
            &init_args(r, "2023", &upper, force),
            dir.path(),
            "2023/eco-env.yaml",
        );
    }
    // Under the data root, only the place of this department and period.
    let copy = root.join("2023/copy.yaml");
    let err = refused(&init_args(r, "2023", &copy, false), dir.path(), "-o ");
    assert!(err.contains("2023/eco-env.yaml"), "{err}");
    // Outside it, an existing file only with --force.
    let draft = dir.path().join("draft.yaml");
    std::fs::write(&draft, "mine").unwrap();
    refused(
        &init_args(r, "2023", &draft, false),
        dir.path(),
        "draft.yaml",
    );
    assert_eq!(plan_lint(&init_args(r, "2023", &draft, true)).code, 0);
    assert!(std::fs::read_to_string(&draft).unwrap().contains("eco-env"));
    // The new report at its place is written.
    let new = root.join("2024/eco-env.yaml");
    let out = plan_lint(&init_args(r, "2024", &new, false));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(new.is_file());
}

#[test]
fn decisions_draft_and_codeowners_keep_an_existing_file() {
    let (dir, root, report) = repository();
    let r = s(&root);
    let file = dir.path().join("register.yaml");
    std::fs::write(&file, "mine").unwrap();
    for cmd in [
        vec!["decisions", "draft", "--data-root", r],
        vec![
            "codeowners",
            "--office",
            "@nanming/plan-office",
            "--data-root",
            r,
        ],
    ] {
        refused(
            &[cmd.clone(), vec!["-o", s(&file)]].concat(),
            dir.path(),
            "register.yaml",
        );
        refused(
            &[cmd.clone(), vec!["-o", s(&report), "--force"]].concat(),
            dir.path(),
            "data root",
        );
        let out = plan_lint(&[cmd.clone(), vec!["-o", s(&file), "--force"]].concat());
        assert_eq!(out.code, 0, "{cmd:?}: {}", out.stderr);
        assert_ne!(std::fs::read_to_string(&file).unwrap(), "mine");
        std::fs::write(&file, "mine").unwrap();
    }
}

#[test]
fn schema_keeps_an_existing_file() {
    let (dir, root, report) = repository();
    let file = dir.path().join("report.schema.json");
    let out = plan_lint(&["schema", "report", "-o", s(&file)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(&file, "{}").unwrap();
    refused(
        &["schema", "report", "-o", s(&file)],
        dir.path(),
        "report.schema.json",
    );
    // A file shaped like a report's place is taken as under a data root.
    let _ = root;
    refused(
        &["schema", "report", "-o", s(&report), "--force"],
        dir.path(),
        "data root",
    );
    assert_eq!(
        plan_lint(&["schema", "report", "-o", s(&file), "--force"]).code,
        0
    );
    assert!(std::fs::read_to_string(&file).unwrap().contains("$schema"));
}

#[test]
fn plan_draft_writes_into_a_used_folder_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let seed = "seeds/000_3ad0bd4780363ad6.txt";
    let plan = dir.path().join("plan");
    std::fs::create_dir_all(&plan).unwrap();
    std::fs::write(plan.join("notes.md"), "mine").unwrap();
    let args = |force: bool| {
        let mut a = vec!["plan", "draft", "--seed", seed, "--id", "x", "-o", s(&plan)];
        if force {
            a.push("--force");
        }
        a
    };
    let err = refused(&args(false), dir.path(), "plan");
    assert!(err.contains("--force") && !err.contains("remove"), "{err}");
    assert_eq!(plan_lint(&args(true)).code, 0);
    assert_eq!(
        std::fs::read_to_string(plan.join("notes.md")).unwrap(),
        "mine"
    );
    // Nothing into a data root.
    let root = dir.path().join("progress");
    copy_dir(Path::new("fixtures/example/progress"), &root);
    let into = root.join("plan");
    refused(
        &["plan", "draft", "--seed", seed, "--id", "x", "-o", s(&into)],
        dir.path(),
        "data root",
    );
}

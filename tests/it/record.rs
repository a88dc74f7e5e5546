//! The record (trust.md, "The record (version 3)"): one place per report,
//! `<data root>/<year>/<department code>.yaml`, decided by one walker for
//! every command. Each command here is run on the same data root holding
//! forged history — a report-like file in a folder that is not a year,
//! one directly under the data root, one under a folder whose name holds a
//! newline and one whose name is not UTF-8 — and none of them may read it:
//! check reports each as PL108 and judges eco-env's 2024 fall against its
//! own 2023 figure (PL201), status shows eco-env's figures, init carries
//! eco-env's figure as last year's, decisions draft drafts nothing from the
//! forged requirement, and the language server's history is the same.

use plan_lint::engine::check::{check_text, Kept};
use plan_lint::load::workspace::CheckOptions;
use plan_lint::model::plan::{Plan, Plans};
use std::path::{Path, PathBuf};
use std::process::Command;

/// eco-env's own record: I14 97.5 (2022), 97.6 (2023), 96.0 (2024: a fall).
const CASE: &str = "fixtures/rules/PL201/fail-forged-history";

/// A forged 2023 report claiming I14 96.0 (so that 2024 looks flat) and a
/// requirement for I17 that only the plan office may record.
const FORGED: &str = "version: 1
plan: nanming-14th-fyp
department: eco-env
period: 2023
submitted: 2024-01-19
indicators:
  - id: I14
    value: 96.0
  - {id: I17, value: 3.3, requirement: {value: 0.1, source: 伪造文件}}
";

/// The stray places, as check shows them.
const STRAYS: [&str; 4] = [
    "progress/2023/a/eco-env.yaml",
    "progress/eco-env.yaml",
    "progress/2023/x\\ny",
    "progress/2023/\\xff",
];

fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in crate::common::walk(&Path::new(CASE).join("progress")) {
        let dest = root.join(file.strip_prefix(CASE).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&file, dest).unwrap();
    }
    let progress = root.join("progress");
    std::fs::write(progress.join("2023/a/eco-env.yaml"), FORGED).unwrap();
    std::fs::write(progress.join("eco-env.yaml"), FORGED).unwrap();
    for folder in odd_names() {
        let d = progress.join("2023").join(folder);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("eco-env.yaml"), FORGED).unwrap();
    }
    dir
}

/// Folder names git writes quoted: a newline, and a byte that is not UTF-8
/// (a Unix name is bytes; Windows allows neither).
#[cfg(unix)]
fn odd_names() -> Vec<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    vec![
        PathBuf::from("x\ny"),
        PathBuf::from(std::ffi::OsStr::from_bytes(b"\xff")),
    ]
}
#[cfg(not(unix))]
fn odd_names() -> Vec<PathBuf> {
    Vec::new()
}

fn plan_lint(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "en_US.UTF-8")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_reports_every_stray_file_and_keeps_the_departments_own_history() {
    let repo = repository();
    let (code, out, err) = plan_lint(
        repo.path(),
        &["check", "--today", "2026-01-01", "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, String)> = (v["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let stray = |path: &str| found.contains(&("PL108".to_string(), path.to_string()));
    assert!(stray(STRAYS[0]) && stray(STRAYS[1]), "{found:?}");
    if cfg!(unix) {
        assert!(stray(STRAYS[2]) && stray(STRAYS[3]), "{found:?}");
    }
    // Nothing under the odd names was read as a report of its own.
    assert!(
        !found.iter().any(|(_, f)| f.ends_with("y/eco-env.yaml")),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "PL201".to_string(),
            "progress/2024/eco-env.yaml".to_string()
        )),
        "{found:?}"
    );
    // The same when only the 2024 report is named: the walk is the same.
    let (code, out, _) = plan_lint(
        repo.path(),
        &[
            "check",
            "progress/2024/eco-env.yaml",
            "--today",
            "2026-01-01",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("PL201") && out.contains("fell from 97.6"),
        "{out}"
    );
}

#[test]
fn status_init_and_decisions_draft_read_the_same_record() {
    let repo = repository();
    let (code, out, err) = plan_lint(
        repo.path(),
        &[
            "status",
            "--format",
            "json",
            "--period",
            "2024",
            "--department",
            "eco-env",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let i14 = (v["indicators"].as_array().unwrap().iter())
        .find(|i| i["id"] == "I14")
        .unwrap();
    let of = |year: i64| {
        (i14["values"].as_array().unwrap().iter())
            .find(|x| x["year"] == year)
            .map(|x| (x["value"].clone(), x["file"].clone()))
            .unwrap()
    };
    assert_eq!(of(2023).0, serde_json::json!(97.6), "{i14}");
    assert_eq!(of(2023).1, "progress/2023/eco-env.yaml");

    // init's "last year" is eco-env's own 2023 figure, not the forged 96.0.
    let (code, out, err) = plan_lint(
        repo.path(),
        &["init", "--department", "eco-env", "--period", "2024"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2023: 97.6 (progress/2023/eco-env.yaml)"),
        "{out}"
    );
    assert!(!out.contains("96.0") && !out.contains("2023: 96"), "{out}");

    // decisions draft drafts requirements from reports of the record only:
    // the forged I17 requirement (0.1) is in none of them.
    let (code, out, err) = plan_lint(repo.path(), &["decisions", "draft"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.contains("伪造文件") && !out.contains("value: 0.1"),
        "{out}"
    );
}

#[test]
fn the_language_servers_history_is_the_same_record() {
    let repo = repository();
    let root = repo.path().join("progress");
    let plans = Plans(vec![Plan::builtin().unwrap()]);
    let today = jiff::civil::date(2026, 1, 1);
    let opts = CheckOptions::new(&root, today);
    let mut kept = Kept::load(&opts);
    // Nothing is read before a report of the department is checked.
    assert_eq!(kept.reports().count(), 0);
    let name = root.join("2024/eco-env.yaml");
    let bytes = std::fs::read(&name).unwrap();
    let checked = check_text(&plans, &opts, &mut kept, &name, bytes).unwrap();
    // Only the three reports at their places are the record.
    assert_eq!(kept.reports().count(), 3);
    let pl201 = (checked.diagnostics.iter())
        .find(|d| d.code.as_str() == "PL201")
        .expect("PL201 against eco-env's own 2023 figure");
    assert!(
        pl201
            .related
            .iter()
            .any(|r| r.location.path.ends_with("2023/eco-env.yaml")
                && !r.location.path.contains("/a/")),
        "{pl201:?}"
    );
    // A stray file opened in the editor is told it is not at a report's place.
    let stray = root.join("2023/a/eco-env.yaml");
    let bytes = std::fs::read(&stray).unwrap();
    let checked = check_text(&plans, &opts, &mut kept, &stray, bytes).unwrap();
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "PL108"),
        "{:?}",
        checked.diagnostics
    );
}

/// Links among the places (unix): a link to a folder is never walked — one
/// inside the data root is passed over (what it leads to is walked where it
/// is), one leading out of it is refused (PL001) — and a linked spreadsheet
/// is a spreadsheet (PL110), not a place.
#[cfg(unix)]
#[test]
fn links_to_folders_are_never_walked_and_one_leading_out_is_refused() {
    use std::os::unix::fs::symlink;
    let repo = repository();
    let progress = repo.path().join("progress");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("eco-env.yaml"), FORGED).unwrap();
    std::fs::write(outside.path().join("台账.xlsx"), b"PK\x03\x04").unwrap();
    symlink("../2022", progress.join("2023/inside")).unwrap();
    symlink(outside.path(), progress.join("2023/out")).unwrap();
    symlink(
        outside.path().join("台账.xlsx"),
        progress.join("2023/台账.xlsx"),
    )
    .unwrap();
    let (code, out, err) = plan_lint(
        repo.path(),
        &["check", "--today", "2026-01-01", "--format", "json"],
    );
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let on = |file: &str| -> Vec<String> {
        (v["diagnostics"].as_array().unwrap().iter())
            .filter(|d| d["file"] == file)
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(on("progress/2023/inside"), Vec::<String>::new());
    assert_eq!(on("progress/2023/out"), ["PL001"]);
    assert_eq!(on("progress/2023/台账.xlsx"), ["PL110"]);
    // Nothing behind the links was read as a report.
    let files: Vec<&str> = (v["diagnostics"].as_array().unwrap().iter())
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("progress/2023/inside/") || f.starts_with("progress/2023/out/")),
        "{files:?}"
    );
}

//! `scripts/new-rule`, the scaffold of a new code (docs/architecture.md,
//! "Adding a rule"), run on a copy of the files it edits.

use std::path::Path;
use std::process::Command;

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            copy(&e.path(), &to.join(e.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
    }
}

fn scaffold(root: &Path, args: &[&str]) -> std::process::Output {
    Command::new("python3")
        .arg("scripts/new-rule")
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("python3 runs scripts/new-rule")
}

#[test]
fn new_rule_declares_the_code_in_order_and_writes_its_places() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for p in [
        "src/model/code.rs",
        "src/engine/rules/mod.rs",
        "fixtures/rules/PL305",
    ] {
        copy(Path::new(p), &root.join(p));
    }
    let out = scaffold(
        root,
        &[
            "PL399",
            "made-up",
            "--subject",
            "project",
            "--module",
            "made_up",
            "--like",
            "PL305",
            "--plan-rule",
            "--property",
            "Figure",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let code = std::fs::read_to_string(root.join("src/model/code.rs")).unwrap();
    let rows: Vec<&str> = code
        .lines()
        .filter_map(|l| l.trim_start().split_once(" { name: ").map(|(c, _)| c))
        .filter(|c| c.starts_with("PL"))
        .collect();
    let mut sorted = rows.clone();
    sorted.sort_unstable();
    assert_eq!(rows, sorted, "the rows stay in code order");
    assert!(code.contains(
        r#"PL399 { name: "made-up", severity: "error", subject: Project, params: [], checked_in: made_up, properties: [PlanRule, Figure] }"#
    ));
    let module = std::fs::read_to_string(root.join("src/engine/rules/made_up.rs")).unwrap();
    assert!(
        module.contains("pub const PL399: CodeInfo") && module.contains("check: Some(check_pl399)")
    );
    let mods = std::fs::read_to_string(root.join("src/engine/rules/mod.rs")).unwrap();
    assert!(mods.contains("pub mod made_up;\n"));
    let fail = std::fs::read_to_string(root.join("fixtures/rules/PL399/fail/case.yaml")).unwrap();
    assert!(fail.contains("{code: PL399,"), "{fail}");
    assert!(root.join("fixtures/rules/PL399/pass/case.yaml").is_file());
    // A code declared twice is refused, and nothing is written.
    let again = scaffold(
        root,
        &[
            "PL305",
            "again",
            "--subject",
            "project",
            "--module",
            "overrun",
            "--like",
            "PL305",
        ],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already declared"));
}

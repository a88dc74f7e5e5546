//! `plan-lint plan verify` on a copy of the built-in plan's directory with one
//! fact changed: it fails with the code of the fact, pointing at the changed
//! line of the catalog file and related to the seed line it cites.

use crate::common::{codes, json, plan_lint};
use std::path::{Path, PathBuf};

const ID: &str = "nanming-14th-fyp";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A data repository laid out like this one: rules/<id>/ and seeds/ beside rules/.
fn copy_plan(to: &Path) -> PathBuf {
    let dir = to.join("rules").join(ID);
    std::fs::create_dir_all(dir.join("provenance")).unwrap();
    std::fs::create_dir_all(to.join("seeds")).unwrap();
    let from = root().join("rules").join(ID);
    for e in std::fs::read_dir(&from).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let accounting = "provenance/catalog-accounting.yaml";
    std::fs::copy(from.join(accounting), dir.join(accounting)).unwrap();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join("seeds").join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// Replaces the one occurrence of `from` in `file`; the 1-based line it is on.
fn change(file: &Path, from: &str, to: &str) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} in {}",
        file.display()
    );
    let at = text.find(from).unwrap();
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
    text[..at].matches('\n').count() + 1
}

/// `plan verify DIR` fails; its human output in English and in Chinese, snapshot as
/// `<name>_en` and `<name>_zh`, the temporary directory shown as [REPO].
fn snapshot_both(tmp: &Path, shown: &str, name: &str) {
    for lang in ["en", "zh"] {
        let out = plan_lint(&["plan", "verify", shown, "--lang", lang]);
        assert_eq!(out.code, 1);
        let text = out
            .stdout
            .replace(&*tmp.to_string_lossy(), "[REPO]")
            .replace('\\', "/");
        insta::assert_snapshot!(format!("{name}_{lang}"), text);
    }
}

#[test]
fn an_unchanged_copy_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    let out = plan_lint(&["plan", "verify", &dir.to_string_lossy()]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr.is_empty(),
        "the completeness scan ran: {}",
        out.stderr
    );
}

/// Without an accounting file the catalog is proved but not shown complete: a note says
/// the scan was not run, and it is no pass of the scan.
#[test]
fn without_an_accounting_file_the_scan_is_said_not_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    std::fs::remove_file(dir.join("provenance/catalog-accounting.yaml")).unwrap();
    for (lang, words) in [
        ("en", "completeness scan was not run"),
        ("zh", "未进行完整性检查"),
    ] {
        let out = plan_lint(&["plan", "verify", &dir.to_string_lossy(), "--lang", lang]);
        assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
        assert!(out.stderr.contains(words), "{}", out.stderr);
        assert!(
            out.stderr.contains("catalog-accounting.yaml"),
            "{}",
            out.stderr
        );
    }
}

/// One accounting record removed: the sentence it accounted for is PL603, in the
/// accounting file where the record belongs, related to the seed line.
#[test]
fn a_removed_accounting_record_is_unaccounted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    let file = dir.join("provenance/catalog-accounting.yaml");
    let record = "  - line: 72\n    text: \"服务外包合同执行额年均增长13%\"\n";
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find(record).expect("the record of line 72");
    let end = text[at + 1..]
        .find("\n  - ")
        .map_or(text.len(), |e| at + 1 + e + 1);
    std::fs::write(&file, format!("{}{}", &text[..at], &text[end..])).unwrap();
    let shown = dir.to_string_lossy().to_string();
    let out = plan_lint(&["plan", "verify", &shown, "--format", "json"]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let v = json(&out);
    assert_eq!(codes(&v), ["PL603"], "{}", out.stdout);
    let d = &v["diagnostics"][0];
    assert!(
        d["file"]
            .as_str()
            .unwrap_or_default()
            .ends_with("catalog-accounting.yaml"),
        "{d}"
    );
    // At the record before the removed one: where a record of line 72 belongs.
    let previous = text[..at].rfind("  - line: ").unwrap();
    let previous_line = text[..previous].matches('\n').count() + 1;
    assert_eq!(d["line"].as_u64(), Some(previous_line as u64), "{d}");
    assert_eq!(d["related"][0]["line"], 72, "{d}");
    snapshot_both(tmp.path(), &shown, "removed_record");
}

#[test]
fn a_changed_baseline_and_project_name_fail_at_their_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    let baseline_line = change(
        &dir.join("indicators.yaml"),
        "    baseline: 41.75\n",
        "    baseline: 41.5\n",
    );
    let name_line = change(
        &dir.join("projects.yaml"),
        "    name: \"“小店大脑”\"\n",
        "    name: \"“小店小脑”\"\n",
    );
    let shown = dir.to_string_lossy().to_string();
    let out = plan_lint(&["plan", "verify", &shown, "--format", "json"]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let v = json(&out);
    // The changed name is also no longer what the accounting record of its item names.
    assert_eq!(codes(&v), ["PL601", "PL601", "PL604"], "{}", out.stdout);
    let diags = v["diagnostics"].as_array().unwrap();
    let at = |d: &serde_json::Value| {
        (
            d["file"].as_str().unwrap_or_default().to_string(),
            d["line"].as_u64().unwrap_or_default() as usize,
        )
    };
    let files: Vec<(String, usize)> = diags.iter().map(at).collect();
    assert!(files[0].0.ends_with("indicators.yaml"), "{files:?}");
    assert_eq!(files[0].1, baseline_line, "{}", out.stdout);
    assert!(files[1].0.ends_with("projects.yaml"), "{files:?}");
    assert_eq!(files[1].1, name_line, "{}", out.stdout);
    // Each is related to the seed line its entry cites.
    for (d, seed_line) in diags.iter().zip([90, 116]) {
        let related = &d["related"][0];
        assert!(
            related["file"]
                .as_str()
                .unwrap_or_default()
                .ends_with(".txt"),
            "{d}"
        );
        assert_eq!(related["line"], seed_line, "{d}");
    }
    snapshot_both(tmp.path(), &shown, "changed_fact");
}

/// A table row cited twice and one left out: PL602 at the entry.
#[test]
fn a_row_cited_twice_is_a_table_row_finding() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    change(
        &dir.join("indicators.yaml"),
        "source: {line: 89, passage: 专栏2-1 序号14}",
        "source: {line: 90, passage: 专栏2-1 序号15}",
    );
    let out = plan_lint(&["plan", "verify", &dir.to_string_lossy(), "--format", "json"]);
    assert_eq!(out.code, 1);
    let v = json(&out);
    let found = codes(&v);
    assert!(found.contains(&"PL602"), "{}", out.stdout);
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("序号14") && m.contains("not in the catalog")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("序号15") && m.contains("several")),
        "{messages:#?}"
    );
}

/// Without a seed where plan.yaml's `seed` says, the run says where it looked (exit 2).
#[test]
fn a_missing_seed_is_said_with_where_it_was_looked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    std::fs::remove_dir_all(tmp.path().join("seeds")).unwrap();
    let out = plan_lint(&["plan", "verify", &dir.to_string_lossy()]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("--seed"), "{}", out.stderr);
    let seed = root().join("seeds/000_3ad0bd4780363ad6.txt");
    let out = plan_lint(&[
        "plan",
        "verify",
        &dir.to_string_lossy(),
        "--seed",
        &seed.to_string_lossy(),
    ]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
}

/// A `review` mark (what `plan draft` writes on its readings) fails as PL606 until it is
/// deleted, at the mark, in the entry's file; marks are accepted on every kind of entry.
#[test]
fn a_review_mark_is_pending_until_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = copy_plan(tmp.path());
    let mark_line = change(
        &dir.join("indicators.yaml"),
        "    source: {line: 76, passage: 专栏2-1 序号1}\n",
        "    source: {line: 76, passage: 专栏2-1 序号1}\n    review: [\"kind: annual_rate, read from 年均增长 — confirm\"]\n",
    );
    change(
        &dir.join("plan.yaml"),
        "  - rules.yaml\n",
        "  - rules.yaml\nreview: [\"period: 2021–2025 — confirm\"]\n",
    );
    let shown = dir.to_string_lossy().to_string();
    let out = plan_lint(&["plan", "verify", &shown, "--format", "json"]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let v = json(&out);
    assert_eq!(codes(&v), ["PL606", "PL606"], "{}", out.stdout);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["target"] == "I01")
        .expect("the indicator's mark");
    assert_eq!(d["line"].as_u64(), Some(mark_line as u64 + 1), "{d}");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("is marked for review"),
        "{d}"
    );
    assert_eq!(d["related"][0]["line"], 76, "{d}");
}

/// The fictional next plan (fixtures/next-plan), drafted with `plan draft` and reviewed
/// as docs/plan-authoring.md walks through, is proved against its own text; one fact
/// changed in it fails at its line.
#[test]
fn the_reviewed_next_plan_passes_and_a_changed_fact_fails() {
    let out = plan_lint(&["plan", "verify", "fixtures/next-plan", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{v}");

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("next-plan");
    std::fs::create_dir_all(dir.join("provenance")).unwrap();
    for f in [
        "plan.yaml",
        "departments.yaml",
        "indicators.yaml",
        "targets.yaml",
        "projects.yaml",
        "rules.yaml",
        "seed.txt",
        "provenance/catalog-accounting.yaml",
    ] {
        std::fs::copy(Path::new("fixtures/next-plan").join(f), dir.join(f)).unwrap();
    }
    // 专栏1-1 序号8 says 35: the catalog's baseline mistyped.
    let line = change(
        &dir.join("indicators.yaml"),
        "  baseline: 35\n",
        "  baseline: 33\n",
    );
    let out = plan_lint(&["plan", "verify", &dir.to_string_lossy(), "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "PL601", "{v}");
    assert!(
        d["file"]
            .as_str()
            .unwrap()
            .ends_with("next-plan/indicators.yaml"),
        "{d}"
    );
    assert_eq!(d["line"], line, "{d}");
    assert_eq!(d["related"][0]["line"], 19, "the seed's row of 序号8: {d}");
}

//! `plan-lint plan draft` (issue 23, deliverable 2), measured against the hand-written
//! built-in catalog: the draft of seeds/000_3ad0bd4780363ad6.txt copies the 27 rows of
//! 专栏2-1 exactly, finds the text targets of targets.yaml and the projects of projects.yaml
//! (the ratios below; the misses are printed), loads as a plan, and passes `plan verify`
//! except for its review marks (PL606). It never writes into a directory that is not empty.

use crate::common::{codes, json, plan_lint, walk};
use plan_lint::engine::verify::table_row_passage;
use plan_lint::model::plan::{Indicator, Plan};
use std::path::{Path, PathBuf};

const SEED: &str = "seeds/000_3ad0bd4780363ad6.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Drafts `seed` (relative to the repository) into `dir`; the run's output.
fn draft(seed: &str, id: &str, dir: &Path) -> common_output::Output {
    let seed = root().join(seed);
    plan_lint(&[
        "plan",
        "draft",
        "--seed",
        &seed.to_string_lossy(),
        "--id",
        id,
        "-o",
        &dir.to_string_lossy(),
        "--lang",
        "en",
    ])
}

mod common_output {
    pub use plan_lint::cli::Output;
}

fn loaded(dir: &Path) -> Plan {
    Plan::from_dir(dir).unwrap_or_else(|d| panic!("the draft does not load: {d:?}"))
}

fn is_row(i: &Indicator) -> bool {
    table_row_passage(&i.source.passage).is_some()
}

/// The draft of the 14th plan's seed, made once per test binary.
fn drafted_14th() -> &'static (tempfile::TempDir, PathBuf) {
    static DRAFT: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    DRAFT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("rules").join("nanming-draft");
        let out = draft(SEED, "nanming-draft", &dir);
        assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
        assert!(
            out.stderr.starts_with("drafted plan directory"),
            "{}",
            out.stderr
        );
        (tmp, dir)
    })
}

#[test]
fn the_table_rows_are_copied_exactly() {
    let (_, dir) = drafted_14th();
    let draft = loaded(dir);
    let builtin = Plan::builtin().unwrap();
    let rows: Vec<&Indicator> = builtin.indicators.iter().filter(|i| is_row(i)).collect();
    assert_eq!(rows.len(), 27);
    let mut readings = 0;
    for b in rows {
        let d = draft
            .indicators
            .iter()
            .find(|d| d.id == b.id)
            .unwrap_or_else(|| panic!("no drafted {}", b.id));
        assert_eq!(
            (
                &d.name,
                &d.unit,
                &d.baseline_text,
                &d.target_text,
                d.attribute
            ),
            (
                &b.name,
                &b.unit,
                &b.baseline_text,
                &b.target_text,
                b.attribute
            ),
            "{}",
            b.id
        );
        assert_eq!(
            (d.baseline, d.target, &d.category),
            (b.baseline, b.target, &b.category)
        );
        assert_eq!(d.source, b.source, "{}", b.id);
        // The readings are proposals: count where they differ from the built-in's.
        let same = d.kind == b.kind
            && d.direction == b.direction
            && d.baseline_kind == b.baseline_kind
            && d.comparison == b.comparison
            && d.target_is == b.target_is
            && d.range == b.range;
        if same {
            readings += 1;
        } else {
            eprintln!(
                "reading differs from the built-in catalog: {} kind {:?}/{:?} direction {:?}/{:?} baseline_kind {:?}/{:?} comparison {:?}/{:?} target_is {:?}/{:?} range {:?}/{:?}",
                b.id, d.kind, b.kind, d.direction, b.direction, d.baseline_kind, b.baseline_kind,
                d.comparison, b.comparison, d.target_is, b.target_is, d.range, b.range
            );
        }
        assert!(
            !d.review.is_empty(),
            "{}: readings are marked for review",
            b.id
        );
    }
    eprintln!("table rows: 27/27 copied exactly; all readings as the built-in's: {readings}/27");
}

#[test]
fn the_text_targets_are_found() {
    let (_, dir) = drafted_14th();
    let draft = loaded(dir);
    let builtin = Plan::builtin().unwrap();
    let wanted: Vec<&Indicator> = builtin.indicators.iter().filter(|i| !is_row(i)).collect();
    assert_eq!(wanted.len(), 82);
    let mut drafted: Vec<&Indicator> = draft.indicators.iter().filter(|i| !is_row(i)).collect();
    let mut found = 0;
    for b in &wanted {
        // One drafted target per built-in one: on the same line, with the same figure or
        // the same target_text (a relative target: the same reference).
        let hit = drafted.iter().position(|d| {
            d.source.line == b.source.line
                && (d.target.is_some() && d.target == b.target
                    || d.target_text == b.target_text
                    || (d.target.is_none() && b.target.is_none() && d.reference == b.reference))
        });
        match hit {
            Some(k) => {
                drafted.remove(k);
                found += 1;
            }
            None => eprintln!(
                "missed target {} (line {}): {:?} {:?} in {:?}",
                b.id,
                b.source.line,
                b.target,
                b.target_text,
                b.sentence.as_deref().unwrap_or("")
            ),
        }
    }
    let ratio = found as f64 / wanted.len() as f64;
    eprintln!(
        "text targets: {found}/{} found ({:.1}%); the draft has {} more",
        wanted.len(),
        ratio * 100.0,
        drafted.len()
    );
    assert!(ratio >= 0.95, "{found}/{}", wanted.len());
}

#[test]
fn the_projects_are_found() {
    let (_, dir) = drafted_14th();
    let draft = loaded(dir);
    let builtin = Plan::builtin().unwrap();
    assert_eq!(builtin.projects.len(), 219);
    let mut drafted: Vec<&str> = draft.projects.iter().map(|p| p.name.as_str()).collect();
    let mut found = 0;
    for b in &builtin.projects {
        match drafted.iter().position(|d| *d == b.name) {
            Some(k) => {
                drafted.remove(k);
                found += 1;
            }
            None => eprintln!(
                "missed project {} (line {}): {}",
                b.id, b.source.line, b.name
            ),
        }
    }
    let ratio = found as f64 / builtin.projects.len() as f64;
    eprintln!(
        "projects: {found}/{} found with the same name ({:.1}%); the draft has {} more: {drafted:?}",
        builtin.projects.len(),
        ratio * 100.0,
        drafted.len()
    );
    assert!(ratio >= 0.90, "{found}/{}", builtin.projects.len());
}

/// The draft loads as a plan beside the built-in one, and `plan verify` finds nothing but
/// its review marks.
#[test]
fn the_draft_passes_verify_but_for_its_review_marks() {
    let (_, dir) = drafted_14th();
    let shown = dir.to_string_lossy();
    let out = plan_lint(&["--plan", &shown, "rules"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    let out = plan_lint(&["plan", "verify", &shown, "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.is_empty(),
        "the completeness scan ran: {}",
        out.stderr
    );
    let v = json(&out);
    let all = codes(&v);
    let other: Vec<&str> = all.iter().copied().filter(|c| *c != "PL606").collect();
    assert!(!all.is_empty());
    assert!(other.is_empty(), "{}", out.stdout);
    eprintln!(
        "plan verify: {} review marks (PL606), nothing else",
        all.len()
    );
}

/// A reviewed draft passes: with every review mark deleted, `plan verify` is clean.
#[test]
fn a_draft_without_its_marks_passes_verify() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("next");
    let out = draft("fixtures/next-plan/seed.txt", "next-draft", &dir);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for e in walk(&dir) {
        let text = std::fs::read_to_string(&e).unwrap();
        let mut kept = String::new();
        let mut in_review = None;
        for l in text.lines() {
            let indent = l.len() - l.trim_start().len();
            if let Some(i) = in_review {
                if indent > i && !l.trim_start().starts_with(|c: char| c.is_alphabetic()) {
                    continue;
                }
                in_review = None;
            }
            let body = l.trim_start().trim_start_matches("- ");
            if body.starts_with("review:") {
                in_review = Some(l.len() - body.len());
                continue;
            }
            kept.push_str(l);
            kept.push('\n');
        }
        std::fs::write(&e, kept).unwrap();
    }
    let out = plan_lint(&["plan", "verify", &dir.to_string_lossy()]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
}

/// `-o` to a directory that is not empty: exit 2, a diagnostic, nothing changed.
#[test]
fn a_directory_that_is_not_empty_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("plan.yaml"), "id: mine\n").unwrap();
    let out = draft("fixtures/next-plan/seed.txt", "next-draft", tmp.path());
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is not empty"), "{}", out.stderr);
    assert_eq!(walk(tmp.path()), [tmp.path().join("plan.yaml")]);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("plan.yaml")).unwrap(),
        "id: mine\n"
    );
    // A file given as the directory is refused too.
    let file = tmp.path().join("plan.yaml");
    assert_eq!(draft("fixtures/next-plan/seed.txt", "x", &file).code, 2);
}

/// The output format, on a tiny fictional plan (fixtures/next-plan/seed.txt).
#[test]
fn a_small_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("next");
    let out = draft("fixtures/next-plan/seed.txt", "next-draft", &dir);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut all = String::new();
    for p in walk(&dir) {
        let name = p
            .strip_prefix(&dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        all.push_str(&format!("==> {name} <==\n"));
        all.push_str(&std::fs::read_to_string(&p).unwrap());
    }
    // The seed is named relative to the directory; the temporary directory is not stable.
    let seed_ref =
        plan_lint::engine::draft::seed_reference(&dir, &root().join("fixtures/next-plan/seed.txt"));
    let all = all.replace(&seed_ref, "[SEED]");
    insta::assert_snapshot!("next_plan_draft", all);
    let out = plan_lint(&["plan", "verify", &dir.to_string_lossy(), "--format", "json"]);
    let v = json(&out);
    assert!(codes(&v).iter().all(|c| *c == "PL606"), "{}", out.stdout);
}

/// An id no plan file may have is refused before anything is written; a text without a
/// main indicator table is drafted all the same, and the run says the table is missing.
#[test]
fn a_bad_id_is_refused_and_a_missing_table_is_said() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("draft");
    let out = draft("fixtures/next-plan/seed.txt", "Nanming 15th", &out_dir);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is not a plan id"), "{}", out.stderr);
    assert!(!out_dir.exists());

    let seed = tmp.path().join("text.txt");
    std::fs::write(&seed, "某规划\n“十五五”时期(2026—2030年)。\n").unwrap();
    let out = plan_lint(&[
        "plan",
        "draft",
        "--seed",
        &seed.to_string_lossy(),
        "--id",
        "x",
        "-o",
        &out_dir.to_string_lossy(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("no main indicator table"),
        "{}",
        out.stderr
    );
}

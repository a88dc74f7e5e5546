//! The generator (`examples/generate`) writes what it promises: reports that
//! are distinct and valid unless a finding was planted, and each planted
//! finding found by `plan-lint check` in its file, with the synthetic plan
//! once one district is not enough.

use crate::repo;
use plan_lint::engine::check;
use plan_lint::load::workspace::CheckOptions;
use plan_lint::model::plan::Plan;
use plan_lint::model::plan::Plans;
use std::collections::{BTreeMap, BTreeSet};

fn check_repo(opts: &repo::Options) -> (repo::Written, check::Outcome) {
    let dir = tempfile::tempdir().unwrap();
    let written = repo::write(dir.path(), opts).unwrap();
    let mut plans = vec![Plan::builtin().unwrap()];
    if let Some(p) = &written.plan_dir {
        plans.push(Plan::from_dir(p).unwrap());
    }
    let today = plan_lint::model::report::parse_date(repo::TODAY).unwrap();
    let plans = Plans(plans);
    let mut o = CheckOptions::new(dir.path().join("progress"), today);
    o.inputs = Vec::new();
    o.decisions = std::sync::Arc::new(
        plan_lint::load::decisions::Register::load_dir(&dir.path().join("decisions"), &plans)
            .unwrap(),
    );
    let outcome = check::run(&plans, &o).unwrap();
    // Paths relative to the repository root, as planted.tsv has them.
    let root = plan_lint::syntax::paths::display(dir.path());
    let mut outcome = outcome;
    for d in &mut outcome.diagnostics {
        d.location.path = d
            .location
            .path
            .strip_prefix(&format!("{root}/"))
            .unwrap_or(&d.location.path)
            .to_string();
    }
    (written, outcome)
}

#[test]
fn clean_repositories_have_no_findings_and_distinct_reports() {
    let opts = repo::Options {
        reports: 300,
        findings: 0.0,
        seed: 3,
    };
    let (written, outcome) = check_repo(&opts);
    assert_eq!(written.reports, 300);
    assert!(
        written.plan_dir.is_some(),
        "300 reports need a second district"
    );
    assert!(
        outcome.diagnostics.is_empty(),
        "{:#?}",
        outcome.diagnostics.first()
    );
    assert_eq!(outcome.files, 300);
    let plan = Plan::builtin().unwrap();
    let l = repo::layout(&plan, &opts);
    let paths: BTreeSet<String> = l.specs.iter().map(repo::report_path).collect();
    assert_eq!(paths.len(), 300);
}

#[test]
fn every_planted_finding_is_found_in_its_file_and_nowhere_else() {
    let opts = repo::Options {
        reports: 250,
        findings: 0.25,
        seed: 11,
    };
    let (written, outcome) = check_repo(&opts);
    assert!(written.planted.len() > 30);
    let mut found: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for d in &outcome.diagnostics {
        found
            .entry(d.location.path.clone())
            .or_default()
            .insert(d.code.as_str());
    }
    for (path, code) in &written.planted {
        let codes = found.get(path).cloned().unwrap_or_default();
        assert!(
            codes.contains(code),
            "{path}: planted {code}, found {codes:?}"
        );
    }
    for path in found.keys() {
        assert!(
            written.planted.contains_key(path),
            "{path} has findings {:?} but nothing was planted",
            found[path]
        );
    }
}

#[test]
fn generation_is_deterministic() {
    let plan = Plan::builtin().unwrap();
    let opts = repo::Options {
        reports: 200,
        findings: 0.2,
        seed: 5,
    };
    let a: Vec<_> = repo::layout(&plan, &opts)
        .specs
        .iter()
        .map(|s| repo::render_report(&plan, s, opts.seed))
        .collect();
    let b: Vec<_> = repo::layout(&plan, &opts)
        .specs
        .iter()
        .map(|s| repo::render_report(&plan, s, opts.seed))
        .collect();
    assert_eq!(a, b);
    assert_eq!(
        repo::synthetic_plan(&plan, 2),
        repo::synthetic_plan(&plan, 2)
    );
}

/// The generator plants each plausibility finding (a count not whole, an
/// implausible change, a unit slip, two figures of one measure that differ)
/// and each is found in its file, the honest figures around it staying clean.
#[test]
fn every_plausibility_slip_the_generator_plants_is_caught() {
    let mut planted_codes: BTreeSet<&str> = BTreeSet::new();
    for seed in 29..35 {
        let opts = repo::Options {
            reports: 260,
            findings: 0.7,
            seed,
        };
        let (written, outcome) = check_repo(&opts);
        planted_codes.extend(written.planted.values().copied());
        let ours = ["PL207", "PL211", "PL212", "PL213"];
        for (path, code) in written.planted.iter().filter(|(_, c)| ours.contains(c)) {
            assert!(
                outcome
                    .diagnostics
                    .iter()
                    .any(|d| d.location.path == *path && d.code.as_str() == *code),
                "{path}: planted {code}, not found"
            );
        }
        for d in &outcome.diagnostics {
            let code = d.code.as_str();
            if ours.contains(&code) {
                assert_eq!(
                    written.planted.get(&d.location.path).copied(),
                    Some(code),
                    "{} found where it was not planted",
                    d.location.path
                );
            }
        }
    }
    for code in ["PL207", "PL211", "PL212", "PL213"] {
        assert!(
            planted_codes.contains(code),
            "{code} never planted: {planted_codes:?}"
        );
    }
}

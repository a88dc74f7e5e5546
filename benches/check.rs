//! Criterion benches of the three costs that matter: loading one report,
//! checking one report with its history, and checking a whole repository.
//!
//! The data comes from the generator (`examples/generate`), written to a
//! temporary directory. `PLAN_LINT_BENCH_N` sets the repository size of
//! `check_n` (default 1000). In CI they run once each, untimed:
//! `cargo test --benches`; timed: `cargo bench`.

#[path = "../examples/generate/repo.rs"]
mod repo;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use plan_lint::engine::check;
use plan_lint::load::workspace::CheckOptions;
use plan_lint::model::plan::Plan;
use plan_lint::model::plan::Plans;
use std::path::Path;

fn today() -> jiff::civil::Date {
    plan_lint::model::report::parse_date(repo::TODAY).unwrap()
}

/// A repository of `n` reports in a new temporary directory, with its plans.
fn repository(n: usize) -> (tempfile::TempDir, Plans) {
    let dir = tempfile::tempdir().unwrap();
    let opts = repo::Options {
        reports: n,
        ..repo::Options::default()
    };
    let written = repo::write(dir.path(), &opts).unwrap();
    let mut plans = vec![Plan::builtin().unwrap()];
    if let Some(p) = &written.plan_dir {
        plans.push(Plan::from_dir(p).unwrap());
    }
    (dir, Plans(plans))
}

/// A check of the repository at `root` with its register, as the command line runs it.
fn options(root: &Path, plans: &Plans) -> CheckOptions {
    let mut opts = CheckOptions::new(root.join("progress"), today());
    opts.decisions = std::sync::Arc::new(
        plan_lint::load::decisions::Register::load_dir(&root.join("decisions"), plans).unwrap(),
    );
    opts
}

fn load_one(c: &mut Criterion) {
    let plan = Plan::builtin().unwrap();
    let spec = repo::Spec {
        district: 0,
        department: "eco-env".into(),
        year: 2023,
        planted: None,
    };
    let (text, _) = repo::render_report(&plan, &spec, 14);
    let path = Path::new("progress/2023/eco-env.yaml");
    c.bench_function("load one report", |b| {
        b.iter_batched(
            || text.clone().into_bytes(),
            |bytes| {
                plan_lint::load::workspace::load_file(
                    path,
                    "progress/2023/eco-env.yaml".into(),
                    Some(bytes),
                    plan_lint::load::workspace::DEFAULT_MAX_FILE_SIZE,
                )
            },
            BatchSize::SmallInput,
        )
    });
}

fn builtin_plan(c: &mut Criterion) {
    c.bench_function("load the built-in plan", |b| {
        b.iter(|| Plan::builtin().unwrap())
    });
}

fn check_one_with_history(c: &mut Criterion) {
    // One district: every department's five years under the built-in plan.
    let (dir, plans) = repository(115);
    let mut opts = options(dir.path(), &plans);
    let file = dir.path().join("progress/2023/eco-env.yaml");
    opts.inputs = vec![file.to_string_lossy().into_owned()];
    let out = check::run(&plans, &opts).unwrap();
    assert_eq!(out.files, 1);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics.first());
    c.bench_function("check one report with history (115 reports)", |b| {
        b.iter(|| check::run(&plans, &opts).unwrap())
    });
}

fn check_n(c: &mut Criterion) {
    let n: usize = std::env::var("PLAN_LINT_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let (dir, plans) = repository(n);
    let opts = options(dir.path(), &plans);
    let out = check::run(&plans, &opts).unwrap();
    assert_eq!(out.files, n);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics.first());
    let mut group = c.benchmark_group("check N");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Elements(n as u64));
    group.bench_function(format!("check {n} reports"), |b| {
        b.iter(|| check::run(&plans, &opts).unwrap())
    });
    group.finish();
}

criterion_group!(
    benches,
    load_one,
    builtin_plan,
    check_one_with_history,
    check_n
);
criterion_main!(benches);

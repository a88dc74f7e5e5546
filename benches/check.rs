//! Criterion benches of the costs that matter: loading one report,
//! checking one report with its history, checking a whole repository, and
//! converting and checking a department's workbook.
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

/// A department's workbook at its largest (issue 33: 60 indicators, 60
/// projects), filled: converted to its YAML report, and checked as the
/// command line checks it (plans loaded, one district's reports as history).
/// The target is < 50 ms each.
fn workbook(c: &mut Criterion) {
    use plan_lint::load::workbook::Field as F;
    use plan_lint::output::workbook::{Filled, Out, Row};
    let plan = Plan::builtin().unwrap();
    let text = |s: &str| Out::Text(s.to_string());
    let indicators = (plan.indicators.iter().take(60))
        .map(|i| {
            Row(vec![
                (F::Id, text(&i.id)),
                (F::Name, text(&i.name)),
                (F::Unit, text(&i.unit)),
                (F::Target, text(&i.target_text)),
                (F::Value, Out::Number(12.5)),
                (F::Source, text("区统计局统计公报")),
            ])
        })
        .collect();
    let projects = (plan.projects.iter().take(60))
        .map(|p| {
            Row(vec![
                (F::Id, text(&p.id)),
                (F::Name, text(&p.name)),
                (F::Status, text("在建")),
                (F::Progress, Out::Number(50.0)),
                (F::PlannedTotal, Out::Number(10.0)),
                (F::CompletedToDate, Out::Number(5.0)),
                (F::Started, Out::Date("2021-03-01".into())),
            ])
        })
        .collect();
    let filled = Filled {
        title: "bench".into(),
        plan: plan.id().to_string(),
        department: "drc".into(),
        department_name: "区发展和改革局".into(),
        period: 2023,
        submitted: Some("2024-01-19".into()),
        indicators,
        projects,
        extra: String::new(),
    };
    let bytes = plan_lint::output::workbook::write(&filled).unwrap();
    let converted =
        plan_lint::load::workbook::to_yaml(&plan_lint::load::workbook::read(&bytes).unwrap());
    assert_eq!(converted.text.matches("  - id: ").count(), 120);
    c.bench_function("convert a workbook (60 indicators, 60 projects)", |b| {
        b.iter(|| {
            plan_lint::load::workbook::to_yaml(&plan_lint::load::workbook::read(&bytes).unwrap())
        })
    });
    let (dir, _plans) = repository(115);
    let path = dir.path().join("填报.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let root = dir.path().join("progress");
    let args = [
        "plan-lint",
        "check",
        path.to_str().unwrap(),
        "--data-root",
        root.to_str().unwrap(),
        "--today",
        repo::TODAY,
        // A register inside this repository (the generated one lies outside it).
        "--decisions",
        "fixtures/example/decisions",
    ];
    let out = plan_lint::cli::run(args, plan_lint::cli::Env::default());
    assert!(
        out.code == 1 && out.stdout.contains("填报.xlsx › "),
        "{}",
        out.stderr
    );
    c.bench_function(
        "check a workbook (60 indicators, 60 projects; 115 reports of history)",
        |b| b.iter(|| plan_lint::cli::run(args, plan_lint::cli::Env::default())),
    );
}

criterion_group!(
    benches,
    load_one,
    builtin_plan,
    check_one_with_history,
    check_n,
    workbook
);
criterion_main!(benches);

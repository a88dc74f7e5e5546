//! `cargo run --release --example generate -- OUT_DIR [--reports N] [--findings SHARE] [--seed S]`
//!
//! Writes a deterministic data repository for benchmarks and tests:
//! `OUT_DIR/progress/<year>/<department>.yaml`, `OUT_DIR/plan/` (a synthetic
//! plan, when the built-in plan's departments × years are fewer than N) and
//! `OUT_DIR/planted.tsv` (each report with a planted finding and its code).
//! Check it with
//! `plan-lint [--plan OUT_DIR/plan] check --data-root OUT_DIR/progress --today 2026-06-30`.
//!
//! An example rather than a binary: it is a tool for developers and CI, not
//! something `cargo install plan-lint` should put on a clerk's machine, yet
//! `cargo test` still builds it, and the benches and tests share its code.

mod repo;

fn usage() -> ! {
    eprintln!("usage: generate OUT_DIR [--reports N] [--findings SHARE] [--seed S]");
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut opts = repo::Options::default();
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--reports" => opts.reports = value().parse().unwrap_or_else(|_| usage()),
            "--findings" => opts.findings = value().parse().unwrap_or_else(|_| usage()),
            "--seed" => opts.seed = value().parse().unwrap_or_else(|_| usage()),
            _ if a.starts_with("--") => usage(),
            _ => out = Some(std::path::PathBuf::from(a)),
        }
    }
    let Some(out) = out else { usage() };
    if out.join("progress").exists() {
        eprintln!(
            "{} already holds a repository: choose a new directory",
            out.display()
        );
        std::process::exit(2);
    }
    match repo::write(&out, &opts) {
        Ok(w) => {
            eprintln!(
                "wrote {} reports ({} bytes, {:.1} KB on average), {} with a planted finding{}",
                w.reports,
                w.bytes,
                w.bytes as f64 / w.reports.max(1) as f64 / 1024.0,
                w.planted.len(),
                w.plan_dir
                    .map(|d| format!("; synthetic plan in {}", d.display()))
                    .unwrap_or_default()
            );
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            std::process::exit(2);
        }
    }
}

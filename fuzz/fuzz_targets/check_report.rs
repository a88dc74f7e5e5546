//! The whole check of one report on arbitrary bytes: load (decode, YAML,
//! schema), the fixed checks and the built-in plan's rules against a history
//! of the example department's earlier reports, then both reporters. Called
//! without the per-file panic isolation of `check::run`, so that any panic is
//! a crash the fuzzer sees. Every diagnostic must have a code, a message, a
//! help text and a location inside its file (or none, for a file-level one).

use plan_lint::diagnostics::messages::Lang;
use plan_lint::engine::check::{self, Outcome};
use plan_lint::engine::history::History;
use plan_lint::load::workspace::CheckOptions;
use plan_lint::model::plan::Plan;
use plan_lint::model::plan::Plans;
use plan_lint::model::report::Report;
use plan_lint::output::findings::{human, json, RunInfo};
use std::path::Path;
use std::sync::OnceLock;

struct World {
    plans: Plans,
    earlier: Vec<Report>,
    opts: CheckOptions,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let plans = Plans(vec![Plan::builtin().expect("built-in plan loads")]);
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/example/progress");
        let earlier = ["2021/eco-env.yaml", "2022/eco-env.yaml"]
            .iter()
            .filter_map(|p| {
                let path = root.join(p);
                plan_lint::load::workspace::load_file(
                    &path,
                    p.to_string(),
                    None,
                    plan_lint::load::workspace::DEFAULT_MAX_FILE_SIZE,
                )
                .report
            })
            .collect();
        let today = plan_lint::model::report::parse_date("2026-01-01").expect("a date");
        // The example repository's register: the requirements 序号17-19 are judged by.
        let mut opts = CheckOptions::new(&root, today);
        opts.decisions = std::sync::Arc::new(
            plan_lint::load::decisions::Register::load_dir(&root.join("../decisions"), &plans)
                .expect("the example register loads"),
        );
        World {
            plans,
            earlier,
            opts,
        }
    })
}

fn main() {
    // AFL++ forks this process for every input once the world is made, and
    // a child keeps only the forking thread: a rayon pool with threads of
    // its own (loading a plan uses rayon) would wait on them forever. The
    // main thread is the pool's only worker.
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build_global()
        .expect("the global pool is made once, first");
    let w = world();
    afl::fuzz!(|data: &[u8]| {
        let loaded = plan_lint::load::workspace::load_file(
            Path::new("progress/2023/eco-env.yaml"),
            "progress/2023/eco-env.yaml".into(),
            Some(data.to_vec()),
            plan_lint::load::workspace::DEFAULT_MAX_FILE_SIZE,
        );
        let mut diags = loaded.diagnostics.clone();
        if let Some(r) = &loaded.report {
            let history = History::build(&w.plans.0, w.earlier.iter().chain(std::iter::once(r)));
            check::check_report(&w.plans, r, None, &history, &w.opts, &mut diags);
        }
        for d in &diags {
            for lang in Lang::ALL {
                assert!(
                    !d.code.as_str().is_empty() && !d.message(lang).trim().is_empty(),
                    "{d:?}"
                );
                assert!(!d.help(lang).trim().is_empty(), "no help: {d:?}");
            }
            if let (Some(src), Some(span)) = (&d.location.source, d.location.span) {
                assert!(
                    span.start() <= span.end() && span.end() <= src.text().len(),
                    "{d:?}"
                );
                assert!(
                    src.text().is_char_boundary(span.start())
                        && src.text().is_char_boundary(span.end())
                );
            }
        }
        let outcome = Outcome {
            diagnostics: diags,
            ..Outcome::default()
        };
        let info = RunInfo {
            outcome: &outcome,
            plans: Vec::new(),
            base: None,
        };
        for lang in Lang::ALL {
            let _ = human::render(&info, lang, false);
            let _ = json::render(&info, lang);
        }
    });
}

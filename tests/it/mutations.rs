//! Mutation testing: the example reports with bytes flipped, cut short,
//! lines duplicated, deleted or swapped, keys renamed and YAML punctuation
//! inserted. The check of a mutated report must never panic, and every
//! diagnostic it gives must have a code, a message, a help text and a
//! location inside the file (or no location, for a file-level finding).
//!
//! The check is called without `check::run`'s per-file panic isolation, so a
//! panic fails the property instead of becoming an internal error.

use crate::common::mutation::{apply, mutation};
use plan_lint::diagnostics::messages::Lang;
use plan_lint::engine::check::{self, Outcome};
use plan_lint::engine::history::History;
use plan_lint::engine::rules::registry;
use plan_lint::load::workspace::CheckOptions;
use plan_lint::model::plan::Plan;
use plan_lint::model::plan::Plans;
use plan_lint::model::report::Report;
use plan_lint::output::findings::{human, json, RunInfo};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

const ROOT: &str = "fixtures/example/progress";
const DEPARTMENTS: [&str; 5] = ["drc", "eco-env", "education", "health", "hrss"];

struct World {
    plans: Plans,
    /// Per department: the 2021 and 2022 reports (history) and the 2023 text.
    departments: Vec<(Vec<Report>, Vec<u8>)>,
    opts: CheckOptions,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let load = |p: String| {
            plan_lint::load::workspace::load_file(
                Path::new(&p),
                p.clone(),
                None,
                plan_lint::load::workspace::DEFAULT_MAX_FILE_SIZE,
            )
            .report
            .expect("example reports load")
        };
        let departments = DEPARTMENTS
            .iter()
            .map(|d| {
                let earlier = vec![
                    load(format!("{ROOT}/2021/{d}.yaml")),
                    load(format!("{ROOT}/2022/{d}.yaml")),
                ];
                let text = std::fs::read(format!("{ROOT}/2023/{d}.yaml")).unwrap();
                (earlier, text)
            })
            .collect();
        let plans = Plans(vec![Plan::builtin().expect("built-in plan loads")]);
        let mut opts = CheckOptions::new(
            ROOT,
            plan_lint::model::report::parse_date("2026-01-01").unwrap(),
        );
        // The example repository's register: the requirements 序号17-19 are judged by.
        opts.decisions = std::sync::Arc::new(
            plan_lint::load::decisions::Register::load_dir(
                &std::path::Path::new(ROOT).join("../decisions"),
                &plans,
            )
            .expect("the example register loads"),
        );
        World {
            plans,
            departments,
            opts,
        }
    })
}

const KEYS: &[&str] = &[
    "",
    "valeu",
    "Value",
    "id ",
    "<<",
    "indicators",
    "projects",
    "1",
    "null",
    "名称",
    "status",
    "requirement",
    "pending",
    "suppressions",
    "revision",
    "period",
    "\"value\"",
    "? x",
];

const TOKENS: &[&str] = &[
    "- ",
    ": ",
    "&a ",
    "*a",
    "*b",
    "!!str ",
    "!x ",
    "\t",
    "{",
    "}",
    "[",
    "]",
    "# ",
    "'",
    "\"",
    "\0",
    "\r",
    "\n",
    "---\n",
    "...\n",
    "? ",
    "|",
    ">",
    "%YAML 1.2\n",
    "~",
    "1e400",
    ".nan",
    "-0",
    "0x1F",
    "99999999999999999999",
    "９",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    ",",
    "@",
    "`",
    "  ",
    "null",
    "2023-02-30",
];

fn diagnostics_of(
    department: usize,
    bytes: Vec<u8>,
) -> Vec<plan_lint::diagnostics::diagnostic::Diagnostic> {
    let w = world();
    let (earlier, _) = &w.departments[department];
    let name = format!("{ROOT}/2023/{}.yaml", DEPARTMENTS[department]);
    let loaded = plan_lint::load::workspace::load_file(
        Path::new(&name),
        name.clone(),
        Some(bytes),
        plan_lint::load::workspace::DEFAULT_MAX_FILE_SIZE,
    );
    let mut diags = loaded.diagnostics.clone();
    if let Some(r) = &loaded.report {
        let history = History::build(&w.plans.0, earlier.iter().chain(std::iter::once(r)));
        check::check_report(&w.plans, r, None, &history, &w.opts, &mut diags);
    }
    diags
}

fn check_mutated(department: usize, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let diags = diagnostics_of(department, bytes);
    for d in &diags {
        prop_assert!(
            registry::info(d.code.as_str()).is_some(),
            "unknown code {}",
            d.code
        );
        for lang in Lang::ALL {
            prop_assert!(!d.message(lang).trim().is_empty(), "no message: {d:?}");
            prop_assert!(!d.help(lang).trim().is_empty(), "no help: {d:?}");
        }
        match (&d.location.source, d.location.span) {
            (Some(src), Some(span)) => {
                prop_assert!(
                    span.start() <= span.end() && span.end() <= src.text().len(),
                    "{d:?}"
                );
                prop_assert!(
                    src.text().is_char_boundary(span.start())
                        && src.text().is_char_boundary(span.end()),
                    "span off a character boundary: {d:?}"
                );
                prop_assert!(d.location.line_col().is_some());
            }
            (_, None) => {} // a file-level finding: no line (null in JSON)
            (None, Some(_)) => prop_assert!(false, "a span without its file: {d:?}"),
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
        prop_assert!(!human::render(&info, lang, false).is_empty());
        prop_assert!(!json::render(&info, lang).is_empty());
    }
    Ok(())
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn mutated_reports_get_well_formed_diagnostics(
        department in 0..DEPARTMENTS.len(),
        mutations in prop::collection::vec(mutation(KEYS, TOKENS), 1..5),
    ) {
        let mut bytes = world().departments[department].1.clone();
        for m in &mutations {
            bytes = apply(bytes, m);
        }
        check_mutated(department, bytes)?;
    }
}

/// The unmutated reports are clean, so that the property above is about
/// what the mutations do.
#[test]
fn the_unmutated_reports_are_clean() {
    for (i, (_, text)) in world().departments.iter().enumerate() {
        let diags = diagnostics_of(i, text.clone());
        assert!(diags.is_empty(), "{}: {diags:?}", DEPARTMENTS[i]);
    }
}

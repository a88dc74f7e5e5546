//! A check of named reports reads only what judges them (issue 32): their
//! departments' own record by place, and the departments a plan's
//! responsibilities move an indicator or project between — and judges them
//! exactly as a check of the whole data root does.

use plan_lint::engine::check;
use plan_lint::load::decisions::Register;
use plan_lint::load::workspace::CheckOptions;
use plan_lint::model::plan::{Plan, Plans};
use std::path::Path;

fn options(root: &str, decisions: Option<&str>, plans: &Plans) -> CheckOptions {
    let today = plan_lint::model::report::parse_date("2026-06-30").unwrap();
    let mut o = CheckOptions::new(Path::new(root).to_path_buf(), today);
    if let Some(d) = decisions {
        o.decisions = std::sync::Arc::new(Register::load_dir(Path::new(d), plans).unwrap());
    }
    o
}

/// Each finding as (file, code, node, message) in English.
fn findings(o: &check::Outcome, file: &str) -> Vec<String> {
    let mut v: Vec<String> = (o.diagnostics.iter())
        .filter(|d| d.location.path == file)
        .map(|d| {
            let lang = plan_lint::diagnostics::messages::Lang::En;
            format!(
                "{} {} {:?} {} | {}",
                d.location.path,
                d.code.as_str(),
                d.node_path,
                d.message(lang),
                d.help(lang)
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn one_report_is_judged_as_in_a_check_of_the_whole_root_reading_only_its_record() {
    let plans = Plans(vec![Plan::builtin().unwrap()]);
    for (root, decisions) in [
        ("fixtures/example/progress", None),
        (
            "fixtures/evaluation/progress",
            Some("fixtures/evaluation/decisions"),
        ),
    ] {
        let opts = options(root, decisions, &plans);
        let whole = check::run(&plans, &opts).unwrap();
        let places = crate::common::walk(Path::new(root));
        assert!(places.len() > 5, "{root}: {} reports", places.len());
        for file in &places {
            let shown = plan_lint::syntax::paths::display(file);
            let mut one = opts.clone();
            one.inputs = vec![shown.clone()];
            let focused = check::run(&plans, &one).unwrap();
            assert_eq!(
                findings(&focused, &shown),
                findings(&whole, &shown),
                "{shown}: judged otherwise when checked alone"
            );
            let department = file.file_stem().unwrap();
            let own = (places.iter())
                .filter(|p| p.file_stem() == Some(department))
                .count();
            assert_eq!(
                focused.read,
                (own, places.len()),
                "{shown}: reads its department's {own} reports of {}",
                places.len()
            );
        }
    }
}

//! The fast YAML scanner (crates/plan-lint-yaml/src/fast.rs) against
//! saphyr-parser's path on the files plan-lint is built for (the repository's
//! reports and plan files, generated reports and synthetic plans, and
//! mutations of them): whenever the scanner gives a tree, it is the tree the
//! parser's path gives, spans included, and those files do take the fast
//! path. The check itself, and its hand-written cases and token soup, are the
//! YAML crate's (crates/plan-lint-yaml/tests/it/).

use crate::common;
use crate::common::mutation::{mutation, Mutation};
use crate::repo;
use plan_lint::model::plan::Plan;
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::OnceLock;

#[path = "../../crates/plan-lint-yaml/tests/it/agree.rs"]
mod agree;
use agree::same_tree;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::builtin().unwrap())
}

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

/// Every YAML file of the repository that is UTF-8.
fn repository_texts() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["fixtures", "rules", ".github"] {
        yaml_files(Path::new(dir), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
            Some((p.display().to_string(), text))
        })
        .collect()
}

/// Generated reports (two districts, planted findings included) and the
/// synthetic plan files that go with them.
fn generated_texts() -> &'static [(String, Option<&'static str>)] {
    static T: OnceLock<Vec<(String, Option<&'static str>)>> = OnceLock::new();
    T.get_or_init(|| {
        let opts = repo::Options {
            reports: 300,
            findings: 0.3,
            seed: 11,
        };
        let l = repo::layout(plan(), &opts);
        let mut texts: Vec<_> = l
            .specs
            .iter()
            .map(|s| repo::render_report(plan(), s, opts.seed))
            .collect();
        for (_, text) in repo::synthetic_plan(plan(), 3) {
            texts.push((text, None));
        }
        texts
    })
}

#[test]
fn repository_files_agree_and_reports_take_the_fast_path() {
    let mut fast = 0;
    let texts = repository_texts();
    for (path, text) in &texts {
        let took = same_tree(text);
        fast += usize::from(took);
        // The shape plan-lint reads most: reports. (Plan files with folded
        // block scalars (`>-`) are outside the subset; the built-in plan is
        // prepared at build time anyway.)
        if path.starts_with("fixtures/example/") {
            assert!(took, "{path} missed the fast path");
        }
    }
    assert!(
        fast * 2 > texts.len(),
        "only {fast} of {} files took the fast path",
        texts.len()
    );
}

#[test]
fn generated_reports_and_plans_agree_and_take_the_fast_path() {
    for (text, planted) in generated_texts() {
        let took = same_tree(text);
        if *planted != Some("PL001") && !text.contains(": >") {
            assert!(took, "a generated file missed the fast path:\n{text}");
        }
    }
}

const TOKENS: &[&str] = &[
    "- ",
    "-",
    ": ",
    ":",
    " ",
    "  ",
    "\n",
    "# ",
    "#",
    "'",
    "''",
    "\"",
    "\\",
    "\\u00e9",
    "\\x",
    "{",
    "}",
    "[",
    "]",
    ",",
    ", ",
    "&a ",
    "*a",
    "!x ",
    "|",
    ">",
    "? ",
    "%",
    "@",
    "`",
    "~",
    "null",
    "true",
    "1",
    "-0",
    "0x1F",
    "1e400",
    ".nan",
    "99999999999999999999",
    "<<",
    "---",
    "...",
    "\t",
    "\r",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{a0}",
    "９",
    "名",
    "a: b",
    "- a: b",
    "{\"a\": 1}",
    "[1, 2]",
    "[]",
    "{}",
];

/// Keys a mutation may rename to: other fields, YAML's special scalars, quoted and explicit keys.
const KEYS: &[&str] = &[
    "",
    "value",
    "id ",
    "<<",
    "1",
    "null",
    "名称",
    "\"value\"",
    "? x",
    "a: b",
];

/// A mutated text; invalid UTF-8 a mutation makes is replaced, since the loader takes text.
fn apply(text: &str, m: &Mutation) -> String {
    String::from_utf8_lossy(&common::mutation::apply(text.as_bytes().to_vec(), m)).into_owned()
}

fn seeds() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut s: Vec<String> = repository_texts()
            .into_iter()
            .filter(|(p, _)| p.starts_with("fixtures/example/") || p.contains("/progress/"))
            .map(|(_, t)| t)
            .take(40)
            .collect();
        s.extend(generated_texts().iter().take(20).map(|(t, _)| t.clone()));
        s.extend(
            repo::synthetic_plan(plan(), 1)
                .into_iter()
                .map(|(_, t)| t)
                .take(2),
        );
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("FAST_YAML_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(3000), ..ProptestConfig::default() })]

    #[test]
    fn mutated_files_agree(seed in any::<Index>(), ms in prop::collection::vec(mutation(KEYS, TOKENS), 1..4)) {
        let s = seeds();
        let mut text = s[seed.index(s.len())].clone();
        for m in &ms {
            text = apply(&text, m);
        }
        same_tree(&text);
    }

}

//! The fast YAML scanner (`src/yaml_fast.rs`) against saphyr-parser's path
//! (`yaml::load_events`): whenever the scanner gives a tree, it is the tree
//! the parser's path gives, spans included; and the files plan-lint is
//! built for (the repository's reports and plan files, generated reports and
//! synthetic plans) do take the fast path.

use crate::common;
use crate::common::mutation::{mutation, Mutation};
use crate::repo;
use plan_lint::model::plan::Plan;
use plan_lint::syntax::yaml::{self, Limits, Node, NodeKind};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::OnceLock;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::builtin().unwrap())
}

/// The fast tree, if the scanner gave one, after asserting the parser's path agrees.
fn same_tree(text: &str) -> bool {
    let Some(fast) = yaml::load_subset(text, 0, Limits::default()) else {
        return false;
    };
    match yaml::load_events(text, 0, Limits::default()) {
        Ok(slow) => {
            if let Some(d) = first_difference(&fast, &slow, text, String::new()) {
                panic!("the trees differ at {d} for:\n{text}");
            }
        }
        Err(e) => panic!("the fast path accepted what the parser rejects ({e:?}):\n{text}"),
    }
    true
}

/// Where two trees first differ, with the source each span covers.
fn first_difference(a: &Node, b: &Node, text: &str, path: String) -> Option<String> {
    let show = |n: &Node| format!("{:?} {:?}", n.span, text.get(n.span.start()..n.span.end()));
    match (&a.kind, &b.kind) {
        (NodeKind::Seq(x), NodeKind::Seq(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(p, q, text, format!("{path}/{i}")) {
                    return Some(d);
                }
            }
        }
        (NodeKind::Map(x), NodeKind::Map(y)) if x.len() == y.len() => {
            for ((k1, v1), (k2, v2)) in x.iter().zip(y) {
                let here = format!("{path}/{}", k1.key_text());
                if let Some(d) = first_difference(k1, k2, text, format!("{here} (key)")) {
                    return Some(d);
                }
                if let Some(d) = first_difference(v1, v2, text, here) {
                    return Some(d);
                }
            }
        }
        // `.nan` is not equal to itself: compare leaves as written out.
        (x, y) if format!("{x:?}") == format!("{y:?}") => {}
        _ => return Some(format!("{path}: fast {:?} / parser {:?}", a.kind, b.kind)),
    }
    (a.span != b.span).then(|| format!("{path}: fast {} / parser {}", show(a), show(b)))
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

#[test]
fn fixed_cases_agree() {
    let cases = [
        "a: 1\n",
        "a: 1   # x\nb:\n  - x\n  - k: 'q''s'\n    m: \"d\\\"q\"  \n    e:\n    n: [ ]\n  -   \nc:\n- 1\n- {\"a\":1, \"b\": [1, 2]}\nd: {}\ne: foo bar  \nf: \"x\"",
        "a:  # c\nb:\n-   # c\n- \"x\"  # d\n- [ ]  # e\n- {}  \nc: [1, \"x\" , y]  \nd: {\"a\" : 1}\ne  : 1\nf:\n  - [a b]\n  -\ng: \"\\u00e9\\/\"\n",
        "a:\n- k: 1\n  j: 2\n- \n- x\nb:\n-\n- 1\nd:   \ne: \"x\"   # c\nf: 'y'  \ng:\n  h: 1\ni: \"x\"\n",
        "名称: 空气\nvalue: 97.6\nq: \"x\"\n",
        "a: http://x.y/z\nb: a#b\nc: [a, b]  # c\nd: -1.5e3\ne: 0x1F\nf: .inf\ng: ~\nh: True\n",
        "a: b\n# c\n  # d\nb: c\n",
        "k:\n  - id: x\n    v:\n      - 1\n      - 2\n  - id: y\n",
        "k: [-a, ?b]\nm: -]\n",
    ];
    for c in cases {
        assert!(same_tree(c), "the fast path refused:\n{c}");
    }
    // Outside the subset: the parser's.
    for c in [
        "a: b\n  c\n",
        "a: |\n  x\n",
        "a: &x 1\nb: *x\n",
        "a: 1\na: 2\n",
        "- 1\n",
        "a:\tb\n",
        "a: 1\r\n",
        "---\na: 1\n",
        "a: !!str 1\n",
        "a: [1,\n  2]\n",
        "a: 99999999999999999999\n",
        "? a\n: b\n",
        // A key starting `--- ` or `... `, indented: a document marker to the
        // parser, which rejects it (found by mutated_files_agree).
        "indicators:\n --- - id: I25   # 人口平均预期寿命\n",
        "a:\n  ... b: c\n",
        "a:\n - --- b: c\n",
        // `-`, `?` or `:` before flow punctuation starts no plain scalar in
        // a flow collection; the parser rejects it (found by token_soup_agrees).
        "k: [-]\n",
        "k: [a, -]\n",
        "k: {a: -}\n",
        "k: [?, b]\n",
        "k: [:]\n",
    ] {
        assert!(yaml::load_subset(c, 0, Limits::default()).is_none(), "{c}");
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

/// Small documents from YAML's punctuation and a few words: the corners
/// mutations of real files rarely reach.
fn token_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "b", "ab", "名", "1", "2.5", "-", "- ", ":", ": ", " ", "  ", "\n", "\n  ", "\n- ",
        "#", " #", "'", "\"", "\\n", "[", "]", "{", "}", ",", "~", "null", "k: ", "x: [", "y: {",
    ]);
    prop::collection::vec(pieces, 1..40).prop_map(|v| format!("k: {}\n", v.concat()))
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

    #[test]
    fn token_soup_agrees(text in token_soup()) {
        same_tree(&text);
    }
}

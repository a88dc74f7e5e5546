//! The fast YAML scanner (`src/fast.rs`) against saphyr-parser's path
//! (`load_events`) on hand-written cases and on generated token soup: whenever
//! the scanner gives a tree, it is the tree the parser's path gives, spans
//! included ([`same_tree`]). plan-lint's tests/it/fast_yaml.rs runs the same
//! check on the files plan-lint is built for (the repository's reports and
//! plan files, generated reports and plans, and mutations of them).

use crate::agree::same_tree;
use plan_lint_yaml::{load_subset, Limits};
use proptest::prelude::*;

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
        assert!(load_subset(c, 0, Limits::default()).is_none(), "{c}");
    }
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

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("FAST_YAML_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(3000), ..ProptestConfig::default() })]

    #[test]
    fn token_soup_agrees(text in token_soup()) {
        same_tree(&text);
    }
}

//! The YAML layer (crates/plan-lint-yaml, nothing of plan-lint) on arbitrary
//! bytes: it must return a tree or a load error, never panic, and every span
//! it gives must lie inside the text on character boundaries. Differential
//! too: whenever the fast scanner gives a tree, the saphyr-parser path gives
//! the same one. A load error's words are plan-lint's: `check_report`, which
//! loads its bytes through this loader, checks that every one has a message
//! and a help text in each language.

use plan_lint_yaml::{load, load_events, load_subset, Limits, Node, NodeKind};

fn check_spans(node: &Node, text: &str, base: usize) {
    let (s, e) = (node.span.start(), node.span.end());
    assert!(
        s <= e && e <= text.len() + base,
        "span {s}..{e} outside the text"
    );
    assert!(
        s >= base || (s == 0 && e == 0),
        "span {s}..{e} inside the BOM"
    );
    match &node.kind {
        NodeKind::Seq(items) => items.iter().for_each(|n| check_spans(n, text, base)),
        NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
            check_spans(k, text, base);
            check_spans(v, text, base);
        }),
        _ => {}
    }
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let (body, base) = match text.strip_prefix('\u{feff}') {
            Some(b) => (b, 3),
            None => (text, 0),
        };
        if let Some(fast) = load_subset(body, base, Limits::default()) {
            let slow = load_events(body, base, Limits::default());
            // Compared as written out: `.nan` is not equal to itself.
            assert_eq!(
                Ok(format!("{fast:?}")),
                slow.map(|n| format!("{n:?}")).map_err(|e| format!("{e:?}")),
                "the fast scanner and saphyr-parser disagree"
            );
        }
        match load(body, base, Limits::default()) {
            Ok(node) => {
                check_spans(&node, body, base);
                let _ = node.to_json();
            }
            Err(e) => {
                assert!(
                    e.span.end() <= body.len() + base,
                    "error span outside the text"
                );
            }
        }
    });
}

//! The YAML loader on arbitrary bytes: it must return a tree or a load error,
//! never panic, and every span it gives must lie inside the text on character
//! boundaries.

use plan_lint::messages::Lang;
use plan_lint::yaml::{load, Limits, Node, NodeKind};

fn check_spans(node: &Node, text: &str, base: usize) {
    let (s, e) = (node.span.start, node.span.end);
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
        match load(body, base, Limits::default()) {
            Ok(node) => {
                check_spans(&node, body, base);
                let _ = node.to_json();
            }
            Err(e) => {
                for lang in Lang::ALL {
                    assert!(!e.message(lang).is_empty() && !e.help(lang).is_empty());
                }
                assert!(
                    e.span.end <= body.len() + base,
                    "error span outside the text"
                );
            }
        }
    });
}

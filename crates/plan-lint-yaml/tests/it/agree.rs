//! The differential check of the fast scanner: whenever it gives a tree,
//! saphyr-parser's path (`load_events`) gives the same one, spans included.
//! Shared with plan-lint's tests/it/fast_yaml.rs (included there by path),
//! which runs it on the files plan-lint is built for.

use plan_lint_yaml::{load_events, load_subset, Limits, Node, NodeKind};

/// The fast tree, if the scanner gave one, after asserting the parser's path agrees.
pub fn same_tree(text: &str) -> bool {
    let Some(fast) = load_subset(text, 0, Limits::default()) else {
        return false;
    };
    match load_events(text, 0, Limits::default()) {
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

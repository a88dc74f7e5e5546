//! `cargo run --release --example parse_floor -- DIR...`
//!
//! The parse floor of `bench/compare.sh`: every `*.yaml` under the given
//! directories read and run through saphyr-parser's event stream, which
//! carries a span for every node, and nothing else: no tree, no schema, no
//! rules. Files are spread over all cores like `plan-lint check` does. It
//! prints how many files and events it saw, so the work cannot be skipped.

use rayon::prelude::*;
use saphyr_parser::Parser;
use std::path::PathBuf;

fn collect(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    // `--tree`: plan-lint's own loader instead (the fast scanner, saphyr
    // for files outside its subset), building the span tree a check uses.
    let tree = std::env::args().nth(1).as_deref() == Some("--tree");
    for d in std::env::args().skip(if tree { 2 } else { 1 }) {
        collect(std::path::Path::new(&d), &mut files);
    }
    let started = std::time::Instant::now();
    let (events, last_end) = files
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable UTF-8 file");
            if tree {
                let limits = plan_lint::syntax::yaml::Limits::default();
                let node = plan_lint::syntax::yaml::load(&text, 0, limits).expect("valid YAML");
                return (1, node.span.end());
            }
            let mut parser = Parser::new_from_str(&text);
            let (mut n, mut end) = (0usize, 0usize);
            while let Some(Ok((_, span))) = parser.next_event() {
                n += 1;
                end = end.max(span.end.index());
            }
            (n, end)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1.max(b.1)));
    eprintln!(
        "{} files, {events} events (furthest position {last_end}) in {:.3} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
}

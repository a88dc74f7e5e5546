//! The library's layers (src/lib.rs): each top-level module imports only the
//! modules before it in [`LAYERS`], so there is no cycle among them and the
//! folders say what depends on what. Every `crate::` path of every source file
//! (its `use crate::` lines and the paths written inline; comments aside) is
//! read and checked.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The top-level modules, lowest first.
const LAYERS: &[&str] = &[
    "syntax",
    "model",
    "diagnostics",
    "load",
    "engine",
    "drivers",
    "output",
    "commands",
    "cli",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of src/ belongs to (None: lib.rs, main.rs).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix("src").unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// The top-level modules a file's code names through `crate::`, with the line.
fn imports(text: &str) -> Vec<(usize, String)> {
    let path = regex::Regex::new(r"\bcrate::(?:\{\s*)?([a-z_]+)").unwrap();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for c in path.captures_iter(code) {
            out.push((n + 1, c[1].to_string()));
        }
    }
    out
}

#[test]
fn every_layer_imports_only_the_layers_below_it() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.sort();
    let mut seen = BTreeSet::new();
    let mut upward = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let rank = LAYERS.iter().position(|l| *l == module);
        let Some(rank) = rank else {
            panic!("{}: the module `{module}` is in no layer: add it to LAYERS (and to src/lib.rs's list)", file.display());
        };
        seen.insert(module.clone());
        let text = std::fs::read_to_string(file).unwrap();
        for (line, target) in imports(&text) {
            let Some(to) = LAYERS.iter().position(|l| *l == target) else {
                // A crate-root item (FastMap, free_later), not a module.
                continue;
            };
            if to > rank {
                upward.push(format!(
                    "{}:{line}: {module} imports {target}",
                    file.display()
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that point up a layer:\n{}",
        upward.join("\n")
    );
    let all: BTreeSet<String> = LAYERS.iter().map(|l| l.to_string()).collect();
    assert_eq!(seen, all, "every layer has its folder or file");
    // lib.rs declares exactly the layers (rustfmt sorts them; its doc
    // comment lists them in order).
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    let declared: BTreeSet<String> = (lib.lines())
        .filter_map(|l| Some(l.strip_prefix("pub mod ")?.strip_suffix(';')?.to_string()))
        .collect();
    assert_eq!(declared, all);
    let order: Vec<&str> = (lib.lines())
        .filter_map(|l| {
            l.strip_prefix("//! ")?
                .split_once(". [`")?
                .1
                .split('`')
                .next()
        })
        .collect();
    assert_eq!(order, LAYERS, "src/lib.rs's list of the layers, in order");
}

#[test]
fn the_check_reads_crate_paths() {
    let found =
        imports("use crate::load::schema;\nlet x = crate::engine::check::run(); // crate::cli\n");
    assert_eq!(found, [(1, "load".to_string()), (2, "engine".to_string())]);
}

/// The YAML layer is its own crate (crates/plan-lint-yaml, which cannot name
/// plan-lint: it does not depend on it); within plan-lint only the syntax
/// layer's re-export names it, so the rest writes `syntax::yaml`.
#[test]
fn only_the_syntax_layer_names_the_yaml_crate() {
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.sort();
    let naming: Vec<String> = (files.iter())
        .filter(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .contains("plan_lint_yaml")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert_eq!(naming, ["src/syntax/mod.rs"]);
}

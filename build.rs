//! Embeds the built-in plan (every file under `rules/nanming-14th-fyp/`) so
//! the binary works with no configuration and no files beside it, prepared
//! so that a start only deserialises it: each file's YAML text (diagnostics
//! point into it), the JSON view of its tree, made by the same loader a run
//! uses (the YAML layer, `crates/plan-lint-yaml`, whose source is included
//! here: a build dependency on the crate would link the fuzz build's
//! instrumented copy into this script; see fuzz/run.sh), and
//! the SHA-256 digest over the files. The tests load the same files the slow way, through their schemas,
//! and prove both give the same plan.

use std::fmt::Write;
use std::path::Path;

#[path = "crates/plan-lint-yaml/src/lib.rs"]
#[allow(dead_code)]
mod yaml;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/nanming-14th-fyp");
    println!("cargo:rerun-if-changed={}", dir.display());
    // The loader's source, included above.
    for loader in [
        "crates/plan-lint-yaml/src/lib.rs",
        "crates/plan-lint-yaml/src/events.rs",
        "crates/plan-lint-yaml/src/diagnose.rs",
        "crates/plan-lint-yaml/src/fast.rs",
        "crates/plan-lint-yaml/src/de.rs",
    ] {
        println!("cargo:rerun-if-changed={loader}");
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut texts = std::collections::BTreeMap::new();
    let mut out = String::from(
        "/// The built-in plan's files: (file name, YAML text, JSON view of its tree).\npub static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for n in &names {
        let path = dir.join(n);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("plan files are UTF-8");
        // A file that does not load gets no JSON; Plan::builtin then reports it.
        let json = yaml::load(&text, 0, yaml::Limits::default())
            .map(|node| node.to_json().to_string())
            .unwrap_or_default();
        writeln!(
            out,
            "    ({n:?}, include_str!({:?}), {json:?}),",
            path.display().to_string()
        )
        .unwrap();
        texts.insert(n.clone(), text);
    }
    out.push_str("];\n");
    // The digest over the files in the order the plan loads them: plan.yaml,
    // its catalog files, its rule files (as Plan::from_dir computes it).
    let order = load_order(texts.get("plan.yaml").map(String::as_str).unwrap_or(""));
    let digest = {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for n in order {
            if let Some(t) = texts.get(&n) {
                h.update(t.as_bytes());
            }
        }
        h.finalize().iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    };
    writeln!(
        out,
        "/// SHA-256 over the files in load order.\npub static SHA256: &str = {digest:?};"
    )
    .unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_plan.rs");
    std::fs::write(dest, out).unwrap();
}

/// plan.yaml, then the files its `catalog` and `rules` lists name.
fn load_order(header: &str) -> Vec<String> {
    let mut order = vec!["plan.yaml".to_string()];
    if let Ok(node) = yaml::load(header, 0, yaml::Limits::default()) {
        for list in ["catalog", "rules"] {
            for item in node.get(list).and_then(yaml::Node::as_seq).unwrap_or(&[]) {
                if let Some(s) = item.as_str() {
                    order.push(s.to_string());
                }
            }
        }
    }
    order
}

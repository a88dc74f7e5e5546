//! What the command-line tests share: running plan-lint through the library
//! and reading its JSON output. Each test binary uses part of it.
#![allow(dead_code)]

pub mod mutation;

use plan_lint::cli::{run, Env, Output};
use serde_json::Value;

/// `plan-lint ARGS…` through the library, with an empty environment.
pub fn plan_lint(args: &[&str]) -> Output {
    let mut full = vec!["plan-lint"];
    full.extend_from_slice(args);
    run(full, Env::default())
}

/// The JSON document a run printed.
pub fn json(out: &Output) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", out.stdout, out.stderr))
}

/// The codes of a JSON document's diagnostics, in output order.
pub fn codes(v: &Value) -> Vec<&str> {
    v["diagnostics"]
        .as_array()
        .map(|a| a.iter().filter_map(|d| d["code"].as_str()).collect())
        .unwrap_or_default()
}

/// The first diagnostic with `code`; fails the test, naming the codes there are, if none.
pub fn diagnostic<'a>(v: &'a Value, code: &str) -> &'a Value {
    v["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == code))
        .unwrap_or_else(|| panic!("no {code} among {:?}", codes(v)))
}

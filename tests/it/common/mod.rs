//! What the command-line tests share: running plan-lint through the library
//! and reading its JSON output, for the modules of the test binary.

pub mod mutation;

use plan_lint::cli::{run, Env, Output};
use serde_json::Value;

/// `plan-lint ARGS…` through the library, with an empty environment.
pub fn plan_lint(args: &[&str]) -> Output {
    let mut full = vec!["plan-lint"];
    full.extend_from_slice(args);
    run(full, Env::default())
}

/// Every file below `dir`, sorted.
pub fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
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

/// Whether the tests run under CI (`CI=true`), where a test that needs an
/// outside program must run rather than skip.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// An outside program: `$VAR`, or the first of `names` on PATH.
pub fn program(var: &str, names: &[&str]) -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        let p = std::path::PathBuf::from(p);
        assert!(p.is_file(), "{var}={} is not a file", p.display());
        return Some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| names.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// A test whose outside program is missing: under `CI=true` it fails
/// (`.ci/run` installs the program), elsewhere it says it is skipped, on
/// the process's standard error (libtest captures a passing test's
/// println!, and a skip must be seen).
pub fn missing_program(test: &str, program: &str, install: &str) {
    if under_ci() {
        panic!("{program} is not installed, and CI=true requires {test} to run: .ci/run installs {install}");
    }
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!(
            "SKIPPED {test}: {program} not found on PATH (apt-get install {install}); under CI=true it must run\n"
        )
        .as_bytes(),
    );
}

/// Runs a program to its end, within `limit`, its output read on threads
/// so that a full pipe cannot block it: (stdout, stderr). Fails the test
/// when it overruns or exits unsuccessfully.
pub fn run_program(
    cmd: &mut std::process::Command,
    what: &str,
    limit: std::time::Duration,
) -> (String, String) {
    use std::process::Stdio;
    let mut child = (cmd.stdin(Stdio::null()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what} does not start: {e}"));
    let read = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            r.read_to_string(&mut s).ok();
            s
        })
    };
    let out = read(Box::new(child.stdout.take().unwrap()));
    let err = read(Box::new(child.stderr.take().unwrap()));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait for the program") {
            break s;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {} s", limit.as_secs());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let (stdout, stderr) = (out.join().unwrap(), err.join().unwrap());
    assert!(status.success(), "{what} failed ({status}): {stderr}");
    (stdout, stderr)
}

/// A copy of the folder `from` at `to`.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

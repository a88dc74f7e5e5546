//! A real client of the offline `$schema` (issue 31): yaml-language-server,
//! the YAML language server VS Code's and Neovim's YAML support run, opens a
//! report `plan-lint init` wrote, finds the schema through the report's
//! `# yaml-language-server: $schema=../../schemas/report.schema.json` line in
//! the copy `plan-lint schema report -o` keeps beside the data root — with
//! no network — and validates the report against it.
//!
//! .ci/run installs yaml-language-server from the npm registry into
//! `target/yls`; under CI=true the test runs, never skips.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn server() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/yls/node_modules/yaml-language-server/bin/yaml-language-server");
    let node = Command::new("node").arg("--version").output();
    if path.is_file() && node.is_ok_and(|o| o.status.success()) {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "yaml-language-server is missing under CI=true: .ci/run installs it into target/yls"
    );
    eprintln!("skipped: no yaml-language-server in target/yls (CI installs it)");
    None
}

fn plan_lint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn send(stdin: &mut impl Write, msg: serde_json::Value) {
    let body = msg.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
}

fn receive(out: &mut impl BufRead) -> Option<serde_json::Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if out.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    out.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The diagnostics yaml-language-server publishes for `file`, its requests
/// for settings answered with validation on and no schema store.
fn diagnostics(server: &Path, root: &Path, file: &Path) -> Vec<String> {
    let mut child = Command::new("node")
        .arg(server)
        .arg("--stdio")
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let uri = format!("file://{}", file.display());
    let root_uri = format!("file://{}", root.display());
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": root_uri, "capabilities": {
                "workspace": {"configuration": true},
                "textDocument": {"publishDiagnostics": {}}
            }
        }}),
    );
    let settings = serde_json::json!({
        "validate": true, "schemaStore": {"enable": false}, "schemas": {}
    });
    let mut found = None;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while let Some(msg) = receive(&mut out) {
        assert!(
            std::time::Instant::now() < deadline,
            "no diagnostics in 60 s"
        );
        if msg["id"] == 1 && msg.get("result").is_some() {
            send(
                &mut stdin,
                serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
            );
            send(
                &mut stdin,
                serde_json::json!({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration",
                    "params": {"settings": {"yaml": settings}}}),
            );
            let text = std::fs::read_to_string(file).unwrap();
            send(
                &mut stdin,
                serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
                    "textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
                }}),
            );
        } else if msg["method"] == "workspace/configuration" {
            // One answer per item asked (yaml, http, [yaml], editor, files).
            let items = msg["params"]["items"].as_array().map_or(0, Vec::len);
            let answer: Vec<serde_json::Value> = (msg["params"]["items"].as_array().unwrap())
                .iter()
                .map(|i| match i["section"].as_str() {
                    Some("yaml") => settings.clone(),
                    _ => serde_json::json!({}),
                })
                .collect();
            assert_eq!(answer.len(), items);
            send(
                &mut stdin,
                serde_json::json!({"jsonrpc": "2.0", "id": msg["id"], "result": answer}),
            );
        } else if msg.get("id").is_some() && msg.get("method").is_some() {
            // Any other request of the server's: answered empty.
            send(
                &mut stdin,
                serde_json::json!({"jsonrpc": "2.0", "id": msg["id"], "result": null}),
            );
        } else if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == uri
        {
            found = Some(
                (msg["params"]["diagnostics"].as_array().unwrap().iter())
                    .map(|d| {
                        format!(
                            "{} {}",
                            d["range"]["start"]["line"],
                            d["message"].as_str().unwrap_or_default()
                        )
                    })
                    .collect(),
            );
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    found.expect("yaml-language-server published no diagnostics for the report")
}

#[test]
fn yaml_language_server_validates_a_report_against_the_offline_schema_copy() {
    let Some(server) = server() else { return };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    crate::common::copy_dir(
        Path::new("fixtures/example/progress"),
        &root.join("progress"),
    );
    // The data repository keeps the schema beside the data root.
    let out = plan_lint(
        &root,
        &["schema", "report", "-o", "schemas/report.schema.json"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = plan_lint(
        &root,
        &[
            "init",
            "--department",
            "eco-env",
            "--period",
            "2024",
            "--data-root",
            "progress",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let skeleton = String::from_utf8(out.stdout).unwrap();
    assert!(
        skeleton.contains("# yaml-language-server: $schema=../../schemas/report.schema.json"),
        "{skeleton}"
    );
    // The clerk's slip: `period` written as text, which the schema refuses.
    let report = root.join("progress/2024/eco-env.yaml");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    std::fs::write(
        &report,
        skeleton.replace("period: 2024", "period: 二〇二四"),
    )
    .unwrap();
    let line = (skeleton.lines())
        .position(|l| l.starts_with("period:"))
        .unwrap();
    let found = diagnostics(&server, &root, &report);
    assert!(
        found.iter().any(|d| d.starts_with(&format!("{line} "))),
        "no schema diagnostic on `period` (line {line}): {found:?}"
    );
    // Without the copy the server cannot resolve the schema: the same slip
    // goes unseen, so the finding above came from the offline copy.
    std::fs::remove_file(root.join("schemas/report.schema.json")).unwrap();
    let found = diagnostics(&server, &root, &report);
    assert!(
        !found.iter().any(|d| d.starts_with(&format!("{line} "))),
        "{found:?}"
    );
}

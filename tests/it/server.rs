//! `plan-lint server` at the protocol level: a client drives the server
//! through an in-memory connection (the same messages an editor sends over
//! standard input), and the answers are compared with what `plan-lint check`
//! says of the same file.

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use plan_lint::commands::server::{self, uri_of, Options};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(120);

struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next: i32,
    /// Notifications received while waiting for something else.
    pending: Vec<Notification>,
}

fn abs(p: &str) -> PathBuf {
    std::path::absolute(p).unwrap()
}

fn uri(p: &Path) -> String {
    uri_of(p).unwrap().as_str().to_string()
}

impl Client {
    fn start(root: &Path, options: Value) -> Client {
        let (server_side, client_side) = Connection::memory();
        let handle = std::thread::spawn(move || server::serve(server_side, Options::default()));
        let mut c = Client {
            conn: client_side,
            server: Some(handle),
            next: 0,
            pending: Vec::new(),
        };
        let r = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {},
                "initializationOptions": options,
            }),
        );
        let caps = &r.response_result.expect("initialized")["capabilities"];
        assert_eq!(caps["hoverProvider"], json!(true));
        c.notify("initialized", json!({}));
        c
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.to_string(), params);
        self.conn.sender.send(n.into()).unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Response {
        self.next += 1;
        let id = RequestId::from(self.next);
        let req = Request::new(id.clone(), method.to_string(), params);
        self.conn.sender.send(req.into()).unwrap();
        loop {
            match self.conn.receiver.recv_timeout(WAIT).expect("an answer") {
                Message::Response(r) if r.id == id => return r,
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    fn open(&self, path: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "yaml", "version": 1, "text": text}}),
        );
    }

    fn change(&self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version},
                   "contentChanges": [{"text": text}]}),
        );
    }

    /// The next diagnostics published for `path`.
    fn diagnostics(&mut self, path: &Path) -> Vec<Value> {
        let want = uri(path);
        let is_it = |n: &Notification| {
            n.method == "textDocument/publishDiagnostics" && n.params["uri"] == json!(want)
        };
        if let Some(i) = self.pending.iter().position(is_it) {
            let n = self.pending.remove(i);
            return n.params["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            match self.conn.receiver.recv_timeout(WAIT).expect("diagnostics") {
                Message::Notification(n) if is_it(&n) => {
                    return n.params["diagnostics"].as_array().unwrap().clone()
                }
                Message::Notification(n) => self.pending.push(n),
                _ => {}
            }
        }
    }

    fn stop(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.response_result.is_ok());
        self.notify("exit", Value::Null);
        let served = self.server.take().unwrap().join().unwrap();
        assert_eq!(served, Ok(()));
    }
}

/// (code, line, column) of `check FILE --format json`, lines and columns from 1.
fn check_findings(file: &str, lang: &str) -> Vec<(String, u64, u64, String)> {
    try_check_findings(file, lang).unwrap()
}

/// [`check_findings`], None when the check could not run (exit 2).
fn try_check_findings(file: &str, lang: &str) -> Option<Vec<(String, u64, u64, String)>> {
    let out = plan_lint::cli::run(
        [
            "plan-lint",
            "check",
            "--format",
            "json",
            "--lang",
            lang,
            file,
        ],
        plan_lint::cli::Env::default(),
    );
    findings_of(&out.stdout, file)
}

/// [`check_findings`] run in the repository `root` (whose register only a
/// check run inside it reads), of a report named from there.
fn check_findings_in(root: &Path, file: &str) -> Vec<(String, u64, u64, String)> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan-lint"))
        .args(["check", "--format", "json", "--lang", "en", file])
        .current_dir(root)
        .output()
        .unwrap();
    findings_of(&String::from_utf8_lossy(&out.stdout), file).unwrap()
}

/// The findings on `file` of a check's JSON output, as [`check_findings`] gives them.
fn findings_of(json: &str, file: &str) -> Option<Vec<(String, u64, u64, String)>> {
    let doc: Value = serde_json::from_str(json).ok()?;
    let mut v: Vec<_> = (doc["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["suppressed"] == json!(false))
        // The server shows the findings on the open report; a check also
        // reports what its walk found elsewhere under the data root (PL108, PL110).
        .filter(|d| d["file"].as_str() == Some(file))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(1),
                d["column"].as_u64().unwrap_or(1),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    Some(v)
}

/// The same of the server's diagnostics (the message is its first line; the
/// help follows it).
fn server_findings(diags: &[Value], text: &str) -> Vec<(String, u64, u64, String)> {
    let mut v: Vec<_> = diags
        .iter()
        .map(|d| {
            let line = d["range"]["start"]["line"].as_u64().unwrap();
            let utf16 = d["range"]["start"]["character"].as_u64().unwrap();
            // check counts columns in characters, LSP in UTF-16 units.
            let l = text.lines().nth(line as usize).unwrap_or("");
            let mut units = 0;
            let column = l.chars().take_while(|c| {
                units += c.len_utf16() as u64;
                units <= utf16
            });
            let column = column.count() as u64;
            (
                d["code"].as_str().unwrap().to_string(),
                line + 1,
                column + 1,
                d["message"]
                    .as_str()
                    .unwrap()
                    .lines()
                    .next()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_report_gets_the_findings_of_check_with_the_earlier_years_value_related() {
    let root = abs("fixtures/rules/PL201/fail");
    let file = root.join("progress/2023/eco-env.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut c = Client::start(&root, json!({}));
    c.open(&file, &text);
    let diags = c.diagnostics(&file);
    let expected = check_findings("fixtures/rules/PL201/fail/progress/2023/eco-env.yaml", "en");
    assert_eq!(server_findings(&diags, &text), expected);
    assert!(expected.iter().any(|f| f.0 == "PL201"), "{expected:?}");
    let pl201 = diags.iter().find(|d| d["code"] == json!("PL201")).unwrap();
    assert_eq!(pl201["severity"], json!(1));
    assert_eq!(pl201["source"], json!("plan-lint"));
    let related = &pl201["relatedInformation"][0];
    assert_eq!(
        related["location"]["uri"],
        json!(uri(&root.join("progress/2022/eco-env.yaml")))
    );
    assert_eq!(
        related["location"]["range"]["start"],
        json!({"line": 7, "character": 11})
    );
    assert_eq!(related["message"], json!("previous value 97.5% (2022)"));

    // A change that mends the figure: the finding goes.
    c.change(&file, 2, &text.replace("value: 96.9", "value: 97.6"));
    let after = c.diagnostics(&file);
    assert!(
        after.iter().all(|d| d["code"] != json!("PL201")),
        "{after:?}"
    );
    c.stop();
}

#[test]
fn the_language_comes_from_the_initialization_options() {
    let root = abs("fixtures/rules/PL201/fail");
    let file = root.join("progress/2023/eco-env.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut c = Client::start(&root, json!({"lang": "zh"}));
    c.open(&file, &text);
    let diags = c.diagnostics(&file);
    let expected = check_findings("fixtures/rules/PL201/fail/progress/2023/eco-env.yaml", "zh");
    assert_eq!(server_findings(&diags, &text), expected);
    let pl201 = diags.iter().find(|d| d["code"] == json!("PL201")).unwrap();
    assert!(pl201["message"]
        .as_str()
        .unwrap()
        .contains("约束性指标不得倒退"));
    c.stop();
}

/// Every rule fixture case that checks one report: the server's findings
/// for that report are `check`'s, code, place and message.
#[test]
fn every_single_report_fixture_case_gets_the_findings_of_check() {
    let mut cases = 0;
    for code in std::fs::read_dir("fixtures/rules").unwrap() {
        let code = code.unwrap().path();
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&code)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("case.yaml").is_file())
            .collect();
        dirs.sort();
        for dir in dirs {
            let case = std::fs::read_to_string(dir.join("case.yaml")).unwrap();
            let Some(line) = case.lines().find(|l| l.starts_with("check: [")) else {
                continue;
            };
            let files: Vec<&str> = line["check: [".len()..line.len() - 1].split(", ").collect();
            // One report, under the case's data root, with no options of its own.
            let [file] = files.as_slice() else { continue };
            if !file.starts_with("progress/") || !file.ends_with(".yaml") || case.contains("args:")
            {
                continue;
            }
            if dir.join("plan-lint.toml").exists() || dir.join("plans").exists() {
                continue;
            }
            let path = dir.join(file);
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let shown = path.to_string_lossy().to_string();
            // A register that does not load stops a check (exit 2).
            let Some(expected) = try_check_findings(&shown, "en") else {
                continue;
            };
            let mut c = Client::start(&abs(&dir.to_string_lossy()), json!({"lang": "en"}));
            c.open(&abs(&shown), &text);
            let got = server_findings(&c.diagnostics(&abs(&shown)), &text);
            assert_eq!(got, expected, "{}", dir.display());
            c.stop();
            cases += 1;
        }
    }
    assert!(cases > 30, "only {cases} cases");
}

#[test]
fn hover_on_an_indicator_shows_the_plans_facts_and_last_years_value() {
    let root = abs("fixtures/rules/PL201/fail");
    let file = root.join("progress/2023/eco-env.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut c = Client::start(&root, json!({"lang": "en"}));
    c.open(&file, &text);
    c.diagnostics(&file);
    let line = text.lines().position(|l| l.contains("id: I14")).unwrap();
    let character = text.lines().nth(line).unwrap().find("I14").unwrap() + 1;
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&file)}, "position": {"line": line, "character": character}}),
    );
    let hover = r.response_result.unwrap();
    let md = hover["contents"]["value"].as_str().unwrap().to_string();
    for want in [
        "空气质量优良率",
        "(I14)",
        "unit: %",
        "attribute: binding (约束性)",
        "last reported value: 97.5% (2022)",
        "responsible department: ",
        "(eco-env)",
        // The plan by name, section and line (issue 31), not a seed file's name.
        "plan: 贵阳市南明区国民经济和社会发展第十四个五年规划和2035年远景目标纲要, 专栏2-1",
        "line ",
    ] {
        assert!(md.contains(want), "{want} not in {md}");
    }
    assert!(!md.contains(".txt"), "{md}");
    assert!(md.contains("baseline (2020): "), "{md}");
    assert!(md.contains("target (2025): "), "{md}");
    // Not an id: nothing.
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&file)}, "position": {"line": 0, "character": 1}}),
    );
    assert_eq!(r.response_result.unwrap(), Value::Null);
    c.stop();
}

#[test]
fn completion_lists_the_departments_ids_not_yet_written() {
    let root = abs("fixtures/rules/PL201/fail");
    let file = root.join("progress/2023/eco-env.yaml");
    let text = "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: 2023\nsubmitted: 2024-01-19\nindicators:\n  - id: I14\n    value: 96.9\n  - id: \n";
    let mut c = Client::start(&root, json!({"lang": "en"}));
    c.open(&file, text);
    c.diagnostics(&file);
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&file)}, "position": {"line": 8, "character": 8}}),
    );
    let items = r.response_result.unwrap();
    let labels: Vec<&str> = (items.as_array().unwrap().iter())
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for want in ["I15", "I16", "I17", "I18", "I19", "I20"] {
        assert!(labels.contains(&want), "{want} not in {labels:?}");
    }
    assert!(!labels.contains(&"I14"), "written already: {labels:?}");
    assert!(!labels.contains(&"I01"), "another department's: {labels:?}");
    // Department codes and project states.
    let r = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&file)}, "position": {"line": 2, "character": 12}}),
    );
    let labels = r.response_result.unwrap().to_string();
    assert!(
        labels.contains("\"drc\"") && labels.contains("\"eco-env\""),
        "{labels}"
    );
    c.stop();
}

#[test]
fn a_code_action_writes_the_number_meant_by_a_number_written_as_text() {
    let root = abs("fixtures/rules/PL201/fail");
    let file = root.join("progress/2023/eco-env.yaml");
    let stored = std::fs::read_to_string(&file).unwrap();
    let text = stored.replace("value: 96.9", "value: \"98以上\"   # 见公报");
    let mut c = Client::start(&root, json!({"lang": "zh"}));
    c.open(&file, &text);
    let diags = c.diagnostics(&file);
    let pl002 = diags.iter().find(|d| d["code"] == json!("PL002")).unwrap();
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": pl002["range"], "context": {"diagnostics": [pl002]}}),
    );
    let actions = r.response_result.unwrap();
    let action = &actions[0];
    assert_eq!(action["title"], json!("改为 98"));
    assert_eq!(action["kind"], json!("quickfix"));
    let edit = &action["edit"]["changes"][uri(&file)][0];
    assert_eq!(edit["newText"], json!("98"));
    let fixed = apply(&text, edit);
    assert!(fixed.contains("    value: 98   # 见公报\n"), "{fixed}");
    c.change(&file, 2, &fixed);
    let after = c.diagnostics(&file);
    assert!(
        after.iter().all(|d| d["code"] != json!("PL002")),
        "{after:?}"
    );
    c.stop();
}

#[test]
fn code_actions_for_pending_did_you_mean_and_a_missing_indicator() {
    let root = abs("fixtures/rules/PL201/fail");
    let file = root.join("progress/2023/eco-env.yaml");
    let text = "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: 2023\nsubmitted: 2024-01-19\nindicators:\n  - id: I14\n    value: 暂无\n  - {id: I51, value: 41.78}\n";
    let mut c = Client::start(&root, json!({"lang": "en"}));
    c.open(&file, text);
    let diags = c.diagnostics(&file);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}});
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": whole, "context": {"diagnostics": diags}}),
    );
    let actions = r.response_result.unwrap();
    let by_title = |t: &str| {
        (actions.as_array().unwrap().iter())
            .find(|a| a["title"].as_str().unwrap().starts_with(t))
            .unwrap_or_else(|| panic!("no {t} in {actions}"))
            .clone()
    };
    let edit = |a: &Value| a["edit"]["changes"][uri(&file)][0].clone();
    let pending = apply(text, &edit(&by_title("Replace `value:` with `pending:`")));
    assert!(
        pending.contains("  - id: I14\n    pending:\n      reason: 暂无\n      expected_by: \n"),
        "{pending}"
    );
    let renamed = apply(text, &edit(&by_title("Write I15")));
    assert!(renamed.contains("{id: I15, value: 41.78}"), "{renamed}");
    let added = apply(text, &edit(&by_title("Add indicator I16")));
    assert!(
        added.contains("indicators:\n  - id: I16\n    value: \n  - id: I14\n"),
        "{added}"
    );
    c.stop();
}

#[test]
fn bad_messages_get_errors_and_the_server_goes_on() {
    let root = abs("fixtures/rules/PL201/fail");
    let mut c = Client::start(&root, json!({}));
    let r = c.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(
        r.response_result.unwrap_err().code,
        lsp_server::ErrorCode::InvalidParams as i32
    );
    let r = c.request("textDocument/rename", json!({}));
    assert_eq!(
        r.response_result.unwrap_err().code,
        lsp_server::ErrorCode::MethodNotFound as i32
    );
    // A notification with bad parameters, a document never opened, a broken file.
    c.notify("textDocument/didOpen", json!({"textDocument": 5}));
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.yaml"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r.response_result.unwrap(), Value::Null);
    let file = root.join("progress/2023/eco-env.yaml");
    c.open(&file, "period: 2023\nindicators: [\u{0}\n  - {id: \"");
    let diags = c.diagnostics(&file);
    assert_eq!(diags[0]["code"], json!("PL001"), "{diags:?}");
    c.stop();
}

/// A text edit applied to a text (single-line positions, as these tests use).
fn apply(text: &str, edit: &Value) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let l = &text[start..];
        let mut units = 0;
        let bytes: usize = l
            .chars()
            .take_while(|c| {
                let ok = units < ch;
                units += c.len_utf16();
                ok
            })
            .map(char::len_utf8)
            .sum();
        start + bytes
    };
    let (a, b) = (
        offset(&edit["range"]["start"]),
        offset(&edit["range"]["end"]),
    );
    format!(
        "{}{}{}",
        &text[..a],
        edit["newText"].as_str().unwrap(),
        &text[b..]
    )
}

/// With `base` in plan-lint.toml (trust.md version 3), the server compares
/// an open report with the record at the merge-base of HEAD and that
/// branch: an accepted figure edited in the buffer is PL401 as the clerk
/// types, before anything is saved, and undoing the edit clears it.
#[test]
fn an_edited_accepted_report_is_pl401_as_the_clerk_types() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=clerk",
                "-c",
                "user.email=clerk@example.org",
            ])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(&root)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q", "-b", "main"]);
    for file in crate::common::walk(Path::new("fixtures/example/progress")) {
        let dest = root.join(file.strip_prefix("fixtures/example").unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&file, dest).unwrap();
    }
    std::fs::write(root.join("plan-lint.toml"), "base = \"main\"\n").unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "accepted reports"]);
    git(&["checkout", "-qb", "clerk"]);

    let path = root.join("progress/2022/eco-env.yaml");
    let accepted = std::fs::read_to_string(&path).unwrap();
    let edited = accepted.replacen("value: 97.5", "value: 99.5", 1);
    assert_ne!(accepted, edited, "the fixture's 2022 I14 figure moved");
    let mut c = Client::start(&root, json!({"lang": "en"}));
    c.open(&path, &edited);
    let found = c.diagnostics(&path);
    assert!(
        found.iter().any(|d| d["code"] == "PL401"),
        "no PL401 on the edited accepted report: {found:?}"
    );
    c.change(&path, 2, &accepted);
    let found = c.diagnostics(&path);
    assert!(!found.iter().any(|d| d["code"] == "PL401"), "{found:?}");
    c.stop();
}

/// The editor helps with a figure a statistician would question: the
/// rescaled figure as the quick fix for a unit slip (PL212), "confirm this
/// figure" for an implausible change on an expected indicator (PL211),
/// inserting `confirmed:` for the clerk to complete, and none on a binding
/// one; hover shows the plausible range and change.
#[test]
fn quick_fixes_for_a_unit_slip_and_an_implausible_change_and_the_plausible_range_on_hover() {
    let root = abs("fixtures/rules/PL211/fail");
    let file = root.join("progress/2024/eco-env.yaml");
    let text = "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: 2024\nsubmitted: 2025-01-19\nindicators:\n  - id: T073\n    value: 3000   # 执法台账\n  - id: I14\n    value: 0.979\n  - id: I16\n    value: 24\n";
    let mut c = Client::start(&root, json!({"lang": "zh"}));
    c.open(&file, text);
    let diags = c.diagnostics(&file);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 12, "character": 0}});
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": whole, "context": {"diagnostics": diags}}),
    );
    let actions = r.response_result.unwrap();
    let titles: Vec<&str> = (actions.as_array().unwrap().iter())
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let by_title = |t: &str| {
        (actions.as_array().unwrap().iter())
            .find(|a| a["title"].as_str().unwrap().starts_with(t))
            .unwrap_or_else(|| panic!("no {t} in {titles:?}"))
            .clone()
    };
    let edit = |a: &Value| a["edit"]["changes"][uri(&file)][0].clone();
    let rescaled = apply(text, &edit(&by_title("改为 97.9")));
    assert!(
        rescaled.contains("  - id: I14\n    value: 97.9\n"),
        "{rescaled}"
    );
    let confirmed = apply(text, &edit(&by_title("核实 3000 无误")));
    assert!(
        confirmed
            .contains("    value: 3000   # 执法台账\n    confirmed: {value: 3000, reason: }\n"),
        "{confirmed}"
    );
    // I16 is binding: its change is not the department's to confirm.
    assert!(!titles.iter().any(|t| t.contains("核实 24")), "{titles:?}");
    let line = text.lines().position(|l| l.contains("id: I16")).unwrap();
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&file)}, "position": {"line": line, "character": 9}}),
    );
    let md = r.response_result.unwrap()["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        md.contains("合理范围：0 平方米 至 60 平方米；年度变动增减均不超过 1.5 倍"),
        "{md}"
    );
    // A figure in a flow mapping gets no `confirmed:` line (it would break
    // the mapping); one on the last line, without a line end, gets it at the end.
    let text = "version: 1\nplan: nanming-14th-fyp\ndepartment: eco-env\nperiod: 2024\nsubmitted: 2025-01-19\nindicators:\n  - {id: T073, value: 3000}\n  - id: T029\n    value: 40   # 口径调整";
    c.change(&file, 2, text);
    let diags = c.diagnostics(&file);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&file)}, "range": whole, "context": {"diagnostics": diags}}),
    );
    let actions = r.response_result.unwrap();
    let titles: Vec<&str> = (actions.as_array().unwrap().iter())
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        !titles.iter().any(|t| t.contains("核实 3000")),
        "{titles:?}"
    );
    let confirm = (actions.as_array().unwrap().iter())
        .find(|a| a["title"].as_str().unwrap().starts_with("核实 40"))
        .unwrap_or_else(|| panic!("no confirmation of 40 in {titles:?}"));
    let fixed = apply(text, &confirm["edit"]["changes"][uri(&file)][0]);
    assert!(
        fixed.ends_with(
            "  - id: T029\n    value: 40   # 口径调整\n    confirmed: {value: 40, reason: }"
        ),
        "{fixed}"
    );
    c.stop();
}

/// A copy of the example repository's reports, which the test may change.
/// Not its register: the server, run inside this repository's checkout,
/// looks for the repository around its working folder, not the workspace.
fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap().join("repo");
    crate::common::copy_dir(
        Path::new("fixtures/example/progress"),
        &root.join("progress"),
    );
    (dir, root)
}

/// The server reads a department's record the first time one of its
/// reports is opened (issue 32): a report of a second department, opened
/// after the first, is judged against its own earlier figures, exactly as
/// `check` judges it, and the first keeps its findings.
#[test]
fn a_report_opened_from_another_department_gets_its_own_history() {
    let (_dir, root) = example_copy();
    let eco = root.join("progress/2023/eco-env.yaml");
    let drc = root.join("progress/2023/drc.yaml");
    // eco-env's I14 falls below 2022's 97.5 (PL201); drc's I06 jumps from
    // 2022's 96.3 to 50 (PL211): each against its own department's record.
    let eco_text = std::fs::read_to_string(&eco)
        .unwrap()
        .replacen("value: 97.6", "value: 95.1", 1);
    let drc_text = std::fs::read_to_string(&drc)
        .unwrap()
        .replacen("value: 96.9", "value: 50", 1);
    std::fs::write(&eco, &eco_text).unwrap();
    std::fs::write(&drc, &drc_text).unwrap();
    let mut c = Client::start(&root, json!({"lang": "en"}));
    c.open(&eco, &eco_text);
    let got = server_findings(&c.diagnostics(&eco), &eco_text);
    assert_eq!(got, check_findings_in(&root, "progress/2023/eco-env.yaml"));
    assert!(got.iter().any(|f| f.0 == "PL201"), "{got:?}");

    c.open(&drc, &drc_text);
    let diags = c.diagnostics(&drc);
    let got = server_findings(&diags, &drc_text);
    assert_eq!(got, check_findings_in(&root, "progress/2023/drc.yaml"));
    let pl211 = (diags.iter())
        .find(|d| d["code"] == json!("PL211"))
        .unwrap_or_else(|| panic!("no PL211 against drc's 2022 figure: {diags:?}"));
    assert_eq!(
        pl211["relatedInformation"][0]["location"]["uri"],
        json!(uri(&root.join("progress/2022/drc.yaml")))
    );

    // The first department's record is kept: a change is judged against it.
    c.change(&eco, 2, &eco_text);
    let got = server_findings(&c.diagnostics(&eco), &eco_text);
    assert_eq!(got, check_findings_in(&root, "progress/2023/eco-env.yaml"));
    c.stop();
}

/// A saved report under the data root is read again, in a department
/// whose record is kept (the open report is checked again against it) and
/// in one not read yet (its place is noted, and read with the department):
/// here eco-env's 2022 report, missing when the server walked the data
/// root, saved before any eco-env report is opened, then changed.
#[test]
fn a_saved_report_is_seen_by_a_later_check_of_its_department() {
    let (_dir, root) = example_copy();
    let eco22 = root.join("progress/2022/eco-env.yaml");
    let eco23 = root.join("progress/2023/eco-env.yaml");
    let stored22 = std::fs::read_to_string(&eco22).unwrap();
    std::fs::remove_file(&eco22).unwrap();
    let mut c = Client::start(&root, json!({"lang": "en"}));
    let drc = root.join("progress/2023/drc.yaml");
    c.open(&drc, &std::fs::read_to_string(&drc).unwrap());
    c.diagnostics(&drc);
    let save = |c: &Client, path: &Path| {
        c.notify(
            "textDocument/didSave",
            json!({"textDocument": {"uri": uri(path)}}),
        )
    };
    std::fs::write(&eco22, &stored22).unwrap();
    save(&c, &eco22);

    // 95.1 falls below 2022's 97.5 (without it, below 2021's 97.2).
    let text = std::fs::read_to_string(&eco23)
        .unwrap()
        .replacen("value: 97.6", "value: 95.1", 1);
    c.open(&eco23, &text);
    let related_of_pl201 = |diags: &[Value]| {
        let d = (diags.iter())
            .find(|d| d["code"] == json!("PL201"))
            .unwrap_or_else(|| panic!("no PL201: {diags:?}"));
        (
            d["relatedInformation"][0]["location"]["uri"].clone(),
            d["relatedInformation"][0]["message"].clone(),
        )
    };
    let diags = c.diagnostics(&eco23);
    assert_eq!(
        related_of_pl201(&diags),
        (json!(uri(&eco22)), json!("previous value 97.5% (2022)"))
    );

    // Saved again, now with 99.1: the open report is checked again.
    std::fs::write(&eco22, stored22.replacen("value: 97.5", "value: 99.1", 1)).unwrap();
    save(&c, &eco22);
    let diags = c.diagnostics(&eco23);
    assert_eq!(
        related_of_pl201(&diags),
        (json!(uri(&eco22)), json!("previous value 99.1% (2022)"))
    );
    c.stop();
}

/// A report whose history crosses departments (plan-lint.toml's
/// `responsibilities` with `from`) gets the other department's record too,
/// as `check` reads it: natural-resources' 2023 I14 against eco-env's 2022
/// figure (PL201), drc's T079 against stats' I01 of the same year (PL213).
#[test]
fn a_responsibility_moved_between_departments_brings_the_other_record() {
    for (case, file, code) in [
        (
            "fixtures/rules/PL201/fail-responsibility-moved",
            "progress/2023/natural-resources.yaml",
            "PL201",
        ),
        (
            "fixtures/rules/PL213/fail-across",
            "progress/2023/drc.yaml",
            "PL213",
        ),
    ] {
        let shown = format!("{case}/{file}");
        let text = std::fs::read_to_string(&shown).unwrap();
        let expected = check_findings(&shown, "en");
        assert!(expected.iter().any(|f| f.0 == code), "{expected:?}");
        let mut c = Client::start(&abs(case), json!({"lang": "en"}));
        c.open(&abs(&shown), &text);
        let got = server_findings(&c.diagnostics(&abs(&shown)), &text);
        assert_eq!(got, expected, "{case}");
        c.stop();
    }
}

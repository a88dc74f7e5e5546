//! Broken and hostile input. Every input in the table must give exactly the
//! diagnostics listed for it (code and line/column, or no line for a finding
//! about a file that cannot be shown), each with a help text; the messages of
//! the whole table are one snapshot, `hostile_inputs`. Small inputs are files
//! under fixtures/hostile/; large, binary or file-system ones are made here.
//!
//! Each fixture is last year's hrss report of the example data with one thing
//! broken, named as a draft outside the data root, so that it stands in for
//! the stored report and any other finding would show up in the table.

use plan_lint::cli::{run, Env, Output};
use rayon::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const HISTORY: &str = "fixtures/example/progress";
const BASE: &str = "fixtures/example/progress/2023/hrss.yaml";

/// One input and what it must give.
struct Case {
    name: &'static str,
    /// What the input is, in the table.
    what: &'static str,
    setup: fn(&Path) -> Setup,
}

/// How a case is run, made in its own temporary directory.
struct Setup {
    data_root: String,
    paths: Vec<String>,
    config: Option<String>,
    /// The file whose diagnostics are compared (display path).
    focus: String,
    /// Its diagnostics: code and (line, column), or None when it has no line.
    expect: Vec<(&'static str, Option<(u64, u64)>)>,
    /// More to check on the run's output.
    also: Option<Also>,
}

/// A further check of a run's output (human or JSON text, and parsed JSON).
type Also = Box<dyn Fn(&Output, &Value) + Send + Sync>;

fn fixture(name: &str, expect: Vec<(&'static str, Option<(u64, u64)>)>) -> Setup {
    let path = format!("fixtures/hostile/{name}");
    Setup {
        data_root: HISTORY.into(),
        paths: vec![path.clone()],
        config: None,
        focus: path,
        expect,
        also: None,
    }
}

fn at(code: &'static str, line: u64, column: u64) -> (&'static str, Option<(u64, u64)>) {
    (code, Some((line, column)))
}

fn no_line(code: &'static str) -> (&'static str, Option<(u64, u64)>) {
    (code, None)
}

fn s(p: &Path) -> String {
    p.to_str().expect("temporary paths are UTF-8").to_string()
}

/// A data root in `dir` with this year's hrss report in it.
fn data_root(dir: &Path) -> PathBuf {
    let root = dir.join("progress");
    std::fs::create_dir_all(root.join("2023")).unwrap();
    std::fs::copy(BASE, root.join("2023/hrss.yaml")).unwrap();
    root
}

fn table() -> Vec<Case> {
    vec![
        Case {
            name: "alias-bomb",
            what: "nine anchors of ten aliases each (a billion laughs)",
            setup: |_| fixture("alias-bomb.yaml", vec![at("PL001", 26, 10)]),
        },
        Case {
            name: "deep-nesting-flow",
            what: "100,000 nested flow lists `[[[[…`",
            setup: |dir| {
                let p = dir.join("deep.yaml");
                std::fs::write(&p, "[".repeat(100_000)).unwrap();
                // The parser stops at its own limit of 255 flow levels before
                // it hands over the 65th: the finding is where it stopped.
                Setup {
                    expect: vec![at("PL001", 1, 256)],
                    ..draft(&p)
                }
            },
        },
        Case {
            name: "deep-nesting-block",
            what: "100,000 nested block lists `- - - …`",
            setup: |dir| {
                let p = dir.join("deep.yaml");
                std::fs::write(&p, "- ".repeat(100_000) + "x\n").unwrap();
                Setup {
                    expect: vec![at("PL001", 1, 129)],
                    ..draft(&p)
                }
            },
        },
        Case {
            name: "50-mb-file",
            what: "a 50 MB file (not read: its size is known first)",
            setup: |dir| {
                let p = dir.join("big.yaml");
                let f = std::fs::File::create(&p).unwrap();
                f.set_len(50 * 1024 * 1024).unwrap();
                Setup {
                    expect: vec![no_line("PL001")],
                    ..draft(&p)
                }
            },
        },
        Case {
            name: "max-file-size-from-config",
            what: "a 1.6 kB report with max_file_size = 1024 in plan-lint.toml",
            setup: |dir| {
                let cfg = dir.join("plan-lint.toml");
                std::fs::write(&cfg, "max_file_size = 1024\n").unwrap();
                let p = dir.join("hrss.yaml");
                std::fs::copy(BASE, &p).unwrap();
                Setup {
                    config: Some(s(&cfg)),
                    expect: vec![no_line("PL001")],
                    ..draft(&p)
                }
            },
        },
        Case {
            name: "non-utf8",
            what: "a Latin-1 byte (café) in a UTF-8 file",
            setup: |_| fixture("non-utf8-latin1.yaml", vec![at("PL001", 20, 16)]),
        },
        Case {
            name: "gbk",
            what: "GB18030/GBK with CRLF, as Windows Notepad saves Chinese text",
            setup: |_| fixture("gbk-windows.yaml", vec![at("PL001", 8, 34)]),
        },
        Case {
            name: "utf8-bom",
            what: "a UTF-8 BOM, and an error on line 1 (`version: one`)",
            setup: |_| fixture("bom.yaml", vec![at("PL002", 1, 10)]),
        },
        Case {
            name: "utf16-bom",
            what: "UTF-16LE with a byte order mark",
            setup: |_| fixture("utf16-bom.yaml", vec![at("PL001", 1, 1)]),
        },
        Case {
            name: "utf16-no-bom",
            what: "UTF-16BE without a byte order mark",
            setup: |_| fixture("utf16-no-bom.yaml", vec![at("PL001", 1, 1)]),
        },
        Case {
            name: "empty",
            what: "an empty file",
            setup: |_| fixture("empty.yaml", vec![at("PL002", 1, 1)]),
        },
        Case {
            name: "only-comments",
            what: "only comments",
            setup: |_| fixture("only-comments.yaml", vec![at("PL002", 1, 1)]),
        },
        Case {
            name: "top-level-list",
            what: "a list at the top level",
            setup: |_| fixture("top-level-list.yaml", vec![at("PL002", 1, 1)]),
        },
        Case {
            name: "top-level-scalar",
            what: "a scalar at the top level",
            setup: |_| fixture("top-level-scalar.yaml", vec![at("PL002", 1, 1)]),
        },
        Case {
            name: "two-documents",
            what: "two YAML documents in one file",
            setup: |_| fixture("two-documents.yaml", vec![at("PL001", 46, 1)]),
        },
        Case {
            name: "tab",
            what: "a tab in the indentation",
            setup: |_| fixture("tab-indent.yaml", vec![at("PL001", 16, 1)]),
        },
        Case {
            name: "crlf",
            what: "CRLF line endings, and `value: 4,4` on line 16",
            setup: |_| {
                let mut c = fixture("crlf.yaml", vec![at("PL002", 16, 12)]);
                c.also = Some(Box::new(|_, v| {
                    // The span ends before the CR: "4,4" is columns 12..15.
                    let d = &v["diagnostics"][0];
                    assert_eq!(
                        (d["end_line"].as_u64(), d["end_column"].as_u64()),
                        (Some(16), Some(15))
                    );
                    assert_eq!(d["length"], 3);
                }));
                c
            },
        },
        Case {
            name: "tag-python",
            what: "`!!python/object/apply:os.system [...]`",
            setup: |_| fixture("tag-python.yaml", vec![at("PL001", 14, 11)]),
        },
        Case {
            name: "tag-custom",
            what: "a custom tag `!percent 4.4`",
            setup: |_| fixture("tag-custom.yaml", vec![at("PL001", 16, 12)]),
        },
        Case {
            name: "merge-key",
            what: "a merge key `<<: *survey`",
            setup: |_| fixture("merge-key.yaml", vec![at("PL001", 19, 5)]),
        },
        Case {
            name: "nan",
            what: "`value: .nan`",
            setup: |_| fixture("nan.yaml", vec![at("PL002", 16, 12)]),
        },
        Case {
            name: "infinity",
            what: "`value: .inf`",
            setup: |_| fixture("infinity.yaml", vec![at("PL002", 16, 12)]),
        },
        Case {
            name: "1e400",
            what: "`value: 1e400` (overflows to infinity)",
            setup: |_| fixture("1e400.yaml", vec![at("PL002", 16, 12)]),
        },
        Case {
            name: "integer-beyond-64-bits",
            what: "`value: 100000000000000000000000`",
            setup: |_| fixture("integer-beyond-64-bits.yaml", vec![at("PL001", 19, 12)]),
        },
        Case {
            name: "period-wraps-32-bits",
            what: "`period: 4294969319` (2^32 + 2023, once read as 2023)",
            setup: |_| fixture("period-wraps-32-bits.yaml", vec![at("PL106", 5, 9)]),
        },
        Case {
            name: "period-as-float",
            what: "`period: 2030.0` (an integer to the schema, once read as no period)",
            setup: |_| {
                // Read as 2030, after the target year: the 2023 figures it carries miss
                // I22's 17.5 and T078's 100 (社会保险全覆盖).
                fixture(
                    "period-as-float.yaml",
                    vec![at("PL106", 5, 9), at("PL202", 12, 12), at("PL202", 26, 12)],
                )
            },
        },
        Case {
            name: "fullwidth-digits",
            what: "full-width digits `value: ４.４`",
            setup: |_| fixture("fullwidth-digits.yaml", vec![at("PL002", 16, 12)]),
        },
        Case {
            name: "nul-byte",
            what: "a NUL byte in a note (the parser would stop there)",
            setup: |_| fixture("nul-byte.yaml", vec![at("PL001", 14, 16)]),
        },
        Case {
            name: "long-line",
            what: "a 600 kB line (200,000 characters) with an error at its end",
            setup: |dir| {
                let p = dir.join("long.yaml");
                let text = std::fs::read_to_string(BASE).unwrap();
                let long = format!(
                    "  - {{id: I23, note: {}, value: \"4.4\"}}",
                    "长".repeat(200_000)
                );
                let start = "  - id: I23                    # 城镇调查失业率\n    value: 4.4\n    source: 国家统计局贵阳调查队\n";
                assert!(text.contains(start));
                std::fs::write(&p, text.replace(start, &format!("{long}\n"))).unwrap();
                let column = long.find("\"4.4\"").map(|b| long[..b].chars().count() + 1);
                Setup {
                    expect: vec![at("PL002", 15, column.unwrap() as u64)],
                    ..draft(&p)
                }
            },
        },
        Case {
            name: "directory-named-yaml",
            what: "a directory named 2023/dir.yaml, with a report inside",
            setup: |dir| {
                let root = data_root(dir);
                let d = root.join("2023/dir.yaml");
                std::fs::create_dir(&d).unwrap();
                std::fs::copy(BASE, d.join("inner.yaml")).unwrap();
                Setup {
                    also: Some(Box::new(|_, v| {
                        // The report inside is not at a report's place (trust.md
                        // version 3): PL108, never read into the record.
                        let inner = v["diagnostics"].as_array().unwrap().iter().any(|d| {
                            d["code"] == "PL108"
                                && d["file"].as_str().unwrap().ends_with("dir.yaml/inner.yaml")
                        });
                        assert!(inner, "the report inside dir.yaml was not reported");
                    })),
                    ..in_root(&root, &d)
                }
            },
        },
        Case {
            name: "symlink-out-of-root",
            what: "2023/link.yaml → a file outside the data root",
            setup: |dir| {
                let root = data_root(dir);
                let secret = dir.join("secret.yaml");
                std::fs::write(&secret, "SECRET_MARKER_7f3a: do not show\n").unwrap();
                let link = root.join("2023/link.yaml");
                std::os::unix::fs::symlink(&secret, &link).unwrap();
                Setup {
                    also: Some(Box::new(|out, _| {
                        assert!(!out.stdout.contains("SECRET_MARKER"), "{}", out.stdout);
                        assert!(!out.stderr.contains("SECRET_MARKER"), "{}", out.stderr);
                    })),
                    ..in_root(&root, &link)
                }
            },
        },
        Case {
            name: "symlink-out-of-root-named",
            what: "the same link named on the command line",
            setup: |dir| {
                let root = data_root(dir);
                let secret = dir.join("secret.yaml");
                std::fs::write(&secret, "SECRET_MARKER_7f3a: do not show\n").unwrap();
                let link = root.join("2023/link.yaml");
                std::os::unix::fs::symlink(&secret, &link).unwrap();
                Setup {
                    paths: vec![s(&link)],
                    also: Some(Box::new(|out, _| {
                        assert!(!out.stdout.contains("SECRET_MARKER"), "{}", out.stdout);
                    })),
                    ..in_root(&root, &link)
                }
            },
        },
        Case {
            name: "symlink-to-dev-zero",
            what: "2023/zero.yaml → /dev/zero",
            setup: |dir| {
                let root = data_root(dir);
                let link = root.join("2023/zero.yaml");
                std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
                in_root(&root, &link)
            },
        },
        Case {
            name: "symlink-to-directory-outside",
            what: "2023/archive → a directory outside the data root",
            setup: |dir| {
                let root = data_root(dir);
                let outside = dir.join("archive");
                std::fs::create_dir(&outside).unwrap();
                std::fs::write(outside.join("old.yaml"), "SECRET_MARKER_7f3a: 1\n").unwrap();
                let link = root.join("2023/archive");
                std::os::unix::fs::symlink(&outside, &link).unwrap();
                Setup {
                    also: Some(Box::new(|out, _| {
                        assert!(!out.stdout.contains("SECRET_MARKER"), "{}", out.stdout);
                    })),
                    ..in_root(&root, &link)
                }
            },
        },
        Case {
            name: "symlink-loop",
            what: "2023/loop → .. inside the data root (not followed, nothing to report)",
            setup: |dir| {
                let root = data_root(dir);
                let link = root.join("2023/loop");
                std::os::unix::fs::symlink("..", &link).unwrap();
                Setup {
                    expect: Vec::new(),
                    also: Some(Box::new(|_, v| assert_eq!(v["summary"]["files"], 1))),
                    ..in_root(&root, &link)
                }
            },
        },
        Case {
            name: "fifo",
            what: "a named pipe 2023/fifo.yaml (opening it would block)",
            setup: |dir| {
                let root = data_root(dir);
                let fifo = root.join("2023/fifo.yaml");
                let made = std::process::Command::new("mkfifo").arg(&fifo).status();
                assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
                in_root(&root, &fifo)
            },
        },
        Case {
            name: "same-file-twice",
            what: "one file named three ways on the command line",
            setup: |_| {
                let p = "fixtures/hostile/crlf.yaml";
                let abs = std::env::current_dir().unwrap().join(p);
                Setup {
                    paths: vec![p.into(), format!("./{p}"), s(&abs)],
                    also: Some(Box::new(|_, v| {
                        assert_eq!(v["summary"]["files"], 1);
                        assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1);
                    })),
                    ..fixture("crlf.yaml", vec![at("PL002", 16, 12)])
                }
            },
        },
    ]
}

/// A file outside the data root, named on the command line: a draft.
fn draft(p: &Path) -> Setup {
    Setup {
        data_root: HISTORY.into(),
        paths: vec![s(p)],
        config: None,
        focus: plan_lint::syntax::paths::display(p),
        expect: Vec::new(),
        also: None,
    }
}

/// A file found under a temporary data root.
fn in_root(root: &Path, p: &Path) -> Setup {
    Setup {
        data_root: s(root),
        paths: Vec::new(),
        config: None,
        focus: plan_lint::syntax::paths::display(p),
        expect: vec![no_line("PL001")],
        also: None,
    }
}

fn check(setup: &Setup, format: &str) -> Output {
    let mut args: Vec<String> = vec![
        "plan-lint".into(),
        "check".into(),
        "--data-root".into(),
        setup.data_root.clone(),
        "--today".into(),
        "2026-01-01".into(),
        "--format".into(),
        format.into(),
    ];
    if let Some(c) = &setup.config {
        args.push("--config".into());
        args.push(c.clone());
    }
    args.extend(setup.paths.iter().cloned());
    run(args, Env::default())
}

/// Every diagnostic has a code, a message, a help text, and a line and
/// column (or none of the position fields, for a file-level finding).
fn assert_well_formed(v: &Value) {
    for d in v["diagnostics"].as_array().unwrap() {
        assert!(
            d["code"].as_str().is_some_and(|c| c.starts_with("PL")),
            "{d}"
        );
        assert!(
            d["message"].as_str().is_some_and(|m| !m.trim().is_empty()),
            "{d}"
        );
        assert!(
            d["help"].as_str().is_some_and(|h| !h.trim().is_empty()),
            "{d}"
        );
        let positioned = [
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "length",
        ];
        let nulls = positioned.iter().filter(|k| d[**k].is_null()).count();
        assert!(nulls == 0 || nulls == positioned.len(), "{d}");
    }
}

fn one_row(case: &Case) -> String {
    let dir = tempfile::tempdir().unwrap();
    let setup = (case.setup)(dir.path());
    let out = check(&setup, "json");
    let v: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: no JSON ({e}): {}{}", case.name, out.stdout, out.stderr));
    assert_well_formed(&v);
    let mine: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == setup.focus.as_str())
        .collect();
    let got: Vec<(String, Option<(u64, u64)>)> = mine
        .iter()
        .map(|d| {
            let pos = d["line"].as_u64().zip(d["column"].as_u64());
            (d["code"].as_str().unwrap().to_string(), pos)
        })
        .collect();
    let want: Vec<(String, Option<(u64, u64)>)> = setup
        .expect
        .iter()
        .map(|(c, p)| (c.to_string(), *p))
        .collect();
    assert_eq!(got, want, "{}: {}", case.name, out.stdout);
    let expected_exit = if want.is_empty() { 0 } else { 1 };
    assert_eq!(out.code, expected_exit, "{}: {}", case.name, out.stderr);
    if let Some(also) = &setup.also {
        also(&out, &v);
    }
    // The human output is produced too, never panics, and stays small.
    let human = check(&setup, "human");
    assert_eq!(human.code, out.code, "{}: {}", case.name, human.stderr);
    assert!(
        human.stdout.len() < 20_000,
        "{}: {} bytes of human output",
        case.name,
        human.stdout.len()
    );

    let mut row = format!("## {} — {}\n", case.name, case.what);
    for d in &mine {
        let pos = match (d["line"].as_u64(), d["column"].as_u64()) {
            (Some(l), Some(c)) => format!("{l}:{c}"),
            _ => "no line".into(),
        };
        row.push_str(&format!(
            "{} at {pos}: {}\n  help: {}\n",
            d["code"].as_str().unwrap(),
            d["message"].as_str().unwrap(),
            d["help"].as_str().unwrap()
        ));
    }
    if mine.is_empty() {
        row.push_str("no diagnostic\n");
    }
    row
}

#[test]
fn every_hostile_input_gets_its_diagnostic() {
    let cases = table();
    let rows: Vec<String> = cases.par_iter().map(one_row).collect();
    insta::assert_snapshot!("hostile_inputs", rows.join("\n"));
}

#[test]
fn a_long_line_is_not_printed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let case = table().into_iter().find(|c| c.name == "long-line").unwrap();
    let setup = (case.setup)(dir.path());
    let out = check(&setup, "human");
    assert!(out.stdout.contains("too long to show"), "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("{}:15:", setup.focus)),
        "{}",
        out.stdout
    );
}

/// chmod 000 makes a file unreadable, except to root (or any process with
/// CAP_DAC_OVERRIDE), which CI runs as: there the file is read like any
/// other, and the test says so rather than pretend. The failing read itself
/// is exercised for everyone by `a_failing_read_is_a_diagnostic`.
#[test]
fn an_unreadable_file_is_a_diagnostic() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hrss.yaml");
    std::fs::copy(BASE, &p).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let setup = draft(&p);
    let out = check(&setup, "json");
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_well_formed(&v);
    let diags = v["diagnostics"].as_array().unwrap();
    if std::fs::read(&p).is_ok() {
        eprintln!(
            "note: running with the privilege to read chmod 000 files (root): \
             checked that the file is read normally instead"
        );
        assert_eq!(out.code, 0, "{}", out.stdout);
        assert!(diags.is_empty(), "{}", out.stdout);
    } else {
        assert_eq!(out.code, 1);
        assert_eq!(diags.len(), 1, "{}", out.stdout);
        assert_eq!(diags[0]["code"], "PL001");
        assert!(diags[0]["line"].is_null());
        let message = diags[0]["message"].as_str().unwrap();
        assert!(message.starts_with("cannot read the file"), "{message}");
    }
}

/// A file whose read fails even for root: /proc/self/mem opens, and reading
/// its first page (never mapped) fails with EIO.
#[cfg(target_os = "linux")]
#[test]
fn a_failing_read_is_a_diagnostic() {
    let setup = draft(Path::new("/proc/self/mem"));
    let out = check(&setup, "json");
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_well_formed(&v);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "PL001", "{}", out.stdout);
    assert!(d["line"].is_null());
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot read the file"),
        "{d}"
    );
    assert_eq!(out.code, 1);
}

/// A panic while checking one file loses no other file's results: the run
/// exits 2 and names the file, and every other finding is still reported.
#[test]
fn a_panic_in_one_file_loses_no_other_results() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    for year in ["2022", "2023"] {
        std::fs::create_dir_all(root.join(year)).unwrap();
        std::fs::copy(
            format!("fixtures/rules/PL201/fail/progress/{year}/eco-env.yaml"),
            root.join(year).join("eco-env.yaml"),
        )
        .unwrap();
        std::fs::copy(
            format!("fixtures/example/progress/{year}/hrss.yaml"),
            root.join(year).join("hrss.yaml"),
        )
        .unwrap();
    }
    let setup = Setup {
        data_root: s(&root),
        paths: Vec::new(),
        config: None,
        focus: String::new(),
        expect: Vec::new(),
        also: None,
    };
    let before: Value = serde_json::from_str(&check(&setup, "json").stdout).unwrap();
    let victim = plan_lint::syntax::paths::display(&root.join("2023/hrss.yaml"));
    plan_lint::load::workspace::test_hook::panic_when_checking(&victim);
    let out = check(&setup, "json");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("internal error while checking {victim}")),
        "{}",
        out.stderr
    );
    let after: Value = serde_json::from_str(&out.stdout).unwrap();
    let others = |v: &Value| -> Vec<Value> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"] != victim.as_str())
            .cloned()
            .collect()
    };
    let kept = others(&after);
    assert!(kept.iter().any(|d| d["code"] == "PL201"), "{}", out.stdout);
    assert_eq!(kept, others(&before));
    // The human output names the file too, and still lists the PL201.
    let human = check(&setup, "human");
    assert_eq!(human.code, 2);
    assert!(human.stderr.contains(&victim));
    assert!(human.stdout.contains("PL201"));
}

/// Every command that reads the data repository reads it as `check` does:
/// a report linked in from outside the data root is refused by check (PL001),
/// and status, init and decisions draft never read it.
#[test]
fn a_link_out_of_the_data_root_is_refused_by_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let root = data_root(dir.path());
    // Outside the root: hrss's 2024 report, with a figure and an approval
    // no reader may take in.
    let outside = dir.path().join("elsewhere.yaml");
    let text = std::fs::read_to_string(BASE)
        .unwrap()
        .replace("period: 2023", "period: 2024")
        .replace("submitted: 2024-01-19", "submitted: 2025-01-19")
        .replace("value: 8.3", "value: 77.77")
        + "suppressions:\n  - {rule: PL203, target: I21, reason: OUTSIDE_MARKER, approved_by: 区发展和改革局}\n";
    std::fs::write(&outside, text).unwrap();
    std::fs::create_dir_all(root.join("2024")).unwrap();
    let link = root.join("2024/hrss.yaml");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let r = s(&root);
    let leaked =
        |out: &Output| out.stdout.contains("77.77") || out.stdout.contains("OUTSIDE_MARKER");

    let out = run(
        [
            "plan-lint",
            "check",
            "--data-root",
            &r,
            "--format",
            "json",
            "--today",
            "2025-06-01",
        ],
        Env::default(),
    );
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let on_link = (v["diagnostics"].as_array().unwrap().iter())
        .find(|d| d["file"].as_str().unwrap().ends_with("2024/hrss.yaml"))
        .expect("the link has a finding");
    assert_eq!(on_link["code"], "PL001", "{on_link}");

    let out = run(
        ["plan-lint", "status", "--data-root", &r, "--format", "json"],
        Env::default(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["reports"]["files"], 1, "{}", v["reports"]);
    let unreadable = v["reports"]["unreadable"].to_string();
    assert!(unreadable.contains("2024/hrss.yaml"), "{unreadable}");
    assert!(!leaked(&out));

    let out = run(
        [
            "plan-lint",
            "init",
            "--data-root",
            &r,
            "--department",
            "hrss",
            "--period",
            "2025",
        ],
        Env::default(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("8.3"),
        "history inside the root is read: {}",
        out.stdout
    );
    assert!(!leaked(&out), "{}", out.stdout);

    let out = run(
        ["plan-lint", "decisions", "draft", "--data-root", &r],
        Env::default(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!leaked(&out), "{}", out.stdout);
}

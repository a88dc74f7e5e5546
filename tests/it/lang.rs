//! `--lang zh|en` and its default from the locale: the same findings with
//! their texts in the chosen language, and codes, places and fingerprints
//! that never change with it.

use plan_lint::cli::{run, Env, Output};
use plan_lint::diagnostics::messages::Lang;
use serde_json::Value;
use std::process::Command;

const DATA: &str = "fixtures/rules/PL201/fail/progress";
const REPORT: &str = "fixtures/rules/PL201/fail/progress/2023/eco-env.yaml";
const EN: &str = "fell from 97.5% in 2022 to 96.9% in 2023";
const ZH: &str = "降至 2023年的 96.9%";

fn with_locale(args: &[&str], locale: Option<&str>) -> Output {
    let mut full = vec!["plan-lint"];
    full.extend_from_slice(args);
    run(
        full,
        Env {
            locale: locale.map(str::to_string),
            ..Env::default()
        },
    )
}

fn check(extra: &[&str], locale: Option<&str>) -> Output {
    let mut args = vec![
        "check",
        "--data-root",
        DATA,
        "--today",
        "2026-01-01",
        REPORT,
    ];
    args.extend_from_slice(extra);
    with_locale(&args, locale)
}

#[test]
fn lang_zh_prints_the_diagnostics_in_chinese() {
    let out = check(&["--lang", "zh"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    for part in [
        "空气质量优良率（I14）由2022年的 97.5% 降至 2023年的 96.9%；约束性指标不得倒退",
        "╰── 2023年为 96.9%",
        "  提示：请对照数据来源核实",
        "参见：",
        "上期数值 97.5%（2022年）",
        "1 个错误，19 个警告，共 1 个文件",
    ] {
        assert!(out.stdout.contains(part), "{part}:\n{}", out.stdout);
    }
    for english in [EN, "help:", "Advice:", "1 error", "binding"] {
        assert!(!out.stdout.contains(english), "{english}:\n{}", out.stdout);
    }
}

#[test]
fn lang_may_come_before_the_subcommand() {
    let out = with_locale(
        &[
            "--lang",
            "zh",
            "check",
            "--data-root",
            DATA,
            "--today",
            "2026-01-01",
        ],
        None,
    );
    assert!(out.stdout.contains(ZH), "{}", out.stdout);
}

#[test]
fn a_chinese_locale_makes_chinese_the_default() {
    for locale in ["zh_CN.UTF-8", "zh_TW", "zh"] {
        let out = check(&[], Some(locale));
        assert!(out.stdout.contains(ZH), "{locale}: {}", out.stdout);
    }
}

#[test]
fn any_other_locale_or_none_is_english() {
    for locale in [
        None,
        Some("C"),
        Some("POSIX"),
        Some("en_US.UTF-8"),
        Some(""),
    ] {
        let out = check(&[], locale);
        assert!(out.stdout.contains(EN), "{locale:?}: {}", out.stdout);
        assert!(out.stdout.contains("1 error, 19 warnings in 1 file\n"));
    }
}

#[test]
fn lang_overrides_the_locale() {
    let out = check(&["--lang", "en"], Some("zh_CN.UTF-8"));
    assert!(out.stdout.contains(EN), "{}", out.stdout);
    let out = check(&["--lang", "zh"], Some("en_US.UTF-8"));
    assert!(out.stdout.contains(ZH), "{}", out.stdout);
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = check(&["--lang", "fr"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--lang"), "{}", out.stderr);
}

/// The binary as a process, with the locale variables given and no others.
fn process(vars: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan-lint"));
    cmd.args([
        "check",
        "--format",
        "human",
        "--data-root",
        DATA,
        "--today",
        "2026-01-01",
        REPORT,
    ]);
    for v in [
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "LANGUAGE",
        "GITHUB_STEP_SUMMARY",
    ] {
        cmd.env_remove(v);
    }
    cmd.envs(vars.iter().copied());
    let out = cmd.output().expect("plan-lint runs");
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_default_is_read_from_lc_all_then_lc_messages_then_lang() {
    assert!(process(&[("LANG", "zh_CN.UTF-8")]).contains(ZH));
    // LC_ALL=C wins over a Chinese LANG.
    assert!(process(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]).contains(EN));
    assert!(process(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]).contains(ZH));
    // LC_MESSAGES, the category of messages, between the two.
    assert!(process(&[("LC_MESSAGES", "zh_CN.UTF-8"), ("LANG", "C")]).contains(ZH));
    assert!(process(&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN.UTF-8")]).contains(EN));
    // An empty variable does not count; nothing set is English.
    assert!(process(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")]).contains(ZH));
    assert!(process(&[]).contains(EN));
}

/// A JSON document with every `message` and `help` text and SARIF `text` blanked.
fn without_texts(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, x)| match k.as_str() {
                    "message" | "help" | "text" => (k.clone(), Value::Null),
                    _ => (k.clone(), without_texts(x)),
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_texts).collect()),
        other => other.clone(),
    }
}

fn doc(format: &str, lang: &str) -> Value {
    let out = check(&["--format", format, "--lang", lang], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

#[test]
fn json_in_chinese_keeps_codes_places_and_fingerprints() {
    let (en, zh) = (doc("json", "en"), doc("json", "zh"));
    assert_eq!(without_texts(&en), without_texts(&zh));
    let pl201 = |d: &Value| {
        d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "PL201")
            .unwrap()
            .clone()
    };
    let (de, dz) = (pl201(&en), pl201(&zh));
    assert_eq!(de["fingerprint"], dz["fingerprint"]);
    assert!(de["message"].as_str().unwrap().contains(EN));
    assert!(dz["message"].as_str().unwrap().contains(ZH));
    assert!(dz["help"]
        .as_str()
        .unwrap()
        .starts_with("请对照数据来源核实"));
    assert_eq!(dz["related"][0]["message"], "上期数值 97.5%（2022年）");
    // The default is English: the JSON a CI job reads does not change.
    let default: Value = serde_json::from_str(&check(&["--format", "json"], None).stdout).unwrap();
    assert_eq!(default, en);
}

#[test]
fn sarif_in_chinese_keeps_rule_ids_locations_and_fingerprints() {
    let (en, zh) = (doc("sarif", "en"), doc("sarif", "zh"));
    assert_eq!(without_texts(&en), without_texts(&zh));
    let pl201 = |d: &Value| {
        d["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["ruleId"] == "PL201")
            .unwrap()
            .clone()
    };
    let r = pl201(&zh);
    assert_eq!(r["partialFingerprints"], pl201(&en)["partialFingerprints"]);
    let text = r["message"]["text"].as_str().unwrap();
    assert!(text.contains(ZH) && text.contains("\n提示："), "{text}");
    // The rule descriptions too, as `plan-lint explain --lang zh` gives them.
    let rule = &zh["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "PL201");
    let short = rule["shortDescription"]["text"].as_str().unwrap();
    assert!(short.starts_with("约束性指标中的水平类指标"), "{short}");
    let help = rule["help"]["text"].as_str().unwrap();
    assert!(
        help.contains("\n\n不通过的示例：\n") && help.contains("\n怎么改："),
        "{help}"
    );
}

#[test]
fn github_annotations_and_the_step_summary_in_chinese() {
    let out = check(&["--format", "github", "--lang", "zh"], None);
    assert!(
        out.stdout
            .contains("title=PL201 binding-regression::空气质量优良率（I14）"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("%0A提示："), "{}", out.stdout);
    assert!(out
        .stdout
        .ends_with("plan-lint：1 个错误，19 个警告，共 1 个文件（0 个已豁免）\n"));

    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    run(
        [
            "plan-lint",
            "check",
            "--data-root",
            DATA,
            "--today",
            "2026-01-01",
            "--format",
            "github",
            REPORT,
        ],
        Env {
            step_summary: Some(summary.clone()),
            locale: Some("zh_CN.UTF-8".into()),
            ..Env::default()
        },
    );
    let md = std::fs::read_to_string(summary).unwrap();
    for part in [
        "1 个错误，19 个警告，共 1 个文件（0 个已豁免）。",
        "| 部门 | 错误 | 警告 |",
        "| 规则 | 问题数 |",
        "| 约束性指标 | 目标值 | 本次报告中 |",
        "未达标（PL201）",
    ] {
        assert!(md.contains(part), "{part}:\n{md}");
    }
}

#[test]
fn errors_that_stop_a_run_are_in_the_chosen_language() {
    let out = with_locale(&["--lang", "zh", "check", "progress/2030/none.yaml"], None);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "错误：“progress/2030/none.yaml”没有匹配到任何文件\n"
    );
    let out = with_locale(&["schema", "nothing"], Some("zh_CN.UTF-8"));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("错误：没有名为“nothing”的模式"),
        "{}",
        out.stderr
    );
    let out = with_locale(&["schema", "nothing"], None);
    assert!(
        out.stderr.starts_with("error: no schema \"nothing\""),
        "{}",
        out.stderr
    );
}

#[test]
fn status_headings_and_labels_in_chinese() {
    let status = |format: &str, lang: &str| {
        let out = with_locale(
            &[
                "status",
                "--data-root",
                "fixtures/example/progress",
                "--format",
                format,
                "--lang",
                lang,
            ],
            None,
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let md = status("md", "zh");
    for part in [
        "# 规划实施情况2023年：",
        "## 概况",
        "| 评价类别 | 约束性 | 预期性 | 合计 |",
        "## 约束性指标",
        "| 编号 | 指标 | 基期值 2020",
        "## 重点项目",
        "### 按专栏",
        "| 在建 |",
        "基本符合预期：与计划进度相差不超过路径的 ±10%",
    ] {
        assert!(md.contains(part), "{part}:\n{md}");
    }
    assert!(!md.contains("Binding indicators"), "{md}");
    let html = status("html", "zh");
    for part in [
        "<title>规划实施情况2023年 — ",
        "<h2>约束性指标 (",
        "填报值",
        "按部门",
    ] {
        assert!(html.contains(part), "{part}");
    }
    assert_eq!(
        html.matches("<svg").count(),
        status("html", "en").matches("<svg").count()
    );
    // The JSON form is the model: the same in both languages.
    assert_eq!(status("json", "zh"), status("json", "en"));
}

#[test]
fn every_command_and_option_has_help_in_both_languages() {
    fn walk(cmd: &clap::Command, lang: Lang, path: &str, seen: &mut usize) {
        let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if cmd.get_name() != "help" {
            let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert!(!about.is_empty(), "{path}: no help");
            assert_eq!(
                has_cjk(&about),
                lang == Lang::Zh || about.contains("专栏"),
                "{path}: {about}"
            );
        }
        for a in cmd.get_arguments() {
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(!help.is_empty(), "{path} {}: no help", a.get_id());
            if lang == Lang::Zh {
                assert!(has_cjk(&help), "{path} {}: {help}", a.get_id());
            }
            *seen += 1;
        }
        for c in cmd.get_subcommands() {
            walk(c, lang, &format!("{path} {}", c.get_name()), seen);
        }
    }
    for lang in Lang::ALL {
        let mut seen = 0;
        walk(&plan_lint::cli::command(lang), lang, "plan-lint", &mut seen);
        assert!(seen > 25, "{seen}");
    }
}

#[test]
fn help_is_in_the_chosen_language() {
    let out = with_locale(&["status", "--help"], Some("zh_CN.UTF-8"));
    assert_eq!(out.code, 0);
    for part in [
        "用法：plan-lint status [OPTIONS]",
        "选项：",
        "报告哪一年",
        "[默认：md]",
        "显示帮助",
    ] {
        assert!(out.stdout.contains(part), "{part}:\n{}", out.stdout);
    }
    for english in ["Usage:", "Options:", "Print help", "The year to report on"] {
        assert!(!out.stdout.contains(english), "{english}:\n{}", out.stdout);
    }
    let out = with_locale(&["--lang", "en", "status", "--help"], Some("zh_CN.UTF-8"));
    assert!(
        out.stdout.contains("The year to report on"),
        "{}",
        out.stdout
    );
    let out = with_locale(&["--help", "--lang=zh"], None);
    assert!(out.stdout.contains("命令："), "{}", out.stdout);
    assert!(
        out.stdout.contains("显示本说明，或指定子命令的说明"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_report_skeleton_and_the_catalog_view_in_chinese() {
    let args = [
        "init",
        "--department",
        "eco-env",
        "--period",
        "2024",
        "--data-root",
        "fixtures/example/progress",
    ];
    let en = with_locale(&args, None);
    let zh = with_locale(&args, Some("zh_CN.UTF-8"));
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    for part in [
        "# 请填写每个空值；`plan-lint check` 会指出每个仍为空的值。",
        "submitted:                      # YYYY-MM-DD，报送当天的日期",
        "  - id: I14                      # 空气质量优良率（%；目标值 98，2025年）",
        "    value:                     # 2024年的数值；2023年：97.6（",
    ] {
        assert!(zh.stdout.contains(part), "{part}:\n{}", zh.stdout);
    }
    // The same report: only the comments differ.
    let keys = |s: &str| {
        s.lines()
            .map(|l| {
                l.split('#')
                    .next()
                    .unwrap_or_default()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&en.stdout), keys(&zh.stdout));

    let zh = with_locale(&["plan", "--department", "water", "--lang", "zh"], None);
    assert!(zh
        .stdout
        .contains("规划期 2021—2025年，基期2020年；审批单位：区发展和改革局"));
    assert!(zh.stdout.contains("项目（13 个）："), "{}", zh.stdout);
}

/// `lang = "zh"` in plan-lint.toml makes Chinese the repository's language
/// whatever the locale (a Windows machine has no LANG); `--lang` still
/// overrides it. Precedence: --lang, plan-lint.toml, the locale.
#[test]
fn the_configuration_sets_the_repository_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("plan-lint.toml");
    std::fs::write(&cfg, "lang = \"zh\"\n").unwrap();
    let cfg = cfg.to_str().unwrap();
    let out = check(&["--config", cfg], Some("en_US.UTF-8"));
    assert!(out.stdout.contains(ZH), "{}", out.stdout);
    let out = check(&["--config", cfg, "--lang", "en"], Some("zh_CN.UTF-8"));
    assert!(out.stdout.contains(EN), "{}", out.stdout);
    // A value that is no language is the configuration's error, in its place.
    std::fs::write(dir.path().join("plan-lint.toml"), "lang = \"fr\"\n").unwrap();
    let out = check(&["--config", cfg], None);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("lang"), "{}", out.stderr);
}

/// The parts of an explain text that are prose: not the failing example
/// (YAML, the same in both languages), not code spans (what a clerk
/// writes), not the plan passages quoted 「like this」.
fn explain_prose(text: &str) -> String {
    let mut prose = Vec::new();
    let mut in_example = false;
    for line in text.lines() {
        if line == "不通过的示例：" {
            in_example = true;
            continue;
        }
        if in_example && !line.starts_with("  ") {
            in_example = false;
        }
        if in_example || line.trim_start().starts_with('「') {
            continue;
        }
        prose.push(line.split('`').step_by(2).collect::<Vec<_>>().join(" "));
    }
    prose.join("\n")
}

#[test]
fn explain_in_chinese_has_no_english_sentence() {
    let phrase = regex::Regex::new(r"[A-Za-z]+[ ,;:]+[A-Za-z]+").unwrap();
    for info in plan_lint::engine::rules::registry::CODES {
        let out = with_locale(&["explain", info.code.as_str(), "--lang", "zh"], None);
        assert_eq!(out.code, 0, "{}: {}", info.code, out.stderr);
        let prose = explain_prose(&out.stdout);
        // The first line is the code and its name, as `check` prints them.
        let body = prose.split_once('\n').map_or("", |(_, b)| b);
        assert!(
            !phrase.is_match(body),
            "{}: English {:?} in\n{}",
            info.code,
            phrase.find(body).map(|m| m.as_str()),
            out.stdout
        );
        for heading in ["检查什么：", "为什么：", "不通过的示例：", "怎么改："]
        {
            assert!(out.stdout.contains(heading), "{}: {heading}", info.code);
        }
    }
}

#[test]
fn explain_in_chinese_pl201_and_pl207() {
    for code in ["PL201", "PL207"] {
        let out = with_locale(&["explain", code, "--lang", "zh"], None);
        assert_eq!(out.code, 0, "{}", out.stderr);
        insta::assert_snapshot!(format!("explain_{code}_zh"), out.stdout);
    }
}

#[test]
fn explain_and_rules_take_the_language_as_check_does() {
    // From the locale, in the library and in the binary.
    let zh = with_locale(&["explain", "PL201"], Some("zh_CN.UTF-8"));
    assert_eq!(
        zh.stdout,
        with_locale(&["explain", "PL201", "--lang", "zh"], None).stdout
    );
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plan-lint"));
    for v in ["LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        cmd.env_remove(v);
    }
    let out = cmd
        .args(["explain", "PL201"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), zh.stdout);
    // --lang en over a Chinese locale; English is what it always was.
    let en = with_locale(&["explain", "PL201", "--lang", "en"], Some("zh_CN.UTF-8"));
    assert!(
        en.stdout.contains("What it checks:\n  a binding indicator"),
        "{}",
        en.stdout
    );
    assert_eq!(en.stdout, with_locale(&["explain", "PL201"], None).stdout);

    let rules = with_locale(&["rules", "--lang", "zh"], None);
    assert_eq!(rules.code, 0, "{}", rules.stderr);
    assert!(
        rules.stdout.starts_with("代码    名称 "),
        "{}",
        rules.stdout
    );
    assert!(
        rules.stdout.contains("PL201   binding-regression         警告     可豁免        约束性、水平类、目标每年须守住的指标     nanming-14th-fyp\n"),
        "{}",
        rules.stdout
    );
    assert!(rules.stdout.contains("PL001   yaml-syntax                错误     不可豁免      由 plan-lint 固定                        全部\n"));
    let rules_en = with_locale(&["rules"], None);
    assert!(rules_en.stdout.starts_with("code    name                       severity suppressible  selector                                 plan\n"));
}

//! Issue 31, the second clerk trial: each finding that could lose a clerk's
//! work or send them the wrong way, as a test that fails without its fix.

use crate::common::{copy_dir, json, plan_lint};
use std::path::{Path, PathBuf};

/// The example's reports in a temporary data root.
fn example_root() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    copy_dir(Path::new("fixtures/example/progress"), &root);
    (dir, root)
}

/// eco-env's 2023 report filed again for 2024 with every `investment` and
/// `started` left out, as the version-2 skeleton had it.
fn dropped_2024(root: &Path) -> PathBuf {
    let last = std::fs::read_to_string(root.join("2023/eco-env.yaml")).unwrap();
    let mut kept = Vec::new();
    let mut in_investment = false;
    for line in last.lines() {
        let t = line.trim_start();
        if in_investment && (t.starts_with("planned_total") || t.starts_with("completed_to_date")) {
            continue;
        }
        in_investment = t.starts_with("investment:");
        if in_investment || t.starts_with("started:") {
            continue;
        }
        kept.push(
            line.replace("period: 2023", "period: 2024")
                .replace("submitted: 2024-01-19", "submitted: 2025-01-10"),
        );
    }
    let path = root.join("2024/eco-env.yaml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, kept.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_dropped_investment_is_pl307_and_status_shows_it_unreported_never_zero() {
    let (_dir, root) = example_root();
    let report = dropped_2024(&root);
    let r = root.to_str().unwrap();
    let check = plan_lint(&[
        "check",
        "--data-root",
        r,
        "--today",
        "2025-02-01",
        "--format",
        "json",
        report.to_str().unwrap(),
    ]);
    let v = json(&check);
    let pl307: Vec<&serde_json::Value> = (v["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["code"] == "PL307")
        .collect();
    // Every project of the 2023 report gave investment and a start date.
    assert!(pl307.len() >= 4, "{:#?}", v["diagnostics"]);
    assert!(pl307.iter().all(|d| d["severity"] == "warning"));
    let p1113 = pl307.iter().find(|d| d["target"] == "P1113").unwrap();
    let help = p1113["help"].as_str().unwrap();
    assert!(help.contains("investment.planned_total: 1.35"), "{help}");
    assert!(help.contains("started: 2021-05-10"), "{help}");

    let status = plan_lint(&[
        "status",
        "--data-root",
        r,
        "--period",
        "2024",
        "--format",
        "json",
    ]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    let s: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(plan_lint::load::schema::STATUS).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&s).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let row = (s["projects"]["list"].as_array().unwrap().iter())
        .find(|p| p["id"] == "P1113")
        .unwrap();
    assert_eq!(row["investment_unreported"], true, "{row}");
    let column = (s["projects"]["by_column"].as_array().unwrap().iter())
        .find(|c| c["column"] == "专栏5-2")
        .unwrap();
    assert!(
        column["investment_unreported"].as_u64().unwrap() >= 4,
        "{column}"
    );
    // The Markdown shows 未报 where version 2 showed 0.
    let md = plan_lint(&[
        "status",
        "--data-root",
        r,
        "--period",
        "2024",
        "--lang",
        "zh",
    ]);
    let line = (md.stdout.lines())
        .find(|l| l.contains("专栏5-2") && l.matches('|').count() > 10)
        .unwrap();
    assert!(line.contains("未报"), "{line}");
    assert!(!line.trim_end_matches(" |").ends_with("| 0"), "{line}");
}

/// The YAML mistakes of the trial, each in eco-env's 2023 report: what the
/// clerk wrote in place of what.
const YAML_MISTAKES: [(&str, &str, &str); 7] = [
    ("missing colon", "    value: 41.8", "    value 41.8"),
    ("full-width colon", "    value: 41.8", "    value：41.8"),
    (
        "no space after the colon",
        "    value: 41.8\n    source: 区林业部门年度森林资源监测",
        "    value:41.8\n      source: 区林业部门年度森林资源监测",
    ),
    ("tab after a colon", "    value: 41.8", "    value:\t41.8"),
    (
        "under-indented requirement block",
        "    requirement:\n      value: 3.1\n      source: 筑节能办〔2023〕5号",
        "    requirement:\n    value: 3.1\n    source: 筑节能办〔2023〕5号",
    ),
    ("indented by 3 spaces", "    value: 41.8", "   value: 41.8"),
    (
        "indented by 5 spaces",
        "    value: 41.8",
        "     value: 41.8",
    ),
];

/// For each mistake: the line, code, message and help of each finding, in `lang`.
fn yaml_mistakes_table(lang: &str) -> String {
    let (_dir, root) = example_root();
    let report = root.join("2023/eco-env.yaml");
    let good = std::fs::read_to_string(&report).unwrap();
    let mut table = String::new();
    for (what, right, wrong) in YAML_MISTAKES {
        assert!(good.contains(right), "{what}");
        std::fs::write(&report, good.replacen(right, wrong, 1)).unwrap();
        let found = findings_of(&root, &report, "2024-06-01", lang);
        table.push_str(&format!("## {what}\n"));
        for d in &found {
            table.push_str(&format!(
                "{} line {}: {}\n  help: {}\n",
                d["code"].as_str().unwrap(),
                d["line"],
                d["message"].as_str().unwrap(),
                d["help"].as_str().unwrap(),
            ));
        }
    }
    table
}

#[test]
fn each_yaml_mistake_is_shown_where_it_is_with_what_to_write() {
    let en = yaml_mistakes_table("en");
    let zh = yaml_mistakes_table("zh");
    // The broken line (14: I15's value; 24: the requirement's value), never the next entry's.
    for table in [&en, &zh] {
        for section in table.split("## ").skip(1) {
            let what = section.lines().next().unwrap();
            let first = section.lines().nth(1).unwrap_or_default();
            assert!(
                first.starts_with("PL001 line 14:") || first.starts_with("PL001 line 24:"),
                "{what}: {first}"
            );
            assert!(
                !section.contains("delete") && !section.contains("删除"),
                "{section}"
            );
        }
    }
    assert!(zh.contains("全角冒号"), "{zh}");
    assert!(zh.contains("多缩进 2 个空格"), "{zh}");
    assert!(zh.contains("与第 13 行的“id”对齐"), "{zh}");
    // Under zh no parser English is shown.
    assert!(!zh.contains("must be followed"), "{zh}");
    insta::assert_snapshot!("yaml_mistakes_en", en);
    insta::assert_snapshot!("yaml_mistakes_zh", zh);
}

/// `check --format json` of one report under `root`: its findings' codes,
/// and the findings.
fn findings_of(root: &Path, report: &Path, today: &str, lang: &str) -> Vec<serde_json::Value> {
    let out = plan_lint(&[
        "--lang",
        lang,
        "check",
        "--format",
        "json",
        "--data-root",
        root.to_str().unwrap(),
        "--today",
        today,
        report.to_str().unwrap(),
    ]);
    json(&out)["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn a_misspelt_id_is_pl101_alone_not_also_the_missing_indicator() {
    let (_dir, root) = example_root();
    let report = root.join("2023/eco-env.yaml");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replacen("  - id: I14 ", "  - id: I41 ", 1)).unwrap();
    let found = findings_of(&root, &report, "2024-06-01", "zh");
    let pl101: Vec<_> = found.iter().filter(|d| d["code"] == "PL101").collect();
    assert_eq!(pl101.len(), 1, "{found:#?}");
    assert!(pl101[0]["help"].as_str().unwrap().contains("I14"));
    // PL208 "请添加 `- id: I14`", followed, made a second entry.
    assert!(
        !found
            .iter()
            .any(|d| d["code"] == "PL208" && d["target"] == "I14"),
        "{found:#?}"
    );
}

#[test]
fn last_year_s_copy_at_this_year_s_place_is_pl108_alone_with_the_one_fix() {
    let (_dir, root) = example_root();
    let last = std::fs::read_to_string(root.join("2023/eco-env.yaml")).unwrap();
    let copy = root.join("2024/eco-env.yaml");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::write(&copy, last.replacen("value: 97.6", "value: 98.1", 1)).unwrap();
    for lang in ["en", "zh"] {
        let found = findings_of(&root, &copy, "2025-02-01", lang);
        let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["PL108"], "{found:#?}");
        let help = found[0]["help"].as_str().unwrap();
        for part in ["`period`", "`submitted`", "2024"] {
            assert!(help.contains(part), "{help}");
        }
        let stays = ["the file stays where it is", "文件位置不变"];
        assert!(stays.iter().any(|s| help.contains(s)), "{help}");
        assert!(!help.contains("move") && !help.contains("移到"), "{help}");
    }
    // The report on record is untouched and checks as before.
    assert_eq!(
        std::fs::read_to_string(root.join("2023/eco-env.yaml")).unwrap(),
        last
    );
}

/// `plan-lint --lang zh init` of `department` for 2024, reading `root`, with `more` arguments.
fn init_2024_zh(department: &str, root: &Path, more: &[&str]) -> plan_lint::cli::Output {
    let root = root.to_str().unwrap();
    let mut args = vec!["--lang", "zh", "init", "--department", department];
    args.extend(["--period", "2024", "--data-root", root]);
    args.extend(more);
    plan_lint(&args)
}

#[test]
fn a_department_named_by_another_s_alias_says_who_reports_it() {
    let (_dir, root) = example_root();
    let report = root.join("2023/eco-env.yaml");
    let text = std::fs::read_to_string(&report).unwrap();
    for (written, en, zh) in [
        (
            "区林业局",
            "\"区林业局\" is reported by 区自然资源局 (natural-resources)",
            "“区林业局”由区自然资源局（natural-resources）报送",
        ),
        // Nothing like it: the registry is listed.
        (
            "区林草局",
            "drc (区发展和改革局), ",
            "drc（区发展和改革局）、",
        ),
    ] {
        let named = text.replacen("department: eco-env", &format!("department: {written}"), 1);
        std::fs::write(&report, named).unwrap();
        for (lang, part) in [("en", en), ("zh", zh)] {
            let found = findings_of(&root, &report, "2024-06-01", lang);
            let pl109 = found.iter().find(|d| d["code"] == "PL109").unwrap();
            let help = pl109["help"].as_str().unwrap();
            assert!(help.contains(part), "{help}");
        }
    }
    // init under the alias writes 区自然资源局's report, and says so.
    let out = init_2024_zh("区林业局", &root, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("department: natural-resources"));
    assert!(
        out.stdout
            .contains("# “区林业局”由区自然资源局（natural-resources）报送"),
        "{}",
        out.stdout
    );
    // status shows 区自然资源局's part, and says so.
    let status = plan_lint(&[
        "--lang",
        "zh",
        "status",
        "--department",
        "区林业局",
        "--data-root",
        root.to_str().unwrap(),
    ]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(
        status
            .stderr
            .contains("“区林业局”由区自然资源局（natural-resources）报送"),
        "{}",
        status.stderr
    );
}

/// The skeleton's `$schema` is a relative path to the schema the data
/// repository keeps (`plan-lint schema report -o schemas/report.schema.json`),
/// which the editor reads without a network; `check` warns when that copy is
/// not this plan-lint's schema.
#[test]
fn the_schema_the_editor_reads_is_the_repository_s_copy_and_check_says_when_it_is_stale() {
    let (dir, root) = example_root();
    let r = root.to_str().unwrap();
    let report = root.join("2024/eco-env.yaml");
    let out = init_2024_zh("eco-env", &root, &["-o", report.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("plan-lint schema report -o"),
        "{}",
        out.stderr
    );
    let text = std::fs::read_to_string(&report).unwrap();
    let reference = (text.lines())
        .find_map(|l| l.strip_prefix("# yaml-language-server: $schema="))
        .unwrap();
    assert!(!reference.contains("://"), "{reference}");
    let copy = dir.path().join("schemas/report.schema.json");
    let written = plan_lint(&["schema", "report", "-o", copy.to_str().unwrap()]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    // The reference resolves, from the report's folder, to that copy.
    let resolved = report.parent().unwrap().join(reference);
    assert_eq!(
        std::fs::canonicalize(&resolved).unwrap(),
        std::fs::canonicalize(&copy).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        plan_lint(&["schema", "report"]).stdout
    );
    let check = |lang: &str| {
        let last = root.join("2023/eco-env.yaml");
        plan_lint(&[
            "--lang",
            lang,
            "check",
            "--data-root",
            r,
            "--today",
            "2024-06-01",
            last.to_str().unwrap(),
        ])
        .stderr
    };
    assert!(
        !check("en").contains("report.schema.json"),
        "{}",
        check("en")
    );
    std::fs::write(&copy, "{}").unwrap();
    assert!(check("en").contains("is not the report schema of this plan-lint"));
    assert!(check("zh").contains("不是当前 plan-lint 的报告格式定义"));
}

/// The report schema the editor shows on hover and completion speaks
/// Chinese first, with the English after it: its title and every field of a
/// report, an indicator and a project.
#[test]
fn the_report_schema_describes_each_field_in_chinese_and_english() {
    let schema: serde_json::Value = serde_json::from_str(plan_lint::load::schema::REPORT).unwrap();
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let both = |s: &str| {
        let (zh, en) = s.split_once(" / ").unwrap_or_default();
        cjk(zh) && en.starts_with(|c: char| c.is_ascii_alphabetic())
    };
    assert!(both(schema["title"].as_str().unwrap()));
    for fields in [
        &schema["properties"],
        &schema["$defs"]["indicator"]["properties"],
        &schema["$defs"]["project"]["properties"],
    ] {
        for (key, field) in fields.as_object().unwrap() {
            let text = field["description"].as_str().unwrap_or_default();
            assert!(both(text), "{key}: {text:?}");
        }
    }
}

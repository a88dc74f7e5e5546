//! `plan-lint status --format xlsx` opened by LibreOffice, as the plan
//! office's WPS or Excel will open it: LibreOffice (headless) converts each
//! sheet of the workbook to CSV, and every sheet must hold what
//! `status --format csv --table …` writes — the same cells, numbers as
//! numbers. The workbook's own structure (sheets, frozen header row,
//! widths, number cells) is read from its XML.
//!
//! Without LibreOffice (`soffice`) the conversion test is skipped with a
//! message, except under `CI=true`, where it must run (`.ci/run` installs
//! Debian's `libreoffice-calc-nogui`).

use crate::common::{missing_program, plan_lint, program, run_program};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const ROOT: [&str; 4] = [
    "--data-root",
    "fixtures/evaluation/progress",
    "--decisions",
    "fixtures/evaluation/decisions",
];

const TABLES: [&str; 5] = [
    "indicators",
    "projects",
    "departments",
    "missing",
    "decisions",
];

fn status(extra: &[&str]) -> plan_lint::cli::Output {
    let mut args = vec!["status"];
    args.extend_from_slice(&ROOT);
    args.extend_from_slice(extra);
    plan_lint(&args)
}

/// The workbook of the final evaluation, written with `-o`.
fn workbook(dir: &Path, lang: &str) -> PathBuf {
    let path = dir.join(format!("evaluation-{lang}.xlsx"));
    let shown = path.to_str().unwrap();
    let out = status(&[
        "--period", "2025", "--format", "xlsx", "--lang", lang, "-o", shown, "--force",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains(shown), "{}", out.stderr);
    path
}

/// RFC 4180 CSV into rows of fields (a BOM, CRLF or LF line ends).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// One file of the workbook (it is a zip of XML files).
fn part(xlsx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn csv_is_utf8_with_a_bom_one_table_at_a_time() {
    let out = status(&["--period", "2025", "--format", "csv", "--lang", "zh"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with('\u{feff}'), "no BOM");
    assert!(out.stdout.contains("\r\n"));
    let rows = parse_csv(&out.stdout);
    assert_eq!(
        rows[0][..8],
        [
            "规划",
            "编号",
            "指标",
            "单位",
            "类别",
            "属性",
            "基期值",
            "2021"
        ]
    );
    assert_eq!(rows.len(), 1 + 109);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let i14 = &rows[1];
    assert_eq!(i14[..3], ["nanming-14th-fyp", "I14", "空气质量优良率"]);
    assert_eq!(i14[7..12], ["97.2", "97.5", "97.6", "97.8", "98.1"]);
    let at = |h: &str| rows[0].iter().position(|x| x == h).unwrap();
    assert_eq!(i14[at("评价")], "已完成");
    assert_eq!(i14[at("责任部门")], "区生态环境局");
    // Notes by year, in one cell.
    assert!(
        i14[at("备注")].contains("2024: 受沙尘天气影响2天"),
        "{:?}",
        i14[at("备注")]
    );
    // The other tables.
    for (table, first) in [
        ("projects", "P0201"),
        ("departments", "drc"),
        ("missing", "stats"),
        ("decisions", "R2021-I17"),
    ] {
        let out = status(&["--period", "2025", "--format", "csv", "--table", table]);
        assert_eq!(out.code, 0, "{table}: {}", out.stderr);
        let rows = parse_csv(&out.stdout);
        assert_eq!(rows[0][0], "plan", "{table}");
        assert_eq!(rows[1][1], first, "{table}");
    }
}

#[test]
fn xlsx_needs_a_file_and_o_writes_every_format() {
    let out = status(&["--format", "xlsx"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("-o FILE"), "{}", out.stderr);
    let dir = tempfile::tempdir().unwrap();
    for format in ["md", "html", "json", "csv"] {
        let path = dir.path().join(format!("status.{format}"));
        std::fs::write(&path, "old").unwrap();
        // An existing file is replaced only with --force (cli.md, version 3).
        let kept = status(&["--format", format, "-o", path.to_str().unwrap()]);
        assert_eq!(kept.code, 2, "{format}: {}", kept.stderr);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let out = status(&["--format", format, "-o", path.to_str().unwrap(), "--force"]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{format}");
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, status(&["--format", format]).stdout, "{format}");
    }
    let out = status(&["--format", "md", "-o", "/no/such/dir/status.md"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("/no/such/dir/status.md"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_workbook_is_the_same_every_run_with_frozen_headers_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let a = workbook(dir.path(), "zh");
    let b = dir.path().join("again.xlsx");
    std::fs::copy(&a, &b).unwrap();
    let a2 = workbook(dir.path(), "zh");
    assert_eq!(std::fs::read(&a2).unwrap(), std::fs::read(&b).unwrap());
    let book = part(&a, "xl/workbook.xml");
    for name in ["指标", "重点项目", "部门", "未报送的报告", "生效的决定"] {
        assert!(book.contains(&format!("name=\"{name}\"")), "{name}: {book}");
    }
    for n in 1..=5 {
        let sheet = part(&a, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""),
            "sheet {n}: no frozen header row"
        );
        assert!(sheet.contains("<col "), "sheet {n}: no column widths");
        assert!(sheet.contains("<autoFilter"), "sheet {n}: no filter");
    }
    // I14's values (row 2, columns H–L) are numbers, not text.
    let indicators = part(&a, "xl/worksheets/sheet1.xml");
    for (cell, value) in [("H2", "97.2"), ("L2", "98.1"), ("G2", "96.48")] {
        let at = indicators.find(&format!("<c r=\"{cell}\"")).unwrap();
        let c = &indicators[at..at + indicators[at..].find("</c>").unwrap()];
        assert!(!c.contains("t=\"s\"") && !c.contains("t=\"str\""), "{c}");
        assert!(c.contains(&format!("<v>{value}</v>")), "{c}");
    }
    let props = part(&a, "docProps/core.xml");
    assert!(props.contains("2026-01-01T00:00:00Z"), "{props}");
}

#[test]
fn libreoffice_opens_the_workbook_and_reads_every_table() {
    let Some(soffice) = program("SOFFICE", &["soffice", "libreoffice"]) else {
        return missing_program(
            "libreoffice_opens_the_workbook_and_reads_every_table",
            "LibreOffice (soffice)",
            "libreoffice-calc-nogui (or set SOFFICE)",
        );
    };
    let dir = tempfile::tempdir().unwrap();
    for lang in ["zh", "en"] {
        let xlsx = workbook(dir.path(), lang);
        let out_dir = dir.path().join(format!("csv-{lang}"));
        let profile = dir.path().join("lo-profile");
        // Every sheet to its own CSV (the last option, -1), UTF-8 (76), comma, quote.
        let filter =
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
        let mut cmd = Command::new(&soffice);
        cmd.arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(&out_dir)
        .arg(&xlsx);
        run_program(&mut cmd, "soffice", Duration::from_secs(180));
        let stem = xlsx.file_stem().unwrap().to_str().unwrap();
        for table in TABLES {
            let ours = status(&[
                "--period", "2025", "--format", "csv", "--lang", lang, "--table", table,
            ]);
            assert_eq!(ours.code, 0);
            let ours = parse_csv(&ours.stdout);
            // LibreOffice names each file <workbook>-<sheet>.csv.
            let sheet = &ours_sheet_name(lang, table);
            let path = out_dir.join(format!("{stem}-{sheet}.csv"));
            let theirs = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let theirs = parse_csv(&theirs);
            assert_eq!(theirs.len(), ours.len(), "{lang} {table}: rows");
            for (r, (a, b)) in theirs.iter().zip(&ours).enumerate() {
                assert_eq!(a, b, "{lang} {table}: row {r}");
            }
            println!("{lang} {table}: {} rows agree", ours.len());
        }
    }
}

fn ours_sheet_name(lang: &str, table: &str) -> String {
    let zh = lang == "zh";
    match table {
        "indicators" if zh => "指标",
        "projects" if zh => "重点项目",
        "departments" if zh => "部门",
        "missing" if zh => "未报送的报告",
        "decisions" if zh => "生效的决定",
        "indicators" => "indicators",
        "projects" => "projects",
        "departments" => "departments",
        "missing" => "missing reports",
        _ => "decisions in force",
    }
    .to_string()
}

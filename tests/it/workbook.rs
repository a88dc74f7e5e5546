//! The clerk's own tool (issue 33): a report filled in a workbook, checked
//! cell by cell, converted to YAML and back.
//!
//! The "done when" test fills a workbook made by `init --format xlsx` with
//! another program, openpyxl, as a clerk's office suite would: without it the
//! test is skipped with a message, except under `CI=true`, where it must run
//! (`.ci/run` installs Debian's `python3-openpyxl`).

use crate::common::{json, missing_program, plan_lint, program, run_program};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const EXAMPLE: &str = "fixtures/example/progress";
const EVALUATION: &str = "fixtures/evaluation/progress";
const TODAY: [&str; 2] = ["--today", "2026-03-01"];

/// Fills the drc's 2023 workbook as fixtures/example/progress/2023/drc.yaml
/// reports it; `I06` gets `figure` (a text "97,6" or the number 97.6).
const FILL: &str = r#"
import sys, datetime, openpyxl
src, dst, figure = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ws = wb["指标"]
for row in ws.iter_rows():
    vals = [c.value for c in row]
    if "编号" in vals and "数值" in vals:
        hdr, idc, vc = row[0].row, vals.index("编号") + 1, vals.index("数值") + 1
        break
figures = {"I01": 9.0, "I04": 8.9, "I06": figure if figure == "97,6" else float(figure),
           "T002": 1880, "T003": 18.8, "T004": 1222, "T005": 59.8, "T012": 94,
           "T016": 14.1, "T079": 9.0}
for r in range(hdr + 1, ws.max_row + 1):
    i = ws.cell(r, idc).value
    if i in figures:
        ws.cell(r, vc).value = figures[i]
        ws.cell(r, vc + 5).value = "区统计局统计公报"
for row in ws.iter_rows():
    for c in row:
        if c.value == "填报日期":
            ws.cell(c.row, c.column + 1).value = datetime.date(2024, 1, 19)
p = wb["项目"]
h = [c.value for c in p[1]]
for r in range(2, p.max_row + 1):
    if p.cell(r, 1).value:
        p.cell(r, h.index("计划总投资") + 1).value = 1
        p.cell(r, h.index("累计完成投资") + 1).value = 1
wb.save(dst)
"#;

/// The findings of a JSON check, without where they are: (code, severity, message, help, target).
fn findings(v: &Value) -> Vec<(String, String, String, String, String)> {
    let mut out: Vec<_> = (v["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (
                s("code"),
                s("severity"),
                s("message"),
                s("help"),
                s("target"),
            )
        })
        .collect();
    out.sort();
    out
}

fn check_json(file: &Path, root: &str) -> (i32, Value) {
    let mut args = vec![
        "check",
        file.to_str().unwrap(),
        "--data-root",
        root,
        "--format",
        "json",
    ];
    args.extend(TODAY);
    let out = plan_lint(&args);
    (out.code, json(&out))
}

fn init_workbook(dir: &Path) -> PathBuf {
    let path = dir.join("填报.xlsx");
    let out = plan_lint(&[
        "init",
        "--department",
        "drc",
        "--period",
        "2023",
        "--data-root",
        EXAMPLE,
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    path
}

#[test]
fn done_when_a_figure_typed_97_comma_6_in_excel_is_found_at_its_cell_and_the_fixed_workbook_converts_to_a_report_that_checks_the_same(
) {
    let python = program("PYTHON3", &["python3"]);
    let has_openpyxl = python.as_ref().is_some_and(|p| {
        Command::new(p)
            .args(["-c", "import openpyxl"])
            .status()
            .is_ok_and(|s| s.success())
    });
    let (Some(python), true) = (python, has_openpyxl) else {
        return missing_program(
            "done_when_…_checks_the_same",
            "python3 with openpyxl",
            "python3-openpyxl",
        );
    };
    let dir = tempfile::tempdir().unwrap();
    let blank = init_workbook(dir.path());
    let script = dir.path().join("fill.py");
    std::fs::write(&script, FILL).unwrap();
    let fill = |figure: &str, name: &str| {
        let out = dir.path().join(name);
        let mut cmd = Command::new(&python);
        cmd.arg(&script).arg(&blank).arg(&out).arg(figure);
        run_program(&mut cmd, "python3 fill.py", Duration::from_secs(60));
        out
    };

    // "97,6" typed in the figure cell of I06: the finding names that cell.
    let bad = fill("97,6", "填报-错.xlsx");
    let (code, v) = check_json(&bad, EXAMPLE);
    assert_eq!(code, 1, "{v:#}");
    let d = &v["diagnostics"][0];
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(d["code"], "PL002");
    assert_eq!(d["sheet"], "指标");
    // The header is row 8, I06 the third indicator of drc: row 11; 数值 is column F.
    assert_eq!(d["cell"], "F11", "{d:#}");
    assert_eq!(d["line"], 11);
    assert_eq!(d["row"], "I06 常住人口城镇化率");
    assert!(
        d["file"].as_str().unwrap().ends_with("填报-错.xlsx"),
        "{d:#}"
    );
    let mut args = vec![
        "check",
        bad.to_str().unwrap(),
        "--data-root",
        EXAMPLE,
        "--lang",
        "zh",
    ];
    args.extend(TODAY);
    let human = plan_lint(&args);
    assert_eq!(human.code, 1);
    // miette wraps at 100 columns: the words are compared without the wrapping.
    let unwrapped: String = (human.stdout.lines())
        .map(|l| l.trim_start_matches([' ', '│']))
        .collect();
    for words in [
        "填报-错.xlsx › 指标!F11（I06 常住人口城镇化率）：“value”应为数字，实际为文字“97,6”",
        "97.6（逗号作小数点）",
    ] {
        assert!(unwrapped.contains(words), "{words}\n{}", human.stdout);
    }
    args.extend(["--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&plan_lint(&args).stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains("指标!F11"),
        "{result:#}"
    );
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 11, "{result:#}");

    // Fixed, it checks clean as its YAML report does, and that report is drc's as stored.
    let good = fill("96.9", "填报.xlsx");
    let (code, from_workbook) = check_json(&good, EXAMPLE);
    let yaml = dir.path().join("drc.yaml");
    let out = plan_lint(&[
        "convert",
        good.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (yaml_code, from_yaml) = check_json(&yaml, EXAMPLE);
    assert_eq!(
        (code, findings(&from_workbook)),
        (yaml_code, findings(&from_yaml))
    );
    assert_eq!(code, 0, "{from_workbook:#}");
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(
        text.contains("  - id: I06                    # 常住人口城镇化率\n    value: 96.9\n"),
        "{text}"
    );
    assert_eq!(parsed(&text)["submitted"], "2024-01-19");
}

/// A report's parsed content, numbers as numbers whatever their spelling (9.0 is 9).
fn parsed(text: &str) -> Value {
    fn norm(v: Value) -> Value {
        match v {
            Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
            Value::Array(a) => Value::Array(a.into_iter().map(norm).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, norm(v))).collect()),
            other => other,
        }
    }
    let node = plan_lint::syntax::yaml::load(text, 0, Default::default()).unwrap();
    norm(node.to_json())
}

/// Every report of the example and evaluation data: YAML → workbook → YAML
/// keeps its parsed content, and the workbook checks as its YAML does.
#[test]
fn every_report_round_trips_through_a_workbook_and_checks_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0;
    for root in [EXAMPLE, EVALUATION] {
        for report in crate::common::walk(Path::new(root)) {
            if report.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            n += 1;
            let name = format!("{n}-{}", report.file_stem().unwrap().to_str().unwrap());
            let xlsx = dir.path().join(format!("{name}.xlsx"));
            let back = dir.path().join(format!("{name}.yaml"));
            let out = plan_lint(&[
                "convert",
                report.to_str().unwrap(),
                "-o",
                xlsx.to_str().unwrap(),
            ]);
            assert_eq!(out.code, 0, "{}: {}", report.display(), out.stderr);
            let out = plan_lint(&[
                "convert",
                xlsx.to_str().unwrap(),
                "-o",
                back.to_str().unwrap(),
            ]);
            assert_eq!(out.code, 0, "{}: {}", report.display(), out.stderr);
            let original = std::fs::read_to_string(&report).unwrap();
            let again = std::fs::read_to_string(&back).unwrap();
            assert_eq!(
                parsed(&again),
                parsed(&original),
                "{}:\n{again}",
                report.display()
            );
            let (code, from_workbook) = check_json(&xlsx, root);
            let (yaml_code, from_yaml) = check_json(&back, root);
            assert_eq!(
                (code, findings(&from_workbook)),
                (yaml_code, findings(&from_yaml)),
                "{}",
                report.display()
            );
            // Every finding in the workbook names a cell of it.
            for d in from_workbook["diagnostics"].as_array().unwrap() {
                if d["file"].as_str().unwrap().ends_with(".xlsx") {
                    assert!(d["sheet"].is_string() && d["cell"].is_string(), "{d:#}");
                }
            }
        }
    }
    assert!(n >= 30, "{n} reports");
}

/// A workbook of `parts` beside the few every xlsx needs (one sheet, `指标`,
/// at xl/worksheets/sheet1.xml unless a part replaces it).
fn xlsx(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let base: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    let mut all: Vec<(&str, Vec<u8>)> = (base.iter())
        .filter(|(n, _)| !parts.iter().any(|(p, _)| p == n))
        .map(|(n, t)| (*n, t.as_bytes().to_vec()))
        .collect();
    if !parts.iter().any(|(n, _)| *n == "xl/worksheets/sheet1.xml") {
        all.push((
            "xl/worksheets/sheet1.xml",
            sheet(
                "A1:B2",
                r#"<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row>"#,
            ),
        ));
    }
    all.extend(parts.iter().cloned());
    for (name, bytes) in all {
        zip.start_file(name, options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// A worksheet part: its declared dimension and its rows.
fn sheet(dimension: &str, rows: &str) -> Vec<u8> {
    sheet_with(dimension, rows, "")
}

/// A worksheet part with what follows its rows (merged cells).
fn sheet_with(dimension: &str, rows: &str, after: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData>{after}</worksheet>"#
    )
    .into_bytes()
}

/// A row of cells: `("B7", "I01")` a text, `("D7", "=9")` a number, `("D9", "f:SUM(A1)")` a
/// formula with no value, `("D9", "f:SUM(A1)=1222")` one with its cached value.
fn row(r: u32, cells: &[(&str, &str)]) -> String {
    let cells: String = (cells.iter())
        .map(
            |(at, v)| match (v.strip_prefix('='), v.strip_prefix("f:")) {
                (Some(n), _) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                (_, Some(f)) => match f.split_once('=') {
                    Some((f, n)) => format!(r#"<c r="{at}"><f>{f}</f><v>{n}</v></c>"#),
                    None => format!(r#"<c r="{at}"><f>{f}</f></c>"#),
                },
                _ => format!(r#"<c r="{at}" t="inlineStr"><is><t>{v}</t></is></c>"#),
            },
        )
        .collect();
    format!(r#"<row r="{r}">{cells}</row>"#)
}

/// Hostile workbooks: each one a finding (PL001 at the file, exit 1), never
/// a panic, an abort or the memory of its declared size; convert refuses it
/// the same way.
#[test]
fn hostile_workbooks_are_findings_never_a_crash() {
    // Rows without their numbers (as some writers save them) compress to almost nothing.
    let million = "<row><c><v>1</v></c></row>".repeat(1_000_000);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "not a zip",
            b"version: 1\nplan: x\n".to_vec(),
            "不是 plan-lint 能读取的 Excel 工作簿",
        ),
        (
            "zip bomb: 100 MB of one part",
            xlsx(&[("xl/sharedStrings.xml", vec![b' '; 100 * 1024 * 1024])]),
            "解压后超过 16777216 字节",
        ),
        (
            "a sheet of a million rows (26 MB unpacked)",
            xlsx(&[("xl/worksheets/sheet1.xml", sheet("A1:A1000000", &million))]),
            "解压后超过 16777216 字节",
        ),
        (
            "a sheet of twenty thousand rows",
            xlsx(&[(
                "xl/worksheets/sheet1.xml",
                sheet("A1:A20000", &million[..26 * 20_000]),
            )]),
            "单元格 指标!A10001 有内容，超出 plan-lint 读取的 10000 行、200 列范围",
        ),
        (
            "far-away declared dimension and cell (calamine issue 693)",
            xlsx(&[(
                "xl/worksheets/sheet1.xml",
                sheet(
                    "A1:XFD1048576",
                    r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
                ),
            )]),
            "单元格 指标!XFD1048576 有内容",
        ),
        (
            "external links",
            xlsx(&[(
                "xl/externalLinks/externalLink1.xml",
                b"<externalLink/>".to_vec(),
            )]),
            "工作簿链接了其他工作簿",
        ),
        (
            "macros",
            xlsx(&[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run".to_vec())]),
            "工作簿含有宏",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, (what, bytes, words)) in cases.into_iter().enumerate() {
        let path = dir.path().join(format!("{i}.xlsx"));
        std::fs::write(&path, &bytes).unwrap();
        let file = path.to_str().unwrap();
        let out = plan_lint(&["check", file, "--data-root", EXAMPLE, "--lang", "zh"]);
        assert_eq!(out.code, 1, "{what}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stdout.contains("PL001") && out.stdout.contains(words),
            "{what}: {}",
            out.stdout
        );
        assert!(out.stdout.contains("提示："), "{what}: {}", out.stdout);
        let out = plan_lint(&["convert", file, "--lang", "zh"]);
        assert_eq!(out.code, 1, "{what}: {}", out.stderr);
        assert!(
            out.stderr.contains(words) && out.stdout.is_empty(),
            "{what}: {}",
            out.stderr
        );
    }
    // The far-away dimension alone, cells near A1: read as any workbook (no table, so the report's keys are missing).
    let path = dir.path().join("dimension.xlsx");
    std::fs::write(
        &path,
        xlsx(&[(
            "xl/worksheets/sheet1.xml",
            sheet(
                "A1:XFD1048576",
                r#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
            ),
        )]),
    )
    .unwrap();
    let out = plan_lint(&[
        "check",
        path.to_str().unwrap(),
        "--data-root",
        EXAMPLE,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let v = json(&out);
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] == "PL002" && d["sheet"] == "指标"),
        "{v:#}"
    );
}

/// calamine is named by one module (the seam), which never asks for a
/// sheet's range: `worksheet_range` allocates the declared bounding box.
#[test]
fn one_module_names_calamine_and_none_reads_a_range() {
    let seam = Path::new("src/load/workbook/reader.rs");
    for file in crate::common::walk(Path::new("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = (text.lines())
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!code.contains(".worksheet_range"), "{}", file.display());
        let names = code.contains("calamine::") || code.contains("use calamine");
        assert_eq!(names, file == seam, "{}", file.display());
    }
}

/// What spreadsheets do, read as a clerk meant it or found at its cell with
/// the YAML's hint: a renamed sheet found by its headers, an extra column
/// before the table, a merged title, a blank row, a date as a serial
/// number, full-width digits, a number stored as text, a thousands comma, a
/// percent typed as a fraction, a formula with its cached value and one
/// never calculated.
#[test]
fn spreadsheet_habits_are_read_or_found_at_their_cells() {
    let rows = [
        row(1, &[("A1", "部门代码"), ("B1", "drc")]),
        row(2, &[("A2", "报告年度"), ("B2", "=2023")]),
        row(3, &[("A3", "填报日期"), ("B3", "=45310")]),
        row(4, &[("A4", "规划"), ("B4", "nanming-14th-fyp")]),
        row(5, &[("A5", "合并的标题行")]),
        row(
            6,
            &[
                ("A6", "序号"),
                ("B6", "编号"),
                ("C6", "名称"),
                ("D6", "数值"),
                ("E6", "来源"),
            ],
        ),
        row(
            7,
            &[
                ("A7", "=1"),
                ("B7", "I01"),
                ("C7", "地区生产总值年均增长"),
                ("D7", "=9"),
            ],
        ),
        row(9, &[("B9", "I04"), ("D9", "８.９")]),
        row(10, &[("B10", "I06"), ("D10", "96.9")]),
        row(11, &[("B11", "T002"), ("D11", "1,880")]),
        row(12, &[("B12", "T003"), ("D12", "=0.188")]),
        row(13, &[("B13", "T004"), ("D13", "f:SUM(X1:X2)=1222")]),
        row(14, &[("B14", "T005"), ("D14", "f:SUM(X3:X4)")]),
        row(15, &[("B15", "T012"), ("D15", "=94")]),
        row(16, &[("B16", "T016"), ("D16", "=14.1")]),
        row(17, &[("B17", "T079"), ("D17", "=9")]),
    ]
    .concat();
    let book = xlsx(&[
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            sheet_with("A1:E17", &rows, r#"<mergeCells count="1"><mergeCell ref="A5:E5"/></mergeCells>"#),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("habits.xlsx");
    std::fs::write(&path, book).unwrap();
    let (code, v) = check_json(&path, EXAMPLE);
    assert_eq!(code, 1);
    let mut found: Vec<(String, String, String)> = (v["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            assert_eq!(s("sheet"), "Sheet1", "{d:#}");
            (s("cell"), s("code"), s("help"))
        })
        .collect();
    found.sort();
    let at: Vec<(&str, &str)> = found
        .iter()
        .map(|(c, code, _)| (c.as_str(), code.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            // The missing key project, on the department's cell.
            ("B1", "PL306"),
            ("D10", "PL002"),
            ("D11", "PL002"),
            // A share written as a fraction is a unit slip (rules.md version 3).
            ("D12", "PL212"),
            ("D14", "PL002"),
            ("D9", "PL002"),
        ],
        "{v:#}"
    );
    let help = |cell: &str| &found.iter().find(|(c, ..)| c == cell).unwrap().2;
    assert!(help("D9").contains("8.9"), "{}", help("D9"));
    assert!(help("D10").contains("96.9"), "{}", help("D10"));
    assert!(help("D11").contains("1880"), "{}", help("D11"));
    assert!(help("D12").contains("18.8"), "{}", help("D12"));
    assert!(help("D14").contains("F9"), "{}", help("D14"));
    // Converted: the serial number is the date, the cached value the figure.
    let out = plan_lint(&["convert", path.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("submitted: 2024-01-19\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("  - id: T004\n    value: 1222\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  - id: T005\n    value: =SUM(X3:X4)\n"),
        "{}",
        out.stdout
    );
}

/// A LibreOffice run (headless, its own profile in `dir`) converting `file` to `to` in `out`.
fn soffice(soffice: &Path, dir: &Path, to: &str, out: &Path, file: &Path) {
    let mut cmd = Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    ))
    .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
    .arg(out)
    .arg(file);
    run_program(&mut cmd, "soffice", Duration::from_secs(180));
}

/// Real office files: workbooks written by plan-lint and the same re-saved by
/// LibreOffice read the same; the workbook prints (PDF) with its sheets'
/// words, and its first page renders to PNG (written to
/// target/workbook-page-1.png to be looked at; README.zh-CN shows one).
#[test]
fn libreoffice_resaves_and_prints_the_workbook_and_it_reads_the_same() {
    let Some(office) = program("SOFFICE", &["soffice", "libreoffice"]) else {
        return missing_program(
            "libreoffice_resaves_and_prints_the_workbook_and_it_reads_the_same",
            "LibreOffice (soffice)",
            "libreoffice-calc-nogui (or set SOFFICE)",
        );
    };
    let Some(pdftoppm) = program("PDFTOPPM", &["pdftoppm"]) else {
        return missing_program(
            "libreoffice_resaves_and_prints_the_workbook_and_it_reads_the_same",
            "pdftoppm",
            "poppler-utils",
        );
    };
    let dir = tempfile::tempdir().unwrap();
    let resaved = dir.path().join("resaved");
    let mut books = vec![init_workbook(dir.path())];
    for report in ["2023/drc.yaml", "2023/eco-env.yaml", "2022/education.yaml"] {
        let xlsx = dir
            .path()
            .join(report.replace('/', "-").replace(".yaml", ".xlsx"));
        let src = format!("{EXAMPLE}/{report}");
        let out = plan_lint(&["convert", &src, "-o", xlsx.to_str().unwrap()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        books.push(xlsx);
    }
    for book in &books {
        soffice(&office, dir.path(), "xlsx", &resaved, book);
        let again = resaved.join(book.file_name().unwrap());
        let ours = plan_lint(&["convert", book.to_str().unwrap()]);
        let theirs = plan_lint(&["convert", again.to_str().unwrap()]);
        assert_eq!(ours.code, 0, "{}", ours.stderr);
        assert_eq!(theirs.code, 0, "{}", theirs.stderr);
        assert_eq!(theirs.stdout, ours.stdout, "{}", book.display());
        println!("{}: LibreOffice's copy reads the same", book.display());
    }
    // Printed: the sheets' words are in the PDF, and its first page renders.
    let printed = dir.path().join("printed");
    soffice(&office, dir.path(), "pdf", &printed, &books[1]);
    let pdf = printed.join("2023-drc.pdf");
    let prefix = dir.path().join("page");
    let mut cmd = Command::new(&pdftoppm);
    cmd.args(["-png", "-r", "100", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(&prefix);
    run_program(&mut cmd, "pdftoppm", Duration::from_secs(60));
    let png = dir.path().join("page-1.png");
    let bytes = std::fs::read(&png).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
    let info = decoder.read_info().unwrap().info().clone();
    assert!(
        info.width > 500 && info.height > 300,
        "{}x{}",
        info.width,
        info.height
    );
    let _ = std::fs::write("target/workbook-page-1.png", &bytes);
    if let Some(pdftotext) = program("PDFTOTEXT", &["pdftotext"]) {
        let mut cmd = Command::new(pdftotext);
        cmd.arg(&pdf).arg("-");
        let (text, _) = run_program(&mut cmd, "pdftotext", Duration::from_secs(60));
        for words in ["填报部门", "编号", "常住人口城镇化率", "数值", "形象进度"]
        {
            assert!(text.contains(words), "{words} not in the PDF:\n{text}");
        }
    }
}

/// A workbook committed under the data root is not a report (PL110, trust.md):
/// found by a check of the data root, and still when it is named, as a file.
#[test]
fn a_workbook_under_the_data_root_stays_pl110() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("progress");
    for f in crate::common::walk(Path::new(EXAMPLE)) {
        let to = root.join(f.strip_prefix(EXAMPLE).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f, &to).unwrap();
    }
    // plan-lint writes no workbook into the data root (the -o rule): one
    // made elsewhere and committed there by hand.
    let book = root.join("2023/drc.xlsx");
    let made = dir.path().join("drc.xlsx");
    let src = format!("{EXAMPLE}/2023/drc.yaml");
    let refused = plan_lint(&["convert", &src, "-o", book.to_str().unwrap()]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    let out = plan_lint(&["convert", &src, "-o", made.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::copy(&made, &book).unwrap();
    let root = root.to_str().unwrap();
    for named in [None, Some(book.to_str().unwrap())] {
        let mut args = vec!["check", "--data-root", root, "--format", "json"];
        args.extend(named);
        args.extend(TODAY);
        let v = json(&plan_lint(&args));
        let d = crate::common::diagnostic(&v, "PL110");
        assert!(
            d["file"].as_str().unwrap().ends_with("2023/drc.xlsx"),
            "{d:#}"
        );
        assert_eq!(d["severity"], "warning");
        assert!(d.get("cell").is_none(), "{d:#}");
    }
}

/// 核实说明 is the department's confirmation of the row's figure (version 3's `confirmed`).
#[test]
fn a_confirmation_confirms_the_figure_of_its_row() {
    let rows = [
        row(
            1,
            &[
                ("A1", "编号"),
                ("B1", "名称"),
                ("C1", "数值"),
                ("D1", "核实说明"),
            ],
        ),
        row(
            2,
            &[
                ("A2", "I16"),
                ("B2", "建成区人均公共绿地面积"),
                ("C2", "=16.2"),
                ("D2", "新建南明河沿岸绿地12公顷"),
            ],
        ),
    ]
    .concat();
    let book = xlsx(&[("xl/worksheets/sheet1.xml", sheet("A1:D2", &rows))]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("confirmed.xlsx");
    std::fs::write(&path, book).unwrap();
    let out = plan_lint(&["convert", path.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("    value: 16.2\n    confirmed:\n      value: 16.2\n      reason: 新建南明河沿岸绿地12公顷\n"),
        "{}",
        out.stdout
    );
}

/// One part of a workbook's archive, as text.
fn part(xlsx: &Path, name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut s = String::new();
    (zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// `init --format xlsx`: the block on top, a row per indicator the department
/// owes with last year's figure, validation on numbers, dates and the status
/// list, the id and name cells locked (the sheet protected, the cells to fill
/// unlocked), the header frozen, widths for Chinese; checked blank, every
/// figure to fill is found at its cell; a workbook needs -o and never replaces a file.
#[test]
fn init_writes_a_fill_in_workbook_whose_blanks_are_found_at_their_cells() {
    let dir = tempfile::tempdir().unwrap();
    let book = init_workbook(dir.path());
    let indicators = part(&book, "xl/worksheets/sheet1.xml");
    let projects = part(&book, "xl/worksheets/sheet2.xml");
    let workbook = part(&book, "xl/workbook.xml");
    for name in ["指标", "项目", "说明"] {
        assert!(
            workbook.contains(&format!(r#"name="{name}""#)),
            "{workbook}"
        );
    }
    assert!(
        indicators.contains(r#"<pane xSplit="2" ySplit="8""#),
        "{indicators}"
    );
    // I06's row (11): last year's figure, 96.3 in 2022's report, in 上年数值 (E).
    assert!(
        indicators.contains(r#"<c r="E11""#) && indicators.contains("<v>96.3</v>"),
        "{indicators}"
    );
    assert!(indicators.contains("<sheetProtection"), "{indicators}");
    assert!(indicators.contains(r#"type="decimal""#) && indicators.contains(r#"type="date""#));
    assert!(
        projects.contains(r#"type="list""#) && projects.contains("在建"),
        "{projects}"
    );
    let out = plan_lint(&["convert", book.to_str().unwrap()]);
    assert!(out.stdout.contains("  - id: P1105                  # 楼宇合同能源管理试点项目\n    status: completed\n    progress: 100\n    investment:\n      planned_total: 1\n      completed_to_date: 1\n    started: 2021-03-01\n    completed: 2022-11-30\n    evidence:\n      - 竣工验收备案表(2022-11-30)\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains(
            "  - id: I06                    # 常住人口城镇化率\n    value:\n    unit: \"%\"\n"
        ),
        "{}",
        out.stdout
    );
    assert!(indicators.contains(r#"width="28.7"#), "{indicators}");
    // The cells to fill are unlocked; the styles of id and name cells are not.
    let styles = part(&book, "xl/styles.xml");
    assert!(styles.contains(r#"<protection locked="0"/>"#), "{styles}");

    let (code, v) = check_json(&book, EXAMPLE);
    assert_eq!(code, 1);
    let mut at: Vec<(String, String)> = (v["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            (
                d["cell"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    at.sort();
    at.dedup();
    // 填报日期 (B5) and the ten figures of drc (F9…F18); P1105, completed in 2022, is carried over.
    let mut expected: Vec<(String, String)> = (9..=18)
        .map(|r| (format!("F{r}"), "PL002".into()))
        .collect();
    expected.push(("B5".into(), "PL002".into()));
    expected.sort();
    assert_eq!(at, expected, "{v:#}");

    let out = plan_lint(&[
        "init",
        "--department",
        "drc",
        "--period",
        "2023",
        "--format",
        "xlsx",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("-o"), "{}", out.stderr);
    let again = plan_lint(&[
        "init",
        "--department",
        "drc",
        "--period",
        "2023",
        "--data-root",
        EXAMPLE,
        "--format",
        "xlsx",
        "-o",
        book.to_str().unwrap(),
    ]);
    assert_eq!(again.code, 2, "{}", again.stderr);
}

//! The workbook reader (`check FILE.xlsx`, `convert FILE.xlsx`) on workbooks
//! built from the input: structure-aware, so that the fuzzer reaches past the
//! zip and the XML into the cells. The input is read as a program: which
//! sheets (names a report uses, or any), their declared dimension, cells
//! (position, near or far; type: inline text from a pool of the headers and
//! labels the converter looks for or from the input, number, date, formula
//! with or without its cached value, boolean, error, shared-string index,
//! raw XML), extra parts (shared strings, styles, macros, external links),
//! and how each part is stored. An input that starts with `PK` is fed as
//! it is. The reader must return cells or a finding, never panic, and the
//! YAML it converts to must place every offset at a cell of the workbook.

use std::io::Write;

struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn bytes(&mut self, n: usize) -> &[u8] {
        let n = n.min(self.0.len());
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        a
    }
    fn text(&mut self) -> String {
        let n = usize::from(self.byte() % 24);
        escape(&String::from_utf8_lossy(self.bytes(n)))
    }
    fn done(&self) -> bool {
        self.0.is_empty()
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const WORDS: &[&str] = &[
    "编号",
    "名称",
    "单位",
    "规划目标",
    "上年数值",
    "数值",
    "待报原因",
    "预计公布日期",
    "要求值",
    "要求来源",
    "来源",
    "备注",
    "核实说明",
    "状态",
    "形象进度",
    "计划总投资",
    "累计完成投资",
    "开工日期",
    "竣工日期",
    "佐证材料",
    "填报部门",
    "部门代码",
    "报告年度",
    "填报日期",
    "规划",
    "I06",
    "P1105",
    "drc",
    "nanming-14th-fyp",
    "2023",
    "97,6",
    "８.９",
    "1,222",
    "在建",
    "已建成",
    "=SUM(A1:A2)",
    "2024/1/19",
    " ",
    "",
    "\n",
];

const SHEETS: &[&str] = &["指标", "项目", "说明", "plan-lint", "Sheet1"];

fn column(mut c: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// One cell's XML, built from the input.
fn cell(inp: &mut Input) -> (u32, String) {
    let far = inp.byte();
    let row = if far == 0xFF {
        u32::from_le_bytes([inp.byte(), inp.byte(), inp.byte(), 0]) % 1_048_576
    } else {
        u32::from(far % 40)
    };
    let col = if inp.byte() == 0xFF {
        16_383
    } else {
        u32::from(inp.byte() % 16)
    };
    let at = format!("{}{}", column(col), row + 1);
    let xml = match inp.byte() % 10 {
        0 => format!(
            r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
            escape(WORDS[usize::from(inp.byte()) % WORDS.len()])
        ),
        1 => format!(
            r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
            inp.text()
        ),
        2 => {
            let v = f64::from_le_bytes(core::array::from_fn(|_| inp.byte()));
            format!(r#"<c r="{at}"><v>{v}</v></c>"#)
        }
        3 => format!(
            r#"<c r="{at}" s="1"><v>{}</v></c>"#,
            u32::from(inp.byte()) * 300
        ),
        4 => format!(r#"<c r="{at}"><f>{}</f></c>"#, inp.text()),
        5 => format!(
            r#"<c r="{at}"><f>{}</f><v>{}</v></c>"#,
            inp.text(),
            inp.byte()
        ),
        6 => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, inp.byte() % 2),
        7 => format!(r#"<c r="{at}" t="e"><v>#DIV/0!</v></c>"#),
        8 => format!(r#"<c r="{at}" t="s"><v>{}</v></c>"#, inp.byte()),
        _ => {
            let n = usize::from(inp.byte() % 32);
            String::from_utf8_lossy(inp.bytes(n)).into_owned()
        }
    };
    (row, xml)
}

fn sheet(inp: &mut Input) -> String {
    let dimension = match inp.byte() % 4 {
        0 => "A1:XFD1048576".to_string(),
        1 => "A1:P40".to_string(),
        2 => inp.text(),
        _ => String::new(),
    };
    let mut cells: Vec<(u32, String)> = (0..inp.byte() % 64).map(|_| cell(inp)).collect();
    if inp.byte() % 2 == 0 {
        cells.sort_by_key(|(r, _)| *r);
    }
    let rows: String = cells
        .into_iter()
        .map(|(r, c)| format!(r#"<row r="{}">{c}</row>"#, r + 1))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>"#
    )
}

fn workbook(inp: &mut Input) -> Vec<u8> {
    let n = 1 + usize::from(inp.byte() % 3);
    let names: Vec<String> = (0..n)
        .map(|i| match inp.byte() % 3 {
            0 => inp.text(),
            _ => SHEETS[(i + usize::from(inp.byte())) % SHEETS.len()].to_string(),
        })
        .collect();
    let sheets: String = (names.iter().enumerate())
        .map(|(i, name)| {
            let hidden = if inp.byte() % 4 == 0 {
                r#" state="hidden""#
            } else {
                ""
            };
            format!(
                r#"<sheet name="{name}" sheetId="{}" r:id="rId{}"{hidden}/>"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    let rels: String = (0..n)
        .map(|i| format!(r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{}.xml"/>"#, i + 1, i + 1))
        .collect();
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec()),
        ("_rels/.rels".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
        ("xl/workbook.xml".into(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>"#).into_bytes()),
        ("xl/_rels/workbook.xml.rels".into(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#).into_bytes()),
    ];
    for i in 0..n {
        parts.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet(inp).into_bytes(),
        ));
    }
    let extras = inp.byte();
    if extras & 1 != 0 {
        let items: String = (0..inp.byte() % 8)
            .map(|_| {
                format!(
                    "<si><t>{}</t></si>",
                    escape(WORDS[usize::from(inp.byte()) % WORDS.len()])
                )
            })
            .collect();
        parts.push(("xl/sharedStrings.xml".into(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{items}</sst>"#).into_bytes()));
    }
    if extras & 2 != 0 {
        parts.push(("xl/styles.xml".into(), br#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_vec()));
    }
    if extras & 4 != 0 {
        parts.push(("xl/vbaProject.bin".into(), b"never run".to_vec()));
    }
    if extras & 8 != 0 {
        parts.push((
            "xl/externalLinks/externalLink1.xml".into(),
            b"<externalLink/>".to_vec(),
        ));
    }
    if extras & 16 != 0 {
        // A part truncated or replaced by the rest of the input.
        let at = usize::from(inp.byte()) % parts.len();
        let rest = inp.bytes(usize::MAX).to_vec();
        parts[at].1 = rest;
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, bytes) in parts {
        let method = if extras & 32 != 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        if zip.start_file(name, options).is_err() || zip.write_all(&bytes).is_err() {
            break;
        }
    }
    let _ = zip.finish();
    out.into_inner()
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let bytes = if data.starts_with(b"PK") {
            data.to_vec()
        } else {
            let mut inp = Input(data);
            let b = workbook(&mut inp);
            let _ = inp.done();
            b
        };
        let Ok(book) = plan_lint::load::workbook::read(&bytes) else {
            return;
        };
        let converted = plan_lint::load::workbook::to_yaml(&book);
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        for offset in (0..=converted.text.len()).step_by(7) {
            if let Some(place) = converted.place_at(offset) {
                assert!(
                    names.contains(&place.sheet.as_str()) || place.sheet == "plan-lint",
                    "{} is no sheet of {names:?}",
                    place.sheet
                );
            }
        }
    });
}

//! A workbook's cells as the YAML report they mean. Every value is written
//! as the cell holds it — a number as a number, a text as a text — so that
//! the YAML checks and their hints (a thousands comma, full-width digits, a
//! decimal comma, a number stored as text) judge the workbook exactly as
//! they judge a report typed by hand; each line remembers its cell.

use super::{
    cell_name, Column, Field, Kind, Sheet, Value, Workbook, DEPARTMENT, DEPARTMENT_CODE,
    EXTRA_SHEET, INDICATOR_COLUMNS, INDICATOR_SHEET, PERIOD, PLAN, PROJECT_COLUMNS, PROJECT_SHEET,
    SUBMITTED,
};
use crate::model::plan::ProjectStatus;
use crate::syntax::yaml::{format_number, scalar};

/// Where a line of the YAML came from: a sheet's cell, and the row's id and name.
pub use crate::syntax::source::CellPlace as Place;

/// The YAML report a workbook converts to, and the cell of each of its lines.
#[derive(Clone, Debug, Default)]
pub struct Converted {
    pub text: String,
    lines: Vec<Option<Place>>,
}

impl Converted {
    /// The cell the text at byte `offset` came from.
    pub fn place_at(&self, offset: usize) -> Option<&Place> {
        let line = self.text.as_bytes()[..offset.min(self.text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        // A line with no cell of its own (a key of the YAML's) is shown at the nearest cell above.
        (self.lines.get(..=line).unwrap_or(&self.lines).iter())
            .rev()
            .find_map(Option::as_ref)
            .or_else(|| self.lines.iter().find_map(Option::as_ref))
    }

    fn line(&mut self, text: impl AsRef<str>, place: Option<Place>) {
        self.text.push_str(text.as_ref());
        self.text.push('\n');
        self.lines.push(place);
    }
}

/// A table sheet: its sheet, its header row, and each field's column.
struct Table<'w> {
    sheet: &'w Sheet,
    header_row: u32,
    columns: Vec<(Field, u32)>,
}

impl<'w> Table<'w> {
    fn col(&self, f: Field) -> Option<u32> {
        self.columns.iter().find(|(x, _)| *x == f).map(|&(_, c)| c)
    }
    fn value(&self, row: u32, f: Field) -> Option<&'w Value> {
        self.sheet.get(row, self.col(f)?)
    }
    fn place(&self, row: u32, f: Field, label: &Option<String>) -> Option<Place> {
        let col = self.col(f).or_else(|| self.col(Field::Id))?;
        Some(Place {
            sheet: self.sheet.name.clone(),
            cell: cell_name(row, col),
            row: label.clone(),
            line: row + 1,
        })
    }
    /// The data rows: every row below the header with an id.
    fn rows(&self) -> Vec<u32> {
        let Some(id) = self.col(Field::Id) else {
            return Vec::new();
        };
        let mut rows: Vec<u32> = (self.sheet.cells.iter())
            .filter(|c| c.row > self.header_row && c.col == id)
            .filter(|c| !text_of(&c.value).is_empty())
            .map(|c| c.row)
            .collect();
        rows.dedup();
        rows
    }
}

fn text_of(v: &Value) -> String {
    match v {
        Value::Text(s) => s.trim().to_string(),
        Value::Number(f) | Value::Date(f) => format_number(*f, f.fract() == 0.0),
        Value::Bool(b) => b.to_string(),
        Value::Error(e) => e.clone(),
        Value::Formula(f) => format!("={f}"),
    }
}

/// The header row of a sheet holding `columns`: the first row (of the first
/// 50) in which `编号` and at least two other headers are found.
fn find_table<'w>(sheet: &'w Sheet, columns: &[Column]) -> Option<Table<'w>> {
    // The headers found, row by row (the cells are in row order).
    let mut rows: Vec<(u32, Vec<(Field, u32)>)> = Vec::new();
    for c in sheet.cells.iter().take_while(|c| c.row < 50) {
        let Value::Text(t) = &c.value else { continue };
        let Some(column) = columns.iter().find(|x| x.header == t.trim()) else {
            continue;
        };
        match rows.last_mut() {
            Some((r, found)) if *r == c.row => {
                if !found.iter().any(|(f, _)| *f == column.field) {
                    found.push((column.field, c.col));
                }
            }
            _ => rows.push((c.row, vec![(column.field, c.col)])),
        }
    }
    rows.into_iter()
        .find(|(_, found)| found.len() >= 3 && found.iter().any(|(f, _)| *f == Field::Id))
        .map(|(header_row, columns)| Table {
            sheet,
            header_row,
            columns,
        })
}

/// The table of `columns`: on the sheet of that name, else on the first sheet whose headers fit.
fn table<'w>(
    book: &'w Workbook,
    name: &str,
    columns: &[Column],
    distinct: Field,
) -> Option<Table<'w>> {
    let named = (book.sheets.iter()).find(|s| s.name == name);
    let fits = |t: &Table| t.col(distinct).is_some();
    named
        .and_then(|s| find_table(s, columns))
        .filter(fits)
        .or_else(|| {
            (book.sheets.iter().filter(|s| !s.hidden))
                .filter_map(|s| find_table(s, columns))
                .find(fits)
        })
}

/// A labelled cell of the block on top (`部门代码 | drc`): the value right of the label.
fn labelled<'w>(book: &'w Workbook, label: &str) -> Option<(&'w Sheet, u32, u32)> {
    book.sheets.iter().filter(|s| !s.hidden).find_map(|s| {
        (s.cells.iter())
            .find(|c| {
                matches!(&c.value, Value::Text(t)
                    if t.trim().trim_end_matches([':', '：']) == label)
            })
            .map(|c| (s, c.row, c.col + 1))
    })
}

/// A date from its serial (1900 date system, as Excel and WPS save by default).
fn serial_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = jiff::civil::date(1899, 12, 30);
    let days = serial.floor() as i64;
    base.checked_add(jiff::Span::new().days(days))
        .ok()
        .map(|d| d.to_string())
}

/// A cell's value as a YAML scalar for a field of `kind`.
fn yaml_value(v: &Value, kind: Kind) -> String {
    match (v, kind) {
        (Value::Number(f), Kind::Date) | (Value::Date(f), Kind::Date) => {
            serial_date(*f).unwrap_or_else(|| format_number(*f, f.fract() == 0.0))
        }
        (Value::Number(f), Kind::Number) => format_number(*f, f.fract() == 0.0),
        (Value::Text(t), Kind::Status) => {
            let t = t.trim();
            ProjectStatus::ALL
                .into_iter()
                .find(|s| {
                    let zh = crate::diagnostics::messages::status_zh(*s);
                    t == zh || t == s.as_str() || t == format!("{zh}（{}）", s.as_str())
                })
                .map_or_else(|| scalar(t), |s| s.as_str().to_string())
        }
        (Value::Text(t), _) => scalar(t.trim()),
        (Value::Bool(b), _) => b.to_string(),
        // Text where the report holds text, a number where it holds a number.
        (other, Kind::Number) => scalar(&text_of(other)),
        (other, _) => scalar(&text_of(other)),
    }
}

const PAD: usize = 31;

/// `key: value` padded for a trailing comment, as init writes it.
fn with_comment(head: String, comment: &str) -> String {
    if comment.is_empty() {
        return head;
    }
    let width = head.chars().count();
    format!(
        "{head}{} # {comment}",
        " ".repeat(PAD.saturating_sub(width).max(1) - 1)
    )
}

/// Converts a workbook to the YAML report it means.
pub fn to_yaml(book: &Workbook) -> Converted {
    let mut out = Converted::default();
    let first = book.sheets.iter().find(|s| !s.hidden);
    let top = first.map(|s| Place {
        sheet: s.name.clone(),
        cell: "A1".into(),
        row: None,
        line: 1,
    });
    out.line(
        // Where a report at its place finds the schema copy the data
        // repository keeps beside the data root (as init writes it).
        "# yaml-language-server: $schema=../../schemas/report.schema.json",
        top.clone(),
    );
    out.line("version: 1", top.clone());
    let meta = |label: &str| {
        labelled(book, label).map(|(s, row, col)| {
            (
                s.get(row, col),
                Place {
                    sheet: s.name.clone(),
                    cell: cell_name(row, col),
                    row: None,
                    line: row + 1,
                },
            )
        })
    };
    let dept_name = meta(DEPARTMENT).and_then(|(v, _)| v.map(text_of));
    for (key, label, kind) in [
        ("plan", PLAN, Kind::Text),
        ("department", DEPARTMENT_CODE, Kind::Text),
        ("period", PERIOD, Kind::Number),
        ("submitted", SUBMITTED, Kind::Date),
    ] {
        let Some((v, place)) = meta(label) else {
            continue;
        };
        // The department by its name when its code cell is empty (PL109 then names the code).
        let v = match (v, key) {
            (None, "department") => dept_name.clone().map(Value::Text),
            (v, _) => v.cloned(),
        };
        let value = v.map(|v| yaml_value(&v, kind)).unwrap_or_default();
        out.line(format!("{key}: {value}").trim_end(), Some(place));
    }
    if let Some(t) = table(book, INDICATOR_SHEET, INDICATOR_COLUMNS, Field::Value) {
        indicators(&mut out, &t);
    }
    if let Some(t) = table(book, PROJECT_SHEET, PROJECT_COLUMNS, Field::Status) {
        projects(&mut out, &t);
    }
    // What a workbook has no column for travels as YAML in the hidden sheet's A1.
    if let Some(extra) = book.sheets.iter().find(|s| s.name == EXTRA_SHEET) {
        if let Some(Value::Text(text)) = extra.get(0, 0) {
            let place = Place {
                sheet: EXTRA_SHEET.into(),
                cell: "A1".into(),
                row: None,
                line: 1,
            };
            for l in text.lines() {
                out.line(l, Some(place.clone()));
            }
        }
    }
    out
}

fn label(t: &Table, row: u32) -> Option<String> {
    let id = t.value(row, Field::Id).map(text_of).unwrap_or_default();
    let name = t.value(row, Field::Name).map(text_of).unwrap_or_default();
    let name = name.replace(['\n', '\r'], " ");
    Some(format!("{id} {name}").trim().to_string())
}

/// The optional fields of a row: `key: value` for each filled cell.
fn field(
    out: &mut Converted,
    t: &Table,
    row: u32,
    lbl: &Option<String>,
    indent: &str,
    key: &str,
    f: Field,
) {
    let Some(v) = t.value(row, f) else {
        return;
    };
    if text_of(v).is_empty() {
        return;
    }
    let kind = INDICATOR_COLUMNS
        .iter()
        .chain(PROJECT_COLUMNS)
        .find(|c| c.field == f)
        .map_or(Kind::Text, |c| c.kind);
    out.line(
        format!("{indent}{key}: {}", yaml_value(v, kind)),
        t.place(row, f, lbl),
    );
}

fn filled(t: &Table, row: u32, f: Field) -> bool {
    t.value(row, f).is_some_and(|v| !text_of(v).is_empty())
}

/// An entry's first line (`  - id: I06   # its name`); the row's label.
fn entry(out: &mut Converted, t: &Table, row: u32) -> Option<String> {
    let lbl = label(t, row);
    let id = t
        .value(row, Field::Id)
        .map(|v| yaml_value(v, Kind::Text))
        .unwrap_or_default();
    let name = t
        .value(row, Field::Name)
        .map(text_of)
        .unwrap_or_default()
        .replace(['\n', '\r'], " ");
    out.line(
        with_comment(format!("  - id: {id}"), &name),
        t.place(row, Field::Id, &lbl),
    );
    lbl
}

fn indicators(out: &mut Converted, t: &Table) {
    let rows = t.rows();
    let header = t.place(t.header_row, Field::Id, &None);
    out.line(
        if rows.is_empty() {
            "indicators: []"
        } else {
            "indicators:"
        },
        header,
    );
    for row in rows {
        let lbl = entry(out, t, row);
        let pending = filled(t, row, Field::PendingReason) || filled(t, row, Field::ExpectedBy);
        if filled(t, row, Field::Value) || !pending {
            let v = t
                .value(row, Field::Value)
                .map(|v| yaml_value(v, Kind::Number))
                .unwrap_or_default();
            out.line(
                format!("    value: {v}").trim_end(),
                t.place(row, Field::Value, &lbl),
            );
        }
        if pending {
            out.line("    pending:", t.place(row, Field::PendingReason, &lbl));
            for (key, f, kind) in [
                ("reason", Field::PendingReason, Kind::Text),
                ("expected_by", Field::ExpectedBy, Kind::Date),
            ] {
                let v = t
                    .value(row, f)
                    .map(|v| yaml_value(v, kind))
                    .unwrap_or_default();
                out.line(
                    format!("      {key}: {v}").trim_end(),
                    t.place(row, f, &lbl),
                );
            }
        }
        if filled(t, row, Field::RequirementValue) || filled(t, row, Field::RequirementSource) {
            out.line(
                "    requirement:",
                t.place(row, Field::RequirementValue, &lbl),
            );
            field(
                out,
                t,
                row,
                &lbl,
                "      ",
                "value",
                Field::RequirementValue,
            );
            field(
                out,
                t,
                row,
                &lbl,
                "      ",
                "source",
                Field::RequirementSource,
            );
        }
        // 核实说明: the department confirms this row's figure (version 3's `confirmed`).
        if filled(t, row, Field::ConfirmedReason) {
            let v = (t.value(row, Field::Value))
                .map(|v| yaml_value(v, Kind::Number))
                .unwrap_or_default();
            out.line("    confirmed:", t.place(row, Field::ConfirmedReason, &lbl));
            out.line(
                format!("      value: {v}").trim_end(),
                t.place(row, Field::Value, &lbl),
            );
            field(
                out,
                t,
                row,
                &lbl,
                "      ",
                "reason",
                Field::ConfirmedReason,
            );
        }
        field(out, t, row, &lbl, "    ", "unit", Field::Unit);
        field(out, t, row, &lbl, "    ", "source", Field::Source);
        field(out, t, row, &lbl, "    ", "note", Field::Note);
    }
}

fn projects(out: &mut Converted, t: &Table) {
    let rows = t.rows();
    if rows.is_empty() {
        return;
    }
    out.line("projects:", t.place(t.header_row, Field::Id, &None));
    for row in rows {
        let lbl = entry(out, t, row);
        for (key, f, kind) in [
            ("status", Field::Status, Kind::Status),
            ("progress", Field::Progress, Kind::Number),
        ] {
            let v = t
                .value(row, f)
                .map(|v| yaml_value(v, kind))
                .unwrap_or_default();
            out.line(format!("    {key}: {v}").trim_end(), t.place(row, f, &lbl));
        }
        if filled(t, row, Field::PlannedTotal) || filled(t, row, Field::CompletedToDate) {
            out.line("    investment:", t.place(row, Field::PlannedTotal, &lbl));
            field(
                out,
                t,
                row,
                &lbl,
                "      ",
                "planned_total",
                Field::PlannedTotal,
            );
            field(
                out,
                t,
                row,
                &lbl,
                "      ",
                "completed_to_date",
                Field::CompletedToDate,
            );
        }
        field(out, t, row, &lbl, "    ", "started", Field::Started);
        field(out, t, row, &lbl, "    ", "completed", Field::Completed);
        let items: Vec<String> = match t.value(row, Field::Evidence) {
            Some(Value::Text(s)) => s
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(scalar)
                .collect(),
            Some(other) => vec![scalar(&text_of(other))],
            None => Vec::new(),
        };
        if !items.is_empty() {
            out.line("    evidence:", t.place(row, Field::Evidence, &lbl));
            for i in items {
                out.line(format!("      - {i}"), t.place(row, Field::Evidence, &lbl));
            }
        }
    }
}

//! A report filled in Excel or WPS (issue 33): the workbook's cells, read
//! under caps (`reader.rs`, the one module that names calamine), and the
//! YAML report they convert to (`convert.rs`), each line of which remembers
//! the cell it came from so that a finding on the YAML is shown at the cell.
//!
//! The layout (sheet and header names) is declared once here, for the
//! writer (`output::workbook`) and the reader alike. A header is found by
//! its name, never by its column letter; a sheet by its headers, never by
//! its name alone.

pub mod convert;
mod reader;

pub use convert::{to_yaml, Converted, Place};

/// The caps a workbook is read under: what a department's report needs, many times over.
pub mod caps {
    /// Rows read of one sheet (a report has a few hundred at most).
    pub const ROWS: u32 = 10_000;
    /// Columns read of one sheet.
    pub const COLUMNS: u32 = 200;
    /// Used cells of one sheet.
    pub const CELLS: usize = 100_000;
    /// Entries of the zip archive.
    pub const ENTRIES: usize = 1_000;
    /// Bytes of all the archive's entries once decompressed.
    pub const DECOMPRESSED: u64 = 16 * 1024 * 1024;
}

/// A cell's value as the workbook holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A number formatted as a date or time: its serial (days since 1899-12-30).
    Date(f64),
    Bool(bool),
    /// An error value (`#DIV/0!`) as shown.
    Error(String),
    /// A formula with no cached value: the workbook was never calculated.
    Formula(String),
}

/// One used cell (row and column from 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub row: u32,
    pub col: u32,
    pub value: Value,
}

/// A sheet's used cells in row order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub cells: Vec<Cell>,
}

impl Sheet {
    /// The value at (row, col), if used.
    pub fn get(&self, row: u32, col: u32) -> Option<&Value> {
        let i = self.cells.partition_point(|c| (c.row, c.col) < (row, col));
        self.cells
            .get(i)
            .filter(|c| c.row == row && c.col == col)
            .map(|c| &c.value)
    }
}

/// The sheets of a workbook, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

/// Reads a workbook's cells (xlsx or xlsm; macros are never run: a workbook
/// holding them is refused) under [`caps`]: a hostile workbook is a finding,
/// never a panic or a process out of memory.
pub fn read(bytes: &[u8]) -> Result<Workbook, crate::diagnostics::messages::FileMsg> {
    reader::read(bytes)
}

/// The sheet of the indicators, the projects, the instructions and the
/// hidden one that carries what a workbook has no column for.
pub const INDICATOR_SHEET: &str = "指标";
pub const PROJECT_SHEET: &str = "项目";
pub const NOTES_SHEET: &str = "说明";
pub const EXTRA_SHEET: &str = "plan-lint";

/// The cells of the block on top of the indicator sheet: a label in column
/// A, its value in column B.
pub const DEPARTMENT: &str = "填报部门";
pub const DEPARTMENT_CODE: &str = "部门代码";
pub const PERIOD: &str = "报告年度";
pub const SUBMITTED: &str = "填报日期";
pub const PLAN: &str = "规划";

/// What a column holds, for the writer's validation and the reader's conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Shown, not read back (last year's figure, the target, the name).
    Shown,
    Text,
    Number,
    Date,
    Status,
    /// Evidence: one item per line of the cell.
    Lines,
}

/// The field a column fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Id,
    Name,
    Unit,
    Target,
    LastYear,
    Value,
    PendingReason,
    ExpectedBy,
    RequirementValue,
    RequirementSource,
    Source,
    Note,
    ConfirmedReason,
    Status,
    Progress,
    PlannedTotal,
    CompletedToDate,
    Started,
    Completed,
    Evidence,
}

/// A column: its header, its field, its kind, its width in characters.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub header: &'static str,
    pub field: Field,
    pub kind: Kind,
    pub width: f64,
}

const fn col(header: &'static str, field: Field, kind: Kind, width: f64) -> Column {
    Column {
        header,
        field,
        kind,
        width,
    }
}

/// The indicator sheet's columns, in the order init writes them.
pub const INDICATOR_COLUMNS: &[Column] = &[
    col("编号", Field::Id, Kind::Text, 8.0),
    col("名称", Field::Name, Kind::Shown, 28.0),
    col("单位", Field::Unit, Kind::Text, 10.0),
    col("规划目标", Field::Target, Kind::Shown, 16.0),
    col("上年数值", Field::LastYear, Kind::Shown, 11.0),
    col("数值", Field::Value, Kind::Number, 11.0),
    col("待报原因", Field::PendingReason, Kind::Text, 14.0),
    col("预计公布日期", Field::ExpectedBy, Kind::Date, 13.0),
    col("要求值", Field::RequirementValue, Kind::Number, 10.0),
    col("要求来源", Field::RequirementSource, Kind::Text, 14.0),
    col("来源", Field::Source, Kind::Text, 18.0),
    col("备注", Field::Note, Kind::Text, 16.0),
    col("核实说明", Field::ConfirmedReason, Kind::Text, 16.0),
];

/// The project sheet's columns, in the order init writes them.
pub const PROJECT_COLUMNS: &[Column] = &[
    col("编号", Field::Id, Kind::Text, 8.0),
    col("名称", Field::Name, Kind::Shown, 34.0),
    col("状态", Field::Status, Kind::Status, 10.0),
    col("形象进度", Field::Progress, Kind::Number, 10.0),
    col("计划总投资", Field::PlannedTotal, Kind::Number, 12.0),
    col("累计完成投资", Field::CompletedToDate, Kind::Number, 14.0),
    col("开工日期", Field::Started, Kind::Date, 12.0),
    col("竣工日期", Field::Completed, Kind::Date, 12.0),
    col("佐证材料", Field::Evidence, Kind::Lines, 36.0),
];

/// A column's letters (0 → A, 27 → AB).
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell's name (`F7`) from its 0-based row and column.
pub fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_past_the_text_or_an_empty_conversion_has_a_place_or_none() {
        assert_eq!(Converted::default().place_at(5), None);
        let book = Workbook {
            sheets: vec![Sheet {
                name: "指标".into(),
                hidden: false,
                cells: Vec::new(),
            }],
        };
        let c = to_yaml(&book);
        let last = c.place_at(usize::MAX).expect("a place");
        assert_eq!((last.sheet.as_str(), last.cell.as_str()), ("指标", "A1"));
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 5), "F7");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
    }
}

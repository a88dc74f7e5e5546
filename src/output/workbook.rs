//! The fill-in workbook (`init --format xlsx`, `convert FILE.yaml -o FILE.xlsx`):
//! sheet `指标` with the report's block on top (department, period, 填报日期)
//! and a row per indicator, sheet `项目`, the instructions `说明`, and a
//! hidden sheet carrying what a workbook has no column for. The layout is
//! `load::workbook`'s, which reads it back; written by rust_xlsxwriter.

use crate::load::workbook::{
    Column, Field, Kind, DEPARTMENT, DEPARTMENT_CODE, EXTRA_SHEET, INDICATOR_COLUMNS,
    INDICATOR_SHEET, NOTES_SHEET, PERIOD, PLAN, PROJECT_COLUMNS, PROJECT_SHEET, SUBMITTED,
};
use crate::model::plan::ProjectStatus;
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, FormatBorder, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

/// A value the writer puts in a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    Text(String),
    Number(f64),
    /// `YYYY-MM-DD`, written as a date cell (a text cell when it is not one).
    Date(String),
}

/// One row of a table: the filled fields.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row(pub Vec<(Field, Out)>);

impl Row {
    fn get(&self, f: Field) -> Option<&Out> {
        self.0.iter().find(|(x, _)| *x == f).map(|(_, v)| v)
    }
}

/// What the workbook shows and asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filled {
    pub title: String,
    pub plan: String,
    pub department: String,
    pub department_name: String,
    pub period: i64,
    pub submitted: Option<String>,
    pub indicators: Vec<Row>,
    pub projects: Vec<Row>,
    /// YAML of the report's keys no column holds (suppressions, revision).
    pub extra: String,
}

/// The rows of the block on top of sheet 指标, and the header row below it.
const BLOCK: [&str; 5] = [DEPARTMENT, DEPARTMENT_CODE, PERIOD, SUBMITTED, PLAN];
const HEADER_ROW: u32 = 7;
/// Rows left for a clerk to add (a validation range covers them too).
const SPARE_ROWS: u32 = 50;

/// The workbook's bytes.
pub fn write(f: &Filled) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(0xD9E1F2)
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let locked = Format::new().set_background_color(0xF2F2F2).set_text_wrap();
    let open = Format::new().set_unlocked();
    let open_date = Format::new().set_unlocked().set_num_format("yyyy-mm-dd");
    let open_wrap = Format::new().set_unlocked().set_text_wrap();
    let formats = Formats {
        header: header.clone(),
        locked: locked.clone(),
        open: open.clone(),
        open_date: open_date.clone(),
        open_wrap,
    };

    let sheet = book.add_worksheet();
    sheet.set_name(INDICATOR_SHEET)?;
    sheet.write_string_with_format(0, 0, &f.title, &Format::new().set_bold().set_font_size(14))?;
    for (i, label) in BLOCK.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string_with_format(row, 0, *label, &header)?;
        let fixed = match *label {
            DEPARTMENT => Out::Text(f.department_name.clone()),
            DEPARTMENT_CODE => Out::Text(f.department.clone()),
            PERIOD => Out::Number(f.period as f64),
            PLAN => Out::Text(f.plan.clone()),
            _ => {
                match &f.submitted {
                    Some(d) => write_out(sheet, row, 1, &Out::Date(d.clone()), &open, &open_date)?,
                    None => blank(sheet, row, 1, &open_date)?,
                };
                sheet.add_data_validation(row, 1, row, 1, &date_rule()?)?;
                continue;
            }
        };
        write_out(sheet, row, 1, &fixed, &locked, &locked)?;
    }
    sheet.set_column_width(0, 12)?;
    table(
        sheet,
        HEADER_ROW,
        INDICATOR_COLUMNS,
        &f.indicators,
        &formats,
    )?;
    protect(sheet);

    let sheet = book.add_worksheet();
    sheet.set_name(PROJECT_SHEET)?;
    table(sheet, 0, PROJECT_COLUMNS, &f.projects, &formats)?;
    protect(sheet);

    let sheet = book.add_worksheet();
    sheet.set_name(NOTES_SHEET)?;
    sheet.set_column_width(0, 100)?;
    for (i, line) in NOTES.iter().enumerate() {
        let format = if i == 0 {
            Format::new().set_bold().set_font_size(14)
        } else {
            Format::new().set_text_wrap()
        };
        sheet.write_string_with_format(i as u32, 0, *line, &format)?;
    }

    if !f.extra.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name(EXTRA_SHEET)?;
        sheet.write_string(0, 0, &f.extra)?;
        sheet.set_hidden(true);
    }
    book.worksheet_from_index(0)?.set_active(true);
    book.save_to_buffer()
}

/// The instructions sheet, one line per row.
const NOTES: &[&str] = &[
    "填报说明",
    "1. 在“指标”表填写本部门负责的每项指标本年度的“数值”；灰色单元格（编号、名称、单位、规划目标、上年数值）不要改动。",
    "2. 数值只填数字，不加单位、引号或文字，不用千位分隔符（写 1222，不写 1,222），小数点用半角句点（97.6，不写 97,6）。百分比指标填百分数本身（97.6，不写 0.976 或 97.6%）。",
    "3. 数据尚未公布的，“数值”留空，填写“待报原因”和“预计公布日期”。",
    "4. 有上级要求值的指标，填写“要求值”和“要求来源”。“来源”写数据出处，“备注”写需要说明的情况；本年数值变化异常但确实无误的，在“核实说明”写明理由。",
    "5. 在“项目”表为每个重点项目选择“状态”（下拉列表），填写形象进度（0–100）、投资（万元或亿元，按规划单位）、开工和竣工日期（日期格式）以及佐证材料（每行一项）。",
    "6. 上方“填报日期”填写报送当天的日期；部门、年度和规划由 plan-lint 生成，不要改动。",
    "7. 可以插入列、调整列宽，但不要修改表头文字：plan-lint 按表头名称找列。",
    "8. 填好后运行 plan-lint check 本文件.xlsx 检查，每个问题都标明工作表和单元格（如 指标!F9）；改正后运行 plan-lint convert 本文件.xlsx -o 报告.yaml 转换为 YAML 报告提交。",
    "9. 隐藏的 plan-lint 工作表保存表格中没有列的内容（豁免、修订说明），请勿删除。",
];

fn date_rule() -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_date(DataValidationRule::GreaterThan(ExcelDateTime::from_ymd(
            2000, 1, 1,
        )?))
        .set_error_message("请填写日期，例如 2024-01-19")
}

/// The validation of a column of `kind`, if any.
fn rule(c: &Column) -> Result<Option<DataValidation>, XlsxError> {
    Ok(match (c.kind, c.field) {
        (Kind::Number, Field::Progress) => Some(
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
                .set_error_message("形象进度填 0 到 100 之间的数字")?,
        ),
        (Kind::Number, _) => Some(
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(-1e12, 1e12))
                .set_error_message(
                    "只填数字：不加单位、引号或文字，不用千位分隔符，小数点用半角句点",
                )?,
        ),
        (Kind::Date, _) => Some(date_rule()?),
        (Kind::Status, _) => {
            let names: Vec<&str> = ProjectStatus::ALL
                .into_iter()
                .map(crate::diagnostics::messages::status_zh)
                .collect();
            Some(
                DataValidation::new()
                    .allow_list_strings(&names)?
                    .set_error_message("请从下拉列表中选择状态")?,
            )
        }
        _ => None,
    })
}

/// The cell formats of a table.
struct Formats {
    header: Format,
    locked: Format,
    open: Format,
    open_date: Format,
    open_wrap: Format,
}

fn table(
    sheet: &mut Worksheet,
    header_row: u32,
    columns: &[Column],
    rows: &[Row],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let Formats {
        header,
        locked,
        open,
        open_date,
        open_wrap,
    } = formats;
    let last = header_row + rows.len() as u32 + SPARE_ROWS;
    for (c, column) in columns.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(header_row, c, column.header, header)?;
        sheet.set_column_width(c, column.width.max(sheet_width(c, header_row)))?;
        if let Some(v) = rule(column)? {
            sheet.add_data_validation(header_row + 1, c, last, c, &v)?;
        }
        let fixed =
            matches!(column.kind, Kind::Shown) || matches!(column.field, Field::Id | Field::Unit);
        for (i, row) in rows.iter().enumerate() {
            let r = header_row + 1 + i as u32;
            match (row.get(column.field), fixed) {
                (Some(v), true) => write_out(sheet, r, c, v, locked, locked)?,
                (Some(v), false) if column.kind == Kind::Lines => {
                    write_out(sheet, r, c, v, open_wrap, open_date)?
                }
                (Some(v), false) => write_out(sheet, r, c, v, open, open_date)?,
                (None, true) => blank(sheet, r, c, locked)?,
                (None, false) if column.kind == Kind::Date => blank(sheet, r, c, open_date)?,
                (None, false) => blank(sheet, r, c, open)?,
            };
        }
        // Rows a clerk adds are open too.
        for r in header_row + 1 + rows.len() as u32..=last {
            let f = if column.kind == Kind::Date {
                open_date
            } else {
                open
            };
            sheet.write_blank(r, c, f)?;
        }
    }
    sheet.set_freeze_panes(header_row + 1, 2)?;
    // Printed (or saved as PDF) on A4 landscape, one page wide, the header on every page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_gridlines(true);
    sheet.set_repeat_rows(header_row, header_row)?;
    Ok(())
}

/// The block's labels sit in column A of the indicator sheet: wide enough for them.
fn sheet_width(c: u16, header_row: u32) -> f64 {
    if c == 0 && header_row > 0 {
        12.0
    } else {
        0.0
    }
}

fn blank(sheet: &mut Worksheet, r: u32, c: u16, format: &Format) -> Result<(), XlsxError> {
    sheet.write_blank(r, c, format)?;
    Ok(())
}

fn write_out(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    v: &Out,
    format: &Format,
    date_format: &Format,
) -> Result<(), XlsxError> {
    match v {
        Out::Text(t) => sheet.write_string_with_format(r, c, t, format)?,
        Out::Number(n) => sheet.write_number_with_format(r, c, *n, format)?,
        Out::Date(d) => match ExcelDateTime::parse_from_str(d) {
            Ok(dt) => sheet.write_datetime_with_format(r, c, dt, date_format)?,
            Err(_) => sheet.write_string_with_format(r, c, d, format)?,
        },
    };
    Ok(())
}

/// Locked id and name cells, the rest open; columns and rows may be inserted and resized.
fn protect(sheet: &mut Worksheet) {
    let options = ProtectionOptions {
        format_cells: true,
        format_columns: true,
        format_rows: true,
        insert_columns: true,
        insert_rows: true,
        delete_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
}

//! `status --format xlsx`: the evaluation tables ([`super::table`]) as one
//! Excel workbook, a sheet each — indicators, projects, departments,
//! missing reports, decisions in force — with the header row bold and
//! frozen, a filter on it, columns as wide as their contents, numbers as
//! numbers, and each sheet set to print on A4 landscape, one page wide,
//! the header row on every page. Written by `rust_xlsxwriter` (the one place that names it).
//!
//! The bytes depend on the status only: the workbook's creation date is
//! 1 January of the year after the period, not the clock.

use super::table::{Cell, Table};
use rayon::prelude::*;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

/// The widest a column gets, in characters.
const MAX_WIDTH: f64 = 60.0;

/// The workbook as bytes. Each sheet is filled on its own as soon as its
/// table is made (a worksheet made apart from the workbook and added to it
/// in order, as rust_xlsxwriter allows), the sheets at the same time: the
/// cells of the 10,000-report root's workbook, some 470,000, are half of
/// its cost.
pub fn render(
    tables: impl IndexedParallelIterator<Item = Table>,
    period: i32,
    title: &str,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // Deflated at zip's fastest level: at 6, rust_xlsxwriter's default, the
    // ~20 MB of sheet XML of a 10,000-report root took 200 ms, serially, as
    // long as two thirds of the whole check; at 1 about a quarter of that,
    // for a file of 3.5 MB rather than 2.0 (docs/performance.md).
    wb.set_zip_compression_level(1);
    let created = ExcelDateTime::from_ymd(u16::try_from(period + 1).unwrap_or(2026), 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("plan-lint")
            .set_creation_datetime(&created),
    );
    let formats = Formats {
        header: Format::new()
            .set_bold()
            .set_background_color("F3F4F6")
            .set_align(FormatAlign::Top)
            .set_text_wrap(),
        wrap: Format::new().set_align(FormatAlign::Top).set_text_wrap(),
        top: Format::new().set_align(FormatAlign::Top),
    };
    let sheets =
        (tables.map(|t| sheet(t, &formats))).collect::<Result<Vec<Worksheet>, XlsxError>>()?;
    for ws in sheets {
        wb.push_worksheet(ws);
    }
    let bytes = wb.save_to_buffer();
    // Its 470,000 cells at 10,000 reports take 40 ms to free: off the way
    // to the file.
    crate::free_later(wb);
    bytes
}

/// The cell formats every sheet uses.
struct Formats {
    header: Format,
    wrap: Format,
    top: Format,
}

/// One table as its worksheet.
fn sheet(t: Table, f: &Formats) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(&t.name)?;
    let mut widths: Vec<f64> = t.headers.iter().map(|h| text_width(h).0).collect();
    // Every column is top-aligned: a cell written without a format takes
    // its column's (rust_xlsxwriter gives an unformatted cell the column's
    // format as it stores it), so only a long text names its own (wrapped).
    // A format per cell costs a hash of the whole Format at each write, and
    // setting it on ranges afterwards a second lookup of each cell.
    for (c, h) in (0u16..).zip(&t.headers) {
        ws.write_string_with_format(0, c, h, &f.header)?;
        ws.set_column_format(c, &f.top)?;
    }
    let last_row = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
    for (r, row) in (1u32..).zip(t.rows) {
        for (c, cell) in (0u16..).zip(row) {
            let w = match cell {
                Cell::Text(s) => {
                    let (w, long) = text_width(&s);
                    if long {
                        ws.write_string_with_format(r, c, s, &f.wrap)?;
                    } else {
                        ws.write_string(r, c, s)?;
                    }
                    w
                }
                Cell::Number(v) => {
                    ws.write_number(r, c, v)?;
                    crate::diagnostics::messages::num(v).len() as f64
                }
                Cell::Empty => continue,
            };
            widths[usize::from(c)] = widths[usize::from(c)].max(w);
        }
    }
    for (c, w) in (0u16..).zip(&widths) {
        ws.set_column_width(c, (w + 2.0).clamp(6.0, MAX_WIDTH))?;
    }
    ws.set_freeze_panes(1, 0)?;
    // Printed for the file: A4 landscape, as wide as one page, the header on every page.
    ws.set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    let last_col = u16::try_from(t.headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
    ws.autofilter(0, 0, last_row, last_col)?;
    Ok(ws)
}

/// How wide a cell's text shows (its widest line), in Excel's character
/// widths (a CJK character or a full-width sign takes two), and whether it
/// is wrapped: when it has several lines or is wider than [`MAX_WIDTH`].
fn text_width(s: &str) -> (f64, bool) {
    let (mut widest, mut line, mut lines) = (0.0f64, 0.0f64, 1);
    for c in s.chars() {
        if c == '\n' {
            widest = widest.max(line);
            line = 0.0;
            lines += 1;
        } else {
            line += match c {
                '\r' => 0.0,
                c if (c as u32) >= 0x1100 => 2.0,
                _ => 1.0,
            };
        }
    }
    let widest = widest.max(line);
    (widest, lines > 1 || widest > MAX_WIDTH)
}

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
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// The widest a column gets, in characters.
const MAX_WIDTH: f64 = 60.0;

/// The workbook as bytes.
pub fn render(tables: &[Table], period: i32, title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(u16::try_from(period + 1).unwrap_or(2026), 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("plan-lint")
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_background_color("F3F4F6")
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let wrap = Format::new().set_align(FormatAlign::Top).set_text_wrap();
    let top = Format::new().set_align(FormatAlign::Top);
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(&t.name)?;
        let mut widths: Vec<f64> = t.headers.iter().map(|h| width(h)).collect();
        for (c, h) in (0u16..).zip(&t.headers) {
            ws.write_string_with_format(0, c, h, &header)?;
        }
        for (r, row) in (1u32..).zip(&t.rows) {
            for (c, cell) in (0u16..).zip(row) {
                match cell {
                    Cell::Text(s) => {
                        let long = s.contains('\n') || width(s) > MAX_WIDTH;
                        ws.write_string_with_format(r, c, s, if long { &wrap } else { &top })?;
                        let w = s.lines().map(width).fold(0.0, f64::max);
                        widths[usize::from(c)] = widths[usize::from(c)].max(w);
                    }
                    Cell::Number(v) => {
                        ws.write_number_with_format(r, c, *v, &top)?;
                        let w = crate::diagnostics::messages::num(*v).len() as f64;
                        widths[usize::from(c)] = widths[usize::from(c)].max(w);
                    }
                    Cell::Empty => {}
                }
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
        let last_row = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
        ws.autofilter(0, 0, last_row, last_col)?;
    }
    wb.save_to_buffer()
}

/// How wide text shows, in Excel's character widths: a CJK character (or
/// a full-width sign) takes two.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2.0 } else { 1.0 })
        .sum()
}

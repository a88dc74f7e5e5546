//! The one module that names calamine. The archive is first walked with
//! `zip` under the caps (entries, decompressed bytes, macros, external
//! links), then each sheet is read cell by cell through calamine's
//! streaming reader — never `worksheet_range`, which allocates the sheet's
//! declared bounding box (calamine issue 693: a 2 KB workbook with cells
//! at A1 and XFD1048576 aborts the process).

use super::{caps, Cell, Sheet, Value, Workbook};
use crate::diagnostics::messages::{FileMsg, WorkbookProblem};
use calamine::{DataRef, Reader, SheetVisible, Xlsx};
use std::io::{Cursor, Read};

fn refused(problem: WorkbookProblem) -> FileMsg {
    FileMsg::Workbook { problem }
}

/// The archive's entries, their true decompressed size counted (a declared
/// size may lie) and capped; macros and links to other workbooks refused.
fn walk_archive(bytes: &[u8]) -> Result<(), FileMsg> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| refused(WorkbookProblem::NotAWorkbook))?;
    if zip.len() > caps::ENTRIES {
        return Err(refused(WorkbookProblem::TooManyEntries {
            max: caps::ENTRIES,
        }));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|_| refused(WorkbookProblem::NotAWorkbook))?;
        let name = (entry.name())
            .map_err(|_| refused(WorkbookProblem::NotAWorkbook))?
            .to_ascii_lowercase();
        if name.ends_with("vbaproject.bin") {
            return Err(refused(WorkbookProblem::Macros));
        }
        if name.starts_with("xl/externallinks/") {
            return Err(refused(WorkbookProblem::ExternalLinks));
        }
        let left = caps::DECOMPRESSED - total;
        let read = std::io::copy(&mut (&mut entry).take(left + 1), &mut std::io::sink())
            .map_err(|_| refused(WorkbookProblem::NotAWorkbook))?;
        total += read;
        if total > caps::DECOMPRESSED {
            return Err(refused(WorkbookProblem::TooLargeUnpacked {
                max: caps::DECOMPRESSED,
            }));
        }
    }
    Ok(())
}

pub(super) fn read(bytes: &[u8]) -> Result<Workbook, FileMsg> {
    walk_archive(bytes)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|_| refused(WorkbookProblem::NotAWorkbook))?;
    let sheets: Vec<(String, bool)> = (book.sheets_metadata().iter())
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut out = Workbook::default();
    for (name, hidden) in sheets {
        let mut sheet = Sheet {
            name: name.clone(),
            hidden,
            cells: Vec::new(),
        };
        let mut formulas = Vec::new();
        {
            // Formulas first: a formula cell without a cached value reads as empty.
            let mut reader = match book.worksheet_cells_reader(&name) {
                Ok(r) => r,
                // A chart sheet or dialog sheet holds no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                Err(_) => return Err(refused(WorkbookProblem::NotAWorkbook)),
            };
            loop {
                match reader.next_formula() {
                    Ok(Some(c)) => {
                        let (row, col) = c.get_position();
                        within(&name, row, col)?;
                        if !c.get_value().is_empty() {
                            formulas.push((row, col, c.get_value().clone()));
                        }
                    }
                    Ok(None) => break,
                    Err(_) => return Err(refused(WorkbookProblem::NotAWorkbook)),
                }
            }
        }
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|_| refused(WorkbookProblem::NotAWorkbook))?;
        loop {
            let cell = match reader.next_cell() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(_) => return Err(refused(WorkbookProblem::NotAWorkbook)),
            };
            let (row, col) = cell.get_position();
            within(&name, row, col)?;
            let value = match cell.get_value() {
                DataRef::Empty => None,
                DataRef::Int(i) => Some(Value::Number(*i as f64)),
                DataRef::Float(f) => Some(Value::Number(*f)),
                DataRef::String(s) => Some(Value::Text(s.clone())),
                DataRef::SharedString(s) => Some(Value::Text((*s).to_string())),
                DataRef::Bool(b) => Some(Value::Bool(*b)),
                DataRef::DateTime(d) => Some(Value::Date(d.as_f64())),
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(Value::Text(s.clone())),
                DataRef::Error(e) => Some(Value::Error(e.to_string())),
            };
            if let Some(value) = value {
                if sheet.cells.len() >= caps::CELLS {
                    return Err(refused(WorkbookProblem::TooManyCells { max: caps::CELLS }));
                }
                sheet.cells.push(Cell { row, col, value });
            }
        }
        sheet.cells.sort_by_key(|c| (c.row, c.col));
        // A formula whose cell held no value was never calculated.
        for (row, col, formula) in formulas {
            if sheet.get(row, col).is_none() {
                sheet.cells.push(Cell {
                    row,
                    col,
                    value: Value::Formula(formula),
                });
            }
        }
        sheet.cells.sort_by_key(|c| (c.row, c.col));
        sheet.cells.dedup_by_key(|c| (c.row, c.col));
        out.sheets.push(sheet);
    }
    Ok(out)
}

/// A used cell beyond the caps: the workbook is not a report's.
fn within(sheet: &str, row: u32, col: u32) -> Result<(), FileMsg> {
    if row >= caps::ROWS || col >= caps::COLUMNS {
        return Err(refused(WorkbookProblem::CellTooFar {
            sheet: sheet.to_string(),
            cell: super::cell_name(row, col),
            rows: caps::ROWS,
            columns: caps::COLUMNS,
        }));
    }
    Ok(())
}

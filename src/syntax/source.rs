//! Source files as read, with the line index that turns byte offsets into
//! 1-based lines and character columns.
//!
//! A report with no finding at load time lets its text go: checks need only
//! its typed values and spans, and most reports never get a finding. The
//! text is read again, once, when a diagnostic first needs it, and it must
//! be the text that was checked (same length and hash); if the file changed
//! in between, [`SourceFile::intact`] says so and the check reports it.

use crate::syntax::yaml::Span;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// One file's text, shared by the diagnostics that point into it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user: relative to the current directory, `/`-separated.
    pub path: String,
    /// The file's text (a BOM, if any, is kept so offsets index the file as
    /// stored), and whether it is the text that was checked.
    text: OnceLock<(String, bool)>,
    /// Where a released text is read again, and what it must be.
    released: Option<Released>,
    /// Byte offset of every line's start, made the first time a location
    /// is asked for: most files have no finding and never need it.
    line_starts: OnceLock<Vec<usize>>,
}

#[derive(Debug)]
struct Released {
    /// Where it is read again; none when that is the path as shown (a
    /// report found under the data root from the working folder), which
    /// spares a second copy of the path in every report a check holds.
    file: Option<PathBuf>,
    len: usize,
    hash: u64,
}

pub type Source = Arc<SourceFile>;

/// The bytes as text, if they are UTF-8. simdutf8 checks them (a fraction
/// of the standard library's time on text that is mostly Chinese), then
/// they are copied into the `String`: making it from the checked bytes in
/// place would take `unsafe`, and a copy of a few kilobytes is cheaper than
/// the standard check. Bytes that are not UTF-8 get the standard library's
/// error, which says where.
pub(crate) fn utf8_text(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
}

/// At most `limit` bytes of a file, with room for the `expected` length
/// and the read that finds the end: one read for a file of that length,
/// however long it really is.
pub(crate) fn read_bounded(path: &Path, expected: usize, limit: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    let file = std::fs::File::open(path)?;
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit), &mut bytes)?;
    Ok(bytes)
}

/// A fixed-seed hash of a text (with its length, enough to notice an edit),
/// to recognise it when it is read again.
fn text_hash(text: &str) -> u64 {
    foldhash::quality::FixedState::with_seed(0x706c_616e_6c69_6e74).hash_one(text.as_bytes())
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Source {
        Arc::new(SourceFile {
            path: path.into(),
            text: OnceLock::from((text.into(), true)),
            released: None,
            line_starts: OnceLock::new(),
        })
    }

    /// A source whose text (read from `file` as `text`) is not kept: it is
    /// read again from `file` the first time it is needed.
    pub fn released(path: impl Into<String>, file: &Path, text: &str) -> Source {
        let path = path.into();
        let file = (Path::new(&path) != file).then(|| file.to_path_buf());
        Arc::new(SourceFile {
            path,
            text: OnceLock::new(),
            released: Some(Released {
                file,
                len: text.len(),
                hash: text_hash(text),
            }),
            line_starts: OnceLock::new(),
        })
    }

    /// The file's text. A released text is read again here, once; if the
    /// file is no longer what was checked, the text is empty and
    /// [`SourceFile::intact`] is false.
    pub fn text(&self) -> &str {
        &self.text.get_or_init(|| self.read_again()).0
    }

    /// Whether the text is the one that was checked: always, unless it was
    /// released and the file changed (or went) before it was read again.
    pub fn intact(&self) -> bool {
        self.text();
        self.text.get().is_some_and(|(_, intact)| *intact)
    }

    /// Whether the text was let go after loading (it is read again on first use).
    pub fn is_released(&self) -> bool {
        self.released.is_some()
    }

    fn read_again(&self) -> (String, bool) {
        let Some(r) = &self.released else {
            return (String::new(), false);
        };
        // As when it was loaded: a regular file only (a FIFO put in its
        // place would block), and never more than the bytes checked and one.
        let file = r.file.as_deref().unwrap_or(Path::new(&self.path));
        let read = || -> Option<Vec<u8>> {
            if !std::fs::metadata(file).ok()?.is_file() {
                return None;
            }
            read_bounded(file, r.len, r.len as u64 + 1).ok()
        };
        let text = read()
            .and_then(|b| utf8_text(b).ok())
            .filter(|t| t.len() == r.len && text_hash(t) == r.hash);
        match text {
            Some(t) => (t, true),
            None => (String::new(), false),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            // Line breaks as YAML reads them: LF, CR LF, and a CR alone.
            let bytes = self.text().as_bytes();
            let mut starts = vec![0];
            starts.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(i, b)| {
                        *b == b'\n' || (*b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                    })
                    .map(|(i, _)| i + 1),
            );
            starts
        })
    }

    /// Length of a leading UTF-8 byte order mark, 0 or 3.
    pub fn bom_len(&self) -> usize {
        if self.text().starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }

    /// The text after the byte order mark.
    pub fn body(&self) -> &str {
        &self.text()[self.bom_len()..]
    }

    /// 1-based line and column (in Unicode characters) of a byte offset.
    /// A byte order mark is not a column: the first line starts after it.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = if line == 0 {
            self.bom_len().min(offset)
        } else {
            self.line_starts()[line]
        };
        let col = self.text()[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// The byte offset of a 1-based line's start.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts()
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text().len())
    }

    /// The byte range of a 1-based line without its line ending.
    pub fn line_span(&self, line: usize) -> (usize, usize) {
        let start = self.line_start(line);
        let end = self.text()[start..]
            .find(['\r', '\n'])
            .map_or(self.text().len(), |i| start + i);
        (start, end)
    }

    /// Rounds an offset down to a character boundary inside the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text().len());
        while !self.text().is_char_boundary(o) {
            o -= 1;
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_handle_crlf() {
        let f = SourceFile::new("a.yaml", "名称: x\r\nvalue: 1\n");
        let v = f.text().find("1").unwrap();
        assert_eq!(f.line_col(v), (2, 8));
        let x = f.text().find('x').unwrap();
        assert_eq!(f.line_col(x), (1, 5));
        assert_eq!(f.line_span(1), (0, f.text().find('\r').unwrap()));
    }

    /// A released text is read again on first use, and only the text that
    /// was checked counts: a changed or deleted file leaves it empty and not intact.
    #[test]
    fn a_released_text_is_read_again_only_if_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.yaml");
        let text = "\u{feff}period: 2023\n名称: x\n";
        std::fs::write(&file, text).unwrap();
        let same = SourceFile::released("r.yaml", &file, text);
        assert!(same.is_released());
        assert_eq!(same.text(), text);
        assert!(same.intact());
        assert_eq!(same.line_col(text.find('x').unwrap()), (2, 5));

        let edited = SourceFile::released("r.yaml", &file, text);
        std::fs::write(&file, text.replace("2023", "2024")).unwrap();
        assert!(!edited.intact());
        assert_eq!(edited.text(), "");
        assert_eq!(edited.line_col(10), (1, 1));

        let longer = SourceFile::released("r.yaml", &file, text);
        std::fs::write(&file, format!("{text}{text}")).unwrap();
        assert!(!longer.intact());

        let gone = SourceFile::released("r.yaml", &file, text);
        std::fs::remove_file(&file).unwrap();
        assert!(!gone.intact());

        // A directory (or any file that is not regular) in its place is not read.
        std::fs::create_dir(&file).unwrap();
        assert!(!SourceFile::released("r.yaml", &file, text).intact());
        assert!(SourceFile::new("kept.yaml", text).intact());
    }

    #[test]
    fn a_bom_is_no_column_and_a_lone_cr_ends_a_line() {
        let f = SourceFile::new("a.yaml", "\u{feff}version: x\n");
        assert_eq!(f.line_col(f.text().find('x').unwrap()), (1, 10));
        assert_eq!(f.line_col(0), (1, 1));
        let f = SourceFile::new("a.yaml", "a: 1\rb: 2\r\nc: 3\n");
        assert_eq!(f.line_col(f.text().find('b').unwrap()), (2, 1));
        assert_eq!(f.line_col(f.text().find('c').unwrap()), (3, 1));
        assert_eq!(f.line_span(1), (0, 4));
    }
}

/// A place in a file: the file and, unless the finding is about a file that
/// no longer exists, a byte span in it.
#[derive(Clone, Debug)]
pub struct Location {
    pub path: String,
    pub source: Option<Source>,
    pub span: Option<Span>,
    /// A workbook's cell (`check FILE.xlsx`): the source is the YAML the
    /// workbook converts to, and the finding is shown at this cell.
    pub cell: Option<Box<CellPlace>>,
}

/// A cell of a workbook, as a finding names it: `指标!F7`, with the row's id and name.
#[derive(Clone, Debug, PartialEq)]
pub struct CellPlace {
    pub sheet: String,
    /// `F7`.
    pub cell: String,
    /// `I06 常住人口城镇化率`: the row as the clerk sees it.
    pub row: Option<String>,
    /// The 1-based row number.
    pub line: u32,
}

impl Location {
    pub fn at(source: &Source, span: Span) -> Self {
        Location {
            path: source.path.clone(),
            source: Some(source.clone()),
            span: Some(span),
            cell: None,
        }
    }
    /// The first line of a file, for findings about the whole file.
    pub fn file_start(source: &Source) -> Self {
        let (s, e) = source.line_span(1);
        let s = s + source.bom_len().min(e);
        Location::at(source, Span::new(s, e.max(s)))
    }
    /// A file that cannot be shown (deleted, unreadable): no line.
    pub fn path_only(path: impl Into<String>) -> Self {
        Location {
            path: path.into(),
            source: None,
            span: None,
            cell: None,
        }
    }
    /// 1-based (line, column) of the start, and of the end.
    pub fn line_col(&self) -> Option<((usize, usize), (usize, usize))> {
        let (src, span) = (self.source.as_ref()?, self.span?);
        Some((src.line_col(span.start()), src.line_col(span.end())))
    }
}

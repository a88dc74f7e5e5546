//! Source files as read, with the line index that turns byte offsets into
//! 1-based lines and character columns.

use std::sync::{Arc, OnceLock};

/// One file's text, shared by the diagnostics that point into it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user: relative to the current directory, `/`-separated.
    pub path: String,
    /// The file's text (a BOM, if any, is kept so offsets index the file as stored).
    pub text: String,
    /// Byte offsets of line starts, made on first use: only files that a
    /// diagnostic points into ever need them.
    line_starts: OnceLock<Vec<usize>>,
}

pub type Source = Arc<SourceFile>;

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Source {
        Arc::new(SourceFile {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        })
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            starts
        })
    }

    /// Length of a leading UTF-8 byte order mark, 0 or 3.
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }

    /// The text after the byte order mark.
    pub fn body(&self) -> &str {
        &self.text[self.bom_len()..]
    }

    /// 1-based line and column (in Unicode characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let col = self.text[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// The byte offset of a 1-based line's start.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts()
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The byte range of a 1-based line without its line ending.
    pub fn line_span(&self, line: usize) -> (usize, usize) {
        let start = self.line_start(line);
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        (start, end)
    }

    /// Rounds an offset down to a character boundary inside the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
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
        let v = f.text.find("1").unwrap();
        assert_eq!(f.line_col(v), (2, 8));
        let x = f.text.find('x').unwrap();
        assert_eq!(f.line_col(x), (1, 5));
        assert_eq!(f.line_span(1), (0, f.text.find('\r').unwrap()));
    }
}

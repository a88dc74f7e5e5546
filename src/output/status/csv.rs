//! `status --format csv`: one table of the evaluation ([`super::table`];
//! `--table`, default the indicators) as CSV that Excel and WPS open with
//! the Chinese intact: UTF-8 with a byte order mark, CRLF line ends, fields
//! quoted where RFC 4180 asks (a comma, a quote, a line break).

use super::table::{Cell, Table};
use crate::diagnostics::messages::num;

/// The UTF-8 byte order mark, by which Excel recognises the encoding.
pub const BOM: &str = "\u{feff}";

/// One table as CSV, BOM first.
pub fn render(t: &Table) -> String {
    let mut out = String::from(BOM);
    line(&mut out, t.headers.iter().map(|h| field(h)));
    for row in &t.rows {
        line(&mut out, row.iter().map(cell));
    }
    out
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// A cell as a CSV field: a number as its shortest decimal form.
pub fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => field(s),
        Cell::Number(v) => num(*v),
        Cell::Empty => String::new(),
    }
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_where_rfc_4180_asks() {
        assert_eq!(field("空气质量优良率"), "空气质量优良率");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("2024: x\n2025: y"), "\"2024: x\n2025: y\"");
        assert_eq!(cell(&Cell::Number(97.6)), "97.6");
        assert_eq!(cell(&Cell::Number(16500.0)), "16500");
        assert_eq!(cell(&Cell::Empty), "");
    }
}

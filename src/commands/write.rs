//! What a command writes where the user asked (`-o FILE`): standard output,
//! or a file under the rule every command follows ([`crate::commands::output`]).

use crate::commands::setup::error;
use crate::commands::Output;
use crate::diagnostics::messages::{Lang, Text};

/// A generated text to standard output, or to `-o FILE` under the rule
/// every command follows ([`crate::commands::output`]).
pub fn write_new(
    text: String,
    output: Option<&std::path::Path>,
    force: bool,
    data_root: Option<&std::path::Path>,
    lang: Lang,
) -> Output {
    let Some(path) = output else {
        return Output::ok(text);
    };
    let dest = crate::commands::output::Destination {
        path,
        force,
        writes: crate::commands::output::Writes::Other,
        data_root,
        make_folder: true,
    };
    crate::commands::output::write_reporting(&dest, text.as_bytes(), lang)
}

/// A workbook (`init --format xlsx`, `convert … -o FILE.xlsx`) to `-o FILE`
/// under the same rule: never under the data root, where a spreadsheet is
/// no report (PL110).
pub fn write_workbook(
    filled: &crate::output::workbook::Filled,
    dest: &crate::commands::output::Destination<'_>,
    lang: Lang,
) -> Output {
    match crate::output::workbook::write(filled) {
        Ok(bytes) => crate::commands::output::write_reporting(dest, &bytes, lang),
        Err(e) => error(
            Text::CannotWrite {
                path: crate::syntax::paths::display(dest.path),
                error: crate::diagnostics::messages::OsError {
                    kind: std::io::ErrorKind::Other,
                    text: e.to_string(),
                },
            },
            lang,
        ),
    }
}

//! What a command writes where the user asked (`-o FILE`).

use crate::commands::setup::error;
use crate::commands::Output;
use crate::diagnostics::messages::{Lang, Text};

/// A generated text to standard output, or to a new file (never overwriting one).
pub fn write_new(text: String, output: Option<&std::path::Path>, lang: Lang) -> Output {
    match output {
        Some(path) => write_file(text.as_bytes(), path, lang),
        None => Output::ok(text),
    }
}

/// Bytes (a workbook) to a new file, never overwriting one: the one place a
/// command's `-o` writes.
pub fn write_file(bytes: &[u8], path: &std::path::Path, lang: Lang) -> Output {
    // The year's folder of a new report may not exist yet: make it.
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let made = parent.map_or(Ok(()), std::fs::create_dir_all);
    let file = made.and_then(|()| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    });
    let shown = crate::syntax::paths::display(path);
    match file.and_then(|mut f| std::io::Write::write_all(&mut f, bytes)) {
        Ok(()) => Output {
            stdout: String::new(),
            stderr: format!("{}\n", Text::Wrote { path: shown }.text(lang)),
            code: 0,
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            error(Text::FileExists { path: shown }, lang)
        }
        Err(e) => error(
            Text::CannotWrite {
                path: shown,
                error: (&e).into(),
            },
            lang,
        ),
    }
}

/// A workbook to a new file (`init --format xlsx`, `convert … -o FILE.xlsx`).
pub fn write_workbook(
    filled: &crate::output::workbook::Filled,
    path: &std::path::Path,
    lang: Lang,
) -> Output {
    match crate::output::workbook::write(filled) {
        Ok(bytes) => write_file(&bytes, path, lang),
        Err(e) => error(
            Text::CannotWrite {
                path: crate::syntax::paths::display(path),
                error: crate::diagnostics::messages::OsError {
                    kind: std::io::ErrorKind::Other,
                    text: e.to_string(),
                },
            },
            lang,
        ),
    }
}

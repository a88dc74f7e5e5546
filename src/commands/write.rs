//! What a command writes where the user asked (`-o FILE`): standard output,
//! or a file under the rule every command follows ([`crate::commands::output`]).

use crate::commands::Output;
use crate::diagnostics::messages::Lang;

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

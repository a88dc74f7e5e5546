//! `plan-lint rules` and `plan-lint explain CODE`: the rules of the plans
//! loaded and one rule's explanation, from the rule's own texts.

use super::setup::{error, setup};
use super::Output;
use crate::diagnostics::messages::{Lang, Text};
use crate::engine::rules::registry;
use std::path::PathBuf;

/// `plan-lint rules`: every rule of the plans loaded, as a table.
pub fn rules_command(plans: &[PathBuf], config: Option<&PathBuf>, lang: Lang) -> Output {
    match setup(plans, config, lang) {
        Ok((plans, _)) => Output::ok(crate::output::explain::rules_table(&plans, lang)),
        Err(o) => o,
    }
}

/// `plan-lint explain CODE`: the rule's explanation, or the closest code
/// when `code` is none.
pub fn command(plans: &[PathBuf], config: Option<&PathBuf>, code: String, lang: Lang) -> Output {
    let plans = match setup(plans, config, lang) {
        Ok((plans, _)) => plans,
        Err(o) => return o,
    };
    match crate::output::explain::explain(&plans, &code, lang) {
        Some(text) => Output::ok(text),
        None => {
            let codes = registry::CODES.iter().map(|c| c.code.as_str());
            let suggestion = crate::syntax::suggest::closest(&code, codes).map(str::to_string);
            error(Text::NoRule { code, suggestion }, lang)
        }
    }
}

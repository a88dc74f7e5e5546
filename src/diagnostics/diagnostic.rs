//! The one diagnostic type every check produces and every reporter consumes.

use crate::diagnostics::messages::{Lang, Msg, Note, ServerText, Texts};
use crate::model::code::Code;
pub use crate::model::code::Severity;
pub use crate::syntax::source::Location;
use crate::syntax::yaml::Span;
use serde::Serialize;

/// A second place that explains the finding: the earlier report holding the
/// previous value, the first occurrence of a duplicate, the plan entry.
#[derive(Clone, Debug)]
pub struct Related {
    pub location: Location,
    pub note: Note,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BaselineState {
    New,
    Unchanged,
}

/// An edit of the finding's own file that resolves it, known where the
/// finding is made (the number meant by `"98以上"`, the id a misspelt one
/// was closest to, a missing entry): the language server offers it as a
/// code action. `span` is replaced by `replacement`; an empty span inserts.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    pub title: ServerText,
}

/// A finding. Its texts (message, help, the label of its span) are a
/// catalog entry with the values it shows, rendered in the language of the
/// run by the reporters: nothing else about a finding depends on the language.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub msg: Msg,
    pub location: Location,
    /// The indicator or project id the finding is about.
    pub target: Option<String>,
    /// JSON pointer of the node in the report, stable when lines move.
    pub node_path: String,
    pub related: Vec<Related>,
    pub suppressed: bool,
    /// The reason of the suppression that covers this finding.
    pub justification: Option<String>,
    /// The id of the plan office's decision (trust.md) that suppressed it.
    pub decision: Option<String>,
    /// Resolved by the department's `confirmed: {value, reason}` on the
    /// entry (PL211 on an expected indicator): listed, not counted;
    /// `justification` holds the reason.
    pub confirmed: bool,
    pub baseline_state: Option<BaselineState>,
    /// The edit that resolves it, where the check knows one.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(code: Code, severity: Severity, location: Location, msg: impl Into<Msg>) -> Self {
        Diagnostic {
            code,
            severity,
            msg: msg.into(),
            location,
            target: None,
            node_path: String::new(),
            related: Vec::new(),
            suppressed: false,
            justification: None,
            decision: None,
            confirmed: false,
            baseline_state: None,
            fix: None,
        }
    }
    /// The message, help and label in `lang`.
    pub fn texts(&self, lang: Lang) -> Texts {
        self.msg.texts(lang)
    }
    pub fn message(&self, lang: Lang) -> String {
        self.msg.message(lang)
    }
    pub fn help(&self, lang: Lang) -> String {
        self.msg.help(lang)
    }
    pub fn target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }
    pub fn node_path(mut self, path: impl Into<String>) -> Self {
        self.node_path = path.into();
        self
    }
    pub fn fix(mut self, span: Span, replacement: impl Into<String>, title: ServerText) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
            title,
        });
        self
    }
    pub fn related(mut self, location: Location, note: Note) -> Self {
        self.related.push(Related { location, note });
        self
    }

    /// Whether this finding makes its figure in error (数据有误, rules.md
    /// version 3): an unresolved finding of data validity
    /// (`Property::DataValidity`); PL002 only on an entry's `value`, PL104 on
    /// an entry's `unit` (the figure is in another unit than the plan's).
    pub fn is_data_validity(&self) -> bool {
        if self.suppressed || !self.code.is_data_validity() {
            return false;
        }
        match self.code {
            Code::PL002 => {
                self.node_path.starts_with("/indicators/") && self.node_path.ends_with("/value")
            }
            Code::PL104 => self.node_path.starts_with("/indicators/"),
            _ => true,
        }
    }

    /// Stable identity of a finding, independent of line numbers and of the
    /// language of its texts: code, file, node path and target.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [
            self.code.as_str(),
            &self.location.path,
            &self.node_path,
            self.target.as_deref().unwrap_or(""),
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let d = h.finalize();
        d.iter().take(16).map(|b| format!("{b:02x}")).collect()
    }

    /// Where a finding goes in the output: path, position, code.
    pub fn sort_key(&self) -> (&str, usize, &str) {
        (
            &self.location.path,
            self.location.span.map_or(0, |s| s.start()),
            self.code.as_str(),
        )
    }
}

/// The deterministic output order: path, position, code, then the English
/// message, so that the order is the same in every language. Messages are
/// rendered only where path, position and code tie, once each.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut start = 0;
    while start < diagnostics.len() {
        let key = diagnostics[start].sort_key();
        let end = start
            + diagnostics[start..]
                .iter()
                .take_while(|d| d.sort_key() == key)
                .count();
        if end - start > 1 {
            diagnostics[start..end].sort_by_cached_key(|d| d.message(Lang::En));
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::messages::SuppressionMsg;

    #[test]
    fn ties_are_ordered_by_the_english_message_whatever_the_language() {
        let d = |target: &str| {
            Diagnostic::new(
                Code::PL503,
                Severity::Warning,
                Location::path_only("a.yaml"),
                SuppressionMsg::Unused {
                    code: Code::PL203.as_str().into(),
                    target: target.into(),
                },
            )
        };
        let mut v = vec![d("I25"), d("I01"), d("I14")];
        sort(&mut v);
        let en: Vec<String> = v.iter().map(|d| d.message(Lang::En)).collect();
        assert_eq!(
            en,
            [
                "suppression of PL203 for I01 matches no finding",
                "suppression of PL203 for I14 matches no finding",
                "suppression of PL203 for I25 matches no finding",
            ]
        );
    }
}

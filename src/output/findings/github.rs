//! `--format github`: GitHub Actions workflow commands, one per finding, so
//! findings show as annotations on the pull request's files.

use super::RunInfo;
use crate::diagnostics::diagnostic::{Diagnostic, Severity};
use crate::diagnostics::messages::{Lang, Text};

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(d: &Diagnostic, lang: Lang) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = vec![format!("file={}", property(&d.location.path))];
    if let Some(((l, c), (el, ec))) = d.location.line_col() {
        props.push(format!("line={l}"));
        props.push(format!("col={c}"));
        props.push(format!("endLine={el}"));
        props.push(format!("endColumn={ec}"));
    }
    props.push(format!(
        "title={}",
        property(&format!("{} {}", d.code, d.code.name()))
    ));
    format!(
        "::{kind} {}::{}\n",
        props.join(","),
        data(&{
            let texts = d.texts(lang);
            format!(
                "{}\n{}{}",
                texts.message,
                Text::HelpPrefix.text(lang),
                texts.help
            )
        })
    )
}

pub fn render(info: &RunInfo<'_>, lang: Lang) -> String {
    let o = info.outcome;
    let mut out: String = o
        .diagnostics
        .iter()
        .filter(|d| !d.suppressed)
        .map(|d| command(d, lang))
        .collect();
    out.push_str(&Text::GithubSummary(o.counts()).text(lang));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}

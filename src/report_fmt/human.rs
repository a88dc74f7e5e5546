//! Human output through miette: graphical with colour on a terminal, the
//! same without colour otherwise. The only module that names miette.

use super::RunInfo;
use crate::diagnostic::{Diagnostic, Location, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::fmt;

/// One of our diagnostics (or a related place in another file) seen through miette.
struct View {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    related: Vec<View>,
}

impl fmt::Debug for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for View {}

impl miette::Diagnostic for View {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}

fn span_of(loc: &Location) -> Option<SourceSpan> {
    let s = loc.span?;
    Some(SourceSpan::new(s.start.into(), s.len()))
}

fn named(loc: &Location) -> Option<NamedSource<String>> {
    let src = loc.source.as_ref()?;
    Some(NamedSource::new(&src.path, src.text.clone()).with_language("yaml"))
}

fn view(d: &Diagnostic) -> View {
    let mut labels = Vec::new();
    if let Some(span) = span_of(&d.location) {
        let text = if d.label.is_empty() {
            None
        } else {
            Some(d.label.clone())
        };
        labels.push(LabeledSpan::new_primary_with_span(text, span));
    }
    let mut related = Vec::new();
    for r in &d.related {
        let same_file = r.location.path == d.location.path && r.location.source.is_some();
        match span_of(&r.location) {
            Some(span) if same_file => {
                labels.push(LabeledSpan::new_with_span(Some(r.message.clone()), span))
            }
            span => related.push(View {
                message: match &r.location.source {
                    Some(_) => format!("{} ({})", r.message, r.location.path),
                    None => format!("{} ({}, no longer exists)", r.message, r.location.path),
                },
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: named(&r.location),
                labels: span
                    .map(|s| {
                        vec![LabeledSpan::new_primary_with_span(
                            Some(r.message.clone()),
                            s,
                        )]
                    })
                    .unwrap_or_default(),
                related: Vec::new(),
            }),
        }
    }
    let message = if d.location.source.is_none() {
        format!("{}: {}", d.location.path, d.message)
    } else {
        d.message.clone()
    };
    View {
        message,
        code: Some(d.code.to_string()),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: Some(d.help.clone()),
        source: named(&d.location),
        labels,
        related,
    }
}

/// Renders diagnostics for a person. `color` picks the terminal theme.
pub fn render_diagnostics(diagnostics: &[Diagnostic], color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for d in diagnostics.iter().filter(|d| !d.suppressed) {
        let v = view(d);
        if handler.render_report(&mut out, &v).is_err() {
            out.push_str(&format!("{}: {} {}\n", d.location.path, d.code, d.message));
        }
        out.push('\n');
    }
    out
}

/// The whole human report: every finding, then a summary line.
pub fn render(info: &RunInfo<'_>, color: bool) -> String {
    let o = info.outcome;
    let mut out = render_diagnostics(&o.diagnostics, color);
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{}, {} in {}",
        plural(o.count(Severity::Error), "error"),
        plural(o.count(Severity::Warning), "warning"),
        plural(o.files, "file"),
    ));
    if o.suppressed() > 0 {
        out.push_str(&format!(
            " ({} suppressed, listed in --format json)",
            o.suppressed()
        ));
    }
    out.push('\n');
    out
}

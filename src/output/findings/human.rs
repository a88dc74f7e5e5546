//! Human output through miette: graphical with colour on a terminal, the
//! same without colour otherwise. The only module that names miette.

use super::RunInfo;
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Lang, Text, Texts};
use crate::syntax::source::Source;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// Lines longer than this (in bytes) are not shown: miette would print them
/// whole (and panics past 65,535 columns). The location is still given.
const MAX_SHOWN_LINE: usize = 2000;

/// A file seen by miette through our line index: only the lines around a
/// span are handed over, so a snippet costs the same in a 5 MiB file as in a
/// small one, and the text is shared, not copied for every diagnostic.
struct Snippet(Source, Lang);

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let src = &self.0;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > src.text().len() {
            return Err(MietteError::OutOfBounds);
        }
        // Whole lines from a little before the span to a little after it;
        // miette's own reading of that window then gives the same lines as
        // a reading of the whole file, shifted by the lines before it.
        let (first, _) = src.line_col(start);
        let (last, _) = src.line_col(end);
        let from = first.saturating_sub(before + 1).max(1);
        let (w_start, w_end) = (src.line_start(from), src.line_start(last + after + 3));
        let window = &src.text().as_bytes()[w_start..w_end];
        let inner = SourceSpan::new((start - w_start).into(), span.len());
        let c = <[u8] as SourceCode>::read_span(window, &inner, before, after)?;
        let lines_before = from - 1;
        // The header's column counts characters, like every other output.
        let column = if before == 0 {
            src.line_col(start).1 - 1
        } else {
            c.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            shown_path(&src.path, self.1),
            c.data(),
            SourceSpan::new((c.span().offset() + w_start).into(), c.span().len()),
            c.line() + lines_before,
            column,
            c.line_count() + lines_before,
        )))
    }
}

/// Whether a location's lines, and the line on either side, are short
/// enough to show.
fn showable(loc: &Location) -> bool {
    // A workbook's finding is shown at its cell, not in the YAML it converts to.
    if loc.cell.is_some() {
        return false;
    }
    let (Some(src), Some(span)) = (&loc.source, loc.span) else {
        return false;
    };
    let (first, _) = src.line_col(span.start());
    let (last, _) = src.line_col(span.end());
    (first.saturating_sub(1).max(1)..=last + 1).all(|line| {
        let (s, e) = src.line_span(line);
        e - s <= MAX_SHOWN_LINE
    })
}

/// `path:line:column` of a location, for findings shown without a snippet.
fn place(loc: &Location) -> String {
    match loc.line_col() {
        Some(((line, column), _)) => format!("{}:{line}:{column}", loc.path),
        None => loc.path.clone(),
    }
}

/// `填报.xlsx › 指标!F7（I06 常住人口城镇化率）`: a workbook's cell, with its row.
fn cell_place(loc: &Location, lang: Lang) -> Option<String> {
    let c = loc.cell.as_deref()?;
    Some(
        Text::CellPlace {
            path: loc.path.clone(),
            sheet: c.sheet.clone(),
            cell: c.cell.clone(),
            row: c.row.clone(),
        }
        .text(lang),
    )
}

/// One of our diagnostics (or a related place in another file) seen through miette.
struct View {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Snippet>,
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
    Some(SourceSpan::new(s.start().into(), s.len()))
}

fn snippet(loc: &Location, lang: Lang) -> Option<Snippet> {
    Some(Snippet(loc.source.clone()?, lang))
}

/// A path as a reader of `lang` is shown it: a file of the built-in plan
/// (`builtin:nanming-14th-fyp/indicators.yaml`) is named as the plan's file
/// that ships with plan-lint.
fn shown_path(path: &str, lang: Lang) -> String {
    match (lang, path.strip_prefix("builtin:")) {
        (Lang::Zh, Some(rest)) => format!("plan-lint 内置规划文件 {rest}"),
        _ => path.to_string(),
    }
}

fn view(d: &Diagnostic, texts: &Texts, lang: Lang) -> View {
    let shown = showable(&d.location);
    let mut labels = Vec::new();
    if let Some(span) = span_of(&d.location).filter(|_| shown) {
        let text = if texts.label.is_empty() {
            None
        } else {
            Some(texts.label.clone())
        };
        labels.push(LabeledSpan::new_primary_with_span(text, span));
    }
    let mut related = Vec::new();
    for r in &d.related {
        let same_file = r.location.path == d.location.path && r.location.source.is_some();
        let r_shown = showable(&r.location);
        let note = r.note.text(lang);
        match span_of(&r.location) {
            _ if r.location.cell.is_some() => related.push(View {
                message: Text::RelatedAt {
                    note: note.clone(),
                    place: cell_place(&r.location, lang).unwrap_or_default(),
                }
                .text(lang),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: None,
                labels: Vec::new(),
                related: Vec::new(),
            }),
            Some(span) if same_file && shown && r_shown => {
                labels.push(LabeledSpan::new_with_span(Some(note), span))
            }
            span => related.push(View {
                message: match &r.location.source {
                    Some(_) if r_shown => Text::RelatedIn {
                        note: note.clone(),
                        path: shown_path(&r.location.path, lang),
                    },
                    Some(_) => Text::RelatedTooLong {
                        note: note.clone(),
                        place: place(&r.location),
                    },
                    None => Text::RelatedGone {
                        note: note.clone(),
                        path: r.location.path.clone(),
                    },
                }
                .text(lang),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                source: snippet(&r.location, lang).filter(|_| r_shown),
                labels: span
                    .filter(|_| r_shown)
                    .map(|s| vec![LabeledSpan::new_primary_with_span(Some(note), s)])
                    .unwrap_or_default(),
                related: Vec::new(),
            }),
        }
    }
    let message = if let Some(at) = cell_place(&d.location, lang) {
        Text::InFile {
            path: at,
            message: texts.message.clone(),
        }
        .text(lang)
    } else if d.location.source.is_none() {
        Text::InFile {
            path: d.location.path.clone(),
            message: texts.message.clone(),
        }
        .text(lang)
    } else if !shown {
        Text::TooLong {
            place: place(&d.location),
            message: texts.message.clone(),
        }
        .text(lang)
    } else {
        texts.message.clone()
    };
    View {
        message,
        code: Some(d.code.to_string()),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        help: Some(match lang {
            // miette writes "help: " before the help; a marker that takes no
            // room lets the Chinese word replace it (see `localize`).
            Lang::En => texts.help.clone(),
            Lang::Zh => format!("{HELP_MARK}{}", texts.help),
        }),
        source: snippet(&d.location, lang).filter(|_| shown),
        labels,
        related,
    }
}

/// Zero-width characters (WORD JOINER, INVISIBLE SEPARATOR) that mark where
/// a help text starts, so that miette's "help: " before it can be replaced;
/// they take no columns, so the wrapping is the one miette computed.
const HELP_MARK: &str = "\u{2060}\u{2063}";

/// miette's own words in the run's language: `help: ` before the marked
/// help text ("提示：" is as wide, six columns, so the lines stay aligned),
/// and the `Advice: ` that starts the line of each related place.
fn localize(rendered: String, lang: Lang) -> String {
    let mut out = rendered;
    if let Some(at) = out.find(HELP_MARK) {
        let word = "help: ";
        if let Some(w) = out[..at].rfind(word) {
            out.replace_range(w..w + word.len(), &Text::HelpPrefix.text(lang));
        }
        out = out.replacen(HELP_MARK, "", 1);
    }
    out.replace(
        "\nAdvice: ",
        &format!("\n{}", Text::RelatedHeading.text(lang)),
    )
}

/// Renders diagnostics for a person in `lang`. `color` picks the terminal theme.
pub fn render_diagnostics(diagnostics: &[Diagnostic], lang: Lang, color: bool) -> String {
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
        let texts = d.texts(lang);
        let v = view(d, &texts, lang);
        // A renderer bug must not lose the finding: it is printed plainly.
        let mut one = String::new();
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handler.render_report(&mut one, &v)
        }));
        match rendered {
            Ok(Ok(())) => out.push_str(&localize(one, lang)),
            _ => out.push_str(&format!(
                "{} {}: {}\n  {}{}\n",
                d.code,
                place(&d.location),
                texts.message,
                Text::HelpPrefix.text(lang),
                texts.help
            )),
        }
        out.push('\n');
    }
    out
}

/// The whole human report: every finding, then a summary line.
pub fn render(info: &RunInfo<'_>, lang: Lang, color: bool) -> String {
    let o = info.outcome;
    let mut out = render_diagnostics(&o.diagnostics, lang, color);
    out.push_str(&Text::Summary(o.counts()).text(lang));
    out.push('\n');
    out
}

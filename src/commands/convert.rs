//! `plan-lint convert FILE.xlsx [-o FILE.yaml]`: a filled workbook as the YAML
//! report it means (standard output by default); `convert FILE.yaml -o
//! FILE.xlsx` the other way, for a department that edits a report in Excel.
//! What a workbook has no column for (suppressions, revision) travels in its
//! hidden sheet, unchanged.

use crate::commands::setup::{error, setup};
use crate::commands::Output;
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{FileMsg, Lang, Text};
use crate::load::workbook::Field as F;
use crate::model::code::Code;
use crate::model::plan::Plans;
use crate::output::workbook::{Filled, Out, Row};
use serde_json::Value as J;
use std::path::{Path, PathBuf};

/// The arguments of `plan-lint convert`.
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    pub file: PathBuf,
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_name = "DIR")]
    pub data_root: Option<PathBuf>,
}

/// Whether a path names a workbook (by its extension, in any case).
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"))
}

/// A workbook's file read and converted, or the finding that says why not.
pub fn read_workbook(
    path: &Path,
    max: u64,
) -> Result<crate::load::workbook::Converted, Box<Diagnostic>> {
    let shown = crate::syntax::paths::display(path);
    let finding = |m: FileMsg| {
        Box::new(Diagnostic::new(
            Code::PL001,
            Severity::Error,
            Location::path_only(shown.clone()),
            m,
        ))
    };
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > max {
        return Err(finding(FileMsg::TooLarge { size, max }));
    }
    let bytes =
        std::fs::read(path).map_err(|e| finding(FileMsg::CannotRead { error: (&e).into() }))?;
    let book = crate::load::workbook::read(&bytes).map_err(finding)?;
    Ok(crate::load::workbook::to_yaml(&book))
}

/// `plan-lint convert`.
pub fn command(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    args: ConvertArgs,
    lang: Lang,
) -> Output {
    let max = crate::load::workspace::DEFAULT_MAX_FILE_SIZE;
    if is_workbook(&args.file) {
        return match read_workbook(&args.file, max) {
            Ok(c) => {
                let Some(path) = args.output.as_deref() else {
                    return Output::ok(c.text);
                };
                // Under the data root, only at the place of the report it is.
                let root = data_root(plan_dirs, config, args.data_root.clone(), lang);
                let node = crate::syntax::yaml::load(&c.text, 0, Default::default()).ok();
                let field = |k: &str| node.as_ref().and_then(|n| n.get(k));
                let dest = crate::commands::output::Destination {
                    path,
                    force: args.force,
                    writes: crate::commands::output::Writes::Converted {
                        department: field("department")
                            .and_then(|v| v.as_str().map(str::to_string)),
                        period: field("period")
                            .and_then(|v| v.as_f64())
                            .and_then(|p| i32::try_from(p as i64).ok()),
                    },
                    data_root: root.as_deref(),
                    make_folder: true,
                };
                crate::commands::output::write_reporting(&dest, c.text.as_bytes(), lang)
            }
            Err(d) => Output {
                stdout: String::new(),
                stderr: crate::output::findings::human::render_diagnostics(&[*d], lang, false),
                code: 1,
            },
        };
    }
    let yaml = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if !yaml {
        let path = crate::syntax::paths::display(&args.file);
        return error(Text::ConvertWhat { path }, lang);
    }
    let Some(output) = args.output.as_deref() else {
        return error(Text::WorkbookNeedsOutput, lang);
    };
    let (plans, _) = match setup(plan_dirs, config, lang) {
        Ok(x) => x,
        Err(o) => return o,
    };
    let shown = crate::syntax::paths::display(&args.file);
    let loaded = crate::load::workspace::load_file(&args.file, shown, None, max);
    let errors: Vec<Diagnostic> = (loaded.diagnostics.into_iter())
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let text = match (loaded.report, errors.is_empty()) {
        (Some(r), true) => r.source.text().to_string(),
        (_, _) => {
            return Output {
                stdout: String::new(),
                stderr: crate::output::findings::human::render_diagnostics(&errors, lang, false),
                code: 1,
            }
        }
    };
    match crate::syntax::yaml::load(&text, 0, Default::default()) {
        Ok(node) => {
            let filled = filled(&plans, &node.to_json(), &text);
            let root = data_root(plan_dirs, config, args.data_root.clone(), lang);
            let dest = crate::commands::output::Destination {
                path: output,
                force: args.force,
                writes: crate::commands::output::Writes::Other,
                data_root: root.as_deref(),
                make_folder: true,
            };
            crate::commands::write::write_workbook(&filled, &dest, lang)
        }
        Err(_) => error(
            Text::ConvertWhat {
                path: crate::syntax::paths::display(&args.file),
            },
            lang,
        ),
    }
}

/// A report (its JSON view) as the workbook's rows; names, units and targets from its plan.
pub fn filled(plans: &Plans, doc: &J, text: &str) -> Filled {
    let s = |v: &J, k: &str| v.get(k).and_then(J::as_str).map(str::to_string);
    let plan = s(doc, "plan").and_then(|id| plans.get(&id));
    let put = |row: &mut Vec<(F, Out)>, f: F, v: Option<&J>| match v {
        Some(J::String(t)) => row.push((f, Out::Text(t.clone()))),
        Some(J::Number(n)) => row.push((f, Out::Number(n.as_f64().unwrap_or_default()))),
        _ => {}
    };
    let date = |row: &mut Vec<(F, Out)>, f: F, v: Option<&J>| {
        if let Some(J::String(t)) = v {
            row.push((f, Out::Date(t.clone())));
        }
    };
    let list = |k: &str| {
        doc.get(k)
            .and_then(J::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let indicators = (list("indicators").iter())
        .map(|e| {
            let mut row = Vec::new();
            put(&mut row, F::Id, e.get("id"));
            let ind = (plan.zip(s(e, "id"))).and_then(|(p, id)| p.indicator(&id).cloned());
            if let Some(ind) = &ind {
                row.push((F::Name, Out::Text(ind.name.clone())));
                row.push((F::Target, Out::Text(ind.target_text.clone())));
            }
            put(&mut row, F::Unit, e.get("unit"));
            put(&mut row, F::Value, e.get("value"));
            if let Some(p) = e.get("pending") {
                put(&mut row, F::PendingReason, p.get("reason"));
                date(&mut row, F::ExpectedBy, p.get("expected_by"));
            }
            if let Some(r) = e.get("requirement") {
                put(&mut row, F::RequirementValue, r.get("value"));
                put(&mut row, F::RequirementSource, r.get("source"));
            }
            if let Some(c) = e.get("confirmed") {
                put(&mut row, F::ConfirmedReason, c.get("reason"));
            }
            put(&mut row, F::Source, e.get("source"));
            put(&mut row, F::Note, e.get("note"));
            Row(row)
        })
        .collect();
    let projects = (list("projects").iter())
        .map(|e| {
            let mut row = Vec::new();
            put(&mut row, F::Id, e.get("id"));
            let name =
                (plan.zip(s(e, "id"))).and_then(|(p, id)| p.project(&id).map(|p| p.name.clone()));
            if let Some(name) = name.or_else(|| s(e, "name")) {
                row.push((F::Name, Out::Text(name)));
            }
            if let Some(st) = s(e, "status") {
                let zh = crate::model::plan::ProjectStatus::parse(&st).map_or(st.clone(), |x| {
                    crate::diagnostics::messages::status_zh(x).to_string()
                });
                row.push((F::Status, Out::Text(zh)));
            }
            put(&mut row, F::Progress, e.get("progress"));
            if let Some(i) = e.get("investment") {
                put(&mut row, F::PlannedTotal, i.get("planned_total"));
                put(&mut row, F::CompletedToDate, i.get("completed_to_date"));
            }
            date(&mut row, F::Started, e.get("started"));
            date(&mut row, F::Completed, e.get("completed"));
            if let Some(items) = e.get("evidence").and_then(J::as_array) {
                let items: Vec<&str> = items.iter().filter_map(J::as_str).collect();
                row.push((F::Evidence, Out::Text(items.join("\n"))));
            }
            Row(row)
        })
        .collect();
    let department = s(doc, "department").unwrap_or_default();
    let department_name = plan
        .and_then(|p| p.department(&department))
        .map_or_else(|| department.clone(), |d| d.name.clone());
    let period = doc.get("period").and_then(J::as_i64).unwrap_or_default();
    Filled {
        title: format!(
            "{}　{period}年度进展报告（{department_name}）",
            plan.map_or("", |p| p.header.name.as_str())
        ),
        plan: s(doc, "plan").unwrap_or_default(),
        department,
        department_name,
        period,
        submitted: s(doc, "submitted"),
        indicators,
        projects,
        extra: extra_keys(text, &["revision", "suppressions"]),
    }
}

/// The text of the top-level keys `keys` of a report, verbatim.
fn extra_keys(text: &str, keys: &[&str]) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        let top = line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '"' || c == '\'');
        if top {
            let key = line
                .split(':')
                .next()
                .unwrap_or("")
                .trim_matches(['"', '\'']);
            inside = keys.contains(&key);
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The data root the `-o` rule protects: `--data-root`, the configuration's,
/// or `progress/` (none when the configuration does not load).
fn data_root(
    plan_dirs: &[PathBuf],
    config: Option<&PathBuf>,
    given: Option<PathBuf>,
    lang: Lang,
) -> Option<PathBuf> {
    crate::commands::setup::setup_with_root(plan_dirs, config, given, lang)
        .ok()
        .map(|(_, opts)| opts.data_root)
}

//! `plan-lint plan`: the catalog, as JSON (the shape in cli.md) or as a table.

use super::Output;
use crate::diagnostics::messages::{num, DataText, Lang, Text};
use crate::model::plan::Plans;
use crate::model::plan::{Attribute, Plan};
use serde_json::{json, Value};
use std::fmt::Write;

/// Output formats of commands that print data rather than findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// What `plan-lint plan` lists: the plan (`--id`, default the built-in one) and
/// the filters of its catalog.
pub struct CatalogQuery {
    pub format: Format,
    pub id: Option<String>,
    pub department: Option<String>,
    pub column: Option<String>,
    pub attribute: Option<String>,
}

fn selected_plan<'a>(plans: &'a Plans, args: &CatalogQuery) -> Result<&'a Plan, Text> {
    match &args.id {
        None => plans.0.first().ok_or(Text::NoPlan),
        Some(id) => plans
            .get(id)
            .ok_or_else(|| Text::PlanNotLoaded { id: id.clone() }),
    }
}

/// `plan-lint plan`: the plans loaded, then the catalog [`show`] lists.
pub fn command(
    plans: &[std::path::PathBuf],
    config: Option<&std::path::PathBuf>,
    args: &CatalogQuery,
    lang: Lang,
) -> Output {
    match super::setup::setup(plans, config, lang) {
        Ok((plans, _)) => show(&plans, args, lang),
        Err(o) => o,
    }
}

/// The catalog of the plan asked for, filtered, as a table or as JSON.
fn show(plans: &Plans, args: &CatalogQuery, lang: Lang) -> Output {
    let plan = match selected_plan(plans, args) {
        Ok(p) => p,
        Err(e) => return Output::fail(e.error_line(lang)),
    };
    let attribute = match args.attribute.as_deref() {
        None => None,
        Some("binding") | Some("约束性") => Some(Attribute::Binding),
        Some("expected") | Some("预期性") => Some(Attribute::Expected),
        Some(other) => {
            let e = Text::BadAttribute {
                attribute: other.to_string(),
            };
            return Output::fail(e.error_line(lang));
        }
    };
    if let Some(d) = args
        .department
        .as_deref()
        .filter(|d| plan.department(d).is_none())
    {
        let e = Text::NotInRegistry {
            department: d.to_string(),
            plan: plan.id().to_string(),
            departments: (plan.departments.iter())
                .map(|d| (d.code.clone(), d.name.clone()))
                .collect(),
        };
        return Output::fail(e.error_line(lang));
    }
    let dept_ok = |d: &str| args.department.as_deref().is_none_or(|x| x == d);
    let indicators: Vec<_> = plan
        .indicators
        .iter()
        .filter(|i| {
            dept_ok(&i.department)
                && attribute.is_none_or(|a| a == i.attribute)
                && args.column.is_none()
        })
        .collect();
    let projects: Vec<_> = plan
        .projects
        .iter()
        .filter(|p| {
            dept_ok(&p.department)
                && attribute.is_none()
                && args.column.as_ref().is_none_or(|c| *c == p.column)
        })
        .collect();
    let departments: Vec<_> = plan
        .departments
        .iter()
        .filter(|d| dept_ok(&d.code))
        .collect();
    let stdout = match args.format {
        Format::Json => {
            let doc = json!({
                "plan": plan.id(),
                "name": plan.header.name,
                "period": plan.header.period,
                "approvers": plan.header.approvers,
                "indicators": indicators.iter().map(|i| {
                    let mut v = serde_json::to_value(i).unwrap_or(Value::Null);
                    if let Some(o) = v.as_object_mut() {
                        let source = i.source.passage.clone();
                        o.insert("source".into(), json!(source));
                        o.insert("citation".into(), json!(i.source));
                    }
                    v
                }).collect::<Vec<_>>(),
                "projects": projects.iter().map(|p| {
                    let mut v = serde_json::to_value(p).unwrap_or(Value::Null);
                    if let Some(o) = v.as_object_mut() {
                        let source = p.source.passage.clone();
                        o.insert("source".into(), json!(source));
                        o.insert("citation".into(), json!(p.source));
                    }
                    v
                }).collect::<Vec<_>>(),
                "departments": departments.iter().map(|d| json!({
                    "code": d.code,
                    "name": d.name,
                    "indicators": plan.indicators_of(&d.code).map(|i| i.id.as_str()).collect::<Vec<_>>(),
                    "projects": plan.projects_of(&d.code).map(|p| p.id.as_str()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            });
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Human => {
            let mut out = String::new();
            let p = &plan.header.period;
            let _ = writeln!(
                out,
                "{}",
                DataText::PlanHeader {
                    id: plan.id().to_string(),
                    name: plan.header.name.clone(),
                    start: p.start,
                    end: p.end,
                    baseline_year: p.baseline_year,
                    approvers: plan.header.approvers.clone(),
                }
                .text(lang)
            );
            if !indicators.is_empty() {
                let count = indicators.len();
                let _ = writeln!(out, "{}", DataText::Indicators { count }.text(lang));
                for i in &indicators {
                    let facts = DataText::IndicatorFacts {
                        baseline: i.baseline.map_or_else(
                            || i.baseline_text.clone().unwrap_or_else(|| "—".into()),
                            num,
                        ),
                        target: i.target_text.clone(),
                        target_year: i.target_year,
                        department: i.department.clone(),
                        source: i.source.passage.clone(),
                    };
                    let _ = writeln!(
                        out,
                        "  {:<5} {} [{}] {} {}{}{}",
                        i.id,
                        i.name,
                        if i.unit.is_empty() { "-" } else { &i.unit },
                        if i.attribute == Attribute::Binding {
                            "约束性"
                        } else {
                            "预期性"
                        },
                        i.category,
                        match lang {
                            Lang::En => "; ",
                            Lang::Zh => "；",
                        },
                        facts.text(lang)
                    );
                }
            }
            if !projects.is_empty() {
                let count = projects.len();
                let _ = writeln!(out, "\n{}", DataText::Projects { count }.text(lang));
                for pr in &projects {
                    let _ = writeln!(
                        out,
                        "  {:<6} {} — {} ({})",
                        pr.id, pr.name, pr.column, pr.department
                    );
                }
            }
            let count = departments.len();
            let _ = writeln!(out, "\n{}", DataText::Departments { count }.text(lang));
            for d in &departments {
                let _ = writeln!(
                    out,
                    "  {:<16} {} — {}",
                    d.code,
                    d.name,
                    DataText::DepartmentCounts {
                        indicators: plan.indicators_of(&d.code).count(),
                        projects: plan.projects_of(&d.code).count(),
                    }
                    .text(lang)
                );
            }
            out
        }
    };
    Output {
        stdout,
        stderr: String::new(),
        code: 0,
    }
}

//! The wording the status views share: the markdown document, the HTML page
//! and the exported tables say the same thing of a target, a year, a project
//! and a department with these.

use super::{Category, IndicatorStatus, Method, Stage, Status};
use crate::diagnostics::messages::{num, val, Header, Lang, StatusText};
use crate::model::plan::{Comparison, ProjectStatus};
use std::collections::HashMap;
use std::fmt::Write;

/// A marker that makes the category findable when scanning a long table.
/// Codes as a list: "PL201, PL202".
fn codes(codes: &[crate::model::code::Code], sep: &str) -> String {
    let texts: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
    texts.join(sep)
}

pub fn marker(c: Category) -> &'static str {
    match c {
        Category::Achieved => "⭐",
        Category::Ahead => "🔵",
        Category::OnTrack => "🟢",
        Category::Behind => "🔴",
        Category::NotYet => "🟠",
        Category::Met => "✅",
        Category::Missed => "❌",
        Category::InError => "⚠️",
        Category::NoRequirement => "❔",
        Category::NoData => "⚪",
    }
}

/// A share as a percentage with at most one decimal: `0.737` → `73.7%`.
pub fn pct(share: f64) -> String {
    let s = format!("{:.1}", share * 100.0);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    format!("{s}%")
}

/// The mid-term band the status's indicators are judged by (the plan's
/// PL203 `margin`; the first indicator's where entries differ).
pub fn band_of(s: &Status) -> f64 {
    (s.indicators.iter())
        .find(|i| i.evaluation.method != Method::Qualitative)
        .map_or(0.0, |i| i.evaluation.band)
}

/// What 基本符合预期 means for the band in force.
pub fn band_sentence(band: f64, lang: Lang) -> String {
    let points = pct(band);
    StatusText::Band {
        points: points.trim_end_matches('%').to_string(),
        band: num(band),
    }
    .text(lang)
}

/// The title: the status of a year, or the plan's final evaluation.
pub fn title(s: &Status, lang: Lang) -> String {
    match s.stage {
        Stage::MidTerm => StatusText::Title {
            period: s.period,
            name: s.plan.name.clone(),
        },
        Stage::Final => StatusText::FinalTitle {
            start: s.plan.period.start,
            end: s.plan.period.end,
            name: s.plan.name.clone(),
        },
    }
    .text(lang)
}

/// How the categories are judged: the band of 基本符合预期 (mid-term), or
/// the final year's rule.
pub fn judgement_sentence(s: &Status, lang: Lang) -> String {
    match s.stage {
        Stage::MidTerm => band_sentence(band_of(s), lang),
        Stage::Final => StatusText::FinalRule {
            end: s.plan.period.end,
        }
        .text(lang),
    }
}

/// A figure as shown in tables: at most two decimals.
pub fn fig(v: f64) -> String {
    num(round2(v))
}

/// A sum of investment, or 未报 when a project of the group left out the
/// figure it gave before (PL307): a gap is never shown as a fall.
pub fn investment(v: f64, unreported: usize, lang: Lang) -> String {
    if unreported > 0 {
        StatusText::FigureUnreported.text(lang)
    } else {
        fig(v)
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A figure with its unit, at most two decimals.
fn figu(v: f64, unit: &str) -> String {
    val(round2(v), unit)
}

fn years(years: &[i32]) -> Vec<String> {
    years.iter().map(i32::to_string).collect()
}

pub(super) fn years_list(y: &[i32]) -> String {
    years(y).join(", ")
}

fn bound_sign(c: Comparison) -> &'static str {
    match c {
        Comparison::AtLeast => "≥",
        Comparison::AtMost => "≤",
        Comparison::MoreThan => ">",
        Comparison::LessThan => "<",
        Comparison::About => "≈",
    }
}

/// Why an indicator has its category, in one sentence; `end` is the
/// plan's final year (a status of that year is the final evaluation).
pub fn basis(ind: &IndicatorStatus, period: i32, end: i32, lang: Lang) -> String {
    let e = &ind.evaluation;
    let u = ind.unit.as_str();
    let target = ind.target.map(|t| val(t, u)).unwrap_or_default();
    let (Some(y), Some(v)) = (e.year, e.value) else {
        return StatusText::NoValueUpTo { period }.text(lang);
    };
    let final_year = period >= end;
    let reported: Vec<i32> = ind
        .values
        .iter()
        .filter(|y| y.value.is_some())
        .map(|y| y.year)
        .collect();
    let text = match (e.method, e.category) {
        (_, Category::InError) => StatusText::InError {
            value: val(v, u),
            year: y,
            codes: data_codes(ind, y).join(", "),
        },
        (_, Category::NoRequirement) => StatusText::NoRequirement,
        (_, Category::NoData) if final_year && ind.target_year > end => StatusText::NotDue {
            value: val(v, u),
            year: y,
            target_text: ind.target_text.clone(),
            target_year: ind.target_year,
        },
        (_, Category::NoData) if final_year && y < end => StatusText::NoFinalValue {
            end,
            value: val(v, u),
            year: y,
        },
        (Method::Qualitative, Category::Behind | Category::Missed) => {
            StatusText::MissedRequirement {
                years: years(&e.missed),
            }
        }
        (Method::Qualitative, _) => {
            let judged: Vec<i32> = ind
                .values
                .iter()
                .filter(|y| y.met == Some(true))
                .map(|y| y.year)
                .collect();
            StatusText::MetRequirement {
                years: years(&judged),
            }
        }
        (Method::Bound, Category::Behind | Category::Missed) => StatusText::BrokeBound {
            sign: bound_sign(ind.comparison),
            target,
            years: years(&e.missed),
        },
        (Method::Bound, _) => StatusText::KeptBound {
            sign: bound_sign(ind.comparison),
            target,
            years: years(&reported),
        },
        (Method::AnnualRate, c) => {
            let first = reported.first().copied().unwrap_or(y);
            let average = e.average.map(|a| figu(a, u)).unwrap_or_default();
            if c == Category::Achieved {
                StatusText::RateAchieved {
                    first,
                    year: y,
                    average,
                    target,
                    target_year: ind.target_year,
                }
            } else {
                StatusText::RateAverage {
                    first,
                    year: y,
                    average,
                    count: reported.len(),
                    target,
                    gaps: years(&e.gaps),
                }
            }
        }
        (Method::Path | Method::ProRata | Method::Target, Category::Achieved | Category::Met) => {
            StatusText::MeetsTarget {
                value: val(v, u),
                year: y,
                target_text: ind.target_text.clone(),
            }
        }
        (Method::Path | Method::ProRata | Method::Target, Category::Behind | Category::Missed)
            if y >= ind.target_year || e.category == Category::Missed =>
        {
            StatusText::MissedTarget {
                value: val(v, u),
                year: y,
                target_text: ind.target_text.clone(),
                target_year: ind.target_year,
            }
        }
        (Method::Target, _) => StatusText::NotYetTarget {
            value: val(v, u),
            year: y,
            target_text: ind.target_text.clone(),
            target_year: ind.target_year,
        },
        (Method::Path, _) => StatusText::OnPath {
            value: val(v, u),
            year: y,
            path: e.expected.map(|x| figu(x, u)).unwrap_or_default(),
            progress: e.progress.map(pct).unwrap_or_default(),
            time: e.time_share.map(pct).unwrap_or_default(),
        },
        (Method::ProRata, _) => StatusText::ProRata {
            value: val(v, u),
            year: y,
            progress: e.progress.map(pct).unwrap_or_default(),
            time: e.time_share.map(pct).unwrap_or_default(),
            target_year: ind.target_year,
        },
    };
    text.text(lang) + &in_error_suffix(ind, y, lang) + &check_suffix(ind, lang)
}

/// The codes of data validity `check` reports on the figure of `year`.
fn data_codes(ind: &IndicatorStatus, year: i32) -> Vec<&'static str> {
    (ind.values.iter().filter(|y| y.year == year))
        .flat_map(|y| y.findings.iter())
        .filter(|c| crate::model::plan::verdict::is_data_validity(**c))
        .map(|c| c.as_str())
        .collect()
}

/// The years before `latest` whose figure is in error, with the codes: not
/// counted ("" when there are none; the latest one in error is the category).
fn in_error_suffix(ind: &IndicatorStatus, latest: i32, lang: Lang) -> String {
    let years: Vec<String> = (ind.values.iter())
        .filter(|y| y.in_error && y.year != latest)
        .map(|y| {
            let codes = data_codes(ind, y.year);
            match lang {
                Lang::En if codes.is_empty() => y.year.to_string(),
                Lang::Zh if codes.is_empty() => format!("{}年", y.year),
                Lang::En => format!("{} ({})", y.year, codes.join(", ")),
                Lang::Zh => format!("{}年（{}）", y.year, codes.join("、")),
            }
        })
        .collect();
    if years.is_empty() {
        String::new()
    } else {
        StatusText::Flagged { years }.text(lang)
    }
}

/// What else `check` reports on the figures that the category does not
/// say: a fall of a binding indicator (PL201) as "fell from …", other
/// findings by year ("" when there are none). The verdict's own misses
/// (PL202, PL203, PL205) and data validity are the category already.
fn check_suffix(ind: &IndicatorStatus, lang: Lang) -> String {
    use crate::model::code::Code;
    let said = |c: &Code| {
        matches!(c, Code::PL202 | Code::PL203 | Code::PL205)
            || crate::model::plan::verdict::is_data_validity(*c)
    };
    let mut out = String::new();
    let mut others = Vec::new();
    for (i, y) in ind.values.iter().enumerate() {
        let rest: Vec<Code> = y.findings.iter().copied().filter(|c| !said(c)).collect();
        if rest.is_empty() {
            continue;
        }
        let previous = ind.values[..i]
            .iter()
            .rev()
            .find_map(|p| Some((p.year, p.value?)));
        let mut listed = Vec::new();
        for c in rest {
            match previous {
                Some((py, pv)) if c == Code::PL201 => {
                    out += &StatusText::FellFrom {
                        previous: val(pv, &ind.unit),
                        previous_year: py,
                        year: y.year,
                        code: c.as_str().to_string(),
                    }
                    .text(lang);
                }
                _ => listed.push(c),
            }
        }
        if !listed.is_empty() {
            others.push(match lang {
                Lang::En => format!("{} in {}", codes(&listed, ", "), y.year),
                Lang::Zh => format!("{}年{}", y.year, codes(&listed, "、")),
            });
        }
    }
    if !others.is_empty() {
        out += &StatusText::CheckFound { years: others }.text(lang);
    }
    out
}

/// One year's cell of an indicator.
pub fn year_cell(ind: &IndicatorStatus, year: i32, lang: Lang) -> String {
    let Some(y) = ind.values.iter().find(|v| v.year == year) else {
        return "—".into();
    };
    let Some(v) = y.value else {
        return "—".into();
    };
    // The report's figure and the requirement as written (their shortest form).
    let mut s = num(v);
    if let Some(r) = y.requirement {
        s.push_str(&StatusText::RequirementShort { figure: num(r) }.text(lang));
    }
    match y.met {
        Some(true) if y.requirement.is_some() => s.push_str(" ✓"),
        Some(false) => s.push_str(" ✗"),
        _ => {}
    }
    if !y.findings.is_empty() {
        let _ = write!(s, " {}", codes(&y.findings, ","));
    }
    if let Some(id) = &y.decision {
        s.push_str(&StatusText::Excepted { id: id.clone() }.text(lang));
    }
    if y.confirmed.is_some() {
        s.push_str(&StatusText::Confirmed.text(lang));
    }
    s
}

/// The cells of a decision in force: for which report, and what it does.
pub fn decision_cells(
    d: &super::DecisionInForce,
    unit_of: impl Fn(&str) -> String,
    lang: Lang,
) -> (String, String) {
    let report = match &d.department {
        Some(dept) => format!("{dept} {}", d.period),
        None => d.period.to_string(),
    };
    let unit = d.targets.first().map(|t| unit_of(t)).unwrap_or_default();
    let what = StatusText::DecisionWhat {
        kind: d.kind,
        rule: d.rule.clone(),
        targets: d.targets.clone(),
        value: d.value.map(|v| crate::diagnostics::messages::val(v, &unit)),
        source: d.source.clone(),
    }
    .text(lang);
    (report, what)
}

/// The baseline as the plan writes it.
pub fn baseline_cell(ind: &IndicatorStatus) -> String {
    match (&ind.baseline_text, ind.baseline) {
        (Some(t), _) if t.trim() != "---" => t.clone(),
        (_, Some(b)) => num(b),
        _ => "—".into(),
    }
}

/// What the baseline figure is: a value of the baseline year, or an
/// average or total over the previous plan's years (I14's 96.48 is the
/// 2016–2020 average, not a 2020 value).
pub fn baseline_when(ind: &IndicatorStatus, lang: Lang) -> String {
    StatusText::BaselineWhen {
        kind: ind.baseline_kind,
        year: ind.baseline_year,
    }
    .text(lang)
}

/// The target as the plan writes it, with its year when that is not the plan's end.
pub fn target_cell(ind: &IndicatorStatus, plan_end: i32) -> String {
    if ind.target_year == plan_end {
        ind.target_text.clone()
    } else {
        format!("{} ({})", ind.target_text, ind.target_year)
    }
}

pub const STATUS_ORDER: [ProjectStatus; 6] = ProjectStatus::ALL;

/// How a project status reads in headings.
pub fn status_heading(s: ProjectStatus, lang: Lang) -> String {
    StatusText::ProjectStatus(s).text(lang)
}

/// A 专栏 column with its title: `专栏3-6 总部引进重大项目`.
pub fn column_name(column: &str, title: &str) -> String {
    if title.is_empty() {
        column.to_string()
    } else {
        format!("{column} {title}")
    }
}

/// The projects that need the office's attention: suspended, cancelled,
/// or lagging (progress below the share of the plan years elapsed), by
/// column, then by department, in catalog order.
pub fn attention(s: &Status) -> Vec<&super::ProjectRow> {
    let mut rows: Vec<&super::ProjectRow> = (s.projects.list.iter())
        .filter(|p| {
            p.lagging
                || matches!(
                    p.status,
                    Some(ProjectStatus::Suspended | ProjectStatus::Cancelled)
                )
        })
        .collect();
    // The departments' order, looked up once (a scan per comparison was a
    // twentieth of `status` on 2,000 departments).
    let order: std::collections::HashMap<&str, usize> = (s.departments.iter().enumerate())
        .map(|(i, d)| (d.department.as_str(), i))
        .rev()
        .collect();
    let position = |code: &str| order.get(code).copied();
    rows.sort_by_key(|p| (p.column_ordinal, position(&p.department)));
    rows
}

/// A project's status as a cell: its status, "lagging" after it when it lags.
pub fn project_status_cell(p: &super::ProjectRow, lang: Lang) -> String {
    let mut c = p
        .status
        .map(|st| status_heading(st, lang))
        .unwrap_or_default();
    if p.lagging {
        let _ = write!(
            c,
            "{}",
            StatusText::LaggingMark {
                lagging: StatusText::Heading(Header::Lagging).text(lang)
            }
            .text(lang)
        );
    }
    c
}

/// The headings of the attention list (the first four are text, the rest figures).
pub fn attention_headings(lang: Lang) -> Vec<String> {
    [
        Header::Column,
        Header::Project,
        Header::Department,
        Header::Status,
        Header::Year,
        Header::Progress,
        Header::PlannedTotal,
        Header::CompletedToDate,
    ]
    .map(|h| StatusText::Heading(h).text(lang))
    .to_vec()
}

/// One project of the attention list, as cells under [`attention_headings`].
pub fn attention_cells(p: &super::ProjectRow, lang: Lang) -> Vec<String> {
    let or_dash = |v: Option<f64>| v.map(fig).unwrap_or_else(|| "—".into());
    let invested = |v: Option<f64>| match p.investment_unreported {
        true => StatusText::FigureUnreported.text(lang),
        false => or_dash(v),
    };
    vec![
        column_name(&p.column, &p.column_title),
        format!("{} {}", p.id, p.name),
        p.department_name.clone(),
        project_status_cell(p, lang),
        p.year.map(|y| y.to_string()).unwrap_or_default(),
        or_dash(p.progress),
        invested(p.planned_total),
        invested(p.completed_to_date),
    ]
}

/// How many projects the attention list holds, and what lagging means.
pub fn attention_sentence(s: &Status, listed: usize, lang: Lang) -> String {
    let all = &s.projects.all;
    StatusText::AttentionSentence {
        listed,
        suspended: all.suspended,
        cancelled: all.cancelled,
        lagging: all.lagging,
        share: fig(super::year_share(s.period, &s.plan.period)),
        period: s.period,
    }
    .text(lang)
}

/// The indicators of a section in groups: by 类别 in the final evaluation
/// (consecutive, as the status orders them), else one group without a heading.
pub fn themes<'s>(
    s: &Status,
    rows: &[&'s IndicatorStatus],
) -> Vec<(Option<&'s str>, Vec<&'s IndicatorStatus>)> {
    if s.stage == Stage::MidTerm {
        return vec![(None, rows.to_vec())];
    }
    let mut groups: Vec<(Option<&str>, Vec<&IndicatorStatus>)> = Vec::new();
    for &ind in rows {
        match groups.last_mut() {
            Some((Some(t), g)) if *t == ind.category => g.push(ind),
            _ => groups.push((Some(&ind.category), vec![ind])),
        }
    }
    groups
}

/// The headings of the departments' table after department, code and
/// indicators: the stage's categories, projects, completed, lagging,
/// years not reported.
pub fn department_headings(s: &Status, lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = (s.stage.categories().iter())
        .map(|c| c.label().to_string())
        .collect();
    h.push(StatusText::Projects.text(lang));
    h.push(status_heading(ProjectStatus::Completed, lang));
    h.push(StatusText::Heading(Header::Lagging).text(lang));
    h.push(StatusText::Heading(Header::MissingYears).text(lang));
    h
}

/// The cells after department, code and indicators (see [`department_headings`]).
pub fn department_cells(s: &Status, d: &super::DepartmentSummary) -> Vec<String> {
    let mut c: Vec<String> = (s.stage.categories().iter())
        .map(|x| d.counts.get(*x).to_string())
        .collect();
    c.push(d.projects.total.to_string());
    c.push(d.projects.completed.to_string());
    c.push(d.projects.lagging.to_string());
    c.push(if d.missing.is_empty() {
        "—".into()
    } else {
        years_list(&d.missing)
    });
    c
}

/// The unit of an indicator of the status, by id ("" for a project): the
/// ids indexed once, as a register of thousands of decisions asks for one
/// each (a scan of the indicators per decision was quadratic).
pub fn units(s: &Status) -> impl Fn(&str) -> String + '_ {
    let mut by_id: HashMap<&str, &str> = HashMap::with_capacity(s.indicators.len());
    for i in &s.indicators {
        by_id.entry(i.id.as_str()).or_insert(i.unit.as_str());
    }
    move |id: &str| by_id.get(id).map(|u| u.to_string()).unwrap_or_default()
}

/// How many key projects, reported and completed.
pub fn projects_sentence(s: &Status, lang: Lang) -> String {
    let p = &s.projects;
    StatusText::ProjectsSentence {
        total: p.all.total,
        columns: p.by_column.len(),
        reported: p.all.reported,
        period: s.period,
        completed: p.all.completed,
        rate: p.all.completion_rate.map(pct).unwrap_or_else(|| "—".into()),
    }
    .text(lang)
}

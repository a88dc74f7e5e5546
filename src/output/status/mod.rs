//! `plan-lint status`: where every target of a plan stands, from the same
//! reports `check` reads — values by year, the target, and the category of
//! China's plan evaluations (提前实现 / 快于预期 / 基本符合预期 / 滞后预期) —
//! with key projects by status and the reports still missing.
//!
//! [`build`] computes one [`Status`]; [`json`], [`markdown`] and [`html`]
//! render it. The JSON form is the model itself, serialised (schema:
//! `plan-lint schema status`).

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod wording;
pub mod xlsx;

use crate::engine::check;
use crate::engine::judge;
use crate::load::decisions::{Decision, DecisionKind, Register};
use crate::model::code::Code;
use crate::model::plan::verdict;
use crate::model::plan::{CatalogPositions, Plans};

use crate::diagnostics::messages::{StatusText, Text};
use crate::engine::history::History;
use crate::model::numeric;
use crate::model::plan::{
    Attribute, BaselineKind, Comparison, Direction, Indicator, IndicatorKind, Period, Plan,
    ProjectStatus, TargetIs,
};
use crate::model::report::Report;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// What `status` reads and how it judges.
#[derive(Clone, Debug)]
pub struct StatusOptions {
    pub data_root: PathBuf,
    /// The year to report on (default: the latest period any report of the plan has);
    /// without `plan_id`, it picks the plan whose period holds it.
    pub period: Option<i32>,
    /// The plan to report on (default: every plan with reports under the data
    /// root, or the built-in plan when none has).
    pub plan_id: Option<String>,
    pub exclude: Vec<glob::Pattern>,
    pub max_file_size: u64,
    /// The plan office's decisions register (trust.md): the requirements
    /// relative targets are judged by, and the exceptions in force.
    pub decisions: std::sync::Arc<Register>,
    /// The day the reports are checked on (`check --today`): status shows
    /// what `check` finds in each value.
    pub today: jiff::civil::Date,
    /// One department's part only (`--department`: its code, name or alias).
    pub department: Option<String>,
}

impl StatusOptions {
    pub fn new(data_root: impl Into<PathBuf>) -> Self {
        StatusOptions {
            data_root: data_root.into(),
            period: None,
            plan_id: None,
            exclude: Vec::new(),
            max_file_size: crate::load::workspace::DEFAULT_MAX_FILE_SIZE,
            decisions: Default::default(),
            today: jiff::Zoned::now().date(),
            department: None,
        }
    }
}

pub use crate::model::plan::verdict::{method, path_value, Category, Method};

/// The judgement of one indicator: the one verdict ([`crate::model::plan::verdict::judge`]).
pub type Evaluation = crate::model::plan::verdict::Verdict;

/// Which evaluation a status is: mid-term (a year before the plan's final
/// year: where each indicator stands on its way) or final (the plan's
/// final year: each target met or missed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    MidTerm,
    Final,
}

impl Stage {
    /// The stage of a status as of `period` in a plan ending in `end`.
    pub fn of(period: i32, end: i32) -> Stage {
        if period >= end {
            Stage::Final
        } else {
            Stage::MidTerm
        }
    }
    /// The categories an indicator can have at this stage, in the order shown.
    pub fn categories(self) -> &'static [Category] {
        match self {
            Stage::MidTerm => &Category::MID_TERM,
            Stage::Final => &Category::FINAL,
        }
    }
}

fn round4(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct PlanInfo {
    pub id: String,
    pub name: String,
    pub sha256: String,
    pub period: Period,
}

/// One year of an indicator.
#[derive(Clone, Debug, Serialize)]
pub struct YearValue {
    pub year: i32,
    pub value: Option<f64>,
    /// The report the value comes from.
    pub file: Option<String>,
    /// Where the evaluation line puts this year (see [`path_value`]).
    pub path: Option<f64>,
    /// Qualitative targets: the requirement reported for this year.
    pub requirement: Option<f64>,
    /// Whether the figure met what the plan asks of the year, in a year the
    /// plan judges it (the verdict's); null when not judged.
    pub met: Option<bool>,
    /// The figure carries an unresolved finding of data validity (数据有误):
    /// never counted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_error: bool,
    /// The decision of the plan office's register that excepts this year's
    /// figure (a suppression): the value is judged all the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// The codes of the error findings `check` reports on this entry,
    /// suppressed ones included. Only those of data validity make the
    /// figure in error; the others are the verdict or beside it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Code>,
    /// The department's `note` on the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 已核实: the department confirmed this unusual figure on its entry
    /// (`confirmed: {value, reason}`, PL211 on an expected indicator); its reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<String>,
}

/// A figure of the year the department confirmed, for the plan office to
/// see in one place.
#[derive(Clone, Debug, Serialize)]
pub struct Confirmation {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub value: f64,
    pub reason: String,
    /// The report the figure and its confirmation are in.
    pub file: Option<String>,
}

/// What `check` finds in one indicator's value of one year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueFindings {
    /// Codes of the error findings, suppressed ones included, in order; a
    /// change the department confirmed is not among them.
    pub codes: Vec<Code>,
    /// The register decision that suppressed one of them.
    pub decision: Option<String>,
    /// The reason of the department's confirmation of the figure, if it confirmed it.
    pub confirmed: Option<String>,
}

/// The error findings of `check` on indicator values, by indicator id and year.
pub type Findings = BTreeMap<(String, i32), ValueFindings>;

/// The error findings `check` reports on the indicator values of `reports`:
/// the judgement `status` must agree with.
pub fn value_findings(
    plans: &Plans,
    reports: &[(&Report, &CatalogPositions)],
    history: &History,
    opts: &crate::load::workspace::CheckOptions,
) -> Findings {
    /// One error finding in a value: (indicator, year), code, suppressing
    /// decision, and the department's confirmation's reason.
    type Found = ((String, i32), Code, Option<String>, Option<String>);
    let found_in = |&(r, catalog): &(&Report, &CatalogPositions)| -> Vec<Found> {
        let Some(period) = r.period() else {
            return Vec::new();
        };
        let mut diags = Vec::new();
        check::check_report_indicators(plans, r, Some(catalog), history, opts, &mut diags);
        diags
            .into_iter()
            // Every error on an indicator's entry: its figure, its unit,
            // its copy of the requirement (PL210), so that the row says
            // what check says beside the verdict.
            .filter(|d| {
                d.severity == crate::diagnostics::diagnostic::Severity::Error
                    && d.node_path.starts_with("/indicators/")
            })
            .filter_map(|d| {
                let confirmed = d.justification.filter(|_| d.confirmed);
                Some(((d.target?, period), d.code, d.decision, confirmed))
            })
            .collect()
    };
    // Checked a department at a time, as check does; in path order after.
    let all: Vec<usize> = (0..reports.len()).collect();
    let per_report = check::in_department_order(
        &all,
        |i| &reports[i].0.source.path,
        |i| found_in(&reports[i]),
    );
    let mut out = Findings::new();
    for (key, code, decision, confirmed) in per_report.into_iter().flatten() {
        let f = out.entry(key).or_default();
        if confirmed.is_some() {
            f.confirmed = confirmed;
            continue;
        }
        if !f.codes.contains(&code) {
            f.codes.push(code);
        }
        if f.decision.is_none() {
            f.decision = decision;
        }
    }
    out
}

/// A decision of the register in force for the plan (trust.md): who
/// approved what, for which report.
#[derive(Clone, Debug, Serialize)]
pub struct DecisionInForce {
    pub id: String,
    pub kind: &'static str,
    pub department: Option<String>,
    pub period: i32,
    pub rule: Option<String>,
    /// Suppression and requirement: the indicator or project; revision: the entries.
    pub targets: Vec<String>,
    pub value: Option<f64>,
    pub reason: Option<String>,
    /// Requirement: the document that set the figure.
    pub source: Option<String>,
    pub approved_by: String,
    pub date: String,
    /// The register file it is recorded in.
    pub file: String,
}

/// One indicator: the catalog's facts, the values by year and the judgement.
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorStatus {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// 类别 of 专栏2-1 (or the chapter's theme).
    pub category: String,
    pub attribute: Attribute,
    pub kind: IndicatorKind,
    pub direction: Direction,
    pub comparison: Comparison,
    pub target_is: TargetIs,
    /// Code of the responsible department.
    pub department: String,
    /// Its name in the registry.
    pub department_name: String,
    pub baseline: Option<f64>,
    pub baseline_text: Option<String>,
    pub baseline_kind: BaselineKind,
    pub baseline_year: i32,
    pub target: Option<f64>,
    pub target_text: String,
    pub target_year: i32,
    /// Plausible values, [min, max], either end null (unbounded), from the catalog.
    pub range: [Option<f64>; 2],
    /// One entry per plan year up to the status period.
    pub values: Vec<YearValue>,
    pub evaluation: Evaluation,
}

/// Counts of indicators by category; serialised with the categories of
/// its stage only (mid-term: achieved … no_data; final: met, missed, no_data).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub stage: Stage,
    pub achieved: usize,
    pub ahead: usize,
    pub on_track: usize,
    pub behind: usize,
    pub not_yet: usize,
    pub met: usize,
    pub missed: usize,
    pub in_error: usize,
    pub no_requirement: usize,
    pub no_data: usize,
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let categories = self.stage.categories();
        let mut map = serializer.serialize_map(Some(categories.len()))?;
        for c in categories {
            map.serialize_entry(c.code(), &self.get(*c))?;
        }
        map.end()
    }
}

impl Counts {
    fn new(stage: Stage) -> Counts {
        Counts {
            stage,
            ..Counts::default()
        }
    }
    fn add(&mut self, c: Category) {
        *self.slot(c) += 1;
    }
    fn slot(&mut self, c: Category) -> &mut usize {
        match c {
            Category::Achieved => &mut self.achieved,
            Category::Ahead => &mut self.ahead,
            Category::OnTrack => &mut self.on_track,
            Category::Behind => &mut self.behind,
            Category::NotYet => &mut self.not_yet,
            Category::Met => &mut self.met,
            Category::Missed => &mut self.missed,
            Category::InError => &mut self.in_error,
            Category::NoRequirement => &mut self.no_requirement,
            Category::NoData => &mut self.no_data,
        }
    }
    pub fn get(&self, c: Category) -> usize {
        match c {
            Category::Achieved => self.achieved,
            Category::Ahead => self.ahead,
            Category::OnTrack => self.on_track,
            Category::Behind => self.behind,
            Category::NotYet => self.not_yet,
            Category::Met => self.met,
            Category::Missed => self.missed,
            Category::InError => self.in_error,
            Category::NoRequirement => self.no_requirement,
            Category::NoData => self.no_data,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub indicators: usize,
    pub binding: Counts,
    pub expected: Counts,
    pub all: Counts,
}

/// Project counts of one group (a 专栏 column, a department, or all).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ProjectCounts {
    /// Projects of the catalog in the group.
    pub total: usize,
    /// Of them, reported with a status in some report up to the status period.
    pub reported: usize,
    pub planned: usize,
    pub preparing: usize,
    pub under_construction: usize,
    pub completed: usize,
    pub suspended: usize,
    pub cancelled: usize,
    pub not_reported: usize,
    /// completed / (total − cancelled); null when every project is cancelled.
    pub completion_rate: Option<f64>,
    /// Projects still to finish whose progress is below the share of the
    /// plan years elapsed ([`ProjectRow::lagging`]).
    pub lagging: usize,
    /// The sums of `investment.planned_total` and `completed_to_date` over
    /// the projects whose latest report states them.
    pub planned_total: f64,
    pub completed_to_date: f64,
    /// Of them, projects whose latest report leaves out the investment an
    /// earlier report gave (PL307): the sums are then shown as 未报, not as
    /// a fall.
    #[serde(skip_serializing_if = "is_zero")]
    pub investment_unreported: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ProjectCounts {
    fn add_row(&mut self, row: &ProjectRow) {
        self.add(row.status);
        self.lagging += usize::from(row.lagging);
        self.investment_unreported += usize::from(row.investment_unreported);
        self.planned_total += row.planned_total.unwrap_or(0.0);
        self.completed_to_date += row.completed_to_date.unwrap_or(0.0);
    }
    fn add(&mut self, status: Option<ProjectStatus>) {
        self.total += 1;
        let Some(s) = status else {
            self.not_reported += 1;
            return;
        };
        self.reported += 1;
        *match s {
            ProjectStatus::Planned => &mut self.planned,
            ProjectStatus::Preparing => &mut self.preparing,
            ProjectStatus::UnderConstruction => &mut self.under_construction,
            ProjectStatus::Completed => &mut self.completed,
            ProjectStatus::Suspended => &mut self.suspended,
            ProjectStatus::Cancelled => &mut self.cancelled,
        } += 1;
    }
    fn finish(&mut self) {
        self.planned_total = round4(self.planned_total);
        self.completed_to_date = round4(self.completed_to_date);
        let live = self.total - self.cancelled;
        self.completion_rate = (live > 0).then(|| round4(self.completed as f64 / live as f64));
    }
    pub fn get(&self, s: ProjectStatus) -> usize {
        match s {
            ProjectStatus::Planned => self.planned,
            ProjectStatus::Preparing => self.preparing,
            ProjectStatus::UnderConstruction => self.under_construction,
            ProjectStatus::Completed => self.completed,
            ProjectStatus::Suspended => self.suspended,
            ProjectStatus::Cancelled => self.cancelled,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ColumnProjects {
    pub column: String,
    pub column_ordinal: u32,
    /// The column's title in the plan ([`column_title`]).
    pub column_title: String,
    #[serde(flatten)]
    pub counts: ProjectCounts,
}

#[derive(Clone, Debug, Serialize)]
pub struct DepartmentProjects {
    pub department: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: ProjectCounts,
}

#[derive(Clone, Debug, Serialize)]
pub struct Projects {
    #[serde(flatten)]
    pub all: ProjectCounts,
    pub by_column: Vec<ColumnProjects>,
    pub by_department: Vec<DepartmentProjects>,
    /// Every project of the catalog, in catalog order, with its latest report.
    pub list: Vec<ProjectRow>,
}

/// One key project as of the status period: the catalog's facts and what
/// its latest report up to the period says.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectRow {
    pub id: String,
    pub name: String,
    pub column: String,
    pub column_ordinal: u32,
    /// The column's title as the plan's header line writes it (the two
    /// columns numbered 专栏3-6 are 总部引进重大项目 and 南明数字经济发展重点内容).
    pub column_title: String,
    pub department: String,
    pub department_name: String,
    /// The latest status reported up to the period; null when no report mentions it.
    pub status: Option<ProjectStatus>,
    /// The year of the report that status comes from.
    pub year: Option<i32>,
    /// Progress in percent, as that report states it.
    pub progress: Option<f64>,
    pub planned_total: Option<f64>,
    pub completed_to_date: Option<f64>,
    /// The latest report leaves out the investment the report before it
    /// gave (PL307): shown as 未报, never as 0.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub investment_unreported: bool,
    /// Still to finish (planned, preparing, under construction) with
    /// progress below the share of the plan years elapsed by the period.
    pub lagging: bool,
}

/// The title of a project's 专栏 column: its header line in the plan, which
/// the passage of the project's citation quotes (`专栏3-6 总部引进重大项目 |`),
/// without the column's number and the table bar (tests/it/status.rs checks
/// each against the seed's header lines).
pub fn column_title(p: &crate::model::plan::Project) -> String {
    let line = p.source.passage.trim().trim_end_matches('|').trim();
    line.strip_prefix(p.column.as_str())
        .unwrap_or(line)
        .trim()
        .to_string()
}

/// The share of the plan years elapsed by the end of `period`, in percent:
/// where a project's progress should be (60 at the end of 2023 in 2021–2025).
pub fn year_share(period: i32, pp: &Period) -> f64 {
    let years = (pp.end - pp.start + 1).max(1) as f64;
    ((period - pp.start + 1) as f64 / years).clamp(0.0, 1.0) * 100.0
}

/// A department by code and registry name.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DepartmentRef {
    pub code: String,
    pub name: String,
}

/// One responsible department's part: its indicators by category, its
/// projects, the years it has not reported.
#[derive(Clone, Debug, Serialize)]
pub struct DepartmentSummary {
    pub department: String,
    pub name: String,
    /// Indicators it is responsible for.
    pub indicators: usize,
    /// Of them, by category.
    pub counts: Counts,
    /// Its projects.
    pub projects: ProjectCounts,
    /// Years from the plan's start to the period without its report.
    pub missing: Vec<i32>,
}

/// A department that has not reported some years.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Missing {
    pub department: String,
    pub name: String,
    pub periods: Vec<i32>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Reports {
    /// Reports of the plan read (periods up to the status period).
    pub files: usize,
    /// Files under the data root that could not be read as a report at all
    /// (`plan-lint check` says why); what the other files say still counts.
    pub unreadable: Vec<String>,
    /// Departments responsible for an indicator or a project: each reports every year.
    pub departments: usize,
    /// Departments with years not reported, from the plan's start to the status period.
    pub missing: Vec<Missing>,
}

/// Everything `plan-lint status` shows.
#[derive(Clone, Debug, Serialize)]
pub struct Status {
    pub version: u32,
    pub tool: Tool,
    pub plan: PlanInfo,
    /// The year reported on.
    pub period: i32,
    /// Mid-term (a year before the plan's final year) or final (its final
    /// year: every target met, missed or without data).
    pub stage: Stage,
    pub data_root: String,
    pub reports: Reports,
    pub summary: Summary,
    /// Binding indicators first, then expected ones, each in catalog order
    /// (in the final stage: by 类别, in the order the catalog first names them).
    pub indicators: Vec<IndicatorStatus>,
    pub projects: Projects,
    /// Every department responsible for an indicator or a project, in registry order.
    pub departments: Vec<DepartmentSummary>,
    /// `--department`: the department whose part this is; null for the whole plan.
    pub department: Option<DepartmentRef>,
    /// The plan office's decisions in force for this plan up to the period, in register order.
    pub decisions: Vec<DecisionInForce>,
    /// Every figure of the period its department confirmed (已核实), in the
    /// order of `indicators`.
    pub confirmations: Vec<Confirmation>,
}

/// Why `status` could not do its job (exit 2).
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    Usage(Text),
    Status(StatusText),
}

impl From<Text> for Error {
    fn from(t: Text) -> Error {
        Error::Usage(t)
    }
}

/// The department `--department` names: its code, name or an alias.
pub fn department_of(plan: &Plan, given: &str) -> Result<crate::model::plan::Department, Error> {
    let given = given.trim();
    plan.department_meant(given)
        .map(|(d, _)| d.clone())
        .ok_or_else(|| {
            let codes = plan.departments.iter().map(|d| d.code.as_str());
            Error::Status(StatusText::UnknownDepartment {
                given: given.to_string(),
                suggestion: crate::syntax::suggest::closest(given, codes).map(str::to_string),
            })
        })
}

/// What `status` read: how many reports, which files it could not read,
/// under which data root, and for which department's part (all when none).
pub struct Read {
    pub files: usize,
    pub unreadable: Vec<String>,
    pub data_root: String,
    pub department: Option<crate::model::plan::Department>,
}

/// The status of a plan from its history, as of `period`.
pub fn compute(
    plan: &Plan,
    history: &History,
    findings: &Findings,
    opts: &StatusOptions,
    period: i32,
    read: Read,
) -> Status {
    let Read {
        files,
        unreadable,
        data_root,
        department,
    } = read;
    // One department's part: its indicators, projects, reports and decisions.
    let ours = |code: &str| department.as_ref().is_none_or(|d| d.code == code);
    let register = &*opts.decisions;
    let context = crate::engine::rules::Context {
        register,
        today: opts.today,
    };
    let pp = plan.header.period;
    // The plan's suppression decisions, gathered once: the register may hold
    // thousands of other decisions, and each figure asks for its own.
    let suppressions: Vec<&Decision> = (register.of_kind(DecisionKind::Suppression))
        .filter(|d| d.plan == plan.id())
        .collect();
    let years: Vec<i32> = (pp.start..=period).collect();
    let stage = Stage::of(period, pp.end);
    let mut order: Vec<&Indicator> = (plan.indicators.iter())
        .filter(|i| ours(&i.department))
        .collect();
    // Binding first; the sort is stable, so catalog order stays within each.
    // The final evaluation groups each by 类别, in the order the catalog
    // first names them.
    let mut themes: Vec<&str> = Vec::new();
    for i in &plan.indicators {
        if !themes.contains(&i.category.as_str()) {
            themes.push(&i.category);
        }
    }
    let theme = |i: &Indicator| themes.iter().position(|t| *t == i.category);
    match stage {
        Stage::MidTerm => order.sort_by_key(|i| i.attribute != Attribute::Binding),
        Stage::Final => order.sort_by_key(|i| (i.attribute != Attribute::Binding, theme(i))),
    }
    let mut summary = Summary {
        indicators: order.len(),
        binding: Counts::new(stage),
        expected: Counts::new(stage),
        all: Counts::new(stage),
    };
    // Each indicator judged on the rayon pool (the history's data-validity
    // findings are shared, each made once), in order.
    let indicators: Vec<IndicatorStatus> = order
        .into_par_iter()
        .map(|ind| {
            let validity = judge::Validity::new(context);
            let facts: Vec<_> = history
                .values_through(plan, ind, period)
                .into_iter()
                .filter(|f| plan.in_period(f.period))
                .collect();
            let found = |y: i32| findings.get(&(ind.id.clone(), y));
            // The one judgement, as check's PL202, PL203 and PL205 judge.
            let series = judge::series(plan, ind, history, &validity, period, None);
            let mut evaluation = verdict::judge(&plan.reading(ind), &series, period);
            // Computed figures in the unit as a person writes them: at the
            // precision the plan's rule files state for the unit (the
            // verdict is judged before they are rounded for display).
            let precision = plan.plausibility(ind).precision;
            let computed = |v: f64| crate::model::plan::plausibility::round_to(v, precision);
            evaluation.average = evaluation.average.map(computed);
            evaluation.expected = evaluation.expected.map(computed);
            let by_year = (series.iter())
                .map(|s| {
                    let y = s.year;
                    let fact = facts.iter().find(|f| f.period == y);
                    let found = found(y);
                    // A suppression decision excepts the figure; it is judged all the same.
                    let decision = found.and_then(|f| f.decision.clone()).or_else(|| {
                        (suppressions.iter())
                            .find(|d| d.period == y && d.target.as_deref() == Some(ind.id.as_str()))
                            .map(|d| d.id.clone())
                    });
                    YearValue {
                        year: y,
                        value: fact.map(|f| f.value),
                        file: fact.map(|f| f.path().to_string()),
                        path: path_value(ind, &pp, y).map(computed),
                        requirement: s.requirement,
                        met: evaluation.met_in(y),
                        in_error: s.in_error,
                        decision,
                        findings: found.map(|f| f.codes.clone()).unwrap_or_default(),
                        note: fact
                            .and_then(|_| history.note(plan, ind, y))
                            .map(str::to_string),
                        confirmed: found.and_then(|f| f.confirmed.clone()),
                    }
                })
                .collect::<Vec<YearValue>>();
            IndicatorStatus {
                id: ind.id.clone(),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                category: ind.category.clone(),
                attribute: ind.attribute,
                kind: ind.kind,
                direction: ind.direction,
                comparison: ind.comparison,
                target_is: ind.target_is,
                department: ind.department.clone(),
                department_name: plan
                    .department(&ind.department)
                    .map_or_else(|| ind.department.clone(), |d| d.name.clone()),
                baseline: ind.baseline,
                baseline_text: ind.baseline_text.clone(),
                baseline_kind: ind.baseline_kind,
                baseline_year: pp.baseline_year,
                target: ind.target,
                target_text: ind.target_text.clone(),
                target_year: ind.target_year,
                range: ind.range,
                values: by_year,
                evaluation,
            }
        })
        .collect();
    for i in &indicators {
        summary.all.add(i.evaluation.category);
        match i.attribute {
            Attribute::Binding => summary.binding.add(i.evaluation.category),
            Attribute::Expected => summary.expected.add(i.evaluation.category),
        }
    }

    // Projects: each one's latest status up to the period.
    let mut all = ProjectCounts::default();
    let mut columns: BTreeMap<(u32, String), ProjectCounts> = BTreeMap::new();
    let mut depts: BTreeMap<String, ProjectCounts> = BTreeMap::new();
    let share = year_share(period, &pp);
    // Each project's row looked up on the rayon pool; counted in catalog
    // order (the investment sums add in the same order as before).
    let ours_listed: Vec<&crate::model::plan::Project> = (plan.projects.iter())
        .filter(|p| ours(&p.department))
        .collect();
    let list: Vec<ProjectRow> = ours_listed
        .par_iter()
        .map(|p| {
            let facts = history.previous_project(plan, p, period.saturating_add(1));
            let status = facts.and_then(|f| f.status).map(|f| f.value);
            let progress = facts.and_then(|f| f.progress).map(|f| f.value);
            let open = matches!(
                status,
                Some(
                    ProjectStatus::Planned
                        | ProjectStatus::Preparing
                        | ProjectStatus::UnderConstruction
                )
            );
            ProjectRow {
                id: p.id.clone(),
                name: p.name.clone(),
                column: p.column.clone(),
                column_ordinal: p.column_ordinal,
                column_title: column_title(p),
                department: p.department.clone(),
                department_name: plan
                    .department(&p.department)
                    .map_or_else(|| p.department.clone(), |d| d.name.clone()),
                status,
                year: facts.map(|f| f.period),
                progress,
                planned_total: facts.and_then(|f| f.planned_total).map(|f| f.value),
                completed_to_date: facts.and_then(|f| f.completed_to_date).map(|f| f.value),
                investment_unreported: facts.is_some_and(|f| {
                    let before = history.previous_project(plan, p, f.period);
                    let gone = |now: bool, then: bool| !now && then;
                    before.is_some_and(|b| {
                        gone(f.planned_total.is_some(), b.planned_total.is_some())
                            || gone(f.completed_to_date.is_some(), b.completed_to_date.is_some())
                    })
                }),
                lagging: open && progress.is_some_and(|x| numeric::exceeds(share - x, 0.0)),
            }
        })
        .collect();
    for (p, row) in ours_listed.iter().zip(&list) {
        all.add_row(row);
        columns
            .entry((p.column_ordinal, p.column.clone()))
            .or_default()
            .add_row(row);
        depts.entry(p.department.clone()).or_default().add_row(row);
    }
    all.finish();
    let by_column = columns
        .into_iter()
        .map(|((ordinal, column), mut counts)| {
            counts.finish();
            ColumnProjects {
                column_title: (plan.projects.iter())
                    .find(|p| p.column_ordinal == ordinal)
                    .map(column_title)
                    .unwrap_or_default(),
                column,
                column_ordinal: ordinal,
                counts,
            }
        })
        .collect();
    // Departments in registry order.
    let by_department: Vec<DepartmentProjects> = plan
        .departments
        .iter()
        .filter_map(|d| {
            let mut counts = depts.remove(&d.code)?;
            counts.finish();
            Some(DepartmentProjects {
                department: d.code.clone(),
                name: d.name.clone(),
                counts,
            })
        })
        .collect();

    // Reports still missing: every department responsible for something reports every year.
    let responsible: Vec<_> = plan
        .departments
        .iter()
        .filter(|d| ours(&d.code))
        .filter(|d| {
            let (indicators, projects) = plan.responsibilities_of(&d.code);
            !indicators.is_empty() || !projects.is_empty()
        })
        .collect();
    // A decision is a department's when it is about its report or one of its targets.
    let ids: Vec<&str> = (indicators.iter().map(|i| i.id.as_str()))
        .chain(list.iter().map(|p| p.id.as_str()))
        .collect();
    let decision_of_ours = |d: &crate::load::decisions::Decision| {
        department.is_none()
            || d.department.as_deref().is_some_and(ours)
            || d.target.as_deref().is_some_and(|t| ids.contains(&t))
            || d.entries.iter().any(|e| ids.contains(&e.target.as_str()))
    };
    let not_reported = |code: &str| -> Vec<i32> {
        (years.iter().copied())
            .filter(|&y| !history.reported(plan, code, y))
            .collect()
    };
    let missing = responsible
        .iter()
        .filter_map(|d| {
            let periods = not_reported(&d.code);
            (!periods.is_empty()).then(|| Missing {
                department: d.code.clone(),
                name: d.name.clone(),
                periods,
            })
        })
        .collect();
    // Each department's indicators counted in one pass, and its projects'
    // counts found by code (scans per department were quadratic: 2,000
    // departments of the synthetic plan took most of `status`).
    let mut by_dept: HashMap<&str, (Counts, usize)> = HashMap::new();
    for i in &indicators {
        let (counts, n) =
            (by_dept.entry(i.department.as_str())).or_insert_with(|| (Counts::new(stage), 0));
        counts.add(i.evaluation.category);
        *n += 1;
    }
    let projects_of: HashMap<&str, &ProjectCounts> = (by_department.iter())
        .map(|p| (p.department.as_str(), &p.counts))
        .collect();
    let departments = responsible
        .iter()
        .map(|d| {
            let (counts, n) =
                (by_dept.remove(d.code.as_str())).unwrap_or_else(|| (Counts::new(stage), 0));
            DepartmentSummary {
                department: d.code.clone(),
                name: d.name.clone(),
                indicators: n,
                counts,
                projects: (projects_of.get(d.code.as_str()))
                    .map(|&c| c.clone())
                    .unwrap_or_default(),
                missing: not_reported(&d.code),
            }
        })
        .collect();

    let decisions: Vec<DecisionInForce> = (register.decisions.iter())
        .filter(|d| d.plan == plan.id() && d.period <= period)
        .filter(|d| decision_of_ours(d))
        .map(|d| DecisionInForce {
            id: d.id.clone(),
            kind: d.kind.as_str(),
            department: d.department.clone(),
            period: d.period,
            rule: d.rule.clone(),
            targets: match d.kind {
                DecisionKind::Revision => d.entries.iter().map(|e| e.target.clone()).collect(),
                _ => d.target.iter().cloned().collect(),
            },
            value: d.value,
            reason: d.reason.clone(),
            source: d.document.clone(),
            approved_by: d.approved_by.clone(),
            date: d.date.clone(),
            file: d.source.path.clone(),
        })
        .collect();

    let confirmations: Vec<Confirmation> = (indicators.iter())
        .flat_map(|i| {
            (i.values.iter())
                .filter(|y| y.year == period)
                .filter_map(move |y| {
                    Some(Confirmation {
                        id: i.id.clone(),
                        name: i.name.clone(),
                        unit: i.unit.clone(),
                        year: y.year,
                        value: y.value?,
                        reason: y.confirmed.clone()?,
                        file: y.file.clone(),
                    })
                })
        })
        .collect();
    Status {
        version: 1,
        tool: Tool {
            name: "plan-lint",
            version: env!("CARGO_PKG_VERSION"),
        },
        plan: PlanInfo {
            id: plan.id().to_string(),
            name: plan.header.name.clone(),
            sha256: plan.sha256.clone(),
            period: pp,
        },
        period,
        stage,
        data_root,
        reports: Reports {
            files,
            unreadable,
            departments: responsible.len(),
            missing,
        },
        summary,
        indicators,
        projects: Projects {
            all,
            by_column,
            by_department,
            list,
        },
        departments,
        department: department.map(|d| DepartmentRef {
            code: d.code,
            name: d.name,
        }),
        decisions,
        confirmations,
    }
}

//! `plan-lint status`: the headings, labels and sentences of the Markdown
//! and HTML forms. The evaluation categories (提前实现 …) are the plan
//! evaluations' own terms and read the same in both languages; figures come
//! formatted (`73.7%`, `97.5%`), years as numbers.

use super::{list, project::status_zh, Lang};
use crate::model::plan::ProjectStatus;
use Lang::{En, Zh};

/// The sheets of `status --format xlsx` (and the tables of `--format csv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    Indicators,
    Projects,
    Departments,
    Missing,
    Decisions,
}

/// A column heading of the exported tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    Plan,
    Id,
    Indicator,
    Unit,
    Theme,
    Attribute,
    Baseline,
    Target,
    TargetYear,
    Category,
    Basis,
    Department,
    DepartmentCode,
    Note,
    Project,
    Column,
    ColumnTitle,
    Status,
    Year,
    Progress,
    PlannedTotal,
    CompletedToDate,
    Lagging,
    Indicators,
    Projects,
    NotReported,
    MissingYears,
    Decision,
    Kind,
    Rule,
    Targets,
    Value,
    Reason,
    Source,
    ApprovedBy,
    Date,
    File,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StatusText {
    /// A sheet's name (at most 31 characters, as Excel allows).
    SheetName(Sheet),
    /// A column heading of an exported table.
    Heading(Header),
    /// An indicator's attribute in a table cell.
    AttributeName(crate::model::plan::Attribute),
    /// "yes" in a table cell (a lagging project).
    Yes,
    /// `--format xlsx` without `-o FILE`: a workbook is not text.
    XlsxNeedsOutput,
    /// `--department` named another office's alias: who reports under it.
    ReportedBy {
        alias: String,
        name: String,
        code: String,
    },
    /// Reports of several plans are under the data root and a format that
    /// holds one plan shows the latest: the others and how to show them.
    OtherPlans {
        shown: String,
        period: i32,
        /// Each other plan's id and the latest year of it reported.
        others: Vec<(String, i32)>,
    },
    /// `--department` names no department of the plan's registry.
    UnknownDepartment {
        given: String,
        suggestion: Option<String>,
    },
    /// Under the title of one department's part.
    DepartmentPart {
        name: String,
        code: String,
    },
    /// The projects to look at: suspended, cancelled, lagging.
    AttentionHeading,
    AttentionSentence {
        listed: usize,
        suspended: usize,
        cancelled: usize,
        lagging: usize,
        /// The share of the plan years elapsed, in percent (a figure).
        share: String,
        period: i32,
    },
    /// After a project's status when it lags: `lagging` is the word.
    LaggingMark {
        lagging: String,
    },
    /// A group's investment, completed of planned.
    Investment {
        completed: String,
        planned: String,
    },
    /// Under a chart whose y axis does not start at zero.
    AxisFrom {
        figure: String,
    },
    /// The heading of the list of indicators without a figure.
    NoDataList {
        count: usize,
    },
    /// Before the years a department wrote a note on.
    Notes,
    /// The filter: its name, its two groups, "all" in each.
    Filter,
    FilterCategory,
    FilterDepartment,
    FilterAll,
    FilterAllDepartments,
    /// The heading of the departments' parts, and its table header.
    DepartmentsSection,
    DepartmentsHeader,
    /// A year's figure that a suppression decision excepts.
    Excepted {
        id: String,
    },
    /// A figure its department confirmed (PL211, `confirmed` on the entry).
    Confirmed,
    /// The section listing the year's confirmed figures.
    ConfirmationsHeading {
        year: i32,
    },
    ConfirmationsHeader,
    DecisionsHeading,
    DecisionsNone,
    /// The table header of the decisions in force.
    DecisionsHeader,
    /// What a decision does, in one cell: `kind` is suppression, revision or requirement.
    DecisionWhat {
        kind: &'static str,
        rule: Option<String>,
        targets: Vec<String>,
        value: Option<String>,
        source: Option<String>,
    },
    /// What 基本符合预期 means for the band in force: `points` the band in
    /// percent without the sign, `band` as configured.
    Band {
        points: String,
        band: String,
    },
    // Why an indicator has its category.
    NoValueUpTo {
        period: i32,
    },
    NoRequirement,
    MissedRequirement {
        years: Vec<String>,
    },
    MetRequirement {
        years: Vec<String>,
    },
    BrokeBound {
        sign: &'static str,
        target: String,
        years: Vec<String>,
    },
    KeptBound {
        sign: &'static str,
        target: String,
        years: Vec<String>,
    },
    RateAchieved {
        first: i32,
        year: i32,
        average: String,
        target: String,
        target_year: i32,
    },
    RateAverage {
        first: i32,
        year: i32,
        average: String,
        count: usize,
        target: String,
        /// Plan years with no rate, left out of the average.
        gaps: Vec<String>,
    },
    /// A target to reach without a baseline, not reached before its year.
    NotYetTarget {
        value: String,
        year: i32,
        target_text: String,
        target_year: i32,
    },
    /// A target to reach, missed in or after its year.
    MissedTarget {
        value: String,
        year: i32,
        target_text: String,
        target_year: i32,
    },
    /// Years whose value `check` reports an error in, with the codes.
    Flagged {
        years: Vec<String>,
    },
    /// The latest figure is in error (数据有误): not judged.
    InError {
        value: String,
        year: i32,
        codes: String,
    },
    /// A finding of the verdict on the latest figure that the category does
    /// not say: a binding indicator that met its target but fell (PL201).
    FellFrom {
        previous: String,
        previous_year: i32,
        year: i32,
        code: String,
    },
    /// Other findings of `check` on a figure, by year ("2023 (PL206)").
    CheckFound {
        years: Vec<String>,
    },
    MeetsTarget {
        value: String,
        year: i32,
        target_text: String,
    },
    OnPath {
        value: String,
        year: i32,
        path: String,
        progress: String,
        time: String,
    },
    ProRata {
        value: String,
        year: i32,
        progress: String,
        time: String,
        target_year: i32,
    },
    /// The final evaluation: the plan's final year has no figure to judge.
    NoFinalValue {
        end: i32,
        value: String,
        year: i32,
    },
    /// The final evaluation: a target due after the plan's end, not reached yet.
    NotDue {
        value: String,
        year: i32,
        target_text: String,
        target_year: i32,
    },
    /// The final evaluation's title (Markdown heading and page title).
    FinalTitle {
        start: i32,
        end: i32,
        name: String,
    },
    /// How the final evaluation judges, in place of the band sentence.
    FinalRule {
        end: i32,
    },
    /// A year's requirement after its value, in a table cell (short) or on a card.
    RequirementShort {
        figure: String,
    },
    RequirementLong {
        figure: String,
    },
    /// A project status as a column heading.
    ProjectStatus(ProjectStatus),
    // Headings and labels.
    Title {
        period: i32,
        name: String,
    },
    Intro {
        id: String,
        start: i32,
        end: i32,
        baseline_year: i32,
        files: usize,
        root: String,
        period: i32,
    },
    SummaryHeading,
    SummaryHeader,
    Total,
    BindingIndicators,
    ExpectedIndicators,
    IndicatorHeader {
        baseline_year: i32,
    },
    TargetStatusBasis,
    KeyProjects,
    ProjectsSentence {
        total: usize,
        columns: usize,
        reported: usize,
        period: i32,
        completed: usize,
        rate: String,
    },
    ByColumn,
    ByDepartment,
    ColumnColumns,
    DepartmentColumns,
    Projects,
    Reported,
    NotReported,
    /// A figure an earlier report gave and the latest leaves out (PL307).
    FigureUnreported,
    Completion,
    All,
    MissingHeading {
        start: i32,
        period: i32,
    },
    AllReported {
        departments: usize,
    },
    SomeMissing {
        missing: usize,
        departments: usize,
    },
    MissingHeader,
    Unreadable,
    // HTML only.
    BindingSection,
    ExpectedSection,
    KeyProjectsSection,
    PageTitle {
        period: i32,
        name: String,
    },
    AsOf {
        period: i32,
        id: String,
        start: i32,
        end: i32,
        baseline_year: i32,
        files: usize,
        root: String,
    },
    BindingCount {
        count: usize,
    },
    LegendReported,
    LegendBaseline,
    LegendPath,
    LegendTarget,
    LegendRequirement,
    ChartTarget {
        figure: String,
    },
    AriaTarget {
        figure: String,
        year: i32,
    },
    NoValueReportedYet,
    NoValueYet,
    NoBaseline,
    Baseline {
        text: String,
        /// What the figure is ([`StatusText::BaselineWhen`]).
        when: String,
    },
    /// What a baseline figure is, by the catalog's baseline kind.
    BaselineWhen {
        kind: crate::model::plan::BaselineKind,
        year: i32,
    },
    Target,
    CompletedBar {
        rate: String,
        completed: usize,
        of: usize,
        reported: usize,
    },
    CountsByColumn,
    CountsByDepartment,
    Footer {
        version: String,
        plan: String,
        sha: String,
    },
}

impl StatusText {
    pub fn text(&self, lang: Lang) -> String {
        use StatusText as S;
        match self {
            S::SheetName(sheet) => sheet_name(*sheet, lang).into(),
            S::Heading(h) => heading(*h, lang).into(),
            S::AttributeName(a) => match (lang, a) {
                (En, crate::model::plan::Attribute::Binding) => "binding".into(),
                (En, crate::model::plan::Attribute::Expected) => "expected".into(),
                (Zh, crate::model::plan::Attribute::Binding) => "约束性".into(),
                (Zh, crate::model::plan::Attribute::Expected) => "预期性".into(),
            },
            S::Yes => match lang {
                En => "yes".into(),
                Zh => "是".into(),
            },
            S::UnknownDepartment { given, suggestion } => {
                let hint = suggestion.as_deref().map(|c| match lang {
                    En => format!("; did you mean “{c}”?"),
                    Zh => format!("；是否应为“{c}”？"),
                });
                match lang {
                    En => format!(
                        "--department “{given}” is no department of the plan: give its code, name or alias (plan-lint plan lists them){}",
                        hint.unwrap_or_default()
                    ),
                    Zh => format!(
                        "--department “{given}”不是规划中的部门：请填写部门代码、名称或简称（见 plan-lint plan）{}",
                        hint.unwrap_or_default()
                    ),
                }
            }
            S::DepartmentPart { name, code } => match lang {
                En => format!("The part of {name} ({code}): its indicators, projects, reports and decisions."),
                Zh => format!("{name}（{code}）负责的部分：其指标、项目、报告和相关决定。"),
            },
            S::AttentionHeading => match lang {
                En => "Suspended, cancelled and lagging projects".into(),
                Zh => "停缓建、已取消和进度滞后的项目".into(),
            },
            S::AttentionSentence { listed, suspended, cancelled, lagging, share, period } => match lang {
                En => format!(
                    "{listed} projects: {suspended} suspended, {cancelled} cancelled, {lagging} lagging — still to finish with progress below {share}%, the share of the plan years elapsed by the end of {period}."
                ),
                Zh => format!(
                    "共 {listed} 个项目：停缓建 {suspended} 个，已取消 {cancelled} 个，进度滞后 {lagging} 个（尚未建成且进度低于 {share}%，即截至{period}年底规划期已过的比例）。"
                ),
            },
            S::LaggingMark { lagging } => match lang {
                En => format!(" ({lagging})"),
                Zh => format!("（{lagging}）"),
            },
            S::Investment { completed, planned } => match lang {
                En => format!("investment {completed} of {planned} planned"),
                Zh => format!("完成投资 {completed}，计划 {planned}"),
            },
            S::AxisFrom { figure } => match lang {
                En => format!("y axis from {figure}, not zero (broken at ≈)"),
                Zh => format!("纵轴从 {figure} 起，非零起点（≈ 处截断）"),
            },
            S::NoDataList { count } => match lang {
                En => format!("No figure reported yet ({count})"),
                Zh => format!("尚未填报数值的指标（{count} 项）"),
            },
            S::Notes => match lang {
                En => "Notes:".into(),
                Zh => "备注：".into(),
            },
            S::Filter => match lang {
                En => "Filter".into(),
                Zh => "筛选".into(),
            },
            S::FilterCategory => match lang {
                En => "Category".into(),
                Zh => "评价".into(),
            },
            S::FilterDepartment => match lang {
                En => "Department".into(),
                Zh => "部门".into(),
            },
            S::FilterAll => match lang {
                En => "all".into(),
                Zh => "全部".into(),
            },
            S::FilterAllDepartments => match lang {
                En => "all departments".into(),
                Zh => "全部部门".into(),
            },
            S::DepartmentsSection => match lang {
                En => "Departments".into(),
                Zh => "各部门情况".into(),
            },
            S::DepartmentsHeader => match lang {
                En => "| department | code | indicators |".into(),
                Zh => "| 部门 | 代码 | 指标数 |".into(),
            },
            S::XlsxNeedsOutput => match lang {
                En => "--format xlsx writes a workbook, which is not text: name the file with -o FILE (status --format xlsx -o evaluation.xlsx)".into(),
                Zh => "--format xlsx 生成的是工作簿文件而非文本：请用 -o FILE 指定文件（status --format xlsx -o evaluation.xlsx）".into(),
            },
            S::ReportedBy { alias, name, code } => match lang {
                En => format!("note: \"{alias}\" is reported by {name} ({code}): this is {name}'s part"),
                Zh => format!("注意：“{alias}”由{name}（{code}）报送：以下是{name}的部分"),
            },
            S::OtherPlans { shown, period, others } => {
                let others: Vec<String> = (others.iter())
                    .map(|(id, year)| match lang {
                        En => format!("--plan-id {id} (reported up to {year})"),
                        Zh => format!("--plan-id {id}（已报送至{year}年）"),
                    })
                    .collect();
                match lang {
                    En => format!(
                        "note: the reports under the data root belong to several plans; this is the status of {shown} in {period}, the latest; for another plan add {}",
                        others.join(" or ")
                    ),
                    Zh => format!(
                        "提示：数据目录中的报告属于多个规划；以上是最新规划 {shown} {period}年的情况；其他规划请加 {}",
                        others.join(" 或 ")
                    ),
                }
            }
            S::Band { points, band } => match lang {
                En => format!(
                    "基本符合预期 means within ±{points}% of the path: of the planned change (target − baseline) \
                     of a path, of the target of a total built from 0, of the target rate of an annual rate; \
                     further behind is 滞后预期 and PL203 in `check` (the plan's PL203 `margin`, {band})."
                ),
                Zh => format!(
                    "基本符合预期：与计划进度相差不超过路径的 ±{points}%（按路径评估：目标值与基期值之差；\
                     按比例评估：目标值；年均增速：目标增速）；落后更多即为滞后预期，`check` 报 PL203\
                     （规划 PL203 规则的 `margin`，{band}）。"
                ),
            },
            S::NoValueUpTo { period } => match lang {
                En => format!("no value reported up to {period}"),
                Zh => format!("截至{period}年尚未填报数值"),
            },
            S::NoRequirement => match lang {
                En => "no requirement recorded in the register for the years reported: not judged, not missed".into(),
                Zh => "决定登记簿未登记所填报年份的要求：不予评价，不计为未完成".into(),
            },
            S::MissedRequirement { years } => match lang {
                En => {
                    format!("missed the year's requirement in {}", years.join(", "))
                }
                Zh => {
                    format!("{}年未达到当年要求", list(lang, years))
                }
            },
            S::MetRequirement { years } => match lang {
                En => {
                    format!("met the year's requirement in {}", years.join(", "))
                }
                Zh => format!("{}年达到当年要求", list(lang, years)),
            },
            S::BrokeBound { sign, target, years } => match lang {
                En => {
                    format!("broke the bound {sign} {target} in {}", years.join(", "))
                }
                Zh => {
                    format!("{}年突破了 {sign} {target} 的界限", list(lang, years))
                }
            },
            S::KeptBound { sign, target, years } => match lang {
                En => format!(
                    "kept the bound {sign} {target} in every year reported ({})",
                    years.join(", ")
                ),
                Zh => format!(
                    "已填报的各年（{}）均守住 {sign} {target} 的界限",
                    list(lang, years)
                ),
            },
            S::RateAchieved { first, year, average, target, target_year } => match lang {
                En => format!(
                    "growth over {first}–{year} (average {average} a year) already gives what {target} a year until {target_year} asks"
                ),
                Zh => format!(
                    "{first}—{year}年的增长（年均 {average}）已达到年均 {target}、至{target_year}年的要求"
                ),
            },
            S::RateAverage { first, year, average, count, target, gaps } => match lang {
                En => format!(
                    "average {average} a year over {first}–{year} ({count} years reported{}) against {target} a year",
                    if gaps.is_empty() { String::new() } else { format!("; no rate counted for {}", gaps.join(", ")) }
                ),
                Zh => format!(
                    "{first}—{year}年年均 {average}（已填报 {count} 年{}），目标为年均 {target}",
                    if gaps.is_empty() { String::new() } else { format!("，{}年无可计入的数值", list(lang, gaps)) }
                ),
            },
            S::NotYetTarget { value, year, target_text, target_year } => match lang {
                En => format!(
                    "{value} in {year}, not yet the target {target_text} due in {target_year}; the plan gives no baseline to judge the pace by"
                ),
                Zh => format!(
                    "{year}年为 {value}，尚未达到{target_year}年的目标值 {target_text}；规划未给出基期值，无法判断进度"
                ),
            },
            S::MissedTarget { value, year, target_text, target_year } => match lang {
                En => format!("{value} in {year} misses the target {target_text} due in {target_year}"),
                Zh => format!("{year}年为 {value}，未达到{target_year}年的目标值 {target_text}"),
            },
            S::Flagged { years } => match lang {
                En => format!(
                    "; the figure of {} is in error: not counted",
                    years.join(", ")
                ),
                Zh => format!("；{}的数值有误，不计入评价", years.join("、")),
            },
            S::InError { value, year, codes } => match lang {
                En => format!(
                    "the figure of {year}, {value}, is in error ({codes}): not judged until the department corrects it"
                ),
                Zh => format!("{year}年的数值 {value} 有误（{codes}），部门更正前不予评价"),
            },
            S::FellFrom { previous, previous_year, year, code } => match lang {
                En => format!("; fell from {previous} in {previous_year} — {code} in {year}"),
                Zh => format!("；较{previous_year}年的 {previous} 有所下降——{year}年 {code}"),
            },
            S::CheckFound { years } => match lang {
                En => format!("; check reports {}", years.join(", ")),
                Zh => format!("；检查报告{}", years.join("、")),
            },
            S::MeetsTarget { value, year, target_text } => match lang {
                En => {
                    format!("{value} in {year} meets the target {target_text}")
                }
                Zh => {
                    format!("{year}年为 {value}，已达到目标值 {target_text}")
                }
            },
            S::OnPath { value, year, path, progress, time } => match lang {
                En => format!(
                    "{value} in {year}, path {path}: {progress} of the way from baseline to target after {time} of the time"
                ),
                Zh => format!(
                    "{year}年为 {value}，路径值 {path}：时间已过 {time}，从基期值到目标值已完成 {progress}"
                ),
            },
            S::ProRata { value, year, progress, time, target_year } => match lang {
                En => format!(
                    "{value} in {year}: {progress} of the target after {time} of the plan years to {target_year}"
                ),
                Zh => format!(
                    "{year}年为 {value}：至{target_year}年的规划年份已过 {time}，目标已完成 {progress}"
                ),
            },
            S::NoFinalValue { end, value, year } => match lang {
                En => format!("no value for {end}, the plan's final year (the latest: {value} in {year})"),
                Zh => format!("规划期末{end}年未填报数值（最近一次：{year}年为 {value}）"),
            },
            S::NotDue { value, year, target_text, target_year } => match lang {
                En => format!(
                    "{value} in {year}; the target {target_text} is due in {target_year}, after the plan period: not judged yet"
                ),
                Zh => format!(
                    "{year}年为 {value}；目标值 {target_text} 的目标年份为{target_year}年，在规划期之后，暂不评价"
                ),
            },
            S::FinalTitle { start, end, name } => match lang {
                En => format!("Final evaluation {start}–{end}: {name}"),
                Zh => format!("规划实施总结评估（{start}—{end}年）：{name}"),
            },
            S::FinalRule { end } => match lang {
                En => format!(
                    "{end} is the plan's final year: each target is 已完成 (met) or 未完成 (missed), judged as `plan-lint check` judges it \
                     (a bound kept in every year, a target reached in its year, a 年均 rate on its compound average over the plan years, \
                     each year's requirement met); a value with an error finding is never met; 暂无数据 where {end} has no figure to judge."
                ),
                Zh => format!(
                    "{end}年为规划期末：每项目标评为已完成或未完成，与 `plan-lint check` 的判断一致\
                     （约束界限每年守住、目标值在目标年份达到、年均增速按规划各年的复合平均、每年达到当年要求）；\
                     检查发现错误的数值不计为达标；{end}年无数值可评价的为暂无数据。"
                ),
            },
            S::RequirementShort { figure } => match lang {
                En => format!(" (req. {figure})"),
                Zh => format!("（要求 {figure}）"),
            },
            S::RequirementLong { figure } => match lang {
                En => format!(" (requirement {figure})"),
                Zh => format!("（要求 {figure}）"),
            },
            S::ProjectStatus(s) => match lang {
                En => match s {
                    ProjectStatus::Planned => "planned",
                    ProjectStatus::Preparing => "preparing",
                    ProjectStatus::UnderConstruction => "under construction",
                    ProjectStatus::Completed => "completed",
                    ProjectStatus::Suspended => "suspended",
                    ProjectStatus::Cancelled => "cancelled",
                }
                .into(),
                Zh => status_zh(*s).into(),
            },
            S::Title { period, name } => match lang {
                En => format!("Plan status {period}: {name}"),
                Zh => format!("规划实施情况{period}年：{name}"),
            },
            S::Intro { id, start, end, baseline_year, files, root, period } => match lang {
                En => format!(
                    "Plan `{id}` ({start}–{end}, baseline {baseline_year}); {files} reports under `{root}` up to {period}."
                ),
                Zh => format!(
                    "规划 `{id}`（{start}—{end}年，基期{baseline_year}年）；截至{period}年，`{root}` 下共 {files} 份报告。"
                ),
            },
            S::SummaryHeading => match lang {
                En => "Summary".into(),
                Zh => "概况".into(),
            },
            S::SummaryHeader => match lang {
                En => "| category | binding 约束性 | expected 预期性 | all |".into(),
                Zh => "| 评价类别 | 约束性 | 预期性 | 合计 |".into(),
            },
            S::Total => match lang {
                En => "total".into(),
                Zh => "合计".into(),
            },
            S::BindingIndicators => match lang {
                En => "Binding indicators (约束性)".into(),
                Zh => "约束性指标".into(),
            },
            S::ExpectedIndicators => match lang {
                En => "Expected indicators (预期性)".into(),
                Zh => "预期性指标".into(),
            },
            S::IndicatorHeader { baseline_year } => match lang {
                En => {
                    format!("| id | indicator | baseline {baseline_year}")
                }
                Zh => {
                    format!("| 编号 | 指标 | 基期值 {baseline_year}")
                }
            },
            S::TargetStatusBasis => match lang {
                En => " | target | status | basis |".into(),
                Zh => " | 目标值 | 评价 | 依据 |".into(),
            },
            S::KeyProjects => match lang {
                En => "Key projects".into(),
                Zh => "重点项目".into(),
            },
            S::ProjectsSentence { total, columns, reported, period, completed, rate } => match lang {
                En => format!(
                    "{total} projects in {columns} 专栏 columns; {reported} reported up to {period}; {completed} completed ({rate} of those not cancelled)."
                ),
                Zh => format!(
                    "{total} 个项目，分属 {columns} 个专栏；截至{period}年已填报 {reported} 个；已建成 {completed} 个（占未取消项目的 {rate}）。"
                ),
            },
            S::ByColumn => match lang {
                En => "By 专栏 column".into(),
                Zh => "按专栏".into(),
            },
            S::ByDepartment => match lang {
                En => "By department".into(),
                Zh => "按部门".into(),
            },
            S::ColumnColumns => match lang {
                En => "# | column".into(),
                Zh => "# | 专栏".into(),
            },
            S::DepartmentColumns => match lang {
                En => "department | code".into(),
                Zh => "部门 | 代码".into(),
            },
            S::Projects => match lang {
                En => "projects".into(),
                Zh => "项目数".into(),
            },
            S::Reported => match lang {
                En => "reported".into(),
                Zh => "已填报".into(),
            },
            S::NotReported => match lang {
                En => "not reported".into(),
                Zh => "未填报".into(),
            },
            S::FigureUnreported => match lang {
                En => "unreported".into(),
                Zh => "未报".into(),
            },
            S::Completion => match lang {
                En => "completion".into(),
                Zh => "完成率".into(),
            },
            S::All => match lang {
                En => "all".into(),
                Zh => "合计".into(),
            },
            S::MissingHeading { start, period } => match lang {
                En => {
                    format!("Reports not received ({start}–{period})")
                }
                Zh => {
                    format!("未报送的报告（{start}—{period}年）")
                }
            },
            S::AllReported { departments } => match lang {
                En => format!(
                    "Every one of the {departments} responsible departments has reported every year."
                ),
                Zh => {
                    format!("{departments} 个责任部门每年都已报送。")
                }
            },
            S::SomeMissing { missing, departments } => match lang {
                En => format!(
                    "{missing} of the {departments} departments responsible for an indicator or a project have years without a report."
                ),
                Zh => format!(
                    "在负责指标或项目的 {departments} 个部门中，有 {missing} 个部门存在未报送的年度。"
                ),
            },
            S::Excepted { id } => match lang {
                En => format!(" (excepted: {id})"),
                Zh => format!("（经批准 {id}）"),
            },
            S::Confirmed => match lang {
                En => " (confirmed)".into(),
                Zh => "（已核实）".into(),
            },
            S::ConfirmationsHeading { year } => match lang {
                En => format!("Figures of {year} the departments confirmed"),
                Zh => format!("{year}年各部门已核实的异常数值"),
            },
            S::ConfirmationsHeader => match lang {
                En => "| indicator | figure | the department's reason | report |".into(),
                Zh => "| 指标 | 数值 | 部门说明的理由 | 报告 |".into(),
            },
            S::DecisionsHeading => match lang {
                En => "Decisions of the plan office in force".into(),
                Zh => "生效的规划主管部门决定".into(),
            },
            S::DecisionsNone => match lang {
                En => "No decision of the plan office is in force: no exception, revision or requirement is recorded in the register (decisions/).".into(),
                Zh => "没有生效的规划主管部门决定：决定登记簿（decisions/）中没有登记任何豁免、修订或要求。".into(),
            },
            S::DecisionsHeader => match lang {
                En => "| decision | for the report of | what | reason | approved by | date |".into(),
                Zh => "| 决定 | 所涉报告 | 内容 | 理由 | 批准单位 | 日期 |".into(),
            },
            S::DecisionWhat { kind, rule, targets, value, source } => {
                let targets = targets.join(", ");
                let value = value.clone().unwrap_or_default();
                let rule = rule.clone().unwrap_or_default();
                let source = source.clone().unwrap_or_default();
                match (lang, *kind) {
                    (En, "suppression") => format!("excepts {rule} on {targets} at {value}"),
                    (En, "revision") => format!("allows the accepted report to change: {targets}"),
                    (En, _) => format!("requires {value} of {targets} ({source})"),
                    (Zh, "suppression") => format!("豁免 {targets} 的 {rule}（数值 {value}）"),
                    (Zh, "revision") => format!("允许修改已接受的报告：{targets}"),
                    (Zh, _) => format!("{targets} 要求为 {value}（{source}）"),
                }
            }
            S::MissingHeader => match lang {
                En => "| department | code | years not reported |".into(),
                Zh => "| 部门 | 代码 | 未报送年度 |".into(),
            },
            S::Unreadable => match lang {
                En => {
                    "Files that could not be read as reports (`plan-lint check` says why):".into()
                }
                Zh => "无法作为报告读取的文件（原因见 `plan-lint check`）：".into(),
            },
            S::BindingSection => match lang {
                En => "Binding indicators 约束性指标".into(),
                Zh => "约束性指标".into(),
            },
            S::ExpectedSection => match lang {
                En => "Expected indicators 预期性指标".into(),
                Zh => "预期性指标".into(),
            },
            S::KeyProjectsSection => match lang {
                En => "Key projects 重点项目".into(),
                Zh => "重点项目".into(),
            },
            S::PageTitle { period, name } => match lang {
                En => format!("Plan status {period} — {name}"),
                Zh => format!("规划实施情况{period}年 — {name}"),
            },
            S::AsOf { period, id, start, end, baseline_year, files, root } => match lang {
                En => format!(
                    "Status as of <b>{period}</b> · plan <code>{id}</code> {start}–{end} (baseline {baseline_year}) · {files} reports under <code>{root}</code>"
                ),
                Zh => format!(
                    "截至<b>{period}</b>年 · 规划 <code>{id}</code> {start}—{end}年（基期{baseline_year}年） · <code>{root}</code> 下共 {files} 份报告"
                ),
            },
            S::BindingCount { count } => match lang {
                En => format!("{count} binding"),
                Zh => format!("约束性 {count}"),
            },
            S::LegendReported => match lang {
                En => "reported".into(),
                Zh => "填报值".into(),
            },
            S::LegendBaseline => match lang {
                En => "baseline".into(),
                Zh => "基期值".into(),
            },
            S::LegendPath => match lang {
                En => "path to the target".into(),
                Zh => "目标路径".into(),
            },
            S::LegendTarget => match lang {
                En => "target".into(),
                Zh => "目标值".into(),
            },
            S::LegendRequirement => match lang {
                En => "year's requirement".into(),
                Zh => "年度要求".into(),
            },
            S::ChartTarget { figure } => match lang {
                En => format!("target {figure}"),
                Zh => format!("目标 {figure}"),
            },
            S::AriaTarget { figure, year } => match lang {
                En => format!("; target {figure} in {year}"),
                Zh => format!("；目标值 {figure}（{year}年）"),
            },
            S::NoValueReportedYet => match lang {
                En => "no value reported yet".into(),
                Zh => "尚未填报数值".into(),
            },
            S::NoValueYet => match lang {
                En => "no value yet".into(),
                Zh => "尚无数值".into(),
            },
            S::NoBaseline => match lang {
                En => " · no baseline".into(),
                Zh => " · 无基期值".into(),
            },
            S::Baseline { text, when } => match lang {
                En => format!(" · baseline {text} ({when})"),
                Zh => format!(" · 基期值 {text}（{when}）"),
            },
            S::BaselineWhen { kind, year } => {
                use crate::model::plan::BaselineKind as K;
                let first = year - 4;
                match (lang, kind) {
                    (En, K::PeriodAverage) => format!("{first}–{year} average"),
                    (En, K::PeriodTotal) => format!("{first}–{year} total"),
                    (En, K::Cap) => format!("{first}–{year} cap"),
                    (En, K::Level | K::None) => year.to_string(),
                    (Zh, K::PeriodAverage) => format!("{first}—{year}年年均"),
                    (Zh, K::PeriodTotal) => format!("{first}—{year}年累计"),
                    (Zh, K::Cap) => format!("{first}—{year}年控制目标"),
                    (Zh, K::Level | K::None) => format!("{year}年"),
                }
            }
            S::Target => match lang {
                En => "target".into(),
                Zh => "目标值".into(),
            },
            S::CompletedBar { rate, completed, of, reported } => match lang {
                En => format!(
                    "<b>{rate}</b> completed <small>{completed}/{of} · {reported} reported</small>"
                ),
                Zh => format!(
                    "已建成 <b>{rate}</b> <small>{completed}/{of} · 已填报 {reported}</small>"
                ),
            },
            S::CountsByColumn => match lang {
                En => "Counts by status, by column".into(),
                Zh => "各状态项目数（按专栏）".into(),
            },
            S::CountsByDepartment => match lang {
                En => "Counts by status, by department".into(),
                Zh => "各状态项目数（按部门）".into(),
            },
            S::Footer { version, plan, sha } => match lang {
                En => {
                    format!("Generated by plan-lint {version} from plan {plan} (sha256 {sha}).")
                }
                Zh => {
                    format!("由 plan-lint {version} 根据规划 {plan} 生成（sha256 {sha}）。")
                }
            },
        }
    }
}

fn sheet_name(sheet: Sheet, lang: Lang) -> &'static str {
    match (lang, sheet) {
        (En, Sheet::Indicators) => "indicators",
        (En, Sheet::Projects) => "projects",
        (En, Sheet::Departments) => "departments",
        (En, Sheet::Missing) => "missing reports",
        (En, Sheet::Decisions) => "decisions in force",
        (Zh, Sheet::Indicators) => "指标",
        (Zh, Sheet::Projects) => "重点项目",
        (Zh, Sheet::Departments) => "部门",
        (Zh, Sheet::Missing) => "未报送的报告",
        (Zh, Sheet::Decisions) => "生效的决定",
    }
}

fn heading(h: Header, lang: Lang) -> &'static str {
    use Header as H;
    match lang {
        En => match h {
            H::Plan => "plan",
            H::Id => "id",
            H::Indicator => "indicator",
            H::Unit => "unit",
            H::Theme => "类别",
            H::Attribute => "attribute",
            H::Baseline => "baseline",
            H::Target => "target",
            H::TargetYear => "target year",
            H::Category => "category",
            H::Basis => "basis",
            H::Department => "department",
            H::DepartmentCode => "department code",
            H::Note => "note",
            H::Project => "project",
            H::Column => "专栏",
            H::ColumnTitle => "专栏 title",
            H::Status => "status",
            H::Year => "year",
            H::Progress => "progress (%)",
            H::PlannedTotal => "investment planned",
            H::CompletedToDate => "investment completed",
            H::Lagging => "lagging",
            H::Indicators => "indicators",
            H::Projects => "projects",
            H::NotReported => "not reported",
            H::MissingYears => "years not reported",
            H::Decision => "decision",
            H::Kind => "kind",
            H::Rule => "rule",
            H::Targets => "targets",
            H::Value => "value",
            H::Reason => "reason",
            H::Source => "source",
            H::ApprovedBy => "approved by",
            H::Date => "date",
            H::File => "file",
        },
        Zh => match h {
            H::Plan => "规划",
            H::Id => "编号",
            H::Indicator => "指标",
            H::Unit => "单位",
            H::Theme => "类别",
            H::Attribute => "属性",
            H::Baseline => "基期值",
            H::Target => "目标值",
            H::TargetYear => "目标年份",
            H::Category => "评价",
            H::Basis => "依据",
            H::Department => "责任部门",
            H::DepartmentCode => "部门代码",
            H::Note => "备注",
            H::Project => "项目",
            H::Column => "专栏",
            H::ColumnTitle => "专栏名称",
            H::Status => "状态",
            H::Year => "年度",
            H::Progress => "进度（%）",
            H::PlannedTotal => "计划总投资",
            H::CompletedToDate => "累计完成投资",
            H::Lagging => "滞后",
            H::Indicators => "指标数",
            H::Projects => "项目数",
            H::NotReported => "未填报",
            H::MissingYears => "未报送年度",
            H::Decision => "决定",
            H::Kind => "类型",
            H::Rule => "规则",
            H::Targets => "对象",
            H::Value => "数值",
            H::Reason => "理由",
            H::Source => "依据文件",
            H::ApprovedBy => "批准单位",
            H::Date => "日期",
            H::File => "登记文件",
        },
    }
}

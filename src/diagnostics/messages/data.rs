//! The words of commands that print data: the comments of a report skeleton
//! (`plan-lint init`; its keys stay the report format's) and the catalog
//! view (`plan-lint plan`).

use super::{list, Lang};
use Lang::{En, Zh};

#[derive(Clone, Debug, PartialEq)]
pub enum DataText {
    // plan-lint init
    SkeletonTitle {
        plan: String,
        period: i32,
        department: String,
        code: String,
    },
    SkeletonFill,
    /// `init --department` named an alias: the department that reports under it.
    ReportedBy {
        alias: String,
        name: String,
        code: String,
    },
    SubmittedComment,
    /// A project completed in an earlier report, carried over.
    CarriedOver,
    IndicatorComment {
        name: String,
        unit: String,
        target: String,
        target_year: i32,
    },
    /// An earlier figure and the report it is in.
    EarlierFigure {
        period: i32,
        value: String,
        path: String,
    },
    /// An earlier status or progress.
    Earlier {
        period: i32,
        value: String,
    },
    NoEarlierFigure,
    NoEarlierReport,
    /// What a value is, then its earlier figure.
    ValueComment {
        kind: String,
        earlier: String,
    },
    TotalSince {
        start: i32,
    },
    GrowthThisYear,
    ReductionThisYear,
    /// A relative target of the text: the district's figure, judged against
    /// an outside one (a growth against the city's average, or a rank).
    RelativeFigure {
        unit: String,
        reference: String,
        rank: bool,
    },
    LevelIn {
        period: i32,
    },
    RequirementComment {
        period: i32,
        target: String,
    },
    SourceComment,
    ProjectComment {
        name: String,
        column: String,
    },
    StatusComment {
        last: String,
    },
    ProgressComment {
        last: String,
    },
    /// A figure or date of a continuing project, carried over from the report of `period`.
    CarriedFrom {
        period: i32,
    },
    /// `investment:` of a continuing project.
    InvestmentComment,
    /// `completed_to_date:`, to fill with this year's; `last` the earlier figure.
    CompletedToDateComment {
        last: String,
    },
    // plan-lint plan
    PlanHeader {
        id: String,
        name: String,
        start: i32,
        end: i32,
        baseline_year: i32,
        approvers: Vec<String>,
    },
    Indicators {
        count: usize,
    },
    /// The fields of a catalog line after the id, name, unit, attribute and category.
    IndicatorFacts {
        baseline: String,
        target: String,
        target_year: i32,
        department: String,
        source: String,
    },
    Projects {
        count: usize,
    },
    Departments {
        count: usize,
    },
    DepartmentCounts {
        indicators: usize,
        projects: usize,
    },
}

impl DataText {
    pub fn text(&self, lang: Lang) -> String {
        use DataText as D;
        match self {
            D::SkeletonTitle { plan, period, department, code } => match lang {
                En => {
                    format!("# {plan} {period} progress report of {department} ({code}).")
                }
                Zh => {
                    format!("# {plan} {period}年度进展报告：{department}（{code}）。")
                }
            },
            D::SkeletonFill => match lang {
                En => {
                    "# Fill every empty value; `plan-lint check` points at each one still empty.".into()
                }
                Zh => "# 请填写每个空值；`plan-lint check` 会指出每个仍为空的值。".into(),
            },
            D::ReportedBy { alias, name, code } => match lang {
                En => format!("# \"{alias}\" is reported by {name} ({code}): this is {name}'s report"),
                Zh => format!("# “{alias}”由{name}（{code}）报送：这是{name}的报告"),
            },
            D::CarriedOver => match lang {
                En => "completed earlier: kept as reported, with its dates and evidence".into(),
                Zh => "此前已建成：沿用已报送的状态、日期和佐证材料".into(),
            },
            D::SubmittedComment => match lang {
                En => "YYYY-MM-DD, the day you submit".into(),
                Zh => "YYYY-MM-DD，报送当天的日期".into(),
            },
            D::IndicatorComment { name, unit, target, target_year } => match lang {
                En => {
                    format!("{name} ({unit}; target {target} by {target_year})")
                }
                Zh => {
                    format!("{name}（{unit}；目标值 {target}，{target_year}年）")
                }
            },
            D::EarlierFigure { period, value, path } => match lang {
                En => format!("{period}: {value} ({path})"),
                Zh => {
                    format!("{period}年：{value}（{path}）")
                }
            },
            D::Earlier { period, value } => match lang {
                En => format!("{period}: {value}"),
                Zh => format!("{period}年：{value}"),
            },
            D::NoEarlierFigure => match lang {
                En => "no earlier figure".into(),
                Zh => "无往年数据".into(),
            },
            D::NoEarlierReport => match lang {
                En => "no earlier report".into(),
                Zh => "无往年报告".into(),
            },
            D::ValueComment { kind, earlier } => match lang {
                En => format!("{kind}; {earlier}"),
                Zh => format!("{kind}；{earlier}"),
            },
            D::TotalSince { start } => match lang {
                En => format!("total since {start}"),
                Zh => format!("自{start}年起的累计值"),
            },
            D::GrowthThisYear => match lang {
                En => "growth this year, %".into(),
                Zh => "本年度增速，%".into(),
            },
            D::ReductionThisYear => match lang {
                En => "this year's reduction, %".into(),
                Zh => "本年度降低率，%".into(),
            },
            D::RelativeFigure {
                unit,
                reference,
                rank,
            } => match (lang, rank) {
                (En, true) => {
                    format!("the district's rank this year in {reference}, {unit} (1 = the best)")
                }
                (Zh, true) => format!("本年度在{reference}的排名，{unit}（1为最好）"),
                (En, false) => format!("this year's figure, {unit}, judged against {reference}"),
                (Zh, false) => format!("本年度数值，{unit}，与{reference}比较"),
            },
            D::LevelIn { period } => match lang {
                En => format!("level in {period}"),
                Zh => format!("{period}年的数值"),
            },
            D::RequirementComment { period, target } => match lang {
                En => {
                    format!("the figure the city/province set for {period} ({target})")
                }
                Zh => {
                    format!("市、省对{period}年要求的数值（{target}）")
                }
            },
            D::SourceComment => match lang {
                En => "optional: where the figure comes from".into(),
                Zh => "可选：数据来源".into(),
            },
            D::ProjectComment { name, column } => match lang {
                En => format!("{name} ({column})"),
                Zh => format!("{name}（{column}）"),
            },
            D::StatusComment { last } => match lang {
                En => format!(
                    "planned | preparing | under_construction | completed | suspended | cancelled; {last}"
                ),
                Zh => format!(
                    "planned 未开工 | preparing 前期工作 | under_construction 在建 | completed 已建成 | suspended 停缓建 | cancelled 已取消；{last}"
                ),
            },
            D::ProgressComment { last } => match lang {
                En => format!("percent 0..100; {last}"),
                Zh => format!("形象进度，百分比 0..100；{last}"),
            },
            D::CarriedFrom { period } => match lang {
                En => format!("as in the {period} report: correct it only if it changed"),
                Zh => format!("沿用{period}年报告：有变化时才改"),
            },
            D::InvestmentComment => match lang {
                En => "亿元 (100 million yuan)".into(),
                Zh => "单位：亿元".into(),
            },
            D::CompletedToDateComment { last } => match lang {
                En => format!("investment completed to the end of this year, 亿元; {last}"),
                Zh => format!("截至本年度末累计完成投资，亿元；{last}"),
            },
            D::PlanHeader { id, name, start, end, baseline_year, approvers } => match lang {
                En => format!(
                    "{id} — {name}\nperiod {start}–{end}, baseline year {baseline_year}; approvers: {}\n",
                    approvers.join(", ")
                ),
                Zh => format!(
                    "{id} — {name}\n规划期 {start}—{end}年，基期{baseline_year}年；审批单位：{}\n",
                    list(lang, approvers)
                ),
            },
            D::Indicators { count } => match lang {
                En => format!("indicators ({count}):"),
                Zh => format!("指标（{count} 项）："),
            },
            D::IndicatorFacts { baseline, target, target_year, department, source } => match lang {
                En => format!(
                    "baseline {baseline}; target {target} ({target_year}); {department}; {source}"
                ),
                Zh => format!(
                    "基期值 {baseline}；目标值 {target}（{target_year}年）；{department}；{source}"
                ),
            },
            D::Projects { count } => match lang {
                En => format!("projects ({count}):"),
                Zh => format!("项目（{count} 个）："),
            },
            D::Departments { count } => match lang {
                En => format!("departments ({count}):"),
                Zh => format!("部门（{count} 个）："),
            },
            D::DepartmentCounts { indicators, projects } => match lang {
                En => {
                    format!("{indicators} indicators, {projects} projects")
                }
                Zh => {
                    format!("{indicators} 项指标，{projects} 个项目")
                }
            },
        }
    }
}

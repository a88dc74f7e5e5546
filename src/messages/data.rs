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
    SubmittedComment,
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
        match (self, lang) {
            (D::SkeletonTitle { plan, period, department, code }, En) => {
                format!("# {plan} {period} progress report of {department} ({code}).")
            }
            (D::SkeletonTitle { plan, period, department, code }, Zh) => {
                format!("# {plan} {period}年度进展报告：{department}（{code}）。")
            }
            (D::SkeletonFill, En) => {
                "# Fill every empty value; `plan-lint check` points at each one still empty.".into()
            }
            (D::SkeletonFill, Zh) => "# 请填写每个空值；`plan-lint check` 会指出每个仍为空的值。".into(),
            (D::SubmittedComment, En) => "YYYY-MM-DD, the day you submit".into(),
            (D::SubmittedComment, Zh) => "YYYY-MM-DD，报送当天的日期".into(),
            (D::IndicatorComment { name, unit, target, target_year }, En) => {
                format!("{name} ({unit}; target {target} by {target_year})")
            }
            (D::IndicatorComment { name, unit, target, target_year }, Zh) => {
                format!("{name}（{unit}；目标值 {target}，{target_year}年）")
            }
            (D::EarlierFigure { period, value, path }, En) => format!("{period}: {value} ({path})"),
            (D::EarlierFigure { period, value, path }, Zh) => {
                format!("{period}年：{value}（{path}）")
            }
            (D::Earlier { period, value }, En) => format!("{period}: {value}"),
            (D::Earlier { period, value }, Zh) => format!("{period}年：{value}"),
            (D::NoEarlierFigure, En) => "no earlier figure".into(),
            (D::NoEarlierFigure, Zh) => "无往年数据".into(),
            (D::NoEarlierReport, En) => "no earlier report".into(),
            (D::NoEarlierReport, Zh) => "无往年报告".into(),
            (D::ValueComment { kind, earlier }, En) => format!("{kind}; {earlier}"),
            (D::ValueComment { kind, earlier }, Zh) => format!("{kind}；{earlier}"),
            (D::TotalSince { start }, En) => format!("total since {start}"),
            (D::TotalSince { start }, Zh) => format!("自{start}年起的累计值"),
            (D::GrowthThisYear, En) => "growth this year, %".into(),
            (D::GrowthThisYear, Zh) => "本年度增速，%".into(),
            (D::ReductionThisYear, En) => "this year's reduction, %".into(),
            (D::ReductionThisYear, Zh) => "本年度降低率，%".into(),
            (D::LevelIn { period }, En) => format!("level in {period}"),
            (D::LevelIn { period }, Zh) => format!("{period}年的数值"),
            (D::RequirementComment { period, target }, En) => {
                format!("the figure the city/province set for {period} ({target})")
            }
            (D::RequirementComment { period, target }, Zh) => {
                format!("市、省对{period}年要求的数值（{target}）")
            }
            (D::SourceComment, En) => "optional: where the figure comes from".into(),
            (D::SourceComment, Zh) => "可选：数据来源".into(),
            (D::ProjectComment { name, column }, En) => format!("{name} ({column})"),
            (D::ProjectComment { name, column }, Zh) => format!("{name}（{column}）"),
            (D::StatusComment { last }, En) => format!(
                "planned | preparing | under_construction | completed | suspended | cancelled; {last}"
            ),
            (D::StatusComment { last }, Zh) => format!(
                "planned 未开工 | preparing 前期工作 | under_construction 在建 | completed 已建成 | suspended 停缓建 | cancelled 已取消；{last}"
            ),
            (D::ProgressComment { last }, En) => format!("percent 0..100; {last}"),
            (D::ProgressComment { last }, Zh) => format!("形象进度，百分比 0..100；{last}"),
            (D::PlanHeader { id, name, start, end, baseline_year, approvers }, En) => format!(
                "{id} — {name}\nperiod {start}–{end}, baseline year {baseline_year}; approvers: {}\n",
                approvers.join(", ")
            ),
            (D::PlanHeader { id, name, start, end, baseline_year, approvers }, Zh) => format!(
                "{id} — {name}\n规划期 {start}—{end}年，基期{baseline_year}年；审批单位：{}\n",
                list(lang, approvers)
            ),
            (D::Indicators { count }, En) => format!("indicators ({count}):"),
            (D::Indicators { count }, Zh) => format!("指标（{count} 项）："),
            (D::IndicatorFacts { baseline, target, target_year, department, source }, En) => format!(
                "baseline {baseline}; target {target} ({target_year}); {department}; {source}"
            ),
            (D::IndicatorFacts { baseline, target, target_year, department, source }, Zh) => format!(
                "基期值 {baseline}；目标值 {target}（{target_year}年）；{department}；{source}"
            ),
            (D::Projects { count }, En) => format!("projects ({count}):"),
            (D::Projects { count }, Zh) => format!("项目（{count} 个）："),
            (D::Departments { count }, En) => format!("departments ({count}):"),
            (D::Departments { count }, Zh) => format!("部门（{count} 个）："),
            (D::DepartmentCounts { indicators, projects }, En) => {
                format!("{indicators} indicators, {projects} projects")
            }
            (D::DepartmentCounts { indicators, projects }, Zh) => {
                format!("{indicators} 项指标，{projects} 个项目")
            }
        }
    }
}

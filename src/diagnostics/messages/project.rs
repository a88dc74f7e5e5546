//! PL3xx: key projects.

use super::{list, named, num, q, t, Lang, Texts};
use crate::model::plan::{Project, ProjectStatus};
use Lang::{En, Zh};

/// A project as messages name it.
#[derive(Clone, Debug, PartialEq)]
pub struct Proj {
    pub name: String,
    pub id: String,
}

impl From<&Project> for Proj {
    fn from(p: &Project) -> Proj {
        Proj {
            name: p.name.clone(),
            id: p.id.clone(),
        }
    }
}

/// A project status in Chinese, as the ledger (重点项目跟踪台账) says it.
pub fn status_zh(s: ProjectStatus) -> &'static str {
    match s {
        ProjectStatus::Planned => "未开工",
        ProjectStatus::Preparing => "前期工作",
        ProjectStatus::UnderConstruction => "在建",
        ProjectStatus::Completed => "已建成",
        ProjectStatus::Suspended => "停缓建",
        ProjectStatus::Cancelled => "已取消",
    }
}

/// A status as a clerk reads it and writes it: `在建（under_construction）`.
fn status(lang: Lang, s: ProjectStatus) -> String {
    match lang {
        En => s.as_str().to_string(),
        Zh => format!("{}（{}）", status_zh(s), s.as_str()),
    }
}

/// Which figure of a project fell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Progress,
    Investment,
}

impl Measure {
    /// The unit as it follows the figure.
    pub fn unit(self) -> &'static str {
        match self {
            Measure::Progress => "%",
            Measure::Investment => " 亿元",
        }
    }
}

/// A project date field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateField {
    Started,
    Completed,
}

impl DateField {
    pub fn key(self) -> &'static str {
        match self {
            DateField::Started => "started",
            DateField::Completed => "completed",
        }
    }
    fn zh(self) -> &'static str {
        match self {
            DateField::Started => "开工",
            DateField::Completed => "竣工",
        }
    }
}

/// What a completed project lacks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProjProblem {
    NoCompletedDate,
    NoEvidence,
    /// Its progress, below 100.
    Progress(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProjectMsg {
    // PL301
    Transition {
        project: Proj,
        from: ProjectStatus,
        from_period: i32,
        to: ProjectStatus,
        period: i32,
        allowed: Vec<ProjectStatus>,
    },
    // PL302
    Decrease {
        project: Proj,
        measure: Measure,
        before: f64,
        before_period: i32,
        now: f64,
        period: i32,
    },
    // PL303
    CompletedLacks {
        project: Proj,
        lacks: Vec<ProjProblem>,
    },
    // PL304
    StartedAfterCompleted {
        project: Proj,
        started: String,
        completed: String,
    },
    AfterSubmission {
        project: Proj,
        field: DateField,
        date: String,
        submitted: String,
    },
    TooEarly {
        project: Proj,
        field: DateField,
        date: String,
        min: String,
        years: i16,
    },
    // PL305
    Overrun {
        project: Proj,
        done: f64,
        planned: f64,
    },
    // PL306
    Missing {
        project: Proj,
        department: String,
        period: i32,
    },
    // PL307: (key, value as the earlier report wrote it) of each field left out.
    FieldDropped {
        project: Proj,
        dropped: Vec<(String, String)>,
        before_period: i32,
        period: i32,
    },
}

impl ProjectMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            ProjectMsg::Transition { project: p, from, from_period, to, period, allowed } => match lang {
                En => {
                    let can = if allowed.is_empty() {
                        format!("a {} project keeps that status", from.as_str())
                    } else {
                        format!(
                            "after {} a project can only be {}",
                            from.as_str(),
                            allowed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                        )
                    };
                    t(
                        format!(
                            "project {} ({}) went from {} in {from_period} to {} in {period}, which cannot happen",
                            p.name,
                            p.id,
                            q(lang, from.as_str()),
                            q(lang, to.as_str())
                        ),
                        format!("{can}: correct the status; if the {from_period} status was wrong, ask the plan office for a revision decision (decisions/) listing this project, which alone lets the accepted report be corrected"),
                        format!("was {} in {from_period}", from.as_str()),
                    )
                }
                Zh => {
                    let can = if allowed.is_empty() {
                        format!("{}的项目不能再改变状态", status(lang, *from))
                    } else {
                        format!(
                            "{}的项目只能变为{}",
                            status(lang, *from),
                            list(lang, &allowed.iter().map(|s| status(lang, *s)).collect::<Vec<_>>())
                        )
                    };
                    t(
                        format!(
                            "{}由{from_period}年的{}变为{period}年的{}，这种变化不可能发生",
                            named(lang, &p.name, &p.id),
                            status(lang, *from),
                            status(lang, *to)
                        ),
                        format!("{can}：请改正状态；如{from_period}年的状态有误，请规划主管部门在决定登记簿（decisions/）中登记列有该项目的修订决定，有了它才能更正已接受的报告"),
                        format!("{from_period}年为{}", status_zh(*from)),
                    )
                }
            },
            ProjectMsg::Decrease { project: p, measure, before, before_period, now, period } => match lang {
                En => {
                    let unit = measure.unit();
                    t(
                        format!(
                            "{} of project {} ({}) fell from {}{unit} in {before_period} to {}{unit} in {period}",
                            match measure {
                                Measure::Progress => "progress",
                                Measure::Investment => "completed investment",
                            },
                            p.name,
                            p.id,
                            num(*before),
                            num(*now)
                        ),
                        format!(
                            "report the figure to date (at least {}{unit}); if the {before_period} figure was wrong, ask the plan office for a revision decision (decisions/) naming that report, which alone lets it be corrected",
                            num(*before)
                        ),
                        "lower than last time",
                    )
                }
                Zh => {
                    let unit = measure.unit();
                    t(
                        format!(
                            "{}的{}由{before_period}年的 {}{unit} 降至{period}年的 {}{unit}",
                            named(lang, &p.name, &p.id),
                            match measure {
                                Measure::Progress => "形象进度",
                                Measure::Investment => "累计完成投资",
                            },
                            num(*before),
                            num(*now)
                        ),
                        format!(
                            "请填报截至目前的累计数（不低于 {}{unit}）；如{before_period}年的数据有误，请规划主管部门在决定登记簿（decisions/）中登记针对那份报告的修订决定，有了它才能更正",
                            num(*before)
                        ),
                        "低于上期",
                    )
                }
            },
            ProjectMsg::CompletedLacks { project: p, lacks } => match lang {
                En => t(
                    format!(
                        "project {} ({}) is completed but lacks {}",
                        p.name,
                        p.id,
                        lacks
                            .iter()
                            .map(|l| match l {
                                ProjProblem::NoCompletedDate => "a `completed` date".to_string(),
                                ProjProblem::NoEvidence => "`evidence` (验收/竣工 documents)".to_string(),
                                ProjProblem::Progress(v) => format!("progress 100 (it is {})", num(*v)),
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    "add `completed: YYYY-MM-DD`, list the acceptance documents under `evidence`, and set `progress: 100`; if the project is not finished, keep it under_construction",
                    "completed",
                ),
                Zh => t(
                    format!(
                        "{}的状态为{}，但缺少{}",
                        named(lang, &p.name, &p.id),
                        status(lang, ProjectStatus::Completed),
                        list(
                            lang,
                            &lacks
                                .iter()
                                .map(|l| match l {
                                    ProjProblem::NoCompletedDate => "竣工日期（`completed`）".to_string(),
                                    ProjProblem::NoEvidence => "验收/竣工材料（`evidence`）".to_string(),
                                    ProjProblem::Progress(v) => format!("形象进度 100（现为 {}）", num(*v)),
                                })
                                .collect::<Vec<_>>()
                        )
                    ),
                    "请添加 `completed: YYYY-MM-DD`，在 `evidence` 下列出验收材料，并设置 `progress: 100`；如项目尚未完工，状态请保持 under_construction（在建）",
                    "已建成",
                ),
            },
            ProjectMsg::StartedAfterCompleted { project: p, started, completed } => match lang {
                En => t(
                    format!(
                        "project {} ({}) started {started} after it was completed {completed}",
                        p.name, p.id
                    ),
                    "correct `started` or `completed`",
                    "after the completion date",
                ),
                Zh => t(
                    format!(
                        "{}的开工日期 {started} 晚于竣工日期 {completed}",
                        named(lang, &p.name, &p.id)
                    ),
                    "请改正 `started` 或 `completed`",
                    "晚于竣工日期",
                ),
            },
            ProjectMsg::AfterSubmission { project: p, field, date, submitted } => match lang {
                En => t(
                    format!(
                        "{} date {date} of project {} ({}) is after the report's submission {submitted}",
                        field.key(),
                        p.name,
                        p.id
                    ),
                    format!(
                        "a report states what has happened: correct `{}`, or leave it empty until it happens",
                        field.key()
                    ),
                    "after submission",
                ),
                Zh => t(
                    format!(
                        "{}的{}日期 {date} 晚于报告的报送日期 {submitted}",
                        named(lang, &p.name, &p.id),
                        field.zh()
                    ),
                    format!(
                        "报告只填已经发生的事：请改正 `{}`，或在发生之前留空",
                        field.key()
                    ),
                    "晚于报送日期",
                ),
            },
            ProjectMsg::TooEarly { project: p, field, date, min, years } => match lang {
                En => t(
                    format!(
                        "{} date {date} of project {} ({}) is before {min}, more than {years} years before the plan began",
                        field.key(),
                        p.name,
                        p.id
                    ),
                    format!("check the year of `{}`", field.key()),
                    "too early",
                ),
                Zh => t(
                    format!(
                        "{}的{}日期 {date} 早于 {min}，比规划开始早了 {years} 年以上",
                        named(lang, &p.name, &p.id),
                        field.zh()
                    ),
                    format!("请核对 `{}` 的年份", field.key()),
                    "过早",
                ),
            },
            ProjectMsg::Overrun { project: p, done, planned } => match lang {
                En => t(
                    format!(
                        "project {} ({}) has completed {} 亿元 of a planned {} 亿元",
                        p.name,
                        p.id,
                        num(*done),
                        num(*planned)
                    ),
                    "check the unit (亿元); if the overrun is real, report the approved new planned_total",
                    "above the planned total",
                ),
                Zh => t(
                    format!(
                        "{}累计完成投资 {} 亿元，超过计划总投资 {} 亿元",
                        named(lang, &p.name, &p.id),
                        num(*done),
                        num(*planned)
                    ),
                    "请检查单位（亿元）；如确实超支，请填报经批准的新计划总投资 planned_total",
                    "超过计划总投资",
                ),
            },
            ProjectMsg::Missing { project: p, department, period } => match lang {
                En => t(
                    format!(
                        "the {period} report of {} lacks project {} ({})",
                        q(lang, department),
                        p.name,
                        p.id
                    ),
                    format!(
                        "add `- id: {}` with `status:` and `progress:` (status: planned, progress: 0 if nothing has started)",
                        p.id
                    ),
                    format!("{} missing", p.id),
                ),
                Zh => t(
                    format!(
                        "部门{}的{period}年度报告缺少重点项目：{}",
                        q(lang, department),
                        named(lang, &p.name, &p.id)
                    ),
                    format!(
                        "请添加 `- id: {}`，并填写 `status:` 和 `progress:`（尚未开工的填 status: planned、progress: 0）",
                        p.id
                    ),
                    format!("缺少 {}", p.id),
                ),
            },
            ProjectMsg::FieldDropped { project: p, dropped, before_period, period } => {
                let keys: Vec<String> = dropped.iter().map(|(k, _)| format!("`{k}`")).collect();
                let lines: Vec<String> = dropped.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                match lang {
                    En => t(
                        format!(
                            "the {period} entry of project {} ({}) leaves out {}, which the {before_period} report gave",
                            p.name,
                            p.id,
                            list(lang, &keys)
                        ),
                        format!(
                            "write them again as the {before_period} report gave them ({}), changing only what changed: a figure left out reads as a fall to zero in `plan-lint status` (`plan-lint init` carries them over)",
                            lines.join("; ")
                        ),
                        format!("given in {before_period}"),
                    ),
                    Zh => t(
                        format!(
                            "{}的{period}年条目漏填了{before_period}年报告已填的{}",
                            named(lang, &p.name, &p.id),
                            list(lang, &keys)
                        ),
                        format!(
                            "请照{before_period}年报告补填（{}），有变化的才改为新值：漏填的数字在 `plan-lint status` 中看起来像降到了 0（`plan-lint init` 生成的报告会自动沿用）",
                            lines.join("；")
                        ),
                        format!("{before_period}年已填"),
                    ),
                }
            }
        }
    }
}

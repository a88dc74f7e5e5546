//! The labels of related places: the earlier report, the first occurrence,
//! the plan entry a finding compares with.

use super::{num, project::status_zh, val, Lang};
use crate::model::plan::ProjectStatus;
use Lang::{En, Zh};

#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// The first occurrence of a duplicate key.
    FirstDefined,
    /// The first of two entries for one id.
    FirstEntry,
    /// The empty block whose lines were not indented under it.
    IndentUnder {
        parent: String,
    },
    AnotherReport {
        period: i32,
    },
    PlanResponsible {
        department: String,
        id: String,
    },
    PreviousValue {
        value: f64,
        unit: String,
        year: i32,
    },
    PreviousTotal {
        value: f64,
        unit: String,
        year: i32,
    },
    /// An earlier year's annual rate, one of those a compound average is taken over.
    AveragedRate {
        value: f64,
        unit: String,
        year: i32,
    },
    /// A project's earlier figure (`unit` follows the number: `%`, ` 亿元`).
    EarlierFigure {
        value: f64,
        unit: String,
        year: i32,
    },
    StatusWas {
        status: ProjectStatus,
        year: i32,
    },
    Completed,
    Submitted,
    SubmittedOn {
        date: String,
    },
    PlannedTotal,
    Requirement,
    /// A decision of the plan office's register: what it records.
    Decision {
        id: String,
        value: Option<f64>,
        unit: String,
    },
    PlanTarget {
        text: String,
    },
    PlanTargetFor {
        text: String,
        year: i32,
    },
    PlanUnit {
        id: String,
    },
    CatalogName {
        id: String,
    },
    NonSuppressible,
    AsAccepted,
    /// The figure of the indicator the catalog declares the same measure.
    SameMeasure {
        id: String,
    },
    /// The line of the plan text (the seed) a catalog entry cites.
    SeedLine {
        line: usize,
    },
}

impl Note {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Note::SameMeasure { id } => match lang {
                En => format!("the same measure: {id}'s figure"),
                Zh => format!("同一口径：{id} 的数值"),
            },
            Note::FirstDefined => match lang {
                En => "first defined here".into(),
                Zh => "首次定义于此".into(),
            },
            Note::IndentUnder { parent } => match lang {
                En => format!("\"{parent}\" is empty: the lines below belong under it"),
                Zh => format!("“{parent}”是空的：下面几行应缩进到它下面"),
            },
            Note::FirstEntry => match lang {
                En => "first entry".into(),
                Zh => "第一个条目".into(),
            },
            Note::AnotherReport { period } => match lang {
                En => format!("another report for {period}"),
                Zh => format!("{period}年度的另一份报告"),
            },
            Note::PlanResponsible { department, id } => match lang {
                En => {
                    format!("the plan makes {department} responsible for {id}")
                }
                Zh => {
                    format!("规划规定 {id} 由 {department} 负责")
                }
            },
            Note::PreviousValue { value, unit, year } => match lang {
                En => {
                    format!("previous value {} ({year})", val(*value, unit))
                }
                Zh => {
                    format!("上期数值 {}（{year}年）", val(*value, unit))
                }
            },
            Note::PreviousTotal { value, unit, year } => match lang {
                En => {
                    format!("previous total {} ({year})", val(*value, unit))
                }
                Zh => {
                    format!("上期累计值 {}（{year}年）", val(*value, unit))
                }
            },
            Note::AveragedRate { value, unit, year } => match lang {
                En => {
                    format!(
                        "rate {} ({year}), counted in the average",
                        val(*value, unit)
                    )
                }
                Zh => {
                    format!("增速 {}（{year}年），计入年均值", val(*value, unit))
                }
            },
            Note::EarlierFigure { value, unit, year } => match lang {
                En => {
                    format!("{}{unit} in {year}", num(*value))
                }
                Zh => {
                    format!("{year}年为 {}{unit}", num(*value))
                }
            },
            Note::StatusWas { status, year } => match lang {
                En => {
                    format!("status {} ({year})", status.as_str())
                }
                Zh => {
                    format!("状态为{}（{year}年）", status_zh(*status))
                }
            },
            Note::Completed => match lang {
                En => "completed".into(),
                Zh => "竣工日期".into(),
            },
            Note::Submitted => match lang {
                En => "submitted".into(),
                Zh => "报送日期".into(),
            },
            Note::SubmittedOn { date } => match lang {
                En => format!("submitted {date}"),
                Zh => format!("报送日期 {date}"),
            },
            Note::PlannedTotal => match lang {
                En => "planned total".into(),
                Zh => "计划总投资".into(),
            },
            Note::Requirement => match lang {
                En => "the requirement".into(),
                Zh => "要求的数值".into(),
            },
            Note::Decision { id, value, unit } => match (lang, value) {
                (En, Some(v)) => format!("decision {id}: {}", val(*v, unit)),
                (En, None) => format!("decision {id}"),
                (Zh, Some(v)) => format!("决定 {id}：{}", val(*v, unit)),
                (Zh, None) => format!("决定 {id}"),
            },
            Note::PlanTarget { text } => match lang {
                En => format!("the plan's target {text}"),
                Zh => format!("规划目标值 {text}"),
            },
            Note::PlanTargetFor { text, year } => match lang {
                En => {
                    format!("the plan's target {text} for {year}")
                }
                Zh => {
                    format!("规划目标值 {text}（{year}年）")
                }
            },
            Note::PlanUnit { id } => match lang {
                En => format!("the plan's unit for {id}"),
                Zh => format!("规划中 {id} 的单位"),
            },
            Note::CatalogName { id } => match lang {
                En => format!("the catalog name of {id}"),
                Zh => format!("目录中 {id} 的名称"),
            },
            Note::SeedLine { line } => match lang {
                En => format!("line {line} of the plan text"),
                Zh => format!("规划文本第 {line} 行"),
            },
            Note::NonSuppressible => match lang {
                En => "the plan marks the rule non-suppressible".into(),
                Zh => "规划将此规则标为不可豁免".into(),
            },
            Note::AsAccepted => match lang {
                En => "as accepted".into(),
                Zh => "接受时的内容".into(),
            },
        }
    }
}

//! What `plan-lint server` shows in the editor besides diagnostics: the
//! titles of code actions, the lines of a hover, completion details and the
//! server's own errors.

use super::{list, q, Lang};
use Lang::{En, Zh};

#[derive(Clone, Debug, PartialEq)]
pub enum ServerText {
    /// A code action that writes a value in place of what is there.
    FixReplace {
        with: String,
    },
    /// A code action that turns `value: 暂无` into a `pending:` block.
    FixPending,
    /// A code action that adds a missing indicator entry.
    FixAddIndicator {
        id: String,
        name: String,
    },
    /// A code action that adds a missing project entry.
    FixAddProject {
        id: String,
        name: String,
    },
    /// Hover lines of an indicator or project.
    HoverUnit {
        unit: String,
    },
    HoverBaseline {
        value: String,
        year: i32,
    },
    HoverTarget {
        value: String,
        year: i32,
    },
    HoverAttribute {
        binding: bool,
    },
    HoverDepartment {
        code: String,
        name: String,
    },
    HoverLastValue {
        value: String,
        year: i32,
    },
    HoverNoLastValue,
    /// An indicator's plausibility (rules.md version 3): its range, whether
    /// a figure is whole, and its plausible change from the previous year.
    HoverPlausible {
        ind: super::Ind,
        min: Option<f64>,
        max: Option<f64>,
        whole: bool,
        change: Option<crate::model::plan::plausibility::Change>,
    },
    /// A code action that confirms an unusual figure on its entry (PL211).
    FixConfirm {
        value: String,
    },
    HoverColumn {
        column: String,
    },
    /// Where the plan says it: the plan's name, the section (passage) and the line.
    HoverPlanLine {
        plan: String,
        line: usize,
        passage: String,
    },
    /// Completion details.
    CompleteIndicator {
        name: String,
        unit: String,
    },
    CompleteProject {
        name: String,
        column: String,
    },
    CompleteDepartment {
        name: String,
        aliases: Vec<String>,
    },
    CompleteStatus {
        status: crate::model::plan::ProjectStatus,
    },
    /// The server's errors, answered to the editor.
    ServerBadParams {
        method: String,
        detail: String,
    },
    ServerUnknownRequest {
        method: String,
    },
    ServerNotStarted {
        detail: String,
    },
    /// A panic while answering: a bug in plan-lint.
    ServerInternal,
}

impl ServerText {
    pub fn text(&self, lang: Lang) -> String {
        use ServerText as S;
        match self {
            S::FixReplace { with } => match lang {
                En => format!("Write {with}"),
                Zh => format!("改为 {with}"),
            },
            S::FixConfirm { value } => match lang {
                En => format!("Confirm {value} is right (add `confirmed:` with the reason)"),
                Zh => format!("核实 {value} 无误（添加 `confirmed:` 并写明理由）"),
            },
            S::HoverPlausible {
                ind,
                min,
                max,
                whole,
                change,
            } => {
                let range = super::plausible::range(lang, ind, *min, *max);
                let change = change.map(|c| super::plausible::bound(lang, c, &ind.unit));
                let whole = match (lang, whole) {
                    (En, true) => ", whole numbers",
                    (Zh, true) => "，须为整数",
                    (_, false) => "",
                };
                match (lang, range.is_empty(), change) {
                    (En, false, Some(c)) => {
                        format!("plausible: {range}{whole}; a year's change {c}")
                    }
                    (En, true, Some(c)) => format!("plausible: a year's change {c}{whole}"),
                    (En, false, None) => format!("plausible: {range}{whole}"),
                    (En, true, None) => format!("plausible: any figure{whole}"),
                    (Zh, false, Some(c)) => format!("合理范围：{range}{whole}；年度变动{c}"),
                    (Zh, true, Some(c)) => format!("合理范围：年度变动{c}{whole}"),
                    (Zh, false, None) => format!("合理范围：{range}{whole}"),
                    (Zh, true, None) => format!("合理范围：不限{whole}"),
                }
            }
            S::FixPending => match lang {
                En => "Replace `value:` with `pending:` (reason and expected date)".into(),
                Zh => "把 `value:` 换成 `pending:`（原因和预计公布日期）".into(),
            },
            S::FixAddIndicator { id, name } => match lang {
                En => format!("Add indicator {id} ({name})"),
                Zh => format!("添加指标 {id}（{name}）"),
            },
            S::FixAddProject { id, name } => match lang {
                En => format!("Add project {id} ({name})"),
                Zh => format!("添加项目 {id}（{name}）"),
            },
            S::HoverUnit { unit } => match lang {
                En => format!("unit: {unit}"),
                Zh => format!("单位：{unit}"),
            },
            S::HoverBaseline { value, year } => match lang {
                En => format!("baseline ({year}): {value}"),
                Zh => format!("基期值（{year}年）：{value}"),
            },
            S::HoverTarget { value, year } => match lang {
                En => format!("target ({year}): {value}"),
                Zh => format!("目标值（{year}年）：{value}"),
            },
            S::HoverAttribute { binding } => match (lang, binding) {
                (En, true) => "attribute: binding (约束性)".into(),
                (En, false) => "attribute: expected (预期性)".into(),
                (Zh, true) => "属性：约束性".into(),
                (Zh, false) => "属性：预期性".into(),
            },
            S::HoverDepartment { code, name } => match lang {
                En => format!("responsible department: {name} ({code})"),
                Zh => format!("责任部门：{name}（{code}）"),
            },
            S::HoverLastValue { value, year } => match lang {
                En => format!("last reported value: {value} ({year})"),
                Zh => format!("上次填报值：{value}（{year}年）"),
            },
            S::HoverNoLastValue => match lang {
                En => "no earlier value reported".into(),
                Zh => "此前未填报数值".into(),
            },
            S::HoverColumn { column } => match lang {
                En => format!("column: {column}"),
                Zh => format!("专栏：{column}"),
            },
            S::HoverPlanLine {
                plan,
                line,
                passage,
            } => match lang {
                En => format!("plan: {plan}, {passage} (line {line} of the plan text)"),
                Zh => format!("规划出处：《{plan}》{passage}（规划文本第{line}行）"),
            },
            S::CompleteIndicator { name, unit } => match lang {
                En => format!("{name} ({unit}), not yet in this report"),
                Zh => format!("{name}（{unit}），本报告尚未填写"),
            },
            S::CompleteProject { name, column } => match lang {
                En => format!("{name} ({column}), not yet in this report"),
                Zh => format!("{name}（{column}），本报告尚未填写"),
            },
            S::CompleteDepartment { name, aliases } => match (lang, aliases.is_empty()) {
                (En, true) => name.clone(),
                (En, false) => format!("{name} (also {})", list(lang, aliases)),
                (Zh, true) => format!("部门：{name}"),
                (Zh, false) => format!("部门：{name}（又称{}）", list(lang, aliases)),
            },
            S::CompleteStatus { status } => match lang {
                En => format!("project status ({})", super::status_zh(*status)),
                Zh => format!("项目状态：{}", super::status_zh(*status)),
            },
            S::ServerBadParams { method, detail } => match lang {
                En => format!("bad parameters for {method}: {detail}"),
                Zh => format!("{method} 的参数有误：{detail}"),
            },
            S::ServerUnknownRequest { method } => match lang {
                En => format!("plan-lint server does not answer {}", q(lang, method)),
                Zh => format!("plan-lint server 不处理请求{}", q(lang, method)),
            },
            S::ServerInternal => match lang {
                En => {
                    "internal error while answering (a bug in plan-lint; please report it)".into()
                }
                Zh => "处理请求时出现内部错误（plan-lint 的缺陷，请报告）".into(),
            },
            S::ServerNotStarted { detail } => match lang {
                En => format!("plan-lint server could not start: {detail}"),
                Zh => format!("plan-lint server 无法启动：{detail}"),
            },
        }
    }
}

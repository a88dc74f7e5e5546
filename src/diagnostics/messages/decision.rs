//! The plan office's decisions register (trust.md): PL004 for a register
//! entry that cannot stand, PL503 for a decision that matches nothing.

use super::{q, t, Lang, Texts};
use Lang::{En, Zh};

#[derive(Clone, Debug, PartialEq)]
pub enum DecisionMsg {
    // PL004
    Unreadable {
        error: String,
    },
    DuplicateId {
        id: String,
    },
    UnknownPlan {
        plan: String,
        loaded: Vec<String>,
    },
    NoPlanForPeriod {
        period: i32,
    },
    PeriodOutsidePlan {
        period: i32,
        plan: String,
        start: i32,
        end: i32,
    },
    UnknownDepartment {
        department: String,
        plan: String,
        suggestion: Option<String>,
    },
    NotAnApprover {
        approved_by: String,
        approvers: Vec<String>,
    },
    UnknownRule {
        rule: String,
        suggestion: Option<String>,
    },
    NotSuppressible {
        code: String,
        name: String,
        plan: String,
    },
    UnknownTarget {
        target: String,
        plan: String,
    },
    NotRelative {
        target: String,
        name: String,
    },
    ValueRequired {
        code: String,
        target: String,
    },
    DuplicateRequirement {
        target: String,
        period: i32,
        first: String,
    },
    /// A revision lists the same entry twice.
    DuplicateEntry {
        target: String,
    },
    /// A revision's entry names a field the report format's entry does not
    /// have (`project`: the target is a project).
    NotAField {
        field: String,
        target: String,
        project: bool,
        fields: Vec<String>,
    },
    /// A revision's entry both removes the entry and gives it figures.
    RemoveWithFields {
        target: String,
    },
    // PL006: a version-2 revision (`targets`), which grants nothing now;
    // `template`, the `entries` to write, the targets filled in.
    Outdated {
        id: String,
        targets: Vec<String>,
        template: String,
        all: bool,
    },
    // PL503
    Unused {
        id: String,
        kind: &'static str,
    },
}

impl DecisionMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        let here = match lang {
            En => "in the register",
            Zh => "登记簿中",
        };
        match self {
            DecisionMsg::Unreadable { error } => match lang {
                En => t(
                    format!("a decisions register file cannot be read: {error}"),
                    "make the file readable: every file in the register folder is read",
                    "",
                ),
                Zh => t(
                    format!("无法读取决定登记文件：{error}"),
                    "请使该文件可读：登记文件夹中的每个文件都会被读取",
                    "",
                ),
            },
            DecisionMsg::DuplicateId { id } => match lang {
                En => t(
                    format!("decision id {} is used twice in the register", q(lang, id)),
                    "give every decision its own id (e.g. D2025-004): diagnostics and reports name a decision by it",
                    "used again",
                ),
                Zh => t(
                    format!("决定编号{}在登记簿中重复使用", q(lang, id)),
                    "每个决定须有自己的编号（如 D2025-004）：诊断和报告以编号指明决定",
                    "重复使用",
                ),
            },
            DecisionMsg::UnknownPlan { plan, loaded } => match lang {
                En => t(
                    format!("decision names plan {}, which is not loaded", q(lang, plan)),
                    format!("write one of the loaded plans ({}), or leave `plan` out to mean the plan whose period holds `period`", loaded.join(", ")),
                    here,
                ),
                Zh => t(
                    format!("决定指定的规划{}未加载", q(lang, plan)),
                    format!("请填写已加载的规划之一（{}），或省略 `plan`，表示规划期包含 `period` 的规划", loaded.join("、")),
                    here,
                ),
            },
            DecisionMsg::NoPlanForPeriod { period } => match lang {
                En => t(
                    format!("no loaded plan's period holds {period}, the decision's period"),
                    "correct `period` (the report's year), or name the plan with `plan` and load it with --plan",
                    here,
                ),
                Zh => t(
                    format!("已加载的规划中，没有规划期包含该决定的年度 {period}"),
                    "请更正 `period`（报告年度），或用 `plan` 指明规划并用 --plan 加载",
                    here,
                ),
            },
            DecisionMsg::PeriodOutsidePlan { period, plan, start, end } => match lang {
                En => t(
                    format!("decision period {period} is outside plan {plan} ({start}–{end})"),
                    "correct `period` to the year of the report the decision is about",
                    here,
                ),
                Zh => t(
                    format!("决定年度 {period} 不在规划 {plan} 的规划期（{start}—{end}年）内"),
                    "请将 `period` 改为该决定所涉报告的年度",
                    here,
                ),
            },
            DecisionMsg::UnknownDepartment { department, plan, suggestion } => match lang {
                En => t(
                    format!("decision names department {}, which is not in plan {plan}'s registry", q(lang, department)),
                    match suggestion {
                        Some(c) => format!("write the department's code: {c}? (`plan-lint plan` lists codes and names)"),
                        None => "write a department code that `plan-lint plan` lists".into(),
                    },
                    here,
                ),
                Zh => t(
                    format!("决定指定的部门{}不在规划 {plan} 的部门名录中", q(lang, department)),
                    match suggestion {
                        Some(c) => format!("请填写部门代码：是否为 {c}？（`plan-lint plan` 列出代码和名称）"),
                        None => "请填写 `plan-lint plan` 列出的部门代码".into(),
                    },
                    here,
                ),
            },
            DecisionMsg::NotAnApprover { approved_by, approvers } => match lang {
                En => t(
                    format!("{} is not an approver of this plan", q(lang, approved_by)),
                    format!("only {} (its name or an alias of its department) approves a decision; the plan's plan.yaml lists its approvers", approvers.join(" or ")),
                    "not an approver",
                ),
                Zh => t(
                    format!("{}不是本规划的批准单位", q(lang, approved_by)),
                    format!("只有{}（其名称或部门别名）可以批准决定；规划的 plan.yaml 列出批准单位", approvers.join("或")),
                    "不是批准单位",
                ),
            },
            DecisionMsg::UnknownRule { rule, suggestion } => match lang {
                En => t(
                    format!("decision names unknown rule {}", q(lang, rule)),
                    match suggestion {
                        Some(c) => format!("did you mean {c}? `plan-lint rules` lists the codes"),
                        None => "use a code that `plan-lint rules` lists".into(),
                    },
                    here,
                ),
                Zh => t(
                    format!("决定指定的规则{}不存在", q(lang, rule)),
                    match suggestion {
                        Some(c) => format!("是否想写 {c}？`plan-lint rules` 列出全部代码"),
                        None => "请使用 `plan-lint rules` 列出的代码".into(),
                    },
                    here,
                ),
            },
            DecisionMsg::NotSuppressible { code, name, plan } => match lang {
                En => t(
                    format!("{code} ({name}) cannot be suppressed under plan {plan}, not even by a decision"),
                    "the finding must be fixed in the report; if the accepted figures were wrong, record a revision decision instead",
                    here,
                ),
                Zh => t(
                    format!("在规划 {plan} 下，{code}（{name}）不能豁免，决定也不能"),
                    "须在报告中改正该问题；如已接受的数据有误，请改为登记修订决定",
                    here,
                ),
            },
            DecisionMsg::UnknownTarget { target, plan } => match lang {
                En => t(
                    format!("{} is not an indicator or project of plan {plan}", q(lang, target)),
                    "write the id of the indicator or project the decision is about (`plan-lint plan` lists them)",
                    here,
                ),
                Zh => t(
                    format!("{}不是规划 {plan} 的指标或项目", q(lang, target)),
                    "请填写该决定所涉指标或项目的编号（`plan-lint plan` 列出全部编号）",
                    here,
                ),
            },
            DecisionMsg::NotRelative { target, name } => match lang {
                En => t(
                    format!("{name} ({target}) is not a relative target: the plan gives its target itself"),
                    "a requirement records the outside figure of a relative target (市/省要求, 全市平均 …); remove this entry",
                    here,
                ),
                Zh => t(
                    format!("{name}（{target}）不是相对目标：规划本身给出了其目标"),
                    "要求决定只登记相对目标（市/省要求、全市平均等）的外部数值；请删除此条目",
                    here,
                ),
            },
            DecisionMsg::ValueRequired { code, target } => match lang {
                En => t(
                    format!("the suppression of {code} for {target} names no figure"),
                    "add `value:` with the figure the office approves: the exception covers that figure and better ones, and a worse figure is a new finding",
                    here,
                ),
                Zh => t(
                    format!("对 {target} 的 {code} 豁免没有写明批准的数值"),
                    "请添加 `value:`，填写批准的数值：豁免只覆盖该数值及更好的数值，更差的数值是新的问题",
                    here,
                ),
            },
            DecisionMsg::DuplicateRequirement { target, period, first } => match lang {
                En => t(
                    format!("a second requirement for {target} in {period}; {first} already records one"),
                    "keep one requirement per target and period: correct the one that is wrong and remove the other",
                    here,
                ),
                Zh => t(
                    format!("{target} 的{period}年要求登记了两次；{first} 已登记一项"),
                    "每个目标每年只保留一项要求：改正有误的一项，删除另一项",
                    here,
                ),
            },
            DecisionMsg::DuplicateEntry { target } => match lang {
                En => t(
                    format!("the revision lists {} twice", q(lang, target)),
                    "give each entry once, with every field it approves",
                    here,
                ),
                Zh => t(
                    format!("该修订决定两次列出{}", q(lang, target)),
                    "每个条目只列一次，写明批准的全部字段",
                    here,
                ),
            },
            DecisionMsg::NotAField { field, target, project, fields } => match lang {
                En => t(
                    format!(
                        "{} is not a field of {} {}",
                        q(lang, field),
                        if *project { "project" } else { "indicator" },
                        q(lang, target)
                    ),
                    format!("a revision approves fields as the report writes them: {}", fields.join(", ")),
                    here,
                ),
                Zh => t(
                    format!(
                        "{}不是{}{}的字段",
                        q(lang, field),
                        if *project { "项目" } else { "指标" },
                        q(lang, target)
                    ),
                    format!("修订决定按报告的写法批准字段：{}", fields.join("、")),
                    here,
                ),
            },
            DecisionMsg::RemoveWithFields { target } => match lang {
                En => t(
                    format!("the entry for {} both removes it and approves figures for it", q(lang, target)),
                    "write `remove: true` alone to let the report drop the entry, or the fields and figures it may hold instead",
                    here,
                ),
                Zh => t(
                    format!("{}的条目既删除该条目又批准其数值", q(lang, target)),
                    "允许报告删去该条目时只写 `remove: true`，否则写明可以填报的字段和数值",
                    here,
                ),
            },
            DecisionMsg::Outdated { id, targets, template, all } => match lang {
                En => t(
                    format!(
                        "revision {} lists targets ({}) without the figures it approves: since version 3 it grants nothing",
                        q(lang, id),
                        targets.join(", ")
                    ),
                    format!(
                        "write the entries the accepted report may now hold, each with its approved figure, in place of `targets`: {template}{}; `plan-lint decisions draft --base REV` drafts them from the pull request that needs the revision",
                        if *all { " (one entry for each indicator or project that changes; `all` is gone)" } else { "" }
                    ),
                    "version 2 form",
                ),
                Zh => t(
                    format!(
                        "修订决定{}只列出了目标（{}），没有写明批准的数值：自第 3 版起它不授予任何修改",
                        q(lang, id),
                        targets.join("、")
                    ),
                    format!(
                        "请把 `targets` 改为已接受报告现在可以填报的条目，每条写明批准的数值：{template}{}；`plan-lint decisions draft --base REV` 可以根据需要该修订的拉取请求起草这些条目",
                        if *all { "（每个有变化的指标或项目各写一条；不再有 `all`）" } else { "" }
                    ),
                    "第 2 版写法",
                ),
            },
            DecisionMsg::Unused { id, kind } => match lang {
                En => t(
                    format!("decision {id} ({kind}) matches nothing in this check"),
                    "check its department, period, rule, target and figure against the reports; remove it from the register if it is no longer needed",
                    "unused",
                ),
                Zh => t(
                    format!("决定 {id}（{}）在本次检查中没有对应任何内容", kind_zh(kind)),
                    "请对照报告核对其部门、年度、规则、目标和数值；如已不再需要，请从登记簿中删除",
                    "未使用",
                ),
            },
        }
    }
}

/// A decision kind in Chinese.
pub fn kind_zh(kind: &str) -> &'static str {
    match kind {
        "suppression" => "豁免",
        "revision" => "修订",
        _ => "要求",
    }
}

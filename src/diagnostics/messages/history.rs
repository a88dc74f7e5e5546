//! PL4xx (history integrity) and PL5xx (suppressions).

use super::{q, t, Lang, Texts};
use Lang::{En, Zh};

/// What a pull request changed that judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    Config,
    PlanDirectory,
    PlanFile,
    /// A file of the decisions register.
    Register,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HistoryMsg {
    // PL401: `key`, the first top-level key that differs.
    Rewritten {
        path: String,
        key: Option<String>,
    },
    // PL402
    Deleted {
        path: String,
        base: String,
    },
    // PL403
    RulesChanged {
        what: Changed,
        path: String,
        base: String,
    },
}

impl HistoryMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            HistoryMsg::Rewritten { path, key } => match lang {
                En => t(
                    format!(
                        "{path} was accepted at the merge-base and is changed{} without a revision decision of the plan office",
                        key.as_ref().map(|k| format!(" in \"{k}\"")).unwrap_or_default()
                    ),
                    "undo the change; if the accepted figure was wrong, ask the plan office to record a revision decision in decisions/ listing this entry, then update your branch (a `revision` block in the report is a note and allows nothing)",
                    "changed after acceptance",
                ),
                Zh => t(
                    format!(
                        "{path} 在合并基点已被接受，现{}被修改，却没有规划主管部门的修订决定",
                        key.as_ref().map(|k| format!("在“{k}”处")).unwrap_or_default()
                    ),
                    "请撤销修改；如已接受的数据有误，请规划主管部门在 decisions/ 中登记列明此条目的修订决定，然后更新你的分支（报告中的 `revision` 块只是说明，不允许任何修改）",
                    "接受后被修改",
                ),
            },
            HistoryMsg::Deleted { path, base } => match lang {
                En => t(
                    format!("the report accepted at {base} as {path} is no longer in the record"),
                    "restore it under progress/<period>/<department>.yaml with its department and period unchanged; an accepted report is corrected only by a revision decision of the plan office",
                    "",
                ),
                Zh => t(
                    format!("在 {base} 中已接受的报告 {path} 已不在记录中"),
                    "请在 progress/<年度>/<部门>.yaml 恢复该报告，部门和年度保持不变；已接受的报告只能经规划主管部门的修订决定更正",
                    "",
                ),
            },
            HistoryMsg::RulesChanged { what, path, base } => match lang {
                En => t(
                    format!(
                        "this pull request changes {} {path}; it is judged by the version at {base}, and the change takes effect after merge",
                        match what {
                            Changed::Config => "the configuration",
                            Changed::PlanDirectory => "the plan directory",
                            Changed::PlanFile => "the plan file",
                            Changed::Register => "the decisions register file",
                        }
                    ),
                    "nothing to do if the change is intended: the rule owners review it, and it applies to later pull requests",
                    "changed in this pull request",
                ),
                Zh => t(
                    format!(
                        "本拉取请求修改了{} {path}；本次按 {base} 的版本检查，修改在合并后生效",
                        match what {
                            Changed::Config => "配置文件",
                            Changed::PlanDirectory => "规划目录",
                            Changed::PlanFile => "规划文件",
                            Changed::Register => "决定登记文件",
                        }
                    ),
                    "如修改是有意的，则无需处理：规则负责人会审核，修改对之后的拉取请求生效",
                    "本拉取请求修改",
                ),
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SuppressionMsg {
    // PL501
    NoReason {
        rule: String,
        target: String,
    },
    UnknownRule {
        rule: String,
        suggestion: Option<String>,
    },
    UnknownTarget {
        target: String,
    },
    /// `plan_rule`: the plan marks it so; otherwise plan-lint fixes it.
    NotSuppressible {
        code: String,
        name: String,
        plan_rule: bool,
    },
    /// A report's own suppression of a finding on a binding indicator.
    BindingInReport {
        code: String,
        target: String,
        approved_by: Option<String>,
        approvers: Vec<String>,
    },
    // PL502
    Expired {
        code: String,
        target: String,
        until: String,
        submitted: String,
    },
    // PL503
    Unused {
        code: String,
        target: String,
    },
}

impl SuppressionMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        let invalid = match lang {
            En => "invalid suppression",
            Zh => "无效的豁免",
        };
        match self {
            SuppressionMsg::NoReason { rule, target } => match lang {
                En => t(
                    format!("suppression of {rule} for {} gives no reason", q(lang, target)),
                    "write in `reason` why the finding is accepted",
                    invalid,
                ),
                Zh => t(
                    format!("针对{}的 {rule} 豁免没有写明理由", q(lang, target)),
                    "请在 `reason` 中写明为何接受该问题",
                    invalid,
                ),
            },
            SuppressionMsg::UnknownRule { rule, suggestion } => match lang {
                En => t(
                    format!("suppression names unknown rule {}", q(lang, rule)),
                    match suggestion {
                        Some(c) => format!("did you mean {c}? `plan-lint rules` lists the codes"),
                        None => "use a code that `plan-lint rules` lists".into(),
                    },
                    invalid,
                ),
                Zh => t(
                    format!("豁免指定的规则{}不存在", q(lang, rule)),
                    match suggestion {
                        Some(c) => format!("是否想写 {c}？`plan-lint rules` 列出全部代码"),
                        None => "请使用 `plan-lint rules` 列出的代码".into(),
                    },
                    invalid,
                ),
            },
            SuppressionMsg::UnknownTarget { target } => match lang {
                En => t(
                    format!(
                        "suppression names {}, which is not an indicator or project of the plan",
                        q(lang, target)
                    ),
                    "use the id of the indicator or project the finding is about",
                    invalid,
                ),
                Zh => t(
                    format!("豁免指定的{}不是规划中的指标或项目", q(lang, target)),
                    "请使用该问题所涉指标或项目的编号",
                    invalid,
                ),
            },
            SuppressionMsg::NotSuppressible { code, name, plan_rule: true } => match lang {
                En => t(
                    format!("the plan marks {code} ({name}) non-suppressible"),
                    "fix the finding instead; the plan does not allow exceptions to this rule",
                    invalid,
                ),
                Zh => t(
                    format!("规划将 {code}（{name}）标为不可豁免"),
                    "请改正问题本身；规划不允许此规则有例外",
                    invalid,
                ),
            },
            SuppressionMsg::NotSuppressible { code, name, plan_rule: false } => match lang {
                En => t(
                    format!("{code} ({name}) is fixed in plan-lint and cannot be suppressed"),
                    "fix the finding instead; only the plan-dependent rules PL2xx and PL3xx can be suppressed",
                    invalid,
                ),
                Zh => t(
                    format!("{code}（{name}）由 plan-lint 固定，不能豁免"),
                    "请改正问题本身；只有与规划相关的 PL2xx 和 PL3xx 规则可以豁免",
                    invalid,
                ),
            },
            SuppressionMsg::BindingInReport { code, target, approved_by, approvers } => match lang {
                En => t(
                    format!(
                        "{target} is a binding indicator: the report cannot suppress {code} for it"
                    ),
                    format!(
                        "remove this entry and ask {} to record a suppression decision in the decisions register (decisions/); once it is merged, update your branch{}",
                        approvers.join(" or "),
                        match approved_by {
                            Some(a) => format!(". `approved_by: {a}` written in a report grants nothing"),
                            None => String::new(),
                        }
                    ),
                    invalid,
                ),
                Zh => t(
                    format!("{target} 是约束性指标：报告不能自行豁免其 {code}"),
                    format!(
                        "请删除此条目，并请{}在决定登记簿（decisions/）中登记豁免决定；合并后请更新你的分支{}",
                        approvers.join("或"),
                        match approved_by {
                            Some(a) => format!("。报告中写的 `approved_by: {a}` 不授予任何豁免"),
                            None => String::new(),
                        }
                    ),
                    invalid,
                ),
            },
            SuppressionMsg::Expired { code, target, until, submitted } => match lang {
                En => t(
                    format!("suppression of {code} for {target} expired on {until}, before the report was submitted ({submitted})"),
                    "remove the suppression, or ask for it to be renewed with a later `until`",
                    "expired",
                ),
                Zh => t(
                    format!("针对 {target} 的 {code} 豁免已于 {until} 到期，早于报告的报送日期（{submitted}）"),
                    "请删除该豁免，或申请延期并填写更晚的 `until`",
                    "已过期",
                ),
            },
            SuppressionMsg::Unused { code, target } => match lang {
                En => t(
                    format!("suppression of {code} for {target} matches no finding"),
                    "remove the suppression: nothing in this report needs it",
                    "unused",
                ),
                Zh => t(
                    format!("针对 {target} 的 {code} 豁免没有对应任何问题"),
                    "请删除该豁免：本报告中没有需要它的问题",
                    "未使用",
                ),
            },
        }
    }
}

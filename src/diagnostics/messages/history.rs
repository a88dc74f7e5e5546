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

/// How a revised entry differs from what its revision decision approves.
#[derive(Clone, Debug, PartialEq)]
pub enum Deviation {
    /// A field the decision approves holds another figure than the approved
    /// one (`written`: none when the report dropped the field).
    Figure {
        field: String,
        approved: String,
        written: Option<String>,
    },
    /// A field the decision does not list changed; `listed`, the ones it does.
    Unlisted { field: String, listed: Vec<String> },
    /// The entry is gone and the decision does not remove it.
    Removed,
    /// The decision removes the entry and the report keeps it, changed.
    Kept,
}

/// The plan office as a message names it: the plans' approvers, or "the
/// plan office" before the run knows them.
fn office_en(office: &[String]) -> String {
    match office {
        [] => "the plan office".into(),
        names => format!("the plan office ({})", names.join(" or ")),
    }
}

fn office_zh(office: &[String]) -> String {
    match office {
        [] => "规划主管部门".into(),
        names => names.join("或"),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum HistoryMsg {
    // PL401: `key`, the first top-level key that differs.
    Rewritten {
        path: String,
        key: Option<String>,
        /// The plan office (the plans' approvers), named once the run knows them.
        office: Vec<String>,
    },
    // PL401: an entry a revision decision lists, changed otherwise than it approves.
    NotApproved {
        path: String,
        key: String,
        decision: String,
        deviation: Deviation,
    },
    // PL402
    Deleted {
        path: String,
        base: String,
        office: Vec<String>,
    },
    // PL403
    RulesChanged {
        what: Changed,
        path: String,
        base: String,
        office: Vec<String>,
    },
}

impl HistoryMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            HistoryMsg::Rewritten { path, key, office } => match lang {
                En => t(
                    format!(
                        "{path} was accepted at the merge-base and is changed{} without a revision decision of the plan office",
                        key.as_ref().map(|k| format!(" in \"{k}\"")).unwrap_or_default()
                    ),
                    format!("undo the change: an accepted report is the district's record, changed only by a decision of the plan office. If the accepted figure was wrong, send {} the corrected figure and the document that proves it, asking for a revision decision in decisions/ that lists this entry; once it is merged, update your branch (a `revision` block in the report is a note and allows nothing)", office_en(office)),
                    "changed after acceptance",
                ),
                Zh => t(
                    format!(
                        "{path} 在合并基点已被接受，现{}被修改，却没有规划主管部门的修订决定",
                        key.as_ref().map(|k| format!("在“{k}”处")).unwrap_or_default()
                    ),
                    format!("请撤销修改：已接受的报告是全区的正式记录，只能凭规划主管部门的决定修改。如已接受的数据确有错误，请把更正后的数值和证明材料报送{}，申请在 decisions/ 中登记列明此条目的修订决定；合并后再更新你的分支（报告中的 `revision` 块只是说明，不允许任何修改）", office_zh(office)),
                    "接受后被修改",
                ),
            },
            HistoryMsg::NotApproved { path, key, decision, deviation } => {
                let (k, d) = (q(lang, key), q(lang, decision));
                let label = match lang {
                    En => "not as approved",
                    Zh => "与批准不符",
                };
                match (deviation, lang) {
                    (Deviation::Figure { field, approved, written }, En) => t(
                        format!(
                            "{path} was accepted at the merge-base; revision decision {d} approves {} for {} of {k}, and the report {}",
                            q(lang, approved),
                            q(lang, field),
                            match written {
                                Some(w) => format!("writes {}", q(lang, w)),
                                None => "drops it".to_string(),
                            }
                        ),
                        format!("write the approved figure {} there; if the office meant another figure, it corrects its decision first, and then you update your branch", q(lang, approved)),
                        label,
                    ),
                    (Deviation::Figure { field, approved, written }, Zh) => t(
                        format!(
                            "{path} 在合并基点已被接受；修订决定{d}批准{k}的{}为{}，而报告{}",
                            q(lang, field),
                            q(lang, approved),
                            match written {
                                Some(w) => format!("写的是{}", q(lang, w)),
                                None => "删去了该字段".to_string(),
                            }
                        ),
                        format!("请在此处填写批准的数值{}；如规划主管部门批准的应是另一个数值，须先由其更正决定，再更新你的分支", q(lang, approved)),
                        label,
                    ),
                    (Deviation::Unlisted { field, listed }, En) => t(
                        format!(
                            "{path} was accepted at the merge-base and changes {} of {k}, which revision decision {d} does not approve",
                            q(lang, field),
                        ),
                        format!("undo the change to {}: the decision approves only {} of this entry; if this field must change too, ask the plan office to add it to the decision, then update your branch", q(lang, field), listed.join(", ")),
                        label,
                    ),
                    (Deviation::Unlisted { field, listed }, Zh) => t(
                        format!(
                            "{path} 在合并基点已被接受，现修改了{k}的{}，而修订决定{d}并未批准",
                            q(lang, field),
                        ),
                        format!("请撤销对{}的修改：该决定只批准此条目的 {}；如该字段也须修改，请规划主管部门将其补入决定，然后更新你的分支", q(lang, field), listed.join("、")),
                        label,
                    ),
                    (Deviation::Removed, En) => t(
                        format!("{path} was accepted at the merge-base and drops {k}, which revision decision {d} revises but does not remove"),
                        "restore the entry with the figures the decision approves; an entry leaves an accepted report only by `remove: true` in the decision",
                        label,
                    ),
                    (Deviation::Removed, Zh) => t(
                        format!("{path} 在合并基点已被接受，现删去了{k}，而修订决定{d}只修订、并未删除该条目"),
                        "请恢复该条目并填写决定批准的数值；只有决定中写明 `remove: true`，条目才能从已接受的报告中删去",
                        label,
                    ),
                    (Deviation::Kept, En) => t(
                        format!("{path} was accepted at the merge-base; revision decision {d} removes {k}, and the report keeps it, changed"),
                        "drop the entry as the decision says, or undo the change",
                        label,
                    ),
                    (Deviation::Kept, Zh) => t(
                        format!("{path} 在合并基点已被接受；修订决定{d}删除{k}，而报告保留了该条目并作了修改"),
                        "请按决定删去该条目，或撤销修改",
                        label,
                    ),
                }
            }
            HistoryMsg::Deleted { path, base, office } => match lang {
                En => t(
                    format!("the report accepted at {base} as {path} is no longer in the record"),
                    format!("restore it as it was at {path} (git checkout {base} -- {path}), its department and period unchanged: an accepted report stays in the district's record. If it must be corrected, send {} the corrected figures and the reason; only its revision decision changes an accepted report", office_en(office)),
                    "",
                ),
                Zh => t(
                    format!("在 {base} 中已接受的报告 {path} 已不在记录中"),
                    format!("请按原样恢复 {path}（git checkout {base} -- {path}），部门和年度保持不变：已接受的报告是全区的正式记录，必须保留。如需更正，请把更正后的数值和理由报送{}；只有其修订决定才能更正已接受的报告", office_zh(office)),
                    "",
                ),
            },
            HistoryMsg::RulesChanged { what, path, base, office } => match lang {
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
                    format!("the rules and the register are the plan office's: if a department's pull request changes them by mistake, undo the change; if the change is meant, {} reviews and merges it (say why in the pull request), and it applies to later pull requests", office_en(office)),
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
                    format!("规则和决定登记簿归规划主管部门管理：部门的拉取请求误改了它们的，请撤销修改；确需修改的，由{}审核并合并（请在拉取请求中说明理由），修改对之后的拉取请求生效", office_zh(office)),
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
    /// A report's own suppression of a code only the register may suppress
    /// (PL105, PL211, PL212, PL213: its own figures' plausibility, its own
    /// filing outside its responsibilities).
    NotByReport {
        code: String,
        name: String,
        target: String,
        approvers: Vec<String>,
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
            SuppressionMsg::NotByReport { code, name, target, approvers } => match lang {
                En => t(
                    format!(
                        "a report cannot suppress {code} ({name}) for {target}: a department does not excuse its own figures' plausibility or its own filing"
                    ),
                    format!(
                        "remove this entry and correct the figure; if it is right, {}, or ask {} for a suppression decision in the register for this figure",
                        if code == "PL211" {
                            "on an expected indicator confirm it on the entry (`confirmed: {value, reason}`)"
                        } else {
                            "it cannot be confirmed by the department"
                        },
                        super::list(lang, approvers)
                    ),
                    invalid,
                ),
                Zh => t(
                    format!("报告不能自行豁免 {target} 的 {code}（{name}）：部门不能为自己数值的合理性或自己的填报范围开脱"),
                    format!(
                        "请删除该豁免条目并改正数值；如数值无误，{}，或请{}在决定登记簿中针对该数值登记豁免决定",
                        if code == "PL211" {
                            "预期性指标可在条目下写明核实（`confirmed: {value, reason}`）"
                        } else {
                            "该问题不能由部门自行核实"
                        },
                        super::list(lang, approvers)
                    ),
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

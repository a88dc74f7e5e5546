//! PL2xx: indicator figures against the plan.

use super::{named, num, q, signed, t, val, Lang, Texts};
use crate::plan::{Comparison, Direction, Indicator};
use Lang::{En, Zh};

/// An indicator as messages name it: its name, id and unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Ind {
    pub name: String,
    pub id: String,
    pub unit: String,
}

impl From<&Indicator> for Ind {
    fn from(i: &Indicator) -> Ind {
        Ind {
            name: i.name.clone(),
            id: i.id.clone(),
            unit: i.unit.clone(),
        }
    }
}

impl Ind {
    fn named(&self, lang: Lang) -> String {
        named(lang, &self.name, &self.id)
    }
    fn val(&self, v: f64) -> String {
        val(v, &self.unit)
    }
    /// The unit as a Chinese sentence names it.
    fn unit_zh(&self) -> String {
        match self.unit.as_str() {
            "%" => "百分比（%）".into(),
            u => u.into(),
        }
    }
}

/// The value a figure is compared with: the previous report's, or the plan's baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prev {
    pub value: f64,
    pub year: i32,
    pub from_plan: bool,
}

impl Prev {
    /// "in 2022" or "in 2020 (the plan's baseline)".
    fn when(&self, lang: Lang) -> String {
        match (self.from_plan, lang) {
            (true, En) => format!("in {} (the plan's baseline)", self.year),
            (false, En) => format!("in {}", self.year),
            (true, Zh) => format!("{}年（规划基期）", self.year),
            (false, Zh) => format!("{}年", self.year),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorMsg {
    // PL201
    Regression {
        ind: Ind,
        direction: Direction,
        prev: Prev,
        value: f64,
        period: i32,
        approver: String,
    },
    // PL202
    TargetBreach {
        ind: Ind,
        value: f64,
        period: i32,
        target: f64,
        target_text: String,
        comparison: Comparison,
        binding: bool,
    },
    // PL203
    BehindRate {
        ind: Ind,
        average: f64,
        first: i32,
        period: i32,
        target: f64,
        gap: f64,
        value: f64,
    },
    BehindPath {
        ind: Ind,
        value: f64,
        period: i32,
        baseline: f64,
        baseline_year: i32,
        target: f64,
        target_year: i32,
        expected: f64,
        gap: f64,
    },
    // PL204
    RequirementMissing {
        ind: Ind,
        target_text: String,
        value: bool,
        source: bool,
        block: bool,
    },
    // PL205
    RequirementNotMet {
        ind: Ind,
        value: f64,
        period: i32,
        required: f64,
    },
    // PL206
    CumulativeDecrease {
        ind: Ind,
        prev: Prev,
        value: f64,
        period: i32,
        start: i32,
    },
    // PL207
    Implausible {
        ind: Ind,
        value: f64,
        min: Option<f64>,
        max: Option<f64>,
    },
    // PL208
    Missing {
        ind: Ind,
        department: String,
        period: i32,
    },
    // PL209
    BindingPending {
        ind: Ind,
    },
    // PL210
    RequirementInconsistent {
        ind: Ind,
        source: String,
        value: f64,
        other_period: i32,
        other_value: f64,
    },
}

impl IndicatorMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            IndicatorMsg::Regression { ind, direction, prev, value, period, approver } => match lang {
                En => t(
                    format!(
                        "{} {} from {} {} to {} in {period}; binding indicators must not regress",
                        ind.named(lang),
                        match direction {
                            Direction::HigherIsBetter => "fell",
                            Direction::LowerIsBetter => "rose",
                        },
                        ind.val(prev.value),
                        prev.when(lang),
                        ind.val(*value),
                    ),
                    format!(
                        "check the figure against its source; if it is right, explain the fall in `note` and ask the plan office for an approved suppression (rule: PL201, target: {}, approved_by: {approver})",
                        ind.id
                    ),
                    format!("{} in {period}", ind.val(*value)),
                ),
                Zh => t(
                    format!(
                        "{}由{}的 {} {} {period}年的 {}；约束性指标不得倒退",
                        ind.named(lang),
                        prev.when(lang),
                        ind.val(prev.value),
                        match direction {
                            Direction::HigherIsBetter => "降至",
                            Direction::LowerIsBetter => "升至",
                        },
                        ind.val(*value),
                    ),
                    format!(
                        "请对照数据来源核实；如数据无误，在 `note` 中说明原因，并向规划主管部门申请批准豁免（rule: PL201, target: {}, approved_by: {approver}）",
                        ind.id
                    ),
                    format!("{period}年为 {}", ind.val(*value)),
                ),
            },
            IndicatorMsg::TargetBreach { ind, value, period, target, target_text, comparison, binding } => match lang {
                En => {
                    let (side, word) = match comparison {
                        Comparison::AtLeast => ("below", "floor"),
                        Comparison::AtMost => ("above", "ceiling"),
                    };
                    t(
                        format!(
                            "{} is {} in {period}, {side} the {word} of {} the plan sets (target {target_text})",
                            ind.named(lang),
                            ind.val(*value),
                            ind.val(*target),
                        ),
                        format!(
                            "check the figure; if it is right, report the breach to the plan office{}",
                            if *binding {
                                ", which alone may approve a suppression"
                            } else {
                                " and explain it in `note`"
                            }
                        ),
                        format!("{side} {}", ind.val(*target)),
                    )
                }
                Zh => {
                    let (side, word) = match comparison {
                        Comparison::AtLeast => ("低于", "下限"),
                        Comparison::AtMost => ("高于", "上限"),
                    };
                    t(
                        format!(
                            "{}{period}年为 {}，{side}规划设定的{word} {}（目标值 {target_text}）",
                            ind.named(lang),
                            ind.val(*value),
                            ind.val(*target),
                        ),
                        format!(
                            "请核实数据；如数据无误，请向规划主管部门报告{}",
                            if *binding {
                                "，只有规划主管部门可以批准豁免"
                            } else {
                                "，并在 `note` 中说明"
                            }
                        ),
                        format!("{side} {}", ind.val(*target)),
                    )
                }
            },
            IndicatorMsg::BehindRate { ind, average, first, period, target, gap, value } => match lang {
                En => t(
                    format!(
                        "{} averages {} a year over {first}–{period}, behind the target {} a year: gap {} percentage points",
                        ind.named(lang),
                        ind.val(*average),
                        ind.val(*target),
                        signed(*gap, "")
                    ),
                    "no correction is needed if the figure is right; explain in `note` what will bring the rate back to the target",
                    format!("{} in {period}", ind.val(*value)),
                ),
                Zh => t(
                    format!(
                        "{}在{first}—{period}年年均为 {}，落后于年均 {} 的目标，差距 {} 个百分点",
                        ind.named(lang),
                        ind.val(*average),
                        ind.val(*target),
                        signed(*gap, "")
                    ),
                    "数据无误则无需更正；请在 `note` 中说明将采取哪些措施使增速回到目标",
                    format!("{period}年为 {}", ind.val(*value)),
                ),
            },
            IndicatorMsg::BehindPath {
                        ind,
                        value,
                        period,
                        baseline,
                        baseline_year,
                        target,
                        target_year,
                        expected,
                        gap,
                    } => match lang {
                En => t(
                    format!(
                        "{} is {} in {period}, behind the path from {} ({baseline_year}) to {} ({target_year}): expected {}, gap {}",
                        ind.named(lang),
                        ind.val(*value),
                        num(*baseline),
                        num(*target),
                        ind.val(*expected),
                        signed(*gap, &ind.unit)
                    ),
                    "no correction is needed if the figure is right; explain in `note` what will bring the indicator back on its path",
                    format!("expected {} in {period}", ind.val(*expected)),
                ),
                Zh => t(
                    format!(
                        "{}{period}年为 {}，落后于从基期值 {}（{baseline_year}年）到目标值 {}（{target_year}年）的进度：应为 {}，差距 {}",
                        ind.named(lang),
                        ind.val(*value),
                        num(*baseline),
                        num(*target),
                        ind.val(*expected),
                        signed(*gap, &ind.unit)
                    ),
                    "数据无误则无需更正；请在 `note` 中说明将采取哪些措施使指标回到预期进度",
                    format!("{period}年应为 {}", ind.val(*expected)),
                ),
            },
            IndicatorMsg::RequirementMissing { ind, target_text, value, source, block } => match lang {
                En => {
                    let missing = [(*value, "requirement.value"), (*source, "requirement.source")]
                        .iter()
                        .filter(|(m, _)| *m)
                        .map(|(_, n)| *n)
                        .collect::<Vec<_>>()
                        .join(" and ");
                    t(
                        format!(
                            "{} has the qualitative target {} but the report lacks {missing}",
                            ind.named(lang),
                            q(lang, target_text)
                        ),
                        match (value, source, block) {
                            (true, true, false) => "add `requirement:` with `value` (the figure the city or province required for this year) and `source` (the document that set it)",
                            (false, true, _) => "add `source:` under `requirement:`: the document that set the required figure (e.g. 黔环发〔2023〕12号)",
                            (true, false, _) => "add `value:` under `requirement:`: the figure the cited document requires for this year, in percent",
                            _ => "give `requirement:` both `value` (the required figure) and `source` (the document that set it)",
                        },
                        format!("{missing} missing"),
                    )
                }
                Zh => {
                    let missing = [(*value, "requirement.value"), (*source, "requirement.source")]
                        .iter()
                        .filter(|(m, _)| *m)
                        .map(|(_, n)| *n)
                        .collect::<Vec<_>>()
                        .join(" 和 ");
                    t(
                        format!(
                            "{}的目标是定性目标{}，但报告缺少 {missing}",
                            ind.named(lang),
                            q(lang, target_text)
                        ),
                        match (value, source, block) {
                            (true, true, false) => "请添加 `requirement:`，写明 `value`（市、省对本年度要求的数值）和 `source`（提出该要求的文件）",
                            (false, true, _) => "请在 `requirement:` 下添加 `source:`：提出该数值要求的文件（如 黔环发〔2023〕12号）",
                            (true, false, _) => "请在 `requirement:` 下添加 `value:`：所引文件对本年度要求的数值（百分比）",
                            _ => "请为 `requirement:` 写明 `value`（要求的数值）和 `source`（提出该要求的文件）",
                        },
                        format!("缺少 {missing}"),
                    )
                }
            },
            IndicatorMsg::RequirementNotMet { ind, value, period, required } => match lang {
                En => t(
                    format!(
                        "{} is {} in {period}, short of the required {}",
                        ind.named(lang),
                        ind.val(*value),
                        ind.val(*required)
                    ),
                    "check the figure and the cited requirement; if both are right the target was missed, and only the plan office may accept that",
                    format!("below {}", ind.val(*required)),
                ),
                Zh => t(
                    format!(
                        "{}{period}年为 {}，未达到要求的 {}",
                        ind.named(lang),
                        ind.val(*value),
                        ind.val(*required)
                    ),
                    "请核实数据和所引的要求；如两者都无误，则目标未完成，只有规划主管部门可以认可",
                    format!("低于 {}", ind.val(*required)),
                ),
            },
            IndicatorMsg::CumulativeDecrease { ind, prev, value, period, start } => match lang {
                En => t(
                    format!(
                        "{} is a running total but fell from {} {} to {} in {period}",
                        ind.named(lang),
                        ind.val(prev.value),
                        prev.when(lang),
                        ind.val(*value)
                    ),
                    format!(
                        "report the total since {start} including this year; it is at least {}",
                        ind.val(prev.value)
                    ),
                    "lower than the previous total",
                ),
                Zh => t(
                    format!(
                        "{}是累计值，却由{}的 {} 降至{period}年的 {}",
                        ind.named(lang),
                        prev.when(lang),
                        ind.val(prev.value),
                        ind.val(*value)
                    ),
                    format!(
                        "请填报自{start}年起（含本年度）的累计值，不应低于 {}",
                        ind.val(prev.value)
                    ),
                    "低于上期累计值",
                ),
            },
            IndicatorMsg::Implausible { ind, value, min, max } => match lang {
                En => {
                    let range = match (min, max) {
                        (Some(l), Some(h)) => format!("{} to {}", ind.val(*l), ind.val(*h)),
                        (Some(l), None) => format!("at least {}", ind.val(*l)),
                        (None, Some(h)) => format!("at most {}", ind.val(*h)),
                        (None, None) => String::new(),
                    };
                    t(
                        format!(
                            "{} is {}, outside the plausible range {range}",
                            ind.named(lang),
                            ind.val(*value)
                        ),
                        format!(
                            "check the decimal point and the unit: {} is measured in {}",
                            ind.name,
                            if ind.unit.is_empty() { "points" } else { &ind.unit }
                        ),
                        "implausible",
                    )
                }
                Zh => {
                    let range = match (min, max) {
                        (Some(l), Some(h)) => format!("{} 至 {}", ind.val(*l), ind.val(*h)),
                        (Some(l), None) => format!("不低于 {}", ind.val(*l)),
                        (None, Some(h)) => format!("不高于 {}", ind.val(*h)),
                        (None, None) => String::new(),
                    };
                    t(
                        format!(
                            "{}为 {}，超出合理范围（{range}）",
                            ind.named(lang),
                            ind.val(*value)
                        ),
                        if ind.unit.is_empty() {
                            format!("请检查小数点：{}没有单位，直接填写数值", ind.name)
                        } else {
                            format!("请检查小数点和单位：{}的单位是{}", ind.name, ind.unit_zh())
                        },
                        "数值不合理",
                    )
                }
            },
            IndicatorMsg::Missing { ind, department, period } => match lang {
                En => t(
                    format!(
                        "the {period} report of {} lacks {}, which the department is responsible for",
                        q(lang, department),
                        ind.named(lang)
                    ),
                    format!(
                        "add `- id: {}` with `value:` in {}, or `pending:` with reason and expected_by if the figure is not published yet",
                        ind.id,
                        if ind.unit.is_empty() { "points" } else { &ind.unit }
                    ),
                    format!("{} missing", ind.id),
                ),
                Zh => t(
                    format!(
                        "部门{}的{period}年度报告缺少{}，该指标由本部门负责",
                        q(lang, department),
                        ind.named(lang)
                    ),
                    format!(
                        "请添加 `- id: {}`，并{}填写 `value:`；数据尚未公布的，填写 `pending:` 并写明 reason 和 expected_by",
                        ind.id,
                        if ind.unit.is_empty() {
                            String::new()
                        } else {
                            format!("以{}为单位", ind.unit_zh())
                        }
                    ),
                    format!("缺少 {}", ind.id),
                ),
            },
            IndicatorMsg::BindingPending { ind } => match lang {
                En => t(
                    format!("binding indicator {} is reported as pending", ind.named(lang)),
                    "submit the figure as soon as it is published, replacing `pending` with `value`",
                    "pending",
                ),
                Zh => t(
                    format!("{}是约束性指标，却填报为待报（pending）", ind.named(lang)),
                    "数据一经公布请立即补报，用 `value` 替换 `pending`",
                    "待报",
                ),
            },
            IndicatorMsg::RequirementInconsistent { ind, source, value, other_period, other_value } => match lang {
                En => t(
                    format!(
                        "{} cites {} with the value {}, but the report for {other_period} cites it with {}",
                        ind.named(lang),
                        q(lang, source),
                        ind.val(*value),
                        ind.val(*other_value)
                    ),
                    "check the cited document: correct the value, or cite the document that sets this year's requirement",
                    "differs from the other citation",
                ),
                Zh => t(
                    format!(
                        "{}引用{}时填写的数值为 {}，但{other_period}年度的报告引用同一文件时为 {}",
                        ind.named(lang),
                        q(lang, source),
                        ind.val(*value),
                        ind.val(*other_value)
                    ),
                    "请核对所引文件：改正数值，或改引规定本年度要求的文件",
                    "与另一处引用不一致",
                ),
            },
        }
    }
}

//! PL2xx: indicator figures against the plan.

use super::{named, num, q, t, val, Lang, Texts};
use crate::model::plan::{Comparison, Direction, Indicator};
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
    pub(super) fn named(&self, lang: Lang) -> String {
        named(lang, &self.name, &self.id)
    }
    pub(super) fn val(&self, v: f64) -> String {
        val(v, &self.unit)
    }
    /// A figure as the clerk typed it, with the unit: `97.9%`, `15.6 平方米`.
    pub(super) fn val_text(&self, text: &str) -> String {
        match self.unit.as_str() {
            "" => text.to_string(),
            "%" => format!("{text}%"),
            u => format!("{text} {u}"),
        }
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
    pub(super) fn when(&self, lang: Lang) -> String {
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
        /// The plan's own target when it lies at or below the baseline: the
        /// plan permits movement down to it (rules.md, version 2).
        floor: Option<f64>,
    },
    // PL202
    TargetBreach {
        ind: Ind,
        value: f64,
        period: i32,
        target: f64,
        target_text: String,
        comparison: Comparison,
        /// A 左右 target: the band it allows, low to high.
        band: Option<(f64, f64)>,
        binding: bool,
    },
    /// An annual-average rate below its target over the whole period, in its final year.
    AverageBreach {
        ind: Ind,
        average: f64,
        first: i32,
        period: i32,
        target_text: String,
        /// Plan years with no rate reported: the average is over the others.
        missing: Vec<i32>,
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
        /// Plan years with no rate reported: the average is over the others.
        missing: Vec<i32>,
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
    /// No requirement for the period in the plan office's register.
    RequirementMissing {
        ind: Ind,
        target_text: String,
        period: i32,
        approvers: Vec<String>,
    },
    // PL205
    RequirementNotMet {
        ind: Ind,
        value: f64,
        period: i32,
        required: f64,
        comparison: Comparison,
        /// The register's decision and the document that set the figure.
        decision: String,
        document: String,
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
        /// Whether `min` itself is outside the range (a growth rate of −100%).
        min_exclusive: bool,
        max: Option<f64>,
        /// A growth rate: the help says how a rate is written.
        rate: bool,
    },
    /// PL207 (a warning): a share written as a fraction.
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
    /// `expected_by` has passed.
    PendingExpired {
        ind: Ind,
        expected_by: String,
        today: String,
    },
    /// `expected_by` lies after 31 December of the year after the period.
    PendingTooLate {
        ind: Ind,
        expected_by: String,
        period: i32,
        latest: String,
    },
    // PL210
    /// The report's own `requirement.value` differs from the register's.
    RequirementInconsistent {
        ind: Ind,
        period: i32,
        value: f64,
        required: f64,
        decision: String,
    },
}

impl IndicatorMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            IndicatorMsg::Regression { ind, direction, prev, value, period, approver, floor } => {
                let moved = match (lang, direction) {
                    (En, Direction::HigherIsBetter) => "fell",
                    (En, Direction::LowerIsBetter) => "rose",
                    (Zh, Direction::HigherIsBetter) => "降至",
                    (Zh, Direction::LowerIsBetter) => "升至",
                };
                match (lang, floor) {
                    (En, Some(f)) => t(
                        format!(
                            "{} {moved} from {} {} to {} in {period}: the plan allows it down to its target {}, so this is reported for the plan office to see, not as a breach",
                            ind.named(lang),
                            ind.val(prev.value),
                            prev.when(lang),
                            ind.val(*value),
                            ind.val(*f),
                        ),
                        format!(
                            "check the figure against its source; if it is right, explain the change in `note`. Past {} the target is breached (PL202)",
                            ind.val(*f)
                        ),
                        format!("{} in {period}", ind.val(*value)),
                    ),
                    (En, None) => t(
                        format!(
                            "{} {moved} from {} {} to {} in {period}; binding indicators must not regress",
                            ind.named(lang),
                            ind.val(prev.value),
                            prev.when(lang),
                            ind.val(*value),
                        ),
                        format!(
                            "check the figure against its source; if it is right, explain the fall in `note` and ask {approver} to record a suppression decision in the decisions register (rule PL201, target {}, value {}); a suppression written in the report cannot cover a binding indicator",
                            ind.id,
                            num(*value)
                        ),
                        format!("{} in {period}", ind.val(*value)),
                    ),
                    (Zh, Some(f)) => t(
                        format!(
                            "{}由{}的 {} {moved} {period}年的 {}：规划允许其不低于目标值 {}，此处仅提示规划主管部门，不属于未达标",
                            ind.named(lang),
                            prev.when(lang),
                            ind.val(prev.value),
                            ind.val(*value),
                            ind.val(*f),
                        ),
                        format!(
                            "请对照数据来源核实；如数据无误，在 `note` 中说明变化原因。低于 {} 即未达到规划目标（PL202）",
                            ind.val(*f)
                        ),
                        format!("{period}年为 {}", ind.val(*value)),
                    ),
                    (Zh, None) => t(
                        format!(
                            "{}由{}的 {} {moved} {period}年的 {}；约束性指标不得倒退",
                            ind.named(lang),
                            prev.when(lang),
                            ind.val(prev.value),
                            ind.val(*value),
                        ),
                        format!(
                            "请对照数据来源核实；如数据无误，在 `note` 中说明原因，并请{approver}在决定登记簿中登记豁免决定（规则 PL201，目标 {}，数值 {}）；报告中自行写的豁免不能覆盖约束性指标",
                            ind.id,
                            num(*value)
                        ),
                        format!("{period}年为 {}", ind.val(*value)),
                    ),
                }
            }
            IndicatorMsg::TargetBreach { ind, value, period, target, target_text, comparison, band, binding } => {
                let side = breach_side(lang, ind, *comparison, *target, *band);
                match lang {
                    En => t(
                        format!(
                            "{} is {} in {period}, {side} (target {target_text})",
                            ind.named(lang),
                            ind.val(*value),
                        ),
                        format!("check the figure; if it is right, {}", breach_next(lang, *binding)),
                        side,
                    ),
                    Zh => t(
                        format!(
                            "{}{period}年为 {}，{side}（目标值 {target_text}）",
                            ind.named(lang),
                            ind.val(*value),
                        ),
                        format!("请核实数据；如数据无误，{}", breach_next(lang, *binding)),
                        side,
                    ),
                }
            }
            IndicatorMsg::AverageBreach { ind, average, first, period, target_text, missing, binding } => match lang {
                En => t(
                    format!(
                        "{} averages {} a year over {first}–{period}, below the plan's target of {target_text} a year{}",
                        ind.named(lang),
                        ind.val(*average),
                        gap_years(lang, missing),
                    ),
                    format!(
                        "check each year's figure{}; if they are right, {}",
                        if missing.is_empty() { "" } else { " and report the missing years" },
                        breach_next(lang, *binding)
                    ),
                    format!("average {}", ind.val(*average)),
                ),
                Zh => t(
                    format!(
                        "{}在{first}—{period}年年均为 {}，低于规划年均 {target_text} 的目标{}",
                        ind.named(lang),
                        ind.val(*average),
                        gap_years(lang, missing),
                    ),
                    format!(
                        "请核实各年数据{}；如数据无误，{}",
                        if missing.is_empty() { "" } else { "并补报缺少的年份" },
                        breach_next(lang, *binding)
                    ),
                    format!("年均 {}", ind.val(*average)),
                ),
            },
            IndicatorMsg::BehindRate { ind, average, first, period, target, gap, value, missing } => match lang {
                En => t(
                    format!(
                        "{} averages {} a year over {first}–{period}, behind the target {} a year by {}{}",
                        ind.named(lang),
                        ind.val(*average),
                        ind.val(*target),
                        shortfall(lang, *gap, "%"),
                        gap_years(lang, missing),
                    ),
                    "no correction is needed if the figure is right; explain in `note` what will bring the rate back to the target",
                    format!("{} in {period}", ind.val(*value)),
                ),
                Zh => t(
                    format!(
                        "{}在{first}—{period}年年均为 {}，落后于年均 {} 的目标，差 {}{}",
                        ind.named(lang),
                        ind.val(*average),
                        ind.val(*target),
                        shortfall(lang, *gap, "%"),
                        gap_years(lang, missing),
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
                        "{} is {} in {period}, behind the path from {} ({baseline_year}) to {} ({target_year}): expected {}, {} behind",
                        ind.named(lang),
                        ind.val(*value),
                        num(*baseline),
                        num(*target),
                        ind.val(*expected),
                        shortfall(lang, *gap, &ind.unit)
                    ),
                    "no correction is needed if the figure is right; explain in `note` what will bring the indicator back on its path",
                    format!("expected {} in {period}", ind.val(*expected)),
                ),
                Zh => t(
                    format!(
                        "{}{period}年为 {}，落后于从基期值 {}（{baseline_year}年）到目标值 {}（{target_year}年）的进度：应为 {}，差 {}",
                        ind.named(lang),
                        ind.val(*value),
                        num(*baseline),
                        num(*target),
                        ind.val(*expected),
                        shortfall(lang, *gap, &ind.unit)
                    ),
                    "数据无误则无需更正；请在 `note` 中说明将采取哪些措施使指标回到预期进度",
                    format!("{period}年应为 {}", ind.val(*expected)),
                ),
            },
            IndicatorMsg::RequirementMissing { ind, target_text, period, approvers } => match lang {
                En => t(
                    format!(
                        "{} has the relative target {}, and no requirement for {period} is on record in the decisions register",
                        ind.named(lang),
                        q(lang, target_text)
                    ),
                    format!(
                        "this is for the plan office to fix, not you: the target is judged against the figure the city or province set for {period}, which only {office} records in decisions/ (kind: requirement), since a department cannot set its own bar. Keep your figure, and send {office} the document that set the {period} figure (its number and date); once the office records it, update your branch and this finding goes",
                        office = approvers.join(" or ")
                    ),
                    format!("no requirement for {period}"),
                ),
                Zh => t(
                    format!(
                        "{}的目标是相对目标{}，但决定登记簿中没有{period}年的要求",
                        ind.named(lang),
                        q(lang, target_text)
                    ),
                    format!(
                        "此项须由规划主管部门处理，不是你的错误：该目标须对照市、省为{period}年设定的数值判断，而部门不能自行设定标准，只有{office}能在 decisions/ 中登记（kind: requirement）。请保留你的数据，把市、省设定{period}年数值的文件（文号和日期）报送{office}；登记后更新你的分支，此项即消除",
                        office = approvers.join("或")
                    ),
                    format!("没有{period}年的要求"),
                ),
            },
            IndicatorMsg::RequirementNotMet { ind, value, period, required, comparison, decision, document } => match lang {
                En => t(
                    format!(
                        "{} is {} in {period}, {} the required {} ({document}, decision {decision})",
                        ind.named(lang),
                        ind.val(*value),
                        match comparison {
                            Comparison::AtLeast | Comparison::About => "short of",
                            Comparison::AtMost => "above",
                            Comparison::MoreThan => "not above",
                            Comparison::LessThan => "not below",
                        },
                        ind.val(*required)
                    ),
                    "check the figure against its source; if it is right the target was missed, and only a suppression decision of the plan office accepts that",
                    match comparison {
                        Comparison::AtLeast | Comparison::About => format!("below {}", ind.val(*required)),
                        Comparison::AtMost => format!("above {}", ind.val(*required)),
                        Comparison::MoreThan => format!("not above {}", ind.val(*required)),
                        Comparison::LessThan => format!("not below {}", ind.val(*required)),
                    },
                ),
                Zh => t(
                    format!(
                        "{}{period}年为 {}，{}要求的 {}（{document}，决定 {decision}）",
                        ind.named(lang),
                        ind.val(*value),
                        match comparison {
                            Comparison::AtLeast | Comparison::About => "未达到",
                            Comparison::AtMost => "超过",
                            Comparison::MoreThan => "未高于",
                            Comparison::LessThan => "未低于",
                        },
                        ind.val(*required)
                    ),
                    "请对照来源核实数据；如数据无误，则目标未完成，只有规划主管部门的豁免决定可以认可",
                    match comparison {
                        Comparison::AtLeast | Comparison::About => format!("低于 {}", ind.val(*required)),
                        Comparison::AtMost => format!("高于 {}", ind.val(*required)),
                        Comparison::MoreThan => format!("不高于 {}", ind.val(*required)),
                        Comparison::LessThan => format!("不低于 {}", ind.val(*required)),
                    },
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
            IndicatorMsg::Implausible { ind, value, min, min_exclusive, max, rate } => match lang {
                En => {
                    let range = match (min, max) {
                        (Some(l), Some(h)) if *min_exclusive => {
                            format!("above {} and at most {}", ind.val(*l), ind.val(*h))
                        }
                        (Some(l), None) if *min_exclusive => format!("above {}", ind.val(*l)),
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
                        if *rate {
                            format!(
                                "{} is a growth rate: write the year's growth in percent (8.5 for 8.5%), not the amount itself",
                                ind.name
                            )
                        } else {
                            format!(
                                "check the decimal point and the unit: {} is measured in {}",
                                ind.name,
                                if ind.unit.is_empty() { "points" } else { &ind.unit }
                            )
                        },
                        "implausible",
                    )
                }
                Zh => {
                    let range = match (min, max) {
                        (Some(l), Some(h)) if *min_exclusive => {
                            format!("高于 {} 且不高于 {}", ind.val(*l), ind.val(*h))
                        }
                        (Some(l), None) if *min_exclusive => format!("高于 {}", ind.val(*l)),
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
                        if *rate {
                            format!("{}是年增长率：请填写当年增长的百分数（增长8.5%填 8.5），不要填写总量或金额", ind.name)
                        } else if ind.unit.is_empty() {
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
            IndicatorMsg::PendingExpired { ind, expected_by, today } => match lang {
                En => t(
                    format!("binding indicator {} was promised by {expected_by} and is still pending ({today})", ind.named(lang)),
                    "write the published figure as `value` in place of `pending`; if it is still not published, ask the publisher for the date and write the new `expected_by` with its reason",
                    "promised date passed",
                ),
                Zh => t(
                    format!("约束性指标{}承诺于 {expected_by} 前报送，至今（{today}）仍为待报", ind.named(lang)),
                    "请用已公布的数据填写 `value`，替换 `pending`；如仍未公布，请向发布单位确认日期，并填写新的 `expected_by` 和原因",
                    "承诺日期已过",
                ),
            },
            IndicatorMsg::PendingTooLate { ind, expected_by, period, latest } => match lang {
                En => t(
                    format!("binding indicator {} is pending until {expected_by}, after {latest}: the {period} figure would miss the next report", ind.named(lang)),
                    format!("a figure for {period} must arrive by {latest}; write the date the publisher gives, no later than that"),
                    format!("after {latest}"),
                ),
                Zh => t(
                    format!("约束性指标{}待报至 {expected_by}，晚于 {latest}：{period}年的数据将赶不上下一期报告", ind.named(lang)),
                    format!("{period}年的数据须在 {latest} 前报送；请填写发布单位给出的日期，且不晚于该日"),
                    format!("晚于 {latest}"),
                ),
            },
            IndicatorMsg::RequirementInconsistent { ind, period, value, required, decision } => match lang {
                En => t(
                    format!(
                        "the report gives {} as the {period} requirement of {}, but the decisions register records {} (decision {decision})",
                        ind.val(*value),
                        ind.named(lang),
                        ind.val(*required)
                    ),
                    format!(
                        "write {} or remove `requirement:` from the entry: the register's figure is the one the target is judged by",
                        crate::diagnostics::messages::num(*required)
                    ),
                    format!("the register says {}", ind.val(*required)),
                ),
                Zh => t(
                    format!(
                        "报告写的{}{period}年要求为 {}，但决定登记簿记录为 {}（决定 {decision}）",
                        ind.named(lang),
                        ind.val(*value),
                        ind.val(*required)
                    ),
                    format!(
                        "请改为 {}，或删除该条目的 `requirement:`：目标以登记簿的数值为准",
                        crate::diagnostics::messages::num(*required)
                    ),
                    format!("登记簿为 {}", ind.val(*required)),
                ),
            },
        }
    }
}

/// Where a value stands against a target it breaches, in the words of the
/// plan's comparison: below a floor, above a ceiling, outside a 左右 band.
fn breach_side(
    lang: Lang,
    ind: &Ind,
    comparison: Comparison,
    target: f64,
    band: Option<(f64, f64)>,
) -> String {
    let v = ind.val(target);
    match (lang, comparison, band) {
        (En, _, Some((lo, hi))) => {
            format!("outside the band {} to {} around {v}", num(lo), ind.val(hi))
        }
        (Zh, _, Some((lo, hi))) => format!("超出 {v} 左右的范围（{} 至 {}）", num(lo), ind.val(hi)),
        (En, Comparison::AtLeast | Comparison::About, None) => {
            format!("below the floor of {v} the plan sets")
        }
        (En, Comparison::AtMost, None) => format!("above the ceiling of {v} the plan sets"),
        (En, Comparison::MoreThan, None) => {
            format!("not above the {v} the plan says it must exceed")
        }
        (En, Comparison::LessThan, None) => {
            format!("not below the {v} the plan says it must stay under")
        }
        (Zh, Comparison::AtLeast | Comparison::About, None) => format!("低于规划设定的下限 {v}"),
        (Zh, Comparison::AtMost, None) => format!("高于规划设定的上限 {v}"),
        (Zh, Comparison::MoreThan, None) => format!("未超过规划要求超过的 {v}"),
        (Zh, Comparison::LessThan, None) => format!("未低于规划要求低于的 {v}"),
    }
}

/// What the department does with a breach whose figure is right.
fn breach_next(lang: Lang, binding: bool) -> &'static str {
    match (lang, binding) {
        (En, true) => "report the breach to the plan office, which alone may except it, by a suppression decision in its register (decisions/)",
        (En, false) => "report the breach to the plan office and explain it in `note`",
        (Zh, true) => "请向规划主管部门报告，只有规划主管部门可以在其决定登记簿（decisions/）中登记豁免决定",
        (Zh, false) => "请向规划主管部门报告，并在 `note` 中说明",
    }
}

/// The years an average lacks, said after it: "" when none.
fn gap_years(lang: Lang, missing: &[i32]) -> String {
    if missing.is_empty() {
        return String::new();
    }
    let years: Vec<String> = missing.iter().map(|y| y.to_string()).collect();
    match lang {
        En => format!(
            " ({} not reported: averaged over the other years)",
            years.join(", ")
        ),
        Zh => format!("（{}年未报送，按其余年份计算）", years.join("、")),
    }
}

/// How far a figure falls short, as a magnitude in its unit: a gap in
/// percent is in percentage points (0.7个百分点, never "-0.7%").
fn shortfall(lang: Lang, gap: f64, unit: &str) -> String {
    let v = num(gap.abs());
    match (lang, unit) {
        (En, "%") => format!("{v} percentage points"),
        (Zh, "%") => format!("{v}个百分点"),
        (_, u) => val(gap.abs(), u),
    }
}

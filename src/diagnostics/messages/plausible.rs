//! PL207 (whole numbers), PL211, PL212, PL213: whether a figure is believable
//! (rules.md version 3).

use super::{num, t, val, Ind, Lang, Prev, Texts};
use crate::model::plan::plausibility::Change;
use Lang::{En, Zh};

/// Why a figure as written is impossible (PL212).
#[derive(Clone, Debug, PartialEq)]
pub enum Impossible {
    /// Outside the catalog's range `[min, max]`.
    OutOfRange { min: Option<f64>, max: Option<f64> },
    /// A share written as a fraction: in (0, 1] where the previous figure is ≥ 10.
    Fraction { prev: Prev },
}

#[derive(Clone, Debug, PartialEq)]
pub enum PlausibleMsg {
    /// PL207: a count or rank that is not a whole number.
    NotWhole { ind: Ind, value: f64 },
    /// PL212: the figure as written is impossible and one unit factor makes it plausible.
    UnitSlip {
        ind: Ind,
        /// The figure as the clerk typed it.
        written: String,
        /// The reading one unit factor gives, written by moving the decimal point.
        meant: String,
        why: Impossible,
        approver: String,
    },
    /// PL211: the change from the previous figure exceeds the plausible change.
    ImplausibleChange {
        ind: Ind,
        value: f64,
        prev: Prev,
        change: Change,
        /// The one rescaled reading that would be plausible, if there is one.
        reading: Option<String>,
        /// A binding indicator: only the register resolves it.
        binding: bool,
        approver: String,
        /// The figure a `confirmed` on the entry names, when it is another figure.
        confirmed_other: Option<f64>,
    },
    /// PL213: two figures of the same measure differ.
    Inconsistent {
        ind: Ind,
        value: f64,
        other: Ind,
        other_value: f64,
        period: i32,
        /// The path of the report holding the other figure, when it is another report.
        other_report: Option<String>,
    },
}

/// A change bound as a person reads it.
pub(super) fn bound(lang: Lang, change: Change, unit: &str) -> String {
    match (lang, change) {
        (En, Change::Ratio(r)) => format!("at most {}-fold either way", num(r)),
        (Zh, Change::Ratio(r)) => format!("增减均不超过 {} 倍", num(r)),
        (En, Change::Points(p)) => format!("at most {} percentage points", num(p)),
        (Zh, Change::Points(p)) => format!("不超过 {} 个百分点", num(p)),
        (En, Change::Difference(d)) => format!("at most {} either way", val(d, unit)),
        (Zh, Change::Difference(d)) => format!("增减不超过 {}", val(d, unit)),
        (En, Change::Increment(d)) => format!("an increment of at most {} a year", val(d, unit)),
        (Zh, Change::Increment(d)) => format!("每年增量不超过 {}", val(d, unit)),
        (En, Change::IncrementOfTarget(s)) => {
            format!(
                "an increment of at most {} times the plan's target a year",
                num(s)
            )
        }
        (Zh, Change::IncrementOfTarget(s)) => {
            format!("每年增量不超过规划目标的 {} 倍", num(s))
        }
    }
}

pub(super) fn range(lang: Lang, ind: &Ind, min: Option<f64>, max: Option<f64>) -> String {
    match (lang, min, max) {
        (En, Some(l), Some(h)) => format!("{} to {}", ind.val(l), ind.val(h)),
        (En, Some(l), None) => format!("at least {}", ind.val(l)),
        (En, None, Some(h)) => format!("at most {}", ind.val(h)),
        (Zh, Some(l), Some(h)) => format!("{} 至 {}", ind.val(l), ind.val(h)),
        (Zh, Some(l), None) => format!("不低于 {}", ind.val(l)),
        (Zh, None, Some(h)) => format!("不高于 {}", ind.val(h)),
        (_, None, None) => String::new(),
    }
}

impl PlausibleMsg {
    pub fn texts(&self, lang: Lang) -> Texts {
        match self {
            PlausibleMsg::NotWhole { ind, value } => match lang {
                En => t(
                    format!(
                        "{} is {}, not a whole number: {} counts whole things",
                        ind.named(lang),
                        ind.val(*value),
                        ind.name
                    ),
                    format!(
                        "write the number counted ({} or {}), in {}",
                        num(value.floor()),
                        num(value.ceil()),
                        ind.unit
                    ),
                    "not a whole number",
                ),
                Zh => t(
                    format!(
                        "{}为 {}，不是整数：{}按个数计",
                        ind.named(lang),
                        ind.val(*value),
                        ind.name
                    ),
                    format!(
                        "请填写实际数出的个数（{} 或 {}），单位为{}",
                        num(value.floor()),
                        num(value.ceil()),
                        ind.unit
                    ),
                    "应为整数",
                ),
            },
            PlausibleMsg::UnitSlip {
                ind,
                written,
                meant,
                why,
                approver,
            } => {
                let reason = match (lang, why) {
                    (En, Impossible::OutOfRange { min, max }) => {
                        format!(
                            "outside the possible range {}",
                            range(lang, ind, *min, *max)
                        )
                    }
                    (Zh, Impossible::OutOfRange { min, max }) => {
                        format!("超出可能的范围（{}）", range(lang, ind, *min, *max))
                    }
                    (En, Impossible::Fraction { prev }) => format!(
                        "while it was {} {}: a share is written in percent, and this looks like a fraction",
                        ind.val(prev.value),
                        prev.when(lang)
                    ),
                    (Zh, Impossible::Fraction { prev }) => format!(
                        "而{}为 {}：占比按百分数填写，这里像是写成了小数",
                        prev.when(lang),
                        ind.val(prev.value)
                    ),
                };
                match lang {
                    En => t(
                        format!(
                            "{} is {}, {reason}; is it {}? (the decimal point or the unit slipped)",
                            ind.named(lang),
                            ind.val_text(written),
                            ind.val_text(meant)
                        ),
                        format!(
                            "if the source says {}, write {meant} in place of {written}; if {written} is right, only a suppression decision of {approver} in the register for this figure clears it",
                            ind.val_text(meant)
                        ),
                        format!("{meant}?"),
                    ),
                    Zh => t(
                        format!(
                            "{}为 {}，{reason}；是否为 {}？（小数点或单位填错）",
                            ind.named(lang),
                            ind.val_text(written),
                            ind.val_text(meant)
                        ),
                        format!(
                            "如来源数据为 {}，请把 {written} 改为 {meant}；如 {written} 确实无误，只有{approver}在决定登记簿中针对该数值登记豁免决定才能通过",
                            ind.val_text(meant)
                        ),
                        format!("是否为 {meant}？"),
                    ),
                }
            }
            PlausibleMsg::ImplausibleChange {
                ind,
                value,
                prev,
                change,
                reading,
                binding,
                approver,
                confirmed_other,
            } => {
                let message = match lang {
                    En => format!(
                        "{} is {}, from {} {}: beyond the plausible change ({})",
                        ind.named(lang),
                        ind.val(*value),
                        ind.val(prev.value),
                        prev.when(lang),
                        bound(lang, *change, &ind.unit)
                    ),
                    Zh => format!(
                        "{}为 {}，{}为 {}：变动超出合理幅度（{}）",
                        ind.named(lang),
                        ind.val(*value),
                        prev.when(lang),
                        ind.val(prev.value),
                        bound(lang, *change, &ind.unit)
                    ),
                };
                let mut help = Vec::new();
                if let Some(r) = reading {
                    help.push(match lang {
                        En => format!("if the decimal point or the unit slipped, write {r}"),
                        Zh => format!("如小数点或单位填错，应填写 {r}"),
                    });
                }
                help.push(match (lang, binding) {
                    (En, false) => format!(
                        "if {} is right, confirm it on the entry: `confirmed: {{value: {}, reason: <why, with the source>}}`",
                        ind.val(*value),
                        num(*value)
                    ),
                    (Zh, false) => format!(
                        "如 {} 确实无误，请在该条目下写明核实：`confirmed: {{value: {}, reason: <原因及来源>}}`",
                        ind.val(*value),
                        num(*value)
                    ),
                    (En, true) => format!(
                        "if {} is right, ask {approver} for a suppression decision in the register for this figure: a binding indicator's figure is not confirmed by the department",
                        ind.val(*value)
                    ),
                    (Zh, true) => format!(
                        "如 {} 确实无误，请{approver}在决定登记簿中针对该数值登记豁免决定：约束性指标的数值不能由部门自行核实",
                        ind.val(*value)
                    ),
                });
                if let Some(c) = confirmed_other {
                    help.push(match lang {
                        En => format!(
                            "the entry's `confirmed` names {}, not this figure: it confirms nothing",
                            num(*c)
                        ),
                        Zh => format!("该条目 confirmed 写的是 {}，不是本数值：不起核实作用", num(*c)),
                    });
                }
                let sep = match lang {
                    En => "; ",
                    Zh => "；",
                };
                t(
                    message,
                    help.join(sep),
                    match lang {
                        En => "implausible change",
                        Zh => "变动不合理",
                    },
                )
            }
            PlausibleMsg::Inconsistent {
                ind,
                value,
                other,
                other_value,
                period,
                other_report,
            } => {
                let there = match (lang, other_report) {
                    (En, Some(p)) => format!(" in {p}"),
                    (Zh, Some(p)) => format!("（{p}）"),
                    (_, None) => String::new(),
                };
                match lang {
                    En => t(
                        format!(
                            "{} is {} but {}{there} is {} for {period}: the catalog declares them the same measure",
                            ind.named(lang),
                            ind.val(*value),
                            other.named(lang),
                            other.val(*other_value)
                        ),
                        format!(
                            "write the same figure in both: check which is the published {period} figure and correct the other"
                        ),
                        "differs from the same measure",
                    ),
                    Zh => t(
                        format!(
                            "{}为 {}，而{}{there}{period}年为 {}：目录规定两者为同一口径",
                            ind.named(lang),
                            ind.val(*value),
                            other.named(lang),
                            other.val(*other_value)
                        ),
                        format!("两处应填写同一数值：请核对{period}年公布的数值，改正另一处"),
                        "与同一口径的数值不一致",
                    ),
                }
            }
        }
    }
}

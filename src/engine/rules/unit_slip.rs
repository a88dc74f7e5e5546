//! PL212: a unit slip — a figure impossible as written that exactly one unit
//! factor makes plausible (a hard edit).

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{Impossible, PlausibleMsg};
use crate::model::code::Code;
use crate::model::plan::plausibility::{self, Reading};
use crate::model::plan::{Indicator, IndicatorKind};
use crate::model::report::IndicatorEntry;

pub const PL212: CodeInfo = CodeInfo {
    code: Code::PL212,
    summary: "a figure impossible as written — outside the range the catalog gives the indicator, or a share written as a fraction (a figure in (0, 1] where the previous accepted figure, or a level baseline, is 10 or more) — that exactly one unit factor (10, 100, 1000, 10⁴, 10⁸: a lost decimal point, 元/万元/亿元, 人/万人) brings to a plausible figure (in range and, where a previous figure exists, within its plausible change); 0 is never a slip. On its entry it is the only finding: the value findings the slip causes (PL201, PL202, PL203, PL207, PL211) are folded into it",
    why: "a slipped decimal point or unit makes a figure wrong by a power of ten, and every judgement on it — a regression, a breach, a request for a waiver — is about a figure nobody meant: the clerk must see the cause first, with the figure they likely meant. It is a hard edit: the figure as written cannot be true, so it must be corrected; only the plan office's register can accept it as it stands",
    example: "indicators:\n  - id: I14\n    value: 0.979\n",
    fix: "write the figure the help asks about (the decimal point moved: 0.979 → 97.9) if the source says so; a figure that is right as written needs a suppression decision of the plan office for that figure",
    zh: ChineseTexts {
        summary: "数值按所填写法不可能成立——超出目录给该指标的范围，或把占比写成了小数（上一年已接受的数值或时点基期值不低于 10，而所填数值在 `(0, 1]` 之间）——且恰好只有一个单位换算倍数（10、100、1000、10⁴、10⁸：小数点错位，元/万元/亿元，人/万人）能把它变成合理的数值（在范围之内，且有上一年数值时变动在合理幅度之内）；0 永远不算单位错误。该条目只报这一条：由它引起的数值诊断（PL201、PL202、PL203、PL207、PL211）都并入其中。",
        why: "小数点或单位填错会让数值差上若干个数量级，随后的每项判断——下降、未达标、申请豁免——针对的都是谁也没想填的数值：填报人员必须先看到原因，以及很可能想填的数值。这是硬性校验：所填数值不可能属实，必须改正；只有规划主管部门的决定登记簿可以照原样接受它。",
        example: "indicators:\n  - id: I14\n    value: 0.979   # 应为 97.9\n",
        fix: "如来源数据如此，请改填帮助信息所问的数值（移动小数点：0.979 → 97.9）；如所填数值本身无误，须由规划主管部门针对该数值登记豁免决定。",
    },
    check: Some(check),
};

/// What PL212 found on an entry.
pub struct Slip {
    pub written: String,
    pub meant: Reading,
    pub why: Impossible,
}

/// Whether a catalog entry is a share of a whole (unit %, range 0..100).
fn share(ind: &Indicator) -> bool {
    ind.unit == "%" && ind.range == [Some(0.0), Some(100.0)] && ind.kind == IndicatorKind::Level
}

/// The unit slip of an entry's figure, if it has one.
pub fn slip(ctx: &RuleCtx<'_>, e: &IndicatorEntry, ind: &Indicator) -> Option<Slip> {
    let v = e.value.as_ref()?.value;
    if v == 0.0 {
        return None;
    }
    let p = ctx.plan.plausibility(ind);
    let previous = ctx.previous(ind);
    let prev_value = previous.as_ref().map(|p| p.value);
    let period = ctx.period().unwrap_or_default();
    let prev_at = previous.as_ref().map(|p| (p.value, period - p.year));
    let why = if !plausibility::in_range(ind, v) {
        let [min, max] = ind.range;
        Impossible::OutOfRange { min, max }
    } else if share(ind) && v > 0.0 && v <= 1.0 && prev_value.is_some_and(|p| p >= 10.0) {
        Impossible::Fraction {
            prev: previous.as_ref()?.shown(),
        }
    } else {
        return None;
    };
    let written = e
        .value_text(&ctx.report.source)
        .map(str::to_string)
        .unwrap_or_else(|| crate::diagnostics::messages::num(v));
    let mut readings = plausibility::readings(ind, &p, &written, v, prev_at);
    if readings.len() != 1 {
        return None;
    }
    Some(Slip {
        written,
        meant: readings.remove(0),
        why,
    })
}

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, ind) in ctx.indicators() {
        let Some(v) = &e.value else { continue };
        let Some(s) = slip(ctx, e, ind) else { continue };
        let title = crate::diagnostics::messages::ServerText::FixReplace {
            with: s.meant.text.clone(),
        };
        out.push(
            ctx.on_value(
                e,
                ind,
                v.span,
                PlausibleMsg::UnitSlip {
                    ind: ind.into(),
                    written: s.written,
                    meant: s.meant.text.clone(),
                    why: s.why,
                    approver: ctx.approver(),
                },
            )
            .fix(v.span, s.meant.text, title),
        );
    }
}

/// Folds into each PL212 the value findings of its entry that the slip
/// causes (`Property::FoldedBySlip`): on that entry the slip is the one finding.
pub fn fold(findings: &mut Vec<Diagnostic>) {
    let slips: Vec<(String, String)> = (findings.iter())
        .filter(|d| d.code == Code::PL212)
        .map(|d| {
            (
                d.location.path.clone(),
                d.target.clone().unwrap_or_default(),
            )
        })
        .collect();
    if slips.is_empty() {
        return;
    }
    findings.retain(|d| {
        !(d.code.has(crate::model::code::Property::FoldedBySlip)
            && slips.iter().any(|(path, target)| {
                d.location.path == *path && d.target.as_deref() == Some(target.as_str())
            }))
    });
}

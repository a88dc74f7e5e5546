//! PL305: completed investment above the planned total.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::{Diagnostic, Location};
use crate::diagnostics::messages::{Note, ProjectMsg};
use crate::model::code::Code;
use crate::model::numeric;
use std::cmp::Ordering;

pub const PL305: CodeInfo = CodeInfo {
    code: Code::PL305,
    summary: "`completed_to_date` is above `planned_total`",
    why: "an overrun needs an adjusted budget, or the figure is in the wrong unit (万元 for 亿元)",
    example:
        "projects:\n  - id: P0901\n    investment: {planned_total: 3.2, completed_to_date: 4.1}\n",
    fix: "check the unit (亿元); if the overrun is real, report the approved new planned total",
    zh: ChineseTexts {
        summary: "累计完成投资（`completed_to_date`）超过计划总投资（`planned_total`）。",
        why: "超支需要调整后的预算；否则就是单位填错了（按万元填了数，单位却是亿元）。",
        example: "projects:\n  - id: P0901\n    investment: {planned_total: 3.2, completed_to_date: 4.1}   # 单位为亿元\n",
        fix: "检查单位（亿元）；如确实超支，请填报经批准的新计划总投资。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, p) in ctx.projects() {
        let (Some(done), Some(plan)) = (&e.completed_to_date, &e.planned_total) else {
            continue;
        };
        if numeric::compare(done.value, plan.value) != Ordering::Greater {
            continue;
        }
        out.push(
            ctx.finding(
                done.span,
                ProjectMsg::Overrun {
                    project: p.into(),
                    done: done.value,
                    planned: plan.value,
                },
            )
            .target(&p.id)
            .node_path(format!("{}/investment/completed_to_date", e.pointer()))
            .related(
                Location::at(&ctx.report.source, plan.span),
                Note::PlannedTotal,
            ),
        );
    }
}

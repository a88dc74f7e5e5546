//! PL301: a project's status can only change as the rule's transitions allow.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{Note, ProjectMsg};
use crate::model::code::Code;

pub const PL301: CodeInfo = CodeInfo {
    code: Code::PL301,
    summary: "a status change that cannot happen against the previous period (e.g. `completed` → `under_construction`, anything after `cancelled`) without a revision decision of the plan office for that report and project (trust.md); `suspended` → `completed` is a normal transition",
    why: "a completed project that is under construction again means either last year's completion or this year's status is wrong; the ledger must not be rewritten silently",
    example: "# 2022: P0901 status completed\nperiod: 2023\nprojects:\n  - id: P0901\n    status: under_construction\n    progress: 90\n",
    fix: "correct the status; if last year's report was wrong, ask the plan office to record a revision decision (decisions/, kind: revision, listing the project) and correct that report",
    zh: ChineseTexts {
        summary: "与上期相比不可能发生的状态变化（如已建成 `completed` → 在建 `under_construction`，已取消 `cancelled` 之后的任何变化），且规划主管部门没有针对该报告、该项目的修订决定；停缓建 `suspended` → 已建成 `completed` 属于正常变化。",
        why: "已建成的项目又变成在建，说明去年的“已建成”或今年的状态有一个是错的；项目台账不能被悄悄改写。",
        example: "# 2022年：P0901 为 completed（已建成）\nperiod: 2023\nprojects:\n  - id: P0901\n    status: under_construction\n    progress: 90\n",
        fix: "改正状态；如去年的报告有误，请规划主管部门登记列明该项目的修订决定（在 decisions/ 中，`kind: revision`），并改正那份报告。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(transitions) = &ctx.rule.entry.params.transitions else {
        return;
    };
    let department = ctx.report.department().unwrap_or_default();
    for (e, p) in ctx.projects() {
        let (Some(status), Some(period)) = (&e.status, ctx.period()) else {
            continue;
        };
        // Only the plan office's revision decision for this report and
        // project allows it; the report's own `revision` block is a note.
        if (ctx.register)
            .revision_for(ctx.plan.id(), department, period, &p.id)
            .is_some()
        {
            continue;
        }
        let Some(prev) = ctx
            .history
            .previous_project(ctx.plan, p, period)
            .and_then(|f| f.status)
        else {
            continue;
        };
        let allowed = transitions.get(&prev.value).map_or(&[][..], Vec::as_slice);
        if prev.value == status.value || allowed.contains(&status.value) {
            continue;
        }
        out.push(
            ctx.finding(
                status.span,
                ProjectMsg::Transition {
                    project: p.into(),
                    from: prev.value,
                    from_period: prev.period,
                    to: status.value,
                    period,
                    allowed: allowed.to_vec(),
                },
            )
            .target(&p.id)
            .node_path(format!("{}/status", e.pointer()))
            .related(
                prev.location(),
                Note::StatusWas {
                    status: prev.value,
                    year: prev.period,
                },
            ),
        );
    }
}

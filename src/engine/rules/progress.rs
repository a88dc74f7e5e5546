//! PL302: a project's progress and completed investment never fall.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{Measure, Note, ProjectMsg};
use crate::engine::history::Fact;
use crate::model::code::Code;
use crate::model::numeric;
use crate::model::report::Spanned;
use std::cmp::Ordering;

pub const PL302: CodeInfo = CodeInfo {
    code: Code::PL302,
    summary: "`progress` or `investment.completed_to_date` is lower than in the previous period",
    why: "形象进度 and completed investment accumulate; a lower figure means one of the two years is wrong",
    example: "# 2022: progress 65\nperiod: 2023\nprojects:\n  - id: P0901\n    status: under_construction\n    progress: 60\n",
    fix: "report the cumulative figure to date; if last year's figure was wrong, ask the plan office for a revision decision naming that report (decisions/, trust.md): only with it may the accepted report be corrected, otherwise the change is PL401",
    zh: ChineseTexts {
        summary: "`progress`（形象进度）或 `investment` 下的 `completed_to_date`（累计完成投资）低于上期。",
        why: "形象进度和累计完成投资只增不减；数值变小，说明两年中有一年的数据是错的。",
        example: "# 2022年：progress 为 65\nperiod: 2023\nprojects:\n  - id: P0901\n    status: under_construction\n    progress: 60\n",
        fix: "填报截至目前的累计数；如去年的数据有误，请规划主管部门在决定登记簿（decisions/）中登记针对那份报告的修订决定：有了修订决定才能改正已接受的报告，否则改动会触发 PL401。",
    },
    check: Some(check),
};

/// (what, field, this period's figure, the previous figure)
type Figures<'a> = (
    Measure,
    &'a str,
    Option<&'a Spanned<f64>>,
    Option<Fact<'a, f64>>,
);

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, p) in ctx.projects() {
        let Some(period) = ctx.period() else { continue };
        let Some(prev) = ctx.history.previous_project(ctx.plan, p, period) else {
            continue;
        };
        let pairs: [Figures<'_>; 2] = [
            (
                Measure::Progress,
                "progress",
                e.progress.as_ref(),
                prev.progress,
            ),
            (
                Measure::Investment,
                "investment/completed_to_date",
                e.completed_to_date.as_ref(),
                prev.completed_to_date,
            ),
        ];
        for (measure, field, cur, before) in pairs {
            let (Some(cur), Some(before)) = (cur, before) else {
                continue;
            };
            if numeric::compare(cur.value, before.value) != Ordering::Less {
                continue;
            }
            out.push(
                ctx.finding(
                    cur.span,
                    ProjectMsg::Decrease {
                        project: p.into(),
                        measure,
                        before: before.value,
                        before_period: before.period,
                        now: cur.value,
                        period,
                    },
                )
                .target(&p.id)
                .node_path(format!("{}/{field}", e.pointer()))
                .related(
                    before.location(),
                    Note::EarlierFigure {
                        value: before.value,
                        unit: measure.unit().to_string(),
                        year: before.period,
                    },
                ),
            );
        }
    }
}

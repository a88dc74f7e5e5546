//! PL304: project dates are in order and plausible.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::{Diagnostic, Location};
use crate::diagnostics::messages::{DateField, Note, ProjectMsg};
use crate::model::code::Code;
use jiff::civil::Date;

pub const PL304: CodeInfo = CodeInfo {
    code: Code::PL304,
    summary: "`started` after `completed`, or a date after `submitted` or more than five years before the plan's first year",
    why: "dates out of order are typing errors (2032 for 2023) that make durations and completion years wrong",
    example: "projects:\n  - id: P0901\n    status: completed\n    started: 2023-05-01\n    completed: 2022-12-30\n",
    fix: "correct the date; dates are written YYYY-MM-DD",
    zh: ChineseTexts {
        summary: "开工日期（`started`）晚于竣工日期（`completed`），或某个日期晚于报送日期（`submitted`），或早于规划期第一年之前五年。",
        why: "先后颠倒的日期是录入错误（2023 写成了 2032），会使工期和建成年份出错。",
        example: "projects:\n  - id: P0901\n    status: completed\n    started: 2023-05-01\n    completed: 2022-12-30   # 早于开工日期\n",
        fix: "改正日期；日期写作 YYYY-MM-DD，如 2023-05-01。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let years = ctx.rule.entry.params.max_years_before_start.unwrap_or(5) as i16;
    let earliest = Date::new(ctx.plan.header.period.start as i16 - years, 1, 1).ok();
    let submitted = ctx.report.submitted.as_ref();
    for (e, p) in ctx.projects() {
        if let (Some(s), Some(c)) = (&e.started, &e.completed) {
            if s.value > c.value {
                out.push(
                    ctx.finding(
                        s.span,
                        ProjectMsg::StartedAfterCompleted {
                            project: p.into(),
                            started: s.value.to_string(),
                            completed: c.value.to_string(),
                        },
                    )
                    .target(&p.id)
                    .node_path(format!("{}/started", e.pointer()))
                    .related(Location::at(&ctx.report.source, c.span), Note::Completed),
                );
            }
        }
        for (field, date) in [
            (DateField::Started, &e.started),
            (DateField::Completed, &e.completed),
        ] {
            let Some(d) = date else { continue };
            if let Some(sub) = submitted.filter(|sub| d.value > sub.value) {
                out.push(
                    ctx.finding(
                        d.span,
                        ProjectMsg::AfterSubmission {
                            project: p.into(),
                            field,
                            date: d.value.to_string(),
                            submitted: sub.value.to_string(),
                        },
                    )
                    .target(&p.id)
                    .node_path(format!("{}/{}", e.pointer(), field.key()))
                    .related(Location::at(&ctx.report.source, sub.span), Note::Submitted),
                );
            } else if let Some(min) = earliest.filter(|m| d.value < *m) {
                out.push(
                    ctx.finding(
                        d.span,
                        ProjectMsg::TooEarly {
                            project: p.into(),
                            field,
                            date: d.value.to_string(),
                            min: min.to_string(),
                            years,
                        },
                    )
                    .target(&p.id)
                    .node_path(format!("{}/{}", e.pointer(), field.key())),
                );
            }
        }
    }
}

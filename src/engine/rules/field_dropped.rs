//! PL307: a project entry leaves out `investment` or `started` that the
//! department gave for it in the previous period.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{num, Note, ProjectMsg};
use crate::model::code::Code;

pub const PL307: CodeInfo = CodeInfo {
    code: Code::PL307,
    summary: "a project entry leaves out `investment.planned_total`, `investment.completed_to_date` or `started`, which the department gave for it in its previous report",
    why: "a figure that stops being reported looks like a fall to zero in `status`: a column's investment falling from 35.1 to 0 is a reporting gap, not a fact, and the office cannot tell the two apart",
    example: "# 2023: investment {planned_total: 35.1, completed_to_date: 17.71}, started 2021-06-01\nperiod: 2024\nprojects:\n  - id: P0901\n    status: under_construction\n    progress: 80\n",
    fix: "write the fields again as the previous report gave them, changing only what changed (the amount completed to date is this year's); `plan-lint init` carries them over into a new report",
    zh: ChineseTexts {
        summary: "项目条目漏填了本部门上一份报告已填写的 `investment.planned_total`（计划总投资）、`investment.completed_to_date`（累计完成投资）或 `started`（开工日期）。",
        why: "不再填报的数字在 `status` 中看起来像降到了 0：某个专栏的投资从 35.1 变成 0，是漏报而不是事实，规划主管部门无法区分两者。",
        example: "# 2023年：investment {planned_total: 35.1, completed_to_date: 17.71}，started 2021-06-01\nperiod: 2024\nprojects:\n  - id: P0901\n    status: under_construction\n    progress: 80\n",
        fix: "照上一份报告补填这些字段，有变化的才改为新值（累计完成投资填本年度的数）；`plan-lint init` 生成的新报告会自动沿用。",
    },
    check: Some(check),
};

/// A field's figure in the earlier report, written out when asked.
type Earlier<'a> = &'a dyn Fn() -> Option<String>;

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(period) = ctx.period() else { return };
    for (e, p) in ctx.projects() {
        let Some(prev) = ctx.history.previous_project(ctx.plan, p, period) else {
            continue;
        };
        // Whether each field was given last time and is not now; the earlier
        // figure is written out only for a field that was dropped (formatting
        // it for every project was most of this rule's time).
        let figure = |f: Option<crate::engine::history::Fact<'_, f64>>| f.map(|f| num(f.value));
        let fields: [(&str, bool, Earlier<'_>); 3] = [
            (
                "investment.planned_total",
                e.planned_total.is_some(),
                &|| figure(prev.planned_total),
            ),
            (
                "investment.completed_to_date",
                e.completed_to_date.is_some(),
                &|| figure(prev.completed_to_date),
            ),
            ("started", e.started.is_some(), &|| {
                prev.started.map(|f| f.value.to_string())
            }),
        ];
        let dropped: Vec<(String, String)> = (fields.into_iter())
            .filter(|(_, now, _)| !now)
            .filter_map(|(key, _, before)| Some((key.to_string(), before()?)))
            .collect();
        if dropped.is_empty() {
            continue;
        }
        let msg = ProjectMsg::FieldDropped {
            project: p.into(),
            dropped,
            before_period: prev.period,
            period,
        };
        let mut finding = ctx
            .finding(e.id.span, msg)
            .target(&p.id)
            .node_path(e.pointer());
        let before = [prev.planned_total, prev.completed_to_date]
            .into_iter()
            .flatten()
            .next();
        if let Some(f) = before {
            finding = finding.related(
                f.location(),
                Note::EarlierFigure {
                    value: f.value,
                    unit: " 亿元".to_string(),
                    year: f.period,
                },
            );
        }
        out.push(finding);
    }
}

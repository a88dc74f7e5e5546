//! PL303: a completed project has a completion date, evidence and 100% progress.

use super::{ChineseTexts, CodeInfo, RuleCtx};
use crate::diagnostics::diagnostic::Diagnostic;
use crate::diagnostics::messages::{ProjProblem, ProjectMsg};
use crate::model::code::Code;
use crate::model::plan::ProjectStatus;

pub const PL303: CodeInfo = CodeInfo {
    code: Code::PL303,
    summary: "`completed` status without a `completed` date, without `evidence`, or with progress below 100",
    why: "completion is what the ledger counts; it must be dated and backed by the 验收/竣工 documents",
    example: "projects:\n  - id: P0901\n    status: completed\n    progress: 100\n    evidence: []\n",
    fix: "add the completion date and the acceptance documents under `evidence`, and set progress to 100",
    zh: ChineseTexts {
        summary: "状态为已建成（`completed`），却没有竣工日期（`completed`）、没有验收材料（`evidence`），或形象进度不到 100。",
        why: "建成是台账统计的内容，必须有日期，并有验收、竣工材料为证。",
        example: "projects:\n  - id: P0901\n    status: completed\n    progress: 100\n    evidence: []   # 没有验收材料，也没有竣工日期\n",
        fix: "填写竣工日期，在 `evidence` 下列出验收材料，并把 `progress` 设为 100。",
    },
    check: Some(check),
};

fn check(ctx: &RuleCtx<'_>, out: &mut Vec<Diagnostic>) {
    for (e, p) in ctx.projects() {
        let Some(status) = e
            .status
            .as_ref()
            .filter(|s| s.value == ProjectStatus::Completed)
        else {
            continue;
        };
        let mut lacks = Vec::new();
        // A date written in another form is PL002's (with the date it reads as).
        if e.completed.is_none() && !e.completed_written {
            lacks.push(ProjProblem::NoCompletedDate);
        }
        if e.evidence.as_ref().is_none_or(|ev| ev.value == 0) {
            lacks.push(ProjProblem::NoEvidence);
        }
        if let Some(pr) = e.progress.as_ref().filter(|pr| pr.value < 100.0) {
            lacks.push(ProjProblem::Progress(pr.value));
        }
        if lacks.is_empty() {
            continue;
        }
        out.push(
            ctx.finding(
                status.span,
                ProjectMsg::CompletedLacks {
                    project: p.into(),
                    lacks,
                },
            )
            .target(&p.id)
            .node_path(format!("{}/status", e.pointer())),
        );
    }
}

//! PL303: a completed project has a completion date, evidence and 100% progress.

use super::{CodeInfo, RuleCtx, Subject};
use crate::diagnostic::Diagnostic;
use crate::messages::{ProjProblem, ProjectMsg};
use crate::plan::ProjectStatus;

pub const PL303: CodeInfo = CodeInfo {
    code: "PL303",
    name: "completion-evidence",
    severity: "error",
    subject: Subject::Project,
    plan_rule: true,
    required_params: &[],
    summary: "`completed` status without a `completed` date, without `evidence`, or with progress below 100",
    why: "completion is what the ledger counts; it must be dated and backed by the 验收/竣工 documents",
    example: "projects:\n  - id: P0901\n    status: completed\n    progress: 100\n    evidence: []\n",
    fix: "add the completion date and the acceptance documents under `evidence`, and set progress to 100",
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

//! PL401, PL402 (with `--base REV`): accepted reports are not rewritten
//! without a `revision` block, and not deleted.

use super::{CodeInfo, Subject};
use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::messages::{Changed, HistoryMsg, Note};
use crate::source::SourceFile;
use crate::yaml::{self, Limits, Node};

pub const PL401: CodeInfo = CodeInfo {
    code: "PL401",
    name: "history-rewritten",
    severity: "error",
    subject: Subject::History,
    plan_rule: false,
    required_params: &[],
    summary: "a report that exists at the merge-base has different parsed content now (comments and formatting do not count) and no new or changed `revision` block",
    why: "accepted reports are the plan's record: a figure changed after acceptance must say why and who approved it, or history is silently rewritten",
    example: "# progress/2022/eco-env.yaml, accepted with I14 value 97.5, now says\nindicators:\n  - id: I14\n    value: 97.9\n",
    fix: "add (or update) `revision: {reason: <why>, approved_by: 区发展和改革局}` to the changed report, or undo the change",
    check: None,
};

pub const PL402: CodeInfo = CodeInfo {
    code: "PL402",
    name: "history-deleted",
    severity: "error",
    subject: Subject::History,
    plan_rule: false,
    required_params: &[],
    summary: "a report that exists at the merge-base is deleted (a rename that keeps its department and period is not a deletion)",
    why: "a deleted report removes a year from the record and from every later comparison",
    example: "# git rm progress/2022/eco-env.yaml\n",
    fix: "restore the file; to correct it, change it and add a `revision` block",
    check: None,
};

fn parse(text: &str) -> Option<Node> {
    let src = text.strip_prefix('\u{feff}').unwrap_or(text);
    yaml::load(src, 0, Limits::default()).ok()
}

/// PL401 for one report that exists at the base and now: `current` is the
/// working-tree source, `base_text` the text at the merge-base, `base_name`
/// how the base version is shown (`path@commit`).
pub fn rewritten(
    current: &crate::source::Source,
    base_text: &str,
    base_name: &str,
) -> Option<Diagnostic> {
    let now = parse(current.text())?;
    let before = parse(base_text)?;
    let (now_json, before_json) = (now.to_json(), before.to_json());
    if now_json == before_json {
        return None;
    }
    let revision_now = now_json.get("revision");
    if revision_now.is_some() && revision_now != before_json.get("revision") {
        return None;
    }
    // Point at the first top-level entry that differs.
    let changed = now
        .as_map()
        .unwrap_or(&[])
        .iter()
        .find(|(k, v)| before_json.get(k.key_text()) != Some(&v.to_json()))
        .map(|(k, _)| k.clone());
    let base_source = SourceFile::new(base_name, base_text);
    let (location, node_path) = match &changed {
        Some(k) => (Location::at(current, k.span), format!("/{}", k.key_text())),
        None => (Location::file_start(current), String::new()),
    };
    let mut d = Diagnostic::new(
        "PL401",
        Severity::Error,
        location,
        HistoryMsg::Rewritten {
            path: current.path.clone(),
            key: changed.as_ref().map(Node::key_text),
        },
    )
    .node_path(node_path.clone());
    let before_loc = match before.pointer(&node_path) {
        Some((k, v)) if !node_path.is_empty() => Location::at(&base_source, k.unwrap_or(v).span),
        _ => Location::file_start(&base_source),
    };
    d = d.related(before_loc, Note::AsAccepted);
    Some(d)
}

/// PL402 for a report that exists at the base and is gone now.
pub fn deleted(path: &str, base_commit: &str) -> Diagnostic {
    Diagnostic::new(
        "PL402",
        Severity::Error,
        Location::path_only(path),
        HistoryMsg::Deleted {
            path: path.to_string(),
            base: base_commit.to_string(),
        },
    )
    .node_path("")
}

pub const PL403: CodeInfo = CodeInfo {
    code: "PL403",
    name: "rules-changed",
    severity: "warning",
    subject: Subject::History,
    plan_rule: false,
    required_params: &[],
    summary: "with `--base`, the pull request changes plan-lint.toml or a `--plan` directory; the pull request is judged by the base revision's versions, and the changes take effect after merge",
    why: "a pull request must not weaken the rules that judge it: the configuration and plan of its base decide, and the change is shown for review",
    example: "# the pull request edits plan-lint.toml:\n[severity]\nPL203 = \"warning\"\n",
    fix: "nothing, if the change is intended: it applies to pull requests after this one is merged; have the rule owners (CODEOWNERS) review it",
    check: None,
};

/// PL403 for a configuration or plan file that differs from its base version.
pub fn rules_changed(path: &str, what: Changed, base_commit: &str, exists_now: bool) -> Diagnostic {
    let location = match std::fs::read_to_string(path) {
        Ok(text) if exists_now => Location::file_start(&SourceFile::new(path, text)),
        _ => Location::path_only(path),
    };
    Diagnostic::new(
        "PL403",
        Severity::Warning,
        location,
        HistoryMsg::RulesChanged {
            what,
            path: path.to_string(),
            base: base_commit.to_string(),
        },
    )
}

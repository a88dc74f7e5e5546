//! PL401, PL402 (with `--base REV`): accepted reports change only where
//! the plan office's revision decisions allow, and never leave the record.

use super::{CodeInfo, Explain};
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Changed, HistoryMsg, Note};
use crate::model::code::Code;
use crate::syntax::source::SourceFile;
use crate::syntax::yaml::{self, Limits, Node};

pub const PL401: CodeInfo = CodeInfo {
    code: Code::PL401,
    summary: "a report accepted at the merge-base has different parsed content now (comments and formatting do not count) in an entry no revision decision of the plan office's register (at the merge-base) lists; a `pending` replaced by its `value` is not a rewrite",
    why: "accepted reports are the plan's record: a figure changed after acceptance needs the plan office's decision, which the department cannot write, or history is silently rewritten",
    example: "# progress/2022/eco-env.yaml, accepted with I14 value 97.5, now says\nindicators:\n  - id: I14\n    value: 97.9\n",
    fix: "undo the change; if the accepted figure was wrong, ask the plan office to record a revision decision (decisions/, kind: revision, listing the entry), then update the branch",
    zh: Explain {
        severity: "错误",
        summary: "在合并基点已被接受的报告，现在读出的内容变了（注释和格式不算），而改动的条目不在规划主管部门决定登记簿（以合并基点为准）任何一项修订决定之中；用 `value` 替换待报的 `pending` 不算改写。",
        why: "已接受的报告是规划实施的记录：接受后改动数据，需要规划主管部门作出决定，而部门无权写入这项决定；否则历史就被悄悄改写了。",
        example: "# progress/2022/eco-env.yaml 接受时 I14 为 97.5，现在写的是\nindicators:\n  - id: I14\n    value: 97.9\n",
        fix: "撤销修改；如已接受的数据确有错误，请规划主管部门登记列明此条目的修订决定（在 decisions/ 中，`kind: revision`），然后更新你的分支。",
    },
    check: None,
};

pub const PL402: CodeInfo = CodeInfo {
    code: Code::PL402,
    summary: "a (department, period) with an accepted report at the merge-base has none now, whatever removed it: deleting, renaming to a name that is not read, moving out of the data root, changing `period` or `department` in place, a link (a rename that keeps department and period is not a deletion)",
    why: "a removed report takes a year out of the record and out of every later comparison",
    example: "# git mv progress/2022/eco-env.yaml progress/2022/eco-env.yaml.bak\n",
    fix: "restore the report under progress/<period>/<department>.yaml with its department and period; to correct it, the plan office records a revision decision",
    zh: Explain {
        severity: "错误",
        summary: "某个部门某一年度在合并基点有已接受的报告，现在却没有了，不论是怎么去掉的：删除、改成不会被读取的文件名、移出数据目录、直接修改 `period` 或 `department`、换成链接（保持部门和年度不变的改名不算删除）。",
        why: "删掉一份报告，就从记录中去掉了一年，以后的每一次比较也都少了这一年。",
        example: "# 改名：git mv progress/2022/eco-env.yaml progress/2022/eco-env.yaml.bak\n",
        fix: "按原部门和年度，把报告恢复到 `progress/<年度>/<部门代码>.yaml`；要改正其内容，须由规划主管部门登记修订决定。",
    },
    check: None,
};

fn parse(text: &str) -> Option<Node> {
    let src = text.strip_prefix('\u{feff}').unwrap_or(text);
    yaml::load(src, 0, Limits::default()).ok()
}

/// What the plan office's revision decisions allow a report to change.
pub struct Allowed<'a> {
    /// Whether an entry (an indicator or project id, or a top-level key)
    /// may change; `all` in a decision allows every one.
    pub entry: &'a dyn Fn(&str) -> bool,
    /// Whether any revision decision covers the report: then its metadata
    /// (`submitted`, the `revision` note) may change with the entries.
    pub revised: bool,
}

/// The top-level keys that change with any revision of the report.
const METADATA: [&str; 2] = ["submitted", "revision"];

/// One entry of a report list, by id: its key node (for the place) and its JSON.
fn entries(root: &Node, list: &str) -> Vec<(String, Node, serde_json::Value)> {
    (root.get(list).and_then(Node::as_seq).unwrap_or(&[]))
        .iter()
        .filter_map(|e| {
            let id = e.get("id")?.as_str()?.to_string();
            Some((id, e.clone(), e.to_json()))
        })
        .collect()
}

/// Whether an indicator entry changed only by its figure arriving: it was
/// `pending` and has a `value` now (trust.md: how figures arrive).
fn figure_arrived(before: &serde_json::Value, now: &serde_json::Value) -> bool {
    before.get("pending").is_some()
        && before.get("value").is_none()
        && now.get("value").is_some()
        && now.get("pending").is_none()
}

/// PL401 for one report that exists at the base and now, one per entry
/// that changed without a revision decision allowing it: `current` is the
/// working-tree source, `base_text` the text at the merge-base, `base_name`
/// how the base version is shown (`path@commit`).
pub fn rewritten(
    current: &crate::syntax::source::Source,
    base_text: &str,
    base_name: &str,
    allowed: &Allowed<'_>,
) -> Vec<Diagnostic> {
    let (Some(now), Some(before)) = (parse(current.text()), parse(base_text)) else {
        return Vec::new();
    };
    if now.to_json() == before.to_json() {
        return Vec::new();
    }
    let base_source = SourceFile::new(base_name, base_text);
    let mut out = Vec::new();
    let mut changed =
        |entry: String, pointer: String, now_at: Option<&Node>, before_at: Option<&Node>| {
            let location = match now_at {
                Some(n) => Location::at(current, n.span),
                None => Location::file_start(current),
            };
            let before_loc = match before_at {
                Some(n) => Location::at(&base_source, n.span),
                None => Location::file_start(&base_source),
            };
            out.push(
                Diagnostic::new(
                    Code::PL401,
                    Severity::Error,
                    location,
                    HistoryMsg::Rewritten {
                        path: current.path.clone(),
                        key: Some(entry),
                    },
                )
                .node_path(pointer)
                .related(before_loc, Note::AsAccepted),
            );
        };
    // Top-level keys other than the two lists.
    let keys = |n: &Node| -> Vec<String> {
        n.as_map()
            .unwrap_or(&[])
            .iter()
            .map(|(k, _)| k.key_text())
            .filter(|k| k != "indicators" && k != "projects")
            .collect()
    };
    let mut top: Vec<String> = keys(&now);
    for k in keys(&before) {
        if !top.contains(&k) {
            top.push(k);
        }
    }
    for k in top {
        let (a, b) = (now.entry(&k), before.entry(&k));
        if a.map(|(_, v)| v.to_json()) == b.map(|(_, v)| v.to_json()) {
            continue;
        }
        if (allowed.entry)(&k) || (allowed.revised && METADATA.contains(&k.as_str())) {
            continue;
        }
        changed(
            k.clone(),
            format!("/{k}"),
            a.map(|(k, _)| k),
            b.map(|(k, _)| k),
        );
    }
    for list in ["indicators", "projects"] {
        let (now_entries, before_entries) = (entries(&now, list), entries(&before, list));
        let find = |v: &[(String, Node, serde_json::Value)], id: &str| {
            v.iter().position(|(i, _, _)| i == id)
        };
        let mut ids: Vec<&str> = now_entries.iter().map(|(i, _, _)| i.as_str()).collect();
        for (i, _, _) in &before_entries {
            if !ids.contains(&i.as_str()) {
                ids.push(i);
            }
        }
        for id in ids {
            let a = find(&now_entries, id).map(|p| &now_entries[p]);
            let b = find(&before_entries, id).map(|p| &before_entries[p]);
            match (a, b) {
                (Some(a), Some(b)) if a.2 == b.2 => continue,
                (Some(a), Some(b)) if list == "indicators" && figure_arrived(&b.2, &a.2) => {
                    continue
                }
                _ => {}
            }
            if (allowed.entry)(id) {
                continue;
            }
            let pointer = match a {
                Some(_) => format!("/{list}/{}", find(&now_entries, id).unwrap_or_default()),
                None => format!("/{list}"),
            };
            let now_at = a
                .map(|(_, n, _)| n)
                .or_else(|| now.entry(list).map(|(k, _)| k));
            changed(id.to_string(), pointer, now_at, b.map(|(_, n, _)| n));
        }
    }
    out
}

/// PL402 for a report that exists at the base and is gone now.
pub fn deleted(path: &str, base_commit: &str) -> Diagnostic {
    Diagnostic::new(
        Code::PL402,
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
    code: Code::PL403,
    summary: "with `--base`, the pull request changes, adds or deletes plan-lint.toml, a `--plan` directory or a file of the decisions register; the pull request is judged by the merge-base's versions (one missing there is missing), and the changes take effect after merge",
    why: "a pull request must not weaken the rules that judge it: the configuration and plan of its base decide, and the change is shown for review",
    example: "# the pull request edits plan-lint.toml:\n[severity]\nPL203 = \"warning\"\n",
    fix: "nothing, if the change is intended: it applies to pull requests after this one is merged; have the rule owners (CODEOWNERS) review it",
    zh: Explain {
        severity: "警告",
        summary: "使用 `--base` 时，拉取请求修改、新增或删除了 `plan-lint.toml`、`--plan` 指定的文件夹或决定登记簿中的文件；本拉取请求按合并基点的版本评判（合并基点没有的就视为没有），这些改动在合并后生效。",
        why: "拉取请求不能放宽评判它自己的规则：以其合并基点的配置和规划为准，改动则列出来供审核。",
        example: "# 拉取请求修改了 plan-lint.toml：\n[severity]\nPL203 = \"warning\"\n",
        fix: "如改动是有意的，无需处理：它对本次合并之后的拉取请求生效；请规则负责人（CODEOWNERS）审核。",
    },
    check: None,
};

/// PL403 for a configuration or plan file that differs from its base version.
pub fn rules_changed(path: &str, what: Changed, base_commit: &str, exists_now: bool) -> Diagnostic {
    let location = match std::fs::read_to_string(path) {
        Ok(text) if exists_now => Location::file_start(&SourceFile::new(path, text)),
        _ => Location::path_only(path),
    };
    Diagnostic::new(
        Code::PL403,
        Severity::Warning,
        location,
        HistoryMsg::RulesChanged {
            what,
            path: path.to_string(),
            base: base_commit.to_string(),
        },
    )
}

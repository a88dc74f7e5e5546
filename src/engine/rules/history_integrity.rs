//! PL401, PL402 (with `--base REV`): accepted reports change only where
//! the plan office's revision decisions allow, and never leave the record.

use super::{ChineseTexts, CodeInfo};
use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Changed, Deviation, HistoryMsg, Note};
use crate::load::decisions::{Decision, RevisionEntry};
use crate::model::code::Code;
use crate::syntax::source::SourceFile;
use crate::syntax::yaml::{self, Limits, Node, NodeKind};

pub const PL401: CodeInfo = CodeInfo {
    code: Code::PL401,
    summary: "a report accepted at the merge-base has different parsed content now (comments, formatting, quoting and key order do not count; numbers compare as values, so 100, 100.0 and 1e2 are one figure) other than a revision decision of the plan office's register (at the merge-base) approves: a decision lists each entry with the figures the report may now hold (or `remove: true`), and any other field, any other figure, any other entry is a rewrite; a `pending` replaced by its `value` is not a rewrite",
    why: "accepted reports are the plan's record: a figure changed after acceptance needs the plan office's decision, which the department cannot write, or history is silently rewritten",
    example: "# progress/2022/eco-env.yaml, accepted with I14 value 97.5, now says\nindicators:\n  - id: I14\n    value: 97.9\n",
    fix: "undo the change, or write the figure the revision decision approves; if the accepted figure was wrong, ask the plan office to record a revision decision (decisions/, kind: revision, `entries: [{target: I14, value: 97.4}]`), then update the branch",
    zh: ChineseTexts {
        summary: "在合并基点已被接受的报告，现在读出的内容变了（注释、格式、引号和键的顺序不算；数字按数值比较，100、100.0 和 1e2 是同一个数），且不是规划主管部门决定登记簿（以合并基点为准）中修订决定所批准的改动：修订决定逐条列明条目及报告现在可以填报的数值（或 `remove: true`），其他字段、其他数值、其他条目的改动都是改写；用 `value` 替换待报的 `pending` 不算改写。",
        why: "已接受的报告是规划实施的记录：接受后改动数据，需要规划主管部门作出决定，而部门无权写入这项决定；否则历史就被悄悄改写了。",
        example: "# progress/2022/eco-env.yaml 接受时 I14 为 97.5，现在写的是\nindicators:\n  - id: I14\n    value: 97.9\n",
        fix: "撤销修改，或填写修订决定批准的数值；如已接受的数据确有错误，请规划主管部门登记修订决定（在 decisions/ 中，`kind: revision`，`entries: [{target: I14, value: 97.4}]`），然后更新你的分支。",
    },
    check: None,
};

pub const PL402: CodeInfo = CodeInfo {
    code: Code::PL402,
    summary: "a (department, period) with an accepted report at the merge-base has none now, whatever removed it: deleting, renaming to a name that is not read, moving out of the data root, changing `period` or `department` in place, a link (a rename that keeps department and period is not a deletion)",
    why: "a removed report takes a year out of the record and out of every later comparison",
    example: "# git mv progress/2022/eco-env.yaml progress/2022/eco-env.yaml.bak\n",
    fix: "restore the report under progress/<period>/<department>.yaml with its department and period; to correct it, the plan office records a revision decision",
    zh: ChineseTexts {
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

/// What the plan office's revision decisions allow a report to change:
/// the revisions of the register (at the merge-base) for the report's
/// plan, department and period. Each names the entries it approves with
/// their figures; a version-2 decision (`targets` only) approves nothing.
pub struct Allowed<'a> {
    pub revisions: Vec<&'a Decision>,
}

impl Allowed<'_> {
    /// Nothing is allowed.
    pub fn nothing() -> Allowed<'static> {
        Allowed {
            revisions: Vec::new(),
        }
    }
    /// Whether any revision approves an entry of the report: then its
    /// metadata (`submitted`, the `revision` note) may change with them.
    fn revised(&self) -> bool {
        self.revisions.iter().any(|d| !d.entries.is_empty())
    }
    /// Whether an entry that differs from its accepted version (`before`)
    /// is as a revision approves it (`Ok`), or how it deviates from the
    /// first revision that lists it (`Err`, with that decision's id); `None`
    /// when no revision lists it.
    fn verdict(
        &self,
        id: &str,
        before: Option<&Node>,
        now: Option<&Node>,
    ) -> Option<Result<(), (String, Deviation)>> {
        let mut first = None;
        for d in &self.revisions {
            for e in d.entries_for(id) {
                match deviation(e, before, now) {
                    None => return Some(Ok(())),
                    Some(dev) => {
                        first.get_or_insert((d.id.clone(), dev));
                    }
                }
            }
        }
        first.map(Err)
    }
}

/// How an entry deviates from what a revision entry approves: it may differ
/// from its accepted version in exactly the approved fields, to exactly
/// the approved figures (numbers as values); `remove` lets it go.
fn deviation(e: &RevisionEntry, before: Option<&Node>, now: Option<&Node>) -> Option<Deviation> {
    let Some(now) = now else {
        return (!e.remove).then_some(Deviation::Removed);
    };
    if e.remove {
        return Some(Deviation::Kept);
    }
    let mut keys: Vec<String> = Vec::new();
    for n in before.into_iter().chain([now]) {
        for (k, _) in n.as_map().unwrap_or(&[]) {
            let k = k.key_text();
            if k != "id" && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    for k in keys {
        let (b, n) = (before.and_then(|x| x.get(&k)), now.get(&k));
        if same_opt(b, n) {
            continue;
        }
        let Some(approved) = e.field(&k) else {
            return Some(Deviation::Unlisted {
                field: k,
                listed: e.fields.iter().map(|(f, _)| f.clone()).collect(),
            });
        };
        if !fits(b, n, approved) {
            return Some(Deviation::Figure {
                field: k,
                approved: shown(approved),
                written: n.map(shown),
            });
        }
    }
    None
}

/// Whether a field's value now is what a revision approves for it, from its
/// accepted value `before`: the approved figure, or, for a mapping (a
/// project's `investment`), the approved keys at their figures and every
/// other key as accepted.
fn fits(before: Option<&Node>, now: Option<&Node>, approved: &Node) -> bool {
    if same_opt(before, now) {
        return true;
    }
    match (&approved.kind, now.map(|n| &n.kind)) {
        (NodeKind::Map(a), Some(NodeKind::Map(n))) => {
            let before_map = before.and_then(Node::as_map).unwrap_or(&[]);
            let mut keys: Vec<String> = before_map.iter().map(|(k, _)| k.key_text()).collect();
            keys.extend(n.iter().map(|(k, _)| k.key_text()));
            keys.iter().all(|k| {
                let b = before.and_then(|x| x.get(k));
                let n = now.and_then(|x| x.get(k));
                match a.iter().find(|(ak, _)| ak.key_text() == *k) {
                    Some((_, av)) => fits(b, n, av),
                    None => same_opt(b, n),
                }
            })
        }
        _ => now.is_some_and(|n| same(n, approved)),
    }
}

/// A value as a message shows it: a scalar as written in YAML, a
/// collection in flow style.
fn shown(n: &Node) -> String {
    match &n.kind {
        NodeKind::Null => "null".into(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Number { value, integer } => yaml::format_number(*value, *integer),
        NodeKind::Str(s) => s.clone(),
        NodeKind::Seq(v) => format!("[{}]", v.iter().map(shown).collect::<Vec<_>>().join(", ")),
        NodeKind::Map(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", k.key_text(), shown(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The top-level keys that change with any revision of the report.
const METADATA: [&str; 2] = ["submitted", "revision"];

/// Whether two parsed values are the same content (trust.md, "Values
/// compare as values"): numbers by value (`100`, `100.0` and `1e2` are one
/// figure), strings — dates among them — exactly, mappings whatever their
/// key order; comments, quoting, flow or block style never reach the tree.
/// The one comparison PL401 and the pending fill-in rule make.
pub fn same(a: &Node, b: &Node) -> bool {
    match (&a.kind, &b.kind) {
        (NodeKind::Null, NodeKind::Null) => true,
        (NodeKind::Bool(x), NodeKind::Bool(y)) => x == y,
        (NodeKind::Number { value: x, .. }, NodeKind::Number { value: y, .. }) => {
            x == y || (x.is_nan() && y.is_nan())
        }
        (NodeKind::Str(x), NodeKind::Str(y)) => x == y,
        (NodeKind::Seq(x), NodeKind::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (NodeKind::Map(x), NodeKind::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    let key = k.key_text();
                    y.iter()
                        .find(|(k2, _)| k2.key_text() == key)
                        .is_some_and(|(_, w)| same(v, w))
                })
        }
        _ => false,
    }
}

/// [`same`] for values that may be missing: two missing values are the same.
pub fn same_opt(a: Option<&Node>, b: Option<&Node>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// One entry of a report list, by id, with its node.
fn entries(root: &Node, list: &str) -> Vec<(String, Node)> {
    (root.get(list).and_then(Node::as_seq).unwrap_or(&[]))
        .iter()
        .filter_map(|e| {
            let id = e.get("id")?.as_str()?.to_string();
            Some((id, e.clone()))
        })
        .collect()
}

/// Whether an indicator entry changed only by its figure arriving: it was
/// `pending` and has a `value` now (trust.md: how figures arrive).
pub fn figure_arrived(before: &Node, now: &Node) -> bool {
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
    if same(&now, &before) {
        return Vec::new();
    }
    let base_source = SourceFile::new(base_name, base_text);
    let mut out = Vec::new();
    let mut changed =
        |msg: HistoryMsg, pointer: String, now_at: Option<&Node>, before_at: Option<&Node>| {
            let location = match now_at {
                Some(n) => Location::at(current, n.span),
                None => Location::file_start(current),
            };
            let before_loc = match before_at {
                Some(n) => Location::at(&base_source, n.span),
                None => Location::file_start(&base_source),
            };
            out.push(
                Diagnostic::new(Code::PL401, Severity::Error, location, msg)
                    .node_path(pointer)
                    .related(before_loc, Note::AsAccepted),
            );
        };
    let rewritten = |key: &str| HistoryMsg::Rewritten {
        path: current.path.clone(),
        key: Some(key.to_string()),
        office: Vec::new(),
    };
    let revised = allowed.revised();
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
        if same_opt(a.map(|(_, v)| v), b.map(|(_, v)| v)) {
            continue;
        }
        if revised && METADATA.contains(&k.as_str()) {
            continue;
        }
        changed(
            rewritten(&k),
            format!("/{k}"),
            a.map(|(k, _)| k),
            b.map(|(k, _)| k),
        );
    }
    for list in ["indicators", "projects"] {
        let (now_entries, before_entries) = (entries(&now, list), entries(&before, list));
        let find = |v: &[(String, Node)], id: &str| v.iter().position(|(i, _)| i == id);
        let mut ids: Vec<&str> = now_entries.iter().map(|(i, _)| i.as_str()).collect();
        for (i, _) in &before_entries {
            if !ids.contains(&i.as_str()) {
                ids.push(i);
            }
        }
        for id in ids {
            let a = find(&now_entries, id).map(|p| &now_entries[p]);
            let b = find(&before_entries, id).map(|p| &before_entries[p]);
            match (a, b) {
                (Some(a), Some(b)) if same(&a.1, &b.1) => continue,
                (Some(a), Some(b)) if list == "indicators" && figure_arrived(&b.1, &a.1) => {
                    continue
                }
                _ => {}
            }
            let (now_node, before_node) = (a.map(|(_, n)| n), b.map(|(_, n)| n));
            let (msg, field) = match allowed.verdict(id, before_node, now_node) {
                Some(Ok(())) => continue,
                None => (rewritten(id), None),
                Some(Err((decision, deviation))) => {
                    let field = match &deviation {
                        Deviation::Figure { field, .. } | Deviation::Unlisted { field, .. } => {
                            Some(field.clone())
                        }
                        Deviation::Removed | Deviation::Kept => None,
                    };
                    let msg = HistoryMsg::NotApproved {
                        path: current.path.clone(),
                        key: id.to_string(),
                        decision,
                        deviation,
                    };
                    (msg, field)
                }
            };
            // The place: the field that deviates, else the entry, else the list.
            fn at_field<'n>(n: Option<&'n Node>, field: Option<&str>) -> Option<&'n Node> {
                n?.get(field?)
            }
            let pointer = match (a, &field) {
                (Some(_), Some(f)) if at_field(now_node, Some(f)).is_some() => {
                    format!("/{list}/{}/{f}", find(&now_entries, id).unwrap_or_default())
                }
                (Some(_), _) => format!("/{list}/{}", find(&now_entries, id).unwrap_or_default()),
                (None, _) => format!("/{list}"),
            };
            let now_at = at_field(now_node, field.as_deref())
                .or(now_node)
                .or_else(|| now.entry(list).map(|(k, _)| k));
            let before_at = at_field(before_node, field.as_deref()).or(before_node);
            changed(msg, pointer, now_at, before_at);
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
            office: Vec::new(),
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
    zh: ChineseTexts {
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
            office: Vec::new(),
        },
    )
}

/// Names the plan office (the approvers of the loaded plans) in the
/// PL401, PL402 and PL403 findings: the clerk cannot fix them, the office can.
pub fn name_office(diags: &mut [Diagnostic], plans: &crate::model::plan::Plans) {
    let mut names: Vec<String> = Vec::new();
    for a in plans.0.iter().flat_map(|p| &p.header.approvers) {
        if !names.contains(a) {
            names.push(a.clone());
        }
    }
    for d in diags {
        if let crate::diagnostics::messages::Msg::History(
            HistoryMsg::Rewritten { office, .. }
            | HistoryMsg::Deleted { office, .. }
            | HistoryMsg::RulesChanged { office, .. },
        ) = &mut d.msg
        {
            office.clone_from(&names);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An accepted report with figures, dates, nested maps and lists.
    const ACCEPTED: &str =
        include_str!("../../../fixtures/rules/PL401/fail/base/progress/2022/eco-env.yaml");

    fn check(before: &str, now: &str) -> Vec<Diagnostic> {
        let current = SourceFile::new("now.yaml", now.to_string());
        rewritten(&current, before, "base.yaml@0", &Allowed::nothing())
    }

    /// The choices a re-serialisation makes, drawn in turn from a stream.
    struct Choices<'a> {
        bytes: &'a [u8],
        at: usize,
    }

    impl Choices<'_> {
        fn pick(&mut self, n: usize) -> usize {
            if self.bytes.is_empty() {
                return 0;
            }
            let b = self.bytes[self.at % self.bytes.len()];
            self.at += 1;
            b as usize % n
        }
    }

    fn number(value: f64, integer: bool, c: &mut Choices) -> String {
        match c.pick(3) {
            0 => yaml::format_number(value, integer),
            1 if value.fract() == 0.0 && value.abs() < 1e15 => format!("{}.0", value as i64),
            1 => format!("{value}"),
            _ => format!("{value:e}"),
        }
    }

    fn string(s: &str, c: &mut Choices) -> String {
        match c.pick(3) {
            0 => yaml::scalar(s),
            1 => serde_json::Value::String(s.to_string()).to_string(),
            _ if s.contains(['\n', '\r']) => serde_json::Value::String(s.to_string()).to_string(),
            _ => format!("'{}'", s.replace('\'', "''")),
        }
    }

    fn scalar(n: &Node, c: &mut Choices) -> String {
        match &n.kind {
            NodeKind::Null => ["null", "~"][c.pick(2)].to_string(),
            NodeKind::Bool(b) => b.to_string(),
            NodeKind::Number { value, integer } => number(*value, *integer, c),
            NodeKind::Str(s) => string(s, c),
            NodeKind::Seq(_) | NodeKind::Map(_) => flow(n, c),
        }
    }

    /// Map entries in an order the choices shuffle.
    fn shuffled<'a>(m: &'a [(Node, Node)], c: &mut Choices) -> Vec<&'a (Node, Node)> {
        let mut v: Vec<&(Node, Node)> = m.iter().collect();
        for i in (1..v.len()).rev() {
            let j = c.pick(i + 1);
            v.swap(i, j);
        }
        v
    }

    fn flow(n: &Node, c: &mut Choices) -> String {
        match &n.kind {
            NodeKind::Seq(items) => {
                let parts: Vec<String> = items.iter().map(|i| scalar(i, c)).collect();
                format!("[{}]", parts.join(", "))
            }
            NodeKind::Map(m) => {
                let parts: Vec<String> = shuffled(m, c)
                    .into_iter()
                    .map(|(k, v)| format!("{}: {}", string(&k.key_text(), c), scalar(v, c)))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
            _ => scalar(n, c),
        }
    }

    fn is_block(n: &Node, c: &mut Choices) -> bool {
        match &n.kind {
            NodeKind::Seq(v) if !v.is_empty() => c.pick(3) != 0,
            NodeKind::Map(v) if !v.is_empty() => c.pick(3) != 0,
            _ => false,
        }
    }

    fn comment(c: &mut Choices) -> &'static str {
        ["", "  # a comment", "   #注释：格式不算"][c.pick(3)]
    }

    /// `n` in block style at `indent`, after a key or a dash already written.
    fn block(n: &Node, indent: usize, out: &mut String, c: &mut Choices) {
        let pad = " ".repeat(indent);
        match &n.kind {
            NodeKind::Map(m) => {
                for (k, v) in shuffled(m, c) {
                    let key = string(&k.key_text(), c);
                    if is_block(v, c) {
                        out.push_str(&format!("{pad}{key}:{}\n", comment(c)));
                        block(v, indent + 2, out, c);
                    } else {
                        out.push_str(&format!("{pad}{key}: {}{}\n", scalar(v, c), comment(c)));
                    }
                }
            }
            NodeKind::Seq(items) => {
                for i in items {
                    if is_block(i, c) {
                        out.push_str(&format!("{pad}-\n"));
                        block(i, indent + 2, out, c);
                    } else {
                        out.push_str(&format!("{pad}- {}{}\n", scalar(i, c), comment(c)));
                    }
                }
            }
            _ => out.push_str(&format!("{pad}{}\n", scalar(n, c))),
        }
    }

    fn reserialise(n: &Node, bytes: &[u8]) -> String {
        let mut c = Choices { bytes, at: 0 };
        let mut out = String::from("# re-serialised\n");
        block(n, 0, &mut out, &mut c);
        out
    }

    /// The numbers of a tree, as pointers to them.
    fn figures(n: &Node, at: String, out: &mut Vec<String>) {
        match &n.kind {
            NodeKind::Number { .. } => out.push(at),
            NodeKind::Seq(v) => {
                for (i, x) in v.iter().enumerate() {
                    figures(x, format!("{at}/{i}"), out);
                }
            }
            NodeKind::Map(m) => {
                for (k, v) in m {
                    figures(v, format!("{at}/{}", k.key_text()), out);
                }
            }
            _ => {}
        }
    }

    fn set_figure(n: &mut Node, pointer: &str, to: f64) {
        let mut node = n;
        for part in pointer.trim_start_matches('/').split('/') {
            node = match &mut node.kind {
                NodeKind::Map(m) => match m.iter_mut().find(|(k, _)| k.key_text() == part) {
                    Some((_, v)) => v,
                    None => return,
                },
                NodeKind::Seq(v) => match part.parse::<usize>().ok().and_then(|i| v.get_mut(i)) {
                    Some(x) => x,
                    None => return,
                },
                _ => return,
            };
        }
        if let NodeKind::Number { value, .. } = &mut node.kind {
            *value = to;
        }
    }

    #[test]
    fn a_number_written_another_way_is_the_same_figure() {
        let before = "version: 1\nindicators:\n  - id: I20\n    value: 100\n";
        for now in ["100.0", "1e2", "1.0E+2", "100.", "0100"] {
            let text = format!("version: 1\nindicators:\n  - {{value: {now}, id: \"I20\"}}\n");
            assert!(check(before, &text).is_empty(), "{now}");
        }
        let text = "version: 1\nindicators:\n  - id: I20\n    value: 100.5\n";
        assert_eq!(check(before, text).len(), 1);
        // A string is not a number, whatever it reads like.
        let text = "version: 1\nindicators:\n  - id: I20\n    value: \"100\"\n";
        assert_eq!(check(before, text).len(), 1);
    }

    #[test]
    fn a_pending_figure_arriving_is_not_a_rewrite() {
        let before =
            "indicators:\n  - id: I16\n    pending: {reason: r, expected_by: 2024-06-30}\n";
        let now = "indicators:\n  - {id: I16, value: 15.5}\n";
        assert!(check(before, now).is_empty());
    }

    /// A register of revisions for eco-env's 2022 report, as the plan office writes it.
    fn revisions(entries: &str) -> crate::load::decisions::Register {
        let plans = crate::model::plan::Plans(vec![
            crate::model::plan::Plan::builtin().expect("the built-in plan loads")
        ]);
        let text = format!(
            "version: 1\ndecisions:\n  - {{id: V1, kind: revision, department: eco-env, period: 2022, entries: {entries}, reason: r, approved_by: 区发展和改革局, date: 2025-02-10}}\n"
        );
        crate::load::decisions::Register::load(vec![SourceFile::new("d.yaml", text)], &plans)
            .expect("the register loads")
    }

    fn check_with(before: &str, now: &str, register: &crate::load::decisions::Register) -> usize {
        let allowed = Allowed {
            revisions: register
                .revisions("nanming-14th-fyp", "eco-env", 2022)
                .collect(),
        };
        let current = SourceFile::new("now.yaml", now.to_string());
        rewritten(&current, before, "base.yaml@0", &allowed).len()
    }

    #[test]
    fn a_revision_allows_exactly_its_fields_and_figures() {
        let before = "indicators:\n  - {id: I14, value: 97.5, source: s}\nprojects:\n  - {id: P1126, status: completed, progress: 100, investment: {planned_total: 2.4, completed_to_date: 2.4}}\n";
        let r = revisions("[{target: I14, value: 97.4}, {target: P1126, status: suspended, investment: {completed_to_date: 1}}, {target: I16, value: 15.4, source: t}]");
        let now = |i14: &str, p: &str, extra: &str| {
            format!(
                "indicators:\n  - {{id: I14, {i14}}}\n{extra}projects:\n  - {{id: P1126, {p}}}\n"
            )
        };
        let p_ok = "status: suspended, progress: 100, investment: {planned_total: 2.4, completed_to_date: 1.0}";
        assert_eq!(
            check_with(before, &now("value: 97.4, source: s", p_ok, ""), &r),
            0
        );
        // An entry the revision approves may be added with its fields.
        let added = "  - {id: I16, value: 15.4, source: t}\n";
        assert_eq!(
            check_with(before, &now("value: 97.40, source: s", p_ok, added), &r),
            0
        );
        // Another figure, another field, another key of the mapping: each a rewrite.
        assert_eq!(
            check_with(before, &now("value: 97.2, source: s", p_ok, ""), &r),
            1
        );
        assert_eq!(
            check_with(before, &now("value: 97.4, source: x", p_ok, ""), &r),
            1
        );
        let p_total = "status: suspended, progress: 100, investment: {planned_total: 3, completed_to_date: 1}";
        assert_eq!(
            check_with(before, &now("value: 97.4, source: s", p_total, ""), &r),
            1
        );
        let p_progress = "status: suspended, progress: 40, investment: {planned_total: 2.4, completed_to_date: 1}";
        assert_eq!(
            check_with(before, &now("value: 97.4, source: s", p_progress, ""), &r),
            1
        );
        // A version-2 list approves nothing.
        let v2 = {
            let plans = crate::model::plan::Plans(vec![
                crate::model::plan::Plan::builtin().expect("the built-in plan loads")
            ]);
            let text = "version: 1\ndecisions:\n  - {id: V1, kind: revision, department: eco-env, period: 2022, targets: [I14, P1126], reason: r, approved_by: 区发展和改革局, date: 2025-02-10}\n";
            crate::load::decisions::Register::load(vec![SourceFile::new("d.yaml", text)], &plans)
                .expect("the register loads")
        };
        assert_eq!(v2.notices.len(), 1);
        assert_eq!(v2.notices[0].code, Code::PL006);
        assert_eq!(
            check_with(before, &now("value: 97.4, source: s", p_ok, ""), &v2),
            2
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any re-serialisation of an accepted report's parsed content —
        /// flow or block, keys in any order, any quoting, numbers written
        /// as 100, 100.0 or 1e2, comments — is not a rewrite.
        #[test]
        fn a_reserialised_report_is_not_a_rewrite(bytes in proptest::collection::vec(any::<u8>(), 1..512)) {
            let tree = parse(ACCEPTED).expect("the fixture loads");
            let text = reserialise(&tree, &bytes);
            let back = parse(&text);
            prop_assert!(back.as_ref().is_some_and(|b| same(b, &tree)), "{text}");
            let found = check(ACCEPTED, &text);
            prop_assert!(found.is_empty(), "{text}\n{found:?}");
        }

        /// Any change of a figure is, however the report is written.
        #[test]
        fn a_changed_figure_is_a_rewrite(
            bytes in proptest::collection::vec(any::<u8>(), 1..512),
            which in any::<usize>(),
            delta in prop_oneof![-1e6..-1e-6f64, 1e-6..1e6f64],
        ) {
            let mut tree = parse(ACCEPTED).expect("the fixture loads");
            let mut all = Vec::new();
            figures(&tree, String::new(), &mut all);
            all.retain(|p| p.starts_with("/indicators") || p.starts_with("/projects"));
            let pointer = &all[which % all.len()];
            let before = tree.pointer(pointer).and_then(|(_, n)| n.as_f64()).unwrap_or_default();
            let to = before + delta;
            prop_assume!(to != before);
            set_figure(&mut tree, pointer, to);
            let text = reserialise(&tree, &bytes);
            let found = check(ACCEPTED, &text);
            prop_assert_eq!(found.len(), 1, "{} → {}: {}", pointer, to, text);
        }
    }
}

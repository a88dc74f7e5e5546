//! `plan-lint decisions draft --base REV`: the revision decisions a pull
//! request needs (trust.md, "A revision names the figure it approves"). For
//! each accepted report the pull request changes (its version at the
//! merge-base against the working tree), one revision decision for its
//! department and period whose `entries` hold the changed entries with the
//! figures the report now writes. The office checks each figure, fills in
//! the reason and the date (left empty, the register refuses them), and
//! merges the file; nothing here is in force before.

use crate::diagnostics::messages::Text;
use crate::drivers::git;
use crate::drivers::pull_request::Base;
use crate::engine::rules::history_integrity::{figure_arrived, same, same_opt};
use crate::model::plan::Plans;
use crate::syntax::yaml::{self, Limits, Node, NodeKind};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

fn is_report(p: &str) -> bool {
    p.ends_with(".yaml") || p.ends_with(".yml")
}

fn parse(bytes: &[u8]) -> Option<Node> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    yaml::load(text, 0, Limits::default()).ok()
}

/// A value in YAML flow style that reads back as the same value.
fn flow(n: &Node) -> String {
    match &n.kind {
        NodeKind::Null => "null".into(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Number { value, integer } => yaml::format_number(*value, *integer),
        NodeKind::Str(s) => yaml::scalar(s),
        NodeKind::Seq(v) => format!("[{}]", v.iter().map(flow).collect::<Vec<_>>().join(", ")),
        NodeKind::Map(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", yaml::scalar(&k.key_text()), flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The entries of a report list by id, in order.
fn entries(root: &Node, list: &str) -> Vec<(String, Node)> {
    (root.get(list).and_then(Node::as_seq).unwrap_or(&[]))
        .iter()
        .filter_map(|e| Some((e.get("id")?.as_str()?.to_string(), e.clone())))
        .collect()
}

/// What one accepted report's revision holds: its entries as YAML lines and
/// the changes no revision can approve, as review notes.
#[derive(Default)]
struct Drafted {
    paths: Vec<String>,
    entries: Vec<String>,
    notes: Vec<String>,
}

/// The changed entries of one accepted report, `before` at the merge-base,
/// `now` in the working tree: each with the fields that changed at their
/// new figures, `remove: true` for one that is gone. A `pending` whose
/// figure arrived needs no decision.
fn diff(before: &Node, now: &Node, out: &mut Drafted) {
    // Top-level keys: the metadata changes with any revision; anything else
    // is no entry a revision approves.
    let top = |n: &Node| -> Vec<String> {
        (n.as_map().unwrap_or(&[]).iter())
            .map(|(k, _)| k.key_text())
            .filter(|k| !["indicators", "projects", "submitted", "revision"].contains(&k.as_str()))
            .collect()
    };
    let mut keys = top(now);
    keys.extend(top(before).into_iter().filter(|k| !top(now).contains(k)));
    for k in keys {
        if !same_opt(before.get(&k), now.get(&k)) {
            out.notes.push(format!(
                "the pull request changes `{k}`, which no revision approves: undo it"
            ));
        }
    }
    for list in ["indicators", "projects"] {
        let (b, n) = (entries(before, list), entries(now, list));
        let mut ids: Vec<&str> = n.iter().map(|(i, _)| i.as_str()).collect();
        ids.extend((b.iter().map(|(i, _)| i.as_str())).filter(|i| !n.iter().any(|(j, _)| j == i)));
        for id in ids {
            let was = b.iter().find(|(i, _)| i == id).map(|(_, e)| e);
            let is = n.iter().find(|(i, _)| i == id).map(|(_, e)| e);
            match (was, is) {
                (Some(w), Some(i)) if same(w, i) => {}
                (Some(w), Some(i)) if list == "indicators" && figure_arrived(w, i) => {}
                (Some(_), None) => out
                    .entries
                    .push(format!("{{target: {}, remove: true}}", yaml::scalar(id))),
                (was, Some(is)) => {
                    let mut fields = Vec::new();
                    for (k, v) in is.as_map().unwrap_or(&[]) {
                        let k = k.key_text();
                        if k != "id" && !same_opt(was.and_then(|w| w.get(&k)), Some(v)) {
                            fields.push(format!("{}: {}", yaml::scalar(&k), flow(v)));
                        }
                    }
                    for (k, _) in was.and_then(Node::as_map).unwrap_or(&[]) {
                        let k = k.key_text();
                        if is.get(&k).is_none() {
                            out.notes.push(format!(
                                "the pull request drops `{k}` of {id}, which no revision approves: restore it"
                            ));
                        }
                    }
                    if !fields.is_empty() {
                        out.entries.push(format!(
                            "{{target: {}, {}}}",
                            yaml::scalar(id),
                            fields.join(", ")
                        ));
                    }
                }
                (None, None) => {}
            }
        }
    }
}

/// The register file of the revisions the pull request from the merge-base
/// with `rev` needs, as YAML text.
pub fn draft_revisions(plans: &Plans, data_root: &Path, rev: &str) -> Result<String, Text> {
    let at = Base::resolve(rev)?;
    let root_rel = git::repo_path(&at.top, data_root);
    // (merge-base path, working path) of each accepted report the pull
    // request changes in place or renames, with the merge-base's blob.
    let mut pairs = Vec::new();
    let mut wanted = Vec::new();
    for c in git::changes(&at.top, &at.commit, &root_rel)? {
        let (Some((from, oid)), Some(to)) = (c.before(), c.after()) else {
            continue;
        };
        let (Some(f), Some(t)) = (from.as_str(), to.as_str()) else {
            // A name git quotes: no report of the record has one (PL108).
            continue;
        };
        if is_report(f) && is_report(t) {
            pairs.push((f.to_string(), t.to_string()));
            wanted.push(git::Blob {
                oid: oid.to_string(),
                path: from.clone(),
            });
        }
    }
    let blobs: std::collections::HashMap<String, Vec<u8>> =
        (git::blobs(&at.top, &at.commit, &wanted)?.into_iter())
            .filter_map(|(p, b)| Some((p.as_str()?.to_string(), b)))
            .collect();
    // One revision per (plan, department, period): the accepted report's identity.
    let mut by_report: BTreeMap<(String, String, i32), Drafted> = BTreeMap::new();
    let mut unread = Vec::new();
    for (from, to) in &pairs {
        let before = blobs.get(from).and_then(|b| parse(b));
        let now = std::fs::read(at.top.join(to)).ok().and_then(|b| parse(&b));
        let (Some(before), Some(now)) = (before, now) else {
            unread.push(to.clone());
            continue;
        };
        let text = |k: &str| before.get(k).and_then(Node::as_str).map(str::to_string);
        let (Some(plan), Some(department), Some(period)) = (
            text("plan"),
            text("department"),
            before.get("period").and_then(Node::as_f64),
        ) else {
            unread.push(to.clone());
            continue;
        };
        let d = by_report
            .entry((plan, department, period as i32))
            .or_default();
        d.paths.push(to.clone());
        diff(&before, &now, d);
    }
    by_report.retain(|_, d| !d.entries.is_empty() || !d.notes.is_empty());

    let mut out = format!(
        "# Drafted by `plan-lint decisions draft --base {rev}` from the accepted reports this pull\n\
         # request changes (merge-base {short}): one revision for each, each entry with the figures\n\
         # the report now writes. Nothing here is in force until the plan office has checked every\n\
         # figure, filled in each `reason` and `date` (left empty, the register refuses them) and\n\
         # merged this file into decisions/ (trust.md); the pull request passes once its branch is\n\
         # updated.\n\
         version: 1\n",
        short = at.short
    );
    for path in &unread {
        let _ = writeln!(
            out,
            "# REVIEW: {path} could not be read at the merge-base or now; compare it by hand"
        );
    }
    if by_report.is_empty() {
        out.push_str("# The pull request changes no figure of an accepted report: no revision is needed.\ndecisions: []\n");
        return Ok(out);
    }
    out.push_str("decisions:\n");
    let short7: String = at.commit.chars().take(7).collect();
    for ((plan, department, period), d) in &by_report {
        let approver = (plans.get(plan))
            .and_then(|p| p.header.approvers.first().cloned())
            .unwrap_or_default();
        let _ = writeln!(out, "  # from {}", d.paths.join(", "));
        for note in &d.notes {
            let _ = writeln!(out, "  # REVIEW: {note}");
        }
        let _ = writeln!(out, "  - id: V{period}-{department}-{short7}");
        let _ = writeln!(out, "    kind: revision");
        let _ = writeln!(out, "    plan: {}", yaml::scalar(plan));
        let _ = writeln!(out, "    department: {}", yaml::scalar(department));
        let _ = writeln!(out, "    period: {period}");
        if d.entries.is_empty() {
            let _ = writeln!(
                out,
                "    entries: []   # REVIEW: no entry changed a figure; remove this decision"
            );
        } else {
            let _ = writeln!(out, "    entries:");
            for e in &d.entries {
                let _ = writeln!(out, "      - {e}");
            }
        }
        let _ = writeln!(
            out,
            "    reason: \"\"   # FILL IN: why the office revises these figures"
        );
        let _ = writeln!(out, "    approved_by: {}", yaml::scalar(&approver));
        let _ = writeln!(
            out,
            "    date: \"\"   # FILL IN: the date of the decision (YYYY-MM-DD)"
        );
    }
    Ok(out)
}

/// `plan-lint decisions draft [--base REV]`: the register entries the
/// accepted reports imply (version 1's migration), or the revisions a pull
/// request needs; to standard output or a new file.
pub fn draft_command(
    plan_dirs: &[std::path::PathBuf],
    config: Option<&std::path::PathBuf>,
    data_root: Option<std::path::PathBuf>,
    (output, force): (Option<&Path>, bool),
    base: Option<String>,
    lang: crate::diagnostics::messages::Lang,
) -> crate::commands::Output {
    use crate::commands::setup::{error, setup_with_root};
    let (plans, opts) = match setup_with_root(plan_dirs, config, data_root, lang) {
        Ok(x) => x,
        Err(o) => return o,
    };
    if !opts.data_root.is_dir() {
        let root = crate::syntax::paths::display(&opts.data_root);
        return error(Text::StatusDataRootMissing { root }, lang);
    }
    let text = match base {
        // The revisions a pull request needs, from the merge-base.
        Some(rev) => match draft_revisions(&plans, &opts.data_root, &rev) {
            Ok(t) => t,
            Err(e) => return error(e, lang),
        },
        None => {
            let work = crate::load::workspace::Workspace::under_root(&opts);
            crate::load::decisions::draft::draft(&work, &plans)
        }
    };
    crate::commands::write::write_new(text, output, force, Some(&opts.data_root), lang)
}

/// `plan-lint codeowners`: the data repository's CODEOWNERS, from the
/// plan's department registry and the data root's place.
pub fn codeowners_command(
    plan_dirs: &[std::path::PathBuf],
    config: Option<&std::path::PathBuf>,
    (office, teams): (&str, Option<&str>),
    data_root: Option<std::path::PathBuf>,
    plan_id: Option<&str>,
    (output, force): (Option<&Path>, bool),
    lang: crate::diagnostics::messages::Lang,
) -> crate::commands::Output {
    use crate::commands::setup::{error, setup_with_root};
    let (plans, opts) = match setup_with_root(plan_dirs, config, data_root, lang) {
        Ok(x) => x,
        Err(o) => return o,
    };
    match crate::commands::init::plan_for(&plans, plan_id) {
        Ok(plan) => crate::commands::write::write_new(
            crate::load::decisions::codeowners(plan, office, teams, &opts.data_root),
            output,
            force,
            Some(&opts.data_root),
            lang,
        ),
        Err(e) => error(e, lang),
    }
}

//! The typed fast path of report validation (`src/fast_schema.rs`) against
//! the JSON Schema validator, on generated reports and on mutations of them:
//! whenever the fast path says valid, the validator agrees, so the verdict
//! (and every diagnostic, which only the validator makes) is the same with or
//! without it; and generated reports do take the fast path.

#[path = "../examples/generate/repo.rs"]
mod repo;

use plan_lint::fast_schema::report_valid;
use plan_lint::plan::Plan;
use plan_lint::schema::{self, Kind};
use plan_lint::source::SourceFile;
use plan_lint::yaml::{self, Limits};
use proptest::prelude::*;
use std::sync::OnceLock;

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| Plan::builtin().unwrap())
}

/// Every department's report of every year of one district (two districts'
/// worth of specs, so the synthetic suffixes are covered too), with and
/// without planted findings.
fn generated() -> Vec<(String, Option<&'static str>)> {
    let opts = repo::Options {
        reports: 300,
        findings: 0.3,
        seed: 7,
    };
    let l = repo::layout(plan(), &opts);
    l.specs
        .iter()
        .map(|s| repo::render_report(plan(), s, opts.seed))
        .collect()
}

fn texts() -> &'static [(String, Option<&'static str>)] {
    static T: OnceLock<Vec<(String, Option<&'static str>)>> = OnceLock::new();
    T.get_or_init(generated)
}

/// Same verdict: the fast path never accepts what the validator rejects, and
/// `schema::validate` (fast path first) finds errors exactly when the validator does.
fn assert_same_verdict(text: &str) {
    let Ok(node) = yaml::load(text, 0, Limits::default()) else {
        return;
    };
    let slow = schema::report_is_valid(&node);
    if report_valid(&node) {
        assert!(
            slow,
            "the fast path accepted a report the schema rejects:\n{text}"
        );
    }
    let source = SourceFile::new("r.yaml", text.to_string());
    let diagnostics = schema::validate(Kind::Report, &node, &source);
    assert_eq!(diagnostics.is_empty(), slow, "{text}");
}

#[test]
fn generated_reports_take_the_fast_path_with_the_same_verdict() {
    let mut fast = 0;
    for (text, planted) in texts() {
        assert_same_verdict(text);
        let Ok(node) = yaml::load(text, 0, Limits::default()) else {
            assert_eq!(*planted, Some("PL001"));
            continue;
        };
        let slow = schema::report_is_valid(&node);
        assert_eq!(slow, *planted != Some("PL002"), "{text}");
        if slow {
            assert!(
                report_valid(&node),
                "a valid generated report missed the fast path:\n{text}"
            );
            fast += 1;
        }
    }
    assert!(fast > 200);
}

/// Values that sit on the edges of the schema's types, patterns and ranges.
const VALUES: &[&str] = &[
    "1",
    "1.0",
    "-1",
    "0",
    "100",
    "100.5",
    "101",
    "-0.0",
    "1e3",
    "0x10",
    "0o7",
    ".nan",
    ".inf",
    "-.inf",
    "null",
    "~",
    "",
    "\"\"",
    "''",
    "true",
    "no",
    "\"98%\"",
    "98以上",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "2023-02-30",
    "2023-2-3",
    "\"2023-01-18\"",
    "2023-01-18x",
    "completed",
    "under_construction",
    "Completed",
    "[x, 1]",
    "{reason: r, expected_by: 2024-06-30}",
    "{reason: '', expected_by: 2024-06-30}",
    "{value: 2, source: s}",
    "{value: '2'}",
    "12345678901234567890",
    "9007199254740993",
    "{planned_total: -1}",
    "{planned_total: 1, completed_to_date: 2}",
];

/// Keys of the schema and near misses.
const KEYS: &[&str] = &[
    "version",
    "plan",
    "department",
    "period",
    "submitted",
    "indicators",
    "projects",
    "revision",
    "suppressions",
    "id",
    "value",
    "pending",
    "unit",
    "requirement",
    "source",
    "note",
    "name",
    "status",
    "progress",
    "investment",
    "started",
    "completed",
    "evidence",
    "reason",
    "approved_by",
    "rule",
    "target",
    "until",
    "expected_by",
    "planned_total",
    "completed_to_date",
    "valeu",
    "Version",
    "1",
    "null",
    "<<",
];

const TAILS: &[&str] = &[
    "revision:\n  reason: 统计局数据修订\n  approved_by: 区发展和改革局\n",
    "revision:\n  reason: ''\n  approved_by: x\n",
    "revision: {reason: x}\n",
    "suppressions:\n  - rule: PL203\n    target: I01\n    reason: 疫情影响\n    until: 2024-12-31\n",
    "suppressions:\n  - {rule: PL203, target: I01}\n",
    "suppressions:\n  - {rule: 203, target: I01, reason: r}\n",
    "suppressions: []\n",
    "indicators: []\n",
    "extra: 1\n",
];

/// One edit of a line of the report.
#[derive(Clone, Debug)]
enum Edit {
    /// Replace the value after `key:` on the line.
    Value(usize, usize),
    /// Rename the key of the line.
    Key(usize, usize),
    Delete(usize),
    Duplicate(usize),
    Append(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..VALUES.len()).prop_map(|(l, v)| Edit::Value(l, v)),
        (any::<usize>(), 0..KEYS.len()).prop_map(|(l, k)| Edit::Key(l, k)),
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (0..TAILS.len()).prop_map(Edit::Append),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for e in edits {
        let n = lines.len().max(1);
        match *e {
            Edit::Value(l, v) => {
                let line = &mut lines[l % n];
                if let Some(i) = line.find(": ") {
                    line.truncate(i + 2);
                    line.push_str(VALUES[v]);
                }
            }
            Edit::Key(l, k) => {
                let line = &mut lines[l % n];
                if let Some(i) = line.find(':') {
                    let indent = line.len() - line.trim_start_matches([' ', '-']).len();
                    let rest = line[i..].to_string();
                    line.truncate(indent);
                    line.push_str(KEYS[k]);
                    line.push_str(&rest);
                }
            }
            Edit::Delete(l) => {
                if lines.len() > 1 {
                    lines.remove(l % n);
                }
            }
            Edit::Duplicate(l) => {
                let line = lines[l % n].clone();
                lines.insert(l % n, line);
            }
            Edit::Append(t) => lines.extend(TAILS[t].lines().map(str::to_string)),
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_reports_get_the_validators_verdict(
        which in any::<usize>(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let (text, _) = &texts()[which % texts().len()];
        assert_same_verdict(&apply(text, &edits));
    }
}

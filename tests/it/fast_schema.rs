//! The typed fast path of validation (`src/fast_schema.rs`) against the JSON
//! Schema validator, on generated reports and catalog files and on mutations
//! of them: whenever the fast path says valid, the validator agrees, so the
//! verdict (and every diagnostic, which only the validator makes) is the same
//! with or without it; generated files do take the fast path; and a catalog
//! read straight from its tree (`yaml::de`) is the catalog its JSON view gives.

use crate::repo;
use plan_lint::load::fast_schema::{catalog_valid, report_valid};
use plan_lint::load::schema::{self, Kind};
use plan_lint::model::plan::{CatalogFile, Plan};
use plan_lint::syntax::source::SourceFile;
use plan_lint::syntax::yaml::{self, Limits};
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

/// What edits put in: values, keys and tails of a kind of file.
struct Vocabulary {
    values: &'static [&'static str],
    keys: &'static [&'static str],
    tails: &'static [&'static str],
}

const REPORT_WORDS: Vocabulary = Vocabulary {
    values: VALUES,
    keys: KEYS,
    tails: TAILS,
};

fn edit(words: &Vocabulary) -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..words.values.len()).prop_map(|(l, v)| Edit::Value(l, v)),
        (any::<usize>(), 0..words.keys.len()).prop_map(|(l, k)| Edit::Key(l, k)),
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (0..words.tails.len()).prop_map(Edit::Append),
    ]
}

fn apply(text: &str, edits: &[Edit], words: &Vocabulary) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for e in edits {
        let n = lines.len().max(1);
        match *e {
            Edit::Value(l, v) => {
                let line = &mut lines[l % n];
                if let Some(i) = line.find(": ") {
                    line.truncate(i + 2);
                    line.push_str(words.values[v]);
                }
            }
            Edit::Key(l, k) => {
                let line = &mut lines[l % n];
                if let Some(i) = line.find(':') {
                    let indent = line.len() - line.trim_start_matches([' ', '-']).len();
                    let rest = line[i..].to_string();
                    line.truncate(indent);
                    line.push_str(words.keys[k]);
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
            Edit::Append(t) => lines.extend(words.tails[t].lines().map(str::to_string)),
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
        edits in prop::collection::vec(edit(&REPORT_WORDS), 1..4),
    ) {
        let (text, _) = &texts()[which % texts().len()];
        assert_same_verdict(&apply(text, &edits, &REPORT_WORDS));
    }

    #[test]
    fn mutated_catalogs_get_the_validators_verdict_and_the_same_content(
        which in any::<usize>(),
        edits in prop::collection::vec(edit(&CATALOG_WORDS), 1..4),
    ) {
        let small = small_catalogs();
        let (name, text) = &small[which % small.len()];
        assert_same_catalog(name, &apply(text, &edits, &CATALOG_WORDS));
    }
}

// --- catalog files -------------------------------------------------------------

/// Every catalog file in the repository (the built-in plan's, each fixture
/// plan's) and those of a generated synthetic plan of two districts.
fn catalogs() -> &'static [(String, String)] {
    static C: OnceLock<Vec<(String, String)>> = OnceLock::new();
    C.get_or_init(|| {
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from("rules/nanming-14th-fyp")];
        dirs.extend(
            glob::glob("fixtures/**/plan.yaml")
                .unwrap()
                .filter_map(Result::ok)
                .filter_map(|p| p.parent().map(|d| d.to_path_buf())),
        );
        for dir in dirs {
            let header = std::fs::read_to_string(dir.join("plan.yaml")).unwrap();
            let header = yaml::load(&header, 0, Limits::default()).unwrap().to_json();
            let listed = header["catalog"].as_array().cloned().unwrap_or_default();
            for name in listed.iter().filter_map(|n| n.as_str()) {
                let path = dir.join(name);
                if let Ok(text) = std::fs::read_to_string(&path) {
                    files.push((path.display().to_string(), text));
                }
            }
        }
        let synthetic = repo::synthetic_plan(plan(), 2);
        files.extend(
            (synthetic.into_iter())
                .filter(|(name, _)| name.starts_with("district-"))
                .map(|(name, text)| (format!("synthetic/{name}"), text)),
        );
        files
    })
}

/// The block-style catalog files small enough to mutate many times.
fn small_catalogs() -> Vec<&'static (String, String)> {
    (catalogs().iter())
        .filter(|(name, text)| !name.starts_with("synthetic/") && text.len() < 8000)
        .collect()
}

/// Same verdict, and when the fast path accepts a catalog, the catalog read
/// from the tree is the one its JSON view gives. Returns whether the fast
/// path read it.
fn assert_same_catalog(name: &str, text: &str) -> bool {
    let Ok(node) = yaml::load(text, 0, Limits::default()) else {
        return false;
    };
    let json = node.to_json();
    let slow = schema::is_valid(Kind::Catalog, &json);
    if !catalog_valid(&node) {
        return false;
    }
    assert!(
        slow,
        "the fast path accepted a catalog the schema rejects: {name}\n{text}"
    );
    let by_json = serde_json::from_value::<CatalogFile>(json).ok();
    let Ok(by_tree) = yaml::de::from_node::<CatalogFile>(node) else {
        return false;
    };
    assert_eq!(
        Some(format!("{by_tree:?}")),
        by_json.map(|c| format!("{c:?}")),
        "{name}\n{text}"
    );
    true
}

#[test]
fn every_valid_catalog_file_takes_the_fast_path_to_the_same_content() {
    let mut fast = 0;
    for (name, text) in catalogs() {
        let node = yaml::load(text, 0, Limits::default()).unwrap();
        let valid = schema::is_valid(Kind::Catalog, &node.to_json());
        let took = assert_same_catalog(name, text);
        assert_eq!(
            took, valid,
            "a valid catalog file missed the fast path: {name}"
        );
        fast += usize::from(took);
    }
    // The built-in plan's four, two synthetic districts, and the fixtures'.
    assert!(fast >= 10, "{fast}");
}

/// Values on the edges of the catalog's types, enums and patterns.
const CATALOG_VALUES: &[&str] = &[
    "binding",
    "Binding",
    "expected",
    "level",
    "annual_rate",
    "cumulative",
    "qualitative",
    "higher_is_better",
    "lower_is_better",
    "period_average",
    "period_total",
    "cap",
    "none",
    "at_least",
    "at_most",
    "path",
    "bound",
    "专栏5-1",
    "专栏5-",
    "专栏-1",
    "专栏05-12",
    "专栏5-1-2",
    "'专栏5-1 '",
    "栏5-1",
    "eco-env",
    "Eco-env",
    "-eco",
    "eco_env",
    "I01",
    "i01",
    "I-01_x",
    "1I",
    "P1112",
    "[0, 100]",
    "[0]",
    "[0, 100, 1]",
    "[null, null]",
    "['0', 1]",
    "[.inf, 1]",
    "{line: 1, passage: p}",
    "{line: 0, passage: p}",
    "{line: 1.0, passage: p}",
    "{line: 1, passage: ''}",
    "{line: 1}",
    "{line: 1, passage: p, extra: 1}",
    "[{line: 1, passage: p, text: t, note: n}]",
    "[{line: 1, passage: p, text: t}]",
    "[a, b]",
    "[a, 1]",
    "2025",
    "2025.0",
    "2025.5",
    "4294967296",
    "-1",
    "0",
    "1",
    "1.5",
    ".nan",
    "null",
    "~",
    "''",
    "\"\"",
    "true",
    "[]",
    "{}",
    "12345678901234567890",
];

/// Keys of the catalog schema and near misses.
const CATALOG_KEYS: &[&str] = &[
    "about",
    "departments",
    "indicators",
    "projects",
    "code",
    "name",
    "aliases",
    "id",
    "unit",
    "category",
    "attribute",
    "kind",
    "direction",
    "baseline",
    "baseline_text",
    "baseline_kind",
    "target",
    "target_text",
    "target_year",
    "comparison",
    "target_is",
    "range",
    "department",
    "source",
    "line",
    "passage",
    "sentence",
    "discrepancies",
    "text",
    "note",
    "column",
    "column_ordinal",
    "Name",
    "ids",
    "1",
    "null",
];

const CATALOG_TAILS: &[&str] = &[
    "departments:\n  - {code: drc, name: 区发展和改革局}\n",
    "departments:\n  - {code: drc, name: ''}\n",
    "departments: []\n",
    "projects:\n  - {id: P9, name: n, column: 专栏1-1, column_ordinal: 1, department: drc, source: {line: 1, passage: p}}\n",
    "projects:\n  - {id: P9, name: n, column: 专栏1-1, column_ordinal: 0, department: drc, source: {line: 1, passage: p}}\n",
    "about: x\n",
    "about: 1\n",
    "extra: 1\n",
];

const CATALOG_WORDS: Vocabulary = Vocabulary {
    values: CATALOG_VALUES,
    keys: CATALOG_KEYS,
    tails: CATALOG_TAILS,
};

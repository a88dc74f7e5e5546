//! Completeness of the text-target and column-project catalog.
//!
//! Re-runs, over the seed, the two searches that catalog-accounting.yaml documents:
//!
//! (a) every sentence with a number, a year, a figure word or a comparative (or 二〇三五) is a
//!     candidate target; each of its tokens must lie in a clause that targets.yaml or the
//!     accounting records, and a clause recorded as a target or a 专栏2-1 indicator must carry
//!     that target's figure; a comparative is a relative target (recorded with the T-entries
//!     it became, or as naming no measure) or not a target;
//! (b) every item of every 专栏 column line of chapters 3–7 must be a project or have a record;
//! (c) names and sentences are verbatim in their cited lines, and each target's number stands
//!     alone in its sentence (a relative target: its sentence holds a comparative, its
//!     reference and its target_text, and its comparison is more_than or a rank);
//! (d) ids are unique and well formed, and every column ordinal is the position of its header.
//!
//! All failures are collected and reported together.

use plan_lint::messages::Lang;
use plan_lint::plan::model::{
    BaselineKind, CatalogFile, Comparison, Direction, Indicator, IndicatorKind, Project,
};
use plan_lint::yaml;
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use plan_lint::plan::verify::{facility_groups, word_figures};

const SEED: &str = "seeds/000_3ad0bd4780363ad6.txt";
/// The plan period (plan.yaml; `plan verify` proves it against the seed).
const PERIOD_START: i32 = 2021;
const PERIOD_END: i32 = 2025;
const PLAN_DIR: &str = "rules/nanming-14th-fyp";

/// Spans of these patterns are names, not quantities (the same list as
/// `search.targets.name_patterns` of the accounting file).
const NAME_PATTERNS: &[&str] = &[
    r"专栏\d+-\d+",
    r"\d+G",
    r"PM\d+(?:\.\d+)?",
    r"K12",
    r"[0-9N]+(?:\+[0-9NX]+)+",
    r"\d+分钟",
    r"\d+ ?小时",
    r"1234(?:文旅)?工程",
    r"2046体育公园",
    r"“\d+”",
];
const NUMBER: &str = r"\d+(?:\.\d+)?";
use word_figures::{WORD_FIGURES, WORD_NAMES};
/// A position relative to others (`search.targets.comparatives`): above the city's average,
/// among the leaders, ranked near the top, leading.
const COMPARATIVE: &str = r"高于全(?:市|省|国)|(?:全市|全省|全国|贵阳)(?:全市|全省)?(?:前列|领先|一流|第一)|排名靠前|引领全(?:市|省)";
const SENTENCE_SEPARATORS: &str = "。;；！？";
const ITEM_SEPARATORS: &str = "、,，;；。:：";
const LABEL_SEPARATORS: &str = ":：";
const OPEN: &str = "“(《";
const CLOSE: &str = "”)》";
/// Leading verbs a column item may put before a project's name.
const VERBS: &[&str] = &[
    "持续实施",
    "提质改造",
    "推进",
    "打造",
    "建设",
    "新建",
    "实施",
    "完成",
    "加快",
    "引入",
    "搭建",
    "组建",
    "建立",
    "建成",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn load_json(rel: &str) -> Value {
    let text = read(rel);
    yaml::load(&text, 0, yaml::Limits::default())
        .unwrap_or_else(|e| panic!("{rel}: {} ({})", e.message(Lang::En), e.help(Lang::En)))
        .to_json()
}

fn load_catalog(rel: &str) -> CatalogFile {
    serde_json::from_value(load_json(rel))
        .unwrap_or_else(|e| panic!("{rel} is not a CatalogFile: {e}"))
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn line_field(v: &Value) -> usize {
    v.get("line").and_then(Value::as_u64).unwrap_or(0) as usize
}

// ---------------------------------------------------------------- the seed

struct Seed {
    lines: Vec<String>,
}

impl Seed {
    fn load() -> Seed {
        let text = read(SEED);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut lines: Vec<String> = text
            .split('\n')
            .map(|l| l.trim_end_matches('\r').to_string())
            .collect();
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        Seed { lines }
    }

    /// Line `n`, 1-based.
    fn line(&self, n: usize) -> Option<&str> {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(String::as_str)
    }
}

/// Byte ranges of all occurrences of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, s)| (i, i + s.len()))
        .collect()
}

/// Sentences of a line: (start, end) byte ranges, trimmed of spaces.
fn sentences(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |a: usize, b: usize| {
        let seg = &line[a..b];
        let lead = seg.len() - seg.trim_start_matches(' ').len();
        let trail = seg.len() - seg.trim_end_matches(' ').len();
        if a + lead < b - trail {
            out.push((a + lead, b - trail));
        }
    };
    for (i, ch) in line.char_indices() {
        if SENTENCE_SEPARATORS.contains(ch) {
            push(start, i);
            start = i + ch.len_utf8();
        }
    }
    push(start, line.len());
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum TokenKind {
    Quantity,
    Year,
    Name,
    ListNumber,
    /// A figure in words (全覆盖, 零 …); its value is the word's figure.
    Word,
    /// A position relative to others (高于全市, 全省前列 …).
    Comparative,
}

struct Token {
    start: usize,
    end: usize,
    text: String,
    kind: TokenKind,
}

impl Token {
    fn value(&self) -> f64 {
        match self.kind {
            TokenKind::Word => word_figure(&self.text).unwrap_or(f64::NAN),
            _ => self.text.parse().unwrap_or(f64::NAN),
        }
    }
}

fn word_figure(word: &str) -> Option<f64> {
    WORD_FIGURES
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, v)| v)
}

struct Scanner {
    number: Regex,
    names: Vec<Regex>,
    year: Regex,
    words: Regex,
    word_names: Regex,
    comparative: Regex,
}

impl Scanner {
    fn new() -> Scanner {
        Scanner {
            number: Regex::new(NUMBER).unwrap(),
            names: NAME_PATTERNS
                .iter()
                .map(|p| Regex::new(p).unwrap())
                .collect(),
            year: Regex::new(r"^(19|20)\d\d$").unwrap(),
            words: Regex::new(
                &WORD_FIGURES
                    .iter()
                    .map(|(w, _)| regex::escape(w))
                    .collect::<Vec<_>>()
                    .join("|"),
            )
            .unwrap(),
            word_names: Regex::new(
                &WORD_NAMES
                    .iter()
                    .map(|w| regex::escape(w))
                    .collect::<Vec<_>>()
                    .join("|"),
            )
            .unwrap(),
            comparative: Regex::new(COMPARATIVE).unwrap(),
        }
    }

    /// The figures `text` states in words ("全覆盖" → 100), outside WORD_NAMES.
    fn word_numbers(&self, text: &str) -> Vec<f64> {
        self.tokens(text, 0, text.len())
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(Token::value)
            .collect()
    }

    fn numbers(&self, text: &str) -> Vec<f64> {
        self.number
            .find_iter(text)
            .filter_map(|m| m.as_str().parse().ok())
            .collect()
    }

    /// Number tokens of `line[a..b]`, classified.
    fn tokens(&self, line: &str, a: usize, b: usize) -> Vec<Token> {
        let masks: Vec<(usize, usize)> = self
            .names
            .iter()
            .flat_map(|r| r.find_iter(line).map(|m| (m.start(), m.end())))
            .collect();
        let mut out = Vec::new();
        for m in self.number.find_iter(line) {
            let (s, e) = (m.start(), m.end());
            if s < a || e > b {
                continue;
            }
            let next = line[e..].chars().next();
            let after_next = line[e..].chars().nth(1);
            let prev = line[..s].chars().next_back();
            let kind = if masks.iter().any(|&(ms, me)| s < me && ms < e) {
                TokenKind::Name
            } else if self.year.is_match(m.as_str()) && next == Some('年') {
                TokenKind::Year
            } else if next == Some('.')
                && !after_next.is_some_and(|c| c.is_ascii_digit())
                && (s == a || prev == Some(':'))
            {
                TokenKind::ListNumber
            } else {
                TokenKind::Quantity
            };
            out.push(Token {
                start: s,
                end: e,
                text: m.as_str().to_string(),
                kind,
            });
        }
        let word_names: Vec<(usize, usize)> = self
            .word_names
            .find_iter(line)
            .map(|m| (m.start(), m.end()))
            .collect();
        for (re, kind) in [
            (&self.words, TokenKind::Word),
            (&self.comparative, TokenKind::Comparative),
        ] {
            for m in re.find_iter(line) {
                let (s, e) = (m.start(), m.end());
                if s < a || e > b || word_names.iter().any(|&(ns, ne)| s < ne && ns < e) {
                    continue;
                }
                out.push(Token {
                    start: s,
                    end: e,
                    text: m.as_str().to_string(),
                    kind,
                });
            }
        }
        out
    }
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

// ---------------------------------------------------------------- columns

struct Column {
    ordinal: u32,
    label: String,
    chapter: u32,
    title: String,
    header: usize,
}

fn columns(seed: &Seed) -> Vec<Column> {
    let re = Regex::new(r"^专栏(\d+)-(\d+) (.*?) \|").unwrap();
    let mut out = Vec::new();
    for (i, l) in seed.lines.iter().enumerate() {
        if let Some(c) = re.captures(l) {
            out.push(Column {
                ordinal: out.len() as u32 + 1,
                label: format!("专栏{}-{}", &c[1], &c[2]),
                chapter: c[1].parse().unwrap(),
                title: c[3].to_string(),
                header: i + 1,
            });
        }
    }
    out
}

fn split_outside(s: &str, seps: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for ch in s.chars() {
        if OPEN.contains(ch) {
            depth += 1;
        } else if CLOSE.contains(ch) {
            depth = depth.saturating_sub(1);
        }
        if depth == 0 && seps.contains(ch) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    out.push(cur);
    out
}

/// Segments of a column line: cut at spaces, except a space after a digit, or before a
/// digit without a 。 before it.
fn segments(line: &str) -> Vec<String> {
    let mut s = line.trim_end();
    if let Some(t) = s.strip_suffix('|') {
        s = t.trim_end();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &ch) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        let prev_digit = prev.is_some_and(|c| c.is_ascii_digit());
        let next_digit = next.is_some_and(|c| c.is_ascii_digit());
        if ch == ' ' && !prev_digit && (!next_digit || prev == Some('。')) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(ch);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

/// Items of a column line: each segment's label, then the pieces of its body.
fn items(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seg in segments(line) {
        let parts = split_outside(&seg, LABEL_SEPARATORS);
        let body = if parts.len() > 1 {
            out.push(parts[0].trim().to_string());
            parts[1..].join(":")
        } else {
            seg.clone()
        };
        for it in split_outside(&body, ITEM_SEPARATORS) {
            let it = it.trim();
            if !it.is_empty() {
                out.push(it.to_string());
            }
        }
    }
    out
}

fn strip_verbs(s: &str) -> &str {
    for v in VERBS {
        if let Some(rest) = s.strip_prefix(v) {
            return rest;
        }
    }
    s
}

// ---------------------------------------------------------------- accounting

enum Outcome {
    Target(String),
    Indicator(String),
    Restates(String),
    NoFigure,
    NotTarget,
    /// A position relative to others, `comparison` more_than or rank_at_most:
    /// "relative: <comparison> <reference>: T079" (or "T081, T082"), the T-entries it became;
    /// or "relative: <comparison> <reference>: <what it says>; not cataloged: no measure is
    /// named", when its clause names no measure a department reports a figure for (`targets`
    /// empty). Any other reason is no outcome: the catalog can express every relative target.
    Relative {
        comparison: String,
        reference: String,
        targets: Vec<String>,
    },
    /// "milestone <year>, no figure: <reason>": a dated milestone without a figure.
    Milestone(i32),
}

fn parse_outcome(s: &str) -> Option<Outcome> {
    use std::sync::LazyLock;
    static T: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^T\d{3}$").unwrap());
    static I: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^I(0[1-9]|1\d|2[0-7])$").unwrap());
    static R: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^restates (T\d{3})$").unwrap());
    static REL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^relative: (more_than|rank_at_most) (\S+): (\S.*)$").unwrap()
    });
    static REL_IDS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^T\d{3}(?:, T\d{3})*$").unwrap());
    static REL_NOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\S.*; not cataloged: no measure is named$").unwrap());
    static M: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^milestone ((?:19|20)\d\d), no figure: \S.*$").unwrap());
    let (t, i, r) = (&*T, &*I, &*R);
    if let Some(c) = REL.captures(s) {
        let rest = &c[3];
        let targets = if REL_IDS.is_match(rest) {
            rest.split(", ").map(String::from).collect()
        } else if REL_NOT.is_match(rest) {
            Vec::new()
        } else {
            return None;
        };
        return Some(Outcome::Relative {
            comparison: c[1].to_string(),
            reference: c[2].to_string(),
            targets,
        });
    }
    if let Some(c) = M.captures(s) {
        return Some(Outcome::Milestone(c[1].parse().ok()?));
    }
    if t.is_match(s) {
        Some(Outcome::Target(s.to_string()))
    } else if i.is_match(s) {
        Some(Outcome::Indicator(s.to_string()))
    } else if let Some(c) = r.captures(s) {
        Some(Outcome::Restates(c[1].to_string()))
    } else if s
        .strip_prefix("no figure: ")
        .is_some_and(|x| !x.trim().is_empty())
    {
        Some(Outcome::NoFigure)
    } else if s
        .strip_prefix("not a target: ")
        .is_some_and(|x| !x.trim().is_empty())
    {
        Some(Outcome::NotTarget)
    } else {
        None
    }
}

struct Record {
    line: usize,
    text: String,
    outcomes: Vec<String>,
}

/// The numbers of each 专栏2-1 row, by indicator id.
fn table_numbers(seed: &Seed, cols: &[Column], scan: &Scanner) -> HashMap<String, Vec<f64>> {
    let mut out = HashMap::new();
    let Some(table) = cols.iter().find(|c| c.label == "专栏2-1") else {
        return out;
    };
    let mut n = table.header + 1;
    while let Some(l) = seed.line(n) {
        if !l.contains('|') {
            break;
        }
        let serial = l
            .split('|')
            .map(str::trim)
            .find_map(|f| f.parse::<u32>().ok().filter(|v| (1..=27).contains(v)));
        if let Some(k) = serial {
            out.insert(format!("I{k:02}"), scan.numbers(l));
        }
        n += 1;
    }
    out
}

fn departments() -> HashSet<String> {
    load_catalog(&format!("{PLAN_DIR}/departments.yaml"))
        .departments
        .into_iter()
        .map(|d| d.code)
        .collect()
}

// ---------------------------------------------------------------- targets

/// A target with a figure: the figure lies in its range, stands alone in its sentence
/// `line[a..b]` (in digits or as a figure word), and is in its target_text.
fn check_figure_target(
    fail: &mut Vec<String>,
    scan: &Scanner,
    t: &Indicator,
    target: f64,
    line: &str,
    (a, b): (usize, usize),
) {
    if t.range[0].is_some_and(|lo| target < lo) || t.range[1].is_some_and(|hi| target > hi) {
        fail.push(format!(
            "{}: target {target} outside its range {:?}",
            t.id, t.range
        ));
    }
    let standalone = scan.tokens(line, a, b).iter().any(|tok| {
        matches!(tok.kind, TokenKind::Quantity | TokenKind::Word)
            && same_number(tok.value(), target)
    });
    if !standalone {
        fail.push(format!(
            "{}: target {target} is neither a standalone number nor a figure word of its sentence {:?}",
            t.id,
            &line[a..b]
        ));
    }
    if !scan
        .numbers(&t.target_text)
        .iter()
        .chain(scan.word_numbers(&t.target_text).iter())
        .any(|&v| same_number(v, target))
    {
        fail.push(format!(
            "{}: target {target} is not in target_text {:?}",
            t.id, t.target_text
        ));
    }
}

/// A relative target (a position against `reference`, judged against the requirement the
/// register records): kind qualitative without a figure or baseline, its sentence
/// `line[a..b]` holds a comparative, the reference and the target_text; more_than a
/// reference is better when higher, a rank (at_most, unit 名 or 位) when lower and at least 1.
fn check_relative_target(
    fail: &mut Vec<String>,
    scan: &Scanner,
    t: &Indicator,
    reference: &str,
    line: &str,
    (a, b): (usize, usize),
) {
    let sentence = &line[a..b];
    let mut why = Vec::new();
    if t.kind != IndicatorKind::Qualitative {
        why.push(format!("kind is {:?}, not qualitative", t.kind));
    }
    if t.baseline.is_some() || t.baseline_kind != BaselineKind::None {
        why.push("has a baseline".to_string());
    }
    if !sentence.contains(reference) {
        why.push(format!(
            "its sentence does not name the reference {reference:?}"
        ));
    }
    if t.target_text.is_empty() || !sentence.contains(t.target_text.as_str()) {
        why.push(format!(
            "target_text {:?} is not in its sentence",
            t.target_text
        ));
    }
    if !scan
        .tokens(line, a, b)
        .iter()
        .any(|tok| tok.kind == TokenKind::Comparative)
    {
        why.push("its sentence holds no comparative".to_string());
    }
    match t.comparison {
        Comparison::MoreThan if t.direction == Direction::HigherIsBetter => {}
        Comparison::AtMost
            if t.direction == Direction::LowerIsBetter
                && matches!(t.unit.as_str(), "名" | "位")
                && t.range[0].is_some_and(|lo| lo >= 1.0) => {}
        c => why.push(format!(
            "comparison {c:?} with direction {:?}, unit {:?} and range {:?} is neither more_than (higher is better) nor a rank (at_most, lower is better, unit 名 or 位, from 1)",
            t.direction, t.unit, t.range
        )),
    }
    for w in why {
        fail.push(format!("{}: relative target: {w}", t.id));
    }
}

// ---------------------------------------------------------------- the test

#[test]
fn catalog_is_complete() {
    let seed = Seed::load();
    let scan = Scanner::new();
    let cols = columns(&seed);
    let targets_file = load_catalog(&format!("{PLAN_DIR}/targets.yaml"));
    let projects_file = load_catalog(&format!("{PLAN_DIR}/projects.yaml"));
    let accounting = load_json(&format!("{PLAN_DIR}/provenance/catalog-accounting.yaml"));
    let targets: &[Indicator] = &targets_file.indicators;
    let projects: &[Project] = &projects_file.projects;
    let depts = departments();
    let mut fail: Vec<String> = Vec::new();

    if !targets_file.projects.is_empty() || !targets_file.departments.is_empty() {
        fail.push("targets.yaml: holds only `indicators`".into());
    }
    if !projects_file.indicators.is_empty() || !projects_file.departments.is_empty() {
        fail.push("projects.yaml: holds only `projects`".into());
    }

    // The search the accounting documents is the one run here.
    let documented: Vec<&str> = accounting
        .pointer("/search/targets/name_patterns")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if documented != NAME_PATTERNS {
        fail.push(format!(
            "catalog-accounting.yaml: search.targets.name_patterns {documented:?} differ from the test's {NAME_PATTERNS:?}"
        ));
    }

    // ... and so are the figure words and the comparatives.
    let documented_words: Vec<(String, f64)> = accounting
        .pointer("/search/targets/word_figures")
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_f64().unwrap_or(f64::NAN)))
                .collect()
        })
        .unwrap_or_default();
    let mut ours: Vec<(String, f64)> = WORD_FIGURES
        .iter()
        .map(|&(w, v)| (w.to_string(), v))
        .collect();
    let mut theirs = documented_words.clone();
    ours.sort_by(|a, b| a.0.cmp(&b.0));
    theirs.sort_by(|a, b| a.0.cmp(&b.0));
    if ours != theirs {
        fail.push(format!("catalog-accounting.yaml: search.targets.word_figures {theirs:?} differ from the test's {ours:?}"));
    }
    let documented_names: Vec<&str> = accounting
        .pointer("/search/targets/word_names")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if documented_names != WORD_NAMES {
        fail.push(format!("catalog-accounting.yaml: search.targets.word_names {documented_names:?} differ from the test's {WORD_NAMES:?}"));
    }
    if accounting
        .pointer("/search/targets/comparatives")
        .and_then(Value::as_str)
        != Some(COMPARATIVE)
    {
        fail.push(format!("catalog-accounting.yaml: search.targets.comparatives differs from the test's {COMPARATIVE:?}"));
    }

    let by_id: HashMap<&str, &Indicator> = targets.iter().map(|t| (t.id.as_str(), t)).collect();
    let table = table_numbers(&seed, &cols, &scan);
    if table.len() != 27 {
        fail.push(format!(
            "seed: found {} rows of 专栏2-1, expected 27",
            table.len()
        ));
    }

    // ------------------------------------------------ (c), (d): targets
    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut last_pos: (usize, usize) = (0, 0);
    // Ids are given in batches, each in seed order (`search.targets.batches`: the first id
    // of each); a later batch is appended so that no id changes once reports use it.
    let batches: Vec<&str> = accounting
        .pointer("/search/targets/batches")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if batches.first() != Some(&"T001")
        || batches.windows(2).any(|w| w[0] >= w[1])
        || batches.iter().any(|b| !targets.iter().any(|t| t.id == *b))
    {
        fail.push(format!(
            "catalog-accounting.yaml: search.targets.batches {batches:?} must start with T001 and name existing ids in increasing order"
        ));
    }
    if let Some((k, t)) = targets
        .iter()
        .enumerate()
        .find(|(k, t)| t.id != format!("T{:03}", k + 1))
    {
        fail.push(format!(
            "targets.yaml: ids do not run T001..T{:03} in file order: entry {} is {}",
            targets.len(),
            k + 1,
            t.id
        ));
    }
    for t in targets {
        if !seen_ids.insert(t.id.clone()) {
            fail.push(format!("{}: duplicate id", t.id));
        }
        if !depts.contains(&t.department) {
            fail.push(format!("{}: unknown department {:?}", t.id, t.department));
        }
        if batches.contains(&t.id.as_str()) {
            last_pos = (0, 0);
        }
        let Some(line) = seed.line(t.source.line) else {
            fail.push(format!(
                "{}: cites line {}, past the end of the seed",
                t.id, t.source.line
            ));
            continue;
        };
        let Some(sentence) = t.sentence.as_deref() else {
            fail.push(format!("{}: no sentence", t.id));
            continue;
        };
        let occ = occurrences(line, sentence);
        let Some(&(a, b)) = occ.first() else {
            fail.push(format!(
                "{}: sentence {sentence:?} is not in line {}",
                t.id, t.source.line
            ));
            continue;
        };
        match (t.target, t.reference.as_deref()) {
            (Some(target), None) => {
                check_figure_target(&mut fail, &scan, t, target, line, (a, b));
            }
            (None, Some(reference)) => {
                check_relative_target(&mut fail, &scan, t, reference, line, (a, b));
            }
            (None, None) => fail.push(format!(
                "{}: no target number, and no reference (a relative target names one)",
                t.id
            )),
            (Some(target), Some(reference)) => fail.push(format!(
                "{}: target {target} and reference {reference:?}: a target has a figure or is relative, not both",
                t.id
            )),
        }
        // The target year is the year the target's sentence states (a milestone: 到2022年
        // is 2022; 二〇三五 is 2035), or the end of the plan period when it states none.
        let stated: Vec<i32> = sentences(line)
            .into_iter()
            .filter(|&(p, q)| p <= a && b <= q)
            .flat_map(|(p, q)| {
                let mut years: Vec<i32> = scan
                    .tokens(line, p, q)
                    .iter()
                    .filter(|tok| tok.kind == TokenKind::Year)
                    .filter_map(|tok| tok.text.parse().ok())
                    .collect();
                if line[p..q].contains("二〇三五") {
                    years.push(2035);
                }
                years
            })
            .collect();
        let year_ok = if stated.is_empty() {
            t.target_year == PERIOD_END
        } else {
            stated.iter().all(|&y| y == t.target_year)
        };
        if !year_ok {
            fail.push(format!(
                "{}: target_year {} but its sentence states {:?} (none: the period's end, {PERIOD_END})",
                t.id, t.target_year, stated
            ));
        }
        let pos = (t.source.line, a);
        if pos < last_pos {
            fail.push(format!(
                "{}: out of seed order (line {}, after line {})",
                t.id, pos.0, last_pos.0
            ));
        }
        last_pos = last_pos.max(pos);
    }

    // ------------------------------------------------ (a): the target search
    let records: Vec<Record> = accounting
        .get("targets")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|r| Record {
                    line: line_field(r),
                    text: str_field(r, "text").to_string(),
                    outcomes: r
                        .get("accounted_as")
                        .and_then(Value::as_array)
                        .map(|x| {
                            x.iter()
                                .filter_map(Value::as_str)
                                .map(String::from)
                                .collect()
                        })
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    if records.is_empty() {
        fail.push("catalog-accounting.yaml: no `targets` records".into());
    }
    let discrepancies: HashSet<(String, usize, String)> = accounting
        .get("discrepancies")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|d| {
                    (
                        str_field(d, "indicator").to_string(),
                        line_field(d),
                        str_field(d, "text").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    for (ind, line, text) in &discrepancies {
        if !seed.line(*line).is_some_and(|l| l.contains(text.as_str())) {
            fail.push(format!(
                "discrepancy of {ind}: {text:?} is not in line {line}"
            ));
        }
    }
    if accounting.get("no_figure_targets").is_some() {
        fail.push("catalog-accounting.yaml: no_figure_targets is gone: figure words make a sentence a candidate, so those clauses are `targets` records".into());
    }
    for d in accounting
        .get("no_figure_aims")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (line, text) = (line_field(d), str_field(d, "text"));
        let in_line = !text.is_empty() && seed.line(line).is_some_and(|l| l.contains(text));
        // Aims in candidate sentences are `targets` records instead.
        let candidate = !text.is_empty()
            && scan
                .tokens(text, 0, text.len())
                .iter()
                .any(|t| !matches!(t.kind, TokenKind::Name | TokenKind::ListNumber));
        if !in_line || candidate {
            fail.push(format!(
                "no_figure_aims: {text:?} is not in line {line}, or holds a figure, year or comparative (then it is a `targets` record)"
            ));
        }
    }

    // Well-formed outcomes, known ids.
    let mut referenced_targets: HashSet<String> = HashSet::new();
    for r in &records {
        if r.outcomes.is_empty() {
            fail.push(format!(
                "accounting line {}: {:?} has no accounted_as",
                r.line, r.text
            ));
        }
        for o in &r.outcomes {
            match parse_outcome(o) {
                None => fail.push(format!(
                    "accounting line {}: accounted_as {o:?} is none of Tnnn, Inn, \"restates Tnnn\", \"relative: more_than|rank_at_most <reference>: Tnnn[, Tnnn]\", \"relative: more_than|rank_at_most <reference>: …; not cataloged: no measure is named\", \"milestone <year>, no figure: …\", \"no figure: …\", \"not a target: …\"",
                    r.line
                )),
                Some(Outcome::Relative {
                    comparison,
                    reference,
                    targets: ids,
                }) => {
                    if !r.text.contains(reference.as_str()) {
                        fail.push(format!("accounting line {}: relative to {reference:?}, which {:?} does not name", r.line, r.text));
                    }
                    // A cataloged relative target: each T-entry it became is relative to the
                    // same reference, by the same comparison, and stated in this clause.
                    for id in ids {
                        match by_id.get(id.as_str()) {
                            None => fail.push(format!("accounting line {}: relative target {id}, which targets.yaml does not have", r.line)),
                            Some(t) => {
                                let want = if comparison == "more_than" {
                                    Comparison::MoreThan
                                } else {
                                    Comparison::AtMost
                                };
                                if t.reference.as_deref() != Some(reference.as_str())
                                    || t.comparison != want
                                {
                                    fail.push(format!("accounting line {}: {id} is recorded {comparison} {reference:?}, targets.yaml has {:?} {:?}", r.line, t.comparison, t.reference));
                                }
                                if t.source.line != r.line || !t.sentence.as_deref().is_some_and(|s| r.text.contains(s)) {
                                    fail.push(format!("accounting line {}: {id} is cited at line {} with a sentence not inside {:?}", r.line, t.source.line, r.text));
                                }
                            }
                        }
                        referenced_targets.insert(id);
                    }
                }
                Some(Outcome::Milestone(year)) if !r.text.contains(&format!("{year}年")) => {
                    fail.push(format!("accounting line {}: milestone {year}, which {:?} does not state", r.line, r.text));
                }
                Some(Outcome::Target(id)) => {
                    match by_id.get(id.as_str()) {
                        None => fail.push(format!("accounting line {}: refers to {id}, which targets.yaml does not have", r.line)),
                        Some(t) => {
                            if t.source.line != r.line || !t.sentence.as_deref().is_some_and(|s| r.text.contains(s)) {
                                fail.push(format!("accounting line {}: {id} is cited at line {} with a sentence not inside {:?}", r.line, t.source.line, r.text));
                            }
                            if t.reference.is_some() {
                                fail.push(format!("accounting line {}: {id} is a relative target: its record is \"relative: <comparison> <reference>: {id}\"", r.line));
                            }
                        }
                    }
                    referenced_targets.insert(id);
                }
                Some(Outcome::Restates(id)) if !by_id.contains_key(id.as_str()) => {
                    fail.push(format!("accounting line {}: restates {id}, which targets.yaml does not have", r.line));
                }
                _ => {}
            }
        }
    }
    for t in targets {
        if !referenced_targets.contains(&t.id) {
            fail.push(format!("{}: no accounting record names it", t.id));
        }
    }

    // Every record lies in a candidate sentence of its line.
    let mut candidate_spans: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    let mut candidates = 0usize;
    for (i, line) in seed.lines.iter().enumerate() {
        let n = i + 1;
        for (a, b) in sentences(line) {
            let toks = scan.tokens(line, a, b);
            let is_candidate = toks
                .iter()
                .any(|t| !matches!(t.kind, TokenKind::Name | TokenKind::ListNumber))
                || line[a..b].contains("二〇三五");
            if is_candidate {
                candidates += 1;
                candidate_spans.entry(n).or_default().push((a, b));
            }
        }
    }
    let inside = |n: usize, (p, q): (usize, usize)| {
        candidate_spans
            .get(&n)
            .is_some_and(|v| v.iter().any(|&(a, b)| a <= p && q <= b))
    };
    for r in &records {
        let ok = seed.line(r.line).is_some_and(|l| {
            occurrences(l, &r.text)
                .into_iter()
                .any(|span| inside(r.line, span))
        });
        if !ok {
            fail.push(format!(
                "accounting line {}: {:?} is not a clause of a candidate sentence of that line",
                r.line, r.text
            ));
        }
    }

    // Every candidate sentence, every quantity, year, figure word and comparative token.
    for (i, line) in seed.lines.iter().enumerate() {
        let n = i + 1;
        let Some(spans) = candidate_spans.get(&n) else {
            continue;
        };
        let recs: Vec<(&Record, Vec<(usize, usize)>)> = records
            .iter()
            .filter(|r| r.line == n)
            .map(|r| (r, occurrences(line, &r.text)))
            .collect();
        let tgts: Vec<(&Indicator, Vec<(usize, usize)>)> = targets
            .iter()
            .filter(|t| t.source.line == n)
            .map(|t| (t, occurrences(line, t.sentence.as_deref().unwrap_or(""))))
            .collect();
        for &(a, b) in spans {
            let sentence = &line[a..b];
            let within = |occ: &Vec<(usize, usize)>| occ.iter().any(|&(p, q)| a <= p && q <= b);
            if !recs.iter().any(|(_, o)| within(o)) && !tgts.iter().any(|(_, o)| within(o)) {
                fail.push(format!(
                    "line {n}: candidate sentence not accounted for: {sentence:?}"
                ));
                continue;
            }
            for tok in scan.tokens(line, a, b) {
                if matches!(tok.kind, TokenKind::Name | TokenKind::ListNumber) {
                    continue;
                }
                let covers = |occ: &Vec<(usize, usize)>| {
                    occ.iter()
                        .any(|&(p, q)| a <= p && q <= b && p <= tok.start && tok.end <= q)
                };
                let value = tok.value();
                // The figures a target states: its number, and those of its target_text in
                // digits and in words.
                let figures_of = |t: &Indicator| -> bool {
                    t.target.is_some_and(|v| same_number(v, value))
                        || scan
                            .numbers(&t.target_text)
                            .iter()
                            .chain(scan.word_numbers(&t.target_text).iter())
                            .any(|&v| same_number(v, value))
                };
                let by_target = tgts.iter().any(|(t, o)| {
                    covers(o)
                        && match tok.kind {
                            // its year is checked against target_year above
                            TokenKind::Year => true,
                            TokenKind::Comparative => false,
                            _ => figures_of(t),
                        }
                });
                if by_target {
                    continue;
                }
                let covering: Vec<&Record> = recs
                    .iter()
                    .filter(|(_, o)| covers(o))
                    .map(|(r, _)| *r)
                    .collect();
                if covering.is_empty() {
                    fail.push(format!("line {n}: {} in {sentence:?} is neither in a target's sentence nor in an accounting record", tok.text));
                    continue;
                }
                let outcomes = || {
                    covering
                        .iter()
                        .flat_map(|r| r.outcomes.iter().map(move |o| (*r, parse_outcome(o))))
                };
                let explained = match tok.kind {
                    // A year inside the period before its end is a milestone: a target with
                    // that year, a milestone record, or not a target.
                    TokenKind::Year => {
                        let y = value as i32;
                        !(PERIOD_START..PERIOD_END).contains(&y)
                            || outcomes().any(|(_, o)| match o {
                                Some(Outcome::NotTarget) => true,
                                Some(Outcome::Milestone(m)) => m == y,
                                Some(Outcome::Target(id)) => {
                                    by_id.get(id.as_str()).is_some_and(|t| t.target_year == y)
                                }
                                _ => false,
                            })
                    }
                    // A figure in words is a target with that figure, or not a target; a
                    // figure word is a figure, so "no figure" does not explain it.
                    TokenKind::Word => outcomes().any(|(_, o)| match o {
                        Some(Outcome::NotTarget) => true,
                        Some(Outcome::Target(id)) | Some(Outcome::Restates(id)) => {
                            by_id.get(id.as_str()).is_some_and(|t| figures_of(t))
                        }
                        _ => false,
                    }),
                    // A position relative to others is a relative target, or not a target.
                    TokenKind::Comparative => outcomes().any(|(_, o)| {
                        matches!(o, Some(Outcome::NotTarget) | Some(Outcome::Relative { .. }))
                    }),
                    _ => outcomes().any(|(r, o)| match o {
                        Some(Outcome::NotTarget) | Some(Outcome::NoFigure) => true,
                        Some(Outcome::Target(id)) | Some(Outcome::Restates(id)) => {
                            by_id.get(id.as_str()).is_some_and(|t| figures_of(t))
                        }
                        Some(Outcome::Indicator(id)) => {
                            discrepancies.contains(&(id.clone(), n, r.text.clone()))
                                || table
                                    .get(&id)
                                    .is_some_and(|v| v.iter().any(|&x| same_number(x, value)))
                        }
                        _ => false,
                    }),
                };
                if !explained {
                    fail.push(format!(
                        "line {n}: {} in {sentence:?} is recorded as {:?}, which does not account for it (a missed target, milestone or relative target?)",
                        tok.text,
                        covering.iter().flat_map(|r| r.outcomes.clone()).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }

    // ------------------------------------------------ (c), (d): projects
    let by_ordinal: HashMap<u32, &Column> = cols.iter().map(|c| (c.ordinal, c)).collect();
    let pid = Regex::new(r"^P(\d{2})(\d{2})$").unwrap();
    let mut per_column: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for p in projects {
        if !seen_ids.insert(p.id.clone()) {
            fail.push(format!("{}: duplicate id", p.id));
        }
        if !depts.contains(&p.department) {
            fail.push(format!("{}: unknown department {:?}", p.id, p.department));
        }
        match pid.captures(&p.id) {
            None => fail.push(format!(
                "{}: id is not P + two-digit column ordinal + two-digit item",
                p.id
            )),
            Some(c) => {
                let ord: u32 = c[1].parse().unwrap();
                if ord != p.column_ordinal {
                    fail.push(format!(
                        "{}: id says column {ord}, column_ordinal is {}",
                        p.id, p.column_ordinal
                    ));
                }
                per_column
                    .entry(p.column_ordinal)
                    .or_default()
                    .push(c[2].parse().unwrap());
            }
        }
        match by_ordinal.get(&p.column_ordinal) {
            None => fail.push(format!(
                "{}: column_ordinal {} has no 专栏 header",
                p.id, p.column_ordinal
            )),
            Some(col) => {
                if col.label != p.column {
                    fail.push(format!(
                        "{}: column {} but header {} is {}",
                        p.id, p.column, p.column_ordinal, col.label
                    ));
                }
                if !(3..=7).contains(&col.chapter) {
                    fail.push(format!(
                        "{}: {} is not a project column of chapters 3–7",
                        p.id, col.label
                    ));
                }
                if p.source.line != col.header + 1 {
                    fail.push(format!(
                        "{}: cites line {}, the content of {} is line {}",
                        p.id,
                        p.source.line,
                        col.label,
                        col.header + 1
                    ));
                }
                let passage = format!("{} {}", col.label, col.title);
                if p.source.passage != passage {
                    fail.push(format!(
                        "{}: passage {:?}, expected {passage:?}",
                        p.id, p.source.passage
                    ));
                }
            }
        }
        // Verbatim, or composed from a count group of the line (provenance.rs proves the
        // group's qualifier and count).
        if p.name.trim().is_empty()
            || !seed.line(p.source.line).is_some_and(|l| {
                l.contains(p.name.as_str())
                    || facility_groups::groups(l)
                        .iter()
                        .any(|g| !g.composing(&p.name).is_empty())
            })
        {
            fail.push(format!(
                "{}: name {:?} is not in line {}, nor composed by a count group of it",
                p.id, p.name, p.source.line
            ));
        }
    }
    for (ord, nums) in &per_column {
        let want: Vec<u32> = (1..=nums.len() as u32).collect();
        if *nums != want {
            fail.push(format!(
                "column {ord}: item numbers {nums:?} do not run 01..{:02} in file order",
                nums.len()
            ));
        }
    }

    // ------------------------------------------------ (b): the column-item search
    struct ItemRecord {
        line: usize,
        column: String,
        ordinal: u32,
        item: String,
        /// One outcome, or (an element of a count group that stands for several places)
        /// one P-id per place.
        outcomes: Vec<String>,
        used: bool,
    }
    let mut item_records: Vec<ItemRecord> = accounting
        .get("items")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|r| ItemRecord {
                    line: line_field(r),
                    column: str_field(r, "column").to_string(),
                    ordinal: r.get("column_ordinal").and_then(Value::as_u64).unwrap_or(0) as u32,
                    item: str_field(r, "item").to_string(),
                    outcomes: match r.get("accounted_as") {
                        Some(Value::Array(a)) => a
                            .iter()
                            .map(|x| x.as_str().unwrap_or("").to_string())
                            .collect(),
                        _ => vec![str_field(r, "accounted_as").to_string()],
                    },
                    used: false,
                })
                .collect()
        })
        .unwrap_or_default();
    let by_pid: HashMap<&str, &Project> = projects.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut referenced_projects: HashSet<String> = HashSet::new();
    let mut item_count = 0usize;
    for col in cols.iter().filter(|c| (3..=7).contains(&c.chapter)) {
        let n = col.header + 1;
        let Some(line) = seed.line(n) else {
            fail.push(format!("{}: no content line after the header", col.label));
            continue;
        };
        for item in items(line) {
            item_count += 1;
            if let Some(r) = item_records
                .iter_mut()
                .find(|r| !r.used && r.line == n && r.item == item)
            {
                r.used = true;
                if r.column != col.label || r.ordinal != col.ordinal {
                    fail.push(format!(
                        "item {item:?} (line {n}): recorded as {} / {}, the column is {} / {}",
                        r.column, r.ordinal, col.label, col.ordinal
                    ));
                }
                // The count group element the item is, and the facilities it stands for.
                let groups = facility_groups::groups(line);
                let element = groups
                    .iter()
                    .find_map(|g| g.element_of(line, &item).map(|k| (g, k)));
                let places =
                    element.map_or(1, |(g, k)| facility_groups::places(&g.elements[k]).len());
                if r.outcomes.iter().all(|o| pid.is_match(o)) {
                    if r.outcomes.len() != places {
                        fail.push(format!(
                            "item {item:?} (line {n}): stands for {places} place(s) of its count group, recorded as {:?}",
                            r.outcomes
                        ));
                    }
                    for o in &r.outcomes {
                        match by_pid.get(o.as_str()) {
                            None => fail.push(format!("item {item:?} (line {n}): refers to {o}, which projects.yaml does not have")),
                            Some(p) => {
                                let name = p.name.as_str();
                                let stripped = strip_verbs(&item);
                                let composed = element.is_some_and(|(g, k)| {
                                    g.qualifiers().iter().any(|q| {
                                        g.facilities(q).is_some_and(|f| {
                                            f.iter().any(|(e, fname)| *e == k && fname == name)
                                        })
                                    })
                                });
                                let related = item.contains(name)
                                    || name.contains(item.as_str())
                                    || name.contains(stripped)
                                    || composed;
                                if p.source.line != n || !related {
                                    fail.push(format!("item {item:?} (line {n}): recorded as {} ({name:?}, line {}), which it does not name", p.id, p.source.line));
                                }
                                referenced_projects.insert(p.id.clone());
                            }
                        }
                    }
                } else if r.outcomes.len() != 1
                    || r.outcomes[0]
                        .strip_prefix("not a project: ")
                        .is_none_or(|x| x.trim().is_empty())
                {
                    fail.push(format!("item {item:?} (line {n}): accounted_as {:?} is neither P-ids nor \"not a project: <reason>\"", r.outcomes));
                }
            } else if let Some(p) = projects
                .iter()
                .find(|p| p.source.line == n && p.name == item)
            {
                referenced_projects.insert(p.id.clone());
            } else {
                fail.push(format!(
                    "{} (line {n}): item {item:?} is neither a project name nor accounted for",
                    col.label
                ));
            }
        }
    }
    for r in item_records.iter().filter(|r| !r.used) {
        fail.push(format!(
            "accounting item {:?} (line {}) is not an item of that line",
            r.item, r.line
        ));
    }
    for p in projects {
        if !referenced_projects.contains(&p.id) {
            fail.push(format!(
                "{}: {:?} is not named by any item of its column",
                p.id, p.name
            ));
        }
    }

    eprintln!(
        "completeness: {} candidate sentences, {} records, {} targets; {} column items, {} projects",
        candidates,
        records.len(),
        targets.len(),
        item_count,
        projects.len()
    );
    if !fail.is_empty() {
        panic!(
            "{} completeness failure(s):\n  {}",
            fail.len(),
            fail.join("\n  ")
        );
    }
}

/// Relative records: a cataloged one names its T-ids, an uncataloged one says that its clause
/// names no measure; the reason of old ("the catalog cannot express it") is no outcome.
#[test]
fn relative_records() {
    let rel = |s: &str| match parse_outcome(s) {
        Some(Outcome::Relative {
            comparison,
            reference,
            targets,
        }) => Some((comparison, reference, targets)),
        _ => None,
    };
    assert_eq!(
        rel("relative: more_than 全市平均: T079"),
        Some(("more_than".into(), "全市平均".into(), vec!["T079".into()]))
    );
    assert_eq!(
        rel("relative: rank_at_most 全市: T081, T082"),
        Some((
            "rank_at_most".into(),
            "全市".into(),
            vec!["T081".into(), "T082".into()]
        ))
    );
    assert_eq!(
        rel("relative: rank_at_most 全市全省: the service industry to lead; not cataloged: no measure is named"),
        Some(("rank_at_most".into(), "全市全省".into(), vec![]))
    );
    for old in [
        "relative: more_than 全市平均: growth above the city's; not cataloged: the catalog cannot express it (see search.targets.relative)",
        "relative: rank_at_most 全省: the R&D share among the leaders",
        "relative: rank_at_most 全市: not cataloged: no measure is named",
        "relative: at_least 全市: T079",
        "relative: more_than 全市平均: T079 and more",
    ] {
        assert!(parse_outcome(old).is_none(), "{old:?} must not be an outcome");
    }
}

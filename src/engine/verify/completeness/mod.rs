//! The completeness scan of `plan verify`: every target sentence and every
//! 专栏 column item of the seed is either in the catalog or accounted for in the
//! plan's accounting file (`provenance/catalog-accounting.yaml` in the plan
//! directory), and every record of that file is true of the seed.
//!
//! It re-runs, over the seed, the two searches the accounting file documents
//! (its `search` block gives the name patterns, figure words and comparatives):
//!
//! (a) every sentence with a number, a year, a figure word or a comparative (or 二〇三五) is a
//!     candidate target; each of its tokens must lie in a target's sentence or in a record's
//!     clause, and the record's outcome must account for the token (PL603 when nothing covers
//!     it, PL604 when a record does not account for it);
//! (b) every item of every project column line (a 专栏 that is not a table the indicators cite)
//!     must be a project or have a record (PL603);
//! (c) records are verbatim at their lines, name ids that exist and give reasons the rules
//!     accept (PL604); each target's figure is in its target_text, its target year is the year
//!     its sentence states, a relative target's sentence holds a comparative (PL601);
//! (d) target ids run T001… in file order, each batch in seed order; project ids are P + column
//!     ordinal + item number, running 01… in each column, citing the column's content line
//!     (PL605, PL601).

use super::{facility_groups, word_figures, At, Seed, Verifier};
use crate::diagnostics::diagnostic::Location;
use crate::diagnostics::messages::{LoadErrorText, VerifyMsg as V};
use crate::model::plan::{BaselineKind, Comparison, Direction, Indicator, Project};
use crate::syntax::source::{Source, SourceFile};
use crate::syntax::yaml::{self, Limits, Node};
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

mod catalog;
mod columns;
use catalog::*;
pub(crate) use columns::*;

/// Where a plan directory keeps its accounting file.
pub const ACCOUNTING_FILE: &str = "provenance/catalog-accounting.yaml";

/// The built-in plan's accounting file, shipped so that the built-in plan is
/// scanned anywhere.
const BUILTIN_ACCOUNTING: &str =
    include_str!("../../../../rules/nanming-14th-fyp/provenance/catalog-accounting.yaml");

/// The name patterns of the 14th plan's search, used when the accounting file gives none.
pub(crate) const NAME_PATTERNS: &[&str] = &[
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
/// The comparatives of the 14th plan's search, used when the accounting file gives none.
pub(crate) const COMPARATIVE: &str = r"高于全(?:市|省|国)|(?:全市|全省|全国|贵阳)(?:全市|全省)?(?:前列|领先|一流|第一)|排名靠前|引领全(?:市|省)";
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

fn re(p: &str) -> Regex {
    // Only the constant patterns of this file go through here.
    Regex::new(p).unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern compiles"))
}

/// A plan's accounting file, loaded.
pub struct Accounting {
    source: Source,
    node: Option<Node>,
    json: Value,
    /// Why it did not load: (English, Chinese).
    error: Option<(String, String)>,
}

impl Accounting {
    /// The accounting file of the text `text`; `path` is how diagnostics name it.
    pub fn new(path: impl Into<String>, text: &str) -> Accounting {
        let source = SourceFile::new(path, text.to_string());
        match yaml::load(source.body(), source.bom_len(), Limits::default()) {
            Ok(node) => Accounting {
                json: node.to_json(),
                node: Some(node),
                source,
                error: None,
            },
            Err(e) => {
                let error = Some((
                    e.message(crate::diagnostics::messages::Lang::En),
                    e.message(crate::diagnostics::messages::Lang::Zh),
                ));
                Accounting {
                    source,
                    node: None,
                    json: Value::Null,
                    error,
                }
            }
        }
    }

    /// An accounting file that cannot be read: why, in English and Chinese.
    pub fn unreadable(path: impl Into<String>, en: String, zh: String) -> Accounting {
        Accounting {
            source: SourceFile::new(path, String::new()),
            node: None,
            json: Value::Null,
            error: Some((en, zh)),
        }
    }

    /// The built-in plan's accounting file.
    pub fn builtin() -> Accounting {
        Accounting::new(
            format!(
                "builtin:{}/{ACCOUNTING_FILE}",
                crate::model::plan::BUILTIN_ID
            ),
            BUILTIN_ACCOUNTING,
        )
    }

    /// The place of `pointer` in the file (its nearest existing ancestor).
    fn location(&self, pointer: &str) -> (Location, String) {
        let mut p = pointer.to_string();
        loop {
            if let Some((_, n)) = self.node.as_ref().and_then(|n| n.pointer(&p)) {
                return (Location::at(&self.source, n.span), p);
            }
            match p.rfind('/') {
                Some(i) if !p.is_empty() => p.truncate(i),
                _ => return (Location::file_start(&self.source), String::new()),
            }
        }
    }
}

/// The entries of the list `key` of the file, with their positions.
fn entries<'a>(json: &'a Value, key: &str) -> impl Iterator<Item = (usize, &'a Value)> {
    json.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
}

/// A string or a list of strings (`accounted_as`).
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| x.as_str().unwrap_or("").to_string())
            .collect(),
        Some(Value::String(x)) => vec![x.clone()],
        _ => Vec::new(),
    }
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn line_field(v: &Value) -> usize {
    v.get("line").and_then(Value::as_u64).unwrap_or(0) as usize
}

/// Byte ranges of all occurrences of `needle` in `hay`.
pub(crate) fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, s)| (i, i + s.len()))
        .collect()
}

/// Sentences of a line: (start, end) byte ranges, trimmed of spaces.
pub(crate) fn sentences(line: &str) -> Vec<(usize, usize)> {
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
pub(crate) enum TokenKind {
    Quantity,
    Year,
    Name,
    ListNumber,
    /// A figure in words (全覆盖, 零 …); its value is the word's figure.
    Word,
    /// A position relative to others (高于全市, 全省前列 …).
    Comparative,
}

pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
    pub(crate) kind: TokenKind,
    pub(crate) value: f64,
}

/// The search the accounting file documents.
pub(crate) struct Scanner {
    number: Regex,
    names: Vec<Regex>,
    year: Regex,
    words: Option<Regex>,
    word_figures: Vec<(String, f64)>,
    word_names: Option<Regex>,
    comparative: Option<Regex>,
}

fn alternation(words: &[String]) -> Option<Regex> {
    if words.is_empty() {
        return None;
    }
    let mut sorted: Vec<&String> = words.iter().collect();
    // Longest first at one position: 破零 before 零.
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    Regex::new(
        &sorted
            .iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join("|"),
    )
    .ok()
}

impl Scanner {
    /// The scanner of `search.targets`; Err: the key that is malformed.
    pub(crate) fn new(search: Option<&Value>) -> Result<Scanner, &'static str> {
        let names: Vec<String> = match search.and_then(|s| s.get("name_patterns")) {
            None => NAME_PATTERNS.iter().map(|s| s.to_string()).collect(),
            Some(v) => v
                .as_array()
                .and_then(|a| a.iter().map(|x| x.as_str().map(String::from)).collect())
                .ok_or("search/targets/name_patterns")?,
        };
        let names = names
            .iter()
            .map(|p| Regex::new(p).map_err(|_| "search/targets/name_patterns"))
            .collect::<Result<Vec<_>, _>>()?;
        let word_figures: Vec<(String, f64)> = match search.and_then(|s| s.get("word_figures")) {
            None => word_figures::WORD_FIGURES
                .iter()
                .map(|&(w, v)| (w.to_string(), v))
                .collect(),
            Some(v) => v
                .as_object()
                .and_then(|o| {
                    o.iter()
                        .map(|(k, v)| v.as_f64().map(|v| (k.clone(), v)))
                        .collect()
                })
                .ok_or("search/targets/word_figures")?,
        };
        let word_names: Vec<String> = match search.and_then(|s| s.get("word_names")) {
            None => word_figures::WORD_NAMES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            Some(v) => v
                .as_array()
                .and_then(|a| a.iter().map(|x| x.as_str().map(String::from)).collect())
                .ok_or("search/targets/word_names")?,
        };
        let comparative = match search.and_then(|s| s.get("comparatives")) {
            None => Some(re(COMPARATIVE)),
            Some(v) => {
                let p = v.as_str().ok_or("search/targets/comparatives")?;
                Some(Regex::new(p).map_err(|_| "search/targets/comparatives")?)
            }
        };
        let words: Vec<String> = word_figures.iter().map(|(w, _)| w.clone()).collect();
        Ok(Scanner {
            number: re(NUMBER),
            names,
            year: re(r"^(19|20)\d\d$"),
            words: alternation(&words),
            word_figures,
            word_names: alternation(&word_names),
            comparative,
        })
    }

    fn word_figure(&self, word: &str) -> f64 {
        self.word_figures
            .iter()
            .find(|(w, _)| w == word)
            .map_or(f64::NAN, |&(_, v)| v)
    }

    /// The figures `text` states, in digits and in words.
    pub(crate) fn figures(&self, text: &str) -> Vec<f64> {
        let mut out: Vec<f64> = self
            .number
            .find_iter(text)
            .filter_map(|m| m.as_str().parse().ok())
            .collect();
        out.extend(
            self.tokens(text, 0, text.len())
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.value),
        );
        out
    }

    /// Number tokens of `line[a..b]`, classified.
    pub(crate) fn tokens(&self, line: &str, a: usize, b: usize) -> Vec<Token> {
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
                value: m.as_str().parse().unwrap_or(f64::NAN),
            });
        }
        let word_names: Vec<(usize, usize)> = self
            .word_names
            .iter()
            .flat_map(|r| r.find_iter(line).map(|m| (m.start(), m.end())))
            .collect();
        for (re, kind) in [
            (&self.words, TokenKind::Word),
            (&self.comparative, TokenKind::Comparative),
        ] {
            for m in re.iter().flat_map(|r| r.find_iter(line)) {
                let (s, e) = (m.start(), m.end());
                if s < a || e > b || word_names.iter().any(|&(ns, ne)| s < ne && ns < e) {
                    continue;
                }
                let value = if kind == TokenKind::Word {
                    self.word_figure(m.as_str())
                } else {
                    f64::NAN
                };
                out.push(Token {
                    start: s,
                    end: e,
                    text: m.as_str().to_string(),
                    kind,
                    value,
                });
            }
        }
        out
    }

    /// Whether the sentence `line[a..b]` is a candidate target.
    pub(crate) fn is_candidate(&self, line: &str, a: usize, b: usize) -> bool {
        self.tokens(line, a, b)
            .iter()
            .any(|t| !matches!(t.kind, TokenKind::Name | TokenKind::ListNumber))
            || line[a..b].contains("二〇三五")
    }
}

pub(crate) fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

// ---------------------------------------------------------------- accounting

#[derive(Debug, PartialEq)]
enum Outcome {
    Target(String),
    Indicator(String),
    Restates(String),
    NoFigure,
    NotTarget,
    /// A position relative to others, `comparison` more_than or rank_at_most:
    /// "relative: <comparison> <reference>: T079" (or "T081, T082"), the T-entries it became;
    /// or "relative: <comparison> <reference>: <what it says>; not cataloged: no measure is
    /// named", when its clause names no measure a department reports a figure for.
    Relative {
        comparison: String,
        reference: String,
        targets: Vec<String>,
    },
    /// "milestone <year>, no figure: <reason>": a dated milestone without a figure.
    Milestone(i32),
}

fn parse_outcome(s: &str) -> Option<Outcome> {
    static T: LazyLock<Regex> = LazyLock::new(|| re(r"^T\d{3}$"));
    static I: LazyLock<Regex> = LazyLock::new(|| re(r"^I\d{2}$"));
    static R: LazyLock<Regex> = LazyLock::new(|| re(r"^restates (T\d{3})$"));
    static REL: LazyLock<Regex> =
        LazyLock::new(|| re(r"^relative: (more_than|rank_at_most) (\S+): (\S.*)$"));
    static REL_IDS: LazyLock<Regex> = LazyLock::new(|| re(r"^T\d{3}(?:, T\d{3})*$"));
    static REL_NOT: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\S.*; not cataloged: no measure is named$"));
    static M: LazyLock<Regex> =
        LazyLock::new(|| re(r"^milestone ((?:19|20)\d\d), no figure: \S.*$"));
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
    let reason = |prefix: &str| s.strip_prefix(prefix).is_some_and(|x| !x.trim().is_empty());
    if T.is_match(s) {
        Some(Outcome::Target(s.to_string()))
    } else if I.is_match(s) {
        Some(Outcome::Indicator(s.to_string()))
    } else if let Some(c) = R.captures(s) {
        Some(Outcome::Restates(c[1].to_string()))
    } else if reason("no figure: ") {
        Some(Outcome::NoFigure)
    } else if reason("not a target: ") {
        Some(Outcome::NotTarget)
    } else {
        None
    }
}

struct Record {
    /// Its position in `targets`.
    k: usize,
    line: usize,
    text: String,
    outcomes: Vec<String>,
}

/// The numbers of each numbered row of the main table, by indicator id.
fn table_numbers(
    seed: &Seed,
    cols: &[Column],
    main_table: &str,
    scan: &Scanner,
) -> HashMap<String, Vec<f64>> {
    let mut out = HashMap::new();
    let Some(table) = cols.iter().find(|c| c.label == main_table) else {
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
            .find_map(|f| f.parse::<u32>().ok().filter(|v| *v >= 1));
        if let Some(k) = serial {
            out.insert(format!("I{k:02}"), scan.figures(l));
        }
        n += 1;
    }
    out
}

impl Verifier<'_> {
    /// A finding in the accounting file at `pointer`, related to seed line `seed_line`.
    fn add_accounting(
        &mut self,
        acc: &Accounting,
        pointer: &str,
        seed_line: Option<usize>,
        msg: V,
    ) {
        let (location, pointer) = acc.location(pointer);
        self.push(location, pointer, None, seed_line, msg);
    }
}

/// Where a record of seed line `n` belongs in the list `list` of (position, line) records:
/// after the last record at or before line `n` (the pointer of its `line`), or before the
/// first.
fn near(records: impl Iterator<Item = (usize, usize)>, list: &str, n: usize) -> String {
    let records: Vec<(usize, usize)> = records.collect();
    records
        .iter()
        .rev()
        .find(|&&(_, line)| line <= n)
        .or(records.first())
        .map_or_else(|| format!("/{list}"), |(k, _)| format!("/{list}/{k}/line"))
}

/// The candidate spans of the seed, by line.
type Spans = BTreeMap<usize, Vec<(usize, usize)>>;

/// Runs the completeness scan of `v`'s plan against the accounting file `acc`.
pub(super) fn scan(v: &mut Verifier, acc: &Accounting, main_table: &str) {
    if let Some((en, zh)) = &acc.error {
        let msg = V::AccountingUnreadable {
            error_en: en.clone(),
            error_zh: zh.clone(),
        };
        return v.add_accounting(acc, "", None, msg);
    }
    let plan = v.plan;
    let seed = v.seed;
    let json = &acc.json;
    let scan = match Scanner::new(json.pointer("/search/targets")) {
        Ok(s) => s,
        Err(key) => {
            let msg = V::AccountingKey { key: key.into() };
            return v.add_accounting(acc, &format!("/{key}"), None, msg);
        }
    };
    if json.get("no_figure_targets").is_some() {
        let msg = V::AccountingKey {
            key: "no_figure_targets".into(),
        };
        v.add_accounting(acc, "/no_figure_targets", None, msg);
    }
    let cols = columns(seed);
    // The text targets: the indicators that are not rows of a table.
    let targets: Vec<&Indicator> = plan
        .indicators
        .iter()
        .filter(|i| super::table_row_passage(&i.source.passage).is_none())
        .collect();
    let by_id: HashMap<&str, &Indicator> = targets.iter().map(|t| (t.id.as_str(), *t)).collect();
    let all_ids: HashSet<&str> = plan.indicators.iter().map(|i| i.id.as_str()).collect();
    let table = table_numbers(seed, &cols, main_table, &scan);

    catalog_targets(v, acc, &scan, &targets);

    // ------------------------------------------------ (a): the target search
    let records: Vec<Record> = entries(json, "targets")
        .map(|(k, r)| Record {
            k,
            line: line_field(r),
            text: str_field(r, "text").to_string(),
            outcomes: strings(r.get("accounted_as")),
        })
        .collect();
    // A text with no candidate sentence has an empty list; no list at all is
    // an accounting file of another shape.
    if !json.get("targets").is_some_and(Value::is_array) {
        let msg = V::AccountingKey {
            key: "targets".into(),
        };
        v.add_accounting(acc, "/targets", None, msg);
    }
    // Discrepancies the file lists: (indicator, line, text), verbatim at their lines.
    let mut discrepancies: HashSet<(String, usize, String)> = HashSet::new();
    for (k, d) in entries(json, "discrepancies") {
        let (line, text) = (line_field(d), str_field(d, "text"));
        if text.is_empty() || !seed.line(line).is_some_and(|l| l.contains(text)) {
            let msg = V::RecordNotAtLine {
                line,
                text: text.to_string(),
            };
            v.add_accounting(acc, &format!("/discrepancies/{k}/text"), Some(line), msg);
        }
        discrepancies.insert((
            str_field(d, "indicator").to_string(),
            line,
            text.to_string(),
        ));
    }
    for (k, d) in entries(json, "no_figure_aims") {
        let (line, text) = (line_field(d), str_field(d, "text"));
        let pointer = format!("/no_figure_aims/{k}/text");
        if text.is_empty() || !seed.line(line).is_some_and(|l| l.contains(text)) {
            let msg = V::RecordNotAtLine {
                line,
                text: text.to_string(),
            };
            v.add_accounting(acc, &pointer, Some(line), msg);
        } else if scan.is_candidate(text, 0, text.len()) {
            // Aims in candidate sentences are `targets` records instead.
            let msg = V::AimIsCandidate {
                line,
                text: text.to_string(),
            };
            v.add_accounting(acc, &pointer, Some(line), msg);
        }
    }

    // Well-formed outcomes, known ids.
    let mut referenced: HashSet<String> = HashSet::new();
    for r in &records {
        let at = format!("/targets/{}/accounted_as", r.k);
        if r.outcomes.is_empty() {
            let msg = V::RejectedOutcome {
                line: r.line,
                outcome: String::new(),
            };
            v.add_accounting(acc, &at, Some(r.line), msg);
        }
        for (j, o) in r.outcomes.iter().enumerate() {
            let at = format!("{at}/{j}");
            let add = |v: &mut Verifier, msg: V| v.add_accounting(acc, &at, Some(r.line), msg);
            // The text target a record names: one the catalog has, cited at the record's
            // line with a sentence inside the record's text.
            let named = |v: &mut Verifier, id: &str| -> Option<&Indicator> {
                let Some(t) = by_id.get(id).copied() else {
                    let (line, id) = (r.line, id.to_string());
                    add(v, V::UnknownId { line, id });
                    return None;
                };
                let inside = t.sentence.as_deref().is_some_and(|s| r.text.contains(s));
                if t.source.line != r.line || !inside {
                    let (line, id, cited) = (r.line, id.to_string(), t.source.line);
                    add(v, V::RecordCitesElsewhere { line, id, cited });
                }
                Some(t)
            };
            match parse_outcome(o) {
                None => {
                    let (line, outcome) = (r.line, o.clone());
                    add(v, V::RejectedOutcome { line, outcome });
                }
                Some(Outcome::Relative {
                    comparison,
                    reference,
                    targets: ids,
                }) => {
                    if !r.text.contains(reference.as_str()) {
                        let (line, reference) = (r.line, reference.clone());
                        add(v, V::RecordReference { line, reference });
                    }
                    let want = if comparison == "more_than" {
                        Comparison::MoreThan
                    } else {
                        Comparison::AtMost
                    };
                    for id in ids {
                        if let Some(t) = named(v, &id) {
                            if t.reference.as_deref() != Some(reference.as_str())
                                || t.comparison != want
                            {
                                let recorded = format!("{comparison} {reference}");
                                let (line, id) = (r.line, id.clone());
                                add(v, V::RecordComparison { line, id, recorded });
                            }
                        }
                        referenced.insert(id);
                    }
                }
                Some(Outcome::Milestone(year)) if !r.text.contains(&format!("{year}年")) => {
                    add(v, V::RecordMilestone { line: r.line, year });
                }
                Some(Outcome::Target(id)) => {
                    if named(v, &id).is_some_and(|t| t.reference.is_some()) {
                        let (line, id) = (r.line, id.clone());
                        add(v, V::RecordRelative { line, id });
                    }
                    referenced.insert(id);
                }
                Some(Outcome::Restates(id)) | Some(Outcome::Indicator(id))
                    if !all_ids.contains(id.as_str()) =>
                {
                    add(v, V::UnknownId { line: r.line, id });
                }
                _ => {}
            }
        }
    }
    for t in &targets {
        if !referenced.contains(&t.id) {
            let msg = V::TargetUnaccounted { id: t.id.clone() };
            v.add(At::Indicator(t, ""), Some(t.source.line), msg);
        }
    }

    // Every record lies in a candidate sentence of its line.
    let mut spans: Spans = BTreeMap::new();
    for n in 1..=seed.len() {
        let Some(line) = seed.line(n) else { continue };
        for (a, b) in sentences(line) {
            if scan.is_candidate(line, a, b) {
                spans.entry(n).or_default().push((a, b));
            }
        }
    }
    let inside = |n: usize, (p, q): (usize, usize)| {
        spans
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
            let msg = V::RecordNotAtLine {
                line: r.line,
                text: r.text.clone(),
            };
            v.add_accounting(acc, &format!("/targets/{}/text", r.k), Some(r.line), msg);
        }
    }

    // Every candidate sentence, every quantity, year, figure word and comparative token.
    let (start, end) = (plan.header.period.start, plan.header.period.end);
    for (&n, line_spans) in &spans {
        let Some(line) = seed.line(n) else { continue };
        let near = near(records.iter().map(|r| (r.k, r.line)), "targets", n);
        let recs: Vec<(&Record, Vec<(usize, usize)>)> = records
            .iter()
            .filter(|r| r.line == n)
            .map(|r| (r, occurrences(line, &r.text)))
            .collect();
        let tgts: Vec<(&Indicator, Vec<(usize, usize)>)> = targets
            .iter()
            .filter(|t| t.source.line == n)
            .map(|t| (*t, occurrences(line, t.sentence.as_deref().unwrap_or(""))))
            .collect();
        for &(a, b) in line_spans {
            let sentence = &line[a..b];
            let within = |occ: &Vec<(usize, usize)>| occ.iter().any(|&(p, q)| a <= p && q <= b);
            if !recs.iter().any(|(_, o)| within(o)) && !tgts.iter().any(|(_, o)| within(o)) {
                let msg = V::SentenceUnaccounted {
                    line: n,
                    sentence: sentence.to_string(),
                };
                v.add_accounting(acc, &near, Some(n), msg);
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
                let value = tok.value;
                // The figures a target states: its number, and those of its target_text.
                let figures_of = |t: &Indicator| -> bool {
                    t.target.is_some_and(|v| same_number(v, value))
                        || scan
                            .figures(&t.target_text)
                            .iter()
                            .any(|&v| same_number(v, value))
                };
                let by_target = tgts.iter().any(|(t, o)| {
                    covers(o)
                        && match tok.kind {
                            // its year is checked against target_year
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
                let Some(first) = covering.first() else {
                    let msg = V::TokenUnaccounted {
                        line: n,
                        token: tok.text.clone(),
                        sentence: sentence.to_string(),
                    };
                    v.add_accounting(acc, &near, Some(n), msg);
                    continue;
                };
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
                        !(start..end).contains(&y)
                            || outcomes().any(|(_, o)| match o {
                                Some(Outcome::NotTarget) => true,
                                Some(Outcome::Milestone(m)) => m == y,
                                Some(Outcome::Target(id)) => {
                                    by_id.get(id.as_str()).is_some_and(|t| t.target_year == y)
                                }
                                _ => false,
                            })
                    }
                    // A figure word is a figure: "no figure" does not explain it.
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
                    let msg = V::RecordDoesNotAccount {
                        line: n,
                        token: tok.text.clone(),
                        outcomes: covering.iter().flat_map(|r| r.outcomes.clone()).collect(),
                    };
                    let at = format!("/targets/{}/accounted_as", first.k);
                    v.add_accounting(acc, &at, Some(n), msg);
                }
            }
        }
    }

    projects(v, acc, &cols, main_table);

    // PL606: records `plan draft` wrote that nobody has reviewed yet.
    for list in ["targets", "items"] {
        for (k, r) in entries(json, list) {
            for (j, mark) in strings(r.get("review")).into_iter().enumerate() {
                let line = line_field(r);
                let msg = V::ReviewPending {
                    entry: format!("{ACCOUNTING_FILE} {list}/{k} (line {line})"),
                    mark,
                };
                v.add_accounting(acc, &format!("/{list}/{k}/review/{j}"), Some(line), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! `plan-lint plan verify`: the provenance proof of a plan's catalog against
//! the plan text it cites (the seed), as PL6xx diagnostics pointing into the
//! catalog files and related to the seed line.
//!
//! For a loaded plan (the loader has already checked the schema, unique ids
//! and known departments: PL004) and its seed:
//!
//! - plan.yaml's `source` line contains the plan's name, and the seed states its period;
//! - every indicator's cited line contains its name; for a table row ("专栏2-1 序号14")
//!   the row's cells, exactly: 序号, name and unit, baseline text and number, target text
//!   and number, 属性, and the 类别 the table states for the row's group; every numbered
//!   row of a cited table is in the catalog exactly once (as `I<序号>` in the main
//!   indicator table, the table the first table-row entry cites);
//! - for an indicator from the text, the cited line contains its `sentence`, and the
//!   target appears in the sentence as a number of its own, or as a figure word that states
//!   it (全覆盖 100, 零 0, 破零 1 …: [`word_figures`]); a relative target (no figure,
//!   judged against the register's requirement) is qualitative, and its sentence names
//!   its `reference` and holds its `target_text` verbatim;
//! - every project's cited line contains its name, or the name is a facility of a count
//!   group of the line ([`facility_groups`]); the names composed from one group share one
//!   qualifier and the group names as many places as its count; its column is the one the
//!   line names or the nearest column header above it; `column_ordinal` counts that header;
//! - every discrepancy's line contains its `text`, every rule entry's passage line its text;
//! - department codes are well formed and named, every approver is in the registry,
//!   target years lie in the period (or are named by their line), baselines and targets
//!   lie in `range`.

mod catalog;
pub mod completeness;
pub mod facility_groups;
pub mod word_figures;

use crate::diagnostics::diagnostic::{Diagnostic, Location, Severity};
use crate::diagnostics::messages::{Note, Quoted, VerifyMsg as V};
use crate::model::plan::{Attribute, Citation, Indicator, IndicatorKind, Origin, Plan, Project};
use crate::syntax::source::{Source, SourceFile};
use crate::syntax::yaml::Span;
pub use completeness::{Accounting, ACCOUNTING_FILE};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The built-in plan's seed, shipped with plan-lint so that the built-in
/// plan can be verified anywhere (`plan verify` with no directory).
const BUILTIN_SEED: (&str, &str) = (
    "000_3ad0bd4780363ad6.txt",
    include_str!("../../seeds/000_3ad0bd4780363ad6.txt"),
);

/// The seed text, by 1-based line.
pub struct Seed {
    source: Source,
    text: String,
    lines: Vec<String>,
}

impl Seed {
    /// A seed from its text; `path` is how diagnostics name it.
    pub fn new(path: impl Into<String>, text: &str) -> Seed {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
        let lines = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect();
        Seed {
            source: SourceFile::new(path, text.clone()),
            text,
            lines,
        }
    }

    /// The built-in plan's seed, when `name` is its file name.
    pub fn builtin(name: &str) -> Option<Seed> {
        (name == BUILTIN_SEED.0).then(|| {
            Seed::new(
                format!(
                    "builtin:{}/{}",
                    crate::model::plan::BUILTIN_ID,
                    BUILTIN_SEED.0
                ),
                BUILTIN_SEED.1,
            )
        })
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Line `n` (1-based).
    pub fn line(&self, n: usize) -> Option<&str> {
        n.checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(String::as_str)
    }

    fn cited(&self, c: &Citation) -> Result<&str, V> {
        self.line(c.line).ok_or(V::LineOutOfRange {
            line: c.line,
            lines: self.lines.len(),
        })
    }

    /// Line `n` as a place in the seed, for a related note.
    fn location(&self, n: usize) -> Option<Location> {
        self.line(n)?;
        let (s, e) = self.source.line_span(n);
        Some(Location::at(&self.source, Span::new(s, e)))
    }

    /// Column headers ("专栏5-2 …" lines): (1-based line, label), in order.
    pub fn column_headers(&self) -> Vec<(usize, String)> {
        self.lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let l = l.trim_start();
                let rest = l.strip_prefix("专栏")?;
                if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                let label: String = l
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '|')
                    .collect();
                Some((i + 1, label))
            })
            .collect()
    }
}

/// Where `plan verify` looks for the seed plan.yaml names, for a plan in
/// `dir`: the directory itself, then a `seeds/` folder in it or in any
/// folder above it (a data repository's `seeds/` beside `rules/`).
pub fn seed_candidates(dir: &Path, seed: &str) -> Vec<PathBuf> {
    let mut out = vec![dir.join(seed)];
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    out.extend(absolute.ancestors().map(|a| a.join("seeds").join(seed)));
    out
}

/// "专栏2-1 序号14" → ("专栏2-1", 14).
pub fn table_row_passage(passage: &str) -> Option<(&str, u32)> {
    let (label, rest) = passage.split_once(char::is_whitespace)?;
    if !label.starts_with("专栏") {
        return None;
    }
    let number = rest.trim().strip_prefix("序号")?;
    Some((label, number.parse().ok()?))
}

/// The cells of a table line: trimmed, trailing empty cells dropped.
pub(crate) fn cells(line: &str) -> Vec<&str> {
    let mut cells: Vec<&str> = line.split('|').map(str::trim).collect();
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// One numbered row of a table.
pub(crate) struct Row {
    /// 1-based line of the seed.
    pub(crate) line: usize,
    /// Column name → cell.
    pub(crate) cells: BTreeMap<String, String>,
    /// The 类别 in force for the row (written on the first row of its group).
    pub(crate) category: Option<String>,
}

/// A table of the seed: its column names and its rows by 序号.
pub(crate) struct Table {
    pub(crate) columns: Vec<String>,
    pub(crate) rows: BTreeMap<u32, Row>,
}

impl Table {
    /// Reads the table whose header line starts with `label`; its column names are on
    /// the next line, its rows on the following lines that contain '|'. A row may leave
    /// out the first column (the table writes 类别 only on a group's first row). Err:
    /// the line that cannot be read, if any.
    pub(crate) fn read(seed: &Seed, label: &str) -> Result<Table, Option<usize>> {
        let headers = seed.column_headers();
        let mut found = headers.iter().filter(|(_, l)| l == label);
        let (header_line, _) = found.next().ok_or(None)?;
        if let Some((again, _)) = found.next() {
            return Err(Some(*again));
        }
        let columns: Vec<String> = cells(seed.line(header_line + 1).ok_or(Some(*header_line))?)
            .into_iter()
            .map(|c| c.split_whitespace().collect::<String>())
            .collect();
        let index = |name: &str| columns.iter().position(|c| c.contains(name));
        let number_col = index("序号").ok_or(Some(header_line + 1))?;
        let mut rows = BTreeMap::new();
        let mut category: Option<String> = None;
        for (i, line) in seed.lines.iter().enumerate().skip(header_line + 1) {
            // The table ends at a line without cells, or at the next column's header.
            if !line.contains('|') || headers.iter().any(|(n, _)| *n == i + 1) {
                break;
            }
            let row = cells(line);
            let offset = match columns.len().checked_sub(row.len()) {
                Some(0) => 0,
                Some(1) if number_col > 0 => 1,
                _ => return Err(Some(i + 1)),
            };
            let mut map = BTreeMap::new();
            for (c, name) in columns.iter().enumerate().skip(offset) {
                map.insert(name.clone(), row[c - offset].to_string());
            }
            if offset == 0 && number_col > 0 {
                category = Some(row[0].to_string());
            }
            let number: u32 = map
                .get(&columns[number_col])
                .and_then(|n| n.parse().ok())
                .ok_or(Some(i + 1))?;
            let row = Row {
                line: i + 1,
                cells: map,
                category: category.clone(),
            };
            if rows.insert(number, row).is_some() {
                return Err(Some(i + 1));
            }
        }
        Ok(Table { columns, rows })
    }

    pub(crate) fn column(&self, name: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.contains(name))
            .map(String::as_str)
    }
}

/// A number at the start of a cell, and what follows it: "8.5以上" → (8.5, "以上").
fn leading_number(cell: &str) -> Option<(f64, &str)> {
    let bytes = cell.as_bytes();
    let mut end = 0;
    if bytes.first() == Some(&b'-') {
        end = 1;
    }
    let digits_start = end;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    if end == digits_start {
        return None;
    }
    if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
    }
    Some((cell[..end].parse().ok()?, &cell[end..]))
}

/// The number a cell states: a number, optionally followed by the unit and by 以上 /
/// 以内 / 以下 / 左右 ("78岁以上", "4.5以内"). None for "---" or text.
pub fn cell_number(cell: &str, unit: &str) -> Option<f64> {
    let (value, rest) = leading_number(cell)?;
    let rest = if unit.is_empty() {
        rest
    } else {
        rest.strip_prefix(unit).unwrap_or(rest)
    };
    matches!(rest, "" | "以上" | "以内" | "以下" | "左右").then_some(value)
}

/// Whether `number` occurs in `text` as a number of its own (not part of 1300 or 8.55).
pub fn contains_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let mut after = text[at + number.len()..].chars();
        let next = after.next();
        let next2 = after.next();
        let digit_before = before.is_some_and(|c| c.is_ascii_digit() || c == '.');
        let digit_after = next.is_some_and(|c| c.is_ascii_digit())
            || (next == Some('.') && next2.is_some_and(|c| c.is_ascii_digit()));
        !digit_before && !digit_after
    })
}

/// Whether `sentence` states `figure`: as a number of its own, or as a figure word
/// (全覆盖 is 100, 零 is 0).
pub(crate) fn states_figure(sentence: &str, figure: f64) -> bool {
    contains_number(sentence, &plain(figure))
        || word_figures::words(sentence).iter().any(|w| w.2 == figure)
}

/// Formats a number without trailing zeros: 115 for 115.0, 8.5 for 8.50.
pub(crate) fn plain(value: f64) -> String {
    format!("{value}")
}

/// What a finding is about: the catalog node it points at, and the seed line.
enum At<'a> {
    Header(&'a str),
    Indicator(&'a Indicator, &'a str),
    Project(&'a Project, &'a str),
    Department(usize, &'static str),
    Rule(usize, &'a str),
    /// A rule file's `plausibility:` entry, by its position among the plan's.
    Plausibility(usize, &'a str),
}

/// Collects the findings of one plan.
struct Verifier<'a> {
    plan: &'a Plan,
    seed: &'a Seed,
    out: Vec<Diagnostic>,
}

impl Verifier<'_> {
    fn add(&mut self, at: At<'_>, seed_line: Option<usize>, msg: V) {
        let plan = self.plan;
        let (origin, field, target): (Option<&Origin>, String, Option<String>) = match &at {
            At::Header(field) => (None, field.to_string(), None),
            At::Indicator(i, field) => (
                plan.indicator_position_of(i)
                    .map(|p| &plan.indicator_origin[p]),
                field.to_string(),
                Some(i.id.clone()),
            ),
            At::Project(p, field) => (
                plan.project_position_of(p).map(|k| &plan.project_origin[k]),
                field.to_string(),
                Some(p.id.clone()),
            ),
            At::Department(k, field) => (
                plan.department_origin.get(*k),
                field.to_string(),
                plan.departments.get(*k).map(|d| d.code.clone()),
            ),
            At::Rule(k, field) => (
                plan.rules.get(*k).map(|r| &r.origin),
                field.to_string(),
                plan.rules.get(*k).map(|r| r.entry.code.clone()),
            ),
            At::Plausibility(k, field) => {
                (plan.plausibility_origin.get(*k), field.to_string(), None)
            }
        };
        let (location, pointer) = match origin {
            Some(o) => {
                let with_field = (!field.is_empty()).then_some(field.as_str());
                let location = plan
                    .locate(o, with_field)
                    .or_else(|| plan.locate(o, None))
                    .unwrap_or_else(|| Location::file_start(&plan.files[o.file].source));
                let pointer = match with_field {
                    Some(f) => format!("{}/{f}", o.pointer()),
                    None => o.pointer(),
                };
                (location, pointer)
            }
            None => {
                let file = &plan.files[0];
                let pointer = format!("/{field}");
                let location = file
                    .node()
                    .and_then(|n| n.pointer(&pointer))
                    .map(|(_, n)| Location::at(&file.source, n.span))
                    .unwrap_or_else(|| Location::file_start(&file.source));
                (
                    location,
                    if field.is_empty() {
                        String::new()
                    } else {
                        pointer
                    },
                )
            }
        };
        self.push(location, pointer, target, seed_line, msg);
    }

    /// A finding at `location` (`pointer` in its file), related to the seed line.
    fn push(
        &mut self,
        location: Location,
        pointer: String,
        target: Option<String>,
        seed_line: Option<usize>,
        msg: V,
    ) {
        let code = msg.code();
        let mut d = Diagnostic::new(code, Severity::Error, location, msg).node_path(pointer);
        if let Some(t) = target {
            d = d.target(t);
        }
        if let Some(loc) = seed_line.and_then(|n| self.seed.location(n)) {
            d = d.related(
                loc,
                Note::SeedLine {
                    line: seed_line.unwrap_or_default(),
                },
            );
        }
        self.out.push(d);
    }

    fn header(&mut self) {
        let plan = self.plan;
        let h = &plan.header;
        match &h.source {
            None => self.add(At::Header(""), None, V::PlanNameUncited),
            Some(c) => match self.seed.cited(c) {
                Ok(l) if l.contains(h.name.as_str()) => {}
                Ok(_) => self.add(
                    At::Header("name"),
                    Some(c.line),
                    V::NotAtLine {
                        what: Quoted::PlanName,
                        text: h.name.clone(),
                        line: c.line,
                    },
                ),
                Err(e) => self.add(At::Header("source/line"), None, e),
            },
        }
        let (start, end) = (h.period.start, h.period.end);
        if !['—', '–', '-', '至']
            .iter()
            .any(|d| self.seed.text.contains(&format!("{start}{d}{end}")))
        {
            self.add(
                At::Header("period"),
                None,
                V::PeriodNotStated { start, end },
            );
        }
        if !(start <= end && h.period.baseline_year == start - 1) {
            self.add(
                At::Header("period"),
                None,
                V::BadPeriod {
                    start,
                    end,
                    baseline_year: h.period.baseline_year,
                },
            );
        }
    }

    /// PL606: every review mark a drafted entry still carries (`plan draft` writes them).
    fn reviews(&mut self) {
        let plan = self.plan;
        for (k, mark) in plan.header.review.iter().enumerate() {
            let field = format!("review/{k}");
            let msg = V::ReviewPending {
                entry: "plan.yaml".into(),
                mark: mark.clone(),
            };
            self.add(At::Header(&field), None, msg);
        }
        for (k, d) in plan.departments.iter().enumerate() {
            for mark in &d.review {
                let msg = V::ReviewPending {
                    entry: d.code.clone(),
                    mark: mark.clone(),
                };
                self.add(At::Department(k, "review"), None, msg);
            }
        }
        for ind in &plan.indicators {
            for (k, mark) in ind.review.iter().enumerate() {
                let field = format!("review/{k}");
                let msg = V::ReviewPending {
                    entry: ind.id.clone(),
                    mark: mark.clone(),
                };
                self.add(At::Indicator(ind, &field), Some(ind.source.line), msg);
            }
        }
        for p in &plan.projects {
            for (k, mark) in p.review.iter().enumerate() {
                let field = format!("review/{k}");
                let msg = V::ReviewPending {
                    entry: p.id.clone(),
                    mark: mark.clone(),
                };
                self.add(At::Project(p, &field), Some(p.source.line), msg);
            }
        }
        for (r, rule) in plan.rules.iter().enumerate() {
            for (k, mark) in rule.entry.review.iter().enumerate() {
                let field = format!("review/{k}");
                let msg = V::ReviewPending {
                    entry: rule.entry.code.clone(),
                    mark: mark.clone(),
                };
                self.add(At::Rule(r, &field), Some(rule.entry.passage.line), msg);
            }
        }
        for (r, e) in plan.plausibility.iter().enumerate() {
            for (k, mark) in e.review.iter().enumerate() {
                let field = format!("review/{k}");
                let msg = V::ReviewPending {
                    entry: format!("plausibility {}", e.unit),
                    mark: mark.clone(),
                };
                self.add(At::Plausibility(r, &field), None, msg);
            }
        }
    }

    fn departments(&mut self) {
        let plan = self.plan;
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for (k, d) in plan.departments.iter().enumerate() {
            let well_formed = !d.code.is_empty()
                && d.code.split('-').all(|w| {
                    !w.is_empty()
                        && w.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
                && d.code.starts_with(|c: char| c.is_ascii_lowercase());
            if !well_formed {
                let code = d.code.clone();
                self.add(At::Department(k, "code"), None, V::DepartmentCode { code });
            }
            if d.name.trim().is_empty() {
                let code = d.code.clone();
                self.add(At::Department(k, "name"), None, V::DepartmentName { code });
            }
            names.insert(&d.name);
            names.extend(d.aliases.iter().map(String::as_str));
        }
        if plan.departments.is_empty() {
            self.add(At::Header("catalog"), None, V::NoDepartments);
        }
        for (k, a) in plan.header.approvers.iter().enumerate() {
            if !names.contains(a.as_str()) {
                let field = format!("approvers/{k}");
                self.add(At::Header(&field), None, V::Approver { name: a.clone() });
            }
        }
    }
}

type Composed = ((usize, usize), Vec<String>);

/// A project whose name a count group composes, with the qualifiers that compose it.
type ComposedName<'a> = (&'a Project, Vec<String>);

/// The PL6xx findings of a loaded plan against its seed, in output order; with
/// the plan's accounting file, the completeness scan's too.
pub fn verify(plan: &Plan, seed: &Seed, accounting: Option<&Accounting>) -> Vec<Diagnostic> {
    let mut v = Verifier {
        plan,
        seed,
        out: Vec::new(),
    };
    v.header();
    v.departments();

    let mut tables: BTreeMap<String, Result<Table, Option<usize>>> = BTreeMap::new();
    // The main indicator table, whose rows are I<序号>: the table the first table-row
    // entry cites.
    let main_table = plan
        .indicators
        .iter()
        .find_map(|i| table_row_passage(&i.source.passage))
        .map(|(label, _)| label.to_string())
        .unwrap_or_default();
    let mut cited_rows: BTreeMap<String, BTreeMap<u32, Vec<&Indicator>>> = BTreeMap::new();
    for ind in &plan.indicators {
        v.indicator(ind, &mut tables, &main_table);
        if let Some((label, n)) = table_row_passage(&ind.source.passage) {
            cited_rows
                .entry(label.to_string())
                .or_default()
                .entry(n)
                .or_default()
                .push(ind);
        }
    }
    let headers = seed.column_headers();
    let mut composed: BTreeMap<(usize, usize), Vec<ComposedName>> = BTreeMap::new();
    for p in &plan.projects {
        if let Some((group, qualifiers)) = v.project(p, &headers) {
            composed.entry(group).or_default().push((p, qualifiers));
        }
    }

    // Names composed from one count group use one qualifier, and the group names as many
    // places as its count says.
    for ((line, group), names) in &composed {
        let Some(g) = seed
            .line(*line)
            .and_then(|l| facility_groups::groups(l).into_iter().nth(*group))
        else {
            continue;
        };
        let (first, _) = names[0];
        if g.place_count() != g.count {
            let msg = V::GroupCount {
                line: *line,
                count: g.count,
                heading: g.heading.clone(),
                places: g.place_count(),
            };
            v.add(At::Project(first, "name"), Some(*line), msg);
        }
        let shared = names[0]
            .1
            .iter()
            .any(|q| names.iter().all(|(_, qs)| qs.contains(q)));
        if !shared {
            let msg = V::GroupQualifier {
                line: *line,
                heading: g.heading.clone(),
                ids: names.iter().map(|(p, _)| p.id.clone()).collect(),
            };
            v.add(At::Project(first, "name"), Some(*line), msg);
        }
    }

    // Every numbered row of a cited table is in the catalog exactly once.
    for (label, cited) in &cited_rows {
        let Some(Ok(table)) = tables.get(label) else {
            continue; // already reported
        };
        for (number, row) in &table.rows {
            match cited.get(number).map(Vec::as_slice) {
                None | Some([]) => {
                    // Reported at the entry of the table's last cited row before it, or
                    // the first one: where the missing entry belongs.
                    let near = cited
                        .range(..number)
                        .next_back()
                        .or_else(|| cited.iter().next())
                        .and_then(|(_, inds)| inds.first().copied());
                    let msg = V::RowMissing {
                        table: label.clone(),
                        number: *number,
                        line: row.line,
                    };
                    match near {
                        Some(ind) => v.add(At::Indicator(ind, ""), Some(row.line), msg),
                        None => v.add(At::Header("catalog"), Some(row.line), msg),
                    }
                }
                Some([_]) => {}
                Some(many) => {
                    let msg = V::RowTwice {
                        table: label.clone(),
                        number: *number,
                        ids: many.iter().map(|i| i.id.clone()).collect(),
                    };
                    v.add(
                        At::Indicator(many[1], "source/passage"),
                        Some(row.line),
                        msg,
                    );
                }
            }
        }
    }

    // Every rule entry quotes the passage that demands it, verbatim at its line.
    for (k, r) in plan.rules.iter().enumerate() {
        let e = &r.entry;
        match e.passage.text.as_deref() {
            None => {
                let code = e.code.clone();
                v.add(At::Rule(k, "passage"), None, V::NoPassageText { code })
            }
            Some(text) => match seed.line(e.passage.line) {
                Some(l) if l.contains(text) => {}
                Some(_) => {
                    let msg = V::NotAtLine {
                        what: Quoted::PassageText,
                        text: text.to_string(),
                        line: e.passage.line,
                    };
                    v.add(At::Rule(k, "passage/text"), Some(e.passage.line), msg)
                }
                None => {
                    let msg = V::LineOutOfRange {
                        line: e.passage.line,
                        lines: seed.len(),
                    };
                    v.add(At::Rule(k, "passage/line"), None, msg)
                }
            },
        }
    }

    v.reviews();

    if let Some(acc) = accounting {
        completeness::scan(&mut v, acc, &main_table);
    }

    let mut out = v.out;
    crate::diagnostics::diagnostic::sort(&mut out);
    out
}

#[cfg(test)]
mod tests;

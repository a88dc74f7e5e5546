//! Provenance: every plan fact in `rules/` is proved against the seed text it cites.
//!
//! For every `rules/*/plan.yaml`, this test loads the catalog files the plan lists
//! (files not written yet are skipped, but at least one must load), reads the seed the
//! plan names from `seeds/`, and checks:
//!
//! - the plan's `source` line contains the plan's name, and the seed states its period;
//! - every indicator's cited line contains its name; for a table row ("专栏2-1 序号14")
//!   the row's cells, exactly: 序号, name and unit, baseline text and number, target text
//!   and number, 属性, and the 类别 the table states for the row's group; every numbered
//!   row of a cited table is in the catalog exactly once, as `I<序号>`;
//! - for an indicator from the text, the cited line contains its `sentence`, and the
//!   target appears in the sentence as a number of its own, or as a figure word that states
//!   it (全覆盖 100, 零 0, 破零 1 …: tests/common/word_figures.rs); a relative target (no
//!   figure, judged against the register's requirement) is qualitative, and its sentence
//!   names its `reference` (全市平均, 全省) and holds its `target_text` verbatim;
//! - every project's cited line contains its name, or the name is a facility of a count
//!   group of the line ("中坝、…、市府12处卫生服务中心" → 中坝卫生服务中心: place + the words
//!   the line writes around the count, one rule for every group, tests/common/facility_groups.rs);
//!   the names composed from one group share one qualifier and the group names as many
//!   places as its count; its column is the one the line names or the nearest column
//!   header above it; `column_ordinal` counts that header;
//! - every discrepancy's line contains its `text`;
//! - ids are unique, department codes are unique and well formed, every `department`
//!   and every approver is in the registry, and baselines and targets lie in `range`.
//!
//! Every failure is collected and reported at once, with the file, the id and the reason.

use plan_lint::messages::Lang;
use plan_lint::plan::model::{
    Attribute, CatalogFile, Citation, Indicator, IndicatorKind, PlanHeader, Project,
};
use plan_lint::yaml::{load, Limits};
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::path::{Path, PathBuf};

#[path = "common/facility_groups.rs"]
mod facility_groups;
#[path = "common/word_figures.rs"]
mod word_figures;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `path` relative to the repository root, `/`-separated, for messages.
fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn load_yaml<T: DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let (body, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (text.as_str(), 0),
    };
    let node = load(body, base, Limits::default()).map_err(|e| {
        format!(
            "YAML error at byte {}: {}",
            e.span.start(),
            e.message(Lang::En)
        )
    })?;
    serde_json::from_value(node.to_json()).map_err(|e| format!("does not match the model: {e}"))
}

/// Collects every failure with where it is.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn add(&mut self, file: &str, id: &str, reason: impl Display) {
        self.0.push(format!("{file}: {id}: {reason}"));
    }
}

/// The seed text, by 1-based line.
struct Seed {
    name: String,
    text: String,
    lines: Vec<String>,
}

impl Seed {
    fn read(path: &Path) -> Result<Seed, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let lines = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .collect();
        Ok(Seed {
            name: rel(path),
            text,
            lines,
        })
    }

    /// The cited line, or why there is none.
    fn line(&self, citation: &Citation) -> Result<&str, String> {
        if citation.line == 0 || citation.line > self.lines.len() {
            return Err(format!(
                "cites line {} ({}), but {} has {} lines",
                citation.line,
                citation.passage,
                self.name,
                self.lines.len()
            ));
        }
        Ok(&self.lines[citation.line - 1])
    }

    /// Column headers ("专栏5-2 …" lines): (1-based line, label), in order.
    fn column_headers(&self) -> Vec<(usize, String)> {
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

/// "专栏2-1 序号14" → ("专栏2-1", 14).
fn table_row_passage(passage: &str) -> Option<(&str, u32)> {
    let (label, rest) = passage.split_once(char::is_whitespace)?;
    if !label.starts_with("专栏") {
        return None;
    }
    let number = rest.trim().strip_prefix("序号")?;
    Some((label, number.parse().ok()?))
}

/// The cells of a table line: trimmed, trailing empty cells dropped.
fn cells(line: &str) -> Vec<&str> {
    let mut cells: Vec<&str> = line.split('|').map(str::trim).collect();
    while cells.last().is_some_and(|c| c.is_empty()) {
        cells.pop();
    }
    cells
}

/// One numbered row of a table.
struct Row {
    /// 1-based line of the seed.
    line: usize,
    /// Column name → cell.
    cells: BTreeMap<String, String>,
    /// The 类别 in force for the row (written on the first row of its group).
    category: Option<String>,
}

/// A table of the seed: its column names and its rows by 序号.
struct Table {
    columns: Vec<String>,
    rows: BTreeMap<u32, Row>,
}

impl Table {
    /// Reads the table whose header line starts with `label`; its column names are on
    /// the next line, its rows on the following lines that contain '|'. A row may leave
    /// out the first column (the table writes 类别 only on a group's first row).
    fn read(seed: &Seed, label: &str) -> Result<Table, String> {
        let headers = seed.column_headers();
        let mut found = headers.iter().filter(|(_, l)| l == label);
        let (header_line, _) = found
            .next()
            .ok_or_else(|| format!("no table {label} in {}", seed.name))?;
        if found.next().is_some() {
            return Err(format!(
                "{label} heads more than one column in {}",
                seed.name
            ));
        }
        let columns: Vec<String> = cells(
            seed.lines
                .get(*header_line)
                .ok_or_else(|| format!("{label} has no column line"))?,
        )
        .into_iter()
        .map(|c| c.split_whitespace().collect::<String>())
        .collect();
        let index = |name: &str| columns.iter().position(|c| c.contains(name));
        let number_col =
            index("序号").ok_or_else(|| format!("{label}: no 序号 column in {columns:?}"))?;
        let mut rows = BTreeMap::new();
        let mut category: Option<String> = None;
        for (i, line) in seed.lines.iter().enumerate().skip(header_line + 1) {
            if !line.contains('|') {
                break;
            }
            let row = cells(line);
            let offset = columns.len().checked_sub(row.len());
            let offset = match offset {
                Some(0) => 0,
                Some(1) if number_col > 0 => 1,
                _ => {
                    return Err(format!(
                        "{label}: line {} has {} cells, the table has {} columns",
                        i + 1,
                        row.len(),
                        columns.len()
                    ))
                }
            };
            let mut map = BTreeMap::new();
            for (c, name) in columns.iter().enumerate().skip(offset) {
                map.insert(name.clone(), row[c - offset].to_string());
            }
            if offset == 0 && number_col > 0 {
                category = Some(row[0].to_string());
            }
            let number: u32 = map[&columns[number_col]].parse().map_err(|_| {
                format!(
                    "{label}: line {} has 序号 {:?}",
                    i + 1,
                    map[&columns[number_col]]
                )
            })?;
            if rows
                .insert(
                    number,
                    Row {
                        line: i + 1,
                        cells: map,
                        category: category.clone(),
                    },
                )
                .is_some()
            {
                return Err(format!("{label}: 序号 {number} appears twice"));
            }
        }
        Ok(Table { columns, rows })
    }

    fn column(&self, name: &str) -> Option<&str> {
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
fn cell_number(cell: &str, unit: &str) -> Option<f64> {
    let (value, rest) = leading_number(cell)?;
    let rest = if unit.is_empty() {
        rest
    } else {
        rest.strip_prefix(unit).unwrap_or(rest)
    };
    matches!(rest, "" | "以上" | "以内" | "以下" | "左右").then_some(value)
}

/// Whether `number` occurs in `text` as a number of its own (not part of 1300 or 8.55).
fn contains_number(text: &str, number: &str) -> bool {
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

/// Formats a number without trailing zeros: 115 for 115.0, 8.5 for 8.50.
fn plain(value: f64) -> String {
    format!("{value}")
}

fn check_table_row(
    f: &mut Failures,
    file: &str,
    ind: &Indicator,
    seed: &Seed,
    tables: &mut BTreeMap<String, Result<Table, String>>,
    label: &str,
    number: u32,
) {
    let id = ind.id.as_str();
    let table = tables
        .entry(label.to_string())
        .or_insert_with(|| Table::read(seed, label));
    let table = match table {
        Ok(t) => t,
        Err(e) => return f.add(file, id, e),
    };
    let Some(Row {
        line,
        cells: row,
        category,
    }) = table.rows.get(&number)
    else {
        return f.add(file, id, format!("{label} has no row 序号{number}"));
    };
    if *line != ind.source.line {
        f.add(
            file,
            id,
            format!(
                "cites line {} for {label} 序号{number}, but that row is on line {line}",
                ind.source.line
            ),
        );
    }
    let expected_id = format!("I{number:02}");
    if label == "专栏2-1" && id != expected_id {
        f.add(
            file,
            id,
            format!("{label} 序号{number} must have id {expected_id}"),
        );
    }
    let cell = |name: &str| -> Option<&str> {
        table
            .column(name)
            .and_then(|c| row.get(c))
            .map(String::as_str)
    };
    // 指标名称: "name(unit)", or the name alone where the table gives no unit (then the
    // unit is a judgement call the entry must explain in a note).
    match cell("指标名称").or_else(|| cell("名称")) {
        None => f.add(file, id, format!("{label} has no 指标名称 column")),
        Some(name_cell) => {
            let with_unit = [
                format!("{}({})", ind.name, ind.unit),
                format!("{}\u{ff08}{}\u{ff09}", ind.name, ind.unit),
            ];
            if with_unit.iter().any(|w| w == name_cell) {
                // name and unit proved
            } else if name_cell == ind.name {
                if ind.note.is_none() {
                    f.add(
                        file,
                        id,
                        format!(
                            "the table gives no unit for {name_cell:?}; unit {:?} needs a note saying where it comes from",
                            ind.unit
                        ),
                    );
                }
            } else {
                f.add(
                    file,
                    id,
                    format!(
                        "name cell is {name_cell:?}, expected {:?} (name {:?}, unit {:?})",
                        with_unit[0], ind.name, ind.unit
                    ),
                );
            }
        }
    }
    // 类别
    match category {
        Some(c) if *c != ind.category => f.add(
            file,
            id,
            format!(
                "category is {:?}, but the table's row group is {c:?}",
                ind.category
            ),
        ),
        None if table.columns.first().is_some_and(|c| c.contains("类别")) => {
            f.add(file, id, "no 类别 stated above this row")
        }
        _ => {}
    }
    // baseline (“十三五”完成) and target (“十四五”目标)
    let facts = [
        (
            "完成",
            "baseline",
            ind.baseline,
            ind.baseline_text.as_deref(),
        ),
        ("目标", "target", ind.target, Some(ind.target_text.as_str())),
    ];
    for (column, field, value, text) in facts {
        let Some(c) = cell(column) else {
            f.add(file, id, format!("{label} has no …{column} column"));
            continue;
        };
        match text {
            Some(t) if t == c => {}
            Some(t) => f.add(
                file,
                id,
                format!("{field}_text is {t:?}, the table says {c:?}"),
            ),
            None => f.add(
                file,
                id,
                format!("{field}_text is missing; the table says {c:?}"),
            ),
        }
        match (value, cell_number(c, &ind.unit)) {
            (Some(v), Some(n)) if v == n => {}
            (Some(v), Some(n)) => f.add(
                file,
                id,
                format!("{field} is {}, the table says {n} ({c:?})", plain(v)),
            ),
            (Some(v), None) => f.add(
                file,
                id,
                format!(
                    "{field} is {}, but the table's {c:?} states no number",
                    plain(v)
                ),
            ),
            (None, Some(n)) => f.add(
                file,
                id,
                format!("{field} is null, but the table says {n} ({c:?})"),
            ),
            (None, None) => {}
        }
    }
    // 属性
    match cell("属性") {
        None => f.add(file, id, format!("{label} has no 属性 column")),
        Some(a) => {
            let expected = match ind.attribute {
                Attribute::Binding => "约束性",
                Attribute::Expected => "预期性",
            };
            if a != expected {
                f.add(
                    file,
                    id,
                    format!(
                        "attribute is {:?} ({expected}), the table says {a:?}",
                        ind.attribute
                    ),
                );
            }
        }
    }
}

fn check_text_indicator(f: &mut Failures, file: &str, ind: &Indicator, line: &str) {
    let id = ind.id.as_str();
    let Some(sentence) = ind.sentence.as_deref().filter(|s| !s.is_empty()) else {
        return f.add(
            file,
            id,
            format!(
                "cites {:?} (not a table row) but has no `sentence`",
                ind.source.passage
            ),
        );
    };
    if !line.contains(sentence) {
        return f.add(
            file,
            id,
            format!(
                "line {} does not contain the sentence {sentence:?}",
                ind.source.line
            ),
        );
    }
    match (ind.target, ind.reference.as_deref()) {
        (None, Some(reference)) => {
            // A relative target: what it is compared with, in the plan's own words.
            if ind.kind != IndicatorKind::Qualitative {
                f.add(
                    file,
                    id,
                    format!(
                        "relative to {reference:?}, but kind {:?}, not qualitative",
                        ind.kind
                    ),
                );
            }
            if reference.trim().is_empty() || !sentence.contains(reference) {
                f.add(
                    file,
                    id,
                    format!("the sentence {sentence:?} does not name its reference {reference:?}"),
                );
            }
            if ind.target_text.is_empty() || !sentence.contains(ind.target_text.as_str()) {
                f.add(
                    file,
                    id,
                    format!(
                        "target_text {:?} is not in the sentence {sentence:?}",
                        ind.target_text
                    ),
                );
            }
        }
        (None, None) => f.add(
            file,
            id,
            "a target from the text with neither a figure (`target`) nor a `reference`",
        ),
        (Some(t), Some(reference)) => f.add(
            file,
            id,
            format!(
                "target {} and reference {reference:?}: a relative target has no figure of its own",
                plain(t)
            ),
        ),
        (Some(_), None) => {}
    }
    if let Some(t) = ind.target {
        // In digits, or in words (全覆盖 is 100, 零 is 0: tests/common/word_figures.rs).
        let in_words = word_figures::words(sentence).iter().any(|w| w.2 == t);
        if !contains_number(sentence, &plain(t)) && !in_words {
            f.add(
                file,
                id,
                format!(
                    "target {} appears neither as a number nor as a figure word in the sentence {sentence:?}",
                    plain(t)
                ),
            );
        }
    }
}

fn check_indicator(
    f: &mut Failures,
    file: &str,
    ind: &Indicator,
    seed: &Seed,
    tables: &mut BTreeMap<String, Result<Table, String>>,
    period: (i32, i32),
) {
    let id = ind.id.as_str();
    if ind.name.trim().is_empty() {
        f.add(file, id, "empty name");
    }
    // A long-range target (2035年远景目标) lies beyond the period; its own line must name that year.
    let long_range_cited = ind.target_year > period.1
        && seed.line(&ind.source).is_ok_and(|l| {
            l.contains(&format!("{}年", ind.target_year))
                || (ind.target_year == 2035 && l.contains("二〇三五年"))
        });
    if (ind.target_year < period.0 || ind.target_year > period.1) && !long_range_cited {
        f.add(
            file,
            id,
            format!(
                "target_year {} is outside the plan period {}-{}",
                ind.target_year, period.0, period.1
            ),
        );
    }
    let [lo, hi] = ind.range;
    if let (Some(lo), Some(hi)) = (lo, hi) {
        if lo > hi {
            f.add(file, id, format!("range [{lo}, {hi}] is empty"));
        }
    }
    for (field, value) in [("baseline", ind.baseline), ("target", ind.target)] {
        if let Some(v) = value {
            if lo.is_some_and(|lo| v < lo) || hi.is_some_and(|hi| v > hi) {
                f.add(
                    file,
                    id,
                    format!(
                        "{field} {} lies outside its range {:?}",
                        plain(v),
                        ind.range
                    ),
                );
            }
        }
    }
    let line = match seed.line(&ind.source) {
        Ok(l) => l,
        Err(e) => return f.add(file, id, e),
    };
    // A table row's name is proven cell by cell; a target from the text is
    // proven by its verbatim sentence (its name is a short label for it).
    match table_row_passage(&ind.source.passage) {
        Some((label, number)) => check_table_row(f, file, ind, seed, tables, label, number),
        None => check_text_indicator(f, file, ind, line),
    }
}

/// A project name composed from a count group of its line (see
/// tests/common/facility_groups.rs): the group and the qualifiers that compose it.
struct Composed {
    line: usize,
    group: usize,
    qualifiers: Vec<String>,
}

fn check_project(f: &mut Failures, file: &str, p: &Project, seed: &Seed) -> Option<Composed> {
    let id = p.id.as_str();
    let line = match seed.line(&p.source) {
        Ok(l) => l,
        Err(e) => {
            f.add(file, id, e);
            return None;
        }
    };
    let mut composed = None;
    if p.name.trim().is_empty() {
        f.add(file, id, "empty name");
    } else if !line.contains(p.name.as_str()) {
        // Not verbatim: the name must be a facility of a count group of the line.
        let found = facility_groups::groups(line)
            .iter()
            .enumerate()
            .map(|(k, g)| (k, g.composing(&p.name)))
            .find(|(_, qs)| !qs.is_empty());
        match found {
            Some((group, qualifiers)) => {
                composed = Some(Composed {
                    line: p.source.line,
                    group,
                    qualifiers,
                })
            }
            None => f.add(
                file,
                id,
                format!(
                    "line {} does not contain the name {:?}, and no count group of the line composes it",
                    p.source.line, p.name
                ),
            ),
        }
    }
    let headers = seed.column_headers();
    // column_ordinal counts column headers in the seed, 1-based.
    match headers.get((p.column_ordinal as usize).wrapping_sub(1)) {
        Some((_, label)) if *label == p.column => {}
        Some((l, label)) => f.add(
            file,
            id,
            format!(
                "column_ordinal {} is {label} (line {l}), not {}",
                p.column_ordinal, p.column
            ),
        ),
        None => f.add(
            file,
            id,
            format!(
                "column_ordinal {}: the seed has {} column headers",
                p.column_ordinal,
                headers.len()
            ),
        ),
    }
    // The line names the column: the label, not followed by more of a label (专栏3-1 is
    // not 专栏3-10).
    let names_column = line
        .match_indices(p.column.as_str())
        .any(|(at, m)| !line[at + m.len()..].starts_with(|c: char| c.is_ascii_digit() || c == '-'));
    let nearest = headers
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (l, _))| *l <= p.source.line);
    match nearest {
        Some((i, (l, label))) if *label == p.column => {
            if i + 1 != p.column_ordinal as usize {
                f.add(
                    file,
                    id,
                    format!(
                        "the column above line {} is {label} (line {l}), column number {}, not number {}",
                        p.source.line,
                        i + 1,
                        p.column_ordinal
                    ),
                );
            }
        }
        _ if names_column => {}
        Some((_, (l, label))) => f.add(
            file,
            id,
            format!(
                "line {} does not name {} and the nearest column above it is {label} (line {l})",
                p.source.line, p.column
            ),
        ),
        None => f.add(
            file,
            id,
            format!(
                "line {} does not name {} and no column header precedes it",
                p.source.line, p.column
            ),
        ),
    }
    composed
}

fn check_plan(f: &mut Failures, plan_path: &Path) {
    let plan_file = rel(plan_path);
    let dir = plan_path.parent().unwrap();
    let plan: PlanHeader = match load_yaml(plan_path) {
        Ok(p) => p,
        Err(e) => return f.add(&plan_file, "plan", e),
    };
    let seed = match Seed::read(&root().join("seeds").join(&plan.seed)) {
        Ok(s) => s,
        Err(e) => return f.add(&plan_file, "seed", format!("seeds/{}: {e}", plan.seed)),
    };

    // The plan header: its name at the cited line, its period in the text.
    match &plan.source {
        None => f.add(
            &plan_file,
            &plan.id,
            "no `source` citation for the plan's name",
        ),
        Some(c) => match seed.line(c) {
            Ok(l) if l.contains(plan.name.as_str()) => {}
            Ok(_) => f.add(
                &plan_file,
                &plan.id,
                format!(
                    "line {} does not contain the plan's name {:?}",
                    c.line, plan.name
                ),
            ),
            Err(e) => f.add(&plan_file, &plan.id, e),
        },
    }
    let (start, end) = (plan.period.start, plan.period.end);
    if !['—', '–', '-', '至']
        .iter()
        .any(|d| seed.text.contains(&format!("{start}{d}{end}")))
    {
        f.add(
            &plan_file,
            &plan.id,
            format!("the seed never states the period {start}—{end}"),
        );
    }
    if !(start <= end && plan.period.baseline_year == start - 1) {
        f.add(
            &plan_file,
            &plan.id,
            format!(
                "period {:?} is not a plan period with the year before as baseline",
                plan.period
            ),
        );
    }

    // The catalog files that exist.
    let mut files: Vec<(String, CatalogFile)> = Vec::new();
    for name in &plan.catalog {
        let path = dir.join(name);
        if !path.exists() {
            continue; // written later
        }
        match load_yaml::<CatalogFile>(&path) {
            Ok(c) => files.push((rel(&path), c)),
            Err(e) => f.add(&rel(&path), "file", e),
        }
    }
    if files.is_empty() {
        return f.add(
            &plan_file,
            &plan.id,
            format!(
                "none of the catalog files {:?} could be loaded",
                plan.catalog
            ),
        );
    }

    // The department registry.
    let mut departments: BTreeMap<&str, &str> = BTreeMap::new();
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for (file, c) in &files {
        for d in &c.departments {
            let well_formed = !d.code.is_empty()
                && d.code.split('-').all(|w| {
                    !w.is_empty()
                        && w.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                })
                && d.code.starts_with(|c: char| c.is_ascii_lowercase());
            if !well_formed {
                f.add(
                    file,
                    &d.code,
                    "department code is not lowercase ASCII kebab-case",
                );
            }
            if departments.insert(&d.code, file).is_some() {
                f.add(file, &d.code, "department code appears twice");
            }
            if d.name.trim().is_empty() {
                f.add(file, &d.code, "department has no name");
            }
            names.insert(&d.name);
            names.extend(d.aliases.iter().map(String::as_str));
        }
    }
    if departments.is_empty() {
        f.add(
            &plan_file,
            &plan.id,
            "no department registry among the loaded catalog files",
        );
    }
    for a in &plan.approvers {
        if !names.contains(a.as_str()) {
            f.add(
                &plan_file,
                a,
                "approver is not a department name or alias of the registry",
            );
        }
    }

    // Ids, departments and citations of indicators and projects.
    let mut ids: BTreeMap<&str, &str> = BTreeMap::new();
    let mut tables: BTreeMap<String, Result<Table, String>> = BTreeMap::new();
    let mut cited_rows: BTreeMap<String, BTreeMap<u32, Vec<String>>> = BTreeMap::new();
    type ComposedNames = Vec<(String, String, Vec<String>)>;
    let mut composed: BTreeMap<(usize, usize), ComposedNames> = BTreeMap::new();
    let period = (start, end);
    for (file, c) in &files {
        let entries = c
            .indicators
            .iter()
            .map(|i| (&i.id, &i.department))
            .chain(c.projects.iter().map(|p| (&p.id, &p.department)));
        for (id, dept) in entries {
            if let Some(other) = ids.insert(id, file) {
                f.add(file, id, format!("id appears twice (also in {other})"));
            }
            if !departments.contains_key(dept.as_str()) {
                f.add(
                    file,
                    id,
                    format!("department {dept:?} is not in the registry"),
                );
            }
        }
        for ind in &c.indicators {
            check_indicator(f, file, ind, &seed, &mut tables, period);
            if let Some((label, n)) = table_row_passage(&ind.source.passage) {
                cited_rows
                    .entry(label.to_string())
                    .or_default()
                    .entry(n)
                    .or_default()
                    .push(ind.id.clone());
            }
            for d in &ind.discrepancies {
                match seed.line(&Citation {
                    line: d.line,
                    passage: d.passage.clone(),
                }) {
                    Err(e) => f.add(file, &ind.id, format!("discrepancy: {e}")),
                    Ok(l) if d.text.is_empty() || !l.contains(d.text.as_str()) => f.add(
                        file,
                        &ind.id,
                        format!("discrepancy: line {} does not contain {:?}", d.line, d.text),
                    ),
                    Ok(_) => {}
                }
            }
        }
        for p in &c.projects {
            if let Some(c) = check_project(f, file, p, &seed) {
                composed.entry((c.line, c.group)).or_default().push((
                    file.clone(),
                    p.id.clone(),
                    c.qualifiers,
                ));
            }
        }
    }

    // Names composed from one count group use one qualifier, and the group names as many
    // places as its count says.
    for ((line, group), names) in &composed {
        let g = &facility_groups::groups(&seed.lines[line - 1])[*group];
        let (file, first, _) = &names[0];
        if g.place_count() != g.count {
            f.add(
                file,
                first,
                format!(
                    "the count group of line {line} says {}处{} but names {} places: {:?}",
                    g.count,
                    g.heading,
                    g.place_count(),
                    g.elements
                ),
            );
        }
        let common: Vec<&String> = names[0]
            .2
            .iter()
            .filter(|q| names.iter().all(|(_, _, qs)| qs.contains(q)))
            .collect();
        if common.is_empty() {
            f.add(
                file,
                first,
                format!(
                    "the names composed from the count group of line {line} ({}处{}) do not share one qualifier: {:?}",
                    g.count,
                    g.heading,
                    names.iter().map(|(_, id, qs)| (id, qs)).collect::<Vec<_>>()
                ),
            );
        }
    }

    // Every numbered row of a cited table is in the catalog exactly once.
    for (label, cited) in &cited_rows {
        let Some(Ok(table)) = tables.get(label) else {
            continue; // already reported
        };
        for (number, Row { line, .. }) in &table.rows {
            match cited.get(number).map(Vec::as_slice) {
                None | Some([]) => f.add(
                    &plan_file,
                    label,
                    format!("row 序号{number} (line {line}) is not in the catalog"),
                ),
                Some([_]) => {}
                Some(many) => f.add(
                    &plan_file,
                    label,
                    format!("row 序号{number} is cited by several indicators: {many:?}"),
                ),
            }
        }
    }
}

#[test]
fn every_cited_fact_is_in_the_seed() {
    let rules = root().join("rules");
    let mut plans: Vec<PathBuf> = std::fs::read_dir(&rules)
        .expect("rules/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("plan.yaml"))
        .filter(|p| p.is_file())
        .collect();
    plans.sort();
    assert!(!plans.is_empty(), "no rules/*/plan.yaml found");

    let mut failures = Failures::default();
    for plan in &plans {
        check_plan(&mut failures, plan);
    }
    if !failures.0.is_empty() {
        panic!(
            "{} provenance failure(s):\n  {}",
            failures.0.len(),
            failures.0.join("\n  ")
        );
    }
}

#[test]
fn numbers_in_cells_and_sentences() {
    assert_eq!(cell_number("8.5以上", "%"), Some(8.5));
    assert_eq!(cell_number("78岁以上", "岁"), Some(78.0));
    assert_eq!(cell_number("4.5以内", "%"), Some(4.5));
    assert_eq!(cell_number("-2.66", "%"), Some(-2.66));
    assert_eq!(cell_number("12.0", "%"), Some(12.0));
    assert_eq!(cell_number("---", "%"), None);
    assert_eq!(cell_number("控制在市要求以内", "%"), None);
    assert_eq!(cell_number("5G", "%"), None);
    assert!(contains_number("建成5G基站200个,覆盖率提升至100%", "100"));
    assert!(!contains_number("地区生产总值达到1300亿元以上", "300"));
    assert!(!contains_number("年均增速8.55%", "8.5"));
    assert!(!contains_number("增长18.5%", "8.5"));
    assert!(contains_number("年均增速8.5%以上", "8.5"));
    assert_eq!(plain(115.0), "115");
    assert_eq!(plain(17.5), "17.5");
    assert_eq!(table_row_passage("专栏2-1 序号14"), Some(("专栏2-1", 14)));
    assert_eq!(table_row_passage("第三章第一节"), None);
    assert_eq!(table_row_passage("专栏3-1"), None);
}

/// Every rule entry of the built-in plan cites the plan passage that demands
/// it: the cited seed line holds the quoted words.
#[test]
fn every_rule_cites_its_passage_verbatim() {
    let plan = plan_lint::plan::Plan::builtin().expect("built-in plan loads");
    let seed = std::fs::read_to_string(root().join("seeds").join(&plan.header.seed)).unwrap();
    let lines: Vec<&str> = seed.lines().collect();
    let mut failures = Vec::new();
    for r in &plan.rules {
        let e = &r.entry;
        let Some(text) = e.passage.text.as_deref() else {
            failures.push(format!("{}: no passage text", e.code));
            continue;
        };
        match lines.get(e.passage.line.wrapping_sub(1)) {
            Some(l) if l.contains(text) => {}
            _ => failures.push(format!(
                "{}: seed line {} does not contain {text:?}",
                e.code, e.passage.line
            )),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

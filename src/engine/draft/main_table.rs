//! The main indicator table (专栏2-1 in the built-in plan): its rows drafted as
//! indicators, cells copied, kind, comparison and range read and marked for review.

use super::*;

/// The main indicator table: the 专栏 whose header row has 序号, 指标名称 and 属性.
pub(super) struct MainTable {
    pub(super) label: String,
    pub(super) header: usize,
    pub(super) rows_end: usize,
    pub(super) table: Table,
}

pub(super) fn main_table(seed: &Seed) -> Option<MainTable> {
    seed.column_headers()
        .into_iter()
        .find_map(|(header, label)| {
            let row = seed.line(header + 1)?;
            let names = cells(row);
            let has = |w: &str| names.iter().any(|c| c.contains(w));
            if !(has("序号") && has("指标名称") && has("属性")) {
                return None;
            }
            let table = Table::read(seed, &label).ok()?;
            let rows_end = table
                .rows
                .values()
                .map(|r| r.line)
                .max()
                .unwrap_or(header + 1);
            Some(MainTable {
                label,
                header,
                rows_end,
                table,
            })
        })
}

/// "地区生产总值年均增长(%)" → ("地区生产总值年均增长", "%"); a cell without a trailing
/// short bracket is a name without a unit.
pub(super) fn split_unit(cell: &str) -> (String, Option<String>) {
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(body) = cell.strip_suffix(close) {
            if let Some(at) = body.rfind(open) {
                let unit = &body[at + open.len_utf8()..];
                let name = &body[..at];
                if !unit.is_empty() && unit.chars().count() <= 5 && !name.is_empty() {
                    return (name.to_string(), Some(unit.to_string()));
                }
            }
        }
    }
    (cell.to_string(), None)
}

pub(super) fn is_dashes(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | '—' | '–' | '/'))
}

/// The field a mark is on, with the value written.
pub(super) fn mark(field: &'static str, value: impl std::fmt::Display, basis: Basis) -> Mark {
    Mark::new(field, value.to_string(), basis)
}

/// A catalog value as the files write it (annual_rate, at_least, higher_is_better …).
pub(super) fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

pub(super) fn range_str(r: [Option<f64>; 2]) -> String {
    let b = |v: Option<f64>| v.map_or_else(|| "null".to_string(), plain);
    format!("[{}, {}]", b(r[0]), b(r[1]))
}

/// The comparison a target's words state, with the word.
pub(super) fn comparison_of(text: &str, direction: Direction) -> (Comparison, Basis) {
    let words: &[(&str, Comparison)] = &[
        ("以上", Comparison::AtLeast),
        ("不低于", Comparison::AtLeast),
        ("不少于", Comparison::AtLeast),
        ("以内", Comparison::AtMost),
        ("以下", Comparison::AtMost),
        ("不超过", Comparison::AtMost),
        ("控制在", Comparison::AtMost),
        ("左右", Comparison::About),
        ("约", Comparison::About),
        ("超过", Comparison::MoreThan),
        ("突破", Comparison::MoreThan),
    ];
    for (w, c) in words {
        if text.contains(w) {
            return (*c, Basis::Word(w.to_string()));
        }
    }
    match direction {
        Direction::HigherIsBetter => (Comparison::AtLeast, Basis::Default),
        Direction::LowerIsBetter => (Comparison::AtMost, Basis::Default),
    }
}

/// The main table's rows as indicators I<序号>, by the reading rules of the built-in
/// indicators.yaml header.
pub(super) fn table_indicators(seed: &Seed, main: &MainTable, end: i32) -> Vec<Marked<Indicator>> {
    let t = &main.table;
    let col = |name: &str| t.column(name).map(str::to_string);
    let name_col = col("指标名称");
    let base_col = col("完成").or_else(|| col("基期"));
    let target_col = col("目标");
    let attr_col = col("属性");
    let mut out = Vec::new();
    for (&number, row) in &t.rows {
        let get = |c: &Option<String>| {
            c.as_ref()
                .and_then(|c| row.cells.get(c))
                .cloned()
                .unwrap_or_default()
        };
        let mut marks = Vec::new();
        let (name, unit) = split_unit(&get(&name_col));
        let baseline_text = get(&base_col);
        let target_text = get(&target_col);
        let attribute = if get(&attr_col).contains("约束") {
            Attribute::Binding
        } else {
            Attribute::Expected
        };
        // A table without a unit for the row: the unit the text states with the row's target.
        let mut note = None;
        let unit = match unit {
            Some(u) => u,
            None => match unit_from_text(seed, &name, &target_text) {
                Some((line, text, u)) => {
                    note = Some(format!(
                        "The table gives no unit; \"{u}\" is taken from line {line}: {text}"
                    ));
                    marks.push(mark("unit", &u, Basis::Line { line, text }));
                    u
                }
                None => {
                    note = Some("The table gives no unit.".to_string());
                    marks.push(mark("unit", "", Basis::Placeholder));
                    String::new()
                }
            },
        };
        let baseline = cell_number(&baseline_text, &unit);
        let target = cell_number(&target_text, &unit);
        // kind
        let rate_word = ["年均增长", "年均增速", "年均"]
            .into_iter()
            .find(|w| name.contains(w));
        let amount_word = ["收入", "总额", "总值", "增加值", "产值"]
            .into_iter()
            .find(|w| name.contains(w) && !name.contains("比重") && !name.contains('率'));
        let (kind, kind_basis) = if let Some(w) = rate_word {
            (IndicatorKind::AnnualRate, Basis::Word(w.into()))
        } else if let Some(w) = ["累计", "新增"].into_iter().find(|w| name.contains(w)) {
            (IndicatorKind::Cumulative, Basis::Word(w.into()))
        } else if target.is_none() && !is_dashes(&target_text) {
            (IndicatorKind::Qualitative, Basis::TextTarget)
        } else if let (Some(w), "%") = (amount_word, unit.as_str()) {
            (
                IndicatorKind::AnnualRate,
                Basis::Word(format!("{w}({unit})")),
            )
        } else {
            (IndicatorKind::Level, Basis::Default)
        };
        marks.push(mark("kind", snake(kind), kind_basis));
        // direction
        let lower_word = ["失业率", "死亡率", "发生率", "以内"]
            .into_iter()
            .find(|w| name.contains(w) || baseline_text.contains(w) || target_text.contains(w));
        let (direction, dir_basis) = match lower_word {
            Some(w) => (Direction::LowerIsBetter, Basis::Word(w.into())),
            None => (Direction::HigherIsBetter, Basis::Default),
        };
        marks.push(mark("direction", snake(direction), dir_basis));
        // baseline_kind
        let (baseline_kind, bk_basis) = if baseline.is_none() {
            (BaselineKind::None, Basis::Word(baseline_text.clone()))
        } else if baseline_text.contains("以内") {
            (BaselineKind::Cap, Basis::Word("以内".into()))
        } else if kind == IndicatorKind::AnnualRate {
            (BaselineKind::PeriodAverage, Basis::Word("年均".into()))
        } else if kind == IndicatorKind::Cumulative {
            (BaselineKind::PeriodTotal, Basis::Word("累计".into()))
        } else {
            (BaselineKind::Level, Basis::Default)
        };
        marks.push(mark("baseline_kind", snake(baseline_kind), bk_basis));
        // comparison
        let (comparison, cmp_basis) = if kind == IndicatorKind::Qualitative {
            (Comparison::AtLeast, Basis::TextTarget)
        } else {
            comparison_of(&target_text, direction)
        };
        marks.push(mark("comparison", snake(comparison), cmp_basis));
        // target_is
        let worse = match (baseline, target) {
            (Some(b), Some(t)) if kind == IndicatorKind::Level => match direction {
                Direction::HigherIsBetter => t <= b,
                Direction::LowerIsBetter => t >= b,
            },
            _ => false,
        };
        let (target_is, ti_basis) = if kind == IndicatorKind::Qualitative {
            (TargetIs::Bound, Basis::TextTarget)
        } else if baseline_kind == BaselineKind::Cap {
            (TargetIs::Bound, Basis::Word("以内".into()))
        } else if worse {
            (TargetIs::Bound, Basis::AtOrWorse)
        } else {
            (TargetIs::Path, Basis::Default)
        };
        marks.push(mark("target_is", snake(target_is), ti_basis));
        // range
        let (range, range_basis) = match (kind, unit.as_str()) {
            (IndicatorKind::AnnualRate, _) => ([None, None], Basis::Word("年均".into())),
            (IndicatorKind::Qualitative, "%") => ([None, Some(100.0)], Basis::Unit(unit.clone())),
            (_, "%")
                if target.is_none_or(|t| t <= 100.0) && baseline.is_none_or(|b| b <= 100.0) =>
            {
                ([Some(0.0), Some(100.0)], Basis::Unit(unit.clone()))
            }
            _ if baseline.is_some_and(|b| b < 0.0) || target.is_some_and(|t| t < 0.0) => {
                ([None, None], Basis::Default)
            }
            _ => ([Some(0.0), None], Basis::Default),
        };
        marks.push(mark("range", range_str(range), range_basis));
        marks.push(mark("department", UNASSIGNED, Basis::Placeholder));
        let category = row.category.clone().unwrap_or_default();
        out.push(Marked {
            entry: Indicator {
                id: format!("I{number:02}"),
                name,
                unit,
                category,
                attribute,
                kind,
                direction,
                baseline,
                baseline_text: Some(baseline_text),
                baseline_kind,
                target,
                target_text,
                target_year: end,
                comparison,
                target_is,
                range,
                department: UNASSIGNED.into(),
                reference: None,
                source: Citation {
                    line: row.line,
                    passage: format!("{} 序号{number}", main.label),
                },
                sentence: None,
                discrepancies: Vec::new(),
                plausible: None,
                same_as: None,
                note,
                review: Vec::new(),
            },
            marks,
        });
    }
    out
}

/// The unit the text states with a row's target, when the table gives none: a sentence
/// naming the row and writing its target figure with a unit ("群众安全感指数维持在95%以上").
pub(super) fn unit_from_text(
    seed: &Seed,
    name: &str,
    target_text: &str,
) -> Option<(usize, String, String)> {
    let figure = target_text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, c)| &target_text[..i + c.len_utf8()])?;
    for n in 1..=seed.len() {
        let line = seed.line(n)?;
        for (a, b) in sentences(line) {
            let s = &line[a..b];
            let Some(at) = s.find(name) else { continue };
            let rest = &s[at + name.len()..];
            for (i, _) in rest.match_indices(figure) {
                let after = &rest[i + figure.len()..];
                let before_digit = rest[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit());
                if before_digit {
                    continue;
                }
                if let Some(u) = UNITS.iter().find(|u| after.starts_with(**u)) {
                    return Some((n, s.to_string(), u.to_string()));
                }
            }
        }
    }
    None
}

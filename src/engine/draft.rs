//! `plan-lint plan draft`: a plan directory drafted from plan text (a seed), for the plan
//! office to review (issue 23).
//!
//! What is copied from the text is copied exactly and proved by `plan verify`: the main
//! indicator table's cells (序号, 指标名称 with its "(unit)" split off, 类别, baseline,
//! target, 属性), the verbatim clause of each text target, the names of the 专栏 column
//! items, the offices the text names. Everything else is a reading — an indicator's kind,
//! direction, comparison, target_is and range by the reading rules documented in the
//! built-in plan's indicators.yaml, a target's name and year, a project's name cut from its
//! item, a department, the period, the rules' citations — and every reading carries a
//! `review` mark saying what to check, which `plan verify` reports as PL606 until the
//! office deletes it.
//!
//! The draft finds its candidates with the completeness scan's own functions
//! ([`completeness`]: sentences, candidate tokens, column items, count groups), so that
//! the drafted accounting file (`provenance/catalog-accounting.yaml`) accounts for every
//! candidate the scan finds: each candidate sentence gets one record naming the targets it
//! became, the table row it restates, and — for any figure, year or comparative the draft
//! did not read as a target — a "not a target" reason with a review mark; each column item
//! that is not a project by its exact name gets a record too. A fresh draft therefore
//! passes `plan verify` except for PL606.

use crate::diagnostics::messages::{Basis, Lang, Mark};
use crate::engine::verify::completeness::{
    self, columns, items, same_number, sentences, split_outside, strip_verbs, Column, Scanner,
    Token, TokenKind,
};
use crate::engine::verify::{
    cell_number, cells, facility_groups, plain, states_figure, Seed, Table,
};
use crate::model::plan::plausibility::{Change, PlausibilityEntry};
use crate::model::plan::{
    Attribute, BaselineKind, Citation, Comparison, Department, Direction, Indicator, IndicatorKind,
    Period, Project, RuleEntry, RulePassage, TargetIs,
};
use regex::Regex;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The code of the placeholder department every drafted indicator and project gets.
pub const UNASSIGNED: &str = "unassigned";

/// A drafted plan directory: its files (path relative to the directory, text) and counts.
pub struct Drafted {
    pub files: Vec<(String, String)>,
    pub indicators: usize,
    pub targets: usize,
    pub projects: usize,
    pub departments: usize,
    pub marks: usize,
}

/// Units a figure of the text may carry, longest first where one is a prefix of another.
const UNITS: &[&str] = &[
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "公顷",
    "标准煤",
    "人次",
    "千瓦",
    "兆瓦",
    "分钟",
    "小时",
    "亩",
    "吨",
    "元",
    "人",
    "户",
    "个",
    "条",
    "家",
    "所",
    "座",
    "张",
    "套",
    "辆",
    "台",
    "名",
    "岁",
    "项",
    "处",
    "场",
    "次",
    "床",
    "米",
    "倍",
    "部",
    "栋",
    "间",
    "类",
    "件",
    "支",
    "批",
    "级",
    "%",
    "‰",
];
const MAGNITUDES: &[&str] = &["万亿", "亿", "万", "千", "百"];
/// Words after a figure that say how the target compares.
const QUALIFIERS: &[&str] = &["及以上", "以上", "以内", "以下", "左右", "多"];
/// Words before a figure that say how the target compares.
const PREFIXES: &[&str] = &[
    "超过",
    "突破",
    "不低于",
    "不少于",
    "不超过",
    "保持在",
    "控制在",
    "稳定在",
    "高于",
];
/// Words the name of a text target does not keep around it.
const NAME_TRIM: &[&str] = &[
    "达到",
    "保持在",
    "控制在",
    "稳定在",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "增长到",
    "增加到",
    "超过",
    "突破",
    "不低于",
    "不少于",
    "不超过",
    "达",
    "为",
    "在",
    "至",
    "到",
    "力争",
    "确保",
    "累计",
    "新增",
    "新建",
    "建成",
    "建设",
    "打造",
    "培育",
    "创建",
    "引进",
    "实现",
    "完成",
    "年均增长",
    "年均",
];
/// Item endings of a named thing to build: a project, facility, platform or programme.
const PROJECT_ENDINGS: &[&str] = &[
    "项目",
    "工程",
    "中心",
    "园区",
    "产业园",
    "园",
    "馆",
    "站",
    "院",
    "场",
    "街",
    "路",
    "桥",
    "厂",
    "楼",
    "平台",
    "基地",
    "小镇",
    "广场",
    "公园",
    "学校",
    "中学",
    "小学",
    "幼儿园",
    "医院",
    "综合体",
    "市场",
    "示范区",
    "片区",
    "隧道",
    "通道",
    "大道",
    "线",
    "城",
    "谷",
    "港",
    "湾",
    "所",
    "室",
    "库",
    "网",
    "系统",
    "工厂",
    "商圈",
    "街区",
    "步道",
    "绿道",
    "书屋",
    "剧场",
    "大脑",
    "中心校",
    "枢纽",
    "营地",
    "长廊",
    "酒店",
    "景区",
    "水库",
    "管网",
    "改造",
    "提升",
    "整治",
    "修复",
    "治理",
    "建设",
    "工作",
    "评估",
    "标杆",
    "队伍",
    "大厅",
    "廊道",
    "环路",
    "道",
    "段",
    "地块",
    "小区",
    "公司",
    "集团",
    "故居",
    "旧址",
    "别墅",
    "古堡",
    "建筑",
    "故里",
    "文化圈",
    "产品",
    "宣传片",
];
/// Office names some plans' offices carry, and the code the draft proposes for each.
const OFFICE_CODES: &[(&str, &str)] = &[
    ("发展和改革局", "drc"),
    ("发展改革局", "drc"),
    ("财政局", "finance"),
    ("统计局", "stats"),
    ("生态环境局", "eco-env"),
    ("商务局", "commerce"),
    ("教育局", "education"),
    ("卫生健康局", "health"),
    ("人力资源和社会保障局", "hrss"),
    ("住房和城乡建设局", "housing"),
    ("交通运输局", "transport"),
    ("自然资源局", "natural-resources"),
    ("科学技术局", "science"),
    ("工业和信息化局", "industry"),
    ("文化旅游局", "culture-tourism"),
    ("民政局", "civil-affairs"),
    ("应急管理局", "emergency"),
    ("市场监督管理局", "market"),
    ("公安分局", "police"),
    ("规划办公室", "planning"),
];

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|_| Regex::new("$^").expect("an empty pattern compiles"))
}

/// A drafted entry with its review marks.
struct Marked<T> {
    entry: T,
    marks: Vec<Mark>,
}

/// A record of the accounting file's `targets` list.
struct TargetRecord {
    line: usize,
    text: String,
    accounted_as: Vec<String>,
    marks: Vec<Mark>,
}

/// A record of the accounting file's `items` list.
struct ItemRecord {
    line: usize,
    column: String,
    ordinal: u32,
    item: String,
    accounted_as: Vec<String>,
    marks: Vec<Mark>,
}

/// The main indicator table: the 专栏 whose header row has 序号, 指标名称 and 属性.
struct MainTable {
    label: String,
    header: usize,
    rows_end: usize,
    table: Table,
}

fn main_table(seed: &Seed) -> Option<MainTable> {
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
fn split_unit(cell: &str) -> (String, Option<String>) {
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

fn is_dashes(cell: &str) -> bool {
    !cell.is_empty() && cell.chars().all(|c| matches!(c, '-' | '—' | '–' | '/'))
}

/// The field a mark is on, with the value written.
fn mark(field: &'static str, value: impl std::fmt::Display, basis: Basis) -> Mark {
    Mark::new(field, value.to_string(), basis)
}

/// A catalog value as the files write it (annual_rate, at_least, higher_is_better …).
fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn range_str(r: [Option<f64>; 2]) -> String {
    let b = |v: Option<f64>| v.map_or_else(|| "null".to_string(), plain);
    format!("[{}, {}]", b(r[0]), b(r[1]))
}

/// The comparison a target's words state, with the word.
fn comparison_of(text: &str, direction: Direction) -> (Comparison, Basis) {
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
fn table_indicators(seed: &Seed, main: &MainTable, end: i32) -> Vec<Marked<Indicator>> {
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
fn unit_from_text(seed: &Seed, name: &str, target_text: &str) -> Option<(usize, String, String)> {
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

/// The heading a line stands under: (chapter line text, passage "第X章第Y节").
fn headings(seed: &Seed) -> Vec<(String, String)> {
    static CHAPTER: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(第[一二三四五六七八九十百]+章)\s*(.*)$"));
    static SECTION: LazyLock<Regex> = LazyLock::new(|| re(r"^(第[一二三四五六七八九十百]+节)"));
    let mut out = Vec::with_capacity(seed.len());
    let (mut theme, mut chapter, mut section) = (String::new(), String::new(), String::new());
    for n in 1..=seed.len() {
        let line = seed.line(n).unwrap_or("").trim();
        if let Some(c) = CHAPTER.captures(line) {
            chapter = c[1].to_string();
            theme = c[2].trim().to_string();
            section.clear();
        } else if let Some(c) = SECTION.captures(line) {
            section = c[1].to_string();
        }
        let passage = if chapter.is_empty() {
            "正文".to_string()
        } else {
            format!("{chapter}{section}")
        };
        out.push((theme.clone(), passage));
    }
    out
}

/// A figure token's unit, the text of its target and the comparison word before it.
struct Figure {
    unit: String,
    target_text: String,
}

fn figure_at(line: &str, tok: &Token) -> Figure {
    let after = &line[tok.end..];
    let mut rest = after;
    let mut unit = String::new();
    if let Some(m) = MAGNITUDES.iter().find(|m| rest.starts_with(**m)) {
        unit.push_str(m);
        rest = &rest[m.len()..];
    }
    if let Some(u) = UNITS.iter().find(|u| rest.starts_with(**u)) {
        unit.push_str(u);
        rest = &rest[u.len()..];
    }
    if let Some(q) = QUALIFIERS.iter().find(|q| rest.starts_with(**q)) {
        rest = &rest[q.len()..];
    }
    let end = line.len() - rest.len();
    let mut start = tok.start;
    if let Some(p) = PREFIXES.iter().find(|p| line[..tok.start].ends_with(**p)) {
        start -= p.len();
    }
    Figure {
        unit,
        target_text: line[start..end].to_string(),
    }
}

/// A short name for a text target: its clause without the time phrase, the figure and
/// the verbs around them.
fn target_name(clause: &str, figure_text: &str) -> String {
    static TIME: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:力争)?(?:到|至|在)?(?:19|20)\d\d年(?:底|末)?(?:前)?[,，]?"));
    let (before, after) = clause.split_once(figure_text).unwrap_or((clause, ""));
    let mut name = TIME.replace(before.trim(), "").to_string();
    loop {
        let trimmed = NAME_TRIM
            .iter()
            .find_map(|w| name.strip_suffix(w).or_else(|| name.strip_prefix(w)))
            .map(str::to_string);
        match trimmed {
            Some(t) if !t.is_empty() => name = t,
            Some(_) => {
                name.clear();
                break;
            }
            None => break,
        }
    }
    if name.chars().count() < 2 {
        let tail = after.trim_start_matches(['的', '个', '级']);
        if tail.chars().count() >= 2 {
            name = tail.to_string();
        }
    }
    if name.chars().count() < 2 {
        name = clause.to_string();
    }
    name
}

/// Whether a figure token is a date or an ordinal rather than a figure.
fn not_a_figure(line: &str, tok: &Token) -> bool {
    let next = line[tok.end..].chars().next();
    let prev = line[..tok.start].chars().next_back();
    matches!(
        next,
        Some('年' | '月' | '日' | '号' | '届' | '期' | '版' | '.')
    ) || prev == Some('第')
}

/// A comparative as a relative target: (comparison, reference).
fn relative(tok: &Token, line: &str) -> (Comparison, String) {
    let text = tok.text.as_str();
    let area = ["全市", "全省", "全国", "贵阳"]
        .into_iter()
        .find(|a| text.contains(a))
        .unwrap_or("全市");
    if let Some(rest) = text.strip_prefix("高于") {
        let average = line[tok.end..].starts_with("平均");
        let reference = if average {
            format!("{rest}平均")
        } else {
            rest.to_string()
        };
        (Comparison::MoreThan, reference)
    } else {
        (Comparison::AtMost, area.to_string())
    }
}

/// The name of the period before the plan's ("十三五" before “十四五”时期(2021—2025年)):
/// the period name written on the line that states the period.
fn previous_period(seed: &Seed, line: usize) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| re(r"十([一二三四五六七八九]?)五"));
    const ORDINALS: &[&str] = &["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let c = NAME.captures(seed.line(line)?)?;
    let k = ORDINALS.iter().position(|o| *o == &c[1])?;
    match k {
        0 => Some("九五".into()),
        k => Some(format!("十{}五", ORDINALS[k - 1])),
    }
}

/// Which lines are about the previous period: a line naming it (and no year of the
/// plan's), and every line under a 篇/章 heading that names it, up to the next heading of
/// that level.
fn past_lines(seed: &Seed, previous: Option<&str>) -> Vec<bool> {
    static PART: LazyLock<Regex> = LazyLock::new(|| re(r"^第[一二三四五六七八九十]+(篇|章)"));
    let Some(prev) = previous else {
        return vec![false; seed.len()];
    };
    let mut out = Vec::with_capacity(seed.len());
    let mut under: Option<String> = None;
    for n in 1..=seed.len() {
        let line = seed.line(n).unwrap_or("").trim();
        if let Some(c) = PART.captures(line) {
            let level = c[1].to_string();
            if line.contains(prev) {
                under = Some(level);
            } else if under
                .as_deref()
                .is_some_and(|u| u == level || level == "篇")
            {
                under = None;
            }
        }
        out.push(under.is_some() || line.contains(prev));
    }
    out
}

/// What the draft made of the text's candidate sentences.
struct TextDraft {
    targets: Vec<Marked<Indicator>>,
    records: Vec<TargetRecord>,
}

fn text_targets(
    seed: &Seed,
    scan: &Scanner,
    period: Period,
    main: Option<&MainTable>,
    table: &[Marked<Indicator>],
    in_columns: bool,
    previous: Option<&str>,
) -> TextDraft {
    let heads = headings(seed);
    let headers = seed.column_headers();
    let mut targets: Vec<Marked<Indicator>> = Vec::new();
    let mut records = Vec::new();
    let (start, end) = (period.start, period.end);
    let mut last_pos = (0usize, 0usize);
    let past_lines = past_lines(seed, previous);
    for n in 1..=seed.len() {
        let Some(line) = seed.line(n) else { continue };
        // The main table: its header and rows are the table's indicators.
        if let Some(m) = main.filter(|m| (m.header..=m.rows_end).contains(&n)) {
            for (a, b) in sentences(line) {
                if !scan.is_candidate(line, a, b) {
                    continue;
                }
                let row = m.table.rows.iter().find(|(_, r)| r.line == n);
                let accounted = match row {
                    Some((number, _)) if in_columns => format!("I{number:02}"),
                    Some((number, _)) => format!(
                        "not a target: row {number} of the indicator table {}, I{number:02}",
                        m.label
                    ),
                    None => format!(
                        "not a target: the header of the indicator table {}",
                        m.label
                    ),
                };
                records.push(TargetRecord {
                    line: n,
                    text: line[a..b].to_string(),
                    accounted_as: vec![accounted],
                    marks: Vec::new(),
                });
            }
            continue;
        }
        let (theme, passage) = heads.get(n - 1).cloned().unwrap_or_default();
        let column_header = headers.iter().any(|(h, _)| *h == n);
        for (a, b) in sentences(line) {
            if !scan.is_candidate(line, a, b) {
                continue;
            }
            let sentence = &line[a..b];
            let mut tokens: Vec<Token> = scan
                .tokens(line, a, b)
                .into_iter()
                .filter(|t| !matches!(t.kind, TokenKind::Name | TokenKind::ListNumber))
                .collect();
            // The scanner lists digits before words: targets go in the order of the text.
            tokens.sort_by_key(|t| t.start);
            let mut years: Vec<i32> = tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Year)
                .map(|t| t.value as i32)
                .collect();
            if sentence.contains("二〇三五") {
                years.push(2035);
            }
            years.sort_unstable();
            years.dedup();
            let mut record = TargetRecord {
                line: n,
                text: sentence.to_string(),
                accounted_as: Vec::new(),
                marks: Vec::new(),
            };
            if column_header {
                let reason = "not a target: a column header";
                record.accounted_as.push(reason.to_string());
                records.push(record);
                continue;
            }
            let past = years.last().is_some_and(|&y| y < start)
                || (years.is_empty() && past_lines.get(n - 1).copied().unwrap_or(false));
            if years.len() > 1 || past {
                let basis = if past {
                    Basis::Past
                } else {
                    Basis::SeveralYears(years.iter().map(|y| y.to_string()).collect())
                };
                let reason = if past {
                    "not a target: drafted as describing the past"
                } else {
                    "not a target: drafted; the sentence states several years"
                };
                record.accounted_as.push(reason.to_string());
                record.marks.push(mark("accounted_as", reason, basis));
                records.push(record);
                continue;
            }
            let target_year = years.first().copied().unwrap_or(end);
            let clauses: Vec<(usize, usize)> = {
                let mut out = Vec::new();
                let mut at = a;
                for part in split_outside(sentence, ",，、:：") {
                    let p = line[at..b].find(part.as_str()).map_or(at, |i| at + i);
                    out.push((p, p + part.len()));
                    at = p + part.len();
                }
                out
            };
            let clause_of = |tok: &Token| -> (usize, usize) {
                clauses
                    .iter()
                    .copied()
                    .find(|&(p, q)| p <= tok.start && tok.end <= q)
                    .unwrap_or((a, b))
            };
            let place = |clause| Place {
                clause,
                line: n,
                theme: &theme,
                passage: &passage,
                target_year,
                years: &years,
            };
            let mut unread: Vec<String> = Vec::new();
            let mut restated: Vec<String> = Vec::new();
            let mut ids: Vec<String> = Vec::new();
            let mut relative_ids: Vec<(Comparison, String, String)> = Vec::new();
            // Which tokens a target covers: (clause span, figures).
            let mut covered: Vec<((usize, usize), f64)> = Vec::new();
            for tok in &tokens {
                match tok.kind {
                    TokenKind::Quantity | TokenKind::Word => {
                        if tok.kind == TokenKind::Quantity && not_a_figure(line, tok) {
                            unread.push(tok.text.clone());
                            continue;
                        }
                        let (p, q) = clause_of(tok);
                        let clause = line[p..q].trim();
                        // A restatement of a table row: the clause names the row and states
                        // one of its figures.
                        if let Some(ind) = table.iter().map(|m| &m.entry).find(|i| {
                            clause.contains(i.name.as_str())
                                && (i.target.is_some_and(|t| same_number(t, tok.value))
                                    || i.baseline.is_some_and(|t| same_number(t, tok.value)))
                        }) {
                            if in_columns {
                                if !restated.contains(&ind.id) {
                                    restated.push(ind.id.clone());
                                }
                            } else {
                                unread.push(tok.text.clone());
                            }
                            continue;
                        }
                        // verify proves a target by its first occurrence in the line, in
                        // seed order, and by its figure as written (12.0 is not 12).
                        let first = line.find(clause).unwrap_or(p);
                        if !states_figure(clause, tok.value) || (n, first) < last_pos {
                            unread.push(tok.text.clone());
                            continue;
                        }
                        last_pos = (n, first);
                        let id = format!("T{:03}", targets.len() + 1);
                        let fig = if tok.kind == TokenKind::Word {
                            Figure {
                                unit: if tok.value == 100.0 {
                                    "%".into()
                                } else {
                                    String::new()
                                },
                                target_text: tok.text.clone(),
                            }
                        } else {
                            figure_at(line, tok)
                        };
                        targets.push(text_target(&id, &fig, tok.value, &place(clause)));
                        covered.push(((p, q), tok.value));
                        ids.push(id);
                    }
                    TokenKind::Comparative => {
                        let (p, q) = clause_of(tok);
                        let clause = line[p..q].trim();
                        let (comparison, reference) = relative(tok, line);
                        let first = line.find(clause).unwrap_or(p);
                        if !clause.contains(reference.as_str()) || (n, first) < last_pos {
                            unread.push(tok.text.clone());
                            continue;
                        }
                        last_pos = (n, first);
                        let id = format!("T{:03}", targets.len() + 1);
                        let at = clause.find(tok.text.as_str()).unwrap_or(0);
                        // The words from the comparative to the clause's end, with a
                        // 位于/保持/在 directly before it.
                        let lead = ["位于", "位居", "保持", "在"]
                            .into_iter()
                            .find(|w| clause[..at].ends_with(w))
                            .map_or(0, str::len);
                        let target_text = clause[at - lead..].to_string();
                        targets.push(relative_target(
                            &id,
                            &target_text,
                            comparison,
                            &reference,
                            &place(clause),
                        ));
                        relative_ids.push((comparison, reference, id));
                    }
                    TokenKind::Year => {
                        // Covered when a target's clause holds it (checked below).
                    }
                    TokenKind::Name | TokenKind::ListNumber => {}
                }
            }
            // Years: in a target's clause, or outside the period before its end, or the
            // year of a target of the sentence; else unread.
            for tok in tokens.iter().filter(|t| t.kind == TokenKind::Year) {
                let y = tok.value as i32;
                let in_clause = covered
                    .iter()
                    .any(|&((p, q), _)| p <= tok.start && tok.end <= q);
                let ok = in_clause
                    || !(start..end).contains(&y)
                    || (!ids.is_empty() && y == target_year);
                if !ok {
                    unread.push(tok.text.clone());
                }
            }
            record.accounted_as.extend(restated);
            record.accounted_as.extend(ids);
            for (comparison, reference, id) in relative_ids {
                let c = if comparison == Comparison::MoreThan {
                    "more_than"
                } else {
                    "rank_at_most"
                };
                record
                    .accounted_as
                    .push(format!("relative: {c} {reference}: {id}"));
            }
            if sentence.contains("二〇三五") && years.len() == 1 && record.accounted_as.is_empty()
            {
                unread.push("二〇三五".into());
            }
            if !unread.is_empty() || record.accounted_as.is_empty() {
                unread.dedup();
                let reason = format!(
                    "not a target: drafted; no target read in {}",
                    if unread.is_empty() {
                        sentence.to_string()
                    } else {
                        unread.join(", ")
                    }
                );
                record.marks.push(mark(
                    "accounted_as",
                    &reason,
                    Basis::NotRead(if unread.is_empty() {
                        vec![sentence.to_string()]
                    } else {
                        unread
                    }),
                ));
                record.accounted_as.push(reason);
            }
            records.push(record);
        }
    }
    TextDraft { targets, records }
}

/// Where a text target stands: its clause, line, heading and the sentence's years.
struct Place<'a> {
    clause: &'a str,
    line: usize,
    theme: &'a str,
    passage: &'a str,
    target_year: i32,
    /// The years the sentence states (none: target_year is the period's end).
    years: &'a [i32],
}

/// A target of the text with the defaults every reading starts from, and the marks
/// every text target carries (its year when the sentence states none, its attribute,
/// its department).
fn from_text(
    id: &str,
    name: String,
    target_text: &str,
    at: &Place,
    marks: &mut Vec<Mark>,
) -> Indicator {
    if at.years.is_empty() {
        marks.push(mark("target_year", at.target_year, Basis::PeriodEnd));
    }
    marks.push(mark("attribute", "expected", Basis::NoAttribute));
    marks.push(mark("department", UNASSIGNED, Basis::Placeholder));
    Indicator {
        id: id.to_string(),
        name,
        unit: String::new(),
        category: at.theme.to_string(),
        attribute: Attribute::Expected,
        kind: IndicatorKind::Level,
        direction: Direction::HigherIsBetter,
        baseline: None,
        baseline_text: None,
        baseline_kind: BaselineKind::None,
        target: None,
        target_text: target_text.to_string(),
        target_year: at.target_year,
        comparison: Comparison::AtLeast,
        target_is: TargetIs::Path,
        range: [Some(0.0), None],
        department: UNASSIGNED.into(),
        reference: None,
        source: Citation {
            line: at.line,
            passage: at.passage.to_string(),
        },
        sentence: Some(at.clause.to_string()),
        discrepancies: Vec::new(),
        plausible: None,
        same_as: None,
        note: None,
        review: Vec::new(),
    }
}

/// A figure of the text as a target.
fn text_target(id: &str, fig: &Figure, value: f64, at: &Place) -> Marked<Indicator> {
    let clause = at.clause;
    let mut marks = Vec::new();
    let name = target_name(clause, &fig.target_text);
    marks.push(mark("name", &name, Basis::Cut(clause.to_string())));
    let unit = fig.unit.trim_start_matches(['级']).to_string();
    let (kind, kind_basis) = if clause.contains("年均") {
        (IndicatorKind::AnnualRate, Basis::Word("年均".into()))
    } else if clause.contains("累计") {
        (IndicatorKind::Cumulative, Basis::Word("累计".into()))
    } else if let Some(w) = ["新增", "新建", "建成", "培育", "打造", "创建", "引进"]
        .into_iter()
        .find(|w| clause.contains(w))
        .filter(|_| !unit.contains('%') && !unit.contains('元'))
    {
        (IndicatorKind::Cumulative, Basis::Word(w.into()))
    } else {
        (IndicatorKind::Level, Basis::Default)
    };
    marks.push(mark("kind", snake(kind), kind_basis));
    let (comparison, cmp_basis) = comparison_of(&fig.target_text, Direction::HigherIsBetter);
    let direction = if comparison == Comparison::AtMost {
        Direction::LowerIsBetter
    } else {
        Direction::HigherIsBetter
    };
    marks.push(mark("comparison", snake(comparison), cmp_basis.clone()));
    marks.push(mark("direction", snake(direction), cmp_basis));
    let bound_word = ["保持", "以内", "不超过", "控制", "稳定在"]
        .into_iter()
        .find(|w| clause.contains(w));
    let (target_is, ti_basis) = match bound_word {
        Some(w) => (TargetIs::Bound, Basis::Word(w.into())),
        None => (TargetIs::Path, Basis::Default),
    };
    marks.push(mark("target_is", snake(target_is), ti_basis));
    let (range, range_basis) = if kind == IndicatorKind::AnnualRate || value < 0.0 {
        ([None, None], Basis::Word("年均".into()))
    } else if unit == "%" && value <= 100.0 {
        ([Some(0.0), Some(100.0)], Basis::Unit(unit.clone()))
    } else {
        ([Some(0.0), None], Basis::Default)
    };
    marks.push(mark("range", range_str(range), range_basis));
    let entry = Indicator {
        unit,
        kind,
        direction,
        target: Some(value),
        comparison,
        target_is,
        range,
        ..from_text(id, name, &fig.target_text, at, &mut marks)
    };
    Marked { entry, marks }
}

/// A comparative of the text as a relative target: more_than its reference, or a rank.
fn relative_target(
    id: &str,
    target_text: &str,
    comparison: Comparison,
    reference: &str,
    at: &Place,
) -> Marked<Indicator> {
    let mut marks = Vec::new();
    let rank = comparison == Comparison::AtMost;
    let name = target_name(at.clause, target_text);
    marks.push(mark("name", &name, Basis::Cut(at.clause.to_string())));
    marks.push(mark(
        "comparison",
        snake(comparison),
        Basis::Word(target_text.to_string()),
    ));
    marks.push(mark(
        "reference",
        reference,
        Basis::Word(target_text.to_string()),
    ));
    let entry = Indicator {
        unit: if rank { "名".into() } else { "%".into() },
        kind: IndicatorKind::Qualitative,
        direction: if rank {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        },
        comparison,
        target_is: TargetIs::Bound,
        range: if rank {
            [Some(1.0), None]
        } else {
            [None, None]
        },
        reference: Some(reference.to_string()),
        ..from_text(id, name, target_text, at, &mut marks)
    };
    Marked { entry, marks }
}

/// A column item's project name: the item without its leading verbs, when it ends like a
/// thing to build.
fn project_name(item: &str) -> Option<String> {
    let mut name = item.trim();
    loop {
        let stripped = strip_verbs(name);
        if stripped == name || stripped.is_empty() {
            break;
        }
        name = stripped;
    }
    // "A等<kind>" names A as a <kind>: 玉田片区等老旧小区配套基础设施改造项目.
    if let Some((a, _)) = name.split_once('等') {
        if a.chars().count() >= 3 {
            return Some(a.to_string());
        }
    }
    // A trailing bracket says which phase or part: 啤酒厂项目(二期).
    let base = match name.rfind(['(', '（']) {
        Some(at) if name.ends_with([')', '）']) => &name[..at],
        _ => name,
    };
    let long_enough = name.chars().count() >= 3;
    (long_enough && PROJECT_ENDINGS.iter().any(|e| base.ends_with(e))).then(|| name.to_string())
}

/// The qualifier a count group's facilities are composed with: the empty one, unless the
/// last element is longer than every other element by a suffix that with the heading
/// reads as one type ("金地卫生3处服务站": 卫生 + 服务站).
fn group_qualifier(g: &facility_groups::Group) -> String {
    let others = &g.elements[..g.elements.len().saturating_sub(1)];
    let longest = others.iter().map(|e| e.chars().count()).max().unwrap_or(0);
    let last = g.elements.last().map_or(0, |e| e.chars().count());
    g.qualifiers()
        .into_iter()
        .rfind(|q| {
            g.facilities(q).is_some()
                && (q.is_empty()
                    || (q.chars().count() == 2
                        && last.saturating_sub(2) <= longest
                        && last > longest))
        })
        .unwrap_or_default()
}

fn projects(
    seed: &Seed,
    cols: &[Column],
    main_label: Option<&str>,
) -> (Vec<Marked<Project>>, Vec<ItemRecord>) {
    let mut out: Vec<Marked<Project>> = Vec::new();
    let mut records = Vec::new();
    for col in cols.iter().filter(|c| Some(c.label.as_str()) != main_label) {
        let n = col.header + 1;
        let Some(line) = seed.line(n) else { continue };
        let groups: Vec<facility_groups::Group> = facility_groups::groups(line)
            .into_iter()
            .filter(|g| g.place_count() == g.count)
            .collect();
        let mut k = 0u32;
        let mut named: BTreeMap<String, String> = BTreeMap::new();
        let passage = format!("{} {}", col.label, col.title);
        let mut new_project = |name: String, marks: Vec<Mark>, out: &mut Vec<Marked<Project>>| {
            k += 1;
            let id = format!("P{:02}{:02}", col.ordinal, k);
            let mut marks = marks;
            marks.push(mark("department", UNASSIGNED, Basis::Placeholder));
            out.push(Marked {
                entry: Project {
                    id: id.clone(),
                    name,
                    column: col.label.clone(),
                    column_ordinal: col.ordinal,
                    department: UNASSIGNED.into(),
                    source: Citation {
                        line: n,
                        passage: passage.clone(),
                    },
                    note: None,
                    review: Vec::new(),
                },
                marks,
            });
            id
        };
        let mut previous_unread: Option<usize> = None;
        for item in items(line) {
            let record = |accounted_as: Vec<String>, marks: Vec<Mark>| ItemRecord {
                line: n,
                column: col.label.clone(),
                ordinal: col.ordinal,
                item: item.clone(),
                accounted_as,
                marks,
            };
            let element = groups
                .iter()
                .find_map(|g| g.element_of(line, &item).map(|e| (g, e)));
            if let Some((g, e)) = element {
                let q = group_qualifier(g);
                let names: Vec<String> = g
                    .facilities(&q)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|(k, _)| *k == e)
                    .map(|(_, name)| name)
                    .collect();
                let mut ids = Vec::new();
                for name in names {
                    if let Some(id) = named.get(&name) {
                        ids.push(id.clone());
                        continue;
                    }
                    let marks = vec![mark(
                        "name",
                        &name,
                        Basis::Composed {
                            item: item.clone(),
                            qualifier: q.clone(),
                        },
                    )];
                    let id = new_project(name.clone(), marks, &mut out);
                    named.insert(name, id.clone());
                    ids.push(id);
                }
                records.push(record(ids, Vec::new()));
                continue;
            }
            // An item that coordinates its object with the item before it (和, 及), when that
            // one names nothing by itself: the project is named across both
            // ("道路声屏障、降噪绿化带和低噪声路面改造工程").
            let joined = project_name(&item).and_then(|name| {
                let prev = previous_unread.take()?;
                let both = format!("{}、{name}", records[prev].item);
                let coordinated = name.contains('和') || name.contains('及');
                (coordinated && name == item && line.contains(&both)).then_some((prev, both))
            });
            if let Some((prev, name)) = joined {
                let marks = vec![mark("name", &name, Basis::Cut(line.to_string()))];
                let id = new_project(name.clone(), marks, &mut out);
                named.insert(name, id.clone());
                records[prev].accounted_as = vec![id.clone()];
                records[prev].marks.clear();
                records.push(record(vec![id], Vec::new()));
                continue;
            }
            previous_unread = None;
            match project_name(&item) {
                Some(name) => {
                    if let Some(id) = named.get(&name) {
                        records.push(record(vec![id.clone()], Vec::new()));
                        continue;
                    }
                    let exact = name == item;
                    let marks = if exact {
                        Vec::new()
                    } else {
                        vec![mark("name", &name, Basis::Cut(item.clone()))]
                    };
                    let id = new_project(name.clone(), marks, &mut out);
                    named.insert(name, id.clone());
                    if !exact {
                        records.push(record(vec![id], Vec::new()));
                    }
                }
                None => {
                    let reason = "not a project: drafted; not read as a named thing to build";
                    let marks = vec![mark("accounted_as", reason, Basis::NotProject)];
                    previous_unread = Some(records.len());
                    records.push(record(vec![reason.to_string()], marks));
                }
            }
        }
    }
    (out, records)
}

/// The offices the text names ("南明区发展和改革局" → 区发展和改革局): (line, name).
fn offices(seed: &Seed) -> Vec<(usize, String)> {
    static OFFICE: LazyLock<Regex> =
        LazyLock::new(|| re(r"区[^\s,，。;；、:：()（）“”|的在与及]{1,12}?(?:局|办公室|委员会)"));
    const NOT_OFFICES: &[&str] = &["布局", "格局", "大局", "全局", "开局", "新局", "变局", "域"];
    let mut out: Vec<(usize, String)> = Vec::new();
    for n in 1..=seed.len() {
        let Some(line) = seed.line(n) else { continue };
        for m in OFFICE.find_iter(line) {
            let name = m.as_str();
            // A district's office, written with its place (南明区发展和改革局)
            // or without (区生态环境局、区教育局); never a 布局 or a 区域.
            if NOT_OFFICES
                .iter()
                .any(|w| name.ends_with(w) || name.starts_with("区域"))
            {
                continue;
            }
            if name.contains("代表大会") || name.contains("常务委员会") {
                continue;
            }
            if !out.iter().any(|(_, o)| o == name) {
                out.push((n, name.to_string()));
            }
        }
    }
    out
}

fn office_code(name: &str, taken: &[String]) -> String {
    let base = OFFICE_CODES
        .iter()
        .find(|(suffix, _)| name.ends_with(suffix))
        .map_or_else(|| "office".to_string(), |(_, c)| c.to_string());
    let mut code = base.clone();
    let mut k = 2;
    while taken.contains(&code) {
        code = format!("{base}-{k}");
        k += 1;
    }
    code
}

/// The plan period the text states: "(2021—2025年)" or "规划期为2026—2030年".
fn period(seed: &Seed) -> Option<(Period, usize, String)> {
    static SPAN: LazyLock<Regex> =
        LazyLock::new(|| re(r"((?:19|20)\d\d)([—–\-至])((?:19|20)\d\d)年"));
    let mut best: Option<(Period, usize, String)> = None;
    for n in 1..=seed.len() {
        let Some(line) = seed.line(n) else { continue };
        for c in SPAN.captures_iter(line) {
            let (Ok(start), Ok(end)) = (c[1].parse::<i32>(), c[3].parse::<i32>()) else {
                continue;
            };
            if end <= start {
                continue;
            }
            let p = Period {
                start,
                end,
                baseline_year: start - 1,
            };
            let five = end - start == 4;
            if best.is_none() || (five && best.as_ref().is_some_and(|b| b.0.end - b.0.start != 4)) {
                best = Some((p, n, c[0].to_string()));
            }
        }
    }
    best
}

/// The generic rule entries of the built-in plan (those that select by attribute, kind or
/// target_is, or select everything), kept where they select something of the draft, each
/// citing a placeholder passage of the new text.
fn rules(
    indicators: &[&Indicator],
    projects: &[&Project],
    indicator_cite: &RulePassage,
    project_cite: &RulePassage,
) -> Vec<Marked<RuleEntry>> {
    let Ok(builtin) = crate::model::plan::Plan::builtin() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in &builtin.rules {
        let e = &r.entry;
        if e.select.ids.is_some() {
            continue;
        }
        let on_projects = crate::engine::rules::registry::info(&e.code)
            .is_some_and(|i| i.code.subject() == crate::engine::rules::Subject::Project);
        let selects = if on_projects {
            projects.iter().any(|p| e.select.matches_project(p))
        } else {
            indicators.iter().any(|i| e.select.matches_indicator(i))
        };
        if !selects {
            continue;
        }
        let passage = if on_projects {
            project_cite.clone()
        } else {
            indicator_cite.clone()
        };
        let marks = vec![mark(
            "passage",
            format!("{} {}", passage.line, passage.passage),
            Basis::Placeholder,
        )];
        out.push(Marked {
            entry: RuleEntry {
                code: e.code.clone(),
                select: e.select.clone(),
                severity: e.severity,
                suppressible: e.suppressible,
                params: e.params.clone(),
                passage,
                note: None,
                review: Vec::new(),
            },
            marks,
        });
    }
    out
}

/// The path of `to` relative to the directory `from` (both made absolute), or `to` as
/// given when there is none (another drive).
fn relative_path(from: &std::path::Path, to: &std::path::Path) -> String {
    use std::path::{absolute, Component};
    let (Ok(from), Ok(to)) = (absolute(from), absolute(to)) else {
        return crate::syntax::paths::display(to);
    };
    let f: Vec<Component> = from.components().collect();
    let t: Vec<Component> = to.components().collect();
    if f.first() != t.first() {
        return crate::syntax::paths::display(&to);
    }
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); f.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

// ---------------------------------------------------------------- YAML

/// A YAML scalar: plain where that reads back as the same string, else double-quoted
/// (JSON's quoting is YAML's).
fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => crate::syntax::yaml::scalar(s),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => plain(f),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

/// Small values written on one line: a list of scalars, a map of at most three scalars.
fn flow(v: &Value) -> Option<String> {
    match v {
        Value::Array(a)
            if a.len() <= 4
                && a.iter().all(|x| match x {
                    Value::String(s) => s.chars().count() <= 24,
                    other => is_scalar(other),
                }) =>
        {
            Some(format!(
                "[{}]",
                a.iter().map(scalar).collect::<Vec<_>>().join(", ")
            ))
        }
        Value::Object(m) if !m.is_empty() && m.len() <= 3 && m.values().all(is_scalar) => {
            Some(format!(
                "{{{}}}",
                m.iter()
                    .map(|(k, v)| format!("{k}: {}", scalar(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
        Value::Array(a) if a.is_empty() => Some("[]".into()),
        Value::Object(m) if m.is_empty() => Some("{}".into()),
        _ => None,
    }
}

fn write_map(out: &mut String, m: &Map<String, Value>, indent: usize, first_inline: bool) {
    for (k, (key, v)) in m.iter().enumerate() {
        if !(k == 0 && first_inline) {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(key);
        out.push(':');
        write_value(out, v, indent);
    }
}

/// Writes `v` after "key:" at `indent`.
fn write_value(out: &mut String, v: &Value, indent: usize) {
    if is_scalar(v) {
        out.push(' ');
        out.push_str(&scalar(v));
        out.push('\n');
        return;
    }
    if let Some(f) = flow(v) {
        out.push(' ');
        out.push_str(&f);
        out.push('\n');
        return;
    }
    out.push('\n');
    match v {
        Value::Array(a) => {
            for item in a {
                out.push_str(&" ".repeat(indent + 2));
                out.push_str("- ");
                match item {
                    Value::Object(m) if flow(item).is_none() => write_map(out, m, indent + 4, true),
                    _ => {
                        out.push_str(&flow(item).unwrap_or_else(|| scalar(item)));
                        out.push('\n');
                    }
                }
            }
        }
        Value::Object(m) => write_map(out, m, indent + 2, false),
        _ => {}
    }
}

/// A YAML document from a JSON object, after a comment header.
fn yaml(header: &str, doc: &Value) -> String {
    let mut out = String::new();
    for l in header.lines() {
        out.push_str("# ");
        out.push_str(l);
        out.push('\n');
    }
    if let Value::Object(m) = doc {
        write_map(&mut out, m, 0, false);
    }
    out
}

/// An entry as JSON with its review marks, in the run's language.
/// The plausibility of each unit (and kind) the draft's indicators have:
/// plan-lint's default, every bound marked for review (rules.md version 3).
fn plausibility_entries(indicators: &[&Indicator]) -> Vec<Marked<PlausibilityEntry>> {
    use crate::model::plan::plausibility::default_for;
    let mut out: Vec<Marked<PlausibilityEntry>> = Vec::new();
    for ind in indicators {
        if out.iter().any(|m| m.entry.matches(ind)) {
            continue;
        }
        let d = default_for(ind);
        let change = match d.change {
            Some(Change::Ratio(x)) => format!("ratio {}", plain(x)),
            Some(Change::Points(x)) => format!("points {}", plain(x)),
            Some(Change::Difference(x)) => format!("difference {}", plain(x)),
            Some(Change::Increment(x)) => format!("increment {}", plain(x)),
            Some(Change::IncrementOfTarget(x)) => format!("increment_of_target {}", plain(x)),
            None => "none".into(),
        };
        let shown = format!(
            "change {change}, whole {}, precision {}",
            d.whole, d.precision
        );
        let marks = vec![mark("plausibility", shown, Basis::DefaultPlausibility)];
        out.push(Marked {
            entry: PlausibilityEntry {
                unit: ind.unit.clone(),
                kinds: Some(vec![ind.kind]),
                change: d.change,
                whole: d.whole,
                precision: d.precision,
                note: "drafted: plan-lint's default for the unit; argue every bound here".into(),
                review: Vec::new(),
            },
            marks,
        });
    }
    out
}

fn with_marks<T: serde::Serialize>(m: &Marked<T>, lang: Lang) -> Value {
    let mut v = serde_json::to_value(&m.entry).unwrap_or(Value::Null);
    if let Value::Object(o) = &mut v {
        if o.get("baseline_text").is_some_and(Value::is_null) {
            o.remove("baseline_text");
        }
        // A rule entry's empty selector and parameters say nothing.
        for key in ["select", "params"] {
            if o.get(key)
                .is_some_and(|x| x.as_object().is_some_and(Map::is_empty))
            {
                o.remove(key);
            }
        }
        if !m.marks.is_empty() {
            o.insert(
                "review".into(),
                Value::Array(
                    m.marks
                        .iter()
                        .map(|k| Value::String(k.text(lang)))
                        .collect(),
                ),
            );
        }
    }
    v
}

fn review_list(marks: &[Mark], lang: Lang) -> Option<Value> {
    (!marks.is_empty())
        .then(|| Value::Array(marks.iter().map(|k| Value::String(k.text(lang))).collect()))
}

/// Drafts the plan directory of `seed`. `seed_ref` is how plan.yaml names the seed (a
/// path relative to the directory, see [`seed_reference`]).
pub fn draft(seed: &Seed, seed_ref: &str, id: &str, lang: Lang) -> Drafted {
    let scan = Scanner::new(None).expect("the default search compiles");
    let mut header_marks = Vec::new();

    // The title: the first line with text.
    let (title_line, title) = (1..=seed.len())
        .find_map(|n| {
            let l = seed.line(n)?.trim();
            (!l.is_empty()).then(|| (n, l.to_string()))
        })
        .unwrap_or((1, id.to_string()));
    header_marks.push(mark(
        "name",
        &title,
        Basis::Line {
            line: title_line,
            text: title.clone(),
        },
    ));

    // The period.
    let period_line = period(seed).map(|(_, l, _)| l);
    let period = match period(seed) {
        Some((p, line, text)) => {
            header_marks.push(mark(
                "period",
                format!("{}–{}, baseline {}", p.start, p.end, p.baseline_year),
                Basis::Line { line, text },
            ));
            p
        }
        None => {
            header_marks.push(mark("period", "2026–2030", Basis::Placeholder));
            Period {
                start: 2026,
                end: 2030,
                baseline_year: 2025,
            }
        }
    };

    // The department registry: the offices the text names, and the placeholder.
    let mut departments: Vec<Marked<Department>> = Vec::new();
    let mut codes: Vec<String> = Vec::new();
    for (line, name) in offices(seed) {
        let code = office_code(&name, &codes);
        codes.push(code.clone());
        departments.push(Marked {
            entry: Department {
                code: code.clone(),
                name,
                aliases: Vec::new(),
                review: Vec::new(),
            },
            marks: vec![mark("code", code, Basis::NamedAt(line))],
        });
    }
    // The office the text puts in charge of the plan: named on a line about leading or
    // implementing it, else the first office named.
    let in_charge = departments
        .iter()
        .position(|d| {
            let line = match &d.marks[0].basis {
                Basis::NamedAt(l) => *l,
                _ => 0,
            };
            seed.line(line).is_some_and(|l| {
                ["领导小组", "牵头", "规划实施"]
                    .iter()
                    .any(|w| l.contains(w))
            })
        })
        .unwrap_or(0);
    let approver = match departments.get(in_charge) {
        Some(d) => {
            let line = match &d.marks[0].basis {
                Basis::NamedAt(l) => *l,
                _ => 0,
            };
            header_marks.push(mark("approvers", &d.entry.name, Basis::NamedAt(line)));
            d.entry.name.clone()
        }
        None => {
            header_marks.push(mark("approvers", "未指定部门(草案)", Basis::NoOffice));
            "未指定部门(草案)".to_string()
        }
    };
    departments.push(Marked {
        entry: Department {
            code: UNASSIGNED.into(),
            name: "未指定部门(草案)".into(),
            aliases: Vec::new(),
            review: Vec::new(),
        },
        marks: vec![mark("code", UNASSIGNED, Basis::Placeholder)],
    });

    // The main table, the text targets, the columns.
    let main = main_table(seed);
    let cols = columns(seed);
    let in_columns = main
        .as_ref()
        .is_some_and(|m| cols.iter().any(|c| c.label == m.label));
    let table = main
        .as_ref()
        .map(|m| table_indicators(seed, m, period.end))
        .unwrap_or_default();
    let previous = period_line.and_then(|l| previous_period(seed, l));
    let text = text_targets(
        seed,
        &scan,
        period,
        main.as_ref(),
        &table,
        in_columns,
        previous.as_deref(),
    );
    let (projects, item_records) = projects(seed, &cols, main.as_ref().map(|m| m.label.as_str()));

    // Rules: the built-in plan's generic entries that select something here.
    let title_cite = RulePassage {
        line: title_line,
        passage: "标题".into(),
        text: Some(title.clone()),
    };
    let indicator_cite = main
        .as_ref()
        .map(|m| RulePassage {
            line: m.header + 1,
            passage: format!("{} 表头", m.label),
            text: Some("属性".into()),
        })
        .unwrap_or_else(|| title_cite.clone());
    let project_cite = cols
        .iter()
        .find(|c| main.as_ref().is_none_or(|m| m.label != c.label))
        .map(|c| RulePassage {
            line: c.header,
            passage: format!("{} {}", c.label, c.title),
            text: Some(c.label.clone()),
        })
        .unwrap_or_else(|| title_cite.clone());
    let all_indicators: Vec<&Indicator> = table
        .iter()
        .chain(&text.targets)
        .map(|m| &m.entry)
        .collect();
    let all_projects: Vec<&Project> = projects.iter().map(|m| &m.entry).collect();
    let rules = rules(
        &all_indicators,
        &all_projects,
        &indicator_cite,
        &project_cite,
    );

    let plausibility = plausibility_entries(&all_indicators);

    // Files.
    let from = format!("plan-lint plan draft from {seed_ref}");
    let review_note = "Every `review` mark is a reading of the text to confirm; `plan-lint plan verify`\nreports each as PL606 until it is deleted.";
    let mut files = Vec::new();
    let mut plan = json!({
        "id": id,
        "name": title,
        "seed": seed_ref,
        "period": {"start": period.start, "end": period.end, "baseline_year": period.baseline_year},
        "approvers": [approver],
        "catalog": ["departments.yaml", "indicators.yaml", "targets.yaml", "projects.yaml"],
        "rules": ["rules.yaml"],
        "source": {"line": title_line, "passage": "标题"},
    });
    if let (Value::Object(o), Some(r)) = (&mut plan, review_list(&header_marks, lang)) {
        o.insert("review".into(), r);
    }
    files.push((
        "plan.yaml".to_string(),
        yaml(
            &format!("The plan, drafted by {from}.\n{review_note}"),
            &plan,
        ),
    ));
    let list = |key: &str, about: &str, entries: Vec<Value>| json!({"about": about, key: entries});
    files.push((
        "departments.yaml".into(),
        yaml(
            &format!("Department registry drafted by {from}: the offices the text names, and the\nplaceholder `{UNASSIGNED}` every drafted entry is assigned to until the office assigns it.\n{review_note}"),
            &list(
                "departments",
                "Departments of the plan (drafted).",
                departments.iter().map(|d| with_marks(d, lang)).collect(),
            ),
        ),
    ));
    files.push((
        "indicators.yaml".into(),
        yaml(
            &format!("The main indicator table{}, drafted by {from}: names, units, categories,\nbaselines, targets and attributes are copied from the table; kind, direction,\nbaseline_kind, comparison, target_is, range and department are readings, marked for review.\n{review_note}", main.as_ref().map(|m| format!(" ({}, seed lines {}-{})", m.label, m.header, m.rows_end)).unwrap_or_default()),
            &list(
                "indicators",
                "The main indicators of the plan (drafted).",
                table.iter().map(|i| with_marks(i, lang)).collect(),
            ),
        ),
    ));
    files.push((
        "targets.yaml".into(),
        yaml(
            &format!("Targets the text states outside the main table, drafted by {from}: one per\nfigure (in digits or words) or comparative of a candidate sentence, in seed order.\n`sentence` is the clause verbatim; `target_year` is the year the sentence states, or the\nperiod's end. Names, kinds and comparisons are readings, marked for review.\n{review_note}"),
            &list(
                "indicators",
                "Targets stated in the text (drafted).",
                text.targets.iter().map(|t| with_marks(t, lang)).collect(),
            ),
        ),
    ));
    files.push((
        "projects.yaml".into(),
        yaml(
            &format!("Named projects of the 专栏 columns, drafted by {from}. Ids are P + the column's\nposition among the 专栏 headers + the item's number in the column; names are the items\nwithout their leading verbs, or facilities composed from a count group.\n{review_note}"),
            &list(
                "projects",
                "Key projects named in the 专栏 columns (drafted).",
                projects.iter().map(|p| with_marks(p, lang)).collect(),
            ),
        ),
    ));
    files.push((
        "rules.yaml".into(),
        yaml(
            &format!("Rules drafted by {from}: the generic entries of the built-in plan (selected by\nattribute, kind or target_is) that select something of this draft, with their severities\nand parameters; each cites a placeholder passage to replace.\n{review_note}"),
            &json!({
                "about": "Rules of the plan (drafted from the built-in plan's generic entries).",
                "rules": rules.iter().map(|r| with_marks(r, lang)).collect::<Vec<_>>(),
                "plausibility": plausibility.iter().map(|p| with_marks(p, lang)).collect::<Vec<_>>(),
            }),
        ),
    ));
    // The accounting file.
    let record_json = |r: &TargetRecord| {
        let mut o = Map::new();
        o.insert("line".into(), json!(r.line));
        o.insert("text".into(), json!(r.text));
        o.insert("accounted_as".into(), json!(r.accounted_as));
        if let Some(v) = review_list(&r.marks, lang) {
            o.insert("review".into(), v);
        }
        Value::Object(o)
    };
    let item_json = |r: &ItemRecord| {
        let mut o = Map::new();
        o.insert("line".into(), json!(r.line));
        o.insert("column".into(), json!(r.column));
        o.insert("column_ordinal".into(), json!(r.ordinal));
        o.insert("item".into(), json!(r.item));
        o.insert("accounted_as".into(), json!(r.accounted_as));
        if let Some(v) = review_list(&r.marks, lang) {
            o.insert("review".into(), v);
        }
        Value::Object(o)
    };
    let word_figures: Map<String, Value> = crate::engine::verify::word_figures::WORD_FIGURES
        .iter()
        .map(|&(w, v)| (w.to_string(), json!(v)))
        .collect();
    let mut search = json!({
        "description": "The completeness scan's search with plan-lint's default patterns (plan-lint explain PL603). Every candidate sentence has one record below, every column item that is not a project by its exact name one item record.",
        "name_patterns": completeness::NAME_PATTERNS,
        "word_figures": word_figures,
        "word_names": crate::engine::verify::word_figures::WORD_NAMES,
        "comparatives": completeness::COMPARATIVE,
    });
    if !text.targets.is_empty() {
        search["batches"] = json!(["T001"]);
    }
    let accounting = json!({
        "about": format!("Accounting of the target search and the column-item search over {seed_ref}, drafted by plan-lint plan draft."),
        "seed": seed_ref,
        "search": {"targets": search},
        "targets": text.records.iter().map(record_json).collect::<Vec<_>>(),
        "items": item_records.iter().map(item_json).collect::<Vec<_>>(),
    });
    files.push((
        completeness::ACCOUNTING_FILE.to_string(),
        yaml(
            &format!("What every candidate of the completeness scan became, drafted by {from}.\nRecords the draft could not decide say \"not a target\"/\"not a project\" and carry a\nreview mark: catalog the target or project, or write the reason.\n{review_note}"),
            &accounting,
        ),
    ));

    let marks = header_marks.len()
        + departments.iter().map(|d| d.marks.len()).sum::<usize>()
        + table.iter().map(|i| i.marks.len()).sum::<usize>()
        + text.targets.iter().map(|i| i.marks.len()).sum::<usize>()
        + projects.iter().map(|p| p.marks.len()).sum::<usize>()
        + rules.iter().map(|r| r.marks.len()).sum::<usize>()
        + text.records.iter().map(|r| r.marks.len()).sum::<usize>()
        + item_records.iter().map(|r| r.marks.len()).sum::<usize>();
    Drafted {
        files,
        indicators: table.len(),
        targets: text.targets.len(),
        projects: projects.len(),
        departments: departments.len(),
        marks,
    }
}

/// How plan.yaml names the seed: its path relative to the plan directory `dir`.
pub fn seed_reference(dir: &std::path::Path, seed: &std::path::Path) -> String {
    relative_path(dir, seed)
}

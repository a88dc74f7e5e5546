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

mod main_table;
mod offices;
mod projects;
mod text_targets;
mod yaml;
use main_table::*;
use offices::*;
use projects::*;
use text_targets::*;
use yaml::*;

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

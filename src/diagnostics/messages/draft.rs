//! `plan-lint plan draft`: the review marks it writes into a drafted plan
//! directory (in the run's language), and what it says when it is done.
//!
//! A mark reads "<field>: <value>, <basis> — confirm": the field of the entry
//! the draft proposed rather than copied, the value it proposed, and on what
//! basis. `plan verify` reports each mark as PL606 until the plan office
//! deletes it.

use super::{list, q, Lang};
use Lang::{En, Zh};

/// On what basis the draft proposed a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    /// Read from a word of the plan's text (年均增长, 以上, 保持 …).
    Word(String),
    /// No word decided it: the default reading.
    Default,
    /// A unit's plausibility (rules.md version 3): plan-lint's default, to be
    /// argued from the plan's figures and from published series.
    DefaultPlausibility,
    /// The target is at or worse than the baseline: a floor or ceiling to hold.
    AtOrWorse,
    /// The target is text, not a figure.
    TextTarget,
    /// Read from the unit.
    Unit(String),
    /// A placeholder the office must replace (a department, a citation).
    Placeholder,
    /// Taken from another line of the text.
    Line { line: usize, text: String },
    /// Cut from the clause or item it stands in.
    Cut(String),
    /// Composed from a count group ("3处服务站") with the qualifier it chose.
    Composed { item: String, qualifier: String },
    /// The text names no attribute (约束性/预期性) for a target outside the table.
    NoAttribute,
    /// The sentence states no year: the period's end.
    PeriodEnd,
    /// Figures, years or comparatives of a candidate sentence the draft did not read as a target.
    NotRead(Vec<String>),
    /// A candidate sentence about the past (before the period, or 十三五).
    Past,
    /// A sentence stating several different years.
    SeveralYears(Vec<String>),
    /// A column item the draft did not read as a project.
    NotProject,
    /// The office the text names at a line.
    NamedAt(usize),
    /// The text names no office.
    NoOffice,
}

/// One review mark: what to check in a drafted entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub field: &'static str,
    pub value: String,
    pub basis: Basis,
}

impl Basis {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Basis::Word(w), En) => format!("read from \"{w}\""),
            (Basis::Word(w), Zh) => format!("依据“{w}”推定"),
            (Basis::DefaultPlausibility, En) => "plan-lint's default for the unit: argue it in the note from the plan's baselines, targets and paths and from how published series of the unit move".into(),
            (Basis::DefaultPlausibility, Zh) => "plan-lint 对该单位的默认值：请在 note 中依据规划的基期值、目标值和路径以及同类公开统计序列的变动情况论证".into(),
            (Basis::Default, En) => "the default reading".into(),
            (Basis::Default, Zh) => "默认解读".into(),
            (Basis::AtOrWorse, En) => "the target is at or worse than the baseline".into(),
            (Basis::AtOrWorse, Zh) => "目标不优于基期值".into(),
            (Basis::TextTarget, En) => "the target is text, not a figure".into(),
            (Basis::TextTarget, Zh) => "目标为文字而非数值".into(),
            (Basis::Unit(u), En) => format!("read from the unit \"{u}\""),
            (Basis::Unit(u), Zh) => format!("依据单位“{u}”推定"),
            (Basis::Placeholder, En) => "a placeholder to replace".into(),
            (Basis::Placeholder, Zh) => "占位内容，待替换".into(),
            (Basis::Line { line, text }, En) => format!("taken from line {line}: \"{text}\""),
            (Basis::Line { line, text }, Zh) => format!("取自第 {line} 行：“{text}”"),
            (Basis::Cut(from), En) => format!("cut from \"{from}\""),
            (Basis::Cut(from), Zh) => format!("截取自“{from}”"),
            (Basis::Composed { item, qualifier }, En) => {
                format!("composed from the count group item \"{item}\" with the qualifier \"{qualifier}\"")
            }
            (Basis::Composed { item, qualifier }, Zh) => {
                format!("由计数组条目“{item}”按限定词“{qualifier}”组合而成")
            }
            (Basis::NoAttribute, En) => "the text marks no 约束性 or 预期性 for it".into(),
            (Basis::NoAttribute, Zh) => "规划文本没有标明约束性或预期性".into(),
            (Basis::PeriodEnd, En) => "the sentence states no year: the period's end".into(),
            (Basis::PeriodEnd, Zh) => "语句没有写明年份，取规划期末".into(),
            (Basis::NotRead(tokens), En) => format!(
                "the draft read no target in {}: catalog one or give the reason",
                list(En, &quoted(tokens, En))
            ),
            (Basis::NotRead(tokens), Zh) => format!(
                "草案未把{}解读为目标：请列入目录或写明理由",
                list(Zh, &quoted(tokens, Zh))
            ),
            (Basis::Past, En) => "the sentence is read as describing the past".into(),
            (Basis::Past, Zh) => "该语句被解读为回顾过去".into(),
            (Basis::SeveralYears(years), En) => format!(
                "the sentence states several years ({}): catalog its targets by hand",
                years.join(", ")
            ),
            (Basis::SeveralYears(years), Zh) => format!(
                "该语句写有多个年份（{}）：请人工列出其中的目标",
                years.join("、")
            ),
            (Basis::NotProject, En) => {
                "the draft did not read it as a project: catalog it or give the reason".into()
            }
            (Basis::NotProject, Zh) => "草案未把它解读为项目：请列入目录或写明理由".into(),
            (Basis::NamedAt(line), En) => format!("the office the text names at line {line}"),
            (Basis::NamedAt(line), Zh) => format!("规划文本第 {line} 行提到的单位"),
            (Basis::NoOffice, En) => "the text names no office".into(),
            (Basis::NoOffice, Zh) => "规划文本没有提到任何单位".into(),
        }
    }
}

fn quoted(items: &[String], lang: Lang) -> Vec<String> {
    items.iter().map(|t| q(lang, t)).collect()
}

impl Mark {
    pub fn new(field: &'static str, value: impl Into<String>, basis: Basis) -> Mark {
        Mark {
            field,
            value: value.into(),
            basis,
        }
    }

    /// The mark as the draft writes it into the `review` list.
    pub fn text(&self, lang: Lang) -> String {
        let basis = self.basis.text(lang);
        match lang {
            En => format!("{}: \"{}\", {basis} — confirm", self.field, self.value),
            Zh => format!("{}：“{}”，{basis}，请确认", self.field, self.value),
        }
    }
}

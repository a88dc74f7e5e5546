//! The plan catalog: what a plan says, as data. Deserialised from the YAML
//! files of a plan directory after they passed the plan schema.

use serde::{Deserialize, Serialize};

/// Where the seed text states a fact: a 1-based line of the seed file and
/// the plan's own name for that place (专栏2-1 序号14, 第三章第二节 ...).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub line: usize,
    pub passage: String,
}

/// Another passage of the plan that states the same fact differently; the
/// table stands, this is recorded beside it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    pub line: usize,
    pub passage: String,
    /// The words of that passage, exactly as in the seed.
    pub text: String,
    pub note: String,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 约束性
    Binding,
    /// 预期性
    Expected,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Level,
    AnnualRate,
    Cumulative,
    Qualitative,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BaselineKind {
    /// A value at the baseline year.
    Level,
    PeriodAverage,
    PeriodTotal,
    Cap,
    None,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    AtLeast,
    AtMost,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TargetIs {
    Path,
    Bound,
}

/// One target of the plan that departments report a figure for.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub unit: String,
    /// 类别 of 专栏2-1, or the chapter's theme for targets from the text.
    pub category: String,
    pub attribute: Attribute,
    pub kind: IndicatorKind,
    pub direction: Direction,
    pub baseline: Option<f64>,
    /// The baseline as the plan writes it ("4.5以内", "---").
    #[serde(default)]
    pub baseline_text: Option<String>,
    pub baseline_kind: BaselineKind,
    pub target: Option<f64>,
    pub target_text: String,
    pub target_year: i32,
    pub comparison: Comparison,
    pub target_is: TargetIs,
    /// Plausible values: [min, max]; either end may be null (unbounded).
    pub range: [Option<f64>; 2],
    /// Code of the responsible department.
    pub department: String,
    pub source: Citation,
    /// The sentence a target from the text comes from, exactly as in the seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discrepancies: Vec<Discrepancy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A named key project of a 专栏 column.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub id: String,
    pub name: String,
    /// The column as the plan numbers it (专栏5-2).
    pub column: String,
    /// The column's position among all columns of the plan, 1-based (the
    /// plan numbers two columns 3-6).
    pub column_ordinal: u32,
    pub department: String,
    pub source: Citation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub code: String,
    pub name: String,
    /// Other names a clerk may write (区发改局 for 区发展和改革局).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: i32,
    pub end: i32,
    pub baseline_year: i32,
}

/// `plan.yaml`: who the plan is and which files hold it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanHeader {
    pub id: String,
    pub name: String,
    /// The seed file the citations refer to, relative to the repository's `seeds/`.
    pub seed: String,
    pub period: Period,
    /// Who may approve revisions and suppressions of binding-indicator rules.
    pub approvers: Vec<String>,
    /// Catalog files (indicators, projects, departments), relative to the plan directory.
    pub catalog: Vec<String>,
    /// Rule files, relative to the plan directory.
    pub rules: Vec<String>,
    #[serde(default)]
    pub source: Option<Citation>,
}

/// One catalog file: any of its sections may be present.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    #[serde(default)]
    pub about: Option<String>,
    #[serde(default)]
    pub departments: Vec<Department>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub projects: Vec<Project>,
}

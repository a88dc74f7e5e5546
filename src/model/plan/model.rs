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
    /// 以上, 不低于, a floor: the value is the target or better.
    AtLeast,
    /// 以内, 不超过, a ceiling.
    AtMost,
    /// 超过, 高于: strictly above.
    MoreThan,
    /// 低于: strictly below.
    LessThan,
    /// 左右, 约: inside a band around the target, as wide as the PL202 rule entry's `band`.
    About,
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TargetIs {
    /// To be reached by the target year: judged against the target from
    /// that year on (with a trajectory before it where a baseline allows).
    Path,
    /// Held in every year of the period (保持…, …以内, a target at or worse
    /// than its baseline).
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
    /// A relative target: what the figure is compared with (全市平均, 全省);
    /// the figure itself is the register's requirement for the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub source: Citation,
    /// The sentence a target from the text comes from, exactly as in the seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discrepancies: Vec<Discrepancy>,
    /// The indicator's own plausible change (over its unit's in the rule
    /// files), argued in its `note` (rules.md version 3, PL211).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plausible: Option<super::plausibility::PlausibleOverride>,
    /// The id of another indicator whose figure of the same year is the same
    /// measure (T079 经济增速 is I01's growth of the year): PL213.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What a person must still check in a drafted entry (`plan draft` writes these; `plan
    /// verify` reports each as PL606 review-pending until the plan office deletes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
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
    /// What a person must still check in a drafted entry (`plan draft` writes these; `plan
    /// verify` reports each as PL606 review-pending until the plan office deletes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub code: String,
    pub name: String,
    /// Other names a clerk may write (区发改局 for 区发展和改革局).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What a person must still check in a drafted entry (`plan draft` writes these; `plan
    /// verify` reports each as PL606 review-pending until the plan office deletes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
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
    /// What a person must still check in a drafted entry (`plan draft` writes these; `plan
    /// verify` reports each as PL606 review-pending until the plan office deletes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
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

/// A key project's construction status, as reports state it.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Planned,
    Preparing,
    UnderConstruction,
    Completed,
    Suspended,
    Cancelled,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 6] = [
        ProjectStatus::Planned,
        ProjectStatus::Preparing,
        ProjectStatus::UnderConstruction,
        ProjectStatus::Completed,
        ProjectStatus::Suspended,
        ProjectStatus::Cancelled,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Preparing => "preparing",
            ProjectStatus::UnderConstruction => "under_construction",
            ProjectStatus::Completed => "completed",
            ProjectStatus::Suspended => "suspended",
            ProjectStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A rule file: where the plan applies the plan-dependent codes.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub about: Option<String>,
    pub rules: Vec<RuleEntry>,
    /// The plausible change, whole numbers and precision by unit (rules.md version 3).
    #[serde(default)]
    pub plausibility: Vec<super::plausibility::PlausibilityEntry>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleEntry {
    pub code: String,
    #[serde(default)]
    pub select: Selector,
    pub severity: crate::model::code::Severity,
    pub suppressible: bool,
    #[serde(default)]
    pub params: Params,
    pub passage: RulePassage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What a person must still check in a drafted entry (`plan draft` writes these; `plan
    /// verify` reports each as PL606 review-pending until the plan office deletes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<String>,
}

/// Which indicators or projects a rule entry applies to; every given field must match.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<Attribute>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndicatorKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_is: Option<TargetIs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
}

impl Selector {
    pub fn matches_indicator(&self, i: &Indicator) -> bool {
        self.ids.as_ref().is_none_or(|ids| ids.contains(&i.id))
            && self.attribute.is_none_or(|a| a == i.attribute)
            && self.category.as_ref().is_none_or(|c| *c == i.category)
            && self.kind.is_none_or(|k| k == i.kind)
            && self.target_is.is_none_or(|t| t == i.target_is)
            && self.columns.is_none()
    }
    pub fn matches_project(&self, p: &Project) -> bool {
        self.ids.as_ref().is_none_or(|ids| ids.contains(&p.id))
            && self.columns.as_ref().is_none_or(|c| c.contains(&p.column))
            && self.attribute.is_none()
            && self.category.is_none()
            && self.kind.is_none()
            && self.target_is.is_none()
    }
    /// A readable form for `plan-lint rules`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(ids) = &self.ids {
            parts.push(format!("ids {}", ids.join(",")));
        }
        if let Some(a) = self.attribute {
            parts.push(format!(
                "attribute {}",
                if a == Attribute::Binding {
                    "binding"
                } else {
                    "expected"
                }
            ));
        }
        if let Some(c) = &self.category {
            parts.push(format!("category {c}"));
        }
        if let Some(k) = self.kind {
            parts.push(format!(
                "kind {}",
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            ));
        }
        if let Some(t) = self.target_is {
            parts.push(format!(
                "target_is {}",
                if t == TargetIs::Path { "path" } else { "bound" }
            ));
        }
        if let Some(c) = &self.columns {
            parts.push(format!("columns {}", c.join(",")));
        }
        if parts.is_empty() {
            "all".into()
        } else {
            parts.join("; ")
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Params {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transitions: Option<std::collections::BTreeMap<ProjectStatus, Vec<ProjectStatus>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years_before_start: Option<u32>,
    /// PL202: half the width of the band of a 左右/约 target, in percent of the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<f64>,
    /// PL207: values must be above this, besides the catalog's range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greater_than: Option<f64>,
    /// PL207: values must be at most this, besides the catalog's range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<f64>,
}

/// The plan passage that demands a rule.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RulePassage {
    pub line: usize,
    pub passage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

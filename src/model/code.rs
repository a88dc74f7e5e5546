//! Every code plan-lint emits (rules.md's catalog): the stable identifiers of the
//! contract, and what the contract says of each — its name, severity, subject, whether a
//! plan's rule files decide where it applies, and the parameters such a rule entry must
//! give. Each code's explain texts and check live with its rule (`rules/`), whose registry
//! (`rules::registry`) joins them to these by code.
//!
//! A code is never written as a bare string outside this file: a finding, a rule entry or
//! a decision names a [`Code`]; the files plan-lint reads are parsed into one
//! ([`Code::parse`]) and the outputs print it ([`Code::as_str`]).

use serde::{Deserialize, Serialize, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a code is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    File,
    Indicator,
    Project,
    Suppression,
    History,
}

/// What a code is, beyond its name and severity: the properties other
/// parts of plan-lint ask of it. A property is declared here, on the code,
/// so that a new code states each one where it is declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Property {
    /// A plan's rule files decide where it applies (PL2xx, PL3xx).
    PlanRule,
    /// Its finding is about a figure: a suppression of it names the figure
    /// it approves (`value`), and a worse figure is a new finding.
    Figure,
    /// Its error means a binding indicator missed its commitment (the step
    /// summary's list of misses).
    BindingMiss,
    /// Its finding on a figure says the figure itself is not valid data
    /// (rules.md version 3, "in error"), rather than judging it.
    DataValidity,
    /// The example generator (`examples/generate`) can plant it.
    Plantable,
    /// A report's own `suppressions:` cannot touch it (PL501): a department
    /// cannot excuse its own figures' plausibility or its own filing outside
    /// its responsibilities; only the register's decision can.
    NotByReport,
    /// A unit slip (PL212) on the entry folds it into itself: caused by the
    /// slip, it says nothing of the meant figure.
    FoldedBySlip,
}

/// Declares every code once: its variant, text, name, the contract's
/// severity, subject, the parameters a plan's rule entry must give, the
/// `engine::rules` module whose `CodeInfo` holds its explain texts and
/// check, and its [`Property`]s. The `Code` enum, [`ALL`] and the rule
/// registry's list (`engine::rules::registry::CODES`) are all generated
/// from this one list, in its order, which is code order.
///
/// `with_codes!(callback)` hands the list to a macro of the caller's, so a
/// layer above can build its own table from the same declaration.
macro_rules! with_codes {
    ($callback:ident) => {
        $callback! {
            PL001 { name: "yaml-syntax", severity: "error", subject: File, params: [], checked_in: parse, properties: [Plantable] }
            PL002 { name: "schema", severity: "error", subject: File, params: [], checked_in: parse, properties: [DataValidity, Plantable] }
            PL003 { name: "unknown-plan", severity: "error", subject: File, params: [], checked_in: reference, properties: [] }
            PL004 { name: "bad-plan", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL005 { name: "bad-config", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL006 { name: "register-outdated", severity: "warning", subject: File, params: [], checked_in: registry, properties: [] }
            PL101 { name: "unknown-indicator", severity: "error", subject: Indicator, params: [], checked_in: reference, properties: [Plantable] }
            PL102 { name: "unknown-project", severity: "error", subject: Project, params: [], checked_in: reference, properties: [] }
            PL103 { name: "duplicate-entry", severity: "error", subject: Indicator, params: [], checked_in: reference, properties: [] }
            PL104 { name: "unit-mismatch", severity: "error", subject: Indicator, params: [], checked_in: reference, properties: [DataValidity, Plantable] }
            PL105 { name: "not-responsible", severity: "error", subject: Indicator, params: [], checked_in: reference, properties: [NotByReport] }
            PL106 { name: "bad-period", severity: "error", subject: File, params: [], checked_in: reference, properties: [] }
            PL107 { name: "duplicate-report", severity: "error", subject: File, params: [], checked_in: reference, properties: [] }
            PL108 { name: "path-mismatch", severity: "error", subject: File, params: [], checked_in: reference, properties: [] }
            PL109 { name: "unknown-department", severity: "error", subject: File, params: [], checked_in: reference, properties: [] }
            PL110 { name: "unread-report-file", severity: "warning", subject: File, params: [], checked_in: reference, properties: [] }
            PL201 { name: "binding-regression", severity: "error", subject: Indicator, params: ["tolerance"], checked_in: no_regression, properties: [PlanRule, Figure, BindingMiss, Plantable, FoldedBySlip] }
            PL202 { name: "target-breach", severity: "error for binding, warning otherwise", subject: Indicator, params: ["band"], checked_in: target_bound, properties: [PlanRule, Figure, BindingMiss, FoldedBySlip] }
            PL203 { name: "off-trajectory", severity: "warning", subject: Indicator, params: ["margin"], checked_in: trajectory, properties: [PlanRule, Figure, FoldedBySlip] }
            PL204 { name: "requirement-missing", severity: "error for binding, warning otherwise", subject: Indicator, params: [], checked_in: requirement, properties: [PlanRule, BindingMiss] }
            PL205 { name: "requirement-not-met", severity: "error for binding, warning otherwise", subject: Indicator, params: [], checked_in: requirement, properties: [PlanRule, Figure, BindingMiss] }
            PL206 { name: "cumulative-decrease", severity: "error", subject: Indicator, params: [], checked_in: cumulative, properties: [PlanRule, Figure] }
            PL207 { name: "implausible-value", severity: "error", subject: Indicator, params: [], checked_in: range, properties: [PlanRule, Figure, DataValidity, FoldedBySlip, Plantable] }
            PL208 { name: "missing-indicator", severity: "error for binding, warning otherwise", subject: Indicator, params: [], checked_in: coverage, properties: [PlanRule, BindingMiss] }
            PL209 { name: "binding-pending", severity: "warning; error once `expected_by` has passed or lies after 31 December of the year after the period", subject: Indicator, params: [], checked_in: coverage, properties: [PlanRule] }
            PL210 { name: "requirement-inconsistent", severity: "error", subject: Indicator, params: [], checked_in: requirement, properties: [PlanRule, Plantable] }
            PL211 { name: "implausible-change", severity: "error", subject: Indicator, params: [], checked_in: change, properties: [PlanRule, DataValidity, NotByReport, FoldedBySlip, Plantable] }
            PL212 { name: "unit-slip", severity: "error", subject: Indicator, params: [], checked_in: unit_slip, properties: [PlanRule, DataValidity, NotByReport, Plantable] }
            PL213 { name: "inconsistent-figures", severity: "error", subject: Indicator, params: [], checked_in: same_measure, properties: [PlanRule, DataValidity, NotByReport, Plantable] }
            PL301 { name: "bad-status-transition", severity: "error", subject: Project, params: ["transitions"], checked_in: status_transition, properties: [PlanRule] }
            PL302 { name: "progress-decrease", severity: "error", subject: Project, params: [], checked_in: progress, properties: [PlanRule, Plantable] }
            PL303 { name: "completion-evidence", severity: "error", subject: Project, params: [], checked_in: completion, properties: [PlanRule, Plantable] }
            PL304 { name: "date-order", severity: "error", subject: Project, params: [], checked_in: date_order, properties: [PlanRule] }
            PL305 { name: "investment-overrun", severity: "warning", subject: Project, params: [], checked_in: overrun, properties: [PlanRule, Plantable] }
            PL306 { name: "missing-project", severity: "warning", subject: Project, params: [], checked_in: coverage, properties: [PlanRule] }
            PL307 { name: "field-dropped", severity: "warning", subject: Project, params: [], checked_in: field_dropped, properties: [PlanRule] }
            PL401 { name: "history-rewritten", severity: "error", subject: History, params: [], checked_in: history_integrity, properties: [] }
            PL402 { name: "history-deleted", severity: "error", subject: History, params: [], checked_in: history_integrity, properties: [] }
            PL403 { name: "rules-changed", severity: "warning", subject: History, params: [], checked_in: history_integrity, properties: [] }
            PL501 { name: "bad-suppression", severity: "error", subject: Suppression, params: [], checked_in: suppression, properties: [] }
            PL502 { name: "expired-suppression", severity: "error", subject: Suppression, params: [], checked_in: suppression, properties: [] }
            PL503 { name: "unused-suppression", severity: "warning", subject: Suppression, params: [], checked_in: suppression, properties: [] }
            PL601 { name: "citation-mismatch", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL602 { name: "table-row", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL603 { name: "unaccounted", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL604 { name: "accounting-mismatch", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL605 { name: "catalog-inconsistent", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
            PL606 { name: "review-pending", severity: "error", subject: File, params: [], checked_in: registry, properties: [] }
        }
    };
}
pub(crate) use with_codes;

macro_rules! declare_codes {
    ($($code:ident { name: $name:literal, severity: $severity:literal, subject: $subject:ident, params: [$($param:literal),*], checked_in: $module:ident, properties: [$($property:ident),*] })*) => {
        /// A code of the contract.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($code,)*
        }

        /// Every code, in code order.
        pub static ALL: &[Meta] = &[
            $(Meta {
                code: Code::$code,
                text: stringify!($code),
                name: $name,
                severity: $severity,
                subject: Subject::$subject,
                required_params: &[$($param),*],
                properties: &[$(Property::$property),*],
            },)*
        ];
    };
}
with_codes!(declare_codes);

/// What the contract says of a code.
#[derive(Debug)]
pub struct Meta {
    pub code: Code,
    pub text: &'static str,
    pub name: &'static str,
    /// The contract's severity; a plan's rule entry may set another.
    pub severity: &'static str,
    pub subject: Subject,
    pub required_params: &'static [&'static str],
    pub properties: &'static [Property],
}

/// The contract's severity in Chinese: each form the contract uses, once.
fn zh_severity(en: &str) -> Option<&'static str> {
    Some(match en {
        "error" => "错误",
        "warning" => "警告",
        "error for binding, warning otherwise" => "约束性指标为错误，其他为警告",
        "warning; error once `expected_by` has passed or lies after 31 December of the year after the period" => {
            "警告；`expected_by` 已过，或晚于报告年度次年12月31日时为错误"
        }
        _ => return None,
    })
}

/// What the contract says of the code a text names ("PL201"), if it has it.
pub fn meta_of(text: &str) -> Option<&'static Meta> {
    Code::parse(text).map(Code::meta)
}

impl Code {
    /// The code as the contract writes it: "PL201".
    pub fn as_str(self) -> &'static str {
        self.meta().text
    }
    /// The code a text names ("PL201"), if the contract has it.
    pub fn parse(text: &str) -> Option<Code> {
        ALL.iter().find(|m| m.text == text).map(|m| m.code)
    }
    pub fn meta(self) -> &'static Meta {
        &ALL[self as usize]
    }
    pub fn name(self) -> &'static str {
        self.meta().name
    }
    pub fn severity(self) -> &'static str {
        self.meta().severity
    }
    pub fn subject(self) -> Subject {
        self.meta().subject
    }
    /// The contract's severity in Chinese.
    pub fn severity_zh(self) -> &'static str {
        zh_severity(self.severity()).unwrap_or(self.severity())
    }
    pub fn plan_rule(self) -> bool {
        self.has(Property::PlanRule)
    }
    /// Whether the code is one of data validity (rules.md version 3, "One
    /// judgement"): a figure carrying an unresolved finding of it is in
    /// error (数据有误), never met or on track. PL002 and PL104 count only on
    /// a figure, PL211 only unconfirmed: see `Diagnostic::is_data_validity`.
    pub fn is_data_validity(self) -> bool {
        self.has(Property::DataValidity)
    }
    /// Whether the code has a [`Property`].
    pub fn has(self, property: Property) -> bool {
        self.meta().properties.contains(&property)
    }
    pub fn required_params(self) -> &'static [&'static str] {
        self.meta().required_params
    }
    /// Every code, in code order.
    pub fn all() -> impl Iterator<Item = Code> {
        ALL.iter().map(|m| m.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order_and_each_text_is_its_name() {
        for (i, m) in ALL.iter().enumerate() {
            assert_eq!(m.code as usize, i);
            assert_eq!(format!("{:?}", m.code), m.text);
            assert_eq!(Code::parse(m.text), Some(m.code));
        }
        assert_eq!(Code::parse("PL999"), None);
    }

    /// Every severity the contract writes has its Chinese.
    #[test]
    fn every_severity_has_its_chinese() {
        for m in ALL {
            assert!(
                zh_severity(m.severity).is_some(),
                "{}: {:?}",
                m.text,
                m.severity
            );
        }
    }
}
